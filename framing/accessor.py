"""The ``df.framing`` accessor: the common path on a corpus DataFrame.

Importing this module registers the accessor (``import framing`` does it)::

    corpus.framing.hits("ukraine_war")        # == framing.find_hits(corpus, ...)
    corpus.framing.score("ukraine_war")       # == framing.score_corpus(corpus, ...)
    corpus.framing.kwic("invader*")           # == framing.kwic(corpus, ...)
    corpus.framing.highlight("doc-1")         # one document, its hits marked
    corpus.framing.explore("ukraine_war")     # == framing.explore(corpus, ...)

Each method is the function of the same stage called with the DataFrame as its corpus, so
results are identical to the function path.
"""

from __future__ import annotations

import pandas as pd

from framing.schema import check_columns

__all__ = ["FramingAccessor"]


@pd.api.extensions.register_dataframe_accessor("framing")
class FramingAccessor:
    """``df.framing``: find, score, read in context and explore a corpus table.

    The DataFrame must be a corpus table (columns ``doc_id`` and ``text``; ``source``,
    ``date`` and ``lang`` are used when present).

    Examples
    --------
    >>> import pandas as pd, framing.accessor
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"],
    ...     "text": ["Officials said the invaders had left the town before dawn."]})
    >>> corpus.framing.kwic("invader*", window=2)[["left", "match", "right"]]
           left    match     right
    0  said the  invaders  had left
    """

    def __init__(self, df: pd.DataFrame):
        self._df = df

    def _corpus(self) -> pd.DataFrame:
        check_columns(self._df, ("doc_id", "text"), table="corpus", param="df.framing")
        return self._df

    def hits(self, lexicon="ukraine_war", **kwargs) -> pd.DataFrame:
        """The hits table: :func:`framing.find_hits` of this corpus (same options)."""
        from framing.detect import find_hits

        return find_hits(self._corpus(), lexicon, **kwargs)

    def score(self, lexicon="ukraine_war", **kwargs) -> pd.DataFrame:
        """The scores table: :func:`framing.score_corpus` of this corpus (same options)."""
        from framing.score import score_corpus

        return score_corpus(self._corpus(), lexicon, **kwargs)

    def kwic(self, pattern_or_frame: str, **kwargs) -> pd.DataFrame:
        """Keyword-in-context lines: :func:`framing.kwic` of this corpus (same options)."""
        from framing.kwic import kwic

        return kwic(self._corpus(), pattern_or_frame, **kwargs)

    def highlight(self, doc_id: str, lexicon="ukraine_war", *, hits=None):
        """One document with its hits marked (:func:`framing.highlight`).

        ``hits`` are found with ``lexicon`` in that document only when not given.
        """
        from framing.detect import find_hits
        from framing.kwic import highlight

        corpus = self._corpus()
        if hits is None:
            hits = find_hits(corpus[corpus["doc_id"] == doc_id], lexicon, progress=False)
        return highlight(corpus, doc_id, hits)

    def explore(self, hits_or_lexicon="ukraine_war", **kwargs):
        """The interactive explorer: :func:`framing.explore` of this corpus."""
        from framing.explore import explore

        return explore(self._corpus(), hits_or_lexicon, **kwargs)
