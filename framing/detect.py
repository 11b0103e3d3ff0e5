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

import bisect
import collections
import contextlib
import gc
import hashlib
import itertools
import os
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.lexicon import ANY_LANG, Lexicon, Term, lexicon_path, read_lexicon
from framing.schema import HITS_COLUMNS, HITS_DTYPES, check_columns, empty_table
from framing.text import (
    UNDETERMINED,
    _codes,
    _fold_expansions,
    _sentence_spans_until,
    _word_bounds,
    detect_language,
    fold,
    normalize,
    sentence_index,
    sentence_spans,
    word_spans,
)

__all__ = ["find_hits", "match_text", "compile_lexicon", "CompiledLexicon", "normalized_flags"]

_JOIN_GAP = re.compile(r"\s*-?\s*")


class _Node:
    __slots__ = ("exact", "globs", "glob_lens", "entries")

    def __init__(self):
        self.exact: dict = {}
        self.globs: dict = {}          # prefix length -> {prefix: node}
        self.glob_lens: tuple = ()
        self.entries: list = []

    def child(self, token: str, glob: bool) -> _Node:
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
    # token -> the children of the root it reaches (batch path), per trie
    memo: dict = field(default_factory=dict, repr=False, compare=False)
    memo_cased: dict = field(default_factory=dict, repr=False, compare=False)

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
    n_globs: list = field(default_factory=list)   # index -> number of glob tokens
    prefilter: _Prefilter | None = field(default=None, repr=False, compare=False)

    def matcher(self, lang: str) -> _Matcher | None:
        if lang not in self.matchers:
            return self.matchers.get(ANY_LANG)
        return self.matchers[lang]

    def __reduce__(self):
        # A process keeps one compiled lexicon per lexicon version: the copy a worker
        # receives with every piece (the actors, inside the context settings) is replaced
        # by the one it already has, whose memos are warm.
        lex = self.lexicon
        return _unpickle_compiled, ((lex.name, _version_id(lex)), lex, self.entries,
                                    self.frame_order, self.matchers, self.n_globs,
                                    self.prefilter)


def _unpickle_compiled(key: tuple, *fields) -> CompiledLexicon:
    found = _CACHE.get(key)
    return found if found is not None else _remember(key, CompiledLexicon(*fields))


def _remember(key: tuple, compiled: CompiledLexicon) -> CompiledLexicon:
    """Keep a compiled lexicon as this process's one for its (name, version)."""
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[key] = compiled
    return compiled


_CACHE: dict = {}


def compile_lexicon(lexicon) -> CompiledLexicon:
    """Compile a lexicon into per-language token tries (cached by content hash).

    Parameters
    ----------
    lexicon : Lexicon, str, Path or CompiledLexicon
        Anything :func:`framing.read_lexicon` accepts (a compiled lexicon is returned as
        it is).

    Examples
    --------
    >>> from framing.lexicon import parse_lexicon
    >>> lexicon = parse_lexicon("{name: demo, frames: {proxy_war: {terms: "
    ...                         "{en: ['proxy war*'], de: ['Stellvertreterkrieg*']}}}}")
    >>> compiled = compile_lexicon(lexicon)
    >>> sorted(compiled.matchers), compile_lexicon(lexicon) is compiled
    (['any', 'de', 'en'], True)
    """
    if isinstance(lexicon, CompiledLexicon):
        return lexicon
    _check_lexicon(lexicon)
    if isinstance(lexicon, (str, os.PathLike)):
        return _compile_file(lexicon)
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
                               matchers, [sum(g for _, g in t.tokens) for t in entries])
    return _remember(key, compiled)


def _check_lexicon(lexicon, param: str = "lexicon") -> None:
    """An InputError unless ``lexicon`` is something :func:`compile_lexicon` takes."""
    if not isinstance(lexicon, (CompiledLexicon, Lexicon, str, os.PathLike)):
        raise InputError(f"{param} must be a Lexicon, a shipped lexicon name (e.g. "
                         f"'ukraine_war') or the path of a lexicon file; got "
                         f"{type(lexicon).__name__}.")


def _check_lang(lang, param: str = "lang") -> str | None:
    """``lang`` as a language code (``"EN"`` and ``"en-US"`` give ``"en"``), or None; an
    InputError if it is not one."""
    from framing.corpus import _lang_code

    if lang is None:
        return None
    code = _lang_code(lang)
    if code is None or lang.strip() == "":
        raise InputError(f"{param} must be an ISO 639-1 language code like 'en', 'de' or "
                         f"'ru' (or None to use the corpus's lang column); got {lang!r}.")
    return code


def _check_corpus_arg(corpus, param: str = "corpus") -> None:
    if not isinstance(corpus, (pd.DataFrame, str, os.PathLike)):
        raise InputError(f"{param} must be a corpus table (a DataFrame, e.g. from "
                         f"framing.read_corpus) or the path of a corpus file or folder; got "
                         f"{type(corpus).__name__}.")


_FILES: dict = {}


