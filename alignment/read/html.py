"""HTML -> paragraphs, heading indexes and <title>: the main text of a page, nothing else.

Library: lxml (well kept, fast, C parser that survives broken markup), not
trafilatura. For alignment a lost paragraph on one side shifts every
pair after it, and trafilatura's main-text heuristics drop short blocks
(a date line such as "mars 1925", one-line headings); with lxml >= 5.2 it
also needs the separate lxml_html_clean package just to import. Our rules
are few and predictable: drop scripts, styles, forms, <nav>, <footer>,
<aside>, ARIA navigation/banner/contentinfo regions, elements whose class
or id names navigation, menus, footers, sidebars or cookie banners, ruby annotations
(<rt>, <rtc>, <rp>: '漢<rt>かん</rt>' is 漢, the reading is not in the other edition), and
note marks. A note mark is a same-page link whose text is a mark ("1", "[2]", "*", "iv") and
that is a note reference (epub:type noteref, role doc-noteref, a class or id naming a note
or fn) or points to a note (epub:type footnote/endnote, role doc-footnote/doc-endnote, a
class, id or name naming a note, or an element in a notes section): a link '3' to chapter 3
is text. A superscript mark right after a word ('pont<sup>1</sup>') is a note mark too, as is
a <sup> holding a note link; a power stays, as the digits the page holds ('km<sup>2</sup>',
'12 miles<sup>2</sup>' -> 'km2', 'miles2'; Unicode has superscripts for digits and a few signs
only, not for '10<sup>-3.5</sup>', so one rule for all). Read from <main>, role=main or the
only <article> when there is one; every block element
(p, h1-h6, li, blockquote, div, td...) ends a paragraph; one <br> is a
line wrap (a space), two or more in a row end a paragraph. lxml parses
with huge_tree (nesting up to 2048); a page nested deeper still (a <font>
or <div> never closed) is read again with its containers flattened, so no
paragraph is cut off. A block that is only a link (a table-of-contents
entry) is never a heading. EPUB chapters (epub.py) are read by these same rules.
Italics (html_text): text inside <i>, <em>, <cite>, <dfn> or <var>, or an element whose inline
style says 'font-style: italic' (or oblique), until one says 'font-style: normal', is kept as
its paragraph's italic stretches (types.Spans, offsets into the normalised paragraph, through
italic_runs.py), so the exports can set emphasis, titles and foreign words in italics again.
A class a <style> element (or an EPUB's stylesheets) sets in italics counts as such a style
(css_italics.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import accumulate, chain
from typing import Any, NamedTuple
from urllib.parse import unquote

from ..types import Spans
from .css_italics import ItalicRules, class_style, italic_rules, mark_classes, page_classes, then
from .italic_runs import clip_spans, merge_spans, normalize_italics
from .text import normalize_space

_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
              "select", "textarea", "iframe", "svg", "canvas", "object", "embed", "head", "menu",
              "rt", "rtc", "rp")
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu"}
_DROP_NAMES = {"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer",
               "sidebar", "cookie", "cookies", "skip", "share", "social", "pagination"}
BLOCK_TAGS = {"p", "div", "section", "article", "main", "blockquote", "li", "ul", "ol", "dl", "dt",
              "dd", "table", "tr", "td", "th", "pre", "figure", "figcaption", "address", "hr",
              "center", "caption", "header", "body", "h1", "h2", "h3", "h4", "h5", "h6"}
_FOOTNOTE_REF = re.compile(r"^\s*[\[(]?(?:\d{1,3}|[*†‡]|[ivx]{1,4})[\])]?\s*$", re.I)
# epub:type values of a note or a notes section (epub.py files such notes apart)
NOTE_TYPES = frozenset({"footnote", "footnotes", "endnote", "endnotes", "rearnote", "rearnotes",
                        "note", "notes"})
_NOTE_ROLES = {"doc-footnote", "doc-endnote", "doc-endnotes", "doc-noteref"}
# 'fn1', 'fnref1', '_ftn1', 'footnote-2', 'sdfootnote1anc', 'cite_note-3' (not 'notebook')
_NOTE_NAME = re.compile(r"(?:^|[^a-z])ft?n(?:ref)?(?:[^a-z]|$)|note(?:s|ref)?(?:[^a-z]|$)")
_BR = "\x00"
_BREAKS = re.compile(rf"{_BR}(?:\s*{_BR})+")   # two <br> or more in a row: a paragraph ends
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _droppable(el: Any) -> bool:
    tag = el.tag
    if tag in _DROP_TAGS or el.get("role") in _DROP_ROLES or el.get("hidden") is not None:
        return True
    names = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return bool(_DROP_NAMES & set(re.split(r"[\s_-]+", names)))


def epub_types(el: Any) -> set[str]:
    """The epub:type values of an element (lxml.html keeps the prefix in the name)."""
    value = el.get("{http://www.idpf.org/2007/ops}type") or el.get("epub:type") or ""
    return set(value.lower().split())


def _names_note(el: Any) -> bool:
    """Whether the element says it is a note, notes section or note reference."""
    if epub_types(el) & (NOTE_TYPES | {"noteref"}) or el.get("role") in _NOTE_ROLES:
        return True
    names = f"{el.get('class', '')} {el.get('id', '')} {el.get('name', '')}".lower()
    return bool(_NOTE_NAME.search(names))


def _anchors(root: Any) -> dict[str, Any]:
    """Elements by id (and <a name>), the first of each: where a '#fragment' link lands."""
    out: dict[str, Any] = {}
    for el in root.getroottree().iter():
        for key in (el.get("id"), el.get("name") if el.tag == "a" else None):
            if key:
                out.setdefault(key, el)
    return out


def _note_link(el: Any, anchors: dict[str, Any]) -> bool:
    """A same-page link with a mark for text that is a note reference or lands in a note."""
    href = el.get("href", "")
    if not href.startswith("#") or not _FOOTNOTE_REF.match(el.text_content()):
        return False
    target = anchors.get(unquote(href[1:]))
    path = [] if target is None else [target, *target.iterancestors()]
    return _names_note(el) or any(_names_note(t) for t in path if t.tag not in ("body", "html"))


_WORD_END = re.compile(r"(?:[^\W\d_]{3}|[.,;:!?»”’\")])$")
_AFTER_NUMBER = re.compile(r"\d\s*[^\W\d_]+$")


def _note_mark(el: Any, before: list[str]) -> bool:
    """A footnote mark in superscript, with no link: 'le pont<sup>1</sup>.' read as 'pont1', a
    word the encoder does not know and a number the other edition lacks. Only right after a
    word of three letters or more or a closing mark: 'km<sup>2</sup>' and '10<sup>6</sup>' stay,
    as do '1<sup>er</sup>' and 'XIX<sup>e</sup>' (letters, no mark), and a unit after a
    number ('12 miles<sup>2</sup>', a power). A mark linking to a notes file
    ('<sup><a href="notes.xhtml#n3">3</a></sup>', common in EPUBs) goes too."""
    if not _FOOTNOTE_REF.match(el.text_content()):
        return False
    tail = "".join(before[-3:]).rstrip(_BR)
    return bool(_WORD_END.search(tail)) and not _AFTER_NUMBER.search(tail)


def _link_only(el: Any) -> bool:
    """A block whose whole text is a link: a table-of-contents entry, not a heading."""
    links = [a for a in el.iter("a") if a.get("href")]
    return bool(links) and (normalize_space(" ".join(a.text_content() for a in links))
                            == normalize_space(el.text_content()))


def _heading_level(el: Any) -> int | None:
    """1-6 for h1-h6, 0 for a <p> styled as a heading, None for no heading."""
    tag = el.tag
    if not (tag in _HEADINGS or _styled_heading(el)) or _link_only(el):
        return None
    return _HEADINGS.index(tag) + 1 if tag in _HEADINGS else 0


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


_ITALIC_TAGS = frozenset({"i", "em", "cite", "dfn", "var"})
_FONT_STYLE = re.compile(r"(?:^|;)\s*font(-style)?\s*:\s*([^;]*)", re.I)


def _styled_italic(style: str, italic: bool | None) -> bool | None:
    """Whether an inline style makes its element's text italic, `italic` being what the
    tag says: 'font-style: italic' or oblique, or the 'font:' shorthand naming either, make
    it so; 'font-style: normal' ends italics. A class a stylesheet styles so was made an
    inline style first (css_italics.py). `italic` None: None where the style says neither."""
    if "font" not in style.lower():
        return italic
    for longhand, value in _FONT_STYLE.findall(style):   # longhand: '-style' or ''
        words = value.lower().split()
        if "italic" in words or "oblique" in words:
            italic = True
        elif longhand and words[:1] == ["normal"]:
            italic = False
    return italic


def italic_within(el: Any, outside: bool) -> bool:
    """Whether the text of element `el` is in italics, `outside` being whether the text
    around it is (see module doc)."""
    italic = outside or el.tag in _ITALIC_TAGS
    style = el.get("style")
    return _styled_italic(style, italic) if style else italic


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


def _parts(text: str, spans: Spans) -> Iterator[tuple[str, Spans]]:
    """`text` cut where two <br> or more end a paragraph, each part with its italics."""
    if _BR not in text:
        yield text, spans
        return
    at = 0
    for cut in chain(_BREAKS.finditer(text), (None,)):
        end = cut.start() if cut else len(text)
        yield text[at:end], clip_spans(spans, at, end)
        at = cut.end() if cut else end


class _Blocks:
    """Collects paragraphs while walking the tree: block elements end one.

    Italics are kept as the indexes of `buffer` where the walk goes in or out of italics
    (`toggles`), not as a flag per piece: a page without italics costs no more than before."""

    def __init__(self) -> None:
        self.buffer: list[str] = []
        self.paragraphs: list[str] = []
        self.italics: list[Spans] = []
        self.headings: dict[int, int] = {}
        self.anchors: dict[str, Any] = {}
        self.italic = False          # whether the text being read is in italics
        self.first_italic = False    # whether buffer[0] is
        self.toggles: list[int] = []

    def flush(self, heading: int | None = None) -> None:
        """End a paragraph; `heading` is its level when it is a heading (0: level unknown)."""
        text = "".join(self.buffer)
        if self.toggles or self.first_italic:
            parts: Iterable[tuple[str, Spans]] = _parts(text, self._raw_spans())
        else:
            parts = ((part, ()) for part in _BREAKS.split(text))
        self.buffer, self.toggles, self.first_italic = [], [], self.italic
        for part, spans in parts:
            part, spans = normalize_italics(part.replace(_BR, " "), spans)
            if part:
                if heading is not None:
                    self.headings[len(self.paragraphs)] = heading
                self.paragraphs.append(part)
                self.italics.append(spans)

    def _raw_spans(self) -> Spans:
        """The italic stretches of the joined buffer, from `toggles`."""
        ends = list(accumulate(map(len, self.buffer), initial=0))
        edges = ([0] if self.first_italic else []) + [ends[k] for k in self.toggles] + [ends[-1]]
        return merge_spans(zip(edges[::2], edges[1::2]))

    def go(self, italic: bool) -> None:
        """Go in or out of italics at the end of the buffer."""
        self.toggles.append(len(self.buffer))
        self.italic = italic

    def note(self, el: Any) -> bool:
        """A note mark (see module doc): a note link, or a <sup> mark or holding one."""
        if el.tag == "a":
            return _note_link(el, self.anchors)
        return el.tag == "sup" and (_note_mark(el, self.buffer)
                                    or any(_note_link(a, self.anchors) for a in el.iter("a")))

    def walk(self, root: Any) -> None:
        """Depth-first, with a stack of its own: pages nest deeper than Python recursion goes.
        An element's closing entry holds the italics around it, restored before its tail."""
        self.anchors = _anchors(root)
        stack: list[tuple[Any, bool | None]] = [(root, None)]
        while stack:
            el, outside = stack.pop()
            tag = el.tag if isinstance(el.tag, str) else ""
            if outside is not None:
                if tag in BLOCK_TAGS:
                    self.flush(heading=_heading_level(el))
                if outside != self.italic:
                    self.go(outside)
                self.buffer.append(el.tail or "")
                continue
            if not tag or _droppable(el) or self.note(el):
                self.buffer.append(el.tail or "")
                continue
            if tag in BLOCK_TAGS:
                self.flush()
            outside = self.italic
            if italic_within(el, outside) != outside:
                self.go(not outside)
            self.buffer.append(_BR if tag == "br" else el.text or "")
            stack.append((el, outside))
            stack.extend((child, None) for child in reversed(el))


