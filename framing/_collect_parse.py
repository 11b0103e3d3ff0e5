"""Parsers for :mod:`framing.collect`: article pages, URL lists, RSS/Atom feeds, sitemaps.

Nothing here touches the network: each parser takes bytes (or a local file) and returns
plain dicts.
"""

from __future__ import annotations

import calendar
import functools
import io
import re
from datetime import datetime, timezone
from pathlib import Path

from framing._collect_fetch import canonical_url, gunzip_capped, is_http_url
from framing.errors import InputError, ProblemsError

#: Sitemaps hold at most 50 MB uncompressed (sitemaps.org protocol).
SITEMAP_MAX_BYTES = 50_000_000
_LANG_ATTR = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*",
                        re.I)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_SITEMAP_NAMESPACES = (None, "http://www.sitemaps.org/schemas/sitemap/0.9",
                       "http://www.google.com/schemas/sitemap-news/0.9")
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
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
    """Extract one article's body and metadata from an HTML page.

    The page is decoded (:func:`decode_html`), then navigation, page headers and footers,
    asides and blocks that are mostly link text are removed before trafilatura extracts
    the body, so that a page of links never counts as an article.

    Returns a dict with ``title``, ``author``, ``date`` (ISO 8601 string, UTC: the
    publication date from the page's metadata, see :func:`publication_date`; never the
    date it was modified), ``date_problems`` (dates found but refused, as messages),
    ``source`` (the site name), ``url`` (the page's canonical URL, else ``url``), ``lang``
    (from ``<html lang>``) and ``text`` (one paragraph per line, the headline removed when
    it opens the body), or ``None`` when the body is shorter than ``min_length``
    characters (navigation, a paywall stub, an index page).

    Raises
    ------
    InputError
        The page's bytes cannot be decoded: its text would be full of U+FFFD.
    """
    import lxml.html

    raw = html.encode("utf-8") if isinstance(html, str) else html
    doc = html if isinstance(html, str) else decode_html(html, content_type)
    doc = _XML_DECLARATION.sub("", doc.lstrip("\ufeff"), count=1)
    if not doc.strip():
        return None
    try:
        tree = lxml.html.document_fromstring(doc)
    except Exception:  # lxml raises several types on odd markup
        return None
    date, problems = publication_date(tree)
    _drop_boilerplate(tree)
    result = _trafilatura().bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        config=_config(min_length), date_extraction_params={"extensive_search": False,
                                                            "original_date": True})
    if result is None:
        return None
    text = _drop_headline(result.text or "", result.title)
    if len(text.strip()) < min_length:
        return None
    bad = text.count("\ufffd")
    if bad and bad >= max(3, len(text) // 100):
        raise InputError(f"the text has {bad} undecodable characters (U+FFFD) in "
                         f"{len(text)}; the page's bytes do not match its charset "
                         f"({_charsets(raw, content_type)})")
    m = _LANG_ATTR.search(raw[:20000])
    return {"title": _clean(result.title), "author": _clean(result.author),
            "date": date, "date_problems": problems, "source": _clean(result.sitename),
            "url": _clean(result.url) or url,
            "lang": m.group(1).decode("ascii").lower() if m else None, "text": text}


@functools.lru_cache(maxsize=8)
def _config(min_length: int):
    """trafilatura's settings: its fallback extractors (which join a short page into one
    line, headline and byline included) are tried only when its main extractor finds
    less than ``min_length`` characters, i.e. when the page would be refused anyway."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(max(1, int(min_length))))
    return config


def decode_html(data: bytes, content_type: str = "") -> str:
    """Decode a page's bytes: a byte-order mark wins; then the charset of the HTTP
    ``Content-Type`` header, then the one the page declares (``<meta charset>``), then
    UTF-8, each tried strictly (without a header, UTF-8 is tried before the page's own
    declaration, which is often stale). When none fits, the first is used with U+FFFD
    for the bytes it cannot read.

    Examples
    --------
    >>> page = '<meta charset="windows-1251"><p>Новости</p>'.encode("cp1251")
    >>> decode_html(page, "text/html; charset=utf-8")[-14:]
    '<p>Новости</p>'
    """
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                       (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    header, declared = _declared_charsets(data, content_type)
    order = [header, declared, "utf-8"] if header else ["utf-8", declared]
    codecs = [c for c in dict.fromkeys(map(_codec, order)) if c]
    for codec in codecs:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode(codecs[0], errors="replace")


def _declared_charsets(data: bytes, content_type: str) -> tuple[str | None, str | None]:
    m = _CHARSET.search(content_type or "")
    header = m.group(1) if m else None
    m = _META_CHARSET.search(data[:8192])
    declared = m.group(1).decode("ascii", errors="replace") if m else None
    return header, declared


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    import codecs

    try:
        codec = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    # browsers read Latin-1 and ASCII pages as windows-1252 (WHATWG Encoding Standard)
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _charsets(data: bytes, content_type: str) -> str:
    header, declared = _declared_charsets(data, content_type)
    parts = [f"HTTP header: {header}" if header else "", f"page: {declared}" if declared else ""]
    return "; ".join(p for p in parts if p) or "no charset declared"


#: Elements that are never article text.
_BOILERPLATE = ("nav", "header", "footer", "aside", "menu", "form", "script", "style",
                "noscript", "template")
_BOILERPLATE_ROLES = ("navigation", "banner", "contentinfo", "complementary", "menu",
                      "menubar", "search")
_TEXT_BLOCKS = ("p", "li", "dd", "dt", "td", "th", "h2", "h3", "h4", "h5", "h6")
_BLOCK_TAGS = frozenset(("p", "div", "ul", "ol", "li", "table", "section", "article",
                         "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "pre",
                         "figure", "main"))


def _drop_boilerplate(tree) -> None:
    """Remove navigation, page headers and footers, asides, and blocks whose text is
    mostly link text (more than half of it), so that none of it counts as the body."""
    doomed = [el for el in tree.iter(*_BOILERPLATE)]
    doomed += tree.xpath("//*[@role]["
                         + " or ".join(f"@role='{r}'" for r in _BOILERPLATE_ROLES) + "]")
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    blocks = list(tree.iter(*_TEXT_BLOCKS))
    blocks += [el for el in tree.iter("div")
               if not any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el)]
    for el in blocks:
        if el.getparent() is not None and _mostly_links(el):
            el.drop_tree()


def _mostly_links(el) -> bool:
    total = len("".join(el.text_content().split()))
    if not total:
        return False
    linked = sum(len("".join(a.text_content().split())) for a in el.iter("a"))
    return linked * 2 > total


#: ``<meta>`` names and properties that give a publication date, most specific first.
PUBLICATION_META = ("article:published_time", "og:article:published_time",
                    "og:published_time", "datepublished", "citation_publication_date",
                    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
                    "pubdate", "publishdate", "publish-date", "publish_date",
                    "parsely-pub-date", "sailthru.date", "article.published",
                    "originalpublicationdate", "dc.date", "dcterms.date", "date")


def publication_date(tree) -> tuple[str | None, list[str]]:
    """The page's publication date (ISO 8601, UTC) and the dates refused on the way.

    Looked up in this order: JSON-LD ``datePublished``; the ``<meta>`` names of
    :data:`PUBLICATION_META`; ``<time itemprop="datePublished">`` or ``<time pubdate>``;
    the only ``<time datetime>`` inside ``<article>``. Modification dates
    (``article:modified_time``, ``dateModified``, ...) are never used. Each value is read
    by the rules of :func:`framing.read_corpus`: ISO 8601, RFC 2822 and English month
    names; a numeric date that does not say whether the day or the month comes first
    (``03/04/2024``) is refused, never guessed. The first value that can be read wins;
    the refused ones are returned as messages when none can.
    """
    problems = []
    for where, value in _date_candidates(tree):
        stamp, problem = read_date(value)
        if stamp is not None:
            return stamp.isoformat(), []
        problems.append(f"{problem} ({where}); the date was left empty rather than guessed")
    return None, problems


def _date_candidates(tree):
    import json

    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                value = item.get("datePublished")
                if isinstance(value, str) and value.strip():
                    yield "JSON-LD datePublished", value
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    metas = {}
    for meta in tree.iter("meta"):
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            content = (meta.get("content") or "").strip()
            if key in PUBLICATION_META and content and key not in metas:
                metas[key] = (f'<meta {attr}="{meta.get(attr)}">', content)
    for key in PUBLICATION_META:
        if key in metas:
            yield metas[key]
    for time in tree.xpath("//time[@datetime][@itemprop='datePublished' or @pubdate]"):
        yield '<time itemprop="datePublished">', time.get("datetime")
    times = [t for t in tree.xpath("//article//time[@datetime]")
             if not re.search(r"modif|updat", " ".join(t.attrib.values()), re.I)]
    if len(times) == 1:
        yield "<time datetime> in <article>", times[0].get("datetime")


def read_date(value: str):
    """``(Timestamp in UTC, None)``, or ``(None, why it is refused)``, by the date rules of
    :func:`framing.read_corpus` (no guessing of day/month order).

    Examples
    --------
    >>> read_date("2024-03-05T23:30:00-05:00")
    (Timestamp('2024-03-06 04:30:00+0000', tz='UTC'), None)
    >>> read_date("03/04/2024")[1]
    "date '03/04/2024' does not say whether the day or the month comes first"
    """
    import pandas as pd

    from framing.corpus import _ISO, _DateProblem, _read_date

    value = " ".join(str(value).split())
    if _ISO.fullmatch(value):
        text = re.sub(r" ?(?:UTC|GMT)$", "+00:00", value)
        stamp = pd.to_datetime(text, format="ISO8601", utc=True, errors="coerce")
        if pd.isna(stamp):
            return None, f"date {value!r} is not a valid date or time"
        return stamp, None
    try:
        return _read_date(value), None
    except _DateProblem as exc:
        return None, str(exc).split(";")[0]


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
        Lines that are not absolute http(s) URLs (all of them, each with its file, line
        and column), or a list with no URL at all.

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
    urls, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not is_http_url(stripped):
            column = len(line) - len(line.lstrip()) + 1
            problems.append(f"{path}:{number}:{column}: not an http(s) URL: {stripped!r}")
            continue
        urls.append(canonical_url(stripped))
    if problems:
        raise UrlListError(problems, path=path, hint="expected one absolute URL per line, like "
                           "https://example.org/news/1 (blank lines and lines starting with "
                           "# are skipped)")
    if not urls:
        raise InputError("the list holds no URLs (blank lines and lines starting with # are "
                         "skipped)", path=path)
    return urls


class UrlListError(ProblemsError):
    """Lines of a URL list that are not URLs; all are listed in the message."""

    what = "URL list"


# ---------------------------------------------------------------------- feeds


def parse_feed(data: bytes, *, where) -> tuple[dict, list[dict]]:
    """Parse RSS or Atom bytes with feedparser into (feed info, entries).

    Each entry, in feed order: ``url`` (``None`` when the entry has no link), ``title``,
    ``author``, ``date`` (ISO 8601 UTC: the entry's ``<pubDate>`` or ``<published>``;
    ``<updated>`` is a modification date and is never used), ``text`` (the full content,
    else the summary, as plain text).
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
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary", "")
        stamp = entry.get("published_parsed")
        date = (datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc).isoformat()
                if stamp else None)
        entries.append({"url": canonical_url(link) if link else None,
                        "title": _clean(entry.get("title")),
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
        (``<news:publication_date>``), ``title`` and ``lang``. An entry whose ``<loc>`` is
        not an http(s) URL has only ``url`` (as written) and ``problem`` (why it is
        skipped), so that the collector can list it.
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
            line = getattr(node, "sourceline", None)
            entries.append({"url": loc or f"<{child}> on line {line}",
                            "problem": f"<loc> {loc!r} is not an http(s) URL"
                            + (f" (line {line} of the sitemap)" if line else "")})
            continue
        entries.append({"url": canonical_url(loc), "lastmod": fields.get("lastmod") or None,
                        "date": fields.get("publication_date") or None,
                        "title": _clean(fields.get("title")),
                        "lang": _lang_code(fields.get("language"))})
    return kind, entries
