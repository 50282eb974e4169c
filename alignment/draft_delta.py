"""A recovery draft as the changes made to a base version: the runs of sentences and links that
differ, each a stretch of the base replaced by new ones (drafts.py keeps the base in a file of
its own, written once, and rewrites only these changes after each correction).

Why: the whole book rewritten after every correction cost about a second on a 7,205-link book,
hundreds of times over while a translator corrects it; the changes are a few hundred bytes.

The two versions compared share the objects a correction left alone (corrections.py slices the
tuples), so runs are found by identity, an object of the base found again by its id; a change
that renumbers sentences (a translation typed for an omission, an added sentence deleted)
shifts the indexes of every later link, so links are compared after the base's indexes are
moved as the sentence changes moved them, and found again by their sentences. Every element
kept is checked equal to the one it stands for, so what `apply_delta` gives is the version
itself, whatever the objects shared: sharing only makes the changes small.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from .snapshot import read_sentence_item, sentence_item
from .types import Bitext, Link, Sentence, WordLink

T = TypeVar("T")
Hunk = tuple[int, int, int, int]   # base[i1:i2] became current[j1:j2]


class TooMany(Exception):
    """More changed than a delta is worth: the version is written whole instead."""


def _hunks(a: Sequence[T], b: Sequence[T], where: dict[Hashable, int],
           key: Callable[[T], Hashable], limit: int) -> list[Hunk]:
    """The runs where `b` differs from `a`; `where`: key -> index in `a` (to find `a` again
    after a run). TooMany past `limit` changed elements."""
    out: list[Hunk] = []
    i = j = changed = 0
    na, nb = len(a), len(b)
    while i < na and j < nb:
        if a[i] is b[j] or a[i] == b[j]:
            i += 1
            j += 1
            continue
        j2, i2 = j, na
        while j2 < nb:
            k = where.get(key(b[j2]))
            if k is not None and k >= i and (k > i or j2 > j):
                i2 = k
                break
            k = i + j2 - j   # or at the same place, equal by value (renumbered and back)
            if j2 > j and k < na and a[k] == b[j2]:
                i2 = k
                break
            j2 += 1
        changed += max(i2 - i, j2 - j)
        if changed > limit:
            raise TooMany
        out.append((i, i2, j, j2))
        i, j = i2, j2
    if i < na or j < nb:
        changed += max(na - i, nb - j)
        if changed > limit:
            raise TooMany
        out.append((i, na, j, nb))
    return out


def _moves(n: int, hunks: Sequence[Hunk]) -> list[int | None] | None:
    """Where each of the base's `n` sentences is now (a replaced one keeps its place in a run
    of the same length, else it has none); None where no index moved."""
    if all(i2 - i1 == j2 - j1 for i1, i2, j1, j2 in hunks):
        return None
    out: list[int | None] = []
    i = j = 0
    for i1, i2, j1, j2 in hunks:
        out.extend(range(j, j + i1 - i))
        out.extend(range(j1, j2) if i2 - i1 == j2 - j1 else [None] * (i2 - i1))
        i, j = i2, j2
    out.extend(range(j, j + n - i))
    return out


def _moved_links(links: Sequence[Link], src: list[int | None] | None,
                 tgt: list[int | None] | None) -> Sequence[Link]:
    """The base's links with their sentence indexes moved (a link left as it was is itself)."""
    if src is None and tgt is None:
        return links

    def move(idx: tuple[int, ...], to: list[int | None] | None) -> tuple:
        return idx if to is None else tuple(to[k] for k in idx)

    out = []
    for x in links:
        s, t = move(x.src, src), move(x.tgt, tgt)
        out.append(x if s == x.src and t == x.tgt else replace(x, src=s, tgt=t))
    return out


def _same_rest(a: Bitext, b: Bitext) -> bool:
    return (a.src_lang, a.tgt_lang, a.corpus_id, a.alignment.signature, a.alignment.warnings) \
        == (b.src_lang, b.tgt_lang, b.corpus_id, b.alignment.signature, b.alignment.warnings)


