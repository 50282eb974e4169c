"""The contents of an aligned text: its headings, and the link that holds each.

Why: a book aligned whole has thousands of links, and a reader who wants chapter 12 had
only the pager and the search box. The headings are found again in the aligned text, not
stored: a PO already keeps every sentence's paragraph, and a heading is a paragraph of one
sentence that reads as a heading by the rule plain text is read with
(`read.text.looks_like_heading`: short, not ending like a sentence, or in capitals). So
every PO written before this module has its contents too, and a heading corrected in the
reader is listed as corrected. Date lines ("mars 1925") stay out: they are no place to go.
The original's headings come first; a link with none there lists the translation's (a
heading the translator added). A text where more than `MAX_SHARE` of the links would be
headings (a list, verse, a presplit file of short lines) gets no contents: such a list
would be no guide. Nor is a line of verse or of a letter's address ("HEARTHRUG,", "And pour
the waters of the Nile"): a run of short lone paragraphs one of which runs on into the next
(ends with a comma, a semicolon, a colon or a dash) lists none of its lines; a title block
("Le vieux pont", "Lewis Carroll", "CHAPITRE PREMIER") stays. The EPUB export (epub.py)
cuts its files at a stricter rule, titles that name a chapter ("Chapter 3", "IV."): a file
per section heading would be too many.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .read.text import DATE_LINE, looks_like_heading
from .types import Bitext, Sentence, VersionSet

MAX_SHARE = 0.25
"""More links than this share read as headings: the text has no contents worth listing."""
MAX_CHARS = 80
"""A listed heading is cut to this many characters per side."""


@dataclass(frozen=True)
class Heading:
    """One heading: the link (0-based; a version set's row) that holds it and the text to
    list; `whole` when the link holds nothing else (the reader draws such a row bold)."""

    link: int
    text: str
    whole: bool = True


LINE_CHARS = 80
"""A lone paragraph this short may be a line of verse or of an address."""
_RUNS_ON = re.compile(r"[,;:\-–—]$")


Flagged = frozenset[int] | None
"""One side's Bitext.heading_paragraphs: the paragraphs its reader marked, None where unknown."""


def flagged(bitext: Bitext) -> tuple[Flagged, Flagged]:
    """Each side's paragraphs marked as headings by its reader; None where unknown, and where
    its reader marked none (a page of bare <p>, a PDF in one type size: the reader did not
    know the text's headings, so the text rule still finds 'Chapter 1')."""
    marks = bitext.heading_paragraphs or (None, None)
    return marks[0] or None, marks[1] or None


def _lone(sents: Sequence[Sentence], marked: Flagged = None) -> list[bool]:
    """For each sentence: is it the only sentence of its paragraph, and no line of verse (one of
    a run of short lone paragraphs where a line runs on into the next)? Where the reader
    `marked` its headings, also one of them."""
    per = Counter(s.paragraph for s in sents)
    lone = [per[s.paragraph] == 1 for s in sents]
    texts = [s.text.strip() for s in sents]
    short = [alone and len(text) <= LINE_CHARS for alone, text in zip(lone, texts)]
    start = 0
    while start < len(sents):
        end = start + 1
        if short[start]:
            while end < len(sents) and short[end]:
                end += 1
            if any(_RUNS_ON.search(texts[k]) for k in range(start, end)):
                lone[start:end] = [False] * (end - start)
        start = end
    if marked is not None:
        lone = [alone and s.paragraph in marked for alone, s in zip(lone, sents)]
    return lone


def _is_heading(sent: Sentence, lone: bool, marked: bool = False) -> bool:
    """`marked`: the reader said which paragraphs are headings (`lone` holds that), so how
    the line reads does not decide (a PDF's author line or table row reads as a heading)."""
    text = sent.text.strip()
    return lone and (marked or looks_like_heading(text)) and not DATE_LINE.match(text) \
        and not _RUNS_ON.search(text)


def _side(sents: Sequence[Sentence], lone: Sequence[bool], idx: Sequence[int],
          marked: bool = False) -> tuple[str, bool]:
    """One side's heading text in a link ('' if none), and whether it is all the side holds."""
    found = [sents[j].text.strip() for j in idx if _is_heading(sents[j], lone[j], marked)]
    text = " ".join(found)
    text = text if len(text) <= MAX_CHARS else text[:MAX_CHARS - 1].rstrip() + "…"
    return text, len(found) == len(idx)


def _listed(found: list[tuple[int, list[tuple[str, bool]]]], rows: int) -> tuple[Heading, ...]:
    """Headings from each row's sides (text, whole), the first side with one named; none at
    all when more than MAX_SHARE of the rows would be listed."""
    out = [Heading(i, next(text for text, _ in sides if text), all(w for _, w in sides))
           for i, sides in found if any(text for text, _ in sides)]
    return () if len(out) > MAX_SHARE * rows else tuple(out)


def headings(bitext: Bitext) -> tuple[Heading, ...]:
    """The text's headings in reading order (see the module docstring for the rule)."""
    src_marked, tgt_marked = flagged(bitext)
    src_lone, tgt_lone = _lone(bitext.src, src_marked), _lone(bitext.tgt, tgt_marked)
    found = [(i, [_side(bitext.src, src_lone, link.src, src_marked is not None),
                  _side(bitext.tgt, tgt_lone, link.tgt, tgt_marked is not None)])
             for i, link in enumerate(bitext.alignment.links)]
    return _listed(found, len(bitext.alignment.links))


def set_headings(vs: VersionSet) -> tuple[Heading, ...]:
    """The headings of a version set's rows (`Heading.link` is the row): the original's,
    else the first version's that has one there."""
    lone = [_lone(t.sentences) for t in vs.texts]
    found = [(i, [_side(t.sentences, lone[k], row.cells[k]) for k, t in enumerate(vs.texts)])
             for i, row in enumerate(vs.rows)]
    return _listed(found, len(vs.rows))