_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)\b[^>]*>")
_VOID = frozenset({"area", "base", "col", "embed", "img", "input", "link", "param", "source",
                   "track", "wbr"})
_STYLE_ATTR = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_CLASS_ATTR = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)
_FLAT_KEEP = {"html", "head", "body", "title", "meta", "p", "br", "hr", "h1", "h2", "h3", "h4",
              "h5", "h6", "script", "style", "noscript", "template", "nav", "footer", "aside"}


# A ruby reading with its element: its end tag may be left out (it ends at the next reading,
# parenthesis or the ruby's end), and rt/rp/rtc do not nest in one another.
_READING = re.compile(r"<(rt|rp|rtc)\b[^>]*>.*?(?:</\1\s*>|(?=<(?:rt|rp|rtc)\b|</ruby\s*>))",
                      re.I | re.S)


def _flatten(text: str, book: ItalicRules | None = None) -> str:
    """Tags that never nest kept, other blocks turned into <p> (which closes the one
    before it), inline tags dropped, ruby readings dropped with their text (as _DROP_TAGS
    drops them from a tree): nothing is left to nest. Italics stay as one plain <i>, open
    while the innermost open element that sets the font's style (an italic tag, or an inline
    style) makes it italic, and closed before each kept tag, opened again after it, so they
    nest no deeper than the paragraph: a flattened page lost its italics (a testers' item).
    An end tag closes the last open element of its name (tags never closed stay open); one
    styled 'font-style: normal' inside italics is roman to its end tag. A class the page's
    <style> styles counts as an inline style would (`.it`, `span.it`: css_italics.class_style;
    other selectors need the tree this has not), and so does one a `book`'s stylesheets do (an
    EPUB's); the element's own inline style wins over both."""
    own = italic_rules("\n".join(_STYLE_BLOCK.findall(text))) if "<style" in text.lower() else ItalicRules()
    styles = _FlatStyles(then(book, own) if book else own)

    def one(match: re.Match[str]) -> str:
        closing, name = match.group(1), match.group(2).lower()
        before = styles.italic()
        styles.step(closing, name, match.group(0))
        after = styles.italic()
        kept = match.group(0) if name in _FLAT_KEEP else "<p>" if name in BLOCK_TAGS else ""
        if kept and name not in ("br", "hr", "meta"):
            return ("</i>" if before else "") + kept + ("<i>" if after else "")
        return kept + ("<i>" if not before and after else "</i>" if before and not after else "")
    return _TAG.sub(one, _READING.sub("", text))


