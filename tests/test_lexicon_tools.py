"""Lexicon tools: lint, expansion, suggestions, validation sheets and their scores, CLI."""

from __future__ import annotations

import argparse
import math

import pandas as pd
import pytest

from framing.errors import InputError, LexiconError
from framing.lexicon import parse_lexicon
from framing.lexicon_tools import (
    EXPANSION_COLUMNS,
    PRECISION_COLUMNS,
    PROBLEM_COLUMNS,
    SUGGESTION_COLUMNS,
    SheetError,
    check_lexicon,
    cohen_kappa,
    expand_lexicon,
    register_cli,
    score_validation,
    stopwords,
    suggest_terms,
    validation_sample,
    wilson_interval,
)


def lex(body: str, name: str = "t.yaml"):
    return parse_lexicon("name: t\nframes:\n" + body, path=name)


def problems_of(body: str, **kw) -> pd.DataFrame:
    return check_lexicon(lex(body), **kw)


def messages(table: pd.DataFrame, level: str) -> list[str]:
    return table.loc[table["level"] == level, "message"].tolist()


# ------------------------------------------------------------------ stopwords


@pytest.mark.parametrize("lang, word", [("en", "the"), ("de", "und"), ("ru", "и"),
                                        ("ru", "еще")])
def test_stopwords_hold_function_words(lang, word):
    assert word in stopwords(lang)


@pytest.mark.parametrize("lang, loaded", [
    ("en", {"war", "regime", "west", "nato", "kiev", "invasion", "bloc", "special"}),
    ("de", {"krieg", "regime", "westen", "nato", "kiew", "invasion", "block"}),
    ("ru", {"война", "режим", "запад", "нато", "киев", "вторжение", "блок"})])
def test_stopwords_never_hold_framing_words(lang, loaded):
    assert not loaded & stopwords(lang)
    assert len(stopwords(lang)) > 150


def test_stopwords_unknown_language_is_empty():
    assert stopwords("xx") == frozenset()


# ------------------------------------------------------------------ check_lexicon

CLEAN = """\
  proxy:
    terms:
      en: [{pattern: "proxy war", note: "n"}]
      de: [{pattern: "Stellvertreterkrieg*", note: "n"}]
      ru: [{pattern: "прокси-войн*", note: "n"}]
"""


def test_check_clean_lexicon_gives_empty_table_with_columns():
    table = problems_of(CLEAN)
    assert list(table.columns) == list(PROBLEM_COLUMNS)
    assert table.empty


