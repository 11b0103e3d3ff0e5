"""Text handling: Unicode normalization with an offset map, word tokens, sentences, language.

Everything here runs offline. Sentences use NLTK's Punkt algorithm with abbreviation lists
written for this project (``framing/resources/abbreviations``), so no ``nltk_data`` is
needed; word tokens are runs of letters and digits (``WORD_PATTERN``), found with one
compiled regular expression.

Normalization (:func:`normalize`) is what makes matching robust to typography: it applies
NFKC, unifies quotes, apostrophes, hyphens and dashes, turns every kind of space into a
plain space, removes soft hyphens, zero-width characters and stray combining accents (such
as Russian stress marks), and keeps a map from every normalized character back to the
original text, so that a hit found in normalized text is reported at its exact original
offsets.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

import pandas as pd
import regex

from framing.errors import InputError

__all__ = [
    "Normalized", "normalize", "fold", "tokenize", "word_spans", "sentence_spans",
    "detect_language", "stopwords", "WORD_PATTERN",
]

#: A word token: letters and digits, with internal apostrophes (``NATO's``, ``l'Ukraine``).
WORD_PATTERN = r"[^\W_]+(?:'[^\W_]+)*"
_WORD_RE = re.compile(WORD_PATTERN)

# Typographic variants unified before and after NFKC. Written for this project.
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\u301f\uff02"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u02bc\u02bb\u00b4\u0060"
_HYPHENS = "\u2010\u2011\u2043\u2212\ufe63\uff0d"
_DASHES = "\u2012\u2013\u2014\u2015\u2e3a\u2e3b\ufe58\u2053"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
          "\u200a\u202f\u205f\u3000"
_REMOVED = "\u00ad\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e\u034f"

_TRANSLATE = {ord(c): '"' for c in _DOUBLE_QUOTES}
_TRANSLATE.update({ord(c): "'" for c in _SINGLE_QUOTES})
_TRANSLATE.update({ord(c): "-" for c in _HYPHENS})
_TRANSLATE.update({ord(c): "\u2013" for c in _DASHES})
_TRANSLATE.update({ord(c): " " for c in _SPACES})
_TRANSLATE.update({ord(c): "" for c in _REMOVED})
_TRANSLATE.update({c: "" for c in range(0xFE00, 0xFE10)})  # variation selectors

# Combining marks dropped when they are left over after NFKC composition (stress marks,
# stray accents). Marks that compose (e + U+0301 -> é) are kept in their composed form.
_STRAY_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_MARKS_CLASS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"


def _is_stable(ch: str) -> bool:
    return (ord(ch) not in _TRANSLATE and unicodedata.normalize("NFKC", ch) == ch
            and not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1)
def _cluster_re() -> re.Pattern:
    """A regex for the spans that need work: unstable characters, or a base plus marks."""
    unstable, start = [], None
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF or _is_stable(chr(cp)):
            if start is not None:
                unstable.append((start, cp - 1))
                start = None
        elif start is None:
            start = cp
    if start is not None:
        unstable.append((start, 0xFFFF))
    ranges = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in unstable)
    unsafe = f"[{ranges}\U00010000-\U0010ffff]"
    return re.compile(f"(?s:.)?[{_MARKS_CLASS}]+|{unsafe}[{_MARKS_CLASS}]*")


@functools.lru_cache(maxsize=1)
def _cluster_scan_re() -> re.Pattern:
    """The same clusters as :func:`_cluster_re`, found much faster.

    ``_cluster_re`` tries ``(?s:.)?`` at every position; this pattern starts with a character
    class, so the regex engine skips stable characters in C. A match that starts with a
    combining mark is widened by one character to its base (see :func:`_clusters`), which
    gives exactly the spans of ``_cluster_re().finditer``.
    """
    unsafe = _cluster_re().pattern.split("|", 1)[1][: -len(f"[{_MARKS_CLASS}]*")]
    return re.compile(f"(?:{unsafe}|[{_MARKS_CLASS}])[{_MARKS_CLASS}]*")


_MARKS = frozenset(chr(c) for a, _, b in re.findall("(.)(-)(.)", _MARKS_CLASS)
                   for c in range(ord(a), ord(b) + 1))     # the characters of _MARKS_CLASS


def _clusters(text: str):
    """``(start, end)`` of every span of ``text`` that normalization must rewrite.

    Identical to ``[m.span() for m in _cluster_re().finditer(text)]``: a cluster is an
    unstable character with the marks after it, or any character followed by marks.
    Clusters absorb every mark after them, so the character before a mark that starts a
    match is never part of an earlier cluster.
    """
    for m in _cluster_scan_re().finditer(text):
        a, b = m.span()
        if a and text[a] in _MARKS:       # starts with a mark: widen to its base
            a -= 1
        yield a, b


_CLUSTER_CACHE: dict = {}


def _normalize_cluster(cluster: str, casefold: bool) -> str:
    out = unicodedata.normalize("NFKC", cluster.translate(_TRANSLATE)).translate(_TRANSLATE)
    out = _STRAY_MARKS.sub("", out)
    return out.casefold() if casefold else out


@dataclass(frozen=True)
class Normalized:
    """A normalized text and the map back to the original.

    Attributes
    ----------
    text : str
        The normalized text.
    original : str
        The text it came from.
    segments : tuple
        ``(norm_start, orig_start, orig_end)`` per segment, sorted by ``norm_start``.
        ``orig_end`` is ``None`` for a segment copied unchanged (offsets shift linearly);
        otherwise every character of the segment came from ``original[orig_start:orig_end]``.
    """

    text: str
    original: str
    segments: tuple = ()

    def _locate(self, i: int):
        k = bisect.bisect_right(self._starts, i) - 1
        return self.segments[k]

    @functools.cached_property
    def _starts(self):
        return [s[0] for s in self.segments]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span ``[start, end)`` of the normalized text to the original text."""
        if not self.segments:
            return start, end
        if end <= start:
            pos = self._orig_start(start) if start < len(self.text) else len(self.original)
            return pos, pos
        return self._orig_start(start), self._orig_end(end - 1)

    def _orig_start(self, i: int) -> int:
        n0, o0, o1 = self._locate(i)
        return o0 + (i - n0) if o1 is None else o0

    def _orig_end(self, i: int) -> int:
        n0, o0, o1 = self._locate(i)
        return o0 + (i - n0) + 1 if o1 is None else o1


