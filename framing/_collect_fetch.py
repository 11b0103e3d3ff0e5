"""Polite HTTP for :mod:`framing.collect`: robots.txt, a delay per host, retries, a cache.

Written on the standard library only (``urllib.request``, ``urllib.robotparser``). The
public face of this module is :class:`Fetcher`, re-exported by :mod:`framing.collect`.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.client
import json
import os
import re
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
import warnings
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from framing import __version__
from framing.errors import InputError

__all__ = ["Fetcher", "FetchError", "Page", "CollectWarning", "default_user_agent"]

#: The cache folder used when none is given (relative to the working directory).
DEFAULT_CACHE = "framing-cache"
#: Shown in the User-Agent until the user gives ``contact=`` (an e-mail or a web page).
CONTACT_PLACEHOLDER = "contact-not-set"
#: HTTP statuses that are retried with back-off.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class CollectWarning(UserWarning):
    """Something was skipped or guessed while collecting (one warning per call)."""


class SkippedWarning(CollectWarning):
    """Items were skipped or left incomplete; ``cli`` is the heading the command line prints
    above the list, which is ``result.attrs[attr]``."""

    def __init__(self, message: str, *, cli: str, attr: str = "failures"):
        super().__init__(message)
        self.cli = cli
        self.attr = attr


class FetchError(InputError):
    """A URL could not be fetched (robots.txt, an HTTP error, a timeout, ...).

    The message starts with the URL; ``status`` holds the last HTTP status, if any.
    """

    def __init__(self, url: str, message: str, *, status: int | None = None):
        super().__init__(message, path=url)
        self.url = url
        self.status = status


@dataclass
class Page:
    """One fetched (or cached) document."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    path: Path | None = None
    from_cache: bool = False


def default_user_agent(contact: str | None = None) -> str:
    """The User-Agent sent by :class:`Fetcher`: ``framing``, its version and a contact.

    Examples
    --------
    >>> default_user_agent("newsroom-study@example.org")  # doctest: +ELLIPSIS
    'framing/... (news-framing research; contact: newsroom-study@example.org)'
    """
    return (f"framing/{__version__} (news-framing research; "
            f"contact: {contact or CONTACT_PLACEHOLDER})")


def canonical_url(url: str) -> str:
    """``url`` without its #fragment (the key of the cache and of duplicate inputs)."""
    return urllib.parse.urldefrag(url.strip())[0]


