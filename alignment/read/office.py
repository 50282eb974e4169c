"""Word-processor files -> Document: DOCX through python-docx here, ODT through odfpy (odt.py,
which shares these rules and `_build`).

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
top heading level used in the file (Heading 1, or outline level 1) starts a chapter. Italics are
kept as each paragraph's italic stretches: a DOCX run in italics by its own w:i, else its
character style, else its paragraph style (each through the styles it is based on); an ODT
text:span whose text style (automatic or named, through parent-style-name) has fo:font-style
italic or oblique, or the whole paragraph where its paragraph style has. Footnotes
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
from ..types import Document, Role, Spans
from .book import BookBuilder, open_zip
from .italic_runs import Run, join_runs

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
# A paragraph read: its text, heading level (None: body text), role and italic stretches.
_Block = tuple[str, int | None, Role, Spans]
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


_RPR, _ITALIC, _RSTYLE = f"{_W}rPr", f"{_W}i", f"{_W}rStyle"
_ITALIC_CS, _RTL, _CS = f"{_W}iCs", f"{_W}rtl", f"{_W}cs"
# scripts Word formats with a run's complex-script properties (w:iCs), whatever w:i says
_COMPLEX = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u0700-\u074f\u0780-\u07bf]")


def _on_off(el: Any) -> bool | None:
    """A w:i (or other on/off property): None when absent, else off only for val 0/false/off."""
    return None if el is None else el.get(f"{_W}val", "true").lower() not in ("0", "false", "off")


def _style_italic(style: Any) -> bool | None:
    """Whether a DOCX style sets italics, through the styles it is based on (None: none says)."""
    seen = set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        if style.font.italic is not None:
            return style.font.italic
        style = style.base_style
    return None


def _docx_italics(document: Any) -> Callable[[Any], Callable[[Any], bool]]:
    """w:p -> (w:r -> whether that run of it is in italics): the run's own w:i, else its
    character style's, else its paragraph style's (python-docx's run.italic, style.font.italic
    and base_style), each style looked up once. Word's toggling of italics set by both a
    character and a paragraph style is not followed: the character style decides."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.exceptions import InvalidXmlError

    found: dict[tuple[str | None, Any], bool | None] = {}

    def styled(style_id: str | None, kind: Any) -> bool | None:
        if (style_id, kind) not in found:
            try:
                found[style_id, kind] = _style_italic(document.part.get_style(style_id, kind))
            except (KeyError, AttributeError, ValueError, InvalidXmlError):   # w:val="maybe"
                found[style_id, kind] = None
        return found[style_id, kind]

    def paragraph(p: Any) -> Callable[[Any], bool]:
        ref = p.find(f"{_W}pPr/{_W}pStyle")
        base = bool(styled(ref.get(f"{_W}val") if ref is not None else None,
                           WD_STYLE_TYPE.PARAGRAPH))

        def run(r: Any) -> bool:
            props = next(iter(r), None)   # w:rPr comes first in a run (no ElementPath: fast)
            if props is None or props.tag != _RPR:
                return base
            own = char = None
            cs: dict[str, bool | None] = {}
            for prop in props.iterchildren(_ITALIC, _RSTYLE, _ITALIC_CS, _RTL, _CS):
                if prop.tag == _ITALIC:
                    own = _on_off(prop)
                elif prop.tag == _RSTYLE:
                    char = prop
                else:
                    cs[prop.tag] = _on_off(prop)
            if cs.get(_ITALIC_CS) is not None and _complex(r, cs):
                own = cs[_ITALIC_CS]
            if own is None and char is not None:
                own = styled(char.get(f"{_W}val"), WD_STYLE_TYPE.CHARACTER)
            return base if own is None else own
        return run
    return paragraph


