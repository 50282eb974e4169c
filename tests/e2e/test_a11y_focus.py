"""A keyboard-only reader's focus, in Chromium (views/a11y.py): where it goes after a click
removes or redraws the focused control, into an opened menu, and never into the collapsed
sidebar; and what the keys do: Ctrl+S on the correction form's buttons, Space on a focused
button, J and K in Learn with the focus on the Mode options. Each journey presses keys as such
a reader does and asserts what has the focus or what the keys did."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from e2e_helpers import choose_link, once_drawn, open_by_path, reader_table, settle
from test_saving_reload import correct_link

pytestmark = pytest.mark.e2e

FOCUSED = """(() => { const a = document.activeElement;
  return {tag: a.tagName, text: (a.innerText || '').trim(), label: a.getAttribute('aria-label') || '',
          sidebar: !!a.closest('[data-testid="stSidebar"]'),
          popover: !!a.closest('[data-testid="stPopoverBody"]')}; })()"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def focused_key(page) -> str:
    """The Streamlit key of the control that has the focus ('' for none)."""
    return page.evaluate("""(() => [...(document.activeElement.closest('[class*="st-key-"]')
      ?.classList || [])].find(c => c.startsWith('st-key-'))?.slice(7) || '')()""")


def findings_heading(page):
    return page.get_by_role("heading", name=re.compile(r"Proofreading: \d+ finding"))


def findings_count(page) -> int:
    return int(re.search(r"(\d+) finding", findings_heading(page).inner_text()).group(1))


def to_proofread(page, po_copy) -> int:
    """The text opened, Proofread chosen, its findings listed; how many."""
    open_by_path(page, po_copy)
    page.locator("section[data-testid='stSidebar']").get_by_text("Proofread").click()
    expect(findings_heading(page)).to_be_visible()
    settle(page)
    return findings_count(page)


def finding_button(page, key: str):
    return page.locator(f".st-key-findings_box .st-key-{key} button").first


def test_enter_on_a_findings_dismiss_leaves_the_focus_on_the_next_findings_jump(page, po_copy):
    """✕ pressed with Enter: the focus stayed on the same button, now the next finding's ✕,
    and a second Enter dismissed that one too. Now it is on the next finding's "→": a second
    Enter selects that finding's link and dismisses nothing."""
    n = to_proofread(page, po_copy)
    assert n >= 3
    second = finding_button(page, "jump_1").inner_text().strip()   # "→ 5"
    finding_button(page, "dismiss_0").focus()
    page.keyboard.press("Enter")
    expect(findings_heading(page)).to_have_text(re.compile(rf": {n - 1} finding"))
    settle(page)
    assert focused(page)["text"] == second
    page.keyboard.press("Enter")
    expect(page.get_by_label("Link (the blue row)")).to_have_value(second.split()[-1])
    settle(page)
    assert findings_count(page) == n - 1


def test_a_jump_to_a_finding_puts_the_focus_in_the_correction_box(page, po_copy):
    """"→ n" pressed with Enter: the focus dropped to the page (the next Tab started from the
    top); now it is in the correction box, where the fix is typed."""
    to_proofread(page, po_copy)
    finding_button(page, "jump_1").focus()
    page.keyboard.press("Enter")
    # while the panel is drawn anew the old box and the new one stand together for a moment,
    # so "the" box is ambiguous (strict-mode errors failed this journey twice in CI): ask
    # instead for a correction box that has the focus, which the redraw cannot make two of
    focused_box = page.get_by_label("Edit the target sentence").and_(page.locator(":focus"))
    expect(focused_box).to_have_count(1)
    page.keyboard.press("End")
    page.keyboard.type(" Typed after the jump.")
    expect(focused_box).to_have_value(re.compile(r"Typed after the jump\.$"))


@pytest.mark.parametrize("keys", ["Control+s", "Tab Enter"])
def test_saving_from_the_keyboard_keeps_the_focus(page, po_copy, keys):
    """Ctrl+S in the correction box (apply, then save) drew the box anew and the focus fell
    to the page; Enter on Save disabled it, and the same. Now the focus stays in the box, or
    goes on to the next control (Undo)."""
    open_by_path(page, po_copy)
    correct_link(page, 2, "Typed first, applied.")
    box = page.get_by_label("Edit the target sentence")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Typed, then saved from the keyboard.")
    if keys == "Control+s":
        page.keyboard.press("Control+s")
    else:
        page.get_by_role("button", name="Apply edit").click()
        settle(page)
        page.locator(".st-key-save button").focus()
        page.keyboard.press("Enter")
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    settle(page)
    if keys == "Control+s":
        expect(page.get_by_label("Edit the target sentence")).to_be_focused()
    else:   # polled: the focus is handed on once the rerun has drawn Undo (views/a11y.py)
        expect(page.locator(".st-key-undo button")).to_be_focused(timeout=10_000)


