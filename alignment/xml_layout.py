"""An XML tree written back as the file it was read from: what lies around the root element
(a byte-order mark, the XML declaration as written, comments, a DOCTYPE, the last line break)
copied from the original bytes, the root serialised by lxml in the file's encoding, with CRLF
line breaks where the original had them.

Part of the store stage: write_back.py's corrected copy of an XLIFF or TMX file ("the rest of
the file as it was": a BOM and the declaration were dropped, CRLF became LF). The root's start
tag is the original's (xml_as_written.py: lxml wrote its namespace first), and so are the
character and entity references of the lines no correction changed; the other elements'
namespace declarations and quotes are lxml's (keeping them would need another writer).
Standard library and lxml only.
"""

from __future__ import annotations

import codecs
import re

from .xml_as_written import references_as_written, root_tag_as_written


def serialise_like(document, original: bytes) -> bytes:
    """The file as it was around its root element (BOM, declaration, comments, DOCTYPE, the
    last line break: the original's own), the root serialised from the tree in the file's
    encoding, its line breaks CRLF where the original's were. A file not read so simply (an
    odd DOCTYPE, an encoding Python lacks) is serialised whole, with a declaration."""
    from lxml import etree

    encoding = document.docinfo.encoding or "UTF-8"
    bom = next((b for b in BOMS if original.startswith(b)), b"")
    codec = BOMS.get(bom, encoding)
    try:
        text = original[len(bom):].decode(codec)
    except (LookupError, UnicodeDecodeError):
        text = ""
    span = _root_span(text)
    if span is None:
        return etree.tostring(document, xml_declaration=True, encoding=encoding)
    start, end = span
    body = etree.tostring(document.getroot(), encoding="unicode")
    if 2 * text.count("\r\n", start, end) > text.count("\n", start, end):
        body = body.replace("\n", "\r\n")   # the parser read CRLF as LF; lxml writes no CR
    body = references_as_written(text[start:end], root_tag_as_written(text[start:end], body))
    return bom + (text[:start] + body + text[end:]).encode(codec, "xmlcharrefreplace")


# byte-order marks and the codec each names (UTF-32's first: UTF-16 LE's is its beginning)
BOMS = {codecs.BOM_UTF32_LE: "utf-32-le", codecs.BOM_UTF32_BE: "utf-32-be",
        codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}
PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.S)
START_TAG = re.compile(r"<[^!?/\s>]")


def _root_span(text: str) -> tuple[int, int] | None:
    """Where the root element starts and ends in the file's text: after the prolog's items,
    before the comments, processing instructions and spaces that follow it. None where the
    text is not read so simply (an odd DOCTYPE)."""
    start = 0
    while (item := PROLOG_ITEM.match(text, start)) and item.end() > start:
        start = item.end()
    end = len(text)
    while True:
        head = text[:end].rstrip(" \t\r\n")
        opener = "<!--" if head.endswith("-->") else "<?" if head.endswith("?>") else None
        if opener is None:
            end = len(head)
            break
        end = head.rfind(opener)
    return (start, end) if START_TAG.match(text, start) and end > start and text[:end].endswith(">") else None
