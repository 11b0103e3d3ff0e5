"""The project's figures: a registry of builders, and the command that regenerates them.

``framing figures`` (or :func:`make_figures`) runs the whole pipeline once on a corpus
(by default the bundled sample) and writes every figure as PNG and SVG, byte-identical
from run to run on the same matplotlib and FreeType versions: the Agg backend, the house
style, DejaVu Sans, fixed seeds, sorted inputs, and no dates or software versions in the
files. It lists them in ``figures/README.md`` and records the files it made in
``figures/.framing-manifest.json``; it never replaces a file it did not make.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import textwrap
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from framing import plot
from framing._io import atomic_write_bytes, atomic_write_text
from framing.errors import InputError

__all__ = ["FIGURES", "FigureContext", "make_figures", "render"]

MANIFEST = ".framing-manifest.json"
_SAVE_METADATA = {"png": {"Software": None}, "svg": {"Date": None},
                  "pdf": {"CreationDate": None, "ModDate": None, "Producer": None,
                          "Creator": None}}


@dataclass
class FigureContext:
    """The pipeline run once for all figures: corpus, lexicon, hits, scores, comparisons."""

    corpus: pd.DataFrame
    lexicon: object
    by: str = "source"
    seed: int = 0
    n_boot: int = 2000
    corpus_label: str = "the bundled sample corpus (illustrative, fictional outlets)"
    target: str | None = None
    n_jobs: int = 1                  # processes that find the hits (see find_hits)
    _cache: dict = field(default_factory=dict, repr=False)

    def groups_by_size(self, limit: int = 6) -> list[str]:
        """The largest groups (most articles), at most ``limit``, in sorted order."""
        sizes = self.corpus[self.by].astype(str).value_counts()
        return sorted(sizes.index[:limit])

    def n_groups(self) -> int:
        return int(self.corpus[self.by].astype(str).nunique())

    def group_index(self, group: str) -> int:
        """The place of ``group`` in the comparison charts (sorted order)."""
        return sorted(self.corpus[self.by].astype(str).unique()).index(group)

    def colour(self, group: str) -> str:
        """The colour of ``group``: the one the comparison charts give it."""
        return plot._group_style(self.group_index(group))[0]

    def of_all(self, shown: list) -> str:
        """`` (the 6 largest of 14 sources)`` when some groups are left out, else ``""``."""
        n = self.n_groups()
        noun = "sources" if self.by == "source" else f"values of {self.by}"
        return f" (the {len(shown)} largest of {n} {noun})" if len(shown) < n else ""

    def keyness_subject(self) -> tuple[str, pd.DataFrame]:
        """The group the keyness figure sets apart (``target``, else the first group, in
        sorted order, of the most common language) and the articles in its language."""
        groups = self.corpus[self.by].astype(str)
        target = self.target
        if target is None:
            lang = self.corpus["lang"].mode().iloc[0]
            target = sorted(groups[self.corpus["lang"] == lang].unique())[0]
        lang = self.corpus.loc[groups == target, "lang"].mode().iloc[0]
        return target, self.corpus[self.corpus["lang"] == lang]

    @functools.cached_property
    def keyness(self) -> pd.DataFrame:
        """Term keyness of one group against the rest of its language (see ``target``)."""
        from framing.keyness import keyness

        target, same = self.keyness_subject()
        return keyness(same, by=self.by, target=target, min_count=5)

    @functools.cached_property
    def voices(self) -> pd.DataFrame:
        from framing.context import voice_shares

        return voice_shares(self.hits, by=self.by, corpus=self.corpus)

    @functools.cached_property
    def top(self) -> pd.DataFrame:
        from framing.compare import top_entries

        return top_entries(self.hits, self.corpus, by=self.by, n=6, frames=self.frames())

    @functools.cached_property
    def hits(self) -> pd.DataFrame:
        from framing.detect import find_hits

        hits, self._cache["n_tokens"] = find_hits(self.corpus, self.lexicon, n_tokens=True,
                                                  n_jobs=self.n_jobs)
        return hits

    @functools.cached_property
    def scores(self) -> pd.DataFrame:
        from framing.score import score_documents

        hits = self.hits
        return score_documents(hits, self.corpus, lexicon=self.lexicon,
                               n_tokens=self._cache["n_tokens"])

    def frames(self, dimension: str = "frame") -> list[str]:
        return [n for n, f in self.lexicon.frames.items() if f.dimension == dimension]

    @functools.cached_property
    def comparison(self) -> pd.DataFrame:
        from framing.compare import compare_groups

        return compare_groups(self.scores, by=self.by, n_boot=self.n_boot, seed=self.seed)

    @functools.cached_property
    def over_time(self) -> pd.DataFrame:
        from framing.compare import compare_over_time

        return compare_over_time(self.scores, by=self.by, freq="month",
                                 n_boot=min(self.n_boot, 1000), seed=self.seed)


@dataclass(frozen=True)
class FigureSpec:
    """One registered figure: how to draw it and what it shows."""

    build: object
    description: str
    size: tuple = (7.5, 5.0)
    #: ``needs(ctx)`` -> why the figure cannot be drawn for this corpus and lexicon, or ""
    needs: object = None

    def missing(self, ctx: FigureContext) -> str:
        return self.needs(ctx) if self.needs is not None else ""


def _fig(spec_size):
    """A figure with its own Agg canvas: no pyplot state, no global backend switch."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=spec_size, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _frame_profile(ctx: FigureContext, fig):
    ax = fig.subplots()
    table = ctx.comparison
    plot.frame_profile(table, frames=ctx.frames(), ax=ax)
    ax.set_title(f"How often each frame appears, by {ctx.by}")
    return fig


