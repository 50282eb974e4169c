"""Ctrl+S pressed quickly after another action, and a reload just after a save, in Chromium.

Race 1: Ctrl+S pressed while the run of the action before it (a click on a reader row, an
Undo) was on its way or drawing the page sometimes did nothing: the file was not saved and
"1 unsaved change" stayed. Race 2: F5 just after a save, with recovery drafts off, asked the
browser's leave-page question though nothing was unsaved (the page's mark of unsaved work
was redrawn only at the end of the save's run).

Race 3: Ctrl+Z then Ctrl+S at once saved the text without the undo, about 1 run in 3 on a
busy machine. Two causes, both Streamlit's: the two keys' reruns, reaching the server before
it began the first, are merged into one run whose callbacks go in the page's order, Save's
before Undo's (views/saving.ask_save); and the Save's click, reaching it just as the Undo's
run began, ended that run before its callbacks (views/click_order.py; 2 runs of this journey
in about 30 before). The journey sends the row click and the two keys together, every round.

Each journey repeats the quick sequence a few times: one round alone passed most runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import (choose_link, drafts_unwritable, once_drawn, open_by_path, reader_table,
                         server_hears_together, settle)

pytestmark = pytest.mark.e2e

ROUNDS = 4
LINKS = (1, 2, 3, 7, 8)   # 1-based; the fixture's links 4 and 5 are an omission cut in two


def row(page, n: int):
    return reader_table(page).locator(f"tr#link-{n}")


def apply_correction(page, n: int, text: str) -> None:
    """Link n chosen, its target sentence replaced by `text`, Apply edit, the run over."""
    choose_link(page, n)
    once_drawn(page, page.get_by_label("Edit the target sentence").click)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.get_by_role("button", name="Apply edit").click()
    expect(row(page, n)).to_contain_text(text)
    settle(page)


def saved_target(path: Path, n: int) -> str:
    from alignment.po import read_po

    return read_po(path).link_text(n - 1, "tgt")


def assert_saved(page, path: Path, n: int, text: str) -> None:
    """Saved: nothing unsaved on the page, and the file holds the correction."""
    settle(page)
    expect(page.get_by_text("unsaved change")).to_have_count(0, timeout=15_000)
    assert saved_target(path, n) == text


def slow_cpu(page, rate: float = 4):
    """The page's scripts run `rate` times slower, as on a busy machine: the page takes longer
    to send a click's rerun and to draw its result, so a key pressed meanwhile meets the page
    between two runs. Returns the CDP session, to set another rate with `throttle`. The
    throttling costs CPU for as long as it lasts (Chromium's renderer kept a core busy: 25
    CPU-s of the journey's 27 s), so a journey slows the page only where the race is."""
    session = page.context.new_cdp_session(page)
    throttle(session, rate)
    return session


def throttle(session, rate: float) -> None:
    session.send("Emulation.setCPUThrottlingRate", {"rate": rate})


@pytest.mark.fresh_tab("its CPU throttling must not reach the next journey")
def test_ctrl_s_right_after_a_row_click_saves(page, po_copy):
    """A correction applied, a click on another row of the reader, Ctrl+S at once: saved."""
    open_by_path(page, po_copy)
    cpu = slow_cpu(page, 1)
    for k, n in enumerate(LINKS[:ROUNDS]):
        text = f"Round {k}: the bridge over the river, typed again."
        apply_correction(page, n, text)
        throttle(cpu, 4)   # from the click to the save
        row(page, LINKS[(k + 1) % len(LINKS)]).locator("td").first.click()
        page.keyboard.press("Control+s")
        assert_saved(page, po_copy, n, text)
        throttle(cpu, 1)
    throttle(cpu, 4)   # the rest as before: the correction's run below raced Ctrl+S too
    # Should Save still be found disabled with a change unsaved, the key says it did nothing.
    # (No row click here: its run drew Save anew, enabled, and the key then saved.)
    apply_correction(page, 2, "Left unsaved on purpose.")
    # the correction's run over first: while it ran, Streamlit's own Ctrl+S shortcut still saw
    # Save enabled and saved (CI, once more after the hold below); then Save held disabled
    # whatever the page draws: a late redraw enabled it again, and the key saved (CI, twice);
    # and without the mark of a Save enabled for typing (views/keys.js): the Apply's run, too
    # quick for the page to count, left the typing's mark on it, the key went to Streamlit's
    # own shortcut, which saw Save enabled and saved (CI once more)
    settle(page)
    page.evaluate("""() => { document.activeElement.blur();
      const hold = () => document.querySelectorAll('.st-key-save button').forEach(b => {
          if (!b.disabled) b.disabled = true;
          if (b.dataset.alignmentTyping) delete b.dataset.alignmentTyping; });
      hold();
      new MutationObserver(hold).observe(document.body, {subtree: true, childList: true,
                                                         attributes: true, attributeFilter: ['disabled']}); }""")
    expect(page.locator(".st-key-save button")).to_be_disabled()
    # and a button clicked whose run the page never sees begin or end (a run that begins and
    # ends between two of the page's draws leaves its run state as it was; CI, twice): the key
    # waited 60 s for that run, its note with it
    page.evaluate("""() => { const b = Object.assign(document.createElement('button'),
        {textContent: 'A run too quick to see'});
      b.dataset.testid = 'stBaseButton-secondary';
      b.style.cssText = 'position:fixed;bottom:4rem;right:1rem;z-index:9999';
      document.body.appendChild(b); }""")
    page.get_by_role("button", name="A run too quick to see").click()
    page.keyboard.press("Control+s")
    expect(page.get_by_role("alert").filter(has_text="Ctrl+S did not save")).to_be_visible(timeout=15_000)
    expect(page.get_by_text("1 unsaved change")).to_be_visible()


def test_ctrl_z_then_ctrl_s_at_once_saves_the_undone_text(page, po_copy):
    """Two corrections of a link, a click on another row, then Ctrl+Z and Ctrl+S reaching
    the server together: the file holds the first correction, and nothing is unsaved."""
    open_by_path(page, po_copy)
    for k, n in enumerate(LINKS[:3]):
        kept = f"Round {k}: kept after the undo."
        apply_correction(page, n, kept)
        apply_correction(page, n, f"Round {k}: undone before the save.")
        server_hears_together(page)
        row(page, LINKS[k + 1]).locator("td").first.click()
        page.keyboard.press("Control+z")
        page.keyboard.press("Control+s")
        expect(row(page, n)).to_contain_text(kept)
        assert_saved(page, po_copy, n, kept)


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_a_reload_just_after_a_save_asks_nothing(page, po_copy, home):
    """Recovery drafts off (a file stands where their folder goes): a correction, Ctrl+S, and
    F5 as soon as the page says nothing is unsaved: no leave-page question. A correction not
    saved still asks."""
    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.type), d.accept()))
    with drafts_unwritable(home):
        for k, n in enumerate(LINKS[:3]):
            open_by_path(page, po_copy)
            text = f"Saved before reload {k}."
            apply_correction(page, n, text)
            reader_table(page).click()
            settle(page)
            page.keyboard.press("Control+s")
            expect(page.get_by_text("unsaved change")).to_have_count(0)
            page.reload()
            assert asked == [], f"round {k}"
            assert saved_target(po_copy, n) == text
        open_by_path(page, po_copy)
        apply_correction(page, 2, "Not saved, and no draft keeps it.")
        page.reload()
        assert asked == ["beforeunload"]
