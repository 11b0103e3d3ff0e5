"""Tools for building and validating a lexicon: lint, expansion, suggestions, validation.

A lexicon is argued about, so these functions answer the questions a researcher asks of one:

* :func:`check_lexicon`: is the file valid, and is anything in it redundant, unsafe or
  missing (duplicate or shadowed patterns, globs too short to be safe, a pattern written in
  the wrong script, a frame with no terms in a language the others cover)?
* :func:`expand_lexicon`: what did each glob and phrase actually match in a corpus?
* :func:`suggest_terms`: which words and phrases recur around a frame's terms, and which
  distinguish one group of sources from another?
* :func:`validation_sample` and :func:`score_validation`: draw a stratified coding sheet of
  hits (keyword in context), and turn the codes into precision per term and frame with
  Wilson intervals, plus Cohen's kappa when two coders coded the same sheet.

:func:`register_cli` adds the ``check``, ``expand``, ``suggest`` and ``validate``
sub-commands under ``framing lexicon``.
"""

from __future__ import annotations

import functools
import math
import re
import sys
import unicodedata
import warnings
from collections import Counter
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pandas as pd

from framing.errors import FramingError, InputError, LexiconError, ProblemsError
from framing.lexicon import ANY_LANG, Lexicon, Term, pattern_tokens, read_lexicon
from framing.schema import check_columns
from framing.text import fold, normalize, stopwords, word_spans

__all__ = [
    "check_lexicon", "expand_lexicon", "suggest_terms", "validation_sample",
    "score_validation", "register_cli", "stopwords", "wilson_interval", "cohen_kappa",
    "SheetError", "PROBLEM_COLUMNS", "EXPANSION_COLUMNS", "SUGGESTION_COLUMNS",
    "SHEET_COLUMNS", "PRECISION_COLUMNS",
]

#: Columns of :func:`check_lexicon`'s table.
PROBLEM_COLUMNS = ("level", "origin", "frame", "lang", "pattern", "message")
#: Columns of :func:`expand_lexicon`'s table.
EXPANSION_COLUMNS = ("frame", "lang", "entry", "kind", "form", "count", "n_docs", "share")
#: Columns of :func:`suggest_terms`'s table.
SUGGESTION_COLUMNS = ("frame", "lang", "method", "term", "score", "count", "count_target",
                      "count_other", "in_lexicon")
#: Columns of the coding sheet of :func:`validation_sample` (``by`` is added after doc_id).
SHEET_COLUMNS = ("item", "doc_id", "frame", "entry", "start", "end", "left", "match",
                 "right", "correct")
#: Columns of :func:`score_validation`'s table.
PRECISION_COLUMNS = ("scope", "frame", "entry", "n", "n_correct", "precision", "ci_low",
                     "ci_high", "n_both", "agreement", "kappa")

_LEVELS = {"error": 0, "warning": 1, "info": 2}
_SCRIPTS = {
    **dict.fromkeys(("en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sv",
                     "da", "no", "fi", "et", "lv", "lt", "ro", "hu", "hr", "sl", "tr"),
                    "LATIN"),
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk", "kk", "ky", "tg", "mn"), "CYRILLIC"),
}
_CODE_COLUMNS = ("correct", "coder1", "coder2")
_TRUE = {"1", "y", "yes"}
_FALSE = {"0", "n", "no"}


class SheetError(ProblemsError):
    """A validation sheet has one or more bad rows; all are listed in the message."""

    what = "validation sheet"


# --------------------------------------------------------------------------- check


def check_lexicon(lexicon, *, min_glob: int = 4) -> pd.DataFrame:
    """Validate and lint a lexicon; return every problem found, as a table.

    Parameters
    ----------
    lexicon : Lexicon, str or Path
        Anything :func:`framing.read_lexicon` accepts. A file that does not load gives
        one ``error`` row per loading problem (and no lint, which needs a loaded lexicon).
    min_glob : int, default=4
        A glob whose prefix is shorter than this many characters (``war*``, ``US*``) is
        reported: it matches many unrelated words.

    Returns
    -------
    DataFrame
        One row per problem, most severe first: ``level`` (``error`` | ``warning`` |
        ``info``), ``origin`` (``file:line``), ``frame``, ``lang``, ``pattern``,
        ``message``. Errors: loading problems, a token mixing Latin and Cyrillic letters
        (a look-alike letter that never matches real text), a term vetoed by its own
        frame's excludes. Warnings: duplicate patterns, patterns shadowed by another
        (same length, every match also a match of the other), short globs, a pattern in
        the wrong script for its language, an exclude that can veto nothing, a frame with
        no terms in a language the other frames cover. Infos: a longer pattern that
        always contains another of its frame (it only changes which entry is credited),
        a pattern in two frames, short globs inside phrases, terms without a ``note``.

    Raises
    ------
    InputError
        If the file does not exist.

    Examples
    --------
    >>> from framing.lexicon import parse_lexicon
    >>> lex = parse_lexicon('''
    ... name: demo
    ... frames:
    ...   war:
    ...     terms: {en: ["war*", "warfare", "Kиев"]}
    ... ''')
    >>> problems = check_lexicon(lex)
    >>> problems[["level", "pattern"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['error', 'Kиев'], ['warning', 'war*'], ['warning', 'warfare'], ['info', 'war*'],
     ['info', 'warfare']]
    >>> print(problems["message"][2][:61])
    shadowed by 'war*' (<string>:5): every match of it is also a
    """
    if not isinstance(min_glob, int) or isinstance(min_glob, bool) or min_glob < 1:
        raise InputError(f"The 'min_glob' parameter of check_lexicon must be a positive "
                         f"integer; got {min_glob!r}.")
    if isinstance(lexicon, Lexicon):
        lex = lexicon
    else:
        try:
            lex = read_lexicon(lexicon)
        except LexiconError as exc:
            return _problems_table([_loading_problem(p, exc.path) for p in exc.problems])
    rows: list[dict] = []
    for frame in lex.frames.values():
        _lint_frame(frame, rows, min_glob)
    _lint_across_frames(lex, rows)
    _lint_coverage(lex, rows)
    return _problems_table(rows)


def _problems_table(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=list(PROBLEM_COLUMNS)).fillna("")
    if df.empty:
        return df.astype(str)
    line = pd.to_numeric(df["origin"].str.extract(r":(\d+)$")[0], errors="coerce")
    line = line.fillna(0).astype(int)
    order = np.lexsort((line.to_numpy(), df["level"].map(_LEVELS).to_numpy()))
    return df.iloc[order].reset_index(drop=True)


def _loading_problem(problem: str, path) -> dict:
    m = re.match(r"^(.*?:\d+)(?::\d+)?: (.*)$", problem, flags=re.S)
    origin, message = (m.group(1), m.group(2)) if m else (path or "", problem)
    frame = re.search(r"frame '([^']*)'", message)
    return {"level": "error", "origin": origin, "frame": frame.group(1) if frame else "",
            "lang": "", "pattern": "", "message": message}


def _problem(rows, level, term: Term, message: str) -> None:
    rows.append({"level": level, "origin": term.origin, "frame": term.frame,
                 "lang": term.lang, "pattern": term.pattern, "message": message})


def _token_covers(a, b, a_cased: bool, b_cased: bool) -> bool:
    """True if every word token ``b`` matches is also matched by token ``a``."""
    (ta, ga), (tb, gb) = a, b
    if a_cased and not b_cased:
        return False
    if b_cased and not a_cased:
        tb = fold(tb)
    if not ga:
        return not gb and ta == tb
    return tb.startswith(ta)


def _covers(a: Term, b: Term) -> bool:
    """True if every match of ``b`` contains a match of ``a`` (``a`` no longer than ``b``)."""
    ta, tb = a.tokens, b.tokens
    for k in range(len(tb) - len(ta) + 1):
        if all(_token_covers(x, y, a.case_sensitive, b.case_sensitive)
               for x, y in zip(ta, tb[k:k + len(ta)])):
            return True
    return False


