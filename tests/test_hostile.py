"""Hostile and broken input: every case gets a clear message, never a deep traceback.

The matrix of cases here is the one reported in docs/robustness.md; each row is a test id.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from framing.cli import main
from framing.corpus import read_corpus
from framing.errors import InputError, LexiconError
from framing.lexicon import parse_lexicon, read_lexicon

# ------------------------------------------------------------------ corpus files

CSV_CASES = {
    "empty-file": (b"", r"c.csv:1: the file is empty"),
    "header-only": (b"doc_id,text\n", None),                       # an empty corpus
    "wrong-delimiter": (b"doc_id;text\n1;hello\n", r"separated by ';'"),
    "tab-in-csv": (b"doc_id\ttext\n1\thello\n", r"separated by '\\t'\? name it .tsv"),
    "missing-text-column": (b"doc_id,body\n1,x\n", r"no text column 'text'.*columns found: "
                                                   r"doc_id, body"),
    "duplicated-columns": (b"text,text\na,b\n", r"c.csv:1: duplicate column name"),
    "duplicate-ids": (b"doc_id,text\n1,a\n1,b\n", r"c.csv:3: duplicate doc_id '1'"),
    "nan-text": (b"doc_id,text\n1,\n", r"c.csv:2: text is empty"),
    "binary-garbage": (bytes(range(256)) * 4, r"c.csv:1: NUL bytes at byte offset 0"),
    "invalid-utf8": (b"doc_id,text\n1,caf\xe9\n", r"c.csv:2:6: bytes are not valid utf-8 at "
                                                  r"byte offset 17"),
    "utf16-bom": ("doc_id,text\n1,x\n".encode("utf-16"), r"UTF-16 byte-order mark; pass "
                                                         r"encoding='utf-16'"),
    "utf8-bom": (b"\xef\xbb\xbfdoc_id,text\n1,hello world\n", None),
    "mixed-line-endings": (b"doc_id,text\r\n1,one\n2,two\r3,three\r\n", None),
    "unclosed-quote": (b'doc_id,text\n1,"never closed\n', r"malformed CSV"),
}


@pytest.mark.parametrize("case", list(CSV_CASES))
def test_csv_matrix(tmp_path, case):
    data, message = CSV_CASES[case]
    path = tmp_path / "c.csv"
    path.write_bytes(data)
    before = path.read_bytes()
    if message is None:
        df = read_corpus(path, infer_lang=False)
        assert {"doc_id", "text"} <= set(df.columns)
        if case == "mixed-line-endings":
            assert df["text"].tolist() == ["one", "two", "three"]
    else:
        with pytest.raises(InputError, match=message):
            read_corpus(path)
    assert path.read_bytes() == before, "inputs are never modified"


JSONL_CASES = {
    "empty-file": ("", r"the file holds no JSON records"),
    "not-an-object": ('"text"\n', r"c.jsonl:1:1: each line must be a JSON object"),
    "truncated-line": ('{"text": "a"}\n{"text": "b"\n', r"c.jsonl:2:\d+: invalid JSON"),
    "nan-text": ('{"text": null}\n', r"c.jsonl:1: text must be a string; got nothing"),
    "number-text": ('{"text": 5}\n', r"c.jsonl:1: text must be a string; got a int \(5\)"),
    "line-separator-inside": ('{"text": "a\u2028b c"}\n', None),
    "crlf": ('{"text": "one"}\r\n{"text": "two"}\r\n', None),
}


@pytest.mark.parametrize("case", list(JSONL_CASES))
def test_jsonl_matrix(tmp_path, case):
    content, message = JSONL_CASES[case]
    path = tmp_path / "c.jsonl"
    path.write_bytes(content.encode("utf-8"))
    if message is None:
        assert len(read_corpus(path, infer_lang=False)) >= 1
    else:
        with pytest.raises(InputError, match=message):
            read_corpus(path, infer_lang=False)


def test_parquet_and_folder_garbage(tmp_path):
    (tmp_path / "c.parquet").write_bytes(os.urandom(512))
    with pytest.raises(InputError, match="cannot read as Parquet"):
        read_corpus(tmp_path / "c.parquet")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InputError, match=r"a.txt:1:1: the file starts with a UTF-16"):
        read_corpus(folder)


@pytest.mark.slow
def test_a_50_mb_single_document(tmp_path):
    from framing.score import score_corpus

    # news-like density: one loaded phrase in about 80 words (about 120,000 hits)
    unit = "Talks went on for hours, and officials said little about the plan. " * 6 + \
        "Some called it a proxy war.\n"
    text = unit * (50_000_000 // len(unit))
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "lang": "en", "text": text}) + "\n",
                    encoding="utf-8")
    corpus = read_corpus(path)
    scores = score_corpus(corpus, "ukraine_war", progress=False).set_index("frame")
    assert scores.loc["proxy_war", "count"] == text.count("proxy war")
    assert scores.loc["proxy_war", "n_tokens"] == len(text.split())


@pytest.mark.slow
def test_a_million_tiny_documents(tmp_path):
    from framing.score import score_corpus

    path = tmp_path / "tiny.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(1_000_000):
            fh.write(json.dumps({"id": f"d{i}", "lang": "en",
                                 "text": "proxy war" if i % 1000 == 0 else "ok"}) + "\n")
    corpus = read_corpus(path)
    assert len(corpus) == 1_000_000 and corpus["doc_id"].is_unique
    scores = score_corpus(corpus.head(200_000), "ukraine_war", progress=False)
    proxy = scores[scores["frame"] == "proxy_war"]
    assert proxy["count"].sum() == 200


# ------------------------------------------------------------------ lexicon YAML

YAML_CASES = {
    "tabs": ("name: x\nframes:\n\tproxy: {terms: {en: [a]}}\n", r"x.yaml:3:1: invalid YAML"),
    "duplicate-keys": ("name: x\nframes:\n  a: {terms: {en: [a]}}\n  a: {terms: {en: [b]}}\n",
                       r"x.yaml:4: duplicate key 'a'"),
    "alias-bomb": ("name: x\na: &a [lol, lol, lol]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"
                   "frames: {f: {terms: {en: [a]}}}\n", r"aliases \(\*a\) are not allowed"),
    "unsafe-tag": ("name: !!python/object/apply:os.system [echo hi]\n"
                   "frames: {f: {terms: {en: [a]}}}\n", r"tag .* is not allowed"),
    "binary": ("\x00\x01\x02", r"invalid YAML"),
    "a-list": ("- a\n- b\n", r"the lexicon must be a mapping"),
    "bare-star": ("name: x\nframes: {f: {terms: {en: ['*']}}}\n", r"bare '\*'"),
    "normalizes-to-nothing": ("name: x\nframes: {f: {terms: {en: ['\u00ad\u200b']}}}\n",
                              r"pattern is empty|no words after normalization"),
}


@pytest.mark.parametrize("case", list(YAML_CASES))
def test_lexicon_yaml_matrix(case):
    text, message = YAML_CASES[case]
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(text, path="x.yaml")


def test_lexicon_file_with_bom_and_crlf(tmp_path):
    path = tmp_path / "l.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: x\r\nframes:\r\n  f: {terms: {en: [proxy war]}}\r\n")
    assert read_lexicon(path).terms()[0].pattern == "proxy war"


# ------------------------------------------------------------------ CLI arguments

@pytest.mark.parametrize("argv, message", [
    (["nope"], "invalid choice: 'nope'"),
    (["hits", "x.csv"], "the following arguments are required: -o/--output"),
    (["compare", "s.csv", "--n-boot", "many"], "invalid int value: 'many'"),
    (["compare", "s.csv", "--measure", "mean"], "invalid choice: 'mean'"),
])
def test_cli_argument_errors(argv, message, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert message in capsys.readouterr().err


def test_cli_never_prints_a_traceback_for_bad_input(tmp_path):
    bad = tmp_path / "c.csv"
    bad.write_bytes(b"doc_id,text\n1,caf\xe9\n")
    run = subprocess.run([sys.executable, "-m", "framing", "hits", str(bad), "-o",
                          str(tmp_path / "h.csv")], capture_output=True, text=True)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "bytes are not valid utf-8" in run.stderr
    assert not (tmp_path / "h.csv").exists(), "no output on failure"


# ------------------------------------------------------------------ evasion

EVASIONS = {   # case: (lang, the loaded phrase as written, the frame it must still hit)
    "soft-hyphen": ("de", "Kiew\u00ader Regime", "kiev_regime"),
    "zero-width-space": ("de", "Kie\u200bwer Regime", "kiev_regime"),
    "zero-width-joiner": ("de", "Kiewer\u200d Regime", "kiev_regime"),
    "no-break-space": ("de", "Kiewer\u00a0Regime", "kiev_regime"),
    "full-width": ("de", "\uff2b\uff49\uff45\uff57\uff45\uff52 Regime", "kiev_regime"),
    "stress-mark": ("ru", "Ки\u0301евский режим", "kiev_regime"),
    "cyrillic-in-latin": ("de", "Ki\u0435wer Regime", "kiev_regime"),   # Cyrillic е
    "latin-in-cyrillic": ("ru", "Ки\u0065вский режим", "kiev_regime"),  # Latin e
}


@pytest.mark.parametrize("case", list(EVASIONS))
def test_evasions_do_not_hide_a_loaded_word(case):
    from framing.detect import find_hits

    lang, phrase, frame = EVASIONS[case]
    text = f"Das {phrase} bleibt." if lang == "de" else f"Это {phrase} снова."
    corpus = pd.DataFrame({"doc_id": ["x"], "lang": [lang], "text": [text]})
    hits = find_hits(corpus, "ukraine_war", context=False)
    hit = hits[hits["frame"] == frame].iloc[0]
    assert text[hit.start:hit.end] == hit.match == phrase
    assert hit.normalized == (case != "no-break-space")   # typography is not evasion


def test_latin_letter_inside_a_cyrillic_word():
    from framing.detect import find_hits
    from framing.lexicon import parse_lexicon

    lex = parse_lexicon("name: t\nframes:\n  k: {terms: {ru: ['Киев*']}}\n")
    text = "Власти в К\u0069еве и в Киеве."           # Latin i in the first one
    hits = find_hits(pd.DataFrame({"doc_id": ["r"], "lang": ["ru"], "text": [text]}), lex,
                     context=False)
    assert hits["match"].tolist() == ["К\u0069еве", "Киеве"]
    assert hits["normalized"].tolist() == [True, False]
    assert [text[a:b] for a, b in zip(hits["start"], hits["end"])] == hits["match"].tolist()
