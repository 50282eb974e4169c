"""Reading: a file, upload or page -> Document (paragraphs, headings marked).

Choices, and why:
- Files: only regular files, at most MAX_FILE_BYTES, are read (a FIFO would
  block forever, /dev/zero never ends).
- Encoding: see charset.py (BOM, UTF-8, declared charsets as browsers map
  them, UTF-16 without BOM, mixed UTF-8/Latin-1, then charset-normalizer).
- HTML: lxml (well kept, fast, C parser that survives broken markup), not
  trafilatura. For alignment a lost paragraph on one side shifts every
  pair after it, and trafilatura's main-text heuristics drop short blocks
  (a date line such as "mars 1925", one-line headings); with lxml >= 5.2 it
  also needs the separate lxml_html_clean package just to import. Our rules
  are few and predictable: drop scripts, styles, forms, <nav>, <footer>,
  <aside>, ARIA navigation/banner/contentinfo regions, elements whose class
  or id names navigation, menus, footers, sidebars or cookie banners, and
  in-page footnote reference links ("1", "[2]", "*"); read from <main>,
  role=main or the only <article> when there is one; every block element
  (p, h1-h6, li, blockquote, div, td...) ends a paragraph; one <br> is a
  line wrap (a space), two or more in a row end a paragraph. lxml parses
  with huge_tree (nesting up to 2048); a page nested deeper still (a <font>
  or <div> never closed) is read again with its containers flattened, so no
  paragraph is cut off. A block that is only a link (a table-of-contents
  entry) is never a heading.
- Markdown: markdown-it-py (CommonMark, well kept); emphasis marks and link
  targets go, their text stays; code blocks and raw HTML go.
- Plain text: paragraphs are separated by blank lines; when the blocks
  between blank lines hold several long lines that end sentences (or there
  are no blank lines at all), each line is a paragraph. Hard-wrapped text
  (short lines, many not ending a sentence) is joined back, and an indented
  line starts a new paragraph there.
- Normalisation: Unicode NFC; every run of whitespace becomes one space, or
  one NO-BREAK SPACE (U+00A0) when the run held any no-break space (U+00A0,
  U+202F narrow, U+2007 figure). We normalise to U+00A0 rather than keep
  U+202F so that "« oui »" compares equal whatever typesetting produced it,
  and every font has it. Zero-width spaces, soft hyphens and stray BOMs are
  removed, and so are control characters (which PO and XML cannot hold), up
  front rather than after an alignment. Typographic quotes, apostrophes and
  dashes are kept as they are.

Headings (HTML h1-h6, Markdown #, and in plain text short lines that do
not end a sentence, all-capital lines, date lines such as "March 1925") go
into Document.headings so the segmenter keeps them as their own segments.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError, SectionNotFound
from ..types import Document
from .book import BOOK_FORMATS, BOOK_MAX_BYTES, BOOK_SUFFIXES, read_book, sample_text
from .charset import binary_error, decode_text

FORMATS = ("text", "html", "markdown")
SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
            ".md": "markdown", ".markdown": "markdown", **BOOK_SUFFIXES}

#: The largest file read (the app's upload limit is the same 20 MB).
MAX_FILE_BYTES = 20_000_000
_NBSP = "\u00a0"
_NO_BREAK = "\u00a0\u202f\u2007"
# Invisible characters and controls that are not whitespace (whitespace controls such as
# \x1c-\x1f and NEL become spaces below); XML and PO cannot hold them.
_INVISIBLE = dict.fromkeys([*map(ord, "\u200b\u00ad\ufeff\u2060\ufffe\uffff\x7f"),
                            *range(0x00, 0x09), *range(0x0e, 0x1c), *range(0x80, 0x85),
                            *range(0x86, 0xa0), *range(0xd800, 0xe000)])
_SPACE_RUN = re.compile(r"[^\S\u00a0]+")
_NO_BREAK_RUN = re.compile(r"\s*[\u00a0\u202f\u2007]\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


# ---------------------------------------------------------------- decoding and normalising

def decode(data: bytes, *, source: str = "", fmt: str = "text") -> str:
    """Bytes -> text (see charset.py); InputError when the bytes look binary."""
    return decode_text(data, source=source, fmt=fmt)[0]


def _binary(source: str) -> InputError:
    return binary_error(source)


def _no_break_or_space(run: re.Match[str]) -> str:
    """A run holding a no-break space stays unbreakable, unless it holds a line
    break too: a line break is where a line (a heading, a sentence) may end."""
    return " " if "\n" in run.group() or "\r" in run.group() else _NBSP


def normalize_space(text: str) -> str:
    """NFC, invisible characters removed, whitespace runs -> one space or one U+00A0
    (where the run holds a no-break space and no line break)."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    if not any(c in text for c in _NO_BREAK):
        return " ".join(text.split())
    text = _SPACE_RUN.sub(" ", _NO_BREAK_RUN.sub(_no_break_or_space, text))
    return text.strip(" " + _NBSP)