def _frame_heatmap(ctx: FigureContext, fig):
    ax = fig.subplots()
    plot.frame_heatmap(ctx.comparison, ax=ax)
    ax.set_title(f"Frames and naming markers by {ctx.by}: mean hits per 1,000 words")
    return fig


def _frame_shares(ctx: FigureContext, fig):
    ax = fig.subplots()
    plot.frame_shares(ctx.comparison, frames=ctx.frames(), ax=ax)
    ax.set_title(f"Share of articles using each frame, by {ctx.by}")
    return fig


def _naming_markers(ctx: FigureContext, fig):
    ax = fig.subplots()
    plot.frame_shares(ctx.comparison, frames=ctx.frames("naming"), ax=ax)
    ax.set_title("Place-name spellings: Russian-derived vs Ukrainian-derived")
    return fig


def _timeline_escalation(ctx: FigureContext, fig):
    ax = fig.subplots()
    plot.timeline(ctx.over_time, "escalation", ax=ax)
    ax.set_title("Escalation and threat, by month")
    return fig


def _keyness_terms(ctx: FigureContext, fig):
    ax = fig.subplots()
    table = ctx.keyness
    plot.keyness_chart(table, n=12, ax=ax)
    if len(table):
        ax.set_title(f"Words that set {table['group_a'].iloc[0]} apart "
                     f"(vs {table['group_b'].iloc[0]}, same language)")
    return fig