def _compile_file(source) -> CompiledLexicon:
    """A lexicon file (or shipped name) compiled. The file's lexicon is remembered by its
    path and the hash of its bytes: calling ``find_hits(corpus, "ukraine_war")`` again does
    not parse the file again, and an edited file is read afresh. (The compiled lexicon
    itself is the process's one for its name and version, as for any lexicon.)"""
    path = lexicon_path(source)
    if not path.is_file():                      # read_lexicon says what is wrong with it
        return compile_lexicon(read_lexicon(path))
    key = (str(path.resolve()), hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    lexicon = _FILES.get(key)
    if lexicon is None:
        if len(_FILES) > 16:
            _FILES.clear()
        lexicon = _FILES[key] = read_lexicon(path)
    return compile_lexicon(lexicon)


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


def _resolve(raw, entries, frame_order, n_globs=None):
    """Apply excludes and the within-frame longest-match rule."""
    if len(raw) == 1:                    # nothing to overlap with: kept unless an exclude
        return [] if entries[raw[0][2]].exclude else list(raw)
    if n_globs is None:
        n_globs = [sum(g for _, g in t.tokens) for t in entries]
    by_frame: dict = {}
    vetoes: dict = {}
    for i, j, e in raw:
        term = entries[e]
        (vetoes if term.exclude else by_frame).setdefault(term.frame, []).append((i, j, e))
    kept = []
    for frame, cands in by_frame.items():
        bans = vetoes.get(frame)
        if len(cands) == 1 and not bans:
            kept.append(cands[0])
            continue
        # Spans are token ranges, so two overlap exactly when they share a token: marking
        # the tokens of vetoes and of kept matches makes each check cost the span's length
        # (linear in the hits, also for a document with hundreds of thousands of them).
        size = max(c[1] for c in cands)
        if bans:
            banned = bytearray(size)
            for a, b, _ in bans:
                if a < size:
                    banned[a:min(b, size)] = b"\x01" * (min(b, size) - a)
            cands = [c for c in cands if not any(banned[c[0]:c[1]])]
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], n_globs[c[2]], c[2]))
        used = bytearray(size)
        for c in cands:
            if not any(used[c[0]:c[1]]):
                used[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
                kept.append(c)
    kept.sort(key=lambda c: (c[0], frame_order[entries[c[2]].frame], c[1]))
    return kept


def _match_one(text: str, lang: str, compiled: CompiledLexicon, sentences: bool = True):
    """Hits of one text as tuples (frame, entry, match, start, end, i, j, sentence, weight).

    The reference path: it walks the trie from every token. :func:`_match_batch` gives
    the same result faster and falls back to this for the rare texts it cannot handle.
    With ``sentences=False`` the sentence number is -1 (not computed).
    """
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
        kept = _resolve(raw, compiled.entries, compiled.frame_order, compiled.n_globs)
        sents = sentence_spans(text, lang) if sentences else None
        for i, j, e in kept:
            start, end = norm.original_span(spans[i][0], spans[j - 1][1])
            term = compiled.entries[e]
            rows.append((term.frame, term.pattern, text[start:end], start, end, i, j,
                         sentence_index(sents, start) if sentences else -1, term.weight))
        rows = _with_context(rows, text, lang, sentences, sents)
    return rows, len(spans)


def _with_context(rows: list, text: str, lang: str, sentences, sents) -> list:
    """``rows`` with the context values of their hits appended, when ``sentences`` holds
    the context settings (:class:`framing.context.ContextSettings`)."""
    if isinstance(sentences, bool) or not rows:
        return rows
    from framing.context import annotate_document

    found = annotate_document(text, lang, [(r[3], r[4]) for r in rows], sentences, sents)
    return [r + v for r, v in zip(rows, found)]


# --------------------------------------------------------------------- the batch path
#
# `_match_one` walks the trie from every token, in Python. The batch path gives the same
# hits much faster. The normalized texts of many documents are joined, case-folded at once
# and scanned with numpy: word boundaries come from a table of word characters, and every
# token gets a polynomial hash (and so does its prefix of each glob length). Bitmaps of the
# lexicon's first tokens (a whole token, or a glob's prefix), and of the first two and
# second two tokens of its phrases, pick the few tokens where a pattern may start; Python
# walks the same trie from those tokens only. A false alarm of a bitmap costs a dict lookup
# and never changes the result; a pattern is never missed, because every key it could
# match is in the bitmaps. So "the" in "in the Ukraine" costs nothing unless the next
# words could go on with a phrase. Texts whose case folding would change token boundaries
# (rare letters such as 'İ') take the reference path.

_SEP = "\x00"               # joins documents: not a word character, never joinable
_BATCH_CHARS = 1 << 17      # characters per numpy batch: its arrays stay in the core's cache
_ALONE_CHARS = 1 << 24      # characters per piece of a corpus detected in this process
_GLOB_CAP = 6
_MIX1, _MIX2, _LEN_SALT = 0x9E3779B1, 0x85EBCA77, 0x27D4EB2F


_ENDS, _STARTS = 1, 2          # flags: a pattern ends at this token / a phrase goes on
_LONG = 4                      # flag: the first _GLOB_CAP characters of a longer glob
_PAIR_PREFIX = 4               # tokens of a pair are compared by their first 4 characters
_PAIR_MUL = 0x2C1B3C6D


@dataclass
class _Prefilter:
    bits: int                       # every bitmap has 2**bits slots
    first: np.ndarray               # uint8[1 + len(lengths), slots]: flags of first tokens,
                                    # row 0 whole tokens, row k glob prefixes of lengths[k-1]
    long: np.ndarray                # uint8[slots]: flags of globs longer than _GLOB_CAP
    pairs: np.ndarray               # uint8[slots]: flags of (first, second) token pairs
    pairs2: np.ndarray              # bool[slots]: (second, third) token pairs
    lengths: tuple                  # glob prefix lengths to probe for first tokens
    long_lengths: tuple             # lengths of globs longer than _GLOB_CAP
    combos: tuple                   # prefix lengths of (first, second) pairs to probe
    combos2: tuple                  # prefix lengths of (second, third) pairs to probe


def _char_hashes(codes) -> np.ndarray:
    x = codes * np.uint32(_MIX1)
    x ^= x >> np.uint32(15)
    x *= np.uint32(_MIX2)
    x ^= x >> np.uint32(13)
    return x


_BASE = 0x01000193             # odd, so its powers have inverses modulo 2**32
_POWERS: list = []


def _powers(n: int):
    """``(B**k, B**-k)`` modulo 2**32 for k < n, as uint32 arrays (cached, grown)."""
    if n > 1 << 23:                 # a huge document: computed for it, not kept
        return _power_arrays(n)
    if not _POWERS or len(_POWERS[0]) < n:
        _POWERS[:] = _power_arrays(min(max(n, 1 << 21, 2 * len(_POWERS[0]) if _POWERS else 0),
                                       1 << 23))
    return _POWERS[0], _POWERS[1]


def _power_arrays(n: int) -> list:
    inverse = pow(_BASE, -1, 1 << 32)
    up = np.full(n, _BASE, dtype=np.uint32)
    up[0] = 1
    down = np.full(n, inverse, dtype=np.uint32)
    down[0] = 1
    return [np.cumprod(up, dtype=np.uint32), np.cumprod(down, dtype=np.uint32)]


def _hash(s: str) -> int:
    """The 32-bit hash of a (folded) token or prefix, as :func:`_candidates` computes it:
    a polynomial over mixed code points (so anagrams differ), plus a length salt."""
    up = _powers(len(s))[0]
    h = int((_char_hashes(_codes(s)) * up[:len(s)]).sum(dtype=np.uint32))
    return (h + len(s) * _LEN_SALT) & 0xFFFFFFFF


def _children(node: _Node, cased: bool):
    """``(key, is_glob, child)`` for every child of a trie node (keys folded)."""
    for key, child in node.exact.items():
        yield (fold(key) if cased else key), False, child
    for bucket in node.globs.values():
        for key, child in bucket.items():
            yield (fold(key) if cased else key), True, child


def _pair_key(key: str, glob: bool) -> tuple[int, int]:
    """``(prefix length, hash)`` of a token in a pair: its first ``_PAIR_PREFIX``
    characters, or the whole glob prefix when that is shorter."""
    n = len(key) if glob and len(key) < _PAIR_PREFIX else _PAIR_PREFIX
    return n, _hash(key[:n])


def _prefilter(compiled: CompiledLexicon) -> _Prefilter:
    """The bitmaps of a compiled lexicon (built once, kept on it).

    ``first`` flags every first token of a pattern, in one bitmap per kind of key (whole
    token, or glob prefix of each length, so that a probe meets only keys of its kind):
    ``_ENDS`` if a pattern ends there, ``_STARTS`` if a phrase goes on. A glob longer than
    ``_GLOB_CAP`` characters is flagged ``_LONG`` by its first ``_GLOB_CAP`` characters,
    and ``long`` holds it whole. ``pairs`` flags every (first, second) token pair of a
    phrase the same way, and ``pairs2`` holds every (second, third) pair; tokens of pairs
    are reduced to their first ``_PAIR_PREFIX`` characters (a shorter glob to its prefix).
    Bitmaps get about 512 slots per key (at most 2**21), so few tokens are false alarms.
    """
    if compiled.prefilter is not None:
        return compiled.prefilter
    first: dict = {}                    # row (0: whole token, n: glob prefix) -> {hash: flags}
    long, pairs, pairs2 = {}, {}, set()
    combos, combos2 = set(), set()

    def put(table, key, flag):
        table[key] = table.get(key, 0) | flag

    for m in compiled.matchers.values():
        for root, cased in ((m.folded, False), (m.cased, True)):
            for key1, glob1, node1 in _children(root, cased):
                flags = (_ENDS if node1.entries else 0) | (
                    _STARTS if node1.exact or node1.globs else 0)
                if glob1 and len(key1) > _GLOB_CAP:
                    put(first.setdefault(_GLOB_CAP, {}), _hash(key1[:_GLOB_CAP]), _LONG)
                    put(long, _hash(key1), flags)
                else:
                    put(first.setdefault(len(key1) if glob1 else 0, {}), _hash(key1), flags)
                if not flags & _STARTS:
                    continue
                n1, h1 = _pair_key(key1, glob1)
                for key2, glob2, node2 in _children(node1, cased):
                    n2, h2 = _pair_key(key2, glob2)
                    combos.add((n1, n2))
                    pair = (h1 * _PAIR_MUL + h2) & 0xFFFFFFFF
                    put(pairs, pair, (_ENDS if node2.entries else 0) | (
                        _STARTS if node2.exact or node2.globs else 0))
                    for key3, glob3, _ in _children(node2, cased):
                        n3, h3 = _pair_key(key3, glob3)
                        combos2.add((n2, n3))
                        pairs2.add((h2 * _PAIR_MUL + h3) & 0xFFFFFFFF)
    most = max([len(t) for t in first.values()] + [len(long), len(pairs), len(pairs2), 1])
    bits = min(21, max(16, (most * 512).bit_length()))
    lengths = tuple(sorted(n for n in first if n))
    rows = np.zeros((1 + len(lengths), 1 << bits), dtype=np.uint8)
    for row, n in enumerate((0, *lengths)):
        for key, flags in first.get(n, {}).items():
            rows[row, key >> (32 - bits)] |= flags

    def bitmap(table: dict, dtype=np.uint8):
        out = np.zeros(1 << bits, dtype=dtype)
        for key, flags in table.items():
            out[key >> (32 - bits)] |= flags
        return out

    compiled.prefilter = _Prefilter(
        bits, rows, bitmap(long), bitmap(pairs), bitmap(dict.fromkeys(pairs2, True), bool),
        lengths, tuple(sorted({len(k) for k in _long_keys(compiled)})), tuple(sorted(combos)),
        tuple(sorted(combos2)))
    return compiled.prefilter


def _long_keys(compiled: CompiledLexicon):
    for m in compiled.matchers.values():
        for root, cased in ((m.folded, False), (m.cased, True)):
            for key, glob, _ in _children(root, cased):
                if glob and len(key) > _GLOB_CAP:
                    yield key


def _candidates(codes, starts, ends, pf: _Prefilter) -> np.ndarray:
    """Indices of the tokens where a pattern may start (a superset, checked by the trie).

    A token is a candidate when its hash, or the hash of a glob-length prefix, is in the
    first-token bitmap with ``_ENDS``; or, for a token that starts phrases, when its pair
    with the next token is in the pair bitmap with ``_ENDS``, or with ``_STARTS`` and the
    next pair (second and third token) in the second pair bitmap.
    """
    sums = np.zeros(len(codes) + 1, dtype=np.uint32)
    up, down = _powers(len(codes))
    chars = _char_hashes(codes)
    chars *= up[:len(codes)]
    np.cumsum(chars, dtype=np.uint32, out=sums[1:])
    at_start = sums[starts]
    unshift = down[starts]                  # B**-start: the hash of a token from offset 0
    lengths = (ends - starts).astype(np.uint32)
    shift = np.uint32(32 - pf.bits)
    key = (sums[ends] - at_start) * unshift + lengths * np.uint32(_LEN_SALT)
    flags = pf.first[0][key >> shift]
    for row, n in enumerate(pf.lengths, start=1):
        key = (sums[np.minimum(starts + n, ends)] - at_start) * unshift \
            + np.uint32(n * _LEN_SALT)
        flags |= pf.first[row][key >> shift]

    def prefix(k, n):
        m = np.minimum(lengths[k], np.uint32(n))
        return (sums[starts[k] + m] - at_start[k]) * unshift[k] + m * np.uint32(_LEN_SALT)

    long = np.flatnonzero(flags & _LONG)
    if long.size:
        for n in pf.long_lengths:
            flags[long] |= pf.long[prefix(long, n) >> shift]
    hit = (flags & _ENDS).astype(bool)

    def pair_flags(k, table, combos):
        out = np.zeros(len(k), dtype=table.dtype)
        for n1, n2 in combos:
            key = prefix(k, n1) * np.uint32(_PAIR_MUL) + prefix(k + 1, n2)
            out |= table[key >> shift]
        return out

    first = np.flatnonzero(flags[:-1] & _STARTS)
    if first.size:
        second = pair_flags(first, pf.pairs, pf.combos)
        hit[first[(second & _ENDS).astype(bool)]] = True
        deeper = first[(second & _STARTS).astype(bool) & (first + 2 < len(starts))]
        if deeper.size:
            hit[deeper[pair_flags(deeper + 1, pf.pairs2, pf.combos2)]] = True
    return np.flatnonzero(hit)


def _fold_batch(ntexts: list[str]):
    """Join and case-fold normalized texts; return what the batch scan needs.

    Returns ``(joined, folded, fallback, to_norm, doc_starts_folded, doc_starts)``:
    ``fallback`` lists the texts that must take the reference path (their text is left
    out of the join); ``to_norm`` maps offsets of ``folded`` to offsets of ``joined``
    (or is None when folding kept every length).
    """
    joined = _SEP.join(ntexts)
    folded = fold(joined)
    fallback: set = set()
    lengths = np.fromiter((len(t) + 1 for t in ntexts), dtype=np.int64, count=len(ntexts))
    doc_starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    if len(folded) == len(joined):
        return joined, folded, fallback, None, doc_starts, doc_starts
    found = _expansions(joined, len(folded) - len(joined))
    safe = _fold_expansions()[1]
    bad = {int(np.searchsorted(doc_starts, p, side="right")) - 1 for p, c in found
           if c not in safe}
    if bad:
        fallback = bad
        ntexts = ["" if k in bad else t for k, t in enumerate(ntexts)]
        joined, folded, _, to_norm, starts_f, starts = _fold_batch(ntexts)
        return joined, folded, fallback, to_norm, starts_f, starts
    pos = np.array([p for p, _ in found], dtype=np.int64)
    extra = np.array([len(fold(c)) - 1 if c not in _SHARP_S else 1 for _, c in found],
                     dtype=np.int64)
    total = np.cumsum(extra)
    ends_f = pos + total + 1                     # where each expansion ends in `folded`

    def to_norm(offsets):
        k = np.searchsorted(ends_f, offsets, side="right")
        return offsets - np.where(k > 0, total[np.maximum(k - 1, 0)], 0)

    before = np.searchsorted(pos, doc_starts, side="left")
    starts_f = doc_starts + np.where(before > 0, total[np.maximum(before - 1, 0)], 0)
    return joined, folded, fallback, to_norm, starts_f, doc_starts


_SHARP_S = ("ß", "ẞ")           # the commonest characters that fold into two


def _expansions(text: str, extra: int) -> list[tuple[int, str]]:
    """``(offset, character)`` of every character that folds into several, given how many
    characters folding added; German text usually needs only a search for ``ß``."""
    if sum(text.count(c) for c in _SHARP_S) == extra:       # each adds exactly one
        found = []
        for c in _SHARP_S:
            at = text.find(c)
            while at >= 0:
                found.append((at, c))
                at = text.find(c, at + 1)
        return sorted(found)
    return [(m.start(), m.group()) for m in _fold_expansions()[0].finditer(text)]


def _scan_batch(texts: list[str], langs: list, compiled: CompiledLexicon,
                sentences: bool = True):
    """The matches of several texts, before their offsets are worked out.

    Returns ``(norms, kept, fallback, counts, spans)``: the normalized texts; ``kept``
    maps a text's position to its resolved matches ``(i, j, entry)`` (texts with none are
    left out); ``fallback`` maps the position of a text that took the reference path to
    its rows from :func:`_match_one` (read with ``sentences``); ``counts`` holds the word
    tokens of every text; ``spans()`` yields the offsets into its normalized text of every
    match of ``kept``, text by text, as ``(a, b)`` lists. Scoring needs no offsets.
    """
    pf = _prefilter(compiled)
    norms = [normalize(t) for t in texts]
    joined, folded, fallback, to_norm, starts_f, doc_starts = _fold_batch(
        [n.text for n in norms])
    codes = _codes(folded)
    f_starts, f_ends = _word_bounds(codes)
    to_norm = to_norm or (lambda offsets: offsets)      # offsets in `folded` -> `joined`
    bounds = np.append(np.searchsorted(f_starts, starts_f), len(f_starts))
    counts = np.diff(bounds).tolist()
    cand = _candidates(codes, f_starts, f_ends, pf)
    raw_by_doc: dict = {}
    if cand.size:
        docs = (np.searchsorted(bounds, cand, side="right") - 1).tolist()
        firsts = [folded[a:b] for a, b in zip(f_starts[cand].tolist(), f_ends[cand].tolist())]
        edges = bounds.tolist()
        active = {lg: compiled.matcher(lg) for lg in set(langs)}
        active = {lg: m if m is not None and m.size else None for lg, m in active.items()}

        def key(k):
            return folded[f_starts[k]:f_ends[k]]

        def cased_key(k):
            return joined[to_norm(f_starts[k]):to_norm(f_ends[k])]

        def joinable(k: int) -> bool:
            # folding leaves the characters between words as they are (the few that
            # change, like circled letters, do not survive normalization)
            gap = folded[f_ends[k]:f_starts[k + 1]]
            return gap == " " or (_JOIN_GAP.fullmatch(gap) is not None
                                  and gap.count("\n") < 2)

        for g, d, first in zip(cand.tolist(), docs, firsts):
            m = active[langs[d]]
            if m is None:
                continue
            nodes = m.memo.get(first)
            if nodes is None:
                nodes = _root_children(m.memo, m.folded, first)
            if nodes:
                _walk(nodes, g, edges[d], edges[d + 1], key, joinable,
                      raw_by_doc.setdefault(d, []))
            if (m.cased.exact or m.cased.globs) and _may_be_cased(m, first):
                token = cased_key(g)
                nodes = m.memo_cased.get(token)
                if nodes is None:
                    nodes = _root_children(m.memo_cased, m.cased, token)
                if nodes:
                    _walk(nodes, g, edges[d], edges[d + 1], cased_key, joinable,
                          raw_by_doc.setdefault(d, []))
    kept = {}
    for d, raw in raw_by_doc.items():
        found = _resolve(raw, compiled.entries, compiled.frame_order, compiled.n_globs)
        if found:
            kept[d] = found
    rows = {}
    for d in fallback:
        rows[d], n = _match_one(texts[d], langs[d], compiled, sentences)
        counts[d] = n if n is not None else len(word_spans(norms[d].text))

    def spans():                        # offsets of every hit in `joined`, in one go
        if not kept:
            return
        edges = bounds.tolist()
        first = np.array([edges[d] + i for d, found in kept.items() for i, _, _ in found])
        last = np.array([edges[d] + j - 1 for d, found in kept.items() for _, j, _ in found])
        at = iter(zip(to_norm(f_starts[first]).tolist(), to_norm(f_ends[last]).tolist()))
        for d, found in kept.items():
            off = int(doc_starts[d])
            yield [(a - off, b - off) for a, b in itertools.islice(at, len(found))]

    return norms, kept, rows, counts, spans


def _match_batch(texts: list[str], langs: list, compiled: CompiledLexicon,
                 sentences: bool = True):
    """Hits and token counts of several texts: ``(rows per text, tokens per text)``.

    Gives exactly what :func:`_match_one` gives for each text (rows in the same order).
    """
    context = not isinstance(sentences, bool)
    norms, kept, fallback, counts, spans_of = _scan_batch(texts, langs, compiled, sentences)
    rows: list = [[] for _ in texts]
    entries = compiled.entries
    for (d, found), spans in zip(kept.items(), spans_of()):
        text, norm = texts[d], norms[d]
        if not sentences:
            sents = None
        elif context:                   # the context reads sentences after the last hit too
            sents = sentence_spans(text, langs[d])
        else:
            sents = _sentence_spans_until(text, langs[d], norm.original_span(
                spans[-1][0], spans[-1][0] + 1)[0])
        out = rows[d]
        firsts = [a for a, _ in sents] if sentences else None
        for (i, j, e), (a, b) in zip(found, spans):
            start, end = norm.original_span(a, b)
            term = entries[e]
            out.append((term.frame, term.pattern, text[start:end], start, end, i, j,
                        max(bisect.bisect_right(firsts, start) - 1, 0) if sentences else -1,
                        term.weight))
        if context:
            rows[d] = _with_context(out, text, langs[d], sentences, sents)
    for d, found in fallback.items():
        rows[d] = found
    return rows, counts


def _may_be_cased(m: _Matcher, folded: str) -> bool:
    """Whether a token (given case-folded) can match a case-sensitive entry's first token,
    remembered per token: most tokens then skip the case-sensitive trie."""
    gate = m.memo_cased.get(("gate", folded))
    if gate is None:
        gate = m.memo_cased.get(("gate",))
        if gate is None:        # the folded first tokens: whole, and glob prefixes by length
            exact = frozenset(fold(key) for key in m.cased.exact)
            prefixes: dict = {}
            for bucket in m.cased.globs.values():
                for key in bucket:
                    prefixes.setdefault(len(fold(key)), set()).add(fold(key))
            gate = m.memo_cased[("gate",)] = (exact, sorted(prefixes.items()))
        exact, prefixes = gate
        gate = folded in exact or any(folded[:n] in keys for n, keys in prefixes)
        m.memo_cased[("gate", folded)] = gate
    return gate


def _root_children(memo: dict, root: _Node, token: str) -> tuple:
    """The children of ``root`` reached by ``token``, remembered in ``memo``."""
    if len(memo) > 200_000:
        memo.clear()
    nodes = memo[token] = tuple(root.step(token))
    return nodes


def _walk(nodes: tuple, g: int, base: int, last: int, key, joinable, out: list) -> None:
    """Append ``(i, j, entry)`` for every pattern that starts at token ``g`` and whose
    first token reached ``nodes``; ``key(k)`` is the matching key of token ``k``.

    ``base`` is the document's first token and ``last`` its end (exclusive); ``i`` and
    ``j`` are relative to ``base``, as in :func:`_raw_matches`.
    """
    stack = [(node, g + 1) for node in nodes]
    while stack:
        node, j = stack.pop()
        for e in node.entries:
            out.append((g - base, j - base, e))
        if j < last and (node.exact or node.globs) and joinable(j - 1):
            stack.extend((child, j + 1) for child in node.step(key(j)))


def match_text(text: str, lexicon, *, lang: str | None = None) -> pd.DataFrame:
    """Find the hits of a lexicon in one text (see :func:`find_hits`).

    Parameters
    ----------
    text : str
    lexicon : Lexicon, str or Path
    lang : str, optional
        ISO 639-1 code (``"en"``; ``"EN"`` and ``"en-US"`` are read as ``"en"``); guessed
        with :func:`framing.text.detect_language` when not given.

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
    if not isinstance(text, str):
        raise InputError(f"text must be a str; got {type(text).__name__}.")
    _check_lexicon(lexicon)
    lang = _check_lang(lang)
    # object dtype: an Arrow string column cannot hold a lone surrogate, a str can
    corpus = pd.DataFrame({"doc_id": [""], "text": [text],
                           "lang": [lang or detect_language(text)]}, dtype=object)
    with warnings.catch_warnings(record=True) as caught:     # said at the caller's line
        warnings.simplefilter("always")
        hits = find_hits(corpus, lexicon, progress=False)
    for w in caught:
        warnings.warn(w.message, w.category, stacklevel=2)
    return hits


def find_hits(corpus, lexicon, *, lang: str | None = None, progress: bool | None = None,
              n_tokens: bool = False, n_jobs: int = 1, context: bool = True) -> pd.DataFrame:
    """Find every match of a lexicon's patterns in a corpus.

    Parameters
    ----------
    corpus : DataFrame or path
        A corpus table (``doc_id``, ``text``, optionally ``lang``), or anything
        :func:`framing.read_corpus` reads.
    lexicon : Lexicon, str or Path
        Anything :func:`framing.read_lexicon` accepts, e.g. ``"ukraine_war"``.
    lang : str, optional
        Language of every document, an ISO 639-1 code (``"en"``; ``"EN"`` and ``"en-US"``
        are read as ``"en"``); by default the corpus's ``lang`` column, or a guess per
        document where that column is absent or empty.
    progress : bool, optional
        Show a progress bar; by default shown for corpora of 5,000 documents or more.
    n_tokens : bool, default=False
        Also return the word-token count of every document (a Series indexed by
        ``doc_id``), counted in the same pass.
    n_jobs : int, default=1
        Worker processes. As in joblib, a negative value counts back from the number of
        cores: ``-1`` uses every core, ``-2`` every core but one, and so on (at least one
        worker); ``0`` is an error. The compiled lexicon is sent once to each worker, and
        the result is identical to ``n_jobs=1`` (same rows, same order).
    context : bool, default=True
        Add the context of every hit (:func:`framing.context.annotate_hits`): ``voice``,
        ``attributed``, ``speaker``, ``negated``, ``target``. Turn off for speed when only
        counts are needed.

    Returns
    -------
    DataFrame
        The hits table (columns in :data:`framing.schema.HITS_COLUMNS`, then
        :data:`framing.schema.HITS_CONTEXT_COLUMNS` with ``context=True``), sorted by
        ``doc_id`` (corpus order), ``start`` and frame (lexicon order). With
        ``n_tokens=True``, a tuple ``(hits, n_tokens)``.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.lexicon import parse_lexicon
    >>> lexicon = parse_lexicon('''
    ... name: demo
    ... frames:
    ...   proxy_war: {terms: {en: ["proxy war*"], de: ["Stellvertreterkrieg*"]}}
    ...   bloc: {terms: {en: ["US-led bloc*"], de: ["von den USA geführte* Block*"]}}
    ...   kiev: {terms: {en: ["Kiev"], de: ["Kiew", "Kiews"]}}
    ... ''')
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "lang": ["en", "de"], "text": [
    ...     "A proxy war, says Kiev, and the US led bloc.",
    ...     "Der von den USA geführten Blocks Stellvertreterkrieg erreicht Kiew."]})
    >>> find_hits(corpus, lexicon)[["doc_id", "frame", "match", "start", "end"]]
      doc_id      frame                         match  start  end
    0      a  proxy_war                     proxy war      2   11
    1      a       kiev                          Kiev     18   22
    2      a       bloc                   US led bloc     32   43
    3      b       bloc  von den USA geführten Blocks      4   32
    4      b  proxy_war           Stellvertreterkrieg     33   52
    5      b       kiev                          Kiew     62   66
    """
    from framing.corpus import _check_corpus_table, read_corpus

    _check_corpus_arg(corpus)
    _check_lexicon(lexicon)
    lang = _check_lang(lang)
    _n_workers(n_jobs)
    if not isinstance(corpus, pd.DataFrame):
        corpus = read_corpus(corpus)
    else:
        check_columns(corpus, ("doc_id", "text"), table="corpus", param="corpus")
        _check_corpus_table(corpus)
    sentences = True
    if context:
        from framing.context import context_settings

        sentences = context_settings()
    return _find_hits(corpus, lexicon, lang=lang, progress=progress, n_tokens=n_tokens,
                      n_jobs=n_jobs, sentences=sentences)


# Typography that is not evasion: quotes, apostrophes, hyphens, dashes and spaces.
_BENIGN = {ord(c): "\"" for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb"}
_BENIGN.update({ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2039\u203a\u02bc"})
_BENIGN.update({ord(c): "-" for c in "\u2010\u2011"})
_BENIGN.update({ord(c): "\u2013" for c in "\u2012\u2014\u2015"})
_BENIGN.update({ord(c): " " for c in "\u00a0\u2007\u202f\u2009\u200a"})


def normalized_flags(hits: pd.DataFrame, corpus: pd.DataFrame) -> list[bool]:
    """For each hit, whether it was found only thanks to normalization beyond typography.

    True when the matched original text differs from what the matcher saw by more than
    case, quotes, apostrophes, hyphens, dashes and spaces: a soft hyphen or zero-width
    character inside the word, full-width or other compatibility letters, stray accents,
    or mixed-script look-alike letters (``Кiев``). Such hits are real matches, but a
    researcher studying deliberate evasion (or checking a scraper) wants to see them.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.lexicon import parse_lexicon
    >>> lex = parse_lexicon("{name: d, frames: {k: {terms: {en: [Kiev], ru: [Киев*]}}}}")
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "lang": ["en", "ru"],
    ...                        "text": ["Kiev and Ki\u00adev", "В Кiеве"]})
    >>> find_hits(corpus, lex, context=False)[["match", "normalized"]]
        match  normalized
    0    Kiev       False
    1  Ki­ev        True
    2   Кiеве        True
    """
    texts = dict(zip(corpus["doc_id"].tolist(), corpus["text"].tolist()))
    flags = []
    for doc_id, start, end in zip(hits["doc_id"].tolist(), hits["start"].tolist(),
                                  hits["end"].tolist()):
        surface = texts[doc_id][start:end]
        if surface.isascii():
            flags.append(False)
            continue
        flags.append(surface.translate(_BENIGN) != normalize(surface).text)
    return flags


def _find_hits(corpus, lexicon, *, lang=None, progress=None, n_tokens=False, n_jobs=1,
               sentences=True, warn=True):
    """:func:`find_hits`, with the sentence numbers optional (-1 when not computed).

    Scoring never reads sentence numbers, so :func:`framing.score.score_corpus` skips
    sentence splitting, the slowest part of detection. ``sentences`` may also be the
    context settings (:func:`framing.context.context_settings`): then every document's
    hits are annotated as soon as they are found (by the worker that found them), with the
    sentences already split, and the table has the context columns after the others.
    """
    from framing.corpus import read_corpus

    if not isinstance(corpus, pd.DataFrame):
        corpus = read_corpus(corpus)
    check_columns(corpus, ("doc_id", "text"), table="corpus", param="corpus")
    compiled = compile_lexicon(lexicon)
    context = _context_columns(sentences)
    bar = _progress_bar(len(corpus), progress, "finding hits")
    parts, counts, missing = [], [], Counter()
    try:
        for found, n, languages in _detect_pieces(corpus, compiled, lang, sentences, n_jobs):
            parts.append(found)
            counts.extend(n)
            missing.update(languages)
            if bar is not None:
                bar.update(len(n))
    finally:
        if bar is not None:
            bar.close()
    if warn:
        _warn_languages(missing, compiled, stacklevel=3)
    hits = _concat_hits(parts, compiled.lexicon, context)
    if n_tokens:
        return hits, pd.Series(counts, index=corpus["doc_id"].tolist(), name="n_tokens",
                               dtype="int64")
    return hits


def _concat_hits(parts: list, lex: Lexicon, context=()) -> pd.DataFrame:
    """The hits tables of pieces of a corpus as one (the table of all their rows)."""
    full = [p for p in parts if len(p)]
    if len(full) == len(parts) == 1:
        return parts[0]
    if not full:
        return _hits_table([], lex, context)
    hits = pd.concat(full, ignore_index=True)
    hits.attrs = dict(full[0].attrs)
    return hits


def _detect_pieces(corpus: pd.DataFrame, compiled: CompiledLexicon, lang, sentences: bool,
                   n_jobs):
    """``(hits table, token counts, documents per uncovered language)`` of pieces of a
    corpus, in order. With ``n_jobs`` > 1, ``n_jobs`` worker processes find the hits of the
    pieces, each taking the next one when it is free (they receive the compiled lexicon
    once, when they start, and their pieces as DataFrame slices, cheap to send), and build
    the pieces' tables; this process only hands out pieces and gathers the tables, so the
    cores do the work and nothing waits for this process."""
    return _in_pieces(corpus, compiled, n_jobs, _detect_frame, lang, sentences,
                      columns=("doc_id", "text", "lang"))


def _in_pieces(corpus: pd.DataFrame, compiled: CompiledLexicon, n_jobs, function, *args,
               columns=("doc_id", "text", "lang")):
    """``function(compiled, piece, *args)`` for pieces of a corpus, in order: here with one
    job, else in ``n_jobs`` worker processes (see :func:`_detect_pieces`), which receive the
    ``columns`` of their pieces.

    Where worker processes are forked (Linux), they are forked after the corpus is in
    place and read their pieces from their copy of this process's memory: a piece is sent
    as two numbers, not as its text."""
    workers = _n_workers(n_jobs)
    if workers == 1 or len(corpus) < 2:     # here, in pieces of 16M characters (progress)
        pieces = list(_batches(None, _ALONE_CHARS, lengths=_text_lengths(corpus["text"])))
        if len(pieces) < 2:
            yield function(compiled, corpus, *args)
            return
        for a, b in pieces:
            yield function(compiled, corpus.iloc[a:b], *args)
        return
    bounds = iter(_unit_bounds(None, workers, lengths=_text_lengths(corpus["text"])))
    columns = list(dict.fromkeys(c for c in columns if c in corpus.columns))
    table = corpus[columns]
    key = None
    if _forks():
        key = object()
        _SHARED[id(key)] = table            # in place before the workers are forked
    pool = worker_pool(compiled, workers)

    def submit(piece):
        a, b = piece
        if key is not None:
            return pool.submit(_call_shared, function, id(key), a, b, *args)
        return pool.submit(_call, function, table.iloc[a:b], *args)

    try:                            # two pieces per worker in flight, gathered in order
        pending = collections.deque(submit(p) for p in itertools.islice(bounds, 2 * workers))
        while pending:
            result = pending.popleft().result()
            following = next(bounds, None)
            if following is not None:
                pending.append(submit(following))
            yield result
    finally:
        pool.shutdown(cancel_futures=True)
        if key is not None:
            del _SHARED[id(key)]


def _submit_pieces(pool, workers: int, corpus: pd.DataFrame, function, *args,
                   columns=("doc_id", "text", "lang")) -> list:
    """Send pieces of a corpus to the workers of ``pool``; the futures of
    ``function(compiled, piece, *args)``, in corpus order."""
    bounds = _unit_bounds(None, workers, lengths=_text_lengths(corpus["text"]))
    columns = [c for c in columns if c in corpus.columns]
    return [pool.submit(_call, function, corpus[columns].iloc[a:b], *args) for a, b in bounds]


def _detect_frame(compiled: CompiledLexicon, corpus: pd.DataFrame, lang, sentences: bool):
    """The hits table, token counts and uncovered languages of a corpus table (see
    _detect_pieces). With sentences (``sentences`` true, or the context settings), the
    table is complete: sentence numbers, the ``normalized`` flag and the context columns."""
    langs = _languages(corpus, lang)
    missing = Counter(lg for lg in langs if lg not in compiled.matchers)
    rows, counts = _detect_rows(corpus["doc_id"].tolist(), corpus["text"].tolist(), langs,
                                compiled, sentences)
    hits = _hits_table(rows, compiled.lexicon, _context_columns(sentences))
    if sentences and len(hits):
        hits["normalized"] = pd.Series(normalized_flags(hits, corpus), index=hits.index,
                                       dtype="bool")
    return hits, counts, missing


def _tally_frame(compiled: CompiledLexicon, corpus: pd.DataFrame, lang=None):
    """What scoring needs of a corpus table, without its hits table (no offsets, no
    sentences): ``(count, weight, tokens, missing)``.

    ``count`` (int64) and ``weight`` (float64) have one row per document (corpus order)
    and one column per frame (lexicon order): the hits and their summed entry weights.
    ``tokens`` lists the word tokens of every document and ``missing`` counts the
    documents per language the lexicon has no patterns for. The weights of a cell are
    added in the order of the hits table, as :func:`framing.score.score_documents` adds
    them, so both give the same scores.
    """
    langs = _languages(corpus, lang)
    missing = Counter(lg for lg in langs if lg not in compiled.matchers)
    texts = corpus["text"].tolist()
    order = compiled.frame_order
    width = len(order)
    frame_of = [order[t.frame] for t in compiled.entries]
    weight_of = [t.weight for t in compiled.entries]
    cells, weights, tokens = [], [], []
    with _gc_paused():
        for a, b in _batches(texts, _BATCH_CHARS):
            _, kept, fallback, counts, _ = _scan_batch(texts[a:b], langs[a:b], compiled,
                                                       False)
            for d, found in kept.items():
                base = (a + d) * width
                for _, _, e in found:
                    cells.append(base + frame_of[e])
                    weights.append(weight_of[e])
            for d, rows in fallback.items():
                base = (a + d) * width
                for row in rows:
                    cells.append(base + order[row[0]])
                    weights.append(row[8])
            tokens.extend(counts)
    size = len(texts) * width
    cells = np.array(cells, dtype=np.int64)
    count = np.bincount(cells, minlength=size).astype(np.int64).reshape(len(texts), width)
    weight = np.bincount(cells, weights=np.array(weights, dtype=np.float64),
                         minlength=size).reshape(len(texts), width)
    return count, weight, np.array(tokens, dtype=np.int64), missing


def _text_lengths(texts: pd.Series) -> list[int]:
    try:
        return texts.str.len().fillna(0).astype("int64").tolist()
    except (AttributeError, TypeError):
        return [len(t) if isinstance(t, str) else 0 for t in texts.tolist()]


def _warn_missing(langs, compiled: CompiledLexicon, stacklevel: int = 2) -> None:
    """Warn once about documents in languages the lexicon has no patterns for."""
    _warn_languages(Counter(lg for lg in langs if lg not in compiled.matchers), compiled,
                    stacklevel + 1)


def _warn_languages(missing: Counter, compiled: CompiledLexicon, stacklevel: int = 2) -> None:
    """The warning of :func:`_warn_missing`, from counts of documents per language."""
    lex = compiled.lexicon
    missing = Counter({m: n for m, n in missing.items() if m != UNDETERMINED})  # no letters
    if missing and ANY_LANG not in {t.lang for t in compiled.entries}:
        warnings.warn(
            f"lexicon {lex.name!r} has no patterns for language(s) "
            + ", ".join(f"{m} ({missing[m]} documents)" for m in sorted(missing, key=str))
            + f"; those documents get no hits. The lexicon covers: {', '.join(lex.languages)}.",
            stacklevel=stacklevel + 1)


def _detect_rows(doc_ids, texts, langs, compiled: CompiledLexicon, sentences: bool = True):
    """Hits rows ``(doc_id, frame, ..., weight, lang)`` and token counts of some documents."""
    rows, counts = [], []
    with _gc_paused():
        for a, b in _batches(texts, _BATCH_CHARS):
            found, n = _match_batch(texts[a:b], langs[a:b], compiled, sentences)
            for doc_id, doc_lang, doc_rows in zip(doc_ids[a:b], langs[a:b], found):
                rows.extend((doc_id, *r[:9], doc_lang, *r[9:]) for r in doc_rows)
            counts.extend(n)
    return rows, counts


@contextlib.contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector: detection makes many small objects and no
    cycles, and with a large corpus in memory every collection walks all of it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _batches(texts, size: int, *, lengths=None):
    """``(start, stop)`` of consecutive runs of texts holding about ``size`` characters
    (``lengths`` may give the length of every text instead of the texts)."""
    if lengths is None:
        lengths = (len(t) if isinstance(t, str) else 0 for t in texts)
    start, total, k = 0, 0, -1
    for k, n in enumerate(lengths):
        total += n
        if total >= size:
            yield start, k + 1
            start, total = k + 1, 0
    if start < k + 1:
        yield start, k + 1


# ------------------------------------------------------------------ worker processes

_WORKER: dict = {}


def _n_workers(n_jobs) -> int:
    """Worker processes for ``n_jobs``, as joblib counts them: ``n`` > 0 is ``n``; ``-n``
    is ``cores + 1 - n`` (-1: every core), at least 1; ``None`` is 1; 0 is an error."""
    import numbers
    import os

    if n_jobs is None:
        return 1
    if not isinstance(n_jobs, numbers.Integral) or isinstance(n_jobs, bool) or n_jobs == 0:
        raise InputError(f"n_jobs must be an int (1, 2, ..., or -1 for every core); got "
                         f"{n_jobs!r}. A negative n_jobs counts back from the cores, as in "
                         "joblib: -2 is every core but one, and so on (at least 1 worker); "
                         "0 is not allowed.")
    cores = os.cpu_count() or 1
    return max(1, cores + 1 + int(n_jobs) if n_jobs < 0 else int(n_jobs))


def _unit_bounds(texts, n_jobs, size: int = 2 << 20, *, lengths=None) -> list:
    """``(start, stop)`` of the work units of some texts: one for one worker, else pieces of
    about ``size`` characters (smaller for a small corpus, so that every worker works)."""
    workers = _n_workers(n_jobs)
    if lengths is None:
        lengths = [len(t) if isinstance(t, str) else 0 for t in texts]
    if workers == 1:
        return [(0, len(lengths))]
    size = max(1 << 16, min(size, sum(lengths) // (3 * workers) + 1))
    return list(_batches(None, size, lengths=lengths))


_SHARED: dict = {}      # tables forked worker processes read their pieces from


def _forks() -> bool:
    """Whether new worker processes are forked (they then share this process's memory)."""
    import multiprocessing

    return multiprocessing.get_context().get_start_method() == "fork"   # as the pool's


def _call_shared(function, key: int, start: int, stop: int, *args):
    """Run ``function(compiled_lexicon, piece, *args)`` in a forked worker process, on the
    rows ``start:stop`` of a table it shares with the process that forked it."""
    return function(_WORKER["compiled"], _SHARED[key].iloc[start:stop], *args)


def _init_worker(compiled: CompiledLexicon) -> None:
    import signal

    # Ctrl-C reaches every process of the terminal's group: the calling process stops the
    # work and reports it; a worker printing its own KeyboardInterrupt traceback would only
    # bury that message
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["compiled"] = compiled


def _call(function, *args):
    """Run ``function(compiled_lexicon, *args)`` in a worker process."""
    return function(_WORKER["compiled"], *args)


def worker_pool(compiled: CompiledLexicon, n_workers: int):
    """A process pool whose workers each receive the compiled lexicon once."""
    from concurrent.futures import ProcessPoolExecutor

    _prefilter(compiled)
    return ProcessPoolExecutor(max_workers=n_workers, initializer=_init_worker,
                               initargs=(compiled,))


def _languages(corpus: pd.DataFrame, lang: str | None) -> list[str]:
    if lang is not None:
        return [lang] * len(corpus)
    if "lang" in corpus.columns:
        values = corpus["lang"].tolist()
        return [v if isinstance(v, str) and v else detect_language(t)
                for v, t in zip(values, corpus["text"].tolist())]
    return [detect_language(t) for t in corpus["text"].tolist()]


_VERSIONS: dict = {}


def _version_id(lex: Lexicon) -> str:
    """``lex.version_id`` (a hash of the whole lexicon), remembered per lexicon object:
    streaming and worker processes build many hits tables with one lexicon."""
    import weakref

    ref, version = _VERSIONS.get(id(lex), (None, None))
    if ref is None or ref() is not lex:
        if len(_VERSIONS) > 64:
            _VERSIONS.clear()
        version = lex.version_id
        _VERSIONS[id(lex)] = (weakref.ref(lex), version)
    return version


def _context_columns(sentences) -> tuple:
    """The context columns detection adds: none, unless ``sentences`` holds the context
    settings (:class:`framing.context.ContextSettings`) rather than a bool."""
    return () if isinstance(sentences, bool) else sentences.columns


def _hits_table(rows, lex: Lexicon, context=()) -> pd.DataFrame:
    """The hits table of detection's rows; ``context`` names the context columns that
    follow ``lang`` in every row (see :func:`_with_context`)."""
    version = _version_id(lex)
    context = list(context)
    dtypes = {**HITS_DTYPES, **{c: "bool" if c in ("attributed", "negated") else "object"
                                for c in context}}
    if rows:
        cols = ["doc_id", "frame", "entry", "match", "start", "end", "token_start",
                "token_end", "sentence", "weight", "lang", *context]
        hits = pd.DataFrame(rows, columns=cols)
        hits["lexicon"] = lex.name
        hits["lexicon_version"] = version
        hits["normalized"] = False   # set by _detect_frame, which has the texts
        hits = hits[list(HITS_COLUMNS) + context].astype(dtypes)
    else:
        hits = empty_table(tuple(HITS_COLUMNS) + tuple(context), dtypes)
    hits.attrs.update({"lexicon": lex.name, "lexicon_version": version,
                       "frames": list(lex.frames), "labels": lex.labels})
    return hits


def _progress(iterable, total: int, progress: bool | None, desc: str):
    if progress is None:
        progress = total >= 5000
    if not progress:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="doc")


def _progress_bar(total: int, progress: bool | None, desc: str):
    """A tqdm bar to update by hand (None when not shown; same rule as ``_progress``)."""
    if progress is None:
        progress = total >= 5000
    if not progress:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="doc")
