"""Corrections to an alignment, with undo: merge, split, move, mark reviewed, edit, dismiss.

Corrections never mutate: each returns a new `Bitext`, which makes undo a stack
of snapshots (`History`) that share their unchanged tuples. A bad request (a link
that does not exist, a cut outside the link) raises `EditError` with what to do.
browse.py re-exports every name here for the app.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from .errors import EditError
from .italics import reanchor
from .types import Bitext, Link, Sentence, Side, unit_id

__all__ = ["Direction", "History", "add_target", "dismiss", "edit_target", "mark_reviewed", "merge",
           "move", "same_text", "split"]

Direction = Literal["next", "prev"]


def _with_links(bitext: Bitext, start: int, stop: int, new: Sequence[Link]) -> Bitext:
    """A copy of `bitext` with links[start:stop] replaced by `new`."""
    links = bitext.alignment.links
    alignment = replace(bitext.alignment, links=links[:start] + tuple(new) + links[stop:])
    return replace(bitext, alignment=alignment)


def _link(bitext: Bitext, i: int) -> Link:
    n = len(bitext.alignment.links)
    if not 0 <= i < n:
        raise EditError(f"there is no link {i + 1}; choose a link between 1 and {n}")
    return bitext.alignment.links[i]


def merge(bitext: Bitext, i: int, direction: Direction = "next") -> Bitext:
    """Link i joined with the next (or previous) link into one, marked reviewed."""
    _link(bitext, i)
    j = i + 1 if direction == "next" else i - 1
    if not 0 <= j < len(bitext.alignment.links):
        raise EditError(f"link {i + 1} has no {direction} link to merge with")
    a, b = bitext.alignment.links[min(i, j)], bitext.alignment.links[max(i, j)]
    merged = Link(a.src + b.src, a.tgt + b.tgt, min(a.confidence, b.confidence), True,
                  dismissed=_union(a.dismissed, b.dismissed),
                  unit=a.unit if a.unit == b.unit else unit_id((a.unit, b.unit), "+"))
    return _with_links(bitext, min(i, j), max(i, j) + 1, [merged])


SPLIT_CONFIDENCE = 0.5
"""The halves of a split link: to review (below the review threshold) until a person marks them."""


def split(bitext: Bitext, i: int, src_at: int | None = None, tgt_at: int | None = None) -> Bitext:
    """Link i cut in two: its first `src_at` / `tgt_at` sentences, then the rest.

    By default each side is cut in the middle (a 2-2 gives two 1-1, a 2-1 a 1-1
    and a 1-0). `src_at=1, tgt_at=0` turns a 1-1 into an omission and an addition.
    The parts are never marked reviewed, even where the link was, and are to review
    (SPLIT_CONFIDENCE): nobody has checked the new pairings, and the app's cut is its guess
    (alignment.split_cut). A reviewed link merged with one to review, then split, made both
    halves reviewed.
    """
    link = _link(bitext, i)
    s = (len(link.src) + 1) // 2 if src_at is None else src_at
    t = (len(link.tgt) + 1) // 2 if tgt_at is None else tgt_at
    if not (0 <= s <= len(link.src) and 0 <= t <= len(link.tgt)):
        raise EditError(f"link {i + 1} ({link.kind}) cannot be cut after {s} source "
                        f"and {t} target sentences; choose positions inside the link")
    # each part keeps the dismissals: a key names the words of its finding, wherever they went;
    # and a confidence that puts it to review (the link's 0.99 said the halves were sure, and a
    # cut paired crosswise went unseen)
    sure = min(link.confidence, SPLIT_CONFIDENCE)
    first = Link(link.src[:s], link.tgt[:t], sure, False, dismissed=link.dismissed, unit=link.unit)
    second = Link(link.src[s:], link.tgt[t:], sure, False, dismissed=link.dismissed, unit=link.unit)
    if not (first.src or first.tgt) or not (second.src or second.tgt):
        raise EditError(f"link {i + 1} ({link.kind}) has nothing to split there; "
                        "splitting needs a sentence on each side of the cut")
    return _with_links(bitext, i, i + 1, [first, second])


def move(bitext: Bitext, i: int, side: Side, direction: Direction) -> Bitext:
    """Move the boundary sentence of link i on `side` to the neighbouring link.

    "next" moves the last sentence to the start of link i+1, "prev" the first to
    the end of link i-1. A link left with no sentence at all disappears.
    """
    link = _link(bitext, i)
    j = i + 1 if direction == "next" else i - 1
    if not 0 <= j < len(bitext.alignment.links):
        raise EditError(f"link {i + 1} has no {direction} link to move a sentence to")
    own = link.src if side == "src" else link.tgt
    if not own:
        raise EditError(f"link {i + 1} has no {'source' if side == 'src' else 'target'} "
                        "sentence to move")
    other = bitext.alignment.links[j]
    theirs = other.src if side == "src" else other.tgt
    if direction == "next":
        own, theirs = own[:-1], own[-1:] + theirs
    else:
        own, theirs = own[1:], theirs + own[:1]
    key = "src" if side == "src" else "tgt"
    # the word links counted the old sentences' tokens: drop them (compute them again)
    new_own = replace(link, **{key: own}, reviewed=True, words=())
    new_other = replace(other, **{key: theirs}, reviewed=True, words=())
    pair = [new_own, new_other] if direction == "next" else [new_other, new_own]
    pair = [p for p in pair if p.src or p.tgt]
    return _with_links(bitext, min(i, j), max(i, j) + 1, pair)


def mark_reviewed(bitext: Bitext, i: int, reviewed: bool = True) -> Bitext:
    """Link i marked as checked by a person (it is then never fuzzy), or unmarked."""
    return _with_links(bitext, i, i + 1, [replace(_link(bitext, i), reviewed=reviewed)])


def dismiss(bitext: Bitext, i: int, key: str, dismissed: bool = True) -> Bitext:
    """The finding `key` (checks.finding_key) of link i called no problem by a person, so the
    checks no longer show it, or shown again (`dismissed=False`). Why a correction like the
    others: it is a person's judgement, so it is undone with Undo, kept in the recovery
    draft and saved with the text."""
    link = _link(bitext, i)
    keys = _union(link.dismissed, (key,)) if dismissed else tuple(k for k in link.dismissed if k != key)
    return _with_links(bitext, i, i + 1, [replace(link, dismissed=keys)])


def _union(*keys: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(set().union(*keys)))


# the control characters a PO may not hold (po.py's _BAD_CHARS, po_read.py's _CONTROL)
_CONTROL = re.compile(r"[\x00-\x07\x0e-\x1f\x7f]")


def _typed(text: str, what: str) -> str:
    """`text` with its runs of spaces and line breaks made one space (a no-break space kept, as
    the reading keeps it: every correction of a French text made its '«\u00a0' plain spaces);
    EditError on a control character (a NUL, U+0001, pasted from elsewhere): it was applied,
    then refused by Save, which then saved none of the other corrections either."""
    from .read.text import collapse_space

    clean = collapse_space(text)
    bad = _CONTROL.search(clean)
    if bad:
        raise EditError(f"{what} contains control character U+{ord(bad.group()):04X}, which a "
                        "PO file cannot hold; remove it (it may be invisible: retype the text "
                        "around it), then apply again")
    return clean


def edit_target(bitext: Bitext, i: int, position: int, text: str) -> Bitext:
    """The `position`-th target sentence of link i replaced by `text`; the link is reviewed."""
    link = _link(bitext, i)
    if not 0 <= position < len(link.tgt):
        raise EditError(f"link {i + 1} has {len(link.tgt)} target sentence(s); "
                        f"there is no sentence {position + 1} to edit")
    clean = _typed(text, f"the new text of link {i + 1}")
    if not clean:
        raise EditError(f"the new text of link {i + 1} is empty; to delete a sentence the "
                        "translation added, give it a link of its own (Split, or Target: "
                        "first/last sentence), then Delete this added sentence")
    k = link.tgt[position]
    if clean == bitext.tgt[k].text:   # applied as it was: a mark, the word links stay
        return _with_links(bitext, i, i + 1, [replace(link, reviewed=True)])
    old = bitext.tgt[k]   # its italics kept on the characters the correction keeps
    tgt = bitext.tgt[:k] + (Sentence(clean, old.paragraph, reanchor(old.text, old.italics, clean)),) \
        + bitext.tgt[k + 1:]
    edited = _with_links(bitext, i, i + 1, [replace(link, reviewed=True, words=())])
    return replace(edited, tgt=tgt)


def add_target(bitext: Bitext, i: int, text: str) -> Bitext:
    """Link i, which has no target sentence (an omission), given `text` as its translation.

    Why: a proofreader who finds a sentence left untranslated writes the missing translation
    where it belongs; merging it into a neighbour was the only way before. The new sentence
    goes after the target sentences of the links before i (every later index moves up one),
    in the paragraph of the sentence before it; the link is reviewed."""
    link = _link(bitext, i)
    if link.tgt:
        raise EditError(f"link {i + 1} already has a translation; edit its sentence instead")
    clean = _typed(text, f"the translation typed for link {i + 1}")
    if not clean:
        raise EditError(f"the translation typed for link {i + 1} is empty; type a sentence")
    links = bitext.alignment.links
    at = 1 + max((k for x in links[:i] for k in x.tgt), default=-1)
    paragraph = bitext.tgt[at - 1].paragraph if at else 0
    tgt = bitext.tgt[:at] + (Sentence(clean, paragraph),) + bitext.tgt[at:]

    def shifted(x: Link) -> Link:
        return replace(x, tgt=tuple(k + (k >= at) for k in x.tgt)) if x.tgt else x

    moved = tuple(shifted(x) for x in links[:i]) + (replace(link, tgt=(at,), reviewed=True),) \
        + tuple(shifted(x) for x in links[i + 1:])
    return replace(bitext, tgt=tgt, alignment=replace(bitext.alignment, links=moved))


def drop_addition(bitext: Bitext, i: int) -> Bitext:
    """Link i, a sentence of the translation with no original (an addition), deleted from the
    translation: its sentences go, every later index moves down.

    Why: a proofreader who finds a sentence the translator added wants it gone; emptying it was
    refused and nothing else removed it (split and move only pair it with something else)."""
    link = _link(bitext, i)
    if link.src:
        raise EditError(f"link {i + 1} has an original; to delete a sentence added to it, first "
                        "give it a link of its own (Split, or Target: first/last sentence)")
    links = bitext.alignment.links
    if len(links) == 1:
        raise EditError("this is the text's only link; there would be nothing left")
    gone = set(link.tgt)
    tgt = tuple(s for k, s in enumerate(bitext.tgt) if k not in gone)

    def shifted(x: Link) -> Link:
        return replace(x, tgt=tuple(k - sum(g < k for g in gone) for k in x.tgt)) if x.tgt else x

    kept = tuple(shifted(x) for n, x in enumerate(links) if n != i)
    return replace(bitext, tgt=tgt, alignment=replace(bitext.alignment, links=kept))


def same_text(before: Bitext, after: Bitext) -> bool:
    """Whether a correction left every sentence and every link's sentences as they were (a
    link marked reviewed): the app's correction box then keeps what is being typed in it,
    which a new sentence there would replace."""
    if before.src != after.src or before.tgt != after.tgt:
        return False
    old, new = before.alignment.links, after.alignment.links
    return len(old) == len(new) and all(a is b or (a.src == b.src and a.tgt == b.tgt)
                                        for a, b in zip(old, new))


@dataclass(frozen=True)
class History:
    """Undo/redo as immutable snapshots: cheap, since edits share unchanged tuples.

    `heavy`: the snapshots that stand for several corrections in one Undo step (a recovered
    draft: `push(draft, steps=draft.changes)`), by identity, so the unsaved count reads as if
    the person had made them one by one (it read 1 for a draft of 3)."""

    current: Bitext
    past: tuple[Bitext, ...] = ()
    future: tuple[Bitext, ...] = ()
    limit: int = 200
    heavy: tuple[tuple[Bitext, int], ...] = ()

    def push(self, bitext: Bitext, steps: int = 1) -> History:
        """The history after an edit (clears redo); `steps`: the corrections it stands for."""
        past = (self.past + (self.current,))[-self.limit:]
        heavy = tuple((v, n) for v, n in self.heavy if any(v is p for p in past))
        if steps > 1:
            heavy += ((bitext, steps),)
        return History(bitext, past, (), self.limit, heavy)

    def undo(self) -> History:
        if not self.past:
            return self
        return History(self.past[-1], self.past[:-1], (self.current,) + self.future, self.limit,
                       self.heavy)

    def redo(self) -> History:
        if not self.future:
            return self
        return History(self.future[0], self.past + (self.current,), self.future[1:], self.limit,
                       self.heavy)

    def _steps(self, version: Bitext) -> int:
        return next((n for v, n in self.heavy if v is version), 1)

    def changes_since(self, saved: Bitext) -> int:
        """How many edits (or undos) separate the current version from `saved` (0: none)."""
        if self.current is saved:
            return 0
        made = self._steps(self.current)   # the edits between, the one that made `current` first
        for old in reversed(self.past):
            if old is saved:
                return made
            made += self._steps(old)
        undone = 0
        for later in self.future:
            undone += self._steps(later)
            if later is saved:
                return undone
        return max(1, len(self.past))
