"""What every importer shares: robust text reading, the draft of a dictionary, and the step
that turns a draft into a :class:`~framing.lexicon.Lexicon`.

An importer only parses its syntax. It records categories (as paths of names, so that nested
formats keep their hierarchy), entries (a category path, the pattern as written, the line),
entries it cannot express (``skip``) and malformed lines (``problem``) in a :class:`Draft`.
:func:`build` then applies ``levels=``, cleans and checks every pattern with
:func:`framing.lexicon.pattern_tokens`, drops exact duplicates, and reports what could not be
expressed: once, as a :class:`DictionaryWarning`, and in ``lexicon.meta["unsupported"]``.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from framing.errors import InputError, LexiconError
from framing.lexicon import ANY_LANG, Frame, Lexicon, PatternError, Term, pattern_tokens

__all__ = ["DictionaryWarning", "Draft", "build", "read_text", "split_lines", "is_comment",
           "check_lang", "check_levels", "warn"]

#: How many reported entries a warning shows before "... and N more".
SHOWN = 10

_LANG_RE = re.compile(r"^[a-z]{2}$")
_COMMENT_RE = re.compile(r"^\s*(?://|#(?:\s|$))")
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
_XML_ENCODING_RE = re.compile(rb"^<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")
_MULTI_STAR_RE = re.compile(r"\*{2,}")
_UNDERSCORE_RE = re.compile(r"(?<=\S)_+(?=\S)")
#: The package's folder: warnings point at the first caller outside it.
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
#: warnings.warn(skip_file_prefixes=) is new in Python 3.12.
_SKIP_PREFIXES = sys.version_info >= (3, 12)


class DictionaryWarning(UserWarning):
    """Part of a dictionary file cannot be expressed in this project's lexicon model.

    Raised once per file read (or written), listing what was left out, each item as
    ``file:line: message``.
    """


# --------------------------------------------------------------------------- text


def read_text(path: Path, encoding: str) -> str:
    """The text of a file, decoded, with a leading byte order mark removed.

    A file that starts with a UTF-16 or UTF-32 byte order mark is read in that encoding when
    the caller asked for UTF-8 (the default): tools on Windows sometimes save files so. Line
    numbers of later messages count the decoded lines, so they stay right.

    Raises
    ------
    InputError
        If the file cannot be read, or its bytes are not valid in ``encoding``: the message
        gives the line and column, the byte(s) and their offset, and suggests re-saving the
        file as UTF-8 or passing ``encoding=``.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=path) from None
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; pass a Python codec name such as "
                         "'utf-8', 'cp1252' or 'latin-1'", path=path) from None
    if codec in ("utf-8", "utf-8-sig"):
        codec = next((name for bom, name in _BOMS if raw.startswith(bom)), codec)
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise _decode_error(path, raw, codec, encoding, exc) from None
    return text[1:] if text.startswith("\ufeff") else text


# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _decode_error(path: Path, raw: bytes, codec: str, encoding: str,
                  exc: UnicodeDecodeError) -> InputError:
    """The InputError for bytes that ``codec`` cannot decode: where, which bytes, what to do."""
    before = raw[:exc.start].decode(codec, errors="replace").lstrip("\ufeff")
    lines = _LINE_BREAK_RE.split(before)
    bad = raw[exc.start:max(exc.end, exc.start + 1)]
    shown = " ".join(f"0x{b:02x}" for b in bad)
    what = f"byte{'s' if len(bad) > 1 else ''} {shown}"
    if codec.startswith("utf-8"):
        try:
            guess = bad.decode("cp1252")
        except UnicodeDecodeError:
            guess = ""
        if guess.isprintable() and guess:
            what += f" ({guess!r} in cp1252)"
    declared = _XML_ENCODING_RE.match(raw)
    hint = (f"the XML declaration says encoding={declared.group(1).decode()!r}: pass that"
            if declared else "re-save the file as UTF-8, or pass encoding= with the file's "
            "encoding, e.g. encoding='cp1252' or encoding='latin-1' for older Windows files")
    verb = "are" if len(bad) > 1 else "is"
    where = f"byte offset {exc.start}"
    if codec in ("utf-16", "utf-32") and codecs.lookup(encoding).name != codec:
        encoding = codec
        where += f"; the file starts with a {codec.upper()} byte order mark"
        hint = "the file is cut short or damaged: re-save it as UTF-8"
    return InputError(f"{what} {verb} not valid {encoding} ({where}); {hint}",
                      path=path, line=len(lines), column=len(lines[-1]) + 1)


def warn(message: str, category=None) -> None:
    """Warn (a :class:`DictionaryWarning` by default), pointing at the user's code.

    The warning's file and line are those of the first caller outside the `framing`
    package, however deep the call came from (``read_dictionary``, ``read_lexicon``,
    ``find_hits(corpus, "mfd.dic")``, ...).
    """
    category = category or DictionaryWarning
    if _SKIP_PREFIXES:
        warnings.warn(message, category, skip_file_prefixes=(_PACKAGE_DIR,))
        return
    warnings.warn(message, category, stacklevel=_user_stacklevel())


