"""Exact and near-duplicate articles: :func:`flag_duplicates` (re-exported by collect)."""

from __future__ import annotations

import hashlib
import math
from itertools import combinations

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.text import _WORD_RE, normalize

__all__ = ["flag_duplicates", "DUPLICATE_COLUMNS"]

#: Columns added by :func:`flag_duplicates`.
DUPLICATE_COLUMNS = ("duplicate_of", "near_duplicate_of", "near_jaccard")
_ALL_PAIRS_LIMIT = 20_000   # compare every pair directly up to this many pairs


def flag_duplicates(corpus: pd.DataFrame, *, threshold: float = 0.8, shingle: int = 5,
                    method: str = "auto", num_perm: int = 128, seed: int = 0,
                    text: str = "text") -> pd.DataFrame:
    """Flag exact and near-duplicate documents (wire copies, updated versions of a story).

    The rule:

    1. **Exact duplicate.** Two texts are the same after normalization: Unicode NFKC with
       one form of quotes, dashes and spaces, lower case, and only the word tokens kept,
       joined by single spaces (so punctuation, line breaks and typography do not count).
    2. **Near duplicate.** Among the texts left after step 1, two texts whose sets of word
       ``shingle``-grams (5 consecutive normalized words by default) have a Jaccard
       similarity of at least ``threshold``: ``|A & B| / |A | B| >= threshold``. A text
       shorter than ``shingle`` words counts as one shingle.

    Documents are taken in order of ``date`` (when the column exists; undated last), then
    of their row. The first document of a group is the original and keeps empty flags; a
    later one points to the **earliest** earlier document it duplicates. Near duplicates
    point to the earliest earlier text whose similarity to it reaches ``threshold``
    (which may itself be a near duplicate of an even earlier one), and ``near_jaccard``
    gives that similarity. Rows are only flagged, never removed.

    Parameters
    ----------
    corpus : DataFrame
        A corpus table with ``doc_id`` and a text column.
    threshold : float, default=0.8
        The least Jaccard similarity of shingle sets for a near duplicate, in (0, 1].
    shingle : int, default=5
        Words per shingle.
    method : {"auto", "all_pairs", "minhash"}, default="auto"
        How candidate pairs are found; every candidate is then checked with the exact
        Jaccard similarity. ``"all_pairs"`` compares every pair (exact, quadratic);
        ``"minhash"`` compares only pairs that share a band of their MinHash signatures
        (locality-sensitive hashing), which scales to large corpora and finds a pair at
        exactly ``threshold`` with probability >= 99.5% (higher for more similar pairs).
        ``"auto"`` compares all pairs up to 20,000 pairs (about 200 texts), else MinHash.
    num_perm : int, default=128
        Hash functions in each MinHash signature.
    seed : int, default=0
        Seed of the MinHash hash functions (results are reproducible).
    text : str, default="text"
        The text column.

    Returns
    -------
    DataFrame
        A copy of ``corpus`` with ``duplicate_of`` (doc_id of the exact original, else
        None), ``near_duplicate_of`` (doc_id, else None) and ``near_jaccard`` (float, else
        NaN); existing columns of these names are replaced.

    Raises
    ------
    InputError
        A missing ``doc_id`` or text column, ``threshold`` outside (0, 1], ``shingle`` < 1
        or an unknown ``method``.

    Examples
    --------
    >>> import pandas as pd
    >>> wire = "Repair crews restored power to the eastern district early on Thursday."
    >>> corpus = pd.DataFrame({
    ...     "doc_id": ["gazette", "ledger", "ledger-update"],
    ...     "text": [wire, "  REPAIR crews restored power to the eastern district, early "
    ...              "on Thursday!", wire + " Schools reopen on Friday."]})
    >>> flag_duplicates(corpus, threshold=0.5)[list(DUPLICATE_COLUMNS)]
      duplicate_of near_duplicate_of  near_jaccard
    0         None              None           NaN
    1      gazette              None           NaN
    2         None           gazette      0.636364
    """
    _check_args(corpus, threshold, shingle, method, text)
    n = len(corpus)
    out = corpus.copy()
    words = [_words(v) for v in corpus[text].tolist()]
    ids = [str(v) for v in corpus["doc_id"].tolist()]
    order = _order(corpus)
    duplicate_of: list = [None] * n
    first_by_key: dict[bytes, int] = {}
    originals = []
    for i in order:
        if not words[i]:
            continue
        key = hashlib.sha256(" ".join(words[i]).encode("utf-8")).digest()
        if key in first_by_key:
            duplicate_of[i] = ids[first_by_key[key]]
        else:
            first_by_key[key] = i
            originals.append(i)
    near_of: list = [None] * n
    near_j = [math.nan] * n
    shingles = {i: _shingles(words[i], shingle) for i in originals}
    rank = {i: r for r, i in enumerate(originals)}
    if method == "auto":
        method = "all_pairs" if len(originals) * (len(originals) - 1) // 2 <= \
            _ALL_PAIRS_LIMIT else "minhash"
    if method == "all_pairs":
        pairs = combinations(originals, 2)
    else:
        pairs = _minhash_candidates(originals, shingles, threshold, num_perm, seed)
    best: dict[int, tuple[int, float]] = {}
    for a, b in pairs:
        if rank[a] > rank[b]:
            a, b = b, a
        sim = _jaccard(shingles[a], shingles[b])
        if sim >= threshold and (b not in best or rank[a] < rank[best[b][0]]):
            best[b] = (a, sim)
    for b, (a, sim) in best.items():
        near_of[b], near_j[b] = ids[a], sim
    out["duplicate_of"] = pd.Series(duplicate_of, index=out.index, dtype=object)
    out["near_duplicate_of"] = pd.Series(near_of, index=out.index, dtype=object)
    out["near_jaccard"] = pd.Series(near_j, index=out.index, dtype="float64")
    return out


