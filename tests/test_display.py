"""Rich display: highlighted documents, aligned KWIC, lexicon summary, explorer, accessor."""

from __future__ import annotations

import html
import sys
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing as fr
import framing.accessor  # noqa: F401  (registers df.framing)
from framing.display import frame_colors, lexicon_summary, show_hits
from framing.errors import InputError
from framing.explore import explore
from framing.kwic import Highlighted, KwicTable, highlight, kwic, kwic_lines
from framing.plot import PALETTE


def _marks(fragment: str) -> list[dict]:
    parser = _MarkParser()
    parser.feed(fragment)
    return parser.marks


class _MarkParser(HTMLParser):
    """The framing-hit marks of an HTML fragment, each with the text it covers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks, self.stack, self.body = [], [], []
        self.in_text = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "p":
            self.in_text = True
        if tag == "mark" and "framing-hit" in (attrs.get("class") or ""):
            attrs["_from"] = len("".join(self.body))
            self.marks.append(attrs)
            self.stack.append(attrs)

    def handle_endtag(self, tag):
        if tag == "mark" and self.stack:
            mark = self.stack.pop()
            mark["_text"] = "".join(self.body)[mark["_from"]:]

    def handle_data(self, data):
        if self.in_text:
            self.body.append(data)


def _shown_text(fragment: str) -> str:
    parser = _MarkParser()
    parser.feed(fragment.replace("<br>", "\n").replace("</p><p", "</p>\n\n<p"))
    return "".join(parser.body)


# --------------------------------------------------------------------------- highlight


def test_highlight_html_has_one_mark_per_hit_with_its_title(tiny_corpus, tiny_lexicon):
    hits = fr.find_hits(tiny_corpus, tiny_lexicon, context=False)
    doc = highlight(tiny_corpus, "en1", hits)
    marks = _marks(doc._repr_html_())
    expected = hits[hits["doc_id"] == "en1"].sort_values(["start", "end"])
    assert len(marks) == len(expected) == 3
    labels = tiny_lexicon.labels
    for mark, row in zip(marks, expected.itertuples()):
        assert mark["title"] == f"{labels[row.frame]} ({row.frame}) | term: {row.entry}"
        assert mark["data-frame"] == row.frame
        assert (int(mark["data-start"]), int(mark["data-end"])) == (row.start, row.end)
        assert mark["_text"] == row.match


def test_highlight_colours_follow_the_plot_palette(tiny_corpus, tiny_lexicon):
    hits = fr.find_hits(tiny_corpus, tiny_lexicon)
    doc = highlight(tiny_corpus, "en1", hits)
    assert doc.colors == {"proxy_war": PALETTE[0], "bloc": PALETTE[1], "naming": PALETTE[2]}
    page = doc._repr_html_()
    for frame, colour in doc.colors.items():
        assert f'data-frame="{frame}"' in page and colour in page
    assert "US-led bloc (1)" in page        # the legend: label and count


def test_highlight_title_shows_context_columns_when_present(tiny_corpus, tiny_lexicon):
    hits = fr.find_hits(tiny_corpus, tiny_lexicon)
    hits = hits.assign(voice="quote", speaker="", negated=False, target="")
    hits.loc[hits["frame"] == "bloc", ["voice", "negated", "target"]] = \
        ["scare_quote", True, "west"]
    marks = {m["data-frame"]: m for m in _marks(highlight(tiny_corpus, "en1", hits)
                                                 ._repr_html_())}
    assert marks["bloc"]["title"] == \
        "US-led bloc (bloc) | term: US-led bloc* | voice: scare_quote | negated | target: west"
    assert marks["proxy_war"]["title"].endswith("| voice: quote")
    assert marks["bloc"]["data-voice"] == "scare_quote" and "dashed" in marks["bloc"]["style"]
    assert "opacity" in marks["bloc"]["style"] and "opacity" not in marks["naming"]["style"]


def test_highlight_overlapping_hits_nest_and_keep_the_text():
    text = "the Kiev regime said Kiev"
    hits = pd.DataFrame({"doc_id": "a", "frame": ["regime", "naming", "x", "naming"],
                         "entry": ["Kiev regime", "Kiev", "regime said", "Kiev"],
                         "start": [4, 4, 9, 21], "end": [15, 8, 20, 25]})
    hits["match"] = [text[a:b] for a, b in zip(hits["start"], hits["end"])]
    page = Highlighted(text, hits)._repr_html_()
    marks = _marks(page)
    assert len(marks) == 4
    assert sorted(m["_text"] for m in marks) == sorted(["Kiev regime", "Kiev", " said",
                                                        "Kiev"])  # crossing: starts later
    assert _shown_text(page) == text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from("abc")),
                max_size=8))
def test_highlight_gives_every_hit_one_mark_and_keeps_text(spans):
    text = "Some <b>text</b> & more words\nto mark here, ok"
    rows = [(s, min(s + n, len(text)), f) for s, n, f in spans if s < len(text)]
    hits = pd.DataFrame(rows, columns=["start", "end", "frame"]).assign(doc_id="d",
                                                                         entry="e")
    page = Highlighted(text, hits)._repr_html_()
    assert len(_marks(page)) == len(rows)
    assert _shown_text(page) == text


def test_highlight_plain_text_fallback(tiny_corpus, tiny_lexicon):
    hits = fr.find_hits(tiny_corpus, tiny_lexicon)
    doc = highlight(tiny_corpus, "en1", hits)
    assert repr(doc) == str(doc) == \
        "The [US-led bloc]{bloc} fights a [proxy war]{proxy_war} in [Kiev]{naming}."


def test_highlight_unknown_document_names_it(tiny_corpus, tiny_lexicon):
    with pytest.raises(InputError, match="no document with doc_id 'nope' in the corpus"):
        highlight(tiny_corpus, "nope", fr.find_hits(tiny_corpus, tiny_lexicon))


# --------------------------------------------------------------------------- KWIC


@pytest.fixture
def lines():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "lang": "en", "text": [
        "Officials said the invaders had left the town before dawn.",
        "Invaders again."]})
    return kwic(corpus, "invader*", window=3)


def test_kwic_returns_an_aligned_dataframe(lines):
    assert isinstance(lines, pd.DataFrame) and isinstance(lines, KwicTable)
    assert isinstance(lines.head(1), KwicTable)
    assert list(lines.columns) == ["doc_id", "frame", "left", "match", "right", "start", "end"]


def test_kwic_plain_text_aligns_left_match_right(lines):
    out = lines[["left", "match", "right"]].to_string().splitlines()
    assert out == ["                 left   match    right",
                   "0  Officials said the  invaders  had left the",
                   "1                      Invaders  again"]
    assert repr(lines[["left", "match", "right"]]) == "\n".join(out)


def test_kwic_plain_text_columns_line_up(lines):
    text = lines.to_string().splitlines()
    left_ends = {row.index("the") + 3 for row in text[1:2]} | {
        text[2].index("Invaders") - 2}
    assert len(left_ends) == 1                      # left context right-aligned
    match_col = [row.index(m) for row, m in zip(text[1:], ["invaders", "Invaders"])]
    assert len(set(match_col)) == 1                 # matches centred in one column
    assert text[1].index("had") == text[2].index("again")   # right context left-aligned


def test_kwic_plain_text_shortens_long_contexts_and_rows():
    left, right = " ".join("x" * 60), " ".join("y" * 60)
    long = KwicTable({"left": [left], "match": ["m"], "right": [right]})
    row = long.to_string(max_width=20).splitlines()[1]
    assert row == f"0  …{left[-19:]}    m    {right[:19]}…"   # "m" centred under "match"
    many = KwicTable({"left": ["l"] * 100, "match": ["m"] * 100, "right": ["r"] * 100})
    text = many.to_string(max_rows=10)
    assert "[100 rows x 3 columns]" in text and len(text.splitlines()) == 14


def test_kwic_with_hits_keeps_the_named_frame_or_entry_of_those_hits():
    from framing.detect import find_hits
    from framing.lexicon import parse_lexicon

    lexicon = parse_lexicon("{name: own, frames: {smo: {terms: {en: ['special operation']}},"
                            " inv: {terms: {en: ['invader*', 'occupier*']}}}}")
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "lang": "en", "text": [
        "The invaders call it a special operation.", "Occupiers and invaders left."]})
    hits = find_hits(corpus, lexicon, progress=False)
    assert len(hits) == 4
    assert kwic(corpus, "smo", hits=hits)["match"].tolist() == ["special operation"]
    assert kwic(corpus, "inv", hits=hits)["match"].tolist() == [
        "invaders", "Occupiers", "invaders"]
    assert kwic(corpus, "occupier*", hits=hits)["match"].tolist() == ["Occupiers"]
    with pytest.raises(InputError, match=r"'nothere' is neither a frame nor an entry of the "
                       r"hits given \(their frames: smo, inv\); to find a new pattern, call "
                       r"kwic without hits="):
        kwic(corpus, "nothere", hits=hits)
    with pytest.raises(InputError, match="hits is not a hits table: missing column"):
        kwic(corpus, "smo", hits=hits.drop(columns="entry"))
    with pytest.raises(InputError, match="pattern_or_frame must be a frame name or a pattern"):
        kwic(corpus, None)


def test_kwic_without_matches_says_so():
    corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"], "text": ["Nothing here."]})
    empty = kwic(corpus, "invader*")
    assert empty.empty and list(empty.columns)[:3] == ["doc_id", "frame", "left"]
    assert repr(empty).endswith("(no matches)") and "no matches" in empty._repr_html_()


def test_kwic_pandas_layout_still_available(lines):
    assert lines.to_string(aligned=False) == pd.DataFrame(lines).to_string()
    assert "doc_id" in repr(lines[["doc_id", "start"]])          # not a KWIC: pandas repr


def test_kwic_html_aligns_and_bolds_the_match(lines):
    page = lines._repr_html_()
    assert page.count('class="framing-kwic-match"') == 2
    assert "text-align:right\">Officials said the</td>" in page
    assert "text-align:left\">had left the</td>" in page
    assert '<b class="framing-kwic-match"' in page and "invaders</b>" in page


def test_kwic_keeps_frame_labels_for_display(tiny_corpus, tiny_lexicon):
    hits = fr.find_hits(tiny_corpus, tiny_lexicon)
    out = kwic_lines(tiny_corpus, hits, window=2)
    assert out.attrs["labels"] == tiny_lexicon.labels
    assert "US-led bloc" in out._repr_html_()     # the label, not only the name


# --------------------------------------------------------------------------- tables


def test_lexicon_summary_shows_frames_and_sizes(tiny_lexicon):
    summary = lexicon_summary(tiny_lexicon)
    table = summary.table.set_index("frame")
    assert table.loc["proxy_war", ["en", "de", "ru", "terms", "excludes"]].tolist() == \
        [2, 1, 2, 5, 1]
    assert repr(summary).startswith("Lexicon 'tiny' v2+")
    page = summary._repr_html_()
    assert page.count("framing-chip") == 3 and "Kiev spelling" in page


def test_show_hits_includes_context_columns_only_when_present(tiny_corpus, tiny_lexicon):
    hits = fr.find_hits(tiny_corpus, tiny_lexicon, context=False)
    assert "voice" not in repr(show_hits(hits))
    view = show_hits(hits.assign(voice="author", target=""), max_rows=2)
    assert view.columns[-2:] == ["voice", "target"]
    assert repr(view).endswith(f"2 of {len(hits)} hits shown")
    assert "author" in view._repr_html_()


def test_frame_colors_cycle_the_palette():
    colours = frame_colors([f"f{i}" for i in range(9)])
    assert colours["f0"] == colours["f8"] == PALETTE[0]


# --------------------------------------------------------------------------- explorer


@pytest.fixture
def explorer(tiny_corpus, tiny_lexicon):
    return explore(tiny_corpus, tiny_lexicon, n_boot=100, mode="static")


def test_explorer_selection_gives_the_chart_data_and_lines(explorer, tiny_corpus,
                                                            tiny_lexicon):
    result = explorer.select(sources=["A"], frames=["bloc", "proxy_war"])
    table = result.table
    assert table["group"].unique().tolist() == ["A"]
    assert table["frame"].tolist() == ["bloc", "proxy_war"]
    docs = tiny_corpus[tiny_corpus["source"] == "A"]
    hits = fr.find_hits(docs, tiny_lexicon)
    expected = fr.compare_groups(fr.score_documents(hits, docs), frames=["bloc", "proxy_war"],
                                 n_boot=100)
    pd.testing.assert_series_equal(table["mean"], expected["mean"])
    assert set(result.lines["doc_id"]) == {"en1"}
    assert set(result.lines["frame"]) == {"bloc", "proxy_war"}
    ax = result.draw()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["US-led bloc", "Proxy war"]
    drawn = ax.lines[0].get_xdata()
    assert list(drawn) == pytest.approx(table["mean"].tolist())


def test_explorer_term_and_dates_narrow_the_selection(explorer):
    result = explorer.select(term="STELLVERTRETER")
    assert result.hits["match"].tolist() == ["Stellvertreterkrieg"]
    result = explorer.select(term="", dates=("2024-01-20", "2024-02-03"))
    assert sorted(result.hits["doc_id"].unique()) == ["de1", "ru1"]   # end day included
    assert result.n_docs == 2 and sorted(result.table["group"].unique()) == ["B"]
    assert explorer.select(dates=None).n_docs == 4


def test_explorer_static_output_has_chart_and_table(explorer):
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" not in bundle
    assert bundle["image/png"] and '<img alt="framing chart"' in bundle["text/html"]
    assert 'class="framing-kwic-table"' in bundle["text/html"]
    assert "4 articles" in repr(explorer)


def test_explorer_empty_selection_is_not_an_error(explorer):
    result = explorer.select(sources=[])
    assert result.n_docs == 0 and result.table.empty and result.lines.empty
    assert result.png.startswith(b"\x89PNG")


def test_explorer_without_ipywidgets_falls_back_to_static(tiny_corpus, tiny_lexicon,
                                                          monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    ex = explore(tiny_corpus, tiny_lexicon, n_boot=50, mode="auto")
    bundle = ex._repr_mimebundle_(include=None)
    assert "image/png" in bundle and "application/vnd.jupyter.widget-view+json" not in bundle
    ex = explore(tiny_corpus, tiny_lexicon, n_boot=50, mode="widgets")
    with pytest.raises(ImportError):
        ex._repr_mimebundle_()


def test_explorer_widgets_update_the_selection(tiny_corpus, tiny_lexicon):
    pytest.importorskip("ipywidgets")
    ex = explore(tiny_corpus, tiny_lexicon, n_boot=50, mode="widgets")
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "image/png" in bundle
    ui = ex._ui
    ui.frames.value = ("naming",)
    ui.sources.value = ("B",)
    assert ex.selection.frames == ("naming",) and ex.selection.sources == ("B",)
    assert set(ex.result.lines["doc_id"]) == {"de1", "ru1"}
    assert [o["output_type"] for o in ui.output.outputs] == ["display_data"] * 2
    assert "image/png" in ui.output.outputs[0]["data"]
    ui.term.value = "Kiew"
    assert ex.result.hits["match"].tolist() == ["Kiew"]
    ex.select(sources=["A", "B"], dates=("2024-01-10", None), term="")   # code drives the UI
    assert ui.sources.value == ("A", "B") and ui.term.value == ""
    assert ui.dates.value == ("2024-01-20", "2024-02-10")
    ui.dates.value = ("2024-01-05", "2024-01-20")
    assert ex.result.n_docs == 2


@pytest.mark.parametrize("selection, message", [
    ({"sources": ["Z"]}, r"The 'sources' parameter of explore must name sources of the "
                         r"corpus; got 'Z'\. Available: A, B\."),
    ({"frames": ["bloc", "nope"]}, r"The 'frames' parameter of explore must name frames of "
                                   r"the lexicon; got 'nope'\. Available: proxy_war, bloc, "
                                   r"naming\."),
    ({"dates": ("2024-03-01", "2024-01-01")}, r"must have start <= end; got 2024-03-01 to "
                                              r"2024-01-01"),
    ({"dates": ("someday", None)}, r"must hold ISO 8601 dates like '2024-03-01'; got 'someday'"),
    ({"dates": "2024-01-01"}, r"must be a \(start, end\) pair"),
])
def test_explorer_bad_selection_says_what_is_available(explorer, selection, message):
    before = explorer.selection
    with pytest.raises(InputError, match=message):
        explorer.select(**selection)
    assert explorer.selection == before


@pytest.mark.parametrize("options, message", [
    ({"chart": "pie"}, r"The 'chart' parameter of explore must be one of profile, shares; "
                       r"got 'pie'"),
    ({"mode": "gui"}, r"must be one of auto, widgets, static; got 'gui'"),
    ({"by": "outlet"}, r"The 'by' parameter of explore must be a column of the corpus; got "
                       r"'outlet'\. Available: doc_id, source"),
    ({"sources": ["Z"]}, r"got 'Z'"),
])
def test_explore_bad_options(tiny_corpus, tiny_lexicon, options, message):
    with pytest.raises(InputError, match=message):
        explore(tiny_corpus, tiny_lexicon, **options)


def test_explore_accepts_a_hits_table(tiny_corpus, tiny_lexicon):
    hits = fr.find_hits(tiny_corpus, tiny_lexicon)
    a = explore(tiny_corpus, hits, n_boot=50, mode="static").result.table
    b = explore(tiny_corpus, tiny_lexicon, n_boot=50, mode="static").result.table
    pd.testing.assert_frame_equal(a, b)


# --------------------------------------------------------------------------- accessor


def test_accessor_equals_the_function_path(tiny_corpus, tiny_lexicon):
    acc = tiny_corpus.framing
    pd.testing.assert_frame_equal(acc.hits(tiny_lexicon), fr.find_hits(tiny_corpus,
                                                                       tiny_lexicon))
    pd.testing.assert_frame_equal(acc.score(tiny_lexicon),
                                  fr.score_documents(fr.find_hits(tiny_corpus, tiny_lexicon),
                                                     tiny_corpus, lexicon=tiny_lexicon))
    pd.testing.assert_frame_equal(acc.kwic("proxy*", window=2),
                                  fr.kwic(tiny_corpus, "proxy*", window=2))
    assert str(acc.highlight("en1", tiny_lexicon)) == str(
        fr.highlight(tiny_corpus, "en1", fr.find_hits(tiny_corpus, tiny_lexicon)))
    table = acc.explore(tiny_lexicon, n_boot=50, mode="static").result.table
    pd.testing.assert_frame_equal(table, explore(tiny_corpus, tiny_lexicon, n_boot=50,
                                                 mode="static").result.table)


def test_accessor_on_a_table_that_is_not_a_corpus():
    with pytest.raises(InputError, match=r"df\.framing is not a corpus table: missing "
                                         r"column\(s\) doc_id, text"):
        pd.DataFrame({"body": ["x"]}).framing.hits()


def test_html_is_escaped(tiny_lexicon):
    text = "<script>alert(1)</script> a proxy war"
    hits = fr.match_text(text, tiny_lexicon, lang="en")
    page = Highlighted(text, hits)._repr_html_()
    assert "<script>" not in page and html.escape("<script>") in page


def test_frame_colors_keep_lexicon_positions_when_the_palette_suffices():
    assert frame_colors(["c"], order=["a", "b", "c"]) == {"c": PALETTE[2]}
    many = [f"f{i}" for i in range(12)]
    assert frame_colors(["f0", "f8"], order=many) == {"f0": PALETTE[0], "f8": PALETTE[1]}


def _dated_corpus(dates):
    return pd.DataFrame({"doc_id": ["a", "b"], "source": ["X", "Y"], "lang": "en",
                         "text": ["A proxy war, they say.", "The invaders left."],
                         "date": dates})


LEX_TINY = ("{name: tiny, frames: {proxy_war: {terms: {en: ['proxy war*']}}, "
            "invasion: {terms: {en: ['invader*']}}}}")


@pytest.mark.parametrize("dates", [
    ["2024-01-05", "2024-03-01"],
    pd.to_datetime(["2024-01-05", "2024-03-01"]),                     # tz-naive
    pd.to_datetime(["2024-01-05", "2024-03-01"]).tz_localize("Europe/Berlin"),
])
def test_explore_normalises_dates_of_a_dataframe_corpus(dates):
    from framing.lexicon import parse_lexicon

    ex = explore(_dated_corpus(dates), parse_lexicon(LEX_TINY), n_boot=20, mode="static",
                 dates=("2024-02-01", None))
    assert str(ex.dates_[0].tz) == "UTC"
    assert ex.result.lines["doc_id"].tolist() == ["b"]


def test_explore_refuses_non_iso_dates():
    from framing.lexicon import parse_lexicon

    lex = parse_lexicon(LEX_TINY)
    with pytest.raises(InputError) as info:
        explore(_dated_corpus(["2024-01-05", "5 Mar"]), lex, n_boot=20, mode="static")
    assert str(info.value).startswith(
        "the corpus 'date' column has 1 value(s) that are not ISO 8601 dates like "
        "'2024-03-01': row 2: '5 Mar'. Read the corpus with framing.read_corpus")
    ex = explore(_dated_corpus(["2024-01-05", "2024-03-01"]), lex, n_boot=20, mode="static")
    with pytest.raises(InputError) as info:
        ex.select(dates=("March", "2024-01-01"))
    assert str(info.value) == ("The 'dates' parameter of explore must hold ISO 8601 dates "
                               "like '2024-03-01'; got 'March'.")
