"""Scoring: hits -> one row per document x frame, with counts, weights and rates.

Every document of the corpus gets a row for every frame of the lexicon, also when it has
no hits (zero rows matter: they are most of the data, and leaving them out would inflate
every mean).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.schema import SCORES_COLUMNS, SCORES_METADATA, check_columns
from framing.text import normalize, word_spans

__all__ = ["score_documents", "score_corpus", "count_tokens", "filter_hits", "check_filters"]


def count_tokens(corpus: pd.DataFrame) -> pd.Series:
    """Word tokens per document (the denominator of every rate), indexed by ``doc_id``.

    Tokens are counted as :func:`framing.detect.find_hits` sees them: runs of letters and
    digits after normalization.

    Examples
    --------
    >>> import pandas as pd
    >>> count_tokens(pd.DataFrame({"doc_id": ["a"], "text": ["NATO's US-led bloc."]}))
    a    4
    Name: n_tokens, dtype: int64
    """
    counts = [len(word_spans(normalize(t).text)) for t in corpus["text"].tolist()]
    return pd.Series(counts, index=corpus["doc_id"].tolist(), name="n_tokens", dtype="int64")


def check_per(per) -> None:
    """``per`` (rates are hits per ``per`` word tokens) must be a positive number."""
    import numbers

    if not isinstance(per, numbers.Real) or isinstance(per, bool) or not per > 0:
        raise InputError(f"per must be a positive number (rates are hits per `per` tokens); "
                         f"got {per!r}.")


def check_filters(voice, negated, caller: str = "score_documents") -> dict:
    """The context filters ``voice=`` and ``negated=``, checked: ``{}`` when there are none.

    Parameters
    ----------
    voice : str, list of str or None
        ``author``, ``quote``, ``scare_quote``, or a list of them.
    negated : bool or None
    caller : str
        The function named in the error message.

    Returns
    -------
    dict
        ``{"voice": [...], "negated": bool}``, with only the filters given.

    Raises
    ------
    InputError
        If a voice is not one of the three, or ``negated`` is not a bool.

    Examples
    --------
    >>> check_filters("author", False)
    {'voice': ['author'], 'negated': False}
    >>> check_filters(None, None)
    {}
    """
    from framing.context import VOICES as voices

    filters = {}
    if voice is not None:
        given = [voice] if isinstance(voice, str) else list(voice) \
            if isinstance(voice, (list, tuple, set)) else [voice]
        if not given or any(v not in voices for v in given):
            raise InputError(f"The 'voice' parameter of {caller} must be one of "
                             f"{', '.join(voices)} (or a list of them); got {voice!r}.")
        filters["voice"] = sorted(given)
    if negated is not None:
        if not isinstance(negated, bool):
            raise InputError(f"The 'negated' parameter of {caller} must be True, False "
                             f"or None; got {negated!r}.")
        filters["negated"] = negated
    return filters


def _detection_mode(filters: dict):
    """What detection must read for these (checked) filters: the context settings when a
    filter needs each hit's context, else ``False`` (no sentences, no context)."""
    if not filters:
        return False
    from framing.context import context_settings

    return context_settings()


def filter_hits(hits: pd.DataFrame, **where) -> pd.DataFrame:
    """Keep the hits whose columns equal the given values (``voice="author"``).

    A value may be a single value or a list of allowed values; ``None`` means no filter.

    Examples
    --------
    >>> import pandas as pd
    >>> hits = pd.DataFrame({"doc_id": ["a", "a", "b"], "frame": ["f", "f", "f"],
    ...                      "voice": ["author", "quote", "author"]})
    >>> filter_hits(hits, voice="author")["doc_id"].tolist()
    ['a', 'b']
    >>> len(filter_hits(hits, voice=["author", "quote"], negated=None))
    3
    """
    keep = pd.Series(True, index=hits.index)
    for col, value in where.items():
        if value is None:
            continue
        if col not in hits.columns:
            raise InputError(
                f"cannot filter hits by {col}=: the hits table has no {col!r} column "
                f"(context columns come from framing.context); available: "
                f"{', '.join(hits.columns)}.")
        allowed = value if isinstance(value, (list, tuple, set)) else [value]
        keep &= hits[col].isin(list(allowed))
    return hits[keep]


