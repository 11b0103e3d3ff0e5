"""Sphinx helpers of the `framing` documentation.

* ``framing-module`` (rST directive): one module's API from its ``__all__``: the module
  docstring, an autosummary table, then every public object with autodoc, so the reference
  cannot fall behind the code.
* ``framing-columns`` (directive): the columns of one table passed between stages, read from
  :mod:`framing.schema` (or another module's column constant, or the output of a small run
  of the function), each with a description from :data:`COLUMN_DOCS`. A column in the code
  without a description, or a description of a column the code does not have, is a build
  warning, so the tables page cannot drift from the code (with ``-W``, an error).
* Tutorials: the notebooks of ``notebooks/`` are mirrored into ``docs/tutorials/`` (a
  generated folder) before reading, and executed by myst-nb.
* Pages other people are still writing (``framing_optional_pages``) are left out of the
  table of contents while their file does not exist; ``{page}`` links to them degrade to
  text; an ``{include}`` of a missing optional file becomes a note.
* ``framing.find_hits`` style references resolve to the object's documented place
  (``framing.detect.find_hits``).
* Relative links of included Markdown files (the lexicon codebook) are rewritten to work
  from the page that includes them.
"""

from __future__ import annotations

import importlib
import inspect
import os
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

DOCS = Path(__file__).resolve().parent.parent
REPO = DOCS.parent

#: The public modules documented in the API reference, in reading order. A test checks that
#: every public module of the package is listed here.
API_MODULES = {
    "api-pipeline": ["framing.corpus", "framing.text", "framing.lexicon", "framing.detect",
                     "framing.score", "framing.compare", "framing.keyness"],
    "api-context": ["framing.context"],
    "api-reading": ["framing.kwic", "framing.display", "framing.explore", "framing.accessor"],
    "api-plots": ["framing.plot", "framing.figures"],
    "api-lexicon-tools": ["framing.lexicon_tools", "framing.formats",
                          "framing.formats.liwc", "framing.formats.quanteda",
                          "framing.formats.lexicoder", "framing.formats.wordstat",
                          "framing.formats.yoshikoder", "framing.formats.sentiws"],
    "api-scaling": ["framing.scale"],
    "api-collect": ["framing.collect"],
    "api-cli": ["framing.cli", "framing.formats.cli"],
    "api-foundations": ["framing.schema", "framing.errors"],
}


# ----------------------------------------------------------------------- public names


def public_names(module) -> list[str]:
    """The public names of a module: its ``__all__``, else what it defines itself
    (functions and classes defined there, and UPPER_CASE constants)."""
    names = getattr(module, "__all__", None)
    if names is not None:
        return [n for n in names if not n.startswith("__")]
    out = []
    for n, obj in vars(module).items():
        if n.startswith("_") or inspect.ismodule(obj):
            continue
        if inspect.isclass(obj) or inspect.isfunction(obj):
            if obj.__module__ == module.__name__:
                out.append(n)
        elif n.isupper():
            out.append(n)
    return out


def _kind(obj) -> str:
    if inspect.isclass(obj):
        return "exception" if issubclass(obj, BaseException) else "class"
    if inspect.isfunction(obj) or inspect.isbuiltin(obj) or hasattr(obj, "__wrapped__"):
        return "function"
    if inspect.ismodule(obj):
        return "module"
    return "data"


def documented_modules() -> list[str]:
    return [m for mods in API_MODULES.values() for m in mods]


def canonical_target(name: str) -> str | None:
    """Where ``framing.<name>`` is documented, e.g. ``framing.detect.find_hits``."""
    import framing

    obj = getattr(framing, name, None)
    if obj is None:
        return None
    if inspect.ismodule(obj):
        return obj.__name__
    home = getattr(obj, "__module__", None)
    for modname in ([home] if home in documented_modules() else []) + documented_modules():
        mod = importlib.import_module(modname)
        if name in public_names(mod) and getattr(mod, name, None) is obj:
            return f"{modname}.{name}"
    return None


# ----------------------------------------------------------------------- API directive


