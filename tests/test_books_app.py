"""Books in the app: the language guess reads a book's text, Downloads renders the EPUB, and
(in a real browser) a DOCX pair uploaded through the form is aligned and shown."""

from __future__ import annotations

import pytest

from alignment import browse
from alignment.read import read_bytes
from alignment.read import sample_text

from test_e2e_browser import CHROMIUM, CHROMIUM_ARGS, server, sync_api, upload_pair  # noqa: F401  (fixtures)
from test_epub import novel
from test_read_formats import make_docx

FR = [("Chapitre un", ["La pluie avait cessé avant l'aube.", "Anna ouvrit les volets et regarda la "
                       "rue mouillée en bas."]),
      ("Chapitre deux", ["Personne ne vint ce matin-là.", "À midi, le boulanger avait vendu tout "
                         "son pain."])]
EN = [("Chapter one", ["The rain had stopped before dawn.", "Anna opened the shutters and looked at "
                       "the wet street below."]),
      ("Chapter two", ["Nobody came that morning.", "By noon the baker had sold all his bread."])]


def test_sample_text_reads_a_book_and_never_raises():
    text = sample_text("livre.docx", make_docx(FR))
    assert "La pluie avait cessé avant l'aube." in text and "PK" not in text
    assert browse.guess_language(text) == "fr"
    assert sample_text("broken.epub", b"PK\x03\x04 not a zip") == ""
    assert sample_text("notes.txt", "déjà".encode()) == "déjà"


def test_download_offers_the_epub():
    data = browse.export_bytes(novel(), "epub")
    doc = read_bytes(data, source="download.epub")
    assert [c.title for c in doc.chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]


@pytest.mark.e2e
def test_browser_aligns_an_uploaded_docx_pair(sync_api, server, tmp_path):  # noqa: F811
    src, tgt = tmp_path / "livre.docx", tmp_path / "book.docx"
    src.write_bytes(make_docx(FR, title="Un livre", footnote=False))
    tgt.write_bytes(make_docx(EN, title="A book", footnote=False))
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(server)
            upload_pair(page, src, tgt)
            button = page.get_by_role("button", name="Align", exact=True)
            sync_api.expect(button).to_be_enabled(timeout=60_000)
            button.click()
            reader = page.locator("table.al-rows").last
            row = reader.locator("tr", has_text="La pluie avait cessé avant l'aube.").first
            row.wait_for(timeout=90_000)
            sync_api.expect(row).to_contain_text("The rain had stopped before dawn.")
        finally:
            browser.close()
