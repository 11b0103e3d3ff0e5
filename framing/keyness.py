"""Keyness: which words (or frames) distinguish one group of articles from another.

The statistic is the log-odds ratio with an informative Dirichlet prior and its z-score,
as introduced by Monroe, Colaresi & Quinn (2008, "Fightin' Words", *Political Analysis*
16(4), eq. 16-22). For a word ``w`` with counts ``y_a`` and ``y_b`` in groups *a* and *b*
(totals ``n_a`` and ``n_b``) and a prior ``alpha_w`` (summing to ``alpha_0``)::

    delta_w = log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w))
            - log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w))
    var_w  ~= 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)
    z_w     = delta_w / sqrt(var_w)

The informative prior is the word's share of the whole corpus (both groups, or a
background corpus) times ``alpha_0``; ``alpha_0`` defaults to 1,000 pseudo-counts, which
shrinks rare words strongly towards zero and barely moves frequent ones. Both are stated in
the result (``prior`` and ``alpha_0`` columns).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.text import fold, normalize, stopwords, word_spans

__all__ = ["keyness", "log_odds_dirichlet", "term_counts", "stopwords"]


def term_counts(texts, *, langs=None, drop_stopwords: bool = True,
                min_length: int = 2) -> Counter:
    """Folded word counts over texts (stopwords of each text's language removed).

    Words shorter than ``min_length`` characters and numbers are left out.

    Examples
    --------
    >>> term_counts(["The proxy war, the proxy war in 2022.", "Der Stellvertreterkrieg."],
    ...             langs=["en", "de"])
    Counter({'proxy': 2, 'war': 2, 'stellvertreterkrieg': 1})
    """
    counts: Counter = Counter()
    langs = langs if langs is not None else [None] * len(texts)
    for text, lang in zip(texts, langs):
        stop = stopwords(lang) if (drop_stopwords and lang) else frozenset()
        ntext = normalize(text).text
        for a, b in word_spans(ntext):
            w = fold(ntext[a:b])
            if len(w) >= min_length and w not in stop and not w.isdigit():
                counts[w] += 1
    return counts


def log_odds_dirichlet(counts_a, counts_b, *, prior=None, alpha_0: float = 1000.0):
    """Log-odds ratios with an informative Dirichlet prior (Monroe et al. 2008).

    Parameters
    ----------
    counts_a, counts_b : array-like of shape (n_terms,)
        Counts of each term in group a and group b.
    prior : array-like of shape (n_terms,), optional
        Background counts of each term; default ``counts_a + counts_b``. Scaled so that
        the pseudo-counts sum to ``alpha_0``.
    alpha_0 : float, default=1000
        Total pseudo-count of the prior.

    Returns
    -------
    (delta, z) : two arrays
        Log-odds ratio (positive: more typical of group a) and its z-score.

    Examples
    --------
    >>> delta, z = log_odds_dirichlet([10, 0], [0, 10], alpha_0=2)
    >>> [round(float(v), 3) for v in delta], [round(float(v), 3) for v in z]
    ([4.796, -4.796], [4.592, -4.592])
    """
    a = np.asarray(counts_a, dtype=float)
    b = np.asarray(counts_b, dtype=float)
    background = a + b if prior is None else np.asarray(prior, dtype=float)
    if background.sum() <= 0:
        raise InputError("the prior has no counts: every term is zero in both groups.")
    alpha = alpha_0 * background / background.sum()
    alpha = np.where(alpha > 0, alpha, 1e-9)
    n_a, n_b = a.sum(), b.sum()
    delta = (np.log((a + alpha) / (n_a + alpha_0 - a - alpha))
             - np.log((b + alpha) / (n_b + alpha_0 - b - alpha)))
    z = delta / np.sqrt(1.0 / (a + alpha) + 1.0 / (b + alpha))
    return delta, z


def keyness(corpus: pd.DataFrame, *, by: str = "source", target, reference=None,
            hits: pd.DataFrame | None = None, unit: str = "term", alpha_0: float = 1000.0,
            min_count: int = 5, drop_stopwords: bool = True, lexicon=None) -> pd.DataFrame:
    """Terms (or frames) that distinguish a target group from a reference group.

    Parameters
    ----------
    corpus : DataFrame
        The corpus table.
    by : str, default="source"
        The grouping column.
    target : str, number or list of them
        The group(s) of interest (group *a*); compared as text, as the ``by`` column is
        (``target=2024`` with a column of years).
    reference : str, number or list of them, optional
        The group(s) to compare with (group *b*); default: every other group ("the rest").
    hits : DataFrame, optional
        With ``unit="frame"`` or ``unit="entry"``: the hits table to count (found with
        ``lexicon`` when not given).
    unit : {"term", "frame", "entry"}, default="term"
        Count folded words of the texts, lexicon frames, or lexicon entries.
    alpha_0 : float, default=1000
        Total pseudo-count of the informative Dirichlet prior (the corpus of both groups).
    min_count : int, default=5
        Leave out of the result the terms seen fewer times than this in both groups
        together. It only filters rows: the prior and the totals use every counted term,
        so a term's ``z`` does not change with ``min_count``.
    drop_stopwords : bool, default=True
        With ``unit="term"``, drop this project's stopwords of each article's language.
    lexicon : Lexicon or str, optional
        For ``unit="frame"``/``"entry"`` when ``hits`` is not given; also adds a ``frame``
        column to ``unit="entry"`` results.

    Returns
    -------
    DataFrame
        One row per term, sorted by ``z`` (most typical of the target first): ``term``,
        ``count_a``, ``count_b``, ``rate_a``/``rate_b`` (per 1,000 counted units),
        ``log_odds``, ``z``, ``frame`` (for entries), and the settings ``group_a``,
        ``group_b``, ``prior`` ("corpus of both groups"), ``alpha_0``.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": list("abcd"), "source": list("XXYY"),
    ...     "lang": "en", "text": ["regime regime regime war", "regime war",
    ...                            "invasion war", "invasion invasion war"]})
    >>> k = keyness(corpus, target="X", min_count=1)
    >>> print(k[["term", "count_a", "count_b"]].to_string(index=False))
        term  count_a  count_b
      regime        4        0
         war        2        2
    invasion        0        3
    """
    if by not in corpus.columns:
        raise InputError(f"The 'by' parameter of keyness must be a column of the corpus; got "
                         f"{by!r}. Available: {', '.join(map(str, corpus.columns))}.")
    if unit not in ("term", "frame", "entry"):
        raise InputError(f"unit must be 'term', 'frame' or 'entry'; got {unit!r}.")
    groups = corpus[by].astype(str)
    present = sorted(set(groups))
    if not present:
        raise InputError("the corpus is empty: no groups to compare.")
    targets = _group_list(target)
    unknown = [t for t in targets if t not in present]
    if unknown:
        raise InputError(f"target group(s) {', '.join(map(repr, unknown))} not in column "
                         f"{by!r}; groups: {', '.join(present)}.")
    in_a = groups.isin(targets)
    if reference is None:
        in_b = ~in_a
        ref_label = "rest"
    else:
        refs = _group_list(reference)
        unknown = [r for r in refs if r not in present]
        if unknown:
            raise InputError(f"reference group(s) {', '.join(map(repr, unknown))} not in "
                             f"column {by!r}; groups: {', '.join(present)}.")
        both = [r for r in refs if r in targets]
        if both:
            raise InputError(f"group(s) {', '.join(map(repr, both))} are both target and "
                             "reference: a group cannot be compared with itself.")
        in_b = groups.isin(refs)
        ref_label = ", ".join(refs)
    if not in_b.any():
        raise InputError(f"the reference group is empty: every article is in the target "
                         f"({', '.join(targets)}); nothing to compare it with. Groups: "
                         f"{', '.join(present)}.")
    a_counts, b_counts, frames = _counts(corpus, in_a, in_b, unit, hits, lexicon,
                                         drop_stopwords)
    terms = sorted(set(a_counts) | set(b_counts))
    ya = np.array([a_counts.get(t, 0) for t in terms], dtype=float)
    yb = np.array([b_counts.get(t, 0) for t in terms], dtype=float)
    cols = ["term", "count_a", "count_b", "rate_a", "rate_b", "log_odds", "z", "frame",
            "group_a", "group_b", "prior", "alpha_0"]
    if not terms:
        return pd.DataFrame(columns=cols)
    # the statistic uses every term's counts (the full totals); min_count only filters rows
    delta, z = log_odds_dirichlet(ya, yb, alpha_0=alpha_0)
    keep = (ya + yb) >= min_count
    terms = [t for t, k in zip(terms, keep) if k]
    ya, yb, delta, z = ya[keep], yb[keep], delta[keep], z[keep]
    if not terms:
        return pd.DataFrame(columns=cols)
    na, nb = max(sum(a_counts.values()), 1), max(sum(b_counts.values()), 1)
    out = pd.DataFrame({
        "term": terms, "count_a": ya.astype(int), "count_b": yb.astype(int),
        "rate_a": ya * 1000 / na, "rate_b": yb * 1000 / nb, "log_odds": delta, "z": z,
        "frame": [frames.get(t, "") for t in terms],
        "group_a": ", ".join(targets), "group_b": ref_label,
        "prior": "corpus of both groups", "alpha_0": float(alpha_0)})
    out = out.sort_values(["z", "term"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


def _group_list(value) -> list[str]:
    """Group names as the strings the grouping column is compared as (``2024`` -> "2024")."""
    values = [value] if isinstance(value, str) or not pd.api.types.is_list_like(value) \
        else list(value)
    return [str(v) for v in values]


def _counts(corpus, in_a, in_b, unit, hits, lexicon, drop_stopwords):
    if unit == "term":
        langs = corpus["lang"].tolist() if "lang" in corpus.columns else None
        texts = corpus["text"].tolist()

        def pick(mask):
            idx = np.flatnonzero(mask.to_numpy())
            return term_counts([texts[i] for i in idx],
                               langs=None if langs is None else [langs[i] for i in idx],
                               drop_stopwords=drop_stopwords)
        return pick(in_a), pick(in_b), {}
    if hits is None:
        if lexicon is None:
            raise InputError(f"unit={unit!r} needs hits= or lexicon=.")
        from framing.detect import find_hits

        hits = find_hits(corpus, lexicon, progress=False)
    ids_a = set(corpus.loc[in_a.to_numpy(), "doc_id"])
    ids_b = set(corpus.loc[in_b.to_numpy(), "doc_id"])
    key = "frame" if unit == "frame" else "entry"
    frames = dict(zip(hits["entry"], hits["frame"])) if unit == "entry" else {}
    a = Counter(hits.loc[hits["doc_id"].isin(ids_a), key])
    b = Counter(hits.loc[hits["doc_id"].isin(ids_b), key])
    return a, b, frames
