"""The Word (DOCX) and OpenDocument (ODT) exports, read back with python-docx and odfpy: a
translator sends the corrected translation to an editor as a manuscript, a reviewer gets the
pairs side by side (export_office.py). The browser journey: tests/e2e/
test_book_downloads_findings.py."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from odf import teletype
from odf.namespaces import DCNS, METANS
from odf.opendocument import load
from odf.table import TableCell, TableRow

from alignment import __version__, workspace
from alignment.errors import InputError
from alignment.export import render_txt
from alignment.export_docx import render_docx, write_docx
from alignment.export_odt import render_odt, write_odt
from alignment.export_office import LAYOUTS
from alignment.types import Alignment, Bitext, Link, Sentence

RENDER = {"docx": render_docx, "odt": render_odt}
FR = ["Le vieux pont",                                          # 0 heading
      "Il a sept arches.", "Elles sont en pierre.",             # 1, 2
      "Une phrase que la traduction omet.",                     # 3 omitted
      "Deuxième partie",                                        # 4 heading
      "Le soir tombe.", "Les pêcheurs rentrent.", "Le village dort.", "La lune se lève.",
      "Le fleuve brille.", "Tout se tait."]                     # 5-10
EN = ["The old bridge",                                         # 0
      "It has seven arches.", "They are made of stone.",        # 1, 2
      "A line the translator added.",                           # 3 addition
      "Part two",                                               # 4
      "Evening falls.", "The fishermen come home.", "The village sleeps.", "The moon rises.",
      "The river shines.", "All is quiet."]
FR_PARAS = [0, 1, 1, 2, 3, 4, 4, 4, 5, 5, 5]
EN_PARAS = [0, 1, 1, 2, 3, 4, 4, 4, 5, 5, 5]
LINKS = (Link((0,), (0,)), Link((1,), (1,), 0.95), Link((2,), (2,), 0.3),   # 2: to review
         Link((3,), ()), Link((), (3,)),                                    # omission, addition
         Link((4,), (4,)), Link((5,), (5,), 0.4, reviewed=True), Link((6,), (6,)),
         Link((7,), (7,)), Link((8,), (8,)), Link((9, 10), (9, 10), 0.2))  # 10: to review
REVIEW = {2, 10}


def story(tgt: list[str] = EN, tgt_lang: str = "en") -> Bitext:
    return Bitext(tuple(Sentence(t, p) for t, p in zip(FR, FR_PARAS)),
                  tuple(Sentence(t, p) for t, p in zip(tgt, EN_PARAS)), Alignment(LINKS), "fr",
                  tgt_lang)


# ---------------------------------------------------------------- reading the files back

def docx_blocks(data: bytes) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs]


def odt_blocks(data: bytes) -> list[tuple[str, str]]:
    """Each paragraph of the body: 'Heading 1' for a text:h, else its style's parent's name."""
    doc = load(io.BytesIO(data))
    out = []
    for node in doc.text.childNodes:
        if node.qname[1] == "h":
            out.append(("Heading 1", teletype.extractText(node)))
        elif node.qname[1] == "p":
            parent = doc.getStyleByName(node.getAttribute("stylename")).getAttribute("parentstylename")
            out.append(({"Text_20_body": "Normal"}.get(parent, parent), teletype.extractText(node)))
    return out


BLOCKS = {"docx": docx_blocks, "odt": odt_blocks}


def docx_rows(data: bytes) -> list[tuple[str, str, bool, bool]]:
    """(original, translation, shaded, Arabic cell right to left) per table row."""
    table = docx.Document(io.BytesIO(data)).tables[0]
    rows = []
    for row in table.rows:
        a, b = row.cells
        shaded = bool(a._tc.xpath("./w:tcPr/w:shd[@w:fill]")) and bool(b._tc.xpath("./w:tcPr/w:shd"))
        rows.append((a.text, b.text, shaded, bool(b._tc.xpath("./w:p/w:pPr/w:bidi"))))
    return rows


def odt_rows(data: bytes) -> list[tuple[str, str, bool, bool]]:
    doc = load(io.BytesIO(data))
    rows = []
    for row in doc.getElementsByType(TableRow):
        a, b = row.getElementsByType(TableCell)
        fills = [_props(doc, cell.getAttribute("stylename")).get("backgroundcolor") for cell in (a, b)]
        para = b.childNodes[0]
        rtl = _props(doc, para.getAttribute("stylename")).get("writingmode") == "rl-tb"
        rows.append((teletype.extractText(a), teletype.extractText(b), all(fills), rtl))
    return rows


def _props(doc, name: str) -> dict[str, str]:
    """Every property an automatic style sets, by odfpy's attribute name ('backgroundcolor')."""
    style = doc.getStyleByName(name)
    return {key[1].replace("-", ""): value for child in style.childNodes
            for key, value in child.attributes.items()}


ROWS = {"docx": docx_rows, "odt": odt_rows}


# ---------------------------------------------------------------- the translation as a manuscript