def _check_text(text: str, source: str) -> None:
    if "\x00" in text or len(_CONTROL.findall(text[:20000])) > max(5, len(text[:20000]) // 100):
        raise _binary(source)


# ---------------------------------------------------------------- headings

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
           "décembre|decembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|"
           "abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|"
           "aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|"
           "junho|julho|setembro|outubro|novembro|dezembro|maart|mei|augustus")
DATE_LINE = re.compile(
    rf"^(?:[^\W\d]+(?:[ -][^\W\d]+)*,\s)?(?:(?:le\s)?\d{{1,2}}(?:er|\.)?\s)?(?:{_MONTHS})\s\d{{3,4}}\.?$"
    r"|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\.?$", re.I)
_ENDS_SENTENCE = re.compile(r"[.!?…;:,»”\"')\]]$")


def looks_like_heading(paragraph: str) -> bool:
    """A short line that is not a sentence: a title, a numbered heading, a date line.

    Used for plain text (which has no markup) and by the segmenter, so that
    "March 1925" or "CHAPTER II." is never glued to the sentence after it.
    """
    text = paragraph.strip()
    if not text or len(text) > 100 or "\n" in text:
        return False
    if DATE_LINE.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(text) > 1 and not text.endswith(("?", "!")):
        return True
    return len(text.split()) <= 12 and not _ENDS_SENTENCE.search(text) and text[0].isalnum()


# ---------------------------------------------------------------- plain text

def _is_wrapped(blocks: list[list[str]]) -> bool:
    """Hard-wrapped prose: short lines, and many of them stop mid-sentence."""
    inner = [line for block in blocks if len(block) > 1 for line in block[:-1]]
    if not inner:
        return False
    short = sum(len(line) <= 100 for line in inner)
    open_ = sum(not re.search(r"[.!?…:»”\"]$", line.rstrip()) for line in inner)
    return short >= 0.8 * len(inner) and open_ >= 0.4 * len(inner)


def _indented(block: list[str]) -> list[list[str]]:
    """A wrapped block cut where an indented line starts a paragraph (when not all are)."""
    starts = [k for k, line in enumerate(block) if k and line[:1] in " \t\u3000"]
    if not starts or len(starts) == len(block) - 1:
        return [block]
    bounds = [0, *starts, len(block)]
    return [block[a:b] for a, b in zip(bounds, bounds[1:])]