class _FlatStyles:
    """The open elements of a page read flattened that set the font's style, innermost last
    (each a one-item list its end tag empties: None, taken off once nothing open follows it), and
    per tag name its open elements (None for one that sets nothing), for end tags to find theirs.
    No search: a page of many elements left open closed out of order stays linear."""

    def __init__(self, rules: ItalicRules) -> None:
        self.rules = rules
        self.open: list[list[bool | None]] = []
        self.by_name: dict[str, list[list[bool | None] | None]] = {}

    def italic(self) -> bool:
        return bool(self.open) and bool(self.open[-1][0])

    def step(self, closing: str, name: str, tag: str) -> None:
        if name in _FLAT_KEEP or name in _VOID or (not closing and tag.endswith("/>")):
            return
        mine = self.by_name.setdefault(name, [])
        if closing:
            entry = mine.pop() if mine else None
            if entry is not None:
                entry[0] = None
                while self.open and self.open[-1][0] is None:
                    self.open.pop()
            return
        style = _flat_style(tag, name, self.rules)   # an italic tag's own style may undo it
        style = True if style is None and name in _ITALIC_TAGS else style
        entry = None if style is None else [style]
        mine.append(entry)
        if entry is not None:
            self.open.append(entry)


def _flat_style(tag: str, name: str, rules: ItalicRules) -> bool | None:
    """The font style an opening tag's element sets (True italic, False normal, None none) by its
    classes (`rules`, the page's plain-class rules) and its inline style, which wins over them."""
    names = _CLASS_ATTR.search(tag) if rules.classes else None
    style = class_style(rules, next(filter(None, names.groups()), ""), name) if names else None
    inline = _STYLE_ATTR.search(tag)
    said = _styled_italic(next(filter(None, inline.groups()), ""), None) if inline else None
    return style if said is None else said