def _complex(r: Any, props: dict[str, bool | None]) -> bool:
    """Whether Word draws run `r` with its complex-script properties (w:iCs, not w:i): marked
    right-to-left or complex script (w:rtl, w:cs), or in Hebrew, Arabic, Syriac or Thaana
    letters. Why: an Arabic or Hebrew document's italics are often set in w:iCs alone."""
    if props.get(_RTL) or props.get(_CS):
        return True
    return any(_COMPLEX.search(t.text or "") for t in r.iter(f"{_W}t"))


def _run_texts(parent: Any, out: list[Run], italic: Callable[[Any], bool],
               flag: bool = False) -> list[Run]:
    """The text of the runs under `parent` in document order, each child of a w:r as python-docx
    reads it (w:t; w:tab, w:br, w:cr... as white space) without its per-run XPath (20 us a run),
    with whether its run is in italics (`italic`, `flag` that of `parent` when a run).
    Runs nested in w:ins, w:moveTo, w:sdtContent, w:fldSimple, w:smartTag, w:hyperlink,
    w:customXml or a ruby base are read; what _NOT_TEXT names is not."""
    for child in parent.iterchildren():
        if child.tag in _RUN_TEXT and parent.tag == f"{_W}r":
            out.append((str(child), flag))
        elif child.tag not in _NOT_TEXT:
            _run_texts(child, out, italic, italic(child) if child.tag == f"{_W}r" else flag)
    return out


def _text(runs: list[Run]) -> str:
    return "".join(piece for piece, _ in runs)


class _DocxWalker:
    """Walks a DOCX body (or a note) in reading order: paragraphs, tables, content controls."""

    def __init__(self, document: Any) -> None:
        self.style = _style_names(document)
        self.italic = _docx_italics(document)
        self.blocks: list[_Block] = []
        self.joined: list[Run] = []   # the runs of paragraphs whose mark is a tracked deletion

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
        runs = self.join(_run_texts(p, [], self.italic(p))) if self.joined \
            else _run_texts(p, [], self.italic(p))
        text, italics = join_runs(runs)
        if p.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None:
            self.joined = runs   # a reviewer deleted its mark: joined to the next paragraph
        elif text.strip():  # an empty paragraph adds nothing: not kept (millions in a bomb)
            style = self.style(p)
            self.blocks.append((text, _docx_level(style),
                                "toc" if style.lower().startswith("toc") else role, italics))
        held, self.joined = self.joined, []
        for box in _text_boxes(p):   # a sidebar, a caption: after its anchor paragraph
            self.walk(box, role)
            self.flush(role)
        self.joined = held

    def join(self, runs: list[Run]) -> list[Run]:
        """The paragraph held (its mark deleted) and `runs` as one, with a space between
        unless either side has one there."""
        before, after, joined = _text(self.joined), _text(runs), self.joined
        self.joined = []
        if not before:
            return runs
        space = "" if before[-1:].isspace() or after[:1].isspace() else " "
        return [*joined, (space, joined[-1][1] and bool(runs) and runs[0][1]), *runs]

    def flush(self, role: Role) -> None:
        text, italics = join_runs(self.joined)
        if text.strip():
            self.blocks.append((text, None, role, italics))
        self.joined = []


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


def _docx_blocks(document: Any) -> list[_Block]:
    """(text, heading level, role, italics) of the body's paragraphs, tables and content
    controls."""
    walker = _DocxWalker(document)
    walker.walk(document.element.body, "text")
    walker.flush("text")
    return walker.blocks


def _docx_notes(document: Any) -> list[tuple[str, Spans]]:
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
    return [(text, italics) for text, _, _, italics in walker.blocks]


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


def _build(blocks: list[_Block], notes: list[tuple[str, Spans]], source: str,
           title: str) -> Document:
    levels = [lv for text, lv, role, _ in blocks if lv and role == "text" and text.strip()]
    top = min(levels) if levels else None
    book = BookBuilder()
    for text, level, role, italics in blocks:
        if role == "text" and top is not None and level == top and text.strip():
            book.chapter(text)
        book.add(text, role, heading=level is not None, italics=italics)
    for note, italics in notes:
        book.add(note, "note", italics=italics)
    return book.document(source, title)