def _tokens_meet(a, b) -> bool:
    """True if some word could match both tokens (case ignored)."""
    (ta, ga), (tb, gb) = (fold(a[0]), a[1]), (fold(b[0]), b[1])
    if ga and gb:
        return ta.startswith(tb) or tb.startswith(ta)
    if ga:
        return tb.startswith(ta)
    if gb:
        return ta.startswith(tb)
    return ta == tb


def _can_overlap(e: Term, t: Term) -> bool:
    """True if some text can hold a match of ``e`` sharing a word with a match of ``t``.

    An exclude vetoes the matches it overlaps. Matches are runs of consecutive words, so
    they overlap when, at some offset, every word position both cover can match both
    tokens: ``proxy server*`` and ``proxy war*`` share ``proxy`` but differ on the next
    word, so no text has them overlapping.
    """
    m, n = len(e.tokens), len(t.tokens)
    for d in range(-(m - 1), n):            # the exclude starts at word d of the term
        if all(_tokens_meet(e.tokens[i], t.tokens[d + i])
               for i in range(max(0, -d), min(m, n - d))):
            return True
    return False


def _same_lang(a: Term, b: Term) -> bool:
    return a.lang == b.lang or ANY_LANG in (a.lang, b.lang)


def _key(t: Term):
    return (t.tokens, t.case_sensitive)


def _lint_frame(frame, rows, min_glob: int) -> None:
    terms, excludes = list(frame.terms), list(frame.excludes)
    for group in (terms, excludes):
        seen: dict = {}
        for t in group:
            k = (t.lang, _key(t))
            if k in seen:
                what = "exclude" if t.exclude else "pattern"
                _problem(rows, "warning", t, f"duplicate {what}: same as {seen[k].pattern!r} "
                                             f"at {seen[k].origin}")
            else:
                seen[k] = t
    for t in terms + excludes:
        _lint_term(t, rows, min_glob)
    _lint_shadowing(terms, rows)
    for t in terms:
        vetoes = [e for e in excludes if _same_lang(e, t) and _covers(e, t)]
        if vetoes:
            _problem(rows, "error", t, f"every match is vetoed by the frame's exclude "
                                       f"{vetoes[0].pattern!r} ({vetoes[0].origin}), so it "
                                       "never counts")
    for e in excludes:
        if not any(_same_lang(e, t) and _can_overlap(e, t) for t in terms):
            _problem(rows, "warning", e, f"exclude {e.pattern!r} overlaps no match of the "
                                         f"frame {frame.name!r}'s terms: it can never veto "
                                         "anything")


def _lint_shadowing(terms, rows) -> None:
    for b in terms:
        for a in terms:
            if a is b or not _same_lang(a, b) or _key(a) == _key(b) or not _covers(a, b):
                continue
            if len(a.tokens) == len(b.tokens):
                if _covers(b, a) and terms.index(b) < terms.index(a):
                    continue  # equivalent patterns: reported once, on the later one
                _problem(rows, "warning", b,
                         f"shadowed by {a.pattern!r} ({a.origin}): every match of it is "
                         "also a match of that pattern, so it adds nothing to the frame")
            else:
                _problem(rows, "info", b,
                         f"always contains a match of {a.pattern!r} ({a.origin}), so it "
                         "adds no hits to the frame; it only changes which entry (and "
                         "weight) a match is credited to")
            break


def _lint_term(t: Term, rows, min_glob: int) -> None:
    globs = [] if t.exclude else [w for w, g in t.tokens if g]
    for w in globs:
        if len(w) < min_glob:
            if len(t.tokens) == 1:
                _problem(rows, "warning", t, f"glob prefix {w!r} has {len(w)} letters "
                                             f"(fewer than {min_glob}): it matches many "
                                             "unrelated words; write the forms out or "
                                             "lengthen the prefix")
            else:
                _problem(rows, "info", t, f"short glob prefix {w!r} inside a phrase; the "
                                          "phrase anchors it, but check its forms with "
                                          "expand_lexicon")
    raw_words = re.findall(r"[^\W\d_]+", t.pattern)
    mixed = [w for w in raw_words if {"LATIN", "CYRILLIC"} <= _scripts(w)]
    if mixed:
        read_as = normalize(mixed[0]).text
        _problem(rows, "error", t, f"token {mixed[0]!r} mixes Latin and Cyrillic letters "
                                   f"(a look-alike letter?); matching reads it as "
                                   f"{read_as!r}: write it in one script")
        return
    words = [w for w, _ in pattern_tokens(t.pattern, case_sensitive=True)]
    scripts = [_scripts(w) for w in words]
    expected = _SCRIPTS.get(t.lang)
    found = set().union(*scripts) & {"LATIN", "CYRILLIC"}
    if expected and found and expected not in found:
        _problem(rows, "warning", t, f"written in {'/'.join(sorted(found)).title()} "
                                     f"letters, but language {t.lang!r} is written in "
                                     f"{expected.title()}")
    if not t.exclude and not t.note:
        _problem(rows, "info", t, "no 'note': say why the term signals the frame, with a "
                                  "source")


def _scripts(word: str) -> set:
    out = set()
    for ch in word:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            out.add(name.split(" ", 1)[0])
    return out


def _lint_across_frames(lex: Lexicon, rows) -> None:
    first: dict = {}
    for frame in lex.frames.values():
        for t in frame.terms:
            k = (t.lang, _key(t))
            other = first.get(k)
            if other is not None and other.frame != t.frame:
                _problem(rows, "info", t, f"also a pattern of frame {other.frame!r} "
                                          f"({other.origin}): a match counts for both")
            first.setdefault(k, t)


def _lint_coverage(lex: Lexicon, rows) -> None:
    langs = set(lex.languages) - {ANY_LANG}
    for frame in lex.frames.values():
        have = {t.lang for t in frame.terms}
        if ANY_LANG in have:
            continue
        for lang in sorted(langs - have):
            origin = frame.terms[0].origin.rsplit(":", 1)[0] if frame.terms else ""
            rows.append({"level": "warning", "origin": origin, "frame": frame.name,
                         "lang": lang, "pattern": "",
                         "message": f"frame {frame.name!r} has no terms in {lang!r}, which "
                                    "other frames cover"})


# --------------------------------------------------------------------------- corpus helpers


def _corpus(corpus, param: str = "corpus") -> pd.DataFrame:
    if not isinstance(corpus, pd.DataFrame):
        from framing.corpus import read_corpus

        corpus = read_corpus(corpus)
    check_columns(corpus, ("doc_id", "text"), table="corpus", param=param)
    return corpus


def _doc_tokens(text: str) -> list[str]:
    ntext = normalize(text).text
    return [fold(ntext[a:b]) for a, b in word_spans(ntext)]


def _kind(term: Term) -> str:
    glob = any(g for _, g in term.tokens)
    phrase = len(term.tokens) > 1
    return {(False, False): "word", (True, False): "glob", (False, True): "phrase",
            (True, True): "glob phrase"}[(glob, phrase)]


def _frame_hits(corpus, lexicon, frames):
    from framing.detect import find_hits

    lex = read_lexicon(lexicon)
    if frames is not None:
        frames = [frames] if isinstance(frames, str) else list(frames)
        unknown = [f for f in frames if f not in lex.frames]
        if unknown:
            raise InputError(f"unknown frame(s) {', '.join(map(repr, unknown))} in lexicon "
                             f"{lex.name!r}; frames: {', '.join(lex.frames)}.")
    hits = find_hits(corpus, lex, progress=False)
    if frames is not None:
        hits = hits[hits["frame"].isin(frames)]
    return lex, hits


# --------------------------------------------------------------------------- expand


