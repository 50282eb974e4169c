"""An omission right beside an addition is never a sure link (confidence.capped_facing_gaps):
the two may be a pair kept apart, by the aligner, a chapter cut or notes left out of the
text. The hashing embedder throughout."""

from __future__ import annotations

import pytest

from alignment.align import DEFAULT_REVIEW_THRESHOLD
from alignment.chapters import align_books
from alignment.confidence import facing_gaps
from test_align_notes import NOTES, _aligned, _note_sentences
from test_chapters import _book, _flat, _translate

O, A, P = ((0,), ()), ((), (0,)), ((0,), (0,))   # an omission, an addition, a pair


@pytest.mark.parametrize("links, facing", [
    ([P, O, A, P], [0, 1, 1, 0]),
    ([P, A, O, P], [0, 1, 1, 0]),
    ([O, O, A], [0, 1, 1]),          # only the two that meet
    ([O, P, A], [0, 0, 0]),          # a pair between them
    ([O, O], [0, 0]),
    ([A, A], [0, 0]),
    ([A, O, A], [1, 1, 1]),
    ([P], [0]),
    ([], []),
])
def test_facing_gaps(links, facing) -> None:
    assert facing_gaps(links).tolist() == [bool(f) for f in facing]


def test_a_chapter_the_translation_lacks_beside_one_the_original_lacks(fake_embedder) -> None:
    """Chapter 2 is missing from the translation, which has a foreword of its own in its place:
    neither is matched. Before: the two links where they meet were at confidence 1.0."""
    book = _book(6, 12)
    foreword = [f"Why would the fox jump over the lazy brown dog {k} times?" for k in range(12)]
    src, src_ch = _flat(book, [f"Chapter {k + 1}" for k in range(6)])
    tr = [[_translate(s) for s in ch] for ch in book]
    tgt, tgt_ch = _flat([tr[0], foreword, *tr[2:]],
                        ["Chapitre 1", "Avant-propos", *(f"Chapitre {k + 1}" for k in range(2, 6))])
    links = align_books(src, tgt, src_ch, tgt_ch, embedder=fake_embedder).links
    meet = [k for k in range(len(links) - 1)
            if {links[k].kind, links[k + 1].kind} == {"1-0", "0-1"}]
    assert len(meet) == 1
    assert links[meet[0]].confidence < DEFAULT_REVIEW_THRESHOLD
    assert links[meet[0] + 1].confidence < DEFAULT_REVIEW_THRESHOLD
    assert sum(not link.src or not link.tgt for link in links) == 24   # nothing else changed


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_footnotes_that_do_not_translate_each_other_are_not_sure(fmt: str, fake_embedder) -> None:
    """The user's case turned round: the notes side by side do not match. Before: each a gap
    at confidence 1.0, "0 to review"; now whatever they become, a reader is asked to look."""
    other = ["Zorbak quindle fremp yastor plinth gorvee musk tralb.",
             "Vindo okra pellimar strunk hoddle wabe."]
    bitext, src, tgt = _aligned(fmt, NOTES, other, fake_embedder)
    s_notes = set(_note_sentences(bitext, src, "src"))
    t_notes = set(_note_sentences(bitext, tgt, "tgt"))
    note_links = [link for link in bitext.alignment.links
                  if s_notes & set(link.src) or t_notes & set(link.tgt)]
    assert note_links
    assert all(link.confidence < DEFAULT_REVIEW_THRESHOLD for link in note_links)
