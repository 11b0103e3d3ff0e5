"""Every notebook, run in JupyterLab in a real (headless Chromium) browser.

Starts JupyterLab on 127.0.0.1 (token, fixed free port, no retries) over a temporary copy of
``notebooks/`` (Lab's autosave never touches the repo), opens each notebook, runs all cells,
and checks that the figures render, highlighted documents show their marks, the explorer's
controls redraw the chart, and no cell shows an error. Leaves a screenshot per notebook in
``tests/artifacts/``. Skips when ``/usr/bin/chromium`` or Playwright is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "tests" / "artifacts"
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]
START_TIMEOUT = 60          # s for Lab to answer /api/status
RUN_TIMEOUT = 90_000        # ms for one notebook's "run all"
STEP_TIMEOUT = 20_000       # ms for any other browser step
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    # every cell stays in the DOM, so selectors see all outputs
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'

# Opens a notebook, waits for its kernel, runs all cells; returns the panel id and, per
# code cell, its execution count and the types/names of its outputs.
RUN_ALL_JS = """
async ([path, ms]) => {
  const limit = new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`run all: timed out after ${ms} ms`)), ms));
  const work = (async () => {
    const app = window.jupyterapp;
    await app.restored;
    const panel = await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
    await panel.context.ready;
    await panel.sessionContext.ready;
    app.shell.activateById(panel.id);
    await panel.revealed;
    const ok = await app.commands.execute('notebook:run-all-cells');
    const cells = panel.content.widgets
      .filter(c => c.model.type === 'code')
      .map(c => ({count: c.model.executionCount,
                  outputs: c.model.outputs.toJSON().map(o => ({
                    type: o.output_type, ename: o.ename || '', evalue: o.evalue || '',
                    text: o.output_type === 'stream' ? String(o.text).slice(0, 300) : ''}))}));
    return {ok, id: panel.id, cells};
  })();
  return await Promise.race([work, limit]);
}
"""

IMAGES_LOADED_JS = """
(id) => {
  const imgs = [...document.querySelectorAll(`#${id} .jp-OutputArea-output img`)];
  return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0);
}
"""


def _skip_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install -y chromium chromium-driver)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright; no 'playwright install')"
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        return "jupyterlab is not installed (pip install -e '.[lab]')"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status(url: str, token: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server by its PID: SIGTERM (kernels are shut down), then SIGKILL."""
    if proc.poll() is not None:
        return
    os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("lab")
    work = root / "notebooks"
    shutil.copytree(REPO / "notebooks", work, ignore=shutil.ignore_patterns(".ipynb_*"))
    for name, value in LAB_SETTINGS.items():
        path = root / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "SOURCE_DATE_EPOCH")}
    env.update(JUPYTERLAB_SETTINGS_DIR=str(root / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"),
               JUPYTER_RUNTIME_DIR=str(root / "runtime"))
    port, token = _free_port(), os.urandom(16).hex()
    url = f"http://127.0.0.1:{port}"
    log = (root / "lab.log").open("w")
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
           "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
           "--LabApp.expose_app_in_browser=True"]
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=work)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _status(url, token):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not start on {url}; log:\n"
                            + (root / "lab.log").read_text()[-3000:])
            time.sleep(0.3)
        yield {"url": url, "token": token, "log": root / "lab.log"}
    finally:
        _stop(proc)
        log.close()


@pytest.fixture(scope="module")
def browser(lab, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium")), executable_path=str(CHROMIUM),
            headless=True, args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(STEP_TIMEOUT)
        try:
            yield context
        finally:
            context.close()


def _errors(cells: list[dict]) -> list[str]:
    return [f"cell {i}: {o['ename']}: {o['evalue']}" for i, c in enumerate(cells)
            for o in c["outputs"] if o["type"] == "error"]


def _screenshot(page, panel_id: str, path: Path) -> None:
    """The whole notebook: scroll to the top, grow the viewport to its height, shoot."""
    height = page.evaluate(f"""() => {{
        const boxes = [...document.querySelectorAll(
            '#{panel_id} .jp-Notebook, #{panel_id} .jp-WindowedPanel-outer')];
        boxes.forEach(e => {{ e.scrollTop = 0; }});
        return Math.max(...boxes.map(e => e.scrollHeight));
    }}""")
    page.set_viewport_size({"width": 1280, "height": min(max(int(height) + 150, 900), 12000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))


def _check_explorer(page, panel_id: str, stem: str) -> None:
    """The explorer's controls render, and choosing one frame redraws the chart."""
    box = page.locator(f"#{panel_id} .framing-explorer").first
    box.wait_for(state="visible")
    img = box.locator(".jp-OutputArea-output img").first
    img.wait_for(state="visible")
    before = img.get_attribute("src")
    frames = box.locator("select").nth(1)
    first = frames.locator("option").first.inner_text()
    frames.select_option(label=first)
    page.wait_for_function(
        """([id, old]) => {
             const i = document.querySelector(`#${id} .framing-explorer .jp-OutputArea-output img`);
             return i && i.getAttribute('src') !== old && i.complete && i.naturalWidth > 0;
           }""", arg=[panel_id, before])
    assert "1 frame(s)" in box.inner_text()
    box.screenshot(path=str(ARTIFACTS / f"{stem}-explorer.png"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_in_jupyterlab(lab, browser, path):
    source = path.read_text(encoding="utf-8")
    page, panel = browser.new_page(), None
    try:
        page.goto(f"{lab['url']}/lab/workspaces/{path.stem}/tree/{path.name}"
                  f"?token={lab['token']}&reset", wait_until="domcontentloaded")
        page.wait_for_function("() => window.jupyterapp !== undefined")
        result = page.evaluate(RUN_ALL_JS, [path.name, RUN_TIMEOUT])
        panel = result["id"]
        assert not _errors(result["cells"]), _errors(result["cells"])
        assert result["ok"], "run all did not complete"
        assert all(c["count"] for c in result["cells"]), "some cells did not run"
        page.wait_for_function(IMAGES_LOADED_JS, arg=panel)
        assert page.locator(f"#{panel} .jp-OutputArea-output img").count() >= 1
        # Lab renders error outputs with the stderr MIME type: a traceback there is an error
        tracebacks = page.locator(f"#{panel} {STDERR}", has_text="Traceback")
        assert tracebacks.count() == 0, tracebacks.first.inner_text()
        if "highlight(" in source:
            marks = page.locator(f"#{panel} .framing-doc mark.framing-hit")
            assert marks.count() > 0, "the highlighted document shows no marks"
            assert marks.first.get_attribute("title")
        if "explore(" in source:
            _check_explorer(page, panel, path.stem)
    finally:
        try:
            if panel:
                _screenshot(page, panel, ARTIFACTS / f"{path.stem}.png")
            else:
                page.screenshot(path=str(ARTIFACTS / f"{path.stem}.png"))
        except Exception:  # noqa: BLE001  -- a screenshot must not hide the real failure
            pass
        page.close()
