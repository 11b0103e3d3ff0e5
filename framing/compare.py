"""Comparison: group x frame means with bootstrap confidence intervals.

The unit of resampling is the document: an outlet's articles are resampled with
replacement, ``n_boot`` times, and the interval is the percentile interval of the
resampled means. Randomness comes only from ``seed`` (and the group's name), so a table is
the same on every run and does not depend on which other groups are in it.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.schema import COMPARISON_COLUMNS, check_columns, empty_table

__all__ = ["compare_groups", "compare_over_time", "bootstrap_means"]

_MEASURES = ("rate", "count", "weight")
_MAX_CELLS = 20_000_000   # resampling weights held in memory at once (per chunk)


def bootstrap_means(values: np.ndarray, *, n_boot: int = 2000, seed=0) -> np.ndarray:
    """Bootstrap the column means of ``values`` (documents x measures).

    Resamples rows with replacement ``n_boot`` times (as multinomial weights, in chunks,
    so 100,000 documents need no more than about 160 MB at once).

    Parameters
    ----------
    values : array of shape (n_docs, k)
    n_boot : int, default=2000
    seed : int or sequence of int, default=0

    Returns
    -------
    array of shape (n_boot, k)

    Examples
    --------
    >>> b = bootstrap_means(np.array([[0.0], [1.0]]), n_boot=1000, seed=1)
    >>> b.shape, bool(0.4 < b.mean() < 0.6), set(np.unique(b)) <= {0.0, 0.5, 1.0}
    ((1000, 1), True, True)
    """
    values = np.asarray(values, dtype="float64")
    n = values.shape[0]
    rng = np.random.default_rng(seed)
    out = np.empty((n_boot, values.shape[1]))
    if n == 0:
        out[:] = np.nan
        return out
    step = max(1, _MAX_CELLS // n)
    p = np.full(n, 1.0 / n)
    for b0 in range(0, n_boot, step):
        b = min(step, n_boot - b0)
        weights = rng.multinomial(n, p, size=b)
        out[b0:b0 + b] = weights @ values / n
    return out


def _group_seed(seed: int, group) -> list[int]:
    return [int(seed), zlib.crc32(str(group).encode("utf-8"))]


def _check_args(scores: pd.DataFrame, by, measure: str, ci: float, n_boot: int) -> list[str]:
    check_columns(scores, ("doc_id", "frame", "count"), table="scores", param="scores")
    by_cols = [by] if isinstance(by, str) else list(by)
    for col in by_cols:
        if col not in scores.columns:
            raise InputError(
                f"The 'by' parameter of compare_groups must be a column of scores; got "
                f"{col!r}. Available: {', '.join(map(str, scores.columns))}.")
    if measure not in _MEASURES or measure not in scores.columns:
        raise InputError(f"measure must be one of {', '.join(_MEASURES)} (a column of "
                         f"scores); got {measure!r}.")
    if not 0 < ci < 1:
        raise InputError(f"ci must be between 0 and 1 (e.g. 0.95); got {ci!r}.")
    if int(n_boot) < 1:
        raise InputError(f"n_boot must be a positive number of resamples; got {n_boot!r}.")
    return by_cols


def _frames_of(scores: pd.DataFrame, frames) -> list[str]:
    order = scores.attrs.get("frames") or list(dict.fromkeys(scores["frame"]))
    order = [f for f in order if f in set(scores["frame"])]
    if frames is None:
        return order
    unknown = [f for f in frames if f not in order]
    if unknown:
        raise InputError(f"unknown frame(s) {', '.join(unknown)}; frames in scores: "
                         f"{', '.join(order)}.")
    return list(frames)


def _group_labels(scores: pd.DataFrame, by_cols: list[str]) -> pd.Series:
    parts = [scores[c].map(lambda v: "(none)" if v is None or (isinstance(v, float)
                                                                and np.isnan(v)) else str(v))
             for c in by_cols]
    label = parts[0]
    for p in parts[1:]:
        label = label + " / " + p
    return label


def _summarise(wide: pd.DataFrame, present: pd.DataFrame, *, n_boot: int, ci: float,
               seed) -> dict:
    values = np.hstack([wide.to_numpy(), present.to_numpy()])
    boots = bootstrap_means(values, n_boot=n_boot, seed=seed)
    lo, hi = np.nanpercentile(boots, [(1 - ci) / 2 * 100, (1 + ci) / 2 * 100], axis=0)
    k = wide.shape[1]
    return {"mean": values[:, :k].mean(axis=0), "share_docs": values[:, k:].mean(axis=0),
            "ci_low": lo[:k], "ci_high": hi[:k], "share_low": lo[k:], "share_high": hi[k:]}


def compare_groups(scores: pd.DataFrame, *, by="source", measure: str = "rate",
                   frames=None, n_boot: int = 2000, ci: float = 0.95,
                   seed: int = 0) -> pd.DataFrame:
    """Mean framing per group, with bootstrap intervals over documents.

    Parameters
    ----------
    scores : DataFrame
        The scores table from :func:`framing.score_documents`.
    by : str or list of str, default="source"
        The grouping column(s) of ``scores``; missing values form the group ``"(none)"``.
    measure : {"rate", "count", "weight"}, default="rate"
        What is averaged: hits per 1,000 tokens, hits per document, or summed weights.
    frames : list of str, optional
        Frames to compare (default: all, in lexicon order).
    n_boot : int, default=2000
        Bootstrap resamples of the documents of each group.
    ci : float, default=0.95
        Confidence level of the percentile intervals.
    seed : int, default=0

    Returns
    -------
    DataFrame
        The comparison table, one row per group x frame: ``group``, ``frame``, ``label``,
        ``n_docs``, ``mean``, ``ci_low``, ``ci_high``, ``share_docs`` (share of the group's
        documents with at least one hit) with ``share_low``/``share_high``, and the
        settings ``measure``, ``ci_level``, ``n_boot``, ``seed``.

    Examples
    --------
    >>> import pandas as pd
    >>> scores = pd.DataFrame({"doc_id": list("abcd"), "frame": "f", "source": list("XXYY"),
    ...                        "count": [2, 0, 0, 0], "rate": [10.0, 0.0, 0.0, 0.0]})
    >>> t = compare_groups(scores, n_boot=200)
    >>> t[["group", "n_docs", "mean", "share_docs"]]
      group  n_docs  mean  share_docs
    0     X       2   5.0         0.5
    1     Y       2   0.0         0.0
    """
    by_cols = _check_args(scores, by, measure, ci, n_boot)
    frame_list = _frames_of(scores, frames)
    labels = scores.attrs.get("labels") or {}
    data = scores[scores["frame"].isin(frame_list)].assign(
        _group=_group_labels(scores, by_cols))
    rows = []
    for group, part in sorted(data.groupby("_group", sort=False), key=lambda kv: kv[0]):
        wide = part.pivot(index="doc_id", columns="frame", values=measure)
        wide = wide.reindex(columns=frame_list).fillna(0.0)
        present = (part.pivot(index="doc_id", columns="frame", values="count")
                   .reindex(index=wide.index, columns=frame_list).fillna(0) > 0)
        stats = _summarise(wide, present.astype(float), n_boot=n_boot, ci=ci,
                           seed=_group_seed(seed, group))
        for j, frame in enumerate(frame_list):
            rows.append((group, frame, labels.get(frame, frame), len(wide),
                         *(stats[k][j] for k in ("mean", "ci_low", "ci_high", "share_docs",
                                                 "share_low", "share_high")),
                         measure, ci, int(n_boot), seed))
    cols = list(COMPARISON_COLUMNS)
    if not rows:
        table = empty_table(cols)
    else:
        table = pd.DataFrame(rows, columns=cols)
    table.attrs.update({"by": by, "measure": measure, "labels": labels,
                        "frames": frame_list, "per": scores.attrs.get("per", 1000)})
    return table


_FREQ = {"week": "W", "month": "M", "quarter": "Q", "year": "Y"}


def compare_over_time(scores: pd.DataFrame, *, by="source", freq: str = "month",
                      measure: str = "rate", frames=None, n_boot: int = 1000,
                      ci: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Mean framing per group and period (week, month, ...), with bootstrap intervals.

    No smoothing is applied: each period's mean and interval use only that period's
    documents.

    Parameters
    ----------
    scores : DataFrame
        The scores table; needs a ``date`` column.
    by : str, default="source"
    freq : {"week", "month", "quarter", "year"}, default="month"
        Periods start on Monday (weeks) or the first day of the month/quarter/year, in UTC.
    measure, frames, n_boot, ci, seed
        As in :func:`compare_groups`.

    Returns
    -------
    DataFrame
        The comparison table with a ``period`` column (the period's start, datetime64 UTC).
    """
    if "date" not in scores.columns:
        raise InputError("compare_over_time needs a 'date' column in scores; read the corpus "
                         "with date='<column>'.")
    if freq not in _FREQ:
        raise InputError(f"freq must be one of {', '.join(_FREQ)}; got {freq!r}.")
    dated = scores[scores["date"].notna()]
    periods = dated["date"].dt.tz_convert("UTC").dt.tz_localize(None).dt.to_period(
        _FREQ[freq]).dt.start_time.dt.tz_localize("UTC")
    dated = dated.assign(period=periods)
    by_cols = [by] if isinstance(by, str) else list(by)
    table = compare_groups(dated, by=[*by_cols, "period"], measure=measure, frames=frames,
                           n_boot=n_boot, ci=ci, seed=seed)
    if table.empty:
        return table.assign(period=pd.Series(dtype="datetime64[ns, UTC]"))
    split = table["group"].str.rsplit(" / ", n=1, expand=True)
    table["group"] = split[0]
    table.insert(1, "period", pd.to_datetime(split[1], utc=True))
    table = table.sort_values(["group", "period"], kind="stable").reset_index(drop=True)
    table.attrs.update({"freq": freq, "by": by, "smoothing": "none"})
    return table

