"""Importers and exporters for the dictionary formats researchers already own.

:func:`read_dictionary` turns a dictionary file of another tool into a
:class:`framing.lexicon.Lexicon` (``framing.read_lexicon`` calls it for every file that is not
this project's YAML); :func:`write_dictionary` writes a lexicon as this project's YAML, as a
LIWC ``.dic`` or as a LIWC-22 ``.dicx``.

Formats, chosen by the file extension (:data:`DICTIONARY_FORMATS`) or ``format=``:

========== ================ ===========================================================
format     extensions       module
========== ================ ===========================================================
liwc       ``.dic``         :mod:`framing.formats.liwc` (LIWC2001-2015, hierarchies)
dicx       ``.dicx``        :mod:`framing.formats.liwc` (LIWC-22, X marks or weights)
quanteda   ``.yml .yaml``   :mod:`framing.formats.quanteda` (nested keys)
lexicoder  ``.lc3 .lcd``    :mod:`framing.formats.lexicoder`
wordstat   ``.cat``         :mod:`framing.formats.wordstat` (nested, ``(1)`` weights)
yoshikoder ``.ykd``         :mod:`framing.formats.yoshikoder` (XML, parsed safely)
sentiws    ``.txt``         :mod:`framing.formats.sentiws` (weighted word lists)
========== ================ ===========================================================

What the lexicon model cannot express is never dropped silently: LIWC's conditional rules,
patterns with punctuation (``:)``) or a ``*`` that is not at a word's end (``*deceit*``,
``a*b``), ``?`` globs, and categories left with no pattern are each reported as
``file:line: message``, once per file in a :class:`DictionaryWarning` and in the returned
lexicon's ``meta["unsupported"]``. Patterns read in a slightly different but equivalent form
(``heckl**`` as ``heckl*``, ``CIVIL_WAR`` as ``CIVIL WAR``) are listed in
``meta["rewritten"]``, and repeated patterns, kept once, in ``meta["duplicates"]``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from framing.errors import InputError
from framing.formats._common import (
    DictionaryWarning,
    Draft,
    build,
    check_lang,
    check_levels,
    read_text,
    split_lines,
    warn,
)
from framing.formats.lexicoder import read_lexicoder
from framing.formats.liwc import format_dicx, format_liwc, read_dicx, read_liwc
from framing.formats.quanteda import read_quanteda
from framing.formats.sentiws import read_sentiws
from framing.formats.wordstat import read_wordstat
from framing.formats.yoshikoder import read_yoshikoder
from framing.lexicon import ANY_LANG, Lexicon

__all__ = ["read_dictionary", "parse_dictionary", "write_dictionary", "DICTIONARY_FORMATS",
           "WRITE_FORMATS", "FORMAT_TITLES", "DictionaryWarning"]

#: File extension (without the dot) -> the format read from it.
DICTIONARY_FORMATS = {
    "dic": "liwc",
    "dicx": "dicx",
    "yml": "quanteda",
    "yaml": "quanteda",
    "lc3": "lexicoder",
    "lcd": "lexicoder",
    "cat": "wordstat",
    "ykd": "yoshikoder",
    "txt": "sentiws",
}

#: Format -> how messages and descriptions name it.
FORMAT_TITLES = {
    "liwc": "LIWC .dic",
    "dicx": "LIWC-22 .dicx",
    "quanteda": "quanteda YAML",
    "lexicoder": "Lexicoder",
    "wordstat": "WordStat .cat",
    "yoshikoder": "Yoshikoder .ykd",
    "sentiws": "SentiWS word list",
}

#: Formats write_dictionary writes, and the extensions that choose them.
WRITE_FORMATS = {"yaml": "yaml", "yml": "yaml", "dic": "liwc", "dicx": "dicx"}

_READERS = {
    "liwc": read_liwc,
    "dicx": read_dicx,
    "quanteda": read_quanteda,
    "lexicoder": read_lexicoder,
    "wordstat": read_wordstat,
    "yoshikoder": read_yoshikoder,
    "sentiws": read_sentiws,
}

# Names accepted by format= besides the format names and extensions.
_ALIASES = {"liwc22": "dicx", "liwc-22": "dicx", "yoshi": "yoshikoder", "lc": "lexicoder",
            "wordlist": "sentiws"}

# Format-specific keyword options.
_OPTIONS = {"sentiws": {"frame"}}

_KEPT_META = ("authors", "license", "citation")


def _format(format: str | None, path: Path) -> str:
    """The reader's format name, from ``format=`` or the file extension."""
    given = format if format is not None else path.suffix.lstrip(".")
    key = str(given).lower().lstrip(".")
    fmt = key if key in _READERS else DICTIONARY_FORMATS.get(key) or _ALIASES.get(key)
    if fmt is None:
        exts = ", ".join(f".{e} ({f})" for e, f in DICTIONARY_FORMATS.items())
        what = f"format {format!r}" if format is not None else \
            f"extension {path.suffix or '(none)'!r}"
        raise InputError(f"unknown dictionary {what}; supported: {exts}, and yaml (this "
                         "project's format); pass format= to choose one", path=path)
    return fmt


