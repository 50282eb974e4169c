"""Exports: TMX 1.4 (validated against a DTD of its structure), TSV, Moses, HTML reader, CLI."""

from __future__ import annotations

import csv
import html
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from alignment.cli import main
from alignment.export import (FINDINGS_HEADER, moses_paths, render_findings_csv, render_html, render_moses, render_tmx, render_tsv, render_txt,
                              write_html, write_moses, write_tmx, write_tsv)
from alignment.errors import InputError
from alignment.po import write_po
from alignment.registry import EXPORTERS
from alignment.types import Alignment, Bitext, Finding, Link, Sentence, Signature

NASTY = '<script>alert("x")</script> Fish & Chips'


def bitext(src_lang: str = "fr", tgt_lang: str = "en") -> Bitext:
    src = (Sentence("Titre", 0), Sentence(NASTY, 1), Sentence("Il est parti.", 1),
           Sentence("Il n'est pas revenu.", 2), Sentence("Omise\tici.", 2), Sentence("Oui.", 3))
    tgt = (Sentence("Title", 0), Sentence("<b>Bold</b> & co", 1),
           Sentence("He left and\nnever came back.", 1), Sentence("Added.", 2), Sentence("Yes.", 3))
    links = (Link((0,), (0,), 0.99), Link((1,), (1,), 0.95), Link((2, 3), (2,), 0.6),
             Link((4,), (), 0.3), Link((), (3,), 0.4), Link((5,), (4,), 0.97))
    return Bitext(src, tgt, Alignment(links, Signature(version="0.1.0", seed=1)),
                  src_lang, tgt_lang, "demo")


# ---------------------------------------------------------------- TMX

# The structure of TMX 1.4 (tmx, header, body, tu, tuv, seg, prop, note), written from the
# specification's element descriptions; inline markup inside <seg> is not used by us.
TMX_DTD = """
<!ELEMENT tmx (header, body)>
<!ATTLIST tmx version CDATA #FIXED "1.4">
<!ELEMENT header (note|prop)*>
<!ATTLIST header creationtool CDATA #REQUIRED  creationtoolversion CDATA #REQUIRED
  segtype (block|paragraph|sentence|phrase) #REQUIRED  o-tmf CDATA #REQUIRED
  adminlang CDATA #REQUIRED  srclang CDATA #REQUIRED  datatype CDATA #REQUIRED
  o-encoding CDATA #IMPLIED  creationdate CDATA #IMPLIED  creationid CDATA #IMPLIED
  changedate CDATA #IMPLIED  changeid CDATA #IMPLIED>
<!ELEMENT note (#PCDATA)>
<!ATTLIST note xml:lang CDATA #IMPLIED  o-encoding CDATA #IMPLIED>
<!ELEMENT prop (#PCDATA)>
<!ATTLIST prop type CDATA #REQUIRED  xml:lang CDATA #IMPLIED  o-encoding CDATA #IMPLIED>
<!ELEMENT body (tu*)>
<!ELEMENT tu ((note|prop)*, tuv+)>
<!ATTLIST tu tuid CDATA #IMPLIED  o-encoding CDATA #IMPLIED  datatype CDATA #IMPLIED
  usagecount CDATA #IMPLIED  lastusagedate CDATA #IMPLIED  creationtool CDATA #IMPLIED
  creationtoolversion CDATA #IMPLIED  creationdate CDATA #IMPLIED  creationid CDATA #IMPLIED
  changedate CDATA #IMPLIED  segtype (block|paragraph|sentence|phrase) #IMPLIED
  changeid CDATA #IMPLIED  o-tmf CDATA #IMPLIED  srclang CDATA #IMPLIED>
<!ELEMENT tuv ((note|prop)*, seg)>
<!ATTLIST tuv xml:lang CDATA #REQUIRED  o-encoding CDATA #IMPLIED  datatype CDATA #IMPLIED
  usagecount CDATA #IMPLIED  lastusagedate CDATA #IMPLIED  creationtool CDATA #IMPLIED
  creationtoolversion CDATA #IMPLIED  creationdate CDATA #IMPLIED  creationid CDATA #IMPLIED
  changedate CDATA #IMPLIED  changeid CDATA #IMPLIED  o-tmf CDATA #IMPLIED>
<!ELEMENT seg (#PCDATA)>
"""
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_tmx_is_valid_tmx_14_with_one_unit_per_two_sided_link() -> None:
    root = etree.fromstring(render_tmx(bitext()))
    dtd = etree.DTD(io.StringIO(TMX_DTD))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    assert root.get("version") == "1.4" and root.find("header").get("srclang") == "fr"
    units = root.findall("body/tu")
    assert [u.get("tuid") for u in units] == ["1", "2", "3", "6"]
    segs = [[(tuv.get(XML_LANG), tuv.findtext("seg")) for tuv in u.findall("tuv")] for u in units]
    assert segs[1] == [("fr", NASTY), ("en", "<b>Bold</b> & co")]
    assert segs[2] == [("fr", "Il est parti. Il n'est pas revenu."),
                       ("en", "He left and\nnever came back.")]
    assert [(p.get("type"), p.text) for p in units[2].findall("prop")] == [
        ("x-link", "2-1"), ("x-confidence", "0.600"), ("x-paragraphs", "src 2 3 / tgt 2"),
        ("x-sentences", "src 13 20 @ccef6bc3 / tgt 28")]
    notes = [n.text for n in root.findall("header/note")]
    assert "2 links without a counterpart (omissions or additions) are left out" in notes


