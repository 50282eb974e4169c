"""The Bitext as an OpenDocument text (ODT), for LibreOffice and the editors who use it: the
same layouts as the Word export (export_office.py).

Library: odfpy (already read with, read/office.py). Its paragraph styles carry each side's
language (fo:language, and the Asian and complex-script ones, so that LibreOffice spells and
hyphenates Chinese or Arabic as such) and, for a right-to-left language, writing-mode rl-tb.
odfpy writes its own name as the generator whatever the document says; ours is put back
afterwards (export_office.replace_in_zip).

Italics: a paragraph's italic pieces (italics.runs) are <text:span> of one automatic text
style, "Italic" (fo:font-style italic, and the Asian and complex-script font styles, so a
Chinese or Arabic stretch is italic too), made when first used: a document without italics
is what it always was.
"""

from __future__ import annotations

import io
import os
import re
from datetime import datetime
from pathlib import Path

from odf import dc, meta
from odf.opendocument import OpenDocumentText
from odf.style import (ParagraphProperties, Style, TableCellProperties, TableColumnProperties,
                       TableProperties, TextProperties)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, P, Span

from .atomic import atomic_write_bytes
from .export import Marked
from .export_office import (GENERATOR, REVIEW_FILL, check_layout, language_name, legend,
                            manuscript, pair_rows, pairs_title, replace_in_zip, rtl)
from .types import Bitext, Spans

PARENTS = {"title": "Title", "heading": "Heading_20_1", "text": "Text_20_body",
           "cell": "Table_20_Contents"}
"""The named paragraph styles (as LibreOffice names them) each paragraph's style derives from."""
_GENERATOR = re.compile(rb"<meta:generator>[^<]*</meta:generator>")
_BORDER = "0.5pt solid #000000"


class _Styles:
    """The document's styles: the named ones, and an automatic one per (parent, language,
    bold) made when first used, so a book of 20,000 links has a handful."""

    def __init__(self, doc: OpenDocumentText) -> None:
        self.doc, self.made = doc, {}
        self._italic: Style | None = None
        for name, shown, props, level in (
                ("Text_20_body", "Text body", {"marginbottom": "0.2cm"}, None),
                ("Title", "Title", {"textalign": "center", "marginbottom": "0.4cm"}, None),
                ("Heading_20_1", "Heading 1", {"margintop": "0.5cm", "marginbottom": "0.2cm",
                                               "keepwithnext": "always"}, "1"),
                ("Table_20_Contents", "Table Contents", {}, None)):
            style = Style(name=name, displayname=shown, family="paragraph",
                          **({"defaultoutlinelevel": level} if level else {}))
            style.addElement(ParagraphProperties(**props))
            if name in ("Title", "Heading_20_1"):
                style.addElement(TextProperties(fontweight="bold", fontsize=
                                                "20pt" if name == "Title" else "16pt"))
            doc.styles.addElement(style)
        self.cells = {review: self._cell_style(review) for review in (False, True)}

    def _cell_style(self, review: bool) -> Style:
        style = Style(name="CellReview" if review else "Cell", family="table-cell")
        fill = {"backgroundcolor": f"#{REVIEW_FILL}"} if review else {}
        style.addElement(TableCellProperties(border=_BORDER, padding="0.1cm", **fill))
        self.doc.automaticstyles.addElement(style)
        return style

    def paragraph(self, kind: str, lang: str, bold: bool = False) -> Style:
        key = (kind, lang, bold)
        if key not in self.made:
            style = Style(name=f"P{len(self.made) + 1}", family="paragraph",
                          parentstylename=PARENTS[kind])
            if rtl(lang):
                style.addElement(ParagraphProperties(writingmode="rl-tb"))
            weight = {"fontweight": "bold"} if bold else {}
            style.addElement(TextProperties(**_language(lang), **weight))
            self.doc.automaticstyles.addElement(style)
            self.made[key] = style
        return self.made[key]

    @property
    def italic(self) -> Style:
        """The text style of an italic piece, made on first use."""
        if self._italic is None:
            self._italic = Style(name="Italic", family="text")
            self._italic.addElement(TextProperties(fontstyle="italic", fontstyleasian="italic",
                                                   fontstylecomplex="italic"))
            self.doc.automaticstyles.addElement(self._italic)
        return self._italic