def expand_lexicon(corpus, lexicon, *, frames=None) -> pd.DataFrame:
    """Show what each pattern of a lexicon actually matched in a corpus.

    Globs and phrases stand for many surface forms; this lists them, so a researcher sees
    that ``поля*`` also catches "fields" (``поля``) or that ``liberat*`` catches
    "liberal".

    Parameters
    ----------
    corpus : DataFrame or path
        A corpus table (``doc_id``, ``text``, optional ``lang``) or a file
        :func:`framing.read_corpus` reads.
    lexicon : Lexicon, str or Path
    frames : str or list of str, optional
        Only these frames; all by default.

    Returns
    -------
    DataFrame
        One row per entry and distinct surface form (normalized and case-folded):
        ``frame``, ``lang``, ``entry``, ``kind`` (``word`` | ``glob`` | ``phrase`` |
        ``glob phrase``), ``form``, ``count`` (hits), ``n_docs``, ``share`` (of the
        entry's hits). Sorted by frame and entry in lexicon order, then by count.
        Matches are counted after excludes and the longest-match rule, as
        :func:`framing.find_hits` reports them.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.lexicon import parse_lexicon
    >>> lex = parse_lexicon("name: d\\nframes:\\n  inv:\\n    terms: {en: [invad*]}")
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"],
    ...                        "text": ["Invaders invaded; the invaders left."]})
    >>> expand_lexicon(corpus, lex)[["entry", "form", "count", "share"]]
        entry      form  count     share
    0  invad*  invaders      2  0.666667
    1  invad*   invaded      1  0.333333
    """
    corpus = _corpus(corpus)
    lex, hits = _frame_hits(corpus, lexicon, frames)
    if hits.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("count", "n_docs") else
                                          "float64" if c == "share" else "object")
                             for c in EXPANSION_COLUMNS})
    hits = hits.assign(form=[" ".join(normalize(m).text.split()).casefold()
                             for m in hits["match"]])
    terms = {}
    for i, t in enumerate(lex.terms()):
        terms.setdefault((t.frame, t.pattern, t.lang), (i, t))
        terms.setdefault((t.frame, t.pattern), (i, t))
    grouped = (hits.groupby(["frame", "lang", "entry", "form"], sort=False)
               .agg(count=("doc_id", "size"), n_docs=("doc_id", "nunique")).reset_index())
    grouped["share"] = grouped["count"] / grouped.groupby(
        ["frame", "lang", "entry"])["count"].transform("sum")

    def lookup(row):
        return terms.get((row.frame, row.entry, row.lang)) or terms.get(
            (row.frame, row.entry), (len(terms), None))

    found = [lookup(r) for r in grouped.itertuples()]
    grouped["kind"] = [_kind(t) if t is not None else "" for _, t in found]
    grouped["_order"] = [i for i, _ in found]
    grouped = grouped.sort_values(["_order", "lang", "count", "form"],
                                  ascending=[True, True, False, True], kind="stable")
    return grouped[list(EXPANSION_COLUMNS)].reset_index(drop=True)


# --------------------------------------------------------------------------- suggest

_MEASURES = ("likelihood_ratio", "pmi", "chi_sq", "student_t", "poisson_stirling", "dice",
             "jaccard")


def suggest_terms(corpus, lexicon, frame: str, *, lang: str | None = None,
                  by: str | None = None, target=None, window: int = 5, min_count: int = 3,
                  n: int = 25, measure: str = "likelihood_ratio", prior: float = 0.1,
                  scope: str = "documents") -> pd.DataFrame:
    """Suggest candidate terms for a frame from a corpus.

    Three lists, each from a different kind of evidence:

    ``context``
        Words and two-word phrases that occur more often within ``window`` tokens of the
        frame's hits (its seed terms) than elsewhere: an NLTK association measure over
        the contingency table (near a seed or not) x (this term or not).
    ``collocation``
        Two-word collocations among the words around the seeds, found with NLTK's
        ``BigramCollocationFinder`` and scored with ``measure``.
    ``keyness``
        With ``by`` and ``target``: words and phrases that distinguish the ``target``
        group's documents from the rest, by the log-odds ratio with an informative
        Dirichlet prior (Monroe, Colaresi & Quinn 2008); ``score`` is its z-score.

    Candidates never start or end with a stopword (:func:`stopwords`), have letters, are
    at least 3 characters long, and occur ``min_count`` times or more. NLTK needs no data
    for any of this.

    Parameters
    ----------
    corpus : DataFrame or path
        A corpus table with ``doc_id``, ``text`` and optionally ``lang``; the language
        of a document without one is guessed (:func:`framing.text.detect_language`),
        as :func:`framing.find_hits` does, so its stopwords are left out.
    lexicon : Lexicon, str or Path
    frame : str
        The frame whose terms are the seeds.
    lang : str, optional
        Only documents in this language; by default each language of the corpus that the
        frame has terms for, one after the other.
    by : str, optional
        The corpus column that defines groups (e.g. ``"source"``), for ``keyness``.
    target : optional
        The group (a value of ``by``) compared against all other documents.
    window : int, default=5
        Tokens on each side of a seed hit that count as its context.
    min_count : int, default=3
    n : int, default=25
        The number of candidates kept per method and language.
    measure : str, default="likelihood_ratio"
        An association measure of NLTK's ``BigramAssocMeasures``: one of
        ``likelihood_ratio``, ``pmi``, ``chi_sq``, ``student_t``, ``poisson_stirling``,
        ``dice``, ``jaccard``.
    prior : float, default=0.1
        Strength of the Dirichlet prior for ``keyness``: the prior counts are the pooled
        counts of the two groups times ``prior``.
    scope : {"documents", "context"}, default="documents"
        What ``keyness`` counts: whole documents, or only the seed contexts.

    Returns
    -------
    DataFrame
        ``frame``, ``lang``, ``method`` (``context`` | ``collocation`` | ``keyness``),
        ``term``, ``score``, ``count`` (in the seed contexts; for keyness, in all counted
        text), ``count_target``, ``count_other`` (keyness only), ``in_lexicon`` (the
        frame already matches the term). Sorted by language, method, then score.

    Raises
    ------
    InputError
        An unknown frame, ``measure`` or ``scope``; ``by`` not a corpus column; ``target``
        not a value of it; ``target`` without ``by``.

    See Also
    --------
    expand_lexicon : what the current patterns match.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.lexicon import parse_lexicon
    >>> lex = parse_lexicon("name: d\\nframes:\\n  regime:\\n    terms: {en: [Kiev regime]}")
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "lang": "en", "text": [
    ...     "The Kiev regime shelled Donetsk.", "Donetsk was shelled by the Kiev regime.",
    ...     "Rain fell on Paris."]})
    >>> suggest_terms(corpus, lex, "regime", min_count=2)[["method", "term", "count"]]
        method     term  count
    0  context  donetsk      2
    1  context  shelled      2
    """
    corpus = _corpus(corpus)
    lex = read_lexicon(lexicon)
    _check_suggest_args(corpus, lex, frame, by, target, measure, scope, window, n)
    if lang is None and (
            "lang" not in corpus.columns or not all(
                isinstance(v, str) and v for v in corpus["lang"].tolist())):
        # guessed as find_hits does, so each language's stopwords are left out
        from framing.detect import _languages

        corpus = corpus.assign(lang=_languages(corpus, None))
    if lang is not None:
        langs = [lang]
    elif "lang" in corpus.columns:
        covered = {t.lang for t in lex.frames[frame].terms}
        present = [x for x in pd.unique(corpus["lang"].dropna()) if isinstance(x, str)]
        langs = sorted(x for x in present if x in covered or ANY_LANG in covered)
    else:
        langs = [None]
    frame_lex = Lexicon(name=lex.name, version=lex.version,
                        frames={frame: lex.frames[frame]})
    parts = []
    for code in langs:
        docs = corpus if code is None or "lang" not in corpus.columns \
            else corpus[corpus["lang"] == code]
        if docs.empty:
            continue
        parts.append(_suggest_one(docs, frame_lex, frame, code, by, target, window,
                                  min_count, n, measure, prior, scope))
    if not parts:
        return _empty_suggestions()
    return pd.concat(parts, ignore_index=True)