def parse_dictionary(text: str, *, format: str, path="<string>", lang: str = ANY_LANG,
                     levels=None, case_sensitive: bool = False, name: str | None = None,
                     **options) -> Lexicon:
    """Parse a dictionary given as a string (see :func:`read_dictionary`).

    Parameters
    ----------
    text : str
    format : str
        A format name (``liwc``, ``dicx``, ``quanteda``, ``lexicoder``, ``wordstat``,
        ``yoshikoder``, ``sentiws``) or a file extension.
    path : str, default="<string>"
        Used in ``file:line`` messages and as the lexicon's default name.
    lang, levels, case_sensitive, name, **options
        As for :func:`read_dictionary`.

    Examples
    --------
    >>> lex = parse_dictionary("+invasion\\ninvad*\\nfull-scale war\\n", format="lexicoder",
    ...                        lang="en")
    >>> [(t.frame, t.pattern, t.lang) for t in lex.terms()]
    [('invasion', 'invad*', 'en'), ('invasion', 'full-scale war', 'en')]
    """
    fmt = _format(format, Path(str(path)))
    given = dict(lang=lang, levels=levels, case_sensitive=case_sensitive, name=name)
    framing = _framing_yaml(text.lstrip("\ufeff"), fmt, format, str(path), given, options)
    if framing is not None:
        return framing
    return _parse(text, fmt, str(path), lang=lang, levels=levels,
                  case_sensitive=case_sensitive, name=name, options=options)


def _parse(text: str, fmt: str, source: str, *, lang, levels, case_sensitive, name,
           options) -> Lexicon:
    check_lang(lang)
    check_levels(levels)
    unknown = set(options) - _OPTIONS.get(fmt, set())
    if unknown:
        allowed = ", ".join(sorted(_OPTIONS.get(fmt, ()))) or "none"
        raise InputError(f"unknown option(s) {', '.join(sorted(unknown))} for the {fmt} "
                         f"format; its own options: {allowed} (all formats take lang=, "
                         "levels=, case_sensitive=, name=, encoding=)")
    draft = Draft(source, fmt)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = "".join(line + "\n" for line in split_lines(text))    # every line ending as LF
    _READERS[fmt](text, draft, **options)
    return build(draft, lang=lang, levels=levels, case_sensitive=case_sensitive, name=name)


