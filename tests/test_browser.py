"""The researcher's path in a real browser: JupyterLab in headless Chromium.

Starts JupyterLab from the project's environment on a free loopback port with a token, opens the
province-profile notebook, runs all cells, waits until every cell has executed, and checks that
no cell shows an error and at least one figure rendered. A screenshot goes to
``reports/browser/``. Then opens the generated report pages and checks that their links and
figures resolve offline.

Chromium comes from Debian's ``chromium`` package (`.ci/run` installs it); where none is found
the test is skipped with that reason.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from dvk_analysis.paths import project_root, reports_dir

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NOTEBOOK = "notebooks/02_province_profile.ipynb"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no Chromium found (install Debian's 'chromium' package to run this test)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    port, token = _free_port(), "dvk-test-token"
    home = tmp_path_factory.mktemp("jupyter-home")
    # Render every cell (JupyterLab 4 virtualises long notebooks; the test reads all prompts).
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    news = home / "settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    # Lab works on a copy of the notebooks, so its autosave never touches the committed ones;
    # the notebooks still read the project's data (paths come from the project root).
    root = home / "lab"
    shutil.copytree(project_root() / "notebooks", root / "notebooks")
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "HOME": str(home),
        "DVK_PROJECT_ROOT": str(project_root()),
    }
    cmd = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
        "--ip=127.0.0.1", f"--IdentityProvider.token={token}", "--allow-root",
        f"--ServerApp.root_dir={root}", "--ServerApp.open_browser=False",
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]  # fmt: skip
    log = open(home / "lab.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.5)
    else:
        proc.kill()
    if proc.poll() is not None:
        log.close()
        pytest.fail(f"JupyterLab did not start:\n{(home / 'lab.log').read_text()[-3000:]}")
    yield base, token
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


def _wait_for_all_cells(page, timeout_s: float = 180) -> None:
    """Wait until every code cell shows an execution count (no '[*]', no '[ ]')."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        if prompts and all(p.strip().strip("[]:").strip().isdigit() for p in prompts):
            return
        errors = page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        )
        if errors.count():
            raise AssertionError(f"a cell failed: {errors.all_inner_texts()[-1][-3000:]}")
        time.sleep(0.5)
    raise AssertionError(f"cells did not finish executing: prompts {prompts}")


def _menu(page, menu: str, item: str) -> None:
    """Click ``item`` in the menu bar's ``menu``."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{menu}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{item}$")).click()


def test_province_notebook_runs_in_jupyterlab(browser, jupyterlab):
    base, token = jupyterlab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    # The kernel is connected (not just "no kernel yet") when the status bar names it idle.
    page.get_by_text("dvk-analysis | Idle").wait_for(timeout=60_000)
    _menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".every(e => !/\\d/.test(e.innerText))"
    )
    _menu(page, "Run", "Run All Cells")
    _wait_for_all_cells(page)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    tracebacks = [t for t in errors.all_inner_texts() if "Error" in t or "Traceback" in t]
    assert tracebacks == []
    figures = page.locator(".jp-RenderedImage img, .jp-RenderedSVG img, .jp-RenderedSVG svg")
    assert figures.count() >= 1
    target = reports_dir() / "browser"
    target.mkdir(parents=True, exist_ok=True)
    figures.first.scroll_into_view_if_needed()
    page.screenshot(path=str(target / "jupyterlab_02_province_profile.png"))
    assert (target / "jupyterlab_02_province_profile.png").stat().st_size > 10_000
    page.close()


def test_report_pages_open_offline(browser, tmp_path):
    """The index and a province page load with no network and every link/figure resolves."""
    from dvk_analysis.run.pipeline import build_example_reports

    index = build_example_reports(tmp_path)
    context = browser.new_context(offline=True)
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(Path(index).as_uri())
    links = page.locator("a[href]").evaluate_all("els => els.map(e => e.href)")
    local = [u for u in links if u.startswith("file://")]
    assert local, "the index links to no province page"
    for url in local:
        assert Path(url.removeprefix("file://")).exists(), url
    page.goto(local[0])
    images = page.locator("img")
    assert images.count() >= 1
    broken = images.evaluate_all(
        "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).length"
    )
    assert broken == 0
    assert failed == []
    context.close()
