"""The shipped ukraine-war lexicon: structure, notes, languages, hits at exact offsets,
the seed article, and the coded validation sample that backs the codebook."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from framing.detect import find_hits, match_text
from framing.lexicon import read_lexicon
from framing.lexicon_tools import check_lexicon, score_validation

REPO = Path(__file__).resolve().parent.parent
LEXICONS = REPO / "data" / "lexicons"
CODED = LEXICONS / "validation" / "ukraine_war_en_coded.csv"
FRAMES = ["proxy_war", "us_led_bloc", "conflict_naming", "invasion_aggression", "escalation",
          "kiev_regime", "western_backers", "atrocities", "humanitarian_cost", "russophobia",
          "liberation", "naming_russian_spelling", "naming_ukrainian_spelling"]


@pytest.fixture(scope="module")
def lexicon():
    return read_lexicon("ukraine_war")


def test_loads_with_name_version_and_frames(lexicon):
    assert lexicon.name == "ukraine-war"
    assert lexicon.version == "2"
    assert len(lexicon.frames) >= 12
    assert set(FRAMES) <= set(lexicon.frames)


def test_every_frame_has_label_definition_and_three_languages(lexicon):
    for frame in lexicon.frames.values():
        assert frame.label and frame.label != frame.name, frame.name
        assert len(frame.description.split()) >= 20, frame.name
        assert {"en", "de", "ru"} <= set(frame.languages), frame.name


def test_naming_markers_are_their_own_dimension(lexicon):
    dims = {name: f.dimension for name, f in lexicon.frames.items()}
    assert dims["naming_russian_spelling"] == dims["naming_ukrainian_spelling"] == "naming"
    assert {d for n, d in dims.items() if not n.startswith("naming")} == {"frame"}


def test_every_term_has_a_note_citing_a_documented_source(lexicon):
    codebook = (LEXICONS / "README.md").read_text(encoding="utf-8")
    defined = set(re.findall(r"\*\*\[([A-Za-z0-9-]+)\]\*\*", codebook))
    for term in lexicon.terms():
        assert len(term.note) > 5, (term.frame, term.pattern)
        for key in re.findall(r"\[([A-Za-z][A-Za-z0-9-]*)\]", term.note):
            assert key in defined, (term.pattern, key)


def test_lint_finds_no_errors_or_warnings(lexicon):
    problems = check_lexicon(lexicon)
    assert set(problems["level"]) <= {"info"}, problems


def test_case_sensitive_only_for_acronyms(lexicon):
    cased = sorted(t.pattern for t in lexicon.terms() if t.case_sensitive)
    assert cased == ["SMO", "СВО"]


def found(text: str, lang: str) -> set:
    hits = match_text(text, "ukraine_war", lang=lang)
    for row in hits.itertuples():
        assert text[row.start:row.end] == row.match
    return set(zip(hits["frame"], hits["match"], hits["start"], hits["end"]))


def at(text: str, frame: str, word: str, nth: int = 0) -> tuple:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return (frame, word, start, start + len(word))


EN = [
    ("Moscow says NATO is waging a proxy war against Russia through the Kiev regime.",
     [("proxy_war", "proxy war"), ("kiev_regime", "Kiev regime"),
      ("naming_russian_spelling", "Kiev")]),
    ("Ukraine will never join the US-led military bloc, RT wrote of the special military "
     "operation.",
     [("us_led_bloc", "US-led military bloc"), ("conflict_naming", "special military operation")]),
    ("The full-scale invasion, an unprovoked war of aggression, goes on.",
     [("invasion_aggression", "full-scale invasion"), ("invasion_aggression", "unprovoked"),
      ("invasion_aggression", "war of aggression")]),
    ("Sending Western troops risks a direct confrontation and World War III.",
     [("escalation", "Western troops"), ("escalation", "direct confrontation"),
      ("escalation", "World War III")]),
    ("Kyiv says Western weapons and arms deliveries help; Moscow decries the Russophobic West.",
     [("naming_ukrainian_spelling", "Kyiv"), ("western_backers", "Western weapons"),
      ("western_backers", "arms deliveries"), ("russophobia", "Russophobic")]),
    ("Putin spoke of denazification and the liberation of Donbass as Ukrainian refugees fled "
     "the war in Ukraine.",
     [("liberation", "denazification"), ("liberation", "liberation of Donbass"),
      ("naming_russian_spelling", "Donbass"), ("humanitarian_cost", "Ukrainian refugees"),
      ("war_naming", "war in Ukraine")]),
    ("Investigators found mass graves and evidence of war crimes after the Bucha massacre.",
     [("atrocities", "mass graves"), ("atrocities", "war crimes"),
      ("atrocities", "Bucha massacre")]),
]


@pytest.mark.parametrize("text, expected", EN)
def test_english_sentences_hit_at_exact_offsets(text, expected):
    hits = found(text, "en")
    wanted = {at(text, f, w) for f, w in expected}
    assert wanted <= hits, wanted - hits
    assert {h[0] for h in hits} == {f for f, _ in expected}


@pytest.mark.parametrize("text", [
    "He ordered chicken Kiev near the escalator; de-escalation talks and the Ukraine war go on.",
    "Refugees from the Syrian war and the 1943 massacre were remembered; prices escalated.",
    "The US-led invasion of Iraq and the U.S.-led coalition were debated.",
    "Officials in Kyiv, rather than the Kyiv Independent, spoke of a proxy server.",
])
def test_english_excludes_and_narrowed_terms(text):
    frames = {h[0] for h in found(text, "en")}
    assert not frames & {"escalation", "atrocities", "humanitarian_cost", "us_led_bloc",
                         "naming_russian_spelling", "proxy_war"}, frames


def test_english_the_ukraine_only_as_a_country():
    text = "Aid was sent to the Ukraine, not to the Ukraine border posts."
    assert found(text, "en") == {at(text, "naming_russian_spelling", "to the Ukraine")}


RU = [
    ("Киевский режим ведёт прокси-войну против России при поддержке коллективного Запада.",
     [("kiev_regime", "Киевский режим"), ("proxy_war", "прокси-войну"),
      ("us_led_bloc", "коллективного Запада")]),
    ("Специальная военная операция на Украине продолжается.",
     [("conflict_naming", "Специальная военная операция"),
      ("naming_russian_spelling", "на Украине")]),
    ("Эксперты предупреждают о прямом столкновении и угрозе третьей мировой войны.",
     [("escalation", "прямом столкновении"), ("escalation", "третьей мировой войны")]),
    ("Цели СВО — денацификация; беженцы с Украины уезжают.",
     [("conflict_naming", "СВО"), ("liberation", "денацификация"),
      ("humanitarian_cost", "беженцы с Украины"), ("naming_russian_spelling", "с Украины")]),
    ("Русофобия и антироссийские санкции, поставки оружия и западные кураторы.",
     [("russophobia", "Русофобия"), ("russophobia", "антироссийские"),
      ("western_backers", "поставки оружия"), ("western_backers", "западные кураторы")]),
    ("Военные преступления и зверства оккупантов в Украине.",
     [("atrocities", "Военные преступления"), ("atrocities", "зверства"),
      ("invasion_aggression", "оккупантов"), ("naming_ukrainian_spelling", "в Украине")]),
]


@pytest.mark.parametrize("text, expected", RU)
def test_russian_sentences_hit_at_exact_offsets(text, expected):
    hits = found(text, "ru")
    wanted = {at(text, f, w) for f, w in expected}
    assert wanted <= hits, wanted - hits
    assert {h[0] for h in hits} == {f for f, _ in expected}


@pytest.mark.parametrize("text, frame, word", [
    ("Жители Донбасса и Донбаса.", "naming_russian_spelling", "Донбасса"),
    ("Жители Донбасса и Донбаса.", "naming_ukrainian_spelling", "Донбаса"),
])
def test_russian_explicit_forms_keep_spellings_apart(text, frame, word):
    hits = found(text, "ru")
    assert at(text, frame, word) in hits
    assert sum(1 for h in hits if h[0] == frame) == 1


@pytest.mark.parametrize("text", ["Это своё дело, сво-бода.", "Резной наличник и пытаться."])
def test_russian_no_false_hits_from_acronyms_or_short_stems(text):
    assert found(text, "ru") == set()


def test_german_sentences_hit_at_exact_offsets():
    text = ("Russland spricht von einem Stellvertreterkrieg des kollektiven Westens; es gebe "
            "keine Pläne, Truppen in die Ukraine zu entsenden, sagt man in Kyjiw und Kiew.")
    hits = found(text, "de")
    assert {at(text, "proxy_war", "Stellvertreterkrieg"),
            at(text, "us_led_bloc", "kollektiven Westens"),
            at(text, "escalation", "Truppen in die Ukraine zu entsenden"),
            at(text, "naming_ukrainian_spelling", "Kyjiw"),
            at(text, "naming_russian_spelling", "Kiew")} == hits


# ------------------------------------------------------------------ real data (../shared)


def test_seed_article_hits(shared_dir):
    text = (shared_dir / "seeds" / "rt_de_nato_troops.txt").read_text(encoding="utf-8")
    hits = match_text(text, "ukraine_war", lang="de")
    got = set(zip(hits["frame"], hits["match"], hits["start"], hits["end"]))
    expected = [at(text, "proxy_war", "Stellvertreterkrieg"),
                at(text, "us_led_bloc", "von den USA geführten Blocks"),
                at(text, "us_led_bloc", "von den USA geführten Block", 1),
                at(text, "invasion_aggression", "Invasoren"),
                at(text, "conflict_naming", "Ukraine-Konflikt"),
                at(text, "escalation", "direkte Konfrontation")]
    kiew = [m.span() for m in re.finditer(r"\bKiews?\b", text)]
    assert len(kiew) == 5
    expected += [("naming_russian_spelling", text[a:b], a, b) for a, b in kiew]
    assert set(expected) <= got
    escalation = hits[hits["frame"] == "escalation"]
    for verb in ("zu schicken", "zu entsenden"):
        sentence = re.search(r"[^.]*keine Pläne[^.]*Truppen in die Ukraine " + verb, text)
        inside = escalation[(escalation["start"] >= sentence.start())
                            & (escalation["end"] <= sentence.end())]
        assert len(inside) >= 1, verb


def test_coded_validation_sample_holds_no_article_text():
    coded = pd.read_csv(CODED)
    assert list(coded.columns) == ["round", "item", "doc_id", "bloc", "frame", "entry", "start",
                                   "end", "correct"]
    assert set(coded["correct"]) == {0, 1}
    assert coded.groupby("frame").size().min() >= 16


def test_codebook_table_matches_the_coded_sample():
    coded = pd.read_csv(CODED)
    codebook = (LEXICONS / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\w+) \| (\d+)/(\d+) \| (\d+)/(\d+) \| \*{0,2}([\d.]+)\*{0,2} \|",
                      codebook, flags=re.M)
    assert len(rows) == coded["frame"].nunique()
    table = score_validation(coded)
    frames = table[table["scope"] == "frame"].set_index("frame")
    for frame, k1, n1, k2, n2, precision in rows:
        part = coded[coded["frame"] == frame]
        rt = part[part["bloc"] == "russian_state"]["correct"]
        west = part[part["bloc"] == "western"]["correct"]
        assert (int(k1), int(n1), int(k2), int(n2)) == (rt.sum(), len(rt), west.sum(), len(west))
        assert round(frames.loc[frame, "precision"], 2) == float(precision), frame
    overall = table[table["scope"] == "all"].iloc[0]
    assert overall["precision"] >= 0.9


def test_coded_lines_are_hits_of_the_shipped_lexicon(shared_dir):
    coded = pd.read_csv(CODED, dtype={"doc_id": str})
    path = shared_dir / "corpora" / "rt_vs_western_2022" / "articles.jsonl"
    articles = pd.read_json(path, lines=True, dtype={"id": str})
    articles = articles[articles["id"].isin(set(coded["doc_id"]))]
    corpus = articles.rename(columns={"id": "doc_id"})[["doc_id", "lang", "text"]]
    hits = find_hits(corpus, "ukraine_war")
    keys = set(zip(hits["doc_id"], hits["frame"], hits["entry"], hits["start"], hits["end"]))
    missing = [r for r in coded.itertuples()
               if (r.doc_id, r.frame, r.entry, r.start, r.end) not in keys]
    assert missing == []
