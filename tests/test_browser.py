"""The researcher's path in a real browser: JupyterLab in headless Chromium.

Starts JupyterLab from the project's environment on a free loopback port with a token, opens the
province-profile notebook, runs all cells, waits until every cell has executed, and checks that
no cell shows an error and at least one figure rendered. A screenshot goes to
``reports/browser/``. Then opens the generated report pages and checks that their links and
figures resolve offline.

The second test opens the index and two province reports from disk, offline, and checks what a
reader sees: no kernel noise, a back link on every report, every claim clickable to an anchor on
its source page (which links the web address), and no horizontal overflow; screenshots go to
``reports/browser/``.

Chromium comes from Debian's ``chromium`` package (`.ci/run` installs it); where none is found
the tests are skipped with that reason, except under CI (``CI=true``), where they fail.
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
from dvk_analysis.run.lab import KERNEL, lab_arguments, write_settings

# Reads the shared province reports (tests/conftest.py: built once per run).
pytestmark = [pytest.mark.browser, pytest.mark.slow]

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


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        message = "no Chromium found (install Debian's 'chromium' package to run this test)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI must run the browser tests")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
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
    # The same options as `make lab` (dvk lab): project kernel only, autosave off.
    write_settings(home / "settings")
    cmd = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
        "--ip=127.0.0.1", f"--IdentityProvider.token={token}", "--allow-root",
        *lab_arguments(root, home / "settings"), "--ServerApp.open_browser=False",
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


def test_lab_offers_the_project_kernel_only_and_does_not_autosave(jupyterlab):
    import json

    base, token = jupyterlab
    with urllib.request.urlopen(f"{base}/api/kernelspecs?token={token}", timeout=10) as reply:
        specs = json.load(reply)
    assert list(specs["kernelspecs"]) == [KERNEL]
    assert specs["default"] == KERNEL  # "New notebook" never asks for a kernel that is hidden
    url = f"{base}/lab/api/settings/@jupyterlab/docmanager-extension:plugin?token={token}"
    with urllib.request.urlopen(url, timeout=10) as reply:
        settings = json.load(reply)
    assert settings["settings"]["autosave"] is False


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


NOISE = re.compile(r"ERROR|Traceback|WARNING|KeyboardInterrupt")
NO_OVERFLOW = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.fixture
def example_reports(province_reports) -> Path:
    """The index and two province reports, built as ``dvk batch`` builds them (shared)."""
    return province_reports / "index.html"


def _screenshot(page, name: str) -> None:
    target = reports_dir() / "browser"
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target / name), full_page=True)
    assert (target / name).stat().st_size > 10_000


def test_report_pages_open_offline(browser, example_reports):
    """The index and a province page load with no network and every link/figure resolves."""
    context = browser.new_context(offline=True)
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(Path(example_reports).as_uri())
    links = page.locator("a[href]").evaluate_all("els => els.map(e => e.href)")
    local = [u for u in links if u.startswith("file://")]
    assert local, "the index links to no province page"
    for url in local:
        assert Path(url.removeprefix("file://").split("#")[0]).exists(), url
    page.goto([u for u in local if u.endswith(".html")][0])
    images = page.locator("img")
    assert images.count() >= 1
    broken = images.evaluate_all(
        "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).length"
    )
    assert broken == 0
    assert failed == []
    context.close()


def test_index_and_two_reports_read_cleanly_and_every_claim_is_clickable(browser, example_reports):
    context = browser.new_context(offline=True, viewport={"width": 1000, "height": 900})
    page = context.new_page()
    index = Path(example_reports).as_uri()
    page.goto(index)
    assert not NOISE.search(page.inner_text("body"))
    assert page.evaluate(NO_OVERFLOW), "the index scrolls sideways"
    _screenshot(page, "index.png")
    reports = page.locator("td a[href*='provinces/']").evaluate_all("els => els.map(e => e.href)")
    assert len(reports) == 2
    for number, report in enumerate(reports):
        page.goto(report)
        text = page.inner_text("body")
        assert not NOISE.search(text), NOISE.search(text)
        assert "papermill" not in text and "files written" not in text
        assert page.evaluate(NO_OVERFLOW), f"{report} scrolls sideways"
        assert page.locator("h1").first.inner_text().split(":")[0] in ("Hà Tĩnh", "Lai Châu")
        assert page.locator("nav.dvk-toc a").count() >= 5
        _screenshot(page, f"report_{number}.png")
        claims = page.locator("a[href*='sources/']")
        assert claims.count() >= 3, "claims do not link to their sources"
        back = page.locator("a.dvk-back")
        assert back.get_attribute("href") == "../../index.html"
        claims.first.click()
        page.wait_for_load_state()
        assert "/sources/" in page.url and "#claim-" in page.url
        anchor = page.url.split("#", 1)[1]
        target = page.locator(f"[id='{anchor}']")
        assert target.count() == 1 and target.is_visible()
        assert page.evaluate(NO_OVERFLOW), f"{page.url} scrolls sideways"
        web = page.locator("a.dvk-source-url")
        if web.count():
            assert web.get_attribute("href").startswith("http")
        if number == 0:
            _screenshot(page, "source.png")
        page.goto(report)
        back.click()
        page.wait_for_load_state()
        assert page.url == index
    context.close()
