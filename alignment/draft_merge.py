"""What an unsaved change is, and a person's corrections made again on a file changed since
(a three-way merge): the rules of drafts.py's versions, apart from how drafts are written.

Why: "Reload from disk", and a recovery draft opened after another program changed its file,
make the person's corrections again on top of the file as it is now where they do not touch
what changed there; word links are computed, not a person's correction, so they never count as
a change of their own nor as a collision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .types import Bitext, Link


def _without_words(bitext: Bitext) -> Bitext:
    links = tuple(replace(x, words=()) if x.words else x for x in bitext.alignment.links)
    return replace(bitext, alignment=replace(bitext.alignment, links=links))


def only_word_links(saved: Bitext, current: Bitext) -> bool:
    """Whether `current` differs from `saved` in its word links alone.

    Why: word links are computed (alignment.words), not a person's correction. A save of
    them alone keeps the file's checksum (po.save_po mark_edited=False, as the CLI's `words`
    does), so `alignment corpus build` may still replace the file; the app says "word links
    not saved", not "1 unsaved change"."""
    if saved.src != current.src or saved.tgt != current.tgt or len(saved.alignment.links) != \
            len(current.alignment.links):   # a sentence or a link changed: no rebuilding to tell
        return False
    return saved != current and _without_words(saved) == _without_words(current)


class _Collision(Exception):
    """Both sides changed the same thing differently."""


def _pick(base: object, mine: object, theirs: object) -> object:
    if mine == base or mine == theirs:
        return theirs
    if theirs == base:
        return mine
    raise _Collision


def _pick_link(base: Link, mine: Link, theirs: Link) -> Link:
    """A link changed both ways merges where one side changed its word links alone (found by
    `alignment words`, no person's judgement): corrected and marked reviewed here, given word
    links there, it keeps both (the word links are checked against the merged texts after,
    `_fit_words`); it collides otherwise."""
    try:
        return _pick(base, mine, theirs)  # type: ignore[return-value]
    except _Collision:
        words_only = [x for x in (theirs, mine) if replace(x, words=base.words) == base]
        if not words_only:
            raise
        try:
            words = _pick(base.words, mine.words, theirs.words)
        except _Collision:   # word links found both ways: the file's
            words = theirs.words
        return replace(mine if words_only[0] is theirs else theirs, words=words)


def _fit_words(merged: Bitext, mine: Bitext, theirs: Bitext) -> Bitext:
    """`merged` with no word links on a link whose texts are not those they were found on
    (their token numbers would point at other words): a sentence typed here, the word links
    found there, or the other way round."""
    def texts(bitext: Bitext, x: Link) -> tuple:
        return tuple(bitext.src[k].text for k in x.src), tuple(bitext.tgt[k].text for k in x.tgt)

    found: dict[tuple, set[tuple]] = {}
    for side in (mine, theirs):
        for x in side.alignment.links:
            if x.words:
                found.setdefault((x.src, x.tgt, x.words), set()).add(texts(side, x))
    links = tuple(replace(x, words=()) if x.words and texts(merged, x) not in
                  found.get((x.src, x.tgt, x.words), ()) else x for x in merged.alignment.links)
    if all(a is b for a, b in zip(links, merged.alignment.links)):
        return merged
    return replace(merged, alignment=replace(merged.alignment, links=links))


def _merge_seq(base: tuple, mine: tuple, theirs: tuple, left: list | None = None,
               pick: Callable[[Any, Any, Any], Any] = _pick) -> tuple:
    """Element by element; sequences of other lengths merge only when one side left it alone.
    `left`: an element changed both ways keeps theirs and is counted there (else _Collision)."""
    if mine == base or theirs == base:
        return _pick(base, mine, theirs)  # type: ignore[return-value]
    if not len(base) == len(mine) == len(theirs):
        raise _Collision
    out = []
    for k, (b, m, t) in enumerate(zip(base, mine, theirs)):
        try:
            out.append(pick(b, m, t))
        except _Collision:
            if left is None:
                raise
            left.append(k)
            out.append(t)
    return tuple(out)


