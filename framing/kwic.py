"""Reading hits in context: keyword-in-context lines and highlighted documents."""

from __future__ import annotations

import html
import re

import pandas as pd

from framing.errors import InputError
from framing.lexicon import Frame, Lexicon, Term, read_lexicon
from framing.text import normalize, word_spans

__all__ = ["kwic", "kwic_lines", "highlight", "Highlighted"]

_SPACE = re.compile(r"\s+")
_PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
            "#999999")


def _pattern_lexicon(pattern: str) -> Lexicon:
    term = Term(pattern=pattern, frame="pattern", lang="any", origin="<kwic>")
    term.tokens  # raises PatternError for a pattern that cannot match
    return Lexicon(name="kwic", frames={"pattern": Frame("pattern", pattern, terms=(term,))})


def kwic(corpus: pd.DataFrame, pattern_or_frame: str, *, lexicon="ukraine_war",
         window: int = 8, hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Keyword-in-context lines for a lexicon frame or a pattern.

    Parameters
    ----------
    corpus : DataFrame
        The corpus table.
    pattern_or_frame : str
        The name of a frame of ``lexicon`` (all its hits), or a pattern in the lexicon
        syntax (``"invader*"``, ``"US-led bloc"``), matched in every language.
    lexicon : Lexicon or str, default="ukraine_war"
    window : int, default=8
        Words of context on each side.
    hits : DataFrame, optional
        Use these hits (e.g. from :func:`framing.find_hits`) instead of matching again.

    Returns
    -------
    DataFrame
        One row per hit: ``doc_id``, ``source`` (when the corpus has it), ``frame``,
        ``left``, ``match``, ``right``, ``start``, ``end``.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"],
    ...     "text": ["Officials said the invaders had left the town before dawn."]})
    >>> kwic(corpus, "invader*", window=3)[["left", "match", "right"]]
                left    match           right
    0  Officials said the  invaders  had left the
    """
    from framing.detect import find_hits

    if window < 0:
        raise InputError(f"window must be 0 or more words; got {window!r}.")
    lex = read_lexicon(lexicon) if lexicon is not None else None
    if hits is None:
        if lex is not None and pattern_or_frame in lex.frames:
            hits = find_hits(corpus, lex, progress=False)
        else:
            from framing.lexicon import PatternError

            try:
                hits = find_hits(corpus, _pattern_lexicon(pattern_or_frame), lang="any",
                                 progress=False)
            except PatternError as exc:
                raise InputError(f"{pattern_or_frame!r} is neither a frame of the lexicon "
                                 f"nor a valid pattern: {exc}") from None
    if lex is not None and pattern_or_frame in lex.frames:
        hits = hits[hits["frame"] == pattern_or_frame]
    return kwic_lines(corpus, hits, window=window)


def kwic_lines(corpus: pd.DataFrame, hits: pd.DataFrame, *, window: int = 8) -> pd.DataFrame:
    """Keyword-in-context lines for the given hits (see :func:`kwic`)."""
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    sources = dict(zip(corpus["doc_id"], corpus["source"])) if "source" in corpus else {}
    rows = []
    for doc_id, part in hits.groupby("doc_id", sort=False):
        text = texts[doc_id]
        norm = normalize(text)
        spans = [norm.original_span(a, b) for a, b in word_spans(norm.text)]
        starts = [a for a, _ in spans]
        for h in part.itertuples(index=False):
            i = _index_at(starts, h.start)
            j = _index_at(starts, h.end - 1) + 1
            left_start = spans[max(i - window, 0)][0] if window and i > 0 else h.start
            right_end = spans[min(j + window, len(spans)) - 1][1] if window and j < len(spans) \
                else h.end
            rows.append((doc_id, sources.get(doc_id), h.frame, _clean(text[left_start:h.start]),
                         text[h.start:h.end], _clean(text[h.end:right_end]), h.start, h.end))
    cols = ["doc_id", "source", "frame", "left", "match", "right", "start", "end"]
    out = pd.DataFrame(rows, columns=cols)
    if not sources:
        out = out.drop(columns="source")
    return out


def _index_at(starts: list[int], offset: int) -> int:
    import bisect

    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _clean(s: str) -> str:
    return _SPACE.sub(" ", s).strip()


class Highlighted:
    """A document with its hits marked: HTML in a notebook, brackets in a terminal."""

    def __init__(self, text: str, hits: pd.DataFrame, labels: dict | None = None):
        self.text = text
        self.hits = hits.sort_values(["start", "end"]).reset_index(drop=True)
        self.labels = labels or {}

    def _spans(self):
        """Non-overlapping spans to mark, each with the frames it carries."""
        out = []
        for h in self.hits.itertuples(index=False):
            if out and h.start < out[-1][1]:
                a, b, frames = out[-1]
                out[-1] = (a, max(b, h.end), frames + [h.frame])
            else:
                out.append((h.start, h.end, [h.frame]))
        return out

    def __str__(self) -> str:
        parts, pos = [], 0
        for a, b, frames in self._spans():
            parts.append(self.text[pos:a])
            parts.append(f"[{self.text[a:b]}]{{{', '.join(dict.fromkeys(frames))}}}")
            pos = b
        parts.append(self.text[pos:])
        return "".join(parts)

    def _repr_html_(self) -> str:
        frames = list(dict.fromkeys(self.hits["frame"]))
        colour = {f: _PALETTE[i % len(_PALETTE)] for i, f in enumerate(frames)}
        parts, pos = [], 0
        for a, b, fs in self._spans():
            parts.append(html.escape(self.text[pos:a]))
            names = ", ".join(self.labels.get(f, f) for f in dict.fromkeys(fs))
            parts.append(f'<mark class="framing-hit" data-frame="{html.escape(fs[0])}" '
                         f'title="{html.escape(names)}" style="background:{colour[fs[0]]}55;'
                         f'border-bottom:2px solid {colour[fs[0]]}">'
                         f"{html.escape(self.text[a:b])}</mark>")
            pos = b
        parts.append(html.escape(self.text[pos:]))
        legend = " ".join(f'<span style="background:{colour[f]}55;padding:0 4px">'
                          f"{html.escape(self.labels.get(f, f))}</span>" for f in frames)
        body = "".join(parts).replace("\n", "<br>")
        return f'<div class="framing-doc"><div>{legend}</div><p>{body}</p></div>'


def highlight(corpus: pd.DataFrame, doc_id: str, hits: pd.DataFrame) -> Highlighted:
    """Show one document with every hit marked, coloured by frame (hover for the frame).

    Examples
    --------
    >>> import pandas as pd, framing as fr
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"], "text": ["A proxy war."]})
    >>> print(highlight(corpus, "a", fr.find_hits(corpus, "ukraine_war")))
    A [proxy war]{proxy_war}.
    """
    match = corpus[corpus["doc_id"] == doc_id]
    if match.empty:
        raise InputError(f"no document with doc_id {doc_id!r} in the corpus.")
    return Highlighted(match["text"].iloc[0], hits[hits["doc_id"] == doc_id],
                       hits.attrs.get("labels"))