@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_the_translation_is_the_manuscript_its_paragraphs_and_headings(fmt):
    blocks = BLOCKS[fmt](RENDER[fmt](story()))
    assert blocks == [("Title", "The old bridge"),
                      ("Normal", "It has seven arches. They are made of stone."),
                      ("Normal", "A line the translator added."),                 # an addition
                      ("Heading 1", "Part two"),
                      ("Normal", "Evening falls. The fishermen come home. The village sleeps."),
                      ("Normal", "The moon rises. The river shines. All is quiet.")]
    # the paragraphs of the plain-text export, the omitted French sentence nowhere
    assert [text for _, text in blocks] == render_txt(story()).strip().split("\n\n")


@pytest.mark.parametrize("fmt", ["docx", "odt"])
@pytest.mark.parametrize("title, expected", [
    (None, [("Title", "The old bridge")]),                  # the translation's own heading
    ("Le vieux pont", [("Title", "The old bridge")]),       # the original's: not a second title
    ("Bridges", [("Title", "Bridges"), ("Heading 1", "The old bridge")]),
])
def test_the_title_is_the_translations_heading_unless_another_is_given(fmt, title, expected):
    blocks = BLOCKS[fmt](RENDER[fmt](story(), title=title))
    assert blocks[:len(expected)] == expected
    assert blocks[len(expected)][1].startswith("It has seven arches.")


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_a_text_without_a_heading_is_titled_by_the_title_given_or_not_at_all(fmt):
    """Not by the original's heading: a French title on the English manuscript."""
    plain = story(["It was late."] + EN[1:])
    assert BLOCKS[fmt](RENDER[fmt](plain))[0] == ("Normal", "It was late.")
    assert BLOCKS[fmt](RENDER[fmt](plain, title="Le vieux pont"))[0] == ("Normal", "It was late.")
    assert BLOCKS[fmt](RENDER[fmt](plain, title="story"))[:2] == [("Title", "story"),
                                                                  ("Normal", "It was late.")]


# ---------------------------------------------------------------- the pairs side by side

EXPECTED_ROWS = [(FR[0], EN[0]), (FR[1], EN[1]), (FR[2], EN[2]), (FR[3], ""), ("", EN[3]),
                 (FR[4], EN[4]), (FR[5], EN[5]), (FR[6], EN[6]), (FR[7], EN[7]), (FR[8], EN[8]),
                 (f"{FR[9]} {FR[10]}", f"{EN[9]} {EN[10]}")]


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_the_pairs_table_a_row_per_link_the_links_to_review_shaded(fmt):
    data = RENDER[fmt](story(), layout="pairs")
    rows = ROWS[fmt](data)
    assert [(a, b) for a, b, _, _ in rows] == [("French (fr)", "English (en)"), *EXPECTED_ROWS]
    assert {k for k, (_, _, shaded, _) in enumerate(rows[1:]) if shaded} == REVIEW
    title, legend = BLOCKS[fmt](data)[:2]
    assert title == ("Title", "Le vieux pont")
    assert legend[1].startswith("11 links, 2 to review (shaded")


def test_the_docx_header_row_repeats_and_a_heading_link_is_bold():
    table = docx.Document(io.BytesIO(render_docx(story(), layout="pairs"))).tables[0]
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    assert [run.bold for run in table.rows[6].cells[1].paragraphs[0].runs] == [True]   # Part two
    assert [run.bold for run in table.rows[7].cells[1].paragraphs[0].runs] == [None]


@pytest.mark.parametrize("fmt", ["docx", "odt"])
@pytest.mark.parametrize("lang, rtl", [("ar", True), ("he", True), ("en", False)])
def test_a_right_to_left_side_is_laid_out_right_to_left(fmt, lang, rtl):
    arabic = ["الجسر القديم", "له سبعة أقواس.", "إنها من حجر.", "سطر أضافه المترجم.",
              "الجزء الثاني", "يحل المساء.", "يعود الصيادون.", "تنام القرية.", "يطلع القمر.",
              "يلمع النهر.", "كل شيء هادئ."]
    bitext = story(arabic if rtl else EN, lang)
    rows = ROWS[fmt](RENDER[fmt](bitext, layout="pairs"))
    assert {row[3] for row in rows[1:]} == {rtl}
    manuscript = RENDER[fmt](bitext)
    if fmt == "docx":
        paragraphs = docx.Document(io.BytesIO(manuscript)).paragraphs
        assert {bool(p._p.xpath("./w:pPr/w:bidi")) for p in paragraphs} == {rtl}
        assert {p.runs[0]._r.xpath("string(./w:rPr/w:lang/@w:val)") for p in paragraphs} == {lang}
    else:
        doc = load(io.BytesIO(manuscript))
        props = [_props(doc, p.getAttribute("stylename")) for p in doc.text.childNodes]
        assert {p.get("writingmode") == "rl-tb" for p in props} == {rtl}
        assert {(p["language"], p["languagecomplex"]) for p in props} == {(lang, lang)}


