"""A proofreader and a learner with the keyboard only, in Chromium: Ctrl+S on the correction
form's buttons applies the typed text, then saves (it saved without it, and the page said all
was saved); Space on a focused button presses it (Learn's Reveal shortcut took it); J and K
step Learn's sentences with the focus still on the Mode options (they did nothing)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from e2e_helpers import open_by_path, reader_table, settle

pytestmark = pytest.mark.e2e

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


def to_learn_by_keys(page) -> None:
    """The Mode options reached and Learn chosen with arrow keys, as a keyboard user does."""
    mode = sidebar(page).get_by_role("radiogroup").first
    mode.get_by_role("radio").first.focus()
    for _ in range(3):
        if page.get_by_text(re.compile(r"Sentence \d+ of \d+")).count():
            break
        page.keyboard.press("ArrowDown")
        settle(page)
    expect(page.get_by_text(re.compile(r"Sentence 1 of \d+"))).to_be_visible()


def test_j_and_k_step_learn_with_the_focus_on_the_mode_options(page, po_copy):
    open_by_path(page, po_copy)
    to_learn_by_keys(page)
    assert page.evaluate("document.activeElement.type") == "radio"
    page.keyboard.press("j")
    expect(page.get_by_text(re.compile(r"Sentence 2 of \d+"))).to_be_visible()
    settle(page)
    page.keyboard.press("k")
    expect(page.get_by_text(re.compile(r"Sentence 1 of \d+"))).to_be_visible()


def test_space_on_a_focused_button_presses_it_not_reveal(page, po_copy):
    open_by_path(page, po_copy)
    to_learn_by_keys(page)
    page.get_by_role("button", name=re.compile(r"Next sentence")).focus()
    page.keyboard.press(" ")
    expect(page.get_by_text(re.compile(r"Sentence 2 of \d+"))).to_be_visible()
    settle(page)
    current = reader_table(page).locator("tr.current")
    expect(current.locator("details[open]")).to_have_count(0)   # not revealed
