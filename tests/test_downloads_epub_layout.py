"""The Download menu's EPUB layout: a teacher found the app's EPUB always in sentence pairs
(a block for each sentence) while the command line's paragraphs read much better; the menu
offers the layout, paragraphs first for a text that has them (the browser journey:
tests/e2e/test_learner.py)."""

from __future__ import annotations

import pytest

from alignment.epub import STYLES
from alignment.types import Alignment, Bitext, Link, Sentence
from views.downloads import EPUB_LAYOUTS, default_layout


def _bitext(paragraphs: tuple[int, ...]) -> Bitext:
    n = len(paragraphs)
    src = tuple(Sentence(f"Frase {k}.", p) for k, p in enumerate(paragraphs))
    tgt = tuple(Sentence(f"Sentence {k}.", p) for k, p in enumerate(paragraphs))
    return Bitext(src, tgt, Alignment(tuple(Link((k,), (k,)) for k in range(n))), "it", "en")


@pytest.mark.parametrize("paragraphs, expected", [
    ((0, 0, 1, 1, 2), "paragraphs"),   # a story in paragraphs: kept as the book has them
    ((0, 1, 2, 3), "paragraphs"),      # a paragraph a sentence reads as pairs do
    ((0, 0, 0, 0), "pairs"),           # one paragraph (pairs from a CAT tool): one block else
    ((0,), "pairs"),
])
def test_the_layout_offered_first_follows_the_texts_paragraphs(paragraphs, expected):
    assert default_layout(_bitext(paragraphs)) == expected


def test_every_layout_of_the_epub_is_offered():
    assert sorted(EPUB_LAYOUTS) == sorted(STYLES)
