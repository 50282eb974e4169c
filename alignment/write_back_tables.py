"""Corrections written back into the table the pairs came from: a sheet (.xlsx), a review
document (.docx), a CSV or TSV file.

Part of the store stage, the way back of import_sheets.py, as write_back.py is for XLIFF and
TMX. Why: a reviewer sent a bilingual sheet, or a CAT tool's bilingual review document
(Trados' 'Export for bilingual review', which the tool reads back with 'Update from bilingual
review'), must return that same file with the translations corrected, not a PO or a new table.
So the file is kept as it was and only the translation cells whose text was corrected are
replaced; every other cell, sheet, table, paragraph and style stays.

The rows are found as the import found them (import_tables.Table: each unit's row and the
translation's column) and paired with the links by their originals, in order (difflib, as
write_back.py does): a row whose link was merged or split, or whose original was edited,
answers no link and is left as it was (counted). A correction that falls inside one run of a
document cell is made in that run, every other run (a CAT tool's tags, bold words) kept; a
wider one leaves the cell its first run's formatting and drops the rest of its runs' (counted
as codes left out where the cell had runs of several formats, for the proofreader to check).
A CSV or TSV table gets each corrected row's line written again, every other line byte for
byte as it was (`_text_written`: UTF-8 tables whose rows are one line each).

Libraries, and why: openpyxl for the sheet, loaded whole (a sheet saved again by openpyxl keeps
its cells, formulas, styles and other sheets; it drops charts and images, which a review sheet
does not hold); python-docx for the document; Python's csv for a CSV line with quotes. Bytes
in, bytes out.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Mapping

from .errors import InputError
from .import_pairs import _clean
from .import_tables import Table, every_cell_quoted, table_units
from .types import Bitext
from .write_back_said import WriteBack

__all__ = ["write_back_table"]

Fixes = dict[tuple[int, int], tuple[str, str]]   # (row, column) -> (the file's text, the new one)


def write_back_table(original: bytes, name: str, fmt: str, bitext: Bitext,
                     notes: Mapping[int, str] | None = None) -> tuple[bytes, WriteBack]:
    """A copy of the table `original` (named `name`; `fmt` xlsx, docx, csv or tsv) with the
    translations of `bitext` (pairs imported from it) where they differ from the file's; an
    .ods's cells are written by import_ods.py. With `notes` ({link: the reviewer's note}, the
    PO's translator comments), each row's note cell too where it differs: a reviewer's remark
    goes back in the table's note column (its third; a table of two columns has none, and
    such notes are counted, not written)."""
    table = table_units(original, name, fmt, bitext.src_lang, bitext.tgt_lang)
    places = [(k, row, _clean(s), _clean(t)) for k, ((s, t, _), row) in enumerate(zip(table.units, table.rows))
              if _clean(s) or _clean(t)]
    links = [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt")) for i in range(len(bitext.alignment.links))]
    matcher = difflib.SequenceMatcher(None, [" ".join(s.split()) for _, _, s, _ in places],
                                      [" ".join(s.split()) for s, _ in links], autojunk=False)
    fixes: Fixes = {}
    unwritten = 0
    for block in matcher.get_matching_blocks():
        for m in range(block.size):
            k, row, _, old = places[block.a + m]
            new = links[block.b + m][1]
            if new != old:
                fixes[row, table.tgt_col] = old, new
            said, note = _file_note(table, k), (notes or {}).get(block.b + m, "")
            if notes is None or " ".join(said.split()) == " ".join(note.split()):
                continue
            if table.note_col is None:
                unwritten += 1
            else:
                fixes[row, table.note_col] = said, note
    matched = sum(b.size for b in matcher.get_matching_blocks())
    writer = {"xlsx": _xlsx_written, "docx": _docx_written, "ods": _ods_written}.get(fmt, _text_written)
    data, dropped = writer(original, name, fmt, table, fixes) if fixes else (original, 0)
    corrected = sum(col == table.tgt_col for _, col in fixes)
    return data, WriteBack(changed=corrected, codes_dropped=dropped, unmatched=len(places) - matched,
                           notes=len(fixes) - corrected, notes_unwritten=unwritten)


def _file_note(table: Table, k: int) -> str:
    """The note the table's unit k carried as read ('' for none)."""
    carried = table.carried[k] if k < len(table.carried) else None
    return carried.note if carried is not None else ""


def _text_written(original: bytes, name: str, fmt: str, table: Table, fixes: Fixes) -> tuple[bytes, int]:
    """A CSV or TSV table with the translation cells of its corrected rows replaced, each such
    line written again and every other line byte for byte as it was: a line's other cells as
    they were where the line has no quote, else as Python's csv writes a line (quoting only
    where needed). Only a UTF-8 table whose rows are one line each: another encoding could
    not be written back as the tool that made it reads it, and a row's line is found by its
    number (a row's line that does not hold the translation the import read refuses the file)."""
    try:
        text = original.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8, and a table is written back only as UTF-8; save it "
                         "as CSV UTF-8 and import that, or export the pairs as TSV instead (--tsv FILE)") from None
    bom = "\ufeff" if original.startswith(b"\xef\xbb\xbf") else ""
    lines = _LINES.findall(text)   # as csv and the import cut them: not at U+2028, form feeds...
    quote_all = fmt == "tsv" and every_cell_quoted([line.rstrip("\r\n").split("\t") for line in lines])
    for (row, col), (old, new) in fixes.items():
        body = lines[row].rstrip("\r\n") if row < len(lines) else ""
        cells = _cells(body, table.delimiter, fmt)
        cell = cells[col] if len(cells) > col else ""
        if (_clean(cell) if col == table.tgt_col else cell.strip()) != old:
            raise InputError(f"{name} has cells running over several lines, so its rows cannot be "
                             "found by their lines; export the pairs as TSV instead (--tsv FILE)")
        lines[row] = _line_with(body, table.delimiter, col, new, fmt, quote_all) + lines[row][len(body):]
    return (bom + "".join(lines)).encode("utf-8"), 0


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _cells(line: str, delimiter: str, fmt: str) -> list[str]:
    """One line's cells as the import reads them (a TSV cell in a writer's quotes unquoted)."""
    from .import_tables import _unquoted, looks_quoted

    if fmt == "tsv" or '"' not in line:
        return [_unquoted(c) if fmt == "tsv" and looks_quoted(c) else c for c in line.split(delimiter)]
    return next(csv.reader([line], delimiter=delimiter), [])