def _check_suggest_args(corpus, lex, frame, by, target, measure, scope, window, n):
    if frame not in lex.frames:
        raise InputError(f"The 'frame' parameter of suggest_terms must be a frame of "
                         f"lexicon {lex.name!r}; got {frame!r}. Available: "
                         f"{', '.join(lex.frames)}.")
    if measure not in _MEASURES:
        raise InputError(f"The 'measure' parameter of suggest_terms must be one of "
                         f"{', '.join(_MEASURES)}; got {measure!r}.")
    if scope not in ("documents", "context"):
        raise InputError(f"The 'scope' parameter of suggest_terms must be 'documents' or "
                         f"'context'; got {scope!r}.")
    for name, value in (("window", window), ("n", n)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InputError(f"The {name!r} parameter of suggest_terms must be a positive "
                             f"integer; got {value!r}.")
    if target is not None and by is None:
        raise InputError("suggest_terms got a 'target' but no 'by': pass the column that "
                         "holds the groups, e.g. by='source'.")
    if by is not None:
        if by not in corpus.columns:
            found = ", ".join(map(str, corpus.columns))
            raise InputError(f"The 'by' parameter of suggest_terms must be a column of "
                             f"corpus; got {by!r}. Available: {found}.")
        values = pd.unique(corpus[by].dropna())
        if target is None or target not in set(values):
            shown = ", ".join(map(str, sorted(map(str, values))[:20]))
            raise InputError(f"The 'target' parameter of suggest_terms must be a value of "
                             f"column {by!r}; got {target!r}. Values: {shown}.")


def _empty_suggestions() -> pd.DataFrame:
    dtypes = {"score": "float64", "count": "int64", "count_target": "float64",
              "count_other": "float64", "in_lexicon": "bool"}
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "object"))
                         for c in SUGGESTION_COLUMNS})


def _candidates(tokens: list[str], stop: frozenset) -> list[str]:
    """Unigrams and adjacent bigrams of ``tokens`` fit to be terms (``None`` = a gap)."""
    out = []
    ok = [t is not None and _good_word(t, stop) for t in tokens]
    for i, t in enumerate(tokens):
        if ok[i]:
            out.append(t)
            if i + 1 < len(tokens) and ok[i + 1]:
                out.append(f"{t} {tokens[i + 1]}")
    return out


def _good_word(w: str, stop: frozenset) -> bool:
    return len(w) >= 3 and w not in stop and any(c.isalpha() for c in w)


def _suggest_one(docs, frame_lex, frame, lang, by, target, window, min_count, n, measure,
                 prior, scope) -> pd.DataFrame:
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    from framing.detect import find_hits

    stop = stopwords(lang or "")
    found_hits = find_hits(docs, frame_lex, lang=lang, progress=False)
    spans: dict = {}
    for d, i, j in zip(found_hits["doc_id"], found_hits["token_start"],
                       found_hits["token_end"]):
        spans.setdefault(d, []).append((int(i), int(j)))
    near, total, contexts = Counter(), Counter(), []
    n_near = n_all = 0
    groups = docs[by].tolist() if by is not None else [None] * len(docs)
    keyed = {True: Counter(), False: Counter()}
    for doc_id, text, group in zip(docs["doc_id"].tolist(), docs["text"].tolist(), groups):
        tokens = _doc_tokens(text)
        found = spans.get(doc_id, [])
        mask = [False] * len(tokens)
        for i, j in found:
            for k in range(max(0, i - window), min(len(tokens), j + window)):
                mask[k] = True
        for i, j in found:
            for k in range(i, j):
                mask[k] = False  # the seed itself is not its own context
        ctx = [t if m else None for t, m in zip(tokens, mask)]
        near.update(_candidates(ctx, stop))
        total.update(_candidates(tokens, stop))
        n_near += sum(mask)
        n_all += len(tokens)
        contexts.extend(_runs(ctx))
        if by is not None:
            counted = _candidates(ctx, stop) if scope == "context" else _candidates(tokens, stop)
            keyed[group == target].update(counted)
    score = getattr(BigramAssocMeasures, measure)
    frame_terms = list(frame_lex.frames[frame].terms)
    parts = []
    rows = []
    for term, k in near.items():
        if k < min_count or k * n_all <= total[term] * n_near:
            continue
        rows.append((term, score(k, (total[term], n_near), n_all), k))
    parts.append(_rank(rows, "context", n))
    finder = BigramCollocationFinder.from_documents(contexts)
    finder.apply_freq_filter(min_count)
    finder.apply_word_filter(lambda w: not _good_word(w, stop))
    rows = [(f"{a} {b}", s, finder.ngram_fd[(a, b)])
            for (a, b), s in finder.score_ngrams(score)]
    parts.append(_rank(rows, "collocation", n))
    if by is not None:
        parts.append(_keyness(keyed[True], keyed[False], min_count, prior, n))
    out = pd.concat([p for p in parts if not p.empty] or [_empty_suggestions()],
                    ignore_index=True)
    if out.empty:
        return _empty_suggestions()
    out.insert(0, "frame", frame)
    out.insert(1, "lang", lang)
    out["in_lexicon"] = [_in_frame(t, frame_terms, lang) for t in out["term"]]
    for col in ("count_target", "count_other"):
        if col not in out.columns:
            out[col] = np.nan
    return out[list(SUGGESTION_COLUMNS)].astype({"count": "int64", "score": "float64",
                                                 "in_lexicon": "bool"})


def _runs(ctx: list) -> list[list[str]]:
    """The maximal runs of context tokens, as token lists (gaps split documents)."""
    runs, cur = [], []
    for t in ctx:
        if t is None:
            if cur:
                runs.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        runs.append(cur)
    return runs


def _rank(rows, method: str, n: int) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["term", "score", "count"])
    if df.empty:
        return df.assign(method=pd.Series(dtype="object"))
    df = df.sort_values(["score", "count", "term"], ascending=[False, False, True])
    return df.head(n).assign(method=method)


def _keyness(a: Counter, b: Counter, min_count: int, prior: float, n: int) -> pd.DataFrame:
    """Log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008), z-scored."""
    vocab = [t for t in set(a) | set(b) if a[t] + b[t] >= min_count]
    if not vocab or not a or not b:
        return pd.DataFrame(columns=["term", "score", "count", "count_target",
                                     "count_other", "method"])
    ya = np.array([a[t] for t in vocab], dtype=float)
    yb = np.array([b[t] for t in vocab], dtype=float)
    alpha = prior * (ya + yb)
    a0 = alpha.sum()
    na, nb = sum(a.values()), sum(b.values())
    delta = (np.log((ya + alpha) / (na + a0 - ya - alpha))
             - np.log((yb + alpha) / (nb + a0 - yb - alpha)))
    z = delta / np.sqrt(1.0 / (ya + alpha) + 1.0 / (yb + alpha))
    df = pd.DataFrame({"term": vocab, "score": z, "count": (ya + yb).astype(int),
                       "count_target": ya, "count_other": yb})
    df = df.sort_values(["score", "count", "term"], ascending=[False, False, True])
    return df.head(n).assign(method="keyness")


def _in_frame(candidate: str, terms, lang) -> bool:
    words = candidate.split(" ")
    for t in terms:
        if lang is not None and t.lang not in (lang, ANY_LANG):
            continue
        toks = t.tokens if not t.case_sensitive else tuple((fold(w), g) for w, g in t.tokens)
        for k in range(len(words) - len(toks) + 1):
            if all((w.startswith(p) if g else w == p)
                   for (p, g), w in zip(toks, words[k:k + len(toks)])):
                return True
    return False


# --------------------------------------------------------------------------- validation


