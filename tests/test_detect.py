"""Matching: words, globs, phrases, excludes, overlaps, offsets; the seed acceptance test."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.detect import find_hits, match_text
from framing.errors import InputError
from framing.lexicon import parse_lexicon
from framing.schema import HITS_COLUMNS, HITS_CONTEXT_COLUMNS
from tests.conftest import hypothesis_examples as _examples


def lex(terms: dict, exclude: dict | None = None, extra: str = ""):
    import yaml

    frame = {"label": "F", "terms": terms}
    if exclude:
        frame["exclude"] = exclude
    doc = {"name": "t", "frames": {"f": frame}}
    return parse_lexicon(yaml.safe_dump(doc, allow_unicode=True) + extra, path="t.yaml")


def matches(text, lexicon, lang):
    hits = match_text(text, lexicon, lang=lang)
    for row in hits.itertuples():
        assert text[row.start:row.end] == row.match
    return hits["match"].tolist()


@pytest.mark.parametrize("pattern, text, lang, found", [
    ("Киев*", "Я был в Киеве и в Киевом и Киев.", "ru", ["Киеве", "Киевом", "Киев"]),
    ("Киев", "Я был в Киеве, Киевом, и Киев.", "ru", ["Киев"]),
    ("Kiew", "Die Kiewer Führung in Kiew.", "de", ["Kiew"]),
    ("Kiew*", "Die Kiewer Führung in Kiew.", "de", ["Kiewer", "Kiew"]),
    ("bloc", "A blockade of the bloc.", "en", ["bloc"]),
    ("US-led bloc", "the US-led bloc, a US led bloc, a US\u2011led bloc", "en",
     ["US-led bloc", "US led bloc", "US\u2011led bloc"]),
    ("US led bloc", "the US-led bloc", "en", ["US-led bloc"]),
    ("von den USA geführten Block*", "des von den USA geführten Blocks.", "de",
     ["von den USA geführten Blocks"]),
    ("proxy war", "a proxy. War is", "en", []),
    ("proxy war", "a proxy\nwar", "en", ["proxy\nwar"]),
    ("proxy war", "a proxy\n\nwar", "en", []),
    ("proxy war", "a proxy, war", "en", []),
    ("invader*", "INVADERS and Invader", "en", ["INVADERS", "Invader"]),
    ("Invasoren", "„Invasoren“ und \u201eInva\u00adsoren\u201c", "de",
     ["Invasoren", "Inva\u00adsoren"]),
    ("Киев", "В Ки\u0301еве и в Ки\u0301ев.", "ru", ["Ки\u0301ев"]),
    ("ёлка", "Елка и ЁЛКА", "ru", ["Елка", "ЁЛКА"]),
    ("Straße", "STRASSE und Strasse", "de", ["STRASSE", "Strasse"]),
    ("NATO's war", "It is NATO\u2019s war.", "en", ["NATO\u2019s war"]),
])
def test_word_boundaries_globs_and_phrases(pattern, text, lang, found):
    assert matches(text, lex({lang: [pattern]}), lang) == found


def test_case_sensitive_entries():
    lexicon = lex({"en": [{"pattern": "US", "case_sensitive": True}]})
    assert matches("The US said; let us see. US-led", lexicon, "en") == ["US", "US"]


def test_exclude_vetoes_overlapping_matches():
    lexicon = lex({"en": ["proxy*"]}, exclude={"en": ["proxy server*"]})
    assert matches("A proxy server and a proxy war.", lexicon, "en") == ["proxy"]


def test_longest_match_wins_within_frame_and_frames_overlap():
    lexicon = parse_lexicon("""
name: t
frames:
  inv:
    terms: {en: ["invasion", "full-scale invasion", "scale"]}
  other:
    terms: {en: ["invasion"]}
