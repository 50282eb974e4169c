"""PDF with a text layer -> Document: running heads, page numbers and line-end hyphens removed,
paragraphs rebuilt from lines, chapters from the PDF outline (bookmarks).

Library: pypdf (pure Python, maintained, the successor of PyPDF2): its `extract_text` gives each
page's lines in reading order, `outline` the bookmarks with their pages, and it decrypts PDFs
that only restrict printing (empty user password). A PDF is a page description, not a text, so
the rest is ours and deliberately simple:
- Running heads and feet, page numbers: pdf_heads.py; footnotes and note markers, told by their
  type size: pdf_layout.py (notes follow the paragraph the page break cut, as "note" paragraphs);
  pages that are pictures without text: pdf_scans.py (a warning, or ScannedPDF when most are).
- Hyphenation: a line ending in "-" after a letter, whose next line starts in lower case, is
  joined without the hyphen ("impor-" + "tant" -> "important"), unless the hyphen is the word's
  own ("elles-" + "mêmes", "well-" + "known": pdf_hyphens.py); before a capital the hyphen
  stays, with no space ("Jean-" + "Paul"). Ligatures become their letters ("ﬁ" -> "fi").
- Paragraphs: a line ends its paragraph when it ends a sentence and is clearly shorter than a
  full line (under 85% of the usual line length: its column's on a two-column page), or when
  the next line is a heading (a short line that text.looks_like_heading accepts, standing after
  a paragraph end; a numbered one, '2. Methods', or lines in larger type, after anything).
  A table's rows are a paragraph each (pdf_columns.py). Paragraphs run across page breaks.
- Italics: the stretches drawn in an italic font, carried from the lines to the paragraphs
  (pdf_italics.py).
A PDF whose pages hold no text at all is a scan: ScannedPDF says to run OCR first.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from ..errors import BookError, EncryptedBook, ScannedPDF
from ..types import Document, Role
from .book import BookBuilder
from .pdf_columns import Shape, shapes
from .pdf_heads import running_flags
from .pdf_hyphens import compound_rule
from .pdf_italics import paragraph_italics, translated
from .pdf_layout import Line, body_size, page_lines, split_notes
from .pdf_scans import pictures_warning

# What pypdf raises on damaged files besides its own PyPdfError (fuzzed in the tests).
_LIB_ERRORS = (ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError,
               AssertionError, ZeroDivisionError, NotImplementedError, OverflowError)
_ENDS = re.compile(r"[.!?…:;»”\"')\]]$")


def _open(data: bytes, source: str) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, DeprecationError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except DependencyError:
                ok = 0
            if not ok:
                raise EncryptedBook(f"{source or 'input'}: the PDF is password-protected; "
                                    f"save an unprotected copy first")
        return reader
    except EncryptedBook:
        raise
    except (PyPdfError, DeprecationError, *_LIB_ERRORS) as exc:
        raise BookError(f"{source or 'input'}: not a readable PDF ({type(exc).__name__}: "
                        f"{str(exc)[:80]}); check the download is complete") from None


# Typeset ligatures as the letters they join: "ofﬁciel" is no word a search, a spelling check
# or the encoder knows ("officiel").
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                           "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})


def _page_lines(reader: Any, source: str
                ) -> tuple[list[list[Line]], list[float], tuple[str, ...]]:
    """The pages' lines with their type sizes and places, the pages' widths (points), and a
    warning naming the pages of pictures only."""
    from pypdf.errors import DeprecationError, PyPdfError

    pages, widths = [], []
    try:
        for page in reader.pages:
            lines = [replace(line, text=text, italics=italics) for line in page_lines(page)
                     for text, italics in [translated(line.text, line.italics, LIGATURES)]]
            pages.append(lines if any(c.isalnum() for line in lines for c in line.text) else [])
            widths.append(float(page.mediabox.width))
    except (PyPdfError, DeprecationError, *_LIB_ERRORS) as exc:
        raise BookError(f"{source or 'input'}: a page of the PDF cannot be read "
                        f"({type(exc).__name__}); check the download is complete") from None
    if not any(pages):
        raise ScannedPDF(f"{source or 'input'}: the PDF has no text layer (a scan or images of "
                         f"text); run OCR on it first (e.g. ocrmypdf) and read the result")
    return pages, widths, pictures_warning(reader, pages, source)


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without their running heads, feet and page numbers (pdf_heads.py)."""
    flags = running_flags(pages)
    return [[line for line, running in zip(lines, page) if not running]
            for lines, page in zip(pages, flags)]


