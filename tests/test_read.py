"""Reading text, HTML and Markdown into Documents; encodings; sections; bad input."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.errors import InputError, SectionNotFound
from alignment.read import (
    cut_section,
    format_of,
    looks_like_heading,
    normalize_space,
    read_bytes,
    read_file,
    read_input_bytes,
    read_lines,
    read_text,
)
from alignment.types import Document

DATA = Path(__file__).parent / "data" / "read"
NBSP = "\u00a0"


# ---------------------------------------------------------------- plain text

@pytest.mark.parametrize("text, paragraphs", [
    ("One. Two.\n\nThree.\n", ["One. Two.", "Three."]),
    ("First line.\nSecond line.\nThird line.\n", ["First line.", "Second line.", "Third line."]),
    ("A hard wrapped paragraph that\ngoes on over several short\nlines of text.\n\nNext one\nhere.\n",
     ["A hard wrapped paragraph that goes on over several short lines of text.", "Next one here."]),
    ("Title\n\n\n\nBody text.\r\n\r\nMore.", ["Title", "Body text.", "More."]),
    ("    First paragraph wrapped\nover two lines.\n    Second paragraph\nalso wrapped here.\n",
     ["First paragraph wrapped over two lines.", "Second paragraph also wrapped here."]),
    ("  Indented   text\twith  tabs.  \n", ["Indented text with tabs."]),
], ids=["blank-lines", "one-per-line", "hard-wrapped", "crlf-and-many-blanks", "indented", "spaces"])
def test_plain_text_paragraphs(text: str, paragraphs: list[str]) -> None:
    assert list(read_text(text).paragraphs) == paragraphs


def test_plain_text_marks_headings_and_date_lines() -> None:
    doc = read_text("Victor Serge\n\nAuthor’s Preface\n\nThe text starts here. It goes on.\n\n"
                    "March 1925\n\nLast updated on 21.3.2004\n")
    assert doc.headings == frozenset({0, 1, 3, 4})
    assert doc.title == "Victor Serge"


@pytest.mark.parametrize("line, expected", [
    ("INTRODUCTION", True), ("Chapter 2", True), ("March 1925", True), ("mars 1925", True),
    ("Paris, mars 1925.", True), ("21.3.2004", True), ("CHAPITRE PREMIER.", True),
    ("This is a sentence.", False), ("Is it?", False), ("", False),
    ("A long line " * 12, False),
    # Chinese, Japanese (no spaces: one "word"), Arabic and Hindi sentences are no headings
    ("他去了北京。", False), ("彼は家を売ることにした。", False), ("「本当ですか？」", False),
    ("هل رأيته؟", False), ("यह पहला वाक्य है।", False), ("古い家", True), ("第一章", True),
    # a poem's line opening in a small letter goes on from the line before it
    ("torna ogni sera alla riva", False), ("whoever waits for someone long enough", False),
    ("Torna ogni sera", True),
])
def test_looks_like_heading(line: str, expected: bool) -> None:
    assert looks_like_heading(line) is expected


# ---------------------------------------------------------------- normalisation

@pytest.mark.parametrize("raw, expected", [
    ("e\u0301te\u0301", "été"),                                   # NFC
    ("«\u202fOui\u202f»", f"«{NBSP}Oui{NBSP}»"),                  # narrow NBSP -> NBSP
    ("Quoi\u00a0?", f"Quoi{NBSP}?"),
    ("1\u2007000", f"1{NBSP}000"),                                # figure space
    ("a \u00a0 b", f"a{NBSP}b"),                                  # run holding a NBSP
    ("M.\n\u202fM.", "M. M."),                                    # ... and a line break: may break
    ("a \t\n b", "a b"),
    ("in\u00advisible\u200b soft", "invisible soft"),             # soft hyphen, ZWSP
    ("“Quotes” – and — dashes’", "“Quotes” – and — dashes’"),     # typography kept
])
def test_normalize_space(raw: str, expected: str) -> None:
    assert normalize_space(raw) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ab é.«»") + [NBSP, "\u202f", "\u2007", "\t", "\n", "\u200b"])))
def test_normalize_space_properties(raw: str) -> None:
    once = normalize_space(raw)
    assert normalize_space(once) == once
    assert "  " not in once and "\u202f" not in once and "\u200b" not in once
    assert once == once.strip(" " + NBSP)
    assert once.replace(NBSP, "").replace(" ", "") == "".join(c for c in raw if not c.isspace() and c != "\u200b")


# ---------------------------------------------------------------- encodings

FRENCH = "L’été dernier, « Où êtes-vous ? » dit-il — c’était à Noël. Œuvre complète."
LATIN1 = "L'été dernier, « Où êtes-vous ? » dit-il, c'était à Noël. Ça va très bien."


@pytest.mark.parametrize("data, expected", [
    (FRENCH.encode("utf-8"), FRENCH),
    (FRENCH.encode("utf-8-sig"), FRENCH),
    (FRENCH.encode("cp1252"), FRENCH),
    (LATIN1.encode("latin-1"), LATIN1),
    (FRENCH.encode("utf-16"), FRENCH),                  # with BOM
    (FRENCH.encode("utf-16-be").join([b"\xfe\xff", b""]), FRENCH),
], ids=["utf8", "utf8-bom", "cp1252", "latin1", "utf16-le-bom", "utf16-be-bom"])
def test_encodings_detected(data: bytes, expected: str) -> None:
    assert read_bytes(data, fmt="text", source="x.txt").paragraphs == (expected,)


SPANISH = ("El señor llegó a la aldea una mañana de invierno.\n\nHabía pasado años en el "
           "extranjero y nadie lo reconoció al principio. Su hermana lloró al verlo.\n")
ENGLISH = ("The old bridge\n\nThe stone bridge has spanned the river for more than three "
           "centuries. It has seven arches and the villagers cross it every day.\n")


@pytest.mark.parametrize("text, encoding, lang", [
    (ENGLISH, "utf-16", "en"), (ENGLISH, "utf-16-le", "en"), (ENGLISH, "utf-16-be", "en"),
    (SPANISH, "utf-16", "es"), (SPANISH, "utf-16-le", "es"),
    (SPANISH, "latin-1", "es"), (SPANISH.replace("años", "‘años’"), "cp1252", "es"),
    (SPANISH, "utf-8", "es"),
], ids=["en-utf16-bom", "en-utf16le", "en-utf16be", "es-utf16-bom", "es-utf16le", "es-latin1",
        "es-cp1252", "es-utf8"])
def test_the_apps_language_sample_is_the_text_the_reader_reads(text: str, encoding: str,
                                                               lang: str) -> None:
    """The start page guesses an upload's language from sample_text, which decoded it as
    UTF-8 ignoring errors: a UTF-16 English text was guessed Welsh ('cy') and Latin-1 lost its
    accents ('maana'). Now it is the text `alignment align` reads and detects."""
    from alignment.lang import detect_language
    from alignment.read import sample_text

    data = text.encode(encoding)
    sample = sample_text("upload.txt", data)
    assert sample == "\n".join(read_bytes(data, source="upload.txt").paragraphs)
    assert sample == "\n".join(read_text(text).paragraphs)
    assert detect_language(sample) == lang


def test_the_language_sample_of_a_page_is_its_text_not_its_markup() -> None:
    from alignment.read import sample_text

    page = ('<html><head><meta charset="iso-8859-1"><title>x</title></head><body><p>El señor '
            'llegó una mañana.</p></body></html>').encode("latin-1")
    assert sample_text("page.html", page) == "El señor llegó una mañana."
    assert sample_text("big.txt", ("Word. " * 100_000).encode(), limit=50) == ("Word. " * 9)[:50]


def test_file_encoding_detected(tmp_path: Path) -> None:
    path = tmp_path / "ancien.txt"
    path.write_bytes(("Première ligne.\n\n" + FRENCH + "\n").encode("cp1252"))
    assert read_file(path).paragraphs == ("Première ligne.", FRENCH)


def test_html_meta_charset_wins(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Ça coûte 5 €.</p></body></html>'
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1252"))
    assert read_file(path).paragraphs == ("Ça coûte 5 €.",)


# ---------------------------------------------------------------- HTML

def test_html_article_main_text_only() -> None:
    doc = read_file(DATA / "article.html")
    assert doc.paragraphs == (
        "Le départ",
        f"M. Dupont quitta Paris le 21.3.2004 à l’aube. Il emportait 1{NBSP}000 francs et un "
        f"«{NBSP}vieux{NBSP}» livre.",
        "INTRODUCTION",
        "Première ligne du poème, seconde ligne du poème.",
        "Un nouveau paragraphe après deux sauts de ligne.",
        "Court.",
        "« Qui vivra verra ! » dit-elle.",
        "Un élément de liste.",
        "Un autre élément.",
        "mars 1925",
        "NOTES",
        "1. Une note de l’éditeur.",
    )
    assert doc.headings == frozenset({0, 2, 9, 10})
    assert doc.title == "Le petit journal — Un article"


def test_html_without_article_drops_page_furniture() -> None:
    page = """<html><body>
      <nav>Home | About</nav><div class="sidebar">Popular posts</div>
      <div role="navigation">Skip to content</div><script>var x = "code";</script>
      <h2>Chapter one</h2><p>Real text here.<br>Same paragraph.</p><div>Also text</div>
      <form><button>Subscribe</button></form><footer>Copyright 2024</footer>
      </body></html>"""
    doc = read_text(page, fmt="html")
    assert doc.paragraphs == ("Chapter one", "Real text here. Same paragraph.", "Also text")
    assert doc.headings == frozenset({0})


@pytest.mark.parametrize("html, headings", [
    ("<p><b>INTRODUCTION</b></p><p>Text here.</p>", {0}),
    ("<p>CHAPITRE PREMIER.</p><p>Text here.</p>", {0}),
    ("<p><strong>A bold title</strong></p><p>Text <b>with</b> bold.</p>", {0}),
    ("<p><b>A bold sentence that ends.</b></p><p>Short</p>", set()),
    ("<p>mars 1925</p><p>Text here.</p>", {0}),
])
def test_html_styled_headings(html: str, headings: set[int]) -> None:
    assert read_text(html, fmt="html").headings == frozenset(headings)


def test_markdown() -> None:
    doc = read_file(DATA / "notes.md")
    assert doc.paragraphs == (
        "Reading notes",
        "A paragraph with emphasis, strong text, a link and code. It goes on over a second line.",
        "Part 1", "First item of the list.", "Second item.", "A quoted sentence.",
        "Part 2", "The last paragraph.",
    )
    assert doc.headings == frozenset({0, 2, 6})
    assert doc.title == "Reading notes"


@pytest.mark.parametrize("name, fmt", [
    ("a.txt", "text"), ("a.TEXT", "text"), ("a.html", "html"), ("a.htm", "html"),
    ("a.md", "markdown"), ("a.markdown", "markdown"), ("a", "text"), ("a.csv", "text"),
])
def test_format_of(name: str, fmt: str) -> None:
    assert format_of(name) == fmt


def test_read_bytes_format_from_upload_name() -> None:
    page = b"<html><body><nav>Menu</nav><h1>Titre</h1><p>Texte.</p></body></html>"
    assert read_bytes(page, source="upload.html").paragraphs == ("Titre", "Texte.")
    assert read_bytes(b"# Title\n\nText.", source="notes.md").headings == frozenset({0})


def test_explicit_format_overrides_suffix(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<p>Hello.</p><script>x()</script>", encoding="utf-8")
    assert read_file(path, fmt="html").paragraphs == ("Hello.",)


# ---------------------------------------------------------------- sections

BOOK = Document(
    paragraphs=("Title page", "INTRODUCTION", "Intro one.", "I. First part", "Intro two.",
                "mars 1925", "NOTES", "A note.", "Last updated on 21.3.2004"),
    source="book.html", headings=frozenset({0, 1, 3, 5, 6}),
)


@pytest.mark.parametrize("kwargs, paragraphs, headings", [
    ({"heading": "INTRODUCTION"},
     ("INTRODUCTION", "Intro one.", "I. First part", "Intro two.", "mars 1925"), {0, 2, 4}),
    ({"heading": "introduction"},
     ("INTRODUCTION", "Intro one.", "I. First part", "Intro two.", "mars 1925"), {0, 2, 4}),
    ({"heading": "I. First"}, ("I. First part", "Intro two.", "mars 1925", "NOTES", "A note.",
                               "Last updated on 21.3.2004"), {0, 2, 3}),
    ({"heading": "NOTES", "end": "Last updated"}, ("NOTES", "A note."), {0}),
    ({"start": "one.", "end": "two"}, ("one.", "I. First part", "Intro"), {1}),
    ({"start": "Intro one.", "end": "NOTES"}, ("Intro one.", "I. First part", "Intro two.",
                                               "mars 1925"), {1, 3}),
    ({"end": "INTRODUCTION"}, ("Title page",), {0}),
])
def test_cut_section(kwargs: dict, paragraphs: tuple, headings: set) -> None:
    cut = cut_section(BOOK, **kwargs)
    assert cut.paragraphs == paragraphs
    assert cut.headings == frozenset(headings)
    assert cut.source == BOOK.source


@pytest.mark.parametrize("kwargs, fragment", [
    ({"heading": "CONCLUSION"}, "no heading 'CONCLUSION'"),
    ({"start": "Chapter 9"}, "start marker 'Chapter 9' not found"),
    ({"heading": "INTRODUCTION", "end": "Appendix"}, "end marker 'Appendix' not found"),
])
def test_cut_section_missing(kwargs: dict, fragment: str) -> None:
    with pytest.raises(SectionNotFound, match=fragment) as info:
        cut_section(BOOK, **kwargs)
    assert "book.html" in str(info.value) and "\n" not in str(info.value)


def test_read_file_with_section(tmp_path: Path) -> None:
    doc = read_file(DATA / "article.html", section="INTRODUCTION")
    assert doc.paragraphs[0] == "INTRODUCTION" and doc.paragraphs[-1] == "mars 1925"
    assert "NOTES" not in doc.paragraphs


def test_heading_and_start_together_is_an_error() -> None:
    with pytest.raises(InputError, match="not both"):
        cut_section(BOOK, heading="NOTES", start="A note")


# ---------------------------------------------------------------- bad input

def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file; check the path"):
        read_file(tmp_path / "nope.txt")


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        read_file(tmp_path)


@pytest.mark.parametrize("data", [b"", b"  \n\n \t", "\n\n".encode("utf-16")],
                         ids=["empty", "blank", "blank-utf16"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"empty\.txt: .*(empty|no text)"):
        read_file(path)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    bytes(range(256)) * 8,
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x01\x02",
], ids=["png", "all-bytes", "pdf"])
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"picture\.txt: looks like binary data") as info:
        read_file(path)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("text, fmt", [
    ("", "text"), ("<html><body><nav>Menu</nav><script>x</script></body></html>", "html"),
    ("```\ncode only\n```\n", "markdown"),
])
def test_no_text_found(text: str, fmt: str) -> None:
    with pytest.raises(InputError, match="no text found"):
        read_text(text, fmt=fmt, source="upload")


def test_unknown_format() -> None:
    with pytest.raises(InputError, match="unknown format 'pdf'"):
        read_text("Hello.", fmt="pdf")


def test_control_characters_in_text_are_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        read_text("abc\x01\x02\x03\x04\x05\x06\x07\x08" * 10, source="mem")


# ---------------------------------------------------------------- issue 10: pages others wrote

@pytest.mark.parametrize("text", ["", "   \n\t ", "<!-- nothing -->", "<html></html>"])
def test_empty_or_blank_page_is_a_named_error(text: str) -> None:
    with pytest.raises(InputError, match="no text found|empty"):
        read_bytes(text.encode("utf-8") or b" ", fmt="html", source="page.html")


@pytest.mark.parametrize("opener, closer", [("<font size=2>", ""), ("<div>", ""),
                                            ("<font><div>", "")])
def test_deeply_nested_page_keeps_every_paragraph(opener: str, closer: str) -> None:
    body = "".join(f"{opener}<p>Paragraph number {i} of the page.{closer}" for i in range(3000))
    doc = read_text(f"<html><body>{body}</body></html>", fmt="html")
    assert len(doc.paragraphs) == 3000
    assert doc.paragraphs[-1] == "Paragraph number 2999 of the page."


def test_deeply_nested_page_drops_ruby_readings_too() -> None:
    """Read flattened (nested too deep for libxml2), a page read its ruby readings into the
    text ('漢(かん)字じ'), which the page read as a tree leaves out."""
    ruby = "<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby><ruby>字<rt>じ</ruby>を読む。"
    body = "".join(f"<div><p>{ruby}段落{i}。" for i in range(3000))
    doc = read_text(f"<html><body>{body}</body></html>", fmt="html")
    assert len(doc.paragraphs) == 3000 and doc.paragraphs[7] == "漢字を読む。段落7。"


TOC_PAGE = """<html><body>
<h1>Le livre</h1>
<ul class="contents"><li><a href="#intro">INTRODUCTION</a></li><li><a href="#c1">I. Les mouchards</a></li></ul>
<p><a href="#intro">INTRODUCTION</a></p>
<p>Un paragraphe de la préface, qui n'a pas de titre sur cette page.</p>
<h2>I. Les mouchards</h2><p>Le premier chapitre commence ici.</p>
</body></html>"""


def test_a_table_of_contents_entry_is_not_a_heading() -> None:
    doc = read_text(TOC_PAGE, fmt="html")
    assert "INTRODUCTION" in doc.paragraphs
    assert all(doc.paragraphs[i] != "INTRODUCTION" for i in doc.headings)
    with pytest.raises(SectionNotFound, match="no heading 'INTRODUCTION'"):
        cut_section(doc, heading="INTRODUCTION")


def test_only_a_heading_starts_a_section_not_a_sentence() -> None:
    doc = Document(("Title", "See the Notes below, then read on.", "NOTES", "A note."),
                   headings=frozenset({0, 2}))
    assert cut_section(doc, heading="notes").paragraphs == ("NOTES", "A note.")
    with pytest.raises(SectionNotFound):
        cut_section(doc, heading="See the")


@pytest.mark.parametrize("fmt, text", [
    ("text", "Une phrase\x01 avec\x1b des\x7f contrôles\x9b.\x0e"),
    ("markdown", "# Titre\x02\n\nUne phrase\x03 avec\x7f des contrôles."),
    ("html", "<p>Une phrase\x05 avec\x7f des\x9b contrôles.</p>"),
])
def test_readers_remove_control_characters_up_front(fmt: str, text: str) -> None:
    doc = read_text(text, fmt=fmt)
    joined = "".join(doc.paragraphs)
    assert not [c for c in joined if unicodedata.category(c) == "Cc"]
    assert "contrôles" in joined


def test_presplit_lines_split_only_on_newlines(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_bytes("One\x0cstill one.\r\nTwo\u2028still two.\nThree\x85 and\rthree.\n"
                     "Four\x01.\n".encode("utf-8"))
    lines = read_lines(path)
    assert len(lines) == 4
    assert lines[0] == "One still one." and lines[1] == "Two still two."
    assert lines[2] == "Three  and three." and lines[3] == "Four."


@pytest.mark.parametrize("reader", [read_file, read_lines])
def test_a_nul_byte_is_refused_as_binary_by_every_reader(tmp_path: Path, reader) -> None:
    """With --presplit a NUL byte was silently dropped; without it the file was refused."""
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Bonjour\x00 le monde.\n")
    with pytest.raises(InputError, match="looks like binary data"):
        reader(path)


def test_presplit_lines_keep_blank_lines_and_refuse_empty(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("A.\n\nB.\n", encoding="utf-8")
    assert read_lines(path) == ["A.", "", "B."]
    path.write_text("\n \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_lines(path)


# ---------------------------------------------------------------- issue 10: only regular files

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"pipe\.txt: not a regular file"):
        read_file(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_lines(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused() -> None:
    with pytest.raises(InputError, match="not a regular file"):
        read_file("/dev/zero")


def test_a_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"A sentence. " * 100)
    assert read_input_bytes(path, limit=1200) == b"A sentence. " * 100
    with pytest.raises(InputError, match=r"big\.txt: larger than 0\.001 MB"):
        read_input_bytes(path, limit=1000)


def test_cli_presplit_indexes_match_the_file_lines(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from alignment.cli import main

    src, tgt = tmp_path / "src.txt", tmp_path / "tgt.txt"
    src.write_bytes("Le pont\x0cest tombé.\nLes gens\u2028ont pleuré.\nIl sera reconstruit.\n"
                    .encode("utf-8"))
    tgt.write_text("The bridge fell.\nPeople wept.\nIt will be rebuilt.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["align", str(src), str(tgt), "--presplit", "-s", "fr",
                                       "-t", "en", "--embedder", "hashing", "--format",
                                       "vecalign", "-q"])
    assert result.exit_code == 0, result.output
    src_indexes = sorted(i for line in result.stdout.splitlines()
                         for i in eval(line.split(":")[0]))  # noqa: S307 (our own output)
    assert src_indexes == [0, 1, 2]


def test_markdown_nested_deeper_than_the_parser_default_keeps_its_text() -> None:
    doc = read_text("> " * 25 + "Texte profond.\n\nAprès.\n", fmt="markdown")
    assert doc.paragraphs == ("Texte profond.", "Après.")


@pytest.mark.parametrize("text", ["> " * 3000 + "Texte profond.", "[" * 3000 + "x" + "]" * 3000])
def test_markdown_too_deep_to_parse_is_read_as_plain_text_with_a_warning(text: str) -> None:
    doc = read_text(text, fmt="markdown", source="deep.md")
    assert "Texte profond." in doc.paragraphs[-1] or doc.paragraphs[-1].endswith("]")
    assert len(doc.warnings) == 1 and "deep.md: Markdown nested too deeply" in doc.warnings[0]


@pytest.mark.parametrize("html, paragraph", [
    ("<p>Le <i>vieux</i> pont<sup>1</sup>.</p>", "Le vieux pont."),
    ("<p>« Viens. »<sup>[2]</sup> dit-il.</p>", "« Viens. » dit-il."),
    ("<p>the end.<sup>*</sup></p>", "the end."),
    ('<p>Il était<sup><a href="notes.xhtml#n3">3</a></sup> là.</p>', "Il était là."),
    ('<p>Il était<a href="notes.xhtml#n3"><sup>3</sup></a> là.</p>', "Il était là."),
    # not footnote marks: units, powers, ordinals, abbreviations
    ("<p>Une surface de 3 km<sup>2</sup>.</p>", "Une surface de 3 km2."),
    ("<p>Le 1<sup>er</sup> mai, au XIX<sup>e</sup> siècle.</p>", "Le 1er mai, au XIXe siècle."),
    ("<p>M<sup>me</sup> Bovary</p>", "Mme Bovary"),
    ("<p>x<sup>2</sup> + y<sup>2</sup></p>", "x2 + y2"),
])
def test_superscript_footnote_marks_are_not_read_into_words(html: str, paragraph: str) -> None:
    """'pont<sup>1</sup>' was read 'pont1': a word the encoder does not know and a number
    (1) that the other edition, without notes, lacks."""
    from alignment.read import html_blocks

    assert html_blocks(html)[0] == [paragraph]


@pytest.mark.parametrize("text, paragraphs, title", [
    ("---\ntitle: Essai\nauthor: A\n---\n# Le pont\n\nTexte.\n", ["Le pont", "Texte."], "Essai"),
    ("---\ntitle: \"Un essai\"\n...\nTexte.\n", ["Texte."], "Un essai"),
    ("---\nlayout: post\n---\n\nTexte.\n", ["Texte."], ""),
    ("Texte.\n\n---\n\nSuite.\n", ["Texte.", "Suite."], ""),   # a rule, not front matter
])
def test_markdown_front_matter_is_not_text(text, paragraphs, title) -> None:
    """Jekyll / Hugo / Pandoc front matter was read as a paragraph and aligned as a sentence
    ('title: Essai' / 'title: Essay'); its title names the text."""
    doc = read_text(text, fmt="markdown")
    assert [p for p in doc.paragraphs] == paragraphs and doc.title == title


@pytest.mark.parametrize("name, advice", [
    ("job.tmx", "is a file of pairs (TMX), not a text to align; read it with: alignment import"),
    ("sheet.csv", "is a file of pairs (CSV), not a text to align; read it with: alignment import"),
    ("pairs.po", "is a PO file of aligned pairs, not a text to align; open it in the app"),
])
def test_a_file_of_pairs_given_as_a_text_is_refused(tmp_path: Path, name: str, advice: str) -> None:
    """A TMX or PO given to `alignment align` was read as plain text: its markup and both of its
    languages aligned as one side. It is refused, with the command that reads it."""
    path = tmp_path / name
    path.write_text('<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>Hello.</seg></tuv>'
                    '</tu></body></tmx>\n', encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(advice)):
        read_file(path)
    assert read_file(path, fmt="text").paragraphs   # a format named is read as asked


# ---------------------------------------------------------------- PDF page numbers

@pytest.mark.parametrize("first_line, kept", [
    ("12", False), ("- 12 -", False), ("xiv", False), ("Page 4", False),   # page numbers
    ("II", True), ("XIV", True),                # a chapter's number in capitals heads it
    ("civil", True), ("Lili", True),            # words of the letters i v x l c
])
def test_pdf_page_numbers_go_and_chapter_numbers_stay(first_line, kept):
    from alignment.read.pdf import strip_running_lines

    pages = [[first_line, "The bridge is very old and the village is proud of it."]]
    assert (first_line in strip_running_lines(pages)[0]) is kept


def test_a_pdf_of_roman_numbered_chapters_keeps_their_headings(tmp_path: Path) -> None:
    """QA (2026-12-04): 'I' and 'II' at the top of their pages were dropped as page numbers."""
    from fpdf import FPDF

    pdf = FPDF()
    story = ("The bridge is very old. It was built in 1820 by a mason from the village nearby, "
             "who carved his mark on every stone of its seven arches. ") * 3 + "It stands."
    for head, body in (("I", story), ("II", story.replace("bridge", "mill"))):
        pdf.add_page()
        pdf.set_font("Helvetica", size=16)
        pdf.cell(0, 10, head, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, body)
    path = tmp_path / "roman.pdf"
    pdf.output(str(path))
    paragraphs = read_file(path).paragraphs
    assert paragraphs[0] == "I" and "II" in paragraphs and len(paragraphs) == 4


@pytest.mark.parametrize("left, right, joined", [
    ("impor-", "tant", "important"),
    ("Jean-", "Paul", "Jean-Paul"),          # a name broken at its own hyphen keeps it
    ("the end -", "Then", "the end - Then"),  # a dash, not a broken word
    ("old", "bridge", "old bridge"),
])
def test_pdf_lines_join(left, right, joined):
    from alignment.read.pdf import _joined

    assert _joined(left, right) == joined


def test_pdf_ligatures_become_letters():
    from alignment.read.pdf import LIGATURES

    assert "ofﬁciel, ﬂeur, eﬀort".translate(LIGATURES) == "officiel, fleur, effort"