# ---------------------------------------------------------------- properties, odd texts, layouts

def test_docx_properties_title_language_generator():
    data = render_docx(story())
    core = docx.Document(io.BytesIO(data)).core_properties
    assert (core.title, core.language, core.author, core.comments) == ("The old bridge", "en", "", "")
    parts = zipfile.ZipFile(io.BytesIO(data))
    assert f"<Application>alignment {__version__}</Application>" in parts.read("docProps/app.xml").decode()
    assert b"python-docx" not in parts.read("docProps/core.xml")
    assert "docProps/thumbnail.jpeg" not in parts.namelist()   # the template's blank page
    assert docx.Document(io.BytesIO(render_docx(story(), layout="pairs"))).core_properties.language == "fr"


def test_odt_properties_title_language_generator():
    data = render_odt(story())
    meta = {node.qname: teletype.extractText(node) for node in load(io.BytesIO(data)).meta.childNodes}
    assert meta[(DCNS, "title")] == "The old bridge" and meta[(DCNS, "language")] == "en"
    assert meta[(METANS, "generator")] == f"alignment {__version__}"
    parts = zipfile.ZipFile(io.BytesIO(data))
    first = parts.infolist()[0]   # as ODF asks: stored, first
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_control_characters_in_a_sentence_do_not_break_the_file(fmt):
    odd = story(["The old bridge"] + ["It has\x0bseven\x01 arches.\tReally."] + EN[2:])
    assert BLOCKS[fmt](RENDER[fmt](odd))[1] == ("Normal", "It has seven arches. Really. They are "
                                                          "made of stone.")


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_an_unknown_layout_is_refused(fmt):
    with pytest.raises(InputError, match="use one of translation, pairs"):
        RENDER[fmt](story(), layout="side-by-side")


@pytest.mark.parametrize("fmt, write", [("docx", write_docx), ("odt", write_odt)])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_write_and_the_apps_download_give_the_rendered_file(tmp_path, fmt, write, layout):
    assert write(story(), tmp_path / f"s.{fmt}", layout=layout) == [tmp_path / f"s.{fmt}"]
    got = BLOCKS[fmt]((tmp_path / f"s.{fmt}").read_bytes())
    assert got == BLOCKS[fmt](RENDER[fmt](story(), layout=layout))
    assert BLOCKS[fmt](workspace.export_bytes(story(), fmt, "Le vieux pont", layout=layout)) == got


def test_the_cli_and_the_menu_offer_every_layout():
    from alignment.cli.export import OFFICE_LAYOUTS
    from views.downloads import OFFICE_LAYOUTS as MENU

    assert OFFICE_LAYOUTS == list(LAYOUTS) == list(MENU)


# ---------------------------------------------------------------- alignment export --docx / --odt

@pytest.fixture()
def pos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """story.po, and victim.po: a copy a person corrected in a PO editor."""
    from alignment.po import write_po

    monkeypatch.chdir(tmp_path)
    write_po(story(), tmp_path / "story.po")
    write_po(story(), tmp_path / "victim.po")
    text = (tmp_path / "victim.po").read_text(encoding="utf-8")
    (tmp_path / "victim.po").write_text(text.replace('msgstr "Evening falls."',
                                                     'msgstr "Night falls."'), encoding="utf-8")
    return tmp_path


def test_export_writes_the_word_and_opendocument_files(pos):
    from alignment.cli import main

    result = CliRunner().invoke(main, ["export", "story.po", "--docx", "s.docx", "--odt", "s.odt"])
    assert result.exit_code == 0, result.output
    assert docx_blocks((pos / "s.docx").read_bytes())[1] == (
        "Normal", "It has seven arches. They are made of stone.")
    assert odt_blocks((pos / "s.odt").read_bytes())[0] == ("Title", "The old bridge")
    result = CliRunner().invoke(main, ["export", "story.po", "--odt", "p.odt",
                                       "--office-layout", "pairs"])
    assert result.exit_code == 0, result.output
    assert odt_rows((pos / "p.odt").read_bytes())[4][:2] == (FR[3], "")


@pytest.mark.parametrize("args, message", [
    (["--docx", "victim.po"], "was edited since"),
    (["--odt", "victim.po"], "was edited since"),
    (["--docx", "story.po"], "is the input file"),
    (["--docx", "-"], "--docx -: a Word document is a zip archive"),
    (["--odt", "-"], "--odt -: an OpenDocument text is a zip archive"),
    (["--docx", "same.docx", "--odt", "same.docx"], "both name same.docx"),
])
def test_export_refuses_an_office_file_over_a_po_or_an_input(pos, args, message):
    from alignment.cli import main

    before = {p.name: p.read_bytes() for p in pos.iterdir()}
    result = CliRunner().invoke(main, ["export", "story.po", *args])
    assert result.exit_code == 1 and message in result.output, result.output
    assert {p.name: p.read_bytes() for p in pos.iterdir()} == before
