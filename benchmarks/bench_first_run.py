"""The app's first alignment on a machine: from "Align and open" on the sample's card to the reader.

Prints a table (a script, not a test; figures depend on the machine and its load). Each row
starts `streamlit run app.py` afresh (its own caches, the project's encoder), opens the start
page in Chromium, waits `wait` seconds as a person reading the page would, clicks the sample's
"Align and open" and times until the reader's rows show. "numba cache: empty" is a machine's
first run (or the first after an upgrade): numba compiles every kernel the alignment calls;
"filled" is any later run (after the first ran its course). The app compiles them in a thread as
it starts (alignment/warm_up.py).

Measured on this machine (2026-12-07, --waits 0,15 --repeat 2; the same script run on the commit
before warm_up for "before"), seconds from the click to the reader:

    numba cache, wait     before       with warm_up
    empty, 0 s            10.5-11.1    10.7-11.2   (the click comes before any head start)
    empty, 15 s           10.0-10.5     1.4-1.5
    filled, 0 s            2.0-2.2      1.7-2.1
    filled, 15 s           1.9          1.5
The start page shows in 1.6-2.0 s either way.

Usage: python benchmarks/bench_first_run.py [--waits 0,15] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def one_run(wait: float, numba_dir: Path) -> tuple[float, float]:
    """(seconds to the start page, seconds from the click to the reader)."""
    from playwright.sync_api import sync_playwright
    from test_e2e_browser import streamlit_server

    cwd, home = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    env = {"NUMBA_CACHE_DIR": str(numba_dir), "XDG_CACHE_HOME": str(home / "cache"),
           "XDG_DATA_HOME": str(home / "data"), "HOME": str(home), "ALIGNMENT_EMBEDDER": "use"}
    with streamlit_server(cwd, env) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(url)
        button = page.get_by_role("button", name="Align and open").first
        button.wait_for(timeout=120_000)
        shown = time.perf_counter() - start
        time.sleep(wait)
        start = time.perf_counter()
        button.click()
        page.locator("table.al-rows").last.wait_for(timeout=300_000)
        opened = time.perf_counter() - start
        browser.close()
    return shown, opened


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--waits", default="0,15", help="seconds on the start page before the click")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    print(f"{'numba cache':>11}  {'wait s':>6}  {'start page s':>12}  {'click -> reader s':>17}")
    for wait in (float(w) for w in args.waits.split(",")):
        for _ in range(args.repeat):
            numba_dir = Path(tempfile.mkdtemp())
            for cache in ("empty", "filled"):
                shown, opened = one_run(wait, numba_dir)
                print(f"{cache:>11}  {wait:>6.0f}  {shown:>12.1f}  {opened:>17.1f}", flush=True)
                # what a first session left compiled once it ran its course (the run above
                # may have stopped before its warm-up thread was done)
                subprocess.run([sys.executable, "-c", "from alignment.warm_up import warm_up; warm_up()"],
                               env=dict(os.environ, NUMBA_CACHE_DIR=str(numba_dir)), cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
