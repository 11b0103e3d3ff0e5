"""Tests of framing.collect: offline, against fixture pages served on 127.0.0.1 only."""

from __future__ import annotations

import argparse
import gzip
import json
import threading
import time
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

import framing.collect as collect
from framing._collect_fetch import retry_after_seconds, write_once
from framing.collect import (
    CollectWarning,
    Fetcher,
    FetchError,
    collect_feed,
    collect_html,
    collect_sitemap,
    collect_urls,
    flag_duplicates,
    read_url_list,
    register_cli,
)
from framing.corpus import read_corpus
from framing.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "collect"
ARTICLES = ("kestrel_grain", "wire_harbour", "wire_ledger", "wire_ledger_update",
            "rheinpost_de")


# ------------------------------------------------------------------------ local server


class _Site:
    """Routes of the test server; each path answers a list of responses in turn."""

    def __init__(self):
        self.routes: dict[str, list] = {}
        self.log: list[tuple[float, str, dict]] = []
        self.lock = threading.Lock()
        self.base = ""

    def serve(self, path, body, *, status=200, headers=None, ctype="text/html; charset=utf-8"):
        self.sequence(path, [(status, {"Content-Type": ctype, **(headers or {})}, body)])

    def sequence(self, path, responses):
        self.routes[path] = [(s, h, b.encode("utf-8") if isinstance(b, str) else b)
                             for s, h, b in responses]

    def fixture(self, name, path=None, **kwargs):
        text = (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", self.base)
        self.serve(path or f"/articles/{name}", text, **kwargs)

    def next_response(self, path):
        with self.lock:
            responses = self.routes.get(path)
            if not responses:
                return 404, {"Content-Type": "text/plain"}, b"not found"
            return responses.pop(0) if len(responses) > 1 else responses[0]

    def paths(self):
        return [p for _, p, _ in self.log]

    def times(self, prefix=""):
        return [t for t, p, _ in self.log if p.startswith(prefix)]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        site = self.server.site
        with site.lock:
            site.log.append((time.monotonic(), self.path, dict(self.headers)))
        status, headers, body = site.next_response(self.path)
        sleep = float(headers.get("X-Test-Sleep", 0))
        if sleep:
            time.sleep(sleep)
        self.send_response(status)
        for key, value in headers.items():
            if not key.startswith("X-Test"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
                "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.site = _Site()
    server.site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield server.site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def make_fetcher(tmp_path):
    def make(**kwargs):
        options = {"delay": 0.02, "contact": "tests@example.org", "timeout": 5.0,
                   "retries": 2, "backoff": 0.02}
        options.update(kwargs)
        return Fetcher(options.pop("cache_dir", tmp_path / "cache"), **options)
    return make


def _serve_articles(site, names=ARTICLES):
    for name in names:
        site.fixture(f"{name}.html")
    return [f"{site.base}/articles/{name}.html" for name in names]


def _article_paths(site):
    return [p for p in site.paths() if p.startswith("/articles/")]


# ------------------------------------------------------------------------ HTML files


def test_collect_html_extracts_metadata():
    df = collect_html([FIXTURES / "kestrel_grain.html", FIXTURES / "rheinpost_de.html"],
                      progress=False)
    assert list(df.columns) == list(collect.COLLECT_COLUMNS)
    row = df.set_index("doc_id").loc["kestrel_grain"]
    assert row["title"] == "Grain convoy reaches port after a week of delays"
    assert row["author"] == "Mara Lindqvist"
    assert row["source"] == "The Kestrel Courier"
    assert row["url"] == "https://kestrel-courier.example/world/grain-convoy"
    assert row["date"] == pd.Timestamp("2024-03-05T08:30:00Z")
    assert row["lang"] == "en"
    assert row["text"].startswith("A convoy of forty lorries")  # headline not repeated
    assert "All rights reserved" not in row["text"]
    assert df.set_index("doc_id").loc["rheinpost_de", "lang"] == "de"


def test_collect_html_output_is_read_by_read_corpus(tmp_path):
    out = tmp_path / "corpus.jsonl"
    df = collect_html([FIXTURES / f"{n}.html" for n in ARTICLES], output=out,
                      progress=False)
    back = read_corpus(out)
    assert sorted(back["doc_id"]) == sorted(df["doc_id"])
    assert set(collect.COLLECT_COLUMNS) <= set(back.columns)
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert list(first)[:8] == ["doc_id", "source", "date", "lang", "title", "author", "url",
                               "text"]
    assert not list(tmp_path.glob("*.tmp"))


def test_collect_html_flags_wire_copies():
    with pytest.warns(CollectWarning, match="no_body.html"):
        df = collect_html(FIXTURES, errors="skip", progress=False).set_index("doc_id")
    assert df.loc["wire_ledger", "duplicate_of"] == "wire_harbour"
    assert df.loc["wire_ledger_update", "near_duplicate_of"] == "wire_harbour"
    assert df.loc["wire_ledger_update", "near_jaccard"] >= 0.8
    assert df.loc["kestrel_grain", ["duplicate_of", "near_duplicate_of"]].isna().all()


def test_collect_html_no_body_raises():
    with pytest.raises(InputError, match=r"no_body\.html: no article body could be extracted"):
        collect_html(FIXTURES / "no_body.html", progress=False)


def test_collect_html_skip_warns_once_and_lists_failures():
    with pytest.warns(CollectWarning, match=r"1 of 6 HTML files skipped"):
        df = collect_html(FIXTURES, errors="skip", progress=False)
    assert len(df) == 5
    assert [Path(f["url"]).name for f in df.attrs["failures"]] == ["no_body.html"]


@pytest.mark.parametrize("make_path, message", [
    (lambda tmp: tmp / "missing.html", r"missing\.html: no such file or folder"),
    (lambda tmp: tmp, r"the folder holds no \.html, \.htm or \.xhtml files"),
])
def test_collect_html_bad_paths_raise(tmp_path, make_path, message):
    with pytest.raises(InputError, match=message):
        collect_html(make_path(tmp_path), progress=False)


def test_collect_errors_argument_checked():
    with pytest.raises(InputError, match=r"errors must be 'raise' or 'skip'; got 'ignore'"):
        collect_html(FIXTURES, errors="ignore")


# ------------------------------------------------------------------------ duplicates

WIRE = ("Electricity was restored to most homes in the eastern district on Thursday, the "
        "grid operator said, after overnight strikes damaged two substations and left "
        "ninety thousand households without light or heating for several hours.")


def test_flag_duplicates_exact_ignores_case_punctuation_and_spacing():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"],
                           "text": [WIRE, "  " + WIRE.upper().replace(",", " ;") + "\n",
                                    "A different story about grain exports entirely."]})
    out = flag_duplicates(corpus)
    assert out["duplicate_of"].tolist() == [None, "a", None]
    assert out["near_duplicate_of"].isna().all()


