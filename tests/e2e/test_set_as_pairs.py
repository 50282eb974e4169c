"""A version set uploaded in the start page's box for files of pairs, as a tester comparing
translations did (QA 2026-12-04): the set of a French original, its French revision and
English opened at once as French -> English, and a set of two English versions offered
"en, es", the second English version out of reach. Its versions are now offered by name, the
page says it is a set, and the version chosen is the one read."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e_helpers import reader_table, settle

pytestmark = pytest.mark.e2e

ORIG = ("Il avait soixante-douze francs.", "Le port dormait.")
REVISED = ("Il avait quatre-vingts francs.", "Le port dormait encore.")
EN1 = ("He had seventy-two francs.", "The harbour slept.")
EN2 = ("He had eighty francs.", "The port was asleep.")
ES = ("Tenía setenta y dos francos.", "El puerto dormía.")


def write_set(path, *texts: tuple[str, tuple[str, ...]]):
    """A set's TMX as `alignment align ORIGINAL V1 V2 -o SET.tmx` writes it."""
    from alignment.types import Alignment, Link, Sentence, Version
    from alignment.versions import join, version_names
    from alignment.versions_io import write_set_tmx

    langs = [lang for lang, _ in texts]
    versions = tuple(Version(n, lang, tuple(Sentence(s) for s in sents))
                     for n, (lang, sents) in zip(version_names(langs), texts))
    pair = Alignment(tuple(Link((i,), (i,), 0.9) for i in range(len(texts[0][1]))))
    return write_set_tmx(join(versions, [pair] * (len(texts) - 1), title="orig"), path)[0]


def upload_and_open(page, path) -> None:
    page.locator(".st-key-po_upload input[type=file]").set_input_files(str(path))
    settle(page)
    page.get_by_role("button", name="Open upload").click()
    settle(page)


def choose(page, option: str) -> None:
    """Choose the version offered, with the mouse, and open it with the button."""
    page.locator(".st-key-pairs_tgt").click()
    page.get_by_role("option", name=option, exact=True).click()
    settle(page)
    page.get_by_role("button", name="Open upload").click()


def test_a_set_of_two_english_versions_opens_the_second_by_its_name(page, tmp_path):
    path = write_set(tmp_path / "set.tmx", ("fr", ORIG), ("en", EN1), ("en", EN2), ("es", ES))
    upload_and_open(page, path)
    expect(page.get_by_text("set.tmx is a version set: fr and its versions en1, en2, es")).to_be_visible()
    expect(page.get_by_text("“Compare versions” below")).to_be_visible()
    expect(page.get_by_text("set.tmx holds translations into en1, en2, es: choose")).to_be_visible()
    choose(page, "en2")
    expect(page.get_by_role("heading", name="set.tmx (en2)")).to_be_visible()
    table = reader_table(page)
    expect(table).to_contain_text(EN2[1])
    expect(table).not_to_contain_text(EN1[1])


def test_a_set_with_a_french_revision_asks_and_reads_the_revision(page, tmp_path):
    path = write_set(tmp_path / "samelang.tmx", ("fr", ORIG), ("fr", REVISED), ("en", EN1))
    upload_and_open(page, path)
    expect(page.get_by_text("samelang.tmx holds translations into fr2, en: choose")).to_be_visible()
    expect(page.locator("table.al-rows")).to_have_count(0)   # it opened fr -> en without a word
    choose(page, "fr2")
    table = reader_table(page)
    expect(table).to_contain_text(REVISED[0])
    expect(table).to_contain_text(ORIG[0])
    expect(table).not_to_contain_text(EN1[0])
