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
    with pytest.raises(InputError) as info:
        read_lexicon(path)
    assert str(info.value) == (
        f"{path}:3:22: byte 0xf6 ('\u00f6' in cp1252) is not valid utf-8 (byte offset 37); "
        "re-save the file as UTF-8, or pass encoding= with the file's encoding, e.g. "
        "encoding='cp1252' or encoding='latin-1' for older Windows files")
    assert (info.value.line, info.value.column) == (3, 22)
    assert read_lexicon(path, encoding="cp1252").terms()[0].pattern == "Gr\u00f6\u00dfe"


def test_read_lexicon_latin1_names_line_column_and_byte(tmp_path):
    path = tmp_path / "nonutf8.yaml"
    path.write_bytes("name: x\nframes:\n  a:\n    terms:\n      de: [K\u00e4mpfe]\n"
                     .encode("latin-1"))
    with pytest.raises(InputError, match=r"nonutf8.yaml:5:13: byte 0xe4 \('\u00e4' in cp1252\) "
                                         r"is not valid utf-8 \(byte offset 44\); re-save the "
                                         r"file as UTF-8, or pass encoding="):
        read_lexicon(path)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_read_lexicon_utf16_utf32_with_bom(tmp_path, codec):
    text = "name: x\nframes:\n  a:\n    terms:\n      ru: [\u041a\u0438\u0435\u0432*]\n"
    path = tmp_path / "wide.yaml"
    bom = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}.get(codec, b"")
    path.write_bytes(bom + text.encode(codec))
    term = read_lexicon(path).terms()[0]
    assert (term.pattern, term.origin) == ("\u041a\u0438\u0435\u0432*", f"{path}:5")
    bad = tmp_path / "bad.yaml"                 # later errors keep their line numbers
    bad.write_bytes(bom + (text + "    labl: A\n").encode(codec))
    with pytest.raises(LexiconError, match=r"bad.yaml:6: unknown key 'labl' in frame 'a'"):
        read_lexicon(bad)


# ------------------------------------------------ framing YAML or a quanteda dictionary?


@pytest.mark.parametrize("text, message", [
    ("name: x\nframe:\n  a:\n    terms:\n      en: [war]\n",
     "typo.yaml:2:1: unknown top-level key 'frame' (did you mean 'frames'?); framing YAML "
     "needs a top-level 'frames:' key"),
    ("name: x\n",
     "typo.yaml:1:1: 'name' is a key of framing's lexicon format, but the file has no "
     "top-level 'frames:' key; framing YAML needs a top-level 'frames:' key holding the frames"),
    ("# my frames\nversion: 2\nWAR: [war]\n",
     "typo.yaml:2:1: 'version' is a key of framing's lexicon format"),
    ("Frames:\n  a: {terms: {en: [war]}}\n",
     "typo.yaml:1:1: unknown top-level key 'Frames' (did you mean 'frames'?)"),
    ("name: x\nframse:\n  a: {terms: {en: [war]}}\n",
     "typo.yaml:2:1: unknown top-level key 'framse' (did you mean 'frames'?)"),
    ("proxy_war:\n  label: Proxy war\n  terms:\n    en: [proxy war]\n",
     "typo.yaml:1:1: 'proxy_war' looks like a frame (it has 'terms:' by language), but it is "
     "not under 'frames:'; framing YAML needs a top-level 'frames:' key"),
    ("lexicon:\n  proxy_war:\n    terms: {en: [proxy war], any: [x]}\n",
     "typo.yaml:1:1: 'lexicon' holds frames (entries with 'terms:' by language), but it is "
     "not 'frames'; framing YAML needs a top-level 'frames:' key"),
])
def test_framing_yaml_without_frames_is_an_error_not_quanteda(tmp_path, text, message):
    path = tmp_path / "typo.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        read_lexicon(path)
    assert info.value.problems[0] == f"{tmp_path}/{message}" or \
        info.value.problems[0].startswith(f"{tmp_path}/{message}")
    assert str(info.value).endswith("To read the file as a quanteda dictionary instead, pass "
                                    "format='quanteda' (command line: --format quanteda).")


