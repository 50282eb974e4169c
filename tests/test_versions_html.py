"""A version set as one HTML page (alignment/versions_html.py): every text side by side, to
print, share or read offline, as `alignment export SET.tmx --html` and the set's Download menu
make it (QA 2026-12-05: a scholar comparing three translations of a Russian letter had a set
that downloaded only as TMX and TSV; the HTML, EPUB and handout hold one pair)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from alignment.cli import main
from alignment.po import read_po_fingerprinted, save_po
from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import join
from alignment.versions_html import render_set_html
from alignment.versions_io import write_pair_pos, write_set_tmx

RU = ("Письмо пришло <утром> & «поздно».", "Он читал его долго.", "Потом он уехал в Тверь.")
EN = ("The letter came <b>late</b> & \"at dawn\".", "He read it for a long time.",
      "Then he left for Tver.")
AR = ("وصلت الرسالة متأخرة.", "ثم سافر إلى تفير.")          # leaves out the second sentence
HE = ("המכתב הגיע מאוחר.", "הוא קרא אותו זמן רב.", "UNESCO אחר כך הוא נסע לטבר.")
EN_FIXED = "The letter came late, at dawn."


def _set(title: str = "pismo"):
    """ru and three versions, all 1-1 but the Arabic's omission of the original's row 2."""
    texts = tuple(Version(n, n, tuple(Sentence(s) for s in t))
                  for n, t in (("ru", RU), ("en", EN), ("ar", AR), ("he", HE)))
    whole = Alignment(tuple(Link((i,), (i,), 0.95) for i in range(3)))
    gap = Alignment((Link((0,), (0,), 0.95), Link((1,), (), 0.95), Link((2,), (1,), 0.95)))
    return join(texts, [whole, gap, whole], title=title)


def _parsed(page: str):
    """The page as lxml reads it, refused where the parser met an error (a tag unclosed or
    misnested, a stray end tag)."""
    parser = lxml_html.HTMLParser(recover=True)
    root = lxml_html.fromstring(page.encode("utf-8"), parser=parser)
    assert not parser.error_log, str(parser.error_log)
    return root


def _rows(root):
    return root.xpath("//tbody/tr[not(contains(@class, 'why'))]")


def test_a_column_per_text_and_a_row_per_set_row_numbered_from_one():
    vs = _set()
    root = _parsed(render_set_html(vs))
    heads = [" ".join(th.text_content().split()) for th in root.xpath("//thead/tr/th")]
    assert heads == ["", "ru · ru · original", "en · en", "ar · ar", "he · he"]
    rows = _rows(root)
    assert len(rows) == len(vs.rows) == 3
    assert [r.xpath("th")[0].text_content().split()[0] for r in rows] == ["1", "2", "3"]
    assert [len(r.xpath("td")) for r in rows] == [4, 4, 4]
    assert root.xpath("//script") == [] and root.xpath("//link") == []   # offline, no script


@pytest.mark.parametrize("column, lang, direction", [
    (0, "ru", "auto"), (1, "en", "auto"), (2, "ar", "rtl"), (3, "he", "rtl")])
def test_every_cell_carries_its_texts_language_and_direction(column, lang, direction):
    for row in _rows(_parsed(render_set_html(_set()))):
        cell = row.xpath("td")[column]
        assert (cell.get("lang"), cell.get("dir")) == (lang, direction)


@pytest.mark.parametrize("column, text", [(0, RU[0]), (1, EN[0])])
def test_text_is_escaped_and_read_back_as_written(column, text):
    page = render_set_html(_set(title="<i>Письмо</i> & co"))
    root = _parsed(page)
    assert _rows(root)[0].xpath("td")[column].text_content() == text
    assert root.xpath("//tbody//b | //tbody//утром | //h1//i") == []
    assert root.xpath("//h1")[0].text_content() == "<i>Письмо</i> & co"
    assert "<b>late</b>" not in page


def test_an_omission_is_an_empty_cell_and_its_row_marked_as_the_app_marks_it():
    root = _parsed(render_set_html(_set()))
    second = _rows(root)[1]
    arabic = second.xpath("td")[2]
    assert arabic.text_content() == "" and "empty" in arabic.get("class")
    assert [td.text_content() for td in second.xpath("td")][:2] == [RU[1], EN[1]]
    assert second.xpath("th")[0].text_content() == "2 ⚑"
    assert second.xpath("th")[0].get("title") == "ar: nothing here"
    notes = root.xpath("//tr[contains(@class, 'why')]")
    assert [n.text_content() for n in notes] == ["⚑ ar: nothing here"]   # printed, not a tooltip
    assert [r.xpath("th")[0].text_content() for r in _rows(root)] == ["1", "2 ⚑", "3"]


def _written(folder: Path) -> Path:
    vs = _set()
    write_pair_pos(vs, folder / "set")
    return write_set_tmx(vs, folder / "set.tmx")[0]


def _correct_en(folder: Path) -> None:
    """What the app's "Apply and save" does in "Correct or learn ru–en": a line rewritten."""
    po = folder / "set.ru-en.po"
    bitext, fingerprint = read_po_fingerprinted(po)
    save_po(replace(bitext, tgt=(Sentence(EN_FIXED), *bitext.tgt[1:])), po,
            expected_fingerprint=fingerprint)