def is_http_url(text: str) -> bool:
    parts = urllib.parse.urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in text.strip()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand redirects back to the caller, so each hop passes robots.txt and the delay."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Fetcher:
    """Fetch web pages politely, one at a time per host, with a cache on disk.

    Parameters
    ----------
    cache_dir : str or Path, optional
        Folder of the raw-page cache. A page is stored as
        ``<cache_dir>/<host>/<sha256 of the URL>.html`` with a ``.json`` file of metadata
        (URL, final URL after redirects, status, content type, time fetched). A cached
        page is read back instead of fetched, and a cache file, once written, is never
        replaced. ``None`` keeps nothing.
    delay : float, default=1.5
        Seconds to wait between the end of one request and the start of the next to the
        same host. A larger ``Crawl-delay`` or ``Request-rate`` in robots.txt wins.
    contact : str, optional
        An e-mail address or web page put in the User-Agent, so a site owner can reach you.
    user_agent : str, optional
        The whole User-Agent string, replacing the default (:func:`default_user_agent`).
    timeout : float, default=20
        Seconds before a connection or read is abandoned (then retried).
    retries : int, default=3
        Further attempts after a timeout, a dropped connection or HTTP 429/500/502/503/504.
    backoff : float, default=2
        The wait before retry ``n`` is ``backoff * 2**n`` seconds, or the server's
        ``Retry-After`` if that is longer.
    max_wait : float, default=300
        A URL is given up (not retried sooner) when its ``Retry-After`` asks for a longer
        wait; a robots.txt ``Crawl-delay`` longer than this is cut to it.
    robots : bool, default=True
        Obey robots.txt. Turn off only for sites you run or have permission to crawl.
    max_bytes : int, default=20_000_000
        Larger responses are refused.

    Notes
    -----
    Requests are made one at a time per host (a lock per host), so the delay holds even
    when a Fetcher is shared between threads. The robots.txt of each site is fetched once
    (with the same delay, User-Agent and retries); a robots.txt that answers 401/403, or
    cannot be fetched because of a server error, disallows the whole site; a 404 allows it.
    Redirects are followed by hand (at most 5), each hop checked against robots.txt.
    """

    def __init__(self, cache_dir=None, *, delay: float = 1.5, contact: str | None = None,
                 user_agent: str | None = None, timeout: float = 20.0, retries: int = 3,
                 backoff: float = 2.0, max_wait: float = 300.0, robots: bool = True,
                 max_bytes: int = 20_000_000):
        if delay < 0 or timeout <= 0 or retries < 0 or backoff < 0:
            raise InputError("delay, backoff and retries must be >= 0 and timeout > 0; got "
                             f"delay={delay}, timeout={timeout}, retries={retries}, "
                             f"backoff={backoff}")
        self.cache_dir = None if cache_dir is None else Path(cache_dir)
        self.delay = float(delay)
        self.contact = contact
        self.user_agent = user_agent or default_user_agent(contact)
        self.timeout = float(timeout)
        self.retries = int(retries)
        self.backoff = float(backoff)
        self.max_wait = float(max_wait)
        self.robots = robots
        self.max_bytes = int(max_bytes)
        self.max_redirects = 5
        self.requests_made = 0
        self._opener = urllib.request.build_opener(_NoRedirect())
        self._robots: dict[str, tuple[urllib.robotparser.RobotFileParser, str]] = {}
        self._host_delay: dict[str, float] = {}
        self._ready_at: dict[str, float] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._warned_contact = False
        self._clock = time.monotonic
        self._sleep = time.sleep

    # ------------------------------------------------------------------ cache

    def cache_path(self, url: str) -> Path | None:
        """Where the page of ``url`` is (or would be) cached; ``None`` without a cache."""
        if self.cache_dir is None:
            return None
        url = canonical_url(url)
        parts = urllib.parse.urlsplit(url)
        host = re.sub(r"[^A-Za-z0-9.-]", "_", parts.netloc.lower()) or "_"
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        return self.cache_dir / host / f"{digest}.html"

    def cached(self, url: str) -> Page | None:
        """The cached page of ``url``, or ``None`` when it was never fetched."""
        path = self.cache_path(url)
        if path is None or not path.is_file():
            return None
        meta = {}
        meta_path = path.with_suffix(".json")
        if meta_path.is_file():
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                meta = {}
        return Page(url=canonical_url(url), final_url=meta.get("final_url") or url,
                    status=int(meta.get("status") or 200),
                    content_type=meta.get("content_type") or "", body=path.read_bytes(),
                    path=path, from_cache=True)

    def _store(self, page: Page) -> Path | None:
        path = self.cache_path(page.url)
        if path is None:
            return None
        meta = {"url": page.url, "final_url": page.final_url, "status": page.status,
                "content_type": page.content_type, "user_agent": self.user_agent,
                "fetched_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        # metadata first: a body file present means a complete entry
        write_once(path.with_suffix(".json"),
                   json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"))
        write_once(path, page.body)
        return path

    # ------------------------------------------------------------------ fetching

    def get(self, url: str, *, cache: bool = True, accept=_HTML_TYPES) -> Page:
        """Return the page at ``url``: from the cache when there, else fetched politely.

        Parameters
        ----------
        url : str
        cache : bool, default=True
            Read from and write to the cache (feeds and sitemaps use ``False``: they change).
        accept : tuple of str or None
            Content types taken; another type raises :class:`FetchError`. ``None``: any.
        """
        url = canonical_url(url)
        if cache and (hit := self.cached(url)) is not None:
            return hit
        page = self._fetch(url)
        ctype = page.content_type.split(";")[0].strip().lower()
        if accept and ctype and ctype not in accept:
            raise FetchError(url, f"not an HTML page (content type {ctype!r})",
                             status=page.status)
        if cache:
            page.path = self._store(page)
        return page

    def _fetch(self, url: str) -> Page:
        current = url
        for _ in range(self.max_redirects + 1):
            try:
                self._check_robots(current)
            except FetchError as exc:
                if current == url:
                    raise
                raise FetchError(url, f"redirected to {current}, which is {exc.reason}") \
                    from None
            status, headers, body = self._request_with_retries(current)
            if status in _REDIRECTS:
                location = headers.get("Location")
                if not location:
                    raise FetchError(current, f"HTTP {status} redirect without a Location",
                                     status=status)
                current = canonical_url(urllib.parse.urljoin(current, location))
                continue
            if status != 200:
                raise FetchError(url, f"HTTP {status} {_reason(status)}".rstrip(),
                                 status=status)
            return Page(url=url, final_url=current, status=status,
                        content_type=headers.get("Content-Type", ""), body=body)
        raise FetchError(url, f"more than {self.max_redirects} redirects")

    def _request_with_retries(self, url: str):
        host = _host(url)
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            wait = self.backoff * 2 ** attempt
            try:
                status, headers, body = self._request(url)
            except (TimeoutError, ConnectionError, http.client.HTTPException) as exc:
                if isinstance(exc, ConnectionRefusedError) or last:
                    raise FetchError(url, f"{_describe(exc)} (after {attempt + 1} "
                                     f"attempt{'s' if attempt else ''})") from None
                self._postpone(host, wait)
                continue
            if status in RETRY_STATUSES and not last:
                asked = retry_after_seconds(headers.get("Retry-After"))
                if asked is not None and asked > self.max_wait:
                    raise FetchError(url, f"HTTP {status}: the server asks to wait {asked:.0f} s"
                                     f", more than max_wait={self.max_wait:g} s", status=status)
                self._postpone(host, max(wait, asked or 0.0))
                continue
            return status, headers, body
        raise AssertionError("unreachable")  # pragma: no cover

    def _postpone(self, host: str, seconds: float) -> None:
        with self._guard:
            self._ready_at[host] = max(self._ready_at.get(host, 0.0), self._clock() + seconds)

    def _lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def _request(self, url: str):
        """One HTTP GET, made when the host's delay has passed; errors come back as status."""
        if self.contact is None and self.user_agent == default_user_agent(None) \
                and not self._warned_contact:
            self._warned_contact = True
            warnings.warn("no contact set for the User-Agent: pass contact= (CLI: --contact) "
                          "with an e-mail or web page so site owners can reach you",
                          CollectWarning, stacklevel=4)
        host = _host(url)
        with self._lock(host):
            wait = self._ready_at.get(host, 0.0) - self._clock()
            if wait > 0:
                self._sleep(wait)
            request = urllib.request.Request(url, headers={
                "User-Agent": self.user_agent, "Accept-Encoding": "gzip",
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
            try:
                self.requests_made += 1
                try:
                    response = self._opener.open(request, timeout=self.timeout)
                except urllib.error.HTTPError as exc:
                    response = exc
                except urllib.error.URLError as exc:
                    reason = exc.reason
                    if isinstance(reason, (TimeoutError, ConnectionError)):
                        raise reason from None
                    raise FetchError(url, f"cannot connect: {reason}") from None
                with response:
                    status = response.getcode()
                    headers = response.headers
                    body = self._read(url, response, headers)
            finally:
                pause = max(self.delay, self._host_delay.get(host, 0.0))
                with self._guard:
                    self._ready_at[host] = max(self._ready_at.get(host, 0.0),
                                               self._clock() + pause)
        return status, headers, body

    def _read(self, url: str, response, headers) -> bytes:
        if response.fp is None:
            return b""
        chunks, size = [], 0
        while chunk := response.read(min(1 << 16, self.max_bytes + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"the response is larger than max_bytes={self.max_bytes}")
        body = b"".join(chunks)
        if (headers.get("Content-Encoding") or "").lower() in ("gzip", "x-gzip"):
            try:
                body = gunzip_capped(body, self.max_bytes)
            except InputError as exc:
                raise FetchError(url, exc.reason) from None
        return body

    # ------------------------------------------------------------------ robots.txt

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets this User-Agent fetch ``url`` (fetched once per site)."""
        return robots_allow(self._robots_for(url)[0], self.user_agent, url)

    def _check_robots(self, url: str) -> None:
        if not self.robots:
            return
        parser, note = self._robots_for(url)
        if not robots_allow(parser, self.user_agent, url):
            raise FetchError(url, f"disallowed by robots.txt{note} for User-Agent "
                             f"{self.user_agent.split('/')[0]!r}")

    def _robots_for(self, url: str):
        parts = urllib.parse.urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        return self._robots[origin]

    def _load_robots(self, origin: str):
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        location, note = origin + "/robots.txt", ""
        try:
            for _ in range(self.max_redirects + 1):
                status, headers, body = self._request_with_retries(location)
                if status in _REDIRECTS and headers.get("Location"):
                    location = urllib.parse.urljoin(location, headers["Location"])
                    continue
                break
        except FetchError as exc:
            status, body, note = None, b"", f" (robots.txt unreachable: {exc.reason})"
        if status == 200:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        elif status in (401, 403) or status is None or status >= 500:
            parser.disallow_all = True
            if status is not None:
                note = f" (robots.txt answered HTTP {status}, so the whole site is off limits)"
        else:
            parser.allow_all = True
        parser.modified()
        host = _host(origin)
        rate = parser.request_rate(self.user_agent)
        pause = 0.0
        if status == 200:  # robotparser reads whole seconds only: "Crawl-delay: 0.5" is lost
            pause = crawl_delay(body.decode("utf-8", errors="replace").splitlines(),
                                self.user_agent) or 0.0
        if rate and rate.requests:
            pause = max(pause, rate.seconds / rate.requests)
        if pause:
            pause = min(float(pause), self.max_wait)
            self._host_delay[host] = pause
            self._postpone(host, pause)
        return parser, note


# ---------------------------------------------------------------------- helpers


def robots_allow(parser: urllib.robotparser.RobotFileParser, agent: str, url: str) -> bool:
    """Whether robots.txt rules (parsed by ``urllib.robotparser``) allow ``agent`` on ``url``.

    The group is chosen as ``urllib.robotparser`` does (the first group naming the agent's
    product token, else ``*``), but rules are matched as RFC 9309 says: ``*`` matches any
    characters, a final ``$`` anchors the end, and the longest matching rule wins (an
    ``Allow`` on a tie). ``RobotFileParser.can_fetch`` takes the first matching rule and
    treats ``*`` literally.

    Examples
    --------
    >>> import urllib.robotparser
    >>> rp = urllib.robotparser.RobotFileParser()
    >>> rp.parse(["User-agent: *", "Allow: /", "Disallow: /private/", "Disallow: /*.pdf$"])
    >>> [robots_allow(rp, "framing/1", f"https://a.example{p}")
    ...  for p in ("/news/1", "/private/x", "/files/a.pdf", "/files/a.pdf?x")]
    [True, False, False, True]
    """
    if parser.disallow_all:
        return False
    if parser.allow_all:
        return True
    entry = next((e for e in parser.entries if e.applies_to(agent)), parser.default_entry)
    if entry is None:
        return True
    parts = urllib.parse.urlsplit(urllib.parse.unquote(url))
    target = urllib.parse.quote((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
    best: tuple[int, bool] | None = None
    for rule in entry.rulelines:
        if _rule_matches(rule.path, target):
            key = (len(rule.path), bool(rule.allowance))
            best = key if best is None or key > best else best
    return True if best is None else best[1]


def _rule_matches(pattern: str, target: str) -> bool:
    # robotparser stores rule paths percent-quoted: "*" is "%2A" and "$" is "%24"
    anchored = pattern.endswith("%24")
    if anchored:
        pattern = pattern[:-3]
    regex = ".*".join(re.escape(piece) for piece in pattern.split("%2A"))
    return re.match(regex + ("$" if anchored else ""), target) is not None


def crawl_delay(lines, agent: str) -> float | None:
    """The ``Crawl-delay`` (seconds, fractions allowed) of the robots.txt group that
    applies to ``agent``, chosen as ``urllib.robotparser`` chooses (the first group naming
    the agent's product token, else ``*``).

    Examples
    --------
    >>> crawl_delay(["User-agent: *", "Crawl-delay: 0.5"], "framing/1.0")
    0.5
    >>> crawl_delay(["User-agent: framing", "Crawl-delay: 2", "", "User-agent: *",
    ...              "Crawl-delay: 9"], "framing/1.0 (contact: x)")
    2.0
    """
    token = agent.split("/")[0].lower()
    groups: list[tuple[list[str], float | None]] = []
    agents: list[str] = []
    delay = None
    in_rules = False
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (part.strip() for part in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            if in_rules:
                groups.append((agents, delay))
                agents, delay, in_rules = [], None, False
            agents.append(value.lower())
        elif agents:
            in_rules = True
            if key == "crawl-delay" and re.fullmatch(r"\d+(\.\d*)?|\.\d+", value):
                delay = float(value)
    if agents:
        groups.append((agents, delay))
    for names, value in groups:
        if any(n != "*" and n in token for n in names):
            return value
    for names, value in groups:
        if "*" in names:
            return value
    return None


def write_once(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` whole, unless ``path`` exists; never replace a file.

    Returns whether the file was written. The data goes to a temporary file that is then
    hard-linked to ``path`` (which fails if ``path`` appeared meanwhile).
    """
    path = Path(path)
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links on this file system
            if path.exists():
                return False
            os.replace(tmp, path)
        return True
    finally:
        Path(tmp).unlink(missing_ok=True)


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (a number or an HTTP date).

    Examples
    --------
    >>> retry_after_seconds("7")
    7.0
    >>> retry_after_seconds("Thu, 01 Jan 1970 00:00:00 GMT")
    0.0
    >>> retry_after_seconds("soon") is None
    True
    """
    if value is None:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def gunzip_capped(data: bytes, limit: int, *, where=None) -> bytes:
    """Decompress gzip ``data``, refusing output longer than ``limit`` bytes."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise InputError(f"cannot decompress gzip data: {exc}", path=where) from None
    if len(out) > limit:
        raise InputError(f"the decompressed data is larger than {limit} bytes", path=where)
    return out


def _host(url: str) -> str:
    return (urllib.parse.urlsplit(url).hostname or "").lower()


def _reason(status: int) -> str:
    return http.client.responses.get(status, "")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "timed out"
    return f"connection failed: {type(exc).__name__}: {exc}".rstrip(": ")

