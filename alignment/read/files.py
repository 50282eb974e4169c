"""Entry points: a file, an upload's bytes or a text in memory -> Document, by format.

- Files: only regular files, at most MAX_FILE_BYTES, are read (a FIFO would
  block forever, /dev/zero never ends); a book format (EPUB, DOCX, ODT, PDF)
  may be up to book.BOOK_MAX_BYTES and goes to book.read_book.
- The format comes from the file name's suffix unless given: text (text.py),
  html (html.py), markdown (markdown.py), or a book format (book.py). A name
  whose suffix says nothing (a download saved as 'preface', 'book.dat') is
  sniffed: a PDF by its '%PDF-' header, EPUB, ODT and DOCX by their zip
  directories (sniff_format); anything else is read as text.
- Bytes are decoded by charset.py; a text that looks binary (NULs, many control
  characters) is refused with an InputError, as is one with no paragraphs.
- Presplit input (one sentence per line, read_lines) keeps the file's line numbers.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..types import Document, Spans
from .book import BOOK_FORMATS, BOOK_MAX_BYTES, BOOK_SUFFIXES, read_book
from .charset import binary_error, decode_text
from .html import html_text
from .markdown import markdown_text
from .sections import cut_section
from .text import DATE_LINE, INVISIBLE, looks_like_heading, text_paragraphs

FORMATS = ("text", "html", "markdown")
SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
            ".md": "markdown", ".markdown": "markdown", **BOOK_SUFFIXES}

#: The largest file read (the app's upload limit is the same 20 MB).
MAX_FILE_BYTES = 20_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _check_text(text: str, source: str) -> None:
    if "\x00" in text or len(_CONTROL.findall(text[:20000])) > max(5, len(text[:20000]) // 100):
        raise binary_error(source)


def _document(paragraphs: list[str], headings: set[int] | dict[int, int], source: str,
              title: str = "", italics: list[Spans] | None = None) -> Document:
    """`headings`: their indexes, or {index: level} from a reader that knows levels;
    `italics`: each paragraph's italic stretches, from a reader that knows formatting."""
    if not paragraphs:
        raise InputError(f"{source or 'input'}: no text found; give a file that holds the text "
                         f"(for a web page, check it is the page itself, not a redirect)")
    if not title and 0 in headings:
        title = paragraphs[0]
    levels = tuple(headings.get(i, 0) for i in range(len(paragraphs))) \
        if isinstance(headings, dict) and any(headings.values()) else ()
    headings = set(headings) | {i for i, p in enumerate(paragraphs) if DATE_LINE.match(p)}
    return Document(tuple(paragraphs), source=source, title=title, headings=frozenset(headings),
                    levels=levels, italics=tuple(italics) if italics and any(italics) else ())


def read_text(text: str, *, fmt: str = "text", source: str = "") -> Document:
    """A text already in memory -> Document; fmt is text, html or markdown."""
    if fmt not in FORMATS:
        raise InputError(f"{source or 'input'}: unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    _check_text(text, source)
    blocks = html_text(text) if fmt == "html" else markdown_text(text) if fmt == "markdown" \
        else None
    if blocks is not None:
        return _document(blocks.paragraphs, blocks.headings, source, blocks.title, blocks.italics)
    if fmt == "markdown":   # nested deeper than the parser goes
        doc = read_text(text, source=source)
        return replace(doc, warnings=(f"{source or 'input'}: Markdown nested too deeply to "
                                      f"parse; read as plain text (marks kept)",))
    paragraphs = text_paragraphs(text)
    headings = {i for i, p in enumerate(paragraphs) if looks_like_heading(p)}
    return _document(paragraphs, headings, source)


def read_bytes(data: bytes, *, fmt: str | None = None, source: str = "",
               declared: str = "") -> Document:
    """Uploaded or downloaded bytes -> Document, the encoding detected (see module doc).

    Without fmt, the suffix of `source` (an upload's file name) decides, as in read_file;
    `declared` is the charset a server sent with the bytes.
    """
    fmt = fmt or _format_for(source, data)
    if fmt in BOOK_FORMATS:  # EPUB, DOCX, ODT, PDF: book.py and its per-format modules
        return read_book(data, fmt, source)
    if not data.strip():
        raise InputError(f"{source or 'input'}: the file is empty; give a file that holds the text")
    text, warnings = decode_text(data, source=source, fmt=fmt, declared=declared)
    doc = read_text(text, fmt=fmt, source=source)
    return replace(doc, warnings=doc.warnings + warnings) if warnings else doc


def _suffix_format(name: str | Path) -> str | None:
    """The format a file name's suffix names; None for no suffix or one we do not know."""
    return SUFFIXES.get(Path(name).suffix.lower())


def format_of(path: str | Path) -> str:
    """The format a file name suggests: .html/.htm -> html, .md -> markdown, else text."""
    return _suffix_format(path) or "text"


_ZIP_MIMETYPES = {b"application/epub+zip": "epub", b"application/vnd.oasis.opendocument.text": "odt"}
#: The most of a zip's 'mimetype' member read (a real one is 20 or 39 bytes). A zip bomb saved
#: without a suffix was inflated here, before any size check: 1 MB to 1 GB, 2.2 GB of memory.
_MIMETYPE_MAX = 1024


def sniff_format(data: bytes) -> str | None:
    """The book format the bytes themselves show (PDF header, the zip directory of an EPUB,
    ODT or DOCX), else None. Why: a file saved without its suffix was refused as "binary
    data", with advice to save it as text, though the format is one we read."""
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:4] != b"PK\x03\x04":
        return None
    import io
    import zipfile
    import zlib
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                return _ZIP_MIMETYPES.get(_mimetype(z))
            return "docx" if "word/document.xml" in names else None
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, RuntimeError,
            NotImplementedError):
        return None