def _top_terms(ctx: FigureContext, fig):
    groups = ctx.groups_by_size(6)
    cols = 3 if len(groups) > 4 else 2
    rows = -(-len(groups) // cols)
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    for ax, group in zip(axes, groups):
        plot.top_terms(ctx.top, group, labels=ctx.lexicon.labels, colour=ctx.colour(group),
                       ax=ax)
        title = ax.get_title()
        if len(title) > 22:              # long names would run past the panel (or the figure)
            ax.set_title(textwrap.fill(title, 22))
        _, _, _, hatch = plot._group_style(ctx.group_index(group))
        for bar in ax.patches if hatch else ():     # as in the comparison charts
            bar.set(hatch=hatch, edgecolor="white", linewidth=0)
    for ax in axes[len(groups):]:
        ax.set_visible(False)
    fig.suptitle("Most frequent loaded terms per source (frames only; label = frame)"
                 + ctx.of_all(groups), fontweight="bold")
    return fig


def _own_voice(ctx: FigureContext, fig):
    ax = fig.subplots()
    groups = ctx.groups_by_size(16)
    plot.voice_chart(ctx.voices, frames=ctx.frames(), groups=groups, ax=ax)
    ax.set_title("Whose words? Frame hits in the outlet's own voice vs quoted"
                 + ctx.of_all(groups))
    return fig


def _needs_frames(ctx: FigureContext) -> str:
    return "" if ctx.frames() else "the lexicon has no frames of dimension `frame`"


def _needs_naming(ctx: FigureContext) -> str:
    return "" if ctx.frames("naming") else "the lexicon has no frames of dimension `naming`"


def _needs_escalation(ctx: FigureContext) -> str:
    if "escalation" not in ctx.lexicon.frames:
        return "the lexicon has no frame `escalation`"
    if "date" not in ctx.corpus.columns or not ctx.corpus["date"].notna().any():
        return "the corpus has no dates (name its date column with --date / date=)"
    return ""


def _needs_keyness(ctx: FigureContext) -> str:
    if ctx.by not in ctx.corpus.columns:
        return f"the corpus has no column {ctx.by!r}"
    if ctx.target is not None and not (ctx.corpus[ctx.by].astype(str) == ctx.target).any():
        return f"no article has {ctx.by} {ctx.target!r}"
    _, same = ctx.keyness_subject()
    if same[ctx.by].astype(str).nunique() < 2:
        return (f"fewer than two values of {ctx.by} among the articles in "
                f"{same['lang'].iloc[0]}")
    return ""


#: name -> FigureSpec. ``framing figures`` writes ``<name>.png`` and ``<name>.svg``.
FIGURES = {
    "frame_profile": FigureSpec(
        _frame_profile, "Mean frame rate (hits per 1,000 words) per source, with 95% "
        "bootstrap intervals over articles; frames only, naming markers apart.", (7.5, 6.5),
        _needs_frames),
    "frame_heatmap": FigureSpec(
        _frame_heatmap, "Source x frame heatmap of the mean rate, naming markers included; "
        "each cell annotated.", (8.5, 4.5)),
    "frame_shares": FigureSpec(
        _frame_shares, "Share of each source's articles with at least one hit of each "
        "frame, with 95% bootstrap intervals.", (7.5, 6.5), _needs_frames),
    "naming_markers": FigureSpec(
        _naming_markers, "Share of articles using Russian-derived (Kiev, Kiew, Kharkov) and "
        "Ukrainian-derived (Kyiv, Kyjiw, Kharkiv) place-name spellings.", (7.0, 3.2),
        _needs_naming),
    "timeline_escalation": FigureSpec(
        _timeline_escalation, "Monthly mean rate of the escalation frame per source "
        "(unsmoothed), with 95% bootstrap bands.", (7.5, 4.0), _needs_escalation),
    "keyness_terms": FigureSpec(
        _keyness_terms, "\"Fightin' words\": the words most typical of one source against "
        "the other sources in its language, by the z-score of the log-odds ratio with an "
        "informative Dirichlet prior (Monroe et al. 2008).", (7.0, 6.5), _needs_keyness),
    "own_voice": FigureSpec(
        _own_voice, "Per source, the share of frame hits (all frames pooled) written in the "
        "outlet's own voice, inside quotations, and in scare quotes.", (7.5, 3.8),
        _needs_frames),
    "top_terms": FigureSpec(
        _top_terms, "Each source's most frequent lexicon entries (hits per 100 articles), "
        "each bar labelled with its frame.", (11.0, 6.0)),
}


def render(name: str, ctx: FigureContext, fmt: str = "png") -> bytes:
    """Draw one registered figure and return the file's bytes (``png``, ``svg``, ``pdf``).

    The figure has its own Agg canvas, so rendering never touches pyplot's state or the
    session's backend (safe inside a notebook).

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.lexicon import parse_lexicon
    >>> lexicon = parse_lexicon("{name: demo, frames: {proxy_war: {label: Proxy war, "
    ...                         "terms: {en: ['proxy war*']}}}}")
    >>> corpus = pd.DataFrame({"doc_id": list("abcd"), "source": list("XXYY"), "lang": "en",
    ...     "text": ["A proxy war.", "Talks went on.", "A proxy war, twice: proxy war.", "Talks."]})
    >>> ctx = FigureContext(corpus=corpus, lexicon=lexicon, n_boot=100)
    >>> render("frame_profile", ctx, "svg")[:5]
    b'<?xml'
    >>> render("frame_profile", ctx) == render("frame_profile", ctx)   # byte-identical
    True
    """
    if name not in FIGURES:
        raise InputError(f"unknown figure {name!r}; figures: {', '.join(FIGURES)}.")
    spec = FIGURES[name]
    why = spec.missing(ctx)
    if why:
        raise InputError(f"figure {name!r} cannot be drawn: {why}.")
    with plot.style():
        fig = _fig(spec.size)
        spec.build(ctx, fig)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, metadata=_SAVE_METADATA.get(fmt))
    return buf.getvalue()


