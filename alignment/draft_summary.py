"""What a recovery draft holds, in a few words: the links it touches and how ('link 1,020
edited', 'links 12, 40 merged'), so two drafts of one file can be told apart on the start page.

Why: two drafts of a book read exactly "1 unsaved change to book.en ↔ book.fr (...po)", and
the person could only recover one to see what it held. The changes are found as drafts keep
them (draft_delta.delta: the runs of sentences and links that differ from the version the
corrections were made on), so no second diff is written; a version read from its own file
shares no objects with the draft, so its elements are first matched by value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from .draft_delta import TooMany, delta
from .types import Bitext, Link

T = TypeVar("T")

KINDS = ("merged", "split", "added", "removed", "edited", "regrouped", "marked reviewed",
         "unmarked", "finding dismissed", "finding shown again", "word links", "changed")
"""How a link was changed; where one link was changed in several ways, the first is said."""


def _shared(seq: Sequence[T], like: Sequence[T]) -> tuple[T, ...]:
    """`seq` with each element equal to one of `like` replaced by that very object, so the
    delta finds runs by identity as it does between a draft and its own base."""
    same: dict[T, T] = {}
    for x in like:
        same.setdefault(x, x)
    return tuple(same.get(x, x) for x in seq)


def _texts(bitext: Bitext, link: Link) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (tuple(bitext.src[k].text for k in link.src),
            tuple(bitext.tgt[k].text for k in link.tgt))


def _pair_kind(origin: Bitext, was: Link, current: Bitext, now: Link) -> str:
    """How one link kept in place differs from what it was (its sentences compared by text)."""
    if _texts(origin, was) != _texts(current, now):
        return "edited"
    if was.reviewed != now.reviewed:
        return "marked reviewed" if now.reviewed else "unmarked"
    if was.dismissed != now.dismissed:
        return "finding dismissed" if len(now.dismissed) > len(was.dismissed) else \
            "finding shown again"
    return "word links" if was.words != now.words else "changed"


def _run_kinds(origin: Bitext, current: Bitext, i1: int, i2: int, j1: int, j2: int
               ) -> list[tuple[int, str]]:
    """The links of `current` (0-based) that base links i1:i2 became (j1:j2), and how."""
    was, now = origin.alignment.links[i1:i2], current.alignment.links[j1:j2]
    if not now:
        return [(min(j1, max(0, len(current.alignment.links) - 1)), "removed")]
    if not was:
        return [(j, "added") for j in range(j1, j2)]
    if len(was) != len(now):
        return [(j1, "merged" if len(was) > len(now) else "split")]
    joined = [sum((_texts(origin, x)[s] for x in was), ()) for s in (0, 1)]
    regrouped = joined == [sum((_texts(current, x)[s] for x in now), ()) for s in (0, 1)]
    out = []
    for k, (a, b) in enumerate(zip(was, now)):
        kind = _pair_kind(origin, a, current, b)
        out.append((j1 + k, "regrouped" if kind == "edited" and regrouped else kind))
    return out


def _shifted(runs: Iterable[Sequence]) -> Iterable[tuple[int, int, int, int]]:
    """(i1, i2, j1, j2) of each run [i1, i2, new elements]: where its new elements are now."""
    shift = 0
    for i1, i2, items in runs:
        yield i1, i2, i1 + shift, i1 + shift + len(items)
        shift += len(items) - (i2 - i1)


def changed_links(origin: Bitext, current: Bitext) -> list[tuple[int, str]]:
    """The links of `current` (0-based, in order) that differ from `origin`, each with how
    (one of KINDS); empty where nothing a link holds changed, or where more than the links
    changed (other languages: nothing to compare link by link)."""
    shared = replace(current, src=_shared(current.src, origin.src),
                     tgt=_shared(current.tgt, origin.tgt),
                     alignment=replace(current.alignment, links=_shared(
                         current.alignment.links, origin.alignment.links)))
    try:
        runs = delta(origin, shared, len(origin.alignment.links) + len(current.alignment.links)
                     + len(origin.src) + len(origin.tgt) + len(current.src) + len(current.tgt))
    except TooMany:
        return []
    kind: dict[int, str] = {}

    def note(link: int, how: str) -> None:
        if KINDS.index(how) < KINDS.index(kind.get(link, "changed")) or link not in kind:
            kind[link] = how

    for i1, i2, j1, j2 in _shifted(runs["links"]):
        for link, how in _run_kinds(origin, current, i1, i2, j1, j2):
            note(link, how)
    for side in ("src", "tgt"):   # a sentence's text edited: its link is as it was
        runs_here = [run for run in _shifted(runs[side]) if run[3] > run[2]]
        if runs_here:
            where = {k: n for n, x in enumerate(current.alignment.links)
                     for k in (x.src if side == "src" else x.tgt)}
            for _, _, j1, j2 in runs_here:
                for k in range(j1, j2):
                    if k in where:
                        note(where[k], "edited")
    return sorted(kind.items())


def describe(changes: Sequence[tuple[int, str]], named: int = 3) -> str:
    """The changes in words, at most `named` links named ('link 1,020 edited', 'links 12, 40
    merged, link 7 split and 3 more'); empty where there are none."""
    shown = list(changes)[:named]
    groups: dict[str, list[int]] = {}
    for link, how in shown:
        groups.setdefault(how, []).append(link)
    parts = [f"{'link' if len(links) == 1 else 'links'} "
             f"{', '.join(f'{k + 1:,}' for k in links)} {how}" for how, links in groups.items()]
    more = len(changes) - len(shown)
    return ", ".join(parts) + (f" and {more:,} more" if more else "")


def summary(origin: Bitext | None, current: Bitext) -> str:
    """`describe(changed_links(...))`, or empty without the version the draft was made on."""
    return describe(changed_links(origin, current)) if origin is not None else ""


def not_in_file(origin: Bitext, current: Bitext, file_now: Bitext) -> list[tuple[int, str]]:
    """`changed_links(origin, current)` less the links the file as it is now holds as `current`
    has them: a draft a reload set aside, its other corrections saved since, counted those
    ('links 41, 49 edited' where 49 was in the file). All of them where the file cannot be
    compared link by link."""
    return _lacking(changed_links(origin, current), current, file_now)


def _lacking(changes: list[tuple[int, str]], current: Bitext, file_now: Bitext
             ) -> list[tuple[int, str]]:
    lacking = {link for link, _ in changed_links(file_now, current)}
    return [(link, how) for link, how in changes if link in lacking] if lacking else changes


def left_unsaved(changes: int, origin: Bitext, current: Bitext, file_now: Bitext
                 ) -> tuple[int, str]:
    """A draft's count of changes (`changes`, as written) and what they change, in words,
    against the file as it is now: a version a reload set aside, some of its corrections
    saved since, counts only the links the file lacks.

    Why one function: the start page counted so ("1 unsaved change") while the reader,
    recovering the same draft, took the count it was written with ("2 unsaved changes");
    both now offer, and recover, this count."""
    every = changed_links(origin, current)
    left = _lacking(every, current, file_now)
    return (min(changes, len(left)) if left and len(left) < len(every) else changes,
            describe(left))
