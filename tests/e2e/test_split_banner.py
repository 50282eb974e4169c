"""The reader's banner about the file just aligned belongs to that file: after Close, another
file opened by its path was greeted with "Aligned de ↔ fr and written to <the first file>"."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e_helpers import open_by_path, reader_table, settle, upload_pair

pytestmark = pytest.mark.e2e


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
