"""Pairs from an OpenDocument sheet (.ods, LibreOffice Calc's own), read as a table's, and the
corrections written back into it.

Part of the store stage, beside import_sheets.py (Excel sheets, Word review tables) and
write_back_tables.py, which call it. Why: a reviewer on LibreOffice sends a bilingual sheet
as .ods, which had to be saved as .xlsx or CSV first. Its rows go through the same rules as a
CSV's (import_tables.py: the header's names and languages, the id and comment columns).

An .ods writes a run of alike rows or cells once, with a repeat count: a sheet's empty tail is
one row 'repeated' a million times and 1,024 empty cells. So a repeated row or cell is read out
only where it holds text (a repeated empty row is one empty row; cells past SHEET_MAX_COLUMNS
are not read), and the walk that reads the rows is the one that finds a cell to write into, so
their numbers agree. A corrected cell that stands for several (repeated) is refused in one line.

Libraries, and why: lxml reads the rows (`ods_rows`: 100,000 rows in 3.5 s and 290 MB, where
odfpy took 18 s and 800 MB); odfpy (already the project's, for .odt: read/office.py) writes
the corrections back, its elements being the file's XML, so a copy written back keeps every
other cell, sheet and style. Both walk the rows alike (a hypothesis property holds them equal);
the file is checked as a zip first (read.book.open_zip). The sheet read is the one with the pairs
(import_sheets.pairs_sheet; the first sheet, where several could be).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from itertools import islice
from xml.sax import SAXException

from .errors import InputError
from .read.book import open_zip
from .read.office import _LIB_ERRORS

__all__ = ["ods_rows", "ods_rows_noted", "ods_written"]


def ods_rows(data: bytes, name: str, max_columns: int) -> list[list[str]]:
    """The rows of an .ods file's sheet with the pairs (`ods_rows_noted`)."""
    return ods_rows_noted(data, name, max_columns)[0]


def ods_rows_noted(data: bytes, name: str, max_columns: int) -> tuple[list[list[str]], str]:
    """The rows of an .ods file's sheet with the pairs, each cell as its text ('' for an empty
    one), trailing empty cells left out, and which sheet that was where there are several
    (import_sheets.sheet_read). Read with lxml, row for row as odfpy's walk below
    reads them (the write-back's, which must find the same rows: a test holds them equal):
    odfpy built a Python object per node, and a sheet of 100,000 rows (38 MB of XML) took
    18 s and 800 MB to read."""
    from lxml import etree

    archive = open_zip(data, name, "ODS")
    try:
        root = etree.fromstring(archive.read("content.xml"), etree.XMLParser(
            resolve_entities=False, no_network=True, huge_tree=True))
    except (KeyError, etree.XMLSyntaxError, *_LIB_ERRORS) as e:
        raise InputError(f"{name}: not an OpenDocument sheet this can read ({type(e).__name__}); open "
                         "it and save it again as .ods or .xlsx, or the table as CSV") from None
    book = next(root.iter(_ODF["office"] + "spreadsheet"), None)
    if book is None:
        raise InputError(f"{name} is an OpenDocument file but no sheet; a text goes to alignment align")
    sheets = list(book.iter(_ODF["table"] + "table"))
    if not sheets:
        raise InputError(f"{name} holds no sheet; save the one with the pairs as .ods again")
    from .import_sheets import HEAD_ROWS, pairs_sheet, sheet_read

    heads = [list(islice(_lxml_rows(sheet, max_columns), HEAD_ROWS)) for sheet in sheets]
    k = pairs_sheet(heads)
    rows = []
    for texts in _lxml_rows(sheets[k], max_columns):
        while texts and not texts[-1]:
            texts.pop()
        rows.append(texts)
    titles = [sheet.get(_ODF["table"] + "name") or f"Sheet{j + 1}" for j, sheet in enumerate(sheets)]
    return rows, sheet_read(titles, k)


_ODF = {"office": "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}",
        "table": "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}",
        "text": "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"}


def _lxml_rows(sheet, max_columns: int) -> Iterator[list[str]]:
    """Each row's cell texts, as `_walk` and `_text` read them (repeats read out likewise)."""
    t = _ODF["table"]
    kinds = (t + "table-cell", t + "covered-table-cell")
    for row in sheet.iter(t + "table-row"):
        texts: list[str] = []
        for cell in row:
            if cell.tag in kinds:
                text = "\n".join(_lxml_text(p) for p in cell.iter(_ODF["text"] + "p"))
                texts += [text] * min(int(cell.get(t + "number-columns-repeated") or 1), max_columns - len(texts))
            if len(texts) >= max_columns:
                break
        for _ in range(int(row.get(t + "number-rows-repeated") or 1) if any(texts) else 1):
            yield list(texts)