class FramingModule(SphinxDirective):
    """``.. framing-module:: framing.corpus`` -- the documented API of one module."""

    required_arguments = 1
    has_content = False
    option_spec = {"no-summary": directives.flag}

    def run(self):
        modname = self.arguments[0]
        module = importlib.import_module(modname)
        names = public_names(module)
        lines = [f".. automodule:: {modname}", "   :no-members:", ""]
        if names and "no-summary" not in self.options:
            lines += [".. autosummary::", "   :nosignatures:", ""]
            lines += [f"   {n}" for n in names]
            lines.append("")
        for n in names:
            kind = _kind(getattr(module, n))
            if kind == "module":
                continue
            directive = {"function": "autofunction", "class": "autoclass",
                         "exception": "autoexception", "data": "autodata"}[kind]
            lines.append(f".. {directive}:: {modname}.{n}")
            if kind in ("class", "exception"):
                lines.append("   :members:")
                lines.append("   :show-inheritance:")
            if kind == "data":
                lines.append("   :no-value:" if _long_value(getattr(module, n)) else "")
            lines.append("")
        return self.parse_text_to_nodes("\n".join(lines))


def _long_value(value) -> bool:
    return len(repr(value)) > 160


class FramingPackage(SphinxDirective):
    """``.. framing-package::`` -- ``framing.__all__``, linked to where each is documented."""

    has_content = False

    def run(self):
        import framing

        lines = [".. autosummary::", "   :nosignatures:", ""]
        missing = []
        for name in framing.__all__:
            if name.startswith("__"):
                continue
            target = canonical_target(name)
            if target is None:
                missing.append(name)
                continue
            lines.append(f"   ~{target}")
        if missing:
            logger.warning("framing.__all__ names documented nowhere in the API reference: "
                           + ", ".join(missing), location=self.get_location())
        return self.parse_text_to_nodes("\n".join(lines + [""]))


# ----------------------------------------------------------------------- column tables

