"""In Chromium, with clicks and keys: a reviser's place in a book. A jump to a link that the
search or a filter hides shows it (they are cleared, and that is said); the book reopens at
the link worked on, with its rows a page, after a reload and after Close; the start page says
what a draft holds.

The tester's report: with Find = "Alice", the heading of link 913 turned to page 6 at link
1,058 without a word; after F5, or Close and reopen, the book was back at link 1 with 50 rows
a page; two drafts of one file read exactly alike.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import choose_link, open_by_path, reader_table, settle

pytestmark = pytest.mark.e2e


def book(path: Path) -> Path:
    """Five chapters of a heading and 40 links (205 links); only chapter 5 names Alice; the
    links of chapter 4 are to review (fuzzy), but for its heading."""
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    src, tgt, par = [], [], 0
    for ch in range(1, 6):
        who = "Alice" if ch == 5 else "Marie"
        src.append(Sentence(f"CHAPITRE {ch}", par))
        tgt.append(Sentence(f"CHAPTER {ch}", par))
        src += [Sentence(f"{who} traverse le pont {ch}.{k}.", par + 1 + k // 5) for k in range(40)]
        tgt += [Sentence(f"{who} crosses bridge {ch}.{k}.", par + 1 + k // 5) for k in range(40)]
        par += 9
    links = [Link((k,), (k,), 0.95) for k in range(len(src))]
    for k in range(124, 164):
        links[k] = replace(links[k], confidence=0.3)
    write_po(Bitext(tuple(src), tuple(tgt), Alignment(tuple(links)), "fr", "en"), path)
    return path


def sidebar(page):
    return page.locator("section[data-testid='stSidebar']")


def caption(page, text: str):
    return page.get_by_text(text, exact=True).first


def test_a_jump_shows_its_link_and_the_book_reopens_where_it_was_worked_on(page, tmp_path):
    path = book(tmp_path / "book.po")
    open_by_path(page, path)
    rows = page.get_by_role("combobox", name="Rows per page")
    rows.click()
    rows.press("ArrowDown")
    page.get_by_role("option", name="25", exact=True).click()
    expect(caption(page, "Page 1 of 9 · rows 1–25 of 205")).to_be_visible()
    settle(page)

    # 1. A heading the search hides: the search is cleared, and that is said.
    find = page.locator(".st-key-q input")
    find.fill("Alice")
    find.press("Enter")
    expect(caption(page, "Page 1 of 2 · rows 1–25 of 40")).to_be_visible()
    settle(page)
    page.get_by_role("combobox", name=re.compile("Go to a heading")).click()
    page.get_by_role("option", name="124 · CHAPITRE 4").click()
    note = "To show link 124, the search “Alice” was cleared."
    expect(page.get_by_text(note)).to_be_visible()
    expect(caption(page, "Page 5 of 9 · rows 101–125 of 205")).to_be_visible()
    expect(find).to_have_value("")
    expect(reader_table(page).locator("tr#link-124")).to_be_in_viewport()
    settle(page)

    # ... and a link number typed, with a filter that hides it.
    sidebar(page).get_by_text("To review (fuzzy) only").click()
    expect(caption(page, "Page 1 of 2 · rows 1–25 of 40")).to_be_visible()
    choose_link(page, 180)
    expect(page.get_by_text("To show link 180, the filters were cleared.")).to_be_visible()
    expect(caption(page, "Page 8 of 9 · rows 176–200 of 205")).to_be_visible()
    expect(sidebar(page).get_by_role("checkbox", name="To review (fuzzy) only")).not_to_be_checked()
    edited = "Alice crosses the last bridge but twenty-five."
    page.get_by_label("Edit the target sentence").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(edited)
    page.get_by_role("button", name="Apply edit").click()
    expect(reader_table(page).locator("tr#link-180")).to_contain_text(edited)
    settle(page)

    # 2. and 3. Reloaded: the draft says what it holds, and recovered it opens at link 180,
    # 25 rows a page.
    page.reload()
    offer = page.locator("[data-testid='stHorizontalBlock']", has_text=str(path)).last
    expect(offer).to_contain_text(re.compile(r"1 unsaved change to book\.po .*: link 180 edited"))
    offer.get_by_role("button", name="Open and recover").click()
    expect(caption(page, "Page 8 of 9 · rows 176–200 of 205")).to_be_visible()
    expect(reader_table(page).locator("tr#link-180")).to_contain_text(edited)
    expect(reader_table(page).locator("tr#link-180")).to_be_in_viewport()
    expect(page.get_by_role("combobox", name="Rows per page")).to_have_value("25")
    settle(page)

    # Closed (saved) and opened again: there again; a file never read opens at the top.
    sidebar(page).get_by_role("button", name="Close").click()
    page.get_by_role("button", name="Save and close").click()
    expect(page.get_by_text("Align new texts")).to_be_visible()
    settle(page)
    open_by_path(page, path)
    expect(caption(page, "Page 8 of 9 · rows 176–200 of 205")).to_be_visible()
    sidebar(page).get_by_role("button", name="Close").click()
    expect(page.get_by_text("Align new texts")).to_be_visible()
    settle(page)
    open_by_path(page, book(tmp_path / "new.po"))
    expect(page.get_by_text(re.compile(r"^Page 1 of \d+ · rows 1–")).first).to_be_visible()
    expect(reader_table(page).locator("tr#link-1")).to_be_in_viewport()
