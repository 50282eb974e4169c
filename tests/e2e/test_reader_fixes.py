"""In Chromium, with clicks and keys: a Reload from the "made before you reloaded" box when
the file holds that version's corrections already says no false conflict and sets no draft
aside; a recovered draft counts every correction in it; a click on a row of the reader's
table selects that link.

One streamlit server for the module (tests/e2e/conftest.py); the PO is the bundled sample,
aligned with the hashing embedder.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import choose_link, open_by_path, reader_table, settle
# the sample PO, its copy per test and the helpers of the saving journeys (fixtures too)
from test_saving_reload import OUTSIDE, TYPED, correct_link, po_copy, row, sample_bytes, sidebar  # noqa: F401

pytestmark = pytest.mark.e2e

def change_on_disk(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def press(page, keys: str) -> None:
    reader_table(page).click(position={"x": 2, "y": 2})   # the keys go to the page
    page.keyboard.press(keys)
    settle(page)


def offered(page, po: Path):
    """The start page's "Unsaved corrections" line for `po`."""
    return page.locator("[data-testid='stHorizontalBlock']", has_text=str(po))


# ---------------------------------------------------------------- 1. reload from the box

def test_reload_from_the_box_when_the_file_holds_the_corrections_is_no_conflict(page, po_copy):
    """Link 3 corrected here, link 4 on disk; Reload makes both, Ctrl+S saves both. Undo past
    the reload and Ctrl+S: the box asks. Its Reload reads the file, which holds link 3's
    correction already: it said "Your corrections touch what was changed there" and set a
    draft aside, offered on the start page though nothing would be lost."""
    from alignment.po import read_po

    open_by_path(page, po_copy)
    correct_link(page, 3, TYPED)
    theirs = OUTSIDE[1]
    change_on_disk(po_copy, *OUTSIDE)
    press(page, "Control+s")
    page.get_by_role("button", name=re.compile("Reload from disk")).click()
    settle(page)
    expect(row(page, 4)).to_contain_text(theirs)
    press(page, "Control+s")
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    press(page, "Control+z")
    expect(row(page, 4)).not_to_contain_text(theirs)
    press(page, "Control+s")
    expect(page.get_by_text(re.compile("made before you reloaded"))).to_be_visible()
    page.get_by_role("button", name=re.compile(r"Reload from disk \(your version")).click()
    settle(page)
    expect(row(page, 3)).to_contain_text(TYPED)
    expect(row(page, 4)).to_contain_text(theirs)
    expect(page.get_by_text(re.compile("touch what was changed there"))).to_have_count(0)
    expect(page.get_by_text(re.compile("kept as a recovery draft"))).to_have_count(0)
    expect(page.get_by_text(re.compile("holds your corrections already"))).to_be_visible()
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    sidebar(page).get_by_role("button", name="Close").click()
    page.get_by_text("Align new texts").wait_for()
    settle(page)
    expect(offered(page, po_copy)).to_have_count(0)
    saved = read_po(po_copy)
    assert saved.link_text(2, "tgt") == TYPED and saved.link_text(3, "tgt").startswith(theirs)


# ---------------------------------------------------------------- 2. a recovered draft's count

@pytest.mark.parametrize("where", ["reader", "start page"])
def test_a_recovered_draft_counts_every_correction_in_it(page, po_copy, where):
    """Three corrections, the tab reloaded (the session gone, its draft kept): recovered from
    the reader's box or the start page's "Open and recover", the page said "1 unsaved change"
    (the draft is one Undo step). Now 3, and 4 after one more correction. The reader's box
    names the links, and its "Discard them" asks first (one click deleted the draft)."""
    open_by_path(page, po_copy)
    for n, text in ((2, "First typed."), (3, "Second typed."), (5, "Third typed.")):
        correct_link(page, n, text)
    expect(page.get_by_text("3 unsaved changes").first).to_be_visible()
    page.reload()
    page.get_by_text("Align new texts").wait_for()
    settle(page)
    expect(offered(page, po_copy).last).to_contain_text("3 unsaved changes")
    if where == "reader":   # the box names the links, and its Discard asks first
        open_by_path(page, po_copy)
        box = page.locator(".st-key-recovery_box")
        expect(box).to_contain_text("links 2, 3, 5 edited")
        expect(page.get_by_text(re.compile("one Undo takes them all back"))).to_be_visible()
        page.get_by_role("button", name="Discard them").click()
        expect(box).to_contain_text("Discard these corrections? They cannot be brought back.")
        page.get_by_role("button", name="Keep them").click()
        settle(page)
        expect(page.get_by_role("button", name="Discard for good")).to_have_count(0)
        page.get_by_role("button", name="Recover them").click()
    else:
        offered(page, po_copy).last.get_by_role("button", name="Open and recover").click()
    expect(row(page, 3)).to_contain_text("Second typed.")
    settle(page)
    expect(page.get_by_text("3 unsaved changes").first).to_be_visible()
    correct_link(page, 6, "Fourth typed.")
    expect(page.get_by_text("4 unsaved changes").first).to_be_visible()
    press(page, "Control+z")
    press(page, "Control+z")   # the whole draft, one Undo
    expect(row(page, 3)).not_to_contain_text("Second typed.")
    expect(page.get_by_text("unsaved change")).to_have_count(0)


# ---------------------------------------------------------------- 3. a click on a row

def test_a_click_on_a_row_chooses_that_link(page, po_copy):
    """A person clicks the sentence of row 5: it becomes the blue row, and the correction
    panel (opened) holds link 5's sentence. Before, a click on a row did nothing."""
    from alignment.po import read_po

    target = read_po(po_copy).link_text(4, "tgt")
    open_by_path(page, po_copy)
    row(page, 5).locator("td").last.click()
    settle(page)
    expect(page.get_by_label("Link (the blue row)")).to_have_value("5")
    expect(row(page, 5)).to_have_class(re.compile(r"\bcurrent\b"))
    expect(page.get_by_label("Edit the target sentence")).to_have_value(target)
    row(page, 2).locator("td").nth(1).click()   # the panel open now: the source cell of row 2
    settle(page)
    expect(page.get_by_label("Link (the blue row)")).to_have_value("2")
    expect(row(page, 2)).to_have_class(re.compile(r"\bcurrent\b"))


def test_a_click_on_a_row_asks_before_typing_not_applied_is_lost(page, po_copy):
    """Text typed in the correction box and not applied: a click on another row asks first;
    answered 'no', the link and the typing stay."""
    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    open_by_path(page, po_copy)
    choose_link(page, 3)
    page.get_by_label("Edit the target sentence").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(TYPED)
    row(page, 6).locator("td").last.click()
    settle(page)
    assert len(asked) == 1 and "not applied" in asked[0]
    expect(page.get_by_label("Link (the blue row)")).to_have_value("3")
    expect(page.get_by_label("Edit the target sentence")).to_have_value(TYPED)