def test_flag_duplicates_earliest_date_is_the_original():
    corpus = pd.DataFrame({"doc_id": ["late", "early", "undated"], "text": [WIRE] * 3,
                           "date": ["2024-04-11T15:00Z", "2024-04-11T06:00Z", None]})
    assert flag_duplicates(corpus)["duplicate_of"].tolist() == ["early", None, "early"]


def test_flag_duplicates_near_copy_with_update():
    update = WIRE + " By the afternoon supply had returned to all but four thousand homes."
    corpus = pd.DataFrame({"doc_id": ["wire", "update", "other"],
                           "text": [WIRE, update, "Farmers struggled to move the harvest."]})
    out = flag_duplicates(corpus, threshold=0.5)
    assert out["near_duplicate_of"].tolist() == [None, "wire", None]
    shared = len(WIRE.split()) - 4
    assert out.loc[1, "near_jaccard"] == pytest.approx(shared / (len(update.split()) - 4))
    assert flag_duplicates(corpus, threshold=0.9)["near_duplicate_of"].isna().all()


def test_flag_duplicates_minhash_agrees_with_all_pairs():
    import random

    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(400)]
    texts = [" ".join(rng.choice(vocab) for _ in range(120)) for _ in range(40)]
    for src in range(0, 10):  # near copies: a few words changed at the end
        words = texts[src].split()
        texts.append(" ".join(words[:-3] + ["changed", "ending", "here"]))
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    exact = flag_duplicates(corpus, method="all_pairs")
    fast = flag_duplicates(corpus, method="minhash")
    pd.testing.assert_frame_equal(exact, fast)
    assert exact["near_duplicate_of"].tolist()[40:] == [f"d{i}" for i in range(10)]


def test_flag_duplicates_short_and_empty_texts():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c", "d"],
                           "text": ["Kyiv.", "kyiv", "", None]})
    out = flag_duplicates(corpus)
    assert out["duplicate_of"].tolist() == [None, "a", None, None]


@pytest.mark.parametrize("kwargs, message", [
    ({"threshold": 0}, r"threshold must be a number in \(0, 1\]; got 0"),
    ({"threshold": 1.5}, r"threshold must be a number in \(0, 1\]; got 1\.5"),
    ({"shingle": 0}, r"shingle must be a whole number >= 1; got 0"),
    ({"method": "fast"}, r"method must be 'auto', 'all_pairs' or 'minhash'; got 'fast'"),
    ({"text": "body"}, r"flag_duplicates needs a 'body' column; columns found: doc_id, text"),
])
def test_flag_duplicates_bad_arguments(kwargs, message):
    with pytest.raises(InputError, match=message):
        flag_duplicates(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), **kwargs)


# ------------------------------------------------------------------------ URL lists


