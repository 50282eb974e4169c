"""PDF with a text layer -> Document: running heads, page numbers and line-end hyphens removed,
paragraphs rebuilt from lines, chapters from the PDF outline (bookmarks).

Library: pypdf (pure Python, maintained, the successor of PyPDF2): its `extract_text` gives each
page's lines in reading order, `outline` the bookmarks with their pages, and it decrypts PDFs
that only restrict printing (empty user password). A PDF is a page description, not a text, so
the rest is ours and deliberately simple:
- Running headers and footers: among the first and last two lines of each page, a line that
  recurs (digits ignored, so "Chapter 3 - 45" matches "Chapter 3 - 46") on at least 40% of the
  pages (and 3 of them) is dropped, as is a line that is only a page number ("12", "- 12 -", "xiv";
  not "II": a Roman numeral in capitals heads a chapter).
- Hyphenation: a line ending in "-" after a letter, whose next line starts in lower case, is
  joined without the hyphen ("impor-" + "tant" -> "important"); a compound broken at its own
  hyphen ("well-" + "known") loses it too, the price of the rule; before a capital the hyphen
  stays, with no space ("Jean-" + "Paul"). Ligatures become their letters ("ﬁ" -> "fi").
- Paragraphs: a line ends its paragraph when it ends a sentence and is clearly shorter than a
  full line (under 85% of the usual line length), or when the next line is a heading (a short
  line that text.looks_like_heading accepts, standing after a paragraph end). Paragraphs run
  across page breaks.
A PDF whose pages hold no text at all is a scan: ScannedPDF says to run OCR first.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import BookError, EncryptedBook, ScannedPDF
from ..types import Document
from .book import BookBuilder

# What pypdf raises on damaged files besides its own PyPdfError (fuzzed in the tests).
_LIB_ERRORS = (ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError,
               AssertionError, ZeroDivisionError, NotImplementedError, OverflowError)
# A page number: digits, or a Roman numeral in lower case as front matter numbers its pages
# ("xiv"). Not one in capitals: "I", "II" at the top of a page head chapters (they were dropped,
# and a book of such chapters read as one paragraph); nor any word of the letters ivxlc
# ("civil", "Lili" alone on a line).
_PAGE_NUMBER = re.compile(r"^(?:[Pp]age\s*)?[-–—(\[]?\s*(?:\d{1,4}|(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})"
                          r"(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))\s*[-–—)\]]?$")
_ENDS = re.compile(r"[.!?…:;»”\"')\]]$")
_MIN_PAGES_FOR_HEADS = 3


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


def _page_lines(reader: Any, source: str) -> list[list[str]]:
    from pypdf.errors import DeprecationError, PyPdfError

    pages = []
    try:
        for page in reader.pages:
            text = (page.extract_text() or "").translate(LIGATURES)
            pages.append([" ".join(line.split()) for line in text.splitlines() if line.strip()])
    except (PyPdfError, DeprecationError, *_LIB_ERRORS) as exc:
        raise BookError(f"{source or 'input'}: a page of the PDF cannot be read "
                        f"({type(exc).__name__}); check the download is complete") from None
    if not any(any(c.isalnum() for c in line) for lines in pages for line in lines):
        raise ScannedPDF(f"{source or 'input'}: the PDF has no text layer (a scan or images of "
                         f"text); run OCR on it first (e.g. ocrmypdf) and read the result")
    return pages


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without their running headers, footers and page numbers (see module doc)."""
    edges = Counter()
    for lines in pages:
        edges.update({_shape(line) for line in lines[:2] + lines[-2:]})
    need = max(_MIN_PAGES_FOR_HEADS, int(0.4 * len(pages) + 0.999))
    running = {shape for shape, count in edges.items() if count >= need}
    out = []
    for lines in pages:
        keep = list(lines)
        for k in (0, 1, -1, -2):
            if -len(keep) <= k < len(keep):
                line = keep[k]
                if _shape(line) in running or _PAGE_NUMBER.match(line):
                    keep[k] = ""
        out.append([line for line in keep if line])
    return out


def _joined(left: str, right: str) -> str:
    broken = left.endswith(("-", "\u00ad")) and len(left) > 1 and left[-2].isalpha()
    if broken and right[:1].islower():
        return left[:-1] + right
    if broken and left.endswith("-") and right[:1].isupper():
        return left + right   # a name broken at its own hyphen: "Jean-" + "Paul"
    return f"{left} {right}"


def paragraphs_from_lines(pages: list[list[str]]) -> list[tuple[str, int, bool]]:
    """(paragraph, page of its first line, is heading) rebuilt from the pages' lines."""
    from .text import looks_like_heading

    lengths = [len(line) for lines in pages for line in lines if len(line) > 20]
    full = statistics.quantiles(lengths, n=4)[2] if len(lengths) >= 4 else max(lengths, default=60)
    out: list[tuple[str, int, bool]] = []
    current, page_of, ended = "", 0, True
    for page, lines in enumerate(pages):
        for line in lines:
            heading = ended and len(line) < 0.7 * full and looks_like_heading(line)
            if heading or ended or not current:
                if current:
                    out.append((current, page_of, False))
                current, page_of = line, page
            else:
                current = _joined(current, line)
            if heading:
                out.append((current, page_of, True))
                current, ended = "", True
                continue
            ended = bool(_ENDS.search(line)) and len(line) < 0.85 * full
    if current:
        out.append((current, page_of, False))
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
        paragraphs = paragraphs_from_lines(strip_running_lines(_page_lines(reader, source)))
        marks = sorted(_outline(reader))
        title = _title(reader)
    book = BookBuilder()
    for text, page, heading in paragraphs:
        while marks and marks[0][0] <= page:
            book.chapter(marks.pop(0)[1])
        book.add(text, "text", heading=heading)
    return book.document(source, title)
