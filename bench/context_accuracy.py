"""Accuracy of framing.context per field: on the hand-written cases, and on coded real hits.

Usage::

    python bench/context_accuracy.py                       # tests/context_cases.yaml
    python bench/context_accuracy.py --real                # + bench/context_coded_rt.csv
    python bench/context_accuracy.py --show-errors

The coded file holds doc ids, offsets and codes only (no article text); ``--real`` reads the
articles from ``../shared/corpora/rt_vs_western_2022/articles.jsonl`` and skips when absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CASES = REPO / "tests" / "context_cases.yaml"
CODED = REPO / "bench" / "context_coded_rt.csv"
RT_CORPUS = REPO.parent / "shared" / "corpora" / "rt_vs_western_2022" / "articles.jsonl"
FIELDS = ("voice", "attributed", "negated", "target", "speaker")


def load_cases(path=CASES) -> list[dict]:
    """The cases of the YAML file, each with the hit's ``start`` and ``end`` added."""
    cases = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["cases"]
    for case in cases:
        text, hit, pos = case["text"], case["hit"], -1
        for _ in range(case.get("nth", 1)):
            pos = text.find(hit, pos + 1)
        if pos < 0:
            raise ValueError(f"{path}: case {case['id']}: hit {hit!r} not in its text")
        case["start"], case["end"] = pos, pos + len(hit)
    return cases


def annotate_cases(cases: list[dict], **options) -> pd.DataFrame:
    """Run annotate_hits on the cases (one document each); one row per case."""
    from framing.context import annotate_hits

    corpus = pd.DataFrame({"doc_id": [c["id"] for c in cases], "text": [c["text"] for c in cases],
                           "lang": [c["lang"] for c in cases]})
    hits = pd.DataFrame({"doc_id": corpus["doc_id"], "frame": "case",
                         "match": [c["hit"] for c in cases],
                         "start": [c["start"] for c in cases], "end": [c["end"] for c in cases],
                         "lang": corpus["lang"]})
    return annotate_hits(hits, corpus, details=True, **options)


def compare(cases: list[dict], got: pd.DataFrame) -> pd.DataFrame:
    """One row per case x field given in the case: expected, got, correct, known (xfail)."""
    rows = []
    for case, (_, row) in zip(cases, got.iterrows()):
        for field in FIELDS:
            if field in case:
                expected = case[field]
                rows.append({"id": case["id"], "lang": case["lang"], "field": field,
                             "expected": expected, "got": row[field],
                             "correct": row[field] == expected,
                             "known": (case.get("xfail") or {}).get(field, "")})
    return pd.DataFrame(rows)


def accuracy(table: pd.DataFrame, by=("field",)) -> pd.DataFrame:
    """Accuracy per field (or per ``by`` columns): n, correct, accuracy."""
    out = table.groupby(list(by), sort=False)["correct"].agg(n="size", correct="sum")
    out["accuracy"] = (out["correct"] / out["n"]).round(3)
    return out


def negation_scores(table: pd.DataFrame) -> pd.DataFrame:
    """Precision and recall of ``negated`` (true = negated), per sample."""
    rows = []
    for sample, t in table[table["field"] == "negated"].groupby("sample", sort=False):
        tp = int((t["expected"] & t["got"]).sum())
        fp = int((~t["expected"] & t["got"]).sum())
        fn = int((t["expected"] & ~t["got"]).sum())
        rows.append({"sample": sample, "n": len(t), "negated": int(t["expected"].sum()),
                     "tp": tp, "fp": fp, "fn": fn,
                     "precision": round(tp / (tp + fp), 3) if tp + fp else float("nan"),
                     "recall": round(tp / (tp + fn), 3) if tp + fn else float("nan")})
    return pd.DataFrame(rows)


def load_coded(path=CODED, corpus_path=RT_CORPUS):
    """The coded real hits and their articles (``None`` when the corpus is absent)."""
    from framing.corpus import read_corpus

    if not Path(corpus_path).is_file():
        return None, None
    coded = pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)
    raw = pd.read_json(corpus_path, lines=True)
    raw = raw[raw["id"].isin(set(coded["doc_id"]))]
    corpus = read_corpus(raw, doc_id="id")
    return coded, corpus


def evaluate_coded(coded: pd.DataFrame, corpus: pd.DataFrame, **options) -> pd.DataFrame:
    from framing.context import annotate_hits

    hits = coded[["doc_id", "start", "end"]].assign(frame="coded")
    got = annotate_hits(hits, corpus, details=True, **options)
    rows = []
    for (_, c), (_, g) in zip(coded.iterrows(), got.iterrows()):
        for field in ("voice", "attributed", "negated", "target"):
            expected = c[field]
            if field in ("attributed", "negated"):
                expected = str(expected).lower() == "true"
            rows.append({"id": f"{c['doc_id']}:{c['start']}", "lang": "en", "field": field,
                         "sample": c["sample"], "expected": expected, "got": g[field],
                         "correct": g[field] == expected, "known": ""})
    return pd.DataFrame(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", action="store_true", help="also the coded real sample")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--negation-scope", default="clause")
    parser.add_argument("--sample", help="only this sample of the coded file "
                                         "(random | random2 | negation)")
    args = parser.parse_args(argv)
    scope = int(args.negation_scope) if args.negation_scope.isdigit() else args.negation_scope
    cases = load_cases()
    table = compare(cases, annotate_cases(cases, negation_scope=scope))
    print(f"Hand-written cases ({len(cases)} cases, {CASES.relative_to(REPO)}):")
    print(accuracy(table).to_string())
    held = {c["id"] for c in cases if c.get("heldout")}
    print(f"\n... of which held out (written after the rules, {len(held)} cases):")
    print(accuracy(table[table["id"].isin(held)]).to_string())
    if args.show_errors:
        print(table[~table["correct"]].to_string(index=False))
    if args.real:
        coded, corpus = load_coded()
        if args.sample:
            coded = coded[coded["sample"] == args.sample]
        if coded is None:
            print(f"\n{RT_CORPUS} is absent: real sample skipped.")
        else:
            real = evaluate_coded(coded, corpus, negation_scope=scope)
            print(f"\nCoded real hits ({len(coded)} hits, {CODED.relative_to(REPO)}):")
            print(accuracy(real, by=("sample", "field")).unstack("sample").to_string())
            print("\nnegated, per sample:")
            print(negation_scores(real).to_string(index=False))
            if args.show_errors:
                print(real[~real["correct"]].to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
