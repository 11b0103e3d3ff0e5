"""Scale: score corpora larger than memory in chunks, resumably, and on Dask.

One machine
    :func:`stream_scores` reads a corpus file in chunks (Parquet row groups, JSONL lines,
    CSV/TSV records, files of a folder), validates each chunk with the same messages as
    :func:`framing.read_corpus`, finds hits and scores each chunk (optionally in worker
    processes), and writes the scores of each finished chunk to ``<out>.partial/``. Memory
    stays flat however large the corpus is. An interrupted run resumes from its last
    finished chunk; the output appears only at the end, assembled and renamed atomically.
    :func:`iter_corpus_chunks` is the reader on its own.

More machines
    :func:`score_dask` applies the same scoring to every partition of a Dask DataFrame
    (``map_partitions``); the compiled lexicon travels once to each worker.

See ``docs/scaling.md`` for a guide.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import itertools
import json
import re
import shutil
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from framing._io import atomic_path, atomic_write_text
from framing.corpus import (
    CORPUS_FORMATS,
    _bad_bytes,
    _check_date_format,
    _check_header,
    _csv_records,
    _cut_at_end,
    _long_fields,
    _malformed,
    json_record,
    validate_corpus,
)
from framing.errors import CorpusError, FramingError, InputError, ProblemsError
from framing.score import (
    _detection_mode,
    _score_tallies,
    _tally_piece,
    check_filters,
    check_per,
)

__all__ = ["stream_scores", "iter_corpus_chunks", "score_dask", "StreamResult"]

_STATE_VERSION = 2          # 2: the scores keep every corpus column but the text
_HEAD_BYTES = 1 << 20
_READ_KEYS = ("text", "doc_id", "source", "date", "lang", "title", "url", "format",
              "encoding", "infer_lang", "empty", "date_format")


@dataclass(frozen=True)
class StreamResult:
    """What :func:`stream_scores` did.

    Attributes
    ----------
    path : Path
        The scores file written.
    documents : int
        Documents scored (all chunks, including those finished by an earlier run).
    frames : int
        Frames of the lexicon (each document has one row per frame).
    chunks : int
        Chunks in the corpus.
    resumed : int
        Chunks taken from an interrupted earlier run instead of being scored again.
    """

    path: Path
    documents: int
    frames: int
    chunks: int
    resumed: int

    def __fspath__(self) -> str:
        return str(self.path)


# ------------------------------------------------------------------------------ reading


def iter_corpus_chunks(path, *, chunk_size: int = 5000, text: str = "text",
                       doc_id: str | None = None, source: str = "source", date: str = "date",
                       lang: str = "lang", title: str = "title", url: str = "url",
                       format: str | None = None, encoding: str = "utf-8",
                       infer_lang: bool = True, empty: str = "error",
                       date_format: str | None = None):
    """Read a corpus file in validated chunks of at most ``chunk_size`` documents.

    Parameters
    ----------
    path : str or Path
        A ``.csv``, ``.tsv``, ``.jsonl``/``.ndjson`` or ``.parquet`` file, or a folder of
        ``.txt``/``.md`` files.
    chunk_size : int, default=5000
        Documents per chunk. Parquet is read one row group at a time, so its memory
        also depends on the row groups the file was written with.
    text, doc_id, source, date, lang, title, url, format, encoding, infer_lang, empty, date_format
        As in :func:`framing.read_corpus`.

    Yields
    ------
    DataFrame
        Corpus tables (the columns of :func:`framing.read_corpus`), in file order.

    Raises
    ------
    InputError, CorpusError
        The messages of :func:`framing.read_corpus`, naming the file and line (or row)
        of every problem; a ``doc_id`` that repeats one of an earlier chunk is reported
        with both lines.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "c.jsonl").write_text(
    ...     '{"doc_id": "a", "lang": "en", "text": "One."}\\n'
    ...     '{"doc_id": "b", "lang": "en", "text": "Two."}\\n'
    ...     '{"doc_id": "c", "lang": "en", "text": "Three."}\\n')
    >>> [list(c["doc_id"]) for c in iter_corpus_chunks(folder / "c.jsonl", chunk_size=2)]
    [['a', 'b'], ['c']]
    """
    options = {"text": text, "doc_id": doc_id, "source": source, "date": date, "lang": lang,
               "title": title, "url": url, "format": format, "encoding": encoding,
               "infer_lang": infer_lang, "empty": empty, "date_format": date_format}
    reader = _Reader(path, chunk_size, options)
    for chunk in reader.chunks():
        yield chunk.corpus
    reader.finish()


@dataclass
class _Chunk:
    corpus: pd.DataFrame
    rows: int                  # input records consumed up to the end of this chunk
    position: dict             # where to start reading the next chunk
    progress: int              # bytes (or rows, for Parquet) consumed so far
    hashes: np.ndarray         # doc_id hashes of the chunk
    where: np.ndarray          # line (or row) of each document


class _Reader:
    """Chunks of a corpus file: raw records, validated, doc_ids checked across chunks."""

    def __init__(self, path, chunk_size: int, options: dict, columns=None):
        if not isinstance(chunk_size, int) or isinstance(chunk_size, bool) or chunk_size < 1:
            raise InputError(f"chunk_size must be a positive int; got {chunk_size!r}.")
        if options.get("empty", "error") not in ("error", "drop"):
            raise InputError(f"empty must be 'error' or 'drop'; got {options['empty']!r}.")
        _check_date_format(options.get("date_format"))
        if str(path) == "sample":
            from framing.corpus import sample_corpus_path

            path = sample_corpus_path()
        self.path = Path(path)
        if not self.path.exists():
            raise InputError("no such file or folder", path=self.path)
        fmt = options.get("format") or ("folder" if self.path.is_dir() else
                                        CORPUS_FORMATS.get(self.path.suffix.lower()))
        if fmt is None:
            raise InputError(f"cannot tell the corpus format from the extension "
                             f"{self.path.suffix!r}; use one of {', '.join(CORPUS_FORMATS)}, "
                             "a folder of .txt/.md files, or pass format=", path=self.path)
        if fmt not in ("csv", "tsv", "jsonl", "parquet", "folder"):
            raise InputError(f"unknown corpus format {fmt!r}; choose from csv, tsv, jsonl, "
                             "parquet, folder", path=self.path)
        self.fmt, self.size, self.options, self.columns = fmt, chunk_size, options, columns
        self.mapping = {k: options.get(k, k) for k in ("text", "source", "date", "lang",
                                                       "title", "url")}
        self.seen = _SeenIds()
        self.dropped = 0
        self.records = 0
        encoding = options.get("encoding", "utf-8")
        try:
            ascii_ok = "\n,a".encode(encoding) == b"\n,a"
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", path=self.path) from None
        if not ascii_ok and fmt != "parquet":
            raise InputError(f"streaming reads files in an ASCII-compatible encoding (utf-8, "
                             f"latin-1, cp1252, ...); got {encoding!r}: convert the file, or "
                             "read it whole with framing.read_corpus", path=self.path)

    # -- progress
    @property
    def total(self) -> int:
        if self.fmt == "parquet":
            import pyarrow.parquet as pq

            try:
                return pq.ParquetFile(self.path).metadata.num_rows
            except Exception as exc:  # pyarrow raises several types for a bad file
                raise InputError(f"cannot read as Parquet: {exc}", path=self.path) from None
        if self.fmt == "folder":
            return len(_folder_files(self.path))
        return self.path.stat().st_size

    @property
    def unit(self) -> str:
        return {"parquet": "rows", "folder": "files"}.get(self.fmt, "B")

    # -- chunks
    def chunks(self, start: dict | None = None):
        """Validated chunks, starting after the records described by ``start``."""
        raw = {"jsonl": _jsonl_records, "csv": _delimited_records, "tsv": _delimited_records,
               "parquet": _parquet_records, "folder": _folder_records}[self.fmt]
        for df, lines, row0, position, progress in raw(self, start or {}):
            corpus, where, kind = self._validate(df, lines, row0)
            hashes = self._check_ids(corpus, where, kind)
            yield _Chunk(corpus, row0 + len(df), position, progress, hashes, where)

    def finish(self) -> None:
        """Warn once for the whole corpus (documents dropped with ``empty='drop'``)."""
        if self.dropped:
            warnings.warn(f"{self.path}: dropped {self.dropped} document(s) with empty text "
                          "(empty='drop').", stacklevel=3)

    def _validate(self, df: pd.DataFrame, lines, row0: int):
        """The chunk as a corpus table (validate_corpus), and the line or row of each
        document, with ``"line"`` or ``"row"``."""
        doc_id = self.options.get("doc_id")
        if self.fmt == "folder" and doc_id is None:
            doc_id = "doc_id"
        df.columns = [str(c) for c in df.columns]
        if doc_id is None and "doc_id" not in df.columns and "id" not in df.columns:
            # read_corpus numbers the rows of the whole file; so do we, across chunks
            df.insert(0, "doc_id", [str(i) for i in range(row0 + 1, row0 + len(df) + 1)])
        where = np.asarray(lines if lines is not None else range(row0 + 1, row0 + len(df) + 1),
                           dtype=np.int64)
        empty = self.options.get("empty", "error")
        if empty == "drop" and self.mapping["text"] in df.columns:
            blank = df[self.mapping["text"]].map(
                lambda v: isinstance(v, str) and not v.strip()).to_numpy(dtype=bool)
            where = where[~blank]
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=r".*dropped \d+ document\(s\) with "
                                        r"empty text")
                corpus = validate_corpus(df, mapping=self.mapping, doc_id=doc_id,
                                         infer_lang=self.options.get("infer_lang", True),
                                         path=self.path, lines=lines, empty=empty,
                                         date_format=self.options.get("date_format"))
        except CorpusError as exc:
            if lines is None and row0:
                raise CorpusError(_shift_rows(exc.problems, row0), path=self.path,
                                  hint=exc.hint) from None
            raise
        self.dropped += len(df) - len(corpus)
        return corpus, where, "line" if lines is not None else "row"

    def _check_ids(self, corpus: pd.DataFrame, where: np.ndarray, kind: str) -> np.ndarray:
        """Hashes of the chunk's doc_ids, after checking them against earlier chunks."""
        ids = corpus["doc_id"].tolist()
        hashes = _id_hashes(ids)
        dups = self.seen.find(hashes)
        if dups:
            label = str(self.path)
            problems = []
            for k, first in dups:
                at = f"{label}:{where[k]}" if kind == "line" else f"{label}: row {where[k]}"
                problems.append(f"{at}: duplicate doc_id {ids[k]!r} (2 times, {kind}s "
                                f"{first}, {where[k]}; the first in an earlier chunk)")
            raise CorpusError(problems, path=self.path)
        self.seen.add(hashes, where)
        return hashes