def _export(*args: str):
    return CliRunner().invoke(main, ["export", *args])


def test_the_cli_writes_the_set_as_the_app_shows_it_with_its_pairs_corrections(tmp_path):
    path = _written(tmp_path)
    _correct_en(tmp_path)
    out = tmp_path / "set.html"
    done = _export(str(path), "--html", str(out))
    assert done.exit_code == 0, done.output
    assert done.stderr.splitlines() == [
        "Note: read set.tmx as the app shows it, with the corrections saved beside it in "
        "set.ru-en.po (1 of its 3 links differs from set.tmx's)", f"Wrote {out}"]
    rows = _rows(_parsed(out.read_text(encoding="utf-8")))
    assert len(rows) == 3
    assert [r.xpath("td")[1].text_content() for r in rows] == [EN_FIXED, *EN[1:]]
    assert [r.xpath("td")[3].text_content() for r in rows] == list(HE)


def test_the_cli_writes_the_page_to_standard_output(tmp_path):
    done = _export(str(_written(tmp_path)), "--html", "-")
    assert done.exit_code == 0, done.output
    assert len(_rows(_parsed(done.stdout))) == 3 and done.stderr == ""


def test_with_t_the_cli_keeps_the_pairs_page(tmp_path):
    out = tmp_path / "pair.html"
    done = _export(str(_written(tmp_path)), "-t", "ar", "--html", str(out))
    assert done.exit_code == 0, done.output
    root = _parsed(out.read_text(encoding="utf-8"))
    assert [h.text_content() for h in root.xpath("//div[contains(@class, 'colhead')]")] == ["ru", "ar"]
    assert root.xpath("//table") == []


def test_the_cli_refuses_a_pairs_output_beside_the_sets_page_in_one_line(tmp_path):
    path = _written(tmp_path)
    done = _export(str(path), "--html", str(tmp_path / "set.html"),
                   "--tsv", str(tmp_path / "set.tsv"))
    assert done.exit_code == 1
    assert done.stderr == (
        f"Error: {path} is a version set of ru with the versions en, ar, he: --html alone "
        f"writes them all side by side; the other outputs hold one pair: give them with -t "
        f"NAME (such as -t he), in a command of their own\n")
    assert not (tmp_path / "set.html").exists() and not (tmp_path / "set.tsv").exists()


def test_the_help_shows_the_sets_page():
    assert "alignment export set.tmx --html set.html" in _export("-h").output


def test_a_thousand_rows_of_four_texts_cost_little_markup_beside_their_text():
    """A book-length set of four texts: the page is its text and a few tags a cell (a style
    or title repeated in every cell would double it)."""
    texts = tuple(Version(n, n, tuple(Sentence(f"{s} {i}.") for i in range(1000)))
                  for n, s in (("ru", "Он читал письмо долго, строка"), ("en", "He read the "
                               "letter for a long time, line"), ("pl", "Czytał list długo, "
                               "wiersz"), ("pt", "Ele leu a carta por muito tempo, linha")))
    whole = Alignment(tuple(Link((i,), (i,), 0.95) for i in range(1000)))
    vs = join(texts, [whole, whole, whole], title="book")
    page = render_set_html(vs, flags=[()] * 1000).encode("utf-8")   # markers: tested above
    assert len(_rows(_parsed(page.decode("utf-8")))) == 1000
    text = sum(len(s.text.encode("utf-8")) for t in texts for s in t.sentences)
    assert (len(page) - text) / 4000 < 100   # bytes of markup a cell