def test_check_reports_loading_problems_as_errors_with_origin(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("name: x\nframes:\n  f:\n    label: F\n    terms:\n      en: []\n"
                    "      English: [war]\n", encoding="utf-8")
    table = check_lexicon(path)
    assert set(table["level"]) == {"error"}
    assert table["origin"].tolist() == [f"{path}:6", f"{path}:6", f"{path}:7"]
    assert table["frame"].tolist() == ["f", "f", "f"]
    assert table["message"].tolist() == [
        "terms of frame 'f', language 'en', is an empty list",
        "frame 'f' is empty: it has no terms",
        "language 'English' in terms of frame 'f' must be an ISO 639-1 code (two lower-case "
        "letters, like en, de, ru) or 'any'"]


def test_check_missing_file_raises():
    with pytest.raises(InputError, match="no lexicon file or shipped lexicon named 'nope'"):
        check_lexicon("nope")


@pytest.mark.parametrize("value", [0, -1, 2.5, True])
def test_check_min_glob_must_be_positive_integer(value):
    with pytest.raises(InputError, match="'min_glob' parameter of check_lexicon must be a "
                                         "positive integer"):
        check_lexicon(lex(CLEAN), min_glob=value)


def test_check_duplicates_within_frame():
    table = problems_of('  f:\n    terms:\n      en: [{pattern: "Kiev regime", note: n},'
                        ' {pattern: "Kiev  Regime", note: n}]\n')
    assert messages(table, "warning") == ["duplicate pattern: same as 'Kiev regime' at t.yaml:5"]


def test_check_same_pattern_in_two_frames_is_info():
    table = problems_of('  a:\n    terms: {en: [{pattern: "Kiev", note: n}]}\n'
                        '  b:\n    terms: {en: [{pattern: "kiev", note: n}]}\n')
    assert messages(table, "info") == ["also a pattern of frame 'a' (t.yaml:4): a match "
                                       "counts for both"]


def test_check_shadowed_pattern_is_warning():
    table = problems_of('  f:\n    terms: {en: [{pattern: "warfare", note: n},'
                        ' {pattern: "warf*", note: n}]}\n')
    [row] = table[table["level"] == "warning"].itertuples()
    assert row.pattern == "warfare"
    assert row.message.startswith("shadowed by 'warf*' (t.yaml:4): every match of it is "
                                  "also a match of that pattern")


def test_check_contained_phrase_is_info():
    table = problems_of('  f:\n    terms: {en: [{pattern: "invasion*", note: n},'
                        ' {pattern: "full-scale invasion", note: n}]}\n')
    [msg] = messages(table, "info")
    assert msg.startswith("always contains a match of 'invasion*'")
    assert messages(table, "warning") == []


def test_check_glob_and_exact_word_are_not_shadowing_other_words():
    table = problems_of('  f:\n    terms: {en: [{pattern: "invader*", note: n},'
                        ' {pattern: "invasion", note: n}]}\n')
    assert table.empty


def test_check_case_sensitive_pattern_is_not_shadowed_by_folded_one_reversed():
    table = problems_of('  f:\n    terms: {en: [{pattern: "SMO", case_sensitive: true, '
                        'note: n}, {pattern: "smo", note: n}]}\n')
    [row] = table.itertuples()
    assert (row.pattern, row.level) == ("SMO", "warning")
    assert row.message.startswith("shadowed by 'smo'")


@pytest.mark.parametrize("min_glob, expected", [(4, 1), (3, 0)])
def test_check_short_glob_uses_min_glob(min_glob, expected):
    table = problems_of('  f:\n    terms: {en: [{pattern: "war*", note: n}]}\n',
                        min_glob=min_glob)
    warnings_ = messages(table, "warning")
    assert len(warnings_) == expected
    if expected:
        assert warnings_[0].startswith("glob prefix 'war' has 3 letters (fewer than 4)")


def test_check_short_glob_inside_phrase_is_info():
    table = problems_of('  f:\n    terms: {en: [{pattern: "proxy war*", note: n}]}\n')
    assert messages(table, "info") == [
        "short glob prefix 'war' inside a phrase; the phrase anchors it, but check its forms "
        "with expand_lexicon"]


@pytest.mark.parametrize("lang, pattern, script", [
    ("en", "Киев", "Cyrillic"), ("de", "Киев", "Cyrillic"), ("ru", "Kiev", "Latin")])
def test_check_script_must_match_language(lang, pattern, script):
    table = problems_of(f'  f:\n    terms: {{{lang}: [{{pattern: "{pattern}", note: n}}]}}\n')
    [msg] = messages(table, "warning")
    assert msg.startswith(f"written in {script} letters, but language '{lang}'")


def test_check_mixed_script_token_is_error():
    # Latin "K" and "e" inside a Cyrillic word: a look-alike typo (normalization reads it as Киев).
    table = problems_of('  f:\n    terms: {ru: [{pattern: "Kиeв", note: n}]}\n')
    assert messages(table, "error") == [
        "token 'Kиeв' mixes Latin and Cyrillic letters (a look-alike letter?); matching reads "
        "it as 'Киев': write it in one script"]


def test_check_frame_missing_a_language_others_cover():
    table = problems_of(CLEAN + '  bloc:\n    terms: {en: [{pattern: "US-led bloc*", '
                                'note: n}], de: [{pattern: "Block*", note: n}]}\n')
    [row] = table[table["level"] == "warning"].itertuples()
    assert (row.frame, row.lang) == ("bloc", "ru")
    assert row.message == "frame 'bloc' has no terms in 'ru', which other frames cover"


def test_check_exclude_that_vetoes_nothing_and_term_always_vetoed():
    table = problems_of('  f:\n    terms: {en: [{pattern: "proxy war", note: n}]}\n'
                        '    exclude: {en: ["proxy*", "server farm"]}\n')
    assert messages(table, "error") == [
        "every match is vetoed by the frame's exclude 'proxy*' (t.yaml:5), so it never counts"]
    assert messages(table, "warning") == [
        "exclude 'server farm' overlaps no match of the frame 'f''s terms: it can never "
        "veto anything"]


@pytest.mark.parametrize("exclude, flagged", [
    ("proxy server*", True),       # shares 'proxy', but never overlaps 'proxy war*'
    ("war game*", False),          # 'proxy war game': the matches share 'war'
    ("server farm", True),         # no word in common
    ("proxy war game*", False),    # contains a match
    ("new proxy", False),          # overlaps its first word
    ("warfare", False),            # 'war*' matches 'warfare'
    ("the proxy warlords", False),
])
def test_check_exclude_must_be_able_to_overlap_a_match(exclude, flagged):
    table = problems_of('  f:\n    terms: {en: [{pattern: "proxy war*", note: n}]}\n'
                        f'    exclude: {{en: ["{exclude}"]}}\n')
    found = [m for m in messages(table, "warning") if "can never veto" in m]
    assert found == ([f"exclude {exclude!r} overlaps no match of the frame 'f''s terms: it "
                      "can never veto anything"] if flagged else [])


def test_check_missing_note_is_info_and_rows_sorted_by_severity():
    table = problems_of('  f:\n    terms: {en: ["war*", "Kиeв"]}\n')
    assert table["level"].tolist() == ["error", "warning", "info"]
    assert table["message"].iloc[-1] == ("no 'note': say why the term signals the frame, "
                                         "with a source")


# ------------------------------------------------------------------ expand_lexicon

EXPAND = lex("""\
  inv:
    terms:
      en: ["invad*", "US-led bloc"]
      ru: ["поля*"]
""")


@pytest.fixture
def expand_corpus():
    return pd.DataFrame({"doc_id": ["a", "b", "c"], "lang": ["en", "en", "ru"], "text": [
        "Invaders invaded. The US-led bloc and the US led bloc.",
        "The invaders left.",
        "На поля вышли поляки."]})


def test_expand_lists_surface_forms_with_counts(expand_corpus):
    table = expand_lexicon(expand_corpus, EXPAND)
    assert list(table.columns) == list(EXPANSION_COLUMNS)
    rows = {(r.entry, r.form): (r.count, r.n_docs, r.kind) for r in table.itertuples()}
    assert rows[("invad*", "invaders")] == (2, 2, "glob")
    assert rows[("invad*", "invaded")] == (1, 1, "glob")
    assert rows[("US-led bloc", "us-led bloc")] == (1, 1, "phrase")
    assert rows[("US-led bloc", "us led bloc")] == (1, 1, "phrase")
    # the Russian glob for "поляна" (meadow) also takes поля (fields) and поляки (Poles)
    assert {f for e, f in rows if e == "поля*"} == {"поля", "поляки"}
    shares = table[table["entry"] == "invad*"]["share"].tolist()
    assert shares == pytest.approx([2 / 3, 1 / 3])


def test_expand_only_some_frames_and_unknown_frame(expand_corpus):
    assert expand_lexicon(expand_corpus, EXPAND, frames="inv")["frame"].unique().tolist() == ["inv"]
    with pytest.raises(InputError, match=r"unknown frame\(s\) 'nope' in lexicon 't'; frames: inv"):
        expand_lexicon(expand_corpus, EXPAND, frames=["nope"])


def test_expand_without_hits_is_empty_with_columns():
    corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"], "text": ["Nothing here."]})
    table = expand_lexicon(corpus, EXPAND)
    assert table.empty and list(table.columns) == list(EXPANSION_COLUMNS)


def test_expand_needs_a_corpus_table():
    with pytest.raises(InputError, match="corpus is not a corpus table: missing column"):
        expand_lexicon(pd.DataFrame({"body": ["x"]}), EXPAND)


# ------------------------------------------------------------------ suggest_terms

SUGGEST_LEX = lex("""\
  regime:
    terms:
      en: ["Kiev regime*"]
""")


@pytest.fixture
def suggest_corpus():
    rt = ["The Kiev regime shelled Donetsk again, the neo-Nazi battalions said nothing.",
          "Moscow blames the Kiev regime and its neo-Nazi battalions for the shelling.",
          "Analysts say the Kiev regime relies on neo-Nazi battalions near Donetsk.",
          "Western backers arm the Kiev regime, Moscow says."]
    west = ["Kyiv said the Russian invasion continues in the east.",
            "Ukrainian forces repelled the invasion near Kharkiv, officials said.",
            "The invasion has displaced millions of Ukrainians, aid groups said.",
            "Officials in Kyiv said the war would go on."]
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(8)], "lang": "en",
                         "source": ["RT"] * 4 + ["BBC"] * 4, "text": rt + west})


