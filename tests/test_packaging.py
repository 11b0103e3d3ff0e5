"""Packaging: dependencies in step, package data in the wheel, the console script."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest
import tomllib
import yaml

from tests.conftest import REPO


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[]", req, maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = {r for r in project["dependencies"]}
    for reqs in project["optional-dependencies"].values():
        wanted |= {r for r in reqs if not r.startswith("framing[")}
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    conda = {d for d in env["dependencies"] if isinstance(d, str)} - {"pip"}
    conda = {d for d in conda if not d.startswith("python")}
    by_name = {_name(r): re.sub(r"\[.*?\]", "", r).replace(" ", "") for r in wanted}
    conda_by_name = {_name(d): d.replace(" ", "") for d in conda}
    assert sorted(by_name) == sorted(conda_by_name)
    for name, req in by_name.items():
        assert conda_by_name[name] == req, (name, req, conda_by_name[name])


@pytest.mark.slow
def test_wheel_holds_package_data_and_finds_it(tmp_path):
    pytest.importorskip("hatchling")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(REPO)], check=True)
    wheel = next(tmp_path.glob("framing-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("framing/data/lexicons/ukraine_war.yaml", "framing/data/sample/articles.jsonl",
                   "framing/resources/abbreviations/de.txt", "framing/cli.py"):
        assert needed in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import framing, framing.lexicon as l; p = l.shipped_lexicons()['ukraine_war'];"
            "print(p); print(len(framing.read_corpus('sample')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True,
                         capture_output=True, text=True, env={"PYTHONPATH": str(site)}).stdout
    assert str(site) in out.splitlines()[0]
    assert int(out.splitlines()[1]) >= 100


def test_console_script_and_module_entry_point():
    out = subprocess.run([sys.executable, "-m", "framing", "--version"], check=True,
                         capture_output=True, text=True).stdout
    assert out.startswith("framing ")
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["framing"] == "framing.cli:main"


def test_the_code_passes_the_linter():
    """``ruff check`` with the rules of pyproject.toml: no finding in the package, the tests
    or the benchmarks (the version is pinned in the test extra, so a new release of ruff
    with new rules does not turn the suite red)."""
    pytest.importorskip("ruff")
    out = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "framing",
                          "tests", "bench"], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_importing_framing_leaves_nltk_for_the_first_sentence_split():
    """NLTK takes 0.1 s to import: `framing --help`, `framing compare` and a notebook's
    `import framing` do not pay it; the first sentence split does."""
    code = ("import sys, framing; assert 'nltk' not in sys.modules, 'imported'; "
            "framing.sentence_spans('One. Two.', 'en'); assert 'nltk' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
