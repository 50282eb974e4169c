"""Books in: EPUB, DOCX, ODT and PDF bytes -> one Document with chapters and paragraph roles.

files.py's entry points hand a book format here (by suffix or `fmt`); each format has its own
module (epub.py: zipfile + lxml, office.py: python-docx and odfpy, pdf.py: pypdf), and all
of them fill the same `BookBuilder`, so every book becomes a Document of the same shape:
paragraphs, heading indexes, chapters (title and paragraph range) and a role per paragraph
("text", or "front" matter, "toc", "note" that the chapter aligner never forces onto text: they
are aligned only with the other book's, where both have some side by side, left_out.py).

Every failure a damaged or protected file can cause inside a library becomes a named error
(errors.BookError, EncryptedBook, ScannedPDF) whose message says what to do; the readers are
fuzzed with hypothesis (tests/test_read_formats.py) to hold to that. A zip container (EPUB,
DOCX, ODT) is refused as a zip bomb, or as too much text to parse, from the sizes its directory
declares, before any member is inflated (open_zip; the numbers are explained at BOMB_SIZE).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import BookError
from ..types import Chapter, Document, Role, Spans
from .italic_runs import normalize_italics
from .text import normalize_space

BOOK_SUFFIXES = {".epub": "epub", ".docx": "docx", ".odt": "odt", ".pdf": "pdf"}
BOOK_FORMATS = tuple(dict.fromkeys(BOOK_SUFFIXES.values()))
MAX_UNPACKED = 512 * 1024 * 1024  # a zip that unpacks to more than this is refused (zip bomb)
# A zip bomb of one member: a DOCX whose document.xml inflated 342 KB to 210 MB of empty
# paragraphs passed the total above, and parsing it ran to 4.7 GB. Real book XML (DOCX, ODT,
# EPUB parts) deflates 3-15:1, 25 MB of Word table cells of 5-digit numbers 51:1 (only the same
# cell 70,000 times over reaches 170:1), and 20 MB of text or markup is a long book already
# (20,000 paragraphs written by python-docx: an 8 MB document.xml at 3.5:1); more than
# BOMB_SIZE at more than BOMB_RATIO is a bomb (deflate reaches ~1000:1). Tested per member, and
# for all the parts that compress together (a bomb cut into 19 MB members).
BOMB_SIZE, BOMB_RATIO = 20 * 1024 * 1024, 100
# The ratio test leaves a hole: repetitive XML padded with 1% noise stays under 100:1, and lxml
# holds each MB of empty paragraphs in ~16 MB. So the parts that compress (text and markup,
# what the readers parse) may unpack to MAX_TEXT together: the worst of it, 93 MB of
# <w:p><w:r/></w:p> in a 1.3 MB DOCX, was read in 1.6 GB and 17 s. Parts that barely compress
# (images, audio: not over 2:1) are not parsed and count only in MAX_UNPACKED.
MAX_TEXT = 100 * 1024 * 1024
BOOK_MAX_BYTES = 200_000_000  # a book file read from disk (images make EPUBs and PDFs large)


@dataclass
class BookBuilder:
    """Collects a book's paragraphs in reading order (the one mutable helper; never shared)."""

    paragraphs: list[str] = field(default_factory=list)
    italics: list[Spans] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    headings: set[int] = field(default_factory=set)
    levels: dict[int, int] = field(default_factory=dict)
    starts: list[tuple[int, str]] = field(default_factory=list)

    def add(self, text: str, role: Role = "text", heading: bool = False, level: int = 0,
            italics: Spans = ()) -> None:
        """One paragraph; `level` is a heading's level where the format says it (1-6);
        `italics`, its italic stretches (offsets into `text` as given: normalised here with it,
        so they stay with their paragraph whatever is dropped)."""
        text, italics = normalize_italics(text, italics)
        if not text:
            return
        if heading or level:
            self.headings.add(len(self.paragraphs))
        if level:
            self.levels[len(self.paragraphs)] = level
        self.paragraphs.append(text)
        self.italics.append(italics)
        self.roles.append(role)

    def chapter(self, title: str) -> None:
        """A chapter starts at the next paragraph added."""
        self.starts.append((len(self.paragraphs), normalize_space(title)))

    def document(self, source: str, title: str = "") -> Document:
        if not any(role == "text" for role in self.roles):
            raise BookError(f"{source or 'book'}: no text found in the book; check it is not "
                            f"empty or made only of images")
        return Document(tuple(self.paragraphs), source=source,
                        title=title or (self.paragraphs[0] if 0 in self.headings else ""),
                        headings=frozenset(self.headings), chapters=self._chapters(),
                        roles=tuple(self.roles), levels=tuple(
                            self.levels.get(i, 0) for i in range(len(self.paragraphs)))
                        if self.levels else (),
                        italics=tuple(self.italics) if any(self.italics) else ())

    def _chapters(self) -> tuple[Chapter, ...]:
        starts: dict[int, str] = {}
        for start, title in self.starts:
            if start < len(self.paragraphs) and not starts.get(start):
                starts[start] = title  # two titles at one place: the first that is not empty
        bounds = sorted(starts)
        out = []
        for k, start in enumerate(bounds):
            end = bounds[k + 1] if k + 1 < len(bounds) else len(self.paragraphs)
            title = starts[start] or self._first_heading(start, end) or f"{k + 1}"
            out.append(Chapter(title, start, end))
        return tuple(out)

    def _first_heading(self, start: int, end: int) -> str:
        return next((self.paragraphs[i] for i in range(start, end) if i in self.headings), "")


