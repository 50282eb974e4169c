""""Undo note", a step per save (link_notes.with_undo, undo_for): a note written over twice by
mistake comes back as it was before each save, and another link's saves in between wait."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alignment.link_notes import NOTE_UNDO_DEPTH, undo_for, with_undo


def test_each_undo_puts_back_the_note_before_one_save_newest_first():
    undo = with_undo((), "box-B", "A")          # A -> B
    undo = with_undo(undo, "box-C", "B")        # B -> C
    undo = with_undo(undo, "other-X", "")       # another link: '' -> X
    earlier, undo = undo_for(undo, "box-C")
    assert earlier == "B"
    earlier, undo = undo_for(undo, "box-B")     # the box now shows B: one step further
    assert earlier == "A"
    assert undo_for(undo, "box-A") == (None, (("other-X", ""),))   # nothing before A
    assert undo_for(undo, "other-X")[0] == ""  # the other link's step still there


@pytest.mark.parametrize("box", ["box-Z", ""])
def test_a_box_no_save_left_has_nothing_to_undo(box):
    undo = with_undo((), "box-B", "A")
    assert undo_for(undo, box) == (None, undo)


@given(st.lists(st.text(max_size=3), min_size=1, max_size=2 * NOTE_UNDO_DEPTH))
def test_undoing_every_save_of_one_box_walks_back_to_the_first_note(notes):
    """Saves of one box, note after note, undone one by one: each earlier note in turn, up to
    the depth kept."""
    undo, shown = (), "first"
    for note in notes:
        undo, shown = with_undo(undo, f"box-{note}", shown), note
    back = []
    while (step := undo_for(undo, f"box-{shown}"))[0] is not None:
        shown, undo = step
        back.append(shown)
    assert back == (["first", *notes[:-1]][::-1])[:NOTE_UNDO_DEPTH]
