"""HTML -> paragraphs, heading indexes and <title>: the main text of a page, nothing else.

Library: lxml (well kept, fast, C parser that survives broken markup), not
trafilatura. For alignment a lost paragraph on one side shifts every
pair after it, and trafilatura's main-text heuristics drop short blocks
(a date line such as "mars 1925", one-line headings); with lxml >= 5.2 it
also needs the separate lxml_html_clean package just to import. Our rules
are few and predictable: drop scripts, styles, forms, <nav>, <footer>,
<aside>, ARIA navigation/banner/contentinfo regions, elements whose class
or id names navigation, menus, footers, sidebars or cookie banners, and
in-page footnote reference links ("1", "[2]", "*") and unlinked footnote marks in
superscript right after a word ('pont<sup>1</sup>', not 'km<sup>2</sup>'); read from <main>,
role=main or the only <article> when there is one; every block element
(p, h1-h6, li, blockquote, div, td...) ends a paragraph; one <br> is a
line wrap (a space), two or more in a row end a paragraph. lxml parses
with huge_tree (nesting up to 2048); a page nested deeper still (a <font>
or <div> never closed) is read again with its containers flattened, so no
paragraph is cut off. A block that is only a link (a table-of-contents
entry) is never a heading. EPUB chapters (epub.py) are read by these same rules.
"""

from __future__ import annotations

import re
from typing import Any

from .text import normalize_space

_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
              "select", "textarea", "iframe", "svg", "canvas", "object", "embed", "head", "menu")
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu"}
_DROP_NAMES = {"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer",
               "sidebar", "cookie", "cookies", "skip", "share", "social", "pagination"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "blockquote", "li", "ul", "ol", "dl", "dt",
               "dd", "table", "tr", "td", "th", "pre", "figure", "figcaption", "address", "hr",
               "center", "caption", "header", "body", "h1", "h2", "h3", "h4", "h5", "h6"}
_FOOTNOTE_REF = re.compile(r"^\s*[\[(]?(?:\d{1,3}|[*†‡]|[ivx]{1,4})[\])]?\s*$", re.I)
_BR = "\x00"


def _droppable(el: Any) -> bool:
    tag = el.tag
    if tag in _DROP_TAGS or el.get("role") in _DROP_ROLES or el.get("hidden") is not None:
        return True
    names = f"{el.get('class', '')} {el.get('id', '')}".lower()
    if _DROP_NAMES & set(re.split(r"[\s_-]+", names)):
        return True
    href = el.get("href", "") if tag == "a" else ""
    return href.startswith("#") and bool(_FOOTNOTE_REF.match(el.text_content()))


_WORD_END = re.compile(r"(?:[^\W\d_]{3}|[.,;:!?»”’\")])$")


def _note_mark(el: Any, before: list[str]) -> bool:
    """A footnote mark in superscript, with no link: 'le pont<sup>1</sup>.' read as 'pont1', a
    word the encoder does not know and a number the other edition lacks. Only right after a
    word of three letters or more or a closing mark: 'km<sup>2</sup>' and '10<sup>6</sup>' stay,
    as do '1<sup>er</sup>' and 'XIX<sup>e</sup>' (letters, no mark). A mark linking to a notes
    file ('<sup><a href="notes.xhtml#n3">3</a></sup>', common in EPUBs) goes too."""
    if not _FOOTNOTE_REF.match(el.text_content()):
        return False
    tail = "".join(before[-3:]).rstrip(_BR)
    return bool(_WORD_END.search(tail))


def _link_only(el: Any) -> bool:
    """A block whose whole text is a link: a table-of-contents entry, not a heading."""
    links = [a for a in el.iter("a") if a.get("href")]
    return bool(links) and (normalize_space(" ".join(a.text_content() for a in links))
                            == normalize_space(el.text_content()))


def _is_heading(el: Any) -> bool:
    tag = el.tag
    return (tag in {"h1", "h2", "h3", "h4", "h5", "h6"} or _styled_heading(el)) and not _link_only(el)


