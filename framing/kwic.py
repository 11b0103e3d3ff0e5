"""Reading hits in context: keyword-in-context lines and highlighted documents.

* :func:`kwic` / :func:`kwic_lines` return a :class:`KwicTable`, a DataFrame that displays
  aligned: left context right-aligned, the match centred (bold in HTML), right context
  left-aligned -- as HTML in a notebook and as plain text in a terminal.
* :func:`highlight` returns a :class:`Highlighted` document: every hit is one
  ``<mark class="framing-hit">``, coloured by frame (:data:`framing.plot.PALETTE`), with the
  frame label, the term and -- when the hits table has the context columns of
  :mod:`framing.context` -- the voice, negation and target in its hover text.
"""

from __future__ import annotations

import bisect
import heapq
import html
import re

import pandas as pd

from framing.display import (
    CONTEXT_COLUMNS,
    chip,
    frame_colors,
    hit_title,
    is_missing,
    ordered_frames,
    tint,
)
from framing.errors import InputError
from framing.lexicon import Frame, Lexicon, Term, read_lexicon
from framing.schema import check_columns
from framing.text import normalize, word_spans

__all__ = ["kwic", "kwic_lines", "highlight", "Highlighted", "KwicTable"]

_SPACE = re.compile(r"\s+")
_KWIC_COLUMNS = ("left", "match", "right")
_VOICE_BORDER = {"quote": "dotted", "scare_quote": "dashed"}


def _pattern_lexicon(pattern: str) -> Lexicon:
    term = Term(pattern=pattern, frame="pattern", lang="any", origin="<kwic>")
    _ = term.tokens  # raises PatternError for a pattern that cannot match
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
        Use these hits (e.g. from :func:`framing.find_hits`) instead of matching again:
        ``pattern_or_frame`` then names one of their frames or one of their entries (the
        ``entry`` column, e.g. ``"invader*"``), and ``lexicon`` is not read.

    Returns
    -------
    KwicTable
        A DataFrame with one row per hit: ``doc_id``, ``source`` (when the corpus has it),
        ``frame``, ``left``, ``match``, ``right``, ``start``, ``end``. It displays aligned
        (see :class:`KwicTable`).

    Raises
    ------
    InputError
        ``pattern_or_frame`` is neither a frame nor a valid pattern, or, with ``hits``,
        neither a frame nor an entry of those hits.

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

    if not isinstance(pattern_or_frame, str):
        raise InputError("pattern_or_frame must be a frame name or a pattern (a str); got "
                         f"{type(pattern_or_frame).__name__}.")
    if window < 0:
        raise InputError(f"window must be 0 or more words; got {window!r}.")
    if hits is not None:
        return kwic_lines(corpus, _hits_of(hits, pattern_or_frame), window=window)
    lex = read_lexicon(lexicon) if lexicon is not None else None
    if lex is not None and pattern_or_frame in lex.frames:
        hits = find_hits(corpus, lex, progress=False)
        return kwic_lines(corpus, hits[hits["frame"] == pattern_or_frame], window=window)
    from framing.lexicon import PatternError

    try:
        hits = find_hits(corpus, _pattern_lexicon(pattern_or_frame), lang="any",
                         progress=False)
    except PatternError as exc:
        raise InputError(f"{pattern_or_frame!r} is neither a frame of the lexicon "
                         f"nor a valid pattern: {exc}") from None
    return kwic_lines(corpus, hits, window=window)


def _hits_of(hits: pd.DataFrame, name: str) -> pd.DataFrame:
    """The hits of frame ``name``, else those of entry ``name``; an error if neither."""
    check_columns(hits, ("doc_id", "frame", "entry", "start", "end"), table="hits",
                  param="hits")
    frames = list(hits.attrs.get("frames") or pd.unique(hits["frame"]))
    if name in frames:
        return hits[hits["frame"] == name]
    if (hits["entry"] == name).any():
        return hits[hits["entry"] == name]
    shown = ", ".join(map(str, frames[:12])) + (" ..." if len(frames) > 12 else "")
    raise InputError(f"{name!r} is neither a frame nor an entry of the hits given "
                     f"(their frames: {shown or 'none'}); to find a new pattern, call kwic "
                     "without hits=.")


