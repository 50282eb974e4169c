"""A server killed after corrections: started again, its start page offers every correction back;
killed while a tab has a sentence typed and not applied, the tab's next click keeps it.

Why a module of its own: the journeys share one server per module, and these kill their own.
A browser reload keeps the server and what it remembers; a kill does not, so this is where a
draft written as the changes since a base (alignment/drafts.py) must stand on the files alone.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import choose_link, open_by_path, reader_table, settle
from test_e2e_browser import (ROOT, free_port, server_log,
                              wait_healthy)

pytestmark = pytest.mark.e2e


@contextmanager
def killable_server(home: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`streamlit run app.py` as the journeys' server runs it (tests/e2e/conftest.py), whose
    process the test may kill; stopped on exit if it still runs."""
    env = {"ALIGNMENT_EMBEDDER": "hashing", "ALIGNMENT_CACHE_DIR": "",
           "ALIGNMENT_CORPORA_CACHE": str(home / "corpora-cache"),
           "XDG_CACHE_HOME": str(home / "xdg"), "TMPDIR": str(home / "tmp")}
    port = free_port()
    with server_log(home / "cwd").open("a") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.headless", "true", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=home / "cwd", env=dict(os.environ, PYTHONPATH=str(ROOT), **env),
            stdout=log, stderr=subprocess.STDOUT, text=True)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, proc, server_log(home / "cwd"))
            yield url, proc
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=10)


def row(page, n: int):
    return reader_table(page).locator(f"tr#link-{n}")


def correct(page, link: int, text: str) -> None:
    """Type a new target sentence for `link` in the correction box and click Apply edit."""
    box = page.get_by_label("Link (the blue row)")
    box.fill(str(link))
    box.press("Enter")
    expect(box).to_have_value(str(link))
    settle(page)
    page.get_by_label("Edit the target sentence").fill(text)
    page.get_by_role("button", name="Apply edit").click()
    expect(row(page, link)).to_contain_text(text)
    settle(page)


def test_corrections_outlive_a_killed_server(browser, home, po_copy):
    """Two corrections (the second written as a change to the first draft), the server
    killed, started again: the start page offers both, and they are saved as any others."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.set_default_timeout(45_000)
        expect.set_options(timeout=45_000)
        with killable_server(home) as (url, proc):
            page.goto(url)
            open_by_path(page, po_copy)
            page.get_by_text("Correct a link").click()
            page.get_by_label("Edit the target sentence").wait_for()
            correct(page, 1, "Typed before the crash.")
            correct(page, 3, "And one more, typed before the crash.")
            expect(page.get_by_text("2 unsaved changes").first).to_be_visible()
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        with killable_server(home) as (url, _):
            page.goto(url)
            offer = page.locator("[data-testid='stHorizontalBlock']", has_text=str(po_copy)).last
            expect(offer).to_contain_text("2 unsaved changes to journey.po")
            offer.get_by_role("button", name="Open and recover").click()
            expect(row(page, 1)).to_contain_text("Typed before the crash.")
            expect(row(page, 3)).to_contain_text("And one more, typed before the crash.")
            settle(page)
            page.locator(".st-key-save button").click()
            expect(page.get_by_text("2 unsaved changes")).to_have_count(0)
    finally:
        page.close()   # and its context
    from alignment.po import read_po
    saved = read_po(po_copy)
    assert [saved.link_text(k, "tgt") for k in (0, 2)] == [
        "Typed before the crash.", "And one more, typed before the crash."]


# A server killed and started again on its port while a tab has a text open, a sentence typed
# in the correction box and not applied: the tab's next click lands on the start page, which now
# says what was kept, makes the typed sentence (sent with that click) a correction in the text's
# draft, shows it to copy, and offers the draft at once (the typed sentence was gone without a
# word, then said to be lost).

def test_a_tab_whose_server_restarted_keeps_what_was_typed(browser, home, po_copy, monkeypatch):
    port = free_port()
    monkeypatch.setattr(sys.modules[__name__], "free_port", lambda: port)   # the same port again
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.set_default_timeout(45_000)
        expect.set_options(timeout=45_000)
        with killable_server(home) as (url, proc):
            page.goto(url)
            open_by_path(page, po_copy)
            choose_link(page, 2)   # "Correct a link" opened, link 2 chosen
            correct(page, 2, "Applied before the crash.")
            choose_link(page, 3)
            page.get_by_label("Edit the target sentence").fill("Typed, never applied.")
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        with killable_server(home):
            page.wait_for_timeout(3_000)   # the tab connects again, as it does by itself
            settle(page)
            page.get_by_role("button", name="Apply edit").click()
            note = page.locator(".st-key-restarted_box")
            # the typed text came with the click: it was said to be lost, and it was
            expect(note).to_contain_text("The server was restarted while a text was open in "
                                         "this tab: the corrections you applied to journey.po "
                                         "are kept as a draft, with the text you typed for "
                                         "link 3 made a correction in it.")
            expect(note).not_to_contain_text("lost")
            expect(note.locator("[data-testid='stCode']")).to_have_text("Typed, never applied.")
            note.get_by_role("button", name="Open and recover").click()
            expect(row(page, 2)).to_contain_text("Applied before the crash.")
            expect(row(page, 3)).to_contain_text("Typed, never applied.")
            expect(page.get_by_text("2 unsaved changes").first).to_be_visible()
    finally:
        page.close()   # and its context
