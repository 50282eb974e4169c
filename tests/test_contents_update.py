"""The contents after a correction, from the version before: the same headings as read whole
(contents.headings), reading again only the links a correction touched."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from alignment import browse, contents, contents_update
from alignment.errors import EditError
from alignment.types import Alignment, Bitext, Link, Sentence


def book(chapters: int, per: int = 8) -> Bitext:
    """Chapters of `per` links: a heading ('Chapitre 3' / 'Chapter 3', a paragraph of its own),
    then sentences two to a paragraph."""
    src, tgt = [], []
    for c in range(chapters):
        src.append(Sentence(f"Chapitre {c + 1}", len(src)))
        tgt.append(Sentence(f"Chapter {c + 1}", len(tgt)))
        for k in range(per - 1):
            src.append(Sentence(f"Le pont {c}.{k} enjambe la rivière.", 10_000 + (c * per + k) // 2))
            tgt.append(Sentence(f"Bridge {c}.{k} spans the river.", 10_000 + (c * per + k) // 2))
    links = tuple(Link((k,), (k,), 0.8) for k in range(len(src)))
    return Bitext(tuple(src), tuple(tgt), Alignment(links), "fr", "en")


def test_an_edit_that_makes_a_heading_is_listed_and_one_undone_is_not():
    text = book(6)
    assert [h.text for h in contents_update.headings(text)] == [f"Chapitre {c}" for c in range(1, 7)]
    renamed = browse.edit_target(text, 8, 0, "The Second Chapter")   # its target side
    assert contents_update.headings(renamed) == contents.headings(renamed)
    merged = browse.merge(renamed, 16, "next")   # chapter 3's heading joined to its first line
    assert contents_update.headings(merged) == contents.headings(merged)
    assert not contents_update.headings(merged)[2].whole
    assert contents_update.headings(text) == contents.headings(text)   # Undo, twice


def test_one_correction_on_a_book_reads_again_the_links_it_touched(monkeypatch):
    """On 3,000 links, an edit reads again one link's two sides, not every link's."""
    text = book(375)
    contents_update.headings(text)
    read: list[int] = []
    real = contents_update._side
    monkeypatch.setattr(contents_update, "_side", lambda *a: read.append(1) or real(*a))
    edited = browse.edit_target(text, 1_500, 0, "Corrected.")
    assert contents_update.headings(edited) == contents.headings(edited)
    assert len(read) == 2
    read.clear()
    merged = browse.merge(edited, 2_000, "next")
    assert contents_update.headings(merged) == contents.headings(merged)
    assert len(read) == 2


def test_a_sentence_moved_to_another_paragraph_changes_whose_paragraph_is_lone():
    """A version made elsewhere (not by a correction): link 10's sentence leaves its paragraph,
    so link 9's, retitled, is a heading now."""
    text = book(4)
    contents_update.headings(text)
    tgt = list(text.tgt)
    tgt[9], tgt[10] = Sentence("Part Two", tgt[9].paragraph), Sentence(tgt[10].text, 99_999)
    moved = replace(text, tgt=tuple(tgt))
    assert contents_update.headings(moved) == contents.headings(moved)
    assert [h.link for h in contents.headings(moved)] == [0, 8, 9, 16, 24]


def test_a_text_never_seen_is_read_whole():
    text, other = book(5), book(7)
    assert contents_update.headings(text) == contents.headings(text)
    assert contents_update.headings(other) == contents.headings(other)


STEPS = st.lists(st.tuples(st.sampled_from(["edit", "heading", "merge", "split", "move", "reviewed",
                                            "add", "undo"]),
                           st.integers(0, 10**6), st.sampled_from(["src", "tgt"]),
                           st.sampled_from(["prev", "next"])), min_size=1, max_size=12)


@settings(max_examples=80, deadline=None)
@given(steps=STEPS)
def test_after_any_corrections_and_undos_the_contents_are_those_read_whole(steps):
    history = browse.History(book(5))
    assert contents_update.headings(history.current) == contents.headings(history.current)
    for op, at, side, direction in steps:
        b = history.current
        i = at % len(b.alignment.links)
        try:
            after = {"edit": lambda: browse.edit_target(b, i, 0, f"Edited {at}."),
                     "heading": lambda: browse.edit_target(b, i, 0, f"Part {at}"),
                     "merge": lambda: browse.merge(b, i, direction),
                     "split": lambda: browse.split(b, i, 1, 0),
                     "move": lambda: browse.move(b, i, side, direction),
                     "reviewed": lambda: browse.mark_reviewed(b, i),
                     "add": lambda: browse.add_target(b, i, f"Typed {at}"),
                     "undo": lambda: None}[op]()
        except EditError:
            continue
        history = history.undo() if after is None else history.push(after)
        assert contents_update.headings(history.current) == contents.headings(history.current)
