"""Corpora: read articles from CSV, TSV, JSONL, Parquet, folders of text, or a DataFrame.

:func:`read_corpus` returns the corpus table (see :mod:`framing.schema`) and checks every
row: a problem is reported with its file and line (or row), all problems at once.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from framing.errors import CorpusError, InputError
from framing.text import detect_language

__all__ = ["read_corpus", "validate_corpus", "select_corpus", "sample_corpus_path",
           "CORPUS_FORMATS"]

#: File extensions read by :func:`read_corpus`, and the format each means.
CORPUS_FORMATS = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".parquet": "parquet", ".pq": "parquet",
}
_TEXT_SUFFIXES = (".txt", ".md")
_CANONICAL = ("doc_id", "source", "date", "lang", "title", "url", "text")
_LANG_RE = re.compile(r"^[a-z]{2,3}$")


def sample_corpus_path() -> Path:
    """Path of the bundled, illustrative sample corpus (``data/sample/articles.jsonl``).

    Examples
    --------
    >>> sample_corpus_path().name
    'articles.jsonl'
    """
    from framing.lexicon import _data_dir

    return _data_dir() / "sample" / "articles.jsonl"


def read_corpus(data, /, *, text: str = "text", doc_id: str | None = None,
                source: str = "source", date: str = "date", lang: str = "lang",
                title: str = "title", url: str = "url", format: str | None = None,
                encoding: str = "utf-8", infer_lang: bool = True,
                empty: str = "error", date_format: str | None = None) -> pd.DataFrame:
    """Read a corpus of articles and check it.

    Parameters
    ----------
    data : str, Path or DataFrame
        A ``.csv``, ``.tsv``, ``.jsonl``/``.ndjson`` or ``.parquet`` file, a folder of
        ``.txt``/``.md`` files (one article each, optional YAML front matter between
        ``---`` lines), a DataFrame, or ``"sample"`` for the bundled sample corpus.
    text, source, date, lang, title, url : str
        The name of the column that holds each field (``text="body"``,
        ``source="outlet"``). ``text`` must exist; the others are used when present.
    doc_id : str, optional
        The column of unique document ids; by default ``doc_id`` or ``id`` when present,
        otherwise ids are made from the row number (``"1"``, ``"2"``, ...) or, for a folder,
        the file's relative path without its extension.
    format : {"csv", "tsv", "jsonl", "parquet", "folder"}, optional
        Chosen from the extension when not given.
    encoding : str, default="utf-8"
        Text encoding of the file(s); a byte-order mark is ignored.
    infer_lang : bool, default=True
        Guess ``lang`` (ISO 639-1) per document with py3langid where the column is absent
        or empty.
    empty : {"error", "drop"}, default="error"
        What to do with documents whose text is empty or only white space: report them
        (with the rest of the problems), or drop them with one warning that counts them.
    date_format : str, optional
        A :func:`~datetime.datetime.strptime` format that every date is read with, such
        as ``"%d.%m.%Y"`` (German day.month.year), ``"%m/%d/%Y"`` (US month/day/year) or
        ``"%Y"`` (a corpus dated by year only: each date becomes 1 January); a date that
        does not fit it is reported. By default each date is read on its own, and only
        forms that say unambiguously which day they are: ISO 8601 (``2022-03-04``,
        ``2022-03-04T10:00:00Z``, ``2022-03-04 10:00:00+02:00``), RFC 2822 as in RSS
        feeds (``Fri, 04 Mar 2022 10:00:00 +0000``) and dates with the month written as
        an English word (``4 March 2022``, ``March 4, 2022``). Numeric dates that do not
        say whether the day or the month comes first (``03/04/2022``, ``04.03.2022``,
        ``1/2/22``) and dates without a day (``2022``, ``March 2022``, ``2022-03``) are
        reported, with the ``date_format`` that reads them. Dates without a time zone
        are taken as UTC.

    Returns
    -------
    DataFrame
        The corpus table: ``doc_id`` (str), ``source``, ``date`` (datetime64, UTC),
        ``lang``, ``title``, ``url``, ``text`` (those present), then any other columns.

    Raises
    ------
    InputError
        A missing file, an unknown format, bytes that are not valid in ``encoding``
        (file, line, column and byte offset), a missing text column (naming the columns
        found), or a malformed row.
    CorpusError
        Listing every duplicate ``doc_id``, empty or non-string text, and date that
        cannot be read (or is ambiguous, or has no day), with file and line; for a
        folder, with the file.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"body": ["Der Stellvertreterkrieg geht weiter."],
    ...                    "outlet": ["Ostwind"]})
    >>> read_corpus(df, text="body", source="outlet")[["doc_id", "source", "lang"]]
      doc_id   source lang
    0      1  Ostwind   de
    """
    mapping = {"text": text, "source": source, "date": date, "lang": lang, "title": title,
               "url": url}
    _check_date_format(date_format)
    if isinstance(data, pd.DataFrame):
        return validate_corpus(data.copy(), mapping=mapping, doc_id=doc_id,
                               infer_lang=infer_lang, empty=empty, date_format=date_format)
    if not isinstance(data, (str, os.PathLike)):
        raise InputError(f"data must be the path of a corpus file or folder (a str or "
                         f"Path), a DataFrame, or 'sample'; got {type(data).__name__}.")
    if isinstance(data, str) and data == "sample":
        data = sample_corpus_path()
    path = Path(data)
    if not path.exists():
        raise InputError("no such file or folder", path=path)
    fmt = (format or ("folder" if path.is_dir() else CORPUS_FORMATS.get(path.suffix.lower())))
    if fmt is None:
        raise InputError(f"cannot tell the corpus format from the extension "
                         f"{path.suffix!r}; use one of {', '.join(CORPUS_FORMATS)}, a folder "
                         "of .txt/.md files, or pass format=", path=path)
    readers = {"csv": _read_delimited, "tsv": _read_delimited, "jsonl": _read_jsonl,
               "parquet": _read_parquet, "folder": _read_folder}
    if fmt not in readers:
        raise InputError(f"unknown corpus format {fmt!r}; choose from "
                         f"{', '.join(readers)}", path=path)
    df, lines = readers[fmt](path, encoding=encoding, fmt=fmt)
    if doc_id is None and fmt == "folder":
        doc_id = "doc_id"
    return validate_corpus(df, mapping=mapping, doc_id=doc_id, infer_lang=infer_lang,
                           path=path, lines=lines, empty=empty, date_format=date_format)


def select_corpus(corpus: pd.DataFrame, *, by: str = "source", groups=None, since=None,
                  until=None) -> pd.DataFrame:
    """Keep the articles of some groups and/or a date window (both ends included).

    Parameters
    ----------
    corpus : DataFrame
    by : str, default="source"
    groups : list of str, optional
        Values of ``by`` to keep.
    since, until : str or Timestamp, optional
        Dates (UTC) of the first and last day to keep; ``until="2022-09-30"`` keeps that
        whole day.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "b"], "source": ["X", "Y"], "text": ["t", "u"],
    ...                   "date": pd.to_datetime(["2022-06-01", "2022-10-01"], utc=True)})
    >>> select_corpus(c, since="2022-06-01", until="2022-09-30")["doc_id"].tolist()
    ['a']
    """
    keep = pd.Series(True, index=corpus.index)
    if groups:
        if by not in corpus.columns:
            raise InputError(f"cannot select by {by!r}: the corpus has no such column.")
        missing = sorted(set(groups) - set(corpus[by].astype(str)))
        if missing:
            raise InputError(f"no articles from {', '.join(map(repr, missing))} in column "
                             f"{by!r}; values: {', '.join(sorted(set(corpus[by].astype(str))))}.")
        keep &= corpus[by].astype(str).isin(list(groups))
    if since is not None or until is not None:
        if "date" not in corpus.columns:
            raise InputError("cannot select by date: the corpus has no 'date' column.")
        try:
            if since is not None:
                keep &= corpus["date"] >= pd.Timestamp(since, tz="UTC")
            if until is not None:
                end = pd.Timestamp(until, tz="UTC")
                if end == end.normalize():
                    end += pd.Timedelta(days=1)
                    keep &= corpus["date"] < end
                else:
                    keep &= corpus["date"] <= end
        except ValueError as exc:
            raise InputError(f"since/until must be dates like 2022-06-01; {exc}") from None
    return corpus[keep].reset_index(drop=True)


# ----------------------------------------------------------------------------- readers


_BOMS = {b"\xff\xfe\x00\x00": "utf-32", b"\x00\x00\xfe\xff": "utf-32",
         b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}


def _decode(path: Path, raw: bytes, encoding: str) -> str:
    if encoding.lower().replace("-", "").replace("_", "") in {"utf8", "utf8sig"}:
        for bom, name in _BOMS.items():
            if raw.startswith(bom):
                raise InputError(f"the file starts with a {name.upper()} byte-order mark; "
                                 f"pass encoding='{name}'", path=path, line=1, column=1)
    if b"\x00" in raw[:4096] and encoding.lower().startswith("utf") and \
            "16" not in encoding and "32" not in encoding:
        offset = raw.index(b"\x00")
        raise InputError(f"NUL bytes at byte offset {offset}: this looks like a binary file, "
                         "not text (or text in UTF-16/32 without a byte-order mark)",
                         path=path, line=raw.count(b"\n", 0, offset) + 1)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _bad_bytes(path, encoding, raw[exc.start:exc.end], exc.start, line, column,
                         at_end=_cut_at_end(exc, len(raw))) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path=path) from None
    return text[1:] if text.startswith("\ufeff") else text


def _cut_at_end(exc: UnicodeDecodeError, size: int) -> bool:
    """Whether a decoding error is a character cut off by the end of the data (``size``
    bytes): the last bytes begin a character that never ends."""
    return exc.reason == "unexpected end of data" and exc.end == size


def _bad_bytes(path, encoding: str, bad: bytes, offset: int, line: int, column: int,
               *, at_end: bool = False) -> InputError:
    """The error for bytes that are not valid in ``encoding`` (shared by read_corpus and
    the streaming reader): at ``offset`` in the file, on ``line`` and ``column``.
    ``at_end``: the bytes are an incomplete character at the very end of the file."""
    if at_end:
        n = len(bad)
        return InputError(
            f"the file ends in the middle of a character: its last "
            f"{'byte' if n == 1 else f'{n} bytes'} ({' '.join(f'0x{b:02x}' for b in bad)}, "
            "at byte offset "
            f"{offset}) {'begins' if n == 1 else 'begin'} a {encoding} character that is "
            "never completed; is the file truncated?",
            path=path, line=line, column=column)
    return InputError(
        f"bytes are not valid {encoding} at byte offset {offset} (0x{bad.hex(' ')}); pass "
        "encoding= with the file's encoding (for example encoding='cp1252' or 'latin-1')",
        path=path, line=line, column=column)


def _read_delimited(path: Path, *, encoding: str, fmt: str):
    text = _decode(path, path.read_bytes(), encoding)
    sep = "\t" if fmt == "tsv" else ","
    if not text.strip():
        raise InputError("the file is empty; expected a header line with column names",
                         path=path, line=1)
    try:
        df = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False,
                         na_filter=False)
    except pd.errors.ParserError as exc:
        raise _malformed(path, text, sep, fmt, str(exc).strip()) from None
    except pd.errors.EmptyDataError:
        raise InputError("no columns found; expected a header line", path=path) from None
    if not isinstance(df.index, pd.RangeIndex):
        # every row has one field more than the header: pandas takes the first as the index
        raise _malformed(path, text, sep, fmt, "")
    with _long_fields():
        start, header = next(_csv_records(text, sep), (1, []))
    _check_header(path, header, sep, start)
    lines = None
    if len(df):
        lines = _record_lines(text, sep, len(df))
    return df, lines


def _check_header(path, header: list, sep: str, line: int = 1) -> None:
    """The checks of a CSV/TSV header (its fields, on ``line``), shared by read_corpus and
    the streaming reader: no repeated names, and one column only if no other separator
    is in it."""
    dup = sorted({c for c in header if header.count(c) > 1})
    if dup:
        raise InputError(f"duplicate column name(s) in the header: {', '.join(dup)}",
                         path=path, line=line)
    if len(header) == 1:
        for other, name in ((";", "semicolons"), ("|", "vertical bars"), ("\t", "tabs")):
            if other != sep and other in header[0]:
                hint = ("name it .tsv or pass format='tsv'" if other == "\t" else
                        f"re-save it with commas, or read it with pandas "
                        f"(pd.read_csv(path, sep='{other}')) and pass the DataFrame")
                raise InputError(f"only one column found, and the header holds {name}: is "
                                 f"the file separated by {other!r}? {hint}", path=path,
                                 line=line)


def _csv_records(text, sep: str):
    """``(start line, fields)`` of every record of a CSV text that pandas reads as a row
    or as the header: blank lines (and lines of spaces only, outside quotes) are skipped,
    as pandas skips them; a quoted field may span lines. ``text`` is a str or an iterable
    of its physical lines with their line breaks (a file read bit by bit). Fields longer
    than 128 KiB need :func:`_long_fields` around the iteration."""
    last = [""]

    def physical():
        for line in (io.StringIO(text, newline="") if isinstance(text, str) else text):
            last[0] = line
            yield line

    reader = csv.reader(physical(), delimiter=sep)
    prev = 0
    for row in reader:
        start, prev = prev + 1, reader.line_num
        if not row or (len(row) == 1 and start == prev and not last[0].strip()):
            continue
        yield start, row


@contextlib.contextmanager
def _long_fields():
    """Let ``csv`` read fields of any length (its default limit is 128 KiB; pandas has
    none, and one article may be longer)."""
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, 2**31 - 1))
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _record_lines(text: str, sep: str, n: int) -> list[int] | None:
    """The line on which each data record of a CSV starts (quoted newlines and blank lines
    counted)."""
    with _long_fields():
        starts = [start for start, _ in _csv_records(text, sep)][1:]
    return starts if len(starts) == n else None


def _unclosed_quote(lines, sep: str) -> tuple[int, int, bool] | None:
    """``(line, column, ends with a line break)`` of the quote that opens a quoted field
    never closed, or None. ``lines``: the physical lines of the text, with their line
    breaks. CSV's rules, as pandas applies them: a quote opens a quoted field only at the
    start of a field; inside one, ``""`` is a quote and ``"`` closes it."""
    opening = re.compile(rf'(?:^|(?<={re.escape(sep)}))"')
    quoted = None                      # (line, column) of the open quote
    last = ""
    for number, line in enumerate(lines, start=1):
        last, pos = line, 0
        while True:
            if quoted is not None:     # inside a quoted field: find its closing quote
                q = line.find('"', pos)
                if q < 0:
                    break
                if line.startswith('""', q):
                    pos = q + 2
                    continue
                quoted, pos = None, q + 1
            m = opening.search(line, pos)
            if m is None:
                break
            quoted, pos = (number, m.start() + 1), m.start() + 1
    if quoted is None:
        return None
    return quoted[0], quoted[1], last.endswith(("\n", "\r"))


