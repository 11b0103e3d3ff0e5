"""The ``framing`` command: figures, hits, score, compare, kwic, lexicon, collect.

It only composes the public functions of the package, so the command line, the notebooks
and the figures folder cannot disagree. Errors in the input are printed as one clear
message (file, line, what was expected) and exit with status 2; no traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
import warnings
from pathlib import Path

import pandas as pd

from framing.errors import FramingError, InputError

__all__ = ["main", "build_parser", "write_table", "read_table"]

#: Modules that add sub-commands through ``register_cli(subparsers)``, if present.
_PLUGINS = {"lexicon": ("framing.lexicon_tools", "framing.formats.cli"),
            "top": ("framing.collect",)}


def _corpus_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("corpus columns")
    g.add_argument("--text", default="text", help="column holding the article text")
    g.add_argument("--doc-id", default=None, help="column of unique ids (default doc_id/id)")
    g.add_argument("--source", default="source", help="column naming the outlet")
    g.add_argument("--date", default="date", help="column of publication dates")
    g.add_argument("--date-format", default=None, metavar="FORMAT",
                   help="strptime format of every date, e.g. '%%d.%%m.%%Y' or '%%m/%%d/%%Y' "
                   "(default: ISO 8601, RFC 2822 and month names only)")
    g.add_argument("--lang", default="lang", help="column of ISO 639-1 language codes")
    g.add_argument("--encoding", default="utf-8", help="text encoding of the corpus file")
    g.add_argument("--drop-empty", action="store_true",
                   help="drop articles with empty text instead of stopping")


def _jobs(value: str) -> int:
    """``-j N``: worker processes, counted as ``n_jobs`` of :func:`framing.find_hits`."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {value!r}") from None
    if n == 0:
        raise argparse.ArgumentTypeError(
            "0 workers: use 1, 2, ..., or a negative number counting back from the cores "
            "(-1: every core, -2: every core but one)")
    return n


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more; got {n}")
    return n


def _jobs_option(p) -> None:
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="worker processes (-1: every core, -2: every core but one, ...; "
                   "default: 1)")


def _read_corpus_args(args, path=None):
    from framing.corpus import read_corpus

    return read_corpus(path or args.corpus, **_corpus_kwargs(args))


def _corpus_kwargs(args) -> dict:
    return {"text": args.text, "doc_id": args.doc_id, "source": args.source,
            "date": args.date, "lang": args.lang, "encoding": args.encoding,
            "empty": "drop" if args.drop_empty else "error", "date_format": args.date_format}


def write_table(df: pd.DataFrame, path) -> Path:
    """Write a table as CSV, TSV, JSONL or Parquet (by extension), atomically.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> table = pd.DataFrame({"doc_id": ["a"], "date": pd.to_datetime(["2024-03-05"], utc=True)})
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_table(table, pathlib.Path(tmp) / "table.parquet").name
    'table.parquet'
    """
    from framing._io import atomic_path

    path = Path(path)
    suffix = path.suffix.lower()
    writers = {
        ".csv": lambda p: df.to_csv(p, index=False),
        ".tsv": lambda p: df.to_csv(p, index=False, sep="\t"),
        ".jsonl": lambda p: df.to_json(p, orient="records", lines=True, force_ascii=False,
                                       date_format="iso"),
        ".parquet": lambda p: df.to_parquet(p, index=False),
    }
    if suffix not in writers:
        raise InputError(f"cannot write {suffix or 'a file without extension'!r}; use .csv, "
                         ".tsv, .jsonl or .parquet", path=path)
    try:
        with atomic_path(path) as tmp:
            writers[suffix](tmp)
    except OSError as exc:
        raise InputError(f"cannot write the file: {exc.strerror or exc}", path=path) from None
    return path