def test_suggest_context_and_collocations_find_neighbours(suggest_corpus):
    table = suggest_terms(suggest_corpus, SUGGEST_LEX, "regime", min_count=3, window=8)
    assert list(table.columns) == list(SUGGESTION_COLUMNS)
    context = table[table["method"] == "context"]
    assert "neo-nazi battalions" not in set(context["term"])  # candidates are single tokens
    assert {"nazi", "battalions", "nazi battalions"} <= set(context["term"])
    colloc = table[table["method"] == "collocation"]
    assert "nazi battalions" in set(colloc["term"])
    assert not set(table["term"]) & {"the", "and", "its"}  # stopwords never suggested
    assert not table["in_lexicon"].any()


def test_suggest_keyness_finds_group_markers(suggest_corpus):
    table = suggest_terms(suggest_corpus, SUGGEST_LEX, "regime", by="source", target="RT",
                          min_count=3)
    key = table[table["method"] == "keyness"].set_index("term")
    assert key.loc["kiev", "score"] > 0 and key.loc["kiev", "count_target"] == 4
    assert key.loc["kiev regime", "in_lexicon"]
    assert "invasion" not in key.index[:3]  # a BBC marker is not an RT candidate


def test_suggest_keyness_over_contexts_only(suggest_corpus):
    table = suggest_terms(suggest_corpus, SUGGEST_LEX, "regime", by="source", target="RT",
                          min_count=1, scope="context")
    key = table[table["method"] == "keyness"]
    assert "invasion" not in set(key["term"])  # never near a seed


def test_suggest_without_seeds_is_empty(suggest_corpus):
    corpus = suggest_corpus[suggest_corpus["source"] == "BBC"]
    table = suggest_terms(corpus, SUGGEST_LEX, "regime")
    assert table.empty and list(table.columns) == list(SUGGESTION_COLUMNS)


@pytest.mark.parametrize("kwargs, message", [
    ({"frame": "nope"}, "The 'frame' parameter of suggest_terms must be a frame of lexicon "
                        "'t'; got 'nope'. Available: regime."),
    ({"measure": "magic"}, "The 'measure' parameter of suggest_terms must be one of "
                           "likelihood_ratio, pmi"),
    ({"scope": "all"}, "The 'scope' parameter of suggest_terms must be 'documents' or "
                       "'context'; got 'all'."),
    ({"window": 0}, "The 'window' parameter of suggest_terms must be a positive integer; "
                    "got 0."),
    ({"target": "RT"}, "suggest_terms got a 'target' but no 'by'"),
    ({"by": "outlet", "target": "RT"}, "The 'by' parameter of suggest_terms must be a column "
                                       "of corpus; got 'outlet'. Available: doc_id, lang"),
    ({"by": "source", "target": "CNN"}, "The 'target' parameter of suggest_terms must be a "
                                        "value of column 'source'; got 'CNN'. Values: BBC, RT."),
])
def test_suggest_argument_errors(suggest_corpus, kwargs, message):
    kwargs = {"frame": "regime", **kwargs}
    frame = kwargs.pop("frame")
    with pytest.raises(InputError, match=__import__("re").escape(message)):
        suggest_terms(suggest_corpus, SUGGEST_LEX, frame, **kwargs)