def normalize(text: str, *, casefold: bool = False) -> Normalized:
    """Normalize ``text`` for matching and keep a map back to the original offsets.

    NFKC; every double quote becomes ``"``, every single quote and apostrophe ``'``,
    every hyphen ``-``, every dash ``–``, every space character a plain space; soft
    hyphens, zero-width characters, variation selectors and stray combining accents are
    removed; in a word mixing Latin and Cyrillic letters, look-alike letters of the
    minority script become the majority script's (``Кiев`` with a Latin ``i`` reads as
    ``Киев``).

    Parameters
    ----------
    text : str
        The original text.
    casefold : bool, default=False
        Also apply Unicode case folding (``ß`` becomes ``ss``).

    Returns
    -------
    Normalized
        ``.text`` is the normalized string; ``.original_span(start, end)`` maps a span of
        it back to the original.

    Examples
    --------
    >>> n = normalize("Kiew\\u00ader \\u201eInvasoren\\u201c")
    >>> n.text
    'Kiewer "Invasoren"'
    >>> n.original_span(8, 17)
    (9, 18)
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() needs a str; got {type(text).__name__}")
    if not casefold:
        return _unconfuse(_normalize_plain(text))
    pieces, segments = [], []
    norm_pos = orig_pos = 0
    changed = False
    cache = _CLUSTER_CACHE
    for a, b in _clusters(text):
        changed = True
        if a > orig_pos:
            chunk = text[orig_pos:a]
            pieces.append(chunk.casefold() if casefold else chunk)
            if casefold and len(pieces[-1]) != len(chunk):
                norm_pos = _append_folded(chunk, orig_pos, norm_pos, pieces, segments)
            else:
                segments.append((norm_pos, orig_pos, None))
                norm_pos += len(chunk)
        cluster = text[a:b]
        out = cache.get((cluster, casefold))
        if out is None:
            if len(cache) > 100_000:
                cache.clear()
            out = cache[(cluster, casefold)] = _normalize_cluster(cluster, casefold)
        if out:
            segments.append((norm_pos, a, b))
            pieces.append(out)
            norm_pos += len(out)
        orig_pos = b
    if not changed and not casefold:
        return Normalized(text, text, ())
    if orig_pos < len(text):
        chunk = text[orig_pos:]
        folded = chunk.casefold() if casefold else chunk
        if len(folded) != len(chunk):
            pieces.append(folded)
            _append_folded(chunk, orig_pos, norm_pos, pieces, segments)
        else:
            pieces.append(folded)
            segments.append((norm_pos, orig_pos, None))
    return _unconfuse(Normalized("".join(pieces), text, tuple(segments)))


# Mixed-script look-alikes: in a word that mixes Latin and Cyrillic letters (``Кiев`` with a
# Latin i, ``Kиev`` with a Cyrillic и), the letters of the minority script that look like
# letters of the majority script are replaced by them, one character for one, so offsets
# do not move. A word in one script is never touched. Written for this project.
_MIXED_WORD = re.compile(r"[^\W\d_]*(?:[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z])"
                         r"[^\W\d_]*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TO_CYRILLIC = str.maketrans("aceopxyiAEKMHOPCTXBY", "асеорхуиАЕКМНОРСТХВУ")
_TO_LATIN = str.maketrans("асеорхуіјѕАЕКМНОРСТХВІЈЅ", "aceopxyijsAEKMHOPCTXBIJS")


def _fix_mixed(m: re.Match) -> str:
    word = m.group()
    latin = sum(1 for c in word if "a" <= c.lower() <= "z")
    return word.translate(_TO_CYRILLIC if len(word) - latin >= latin else _TO_LATIN)


# [A-Za-z] written as a negated class, which the regex engine scans about twice as fast.
_LATIN = re.compile("[^\u0000-\u0040\u005b-\u0060\u007b-\uffff\U00010000-\U0010ffff]")
_CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")   # UTF-8 of U+0400-U+04FF


def _unconfuse(norm: Normalized) -> Normalized:
    """Unify mixed-script look-alike letters inside words (see ``_MIXED_WORD``)."""
    text = norm.text
    if text.isascii():
        return norm
    # _MIXED_WORD needs a Latin letter next to a Cyrillic one. Checking for that first
    # skips its slow word-by-word search in almost every text: Cyrillic is looked for as
    # the lead bytes of its UTF-8 encoding (memchr), then each (rare) Latin letter of a
    # Cyrillic text is checked for a Cyrillic neighbour.
    raw = text.encode("utf-8", "surrogatepass")
    if not any(lead in raw for lead in _CYRILLIC_LEADS):
        return norm
    if not any(_CYRILLIC.match(text, p) for m in _LATIN.finditer(text)
               for p in (m.start() - 1, m.end()) if p >= 0):
        return norm
    fixed = _MIXED_WORD.sub(_fix_mixed, text)
    if fixed == text:
        return norm
    return Normalized(fixed, norm.original, norm.segments)


def _normalize_plain(text: str) -> Normalized:
    """:func:`normalize` without case folding (the hot path of detection), same result."""
    if text.isascii():
        return Normalized(text, text, ())
    pieces, segments = [], []
    piece, segment = pieces.append, segments.append
    norm_pos = orig_pos = 0
    cache, marks = _PLAIN_CACHE, _MARKS
    for m in _cluster_scan_re().finditer(text):
        a, b = m.span()
        if a and text[a] in marks:        # starts with a mark: widen to its base
            a -= 1
        if a > orig_pos:
            segment((norm_pos, orig_pos, None))
            piece(text[orig_pos:a])
            norm_pos += a - orig_pos
        cluster = text[a:b]
        out = cache.get(cluster)
        if out is None:
            if len(cache) > 100_000:
                cache.clear()
            out = cache[cluster] = _normalize_cluster(cluster, False)
        if out:
            segment((norm_pos, a, b))
            piece(out)
            norm_pos += len(out)
        orig_pos = b
    if orig_pos == 0:                       # no cluster: the text is already normal
        return Normalized(text, text, ())
    if orig_pos < len(text):
        pieces.append(text[orig_pos:])
        segments.append((norm_pos, orig_pos, None))
    return Normalized("".join(pieces), text, tuple(segments))


_PLAIN_CACHE: dict = {}


def _append_folded(chunk, orig_pos, norm_pos, pieces, segments):
    """Case-fold ``chunk`` character by character (for ß -> ss and similar)."""
    pieces.pop()
    for j, ch in enumerate(chunk):
        f = ch.casefold()
        if len(f) == 1 and f == ch.lower():
            segments.append((norm_pos, orig_pos + j, None))
        else:
            segments.append((norm_pos, orig_pos + j, orig_pos + j + 1))
        pieces.append(f)
        norm_pos += len(f)
    return norm_pos


def fold(token: str) -> str:
    """The case-insensitive key of a token: case folding, and ``ё`` read as ``е``.

    Examples
    --------
    >>> fold("Ёлка"), fold("STRASSE") == fold("Straße")
    ('елка', True)
    """
    return token.casefold().replace("ё", "е")


def word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the word tokens of ``text`` (letters and digits, internal apostrophes).

    Examples
    --------
    >>> word_spans("NATO's US-led bloc")
    [(0, 6), (7, 9), (10, 13), (14, 18)]
    """
    return [m.span() for m in _WORD_RE.finditer(text)]


