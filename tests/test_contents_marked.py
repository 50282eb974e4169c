"""The reader's "Go to a heading" list follows the headings each text's reader marked
(Bitext.heading_paragraphs: a PDF's larger type, HTML's h1-h6) where it knows them: a PDF's
author line and a table's rows read as headings by the text rule and were listed (session-45
tester). The marks travel in the PO header (X-Alignment-Headings) and its snapshot."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_contents import bitext, prose
from test_read_pdf_columns import FULL, _lines, _pdf, _title_page

from alignment import contents_update
from alignment.contents import Heading, headings
from alignment.errors import POFormatError
from alignment.pipeline import align_documents
from alignment.po import read_po, write_po
from alignment.read.pdf import read_pdf
from alignment.snapshot import _decode, _encode
from alignment.types import Bitext, Document


def title_page() -> Bitext:
    """A title, an author line and a table row (each a lone short paragraph that reads as a
    heading), a chapter heading ending with a full stop (which does not), prose between."""
    src = ([("Le vieux pont", 0), ("Marie Durand", 1)] + prose(9, 2)
           + [("Arches 7", 5), ("Le pont fut construit en 1820, dit-on.", 6)] + prose(9, 7))
    tgt = ([("The Old Bridge", 0), ("Marie Durand", 1)] + prose(9, 2)
           + [("Arches 7", 5), ("The bridge was built in 1820, they say.", 6)] + prose(9, 7))
    return bitext(src, tgt)


MARKED = (frozenset({0, 6}), frozenset({0, 6}))


@pytest.mark.parametrize("marks, expected", [
    # no reader said (pairs imported, an older PO): the text rule, author line and row included
    (None, [(0, "Le vieux pont"), (1, "Marie Durand"), (11, "Arches 7")]),
    # the readers' marks: only the title and the heading, however it reads
    (MARKED, [(0, "Le vieux pont"), (12, "Le pont fut construit en 1820, dit-on.")]),
    # a reader that marked none did not know the headings (a page of bare <p>): the text rule
    # on that side; the other side's marks where the first names none
    ((frozenset(), frozenset({0, 6})), [(0, "Le vieux pont"), (1, "Marie Durand"), (11, "Arches 7"),
                                        (12, "The bridge was built in 1820, they say.")]),
])
def test_the_readers_marks_decide_where_they_are_known(marks, expected) -> None:
    text = replace(title_page(), heading_paragraphs=marks)
    assert [(h.link, h.text) for h in headings(text)] == expected
    assert contents_update.headings(text) == headings(text)


def test_a_date_line_marked_by_its_reader_is_still_no_heading() -> None:
    text = replace(bitext([("Le vieux pont", 0), ("mars 1925", 1)] + prose(9, 2),
                          [("The Old Bridge", 0), ("March 1925", 1)] + prose(9, 2)),
                   heading_paragraphs=(frozenset({0, 1}), frozenset({0, 1})))
    assert headings(text) == (Heading(0, "Le vieux pont"),)


def test_the_marks_go_through_the_po_and_its_snapshot(tmp_path) -> None:
    text = replace(title_page(), heading_paragraphs=MARKED)
    write_po(text, tmp_path / "t.po")
    assert "X-Alignment-Headings: src 1 7 / tgt 1 7" in (tmp_path / "t.po").read_text()
    back = read_po(tmp_path / "t.po")
    assert back.heading_paragraphs == MARKED and headings(back) == headings(text)
    assert _decode(_encode(text, "test", "f"), "f")[0] == text
    write_po(title_page(), tmp_path / "old.po")
    assert "X-Alignment-Headings" not in (tmp_path / "old.po").read_text()
    assert read_po(tmp_path / "old.po").heading_paragraphs is None


def test_a_damaged_headings_line_is_named(tmp_path) -> None:
    write_po(replace(title_page(), heading_paragraphs=MARKED), tmp_path / "t.po")
    po = tmp_path / "t.po"
    po.write_text(po.read_text().replace("src 1 7 / tgt 1 7", "chapter one"))
    with pytest.raises(POFormatError, match="X-Alignment-Headings 'chapter one'.*delete that header line"):
        read_po(po)


def test_a_pdf_title_page_lists_its_title_not_its_author_line(tmp_path) -> None:
    """Read as the app reads an upload, aligned, saved and opened again: the author line under
    the title, a lone short line, is not in the contents."""
    def pdf(title: str, author: str, chapter: str) -> Document:
        after = [(author, 10.5, 15, 45)]
        body = [(chapter, 13, 15, 25)] + _lines(FULL * 3, top=35)
        return read_pdf(_pdf([*_title_page([title], after), body]), "t.pdf")

    fr = pdf("Le vieux pont", "Marie Durand", "2. La crue")
    en = pdf("The Old Bridge", "Marie Durand", "2. The Flood")
    assert "Marie Durand" in fr.paragraphs and fr.paragraphs.index("Marie Durand") not in fr.headings
    text = align_documents(fr, en, src_lang="fr", tgt_lang="en", embedder="hashing")
    listed = [h.text for h in headings(text)]
    assert "Le vieux pont" in listed and "2. La crue" in listed and "Marie Durand" not in listed
    write_po(text, tmp_path / "t.po")
    assert [h.text for h in headings(read_po(tmp_path / "t.po"))] == listed



def test_the_pipeline_keeps_the_marks_without_date_lines() -> None:
    """Date lines are marked only so the segmenter keeps them whole; a text with no other mark
    stores none, and its contents come from the text rule."""
    paragraphs = ("Le vieux pont", "mars 1925", *(f"Le pont numéro {k} enjambe la rivière." for k in range(9)))
    en = ("The Old Bridge", "March 1925", *(f"Bridge number {k} spans the river." for k in range(9)))
    text = align_documents(Document(paragraphs, headings=frozenset({0, 1})), Document(en, headings=frozenset({1})),
                           src_lang="fr", tgt_lang="en", embedder="hashing")
    assert text.heading_paragraphs == (frozenset({0}), frozenset())
    assert headings(text) == (Heading(0, "Le vieux pont"),)
