""""Split" in the correction panel, as a proofreader uses it: the link is cut where its halves
pair best, and the halves stay to review. Cut in the middle, a sentence was paired with the
one the translation added before its own, and both halves were marked reviewed (✓)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import choose_link, open_by_path, reader_table, settle, upload_pair

pytestmark = pytest.mark.e2e

ADDED = "It was raining hard that evening."
SOURCE = "Marie arrive à Lyon le 3 mai 1921."
OWN = "Marie arrives in Lyon on 3 May 1921."


def write_text(path: Path) -> None:
    """Three links; the second a 1-2 whose first target sentence the translation added."""
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    src = (Sentence("Le train part de Paris.", 0), Sentence(SOURCE, 0),
           Sentence("Elle dort à l'hôtel.", 1))
    tgt = (Sentence("The train leaves Paris.", 0), Sentence(ADDED, 0), Sentence(OWN, 0),
           Sentence("She sleeps at the hotel.", 1))
    links = (Link((0,), (0,), 0.95), Link((1,), (1, 2), 0.7), Link((2,), (3,), 0.95))
    write_po(Bitext(src, tgt, Alignment(links), "fr", "en"), path)


def test_split_pairs_the_sentence_with_its_own_translation_and_leaves_both_to_review(page,
                                                                                    tmp_path):
    po = tmp_path / "lyon.po"
    write_text(po)
    open_by_path(page, po)
    choose_link(page, 2)
    page.get_by_role("button", name="Split", exact=True).click()
    settle(page)
    rows = reader_table(page).locator("tr.row")
    expect(rows).to_have_count(4)
    expect(rows.nth(1)).to_contain_text(ADDED)
    expect(rows.nth(1)).not_to_contain_text(SOURCE)   # the added sentence stands alone (0-1)
    expect(rows.nth(2)).to_contain_text(SOURCE)
    expect(rows.nth(2)).to_contain_text(OWN)
    for k in (1, 2):
        expect(rows.nth(k).locator("[title='reviewed']")).to_have_count(0)
        expect(rows.nth(k).get_by_text("to review")).to_have_count(1)


# The reader's banner about the file just aligned belongs to that file: after Close, another
# file opened by its path was greeted with "Aligned de ↔ fr and written to <the first file>".
def test_the_aligned_banner_is_not_shown_on_another_file_opened_after_close(page, po_copy,
                                                                            tmp_path):
    fr = tmp_path / "horloge-fr.txt"
    en = tmp_path / "horloge-en.txt"
    fr.write_text("L'horloge sonne midi. Le village se met à table.\n", encoding="utf-8")
    en.write_text("The clock strikes noon. The village sits down to eat.\n", encoding="utf-8")
    upload_pair(page, fr, en)
    page.get_by_role("button", name="Align", exact=True).click()
    reader_table(page).locator("tr.row").first.wait_for(timeout=90_000)
    settle(page)
    expect(page.get_by_text("and written to")).to_be_visible()   # this file's own banner
    page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close").click()
    page.get_by_text("Align new texts").wait_for()
    open_by_path(page, po_copy)
    expect(page.get_by_text(po_copy.name).first).to_be_visible()
    expect(page.get_by_text("and written to")).to_have_count(0)
    expect(page.get_by_text("horloge-fr")).to_have_count(0)