def _malformed(path: Path, text, sep: str, fmt: str, pandas_message: str) -> InputError:
    """The error for a CSV/TSV that cannot be split into fields, at the line (and column)
    where the bad field or record starts, in plain words. ``text`` is the file's text, or
    a function that returns its physical lines (with their line breaks) each time it is
    called, so that a file larger than memory is read bit by bit (the streaming reader)."""
    kind = fmt.upper()

    def lines():
        return io.StringIO(text, newline="") if isinstance(text, str) else text()

    found = _unclosed_quote(lines(), sep)
    if found is not None:
        line, column, complete = found
        if not complete:
            return InputError(
                f"malformed {kind}: the file ends inside a quoted field that starts at line "
                f"{line}, column {column} (is the file truncated?); if the file is complete, "
                "the field's closing '\"' is missing: add it (a quote inside a quoted field "
                "is written twice: \"\")", path=path, line=line, column=column)
        return InputError(
            f"malformed {kind}: a quoted field starts here and its closing '\"' is missing, "
            "so the rest of the file would be read as one field; add the closing quote (a "
            "quote inside a quoted field is written twice: \"\")", path=path, line=line,
            column=column)
    with _long_fields():
        records = _csv_records(lines(), sep)
        _, header = next(records, (0, []))
        for start, row in records:
            if len(row) > len(header):
                what = "commas" if sep == "," else "tabs"
                return InputError(
                    f"malformed {kind}: this record has {len(row)} fields, but the header "
                    f"has {len(header)}; a field that holds {what} must be quoted (\"...\")",
                    path=path, line=start)
    # pandas numbers records, not lines (a quoted field may span lines): its line number
    # is not the file's, so it is not given as the location
    return InputError(f"malformed {kind}: cannot split the file into fields"
                      + (f" (pandas: {pandas_message})" if pandas_message else ""), path=path)


