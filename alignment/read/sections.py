"""Cutting a Document to one section: from a heading, or between two markers copied from the text.

A section that starts at a heading runs to the next heading of the same level or higher where
the reader knew levels (Markdown #, HTML h1-h6, EPUB): '# Chapter One' goes on past '## The
river'. Elsewhere (plain text, a heading of unknown level) it runs to the next heading written
the same way (heading_kind). Standard library only.
"""

from __future__ import annotations

import re

from ..errors import InputError, SectionNotFound
from ..italics import carry
from ..types import Document, Spans
from .text import DATE_LINE, NBSP, normalize_space


def _key(text: str) -> str:
    return normalize_space(text).casefold().replace(NBSP, " ")


def heading_kind(text: str) -> tuple[str, str]:
    """The shape of a heading: (case, numbering); 'same kind' means the same shape.

    Where the Document keeps no heading level, a section runs to the next heading
    written the same way: "INTRODUCTION" ends at "NOTES", not at "I. Les
    mouchards" or at a date line inside it.
    """
    stripped = text.strip()
    if DATE_LINE.match(stripped):
        return ("date", "")
    letters = [c for c in stripped if c.isalpha()]
    case = "upper" if letters and all(c.isupper() for c in letters) else "mixed"
    number = re.match(r"^(?:(\d+)|([IVXLC]+)|([A-Za-z]))[.)]?\s", stripped + " ")
    numbering = "" if not number else ("arabic" if number.group(1) else
                                       "roman" if number.group(2) else "letter")
    return (case, numbering)


def _find_heading(doc: Document, heading: str) -> int:
    wanted = _key(heading)
    # Only a heading may start a section: the same words in a table of contents, a
    # link or a sentence are not where the section begins.
    for exact in (True, False):
        for i in sorted(doc.headings):
            key = _key(doc.paragraphs[i])
            if key == wanted or (not exact and key.startswith(wanted)):
                return i
    known = ", ".join(repr(doc.paragraphs[i][:40]) for i in sorted(doc.headings)[:8])
    raise SectionNotFound(f"{doc.source or 'text'}: no heading {heading!r}; check the spelling"
                          + (f" (headings found: {known})" if known else " (no headings found)"))


def _find_marker(doc: Document, paras: list[str], marker: str, at: tuple[int, int],
                 what: str) -> tuple[int, int]:
    wanted = normalize_space(marker)
    for i in range(at[0], len(paras)):
        pos = paras[i].find(wanted, at[1] if i == at[0] else 0)
        if pos >= 0:
            return i, pos
    raise SectionNotFound(f"{doc.source or 'text'}: {what} marker {marker!r} not found; "
                          f"give text copied exactly from the file")


def cut_section(doc: Document, *, heading: str | None = None, start: str | None = None,
                end: str | None = None) -> Document:
    """Keep one section: from a heading (up to the next heading of the same kind) or from a
    start marker (included), up to an end marker (excluded) when one is given."""
    if heading and start:
        raise InputError("give either a section heading or a start marker, not both")
    paras = list(doc.paragraphs)
    first, stop, search_end = 0, len(paras), (0, 0)
    if heading:
        first = _find_heading(doc, heading)
        stop = _section_end(doc, first)
        search_end = (first + 1, 0)
    elif start:
        first, pos = _find_marker(doc, paras, start, (0, 0), "start")
        paras[first] = paras[first][pos:]
        search_end = (first, len(normalize_space(start)))
    if end:
        last, pos = _find_marker(doc, paras, end, search_end, "end")
        stop, paras[last] = last + 1, paras[last][:pos]
    out = [(i, normalize_space(paras[i])) for i in range(first, stop)]
    out = [(i, p) for i, p in out if p]
    if not out:
        raise SectionNotFound(f"{doc.source or 'text'}: the section is empty; check the markers")
    headings = {k for k, (i, _) in enumerate(out) if i in doc.headings}
    levels = tuple(doc.level(i) for i, _ in out) if doc.levels else ()
    return Document(tuple(p for _, p in out), source=doc.source, title=doc.title,
                    headings=frozenset(headings), warnings=doc.warnings, levels=levels,
                    italics=_italics_kept(doc, out))


def _italics_kept(doc: Document, kept: list[tuple[int, str]]) -> tuple[Spans, ...]:
    """The italics of the kept paragraphs (each the whole paragraph, or the part a marker left),
    found again in them as the segmenter's sentences are (italics.carry)."""
    if not any(doc.italics):
        return ()
    return tuple(carry(doc.paragraphs[i], doc.italics[i], [p])[0] if i < len(doc.italics) else ()
                 for i, p in kept)


def _section_end(doc: Document, first: int) -> int:
    """Where the section of the heading at `first` ends: at the next heading of its level or
    higher when its level is known (one of unknown level, a date line, does not end it), else
    at the next heading of the same kind."""
    level, kind = doc.level(first), heading_kind(doc.paragraphs[first])
    ends = (i for i in sorted(doc.headings) if i > first
            and (0 < doc.level(i) <= level if level else heading_kind(doc.paragraphs[i]) == kind))
    return next(ends, len(doc.paragraphs))