def _shift_rows(problems: list[str], offset: int) -> list[str]:
    """Row numbers of a chunk's messages -> row numbers of the whole file."""
    def one(p: str) -> str:
        p = re.sub(r": row (\d+)", lambda m: f": row {int(m.group(1)) + offset}", p, count=1)
        return re.sub(r"rows ([\d, ]+)\)", lambda m: "rows " + ", ".join(
            str(int(n) + offset) for n in m.group(1).split(", ")) + ")", p)
    return [one(p) for p in problems]


def _id_hashes(ids: list) -> np.ndarray:
    if not ids:
        return np.empty(0, dtype=np.uint64)
    return pd.util.hash_array(np.asarray(ids, dtype=object), categorize=False)


class _SeenIds:
    """The doc_ids of earlier chunks as sorted 64-bit hashes (16 bytes per document)."""

    def __init__(self):
        self.hashes = np.empty(0, dtype=np.uint64)
        self.where = np.empty(0, dtype=np.int64)

    def find(self, hashes: np.ndarray) -> list[tuple[int, int]]:
        """``(index in hashes, line or row of the earlier one)`` of repeated ids."""
        if not len(self.hashes) or not len(hashes):
            return []
        at = np.minimum(np.searchsorted(self.hashes, hashes), len(self.hashes) - 1)
        found = np.flatnonzero(self.hashes[at] == hashes)
        return [(int(k), int(self.where[at[k]])) for k in found]

    def add(self, hashes: np.ndarray, where: np.ndarray) -> None:
        order = np.argsort(hashes, kind="stable")
        hashes, where = hashes[order], where[order]
        at = np.searchsorted(self.hashes, hashes)
        self.hashes = np.insert(self.hashes, at, hashes)
        self.where = np.insert(self.where, at, where)


