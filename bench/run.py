"""Benchmark `framing` against a naive NLTK loop, on the corpora of make_corpus.py.

Every measurement runs in a fresh child process (so peak memory is its own), is repeated,
and the medians are printed and saved to ``bench/out/results.json`` and ``results.md``.

    python bench/make_corpus.py                 # once: 10 MB and 100 MB corpora, lexicons
    python bench/run.py                         # everything below, 3 repeats
    python bench/run.py --quick                 # 10 MB only, 1 repeat
    python bench/run.py --big                   # also stream the 1 GB corpus
                                                # (python bench/make_corpus.py --sizes 1gb)
    python bench/run.py --huge                  # also stream the 5 GB corpus
                                                # (python bench/make_corpus.py --sizes 5gb)

What is measured (MB = megabytes of UTF-8 article text):

* ``score``: ``framing.score_corpus`` on a corpus already in memory: normalization,
  tokens, matching with offsets, excludes and overlaps, and the document x frame table;
  1,000- and 10,000-entry lexicons; ``n_jobs`` 1 and 2.
* ``hits``: ``framing.find_hits(..., context=False)``, the hits table (with sentence
  numbers and the ``normalized`` flag).
* ``context``: ``framing.find_hits`` with its default ``context=True`` (voice, negation,
  target of every hit, from ``framing.context``), with ``n_jobs`` 1 and 2.
* ``score_context``: ``framing.score_corpus(..., negated=False)``: detect and score with
  the context fields on (a context filter decides which hits count).
* ``ceiling``: what two cores give at best on this machine: two processes that share
  nothing, each scoring half of the corpus, against one process scoring all of it (the
  ``speedup`` to compare ``n_jobs=2`` with).
* ``stream``: ``framing.scale.stream_scores`` from the file (JSONL and Parquet) to a
  Parquet file, with its peak memory (RSS) on the 100 MB, 1 GB and 5 GB corpora.
* ``baseline``: a naive NLTK loop (``RegexpTokenizer``, lower-casing, dictionary look-ups,
  one regex for the globs, joined n-grams for phrases; no normalization, offsets,
  excludes or overlap rules), the kind of loop the toolkit replaces.

Timings are wall-clock and CPU seconds of the measured call only (loading the corpus and
compiling the lexicon are not included, except for ``stream``, which reads the file).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


# ------------------------------------------------------------------ child: one measurement


def _rss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024        # KiB on Linux


def _text_mb(texts) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def _load(corpus: str):
    import framing as fr

    return fr.read_corpus(OUT / corpus)


def child(spec: dict) -> dict:
    import framing as fr
    from framing.detect import _prefilter, compile_lexicon

    task = spec["task"]
    lexicon = compile_lexicon(fr.read_lexicon(OUT / spec["lexicon"]))
    _prefilter(lexicon)
    result: dict = {}
    if task == "stream":
        from framing.scale import stream_scores

        path = OUT / spec["corpus"]
        out = OUT / f"stream-{os.getpid()}.parquet"
        fr.score_corpus(fr.read_corpus(OUT / "corpus_10mb.parquet").head(20), lexicon,
                        progress=False)                 # warm up (word tables, caches)
        start, cpu = time.perf_counter(), time.process_time()
        r = stream_scores(path, lexicon, out, chunk_size=spec.get("chunk_size", 5000),
                          n_jobs=spec.get("n_jobs", 1), resume=False, progress=False)
        result.update(wall=time.perf_counter() - start, cpu=time.process_time() - cpu,
                      docs=r.documents, mb=spec["mb"])
        out.unlink()
    else:
        corpus = _load(spec["corpus"])
        texts = corpus["text"].tolist()
        mb = _text_mb(texts)
        warm = corpus.head(20)
        if task == "baseline":
            run = _baseline(lexicon.lexicon)
            run(warm)
        elif task == "score":
            def run(c):
                return fr.score_corpus(c, lexicon, progress=False, n_jobs=spec["n_jobs"])
        elif task == "hits":
            def run(c):
                return fr.find_hits(c, lexicon, progress=False, context=False)
        elif task == "context":
            def run(c):
                return fr.find_hits(c, lexicon, progress=False, context=True,
                                    n_jobs=spec.get("n_jobs", 1))
        elif task == "score_context":
            def run(c):
                return fr.score_corpus(c, lexicon, progress=False, negated=False,
                                       n_jobs=spec.get("n_jobs", 1))
        if task == "ceiling":
            result.update(_ceiling(corpus, lexicon, mb))
        else:
            run(warm)
            start, cpu = time.perf_counter(), time.process_time()
            out = run(corpus)
            result.update(wall=time.perf_counter() - start, cpu=time.process_time() - cpu,
                          docs=len(corpus), mb=mb)
            if task in ("score", "score_context"):
                result["hits"] = int(out["count"].sum())
            elif task == "baseline":
                result["hits"] = int(sum(out))
            else:
                result["hits"] = len(out)
    result["rss_mb"] = _rss_mb()
    result["children_rss_mb"] = _rss_mb(resource.RUSAGE_CHILDREN)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["children_cpu"] = children.ru_utime + children.ru_stime
    return result


def _half(args):
    import framing as fr

    corpus, lexicon, barrier = args
    barrier.wait()
    start = time.perf_counter()
    fr.score_corpus(corpus, lexicon, progress=False)
    return time.perf_counter() - start


def _ceiling(corpus, lexicon, mb: float) -> dict:
    """What two cores can give at best: two processes that share nothing, each scoring half
    of the corpus (data and lexicon loaded before the clock starts), against one process
    scoring all of it. ``wall`` is the slower half."""
    import multiprocessing as mp

    import framing as fr

    fr.score_corpus(corpus.head(20), lexicon, progress=False)
    half = len(corpus) // 2
    with mp.Manager() as manager:
        barrier = manager.Barrier(2)
        # forked before the run alone, so the halves start with the same (cold) caches
        with mp.get_context("fork").Pool(2) as pool:
            start = time.perf_counter()
            fr.score_corpus(corpus, lexicon, progress=False)
            alone = time.perf_counter() - start
            times = pool.map(_half, [(corpus.iloc[:half], lexicon, barrier),
                                     (corpus.iloc[half:], lexicon, barrier)])
    return {"wall": max(times), "cpu": sum(times), "docs": len(corpus), "mb": mb,
            "hits": None, "alone_wall": alone, "speedup": alone / max(times)}


def _baseline(lexicon):
    """A naive NLTK tokenise-and-look-up loop: the speed reference (see the docstring)."""
    import re
    from collections import Counter

    from nltk.tokenize import RegexpTokenizer

    tokenizer = RegexpTokenizer(r"\w+(?:'\w+)*")
    by_lang: dict = {}
    for term in lexicon.terms():
        d = by_lang.setdefault(term.lang, {"words": {}, "globs": [], "phrases": {},
                                           "glob_phrases": []})
        words = term.pattern.lower().replace("-", " ").split()
        if len(words) == 1 and not words[0].endswith("*"):
            d["words"].setdefault(words[0], []).append(term.frame)
        elif len(words) == 1:
            d["globs"].append((words[0][:-1], term.frame))
        elif not any(w.endswith("*") for w in words):
            d["phrases"].setdefault(" ".join(words), []).append(term.frame)
        else:
            rx = r"\s".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w)
                            for w in words)
            d["glob_phrases"].append((len(words), re.compile(rx + r"$"), term.frame))
    for d in by_lang.values():
        prefixes = sorted({p for p, _ in d["globs"]}, key=len, reverse=True)
        d["glob_re"] = re.compile("(?:" + "|".join(map(re.escape, prefixes)) + ")") \
            if prefixes else None
        d["glob_frames"] = {}
        for p, f in d["globs"]:
            d["glob_frames"].setdefault(p, []).append(f)

    def run(corpus):
        totals = []
        for text, lang in zip(corpus["text"].tolist(), corpus["lang"].tolist()):
            d = by_lang.get(lang)
            counts: Counter = Counter()
            if d is None:
                totals.append(0)
                continue
            words = [w.lower() for w in tokenizer.tokenize(text)]
            for i, w in enumerate(words):
                for f in d["words"].get(w, ()):
                    counts[f] += 1
                if d["glob_re"] is not None and d["glob_re"].match(w):
                    for p, frames in d["glob_frames"].items():
                        if w.startswith(p):
                            for f in frames:
                                counts[f] += 1
                for n in (2, 3):
                    gram = " ".join(words[i:i + n])
                    for f in d["phrases"].get(gram, ()):
                        counts[f] += 1
                    for size, rx, f in d["glob_phrases"]:
                        if size == n and rx.match(gram):
                            counts[f] += 1
            totals.append(sum(counts.values()))
        return totals

    return run


# ------------------------------------------------------------------ parent: the plan


def measure(spec: dict, repeats: int) -> dict:
    runs = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, __file__, "--child", json.dumps(spec)],
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"child failed: {spec}\n{out.stderr}")
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    mb = runs[0]["mb"]
    walls = [r["wall"] for r in runs]
    cpus = [r["cpu"] for r in runs]
    return {**spec, "mb": round(mb, 1), "docs": runs[0]["docs"], "hits": runs[0].get("hits"),
            "repeats": repeats,
            "mb_s": round(mb / statistics.median(walls), 1),
            "mb_s_cpu": round(mb / statistics.median(cpus), 1),
            "docs_s": round(runs[0]["docs"] / statistics.median(walls)),
            "mb_s_runs": [round(mb / w, 1) for w in walls],
            "cpu_s": round(statistics.median(cpus), 2),
            "workers_cpu_s": round(statistics.median(r["children_cpu"] for r in runs), 2),
            "wall_s": round(statistics.median(walls), 2),
            "rss_mb": round(statistics.median(r["rss_mb"] for r in runs)),
            "workers_rss_mb": round(statistics.median(r["children_rss_mb"] for r in runs)),
            **({"speedup": round(statistics.median(r["speedup"] for r in runs), 2)}
               if "speedup" in runs[0] else {})}


def plan(args) -> list[dict]:
    sizes = ["10mb"] if args.quick else ["10mb", "100mb"]
    big = sizes[-1]

    def step(task, size, lexicon="1k", jobs=1):
        return {"task": task, "corpus": f"corpus_{size}.parquet",
                "lexicon": f"lexicon_{lexicon}.yaml", "n_jobs": jobs}

    steps = [step("baseline", "10mb")]
    steps += [step("score", size) for size in sizes]
    steps += [step("score", big, "10k"), step("score", big, jobs=2),
              step("ceiling", big, jobs=2), step("hits", "10mb")]
    steps += [step("context", size) for size in sizes]
    steps += [step("context", big, jobs=2), step("score_context", "10mb")]
    streams = [(big, "jsonl", 1), (big, "parquet", 1), (big, "jsonl", 2)]
    if args.big:
        streams += [("1gb", "jsonl", 1), ("1gb", "jsonl", 2), ("1gb", "parquet", 2)]
    if args.huge:
        streams += [("5gb", "jsonl", 1)]
    for size, fmt, jobs in streams:
        path = OUT / f"corpus_{size}.{fmt}"
        if not path.exists():
            print(f"{path} is missing: run bench/make_corpus.py --sizes {size}",
                  file=sys.stderr)
            continue
        mb = {"10mb": 10.0, "100mb": 100.0, "1gb": 1000.0, "5gb": 5000.0}[size]
        steps.append({"task": "stream", "corpus": path.name, "lexicon": "lexicon_1k.yaml",
                      "n_jobs": jobs, "mb": mb})
    return steps


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.python_implementation()} {platform.python_version()}, "
            f"{os.cpu_count()} cores ({cpu}), load average {load:.1f} at start")


def table(results: list[dict]) -> str:
    base = next((r["mb_s"] for r in results if r["task"] == "baseline"), None)
    lines = ["| task | corpus | lexicon | jobs | MB/s (wall) | MB/s per CPU-second | docs/s | "
             "x baseline | CPU s (main + workers) | peak RSS MB | hits |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        ratio = f"{r['mb_s'] / base:.1f}" if base else ""
        rss_text = f"{r['rss_mb']}" + (f" + {r['workers_rss_mb']} (workers)"
                                       if r.get("n_jobs", 1) > 1 else "")
        cpu = r["cpu_s"] + r["workers_cpu_s"]
        cpu_text = f"{r['cpu_s']}" + (f" + {r['workers_cpu_s']}" if r["workers_cpu_s"] else "")
        lines.append(f"| {r['task']} | {r['corpus']} | {r['lexicon'].split('.')[0]} | "
                     f"{r.get('n_jobs', 1)} | {r['mb_s']} | {r['mb'] / cpu:.1f} | "
                     f"{r['docs_s']} | {ratio} | {cpu_text} | {rss_text} | "
                     f"{r.get('hits') or ''} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--quick", action="store_true", help="10 MB only, one repeat")
    ap.add_argument("--big", action="store_true", help="also stream the 1 GB corpus")
    ap.add_argument("--huge", action="store_true", help="also stream the 5 GB corpus")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--only", nargs="+", help="only these tasks (score, hits, ...)")
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return 0
    if not (OUT / "lexicon_1k.yaml").exists():
        raise SystemExit("no benchmark data: run python bench/make_corpus.py first")
    repeats = 1 if args.quick else args.repeat
    print(machine())
    results = []
    for spec in plan(args):
        if args.only and spec["task"] not in args.only:
            continue
        r = measure(spec, 1 if "gb" in spec["corpus"] else repeats)
        results.append(r)
        print(f"{r['task']:8} {r['corpus']:22} {r['lexicon']:18} jobs={r.get('n_jobs', 1)} "
              f"{r['mb_s']:6.1f} MB/s wall (runs {r['mb_s_runs']}), {r['mb_s_cpu']:6.1f} "
              f"MB/s CPU, {r['docs_s']} docs/s, RSS {r['rss_mb']} MB "
              f"(+{r['workers_rss_mb']} workers), hits {r.get('hits')}"
              + (f", two independent halves {r['speedup']}x one process"
                 if "speedup" in r else ""), flush=True)
    report = {"machine": machine(), "results": results}
    (OUT / "results.json").write_text(json.dumps(report, indent=1))
    (OUT / "results.md").write_text(f"{report['machine']}\n\n{table(results)}\n")
    print()
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