def test_framing_yaml_without_frames_reads_as_quanteda_when_asked(tmp_path):
    path = tmp_path / "typo.yaml"
    path.write_text("name: x\nframe:\n  a:\n    terms:\n      en: [war]\n", encoding="utf-8")
    from framing.formats import read_dictionary

    with pytest.raises(LexiconError, match="did you mean 'frames'"):
        read_dictionary(path)                       # the same check for read_dictionary
    lex = read_lexicon(path, format="quanteda")
    assert list(lex.frames) == ["name", "frame.a.terms.en"]


@pytest.mark.parametrize("text, frames", [
    ("WAR:\n  terms: [war]\n  INVASION: [invad*]\n", ["WAR.terms", "WAR.INVASION"]),
    ("terms: [war]\nNAME: [x]\nFRAMEWORK: {A: [y]}\n", ["terms", "NAME", "FRAMEWORK.A"]),
    ("flames: [fire]\nEU:\n  terms: {en: [war]}\n  other: [x]\n",
     ["flames", "EU.terms.en", "EU.other"]),
])
def test_quanteda_yaml_with_framing_like_words_still_loads(tmp_path, text, frames):
    path = tmp_path / "dict.yml"
    path.write_text(text, encoding="utf-8")
    assert list(read_lexicon(path).frames) == frames


# ------------------------------------------------------------ options of framing YAML


def test_framing_yaml_refuses_options_it_would_ignore(tmp_path):
    from framing.formats import read_dictionary

    path = tmp_path / "my.yaml"
    path.write_text("name: x\nframes:\n  a: {terms: {en: [war]}}\n", encoding="utf-8")
    message = (f"{path}: option(s) bogus, lang do not apply to framing YAML (a file with a "
               "top-level 'frames:' key); it takes only encoding= (lang=, levels=, "
               "case_sensitive=, name= and the formats' own options are for imported "
               "dictionaries; framing YAML gives each pattern's language in the file)")
    with pytest.raises(InputError) as info:
        read_lexicon(path, lang="de", bogus=1)
    assert str(info.value) == message
    with pytest.raises(InputError, match=r"option\(s\) levels, name do not apply to framing"):
        read_dictionary(path, levels=1, name="y")
    assert read_lexicon(path, encoding="utf-8").name == "x"
    assert read_lexicon(path, format="yaml").name == "x"
    lexicon = read_lexicon(path)
    assert read_lexicon(lexicon) is lexicon
    with pytest.raises(InputError, match=r"option\(s\) lang apply to reading a file; got the "
                                         r"lexicon 'x', which is read already"):
        read_lexicon(lexicon, lang="de")


# ------------------------------------------------------------ repeated patterns


def test_repeated_patterns_match_once_and_count_once(tmp_path):
    import pandas as pd

    from framing.detect import find_hits, match_text

    lex = parse_lexicon("name: d\nframes:\n  a:\n    terms:\n      en: [war, War, war]\n"
                        "      any: [war]\n  b:\n    terms: {en: [war]}\n")
    assert len(lex.terms()) == 5                        # as written, each with its origin
    assert repr(lex) == (f"<Lexicon 'd' v{lex.version_id}: 2 frames, 3 patterns "
                         "(+2 repeated, matched once), languages any, en>")
    text = "War, they said. The war."
    corpus = pd.DataFrame({"doc_id": ["1"], "lang": ["en"], "text": [text]})
    hits = find_hits(corpus, lex)
    assert list(zip(hits["frame"], hits["match"], hits["start"], hits["weight"])) == [
        ("a", "War", 0, 1.0), ("b", "War", 0, 1.0), ("a", "war", 20, 1.0), ("b", "war", 20, 1.0)]
    assert len(match_text(text, lex, lang="en")) == 4   # one hit per match and frame


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