def _user_stacklevel() -> int:
    """The ``stacklevel`` that makes a warning issued by this module's caller point at the
    first frame outside the package (a fallback for Python < 3.12)."""
    level, frame = 2, sys._getframe(2)          # warn()'s caller: stacklevel 2
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        level += 1
        frame = frame.f_back
    return level


def split_lines(text: str) -> list[str]:
    """Split on any line ending (LF, CRLF or a bare CR), without a final empty line.

    Examples
    --------
    >>> split_lines("a\\r\\nb\\rc\\nd\\n")
    ['a', 'b', 'c', 'd']
    """
    lines = _LINE_BREAK_RE.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def is_comment(line: str) -> bool:
    """True for a comment line of the line-based formats: ``//``, ``#`` alone or ``# ...``.

    A ``#`` directly followed by a character (``#hashtag``) is not a comment: it is an
    entry, reported as one that cannot be matched.

    Examples
    --------
    >>> is_comment("  # a note"), is_comment("// note"), is_comment("#war")
    (True, True, False)
    """
    return _COMMENT_RE.match(line) is not None


def check_lang(lang) -> str:
    """Validate the ``lang=`` given to an importer."""
    if not isinstance(lang, str) or not (lang == ANY_LANG or _LANG_RE.match(lang)):
        raise InputError(f"lang must be an ISO 639-1 code (two lower-case letters, like en, "
                         f"de, ru) or {ANY_LANG!r}; got {lang!r}")
    return lang


def check_levels(levels) -> tuple[int, ...] | None:
    """Validate ``levels=``: a positive integer or several (1 is the top level)."""
    if levels is None:
        return None
    values = [levels] if isinstance(levels, int) else levels
    try:
        values = list(values)
    except TypeError:
        values = [levels]
    if not values or any(isinstance(v, bool) or not isinstance(v, int) or v < 1
                         for v in values):
        raise InputError("levels must be a positive integer or a list of them (1 is the top "
                         f"level of a nested dictionary); got {levels!r}")
    return tuple(sorted(set(values)))


# --------------------------------------------------------------------------- the draft


@dataclass
class _Category:
    path: tuple
    line: int
    label: str | None = None
    description: str = ""


@dataclass
class _Entry:
    path: tuple
    pattern: str
    line: int
    weight: float = 1.0
    note: str = ""


class Draft:
    """What an importer found in a file, before it becomes a Lexicon.

    Parameters
    ----------
    source : str
        The file's path as given (used in every ``file:line`` message).
    format : str
        The format's name (a value of :data:`framing.formats.DICTIONARY_FORMATS`).
    """

    def __init__(self, source: str, format: str):
        self.source = str(source)
        self.format = format
        self.categories: dict[tuple, _Category] = {}
        self.entries: list[_Entry] = []
        self.unsupported: list[str] = []
        self.problems: list[tuple[int, str]] = []
        self.meta: dict = {}
        self.title = ""

    def where(self, line: int, column: int | None = None) -> str:
        """``file:line`` (or ``file:line:column``)."""
        return f"{self.source}:{line}" + (f":{column}" if column is not None else "")

    def category(self, path: tuple, line: int, *, label: str | None = None,
                 description: str = "") -> tuple:
        """Declare a category (a tuple of names, outermost first); the first declaration wins."""
        if path not in self.categories:
            self.categories[path] = _Category(path, line, label, description)
        return path

    def add(self, path: tuple, pattern: str, line: int, *, weight: float = 1.0,
            note: str = "") -> None:
        """Record one pattern of a category (declared before, or declared now)."""
        self.category(path, line)
        self.entries.append(_Entry(path, pattern, line, weight, note))

    def skip(self, line: int, message: str) -> None:
        """Record something the lexicon model cannot express (reported, never silent)."""
        self.unsupported.append(f"{self.where(line)}: {message}")

    def problem(self, line: int, message: str, column: int | None = None) -> None:
        """Record a malformed line; :func:`build` raises with every problem listed."""
        self.problems.append((line, f"{self.where(line, column)}: {message}"))

    def fail(self, line: int | None, message: str, column: int | None = None):
        """Stop at once: the file cannot be read further."""
        raise InputError(message, path=self.source, line=line, column=column)


# --------------------------------------------------------------------------- building


def _frame_name(path: tuple, levels: tuple | None) -> str:
    """The frame a category path maps to (names at the chosen levels, joined with '.')."""
    if levels is not None:
        kept = tuple(path[i - 1] for i in levels if i <= len(path))
        path = kept or path
    return ".".join(path)


def _clean(pattern: str) -> tuple[str, str]:
    """The pattern with runs of white space collapsed, and what was rewritten (or "").

    ``heckl**`` becomes ``heckl*`` (the same glob); ``civil_war`` becomes ``civil war``
    (WordStat and other tools join the words of a phrase with '_', which never occurs
    inside a token of ours).
    """
    text = " ".join(pattern.split())
    why = []
    if _MULTI_STAR_RE.search(text):
        text = _MULTI_STAR_RE.sub("*", text)
        why.append("repeated '*' read as one")
    if _UNDERSCORE_RE.search(text):
        text = _UNDERSCORE_RE.sub(" ", text)
        why.append("'_' read as the space of a phrase")
    return text, "; ".join(why)


