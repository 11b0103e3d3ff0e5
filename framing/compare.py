"""Comparison: group x frame means with bootstrap confidence intervals.

The unit of resampling is the document: an outlet's articles are resampled with
replacement, ``n_boot`` times, and the interval is the percentile interval of the
resampled means. Randomness comes only from ``seed`` (and the group's name), so a table is
the same on every run and does not depend on which other groups are in it.
"""

from __future__ import annotations

import math
import warnings
import zlib

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.schema import COMPARISON_COLUMNS, check_columns, empty_table

__all__ = ["compare_groups", "compare_over_time", "pairwise_differences", "attention",
           "top_entries", "bootstrap_means"]

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
    for b0 in range(0, n_boot, step):
        b = min(step, n_boot - b0)
        # resample n documents with replacement, b times, as per-document weights
        draws = rng.integers(0, n, size=(b, n)) + (np.arange(b) * n)[:, None]
        weights = np.bincount(draws.ravel(), minlength=b * n).reshape(b, n)
        out[b0:b0 + b] = weights @ values / n
    return out


def _group_seed(seed: int, group) -> list[int]:
    return [int(seed), zlib.crc32(str(group).encode("utf-8"))]


def _whole(value, name: str, minimum: int, what: str) -> int:
    """``value`` as an int of at least ``minimum``, or an error naming ``name``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) \
            or value < minimum:
        raise InputError(f"{name} must be a whole number of {what}, {minimum} or more; "
                         f"got {value!r}.")
    return int(value)


def _check_seed(seed) -> None:
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)):
        raise InputError(f"seed must be an int (a fixed seed makes the intervals "
                         f"reproducible); got {seed!r}.")


def _by_columns(by) -> list[str]:
    if isinstance(by, str):
        return [by]
    if isinstance(by, (list, tuple)) and by and all(isinstance(c, str) for c in by):
        return list(by)
    raise InputError(f"by must be a column name or a list of column names; got {by!r}.")


def _check_args(scores: pd.DataFrame, by, measure: str, ci: float, n_boot: int,
                seed=0) -> list[str]:
    check_columns(scores, ("doc_id", "frame", "count"), table="scores", param="scores")
    _check_seed(seed)
    by_cols = _by_columns(by)
    for col in by_cols:
        if col not in scores.columns:
            raise InputError(
                f"The 'by' parameter of compare_groups must be a column of scores; got "
                f"{col!r}. Available: {', '.join(map(str, scores.columns))}.")
    if measure not in _MEASURES or measure not in scores.columns:
        raise InputError(f"measure must be one of {', '.join(_MEASURES)} (a column of "
                         f"scores); got {measure!r}.")
    if isinstance(ci, bool) or not isinstance(ci, (int, float)) or not 0 < ci < 1:
        raise InputError(f"ci must be between 0 and 1 (e.g. 0.95); got {ci!r}.")
    _whole(n_boot, "n_boot", 1, "resamples")
    return by_cols


def _frames_of(scores: pd.DataFrame, frames) -> list[str]:
    present = set(pd.unique(scores["frame"]))
    order = scores.attrs.get("frames") or list(pd.unique(scores["frame"]))
    order = [f for f in order if f in present]
    if frames is None:
        return order
    if isinstance(frames, str):
        frames = [frames]
    frames = list(frames)
    if not frames:
        raise InputError(f"frames is empty; name at least one of: {', '.join(order)}.")
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


def _group_matrix(part: pd.DataFrame, frames: list[str], measure: str, min_count: int):
    """Documents x frames matrices of one group: the measure, and presence (0/1)."""
    wide = part.pivot(index="doc_id", columns="frame", values=measure)
    wide = wide.reindex(columns=frames).fillna(0.0)
    counts = (part.pivot(index="doc_id", columns="frame", values="count")
              .reindex(index=wide.index, columns=frames).fillna(0))
    return wide.to_numpy(dtype=float), (counts.to_numpy() >= min_count).astype(float)


def _summarise(values: np.ndarray, present: np.ndarray, *, n_boot: int, ci: float,
               seed) -> dict:
    both = np.hstack([values, present])
    boots = bootstrap_means(both, n_boot=n_boot, seed=seed)
    lo, hi = np.nanpercentile(boots, [(1 - ci) / 2 * 100, (1 + ci) / 2 * 100], axis=0)
    k = values.shape[1]
    return {"mean": both[:, :k].mean(axis=0), "share_docs": both[:, k:].mean(axis=0),
            "ci_low": lo[:k], "ci_high": hi[:k], "share_low": lo[k:], "share_high": hi[k:],
            "boots": boots[:, :k]}


def _standardize(scores: pd.DataFrame, measure: str, within: str) -> pd.DataFrame:
    """Z-score ``measure`` per frame within each value of ``within`` (e.g. language)."""
    if within not in scores.columns:
        raise InputError(f"standardize={within!r} needs a {within!r} column in scores.")
    grouped = scores.groupby([within, "frame"], dropna=False)[measure]
    mean = grouped.transform("mean")
    sd = grouped.transform(lambda s: s.std(ddof=0))
    z = ((scores[measure] - mean) / sd.where(sd > 0)).fillna(0.0)
    return scores.assign(**{measure: z})


def compare_groups(scores: pd.DataFrame, *, by="source", measure: str = "rate",
                   frames=None, n_boot: int = 2000, ci: float = 0.95, seed: int = 0,
                   min_count: int = 1, standardize: str | None = None) -> pd.DataFrame:
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
    min_count : int, default=1
        The presence rule: an article "uses" a frame when it has at least ``min_count``
        hits of it (Field et al. 2018 use 3). Sets ``share_docs``.
    standardize : str, optional
        A column (usually ``"lang"``): z-score the measure per frame within each of its
        values before averaging, so groups in different languages are compared on each
        language's own scale (lexicons differ in coverage across languages). The
        ``measure`` column then says so, e.g. ``"rate (z within lang)"``.

    Returns
    -------
    DataFrame
        The comparison table, one row per group x frame: ``group``, ``frame``, ``label``,
        ``n_docs``, ``mean``, ``ci_low``, ``ci_high``, ``share_docs`` (share of the group's
        documents with at least ``min_count`` hits) with ``share_low``/``share_high``, and
        the settings ``measure``, ``ci_level``, ``n_boot``, ``seed``, ``presence_min``.

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
    by_cols = _check_args(scores, by, measure, ci, n_boot, seed)
    _whole(min_count, "min_count", 1, "hits")
    frame_list = _frames_of(scores, frames)
    labels = scores.attrs.get("labels") or {}
    measure_name = measure
    if standardize is not None:
        scores = _standardize(scores, measure, standardize)
        measure_name = f"{measure} (z within {standardize})"
    rows = []
    for group, stats, n in _group_stats(scores, by_cols, frame_list, measure, min_count,
                                        n_boot, ci, seed):
        for j, frame in enumerate(frame_list):
            rows.append((group, frame, labels.get(frame, frame), n,
                         *(stats[k][j] for k in ("mean", "ci_low", "ci_high", "share_docs",
                                                 "share_low", "share_high")),
                         measure_name, ci, int(n_boot), seed, int(min_count)))
    cols = list(COMPARISON_COLUMNS)
    if not rows:
        table = empty_table(cols)
    else:
        table = pd.DataFrame(rows, columns=cols)
    table.attrs.update({"by": by, "measure": measure_name, "labels": labels,
                        "frames": frame_list, "per": scores.attrs.get("per", 1000)})
    return table


def _group_stats(scores, by_cols, frame_list, measure, min_count, n_boot, ci, seed):
    """Yield (group, bootstrap summary, n_docs) per group, in sorted group order."""
    data = scores[scores["frame"].isin(frame_list)].assign(
        _group=_group_labels(scores, by_cols))
    for group, part in sorted(data.groupby("_group", sort=False), key=lambda kv: kv[0]):
        values, present = _group_matrix(part, frame_list, measure, min_count)
        stats = _summarise(values, present, n_boot=n_boot, ci=ci,
                           seed=_group_seed(seed, group))
        yield group, stats, values.shape[0]


def _adjust(p: np.ndarray, method: str) -> np.ndarray:
    """Holm (family-wise error) or Benjamini-Hochberg (false discovery rate) adjustment."""
    m = len(p)
    order = np.argsort(p, kind="stable")
    ranked = p[order]
    if method == "holm":
        adj = np.maximum.accumulate(np.minimum(1.0, (m - np.arange(m)) * ranked))
    else:
        adj = np.minimum.accumulate(m / np.arange(m, 0, -1) * ranked[::-1])[::-1]
        adj = np.minimum(1.0, adj)
    out = np.empty(m)
    out[order] = adj
    return out


def _wald_p(diff: np.ndarray, se: np.ndarray) -> np.ndarray:
    """Two-sided p-values of ``diff / se`` against the standard normal (1 where both are 0,
    0 where only the standard error is)."""
    z = np.abs(diff) / np.where(se > 0, se, 1.0)
    p = np.array([math.erfc(v / math.sqrt(2)) for v in z], dtype=float)
    return np.where(se > 0, p, np.where(diff == 0, 1.0, 0.0))


def pairwise_differences(scores: pd.DataFrame, *, by="source", measure: str = "rate",
                         frames=None, pairs=None, n_boot: int = 2000, ci: float = 0.95,
                         seed: int = 0, correction: str = "holm") -> pd.DataFrame:
    """Differences of group means for every pair of groups, with intervals and p-values.

    Each group's articles are resampled independently (the same seeded resamples as
    :func:`compare_groups`); the interval is the percentile interval of the resampled
    differences. The two-sided p-value compares the difference with its bootstrap
    standard error (the standard deviation of the resampled differences) on the normal
    distribution, so it is not bounded below by ``1 / n_boot``: a p-value counted from the
    resamples could not go below about ``2 / n_boot``, which no adjustment for a few
    hundred tests (pairs x frames) could bring under 0.05. The p-values of all rows are
    adjusted for multiple testing.

    Parameters
    ----------
    scores : DataFrame
    by, measure, frames, n_boot, ci, seed
        As in :func:`compare_groups`.
    pairs : list of (str, str), optional
        Which pairs to compare (``group_a - group_b``); default every pair of groups in
        sorted order.
    correction : {"holm", "bh"}, default="holm"
        Holm's step-down method (controls the family-wise error rate) or
        Benjamini-Hochberg (controls the false discovery rate).

    Returns
    -------
    DataFrame
        One row per pair x frame: ``group_a``, ``group_b``, ``frame``, ``label``, ``n_a``,
        ``n_b``, ``mean_a``, ``mean_b``, ``diff`` (a - b), ``ci_low``, ``ci_high``,
        ``p_value``, ``p_adjusted``, ``significant`` (``p_adjusted < 1 - ci``),
        ``correction``, ``ci_level``, ``measure``, ``n_boot``, ``seed``.

    Examples
    --------
    >>> scores = pd.DataFrame({"doc_id": list("abcdef"), "frame": "f", "source": list("XXXYYY"),
    ...                        "count": [2, 1, 3, 0, 0, 1],
    ...                        "rate": [20.0, 10.0, 30.0, 0.0, 0.0, 10.0]})
    >>> t = pairwise_differences(scores, n_boot=500)
    >>> t[["group_a", "group_b", "diff", "significant", "correction"]]
      group_a group_b       diff  significant correction
    0       X       Y  16.666667         True       Holm
    """
    by_cols = _check_args(scores, by, measure, ci, n_boot, seed)
    if correction not in ("holm", "bh"):
        raise InputError(f"correction must be 'holm' or 'bh'; got {correction!r}.")
    frame_list = _frames_of(scores, frames)
    labels = scores.attrs.get("labels") or {}
    stats = {g: (s, n) for g, s, n in _group_stats(scores, by_cols, frame_list, measure, 1,
                                                   n_boot, ci, seed)}
    if pairs is None:
        names = sorted(stats)
        pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    for a, b in pairs:
        for g in (a, b):
            if g not in stats:
                raise InputError(f"group {g!r} is not in scores; groups: "
                                 f"{', '.join(sorted(stats))}.")
    rows = []
    for a, b in pairs:
        (sa, na), (sb, nb) = stats[a], stats[b]
        diffs = sa["boots"] - sb["boots"]
        lo, hi = np.percentile(diffs, [(1 - ci) / 2 * 100, (1 + ci) / 2 * 100], axis=0)
        p = _wald_p(sa["mean"] - sb["mean"], diffs.std(axis=0, ddof=1) if n_boot > 1
                    else np.zeros(len(frame_list)))
        for j, frame in enumerate(frame_list):
            rows.append([a, b, frame, labels.get(frame, frame), na, nb, sa["mean"][j],
                         sb["mean"][j], sa["mean"][j] - sb["mean"][j], lo[j], hi[j], p[j]])
    cols = ["group_a", "group_b", "frame", "label", "n_a", "n_b", "mean_a", "mean_b", "diff",
            "ci_low", "ci_high", "p_value"]
    table = pd.DataFrame(rows, columns=cols)
    table["p_adjusted"] = _adjust(table["p_value"].to_numpy(), correction) if rows else []
    table["significant"] = table["p_adjusted"] < (1 - ci)
    table["correction"] = {"holm": "Holm", "bh": "Benjamini-Hochberg"}[correction]
    table["ci_level"] = ci
    table["measure"] = measure
    table["n_boot"] = int(n_boot)
    table["seed"] = seed
    return table


def attention(scores: pd.DataFrame, *, topic: str, by="source", frames=None,
              min_count: int = 1, n_boot: int = 2000, ci: float = 0.95,
              seed: int = 0) -> pd.DataFrame:
    """Attention x framing: how much each group writes about a topic, and how it frames it.

    Parameters
    ----------
    scores : DataFrame
        The scores table.
    topic : str
        A frame of the scores (an article is "about the topic" when it has at least
        ``min_count`` hits of it) or a boolean column of ``scores``.
    by, frames, n_boot, ci, seed
        As in :func:`compare_groups`.
    min_count : int, default=1
        Presence threshold for the topic and for each frame.

    Returns
    -------
    DataFrame
        One row per group x frame: ``group``, ``n_docs``, ``n_topic``, ``share_topic``
        (with ``topic_low``/``topic_high``), ``frame``, ``n_framed`` (topic articles using
        the frame), ``share_framed`` = ``n_framed / n_topic`` (with ``framed_low`` /
        ``framed_high``), ``topic``, ``presence_min``.

    Examples
    --------
    >>> scores = pd.DataFrame({"doc_id": list("aabbccdd"), "frame": ["war", "proxy"] * 4,
    ...                        "source": list("XXXXYYYY"), "count": [1, 1, 1, 0, 0, 0, 2, 0]})
    >>> t = attention(scores, topic="war", n_boot=200)
    >>> t[["group", "n_docs", "n_topic", "share_topic", "frame", "n_framed", "share_framed"]]
      group  n_docs  n_topic  share_topic  frame  n_framed  share_framed
    0     X       2        2          1.0  proxy         1           0.5
    1     Y       2        1          0.5  proxy         0           0.0
    """
    by_cols = _check_args(scores, by, "count", ci, n_boot, seed)
    per_doc = scores.drop_duplicates("doc_id").set_index("doc_id")
    if topic in set(scores["frame"]):
        topic_count = scores[scores["frame"] == topic].set_index("doc_id")["count"]
        about = (topic_count >= min_count).reindex(per_doc.index, fill_value=False)
    elif topic in scores.columns and scores[topic].dropna().isin([True, False]).all():
        about = per_doc[topic].fillna(False).astype(bool)
    else:
        raise InputError(f"topic must be a frame of scores or a boolean column; got "
                         f"{topic!r}.")
    frame_list = [f for f in _frames_of(scores, frames) if f != topic]
    groups = _group_labels(per_doc.reset_index(), by_cols).to_numpy()
    counts = scores.pivot(index="doc_id", columns="frame", values="count").reindex(
        index=per_doc.index, columns=frame_list).fillna(0).to_numpy()
    rows = []
    for group in sorted(set(groups)):
        mask = groups == group
        topic_mask = about.to_numpy()[mask].astype(float)
        t = _summarise(topic_mask[:, None], topic_mask[:, None], n_boot=n_boot, ci=ci,
                       seed=_group_seed(seed, group))
        sub = counts[mask][topic_mask.astype(bool)] >= min_count
        f = _summarise(sub.astype(float), sub.astype(float), n_boot=n_boot, ci=ci,
                       seed=_group_seed(seed + 1, group))
        for j, frame in enumerate(frame_list):
            rows.append((group, int(mask.sum()), int(topic_mask.sum()), t["mean"][0],
                         t["ci_low"][0], t["ci_high"][0], frame, int(sub[:, j].sum()),
                         f["mean"][j] if len(sub) else np.nan,
                         f["ci_low"][j] if len(sub) else np.nan,
                         f["ci_high"][j] if len(sub) else np.nan, topic, int(min_count)))
    cols = ["group", "n_docs", "n_topic", "share_topic", "topic_low", "topic_high", "frame",
            "n_framed", "share_framed", "framed_low", "framed_high", "topic", "presence_min"]
    return pd.DataFrame(rows, columns=cols)


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

    Examples
    --------
    >>> scores = pd.DataFrame({"doc_id": list("abcdef"), "frame": "f", "source": list("XXXYYY"),
    ...                        "count": [2, 1, 3, 0, 0, 1],
    ...                        "rate": [20.0, 10.0, 30.0, 0.0, 0.0, 10.0],
    ...                        "date": pd.to_datetime(["2022-03-01", "2022-03-20",
    ...                                                "2022-04-02"] * 2, utc=True)})
    >>> compare_over_time(scores, n_boot=200)[["group", "period", "n_docs", "mean"]]
      group                    period  n_docs  mean
    0     X 2022-03-01 00:00:00+00:00       2  15.0
    1     X 2022-04-01 00:00:00+00:00       1  30.0
    2     Y 2022-03-01 00:00:00+00:00       2   0.0
    3     Y 2022-04-01 00:00:00+00:00       1  10.0
    """
    if "date" not in scores.columns:
        raise InputError("compare_over_time needs a 'date' column in scores; read the corpus "
                         "with date='<column>'.")
    if freq not in _FREQ:
        raise InputError(f"freq must be one of {', '.join(_FREQ)}; got {freq!r}.")
    undated = scores["date"].isna()
    if undated.any():
        n = scores.loc[undated, "doc_id"].nunique()
        warnings.warn(f"compare_over_time left out {n} article(s) without a date "
                      f"(of {scores['doc_id'].nunique()}).", stacklevel=2)
    dated = scores[~undated]
    periods = dated["date"].dt.tz_convert("UTC").dt.tz_localize(None).dt.to_period(
        _FREQ[freq]).dt.start_time.dt.tz_localize("UTC")
    dated = dated.assign(period=periods)
    by_cols = _by_columns(by)
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



