"""A first-day tester's reports, seen in the browser: the app read the bundled corpora whatever
ALIGNMENT_CORPORA_DIR said (`alignment corpus list` said "fr: cached" where the app's card said
"fr: missing"), and Learn mode offered "show" on an omission's empty side.

This module's server is started with ALIGNMENT_CORPORA_DIR naming a folder of corpora of its
own: a corpus the bundled folder lacks, and Serge's French fetched before into the corpus's own
cache/ folder (where fetched sides went before they moved into the cache root).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import OMISSION, open_by_path, reader_table, settle
from test_e2e_browser import streamlit_server

pytestmark = pytest.mark.e2e

FABLE = "A fable only this folder holds"


@pytest.fixture(scope="module")
def corpora(home) -> Path:
    """A folder of corpora: the bundled ones, a copy of the sample under another id and title,
    and Serge's French side fetched earlier into serge-1926/cache/."""
    from alignment.corpora import CORPORA_DIR

    root = home / "my-corpora"
    shutil.copytree(CORPORA_DIR, root, ignore=shutil.ignore_patterns("cache"))
    shutil.copytree(root / "sample", root / "fable")
    manifest = root / "fable" / "corpus.toml"
    text = manifest.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^id = .*$', 'id = "fable"', text)
    text = re.sub(r'(?m)^title = .*$', f'title = "{FABLE}"', text)
    manifest.write_text(text, encoding="utf-8")
    cache = root / "serge-1926" / "cache"
    cache.mkdir()
    (cache / "src.txt").write_text("Préface.\n\nLa répression est un métier.\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def server(sync_api, home, corpora) -> Iterator[str]:
    """conftest's server, with ALIGNMENT_CORPORA_DIR set (and no ALIGNMENT_CORPORA_CACHE: the
    fetched sides' cache is the cache root's)."""
    env = {"ALIGNMENT_EMBEDDER": "hashing", "ALIGNMENT_CORPORA_DIR": str(corpora),
           "ALIGNMENT_CACHE_DIR": str(home / "embed-cache"),
           "XDG_CACHE_HOME": str(home / "xdg"), "TMPDIR": str(home / "tmp")}
    with streamlit_server(home / "cwd", env) as url:
        yield url


def test_the_start_page_lists_the_corpora_of_alignment_corpora_dir(page):
    expect(page.get_by_text(FABLE)).to_be_visible()
    expect(page.get_by_text(re.compile(r"^fr: cached · en: bundled"))).to_be_visible()
    expect(page.get_by_text("fr: missing")).to_have_count(0)
    expect(page.get_by_role("button", name="Fetch the fr side")).to_have_count(0)


def hidden_cell(page, link: int, side: str):
    return reader_table(page).locator(f"tr#link-{link} td.{side}")


@pytest.mark.parametrize("hide, label, empty_link", [
    ("tgt", "en", OMISSION + 1),    # the 1-0: no translation to reveal
    ("src", "fr", OMISSION + 2),    # the 0-1: no original to reveal
])
def test_learn_offers_no_show_where_the_hidden_side_is_empty(page, po_copy, hide, label,
                                                           empty_link):
    open_by_path(page, po_copy)
    page.locator("section[data-testid='stSidebar']").get_by_text("Learn").click()
    page.locator(".st-key-hide").get_by_text(label, exact=True).click()
    settle(page)
    expect(hidden_cell(page, 1, hide).get_by_text("show", exact=True)).to_be_visible()
    empty = hidden_cell(page, empty_link, hide)
    expect(empty).to_have_class(re.compile(r"\bempty\b"))
    expect(empty.get_by_text("show", exact=True)).to_have_count(0)
    expect(empty.locator("details")).to_have_count(0)
