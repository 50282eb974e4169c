"""The app's "Split" cuts a link where its halves pair best (alignment.split_cut), and the
halves are never marked reviewed: cut in the middle, a 2-3 link paired a sentence with the one
the translation added, and both halves were marked reviewed."""

from __future__ import annotations

import pytest

from alignment import browse
from alignment.split_cut import best_cut, cosine_similarity, cut_scores, cuts, length_match
from alignment.types import Alignment, Bitext, Link, Sentence


def same_number(a: str, b: str) -> float:
    """A fake encoder: texts match as far as they share the digits they name."""
    da, db = set(filter(str.isdigit, a)), set(filter(str.isdigit, b))
    return len(da & db) / max(len(da | db), 1)


@pytest.mark.parametrize("src, tgt, expected", [
    # the translation added a sentence first: the middle cut paired the source with it
    (["Anna came at 7."], ["It rained.", "Anna kam um 7."], (0, 1)),
    # ... added a sentence last: the middle cut is right
    (["Anna came at 7."], ["Anna kam um 7.", "It rained."], (1, 1)),
    # 2-3 with the added sentence last: the middle cut (1, 2) paired "Noon" with it alone
    (["Pendulum 1.", "Noon 2."], ["Pendel 1.", "Mittag 2.", "Es regnete 9."], (1, 1)),
    (["Pendulum 1.", "Noon 2."], ["Es regnete 9.", "Pendel 1.", "Mittag 2."], (1, 2)),
    # the source has the extra sentence
    (["Extra 5.", "Bridge 3."], ["Brücke 3."], (1, 0)),
    # nothing tells the halves apart: cut in the middle, as before
    (["A.", "B."], ["C.", "D."], (1, 1)),
])
def test_the_cut_follows_the_similarity(src, tgt, expected):
    assert best_cut(src, tgt, same_number) == expected


@pytest.mark.parametrize("src, tgt, ratio, expected", [
    # a short added sentence first; lengths put the long pair together
    (["Claire gets up at seven every Saturday morning."],
     ["Oui.", "Claire se lève à sept heures chaque samedi matin."], 1.0, (0, 1)),
    (["Short one.", "A much longer sentence that goes on for quite a while."],
     ["Kurz.", "Ein viel längerer Satz, der eine ganze Weile weitergeht."], 1.0, (1, 1)),
    # the same lengths read with a ratio of 2: the first target half fits the whole source
    (["abcdefghij", "abcdefghij"], ["abcdefghij" * 4, "abcdefghij"], 2.0, (2, 1)),
])
def test_without_an_encoder_lengths_choose(src, tgt, ratio, expected):
    assert best_cut(src, tgt, None, ratio) == expected


def test_every_cut_leaves_a_sentence_in_each_half():
    assert cuts(2, 1) == [(0, 1), (1, 0), (1, 1), (2, 0)]
    assert cuts(1, 0) == []
    with pytest.raises(ValueError):
        best_cut(["Alone."], [], same_number)


def test_a_half_with_an_empty_side_scores_below_a_real_pair():
    scores = cut_scores(["Anna 7."], ["Rain 9.", "Anna 7."], same_number)
    assert scores == {(0, 1): 0.5, (0, 2): 0.0, (1, 0): 0.0, (1, 1): 0.0}


@pytest.mark.parametrize("src_len, tgt_len, ratio, above", [
    (40, 40, 1.0, 0.99), (40, 80, 2.0, 0.99), (40, 120, 1.0, None), (40, 4, 1.0, None),
])
def test_length_match(src_len, tgt_len, ratio, above):
    p = length_match("x" * src_len, "y" * tgt_len, ratio)
    assert 0.0 < p <= 1.0
    assert p > above if above is not None else p < 0.05


def test_cosine_similarity_from_an_encoder():
    vectors = {"a": [1.0, 0.0], "b": [3.0, 0.0], "c": [0.0, 2.0]}
    sim = cosine_similarity(lambda texts: [vectors[t] for t in texts])
    assert sim("a", "b") == pytest.approx(1.0)
    assert sim("a", "c") == pytest.approx(0.0)


def _bitext(reviewed: bool) -> Bitext:
    src = (Sentence("Un.", 0), Sentence("Deux.", 0))
    tgt = (Sentence("One.", 0), Sentence("Two.", 0))
    return Bitext(src, tgt, Alignment((Link((0, 1), (0, 1), 0.45, reviewed),)), "fr", "en")


@pytest.mark.parametrize("reviewed", [False, True])
def test_the_halves_are_never_marked_reviewed(reviewed):
    """Nobody has checked the new pairings, even of a reviewed link: the cut is a guess."""
    halves = browse.split(_bitext(reviewed), 0).alignment.links
    assert [(h.src, h.tgt, h.reviewed, h.confidence) for h in halves] == [
        ((0,), (0,), False, 0.45), ((1,), (1,), False, 0.45)]


def test_a_reviewed_link_merged_with_one_to_review_then_split_leaves_both_to_review():
    one_by_one = browse.split(_bitext(True), 0)
    first, second = one_by_one.alignment.links
    merged = browse.merge(browse.mark_reviewed(one_by_one, 0), 0, "next")
    assert first.reviewed is False and merged.alignment.links[0].reviewed   # a merge is a review
    again = browse.split(merged, 0).alignment.links
    assert [(h.src, h.tgt, h.reviewed) for h in again] == [((0,), (0,), False), ((1,), (1,), False)]