def validation_sample(hits, corpus, *, per_cell: int = 10, by: str | None = "source",
                      seed: int = 0, window: int = 60, frames=None,
                      blind: bool = False) -> pd.DataFrame:
    """Draw a stratified sample of hits as a coding sheet (keyword in context).

    Up to ``per_cell`` hits are drawn at random from every frame x group cell, so a
    precision estimate covers every source, not just the most prolific one. A coder reads
    each line and writes ``1`` (the hit carries the frame) or ``0`` in ``correct``; see
    :func:`score_validation`.

    Parameters
    ----------
    hits : DataFrame
        The hits table of :func:`framing.find_hits` (``doc_id``, ``frame``, ``entry``,
        ``start``, ``end`` are used).
    corpus : DataFrame or path
        The corpus the hits came from (``doc_id``, ``text``, and the ``by`` column).
    per_cell : int, default=10
        Hits drawn per frame x group (all of them where a cell has fewer).
    by : str or None, default="source"
        The corpus column defining the groups; ``None`` stratifies by frame only.
    seed : int, default=0
        Seed of the random draw (the same seed gives the same sheet).
    window : int, default=60
        Characters of context on each side, trimmed to whole words.
    frames : str or list of str, optional
        Only these frames.
    blind : bool, default=False
        Hide what reveals the group from the coder: the sheet keeps only ``item``,
        ``frame``, ``entry``, ``left``, ``match``, ``right`` and ``correct`` (document
        ids such as ``rt-00070`` often name the outlet, so ``doc_id``, ``start`` and
        ``end`` go too). The key that maps each ``item`` back to its ``doc_id``, group,
        ``start`` and ``end`` is in ``sheet.attrs["key"]`` (the command line writes it
        to ``SHEET.key.csv``), and the same call with ``blind=False`` gives the same
        items unblinded. The context itself may still name the outlet.

    Returns
    -------
    DataFrame
        The coding sheet: ``item`` (1, 2, ...), ``doc_id``, the ``by`` column,
        ``frame``, ``entry``, ``start``, ``end``, ``left``, ``match``, ``right`` (white
        space collapsed), ``correct`` (empty); with ``blind``, without ``doc_id``, the
        ``by`` column, ``start`` and ``end``. Sorted by frame; within a frame the lines
        are shuffled, so groups are interleaved.

    Raises
    ------
    InputError
        Missing columns, a ``by`` that is not a corpus column, an unknown frame in
        ``frames``, hits of documents that are not in the corpus, or a
        ``per_cell``/``window`` that is not a positive integer.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.detect import find_hits
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "source": ["RT", "BBC"],
    ...     "lang": "en", "text": ["The Kiev regime fell silent.", "Kyiv said no."]})
    >>> hits = find_hits(corpus, "ukraine_war")
    >>> sheet = validation_sample(hits, corpus, per_cell=1)
    >>> sheet[["source", "frame", "left", "match", "right"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['RT', 'kiev_regime', 'The', 'Kiev regime', 'fell silent.'],
     ['RT', 'naming_russian_spelling', 'The', 'Kiev', 'regime fell silent.'],
     ['BBC', 'naming_ukrainian_spelling', '', 'Kyiv', 'said no.']]
    """
    for name, value in (("per_cell", per_cell), ("window", window), ("seed", seed)):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or (
                value < (0 if name == "seed" else 1)):
            raise InputError(f"The {name!r} parameter of validation_sample must be a "
                             f"{'non-negative' if name == 'seed' else 'positive'} integer; "
                             f"got {value!r}.")
    check_columns(hits, ("doc_id", "frame", "entry", "start", "end"), table="hits",
                  param="hits")
    corpus = _corpus(corpus)
    if by is not None and by not in corpus.columns:
        raise InputError(f"The 'by' parameter of validation_sample must be a column of "
                         f"corpus; got {by!r}. Available: {', '.join(map(str, corpus.columns))}.")
    if frames is not None:
        frames = [frames] if isinstance(frames, str) else list(frames)
        known = list(pd.unique(hits["frame"].astype(str)))
        unknown = [f for f in frames if f not in known]
        if unknown:
            raise InputError(f"unknown frame(s) {', '.join(map(repr, unknown))}: no hit has "
                             f"it (not a frame of the lexicon, or it never matched); frames "
                             f"with hits: {', '.join(sorted(known)) or '(none)'}.")
        hits = hits[hits["frame"].isin(frames)]
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"]))
    hits = hits.assign(doc_id=hits["doc_id"].astype(str))
    unknown = sorted(set(hits["doc_id"]) - set(texts))
    if unknown:
        raise InputError(f"{len(unknown)} document(s) of the hits are not in the corpus "
                         f"(e.g. {unknown[0]!r}): pass the corpus the hits were found in.")
    group = "_group" if by is None else by
    groups = dict(zip(corpus["doc_id"].astype(str), corpus[by])) if by is not None else {}
    hits = hits.assign(**{group: [groups.get(d, "") for d in hits["doc_id"]]})
    hits = hits.sort_values(["frame", group, "doc_id", "start", "end", "entry"],
                            kind="stable").reset_index(drop=True)
    rng = np.random.default_rng(seed)
    picked = []
    for _, cell in hits.groupby(["frame", group], sort=True, dropna=False):
        k = min(per_cell, len(cell))
        picked.append(cell.iloc[np.sort(rng.choice(len(cell), size=k, replace=False))])
    cols = ["doc_id", *([] if by is None else [by]), "frame", "entry", "start", "end",
            "left", "match", "right", "correct"]
    if not picked:
        return _blinded(pd.DataFrame({c: pd.Series(dtype="object") for c in ["item", *cols]}),
                        by, blind)
    sample = pd.concat(picked, ignore_index=True)
    order = []
    for _, idx in sample.groupby("frame", sort=True).groups.items():
        order.extend(rng.permutation(np.asarray(idx)))
    sample = sample.loc[order].reset_index(drop=True)
    kwic = [_kwic(texts[d], int(s), int(e), window)
            for d, s, e in zip(sample["doc_id"], sample["start"], sample["end"])]
    sample["left"], sample["match"], sample["right"] = zip(*kwic)
    sample["correct"] = ""
    sample.insert(0, "item", range(1, len(sample) + 1))
    return _blinded(sample[["item", *cols]], by, blind)


def _blinded(sheet: pd.DataFrame, by, blind: bool) -> pd.DataFrame:
    """The sheet without what reveals the group, its key in ``attrs["key"]`` (if blind)."""
    if not blind:
        return sheet
    hidden = ["doc_id", *([] if by is None else [by]), "start", "end"]
    out = sheet.drop(columns=hidden)
    out.attrs["key"] = sheet[["item", *hidden]].copy()
    return out


def _kwic(text: str, start: int, end: int, window: int) -> tuple[str, str, str]:
    left = text[max(0, start - window):start]
    right = text[end:end + window]
    if start - window > 0 and re.match(r"\w", left) and text[start - window - 1].isalnum():
        left = re.sub(r"^\w+", "", left)
    if end + window < len(text) and right[-1:].isalnum() and text[end + window].isalnum():
        right = re.sub(r"\w+$", "", right)
    return " ".join(left.split()), " ".join(text[start:end].split()), " ".join(right.split())