_JSON_MESSAGES = {
    "Unterminated string starting at": "a string starts here and is not closed before the "
                                       "end of the line (its closing '\"' is missing)",
    "Invalid control character at": "a tab or line break here, inside a string, must be "
                                    "written escaped (\\t, \\n)",
    "Extra data": "more text after the end of the JSON object; each line must hold exactly "
                  "one object",
}


def json_record(line: str, path, number: int, *, last: bool = False) -> dict:
    """One JSONL line as a dict, or an InputError naming the file, line and column, in a
    whole sentence. The line break that ends ``line`` is not part of the record. ``last``:
    the line is the end of a file that does not end with a line break (a file cut off
    ends so). Used by read_corpus and the streaming reader alike."""
    line = line.rstrip("\r\n") if line.endswith(("\n", "\r")) else line
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(_json_problem(exc, line, last), path=path, line=number,
                         column=exc.colno) from None
    if not isinstance(obj, dict):
        raise InputError(f"each line must be a JSON object; got {type(obj).__name__}",
                         path=path, line=number, column=1)
    return obj


def _json_problem(exc: json.JSONDecodeError, line: str, last: bool) -> str:
    """A JSON parser's message as a whole sentence (Python's end in "at" and leave the
    position to the location)."""
    msg = re.sub(r"^(Invalid control character) .* at$", r"\1 at", exc.msg)
    if last and (msg.startswith("Unterminated string") or exc.pos >= len(line.rstrip())):
        what = ("inside a string that starts here" if msg.startswith("Unterminated string")
                else f"in the middle of a JSON record ({msg[0].lower()}{msg[1:]})")
        return f"invalid JSON: the file ends {what}; is the file truncated?"
    msg = _JSON_MESSAGES.get(msg, msg)
    if msg.endswith(" at"):
        msg = msg[:-3] + " here"
    return f"invalid JSON: {msg}"


