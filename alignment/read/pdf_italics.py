"""A PDF's italics: which fonts are italic, and each paragraph's italic stretches.

Part of the read stage, for pdf_layout.py (each line's italic stretches, from the font each
piece of text is drawn in) and pdf.py (the paragraphs' stretches). Why: a book read from a PDF
lost its italics (titles, emphasis, foreign words), which the other readers keep
(italic_runs.py) and the exports and the reader show.

A PDF says no 'italic', only which font draws each piece: a font is italic where its
descriptor gives an italic angle or the italic flag (bit 7), else where its name says so
('Times-Italic', 'Helvetica-Oblique', 'MinionPro-It', 'ArialMT,BoldItalic', TeX's 'CMTI10').
A paragraph is its lines joined (a space between, a line-end hyphen dropped), so its italics
are found by walking its characters along the lines' in order, a dropped hyphen skipped; where
the two part (a text pypdf reads otherwise than the lines), the rest of the book gets none
rather than italics on the wrong words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..types import Spans

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


def spans_of(flags: Sequence[bool]) -> Spans:
    """The (start, end) stretches of consecutive True flags."""
    out, start = [], None
    for k, flag in enumerate((*flags, False)):
        if flag and start is None:
            start = k
        elif not flag and start is not None:
            out.append((start, k))
            start = None
    return tuple(out)


def bridged(text: str, flags: list[bool]) -> list[bool]:
    """The flags with each run of white space between two italic characters italic too: a PDF
    draws the space between two italic words in any font, or in none (a gap), and 'Le Monde'
    is one title, not two."""
    out = list(flags)
    k = 0
    while k < len(text):
        if text[k].isspace():
            end = k
            while end < len(text) and text[end].isspace():
                end += 1
            if 0 < k and end < len(text) and flags[k - 1] and flags[end]:
                out[k:end] = [True] * (end - k)
            k = end
        else:
            k += 1
    return out


def flags_of(text: str, spans: Spans) -> list[bool]:
    flags = [False] * len(text)
    for a, b in spans:
        flags[a:b] = [True] * (b - a)
    return flags


def collapsed(chars: Iterable[tuple[str, bool]]) -> tuple[str, Spans]:
    """Characters with their italic flags as one line: white space collapsed to single spaces
    and trimmed (as pdf_layout writes a line), the italics kept on the characters left."""
    text: list[str] = []
    flags: list[bool] = []
    for ch, italic in chars:
        if ch.isspace():
            if text and text[-1] != " ":
                text.append(" ")
                flags.append(False)
            continue
        text.append(ch)
        flags.append(italic)
    while text and text[-1] == " ":
        text.pop()
        flags.pop()
    return "".join(text), spans_of(bridged(text, flags))


def translated(text: str, spans: Spans, table: dict[int, str]) -> tuple[str, Spans]:
    """`text` through str.translate's `table` (ligatures into their letters), its italics with it."""
    if not spans:
        return text.translate(table), ()
    out: list[str] = []
    flags: list[bool] = []
    for ch, flag in zip(text, flags_of(text, spans)):
        part = ch.translate(table)
        out.append(part)
        flags += [flag] * len(part)
    return "".join(out), spans_of(flags)


def paragraph_italics(paragraphs: Sequence[tuple[str, bool]],
                      lines: Iterable[tuple[str, Spans]]) -> list[Spans]:
    """Each paragraph's italics ((text, made of the lines?) in their order: notes are not), from
    the lines' (text, italics) they were joined from, in the same order."""
    lines = list(lines)
    if not any(spans for _, spans in lines):   # most books: nothing to walk
        return [() for _ in paragraphs]
    stream = [(ch, flag) for text, spans in lines for ch, flag in zip(text, flags_of(text, spans))
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
        out.append(spans_of(bridged(text, flags)))
    return out