# ------------------------------------------------- vectorized tokens (numpy, for detection)


@functools.lru_cache(maxsize=1)
def _word_table():
    """A boolean table over the BMP: True where ``[^\\W_]`` matches the code point."""
    import numpy as np

    table = np.zeros(0x10000, dtype=bool)
    for m in re.finditer(r"[^\W_]+", "".join(map(chr, range(0x10000)))):
        table[m.start():m.end()] = True
    return table


def _codes(text: str):
    """The code points of ``text`` as a numpy ``uint32`` array (lone surrogates kept)."""
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _word_bounds(codes):
    """Starts and (exclusive) ends of the word tokens of a text given as code points.

    The same tokens as :func:`word_spans`: maximal runs of word characters joined by
    single apostrophes that stand between two word characters.
    """
    import numpy as np

    n = len(codes)
    pad = np.zeros(n + 2, dtype=bool)
    word = pad[1:-1]
    np.take(_word_table(), codes, out=word, mode="clip")
    astral = np.flatnonzero(codes > 0xFFFF)
    if astral.size:
        word[astral] = [_WORD_RE.match(chr(c)) is not None for c in codes[astral].tolist()]
    apos = np.flatnonzero(codes == 39)
    if apos.size:
        apos = apos[(apos > 0) & (apos < n - 1)]
        word[apos] = word[apos - 1] & word[apos + 1]
    edges = np.flatnonzero(pad[1:] != pad[:-1])
    return edges[0::2], edges[1::2]


