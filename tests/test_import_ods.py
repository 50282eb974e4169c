"""An OpenDocument sheet (.ods, LibreOffice Calc's own) read as a table of pairs and the
corrections written back into it: repeated rows and cells (a sheet's empty tail written once
for a million) read out only where they hold text; a corrected cell in a run of alike cells
cut out of it; every other cell as it was. Sheets written here with odfpy."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.errors import InputError
from alignment.import_ods import ods_rows
from alignment.import_pairs import read_pairs_noted
from alignment.types import Link, Sentence
from alignment.write_back import write_back
from test_write_back_tables import corrected


def ods(*rows: tuple[str | None, ...], tail: bool = True, before: tuple[tuple[str, ...], ...] = ()) -> bytes:
    """An .ods whose sheet 'Review' holds `rows` (None: an empty cell), each row ending in 1,000
    empty cells written once, and the sheet in a million empty rows, as Calc writes them;
    `before`: the rows of a first sheet, 'Read me'."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    if before:
        first = Table(name="Read me")
        for row in before:
            element = TableRow()
            for value in row:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=value))
                element.addElement(cell)
            first.addElement(element)
        document.spreadsheet.addElement(first)
    sheet = Table(name="Review")
    for row in rows:
        element = TableRow()
        for value in row:
            cell = TableCell(valuetype="string") if value is not None else TableCell()
            if value is not None:
                cell.addElement(P(text=value))
            element.addElement(cell)
        if tail:
            element.addElement(TableCell(numbercolumnsrepeated=1000))
        sheet.addElement(element)
    if tail:
        empty = TableRow(numberrowsrepeated=1048000)
        empty.addElement(TableCell(numbercolumnsrepeated=1024))
        sheet.addElement(empty)
    document.spreadsheet.addElement(sheet)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


SHEET = ods(("ID", "English", "French", "Comment"), ("41", "It rains.", "Il pleut.", "Tense?"),
            ("42", "I saw 3 dogs."))   # its translation cell one of the 1,000 empty ones after it


