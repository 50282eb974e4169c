"""The set's rows mark a version's doubtful links as the pair's reader tints them: fr–en2's
links 14 and 15 were very unsure (0.24, 0.20) and wrong, yet the set showed no marker and
"Only rows with a marker" left them out (QA 2026-12-04, /tmp/s41/t_ver). Mouse and keys in
Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e_helpers import settle
from versions_set_helpers import TEXTS, build_set, open_set, sidebar, write_set

pytestmark = pytest.mark.e2e


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
