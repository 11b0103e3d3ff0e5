"""Corpora: read articles from CSV, TSV, JSONL, Parquet, folders of text, or a DataFrame.

:func:`read_corpus` returns the corpus table (see :mod:`framing.schema`) and checks every
row: a problem is reported with its file and line (or row), all problems at once.
"""

from __future__ import annotations

import csv
import io
import json
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
                empty: str = "error") -> pd.DataFrame:
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
        Listing every duplicate ``doc_id``, empty or non-string text, and unparseable
        date, with file and line.

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
    if isinstance(data, pd.DataFrame):
        return validate_corpus(data.copy(), mapping=mapping, doc_id=doc_id,
                               infer_lang=infer_lang, empty=empty)
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
                           path=path, lines=lines, empty=empty)


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
        bad = raw[exc.start:exc.end].hex(" ")
        raise InputError(
            f"bytes are not valid {encoding} at byte offset {exc.start} (0x{bad}); pass "
            "encoding= with the file's encoding (for example encoding='cp1252' or "
            "'latin-1')", path=path, line=line, column=column) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path=path) from None
    return text[1:] if text.startswith("\ufeff") else text


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
        msg = str(exc).strip()
        m = re.search(r"line (\d+)", msg)
        raise InputError(f"malformed {fmt.upper()}: {msg}", path=path,
                         line=int(m.group(1)) if m else None) from None
    except pd.errors.EmptyDataError:
        raise InputError("no columns found; expected a header line", path=path) from None
    header = next(csv.reader(io.StringIO(text, newline=""), delimiter=sep), [])
    dup = sorted({c for c in header if header.count(c) > 1})
    if dup:
        raise InputError(f"duplicate column name(s) in the header: {', '.join(dup)}",
                         path=path, line=1)
    if len(df.columns) == 1:
        for other, name in ((";", "semicolons"), ("|", "vertical bars"), ("\t", "tabs")):
            if other != sep and other in df.columns[0]:
                hint = ("name it .tsv or pass format='tsv'" if other == "\t" else
                        f"re-save it with commas, or read it with pandas "
                        f"(pd.read_csv(path, sep='{other}')) and pass the DataFrame")
                raise InputError(f"only one column found, and the header holds {name}: is "
                                 f"the file separated by {other!r}? {hint}", path=path, line=1)
    if sep == "," and len(df.columns) == 1 and "\t" in df.columns[0]:
        raise InputError("only one column found, and the header holds tabs: is this a TSV "
                         "file? Name it .tsv or pass format='tsv'", path=path, line=1)
    lines = None
    if len(df):
        lines = _record_lines(text, sep, len(df))
    return df, lines


def _record_lines(text: str, sep: str, n: int) -> list[int] | None:
    """The line on which each data record of a CSV starts (quoted newlines counted)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    starts, prev = [], 0
    for _ in reader:
        starts.append(prev + 1)
        prev = reader.line_num
    starts = starts[1:]
    return starts if len(starts) == n else None


def json_record(line: str, path, number: int) -> dict:
    """One JSONL line as a dict, or an InputError naming the file, line and column."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path=path, line=number,
                         column=exc.colno) from None
    if not isinstance(obj, dict):
        raise InputError(f"each line must be a JSON object; got {type(obj).__name__}",
                         path=path, line=number, column=1)
    return obj


def _read_jsonl(path: Path, *, encoding: str, fmt: str):
    text = _decode(path, path.read_bytes(), encoding)
    records, lines = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        records.append(json_record(line, path, number))
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
                    lines: list[int] | None = None, empty: str = "error") -> pd.DataFrame:
    """Check a corpus table and bring it to the standard columns (see :func:`read_corpus`).

    ``lines`` gives the file line of each row, for messages; without it rows are named by
    their 1-based number.

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
    df = _rename(df, mapping, doc_id, path)
    if empty == "drop":
        df, lines = _drop_empty(df, lines, path)
    where = _locator(df, path, lines)
    problems: list[str] = []
    texts = df["text"].tolist()
    _check_text(texts, where, problems)
    _check_ids(df, where, problems)
    if "date" in df.columns:
        df["date"] = _parse_dates(df["date"], where, problems)
    langs = _languages(df, texts, infer_lang, where, problems)
    if problems:
        raise CorpusError(problems, path=path, hint=_empty_hint(problems, df, mapping))
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
    """Names a row of the input for messages: ``file:line`` when lines are known."""

    def __init__(self, path, lines):
        self.label = str(path) if path is not None else "corpus"
        self.lines = lines
        self.unit = "line" if lines is not None else "row"

    def number(self, i: int) -> int:
        return self.lines[i] if self.lines is not None else i + 1

    def __call__(self, i: int) -> str:
        if self.lines is not None:
            return f"{self.label}:{self.lines[i]}"
        return f"{self.label}: row {i + 1}"


def _locator(df, path, lines) -> _Where:
    return _Where(path, lines)


def _missing(v) -> bool:
    try:
        return v is None or bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


_EMPTY_HINT = ("To skip the documents with empty text, pass empty='drop' (on the command "
               "line: --drop-empty).")


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


def _parse_dates(values: pd.Series, where, problems) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(values):
        s = values
        return s.dt.tz_localize("UTC") if s.dt.tz is None else s.dt.tz_convert("UTC")
    raw = values.map(lambda v: None if _missing(v) or (isinstance(v, str) and not v.strip())
                     else v)
    if not pd.api.types.is_string_dtype(values):     # pandas would read 2022 as 2022 ns
        numbers = raw.map(_is_number).to_numpy(dtype=bool)
        for i in numbers.nonzero()[0]:
            number = raw.iloc[i].item() if isinstance(raw.iloc[i], np.generic) else raw.iloc[i]
            problems.append(f"{where(int(i))}: date {number!r} is a number, not a date; "
                            "write dates as text (ISO 8601, e.g. 2024-03-05), or convert "
                            "Unix times first (pd.to_datetime(df['date'], unit='s'))")
        raw = raw.mask(numbers, None)
    parsed = pd.to_datetime(raw, utc=True, errors="coerce", format="mixed")
    bad = parsed.isna() & raw.notna()
    for i in bad.to_numpy().nonzero()[0]:
        problems.append(f"{where(int(i))}: date {raw.iloc[i]!r} cannot be read as a date "
                        "(use ISO 8601, e.g. 2024-03-05 or 2024-03-05T14:30:00Z)")
    return parsed


def _languages(df: pd.DataFrame, texts: list, infer: bool, where, problems) -> list:
    given = df["lang"].tolist() if "lang" in df.columns else [None] * len(df)
    out = []
    for i, (v, text) in enumerate(zip(given, texts)):
        if isinstance(v, str) and v.strip():
            code = v.strip().lower().replace("_", "-").split("-")[0]
            if not _LANG_RE.match(code):
                problems.append(f"{where(i)}: lang {v!r} is not a language code; expected "
                                "ISO 639-1 like en, de, ru")
            out.append(code)
        elif isinstance(text, str) and infer:
            out.append(detect_language(text))
        else:
            out.append(None)
    return out
