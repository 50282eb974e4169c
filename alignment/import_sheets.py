"""Pairs from a spreadsheet (.xlsx): its sheet's rows, read as a table's (import_tables.py).

Part of the store stage. Why: a reviewer's bilingual sheet (Excel, Google Sheets' download, a
CAT tool's or an agency's review sheet: 'ID | Source | Target | Comment') had to be saved as
CSV first, and a sheet renamed .csv was refused as binary data. Read here, its rows go through
the same rules as a CSV's: the header's languages, the id column (each finding names the row),
the comment column.

Library, and why: openpyxl (MIT; the reference reader of Office Open XML sheets), in
read-only mode, which streams rows rather than building the workbook: a sheet's XML inflates
tens of times its zipped size, so what it unpacks to is capped (`SHEET_MAX_UNPACKED`), and the
characters read (`SHEET_MAX_CHARS`), as
are the columns (`SHEET_MAX_COLUMNS`: a table of pairs uses the first few). Cells are read as
their values (a formula as the result the sheet last saved), whole numbers as written ('41',
not '41.0'), dates as ISO dates. The sheet read is the one the file opens on (its active sheet).
Not read: the old binary .xls, and OpenDocument sheets (.ods): save them as .xlsx or CSV.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from .errors import InputError
from .import_pairs import PAIRS_MAX_BYTES

__all__ = ["SHEET_MAX_CHARS", "SHEET_MAX_COLUMNS", "sheet_rows"]

SHEET_MAX_COLUMNS = 16
SHEET_MAX_CHARS = PAIRS_MAX_BYTES   # the text a sheet may hold, as for a CSV of that size
# what the file's parts may unpack to: openpyxl holds a sheet's shared strings in memory whole,
# before any row is read, so a small file unpacking to gigabytes is refused before it opens
SHEET_MAX_UNPACKED = 4 * PAIRS_MAX_BYTES


def sheet_rows(data: bytes, name: str) -> list[list[str]]:
    """The rows of the sheet an .xlsx file opens on, each cell as text ('' for an empty one).
    InputError names the file and says what to do where it is no sheet or holds too much."""
    from openpyxl import load_workbook

    try:
        unpacked = sum(part.file_size for part in zipfile.ZipFile(io.BytesIO(data)).infolist())
        if unpacked > SHEET_MAX_UNPACKED:
            raise InputError(f"{name} unpacks to {unpacked / 10**6:.0f} MB, over the "
                             f"{SHEET_MAX_UNPACKED // 10**6} MB a sheet of pairs may; split it, or save it as CSV")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as e:
        raise InputError(f"{name}: not a spreadsheet this can read ({type(e).__name__}); "
                         "open it in your spreadsheet and save it again as .xlsx or as CSV") from None
    try:
        sheet = book.active
        if sheet is None or not hasattr(sheet, "iter_rows"):
            raise InputError(f"{name}: the sheet it opens on holds no cells (a chart?); "
                             "make the sheet with the pairs the first one and save it again")
        return _rows(sheet, name)
    finally:
        book.close()


def _rows(sheet, name: str) -> list[list[str]]:
    rows, size = [], 0
    for values in sheet.iter_rows(max_col=SHEET_MAX_COLUMNS, values_only=True):
        row = [_text(v) for v in values]
        size += sum(map(len, row))
        if size > SHEET_MAX_CHARS:
            raise InputError(f"{name}: its sheet holds over {SHEET_MAX_CHARS // 10**6} million characters, "
                             "more than a file of pairs may; split it into several sheets' files")
        rows.append(row)
    # as wide as the cells used, as a CSV of the sheet is: max_col pads each row to it
    width = max((k + 1 for row in rows for k, cell in enumerate(row) if cell), default=0)
    return [row[:width] for row in rows]


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
