"""Charts: one function per chart, ``ax=`` in, ``Axes`` out, one house style.

Plot functions only draw: the statistics come from :mod:`framing.compare`. None of them
calls ``show`` or ``savefig``; :mod:`framing.figures` saves them. Colours follow the
Okabe-Ito palette, which stays distinguishable with the common forms of colour blindness.
Every chart writes its denominator and interval type on the axes.
"""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import pandas as pd

from framing.errors import InputError

__all__ = ["PALETTE", "HOUSE_STYLE", "style", "use_style", "frame_profile", "frame_heatmap",
           "frame_shares", "timeline", "keyness_chart", "top_terms", "pairwise_chart",
           "precision_chart", "voice_chart"]

#: Okabe & Ito (2008) colour-blind-safe palette (black moved last).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
           "#000000")

# Past the palette's eight colours, groups differ by marker, line style and hatching too.
_MARKERS = ("o", "s", "^", "D")
_LINES = ("-", "--", ":", "-.")
_HATCHES = ("", "////", "....", "xxxx")


def _group_style(g: int) -> tuple[str, str, str, str]:
    """Colour, marker, line style and hatch of the ``g``-th group of a chart."""
    k = g // len(PALETTE) % len(_MARKERS)
    return PALETTE[g % len(PALETTE)], _MARKERS[k], _LINES[k], _HATCHES[k]


def _legend(ax, groups: list, loc: str, **kwargs) -> None:
    """The legend inside the axes for a few groups, beside them for many."""
    if len(groups) > 8:
        kwargs.pop("ncols", None)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), **kwargs)
    else:
        ax.legend(loc=loc, **kwargs)


#: Matplotlib settings of the house style (used by :func:`style`).
HOUSE_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "legend.frameon": False,
    "legend.fontsize": 8,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "svg.hashsalt": "framing",
    "svg.fonttype": "path",
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "path.simplify": False,
}

_MEASURE_LABEL = {"rate": "hits per 1,000 words", "count": "hits per article",
                  "weight": "weighted hits per article"}