def test_an_ods_sheet_is_read_as_a_table_with_its_ids_and_comments() -> None:
    assert ods_rows(SHEET, "job.ods", 16) == [["ID", "English", "French", "Comment"],
                                              ["41", "It rains.", "Il pleut.", "Tense?"],
                                              ["42", "I saw 3 dogs."], []]
    bitext, notes = read_pairs_noted(SHEET, "job.ods")
    links = bitext.alignment.links
    assert (bitext.src_lang, bitext.tgt_lang) == ("en", "fr")
    assert [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt"), link.unit) for i, link in enumerate(links)] \
        == [("It rains.", "Il pleut.", "41"), ("I saw 3 dogs.", "", "42")]
    assert notes == ["Tense?", ""]


def test_corrections_go_back_into_the_cells_even_a_missing_translation() -> None:
    bitext = corrected(read_pairs_noted(SHEET, "job.ods")[0], 0, "Il pleut fort.")
    first, untranslated = bitext.alignment.links
    translated = Link(untranslated.src, (len(bitext.tgt),), 1.0)   # its cell, in a run of 1,000 empty ones
    fixed = replace(bitext, tgt=bitext.tgt + (Sentence("J'ai vu 3 chiens."),),
                    alignment=replace(bitext.alignment, links=(first, translated)))
    out, done = write_back(SHEET, "job.ods", fixed)
    assert (done.changed, done.unmatched) == (2, 0)
    assert ods_rows(out, "job.ods", 16) == [["ID", "English", "French", "Comment"],
                                            ["41", "It rains.", "Il pleut fort.", "Tense?"],
                                            ["42", "I saw 3 dogs.", "J'ai vu 3 chiens."], []]
    from odf.opendocument import load
    from odf.table import TableRow

    row = load(io.BytesIO(out)).spreadsheet.getElementsByType(TableRow)[2]   # the run cut around the cell
    assert [c.getAttribute("numbercolumnsrepeated") for c in row.childNodes] == [None, None, None, "999"]


def test_a_file_that_is_no_ods_is_refused_in_one_line() -> None:
    with pytest.raises(InputError, match=r"^a.ods: not a valid ODS file \(broken zip"):
        read_pairs_noted(b"ID;English;French\n", "a.ods")


def test_a_cell_inside_a_run_of_empty_ones_is_cut_out_with_the_run_around_it() -> None:
    """'ID, Source, Notes, Target': an untranslated row's Notes and Target cells are one run of
    empty cells; the Target corrected, the Notes cell stays empty before it and the rest after."""
    sheet = ods(("ID", "Source", "Notes", "Target"), ("1", "Il pleut.", "", "It rains."), ("2", "Fin."))
    bitext = read_pairs_noted(sheet, "job.ods", src_lang="fr", tgt_lang="en")[0]
    first, untranslated = bitext.alignment.links
    fixed = replace(bitext, tgt=bitext.tgt + (Sentence("The end."),), alignment=replace(
        bitext.alignment, links=(first, Link(untranslated.src, (len(bitext.tgt),), 1.0))))
    out, done = write_back(sheet, "job.ods", fixed)
    assert done.changed == 1
    assert ods_rows(out, "job.ods", 16)[2] == ["2", "Fin.", "", "The end."]


def test_the_sheet_with_the_pairs_is_read_and_corrected_not_the_first() -> None:
    sheet = ods(("Source (French)", "Target (English)"), ("Il pleut.", "It rain."), tail=False,
                before=(("Please review the sheet 'Review'.",), ("Thank you.",)))
    bitext = read_pairs_noted(sheet, "job.ods")[0]
    assert [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt"))
            for i in range(len(bitext.alignment.links))] == [("Il pleut.", "It rain.")]
    out, done = write_back(sheet, "job.ods", corrected(bitext, 0, "It rains."))
    assert done.changed == 1
    assert (bitext.src_lang, bitext.tgt_lang) == ("fr", "en")
    assert ods_rows(out, "job.ods", 16) == [["Source (French)", "Target (English)"], ["Il pleut.", "It rains."]]
    from odf.opendocument import load
    from odf.table import Table

    first = load(io.BytesIO(out)).spreadsheet.getElementsByType(Table)[0]
    assert first.getAttribute("name") == "Read me" and "Thank you." in str(first)


def _odfpy_rows(data: bytes) -> list[list[str]]:
    """The rows as the write-back's walk (odfpy) reads them, the reference for `ods_rows`."""
    from alignment.import_ods import _load, _sheet, _text, _walk

    rows = []
    for _, cells in _walk(_sheet(_load(data, "t.ods"), "t.ods"), 16):
        texts = [_text(c) for c in cells]
        while texts and not texts[-1]:
            texts.pop()
        rows.append(texts)
    return rows


_TEXT = st.lists(st.sampled_from(["a", "b", "é", " ", "    ", "\t", "\n", "x"]), max_size=6).map("".join)
_CELL = st.one_of(st.none(), _TEXT,
                  st.tuples(st.sampled_from(["covered", "spans", "two paragraphs"]), st.text("ab c", max_size=5)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(st.tuples(_CELL, st.integers(1, 3)), max_size=5), st.integers(1, 3)),
                max_size=6), st.booleans())
def test_property_the_rows_read_are_the_rows_the_write_back_walks(rows, two_sheets) -> None:
    """Whatever a sheet holds (runs of alike rows and cells, covered cells, spaces, tabs and
    line breaks written as elements, spans, paragraphs), the fast reader gives the rows the
    write-back's walk finds, cell for cell: a correction goes to the row it was read from."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.teletype import addTextToElement
    from odf.text import P, Span

    document = OpenDocumentSpreadsheet()
    if two_sheets:
        document.spreadsheet.addElement(Table(name="Read me"))
    sheet = Table(name="Review")
    for cells, repeat in rows:
        row = TableRow(numberrowsrepeated=repeat) if repeat > 1 else TableRow()
        for value, times in cells:
            kind, text = value if isinstance(value, tuple) else ("plain", value)
            cell = (CoveredTableCell if kind == "covered" else TableCell)(
                **({"numbercolumnsrepeated": times} if times > 1 else {}))
            if text is not None:
                paragraph = target = P()
                if kind == "spans":
                    paragraph.addElement(target := Span())
                addTextToElement(target, text)
                cell.addElement(paragraph)
                if kind == "two paragraphs":
                    cell.addElement(P(text=text + "!"))
            row.addElement(cell)
        sheet.addElement(row)
    document.spreadsheet.addElement(sheet)
    out = io.BytesIO()
    document.write(out)
    data = out.getvalue()
    assert ods_rows(data, "t.ods", 16) == _odfpy_rows(data)

