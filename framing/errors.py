"""Errors raised by `framing`.

Every problem with user input is an :class:`InputError` whose message starts with the
location, compiler-style (``path:line:column: message``), so that a researcher can jump
straight to the bad row of a corpus or the bad entry of a lexicon.
"""

from __future__ import annotations

__all__ = ["FramingError", "InputError", "ProblemsError", "LexiconError", "CorpusError"]


class FramingError(Exception):
    """Base class of every error `framing` raises on purpose."""


def format_location(path=None, line=None, column=None) -> str:
    """Return ``path:line:column`` with the parts that are known, or ``""``."""
    parts = [str(p) for p in (path, line, column) if p is not None]
    return ":".join(parts)


class InputError(FramingError, ValueError):
    """A file, table or argument given to `framing` is not valid.

    Parameters
    ----------
    message : str
        What is wrong, what was expected and, where known, how to fix it.
    path, line, column : optional
        Where the problem is (1-based line and column).
    """

    def __init__(self, message: str, *, path=None, line=None, column=None):
        self.path = None if path is None else str(path)
        self.line = line
        self.column = column
        self.reason = message
        where = format_location(self.path, line, column)
        super().__init__(f"{where}: {message}" if where else message)


class ProblemsError(InputError):
    """Several problems found in one input; all are listed in the message.

    ``problems`` holds each problem as a ``file:line: message`` string (at most
    ``MAX_SHOWN`` are printed; the count of the rest follows). ``hint``, when given, is a
    last line saying how to fix or skip them.
    """

    MAX_SHOWN = 25
    what = "input"

    def __init__(self, problems: list[str], *, path=None, hint: str | None = None):
        self.problems = list(problems)
        self.hint = hint
        n = len(self.problems)
        noun = f"{n} problem{'s' if n != 1 else ''} in {self.what}"
        head = f"{noun} {path}:" if path else f"{noun}:"
        shown = ["  " + p for p in self.problems[: self.MAX_SHOWN]]
        if n > self.MAX_SHOWN:
            shown.append(f"  ... and {n - self.MAX_SHOWN} more")
        FramingError.__init__(self, "\n".join([head, *shown, *([hint] if hint else [])]))
        self.path = None if path is None else str(path)
        self.line = self.column = None
        self.reason = head


class LexiconError(ProblemsError):
    """A lexicon file has one or more problems; all are listed in the message."""

    what = "lexicon"


class CorpusError(ProblemsError):
    """A corpus has one or more bad rows; all are listed in the message."""

    what = "corpus"
