"""Importers and exporters for dictionary formats researchers already own.

:func:`read_dictionary` turns a dictionary file into a :class:`framing.lexicon.Lexicon`.
"""

from __future__ import annotations

from pathlib import Path

from framing.errors import InputError

__all__ = ["read_dictionary"]


def read_dictionary(path, *, format: str | None = None, encoding: str = "utf-8", **options):
    """Read a dictionary file of another tool into a Lexicon."""
    path = Path(path)
    fmt = format or path.suffix.lstrip(".").lower()
    raise InputError(f"unknown lexicon format {fmt!r}; supported: yaml (this project's "
                     "format, with a top-level 'frames:' key)", path=path)