def _covers(bitext: Bitext) -> bool:
    """Every sentence in exactly one link, in order (what the PO format keeps)."""
    links = bitext.alignment.links
    return ([k for x in links for k in x.src] == list(range(len(bitext.src)))
            and [k for x in links for k in x.tgt] == list(range(len(bitext.tgt))))


def rebase_partly(base: Bitext, mine: Bitext, theirs: Bitext) -> tuple[Bitext, int] | None:
    """`rebase`, where a sentence or link changed both ways keeps the file's version: the
    merged text and how many of mine were left out (None where even that cannot be: lengths
    changed, a merge or split). Why: one correction touching what changed on disk kept all
    the others from being made again (the person's version stays one Undo away, and a draft)."""
    left_src: list[int] = []
    left_tgt: list[int] = []
    left_links: list[int] = []
    try:
        src = _merge_seq(base.src, mine.src, theirs.src, left_src)
        tgt = _merge_seq(base.tgt, mine.tgt, theirs.tgt, left_tgt)
        links = _merge_seq(base.alignment.links, mine.alignment.links, theirs.alignment.links,
                           left_links, _pick_link)
    except _Collision:
        return None
    # a link whose sentence kept the file's text keeps the file's link too: its 'reviewed'
    # was said of the text typed here
    if links is not theirs.alignment.links and (left_src or left_tgt):
        links = tuple(t if set(x.src) & set(left_src) or set(x.tgt) & set(left_tgt) else x
                      for x, t in zip(links, theirs.alignment.links))
    merged = replace(theirs, src=src, tgt=tgt, alignment=replace(theirs.alignment, links=links))
    left = len(left_src) + len(left_tgt) + len(left_links)
    return (_fit_words(merged, mine, theirs), left) if _covers(merged) or not _covers(base) else None


def rebase(base: Bitext, mine: Bitext, theirs: Bitext) -> Bitext | None:
    """`mine` (corrections made on `base`) put on top of `theirs` (`base` as another program
    changed it on disk), or None where the two collide (the same sentence, link or setting
    changed both ways, or a merge or split on one side beside changes on the other).

    Why: "Reload from disk" used to keep a person's version only one Undo away, and saving
    it then wrote over the other program's changes without a word; corrections that touch
    other links than those changes can simply be made again on the file as it is now."""
    try:
        src = _merge_seq(base.src, mine.src, theirs.src)
        tgt = _merge_seq(base.tgt, mine.tgt, theirs.tgt)
        links = _merge_seq(base.alignment.links, mine.alignment.links, theirs.alignment.links,
                           pick=_pick_link)
        alignment = replace(theirs.alignment, links=links, **{
            name: _pick(getattr(base.alignment, name), getattr(mine.alignment, name),
                        getattr(theirs.alignment, name)) for name in ("signature", "warnings")})
        rest = {name: _pick(getattr(base, name), getattr(mine, name), getattr(theirs, name))
                for name in ("src_lang", "tgt_lang", "corpus_id")}
    except _Collision:
        return None
    merged = replace(theirs, src=src, tgt=tgt, alignment=alignment, **rest)
    return _fit_words(merged, mine, theirs) if _covers(merged) or not _covers(base) else None


def file_holds(origin: Bitext | None, mine: Bitext, file_now: Bitext) -> bool:
    """Whether `file_now` holds every correction of `mine` (a draft made on `origin`): it is
    that very version, or the corrections made again on top of it (`rebase`) change nothing.

    Why: a person who left a draft unanswered, made the same corrections again and saved was
    still offered the draft, as unsaved changes "kept from an earlier session", and the start
    page drew its heading over nothing. A draft with one correction the file lacks, or one
    made on a version it did not keep (`origin` None) unless it is the file, is still offered."""
    if mine == file_now:
        return True
    return origin is not None and rebase(origin, mine, file_now) == file_now
