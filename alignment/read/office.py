"""Word-processor files -> Document: DOCX through python-docx, ODT through odfpy.

Libraries: python-docx (the maintained DOCX reader: paragraph styles resolved through the style
sheet, tables, runs) and odfpy (the OpenDocument reference library of the ODF toolkit, used by
LibreOffice's own test tools). Neither reads footnotes as text of their own, so notes come from
the XML they expose (DOCX word/footnotes.xml and endnotes.xml through python-docx's package
parts; ODT <text:note> bodies in the odfpy tree).

A DOCX paragraph's text is not python-docx's Paragraph.text, which reads only the w:r and
w:hyperlink directly under the w:p and so dropped tracked insertions (w:ins, w:moveTo), content
controls (w:sdt), simple fields (w:fldSimple) and smart tags: every run under the paragraph is
read in document order (each by python-docx's run text), except deleted text (w:del,
w:moveFrom), field instructions and ruby guides; a paragraph whose mark is a tracked deletion
is joined to the next, as accepting the changes would. The paragraphs of a text box or shape anchored
in a paragraph follow it, as paragraphs of their own (they were dropped: a sidebar's text was
missing from the alignment). Table cells
are walked in the XML, not through row.cells, which repeats a merged cell once per grid column
and per row it spans: each cell is read once.

What becomes what: every paragraph in reading order (body, tables, lists, sections) is a
paragraph; DOCX paragraphs styled "Title" or "Heading N", and ODT <text:h>, are headings; the
top heading level used in the file (Heading 1, or outline level 1) starts a chapter. Footnotes
and endnotes follow the text as "note" paragraphs; a table of contents (DOCX "TOC" styles or a
Table-of-Contents content control, ODT <text:table-of-content>) is "toc". A password-protected
file (an Office encrypted package, or an ODT whose manifest lists encryption data) is an
EncryptedBook error; an old binary .doc is a BookError that says to save it as .docx; a CAT
tool's bilingual review table is a BookError that says to import it (import_sheets.py reads it).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

from ..errors import BookError, EncryptedBook
from ..types import Document, Role
from .book import BookBuilder, open_zip, zip_member

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: an encrypted package or a .doc
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Not text inside a paragraph: deleted or moved-away runs, ruby guide text, the paragraphs of a
# text box or shape (read after the paragraph: _text_boxes), the fallback copy of an
# mc:AlternateContent, properties.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NOT_TEXT = frozenset(f"{_W}{tag}" for tag in (
    "del", "moveFrom", "rt", "txbxContent", "drawing", "pict", "object", "pPr", "rPr", "sdtPr",
    "instrText", "delText", "p")) | {_FALLBACK}
# The children of a w:r that python-docx's Run.text reads, each str()s to its text.
_RUN_TEXT = frozenset(f"{_W}{tag}" for tag in ("t", "tab", "br", "cr", "noBreakHyphen", "ptab"))
_HEADING = re.compile(r"^(?:heading|überschrift|titre|título|titolo|kop)\s*(\d)$", re.I)
# What python-docx and odfpy raise on damaged XML or parts, all turned into BookError.
_LIB_ERRORS = (KeyError, ValueError, AttributeError, TypeError, IndexError, zipfile.BadZipFile,
               zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)


def _damaged(source: str, what: str, exc: Exception) -> BookError:
    return BookError(f"{source or 'input'}: the {what} file is damaged or not a {what} "
                     f"({type(exc).__name__}: {str(exc)[:80]}); open it in a word processor "
                     f"and save it again")


def _check_container(data: bytes, source: str, what: str) -> Any:
    if data.startswith(_OLE):
        raise EncryptedBook(f"{source or 'input'}: the file is password-protected or an old "
                            f"binary .doc; save an unprotected .{what.lower()} copy first")
    return open_zip(data, source, what)


# ---------------------------------------------------------------- DOCX

def _docx_level(style: str) -> int | None:
    """Heading level of a DOCX paragraph by its style name (Title = 0), None for body text."""
    if style == "Title":
        return 0
    match = _HEADING.match(style)
    return int(match.group(1)) if match else None


def _style_names(document: Any) -> Callable[[Any], str]:
    """w:p -> its style's name, each style looked up once (python-docx scans every style of
    the file for each paragraph: a 20,000-paragraph book took minutes)."""
    from docx.enum.style import WD_STYLE_TYPE

    names: dict[str | None, str] = {}

    def name(p: Any) -> str:
        ref = p.find(f"{_W}pPr/{_W}pStyle")
        style_id = ref.get(f"{_W}val") if ref is not None else None
        if style_id not in names:
            try:
                style = document.part.get_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
                names[style_id] = (style.name if style is not None else "") or ""
            except (KeyError, AttributeError, ValueError):
                names[style_id] = ""
        return names[style_id]
    return name


def _run_texts(parent: Any, out: list[str]) -> list[str]:
    """The text of the runs under `parent` in document order, each child of a w:r as python-docx
    reads it (w:t; w:tab, w:br, w:cr... as white space) without its per-run XPath (20 us a run).
    Runs nested in w:ins, w:moveTo, w:sdtContent, w:fldSimple, w:smartTag, w:hyperlink,
    w:customXml or a ruby base are read; what _NOT_TEXT names is not."""
    for child in parent.iterchildren():
        if child.tag in _RUN_TEXT and parent.tag == f"{_W}r":
            out.append(str(child))
        elif child.tag not in _NOT_TEXT:
            _run_texts(child, out)
    return out


class _DocxWalker:
    """Walks a DOCX body (or a note) in reading order: paragraphs, tables, content controls."""

    def __init__(self, document: Any) -> None:
        self.style = _style_names(document)
        self.blocks: list[tuple[str, int | None, Role]] = []
        self.joined = ""   # the text of paragraphs whose mark is a tracked deletion

    def walk(self, parent: Any, role: Role) -> None:
        for el in parent.iterchildren():
            if el.tag == f"{_W}tbl":
                self.flush(role)   # a paragraph joined to a table: kept apart
            if el.tag == f"{_W}p":
                self.paragraph(el, role)
            elif el.tag == f"{_W}sdt":
                gallery = " ".join(g.get(f"{_W}val", "") for g in el.iter(f"{_W}docPartGallery"))
                content = el.find(f"{_W}sdtContent")
                if content is not None:
                    self.walk(content, "toc" if "Contents" in gallery else role)
            elif el.tag == f"{_W}tc" and not _continues_above(el):
                self.walk(el, role)
            elif el.tag in (f"{_W}tbl", f"{_W}tr", f"{_W}customXml"):
                self.walk(el, role)


    def paragraph(self, p: Any, role: Role) -> None:
        text = "".join(_run_texts(p, []))
        if self.joined:
            space = "" if self.joined[-1:].isspace() or text[:1].isspace() else " "
            text, self.joined = self.joined + space + text, ""
        if p.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None:
            self.joined = text   # a reviewer deleted its mark: joined to the next paragraph
        elif text.strip():  # an empty paragraph adds nothing: not kept (millions in a bomb)
            style = self.style(p)
            self.blocks.append((text, _docx_level(style),
                                "toc" if style.lower().startswith("toc") else role))
        held, self.joined = self.joined, ""
        for box in _text_boxes(p):   # a sidebar, a caption: after its anchor paragraph
            self.walk(box, role)
            self.flush(role)
        self.joined = held

    def flush(self, role: Role) -> None:
        if self.joined.strip():
            self.blocks.append((self.joined, None, role))
        self.joined = ""


def _text_boxes(p: Any) -> list[Any]:
    """The w:txbxContent of the text boxes and shapes anchored in paragraph `p`, each once:
    not the mc:Fallback copy of one (Word writes a box twice, as DrawingML and as VML), nor a
    box inside another box (read when that box's paragraphs are walked)."""
    boxes = []
    for box in p.iter(f"{_W}txbxContent"):
        up = box.getparent()
        while up is not None and up is not p and up.tag not in (_FALLBACK, f"{_W}txbxContent"):
            up = up.getparent()
        if up is p:
            boxes.append(box)
    return boxes


def _continues_above(tc: Any) -> bool:
    """A cell merged into the one above (w:vMerge without val="restart"): read there once."""
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(f"{_W}val", "continue") == "continue"


def _docx_blocks(document: Any) -> list[tuple[str, int | None, Role]]:
    """(text, heading level, role) of the body's paragraphs, tables and content controls."""
    walker = _DocxWalker(document)
    walker.walk(document.element.body, "text")
    walker.flush("text")
    return walker.blocks


def _docx_notes(document: Any) -> list[str]:
    from docx.oxml import parse_xml

    walker = _DocxWalker(document)
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/footnotes", "/endnotes")):
            continue
        for note in parse_xml(rel.target_part.blob):
            if note.get(f"{_W}type") not in ("separator", "continuationSeparator",
                                             "continuationNotice"):
                walker.walk(note, "note")
                walker.flush("note")
    return [text for text, _, _ in walker.blocks]


def read_docx(data: bytes, source: str = "") -> Document:
    """A DOCX file -> Document with chapters (top heading level), notes and TOC marked."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    _check_container(data, source, "DOCX")
    try:
        document = docx.Document(io.BytesIO(data))
        _refuse_review_table(document, source)
        blocks = _docx_blocks(document)
        notes = _docx_notes(document)
        title = document.core_properties.title or ""
    except (PackageNotFoundError, etree.XMLSyntaxError, *_LIB_ERRORS) as exc:
        raise _damaged(source, "DOCX", exc) from None
    return _build(blocks, notes, source, title)


def _refuse_review_table(document: Any, source: str) -> None:
    """Refuse a bilingual review document (a table whose header names the original and the
    translation: Trados' 'Source segment' / 'Target segment') that holds more of the text than
    its paragraphs, given as a text to align: both languages, read as one text, were aligned
    with the other file without a word."""
    from ..table_columns import names_sides

    for table in document.tables:   # a book's tables: only their first two rows are read here
        head = [[c.text for c in row.cells] for row in table.rows[:2]]
        if len(head) < 2 or not names_sides(head):
            continue
        # a text holding a small table of terms headed so ('Original | Translation') is a text
        cells = sum(len(c.text) for row in table.rows for c in row.cells)
        if cells > sum(len(p.text) for p in document.paragraphs):   # the paragraphs outside tables
            name = source or "input"
            raise BookError(f"{name} is a bilingual review table (its columns name the original and "
                            f"the translation), not a text to align; read it with: alignment import "
                            f"{name} -o PAIRS.po (or the start page's upload box for pairs)")


def _build(blocks: list[tuple[str, int | None, Role]], notes: list[str], source: str,
           title: str) -> Document:
    levels = [lv for text, lv, role in blocks if lv and role == "text" and text.strip()]
    top = min(levels) if levels else None
    book = BookBuilder()
    for text, level, role in blocks:
        if role == "text" and top is not None and level == top and text.strip():
            book.chapter(text)
        book.add(text, role, heading=level is not None)
    for note in notes:
        book.add(note, "note")
    return book.document(source, title)


# ---------------------------------------------------------------- ODT

class _OdtWalker:
    """Walks odfpy's tree in reading order; notes and TOC collected apart."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, int | None, Role]] = []
        self.notes: list[str] = []
        self.frames: list[Any] = []   # frames met inside the paragraph being read

    def text(self, node: Any) -> str:
        parts = []
        for child in node.childNodes:
            if child.nodeType == child.TEXT_NODE:
                parts.append(child.data)
                continue
            name = child.qname[1] if child.nodeType == child.ELEMENT_NODE else ""
            if name == "s":
                parts.append(" " * int(child.getAttribute("c") or 1))
            elif name in ("tab", "line-break"):
                parts.append(" ")
            elif name == "note":
                self.note(child)
            elif name == "frame":   # a text box or a caption: its own paragraphs, after this one
                self.frames.append(child)
            elif name not in ("note-citation", "annotation", "tracked-changes"):
                parts.append(self.text(child))
        return "".join(parts)

    def note(self, node: Any) -> None:
        for child in node.childNodes:
            if child.nodeType == child.ELEMENT_NODE and child.qname[1] == "note-body":
                sub = _OdtWalker()
                sub.walk(child, "note")
                self.notes.extend(text for text, _, _ in sub.blocks)

    def walk(self, node: Any, role: Role) -> None:
        for child in node.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            name = child.qname[1]
            if name in ("h", "p"):
                level = int(child.getAttribute("outlinelevel") or 1) if name == "h" else None
                self.blocks.append((self.text(child), level, role))
                frames, self.frames = self.frames, []
                for frame in frames:   # glued into the sentence around it before ('Une image Légende ici.')
                    self.walk(frame, role)
            elif name in ("table-of-content", "alphabetical-index", "illustration-index"):
                self.walk(child, "toc")
            elif name not in ("tracked-changes", "sequence-decls", "variable-decls", "annotation"):
                self.walk(child, role)


def read_odt(data: bytes, source: str = "") -> Document:
    """An ODT file -> Document with chapters (top outline level), notes and TOC marked."""
    from xml.sax import SAXException

    from odf.opendocument import load

    archive = _check_container(data, source, "ODT")
    manifest = zip_member(archive, "META-INF/manifest.xml", source, "ODT") or b""
    if b"encryption-data" in manifest:
        raise EncryptedBook(f"{source or 'input'}: the ODT file is password-protected; "
                            f"save an unprotected copy first")
    try:
        document = load(io.BytesIO(data))
        walker = _OdtWalker()
        walker.walk(document.text, "text")
    except (SAXException, *_LIB_ERRORS) as exc:
        raise _damaged(source, "ODT", exc) from None
    return _build(walker.blocks, walker.notes, source, "")
