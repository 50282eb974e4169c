"""What the journeys share: the fixture PO's omission, opening a PO by path, the reader's table."""

from __future__ import annotations

from pathlib import Path

from test_e2e_browser import settle, upload_pair  # noqa: F401  (the journeys import them from here)

OMISSION = 3  # 0-based link of the fixture PO split into a 1-0 and a 0-1 (drawn hatched)


def open_by_path(page, path: Path) -> None:
    """What a person does: type the path of a PO on the start page, click Open file."""
    box = page.locator(".st-key-po_path input")
    box.fill(str(path))
    box.press("Enter")
    page.get_by_role("button", name="Open file").click()
    reader_table(page).locator("tr.row").first.wait_for()
    settle(page)  # as a person waits for the page to finish loading


def reader_table(page):
    """The reader's table (the edit panel draws one row in a table of its own above it)."""
    return page.locator("table.al-rows").last
