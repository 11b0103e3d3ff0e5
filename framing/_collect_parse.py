"""Parsers for :mod:`framing.collect`: article pages, URL lists, RSS/Atom feeds, sitemaps.

Nothing here touches the network: each parser takes bytes (or a local file) and returns
plain dicts.
"""

from __future__ import annotations

import calendar
import io
import re
from datetime import datetime, timezone
from pathlib import Path

from framing._collect_fetch import canonical_url, gunzip_capped, is_http_url
from framing.errors import InputError

#: Sitemaps hold at most 50 MB uncompressed (sitemaps.org protocol).
SITEMAP_MAX_BYTES = 50_000_000
_LANG_ATTR = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*",
                        re.I)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_SITEMAP_NAMESPACES = (None, "http://www.sitemaps.org/schemas/sitemap/0.9",
                       "http://www.google.com/schemas/sitemap-news/0.9")
_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")


def _trafilatura():
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError("framing.collect needs trafilatura (and lxml_html_clean): "
                          "pip install trafilatura lxml_html_clean") from exc
    return trafilatura


def extract_article(html: bytes | str, *, url: str | None = None, content_type: str = "",
                    min_length: int = 200) -> dict | None:
    """Extract one article's body and metadata from an HTML page with trafilatura.

    Returns a dict with ``title``, ``author``, ``date`` (ISO 8601 string), ``source`` (the
    site name), ``url`` (the page's canonical URL, else ``url``), ``lang`` (from
    ``<html lang>``) and ``text`` (paragraphs separated by newlines, the headline removed
    when it opens the body), or ``None`` when the body is shorter than ``min_length``
    characters (navigation, a paywall stub, an index page).
    """
    raw = html.encode("utf-8") if isinstance(html, str) else html
    doc = html
    if isinstance(html, bytes):
        m = _CHARSET.search(content_type or "")
        if m:
            try:
                doc = html.decode(m.group(1), errors="replace")
            except LookupError:
                doc = html
    result = _trafilatura().bare_extraction(
        doc, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True,
                                "outputformat": "%Y-%m-%dT%H:%M:%S%z"})
    if result is None:
        return None
    text = _drop_headline(result.text or "", result.title)
    if len(text.strip()) < min_length:
        return None
    m = _LANG_ATTR.search(raw[:20000])
    return {"title": _clean(result.title), "author": _clean(result.author),
            "date": _clean(result.date), "source": _clean(result.sitename),
            "url": _clean(result.url) or url,
            "lang": m.group(1).decode("ascii").lower() if m else None, "text": text}


def _drop_headline(text: str, title: str | None) -> str:
    text = text.strip()
    if title:
        first, _, rest = text.partition("\n")
        if _squash(first) == _squash(title):
            return rest.strip()
    return text


def _squash(s: str) -> str:
    return " ".join(s.split()).casefold()


def _clean(value) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary), one line per paragraph.

    Examples
    --------
    >>> html_to_text("<p>Power is back.</p><p>Crews worked <b>all</b> night.</p>")
    'Power is back.\\nCrews worked all night.'
    """
    import lxml.html

    if not fragment or not fragment.strip():
        return ""
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n", fragment)
    try:
        text = lxml.html.fragment_fromstring(marked, create_parent="div").text_content()
    except Exception:  # lxml raises several types on odd fragments
        text = re.sub(r"<[^>]+>", " ", marked)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------------- URL lists


def read_url_list(path) -> list[str]:
    """Read a text file of URLs, one per line; blank lines and ``#`` comments are skipped.

    Raises
    ------
    InputError
        A line that is not an absolute http(s) URL, with its file, line and column.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "urls.txt"
    >>> _ = path.write_text("# two pages\\nhttps://news.example/a\\n\\nhttps://news.example/b\\n")
    >>> read_url_list(path)
    ['https://news.example/a', 'https://news.example/b']
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("no such URL list file", path=path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"the URL list is not UTF-8 text ({exc.reason})", path=path) from None
    urls = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not is_http_url(stripped):
            column = len(line) - len(line.lstrip()) + 1
            raise InputError(f"not an http(s) URL: {stripped!r}; expected one absolute URL "
                             "per line, like https://example.org/news/1 (blank lines and "
                             "lines starting with # are skipped)", path=path, line=number,
                             column=column)
        urls.append(canonical_url(stripped))
    return urls