def _check_args(corpus, threshold, shingle, method, text) -> None:
    for col in ("doc_id", text):
        if col not in corpus.columns:
            raise InputError(f"flag_duplicates needs a {col!r} column; columns found: "
                             f"{', '.join(map(str, corpus.columns)) or '(none)'}")
    if not (isinstance(threshold, (int, float)) and 0 < threshold <= 1):
        raise InputError(f"threshold must be a number in (0, 1]; got {threshold!r}")
    if not (isinstance(shingle, int) and shingle >= 1):
        raise InputError(f"shingle must be a whole number >= 1; got {shingle!r}")
    if method not in ("auto", "all_pairs", "minhash"):
        raise InputError(f"method must be 'auto', 'all_pairs' or 'minhash'; got {method!r}")


def _words(value) -> list[str]:
    if not isinstance(value, str):
        return []
    return _WORD_RE.findall(normalize(value, casefold=True).text)


def _order(corpus: pd.DataFrame) -> list[int]:
    rows = list(range(len(corpus)))
    if "date" not in corpus.columns:
        return rows
    dates = pd.to_datetime(corpus["date"], utc=True, errors="coerce", format="mixed")
    stamps = [None if pd.isna(d) else d.value for d in dates]
    return sorted(rows, key=lambda i: (stamps[i] is None, stamps[i] or 0, i))


def _shingles(words: list[str], k: int) -> frozenset[int]:
    grams = [" ".join(words[j:j + k]) for j in range(max(1, len(words) - k + 1))]
    return frozenset(int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8)
                                    .digest(), "little") for g in grams)


def _jaccard(a: frozenset, b: frozenset) -> float:
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter) if inter else 0.0


def _mix(z: np.ndarray) -> np.ndarray:
    """The splitmix64 finalizer: a fast, well-spread 64-bit hash of 64-bit integers."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _bands(threshold: float, num_perm: int) -> int:
    """Rows per band: the most that still finds a pair at ``threshold`` with p >= 0.995."""
    rows = 1
    for r in range(1, num_perm + 1):
        bands = num_perm // r
        if 1 - (1 - threshold ** r) ** bands >= 0.995:
            rows = r
    return rows


def _minhash_candidates(docs, shingles, threshold, num_perm, seed):
    rng = np.random.default_rng(seed)
    masks = rng.integers(0, np.iinfo(np.uint64).max, size=num_perm, dtype=np.uint64,
                         endpoint=True)
    rows = _bands(threshold, num_perm)
    n_bands = num_perm // rows
    buckets: dict[tuple[int, bytes], list[int]] = {}
    with np.errstate(over="ignore"):
        for i in docs:
            values = np.fromiter(shingles[i], dtype=np.uint64, count=len(shingles[i]))
            signature = _mix(values[None, :] ^ masks[:, None]).min(axis=1)
            for band in range(n_bands):
                key = (band, signature[band * rows:(band + 1) * rows].tobytes())
                buckets.setdefault(key, []).append(i)
    seen = set()
    for members in buckets.values():
        for pair in combinations(members, 2):
            if pair not in seen:
                seen.add(pair)
                yield pair
