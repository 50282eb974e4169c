"""The contents of an aligned text (alignment.contents): which links hold a heading."""

from __future__ import annotations

import pytest

from alignment import browse
from alignment.contents import MAX_CHARS, Heading, headings, set_headings
from alignment.po import read_po, write_po
from alignment.types import Alignment, Bitext, Link, Sentence


def bitext(src: list[tuple[str, int]], tgt: list[tuple[str, int]],
           links: list[tuple[tuple[int, ...], tuple[int, ...]]] | None = None) -> Bitext:
    """Sentences as (text, paragraph); links 1-1 in order unless given."""
    if links is None:
        links = [((k,), (k,)) for k in range(len(src))]
    return Bitext(tuple(Sentence(t, p) for t, p in src), tuple(Sentence(t, p) for t, p in tgt),
                  Alignment(tuple(Link(s, t, 0.95) for s, t in links)), "fr", "en")


def prose(n: int, first_paragraph: int) -> list[tuple[str, int]]:
    return [(f"Le pont numéro {k} enjambe la rivière.", first_paragraph + k // 3) for k in range(n)]


def book() -> Bitext:
    """A title, two chapters and a date line, each a paragraph of its own, with prose between."""
    src = ([("Le vieux pont", 0)] + prose(6, 1) + [("CHAPITRE PREMIER", 3)] + prose(6, 4)
           + [("mars 1925", 6), ("2. La crue", 7)] + prose(6, 8))
    tgt = ([("The Old Bridge", 0)] + prose(6, 1) + [("CHAPTER ONE", 3)] + prose(6, 4)
           + [("March 1925", 6), ("2. The flood", 7)] + prose(6, 8))
    return bitext(src, tgt)


def test_the_headings_of_a_book_in_order_without_its_date_line():
    assert headings(book()) == (Heading(0, "Le vieux pont"), Heading(7, "CHAPITRE PREMIER"),
                                Heading(15, "2. La crue"))


@pytest.mark.parametrize("paragraph, expected", [
    ([("Le pont", 0)], "Le pont"),                                  # alone in its paragraph
    ([("Le pont", 0), ("Il est vieux.", 0)], ""),                    # the start of a paragraph
    ([("Il est vieux.", 0)], ""),                                    # a sentence
    ([("« Oui", 0)], ""),                                           # dialogue, not a heading
    ([("III", 0)], "III"),                                           # a chapter number
    ([("12 juillet 1944", 0)], ""),                                  # a date line
])
def test_what_reads_as_a_heading(paragraph, expected):
    src = paragraph + prose(30, 1)
    found = headings(bitext(src, src))
    assert [h.text for h in found if h.link == 0] == ([expected] if expected else [])


LETTER = ["ALICE'S RIGHT FOOT, ESQ.", "HEARTHRUG,", "NEAR THE FENDER,", "(WITH ALICE'S LOVE)."]
VERSE = ["How doth the little crocodile", "Improve his shining tail,",
         "And pour the waters of the Nile", "On every golden scale!"]


@pytest.mark.parametrize("lines, listed", [
    (LETTER, []),                                       # an address, in capitals
    (VERSE, []),                                        # verse, a line a paragraph
    (["Alice folded her hands, and began: --"] + VERSE, []),
    (["CHORUS", "Wow! wow! wow! —"], []),
    (["Le vieux pont", "Lewis Carroll", "CHAPITRE PREMIER"],   # a title block stays
     ["Le vieux pont", "Lewis Carroll", "CHAPITRE PREMIER"]),
    (["CHAPITRE II", "« Oui », dit-elle."], ["CHAPITRE II"]),    # a short line of dialogue after it
    (["LE VIEUX PONT,"], []),                           # ends with a comma
])
def test_lines_of_verse_or_of_an_address_are_no_headings(lines, listed):
    """A proofreader's book listed 'HEARTHRUG,' and 'And pour the waters of the Nile' among
    its chapters: short lone paragraphs, but lines of a run where a line runs on."""
    src = prose(6, 0) + [(line, 2 + k) for k, line in enumerate(lines)] + prose(30, 20)
    assert [h.text for h in headings(bitext(src, src))] == listed


def test_a_heading_only_the_translation_has_is_listed_by_its_text():
    src = prose(12, 0)
    tgt = prose(6, 0) + [("Translator's note", 5)] + prose(6, 6)
    links = [((k,), (k,)) for k in range(6)] + [((), (6,))] + [((k,), (k + 1,)) for k in range(6, 12)]
    assert headings(bitext(src, tgt, links)) == (Heading(6, "Translator's note"),)


def test_a_heading_merged_with_prose_is_listed_but_not_whole():
    src = [("CHAPITRE I", 0)] + prose(12, 1)
    links = [((0, 1), (0, 1))] + [((k,), (k,)) for k in range(2, 13)]
    assert headings(bitext(src, src, links)) == (Heading(0, "CHAPITRE I", whole=False),)


def test_a_long_heading_is_cut():
    title = "LE " + "TRÈS " * 17 + "VIEUX PONT"   # 98 characters, in capitals
    src = [(title, 0)] + prose(12, 1)
    (head,) = headings(bitext(src, src))
    assert len(head.text) == MAX_CHARS and head.text.endswith("…")
    assert title.startswith(head.text[:-1])


def test_a_list_of_short_lines_has_no_contents():
    """Every line its own paragraph (a list, verse): listing them all would be no guide."""
    src = [(f"Article {k}", k) for k in range(20)]
    assert headings(bitext(src, src)) == ()


def test_the_contents_survive_the_po(tmp_path):
    """Derived from the paragraphs a PO keeps, so a file read back lists the same headings."""
    path = tmp_path / "book.po"
    write_po(book(), path)
    assert headings(read_po(path)) == headings(book())


def test_a_whole_heading_row_is_drawn_as_a_heading():
    b = book()
    view = browse.View(headings=frozenset(h.link for h in headings(b) if h.whole))
    assert 'class="row heading"' in browse.render_row(b, 0, view)
    assert "heading" not in browse.render_row(b, 1, view)


def test_a_version_set_lists_the_originals_headings_by_row() -> None:
    """The rows of a set (versions.py) hold the original's heading, else a version's."""
    from alignment.types import JointRow, Version, VersionSet

    src = [("CHAPITRE I", 0)] + prose(12, 1) + [("CHAPITRE II", 6)] + prose(12, 7)
    texts = tuple(Version(name, lang, tuple(Sentence(t, p) for t, p in src))
                  for name, lang in (("fr", "fr"), ("en1", "en"), ("en2", "en")))
    rows = tuple(JointRow(((k,), (k,), (k,)), ((), ())) for k in range(len(src)))
    vs = VersionSet(texts, rows)
    assert [(h.link, h.text) for h in set_headings(vs)] == [(0, "CHAPITRE I"), (13, "CHAPITRE II")]