# ---------------------------------------------------------------------- feeds


def parse_feed(data: bytes, *, where) -> tuple[dict, list[dict]]:
    """Parse RSS or Atom bytes with feedparser into (feed info, entries).

    Each entry: ``url``, ``title``, ``author``, ``date`` (ISO 8601 UTC), ``text`` (the
    full content, else the summary, as plain text).
    """
    try:
        import feedparser
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError("framing.collect needs feedparser: pip install feedparser") from exc
    parsed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never fetches
    if not parsed.get("version"):
        found = _root_name(data)
        what = f"the document starts with <{found}>" if found else "no XML element was found"
        raise InputError(f"not an RSS or Atom feed: {what}; expected <rss>, <feed> "
                         "(Atom) or <rdf:RDF>", path=where)
    feed = parsed.get("feed", {})
    info = {"title": _clean(feed.get("title")), "lang": _lang_code(feed.get("language"))}
    entries = []
    for entry in parsed.get("entries", []):
        link = entry.get("link")
        if not link:
            continue
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary", "")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        date = (datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc).isoformat()
                if stamp else None)
        entries.append({"url": canonical_url(link), "title": _clean(entry.get("title")),
                        "author": _clean(entry.get("author")), "date": date,
                        "text": html_to_text(body or "")})
    return info, entries


def _lang_code(value) -> str | None:
    m = re.match(r"\s*([A-Za-z]{2,3})\b", value or "")
    return m.group(1).lower() if m else None


def _root_name(data: bytes) -> str | None:
    head = data[:5000].decode("utf-8", errors="replace")
    head = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", head, flags=re.S | re.I)
    m = re.search(r"<([A-Za-z_][\w:.-]*)", head)
    return m.group(1) if m else None


# ---------------------------------------------------------------------- sitemaps


def parse_sitemap(data: bytes, *, where) -> tuple[str, list[dict]]:
    """Parse a sitemap (``<urlset>``) or sitemap index (``<sitemapindex>``), safely.

    The XML parser resolves no entities, loads no DTD and opens no network connection; a
    document that declares a DTD is refused, and a gzip file is unpacked up to 50 MB.

    Returns
    -------
    kind : {"urlset", "sitemapindex"}
    entries : list of dict
        ``url`` (``<loc>``), ``lastmod``, and for Google News sitemaps ``date``
        (``<news:publication_date>``), ``title`` and ``lang``.
    """
    from lxml import etree

    if data[:2] == b"\x1f\x8b":
        data = gunzip_capped(data, SITEMAP_MAX_BYTES, where=where)
    if len(data) > SITEMAP_MAX_BYTES:
        raise InputError(f"the sitemap is larger than {SITEMAP_MAX_BYTES} bytes", path=where)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, column = (exc.position if getattr(exc, "position", None) else (None, None))
        raise InputError(f"not well-formed XML: {exc.msg}", path=where, line=line,
                         column=column) from None
    if root.getroottree().docinfo.doctype:
        raise InputError("the sitemap declares a DTD (<!DOCTYPE ...>), which sitemaps never "
                         "need; refused for safety", path=where)
    kind = etree.QName(root).localname
    if kind not in ("urlset", "sitemapindex"):
        raise InputError(f"not a sitemap: the root element is <{kind}>; expected <urlset> "
                         "or <sitemapindex> (sitemaps.org protocol)", path=where)
    child = "url" if kind == "urlset" else "sitemap"
    entries = []
    for node in root:
        if not isinstance(node.tag, str) or etree.QName(node).localname != child:
            continue
        fields = {etree.QName(el).localname: (el.text or "").strip()
                  for el in node.iter() if isinstance(el.tag, str)
                  and etree.QName(el).namespace in _SITEMAP_NAMESPACES}
        loc = fields.get("loc", "")
        if not is_http_url(loc):
            continue
        entries.append({"url": canonical_url(loc), "lastmod": fields.get("lastmod") or None,
                        "date": fields.get("publication_date") or None,
                        "title": _clean(fields.get("title")),
                        "lang": _lang_code(fields.get("language"))})
    return kind, entries