def test_tmx_reads_back_with_translate_toolkit(tmp_path: Path) -> None:
    from translate.storage.tmx import tmxfile

    path, = write_tmx(bitext(), tmp_path / "pairs.tmx")
    tmx = tmxfile.parsefile(str(path))
    assert [(u.source, u.target) for u in tmx.units][:2] == [
        ("Titre", "Title"), (NASTY, "<b>Bold</b> & co")]
    assert b"&lt;script&gt;" in path.read_bytes()


@pytest.mark.parametrize("src, tgt", [("en", "en"), ("en", "EN"), ("pt-BR", "pt-br")])
def test_tmx_of_two_sides_in_one_language_is_refused(tmp_path: Path, src: str, tgt: str) -> None:
    """translate-toolkit keeps one <tuv> per language: the original side ('Thou art here.') was
    lost without a word, and the TMX could not be imported again."""
    with pytest.raises(InputError, match="both sides are .*TSV"):
        write_tmx(bitext(src, tgt), tmp_path / "pairs.tmx")
    assert not (tmp_path / "pairs.tmx").exists()


def test_tmx_of_two_regional_variants_keeps_both_sides() -> None:
    root = etree.fromstring(render_tmx(bitext("en-GB", "en-US")))
    assert [t.get("{http://www.w3.org/XML/1998/namespace}lang")
            for t in root.find("body/tu").findall("tuv")] == ["en-GB", "en-US"]


def test_tmx_drops_characters_xml_cannot_hold() -> None:
    broken = Bitext((Sentence("bell\x07 ring"),), (Sentence("ok"),), Alignment((Link((0,), (0,)),)),
                    "fr", "en")
    root = etree.fromstring(render_tmx(broken))
    assert root.findtext("body/tu/tuv/seg") == "bell ring"


# ---------------------------------------------------------------- TSV and Moses


