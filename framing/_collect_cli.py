"""The ``framing collect`` sub-command (wired into ``framing/cli.py`` by :func:`register_cli`)."""

from __future__ import annotations

import argparse
import sys
import warnings

from framing._collect_fetch import DEFAULT_CACHE, CollectWarning, Fetcher, SkippedWarning
from framing.errors import FramingError

__all__ = ["register_cli", "main"]


def register_cli(subparsers) -> argparse.ArgumentParser:
    """Add the ``collect`` sub-command (``html``, ``urls``, ``feed``, ``sitemap``).

    Each leaf parser sets ``func``: call ``args.func(args)``, which returns the exit status
    (0, or 1 when no article was collected) and raises :class:`InputError` on bad input.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="framing")
    >>> _ = register_cli(parser.add_subparsers(dest="command"))
    >>> args = parser.parse_args(["collect", "urls", "urls.txt", "-o", "corpus.jsonl"])
    >>> args.collect_source, args.output, callable(args.func)
    ('urls', 'corpus.jsonl', True)
    """
    parser = subparsers.add_parser(
        "collect", help="build a corpus from HTML files, URLs, RSS/Atom feeds or sitemaps",
        description="Build a corpus (JSONL) from web pages. Fetching is polite: robots.txt, "
                    "a delay per host, retries with back-off, a cache that makes re-runs "
                    "resume.")
    sub = parser.add_subparsers(dest="collect_source", metavar="SOURCE", required=True)
    html = sub.add_parser("html", help="HTML files or folders saved on disk")
    html.add_argument("files", nargs="+", metavar="FILE", help="HTML files or folders")
    urls = sub.add_parser("urls", help="a text file of URLs, one per line")
    urls.add_argument("source", metavar="LIST", help="text file, one URL per line")
    feed = sub.add_parser("feed", help="an RSS or Atom feed (URL or file)")
    feed.add_argument("source", metavar="FEED", help="feed URL or file")
    feed.add_argument("--no-fetch", action="store_true",
                      help="use the text in the feed instead of fetching each article")
    sitemap = sub.add_parser("sitemap", help="a sitemap or sitemap index (URL or file)")
    sitemap.add_argument("source", metavar="SITEMAP", help="sitemap URL or file")
    sitemap.add_argument("--since", help="keep pages dated on or after this date")
    sitemap.add_argument("--until", help="keep pages dated on or before this date")
    sitemap.add_argument("--match", metavar="REGEX", help="keep page URLs matching REGEX")
    sitemap.add_argument("--limit", type=int, help="fetch at most this many pages")
    for leaf in (html, urls, feed, sitemap):
        leaf.add_argument("-o", "--output", required=True, help="corpus file to write (.jsonl)")
        leaf.add_argument("--force", action="store_true",
                          help="replace the output file if it exists")
        leaf.add_argument("--threshold", type=float, default=0.8,
                          help="Jaccard threshold for near duplicates (default: 0.8)")
        leaf.add_argument("--min-length", type=int, default=200,
                          help="fewest characters of body text (default: 200)")
        leaf.add_argument("--no-progress", action="store_true", help="hide the progress bar")
        leaf.set_defaults(func=_run_cli)
    for leaf in (urls, feed, sitemap):
        leaf.add_argument("--cache", default=DEFAULT_CACHE, metavar="DIR",
                          help=f"raw-page cache, reused by re-runs (default: {DEFAULT_CACHE})")
        leaf.add_argument("--delay", type=float, default=1.5, metavar="S",
                          help="seconds between requests to one host (default: 1.5)")
        leaf.add_argument("--contact", help="your e-mail or web page, sent in the User-Agent")
        leaf.add_argument("--user-agent", help="replace the whole User-Agent string")
        leaf.add_argument("--timeout", type=float, default=20.0, metavar="S",
                          help="seconds before a request is abandoned (default: 20)")
        leaf.add_argument("--retries", type=int, default=3,
                          help="retries on 429/5xx/timeouts (default: 3)")
        leaf.add_argument("--strict", action="store_true",
                          help="stop at the first page that fails instead of skipping it")
    return parser


def _run_cli(args) -> int:
    from framing.cli import _check_output
    from framing.collect import collect_feed, collect_html, collect_sitemap, collect_urls

    inputs = args.files if args.collect_source == "html" else [args.source]
    _check_output(args.output, inputs, args.force)      # before any page is fetched

    common = {"output": args.output, "threshold": args.threshold,
              "min_length": args.min_length, "progress": False if args.no_progress else None}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CollectWarning)
        if args.collect_source == "html":
            df = collect_html(args.files, **common)
        else:
            fetcher = Fetcher(args.cache, delay=args.delay, contact=args.contact,
                              user_agent=args.user_agent, timeout=args.timeout,
                              retries=args.retries)
            common.update(fetcher=fetcher, errors="raise" if args.strict else "skip")
            if args.collect_source == "urls":
                df = collect_urls(args.source, **common)
            elif args.collect_source == "feed":
                df = collect_feed(args.source, full_text=not args.no_fetch, **common)
            else:
                df = collect_sitemap(args.source, since=args.since, until=args.until,
                                     match=args.match, limit=args.limit, **common)
    for w in caught:
        if not len(df) and str(w.message).startswith("no article was collected"):
            continue                    # said below, as the error it is
        if isinstance(w.message, SkippedWarning):
            print(f"framing: warning: {w.message.cli}", file=sys.stderr)
            for item in df.attrs.get(w.message.attr, []):
                print(f"  {item['url']}: {item['reason']}", file=sys.stderr)
        else:
            print(f"framing: warning: {w.message}", file=sys.stderr)
    if not len(df):
        print(f"framing: error: no article was collected, so {args.output} was not written",
              file=sys.stderr)
        return 1
    n_dup = int(df["duplicate_of"].notna().sum())
    n_near = int(df["near_duplicate_of"].notna().sum())
    noun = "article" if len(df) == 1 else "articles"
    print(f"wrote {len(df)} {noun} to {args.output} ({n_dup} exact and {n_near} near "
          "duplicates flagged)", file=sys.stderr)
    return 0


def main(argv=None) -> int:
    """Run ``framing collect ...`` on its own: ``python -m framing.collect html ...``.

    Returns the exit status: 0, 1 when no article was collected, 2 on bad input (the
    message goes to stderr).

    Examples
    --------
    >>> main(["html", "no-such-folder", "-o", "corpus.jsonl"])
    2
    """
    parser = argparse.ArgumentParser(prog="framing")
    register_cli(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["collect", *(sys.argv[1:] if argv is None else argv)])
    try:
        return args.func(args)
    except FramingError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 2
