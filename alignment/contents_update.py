"""The reader's contents (contents.headings) after a correction: only the links it touched are
read again.

Why: the reader recomputes its "Go to a heading" list for every new version of the text, and
on a 7,205-link book that was 40-250 ms of each Apply, every link's sentences read again for
one changed link. A correction shares the objects it left alone with the version before it
(corrections.py slices the tuples), so the runs that changed are found by identity
(draft_delta), and the headings of every other link are the ones found before. Where a
correction moved sentences between paragraphs or renumbered them (a translation typed for an
omission), or the version is no relative of one seen, the contents are read whole.

The rule is contents.py's own (`_lone`, `_side`, `_listed`): what this gives is what
`contents.headings` gives, tested so over runs of corrections and undos.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence

from .contents import Heading, _listed, _lone, _side, flagged
from .draft_delta import TooMany, _hunks, _ids
from .types import Bitext, Sentence

KEEP = 16   # versions remembered (every session's latest ones; a forgotten one is read whole)
Sides = list[tuple[int, list[tuple[str, bool]]]]


class _Read:
    """One version's contents as read: each side's lone sentences, each link's headings."""

    def __init__(self, bitext: Bitext, lone: tuple[list[bool], list[bool]], sides: Sides):
        self.ref, self.lone, self.sides = weakref.ref(bitext), lone, sides


_kept: list[_Read] = []
_lock = threading.Lock()


def headings(bitext: Bitext) -> tuple[Heading, ...]:
    """contents.headings(bitext), from the version this one was made from where one is
    remembered (see the module docstring)."""
    with _lock:
        known = [(old, r) for r in reversed(_kept) if (old := r.ref()) is not None]
    read = next((new for old, r in known if (new := _after(old, r, bitext)) is not None), None)
    if read is None:
        read = _whole(bitext)
    with _lock:
        _kept[:] = [r for r in _kept if r.ref() is not None][-(KEEP - 1):] + [read]
    return _listed(read.sides, len(bitext.alignment.links))


def _whole(bitext: Bitext) -> _Read:
    marked = flagged(bitext)
    lone = (_lone(bitext.src, marked[0]), _lone(bitext.tgt, marked[1]))
    return _Read(bitext, lone, [(i, _link_sides(bitext, lone, i))
                                for i in range(len(bitext.alignment.links))])


def _link_sides(bitext: Bitext, lone: tuple[list[bool], list[bool]], i: int) -> list[tuple[str, bool]]:
    link = bitext.alignment.links[i]
    marked = flagged(bitext)
    return [_side(bitext.src, lone[0], link.src, marked[0] is not None),
            _side(bitext.tgt, lone[1], link.tgt, marked[1] is not None)]


def _changed(old: Sequence[Sentence], new: Sequence[Sentence], limit: int) -> set[int] | None:
    """The sentences a correction replaced, each in its place and paragraph; None where one
    was added, removed or moved to another paragraph (which changes whose paragraph is lone)."""
    if old is new:
        return set()
    runs = _hunks(old, new, _ids(old), id, limit)
    if any(i2 - i1 != j2 - j1 or any(old[k].paragraph != new[k].paragraph for k in range(i1, i2))
           for i1, i2, j1, j2 in runs):
        return None
    return {k for i1, i2, _, _ in runs for k in range(i1, i2)}


def _after(old: Bitext, read: _Read, new: Bitext) -> _Read | None:
    """`new`'s contents from `old`'s, or None where `new` is not a near relative of `old`."""
    if old is new:
        return read
    if old.heading_paragraphs != new.heading_paragraphs:
        return None
    limit = 64 + len(old.alignment.links) // 20
    try:
        src, tgt = _changed(old.src, new.src, limit), _changed(old.tgt, new.tgt, limit)
        if src is None or tgt is None:
            return None
        runs = _hunks(old.alignment.links, new.alignment.links, _ids(old.alignment.links), id,
                      limit)
    except TooMany:
        return None
    sides: Sides = []
    i = j = 0
    for i1, i2, j1, j2 in runs + [(len(old.alignment.links),) * 2 + (len(new.alignment.links),) * 2]:
        for k in range(i, i1):   # links kept: their headings stand unless a sentence changed
            link = old.alignment.links[k]
            stale = (src and not src.isdisjoint(link.src)) or (tgt and not tgt.isdisjoint(link.tgt))
            sides.append((j, _link_sides(new, read.lone, j) if stale else read.sides[k][1]))
            j += 1
        sides.extend((m, _link_sides(new, read.lone, m)) for m in range(j1, j2))
        i, j = i2, j2
    return _Read(new, read.lone, sides)
