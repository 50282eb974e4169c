"""Italics in the exports a reader reads: the HTML page, the EPUB, the Word and OpenDocument
files (Sentence.italics; export.italic_html, export_office.py). Testers found a novel's
emphasis, book titles and foreign words gone from every export. Each format is read back as a
reader sees it: the italic pieces, and the whole text unchanged; a text without italics is
written byte for byte as before."""

from __future__ import annotations

import datetime as _dt
import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree, html as lxml_html
from odf.opendocument import load

from alignment import export_docx, export_odt
from alignment.epub import STYLES, render_epub, write_epub
from alignment.export import render_html, render_moses, render_tsv, render_txt
from alignment.export_docx import render_docx
from alignment.export_odt import render_odt
from alignment.export_office import LAYOUTS
from alignment.types import Alignment, Bitext, Link, Sentence

XHTML = "{http://www.w3.org/1999/xhtml}"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO_NS = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
MODIFIED = _dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=_dt.timezone.utc)


def S(marked: str, paragraph: int) -> Sentence:
    """A sentence written with its italics between asterisks ('He read *Le Monde*.')."""
    text, spans, at = "", [], 0
    for k, piece in enumerate(marked.split("*")):
        if k % 2:
            spans.append((at, at + len(piece)))
        text += piece
        at += len(piece)
    return Sentence(text, paragraph, tuple(spans))


FR = [S("*Le Rouge et le Noir*", 0),
      S("Il lisait *Le Monde* chaque matin.", 1),
      S("C'était *vraiment* un *déjà-vu*.", 2),                 # two stretches
      S("Elle écrivit *a < b & c* au tableau.", 2),             # escaping; 2 sentences, 1 paragraph
      S("Fin.", 3)]
EN = [S("*The Red and the Black*", 0),
      S("He read *Le Monde* every morning.", 1),
      S("It was *truly* a *déjà vu*.", 2),
      S("She wrote *a < b & c* on the board.", 2),
      S("The end.", 3)]
PIECES = {"src": ["Le Rouge et le Noir", "Le Monde", "vraiment", "déjà-vu", "a < b & c"],
          "tgt": ["The Red and the Black", "Le Monde", "truly", "déjà vu", "a < b & c"]}


LINKS = (Link((0,), (0,)), Link((1,), (1,)), Link((2, 3), (2, 3)), Link((4,), (4,)))
"""The paragraph of two sentences is one 2-2 link: one cell holds both, joined."""


def novel(src: list[Sentence] = FR, tgt: list[Sentence] = EN, tgt_lang: str = "en") -> Bitext:
    links = LINKS if src is FR else tuple(Link((k,), (k,)) for k in range(len(src)))
    return Bitext(tuple(src), tuple(tgt), Alignment(links), "fr", tgt_lang)


def plain(bitext: Bitext) -> Bitext:
    """The same text with its italics dropped."""
    return replace(bitext, src=tuple(replace(s, italics=()) for s in bitext.src),
                   tgt=tuple(replace(s, italics=()) for s in bitext.tgt))


def never_italic(bitext: Bitext) -> Bitext:
    """The same text built from Sentences that never had an italics argument."""
    return replace(bitext, src=tuple(Sentence(s.text, s.paragraph) for s in bitext.src),
                   tgt=tuple(Sentence(s.text, s.paragraph) for s in bitext.tgt))