def score_documents(hits: pd.DataFrame, corpus: pd.DataFrame, *, lexicon=None,
                    n_tokens: pd.Series | None = None, voice=None, negated=None,
                    per: int = 1000) -> pd.DataFrame:
    """Turn hits into document x frame scores.

    Parameters
    ----------
    hits : DataFrame
        The hits table from :func:`framing.find_hits`.
    corpus : DataFrame
        The corpus the hits came from (``doc_id``, ``text`` and metadata).
    lexicon : Lexicon or str, optional
        Gives the full list of frames (frames with no hit anywhere still get zero rows).
        By default the frames recorded by ``find_hits`` on the hits table.
    n_tokens : Series, optional
        Tokens per document (indexed by ``doc_id``); by default the corpus's ``n_tokens``
        column, or counted with :func:`count_tokens`.
    voice, negated : optional
        Count only hits with these context values (e.g. ``voice="author"``,
        ``negated=False``); needs the context columns.
    per : int, default=1000
        The rate is hits per ``per`` word tokens.

    Returns
    -------
    DataFrame
        The scores table: ``doc_id``, ``frame``, ``count``, ``weight`` (sum of entry
        weights), ``rate`` (``count`` per ``per`` tokens; 0 for an empty document),
        ``n_tokens``, ``lexicon``, ``lexicon_version``, then every other column of the
        corpus but its text: ``source``, ``date``, ``lang``, ``title``, ``url`` (those
        present), then the rest in corpus order (a column named like one of the scores
        table's own, e.g. ``count``, as ``count_original``), so that scores can be
        grouped by any of them. Documents in corpus order, frames in lexicon order.

    Examples
    --------
    >>> import pandas as pd, framing as fr
    >>> lexicon = fr.parse_lexicon('''
    ... name: demo
    ... frames:
    ...   proxy_war: {terms: {en: ["proxy war*"]}}
    ...   bloc: {terms: {en: ["US-led bloc*"]}}
    ... ''')
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "lang": ["en", "en"], "text": [
    ...     "A proxy war, and another proxy war.", "No loaded words."]})
    >>> hits = fr.find_hits(corpus, lexicon)
    >>> score_documents(hits, corpus)[["doc_id", "frame", "count", "n_tokens", "rate"]]
      doc_id      frame  count  n_tokens        rate
    0      a  proxy_war      2         7  285.714286
    1      a       bloc      0         7    0.000000
    2      b  proxy_war      0         3    0.000000
    3      b       bloc      0         3    0.000000
    """
    check_per(per)
    check_filters(voice, negated, "score_documents")
    check_columns(hits, ("doc_id", "frame"), table="hits", param="hits")
    check_columns(corpus, ("doc_id", "text"), table="corpus", param="corpus")
    frames, labels, lex_name, lex_version = _frames(hits, lexicon)
    hits = filter_hits(hits, voice=voice, negated=negated)
    unknown = sorted(set(hits["doc_id"]) - set(corpus["doc_id"]))
    if unknown:
        raise InputError(f"{len(unknown)} doc_id(s) in hits are not in the corpus (first: "
                         f"{', '.join(map(repr, unknown[:5]))}); score hits with the corpus "
                         "they were found in.")
    tokens = _token_counts(corpus, n_tokens).to_numpy()
    count, weight = _hit_matrices(hits, corpus["doc_id"], frames)
    return _scores_table(corpus, count, weight, tokens, frames, labels, lex_name,
                         lex_version, per, {"voice": voice, "negated": negated})


def _hit_matrices(hits: pd.DataFrame, doc_ids: pd.Series, frames: list):
    """``(count, weight)`` of a hits table: one row per document of ``doc_ids`` (in that
    order) and one column per frame, the hits and the sum of their weights (added in the
    order of the table). Hits of frames not in ``frames`` are left out."""
    width = len(frames)
    codes, docs = pd.factorize(doc_ids.to_numpy())    # documents sharing an id share counts
    rows = pd.Index(docs).get_indexer(hits["doc_id"].to_numpy())
    cols = pd.Index(frames).get_indexer(hits["frame"].to_numpy())
    keep = (rows >= 0) & (cols >= 0)
    cells = rows[keep].astype(np.int64) * width + cols[keep]
    weights = (hits["weight"].to_numpy(dtype="float64")[keep] if "weight" in hits.columns
               else np.ones(len(cells)))
    size = len(docs) * width
    count = np.bincount(cells, minlength=size).astype(np.int64).reshape(len(docs), width)
    weight = np.bincount(cells, weights=weights, minlength=size).reshape(len(docs), width)
    if len(docs) < len(doc_ids):
        return count[codes], weight[codes]
    return count, weight