# ------------------------------------------------------------------ validation_sample

SAMPLE_LEX = lex("""\
  regime:
    terms:
      en: ["Kiev regime"]
  naming:
    terms:
      en: ["Kiev", "Kyiv"]
""")


@pytest.fixture
def sample_corpus():
    texts = [f"Report {i}: the Kiev regime, said officials in Kiev, again." for i in range(6)]
    texts += [f"Report {i}: officials in Kyiv spoke of Kiev regime claims." for i in range(6)]
    return pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(12)], "lang": "en",
                         "source": ["RT"] * 6 + ["BBC"] * 6, "text": texts})


@pytest.fixture
def sample_hits(sample_corpus):
    from framing.detect import find_hits

    return find_hits(sample_corpus, SAMPLE_LEX)


def test_sample_is_stratified_by_frame_and_group(sample_corpus, sample_hits):
    sheet = validation_sample(sample_hits, sample_corpus, per_cell=2)
    assert list(sheet.columns) == ["item", "doc_id", "source", "frame", "entry", "start", "end",
                                   "left", "match", "right", "correct"]
    counts = sheet.groupby(["frame", "source"]).size().to_dict()
    assert counts == {("naming", "BBC"): 2, ("naming", "RT"): 2, ("regime", "BBC"): 2,
                      ("regime", "RT"): 2}
    assert sheet["item"].tolist() == list(range(1, 9))
    assert (sheet["correct"] == "").all()
    assert sheet["frame"].tolist() == sorted(sheet["frame"])


def test_sample_kwic_matches_the_text(sample_corpus, sample_hits):
    sheet = validation_sample(sample_hits, sample_corpus, per_cell=3, window=12)
    texts = dict(zip(sample_corpus["doc_id"], sample_corpus["text"]))
    for row in sheet.itertuples():
        text = texts[row.doc_id]
        assert text[row.start:row.end] == row.match
        assert text[:row.start].rstrip().endswith(row.left)
        assert text[row.end:].lstrip().startswith(row.right)
        assert len(row.left) <= 12 and len(row.right) <= 12


def test_sample_takes_whole_small_cells_and_is_seeded(sample_corpus, sample_hits):
    whole = validation_sample(sample_hits, sample_corpus, per_cell=100)
    assert len(whole) == len(sample_hits)
    a = validation_sample(sample_hits, sample_corpus, per_cell=2, seed=1)
    b = validation_sample(sample_hits, sample_corpus, per_cell=2, seed=1)
    c = validation_sample(sample_hits, sample_corpus, per_cell=2, seed=2)
    pd.testing.assert_frame_equal(a, b)
    assert a[["doc_id", "start"]].values.tolist() != c[["doc_id", "start"]].values.tolist()


def test_sample_blind_and_without_groups(sample_corpus, sample_hits):
    blind = validation_sample(sample_hits, sample_corpus, per_cell=2, blind=True)
    assert "source" not in blind.columns
    by_frame = validation_sample(sample_hits, sample_corpus, per_cell=3, by=None)
    assert by_frame.groupby("frame").size().tolist() == [3, 3]


def test_sample_of_no_hits_is_empty(sample_corpus, sample_hits):
    sheet = validation_sample(sample_hits.iloc[:0], sample_corpus)
    assert sheet.empty and "correct" in sheet.columns


@pytest.mark.parametrize("kwargs, message", [
    ({"by": "outlet"}, "The 'by' parameter of validation_sample must be a column of corpus; "
                       "got 'outlet'. Available: doc_id, lang, source, text."),
    ({"per_cell": 0}, "The 'per_cell' parameter of validation_sample must be a positive "
                      "integer; got 0."),
    ({"window": "60"}, "The 'window' parameter of validation_sample must be a positive "
                       "integer; got '60'."),
    ({"seed": -1}, "The 'seed' parameter of validation_sample must be a non-negative "
                   "integer; got -1."),
])
def test_sample_argument_errors(sample_corpus, sample_hits, kwargs, message):
    with pytest.raises(InputError, match=__import__("re").escape(message)):
        validation_sample(sample_hits, sample_corpus, **kwargs)


def test_sample_hits_must_come_from_the_corpus(sample_corpus, sample_hits):
    with pytest.raises(InputError, match=r"6 document\(s\) of the hits are not in the corpus "
                                         r"\(e.g. 'd06'\)"):
        validation_sample(sample_hits, sample_corpus.iloc[:6])
    with pytest.raises(InputError, match="hits is not a hits table: missing column"):
        validation_sample(sample_hits.drop(columns=["entry"]), sample_corpus)


# ------------------------------------------------------------------ scoring


