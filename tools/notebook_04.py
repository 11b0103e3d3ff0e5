"""Source of notebooks/04-build-and-validate-a-lexicon.ipynb (python tools/notebook_04.py)."""

from pathlib import Path

from make_notebook import write_notebook

CELLS = [
    ("md", """
# Build and validate a lexicon

A lexicon is a measurement instrument: before its counts go into a paper, a researcher
must know what each pattern really matches and how often a hit really carries the frame.
This notebook walks through the tools `framing` offers for that, on the bundled sample
corpus (fictional) and the shipped lexicon, with a small lexicon of our own alongside:

1. **check** the file: loading errors, duplicates, shadowed patterns, unsafe globs, scripts;
2. **expand** the globs and phrases: which surface forms did they match?
3. **suggest** new terms from the corpus;
4. **validate**: draw a stratified coding sheet, code it, and measure precision with
   Wilson intervals (and Cohen's kappa with two coders).
"""),
    ("parameters", """
CORPUS = "sample"
LEXICON = "ukraine_war"
FRAME = "kiev_regime"      # the frame to extend and validate
SEED = 0
"""),
    ("code", """
import framing as fr
from framing.lexicon_tools import (check_lexicon, expand_lexicon, score_validation,
                                   suggest_terms, validation_sample)

fr.plot.use_style()
corpus = fr.read_corpus(CORPUS)
lexicon = fr.read_lexicon(LEXICON)
lexicon
"""),
    ("md", """
## 1. Check

`check_lexicon` reports everything loading would reject (as errors) and lints the rest.
A lexicon of our own, written inline, shows what the lint catches: a duplicate, a glob
too short to be safe, a pattern shadowed by a glob, a Cyrillic word filed under English.
"""),
    ("code", """
mine = fr.parse_lexicon('''
name: my-first-lexicon
frames:
  regime:
    label: Delegitimised government
    terms:
      en: ["Kiev regime", "Kiev regime", "reg*", "junta", "junta government", "режим"]
      de: ["Kiewer Regime*"]
''', path="my-first-lexicon.yaml")
check_lexicon(mine)[["level", "origin", "pattern", "message"]]
"""),
    ("code", """
shipped = check_lexicon(lexicon)
shipped["level"].value_counts()
"""),
    ("md", """
## 2. Expand: what did each glob and phrase match?

A glob like `liberat*` is a bet that every word starting with those letters belongs to
the frame. `expand_lexicon` shows the bet's outcome: every surface form, with counts.
"""),
    ("code", """
forms = expand_lexicon(corpus, lexicon)
forms[forms["kind"].str.contains("glob")].head(15)
"""),
    ("md", """
## 3. Suggest candidate terms

Candidates come from three kinds of evidence: words concentrated around the frame's
current hits, collocations among them (NLTK association measures, no downloaded data),
and words that distinguish one group of sources from the others. They are suggestions to
read in context, never terms to add blindly.
"""),
    ("code", """
suggestions = suggest_terms(corpus, lexicon, FRAME, lang="en", min_count=2, n=10)
suggestions.head(20)
"""),
    ("md", """
## 4. Validate: a stratified coding sheet and precision with Wilson intervals

`validation_sample` draws up to `per_cell` hits from every frame × source cell (seeded),
with keyword in context. A coder writes `1` when the hit carries the frame and `0` when it
does not. Here we pretend to code the sheet so the notebook runs end to end — in a real
study two people code it blind, and `score_validation` adds Cohen's kappa.
"""),
    ("code", """
hits = fr.find_hits(corpus, lexicon)
sheet = validation_sample(hits, corpus, per_cell=3, seed=SEED, frames=[FRAME, "proxy_war"])
sheet[["frame", "source", "left", "match", "right"]].head(6)
"""),
    ("code", """
coded = sheet.copy()
# Illustration only: mark every hit correct except those in quotations.
coded["correct"] = [0 if '"' in left[-2:] or "\\u201c" in left[-2:] else 1
                    for left in coded["left"]]
precision = score_validation(coded)
precision
"""),
    ("code", """
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(7, 2.5), layout="constrained")
fr.plot.precision_chart(precision, labels=lexicon.labels, ax=ax);
"""),
    ("md", """
## What the shipped lexicon's validation found

The codebook (`data/lexicons/README.md`) reports precision per frame measured on real
English news (RT vs Western outlets, 2022), coded blind: 12 of 14 frames reach 0.9; the
atrocities frame (0.79) and the Russian-derived spellings (0.88) fall short, for reasons
the codebook explains. German and Russian precision has not been measured yet.
"""),
]

if __name__ == "__main__":
    out = (Path(__file__).resolve().parent.parent / "notebooks"
           / "04-build-and-validate-a-lexicon.ipynb")
    write_notebook(out, CELLS)
    print(out)
