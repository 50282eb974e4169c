"""The files the app's Download menu makes, rendered in memory from the text open (PO, TMX,
TSV, HTML, plain text, EPUB, Word, OpenDocument): workspace.py's downloads, apart from where
it keeps files.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import UnknownComponent
from .types import Bitext


def export_bytes(bitext: Bitext, fmt: str, title: str = "", *,
                 like: str | os.PathLike[str] | None = None, edited: bool = False,
                 layout: str = "pairs") -> bytes:
    """The bitext as a downloadable file: po, tmx, tsv, html, epub (named `title`, the text's
    title in the app; an HTML page was titled 'fr – en') or txt (the translation as plain
    text, as corrected: what a proofreader hands back), docx or odt (a Word or OpenDocument
    file), rendered in memory. A PO is made as a save would write it (po.po_bytes: `like`,
    the file open; `edited`, unsaved corrections), so a person's corrections downloaded are
    not replaced by a later `alignment align -o`. `layout`: the EPUB's (epub.STYLES), or the
    Word and OpenDocument file's (export_office.LAYOUTS)."""
    from . import export
    from .po import po_bytes

    if fmt == "po":
        return po_bytes(bitext, like=like, edited=edited)
    if fmt == "tmx":   # with the translator comments of the file open, as `alignment export` does
        return export.render_tmx(bitext, _notes(bitext, like, edited) if like else ())
    if fmt == "tsv":
        return export.render_tsv(bitext).encode("utf-8")
    if fmt == "html":
        return export.render_html(bitext, title=title or None).encode("utf-8")
    if fmt == "txt":
        return export.render_txt(bitext).encode("utf-8")
    if fmt == "epub":
        from .epub import render_epub
        return render_epub(bitext, title=title, style=layout)
    if fmt in ("docx", "odt"):
        from .export_docx import render_docx
        from .export_odt import render_odt
        return (render_docx if fmt == "docx" else render_odt)(bitext, layout=layout,
                                                              title=title or None)
    raise UnknownComponent(f"unknown download format {fmt!r}; choose po, tmx, tsv, html, txt, "
                           "epub, docx or odt")


def _notes(bitext: Bitext, like: str | os.PathLike[str], edited: bool) -> list[str]:
    """The translator comments (`# ...`) a save of `bitext` over `like` keeps, one per link:
    taken from that PO as a save would write it, so links merged or split since stay matched."""
    from .export_tmx import translator_notes
    from .po import po_bytes
    from .po_files import parse_po_bytes

    return translator_notes(parse_po_bytes(Path(like), po_bytes(bitext, like=like, edited=edited)))