def _read_jsonl(path: Path, *, encoding: str, fmt: str):
    text = _decode(path, path.read_bytes(), encoding)
    records, lines = [], []
    parts = text.split("\n")
    for number, line in enumerate(parts, start=1):
        if not line.strip():
            continue
        records.append(json_record(line, path, number, last=number == len(parts)))
        lines.append(number)
    if not records:
        raise InputError("the file holds no JSON records", path=path)
    return pd.DataFrame.from_records(records), lines


def _read_parquet(path: Path, *, encoding: str, fmt: str):
    try:
        df = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for a bad file
        raise InputError(f"cannot read as Parquet: {exc}", path=path) from None
    return df, None


def _read_folder(path: Path, *, encoding: str, fmt: str):
    files = sorted(p for p in path.rglob("*") if p.suffix.lower() in _TEXT_SUFFIXES
                   and p.is_file())
    if not files:
        raise InputError("the folder holds no .txt or .md files", path=path)
    records = []
    for f in files:
        body = _decode(f, f.read_bytes(), encoding)
        meta, body = _front_matter(f, body)
        rel = f.relative_to(path).with_suffix("").as_posix()
        records.append({"doc_id": str(meta.pop("doc_id", rel)), **meta, "text": body,
                        "file": f.relative_to(path).as_posix()})
    return pd.DataFrame.from_records(records), None


def _front_matter(path: Path, body: str) -> tuple[dict, str]:
    if not body.startswith("---\n") and not body.startswith("---\r\n"):
        return {}, body
    m = re.search(r"^---[ \t]*\r?$", body[4:], flags=re.M)
    if not m:
        raise InputError("front matter opened with '---' is never closed by a '---' line",
                         path=path, line=1)
    head = body[4:4 + m.start()]
    try:
        meta = yaml.safe_load(head) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"invalid YAML front matter: {getattr(exc, 'problem', exc)}",
                         path=path, line=mark.line + 2 if mark else 2) from None
    if not isinstance(meta, dict):
        raise InputError("front matter must be a mapping (key: value lines)", path=path,
                         line=2)
    rest = body[4 + m.end():]
    return {str(k): v for k, v in meta.items()}, rest.lstrip("\r\n")


# --------------------------------------------------------------------------- validation


