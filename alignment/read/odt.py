"""ODT -> Document, through odfpy: paragraphs and headings in reading order, notes and tables
of contents marked, each paragraph's italics.

Split from office.py (DOCX), whose rules it shares (see its docstring: what becomes what, a
password-protected file refused, a damaged one named); office.py builds the Document.
Library: odfpy, the OpenDocument reference library of the ODF toolkit. Italics: a text:span (or
link) whose text style sets fo:font-style italic or oblique, a paragraph whose paragraph style
does, through parent-style-name, automatic styles first; 'normal' ends them.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from ..errors import EncryptedBook
from ..types import Document, Role, Spans
from .book import zip_member
from .italic_runs import Run, join_runs
from .office import _LIB_ERRORS, _Block, _build, _check_container, _damaged

__all__ = ["read_odt"]

_ODT_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _odt_styles(styles: Any) -> dict[tuple[str, str], tuple[str, str]]:
    """(family, name) -> (parent style name, fo:font-style or '') of the style:style elements
    of an odfpy office:styles or office:automatic-styles element."""
    from odf.namespaces import FONS, STYLENS

    table = {}
    for style in styles.childNodes if styles is not None else []:
        if style.nodeType != style.ELEMENT_NODE or style.qname != (STYLENS, "style"):
            continue
        fonts = [p.attributes.get((FONS, "font-style"), "") for p in style.childNodes
                 if p.nodeType == p.ELEMENT_NODE and p.qname == (STYLENS, "text-properties")]
        table[style.attributes.get((STYLENS, "family"), ""),
              style.attributes.get((STYLENS, "name"), "")] = (
            style.attributes.get((STYLENS, "parent-style-name"), ""), next(filter(None, fonts), ""))
    return table


def _odt_italics(document: Any) -> Callable[[str, str | None], bool | None]:
    """(style family, style name) -> whether that ODT style sets italics (fo:font-style italic
    or oblique: True, normal: False), through its parent-style-name; None where none says.
    A name is looked up among the automatic styles (content.xml) first, then the named ones
    (styles.xml), the only ones a parent may be; each answer is kept."""
    tables = [_odt_styles(getattr(document, "automaticstyles", None)),
              _odt_styles(getattr(document, "styles", None))]
    found: dict[tuple[str, str | None], bool | None] = {}

    def resolve(family: str, name: str | None) -> bool | None:
        look, seen = tables, set()
        while name and name not in seen:
            seen.add(name)
            parent, font = next((t[family, name] for t in look if (family, name) in t), ("", ""))
            if font:
                return font in ("italic", "oblique")
            name, look = parent, tables[1:]
        return None

    def italic(family: str, name: str | None) -> bool | None:
        if (family, name) not in found:
            found[family, name] = resolve(family, name)
        return found[family, name]
    return italic


class _OdtWalker:
    """Walks odfpy's tree in reading order; notes and TOC collected apart. A paragraph is in
    italics where its paragraph style says so, a text:span (or link) where its text style
    does (`italic`: _odt_italics)."""

    def __init__(self, italic: Callable[[str, str | None], bool | None]) -> None:
        self.italic = italic
        self.blocks: list[_Block] = []
        self.notes: list[tuple[str, Spans]] = []
        self.frames: list[Any] = []   # frames met inside the paragraph being read

    def styled(self, node: Any, family: str, italic: bool) -> bool:
        """Whether the text of `node` is in italics, `italic` being whether that around it is."""
        own = self.italic(family, (getattr(node, "attributes", None) or {}).get(
            (_ODT_TEXT, "style-name")))
        return italic if own is None else own

    def runs(self, node: Any, italic: bool, out: list[Run]) -> list[Run]:
        for child in node.childNodes:
            if child.nodeType == child.TEXT_NODE:
                out.append((child.data, italic))
                continue
            name = child.qname[1] if child.nodeType == child.ELEMENT_NODE else ""
            if name == "s":
                out.append((" " * int(child.getAttribute("c") or 1), italic))
            elif name in ("tab", "line-break"):
                out.append((" ", italic))
            elif name == "note":
                self.note(child)
            elif name == "frame":   # a text box or a caption: its own paragraphs, after this one
                self.frames.append(child)
            elif name not in ("note-citation", "annotation", "tracked-changes"):
                self.runs(child, self.styled(child, "text", italic), out)
        return out

    def note(self, node: Any) -> None:
        for child in node.childNodes:
            if child.nodeType == child.ELEMENT_NODE and child.qname[1] == "note-body":
                sub = _OdtWalker(self.italic)
                sub.walk(child, "note")
                self.notes.extend((text, italics) for text, _, _, italics in sub.blocks)

    def walk(self, node: Any, role: Role) -> None:
        for child in node.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            name = child.qname[1]
            if name in ("h", "p"):
                level = int(child.getAttribute("outlinelevel") or 1) if name == "h" else None
                italic = self.styled(child, "paragraph", False)   # the paragraph style's
                text, italics = join_runs(self.runs(child, italic, []))
                self.blocks.append((text, level, role, italics))
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
        walker = _OdtWalker(_odt_italics(document))
        walker.walk(document.text, "text")
    except (SAXException, *_LIB_ERRORS) as exc:
        raise _damaged(source, "ODT", exc) from None
    return _build(walker.blocks, walker.notes, source, "")
