"""How long the small, interactive calls of `framing` take: one sentence, one sample corpus.

``run.py`` measures throughput on large corpora; this script measures what a notebook user
waits for on every call: ``match_text`` on one sentence and ``find_hits`` / ``score_corpus``
on the bundled sample corpus, with the lexicon given by name (``"ukraine_war"``, read from
its file) and, as the baseline, the same call with a lexicon compiled beforehand (the work
of the call itself). The difference is the per-call overhead of naming the lexicon.

    python bench/calls.py               # 20 warm calls each, medians; writes bench/out/calls.md

The first line, ``cold``, is a fresh interpreter's ``import framing`` plus its first
``find_hits`` on the sample corpus by lexicon name (median of 5 fresh processes).
"""

from __future__ import annotations

import functools
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
SENTENCE = "Moscow calls the NATO troops \u201cinvaders\u201d and speaks of a proxy war."
COLD = ("import time; t = time.perf_counter(); import framing as fr; "
        "fr.find_hits(fr.read_corpus('sample'), 'ukraine_war', progress=False); "
        "print(time.perf_counter() - t)")


def _ms(call, repeats: int) -> float:
    call()                                                    # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def measure(repeats: int = 20) -> list[dict]:
    import framing as fr
    from framing.detect import compile_lexicon

    corpus = fr.read_corpus("sample")
    compiled = compile_lexicon("ukraine_war")
    calls = {
        "match_text (1 sentence)": lambda lex: fr.match_text(SENTENCE, lex, lang="en"),
        f"find_hits (sample corpus, {len(corpus)} articles)":
            lambda lex: fr.find_hits(corpus, lex, progress=False),
        f"score_corpus (sample corpus, {len(corpus)} articles)":
            lambda lex: fr.score_corpus(corpus, lex, progress=False),
    }
    rows = []
    for name, call in calls.items():
        by_name = _ms(functools.partial(call, "ukraine_war"), repeats)
        ready = _ms(functools.partial(call, compiled), repeats)
        rows.append({"call": name, "by_name_ms": round(by_name, 1),
                     "compiled_ms": round(ready, 1), "overhead_ms": round(by_name - ready, 1)})
    # run where `framing` was imported from, so that the fresh interpreters import the same
    # code (a checkout on PYTHONPATH would otherwise lose to one in the current folder)
    here = Path(fr.__file__).resolve().parent.parent
    colds = [float(subprocess.run([sys.executable, "-c", COLD], capture_output=True, cwd=here,
                                  text=True, check=True).stdout) for _ in range(5)]
    rows.insert(0, {"call": "cold: import framing + first find_hits (sample corpus)",
                    "by_name_ms": round(1000 * statistics.median(colds)),
                    "compiled_ms": None, "overhead_ms": None})
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| call | lexicon by name (ms) | compiled lexicon, the baseline (ms) "
             "| overhead (ms) |",
             "|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['call']} | {r['by_name_ms']} | {r['compiled_ms'] or ''} | "
                     f"{'' if r['overhead_ms'] is None else r['overhead_ms']} |")
    return "\n".join(lines)


def main() -> int:
    rows = measure()
    OUT.mkdir(exist_ok=True)
    (OUT / "calls.json").write_text(json.dumps(rows, indent=1))
    (OUT / "calls.md").write_text(table(rows) + "\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