def validate_corpus(df: pd.DataFrame, *, mapping: dict | None = None,
                    doc_id: str | None = None, infer_lang: bool = True, path=None,
                    lines: list[int] | None = None, empty: str = "error",
                    date_format: str | None = None) -> pd.DataFrame:
    """Check a corpus table and bring it to the standard columns (see :func:`read_corpus`).

    ``lines`` gives the file line of each row, for messages; without it rows are named by
    their 1-based number (or, for a folder read by :func:`read_corpus`, whose table has a
    ``file`` column, by their file).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"id": [7, 8], "body": ["Kiew.", " "], "lang": ["de", "de"]})
    >>> validate_corpus(df, mapping={"text": "body"})
    Traceback (most recent call last):
    ...
    framing.errors.CorpusError: 1 problem in corpus:
      corpus: row 2: text is empty
    To skip the documents with empty text, pass empty='drop' (on the command line: --drop-empty).
    >>> validate_corpus(df.head(1), mapping={"text": "body"})
      doc_id lang   text
    0      7   de  Kiew.
    """
    mapping = {k: v for k, v in (mapping or {}).items()}
    if empty not in ("error", "drop"):
        raise InputError(f"empty must be 'error' or 'drop'; got {empty!r}.")
    _check_date_format(date_format)
    df = _rename(df, mapping, doc_id, path)
    if empty == "drop":
        df, lines = _drop_empty(df, lines, path)
    where = _locator(df, path, lines)
    problems: list[str] = []
    texts = df["text"].tolist()
    _check_text(texts, where, problems)
    _check_ids(df, where, problems)
    if "date" in df.columns:
        df["date"] = _parse_dates(df["date"], where, problems, date_format)
    langs = _languages(df, texts, infer_lang, where, problems)
    if problems:
        hints = [_empty_hint(problems, df, mapping)]
        if any("date_format=" in p for p in problems):
            hints.append(_DATE_HINT)
        raise CorpusError(problems, path=path, hint="\n".join(h for h in hints if h) or None)
    for col in ("source", "title", "url"):
        if col in df.columns:
            df[col] = df[col].map(lambda v: v if isinstance(v, str) else
                                  (None if _missing(v) else str(v)))
    df["lang"] = langs
    order = [c for c in _CANONICAL if c in df.columns]
    df = df[order + [c for c in df.columns if c not in order]]
    return df.reset_index(drop=True)


def _rename(df: pd.DataFrame, mapping: dict, doc_id: str | None, path) -> pd.DataFrame:
    columns = list(map(str, df.columns))
    df.columns = columns
    found = ", ".join(columns) or "(none)"
    dup = sorted({c for c in columns if columns.count(c) > 1})
    if dup:
        raise InputError(f"duplicate column name(s): {', '.join(dup)}", path=path)
    if mapping.get("text", "text") not in columns:
        hint = " (pass text='<column>')" if mapping.get("text", "text") == "text" else ""
        raise InputError(f"no text column {mapping.get('text', 'text')!r}{hint}; "
                         f"columns found: {found}", path=path)
    renames: dict = {}
    defaults = {"text": "text", "source": "source", "date": "date", "lang": "lang",
                "title": "title", "url": "url"}
    explicit = {f: c for f, c in mapping.items() if c is not None and c != defaults.get(f)}
    for field, col in [*explicit.items(), *((f, c) for f, c in mapping.items()
                                             if c is not None and f not in explicit)]:
        if col not in columns:
            if field in explicit:
                raise InputError(f"no {field} column {col!r}; columns found: {found}",
                                 path=path)
            continue
        if col in renames or field in renames.values():
            continue  # the column already serves another field, or the field is mapped
        renames[col] = field
    if doc_id is not None:
        if doc_id not in columns:
            raise InputError(f"no doc_id column {doc_id!r}; columns found: {found}",
                             path=path)
        renames[doc_id] = "doc_id"
    elif "doc_id" not in columns and "id" in columns:
        renames["id"] = "doc_id"
    # a column whose name a mapped column takes over is kept as <name>_original
    for target in set(renames.values()):
        if target in columns and target not in renames:
            renames[target] = f"{target}_original"
    df = df.rename(columns=renames)
    if "doc_id" not in df.columns:
        df.insert(0, "doc_id", [str(i) for i in range(1, len(df) + 1)])
    return df


def _drop_empty(df: pd.DataFrame, lines, path):
    blank = df["text"].map(lambda v: isinstance(v, str) and not v.strip()).to_numpy()
    if blank.any():
        import warnings

        warnings.warn(f"{path or 'corpus'}: dropped {int(blank.sum())} document(s) with empty "
                      "text (empty='drop').", stacklevel=4)
        if lines is not None:
            lines = [n for n, b in zip(lines, blank) if not b]
        df = df[~blank].reset_index(drop=True)
    return df, lines


class _Where:
    """Names a row of the input for messages: ``file:line`` when lines are known, the
    file of a folder's document, else ``row N``."""

    def __init__(self, path, lines, files=None):
        self.label = str(path) if path is not None else "corpus"
        self.lines = lines
        self.files = files
        self.unit = "file" if files is not None else "line" if lines is not None else "row"

    def number(self, i: int):
        if self.files is not None:
            return self.files[i]
        return self.lines[i] if self.lines is not None else i + 1

    def __call__(self, i: int) -> str:
        if self.files is not None:
            return f"{self.label}/{self.files[i]}"
        if self.lines is not None:
            return f"{self.label}:{self.lines[i]}"
        return f"{self.label}: row {i + 1}"


def _locator(df, path, lines) -> _Where:
    if lines is None and path is not None and "file" in df.columns and Path(path).is_dir():
        files = df["file"].tolist()              # a folder: each document is a file
        if all(isinstance(f, str) for f in files):
            return _Where(path, None, files)
    return _Where(path, lines)


def _missing(v) -> bool:
    try:
        return v is None or bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


_EMPTY_HINT = ("To skip the documents with empty text, pass empty='drop' (on the command "
               "line: --drop-empty).")


_DATE_HINT = ("On the command line, give the date format with --date-format (for example "
              "--date-format '%d.%m.%Y').")


def _empty_hint(problems: list, df: pd.DataFrame, mapping: dict) -> str | None:
    """How to get past empty texts: skip them or, when every text is empty, read the
    column that holds them."""
    empty = sum(p.endswith(": text is empty") for p in problems)
    if not empty:
        return None
    if empty == len(df) > 1:
        others = [str(c) for c in df.columns if c != "text"]
        return (f"Every text is empty: is the text in another column? Pass "
                f"text='<column>' (--text on the command line); the text column read was "
                f"{mapping.get('text', 'text')!r}, the others are {', '.join(others)}.")
    return _EMPTY_HINT


