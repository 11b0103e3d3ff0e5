"""The documentation: doctest examples for the public API, the Sphinx site, its generated
column tables, and the citation metadata.

The site build (``sphinx-build -W --keep-going -b html docs <tmp>``, warnings are errors)
executes the notebooks and the executable pages, so it is marked slow (about a minute); it
needs the ``docs`` extra and skips cleanly without it.
"""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
import yaml

import framing
from tests.conftest import REPO

DOCS = REPO / "docs"


# ----------------------------------------------------------------------- public API


def public_modules() -> list[str]:
    """Every public module of the package: no part of its dotted name starts with ``_``."""
    names = []
    for info in pkgutil.walk_packages(framing.__path__, prefix="framing."):
        if any(part.startswith("_") for part in info.name.split(".")[1:]):
            continue
        names.append(info.name)
    return sorted(names)


def public_functions() -> dict[str, list[str]]:
    """Function -> where it is public: the names of ``framing.__all__`` and of every public
    module's ``__all__`` that are functions (a function re-exported twice is listed once)."""
    found: dict[str, list[str]] = {}
    for modname in ["framing", *public_modules()]:
        module = importlib.import_module(modname)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name, None)
            if inspect.isfunction(obj):
                key = f"{obj.__module__}.{obj.__qualname__}"
                found.setdefault(key, []).append(f"{modname}.{name}")
    return found


def _has_example(func) -> bool:
    doc = inspect.getdoc(func) or ""
    match = re.search(r"^Examples\n-{8,}\n(.*?)(?=^\S[^\n]*\n-{3,}\n|\Z)", doc, flags=re.M | re.S)
    return match is not None and ">>>" in match.group(1)


def test_every_public_function_has_a_doctest_example():
    offenders = []
    for key, where in sorted(public_functions().items()):
        module, _, qualname = key.rpartition(".")
        func = getattr(importlib.import_module(module), qualname.split(".")[0])
        if not _has_example(func):
            offenders.append(f"{key} (public as {', '.join(where)})")
    assert not offenders, (
        f"{len(offenders)} public function(s) have no 'Examples' section with a doctest "
        "(numpydoc; a tiny inline example, checked by pytest --doctest-modules):\n  "
        + "\n  ".join(offenders))


def test_public_functions_are_found():
    functions = public_functions()
    assert "framing.detect.find_hits" in functions
    assert "framing.find_hits" in functions["framing.detect.find_hits"]
    assert len(functions) > 50


@pytest.fixture(scope="module")
def docs_ext():
    pytest.importorskip("sphinx", reason="the docs extra is not installed (pip install -e .[docs])")
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        yield importlib.import_module("framing_docs")
    finally:
        sys.path.remove(str(DOCS / "_ext"))


def test_every_public_module_is_in_the_api_reference(docs_ext):
    documented = set(docs_ext.documented_modules())
    missing = sorted(set(public_modules()) - documented)
    assert not missing, ("public modules missing from API_MODULES in docs/_ext/framing_docs.py "
                         f"(add each to an api-*.rst page): {', '.join(missing)}")
    stale = sorted(documented - set(public_modules()))
    assert not stale, f"API_MODULES lists modules that do not exist: {', '.join(stale)}"
    for page, modules in docs_ext.API_MODULES.items():
        text = (DOCS / f"{page}.rst").read_text(encoding="utf-8")
        for module in modules:
            assert f".. framing-module:: {module}\n" in text, (page, module)


def test_every_name_of_the_framing_namespace_is_documented(docs_ext):
    undocumented = [n for n in framing.__all__
                    if not n.startswith("__") and docs_ext.canonical_target(n) is None]
    assert not undocumented, undocumented


def test_every_column_has_a_description(docs_ext):
    problems = []
    for table in docs_ext.TABLE_SOURCES:
        columns = docs_ext.table_columns(table)
        docs = docs_ext._docs_for(table)
        problems += [f"{table}.{c}: no description" for c in columns if c not in docs]
        if table != "comparison_over_time":
            problems += [f"{table}.{c}: described but not a column" for c in docs
                         if c not in columns and not (table == "comparison" and c == "period")]
    assert not problems, problems