def kwic_lines(corpus: pd.DataFrame, hits: pd.DataFrame, *, window: int = 8) -> pd.DataFrame:
    """Keyword-in-context lines for the given hits (see :func:`kwic`).

    Returns a :class:`KwicTable`; the frame labels of the hits table (``hits.attrs``)
    are kept for display.

    Examples
    --------
    >>> from framing.detect import find_hits
    >>> from framing.lexicon import parse_lexicon
    >>> lexicon = parse_lexicon("{name: demo, frames: {inv: {terms: {en: ['invader*']}}}}")
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"],
    ...                        "text": ["Officials said the invaders had left the town."]})
    >>> kwic_lines(corpus, find_hits(corpus, lexicon), window=2)[["left", "match", "right"]]
           left   match    right
    0  said the  invaders  had left
    """
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
    out = KwicTable(pd.DataFrame(rows, columns=cols))
    if not sources:
        out = out.drop(columns="source")
    out.attrs.update({k: hits.attrs[k] for k in ("frames", "labels") if k in hits.attrs})
    return out


def _index_at(starts: list[int], offset: int) -> int:
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _clean(s: str) -> str:
    return _SPACE.sub(" ", s).strip()


# --------------------------------------------------------------------------- KWIC table


class KwicTable(pd.DataFrame):
    """A DataFrame of keyword-in-context lines that displays aligned.

    It is an ordinary DataFrame (filtering, ``head``, ``to_csv`` ... keep working, and keep
    the aligned display). While it has the columns ``left``, ``match`` and ``right``, its
    text form shows them first -- the left context right-aligned, the match centred, the
    right context left-aligned -- followed by the other columns; its HTML form does the same
    with the match in bold, coloured by frame. Contexts longer than ``max_width`` characters
    are shortened on the side away from the match. ``to_string(aligned=False)`` gives
    pandas' own layout.
    """

    _metadata: list[str] = []

    @property
    def _constructor(self):
        return KwicTable

    def _is_kwic(self) -> bool:
        return all(c in self.columns for c in _KWIC_COLUMNS) and self.columns.is_unique

    def __repr__(self) -> str:
        if not self._is_kwic():
            return super().__repr__()
        return self.to_string()

    def to_string(self, buf=None, *, aligned: bool = True, max_rows: int | None = None,
                  max_width: int = 50, **kwargs):
        """Aligned plain text (see the class docstring); other arguments go to pandas.

        Parameters
        ----------
        buf : writable buffer, optional
        aligned : bool, default=True
            False (or any pandas-only argument) gives :meth:`pandas.DataFrame.to_string`.
        max_rows : int, optional
            Rows shown (first and last halves); default ``pd.options.display.max_rows``.
        max_width : int, default=50
            Characters of context shown on each side.
        """
        if not aligned or kwargs or not self._is_kwic():
            return super().to_string(buf=buf, max_rows=max_rows, **kwargs)
        text = "\n".join(_aligned_lines(self, max_rows=max_rows, max_width=max_width))
        if buf is None:
            return text
        buf.write(text)
        return None

    def _repr_html_(self) -> str | None:
        if not self._is_kwic():
            return super()._repr_html_()
        return _kwic_html(self)


