"""Lexicon loading, validation messages, and writing."""

from __future__ import annotations

import pytest

from framing.errors import InputError, LexiconError
from framing.lexicon import (
    PatternError,
    lexicon_path,
    parse_lexicon,
    pattern_tokens,
    read_lexicon,
    shipped_lexicons,
    write_lexicon,
)


def test_read_shipped_lexicon_by_name():
    lex = read_lexicon("ukraine_war")
    assert lex.name == "ukraine-war"
    assert {"en", "de", "ru"} <= set(lex.languages)
    assert "ukraine_war" in shipped_lexicons()
    assert read_lexicon("ukraine-war").version_id == lex.version_id


def test_tiny_lexicon_model(tiny_lexicon):
    assert list(tiny_lexicon.frames) == ["proxy_war", "bloc", "naming"]
    proxy = tiny_lexicon.frames["proxy_war"]
    assert proxy.label == "Proxy war"
    assert [t.pattern for t in proxy.excludes] == ["proxy war game*"]
    assert tiny_lexicon.frames["bloc"].label == "US-led bloc"
    assert tiny_lexicon.frames["naming"].dimension == "naming"
    assert proxy.terms[0].origin == "tiny.yaml:8"
    table = tiny_lexicon.to_frame()
    assert len(table) == 13
    assert set(table["kind"]) == {"term", "exclude"}


def test_content_hash_ignores_layout_but_not_content(tiny_lexicon):
    from tests.conftest import TINY_LEXICON

    relaid = parse_lexicon("# a comment\n" + TINY_LEXICON.replace('["Kiev"]', "\n        - Kiev"))
    assert relaid.content_hash == tiny_lexicon.content_hash
    changed = parse_lexicon(TINY_LEXICON.replace('"Kiev"', '"Kyiv"'))
    assert changed.content_hash != tiny_lexicon.content_hash
    assert tiny_lexicon.version_id.startswith("2+")


@pytest.mark.parametrize("pattern, tokens", [
    ("proxy war", (("proxy", False), ("war", False))),
    ("US-led bloc*", (("us", False), ("led", False), ("bloc", True))),
    ("Stellvertreterkrieg*", (("stellvertreterkrieg", True),)),
    ("Kiev\u2019s  backers", (("kiev's", False), ("backers", False))),
    ("ЁЛКА", (("елка", False),)),
])
def test_pattern_tokens(pattern, tokens):
    assert pattern_tokens(pattern) == tokens


@pytest.mark.parametrize("pattern, message", [
    ("*", "bare"),
    ("", "empty"),
    ("  ", "empty"),
    ("---", "no words after normalization"),
    ("\u00ad\u200b", "empty"),
    ("a*b", "at the end of a word"),
    ("war **", "must follow letters"),
    ("US/NATO", "'/' in 'US/NATO' is not part of a word"),
    ("non-", "ends with a separator"),
    ("a -", "ends with a separator"),
])
def test_pattern_errors(pattern, message):
    with pytest.raises(PatternError, match=message):
        pattern_tokens(pattern)


BAD = """\
name: bad
colour: red
frames:
  one:
    labl: One
    terms:
      en: ["*", "fine", "US/NATO", {pattern: "x", weight: high}, {pattern: "y", colour: 1}]
      EN: ["x"]
      de: []
  two:
    terms: {}
  three:
    label: Three
  one:
    terms: {en: [x]}
"""


def test_every_problem_reported_at_once_with_lines():
    with pytest.raises(LexiconError) as info:
        parse_lexicon(BAD, path="bad.yaml")
    problems = info.value.problems
    text = str(info.value)
    assert text.startswith(f"{len(problems)} problems in lexicon bad.yaml:")
    expected = [
        "bad.yaml:2: unknown key 'colour' in the lexicon",
        "bad.yaml:5: unknown key 'labl' in frame 'one'",
        "bad.yaml:7: frame 'one' (en): pattern is a bare '*'",
        "bad.yaml:7: frame 'one' (en): '/' in 'US/NATO' is not part of a word",
        "bad.yaml:7: 'weight' must be a number; got 'high'",
        "bad.yaml:7: unknown key 'colour' in a term of frame 'one'",
        "bad.yaml:8: language 'EN' in terms of frame 'one' must be an ISO 639-1 code",
        "bad.yaml:9: terms of frame 'one', language 'de', is an empty list",
        "bad.yaml:11: frame 'two' is empty: it has no terms",
        "bad.yaml:13: frame 'three' has no 'terms'",
        "bad.yaml:14: duplicate key 'one' in 'frames'",
    ]
    for e in expected:
        assert any(p.startswith(e) for p in problems), (e, problems)
    lines = [int(p.split(":")[1]) for p in problems]
    assert lines == sorted(lines)