def _lxml_text(element) -> str:
    """odfpy's teletype.extractText: text, spaces (text:s), tabs and line breaks, descending."""
    n = _ODF["text"]
    out = [element.text or ""]
    for child in element:
        if child.tag == n + "line-break":
            out.append("\n")
        elif child.tag == n + "tab":
            out.append("\t")
        elif child.tag == n + "s":
            out.append(" " * int(child.get(n + "c") or 1))
        elif isinstance(child.tag, str):
            out.append(_lxml_text(child))
        out.append(child.tail or "")
    return "".join(out)


def ods_written(original: bytes, name: str, col: int, fixes: dict[int, str], max_columns: int) -> bytes:
    """A copy of the .ods `original` with the cell in column `col` of each row of `fixes` (row
    numbers as `ods_rows` counts them) holding the corrected text, as a text cell."""
    from odf.text import P

    document = _load(original, name)
    rows = list(_walk(_sheet(document, name), max_columns))
    for row, text in fixes.items():
        element, cells = rows[row]
        if col >= len(cells) or int(element.getAttribute("numberrowsrepeated") or 1) > 1:
            raise InputError(f"{name}: row {row + 1} stands for several alike rows, or has no cell for "
                             "the translation; export the pairs as TSV instead (--tsv FILE)")
        cell = _own_cell(cells, col)
        for paragraph in list(cell.childNodes):
            cell.removeChild(paragraph)
        for attribute in ("value", "datevalue", "timevalue", "booleanvalue", "formula"):
            if cell.getAttribute(attribute) is not None:
                cell.removeAttribute(attribute)
        cell.setAttribute("valuetype", "string")
        cell.addElement(P(text=text))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def _own_cell(cells: list, col: int):
    """The cell at `col` as an element of its own: where the file writes it once for several
    alike cells (empty ones, mostly: an untranslated row's translation), the run is cut in
    two around a new cell."""
    from odf.table import TableCell

    group = cells[col]
    repeat = int(group.getAttribute("numbercolumnsrepeated") or 1)
    if repeat == 1:
        return group
    before = cells[:col].count(group)   # of the run's cells, those before this one
    parent = group.parentNode
    if before:
        parent.insertBefore(TableCell(numbercolumnsrepeated=before) if before > 1 else TableCell(), group)
    style = {"stylename": group.getAttribute("stylename")} if group.getAttribute("stylename") else {}
    cell = TableCell(**style)
    parent.insertBefore(cell, group)
    after = repeat - before - 1
    if after:
        group.setAttribute("numbercolumnsrepeated", after)
    else:
        parent.removeChild(group)
    return cell


def _load(data: bytes, name: str):
    from odf.opendocument import load

    open_zip(data, name, "ODS")
    try:
        document = load(io.BytesIO(data))
    except (*_LIB_ERRORS, SAXException) as e:   # odfpy raises what its XML and zip readers raise
        raise InputError(f"{name}: not an OpenDocument sheet this can read ({type(e).__name__}); open "
                         "it and save it again as .ods or .xlsx, or the table as CSV") from None
    if document.spreadsheet is None:
        raise InputError(f"{name} is an OpenDocument file but no sheet; a text goes to alignment align")
    return document


def _sheet(document, name: str):
    """The sheet with the pairs (import_sheets.pairs_sheet), the first sheet first."""
    from odf.table import Table

    from .import_sheets import HEAD_ROWS, SHEET_MAX_COLUMNS, pairs_sheet

    sheets = document.spreadsheet.getElementsByType(Table)
    if not sheets:
        raise InputError(f"{name} holds no sheet; save the one with the pairs as .ods again")
    heads = [[[_text(cell) for cell in cells] for _, cells in islice(_walk(sheet, SHEET_MAX_COLUMNS), HEAD_ROWS)]
             for sheet in sheets]
    return sheets[pairs_sheet(heads)]


def _walk(sheet, max_columns: int) -> Iterator[tuple[object, list]]:
    """(row element, its cells up to `max_columns`, repeats read out) for each row of the
    sheet, a row repeated read out as often only where it holds text."""
    from odf.table import TableRow

    for row in sheet.getElementsByType(TableRow):
        cells = _cells(row, max_columns)
        repeat = int(row.getAttribute("numberrowsrepeated") or 1)
        yield from [(row, cells)] * (repeat if any(_text(c) for c in cells) else 1)


def _cells(row, max_columns: int) -> list:
    from odf.table import CoveredTableCell, TableCell

    kinds = (TableCell().qname, CoveredTableCell().qname)
    cells: list = []
    for cell in row.childNodes:
        if cell.qname in kinds:
            cells += [cell] * min(int(cell.getAttribute("numbercolumnsrepeated") or 1), max_columns - len(cells))
        if len(cells) >= max_columns:
            break
    return cells


def _text(cell) -> str:
    """A cell's text, its paragraphs on lines of their own (teletype keeps its spaces and tabs)."""
    from odf import teletype
    from odf.text import P

    return "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P))
