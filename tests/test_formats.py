"""Dictionary formats: importing other tools' dictionaries into the lexicon model, and back.

Real files come from ../shared/dictionaries (skipped cleanly when absent; never copied here,
their licences forbid it); small hand-written files in tests/fixtures/dictionaries cover each
format's corner cases.
"""

from __future__ import annotations

import codecs
import warnings
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from framing.detect import find_hits
from framing.errors import InputError, LexiconError
from framing.formats import (
    DICTIONARY_FORMATS,
    DictionaryWarning,
    parse_dictionary,
    read_dictionary,
    write_dictionary,
)
from framing.lexicon import Lexicon, parse_lexicon, read_lexicon

FIXTURES = Path(__file__).parent / "fixtures" / "dictionaries"


def fixture(name: str) -> Path:
    return FIXTURES / name


def quiet_read(path, **kwargs) -> Lexicon:
    """Read a dictionary whose warnings are not what the test is about."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DictionaryWarning)
        return read_dictionary(path, **kwargs)


def patterns(lex: Lexicon, frame: str) -> list[str]:
    return [t.pattern for t in lex.frames[frame].terms]


def content(lex: Lexicon, *, weights: bool = True) -> dict:
    """Frame -> sorted patterns (with weights): what a round trip must keep."""
    return {name: sorted((t.pattern, t.weight) if weights else t.pattern for t in f.terms)
            for name, f in lex.frames.items()}


def hits_of(lex: Lexicon, text: str, lang: str = "en") -> list[tuple[str, str]]:
    corpus = pd.DataFrame({"doc_id": ["d"], "lang": [lang], "text": [text]})
    hits = find_hits(corpus, lex)
    return list(zip(hits["frame"], hits["match"]))


# --------------------------------------------------------------------------- real files

REAL = [
    # file, frames, patterns, a frame, one of its patterns
    ("quanteda_test_fixtures/mary.dic", 2, 5, "A category", "lamb"),
    ("quanteda_test_fixtures/mary.lc3", 2, 5, "Another category", "mary"),
    ("quanteda_test_fixtures/mary.ykd", 2, 5, "A CATEGORY", "little"),
    ("quanteda_test_fixtures/mary.yml", 2, 6, "ANOTHER", "category"),
    ("quanteda_test_fixtures/issue-459.cat", 5, 20, "SOUTH.ZA", "South Africa"),
    ("quanteda_test_fixtures/newsmap.yml", 3, 3, "AFRICA.CD", "コンゴ民主共和国"),
    ("quanteda_test_fixtures/newsmap2.yml", 4, 4, "US", "Washingon DC"),
    ("lexicoder_lsd2015/LSD2015.lc3", 2, 4567, "negative", "a lie"),
    ("lexicoder_lsd2015/LSD2015_NEG.lc3", 2, 4581, "neg_positive", "not ability*"),
    ("moral_foundations_liwc_dic/moral_foundations_dictionary.dic", 11, 358, "HarmVice", "war"),
    ("newsmap_yaml/english.yml", 241, 817, "EUROPE.EAST.UA", "Kyiv"),
    ("newsmap_yaml/german.yml", 241, 927, "EUROPE.EAST.UA", "Kiew"),
    ("newsmap_yaml/russian.yml", 241, 641, "EUROPE.EAST.UA", "Киев*"),
    ("sentiws_de/sentiws_v1.8c_negative.txt", 1, 15467, "negative", "Krieg"),
    ("sentiws_de/sentiws_v1.8c_positive.txt", 1, 15536, "positive", "Frieden"),
    ("wordstat_cat/Laver_and_Garry_2000.cat", 20, 418, "ECONOMY.+STATE+", "CARER*"),
    ("wordstat_cat/Loughran_and_McDonald_2014.cat", 8, 4232, "NEGATIVE", "ABANDON"),
]


@pytest.mark.parametrize("name, n_frames, n_patterns, frame, pattern", REAL,
                         ids=[r[0].split("/")[-1] for r in REAL])
def test_read_real_dictionary_counts(shared_dir, name, n_frames, n_patterns, frame, pattern):
    lex = quiet_read(shared_dir / "dictionaries" / name)
    assert len(lex.frames) == n_frames
    assert len(lex.terms()) == n_patterns
    assert pattern in patterns(lex, frame)
    assert {t.lang for t in lex.terms()} == {"any"}
    assert lex.terms()[0].origin.startswith(str(shared_dir / "dictionaries" / name) + ":")


@pytest.mark.parametrize("name", [r[0] for r in REAL], ids=[r[0].split("/")[-1] for r in REAL])
@pytest.mark.parametrize("ext", ["dic", "dicx", "yaml"])
def test_round_trip_real_dictionary_keeps_categories_and_patterns(shared_dir, tmp_path, name,
                                                                  ext):
    first = quiet_read(shared_dir / "dictionaries" / name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DictionaryWarning)    # .dic has no weights
        out = write_dictionary(first, tmp_path / f"out.{ext}")
    again = read_lexicon(out)
    assert list(again.frames) == list(first.frames)
    assert content(again, weights=ext != "dic") == content(first, weights=ext != "dic")


def test_mfd_liwc_categories_ids_and_hits(shared_dir):
    with pytest.warns(DictionaryWarning, match="fair-"):
        lex = read_lexicon(shared_dir / "dictionaries/moral_foundations_liwc_dic/"
                           "moral_foundations_dictionary.dic")
    assert list(lex.frames)[:3] == ["HarmVirtue", "HarmVice", "FairnessVirtue"]
    assert list(lex.frames)[-1] == "MoralityGeneral"
    # 'preserve  01 07 09': one word, three categories
    assert [t.frame for t in lex.terms() if t.pattern == "preserve"] == [
        "HarmVirtue", "AuthorityVirtue", "PurityVirtue"]
    assert hits_of(lex, "The war will kill many and destroy the peace.") == [
        ("HarmVice", "war"), ("HarmVice", "kill"), ("HarmVice", "destroy"),
        ("HarmVirtue", "peace")]


def test_mfd_glob_after_hyphen_is_reported(shared_dir):
    path = shared_dir / "dictionaries/moral_foundations_liwc_dic/moral_foundations_dictionary.dic"
    with pytest.warns(DictionaryWarning, match=r"1 entry cannot be expressed") as record:
        lex = read_dictionary(path)
    assert len(record) == 1
    assert lex.meta["unsupported"] == [
        f"{path}:70: 'fair-*' in 'FairnessVirtue' cannot be matched: '*' must follow letters "
        "at the end of a word (a prefix glob like 'Block*'); got 'fair-*'"]


def test_lsd2015_colours_double_glob_and_phrase_hits(shared_dir):
    path = shared_dir / "dictionaries/lexicoder_lsd2015/LSD2015.lc3"
    lex = read_dictionary(path)
    assert lex.meta["colours"] == {"negative": "#AA0000", "positive": "#008800"}
    assert lex.meta["unsupported"] == []
    assert lex.meta["rewritten"] == [
        f"{path}:1296: 'heckl**' read as 'heckl*' (repeated '*' read as one)"]
    assert "heckl*" in patterns(lex, "negative")
    assert hits_of(lex, "That was a lie, and they abandoned the town.") == [
        ("negative", "a lie"), ("negative", "abandoned")]


def test_lsd2015_negation_file_has_leading_spaces(shared_dir):
    lex = read_dictionary(shared_dir / "dictionaries/lexicoder_lsd2015/LSD2015_NEG.lc3")
    assert patterns(lex, "neg_positive")[:2] == ["best not", "better not"]
    assert hits_of(lex, "It was not acceptable.") == [("neg_positive", "not acceptable")]


def test_wordstat_laver_garry_nesting_weights_and_phrases(shared_dir):
    path = shared_dir / "dictionaries/wordstat_cat/Laver_and_Garry_2000.cat"
    lex = read_dictionary(path)
    assert list(lex.frames)[:4] == ["CULTURE", "CULTURE.CULTURE-HIGH",
                                    "CULTURE.CULTURE-POPULAR", "CULTURE.SPORT"]
    assert patterns(lex, "CULTURE") == ["PEOPLE", "WAR IN IRAQ", "CIVIL WAR"]
    assert {t.weight for t in lex.terms()} == {1.0}
    assert f"{path}:17: 'CIVIL_WAR' read as 'CIVIL WAR' ('_' read as the space of a phrase)" \
        in lex.meta["rewritten"]
    assert ("CULTURE", "civil war") in hits_of(lex, "A civil war broke out.")


def test_wordstat_levels_merge_nested_categories(shared_dir):
    path = shared_dir / "dictionaries/wordstat_cat/Laver_and_Garry_2000.cat"
    top = quiet_read(path, levels=1)
    assert list(top.frames) == ["CULTURE", "ECONOMY", "ENVIRONMENT", "GROUPS",
                                "INSTITUTIONS", "LAW_AND_ORDER", "RURAL", "URBAN", "VALUES"]
    assert len(top.frames["ECONOMY"].terms) == 182    # 50 + 71 + 62, one pattern repeated
    second = quiet_read(path, levels=2)
    assert "CONSERVATIVE" in second.frames            # INSTITUTIONS and VALUES merged
    assert "CULTURE" in second.frames                 # above level 2: keeps its own name


def test_wordstat_loughran_mcdonald_empty_category_reported(shared_dir):
    path = shared_dir / "dictionaries/wordstat_cat/Loughran_and_McDonald_2014.cat"
    with pytest.warns(DictionaryWarning, match="MODAL WORDS WEAK"):
        lex = read_dictionary(path)
    assert "MODAL WORDS WEAK" not in lex.frames
    assert lex.meta["unsupported"] == [
        f"{path}:4241: category 'MODAL WORDS WEAK' has no pattern that can be matched; it is "
        "left out"]
    assert len(lex.frames["MODAL WORDS STRONG"].terms) == 15


def test_newsmap_german_russian_hits_and_reports(shared_dir):
    folder = shared_dir / "dictionaries/newsmap_yaml"
    de = quiet_read(folder / "german.yml")
    assert hits_of(de, "Russland greift die ukrainische Hauptstadt Kiew an.", "de") == [
        ("EUROPE.EAST.RU", "Russland"), ("EUROPE.EAST.UA", "ukrainische"),
        ("EUROPE.EAST.UA", "Kiew")]
    assert de.meta["unsupported"] == [
        f"{folder / 'german.yml'}:264: \"Kūki 'Āirani\" in 'OCEANIA.AU-NZ.CK' cannot be "
        "matched: \"'\" in \"Kūki 'Āirani\" is not part of a word: write words separated by "
        "spaces or hyphens, with '*' only at a word's end"]
    ru = read_dictionary(folder / "russian.yml", lang="ru")
    assert ("EUROPE.EAST.UA", "Киеве") in hits_of(ru, "Взрывы в Киеве.", "ru")
    assert ru.meta["rewritten"] == [
        f"{folder / 'russian.yml'}:126: 'парагва**' read as 'парагва*' (repeated '*' read as "
        "one)"]
    # 'Украин*' and 'украин*' are the same pattern once case is ignored: kept once
    assert patterns(ru, "EUROPE.EAST.UA").count("украин*") == 0
    assert any("'украин*' repeats 'Украин*'" in d for d in ru.meta["duplicates"])
    assert {t.lang for t in ru.terms()} == {"ru"}


@pytest.mark.parametrize("levels, n_frames, first", [
    (None, 241, "AFRICA.EAST.BI"), (1, 5, "AFRICA"), (2, 12, "EAST"), (3, 241, "BI"),
    ([1, 3], 241, "AFRICA.BI"), ((2, 3), 241, "EAST.BI")])
def test_newsmap_levels_like_quanteda(shared_dir, levels, n_frames, first):
    lex = read_dictionary(shared_dir / "dictionaries/newsmap_yaml/english.yml", levels=levels)
    assert len(lex.frames) == n_frames
    assert next(iter(lex.frames)) == first
    assert len(lex.terms()) == 817


def test_quanteda_fixtures_special_keys(shared_dir):
    folder = shared_dir / "dictionaries/quanteda_test_fixtures"
    lex = read_dictionary(folder / "newsmap2.yml")
    assert list(lex.frames) == ["US", "US.MA", "US.CA", "JP"]    # '' holds the parent's own
    assert patterns(lex, "JP") == ["Tokyo"]
    mary = read_dictionary(folder / "mary.ykd")                  # the root cnode unwrapped
    assert list(mary.frames) == ["A CATEGORY", "ANOTHER CATEGORY"]
    assert mary.description.endswith(": New dictionary")
    cat = read_dictionary(folder / "issue-459.cat")              # spaces before the tabs
    assert list(cat.frames) == ["SOUTH.BW", "SOUTH.LS", "SOUTH.NA", "SOUTH.ZA", "SOUTH.SZ"]
    assert patterns(cat, "SOUTH.BW") == ["Botswana", "Botswanan*", "Gaborone"]


def test_sentiws_weights_inflections_and_conflicts(shared_dir):
    path = shared_dir / "dictionaries/sentiws_de/sentiws_v1.8c_negative.txt"
    with pytest.warns(DictionaryWarning, match=r"repeated pattern\(s\) with another weight"):
        lex = read_dictionary(path)
    krieg = {t.pattern: t for t in lex.frames["negative"].terms if t.pattern.startswith("Krieg")}
    assert set(krieg) >= {"Krieg", "Kriegs", "Krieges", "Kriegen", "Kriege"}
    assert krieg["Krieg"].weight == -0.5364 and krieg["Krieg"].note == "POS NN"
    assert krieg["Kriegen"].note == "inflection of Krieg, POS NN"
    assert krieg["Krieg"].origin == f"{path}:324"
    hits = find_hits(pd.DataFrame({"doc_id": ["d"], "lang": ["de"],
                                   "text": ["Der Krieg und die Zerstörungen."]}), lex)
    assert hits["weight"].tolist() == [-0.5364, -0.3578]


def test_read_lexicon_passes_options_to_the_importer(shared_dir):
    path = shared_dir / "dictionaries/quanteda_test_fixtures/mary.dic"
    lex = read_lexicon(path, lang="en", name="mary")
    assert lex.name == "mary" and {t.lang for t in lex.terms()} == {"en"}
    assert lex.meta["format"] == "liwc" and lex.meta["source"] == str(path)


def test_every_real_yaml_dictionary_reads_as_quanteda_through_read_lexicon(shared_dir):
    files = sorted((shared_dir / "dictionaries").glob("*/*.y*ml"))
    assert len(files) == 6
    for path in files:
        lex = quiet_read(path, format="quanteda")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DictionaryWarning)
            again = read_lexicon(path)
        assert again.meta["format"] == "quanteda", path
        assert content(again) == content(lex), path


def test_dictionary_warning_points_at_the_callers_line(tmp_path):
    path = tmp_path / "war.dic"
    path.write_text("%\n1\twar\n%\ninvad*\t1\n:)\t1\n", encoding="utf-8")
    corpus = pd.DataFrame({"doc_id": ["d"], "lang": ["en"], "text": ["They invaded."]})
    for read in (read_lexicon, read_dictionary, lambda p: find_hits(corpus, p)):
        with pytest.warns(DictionaryWarning, match=r"war.dic:5: ':\)' in 'war' cannot be "
                                                   r"matched") as record:
            read(path)
        assert len(record) == 1 and record[0].filename == __file__
    lex = read_lexicon("ukraine_war")
    with pytest.warns(DictionaryWarning, match="loses what the format cannot hold") as record:
        write_dictionary(lex, tmp_path / "uw.dic")
    assert record[0].filename == __file__


def test_liwc_export_says_how_many_patterns_it_merges(tmp_path):
    lex = read_lexicon("ukraine_war")
    with pytest.warns(DictionaryWarning, match="loses what the format cannot hold") as record:
        write_dictionary(lex, tmp_path / "uw.dic")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DictionaryWarning)
        back = read_dictionary(tmp_path / "uw.dic")
    merged = len(lex.terms()) - len(back.terms())
    assert merged > 0
    assert (f"; {merged} pattern(s) that a frame has in several languages or cases "
            "(e.g. ('invasion*', 'Invasion*'), ...): each read back once;") in \
        str(record[0].message)


def test_liwc_export_quotes_the_lexicons_own_merged_pattern(tmp_path):
    lex = parse_lexicon("name: m\nframes:\n  f:\n    terms: {en: [Kiev*], de: [kiev*, "
                        "Krieg]}\n")
    with pytest.warns(DictionaryWarning) as record:
        write_dictionary(lex, tmp_path / "m.dic")
    assert ("1 pattern(s) that a frame has in several languages or cases "
            "(e.g. ('Kiev*', 'kiev*')): each read back once") in str(record[0].message)


def test_dictionary_warning_fallback_before_python_3_12(tmp_path, monkeypatch):
    import sys

    from framing.formats import _common

    monkeypatch.setattr(_common, "_SKIP_PREFIXES", False)   # the stack-walking path
    path = tmp_path / "war.dic"
    path.write_text("%\n1\twar\n%\ninvad*\t1\n:)\t1\n", encoding="utf-8")
    with pytest.warns(DictionaryWarning) as record:
        read_lexicon(path)
    assert record[0].filename == __file__
    assert record[0].lineno == sys._getframe().f_lineno - 2


# --------------------------------------------------------------------------- LIWC


def test_liwc_conditional_rules_reported_with_lines():
    path = fixture("liwc2007_conditional.dic")
    with pytest.warns(DictionaryWarning, match=r"8 entries cannot be expressed") as record:
        lex = read_dictionary(path)
    assert len(record) == 1
    assert content(lex, weights=False) == {
        "invasion": ["full-scale war", "invad*", "occupier*"],
        "defence": ["defen*", "full-scale war"],
        "soft": ["heckl*", "like"]}
    left_out = lex.meta["unsupported"]
    assert f"{path}:12: conditional rule '(02 134)125/131' of 'like' cannot be expressed (it " \
        "depends on the neighbouring words); 'like' keeps its other categories" in left_out
    assert f"{path}:13: conditional rule '<of>131/125' of 'kind' cannot be expressed (it " \
        "depends on the neighbouring words); 'kind' has no other category and is left out" \
        in left_out
    assert f"{path}:14: conditional rule 'kind <of> 131' cannot be expressed (it depends on " \
        "the neighbouring words); the line is left out" in left_out
    assert [item.split(":")[1] for item in left_out] == ["6", "7", "12", "13", "14", "17",
                                                         "18", "19"]
    assert "':)' in 'soft' cannot be matched" in left_out[5]
    assert "'*deceit*' in 'soft' cannot be matched: '*' must follow letters" in left_out[6]
    assert "'mid*dle' in 'soft' cannot be matched: '*' may appear once" in left_out[7]
    assert f"{path}:6: category 'verb' has no pattern that can be matched" in left_out[0]


def test_liwc_bom_comments_and_leading_spaces():
    lex = quiet_read(fixture("liwc2007_conditional.dic"))
    occupier = [t for t in lex.terms() if t.pattern == "occupier*"]
    assert occupier[0].origin.endswith("liwc2007_conditional.dic:10")


def test_liwc2015_hierarchy_labels_and_crlf():
    lex = read_dictionary(fixture("liwc2015_hierarchy.dic"))
    assert list(lex.frames) == ["war", "war.attack", "war.defence", "war.defence.shelter",
                                "peace"]
    assert lex.labels == {"war": "War words", "war.attack": "Attacks",
                          "war.defence": "war.defence", "war.defence.shelter": "Shelters",
                          "peace": "peace"}
    assert patterns(lex, "peace") == ["ceasefire", "peace talks"]
    assert hits_of(lex, "Bunkers held; peace talks began.") == [
        ("war", "Bunkers"), ("war.defence", "Bunkers"), ("war.defence.shelter", "Bunkers"),
        ("peace", "peace talks")]


def test_liwc2015_hierarchy_levels():
    lex = read_dictionary(fixture("liwc2015_hierarchy.dic"), levels=1)
    assert content(lex, weights=False) == {
        "war": ["bunker*", "fortif*", "shell*", "strike*", "war"],
        "peace": ["ceasefire", "peace talks"]}
    assert len(lex.meta["duplicates"]) == 5      # the children's words, already in 'war'


def test_liwc_bare_cr_line_endings_and_space_separated_ids():
    lex = read_dictionary(fixture("liwc_bare_cr.dic"))
    assert content(lex, weights=False) == {"care.virtue": ["protect", "shelter"],
                                           "care.vice": ["kill", "wound*"]}
    assert lex.frames["care.vice"].terms[1].origin.endswith("liwc_bare_cr.dic:8")


def test_liwc_phrase_followed_by_spaces_or_a_tab():
    text = "%\n1\tpeace\n10\ttop\n%\npeace talks 1\nceasefire  talks\t1\ntop 10 1\n"
    lex = parse_dictionary(text, format="liwc", path="p.dic")
    assert [(t.frame, t.pattern, t.origin) for t in lex.terms()] == [
        ("peace", "peace talks", "p.dic:5"), ("peace", "ceasefire talks", "p.dic:6"),
        ("peace", "top", "p.dic:7"), ("top", "top", "p.dic:7")]


def test_liwc_number_after_a_word_without_a_tab_is_an_id_with_a_hint():
    with pytest.raises(LexiconError) as info:
        parse_dictionary("%\n1\tpeace\n%\ntop 10 1\ntop 10\t1\n", format="liwc",
                         path="p.dic")
    assert info.value.problems == [
        "p.dic:4: category id 10 of 'top' is not in the category list (ids: 1); without a "
        "tab, the numbers after a word are its category ids: if 'top 10' is a phrase, write "
        "a tab after it"]


def test_liwc_every_bad_line_is_listed():
    path = fixture("liwc_bad.dic")
    with pytest.raises(LexiconError, match=r"5 problems in lexicon") as info:
        read_dictionary(path)
    assert info.value.problems == [
        f"{path}:3: a category line needs an id and a name, like '1\\tharm'; got '2'",
        f"{path}:4: category id 1 is declared twice (first at line 2)",
        f"{path}:5: category 'deep' is indented 2 tab(s), deeper than one level below the "
        "category above it",
        f"{path}:8: category id 7 of 'shield' is not in the category list (ids: 1, 3)",
        f"{path}:9: 'alone' has no category ids after it; write the word, a tab, then the ids "
        "of its categories"]


def test_liwc_duplicate_category_name_error():
    with pytest.raises(LexiconError, match=r"<string>:3: category name 'harm' is declared "
                                           r"twice \(first at line 2\)"):
        parse_dictionary("%\n1\tharm\n2\tharm\n%\nkill\t1\n", format="liwc")


@pytest.mark.parametrize("name, line, message", [
    ("liwc_unclosed.dic", 1, "the list of categories opened by this '%' line is never closed"),
    ("liwc_not_liwc.dic", 1, r"expected a '%' line opening the list of categories; got "
                             r"'harm: \[kill\*\]' \(is this a LIWC .dic file\?\)"),
])
def test_liwc_structure_errors(name, line, message):
    with pytest.raises(InputError, match=message) as info:
        read_dictionary(fixture(name))
    assert info.value.line == line
    assert str(info.value).startswith(f"{fixture(name)}:{line}: ")


def test_liwc_empty_file_error():
    with pytest.raises(InputError, match=r"<string>:1: the file is empty: a LIWC .dic file "
                                         "starts with a '%' line"):
        parse_dictionary("\n\n", format="liwc")


def test_dicx_x_marks_crlf_and_phrase():
    lex = read_dictionary(fixture("liwc22.dicx"))
    assert content(lex, weights=False) == {
        "Invasion": ["full-scale war", "invad*", "occupier*"],
        "Defence": ["defen*", "full-scale war"], "Peace": ["ceasefire"]}
    assert lex.meta["format"] == "dicx"


def test_dicx_weighted_cells():
    lex = read_dictionary(fixture("liwc22_weighted.dicx"))
    assert content(lex) == {"Negative": [("aggression", -0.5), ("invader*", -0.7)],
                            "Neutral": [("talks", 1.0)], "Positive": [("ceasefire", 1.2)]}


def test_dicx_every_bad_cell_is_listed():
    path = fixture("liwc22_bad.dicx")
    with pytest.raises(LexiconError) as info:
        read_dictionary(path)
    assert info.value.problems == [
        f"{path}:1:3: a category column has no name",
        f"{path}:3:1: the term (first column) is empty",
        f"{path}:4:2: the cell of 'occupier*' in category 'Invasion' must be X, a number or "
        "empty; got 'yes'",
        f"{path}:5: 'shell*' has 3 category cells but the header names 2 categories"]


def test_dicx_header_without_categories_error():
    with pytest.raises(InputError, match=r"<string>:1: the header of a .dicx table needs a "
                                         r"term column and at least one category column"):
        parse_dictionary("DicTerm\nwar\n", format="dicx")


def test_dicx_duplicate_category_error():
    with pytest.raises(LexiconError, match=r"<string>:1:3: category 'a' is named twice"):
        parse_dictionary("DicTerm,a,a\nwar,X,X\n", format="dicx")


# --------------------------------------------------------------------------- Lexicoder


def test_lexicoder_crlf_bom_leading_spaces_colours():
    path = fixture("lexicoder_crlf.lc3")
    with pytest.warns(DictionaryWarning, match=r"2 entries cannot be expressed"):
        lex = read_dictionary(path)
    assert content(lex, weights=False) == {"negative": ["a lie", "abandon*", "war crime*"],
                                           "positive": ["ceasefire", "peace*"]}
    assert lex.meta["colours"] == {"negative": "#FF0000", "positive": "#00BB00"}
    assert [u.split(": ", 1)[0] for u in lex.meta["unsupported"]] == [f"{path}:6",
                                                                      f"{path}:10"]
    assert "':(' in 'negative' cannot be matched" in lex.meta["unsupported"][0]


def test_lexicoder_every_bad_line_is_listed():
    path = fixture("lexicoder_bad.lc3")
    with pytest.raises(LexiconError) as info:
        read_dictionary(path)
    assert info.value.problems == [
        f"{path}:1: pattern 'orphan pattern' comes before the first '+CATEGORY' line",
        f"{path}:2: category line '+#AA0000' has no name; write '+name' (a colour like "
        "'#AA0000' may follow)",
        f"{path}:3: pattern 'lie' comes before the first '+CATEGORY' line"]


def test_pattern_ending_with_a_hyphen_is_reported():
    with pytest.warns(DictionaryWarning, match=r"<string>:3: 'non-' in 'prefixes' cannot be "
                                               r"matched: pattern 'non-' ends with a separator"):
        lex = parse_dictionary("+prefixes\nanti*\nnon-\n", format="lexicoder")
    assert patterns(lex, "prefixes") == ["anti*"]


def test_lexicoder_lcd_extension_and_no_pattern_left():
    path = fixture("all_unsupported.lc3")
    with pytest.raises(LexiconError, match=r"all_unsupported.lc3:1: no category has a pattern "
                                           r"that can be matched") as info:
        read_dictionary(path, format="lcd")
    assert "all_unsupported.lc3:2: ':)' in 'smileys' cannot be matched" in str(info.value)


# --------------------------------------------------------------------------- WordStat


def test_wordstat_spaces_weights_underscores_comments_empty_category():
    path = fixture("wordstat_spaces.cat")
    with pytest.warns(DictionaryWarning, match="category 'EMPTY' has no pattern"):
        lex = read_dictionary(path)
    assert content(lex) == {
        "WAR.INVASION": [("FULL SCALE WAR", 2.0), ("INVAD*", 1.0), ("OCCUPIER*", 1.0)],
        "WAR.DEFENCE": [("DEFEN*", 1.0), ("SHELTER", 1.5)],
        "PEACE": [("CEASEFIRE", 1.0), ("PEACE TALK*", 1.0)]}
    assert lex.meta["rewritten"] == [f"{path}:4: 'FULL_SCALE_WAR' read as 'FULL SCALE WAR' "
                                     "('_' read as the space of a phrase)"]
    assert hits_of(lex, "A full-scale war, then peace talks.") == [
        ("WAR.INVASION", "full-scale war"), ("PEACE", "peace talks")]


def test_wordstat_weight_on_a_category_error():
    path = fixture("wordstat_bad.cat")
    with pytest.raises(LexiconError, match=r"wordstat_bad.cat:2: entry 'INVAD\* \(1\)' has a "
                                           r"weight, yet the lines below it are indented "
                                           r"deeper"):
        read_dictionary(path)


@pytest.mark.parametrize("text, message", [
    ("WAR\n\t (1)\n", r"<string>:2: entry '\(1\)' has a weight but no pattern"),
    ("\tINVAD* (1)\n", r"<string>:1: entry 'INVAD\* \(1\)' is not inside a category"),
])
def test_wordstat_entry_errors(text, message):
    with pytest.raises(LexiconError, match=message):
        parse_dictionary(text, format="wordstat")


def test_wordstat_empty_file_error():
    with pytest.raises(LexiconError, match=r"empty.cat:1: no categories found: the file is "
                                           r"empty or not in the wordstat format"):
        read_dictionary(fixture("empty.cat"))


# --------------------------------------------------------------------------- Yoshikoder


def test_yoshikoder_root_unwrapped_nesting_and_reports():
    path = fixture("yoshikoder_nested.ykd")
    with pytest.warns(DictionaryWarning):
        lex = read_dictionary(path)
    assert content(lex, weights=False) == {"INVASION": ["full-scale war", "invad*"],
                                           "INVASION.OCCUPATION": ["occupier*"],
                                           "PEACE": ["ceasefire"]}
    assert lex.frames["INVASION"].description == "The war as an invasion"
    assert lex.description == ("Imported from yoshikoder_nested.ykd (Yoshikoder .ykd): "
                               "War frames")
    assert lex.meta["unsupported"] == [
        f"{path}:13: 'peace & quiet' in 'PEACE' cannot be matched: '&' in 'peace & quiet' is "
        "not part of a word: write words separated by spaces or hyphens, with '*' only at a "
        "word's end",
        f"{path}:14: element <note> is not part of the Yoshikoder format; it is left out"]
    assert patterns(lex, "INVASION.OCCUPATION")[0] == "occupier*"
    assert lex.frames["INVASION.OCCUPATION"].terms[0].origin == f"{path}:8"


def test_yoshikoder_refuses_entity_definitions():
    with pytest.raises(InputError, match=r"yoshikoder_doctype.ykd:2: the file declares a "
                                         r"document type .* refused for safety"):
        read_dictionary(fixture("yoshikoder_doctype.ykd"))


def test_yoshikoder_undefined_entity_is_not_expanded():
    with pytest.raises(InputError, match=r"<string>:1:\d+: not well-formed XML: undefined "
                                         r"entity"):
        parse_dictionary('<dictionary><cnode name="A"><pnode name="&xxe;"/></cnode>'
                         '</dictionary>', format="ykd")


def test_yoshikoder_broken_xml_error():
    with pytest.raises(InputError, match=r"yoshikoder_broken.ykd:4:5: not well-formed XML: "
                                         r"mismatched tag"):
        read_dictionary(fixture("yoshikoder_broken.ykd"))


def test_yoshikoder_node_errors():
    text = ('<dictionary>\n<pnode name="war"/>\n<cnode name="">\n<pnode/>\n</cnode>\n'
            '<dictionary/>\n</dictionary>')
    with pytest.raises(LexiconError) as info:
        parse_dictionary(text, format="yoshikoder")
    assert info.value.problems == [
        "<string>:2:1: pattern 'war' is not inside a <cnode> category",
        "<string>:3:1: <cnode> needs a non-empty name attribute",
        "<string>:4:1: <pnode> needs a non-empty name attribute",
        "<string>:6:1: <dictionary> inside another element"]


def test_yoshikoder_single_category_is_not_unwrapped():
    lex = parse_dictionary('<dictionary><cnode name="WAR"><pnode name="war"/></cnode>'
                           '</dictionary>', format="yoshikoder")
    assert list(lex.frames) == ["WAR"]


# --------------------------------------------------------------------------- quanteda YAML


def test_quanteda_nested_empty_key_mixed_list_and_no_key():
    lex = read_dictionary(fixture("quanteda_nested.yml"))
    assert content(lex, weights=False) == {
        "WAR": ["war"], "WAR.INVASION": ["full-scale war", "invad*", "occupier*"],
        "WAR.DEFENCE": ["defen*"], "WAR.DEFENCE.SHELTER": ["bunker*", "shelter*"],
        "PEACE": ["ceasefire"], "NO": ["negotiat*"]}
    assert lex.frames["WAR.DEFENCE.SHELTER"].terms[0].origin.endswith(":6")


def test_quanteda_levels_option():
    lex = read_dictionary(fixture("quanteda_nested.yml"), levels=[1, 3])
    assert list(lex.frames) == ["WAR", "WAR.SHELTER", "PEACE", "NO"]
    assert patterns(lex, "WAR") == ["invad*", "full-scale war", "occupier*", "defen*", "war"]


def test_quanteda_every_bad_key_is_listed():
    path = fixture("quanteda_bad.yml")
    with pytest.raises(LexiconError) as info:
        read_dictionary(path)
    assert info.value.problems == [
        f"{path}:3: duplicate key 'INVASION' (first at line 2)",
        f"{path}:4: a list inside the list of 'WAR.DEFENCE': write patterns, or "
        "'key: [patterns]' mappings",
        f"{path}:5: an empty key at the top level has no parent category to hold its patterns"]


@pytest.mark.parametrize("name, message", [
    ("quanteda_alias.yml", r"quanteda_alias.yml:2: YAML aliases \(\*w\) are not allowed"),
    ("quanteda_list.yml", r"quanteda_list.yml:1: a quanteda dictionary is a mapping of keys "
                          r"to lists of patterns; got a list"),
])
def test_quanteda_structure_errors(name, message):
    with pytest.raises(InputError, match=message):
        read_dictionary(fixture(name))


@pytest.mark.parametrize("text, message", [
    ("WAR: [invad*\n", r"<string>:2:1: invalid YAML: expected ',' or ']'"),
    ("WAR: [war]\n---\nPEACE: [peace]\n", r"<string>:3: the file holds several YAML "
                                          r"documents"),
    ("[a]: [war]\n", r"<string>:1: keys must be plain text; got a list"),
])
def test_quanteda_yaml_errors(text, message):
    with pytest.raises(InputError, match=message):
        parse_dictionary(text, format="quanteda")


def test_quanteda_bare_cr_and_crlf_lines(tmp_path):
    path = tmp_path / "war.yml"
    path.write_bytes(b"# comment\rWAR:\r  INVASION: [invad*]\r\n  PEACE: [ceasefire]\r")
    lex = read_dictionary(path)
    assert [t.origin for t in lex.terms()] == [f"{path}:3", f"{path}:4"]


def test_quanteda_control_character_error():
    with pytest.raises(InputError, match=r"<string>:2: invalid YAML: character '\\x07' is not "
                                         r"allowed in YAML"):
        parse_dictionary("A: [war]\nB: [x\x07]\n", format="quanteda")


def test_quanteda_empty_item_reported():
    with pytest.warns(DictionaryWarning, match=r"<string>:1: an empty entry in 'WAR' is left "
                                               r"out"):
        lex = parse_dictionary("WAR: [invad*, ~]\n", format="quanteda")
    assert patterns(lex, "WAR") == ["invad*"]


def test_yaml_of_this_project_is_read_as_such(tmp_path, tiny_lexicon):
    path = write_dictionary(tiny_lexicon, tmp_path / "tiny.yaml")
    lex = read_dictionary(path, format="yaml")
    assert lex.content_hash == tiny_lexicon.content_hash
    with pytest.warns(DictionaryWarning):  # format="quanteda" insists: keys become frames
        forced = read_dictionary(path, format="quanteda")
    assert "frames.proxy_war.terms.en" in forced.frames


def test_parse_dictionary_yaml_tells_framing_from_quanteda():
    text = "name: t\nframes:\n  a: {terms: {en: [war]}}\n"
    assert parse_dictionary(text, format="yaml").name == "t"
    assert list(parse_dictionary("A: [war]\n", format="yaml").frames) == ["A"]
    with pytest.raises(LexiconError, match=r"<string>:1:1: unknown top-level key 'frame'"):
        parse_dictionary("frame:\n  a: {terms: {en: [war]}}\n", format="yml")
    with pytest.raises(InputError, match=r"^option\(s\) lang do not apply to framing YAML"):
        parse_dictionary(text, format="yaml", lang="en")


# --------------------------------------------------------------------------- SentiWS


def test_sentiws_cp1252_with_encoding_and_frame():
    path = fixture("sentiws_cp1252.txt")
    lex = read_dictionary(path, encoding="cp1252", frame="negative", lang="de")
    terms = {t.pattern: t for t in lex.frames["negative"].terms}
    assert terms["Zerstörungen"].weight == -0.3578
    assert terms["Waffenruhe"].weight == 0.2 and terms["Waffenruhe"].note == "POS NN"
    assert terms["Friedens"].origin == f"{path}:4"
    assert len(terms) == 9


def test_sentiws_cp1252_without_encoding_error():
    path = fixture("sentiws_cp1252.txt")
    with pytest.raises(InputError, match=r"sentiws_cp1252.txt:2:6: byte 0xf6 \('ö' in cp1252\) "
                                         r"is not valid utf-8 \(byte offset \d+\); re-save the "
                                         r"file as UTF-8, or pass encoding= with the file's "
                                         r"encoding, e.g. encoding='cp1252'") as info:
        read_dictionary(path)
    assert (info.value.line, info.value.column) == (2, 6)


def test_sentiws_every_bad_line_is_listed():
    path = fixture("sentiws_bad.txt")
    with pytest.raises(LexiconError) as info:
        read_dictionary(path)
    assert info.value.problems == [
        f"{path}:1: the weight (second field) must be a number; got 'viel'",
        f"{path}:2:1: the word (before '|' in the first field) is empty",
        f"{path}:3: expected at most 3 tab-separated fields (word|POS, weight, inflections); "
        "got 4"]


def test_plain_word_list_reads_as_one_frame():
    lex = read_dictionary(fixture("wordlist.txt"))
    assert content(lex) == {"wordlist": [("aggression", 1.0), ("invader", 1.0),
                                         ("occupier*", 1.0)]}


def test_sentiws_empty_frame_name_error():
    with pytest.raises(InputError, match=r"frame= must be a non-empty name; got ' '"):
        parse_dictionary("gut|ADJX\t0.37\n", format="sentiws", frame=" ")


# --------------------------------------------------------------------------- text reading


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_any_line_ending_with_or_without_bom(tmp_path, newline, bom):
    text = newline.join(["%", "1\tinvasion", "%", "invad*\t1", "", "Besatzer*\t1", ""])
    path = tmp_path / "war.dic"
    path.write_bytes(bom + text.encode("utf-8"))
    lex = read_dictionary(path)
    assert [(t.pattern, t.origin) for t in lex.terms()] == [
        ("invad*", f"{path}:4"), ("Besatzer*", f"{path}:6")]


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_files_with_bom_are_detected(tmp_path, codec):
    path = tmp_path / "war.lc3"
    path.write_bytes("+Angriff\nÜberfall*\n".encode(codec))
    assert patterns(read_dictionary(path), "Angriff") == ["Überfall*"]


def test_invalid_bytes_in_utf16_give_line_and_column(tmp_path):
    path = tmp_path / "war.lc3"
    path.write_bytes("+Angriff\nÜberfall*\n".encode("utf-16") + b"\x00")   # odd length
    with pytest.raises(InputError, match=r"war.lc3:3:1: byte 0x00 is not valid utf-16 \(byte "
                                         r"offset 40; the file starts with a UTF-16 byte order "
                                         r"mark\); the file is cut short or damaged: re-save it "
                                         r"as UTF-8"):
        read_dictionary(path)


def test_latin1_encoding(tmp_path):
    path = tmp_path / "war.cat"
    path.write_bytes("KRIEG\n\tÜBERFALL* (1)\n".encode("latin-1"))
    assert patterns(read_dictionary(path, encoding="latin-1"), "KRIEG") == ["ÜBERFALL*"]


def test_xml_declared_encoding_hint(tmp_path):
    path = tmp_path / "war.ykd"
    path.write_bytes('<?xml version="1.0" encoding="ISO-8859-1"?>\n<dictionary><cnode '
                     'name="K"><pnode name="Überfall"/></cnode></dictionary>'
                     .encode("latin-1"))
    with pytest.raises(InputError, match=r"war.ykd:2:42: byte 0xdc \('Ü' in cp1252\) is "
                                         r"not valid utf-8 \(byte offset 85\); the XML "
                                         r"declaration says "
                                         r"encoding='ISO-8859-1': pass that"):
        read_dictionary(path)
    assert patterns(read_dictionary(path, encoding="ISO-8859-1"), "K") == ["Überfall"]


def test_unreadable_file_error(tmp_path):
    from framing.formats._common import read_text

    with pytest.raises(InputError, match=r": cannot read the file: Is a directory"):
        read_text(tmp_path, "utf-8")


def test_unknown_encoding_error():
    with pytest.raises(InputError, match=r"unknown encoding 'klingon'; pass a Python codec "
                                         r"name"):
        read_dictionary(fixture("wordlist.txt"), encoding="klingon")


# --------------------------------------------------------------------------- options


def test_missing_file_and_folder_errors(tmp_path):
    with pytest.raises(InputError, match=r"nope.dic: no such dictionary file"):
        read_dictionary(tmp_path / "nope.dic")
    (tmp_path / "folder.dic").mkdir()
    with pytest.raises(InputError, match=r"folder.dic: is a folder, not a dictionary file"):
        read_dictionary(tmp_path / "folder.dic")


def test_unknown_extension_and_format_errors(tmp_path):
    path = tmp_path / "war.xyz"
    path.write_text("war\n")
    with pytest.raises(InputError, match=r"unknown dictionary extension '.xyz'; supported: "
                                         r".dic \(liwc\), .dicx \(dicx\)"):
        read_dictionary(path)
    with pytest.raises(InputError, match=r"unknown dictionary format 'nvivo'; supported"):
        read_dictionary(path, format="nvivo")
    assert read_dictionary(path, format="wordlist").frames["war"].terms[0].pattern == "war"


@pytest.mark.parametrize("kwargs, message", [
    ({"lang": "English"}, r"lang must be an ISO 639-1 code .* got 'English'"),
    ({"levels": 0}, r"levels must be a positive integer or a list of them .* got 0"),
    ({"levels": [1, "2"]}, r"levels must be a positive integer .* got \[1, '2'\]"),
    ({"levels": True}, r"levels must be a positive integer .* got True"),
    ({"colour": "red"}, r"unknown option\(s\) colour for the lexicoder format; its own "
                        r"options: none"),
])
def test_bad_options_errors(kwargs, message):
    with pytest.raises(InputError, match=message):
        parse_dictionary("+war\nwar\n", format="lexicoder", **kwargs)


def test_case_sensitive_and_name_options():
    lex = parse_dictionary("+n\nAbbau\nabbau\n", format="lc3", case_sensitive=True,
                           name="sentiment")
    assert lex.name == "sentiment"
    assert [(t.pattern, t.case_sensitive) for t in lex.terms()] == [("Abbau", True),
                                                                    ("abbau", True)]
    folded = parse_dictionary("+n\nAbbau\nabbau\n", format="lc3")
    assert patterns(folded, "n") == ["Abbau"]
    assert folded.meta["duplicates"] == [
        "<string>:3: 'abbau' repeats 'Abbau' of 'n' (<string>:2); kept once"]


def test_formats_table_covers_every_extension():
    assert DICTIONARY_FORMATS == {
        "dic": "liwc", "dicx": "dicx", "yml": "quanteda", "yaml": "quanteda",
        "lc3": "lexicoder", "lcd": "lexicoder", "cat": "wordstat", "ykd": "yoshikoder",
        "txt": "sentiws"}


# --------------------------------------------------------------------------- writing

FIXTURE_ROUND_TRIPS = ["liwc2007_conditional.dic", "liwc2015_hierarchy.dic",
                       "liwc_bare_cr.dic", "liwc22.dicx", "liwc22_weighted.dicx",
                       "lexicoder_crlf.lc3", "wordstat_spaces.cat", "yoshikoder_nested.ykd",
                       "quanteda_nested.yml", "wordlist.txt"]


@pytest.mark.parametrize("name", FIXTURE_ROUND_TRIPS)
@pytest.mark.parametrize("ext", ["dic", "dicx", "yaml"])
def test_round_trip_fixture_keeps_categories_and_patterns(tmp_path, name, ext):
    first = quiet_read(fixture(name))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DictionaryWarning)
        out = write_dictionary(first, tmp_path / f"out.{ext}")
    again = read_lexicon(out)
    assert list(again.frames) == list(first.frames)
    assert content(again, weights=ext != "dic") == content(first, weights=ext != "dic")
    if ext != "dicx":                        # .dicx has no place for labels
        assert again.labels == first.labels


def test_write_liwc_text_and_labels(tmp_path):
    lex = read_dictionary(fixture("liwc2015_hierarchy.dic"))
    text = write_dictionary(lex, tmp_path / "out.dic").read_text(encoding="utf-8")
    assert text.splitlines()[:7] == ["%", "1\twar (War words)", "2\twar.attack (Attacks)",
                                     "3\twar.defence", "4\twar.defence.shelter (Shelters)",
                                     "5\tpeace", "%"]
    assert "bunker*\t1\t3\t4" in text.splitlines()


def test_write_dic_names_what_is_lost(tmp_path, tiny_lexicon):
    with pytest.warns(DictionaryWarning, match=r"loses what the format cannot hold: the "
                                               r"language of each pattern \(de, en, ru\).*; "
                                               r"1 exclude pattern\(s\)") as record:
        write_dictionary(tiny_lexicon, tmp_path / "tiny.dic")
    assert len(record) == 1
    again = read_dictionary(tmp_path / "tiny.dic")
    assert content(again, weights=False) == content(tiny_lexicon, weights=False)


def test_write_weights_warns_for_dic_not_dicx(tmp_path):
    lex = read_dictionary(fixture("liwc22_weighted.dicx"))
    with pytest.warns(DictionaryWarning, match=r"3 weight\(s\) other than 1 \(write .dicx "
                                               r"to keep weights\)"):
        write_dictionary(lex, tmp_path / "w.dic")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = write_dictionary(lex, tmp_path / "w.dicx")
    assert out.read_text().splitlines()[1] == "invader*,-0.7,,"


def test_write_case_sensitivity_and_labels_lost(tmp_path):
    lex = parse_lexicon("name: t\nframes:\n  two words:\n    label: Two (words)\n"
                        "    terms: {any: [{pattern: NATO, case_sensitive: true}]}\n")
    with pytest.warns(DictionaryWarning, match=r"case sensitivity of 1 pattern\(s\); 1 frame "
                                               r"label\(s\) that a LIWC category line cannot "
                                               r"hold"):
        write_dictionary(lex, tmp_path / "t.dic")


def test_write_yaml_header_lists_what_was_left_out(tmp_path):
    lex = quiet_read(fixture("liwc2007_conditional.dic"))
    out = write_dictionary(lex, tmp_path / "out.yml")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Imported by framing from liwc2007_conditional.dic (LIWC .dic).\n"
                           "# 8 entries could not be expressed and were left out:\n")
    assert "#   " + lex.meta["unsupported"][2] in text
    again = read_lexicon(out)
    assert again.content_hash == lex.content_hash
    assert again.meta == {}


def test_write_is_atomic_and_keeps_the_old_file_on_error(tmp_path):
    target = tmp_path / "out.dic"
    target.write_text("old")
    lex = parse_lexicon("name: t\nframes:\n  ok: {terms: {any: [war]}}\n")
    bad = Lexicon(name="t", frames={"a\tb": replace(lex.frames["ok"], name="a\tb")})
    with pytest.raises(InputError, match=r"frame name 'a\\tb' cannot be written to a LIWC "
                                         r"file"):
        write_dictionary(bad, target)
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("ext, name, why", [
    ("dic", " war", "it starts or ends with a space"),
    ("dicx", "war ", "it starts or ends with a space"),
    ("dic", "%", "it would read back as a '%' line or a comment"),
    ("dic", "# war", "it would read back as a '%' line or a comment"),
    ("dic", "war (old)", "it would read back as a name followed by a label in parentheses"),
])
def test_write_liwc_refuses_names_that_would_not_read_back(tmp_path, name, why, ext):
    lex = parse_lexicon("name: t\nframes:\n  ok: {terms: {any: [war]}}\n")
    bad = Lexicon(name="t", frames={name: replace(lex.frames["ok"], name=name)})
    with pytest.raises(InputError, match=rf"cannot be written to a LIWC file \({why}\)"):
        write_dictionary(bad, tmp_path / f"t.{ext}")


@pytest.mark.parametrize("kwargs, message", [
    ({"format": "cat"}, r"cannot write the format 'cat'; write_dictionary writes yaml"),
    ({}, r"cannot write the extension '.lc3'"),
])
def test_write_unknown_format_errors(tmp_path, tiny_lexicon, kwargs, message):
    with pytest.raises(InputError, match=message):
        write_dictionary(tiny_lexicon, tmp_path / "out.lc3", **kwargs)


def test_write_empty_lexicon_error(tmp_path):
    with pytest.raises(InputError, match=r"lexicon 'void' has no frames; there is nothing to "
                                         r"write"):
        write_dictionary(Lexicon(name="void"), tmp_path / "void.dic")


def test_write_accepts_a_shipped_lexicon_name(tmp_path):
    with pytest.warns(DictionaryWarning, match="language of each pattern"):
        out = write_dictionary("ukraine_war", tmp_path / "uw.dicx")
    assert out.read_text(encoding="utf-8").startswith("DicTerm,")


# --------------------------------------------------------------------------- command line


def test_cli_import_writes_yaml_and_prints_warnings(tmp_path, capsys):
    from framing.cli import main

    out = tmp_path / "war.yaml"
    status = main(["lexicon", "import", str(fixture("liwc2007_conditional.dic")), "-o",
                   str(out), "--lang", "en"])
    err = capsys.readouterr().err
    assert status == 0
    assert "framing: warning: " in err and "conditional rule '(02 134)125/131'" in err
    assert f"framing: wrote {out}: 3 frames, 7 patterns; 8 entries of" in err
    lex = read_lexicon(out)
    assert {t.lang for t in lex.terms()} == {"en"}


def test_cli_import_options_and_export(tmp_path, capsys):
    from framing.cli import main

    dic = tmp_path / "war.dic"
    assert main(["lexicon", "import", str(fixture("quanteda_nested.yml")), "-o", str(dic),
                 "--levels", "1"]) == 0
    assert list(read_dictionary(dic).frames) == ["WAR", "PEACE", "NO"]
    out = tmp_path / "war.out"
    assert main(["lexicon", "export", str(dic), "-o", str(out), "--to", "dicx"]) == 0
    assert out.read_text().startswith("DicTerm,WAR,PEACE,NO\n")
    assert main(["lexicon", "import", str(fixture("sentiws_cp1252.txt")), "-o",
                 str(tmp_path / "s.yaml"), "--encoding", "cp1252", "--frame", "neg"]) == 0
    assert list(read_lexicon(tmp_path / "s.yaml").frames) == ["neg"]


def test_cli_import_bad_input_exits_2(tmp_path, capsys):
    from framing.cli import main

    status = main(["lexicon", "import", str(fixture("sentiws_cp1252.txt")), "-o",
                   str(tmp_path / "s.yaml")])
    assert status == 2
    assert "sentiws_cp1252.txt:2:6: byte 0xf6 ('ö' in cp1252) is not valid utf-8" in \
        capsys.readouterr().err
    assert not (tmp_path / "s.yaml").exists()


def test_cli_bad_levels_is_a_usage_error(capsys):
    from framing.cli import main

    with pytest.raises(SystemExit):
        main(["lexicon", "import", "x.yml", "-o", "y.yaml", "--levels", "0"])
    assert "expected levels like 1 or 1,3" in capsys.readouterr().err


# --------------------------------------------------------------------------- property


def _lexicon_strategy():
    from hypothesis import strategies as st

    word = st.text(alphabet="abcxyzäöüßабвгёКW0", min_size=1, max_size=6)
    pattern = st.builds(
        lambda words, seps, glob: words[0] + "".join(s + w for s, w in zip(seps, words[1:]))
        + ("*" if glob else ""),
        st.lists(word, min_size=1, max_size=3), st.lists(st.sampled_from([" ", "-"]),
                                                         min_size=2, max_size=2),
        st.booleans())
    name = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._ +=-]{0,10}[A-Za-z0-9]", fullmatch=True)
    weight = st.sampled_from([1.0, 1.0, 2.0, -0.25, 0.0048])

    def make(frames):
        from framing.lexicon import Frame, Term, pattern_tokens

        out = {}
        for fname, items in frames.items():
            seen, terms = set(), []
            for pat, w in items:
                key = pattern_tokens(pat)
                if key not in seen:
                    seen.add(key)
                    terms.append(Term(pattern=pat, frame=fname, lang="any", weight=w))
            out[fname] = Frame(name=fname, label=fname, terms=tuple(terms))
        return Lexicon(name="random", frames=out)

    return st.dictionaries(name, st.lists(st.tuples(pattern, weight), min_size=1, max_size=6),
                           min_size=1, max_size=5).map(make)


def test_round_trip_any_lexicon_property(tmp_path_factory):
    from hypothesis import HealthCheck, given, settings

    @settings(max_examples=60, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(_lexicon_strategy())
    def check(lex):
        folder = tmp_path_factory.mktemp("rt")
        for ext, weights in (("dic", False), ("dicx", True), ("yaml", True)):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DictionaryWarning)
                again = read_lexicon(write_dictionary(lex, folder / f"x.{ext}"))
            assert list(again.frames) == list(lex.frames)
            assert content(again, weights=weights) == content(lex, weights=weights)

    check()


def test_lexicon_import_and_export_never_replace_a_file_without_force(tmp_path, capsys):
    from framing.cli import main

    out = tmp_path / "mine.yaml"
    out.write_text("name: mine  # edited by hand\n", encoding="utf-8")
    assert main(["lexicon", "export", "ukraine_war", "-o", str(out)]) == 2
    assert "the output file exists; pass --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "name: mine  # edited by hand\n"
    assert main(["lexicon", "export", "ukraine_war", "-o", str(out), "--force"]) == 0
    assert "frames:" in out.read_text(encoding="utf-8")
