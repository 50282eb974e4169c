"""A PDF page's lines with the size of their type: what tells a note from the text it annotates.

pdf.py reads a page's lines through pypdf's `extract_text`, which knows nothing of type sizes, so
a note marker set small and raised ('coloniales¹.') came out as text ('coloniales .1 Pourtant':
the splitter found no sentence end there) and the footnotes at the foot of the page ran into the
sentence that the page break cut ('…avec les textes qui leur 1 Voir notamment J. Martin…
étaient confiés'). pypdf hands the same text, piece by piece with its font size and text matrix,
to a `visitor_text` callback; joined, the pieces are exactly `extract_text`'s string, so the
lines stay as pypdf reads them and each one learns its size:
- a note marker is a piece of 1-3 digits or a note sign (*, †, ‡) inside a line, set under 80%
  of the line's size and raised above its baseline: it is dropped, with the space pypdf put
  before the punctuation that followed it ('coloniales .1' -> 'coloniales.');
- footnotes are the run of lines at the foot of a page set under 90% of the body's size whose
  first line starts with a marker piece of its own (pypdf keeps a number set apart from the note
  text as its own piece); each line that starts with the next number starts the next note.
A page number or a running foot below the notes is taken off by pdf.py before (strip_running_lines).
Each line also keeps where it starts and the x of its pieces, for pdf_columns.py.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..types import Spans
from .pdf_italics import italic_font, leans_right, line_italics, text_axes

_MARK = re.compile(r"^(?:\d{1,3}|[*†‡]{1,3})$")
_SPACE_BEFORE_STOP = re.compile(r"^\s+(?=[.,)\]])")
_STOP_ALONE = re.compile(r"^\s+[.,)\]]+$")
_NOTE_START = re.compile(r"^\s*(\d{1,3}|[*†‡]{1,3})[.)]?\s*(?=\S)")


@dataclass(frozen=True)
class Line:
    """One line of a page: its text, the size its characters are mostly set in (points), and the
    marker piece it starts with (a footnote's number), if any."""

    text: str
    size: float
    mark: str = ""
    x: float = 0.0      # where the line starts on the page, and its baseline (points)
    y: float = 0.0
    spans: tuple[tuple[float, int], ...] = ()   # (x, letters) of each piece drawn apart
    raised: tuple[str, ...] = ()   # the note markers dropped from it ('¹' of 'coloniales¹')
    italics: Spans = ()   # its stretches drawn in an italic font (pdf_italics.py)


Axes = tuple[float, float, float, float]   # pdf_italics.text_axes


def _place(cm: list[float], tm: list[float]) -> tuple[float, float, float, Axes]:
    """(vertical scale, x, baseline y, axes: pdf_italics.text_axes) of text drawn with text
    matrix `tm` under `cm`."""
    axes = text_axes(cm, tm)
    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    return (axes[2] * axes[2] + axes[3] * axes[3]) ** 0.5, x, y, axes


_Piece = tuple[str, float, float, float, bool]   # text, size, x, baseline y, italic


def _pieces(page: Any) -> list[list[_Piece]]:
    """The page's lines as pieces (text, size, x, baseline y, italic), in pypdf's reading order."""
    lines: list[list[_Piece]] = [[]]
    fonts: dict[int, tuple[Any, bool]] = {}   # italic_font by font dictionary (held), read once a page

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        scale, x, y, axes = _place(list(cm), list(tm))
        size = abs(size * scale) if scale else abs(size)
        if id(font) not in fonts:
            fonts[id(font)] = font, italic_font(font)
        italic = fonts[id(font)][1] or leans_right(axes)
        for k, part in enumerate(text.split("\n")):
            if k:
                lines.append([])
            if part:
                lines[-1].append((part, size, x, y, italic))

    page.extract_text(visitor_text=visit)
    return [line for line in lines if "".join(p[0] for p in line).strip()]


def _line(pieces: list[_Piece]) -> Line:
    weight: Counter[float] = Counter()
    for text, size, *_ in pieces:
        weight[round(size, 1)] += len(text.strip())
    size = weight.most_common(1)[0][0]
    base = Counter(round(y, 1) for _, s, _, y, _ in pieces if round(s, 1) == size).most_common(1)[0][0]
    out: list[tuple[str, bool]] = []
    spans: list[tuple[float, int]] = []
    drop_space = False
    markers: list[str] = []
    for k, (text, s, x, y, italic) in enumerate(pieces):
        raised = y > base + 0.15 * size and s < 0.8 * size
        if k and _MARK.match(text.strip()) and raised:
            drop_space = True   # a note marker inside the line: not text
            markers.append(text.strip())
            if out and _STOP_ALONE.match(out[-1][0]):
                out[-1] = (out[-1][0].lstrip(), out[-1][1])   # 'assistants' ' .' '³': drawn after the stop
            continue
        out.append((_SPACE_BEFORE_STOP.sub("", text) if drop_space else text, italic))
        if text.strip():
            spans.append((x, len(text.strip())))
        drop_space = False
    first = pieces[0][0].strip()
    mark = first if _MARK.match(first) else ""
    if any(italic for _, italic in out):
        text, italics = line_italics(out)
    else:   # most lines
        text, italics = " ".join("".join(part for part, _ in out).split()), ()
    return Line(text, size, mark, spans[0][0] if spans else 0.0, base, tuple(spans), tuple(markers), italics)


def page_lines(page: Any) -> list[Line]:
    """A pypdf page's lines with their sizes, note markers inside lines dropped (see module doc)."""
    return [line for line in map(_line, _pieces(page)) if line.text]


def body_size(pages: list[list[Line]]) -> float:
    """The size most of the document's characters are set in."""
    weight: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            weight[line.size] += len(line.text)
    return weight.most_common(1)[0][0] if weight else 0.0


def split_notes(lines: list[Line], body: float) -> tuple[list[Line], list[str]]:
    """(the page's lines without its footnotes, the footnotes' texts) (see module doc)."""
    start = len(lines)
    while start > 1 and lines[start - 1].size < 0.9 * body:
        start -= 1
    while start < len(lines) and not lines[start].mark:
        start += 1
    if start >= len(lines) or start == 0:
        return lines, []
    if lines[start].mark not in {m for line in lines[:start] for m in line.raised}:
        return lines, []   # no marker above calls it: small type of the page (a table), not notes
    notes: list[str] = []
    expected = None
    for line in lines[start:]:
        number = int(line.mark) if line.mark.isdigit() else None
        new = not notes or (line.mark and (number is None or number == expected))
        text = _NOTE_START.sub("", line.text, count=1) if new else line.text
        if new:
            notes.append(text)
            expected = number + 1 if number is not None else None
        else:
            notes[-1] = _join_note(notes[-1], text)
    return lines[:start], [note for note in notes if note]


def _join_note(left: str, right: str) -> str:
    if left.endswith("-") and right[:1].islower() and len(left) > 1 and left[-2].isalpha():
        return left[:-1] + right
    return f"{left} {right}"