def parse_html(text: str, book: ItalicRules | None = None) -> Any:
    """The lxml tree of a page, or None when it holds no document (empty, blank).

    huge_tree lifts libxml2's nesting limit from 256 to 2048; beyond that libxml2 stops
    reading (silently, but for its error log), so such a page is parsed flattened (`book`:
    the font-style rules of its book's stylesheets, which a flattened page reads as _flatten
    says; a whole tree has its classes marked by the caller).
    """
    from lxml import etree, html

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    for attempt in (text, None):   # the flattened page made only when the first parse fails
        attempt = _flatten(text, book) if attempt is None else attempt
        parser = html.HTMLParser(huge_tree=True)
        try:
            root = html.document_fromstring(attempt, parser=parser)
        except (etree.ParserError, ValueError):
            return None
        if not any("depth" in entry.message.lower() for entry in parser.error_log):
            break
    return root


class HtmlBlocks(NamedTuple):
    """What html_text reads from a page: its paragraphs, headings ({index: level, 1-6 for
    h1-h6, 0 for a <p> styled as one}), <title>, and each paragraph's italic stretches
    (types.Spans into it, one entry per paragraph)."""

    paragraphs: list[str]
    headings: dict[int, int]
    title: str
    italics: list[Spans]


def html_text(text: str) -> HtmlBlocks:
    """Main text of a page, with its italics (see module doc)."""
    root = parse_html(text)
    if root is None:
        return HtmlBlocks([], {}, "", [])
    title = normalize_space(root.findtext(".//title") or "")
    mark_classes(root, page_classes(root))   # italics a <style> gives a class
    blocks = _Blocks()
    blocks.walk(_main_root(root))
    blocks.flush()
    return HtmlBlocks(blocks.paragraphs, blocks.headings, title, blocks.italics)


def html_blocks(text: str) -> tuple[list[str], dict[int, int], str]:
    """Main text of a page: paragraphs, headings ({index: level, 1-6 for h1-h6, 0 for a
    <p> styled as one}), <title> (see module doc); html_text adds the italics."""
    return html_text(text)[:3]