def _language(tag: str) -> dict[str, str]:
    """fo:language and fo:country of a BCP 47 tag ('pt-BR': pt, BR), for Western, Asian and
    complex scripts alike: the paragraph is in that language whatever its script."""
    parts = tag.replace("_", "-").split("-")
    country = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "none")
    lang = parts[0].lower() or "none"
    return {"language": lang, "country": country, "languageasian": lang, "countryasian": country,
            "languagecomplex": lang, "countrycomplex": country}


def _block(styles: _Styles, kind: str, text: str, lang: str, italics: Spans = ()) -> P | H:
    if kind == "heading":
        block = H(outlinelevel=1, stylename=styles.paragraph(kind, lang))
    else:
        block = P(stylename=styles.paragraph(kind, lang))
    return _fill(styles, block, text, italics)


def _fill(styles: _Styles, block: P | H, text: str, italics: Spans) -> P | H:
    """`block` holding `text`, each italic piece a <text:span> of the italic style; without
    italics the one text node odfpy's `text=` always gave."""
    if not italics:
        block.addText(text)   # even "": an empty cell's <text:p></text:p>, as ever
        return block
    from .italics import runs

    for piece, italic in runs(text, italics):
        if italic:
            block.addElement(Span(stylename=styles.italic, text=piece))
        else:
            block.addText(piece)
    return block


def _cell(styles: _Styles, paragraphs: tuple[Marked, ...], lang: str, *, review: bool,
          bold: bool) -> TableCell:
    cell = TableCell(stylename=styles.cells[review], valuetype="string")
    for text, italics in paragraphs or (("", ()),):
        cell.addElement(_fill(styles, P(stylename=styles.paragraph("cell", lang, bold)), text, italics))
    return cell


def _table(styles: _Styles, bitext: Bitext) -> Table:
    """The pairs table: a header row naming the languages (repeated on each page), then a row
    per link."""
    doc = styles.doc
    width = Style(name="Pairs", family="table")
    width.addElement(TableProperties(width="17cm", align="margins"))
    column = Style(name="PairsColumn", family="table-column")
    column.addElement(TableColumnProperties(columnwidth="8.5cm"))
    doc.automaticstyles.addElement(width)
    doc.automaticstyles.addElement(column)
    table = Table(name="Pairs", stylename=width)
    table.addElement(TableColumn(numbercolumnsrepeated=2, stylename=column))
    head, header = TableHeaderRows(), TableRow()
    for lang in (bitext.src_lang, bitext.tgt_lang):
        header.addElement(_cell(styles, ((language_name(lang), ()),), "en", review=False, bold=True))
    head.addElement(header)
    table.addElement(head)
    for row in pair_rows(bitext):
        tr = TableRow()
        tr.addElement(_cell(styles, row.src, bitext.src_lang, review=row.review, bold=row.heading))
        tr.addElement(_cell(styles, row.tgt, bitext.tgt_lang, review=row.review, bold=row.heading))
        table.addElement(tr)
    return table


def render_odt(bitext: Bitext, *, layout: str = "translation", title: str | None = None) -> bytes:
    """The Bitext as ODT bytes, in `layout` ("translation" or "pairs"; export_office.py)."""
    check_layout(layout)
    doc = OpenDocumentText()
    styles = _Styles(doc)
    if layout == "translation":
        name, blocks = manuscript(bitext, title)
        for block in blocks:
            doc.text.addElement(_block(styles, block.kind, block.text, bitext.tgt_lang, block.italics))
        language = bitext.tgt_lang
    else:
        name, language = pairs_title(bitext, title), bitext.src_lang
        doc.text.addElement(_block(styles, "title", name, "en"))
        doc.text.addElement(_block(styles, "text", legend(bitext), "en"))
        doc.text.addElement(_table(styles, bitext))
    now = datetime.now().replace(microsecond=0).isoformat()
    for element in (dc.Title(text=name), dc.Language(text=language),
                    meta.CreationDate(text=now), dc.Date(text=now)):
        doc.meta.addElement(element)
    out = io.BytesIO()
    doc.write(out)
    ours = f"<meta:generator>{GENERATOR}</meta:generator>".encode()
    return replace_in_zip(out.getvalue(), {"meta.xml": lambda said: _GENERATOR.sub(ours, said)})


def write_odt(bitext: Bitext, path: str | os.PathLike[str], *, layout: str = "translation",
              title: str | None = None) -> list[Path]:
    """Write the ODT atomically; returns the path written (as EXPORTERS expects)."""
    return [atomic_write_bytes(path, render_odt(bitext, layout=layout, title=title))]
