"""With "Rows as in set.tmx alone" on, Download gave the set without the pair POs'
corrections under the set's own name (set.tmx, set.tsv) and no word in the menu (QA
2026-12-04, /tmp/s41/t_ver). The menu now says which rows its files hold, and the set alone
is set.alone.tmx. Mouse and keys in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import click_download, settle
from versions_set_helpers import ES, FR, build_set, open_set, sidebar, write_set

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
    sidebar(page).get_by_text("Rows as in set.tmx alone (without the pair POs)").click()
    settle(page)
    for fmt in ("TSV", "TMX"):
        name, text = downloaded(page, fmt)
        assert name == f"set.alone.{fmt.lower()}"
        assert ES[1] in text and FIXED not in text
        expect(menu).to_contain_text("Rows as in set.tmx alone, as the columns show now: "
                                     "without the pair POs beside it (their corrections left out)")
        page.keyboard.press("Escape")
