"""Source of notebooks/03-loaded-words-in-context.ipynb (run: python tools/notebook_03.py)."""

from pathlib import Path

from make_notebook import write_notebook

CELLS = [
    ("md", """
# Loaded words in context

A frame count is only as good as the matches behind it. Before trusting a chart, read the
hits: is "regime" about Kyiv's government or a training regime? Is "invaders" the outlet's
own word, or a quotation it reports? This notebook shows the tools for reading: **keyword in
context** (KWIC) lines for a frame or any pattern, **highlighted articles** with every hit
marked, and an **explorer** that ties a comparison chart to the lines behind it.

It runs on the bundled sample corpus: short articles from five *fictional* outlets, written
for this project to illustrate the method (they are not real reporting). Change the
parameters below to read your own corpus.
"""),
    ("parameters", """
CORPUS = "sample"          # "sample" or a path to your corpus
LEXICON = "ukraine_war"    # a shipped lexicon name or a path to a lexicon file
FRAME = "kiev_regime"      # a frame to read in context
PATTERN = "Kiev*"          # any pattern in the lexicon syntax (not only lexicon entries)
TERM = "regime"            # narrows the explorer to hits whose pattern or match contains it
WINDOW = 6                 # words of context on each side
FRAMES = ["proxy_war", "us_led_bloc", "kiev_regime", "invasion_aggression", "liberation"]
"""),
    ("code", """
import matplotlib.pyplot as plt
import framing as fr
import framing.accessor  # registers the corpus.framing accessor
from framing.display import lexicon_summary, show_hits
from framing.explore import explore
"""),
    ("md", """
## 1. The corpus, the lexicon and its hits

`lexicon_summary` lists the frames with their labels, how many patterns each has per
language, and how many `exclude` patterns veto false positives. Frames are coloured with the
colour-blind-safe palette of `framing.plot`; it has eight colours, so with a larger lexicon
the colours are handed out afresh in each table or article, and the label (or hover text)
names the frame.
"""),
    ("code", """
corpus = fr.read_corpus(CORPUS)
lexicon = fr.read_lexicon(LEXICON)
lexicon_summary(lexicon)
"""),
    ("code", """
hits = fr.find_hits(corpus, lexicon)
show_hits(hits, max_rows=8)
"""),
    ("md", """
## 2. A frame in context

`kwic` gives one line per hit: the left context right-aligned, the match in the middle, the
right context left-aligned, so the eye runs down the matches. It is an ordinary DataFrame:
filter it, sort it, save it.
"""),
    ("code", """
lines = fr.kwic(corpus, FRAME, lexicon=lexicon, hits=hits, window=WINDOW)
lines.head(12)
"""),
    ("code", """
lines["match"].str.lower().value_counts().head(8).rename("hits").to_frame()
"""),
    ("md", """
## 3. Any pattern in context

A pattern in the lexicon syntax (`*` ends a prefix glob, a phrase matches across a space or
a hyphen) need not be in the lexicon: this is how to check what a candidate term would
really match before adding it. The `corpus.framing` accessor is a shortcut for the same
call. In a terminal, the same table prints as aligned text.
"""),
    ("code", """
corpus.framing.kwic(PATTERN, lexicon=lexicon, window=WINDOW).head(10)
"""),
    ("code", """
short = fr.kwic(corpus, PATTERN, lexicon=lexicon, window=4)
print(short.head(5)[["doc_id", "left", "match", "right"]])
"""),
    ("md", """
## 4. Highlighted articles

`highlight` marks every hit of an article, coloured by frame; hover over a mark to see the
frame, the lexicon pattern and, when the hits carry them (from `framing.context`), the voice
(the outlet's own words, a quotation or scare quotes), negation and the actor it targets.
Here, the article with the most distinct frames:
"""),
    ("code", """
doc = hits.groupby("doc_id")["frame"].nunique().sort_values(kind="stable").index[-1]
fr.highlight(corpus, doc, hits)
"""),
    ("md", """
## 5. Explore: the chart and the lines behind it

`explore` ties the comparison to its evidence: pick sources, frames, a date range and a term,
and the chart (`framing.plot.frame_profile` on `framing.compare_groups` of the selection)
and the KWIC lines below it follow. In JupyterLab with ipywidgets you get the controls;
an executed or exported notebook keeps a static image and table of the same selection.
"""),
    ("code", """
explorer = explore(corpus, hits, frames=FRAMES, n_boot=300)
explorer
"""),
    ("md", """
`explorer.select(...)` changes the selection from code (the controls above follow) and
returns its numbers: `table` is the comparison behind the chart, `lines` the KWIC lines,
`hits` the selected hits. With `mode="static"` the explorer never builds widgets, which is
what a report needs:
"""),
    ("code", """
regime = explore(corpus, hits, frames=FRAMES, term=TERM, n_boot=300, mode="static")
regime
"""),
    ("code", """
with fr.plot.style():
    fig, ax = plt.subplots(figsize=(7.5, 4), layout="constrained")
    fr.plot.frame_shares(regime.result.table, frames=FRAMES, ax=ax)
    ax.set_title(f"Articles with a hit containing '{TERM}', by source");
"""),
    ("md", """
## Where to go next

* `make lab` opens JupyterLab on `notebooks/`; `docs/jupyter.md` lists every display and
  the explorer's options.
* Read a sample of the lines of every frame before you publish a number, and add the false
  positives you find to the frame's `exclude` patterns.
"""),
]

if __name__ == "__main__":
    out = (Path(__file__).resolve().parent.parent / "notebooks"
           / "03-loaded-words-in-context.ipynb")
    write_notebook(out, CELLS)
    print(out)
