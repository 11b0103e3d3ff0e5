"""``framing lexicon import`` and ``export``: dictionary formats on the command line.

``framing/cli.py`` adds these sub-commands under ``framing lexicon`` through
:func:`register_cli`. They only call :func:`framing.formats.read_dictionary` and
:func:`framing.formats.write_dictionary`; warnings about what a format cannot express are
printed as ``framing: warning: ...`` lines on standard error.
"""

from __future__ import annotations

import argparse
import sys
import warnings

__all__ = ["register_cli"]


def _levels(text: str) -> list[int]:
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        values = []
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"expected levels like 1 or 1,3 (1 is the top "
                                         f"level); got {text!r}")
    return values


def register_cli(lexicon_subparsers) -> None:
    """Add ``import`` and ``export`` under ``framing lexicon``.

    Parameters
    ----------
    lexicon_subparsers : argparse._SubParsersAction
        What ``add_subparsers()`` returned for the ``lexicon`` command.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="framing lexicon")
    >>> register_cli(parser.add_subparsers(dest="command"))
    >>> args = parser.parse_args(["import", "mfd.dic", "-o", "mfd.yaml", "--levels", "1,3"])
    >>> args.func.__name__, args.levels
    ('_cli_import', [1, 3])
    """
    p = lexicon_subparsers.add_parser(
        "import", help="convert a LIWC, quanteda, Lexicoder, WordStat, Yoshikoder or SentiWS "
                       "dictionary into a lexicon",
        description="Read a dictionary of another tool and write it as a framing lexicon "
                    "(YAML), a LIWC .dic or a LIWC-22 .dicx. What the lexicon model cannot "
                    "express is listed as warnings and at the top of the YAML file.")
    p.add_argument("file", metavar="FILE", help="the dictionary file")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="where to write: .yaml/.yml (framing), .dic (LIWC) or .dicx (LIWC-22)")
    p.add_argument("--format", help="the input format when the extension does not tell: liwc, "
                                    "dicx, quanteda, lexicoder, wordstat, yoshikoder, sentiws")
    p.add_argument("--encoding", default="utf-8",
                   help="text encoding of FILE, e.g. cp1252 or latin-1 (default: utf-8)")
    p.add_argument("--lang", default="any",
                   help="ISO 639-1 language of every pattern (default: any language)")
    p.add_argument("--levels", type=_levels, metavar="N[,N...]",
                   help="levels of a nested dictionary that name the frames, e.g. 1 or 1,3")
    p.add_argument("--case-sensitive", action="store_true",
                   help="make every pattern case-sensitive")
    p.add_argument("--name", help="the lexicon's name (default: the file name)")
    p.add_argument("--frame", help="SentiWS word lists: the frame's name")
    p.add_argument("--force", action="store_true",
                   help="replace the output file if it exists")
    p.set_defaults(func=_cli_import)

    p = lexicon_subparsers.add_parser(
        "export", help="write a lexicon as YAML, LIWC .dic or LIWC-22 .dicx",
        description="Write a lexicon (a shipped name or a file in any supported format) as "
                    "framing YAML, a LIWC .dic or a LIWC-22 .dicx. What the output format "
                    "cannot hold is named in a warning.")
    p.add_argument("lexicon", metavar="LEXICON", help="a shipped lexicon name or a file")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="the file to write: .yaml/.yml, .dic or .dicx")
    p.add_argument("--to", dest="to_format", choices=["yaml", "liwc", "dicx"],
                   help="the output format when the extension does not tell")
    p.add_argument("--force", action="store_true",
                   help="replace the output file if it exists")
    p.set_defaults(func=_cli_export)


def _report(caught) -> None:
    for w in caught:
        text = str(w.message).replace("\n", "\n  ")
        print(f"framing: warning: {text}", file=sys.stderr)


def _cli_import(args) -> int:
    from framing.formats import read_dictionary, write_dictionary

    options = {"frame": args.frame} if args.frame is not None else {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from framing.cli import _check_output

        _check_output(args.output, [args.file], args.force)
        lex = read_dictionary(args.file, format=args.format, encoding=args.encoding,
                              lang=args.lang, levels=args.levels,
                              case_sensitive=args.case_sensitive, name=args.name, **options)
        out = write_dictionary(lex, args.output)
    _report(caught)
    left_out = len(lex.meta.get("unsupported", []))
    print(f"framing: wrote {out}: {len(lex.frames)} frames, {len(lex.terms())} patterns"
          + (f"; {left_out} entries of {args.file} could not be expressed (see the warning)"
             if left_out else ""), file=sys.stderr)
    return 0


def _cli_export(args) -> int:
    from framing.formats import write_dictionary
    from framing.lexicon import read_lexicon

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from framing.cli import _check_output
        from framing.lexicon import lexicon_path

        _check_output(args.output, [lexicon_path(args.lexicon)], args.force)
        lex = read_lexicon(args.lexicon)
        out = write_dictionary(lex, args.output, format=args.to_format)
    _report(caught)
    print(f"framing: wrote {out}: {len(lex.frames)} frames, {len(lex.terms())} patterns",
          file=sys.stderr)
    return 0
