"""End to end: `streamlit run app.py` driven by Debian's Chromium through Playwright.

Skips (with the reason) only when Playwright or /usr/bin/chromium is missing;
.ci/run installs chromium with apt-get.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{proc.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout} s")


@pytest.fixture
def sync_api():
    """Playwright's sync API, or a skip saying what is missing (checked before the server starts)."""
    api = pytest.importorskip("playwright.sync_api",
                              reason="playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is missing at /usr/bin/chromium (apt-get install chromium)")
    return api


@pytest.fixture
def server(tmp_path):
    """A streamlit server on a free port with a private cache; always killed afterwards."""
    port = free_port()
    env = dict(os.environ, ALIGNMENT_EMBEDDER="hashing",
               ALIGNMENT_CORPORA_CACHE=str(tmp_path / "corpora-cache"),
               XDG_CACHE_HOME=str(tmp_path / "xdg"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_reader_shows_the_sample_side_by_side(sync_api, server, tmp_path):
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(server)
            # The sample is the only corpus with both sides bundled, hence the only one to align.
            page.get_by_role("button", name="Align and open").first.click(timeout=60_000)
            reader = page.locator("table.al-rows").last  # the first sits in the edit panel
            row = reader.locator("tr", has_text="Le vieux pont de Saint-Aubin").first
            row.wait_for(timeout=90_000)
            sync_api.expect(row).to_contain_text("The Old Bridge of Saint-Aubin")
            assert reader.locator("tr.row").count() > 10
            shot = tmp_path / "reader.png"
            page.screenshot(path=str(shot), full_page=False)
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