# -- raw records per format: yield (df, lines or None, first row, next position, progress)


_TEXT_OR_NONE = frozenset({str, type(None)})


def _records_frame(records: list[dict], text_key: str) -> pd.DataFrame:
    """The table of some JSON records, with their text column holding the Python strings
    as they are (``object``): converting them into a pandas string column and back, for
    validation and detection, would cost more than reading them."""
    columns = list(dict.fromkeys(key for record in records for key in record))
    if text_key not in columns:
        return pd.DataFrame.from_records(records, columns=columns)
    data = {key: [record.get(key) for record in records] for key in columns}
    if all(set(map(type, data[key])) <= _TEXT_OR_NONE for key in columns):
        # Every value is text or missing (the usual case): object columns, which validation
        # turns into the same string columns; pandas' inference of each column would cost
        # more than parsing the JSON.
        return pd.DataFrame({key: pd.Series(values, dtype=object)
                             for key, values in data.items()})
    df = pd.DataFrame.from_records(records, columns=columns, exclude=[text_key])
    df.insert(columns.index(text_key), text_key,
              pd.Series([record.get(text_key) for record in records], dtype=object))
    return df


def _jsonl_records(reader: _Reader, start: dict):
    path, size = reader.path, reader.size
    encoding = reader.options.get("encoding", "utf-8")
    text_key = reader.mapping["text"]
    offset, line, row0 = start.get("offset", 0), start.get("line", 0), start.get("rows", 0)
    records, lines = [], []
    with open(path, "rb") as f:
        f.seek(offset)
        for raw in f:
            line += 1
            text = _decode_line(path, raw, encoding, offset, line)
            offset += len(raw)
            if line == 1 and text.startswith("\ufeff"):
                text = text[1:]
            if not text.strip():
                continue
            records.append(json_record(text, path, line, last=not raw.endswith(b"\n")))
            lines.append(line)
            if len(records) == size:
                yield (_records_frame(records, text_key), lines, row0,
                       {"offset": offset, "line": line, "rows": row0 + len(records)}, offset)
                row0 += len(records)
                records, lines = [], []
    if records:
        yield (_records_frame(records, text_key), lines, row0,
               {"offset": offset, "line": line, "rows": row0 + len(records)}, offset)
    elif row0 == 0:
        raise InputError("the file holds no JSON records", path=path)


