"""The Bitext as a Word document (DOCX): the translation as a manuscript, or the pairs side by
side in a table (layouts and what they hold: export_office.py).

Library: python-docx (already read with, read/office.py) gives the package, its styles
('Title', 'Heading 1', 'Table Grid') and core properties. The paragraphs and the table rows are
built as WordprocessingML elements and appended to the body: python-docx's add_paragraph looks
for the section properties among every paragraph before it, which is quadratic in a book, and
its API has no language, bidi or cell shading. Built so, 20,000 links take a few seconds.

Italics: a paragraph with italic stretches is cut into runs (italics.runs), each a copy of the
paragraph's one run (its language, direction and bold), the italic ones with <w:i/> and
<w:iCs/> (italic in complex scripts too: Arabic, Hebrew); a paragraph without italics is the
single run it always was.
"""

from __future__ import annotations

import io
import os
from copy import deepcopy
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement as Element

from .atomic import atomic_write_bytes
from .export import Marked
from .export_office import (GENERATOR, REVIEW_FILL, Row, check_layout, language_name, legend,
                            manuscript, pair_rows, pairs_title, replace_in_zip, rtl)
from .types import Bitext, Spans

STYLES = {"title": "Title", "heading": "Heading1", "text": None}
"""The template's style ids of the manuscript's blocks."""
_WIDTH = 4320   # twips: half the template's text width (8640)
_APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
        '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f'<Application>{GENERATOR}</Application></Properties>').encode()


def _set(element: Element, **attrs: str) -> Element:
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _child(parent: Element, tag: str, **attrs: str) -> Element:
    child = _set(OxmlElement(f"w:{tag}"), **attrs)
    parent.append(child)
    return child


@lru_cache(maxsize=64)
def _paragraph_model(lang: str, style: str | None, bold: bool) -> Element:
    """A <w:p> of one empty run in `lang` (its spelling language; right to left where it is
    so), copied for each paragraph: built element by element, a book's table took twice as
    long. Never changed once made."""
    p = OxmlElement("w:p")
    backwards = rtl(lang)
    if style or backwards:
        ppr = _child(p, "pPr")
        if style:
            _child(ppr, "pStyle", val=style)
        if backwards:
            _child(ppr, "bidi")
    rpr = _child(_child(p, "r"), "rPr")
    if bold:
        _child(rpr, "b")
    if backwards:
        _child(rpr, "rtl")
    _child(rpr, "lang", val=lang, eastAsia=lang, bidi=lang)
    _child(p[-1], "t").set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return p


def _paragraph(text: str, lang: str, style: str | None = None, bold: bool = False,
               italics: Spans = ()) -> Element:
    """A paragraph holding `text` (none for an empty one), its `italics` as italic runs."""
    p = deepcopy(_paragraph_model(lang, style, bold))
    run = p[-1]
    if text and italics:
        p.remove(run)
        p.extend(_runs(run, text, italics))
    elif text:
        run[-1].text = text
    else:
        p.remove(run)
    return p


def _runs(model: Element, text: str, italics: Spans) -> list[Element]:
    """`text` as copies of the paragraph's run `model`, one per italic or upright piece.
    <w:i/> and <w:iCs/> go after <w:b/> and before <w:rtl/> and <w:lang/>, the order the
    schema (CT_RPr) wants: Word refuses a file whose run properties are out of order."""
    from .italics import runs

    out = []
    for piece, italic in runs(text, italics):
        run = deepcopy(model)
        run[-1].text = piece
        if italic:
            rpr = run[0]
            at = 1 if len(rpr) and rpr[0].tag == qn("w:b") else 0
            rpr.insert(at, OxmlElement("w:iCs"))
            rpr.insert(at, OxmlElement("w:i"))
        out.append(run)
    return out


@lru_cache(maxsize=4)
def _cell_model(shade: bool) -> Element:
    tc = OxmlElement("w:tc")
    tcpr = _child(tc, "tcPr")
    _child(tcpr, "tcW", w=str(_WIDTH), type="dxa")
    if shade:
        _child(tcpr, "shd", val="clear", color="auto", fill=REVIEW_FILL)
    return tc


def _cell(paragraphs: tuple[Marked, ...], lang: str, *, shade: bool, bold: bool) -> Element:
    tc = deepcopy(_cell_model(shade))
    for text, italics in paragraphs or (("", ()),):   # a cell holds at least one paragraph
        tc.append(_paragraph(text, lang, bold=bold, italics=italics))
    return tc


def _row(cells: list[Element], header: bool = False) -> Element:
    tr = OxmlElement("w:tr")
    if header:   # repeated at the top of every page
        _child(_child(tr, "trPr"), "tblHeader")
    for tc in cells:
        tr.append(tc)
    return tr


def _table(bitext: Bitext) -> Element:
    """The pairs table: a header row naming the languages, then a row per link."""
    tbl = OxmlElement("w:tbl")
    tblpr = _child(tbl, "tblPr")
    _child(tblpr, "tblStyle", val="TableGrid")
    _child(tblpr, "tblW", w=str(2 * _WIDTH), type="dxa")
    _child(tblpr, "tblLayout", type="fixed")
    grid = _child(tbl, "tblGrid")
    for _ in range(2):
        _child(grid, "gridCol", w=str(_WIDTH))
    tbl.append(_row([_cell(((language_name(lang), ()),), "en", shade=False, bold=True)
                     for lang in (bitext.src_lang, bitext.tgt_lang)], header=True))
    row: Row
    for row in pair_rows(bitext):
        tbl.append(_row([_cell(row.src, bitext.src_lang, shade=row.review, bold=row.heading),
                         _cell(row.tgt, bitext.tgt_lang, shade=row.review, bold=row.heading)]))
    return tbl


def render_docx(bitext: Bitext, *, layout: str = "translation", title: str | None = None) -> bytes:
    """The Bitext as DOCX bytes, in `layout` ("translation" or "pairs"; export_office.py)."""
    from docx import Document

    check_layout(layout)
    doc = Document()
    end = doc.element.body.sectPr   # the body's last child: paragraphs go before it
    if layout == "translation":
        name, blocks = manuscript(bitext, title)
        for block in blocks:
            end.addprevious(_paragraph(block.text, bitext.tgt_lang, STYLES[block.kind],
                                       italics=block.italics))
        language = bitext.tgt_lang
    else:
        name, language = pairs_title(bitext, title), bitext.src_lang
        end.addprevious(_paragraph(name, "en", "Title"))
        end.addprevious(_paragraph(legend(bitext), "en"))
        end.addprevious(_table(bitext))
    _properties(doc, name, language)
    out = io.BytesIO()
    doc.save(out)
    return replace_in_zip(out.getvalue(), {"docProps/app.xml": lambda _: _APP})


def _properties(doc, title: str, language: str) -> None:
    """Core properties: the title and language; the template's author ('python-docx'), its
    description and its blank thumbnail (a Mac Word page) left out."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    core = doc.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0)
    core.title, core.language, core.author, core.comments = title, language, "", ""
    core.last_modified_by, core.revision, core.created, core.modified = "", 1, now, now
    rels = doc.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        rels.pop(rid)


def write_docx(bitext: Bitext, path: str | os.PathLike[str], *, layout: str = "translation",
               title: str | None = None) -> list[Path]:
    """Write the DOCX atomically; returns the path written (as EXPORTERS expects)."""
    return [atomic_write_bytes(path, render_docx(bitext, layout=layout, title=title))]
