"""Fuzzing the readers (text, HTML, Markdown, presplit lines): any input gives a Document or a
named error (errors.py), never a traceback; what comes out is clean text (issue 10, Build).

Inputs are raw bytes, text in several encodings, and token soups of markup that real pages
and notes are made of (unclosed tags, entities, comments, declarations, deep nesting).
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignment.errors import AlignmentError
from alignment.read import cut_section, read_bytes, read_lines, read_text
from alignment.types import Document

#: ALIGNMENT_FUZZ_EXAMPLES=5000 for a longer run than the suite's.
FUZZ = settings(max_examples=int(os.environ.get("ALIGNMENT_FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = st.sampled_from(["Le pont", "est tombé.", "INTRODUCTION", "mars 1925", "«\u00a0oui\u00a0»",
                         "Вечер", "昨日", "l’été", "–", "\u200b", "\u00ad", "\u2028", "\x0c",
                         "\x85", "\x01", "\x7f", "\x9b", "\ufeff", "\ufffe", " ", "\t", "\r\n",
                         "\n\n", "1.", "Chapter II", "é"])
TEXT = st.one_of(st.text(max_size=300),
                 st.lists(WORDS, max_size=60).map("".join))
HTML_TOKENS = st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<font size=2>", "</font>", "<h1>", "</h1>", "<h3>",
    "</h3>", "<br>", "<br/>", "<a href='#n1'>", "<a href='x.htm'>", "</a>", "<sup>1</sup>",
    "<script>var x = '</p>';", "</script>", "<!--", "-->", "<?xml version='1.0' encoding='utf-8'?>",
    "<meta charset=koi8-r>", "<meta charset='nonsense'>", "&amp;", "&#0;", "&#xD800;", "&#x1;",
    "&nbsp;", "<nav>", "</nav>", "<main>", "<article>", "<li>", "<table><tr><td>", "<b>", "</b>",
    "<html>", "<body>", "</body>", "<![CDATA[", "]]>", "<", ">", "<p class='toc'>", "<title>",
])
MD_TOKENS = st.sampled_from([
    "# ", "## ", "> ", ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> ", "- ", "1. ", "```", "~~~", "*", "_",
    "**", "[", "](", ")", "\n", "\n\n", "    ", "<div>", "</div>", "|", "---", "===", "\\",
    "![img](x.png)", "<!-- c -->", "&amp;", "&#0;",
])


def _soup(tokens: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(tokens, WORDS, st.text(max_size=20)), max_size=80).map("".join)


def _encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                 "cp1252", "latin-1", "cp1250", "koi8-r", "shift_jis"])
    return st.tuples(text, encodings).map(lambda te: te[0].encode(te[1], errors="ignore"))


def _check(doc: Document) -> None:
    """What every reader must give: non-empty clean paragraphs, headings among them."""
    assert doc.paragraphs
    for paragraph in doc.paragraphs:
        assert paragraph and paragraph == paragraph.strip(" \u00a0")
        assert not [c for c in paragraph if unicodedata.category(c) in ("Cc", "Cs")
                    or c in "\u200b\u00ad\ufeff\ufffe\uffff"], repr(paragraph)
        assert "  " not in paragraph and "\n" not in paragraph
        assert paragraph == unicodedata.normalize("NFC", paragraph)
    assert all(0 <= i < len(doc.paragraphs) for i in doc.headings)


def _read(data: bytes, fmt: str) -> None:
    try:
        doc = read_bytes(data, fmt=fmt, source="fuzz")
    except AlignmentError as exc:
        assert "\n" not in str(exc) and str(exc)
        return
    _check(doc)
    for i in sorted(doc.headings)[:2]:  # cutting at any heading works or is a named error
        try:
            _check(cut_section(doc, heading=doc.paragraphs[i]))
        except AlignmentError:
            pass


@pytest.mark.parametrize("fmt", ["text", "html", "markdown"])
@FUZZ
@given(data=st.binary(max_size=600))
def test_any_bytes(fmt: str, data: bytes) -> None:
    _read(data, fmt)


@pytest.mark.parametrize("fmt", ["text", "html", "markdown"])
@FUZZ
@given(data=_encoded(TEXT))
def test_text_in_any_encoding(fmt: str, data: bytes) -> None:
    _read(data, fmt)


@FUZZ
@given(data=_encoded(_soup(HTML_TOKENS)))
def test_html_soup(data: bytes) -> None:
    _read(data, "html")


@FUZZ
@given(data=_encoded(_soup(MD_TOKENS)))
def test_markdown_soup(data: bytes) -> None:
    _read(data, "markdown")


@settings(FUZZ, max_examples=min(FUZZ.max_examples, 30))  # 5 openers, depths: few cases differ
@given(opener=st.sampled_from(["<div>", "<font>", "<blockquote>", "<span><div>", "<ul><li>"]),
       depth=st.integers(200, 2500))
def test_deep_nesting_keeps_the_last_paragraph(opener: str, depth: int) -> None:
    body = "".join(f"{opener}<p>Paragraphe {i}." for i in range(depth))
    doc = read_text(f"<html><body>{body}</body></html>", fmt="html")
    assert doc.paragraphs[-1] == f"Paragraphe {depth - 1}."


@FUZZ
@given(data=st.one_of(st.binary(max_size=400), _encoded(TEXT)))
def test_presplit_lines(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lines.txt"
        path.write_bytes(data)
        try:
            lines = read_lines(path)
        except AlignmentError as exc:
            assert "\n" not in str(exc)
            return
    assert any(line.strip() for line in lines)
    for line in lines:
        assert "\n" not in line and "\r" not in line
        assert not [c for c in line if unicodedata.category(c) in ("Cc", "Cs")
                    and c != "\t"], repr(line)