#: What every column means. Keys are (table, column); the tables and their column lists
#: come from the code (:data:`TABLES`). Wording written for these docs.
COLUMN_DOCS = {
    "corpus": {
        "doc_id": "Unique id of the article (text). Taken from ``doc_id`` or ``id``, or made "
                  "from the row number (or, for a folder, the file's relative path).",
        "text": "The article text, as read (never modified; hit offsets point into it).",
        "source": "The outlet (or any grouping you map to it, e.g. ``source=\"outlet\"``).",
        "date": "Publication time, ``datetime64[ns, UTC]``; ISO 8601 text is parsed, "
                "dates without a zone are read as UTC.",
        "lang": "ISO 639-1 code (``en``, ``de``, ``ru``); guessed per article with py3langid "
                "where the column is absent or empty.",
        "title": "Headline (optional; not searched for hits).",
        "url": "Address of the article (optional).",
    },
    "hits": {
        "doc_id": "The article the match is in.",
        "frame": "The lexicon frame the matched pattern belongs to.",
        "entry": "The lexicon pattern that matched, as written in the lexicon "
                 "(``invader*``).",
        "match": "The matched surface text, exactly as in the original article "
                 "(``text[start:end] == match``).",
        "start": "Character offset of the first character of the match in the ORIGINAL "
                 "text.",
        "end": "Character offset one past the last character (exclusive).",
        "token_start": "Position of the first word token of the match (0-based).",
        "token_end": "Position one past its last word token (exclusive).",
        "sentence": "0-based number of the sentence that holds the start of the match.",
        "lang": "The language the article was matched in (selects the lexicon's patterns).",
        "weight": "The entry's weight (1.0 unless the lexicon gives another).",
        "normalized": "True when the hit was found only thanks to normalization beyond "
                      "typography: a soft hyphen or zero-width character inside the word, "
                      "full-width or compatibility letters, stray accents, or mixed-script "
                      "look-alike letters (``Кiев`` with a Latin ``i``).",
        "lexicon": "Name of the lexicon used.",
        "lexicon_version": "``<declared version>+<first 12 hex digits of the SHA-256 of the "
                           "lexicon's content>``: the exact lexicon behind the number.",
    },
    "context": {
        "voice": "``author`` (the outlet's own words), ``quote`` (inside a quotation) or "
                 "``scare_quote`` (a short quoted span used to keep distance, or a hit "
                 "right after \"so-called\" and its equivalents).",
        "attributed": "True when the hit is in a quotation or its sentence reports someone's "
                      "speech or view (\"said\", \"according to\", German Konjunktiv I, ...).",
        "speaker": "The actor named as the source of that speech (``russia``, ``ukraine``, "
                   "``west``), or empty.",
        "negated": "True when the hit is in the scope of an odd number of negation cues.",
        "target": "The actor the loaded word is applied to, or empty.",
    },
    "scores": {
        "doc_id": "The article (every article of the corpus has a row for every frame).",
        "frame": "The frame, in lexicon order.",
        "count": "Number of hits of the frame in the article (after the overlap and exclude "
                 "rules, and any ``voice=``/``negated=`` filter).",
        "weight": "Sum of the weights of those hits.",
        "rate": "``count`` per 1,000 word tokens of the article (``per=``); 0 for an article "
                "without tokens.",
        "n_tokens": "Word tokens of the article: the denominator of ``rate``.",
        "lexicon": "Name of the lexicon used.",
        "lexicon_version": "Declared version and content hash of the lexicon used.",
        "source": "Carried from the corpus when present.",
        "date": "Carried from the corpus when present.",
        "lang": "Carried from the corpus when present.",
        "title": "Carried from the corpus when present.",
    },
    "comparison": {
        "group": "The group: the value of the ``by`` column(s) (several joined with "
                 "`` / ``; a missing value is ``(none)``).",
        "frame": "The frame.",
        "label": "The frame's label from the lexicon.",
        "n_docs": "Articles in the group: the unit of resampling.",
        "mean": "Mean of the per-article measure over the group's articles.",
        "ci_low": "Lower end of the percentile bootstrap interval of ``mean``.",
        "ci_high": "Upper end of that interval.",
        "share_docs": "Share of the group's articles with at least ``presence_min`` hits of "
                      "the frame.",
        "share_low": "Lower end of the bootstrap interval of ``share_docs``.",
        "share_high": "Upper end of that interval.",
        "measure": "What was averaged: ``rate``, ``count`` or ``weight`` (with "
                   "``(z within lang)`` when standardised).",
        "ci_level": "Confidence level of the intervals (0.95).",
        "n_boot": "Bootstrap resamples per group (2,000).",
        "seed": "The seed; each group's generator is seeded with it and the group's name.",
        "presence_min": "The presence threshold behind ``share_docs`` (``min_count``).",
        "period": "Start of the period (``compare_over_time`` only; datetime64, UTC).",
    },
    "pairwise": {
        "group_a": "First group of the pair.",
        "group_b": "Second group of the pair.",
        "frame": "The frame.",
        "label": "The frame's label.",
        "n_a": "Articles in group a.",
        "n_b": "Articles in group b.",
        "mean_a": "Mean measure in group a.",
        "mean_b": "Mean measure in group b.",
        "diff": "``mean_a - mean_b``.",
        "ci_low": "Lower end of the percentile bootstrap interval of the difference.",
        "ci_high": "Upper end of that interval.",
        "p_value": "Two-sided bootstrap p-value of the difference.",
        "p_adjusted": "The p-value adjusted over every row of the table (pairs x frames).",
        "significant": "``p_adjusted < 1 - ci``.",
        "correction": "``Holm`` or ``Benjamini-Hochberg``.",
        "ci_level": "Confidence level of the intervals (``ci``, default 0.95); a row is "
                    "``significant`` when ``p_adjusted < 1 - ci_level``.",
        "measure": "What was averaged.",
        "n_boot": "Bootstrap resamples per group.",
        "seed": "The seed.",
    },
    "attention": {
        "group": "The group.",
        "n_docs": "Articles in the group.",
        "n_topic": "Articles about the topic (topic frame with at least ``presence_min`` "
                   "hits, or the boolean topic column true).",
        "share_topic": "``n_topic / n_docs``: attention.",
        "topic_low": "Lower end of the bootstrap interval of ``share_topic``.",
        "topic_high": "Upper end of that interval.",
        "frame": "The frame.",
        "n_framed": "Topic articles with at least ``presence_min`` hits of the frame.",
        "share_framed": "``n_framed / n_topic``: framing of the topic.",
        "framed_low": "Lower end of the bootstrap interval of ``share_framed``.",
        "framed_high": "Upper end of that interval.",
        "topic": "The topic frame or column.",
        "presence_min": "The presence threshold (``min_count``).",
    },
    "keyness": {
        "term": "The folded word (``unit=\"term\"``), frame or lexicon entry.",
        "count_a": "Occurrences in the target group.",
        "count_b": "Occurrences in the reference group.",
        "rate_a": "``count_a`` per 1,000 counted units of the target group.",
        "rate_b": "``count_b`` per 1,000 counted units of the reference group.",
        "log_odds": "Log-odds ratio with the informative Dirichlet prior (positive: more "
                    "typical of the target).",
        "z": "Its z-score (the ranking statistic).",
        "frame": "The frame of a lexicon entry (``unit=\"entry\"``), else empty.",
        "group_a": "The target group(s).",
        "group_b": "The reference group(s), or ``rest``.",
        "prior": "What the prior was built from (``corpus of both groups``).",
        "alpha_0": "Total pseudo-count of the prior (1,000).",
    },
    "top_entries": {
        "group": "The group.",
        "rank": "1 for the most frequent entry of the group.",
        "entry": "The lexicon entry.",
        "frame": "Its frame.",
        "count": "Hits of the entry in the group.",
        "n_docs": "Articles in the group.",
        "per_100_docs": "``count`` per 100 articles of the group.",
    },
    "lexicon": {
        "frame": "The frame.",
        "lang": "ISO 639-1 code, or ``any``.",
        "pattern": "The pattern as written.",
        "kind": "``term``, or ``exclude`` for a frame's exclude patterns.",
        "weight": "The entry's weight.",
        "case_sensitive": "Whether the pattern is matched with case.",
        "note": "Why the term signals the frame, with a source.",
        "origin": "``file:line`` where the pattern was written.",
    },
    "check": {
        "level": "``error``, ``warning`` or ``info``.",
        "origin": "``file:line`` of the pattern concerned.",
        "frame": "The frame.",
        "lang": "The language.",
        "pattern": "The pattern.",
        "message": "What is wrong and, where known, how to fix it.",
    },
    "expansion": {
        "frame": "The frame.",
        "lang": "The language.",
        "entry": "The glob or phrase.",
        "kind": "``word``, ``glob``, ``phrase`` or ``glob phrase``.",
        "form": "A surface form it matched (normalised and case-folded).",
        "count": "Hits of that form.",
        "n_docs": "Articles with that form.",
        "share": "The form's share of the entry's hits.",
    },
    "suggestions": {
        "frame": "The frame whose terms were the seeds.",
        "lang": "The language.",
        "method": "``context`` (near the seed hits), ``collocation`` (two-word collocations "
                  "around them) or ``keyness`` (distinguishes the target group).",
        "term": "The candidate word or phrase.",
        "score": "The association or keyness score.",
        "count": "Occurrences of the candidate.",
        "count_target": "Occurrences in the target group (keyness).",
        "count_other": "Occurrences in the other groups (keyness).",
        "in_lexicon": "Whether a pattern of the frame already covers it.",
    },
    "sheet": {
        "item": "Line number of the coding sheet (1, 2, ...).",
        "doc_id": "The article.",
        "frame": "The frame of the hit.",
        "entry": "The pattern that matched.",
        "start": "Offset of the hit.",
        "end": "End offset of the hit.",
        "left": "Context before the hit (white space collapsed).",
        "match": "The hit.",
        "right": "Context after the hit.",
        "correct": "Left empty for the coder: ``1`` when the hit carries the frame, ``0`` "
                   "when not.",
    },
    "precision": {
        "scope": "``term``, ``frame`` or ``all``.",
        "frame": "The frame (empty for ``all``).",
        "entry": "The entry (``term`` rows).",
        "n": "Coded lines.",
        "n_correct": "Lines coded correct.",
        "precision": "``n_correct / n``.",
        "ci_low": "Lower end of the Wilson interval.",
        "ci_high": "Upper end of the Wilson interval.",
        "n_both": "Lines coded by both coders.",
        "agreement": "Share of those lines on which the coders agree.",
        "kappa": "Cohen's kappa of the two coders.",
    },
    "collected": {
        "doc_id": "``<host>-<12 hex digits of the SHA-256 of the URL>`` for web pages; the "
                  "relative path for files.",
        "source": "The site's name, else its host.",
        "date": "Publication date.",
        "lang": "Language of the page.",
        "title": "Headline.",
        "author": "Author(s).",
        "url": "Address after redirects (or the canonical URL of a saved file).",
        "text": "Article body, one paragraph per line.",
        "duplicate_of": "``doc_id`` of the earliest exact copy, or empty.",
        "near_duplicate_of": "``doc_id`` of the earliest earlier near copy, or empty.",
        "near_jaccard": "Jaccard similarity of the word 5-gram sets of the two texts.",
        "raw_path": "The cached page (or saved file) the text came from.",
    },
}


