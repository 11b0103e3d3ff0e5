"""Collect a corpus from saved HTML pages, lists of URLs, RSS/Atom feeds and sitemaps.

Each ``collect_*`` function returns a corpus table (see :mod:`framing.schema`) with the
columns :data:`COLLECT_COLUMNS` and, given ``output=``, writes it as JSONL that
:func:`framing.read_corpus` reads. The file is written atomically: it appears whole at the
end of the run, or the old file stays as it was.

Fetching is polite by default (:class:`Fetcher`): one request at a time per host, a delay
between requests to the same host, a User-Agent naming ``framing`` and your contact,
robots.txt obeyed, timeouts, and retries with exponential back-off on HTTP 429/5xx and
timeouts (honouring ``Retry-After``). Every page fetched is kept in a cache folder; a cache
file is never replaced, and a page already in the cache is not fetched again, so an
interrupted run is resumed by running the same command again.

Article text and metadata come from trafilatura, feeds from feedparser, sitemaps from a
hardened lxml parser. Exact and near-duplicate articles are flagged by
:func:`flag_duplicates` (the rule is in its docstring).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import urllib.parse
import warnings
from collections import deque
from pathlib import Path

import pandas as pd

from framing._collect_cli import main, register_cli
from framing._collect_dedup import DUPLICATE_COLUMNS, flag_duplicates
from framing._collect_fetch import (
    DEFAULT_CACHE,
    CollectWarning,
    Fetcher,
    FetchError,
    SkippedWarning,
    canonical_url,
    default_user_agent,
    is_http_url,
)
from framing._collect_parse import (
    extract_article,
    parse_feed,
    parse_sitemap,
    read_date,
    read_url_list,
)
from framing._io import atomic_path
from framing.corpus import _ISO
from framing.errors import InputError, ProblemsError
from framing.text import detect_language

__all__ = [
    "collect_html", "collect_urls", "collect_feed", "collect_sitemap", "flag_duplicates",
    "register_cli", "read_url_list", "write_jsonl", "Fetcher", "FetchError",
    "CollectWarning", "default_user_agent", "main", "COLLECT_COLUMNS", "DEFAULT_CACHE",
]

#: Columns of a collected corpus, in this order.
COLLECT_COLUMNS = ("doc_id", "source", "date", "lang", "title", "author", "url", "text",
                   *DUPLICATE_COLUMNS, "raw_path")
#: A sitemap index is followed through at most this many sitemaps.
MAX_SITEMAPS = 500
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


# ---------------------------------------------------------------------------- public API


def collect_html(paths, *, output=None, min_length: int = 200, errors: str = "raise",
                 threshold: float | None = 0.8, progress: bool | None = None) -> pd.DataFrame:
    """Build a corpus from HTML files saved on disk.

    Parameters
    ----------
    paths : str, Path or list of them
        HTML files, or folders searched recursively for ``.html``/``.htm``/``.xhtml``.
    output : str or Path, optional
        Write the corpus here as JSONL (atomically); the name must end in ``.jsonl``.
    min_length : int, default=200
        Fewest characters of body text for a page to count as an article.
    errors : {"raise", "skip"}, default="raise"
        On pages with no extractable body, raise (after reading every file, listing them
        all), or skip them (listed in ``result.attrs["failures"]`` and one
        :class:`CollectWarning`).
    threshold : float or None, default=0.8
        Jaccard threshold of :func:`flag_duplicates`; ``None`` leaves the flags empty.
    progress : bool, optional
        Show a progress bar; by default only on a terminal.

    Returns
    -------
    DataFrame
        The corpus: ``doc_id`` (the file's path relative to the common folder, without
        extension), ``source`` (site name), ``date``, ``lang``, ``title``, ``author``,
        ``url`` (the page's canonical URL, if it names one), ``text``, ``duplicate_of``,
        ``near_duplicate_of``, ``near_jaccard``, ``raw_path`` (the file).

    Raises
    ------
    InputError
        A missing file or folder, a folder with no HTML, or (``errors="raise"``) pages
        with no extractable body or undecodable bytes: every such page is listed (a
        :class:`PagesError`), and nothing is written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "convoy.html"
    >>> _ = page.write_text("<html lang='en'><head><title>Convoy arrives</title></head><body>"
    ...     "<article><h1>Convoy arrives</h1><p>" + "Lorries reached the port today. " * 12
    ...     + "</p></article></body></html>")
    >>> collect_html(page)[["doc_id", "lang", "title"]]
       doc_id lang           title
    0  convoy   en  Convoy arrives
    """
    _check_errors(errors)
    _check_output(output)
    files, root = _html_files(paths)
    records, failures = [], []
    for path in _progress(files, progress, "pages"):
        try:
            art = extract_article(path.read_bytes(), min_length=min_length)
        except InputError as exc:      # bytes that do not match the page's charset
            failures.append({"url": str(path), "reason": exc.reason})
            continue
        if art is None:
            failures.append({"url": str(path), "reason": _no_body(min_length)
                             + "; is this an article page?"})
            continue
        doc_id = path.relative_to(root).with_suffix("").as_posix()
        records.append(_record(doc_id, art, {}, url=art["url"], raw_path=path))
    if failures and errors == "raise":
        raise PagesError([f"{f['url']}: {f['reason']}" for f in failures], hint=(
            "nothing was written; leave these files out (in Python, errors='skip' skips them)"))
    return _finish(records, failures, len(files), "HTML files", output, threshold)


def collect_urls(urls, *, output=None, cache_dir=DEFAULT_CACHE, delay: float = 1.5,
                 contact: str | None = None, fetcher: Fetcher | None = None,
                 min_length: int = 200, errors: str = "skip",
                 threshold: float | None = 0.8, progress: bool | None = None) -> pd.DataFrame:
    """Fetch web pages politely and build a corpus of their articles.

    Parameters
    ----------
    urls : str, Path or iterable of str
        A text file of URLs (one per line; blank lines and ``#`` comments skipped), one
        URL, or a list of URLs. Repeated URLs (ignoring ``#fragments``) are fetched once.
    output : str or Path, optional
        Write the corpus here as JSONL (atomically, at the end of the run).
    cache_dir : str or Path, default="framing-cache"
        Raw-page cache; pages already there are not fetched again (resuming a run).
    delay : float, default=1.5
        Seconds between requests to the same host (robots.txt ``Crawl-delay`` wins if
        longer).
    contact : str, optional
        Your e-mail or web page, sent in the User-Agent (strongly recommended).
    fetcher : Fetcher, optional
        A configured :class:`Fetcher` (timeouts, retries, User-Agent, ...); when given,
        ``cache_dir``, ``delay`` and ``contact`` are not used.
    min_length : int, default=200
        Fewest characters of body text for a page to count as an article.
    errors : {"skip", "raise"}, default="skip"
        On a page that cannot be fetched (robots.txt, HTTP error, timeout after retries)
        or has no extractable body: skip it (listed in ``result.attrs["failures"]``, one
        :class:`CollectWarning` per call), or raise :class:`FetchError`.
    threshold : float or None, default=0.8
        Jaccard threshold of :func:`flag_duplicates`; ``None`` leaves the flags empty.
    progress : bool, optional
        Show a progress bar; by default only on a terminal.

    Returns
    -------
    DataFrame
        The corpus (columns :data:`COLLECT_COLUMNS`): ``doc_id`` is
        ``<host>-<12 hex digits of the URL's SHA-256>``, ``url`` the URL after redirects,
        ``raw_path`` the cached page.

    Raises
    ------
    InputError
        URL list lines that are not http(s) URLs (all of them, each with file:line:column),
        or a list without any URL.
    FetchError
        With ``errors="raise"``, the first page that fails.

    Examples
    --------
    A page already in the cache is read from there, not fetched again (this is how an
    interrupted run resumes), so this example needs no network:

    >>> import tempfile
    >>> fetcher = Fetcher(tempfile.mkdtemp(), contact="you@university.example")
    >>> url = "https://news.example/2024/convoy"
    >>> page = fetcher.cache_path(url)       # as if an earlier run had fetched the page
    >>> page.parent.mkdir(parents=True)
    >>> _ = page.write_text("<html lang='en'><head><title>Convoy arrives</title></head><body>"
    ...     "<article><p>" + "Lorries reached the port today. " * 12
    ...     + "</p></article></body></html>")
    >>> corpus = collect_urls([url], fetcher=fetcher)
    >>> corpus.loc[0, ["source", "lang", "title"]].tolist(), fetcher.requests_made
    (['news.example', 'en', 'Convoy arrives'], 0)
    """
    _check_errors(errors)
    _check_output(output)
    items = [{"url": u} for u in _url_items(urls)]
    fetcher = fetcher or Fetcher(cache_dir, delay=delay, contact=contact)
    records, failures = _fetch_articles(items, fetcher, min_length, errors, progress)
    return _finish(records, failures, len(items), "URLs", output, threshold)


def collect_feed(feed, *, output=None, full_text: bool = True, cache_dir=DEFAULT_CACHE,
                 delay: float = 1.5, contact: str | None = None,
                 fetcher: Fetcher | None = None, min_length: int = 200,
                 errors: str = "skip", threshold: float | None = 0.8,
                 progress: bool | None = None) -> pd.DataFrame:
    """Build a corpus from the articles of an RSS or Atom feed.

    Parameters
    ----------
    feed : str or Path
        The feed's URL (fetched politely, never cached: feeds change) or a local file.
    full_text : bool, default=True
        Fetch each linked article and extract its full text; the entry's title, author,
        date and the feed's language fill in what the page lacks. ``False``: use the
        text in the feed itself (full content, else summary), fetching nothing more.
    output, cache_dir, delay, contact, fetcher, min_length, errors, threshold, progress
        As in :func:`collect_urls`.

    Returns
    -------
    DataFrame
        The corpus (columns :data:`COLLECT_COLUMNS`). Dates are publication dates: the
        page's own when it gives one, else the entry's ``<pubDate>``/``<published>``
        (never ``<updated>``). Every entry is either collected or listed in
        ``result.attrs["failures"]`` (no link, the same link as an earlier entry, a page
        that failed).

    Raises
    ------
    InputError
        The document is not an RSS or Atom feed, or the file does not exist.
    FetchError
        The feed itself cannot be fetched.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> feed = pathlib.Path(tempfile.mkdtemp()) / "feed.xml"
    >>> _ = feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel>'
    ...     "<title>News Example</title><language>en</language><item>"
    ...     "<title>Convoy arrives</title><link>https://news.example/2024/convoy</link>"
    ...     "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
    ...     "<description>Lorries reached the port today.</description></item></channel></rss>")
    >>> corpus = collect_feed(feed, full_text=False, cache_dir=None)   # the feed's own text
    >>> corpus.loc[0, ["source", "lang", "title", "text"]].tolist()
    ['News Example', 'en', 'Convoy arrives', 'Lorries reached the port today.']
    >>> str(corpus.loc[0, "date"])
    '2024-03-05 10:00:00+00:00'
    """
    _check_errors(errors)
    _check_output(output)
    fetcher = fetcher or Fetcher(cache_dir, delay=delay, contact=contact)
    where, data = _load_document(feed, fetcher)
    info, entries = parse_feed(data, where=where)
    items, failures, first = [], [], {}
    for number, entry in enumerate(entries, start=1):
        here = f"{where} (entry {number}{_titled(entry)})"
        if entry["url"] is None:
            failures.append({"url": here, "reason": "the entry has no link"})
        elif entry["url"] in first:
            failures.append({"url": here, "reason": f"same link as entry {first[entry['url']]}"
                             f": {entry['url']}"})
        else:
            first[entry["url"]] = number
            items.append({**entry, "lang": info["lang"]})
    if full_text:
        records, more = _fetch_articles(items, fetcher, min_length, errors, progress)
    else:
        records, more = [], []
        for item in items:
            if len(item["text"]) < 1:
                more.append({"url": item["url"], "reason": "the feed entry has no text"})
                continue
            art = {"source": info["title"] or _host(item["url"])}
            records.append(_record(_url_id(item["url"]), art, item, url=item["url"]))
    return _finish(records, failures + more, len(entries), "feed entries", output, threshold)


def collect_sitemap(sitemap, *, output=None, since=None, until=None, match: str | None = None,
                    limit: int | None = None, cache_dir=DEFAULT_CACHE, delay: float = 1.5,
                    contact: str | None = None, fetcher: Fetcher | None = None,
                    min_length: int = 200, errors: str = "skip",
                    threshold: float | None = 0.8,
                    progress: bool | None = None) -> pd.DataFrame:
    """Build a corpus from the pages listed in a sitemap or sitemap index.

    A sitemap index is followed (breadth first, each sitemap once, at most
    :data:`MAX_SITEMAPS`); gzip sitemaps are unpacked. The XML is parsed safely (no
    entities, DTDs or network access).

    Parameters
    ----------
    sitemap : str or Path
        The sitemap's URL (fetched politely, not cached) or a local file.
    since, until : str or datetime, optional
        Keep pages whose date (Google News ``publication_date``, else ``lastmod``) falls
        in this range, both ends included (a bare ``until`` date means the whole day).
        Strings must be ISO 8601 (``2024-03-01``, ``2024-03-01T12:00Z``); other forms
        such as ``01.03.2024`` are refused, since they do not say which is the day.
        Pages without a date are kept. Child sitemaps whose ``lastmod`` is before
        ``since`` are not fetched.
    match : str, optional
        A regular expression searched in each page URL; others are dropped.
    limit : int, optional
        Fetch at most this many pages (the first ones, in sitemap order).
    output, cache_dir, delay, contact, fetcher, min_length, errors, threshold, progress
        As in :func:`collect_urls`.

    Returns
    -------
    DataFrame
        The corpus (columns :data:`COLLECT_COLUMNS`).

    Raises
    ------
    InputError
        Not well-formed XML (with line and column), not a sitemap, a DTD, a bad ``since``,
        ``until`` or ``match``.

    Examples
    --------
    A local sitemap, and a page already in the cache (so no network is needed):

    >>> import tempfile
    >>> fetcher = Fetcher(tempfile.mkdtemp(), contact="you@university.example")
    >>> url = "https://news.example/2024/convoy"
    >>> page = fetcher.cache_path(url)       # as if an earlier run had fetched the page
    >>> page.parent.mkdir(parents=True)
    >>> _ = page.write_text("<html lang='en'><head><title>Convoy arrives</title></head><body>"
    ...     "<article><p>" + "Lorries reached the port today. " * 12
    ...     + "</p></article></body></html>")
    >>> sitemap = page.parent.parent / "sitemap.xml"
    >>> _ = sitemap.write_text('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    ...     "<url><loc>https://news.example/2024/convoy</loc></url>"
    ...     "<url><loc>https://news.example/about</loc></url></urlset>")
    >>> corpus = collect_sitemap(sitemap, match="/2024/", fetcher=fetcher)
    >>> corpus["url"].tolist(), fetcher.requests_made
    (['https://news.example/2024/convoy'], 0)
    """
    _check_errors(errors)
    _check_output(output)
    lo, hi = _bound(since, "since"), _bound(until, "until")
    try:
        pattern = re.compile(match) if match else None
    except re.error as exc:
        raise InputError(f"match is not a valid regular expression: {exc}") from None
    if limit is not None and not (isinstance(limit, int) and limit >= 0):
        raise InputError(f"limit must be a whole number >= 0; got {limit!r}")
    fetcher = fetcher or Fetcher(cache_dir, delay=delay, contact=contact)
    entries, failures = _walk_sitemaps(sitemap, fetcher, lo, errors)
    items = []
    for e in _unique(entries):
        when = _timestamp(e["date"] or e["lastmod"])
        if (pattern and not pattern.search(e["url"])) or (when is not None and (
                (lo is not None and when < lo) or (hi is not None and when > hi))):
            continue
        items.append(e)
    items = items[:limit] if limit is not None else items
    records, more = _fetch_articles(items, fetcher, min_length, errors, progress)
    return _finish(records, failures + more, len(items) + len(failures),
                   "sitemaps and pages" if failures else "sitemap pages", output, threshold)


def write_jsonl(corpus: pd.DataFrame, path) -> Path:
    """Write a corpus as JSONL (one object per line, UTF-8), atomically.

    Dates become ISO 8601 strings and missing values ``null``; :func:`read_corpus` reads
    the file back.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from framing import read_corpus
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "lang": ["en"], "text": ["Convoy arrives."],
    ...                        "date": pd.to_datetime(["2024-03-05"], utc=True)})
    >>> path = write_jsonl(corpus, pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl")
    >>> print(path.read_text(encoding="utf-8").strip())
    {"doc_id": "a", "lang": "en", "text": "Convoy arrives.", "date": "2024-03-05T00:00:00+00:00"}
    >>> read_corpus(path)["date"].iloc[0]
    Timestamp('2024-03-05 00:00:00+0000', tz='UTC')
    """
    _check_output(path)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for record in corpus.to_dict("records"):
            fh.write(json.dumps({str(k): _json_value(v) for k, v in record.items()},
                                ensure_ascii=False) + "\n")
    return Path(path)


# ---------------------------------------------------------------------------- internals


class PagesError(ProblemsError):
    """Saved pages that are not articles; all are listed in the message."""

    what = "HTML files"


def _check_output(output) -> None:
    if output is not None and Path(output).suffix.lower() != ".jsonl":
        raise InputError(f"the corpus is written as JSONL, so the output file must end in "
                         f".jsonl; got {str(output)!r}")


def _no_body(min_length: int) -> str:
    return (f"no article body could be extracted (less than {min_length} characters of "
            "text outside navigation, link lists and boilerplate)")


def _titled(entry: dict) -> str:
    return f", {entry['title']!r}" if entry.get("title") else ""


def _check_errors(errors: str) -> None:
    if errors not in ("raise", "skip"):
        raise InputError(f"errors must be 'raise' or 'skip'; got {errors!r}")


def _progress(items, progress, unit):
    from tqdm.auto import tqdm

    return tqdm(items, unit=unit[:-1] if unit.endswith("s") else unit, leave=False,
                disable=None if progress is None else not progress)


def _html_files(paths) -> tuple[list[Path], Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file()
                           and f.suffix.lower() in _HTML_SUFFIXES)
            if not found:
                raise InputError("the folder holds no .html, .htm or .xhtml files", path=p)
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise InputError("no such file or folder", path=p)
    files = list(dict.fromkeys(f.resolve() for f in files))
    if not files:
        return [], Path.cwd()
    root = Path(os.path.commonpath([f.parent for f in files]))
    return files, root


def _url_items(urls) -> list[str]:
    if isinstance(urls, (str, os.PathLike)):
        if isinstance(urls, str) and is_http_url(urls):
            return [canonical_url(urls)]
        return list(dict.fromkeys(read_url_list(urls)))
    out, problems = [], []
    for i, u in enumerate(urls, start=1):
        if not isinstance(u, str) or not is_http_url(u):
            problems.append(f"item {i} of urls is not an http(s) URL: {u!r}")
            continue
        out.append(canonical_url(u))
    if problems:
        raise ProblemsError(problems)
    if not out:
        raise InputError("the list holds no URLs")
    return list(dict.fromkeys(out))


def _unique(items: list[dict]) -> list[dict]:
    seen, out = set(), []
    for item in items:
        if item["url"] not in seen:
            seen.add(item["url"])
            out.append(item)
    return out


def _load_document(source, fetcher: Fetcher) -> tuple[str, bytes]:
    if isinstance(source, str) and is_http_url(source):
        page = fetcher.get(source, cache=False, accept=None)
        return page.url, page.body
    path = Path(source)
    if not path.is_file():
        raise InputError("no such file (and not an http(s) URL)", path=path)
    return str(path), path.read_bytes()


def _fetch_articles(items, fetcher, min_length, errors, progress):
    records, failures = [], []
    for item in _progress(items, progress, "pages"):
        url = item["url"]
        try:
            page = fetcher.get(url)
            try:
                art = extract_article(page.body, url=page.final_url,
                                      content_type=page.content_type, min_length=min_length)
            except InputError as exc:  # bytes that do not match the page's charset
                raise FetchError(url, exc.reason) from None
            except Exception as exc:  # one odd page must not end a long run
                raise FetchError(url, f"extraction failed: {type(exc).__name__}: {exc}") \
                    from exc
            if art is None:
                raise FetchError(url, _no_body(min_length))
        except FetchError as exc:
            if errors == "raise":
                raise
            failures.append({"url": url, "reason": exc.reason})
            continue
        records.append(_record(_url_id(url), art, item, url=page.final_url,
                               raw_path=page.path))
    return records, failures


def _record(doc_id: str, art: dict, fallback: dict, *, url, raw_path=None) -> dict:
    text = art.get("text") or fallback.get("text") or ""
    lang = art.get("lang") or fallback.get("lang") or (detect_language(text) if text else None)
    date = art.get("date") or _iso(fallback.get("date"))
    return {"doc_id": doc_id,
            "source": art.get("source") or (_host(url) if url else None),
            "date": date, "date_problems": [] if date else art.get("date_problems") or [],
            "lang": lang, "title": art.get("title") or fallback.get("title"),
            "author": art.get("author") or fallback.get("author"), "url": url, "text": text,
            "raw_path": None if raw_path is None else str(raw_path)}


def _url_id(url: str) -> str:
    return f"{_host(url)}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:12]}"


def _host(url: str) -> str:
    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _iso(value) -> str | None:
    """A publication date given by a feed or sitemap, if it can be read without guessing."""
    stamp = _timestamp(value)
    return None if stamp is None else stamp.isoformat()


def _finish(records, failures, total, what, output, threshold) -> pd.DataFrame:
    base = [c for c in COLLECT_COLUMNS if c not in DUPLICATE_COLUMNS]
    undated = [{"url": r["raw_path"] if r["url"] is None else r["url"], "reason": problem}
               for r in records for problem in r.pop("date_problems", [])]
    df = pd.DataFrame.from_records(records, columns=base)
    df["date"] = pd.to_datetime(df["date"], utc=True, errors="coerce", format="ISO8601")
    if threshold is not None and len(df):
        df = flag_duplicates(df, threshold=threshold)
    else:
        df = df.assign(duplicate_of=None, near_duplicate_of=None, near_jaccard=math.nan)
    df = df[list(COLLECT_COLUMNS)]
    df.attrs["failures"] = failures
    df.attrs["date_problems"] = undated
    if failures:
        first = failures[0]
        warnings.warn(SkippedWarning(
            f"{len(failures)} of {total} {what} skipped (see result.attrs['failures']); "
            f"first: {first['url']}: {first['reason']}",
            cli=f"{len(failures)} of {total} {what} skipped:"), stacklevel=3)
    if undated:
        first = undated[0]
        warnings.warn(SkippedWarning(
            f"{len(undated)} article date(s) left empty rather than guessed (see "
            f"result.attrs['date_problems']); first: {first['url']}: {first['reason']}",
            cli=f"{len(undated)} article date(s) left empty rather than guessed:",
            attr="date_problems"),
            stacklevel=3)
    if output is not None:
        if len(df):
            write_jsonl(df, output)
        else:
            warnings.warn(f"no article was collected, so {output} was not written",
                          CollectWarning, stacklevel=3)
    return df


def _json_value(v):
    if isinstance(v, pd.Timestamp):
        return None if pd.isna(v) else v.isoformat()
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
        return None
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    return v


def _bound(value, name):
    if value is None:
        return None
    if isinstance(value, str) and not _ISO.fullmatch(value.strip()):
        raise InputError(f"{name} must be an ISO 8601 date like 2024-03-31 or "
                         f"2024-03-31T12:00Z; got {value!r} (other forms are refused: "
                         "01.03.2024 does not say whether the day or the month comes first)")
    try:
        ts = pd.Timestamp(value.strip() if isinstance(value, str) else value)
    except (ValueError, TypeError):
        raise InputError(f"{name} must be an ISO 8601 date like 2024-03-31 or "
                         f"2024-03-31T12:00Z; got {value!r}") from None
    if pd.isna(ts):
        raise InputError(f"{name} must be a date; got {value!r}")
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    if name == "until" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}",
                                                                   value.strip()):
        ts = ts + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
    return ts


def _timestamp(value):
    """A sitemap or feed date as a UTC timestamp; ``None`` when missing or when it cannot
    be read without guessing (``03/04/2024``)."""
    if not value:
        return None
    return read_date(value)[0]


def _walk_sitemaps(source, fetcher, since, errors):
    queue, seen, entries, failures = deque([source]), set(), [], []
    while queue and len(seen) < MAX_SITEMAPS:
        location = queue.popleft()
        key = str(location)
        if key in seen:
            continue
        seen.add(key)
        try:
            where, data = _load_document(location, fetcher)
            kind, found = parse_sitemap(data, where=where)
        except InputError as exc:  # FetchError included
            if location is source or errors == "raise":
                raise
            failures.append({"url": key, "reason": exc.reason})
            continue
        failures += [{"url": e["url"], "reason": f"{where}: {e['problem']}"}
                     for e in found if "problem" in e]
        found = [e for e in found if "problem" not in e]
        if kind == "urlset":
            entries.extend(found)
            continue
        for child in found:
            modified = _timestamp(child["lastmod"])
            if since is None or modified is None or modified >= since:
                queue.append(child["url"])
    if queue:
        warnings.warn(f"stopped after {MAX_SITEMAPS} sitemaps; {len(queue)} more were not "
                      "read (use since= to skip old ones)", CollectWarning, stacklevel=3)
    return entries, failures


if __name__ == "__main__":  # pragma: no cover - ``python -m framing.collect ...``
    import sys

    sys.exit(main())
