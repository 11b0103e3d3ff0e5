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
from dataclasses import dataclass
from importlib import resources

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

__all__ = [
    "Normalized", "normalize", "fold", "tokenize", "word_spans", "sentence_spans",
    "detect_language", "WORD_PATTERN",
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
    removed.

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
    pieces, segments = [], []
    norm_pos = orig_pos = 0
    changed = False
    for m in _cluster_re().finditer(text):
        changed = True
        a, b = m.span()
        if a > orig_pos:
            chunk = text[orig_pos:a]
            pieces.append(chunk.casefold() if casefold else chunk)
            if casefold and len(pieces[-1]) != len(chunk):
                norm_pos = _append_folded(chunk, orig_pos, norm_pos, pieces, segments)
            else:
                segments.append((norm_pos, orig_pos, None))
                norm_pos += len(chunk)
        out = _normalize_cluster(m.group(), casefold)
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
    return Normalized("".join(pieces), text, tuple(segments))


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
    """Spans of the word tokens of ``text`` (letters and digits, internal apostrophes)."""
    return [m.span() for m in _WORD_RE.finditer(text)]


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


@functools.lru_cache(maxsize=None)
def abbreviations(lang: str) -> frozenset[str]:
    """The shipped abbreviation list of a language (lower case, no final period)."""
    res = resources.files("framing") / "resources" / "abbreviations" / f"{lang}.txt"
    if not res.is_file():
        return frozenset()
    lines = res.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))


@functools.lru_cache(maxsize=None)
def _sentence_tokenizer(lang: str) -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations(lang))
    return PunktSentenceTokenizer(params)


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
    tok = _sentence_tokenizer(lang or "")
    spans = []
    for pa, pb in _paragraphs(text):
        spans.extend((pa + a, pa + b) for a, b in tok.span_tokenize(text[pa:pb]))
    return spans


_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*|\r\s*\r\s*")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARA_BREAK.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """The number of the sentence (in ``spans``) that holds character ``offset``."""
    starts = [a for a, _ in spans]
    return max(bisect.bisect_right(starts, offset) - 1, 0)


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


def detect_language(text: str, languages=DEFAULT_LANGUAGES) -> str:
    """Guess the ISO 639-1 code of ``text`` with py3langid (offline, bundled model).

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
    """
    return _identifier(tuple(languages) if languages else None).classify(text)[0]
