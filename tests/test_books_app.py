"""Books in the app: the language guess reads a book's text, Downloads renders the EPUB (a DOCX
pair uploaded through the form, in a real browser: tests/e2e/test_align_form.py)."""

from __future__ import annotations

from alignment import browse
from alignment.read import read_bytes
from alignment.read import sample_text

from test_epub import novel
from test_read_formats import make_docx

FR = [("Chapitre un", ["La pluie avait cessé avant l'aube.", "Anna ouvrit les volets et regarda la "
                       "rue mouillée en bas."]),
      ("Chapitre deux", ["Personne ne vint ce matin-là.", "À midi, le boulanger avait vendu tout "
                         "son pain."])]


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

