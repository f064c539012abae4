"""The tutorials in a real browser: JupyterLab (from the venv) on 127.0.0.1
with a token on a free port, Debian's chromium driven by Playwright (no
browser download). Opens 01-distributed-training.ipynb, then
03-your-own-data.ipynb, runs all cells, waits until every code cell has
run, and checks that no cell failed or wrote to stderr, that the charts
(01: the importance charts; 03: value counts, histograms, scatter and
importance) and the trial table are rendered, and saves a screenshot of 01.

The screenshot goes to the test's temporary folder; with
GOTRAIN_SCREENSHOT=PATH (e.g. docs/jupyterlab.png, the README's picture) it
is also copied there.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from nbcheck import NOTEBOOKS, ROOT

CHROMIUM = "/usr/bin/chromium"
NOTEBOOK = "01-distributed-training.ipynb"
OWN_DATA = "03-your-own-data.ipynb"
# The notebooks in the browser, with the least number of charts each shows.
CHARTS = {NOTEBOOK: 3, OWN_DATA: 4}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(kernel_env, tmp_path, request):
    """A JupyterLab server whose root holds only a scratch copy of the
    notebook (request.param; its settings and log live beside the root, so
    the file browser in the screenshot shows what a user's would)."""
    root = tmp_path / "lab"
    root.mkdir()
    shutil.copy(NOTEBOOKS / request.param, root / request.param)
    port, token = free_port(), secrets.token_hex(16)
    # Render every cell (JupyterLab otherwise renders only those in view),
    # so the checks below see all outputs.
    settings = tmp_path / "lab-settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    # No "get notified about Jupyter news?" toast over the screenshot.
    news = tmp_path / "lab-settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    log = open(tmp_path / "jupyterlab.log", "w")
    root_flag = ["--allow-root"] if os.geteuid() == 0 else []  # CI containers run as root
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", *root_flag, "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--LabApp.news_url=", f"--LabApp.user_settings_dir={tmp_path / 'lab-settings'}", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        stdout=log, stderr=subprocess.STDOUT, cwd=root)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # wait until the server answers (at most about a minute)
            if proc.poll() is not None:
                raise AssertionError("jupyterlab exited: " + (tmp_path / "jupyterlab.log").read_text()[-2000:])
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        yield base, token, tmp_path
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


# Every code cell shows an execution count ([3]:), none is queued or
# running ([ ]:, [*]:): Run All Cells is done.
ALL_RUN = """() => {
  const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
  return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
}"""


@pytest.mark.parametrize("lab", [NOTEBOOK, OWN_DATA], indirect=True)
def test_tutorial_runs_in_jupyterlab(lab, request):
    base, token, root = lab
    notebook = request.node.callspec.params["lab"]
    shot = root / "jupyterlab.png"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1700})
            page.goto(f"{base}/lab/tree/{notebook}?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
            # JupyterLab may ask which kernel to start; the notebook names gotrain.
            select = page.locator(".jp-Dialog button:has-text('Select')")
            try:
                select.wait_for(timeout=10_000)
                select.click()
            except PlaywrightTimeout:
                pass
            page.wait_for_selector("text=Go (gotrain) | Idle", timeout=120_000)
            page.click(".lm-MenuBar-item:has-text('Run')")
            page.click(".lm-Menu-item:has-text('Run All Cells')")
            page.wait_for_function(ALL_RUN, timeout=300_000)

            page.screenshot(path=str(root / "after-run.png"))
            errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
            assert errors.count() == 0, errors.all_inner_texts()
            charts = page.locator(".jp-RenderedImage img")
            assert charts.count() >= CHARTS[notebook], f"{notebook}: {charts.count()} charts rendered"
            table = page.locator(".jp-RenderedHTMLCommon table:has-text('TERMINATED')")
            assert table.count() >= 1, "the trial table is not rendered"
            if notebook == OWN_DATA:
                described = page.locator(".jp-RenderedHTMLCommon table:has-text('credit_amount')")
                assert described.count() >= 2, "the data table and its description are not rendered"
                return

            # The picture for the README: the tuning step from its heading
            # (the code cell, the live trial table, the best trial), the test
            # scores and the first importance chart.
            heading = page.locator(".jp-MarkdownCell h2:has-text('Tune eta and max_depth')")
            heading.first.evaluate("e => e.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(500)
            page.screenshot(path=str(shot))
        finally:
            browser.close()
    assert shot.read_bytes().startswith(b"\x89PNG")
    target = os.environ.get("GOTRAIN_SCREENSHOT")
    if target:
        shutil.copy(shot, ROOT / target if not os.path.isabs(target) else target)