def _styled_heading(el: Any) -> bool:
    """A <p> used as a heading: short, and all in bold or all in capitals (old pages do this)."""
    if el.tag not in ("p", "center"):
        return False
    text = normalize_space(el.text_content())
    if not text or len(text) > 100 or text[-1] in ".,;:!?…" and not text.isupper():
        return False
    bold = normalize_space(" ".join(b.text_content() for b in el.iter("b", "strong")))
    letters = [c for c in text if c.isalpha()]
    return bold == text or (len(letters) > 1 and all(c.isupper() for c in letters))


def _main_root(root: Any) -> Any:
    for path in ("//main", "//*[@role='main']"):
        found = root.xpath(path)
        if found:
            return found[0]
    articles = root.xpath("//article")
    if len(articles) == 1:
        return articles[0]
    body = root.find("body")
    return body if body is not None else root


class _Blocks:
    """Collects paragraphs while walking the tree: block elements end one."""

    def __init__(self) -> None:
        self.buffer: list[str] = []
        self.paragraphs: list[str] = []
        self.headings: set[int] = set()

    def flush(self, heading: bool = False) -> None:
        text, self.buffer = "".join(self.buffer), []
        for part in re.split(rf"{_BR}(?:\s*{_BR})+", text):
            part = normalize_space(part.replace(_BR, " "))
            if part:
                if heading:
                    self.headings.add(len(self.paragraphs))
                self.paragraphs.append(part)

    def walk(self, root: Any) -> None:
        """Depth-first, with a stack of its own: pages nest deeper than Python recursion goes."""
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            el, closing = stack.pop()
            tag = el.tag if isinstance(el.tag, str) else ""
            if closing:
                if tag in _BLOCK_TAGS:
                    self.flush(heading=_is_heading(el))
                self.buffer.append(el.tail or "")
                continue
            if not tag or _droppable(el) or (tag == "sup" and _note_mark(el, self.buffer)):
                self.buffer.append(el.tail or "")
                continue
            if tag in _BLOCK_TAGS:
                self.flush()
            self.buffer.append(_BR if tag == "br" else el.text or "")
            stack.append((el, True))
            stack.extend((child, False) for child in reversed(el))


_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)\b[^>]*>")
_FLAT_KEEP = {"html", "head", "body", "title", "meta", "p", "br", "hr", "h1", "h2", "h3", "h4",
              "h5", "h6", "script", "style", "noscript", "template", "nav", "footer", "aside"}


def _flatten(text: str) -> str:
    """Tags that never nest kept, other blocks turned into <p> (which closes the one
    before it), inline tags dropped: nothing is left to nest."""
    def one(match: re.Match[str]) -> str:
        name = match.group(2).lower()
        return match.group(0) if name in _FLAT_KEEP else "<p>" if name in _BLOCK_TAGS else ""
    return _TAG.sub(one, text)


def parse_html(text: str) -> Any:
    """The lxml tree of a page, or None when it holds no document (empty, blank).

    huge_tree lifts libxml2's nesting limit from 256 to 2048; beyond that libxml2 stops
    reading (silently, but for its error log), so such a page is parsed flattened.
    """
    from lxml import etree, html

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    for attempt in (text, _flatten(text)):
        parser = html.HTMLParser(huge_tree=True)
        try:
            root = html.document_fromstring(attempt, parser=parser)
        except (etree.ParserError, ValueError):
            return None
        if not any("depth" in entry.message.lower() for entry in parser.error_log):
            break
    return root


def html_blocks(text: str) -> tuple[list[str], set[int], str]:
    """Main text of a page: paragraphs, heading indexes, <title> (see module doc)."""
    root = parse_html(text)
    if root is None:
        return [], set(), ""
    title = normalize_space(root.findtext(".//title") or "")
    blocks = _Blocks()
    blocks.walk(_main_root(root))
    blocks.flush()
    return blocks.paragraphs, blocks.headings, title
