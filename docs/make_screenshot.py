"""Make docs/reader.png from the real app: the bundled sample aligned with the default encoder,
word links found, a word hovered, scrolled to an omission (its empty cell hatched).

Run from the checkout (Playwright and Debian's /usr/bin/chromium needed; about a minute):
    python docs/make_screenshot.py [OUT.png]
Everything the app writes (aligned PO, caches) goes to a temp folder; the checkout is untouched.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent


def serve(tmp: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=str(ROOT), ALIGNMENT_CORPORA_CACHE=str(tmp / "corpora"),
               XDG_CACHE_HOME=str(tmp / "xdg"))
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                             "--server.headless", "true", "--server.port", str(port),
                             "--browser.gatherUsageStats", "false"],
                            cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).close()
            return proc, url
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError("streamlit did not start")


def settle(page) -> None:
    """Let Streamlit finish a rerun (its running indicator goes away)."""
    page.wait_for_timeout(500)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=120_000)


def shoot(url: str, out: Path) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1640})
        page.goto(url)
        page.locator(".st-key-open_sample button").click(timeout=120_000)
        table = page.locator("table.al-rows").last
        table.locator("tr.row").first.wait_for(timeout=300_000)
        settle(page)
        page.get_by_role("button", name="Find word links").click()
        expect(table.locator("mark.w").first).to_be_attached(timeout=300_000)
        settle(page)
        omission = table.locator("tr.row:has(td.empty)").first
        omission.scroll_into_view_if_needed()  # a tall window: the title stays in view too
        above = omission.locator("xpath=preceding-sibling::tr[1]")
        pont = above.locator("td.src mark.w", has_text="pont")  # pont / bridge, if linked
        word = pont.first if pont.count() else above.locator("td.src mark.w").first
        word.hover()
        page.wait_for_timeout(500)
        page.screenshot(path=str(out))
        browser.close()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "reader.png").resolve()
    with tempfile.TemporaryDirectory(prefix="alignment-") as tmp:
        proc, url = serve(Path(tmp))
        try:
            shoot(url, out)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    print(out)


if __name__ == "__main__":
    main()