def _decode_line(path, raw: bytes, encoding: str, offset: int, line: int) -> str:
    """Decode one line; an error names the byte offset in the file, as read_corpus does."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        # only the last line of a file can end inside a character (a line break ends one)
        raise _bad_bytes(path, encoding, raw[exc.start:exc.end], offset + exc.start, line,
                         exc.start + 1, at_end=_cut_at_end(exc, len(raw))) from None


_LINE_END = re.compile(r"\r\n|\r|\n")


class _DecodedText(io.TextIOBase):
    """A file decoded block by block; a decoding error names the file, line and byte."""

    def __init__(self, path: Path, encoding: str):
        self.path, self.codec = path, encoding
        self.file = open(path, "rb")
        self.decoder = codecs.getincrementaldecoder(encoding)()
        self.offset = 0            # bytes read from the file so far
        self.pending = ""
        self.first, self.eof = True, False

    def readable(self) -> bool:
        return True

    def _block(self) -> str | None:
        if self.eof:
            return None
        block = self.file.read(1 << 16)
        try:
            text = self.decoder.decode(block, final=not block)
        except UnicodeDecodeError as exc:
            held = len(exc.object) - len(block)     # bytes the decoder kept from before
            self._fail(self.offset - held + exc.start, exc.object[exc.start:exc.end],
                       at_end=not block and _cut_at_end(exc, len(exc.object)))
        self.offset += len(block)
        self.eof = not block
        if self.first and text:
            text, self.first = (text[1:] if text.startswith("\ufeff") else text), False
        return text

    def read(self, n: int | None = -1) -> str:
        if n is None or n < 0:
            parts = [self.pending]
            while (text := self._block()) is not None:
                parts.append(text)
            self.pending = ""
            return "".join(parts)
        while len(self.pending) < n and (text := self._block()) is not None:
            self.pending += text
        out, self.pending = self.pending[:n], self.pending[n:]
        return out

    def readline(self, limit: int | None = -1) -> str:
        """The next line with its line break (``\\n``, ``\\r\\n`` or ``\\r``, as
        ``io.StringIO(text, newline="")`` splits a text)."""
        while True:
            m = _LINE_END.search(self.pending)
            if m is not None and (m.end() < len(self.pending) or m.group() != "\r"):
                break                               # a lone \r at the end may be \r\n
            if (text := self._block()) is None:
                break
            self.pending += text
        end = m.end() if m is not None else len(self.pending)
        line, self.pending = self.pending[:end], self.pending[end:]
        return line

    def __iter__(self):
        while line := self.readline():
            yield line

    def _fail(self, at: int, bad: bytes, at_end: bool = False):
        line, column = 1, at + 1
        with open(self.path, "rb") as f:               # count lines up to the bad byte
            pos = 0
            while pos < at:
                block = f.read(min(1 << 20, at - pos))
                n = block.count(b"\n")
                if n:
                    line += n
                    column = at - (pos + block.rfind(b"\n") + 1) + 1
                pos += len(block)
        raise _bad_bytes(self.path, self.codec, bad, at, line, column, at_end=at_end)

    def close(self) -> None:
        self.file.close()
        super().close()


def _delimited_records(reader: _Reader, start: dict):
    """CSV/TSV records parsed by pandas (as read_corpus does), in chunks; the line of each
    record from a parallel ``csv.reader`` (read_corpus's ``_csv_records``). Resuming
    re-parses the finished records. A malformed file is reported by read_corpus's
    ``_malformed``, which reads the file again, bit by bit."""
    path, size, fmt = reader.path, reader.size, reader.fmt
    encoding = reader.options.get("encoding", "utf-8")
    sep = "\t" if fmt == "tsv" else ","

    def malformed(message: str) -> InputError:
        return _malformed(path, lambda: _file_lines(path, encoding), sep, fmt, message)

    stream, lines_stream = _DecodedText(path, encoding), _DecodedText(path, encoding)
    try:
        records = _csv_records(lines_stream, sep)
        with _long_fields():
            first = next(records, None)
        if first is None:
            raise InputError("the file is empty; expected a header line with column names",
                             path=path, line=1)
        _check_header(path, first[1], sep, first[0])
        skip, row0 = start.get("rows", 0), 0
        try:
            parts = pd.read_csv(stream, sep=sep, dtype=str, keep_default_na=False,
                                na_filter=False, chunksize=size)
            for df in parts:
                if not isinstance(df.index, pd.RangeIndex):
                    # each row has one field more than the header: pandas took the first
                    # as the index (read_corpus refuses such a file)
                    raise malformed("")
                lines = _next_lines(records, len(df))
                if row0 + len(df) > skip:
                    progress = min(stream.offset, reader.total)
                    yield df.reset_index(drop=True), lines, row0, {"rows": row0 + len(df)}, \
                        progress
                row0 += len(df)
        except pd.errors.ParserError as exc:
            raise malformed(str(exc).strip()) from None
        except pd.errors.EmptyDataError:
            raise InputError("no columns found; expected a header line", path=path) from None
    finally:
        stream.close()
        lines_stream.close()


def _file_lines(path: Path, encoding: str):
    """The physical lines of a text file, read bit by bit (closed when done)."""
    text = _DecodedText(path, encoding)
    try:
        yield from text
    finally:
        text.close()


def _next_lines(records, n: int) -> list[int] | None:
    """The start lines of the next ``n`` records of ``_csv_records`` (which skips blank
    lines and lines of spaces, as pandas does)."""
    with _long_fields():
        out = [start for start, _ in itertools.islice(records, n)]
    return out if len(out) == n else None


def _parquet_records(reader: _Reader, start: dict):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path, size = reader.path, reader.size
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a bad file
        raise InputError(f"cannot read as Parquet: {exc}", path=path) from None
    columns = None
    if reader.columns is not None:
        names = set(pf.schema_arrow.names)
        columns = [c for c in reader.columns if c in names] or None
    skip = start.get("rows", 0)
    first, group = 0, 0
    meta = pf.metadata
    while group < meta.num_row_groups and first + meta.row_group(group).num_rows <= skip:
        first += meta.row_group(group).num_rows
        group += 1
    row0, pending, drop = first, [], skip - first
    # one row group at a time (reading ahead across row groups would buffer the file), in
    # record batches (so a file written as one huge row group is still read in pieces)
    batches = (batch for g in range(group, meta.num_row_groups)
               for batch in pf.iter_batches(batch_size=min(size, 65536), columns=columns,
                                            row_groups=[g], use_threads=False))
    while True:
        try:
            batch = next(batches, None)
        except Exception as exc:  # a damaged file fails while it is read
            raise InputError(f"cannot read as Parquet: {exc}", path=path) from None
        if batch is None:
            break
        if drop:
            cut = min(drop, batch.num_rows)
            batch, drop = batch.slice(cut), drop - cut
            row0 += cut
        pending.append(batch)
        while sum(b.num_rows for b in pending) >= size:
            whole = pa.Table.from_batches(pending)
            head, rest = whole.slice(0, size), whole.slice(size)
            pending = rest.to_batches()
            yield head.to_pandas(), None, row0, {"rows": row0 + size}, row0 + size
            row0 += size
    if sum(b.num_rows for b in pending):
        whole = pa.Table.from_batches(pending)
        yield whole.to_pandas(), None, row0, {"rows": row0 + whole.num_rows}, \
            row0 + whole.num_rows


def _folder_files(path: Path) -> list[Path]:
    from framing.corpus import _TEXT_SUFFIXES

    return sorted(p for p in path.rglob("*") if p.suffix.lower() in _TEXT_SUFFIXES
                  and p.is_file())


def _folder_records(reader: _Reader, start: dict):
    from framing.corpus import _decode, _front_matter

    path, size = reader.path, reader.size
    files = _folder_files(path)
    if not files:
        raise InputError("the folder holds no .txt or .md files", path=path)
    encoding = reader.options.get("encoding", "utf-8")
    for a in range(start.get("rows", 0), len(files), size):
        records = []
        for f in files[a:a + size]:
            body = _decode(f, f.read_bytes(), encoding)
            meta, body = _front_matter(f, body)
            rel = f.relative_to(path).with_suffix("").as_posix()
            records.append({"doc_id": str(meta.pop("doc_id", rel)), **meta, "text": body,
                            "file": f.relative_to(path).as_posix()})
        b = min(a + size, len(files))
        yield pd.DataFrame.from_records(records), None, a, {"rows": b}, b


# ---------------------------------------------------------------------------- streaming


def stream_scores(path, lexicon, out, *, chunk_size: int = 5000, resume: bool = True,
                  n_jobs: int = 1, per: int = 1000, progress: bool | None = None,
                  text: str = "text", doc_id: str | None = None, source: str = "source",
                  date: str = "date", lang: str = "lang", title: str = "title",
                  url: str = "url", format: str | None = None, encoding: str = "utf-8",
                  infer_lang: bool = True, empty: str = "error", voice=None,
                  negated: bool | None = None, date_format: str | None = None) -> StreamResult:
    """Score a corpus file of any size chunk by chunk, in flat memory, resumably.

    Every chunk is read, validated (the messages of :func:`framing.read_corpus`),
    matched and scored; its scores are written to ``<out>.partial/`` with a small state
    file. If the run is interrupted, the same call resumes after the last finished chunk,
    provided the input file (size, modification time, first MB), the lexicon version and
    the reading options are unchanged; otherwise it says why and starts over. The output
    is assembled from the chunk files at the end and renamed into place, so ``out`` is
    never half-written; then ``<out>.partial/`` is removed.

    Parameters
    ----------
    path : str or Path
        A ``.csv``, ``.tsv``, ``.jsonl`` or ``.parquet`` file, or a folder of text files.
    lexicon : Lexicon, str, Path or CompiledLexicon
    out : str or Path
        The scores file: ``.parquet`` (recommended), ``.csv``, ``.tsv`` or ``.jsonl``.
    chunk_size : int, default=5000
        Documents per chunk (memory grows with it, not with the corpus).
    resume : bool, default=True
        Continue an interrupted run; ``False`` discards its chunks and starts over.
    n_jobs : int, default=1
        Worker processes for matching (``-1``: every core); the lexicon is sent once to
        each, and the output is identical.
    per : int, default=1000
        Rates are hits per ``per`` tokens.
    progress : bool, optional
        Show a progress bar with an ETA (by bytes, or rows for Parquet); by default shown
        for inputs over 50 MB.
    text, doc_id, source, date, lang, title, url, format, encoding, infer_lang, empty, date_format
        As in :func:`framing.read_corpus`.
    voice, negated : optional
        Count only hits with these context values, as in
        :func:`framing.score_documents` (``voice="author"`` or a list of voices,
        ``negated=False``). The context of each hit (:mod:`framing.context`) is then
        read while the hit is found, by the process that finds it.

    Returns
    -------
    StreamResult
        ``path``, ``documents``, ``frames``, ``chunks`` and ``resumed`` (chunks taken from
        an earlier run).

    Raises
    ------
    InputError, CorpusError
        As :func:`framing.read_corpus`, for the first chunk with a problem, and before
        anything is read for a bad argument. Nothing is written then: ``out`` stays as it
        was, and ``<out>.partial/`` is removed (the message says so), since the chunks
        scored before the problem could not be taken over once the input or the options
        are corrected. Only an interrupted run (Ctrl-C, a crash) keeps its finished
        chunks for the next run.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> pd.DataFrame({"doc_id": ["a", "b"], "lang": ["en", "en"],
    ...               "text": ["A proxy war.", "Peace talks."]}).to_csv(folder / "c.csv")
    >>> result = stream_scores(folder / "c.csv", "ukraine_war", folder / "s.parquet",
    ...                        chunk_size=1)
    >>> result.documents, result.chunks
    (2, 2)
    >>> scores = pd.read_parquet(result.path)
    >>> int(scores.loc[scores.frame == "proxy_war", "count"].sum())
    1
    """

    from framing.detect import (
        _n_workers,
        _submit_pieces,
        _warn_languages,
        compile_lexicon,
        worker_pool,
    )

    out = Path(out)
    suffix = _writer(out)
    # every argument is checked before any state is created (nothing left behind)
    filters = check_filters(voice, negated, "stream_scores")
    workers = _n_workers(n_jobs)
    check_per(per)
    for name, value in (("resume", resume), ("infer_lang", infer_lang)):
        if not isinstance(value, bool):
            raise InputError(f"{name} must be True or False; got {value!r}.")
    if progress is not None and not isinstance(progress, bool):
        raise InputError(f"progress must be True, False or None; got {progress!r}.")
    compiled = compile_lexicon(lexicon)
    sentences = _detection_mode(filters)
    options = {"text": text, "doc_id": doc_id, "source": source, "date": date, "lang": lang,
               "title": title, "url": url, "format": format, "encoding": encoding,
               "infer_lang": infer_lang, "empty": empty, "date_format": date_format}
    reader = _Reader(path, chunk_size, options)
    total = reader.total                # a Parquet file that cannot be read fails here
    partial = out.with_name(out.name + ".partial")
    state = _start_state(reader, compiled, partial, options, chunk_size, per, resume,
                         filters)
    resumed = len(state["chunks"])
    pool = bar = None
    missing: Counter = Counter()

    def score(chunk, job):
        return _score(chunk, job, compiled, per, missing, sentences, filters)

    try:
        for entry in state["chunks"]:                 # doc_ids of the finished chunks
            with np.load(partial / entry["ids"]) as ids:
                reader.seen.add(ids["hashes"], ids["where"])
        pool = worker_pool(compiled, workers) if workers > 1 else None
        bar = _bar(reader, progress, state["chunks"][-1]["progress"] if resumed else 0,
                   total)
        start = state["chunks"][-1]["position"] if resumed else None
        pending = None                  # a chunk whose hits the workers are finding
        for chunk in reader.chunks(start):
            if pool is None:
                _save_chunk(score(chunk, None), chunk, partial, state, bar)
                continue
            job = _submit_pieces(pool, workers, chunk.corpus, _tally_piece, sentences,
                                 filters)
            if pending is not None:     # score the previous chunk while the workers work
                _save_chunk(score(*pending), pending[0], partial, state, bar)
            pending = (chunk, job)
        if pending is not None:
            _save_chunk(score(*pending), pending[0], partial, state, bar)
    except FramingError as exc:
        # A problem in the input: fixing it changes the file (or the options), and then the
        # chunks done so far cannot be taken over; they are discarded, and the error says so.
        shutil.rmtree(partial, ignore_errors=True)
        raise _nothing_written(exc, out, state) from None
    except BaseException:
        # Interrupted (Ctrl-C), or the machine failed (disk full, a worker killed): the
        # finished chunks stay in <out>.partial/ for the same command to resume.
        if not state["chunks"]:         # nothing finished, nothing to resume: leave no trace
            shutil.rmtree(partial, ignore_errors=True)
        raise
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if bar is not None:
            bar.close()
    reader.finish()
    _warn_languages(missing, compiled, stacklevel=2)
    _assemble(partial, state, out, suffix, compiled)
    return StreamResult(out, sum(c["documents"] for c in state["chunks"]),
                        len(compiled.lexicon.frames), len(state["chunks"]), resumed)


def _nothing_written(exc: FramingError, out: Path, state: dict) -> FramingError:
    """The error of a run stopped by a problem in its input, saying that nothing was
    written and what became of the chunks already scored."""
    done = state["chunks"]
    note = f"Nothing was written to {out}"
    if done:
        n = sum(c["documents"] for c in done)
        note += (f"; the {len(done)} chunk{'s' if len(done) != 1 else ''} ({n} documents) "
                 f"scored before this problem {'were' if len(done) != 1 else 'was'} "
                 "discarded, since a corrected input is scored from the start")
    note += "."
    if isinstance(exc, ProblemsError):
        hint = f"{note}\n{exc.hint}" if exc.hint else note     # how to fix it stays last
        return type(exc)(exc.problems, path=exc.path, hint=hint)
    if isinstance(exc, InputError):
        return InputError(f"{exc.reason}\n{note}", path=exc.path, line=exc.line,
                          column=exc.column)
    return exc


def _score(chunk: _Chunk, job, compiled, per: int, missing: Counter, sentences=False,
           filters: dict | None = None) -> pd.DataFrame:
    """The scores of a chunk: from the workers' tallies of its pieces (``job``) or here."""
    filters = filters or {}
    tallies = [_tally_piece(compiled, chunk.corpus, sentences, filters)] if job is None \
        else [future.result() for future in job]
    return _score_tallies(chunk.corpus, compiled, tallies, per, filters, missing)


def _save_chunk(scores: pd.DataFrame, chunk: _Chunk, partial: Path, state: dict, bar) -> None:
    """Write a finished chunk (scores, doc_id hashes), then record it in the state file."""
    k = len(state["chunks"])
    name = f"chunk-{k:06d}"
    with atomic_path(partial / f"{name}.parquet") as tmp:
        _write_chunk(scores, tmp)
    with atomic_path(partial / f"{name}.ids.npz") as tmp:
        with open(tmp, "wb") as f:
            np.savez(f, hashes=chunk.hashes, where=chunk.where)
    state["chunks"].append({"scores": f"{name}.parquet", "ids": f"{name}.ids.npz",
                            "documents": len(chunk.corpus), "rows": chunk.rows,
                            "position": chunk.position, "progress": chunk.progress})
    _write_state(partial, state)
    if bar is not None:
        bar.update(chunk.progress - bar.n)


def _write_chunk(scores: pd.DataFrame, path) -> None:
    """Write a chunk's scores as Parquet. A corpus column whose values mix types (numbers
    and text, as a JSON field may) is written as text (missing values stay missing):
    Parquet holds one type per column."""
    import pyarrow as pa

    try:
        scores.to_parquet(path, index=False)
        return
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        pass
    scores = scores.copy()
    for col in scores.columns:
        try:
            pa.array(scores[col], from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            scores[col] = scores[col].map(lambda v: v if v is None or isinstance(v, str)
                                          or (isinstance(v, float) and v != v) else str(v))
    scores.to_parquet(path, index=False)


def _input_identity(path: Path) -> dict:
    """Size, modification time and a hash of the first MB of a file (or of a folder's
    file list), to tell whether a resumed run reads the same input."""
    if path.is_dir():
        files = _folder_files(path)
        h = hashlib.sha256("\n".join(f"{f.relative_to(path)}:{f.stat().st_size}:"
                                     f"{f.stat().st_mtime_ns}" for f in files).encode())
        return {"path": str(path.resolve()), "size": len(files), "mtime_ns": 0,
                "head_sha256": h.hexdigest()}
    st = path.stat()
    with open(path, "rb") as f:
        head = hashlib.sha256(f.read(_HEAD_BYTES)).hexdigest()
    return {"path": str(path.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "head_sha256": head}


def _start_state(reader: _Reader, compiled, partial: Path, options: dict, chunk_size: int,
                 per: int, resume: bool, filters: dict | None = None) -> dict:
    """The state of a resumable run: the earlier one if it matches, else a fresh one."""
    lex = compiled.lexicon
    fresh = {"version": _STATE_VERSION, "input": _input_identity(reader.path),
             "lexicon": {"name": lex.name, "version_id": lex.version_id},
             "options": {**{k: options.get(k) for k in _READ_KEYS},
                         "chunk_size": chunk_size, "per": per,
                         "voice": (filters or {}).get("voice"),
                         "negated": (filters or {}).get("negated")},
             "chunks": []}
    old = _read_state(partial) if resume else None
    if old is not None:
        why = _mismatch(old, fresh, reader.path)
        if why is None:
            return old
        # only an interrupted run leaves a state: one stopped by a problem in its input
        # removes it (see stream_scores)
        warnings.warn(f"{partial}: cannot resume the interrupted run: {why}; starting over.",
                      stacklevel=3)
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    _write_state(partial, fresh)
    return fresh


def _mismatch(old: dict, new: dict, path: Path) -> str | None:
    if old.get("version") != _STATE_VERSION:
        return "it was written by another version of framing"
    a, b = old.get("input", {}), new["input"]
    if a.get("path") != b["path"]:
        return f"it read {a.get('path')}, not {b['path']}"
    if a.get("size") != b["size"]:
        return (f"the input {path} changed since then (size {a.get('size')} -> {b['size']} "
                "bytes)")
    if a.get("head_sha256") != b["head_sha256"]:
        return f"the input {path} changed since then (its first MB differs)"
    if a.get("mtime_ns") != b["mtime_ns"]:
        return f"the input {path} changed since then (modified after the interrupted run)"
    la, lb = old.get("lexicon", {}), new["lexicon"]
    if la != lb:
        return (f"it used lexicon {la.get('name')!r} version {la.get('version_id')}, not "
                f"{lb['name']!r} version {lb['version_id']}")
    if old.get("options") != new["options"]:
        changed = sorted(k for k in new["options"]
                         if old.get("options", {}).get(k) != new["options"][k])
        return f"its options differ ({', '.join(changed)})"
    return None


def _read_state(partial: Path) -> dict | None:
    try:
        state = json.loads((partial / "state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    chunks = state.get("chunks", [])
    good = []
    for entry in chunks:                               # keep the chunks whose files exist
        if not ((partial / entry["scores"]).is_file() and (partial / entry["ids"]).is_file()):
            break
        good.append(entry)
    state["chunks"] = good
    return state


def _write_state(partial: Path, state: dict) -> None:
    atomic_write_text(partial / "state.json", json.dumps(state, indent=1))


def _bar(reader: _Reader, progress: bool | None, initial: int, total: int | None = None):
    total = reader.total if total is None else total
    if progress is None:
        progress = reader.unit == "B" and total >= 50_000_000
    if not progress:
        return None
    from tqdm.auto import tqdm

    if reader.unit == "B":
        return tqdm(total=total, initial=initial, unit="B", unit_scale=True,
                    unit_divisor=1024, desc="scoring", smoothing=0.1)
    return tqdm(total=total, initial=initial, unit=reader.unit, desc="scoring",
                smoothing=0.1)


# ----------------------------------------------------------------------------- assembly

_WRITERS = (".parquet", ".csv", ".tsv", ".jsonl")


def _writer(out: Path) -> str:
    suffix = out.suffix.lower()
    if suffix not in _WRITERS:
        raise InputError(f"cannot write {suffix or 'a file without extension'!r}; use .csv, "
                         ".tsv, .jsonl or .parquet", path=out)
    return suffix


def _assemble(partial: Path, state: dict, out: Path, suffix: str, compiled) -> None:
    """Join the chunk files into ``out`` (written beside it, then renamed), and clean up."""
    import pyarrow.parquet as pq

    files = [partial / c["scores"] for c in state["chunks"]]
    schema = _unified_schema([pq.read_schema(f) for f in files], compiled)
    with atomic_path(out) as tmp:
        if suffix == ".parquet":
            with pq.ParquetWriter(tmp, schema) as w:
                for f in files:
                    w.write_table(_conform(pq.read_table(f), schema))
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                if not files and suffix != ".jsonl":
                    fh.write(("\t" if suffix == ".tsv" else ",").join(schema.names) + "\n")
                for k, f in enumerate(files):
                    df = _conform(pq.read_table(f), schema).to_pandas()
                    if suffix == ".jsonl":
                        fh.write(df.to_json(orient="records", lines=True, force_ascii=False,
                                            date_format="iso"))
                    else:
                        df.to_csv(fh, index=False, header=k == 0,
                                  sep="\t" if suffix == ".tsv" else ",")
    shutil.rmtree(partial, ignore_errors=True)


def _unified_schema(schemas, compiled):
    """One schema for every chunk file (a column that is all null in a chunk takes the type
    it has elsewhere; a column whose types cannot be reconciled, such as numbers in one
    chunk and text in another, becomes text); columns in the order of the scores table."""
    import pyarrow as pa

    from framing.score import _metadata_order

    if not schemas:                       # no documents: the columns of an empty table
        from framing.detect import _hits_table
        from framing.score import score_documents

        empty = pd.DataFrame({"doc_id": pd.Series(dtype=str), "text": pd.Series(dtype=str)})
        scores = score_documents(_hits_table([], compiled.lexicon), empty,
                                 lexicon=compiled.lexicon,
                                 n_tokens=pd.Series(dtype="int64", name="n_tokens"))
        return pa.Table.from_pandas(scores, preserve_index=False).schema
    metadata = schemas[0].metadata
    schemas = [s.remove_metadata() for s in schemas]
    try:
        merged = pa.unify_schemas(schemas, promote_options="permissive")
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        names = list(dict.fromkeys(name for s in schemas for name in s.names))
        fields = []
        for name in names:
            types = [s.field(name) for s in schemas if name in s.names]
            try:
                fields.append(pa.unify_schemas([pa.schema([f]) for f in types],
                                               promote_options="permissive").field(name))
            except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
                fields.append(pa.field(name, pa.string()))
        merged = pa.schema(fields)
    order = _metadata_order(merged.names)
    fields = []
    for name in order:
        f = merged.field(name)
        fields.append(pa.field(name, pa.string()) if pa.types.is_null(f.type) else f)
    return pa.schema(fields, metadata=metadata)


def _conform(table, schema):
    import pyarrow as pa

    cols = []
    for f in schema:
        if f.name not in table.column_names:
            cols.append(pa.nulls(table.num_rows, type=f.type))
            continue
        column = table.column(f.name)
        try:
            cols.append(column.cast(f.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            cols.append(pa.array([None if v is None else str(v) for v in column.to_pylist()],
                                 type=f.type))
    return pa.Table.from_arrays(cols, schema=schema)


# --------------------------------------------------------------------------------- Dask


def score_dask(ddf, lexicon, *, per: int = 1000, validate: bool = True, voice=None,
               negated: bool | None = None):
    """Score every partition of a Dask DataFrame of a corpus (lazily).

    The same scoring as :func:`framing.score_corpus`, applied with ``map_partitions``.
    The lexicon is compiled once here and travels to each worker once (a single task of
    the graph that every partition depends on), not once per partition.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        A corpus: ``doc_id``, ``text`` and, as in :func:`framing.read_corpus`, optional
        ``lang``, ``source``, ``date``, ``title``. Read one with, for example,
        ``dask.dataframe.read_parquet("corpus/*.parquet")``.
    lexicon : Lexicon, str, Path or CompiledLexicon
    per : int, default=1000
    validate : bool, default=True
        Check each partition with :func:`framing.validate_corpus` (messages name rows of
        the partition; doc_ids are checked within each partition, not across them).
    voice, negated : optional
        Context filters, as in :func:`stream_scores`.

    Returns
    -------
    dask.dataframe.DataFrame
        The scores table, lazily: call ``.compute()`` (small corpora) or write it with
        ``.to_parquet(folder)``. Each partition's index starts at 0.

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> from framing.lexicon import parse_lexicon
    >>> lexicon = parse_lexicon("{name: demo, frames: {proxy_war: {terms: {en: ['proxy war*']}}}}")
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "lang": "en",
    ...                        "text": ["A proxy war.", "Talks went on.", "Another proxy war."]})
    >>> scores = score_dask(dd.from_pandas(corpus, npartitions=2), lexicon)
    >>> scores.compute()[["doc_id", "frame", "count", "n_tokens"]]
      doc_id      frame  count  n_tokens
    0      a  proxy_war      1         3
    1      b  proxy_war      0         3
    0      c  proxy_war      1         3
    """
    import dask

    from framing.detect import _prefilter, compile_lexicon

    if not (hasattr(ddf, "map_partitions") and hasattr(ddf, "_meta_nonempty")):
        raise InputError(f"ddf must be a dask DataFrame; got {type(ddf).__name__} (for a "
                         "table in memory, use framing.score_corpus).")
    if validate and "doc_id" not in ddf.columns and "id" not in ddf.columns:
        raise InputError("score_dask needs a doc_id column: without one, each partition "
                         "would number its documents from 1 again, and documents of "
                         "different partitions would share ids. Add unique ids first, e.g. "
                         "from a URL or file name column.")
    check_per(per)
    filters = check_filters(voice, negated, "score_dask")
    compiled = compile_lexicon(lexicon)
    _prefilter(compiled)
    shipped = dask.delayed(compiled, pure=True, traverse=False,
                           name=f"framing-lexicon-{compiled.lexicon.version_id}")
    columns = list(ddf.columns)
    meta = _score_partition(_meta_corpus(ddf), compiled, per, validate, filters).iloc[:0]
    return ddf.map_partitions(_score_partition, shipped, per, validate, filters, columns,
                              meta=meta, align_dataframes=False)


def _meta_corpus(ddf) -> pd.DataFrame:
    """A one-document corpus with the columns and dtypes of ``ddf``, whose scores give the
    ``meta`` (columns and dtypes) of :func:`score_dask`'s result."""
    df = ddf._meta_nonempty.head(1).copy()
    values = {"doc_id": "meta", "text": "meta", "lang": "en", "source": "meta",
              "title": "meta", "date": "2000-01-01"}
    for col, value in values.items():
        if col not in df.columns or (col == "date"
                                     and pd.api.types.is_datetime64_any_dtype(df[col])):
            continue
        if isinstance(df[col].dtype, pd.CategoricalDtype) and col in ("doc_id", "text"):
            df[col] = value                     # validation reads them as str
        else:
            df[col] = pd.Series([value], index=df.index, dtype=object).astype(df[col].dtype) \
                if pd.api.types.is_string_dtype(df[col]) else value
    return df


def _score_partition(df: pd.DataFrame, compiled, per: int, validate: bool,
                     filters: dict | None = None, columns=None,
                     partition_info=None) -> pd.DataFrame:
    filters = filters or {}
    missing = [c for c in columns or () if c not in df.columns]
    if missing:
        number = (partition_info or {}).get("number")
        raise InputError(f"partition {'?' if number is None else number} of the Dask "
                         f"DataFrame lacks column(s) {', '.join(map(str, missing))}, which "
                         f"its metadata declares; every partition needs the same columns.")
    corpus = validate_corpus(df.copy()) if validate else df
    tally = _tally_piece(compiled, corpus, _detection_mode(filters), filters)
    return _score_tallies(corpus, compiled, [tally], per, filters, Counter())

