"""Yoshikoder dictionaries (``.ykd``): XML with nested category nodes and pattern nodes.

::

    <dictionary style="050805" patternengine="substring">
      <cnode name="War frames" desc="">
        <cnode name="INVASION" desc="The war as an invasion">
          <pnode name="invad*"/>
          <pnode name="full-scale war"/>
        </cnode>
      </cnode>
    </dictionary>

* ``cnode`` elements are categories (nested ones are named by their path joined with ``.``;
  ``levels=`` chooses the levels kept), ``desc`` becomes the frame's description, and each
  ``pnode``'s ``name`` is a pattern of the category around it.
* Yoshikoder wraps the whole dictionary in one root ``cnode`` named after the dictionary.
  When the ``dictionary`` element holds exactly one ``cnode``, which holds categories and no
  pattern of its own, that root is unwrapped: its name becomes the lexicon's description and
  its children the top-level categories.
* Parsing is safe: the file is read with the standard library's expat parser and a document
  type declaration (``<!DOCTYPE``), which is what entity definitions need, is refused, so no
  entity is ever expanded (no "billion laughs", no external files). Other elements are
  reported as unsupported.
"""

from __future__ import annotations

from xml.parsers import expat

from framing.formats._common import Draft

__all__ = ["read_yoshikoder"]


class _Refused(Exception):
    pass


class _Walker:
    """Collects categories and patterns with their lines while expat parses."""

    def __init__(self, parser, draft: Draft):
        self.parser = parser
        self.draft = draft
        self.stack: list = []          # element names, with the cnode names alongside
        self.path: list[str] = []
        self.cnodes: list = []         # (path, line, desc)
        self.pnodes: list = []         # (path, pattern, line)
        self.roots = 0

    def start(self, tag: str, attrs: dict) -> None:
        line = self.parser.CurrentLineNumber
        column = self.parser.CurrentColumnNumber + 1
        if tag == "dictionary":
            if self.stack:
                self.draft.problem(line, "<dictionary> inside another element", column)
        elif tag == "cnode":
            name = (attrs.get("name") or "").strip()
            if not name:
                self.draft.problem(line, "<cnode> needs a non-empty name attribute", column)
                name = "?"
            if not self.path:
                self.roots += 1
            self.path.append(name)
            self.cnodes.append((tuple(self.path), line, (attrs.get("desc") or "").strip()))
        elif tag == "pnode":
            pattern = (attrs.get("name") or "").strip()
            if not pattern:
                self.draft.problem(line, "<pnode> needs a non-empty name attribute", column)
            elif not self.path:
                self.draft.problem(line, f"pattern {pattern!r} is not inside a <cnode> "
                                         "category", column)
            else:
                self.pnodes.append((tuple(self.path), pattern, line))
        else:
            self.draft.skip(line, f"element <{tag}> is not part of the Yoshikoder format; "
                                  "it is left out")
        self.stack.append(tag)

    def end(self, tag: str) -> None:
        self.stack.pop()
        if tag == "cnode":
            self.path.pop()

    def refuse(self, *args) -> None:
        raise _Refused()


def read_yoshikoder(text: str, draft: Draft) -> None:
    """Read a Yoshikoder ``.ykd`` dictionary into ``draft`` (see the module docstring).

    Examples
    --------
    >>> from framing.formats import parse_dictionary
    >>> lex = parse_dictionary('''<dictionary><cnode name="Mine">
    ...   <cnode name="INVASION" desc="War as invasion"><pnode name="invad*"/></cnode>
    ... </cnode></dictionary>''', format="yoshikoder")
    >>> list(lex.frames), lex.frames["INVASION"].description
    (['INVASION'], 'War as invasion')
    """
    parser = expat.ParserCreate("UTF-8")
    walker = _Walker(parser, draft)
    parser.StartElementHandler = walker.start
    parser.EndElementHandler = walker.end
    parser.StartDoctypeDeclHandler = walker.refuse
    parser.EntityDeclHandler = walker.refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(text.encode("utf-8"), True)
    except _Refused:
        draft.fail(parser.CurrentLineNumber, "the file declares a document type "
                   "(<!DOCTYPE ...>); dictionaries with DTDs or entity definitions are refused "
                   "for safety: delete the declaration")
    except expat.ExpatError as exc:
        draft.fail(exc.lineno, f"not well-formed XML: {expat.ErrorString(exc.code)}",
                   column=exc.offset + 1)
    cut = 0
    if walker.roots == 1 and walker.cnodes and not any(len(p) == 1 for p, _, _ in walker.pnodes) \
            and any(len(p) > 1 for p, _, _ in walker.cnodes):
        cut = 1
        draft.title = walker.cnodes[0][0][0]
    for path, line, desc in walker.cnodes:
        if len(path) > cut:
            draft.category(path[cut:], line, description=desc)
    for path, pattern, line in walker.pnodes:
        draft.add(path[cut:], pattern, line)
