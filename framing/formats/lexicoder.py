"""Lexicoder dictionaries (``.lc3``, and the older ``.lcd``): ``+CATEGORY`` lines, then patterns.

::

    +negative#AA0000
    a lie
    abandon*
    +positive#008800
    ability*

* A line starting with ``+`` opens a category; a colour suffix such as ``#AA0000`` is not part
  of the name and is kept in ``lexicon.meta["colours"]``.
* Every other line is a pattern of the category above it: a word or a phrase, with ``*`` at a
  word's end as a prefix glob. Leading spaces (some distributed files indent every
  pattern) and any line ending are accepted.
* A pattern before the first ``+CATEGORY`` line is an error.
"""

from __future__ import annotations

import re

from framing.formats._common import Draft, is_comment, split_lines

__all__ = ["read_lexicoder"]

_COLOUR_RE = re.compile(r"\s*(#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3}))$")


def read_lexicoder(text: str, draft: Draft) -> None:
    """Read a Lexicoder dictionary into ``draft`` (see the module docstring).

    Examples
    --------
    >>> from framing.formats import parse_dictionary
    >>> lex = parse_dictionary("+negative#AA0000\\na lie\\nabandon*\\n+positive\\nability*\\n",
    ...                        format="lexicoder")
    >>> [t.pattern for t in lex.frames["negative"].terms], lex.meta["colours"]
    (['a lie', 'abandon*'], {'negative': '#AA0000'})
    """
    current = None
    colours: dict[str, str] = {}
    for lineno, line in enumerate(split_lines(text), 1):
        stripped = line.strip()
        if not stripped or is_comment(line):
            continue
        if stripped.startswith("+"):
            name = stripped[1:].strip()
            m = _COLOUR_RE.search(name)
            if m:
                name = name[:m.start()].strip()
            if not name:
                draft.problem(lineno, f"category line {stripped!r} has no name; write "
                                      "'+name' (a colour like '#AA0000' may follow)")
                current = None
                continue
            current = draft.category((name,), lineno)
            if m:
                colours.setdefault(name, m.group(1))
        elif current is None:
            if not draft.categories:
                draft.problem(lineno, f"pattern {stripped!r} comes before the first "
                                      "'+CATEGORY' line")
        else:
            draft.add(current, stripped, lineno)
    if colours:
        draft.meta["colours"] = colours
