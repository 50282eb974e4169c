"""End to end, as the new user's report read the page (2026, /tmp/adv_user): a set of an
original and two English versions, opened by its path in `streamlit run app.py`, in
Debian's Chromium. A number one version changes has a marker with its reason, "Only rows
with a marker" keeps it, the summary counts the rows omitted and says what its same-language
column measures, and the set's heading and a pair opened from it name the texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_e2e_browser import CHROMIUM, CHROMIUM_ARGS, server, settle, sync_api  # noqa: F401  (fixtures)
from test_versions_markers import story_set
from test_versions_browser import open_set_by_path

pytestmark = pytest.mark.e2e


@pytest.fixture
def uploaded_like_set(tmp_path) -> Path:
    """The set as the app writes an upload: texts named after the files, the title the
    original's, a digest in the file name, a PO per pair beside it."""
    from alignment.versions_io import write_pair_pos, write_set_tmx

    vs = story_set()
    path = tmp_path / "histoire.fr--2-versions-5839a383.tmx"
    write_pair_pos(vs, str(path)[:-4])
    write_set_tmx(vs, path)
    return path


def test_a_changed_number_is_marked_and_the_summary_and_titles_read_plainly(
        uploaded_like_set, sync_api, server):
    api = sync_api
    with api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(server)
            open_set_by_path(page, uploaded_like_set)
            grid = page.locator("div.vs-grid").first
            grid.wait_for(timeout=60_000)
            heading = page.locator("[data-testid=stMarkdownContainer] p", has_text="5 rows")
            api.expect(heading).to_have_text("histoire.fr (original, 5 sentences) · story.en (5) · "
                                             "story2.en (4) · 5 rows")
            # the number: a marker, its reason in the tooltip; the omission keeps its own
            mark = grid.locator("#row-2")
            api.expect(mark).to_have_class("vs-mark flag")
            api.expect(mark).to_have_attribute(
                "title", "story.en: sixty-two (62) where the original says soixante-douze (72)")
            api.expect(grid.locator("#row-4")).to_have_attribute("title", "story2.en: nothing here")
            api.expect(grid.locator("div.vs-mark.flag")).to_have_count(2)   # not rows 1, 3, 5
            sidebar = page.locator("section[data-testid='stSidebar']")
            sidebar.get_by_text("Only rows with a marker").click()
            api.expect(page.get_by_text("Page 1 of 1 · 2 rows")).to_be_visible()
            api.expect(grid.locator("div.vs-mark")).to_have_count(2)
            sidebar.get_by_text("Only rows with a marker").click()
            api.expect(page.get_by_text("Page 1 of 1 · 5 rows")).to_be_visible()
            # the summary: counts under "rows omitted", the row numbers labelled as rows
            sidebar.get_by_text("Summary", exact=True).click()
            table = page.locator("table.vs-sum")
            story2 = table.locator("tr").nth(2)   # the heading's, story.en's, story2.en's
            api.expect(story2.locator("td").first).to_have_text("story2.en")
            api.expect(story2.locator("td").nth(3)).to_have_text("1")
            api.expect(story2.locator("td").nth(5)).to_have_text("omitted: row 4")
            api.expect(table.locator("th", has_text="which rows")).to_be_visible()
            api.expect(story2).to_contain_text("vs story.en: 100% of rows worded differently, ")
            api.expect(story2).to_contain_text("% of words shared")
            # a pair opened from the set is titled by its texts, not by its PO's file name
            page.get_by_role("button", name="Correct or learn histoire.fr–story.en").click()
            api.expect(page.locator("table.al-rows").last).to_contain_text(
                "He was sixty-two years old", timeout=60_000)
            settle(page)
            api.expect(page.get_by_role("heading", name="histoire.fr ↔ story.en (from the set "
                                        "histoire.fr, 2 versions)")).to_be_visible()
            api.expect(page.get_by_text("5839a383.histoire.fr-story.en.po", exact=True)).to_have_count(0)
        finally:
            browser.close()
