"""Which first and last lines of a PDF's pages are running heads, feet or page numbers.

The rule of pdf.py's first version, a line among the first and last two of a page recurring
(digits ignored) on 40% of the pages and 3 of them, misses what short documents and books
print: heads that alternate (the journal's name on even pages, the author and title on odd
pages) recur on half the pages at most, and an article or a chapter of 3-6 pages has each of
them once or twice, so they were read into the sentence the page break cut ("Revue d'histoire
des langues · 12 (2023) 42 étaient confiés", "on devinait à peine les ANNE LEROY peupliers").
A first or last line is also running when
- it recurs at that place on pages of one parity (2 of them, and 40% of that parity's pages),
  and reads as a head (no sentence end, four letters or digits at least);
- it starts or ends with the page's number, the number and the page's index differing as they
  do on another page (the book's numbering: page 42 is the second page of an article from 41);
- it is the first line of a page, set smaller than the line after it, which goes on in lower
  case with the sentence the page break cut (a head in small type above the text's continuation).
A line that is only a page number ("12", "- 12 -", "xiv"; not "II", which heads a chapter) goes.
"""

from __future__ import annotations

import re
from collections import Counter

# A page number: digits, or a Roman numeral in lower case as front matter numbers its pages
# ("xiv"). Not one in capitals: "I", "II" at the top of a page head chapters (they were dropped,
# and a book of such chapters read as one paragraph); nor any word of the letters ivxlc
# ("civil", "Lili" alone on a line).
PAGE_NUMBER = re.compile(r"^(?:[Pp]age\s*)?[-–—(\[]?\s*(?:\d{1,4}|(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})"
                         r"(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))\s*[-–—)\]]?$")
_ONLY_NUMBER = re.compile(r"^(?:[Pp]age\s*)?[-–—(\[]?\s*(\d{1,4})\s*[-–—)\]]?$")
_EDGE_NUMBER = re.compile(r"^(\d{1,4})\s+\S|\S\s+(\d{1,4})$")
_SENTENCE_END = re.compile(r"[.!?…»”\"]$")
_MIN_PAGES_FOR_HEADS = 3


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _edge_number(line: str) -> int | None:
    """The number a line starts or ends with, or is ("42", "Revue · 12 (2023) 42", "43 Titre")."""
    match = _ONLY_NUMBER.match(line) or _EDGE_NUMBER.search(line)
    return int(next(g for g in match.groups() if g)) if match else None


def _numbering(pages: list[list[str]]) -> int | None:
    """The difference between printed page numbers and page indexes, where 2 pages agree."""
    offsets: Counter[int] = Counter()
    for index, lines in enumerate(pages):
        seen = {n - index for line in lines[:1] + lines[-1:] if (n := _edge_number(line)) is not None}
        offsets.update(seen)
    best = offsets.most_common(1)
    return best[0][0] if best and best[0][1] >= 2 else None


def _parity_heads(pages: list[list[str]]) -> set[tuple[int, str]]:
    """(parity, shape) of first or last lines recurring on pages of one parity."""
    out = set()
    for parity in (0, 1):
        pages_of = [lines for k, lines in enumerate(pages) if k % 2 == parity and lines]
        need = max(2, int(0.4 * len(pages_of) + 0.999))
        counts = Counter(shape for lines in pages_of for shape in {_shape(lines[0]), _shape(lines[-1])})
        out |= {(parity, shape) for shape, count in counts.items() if count >= need
                and not _SENTENCE_END.search(shape) and sum(c.isalnum() for c in shape) >= 4}
    return out


def running_flags(pages: list[list[str]], small_tops: list[bool] | None = None) -> list[list[bool]]:
    """For each page, which of its lines are running heads, feet or page numbers (module doc).
    `small_tops[p]`: page p's first line is set smaller than its second."""
    edges: Counter[str] = Counter()
    for lines in pages:
        edges.update({_shape(line) for line in lines[:2] + lines[-2:]})
    need = max(_MIN_PAGES_FOR_HEADS, int(0.4 * len(pages) + 0.999))
    running = {shape for shape, count in edges.items() if count >= need}
    parity = _parity_heads(pages)
    offset = _numbering(pages)
    out = []
    for index, lines in enumerate(pages):
        flags = [False] * len(lines)
        for k in {0, 1, -1, -2} if lines else ():
            if -len(lines) <= k < len(lines):
                line, outer = lines[k], k in (0, -1)
                flags[k] = flags[k] or (
                    _shape(line) in running or bool(PAGE_NUMBER.match(line))
                    or (outer and (index % 2, _shape(line)) in parity)
                    or (outer and offset is not None and _edge_number(line) == index + offset)
                    or (k == 0 and bool(small_tops and small_tops[index]) and _small_head(lines)))
        out.append(flags)
    return out


def _small_head(lines: list[str]) -> bool:
    return (len(lines) > 1 and not lines[0][:1].islower() and lines[1][:1].islower()
            and not _SENTENCE_END.search(lines[0]))
