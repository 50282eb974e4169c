"""A version that stands for several corrections in one Undo step (a recovered draft) counts
them all: the unsaved count reads as if the person had made them one by one."""

from __future__ import annotations

import pytest

from alignment import browse
from alignment.corrections import History
from alignment.types import Alignment, Bitext, Link, Sentence


def text(n: int = 5) -> Bitext:
    return Bitext(tuple(Sentence(f"Phrase {k}.") for k in range(n)),
                  tuple(Sentence(f"Sentence {k}.") for k in range(n)),
                  Alignment(tuple(Link((k,), (k,), 0.5) for k in range(n))), "fr", "en")


def draft_of(base: Bitext, n: int) -> Bitext:
    """What a draft of n corrections holds: n links marked reviewed."""
    for k in range(n):
        base = browse.mark_reviewed(base, k)
    return base


@pytest.mark.parametrize("draft, after, undos, redos, expected", [
    (3, 0, 0, 0, 3),   # recovered: 3 unsaved, not 1
    (3, 1, 0, 0, 4),   # one correction more
    (3, 2, 1, 0, 4),   # ... two, one undone
    (3, 1, 2, 0, 0),   # everything undone: the draft is one Undo step
    (3, 1, 2, 2, 4),   # and redone
    (1, 0, 0, 0, 1),
])
def test_a_recovered_draft_counts_its_corrections(draft, after, undos, redos, expected):
    base = text()
    h = History(base).push(draft_of(base, draft), steps=draft)
    for k in range(after):
        h = h.push(browse.edit_target(h.current, 4, 0, f"Typed {k}."))
    for _ in range(undos):
        h = h.undo()
    for _ in range(redos):
        h = h.redo()
    assert h.changes_since(base) == expected


def test_a_save_after_recovering_counts_from_the_save():
    base = text()
    h = History(base).push(draft_of(base, 3), steps=3)
    saved = h.current
    h = h.push(browse.edit_target(h.current, 4, 0, "Typed."))
    assert h.changes_since(saved) == 1
    assert h.undo().undo().changes_since(saved) == 3   # the draft undone after its save


def test_a_draft_dropped_from_redo_no_longer_weighs():
    base = text()
    h = History(base).push(draft_of(base, 3), steps=3).undo()
    h = h.push(browse.edit_target(h.current, 4, 0, "Typed."))
    assert h.changes_since(base) == 1 and h.heavy == ()
