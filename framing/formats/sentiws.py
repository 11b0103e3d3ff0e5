"""Weighted word lists in the SentiWS style: ``word|POS<TAB>weight<TAB>inflection,inflection``.

::

    Abbau|NN<TAB>-0.058<TAB>Abbaus,Abbaues,Abbauen,Abbaue
    gut|ADJX<TAB>0.3716<TAB>gute,guter,gutes

* One file is one frame (SentiWS ships its positive and negative words as two files). The
  frame is named after the last ``_``-separated part of the file name
  (``sentiws_v1.8c_negative.txt`` gives ``negative``), or ``frame=`` when given.
* The word and each of its inflections become terms with the line's weight; the
  part-of-speech tag goes into each term's ``note`` (``POS NN``; ``inflection of Abbau, POS
  NN``). A form listed twice (SentiWS repeats some forms across lemmas) is kept once, with
  its first weight, and listed in ``lexicon.meta["duplicates"]``.
* The weight and the inflections may be missing, so a plain word list (one word per line)
  reads as a frame of terms with weight 1.
"""

from __future__ import annotations

import math

from framing.formats._common import Draft, is_comment, split_lines

__all__ = ["read_sentiws"]


def _frame_name(source: str) -> str:
    from pathlib import Path

    stem = Path(source).stem if source != "<string>" else "words"
    return stem.rsplit("_", 1)[-1] or stem


def read_sentiws(text: str, draft: Draft, *, frame: str | None = None) -> None:
    """Read a SentiWS-style weighted word list into ``draft`` (see the module docstring).

    Parameters
    ----------
    frame : str, optional
        The frame's name; by default the last ``_``-separated part of the file name.

    Examples
    --------
    >>> from framing.formats import parse_dictionary
    >>> lex = parse_dictionary("Abbau|NN\\t-0.058\\tAbbaus,Abbaue\\n", format="sentiws",
    ...                        frame="negative")
    >>> [(t.pattern, t.weight, t.note) for t in lex.frames["negative"].terms]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Abbau', -0.058, 'POS NN'), ('Abbaus', -0.058, 'inflection of Abbau, POS NN'),
     ('Abbaue', -0.058, 'inflection of Abbau, POS NN')]
    """
    name = (frame if frame is not None else _frame_name(draft.source)).strip()
    if not name:
        draft.fail(None, f"frame= must be a non-empty name; got {frame!r}")
    path = draft.category((name,), 1)
    for lineno, line in enumerate(split_lines(text), 1):
        if not line.strip() or is_comment(line):
            continue
        fields = line.strip().split("\t")
        if len(fields) > 3:
            draft.problem(lineno, f"expected at most 3 tab-separated fields (word|POS, weight, "
                                  f"inflections); got {len(fields)}")
            continue
        word, _, pos = fields[0].strip().partition("|")
        word, pos = word.strip(), pos.strip()
        if not word:
            draft.problem(lineno, "the word (before '|' in the first field) is empty", 1)
            continue
        weight = _weight(fields[1] if len(fields) > 1 else "", lineno, draft)
        if weight is None:
            continue
        draft.add(path, word, lineno, weight=weight, note=f"POS {pos}" if pos else "")
        note = f"inflection of {word}" + (f", POS {pos}" if pos else "")
        for form in (fields[2].split(",") if len(fields) > 2 else []):
            if form.strip():
                draft.add(path, form.strip(), lineno, weight=weight, note=note)


def _weight(cell: str, lineno: int, draft: Draft) -> float | None:
    cell = cell.strip()
    if not cell:
        return 1.0
    try:
        value = float(cell.replace(",", "."))
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        draft.problem(lineno, f"the weight (second field) must be a number; got {cell!r}")
        return None
    return value