def _reader(fmt: str) -> Callable[[bytes, str], Document]:
    if fmt == "epub":
        from .epub import read_epub
        return read_epub
    if fmt == "docx":
        from .office import read_docx
        return read_docx
    if fmt == "odt":
        from .odt import read_odt
        return read_odt
    from .pdf import read_pdf
    return read_pdf


def read_book(data: bytes, fmt: str, source: str = "") -> Document:
    """Bytes of an EPUB, DOCX, ODT or PDF file -> Document with chapters (see module doc)."""
    if fmt not in BOOK_FORMATS:
        raise BookError(f"{source or 'input'}: unknown book format {fmt!r}; "
                        f"use one of {', '.join(BOOK_FORMATS)}")
    if not data:
        raise BookError(f"{source or 'input'}: the file is empty; give the {fmt.upper()} file itself")
    return _reader(fmt)(data, source)


def open_zip(data: bytes, source: str, what: str):  # -> zipfile.ZipFile
    """The zip container of an EPUB, DOCX or ODT, refused when broken, encrypted or a zip bomb."""
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError,
            NotImplementedError) as exc:
        raise BookError(f"{source or 'input'}: not a valid {what} file (broken zip: {exc}); "
                        f"check the download is complete or save it again") from None
    if any(info.flag_bits & 0x1 for info in infos):
        from ..errors import EncryptedBook
        raise EncryptedBook(f"{source or 'input'}: the {what} file is password-protected; "
                            f"save an unprotected copy first")
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise BookError(f"{source or 'input'}: the {what} file unpacks to more than "
                        f"{MAX_UNPACKED >> 20} MB; give a smaller book")
    _check_inflation(infos, source or "input", what)
    return archive


def _check_inflation(infos: list, source: str, what: str) -> None:  # infos: zipfile.ZipInfo
    """Refuse a zip bomb, or more text and markup than a reader should parse (BOMB_SIZE,
    BOMB_RATIO, MAX_TEXT: see there) from the sizes the zip declares, inflating nothing:
    zipfile never inflates a member past its declared size (more is a CRC error)."""
    for info in infos:
        _check_ratio(info.file_size, info.compress_size, f" in {info.filename}", source, what)
    text = [info for info in infos if info.file_size > 2 * info.compress_size]
    size = sum(info.file_size for info in text)
    _check_ratio(size, sum(info.compress_size for info in text), "", source, what)
    if size > MAX_TEXT:
        raise BookError(f"{source}: the {what} file holds {size >> 20} MB of text and markup, "
                        f"more than {MAX_TEXT >> 20} MB; give a smaller book or split it")


def _check_ratio(size: int, packed: int, where: str, source: str, what: str) -> None:
    if size > BOMB_SIZE and size > BOMB_RATIO * packed:
        raise BookError(f"{source}: the {what} file looks like a zip bomb ({size >> 20} MB "
                        f"packed into {packed >> 10} KB{where}); give the book as saved by "
                        f"the program that made it")


def zip_member(archive, name: str, source: str, what: str) -> bytes | None:
    """One member of a zip container, or None when it is absent; damage -> BookError."""
    import zipfile
    import zlib

    try:
        return archive.read(name)
    except KeyError:
        return None
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, ValueError,
            OSError, RuntimeError) as exc:
        raise BookError(f"{source or 'input'}: {name} in the {what} file is damaged ({exc}); "
                        f"check the download is complete or save it again") from None


def sample_text(name: str, data: bytes, limit: int = 20000) -> str:
    """The first `limit` characters of an upload's text, for guessing its language; never raises.

    Decoded as the reader decodes the file (charset.decode_text: a BOM, UTF-16 without one,
    UTF-8, a declared or detected legacy code page) and read as its format, so that the app's
    guess is the one `alignment align` makes: a lenient UTF-8 decoding made a UTF-16 text
    letters and NULs (guessed Welsh) and dropped Latin-1 accents ('maana'). A book keeps its
    body paragraphs; a text, HTML or Markdown file only its first 5 x `limit` characters are
    read into paragraphs (reading 20 MB took seconds; decoding all of it, as the reader
    decides the encoding from all of it, takes milliseconds)."""
    from ..errors import InputError
    from .charset import decode_text
    from .files import _format_for, read_text

    fmt = _format_for(name, data)
    try:
        if fmt in BOOK_FORMATS:
            doc = read_book(data, fmt, name)
        else:
            doc = read_text(decode_text(data, source=name, fmt=fmt)[0][:5 * limit], fmt=fmt,
                            source=name)
    except InputError:
        return ""
    return "\n".join(p for i, p in enumerate(doc.paragraphs) if doc.role(i) == "text")[:limit]
