"""The reader's place in a text (alignment/reader_place.py) and what a recovery draft holds
(alignment/draft_summary.py), without a browser; tests/e2e/test_reader_fixes.py is
the journey through both."""

from __future__ import annotations

import json
import pickle

import pytest

from alignment import browse, reader_place
from alignment.draft_summary import changed_links, describe, summary
from alignment.reader_place import (Place, cleared_note, hidden_by_selection, keep_place,
                                    load_place, page_after_selection, place_on_page)
from alignment.types import Alignment, Bitext, Link, Sentence


def book(n: int = 60) -> Bitext:
    """n 1-1 links, each sentence numbered (a shifted link shows)."""
    src = tuple(Sentence(f"Le pont numéro {k} enjambe la rivière.", k // 5) for k in range(n))
    tgt = tuple(Sentence(f"Bridge number {k} spans the river.", k // 5) for k in range(n))
    return Bitext(src, tgt, Alignment(tuple(Link((k,), (k,), 0.95) for k in range(n))), "fr", "en")


# ---------------------------------------------------------------- the place kept

def test_a_text_never_read_has_no_place_and_one_read_reopens_where_it_was(tmp_path):
    notes = tmp_path / "reading.json"
    assert load_place("/books/a.po", notes) is None   # a brand-new file opens at the top
    assert keep_place("/books/a.po", Place(1199, 200), 1465, notes)
    assert load_place("/books/a.po", notes) == Place(1199, 200)
    assert load_place("/books/b.po", notes) is None


def test_a_place_unchanged_is_not_written_again(tmp_path):
    notes = tmp_path / "reading.json"
    assert keep_place("k", Place(10, 100), 50, notes)
    stamp = notes.stat().st_mtime_ns
    assert not keep_place("k", Place(10, 100), 50, notes)
    assert notes.stat().st_mtime_ns == stamp
    assert keep_place("k", Place(10, 25), 50, notes)   # the rows a page alone changed


def test_learn_modes_position_is_the_same_link_and_its_write_loses_only_the_rows(tmp_path):
    """Learn mode writes the link alone (reader_place.save_position): the place reads its link,
    the default rows a page until the reader keeps them again."""
    notes = tmp_path / "reading.json"
    keep_place("k", Place(10, 200), 50, notes)
    assert reader_place.load_position("k", notes) == 10
    reader_place.save_position("k", 12, 50, notes)
    assert load_place("k", notes) == Place(12, None)
    assert keep_place("k", Place(12, 200), 50, notes)
    assert load_place("k", notes) == Place(12, 200)


@pytest.mark.parametrize("per_page, read", [(200, 200), (25, 25), (7, None), ("50", None)])
def test_only_a_rows_per_page_the_reader_offers_is_read_back(tmp_path, per_page, read):
    notes = tmp_path / "reading.json"
    notes.write_text(json.dumps({"k": {"link": 3, "total": 9, "per_page": per_page}}))
    assert load_place("k", notes) == Place(3, read)


def test_other_texts_places_are_kept(tmp_path):
    notes = tmp_path / "reading.json"
    reader_place.save_position("sample", 4, 9, notes)
    keep_place("/books/a.po", Place(1, 50), 9, notes)
    assert reader_place.load_position("sample", notes) == 4


@pytest.mark.parametrize("page, wanted, place", [
    ((50, 51, 52), (51, 90), 51),       # the link selected, on the page
    ((50, 51, 52), (0, 52), 52),        # else the last link jumped to
    ((50, 51, 52), (0, None), 50),      # else the page's first row
    ((), (0, 3), None),                 # an empty page stands for nothing
])
def test_the_link_a_page_stands_for(page, wanted, place):
    assert place_on_page(page, *wanted) == place


# ---------------------------------------------------------------- a jump to a hidden link

@pytest.mark.parametrize("link, shown, hidden", [
    (912, None, False),           # no search, no filter
    (912, (911, 912, 1057), False),
    (912, (1057, 1100), True),    # "Alice" is not in link 913
    (912, (), True),
])
def test_a_jump_is_hidden_where_the_selection_leaves_its_link_out(link, shown, hidden):
    assert hidden_by_selection(link, shown) is hidden


@pytest.mark.parametrize("search, filters, note", [
    ("Alice", False, "To show link 913, the search “Alice” was cleared."),
    ("", True, "To show link 913, the filters were cleared."),
    ("Alice", True, "To show link 913, the search “Alice” and the filters were cleared."),
    ("x" * 60, False, f"To show link 913, the search “{'x' * 39}…” was cleared."),
])
def test_the_note_says_what_was_cleared(search, filters, note):
    assert cleared_note(912, search, filters) == note


@pytest.mark.parametrize("link, shown, per_page, page", [
    (699, None, 50, 13),            # the search cleared, the filters off: link 700's page
    (0, None, 50, 0),
    (199, None, 200, 0),
    (200, None, 200, 1),
    (699, (3, 699, 702), 50, 0),    # a search or a filter starts on its first page
    (699, (), 50, 0),               # nothing found
])
def test_a_changed_selection_opens_at_its_first_page_or_cleared_at_the_links(link, shown,
                                                                             per_page, page):
    assert page_after_selection(link, shown, per_page) == page


# ---------------------------------------------------------------- what a draft holds

def _edits(*links: int):
    def do(b: Bitext) -> Bitext:
        for k in links:
            b = browse.edit_target(b, k, 0, f"Edited {k}.")
        return b
    return do


@pytest.mark.parametrize("correct, said", [
    (_edits(1019), "link 1,020 edited"),
    (lambda b: browse.merge(browse.merge(b, 39, "next"), 11, "next"), "links 12, 39 merged"),
    (lambda b: browse.merge(_edits(30)(b), 5, "next"), "link 6 merged, link 30 edited"),
    (lambda b: browse.mark_reviewed(b, 7, True), "link 8 marked reviewed"),
    (lambda b: browse.move(b, 7, "tgt", "prev"), "links 7, 8 regrouped"),
    (_edits(3, 9, 14, 30, 45), "links 4, 10, 15 edited and 2 more"),
])
def test_a_draft_says_the_links_it_touches(correct, said):
    base = book(1100)
    assert summary(base, correct(base)) == said


def test_a_split_and_a_translation_typed_into_an_omission():
    base = browse.merge(book(), 5, "next")
    assert changed_links(base, browse.split(base, 5, src_at=1, tgt_at=1)) == [(5, "split")]
    gap = browse.split(book(), 3, src_at=1, tgt_at=0)   # link 4 an omission, link 5 an addition
    typed = browse.add_target(gap, 3, "The translation, typed.")   # every later tgt renumbered
    assert describe(changed_links(gap, typed)) == "link 4 edited"


def test_a_draft_read_from_its_files_shares_no_object_with_its_origin_and_says_the_same():
    base = book(400)
    current = browse.merge(_edits(200)(base), 12, "next")
    read_back = pickle.loads(pickle.dumps(current))
    assert summary(base, read_back) == summary(base, current) == "link 13 merged, link 200 edited"


def test_without_the_version_it_was_made_on_a_draft_says_nothing():
    assert summary(None, book()) == ""
    assert describe([]) == ""