def make_figures(*, corpus=None, lexicon="ukraine_war", out="figures", names=None,
                 formats=("png", "svg"), by: str = "source", seed: int = 0,
                 n_boot: int = 2000, force: bool = False, corpus_options=None,
                 progress: bool = True, target: str | None = None, since=None, until=None,
                 sources=None, n_jobs: int = 1) -> list[Path]:
    """Regenerate the figures in ``out`` from a corpus (default: the bundled sample).

    Parameters
    ----------
    corpus : DataFrame or path, optional
        Default: the bundled sample corpus.
    lexicon : Lexicon, str or Path, default="ukraine_war"
    out : path, default="figures"
    names : list of str, optional
        Which figures of :data:`FIGURES` (default: all).
    formats : tuple, default=("png", "svg")
    by : str, default="source"
    seed, n_boot : int
        Bootstrap settings (fixed, so figures are reproducible).
    force : bool, default=False
        Replace files in ``out`` that this command did not make.
    corpus_options : dict, optional
        Column mapping for :func:`framing.read_corpus` (``{"text": "body"}``).
    target : str, optional
        The group whose words the keyness figure sets apart (default: the first group, in
        sorted order, of the most common language).
    since, until : str or Timestamp, optional
        Keep articles dated in ``[since, until]`` (e.g. to compare outlets over the same
        months).
    sources : list of str, optional
        Keep only these groups (values of ``by``).
    n_jobs : int, default=1
        Processes that find the hits (``-1``: every core), as in :func:`framing.find_hits`;
        the figures are the same bytes whatever the number.

    Returns
    -------
    list of Path
        The files written (figures, then ``README.md``).

    Raises
    ------
    InputError
        A figure asked for by ``names`` cannot be drawn for this corpus and lexicon (no
        ``naming`` frames, no ``escalation`` frame or no dates, fewer than two groups in a
        language for the keyness figure), or ``out`` holds files this command did not make.
        Nothing is written then.

    Notes
    -----
    Without ``names``, a figure that cannot be drawn for this corpus and lexicon is skipped
    with a warning saying why, and the figures' ``README.md`` lists it. Every file is drawn
    before the first is written, so a run that fails leaves ``out`` as it was.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.lexicon import parse_lexicon
    >>> lexicon = parse_lexicon("{name: demo, frames: {proxy_war: {label: Proxy war, "
    ...                         "terms: {en: ['proxy war*']}}}}")
    >>> corpus = pd.DataFrame({"doc_id": list("abcd"), "source": list("XXYY"), "lang": "en",
    ...     "text": ["A proxy war.", "Talks went on.", "A proxy war, twice: proxy war.", "Talks."]})
    >>> import pathlib, tempfile
    >>> written = make_figures(corpus=corpus, lexicon=lexicon, out=pathlib.Path(tempfile.mkdtemp()),
    ...                        names=["frame_profile"], n_boot=100, progress=False)
    >>> [path.name for path in written]
    ['frame_profile.png', 'frame_profile.svg', 'README.md']
    """
    from framing.corpus import read_corpus, select_corpus
    from framing.lexicon import read_lexicon

    label = "the bundled sample corpus (illustrative, fictional outlets)"
    if corpus is None:
        corpus = read_corpus("sample")
    elif not isinstance(corpus, pd.DataFrame):
        label = f"`{corpus}`"
        corpus = read_corpus(corpus, **(corpus_options or {}))
    named = (corpus_options or {}).get("source")
    if named and by == named and by not in corpus.columns:
        by = "source"                 # the corpus's own name of the column read as source
    whole = corpus
    corpus = select_corpus(corpus, by=by, groups=sources, since=since, until=until)
    if corpus.empty:
        raise InputError(_nothing_selected(whole, since, until, sources) + " Nothing was written.")
    if target is not None and by in corpus.columns \
            and not (corpus[by].astype(str) == target).any():
        raise InputError(f"target {target!r} is not a value of {by!r} in the corpus; values: "
                         f"{', '.join(sorted(corpus[by].astype(str).unique())[:15])}. "
                         "Nothing was written.")
    if since or until or sources:
        label += " (" + ", ".join(filter(None, [
            f"from {since}" if since else "", f"until {until}" if until else "",
            f"{by}: {', '.join(sources)}" if sources else ""])) + ")"
    asked = bool(names)
    names = list(names) if names else list(FIGURES)
    for n in names:
        if n not in FIGURES:
            raise InputError(f"unknown figure {n!r}; figures: {', '.join(FIGURES)}.")
    lex = read_lexicon(lexicon)
    ctx = FigureContext(corpus=corpus, lexicon=lex, by=by, seed=seed, n_boot=n_boot, n_jobs=n_jobs,
                        corpus_label=label, target=target)
    skipped = {n: why for n in names if (why := FIGURES[n].missing(ctx))}
    if skipped and asked:
        raise InputError("cannot draw " + "; ".join(f"{n}: {why}" for n, why in skipped.items())
                         + ". Nothing was written.")
    names = [n for n in names if n not in skipped]
    if not names:
        raise InputError("none of the figures can be drawn for this corpus and lexicon ("
                         + "; ".join(f"{n}: {why}" for n, why in skipped.items())
                         + "). Nothing was written.")
    for n, why in skipped.items():
        warnings.warn(f"figure {n} skipped: {why}", stacklevel=2)
    out = Path(out)
    manifest = _read_manifest(out)
    planned = [f"{n}.{fmt}" for n in names for fmt in formats] + ["README.md"]
    _check_ownership(out, planned, manifest, force)
    # every file is drawn before the first is written: a figure that fails leaves `out`
    # as it was
    items = [(n, fmt) for n in names for fmt in formats]
    drawn = [(f"{n}.{fmt}", render(n, ctx, fmt)) for n, fmt in _progress(items, progress)]
    written = [atomic_write_bytes(out / name, data) for name, data in drawn]
    here = {p.name for p in written} | {"README.md"}
    earlier = sorted(n for n in manifest["files"] if n not in here and (out / n).exists())
    written.append(atomic_write_text(out / "README.md",
                                     _readme(ctx, names, formats, skipped, earlier)))
    import matplotlib

    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in written}
    manifest["files"].update(files)
    manifest["matplotlib"] = matplotlib.__version__
    atomic_write_text(out / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return written


def _nothing_selected(corpus: pd.DataFrame, since, until, sources) -> str:
    what = ", ".join(filter(None, [f"since {since}" if since else "",
                                   f"until {until}" if until else "",
                                   f"from {', '.join(map(str, sources))}" if sources else ""]))
    message = f"no articles in the corpus {what}" if what else "the corpus has no articles"
    if (since or until) and "date" in corpus.columns and corpus["date"].notna().any():
        dates = corpus["date"].dropna()
        message += (f" (its articles are dated {dates.min():%Y-%m-%d} to "
                    f"{dates.max():%Y-%m-%d})")
    return message + "."


def _progress(items, show: bool):
    if not show:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc="figures", unit="file")


