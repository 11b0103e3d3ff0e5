"""Source of notebooks/05-framing-over-time.ipynb (run: python tools/notebook_05.py)."""

from pathlib import Path

from make_notebook import write_notebook

CELLS = [
    ("md", """
# Framing over time

How does the use of a frame change from month to month, per outlet? This notebook shows
monthly means with bootstrap intervals (no smoothing: each month's value uses only that
month's articles), and a naming marker changing over time: in the bundled sample corpus the
German paper *Lindenblatt* moves from "Kiew" to "Kyjiw" in mid-2024 (the corpus is
fictional; the pattern imitates a change German media discussed after 2022).
"""),
    ("parameters", """
CORPUS = "sample"
LEXICON = "ukraine_war"
BY = "source"
FREQ = "month"             # "week", "month", "quarter" or "year"
FRAMES = ["escalation", "invasion_aggression"]
N_BOOT = 1000
"""),
    ("code", """
import matplotlib.pyplot as plt
import framing as fr

fr.plot.use_style()
corpus = fr.read_corpus(CORPUS)
scores = fr.score_corpus(corpus, LEXICON)
over_time = fr.compare_over_time(scores, by=BY, freq=FREQ, n_boot=N_BOOT)
over_time.groupby("group")["n_docs"].sum().rename("articles with a date").to_frame()
"""),
    ("md", """
## One chart per frame

Lines are monthly means per outlet; bands are 95% bootstrap intervals. Months with few
articles have wide bands: read them as "we cannot tell", not as spikes.
"""),
    ("code", """
fig, axes = plt.subplots(len(FRAMES), 1, figsize=(7.5, 3.6 * len(FRAMES)), layout="constrained")
for ax, frame in zip(list(axes) if len(FRAMES) > 1 else [axes], FRAMES):
    fr.plot.timeline(over_time, frame, ax=ax)
"""),
    ("md", """
## A naming marker over time

The share of articles using the Russian-derived and the Ukrainian-derived spellings, per
month, for one outlet.
"""),
    ("code", """
source = "Lindenblatt" if "Lindenblatt" in set(corpus[BY]) else sorted(corpus[BY].unique())[0]
one = scores[scores[BY] == source]
naming = fr.compare_over_time(one, by=BY, freq=FREQ, n_boot=N_BOOT,
                              frames=["naming_russian_spelling", "naming_ukrainian_spelling"])
naming["group"] = naming["label"]
naming["frame"] = "spelling"
fig, ax = plt.subplots(figsize=(7.5, 3.8), layout="constrained")
fr.plot.timeline(naming, "spelling", ax=ax)
ax.set_title(f"{source}: Russian- vs Ukrainian-derived place names");
"""),
    ("md", """
## Caveats

* Months are calendar months in UTC; an article's date is its publication date as given.
* With a handful of articles a month, most month-to-month changes are within the noise;
  aggregate to quarters (`FREQ = "quarter"`) for small corpora.
"""),
]

if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "notebooks" / "05-framing-over-time.ipynb"
    write_notebook(out, CELLS)
    print(out)
