"""A PDF's italics: which fonts are italic, and each paragraph's italic stretches.

Part of the read stage, for pdf_layout.py (each line's italic stretches, from the font each
piece of text is drawn in) and pdf.py (the paragraphs' stretches). Why: a book read from a PDF
lost its italics (titles, emphasis, foreign words), which the other readers keep
(italic_runs.py) and the exports and the reader show.

A PDF says no 'italic', only which font draws each piece: a font is italic where its
descriptor gives an italic angle or the italic flag (bit 7), else where its name says so
('Times-Italic', 'Helvetica-Oblique', 'MinionPro-It', 'ArialMT,BoldItalic', TeX's 'CMTI10').
A font with no italic of its own can be slanted by the text's matrix instead (a word processor's
"synthetic" italics, fpdf2's skew): text drawn with its upright axis leaning right by more than
_SLANT (about 6 degrees; synthetic italics lean 10-20) is italic too; a rotated line is not, its
two axes still square.
A paragraph is its lines joined (a space between, a line-end hyphen dropped), so its italics
are found by walking its characters along the lines' in order, a dropped hyphen skipped; where
the two part (a text pypdf reads otherwise than the lines), the rest of the book gets none
rather than italics on the wrong words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..italics import carry, italic_flags, spans_of_flags
from ..types import Spans
from .italic_runs import join_runs

_ITALIC_NAME = re.compile(r"italic|oblique|kursiv|[-,](?:bold|semibold|demi|light|medium)?it(?:mt)?$"
                          r"|^cm(?:bx|b|s)?(?:ti|sl)\d", re.I)


def italic_font(font: Any) -> bool:
    """Whether a PDF font dictionary (as pypdf hands it to a text visitor) draws italics."""
    if font is None:
        return False
    try:
        name = str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1]
        described = font.get("/FontDescriptor")
        if described is None and "/DescendantFonts" in font:
            described = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        if described is not None:
            described = described.get_object()
            if float(described.get("/ItalicAngle", 0) or 0) != 0 or int(described.get("/Flags", 0) or 0) & 64:
                return True
    except Exception:   # a damaged font dictionary costs only its italics
        return False
    return bool(_ITALIC_NAME.search(name))


#: the sine of the angle by which a text's upright axis leans right, above which it is italic
_SLANT = 0.1


def text_axes(cm: Sequence[float], tm: Sequence[float]) -> tuple[float, float, float, float]:
    """(a, b, c, d): the baseline's way (a, b) and the upright's (c, d) of text drawn with text
    matrix `tm` under `cm`, in device space."""
    return (tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3],
            tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])


def leans_right(axes: tuple[float, float, float, float]) -> bool:
    """Whether text with these axes (text_axes) leans right like italics: the sine of the angle
    between its upright axis and the square to its baseline is above _SLANT."""
    a, b, c, d = axes
    norms = math.hypot(a, b) * math.hypot(c, d)
    return norms > 0 and (a * c + b * d) / norms * (1 if a * d - b * c > 0 else -1) > _SLANT


def slanted(cm: Sequence[float], tm: Sequence[float]) -> bool:
    """Whether text drawn with text matrix `tm` under `cm` leans right like italics."""
    return leans_right(text_axes(cm, tm))


def line_italics(runs: Sequence[tuple[str, bool]]) -> tuple[str, Spans]:
    """Pieces of a line with their italic flags, as one line: white space collapsed and
    trimmed (as pdf_layout writes a line), the italics carried onto it (italics.carry)."""
    raw, spans = join_runs(runs)
    text = " ".join(raw.split())
    return text, carry(raw, spans, [text])[0]


def translated(text: str, spans: Spans, table: dict[int, str]) -> tuple[str, Spans]:
    """`text` through str.translate's `table` (ligatures into their letters), its italics with it."""
    if not spans:
        return text.translate(table), ()
    return join_runs((ch.translate(table), flag) for ch, flag in zip(text, italic_flags(text, spans)))


def paragraph_italics(paragraphs: Sequence[tuple[str, bool]],
                      lines: Iterable[tuple[str, Spans]]) -> list[Spans]:
    """Each paragraph's italics ((text, made of the lines?) in their order: notes are not), from
    the lines' (text, italics) they were joined from, in the same order."""
    lines = list(lines)
    if not any(spans for _, spans in lines):   # most books: nothing to walk
        return [() for _ in paragraphs]
    stream = [(ch, flag) for text, spans in lines for ch, flag in zip(text, italic_flags(text, spans))
              if not ch.isspace()]
    out: list[Spans] = []
    pos, lost = 0, False
    for text, from_lines in paragraphs:
        flags = [False] * len(text)
        for k, ch in enumerate(text):
            if lost or not from_lines or ch.isspace():
                continue
            while pos < len(stream) and stream[pos][0] != ch and stream[pos][0] in "-\u00ad":
                pos += 1   # a line-end hyphen the join dropped
            if pos < len(stream) and stream[pos][0] == ch:
                flags[k] = stream[pos][1]
                pos += 1
            else:
                lost = True
        out.append(spans_of_flags(text, flags))
    return out