def text_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: blank-line blocks, or one per line (see module doc)."""
    blocks: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if _is_wrapped(blocks):
        paragraphs = [" ".join(part) for block in blocks for part in _indented(block)]
    else:
        paragraphs = [line for block in blocks for line in block]
    return [p for p in map(normalize_space, paragraphs) if p]


# ---------------------------------------------------------------- HTML and Markdown

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
            if not tag or _droppable(el):
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


def _inline_text(token: Any) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return normalize_space("".join(parts))


def markdown_blocks(text: str) -> tuple[list[str], set[int], str] | None:
    """Paragraphs and headings of a Markdown text, via markdown-it-py's token stream.

    None when the text nests deeper than the parser's recursion can go. Why no nesting
    limit: markdown-it's default (20) silently drops what lies deeper.
    """
    from markdown_it import MarkdownIt

    try:
        tokens = MarkdownIt("commonmark", {"maxNesting": 100_000}).enable("table").parse(text)
    except RecursionError:
        return None
    paragraphs: list[str] = []
    headings: set[int] = set()
    title = ""
    for prev, token in zip([None, *tokens], tokens):
        if token.type != "inline":
            continue
        content = _inline_text(token)
        if not content:
            continue
        if prev is not None and prev.type == "heading_open":
            headings.add(len(paragraphs))
            title = title or (content if prev.tag == "h1" else "")
        paragraphs.append(content)
    return paragraphs, headings, title


# ---------------------------------------------------------------- entry points

def _document(paragraphs: list[str], headings: set[int], source: str, title: str = "") -> Document:
    if not paragraphs:
        raise InputError(f"{source or 'input'}: no text found; give a file that holds the text "
                         f"(for a web page, check it is the page itself, not a redirect)")
    if not title and 0 in headings:
        title = paragraphs[0]
    headings = headings | {i for i, p in enumerate(paragraphs) if DATE_LINE.match(p)}
    return Document(tuple(paragraphs), source=source, title=title, headings=frozenset(headings))


def read_text(text: str, *, fmt: str = "text", source: str = "") -> Document:
    """A text already in memory -> Document; fmt is text, html or markdown."""
    if fmt not in FORMATS:
        raise InputError(f"{source or 'input'}: unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    _check_text(text, source)
    if fmt == "html":
        paragraphs, headings, title = html_blocks(text)
        return _document(paragraphs, headings, source, title)
    if fmt == "markdown":
        blocks = markdown_blocks(text)
        if blocks is None:
            doc = read_text(text, source=source)
            return replace(doc, warnings=(f"{source or 'input'}: Markdown nested too deeply to "
                                          f"parse; read as plain text (marks kept)",))
        paragraphs, headings, title = blocks
        return _document(paragraphs, headings, source, title)
    paragraphs = text_paragraphs(text)
    headings = {i for i, p in enumerate(paragraphs) if looks_like_heading(p)}
    return _document(paragraphs, headings, source)


def read_bytes(data: bytes, *, fmt: str | None = None, source: str = "",
               declared: str = "") -> Document:
    """Uploaded or downloaded bytes -> Document, the encoding detected (see module doc).

    Without fmt, the suffix of `source` (an upload's file name) decides, as in read_file;
    `declared` is the charset a server sent with the bytes.
    """
    fmt = fmt or format_of(source)
    if fmt in BOOK_FORMATS:  # EPUB, DOCX, ODT, PDF: read_book.py and its per-format modules
        return read_book(data, fmt, source)
    if not data.strip():
        raise InputError(f"{source or 'input'}: the file is empty; give a file that holds the text")
    text, warnings = decode_text(data, source=source, fmt=fmt, declared=declared)
    doc = read_text(text, fmt=fmt, source=source)
    return replace(doc, warnings=doc.warnings + warnings) if warnings else doc


def format_of(path: str | Path) -> str:
    """The format a file name suggests: .html/.htm -> html, .md -> markdown, else text."""
    return SUFFIXES.get(Path(path).suffix.lower(), "text")


def read_input_bytes(path: str | Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError otherwise.

    Why stat first: opening a FIFO blocks until a writer comes, and /dev/zero never ends.
    """
    path = Path(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: not a regular file (a pipe, device or socket); "
                             f"save the text to a file and give that file")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; give a text, HTML or Markdown file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}); check its permissions") from None
    if len(data) > limit:
        raise InputError(f"{path}: larger than {limit / 1e6:g} MB; split the text into "
                         f"parts (chapters) and align them one by one")
    return data


def read_file(path: str | Path, *, fmt: str | None = None, section: str | None = None,
              start: str | None = None, end: str | None = None) -> Document:
    """Read a file (format from its suffix unless given), optionally cut to one section."""
    fmt = fmt or format_of(path)
    data = read_input_bytes(path, limit=BOOK_MAX_BYTES if fmt in BOOK_FORMATS else MAX_FILE_BYTES)
    doc = read_bytes(data, fmt=fmt, source=str(path))
    if section or start or end:
        doc = cut_section(doc, heading=section, start=start, end=end)
    return doc


_LINE_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1f\x85\u2028\u2029\r]")


