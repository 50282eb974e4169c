"""A row's "1-1 · 0.98" said in plain words (alignment.link_words): a first-time user met it
with no tooltip and no legend."""

from __future__ import annotations

import html
import re

import pytest

from alignment import browse
from alignment.link_words import kind_words, legend, link_title
from alignment.types import Alignment, Bitext, Link, Sentence


@pytest.mark.parametrize("n_src, n_tgt, said", [
    (1, 1, "one sentence of the original with one of the translation"),
    (2, 1, "two sentences of the original with one of the translation"),
    (1, 3, "one sentence of the original with three of the translation"),
    (1, 0, "one sentence of the original left out of the translation"),
    (2, 0, "two sentences of the original left out of the translation"),
    (0, 1, "one sentence the translation added"),
    (12, 1, "12 sentences of the original with one of the translation"),
])
def test_kind_words(n_src: int, n_tgt: int, said: str) -> None:
    assert kind_words(n_src, n_tgt) == said


def test_link_title_says_the_type_and_the_confidence() -> None:
    assert link_title(Link((0,), (0,), 0.98), 0.9) == (
        "1-1: one sentence of the original with one of the translation; 0.98: how sure the "
        "aligner is (below 0.90: to review)")


def test_the_legend_is_one_line_with_the_threshold() -> None:
    said = legend(0.85)
    assert "\n" not in said and "1-1: one sentence of the original with one of the translation" \
        in said and "below 0.85: to review" in said


def test_each_rows_numbers_carry_their_meaning_on_hover() -> None:
    bitext = Bitext((Sentence("Un."), Sentence("Deux."), Sentence("Trois.")), (Sentence("One."),),
                    Alignment((Link((0,), (0,), 0.98), Link((1, 2), (), 0.4))), "fr", "en")
    rows = [browse.render_row(bitext, i, browse.View(threshold=0.8)) for i in range(2)]
    titles = [html.unescape(re.search(r'<span title="([^"]*)">\d-\d &middot;', r).group(1))
              for r in rows]
    assert titles == [
        "1-1: one sentence of the original with one of the translation; 0.98: how sure the "
        "aligner is (below 0.80: to review)",
        "2-0: two sentences of the original left out of the translation; 0.40: how sure the "
        "aligner is (below 0.80: to review)"]
    assert "1-1 &middot; 0.98</span>" in rows[0]   # the row reads as before