""")
    hits = match_text("The full-scale invasion began.", lexicon, lang="en")
    assert list(zip(hits["frame"], hits["match"])) == [
        ("inv", "full-scale invasion"), ("other", "invasion")]


def test_hits_record_lexicon_version_and_sentence(tiny_lexicon, tiny_corpus):
    hits = find_hits(tiny_corpus, tiny_lexicon)
    assert list(hits.columns) == list(HITS_COLUMNS + HITS_CONTEXT_COLUMNS)
    assert list(find_hits(tiny_corpus, tiny_lexicon, context=False).columns) == \
        list(HITS_COLUMNS)
    assert set(hits["lexicon"]) == {"tiny"}
    assert set(hits["lexicon_version"]) == {tiny_lexicon.version_id}
    ru = hits[hits.doc_id == "ru1"]
    assert ru[["frame", "match", "sentence"]].values.tolist() == [
        ["bloc", "Блок во главе с США", 0], ["proxy_war", "прокси-войну", 0],
        ["naming", "Киеве", 1]]
    texts = dict(zip(tiny_corpus.doc_id, tiny_corpus.text))
    for row in hits.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.match


def test_find_hits_empty_corpus_keeps_columns(tiny_lexicon):
    empty = pd.DataFrame({"doc_id": pd.Series(dtype=str), "text": pd.Series(dtype=str),
                          "lang": pd.Series(dtype=str)})
    hits = find_hits(empty, tiny_lexicon)
    assert hits.empty and list(hits.columns) == list(HITS_COLUMNS + HITS_CONTEXT_COLUMNS)


def test_find_hits_warns_once_for_uncovered_language(tiny_lexicon):
    corpus = pd.DataFrame({"doc_id": ["1", "2"], "lang": ["fr", "fr"],
                           "text": ["la guerre par procuration", "encore"]})
    with pytest.warns(UserWarning, match=r"no patterns for language\(s\) fr \(2 documents\)"):
        hits = find_hits(corpus, tiny_lexicon)
    assert hits.empty


def test_find_hits_rejects_table_without_text(tiny_lexicon):
    with pytest.raises(ValueError, match="corpus is not a corpus table: missing column"):
        find_hits(pd.DataFrame({"doc_id": ["a"]}), tiny_lexicon)


# ------------------------------------------------------------------------ acceptance

EN = ("Moscow says the US-led bloc is waging a proxy war. Western officials call the "
      "Russian troops invaders; the Kremlin speaks of the Ukraine conflict and warns of a "
      "direct confrontation. Kiev and Kiev's allies disagree.")
RU = ("Москва считает, что блок во главе с США ведёт прокси-войну. Киевский режим "
      "называет российских военных захватчиками, а Москва предупреждает о прямом "
      "столкновении. Это происходит на Украине.")


@pytest.mark.parametrize("text, lang, expected", [
    (EN, "en", [("us_led_bloc", "US-led bloc"), ("proxy_war", "proxy war"),
                ("invasion_aggression", "invaders"), ("conflict_naming", "Ukraine conflict"),
                ("escalation", "direct confrontation"), ("naming_russian_spelling", "Kiev"),
                ("naming_russian_spelling", "Kiev's")]),
    (RU, "ru", [("us_led_bloc", "блок во главе с США"), ("proxy_war", "прокси-войну"),
                ("kiev_regime", "Киевский режим"), ("invasion_aggression", "захватчиками"),
                ("escalation", "прямом столкновении"),
                ("naming_russian_spelling", "на Украине")]),
])
def test_shipped_lexicon_on_hand_written_sentences(text, lang, expected):
    hits = match_text(text, "ukraine_war", lang=lang)
    found = list(zip(hits["frame"], hits["match"]))
    for item in expected:
        assert item in found, (item, found)
    for row in hits.itertuples():
        assert text[row.start:row.end] == row.match
        assert row.start == text.index(row.match, row.start)


def test_seed_article_acceptance(shared_dir):
    """The German seed: every loaded word the pipeline issue names, at exact offsets."""
    text = (shared_dir / "seeds" / "rt_de_nato_troops.txt").read_text(encoding="utf-8")
    hits = match_text(text, "ukraine_war", lang="de")
    found = set(zip(hits["frame"], hits["match"], hits["start"], hits["end"]))

    def at(word, frame, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return (frame, word, start, start + len(word))

    expected = [
        at("Stellvertreterkrieg", "proxy_war"),
        at("von den USA geführten Blocks", "us_led_bloc"),
        at("von den USA geführten Block", "us_led_bloc", 1),
        at("Invasoren", "invasion_aggression"),
        at("Ukraine-Konflikt", "conflict_naming"),
        at("direkte Konfrontation", "escalation"),
    ]
    kiew = [(m.start(), m.end()) for m in __import__("re").finditer(r"\bKiews?\b", text)]
    assert len(kiew) == 5
    expected += [("naming_russian_spelling", text[a:b], a, b) for a, b in kiew]
    for item in expected:
        assert item in found, item
    assert text[expected[1][2]:expected[1][3]] == "von den USA geführten Blocks"
    assert text[expected[2][2]:expected[2][3] + 1] == "von den USA geführten Block "


# ------------------------------------------------------------ invariants (hypothesis)

WORDS = st.sampled_from(["Kiew", "Kiewer", "proxy", "war", "US", "led", "bloc", "Киев",
                         "Киеве", "Блок", "Stellvertreterkrieg", "\u00ad", "-", " ", ", ",
                         "\u201e", "\u201c", "\n", "\u200b", "ё"])
TEXTS = st.lists(st.one_of(WORDS, st.characters()), max_size=40).map("".join)


@settings(max_examples=_examples(250), deadline=None)
@given(TEXTS, st.sampled_from(["en", "de", "ru"]))
def test_matcher_invariants(text, lang):
    from tests.conftest import TINY_LEXICON

    lexicon = parse_lexicon(TINY_LEXICON)
    hits = match_text(text, lexicon, lang=lang)
    again = match_text(text, lexicon, lang=lang)
    pd.testing.assert_frame_equal(hits, again)
    for row in hits.itertuples():
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start:row.end] == row.match
    keys = list(zip(hits["start"], hits["token_end"]))
    assert keys == sorted(keys, key=lambda k: k[0])
    for _frame, part in hits.groupby("frame"):
        spans = sorted(zip(part["token_start"], part["token_end"]))
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "overlap within a frame"


# ------------------------------------------------------------------ checked arguments


def test_find_hits_checks_a_table_not_read_by_read_corpus(tiny_lexicon):
    from framing.errors import CorpusError
    from framing.score import score_corpus

    hint = ("Pass the table through framing.read_corpus(df) first (with text=, doc_id= "
            "naming your columns): it checks every row and lower-cases language codes.")
    corpus = pd.DataFrame({"doc_id": [1, 2, 2], "lang": ["en"] * 3,
                           "text": ["The invaders", "invaders again", "invaders dup"]})
    for function in (find_hits, score_corpus):
        with pytest.raises(CorpusError) as info:
            function(corpus, tiny_lexicon)
        assert info.value.problems == ["corpus: row 3: duplicate doc_id 2 (2 times, rows 2, 3)"]
        assert info.value.hint == hint
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c", None], "lang": ["en", "EN", None, "en"],
                           "text": ["Kiev", float("nan"), 3, "Kiev"]})
    with pytest.raises(CorpusError) as info:
        find_hits(corpus, tiny_lexicon)
    assert info.value.problems == [
        "corpus: row 2: text must be a string; got nothing",
        "corpus: row 2: lang 'EN' is not a language code; expected ISO 639-1 in lower case "
        "like en, de, ru",
        "corpus: row 3: text must be a string; got a int (3)",
        "corpus: row 4: doc_id is missing"]
    typed = pd.DataFrame({"doc_id": ["a", "b"], "text": pd.Series(["Kiev", None], dtype="str")})
    with pytest.raises(CorpusError, match=r"corpus: row 2: text must be a string; got nothing"):
        score_corpus(typed, tiny_lexicon)


@pytest.mark.parametrize("lang", ["en", "EN", " en-US ", "en_GB"])
def test_lang_is_read_as_a_language_code(tiny_lexicon, lang):
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Kiev and Kiew"]})
    assert find_hits(corpus, tiny_lexicon, lang=lang)["match"].tolist() == ["Kiev"]
    assert match_text("Kiev and Kiew", tiny_lexicon, lang=lang)["lang"].tolist() == ["en"]


@pytest.mark.parametrize("lang, got", [("english", "'english'"), ("", "''"),
                                       ("e", "'e'"), (1, "1")])
def test_lang_that_is_not_a_language_code_is_refused(tiny_lexicon, lang, got):
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Kiev"]})
    message = (r"^lang must be an ISO 639-1 language code like 'en', 'de' or 'ru' \(or None "
               rf"to use the corpus's lang column\); got {got}\.$")
    with pytest.raises(InputError, match=message):
        find_hits(corpus, tiny_lexicon, lang=lang)
    with pytest.raises(InputError, match=message):
        match_text("Kiev", tiny_lexicon, lang=lang)


@pytest.mark.parametrize("call, message", [
    (lambda c, lx: find_hits(c, None), "lexicon must be a Lexicon, a shipped lexicon name "
     "(e.g. 'ukraine_war') or the path of a lexicon file; got NoneType."),
    (lambda c, lx: find_hits(c, 123), "lexicon must be a Lexicon, a shipped lexicon name "
     "(e.g. 'ukraine_war') or the path of a lexicon file; got int."),
    (lambda c, lx: find_hits(["a text"], lx), "corpus must be a corpus table (a DataFrame, "
     "e.g. from framing.read_corpus) or the path of a corpus file or folder; got list."),
    (lambda c, lx: match_text(None, lx), "text must be a str; got NoneType."),
    (lambda c, lx: match_text("Kiev", 1.5), "lexicon must be a Lexicon, a shipped lexicon "
     "name (e.g. 'ukraine_war') or the path of a lexicon file; got float."),
])
def test_wrong_argument_types_are_named(tiny_lexicon, call, message):
    import re

    from framing.detect import compile_lexicon

    corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"], "text": ["Kiev"]})
    with pytest.raises(InputError, match="^" + re.escape(message) + "$"):
        call(corpus, tiny_lexicon)
    with pytest.raises(InputError, match=r"lexicon must be a Lexicon, .*; got dict\."):
        compile_lexicon({"name": "x"})


def test_n_jobs_follows_joblib(tiny_lexicon, monkeypatch):
    import os

    from framing.detect import _n_workers

    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    assert [_n_workers(n) for n in (None, 1, 3, -1, -2, -4, -5, -50)] == \
        [1, 1, 3, 4, 3, 1, 1, 1]
    corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"], "text": ["Kiev"]})
    message = (r"^n_jobs must be an int \(1, 2, \.\.\., or -1 for every core\); got {}\. A "
               r"negative n_jobs counts back from the cores, as in joblib: -2 is every core "
               r"but one, and so on \(at least 1 worker\); 0 is not allowed\.$")
    for bad, shown in ((0, "0"), (2.0, r"2\.0"), (True, "True")):
        with pytest.raises(InputError, match=message.format(shown)):
            find_hits(corpus, tiny_lexicon, n_jobs=bad)


def _sigint_is_ignored() -> bool:
    import signal

    return signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_workers_leave_ctrl_c_to_the_calling_process():
    # Ctrl-C reaches every process of the terminal's group; a worker that raised
    # KeyboardInterrupt printed its own traceback over the command's message
    import signal

    from framing.detect import compile_lexicon, worker_pool

    # the workers must ignore Ctrl-C even when the calling process handles it (a test run
    # in the background may itself have inherited "ignore")
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with worker_pool(compile_lexicon("ukraine_war"), 1) as pool:
            assert pool.submit(_sigint_is_ignored).result() is True
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, before)


def test_language_warnings_point_at_the_caller_and_skip_texts_without_letters():
    import warnings

    import framing as fr

    with pytest.warns(UserWarning, match=r"no patterns for language\(s\) fr \(1 documents\)") \
            as record:
        fr.match_text("Le monde entier regarde.", "ukraine_war", lang="fr")
    assert record[0].filename == __file__
    corpus = pd.DataFrame({"doc_id": ["a", "b"],
                           "text": ["2022 \u2014 14:00", "The invaders left."]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")            # "und" (no letters) is not a language
        hits = fr.find_hits(corpus, "ukraine_war", progress=False)
    assert hits["doc_id"].tolist() == ["b"]