def test_tsv_has_every_link_with_empty_cells_and_one_line_texts() -> None:
    """Read as spreadsheets and CSV readers read it: a cell opening with a quote (English
    dialogue) used to run on across tabs and lines, so rows merged."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(render_tsv(bitext())), dialect="excel-tab"))
    assert rows == [
        ["fr", "en", "link", "confidence", "reviewed"],
        ["Titre", "Title", "1-1", "0.990", "no"],
        [NASTY, "<b>Bold</b> & co", "1-1", "0.950", "no"],
        ["Il est parti. Il n'est pas revenu.", "He left and never came back.", "2-1", "0.600", "no"],
        ["Omise ici.", "", "1-0", "0.300", "no"],
        ["", "Added.", "0-1", "0.400", "no"],
        ["Oui.", "Yes.", "1-1", "0.970", "no"],
    ]


@pytest.mark.parametrize("src_lang, tgt_lang, suffixes", [
    ("fr", "en", ("fr", "en")), ("en", "en", ("src-en", "tgt-en")), ("de", "fr", ("de", "fr"))])
def test_moses_writes_two_line_parallel_files(tmp_path: Path, src_lang: str, tgt_lang: str,
                                              suffixes: tuple[str, str]) -> None:
    b = bitext(src_lang, tgt_lang)
    paths = write_moses(b, tmp_path / "train")
    assert paths == [tmp_path / f"train.{s}" for s in suffixes] == list(moses_paths(b, tmp_path / "train"))
    src, tgt = (p.read_text(encoding="utf-8").splitlines() for p in paths)
    assert len(src) == len(tgt) == 4
    assert src[2] == "Il est parti. Il n'est pas revenu." and tgt[2] == "He left and never came back."
    assert (src[3], tgt[3]) == ("Oui.", "Yes.")
    assert render_moses(b) == tuple(p.read_text(encoding="utf-8") for p in paths)


# ---------------------------------------------------------------- HTML


class Cells(HTMLParser):
    """Collects the reader's cells: (classes, lang, [paragraph texts])."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[tuple[set[str], str, list[str]]] = []
        self.tags: list[str] = []
        self.in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "div" and "cell" in (a.get("class") or "").split():
            self.cells.append((set(a["class"].split()), a.get("lang") or "", []))
            self.in_cell = True
        elif tag == "p" and self.in_cell:
            self.cells[-1][2].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            self.in_cell = False

    def handle_data(self, data: str) -> None:
        if self.in_cell and self.cells[-1][2]:
            self.cells[-1][2][-1] += data


def parse_cells(page: str) -> Cells:
    parser = Cells()
    parser.feed(page)
    return parser


def test_html_escapes_every_text() -> None:
    page = render_html(bitext())
    assert "<script>" not in page and "<b>Bold" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Fish &amp; Chips" in page
    assert parse_cells(page).tags.count("script") == 0
    title = render_html(bitext(), title='<img src=x onerror="alert(1)">')
    assert "<img" not in title


def test_html_has_two_columns_paragraph_breaks_and_empty_cells() -> None:
    cells = parse_cells(render_html(bitext())).cells
    assert len(cells) == 2 * len(bitext().alignment.links)
    src, tgt = cells[0::2], cells[1::2]
    assert all("src" in c[0] and c[1] == "fr" for c in src)
    assert all("tgt" in c[0] and c[1] == "en" for c in tgt)
    assert src[1][2] == [NASTY]
    assert src[2][2] == ["Il est parti.", "Il n'est pas revenu."]     # two paragraphs in one cell
    assert [("par" in c[0]) for c in src] == [False, True, False, False, False, True]
    assert [("par" in c[0]) for c in tgt] == [False, True, False, False, True, True]
    assert "empty" in tgt[3][0] and tgt[3][2] == [] and "empty" in src[4][0]
    assert [("review" in c[0]) for c in src] == [False, False, True, True, True, False]


def test_html_draws_a_heading_bold() -> None:
    """'Titre' / 'Title', a paragraph of its own that reads as a heading (contents.py)."""
    page = render_html(bitext())
    assert re.findall(r'class="cell (src|tgt) heading"[^>]*><p>([^<]*)', page) == [
        ("src", "Titre"), ("tgt", "Title")]
    assert ".cell.heading{font-weight:600}" in page