def _line_with(line: str, delimiter: str, col: int, new: str, fmt: str, quote_all: bool = False) -> str:
    """`line` with its cell `col` replaced by `new`, written so that the import reads `new` back:
    a CSV's cell in quotes where it holds the delimiter or a quote (csv's rule; a line with
    quotes written by csv); a TSV's in quotes where the table quotes every cell (`quote_all`),
    or where it holds a quote and the cell was in a writer's quotes or would read as such
    (import_tables.looks_quoted: a TSV cell is unquoted only so), else as it is."""
    from .import_tables import looks_quoted

    new = " ".join(new.split())   # no tab or line break: one cell of one line
    if fmt == "tsv" or '"' not in line:
        cells = line.split(delimiter)
        cells += [""] * (col + 1 - len(cells))
        quoted = (quote_all or '"' in new and (looks_quoted(cells[col]) or looks_quoted(new))) if fmt == "tsv" \
            else delimiter in new or '"' in new
        cells[col] = '"' + new.replace('"', '""') + '"' if quoted else new
        return delimiter.join(cells)
    cells = next(csv.reader([line], delimiter=delimiter))
    cells += [""] * (col + 1 - len(cells))
    cells[col] = new
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="").writerow(cells)
    return out.getvalue()


def _ods_written(original: bytes, name: str, fmt: str, table: Table, fixes: Fixes) -> tuple[bytes, int]:
    from .import_ods import ods_written
    from .import_sheets import SHEET_MAX_COLUMNS

    for col in sorted({col for _, col in fixes}):
        texts = {row: new for (row, at), (_, new) in fixes.items() if at == col}
        original = ods_written(original, name, col, texts, SHEET_MAX_COLUMNS)
    return original, 0


def _xlsx_written(original: bytes, name: str, fmt: str, table: Table, fixes: Fixes) -> tuple[bytes, int]:
    """The sheet the import read (import_sheets.xlsx_pairs_sheet) with its translation cells
    replaced; rows counted from the sheet's first row, as import_sheets reads them."""
    from openpyxl import load_workbook

    from .import_sheets import xlsx_pairs_sheet

    book = load_workbook(io.BytesIO(original))
    sheet = book.worksheets[xlsx_pairs_sheet(book)]
    for (row, col), (_, text) in fixes.items():
        cell = sheet.cell(row=row + 1, column=col + 1)
        cell.value = text or None   # a note taken out: an empty cell, as it was before one
        cell.data_type = "s"   # text, even where it starts with '=' (openpyxl made it a formula)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), 0


def _docx_written(original: bytes, name: str, fmt: str, table: Table, fixes: Fixes) -> tuple[bytes, int]:
    """The document with the translation cells of the table the import read replaced."""
    import docx

    from .import_sheets import pairs_table

    document = docx.Document(io.BytesIO(original))
    cells = pairs_table(document.tables)
    dropped = 0
    for (row, col), (_, text) in fixes.items():
        dropped += _set_text(cells[row][col], text) * (col == table.tgt_col)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), dropped


def _set_text(cell, text: str) -> int:
    """A cell's text replaced: where the correction falls inside one run (the text before and
    after it unchanged), in that run alone, so the others (a CAT tool's tags, bold words) stay
    as they were; else in its first paragraph's first run (its formatting kept), the other runs
    and paragraphs removed, and 1 returned where those runs had other formats (tags)."""
    paragraphs = cell.paragraphs
    runs = [r for p in paragraphs for r in p.runs]
    if len(paragraphs) == 1 and _in_one_run(runs, text):
        return 0
    formats = {str(r._r.rPr.xml) if r._r.rPr is not None else "" for r in runs}
    for p in paragraphs[1:]:
        p._p.getparent().remove(p._p)
    first = paragraphs[0]
    for r in first.runs[1:]:
        r._r.getparent().remove(r._r)
    if first.runs:
        first.runs[0].text = text
    else:
        first.add_run(text)
    return int(len(formats) > 1)


def _in_one_run(runs: list, text: str) -> bool:
    """Write `text` over the runs' text by changing one run only, where the part that differs
    (after the common start, before the common end) lies inside it; whether that was done."""
    old = "".join(r.text for r in runs)
    if not runs or old == text:
        return bool(runs)
    start = next((k for k, (a, b) in enumerate(zip(old, text)) if a != b), min(len(old), len(text)))
    end = 0   # common end, not reaching into the common start
    while end < min(len(old), len(text)) - start and old[-1 - end] == text[-1 - end]:
        end += 1
    at = 0
    for run in runs:
        lo, hi = at, at + len(run.text)
        if lo <= start and len(old) - end <= hi and (lo < hi or len(runs) == 1):
            run.text = run.text[:start - lo] + text[start:len(text) - end] + run.text[len(old) - end - lo:]
            return True
        at = hi
    return False
