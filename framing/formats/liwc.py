"""LIWC dictionaries: the ``.dic`` format (LIWC2001 to LIWC2015) and LIWC-22's ``.dicx``.

A ``.dic`` file opens with a category list between two ``%`` lines, one ``id  name`` per line,
then lists words, each followed by the ids of its categories::

    %
    1   harm
    2   care (Care and protection)
    %
    kill*   1
    protect*    2
    shield  2   1

* A category's name may be followed by a label in parentheses (LIWC2015). Leading tabs
  before an id nest it under the category above (the LIWC2015 hierarchy): ``posemo`` indented
  under ``affect`` becomes the frame ``affect.posemo``. ``levels=`` chooses the levels kept.
* Words are separated from their ids by tabs or spaces; a word may be a phrase of several
  words. After a tab, everything before the tab is the word or phrase. Without a tab, the
  word or phrase ends where the run of category ids that closes the line starts (quanteda
  reads it the same way): ``peace talks 5`` is the phrase ``peace talks`` in category 5, and
  ``top 10 5`` is ``top`` in categories 10 and 5, so a phrase that ends with a number needs a
  tab after it (an id missing from the category list is reported with that hint). ``*`` at a
  word's end is a prefix glob, as ours.
* Conditional rules of the older dictionaries, such as ``like  (02 134)125/464`` (category
  125 if the word before is in 02 or 134, else 464) or ``kind  <of>131/125`` (131 when followed
  by "of"), depend on neighbouring words, which a lexicon cannot express. Each is reported
  with its ``file:line`` (warning and ``lexicon.meta["unsupported"]``); the word keeps its
  plain categories.

A ``.dicx`` file is a CSV table: the first column holds the terms (header ``DicTerm``), then
one column per category with ``X`` where the term belongs to it, or a number (the weighted
variant: the term's weight in that category; ``0`` or empty means not in it).

Both can be written back (:func:`format_liwc`, :func:`format_dicx`); what they cannot hold
(languages, weights in ``.dic``, exclude patterns, case sensitivity) is named in a warning.
"""

from __future__ import annotations

import csv
import io
import math
import re

from framing.formats._common import Draft, is_comment, split_lines
from framing.lexicon import ANY_LANG, Lexicon

__all__ = ["read_liwc", "read_dicx", "format_liwc", "format_dicx"]

# A field after the word: a conditional rule (which may hold spaces inside its parentheses or
# angle brackets) or a plain token.
_FIELD_RE = re.compile(r"\([^)]*\)\S*|<[^>]*>\S*|\S+")
_LABEL_RE = re.compile(r"^(\S+)\s+\((.*)\)$")
# A conditional rule among the ids: "(02 134)125/464", "<of>131/125", "125/464".
_RULE_FIELD_RE = re.compile(r"^(?:\([^)]*\)|<[^>]*>)\S*$|^\d+/\d+$")
# A word written with a condition: "kind <of>".
_RULE_WORD_RE = re.compile(r"<[^>]*>")


def _id_key(text: str):
    """Category ids compare as numbers when they are numbers ('01' is 1)."""
    return int(text) if text.isdigit() else text


def read_liwc(text: str, draft: Draft) -> None:
    """Read a LIWC ``.dic`` file into ``draft`` (see the module docstring).

    Examples
    --------
    >>> from framing.formats import parse_dictionary
    >>> lex = parse_dictionary("%\\n1\\tharm\\n2\\tcare\\n%\\nkill*\\t1\\nshield\\t2 1\\n",
    ...                        format="liwc")
    >>> {name: [t.pattern for t in f.terms] for name, f in lex.frames.items()}
    {'harm': ['kill*', 'shield'], 'care': ['shield']}
    """
    lines = list(enumerate(split_lines(text), 1))
    rest = _skip_to_header(lines, draft)
    ids, rest = _read_header(rest, draft)
    for lineno, line in rest:
        stripped = line.strip()
        if stripped and not is_comment(line):
            _read_word(stripped, lineno, ids, draft)


