"""Which column of a table of pairs is which: original, translation, note, each row's id.

Part of the store stage, for import_tables.py. Why: a table's first two columns were taken for
the original and the translation, whatever it held, so a CAT tool's or an agency's review sheet
came in wrong without a word: 'ID;English;French' read its ids as the original (and 'ID' as
Indonesian), the translation as a note; Trados' bilingual review table ('Segment ID, Segment
status, Source segment, Target segment, Comment') its statuses as the original. Now:

- a first row naming the two texts in words ('Source' and 'Target', 'Original' and
  'Translation', 'Quelle' and 'Ziel'; a bracketed language after them is let be: 'Source
  (fr-FR)') is a header, and its columns are read wherever they stand: the note by its name
  ('Comment', 'Notes'), each row's id by its name ('ID', 'Segment ID', '#', 'Key'), the others
  left out;
- otherwise a column of ids (by its name, or a first column of unique numbers or codes with no
  header: `cat -n`, a sheet's row numbers) is taken out, and the rest read as before.

Each row's id becomes its link's unit (types.Link.unit), so a finding names the row the
proofreader finds in the sheet.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .types import unit_id

__all__ = ["ID_HEADERS", "NOTE_HEADERS", "SIDE_HEADERS", "Columns", "names_sides", "table_columns",
           "without_brackets"]

# a header cell naming a column of ids, as CAT tools and sheets write it (case folded)
ID_HEADERS = frozenset({"id", "#", "no", "no.", "nr", "nr.", "n°", "nº", "num", "number", "key", "string id",
                        "segment", "segment id", "segment #", "seg", "seg id", "segid", "unit", "unit id",
                        "tuid", "uid", "row", "row id"})
# a header's words for the two texts (case folded)
SIDE_HEADERS = (frozenset({"source", "source text", "source segment", "src", "original", "original text",
                           "quelle", "ausgangstext", "origine", "texte source", "origen", "texto original"}),
                frozenset({"target", "target text", "target segment", "tgt", "translation", "translated text",
                           "ziel", "zieltext", "übersetzung", "cible", "texte cible", "traduction",
                           "destino", "traducción"}))
NOTE_HEADERS = frozenset({"comment", "comments", "note", "notes", "remark", "remarks", "kommentar",
                          "anmerkung", "commentaire", "commentaires", "remarque", "comentario", "comentarios"})
_ID_CELL = re.compile(r"\S{1,60}")
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*$")   # 'Source (fr-FR)', 'Target [en]'


@dataclass(frozen=True)
class _Named:
    """The columns a header names: the two texts', and the note's and the ids' if named."""

    src: int
    tgt: int
    note: int | None
    unit: int | None


@dataclass(frozen=True)
class Columns:
    """A table read by its columns: its rows as original, translation (and note) columns
    (`table_columns`); each row's id where a column holds them (its first row's too where
    that is no header; else []); whether the first row is a header; and the columns the
    translation and the note (the third of `rows`, where they have one) stand in, in the
    table as written (where a correction and a reviewer's note go back)."""

    rows: list[list[str]]
    ids: list[str]
    headed: bool
    tgt_col: int
    note_col: int | None = None


def table_columns(rows: list[list[str]]) -> Columns:
    """`rows` read by their columns (Columns). Rows not named by a header keep their other
    columns (import_tables reads a language header and a third column there)."""
    named = _named(rows)
    if named is None:
        col, headed = _id_column(rows)
        if col is None:
            return Columns(_note_third(rows), [], False, 1, _note_at(rows))
        ids = [unit_id([_cell(r, col)], "/") for r in (rows[1:] if headed else rows)]
        rest = [r[:col] + r[col + 1:] for r in rows]
        note = _note_at(rest)
        return Columns(_note_third(rest), ids, headed, 2 if col <= 1 else 1, note + (note >= col))
    cols = [named.src, named.tgt] + ([named.note] if named.note is not None else [])
    ids = [unit_id([_cell(r, named.unit)], "/") for r in rows[1:]] if named.unit is not None else []
    return Columns([[_cell(r, c) for c in cols] for r in rows], ids, True, named.tgt, named.note)