def read_dictionary(path, *, format: str | None = None, encoding: str = "utf-8",
                    lang: str = ANY_LANG, levels=None, case_sensitive: bool = False,
                    name: str | None = None, **options) -> Lexicon:
    """Read a dictionary file of another tool into a Lexicon.

    Parameters
    ----------
    path : str or Path
    format : str, optional
        ``liwc``, ``dicx``, ``quanteda``, ``lexicoder``, ``wordstat``, ``yoshikoder`` or
        ``sentiws`` (or an extension, e.g. ``"dic"``); by default chosen from the file
        extension with :data:`DICTIONARY_FORMATS`. A ``.yaml``/``.yml`` file (or
        ``"yaml"``) is read as this project's YAML when it has a top-level ``frames:`` key,
        else as quanteda's; a file whose top level has keys of this project's format
        (``name``, ``version``, a misspelt ``frames`` such as ``frame``, frames with
        ``terms:``) but no ``frames:`` is a :class:`~framing.errors.LexiconError`.
        ``"quanteda"`` reads quanteda's format without looking.
    encoding : str, default="utf-8"
        The file's text encoding, e.g. ``"cp1252"`` or ``"latin-1"`` for older Windows files.
        A byte order mark is skipped; a UTF-16 or UTF-32 one switches to that encoding.
    lang : str, default="any"
        Language of every imported pattern (ISO 639-1, or ``"any"``: every language).
    levels : int or list of int, optional
        For nested dictionaries, the levels that name the frames (1 is the top level), as in
        quanteda; by default every level (``EUROPE.EAST.UA``).
    case_sensitive : bool, default=False
        Make every imported pattern case-sensitive.
    name : str, optional
        The lexicon's name; by default the file name without its extension.
    **options
        Format-specific: ``frame=`` (sentiws). This project's YAML takes none of ``lang``,
        ``levels``, ``case_sensitive``, ``name`` or these: giving one is an
        :class:`~framing.errors.InputError`.

    Returns
    -------
    Lexicon
        One frame per category (nested names joined with ``.``), every term with
        ``origin`` ``file:line``. ``meta`` holds ``format``, ``source``, ``unsupported``,
        ``rewritten``, ``duplicates`` (lists of ``file:line: message``) and, for Lexicoder,
        ``colours``.

    Raises
    ------
    InputError
        If the file is missing, its format unknown, its bytes not valid in ``encoding``, or
        its structure broken (with file and line).
    LexiconError
        Listing every malformed line (an :class:`InputError` too).

    Warns
    -----
    DictionaryWarning
        Once, listing the entries that cannot be expressed and were left out.

    See Also
    --------
    framing.read_lexicon : reads this project's YAML and calls this function for the rest.
    write_dictionary : the way back.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "war.dic").write_text("%\\n1\\tinvasion\\n%\\ninvad*\\t1\\n")
    >>> lex = read_dictionary(folder / "war.dic")
    >>> lex.name, [(t.frame, t.pattern, t.lang) for t in lex.terms()]
    ('war', [('invasion', 'invad*', 'any')])
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("no such dictionary file" if not path.exists()
                         else "is a folder, not a dictionary file", path=path)
    fmt = _format(format, path)
    text = read_text(path, encoding)
    given = dict(lang=lang, levels=levels, case_sensitive=case_sensitive, name=name)
    framing = _framing_yaml(text, fmt, format, str(path), given, options)
    if framing is not None:
        return framing
    return _parse(text, fmt, str(path), lang=lang, levels=levels,
                  case_sensitive=case_sensitive, name=name, options=options)


def _framing_yaml(text: str, fmt: str, format, source: str, given: dict,
                  options: dict) -> Lexicon | None:
    """The lexicon, when YAML text read as ``fmt`` is this project's format (else None).

    Only ``format="quanteda"`` reads a YAML file as quanteda's without looking; see
    :func:`framing.lexicon.read_lexicon` for how the two are told apart.
    """
    from framing.lexicon import _check_yaml_options, _is_framing_yaml, parse_lexicon

    if fmt != "quanteda" or str(format).lower() == "quanteda" \
            or not _is_framing_yaml(text, source):
        return None
    defaults = dict(lang=ANY_LANG, levels=None, case_sensitive=False, name=None)
    _check_yaml_options([k for k, v in given.items() if v != defaults[k]] + list(options),
                        source if source != "<string>" else None)
    return parse_lexicon(text, path=source)


def write_dictionary(lexicon, path, *, format: str | None = None) -> Path:
    """Write a lexicon as this project's YAML, a LIWC ``.dic`` or a LIWC-22 ``.dicx``.

    The file is written atomically (a temporary file, then a rename). Reading it back gives
    the same frames and patterns.

    Parameters
    ----------
    lexicon : Lexicon, str or Path
        Anything :func:`framing.read_lexicon` accepts.
    path : str or Path
    format : {"yaml", "liwc", "dicx"}, optional
        By default from the extension (``.yaml``/``.yml``, ``.dic``, ``.dicx``).

    Returns
    -------
    Path

    Raises
    ------
    InputError
        If the format is unknown or the lexicon has no frame.

    Warns
    -----
    DictionaryWarning
        When the format cannot hold part of the lexicon (LIWC has no languages, no exclude
        patterns, no case sensitivity; ``.dic`` has no weights), naming what is lost.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from framing.lexicon import parse_lexicon
    >>> lex = parse_lexicon('name: tiny\\nframes:\\n  harm: {terms: {any: ["kill*"]}}\\n')
    >>> out = write_dictionary(lex, pathlib.Path(tempfile.mkdtemp()) / "tiny.dic")
    >>> print(out.read_text(), end="")
    %
    1	harm
    %
    kill*	1
    """
    from framing._io import atomic_write_text
    from framing.lexicon import read_lexicon

    lexicon = read_lexicon(lexicon)
    path = Path(path)
    key = str(format if format is not None else path.suffix.lstrip(".")).lower().lstrip(".")
    fmt = key if key in ("yaml", "liwc", "dicx") else WRITE_FORMATS.get(key)
    if fmt is None:
        what = f"format {format!r}" if format is not None else \
            f"extension {path.suffix or '(none)'!r}"
        raise InputError(f"cannot write the {what}; write_dictionary writes yaml (.yaml, "
                         ".yml), liwc (.dic) and dicx (.dicx)", path=path)
    if not lexicon.frames:
        raise InputError(f"lexicon {lexicon.name!r} has no frames; there is nothing to write",
                         path=path)
    if fmt == "yaml":
        return _write_yaml(lexicon, path)
    text, lost = (format_liwc if fmt == "liwc" else format_dicx)(lexicon)
    if lost:
        warn(f"writing {path} as {FORMAT_TITLES[fmt]} loses what the format cannot hold: "
             f"{'; '.join(lost)}")
    return atomic_write_text(path, text)


def _write_yaml(lexicon: Lexicon, path: Path) -> Path:
    """This project's YAML, headed by a comment naming the source and what was left out."""
    from dataclasses import replace

    from framing._io import atomic_write_text
    from framing.lexicon import write_lexicon

    meta = lexicon.meta or {}
    header = []
    if meta.get("source"):
        title = FORMAT_TITLES.get(meta.get("format"), meta.get("format"))
        header.append(f"# Imported by framing from {Path(meta['source']).name} ({title}).")
    left_out = meta.get("unsupported") or []
    if left_out:
        header.append(f"# {len(left_out)} entr{'y' if len(left_out) == 1 else 'ies'} could "
                      "not be expressed and {0} left out:".format(
                          "was" if len(left_out) == 1 else "were"))
        header.extend(f"#   {item}".replace("\n", " ") for item in left_out)
    plain = replace(lexicon, meta={k: v for k, v in meta.items() if k in _KEPT_META})
    with tempfile.TemporaryDirectory() as tmp:
        body = write_lexicon(plain, Path(tmp) / "lexicon.yaml").read_text(encoding="utf-8")
    text = "\n".join(header) + "\n" + body if header else body
    return atomic_write_text(path, text)
