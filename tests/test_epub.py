"""Bilingual EPUB out: chapters, layouts, language tags, our reader reads it back, epubcheck
passes it (when the Debian package is installed), the CLI writes it from a PO."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from alignment.cli import main
from alignment.epub import CHUNK, book_chapters, render_epub, write_epub
from alignment.po import write_po
from alignment.read import read_bytes
from alignment.types import Alignment, Bitext, Link, Sentence

EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def novel(chapters: int = 3, per: int = 4, titles: bool = True, omission: bool = True) -> Bitext:
    src, tgt, links = [], [], []
    for c in range(chapters):
        if titles:
            src.append(Sentence(f"Chapter {c + 1}", 1000 + c))
            tgt.append(Sentence(f"Chapitre {c + 1}", 1000 + c))
            links.append(Link((len(src) - 1,), (len(tgt) - 1,)))
        for k in range(per):
            src.append(Sentence(f"Tom & Anna <met> in room {c}.{k}.", 10 * c + k // 2))
            tgt.append(Sentence(f"Tom et Anna « se virent » dans la salle {c}.{k}.", 10 * c + k // 2))
            links.append(Link((len(src) - 1,), (len(tgt) - 1,)))
    if omission:
        src.append(Sentence("A sentence the translator left out.", 999))
        links.append(Link((len(src) - 1,), ()))
    return Bitext(tuple(src), tuple(tgt), Alignment(tuple(links)), "en", "fr", corpus_id="novel")


def story(heading: bool = True, corpus_id: str = "") -> Bitext:
    """A short text under its title (or not), as a plain-text file aligns: the title is a
    paragraph of its own, the sentences after it share paragraphs."""
    src = ([Sentence("الجسر القديم", 0)] if heading else []) + [
        Sentence("في عام 1987 جاء بول إلى القاهرة.", 1), Sentence("سكن في شارع التحرير.", 1),
        Sentence("ابتسمت ودعته إلى الشاي.", 2)]
    tgt = ([Sentence("Le vieux pont", 0)] if heading else []) + [
        Sentence("En 1987, Paul arriva au Caire.", 1), Sentence("Il habitait rue Tahrir.", 1),
        Sentence("Elle sourit et l'invita à prendre le thé.", 2)]
    links = tuple(Link((k,), (k,)) for k in range(len(src)))
    return Bitext(tuple(src), tuple(tgt), Alignment(links), "ar", "fr", corpus_id=corpus_id)


def _members(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def test_container_layout_and_metadata():
    data = render_epub(novel(), title="A Novel")
    archive = zipfile.ZipFile(io.BytesIO(data))
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert archive.read("mimetype") == b"application/epub+zip"
    opf = etree.fromstring(archive.read("OEBPS/content.opf"))
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert [e.text for e in opf.iter(f"{dc}language")] == ["en", "fr"]
    assert opf.findtext(f".//{dc}title") == "A Novel"
    assert render_epub(novel(), title="A Novel") != render_epub(novel(2), title="A Novel")


def test_chapters_nav_and_language_on_every_text_element():
    members = _members(render_epub(novel(), title="A Novel"))
    nav = etree.fromstring(members["OEBPS/nav.xhtml"])
    assert [a.text for a in nav.iter(f"{XHTML}a")] == ["Chapter 1", "Chapter 2", "Chapter 3"]
    chapter = etree.fromstring(members["OEBPS/c0000.xhtml"])
    paragraphs = list(chapter.iter(f"{XHTML}p"))
    assert len(paragraphs) == 8  # 4 pairs, original then translation
    assert [p.get(XML_LANG) for p in paragraphs[:2]] == ["en", "fr"]
    assert all(p.get("lang") == p.get(XML_LANG) for p in paragraphs)
    assert all(p.get("dir") == "auto" for p in paragraphs)   # Arabic would read right to left
    assert paragraphs[0].text == "Tom & Anna <met> in room 0.0."
    assert paragraphs[1].text == "Tom et Anna « se virent » dans la salle 0.0."
    last = etree.fromstring(members["OEBPS/c0002.xhtml"])
    assert list(last.iter(f"{XHTML}p"))[-1].text == "A sentence the translator left out."


@pytest.mark.parametrize("style, ids", [("pairs", ["l2", "l3", "l4", "l5"]),
                                         ("small", ["l2", "l3", "l4", "l5"]),
                                         ("paragraphs", ["l2", "l4"])])
def test_anchors_are_numbered_from_1_as_links_are_everywhere(style, ids):
    """id="l10" was link 11 (counted from 0), while the HTML export, the app and the README
    number links from 1. Link 1 is the chapter's title (its heading), so its text starts at 2."""
    book = novel()
    chapter = etree.fromstring(_members(render_epub(book, style=style))["OEBPS/c0000.xhtml"])
    divs = list(chapter.iter(f"{XHTML}div"))
    assert [d.get("id") for d in divs] == ids
    for div in divs:   # each anchor holds its link's original sentence first
        n = int(div.get("id")[1:])
        assert div[0].text.startswith(book.link_text(n - 1, "src"))