def _run_small(kind: str) -> list[str]:
    """Columns of a table only defined by the function that returns it: run it on tiny data."""
    import pandas as pd

    scores = pd.DataFrame({"doc_id": list("abcd"), "frame": "f", "source": list("XXYY"),
                           "count": [2, 0, 1, 0], "rate": [10.0, 0.0, 5.0, 0.0],
                           "weight": [2.0, 0.0, 1.0, 0.0]})
    if kind == "pairwise":
        from framing.compare import pairwise_differences

        return list(pairwise_differences(scores, n_boot=20).columns)
    if kind == "attention":
        from framing.compare import attention

        two = pd.concat([scores, scores.assign(frame="g")], ignore_index=True)
        return list(attention(two, topic="f", n_boot=20).columns)
    corpus = pd.DataFrame({"doc_id": list("ab"), "source": list("XY"), "lang": "en",
                           "text": ["regime regime war", "invasion war"]})
    if kind == "keyness":
        from framing.keyness import keyness

        return list(keyness(corpus, target="X", min_count=1).columns)
    if kind == "top_entries":
        from framing.compare import top_entries
        from framing.detect import find_hits
        from framing.lexicon import parse_lexicon

        lex = parse_lexicon("{name: t, frames: {r: {terms: {en: [regime]}}}}")
        return list(top_entries(find_hits(corpus, lex), corpus).columns)
    if kind == "lexicon":
        from framing.lexicon import parse_lexicon

        return list(parse_lexicon("{name: t, frames: {r: {terms: {en: [x]}}}}")
                    .to_frame().columns)
    if kind == "over_time":
        from framing.compare import compare_over_time

        dated = scores.assign(date=pd.to_datetime(["2022-03-01"] * 4, utc=True))
        return list(compare_over_time(dated, n_boot=20).columns)
    raise KeyError(kind)


