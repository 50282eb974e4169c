"""The word links' position priors follow the text's own word order (word_order.py): a text
whose surest word pairs keep their places keeps the priors tuned on French-English; one that
reorders them (Japanese, Chinese against English) has them off."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.word_order import MONOTONE, REORDERED, mean_distance, prior_weight


def pair(n: int, order: list[int], cosine: float = 0.9) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """An n x n cosine matrix whose sure pairs are (i, order[i]), every token a word."""
    cos = np.full((n, n), 0.1, dtype=np.float32)
    for i, j in enumerate(order):
        cos[i, j] = cosine
    return cos, (np.ones(n, dtype=bool), np.ones(n, dtype=bool))


def text(order: list[int], pairs: int, cosine: float = 0.9) -> tuple[list, list]:
    made = [pair(len(order), order, cosine) for _ in range(pairs)]
    return [c for c, _ in made], [w for _, w in made]


@pytest.mark.parametrize("order, pairs, expected", [
    ([0, 1, 2, 3, 4, 5], 20, 1.0),   # words in the same order: priors as tuned
    ([5, 4, 3, 2, 1, 0], 20, 0.0),   # reversed (a verb-final language's order): off
])
def test_the_priors_follow_the_text_word_order(order: list[int], pairs: int, expected: float) -> None:
    assert prior_weight(*text(order, pairs)) == pytest.approx(expected)


def test_pairs_below_the_anchor_cosine_or_punctuation_do_not_count() -> None:
    cosines, words = text([5, 4, 3, 2, 1, 0], 20, cosine=0.5)
    assert mean_distance(cosines, words) == (0.0, 0) and prior_weight(cosines, words) == 1.0
    cosines, words = text([5, 4, 3, 2, 1, 0], 20)
    no_words = [(np.zeros_like(ws), wt) for ws, wt in words]
    assert mean_distance(cosines, no_words)[1] == 0


def test_in_between_the_priors_fade() -> None:
    # two of six words swapped with far places: a mean distance between the two bounds
    cosines, words = text([0, 1, 5, 3, 4, 2], 40)
    assert MONOTONE < mean_distance(cosines, words)[0] < REORDERED
    assert 0.0 < prior_weight(cosines, words) < 1.0


def test_a_short_text_leans_towards_the_tuned_priors() -> None:
    """Few sure pairs tell little: their mean is drawn towards MONOTONE."""
    few, many = text([0, 1, 5, 3, 4, 2], 2), text([0, 1, 5, 3, 4, 2], 40)
    assert prior_weight(*many) < prior_weight(*few) < 1.0
