"""Pairs from a table (TSV, CSV; an .xlsx or .ods sheet, a .docx's table): its rows, its
delimiter, its languages.

Part of the store stage, for import_pairs.py (read_pairs reads a table here; a sheet's or a
document's rows come from import_sheets.py). Why a module of its own: a table is read by other
rules than a CAT tool's XML. It may be quoted as spreadsheets quote or not quoted at all
(`paste a.txt b.txt`, our TSV export), cut by a comma, a semicolon or a tab, and name its
languages in a first row, by code ('fr') or by name ('Français', 'Deutsch':
language_names.py), or not (then they are detected from its text). A third column is each
row's note. Which column is which a header may say in words, and a column of ids is each
row's unit (table_columns.py). Library, and why: Python's csv (quotes and delimiters as
spreadsheets write them). A TSV is read line by line where it can be (`_tsv_rows`): our export
writes its cells unquoted, and a cell opening with a dialogue quote is the text's own.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .carried import Carried
from .errors import InputError
from .import_pairs import PAIRS_MAX_BYTES, Para, _language_code, _languages
from .table_columns import table_columns


@dataclass(frozen=True)
class Table:
    """A table of pairs as read: its units (original, translation, group), languages, what
    each row carried (a note; under our export's header, a state), each row's id ([] where no
    column holds ids), and where each unit stands in the table as written: its row (counting
    every row, blank ones too) and the translation's column (write_back_tables.py)."""

    units: list[Para]
    langs: tuple[str, str]
    carried: list[Carried | None]
    ids: list[str]
    rows: list[int]
    tgt_col: int
    delimiter: str = ""   # a CSV's or TSV's; "" for a sheet's or a document's table
    note: str = ""        # which sheet of a workbook of several was read (import_sheets.sheet_read)
    note_col: int | None = None   # the column of each row's note as written, where it has one


def table_units(data: bytes, name: str, fmt: str, src_lang: str | None, tgt_lang: str | None) -> Table:
    """Rows of two columns or more (original, translation; a third, the row's note: `_notes`;
    the rest ignored; or as a header names them: table_columns.py), and each row's id where a
    column holds ids.
    A first row of two language codes (our TSV export: 'fr en link confidence reviewed') or
    names ('Français;English;Note') names the languages; under our export's header, each
    row's confidence and review are read back (`_states`)."""
    raw, delimiter, note = _table_rows(data, name, fmt)
    at = [k for k, r in enumerate(raw) if any(c.strip() for c in r)]
    rows = [raw[k] for k in at]
    if not rows:   # asked for its languages before (the start page too), then refused as empty
        raise InputError(f"{name} holds no text: its table is empty; check it is the file with the "
                         "pairs (the sheet or the export you meant)")
    if len(rows[0]) < 2:
        raise InputError(f"{name}: line 1 has one column; a table of pairs needs the original "
                         "and the translation side by side (two columns)")
    cols = table_columns(rows)
    rows = cols.rows
    named = _header_languages(rows, src_lang, tgt_lang)
    header = bool(named) or cols.headed
    units = _row_units(rows[1:] if header else rows)
    src = src_lang or (named[0] if named else _detected(units, 0))
    tgt = tgt_lang or (named[1] if named else _detected(units, 1))
    states = _states(rows) if named else []
    carried = states or _notes(rows, header)
    ids = cols.ids[1:] if header and not cols.headed else cols.ids
    note_col = cols.note_col if not states and _note_column(rows, header) else None
    return Table(units, _languages(name, src or "", tgt or ""), carried, ids, at[1:] if header else at,
                 cols.tgt_col, delimiter, note, note_col)


def _table_rows(data: bytes, name: str, fmt: str) -> tuple[list[list[str]], str, str]:
    """A table's rows: a sheet's or a document's table (import_sheets.py), or a text's cut at
    its delimiter (and that delimiter); and which sheet was read, of a workbook of several."""
    if fmt in ("xlsx", "ods"):
        from .import_sheets import ods_sheet_rows, sheet_rows_noted

        rows, note = (sheet_rows_noted if fmt == "xlsx" else ods_sheet_rows)(data, name)
        return rows, "", note
    if fmt == "docx":
        from .import_sheets import document_rows

        return document_rows(data, name), "", ""
    from .read.charset import decode

    try:
        text = decode(data, source=name)
    except InputError:
        raise InputError(f"{name}: looks like binary data, not a table of text; give a spreadsheet "
                         "as .xlsx, or save it (.ods, .xls) as CSV first") from None
    delimiter = "\t" if fmt == "tsv" else _delimiter(text)
    return _rows(text, delimiter), delimiter, ""


def _notes(rows: Sequence[list[str]], named: bool) -> list[Carried | None]:
    """A table of three columns: the third, each row's translator comment (the PO's `# ...`),
    as a glossary's or a sheet's 'Note' column (OmegaT's glossary writes its comments there),
    unless its header names a language there too (a third text, not a comment). Why: the
    column was dropped without a word. A wider table keeps to its first two columns: what
    the others hold is not known."""
    if not _note_column(rows, named):
        return []
    body = rows[1:] if named else rows
    notes = [r[2].strip() if len(r) > 2 else "" for r in body]
    return [Carried(note=n) if n else None for n in notes] if any(notes) else []


def _note_column(rows: Sequence[list[str]], named: bool) -> bool:
    """Whether the third column of `rows` is their note (`_notes`): most rows have three cells,
    and no header names a language above it."""
    widths = Counter(len(r) for r in rows)
    return bool(rows) and widths.most_common(1)[0][0] == 3 and not (named and _header_language(rows[0][2]))


def _states(rows: Sequence[list[str]]) -> list[Carried | None]:
    """Under our TSV export's header ('link confidence', then 'reviewed' since it has one), each
    row's confidence and review: an export and import lost every link to review. A row whose
    confidence is not a number in [0, 1] (edited by hand) is read as a table's rows are."""
    from .carried import read_confidence

    header = [c.strip() for c in rows[0][2:]]
    if header[:2] != ["link", "confidence"]:
        return []
    reviewed = header[2:3] == ["reviewed"]
    out: list[Carried | None] = []
    for row in rows[1:]:
        confidence = read_confidence(row[3] if len(row) > 3 else None)
        state = reviewed and len(row) > 4 and row[4].strip() == "yes"
        out.append(None if confidence is None else Carried(confidence, state))
    return out


def _row_units(rows: Sequence[list[str]]) -> list[Para]:
    return [(r[0], r[1] if len(r) > 1 else "", k) for k, r in enumerate(rows)]


def _header_languages(rows: Sequence[list[str]], src_lang: str | None,
                      tgt_lang: str | None) -> tuple[str, str] | None:
    """The languages a first row of two language codes names, or None where it is data.

    Why so wary: many short words are language codes too ('Es' Spanish, 'It' Italian, 'no'
    Norwegian, 'zu' Zulu, 'to' Tongan), and a first row of them (Es, It above German and
    English sentences) was taken for a header and its pair dropped without a word, while one
    of two words that are not codes (Oui, Yes) stopped the import. So the row is a header
    only when both cells are codes `lang.normalize_language` knows ('fr', 'EN', 'pt-BR',
    'fr_FR'), and they are the codes given (-s, -t): a row that differs from them is data,
    the languages given win anyway, and keeping a row can only add a pair where dropping one
    loses it. With none given, the text under the row is asked: a row both of whose codes
    its detected languages contradict is data, unless it is our TSV export's header (its
    'link confidence' cells: detection must not undo our own file). A table too short to
    detect keeps a row of codes as its header (the languages it names are shown; -s and -t
    naming others keep the row).

    A row naming two languages in words ('Français', 'English'; 'Deutsch', 'Englisch') is
    read as a row of codes, by the same rules: its names stand for no region, so -s fr-FR
    agrees with 'Français'; two names of one language ('anglais', 'English') are data, a
    glossary's pair."""
    from .lang import primary

    if len(rows) < 2:
        return None
    codes = tuple(_header_language(cell) for cell in rows[0][:2])
    words = _named_in_words(rows[0])
    if None in codes or words and primary(codes[0]) == primary(codes[1]):
        return None
    given = (src_lang, tgt_lang)
    same = (lambda g, c: primary(g) == primary(c)) if words else (lambda g, c: g == c)
    if any(g and not same(_language_code(g) or g, c) for g, c in zip(given, codes)):
        return None
    ours = [c.strip() for c in rows[0][2:4]] == ["link", "confidence"]
    if not any(given) and not ours:
        units = _row_units(rows[1:])
        found = [_detected(units, column) for column in (0, 1)]
        if all(f and primary(f) != primary(c) for f, c in zip(found, codes)):
            return None
    return codes


def _header_language(cell: str) -> str | None:
    """The language a header cell names: by code ('fr', 'en_GB') or by name in words
    ('Français', 'English', 'Deutsch': language_names.py; with a region in brackets after it,
    as memoQ writes 'English (United States)'), else None."""
    from .language_names import language_named
    from .table_columns import without_brackets

    code = _language_code(cell)
    for words in (cell, without_brackets(cell)):
        if code is None and (named := language_named(words)):
            code = _language_code(named)
    return code or _side_language(cell)


def _side_language(cell: str) -> str | None:
    """The language in brackets after a header's word for one of the texts: 'Source (fr-FR)',
    'Target [English]', as review sheets write them; else None. Why: the import looked past
    the bracket, and a sheet too short to detect its languages from was refused."""
    from .language_names import language_named
    from .table_columns import SIDE_HEADERS, without_brackets

    bare = without_brackets(cell)
    if bare == cell.strip() or bare.casefold() not in SIDE_HEADERS[0] | SIDE_HEADERS[1]:
        return None
    inner = cell.strip()[len(bare):].strip()[1:-1].strip()
    named = language_named(inner)
    return _language_code(inner) or (_language_code(named) if named else None)


def _named_in_words(row: Sequence[str]) -> bool:
    """Whether a row's first two cells name languages in words, not codes: two names of one
    language ('anglais', 'English') are a glossary's pair, not a header."""
    return any(_language_code(cell) is None for cell in row[:2])


def _csv_rows(text: str, delimiter: str) -> list[list[str]]:
    """The rows of a table, quoted as CSV writers quote, or not quoted at all.

    Many tables of pairs are written without quoting (`paste a.txt b.txt`, tools' TSV exports),
    and a dialogue cell starting with a quote ('"Oui," dit-il.') then lost its quotes, or ran
    on across tabs and lines to the next quote, merging rows, without a word. csv's strict mode
    refuses such a quote (a quoted cell must end at its closing quote), and then each line is
    one row, split at the delimiter, its quotes the text's own; so is a table whose whole lines
    of dialogue are in quotes no writer needed ('"Oui !"', `_needless_quotes`).
    A cell may hold as much as the file may (a chapter pasted into one cell: csv's default cap
    of 128 KB per cell raised a traceback), and lines may end as on any system (Excel for Mac's
    "CSV (Macintosh)" ends them with a bare carriage return, which csv refused with a traceback
    too)."""
    if csv.field_size_limit() < PAIRS_MAX_BYTES:
        csv.field_size_limit(PAIRS_MAX_BYTES)   # process-wide, and only ever raised
    if '"' not in text:   # nothing can be quoted: csv's rows are the lines, read once
        return list(csv.reader(io.StringIO(text, newline=None), delimiter=delimiter))
    lines = [line.split(delimiter) for line in io.StringIO(text, newline=None).read().split("\n")]
    try:
        rows = list(csv.reader(io.StringIO(text, newline=None), delimiter=delimiter, strict=True))
    except csv.Error:
        return lines
    one_line_rows = len(rows) == len(lines) - (lines[-1] == [""])   # no quoted line break
    return lines if one_line_rows and _needless_quotes(lines, delimiter) else rows


def _rows(text: str, delimiter: str) -> list[list[str]]:
    return _tsv_rows(text) if delimiter == "\t" else _csv_rows(text, delimiter)


# a cell as a spreadsheet quotes it: wholly in quotes, each quote inside doubled
_QUOTED = re.compile(r'"((?:[^"]|"")*)"', re.DOTALL)


def looks_quoted(cell: str) -> bool:
    """Whether a TSV cell is in a writer's quotes (`_tsv_rows`): wholly in quotes, with doubled
    quotes inside. A writer that quotes only where needed quotes a cell for the quotes it
    holds, so such a cell always holds a doubled one; a sentence does not."""
    return _QUOTED.fullmatch(cell) is not None and '""' in cell[1:-1]


def _tsv_rows(text: str) -> list[list[str]]:
    """The rows of a tab-separated table: its lines, split at tabs, unless quoted cells span
    lines or hold tabs (a spreadsheet's cell with a line break: the lines are uneven in width
    where csv's rows are not).

    Why lines first: a TSV written without quoting (ours, `paste a.txt b.txt`) holds dialogue
    cells opening with a quote ('"Wait.' then 'Come back."' a row below, German '„Warte.' beside
    it), which csv read on across tabs and lines to the next quote, merging rows. In the lines,
    a cell in a writer's quotes (`looks_quoted`) is unquoted; so is every cell wholly in quotes
    where all the pairs' non-empty cells are (a writer set to quote all)."""
    lines = [line.split("\t") for line in io.StringIO(text, newline=None).read().split("\n")]
    if '"' not in text:
        return lines
    if _evenness(lines) < 1.0:
        try:
            rows = list(csv.reader(io.StringIO(text, newline=None), delimiter="\t", strict=True))
        except csv.Error:
            rows = []
        if _evenness(rows) > _evenness(lines):
            return rows
    every = every_cell_quoted(lines)
    return [[_unquoted(c) if every or looks_quoted(c) else c for c in line] for line in lines]


def every_cell_quoted(lines: Sequence[Sequence[str]]) -> bool:
    """Whether every non-empty cell of the pairs (the first two columns) of a TSV's lines, cut at
    tabs, is wholly in quotes: a writer set to quote all, whose quotes the import takes off."""
    cells = [c for line in lines for c in line[:2] if c.strip()]
    return bool(cells) and all(_QUOTED.fullmatch(c) for c in cells)


def _unquoted(cell: str) -> str:
    match = _QUOTED.fullmatch(cell)
    return match.group(1).replace('""', '"') if match else cell


def _evenness(rows: list[list[str]]) -> float:
    """The share of the non-blank rows as wide as the commonest width (1.0: all alike)."""
    widths = Counter(len(r) for r in rows if any(c.strip() for c in r))
    return widths.most_common(1)[0][1] / sum(widths.values()) if widths else 1.0


def _needless_quotes(lines: list[list[str]], delimiter: str) -> bool:
    """Whether the pairs' cells (the first two columns) were written without quoting, though
    csv reads them: some cells are wholly in quotes that no writer needed (no quote, delimiter
    or line break inside: a line of dialogue, '"Oui !"'), while others are not quoted at all. A
    writer quotes such a cell only where it quotes every one."""
    cells = [c for line in lines for c in line[:2] if c.strip()]
    quoted = [c for c in cells if len(c) >= 2 and c[0] == c[-1] == '"']
    # ... not an empty pair of quotes: a fragment of a quoted cell cut at its delimiter ('","",","')
    needless = any(c[1:-1].strip() and '"' not in c[1:-1] and delimiter not in c[1:-1] for c in quoted)
    return needless and len(quoted) < len(cells)


def _delimiter(text: str) -> str:
    """The CSV delimiter (',', ';' as a French or German Excel writes, or a tab) that cuts the
    first lines into the most rows of two cells or more, all alike: csv.Sniffer guessed wrong
    on a short file whose quoted cells held the other delimiters."""
    head = "\n".join(text.splitlines()[:50])

    def fit(delimiter: str) -> tuple[int, int]:
        widths = [len(r) for r in _rows(head, delimiter) if r]
        common = Counter(widths).most_common(1)
        return (sum(w == common[0][0] for w in widths), -common[0][0]) \
            if common and common[0][0] >= 2 else (0, 0)
    return max(",;\t", key=fit)


def _detected(units: Sequence[Para], column: int) -> str | None:
    from .lang import detect_language

    return detect_language(" ".join(u[column] for u in units[:200]))
