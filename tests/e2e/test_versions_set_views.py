"""A set of versions on screen: three things a scholar met (QA 2026-12-04), each checked with
mouse and keys in Chromium:

- With "Rows as in set.tmx alone" on, Download gave the set without the pair POs'
  corrections under the set's own name (set.tmx, set.tsv) and no word in the menu. The menu
  now says which rows its files hold, and the set alone is set.alone.tmx. Its HTML (every
  text side by side, QA 2026-12-05) holds the same rows.

- The set's rows mark a version's doubtful links as the pair's reader tints them: fr–en2's
  links 14 and 15 were very unsure (0.24, 0.20) and wrong, yet the set showed no marker and
  "Only rows with a marker" left them out.

- "Search all versions" reads every text of the set, not only the columns on screen: with an
  original and four versions, one text is always hidden (the columns hold four), and a word
  only it has gave "0 rows matching". A row found only in a hidden text says which.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import click_download, settle
from versions_set_helpers import ES, FR, NL, TEXTS, build_set, open_set, sidebar, write_set

pytestmark = pytest.mark.e2e


FIXED = "La llave estaba escondida bajo la piedra plana."


def downloaded(page, fmt: str) -> tuple[str, str]:
    """The file the Download menu's `fmt` button gives: its name and its text."""
    got = click_download(page, fmt)
    return got.suggested_filename, Path(got.path()).read_text(encoding="utf-8")


def test_the_set_alone_is_named_apart_and_the_menu_says_which_rows(page, tmp_path):
    texts = {"fr": FR, "es": ES}
    corrected = build_set({"fr": FR, "es": [ES[0], FIXED, *ES[2:]]})
    open_set(page, write_set(tmp_path / "alone", build_set(texts), pairs_from=corrected))
    menu = page.locator("[data-testid='stPopoverBody']")
    name, text = downloaded(page, "TSV")
    assert name == "set.tsv" and FIXED in text
    expect(menu).to_contain_text("Rows as the columns show: set.tmx with the pair POs beside "
                                 "it joined in (their corrections)")
    page.keyboard.press("Escape")
    name, text = downloaded(page, "HTML")   # every text side by side, to print or read offline
    assert name == "set.html" and f"<p>{FIXED}</p>" in text and ES[1] not in text
    assert text.count('<tr id="row-') == len(FR) and '<td data-name="es" lang="es"' in text
    page.keyboard.press("Escape")
    sidebar(page).get_by_text("Rows as in set.tmx alone (without the pair POs)").click()
    settle(page)
    for fmt in ("TSV", "TMX", "HTML"):
        name, text = downloaded(page, fmt)
        assert name == f"set.alone.{fmt.lower()}"
        assert ES[1] in text and FIXED not in text
        expect(menu).to_contain_text("Rows as in set.tmx alone, as the columns show now: "
                                     "without the pair POs beside it (their corrections left out)")
        page.keyboard.press("Escape")


def test_very_unsure_and_to_review_links_are_marked_with_their_version(page, tmp_path):
    vs = build_set(TEXTS, {"es": {1: 0.24, 2: 0.20}, "it": {4: 0.8}})
    open_set(page, write_set(tmp_path / "doubts", vs))
    grid = page.locator("div.vs-grid").first
    flags = grid.locator("div.vs-mark.flag")
    expect(flags).to_have_text(["2 ⚑", "3 ⚑", "5 ⚑"])
    assert [f.get_attribute("title") for f in flags.all()] == [
        "es: very unsure link (confidence 0.24)", "es: very unsure link (confidence 0.20)",
        "it: link to review (confidence 0.80)"]
    expect(grid.locator("div.vs-mark:not(.flag)")).to_have_text(["1", "4"])
    sidebar(page).get_by_text("Only rows with a marker").click()
    settle(page)
    expect(page.get_by_text("Page 1 of 1 · 3 rows", exact=True)).to_be_visible()
    expect(grid.locator("div.vs-mark")).to_have_text(["2 ⚑", "3 ⚑", "5 ⚑"])


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