def test_html_is_standalone_and_fits_a_phone() -> None:
    page = render_html(bitext())
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media (max-width:" in page
    assert not re.search(r"""(src|href)\s*=|@import|url\(|https?://""", page)


# ---------------------------------------------------------------- writers and registry


@pytest.mark.parametrize("name, writer, render", [
    ("tmx", write_tmx, lambda b: render_tmx(b)),
    ("tsv", write_tsv, lambda b: render_tsv(b).encode()),
    ("html", write_html, lambda b: render_html(b).encode()),
])
def test_writers_are_registered_atomic_and_return_paths(tmp_path: Path, name: str, writer,
                                                        render) -> None:
    assert EXPORTERS[name] is writer
    path = tmp_path / f"out.{name}"
    path.write_text("old")
    assert writer(bitext(), path) == [path]
    assert path.read_bytes() == render(bitext())
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


# ---------------------------------------------------------------- CLI


def test_cli_export_writes_every_format(tmp_path: Path) -> None:
    po = write_po(bitext(), tmp_path / "pairs.po")
    out = {k: tmp_path / f"out.{k}" for k in ("tmx", "tsv", "html")}
    res = CliRunner().invoke(main, ["export", str(po), "--tmx", str(out["tmx"]), "--tsv",
                                    str(out["tsv"]), "--html", str(out["html"]),
                                    "--moses", str(tmp_path / "train"),
                                    "--anki", str(tmp_path / "cards.apkg")])
    assert res.exit_code == 0, res.output
    assert out["tsv"].read_text(encoding="utf-8") == render_tsv(bitext())
    assert out["html"].read_text(encoding="utf-8") == render_html(bitext())
    assert (tmp_path / "train.fr").is_file() and (tmp_path / "train.en").is_file()
    from test_words import deck_notes   # a card per link with both sides, the original in front
    cards = deck_notes((tmp_path / "cards.apkg").read_bytes(), tmp_path)
    assert [c[0] for c in cards] == ["Titre", html.escape(NASTY), "Il est parti. Il n&#x27;est pas revenu.",
                                     "Oui."]
    assert res.output.count("Wrote ") == 6


@pytest.mark.parametrize("args, message", [
    (["{po}"], "nothing to export"),
    (["{dir}/missing.po", "--tsv", "{dir}/x.tsv"], "no such PO file"),
    (["{bad}", "--tsv", "{dir}/x.tsv"], "not 'src I,J / tgt K'"),
    (["{po}", "--tsv", "{dir}/no/such/x.tsv"], "x.tsv: the folder"),
    (["{po}", "--moses", "{dir}/no/such/train"], "train.fr: the folder"),
])
def test_cli_export_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    po = write_po(bitext(), tmp_path / "pairs.po")
    bad = tmp_path / "bad.po"
    bad.write_text(po.read_text(encoding="utf-8").replace('msgctxt "src 1 / tgt 1"',
                                                          'msgctxt "one"'), encoding="utf-8")
    argv = [a.format(po=po, dir=tmp_path, bad=bad) for a in args]
    res = CliRunner().invoke(main, ["export", *argv])
    assert res.exit_code == 1
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], res.output


def test_cli_export_help_has_an_example() -> None:
    res = CliRunner().invoke(main, ["export", "--help"])
    assert res.exit_code == 0 and "Example: alignment export" in res.output


# ---------------------------------------------------------------- outputs checked before the work


def test_check_outputs_refuses_overwriting_an_input(tmp_path: Path) -> None:
    from alignment.errors import InputError
    from alignment.export import check_outputs

    src = tmp_path / "a.txt"
    src.write_text("x")
    with pytest.raises(InputError, match="--html .* is the input file"):
        check_outputs([("-o", tmp_path / "out.po"), ("--html", tmp_path / "." / "a.txt")], [src])
    with pytest.raises(InputError, match="--tsv and -o both name"):
        check_outputs([("-o", tmp_path / "x"), ("--tsv", tmp_path / "x")], [src])
    with pytest.raises(InputError, match="does not exist"):
        check_outputs([("--tmx", tmp_path / "no" / "x.tmx")], [src])
    check_outputs([("-o", "-"), ("--tmx", None), ("--html", tmp_path / "r.html")], [src])


@pytest.mark.parametrize("render", ["pairs", "set"])
def test_tsv_cells_of_dialogue_read_back_as_written(render: str) -> None:
    """'"Good morning," she said.' opens with a quote: its cell is written as it is, so `cut -f2`
    and a reader with quoting off read it unchanged (quoted as CSV, `cut -f2` gave it in
    quotes, its own doubled); `alignment import` reads the pairs back exactly."""
    import csv
    import io

    from alignment.import_pairs import read_pairs
    from alignment.types import Version
    from alignment.versions import join
    from alignment.versions_io import render_set_tsv

    said = ['"Good morning," she said.', 'He said "no".', '"Yes."']
    src = tuple(Sentence(t) for t in ("« Bonjour », dit-elle.", "Il dit « non ».", "« Oui. »"))
    tgt = tuple(Sentence(t) for t in said)
    pairs = Bitext(src, tgt, Alignment(tuple(Link((k,), (k,), 0.9) for k in range(3))), "fr", "en")
    if render == "pairs":
        text = render_tsv(pairs)
        back = read_pairs(text.encode(), "pairs.tsv")
        assert [back.link_text(i, "tgt") for i in range(3)] == said
        width = 5
    else:
        vs = join((Version("fr", "fr", src), Version("en", "en", tgt)), [pairs.alignment])
        text, width = render_set_tsv(vs), 2
    assert [line.split("\t")[1] for line in text.splitlines()[1:]] == said   # cut -f2
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert [r[1] for r in rows[1:]] == said and all(len(r) == width for r in rows)


