"""Where a PDF line stands on its page: in one of two columns, or in a row of a table.

pdf.py ends a paragraph at a line that ends a sentence and is clearly shorter than a full line.
A full line was the document's: on a two-column page every column line is short, so each one
ending in '.' or ':' ended its paragraph and the next short line was read as a heading ("The
discrepancies are | concentrated…"; "Go to a heading" listed "The discrepancies are"). And a
table, its cells set apart on one baseline, ran into one sentence with its caption and the
heading after it ("Type Documents Phrases Fidèles Rapports financiers 84 5 120 71 % …"), so the
numbers check had the whole table against the whole table. From the x of each piece of a line
(pdf_layout.Line.spans):
- a page is set in columns where 3 lines or more start right of the middle of its text, each on
  the baseline of a line that starts at the left: those lines and the run of left lines before
  them (the first column) measure their length against each other, not against the page's;
- a row of a table is a line of 3 cells or more (pieces 2 ems apart at least) among 3 such lines
  or more in a row whose cells stand above each other: each row is a paragraph of its own.
A piece's width is not in the PDF's text, so a cell's end is estimated from its letters at the
document's usual width of a letter (the x of the pieces of its lines against their letters).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from .pdf_layout import Line

_CELL_GAP = 2.0      # ems between two cells of a table row
_MIN_CELLS = 3
_MIN_ROWS = 3
_MIN_PAIRED = 3      # lines of a second column level with a line of the first
_TITLE_SCALE = 1.08  # a title's type against the body's
_TITLE_LINES = 3


@dataclass(frozen=True)
class Shape:
    """How pdf.py reads a line: the length (characters) of a full line where it stands, whether
    it is a row of a table, its type size against the body's, and whether the next line on its
    page starts an em further right (a block set in after it, an indented paragraph); `title`:
    one of at most 3 lines in a row set at least 8% larger than the body (a title, a heading);
    `indent_after`: the next line is set in and the one after it back where this one starts (a
    paragraph's first line indented, not a block or a list's entries running on set in)."""

    full: float
    row: bool = False
    scale: float = 1.0
    set_in_after: bool = False
    title: bool = False
    indent_after: bool = False


def letter_width(pages: list[list[Line]]) -> float:
    """The width of a letter with its share of spaces, in ems, that the pieces drawn apart show
    (the median of x from piece to piece against letters), kept to 0.35-0.6 ems, as type is: a
    document whose only pieces are a table's cells would measure its gaps as letters."""
    rates = [(after[0] - before[0]) / (before[1] + 1) / line.size
             for lines in pages for line in lines if line.size
             for before, after in zip(line.spans, line.spans[1:])]
    return min(0.6, max(0.35, statistics.median(rates))) if rates else 0.5


def _cells(line: Line, em: float) -> list[tuple[float, float]]:
    """(start, estimated end) of the line's cells: pieces more than _CELL_GAP ems apart."""
    cells: list[tuple[float, float]] = []
    for x, letters in line.spans:
        end = x + letters * em * line.size
        if cells and x - cells[-1][1] < _CELL_GAP * line.size:
            cells[-1] = (cells[-1][0], end)
        else:
            cells.append((x, end))
    return cells


def _below(upper: list[tuple[float, float]], lower: list[tuple[float, float]], size: float) -> bool:
    """Whether the cells of `lower` (past the first) stand under cells of `upper`."""
    def under(cell: tuple[float, float]) -> bool:
        return any(cell[0] - size <= end and start <= cell[1] + size for start, end in upper[1:])
    return sum(map(under, lower[1:])) >= min(2, len(lower) - 1)


def table_rows(lines: list[Line], em: float) -> list[bool]:
    """For each line of a page, whether it is a row of a table (module doc)."""
    cells = [_cells(line, em) for line in lines]
    linked = [k > 0 and len(cells[k]) >= _MIN_CELLS and len(cells[k - 1]) >= _MIN_CELLS
              and _below(cells[k - 1], cells[k], lines[k].size) for k in range(len(lines))]
    rows = [False] * len(lines)
    k = 0
    while k < len(lines):
        end = k + 1
        while end < len(lines) and linked[end]:
            end += 1
        if end - k >= _MIN_ROWS:
            rows[k:end] = [True] * (end - k)
        k = end
    return rows


def column_lines(lines: list[Line], width: float) -> range:
    """The lines of a page set in columns (module doc), as a range of their indexes; empty
    where the page is set full width. `width`: the page's width in points."""
    if len(lines) < 2 * _MIN_PAIRED:
        return range(0)
    left = min(line.x for line in lines)
    middle = left + 0.35 * (width - 2 * left)
    right = [k for k, line in enumerate(lines) if line.x >= middle]

    def level(k: int) -> list[int]:
        return [j for j, line in enumerate(lines) if line.x < middle
                and abs(line.y - lines[k].y) < 0.3 * lines[k].size]

    paired = [k for k in right if level(k)]
    if len(paired) < _MIN_PAIRED:
        return range(0)
    start = min(j for k in paired for j in level(k))
    end = paired[0]
    while end < len(lines) and lines[end].x >= middle:
        end += 1
    return range(start, end)


def _usual(lengths: list[int]) -> float:
    return statistics.quantiles(lengths, n=4)[2] if len(lengths) >= 4 else max(lengths, default=60)


def shapes(pages: list[list[Line]], widths: list[float], body: float) -> list[list[Shape]]:
    """Each line's Shape: the usual length of a full line in its page's columns, or in the
    document's full-width text; whether it is a row of a table; its size against `body`."""
    em = letter_width(pages)
    columns = [column_lines(lines, width) for lines, width in zip(pages, widths)]
    plain = [len(line.text) for lines, cols in zip(pages, columns)
             for k, line in enumerate(lines) if k not in cols and len(line.text) > 20]
    full = _usual(plain or [len(line.text) for lines in pages for line in lines
                            if len(line.text) > 20])
    out = []
    for lines, cols in zip(pages, columns):
        column_full = _usual([len(lines[k].text) for k in cols]) if cols else full
        rows, titles = table_rows(lines, em), _titles(lines, body)
        out.append([Shape(column_full if k in cols else full, row,
                           line.size / body if body else 1.0,
                           k + 1 < len(lines) and lines[k + 1].x >= line.x + line.size, titles[k],
                           _indent_after(lines, k))
                     for k, (line, row) in enumerate(zip(lines, rows))])
    return out


def _indent_after(lines: list[Line], k: int) -> bool:
    """Line k+1 set in an em or more from line k, and line k+2 back within a third of an em."""
    if k + 2 >= len(lines):
        return False
    line, first, back = lines[k], lines[k + 1], lines[k + 2]
    return first.x >= line.x + line.size and abs(back.x - line.x) < 0.3 * line.size


def _titles(lines: list[Line], body: float) -> list[bool]:
    """Lines in runs of at most _TITLE_LINES set alike, _TITLE_SCALE times the body or larger;
    a longer run is text in large type (a lead paragraph), not a title."""
    out = [False] * len(lines)
    k = 0
    while k < len(lines):
        end = k + 1
        while end < len(lines) and lines[end].size == lines[k].size:
            end += 1
        if body and lines[k].size >= _TITLE_SCALE * body and end - k <= _TITLE_LINES:
            out[k:end] = [True] * (end - k)
        k = end
    return out
