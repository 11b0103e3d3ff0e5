"""Lexicons: frames of loaded words and phrases, per language, read from readable YAML.

The file format (see ``data/lexicons/README.md`` for the full reference)::

    name: ukraine-war
    version: 1
    frames:
      proxy_war:
        label: Proxy war
        description: The war is cast as a Russia-West conflict fought through Ukraine.
        terms:
          en: ["proxy war", {pattern: "NATO's war", weight: 2, note: "why, and a source"}]
          de: ["Stellvertreterkrieg*"]
        exclude:
          en: ["proxy server*"]

Loading checks everything and reports every problem at once, each as ``file:line: message``
(:class:`~framing.errors.LexiconError`).
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from framing import _yaml
from framing.errors import InputError, LexiconError
from framing.text import WORD_PATTERN, fold, normalize

__all__ = [
    "Term", "Frame", "Lexicon", "read_lexicon", "parse_lexicon", "write_lexicon",
    "shipped_lexicons", "lexicon_path", "pattern_tokens", "PatternError",
]

ANY_LANG = "any"
_LANG_RE = re.compile(r"^[a-z]{2}$")
_TOKEN_RE = re.compile(rf"{WORD_PATTERN}\*?")
_SEPARATOR_RE = re.compile(r"\s*-\s*|\s+")

_TOP_KEYS = {"name", "version", "description", "authors", "license", "citation", "frames"}
_FRAME_KEYS = {"label", "description", "dimension", "terms", "exclude"}
_TERM_KEYS = {"pattern", "weight", "note", "case_sensitive"}


class PatternError(ValueError):
    """A lexicon pattern cannot be matched (message says why)."""


@dataclass(frozen=True)
class Term:
    """One lexicon pattern.

    Attributes
    ----------
    pattern : str
        As written: tokens separated by spaces or hyphens; ``*`` at a token's end is a
        prefix glob.
    frame, lang : str
        The frame it signals and its language (ISO 639-1, or ``"any"``).
    weight : float, default=1.0
    note : str, default=""
        Why the term signals the frame, with a source.
    case_sensitive : bool, default=False
    exclude : bool, default=False
        True for a frame's ``exclude`` patterns, which veto overlapping matches.
    origin : str
        ``file:line`` where the pattern was written.
    """

    pattern: str
    frame: str
    lang: str
    weight: float = 1.0
    note: str = ""
    case_sensitive: bool = False
    exclude: bool = False
    origin: str = ""

    @functools.cached_property
    def tokens(self) -> tuple[tuple[str, bool], ...]:
        """The normalized tokens as ``(text, is_glob)`` pairs (computed once)."""
        return pattern_tokens(self.pattern, case_sensitive=self.case_sensitive)


@dataclass(frozen=True)
class Frame:
    """A frame: a name, a label for figures, a definition, and its patterns."""

    name: str
    label: str
    description: str = ""
    dimension: str = "frame"
    terms: tuple[Term, ...] = ()
    excludes: tuple[Term, ...] = ()

    @property
    def languages(self) -> list[str]:
        return sorted({t.lang for t in self.terms})


@dataclass(frozen=True)
class Lexicon:
    """A named, versioned set of frames.

    Use :func:`read_lexicon` to load one. ``version_id`` combines the declared version with
    a hash of the content, and is written into every hits and scores table.
    """

    name: str
    frames: dict = field(default_factory=dict)
    version: str = "1"
    description: str = ""
    path: str | None = None
    meta: dict = field(default_factory=dict)

    @functools.cached_property
    def content_hash(self) -> str:
        """First 12 hex digits of the SHA-256 of the lexicon's content (not its layout)."""
        payload = json.dumps(self._canonical(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]

    @property
    def version_id(self) -> str:
        """``<declared version>+<content hash>``, e.g. ``1+3f9a0c2b7d1e``."""
        return f"{self.version}+{self.content_hash}"

    @property
    def languages(self) -> list[str]:
        return sorted({t.lang for f in self.frames.values() for t in f.terms})

    @property
    def labels(self) -> dict[str, str]:
        """Frame name -> label, in lexicon order."""
        return {name: f.label for name, f in self.frames.items()}

    def terms(self, *, include_excludes: bool = False) -> list[Term]:
        out = []
        for f in self.frames.values():
            out.extend(f.terms)
            if include_excludes:
                out.extend(f.excludes)
        return out

    def to_frame(self) -> pd.DataFrame:
        """The lexicon as a table: one row per pattern.

        Columns: ``frame``, ``lang``, ``pattern``, ``kind`` (``term`` | ``exclude``),
        ``weight``, ``case_sensitive``, ``note``, ``origin``.
        """
        rows = [(t.frame, t.lang, t.pattern, "exclude" if t.exclude else "term", t.weight,
                 t.case_sensitive, t.note, t.origin)
                for t in self.terms(include_excludes=True)]
        return pd.DataFrame(rows, columns=["frame", "lang", "pattern", "kind", "weight",
                                           "case_sensitive", "note", "origin"])

    def _repr_html_(self) -> str:
        from framing.display import lexicon_summary

        return lexicon_summary(self)._repr_html_()

    def __repr__(self) -> str:
        terms = self.terms()
        distinct = len({(t.frame, t.lang, t.tokens, t.case_sensitive) for t in terms})
        repeated = (f" (+{len(terms) - distinct} repeated, matched once)"
                    if distinct < len(terms) else "")
        return (f"<Lexicon {self.name!r} v{self.version_id}: {len(self.frames)} frames, "
                f"{distinct} patterns{repeated}, languages {', '.join(self.languages)}>")

    def _canonical(self) -> dict:
        def term(t: Term) -> list:
            return [t.lang, t.pattern, t.weight, t.case_sensitive, t.note]
        return {
            "name": self.name, "version": self.version,
            "frames": [[f.name, f.label, f.description, f.dimension,
                        [term(t) for t in f.terms], [term(t) for t in f.excludes]]
                       for f in self.frames.values()],
        }


def pattern_tokens(pattern: str, *, case_sensitive: bool = False) -> tuple:
    """Split a lexicon pattern into normalized ``(token, is_glob)`` pairs.

    Raises
    ------
    PatternError
        If the pattern is empty, a bare ``*``, has ``*`` inside a word, or holds characters
        that are not part of words (punctuation never takes part in matching).

    Examples
    --------
    >>> pattern_tokens("von den USA geführten Block*")
    (('von', False), ('den', False), ('usa', False), ('geführten', False), ('block', True))
    >>> pattern_tokens("US-led bloc")
    (('us', False), ('led', False), ('bloc', False))
    """
    text = normalize(pattern).text.strip()
    if not text:
        raise PatternError("pattern is empty")
    if text.replace(" ", "") in {"*", "**"}:
        raise PatternError("pattern is a bare '*', which would match every word")
    if not _TOKEN_RE.search(text):
        raise PatternError(f"pattern {pattern!r} has no words after normalization "
                           "(punctuation never takes part in matching)")
    tokens, pos = [], 0
    while pos < len(text):
        sep = _SEPARATOR_RE.match(text, pos) if tokens else None
        if sep and sep.end() > pos:
            pos = sep.end()
            if pos >= len(text):
                raise PatternError(f"pattern {pattern!r} ends with a separator; a hyphen must "
                                   "join two words")
        m = _TOKEN_RE.match(text, pos)
        if not m:
            bad = text[pos]
            if bad == "*":
                raise PatternError("'*' must follow letters at the end of a word "
                                   f"(a prefix glob like 'Block*'); got {pattern!r}")
            raise PatternError(
                f"{bad!r} in {pattern!r} is not part of a word: write words separated by "
                "spaces or hyphens, with '*' only at a word's end")
        word = m.group()
        glob = word.endswith("*")
        word = word.rstrip("*")
        if pos + len(m.group()) < len(text) and text[m.end()] not in " -\t\n":
            nxt = text[m.end()]
            if nxt == "*" or glob:
                raise PatternError(f"'*' may appear once, at the end of a word; got {pattern!r}")
            raise PatternError(
                f"{nxt!r} in {pattern!r} is not part of a word: write words separated by "
                "spaces or hyphens, with '*' only at a word's end")
        tokens.append((word if case_sensitive else fold(word), glob))
        pos = m.end()
    if not tokens:
        raise PatternError(f"pattern {pattern!r} has no words after normalization")
    return tuple(tokens)


# --------------------------------------------------------------------------- reading


def shipped_lexicons() -> dict[str, Path]:
    """The lexicons shipped with `framing`: name -> path.

    Examples
    --------
    >>> "ukraine_war" in shipped_lexicons()
    True
    """
    folder = _data_dir() / "lexicons"
    return {p.stem: p for p in sorted(folder.glob("*.yaml")) if p.stem != "actors"}


def _data_dir() -> Path:
    """The folder of shipped data: package data when installed, else the repo's ``data/``."""
    pkg = Path(str(resources.files("framing"))) / "data"
    if (pkg / "lexicons").is_dir():
        return pkg
    return Path(__file__).resolve().parent.parent / "data"


def lexicon_path(source) -> Path:
    """The file of a lexicon given as a shipped name or a path (see :func:`read_lexicon`).

    Raises
    ------
    InputError
        If there is no such file and no shipped lexicon of that name.

    Examples
    --------
    >>> lexicon_path("ukraine-war").name
    'ukraine_war.yaml'
    """
    shipped = shipped_lexicons()
    key = str(source)
    if key in shipped or key.replace("-", "_") in shipped:
        return shipped.get(key) or shipped[key.replace("-", "_")]
    path = Path(source)
    if not path.exists():
        names = ", ".join(shipped) or "(none)"
        raise InputError(f"no lexicon file or shipped lexicon named {key!r}; "
                         f"shipped lexicons: {names}.")
    return path


def read_lexicon(source, *, format: str | None = None, encoding: str = "utf-8",
                 **options) -> Lexicon:
    """Read a lexicon: a shipped name (``"ukraine_war"``), a path, or a ``Lexicon``.

    Parameters
    ----------
    source : str, Path or Lexicon
        A name from :func:`shipped_lexicons`, or a path to a lexicon file.
    format : str, optional
        ``"yaml"`` for this project's format; other dictionary formats are read by
        :mod:`framing.formats`. Chosen from the file extension (and, for YAML, the
        content) when not given. A ``.yaml``/``.yml`` file is this project's format when it
        has a top-level ``frames:`` key, else a quanteda dictionary (``format="quanteda"``
        forces that reading).
    encoding : str, default="utf-8"
        The file's text encoding. A byte order mark is skipped; a UTF-16 or UTF-32 one
        switches to that encoding.
    **options
        Passed to the importer of another format (``lang=``, ``levels=``, ... see
        :func:`framing.formats.read_dictionary`). This project's YAML takes none: an option
        given with it is an error, never ignored.

    Returns
    -------
    Lexicon

    Raises
    ------
    InputError
        If the file does not exist, its format is unknown, its bytes are not valid in
        ``encoding`` (with line, column and the bytes), or an option does not apply to it.
    LexiconError
        Listing every problem in the file, each as ``file:line: message``; also for a YAML
        file that has keys of this project's format (``name``, ``frame``, frames with
        ``terms``) but no top-level ``frames:``.

    Examples
    --------
    >>> lex = read_lexicon("ukraine_war")
    >>> lex.name, "proxy_war" in lex.frames
    ('ukraine-war', True)
    """
    if isinstance(source, Lexicon):
        if options:
            raise InputError(f"option(s) {', '.join(sorted(options))} apply to reading a "
                             f"file; got the lexicon {source.name!r}, which is read already")
        return source
    path = lexicon_path(source)
    fmt = (format or path.suffix.lstrip(".")).lower()
    if fmt in {"yaml", "yml"} and path.is_file():
        from framing.formats._common import read_text

        text = read_text(path, encoding)
        if _is_framing_yaml(text, str(path)):
            _check_yaml_options(options, path)
            return parse_lexicon(text, path=str(path))
        format = "quanteda"                       # decided here; not detected again
    from framing.formats import read_dictionary

    return read_dictionary(path, format=format, encoding=encoding, **options)


_FRAMES_RE = re.compile(r"^frames[ \t]*:", flags=re.M)
_META_KEYS = _TOP_KEYS - {"frames"}


def _check_yaml_options(given, path) -> None:
    """Refuse options that this project's YAML does not use (they would be ignored)."""
    if given:
        raise InputError(f"option(s) {', '.join(sorted(given))} do not apply to framing YAML "
                         "(a file with a top-level 'frames:' key); it takes only encoding= "
                         "(lang=, levels=, case_sensitive=, name= and the formats' own "
                         "options are for imported dictionaries; framing YAML gives each "
                         "pattern's language in the file)", path=path)


def _is_framing_yaml(text: str, path: str) -> bool:
    """True if YAML text is in this project's lexicon format, False if it is a quanteda
    dictionary.

    A file with a top-level ``frames:`` key (or an empty one) is ours. A file without it is
    quanteda's, unless its top level shows that it was meant as ours: a reserved key
    (``name``, ``version``, ``description``, ``authors``, ``license``, ``citation``), a
    misspelt ``frames`` (``frame``, ``Frames``), or frames written without ``frames:`` (a
    mapping with ``terms:`` by language, at the top level or one level down). Then it is a
    :class:`LexiconError` naming the key, never a quanteda dictionary read in silence.
    """
    if not text.strip() or _FRAMES_RE.search(text):
        return True
    try:
        root, _ = _yaml.compose(text)
    except (yaml.YAMLError, ValueError):
        return False                  # the quanteda reader reports it, with line and column
    if not isinstance(root, yaml.MappingNode):
        return False
    keys = [(k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)]
    if any(k.value == "frames" for k, _ in keys):
        return True

    def where(node) -> str:
        return f"{path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"

    needs = "framing YAML needs a top-level 'frames:' key"
    problems = []
    for knode, vnode in keys:
        key = knode.value
        if _frames_typo(key, vnode):
            problems.append(f"{where(knode)}: unknown top-level key {key!r} (did you mean "
                            f"'frames'?); {needs}")
        elif _frame_body(vnode):
            problems.append(f"{where(knode)}: {key!r} looks like a frame (it has 'terms:' "
                            f"by language), but it is not under 'frames:'; {needs}")
        elif isinstance(vnode, yaml.MappingNode) and any(_frame_body(v) for _, v in vnode.value):
            problems.append(f"{where(knode)}: {key!r} holds frames (entries with 'terms:' by "
                            f"language), but it is not 'frames'; {needs}")
    if not problems:
        meta = [k for k, _ in keys if k.value in _META_KEYS]
        if not meta:
            return False
        problems.append(f"{where(meta[0])}: {meta[0].value!r} is a key of framing's lexicon "
                        f"format, but the file has no top-level 'frames:' key; {needs} "
                        "holding the frames")
    raise LexiconError(problems, path=path, hint="To read the file as a quanteda dictionary "
                       "instead, pass format='quanteda' (command line: --format quanteda).")


def _frames_typo(key: str, value) -> bool:
    """``frame``, ``Frames``, ``framse``: a top-level key that was meant to be ``frames``."""
    low = key.strip().lower()
    if low in {"frames", "frame"}:
        return True
    return isinstance(value, yaml.MappingNode) and \
        difflib.SequenceMatcher(None, low, "frames").ratio() >= 0.8


def _frame_body(node) -> bool:
    """True for a mapping shaped like a frame of this project: only frame keys, and
    ``terms`` mapping language codes to patterns."""
    if not isinstance(node, yaml.MappingNode):
        return False
    keys = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    terms = keys.get("terms")
    return (len(keys) == len(node.value) and set(keys) <= _FRAME_KEYS
            and isinstance(terms, yaml.MappingNode) and bool(terms.value)
            and all(isinstance(k, yaml.ScalarNode)
                    and (k.value == ANY_LANG or _LANG_RE.match(k.value) is not None)
                    for k, _ in terms.value))


def parse_lexicon(text: str, *, path: str = "<string>") -> Lexicon:
    """Parse lexicon YAML given as a string (see :func:`read_lexicon`).

    Examples
    --------
    >>> lex = parse_lexicon('''
    ... name: tiny
    ... frames:
    ...   proxy:
    ...     terms: {en: ["proxy war"]}
    ... ''')
    >>> [t.pattern for t in lex.terms()]
    ['proxy war']
    """
    root = _compose(text, path)
    return _Builder(path).build(root)


_ALLOWED_TAGS = {f"tag:yaml.org,2002:{t}" for t in
                 ("str", "int", "float", "bool", "null", "seq", "map")}


def _compose(text: str, path: str):
    try:
        root, alias = _yaml.compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        raise LexiconError([f"{where}: invalid YAML: {exc.problem or exc.context}"],
                           path=path) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        char = chr(exc.character) if isinstance(exc.character, int) else exc.character
        raise LexiconError([f"{path}:{line}: invalid YAML: character {char!r} is not "
                            "allowed in YAML (is this a binary file?)"], path=path) from None
    if alias is not None:
        raise LexiconError([f"{path}:{alias.start_mark.line + 1}: YAML aliases "
                            f"(*{alias.anchor}) are not allowed in a lexicon; write the "
                            "values out"], path=path)
    if root is None:
        raise LexiconError([f"{path}:1: the lexicon is empty; expected a mapping with "
                            "'name' and 'frames'"], path=path)
    return root


class _Builder:
    """Walks the YAML node tree, building the model and collecting every problem."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[str] = []
        self._loader = yaml.SafeLoader("")

    def fail(self, node, message: str) -> None:
        self.problems.append(f"{self.path}:{node.start_mark.line + 1}: {message}")

    def build(self, root) -> Lexicon:
        top = self.mapping(root, "the lexicon", _TOP_KEYS)
        if top is None:
            raise LexiconError(self.problems, path=self.path)
        name = self.string(top.get("name"), "name", required=True, node_for_missing=root)
        version = self.string(top.get("version"), "version") or "1"
        description = self.string(top.get("description"), "description") or ""
        meta = {k: self.plain(v) for k, v in top.items()
                if k in {"authors", "license", "citation"}}
        frames = {}
        frames_node = top.get("frames")
        if frames_node is None:
            self.fail(root, "missing 'frames': a lexicon needs at least one frame")
        else:
            fmap = self.mapping(frames_node, "'frames'", None)
            if fmap is not None and not fmap:
                self.fail(frames_node, "'frames' is empty: a lexicon needs at least one frame")
            for fname, fnode in (fmap or {}).items():
                frame = self.frame(fname, fnode)
                if frame is not None:
                    frames[fname] = frame
        if self.problems:
            self.problems.sort(key=lambda s: int(s[len(self.path) + 1:].split(":", 1)[0]))
            raise LexiconError(self.problems, path=self.path)
        return Lexicon(name=name, version=version, description=description, frames=frames,
                       path=None if self.path == "<string>" else self.path, meta=meta)

    def mapping(self, node, what: str, allowed) -> dict | None:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping (key: value); got {self.kind(node)}")
            return None
        out = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                self.fail(knode, f"keys of {what} must be plain text")
                continue
            key = knode.value
            if key in out:
                self.fail(knode, f"duplicate key {key!r} in {what}")
                continue
            if allowed is not None and key not in allowed:
                self.fail(knode, f"unknown key {key!r} in {what}; allowed: "
                                 f"{', '.join(sorted(allowed))}")
                continue
            self.check_tags(vnode)
            out[key] = vnode
        return out

    def check_tags(self, node) -> None:
        if node.tag not in _ALLOWED_TAGS:
            self.fail(node, f"YAML tag {node.tag!r} is not allowed in a lexicon")

    @staticmethod
    def kind(node) -> str:
        if isinstance(node, yaml.MappingNode):
            return "a mapping"
        if isinstance(node, yaml.SequenceNode):
            return "a list"
        return "nothing" if node.tag.endswith(":null") else f"{node.value!r}"

    def string(self, node, what: str, *, required: bool = False, node_for_missing=None):
        """The text of a scalar node; a problem if it is missing (when required) or not text."""
        if node is None:
            if required:
                self.fail(node_for_missing, f"missing {what!r}: the lexicon needs a {what}")
            return None
        return self.text(node, repr(what))

    def plain(self, node):
        return self._loader.construct_object(node, deep=True)

    def frame(self, name: str, node) -> Frame | None:
        fmap = self.mapping(node, f"frame {name!r}", _FRAME_KEYS)
        if fmap is None:
            return None
        if not name.strip() or name != name.strip():
            self.fail(node, f"frame name {name!r} must be non-empty, without outer spaces")
        label = self.text(fmap.get("label"), f"label of frame {name!r}") or name
        description = self.text(fmap.get("description"), f"description of frame {name!r}") or ""
        dimension = self.text(fmap.get("dimension"), f"dimension of frame {name!r}") or "frame"
        if "terms" not in fmap:
            self.fail(node, f"frame {name!r} has no 'terms'")
            return None
        terms = self.terms(name, fmap["terms"], exclude=False)
        excludes = self.terms(name, fmap["exclude"], exclude=True) if "exclude" in fmap else []
        if terms is not None and not terms:
            self.fail(fmap["terms"], f"frame {name!r} is empty: it has no terms")
        return Frame(name, label, description, dimension, tuple(terms or ()),
                     tuple(excludes or ()))

    def text(self, node, what: str) -> str | None:
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
            self.fail(node, f"{what} must be text; got {self.kind(node)}")
            return None
        return node.value

    def terms(self, frame: str, node, *, exclude: bool) -> list[Term] | None:
        what = f"{'exclude' if exclude else 'terms'} of frame {frame!r}"
        langs = self.mapping(node, what + " (language: [patterns])", None)
        if langs is None:
            return None
        out = []
        for lang, lnode in langs.items():
            if lang != ANY_LANG and not _LANG_RE.match(lang):
                self.fail(lnode, f"language {lang!r} in {what} must be an ISO 639-1 code "
                                 f"(two lower-case letters, like en, de, ru) or {ANY_LANG!r}")
                continue
            if not isinstance(lnode, yaml.SequenceNode):
                self.fail(lnode, f"{what}, language {lang!r}, must be a list of patterns; "
                                 f"got {self.kind(lnode)}")
                continue
            if not lnode.value:
                self.fail(lnode, f"{what}, language {lang!r}, is an empty list")
            for item in lnode.value:
                self.check_tags(item)
                term = self.term(frame, lang, item, exclude=exclude)
                if term is not None:
                    out.append(term)
        return out

    def term(self, frame: str, lang: str, node, *, exclude: bool) -> Term | None:
        origin = f"{self.path}:{node.start_mark.line + 1}"
        opts = {}
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":null"):
                self.fail(node, f"empty pattern in frame {frame!r} ({lang})")
                return None
            pattern = node.value
        elif isinstance(node, yaml.MappingNode):
            entry = self.mapping(node, f"a term of frame {frame!r}", _TERM_KEYS)
            if entry is None:
                return None
            if "pattern" not in entry:
                self.fail(node, f"a term of frame {frame!r} ({lang}) has no 'pattern'")
                return None
            pattern = self.text(entry["pattern"], "pattern")
            if pattern is None:
                return None
            opts = self.term_options(entry)
            if opts is None:
                return None
        else:
            self.fail(node, f"a term of frame {frame!r} must be a pattern or a mapping "
                            f"with 'pattern'; got {self.kind(node)}")
            return None
        term = Term(pattern=pattern, frame=frame, lang=lang, exclude=exclude, origin=origin,
                    **opts)
        try:
            _ = term.tokens                 # parse the pattern now, to report it here
        except PatternError as exc:
            self.fail(node, f"frame {frame!r} ({lang}): {exc}")
            return None
        return term

    def term_options(self, entry: dict) -> dict | None:
        opts, ok = {}, True
        if "weight" in entry:
            value = self.plain(entry["weight"])
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not math.isfinite(value):
                self.fail(entry["weight"], f"'weight' must be a number; got "
                                           f"{entry['weight'].value!r}")
                ok = False
            else:
                opts["weight"] = float(value)
        if "note" in entry:
            note = self.text(entry["note"], "note")
            ok = ok and note is not None
            opts["note"] = note or ""
        if "case_sensitive" in entry:
            value = self.plain(entry["case_sensitive"])
            if not isinstance(value, bool):
                self.fail(entry["case_sensitive"], "'case_sensitive' must be true or false; "
                                                   f"got {entry['case_sensitive'].value!r}")
                ok = False
            else:
                opts["case_sensitive"] = value
        return opts if ok else None


# --------------------------------------------------------------------------- writing


def write_lexicon(lexicon: Lexicon, path) -> Path:
    """Write a lexicon as YAML (atomically: a temporary file, then a rename).

    The file reads back into an equal lexicon (same ``content_hash``).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> lexicon = parse_lexicon("{name: demo, frames: {proxy_war: {terms: {en: ['proxy war*']}}}}")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_lexicon(lexicon, pathlib.Path(tmp) / "demo.yaml")
    ...     read_lexicon(path).content_hash == lexicon.content_hash
    True
    """
    from framing._io import atomic_write_text

    def entry(t: Term):
        extra = {}
        if t.weight != 1.0:
            extra["weight"] = t.weight
        if t.case_sensitive:
            extra["case_sensitive"] = True
        if t.note:
            extra["note"] = t.note
        return {"pattern": t.pattern, **extra} if extra else t.pattern

    def by_lang(terms):
        out = {}
        for t in terms:
            out.setdefault(t.lang, []).append(entry(t))
        return out

    doc = {"name": lexicon.name, "version": lexicon.version}
    if lexicon.description:
        doc["description"] = lexicon.description
    doc.update({k: v for k, v in lexicon.meta.items() if k in {"authors", "license",
                                                                "citation"}})
    doc["frames"] = {}
    for f in lexicon.frames.values():
        fd = {"label": f.label}
        if f.description:
            fd["description"] = f.description
        if f.dimension != "frame":
            fd["dimension"] = f.dimension
        fd["terms"] = by_lang(f.terms)
        if f.excludes:
            fd["exclude"] = by_lang(f.excludes)
        doc["frames"][f.name] = fd
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    return atomic_write_text(path, text)