@pytest.mark.parametrize("answer", ["Discard it", "Recover it"])
def test_answering_the_recovery_box_leaves_the_focus_above_the_toolbar(page, po_copy, answer):
    """"Discard it" (or "Recover it") removes the box: the focus fell to the page and the next
    Tab started at "Skip to main content". Now it is on the title above the box, and Tab goes
    on to the toolbar."""
    open_by_path(page, po_copy)
    correct_link(page, 2, "Typed, then the tab reloaded.")
    page.reload()
    page.get_by_text("Align new texts").wait_for()
    settle(page)
    open_by_path(page, po_copy)
    page.get_by_role("button", name=answer).focus()
    page.keyboard.press("Enter")
    if answer == "Discard it":   # asked first, the focus on the safe answer; then discarded
        expect(page.get_by_role("button", name="Keep it")).to_be_focused(timeout=10_000)
        # Shift+Tab to it, as a keyboard user does: the focus set by the test alone was taken
        # back to "Keep it" by the view's hold, which only a key or a click ends (CI, once)
        page.keyboard.press("Shift+Tab")
        expect(page.get_by_role("button", name="Discard for good")).to_be_focused()
        page.keyboard.press("Enter")
        expect(page.get_by_role("button", name="Discard for good")).to_have_count(0)
    expect(page.get_by_role("button", name=answer)).to_have_count(0)
    settle(page)
    now = focused(page)
    assert now["tag"] == "H3" and now["text"] == po_copy.name, now
    for _ in range(3):   # the title's own "Link to heading" first, then the toolbar
        page.keyboard.press("Tab")
        now = focused(page)
        assert not now["sidebar"] and "Skip to main content" not in now["text"], now
        if now["tag"] == "BUTTON":
            break
    assert now["text"].split("\n")[0] in ("Save", "Undo", "Download"), now


@pytest.mark.parametrize("menu, first", [("Download", "PO"),
                                         ("Save a copy as…", "New PO file (full path)")])
