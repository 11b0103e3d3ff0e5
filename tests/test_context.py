"""Tests of framing.context: voice, attribution, negation and target of every hit."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.context import CONTEXT_COLUMNS, VOICES, annotate_hits, quote_spans, voice_shares
from framing.corpus import read_corpus
from framing.errors import InputError
from tests.conftest import hypothesis_examples

REPO = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location(
        "context_accuracy", REPO / "bench" / "context_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
CASES = BENCH.load_cases()


def _params():
    out = []
    for k, case in enumerate(CASES):
        for field in BENCH.FIELDS:
            if field not in case:
                continue
            reason = (case.get("xfail") or {}).get(field)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(k, field, id=f"{case['id']}:{field}", marks=marks))
    return out


@pytest.fixture(scope="module")
def annotated_cases() -> pd.DataFrame:
    return BENCH.annotate_cases(CASES)


@pytest.mark.parametrize(("k", "field"), _params())
def test_case_field(annotated_cases, k, field):
    case, row = CASES[k], annotated_cases.iloc[k]
    assert row[field] == case[field], (
        f"{case['id']}: {field} expected {case[field]!r}, got {row[field]!r} in "
        f"{case['text']!r} (hit {case['hit']!r}; negation cues: {row['negation_cues']!r}, "
        f"attribution cue: {row['attribution_cue']!r})")


def test_cases_file_is_large_enough():
    texts = {c["text"] for c in CASES}
    assert len(texts) >= 60
    assert {c["lang"] for c in CASES} == {"en", "de", "ru"}


# ---------------------------------------------------------------- quotation marks


def _quoted(text, lang="en"):
    return [text[a + 1:b] for a, b, _ in quote_spans(text, lang=lang)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("NATO's plan, don't worry, the soldiers' families.", "en", []),
    ("He said “no” and ‘yes’.", "en", ["no", "yes"]),
    ("Er nannte sie „Invasoren“ und ‚Besatzer‘.", "de", ["Invasoren", "Besatzer"]),
    ("Die Zeitung schrieb »Besatzer« und «Invasoren».", "de", ["Besatzer", "Invasoren"]),
    ("Он сказал «так называемый „референдум“».", "ru",
     ["так называемый „референдум“", "референдум"]),
    ("«Мы с «Газпромом» договорились», — сказал он.", "ru",
     ["Мы с «Газпромом» договорились", "Газпромом"]),
    ("'We will win,' he said. The so-called 'referendum' failed.", "en",
     ["We will win,", "referendum"]),
])
def test_quote_spans_pairs_marks_of_every_language(text, lang, expected):
    assert sorted(_quoted(text, lang), key=text.find) == expected


def test_quote_spans_caps_an_unclosed_quote_at_its_sentence():
    text = "He spoke of “liberation. The invasion went on. Nothing else happened."
    (a, b, closed), = quote_spans(text, lang="en")
    assert not closed and text[a:b] == "“liberation."


def test_quote_spans_runs_over_paragraphs_when_reopened():
    text = "“First paragraph of the quote.\n\n“Second one,” she said. After."
    spans = quote_spans(text, lang="en")
    assert [closed for *_, closed in spans] == [False, True]
    assert text[spans[0][0]:spans[0][1]] == "“First paragraph of the quote."


def test_quote_spans_ignores_a_stray_closing_mark():
    assert quote_spans("Unsinn.“ Danach kam nichts.", lang="de") == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab „“”«»‚‘’\"'.\n", max_size=60))
def test_quote_spans_stay_inside_the_text(text):
    for a, b, _ in quote_spans(text, lang="en"):
        assert 0 <= a < b <= len(text)
        assert text[a] in "„“”«»‚‘’\"'\u201f\u2039\u203a"


# ---------------------------------------------------------------- annotate_hits


def _one(text, hit, lang, **options):
    start = text.index(hit)
    corpus = pd.DataFrame({"doc_id": ["d"], "text": [text], "lang": [lang]})
    hits = pd.DataFrame({"doc_id": ["d"], "frame": ["f"], "start": [start],
                         "end": [start + len(hit)]})
    return annotate_hits(hits, corpus, **options).iloc[0]


@pytest.mark.parametrize(("scope", "negated"), [("clause", False), ("sentence", True),
                                                (3, False), (12, True)])
def test_negation_scope_clause_sentence_or_window(scope, negated):
    text = "Moscow did not comment, but the invasion continued into its second month."
    assert _one(text, "invasion", "en", negation_scope=scope)["negated"] == negated


@pytest.mark.parametrize("bad", ["paragraph", 0, True, 2.5])
def test_negation_scope_rejects_other_values(bad):
    with pytest.raises(InputError, match="'negation_scope' parameter of annotate_hits"):
        _one("No troops.", "troops", "en", negation_scope=bad)


def test_annotate_hits_keeps_rows_order_index_and_attrs():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "lang": ["en", "de"], "text": [
        "Russian invaders left. “Invaders,” he said.", "Keine Invasoren hier."]})
    hits = pd.DataFrame({"doc_id": ["b", "a", "a"], "frame": "f", "start": [6, 24, 8],
                         "end": [15, 32, 16]}, index=[10, 5, 7])
    hits.attrs["lexicon"] = "x"
    out = annotate_hits(hits, corpus)
    assert list(out.index) == [10, 5, 7] and out.attrs["lexicon"] == "x"
    assert list(out.columns[-5:]) == list(CONTEXT_COLUMNS)
    assert out["voice"].tolist() == ["author", "quote", "author"]
    assert out["negated"].tolist() == [True, False, False]
    assert out["target"].tolist() == ["", "", "russia"]
    assert out["attributed"].dtype == bool and out["negated"].dtype == bool


def test_annotate_hits_empty_keeps_columns():
    hits = pd.DataFrame({"doc_id": pd.Series(dtype=object), "start": pd.Series(dtype="int64"),
                         "end": pd.Series(dtype="int64")})
    out = annotate_hits(hits, pd.DataFrame({"doc_id": ["a"], "text": ["x"]}))
    assert out.empty and set(CONTEXT_COLUMNS) <= set(out.columns)


def test_annotate_hits_names_documents_missing_from_the_corpus():
    hits = pd.DataFrame({"doc_id": ["zz"], "start": [0], "end": [1]})
    with pytest.raises(InputError, match="1 document.* not in the corpus: zz"):
        annotate_hits(hits, pd.DataFrame({"doc_id": ["a"], "text": ["x"]}))


def test_annotate_hits_needs_offsets():
    with pytest.raises(InputError, match="missing column.*start"):
        annotate_hits(pd.DataFrame({"doc_id": ["a"]}), pd.DataFrame({"doc_id": ["a"],
                                                                     "text": ["x"]}))


def test_annotate_hits_without_actors_leaves_target_empty():
    row = _one("Russian invaders shelled the city.", "invaders", "en", actors=False)
    assert row["target"] == "" and row["speaker"] == ""


def test_annotate_hits_details_name_the_cues():
    row = _one("Moskau bestreitet, dass russische Soldaten Kriegsverbrechen begangen haben.",
               "Kriegsverbrechen", "de", details=True)
    assert row["negation_cues"] == "bestreitet" and row["attribution_cue"] == "bestreitet"


def test_annotate_hits_on_find_hits_output(tiny_lexicon):
    from framing.detect import find_hits

    corpus = pd.DataFrame({"doc_id": ["r"], "lang": ["ru"], "text": [
        "Никто не говорит, что НАТО ведет прокси-войну с Россией."]})
    out = annotate_hits(find_hits(corpus, tiny_lexicon), corpus)
    proxy = out[out["frame"] == "proxy_war"].iloc[0]
    assert proxy["attributed"] and not proxy["negated"] and proxy["target"] == "west"


def test_custom_negation_cue_file(tmp_path):
    cues = tmp_path / "en.txt"
    cues.write_text("[cues]\nscarcely neg fwd\n[clause]\nbut\n", encoding="utf-8")
    row = _one("They scarcely mention the invasion.", "invasion", "en",
               negation_cues={"en": str(cues)})
    assert row["negated"]
    row = _one("They did not mention the invasion.", "invasion", "en",
               negation_cues={"en": str(cues)})
    assert not row["negated"]


def test_negation_cue_file_problems_are_listed(tmp_path):
    bad = tmp_path / "en.txt"
    bad.write_text("[cues]\nnot neg sideways\n[words]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"en\.txt:2: a cue line is.*\n.*en\.txt:3: unknown "
                                         r"section \[words\]"):
        _one("Not here.", "here", "en", negation_cues={"en": str(bad)})


def test_shipped_negation_cue_files_parse():
    from framing.context import _rules

    for lang in ("en", "de", "ru"):
        rules = _rules(lang)
        assert rules.negation.entries and rules.clause_words


# ---------------------------------------------------------------- actors lexicon


def test_actor_lexicon_loads_and_finds_mentions():
    from framing.detect import match_text
    from framing.lexicon import read_lexicon, shipped_lexicons

    lex = read_lexicon(REPO / "data" / "lexicons" / "actors.yaml")
    assert list(lex.frames) == ["russia", "ukraine", "west"]
    assert lex.languages == ["de", "en", "ru"] and "actors" not in shipped_lexicons()
    found = match_text("Let us see: the US, NATO's plan, Russia-Ukraine war, western Ukraine, "
                       "Kyiv's troops.", lex, lang="en")
    assert list(zip(found["frame"], found["match"])) == [
        ("west", "US"), ("west", "NATO's"), ("ukraine", "Ukraine"), ("ukraine", "Kyiv's")]


# ---------------------------------------------------------------- voice_shares


def test_voice_shares_joins_the_group_from_the_corpus():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "source": ["RT", "BBC"], "lang": ["en", "en"],
                           "text": ["“Invaders,” he said. The so-called invaders.",
                                    "The invaders left."]})
    hits = pd.DataFrame({"doc_id": ["a", "a", "b"], "frame": ["inv"] * 3,
                         "start": [1, 34, 4], "end": [9, 42, 12]})
    table = voice_shares(hits, corpus=corpus)
    assert list(table.columns) == ["group", "frame", "n_hits", "share_author", "share_quote",
                                   "share_scare_quote"]
    rt = table[table["group"] == "RT"].iloc[0]
    assert rt["n_hits"] == 2 and rt["share_quote"] == 0.5 and rt["share_scare_quote"] == 0.5
    assert table[["share_" + v for v in VOICES]].sum(axis=1).tolist() == [1.0, 1.0]


def test_voice_shares_names_a_missing_group_column():
    hits = pd.DataFrame({"doc_id": ["a"], "frame": ["f"], "voice": ["author"]})
    with pytest.raises(InputError, match="'by' parameter of voice_shares.*got 'outlet'"):
        voice_shares(hits, by="outlet")


def test_voice_shares_needs_voice_or_corpus():
    with pytest.raises(InputError, match="pass corpus= to annotate"):
        voice_shares(pd.DataFrame({"doc_id": ["a"], "frame": ["f"], "source": ["x"]}))


# ---------------------------------------------------------------- the German seed article


def test_seed_article_acceptance(shared_dir):
    from framing.detect import match_text

    text = (shared_dir / "seeds" / "rt_de_nato_troops.txt").read_text(encoding="utf-8")
    corpus = pd.DataFrame({"doc_id": [""], "text": [text], "lang": ["de"]})
    out = annotate_hits(match_text(text, "ukraine_war", lang="de"), corpus)
    invaders = out[out["match"] == "Invasoren"].iloc[0]
    assert invaders["voice"] in {"scare_quote", "quote"}
    assert invaders["attributed"] and invaders["target"] == "west"
    proxy = out[out["match"] == "Stellvertreterkrieg"].iloc[0]
    assert proxy["attributed"] and proxy["speaker"] == "russia"
    no_plans = [k for k, (a, b) in enumerate(_sentences(text)) if "keine Pläne" in text[a:b]]
    escalation = out[(out["frame"] == "escalation") & out["sentence"].isin(no_plans)]
    assert len(escalation) == 2 and escalation["negated"].all()


def _sentences(text):
    from framing.text import sentence_spans

    return sentence_spans(text, "de")


# ------------------------------------------- only the sentences a hit reads are tokenized

CONTEXT_PIECES = st.one_of(
    st.sampled_from([
        "Russia", "Russian", "Moscow", "NATO", "NATO's", "the West", "Kiev", "Ukraine's", "US",
        "Russland", "westliche", "Moskau", "Россия", "России", "Запад", "invaders", "invasion",
        "proxy war", "regime", "Invasoren", "Stellvertreterkrieg", "агрессия", "war", "troops",
        "said", "says", "according to", "claimed", "denied that", "sagte", "laut", "zufolge",
        "заявил", "по словам", "not", "no", "never", "nicht", "kein", "keine", "не", "нет",
        "so-called", "sogenannte", "так называемый", "its", "is", "are", "as", "by", "of",
        "waging", "the", "a", "and", "that", "dass", "что", "in", "to", "against",
        ".", ". ", "! ", "? ", ", ", "; ", ": ", " – ", "...", "\n", "\n\n", "Dr.", "U.S.",
        "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", '"', "'", "\u2019", "(", ")",
        "\u00ad", "\u00a0", "\u0301", "Кiев", "5.", "A.",
    ]),
    st.text(alphabet="aZ .,\u201c\u201d\u00ab\u00bb\"'\n", max_size=3))
CONTEXT_TEXTS = st.lists(CONTEXT_PIECES, min_size=1, max_size=60).map(" ".join)


def _hit_spans(text: str, picks: list) -> list:
    from framing.text import tokenize

    toks = tokenize(text)
    if toks.empty:
        return []
    spans = []
    for first, width in picks:
        i = first % len(toks)
        j = min(i + width, len(toks) - 1)
        spans.append((int(toks["start"].iloc[i]), int(toks["end"].iloc[j])))
    return sorted(set(spans))


def _sparse_equals_dense(text: str, lang: str, spans: list) -> None:
    from framing.context import _Doc, _rules, annotate_document, context_settings

    settings = context_settings(details=True)
    rules = _rules(lang)
    dense = _Doc(text, lang, rules, "clause", spans, actors=settings.actors, dense=True)
    sparse = _Doc(text, lang, rules, "clause", spans, actors=settings.actors)
    # the sparse tokens are the dense tokens of the sentences they come from
    at = {s: k for k, s in enumerate(dense.starts)}
    for k in range(sparse.n):
        d = at[sparse.starts[k]]
        assert (sparse.surf[k], sparse.toks[k], sparse.ends[k], sparse.sent[k]) == (
            dense.surf[d], dense.toks[d], dense.ends[d], dense.sent[d])
    assert [[sparse.starts[k] for k in range(lo, hi)] for lo, hi in sparse.ranges] == \
        [[dense.starts[k] for k in range(lo, hi)] for lo, hi in dense.ranges]
    assert annotate_document(text, lang, spans, settings) == \
        annotate_document(text, lang, spans, settings, dense=True)


@settings(max_examples=hypothesis_examples(300), deadline=None)
@given(CONTEXT_TEXTS, st.sampled_from(["en", "de", "ru"]),
       st.lists(st.tuples(st.integers(0, 200), st.integers(0, 2)), min_size=1, max_size=6))
def test_sparse_tokens_give_the_annotations_of_the_whole_text(text, lang, picks):
    _sparse_equals_dense(text, lang, _hit_spans(text, picks))


def test_find_hits_context_equals_annotate_hits_and_whole_text_reading():
    from framing.detect import find_hits

    corpus = read_corpus("sample")
    hits = find_hits(corpus, "ukraine_war", progress=False)
    plain = find_hits(corpus, "ukraine_war", progress=False, context=False)
    pd.testing.assert_frame_equal(hits, annotate_hits(plain, corpus))
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    for doc_id, group in hits.groupby("doc_id", sort=False):
        _sparse_equals_dense(texts[doc_id], group["lang"].iloc[0],
                             list(zip(group["start"], group["end"])))


def test_the_floor_benchmark_reads_the_sentences_the_context_tokenizes():
    # bench/context_floor.py times the reading of the sentence runs of _Doc._windows; its
    # floors mean something only if those runs hold exactly the tokens _Doc reads
    from framing.context import _Doc, _rules, context_settings
    from framing.detect import find_hits
    from framing.text import WORD_PATTERN

    spec = importlib.util.spec_from_file_location("context_floor",
                                                  REPO / "bench" / "context_floor.py")
    floor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(floor)
    corpus = read_corpus("sample")
    hits = find_hits(corpus, "ukraine_war", progress=False, context=False)
    runs = floor._windows(corpus, hits)
    settings = context_settings()
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    n_tokens = 0
    for doc_id, group in hits.groupby("doc_id", sort=False):
        lang = group["lang"].iloc[0]
        doc = _Doc(texts[doc_id], lang, _rules(lang), "clause",
                   list(zip(group["start"], group["end"])), actors=settings.actors)
        n_tokens += doc.n
    assert len(runs) >= hits["doc_id"].nunique() > 50
    assert sum(len(re.findall(WORD_PATTERN, run)) for run in runs) == n_tokens


def test_sparse_equals_dense_on_real_news(shared_dir):
    from framing.detect import find_hits

    path = shared_dir / "corpora" / "rt_vs_western_2022" / "articles.jsonl"
    with pytest.warns(UserWarning, match="empty"):
        corpus = read_corpus(path, empty="drop")
    corpus = corpus.iloc[::10]                      # every tenth article: about 500
    hits = find_hits(corpus, "ukraine_war", progress=False, context=False)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    assert hits["doc_id"].nunique() > 250
    for doc_id, group in hits.groupby("doc_id", sort=False):
        _sparse_equals_dense(texts[doc_id], "en", list(zip(group["start"], group["end"])))


def test_context_options_and_hit_spans_are_checked(tmp_path):
    corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"],
                           "text": ["Moscow calls the troops invaders."]})
    hits = pd.DataFrame({"doc_id": ["a", "a"], "start": [24, 30], "end": [32, 10_000_000]})
    with pytest.raises(InputError, match=r"hits row 2: start 30, end 10000000 do not lie "
                       r"inside the text of document 'a' \(33 characters\)\. Pass the hits of "
                       r"find_hits and the corpus they were found in\."):
        annotate_hits(hits, corpus)
    with pytest.raises(InputError, match=r"scare_max_words must be a whole number of words, 0 "
                       r"or more; got -1\."):
        annotate_hits(hits.iloc[:1], corpus, scare_max_words=-1)
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=rf"{missing}: negation cue file not found "
                       r"\(negation_cues\['en'\]\)"):
        annotate_hits(hits.iloc[:1], corpus, negation_cues={"en": missing})
    with pytest.raises(InputError, match=r"negation_cues: 'english' is not a language code"):
        annotate_hits(hits.iloc[:1], corpus, negation_cues={"english": missing})
    assert annotate_hits(hits.iloc[:1], corpus)["voice"].tolist() == ["author"]