@pytest.mark.parametrize("text, message", [
    ("", "bad.yaml:1: the lexicon is empty"),
    ("name: x\n", "missing 'frames'"),
    ("frames: {a: {terms: {en: [x]}}}\n", "missing 'name'"),
    ("name: x\nframes: {}\n", "'frames' is empty"),
    ("name: x\nframes:\n\ta: 1\n", "bad.yaml:3:1: invalid YAML"),
    ("name: x\nframes: [a, b]\n", "'frames' must be a mapping"),
    ("name: &n x\nframes: {a: {label: *n, terms: {en: [x]}}}\n", "aliases"),
    ("name: !!python/object:os.system x\nframes: {a: {terms: {en: [x]}}}\n", "tag"),
    ("name: x\nframes: {a: {terms: {en: [x, ~]}}}\n", "empty pattern"),
    ("name: x\nframes: {a: {terms: {en: [{weight: 2}]}}}\n", "has no 'pattern'"),
    ("name: x\nframes: {a: {terms: {en: [{pattern: x, case_sensitive: maybe}]}}}\n",
     "'case_sensitive' must be true or false"),
    ("name: x\nframes: {a: {terms: {en: [{pattern: x, weight: .nan}]}}}\n",
     "'weight' must be a number"),
    ("name: x\nframes: {a: {terms: {en: x}}}\n", "must be a list of patterns"),
    ("name: x\nframes: {a: {label: [1], terms: {en: [x]}}}\n", "label of frame 'a' must be text"),
])
def test_lexicon_errors(text, message):
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace("*", r"\*")):
        parse_lexicon(text, path="bad.yaml")


def test_read_lexicon_missing_file_names_shipped(tmp_path):
    with pytest.raises(InputError, match="no lexicon file or shipped lexicon named 'nope'.*"
                                         "ukraine_war"):
        read_lexicon("nope")


def test_read_lexicon_bad_encoding(tmp_path):
    path = tmp_path / "l.yaml"
    path.write_bytes("name: x\nframes:\n  a: {terms: {de: [Gr\u00f6\u00dfe]}}\n".encode("cp1252"))
    with pytest.raises(InputError, match=r"l.yaml:3: bytes are not valid utf-8 at byte offset"):
        read_lexicon(path)
    assert read_lexicon(path, encoding="cp1252").terms()[0].pattern == "Gr\u00f6\u00dfe"


def test_write_lexicon_round_trips(tmp_path, tiny_lexicon):
    lex = parse_lexicon(
        "name: w\nversion: 3\nframes:\n  a:\n    label: A\n    terms:\n      en:\n"
        "        - {pattern: US, case_sensitive: true, weight: 2.5, note: the country}\n"
        "        - plain\n", path="w.yaml")
    for original in (lex, tiny_lexicon):
        out = write_lexicon(original, tmp_path / f"{original.name}.yaml")
        again = read_lexicon(out)
        assert again.content_hash == original.content_hash
    assert not list(tmp_path.glob(".*.tmp"))


# ------------------------------------------------------------ fast YAML, cached files


def _node_rows(node):
    """Every node of a YAML tree: its kind, tag, value (for scalars) and position."""
    rows = [(type(node).__name__, node.tag, node.start_mark.line, node.start_mark.column,
             node.end_mark.line, node.value if isinstance(node.value, str) else None)]
    if isinstance(node.value, list):
        for item in node.value:
            for child in (item if isinstance(item, tuple) else (item,)):
                rows += _node_rows(child)
    return rows


def test_libyaml_and_pure_python_compose_the_same_nodes(monkeypatch):
    import yaml

    from framing import _yaml

    if len(_yaml._LOADERS) < 2:
        pytest.skip("PyYAML was built without libyaml")
    text = lexicon_path("ukraine_war").read_text(encoding="utf-8")
    fast, _ = _yaml.compose(text)
    monkeypatch.setattr(_yaml, "_LOADERS", (yaml.SafeLoader,))
    slow, _ = _yaml.compose(text)
    assert len(_node_rows(fast)) > 1000
    assert _node_rows(fast) == _node_rows(slow)


@pytest.mark.parametrize("text, message", [
    ("name: x\nframes:\n\ta: 1\n",
     "bad.yaml:3:1: invalid YAML: found character '\\t' that cannot start any token"),
    ("name: [x\nframes: {}\n",
     "bad.yaml:2:7: invalid YAML: expected ',' or ']', but got ':'"),
    ("name: x\x07\nframes: {}\n",
     "bad.yaml:1: invalid YAML: character '\\x07' is not allowed in YAML"),
    ("name: x\ud800\nframes: {}\n",
     "bad.yaml:1: invalid YAML: character '\\ud800' is not allowed in YAML"),
])
def test_invalid_yaml_is_worded_by_the_pure_python_parser(text, message):
    # libyaml rejects these too, in other words; the messages are PyYAML's own
    with pytest.raises(LexiconError) as info:
        parse_lexicon(text, path="bad.yaml")
    assert message in str(info.value)


def test_a_lexicon_file_is_compiled_once_until_it_changes(tmp_path):
    from framing.detect import compile_lexicon

    path = tmp_path / "lex.yaml"
    path.write_text("name: mine\nframes:\n  a: {terms: {en: [invaders]}}\n", encoding="utf-8")
    first = compile_lexicon(path)
    assert compile_lexicon(str(path)) is first               # a str or a Path: the same file
    assert compile_lexicon("ukraine_war") is compile_lexicon("ukraine-war")
    path.write_text("name: mine\nframes:\n  a: {terms: {en: [occupiers]}}\n",
                    encoding="utf-8")
    second = compile_lexicon(path)
    assert second is not first
    assert [t.pattern for t in second.entries] == ["occupiers"]
    assert [t.pattern for t in first.entries] == ["invaders"]   # the old one is untouched


def test_compile_lexicon_of_a_folder_says_what_is_wrong(tmp_path):
    from framing.detect import compile_lexicon

    with pytest.raises(InputError, match="no lexicon file or shipped lexicon named '.*nope'"):
        compile_lexicon(tmp_path / "nope")
    with pytest.raises(InputError, match="is a folder, not a dictionary file"):
        compile_lexicon(tmp_path)