def _body_pages(pages: list[list[Line]], body: float) -> tuple[list[list[Line]], list[list[str]]]:
    """(each page's body lines, each page's footnotes): running lines and notes taken out."""
    small_tops = [len(lines) > 1 and lines[0].size < 0.9 * lines[1].size for lines in pages]
    flags = running_flags([[line.text for line in lines] for lines in pages], small_tops)
    kept_pages, notes = [], []
    for lines, page in zip(pages, flags):
        kept, page_notes = split_notes([line for line, running in zip(lines, page) if not running],
                                       body)
        kept_pages.append(drop_caps(kept))
        notes.append(page_notes)
    return kept_pages, notes


def drop_caps(lines: list[Line]) -> list[Line]:
    """Lines with a drop cap joined to the word it begins: a line of one large capital
    ('T') before one that goes on in lower case ('he snow came early') was a heading 'T' and
    a sentence 'he snow…' in a re-tester's book."""
    out: list[Line] = []
    for line in lines:
        cap = out[-1].text if out else ""
        if len(cap) == 1 and cap.isupper() and line.text[:1].islower() and out[-1].size > line.size:
            out[-1] = replace(line, text=cap + line.text, italics=tuple(
                (a + 1, b + 1) for a, b in line.italics))
        else:
            out.append(line)
    return out


def _joined(left: str, right: str, keep: Callable[[str, str], bool] | None = None) -> str:
    broken = left.endswith(("-", "\u00ad")) and len(left) > 1 and left[-2].isalpha()
    if broken and right[:1].islower() and keep and left.endswith("-") and keep(left, right):
        return left + right   # a compound broken at its own hyphen: "elles-" + "mêmes"
    if broken and right[:1].islower():
        return left[:-1] + right
    if broken and left.endswith("-") and right[:1].isupper():
        return left + right   # a name broken at its own hyphen: "Jean-" + "Paul"
    return f"{left} {right}"


# "1. Introduction", "2.3 Data sources": a number, then a title in a capital (no sentence end).
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[^\W\d_])(\S.*[^\s.!?;:,]|\S)$")


def _numbered_heading(line: str, shape: Shape) -> bool:
    """A numbered heading standing alone on its line, whatever the line before ended with (an
    abstract's full last line, a table's row): '1. Introduction' was joined to either."""
    match = _NUMBERED.match(line)
    return (bool(match) and match.group(1)[0].isupper() and len(line.split()) <= 9
            and len(line) < 0.7 * shape.full and shape.scale > 0.97)


_ITEM = re.compile(r"^(\d{1,2})[.)]\s+\S")


def list_items(lines: list[str]) -> set[int]:
    """Indexes of the lines that are items of a numbered list: a line 'N. …' next to one
    'N+1. …' or 'N-1. …' (a recipe's '1. Flour', '2. Three eggs' were read as headings,
    the rule for '2. Methods' standing alone making them certain)."""
    numbers = [int(m.group(1)) if (m := _ITEM.match(line)) else None for line in lines]
    return {k for k, n in enumerate(numbers) if n is not None and (
        k and numbers[k - 1] == n - 1 or k + 1 < len(numbers) and numbers[k + 1] == n + 1)}


def _title_line(line: str, shape: Shape) -> bool:
    return shape.title and not shape.row and not line.endswith(".")


def _plain_shapes(pages: list[list[str]]) -> list[list[Shape]]:
    """Every line against the document's usual line length (no positions known)."""
    lengths = [len(line) for lines in pages for line in lines if len(line) > 20]
    full = statistics.quantiles(lengths, n=4)[2] if len(lengths) >= 4 else max(lengths, default=60)
    return [[Shape(full)] * len(lines) for lines in pages]