def table_columns(table: str) -> list[str]:
    """The columns of ``table`` as the code defines them (the source of the tables page)."""
    from framing import schema

    constants = {
        "corpus": lambda: list(schema.CORPUS_COLUMNS),
        "hits": lambda: list(schema.HITS_COLUMNS),
        "scores": lambda: list(schema.SCORES_COLUMNS) + list(schema.SCORES_METADATA),
        "comparison": lambda: list(schema.COMPARISON_COLUMNS),
        "comparison_over_time": lambda: _run_small("over_time"),
        "context": lambda: list(importlib.import_module("framing.context").CONTEXT_COLUMNS),
        "check": lambda: list(importlib.import_module("framing.lexicon_tools").PROBLEM_COLUMNS),
        "expansion": lambda: list(
            importlib.import_module("framing.lexicon_tools").EXPANSION_COLUMNS),
        "suggestions": lambda: list(
            importlib.import_module("framing.lexicon_tools").SUGGESTION_COLUMNS),
        "sheet": lambda: list(importlib.import_module("framing.lexicon_tools").SHEET_COLUMNS),
        "precision": lambda: list(
            importlib.import_module("framing.lexicon_tools").PRECISION_COLUMNS),
        "collected": lambda: list(importlib.import_module("framing.collect").COLLECT_COLUMNS),
    }
    if table in constants:
        return constants[table]()
    return _run_small(table)