def wilson_interval(k, n, *, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion of ``k`` successes in ``n`` trials.

    Examples
    --------
    Clipped to [0, 1]: exactly 0 when ``k`` is 0, exactly 1 when ``k`` is ``n``.

    >>> [round(x, 3) for x in wilson_interval(19, 20)]
    [0.764, 0.991]
    >>> wilson_interval(0, 5)[0], wilson_interval(5, 5)[1]
    (0.0, 1.0)
    """
    if n == 0:
        return (math.nan, math.nan)
    z = NormalDist().inv_cdf(0.5 + level / 2)
    p = k / n
    denom = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    # At k = 0 (k = n) the bound is exactly 0 (1); rounding would leave ~1e-17.
    low = 0.0 if k <= 0 else max(0.0, center - half)
    high = 1.0 if k >= n else min(1.0, center + half)
    return (low, high)


def cohen_kappa(a, b) -> float:
    """Cohen's kappa of two coders' binary codes (sequences of bools, same length).

    ``nan`` when chance agreement is 1 (both coders gave one value throughout).

    Examples
    --------
    >>> round(cohen_kappa([1, 1, 0, 0, 1], [1, 0, 0, 0, 1]), 3)
    0.615
    """
    a, b = np.asarray(a, dtype=bool), np.asarray(b, dtype=bool)
    if len(a) == 0:
        return math.nan
    po = float(np.mean(a == b))
    pe = float(a.mean() * b.mean() + (1 - a.mean()) * (1 - b.mean()))
    return math.nan if pe >= 1 else (po - pe) / (1 - pe)


def score_validation(sheet, *, level: float = 0.95, code: str | None = None,
                     by: str | None = None, key=None,
                     encoding: str = "utf-8") -> pd.DataFrame:
    """Precision per term, per frame and overall from a coded sheet, with Wilson intervals.

    Parameters
    ----------
    sheet : DataFrame or path to a CSV
        A coding sheet (:func:`validation_sample`) with ``frame``, ``entry`` and at least
        one code column: ``correct``, or ``coder1`` and ``coder2``. Codes are ``1``/``0``
        or ``y``/``n`` (also ``yes``/``no``, any case); an empty cell is a line not coded
        yet, left out with one warning. Other columns (the context) are not needed, so a
        sheet stripped of article text scores the same. A CSV may use ``,``, ``;`` or
        tabs between columns (read from its header line); spaces around column names are
        ignored, and wholly empty lines are skipped.
    level : float, default=0.95
        Confidence level of the Wilson intervals.
    code : str, optional
        The column precision is computed from; by default ``correct`` when it holds any
        code, else ``coder1``.
    by : str, optional
        Also score per group of this column (of the sheet, or of ``key``), per frame and
        over all frames: rows of scope ``group``, with the group in a ``group`` column.
    key : DataFrame or path to a CSV, optional
        The key of a blind sheet (``sheet.attrs["key"]`` of :func:`validation_sample`,
        or the ``.key.csv`` the command line writes): its columns are joined to the sheet
        on ``item``.
    encoding : str, default="utf-8"
        Text encoding of the CSV files. A file starting with a UTF-16 or UTF-32 byte
        order mark (as Excel's "Unicode text") is read as such.

    Returns
    -------
    DataFrame
        One row per term, then per frame, then ``all`` (then per group, with ``by``):
        ``scope`` (``term`` | ``frame`` | ``all`` | ``group``), ``frame``, ``entry``,
        (``group``, with ``by``), ``n`` (coded lines), ``n_correct``, ``precision``,
        ``ci_low``, ``ci_high``; with ``coder1`` and ``coder2``, ``n_both`` (lines both
        coded), ``agreement`` and Cohen's ``kappa`` per frame and overall (``nan``
        otherwise).

    Raises
    ------
    InputError
        The sheet is missing, lacks columns, is not valid text in ``encoding``, or
        ``level`` is not in (0, 1); ``by`` is not a column; the key lacks items.
    SheetError
        Codes other than 1/0/y/n, duplicated items or hits, an empty frame or entry, a
        line with more or fewer cells than the header: every one, with its line.

    Examples
    --------
    >>> import pandas as pd
    >>> sheet = pd.DataFrame({"frame": ["f"] * 4, "entry": ["a", "a", "b", "b"],
    ...                       "correct": [1, "y", "n", 1]})
    >>> score_validation(sheet)[["scope", "entry", "n", "precision"]]
       scope entry  n  precision
    0   term     a  2       1.00
    1   term     b  2       0.50
    2  frame        4       0.75
    3    all        4       0.75
    """
    if not (isinstance(level, float) and 0 < level < 1):
        raise InputError(f"The 'level' parameter of score_validation must be a number "
                         f"between 0 and 1 (e.g. 0.95); got {level!r}.")
    df, where, problems = _read_sheet(sheet, encoding)
    if df.empty and not problems:
        return _empty_precision(by)
    missing = [c for c in ("frame", "entry") if c not in df.columns]
    present = [c for c in _CODE_COLUMNS if c in df.columns]
    found = ", ".join(map(str, df.columns))
    if missing:
        raise InputError(f"validation sheet {where('')}is missing column(s) "
                         f"{', '.join(missing)}; expected frame, entry and a code column "
                         f"(correct, or coder1 and coder2); found: {found}.")
    if code is not None and code not in df.columns:
        raise InputError(f"The 'code' parameter of score_validation must be a column of "
                         f"the sheet; got {code!r}. Found: {found}.")
    if not present and code is None:
        raise InputError(f"validation sheet {where('')}has no code column: expected "
                         f"'correct' (or 'coder1' and 'coder2') holding 1/0 or y/n; "
                         f"found: {found}.")
    problems = problems + _sheet_rows(df, where)
    codes = {c: _codes(df[c], c, where) for c in dict.fromkeys([*present, *(
        [code] if code else [])])}
    problems += [p for _, errs in codes.values() for p in errs]
    if problems:
        problems.sort(key=_line_of)
        raise SheetError(problems, path=where(None) or None)
    codes = {c: v for c, (v, _) in codes.items()}
    col = code or ("correct" if "correct" in codes and codes["correct"].notna().any()
                   else "coder1" if "coder1" in codes else present[0])
    groups = None
    if key is not None:
        df = _join_key(df, key, where, encoding)
    if by is not None:
        if by not in df.columns:
            hint = "" if key is not None or "item" not in df.columns else (
                " (a blind sheet: pass its key, key='sheet.key.csv')")
            raise InputError(f"The 'by' parameter of score_validation must be a column of "
                             f"the sheet or of its key; got {by!r}. Found: "
                             f"{', '.join(map(str, df.columns))}{hint}.")
        groups = df[by].astype(str).reset_index(drop=True)
    return _precision_table(df, codes, col, level, groups)


def _line_of(problem: str):
    m = re.search(r":(\d+): ", problem) or re.match(r"row (\d+): ", problem)
    return int(m.group(1)) if m else 0


def _read_sheet(sheet, encoding: str = "utf-8"):
    """The sheet as a table of strings, ``where(i)`` naming row ``i``, and the problems
    found while reading (lines with the wrong number of cells)."""
    if isinstance(sheet, (str, Path)):
        path = Path(sheet)
        if not path.is_file():
            raise InputError(f"no validation sheet at {str(path)!r}: pass the CSV written "
                             "from validation_sample.")
        df, lines, problems = _read_sheet_csv(path, encoding)

        def where(i):
            return str(path) if i is None else (f"{path} " if i == "" else
                                                f"{path}:{lines[i]}")
        return df, where, problems
    if not isinstance(sheet, pd.DataFrame):
        raise InputError(f"score_validation needs a coding sheet (a DataFrame or the path "
                         f"of a CSV); got {type(sheet).__name__}.")

    def where(i):
        return "" if i is None or i == "" else f"row {i + 1}"
    df = sheet.reset_index(drop=True)
    return df.rename(columns=lambda c: c.strip() if isinstance(c, str) else c), where, []


def _read_sheet_csv(path: Path, encoding: str):
    import csv
    import io

    from framing.formats._common import read_text

    text = read_text(path, encoding)
    header_line = text.split("\n", 1)[0]
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader, [])]
        rows, lines, problems = [], [], []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue                      # an empty line, or one of empty cells only
            if len(row) != len(header):
                shown = {",": "','", ";": "';'", "\t": "tabs"}[delimiter]
                problems.append(f"{path}:{reader.line_num}: {len(row)} cells (separated by "
                                f"{shown}); the header line has {len(header)}")
                continue
            rows.append(row)
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path=path, line=reader.line_num) from None
    if not header or header == [""]:
        return pd.DataFrame(), lines, problems
    dups = sorted({h for h in header if header.count(h) > 1})
    if dups:
        raise InputError(f"the header names column(s) {', '.join(map(repr, dups))} more "
                         "than once", path=path, line=1)
    return pd.DataFrame(rows, columns=header, dtype=str), lines, problems


def _sheet_rows(df: pd.DataFrame, where) -> list[str]:
    """Empty frames or entries, duplicated items and hits: each, with its line."""
    problems = []
    for col in ("frame", "entry"):
        for i, v in enumerate(df[col].tolist()):
            if v is None or (isinstance(v, float) and math.isnan(v)) or not str(v).strip():
                problems.append(f"{where(i)}: {col} is empty")
    # A line repeated (every column but the codes the same, item included) is counted
    # twice; items may repeat with other content (sheets of several rounds joined), hits
    # (doc_id, frame, entry, start, end) may not.
    same = [c for c in df.columns if c not in _CODE_COLUMNS]
    hit = [c for c in ("doc_id", "frame", "entry", "start", "end") if c in df.columns]
    seen_line: dict = {}
    seen_hit: dict = {}
    for i, row in enumerate(zip(*(df[c].astype(str).str.strip() for c in same))):
        cells = dict(zip(same, row))
        if row in seen_line and "item" in cells:    # without item, lines may repeat
            problems.append(f"{where(i)}: duplicate item {cells['item']} (also on "
                            f"{_place(where(seen_line[row]))})")
            continue
        seen_line[row] = i
        if len(hit) == 5:
            k = tuple(cells[c] for c in hit)
            if k in seen_hit:
                problems.append(f"{where(i)}: duplicate hit {k[2]!r} in document {k[0]!r} "
                                f"at {k[3]}-{k[4]} (also on {_place(where(seen_hit[k]))})")
            else:
                seen_hit[k] = i
    return problems


def _place(where: str) -> str:
    m = re.search(r":(\d+)$", where)
    return f"line {m.group(1)}" if m else where


def _join_key(df: pd.DataFrame, key, where, encoding: str) -> pd.DataFrame:
    if isinstance(key, (str, Path)):
        key_df, _, problems = _read_sheet(key, encoding)
        if problems:
            raise SheetError(problems, path=str(key))
        name = str(key)
    elif isinstance(key, pd.DataFrame):
        key_df, name = key, "the key"
    else:
        raise InputError(f"The 'key' parameter of score_validation must be a DataFrame or "
                         f"the path of a CSV; got {type(key).__name__}.")
    for table, what in ((df, f"validation sheet {where('')}".strip()), (key_df, name)):
        if "item" not in table.columns:
            raise InputError(f"{what} has no 'item' column, so the key cannot be joined "
                             f"to the sheet; found: {', '.join(map(str, table.columns))}.")
    keyed = key_df.assign(item=key_df["item"].astype(str).str.strip()).drop_duplicates()
    twice = sorted(set(keyed["item"][keyed["item"].duplicated()]), key=str)
    if twice:
        raise InputError(f"{name} maps item(s) {', '.join(twice[:5])} to more than one "
                         "line, so the sheet cannot be joined to it by item.")
    keyed = keyed.set_index("item")
    items = df["item"].astype(str).str.strip()
    lost = [i for i, v in enumerate(items) if v not in keyed.index]
    if lost:
        raise SheetError([f"{where(i)}: item {items[i]} is not in the key" for i in lost],
                         path=where(None) or None,
                         hint=f"Pass the key written with this sheet ({name}).")
    extra = [c for c in keyed.columns if c not in df.columns]
    joined = keyed.loc[items.tolist(), extra].reset_index(drop=True)
    return pd.concat([df.reset_index(drop=True), joined], axis=1)


def _codes(values: pd.Series, column: str, where):
    out, problems = [], []
    for i, v in enumerate(values.tolist()):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(None)
            continue
        if isinstance(v, (bool, np.bool_)):
            out.append(bool(v))
            continue
        if isinstance(v, (int, float, np.integer, np.floating)) and float(v) in (0.0, 1.0):
            out.append(bool(v))
            continue
        s = str(v).strip().lower()
        if s in ("", "nan"):
            out.append(None)
        elif s in _TRUE or s == "1.0":
            out.append(True)
        elif s in _FALSE or s == "0.0":
            out.append(False)
        else:
            problems.append(f"{where(i)}: column {column!r} must be 1, 0, y or n (empty "
                            f"when not coded yet); got {v!r}")
    return pd.Series(out, dtype="object"), problems


def _empty_precision(by=None) -> pd.DataFrame:
    dtypes = {"n": "int64", "n_correct": "int64", "n_both": "int64"}
    cols = list(PRECISION_COLUMNS)
    if by is not None:
        cols.insert(3, "group")
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, "float64" if c not in (
        "scope", "frame", "entry", "group") else "object")) for c in cols})


def _precision_table(df, codes, col, level, groups=None) -> pd.DataFrame:
    y = codes[col]
    coded = y.notna().to_numpy()
    if not coded.all():
        warnings.warn(f"{int((~coded).sum())} of {len(y)} lines of the validation sheet "
                      f"have no code in {col!r}; they are left out.", stacklevel=3)
    two = "coder1" in codes and "coder2" in codes
    base = pd.DataFrame({"frame": df["frame"].astype(str).str.strip().tolist(),
                         "entry": df["entry"].astype(str).str.strip().tolist(), "y": y})
    if two:
        base["c1"], base["c2"] = codes["coder1"], codes["coder2"]
    scopes = [("term", ["frame", "entry"]), ("frame", ["frame"]), ("all", None)]
    if groups is not None:
        base["group"] = groups.tolist()
        scopes += [("group", ["frame", "group"]), ("group", ["group"])]
    rows = []
    for scope, keys in scopes:
        groups_ = [((), base)] if keys is None else base.groupby(keys, sort=True)
        for key, part in groups_:
            key = key if isinstance(key, tuple) else (key,)
            named = dict(zip(keys or [], key))
            vals = part["y"].dropna().astype(bool)
            k, n = int(vals.sum()), len(vals)
            lo, hi = wilson_interval(k, n, level=level)
            row = {"scope": scope, "frame": named.get("frame", ""),
                   "entry": named.get("entry", ""), "group": named.get("group", ""),
                   "n": n, "n_correct": k, "precision": k / n if n else math.nan,
                   "ci_low": lo, "ci_high": hi, "n_both": 0, "agreement": math.nan,
                   "kappa": math.nan}
            if two and scope != "term":
                both = part[part["c1"].notna() & part["c2"].notna()]
                a, b = both["c1"].astype(bool), both["c2"].astype(bool)
                row["n_both"] = len(both)
                row["agreement"] = float((a == b).mean()) if len(both) else math.nan
                row["kappa"] = cohen_kappa(a, b)
            rows.append(row)
    cols = list(PRECISION_COLUMNS)
    if groups is not None:
        cols.insert(3, "group")
    out = pd.DataFrame(rows, columns=cols)
    return out[out["n"] > 0].reset_index(drop=True).astype(
        {"n": "int64", "n_correct": "int64", "n_both": "int64"})


# --------------------------------------------------------------------------- CLI


def register_cli(lexicon_subparsers) -> None:
    """Add ``check``, ``expand``, ``suggest`` and ``validate`` under ``framing lexicon``.

    Each sub-command stores its handler as ``func`` (``args.func(args)`` returns the exit
    status: 0 on success, 1 when ``check`` finds errors, 2 on bad input).

    Parameters
    ----------
    lexicon_subparsers : argparse._SubParsersAction
        What ``add_subparsers()`` returned for the ``lexicon`` command.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="framing lexicon")
    >>> register_cli(parser.add_subparsers(dest="command"))
    >>> args = parser.parse_args(["check", "ukraine_war"])
    >>> args.func.__name__
    '_cli_check'
    """
    sub = lexicon_subparsers
    p = sub.add_parser("check", help="validate and lint a lexicon; exit 1 on errors",
                       description="Validate and lint a lexicon file. Exits 1 when it has "
                                   "errors (with --strict, also warnings).")
    p.add_argument("lexicon", metavar="FILE", help="a lexicon file or a shipped name")
    p.add_argument("--min-glob", type=int, default=4,
                   help="shortest safe glob prefix (default: 4)")
    p.add_argument("--level", choices=list(_LEVELS), default="info",
                   help="show problems of this level and worse (default: info)")
    p.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    p.add_argument("--all", action="store_true",
                   help=f"print every problem (by default, after {_SAME_SHOWN} problems with "
                   "the same message, one line counts the rest)")
    p.set_defaults(func=_cli_check)

    p = sub.add_parser("expand", help="what each glob and phrase matched in a corpus")
    _corpus_args(p)
    p.add_argument("--frame", action="append", dest="frames", metavar="FRAME",
                   help="only this frame (repeatable)")
    p.add_argument("--all", action="store_true", dest="all_kinds",
                   help="also list plain words (default: globs and phrases only)")
    _output_arg(p)
    p.set_defaults(func=_cli_expand)

    p = sub.add_parser("suggest", help="candidate terms for a frame", conflict_handler="resolve")
    _corpus_args(p)
    # --lang keeps its meaning here (a language to keep); the column is --lang-column.
    p.add_argument("--lang", dest="only_lang", metavar="CODE",
                   help="only documents in this language")
    p.add_argument("--lang-column", dest="lang", default="lang", metavar="COLUMN",
                   help="column of ISO 639-1 language codes (default: lang)")
    p.add_argument("--frame", required=True, help="the frame whose terms are the seeds")
    p.add_argument("--by", help="corpus column of groups, for keyness (e.g. source)")
    p.add_argument("--target", help="the group compared with the rest (with --by)")
    p.add_argument("--window", type=int, default=5)
    p.add_argument("--min-count", type=int, default=3)
    p.add_argument("-n", type=int, default=25, help="candidates per method (default: 25)")
    p.add_argument("--measure", choices=_MEASURES, default="likelihood_ratio")
    _output_arg(p)
    p.set_defaults(func=_cli_suggest)

    p = sub.add_parser("validate", help="draw a coding sheet, or score a coded one")
    vsub = p.add_subparsers(dest="validate_command", metavar="{sample,score}")
    vsub.required = True
    s = vsub.add_parser("sample", help="stratified sample of hits as a coding sheet (CSV)")
    _corpus_args(s)
    s.add_argument("--per-cell", type=int, default=10,
                   help="hits per frame x group (default: 10)")
    s.add_argument("--by", default="source", help="grouping column (default: source)")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--window", type=int, default=60, help="context characters per side")
    s.add_argument("--frame", action="append", dest="frames", metavar="FRAME")
    s.add_argument("--blind", action="store_true",
                   help="hide what reveals the group (doc_id, the --by column): the sheet "
                   "gets opaque item keys, and OUTPUT.key.csv beside it maps them back")
    s.add_argument("-o", "--output", required=True, help="the CSV to write")
    s.add_argument("--force", action="store_true",
                   help="replace the output (and key) file if it exists: a coded sheet is "
                   "lost")
    s.set_defaults(func=_cli_sample)
    s = vsub.add_parser("score", help="precision per term and frame from a coded sheet")
    s.add_argument("sheet", metavar="SHEET", help="the coded CSV")
    s.add_argument("--level", type=float, default=0.95, help="confidence level")
    s.add_argument("--key", metavar="KEY",
                   help="the key file of a --blind sheet (SHEET.key.csv), to score per "
                   "group with --by")
    s.add_argument("--by", help="also score per group of this column (of the sheet, or "
                   "of --key)")
    s.add_argument("--encoding", default="utf-8",
                   help="text encoding of the sheet (default: utf-8; UTF-16/32 with a byte "
                   "order mark are read as such)")
    _output_arg(s)
    s.set_defaults(func=_cli_score)


def _corpus_args(p) -> None:
    from framing.cli import _corpus_options

    p.add_argument("corpus", metavar="CORPUS", help="a corpus file or folder")
    p.add_argument("--lexicon", default="ukraine_war",
                   help="a shipped name or a file (default: ukraine_war)")
    _corpus_options(p)


def _output_arg(p) -> None:
    p.add_argument("-o", "--output", help="write a CSV here instead of printing")
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")


def _cli_message(message: str, *, lang_option: str = "--lang") -> str:
    """``message`` naming the command's options (:func:`framing.cli._for_cli`); for
    ``suggest``, whose ``--lang`` picks a language, the column option is ``--lang-column``."""
    from framing.cli import _for_cli

    message = _for_cli(message)
    if lang_option != "--lang":
        message = message.replace("--lang COLUMN", f"{lang_option} COLUMN")
    return message


def _cli_errors(func):
    @functools.wraps(func)
    def wrapper(args) -> int:
        try:
            return func(args)
        except FramingError as exc:
            lang_option = "--lang-column" if hasattr(args, "only_lang") else "--lang"
            print(f"framing: error: {_cli_message(str(exc), lang_option=lang_option)}",
                  file=sys.stderr)
            return 2
    return wrapper


def _read_cli_corpus(args) -> pd.DataFrame:
    from framing.cli import _corpus_kwargs
    from framing.corpus import read_corpus

    return read_corpus(args.corpus, **_corpus_kwargs(args))


def _emit(table: pd.DataFrame, output, what: str = "", force: bool = False) -> None:
    if output:
        from framing._io import atomic_path
        from framing.cli import _check_output

        _check_output(output, (), force)

        with atomic_path(output) as tmp:
            table.to_csv(tmp, index=False)
        print(f"wrote {len(table)} rows to {output}{': ' + what if what else ''}",
              file=sys.stderr)
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 200, "display.max_colwidth", 60):
            print(table.to_string(index=False) if len(table) else "(nothing found)")


_SAME_SHOWN = 5        # problems with one message printed before the rest are counted


@_cli_errors
def _cli_check(args) -> int:
    problems = check_lexicon(args.lexicon, min_glob=args.min_glob)
    shown = problems[problems["level"].map(_LEVELS) <= _LEVELS[args.level]]
    same: Counter = Counter()
    for r in shown.itertuples():
        same[(r.level, r.message)] += 1
        if same[(r.level, r.message)] > _SAME_SHOWN and not args.all:
            continue
        what = " ".join(x for x in (f"[{r.frame}" + (f"/{r.lang}]" if r.lang else "]")
                                    if r.frame else "", repr(r.pattern) if r.pattern else "")
                        if x)
        print(f"{r.origin}: {r.level}: {what + ': ' if what else ''}{r.message}")
    for (level, message), n in same.items():     # an imported dictionary has no notes at all
        if n > _SAME_SHOWN and not args.all:
            hide = ", --level warning hides notes" if level == "info" else ""
            print(f"{args.lexicon}: {level}: ... and {n - _SAME_SHOWN} more: {message} "
                  f"(--all prints them{hide})")
    counts = problems["level"].value_counts()
    n_err, n_warn, n_info = (int(counts.get(k, 0)) for k in ("error", "warning", "info"))
    print(f"{args.lexicon}: {n_err} error(s), {n_warn} warning(s), {n_info} note(s)",
          file=sys.stderr)
    return 1 if n_err or (args.strict and n_warn) else 0


@_cli_errors
def _cli_expand(args) -> int:
    table = expand_lexicon(_read_cli_corpus(args), args.lexicon, frames=args.frames)
    if not args.all_kinds:
        table = table[table["kind"] != "word"]
    _emit(table, args.output, force=args.force)
    return 0


@_cli_errors
def _cli_suggest(args) -> int:
    table = suggest_terms(_read_cli_corpus(args), args.lexicon, args.frame,
                          lang=args.only_lang,
                          by=args.by, target=args.target, window=args.window,
                          min_count=args.min_count, n=args.n, measure=args.measure)
    _emit(table, args.output, force=args.force)
    return 0


@_cli_errors
def _cli_sample(args) -> int:
    corpus = _read_cli_corpus(args)
    _, hits = _frame_hits(corpus, args.lexicon, args.frames)   # unknown frames: an error
    sheet = validation_sample(hits, corpus, per_cell=args.per_cell, by=args.by or None,
                              seed=args.seed, window=args.window, blind=args.blind)
    if args.blind and not args.force:
        from framing.cli import _check_output

        _check_output(_key_path(args.output))          # neither file written if one exists
    _emit(sheet, args.output, force=args.force)
    if args.blind:
        key = _key_path(args.output)
        _emit(sheet.attrs["key"], key, force=args.force,
              what="the key of the blind sheet (keep it from "
              "the coder; `framing lexicon validate score SHEET --key "
              f"{key} --by {args.by}` scores per group)" if args.by else
              "the key of the blind sheet (keep it from the coder)")
    return 0


def _key_path(output) -> Path:
    out = Path(output)
    return out.with_name(f"{out.stem}.key{out.suffix or '.csv'}")


@_cli_errors
def _cli_score(args) -> int:
    _emit(score_validation(args.sheet, level=args.level, by=args.by, key=args.key,
                           encoding=args.encoding), args.output, force=args.force)
    return 0