def test_an_arabic_heading_is_right_to_left():
    members = _members(render_epub(story(), title="t"))
    heading = next(etree.fromstring(members["OEBPS/c0000.xhtml"]).iter(f"{XHTML}h2"))
    assert (heading.get("lang"), heading.get("dir")) == ("ar", "rtl")
    assert [(s.get("lang"), s.get("dir")) for s in heading.iter(f"{XHTML}span")] == [("fr", "auto")]


def test_our_reader_reads_our_book_back():
    doc = read_bytes(render_epub(novel()), source="novel.epub")
    assert [c.title for c in doc.chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]
    assert doc.paragraphs[doc.chapters[1].start + 1] == "Tom & Anna <met> in room 1.0."


def test_layouts():
    def divs(style: str) -> list:
        chapter = etree.fromstring(_members(render_epub(novel(), style=style))["OEBPS/c0000.xhtml"])
        return [d for d in chapter.iter(f"{XHTML}div")]

    assert len(divs("pairs")) == 4 and len(divs("paragraphs")) == 2  # two paragraphs of two pairs
    para = divs("paragraphs")[0]
    assert [p.get("lang") for p in para] == ["en", "fr"]
    assert para[0].text == "Tom & Anna <met> in room 0.0. Tom & Anna <met> in room 0.1."
    assert all("small" in d.get("class") for d in divs("small"))


def test_untitled_bitext_is_cut_into_parts_at_paragraph_ends():
    bitext = novel(chapters=1, per=CHUNK * 2 + 10, titles=False, omission=False)
    chapters = book_chapters(bitext)
    assert len(chapters) == 3 and chapters[-1].end == len(bitext.alignment.links)
    for c in chapters[1:]:  # a part never starts inside a paragraph
        link = bitext.alignment.links
        assert bitext.src[link[c.start].src[0]].paragraph != bitext.src[link[c.start - 1].src[0]].paragraph


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1, max_size=40), st.text(max_size=40)), min_size=1, max_size=6))
def test_any_text_gives_well_formed_xhtml(pairs):
    src = tuple(Sentence(a, k) for k, (a, _) in enumerate(pairs))
    tgt = tuple(Sentence(b, k) for k, (_, b) in enumerate(pairs) if b)
    links, j = [], 0
    for k, (_, b) in enumerate(pairs):
        links.append(Link((k,), (j,) if b else ()))
        j += bool(b)
    members = _members(render_epub(Bitext(src, tgt, Alignment(tuple(links)), "de", "es")))
    for name, body in members.items():
        if name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
            etree.fromstring(body)  # raises on malformed XML


@pytest.mark.skipif(not (EPUBCHECK.exists() and shutil.which("java")),
                    reason="epubcheck not installed (Debian package epubcheck)")
@pytest.mark.parametrize("style, book", [("small", novel), ("paragraphs", novel),
                                         ("pairs", story)])  # "small" holds the pairs markup