@pytest.fixture
def frozen(monkeypatch):
    """The office exports stamp the time; a fixed one makes two files comparable."""
    class Fixed(_dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return MODIFIED.replace(tzinfo=tz)

    monkeypatch.setattr(export_docx, "datetime", Fixed)
    monkeypatch.setattr(export_odt, "datetime", Fixed)


def _unitalic(markup: str) -> str:
    return markup.replace("<i>", "").replace("</i>", "")


# ---------------------------------------------------------------- HTML

def _html_pieces(page: str, lang: str) -> list[str]:
    tree = lxml_html.fromstring(page)
    return [i.text_content() for i in tree.xpath(f'//div[contains(@class, "cell")][@lang="{lang}"]//i')]


@pytest.mark.parametrize("hide", [False, True])
def test_html_italics_are_i_elements_around_escaped_text(hide):
    page = render_html(novel(), hide_translation=hide)
    assert _html_pieces(page, "fr") == PIECES["src"]
    assert _html_pieces(page, "en") == PIECES["tgt"]
    assert "<i>a &lt; b &amp; c</i>" in page and "a < b" not in page
    # the text a reader reads is the same: only the <i> tags were added
    assert _unitalic(page) == render_html(plain(novel()), hide_translation=hide)


def test_html_paragraph_of_two_sentences_keeps_each_sentences_italics():
    cell = lxml_html.fromstring(render_html(novel())).xpath('//div[@lang="en"]/p')[2]
    assert cell.text_content() == "It was truly a déjà vu. She wrote a < b & c on the board."
    assert [i.text for i in cell.iter("i")] == ["truly", "déjà vu", "a < b & c"]


def test_html_chinese_sentences_joined_without_a_space_keep_their_offsets():
    zh = [S("他读了《*红楼梦*》。", 0), S("*真的*很好。", 0)]
    bitext = novel(zh, zh, "zh")
    bitext = replace(bitext, src_lang="zh", alignment=Alignment((Link((0, 1), (0, 1)),)))
    cell = lxml_html.fromstring(render_html(bitext)).xpath('//div[@lang="zh"]/p')[0]
    assert cell.text_content() == "他读了《红楼梦》。真的很好。"
    assert [i.text for i in cell.iter("i")] == ["红楼梦", "真的"]


# ---------------------------------------------------------------- EPUB

def _chapter(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        names = [n for n in book.namelist() if re.fullmatch(r"OEBPS/c\d{4}\.xhtml", n)]
        assert names == ["OEBPS/c0000.xhtml"]
        return etree.fromstring(book.read(names[0]))


@pytest.mark.parametrize("style", STYLES)
def test_epub_italics_in_every_layout(style):
    root = _chapter(render_epub(novel(), style=style, modified=MODIFIED))
    for side, lang in (("src", "fr"), ("tgt", "en")):
        found = [i.text for i in root.iter(f"{XHTML}i")
                 if i.xpath("ancestor::*[@lang][1]/@lang")[0] == lang]
        assert found == PIECES[side], (style, side)
    with zipfile.ZipFile(io.BytesIO(render_epub(novel(), style=style, modified=MODIFIED))) as a, \
            zipfile.ZipFile(io.BytesIO(render_epub(plain(novel()), style=style, modified=MODIFIED))) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():   # the text unchanged, the table of contents plain
            assert _unitalic(a.read(name).decode()) == b.read(name).decode(), name


def test_epub_heading_keeps_its_italics_and_the_contents_stay_plain():
    data = render_epub(novel(), modified=MODIFIED)
    head = _chapter(data).find(f".//{XHTML}h2")
    assert [i.text for i in head.iter(f"{XHTML}i")] == ["Le Rouge et le Noir", "The Red and the Black"]
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        assert b"<i>" not in book.read("OEBPS/nav.xhtml") and b"<i>" not in book.read("OEBPS/toc.ncx")


EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


@pytest.mark.skipif(not (EPUBCHECK.exists() and shutil.which("java")),
                    reason="epubcheck not installed (Debian package epubcheck)")
@pytest.mark.parametrize("style", ["pairs", "paragraphs"])   # "small" is the pairs markup
def test_epubcheck_accepts_the_italics(tmp_path, style):
    path = tmp_path / f"italics-{style}.epub"
    write_epub(novel(), path, style=style)
    result = subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                             str(EPUBCHECK), str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout + result.stderr


# ---------------------------------------------------------------- DOCX

RPR_ORDER = ["b", "bCs", "i", "iCs", "rtl", "lang"]
"""The run properties written here, in the order the schema (CT_RPr) wants them."""


def _docx_paragraphs(data: bytes, layout: str) -> dict[str, list]:
    """The paragraphs of each side: the body's (the translation), or each table column's."""
    document = docx.Document(io.BytesIO(data))
    if layout == "translation":
        return {"tgt": list(document.paragraphs)}
    rows = document.tables[0].rows[1:]   # after the header row
    return {"src": [p for row in rows for p in row.cells[0].paragraphs],
            "tgt": [p for row in rows for p in row.cells[1].paragraphs]}


@pytest.mark.parametrize("tgt_lang", ["en", "ar"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_docx_italic_runs(layout, tgt_lang):
    bitext = novel(tgt_lang=tgt_lang)
    ours = _docx_paragraphs(render_docx(bitext, layout=layout), layout)
    before = _docx_paragraphs(render_docx(plain(bitext), layout=layout), layout)
    langs = {"src": "fr", "tgt": tgt_lang}
    for side, paragraphs in ours.items():
        assert [r.text for p in paragraphs for r in p.runs if r.italic] == PIECES[side]
        assert [p.text for p in paragraphs] == [p.text for p in before[side]]
        for run in (r for p in paragraphs for r in p.runs):
            tags = [etree.QName(child).localname for child in run._r.rPr]
            assert tags == sorted(tags, key=RPR_ORDER.index), tags
            assert run._r.rPr.find(qn("w:lang")).get(qn("w:val")) == langs[side]
            assert (run._r.rPr.find(qn("w:rtl")) is not None) == (langs[side] == "ar")


def test_docx_manuscript_title_and_heading_keep_italics():
    document = docx.Document(io.BytesIO(render_docx(novel())))
    title = document.paragraphs[0]
    assert (title.style.name, title.text) == ("Title", "The Red and the Black")
    assert [r.italic for r in title.runs] == [True]


# ---------------------------------------------------------------- ODT

def _odt_italic_style(root: etree._Element) -> str:
    """The name of the one automatic text style that is italic (in every script)."""
    styles = [s for s in root.iter(f"{{{STYLE_NS}}}style") if s.get(f"{{{STYLE_NS}}}family") == "text"]
    assert len(styles) == 1
    props = styles[0].find(f"{{{STYLE_NS}}}text-properties")
    assert props.get(f"{{{FO_NS}}}font-style") == "italic"
    assert props.get(f"{{{STYLE_NS}}}font-style-asian") == "italic"
    assert props.get(f"{{{STYLE_NS}}}font-style-complex") == "italic"
    return styles[0].get(f"{{{STYLE_NS}}}name")


def _odt_sides(data: bytes, layout: str) -> tuple[dict[str, list[etree._Element]], etree._Element]:
    """The paragraphs of each side (the body's, or each table column's cells), and content.xml."""
    with zipfile.ZipFile(io.BytesIO(data)) as odt:
        root = etree.fromstring(odt.read("content.xml"))
    body = root.find(f".//{{{OFFICE_NS}}}text")
    if layout == "translation":
        return {"tgt": [e for e in body if etree.QName(e).localname in ("p", "h")]}, root
    rows = [list(row.iter(f"{{{TABLE_NS}}}table-cell")) for row in body.iter(f"{{{TABLE_NS}}}table-row")]
    cells = rows[1:]   # after the header row
    return ({"src": [p for a, _ in cells for p in a.iter(f"{{{TEXT_NS}}}p")],
             "tgt": [p for _, b in cells for p in b.iter(f"{{{TEXT_NS}}}p")]}, root)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_odt_italic_spans(layout):
    ours, root = _odt_sides(render_odt(novel(), layout=layout), layout)
    before, _ = _odt_sides(render_odt(plain(novel()), layout=layout), layout)
    italic = _odt_italic_style(root)
    for side, blocks in ours.items():
        spans = [s for b in blocks for s in b.iter(f"{{{TEXT_NS}}}span")]
        assert [s.text for s in spans] == PIECES[side]
        assert all(s.get(f"{{{TEXT_NS}}}style-name") == italic for s in spans)
        assert ["".join(b.itertext()) for b in ours[side]] == ["".join(b.itertext()) for b in before[side]]
    load(io.BytesIO(render_odt(novel(), layout=layout)))   # odfpy reads it back


# ---------------------------------------------------------------- cleaning moves the italics along

@pytest.mark.parametrize("fmt", ["docx", "odt"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_office_cleaning_a_control_character_and_a_tab_keeps_italics_on_their_words(fmt, layout):
    """A stray control character (removed) and a tab (a space) before an italic word shift
    its offsets: the italics follow the word."""
    tgt = [S("Title", 0), S("He wrote\x07 *this*\tnow.", 1)]
    bitext = novel([S("Titre", 0), S("Il écrivit *ceci*.", 1)], tgt)
    data = {"docx": render_docx, "odt": render_odt}[fmt](bitext, layout=layout)
    if fmt == "docx":
        paragraphs = _docx_paragraphs(data, layout)["tgt"]
        texts = [p.text for p in paragraphs]
        pieces = [r.text for p in paragraphs for r in p.runs if r.italic]
    else:
        blocks = _odt_sides(data, layout)[0]["tgt"]
        texts = ["".join(b.itertext()) for b in blocks]
        pieces = [s.text for b in blocks for s in b.iter(f"{{{TEXT_NS}}}span")]
    assert texts[-1] == "He wrote this now."
    assert pieces == ["this"]


def test_manuscript_chinese_paragraph_is_render_txts_text_with_its_italics():
    zh = [S("他读了《*红楼梦*》。", 0), S("*真的*很好。", 0)]
    bitext = replace(novel(zh, zh, "zh"), src_lang="zh")
    assert render_txt(bitext) == "他读了《红楼梦》。真的很好。\n"
    paragraph = docx.Document(io.BytesIO(render_docx(bitext))).paragraphs[0]
    assert paragraph.text == "他读了《红楼梦》。真的很好。"
    assert [r.text for r in paragraph.runs if r.italic] == ["红楼梦", "真的"]


# ---------------------------------------------------------------- plain texts and plain formats

def _zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


RENDER = {
    "html": lambda b: render_html(b).encode(),
    "handout": lambda b: render_html(b, hide_translation=True).encode(),
    **{f"epub-{s}": (lambda s: lambda b: render_epub(b, style=s, modified=MODIFIED))(s) for s in STYLES},
    **{f"docx-{lay}": (lambda lay: lambda b: render_docx(b, layout=lay))(lay) for lay in LAYOUTS},
    **{f"odt-{lay}": (lambda lay: lambda b: render_odt(b, layout=lay))(lay) for lay in LAYOUTS},
    "tmx": lambda b: _render_tmx(b),
}


def _render_tmx(bitext: Bitext) -> bytes:
    from alignment.export import render_tmx

    return render_tmx(bitext)


@pytest.mark.parametrize("fmt", sorted(RENDER))
def test_a_text_without_italics_is_written_as_it_always_was(fmt, frozen):
    """No italics, no cost: the file of italics=() sentences is byte for byte the file of
    sentences that never had any, and holds no italic markup."""
    RENDER[fmt](novel())   # odfpy declares, from its second document on, every namespace it has met
    ours, never = RENDER[fmt](plain(novel())), RENDER[fmt](never_italic(novel()))
    if fmt.startswith(("epub", "docx", "odt")):
        ours, never = _zip_members(ours), _zip_members(never)
        assert ours == never
        # the text's parts (a template's styles.xml has italic styles of its own)
        blob = b"".join(v for k, v in ours.items() if k in ("word/document.xml", "content.xml")
                        or k.endswith(".xhtml"))
    else:
        assert ours == never
        blob = ours
    assert b"<i>" not in blob and b"<w:i/>" not in blob and b"font-style" not in blob
    assert b"<bpt" not in blob


def test_plain_formats_stay_plain():
    """TSV, Moses and the plain text carry no italics: the same as without them."""
    for render in (render_tsv, render_moses, render_txt):
        assert render(novel()) == render(plain(novel()))


def test_the_tmx_keeps_the_italics_as_paired_codes_and_import_reads_them_back():
    """A translation memory holds them as CAT tools write formatting (TMX 1.4 <bpt>/<ept>,
    type italic, the HTML tag as the native code), and `alignment import` gives every
    sentence its italics again; the texts are the same as without them."""
    from lxml import etree

    from alignment.export import render_tmx
    from alignment.import_pairs import read_pairs

    bitext = novel()
    data = render_tmx(bitext)
    segs = etree.fromstring(data).findall(".//seg")
    codes = [(c.tag, c.get("type"), c.text) for seg in segs for c in seg]
    assert ("bpt", "italic", "<i>") in codes and ("ept", None, "</i>") in codes
    back = read_pairs(data, "novel.tmx")
    assert [s.text for s in back.src] == [s.text for s in read_pairs(render_tmx(plain(bitext)), "p.tmx").src]
    for side, ours in ((back.src, bitext.src), (back.tgt, bitext.tgt)):
        assert [(s.text, s.italics) for s in side] == [(s.text, s.italics) for s in ours]
    assert any(s.italics for s in back.src) and any(s.italics for s in back.tgt)
