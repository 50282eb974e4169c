""""Split" leaves a side empty (a sentence alone, as an omission or an addition) only where no
cut pairs each half reasonably: splitting a 2-4 link made a 2-3 and a French sentence alone,
although the second English sentence was its original (a half matching nothing, averaged
with a strong pairing, beat two fair pairings)."""

from __future__ import annotations

import pytest

from alignment.split_cut import best_cut

UNRELATED = 0.1   # what the fake encoder gives texts the table does not name (real: below 0.25)


def table(pairs: dict[tuple[str, str], float]):
    """A fake encoder: the cosine of a source text and a target text as the table gives it
    (texts of several sentences joined with a space, as split_cut joins them)."""
    return lambda a, b: pairs.get((a, b), UNRELATED)


@pytest.mark.parametrize("src, tgt, pairs, expected", [
    # 2-4: the last target sentence translates the second source sentence, fairly; the first
    # three the first, fairly too; all four the first... and the whole, very well
    (["S1.", "S2."], ["T1.", "T2.", "T3.", "T4."],
     {("S1.", "T1. T2. T3."): 0.5, ("S2.", "T4."): 0.35, ("S1. S2.", "T1. T2. T3."): 0.9,
      ("S1. S2.", "T1. T2. T3. T4."): 0.95}, (1, 3)),
    # 2-4 where the fourth target sentence was added: nothing pairs S2 with T4 reasonably
    (["S1.", "S2."], ["T1.", "T2.", "T3.", "T4."],
     {("S1.", "T1. T2."): 0.6, ("S2.", "T3. T4."): 0.15, ("S1. S2.", "T1. T2. T3."): 0.8,
      ("S2.", "T3."): 0.25}, (2, 3)),
    # 2-1: every cut leaves a side empty; the source's extra sentence goes alone
    (["Extra.", "S2."], ["T2."], {("S2.", "T2."): 0.8}, (1, 0)),
    # 1-2: the translation added a sentence first
    (["S1."], ["Added.", "T1."], {("S1.", "T1."): 0.8, ("S1.", "Added. T1."): 0.6}, (0, 1)),
    # 3-3: S2 and S3 became T2, T3 a fair free rendering: 1-1 + 2-2, not 3-2 + 0-1
    (["S1.", "S2.", "S3."], ["T1.", "T2.", "T3."],
     {("S1.", "T1."): 0.5, ("S2. S3.", "T2. T3."): 0.35, ("S1. S2. S3.", "T1. T2."): 0.9,
      ("S2. S3.", "T2."): 0.3, ("S1. S2.", "T1. T2."): 0.45}, (1, 1)),
    # 2-2: each sentence its own translation
    (["S1.", "S2."], ["T1.", "T2."], {("S1.", "T1."): 0.7, ("S2.", "T2."): 0.6,
                                      ("S1. S2.", "T1."): 0.65}, (1, 1)),
    # 2-2 where T1 holds both sentences and T2 was added: the one cut pairing both halves
    # pairs S2 with T2 unreasonably, so T2 goes alone
    (["S1.", "S2."], ["T1.", "T2."], {("S1. S2.", "T1."): 0.9, ("S1.", "T1."): 0.5}, (2, 1)),
])
def test_a_side_is_left_empty_only_where_no_cut_pairs_both_halves(src, tgt, pairs, expected):
    assert best_cut(src, tgt, table(pairs)) == expected


# the tester's 2-4 link (Carroll, and Bué's French); no encoder ready: lengths choose, with the
# book's ratio of French to English characters (1.01)
ADA_EN = ["' I'm sure I'm not Ada, ' she said, ' for her hair goes in such long ringlets, and "
          "mine doesn 't go in ringlets at all; and I'm sure I can 't be Mabel, for I know all "
          "sorts of things, and she, oh! she knows such a very little!",
          "Besides, she's she, and I'm I, and--oh dear, how puzzling it all is!"]
ADA_FR = ["\"Bien sûr, je ne suis pas Ada,\" dit-elle.",
          "\" Elle a de longs cheveux bouclés et les miens ne frisent pas du tout.",
          "— Assurément je ne suis pas Mabel, car je sais tout plein de choses et Mabel ne sait "
          "presque rien ; et puis, du reste, Mabel, c'est Mabel ; Alice c'est Alice !",
          "— Oh ! mais quelle énigme que cela !"]


@pytest.mark.parametrize("ratio", [1.0, 1.01])
def test_the_testers_link_is_cut_into_two_pairs_by_lengths(ratio):
    assert best_cut(ADA_EN, ADA_FR, None, ratio) == (1, 3)