def paragraphs_from_lines(pages: list[list[str]], notes: list[list[str]] | None = None,
                          keep: Callable[[str, str], bool] | None = None,
                          layout: list[list[Shape]] | None = None
                          ) -> list[tuple[str, int, bool, Role]]:
    """(paragraph, page of its first line, is heading, role) rebuilt from the pages' lines; a
    page's footnotes (`notes[page]`) follow the paragraph running at the page's end, as "note"
    paragraphs, so the sentence the page break cuts stays whole. `layout[page][line]`: where
    the line stands (pdf_columns.py); without it every line is measured against the document's.
    Lines in a larger type than the body (up to 3, alike) are one heading; after a title that
    opens the document, its lines (author, affiliation) are text paragraphs of their own, not
    headings (one edition's 'Marie Durand' was, its translation's affiliation not), until the
    first full line that a line set in does not follow (an abstract's, the text's)."""
    from .text import looks_like_heading

    layout = layout or _plain_shapes(pages)
    out: list[tuple[str, int, bool, Role]] = []
    pending: list[tuple[str, int]] = []

    def close(text: str, page: int, heading: bool = False) -> None:
        if text:
            out.append((text, page, heading, "text"))
        if not heading:
            out.extend((note, at, False, "note") for note, at in pending)
            pending.clear()

    current, page_of, ended, title, front, scale = "", 0, True, 0, False, 1.0
    last_item = None   # the number of the list item the last line was (a list goes on past a page)
    for page, lines in enumerate(pages):
        items = list_items(lines)
        for k, (line, shape) in enumerate(zip(lines, layout[page])):
            number = int(m.group(1)) if (m := _ITEM.match(line)) else None
            if k in items or number is not None and last_item == number - 1:
                close(current, page_of)   # '1. Flour', '2. Three eggs': each item a paragraph
                current, page_of, last_item = line, page, number
                ended = len(line) < 0.85 * shape.full   # a full line wraps on into the next
                continue
            last_item = None
            if title and _title_line(line, shape) and shape.scale == scale \
                    and not _NUMBERED.match(line):   # "2. Methods" then "2.1 Data"
                current, title = _joined(current, line, keep), title + 1
                continue
            if title:
                front = not out
                close(current, page_of, heading=True)
                current, ended, title = "", True, 0
            front = front and (len(line) < 0.85 * shape.full or shape.set_in_after)
            if _title_line(line, shape) or shape.row:
                close(current, page_of)
                current, page_of, scale = line, page, shape.scale
                title, ended = (0, True) if shape.row else (1, False)
                continue
            heading = _numbered_heading(line, shape) or (
                ended and not front and len(line) < 0.7 * shape.full and looks_like_heading(line))
            if heading or ended or not current:
                close(current, page_of)
                current, page_of = line, page
            else:
                current = _joined(current, line, keep)
            if heading:
                close(current, page_of, heading=True)
                current, ended, front = "", True, False
                continue
            # a line that ends a sentence ends its paragraph when clearly short, or nearly full
            # where the next line is indented and nearly full too (a paragraph's first line; a
            # list entry running on set in is mostly shorter: a bibliography's)
            ended = front or (bool(_ENDS.search(line)) and (len(line) < 0.85 * shape.full or (
                shape.indent_after and len(lines[k + 1]) >= 0.8 * shape.full)))
        pending.extend((note, page) for note in (notes[page] if notes else ()))
    close(current, page_of, heading=bool(title))
    return out


def _outline(reader: Any) -> list[tuple[int, str]]:
    """(page index, title) of the top-level bookmarks."""
    try:
        items = reader.outline
        out = []
        for item in items:
            if isinstance(item, list):
                continue  # nested bookmarks: sections inside a chapter
            page = reader.get_destination_page_number(item)
            if isinstance(page, int):  # a bookmark to nowhere (damaged) names no chapter
                out.append((page, str(item.title or "")))
        return out
    except Exception:  # a damaged outline costs only the chapter titles, never the text
        return []


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs how it repairs a damaged file; that is no news for the user (failures raise)."""
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)


def _title(reader: Any) -> str:
    try:
        return str((reader.metadata or {}).get("/Title", "") or "")
    except Exception:  # metadata is optional; a broken info dictionary loses only the title
        return ""


def read_pdf(data: bytes, source: str = "") -> Document:
    """A PDF with a text layer -> Document (see module doc); a scan -> ScannedPDF."""
    with _quiet_pypdf():
        reader = _open(data, source)
        pages, widths, warnings = _page_lines(reader, source)
        body = body_size(pages)
        kept, notes = _body_pages(pages, body)
        texts = [[line.text for line in lines] for lines in kept]
        keep = compound_rule(" ".join(line for lines in texts for line in lines)[:5000])
        paragraphs = paragraphs_from_lines(texts, notes, keep, shapes(kept, widths, body))
        marks = sorted(_outline(reader))
        title = _title(reader)
    italics = paragraph_italics([(text, role == "text") for text, _, _, role in paragraphs],
                                ((line.text, line.italics) for lines in kept for line in lines))
    book = BookBuilder()
    for (text, page, heading, role), spans in zip(paragraphs, italics):
        while marks and marks[0][0] <= page and role == "text":
            book.chapter(marks.pop(0)[1])
        book.add(text, role, heading=heading, italics=spans)
    return replace(book.document(source, title), warnings=warnings)
