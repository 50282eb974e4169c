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
