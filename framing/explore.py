"""An interactive explorer for notebooks, with a static fallback.

:func:`explore` gives an :class:`Explorer`: pick sources, frames, a date range and a term,
and see the comparison chart (:func:`framing.plot.frame_profile` or
:func:`framing.plot.frame_shares`, on :func:`framing.compare_groups` of the selection) and
the matching keyword-in-context lines update. With ipywidgets in a live notebook it shows
controls; the same output also carries a static version (the chart as a PNG image and the
KWIC table as HTML) that is what an executed notebook keeps when no widget frontend runs it
(nbclient, nbconvert), and what is shown when ipywidgets is not installed or
``mode="static"``. :meth:`Explorer.select` gives the numbers behind any selection.
"""

from __future__ import annotations

import base64
import bisect
import html
import io
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.schema import COMPARISON_COLUMNS, check_columns, empty_table

__all__ = ["explore", "Explorer", "ExploreResult", "Selection"]

_KEEP = object()
_CHARTS = ("profile", "shares")
_MODES = ("auto", "widgets", "static")
_WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


@dataclass(frozen=True)
class Selection:
    """What the explorer shows: sources, frames, an inclusive date range and a term."""

    sources: tuple = ()
    frames: tuple = ()
    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    term: str = ""

    def describe(self) -> str:
        dates = ""
        if self.start is not None or self.end is not None:
            dates = f"; {_day(self.start) or '…'} to {_day(self.end) or '…'}"
        term = f"; term {self.term!r}" if self.term else ""
        return (f"{len(self.sources)} source(s), {len(self.frames)} frame(s){dates}{term}")


def _day(ts) -> str:
    return "" if ts is None else pd.Timestamp(ts).strftime("%Y-%m-%d")