def _skip_to_header(lines, draft: Draft):
    for k, (lineno, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped or is_comment(line):
            continue
        if stripped == "%":
            return lines[k:]
        draft.fail(lineno, f"expected a '%' line opening the list of categories; got "
                           f"{stripped[:40]!r} (is this a LIWC .dic file?)")
    draft.fail(1, "the file is empty: a LIWC .dic file starts with a '%' line, then the "
                  "categories, then another '%' line")


def _read_header(lines, draft: Draft):
    """The category list: id -> (path, line); and the lines after the closing '%'."""
    opened = lines[0][0]
    ids: dict = {}
    stack: list[str] = []
    for k, (lineno, line) in enumerate(lines[1:], 1):
        stripped = line.strip()
        if not stripped or is_comment(line):
            continue
        if stripped == "%":
            return ids, lines[k + 1:]
        parts = stripped.split(None, 1)
        if len(parts) < 2:
            draft.problem(lineno, f"a category line needs an id and a name, like '1\\tharm'; "
                                  f"got {stripped!r}")
            continue
        cid, rest = parts
        m = _LABEL_RE.match(rest.strip())
        name, label = (m.group(1), m.group(2).strip() or None) if m else (rest.strip(), None)
        indent = line[:len(line) - len(line.lstrip())]
        depth = indent.count("\t")
        if depth > len(stack):
            draft.problem(lineno, f"category {name!r} is indented {depth} tab(s), deeper than "
                                  f"one level below the category above it")
            depth = len(stack)
        stack[depth:] = [name]
        key = _id_key(cid)
        if key in ids:
            draft.problem(lineno, f"category id {cid} is declared twice (first at line "
                                  f"{ids[key][1]})")
            continue
        path = tuple(stack)
        if path in draft.categories:
            draft.problem(lineno, f"category name {name!r} is declared twice (first at line "
                                  f"{draft.categories[path].line})")
            continue
        ids[key] = (path, lineno)
        draft.category(path, lineno, label=label)
    draft.fail(opened, "the list of categories opened by this '%' line is never closed by "
                       "another '%' line")


def _split_word(stripped: str, ids: dict) -> tuple[str, list[str]]:
    """The word (or phrase) of an entry line and the fields after it."""
    if "\t" in stripped:
        word, rest = stripped.split("\t", 1)
        return word.strip(), _FIELD_RE.findall(rest)
    fields = _FIELD_RE.findall(stripped)
    for i in range(1, len(fields)):
        if all(_is_conditional(f) or _id_key(f) in ids or f.isdigit() for f in fields[i:]):
            return " ".join(fields[:i]), fields[i:]
    return " ".join(fields), []


def _is_conditional(field: str) -> bool:
    return _RULE_FIELD_RE.match(field) is not None


def _read_word(stripped: str, lineno: int, ids: dict, draft: Draft) -> None:
    word, fields = _split_word(stripped, ids)
    if _RULE_WORD_RE.search(word):
        draft.skip(lineno, f"conditional rule {' '.join(stripped.split())!r} cannot be "
                           "expressed (it depends on the neighbouring words); the line is left "
                           "out")
        return
    if not fields:
        draft.problem(lineno, f"{word!r} has no category ids after it; write the word, a tab, "
                              "then the ids of its categories")
        return
    paths, rules = [], []
    for k, field in enumerate(fields):
        if _is_conditional(field):
            rules.append(field)
            continue
        found = ids.get(_id_key(field))
        if found is None:
            known = ", ".join(str(k) for k in list(ids)[:12]) or "(none)"
            hint = ""
            if k == 0 and "\t" not in stripped and field.isdigit():
                hint = (f"; without a tab, the numbers after a word are its category ids: if "
                        f"'{word} {field}' is a phrase, write a tab after it")
            draft.problem(lineno, f"category id {field} of {word!r} is not in the category "
                                  f"list (ids: {known}){hint}")
            continue
        if found[0] not in paths:
            paths.append(found[0])
    for rule in rules:
        kept = (f"{word!r} keeps its other categories" if paths
                else f"{word!r} has no other category and is left out")
        draft.skip(lineno, f"conditional rule {rule!r} of {word!r} cannot be expressed (it "
                           f"depends on the neighbouring words); {kept}")
    for path in paths:
        draft.add(path, word, lineno)


# --------------------------------------------------------------------------- .dicx


def read_dicx(text: str, draft: Draft) -> None:
    """Read a LIWC-22 ``.dicx`` table into ``draft`` (see the module docstring).

    Examples
    --------
    >>> from framing.formats import parse_dictionary
    >>> lex = parse_dictionary("DicTerm,harm,care\\nkill*,X,\\nshield,X,X\\n", format="dicx")
    >>> [t.pattern for t in lex.frames["care"].terms]
    ['shield']
    """
    rows = csv.reader(io.StringIO("\n".join(split_lines(text))))
    header = None
    for row in rows:
        lineno = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = _dicx_header(row, lineno, draft)
            continue
        _dicx_row(row, lineno, header, draft)


def _dicx_header(row, lineno, draft: Draft) -> list:
    names = [cell.strip() for cell in row[1:]]
    if not names:
        draft.fail(lineno, "the header of a .dicx table needs a term column and at least one "
                           f"category column, like 'DicTerm,harm,care'; got {','.join(row)!r}")
    header = []
    for col, name in enumerate(names, 2):
        if not name:
            draft.problem(lineno, "a category column has no name", column=col)
        elif (name,) in draft.categories:
            draft.problem(lineno, f"category {name!r} is named twice", column=col)
        else:
            draft.category((name,), lineno)
        header.append((name,) if name else None)
    return header


def _dicx_row(row, lineno, header, draft: Draft) -> None:
    word = row[0].strip()
    if not word:
        draft.problem(lineno, "the term (first column) is empty", column=1)
        return
    if len(row) - 1 > len(header) and any(c.strip() for c in row[len(header) + 1:]):
        draft.problem(lineno, f"{word!r} has {len(row) - 1} category cells but the header "
                              f"names {len(header)} categories")
        return
    for col, (path, cell) in enumerate(zip(header, row[1:]), 2):
        cell = cell.strip()
        if not cell or path is None:
            continue
        if cell.upper() == "X":
            draft.add(path, word, lineno)
            continue
        try:
            weight = float(cell)
        except ValueError:
            weight = math.nan
        if not math.isfinite(weight):
            draft.problem(lineno, f"the cell of {word!r} in category {path[0]!r} must be X, "
                                  f"a number or empty; got {cell!r}", column=col)
        elif weight != 0:
            draft.add(path, word, lineno, weight=weight)


# --------------------------------------------------------------------------- writing


def _losses(lexicon: Lexicon, *, weights: bool) -> list[str]:
    """What a LIWC file cannot hold of a lexicon, in words (empty when nothing is lost)."""
    terms = lexicon.terms()
    out = []
    langs = sorted({t.lang for t in terms} - {ANY_LANG})
    if langs:
        out.append(f"the language of each pattern ({', '.join(langs)}): all patterns apply to "
                   "every language when read back")
    merged, first = 0, None
    for f in lexicon.frames.values():
        seen: dict = {}
        for t in f.terms:
            k = " ".join(t.pattern.split()).casefold()
            if k in seen:
                merged += 1
                first = first or (seen[k].pattern, t.pattern)
            else:
                seen[k] = t
    if merged:
        example = f"{first!r}" + (", ..." if merged > 1 else "")
        out.append(f"{merged} pattern(s) that a frame has in several languages or cases "
                   f"(e.g. {example}): each read back once")
    if weights:
        n = sum(t.weight != 1.0 for t in terms)
        if n:
            out.append(f"{n} weight(s) other than 1 (write .dicx to keep weights)")
    n = len(lexicon.terms(include_excludes=True)) - len(terms)
    if n:
        out.append(f"{n} exclude pattern(s)")
    n = sum(t.case_sensitive for t in terms)
    if n:
        out.append(f"case sensitivity of {n} pattern(s)")
    return out


def _check_name(name: str, *, dic: bool = True) -> str:
    """A frame name that a LIWC file can hold and give back unchanged, or an InputError."""
    why = None
    if not name.strip() or any(c in name for c in "\t\r\n"):
        why = "it is empty or holds a tab or line break"
    elif name != name.strip():
        why = "it starts or ends with a space"
    elif not dic:
        pass
    elif name == "%" or is_comment(name):
        why = "it would read back as a '%' line or a comment"
    elif _LABEL_RE.match(name):
        why = "it would read back as a name followed by a label in parentheses"
    if why:
        from framing.errors import InputError

        raise InputError(f"frame name {name!r} cannot be written to a LIWC file ({why}); "
                         "rename the frame first")
    return name


def format_liwc(lexicon: Lexicon) -> tuple[str, list[str]]:
    """The lexicon as LIWC ``.dic`` text, and what the format could not hold.

    Frames become categories numbered from 1 in lexicon order (a frame's label is written in
    parentheses after its name when they differ); every distinct pattern is written once,
    with the ids of all its frames.

    Examples
    --------
    >>> from framing.lexicon import parse_lexicon
    >>> lex = parse_lexicon('''
    ... name: tiny
    ... frames:
    ...   harm: {label: Harm, terms: {any: ["kill*", "shield"]}}
    ...   care: {terms: {any: ["shield"]}}
    ... ''')
    >>> text, lost = format_liwc(lex)
    >>> print(text, end="")
    %
    1	harm (Harm)
    2	care
    %
    kill*	1
    shield	1	2
    >>> lost
    []
    """
    lines, ids, lost_labels = ["%"], {}, 0
    for i, frame in enumerate(lexicon.frames.values(), 1):
        name = _check_name(frame.name)
        ids[frame.name] = i
        label = ""
        if frame.label and frame.label != name:
            if re.search(r"\s", name) or re.search(r"[()\r\n]", frame.label):
                lost_labels += 1
            else:
                label = f" ({frame.label})"
        lines.append(f"{i}\t{name}{label}")
    lines.append("%")
    words: dict[str, list[int]] = {}
    for frame in lexicon.frames.values():
        for term in frame.terms:
            cats = words.setdefault(" ".join(term.pattern.split()), [])
            if ids[frame.name] not in cats:
                cats.append(ids[frame.name])
    lines.extend(word + "\t" + "\t".join(map(str, cats)) for word, cats in words.items())
    lost = _losses(lexicon, weights=True)
    if lost_labels:
        lost.append(f"{lost_labels} frame label(s) that a LIWC category line cannot hold")
    return "\n".join(lines) + "\n", lost


def _number(weight: float) -> str:
    """A weight written short (``1``, ``-0.5``), yet read back exactly."""
    short = f"{weight:g}"
    return short if float(short) == weight else repr(weight)


def format_dicx(lexicon: Lexicon) -> tuple[str, list[str]]:
    """The lexicon as a LIWC-22 ``.dicx`` table, and what the format could not hold.

    Cells hold ``X`` when every weight is 1, else the weights (the weighted variant).

    Examples
    --------
    >>> from framing.lexicon import parse_lexicon
    >>> lex = parse_lexicon('''
    ... name: tiny
    ... frames:
    ...   harm: {terms: {any: ["kill*", "shield"]}}
    ...   care: {terms: {any: ["shield"]}}
    ... ''')
    >>> print(format_dicx(lex)[0], end="")
    DicTerm,harm,care
    kill*,X,
    shield,X,X
    """
    names = [_check_name(f.name, dic=False) for f in lexicon.frames.values()]
    weighted = any(t.weight != 1.0 for t in lexicon.terms())
    cells: dict[str, dict[str, str]] = {}
    for frame in lexicon.frames.values():
        for term in frame.terms:
            row = cells.setdefault(" ".join(term.pattern.split()), {})
            row.setdefault(frame.name, _number(term.weight) if weighted else "X")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["DicTerm", *names])
    for word, row in cells.items():
        writer.writerow([word, *(row.get(n, "") for n in names)])
    lost = _losses(lexicon, weights=False)
    labels = sum(f.label != f.name for f in lexicon.frames.values())
    if labels:
        lost.append(f"{labels} frame label(s) (a .dicx header holds names only)")
    return out.getvalue(), lost
