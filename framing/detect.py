"""Detection: a lexicon compiled once per language, run over a corpus, gives the hits table.

Matching rules (the methods text in the README repeats them):

* Text and patterns are normalized the same way (:func:`framing.text.normalize`) and
  compared token by token, case-insensitively (``ё`` read as ``е``) unless an entry is
  ``case_sensitive``. Tokens are runs of letters and digits, so a pattern never matches
  inside a longer word: ``Kiew`` does not match ``Kiewer``, ``Киев`` does not match
  ``Киевом``. A ``*`` at the end of a pattern token is a prefix glob: ``Киев*`` matches
  ``Киеве``.
* A phrase matches consecutive tokens separated by white space (at most one line break)
  or a hyphen, so ``US-led bloc`` and ``US led bloc`` are the same pattern.
* A frame's ``exclude`` patterns veto that frame's matches that overlap them.
* Within one frame overlapping matches are resolved longest first (then earliest, then the
  entry with fewer globs, then lexicon order); across frames a span counts for each frame.
* Offsets are character offsets into the ORIGINAL text: ``text[start:end] == match``.

The compiled matcher is a token trie per language with hash lookups for exact tokens and a
prefix index for globs, so the cost grows with the text, not with the lexicon.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

import pandas as pd

from framing.lexicon import ANY_LANG, Lexicon, Term, read_lexicon
from framing.schema import HITS_COLUMNS, HITS_DTYPES, check_columns, empty_table
from framing.text import (
    detect_language, fold, normalize, sentence_index, sentence_spans, word_spans,
)

__all__ = ["find_hits", "match_text", "compile_lexicon", "CompiledLexicon"]

_JOIN_GAP = re.compile(r"\s*-?\s*")


class _Node:
    __slots__ = ("exact", "globs", "glob_lens", "entries")

    def __init__(self):
        self.exact: dict = {}
        self.globs: dict = {}          # prefix length -> {prefix: node}
        self.glob_lens: tuple = ()
        self.entries: list = []

    def child(self, token: str, glob: bool) -> "_Node":
        if not glob:
            return self.exact.setdefault(token, _Node())
        bucket = self.globs.setdefault(len(token), {})
        if len(token) not in self.glob_lens:
            self.glob_lens = tuple(sorted(self.glob_lens + (len(token),)))
        return bucket.setdefault(token, _Node())

    def step(self, token: str):
        """The children reached by ``token``: exact first, then globs, shortest first."""
        node = self.exact.get(token)
        if node is not None:
            yield node
        n = len(token)
        for length in self.glob_lens:
            if length > n:
                break
            node = self.globs[length].get(token[:length])
            if node is not None:
                yield node


@dataclass
class _Matcher:
    """The trie of one language: case-folded entries and case-sensitive ones."""

    folded: _Node = field(default_factory=_Node)
    cased: _Node = field(default_factory=_Node)
    size: int = 0

    def add(self, index: int, term: Term) -> None:
        node = self.cased if term.case_sensitive else self.folded
        for token, glob in term.tokens:
            node = node.child(token, glob)
        node.entries.append(index)
        self.size += 1


@dataclass
class CompiledLexicon:
    """A lexicon compiled into one matcher per language (see :func:`compile_lexicon`)."""

    lexicon: Lexicon
    entries: list                    # index -> Term
    frame_order: dict                # frame name -> position in the lexicon
    matchers: dict                   # lang -> _Matcher

    def matcher(self, lang: str) -> _Matcher | None:
        if lang not in self.matchers:
            return self.matchers.get(ANY_LANG)
        return self.matchers[lang]


_CACHE: dict = {}


def compile_lexicon(lexicon) -> CompiledLexicon:
    """Compile a lexicon into per-language token tries (cached by content hash).

    Parameters
    ----------
    lexicon : Lexicon, str or Path
        Anything :func:`framing.read_lexicon` accepts.
    """
    lexicon = read_lexicon(lexicon)
    key = (lexicon.name, lexicon.version_id)
    if key in _CACHE:
        return _CACHE[key]
    entries = lexicon.terms(include_excludes=True)
    langs = {t.lang for t in entries}
    matchers = {}
    for lang in langs | {ANY_LANG}:
        m = _Matcher()
        for i, term in enumerate(entries):
            if term.lang in (lang, ANY_LANG):
                m.add(i, term)
        matchers[lang] = m
    compiled = CompiledLexicon(lexicon, entries, {n: i for i, n in enumerate(lexicon.frames)},
                               matchers)
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[key] = compiled
    return compiled


def _raw_matches(tokens, folded, joinable, matcher: _Matcher):
    """Every (token_start, token_end, entry index) where a pattern matches."""
    out = []
    n = len(tokens)
    for root, keys in ((matcher.folded, folded), (matcher.cased, tokens)):
        if not (root.exact or root.globs):
            continue
        for i in range(n):
            stack = [(node, i + 1) for node in root.step(keys[i])]
            while stack:
                node, j = stack.pop()
                for e in node.entries:
                    out.append((i, j, e))
                if j < n and (node.exact or node.globs) and joinable(j - 1):
                    stack.extend((child, j + 1) for child in node.step(keys[j]))
    return out


def _resolve(raw, entries, frame_order):
    """Apply excludes and the within-frame longest-match rule."""
    by_frame: dict = {}
    vetoes: dict = {}
    for i, j, e in raw:
        term = entries[e]
        (vetoes if term.exclude else by_frame).setdefault(term.frame, []).append((i, j, e))
    kept = []
    for frame, cands in by_frame.items():
        bans = vetoes.get(frame, [])
        if bans:
            cands = [c for c in cands if not any(c[0] < b[1] and b[0] < c[1] for b in bans)]
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0],
                                  sum(g for _, g in entries[c[2]].tokens), c[2]))
        taken: list = []
        for c in cands:
            if not any(c[0] < t[1] and t[0] < c[1] for t in taken):
                taken.append(c)
        kept.extend(taken)
    kept.sort(key=lambda c: (c[0], frame_order[entries[c[2]].frame], c[1]))
    return kept


def _match_one(text: str, lang: str, compiled: CompiledLexicon):
    """Hits of one text as tuples (frame, entry, match, start, end, i, j, sentence, weight)."""
    matcher = compiled.matcher(lang)
    if matcher is None or not matcher.size:
        return [], None
    norm = normalize(text)
    spans = word_spans(norm.text)
    ntext = norm.text
    tokens = [ntext[a:b] for a, b in spans]
    folded = [fold(t) for t in tokens]

    def joinable(k: int) -> bool:
        gap = ntext[spans[k][1]:spans[k + 1][0]]
        return gap == " " or (_JOIN_GAP.fullmatch(gap) is not None and gap.count("\n") < 2)

    raw = _raw_matches(tokens, folded, joinable, matcher)
    rows = []
    if raw:
        kept = _resolve(raw, compiled.entries, compiled.frame_order)
        sents = sentence_spans(text, lang)
        for i, j, e in kept:
            start, end = norm.original_span(spans[i][0], spans[j - 1][1])
            term = compiled.entries[e]
            rows.append((term.frame, term.pattern, text[start:end], start, end, i, j,
                         sentence_index(sents, start), term.weight))
    return rows, len(spans)


def match_text(text: str, lexicon, *, lang: str | None = None) -> pd.DataFrame:
    """Find the hits of a lexicon in one text (see :func:`find_hits`).

    Parameters
    ----------
    text : str
    lexicon : Lexicon, str or Path
    lang : str, optional
        ISO 639-1 code; guessed with :func:`framing.text.detect_language` when not given.

    Returns
    -------
    DataFrame
        The hits table, with ``doc_id`` empty.

    Examples
    --------
    >>> hits = match_text("Russland nennt es einen Stellvertreterkrieg.", "ukraine_war", lang="de")
    >>> hits[["frame", "match", "start", "end"]]
           frame                match  start  end
    0  proxy_war  Stellvertreterkrieg     24   43
    """
    corpus = pd.DataFrame({"doc_id": [""], "text": [text],
                           "lang": [lang or detect_language(text)]})
    return find_hits(corpus, lexicon, progress=False)


def find_hits(corpus, lexicon, *, lang: str | None = None, progress: bool | None = None,
              n_tokens: bool = False) -> pd.DataFrame:
    """Find every match of a lexicon's patterns in a corpus.

    Parameters
    ----------
    corpus : DataFrame or path
        A corpus table (``doc_id``, ``text``, optionally ``lang``), or anything
        :func:`framing.read_corpus` reads.
    lexicon : Lexicon, str or Path
        Anything :func:`framing.read_lexicon` accepts, e.g. ``"ukraine_war"``.
    lang : str, optional
        Language of every document; by default the corpus's ``lang`` column, or a guess
        per document where that column is absent.
    progress : bool, optional
        Show a progress bar; by default shown for corpora of 5,000 documents or more.
    n_tokens : bool, default=False
        Also return the word-token count of every document (a Series indexed by
        ``doc_id``), counted in the same pass.

    Returns
    -------
    DataFrame
        The hits table (columns in :data:`framing.schema.HITS_COLUMNS`), sorted by
        ``doc_id`` (corpus order), ``start`` and frame (lexicon order). With
        ``n_tokens=True``, a tuple ``(hits, n_tokens)``.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "lang": ["en", "de"], "text": [
    ...     "NATO's proxy war, says the Kiev regime.", "Der von den USA geführte Block."]})
    >>> find_hits(corpus, "ukraine_war")[["doc_id", "frame", "match", "start", "end"]]
      doc_id                    frame                       match  start  end
    0      a                proxy_war                   proxy war      7   16
    1      a              kiev_regime                 Kiev regime     27   38
    2      a  naming_russian_spelling                        Kiev     27   31
    3      b              us_led_bloc  von den USA geführte Block      4   30
    """
    from framing.corpus import read_corpus

    if not isinstance(corpus, pd.DataFrame):
        corpus = read_corpus(corpus)
    check_columns(corpus, ("doc_id", "text"), table="corpus", param="corpus")
    compiled = compile_lexicon(lexicon)
    lex = compiled.lexicon
    langs = _languages(corpus, lang)
    missing = sorted(set(langs) - set(compiled.matchers))
    if missing and ANY_LANG not in {t.lang for t in compiled.entries}:
        counts = pd.Series(langs).value_counts()
        warnings.warn(
            f"lexicon {lex.name!r} has no patterns for language(s) "
            + ", ".join(f"{m} ({counts[m]} documents)" for m in missing)
            + f"; those documents get no hits. The lexicon covers: {', '.join(lex.languages)}.",
            stacklevel=2)
    rows, counts = [], []
    items = zip(corpus["doc_id"].tolist(), corpus["text"].tolist(), langs)
    for doc_id, text, doc_lang in _progress(items, len(corpus), progress, "finding hits"):
        found, n = _match_one(text, doc_lang, compiled)
        rows.extend((doc_id, *r, doc_lang) for r in found)
        if n_tokens:
            counts.append(n if n is not None else len(word_spans(normalize(text).text)))
    hits = _hits_table(rows, lex)
    if n_tokens:
        return hits, pd.Series(counts, index=corpus["doc_id"].tolist(), name="n_tokens",
                               dtype="int64")
    return hits


def _languages(corpus: pd.DataFrame, lang: str | None) -> list[str]:
    if lang is not None:
        return [lang] * len(corpus)
    if "lang" in corpus.columns:
        values = corpus["lang"].tolist()
        return [v if isinstance(v, str) and v else detect_language(t)
                for v, t in zip(values, corpus["text"].tolist())]
    return [detect_language(t) for t in corpus["text"].tolist()]


def _hits_table(rows, lex: Lexicon) -> pd.DataFrame:
    if rows:
        cols = ["doc_id", "frame", "entry", "match", "start", "end", "token_start",
                "token_end", "sentence", "weight", "lang"]
        hits = pd.DataFrame(rows, columns=cols)
        hits["lexicon"] = lex.name
        hits["lexicon_version"] = lex.version_id
        hits = hits[list(HITS_COLUMNS)].astype(HITS_DTYPES)
    else:
        hits = empty_table(HITS_COLUMNS, HITS_DTYPES)
    hits.attrs.update({"lexicon": lex.name, "lexicon_version": lex.version_id,
                       "frames": list(lex.frames), "labels": lex.labels})
    return hits


def _progress(iterable, total: int, progress: bool | None, desc: str):
    if progress is None:
        progress = total >= 5000
    if not progress:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="doc")