def test_epubcheck_finds_no_error(tmp_path, style, book):
    path = tmp_path / f"novel-{style}.epub"
    write_epub(book(), path, style=style)   # story: its title and contents named by its heading
    # A short run: the JVM's quick compiler and one GC thread halve its time and CPU (6.7 s
    # to 3.9 s here); what epubcheck reports does not depend on them.
    quick = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
    result = subprocess.run(["java", *quick, "-jar", str(EPUBCHECK), str(path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout + result.stderr


def test_cli_exports_epub_from_po(tmp_path):
    po = tmp_path / "novel.po"
    write_po(novel(), po)
    out = tmp_path / "novel.epub"
    result = CliRunner().invoke(main, ["export", str(po), "--epub", str(out), "--epub-layout", "small"])
    assert result.exit_code == 0, result.output
    doc = read_bytes(out.read_bytes(), source=str(out))
    assert [c.title for c in doc.chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]
    missing = CliRunner().invoke(main, ["export", str(po), "--epub", str(tmp_path / "no" / "x.epub")])
    assert missing.exit_code == 1 and "Error:" in missing.output


# ---------------------------------------------------------------- the book's title and its table of contents

def _title_and_toc(data: bytes) -> tuple[str, list[str], list[str]]:
    members = _members(data)
    dc = "{http://purl.org/dc/elements/1.1/}"
    title = etree.fromstring(members["OEBPS/content.opf"]).findtext(f".//{dc}title")
    nav = [a.text for a in etree.fromstring(members["OEBPS/nav.xhtml"]).iter(f"{XHTML}a")]
    ncx = [t.text for t in etree.fromstring(members["OEBPS/toc.ncx"]).iter(
        "{http://www.daisy.org/z3986/2005/ncx/}text")][1:]   # the first is the book's title
    return title, nav, ncx


@pytest.mark.parametrize("bitext, given, title, toc", [
    (story(), "", "الجسر القديم", ["الجسر القديم"]),                    # the text's first heading
    (story(), "Mon livre", "Mon livre", ["الجسر القديم"]),             # a title given wins
    (story(corpus_id="sample"), "", "Le vieux pont de Saint-Aubin / The Old Bridge of Saint-Aubin",
     ["الجسر القديم"]),                                                # a bundled corpus's title
    (story(heading=False), "", "ar-ar.fr", ["في عام 1987 جاء بول إلى القاهرة."]),  # the file's name
], ids=["heading", "given", "corpus", "no-heading"])
def test_the_book_is_titled_and_its_contents_named_by_the_text(tmp_path, bitext, given, title, toc):
    """The CLI titled the book after its file ('ar-ar.fr') and listed one chapter, '1'."""
    path = tmp_path / "ar-ar.fr.epub"
    write_epub(bitext, path, title=given)
    assert _title_and_toc(path.read_bytes()) == (title, toc, toc)


def test_parts_without_headings_are_named_by_their_first_words():
    bitext = novel(chapters=1, per=CHUNK * 2 + 10, titles=False, omission=False)
    names = [c.title for c in book_chapters(bitext)]
    assert names[0] == "Tom & Anna <met> in room 0.0." and len(set(names)) == 3
    assert not any(name.isdigit() for name in names)
    long = Bitext((Sentence("One two three four five six seven eight nine ten.", 0),), (),
                  Alignment((Link((0,), ()),)), "en", "fr")
    assert book_chapters(long)[0].title == "One two three four five six seven eight…"


def test_the_bundled_sample_exported_is_titled_and_listed_by_its_heading(tmp_path):
    from alignment.corpora import load_corpus
    from alignment.embed import HashingEmbedder
    from alignment.pipeline import align_documents
    from alignment.read import read_file

    corpus = load_corpus("sample")
    folder = Path(__file__).parent.parent / "corpora" / "sample"
    docs = [read_file(folder / side.file) for side in (corpus.src, corpus.tgt)]
    bitext = align_documents(*docs, src_lang="fr", tgt_lang="en", embedder=HashingEmbedder())
    po, out = tmp_path / "sample.po", tmp_path / "x.epub"
    write_po(bitext, po)
    result = CliRunner().invoke(main, ["export", str(po), "--epub", str(out)])
    assert result.exit_code == 0, result.output
    title, nav, _ = _title_and_toc(out.read_bytes())
    assert (title, nav) == ("Le vieux pont de Saint-Aubin", ["Le vieux pont de Saint-Aubin"])
    first = etree.fromstring(_members(out.read_bytes())["OEBPS/c0000.xhtml"])
    assert "".join(next(first.iter(f"{XHTML}h2")).itertext()) == \
        "Le vieux pont de Saint-AubinThe Old Bridge of Saint-Aubin"   # drawn as the heading


# ---------------------------------------------------------------- reading books others made

def _book(body: str, fragments: tuple[str, ...]) -> bytes:
    """An EPUB 2 of one XHTML file whose NCX points at `fragments` in it (titled 1, 2...)."""
    points = "".join(f'<navPoint id="p{k}"><navLabel><text>{k + 1}</text></navLabel>'
                     f'<content src="b.xhtml#{f}"/></navPoint>' for k, f in enumerate(fragments))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("META-INF/container.xml", '<container version="1.0" xmlns="urn:oasis:names:'
                   'tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="c.opf" '
                   'media-type="application/oebps-package+xml"/></rootfiles></container>')
        z.writestr("c.opf", '<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><manifest>'
                   '<item id="t" href="t.ncx" media-type="application/x-dtbncx+xml"/><item id="b" '
                   'href="b.xhtml" media-type="application/xhtml+xml"/></manifest><spine toc="t">'
                   '<itemref idref="b"/></spine></package>')
        z.writestr("t.ncx", f'<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>{points}'
                   '</navMap></ncx>')
        z.writestr("b.xhtml", '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.'
                   f'idpf.org/2007/ops"><body>{body}</body></html>')
    return out.getvalue()


GUTENBERG = ('<h2><a id="ch1"></a>CHAPTER I.</h2><p>One text.</p>'
             '<h2><a id="ch2"></a>CHAPTER II.</h2><p>Two text.</p>')


@pytest.mark.parametrize("body, fragments, paragraphs, starts, headings", [
    # Project Gutenberg: the anchor inside the heading; the cut goes before the heading
    (GUTENBERG, ("ch1", "ch2"), ("CHAPTER I.", "One text.", "CHAPTER II.", "Two text."),
     [0, 2], {0, 2}),
    # an anchor mid-sentence: the cut goes before its paragraph, the sentence stays whole
    ('<p id="s1">One text.</p><p>The second part <span id="s2">begins here.</span></p><p>More.</p>',
     ("s1", "s2"), ("One text.", "The second part begins here.", "More."), [0, 1], set()),
    # an anchor between the blocks of a <div> around the chapters: the cut stays at the anchor
    ('<div><a id="s1"></a><h2>One</h2><p>A.</p><h2><a id="s2"></a>Two</h2><p>B.</p></div>',
     ("s1", "s2"), ("One", "A.", "Two", "B."), [0, 2], {0, 2}),
], ids=["anchor-in-heading", "anchor-mid-sentence", "anchors-in-a-div"])
def test_a_chapter_is_cut_before_the_block_holding_its_anchor(body, fragments, paragraphs, starts,
                                                             headings):
    doc = read_bytes(_book(body, fragments), source="book.epub")
    assert doc.paragraphs == paragraphs
    assert [c.start for c in doc.chapters] == starts and doc.headings == headings


def test_a_section_named_by_a_heading_holding_its_anchor_is_found(tmp_path: Path):
    """'--src-section "CHAPTER II."' said "no heading (no headings found)": the cut marker
    had been put inside each <h2>."""
    from alignment.read import read_file

    path = tmp_path / "gutenberg.epub"
    path.write_bytes(_book(GUTENBERG, ("ch1", "ch2")))
    assert read_file(path, section="CHAPTER II.").paragraphs == ("CHAPTER II.", "Two text.")


@pytest.mark.parametrize("body, paragraphs, roles", [
    # a note's link goes though the note is taken out of the text; a link '3' to a chapter stays
    ('<p>As said<a href="#n1">1</a> in chapter <a href="#c3">3</a>.</p><h2 id="c3">Three</h2>'
     '<aside epub:type="footnote" id="n1"><p>The note.</p></aside>',
     ("As said in chapter 3.", "Three", "The note."), ("text", "text", "note")),
    # notes inside a notes section are read once, not once for the section and once each
    ('<p>Text<a href="#n1">1</a>.</p><section epub:type="footnotes"><aside epub:type="footnote" '
     'id="n1"><p>The note.</p></aside></section>', ("Text.", "The note."), ("text", "note")),
    # the text after a note mid-paragraph stays where it was, not moved to the paragraph's end
    ('<p>Before<aside epub:type="footnote" id="n1">The note.</aside> after <b>bold</b> end.</p>',
     ("Before after bold end.", "The note."), ("text", "note")),
], ids=["note-link-and-chapter-link", "notes-in-a-notes-section", "text-after-a-note"])
def test_in_text_notes_leave_their_marks_out_and_are_read_once(body, paragraphs, roles):
    doc = read_bytes(_book(body, ()), source="book.epub")
    assert doc.paragraphs == paragraphs and doc.roles == roles


def test_a_book_section_runs_past_its_subheadings(tmp_path: Path):
    from alignment.read import read_file

    path = tmp_path / "parts.epub"
    path.write_bytes(_book("<h1>Part One</h1><p>A.</p><h2>Chapter</h2><p>B.</p>"
                           "<h1>Part Two</h1><p>C.</p>", ()))
    assert read_file(path, section="Part One").paragraphs == ("Part One", "A.", "Chapter", "B.")


@pytest.mark.parametrize("name, first, expected", [
    ("ru-en.po", "ПИСЬМО ИЗ ТВЕРИ", "ПИСЬМО ИЗ ТВЕРИ"),   # a file's name gives way to the heading
    ("ru-en.po", "Он шёл по улице, и шёл дождь, и никто его не ждал.", "ru-en"),   # no heading: the stem
    # two files uploaded: their names give way to the heading, and stand in where there is none
    ("pismo.ru ↔ pismo.en", "ПИСЬМО ИЗ ТВЕРИ", "ПИСЬМО ИЗ ТВЕРИ"),
    ("pismo.ru.txt ↔ pismo.en.txt", "Письмо из Твери", "Письмо из Твери"),
    ("pismo.ru.txt ↔ pismo.en.txt", "Он шёл по улице, и шёл дождь.", "pismo.ru.txt ↔ pismo.en.txt"),
    ("memory.tmx (ru → en)", "ПИСЬМО ИЗ ТВЕРИ", "ПИСЬМО ИЗ ТВЕРИ"),
    ("notes.txt", "Он шёл по улице, и шёл дождь.", "notes.txt"),
])
def test_a_download_is_titled_by_its_text_before_its_file_names(name, first, expected):
    """An EPUB made in the app from a PO opened by path was titled 'ru-en.po', and a
    teacher's class reader, page and handout from two files uploaded 'it ↔ it_en', though
    the text opens with its title (the command line already titled it by its heading)."""
    from alignment.epub import export_title
    from alignment.types import Alignment, Bitext, Link, Sentence

    bitext = Bitext((Sentence(first, 0), Sentence("Было холодно.", 1)),
                    (Sentence("A letter", 0), Sentence("It was cold.", 1)),
                    Alignment((Link((0,), (0,), 0.9), Link((1,), (1,), 0.9))), "ru", "en")
    assert export_title(name, bitext) == expected


@pytest.mark.parametrize("first, expected", [("ПИСЬМО ИЗ ТВЕРИ", "ПИСЬМО ИЗ ТВЕРИ"),
                                             ("Он шёл по улице, и шёл дождь.", "ru – en")])
def test_the_html_page_is_titled_as_the_epub(first, expected):
    """`alignment export pairs.po --epub … --html …`: the EPUB was titled by the text's heading,
    the HTML page 'ru – en'. Both follow one rule now (the language pair where no heading)."""
    from alignment.export import render_html
    from alignment.types import Alignment, Bitext, Link, Sentence

    bitext = Bitext((Sentence(first, 0), Sentence("Было холодно.", 1)),
                    (Sentence("A letter", 0), Sentence("It was cold.", 1)),
                    Alignment((Link((0,), (0,), 0.9), Link((1,), (1,), 0.9))), "ru", "en")
    assert f"<title>{expected}</title>" in render_html(bitext)


def test_a_japanese_paragraph_is_joined_without_the_spaces_it_never_had():
    """The 'paragraphs' layout joins a paragraph's sentences as the text does: no space
    between Japanese sentences ('…立っていた。 彼女は…' had one)."""
    src = (Sentence("駅の前に立っていた。", 0), Sentence("彼女は笑った。", 0))
    tgt = (Sentence("She stood at the station.", 0), Sentence("She laughed.", 0))
    links = tuple(Link((i,), (i,), 0.95) for i in range(2))
    book = Bitext(src, tgt, Alignment(links), "ja", "en")
    chapter = etree.fromstring(_members(render_epub(book, style="paragraphs"))["OEBPS/c0000.xhtml"])
    texts = [p.text for p in chapter.iter(f"{XHTML}p")]
    assert "駅の前に立っていた。彼女は笑った。" in texts
    assert "She stood at the station. She laughed." in texts