def _check_text(texts: list, where, problems) -> None:
    for i, v in enumerate(texts):
        if not isinstance(v, str):
            got = "nothing" if _missing(v) else f"a {type(v).__name__} ({v!r})"
            problems.append(f"{where(i)}: text must be a string; got {got}")
        elif not v.strip():
            problems.append(f"{where(i)}: text is empty")


def _check_ids(df, where, problems) -> None:
    ids = df["doc_id"].tolist()
    clean = []
    for i, v in enumerate(ids):
        if _missing(v) or (isinstance(v, str) and not v.strip()):
            problems.append(f"{where(i)}: doc_id is empty")
            clean.append(None)
        else:
            if isinstance(v, float) and v.is_integer():
                v = int(v)
            clean.append(str(v))
    df["doc_id"] = clean
    seen: dict = {}
    for i, v in enumerate(clean):
        if v is not None:
            seen.setdefault(v, []).append(i)
    for v, rows in seen.items():
        if len(rows) > 1:
            at = ", ".join(str(where.number(i)) for i in rows[:10])
            more = ", ..." if len(rows) > 10 else ""
            problems.append(f"{where(rows[1])}: duplicate doc_id {v!r} "
                            f"({len(rows)} times, {where.unit}s {at}{more})")


def _is_number(v) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) \
        and not isinstance(v, (bool, np.bool_)) and not _missing(v)


def _check_date_format(date_format) -> None:
    if date_format is not None and not (isinstance(date_format, str) and "%" in date_format):
        raise InputError(f"date_format must be a strptime format such as '%d.%m.%Y' or "
                         f"'%m/%d/%Y'; got {date_format!r}.")


_UNREADABLE = ("cannot be read as a date (use ISO 8601, e.g. 2024-03-05 or "
               "2024-03-05T14:30:00Z)")
_NUMBER = ("is a number, not a date; write dates as text (ISO 8601, e.g. 2024-03-05), or "
           "convert Unix times first (pd.to_datetime(df['date'], unit='s'))")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?"
                  r"(?:Z|[+-]\d{2}(?::?\d{2})?| ?UTC| ?GMT)?)?")
