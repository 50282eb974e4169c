"""Proofread's checks on request: dropped negations, which `alignment check --only negation`
ran and the app could not (two proofreaders missed three dropped negations each), and words
that say the opposite of the original ('south' for 'norte'), asked by the same switch. Run with
the app's own encoder: both checks read the words' meaning."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import open_by_path

pytestmark = pytest.mark.e2e


def negation_po(path: Path) -> Path:
    """Four links, the second a dropped 'não' ('She liked being late.'), the fourth 'south' for
    'norte'."""
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    pairs = [("O pão estava quente.", "The bread was warm."),
             ("Ela não gostava de chegar atrasada.", "She liked being late."),
             ("O rio é largo.", "The river is wide."),
             ("Ela abriu a janela do lado norte.", "She opened the window on the south side.")]
    bitext = Bitext(tuple(Sentence(s, 0) for s, _ in pairs), tuple(Sentence(t, 0) for _, t in pairs),
                    Alignment(tuple(Link((k,), (k,), 0.95) for k in range(len(pairs)))), "pt", "en")
    return write_po(bitext, path)


def test_dropped_negations_are_looked_for_when_asked_and_the_choice_is_kept(
        context, use_server, tmp_path):
    page = context.new_page()
    page.goto(use_server)
    page.get_by_text("Align new texts").wait_for()
    open_by_path(page, negation_po(tmp_path / "pt-en.po"))
    sidebar = page.locator("section[data-testid='stSidebar']")
    sidebar.get_by_text("Proofread", exact=True).click()
    expect(page.get_by_text("Proofreading: 0 findings")).to_be_visible(timeout=60_000)
    page.get_by_text("Also look for dropped negations").click()
    expect(page.get_by_text("Proofreading: 2 findings")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("only the original says no here")).to_be_visible()
    expect(page.get_by_text("'south' may say the opposite of the original 'norte'")).to_be_visible()
    sidebar.get_by_text("Read", exact=True).click()       # another mode, and back: still asked
    sidebar.get_by_text("Proofread", exact=True).click()
    expect(page.get_by_text("Proofreading: 2 findings")).to_be_visible(timeout=60_000)
    expect(page.get_by_role("switch", name="Also look for dropped negations")).to_be_checked()
    page.get_by_text("Also look for dropped negations").click()
    expect(page.get_by_text("Proofreading: 0 findings")).to_be_visible(timeout=60_000)
    page.close()
