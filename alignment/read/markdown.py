"""Markdown -> paragraphs, heading indexes and title.

Library: markdown-it-py (CommonMark, well kept); emphasis marks and link
targets go, their text stays; code blocks and raw HTML go.
"""

from __future__ import annotations

import re
from typing import Any

from .text import normalize_space

# YAML front matter (Jekyll, Hugo, Pandoc): '---' on the first line, its fields, '---' or '...'
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_TITLE = re.compile(r"^title:[ \t]*(['\"]?)(.+?)\1[ \t]*$", re.M)


def front_matter(text: str) -> tuple[str, str]:
    """(text without its YAML front matter, the title it gives or ''). Why: read as Markdown,
    the block became a paragraph, aligned as a sentence ('title: Essai' / 'title: Essay')."""
    match = _FRONT.match(text)
    if match is None:
        return text, ""
    title = _TITLE.search(match.group(1))
    return text[match.end():], normalize_space(title.group(2)) if title else ""


def _inline_text(token: Any) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return normalize_space("".join(parts))


def markdown_blocks(text: str) -> tuple[list[str], dict[int, int], str] | None:
    """Paragraphs, headings ({index: level}, '#' is 1) and title of a Markdown text, via
    markdown-it-py's token stream.

    None when the text nests deeper than the parser's recursion can go. Why no nesting
    limit: markdown-it's default (20) silently drops what lies deeper.
    """
    from markdown_it import MarkdownIt

    text, title = front_matter(text)
    try:
        tokens = MarkdownIt("commonmark", {"maxNesting": 100_000}).enable("table").parse(text)
    except RecursionError:
        return None
    paragraphs: list[str] = []
    headings: dict[int, int] = {}
    for prev, token in zip([None, *tokens], tokens):
        if token.type != "inline":
            continue
        content = _inline_text(token)
        if not content:
            continue
        if prev is not None and prev.type == "heading_open":
            headings[len(paragraphs)] = int(prev.tag[1])
            title = title or (content if prev.tag == "h1" else "")
        paragraphs.append(content)
    return paragraphs, headings, title