@functools.lru_cache(maxsize=1)
def _fold_expansions() -> tuple[re.Pattern, frozenset]:
    """Characters that :func:`fold` turns into more than one character.

    Returns a regex matching any of them, and the set of those that are safe for
    vectorized folding: word characters folded into word characters only (``ß`` ->
    ``ss``), so folding a whole text gives the same tokens as folding each token.
    """
    chars, safe = [], set()
    for cp in range(0x10000):  # no character beyond the BMP folds to several (a test checks)
        ch = chr(cp)
        folded = fold(ch)
        if len(folded) > 1:
            chars.append(ch)
            if _WORD_RE.fullmatch(ch) and all(_WORD_RE.fullmatch(c) for c in folded):
                safe.add(ch)
    return re.compile("[" + "".join(map(re.escape, chars)) + "]"), frozenset(safe)


def tokenize(text: str) -> pd.DataFrame:
    """Split a text into word tokens, with offsets into the ORIGINAL text.

    Parameters
    ----------
    text : str

    Returns
    -------
    DataFrame
        One row per token: ``i``, ``token`` (original surface), ``norm`` (the folded,
        normalized key used for matching), ``start``, ``end``.

    Examples
    --------
    >>> tokenize("Kiew’s \\u201eBlock\\u201c")[["token", "norm", "start", "end"]]
      token    norm  start  end
    0  Kiew’s  kiew's      0    6
    1   Block   block      8   13
    """
    norm = normalize(text)
    rows = []
    for i, (a, b) in enumerate(word_spans(norm.text)):
        oa, ob = norm.original_span(a, b)
        rows.append((i, text[oa:ob], fold(norm.text[a:b]), oa, ob))
    return pd.DataFrame(rows, columns=["i", "token", "norm", "start", "end"]).astype(
        {"i": "int64", "start": "int64", "end": "int64"})


@functools.cache
def abbreviations(lang: str) -> frozenset[str]:
    """The shipped abbreviation list of a language (lower case, no final period)."""
    res = resources.files("framing") / "resources" / "abbreviations" / f"{lang}.txt"
    if not res.is_file():
        return frozenset()
    lines = res.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))


@functools.cache
def stopwords(lang: str) -> frozenset[str]:
    """The shipped stopword list of a language (``en``, ``de``, ``ru``), folded.

    Function words only, written for this project (``framing/resources/stopwords``); words
    that can carry a frame ("war", "regime") are never stopwords. Other languages get an
    empty set.

    Examples
    --------
    >>> "the" in stopwords("en"), "war" in stopwords("en"), len(stopwords("xx"))
    (True, False, 0)
    """
    res = resources.files("framing") / "resources" / "stopwords" / f"{lang}.txt"
    if not res.is_file():
        return frozenset()
    lines = res.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(s.strip()) for s in lines if s.strip() and not s.startswith("#"))


# ------------------------------------------------------------------------------ sentences
#
# sentence_spans gives exactly the spans of NLTK's PunktSentenceTokenizer.span_tokenize run
# on each paragraph, with parameters that hold abbreviations only (no collocations, sentence
# starters or orthographic context), several times faster. It takes Punkt's steps on the
# whole text with pos/endpos, without slicing paragraphs, contexts or sentences; decides most
# candidate ends from the word before them and the next token's first character
# (_is_break), as Punkt's token annotation reduces to a few rules without trained data
# (_token_breaks); and tokenizes only the rare other contexts (_contains_break). Tests
# compare it with plain Punkt on generated and real texts (tests/test_scale.py).

