"""Rich display in notebooks, with plain-text fallbacks for terminals.

Every object here renders as HTML in Jupyter (``_repr_html_``) and as aligned text
elsewhere (``__repr__``). Frames are coloured with the colour-blind-safe palette of
:data:`framing.plot.PALETTE`, in lexicon order, so a frame keeps its colour from one table
to the next as long as the same frames are shown.

* :func:`lexicon_summary` -- a lexicon's frames, labels and sizes per language;
* :func:`show_hits` -- a hits table, with frame labels and, when present, the context
  columns ``voice``, ``negated`` and ``target``;
* highlighted documents and aligned keyword-in-context tables live in
  :mod:`framing.kwic` (:func:`framing.highlight`, :func:`framing.kwic`).
"""

from __future__ import annotations

import html

import pandas as pd

from framing.plot import PALETTE

__all__ = ["frame_colors", "lexicon_summary", "LexiconSummary", "show_hits", "HitsView",
           "CONTEXT_COLUMNS"]

#: Hit columns added by :mod:`framing.context`; shown when a hits table has them.
CONTEXT_COLUMNS = ("voice", "speaker", "negated", "target")

_CHIP = ('<span class="framing-chip" style="display:inline-block;padding:0 5px;margin:1px 2px;'
         'border-radius:3px;background:{bg};border-left:4px solid {fg};'
         'white-space:nowrap">{text}</span>')
_TABLE_STYLE = "border-collapse:collapse;font-size:12px"
_CELL = "padding:2px 8px;border-bottom:1px solid #dddddd;vertical-align:top"
_NOWRAP = ";white-space:nowrap"


def frame_colors(frames, order=None) -> dict[str, str]:
    """Frame name -> colour of :data:`framing.plot.PALETTE`.

    When the lexicon's frame ``order`` is given and has no more frames than the palette has
    colours, every frame keeps the colour of its position in the lexicon (the same colour in
    every table and article). Otherwise the ``frames`` shown get the colours in turn, so
    that up to eight frames shown together stay distinct.

    Examples
    --------
    >>> frame_colors(["proxy_war", "us_led_bloc"])
    {'proxy_war': '#0072B2', 'us_led_bloc': '#D55E00'}
    >>> frame_colors(["us_led_bloc"], order=["proxy_war", "us_led_bloc"])
    {'us_led_bloc': '#D55E00'}
    """
    frames = list(dict.fromkeys(frames))
    order = list(dict.fromkeys(order or []))
    if order and len(order) <= len(PALETTE) and set(frames) <= set(order):
        return {f: PALETTE[order.index(f)] for f in frames}
    return {f: PALETTE[i % len(PALETTE)] for i, f in enumerate(frames)}


def tint(colour: str, alpha: str = "40") -> str:
    """A translucent version of a ``#RRGGBB`` colour (``alpha`` in hex), for backgrounds."""
    return f"{colour}{alpha}"


def chip(text: str, colour: str) -> str:
    """A small coloured label (HTML) for a frame."""
    return _CHIP.format(bg=tint(colour, "33"), fg=colour, text=html.escape(str(text)))


def ordered_frames(present, order=None) -> list[str]:
    """The frames of ``present`` in lexicon ``order`` (unknown ones last, as they come)."""
    present = list(dict.fromkeys(present))
    order = [f for f in (order or []) if f in set(present)]
    return order + [f for f in present if f not in set(order)]


def is_missing(value) -> bool:
    """True for None, NaN and the empty string (an absent context value)."""
    if value is None or value == "":
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def hit_title(row: dict, labels: dict) -> str:
    """The hover text of one hit: frame label, term, then voice, speaker, negation, target."""
    frame = row.get("frame", "")
    parts = [f"{labels.get(frame, frame)} ({frame})"]
    entry = row.get("entry")
    if not is_missing(entry):
        parts.append(f"term: {entry}")
    if not is_missing(row.get("voice")):
        parts.append(f"voice: {row['voice']}")
    if not is_missing(row.get("speaker")):
        parts.append(f"speaker: {row['speaker']}")
    if not is_missing(row.get("negated")) and bool(row["negated"]):
        parts.append("negated")
    if not is_missing(row.get("target")):
        parts.append(f"target: {row['target']}")
    return " | ".join(parts)


