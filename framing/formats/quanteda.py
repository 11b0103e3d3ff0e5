"""quanteda's YAML dictionaries: keys, possibly nested, mapping to lists of patterns.

::

    EUROPE:
      EAST:
        UA: [Ukraine, Ukrainian*, Kiev, Kyiv]
        RU: [Russia, Russian*, Moscow]

* Nested keys become frames named by their path joined with ``.``, as quanteda flattens them
  (``EUROPE.EAST.UA``). ``levels=`` keeps only some levels, like quanteda's ``levels=``:
  ``levels=1`` merges everything under ``EUROPE``; ``levels=3`` gives ``UA`` and ``RU``;
  ``levels=[1, 3]`` gives ``EUROPE.UA``. A category above the chosen levels keeps its own
  name.
* A value is a list of patterns, a single pattern, or a mapping of sub-keys; a list may mix
  patterns and mappings (``- sub: [...]``). An empty key (``''``) holds the patterns of its
  parent. Keys are read as written (``NO`` stays ``NO``, not YAML's ``false``).
* Patterns are quanteda globs: ``*`` at a word's end is supported; ``*`` elsewhere and ``?``
  cannot be matched and are reported.
* A file with a top-level ``frames:`` key is this project's own format and is read by
  :func:`framing.lexicon.read_lexicon` instead. A file without it whose top level has keys
  of that format (``name``, ``version``, a misspelt ``frames`` such as ``frame``, frames with
  ``terms:`` by language) is refused with the key's line and column, unless
  ``format="quanteda"`` is given. YAML aliases are refused.
"""

from __future__ import annotations

import yaml

from framing import _yaml
from framing.formats._common import Draft

__all__ = ["read_quanteda"]


def read_quanteda(text: str, draft: Draft) -> None:
    """Read a quanteda YAML dictionary into ``draft`` (see the module docstring).

    Examples
    --------
    >>> from framing.formats import parse_dictionary
    >>> text = "EUROPE:\\n  EAST:\\n    UA: [Ukraine, Kyiv]\\n    RU: Moscow\\n"
    >>> list(parse_dictionary(text, format="quanteda").frames)
    ['EUROPE.EAST.UA', 'EUROPE.EAST.RU']
    >>> list(parse_dictionary(text, format="quanteda", levels=1).frames)
    ['EUROPE']
    """
    try:
        docs, alias = _yaml.compose(text, single=False)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        reason = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc)
        if isinstance(exc, yaml.reader.ReaderError):
            reason = (f"character {chr(exc.character)!r} is not allowed in YAML"
                      if isinstance(exc.character, int) else str(exc))
            line = text.count("\n", 0, exc.position) + 1
            draft.fail(line, f"invalid YAML: {reason}")
        draft.fail(mark.line + 1 if mark else None, f"invalid YAML: {reason}",
                   column=mark.column + 1 if mark else None)
    if alias is not None:
        draft.fail(alias.start_mark.line + 1, f"YAML aliases (*{alias.anchor}) are not "
                   "allowed in a dictionary; write the values out")
    docs = [d for d in docs if d is not None]
    if not docs:
        return
    if len(docs) > 1:
        draft.problem(docs[1].start_mark.line + 1, "the file holds several YAML documents "
                                                   "('---'); a dictionary is one mapping")
    root = docs[0]
    if not isinstance(root, yaml.MappingNode):
        draft.fail(root.start_mark.line + 1, "a quanteda dictionary is a mapping of keys to "
                   f"lists of patterns; got {_kind(root)}")
    _mapping(root, (), draft)


def _kind(node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"{node.value!r}"


def _line(node) -> int:
    return node.start_mark.line + 1


def _mapping(node, path: tuple, draft: Draft) -> None:
    seen: dict[str, int] = {}
    for knode, vnode in node.value:
        if not isinstance(knode, yaml.ScalarNode):
            draft.problem(_line(knode), f"keys must be plain text; got {_kind(knode)}")
            continue
        key = knode.value.strip()
        if key in seen:
            draft.problem(_line(knode), f"duplicate key {key!r} (first at line {seen[key]})")
            continue
        seen[key] = _line(knode)
        if not key and not path:
            draft.problem(_line(knode), "an empty key at the top level has no parent "
                                        "category to hold its patterns")
            continue
        sub = path + (key,) if key else path
        draft.category(sub, _line(knode))
        _value(vnode, sub, draft)


def _value(node, path: tuple, draft: Draft) -> None:
    if isinstance(node, yaml.MappingNode):
        _mapping(node, path, draft)
    elif isinstance(node, yaml.ScalarNode):
        if not node.tag.endswith(":null"):
            draft.add(path, node.value, _line(node))
    else:
        for item in node.value:
            if isinstance(item, yaml.MappingNode):
                _mapping(item, path, draft)
            elif isinstance(item, yaml.SequenceNode):
                draft.problem(_line(item), f"a list inside the list of {'.'.join(path)!r}: "
                                           "write patterns, or 'key: [patterns]' mappings")
            elif item.tag.endswith(":null"):
                draft.skip(_line(item), f"an empty entry in {'.'.join(path)!r} is left out")
            else:
                draft.add(path, item.value, _line(item))
