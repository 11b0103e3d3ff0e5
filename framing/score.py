"""Scoring: hits -> one row per document x frame, with counts, weights and rates.

Every document of the corpus gets a row for every frame of the lexicon, also when it has
no hits (zero rows matter: they are most of the data, and leaving them out would inflate
every mean).
"""

from __future__ import annotations

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
        ``n_tokens``, ``lexicon``, ``lexicon_version``, then ``source``, ``date``,
        ``lang``, ``title`` when the corpus has them. Documents in corpus order, frames in
        lexicon order.

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
    tokens = _token_counts(corpus, n_tokens)
    docs = corpus["doc_id"].tolist()
    index = pd.MultiIndex.from_product([docs, frames], names=["doc_id", "frame"])
    weight = hits["weight"] if "weight" in hits.columns else pd.Series(1.0, index=hits.index)
    agg = (hits.assign(_w=weight).groupby(["doc_id", "frame"], sort=False)
           .agg(count=("_w", "size"), weight=("_w", "sum")))
    scores = agg.reindex(index, fill_value=0).reset_index()
    scores["count"] = scores["count"].astype("int64")
    scores["weight"] = scores["weight"].astype("float64")
    scores["n_tokens"] = np.repeat(tokens.to_numpy(), len(frames)).astype("int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = scores["count"].to_numpy() * per / scores["n_tokens"].to_numpy()
    scores["rate"] = np.where(scores["n_tokens"].to_numpy() > 0, rate, 0.0)
    scores["lexicon"] = lex_name
    scores["lexicon_version"] = lex_version
    meta = [c for c in SCORES_METADATA if c in corpus.columns]
    for col in meta:
        scores[col] = np.repeat(corpus[col].to_numpy(), len(frames))
    scores = scores[list(SCORES_COLUMNS) + meta]
    scores.attrs.update({"frames": list(frames), "labels": labels, "per": per,
                         "filters": {"voice": voice, "negated": negated}})
    return scores


def score_corpus(corpus, lexicon, *, voice=None, negated=None, per: int = 1000,
                 progress: bool | None = None, n_jobs: int = 1) -> pd.DataFrame:
    """Find hits and score them in one pass (see :func:`score_documents`).

    ``n_jobs`` worker processes find the hits (``-1``: every core); the scores are the
    same as with one. Sentence numbers, which scores never use, are not computed unless a
    context filter (``voice=``, ``negated=``) asks for the context of each hit.

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
    from framing.corpus import read_corpus
    from framing.detect import _find_hits, _n_workers, compile_lexicon

    sentences = _detection_mode(check_filters(voice, negated, "score_corpus"))
    if not isinstance(corpus, pd.DataFrame):
        corpus = read_corpus(corpus)
    compiled = compile_lexicon(lexicon)
    if _n_workers(n_jobs) > 1 and len(corpus) > 1:
        check_columns(corpus, ("doc_id", "text"), table="corpus", param="corpus")
        return _score_in_pieces(corpus, compiled, sentences, {"voice": voice,
                                                              "negated": negated},
                                per, progress, n_jobs)
    hits, tokens = _find_hits(corpus, compiled, n_tokens=True, progress=progress,
                              n_jobs=n_jobs, sentences=sentences)
    return score_documents(hits, corpus, lexicon=compiled.lexicon, n_tokens=tokens,
                           voice=voice, negated=negated, per=per)


def _score_in_pieces(corpus: pd.DataFrame, compiled, sentences, filters: dict, per: int,
                     progress, n_jobs) -> pd.DataFrame:
    """:func:`score_corpus` with worker processes that find and score pieces of the corpus
    (scores of a document depend on its hits only): this process only joins the tables."""
    from collections import Counter

    from framing.detect import _in_pieces, _progress_bar, _warn_languages

    bar = _progress_bar(len(corpus), progress, "scoring")
    parts, missing = [], Counter()
    try:
        for scores, n, languages in _in_pieces(
                corpus, compiled, n_jobs, _score_frame, sentences, per, filters,
                columns=("doc_id", "text", "lang", *SCORES_METADATA)):
            parts.append(scores)
            missing.update(languages)
            if bar is not None:
                bar.update(n)
    finally:
        if bar is not None:
            bar.close()
    _warn_languages(missing, compiled, stacklevel=3)
    scores = pd.concat(parts, ignore_index=True)
    scores.attrs = dict(parts[0].attrs)
    return scores


def _score_frame(compiled, corpus: pd.DataFrame, sentences, per: int, filters: dict):
    """Scores, documents and uncovered languages of a piece of a corpus (in a worker)."""
    from framing.detect import _detect_frame

    hits, counts, missing = _detect_frame(compiled, corpus, None, sentences)
    tokens = pd.Series(counts, index=corpus["doc_id"].tolist(), name="n_tokens", dtype="int64")
    scores = score_documents(hits, corpus, lexicon=compiled.lexicon, n_tokens=tokens, per=per,
                             **filters)
    return scores, len(corpus), missing


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
