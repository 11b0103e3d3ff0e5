"""WordStat categorization dictionaries (``.cat``): categories nested by indentation.

::

    ECONOMY
    <TAB>+STATE+
    <TAB><TAB>ACCOMMODATION (1)
    <TAB><TAB>CARER* (1)
    <TAB>-STATE-
    <TAB><TAB>PRIVATI* (1)

* A line that has lines indented below it is a category; a line at the top level is always a
  category. Nested categories become frames named by the path, joined with ``.`` as quanteda
  does (``ECONOMY.+STATE+``); ``levels=`` chooses the levels kept (``levels=1``: ``ECONOMY``).
* Every other line is a pattern, with an optional weight in parentheses at its end
  (``CARER* (1)``; WordStat writes ``(1)`` for every entry) that becomes the term's weight.
  ``*`` at a word's end is a prefix glob; ``_`` joining words (``CIVIL_WAR``) is read as the
  space of a phrase and listed in ``lexicon.meta["rewritten"]``.
* Indentation is tabs, spaces or both (a tab counts to the next multiple of 8 columns, so
  ``"   <TAB>"`` is one level, as in files that put spaces before the tabs). Files are often
  CRLF and in a Windows code page: pass ``encoding="cp1252"`` when they are not UTF-8.
* A category with no pattern (``MODAL WORDS WEAK`` in Loughran-McDonald) cannot be a frame;
  it is reported in ``lexicon.meta["unsupported"]``.
"""

from __future__ import annotations

import re

from framing.formats._common import Draft, is_comment, split_lines

__all__ = ["read_wordstat"]

_WEIGHT_RE = re.compile(r"\s*\(\s*([-+]?\d+(?:[.,]\d+)?)\s*\)$")


def read_wordstat(text: str, draft: Draft) -> None:
    """Read a WordStat ``.cat`` dictionary into ``draft`` (see the module docstring).

    Examples
    --------
    >>> from framing.formats import parse_dictionary
    >>> lex = parse_dictionary("ECONOMY\\n\\t+STATE+\\n\\t\\tCARER* (1)\\n\\t\\tPOOR (2)\\n",
    ...                        format="wordstat")
    >>> [(t.frame, t.pattern, t.weight) for t in lex.terms()]
    [('ECONOMY.+STATE+', 'CARER*', 1.0), ('ECONOMY.+STATE+', 'POOR', 2.0)]
    """
    rows = []
    for lineno, line in enumerate(split_lines(text), 1):
        if line.strip() and not is_comment(line):
            indent = line[:len(line) - len(line.lstrip())]
            rows.append((lineno, len(indent.expandtabs(8)), line.strip()))
    stack: list[tuple[int, str]] = []
    for k, (lineno, width, content) in enumerate(rows):
        while stack and stack[-1][0] >= width:
            stack.pop()
        deeper = k + 1 < len(rows) and rows[k + 1][1] > width
        m = _WEIGHT_RE.search(content)
        if m is None and (deeper or not stack):
            stack.append((width, content))
            draft.category(tuple(name for _, name in stack), lineno)
            continue
        pattern = content[:m.start()].strip() if m else content
        if deeper:
            draft.problem(lineno, f"entry {content!r} has a weight, yet the lines below it are "
                                  "indented deeper: only a category (a line without a weight) "
                                  "may hold entries")
        elif not stack:
            draft.problem(lineno, f"entry {content!r} is not inside a category: indent it "
                                  "below a category line")
        elif not pattern:
            draft.problem(lineno, f"entry {content!r} has a weight but no pattern")
        else:
            weight = float(m.group(1).replace(",", ".")) if m else 1.0
            draft.add(tuple(name for _, name in stack), pattern, lineno, weight=weight)