def _scores_table(corpus: pd.DataFrame, count: np.ndarray, weight: np.ndarray,
                  tokens: np.ndarray, frames: list, labels: dict, lex_name: str,
                  lex_version: str, per: int, filters: dict) -> pd.DataFrame:
    """The scores table (see :func:`score_documents`) of the documents of ``corpus``, from
    their hits per frame (``count``, ``weight``: one row per document, one column per
    frame) and their word tokens."""
    n, width = len(corpus), len(frames)
    tokens = np.asarray(tokens, dtype=np.int64)
    counts = count.reshape(-1)
    n_tokens = np.repeat(tokens, width)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n_tokens > 0, counts * per / n_tokens, 0.0)
    each = np.repeat(np.arange(n), width)                  # row -> document
    values = {"doc_id": _repeat(corpus["doc_id"], each),
              "frame": _repeat(pd.Series(frames, dtype="str"), np.tile(np.arange(width), n)),
              "count": counts.astype(np.int64), "weight": weight.reshape(-1).astype(np.float64),
              "rate": rate, "n_tokens": n_tokens,
              "lexicon": lex_name, "lexicon_version": lex_version}
    columns = {col: values[col] for col in SCORES_COLUMNS}
    for col, name in _carried_columns(corpus.columns):
        columns[name] = _repeat(corpus[col], each)
    scores = pd.DataFrame(columns)
    scores.attrs.update({"frames": list(frames), "labels": labels, "per": per,
                         "filters": {"voice": filters.get("voice"),
                                     "negated": filters.get("negated")}})
    return scores


#: Columns carried from the corpus in this order, before the corpus's other columns.
_CARRIED_FIRST = (*SCORES_METADATA, "url")


def _carried_columns(columns) -> list[tuple]:
    """``(corpus column, scores column)`` of every corpus column the scores table keeps:
    each but ``doc_id`` and ``text``, ``source``, ``date``, ``lang``, ``title`` and
    ``url`` first, then the others in corpus order. A column whose name the scores table
    already uses (``frame``, ``count``, ...) is kept as ``<name>_original``, as
    :func:`framing.read_corpus` keeps a column whose name a mapped column takes."""
    columns = list(columns)
    ordered = [c for c in _CARRIED_FIRST if c in columns]
    ordered += [c for c in columns if c not in ordered and c not in ("doc_id", "text")]
    taken = set(SCORES_COLUMNS) | {str(c) for c in ordered}
    out = []
    for col in ordered:
        name = str(col)
        if name in SCORES_COLUMNS:
            while name in taken:
                name += "_original"
            taken.add(name)
        out.append((col, name))
    return out


def _metadata_order(names) -> list[str]:
    """The columns of a scores table (``names``) in the order of :func:`score_documents`:
    its own columns, then the carried ones (see :func:`_carried_columns`)."""
    names = list(names)
    order = [c for c in (*SCORES_COLUMNS, *_CARRIED_FIRST) if c in names]
    return order + [c for c in names if c not in order]


def score_corpus(corpus, lexicon, *, voice=None, negated=None, per: int = 1000,
                 progress: bool | None = None, n_jobs: int = 1) -> pd.DataFrame:
    """Find hits and score them in one pass (see :func:`score_documents`).

    ``n_jobs`` worker processes find the hits (``-1``: every core, ``-2``: every core but
    one, as in :func:`framing.find_hits`); the scores are the same as with one. A corpus
    table not read by :func:`framing.read_corpus` is checked first: every ``doc_id``
    unique, every text a str (a :class:`~framing.errors.CorpusError` lists the rows).
    Sentence numbers, which scores never use, are not computed unless a context filter
    (``voice=``, ``negated=``) asks for the context of each hit.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.lexicon import parse_lexicon
    >>> lexicon = parse_lexicon("{name: demo, frames: {proxy_war: {terms: {en: ['proxy war*']}}}}")
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "lang": "en",
    ...                        "text": ["A proxy war, they said.", "Talks resumed."]})
    >>> score_corpus(corpus, lexicon)[["doc_id", "frame", "count", "n_tokens", "rate"]]
      doc_id      frame  count  n_tokens   rate
    0      a  proxy_war      1         5  200.0
    1      b  proxy_war      0         2    0.0
    """
    check_per(per)
    from framing.corpus import _check_corpus_table, read_corpus
    from framing.detect import (
        _check_corpus_arg,
        _check_lexicon,
        _in_pieces,
        _n_workers,
        _progress_bar,
        _warn_languages,
        compile_lexicon,
    )

    filters = check_filters(voice, negated, "score_corpus")
    _check_corpus_arg(corpus)
    _check_lexicon(lexicon)
    _n_workers(n_jobs)
    if not isinstance(corpus, pd.DataFrame):
        corpus = read_corpus(corpus)
    else:
        check_columns(corpus, ("doc_id", "text"), table="corpus", param="corpus")
        _check_corpus_table(corpus)
    compiled = compile_lexicon(lexicon)
    bar = _progress_bar(len(corpus), progress, "scoring")
    tallies, missing = [], Counter()
    try:
        for tally in _in_pieces(corpus, compiled, n_jobs, _tally_piece, _detection_mode(filters),
                                filters):
            tallies.append(tally)
            if bar is not None:
                bar.update(len(tally[2]))
    finally:
        if bar is not None:
            bar.close()
    scores = _score_tallies(corpus, compiled, tallies, per,
                            {"voice": voice, "negated": negated}, missing)
    _warn_languages(missing, compiled, stacklevel=2)
    return scores


