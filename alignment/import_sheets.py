"""Pairs from office files: an Excel sheet's rows (.xlsx), or a Word document's table of pairs
(.docx, a bilingual review table), read as a table's (import_tables.py).

Part of the store stage. Why: a reviewer's bilingual sheet (Excel, Google Sheets' download, an
agency's review sheet: 'ID | Source | Target | Comment') had to be saved as CSV first, and a
sheet renamed .csv was refused as binary data; a CAT tool's bilingual review document (Trados'
'Export for bilingual review': a table 'Segment ID | Segment status | Source segment | Target
segment | Comment') could not be read at all. Read here, their rows go through the same rules
as a CSV's: the header's column names and languages, the id column (each finding names the
row), the comment column. A .docx given to `alignment align` is still a text to align,
unless it is such a review table (read/office.py then says to import it).

Libraries, and why: openpyxl (MIT; the reference reader of Office Open XML sheets) in read-only
mode, which streams rows rather than building the workbook; python-docx (already read.office's)
for the document. A zip bomb is refused first (read.book.open_zip, as for a book), the
characters read are capped (`SHEET_MAX_CHARS`), and so are a sheet's columns
(`SHEET_MAX_COLUMNS`: a table of pairs uses the first few). A cell reads as its value (a
formula as the result the sheet last saved), whole numbers as written ('41', not '41.0'), dates
as ISO dates. The sheet read is the one whose header names the two texts, else the one the file
opens on where it holds two columns, else the first that does (`pairs_sheet`); the document's
table, the one whose header names the two texts, else the longest. An OpenDocument sheet (.ods) is read by
import_ods.py, capped here. Not read: the old binary .xls and .doc, nor an .odt's table.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence

from .errors import InputError
from .import_pairs import PAIRS_MAX_BYTES
from .read.book import open_zip
from .read.office import _LIB_ERRORS   # what a damaged office file raises in its library

__all__ = ["SHEET_MAX_CHARS", "SHEET_MAX_COLUMNS", "cell_text", "document_rows", "ods_sheet_rows", "pairs_sheet",
           "pairs_table", "sheet_read", "sheet_rows", "sheet_rows_noted", "xlsx_pairs_sheet"]

SHEET_MAX_COLUMNS = 16
HEAD_ROWS = 5   # rows of each sheet looked at to find the one with the pairs
SHEET_MAX_CHARS = PAIRS_MAX_BYTES   # the text a sheet may hold, as for a CSV of that size


def sheet_rows(data: bytes, name: str) -> list[list[str]]:
    """The rows of an .xlsx file's sheet with the pairs (`sheet_rows_noted`)."""
    return sheet_rows_noted(data, name)[0]


def sheet_read(titles: Sequence[str], k: int) -> str:
    """What the import says of a workbook of several sheets: which one it read ('' for one)."""
    if len(titles) < 2:
        return ""
    others = ", ".join(f"'{t}'" for j, t in enumerate(titles[:8]) if j != k) + (", ..." if len(titles) > 8 else "")
    return (f"read the sheet '{titles[k]}', one of {len(titles)} in the workbook; the others "
            f"({others}) were left out")


def sheet_rows_noted(data: bytes, name: str) -> tuple[list[list[str]], str]:
    """The rows of an .xlsx file's sheet with the pairs (`pairs_sheet`), each cell as text ('' for
    an empty one), and which sheet that was where there are several (`sheet_read`).
    InputError names the file and says what to do where it is no sheet or holds too much."""
    from openpyxl import load_workbook

    open_zip(data, name, "XLSX")   # a zip bomb refused before openpyxl inflates anything
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _LIB_ERRORS as e:
        raise _unreadable(name, "spreadsheet", ".xlsx", e) from None
    try:
        if not book.worksheets:
            raise InputError(f"{name}: it holds no sheet of cells (charts only?); put the pairs "
                             "in a sheet and save it again")
        k = xlsx_pairs_sheet(book)
        note = sheet_read([sheet.title for sheet in book.worksheets], k)
        rows = _capped(([_text(v) for v in values] for values in
                        book.worksheets[k].iter_rows(max_col=SHEET_MAX_COLUMNS, values_only=True)), name)
    finally:
        book.close()
    # as wide as the cells used, as a CSV of the sheet is: max_col pads each row to it
    width = max((k + 1 for row in rows for k, cell in enumerate(row) if cell), default=0)
    return [row[:width] for row in rows], note


def pairs_sheet(heads: Sequence[Sequence[list[str]]], first: int = 0) -> int:
    """Which sheet of a workbook holds the pairs, from each sheet's first rows (`heads`, cell
    texts): of the sheet the file opens on (`first`) and then the others in order, the first
    whose header names the original and the translation (table_columns.py), else the first
    with a row of two filled cells, else `first` (the import then says what its rows lack).
    Why: a reviewer's workbook often opens on its instructions ('Please review the sheet
    Review'), and was refused as a table of one column."""
    from .table_columns import names_sides

    order = [first, *(k for k in range(len(heads)) if k != first)]
    named = [k for k in order if k < len(heads) and names_sides(list(heads[k][:2]))]
    paired = [k for k in order if k < len(heads)
              and any(sum(1 for cell in row if cell.strip()) >= 2 for row in heads[k])]
    return (named or paired or [first])[0]


def xlsx_pairs_sheet(book) -> int:
    """`pairs_sheet` of an openpyxl workbook (read-only or not): the index in `book.worksheets`
    of the sheet to read (a chart sheet is none)."""
    sheets = book.worksheets
    heads = [[[_text(v) for v in values] for values in
              sheet.iter_rows(max_row=HEAD_ROWS, max_col=SHEET_MAX_COLUMNS, values_only=True)]
             for sheet in sheets]
    return pairs_sheet(heads, sheets.index(book.active) if book.active in sheets else 0)