def delta(base: Bitext, current: Bitext, limit: int) -> dict:
    """What changed from `base` to `current`, as JSON-ready runs ({'src', 'tgt', 'links'}:
    [[i1, i2, [new elements]], ...]); TooMany past `limit` changed elements or where more than
    sentences and links changed (languages, the aligner's signature)."""
    if not _same_rest(base, current):
        raise TooMany
    src = _hunks(base.src, current.src, _ids(base.src), id, limit)
    tgt = _hunks(base.tgt, current.tgt, _ids(base.tgt), id, limit)
    moved_src, moved_tgt = _moves(len(base.src), src), _moves(len(base.tgt), tgt)
    links = _moved_links(base.alignment.links, moved_src, moved_tgt)
    if links is base.alignment.links:
        found, key = _ids(links), id
    else:   # renumbered: a link is found again by its sentences
        found, key = {(x.src, x.tgt): k for k, x in enumerate(links)}, _sentences_of
    runs = _hunks(links, current.alignment.links, found, key, limit)
    return {"src": [[i1, i2, [sentence_item(s) for s in current.src[j1:j2]]] for i1, i2, j1, j2 in src],
            "tgt": [[i1, i2, [sentence_item(s) for s in current.tgt[j1:j2]]] for i1, i2, j1, j2 in tgt],
            "links": [[i1, i2, [_link(x) for x in current.alignment.links[j1:j2]]]
                      for i1, i2, j1, j2 in runs]}


def _ids(seq: Sequence[object]) -> dict[Hashable, int]:
    return {id(x): k for k, x in enumerate(seq)}


def _sentences_of(x: Link) -> Hashable:
    return (x.src, x.tgt)


def apply_delta(base: Bitext, changes: dict) -> Bitext:
    """The version `delta` described: `base` with its runs replaced. ValueError where the runs
    do not fit the base (a draft that is not of this base)."""
    src, src_hunks = _apply(base.src, changes["src"], _read_sentence)
    tgt, tgt_hunks = _apply(base.tgt, changes["tgt"], _read_sentence)
    links = _moved_links(base.alignment.links, _moves(len(base.src), src_hunks),
                         _moves(len(base.tgt), tgt_hunks))
    new_links, _ = _apply(links, changes["links"], _read_link)
    if any(k is None or not 0 <= k < n for x in new_links
           for idx, n in ((x.src, len(src)), (x.tgt, len(tgt))) for k in idx):
        raise ValueError("a link of the draft names a sentence it does not have")
    return replace(base, src=tuple(src), tgt=tuple(tgt),
                   alignment=replace(base.alignment, links=tuple(new_links)))


def _apply(seq: Sequence[T], runs: list, read: Callable[[Any], T]) -> tuple[list[T], list[Hunk]]:
    out: list[T] = []
    hunks: list[Hunk] = []
    i = 0
    for i1, i2, items in runs:
        if not (isinstance(i1, int) and isinstance(i2, int) and i <= i1 <= i2 <= len(seq)):
            raise ValueError("a run of the draft lies outside its base")
        out.extend(seq[i:i1])
        j1 = len(out)
        out.extend(read(item) for item in items)
        hunks.append((i1, i2, j1, len(out)))
        i = i2
    out.extend(seq[i:])
    return out, hunks


# The elements as snapshot.py writes them, so a draft's runs read as its base does.

def _read_sentence(item: list) -> Sentence:
    text, paragraph, *italics = item   # a third item: its italic stretches (italics.py)
    return read_sentence_item(str(text), int(paragraph), *italics)


def _link(x: Link) -> list:
    return [list(x.src), list(x.tgt), x.confidence, x.reviewed,
            [[w.src, w.tgt, w.confidence, w.sure] for w in x.words], list(x.dismissed), x.unit]


def _read_link(item: list) -> Link:
    s, t, c, r, w, dismissed, *unit = item   # a draft written before Link.unit has 6 items
    return Link(tuple(int(k) for k in s), tuple(int(k) for k in t), float(c), bool(r),
                tuple(WordLink(int(a), int(b), float(wc), bool(sure)) for a, b, wc, sure in w),
                tuple(str(k) for k in dismissed), str(unit[0]) if unit else "")