def _dtypes(table: str) -> dict:
    from framing import schema

    if table == "hits":
        return dict(schema.HITS_DTYPES)
    return {}


#: Where the column list of each table comes from (shown under the table).
TABLE_SOURCES = {
    "corpus": "framing.schema.CORPUS_COLUMNS",
    "hits": "framing.schema.HITS_COLUMNS",
    "scores": "framing.schema.SCORES_COLUMNS + SCORES_METADATA",
    "comparison": "framing.schema.COMPARISON_COLUMNS",
    "comparison_over_time": "framing.compare.compare_over_time (run on a tiny table)",
    "context": "framing.context.CONTEXT_COLUMNS",
    "pairwise": "framing.compare.pairwise_differences (run on a tiny table)",
    "attention": "framing.compare.attention (run on a tiny table)",
    "keyness": "framing.keyness.keyness (run on a tiny corpus)",
    "top_entries": "framing.compare.top_entries (run on a tiny corpus)",
    "lexicon": "framing.lexicon.Lexicon.to_frame (run on a tiny lexicon)",
    "check": "framing.lexicon_tools.PROBLEM_COLUMNS",
    "expansion": "framing.lexicon_tools.EXPANSION_COLUMNS",
    "suggestions": "framing.lexicon_tools.SUGGESTION_COLUMNS",
    "sheet": "framing.lexicon_tools.SHEET_COLUMNS",
    "precision": "framing.lexicon_tools.PRECISION_COLUMNS",
    "collected": "framing.collect.COLLECT_COLUMNS",
}


def _docs_for(table: str) -> dict:
    return COLUMN_DOCS["comparison" if table == "comparison_over_time" else table]


class FramingColumns(SphinxDirective):
    """``{framing-columns} hits`` -- the columns of a table, from the code."""

    required_arguments = 1
    has_content = False

    def run(self):
        table = self.arguments[0]
        if table not in TABLE_SOURCES:
            logger.warning(f"framing-columns: unknown table {table!r}; known: "
                           f"{', '.join(TABLE_SOURCES)}", location=self.get_location())
            return []
        columns = table_columns(table)
        docs = _docs_for(table)
        undocumented = [c for c in columns if c not in docs]
        if undocumented:
            logger.warning(f"framing-columns: column(s) of the {table} table have no "
                           f"description in docs/_ext/framing_docs.py COLUMN_DOCS: "
                           f"{', '.join(undocumented)}", location=self.get_location())
        if table not in ("comparison_over_time",):
            extra = [c for c in docs if c not in columns
                     and not (table == "comparison" and c == "period")]
            if extra:
                logger.warning(f"framing-columns: COLUMN_DOCS describes column(s) the "
                               f"{table} table does not have: {', '.join(extra)}",
                               location=self.get_location())
        dtypes = _dtypes(table)
        head = ["column", "dtype", "meaning"] if dtypes else ["column", "meaning"]
        rows = []
        for c in columns:
            row = [nodes.literal(c, c)]
            if dtypes:
                row.append(nodes.literal(dtypes.get(c, ""), dtypes.get(c, "")))
            row.append(self._inline(docs.get(c, "(not documented)")))
            rows.append(row)
        table_node = _table(head, rows, classes=["framing-columns", f"framing-columns-{table}"],
                            widths=[22, 14, 64] if dtypes else [25, 75])
        table_node["ids"].append(f"columns-{table.replace('_', '-')}")
        self.state.document.note_explicit_target(table_node)
        source = nodes.paragraph()
        source += nodes.Text("Column list generated from ")
        source += nodes.literal(TABLE_SOURCES[table], TABLE_SOURCES[table])
        source += nodes.Text(".")
        source["classes"].append("framing-columns-source")
        return [table_node, source]

    @staticmethod
    def _inline(text: str):
        para = nodes.paragraph()
        para += _rst_inline(text)
        return para


