"""Bilingual EPUB 3 out: a Bitext as a book for e-readers, original then translation.

Library: zipfile (stdlib) and xml.sax.saxutils escaping; an EPUB is a zip of a few small XML
files, and writing them ourselves keeps every byte under our control so the result passes
epubcheck (the W3C validator, Debian package `epubcheck`, run in the tests when present).
ebooklib, the maintained EPUB library, is used only by the tests as an independent writer of
books to read; as a writer it would still need our nav, language tags and layout.

What the book holds:
- chapters: the Bitext keeps no chapter structure, so a link whose original side is a whole
  paragraph reading like a chapter title ("Chapter 3", "CHAPITRE III", "Kapitel 3", "IV.")
  starts one; without such titles the book is cut every `CHUNK` links at a paragraph end, so
  that no XHTML file is too large for an e-reader; the table of contents names each by its
  title, else by the heading it starts with (drawn as its heading), else by its first words;
- title: the one given, else a bundled corpus's, else the heading the text starts with;
- layouts (`STYLES`): "pairs" (each sentence pair: original, then translation), "paragraphs"
  (an original paragraph, then its translation: alternating paragraphs), "small" (pairs, the
  translation in a smaller, grey font);
- `lang` and `xml:lang` on the root and on every text element, so that e-readers choose fonts
  and hyphenation per language; metadata: title, both languages (original first), a stable
  identifier derived from the content, modification date, generator; a nav document (EPUB 3)
  and an NCX (for EPUB 2 readers);
- italics (Sentence.italics: emphasis, titles, foreign words) as <i> around the escaped piece,
  in every layout and in a chapter's heading (export.italic_html); the table of contents and
  the metadata stay plain text.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from . import __version__
from .export import Marked, italic_html, joined, sentences_joined
from .text_direction import text_dir
from .types import Bitext, Spans

STYLES = ("pairs", "paragraphs", "small")
CHUNK = 250
_CHAPTER = re.compile(
    r"^(?:(?:chapter|chapitre|kapitel|cap[ií]tulo|capitolo|hoofdstuk|rozdzia[lł]|глава|part|partie|"
    r"teil|parte|book|livre|buch|libro)\s+(?:[0-9]{1,4}|[IVXLCivxlc]{1,8}|[^\W\d]+)\b.{0,80}"
    r"|[IVXLC]{1,8}\.?|[0-9]{1,3}\.?)$", re.I)
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CSS = """body { margin: 0 4%; line-height: 1.45; }
h1, h2 { text-align: center; margin: 1.5em 0 1em; }
div.pair { margin: 0 0 0.9em; }
p { margin: 0; text-indent: 0; }
p.tr { color: #333; }
div.small p.tr { font-size: 0.85em; color: #555; }
div.para { margin: 0 0 1.1em; }
nav ol { list-style: none; padding-left: 0; }
"""


@dataclass(frozen=True)
class BookChapter:
    """A chapter of the output book: its title and links [start, end) of the Bitext."""

    title: str
    start: int
    end: int


def _text(value: str) -> str:
    return escape(_XML_BAD.sub("", value))


def _alone(bitext: Bitext, i: int) -> str:
    """The text of link i when it is one sentence that is a whole paragraph (on the original's
    side, or the translation's for an addition), else ""."""
    link = bitext.alignment.links[i]
    side, sents = (link.src, bitext.src) if link.src else (link.tgt, bitext.tgt)
    if len(side) != 1:
        return ""
    k = side[0]
    alone = ((k == 0 or sents[k - 1].paragraph != sents[k].paragraph)
             and (k + 1 == len(sents) or sents[k + 1].paragraph != sents[k].paragraph))
    return sents[k].text.strip() if alone else ""


def _is_title_link(bitext: Bitext, i: int) -> str:
    """The chapter title link i carries, or "" (a whole paragraph shaped like a title)."""
    text = _alone(bitext, i)
    return text if _CHAPTER.match(text) else ""


def _heading(bitext: Bitext, i: int) -> str:
    """The heading link i carries ('Le vieux pont', 'Chapter 3'), or "": a whole paragraph
    read as a heading, as the plain-text reader reads one (read.text.looks_like_heading)."""
    from .read.text import looks_like_heading

    text = _alone(bitext, i)
    return text if _CHAPTER.match(text) or looks_like_heading(text) else ""


def book_title(bitext: Bitext) -> str:
    """The book's title when none is given: a bundled corpus's title, else the heading the
    text starts with, else the corpus named in the PO (a set's title); "" when none.

    Why: the file name stood in ('ar-ar.fr', 'x') though the text begins with its title."""
    if bitext.corpus_id:
        from .corpora import load_corpus
        from .errors import AlignmentError
        try:
            return load_corpus(bitext.corpus_id).title
        except (AlignmentError, OSError, ValueError):
            pass
    first = _heading(bitext, 0) if bitext.alignment.links else ""
    return first or bitext.corpus_id


def export_title(name: str, bitext: Bitext) -> str:
    """The title of a page or book made from a text opened under `name`: `book_title` (a
    corpus's title, else the heading the text starts with), else that name (a PO file's
    without its suffix: 'ru-en.po' gives 'ru-en').

    Why the text first: the app names a text after its files ('ru-en.po', 'it.txt ↔
    it_en.txt'), and a scholar's EPUB and a teacher's class reader and handout were titled
    so, though the text opens with its title (the command line already titled them by it)."""
    if Path(name).suffix.lower() in (".po", ".pot"):
        name = Path(name).stem
    return book_title(bitext) or name


def _opening(bitext: Bitext, i: int, words: int = 8) -> str:
    """The first words of link i (original, else translation), to name a part with no heading."""
    text = (bitext.link_text(i, "src") or bitext.link_text(i, "tgt")).split()
    return " ".join(text[:words]) + ("…" if len(text) > words else "")


def _paragraph_end(bitext: Bitext, i: int) -> bool:
    links = bitext.alignment.links
    if i + 1 >= len(links):
        return True
    a, b = links[i], links[i + 1]
    if a.src and b.src:
        return bitext.src[a.src[-1]].paragraph != bitext.src[b.src[0]].paragraph
    return True


def book_chapters(bitext: Bitext) -> tuple[BookChapter, ...]:
    """Chapters of the output book (see module doc): by title links, else by size. Each is
    named by its title link, else by the heading it starts with, else by its first words: the
    table of contents listed '1', '2' (one entry '1' for a short text under its title)."""
    n = len(bitext.alignment.links)
    starts = [i for i in range(n) if _is_title_link(bitext, i)]
    if len(starts) >= 2:
        if starts[0] > 0:
            starts.insert(0, 0)
    else:
        starts, i = [0], 0
        while i < n:
            i += CHUNK
            while i < n and not _paragraph_end(bitext, i - 1):
                i += 1
            if i < n:
                starts.append(i)
    bounds = starts + [n]
    return tuple(BookChapter((start < n and (_heading(bitext, start) or _opening(bitext, start)))
                             or f"{k + 1}", start, end)
                 for k, (start, end) in enumerate(zip(starts, bounds[1:])))


def _marked(bitext: Bitext, i: int, side: str) -> Marked:
    """Link i's text on one side (link_text) with its italics."""
    link = bitext.alignment.links[i]
    sents, idx = (bitext.src, link.src) if side == "src" else (bitext.tgt, link.tgt)
    return sentences_joined([sents[j] for j in idx])


def _p(text: str, lang: str, cls: str = "", italics: Spans = ()) -> str:
    attr = f' class="{cls}"' if cls else ""
    # a right-to-left text (Arabic) reads right to left, its full stop at its end, even one
    # that opens with a Latin word (text_direction.py)
    return (f'<p{attr} lang="{lang}" xml:lang="{lang}" dir="{text_dir(lang)}">'
            f'{italic_html(text, italics, _text)}</p>')


def _pair(bitext: Bitext, i: int, style: str) -> str:
    src, tgt = _marked(bitext, i, "src"), _marked(bitext, i, "tgt")
    parts = ([_p(src[0], bitext.src_lang, "or", src[1])] if src[0] else []) + (
        [_p(tgt[0], bitext.tgt_lang, "tr", tgt[1])] if tgt[0] else [])
    cls = "pair small" if style == "small" else "pair"
    return f'<div class="{cls}" id="l{i + 1}">{"".join(parts)}</div>'


def _paragraph_blocks(bitext: Bitext, start: int, end: int) -> list[str]:
    out: list[str] = []
    src: list[Marked] = []
    tgt: list[Marked] = []
    first = start
    for i in range(start, end):
        src.append(_marked(bitext, i, "src"))
        tgt.append(_marked(bitext, i, "tgt"))
        if _paragraph_end(bitext, i) or i + 1 == end:
            parts = [_side_p(side, lang, cls)
                     for side, lang, cls in ((src, bitext.src_lang, "or"), (tgt, bitext.tgt_lang, "tr"))
                     if any(text for text, _ in side)]
            out.append(f'<div class="para" id="l{first + 1}">{"".join(parts)}</div>')
            src, tgt, first = [], [], i + 1
    return out


def _side_p(side: list[Marked], lang: str, cls: str) -> str:
    """One side of a paragraph block: its links' texts (the empty ones left out) joined as
    join_sentences joins them, with their italics."""
    text, italics = joined([m for m in side if m[0]])
    return _p(text, lang, cls, italics)


def _chapter_xhtml(bitext: Bitext, chapter: BookChapter, style: str, title_link: bool) -> str:
    start = chapter.start + 1 if title_link else chapter.start
    if title_link:
        heading = [_marked(bitext, chapter.start, side) for side in ("src", "tgt")]
        first = bitext.src_lang
        head = (f'<h2 lang="{first}" xml:lang="{first}" dir="{text_dir(first)}">'
                f'{italic_html(*(heading[0] if heading[0][0] else heading[1]), _text)}'
                + (f'<br/><span lang="{bitext.tgt_lang}" xml:lang="{bitext.tgt_lang}" '
                   f'dir="{text_dir(bitext.tgt_lang)}">{italic_html(*heading[1], _text)}</span>'
                   if heading[0][0] and heading[1][0] else "") + "</h2>")
    else:
        head = ""
    body = (_paragraph_blocks(bitext, start, chapter.end) if style == "paragraphs"
            else [_pair(bitext, i, style) for i in range(start, chapter.end)])
    lang = bitext.src_lang
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'lang="{lang}" xml:lang="{lang}"><head><meta charset="UTF-8"/><title>{_text(chapter.title)}'
            '</title><link rel="stylesheet" type="text/css" href="style.css"/></head>'
            f'<body><section epub:type="chapter">{head}{"".join(body)}</section></body></html>\n')


def _nav(title: str, lang: str, chapters: tuple[BookChapter, ...]) -> str:
    items = "".join(f'<li><a href="c{k:04d}.xhtml">{_text(c.title)}</a></li>' for k, c in enumerate(chapters))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'lang="{lang}" xml:lang="{lang}"><head><meta charset="UTF-8"/><title>{_text(title)}</title>'
            f'</head><body><nav epub:type="toc" id="toc"><h1>{_text(title)}</h1><ol>{items}</ol></nav>'
            '</body></html>\n')


def _ncx(title: str, book_id: str, chapters: tuple[BookChapter, ...]) -> str:
    points = "".join(f'<navPoint id="n{k}" playOrder="{k + 1}"><navLabel><text>{_text(c.title)}</text>'
                     f'</navLabel><content src="c{k:04d}.xhtml"/></navPoint>' for k, c in enumerate(chapters))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
            f'version="2005-1"><head><meta name="dtb:uid" content={quoteattr(book_id)}/></head>'
            f'<docTitle><text>{_text(title)}</text></docTitle><navMap>{points}</navMap></ncx>\n')