def _tally_piece(compiled, corpus: pd.DataFrame, sentences, filters: dict):
    """``(count, weight, tokens, missing)`` of a piece of a corpus (see
    :func:`framing.detect._tally_frame`): one row per document of the piece, in order.

    Without filters no hits table is built; with them, the hits (with their context) are
    found, filtered and counted per document position."""
    from framing.detect import _detect_frame, _tally_frame

    if not filters:
        return _tally_frame(compiled, corpus)
    at = pd.Series(np.arange(len(corpus)))          # positions, so that shared ids stay apart
    hits, counts, missing = _detect_frame(compiled, corpus.assign(doc_id=at.to_numpy()),
                                          None, sentences)
    count, weight = _hit_matrices(filter_hits(hits, **filters), at,
                                  list(compiled.lexicon.frames))
    return count, weight, np.array(counts, dtype=np.int64), missing


def _score_tallies(corpus: pd.DataFrame, compiled, tallies: list, per: int, filters: dict,
                   missing: Counter) -> pd.DataFrame:
    """The scores table of a corpus from the tallies of its pieces (in order); the
    documents per uncovered language are added to ``missing``. ``filters`` (as the caller
    gave them) are recorded in the table's ``attrs``."""
    lex = compiled.lexicon
    frames = list(lex.frames)
    for tally in tallies:
        missing.update(tally[3])
    if tallies:
        count, weight, tokens = (np.concatenate([t[k] for t in tallies]) for k in range(3))
    else:
        count, weight = np.zeros((0, len(frames)), np.int64), np.zeros((0, len(frames)))
        tokens = np.zeros(0, np.int64)
    codes, ids = pd.factorize(corpus["doc_id"].to_numpy())
    if len(ids) < len(corpus):          # documents sharing an id share their counts
        count = _sum_rows(count, codes, len(ids))[codes]
        weight = _sum_rows(weight, codes, len(ids))[codes]
    return _scores_table(corpus, count, weight, tokens, frames, lex.labels, lex.name,
                         lex.version_id, per, filters)


def _repeat(column: pd.Series, rows: np.ndarray):
    """The values of ``column`` at positions ``rows``, as a DataFrame column: taken as
    they are for pandas' default string dtype and for dates with a time zone (no Python
    object per row), else as a NumPy array whose dtype pandas infers."""
    dtype = column.dtype
    if (isinstance(dtype, pd.StringDtype) and dtype.na_value is not pd.NA) or isinstance(
            dtype, pd.DatetimeTZDtype):
        return column.array.take(rows)
    return column.to_numpy()[rows]


def _sum_rows(matrix: np.ndarray, codes: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros((n, matrix.shape[1]), dtype=matrix.dtype)
    np.add.at(out, codes, matrix)
    return out


def _frames(hits: pd.DataFrame, lexicon):
    if lexicon is not None:
        from framing.lexicon import read_lexicon

        lex = read_lexicon(lexicon)
        return list(lex.frames), lex.labels, lex.name, lex.version_id
    frames = hits.attrs.get("frames") or list(dict.fromkeys(hits["frame"]))
    labels = hits.attrs.get("labels") or {f: f for f in frames}
    name = hits.attrs.get("lexicon") or (hits["lexicon"].iloc[0] if len(hits) else "")
    version = hits.attrs.get("lexicon_version") or (
        hits["lexicon_version"].iloc[0] if len(hits) else "")
    return frames, labels, name, version


def _token_counts(corpus: pd.DataFrame, n_tokens) -> pd.Series:
    if n_tokens is None and "n_tokens" in corpus.columns:
        n_tokens = pd.Series(corpus["n_tokens"].to_numpy(), index=corpus["doc_id"].tolist())
    if n_tokens is None:
        return count_tokens(corpus)
    missing = [d for d in corpus["doc_id"] if d not in n_tokens.index]
    if missing:
        raise InputError(f"n_tokens has no count for {len(missing)} document(s) "
                         f"(first: {missing[0]!r}).")
    return n_tokens.reindex(corpus["doc_id"].tolist())
