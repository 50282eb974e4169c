"""In a real browser: hovering a word lights up its counterpart on the other side.

Uses the streamlit server and Chromium fixtures of test_e2e_browser (hashing embedder: no
model), aligns the bundled sample, finds its word links, and hovers a name.
"""

from __future__ import annotations

from test_e2e_browser import CHROMIUM, CHROMIUM_ARGS, server, sync_api  # noqa: F401 (fixtures)

import pytest

pytestmark = pytest.mark.e2e

LIT = "rgb(179, 229, 252)"  # the hover colour of alignment.browse.word_css


def test_hovering_a_word_lights_up_its_counterpart(sync_api, server):  # noqa: F811
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(server)
            page.get_by_role("button", name="Align and open").first.click(timeout=60_000)
            page.get_by_role("button", name="Find word links").click(timeout=90_000)
            reader = page.locator("table.al-rows").last
            row = reader.locator("tr", has_text="Le vieux pont de Saint-Aubin").first
            word = row.locator("td.src mark.w", has_text="Saint-Aubin").first
            word.wait_for(timeout=90_000)
            group = [c for c in word.get_attribute("class").split() if c.startswith("wg")][0]
            counterpart = row.locator(f"td.tgt mark.{group}").first
            sync_api.expect(counterpart).to_have_text("Saint-Aubin")
            colour = "el => getComputedStyle(el).backgroundColor"
            assert counterpart.evaluate(colour) != LIT
            word.hover()
            page.wait_for_timeout(200)
            assert counterpart.evaluate(colour) == LIT
            other = row.locator("td.tgt mark.w:not(.%s)" % group).first
            assert other.evaluate(colour) != LIT  # only the counterpart lights up
        finally:
            browser.close()