# ---------------------------------------------------------------- findings report

def report_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")   # or Excel reads the accents as Latin-1
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_the_findings_report_has_each_finding_beside_its_texts() -> None:
    b = bitext()
    found = [Finding(2, "numbers", "error", "numbers differ: 3 / 4"),
             Finding(3, "omission", "warning", "the original has no translation here")]
    rows = report_rows(render_findings_csv(b, found, dismissed=[found[1]]))
    assert rows == [list(FINDINGS_HEADER),
                    ["3", "error", "numbers", "numbers differ: 3 / 4",
                     "Il est parti. Il n'est pas revenu.", "He left and never came back.", ""],
                    ["4", "warning (dismissed)", "omission", "the original has no translation here",
                     "Omise ici.", "", ""]]


@pytest.mark.parametrize("text, cell", [
    ("- Oui, dit-il.", "'- Oui, dit-il."),              # a dialogue line, not a subtraction
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+33 1 23", "'+33 1 23"),
    ("@home", "'@home"),
    ("« Oui », dit-il.", "« Oui », dit-il."),
    ('"Yes," he said.', '"Yes," he said.'),            # quotes doubled by the writer, read back
    ("— Non.", "— Non."),
])
def test_a_report_cell_is_never_a_formula(text: str, cell: str) -> None:
    b = Bitext((Sentence(text, 0),), (Sentence(text, 0),), Alignment((Link((0,), (0,)),)), "fr", "en")
    rows = report_rows(render_findings_csv(b, [Finding(0, "names", "info", text)]))
    assert rows[1][3:6] == [cell, cell, cell]


# ---------------------------------------------------------------- plain text

def _paragraphs(lang: str, texts: list[tuple[str, int]]) -> Bitext:
    sents = tuple(Sentence(t, paragraph=k) for t, k in texts)
    links = tuple(Link((i,), (i,)) for i in range(len(sents)))
    return Bitext(sents, sents, Alignment(links), "fr", lang)


@pytest.mark.parametrize("lang, texts, expected", [
    ("en", [("Title", 0), ("One.", 1), ("Two.", 1), ("Three.", 2)], "Title\n\nOne. Two.\n\nThree.\n"),
    ("zh", [("第一句。", 0), ("第二句。", 0), ("第三句。", 3)], "第一句。第二句。\n\n第三句。\n"),
    ("ko", [("첫 문장.", 0), ("둘째 문장.", 0)], "첫 문장. 둘째 문장.\n"),
    ("en", [("A line\nbroken\tin two.", 0)], "A line broken in two.\n"),
    ("en", [], ""),
], ids=["paragraphs", "chinese", "korean", "one-line", "empty"])
def test_txt_is_the_translation_with_its_paragraphs(lang, texts, expected):
    """A proofreader sent story.en.txt hands back a text, not a link per line."""
    assert render_txt(_paragraphs(lang, texts)) == expected


def test_cli_txt_writes_the_corrected_translation(tmp_path: Path) -> None:
    po = write_po(bitext(), tmp_path / "pairs.po")
    text = po.read_text(encoding="utf-8").replace('msgstr "Title"', 'msgstr "The Title"')
    po.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(po), "--txt", str(tmp_path / "t.txt")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "t.txt").read_text(encoding="utf-8").startswith("The Title")
    out = CliRunner().invoke(main, ["export", str(po), "--txt", "-"])
    assert out.exit_code == 0 and out.stdout == (tmp_path / "t.txt").read_text(encoding="utf-8")
