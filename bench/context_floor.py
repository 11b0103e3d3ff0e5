"""What the context fields cost, and the least any Python reading of them would cost.

The goal of issue 6 is 15 MB/s per core with the context fields on. This script measures,
on the 10 MB benchmark corpus with the 1,000-entry lexicon (``make_corpus.py`` first):

* ``find_hits`` without and with the context fields, and so the time left for the context
  at 15 MB/s (the budget);
* how much text the context has to read: the sentences :class:`framing.context._Doc`
  tokenizes (those holding a hit, and around quotation marks), their word tokens, the hits;
* floors: the least work a Python reading of those sentences does before any rule runs:
  (1) splitting them into words with the regular expression of ``framing.text`` alone;
  (2) that, plus case folding, the list of folded tokens and their offsets, and one dict
  look-up per token (is this a cue or an actor?); (3) one Python call per hit doing two
  binary searches (where is the hit among the tokens?).

    python bench/context_floor.py       # ~30 s; prints a table, writes bench/out/context_floor.md

If the floors alone take most of the budget, no rewrite in Python reaches the goal; the
rules themselves (negation scopes, speakers, targets) come on top of them.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
GOAL = 15.0                                    # MB/s per core, with the context fields


def _seconds(call, repeats: int = 5) -> float:
    call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _windows(corpus, hits) -> list[str]:
    """The text of every run of sentences the context tokenizes, document by document."""
    from framing.context import _Doc, _quote_regions, _runs
    from framing.text import sentence_spans

    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    langs = dict(zip(corpus["doc_id"], corpus["lang"]))
    runs = []
    for doc_id, rows in hits.groupby("doc_id", sort=False):
        text = texts[doc_id]
        doc = _Doc.__new__(_Doc)                # only what _windows reads
        doc.text, doc.sents = text, sentence_spans(text, langs[doc_id])
        doc.regions = _quote_regions(text, doc.sents)
        spans = list(zip(rows["start"].tolist(), rows["end"].tolist()))
        for first, last in _runs(doc._windows(spans)):
            runs.append(text[doc.sents[first][0]:doc.sents[last][1]])
    return runs


def measure() -> dict:
    import framing as fr
    from framing.detect import compile_lexicon
    from framing.text import WORD_PATTERN

    corpus = fr.read_corpus(OUT / "corpus_10mb.parquet")
    lexicon = compile_lexicon(OUT / "lexicon_1k.yaml")
    mb = sum(len(t.encode("utf-8")) for t in corpus["text"]) / 1e6
    base = _seconds(lambda: fr.find_hits(corpus, lexicon, context=False, progress=False), 3)
    full = _seconds(lambda: fr.find_hits(corpus, lexicon, progress=False), 3)
    hits = fr.find_hits(corpus, lexicon, progress=False)
    runs = _windows(corpus, hits)
    split = re.compile(f"({WORD_PATTERN})").split

    def tokenize_only():
        for run in runs:
            split(run)

    cues = {"said": 1, "not": 2, "nicht": 2, "не": 2, "russia": 3}

    def per_token():
        for run in runs:
            parts = split(run)
            at = list(itertools.accumulate(map(len, parts), initial=0))
            spans = list(zip(at[1::2], at[2::2]))
            folded = run.casefold()
            toks = [folded[a:b] for a, b in spans]
            list(map(cues.get, toks))

    ends = list(range(0, 10 * len(hits), 10))

    def locate(start, end):
        return bisect.bisect_right(ends, start), bisect.bisect_left(ends, end)

    def per_hit():
        for start, end in zip(hits["start"].tolist(), hits["end"].tolist()):
            locate(start, end)

    n_tokens = sum(len(split(run)) // 2 for run in runs)
    return {
        "mb": mb, "articles": len(corpus), "hits": len(hits),
        "docs_with_hits": int(hits["doc_id"].nunique()), "runs": len(runs),
        "window_chars": sum(map(len, runs)), "window_tokens": n_tokens,
        "corpus_chars": int(corpus["text"].str.len().sum()),
        "base_s": base, "full_s": full, "context_s": full - base,
        "budget_s": mb / GOAL - base,
        "floor_split_s": _seconds(tokenize_only),
        "floor_tokens_s": _seconds(per_token),
        "floor_hits_s": _seconds(per_hit),
    }


def table(r: dict) -> str:
    def row(name, seconds, note=""):
        return (f"| {name} | {seconds:.3f} | {seconds / r['budget_s']:.0%} | "
                f"{1e6 * seconds / r['window_tokens']:.2f} | {note} |")

    lines = [
        f"10 MB corpus ({r['mb']:.1f} MB, {r['articles']:,} articles), 1,000-entry lexicon: "
        f"{r['hits']:,} hits in {r['docs_with_hits']:,} articles; the context tokenizes "
        f"{r['runs']:,} runs of sentences, {r['window_chars']:,} characters "
        f"({r['window_chars'] / r['corpus_chars']:.0%} of the text), "
        f"{r['window_tokens']:,} word tokens.",
        "",
        f"`find_hits` without context {r['base_s']:.3f} s ({r['mb'] / r['base_s']:.1f} MB/s), "
        f"with context {r['full_s']:.3f} s ({r['mb'] / r['full_s']:.1f} MB/s). At "
        f"{GOAL:g} MB/s the whole call may take {r['mb'] / GOAL:.3f} s, which leaves "
        f"**{r['budget_s']:.3f} s** for the context (it takes {r['context_s']:.3f} s).",
        "",
        "| step | seconds | share of the budget | µs per window token | what it is |",
        "|---|---|---|---|---|",
        row("the context now", r["context_s"], "every rule, as shipped"),
        row("floor 1: regex split", r["floor_split_s"], "`re.split` of the windows, nothing else"),
        row("floor 2: tokens", r["floor_tokens_s"],
            "split, fold, token list, offsets, one dict look-up per token"),
        row("floor 3: one call per hit", r["floor_hits_s"], "two binary searches per hit"),
        row("floors 2 + 3", r["floor_tokens_s"] + r["floor_hits_s"], "before any rule runs"),
    ]
    return "\n".join(lines)


def main() -> int:
    if not (OUT / "corpus_10mb.parquet").exists():
        raise SystemExit("bench/out/corpus_10mb.parquet is missing: run "
                         "`python bench/make_corpus.py` first.")
    text = table(measure())
    print(text)
    (OUT / "context_floor.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
