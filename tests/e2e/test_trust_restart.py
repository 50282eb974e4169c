"""A server killed and started again on its port while a tab has a text open, a sentence typed
in the correction box and not applied: the tab's next click lands on the start page, which now
says what was kept, makes the typed sentence (sent with that click) a correction in the text's
draft, shows it to copy, and offers the draft at once (the typed sentence was gone without a
word, then said to be lost).

Why a module of its own: the journeys share one server per module, and this one kills its own.
"""

from __future__ import annotations

import os
import signal

import pytest
from playwright.sync_api import expect

import test_draft_after_kill
from e2e_helpers import choose_link, open_by_path, reader_table, settle
from test_e2e_browser import CHROMIUM, CHROMIUM_ARGS, free_port

pytestmark = pytest.mark.e2e


def row(page, n: int):
    return reader_table(page).locator(f"tr#link-{n}")


def test_a_tab_whose_server_restarted_keeps_what_was_typed(sync_api, home, po_copy, monkeypatch):
    port = free_port()
    monkeypatch.setattr(test_draft_after_kill, "free_port", lambda: port)   # the same port again
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = chromium.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(45_000)
        expect.set_options(timeout=45_000)
        with test_draft_after_kill.killable_server(home) as (url, proc):
            page.goto(url)
            open_by_path(page, po_copy)
            choose_link(page, 2)   # "Correct a link" opened, link 2 chosen
            test_draft_after_kill.correct(page, 2, "Applied before the crash.")
            choose_link(page, 3)
            page.get_by_label("Edit the target sentence").fill("Typed, never applied.")
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        with test_draft_after_kill.killable_server(home):
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
        chromium.close()