_LITERAL = re.compile(r"``(.+?)``")


def _rst_inline(text: str) -> list:
    """``literal`` spans of a description as literal nodes, the rest as text."""
    out, pos = [], 0
    for m in _LITERAL.finditer(text):
        if m.start() > pos:
            out.append(nodes.Text(text[pos:m.start()]))
        out.append(nodes.literal(m.group(1), m.group(1)))
        pos = m.end()
    if pos < len(text):
        out.append(nodes.Text(text[pos:]))
    return out


def _table(head: list[str], rows: list[list], *, classes, widths) -> nodes.table:
    table = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(head))
    table += group
    for w in widths:
        group += nodes.colspec(colwidth=w)
    thead = nodes.thead()
    group += thead
    row = nodes.row()
    for h in head:
        entry = nodes.entry()
        entry += nodes.paragraph(text=h)
        row += entry
    thead += row
    tbody = nodes.tbody()
    group += tbody
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            if isinstance(cell, nodes.paragraph):
                entry += cell
            else:
                para = nodes.paragraph()
                para += cell
                entry += para
            row += entry
        tbody += row
    return table


# ----------------------------------------------------------------------- CLI reference


class FramingCommands(SphinxDirective):
    """``{framing-commands}`` -- every sub-command of ``framing``, with its help line."""

    has_content = False

    def run(self):
        from framing.cli import build_parser

        rows = []
        for path, help_ in _commands(build_parser()):
            rows.append([nodes.literal(path, path), nodes.Text(help_ or "")])
        return [_table(["command", "what it does"], rows, classes=["framing-commands"],
                       widths=[35, 65])]


def _commands(parser, prefix="framing"):
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                path = f"{prefix} {name}"
                yield path, helps.get(name, "")
                yield from _commands(sub, path)


# ----------------------------------------------------------------------- optional pages


def _page_exists(app, docname: str) -> bool:
    return any((Path(app.srcdir) / f"{docname}{suffix}").is_file()
               for suffix in app.config.source_suffix)


def _drop_missing_pages(app, docname, source):
    """Leave pages that are not written yet out of toctrees (one info line each)."""
    optional = app.config.framing_optional_pages
    text = source[0]
    for page in optional:
        if _page_exists(app, page):
            continue
        pattern = re.compile(rf"^[ \t]*{re.escape(page)}[ \t]*\n", flags=re.M)
        if pattern.search(text) and "```{toctree}" in text:
            text = pattern.sub("", text)
            logger.info(f"[framing-docs] {page}.md is not written yet: left out of the "
                        f"contents of {docname}")
    text = _missing_includes(app, docname, text)
    source[0] = text


_INCLUDE = re.compile(r"^```\{include\}[ \t]+(?P<path>\S+)[ \t]*\n(?P<body>(?:.*\n)*?)```[ \t]*$",
                      flags=re.M)


def _missing_includes(app, docname: str, text: str) -> str:
    """An ``{include}`` of a missing file listed in ``framing_optional_includes`` becomes a
    note (so a page written by someone else can land later)."""
    base = (Path(app.srcdir) / docname).parent

    def repl(m):
        path = m.group("path")
        if path not in app.config.framing_optional_includes:
            return m.group(0)
        if (base / path).is_file():
            return m.group(0)
        logger.info(f"[framing-docs] {path} does not exist yet: {docname} shows a note")
        return (":::{note}\n" + app.config.framing_optional_includes[path] + "\n:::")
    return _INCLUDE.sub(repl, text)