def test_read_url_list_skips_comments_and_dedupes(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("# my list\n\nhttps://a.example/1#top\n  https://a.example/2\n",
                    encoding="utf-8")
    assert read_url_list(path) == ["https://a.example/1", "https://a.example/2"]


def test_read_url_list_bad_line_names_file_line_column(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("https://a.example/1\n\n   www.b.example/story\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"urls\.txt:3:4: not an http\(s\) URL: "
                                         r"'www\.b\.example/story'"):
        read_url_list(path)


def test_collect_urls_bad_items_raise(tmp_path):
    with pytest.raises(InputError, match=r"item 2 of urls is not an http\(s\) URL: 'ftp://x'"):
        collect_urls(["https://a.example/", "ftp://x"], cache_dir=tmp_path)
    with pytest.raises(InputError, match=r"nolist\.txt: no such URL list file"):
        collect_urls(tmp_path / "nolist.txt", cache_dir=tmp_path)


# ------------------------------------------------------------------------ polite fetching


def test_collect_urls_fetches_and_sends_user_agent(site, make_fetcher, tmp_path):
    urls = _serve_articles(site)
    df = collect_urls(urls, fetcher=make_fetcher(), output=tmp_path / "c.jsonl",
                      progress=False)
    assert len(df) == 5 and df["url"].tolist() == urls
    assert df["doc_id"].str.match(r"^127\.0\.0\.1-[0-9a-f]{12}$").all()
    assert df.set_index("url").loc[urls[2], "duplicate_of"] == df.loc[1, "doc_id"]
    agents = {h.get("User-Agent") for _, _, h in site.log}
    assert len(agents) == 1 and agents.pop().startswith("framing/")
    assert "contact: tests@example.org" in site.log[0][2]["User-Agent"]
    assert site.paths()[0] == "/robots.txt"
    assert len(read_corpus(tmp_path / "c.jsonl")) == 5


def test_fetcher_without_contact_warns(site, tmp_path):
    site.fixture("kestrel_grain.html")
    fetcher = Fetcher(tmp_path / "cache", delay=0.01)
    with pytest.warns(CollectWarning, match=r"no contact set for the User-Agent"):
        fetcher.get(f"{site.base}/articles/kestrel_grain.html")


@pytest.mark.parametrize("robots", [
    "User-agent: *\nDisallow: /articles/wire\n",
    "User-agent: SomeOtherBot\nDisallow:\n\nUser-agent: framing\nDisallow: /articles/wire\n",
    "User-agent: *\nAllow: /\nDisallow: /*/wire_*.html$\n",  # RFC 9309: longest match wins
])
def test_robots_txt_disallow_is_honoured(site, make_fetcher, robots):
    site.serve("/robots.txt", robots, ctype="text/plain")
    urls = _serve_articles(site, ("kestrel_grain", "wire_harbour"))
    with pytest.warns(CollectWarning, match=r"1 of 2 URLs skipped"):
        df = collect_urls(urls, fetcher=make_fetcher(), progress=False)
    assert df["url"].tolist() == urls[:1]
    assert "/articles/wire_harbour.html" not in site.paths()
    assert site.paths().count("/robots.txt") == 1
    reason = df.attrs["failures"][0]["reason"]
    assert reason.startswith("disallowed by robots.txt for User-Agent 'framing'")


def test_robots_txt_server_error_disallows_site(site, make_fetcher):
    site.serve("/robots.txt", "oops", status=500, ctype="text/plain")
    urls = _serve_articles(site, ("kestrel_grain",))
    with pytest.raises(FetchError, match=r"disallowed by robots\.txt \(robots\.txt "
                                         r"answered HTTP 500"):
        collect_urls(urls, fetcher=make_fetcher(retries=0), errors="raise", progress=False)
    assert _article_paths(site) == []


def test_delay_between_requests_to_one_host(site, make_fetcher):
    urls = _serve_articles(site, ("kestrel_grain", "wire_harbour", "rheinpost_de"))
    collect_urls(urls, fetcher=make_fetcher(delay=0.3), progress=False)
    times = site.times()
    assert len(times) == 4  # robots.txt + 3 pages
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.3 * 0.95, gaps


def test_crawl_delay_in_robots_txt_wins(site, make_fetcher):
    site.serve("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", ctype="text/plain")
    urls = _serve_articles(site, ("kestrel_grain",))
    collect_urls(urls, fetcher=make_fetcher(delay=0.01), progress=False)
    robots_at, page_at = site.times()
    assert page_at - robots_at >= 0.95


def test_retry_on_503_then_success(site, make_fetcher):
    page = (FIXTURES / "kestrel_grain.html").read_bytes()
    site.sequence("/flaky", [(503, {"Content-Type": "text/plain"}, "busy"),
                             (200, {"Content-Type": "text/html"}, page)])
    df = collect_urls([f"{site.base}/flaky"], fetcher=make_fetcher(), progress=False)
    assert len(df) == 1 and df.loc[0, "title"].startswith("Grain convoy")
    assert site.paths().count("/flaky") == 2


def test_retry_after_is_honoured(site, make_fetcher):
    page = (FIXTURES / "kestrel_grain.html").read_bytes()
    site.sequence("/busy", [(429, {"Retry-After": "1", "Content-Type": "text/plain"}, "slow"),
                            (200, {"Content-Type": "text/html"}, page)])
    collect_urls([f"{site.base}/busy"], fetcher=make_fetcher(backoff=0.01), progress=False)
    first, second = site.times("/busy")
    assert second - first >= 0.95


def test_retries_give_up_after_the_last_attempt(site, make_fetcher):
    site.serve("/down", "error", status=500, ctype="text/plain")
    with pytest.raises(FetchError, match=r"/down: HTTP 500 Internal Server Error"):
        collect_urls([f"{site.base}/down"], fetcher=make_fetcher(retries=2, backoff=0.1),
                     errors="raise", progress=False)
    assert site.paths().count("/down") == 3
    times = site.times("/down")
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert gaps[1] > gaps[0] * 1.5  # exponential back-off


def test_retry_after_longer_than_max_wait_gives_up(site, make_fetcher):
    site.serve("/later", "later", status=503, headers={"Retry-After": "3600"})
    with pytest.raises(FetchError, match=r"the server asks to wait 3600 s, more than "
                                         r"max_wait=60 s"):
        collect_urls([f"{site.base}/later"], fetcher=make_fetcher(max_wait=60),
                     errors="raise", progress=False)
    assert site.paths().count("/later") == 1


def test_timeout_is_retried(site, make_fetcher):
    page = (FIXTURES / "kestrel_grain.html").read_bytes()
    site.sequence("/slow", [(200, {"Content-Type": "text/html", "X-Test-Sleep": "0.8"}, page),
                            (200, {"Content-Type": "text/html"}, page)])
    df = collect_urls([f"{site.base}/slow"], fetcher=make_fetcher(timeout=0.3),
                      progress=False)
    assert len(df) == 1 and site.paths().count("/slow") == 2


def test_redirect_followed_and_final_url_kept(site, make_fetcher):
    site.fixture("kestrel_grain.html")
    site.serve("/old", "", status=301, headers={"Location": "/articles/kestrel_grain.html"})
    df = collect_urls([f"{site.base}/old"], fetcher=make_fetcher(), progress=False)
    assert df.loc[0, "url"] == f"{site.base}/articles/kestrel_grain.html"


def test_gzip_and_non_html_responses(site, make_fetcher):
    page = (FIXTURES / "kestrel_grain.html").read_bytes()
    site.sequence("/zipped", [(200, {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                               gzip.compress(page))])
    site.serve("/report.pdf", b"%PDF-1.4", ctype="application/pdf")
    with pytest.warns(CollectWarning, match=r"1 of 2 URLs skipped.*not an HTML page "
                                            r"\(content type 'application/pdf'\)"):
        df = collect_urls([f"{site.base}/zipped", f"{site.base}/report.pdf"],
                          fetcher=make_fetcher(), progress=False)
    assert df.loc[0, "author"] == "Mara Lindqvist"


# ------------------------------------------------------------------------ cache and resume


def test_cache_file_is_never_overwritten(site, make_fetcher, tmp_path):
    url = _serve_articles(site, ("kestrel_grain",))[0]
    first = collect_urls([url], fetcher=make_fetcher(), progress=False)
    cached = Path(first.loc[0, "raw_path"])
    before, mtime = cached.read_bytes(), cached.stat().st_mtime_ns
    site.fixture("rheinpost_de.html", path="/articles/kestrel_grain.html")  # page changed
    second = collect_urls([url], fetcher=make_fetcher(), progress=False)
    assert cached.read_bytes() == before and cached.stat().st_mtime_ns == mtime
    assert second.loc[0, "text"] == first.loc[0, "text"]
    assert _article_paths(site) == ["/articles/kestrel_grain.html"]
    assert json.loads(cached.with_suffix(".json").read_text())["url"] == url


def test_write_once_keeps_existing_file(tmp_path):
    path = tmp_path / "a" / "page.html"
    assert write_once(path, b"first") is True
    assert write_once(path, b"second") is False
    assert path.read_bytes() == b"first"
    assert [p.name for p in path.parent.iterdir()] == ["page.html"]


def test_resume_skips_urls_already_fetched(site, make_fetcher, tmp_path):
    urls = _serve_articles(site)
    out = tmp_path / "c.jsonl"
    with pytest.raises(FetchError, match=r"/articles/missing\.html: HTTP 404"):
        collect_urls(urls[:2] + [f"{site.base}/articles/missing.html"] + urls[2:],
                     fetcher=make_fetcher(), errors="raise", output=out, progress=False)
    assert not out.exists()
    assert len(_article_paths(site)) == 3
    site.log.clear()
    df = collect_urls(urls, fetcher=make_fetcher(), output=out, progress=False)
    assert len(df) == 5
    assert _article_paths(site) == [f"/articles/{n}.html" for n in ARTICLES[2:]]


def test_output_is_atomic_when_the_run_fails(site, make_fetcher, tmp_path, monkeypatch):
    urls = _serve_articles(site)
    out = tmp_path / "c.jsonl"
    collect_urls(urls[:2], fetcher=make_fetcher(), output=out, progress=False)
    old = out.read_bytes()

    def fail_on_third(*args, **kwargs):  # fails mid-run, after two pages
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    calls, real = [], collect.extract_article
    monkeypatch.setattr(collect, "extract_article", fail_on_third)
    with pytest.raises(KeyboardInterrupt):
        collect_urls(urls, fetcher=make_fetcher(), output=out, progress=False)
    assert out.read_bytes() == old
    monkeypatch.undo()

    seen = []

    def fail_while_writing(value):
        seen.append(value)
        if len(seen) > 20:
            raise OSError("disk full")
        return value if not isinstance(value, pd.Timestamp) else value.isoformat()

    monkeypatch.setattr(collect, "_json_value", fail_while_writing)
    with pytest.raises(OSError, match="disk full"):
        collect_urls(urls, fetcher=make_fetcher(), output=out, progress=False)
    assert out.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "cache"]


# ------------------------------------------------------------------------ feeds


def test_collect_feed_rss_fetches_articles(site, make_fetcher):
    site.fixture("feed.rss", path="/feed.rss", ctype="application/rss+xml")
    _serve_articles(site, ("wire_harbour", "kestrel_grain"))
    df = collect_feed(f"{site.base}/feed.rss", fetcher=make_fetcher(), progress=False)
    assert df["title"].tolist() == ["Power restored to eastern district after overnight "
                                    "strikes", "Grain convoy reaches port after a week of "
                                    "delays"]
    assert df["source"].tolist() == ["Harbour Gazette", "The Kestrel Courier"]
    assert df.loc[0, "date"] == pd.Timestamp("2024-04-11T06:00:00Z")
    assert df.loc[0, "text"].startswith("Electricity was restored")
    second = collect_feed(f"{site.base}/feed.rss", fetcher=make_fetcher(), progress=False)
    assert site.paths().count("/feed.rss") == 2  # feeds are never cached
    assert len(_article_paths(site)) == 2 and len(second) == 2


def test_collect_feed_atom_file_without_fetching(tmp_path, make_fetcher):
    feed = tmp_path / "rheinpost.atom"
    feed.write_text((FIXTURES / "feed.atom").read_text(encoding="utf-8").replace(
        "{base}", "https://rheinpost.example"), encoding="utf-8")
    fetcher = make_fetcher()
    df = collect_feed(feed, full_text=False, fetcher=fetcher, progress=False)
    assert fetcher.requests_made == 0
    row = df.iloc[0]
    assert (row["source"], row["lang"], row["author"]) == ("Rheinpost Abend", "de",
                                                           "Jonas Feldhaus")
    assert row["text"] == "Ein Konvoi mit Medikamenten und Decken hat die Stadt im Osten " \
                          "erreicht."
    assert row["url"] == "https://rheinpost.example/articles/rheinpost_de.html"


def test_collect_feed_rejects_non_feeds(site, make_fetcher):
    with pytest.raises(InputError, match=r"not_a_feed\.xml: not an RSS or Atom feed: the "
                                         r"document starts with <inventory>"):
        collect_feed(FIXTURES / "not_a_feed.xml", fetcher=make_fetcher())
    site.fixture("kestrel_grain.html")
    url = f"{site.base}/articles/kestrel_grain.html"
    with pytest.raises(InputError, match=r"kestrel_grain\.html: not an RSS or Atom feed: "
                                         r"the document starts with <html>"):
        collect_feed(url, fetcher=make_fetcher())
    with pytest.raises(InputError, match=r"nofeed\.xml: no such file \(and not an http\(s\) "
                                         r"URL\)"):
        collect_feed("nofeed.xml", fetcher=make_fetcher())


# ------------------------------------------------------------------------ sitemaps


def test_collect_sitemap_index_and_filters(site, make_fetcher):
    site.fixture("sitemap_index.xml", path="/sitemap_index.xml", ctype="application/xml")
    site.fixture("sitemap.xml", path="/sitemap.xml", ctype="application/xml")
    _serve_articles(site, ("kestrel_grain", "wire_harbour", "rheinpost_de"))
    index = f"{site.base}/sitemap_index.xml"
    df = collect_sitemap(index, fetcher=make_fetcher(), progress=False)
    assert len(df) == 3
    assert site.paths().count("/sitemap_index.xml") == 1  # the self-reference is not followed
    recent = collect_sitemap(index, since="2024-01-01", fetcher=make_fetcher(),
                             progress=False)
    assert sorted(recent["source"]) == ["Harbour Gazette", "The Kestrel Courier"]
    march = collect_sitemap(index, since="2024-03-01", until="2024-03-05",
                            fetcher=make_fetcher(), progress=False)
    assert march["source"].tolist() == ["The Kestrel Courier"]
    some = collect_sitemap(index, match=r"wire|rhein", limit=1, fetcher=make_fetcher(),
                           progress=False)
    assert some["source"].tolist() == ["Harbour Gazette"]


@pytest.mark.parametrize("content, message", [
    ("<urlset><url><loc>https://a.example/1</loc></url>\n<url></urlset>",
     r"bad\.xml:2:\d+: not well-formed XML: "),
    ("<?xml version='1.0'?>\n<!DOCTYPE lolz [<!ENTITY lol 'lol'>]>\n<urlset>&lol;</urlset>",
     r"bad\.xml: the sitemap declares a DTD"),
    ("<rss version='2.0'><channel/></rss>",
     r"bad\.xml: not a sitemap: the root element is <rss>; expected <urlset> or "
     r"<sitemapindex>"),
])
def test_collect_sitemap_rejects_bad_xml(tmp_path, make_fetcher, content, message):
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        collect_sitemap(path, fetcher=make_fetcher())


@pytest.mark.parametrize("kwargs, message", [
    ({"since": "last week"}, r"since must be an ISO 8601 date like 2024-03-31"),
    ({"match": "("}, r"match is not a valid regular expression"),
    ({"limit": -1}, r"limit must be a whole number >= 0; got -1"),
])
def test_collect_sitemap_bad_options(tmp_path, make_fetcher, kwargs, message):
    with pytest.raises(InputError, match=message):
        collect_sitemap(FIXTURES / "sitemap.xml", fetcher=make_fetcher(), **kwargs)


def test_gzip_sitemap_file(tmp_path, site, make_fetcher):
    path = tmp_path / "sitemap.xml.gz"
    path.write_bytes(gzip.compress((FIXTURES / "sitemap.xml").read_text(encoding="utf-8")
                                   .replace("{base}", site.base).encode("utf-8")))
    _serve_articles(site, ("kestrel_grain", "wire_harbour", "rheinpost_de"))
    df = collect_sitemap(path, limit=2, fetcher=make_fetcher(), progress=False)
    assert df.loc[1, "date"] == pd.Timestamp("2024-04-11T06:00:00Z")  # news:publication_date


def test_sitemap_entries_that_are_not_web_addresses_are_listed(tmp_path, site, make_fetcher):
    url = _serve_articles(site, ("kestrel_grain",))[0]
    path = tmp_path / "sitemap.xml"
    path.write_text('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                    f"<url><loc>{url}</loc></url>\n"
                    "<url><loc>/articles/relative.html</loc></url>\n"
                    "<url><loc>ftp://files.example/a.txt</loc></url>\n</urlset>\n",
                    encoding="utf-8")
    with pytest.warns(Warning, match=r"2 of 3 sitemaps and pages skipped"):
        df = collect_sitemap(path, fetcher=make_fetcher(), progress=False)
    assert df["url"].tolist() == [url]
    assert df.attrs["failures"] == [
        {"url": "/articles/relative.html",
         "reason": f"{path}: <loc> '/articles/relative.html' is not an http(s) URL "
                   "(line 3 of the sitemap)"},
        {"url": "ftp://files.example/a.txt",
         "reason": f"{path}: <loc> 'ftp://files.example/a.txt' is not an http(s) URL "
                   "(line 4 of the sitemap)"}]


# ------------------------------------------------------------------------ CLI


def _cli(argv):
    parser = argparse.ArgumentParser(prog="framing")
    register_cli(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_cli_collect_html(tmp_path, capsys):
    out = tmp_path / "corpus.jsonl"
    status = _cli(["collect", "html", str(FIXTURES / "wire_harbour.html"),
                   str(FIXTURES / "wire_ledger.html"), "-o", str(out), "--no-progress"])
    assert status == 0
    assert "wrote 2 articles" in capsys.readouterr().err
    back = read_corpus(out)
    assert back["duplicate_of"].isna().tolist() == [True, False]
    assert back.loc[1, "duplicate_of"] == "wire_harbour"


def test_cli_collect_replaces_a_corpus_only_with_force(tmp_path, capsys):
    from framing.cli import main

    out = tmp_path / "corpus.jsonl"
    out.write_text('{"doc_id": "mine", "text": "edited by hand"}\n', encoding="utf-8")
    args = ["collect", "html", str(FIXTURES / "wire_harbour.html"), "-o", str(out),
            "--no-progress"]
    assert main(args) == 2
    assert (f"framing: error: {out}: the output file exists; pass --force to replace it"
            in capsys.readouterr().err)
    assert "edited by hand" in out.read_text(encoding="utf-8")
    assert main([*args, "--force"]) == 0
    assert read_corpus(out)["doc_id"].tolist() == ["wire_harbour"]


def test_cli_collect_urls_with_politeness_options(site, tmp_path, capsys):
    urls = _serve_articles(site, ("kestrel_grain", "rheinpost_de"))
    listing = tmp_path / "urls.txt"
    listing.write_text("\n".join(urls + [f"{site.base}/articles/gone.html"]) + "\n",
                       encoding="utf-8")
    out = tmp_path / "c.jsonl"
    status = _cli(["collect", "urls", str(listing), "-o", str(out), "--cache",
                   str(tmp_path / "cache"), "--delay", "0.01", "--user-agent",
                   "framing-test/1.0 (tests@example.org)", "--retries", "0",
                   "--no-progress"])
    err = capsys.readouterr().err
    assert status == 0 and "wrote 2 articles" in err
    assert "framing: warning: 1 of 3 URLs skipped:\n" in err
    assert f"\n  {site.base}/articles/gone.html: HTTP 404 Not Found\n" in err
    assert "attrs" not in err
    assert {h["User-Agent"] for _, _, h in site.log} == {"framing-test/1.0 (tests@example.org)"}
    assert any((tmp_path / "cache").rglob("*.html"))


def test_cli_main_reports_input_errors(tmp_path, capsys):
    listing = tmp_path / "urls.txt"
    listing.write_text("not a url\n", encoding="utf-8")
    assert collect.main(["urls", str(listing), "-o", str(tmp_path / "c.jsonl")]) == 2
    assert "urls.txt:1:1: not an http(s) URL: 'not a url'" in capsys.readouterr().err


# ------------------------------------------------------------------------ helpers


@pytest.mark.parametrize("value, expected", [("3", 3.0), (" 2.5 ", 2.5), (None, None),
                                             ("later", None)])
def test_retry_after_seconds(value, expected):
    assert retry_after_seconds(value) == expected


def test_module_docstring_examples_run():
    import doctest

    import framing._collect_dedup
    import framing._collect_fetch
    import framing._collect_parse

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for module in (collect, framing._collect_dedup, framing._collect_fetch,
                       framing._collect_parse):
            result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
            assert result.failed == 0, module.__name__


# ------------------------------------------------------------------------ more error messages


def test_fetcher_checks_its_arguments():
    with pytest.raises(InputError, match=r"delay, backoff and retries must be >= 0 and timeout "
                                         r"> 0; got delay=-1, timeout=20"):
        Fetcher(delay=-1)


@pytest.mark.parametrize("setup, kwargs, message", [
    (lambda s: s.serve("/loop", "", status=302, headers={"Location": "/loop"}), {},
     r"/loop: more than 5 redirects"),
    (lambda s: s.serve("/loop", "", status=302), {},
     r"/loop: HTTP 302 redirect without a Location"),
    (lambda s: s.fixture("kestrel_grain.html", path="/loop"), {"max_bytes": 100},
     r"/loop: the response is larger than max_bytes=100"),
    (lambda s: s.serve("/loop", b"not gzip", headers={"Content-Encoding": "gzip"}), {},
     r"/loop: cannot decompress gzip data"),
    (lambda s: s.serve("/loop", "x", headers={"X-Test-Sleep": "0.6"}),
     {"timeout": 0.2, "retries": 0}, r"/loop: timed out \(after 1 attempt\)"),
])
def test_fetch_errors_are_reported(site, make_fetcher, setup, kwargs, message):
    setup(site)
    with pytest.raises(FetchError, match=message):
        make_fetcher(**kwargs).get(f"{site.base}/loop")


def test_connection_refused_is_reported(make_fetcher):
    import socket

    with socket.socket() as sock:  # a port on 127.0.0.1 that nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    with pytest.raises(FetchError, match=r"disallowed by robots\.txt \(robots\.txt "
                                         r"unreachable: connection failed: "
                                         r"ConnectionRefusedError"):
        make_fetcher().get(url)
    with pytest.raises(FetchError, match=r"/story: connection failed: ConnectionRefusedError"):
        make_fetcher(robots=False).get(url)


def test_extraction_crash_is_skipped(site, make_fetcher, monkeypatch):
    urls = _serve_articles(site, ("kestrel_grain",))

    def broken(*args, **kwargs):
        raise ValueError("odd markup")

    monkeypatch.setattr(collect, "extract_article", broken)
    with pytest.warns(CollectWarning, match=r"extraction failed: ValueError: odd markup"):
        assert collect_urls(urls, fetcher=make_fetcher(), progress=False).empty


def test_url_list_must_be_utf8(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_bytes(b"https://a.example/caf\xe9\n")
    with pytest.raises(InputError, match=r"urls\.txt: the URL list is not UTF-8 text"):
        read_url_list(path)


def test_nothing_collected_leaves_output_unwritten(site, make_fetcher, tmp_path):
    out = tmp_path / "c.jsonl"
    with pytest.warns(CollectWarning) as record:
        df = collect_urls([f"{site.base}/gone"], fetcher=make_fetcher(), output=out,
                          progress=False)
    messages = [str(w.message) for w in record]
    assert any(m.startswith("1 of 1 URLs skipped") for m in messages)
    assert any(m == f"no article was collected, so {out} was not written" for m in messages)
    assert not out.exists() and list(df.columns) == list(collect.COLLECT_COLUMNS)


def test_feed_entry_without_text_is_skipped(tmp_path, make_fetcher):
    feed = tmp_path / "feed.rss"
    feed.write_text("<rss version='2.0'><channel><title>T</title><item><title>Only a title"
                    "</title><link>https://a.example/1</link></item></channel></rss>",
                    encoding="utf-8")
    with pytest.warns(CollectWarning, match=r"1 of 1 feed entries skipped.*the feed entry "
                                            r"has no text"):
        collect_feed(feed, full_text=False, fetcher=make_fetcher(), progress=False)


def test_sitemap_limits_and_child_failures(site, make_fetcher, tmp_path, monkeypatch):
    index = tmp_path / "index.xml"
    index.write_text("<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                     f"<sitemap><loc>{site.base}/sitemap.xml</loc></sitemap>"
                     f"<sitemap><loc>{site.base}/missing.xml</loc></sitemap></sitemapindex>",
                     encoding="utf-8")
    site.fixture("sitemap.xml", path="/sitemap.xml", ctype="application/xml")
    _serve_articles(site, ("kestrel_grain", "wire_harbour", "rheinpost_de"))
    with pytest.warns(CollectWarning, match=r"1 of 4 sitemaps and pages skipped.*missing\.xml: "
                                            r"HTTP 404"):
        df = collect_sitemap(index, fetcher=make_fetcher(), progress=False)
    assert len(df) == 3
    monkeypatch.setattr(collect, "MAX_SITEMAPS", 1)
    with pytest.warns(CollectWarning, match=r"stopped after 1 sitemaps; 2 more were not read"):
        assert collect_sitemap(index, fetcher=make_fetcher(), progress=False).empty
    import framing._collect_parse as parse

    monkeypatch.setattr(parse, "SITEMAP_MAX_BYTES", 10)
    with pytest.raises(InputError, match=r"index\.xml: the sitemap is larger than 10 bytes"):
        collect_sitemap(index, fetcher=make_fetcher())
    with pytest.raises(InputError, match=r"until must be an ISO 8601 date like 2024-03-31"):
        collect_sitemap(index, until="soon", fetcher=make_fetcher())


def test_framing_command_has_collect(tmp_path, capsys):
    from framing.cli import main

    out = tmp_path / "c.jsonl"
    assert main(["collect", "html", str(FIXTURES / "kestrel_grain.html"), "-o", str(out),
                 "--no-progress"]) == 0
    assert "wrote 1 article to" in capsys.readouterr().err
    assert main(["collect", "feed", str(FIXTURES / "not_a_feed.xml"), "-o", str(out),
                 "--force"]) == 2
    assert "not an RSS or Atom feed" in capsys.readouterr().err


# ------------------------------------------------------------------------ review fixes

PARAS = ("Western officials said on Tuesday that the offensive in the east of the country had "
         "entered a new phase, as forces pressed on near the river.",
         "Analysts cautioned that the front line had barely moved in months, and that both "
         "sides were suffering heavy losses in the fighting around the town.")


def _page(title="Convoy arrives", paras=PARAS, head="", charset="utf-8", lang="en"):
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}">'
            f'<title>{title}</title><meta property="og:site_name" content="Daily Planet">'
            f'{head}</head><body><header><nav><a href="/">Home</a> <a href="/w">World</a>'
            f'</nav></header><main><article><h1>{title}</h1><p class="byline">By Jane Roe'
            f'</p>{body}</article></main><footer><p>(c) 2024 Daily Planet. <a href="/p">'
            'Privacy</a></p></footer></body></html>')


NAV_ONLY = ('<html lang="en"><head><meta charset="utf-8"><title>Home</title></head><body><nav>'
            '<ul>' + "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(30))
            + '</ul></nav></body></html>')
LINK_LIST = ('<html lang="en"><head><title>Home</title></head><body><div><ul>'
             + "".join(f'<li><a href="/s{i}">Top story number {i} of the day</a></li>'
                       for i in range(20)) + '</ul></div></body></html>')


def test_navigation_and_link_lists_are_not_articles(tmp_path):
    (tmp_path / "nav.html").write_text(NAV_ONLY, encoding="utf-8")
    (tmp_path / "links.html").write_text(LINK_LIST, encoding="utf-8")
    (tmp_path / "ok.html").write_text(_page(), encoding="utf-8")
    with pytest.raises(InputError) as info:
        collect_html(tmp_path, output=tmp_path / "c.jsonl", progress=False)
    reason = ("no article body could be extracted (less than 200 characters of text outside "
              "navigation, link lists and boilerplate); is this an article page?")
    assert str(info.value) == (
        "2 problems in HTML files:\n"
        f"  {tmp_path / 'links.html'}: {reason}\n  {tmp_path / 'nav.html'}: {reason}\n"
        "nothing was written; leave these files out (in Python, errors='skip' skips them)")
    assert not (tmp_path / "c.jsonl").exists()


def test_short_article_keeps_paragraphs_without_headline_and_byline(tmp_path):
    ru = ("Министерство обороны России в среду сообщило о продолжении операции на "
          "нескольких направлениях по данным ведомства.",
          "Эксперты отмечают, что ситуация на фронте остаётся напряжённой, а переговоры "
          "между сторонами пока не возобновились.")
    page = tmp_path / "ru.html"
    page.write_text(_page("Mismatch charset", ru, charset="iso-8859-1", lang="ru"),
                    encoding="utf-8")
    df = collect_html(page, progress=False)
    assert df.loc[0, "text"] == "\n".join(ru)


@pytest.mark.parametrize("head, date", [
    ('<meta name="date" content="03/04/2024">', None),
    ('<meta property="article:modified_time" content="2024-05-01T10:00:00Z">', None),
    ('<meta name="date" content="03/04/2024"><meta property="article:published_time" '
     'content="2024-03-05T23:30:00-05:00"><meta property="article:modified_time" '
     'content="2024-05-01T10:00:00Z">', "2024-03-06T04:30:00Z"),
    ('<meta name="pubdate" content="5 March 2024">', "2024-03-05"),
])
def test_page_dates_are_publication_dates_never_guessed(tmp_path, head, date):
    page = tmp_path / "a.html"
    page.write_text(_page(head=head), encoding="utf-8")
    if date is None and "03/04" in head:
        with pytest.warns(CollectWarning, match=r"1 article date\(s\) left empty rather than "
                                                r"guessed"):
            df = collect_html(page, progress=False)
        assert df.attrs["date_problems"] == [{"url": str(page), "reason": (
            "date '03/04/2024' does not say whether the day or the month comes first "
            '(<meta name="date">); the date was left empty rather than guessed')}]
    else:
        df = collect_html(page, progress=False)
        assert df.attrs["date_problems"] == []
    assert (pd.isna(df.loc[0, "date"]) if date is None
            else df.loc[0, "date"] == pd.Timestamp(date, tz="UTC"))


def test_cli_prints_dates_left_empty(tmp_path, capsys):
    page = tmp_path / "a.html"
    page.write_text(_page(head='<meta name="date" content="03/04/2024">'), encoding="utf-8")
    assert collect.main(["html", str(page), "-o", str(tmp_path / "c.jsonl")]) == 0
    err = capsys.readouterr().err
    assert err.startswith("framing: warning: 1 article date(s) left empty rather than guessed:"
                          f"\n  {page}: date '03/04/2024' does not say whether the day or the "
                          "month comes first")


def test_since_and_until_must_be_iso(tmp_path, capsys):
    assert collect.main(["sitemap", str(FIXTURES / "sitemap.xml"), "--since", "01.03.2024",
                         "-o", str(tmp_path / "c.jsonl")]) == 2
    assert capsys.readouterr().err == (
        "framing: error: since must be an ISO 8601 date like 2024-03-31 or 2024-03-31T12:00Z;"
        " got '01.03.2024' (other forms are refused: 01.03.2024 does not say whether the day "
        "or the month comes first)\n")


def test_feed_dates_page_first_and_never_updated(site, make_fetcher):
    site.serve("/a", _page(head='<meta name="pubdate" content="2024-03-12">'))
    site.serve("/b", _page("Other", (PARAS[1], PARAS[0])))
    site.serve("/feed.atom", (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Planet</title>'
        f'<entry><title>A</title><link href="{site.base}/a"/>'
        '<published>2024-03-01T00:00:00Z</published><updated>2024-04-01T00:00:00Z</updated>'
        f'</entry><entry><title>B</title><link href="{site.base}/b"/>'
        '<updated>2024-04-02T00:00:00Z</updated></entry></feed>'), ctype="application/atom+xml")
    df = collect_feed(f"{site.base}/feed.atom", fetcher=make_fetcher(), progress=False)
    assert df.loc[0, "date"] == pd.Timestamp("2024-03-12", tz="UTC")   # the page's own
    assert pd.isna(df.loc[1, "date"])                                  # <updated> unused


def test_output_must_be_jsonl(tmp_path):
    with pytest.raises(InputError) as info:
        collect_html(FIXTURES / "kestrel_grain.html", output=tmp_path / "corpus.csv")
    assert str(info.value) == ("the corpus is written as JSONL, so the output file must end "
                               f"in .jsonl; got {str(tmp_path / 'corpus.csv')!r}")
    assert not (tmp_path / "corpus.csv").exists()


def test_charset_of_the_page_used_when_the_header_is_wrong(site, make_fetcher):
    page = _page("Новости дня", ("Министерство обороны сообщило о ходе операции на нескольких "
                                 "направлениях. " * 3, "Эксперты отмечают, что переговоры "
                                 "между сторонами пока не возобновились."),
                 charset="windows-1251", lang="ru")
    site.serve("/cp", page.encode("cp1251"), ctype="text/html; charset=utf-8")
    df = collect_urls([f"{site.base}/cp"], fetcher=make_fetcher(), progress=False)
    assert df.loc[0, "text"].startswith("Министерство обороны") and "\ufffd" not in \
        df.loc[0, "text"]
    bad = page.replace('charset="windows-1251"', 'charset="utf-8"').encode("cp1251")
    site.serve("/bad", bad, ctype="text/html; charset=utf-8")
    with pytest.warns(CollectWarning):
        df = collect_urls([f"{site.base}/bad"], fetcher=make_fetcher(), progress=False)
    reason = df.attrs["failures"][0]["reason"]
    assert reason == ("the text has 254 undecodable characters (U+FFFD) in 294; the page's "
                      "bytes do not match its charset (HTTP header: utf-8; page: utf-8)")


def test_fractional_crawl_delay_is_honoured(site, make_fetcher):
    from framing._collect_fetch import crawl_delay

    assert crawl_delay(["User-agent: *", "Crawl-delay: 0.5"], "framing/1") == 0.5
    site.serve("/robots.txt", "User-agent: *\nCrawl-delay: 0.3\n", ctype="text/plain")
    site.serve("/1", "x")
    site.serve("/2", "x")
    fetcher = make_fetcher(delay=0.01)
    fetcher.get(f"{site.base}/1")
    fetcher.get(f"{site.base}/2")
    first, second = site.times("/1")[0], site.times("/2")[0]
    assert second - first >= 0.29


def test_feed_entries_are_all_accounted_for(tmp_path, make_fetcher):
    feed = tmp_path / "feed.rss"
    feed.write_text("<rss version='2.0'><channel><title>T</title>"
                    "<item><title>One</title><link>https://a.example/1</link>"
                    "<description>First.</description></item>"
                    "<item><title>No link</title><description>Text.</description></item>"
                    "<item><title>Again</title><link>https://a.example/1#x</link>"
                    "<description>Again.</description></item></channel></rss>",
                    encoding="utf-8")
    with pytest.warns(CollectWarning, match=r"2 of 3 feed entries skipped"):
        df = collect_feed(feed, full_text=False, fetcher=make_fetcher(), progress=False)
    assert df["url"].tolist() == ["https://a.example/1"]
    assert df.attrs["failures"] == [
        {"url": f"{feed} (entry 2, 'No link')", "reason": "the entry has no link"},
        {"url": f"{feed} (entry 3, 'Again')",
         "reason": "same link as entry 1: https://a.example/1"}]


def test_all_bad_url_lines_are_listed(tmp_path, capsys):
    listing = tmp_path / "urls.txt"
    listing.write_text("https://a.example/1\nnot a url\n\n  www.b.example/x\n",
                       encoding="utf-8")
    assert collect.main(["urls", str(listing), "-o", str(tmp_path / "c.jsonl")]) == 2
    assert capsys.readouterr().err == (
        f"framing: error: 2 problems in URL list {listing}:\n"
        f"  {listing}:2:1: not an http(s) URL: 'not a url'\n"
        f"  {listing}:4:3: not an http(s) URL: 'www.b.example/x'\n"
        "expected one absolute URL per line, like https://example.org/news/1 (blank lines and "
        "lines starting with # are skipped)\n")
    with pytest.raises(InputError, match=r"item 1 of urls is not an http\(s\) URL: 'x'\n"
                                         r"  item 3 of urls is not an http\(s\) URL: 3"):
        collect_urls(["x", "https://a.example/", 3], cache_dir=None)


def test_empty_url_list(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("# nothing yet\n\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        collect_urls(listing, cache_dir=None)
    assert str(info.value) == (f"{listing}: the list holds no URLs (blank lines and lines "
                               "starting with # are skipped)")


def test_cli_nothing_collected_is_an_error(site, tmp_path, capsys):
    out = tmp_path / "c.jsonl"
    status = _cli(["collect", "urls", f"{site.base}/gone", "-o", str(out), "--cache",
                   str(tmp_path / "cache"), "--delay", "0", "--retries", "0", "--contact",
                   "t@example.org", "--no-progress"])
    err = capsys.readouterr().err
    assert status == 1
    assert err == (f"framing: warning: 1 of 1 URLs skipped:\n  {site.base}/gone: HTTP 404 Not "
                   f"Found\nframing: error: no article was collected, so {out} was not "
                   "written\n")


def test_redirect_into_disallowed_path_names_both(site, make_fetcher):
    site.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
    site.serve("/moved", "", status=302, headers={"Location": "/private/x"})
    with pytest.raises(FetchError) as info:
        make_fetcher().get(f"{site.base}/moved")
    assert str(info.value) == (f"{site.base}/moved: redirected to {site.base}/private/x, "
                               "which is disallowed by robots.txt for User-Agent 'framing'")
