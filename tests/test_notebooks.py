"""Notebooks are stored without outputs and run top to bottom on the bundled corpus."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
# Each notebook runs as stored; some also with injected parameters (papermill-style).
RUNS = [(p, {}) for p in NOTEBOOKS] + [
    (REPO / "notebooks" / "02-frames-across-sources.ipynb", {"CORPUS": "sample"}),
]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None
    tags = [c.get("metadata", {}).get("tags", []) for c in nb["cells"]]
    assert sum("parameters" in t for t in tags) == 1, "one cell tagged 'parameters'"


def _inject(nb, params: dict):
    import nbformat

    index = next(i for i, c in enumerate(nb.cells)
                 if "parameters" in c.get("metadata", {}).get("tags", []))
    source = "\n".join(f"{k} = {v!r}" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = ["injected-parameters"]
    nb.cells.insert(index + 1, cell)


@pytest.mark.parametrize("path, params", RUNS,
                         ids=lambda v: v.name if hasattr(v, "name") else str(v or ""))
def test_notebook_runs_and_shows_figures(path, params, tmp_path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    if params:
        _inject(nb, params)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert images, "the notebook shows no figure"
    if path.name.startswith("02-"):
        printed = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
        assert "CORPUS: " in printed, "notebook 02 must say which corpus it uses"
    nbformat.write(nb, str(tmp_path / path.name))