#: ``string.whitespace``, the white space of Punkt's ``_get_last_whitespace_index``,
#: searched backwards.
_ASCII_SPACE = regex.compile(r"[\t\n\x0b\x0c\r ]", regex.REVERSE)


@dataclass(frozen=True, eq=False)
class _PunktRules:
    """What :func:`sentence_spans` uses of Punkt for one language: NLTK's own patterns,
    compiled again with ``regex`` (the engine NLTK uses) and the same flags, or with ``re``
    where that finds the same matches faster; and caches.

    Attributes
    ----------
    period : regex.Pattern
        Candidate sentence ends and what follows them (``period_context_re``).
    period_re : re.Pattern
        The same pattern compiled with ``re``, which finds the same matches in any text
        without the information separators U+001C to U+001F (see :func:`sentence_spans`).
    period_dot : re.Pattern
        Punkt's pattern for ``.`` alone as the end, compiled with ``re``: the candidates of
        a paragraph without ``?`` and ``!``, found twice as fast (one literal to scan for).
    realign : regex.Pattern
        Closing punctuation after a sentence end (``re_boundary_realignment``).
    words : callable
        Word tokens of one line (``word_tokenize``).
    initial, numeric : regex.Pattern
        The token classes ``PunktToken.is_initial`` and ``is_number`` test.
    abbrevs : frozenset
        The abbreviation types: lower case, no final period.
    closing : dict
        Whether ``realign`` matches a character alone, by character (filled as met): only
        then can it match where a slice starts with that character.
    kinds : dict
        :func:`_token_kind` by token (filled as met).
    """

    period: regex.Pattern
    period_re: re.Pattern
    period_dot: re.Pattern
    realign: regex.Pattern
    words: Callable[[str], list]
    initial: regex.Pattern
    numeric: regex.Pattern
    abbrevs: frozenset
    sent_end: frozenset = frozenset()       # Punkt's ``sent_end_chars``
    punctuation: frozenset = frozenset()    # ``PunktSentenceTokenizer.PUNCTUATION``
    closing: dict = field(default_factory=dict)
    kinds: dict = field(default_factory=dict)


def _as_regex(pattern) -> regex.Pattern:
    """An NLTK pattern (``nltk.redos`` wraps ``regex``) compiled again with ``regex`` and the
    same flags: the same matches, without the wrapper's per-match overhead."""
    return regex.compile(pattern.pattern, pattern.flags)


@functools.cache
def _punkt_rules(lang: str) -> _PunktRules:
    """The :class:`_PunktRules` of ``lang``, with its shipped abbreviations."""
    # NLTK is imported here, at the first sentence split, not with framing (0.1 s)
    from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer, PunktToken

    lang_vars = PunktLanguageVars()
    period = lang_vars.period_context_re()
    return _PunktRules(
        period=_as_regex(period),
        period_re=re.compile(period.pattern, re.UNICODE | re.VERBOSE),
        period_dot=re.compile(lang_vars._period_context_fmt % {
            "NonWord": lang_vars._re_non_word_chars, "SentEndChars": re.escape(".")},
            re.UNICODE | re.VERBOSE),
        realign=_as_regex(lang_vars.re_boundary_realignment),
        words=_as_regex(lang_vars._word_tokenizer_re()).findall,
        initial=_as_regex(PunktToken._RE_INITIAL),
        numeric=_as_regex(PunktToken._RE_NUMERIC),
        abbrevs=abbreviations(lang),
        sent_end=frozenset(PunktLanguageVars.sent_end_chars),
        punctuation=frozenset(PunktSentenceTokenizer.PUNCTUATION))


