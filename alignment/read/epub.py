"""EPUB 2 and 3 -> Document: spine order, chapter titles from the nav (EPUB 3) or NCX (EPUB 2).

Library: zipfile (stdlib) for the container and lxml (already our HTML parser) for the three XML
files that matter (META-INF/container.xml, the OPF package, the nav or NCX); each XHTML file of
the spine goes through html.html_blocks, so a book's text is read by exactly the rules a web page
is. Why not ebooklib: it reads every item eagerly, and on a damaged book raises whatever its code
meets (KeyError, AttributeError, lxml errors...), which we would have to wrap anyway; we need
three small XML files. The tests build their books with ebooklib, an independent writer.

Chapters: one per spine document, titled from the nav/NCX; where the nav points to several
places inside one file (#fragment), the file is cut there, but never inside a paragraph or
heading: an anchor inside one (Project Gutenberg's <h2><a id="ch1"/>CHAPTER I.</h2>, a <span
id> mid-sentence) cuts before it, as a cut inside broke the heading or sentence in two. Roles:
the nav document, and spine files typed `toc`, are "toc"; title, copyright and other
front-matter files "front"; notes files (epub:type footnotes/endnotes, or spine items with
linear="no") and in-text <aside epub:type="footnote"> notes are "note" (notes follow their
chapter's text, each once); the links to such a note are marked doc-noteref as it is taken
out, so html.py still drops their mark. Italics are read as html.py reads them (<i>, <em>,
inline styles), in-text notes' too, one entry per paragraph in the Document's order; a class the
book's stylesheets set in italics counts (css_italics.py: Calibre writes its italics so).
Encrypted content (META-INF/encryption.xml naming content documents, or Adobe rights.xml) is
DRM: an EncryptedBook error, since the bytes are not text. Font obfuscation is not DRM.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any
from urllib.parse import unquote

from ..errors import BookError, EncryptedBook, InputError
from ..types import Document, Role, Spans
from .book import BookBuilder, open_zip, zip_member
from .css_italics import ItalicRules
from .html import BLOCK_TAGS, NOTE_TYPES, epub_types, italic_within
from .italic_runs import Run, join_runs, runs_of

_FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
_MARK = "\ue000"  # private-use character marking a chapter cut inside one XHTML file
_SPACE = re.compile(r"\s")
_TOC_TYPES = {"toc", "landmarks", "loi", "lot"}
_FRONT_TYPES = {"titlepage", "title-page", "copyright-page", "frontmatter", "imprint", "colophon",
                "cover", "halftitlepage", "dedication", "epigraph", "acknowledgments"}


def _xml(data: bytes | None, name: str, source: str) -> Any:
    from lxml import etree

    if data is None:
        raise BookError(f"{source or 'input'}: {name} is missing from the EPUB; the book is "
                        f"damaged, save or export it again")
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise BookError(f"{source or 'input'}: {name} in the EPUB is not valid XML ({exc}); "
                        f"the book is damaged, save or export it again") from None
    if root is None:
        raise BookError(f"{source or 'input'}: {name} in the EPUB is empty; the book is damaged")
    return root


def _local(el: Any) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _children(root: Any, name: str) -> list[Any]:
    return [el for el in root.iter() if _local(el) == name]


def _check_drm(archive: Any, source: str) -> None:
    names = set(archive.namelist())
    if names & {"META-INF/rights.xml", "META-INF/sinf.xml"}:
        raise EncryptedBook(f"{source or 'input'}: the EPUB is protected by DRM (Adobe or Apple); "
                            f"only a DRM-free copy can be read")
    data = zip_member(archive, "META-INF/encryption.xml", source, "EPUB")
    if data is None:
        return
    root = _xml(data, "META-INF/encryption.xml", source)
    for enc in _children(root, "EncryptedData"):
        method = next((m.get("Algorithm", "") for m in _children(enc, "EncryptionMethod")), "")
        refs = [r.get("URI", "") for r in _children(enc, "CipherReference")]
        if method not in _FONT_OBFUSCATION and not all(_is_font(r) for r in refs):
            raise EncryptedBook(f"{source or 'input'}: the EPUB's text is encrypted (DRM); "
                                f"only a DRM-free copy can be read")


def _is_font(href: str) -> bool:
    return href.lower().endswith((".otf", ".ttf", ".woff", ".woff2"))


def _opf_path(archive: Any, source: str) -> str:
    data = zip_member(archive, "META-INF/container.xml", source, "EPUB")
    if data is not None:
        for rootfile in _children(_xml(data, "META-INF/container.xml", source), "rootfile"):
            if rootfile.get("full-path"):
                return rootfile.get("full-path")
    found = [n for n in archive.namelist() if n.lower().endswith(".opf")]
    if not found:
        raise BookError(f"{source or 'input'}: not an EPUB (no package .opf file inside); "
                        f"give an .epub book")
    return found[0]


def _resolve(base: str, href: str) -> tuple[str, str]:
    """(zip path, fragment) of an href relative to the file `base`."""
    path, _, fragment = unquote(href).partition("#")
    full = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if path else base
    return full.lstrip("/"), fragment


class _Package:
    """What the OPF says: manifest, spine, title, where the nav/NCX are."""

    def __init__(self, root: Any, opf: str, source: str) -> None:
        self.manifest: dict[str, tuple[str, str, str]] = {}
        for item in _children(root, "item"):
            path, _ = _resolve(opf, item.get("href", ""))
            self.manifest[item.get("id", "")] = (path, item.get("media-type", ""),
                                                 item.get("properties", ""))
        spines = _children(root, "spine")
        refs = _children(spines[0], "itemref") if spines else []
        self.spine = [(self.manifest[r.get("idref")][0], r.get("linear", "yes") == "no")
                      for r in refs if r.get("idref") in self.manifest
                      and not self.manifest[r.get("idref")][1].startswith(("image/", "audio/", "video/"))]
        if not self.spine:
            raise BookError(f"{source or 'input'}: the EPUB has no reading order (empty or missing "
                            f"spine); the book is damaged, save or export it again")
        self.title = next((el.text or "" for el in _children(root, "title")), "")
        self.nav = next((p for p, _, props in self.manifest.values() if "nav" in props.split()), "")
        ncx_id = spines[0].get("toc", "")
        self.ncx = self.manifest.get(ncx_id, ("", "", ""))[0] or next(
            (p for p, mt, _ in self.manifest.values() if mt == "application/x-dtbncx+xml"), "")
        self.guide = {_resolve(opf, r.get("href", ""))[0]: r.get("type", "").lower()
                      for r in _children(root, "reference")}


def _toc_entries(archive: Any, pkg: _Package, source: str) -> list[tuple[str, str, str]]:
    """(file, fragment, title) of the table of contents, in order: nav first, else NCX."""
    if pkg.nav:
        root = _xml(zip_member(archive, pkg.nav, source, "EPUB"), pkg.nav, source)
        navs = [n for n in _children(root, "nav") if "toc" in epub_types(n)] or _children(root, "nav")
        if navs:
            return [(*_resolve(pkg.nav, a.get("href", "")), " ".join("".join(a.itertext()).split()))
                    for a in _children(navs[0], "a") if a.get("href")]
    if pkg.ncx:
        root = _xml(zip_member(archive, pkg.ncx, source, "EPUB"), pkg.ncx, source)
        out = []
        for point in _children(root, "navPoint"):
            label = next((" ".join("".join(t.itertext()).split()) for t in _children(point, "text")), "")
            src = next((c.get("src", "") for c in point if _local(c) == "content"), "")
            if src:
                out.append((*_resolve(pkg.ncx, src), label))
        return out
    return []


def _file_role(path: str, body_types: set[str], pkg: _Package, nonlinear: bool) -> Role:
    guide = pkg.guide.get(path, "")
    if path == pkg.nav or body_types & _TOC_TYPES or guide == "toc":
        return "toc"
    if body_types & NOTE_TYPES or guide == "notes":
        return "note"
    if body_types & _FRONT_TYPES or guide in ("title-page", "copyright-page", "cover", "dedication"):
        return "front"
    return "note" if nonlinear else "text"


def _split_notes(root: Any) -> list[tuple[str, Spans]]:
    """Remove in-text notes (aside/section typed footnote...) from the tree, return their text;
    the links to them are marked doc-noteref (their target is gone, html.py could not tell)."""
    found = [el for el in root.iter() if isinstance(el.tag, str) and el.tag != "body"
             and epub_types(el) & NOTE_TYPES and el.getparent() is not None]
    taken = set(found)
    found = [el for el in found if not taken.intersection(el.iterancestors())]  # once, outermost
    ids = {f"#{el.get('id')}" for note in found for el in note.iter() if el.get("id")}
    for link in root.iter("a"):
        if unquote(link.get("href", "")) in ids:
            link.set("role", "doc-noteref")
    notes = [join_runs(_note_runs(el)) for el in found]
    for el in found:
        _remove(el)
    return [(text, italics) for text, italics in notes if text.strip()]


def _note_runs(note: Any) -> list[Run]:
    """The text of a note as itertext reads it, each piece with its italics (html.py's rules),
    every whitespace character a space: the note is one paragraph, its lines joined."""
    runs: list[Run] = []
    # (element, italics around it, None to open it or its own italics to close it)
    stack: list[tuple[Any, bool, bool | None]] = [(note, False, None)]
    while stack:
        el, outside, inside = stack.pop()
        element = isinstance(el.tag, str)   # not a comment or processing instruction
        if inside is not None:
            if el is not note:
                runs.append((el.tail or "", outside))
            continue
        inside = italic_within(el, outside) if element else outside
        runs.append(((el.text or "") if element else "", inside))
        stack.append((el, outside, inside))
        stack.extend((child, inside, None) for child in reversed(el))
    return [(_SPACE.sub(" ", text), italic) for text, italic in runs if text]


def _remove(el: Any) -> None:
    """Take an element out of the tree, keeping the text that followed it where it was."""
    parent, prev, tail = el.getparent(), el.getprevious(), el.tail
    parent.remove(el)
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _cut_point(el: Any) -> Any:
    """Where a chapter cut at `el` goes: before the heading or paragraph holding it (a block
    holding no other block), not inside it; before `el` in a container of blocks (a <div>
    around the chapter) or when it is a block itself."""
    if el.tag in BLOCK_TAGS:
        return el
    block = next(el.iterancestors(*BLOCK_TAGS), None)
    holds_blocks = block is not None and any(True for _ in block.iterdescendants(*BLOCK_TAGS))
    return el if block is None or block.tag == "body" or holds_blocks else block


def _mark_cuts(root: Any, fragments: list[tuple[str, int]]) -> None:
    from lxml import html

    for fragment, k in fragments:
        found = root.xpath("//*[@id=$f]", f=fragment)
        if found and found[0].getparent() is not None:
            marker = html.Element("p")
            marker.text = f"{_MARK}{k}{_MARK}"
            _cut_point(found[0]).addprevious(marker)


def _xhtml(data: bytes, path: str, cuts: list[tuple[str, int]], source: str,
           classes: ItalicRules | None = None) -> tuple[Any, set[str]]:
    from .charset import decode
    from .html import parse_html

    text = decode(data, source=f"{source}:{path}", fmt="html")
    root = parse_html(text, classes) if text.strip() else None   # `classes`: if read flattened
    if root is None:
        return None, set()
    body = root.find("body")
    types = epub_types(body) if body is not None else set()
    blocks = [el for el in (body if body is not None else []) if isinstance(el.tag, str)]
    if len(blocks) == 1:  # <body><section epub:type="titlepage">...: the file's type
        types |= epub_types(blocks[0])
    _mark_cuts(root, cuts)
    return root, types


def _book_classes(archive: Any, pkg: _Package, source: str) -> ItalicRules | None:
    """The font-style rules of the book's stylesheets (css_italics.py), read in manifest order
    up to MAX_CSS characters in all."""
    from .charset import decode
    from .css_italics import MAX_CSS, italic_rules

    sheets, size = [], 0
    for path, media_type, _ in pkg.manifest.values():
        if media_type != "text/css":
            continue
        data = zip_member(archive, path, source, "EPUB")
        if data is None or size + len(data) > MAX_CSS:
            continue
        try:
            sheets.append(decode(data, source=f"{source}:{path}"))
        except InputError:   # a stylesheet that is no text: the book is read without it
            continue
        size += len(data)
    return italic_rules("\n".join(sheets)) if sheets else None


def _add_file(book: BookBuilder, root: Any, role: Role, titles: dict[int, str],
              classes: ItalicRules | None = None) -> None:
    from lxml import html

    from .css_italics import mark_classes
    from .html import html_text

    if classes:
        mark_classes(root, classes)   # before the notes are taken out: theirs count too
    notes = _split_notes(root)
    blocks = html_text(html.tostring(root, encoding="unicode"))
    for i, (text, italics) in enumerate(zip(blocks.paragraphs, blocks.italics)):
        cut = re.fullmatch(rf"{_MARK}(\d+){_MARK}", text.strip())
        if cut:
            if role == "text":
                book.chapter(titles.get(int(cut.group(1)), ""))
            continue
        if _MARK in text:   # the text holds the private-use character itself: kept out
            text, italics = join_runs((piece.replace(_MARK, ""), italic)
                                      for piece, italic in runs_of(text, italics))
        book.add(text, role, heading=i in blocks.headings, level=blocks.headings.get(i, 0),
                 italics=italics)
    for note, italics in notes:
        book.add(note, "note", italics=italics)


def read_epub(data: bytes, source: str = "") -> Document:
    """An EPUB 2 or 3 book -> Document with chapters and roles (see module doc)."""
    archive = open_zip(data, source, "EPUB")
    _check_drm(archive, source)
    opf = _opf_path(archive, source)
    pkg = _Package(_xml(zip_member(archive, opf, source, "EPUB"), opf, source), opf, source)
    entries = _toc_entries(archive, pkg, source)
    book = BookBuilder()
    classes = _book_classes(archive, pkg, source)
    for path, nonlinear in pkg.spine:
        data_ = zip_member(archive, path, source, "EPUB")
        if data_ is None:
            continue  # a spine entry whose file is missing: read what is there
        mine = [(frag, title) for p, frag, title in entries if p == path]
        cuts = [(frag, k) for k, (frag, _) in enumerate(mine) if frag]
        root, types = _xhtml(data_, path, cuts, source, classes)
        if root is None:
            continue
        role = _file_role(path, types, pkg, nonlinear)
        first = next((t for f, t in mine if not f), mine[0][1] if mine and not cuts else "")
        if role == "text":
            book.chapter(first)
        _add_file(book, root, role, {k: t for k, (_, t) in enumerate(mine)} if role == "text" else {},
                  classes)
    return book.document(source, pkg.title)