def _line_of(item: str, source: str) -> int:
    """The line number of a ``file:line: message`` item (0 when it has none)."""
    head = item[len(source) + 1:].split(":", 1)[0]
    return int(head) if head.isdigit() else 0


def _summary(items: list[str], what: str) -> str:
    shown = "\n".join("  " + s for s in items[:SHOWN])
    more = f"\n  ... and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
    return f"{what}:\n{shown}{more}"


def build(draft: Draft, *, lang: str = ANY_LANG, levels=None, case_sensitive: bool = False,
          name: str | None = None) -> Lexicon:
    """Turn a draft into a Lexicon (see the module docstring).

    Raises
    ------
    LexiconError
        Listing every malformed line the importer recorded, or when the file holds no
        category at all.
    """
    if draft.problems:
        draft.problems.sort(key=lambda p: p[0])
        raise LexiconError([m for _, m in draft.problems], path=draft.source)
    if not draft.categories:
        raise LexiconError([f"{draft.where(1)}: no categories found: the file is empty or "
                            f"not in the {draft.format} format"], path=draft.source)
    lang = check_lang(lang)
    levels = check_levels(levels)
    unsupported = list(draft.unsupported)
    rewritten, duplicates, conflicts = [], [], []
    terms: dict[str, list[Term]] = {}
    info: dict[str, _Category] = {}
    for path, cat in draft.categories.items():
        frame = _frame_name(path, levels)
        terms.setdefault(frame, [])
        if frame not in info or ".".join(path) == frame:
            info[frame] = cat
    seen: dict[tuple, Term] = {}
    for entry in draft.entries:
        frame = _frame_name(entry.path, levels)
        where = draft.where(entry.line)
        pattern, why = _clean(entry.pattern)
        try:
            tokens = pattern_tokens(pattern, case_sensitive=case_sensitive)
        except PatternError as exc:
            unsupported.append(f"{where}: {entry.pattern!r} in {'.'.join(entry.path)!r} "
                               f"cannot be matched: {exc}")
            continue
        if why:
            rewritten.append(f"{where}: {entry.pattern!r} read as {pattern!r} ({why})")
        key = (frame, tokens)
        first = seen.get(key)
        if first is not None:
            message = (f"{where}: {entry.pattern!r} repeats {first.pattern!r} of {frame!r} "
                       f"({first.origin}); kept once")
            if entry.weight != first.weight:
                message += f" with the first weight {first.weight:g}, not {entry.weight:g}"
                conflicts.append(message)
            duplicates.append(message)
            continue
        term = Term(pattern=pattern, frame=frame, lang=lang, weight=float(entry.weight),
                    note=entry.note, case_sensitive=case_sensitive, origin=where)
        seen[key] = term
        terms[frame].append(term)
    reported = set()
    for path, cat in draft.categories.items():
        frame = _frame_name(path, levels)
        leaf = not any(len(p) > len(path) and p[:len(path)] == path for p in draft.categories)
        if not terms[frame] and leaf and frame not in reported:
            reported.add(frame)
            unsupported.append(f"{draft.where(cat.line)}: category {frame!r} has no pattern "
                               "that can be matched; it is left out")
    unsupported.sort(key=lambda item: _line_of(item, draft.source))
    frames = {}
    for frame, found in terms.items():
        if found:
            cat = info[frame]
            frames[frame] = Frame(name=frame, label=cat.label or frame,
                                  description=cat.description, terms=tuple(found))
    if not frames:
        raise LexiconError([_summary(unsupported, f"{draft.where(1)}: no category has a "
                                     "pattern that can be matched")], path=draft.source)
    heads = []
    if unsupported:
        one = len(unsupported) == 1
        heads.append(f"{len(unsupported)} entr{'y' if one else 'ies'} cannot be expressed in "
                     f"framing's lexicon model and {'was' if one else 'were'} left out "
                     "(lexicon.meta['unsupported'])")
    if conflicts:
        heads.append(f"{len(conflicts)} repeated pattern(s) with another weight kept their "
                     "first weight (lexicon.meta['duplicates'])")
    if heads:
        head = f"{draft.source}: " + "; ".join(heads)
        warn(_summary([*unsupported, *conflicts], head))
    from framing.formats import FORMAT_TITLES

    described = f"Imported from {Path(draft.source).name} ({FORMAT_TITLES[draft.format]})"
    if draft.title:
        described += f": {draft.title}"
    meta = {"format": draft.format, "source": draft.source, "unsupported": unsupported,
            "rewritten": rewritten, "duplicates": duplicates, **draft.meta}
    default_name = Path(draft.source).stem if draft.source != "<string>" else "dictionary"
    return Lexicon(name=name or default_name, frames=frames, version="1",
                   description=described,
                   path=None if draft.source == "<string>" else draft.source, meta=meta)
