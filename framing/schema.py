"""The tables passed between the stages of `framing`, with their columns.

Each stage takes and returns a pandas DataFrame in long ("tidy") form. The column lists
here are the contract; tests check every stage against them, and an empty result keeps all
its columns.

corpus (one row per article)
    ``doc_id`` (str, unique), ``text`` (str), ``source`` (str), ``date`` (datetime64[ns, UTC]),
    ``lang`` (ISO 639-1 code), ``title``, ``url``; any other user columns are kept.
hits (one row per match; sorted by ``doc_id``, ``start``, ``frame``)
    ``doc_id``; ``frame``; ``entry`` (the lexicon pattern that matched); ``match`` (the
    surface text, so ``text[start:end] == match`` in the ORIGINAL text); ``start``, ``end``
    (character offsets); ``token_start``, ``token_end`` (word-token positions, end
    exclusive); ``sentence`` (0-based sentence number in the document); ``lang``;
    ``weight`` (the entry's weight); ``normalized`` (found only after normalization beyond
    typography: soft hyphens, zero-width or full-width characters, mixed-script look-alikes);
    ``lexicon`` and ``lexicon_version`` (name, and
    declared version plus content hash, of the lexicon used); then, by default, the context
    of each hit: ``voice`` (``author`` | ``quote`` | ``scare_quote``), ``attributed``
    (bool), ``speaker``, ``negated`` (bool), ``target`` (actor or empty).
scores (one row per document x frame; documents without hits keep zero rows)
    ``doc_id``, ``frame``, ``count``, ``weight``, ``rate`` (hits per 1,000 word tokens),
    ``n_tokens``, ``lexicon``, ``lexicon_version``, then every column of the corpus but
    the text: ``source``, ``date``, ``lang``, ``title``, ``url`` when present, then the
    user's own columns in corpus order (one named like a score column is kept as
    ``<name>_original``).
comparison (one row per group x frame)
    ``group``, ``frame``, ``label``, ``n_docs``, ``mean``, ``ci_low``, ``ci_high``,
    ``share_docs``, ``share_low``, ``share_high``, ``measure``, ``ci_level``, ``n_boot``,
    ``seed``, ``presence_min``.
"""

from __future__ import annotations

import pandas as pd

CORPUS_REQUIRED = ("doc_id", "text")
CORPUS_OPTIONAL = ("source", "date", "lang", "title", "url")
CORPUS_COLUMNS = CORPUS_REQUIRED + CORPUS_OPTIONAL

HITS_COLUMNS = (
    "doc_id", "frame", "entry", "match", "start", "end", "token_start", "token_end",
    "sentence", "lang", "weight", "normalized", "lexicon", "lexicon_version",
)
HITS_DTYPES = {
    "doc_id": "object", "frame": "object", "entry": "object", "match": "object",
    "start": "int64", "end": "int64", "token_start": "int64", "token_end": "int64",
    "sentence": "int64", "lang": "object", "weight": "float64", "normalized": "bool",
    "lexicon": "object",
    "lexicon_version": "object",
}

#: Context columns added to the hits by :func:`framing.context.annotate_hits` (on by default
#: in :func:`framing.find_hits`).
HITS_CONTEXT_COLUMNS = ("voice", "attributed", "speaker", "negated", "target")

SCORES_COLUMNS = (
    "doc_id", "frame", "count", "weight", "rate", "n_tokens", "lexicon", "lexicon_version",
)
SCORES_METADATA = ("source", "date", "lang", "title")

COMPARISON_COLUMNS = (
    "group", "frame", "label", "n_docs", "mean", "ci_low", "ci_high", "share_docs", "share_low",
    "share_high", "measure", "ci_level", "n_boot", "seed", "presence_min",
)


def empty_table(columns, dtypes=None) -> pd.DataFrame:
    """Return an empty DataFrame with the given columns (and dtypes where given)."""
    dtypes = dtypes or {}
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "object")) for c in columns})


def check_columns(df: pd.DataFrame, columns, *, table: str, param: str = "table") -> None:
    """Raise :class:`~framing.errors.InputError` if ``df`` lacks any of ``columns``."""
    from framing.errors import InputError

    if not isinstance(df, pd.DataFrame):
        raise InputError(f"{param} must be a pandas DataFrame (a {table} table); "
                         f"got {type(df).__name__}.")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InputError(
            f"{param} is not a {table} table: missing column(s) {', '.join(missing)}; "
            f"found: {', '.join(map(str, df.columns)) or '(none)'}.")