def top_entries(hits: pd.DataFrame, corpus: pd.DataFrame, *, by: str = "source",
                n: int = 5, frames=None) -> pd.DataFrame:
    """The most frequent lexicon entries of each group, per 100 articles.

    Parameters
    ----------
    hits : DataFrame
        The hits table.
    corpus : DataFrame
        The corpus (gives each article's group and each group's number of articles).
    by : str, default="source"
    n : int, default=5
        Entries kept per group.
    frames : list of str, optional
        Only entries of these frames (e.g. leave out the naming markers).

    Returns
    -------
    DataFrame
        One row per group x entry: ``group``, ``rank``, ``entry``, ``frame``, ``count``,
        ``n_docs`` (articles in the group), ``per_100_docs``; sorted by group and rank.

    Examples
    --------
    >>> from framing.detect import find_hits
    >>> from framing.lexicon import parse_lexicon
    >>> lexicon = parse_lexicon("{name: demo, frames: {inv: {terms: "
    ...                         "{en: ['invader*', 'occupier*']}}}}")
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "source": ["X", "X", "Y"], "lang": "en",
    ...     "text": ["The invaders left.", "Invaders and occupiers.", "The occupiers stayed."]})
    >>> top_entries(find_hits(corpus, lexicon), corpus)
      group  rank      entry frame  count  n_docs  per_100_docs
    0     X     1   invader*   inv      2       2         100.0
    1     X     2  occupier*   inv      1       2          50.0
    2     Y     1  occupier*   inv      1       1         100.0
    """
    if by not in corpus.columns:
        raise InputError(f"The 'by' parameter of top_entries must be a column of the corpus; "
                         f"got {by!r}. Available: {', '.join(map(str, corpus.columns))}.")
    group_of = dict(zip(corpus["doc_id"], corpus[by].astype(str)))
    sizes = corpus[by].astype(str).value_counts()
    h = hits if frames is None else hits[hits["frame"].isin(list(frames))]
    h = h.assign(group=h["doc_id"].map(group_of))
    counts = (h.groupby(["group", "entry", "frame"]).size().rename("count").reset_index()
              .sort_values(["group", "count", "entry"], ascending=[True, False, True]))
    counts["rank"] = counts.groupby("group").cumcount() + 1
    counts = counts[counts["rank"] <= n].copy()
    counts["n_docs"] = counts["group"].map(sizes).astype(int)
    counts["per_100_docs"] = counts["count"] * 100 / counts["n_docs"]
    cols = ["group", "rank", "entry", "frame", "count", "n_docs", "per_100_docs"]
    return counts[cols].reset_index(drop=True)
