"""The browser harness shared by the browser tests: Debian's Chromium, a streamlit server.

The journeys themselves are in tests/e2e/ (one server per module, its conftest.py), which
imports the harness from here. Skips (with the reason) only when Playwright or
/usr/bin/chromium is missing; .ci/run installs chromium and its headless shell.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Debian's headless shell (the same engine without the windowing browser around it), where it
# is installed: the journeys are bound by the CPU on CI's two cores, and a journey module took
# about 7% less of it there than in full Chromium's headless mode (126 against 136 CPU-s for
# tests/e2e/test_journeys.py, all processes counted).
CHROMIUM = next((path for path in (Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium"))
                 if path.exists()), Path("/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout} s")


@contextmanager
def streamlit_server(cwd: Path, env: dict[str, str]) -> Iterator[str]:
    """`streamlit run app.py` on a free port, from `cwd` with `env`; stopped on exit.

    The server writes to `server_log(cwd)`, a file: a pipe nobody reads would stall the
    server once its buffer fills, and the file is there to read when a journey fails."""
    port = free_port()
    with server_log(cwd).open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.headless", "true", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=cwd, env=dict(os.environ, PYTHONPATH=str(ROOT), **env),
            stdout=log, stderr=subprocess.STDOUT, text=True)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, proc, server_log(cwd))
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


# When the page last took input (a press, a key, a typed or chosen value) and when Streamlit's
# script last started and ended a run, as the app's data-test-script-state says: `settle`
# waits for a run begun after the input to end, instead of a fixed pause (103 pauses of 0.4 s
# were 41 s of the 141 s of the saving journeys). Added to every tab before it loads.
RUN_WATCH = """(() => {
  const runs = window.__runs = {input: 0, started: 0, ended: 0};
  for (const kind of ['pointerdown', 'keydown', 'input', 'change'])
    document.addEventListener(kind, () => { runs.input = performance.now(); }, true);
  const watch = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) { setTimeout(watch, 20); return; }
    let last = app.getAttribute('data-test-script-state');
    new MutationObserver(() => {
      const now = app.getAttribute('data-test-script-state');
      if (now === last) return;
      if (now === 'running') runs.started = performance.now();
      else if (last === 'running') runs.ended = performance.now();
      last = now;
    }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  };
  watch();
})()"""

# True once the app is idle and either a run that began after the last input has ended, or
# `quiet` ms passed since that input with no run (a click that reruns nothing).
_SETTLED = """([quiet, least]) => {
  const runs = window.__runs, app = document.querySelector('[data-testid="stApp"]');
  if (!runs || !app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const since = performance.now() - runs.input;
  return since > quiet || (since > least && runs.started > runs.input && runs.ended > runs.started);
}"""


def settle(page, ms: int = 400, timeout: int = 30_000) -> None:
    """Let Streamlit finish a rerun: the app says its script is not running (the status
    widget alone is not enough: it shows only once a run has lasted half a second, so a
    slow rerun that has just begun looks settled), the status widget is gone, and the page's
    fonts are in (a font swapped in late moves every button below it: a click aimed at one
    can land beside it, on a disabled neighbour, and nothing happens).

    In a tab with RUN_WATCH the wait ends as soon as a run begun after the last input has
    ended (at least 100 ms after it); else, or where no run follows, after `ms`."""
    if page.evaluate("!!window.__runs"):
        page.wait_for_function(_SETTLED, arg=[ms, min(ms, 100)], timeout=timeout, polling=50)
    else:
        page.wait_for_timeout(ms)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(
        state="attached", timeout=timeout)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=timeout)
    page.evaluate("document.fonts.ready.then(() => true)")


def upload_pair(page, src: Path, tgt: Path) -> None:
    """Upload an original and its translation on the start page, one at a time, each seen on
    the page (its name in its box) and its rerun over (the language is detected from the
    file) before the next, as a person waits: a second upload sent while the first one's
    rerun is running can be dropped (under load, the translation's box stayed empty)."""
    from playwright.sync_api import expect

    for key, path in (("new_src", src), ("new_tgt", tgt)):
        box = page.locator(f".st-key-{key}")
        box.locator("input[type=file]").set_input_files(str(path))
        expect(box.get_by_text(path.name)).to_be_visible(timeout=60_000)
        settle(page, timeout=60_000)


def server_log(cwd: Path) -> Path:
    """Where the server started from `cwd` writes its output (beside the folder, not in it)."""
    return cwd.parent / "streamlit.log"


def playwright_or_skip():
    """Playwright's sync API, or a skip saying what is missing."""
    api = pytest.importorskip("playwright.sync_api",
                              reason="playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is missing at /usr/bin/chromium (apt-get install chromium)")
    return api


@pytest.fixture
def sync_api():
    """Playwright's sync API (checked before the server starts)."""
    return playwright_or_skip()

