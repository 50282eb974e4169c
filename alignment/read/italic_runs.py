"""Italic stretches carried through the readers' normalisation of a paragraph.

Why a module of its own: every reader that knows formatting (html.py, and epub.py through it;
markdown.py; office.py for DOCX and ODT) reads a paragraph as pieces of text, some of them in
italics, and then normalises the whole paragraph (text.normalize_space: NFC, invisible
characters out, every whitespace run one space or one no-break space, none at the ends). The
italic stretches a Document keeps (types.Spans) are offsets into the normalised string, so the
normalisation is done here once more piece by piece, with the same rules, mapping the offsets;
each reader only says which pieces are in italics.

Rules for a stretch: it covers the text of italic pieces; a whitespace run between two italic
words is in it only if some of that whitespace was in italics too ('<i>Le </i><i>Monde</i>' is
one stretch 'Le Monde', '<i>Le</i> <i>Monde</i>' two, as the page has them), so a stretch never
starts or ends with whitespace, and none is empty. A paragraph whose NFC composes a character
across the edge of a stretch ('<i>e</i>' + U+0301) loses its stretches rather than get wrong
offsets (never seen in a real text). Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from ..types import Spans
from .text import _NO_BREAK, INVISIBLE, NBSP, collapse_space, normalize_space

Run = tuple[str, bool]
"""A piece of a paragraph's text and whether it is in italics."""


def merge_spans(spans: Iterable[tuple[int, int]]) -> Spans:
    """Sorted, empty stretches dropped, touching or overlapping ones made one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return tuple(out)


def join_runs(runs: Iterable[Run]) -> tuple[str, Spans]:
    """The text of `runs` joined, and the stretches of it the italic runs cover (offsets into
    the joined text, not normalised yet: normalize_italics does that)."""
    texts, spans, at = [], [], 0
    for text, italic in runs:
        texts.append(text)
        if italic and text:
            spans.append((at, at + len(text)))
        at += len(text)
    return "".join(texts), merge_spans(spans)


def runs_of(text: str, spans: Spans) -> list[Run]:
    """`text` cut at the edges of `spans`: the inverse of join_runs."""
    runs, at = [], 0
    for start, end in spans:
        if start > at:
            runs.append((text[at:start], False))
        runs.append((text[start:end], True))
        at = end
    if at < len(text):
        runs.append((text[at:], False))
    return runs


def clip_spans(spans: Spans, start: int, end: int) -> Spans:
    """The parts of `spans` inside text[start:end], as offsets into that slice."""
    return tuple((max(a, start) - start, min(b, end) - start)
                 for a, b in spans if a < end and b > start)


# What normalize_space changes besides whitespace, and the no-break spaces it keeps: a
# paragraph holding neither (nearly all) is mapped without per-piece NFC.
_INVISIBLE = re.compile("[" + "".join(re.escape(chr(c)) for c in INVISIBLE) + "]")
_NO_BREAK_CHAR = re.compile(f"[{_NO_BREAK}]")


def normalize_italics(text: str, spans: Spans) -> tuple[str, Spans]:
    """normalize_space(text), and `spans` (stretches of `text`: sorted, not overlapping, as
    join_runs and clip_spans give them) as stretches of the result.

    Without spans this is normalize_space itself: a paragraph with no italics costs nothing
    more than before."""
    if not spans:
        return normalize_space(text), ()
    runs = runs_of(text, spans)
    if not unicodedata.is_normalized("NFC", text) or _INVISIBLE.search(text):
        composed = [unicodedata.normalize("NFC", piece) for piece, _ in runs]
        if not unicodedata.is_normalized("NFC", "".join(composed)):
            return normalize_space(text), ()   # composed across a stretch's edge: see module doc
        runs = [(piece.translate(INVISIBLE), italic) for piece, (_, italic) in zip(composed, runs)]
    no_break = _NO_BREAK_CHAR.search(text) is not None
    return _collapse(runs, collapse_space if no_break else _single_spaces)


def _single_spaces(text: str) -> str:
    """collapse_space for a text holding no no-break space (the usual case, and faster)."""
    return " ".join(text.split())


def _separator(space: str) -> str:
    """What collapse_space makes of a whitespace run between two words."""
    if _NO_BREAK_CHAR.search(space) and "\n" not in space and "\r" not in space:
        return NBSP
    return " "


def _collapse(runs: Sequence[Run], collapse: Callable[[str], str]) -> tuple[str, Spans]:
    """collapse_space over the joined runs, whitespace runs that cross pieces included, and
    the italic stretches of the result (see module doc for the whitespace between words)."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    size, pending, pending_italic, last_italic = 0, "", False, False
    for piece, italic in runs:
        core = piece.strip()
        if not core:
            pending += piece
            pending_italic |= italic and bool(piece)
            continue
        if piece[0].isspace():
            pending += piece[:piece.index(core[0])]
            pending_italic |= italic
        italic_space = bool(pending) and pending_italic
        if size and pending:
            out.append(_separator(pending))
            size += 1
        core = collapse(core)
        if italic:
            start = size
            if spans and (spans[-1][1] == size or last_italic and italic_space):
                start = spans.pop()[0]   # the same stretch goes on
            spans.append((start, size + len(core)))
        out.append(core)
        size += len(core)
        pending = piece[len(piece.rstrip()):]
        pending_italic, last_italic = italic and bool(pending), italic
    return "".join(out), tuple(spans)
