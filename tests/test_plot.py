"""Charts draw what the tables say; figures regenerate byte-identically."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from framing import plot
from framing.compare import compare_groups, compare_over_time
from framing.detect import find_hits
from framing.errors import InputError
from framing.figures import FIGURES, make_figures
from framing.score import score_documents


@pytest.fixture
def table(tiny_corpus, tiny_lexicon):
    scores = score_documents(find_hits(tiny_corpus, tiny_lexicon), tiny_corpus)
    return compare_groups(scores, n_boot=200)


def test_frame_profile_draws_means_and_labels(table):
    fig, ax = plt.subplots()
    out = plot.frame_profile(table, ax=ax)
    assert out is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Proxy war", "US-led bloc",
                                                           "Kiev spelling"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["A (n=2)", "B (n=2)"]
    for line, group in zip(ax.lines, ["A", "B"]):
        expected = table[table.group == group]["mean"].to_numpy()
        np.testing.assert_allclose(line.get_xdata(), expected)
    assert "95% bootstrap CI over articles" in ax.get_xlabel()
    assert "hits per 1,000 words" in ax.get_xlabel()


def test_frame_heatmap_annotates_values(table):
    ax = plot.frame_heatmap(table, ax=plt.figure().subplots())
    texts = [t.get_text() for t in ax.texts]
    pivot = table.pivot(index="group", columns="frame", values="mean")[
        ["proxy_war", "bloc", "naming"]]
    assert texts == [f"{v:.1f}" for v in pivot.to_numpy().ravel()]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]


def test_frame_shares_bar_widths_equal_shares(table):
    ax = plot.frame_shares(table, ax=plt.figure().subplots())
    widths = [p.get_width() for p in ax.patches]
    expected = np.concatenate([table[table.group == g]["share_docs"].to_numpy()
                               for g in ("A", "B")])
    np.testing.assert_allclose(widths, expected)
    assert ax.get_xlim() == (0.0, 1.0)


def test_timeline_plots_each_group(tiny_corpus, tiny_lexicon):
    scores = score_documents(find_hits(tiny_corpus, tiny_lexicon), tiny_corpus)
    t = compare_over_time(scores, n_boot=50)
    ax = plot.timeline(t, "bloc", ax=plt.figure().subplots())
    assert [line.get_label() for line in ax.lines] == ["A", "B"]
    assert ax.get_title() == "US-led bloc"
    assert "unsmoothed" in ax.get_xlabel()


def test_empty_table_returns_empty_axes(table):
    ax = plt.figure().subplots()
    assert plot.frame_profile(table.iloc[0:0], ax=ax) is ax
    assert not ax.lines


def test_frame_charts_take_one_frame_by_name_and_refuse_unknown_ones(table):
    ax = plot.frame_profile(table, frames="bloc", ax=plt.figure().subplots())
    assert [t.get_text() for t in ax.get_yticklabels()] == ["US-led bloc"]
    for chart in (plot.frame_profile, plot.frame_shares, plot.frame_heatmap):
        with pytest.raises(InputError, match=r"unknown frames nope; frames in the table: "
                           r"proxy_war, bloc, naming\."):
            chart(table, frames=["nope"], ax=plt.figure().subplots())
        with pytest.raises(InputError, match=r"frames is empty; name at least one of: "
                           r"proxy_war, bloc, naming\."):
            chart(table, frames=[], ax=plt.figure().subplots())
        with pytest.raises(InputError, match=r"unknown groups C; groups in the table: A, B\."):
            chart(table, groups=["A", "C"], ax=plt.figure().subplots())


def test_charts_name_the_table_they_need(tiny_corpus, tiny_lexicon, table):
    scores = score_documents(find_hits(tiny_corpus, tiny_lexicon), tiny_corpus)
    with pytest.raises(InputError, match=r"table is not a compare_groups table: missing "
                       r"column\(s\) group, mean, ci_low, ci_high, n_docs"):
        plot.frame_profile(scores, ax=plt.figure().subplots())
    with pytest.raises(InputError, match=r"table is not a compare_over_time table: missing "
                       r"column\(s\) period"):
        plot.timeline(table, "bloc", ax=plt.figure().subplots())
    over_time = compare_over_time(scores, n_boot=50)
    with pytest.raises(InputError, match=r"unknown frames nope; frames in the table: "
                       r"proxy_war, bloc, naming\."):
        plot.timeline(over_time, "nope", ax=plt.figure().subplots())
    from framing.compare import pairwise_differences

    with pytest.raises(InputError, match=r"unknown frames nope"):
        plot.pairwise_chart(pairwise_differences(scores, n_boot=50), "nope",
                            ax=plt.figure().subplots())
    plt.close("all")


def _many_groups_table(n_groups: int = 10):
    rows = [{"doc_id": f"{g}{i}", "frame": "f", "source": f"S{g:02d}", "count": i % 2,
             "rate": float(i % 2 * (g + 1))} for g in range(n_groups) for i in range(4)]
    return compare_groups(pd.DataFrame(rows), n_boot=50)


def test_past_eight_groups_charts_tell_groups_apart_by_marker_hatch_and_line():
    table = _many_groups_table(10)
    ax = plot.frame_profile(table, ax=plt.figure().subplots())
    markers = [line.get_marker() for line in ax.lines if line.get_marker() != "None"]
    assert markers == ["o"] * 8 + ["s"] * 2
    colours = [line.get_color() for line in ax.lines if line.get_marker() != "None"]
    assert colours[8] == colours[0] == plot.PALETTE[0]          # same colour, other marker
    legend = ax.get_legend()
    assert legend._loc == 2 and legend.get_bbox_to_anchor() is not None   # beside the axes
    ax = plot.frame_shares(table, ax=plt.figure().subplots())
    assert [bar.get_hatch() for bar in ax.patches] == [None] * 8 + ["////"] * 2
    plt.close("all")


def test_make_figures_readme_lists_files_of_earlier_runs_and_refuses_edited_files(tmp_path):
    make_figures(out=tmp_path, names=["frame_profile", "frame_heatmap"], n_boot=50,
                 progress=False)
    make_figures(out=tmp_path, names=["frame_profile"], n_boot=50, progress=False)
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "| `frame_heatmap` |" not in readme
    assert ("Also in this folder, made by an earlier run of `framing figures` (with the "
            "settings of that run, which may differ from the above): "
            "[frame_heatmap.png](frame_heatmap.png), [frame_heatmap.svg](frame_heatmap.svg)."
            ) in readme
    (tmp_path / "frame_profile.svg").write_text("<svg>edited by hand</svg>")
    with pytest.raises(InputError, match=r"file\(s\) changed since it made them: "
                       r"frame_profile\.svg\. Nothing was written"):
        make_figures(out=tmp_path, names=["frame_profile"], n_boot=50, progress=False)
    assert (tmp_path / "frame_profile.svg").read_text() == "<svg>edited by hand</svg>"


def test_top_terms_figure_says_which_groups_it_shows_and_keeps_their_colours():
    from framing import figures
    from framing.corpus import read_corpus
    from framing.lexicon import read_lexicon

    corpus = read_corpus("sample")
    long_name = "A very long outlet name that would run into the next panel"
    extra = pd.concat([corpus.head(3).assign(doc_id=["x1", "x2", "x3"], source=long_name),
                       corpus.head(1).assign(doc_id=["y1"], source="Tiny")])
    ctx = figures.FigureContext(corpus=pd.concat([corpus, extra], ignore_index=True),
                                lexicon=read_lexicon("ukraine_war"), n_boot=50)
    fig = figures._top_terms(ctx, figures._fig((11.0, 6.0)))
    assert fig._suptitle.get_text().endswith("(the 6 largest of 7 sources)")
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert "Tiny (n=1)" not in titles
    assert "A very long outlet\nname that would run\ninto the next panel\n(n=3)" in titles
    groups = sorted(ctx.corpus["source"].unique())             # the comparison charts' order
    bars = {ax.get_title(): ax.patches[0].get_facecolor() for ax in fig.axes
            if ax.get_visible() and ax.patches}
    import matplotlib.colors as mcolors

    for title, colour in bars.items():
        group = next(g for g in groups if title.replace("\n", " ").startswith(g))
        assert mcolors.to_hex(colour) == plot.PALETTE[groups.index(group) % 8].lower()


def test_make_figures_is_byte_identical_and_lists_files(tmp_path):
    a = make_figures(out=tmp_path / "a", progress=False, n_boot=200)
    b = make_figures(out=tmp_path / "b", progress=False, n_boot=200)
    assert [p.name for p in a] == [p.name for p in b]
    assert len(a) == 2 * len(FIGURES) + 1
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes(), pa.name
    readme = (tmp_path / "a" / "README.md").read_text(encoding="utf-8")
    for name in FIGURES:
        assert f"`{name}`" in readme and f"({name}.png)" in readme
    svg = (tmp_path / "a" / "frame_profile.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg


def test_make_figures_never_replaces_foreign_files(tmp_path):
    (tmp_path / "frame_profile.png").write_bytes(b"mine")
    with pytest.raises(InputError, match="did not make: frame_profile.png. Nothing was "
                                         "written"):
        make_figures(out=tmp_path, names=["frame_profile"], progress=False, n_boot=50)
    assert (tmp_path / "frame_profile.png").read_bytes() == b"mine"
    make_figures(out=tmp_path, names=["frame_profile"], progress=False, n_boot=50, force=True)
    assert (tmp_path / "frame_profile.png").read_bytes() != b"mine"
    make_figures(out=tmp_path, names=["frame_profile"], progress=False, n_boot=50)


def _own_lexicon_corpus():
    from framing.lexicon import parse_lexicon

    lexicon = parse_lexicon("{name: own, frames: {proxy_war: {label: Proxy war, "
                            "terms: {en: ['proxy war*']}}}}")
    corpus = pd.DataFrame({"doc_id": list("abcd"), "source": list("XXYY"), "lang": "en",
                           "text": ["A proxy war.", "Talks went on.",
                                    "A proxy war, twice: proxy war.", "Talks."]})
    return lexicon, corpus


def test_make_figures_skips_what_a_lexicon_or_corpus_cannot_show(tmp_path):
    lexicon, corpus = _own_lexicon_corpus()
    with pytest.warns(UserWarning) as caught:
        written = make_figures(corpus=corpus, lexicon=lexicon, out=tmp_path, n_boot=50,
                               progress=False)
    assert sorted(str(w.message) for w in caught) == [
        "figure naming_markers skipped: the lexicon has no frames of dimension `naming`",
        "figure timeline_escalation skipped: the lexicon has no frame `escalation`"]
    names = {p.name for p in written}
    assert "naming_markers.png" not in names and "frame_profile.svg" in names
    assert len(names) == 2 * (len(FIGURES) - 2) + 1
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert ("Not drawn for this corpus and lexicon:\n\n- `naming_markers`: the lexicon has no "
            "frames of dimension `naming`.\n- `timeline_escalation`: the lexicon has no frame "
            "`escalation`.") in readme


def test_make_figures_refuses_a_figure_asked_for_that_cannot_be_drawn(tmp_path):
    lexicon, corpus = _own_lexicon_corpus()
    with pytest.raises(InputError, match=r"cannot draw naming_markers: the lexicon has no "
                       r"frames of dimension `naming`\. Nothing was written\."):
        make_figures(corpus=corpus, lexicon=lexicon, out=tmp_path / "out",
                     names=["frame_profile", "naming_markers"], progress=False)
    from framing.corpus import read_corpus

    sample = read_corpus("sample").drop(columns="date")
    with pytest.raises(InputError, match=r"timeline_escalation: the corpus has no dates"):
        make_figures(corpus=sample, out=tmp_path / "out", names=["timeline_escalation"],
                     progress=False)
    assert not (tmp_path / "out").exists()


def test_make_figures_refuses_an_empty_selection_and_an_unknown_target(tmp_path):
    with pytest.raises(InputError, match=r"^no articles in the corpus since 2022-06-01, until "
                       r"2022-09-30 \(its articles are dated 2024-\d\d-\d\d to "
                       r"2024-\d\d-\d\d\)\. Nothing was written\.$"):
        make_figures(out=tmp_path / "out", since="2022-06-01", until="2022-09-30",
                     progress=False)
    with pytest.raises(InputError, match=r"^target 'Nope' is not a value of 'source' in the "
                       r"corpus; values: Eastern Courier, Harbour Times, .*Nothing was written"):
        make_figures(out=tmp_path / "out", target="Nope", progress=False)
    assert not (tmp_path / "out").exists()


def test_a_figure_that_fails_leaves_the_folder_as_it_was(tmp_path, monkeypatch):
    from framing import figures

    lexicon, corpus = _own_lexicon_corpus()
    make_figures(corpus=corpus, lexicon=lexicon, out=tmp_path, names=["frame_profile"],
                 n_boot=50, progress=False)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(ctx, fig):
        raise RuntimeError("drawing failed")

    monkeypatch.setitem(figures.FIGURES, "top_terms",
                        figures.FigureSpec(broken, "broken", (4, 3)))
    with pytest.raises(RuntimeError, match="drawing failed"):
        make_figures(corpus=corpus, lexicon=lexicon, out=tmp_path, n_boot=60,
                     names=["frame_profile", "top_terms"], progress=False)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_unknown_figure_name(tmp_path):
    with pytest.raises(InputError, match="unknown figure 'nope'; figures: frame_profile"):
        make_figures(out=tmp_path, names=["nope"], progress=False)


def test_committed_figures_are_current(tmp_path):
    """figures/ in the repo matches a fresh run (when matplotlib is the recorded version)."""
    import json

    import matplotlib

    from tests.conftest import REPO

    manifest = json.loads((REPO / "figures" / ".framing-manifest.json").read_text())
    if manifest.get("matplotlib") != matplotlib.__version__:
        pytest.skip(f"figures were made with matplotlib {manifest.get('matplotlib')}")
    written = make_figures(out=tmp_path, progress=False)
    for p in written:
        assert p.read_bytes() == (REPO / "figures" / p.name).read_bytes(), p.name


def test_keyness_chart_bars_equal_z():
    from framing.keyness import keyness

    corpus = pd.DataFrame({"doc_id": list("abcd"), "source": list("XXYY"), "lang": "en",
                           "text": ["regime regime bloc war", "regime war bloc",
                                    "invasion war", "invasion invasion war"]})
    table = keyness(corpus, target="X", min_count=1)
    ax = plot.keyness_chart(table, n=2, ax=plt.figure().subplots())
    shown = ["regime", "bloc", "war", "invasion"]   # top 2 positive, then 2 negative
    assert [t.get_text() for t in ax.get_yticklabels()] == shown
    np.testing.assert_allclose([p.get_width() for p in ax.patches],
                               table.set_index("term").loc[shown, "z"])
    assert "informative Dirichlet" in ax.get_xlabel() and "1000" in ax.get_xlabel()


def test_top_terms_and_pairwise_chart(tiny_corpus, tiny_lexicon):
    from framing.compare import pairwise_differences, top_entries

    hits = find_hits(tiny_corpus, tiny_lexicon)
    top = top_entries(hits, tiny_corpus, n=2)
    ax = plot.top_terms(top, "B", labels=tiny_lexicon.labels, ax=plt.figure().subplots())
    part = top[top.group == "B"]
    np.testing.assert_allclose([p.get_width() for p in ax.patches], part["per_100_docs"])
    assert ax.get_title() == "B (n=2)"
    assert ax.get_yticklabels()[0].get_text().split("\n")[1] in tiny_lexicon.labels.values()
    scores = score_documents(hits, tiny_corpus)
    diffs = pairwise_differences(scores, n_boot=100)
    ax = plot.pairwise_chart(diffs, "bloc", ax=plt.figure().subplots())
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A \u2212 B"]
    assert "Holm" in ax.get_xlabel()


def test_precision_chart_draws_frame_rows():
    table = pd.DataFrame({"scope": ["term", "frame", "frame", "all"],
                          "frame": ["a", "a", "b", ""], "n": [3, 3, 4, 7],
                          "precision": [1.0, 1.0, 0.5, 0.7], "ci_low": [0.4, 0.4, 0.15, 0.4],
                          "ci_high": [1.0, 1.0, 0.85, 0.9]})
    ax = plot.precision_chart(table, labels={"a": "Frame A"}, ax=plt.figure().subplots())
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Frame A (n=3)", "b (n=4)"]
    np.testing.assert_allclose(ax.lines[0].get_xdata(), [1.0, 0.5])


def test_voice_chart_stacks_shares_weighted_by_hits():
    table = pd.DataFrame({"group": ["A", "A", "B"], "frame": ["f", "g", "f"],
                          "n_hits": [3, 1, 2], "share_author": [1.0, 0.0, 0.5],
                          "share_quote": [0.0, 1.0, 0.5], "share_scare_quote": [0.0, 0.0, 0.0]})
    ax = plot.voice_chart(table, ax=plt.figure().subplots())
    widths = [p.get_width() for p in ax.patches]
    # A pools 4 hits: 3 own voice, 1 quote; B: 1 and 1
    np.testing.assert_allclose(widths, [0.75, 0.5, 0.25, 0.5, 0.0, 0.0])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A (4 hits)", "B (2 hits)"]
    only_g = plot.voice_chart(table, frames=["g"], ax=plt.figure().subplots())
    assert [t.get_text() for t in only_g.get_yticklabels()] == ["A (1 hit)"]
