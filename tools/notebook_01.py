"""Source of notebooks/01-quickstart.ipynb (run: python tools/notebook_01.py)."""

from pathlib import Path

from make_notebook import write_notebook

CELLS = [
    ("md", """
# Quickstart: from a file of articles to a comparison of framing

This notebook walks through the whole `framing` pipeline on the bundled **sample corpus**:
140 short articles from five *fictional* outlets, in English and German, written for this
project to illustrate the method (they are not real reporting). Every step is one function
call, and every chart is a `framing.plot` function, so what you see here is exactly what
`framing figures` writes to `figures/`.

To run it on your own articles, change the parameters in the next cell (or pass them with
papermill): a CSV, TSV, JSONL or Parquet file, or a folder of `.txt` files, and the names
of your columns.
"""),
    ("parameters", """
CORPUS = "sample"          # "sample" or a path to your corpus
LEXICON = "ukraine_war"    # a shipped lexicon name or a path to a lexicon file
TEXT = "text"              # column with the article text
SOURCE = "source"          # column naming the outlet
DATE = "date"              # column with the publication date
BY = "source"              # what to compare
"""),
    ("code", """
import matplotlib.pyplot as plt
import framing as fr

fr.plot.use_style()   # the house style for every chart below
"""),
    ("md", """
## 1. Load the corpus

`read_corpus` checks every row (unique ids, non-empty text, readable dates) and guesses the
language of each article when there is no `lang` column.
"""),
    ("code", """
corpus = fr.read_corpus(CORPUS, text=TEXT, source=SOURCE, date=DATE)
print(len(corpus), "articles")
corpus.groupby(["source", "lang"]).size().rename("articles").to_frame()
"""),
    ("md", """
## 2. The lexicon

A lexicon is a readable YAML file: frames, each with a label, a definition and patterns per
language. `*` at the end of a word is a prefix glob (`Stellvertreterkrieg*`), and a phrase
matches across a space or a hyphen (`US-led bloc`). Its `version_id` (declared version plus
a content hash) is written into every table below.
"""),
    ("code", """
lexicon = fr.read_lexicon(LEXICON)
print(lexicon)
lexicon.to_frame().groupby(["frame", "lang"]).size().unstack(fill_value=0)
"""),
    ("md", """
## 3. Find the loaded words

One row per match, with character offsets into the original text
(`text[start:end] == match`) and the sentence it is in.
"""),
    ("code", """
hits = fr.find_hits(corpus, lexicon)
hits[["doc_id", "frame", "entry", "match", "start", "end", "sentence"]].head(10)
"""),
    ("md", """
## 4. Score each article

One row per article and frame, **including the zeros**: an article without a hit still
counts in its outlet's average. The rate is hits per 1,000 words.
"""),
    ("code", """
scores = fr.score_documents(hits, corpus)
scores[scores["count"] > 0].head()
"""),
    ("md", """
## 5. Compare sources, with honest uncertainty

`compare_groups` averages the rate over each group's articles and gives a 95% percentile
bootstrap interval, resampling articles (seeded: the same numbers every run).
`share_docs` is the share of articles that use the frame at least once.
"""),
    ("code", """
table = fr.compare_groups(scores, by=BY)
table.pivot(index="label", columns="group", values="mean").round(2)
"""),
    ("code", """
frames = [name for name, f in lexicon.frames.items() if f.dimension == "frame"]
fig, ax = plt.subplots(figsize=(7.5, 6.5), layout="constrained")
fr.plot.frame_profile(table, frames=frames, ax=ax)
ax.set_title("How often each frame appears, by source");
"""),
    ("code", """
fig, ax = plt.subplots(figsize=(8.5, 4.5), layout="constrained")
fr.plot.frame_heatmap(table, ax=ax);
"""),
    ("md", """
## 6. Read every hit in context

Numbers are only as good as the matches behind them. Keyword-in-context lines show each
hit with the words around it; `highlight` shows a whole article with its hits marked
(hover over a mark to see its frame).
"""),
    ("code", """
fr.kwic(corpus, "kiev_regime", lexicon=lexicon, hits=hits, window=6).head(10)
"""),
    ("code", """
doc = hits["doc_id"].value_counts().index[0]
fr.highlight(corpus, doc, hits)
"""),
    ("md", """
## Where to go next

* `framing figures --corpus your.csv --text body --source outlet` writes every figure of
  this notebook for your own corpus.
* The lexicon is a starting point to argue with: read `data/lexicons/README.md`, check
  what each glob really matches, and validate precision on your data before you publish.
"""),
]

if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "notebooks" / "01-quickstart.ipynb"
    write_notebook(out, CELLS)
    print(out)