def test_wilson_interval_known_values():
    lo, hi = wilson_interval(19, 20)
    assert (round(lo, 4), round(hi, 4)) == (0.7639, 0.9911)
    lo, hi = wilson_interval(0, 10, level=0.9)
    assert lo == 0.0 and hi == pytest.approx(0.2130, abs=1e-4)
    assert all(math.isnan(x) for x in wilson_interval(0, 0))


def test_cohen_kappa_known_values():
    # 2x2 table a=20 b=5 c=10 d=15 (Cohen's textbook layout): po=.7, pe=.5
    c1 = [1] * 25 + [0] * 25
    c2 = [1] * 20 + [0] * 5 + [1] * 10 + [0] * 15
    assert cohen_kappa(c1, c2) == pytest.approx(0.4)
    assert cohen_kappa([1, 1], [1, 1]) != cohen_kappa([1, 1], [1, 1])  # nan: no variation
    assert math.isnan(cohen_kappa([], []))


def test_score_precision_per_term_frame_and_all():
    sheet = pd.DataFrame({
        "frame": ["a"] * 5 + ["b"] * 3,
        "entry": ["x", "x", "x", "y", "y", "z", "z", "z"],
        "correct": [1, "1", "y", "N", 0, "yes", "no", " Y "]})
    table = score_validation(sheet)
    assert list(table.columns) == list(PRECISION_COLUMNS)
    got = {(r.scope, r.frame, r.entry): (r.n, r.n_correct) for r in table.itertuples()}
    assert got == {("term", "a", "x"): (3, 3), ("term", "a", "y"): (2, 0),
                   ("term", "b", "z"): (3, 2), ("frame", "a", ""): (5, 3),
                   ("frame", "b", ""): (3, 2), ("all", "", ""): (8, 5)}
    row = table[table["scope"] == "all"].iloc[0]
    assert row["precision"] == pytest.approx(5 / 8)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(wilson_interval(5, 8))
    assert math.isnan(row["kappa"])


def test_score_skips_uncoded_lines_with_one_warning():
    sheet = pd.DataFrame({"frame": "a", "entry": "x", "correct": [1, None, "", 0]})
    with pytest.warns(UserWarning, match="2 of 4 lines of the validation sheet have no code "
                                         "in 'correct'; they are left out"):
        table = score_validation(sheet)
    assert table.iloc[-1]["n"] == 2


def test_score_kappa_with_two_coders():
    c1 = [1] * 25 + [0] * 25
    c2 = [1] * 20 + [0] * 5 + [1] * 10 + [0] * 15
    sheet = pd.DataFrame({"frame": "a", "entry": "x", "coder1": c1, "coder2": c2})
    table = score_validation(sheet)
    frame = table[table["scope"] == "frame"].iloc[0]
    assert frame["kappa"] == pytest.approx(0.4)
    assert frame["agreement"] == pytest.approx(0.7)
    assert frame["n_both"] == 50
    assert frame["n_correct"] == 25  # precision from coder1 when there is no 'correct'
    adjudicated = score_validation(sheet.assign(correct=c2))
    assert adjudicated.iloc[-1]["n_correct"] == 30
    assert score_validation(sheet, code="coder2").iloc[-1]["n_correct"] == 30


def test_score_reads_csv_and_ignores_context_columns(tmp_path):
    path = tmp_path / "sheet.csv"
    pd.DataFrame({"doc_id": ["a", "b"], "frame": "f", "entry": "x", "start": [0, 3],
                  "correct": ["y", "n"]}).to_csv(path, index=False)
    assert score_validation(path).iloc[-1]["precision"] == 0.5


def test_score_empty_sheet_is_empty_table():
    table = score_validation(pd.DataFrame())
    assert table.empty and list(table.columns) == list(PRECISION_COLUMNS)


def test_score_bad_codes_list_every_line_of_the_csv(tmp_path):
    path = tmp_path / "sheet.csv"
    pd.DataFrame({"frame": "f", "entry": "x", "correct": ["1", "maybe", "0", "2"]}).to_csv(
        path, index=False)
    with pytest.raises(SheetError, match="2 problems in validation sheet") as err:
        score_validation(path)
    assert err.value.problems == [
        f"{path}:3: column 'correct' must be 1, 0, y or n (empty when not coded yet); got 'maybe'",
        f"{path}:5: column 'correct' must be 1, 0, y or n (empty when not coded yet); got '2'"]


def test_score_bad_codes_in_a_dataframe_name_rows():
    sheet = pd.DataFrame({"frame": "f", "entry": "x", "coder1": [1, 1], "coder2": [0, 3]})
    with pytest.raises(SheetError, match=r"row 2: column 'coder2' must be 1, 0, y or n"):
        score_validation(sheet)


@pytest.mark.parametrize("sheet, message", [
    (pd.DataFrame({"entry": ["x"], "correct": [1]}),
     "validation sheet is missing column(s) frame; expected frame, entry and a code column "
     "(correct, or coder1 and coder2); found: entry, correct."),
    (pd.DataFrame({"frame": ["f"], "entry": ["x"], "ok": [1]}),
     "validation sheet has no code column: expected 'correct' (or 'coder1' and 'coder2') "
     "holding 1/0 or y/n; found: frame, entry, ok."),
    (42, "score_validation needs a coding sheet (a DataFrame or the path of a CSV); got int."),
    ("no/such/sheet.csv", "no validation sheet at 'no/such/sheet.csv': pass the CSV written "
                          "from validation_sample."),
])
def test_score_input_errors(sheet, message):
    with pytest.raises(InputError, match=__import__("re").escape(message)):
        score_validation(sheet)