def _note_third(rows: list[list[str]]) -> list[list[str]]:
    """Rows whose first row names a note column past the third ('ID | English (United States) |
    French (France) | Comment | Status', memoQ's table) with that column third, where
    import_tables reads a note; else as they were (its Comment was dropped, the table being
    wider than three columns)."""
    head = [_role(c) for c in rows[0]] if rows else []
    note = next((k for k, c in enumerate(head) if k >= 2 and c in NOTE_HEADERS), None)
    if note is None or (note == 2 and len(head) == 3):
        return rows
    return [[_cell(r, 0), _cell(r, 1), _cell(r, note)] for r in rows]


def _note_at(rows: list[list[str]]) -> int:
    """The column of `rows` that `_note_third` reads as the note: one a first row names past
    the third, else the third."""
    head = [_role(c) for c in rows[0]] if rows else []
    return next((k for k, c in enumerate(head) if k >= 2 and c in NOTE_HEADERS), 2)


def names_sides(rows: Sequence[list[str]]) -> bool:
    """Whether a table's first row names its original and its translation ('Source segment')."""
    return _named(rows) is not None


def _cell(row: Sequence[str], col: int) -> str:
    return row[col] if col < len(row) else ""


def without_brackets(cell: str) -> str:
    """A header cell without what a bracket at its end adds: 'Source (fr-FR)' -> 'Source'."""
    return _BRACKETED.sub("", cell.strip())


def _role(cell: str) -> str:
    return without_brackets(cell).casefold()


def _named(rows: Sequence[list[str]]) -> _Named | None:
    """The columns a first row names, where it names both texts; else None."""
    if len(rows) < 2:
        return None
    head = [_role(c) for c in rows[0]]
    src = next((k for k, c in enumerate(head) if c in SIDE_HEADERS[0]), None)
    tgt = next((k for k, c in enumerate(head) if c in SIDE_HEADERS[1]), None)
    if src is None or tgt is None:
        return None
    note = next((k for k, c in enumerate(head) if c in NOTE_HEADERS), None)
    unit = next((k for k, c in enumerate(head) if c in ID_HEADERS and _ids_below(rows, k)), None)
    others = [k for k in range(len(head)) if k not in (src, tgt, unit)]
    if note is None and len(others) == 1 and len(head) == 3:   # as an unnamed third column is read
        note = others[0]
    return _Named(src, tgt, note, unit)


def _ids_below(rows: Sequence[list[str]], col: int) -> bool:
    """Whether a column's cells under the header are ids: single words, one line each."""
    return all(_ID_CELL.fullmatch(r[col].strip()) for r in rows[1:] if len(r) > col and r[col].strip())


def _id_column(rows: Sequence[list[str]]) -> tuple[int | None, bool]:
    """The column of a table of three columns or more that holds each row's id, and whether its
    first row is a header: a column headed by an id word (ID_HEADERS: memoQ's and Phrase's
    'ID', a sheet's '#', software strings' 'Key') whose cells are all single words; or, with
    no such header, a first column of unique single words with a digit in each ('41', 'u-7').
    Never our own export's columns ('link confidence'), nor a text column: a sentence has
    spaces."""
    if len(rows) < 2 or Counter(len(r) for r in rows).most_common(1)[0][0] < 3:
        return None, False
    head = [c.strip().casefold() for c in rows[0]]
    for col, cell in enumerate(head):
        if cell in ID_HEADERS and head[2:4] != ["link", "confidence"] and _ids_below(rows, col):
            return col, True
    cells = [r[0].strip() for r in rows]
    if all(_ID_CELL.fullmatch(c) and any(ch.isdigit() for ch in c) for c in cells) \
            and len(set(cells)) == len(cells):
        return 0, False
    return None, False