def read_table(path) -> pd.DataFrame:
    """Read a table written by :func:`write_table` (dates parsed back to UTC).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> table = pd.DataFrame({"doc_id": ["a"], "date": pd.to_datetime(["2024-03-05"], utc=True)})
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     back = read_table(write_table(table, pathlib.Path(tmp) / "table.csv"))
    >>> back["doc_id"].tolist(), str(back["date"].dt.tz)
    (['a'], 'UTC')
    """
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", path=path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            df = pd.read_parquet(path)
        elif suffix in (".csv", ".tsv"):
            df = pd.read_csv(path, sep="\t" if suffix == ".tsv" else ",")
        elif suffix == ".jsonl":
            df = pd.read_json(path, lines=True)
        else:
            raise InputError(f"cannot read {suffix!r}; use .csv, .tsv, .jsonl or .parquet",
                             path=path)
    except (ValueError, OSError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(f"cannot read the table: {exc}", path=path) from None
    if "date" in df.columns:
        df["date"] = pd.to_datetime(df["date"], utc=True, errors="coerce", format="mixed")
    if "doc_id" in df.columns:
        df["doc_id"] = df["doc_id"].astype(str)
    return df


def _check_output(output, inputs=(), force: bool = False) -> Path:
    """Refuse an output file that is one of the inputs, a folder, or (without ``--force``)
    an existing file; make its folder if it is missing."""
    out = Path(output)
    for given in inputs:
        if given and Path(given).exists() and out.exists() and out.samefile(given):
            raise InputError("the output is the input file: writing it would destroy the "
                             "input; choose another output file", path=out)
    if out.is_dir():
        raise InputError("the output is a folder; give a file name such as "
                         f"{out / 'hits.parquet'}", path=out)
    if out.exists() and not force:
        raise InputError("the output file exists; pass --force to replace it, or choose "
                         "another file", path=out)
    parent = out.parent
    if parent.exists() and not parent.is_dir():
        raise InputError(f"cannot write into {parent}: it is a file, not a folder", path=out)
    parent.mkdir(parents=True, exist_ok=True)
    return out


def _cmd_figures(args) -> int:
    from framing.figures import make_figures

    corpus_options = _corpus_kwargs(args) if args.corpus else None
    written = make_figures(corpus=args.corpus, lexicon=args.lexicon, out=args.out,
                           names=args.only, by=args.by, seed=args.seed, n_boot=args.n_boot,
                           force=args.force, corpus_options=corpus_options,
                           progress=not args.quiet, target=args.target, since=args.since,
                           until=args.until, sources=args.sources, n_jobs=args.jobs)
    for p in written:
        print(p)
    return 0


def _cmd_hits(args) -> int:
    from framing.detect import find_hits

    _check_output(args.output, [args.corpus], args.force)
    corpus = _read_corpus_args(args)
    hits = find_hits(corpus, args.lexicon, progress=None if not args.quiet else False,
                     n_jobs=args.jobs)
    write_table(hits, args.output)
    print(f"{len(hits)} hits in {hits['doc_id'].nunique()} of {len(corpus)} articles "
          f"-> {args.output}", file=sys.stderr)
    return 0


def _cmd_score(args) -> int:
    from framing.scale import stream_scores

    out = _check_output(args.output, [args.corpus], args.force)
    try:
        negated = None if args.negated is None else args.negated == "yes"
        result = stream_scores(args.corpus, args.lexicon, out, chunk_size=args.chunk_size,
                               resume=not args.restart, n_jobs=args.jobs,
                               voice=args.voice, negated=negated,
                               progress=None if not args.quiet else False,
                               **_corpus_kwargs(args))
    except KeyboardInterrupt:
        print(f"framing: finished chunks are kept in {out}.partial/; run the same command "
              "again to resume", file=sys.stderr)
        raise
    resumed = (f" ({result.resumed} of {result.chunks} chunks from the interrupted run)"
               if result.resumed else "")
    print(f"{result.documents} articles x {result.frames} frames -> {out}{resumed}",
          file=sys.stderr)
    return 0


def _cmd_compare(args) -> int:
    from framing.compare import compare_groups
    from framing.schema import SCORES_COLUMNS

    if args.output:
        _check_output(args.output, [args.scores], args.force)
    scores = read_table(args.scores)
    missing = [c for c in ("doc_id", "frame", "count", args.measure) if c not in scores]
    if missing:
        raise InputError(f"not a scores table (written by `framing score`): missing "
                         f"column(s) {', '.join(missing)}; a scores table has "
                         f"{', '.join(SCORES_COLUMNS)}, then the corpus's columns",
                         path=args.scores)
    table = compare_groups(scores, by=args.by, measure=args.measure, n_boot=args.n_boot,
                           seed=args.seed)
    if args.output:
        write_table(table, args.output)
    else:
        cols = ["group", "frame", "n_docs", "mean", "ci_low", "ci_high", "share_docs"]
        print(table[cols].to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    return 0


def _cmd_kwic(args) -> int:
    from framing.kwic import kwic

    corpus = _read_corpus_args(args)
    lines = kwic(corpus, args.pattern, lexicon=args.lexicon, window=args.window)
    if args.limit is not None:
        lines = lines.head(args.limit)
    if lines.empty:
        print("no matches", file=sys.stderr)
        return 0
    width = max(lines["left"].str.len().max(), 1)
    for row in lines.itertuples(index=False):
        print(f"{row.doc_id}\t{row.left:>{width}} [{row.match}] {row.right}")
    return 0


def _cmd_lexicon_list(args) -> int:
    from framing.lexicon import read_lexicon, shipped_lexicons

    for name, path in shipped_lexicons().items():
        lex = read_lexicon(path)
        print(f"{name}\t{lex.version_id}\t{len(lex.frames)} frames\t"
              f"{len(lex.terms())} patterns\t{', '.join(lex.languages)}")
    return 0


def _cmd_lexicon_show(args) -> int:
    from framing.lexicon import read_lexicon

    lex = read_lexicon(args.lexicon)
    print(repr(lex))
    for name, f in lex.frames.items():
        by_lang = {}
        for t in f.terms:
            by_lang[t.lang] = by_lang.get(t.lang, 0) + 1
        counts = ", ".join(f"{k} {v}" for k, v in sorted(by_lang.items()))
        print(f"  {name:28} {f.label} [{f.dimension}] ({counts})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``framing`` command.

    Examples
    --------
    >>> args = build_parser().parse_args(["compare", "scores.parquet", "--by", "lang"])
    >>> args.by, args.measure, args.n_boot
    ('lang', 'rate', 2000)
    """
    parser = argparse.ArgumentParser(
        prog="framing", description="Measure how news media frame events with lexicons of "
        "loaded words.")
    from framing import __version__

    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("figures", help="regenerate every figure (default: bundled sample)")
    p.add_argument("--corpus", help="corpus file or folder (default: the bundled sample)")
    p.add_argument("--lexicon", default="ukraine_war", help="shipped name or path")
    p.add_argument("--out", default="figures", help="output folder (default: figures)")
    p.add_argument("--only", nargs="+", metavar="NAME", help="only these figures")
    p.add_argument("--by", default="source", help="grouping column (default: source)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--n-boot", type=int, default=2000)
    p.add_argument("--since", help="first day to keep, e.g. 2022-06-01")
    p.add_argument("--until", help="last day to keep, e.g. 2022-09-30")
    p.add_argument("--sources", nargs="+", metavar="NAME", help="only these groups")
    p.add_argument("--target", help="the group the keyness figure sets apart")
    p.add_argument("--force", action="store_true", help="replace files not made by framing")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _jobs_option(p)
    _corpus_options(p)
    p.set_defaults(func=_cmd_figures)

    for name, func, help_ in (("hits", _cmd_hits, "write the hits table"),
                              ("score", _cmd_score, "write document x frame scores")):
        p = sub.add_parser(name, help=help_)
        p.add_argument("corpus", help="corpus file or folder")
        p.add_argument("--lexicon", default="ukraine_war", help="shipped name or path")
        p.add_argument(*(("-o", "--output", "--out") if name == "score" else ("-o", "--output")),
                       dest="output", required=True,
                       help="output file (.csv, .tsv, .jsonl, .parquet)")
        p.add_argument("--force", action="store_true", help="replace the output file if it "
                       "exists")
        p.add_argument("--quiet", action="store_true", help="no progress bar")
        if name == "hits":
            _jobs_option(p)
        if name == "score":
            g = p.add_argument_group("scale (the corpus is read in chunks, in flat memory)")
            g.add_argument("--chunk-size", type=int, default=5000, metavar="N",
                           help="documents per chunk (default: 5000)")
            _jobs_option(g)
            g.add_argument("--restart", action="store_true",
                           help="ignore an interrupted run's finished chunks and start over "
                           "(by default the run resumes from them)")
            g = p.add_argument_group("context filters (which hits count; each hit's context "
                                     "is read while it is found)")
            g.add_argument("--voice", action="append", choices=["author", "quote",
                                                                 "scare_quote"],
                           help="count only hits in this voice (repeat for several)")
            g.add_argument("--negated", choices=["yes", "no"],
                           help="count only negated (yes) or affirmed (no) hits")
        _corpus_options(p)
        p.set_defaults(func=func)

    p = sub.add_parser("compare", help="group x frame means with bootstrap intervals")
    p.add_argument("scores", help="scores table written by `framing score`")
    p.add_argument("--by", default="source", help="grouping column (default: source)")
    p.add_argument("--measure", default="rate", choices=["rate", "count", "weight"])
    p.add_argument("--n-boot", type=int, default=2000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("-o", "--output", help="output file (default: print a table)")
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.set_defaults(func=_cmd_compare)

    p = sub.add_parser("kwic", help="keyword in context for a frame or a pattern")
    p.add_argument("corpus", help="corpus file or folder")
    p.add_argument("pattern", help="a frame name of the lexicon, or a pattern like 'invader*'")
    p.add_argument("--lexicon", default="ukraine_war")
    p.add_argument("--window", type=int, default=8, help="words of context on each side")
    p.add_argument("-n", "--limit", type=_positive, default=None, metavar="N",
                   help="show at most N lines (default: all)")
    _corpus_options(p)
    p.set_defaults(func=_cmd_kwic)

    p = sub.add_parser("lexicon", help="list, show, check and build lexicons")
    lsub = p.add_subparsers(dest="lexicon_command", metavar="ACTION")
    lsub.required = True
    q = lsub.add_parser("list", help="the shipped lexicons")
    q.set_defaults(func=_cmd_lexicon_list)
    q = lsub.add_parser("show", help="frames and pattern counts of a lexicon")
    q.add_argument("lexicon", nargs="?", default="ukraine_war")
    q.set_defaults(func=_cmd_lexicon_show)
    _plugins(lsub, "lexicon")
    _plugins(sub, "top")
    return parser


def _plugins(subparsers, where: str) -> None:
    for module in _PLUGINS[where]:
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and module.startswith(exc.name):
                continue
            raise
        register = getattr(mod, "register_cli", None)
        if register is not None:
            register(subparsers)


# Messages name the Python arguments (text='<column>', empty='drop'); on the command line the
# options that set them are meant. Written for this project.
_OPTION_NAMES = [
    (re.compile(r"\b(text|doc_id|source|date|lang|title|url)='<column>'"),
     lambda m: f"--{m.group(1).replace('_', '-')} COLUMN"),
    (re.compile(r"\bempty='drop'"), lambda m: "--drop-empty"),
    (re.compile(r"\bencoding='([^']*)'"), lambda m: f"--encoding {m.group(1)}"),
    (re.compile(r"\bencoding= ?"), lambda m: "--encoding "),
    (re.compile(r"\bdate_format=(?:'([^']*)')?"),
     lambda m: f"--date-format '{m.group(1)}'" if m.group(1) else "--date-format "),
    # the parameters the commands take as options of the same name (`n` is `-n`)
    (re.compile(r"The '(by|target|frame|measure|scope|window|n|per_cell|seed|level|code|"
                r"min_count|key|sources|voice|negated)' parameter of \w+"),
     lambda m: "-n" if m.group(1) == "n" else f"--{m.group(1).replace('_', '-')}"),
    (re.compile(r"\b(by|target|frames?)='([^']*)'"),
     lambda m: f"--{'frame' if m.group(1).startswith('frame') else m.group(1)} {m.group(2)}"),
    (re.compile(r"a 'target' but no 'by'"), lambda m: "--target but no --by"),
]


_CLI_ASIDE = re.compile(r" \(on the command line: [^)]*\)|\nOn the command line, [^\n]*")


def _for_cli(message: str) -> str:
    """``message`` with the Python argument names replaced by the command's options (and
    the asides that named the options for Python users dropped)."""
    message = _CLI_ASIDE.sub("", message)
    for pattern, replace in _OPTION_NAMES:
        message = pattern.sub(replace, message)
    return message


def _print_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings, for a command-line user: the message, not the Python source line (and the
    kind of warning when it is not an ordinary one, e.g. a RuntimeWarning from numpy)."""
    kind = "" if category is UserWarning else f"{category.__name__}: "
    print(f"framing: warning: {kind}{_for_cli(str(message))}", file=sys.stderr)


def main(argv=None) -> int:
    """Run the ``framing`` command; returns the exit status.

    Examples
    --------
    >>> main(["kwic", "missing.csv", "invader*"])   # the error message goes to stderr
    2
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _print_warning
            return int(args.func(args) or 0)
    except FramingError as exc:
        print(f"framing: error: {_for_cli(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("framing: interrupted; outputs already written are complete, nothing was "
              "half-written", file=sys.stderr)
        return 130
    except BrokenPipeError:             # `framing ... | head`: the reader has stopped reading
        try:                            # (and Python's final flush of stdout must not fail)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):     # stdout is not a real file
            pass
        return 141                      # what a shell reports for a program ended by SIGPIPE
    except OSError as exc:              # an output that cannot be written: no traceback
        if exc.filename is None:
            raise
        print(f"framing: error: {exc.filename}: cannot write or read: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