def sentence_spans(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``.

    Uses NLTK's Punkt algorithm with this project's abbreviation list for ``lang``
    (``en``, ``de``, ``ru``; other languages get Punkt with no abbreviations), and also
    breaks at blank lines (paragraphs), so a heading without a final period is its own
    sentence.

    Examples
    --------
    >>> sentence_spans("Dr. Roth kam z.B. nicht. Dann ging er.", "de")
    [(0, 24), (25, 38)]
    """
    rules = _punkt_rules(lang or "")
    # Candidate ends are found with ``re``, much faster than ``regex``: its ``\s`` (what
    # str.isspace says) differs from that of ``regex`` (Unicode White_Space) only in the
    # information separators. A paragraph without ``?`` and ``!`` is scanned for ``.`` only.
    plain = not any(c in text for c in _INFO_SEPARATORS)
    spans: list[tuple[int, int]] = []
    for pa, pb in _paragraphs(text):
        if not plain:
            period = rules.period
        elif text.find("?", pa, pb) < 0 and text.find("!", pa, pb) < 0:
            period = rules.period_dot
        else:
            period = rules.period_re
        slices, opens = _punkt_slices(text, pa, pb, period, rules)
        if opens:
            _realign(text, slices, opens, rules, spans)
        else:
            spans.extend(slices)
    return spans


#: U+001C to U+001F: white space to ``re`` and ``str.isspace``, not to ``regex``.
_INFO_SEPARATORS = "\x1c\x1d\x1e\x1f"


def _punkt_slices(text: str, pa: int, pb: int, period, rules: _PunktRules
                  ) -> tuple[list[tuple[int, int]], list[int]]:
    """Punkt's ``_slices_from_text`` for the paragraph ``text[pa:pb]``, in offsets of ``text``,
    with candidate ends found by ``period`` (one of the patterns of ``rules``).

    Every candidate end gets a word before it, as in Punkt's
    ``_match_potential_end_contexts`` (:func:`_word_start`), and is dropped when the next
    candidate's word starts before it. Each kept candidate that is a break
    (:func:`_is_break`) ends a slice; the next slice starts at the token after it (or at the
    punctuation right after it), and the last one ends before trailing white space.

    Returns
    -------
    slices : list of (int, int)
        ``(start, stop)`` per slice, none empty, before realignment.
    opens : list of int
        The slices (after the first) that start with a character Punkt's realignment may
        move to the slice before (:func:`_realign`); without any, the slices are the
        sentences.
    """
    slices, opens, start = [], [], pa
    closers = rules.closing
    pending = False                # the previous candidate is a break, ends at w1 + 1 and
    after = pa                     # the next slice would start at ``after``
    w0 = w1 = pa                   # the previous candidate's word, text[w0:w1]
    for m in period.finditer(text, pa, pb):
        (end, _), (_, context_end), (nxt, _) = m.regs
        w, word = _word_start(text, w0, w1, end)
        if pending and w1 <= w:
            slices.append((start, w1 + 1))
            start = after
            if closers.get(text[start], True) and _may_realign(text[start], rules):
                opens.append(len(slices))
        pending = _is_break(text, w, end, nxt, context_end, word, rules)
        after = nxt if nxt >= 0 else end + 1
        w0, w1 = w, end
    if pending:
        slices.append((start, w1 + 1))
        start = after
        if _may_realign(text[start], rules):
            opens.append(len(slices))
    stop = pb
    while stop > pa and text[stop - 1].isspace():
        stop -= 1
    if start < stop:
        slices.append((start, stop))
    return slices, opens


def _may_realign(char: str, rules: _PunktRules) -> bool:
    """Whether Punkt's realignment pattern matches ``char`` alone: only then can it match
    where a slice starts with ``char``."""
    known = rules.closing.get(char)
    if known is None:
        if len(rules.closing) > 100_000:
            rules.closing.clear()
        known = rules.closing[char] = rules.realign.match(char) is not None
    return known


def _word_start(text: str, w0: int, w1: int, end: int) -> tuple[int, str]:
    """Where Punkt's context for the candidate end at ``end`` starts, and its word.

    The word starts after the last ASCII white space (``_get_last_whitespace_index``)
    between the previous candidate at ``w1`` and ``end``; with none, it is the previous
    candidate's word, from ``w0`` (so ``acting!!!`` makes one word for all three marks).
    White space at the start of a paragraph counts as none (Punkt's index 0 quirk).
    """
    space = text.rfind(" ", w1 + 1, end) + 1
    if space:
        word = text[space:end]
        if word.isalpha():                  # the common case: no other white space
            return space, word
    space = _ASCII_SPACE.search(text, w1 + 1, end)
    w = space.end() if space is not None else w0
    return w, text[w:end]


def _is_break(text: str, w: int, end: int, nxt: int, context_end: int, word: str,
              rules: _PunktRules) -> bool:
    """Punkt's ``text_contains_sentbreak`` on the context ``text[w:context_end]`` of the
    candidate end at ``end``, whose word is ``text[w:end]`` and next token starts at ``nxt``
    (-1 when punctuation follows the end).

    A ``?`` or ``!`` is a break token of its own, so it is a break when a token follows
    it: punctuation, or a next token that is not blank to ``str.strip`` (Punkt's
    ``_tokenize_words`` drops a blank line, and U+001C is blank to it). A ``.`` after a
    word of two or more letters that is no abbreviation is a break too (Punkt's second
    pass revisits only abbreviations, ellipses, initials and numbers). Otherwise, when the
    next token holds no ``.``, ``?`` or ``!``, the context's tokens are those of the word
    with its period, then the next token, which matters only by its first character
    (:func:`_any_break`); the rest are tokenized in full (:func:`_contains_break`).
    """
    if nxt >= 0 and text[nxt].isspace():
        return _contains_break(text[w:context_end], rules)
    if text[end] != ".":
        return True
    if len(word) > 1 and word.isalpha() and word.lower() not in rules.abbrevs:
        return True                         # the commonest case, as _any_break decides it
    if nxt < 0:
        following = text[end + 1]
    else:
        following = text[nxt:context_end]
        if "." in following or "?" in following or "!" in following:
            return _contains_break(text[w:context_end], rules)
    if word.isalnum():                      # one token
        return _token_breaks(word + ".", following[0], rules)
    return _any_break(rules.words(word + ".") + [following[0]], rules)


def _contains_break(context: str, rules: _PunktRules) -> bool:
    """Punkt's ``text_contains_sentbreak(context)`` with the parameters of ``rules``.

    Punkt tokenizes the context line by line, skipping lines that are blank to
    ``str.strip``.
    """
    if "\n" in context:
        tokens = [tok for line in context.split("\n") if line.strip()
                  for tok in rules.words(line)]
    else:                       # one line: were it blank, it would give one token at most
        tokens = rules.words(context)
    return _any_break(tokens, rules)


def _any_break(tokens: list[str], rules: _PunktRules) -> bool:
    """Whether Punkt marks a token of ``tokens`` other than the last as a sentence break
    (:func:`_token_breaks`); the last one matters only by its first character."""
    for i in range(len(tokens) - 1):
        if _token_breaks(tokens[i], tokens[i + 1], rules):
            return True
    return False


def _token_breaks(tok: str, nxt: str, rules: _PunktRules) -> bool:
    """Whether Punkt marks token ``tok``, followed by token ``nxt``, as a sentence break.

    With no trained collocations, sentence starters or orthographic context, Punkt's
    second pass only takes a break back: from an initial or a number followed by
    punctuation (``PUNCTUATION``) or a lower case word, and from an initial followed by an
    upper case word.
    """
    kind = rules.kinds.get(tok)
    if kind is None:
        if len(rules.kinds) > 100_000:
            rules.kinds.clear()
        kind = rules.kinds[tok] = _token_kind(tok, rules)
    if kind is _BREAK or kind is _NO_BREAK:
        return kind is _BREAK
    if nxt in rules.punctuation or nxt[0].islower():
        return False
    return not (kind is _INITIAL and nxt[0].isupper())


_NO_BREAK, _BREAK, _INITIAL, _NUMBER = "no break", "break", "initial", "number"


def _token_kind(tok: str, rules: _PunktRules) -> str:
    """What Punkt's first pass makes of token ``tok``, and whether the second may revisit it.

    ``.``, ``?`` and ``!`` are breaks, and so is a token ending in one period (not two)
    unless it is an abbreviation, or its last hyphen-separated part is; such a break is an
    ``_INITIAL`` or a ``_NUMBER`` when ``PunktToken`` says so. Every other token is no break.
    """
    if tok in rules.sent_end:
        return _BREAK
    if not tok.endswith(".") or tok.endswith(".."):    # ellipses are all periods
        return _NO_BREAK
    stem = tok[:-1].lower()
    if stem in rules.abbrevs or stem.split("-")[-1] in rules.abbrevs:
        return _NO_BREAK
    if rules.initial.match(tok) is not None:
        return _INITIAL
    low = tok.lower()                       # Punkt's type of a number is "##number##"
    if rules.numeric.match(low) is not None or low[:-1] == "##number##":
        return _NUMBER
    return _BREAK


def _realign(text: str, slices: list[tuple[int, int]], opens: list[int], rules: _PunktRules,
             out: list[tuple[int, int]]) -> None:
    """Punkt's ``_realign_boundaries``: append the sentences of ``slices`` to ``out``.

    Closing quotes and brackets that start a slice (``rules.realign`` matched there, up to
    the slice's end) move to the end of the slice before, and the white space after them is
    dropped; a slice left empty is dropped. Only the slices ``opens`` can start so.
    """
    first = len(out)
    out.extend(slices)
    emptied = False
    for k in opens:
        if k < len(slices):                 # not the empty last slice, dropped already
            c, d = slices[k]
            m = rules.realign.match(text, c, d)
            if m is not None:
                out[first + k - 1] = (out[first + k - 1][0], c + len(m.group().rstrip()))
                out[first + k] = (m.end(), d)
                emptied = emptied or m.end() == d
    if emptied:
        out[first:] = [(a, b) for a, b in out[first:] if a < b]


_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|\r\s*\r\s*")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of the paragraphs of ``text``, split at ``_PARA_BREAK``."""
    out, pos = [], 0
    for m in _para_breaks(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _para_breaks(text: str):
    """``_PARA_BREAK.finditer(text)``, faster: without a carriage return in the text, a
    break starts at a newline, and ``str.find`` skips to the next one much faster than the
    regex engine tries every position."""
    if "\r" in text:
        yield from _PARA_BREAK.finditer(text)
        return
    match = _PARA_BREAK.match
    i = text.find("\n")
    while i >= 0:
        m = match(text, i)
        if m is None:
            i = text.find("\n", i + 1)
        else:
            yield m
            i = text.find("\n", m.end())


def _sentence_spans_until(text: str, lang: str | None, offset: int) -> list[tuple[int, int]]:
    """The sentences of :func:`sentence_spans` up to the paragraph holding ``offset`` (the
    same spans: paragraphs are split independently), for numbering the sentences of hits
    without splitting the rest of a long text."""
    m = _PARA_BREAK.search(text, offset)
    return sentence_spans(text[:m.start()] if m else text, lang)


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """The number of the sentence (in ``spans``) that holds character ``offset``."""
    return max(bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1, 0)


#: Languages considered by :func:`detect_language` by default: the major languages of news
#: about the war and of Europe. Restricting the candidates avoids rare-language guesses on
#: short texts (py3langid calls "The invasion continues." Venetian when all 97 are allowed).
DEFAULT_LANGUAGES = (
    "en", "de", "ru", "uk", "be", "pl", "cs", "sk", "fr", "es", "it", "pt", "nl", "da", "sv",
    "no", "fi", "et", "lv", "lt", "ro", "hu", "bg", "sr", "hr", "sl", "el", "tr", "ka", "hy",
    "az", "kk", "ar", "he", "fa", "zh", "ja", "ko",
)


@functools.lru_cache(maxsize=8)
def _identifier(languages: tuple | None):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    if languages:
        ident.set_languages(list(languages))
    return ident


# Letters a Cyrillic language cannot do without, and letters it does not use. py3langid
# calls many short Russian headlines Ukrainian, Belarusian or Serbian ("Урожай зерна вырос":
# Belarusian); a guess whose alphabet the text contradicts is passed over for the next one.
# Alphabet facts, written down for this project.
_NEEDS = {"uk": "іїєґ", "be": "ўі", "sr": "ђјљњћџ", "mk": "ѓќѕјљњџ", "kk": "әғқңөұүһі"}
_NEVER = {"uk": "ыэъё", "be": "щъи", "bg": "ыэё", "sr": "ыэёщъйя", "mk": "ыэёщъйяю"}
#: What :func:`detect_language` returns for a text without a letter (ISO 639-2 "undetermined").
UNDETERMINED = "und"


def _alphabet_allows(lang: str, lowered: str) -> bool:
    needs, never = _NEEDS.get(lang), _NEVER.get(lang, "")
    return (needs is None or any(c in lowered for c in needs)) \
        and not any(c in lowered for c in never)


def detect_language(text: str, languages=DEFAULT_LANGUAGES) -> str:
    """Guess the ISO 639-1 code of ``text`` with py3langid (offline, bundled model).

    A guess of a Cyrillic language whose alphabet the text contradicts (Ukrainian without
    any of і, ї, є, ґ, or with ы; Serbian without ђ, ј, љ, њ, ћ, џ; ...) is passed over
    for the model's next guess. A text without a letter (``"2022"``, ``"—"``) is
    ``"und"`` (undetermined).

    Parameters
    ----------
    text : str
    languages : sequence of str or None, default=DEFAULT_LANGUAGES
        The candidate languages; ``None`` allows all 97 of py3langid's model.

    Examples
    --------
    >>> detect_language("Russland betrachtet den Konflikt als Stellvertreterkrieg.")
    'de'
    >>> detect_language("The invasion continues.")
    'en'
    >>> detect_language("Урожай зерна вырос"), detect_language("2022")
    ('ru', 'und')
    """
    if not isinstance(text, str):
        raise InputError(f"detect_language needs a str; got {type(text).__name__}.")
    if not any(c.isalpha() for c in text):
        return UNDETERMINED
    ident = _identifier(tuple(languages) if languages else None)
    first = ident.classify(text)[0]
    if first not in _NEEDS and first not in _NEVER:
        return first
    lowered = text.lower()
    if _alphabet_allows(first, lowered):
        return first
    for lang, _ in ident.rank(text):
        if _alphabet_allows(lang, lowered):
            return lang
    return first