@contextmanager
def style():
    """Apply the house style inside a ``with`` block (fonts, grid, palette).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with style():
    ...     fig, ax = plt.subplots()
    ...     plt.rcParams["axes.spines.top"]
    False
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt
    from cycler import cycler

    with plt.rc_context({**HOUSE_STYLE, "axes.prop_cycle": cycler(color=PALETTE)}):
        yield


def use_style() -> None:
    """Apply the house style for the rest of the session (e.g. at the top of a notebook).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with plt.rc_context():            # only to restore the settings after this example
    ...     use_style()
    ...     plt.rcParams["font.family"]
    ['DejaVu Sans']
    """
    import matplotlib.pyplot as plt
    from cycler import cycler

    plt.rcParams.update({**HOUSE_STYLE, "axes.prop_cycle": cycler(color=PALETTE)})


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    return ax


def _labels(table: pd.DataFrame, labels) -> dict:
    out = dict(table.attrs.get("labels") or {})
    if "label" in table.columns:
        out.update(dict(zip(table["frame"], table["label"])))
    out.update(labels or {})
    return out


def _check(table, columns, source: str) -> None:
    """``table`` must be a DataFrame with ``columns`` (as made by ``source``)."""
    from framing.schema import check_columns

    check_columns(table, columns, table=source, param="table")


def _pick(asked, present: list, what: str) -> list:
    """``asked`` (one name or a list) checked against the names in the table."""
    asked = [asked] if isinstance(asked, str) else list(asked)
    shown = ", ".join(map(str, present[:15])) + (" ..." if len(present) > 15 else "")
    if not asked:
        raise InputError(f"{what} is empty; name at least one of: {shown}.")
    unknown = [str(a) for a in asked if a not in present]
    if unknown:
        raise InputError(f"unknown {what} {', '.join(unknown)}; {what} in the table: {shown}.")
    return asked


def _order(table: pd.DataFrame, frames, groups):
    all_frames = list(dict.fromkeys(table["frame"]))
    all_groups = sorted(table["group"].unique(), key=str)
    frames = _pick(frames, all_frames, "frames") if frames is not None else all_frames
    groups = _pick(groups, all_groups, "groups") if groups is not None else all_groups
    return frames, groups


def _one_frame(table: pd.DataFrame, frame) -> pd.DataFrame:
    """The rows of ``frame``; an error if the table has rows but none of that frame."""
    part = table[table["frame"] == frame]
    if part.empty and not table.empty:
        _pick([frame], list(dict.fromkeys(table["frame"])), "frames")
    return part


def _ci_text(table: pd.DataFrame) -> str:
    if "ci_level" in table.columns and len(table):
        return f"{table['ci_level'].iloc[0]:.0%} bootstrap CI over articles"
    return "bootstrap CI over articles"


def _measure_text(table: pd.DataFrame) -> str:
    measure = table["measure"].iloc[0] if "measure" in table.columns and len(table) else "rate"
    return _MEASURE_LABEL.get(measure, measure)


def frame_profile(table: pd.DataFrame, *, frames=None, groups=None, labels=None,
                  ax=None):
    """Dot-and-interval profile: the mean of each frame per group, with its interval.

    Parameters
    ----------
    table : DataFrame
        The comparison table from :func:`framing.compare_groups`.
    frames, groups : list, optional
        Which frames (rows, top to bottom) and groups (colours) to draw, in order.
    labels : dict, optional
        Frame name -> label; by default the lexicon's labels.
    ax : matplotlib Axes, optional
        Drawn on the current Axes when not given.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from framing.compare import compare_groups
    >>> scores = pd.DataFrame({"doc_id": list("abcd"), "frame": "proxy_war",
    ...                        "source": list("XXYY"), "count": [2, 0, 1, 1],
    ...                        "rate": [10.0, 0.0, 5.0, 5.0]})
    >>> table = compare_groups(scores, n_boot=200)
    >>> fig, ax = plt.subplots()
    >>> ax = frame_profile(table, ax=ax)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['proxy_war']
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['X (n=2)', 'Y (n=2)']
    >>> plt.close(fig)
    """
    _check(table, ("group", "frame", "mean", "ci_low", "ci_high", "n_docs"),
           "compare_groups")
    ax = _axes(ax)
    if table.empty:
        return ax
    frames, groups = _order(table, frames, groups)
    names = _labels(table, labels)
    idx = table.set_index(["group", "frame"])
    step = 0.7 / max(len(groups), 1)
    for g, group in enumerate(groups):
        part = idx.loc[group].reindex(frames)
        y = np.arange(len(frames)) - 0.35 + step * (g + 0.5)
        mean = part["mean"].to_numpy()
        err = np.vstack([mean - part["ci_low"].to_numpy(), part["ci_high"].to_numpy() - mean])
        n = int(part["n_docs"].iloc[0])
        colour, marker, _, _ = _group_style(g)
        ax.errorbar(mean, y, xerr=err, fmt=marker, ms=4, lw=1.2, capsize=0,
                    color=colour, label=f"{group} (n={n})")
    ax.set_yticks(np.arange(len(frames)), [names.get(f, f) for f in frames])
    ax.set_ylim(len(frames) - 0.5, -0.5)
    ax.set_xlim(left=0)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(f"Mean {_measure_text(table)} per article ({_ci_text(table)})")
    _legend(ax, groups, "lower right", title="Group (articles)")
    return ax


def frame_heatmap(table: pd.DataFrame, *, value: str = "mean", frames=None, groups=None,
                  labels=None, fmt: str = "{:.1f}", cmap: str = "cividis", ax=None):
    """Group x frame heatmap of a comparison table, each cell annotated with its value.

    Parameters
    ----------
    table : DataFrame
        The comparison table from :func:`framing.compare_groups`.
    value : {"mean", "share_docs"}, default="mean"
    frames, groups, labels : optional
        As in :func:`frame_profile`.
    fmt : str, default="{:.1f}"
        Format of the cell annotations.
    cmap : str, default="cividis"
        A perceptually uniform, colour-blind-safe colour map.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from framing.compare import compare_groups
    >>> scores = pd.DataFrame({"doc_id": list("abcd"), "frame": "proxy_war",
    ...                        "source": list("XXYY"), "count": [2, 0, 1, 1],
    ...                        "rate": [10.0, 0.0, 5.0, 5.0]})
    >>> table = compare_groups(scores, n_boot=200)
    >>> fig, ax = plt.subplots()
    >>> ax = frame_heatmap(table, ax=ax)
    >>> [t.get_text() for t in ax.texts], [t.get_text() for t in ax.get_yticklabels()]
    (['5.0', '5.0'], ['X', 'Y'])
    >>> plt.close(fig)
    """
    _check(table, ("group", "frame", value), "compare_groups")
    ax = _axes(ax)
    if table.empty:
        return ax
    frames, groups = _order(table, frames, groups)
    names = _labels(table, labels)
    grid = table.pivot(index="group", columns="frame", values=value).reindex(
        index=groups, columns=frames).to_numpy(dtype=float)
    image = ax.imshow(grid, cmap=cmap, aspect="auto", vmin=0)
    top = np.nanmax(grid) if np.isfinite(grid).any() else 1.0
    for (i, j), v in np.ndenumerate(grid):
        if np.isfinite(v):
            ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=7,
                    color="black" if v > 0.6 * top else "white")
    ax.set_xticks(np.arange(len(frames)), [names.get(f, f) for f in frames], rotation=40,
                  ha="right", rotation_mode="anchor")
    ax.set_yticks(np.arange(len(groups)), groups)
    ax.grid(False)
    what = (f"mean {_measure_text(table)} per article" if value == "mean"
            else "share of articles with at least one hit")
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label=what)
    return ax


def frame_shares(table: pd.DataFrame, *, frames=None, groups=None, labels=None, ax=None):
    """Share of each group's articles that use each frame at least once, with intervals.

    Parameters
    ----------
    table : DataFrame
        The comparison table from :func:`framing.compare_groups`.
    frames, groups, labels, ax : optional
        As in :func:`frame_profile`.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from framing.compare import compare_groups
    >>> scores = pd.DataFrame({"doc_id": list("abcd"), "frame": "proxy_war",
    ...                        "source": list("XXYY"), "count": [2, 0, 1, 1],
    ...                        "rate": [10.0, 0.0, 5.0, 5.0]})
    >>> table = compare_groups(scores, n_boot=200)
    >>> fig, ax = plt.subplots()
    >>> ax = frame_shares(table, ax=ax)
    >>> [float(bar.get_width()) for bar in ax.patches]
    [0.5, 1.0]
    >>> plt.close(fig)
    """
    _check(table, ("group", "frame", "share_docs", "share_low", "share_high", "n_docs"),
           "compare_groups")
    ax = _axes(ax)
    if table.empty:
        return ax
    frames, groups = _order(table, frames, groups)
    names = _labels(table, labels)
    idx = table.set_index(["group", "frame"])
    height = 0.8 / max(len(groups), 1)
    for g, group in enumerate(groups):
        part = idx.loc[group].reindex(frames)
        y = np.arange(len(frames)) - 0.4 + height * (g + 0.5)
        share = part["share_docs"].to_numpy()
        err = np.vstack([share - part["share_low"].to_numpy(),
                         part["share_high"].to_numpy() - share])
        colour, _, _, hatch = _group_style(g)
        pattern = {"hatch": hatch, "edgecolor": "white", "linewidth": 0} if hatch else {}
        ax.barh(y, share, height=height * 0.9, xerr=err, color=colour, **pattern,
                error_kw={"lw": 0.8, "ecolor": "#333333"},
                label=f"{group} (n={int(part['n_docs'].iloc[0])})")
    ax.set_yticks(np.arange(len(frames)), [names.get(f, f) for f in frames])
    ax.set_ylim(len(frames) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(_percent())
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(f"Share of articles with at least one hit ({_ci_text(table)})")
    _legend(ax, groups, "lower right", title="Group (articles)")
    return ax


def timeline(table: pd.DataFrame, frame: str, *, groups=None, labels=None, ax=None):
    """One frame over time, one line per group, with its interval band.

    Parameters
    ----------
    table : DataFrame
        The table from :func:`framing.compare_over_time` (with a ``period`` column).
    frame : str
        The frame to draw.
    groups, labels, ax : optional
        As in :func:`frame_profile`.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from framing.compare import compare_over_time
    >>> scores = pd.DataFrame({"doc_id": list("abcd"), "frame": "proxy_war",
    ...                        "source": list("XXYY"), "count": [2, 0, 1, 1],
    ...                        "rate": [10.0, 0.0, 5.0, 5.0],
    ...                        "date": pd.to_datetime(["2022-03-01", "2022-04-01"] * 2, utc=True)})
    >>> fig, ax = plt.subplots()
    >>> ax = timeline(compare_over_time(scores, n_boot=100), "proxy_war", ax=ax)
    >>> [(line.get_label(), [float(y) for y in line.get_ydata()]) for line in ax.get_lines()]
    [('X', [10.0, 0.0]), ('Y', [5.0, 5.0])]
    >>> plt.close(fig)
    """
    _check(table, ("group", "frame", "period", "mean", "ci_low", "ci_high"),
           "compare_over_time")
    ax = _axes(ax)
    part = _one_frame(table, frame)
    if part.empty:
        return ax
    groups = list(groups) if groups is not None else sorted(part["group"].unique())
    names = _labels(table, labels)
    for g, group in enumerate(groups):
        rows = part[part["group"] == group].sort_values("period")
        x = rows["period"].dt.tz_localize(None).to_numpy()
        colour, marker, line, _ = _group_style(g)
        ax.plot(x, rows["mean"], marker=marker, ms=3, lw=1.4, ls=line, color=colour,
                label=group)
        ax.fill_between(x, rows["ci_low"], rows["ci_high"], color=colour, alpha=0.15, lw=0)
    ax.set_ylim(bottom=0)
    freq = table.attrs.get("freq", "period")
    ax.set_ylabel(f"Mean {_measure_text(table)} per article")
    ax.set_xlabel(f"{str(freq).capitalize()} (unsmoothed; bands: {_ci_text(table)})")
    ax.set_title(names.get(frame, frame))
    import matplotlib.dates as mdates

    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    _legend(ax, groups, "upper left", ncols=2)
    return ax


def keyness_chart(table: pd.DataFrame, *, n: int = 12, ax=None):
    """"Fightin' words": the terms most typical of each side, by z-score.

    Parameters
    ----------
    table : DataFrame
        The keyness table from :func:`framing.keyness.keyness`.
    n : int, default=12
        Terms shown on each side.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from framing.keyness import keyness
    >>> corpus = pd.DataFrame({"doc_id": list("abcd"), "source": list("XXYY"), "lang": "en",
    ...     "text": ["regime regime regime war", "regime war", "invasion war",
    ...              "invasion invasion war"]})
    >>> fig, ax = plt.subplots()
    >>> ax = keyness_chart(keyness(corpus, target="X", min_count=1), ax=ax)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['regime', 'war', 'invasion']
    >>> plt.close(fig)
    """
    ax = _axes(ax)
    if table.empty:
        return ax
    top = table.nlargest(n, "z")
    top = top[top["z"] > 0]
    bottom = table.nsmallest(n, "z")
    bottom = bottom[bottom["z"] < 0]
    rows = pd.concat([top, bottom.iloc[::-1]])
    y = np.arange(len(rows))
    colours = [PALETTE[0] if z > 0 else PALETTE[1] for z in rows["z"]]
    ax.barh(y, rows["z"], color=colours, height=0.7)
    ax.set_yticks(y, rows["term"])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.axvline(0, color="#333333", lw=0.8)
    for z in (-1.96, 1.96):
        ax.axvline(z, color="#999999", lw=0.6, ls="--")
    ax.grid(axis="y", visible=False)
    first = table.iloc[0]
    ax.set_xlabel(f"z-score of the log-odds ratio (dashed: |z| = 1.96)\ninformative Dirichlet "
                  f"prior: {first['prior']}, \u03b1\u2080 = {first['alpha_0']:g}")
    ax.text(0.99, 0.02, f"more typical of {first['group_a']} \u2192", transform=ax.transAxes,
            ha="right", va="bottom", fontsize=8, color=PALETTE[0])
    ax.text(0.01, 0.98, f"\u2190 more typical of {first['group_b']}", transform=ax.transAxes,
            ha="left", va="top", fontsize=8, color=PALETTE[1])
    return ax


def top_terms(table: pd.DataFrame, group: str, *, labels=None, colour: str | None = None,
              ax=None):
    """One group's most frequent loaded terms (per 100 articles), each labelled with its frame.

    Parameters
    ----------
    table : DataFrame
        The table from :func:`framing.compare.top_entries`.
    group : str
        The group to draw.
    labels : dict, optional
        Frame name -> label (default: the frame names).
    colour : str, optional
        Bar colour (default: the first colour of the palette).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> table = pd.DataFrame({"group": "X", "rank": [1, 2], "entry": ["invader*", "occupier*"],
    ...                       "frame": "invasion", "count": [2, 1], "n_docs": 2,
    ...                       "per_100_docs": [100.0, 50.0]})
    >>> fig, ax = plt.subplots()
    >>> ax = top_terms(table, "X", ax=ax)
    >>> ax.get_title(), [float(bar.get_width()) for bar in ax.patches]
    ('X (n=2)', [100.0, 50.0])
    >>> plt.close(fig)
    """
    ax = _axes(ax)
    part = table[table["group"] == group].sort_values("rank")
    ax.set_title(group if part.empty else f"{group} (n={int(part['n_docs'].iloc[0])})")
    if part.empty:
        return ax
    labels = labels or {}
    y = np.arange(len(part))
    values = part["per_100_docs"].to_numpy()
    ax.barh(y, values, color=colour or PALETTE[0], height=0.7)
    ax.set_yticks(y, [f"{e}\n{labels.get(f, f)}" for e, f in zip(part["entry"], part["frame"])],
                  fontsize=7)
    ax.set_ylim(len(part) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("hits per 100 articles")
    return ax


def pairwise_chart(table: pd.DataFrame, frame: str, *, ax=None):
    """Differences between groups for one frame, with intervals; significant ones filled.

    Parameters
    ----------
    table : DataFrame
        The table from :func:`framing.compare.pairwise_differences`.
    frame : str
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from framing.compare import pairwise_differences
    >>> scores = pd.DataFrame({"doc_id": list("abcdef"), "frame": "f", "source": list("XXXYYY"),
    ...                        "count": [2, 1, 3, 0, 0, 1],
    ...                        "rate": [20.0, 10.0, 30.0, 0.0, 0.0, 10.0]})
    >>> fig, ax = plt.subplots()
    >>> ax = pairwise_chart(pairwise_differences(scores, n_boot=200), "f", ax=ax)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['X − Y']
    >>> plt.close(fig)
    """
    _check(table, ("frame", "group_a", "group_b", "diff", "ci_low", "ci_high",
                   "significant", "measure", "correction", "label"),
           "pairwise_differences")
    ax = _axes(ax)
    part = _one_frame(table, frame)
    if part.empty:
        return ax
    y = np.arange(len(part))
    for i, row in enumerate(part.itertuples(index=False)):
        filled = bool(row.significant)
        ax.errorbar(row.diff, i, xerr=[[row.diff - row.ci_low], [row.ci_high - row.diff]],
                    fmt="o", color=PALETTE[0], mfc=PALETTE[0] if filled else "white", ms=5)
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_yticks(y, [f"{a} \u2212 {b}" for a, b in zip(part["group_a"], part["group_b"])])
    ax.set_ylim(len(part) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)
    first = part.iloc[0]
    level = float(first["ci_level"]) if "ci_level" in part.columns else 0.95
    ax.set_xlabel(f"Difference in mean {_MEASURE_LABEL.get(first['measure'], first['measure'])}"
                  f" ({level:.0%} bootstrap CI; filled: adjusted p < {1 - level:.2g} after "
                  f"{first['correction']})")
    ax.set_title(str(part["label"].iloc[0]))
    return ax


def precision_chart(table: pd.DataFrame, *, labels=None, target: float | None = 0.9,
                    ax=None):
    """Precision per frame from a coded validation sheet, with Wilson intervals.

    Parameters
    ----------
    table : DataFrame
        The table from :func:`framing.lexicon_tools.score_validation` (rows with
        ``scope == "frame"`` are drawn).
    labels : dict, optional
        Frame name -> label.
    target : float or None, default=0.9
        Draw a reference line at this precision.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from framing.lexicon_tools import score_validation
    >>> sheet = pd.DataFrame({"frame": ["f"] * 4 + ["g"] * 2,
    ...                       "entry": ["a", "a", "b", "b", "c", "c"],
    ...                       "correct": [1, 1, 0, 1, 1, 1]})
    >>> fig, ax = plt.subplots()
    >>> ax = precision_chart(score_validation(sheet), ax=ax)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['f (n=4)', 'g (n=2)']
    >>> plt.close(fig)
    """
    ax = _axes(ax)
    part = table[table["scope"] == "frame"]
    if part.empty:
        return ax
    labels = labels or {}
    y = np.arange(len(part))
    p = part["precision"].to_numpy(dtype=float)
    err = np.vstack([p - part["ci_low"].to_numpy(dtype=float),
                     part["ci_high"].to_numpy(dtype=float) - p])
    ax.errorbar(p, y, xerr=err, fmt="o", color=PALETTE[0], ms=5, capsize=0)
    ax.set_yticks(y, [f"{labels.get(f, f)} (n={n})" for f, n in zip(part["frame"], part["n"])])
    ax.set_ylim(len(part) - 0.5, -0.5)
    ax.set_xlim(0, 1.02)
    if target is not None:
        ax.axvline(target, color="#999999", ls="--", lw=0.8)
    ax.xaxis.set_major_formatter(_percent())
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Precision: share of coded hits that carry the frame (95% Wilson interval)")
    return ax


def voice_chart(table: pd.DataFrame, *, frames=None, groups=None, labels=None, ax=None):
    """Own voice vs quoted: per group, the share of hits in the outlet's own voice, inside
    quotations, and in scare quotes (hits of the chosen frames pooled).

    Parameters
    ----------
    table : DataFrame
        The table from :func:`framing.context.voice_shares`.
    frames : list of str, optional
        Pool only these frames (default: all in the table).
    groups : list of str, optional
        Groups to draw, top to bottom (default: sorted).
    labels : dict, optional
        Unused names are fine; kept for a uniform signature.
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from framing.context import voice_shares
    >>> hits = pd.DataFrame({"doc_id": ["a", "a", "b"], "frame": "proxy_war",
    ...                      "voice": ["author", "quote", "author"], "source": ["RT", "RT", "BBC"]})
    >>> fig, ax = plt.subplots()
    >>> ax = voice_chart(voice_shares(hits), ax=ax)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['BBC (1 hit)', 'RT (2 hits)']
    >>> plt.close(fig)
    """
    ax = _axes(ax)
    part = table if frames is None else table[table["frame"].isin(list(frames))]
    if part.empty:
        return ax
    kinds = [("share_author", "own voice"), ("share_quote", "quotation"),
             ("share_scare_quote", "scare quote")]
    counts = part.assign(**{k: part[k] * part["n_hits"] for k, _ in kinds})
    pooled = counts.groupby("group")[["n_hits"] + [k for k, _ in kinds]].sum()
    groups = list(groups) if groups is not None else sorted(pooled.index)
    pooled = pooled.reindex(groups)
    y = np.arange(len(groups))
    left = np.zeros(len(groups))
    for i, (col, name) in enumerate(kinds):
        share = (pooled[col] / pooled["n_hits"].where(pooled["n_hits"] > 0)).fillna(0)
        ax.barh(y, share, left=left, height=0.6, color=PALETTE[i], label=name)
        left += share.to_numpy()
    ax.set_yticks(y, [f"{g} ({int(n)} hit{'' if int(n) == 1 else 's'})"
                      for g, n in zip(groups, pooled["n_hits"])])
    ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(_percent())
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Share of the group's hits (denominator: hits of the frames shown)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=3)
    return ax


def _percent():
    from matplotlib.ticker import PercentFormatter

    return PercentFormatter(xmax=1.0, decimals=0)
