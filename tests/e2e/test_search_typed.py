"""The reader's search box, typed in as a person does: a letter typed with an accent counts for
that letter only ('iñigo' found no 'Íñigo': its 'ñ' made the whole query accent-exact), and an
ordinal after an abbreviation's dot is its letter ('sra' found no 'Sr.ª'). And the sample's
word links, found from the reader: hovering a word lights up its counterpart."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import open_by_path, reader_table

pytestmark = pytest.mark.e2e

PAIRS = [("El niño de los Peña se llama Íñigo.", "The Peñas' boy is called Íñigo."),
         ("¡Vamos, ÍÑIGO, que llegamos tarde!", "Come on, Íñigo, we are late!"),
         ("La Sr.ª Silva vive aquí desde hace un año.", "Mrs Silva has lived here for a year."),
         ("El ano del perro.", "The dog's anus.")]
LIT = "rgb(179, 229, 252)"  # the hover colour of alignment.browse.word_css


@pytest.fixture
def spanish_po(tmp_path) -> Path:
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    bitext = Bitext(tuple(Sentence(s, 0) for s, _ in PAIRS), tuple(Sentence(t, 0) for _, t in PAIRS),
                    Alignment(tuple(Link((k,), (k,), 0.9) for k in range(len(PAIRS)))), "es", "en")
    return write_po(bitext, tmp_path / "es-en.po")


def type_search(page, query: str) -> None:
    """Click the search box, select what it holds, type the query, Enter."""
    page.locator(".st-key-q input").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(query)
    page.keyboard.press("Enter")


@pytest.mark.parametrize("query, marks", [
    ("iñigo", ["Íñigo", "Íñigo", "ÍÑIGO", "Íñigo"]),
    ("IÑIGO", ["Íñigo", "Íñigo", "ÍÑIGO", "Íñigo"]),
    ("año", ["año"]),                                  # an 'ñ' typed: not 'ano'
    ("sra", ["Sr.ª"]),
])
def test_the_search_box_finds_what_was_typed(page, spanish_po, query, marks):
    open_by_path(page, spanish_po)
    type_search(page, query)
    hits = reader_table(page).locator("mark.hit")
    expect(hits.first).to_be_visible()
    expect(hits).to_have_text(marks)


def test_hovering_a_word_lights_up_its_counterpart(page):
    """The sample aligned from its card (hashing embedder: no model), its word links found."""
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.get_by_role("button", name="Align and open").first.click(timeout=60_000)
    page.get_by_role("button", name="Find word links").click(timeout=90_000)
    reader = page.locator("table.al-rows").last
    row = reader.locator("tr", has_text="Le vieux pont de Saint-Aubin").first
    word = row.locator("td.src mark.w", has_text="Saint-Aubin").first
    word.wait_for(timeout=90_000)
    group = [c for c in word.get_attribute("class").split() if c.startswith("wg")][0]
    counterpart = row.locator(f"td.tgt mark.{group}").first
    expect(counterpart).to_have_text("Saint-Aubin")
    colour = "el => getComputedStyle(el).backgroundColor"
    assert counterpart.evaluate(colour) != LIT
    word.hover()
    page.wait_for_timeout(200)
    assert counterpart.evaluate(colour) == LIT
    other = row.locator("td.tgt mark.w:not(.%s)" % group).first
    assert other.evaluate(colour) != LIT  # only the counterpart lights up