def test_score_option_errors():
    sheet = pd.DataFrame({"frame": ["f"], "entry": ["x"], "correct": [1]})
    with pytest.raises(InputError, match="The 'code' parameter of score_validation must be a "
                                         "column of the sheet; got 'coder9'"):
        score_validation(sheet, code="coder9")
    with pytest.raises(InputError, match="The 'level' parameter of score_validation must be "
                                         "a number between 0 and 1"):
        score_validation(sheet, level=95)


def test_score_missing_columns_of_csv_name_the_file(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("frame,correct\nf,1\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"validation sheet {__import__('re').escape(str(path))}"
                                         " is missing column"):
        score_validation(path)


# ------------------------------------------------------------------ CLI


@pytest.fixture
def cli():
    parser = argparse.ArgumentParser(prog="framing lexicon")
    register_cli(parser.add_subparsers(dest="command", required=True))

    def run(*argv) -> int:
        args = parser.parse_args([str(a) for a in argv])
        return args.func(args)
    return run


def test_cli_check_shipped_lexicon_passes(cli, capsys):
    assert cli("check", "ukraine_war", "--level", "warning") == 0
    err = capsys.readouterr().err
    assert "0 error(s), 0 warning(s)" in err


def test_cli_check_exits_nonzero_on_errors_and_strict_warnings(cli, tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text('name: b\nframes:\n  f:\n    terms: {ru: ["Kиeв"]}\n', encoding="utf-8")
    assert cli("check", bad) == 1
    out = capsys.readouterr().out
    assert f"{bad}:4: error: [f/ru] 'Kиeв': token 'Kиeв' mixes Latin and Cyrillic" in out
    warn = tmp_path / "warn.yaml"
    warn.write_text('name: w\nframes:\n  f:\n    terms: {en: [{pattern: "war*", note: n}]}\n',
                    encoding="utf-8")
    assert cli("check", warn) == 0
    assert cli("check", warn, "--strict") == 1
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [\nframes:", encoding="utf-8")
    assert cli("check", broken) == 1
    assert "invalid YAML" in capsys.readouterr().out


def test_cli_check_counts_the_rest_of_many_problems_with_one_message(cli, tmp_path, capsys):
    # an imported dictionary has no notes: one line per term would bury the warnings
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    path = tmp_path / "many.yaml"
    path.write_text("name: m\nframes:\n  f:\n    terms: {en: [" + ", ".join(words) + "]}\n",
                    encoding="utf-8")
    assert cli("check", path) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6
    assert [line.split("'")[1] for line in lines[:5]] == words[:5]
    assert lines[5] == (f"{path}: info: ... and 3 more: no 'note': say why the term signals "
                        "the frame, with a source (--all prints them, --level warning hides "
                        "notes)")
    assert cli("check", path, "--all") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("'")[1] for line in lines] == words


def test_cli_stops_quietly_when_the_reader_of_its_output_goes(monkeypatch, capsys):
    """`framing lexicon check X | head -1`: no traceback, the status a shell gives a
    program stopped by SIGPIPE."""
    import sys

    from framing.cli import main

    class Gone:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            pass

    monkeypatch.setattr(sys, "stdout", Gone())
    assert main(["lexicon", "check", "ukraine_war"]) == 141
    assert "Traceback" not in capsys.readouterr().err


def test_cli_bad_input_exits_2_with_message(cli, capsys):
    assert cli("check", "no_such_lexicon") == 2
    assert "error: no lexicon file or shipped lexicon named 'no_such_lexicon'" in \
        capsys.readouterr().err


def test_cli_expand_suggest_and_validate_round_trip(cli, tmp_path, capsys):
    corpus = tmp_path / "c.csv"
    pd.DataFrame({"id": ["1", "2", "3"], "lang": "en", "outlet": ["RT", "RT", "BBC"],
                  "body": ["The Kiev regime shelled Donetsk, the Kiev regimes shelled Gorlovka.",
                           "NATO's proxy war, again.",
                           "Kyiv says the invasion goes on."]}).to_csv(corpus, index=False)
    common = ["--text", "body", "--source", "outlet"]
    expanded = tmp_path / "expand.csv"
    assert cli("expand", corpus, *common, "-o", expanded) == 0
    forms = pd.read_csv(expanded)
    assert set(forms["form"]) >= {"kiev regime", "kiev regimes"}
    assert "word" not in set(forms["kind"])
    capsys.readouterr()
    assert cli("suggest", corpus, *common, "--frame", "kiev_regime", "--min-count", "1") == 0
    printed = capsys.readouterr().out
    assert "kiev_regime" in printed and "context" in printed
    sheet = tmp_path / "sheet.csv"
    assert cli("validate", "sample", corpus, *common, "--per-cell", "5", "-o", sheet) == 0
    coded = pd.read_csv(sheet, keep_default_na=False)
    assert {"left", "match", "right", "correct"} <= set(coded.columns)
    coded["correct"] = ["y"] * (len(coded) - 1) + ["n"]
    coded.to_csv(sheet, index=False)
    capsys.readouterr()
    assert cli("validate", "score", sheet) == 0
    assert "all" in capsys.readouterr().out
    # drawing the sample again must not destroy the coded sheet
    before = sheet.read_bytes()
    assert cli("validate", "sample", corpus, *common, "--per-cell", "5", "-o", sheet) == 2
    assert (f"framing: error: {sheet}: the output file exists; pass --force to replace it"
            in capsys.readouterr().err)
    assert sheet.read_bytes() == before


def test_cli_is_wired_into_framing_command(capsys):
    from framing.cli import main

    assert main(["lexicon", "check", "ukraine_war", "--level", "error"]) == 0
    with pytest.raises(SystemExit):
        main(["lexicon", "validate"])  # a sub-command of validate is required


def test_lexicon_error_type_is_reexported():
    assert issubclass(SheetError, InputError) and not issubclass(SheetError, LexiconError)


# ------------------------------------------------------------------ review fixes


@pytest.mark.filterwarnings(r"ignore:.*dropped 1 document\(s\) with empty text:UserWarning")
def test_cli_corpus_options_and_messages_name_the_options(cli, tmp_path, capsys):
    corpus = tmp_path / "c.csv"
    pd.DataFrame({"id": ["1", "2", "3"], "lang": "en", "outlet": ["RT", "RT", "BBC"],
                  "body": ["The Kiev regime shelled Donetsk.", "",
                           "Kyiv says the invasion goes on."]}).to_csv(corpus, index=False)
    common = ["--text", "body", "--source", "outlet", "--doc-id", "id"]
    sheet = tmp_path / "s.csv"
    assert cli("validate", "sample", corpus, *common, "-o", sheet) == 2
    err = capsys.readouterr().err
    assert err.startswith("framing: error: ") and "pass --drop-empty" in err
    with pytest.warns(UserWarning, match=r"c\.csv: dropped 1 document\(s\) with empty text"):
        assert cli("validate", "sample", corpus, *common, "--drop-empty", "-o", sheet) == 0
    assert cli("expand", corpus, *common, "--drop-empty") == 0
    capsys.readouterr()
    assert cli("suggest", corpus, *common, "--drop-empty", "--frame", "kiev_regime",
               "--target", "RT") == 2
    assert capsys.readouterr().err == (
        "framing: error: suggest_terms got --target but no --by: pass the column that holds "
        "the groups, e.g. --by source.\n")
    assert cli("suggest", corpus, *common, "--drop-empty", "--frame", "kiev_regime",
               "--by", "source", "--target", "CNN") == 2
    assert capsys.readouterr().err == (
        "framing: error: --target must be a value of column 'source'; got 'CNN'. "
        "Values: BBC, RT.\n")
    assert cli("suggest", corpus, *common, "--drop-empty", "--frame", "kiev_regime",
               "--lang", "en", "--lang-column", "lang", "--min-count", "1") == 0


def test_cli_sample_unknown_frame_is_an_error(cli, tmp_path, capsys):
    corpus = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": ["1"], "lang": "en", "source": "RT",
                  "text": ["The Kiev regime shelled Donetsk."]}).to_csv(corpus, index=False)
    out = tmp_path / "s.csv"
    assert cli("validate", "sample", corpus, "--frame", "nope", "-o", out) == 2
    err = capsys.readouterr().err
    assert err.startswith("framing: error: unknown frame(s) 'nope' in lexicon 'ukraine-war'; "
                          "frames: ")
    assert not out.exists()