def document_rows(data: bytes, name: str) -> list[list[str]]:
    """The rows of a .docx's table of pairs (`pairs_table`), each cell as its text."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    open_zip(data, name, "DOCX")
    try:
        table = pairs_table(docx.Document(io.BytesIO(data)).tables)
    except (PackageNotFoundError, *_LIB_ERRORS) as e:
        raise _unreadable(name, "Word document", ".docx", e) from None
    if table is None:
        raise InputError(f"{name} holds no table of pairs (a bilingual review table: original and "
                         f"translation side by side); to align a document and its translation, use "
                         f"alignment align (or the start page's Align new texts)")
    return _capped(([cell_text(cell) for cell in row] for row in table), name)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_PARTS = frozenset(_W + tag for tag in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab"))


def cell_text(cell) -> str:
    """A table cell's text exactly as python-docx's `cell.text` gives it (its paragraphs on lines
    of their own; runs, hyperlinks' runs, tabs and breaks as their characters), walking the
    elements instead of an XPath query per paragraph and run: 6 of the 15 s that a review
    table of 100,000 rows took (a test holds the two equal)."""
    def run(r) -> str:
        return "".join(str(e) for e in r if e.tag in _RUN_PARTS)

    def paragraph(p) -> str:
        return "".join(run(e) if e.tag == _W + "r" else "".join(run(r) for r in e if r.tag == _W + "r")
                       for e in p if e.tag in (_W + "r", _W + "hyperlink"))

    return "\n".join(paragraph(p) for p in cell._tc if p.tag == _W + "p")


def pairs_table(tables: Sequence) -> list[list] | None:
    """The cells of a document's table of pairs, row by row: the first table whose header names
    the original and the translation (table_columns.py), else the one with the most rows, of
    those with a row of two cells or more; None where there is none. A cell merged across
    columns comes once (python-docx gives it for each column it spans)."""
    from .table_columns import names_sides

    cells = [_table_cells(t) for t in tables]
    cells = [t for t in cells if any(len(r) >= 2 for r in t)]
    if not cells:
        return None
    return next((t for t in cells if names_sides([[cell_text(c) for c in r] for r in t[:2]])), None) \
        or max(cells, key=len)


def _table_cells(table) -> list[list]:
    """Each row's cells, one per cell element (python-docx gives a merged cell once per column).
    A row holding a vertically merged cell, or a span python-docx would read otherwise, goes
    through python-docx's row.cells (the cell above stands for it); the others are read from
    their elements: row.cells' property lookups took 5 of the 7 s of a table of 100,000 rows
    (a test holds the two equal)."""
    from docx.table import _Cell
    from lxml import etree

    merged = etree.XPath("boolean(.//w:vMerge | .//w:gridSpan)", namespaces={"w": _W[1:-1]})(table._tbl)
    rows = []
    for row in table.rows:
        tcs = [tc for tc in row._tr if tc.tag == _W + "tc"]
        if not merged or all(_plain_cell(tc) for tc in tcs):
            rows.append([_Cell(tc, table) for tc in tcs])
        else:
            rows.append(docx_row_cells(row))
    return rows


def docx_row_cells(row) -> list:
    """A row's cells as python-docx's row.cells gives them, a merged cell once; its own cell
    elements where python-docx cannot read it. Why: a cell merged with the one above, where the
    row above has no cell starting at its column (that one was merged across the columns
    after), made python-docx raise ValueError, and the whole document was refused as unreadable
    (a table Word and python-docx themselves write: found by the property test of
    tests/test_import_sheets.py)."""
    from docx.table import _Cell

    try:
        read = row.cells
    except ValueError:
        return [_Cell(tc, row.table) for tc in row._tr if tc.tag == _W + "tc"]
    cells, last = [], None
    for cell in read:
        if cell._tc is not last:
            cells.append(cell)
        last = cell._tc
    return cells


def _plain_cell(tc) -> bool:
    """Not merged with the cell above (no w:vMerge 'continue'), and spanning columns as written."""
    props = tc.find(_W + "tcPr")
    if props is None:
        return True
    merge, span = props.find(_W + "vMerge"), props.find(_W + "gridSpan")
    return (merge is None or merge.get(_W + "val", "continue") != "continue") and \
        (span is None or (span.get(_W + "val") or "").isdigit() and int(span.get(_W + "val")) >= 1)


def ods_sheet_rows(data: bytes, name: str) -> tuple[list[list[str]], str]:
    """The rows of an .ods file's sheet with the pairs (import_ods.py), capped as a sheet's, and
    which sheet that was where there are several (`sheet_read`)."""
    from .import_ods import ods_rows_noted

    rows, note = ods_rows_noted(data, name, SHEET_MAX_COLUMNS)
    return _capped(iter(rows), name), note


def _capped(rows: Iterable[list[str]] | Iterator[list[str]], name: str) -> list[list[str]]:
    out, size = [], 0
    for row in rows:
        size += sum(map(len, row))
        if size > SHEET_MAX_CHARS:
            raise InputError(f"{name}: its table holds over {SHEET_MAX_CHARS // 10**6} million characters, "
                             "more than a file of pairs may; split it into several files")
        out.append(row)
    return out


def _unreadable(name: str, what: str, suffix: str, error: Exception) -> InputError:
    return InputError(f"{name}: not a {what} this can read ({type(error).__name__}); open it and "
                      f"save it again as {suffix}, or the table as CSV")


def _text(value: object) -> str:
    """A cell's value as the sheet shows it, near enough: 41 not 41.0, a date as 2026-12-06."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)