class ExploreResult:
    """The explorer's output for one selection.

    Attributes
    ----------
    selection : Selection
    hits : DataFrame
        The selected hits (documents in the selection, selected frames, matching term).
    scores : DataFrame
        :func:`framing.score_documents` of those hits over the selected documents.
    table : DataFrame
        :func:`framing.compare_groups` of the scores (the chart's data).
    lines : KwicTable
        Keyword-in-context lines of the first ``max_lines`` selected hits.
    n_docs : int
        Documents in the selection.
    """

    def __init__(self, selection, hits, scores, table, lines, n_docs, *, chart="profile"):
        self.selection = selection
        self.hits = hits
        self.scores = scores
        self.table = table
        self.lines = lines
        self.n_docs = n_docs
        self.chart = chart
        self._png = None

    def draw(self, ax=None):
        """Draw the chart on ``ax`` with :mod:`framing.plot`; returns the Axes."""
        from framing import plot

        frames = list(self.selection.frames)
        groups = sorted(self.table["group"].unique()) if len(self.table) else []
        draw = plot.frame_profile if self.chart == "profile" else plot.frame_shares
        ax = draw(self.table, frames=frames, groups=groups, ax=ax)
        if ax.get_legend() is not None:          # beside the chart: it never hides a dot
            ax.legend(*ax.get_legend_handles_labels(), loc="upper left",
                      bbox_to_anchor=(1.01, 1.0), title="Group (articles)")
        term = f" — term '{self.selection.term}'" if self.selection.term else ""
        ax.set_title(f"{self.n_docs} articles, {len(self.hits)} hits{term}")
        if self.table.empty:
            ax.text(0.5, 0.5, "No articles in this selection", ha="center", va="center",
                    transform=ax.transAxes, color="#555555")
        return ax

    def figure(self):
        """A new matplotlib Figure (not managed by pyplot) with the chart, house style."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        from framing import plot

        n_groups = max(self.table["group"].nunique(), 1) if len(self.table) else 1
        height = 1.2 + 0.3 * max(len(self.selection.frames), 1) * max(1.0, n_groups / 3)
        with plot.style():
            fig = Figure(figsize=(8.5, min(max(height, 2.8), 11.0)), layout="constrained")
            FigureCanvasAgg(fig)
            self.draw(ax=fig.add_subplot())
        return fig

    @property
    def png(self) -> bytes:
        """The chart as PNG bytes (rendered once)."""
        if self._png is None:
            from framing import plot

            buf = io.BytesIO()
            with plot.style():
                self.figure().savefig(buf, format="png", dpi=100,
                                      metadata={"Software": None})
            self._png = buf.getvalue()
        return self._png

    def _shown_lines(self):
        """The KWIC lines as displayed: without the character offsets."""
        return self.lines.drop(columns=[c for c in ("start", "end") if c in self.lines])

    def summary(self) -> str:
        return (f"{self.selection.describe()}: {self.n_docs} articles, {len(self.hits)} hits"
                + (f" (first {len(self.lines)} in context)" if len(self.lines) < len(self.hits)
                   else ""))

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png).decode("ascii")
        return ('<div class="framing-explorer-static">'
                f'<img alt="framing chart" src="data:image/png;base64,{data}">'
                f'<div style="font-size:12px;color:#555">{html.escape(self.summary())}</div>'
                f"{self._shown_lines()._repr_html_()}</div>")

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {"text/plain": repr(self), "text/html": self._repr_html_(),
                "image/png": base64.b64encode(self.png).decode("ascii")}

    def __repr__(self) -> str:
        parts = [self.summary()]
        if len(self.table):
            means = self.table.pivot(index="frame", columns="group", values="mean")
            parts.append(means.reindex(list(self.selection.frames)).round(2).to_string())
        if len(self.lines):
            parts.append(self._shown_lines().to_string(max_rows=20))
        return "\n\n".join(parts)


class Explorer:
    """Sources × frames × dates × term: the chart and KWIC lines of a selection.

    Build it with :func:`explore`. In a notebook it displays as controls (ipywidgets) with
    a static fallback; :meth:`select` changes the selection and returns an
    :class:`ExploreResult`.

    Attributes
    ----------
    sources_ : list of str
        The sources of the corpus (empty without a ``source`` column).
    frames_ : list of str
        The frames of the hits table, in lexicon order.
    dates_ : tuple of Timestamp, or None
        First and last date of the corpus (None without a ``date`` column).
    """

    def __init__(self, corpus, hits, n_tokens, *, by="source", chart="profile", window=6,
                 max_lines=20, n_boot=500, seed=0, mode="auto"):
        self.corpus = corpus
        self.hits = hits
        self.n_tokens = n_tokens
        self.by, self.chart, self.window = by, chart, window
        self.max_lines, self.n_boot, self.seed, self.mode = max_lines, n_boot, seed, mode
        self.labels = dict(hits.attrs.get("labels") or {})
        self.sources_ = sorted(corpus["source"].dropna().astype(str).unique()) \
            if "source" in corpus.columns else []
        self.frames_ = list(hits.attrs["frames"])
        dated = corpus["date"].dropna() if "date" in corpus.columns else pd.Series([])
        self.dates_ = (dated.min(), dated.max()) if len(dated) else None
        self.selection = Selection(tuple(self.sources_), tuple(self.frames_),
                                   *(self.dates_ or (None, None)))
        self._result = None
        self._ui = None

    # ------------------------------------------------------------------ selection

    def select(self, *, sources=_KEEP, frames=_KEEP, dates=_KEEP, term=_KEEP) -> ExploreResult:
        """Change the selection (arguments left out stay as they are) and compute it.

        Parameters
        ----------
        sources : list of str, optional
            Sources to keep (``None``: all).
        frames : list of str, optional
            Frames to show, in this order (``None``: all).
        dates : (start, end), optional
            Inclusive date range; either end may be ``None`` (open). ``None``: all dates.
        term : str, optional
            Keep the hits whose lexicon pattern or matched text contains this string
            (case-insensitive); ``""`` or ``None``: every hit.

        Returns
        -------
        ExploreResult

        Raises
        ------
        InputError
            For a source or frame that is not in the data, or a bad date range.
        """
        sel = self.selection
        new = Selection(
            sources=sel.sources if sources is _KEEP else self._check_sources(sources),
            frames=sel.frames if frames is _KEEP else self._check_frames(frames),
            start=sel.start, end=sel.end,
            term=sel.term if term is _KEEP else str(term or "").strip())
        if dates is not _KEEP:
            start, end = self._check_dates(dates)
            new = Selection(new.sources, new.frames, start, end, new.term)
        self.selection = new
        self._result = None
        if self._ui is not None:
            self._ui.sync()
        return self.result

    @property
    def result(self) -> ExploreResult:
        """The output for the current selection (computed once per selection)."""
        if self._result is None:
            self._result = self._compute(self.selection)
        return self._result

    def _check_sources(self, sources) -> tuple:
        if sources is None:
            return tuple(self.sources_)
        sources = [sources] if isinstance(sources, str) else list(sources)
        if sources and not self.sources_:
            raise InputError("The 'sources' parameter of explore needs a 'source' column in "
                             "the corpus; read it with source='<column>'.")
        return tuple(_known("sources", "sources of the corpus", sources, self.sources_))

    def _check_frames(self, frames) -> tuple:
        if frames is None:
            return tuple(self.frames_)
        frames = [frames] if isinstance(frames, str) else list(frames)
        return tuple(_known("frames", "frames of the lexicon", frames, self.frames_))

    def _check_dates(self, dates):
        if dates is None:
            return self.dates_ or (None, None)
        if isinstance(dates, (str, pd.Timestamp)) or len(dates) != 2:
            raise InputError(f"The 'dates' parameter of explore must be a (start, end) pair; "
                             f"got {dates!r}.")
        if self.dates_ is None and any(d is not None for d in dates):
            raise InputError("The 'dates' parameter of explore needs a 'date' column in the "
                             "corpus; read it with date='<column>'.")
        start, end = (_timestamp(d) for d in dates)
        if start is not None and end is not None and start > end:
            raise InputError(f"The 'dates' parameter of explore must have start <= end; got "
                             f"{_day(start)} to {_day(end)}.")
        return start, end

    def _compute(self, sel: Selection) -> ExploreResult:
        from framing.compare import compare_groups
        from framing.kwic import kwic_lines
        from framing.score import score_documents

        docs = self._documents(sel)
        hits = self.hits[self.hits["doc_id"].isin(set(docs["doc_id"]))
                         & self.hits["frame"].isin(set(sel.frames))]
        if sel.term:
            needle = sel.term.casefold()
            hits = hits[hits["entry"].astype(str).str.casefold().str.contains(needle,
                                                                              regex=False)
                        | hits["match"].astype(str).str.casefold().str.contains(needle,
                                                                                regex=False)]
        hits = hits.copy()
        hits.attrs.update(self.hits.attrs)
        scores = score_documents(hits, docs, n_tokens=self.n_tokens)
        if self.by not in scores.columns:
            scores = scores.merge(docs[["doc_id", self.by]], on="doc_id", how="left")
            scores.attrs.update(hits.attrs)
        if len(docs) and sel.frames:
            table = compare_groups(scores, by=self.by, frames=list(sel.frames),
                                   n_boot=self.n_boot, seed=self.seed)
        else:
            table = empty_table(COMPARISON_COLUMNS)
        lines = kwic_lines(docs, hits.head(self.max_lines), window=self.window)
        return ExploreResult(sel, hits, scores, table, lines, len(docs), chart=self.chart)

    def _documents(self, sel: Selection) -> pd.DataFrame:
        docs = self.corpus
        if "source" in docs.columns:
            docs = docs[docs["source"].astype(str).isin(set(sel.sources))]
        if "date" in docs.columns and (sel.start is not None or sel.end is not None):
            keep = docs["date"].notna()
            if sel.start is not None:
                keep &= docs["date"] >= sel.start
            if sel.end is not None:
                keep &= docs["date"] < sel.end.normalize() + pd.Timedelta(days=1)
            docs = docs[keep]
        return docs

    # ------------------------------------------------------------------ display

    def __repr__(self) -> str:
        return f"<Explorer: {self.result!r}>"

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = self.result._repr_mimebundle_()
        if self._widgets_wanted(include):
            ui = self.widget
            bundle.update(ui._repr_mimebundle_())
        return bundle

    def _widgets_wanted(self, include) -> bool:
        if self.mode == "static" or (include is not None and _WIDGET_MIME not in include):
            return False
        try:
            import ipywidgets  # noqa: F401
        except ImportError:
            if self.mode == "widgets":
                raise
            return False
        if self.mode == "widgets":
            return True
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
        return shell is not None and getattr(shell, "kernel", None) is not None

    @property
    def widget(self):
        """The ipywidgets controls and output (built once; needs ipywidgets)."""
        if self._ui is None:
            self._ui = _Controls(self)
        return self._ui.box


class _Controls:
    """The ipywidgets of an :class:`Explorer`: controls on top, chart and KWIC lines below."""

    def __init__(self, explorer: Explorer):
        import ipywidgets as w

        self.ex = explorer
        sel = explorer.selection
        layout = w.Layout(width="auto")
        self.sources = w.SelectMultiple(options=explorer.sources_, value=sel.sources,
                                        rows=min(max(len(explorer.sources_), 2), 7),
                                        description="Sources", layout=layout)
        self.frames = w.SelectMultiple(
            options=[(explorer.labels.get(f, f), f) for f in explorer.frames_],
            value=sel.frames, rows=7, description="Frames", layout=layout)
        days = _days(explorer.corpus) if explorer.dates_ else []
        self.dates = w.SelectionRangeSlider(
            options=days or ["(no dates)"], index=(0, max(len(days) - 1, 0)),
            description="Dates", disabled=not days, continuous_update=False, readout=False,
            layout=w.Layout(width="360px"))
        self.date_label = w.Label()
        entries = sorted(set(explorer.hits["entry"].astype(str)), key=str.casefold)
        self.term = w.Combobox(value=sel.term, options=entries, ensure_option=False,
                               placeholder="part of a pattern or match", description="Term",
                               continuous_update=False)
        self.status = w.HTML()
        self.output = w.Output()
        self._busy = False
        for control in (self.sources, self.frames, self.dates, self.term):
            control.observe(self._changed, names="value")
        self.box = w.VBox([w.HBox([self.sources, self.frames]),
                           w.HBox([self.dates, self.date_label, self.term]), self.status,
                           self.output])
        self.box.add_class("framing-explorer")
        self.sync()

    def _changed(self, _change=None) -> None:
        if self._busy:
            return
        dates = self.dates.value if not self.dates.disabled else None
        self._busy = True
        try:
            self.ex.select(sources=list(self.sources.value), frames=list(self.frames.value),
                           dates=dates, term=self.term.value)
        except InputError as exc:
            self.status.value = f'<span style="color:#D55E00">{html.escape(str(exc))}</span>'
            return
        finally:
            self._busy = False
        self.render(self.ex.result)

    def sync(self) -> None:
        """Show the explorer's selection in the controls (after :meth:`Explorer.select`)."""
        if self._busy:
            return
        sel, days = self.ex.selection, list(self.dates.options)
        self._busy = True
        try:
            self.sources.value = sel.sources
            self.frames.value = sel.frames
            self.term.value = sel.term
            if not self.dates.disabled:
                lo = _day(sel.start) or days[0]
                hi = _day(sel.end) or days[-1]
                first = min(bisect.bisect_left(days, lo), len(days) - 1)
                last = min(max(bisect.bisect_right(days, hi) - 1, first), len(days) - 1)
                self.dates.index = (first, last)
        finally:
            self._busy = False
        self.render(self.ex.result)

    def render(self, result: ExploreResult) -> None:
        from IPython.display import HTML, Image

        self.status.value = f'<span style="color:#555">{html.escape(result.summary())}</span>'
        if not self.dates.disabled:
            self.date_label.value = " to ".join(self.dates.value)
        self.output.outputs = ()
        self.output.append_display_data(Image(data=result.png, format="png"))
        self.output.append_display_data(HTML(result._shown_lines()._repr_html_()))