_MONTHS = {name: k for k, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?"
_TIME = (r"(?:,?\s+(?:at\s+)?|\s*T\s*)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})"
         r"(?:\.(?P<f>\d{1,9}))?)?(?:\s*(?P<ampm>[ap])\.?m\.?)?"
         r"(?:\s*(?P<tz>Z|UTC|GMT|UT|[+-]\d{2}:?\d{2}|[ECMP][SD]T))?")
_WORD_DATE = re.compile(
    rf"(?:{_WEEKDAY}\.?,?\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<m1>[a-z]+)\.?,?"
    rf"|(?P<m2>[a-z]+)\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?)\s+(?P<y>\d{{4}})"
    rf"(?:{_TIME})?", re.I)
_FOREIGN_MONTH = re.compile(r"(?:[^\W\d_]+\.?,?\s+)?(?:\d{1,2}\.?\s+[^\W\d_]+\.?"
                            r"|[^\W\d_]+\.?\s+\d{1,2}\.?),?\s+\d{4}(?:\W.*)?")
_ZONES = {"Z": 0, "UTC": 0, "GMT": 0, "UT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
          "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}
_NUMERIC = re.compile(r"(?P<a>\d{1,4})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
                      r"(?P<time>\s+\d{1,2}:\d{2}(?::\d{2})?)?")


class _DateProblem(Exception):
    pass


def _numeric_formats(m: re.Match) -> tuple[str, str] | None:
    """``(day first, month first)`` strptime formats of a numeric date, or None."""
    a, sep, c = m.group("a"), m.group("sep"), m.group("c")
    time = m.group("time")
    clock = "" if not time else " %H:%M:%S" if time.count(":") == 2 else " %H:%M"
    if len(a) == 4 and len(c) <= 2:                       # 2022/03/04
        day, month = f"%Y{sep}%d{sep}%m", f"%Y{sep}%m{sep}%d"
    elif len(a) <= 2 and len(c) in (2, 4):                # 03/04/2022, 1/2/22
        y = "%Y" if len(c) == 4 else "%y"
        day, month = f"%d{sep}%m{sep}{y}", f"%m{sep}%d{sep}{y}"
    else:
        return None
    return day + clock, month + clock


def _no_day(value: str) -> str | None:
    """The strptime format of a date without a day (``2022``, ``March 2022``, ``2022-03``,
    ``03/2022``), or None."""
    if re.fullmatch(r"\d{4}", value):
        return "%Y"
    m = re.fullmatch(r"(\d{4})([/.\-])\d{1,2}|\d{1,2}([/.\-])\d{4}", value)
    if m:
        return f"%Y{m.group(2)}%m" if m.group(1) else f"%m{m.group(3)}%Y"
    m = re.fullmatch(r"([a-z]+)\.?,?\s+\d{4}", value, flags=re.I)
    if m and m.group(1).lower() in _MONTHS:
        return "%B %Y" if len(m.group(1)) > 3 else "%b %Y"
    return None


def _read_date(value: str) -> pd.Timestamp:
    """One date that is not ISO 8601, read by the rules of :func:`read_corpus`; a
    :class:`_DateProblem` says why it is refused."""
    m = _WORD_DATE.fullmatch(value)
    if m and (m.group("m1") or m.group("m2")).lower() in _MONTHS:
        month = _MONTHS[(m.group("m1") or m.group("m2")).lower()]
        day, year = int(m.group("d1") or m.group("d2")), int(m.group("y"))
        hour, minute = int(m.group("H") or 0), int(m.group("M") or 0)
        second = int(m.group("S") or 0)
        micro = int((m.group("f") or "0")[:6].ljust(6, "0"))
        if m.group("ampm"):
            if not 1 <= hour <= 12:
                raise _DateProblem(f"date {value!r} is not a valid date or time (hour "
                                   f"{hour} with {m.group('ampm').upper()}M)")
            hour = hour % 12 + (12 if m.group("ampm").lower() == "p" else 0)
        tz = m.group("tz")
        if tz is None or tz.upper() in _ZONES:
            offset = _ZONES[tz.upper()] * 60 if tz else 0
        else:
            sign = -1 if tz[0] == "-" else 1
            digits = tz[1:].replace(":", "")
            offset = sign * (int(digits[:2]) * 60 + int(digits[2:]))
        try:
            stamp = dt.datetime(year, month, day, hour, minute, second, micro,
                                tzinfo=dt.timezone(dt.timedelta(minutes=offset)))
        except ValueError:
            raise _DateProblem(f"date {value!r} is not a valid date or time (day, hour or "
                               "minute out of range)") from None
        return pd.Timestamp(stamp).tz_convert("UTC")
    fmt = _no_day(value)
    if fmt is not None:
        unit = "year" if fmt == "%Y" else "month"
        raise _DateProblem(
            f"date {value!r} has no day; pass date_format={fmt!r} to read such dates as "
            f"the first day of the {unit}, or write full dates (ISO 8601, e.g. 2024-03-05)")
    m = _NUMERIC.fullmatch(value)
    formats = _numeric_formats(m) if m else None
    if formats is not None:
        raise _DateProblem(
            f"date {value!r} does not say whether the day or the month comes first; pass "
            f"date_format={formats[0]!r} (day first) or {formats[1]!r} (month first), or "
            "write dates as ISO 8601 (YYYY-MM-DD)")
    if re.fullmatch(r"\d{8}", value):
        raise _DateProblem(
            f"date {value!r} is written without separators; pass date_format='%Y%m%d' if "
            "it is year, month, day, or write dates as ISO 8601 (YYYY-MM-DD)")
    if re.fullmatch(r"[+-]?\d+(\.\d+)?", value):
        raise _DateProblem(f"date {value!r} {_NUMBER}")
    if _FOREIGN_MONTH.fullmatch(value):
        raise _DateProblem(f"date {value!r} cannot be read as a date: month names are read "
                           "in English only; write dates as ISO 8601 (e.g. 2024-03-05)")
    raise _DateProblem(f"date {value!r} {_UNREADABLE}")


def _parse_dates(values: pd.Series, where, problems, date_format=None) -> pd.Series:
    """Dates as UTC timestamps (see ``date_format`` in :func:`read_corpus`); every value
    refused adds a problem, in row order."""
    if pd.api.types.is_datetime64_any_dtype(values):
        s = values
        return s.dt.tz_localize("UTC") if s.dt.tz is None else s.dt.tz_convert("UTC")
    raw = values.map(lambda v: None if _missing(v) or (isinstance(v, str) and not v.strip())
                     else v)
    found: list[tuple[int, str]] = []
    if not pd.api.types.is_string_dtype(values):     # pandas would read 2022 as 2022 ns
        numbers = raw.map(_is_number).to_numpy(dtype=bool)
        for i in numbers.nonzero()[0]:
            number = raw.iloc[i].item() if isinstance(raw.iloc[i], np.generic) else raw.iloc[i]
            found.append((int(i), f"date {number!r} {_NUMBER}"))
        raw = raw.mask(numbers, None)
    obj = raw.to_numpy(dtype=object)
    present = ~pd.isna(obj)
    is_str = np.fromiter((isinstance(v, str) for v in obj), dtype=bool, count=len(obj))
    stamps = np.full(len(obj), np.iinfo(np.int64).min, dtype=np.int64)   # NaT, in us

    def put(rows: np.ndarray, parsed: pd.Series) -> np.ndarray:
        """Store parsed dates at ``rows``; the rows that did not parse."""
        parsed = pd.Series(pd.to_datetime(parsed, utc=True, errors="coerce"))
        ok = parsed.notna().to_numpy()
        stamps[rows[ok]] = parsed[ok].dt.as_unit("us").array.asi8
        return rows[~ok]

    others = np.flatnonzero(present & ~is_str)      # datetime, date, Timestamp objects
    if len(others):
        try:
            left = put(others, pd.Series(obj[others], dtype=object))
        except (TypeError, ValueError):             # a list, a dict, ... among them
            left = [i for i in others if len(put(np.array([i]), pd.Series(
                [obj[i] if isinstance(obj[i], (dt.date, np.datetime64)) else None],
                dtype=object)))]
        for i in left:
            found.append((int(i), f"date {obj[i]!r} {_UNREADABLE}"))
    rows = np.flatnonzero(present & is_str)
    strings = pd.Series([v.strip() for v in obj[rows]], dtype=object)
    if date_format is not None and len(rows):
        try:
            parsed = pd.to_datetime(strings, format=date_format, utc=True, errors="coerce")
        except ValueError as exc:
            raise InputError(f"date_format {date_format!r} is not a valid strptime format: "
                             f"{exc}") from None
        for i in put(rows, parsed):
            found.append((int(i), f"date {obj[i]!r} does not match date_format "
                                  f"{date_format!r}"))
    elif len(rows):
        iso = strings.str.fullmatch(_ISO).to_numpy(dtype=bool)
        text = strings[iso].str.replace(r" ?(?:UTC|GMT)$", "+00:00", regex=True)
        parsed = pd.to_datetime(text, format="ISO8601", utc=True, errors="coerce")
        for i in put(rows[iso], parsed):
            found.append((int(i), f"date {obj[i]!r} is not a valid date or time (day, "
                                  "month, hour or minute out of range)"))
        rest = rows[~iso]
        if len(rest):
            read: dict = {}
            for v in strings[~iso].unique():
                try:
                    read[v] = _read_date(v)
                except _DateProblem as exc:
                    read[v] = str(exc)
            values_ = strings[~iso].map(read)
            ok = values_.map(lambda v: isinstance(v, pd.Timestamp)).to_numpy(dtype=bool)
            put(rest[ok], values_[ok].astype(object))
            for i, message in zip(rest[~ok], values_[~ok]):
                found.append((int(i), message))
    for i, message in sorted(found):
        problems.append(f"{where(i)}: {message}")
    out = pd.Series(stamps.view("M8[us]"), index=values.index).dt.tz_localize("UTC")
    return out


_READ_HINT = ("Pass the table through framing.read_corpus(df) first (with text=, doc_id= "
              "naming your columns): it checks every row and lower-cases language codes.")


def _check_corpus_table(corpus: pd.DataFrame) -> None:
    """Check a corpus table given to a function (not read by :func:`read_corpus`): unique,
    present ``doc_id``; ``text`` a str in every row; ``lang`` codes like ``en`` where
    given. Vectorized: cheap next to finding hits.

    Raises
    ------
    CorpusError
        Listing every bad row (``row N``, 1-based), with how to read the table instead.

    Examples
    --------
    >>> import pandas as pd
    >>> _check_corpus_table(pd.DataFrame({"doc_id": ["a", "a"], "text": ["x", None]}))
    Traceback (most recent call last):
    ...
    framing.errors.CorpusError: 2 problems in corpus:
      corpus: row 2: text must be a string; got nothing
      corpus: row 2: duplicate doc_id 'a' (2 times, rows 1, 2)
    Pass the table through framing.read_corpus(df) first ...
    """
    found: list[tuple[int, int, str]] = []          # (row, check, message)
    where = _Where(None, None)
    texts = corpus["text"]
    if pd.api.types.is_string_dtype(texts.dtype) and not pd.api.types.is_object_dtype(
            texts.dtype):
        bad = np.flatnonzero(texts.isna().to_numpy())
    elif pd.api.types.is_object_dtype(texts.dtype):
        bad = np.empty(0, dtype=np.int64)
        if pd.api.types.infer_dtype(texts, skipna=False) != "string":
            bad = np.flatnonzero([not isinstance(v, str) for v in texts.tolist()])
    else:
        bad = np.arange(len(texts))
    for i in bad:
        v = texts.iloc[i]
        got = "nothing" if _missing(v) else f"a {type(v).__name__} ({v!r})"
        found.append((int(i), 0, f"text must be a string; got {got}"))
    ids = corpus["doc_id"]
    for i in np.flatnonzero(ids.isna().to_numpy()):
        found.append((int(i), 1, "doc_id is missing"))
    try:
        repeated = ids.duplicated(keep=False).to_numpy() & ids.notna().to_numpy()
    except TypeError:                                # unhashable ids (lists)
        repeated = np.zeros(len(ids), dtype=bool)
    if repeated.any():
        groups: dict = {}
        for i in np.flatnonzero(repeated):
            v = ids.iloc[i]
            groups.setdefault(v.item() if isinstance(v, np.generic) else v, []).append(int(i))
        for v, rows in groups.items():
            at = ", ".join(str(i + 1) for i in rows[:10]) + (", ..." if len(rows) > 10 else "")
            found.append((rows[1], 1, f"duplicate doc_id {v!r} ({len(rows)} times, rows {at})"))
    if "lang" in corpus.columns:
        langs = corpus["lang"]
        wrong = [v for v in pd.unique(langs) if not _missing(v) and v != "" and not (
            isinstance(v, str) and _LANG_RE.fullmatch(v))]
        if wrong:
            for i in np.flatnonzero(langs.isin(wrong).to_numpy()):
                found.append((int(i), 2, f"lang {langs.iloc[i]!r} is not a language code; "
                                         "expected ISO 639-1 in lower case like en, de, ru"))
    if found:
        raise CorpusError([f"{where(i)}: {m}" for i, _, m in sorted(found)], hint=_READ_HINT)


def _lang_code(value) -> str | None:
    """An ISO 639-1 code (``en``) from ``EN``, ``en-US`` or ``en_GB``; None if it is not
    one."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if _LANG_RE.match(code) else None


def _languages(df: pd.DataFrame, texts: list, infer: bool, where, problems) -> list:
    given = df["lang"].tolist() if "lang" in df.columns else [None] * len(df)
    out = []
    for i, (v, text) in enumerate(zip(given, texts)):
        if isinstance(v, str) and v.strip():
            code = _lang_code(v)
            if code is None:
                problems.append(f"{where(i)}: lang {v!r} is not a language code; expected "
                                "ISO 639-1 like en, de, ru")
                code = v.strip().lower().replace("_", "-").split("-")[0]
            out.append(code)
        elif isinstance(text, str) and infer:
            out.append(detect_language(text))
        else:
            out.append(None)
    return out