def _opf(title: str, book_id: str, bitext: Bitext, chapters: tuple[BookChapter, ...], modified: str) -> str:
    items = "".join(f'<item id="c{k:04d}" href="c{k:04d}.xhtml" media-type="application/xhtml+xml"/>'
                    for k in range(len(chapters)))
    refs = "".join(f'<itemref idref="c{k:04d}"/>' for k in range(len(chapters)))
    langs = "".join(f"<dc:language>{_text(lang)}</dc:language>"
                    for lang in dict.fromkeys((bitext.src_lang, bitext.tgt_lang)))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" '
            'version="3.0" unique-identifier="bookid" '
            f'xml:lang="{bitext.src_lang}"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:identifier id="bookid">{_text(book_id)}</dc:identifier><dc:title>{_text(title)}</dc:title>'
            f'{langs}<dc:contributor>alignment {__version__}</dc:contributor>'
            f'<meta property="dcterms:modified">{modified}</meta>'
            f'<meta name="generator" content="alignment {__version__}"/></metadata>'
            '<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
            '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
            f'<item id="css" href="style.css" media-type="text/css"/>{items}</manifest>'
            f'<spine toc="ncx">{refs}</spine></package>\n')


_CONTAINER = ('<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" '
              'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
              '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
              '</rootfiles></container>\n')