def _days(corpus: pd.DataFrame) -> list[str]:
    return sorted(corpus["date"].dropna().dt.strftime("%Y-%m-%d").unique())


def _known(param: str, what: str, given: list, available: list) -> list:
    unknown = [str(g) for g in given if g not in set(available)]
    if unknown:
        raise InputError(
            f"The '{param}' parameter of explore must name {what}; got "
            f"{', '.join(map(repr, unknown))}. Available: {', '.join(available) or '(none)'}.")
    return list(given)


def _utc_dates(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus with its ``date`` column as UTC timestamps, as :func:`read_corpus` gives
    it: naive datetimes are taken as UTC, others converted; text must be ISO 8601."""
    if "date" not in corpus.columns:
        return corpus
    dates = corpus["date"]
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        return corpus if str(dates.dt.tz) == "UTC" else corpus.assign(
            date=dates.dt.tz_convert("UTC"))
    if pd.api.types.is_datetime64_dtype(dates):
        return corpus.assign(date=dates.dt.tz_localize("UTC"))
    given = dates.notna() & (dates.astype(str).str.strip() != "")
    parsed = []
    for v in dates:
        try:
            ts = pd.to_datetime(v.strip() if isinstance(v, str) else v, format="ISO8601") \
                if isinstance(v, str) else pd.Timestamp(v)
        except (ValueError, TypeError):
            ts = pd.NaT
        if ts is not pd.NaT and ts is not None:
            ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
        parsed.append(ts)
    parsed = pd.Series(pd.to_datetime(pd.Series(parsed, dtype="object"), utc=True),
                       index=corpus.index)
    bad = np.flatnonzero((given & parsed.isna()).to_numpy())
    if len(bad):
        shown = "; ".join(f"row {i + 1}: {dates.iloc[i]!r}" for i in bad[:5])
        more = f" (and {len(bad) - 5} more)" if len(bad) > 5 else ""
        raise InputError(f"the corpus 'date' column has {len(bad)} value(s) that are not ISO "
                         f"8601 dates like '2024-03-01': {shown}{more}. Read the corpus with "
                         "framing.read_corpus (date_format= for other formats), or convert the "
                         "column with pd.to_datetime(..., utc=True).")
    return corpus.assign(date=parsed)


def _timestamp(value):
    if value is None or value == "":
        return None
    try:
        if isinstance(value, str):      # ISO 8601 only: pd.Timestamp("March") is year 1
            ts = pd.to_datetime(value.strip(), format="ISO8601")
        else:
            ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise InputError(f"The 'dates' parameter of explore must hold ISO 8601 dates like "
                         f"'2024-03-01'; got {value!r}.") from None
    if ts is pd.NaT:
        raise InputError(f"The 'dates' parameter of explore must hold ISO 8601 dates like "
                         f"'2024-03-01'; got {value!r}.")
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def explore(corpus, hits_or_lexicon="ukraine_war", *, sources=None, frames=None, dates=None,
            term="", by="source", chart="profile", window=6, max_lines=20, n_boot=500,
            seed=0, mode="auto") -> Explorer:
    """Explore a corpus in a notebook: the comparison chart and KWIC lines of a selection.

    Parameters
    ----------
    corpus : DataFrame or path
        The corpus table (anything :func:`framing.read_corpus` reads).
    hits_or_lexicon : DataFrame, Lexicon, str or Path, default="ukraine_war"
        A hits table from :func:`framing.find_hits`, or a lexicon to find them with.
    sources, frames, dates, term : optional
        The first selection (see :meth:`Explorer.select`); default: everything.
    by : str, default="source"
        The grouping column of the chart (see :func:`framing.compare_groups`).
    chart : {"profile", "shares"}, default="profile"
        :func:`framing.plot.frame_profile` (mean rate with intervals) or
        :func:`framing.plot.frame_shares` (share of articles with a hit).
    window : int, default=6
        Words of context in the KWIC lines.
    max_lines : int, default=20
        KWIC lines shown.
    n_boot : int, default=500
        Bootstrap resamples (kept small so that the chart follows the controls quickly).
    seed : int, default=0
    mode : {"auto", "widgets", "static"}, default="auto"
        ``auto`` shows controls in a live notebook when ipywidgets is installed, and the
        static chart and table otherwise; ``static`` never builds widgets; ``widgets``
        fails when ipywidgets is missing.

    Returns
    -------
    Explorer

    Raises
    ------
    InputError
        For an unknown source or frame, a bad date range, or a bad option.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.lexicon import parse_lexicon
    >>> lex = parse_lexicon("{name: tiny, frames: {"
    ...     "proxy_war: {label: Proxy war, terms: {en: ['proxy war*']}}, "
    ...     "invasion: {label: Invasion, terms: {en: ['invader*', invasion]}}}}")
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "source": ["X", "Y"], "lang": "en",
    ...     "text": ["A proxy war, they say.", "The invaders left."]})
    >>> ex = explore(corpus, lex, frames=["proxy_war"], n_boot=50, mode="static")
    >>> ex.result.table[["group", "frame", "n_docs", "mean"]]
      group      frame  n_docs   mean
    0     X  proxy_war       1  200.0
    1     Y  proxy_war       1    0.0
    >>> ex.select(sources=["Y"], frames=None).lines[["doc_id", "left", "match", "right"]]
       left   match    right  doc_id
    0   The  invaders  left        b
    """
    from framing.corpus import read_corpus
    from framing.detect import find_hits
    from framing.score import count_tokens

    if chart not in _CHARTS:
        raise InputError(f"The 'chart' parameter of explore must be one of "
                         f"{', '.join(_CHARTS)}; got {chart!r}.")
    if mode not in _MODES:
        raise InputError(f"The 'mode' parameter of explore must be one of "
                         f"{', '.join(_MODES)}; got {mode!r}.")
    if not isinstance(corpus, pd.DataFrame):
        corpus = read_corpus(corpus)
    check_columns(corpus, ("doc_id", "text"), table="corpus", param="corpus")
    corpus = _utc_dates(corpus)
    if by not in corpus.columns:
        raise InputError(f"The 'by' parameter of explore must be a column of the corpus; got "
                         f"{by!r}. Available: {', '.join(map(str, corpus.columns))}.")
    if isinstance(hits_or_lexicon, pd.DataFrame):
        check_columns(hits_or_lexicon, ("doc_id", "frame", "start", "end"), table="hits",
                      param="hits_or_lexicon")
        hits, tokens = hits_or_lexicon, count_tokens(corpus)
    else:
        hits, tokens = find_hits(corpus, hits_or_lexicon, n_tokens=True)
    hits = hits.copy()
    hits.attrs.update(hits_or_lexicon.attrs if isinstance(hits_or_lexicon, pd.DataFrame)
                      else {})
    hits.attrs.setdefault("frames", list(dict.fromkeys(hits["frame"])))
    if "entry" not in hits.columns:
        hits["entry"] = hits["match"] if "match" in hits.columns else ""
    if "match" not in hits.columns:
        hits["match"] = hits["entry"]
    ex = Explorer(corpus, hits, tokens, by=by, chart=chart, window=window,
                  max_lines=max_lines, n_boot=n_boot, seed=seed, mode=mode)
    ex.select(sources=sources, frames=frames, dates=dates, term=term)
    return ex