def _html_table(header: list[str], rows: list[list[str]], *, css_class: str,
                aligns: list[str] | None = None, caption: str = "") -> str:
    """An HTML table from cells that are already escaped HTML."""
    aligns = aligns or ["left"] * len(header)
    head = "".join(f'<th style="{_CELL};text-align:{a}">{h}</th>'
                   for h, a in zip(header, aligns))
    body = "".join("<tr>" + "".join(f'<td style="{_CELL};text-align:{a}">{c}</td>'
                                    for c, a in zip(row, aligns)) + "</tr>" for row in rows)
    cap = (f'<caption style="caption-side:top;text-align:left;padding:2px 0">{caption}'
           "</caption>") if caption else ""
    return (f'<table class="{css_class}" style="{_TABLE_STYLE}">{cap}<thead><tr>{head}</tr>'
            f"</thead><tbody>{body}</tbody></table>")


# --------------------------------------------------------------------------- lexicon


class LexiconSummary:
    """A lexicon's frames and sizes: HTML in a notebook, an aligned table in a terminal.

    Attributes
    ----------
    lexicon : Lexicon
    table : DataFrame
        One row per frame: ``frame``, ``label``, ``dimension``, one column of pattern
        counts per language, ``terms`` (all languages), ``excludes``, ``description``.
    """

    def __init__(self, lexicon):
        self.lexicon = lexicon
        self.table = _lexicon_table(lexicon)

    def __repr__(self) -> str:
        lex = self.lexicon
        head = (f"Lexicon {lex.name!r} v{lex.version_id}: {len(lex.frames)} frames, "
                f"{len(lex.terms())} patterns")
        if self.table.empty:
            return head
        cols = [c for c in self.table.columns if c != "description"]
        return head + "\n" + self.table[cols].to_string(index=False)

    def _repr_html_(self) -> str:
        lex = self.lexicon
        colours = frame_colors(self.table["frame"])
        langs = [c for c in self.table.columns
                 if c not in {"frame", "label", "dimension", "terms", "excludes",
                              "description"}]
        header = ["frame", "label", "dimension", *langs, "terms", "excludes", "description"]
        rows = []
        for r in self.table.to_dict("records"):
            rows.append([chip(r["frame"], colours[r["frame"]]), html.escape(r["label"]),
                         html.escape(r["dimension"]), *(str(r[lang]) for lang in langs),
                         f"<b>{r['terms']}</b>", str(r["excludes"]),
                         html.escape(_shorten(r["description"], 90))])
        aligns = ["left", "left", "left", *["right"] * (len(langs) + 2), "left"]
        caption = (f"<b>{html.escape(lex.name)}</b> v{html.escape(lex.version_id)}: "
                   f"{len(lex.frames)} frames, {len(lex.terms())} patterns, languages "
                   f"{html.escape(', '.join(lex.languages))}")
        return ('<div class="framing-lexicon">'
                + _html_table(header, rows, css_class="framing-lexicon-table", aligns=aligns,
                              caption=caption) + "</div>")


def _lexicon_table(lexicon) -> pd.DataFrame:
    langs = list(lexicon.languages)
    rows = []
    for name, frame in lexicon.frames.items():
        counts = {lang: sum(t.lang == lang for t in frame.terms) for lang in langs}
        rows.append({"frame": name, "label": frame.label, "dimension": frame.dimension,
                     **counts, "terms": len(frame.terms), "excludes": len(frame.excludes),
                     "description": frame.description})
    cols = ["frame", "label", "dimension", *langs, "terms", "excludes", "description"]
    return pd.DataFrame(rows, columns=cols)


