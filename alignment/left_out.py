"""Sentences the chapter aligner leaves out of the text (front matter, tables of contents,
notes: read/book.py's roles), put back where they stand, and paired with the other book's
where both books have them side by side.

Why: notes are left out of the chapters' alignment so that they are never forced onto text;
but a footnote of the original and the footnote of the translation stand at the same place in
both books (a DOCX's or ODT's notes follow the text on both sides, an EPUB chapter's notes
follow that chapter's text), and they are a text and its translation. Left apart, each stood
alone: the French footnote a 1-0 link, the English one the 0-1 link after it, both at
confidence 1.0, while the same sentences as plain text paired. So a run of left-out
sentences that meets one of the other book's is aligned as a text of its own (the same aligner,
its confidences): the n-th note pairs with the n-th, a note only one book has stays a gap, and
no left-out sentence is ever linked to text. Front matter and contents side by side at a
book's start pair the same way (a title with its title), as they read them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from .types import Link


def with_unaligned(links: list[Link], src_skip: Sequence[int], tgt_skip: Sequence[int]) -> list[Link]:
    """Body links with the left-out sentences put back as 1-0 / 0-1 links where they stand."""
    out: list[Link] = []
    s_rest, t_rest = sorted(src_skip), sorted(tgt_skip)
    si = ti = 0
    for link in links:
        while si < len(s_rest) and link.src and s_rest[si] < link.src[0]:
            out.append(Link((s_rest[si],), ()))
            si += 1
        while ti < len(t_rest) and link.tgt and t_rest[ti] < link.tgt[0]:
            out.append(Link((), (t_rest[ti],)))
            ti += 1
        out.append(link)
    out.extend(Link((k,), ()) for k in s_rest[si:])
    out.extend(Link((), (k,)) for k in t_rest[ti:])
    return out


def paired(links: list[Link], left_out: tuple[Collection[int], Collection[int]],
           align_run: Callable[[list[int], list[int]], list[Link]]) -> list[Link]:
    """`links` (with_unaligned's) where each run of consecutive links made only of left-out
    sentences, holding some of both books, is replaced by `align_run` over those sentences
    (source and target indexes in, links in book indexes out). A run's sentences are
    consecutive in each book, so the links stay in order on both sides."""
    out: list[Link] = []
    run: list[Link] = []
    for link in [*links, None]:
        if link is not None and _left_out(link, left_out):
            run.append(link)
            continue
        s_ids = [i for gap in run for i in gap.src]
        t_ids = [j for gap in run for j in gap.tgt]
        out.extend(align_run(s_ids, t_ids) if s_ids and t_ids else run)
        run = []
        if link is not None:
            out.append(link)
    return out


def _left_out(link: Link, left_out: tuple[Collection[int], Collection[int]]) -> bool:
    return (not link.src or not link.tgt) and all(i in left_out[0] for i in link.src) \
        and all(j in left_out[1] for j in link.tgt)
