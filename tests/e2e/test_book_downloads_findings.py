"""A whole book in the reader, with mouse and keys: the Download menu makes a file only when
its button is clicked, and Proofread pages through more findings than one list shows."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import long_bitext, open_by_path, reader_table, settle

LINKS = 2000
MADE = "[data-testid='stPopoverBody'] [data-testid='stDownloadButton']"   # a link to a file made


def book_with_number_slips(path: Path, every: int = 4, links: int = LINKS) -> int:
    """A `links`-link PO in which every `every`-th translation names another bridge number
    (a 'numbers' error each); returns how many."""
    from alignment.po import write_po
    from alignment.types import Sentence

    bitext = long_bitext(links)
    tgt = list(bitext.tgt)
    for k in range(0, links, every):
        tgt[k] = Sentence(f"Bridge number {k + 7} spans the river near the mill.", tgt[k].paragraph)
    write_po(replace(bitext, tgt=tuple(tgt)), path)
    return len(range(0, links, every))


def open_menu(page) -> None:
    settle(page)
    page.get_by_role("button", name="Download").click()
    page.get_by_role("button", name="EPUB", exact=True).wait_for(state="visible")
    settle(page)


def test_the_download_menu_makes_only_the_file_clicked_and_downloads_it(page, tmp_path):
    """A book's PO downloaded, then its edited version (the menu makes a file alike at any
    length: test_journeys' long-text download, which walked this same way, is part of this)."""
    import time

    from alignment.po import read_po

    path = tmp_path / "book.po"
    book_with_number_slips(path)
    open_by_path(page, path)
    open_menu(page)
    expect(page.get_by_role("button", name="TMX", exact=True)).to_be_visible()
    expect(page.locator(MADE)).to_have_count(0)   # opening the menu made no file
    started = time.monotonic()
    with page.expect_download() as info:
        page.get_by_role("button", name="PO", exact=True).click()   # one click: made, downloaded
    took = time.monotonic() - started
    assert info.value.suggested_filename == "book.po"
    first = read_po(Path(info.value.path()))
    assert len(first.alignment.links) == LINKS and not first.alignment.links[0].reviewed
    assert first.tgt[LINKS - 1].text == f"Bridge number {LINKS - 1} spans the river near the mill."
    expect(page.locator(MADE)).to_have_count(1)   # the PO alone; TMX, TSV, ... are not made
    with page.expect_download() as again:          # kept: a second click takes the same file
        page.get_by_role("button", name="PO", exact=True).click()
    assert Path(again.value.path()).read_bytes() == Path(info.value.path()).read_bytes()
    page.keyboard.press("Escape")
    page.get_by_text("Correct a link").click()
    page.get_by_role("button", name="✓ Mark reviewed").click()
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    open_menu(page)
    expect(page.locator(MADE)).to_have_count(0)   # an edit: the file made before is not offered
    with page.expect_download() as edited:
        page.get_by_role("button", name="TSV", exact=True).click()
    rows = Path(edited.value.path()).read_text(encoding="utf-8").splitlines()
    assert sum("Bridge number" in r for r in rows) == LINKS
    expect(page.locator(MADE)).to_have_count(1)
    with page.expect_download() as handout:        # a learner's page: translations hidden
        page.get_by_role("button", name="HTML handout (translations hidden)").click()
    assert handout.value.suggested_filename == "book-handout.html"
    text = Path(handout.value.path()).read_text(encoding="utf-8")
    assert '<body class="learner">' in text and text.count('tabindex="0"') == LINKS
    with page.expect_download() as edited_po:      # the PO made now holds the edit
        page.get_by_role("button", name="PO", exact=True).click()
    second = read_po(Path(edited_po.value.path()))
    assert second.alignment.links[0].reviewed and len(second.alignment.links) == LINKS
    print(f"{LINKS:,} links: PO clicked to PO downloaded in {took:.1f} s")


def findings_caption(page):
    return page.get_by_text(re.compile(r"^Findings [\d,]+–[\d,]+ of [\d,]+$"))


PAGE = 50   # findings a page lists (views/proofread.py's PAGE)