def _shorten(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def lexicon_summary(lexicon) -> LexiconSummary:
    """Summarise a lexicon for display: its frames, labels and pattern counts per language.

    Parameters
    ----------
    lexicon : Lexicon, str or Path
        Anything :func:`framing.read_lexicon` accepts.

    Returns
    -------
    LexiconSummary
        Renders as an HTML table in a notebook and as aligned text in a terminal; its
        ``table`` attribute holds the numbers as a DataFrame.

    Examples
    --------
    >>> from framing.lexicon import parse_lexicon
    >>> lex = parse_lexicon("{name: tiny, frames: {proxy_war: {label: Proxy war, terms: "
    ...     "{en: ['proxy war*', 'NATO war'], de: ['Stellvertreterkrieg*']}}}}")
    >>> print(lexicon_summary(lex))
    Lexicon 'tiny' v1+...: 1 frames, 3 patterns
        frame     label dimension  de  en  terms  excludes
    proxy_war Proxy war     frame   1   2      3         0
    """
    from framing.lexicon import read_lexicon

    return LexiconSummary(read_lexicon(lexicon))


# --------------------------------------------------------------------------- hits


class HitsView:
    """A hits table for reading: frame labels in colour, the match in bold, context columns.

    Attributes
    ----------
    hits : DataFrame
        The rows shown (at most ``max_rows``).
    n_total : int
        Rows of the table given.
    """

    def __init__(self, hits: pd.DataFrame, *, max_rows: int = 50):
        self.n_total = len(hits)
        self.hits = hits.head(max_rows)
        self.labels = dict(hits.attrs.get("labels") or {})
        self.order = hits.attrs.get("frames")
        self.frames = ordered_frames(self.hits["frame"], self.order)

    @property
    def columns(self) -> list[str]:
        base = ["doc_id", "frame", "entry", "match", "start", "end", *CONTEXT_COLUMNS]
        return [c for c in base if c in self.hits.columns]

    def _footer(self) -> str:
        if self.n_total > len(self.hits):
            return f"{len(self.hits)} of {self.n_total} hits shown"
        return f"{self.n_total} hit{'s' if self.n_total != 1 else ''}"

    def __repr__(self) -> str:
        if self.hits.empty:
            return "no hits"
        return self.hits[self.columns].to_string(index=False) + "\n" + self._footer()

    def _repr_html_(self) -> str:
        colours = frame_colors(self.frames, self.order)
        cols = self.columns
        rows = []
        for r in self.hits[cols].to_dict("records"):
            cells = []
            for c in cols:
                v = r[c]
                if c == "frame":
                    cells.append(chip(self.labels.get(v, v), colours.get(v, PALETTE[-1])))
                elif c == "match":
                    cells.append(f"<b>{html.escape(str(v))}</b>")
                else:
                    cells.append("" if is_missing(v) else html.escape(str(v)))
            rows.append(cells)
        aligns = ["right" if c in ("start", "end") else f"left{_NOWRAP}" for c in cols]
        return ('<div class="framing-hits">'
                + _html_table(cols, rows, css_class="framing-hits-table", aligns=aligns,
                              caption=html.escape(self._footer())) + "</div>")


def show_hits(hits: pd.DataFrame, *, max_rows: int = 50) -> HitsView:
    """Show a hits table for reading (frame labels in colour, context columns when present).

    Parameters
    ----------
    hits : DataFrame
        The hits table from :func:`framing.find_hits` (optionally with the context columns
        ``voice``, ``negated``, ``target`` of :mod:`framing.context`).
    max_rows : int, default=50
        Rows shown; the footer says how many there are.

    Returns
    -------
    HitsView

    Examples
    --------
    >>> import pandas as pd, framing as fr
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"], "text": ["A proxy war."]})
    >>> hits = fr.find_hits(corpus, "ukraine_war")
    >>> show_hits(hits[["doc_id", "frame", "match", "start", "end"]])
    doc_id     frame     match  start  end
         a proxy_war proxy war      2   11
    1 hit
    """
    from framing.schema import check_columns

    check_columns(hits, ("doc_id", "frame"), table="hits", param="hits")
    return HitsView(hits, max_rows=max_rows)