def _display_rows(n: int, max_rows: int | None) -> tuple[list[int], bool]:
    """Row positions to show and whether rows were left out (pandas' head/tail rule)."""
    max_rows = pd.get_option("display.max_rows") if max_rows is None else max_rows
    if not max_rows or n <= max_rows:
        return list(range(n)), False
    min_rows = pd.get_option("display.min_rows") or max_rows
    half = max(min(max_rows, min_rows) // 2, 1)
    return list(range(half)) + list(range(n - half, n)), True


def _cut(text: str, width: int, side: str) -> str:
    if len(text) <= width:
        return text
    return "…" + text[-(width - 1):] if side == "left" else text[: width - 1] + "…"


def _display_order(table: pd.DataFrame) -> list:
    """The concordance first (left, match, right), then the other columns in order."""
    return [*_KWIC_COLUMNS, *(c for c in table.columns if c not in _KWIC_COLUMNS)]


def _cells(table: pd.DataFrame, positions: list[int], columns: list,
           max_width: int) -> list[list[str]]:
    rows = []
    for pos in positions:
        row = [str(table.index[pos])]
        for col in columns:
            v = table.iat[pos, table.columns.get_loc(col)]
            s = "" if is_missing(v) else str(v)
            row.append(_cut(s, max_width, col) if col in ("left", "right") else s)
        rows.append(row)
    return rows


def _aligned_lines(table: KwicTable, *, max_rows, max_width: int) -> list[str]:
    positions, cut = _display_rows(len(table), max_rows)
    columns = _display_order(table)
    header = ["", *map(str, columns)]
    rows = _cells(table, positions, columns, max_width)
    if cut:
        rows.insert(len(positions) // 2, ["..."] * len(header))
    widths = [max(len(r[k]) for r in [header, *rows]) for k in range(len(header))]
    justify = {"left": str.rjust, "match": str.center, "right": str.ljust}
    funcs = [str.ljust] + [justify.get(c, str.rjust) for c in header[1:]]
    lines = ["  ".join(f(cell, w) for f, cell, w in zip(funcs, r, widths)).rstrip()
             for r in [header, *rows]]
    if cut:
        lines.append(f"\n[{len(table)} rows x {len(table.columns)} columns]")
    if table.empty:
        lines.append("(no matches)")
    return lines


def _kwic_html(table: KwicTable, max_width: int = 60) -> str:
    positions, cut = _display_rows(len(table), None)
    columns = _display_order(table)
    frames = ordered_frames(table["frame"], table.attrs.get("frames")) \
        if "frame" in table.columns else []
    colours = frame_colors(frames, table.attrs.get("frames"))
    labels = table.attrs.get("labels") or {}
    cell = "padding:1px 6px;white-space:nowrap;vertical-align:top"
    align = {"left": "right", "match": "center", "right": "left"}
    head = "".join(f'<th style="{cell};text-align:{align.get(c, "left")}">{html.escape(str(c))}'
                   "</th>" for c in columns)
    body = []
    for k, pos in enumerate(positions):
        if cut and k == len(positions) // 2:
            body.append(f'<tr><td colspan="{len(columns) + 1}" style="{cell};'
                        'text-align:center">…</td></tr>')
        row = table.iloc[pos]
        tds = [f'<th style="{cell};text-align:right;color:#777">'
               f"{html.escape(str(table.index[pos]))}</th>"]
        for col in columns:
            tds.append(f'<td style="{cell};text-align:{align.get(col, "left")}">'
                       f"{_html_cell(row, col, colours, labels, max_width)}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    foot = f"{len(table)} lines" if cut else "no matches" if table.empty else ""
    foot = f'<div style="font-size:11px;color:#777">{foot}</div>' if foot else ""
    return ('<div class="framing-kwic"><table class="framing-kwic-table" '
            'style="border-collapse:collapse;font-size:12px">'
            f'<thead><tr><th style="{cell}"></th>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>{foot}</div>")


def _html_cell(row: pd.Series, col, colours: dict, labels: dict, max_width: int) -> str:
    v = row[col]
    text = "" if is_missing(v) else str(v)
    if col == "match":
        colour = colours.get(row.get("frame"), "#999999")
        title = labels.get(row.get("frame"), row.get("frame") or "")
        return (f'<b class="framing-kwic-match" title="{html.escape(str(title))}" '
                f'style="background:{tint(colour)};border-bottom:2px solid {colour};'
                f'padding:0 2px">{html.escape(text)}</b>')
    if col == "frame":
        return chip(labels.get(v, v), colours.get(v, "#999999"))
    if col in ("left", "right") and len(text) > max_width:
        return (f'<span title="{html.escape(text)}">'
                f"{html.escape(_cut(text, max_width, col))}</span>")
    return html.escape(text)


# --------------------------------------------------------------------------- documents


class Highlighted:
    """A document with its hits marked: HTML in a notebook, brackets in a terminal.

    In HTML every hit is one ``<mark class="framing-hit">`` (overlapping hits nest), with
    ``data-frame``, ``data-term``, ``data-start``, ``data-end`` and a ``title`` (the hover
    text): frame label, term, and -- when the hits have them -- voice, negation and target.
    Quoted hits have a dotted underline, scare quotes a dashed one, negated hits are faded.

    Parameters
    ----------
    text : str
    hits : DataFrame
        The hits of this document.
    labels : dict, optional
        Frame name -> label.
    meta : dict, optional
        Shown above the text (e.g. ``source``, ``date``, ``title``).
    """

    def __init__(self, text: str, hits: pd.DataFrame, labels: dict | None = None, *,
                 meta: dict | None = None):
        self.text = text
        self.hits = hits.sort_values(["start", "end"]).reset_index(drop=True)
        self.labels = labels or {}
        self.meta = meta or {}
        self.order = hits.attrs.get("frames")
        self.frames = ordered_frames(self.hits["frame"], self.order)

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

    def __repr__(self) -> str:
        return str(self)

    @property
    def colors(self) -> dict[str, str]:
        """Frame -> colour used for this document (see :func:`framing.display.frame_colors`)."""
        return frame_colors(self.frames, self.order)

    def _mark_open(self, row: dict) -> str:
        colour = self.colors[row["frame"]]
        border = _VOICE_BORDER.get(row.get("voice"), "solid") \
            if not is_missing(row.get("voice")) else "solid"
        faded = ";opacity:0.55" if not is_missing(row.get("negated")) and row["negated"] else ""
        attrs = {"class": "framing-hit", "data-frame": row["frame"],
                 "data-term": row.get("entry", ""), "data-start": row["start"],
                 "data-end": row["end"], "title": hit_title(row, self.labels)}
        for col in CONTEXT_COLUMNS:
            if col in row and not is_missing(row[col]):
                attrs[f"data-{col}"] = str(row[col]).lower()
        attr = " ".join(f'{k}="{html.escape(str(v))}"' for k, v in attrs.items())
        return (f'<mark {attr} style="background:{tint(colour)};color:inherit;'
                f'border-bottom:2px {border} {colour};padding:0 1px{faded}">')

    def _marked_html(self) -> str:
        """The text with one (possibly nested) mark per hit.

        Nested hits nest; a hit that crosses the end of an open one starts where that one
        ends, so every hit still gets exactly one mark.
        """
        rows = self.hits.to_dict("records")
        heap = [(r["start"], -r["end"], k) for k, r in enumerate(rows)]
        heapq.heapify(heap)
        out, stack, pos = [], [], 0

        def close_until(offset):
            nonlocal pos
            while stack and stack[-1] <= offset:
                end = stack.pop()
                out.append(html.escape(self.text[pos:end]) + "</mark>")
                pos = end

        while heap:
            start, neg_end, k = heapq.heappop(heap)
            close_until(start)
            if stack and stack[-1] < -neg_end:      # crosses the open mark: start after it
                heapq.heappush(heap, (stack[-1], neg_end, k))
                continue
            out.append(html.escape(self.text[pos:start]) + self._mark_open(rows[k]))
            pos = start
            stack.append(-neg_end)
        close_until(len(self.text))
        out.append(html.escape(self.text[pos:]))
        return "".join(out)

    def _legend(self) -> str:
        counts = self.hits["frame"].value_counts()
        chips = " ".join(chip(f"{self.labels.get(f, f)} ({counts[f]})", self.colors[f])
                         for f in self.frames)
        return chips or '<span style="color:#777">no hits</span>'

    def _repr_html_(self) -> str:
        meta = " · ".join(html.escape(str(v)) for v in self.meta.values() if not is_missing(v))
        head = f'<div style="color:#555;font-size:12px">{meta}</div>' if meta else ""
        paragraphs = [p.replace("\n", "<br>") for p in self._marked_html().split("\n\n")]
        body = "".join(f'<p style="margin:0.4em 0">{p}</p>' for p in paragraphs)
        return (f'<div class="framing-doc" style="line-height:1.6;max-width:60em">{head}'
                f'<div class="framing-legend">{self._legend()}</div>{body}</div>')


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
    row = match.iloc[0]
    meta = {"doc_id": doc_id}
    for col in ("source", "date", "title"):
        if col in match.columns and not is_missing(row[col]):
            value = row[col]
            meta[col] = value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else value
    return Highlighted(row["text"], hits[hits["doc_id"] == doc_id], hits.attrs.get("labels"),
                       meta=meta)