@pytest.mark.parametrize("every, total", [(2, 2 * PAGE + 10)])
def test_proofread_pages_through_every_finding_and_jumps_from_the_last_page(page, tmp_path,
                                                                            every, total):
    """110 findings of one check, chosen alone: the list shows 50 at a time, "Next 50"
    turns to the rest (there was no way to see the 51st), and a finding there still selects
    its link, whose row carries the ⚑ mark.
    Sized for what it checks: three pages (so "Previous" is seen going back one page, not to
    the first), and a finding on every second link (so a finding's number and its link's
    differ); the checks' time grows with the links (2,000 links took 55 s of 85)."""
    path = tmp_path / "book.po"
    assert book_with_number_slips(path, every, links=every * total) == total
    open_by_path(page, path)
    page.locator("section[data-testid='stSidebar']").get_by_text("Proofread").click()
    expect(page.get_by_text(re.compile(r"Proofreading: [\d,]+ findings"))).to_be_visible(
        timeout=180_000)
    page.locator(".st-key-p_checks input").click()
    page.keyboard.type("numbers")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    settle(page)
    jumps = page.locator(".st-key-findings_box").get_by_role("button", name=re.compile(r"^Go to link \d+$"))
    expect(findings_caption(page)).to_have_text(f"Findings 1–{PAGE} of {total}")
    expect(jumps).to_have_count(PAGE)
    expect(page.get_by_role("button", name=f"◀ Previous {PAGE}")).to_be_disabled()
    for first in (PAGE + 1, 2 * PAGE + 1):
        page.get_by_role("button", name=f"Next {PAGE} ▶").click()
        expect(findings_caption(page)).to_have_text(
            f"Findings {first}–{min(first + PAGE - 1, total)} of {total}")
    expect(jumps).to_have_count(total - 2 * PAGE)
    expect(page.get_by_role("button", name=f"Next {PAGE} ▶")).to_be_disabled()
    last = (total - 1) * every + 1   # the link (1-based) of the last finding
    button = jumps.last
    expect(button).to_have_text(f"→ {last}")
    button.scroll_into_view_if_needed()
    button.click()
    expect(page.get_by_label("Link (the blue row)")).to_have_value(str(last))
    row = reader_table(page).locator(f"tr#link-{last}")
    expect(row).to_have_class(re.compile("current"))
    expect(row.locator(".flag")).to_have_text("⚑1")
    expect(findings_caption(page)).to_have_text(f"Findings {2 * PAGE + 1}–{total} of {total}")   # kept
    page.get_by_role("button", name=f"◀ Previous {PAGE}").click()
    expect(findings_caption(page)).to_have_text(f"Findings {PAGE + 1}–{2 * PAGE} of {total}")
    expect(jumps.first).to_have_text(f"→ {PAGE * every + 1}")


def test_the_translation_downloads_as_word_with_the_correction_and_side_by_side(page, tmp_path):
    """A translator corrects link 1, then downloads the translation as a Word manuscript for
    the editor (named by its language, as the TXT is), then the pairs side by side."""
    import docx

    path = tmp_path / "book.po"
    book_with_number_slips(path)
    open_by_path(page, path)
    page.get_by_text("Correct a link").click()
    box = page.get_by_label("Edit the target sentence")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("The first bridge, corrected for the editor.")
    page.get_by_role("button", name="Apply edit").click()
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    open_menu(page)
    choice = page.locator(".st-key-office_layout")
    expect(choice.get_by_role("radio", name="Translation")).to_be_checked()
    with page.expect_download() as word:
        page.get_by_role("button", name="Word (.docx)", exact=True).click()
    assert word.value.suggested_filename == "book.en.docx"
    texts = [p.text for p in docx.Document(word.value.path()).paragraphs]
    assert texts[0].startswith("The first bridge, corrected for the editor. ")
    assert sum(t.count("spans the river") for t in texts) == LINKS - 1
    expect(page.locator(MADE)).to_have_count(1)
    choice.get_by_text("Side by side", exact=True).click()
    settle(page)
    with page.expect_download() as pairs:
        page.get_by_role("button", name="Word (.docx)", exact=True).click()
    assert pairs.value.suggested_filename == "book.docx"
    rows = docx.Document(pairs.value.path()).tables[0].rows
    assert len(rows) == LINKS + 1   # a header row, then a row per link
    assert rows[1].cells[1].text == "The first bridge, corrected for the editor."
    assert rows[1].cells[0].text.startswith("Le pont numéro 0")
