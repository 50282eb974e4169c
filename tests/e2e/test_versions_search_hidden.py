""""Search all versions" reads every text of the set, not only the columns on screen: with an
original and four versions, one text is always hidden (the columns hold four), and a word
only it has gave "0 rows matching" (QA 2026-12-04, /tmp/s41/t_ver). A row found only in a
hidden text says which. Mouse and keys in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e_helpers import settle
from versions_set_helpers import NL, TEXTS, build_set, open_set, sidebar, write_set

pytestmark = pytest.mark.e2e


def search(page, words: str) -> None:
    box = page.get_by_label("Search all versions")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(words)
    page.keyboard.press("Enter")
    settle(page)


def test_a_word_only_a_hidden_text_has_is_found_and_its_text_named(page, tmp_path):
    open_set(page, write_set(tmp_path / "five", build_set({**TEXTS, "nl": NL})))
    heads = page.locator("div.vs-grid").first.locator("div.vs-head")
    expect(heads).to_have_text(["", "fr · fr", "en · en", "es · es", "it · it"])  # de, nl hidden
    search(page, "Schlüssel")
    expect(page.get_by_text("Page 1 of 1 · 1 row matching “Schlüssel” (1 only in hidden "
                            "column: de)")).to_be_visible()
    grid = page.locator("div.vs-grid").first
    expect(grid.locator("div.vs-mark")).to_have_text(["2"])
    expect(grid.locator("div.vs-note")).to_have_text(["Search: found only in de (hidden column)"])
    # a word the columns show and hidden texts share: found, highlighted, the others named
    search(page, "Marie")
    expect(page.get_by_text("Page 1 of 1 · 1 row matching “Marie”", exact=True)).to_be_visible()
    expect(grid.locator("mark.hit")).to_have_text(["Marie", "Marie"])
    expect(grid.locator("div.vs-note")).to_have_text(
        ["Search: also found in de, nl (hidden columns)"])
    # de shown again (a click on the Columns box, its name typed): no note, its word marked
    sidebar(page).locator("[data-testid='stMultiSelect']").first.locator(
        "[aria-label='Remove it']").click()
    settle(page)
    sidebar(page).locator("[data-testid='stMultiSelect']").first.locator("input").click()
    page.keyboard.type("de")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    settle(page)
    search(page, "Schlüssel")
    expect(page.get_by_text("Page 1 of 1 · 1 row matching “Schlüssel”", exact=True)).to_be_visible()
    expect(grid.locator("div.vs-note")).to_have_count(0)
    expect(grid.locator("mark.hit")).to_have_text(["Schlüssel"])