def read_lines(path: str | Path) -> list[str]:
    """Presplit input: the lines of a file, split on \\n (or \\r\\n) only.

    Why not str.splitlines: it also splits on form feed, U+2028 and others, so line
    numbers (Vecalign's indexes) would no longer match the file. Those characters, and
    controls, become spaces inside their line.
    """
    text, _ = decode_text(read_input_bytes(path), source=str(path))
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [_LINE_BREAKS.sub(" ", line.removesuffix("\r")).translate(_INVISIBLE) for line in lines]
    if not any(line.strip() for line in lines):
        raise InputError(f"{path}: the file is empty; give one sentence per line")
    return lines


# ---------------------------------------------------------------- sections

def _key(text: str) -> str:
    return normalize_space(text).casefold().replace(_NBSP, " ")


def heading_kind(text: str) -> tuple[str, str]:
    """The shape of a heading: (case, numbering); 'same kind' means the same shape.

    A Document keeps no heading levels, so a section runs to the next heading
    written the same way: "INTRODUCTION" ends at "NOTES", not at "I. Les
    mouchards" or at a date line inside it.
    """
    stripped = text.strip()
    if DATE_LINE.match(stripped):
        return ("date", "")
    letters = [c for c in stripped if c.isalpha()]
    case = "upper" if letters and all(c.isupper() for c in letters) else "mixed"
    number = re.match(r"^(?:(\d+)|([IVXLC]+)|([A-Za-z]))[.)]?\s", stripped + " ")
    numbering = "" if not number else ("arabic" if number.group(1) else
                                       "roman" if number.group(2) else "letter")
    return (case, numbering)


def _find_heading(doc: Document, heading: str) -> int:
    wanted = _key(heading)
    # Only a heading may start a section: the same words in a table of contents, a
    # link or a sentence are not where the section begins.
    for exact in (True, False):
        for i in sorted(doc.headings):
            key = _key(doc.paragraphs[i])
            if key == wanted or (not exact and key.startswith(wanted)):
                return i
    known = ", ".join(repr(doc.paragraphs[i][:40]) for i in sorted(doc.headings)[:8])
    raise SectionNotFound(f"{doc.source or 'text'}: no heading {heading!r}; check the spelling"
                          + (f" (headings found: {known})" if known else " (no headings found)"))


def _find_marker(doc: Document, paras: list[str], marker: str, at: tuple[int, int],
                 what: str) -> tuple[int, int]:
    wanted = normalize_space(marker)
    for i in range(at[0], len(paras)):
        pos = paras[i].find(wanted, at[1] if i == at[0] else 0)
        if pos >= 0:
            return i, pos
    raise SectionNotFound(f"{doc.source or 'text'}: {what} marker {marker!r} not found; "
                          f"give text copied exactly from the file")


def cut_section(doc: Document, *, heading: str | None = None, start: str | None = None,
                end: str | None = None) -> Document:
    """Keep one section: from a heading (up to the next heading of the same kind) or from a
    start marker (included), up to an end marker (excluded) when one is given."""
    if heading and start:
        raise InputError("give either a section heading or a start marker, not both")
    paras = list(doc.paragraphs)
    first, stop, search_end = 0, len(paras), (0, 0)
    if heading:
        first = _find_heading(doc, heading)
        kind = heading_kind(paras[first])
        stop = next((i for i in sorted(doc.headings) if i > first and heading_kind(paras[i]) == kind),
                    len(paras))
        search_end = (first + 1, 0)
    elif start:
        first, pos = _find_marker(doc, paras, start, (0, 0), "start")
        paras[first] = paras[first][pos:]
        search_end = (first, len(normalize_space(start)))
    if end:
        last, pos = _find_marker(doc, paras, end, search_end, "end")
        stop, paras[last] = last + 1, paras[last][:pos]
    out = [(i, normalize_space(paras[i])) for i in range(first, stop)]
    out = [(i, p) for i, p in out if p]
    if not out:
        raise SectionNotFound(f"{doc.source or 'text'}: the section is empty; check the markers")
    headings = {k for k, (i, _) in enumerate(out) if i in doc.headings}
    return Document(tuple(p for _, p in out), source=doc.source, title=doc.title,
                    headings=frozenset(headings), warnings=doc.warnings)