def render_epub(bitext: Bitext, *, title: str = "", style: str = "pairs",
                modified: datetime | None = None) -> bytes:
    """The Bitext as EPUB 3 bytes (see module doc for chapters, layouts and tags)."""
    if style not in STYLES:
        from .errors import InputError
        raise InputError(f"unknown EPUB layout {style!r}; use one of {', '.join(STYLES)}")
    title = title or book_title(bitext) or "Bilingual book"
    digest = hashlib.sha256("\x00".join(s.text for s in (*bitext.src, *bitext.tgt)).encode()).digest()
    book_id = f"urn:uuid:{uuid.UUID(bytes=digest[:16], version=5)}"
    stamp = (modified or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    chapters = book_chapters(bitext)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml", _CONTAINER)
        book.writestr("OEBPS/content.opf", _opf(title, book_id, bitext, chapters, stamp))
        book.writestr("OEBPS/nav.xhtml", _nav(title, bitext.src_lang, chapters))
        book.writestr("OEBPS/toc.ncx", _ncx(title, book_id, chapters))
        book.writestr("OEBPS/style.css", _CSS)
        for k, chapter in enumerate(chapters):
            heading = _heading(bitext, chapter.start) if chapter.start < chapter.end else ""
            title_link = bool(heading) and chapter.title == heading
            book.writestr(f"OEBPS/c{k:04d}.xhtml", _chapter_xhtml(bitext, chapter, style, title_link))
    return out.getvalue()


def write_epub(bitext: Bitext, path: str | os.PathLike[str], *, title: str = "",
               style: str = "pairs") -> list[Path]:
    """Write the bilingual EPUB atomically; returns the path written (as EXPORTERS expects)."""
    from .atomic import atomic_write_bytes

    return [atomic_write_bytes(path, render_epub(bitext, title=title or book_title(bitext) or Path(path).stem,
                                                   style=style))]