def test_sample_unknown_frame_is_an_error(sample_corpus, sample_hits):
    with pytest.raises(InputError) as info:
        validation_sample(sample_hits, sample_corpus, frames="nope")
    assert str(info.value) == ("unknown frame(s) 'nope': no hit has it (not a frame of the "
                               "lexicon, or it never matched); frames with hits: naming, "
                               "regime.")


def test_blind_sheet_hides_the_group_and_its_key_scores_per_group(sample_corpus, sample_hits):
    blind = validation_sample(sample_hits, sample_corpus, per_cell=2, blind=True)
    open_ = validation_sample(sample_hits, sample_corpus, per_cell=2)
    assert list(blind.columns) == ["item", "frame", "entry", "left", "match", "right",
                                   "correct"]
    key = blind.attrs["key"]
    assert list(key.columns) == ["item", "doc_id", "source", "start", "end"]
    pd.testing.assert_frame_equal(key, open_[["item", "doc_id", "source", "start", "end"]])
    coded = blind.assign(correct=["1", "0"] * (len(blind) // 2))
    table = score_validation(coded, key=key, by="source")
    groups = table[table["scope"] == "group"]
    assert groups[["frame", "group", "n"]].values.tolist() == [
        ["naming", "BBC", 2], ["naming", "RT", 2], ["regime", "BBC", 2], ["regime", "RT", 2],
        ["", "BBC", 4], ["", "RT", 4]]
    expect = open_.assign(correct=coded["correct"])
    by_source = expect.groupby("source")["correct"].apply(lambda c: (c == "1").sum())
    assert groups[groups["frame"] == ""]["n_correct"].tolist() == by_source.tolist()
    with pytest.raises(InputError, match="pass its key, key='sheet.key.csv'"):
        score_validation(coded, by="source")


def test_cli_blind_sample_writes_a_key_and_scores_with_it(cli, tmp_path, capsys):
    corpus = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": ["rt-1", "bbc-1"], "lang": "en", "source": ["RT", "BBC"],
                  "text": ["The Kiev regime shelled Donetsk.", "Kyiv says no."]}
                 ).to_csv(corpus, index=False)
    sheet = tmp_path / "s.csv"
    assert cli("validate", "sample", corpus, "--blind", "-o", sheet) == 0
    key = tmp_path / "s.key.csv"
    assert f"to {key}: the key of the blind sheet" in capsys.readouterr().err
    text = sheet.read_text()
    assert "rt-1" not in text and "RT" not in text.replace("Kiev", "")
    coded = pd.read_csv(sheet, keep_default_na=False).assign(correct=1)
    coded.to_csv(sheet, index=False)
    out = tmp_path / "p.csv"
    assert cli("validate", "score", sheet, "--key", key, "--by", "source", "-o", out) == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert sorted(table.loc[(table["scope"] == "group") & (table["frame"] == ""),
                            "group"]) == ["BBC", "RT"]


