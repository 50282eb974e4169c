"""The TMX 1.4 export of a Bitext (export.py re-exports it; its docstring says why TMX and how).

translate-toolkit's `tmxfile` writes the XML (escaping, xml:lang and header attributes as TMX
1.4 has them); we add our props and notes to each <tu> (carried.py: a link's confidence, review,
sentences and paragraphs, and its translator comment) and its italics as paired codes, so that
`alignment import` gives the links back as they were. A translation memory pairs two
languages, so omissions (1-0) and additions (0-1) are left out, a header note says how many;
two sides in one language are refused (a <tu> holds one <tuv> per language: the original
side was lost without a word).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .atomic import atomic_write_bytes
from .errors import InputError
from .types import Bitext

PathLike = str | os.PathLike[str]


def render_tmx(bitext: Bitext, notes: Sequence[str] = ()) -> bytes:
    """TMX 1.4 (UTF-8): one <tu> per link with both sides, carrying its props (carried.py) and,
    from `notes` (one per link, '' for none: a PO's translator comments), a <note>."""
    from lxml import etree
    from translate.storage.tmx import tmxfile

    from .carried import unit_props
    from .lang import normalize_language

    src_lang, tgt_lang = normalize_language(bitext.src_lang), normalize_language(bitext.tgt_lang)
    if src_lang.casefold() == tgt_lang.casefold():   # a <tu> holds one <tuv> per language
        raise InputError(f"a translation memory pairs two languages, and both sides are "
                         f"{src_lang}: the original side would be lost; take the TSV (or Moses) "
                         f"export instead, or give the sides regional codes (en-GB, en-US)")
    tmx = tmxfile(sourcelanguage=src_lang, targetlanguage=tgt_lang)
    header = tmx.document.getroot().find("header")
    header.set("creationtool", "alignment")
    header.set("creationtoolversion", __version__)
    skipped = 0
    for i in range(len(bitext.alignment.links)):
        src, tgt = bitext.link_text(i, "src"), bitext.link_text(i, "tgt")
        if not (src.strip() and tgt.strip()):   # an emptied translation is an omission too
            skipped += 1
            continue
        # translate-toolkit drops characters XML 1.0 cannot hold (C0 controls), keeping it valid
        tmx.addtranslation(src, src_lang, tgt, tgt_lang)
        unit = tmx.units[-1].xmlelement
        _italic_segs(bitext, i, unit)
        unit.set("tuid", str(i + 1))
        before = []
        for kind, value in unit_props(bitext, i):
            before.append(etree.Element("prop", type=kind))
            before[-1].text = value
        note = (notes[i] if i < len(notes) else "").strip()
        if note:
            before.append(etree.Element("note"))
            before[-1].text = note
        for position, element in enumerate(before):
            unit.insert(position, element)
    _header_notes(bitext, header, skipped)
    return bytes(tmx)


def _italic_segs(bitext: Bitext, i: int, unit) -> None:
    """Link i's italics (italics.py) in its unit's two <seg>s as TMX 1.4 paired codes,
    `<bpt i="1" type="italic">&lt;i&gt;</bpt>` ... `<ept i="1">&lt;/i&gt;</ept>`, as CAT tools
    keep a document's formatting in a memory, and as `alignment import` reads them back
    (cat_italics.py). A side without italics is written as before, byte for byte."""
    from .italics import runs, sentences_joined

    link = bitext.alignment.links[i]
    segs = [tuv.find("seg") for tuv in unit.iter("tuv")]
    for seg, sents, at in zip(segs, (bitext.src, bitext.tgt), (link.src, link.tgt)):
        text, spans = sentences_joined([sents[k] for k in at])
        if not spans or seg is None or len(seg) or seg.text != text:   # (C0 controls dropped)
            continue
        seg.text = None
        _write_runs(seg, runs(text, spans))


def _write_runs(seg, pieces: Sequence[tuple[str, bool]]) -> None:
    """`pieces` (text, italic) into an empty <seg>, each italic one between its codes."""
    from lxml import etree

    last = None   # the element whose tail takes the next plain text

    def put(piece: str) -> None:
        if last is None:
            seg.text = (seg.text or "") + piece
        else:
            last.tail = (last.tail or "") + piece
    n = 0
    for piece, italic in pieces:
        if not italic:
            put(piece)
            continue
        n += 1
        begin = etree.SubElement(seg, "bpt", i=str(n), type="italic")
        begin.text, begin.tail = "<i>", piece
        last = etree.SubElement(seg, "ept", i=str(n))
        last.text = "</i>"


def _header_notes(bitext: Bitext, header, skipped: int) -> None:
    from lxml import etree

    notes = [f"Aligned by alignment {__version__}: {bitext.alignment.signature}"]
    if bitext.corpus_id:
        notes.append(f"Corpus: {bitext.corpus_id}")
    if skipped:
        notes.append(f"{skipped} links without a counterpart (omissions or additions) are left out")
    for text in notes:
        etree.SubElement(header, "note").text = text


def write_tmx(bitext: Bitext, path: PathLike, notes: Sequence[str] = ()) -> list[Path]:
    """Write a TMX 1.4 translation memory (opens in OmegaT and other CAT tools)."""
    return [atomic_write_bytes(path, render_tmx(bitext, notes))]


def translator_notes(po) -> list[str]:
    """A PO's translator comments (its `# ...` lines), one per link in link order ('' for
    none): what render_tmx writes as <note> elements."""
    from .po_read import _in_link_order

    return [entry.tcomment or "" for entry in _in_link_order([e for e in po if not e.obsolete])]