def _read_manifest(out: Path) -> dict:
    path = out / MANIFEST
    if not path.exists():
        return {"made_by": "framing figures", "files": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(data.get("files"), dict)
    except (ValueError, AssertionError):
        raise InputError(f"{path} is not a manifest written by `framing figures`; remove it "
                         "or choose another --out folder.") from None
    return data


def _check_ownership(out: Path, planned: list[str], manifest: dict, force: bool) -> None:
    if force:
        return
    made = manifest["files"]
    foreign = [n for n in planned if (out / n).exists() and n not in made]
    edited = [n for n in planned if (out / n).exists() and n in made
              and hashlib.sha256((out / n).read_bytes()).hexdigest() != made[n]]
    if foreign or edited:
        raise InputError(
            f"{out} already holds file(s) that `framing figures` did not make"
            + (f": {', '.join(foreign)}" if foreign else "")
            + (f"{'; and' if foreign else ''} file(s) changed since it made them: "
               f"{', '.join(edited)}" if edited else "")
            + ". Nothing was written. Choose another --out folder, move them, or pass "
            "--force to replace them.")


def _readme(ctx: FigureContext, names, formats, skipped=None, earlier=()) -> str:
    lex = ctx.lexicon
    corpus = ctx.corpus
    n_sources = corpus["source"].nunique() if "source" in corpus else 0
    lines = [
        "# Figures",
        "",
        "Generated by `framing figures` — do not edit by hand; re-run the command instead.",
        "",
        f"- Corpus: {ctx.corpus_label}: {len(corpus)} articles, {n_sources} sources, "
        f"languages {', '.join(sorted(corpus['lang'].dropna().unique()))}.",
        f"- Lexicon: `{lex.name}` version `{lex.version_id}`.",
        f"- Statistics: mean per article by `{ctx.by}`; {ctx.n_boot} bootstrap resamples of "
        f"articles, seed {ctx.seed}, 95% percentile intervals.",
        "- Files are byte-identical on a re-run with the same matplotlib and FreeType.",
        "",
        "| figure | files | what it shows |",
        "|---|---|---|",
    ]
    for n in names:
        files = ", ".join(f"[{fmt.upper()}]({n}.{fmt})" for fmt in formats)
        lines.append(f"| `{n}` | {files} | {FIGURES[n].description} |")
    if skipped:
        lines += ["", "Not drawn for this corpus and lexicon:", ""]
        lines += [f"- `{n}`: {why}." for n, why in skipped.items()]
    if earlier:
        lines += ["", "Also in this folder, made by an earlier run of `framing figures` (with "
                  "the settings of that run, which may differ from the above): "
                  + ", ".join(f"[{n}]({n})" for n in earlier) + "."]
    lines += ["", "Regenerate: `framing figures` (or `python -m framing figures`); one figure: "
              "`framing figures --only frame_profile`; another corpus: "
              "`framing figures --corpus articles.csv --out my-figures`.", ""]
    if "png" in formats:
        lines += [f"![{n}]({n}.png)" for n in names] + [""]
    return "\n".join(lines)