def _page_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{page}`context``` -- a link to a page, or plain text while the page does not exist.

    ``{page}`the context rules <context>``` gives a title.
    """
    from sphinx.addnodes import pending_xref

    m = re.match(r"^(?P<title>.+?)\s*<(?P<target>[^>]+)>$", text, flags=re.S)
    title, target = (m.group("title"), m.group("target")) if m else (None, text.strip())
    env = inliner.document.settings.env
    if _page_exists(env.app, target):
        node = pending_xref(rawtext, refdomain="std", reftype="doc", reftarget=f"/{target}",
                            refexplicit=title is not None, refwarn=True)
        node += nodes.inline(rawtext, title or target, classes=["xref", "std", "std-doc"])
        return [node], []
    label = title or target
    return [nodes.emphasis(rawtext, f"{label} (docs/{target}.md, forthcoming)")], []


# ----------------------------------------------------------------------- tutorials


def _sync_notebooks(app):
    """Mirror ``notebooks/*.ipynb`` into ``docs/tutorials/`` (a generated folder)."""
    source = REPO / "notebooks"
    target = Path(app.srcdir) / "tutorials"
    target.mkdir(exist_ok=True)
    wanted = {p.name: p for p in sorted(source.glob("*.ipynb"))}
    for stale in target.glob("*.ipynb"):
        if stale.name not in wanted:
            stale.unlink()
    for name, path in wanted.items():
        dest = target / name
        data = path.read_bytes()
        if not dest.is_file() or dest.read_bytes() != data:
            dest.write_bytes(data)
    readme = target / "README.md"
    note = ("Generated by docs/_ext/framing_docs.py from notebooks/ at every docs build; "
            "do not edit (edit tools/notebook_*.py).\n")
    if not readme.is_file() or readme.read_text() != note:
        readme.write_text(note)


# ----------------------------------------------------------------------- links


def _resolve_alias(app, env, node, contnode):
    """``framing.find_hits`` -> ``framing.detect.find_hits`` (where it is documented)."""
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    if "." not in target:
        target = f"framing.{target}"          # a bare name of the framing namespace
    if not target.startswith("framing."):
        return None
    parts = target.split(".")
    if len(parts) != 2:
        return None
    canonical = canonical_target(parts[1])
    if canonical is None or canonical == target:
        return None
    domain = env.get_domain("py")
    builder = app.builder
    for role in (node.get("reftype"), "obj"):
        newnode = domain.resolve_xref(env, node["refdoc"], builder, role, canonical, node,
                                      contnode)
        if newnode is not None:
            return newnode
    return None


_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)")


def _rewrite_included_links(app, relative_path, parent_docname, content):
    """Make the relative links of an included Markdown file work from the including page."""
    included = (Path(app.srcdir) / relative_path).resolve()
    parent_dir = (Path(app.srcdir) / parent_docname).parent

    def repl(m):
        bang, label, url = m.groups()
        if re.match(r"^[a-z][a-z0-9+.-]*:", url) or url.startswith("#"):
            return m.group(0)
        path, _, anchor = url.partition("#")
        resolved = (included.parent / path).resolve()
        try:
            rel_to_repo = resolved.relative_to(REPO).as_posix()
        except ValueError:
            return m.group(0)
        if resolved.is_dir() or not resolved.exists():
            return f"{label} (`{rel_to_repo}`)" if label else f"`{rel_to_repo}`"
        new = os.path.relpath(resolved, parent_dir)
        return f"{bang}[{label}]({new}{'#' + anchor if anchor else ''})"
    content[0] = _LINK.sub(repl, content[0])


# ----------------------------------------------------------------------- setup


def setup(app):
    app.add_config_value("framing_optional_pages", [], "env")
    app.add_config_value("framing_optional_includes", {}, "env")
    app.add_directive("framing-module", FramingModule)
    app.add_directive("framing-package", FramingPackage)
    app.add_directive("framing-columns", FramingColumns)
    app.add_directive("framing-commands", FramingCommands)
    app.add_role("page", _page_role)
    app.connect("builder-inited", _sync_notebooks)
    app.connect("source-read", _drop_missing_pages)
    app.connect("include-read", _rewrite_included_links)
    app.connect("missing-reference", _resolve_alias)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
