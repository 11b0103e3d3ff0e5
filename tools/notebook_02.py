"""Source of notebooks/02-frames-across-sources.ipynb (run: python tools/notebook_02.py)."""

from pathlib import Path

from make_notebook import write_notebook

CELLS = [
    ("md", """
# Frames across sources: who says "Kiev regime", and how sure are we?

This notebook compares how outlets frame the war, with intervals and multiplicity-corrected
tests. It uses the real development corpus **RT vs Western outlets, 2022** when the
project's `../shared` folder is present (English full texts; not redistributed with
`framing`), and falls back to the bundled, fictional sample corpus otherwise, so it always
runs. Set `CORPUS` to your own file to run it on your data.

The outlets in the real corpus cover different months, so we compare **like with like**:
RT against AP, NBC News and the Daily Express over June–September 2022, the months all four
cover.
"""),
    ("parameters", """
CORPUS = None              # None: ../shared's RT-vs-Western corpus if present, else "sample"
LEXICON = "ukraine_war"
BY = "source"
SINCE, UNTIL = "2022-06-01", "2022-09-30"
SOURCES = ["RT (rt.com)", "Associated Press", "NBC News", "Daily Express"]
TARGET = "RT (rt.com)"     # the group the keyness table sets apart
N_BOOT = 2000
"""),
    ("code", """
from pathlib import Path

import matplotlib.pyplot as plt
import framing as fr
from framing.compare import pairwise_differences
from framing.keyness import keyness

fr.plot.use_style()
shared = Path("..").resolve().parent / "shared" / "corpora" / "rt_vs_western_2022" / "articles.jsonl"
if CORPUS is None and shared.exists():
    corpus = fr.read_corpus(shared, doc_id="id", empty="drop")
    corpus = fr.corpus.select_corpus(corpus, by=BY, groups=SOURCES, since=SINCE, until=UNTIL)
else:
    corpus = fr.read_corpus(CORPUS or "sample")
    TARGET = TARGET if TARGET in set(corpus[BY]) else None
print(len(corpus), "articles")
corpus.groupby(BY).agg(articles=("doc_id", "size"), first=("date", "min"), last=("date", "max"))
"""),
    ("md", """
## Scores and the comparison table

`compare_groups` gives, per source and frame, the mean rate (hits per 1,000 words) with a
95% bootstrap interval over articles, and the share of articles that use the frame at all.
"""),
    ("code", """
lexicon = fr.read_lexicon(LEXICON)
hits = fr.find_hits(corpus, lexicon)
scores = fr.score_documents(hits, corpus)
table = fr.compare_groups(scores, by=BY, n_boot=N_BOOT)
frames = [n for n, f in lexicon.frames.items() if f.dimension == "frame"]
fig, ax = plt.subplots(figsize=(7.5, 7), layout="constrained")
fr.plot.frame_profile(table, frames=frames, ax=ax);
"""),
    ("code", """
fig, ax = plt.subplots(figsize=(7.5, 6.5), layout="constrained")
fr.plot.frame_shares(table, frames=frames, ax=ax);
"""),
    ("md", """
## Are the differences real? Pairwise tests with a multiplicity correction

Every pair of sources, every frame: the difference of means with a bootstrap interval and a
bootstrap p-value, adjusted with Holm's method over all the tests in the table. Filled
points in the chart are significant after the correction.
"""),
    ("code", """
diffs = pairwise_differences(scores, by=BY, n_boot=N_BOOT, correction="holm")
cols = ["group_a", "group_b", "label", "mean_a", "mean_b", "diff", "ci_low", "ci_high",
        "p_adjusted", "significant"]
diffs[diffs["frame"].isin(["kiev_regime", "us_led_bloc", "proxy_war"])][cols].round(3)
"""),
    ("code", """
fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), layout="constrained")
fr.plot.pairwise_chart(diffs, "kiev_regime", ax=axes[0])
fr.plot.pairwise_chart(diffs, "us_led_bloc", ax=axes[1]);
"""),
    ("md", """
## Which words carry the difference?

Keyness with the log-odds ratio and an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008): positive z means more typical of the target source than of the others. Here we
count lexicon entries, so each row is a loaded term.
"""),
    ("code", """
target = TARGET or sorted(corpus[BY].unique())[0]
entries = keyness(corpus, by=BY, target=target, unit="entry", hits=hits, min_count=3)
entries.head(12)[["term", "frame", "count_a", "count_b", "log_odds", "z"]].round(2)
"""),
    ("code", """
same_lang = corpus[corpus["lang"] == corpus.loc[corpus[BY] == target, "lang"].mode()[0]]
words = keyness(same_lang, by=BY, target=target, min_count=5)
fig, ax = plt.subplots(figsize=(7, 6.5), layout="constrained")
fr.plot.keyness_chart(words, n=12, ax=ax);
"""),
    ("md", """
## Reading the result

* Intervals that do not overlap, and Holm-adjusted p-values below 0.05, mark differences
  that are unlikely to come from the particular articles sampled.
* A rate difference is not yet a framing difference: check the hits in context
  (`fr.kwic(corpus, "kiev_regime", hits=hits)`) — an outlet may quote a term to reject it.
* The development corpus is a partial scrape; see its PROVENANCE file for the caveats.
"""),
    ("code", """
fr.kwic(corpus, "kiev_regime", lexicon=lexicon, hits=hits, window=6).head(8)
"""),
]

if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "notebooks" / "02-frames-across-sources.ipynb"
    write_notebook(out, CELLS)
    print(out)
