"""A translation emptied by hand in a PO editor (msgstr "" on a 1-1 link): po_read reads it as a
link holding one empty sentence, not as an omission. The omission check reports it as it
reports an omission, and the exports of pairs (TMX, Moses) leave it out as they leave out
omissions; the plain text has no hole in it."""

from __future__ import annotations

import pytest
from lxml import etree

from alignment.check_config import CheckConfig
from alignment.checks import run_checks
from alignment.export import render_moses, render_tmx, render_tsv, render_txt
from alignment.po import bitext_to_po
from alignment.po_read import po_to_bitext
from alignment.types import Alignment, Bitext, Link, Sentence

SRC = ("Le pont est vieux.", "Il a deux arches.", "Aujourd'hui, il est classé.", "Fin.")
TGT = ("The bridge is old.", "It has two arches.", "Today it is a listed monument.", "The end.")


def emptied(links: list[int], side: str = "tgt") -> Bitext:
    """The four 1-1 links written as a PO, the translation (or original) of `links` deleted by
    hand, read back."""
    bitext = Bitext(tuple(Sentence(t, k) for k, t in enumerate(SRC)),
                    tuple(Sentence(t, k) for k, t in enumerate(TGT)),
                    Alignment(tuple(Link((k,), (k,), 0.95) for k in range(4))), "fr", "en")
    po = bitext_to_po(bitext, revision_date="2026-01-01 00:00+0000")
    entries = [e for e in po if e.msgctxt]
    for k in links:
        if side == "tgt":
            entries[k].msgstr = ""
        else:
            entries[k].msgid = ""
    return po_to_bitext(po)


def test_an_emptied_translation_is_read_as_a_link_with_an_empty_sentence() -> None:
    """What the fix builds on: the link stays 1-1, its sentence holds no text."""
    bitext = emptied([2])
    assert bitext.alignment.links[2].tgt == (2,) and bitext.tgt[2].text == ""


@pytest.mark.parametrize("links, side, expected", [
    ([2], "tgt", [(2, "the original has no translation here (omission?)")]),
    ([1, 2], "tgt", [(1, "2 links in a row (omission?): 2 sentences of the original not translated")]),
    ([0], "src", [(0, "front matter?: 1 sentence of the translation with no original")]),
    ([], "tgt", []),
])
def test_an_emptied_side_is_reported_as_an_omission(links: list[int], side: str,
                                                    expected: list[tuple[int, str]]) -> None:
    found = run_checks(emptied(links, side), only=["omission"], config=CheckConfig())
    assert [(f.link, f.message) for f in found] == expected
    assert all(f.severity == "warning" for f in found)


def test_the_tmx_and_moses_leave_an_emptied_link_out() -> None:
    bitext = emptied([2])
    root = etree.fromstring(render_tmx(bitext))
    segs = [[seg.text for seg in tu.iter("seg")] for tu in root.iter("tu")]
    assert [tu.get("tuid") for tu in root.iter("tu")] == ["1", "2", "4"]
    assert all(all(s for s in pair) for pair in segs)
    assert "1 links without a counterpart" in " ".join(n.text for n in root.iter("note"))
    src, tgt = render_moses(bitext)
    assert src.splitlines() == [SRC[0], SRC[1], SRC[3]] and tgt.splitlines() == [TGT[0], TGT[1], TGT[3]]


def test_the_tsv_keeps_the_emptied_link_as_an_empty_cell() -> None:
    rows = render_tsv(emptied([2])).splitlines()
    assert rows[3].split("\t")[:3] == [SRC[2], "", "1-1"]


def test_the_plain_text_has_no_double_space_where_a_sentence_was_emptied() -> None:
    src = (Sentence("Un.", 0), Sentence("Deux.", 0), Sentence("Trois.", 0))
    tgt = (Sentence("One.", 0), Sentence("", 0), Sentence("Three.", 0))
    bitext = Bitext(src, tgt, Alignment(tuple(Link((k,), (k,)) for k in range(3))), "fr", "en")
    assert render_txt(bitext) == "One. Three.\n"