def _mimetype(z) -> bytes:  # z: zipfile.ZipFile
    """The 'mimetype' member, b"" when it declares more than _MIMETYPE_MAX bytes; never more
    than that is inflated, whatever it declares."""
    if z.getinfo("mimetype").file_size > _MIMETYPE_MAX:
        return b""
    with z.open("mimetype") as member:
        return member.read(_MIMETYPE_MAX).strip()


def _format_for(name: str | Path, data: bytes) -> str:
    """The format of a file or upload the caller did not name: its suffix, else what the
    bytes show, else text."""
    return _suffix_format(name) or sniff_format(data) or "text"


def read_input_bytes(path: str | Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError otherwise.

    Why stat first: opening a FIFO blocks until a writer comes, and /dev/zero never ends.
    """
    path = Path(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: not a regular file (a pipe, device or socket); "
                             f"save the text to a file and give that file")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; give a file: text, HTML, Markdown, EPUB, DOCX, "
                         f"ODT or PDF") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}); check its permissions") from None
    if len(data) > limit:
        raise too_large(path, limit)
    return data


def too_large(path: str | Path, limit: int) -> InputError:
    return InputError(f"{path}: larger than {limit / 1e6:g} MB; split the text into "
                      f"parts (chapters) and align them one by one")


def read_file(path: str | Path, *, fmt: str | None = None, section: str | None = None,
              start: str | None = None, end: str | None = None,
              source: str | None = None) -> Document:
    """Read a file (format from its suffix, else its bytes, unless given), optionally cut to one
    section. `source` names it in messages and in the Document where the path would not mean
    anything to the person (an upload stored in a temp folder: its own file name)."""
    if fmt is None:
        _not_pairs(source or str(path))
    fmt = fmt or _suffix_format(path)
    # a suffix that says nothing may hide a book (sniff_format): read up to a book's size
    data = read_input_bytes(path, limit=MAX_FILE_BYTES if fmt in FORMATS else BOOK_MAX_BYTES)
    fmt = fmt or sniff_format(data) or "text"
    if fmt not in BOOK_FORMATS and len(data) > MAX_FILE_BYTES:
        raise too_large(source or path, MAX_FILE_BYTES)
    doc = read_bytes(data, fmt=fmt, source=source or str(path))
    if section or start or end:
        doc = cut_section(doc, heading=section, start=start, end=end)
    return doc


def _not_pairs(name: str) -> None:
    """Refuse a file of pairs aligned already (a PO, TMX, XLIFF, TSV or CSV file) given as a text
    to align: it was read as plain text, its markup and both languages aligned as one side."""
    from ..import_pairs import pairs_format

    suffix = Path(name).suffix.lower()
    if suffix == ".po" or pairs_format(name) not in (None, "docx"):   # a .docx is a text here
        what = "a PO file of aligned pairs" if suffix == ".po" else f"a file of pairs ({suffix[1:].upper()})"
        hint = "open it in the app, or check or export it" if suffix == ".po" else \
            f"read it with: alignment import {name} -o PAIRS.po"
        raise InputError(f"{name} is {what}, not a text to align; {hint}")


_LINE_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1f\x85\u2028\u2029\r]")


def read_lines(path: str | Path) -> list[str]:
    """Presplit input: the lines of a file, split on \\n (or \\r\\n) only.

    Why not str.splitlines: it also splits on form feed, U+2028 and others, so line
    numbers (Vecalign's indexes) would no longer match the file. Those characters, and
    controls, become spaces inside their line.
    """
    text, _ = decode_text(read_input_bytes(path), source=str(path))
    _check_text(text, str(path))   # as every other reader: a NUL byte was dropped silently here
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [_LINE_BREAKS.sub(" ", line.removesuffix("\r")).translate(INVISIBLE) for line in lines]
    if not any(line.strip() for line in lines):
        raise InputError(f"{path}: the file is empty; give one sentence per line")
    return lines
