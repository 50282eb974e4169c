"""Markdown -> paragraphs, heading indexes and title.

Library: markdown-it-py (CommonMark, well kept); emphasis marks and link
targets go, their text stays; code blocks and raw HTML go. Emphasis (`*word*`, `_word_`)
is kept as the paragraph's italic stretches (markdown_text); strong emphasis is not italics.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ..types import Spans
from .italic_runs import Run, join_runs, normalize_italics
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


def _inline_runs(token: Any) -> list[Run]:
    """The text of an inline token's children, each piece with whether it is emphasised
    (inside em_open/em_close: '*word*', '_word_')."""
    runs, depth = [], 0
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            runs.append((child.content, depth > 0))
        elif child.type in ("softbreak", "hardbreak"):
            runs.append((" ", depth > 0))
        elif child.type in ("em_open", "em_close"):
            depth += 1 if child.type == "em_open" else -1
    return runs


class MarkdownBlocks(NamedTuple):
    """What markdown_text reads: paragraphs, headings ({index: level}, '#' is 1), title, and
    each paragraph's italic stretches (types.Spans into it)."""

    paragraphs: list[str]
    headings: dict[int, int]
    title: str
    italics: list[Spans]


def markdown_text(text: str) -> MarkdownBlocks | None:
    """Paragraphs, headings, title and italics of a Markdown text, via markdown-it-py's token
    stream.

    None when the text nests deeper than the parser's recursion can go. Why no nesting
    limit: markdown-it's default (20) silently drops what lies deeper.
    """
    from markdown_it import MarkdownIt

    text, title = front_matter(text)
    try:
        tokens = MarkdownIt("commonmark", {"maxNesting": 100_000}).enable("table").parse(text)
    except RecursionError:
        return None
    blocks = MarkdownBlocks([], {}, title, [])
    for prev, token in zip([None, *tokens], tokens):
        if token.type != "inline":
            continue
        content, italics = normalize_italics(*join_runs(_inline_runs(token)))
        if not content:
            continue
        if prev is not None and prev.type == "heading_open":
            blocks.headings[len(blocks.paragraphs)] = int(prev.tag[1])
            title = title or (content if prev.tag == "h1" else "")
        blocks.paragraphs.append(content)
        blocks.italics.append(italics)
    return blocks._replace(title=title)


def markdown_blocks(text: str) -> tuple[list[str], dict[int, int], str] | None:
    """Paragraphs, headings ({index: level}, '#' is 1) and title of a Markdown text;
    markdown_text adds the italics. None when it nests too deeply (see there)."""
    blocks = markdown_text(text)
    return None if blocks is None else (blocks.paragraphs, blocks.headings, blocks.title)
