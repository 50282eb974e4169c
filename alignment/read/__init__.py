"""Reading: a file, upload or page -> Document (paragraphs, headings marked; books with chapters).

One module per format, each returning the same Document:
- files.py: the entry points (read_file, read_bytes, read_text, read_lines), input checks
  (regular files only, size caps, binary data refused) and dispatch by format;
- charset.py: bytes -> text, the encoding decided as browsers decide (webencodings,
  charset-normalizer);
- text.py: plain text, and the rules every format shares (whitespace normalisation,
  heading shapes such as date lines);
- html.py: web pages through lxml; markdown.py: Markdown through markdown-it-py;
- sections.py: cutting a Document to one section (a heading, or start/end markers);
- book.py: EPUB, DOCX, ODT and PDF through epub.py (zipfile + lxml), office.py
  (python-docx, odfpy) and pdf.py (pypdf), all filling one BookBuilder, so a book becomes a
  Document with chapters and paragraph roles.
Each module's docstring says which library it relies on and why. `from alignment.read import
read_file` (and every name below) is the public way in; the book readers load lazily.
"""

from __future__ import annotations

from .book import BOOK_FORMATS, BOOK_MAX_BYTES, BOOK_SUFFIXES, BookBuilder, read_book, sample_text
from .charset import binary_error, decode, decode_text, meta_charset, whatwg_encoding
from .files import (FORMATS, MAX_FILE_BYTES, SUFFIXES, format_of, read_bytes, read_file,
                    read_input_bytes, read_lines, read_text)
from .html import html_blocks, parse_html
from .markdown import markdown_blocks
from .sections import cut_section, heading_kind
from .text import DATE_LINE, looks_like_heading, normalize_space, text_paragraphs

__all__ = [
    "BOOK_FORMATS", "BOOK_MAX_BYTES", "BOOK_SUFFIXES", "DATE_LINE", "FORMATS", "MAX_FILE_BYTES",
    "SUFFIXES", "BookBuilder", "binary_error", "cut_section", "decode", "decode_text",
    "format_of", "heading_kind", "html_blocks", "looks_like_heading", "markdown_blocks",
    "meta_charset", "normalize_space", "parse_html", "read_book", "read_bytes", "read_file",
    "read_input_bytes", "read_lines", "read_text", "sample_text", "text_paragraphs",
    "whatwg_encoding",
]