def test_a_menu_opened_with_enter_takes_the_focus(page, po_copy, menu, first):
    """Enter on "Download" or "Save a copy as…" opened the menu and left the focus on its
    button; Tab went on past it. Now the focus is on the menu's first control."""
    open_by_path(page, po_copy)
    page.get_by_role("button", name=menu, exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('[data-testid=\"stPopoverBody\"]')")
    now = focused(page)
    assert now["popover"] and first in (now["text"], now["label"]), now


# What the page shows on top at the middle of an element: its own (or its child's) test id, or
# the start of the covering element's HTML.
_ON_TOP = """e => { const r = e.getBoundingClientRect();
  const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return !top ? 'nothing' : e.contains(top) ? 'itself' : top.outerHTML.slice(0, 200); }"""


def on_top(page, locator) -> str:
    return locator.evaluate(_ON_TOP)


def uncovered(page, locator, timeout: float = 10.0) -> bool:
    """The element is on top at its middle, where a click lands, within `timeout` s. (Once in
    CI, under load, Playwright's click on the Expand sidebar button, visible, enabled and
    stable, timed out after 45 s: the click did not reach it. Should that come again, the
    failure names what covered it.)"""
    import time

    end = time.monotonic() + timeout
    while on_top(page, locator) != "itself":
        if time.monotonic() > end:
            return False
        page.wait_for_timeout(100)
    return True


def test_the_collapsed_sidebar_is_out_of_the_tab_order(page, po_copy):
    """A narrow window (or 200% zoom) collapses the sidebar off-screen; its controls stayed in
    the Tab order, invisible. Now Tab never enters it until it is opened again."""
    open_by_path(page, po_copy)
    page.set_viewport_size({"width": 700, "height": 900})
    sidebar = page.locator("section[data-testid='stSidebar']")
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    page.wait_for_timeout(500)   # its slide out
    page.locator("body").focus()
    entered = []
    for _ in range(40):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["sidebar"]:
            entered.append(now["text"] or now["label"])
    assert entered == []
    # 40 Tabs could end on "Skip to main content", shown while focused: it covered the button
    page.get_by_test_id("stSkipToContent").focus()
    expect(page.get_by_test_id("stSkipToContent")).to_be_focused()
    expand = page.get_by_test_id("stExpandSidebarButton")
    assert uncovered(page, expand), f"the Expand sidebar button is under {on_top(page, expand)}"
    expand.click()
    close = sidebar.get_by_role("button", name="Close")
    expect(close).to_be_visible()
    close.focus()
    expect(close).to_be_focused()


# A proofreader and a learner with the keyboard only: Ctrl+S on the correction form's buttons
# applies the typed text, then saves (it saved without it, and the page said all was saved);
# Space on a focused button presses it (Learn's Reveal shortcut took it); J and K step Learn's
# sentences with the focus still on the Mode options (they did nothing).

TYPED = "Typed, then Tab to the buttons, then Ctrl+S."


def sidebar(page):
    return page.locator("section[data-testid='stSidebar']")


def test_ctrl_s_on_the_forms_buttons_applies_then_saves(page, po_copy):
    from alignment.po import read_po

    open_by_path(page, po_copy)
    page.get_by_text("Correct a link").click()
    box = page.get_by_label("Edit the target sentence")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(TYPED)
    page.keyboard.press("Tab")   # the focus on the form's first button
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    page.keyboard.press("Control+s")
    expect(reader_table(page).locator("tr#link-1")).to_contain_text(TYPED)
    settle(page)
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    saved = read_po(po_copy)
    assert saved.tgt[saved.alignment.links[0].tgt[0]].text == TYPED


def to_learn_by_keys(page) -> int:
    """The Mode options reached and Learn chosen with an arrow key (Read, then Learn), as a
    keyboard user does; the sentence Learn opens at (a position kept from an earlier visit
    may be resumed)."""
    mode = sidebar(page).get_by_role("radiogroup").first
    mode.get_by_role("radio", name="Read", exact=True).focus()
    page.keyboard.press("ArrowDown")
    where = page.get_by_text(re.compile(r"Sentence \d+ of \d+"))
    expect(where).to_be_visible()
    settle(page)
    return int(re.search(r"Sentence (\d+) of", where.inner_text()).group(1))


def sentence(page, n: int):
    return page.get_by_text(re.compile(rf"Sentence {n} of \d+"))


def test_j_and_k_step_learn_with_the_focus_on_the_mode_options(page, po_copy):
    open_by_path(page, po_copy)
    at = to_learn_by_keys(page)
    assert page.evaluate("document.activeElement.type") == "radio"
    page.keyboard.press("j")
    expect(sentence(page, at + 1)).to_be_visible()
    settle(page)
    page.keyboard.press("k")
    expect(sentence(page, at)).to_be_visible()


def test_space_on_a_focused_button_presses_it_not_reveal(page, po_copy):
    open_by_path(page, po_copy)
    at = to_learn_by_keys(page)
    page.get_by_role("button", name=re.compile(r"Next sentence")).focus()
    page.keyboard.press(" ")
    expect(sentence(page, at + 1)).to_be_visible()
    settle(page)
    current = reader_table(page).locator("tr.current")
    expect(current.locator("details[open]")).to_have_count(0)   # not revealed


def test_shift_tab_pressed_before_the_apply_is_drawn_keeps_its_meaning(page, po_copy):
    """A translator applied with Ctrl+Enter and pressed Shift+Tab at once: it reached
    "✓ Reviewed, next", which the rerun then disabled (an edited link is reviewed), and the focus
    was handed on to the correction box, as if Shift+Tab had not been pressed; his counted Tabs
    were one short and the next Space pressed the wrong button. Now the focus goes back to the
    control before it ("Next to review ▶"), where Shift+Tab goes on a page already drawn."""
    open_by_path(page, po_copy)
    choose_link(page, 2)
    once_drawn(page, page.get_by_label("Edit the target sentence").click)
    page.keyboard.press("End")
    page.keyboard.type(" Applied, then Shift+Tab at once.")
    page.keyboard.press("Control+Enter")
    page.keyboard.press("Shift+Tab")   # before the page is drawn again
    expect(page.get_by_role("button", name="Unmark reviewed")).to_be_visible()
    settle(page, 800)
    assert focused_key(page) == "review_next"
    page.keyboard.press("Shift+Tab")   # "◀ Previous to review" is disabled: none before link 2
    assert focused_key(page) == "move_tgt_next"