def test_every_table_is_on_the_tables_page(docs_ext):
    text = (DOCS / "tables.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"^```\{framing-columns\} (\S+)", text, flags=re.M))
    assert shown == set(docs_ext.TABLE_SOURCES)


# ----------------------------------------------------------------------- the site


class _ColumnTables(HTMLParser):
    """The column tables of the built tables page: table name -> rows of cell texts."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table = None
        self._cell = None
        self._in_body = False

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "table":
            names = [c[len("framing-columns-"):] for c in classes
                     if c.startswith("framing-columns-")]
            if names:
                self._table = names[0]
                self.tables[self._table] = []
        elif self._table is not None:
            if tag == "tbody":
                self._in_body = True
            elif tag == "tr" and self._in_body:
                self.tables[self._table].append([])
            elif tag == "td" and self._in_body:
                self._cell = []

    def handle_endtag(self, tag):
        if self._table is None:
            return
        if tag == "td" and self._cell is not None:
            self.tables[self._table][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tbody":
            self._in_body = False
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    for module in ("sphinx", "myst_nb", "numpydoc", "sphinxarg", "furo"):
        pytest.importorskip(module, reason="the docs extra is not installed "
                                           "(pip install -e .[docs])")
    out = tmp_path_factory.mktemp("html")
    env = {**os.environ, "MPLBACKEND": "Agg"}
    proc = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-b", "html",
                           "-q", str(DOCS), str(out)], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=900)
    assert proc.returncode == 0, (f"sphinx-build failed:\n{proc.stdout[-4000:]}\n"
                                  f"{proc.stderr[-8000:]}")
    return out


@pytest.mark.slow
def test_site_builds_without_warnings(built_site):
    for page in ("index", "getting-started", "lexicons", "tables", "methods", "cli", "api",
                 "collecting", "dictionary-formats"):
        assert (built_site / f"{page}.html").is_file(), page
    tutorials = sorted(p.stem for p in (built_site / "tutorials").glob("*.html"))
    notebooks = sorted(p.stem for p in (REPO / "notebooks").glob("*.ipynb"))
    assert tutorials == notebooks
    cli = re.sub(r"<[^>]+>", "", (built_site / "cli.html").read_text(encoding="utf-8"))
    cli = " ".join(cli.split())
    for command in ("framing figures", "framing lexicon check", "framing collect sitemap"):
        assert command in cli, command


@pytest.mark.slow
def test_built_column_tables_match_the_schema(built_site):
    from framing import schema

    parser = _ColumnTables()
    parser.feed((built_site / "tables.html").read_text(encoding="utf-8"))
    tables = parser.tables
    expected = {
        "corpus": list(schema.CORPUS_COLUMNS),
        "hits": list(schema.HITS_COLUMNS),
        "scores": list(schema.SCORES_COLUMNS) + list(schema.SCORES_METADATA),
        "comparison": list(schema.COMPARISON_COLUMNS),
    }
    for table, columns in expected.items():
        assert [row[0] for row in tables[table]] == columns, table
    assert {row[0]: row[1] for row in tables["hits"]} == dict(schema.HITS_DTYPES)
    for table, rows in tables.items():
        assert all(row[-1] and row[-1] != "(not documented)" for row in rows), table


@pytest.mark.slow
def test_api_reference_shows_every_public_function(built_site):
    html = "".join(p.read_text(encoding="utf-8") for p in built_site.glob("api*.html"))
    missing = [key for key in public_functions()
               if not any(f'id="{where}"' in html for where in _doc_ids(key))]
    assert not missing, missing


def _doc_ids(key: str) -> list[str]:
    """The anchors under which a function may be documented (where it is public)."""
    return [w for w in public_functions()[key] if w.count(".") >= 2] or public_functions()[key]


# ----------------------------------------------------------------------- citation


def test_citation_cff_is_complete_and_current():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors", "version", "type", "license"):
        assert cff.get(key), key
    assert str(cff["version"]) == framing.__version__
    assert {"name": "The framing developers"} in cff["authors"]
    lexicon = framing.read_lexicon("ukraine_war")
    refs = [r for r in cff.get("references", []) if "ukraine-war" in r.get("title", "")]
    assert len(refs) == 1, "CITATION.cff cites the shipped lexicon once"
    assert str(refs[0]["version"]) == lexicon.version
    for ref in cff["references"]:
        assert {"type", "title", "authors"} <= set(ref)


def test_changelog_has_the_current_version():
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(framing.__version__)}\] - \S+", text, flags=re.M)
    assert "<!-- start -->" in text      # docs/index.md includes the changelog from here


def test_makefile_has_a_docs_target():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^docs:", makefile, flags=re.M)
    assert "sphinx" in makefile and "docs/_build/html" in makefile