SHEET_CSV = ("item,frame,entry,correct\n1,f,a,1\n2,f,a,0\n3,f,b,y\n")


def test_score_reads_utf16_and_reports_bad_bytes(cli, tmp_path, capsys):
    utf16 = tmp_path / "u.csv"
    utf16.write_bytes(SHEET_CSV.replace("f,b", "fä,b").encode("utf-16"))
    table = score_validation(utf16)
    assert table.loc[table["scope"] == "all", "n"].tolist() == [3]
    latin = tmp_path / "l.csv"
    latin.write_bytes(SHEET_CSV.replace("f,b", "fä,b").encode("cp1252"))
    with pytest.raises(InputError) as info:
        score_validation(latin)
    assert str(info.value).startswith(f"{latin}:4:4: byte 0xe4 ('ä' in cp1252) is not "
                                      "valid utf-8")
    assert cli("validate", "score", latin) == 2
    assert "pass --encoding with the file's encoding, e.g. --encoding cp1252" in \
        capsys.readouterr().err
    assert cli("validate", "score", latin, "--encoding", "cp1252") == 0
    assert score_validation(latin, encoding="cp1252")["frame"].tolist()[:2] == ["f", "fä"]


def test_score_reports_duplicates_and_empty_cells_all_at_once(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("item,doc_id,frame,entry,start,end,correct\n"
                    "1,d,f,a,0,3,1\n2,d,f,a,5,8,0\n1,d,f,a,0,3,1\n3,e,,a,0,1,1\n"
                    "4,e,f, ,0,1,1\n,,,,,,\n5,d,f,a,5,8,1\n")
    with pytest.raises(SheetError) as info:
        score_validation(path)
    assert info.value.problems == [
        f"{path}:4: duplicate item 1 (also on line 2)",
        f"{path}:5: frame is empty",
        f"{path}:6: entry is empty",
        f"{path}:8: duplicate hit 'a' in document 'd' at 5-8 (also on line 3)"]


def test_score_strips_header_names_and_reads_semicolons_and_tabs(tmp_path):
    for sep in (";", "\t"):
        path = tmp_path / "s.csv"
        path.write_text(SHEET_CSV.replace(",", sep).replace("correct", "correct "),
                        encoding="utf-8-sig")
        table = score_validation(path)
        assert table.loc[table["scope"] == "all", ["n", "n_correct"]].values.tolist() == \
            [[3, 2]]
    path.write_text("frame,entry,correct\nf,a,1\nf,a,0,extra\n")
    with pytest.raises(SheetError, match=r"s.csv:3: 4 cells \(separated by ','\); the "
                                         r"header line has 3"):
        score_validation(path)


def test_wilson_interval_is_exact_at_the_ends():
    assert wilson_interval(0, 5)[0] == 0.0
    assert wilson_interval(5, 5)[1] == 1.0
    assert 0 < wilson_interval(1, 5)[0] and wilson_interval(4, 5)[1] < 1


def test_suggest_without_lang_column_guesses_languages_and_drops_stopwords():
    corpus = pd.DataFrame({"doc_id": list("abc"), "text": [
        "The Kiev regime shelled the ukraine border towns again today.",
        "Officials said the Kiev regime shelled the ukraine border villages.",
        "The weather in the ukraine capital was mild and sunny for the week."]})
    lexicon = lex('  regime:\n    terms: {en: ["Kiev regime"]}\n')
    table = suggest_terms(corpus, lexicon, "regime", min_count=2)
    assert set(table["lang"]) == {"en"}
    assert not any(w in ("the", "and") for t in table["term"] for w in t.split())
    assert "shelled" in set(table["term"])


def test_score_allows_repeated_items_of_joined_rounds(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("round,item,frame,entry,correct\n1,1,f,a,1\n2,1,f,b,0\n2,1,f,b,1\n")
    with pytest.raises(SheetError) as info:
        score_validation(path)
    assert info.value.problems == [f"{path}:4: duplicate item 1 (also on line 3)"]
    path.write_text("round,item,frame,entry,correct\n1,1,f,a,1\n2,1,f,b,0\n")
    assert score_validation(path).loc[2, ["scope", "n"]].tolist() == ["frame", 2]
