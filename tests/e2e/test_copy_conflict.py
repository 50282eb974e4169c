"""A save refused because the file changed on disk, then "Save a copy as…": the page says what
is true now, with mouse and keys as a person does it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import reader_table, save_copy_as, settle

pytestmark = pytest.mark.e2e

OUTSIDE = ("The villagers cross it", "The OUTSIDE villagers cross it")
TYPED = "It has seven arches, eighty-four metres from bank to bank."


@pytest.fixture
def sample_po(home) -> Path:
    """The sample card's PO, ./sample.po in the server's folder, as its Align and open writes
    it (listed before `page` so that the start page offers Open)."""
    from alignment.corpora import build_corpus
    from alignment.embed import HashingEmbedder
    from alignment.po import write_po

    path = home / "cwd" / "sample.po"
    path.unlink(missing_ok=True)
    write_po(build_corpus("sample", embedder=HashingEmbedder()), path)
    return path


def row(page, n: int):
    """Row of link n (1-based, as shown) in the reader's table."""
    return reader_table(page).locator(f"tr#link-{n}")


def test_a_copy_saved_after_a_conflict_clears_the_conflict_box(sample_po, page, tmp_path):
    """Ctrl+S refused (sample.po changed on disk meanwhile), then "Save a copy as…": the copy
    was written and opened, but the red "Not saved: …sample.po changed on disk" box stayed,
    its Reload and Download buttons acting on the copy. Now the box goes; the copy holds
    what the person typed, and sample.po keeps the other program's change."""
    from alignment.po import read_po

    page.locator(".st-key-open_sample button").click()   # the sample card's Open
    row(page, 3).wait_for()
    settle(page)
    page.get_by_text("Correct a link").click()
    number = page.get_by_label("Link (the blue row)")
    number.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    expect(number).to_have_value("3")
    settle(page)
    page.get_by_label("Edit the target sentence").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(TYPED)
    page.get_by_role("button", name="Apply edit").click()
    expect(row(page, 3)).to_contain_text(TYPED)
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    # Another program changes sample.po meanwhile.
    text = sample_po.read_text(encoding="utf-8")
    assert OUTSIDE[0] in text
    sample_po.write_text(text.replace(*OUTSIDE), encoding="utf-8")
    page.keyboard.press("Control+s")
    conflict = page.get_by_text(re.compile(r"Not saved: .*sample\.po changed on disk"))
    expect(conflict).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Reload from disk"))).to_be_visible()
    expect(page.get_by_role("button", name="Download your version (PO)")).to_be_visible()

    copy = tmp_path / "copy2.po"
    save_copy_as(page, copy)
    expect(page.get_by_text(f"Saved a copy as {copy}; it is the open file now.")).to_be_visible()
    expect(conflict).to_have_count(0)
    expect(page.get_by_text("changed on disk")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("Reload from disk"))).to_have_count(0)
    expect(page.get_by_role("button", name="Download your version (PO)")).to_have_count(0)
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    expect(page.get_by_text(re.compile(r"· " + re.escape(str(copy)) + "$"))).to_be_visible()
    expect(row(page, 3)).to_contain_text(TYPED)
    # The copy holds the person's version, sample.po the other program's.
    mine, theirs = read_po(copy), read_po(sample_po)
    third = mine.alignment.links[2]
    assert mine.tgt[third.tgt[0]].text == TYPED
    assert mine.link_text(3, "tgt").startswith(OUTSIDE[0])
    assert theirs.link_text(3, "tgt").startswith(OUTSIDE[1])
    assert TYPED not in sample_po.read_text(encoding="utf-8")
