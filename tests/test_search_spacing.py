"""A learner of Korean types a word without the spaces the text has (or with spaces it has
not), and anyone types a long number without its thousands separators: '가게주인' found no
'가게 주인', '12000' no '12,000' (a tester learning Korean)."""

from __future__ import annotations

import pytest

from alignment.search import Query, plain_finds, search
from alignment.types import Alignment, Bitext, Link, Sentence


def found(query: str, text: str) -> list[str]:
    """The parts of `text` a plain search for `query` highlights."""
    bitext = Bitext((Sentence(text, 0),), (Sentence("x", 0),),
                    Alignment((Link((0,), (0,), 1.0),)), "ko", "en")
    return [text[s.start:s.end] for s in search(bitext, Query(query, "src")).get(0, ())]


@pytest.mark.parametrize("query, text, hits", [
    ("가게주인", "가게 주인이 웃었다.", ["가게 주인"]),
    ("가게 주인", "가게주인이 웃었다.", ["가게주인"]),
    ("오후3시", "오후 3시에 만나요.", ["오후 3시"]),
    ("다섯개", "사과 다섯 개를 샀다.", ["다섯 개"]),
    ("12000", "모두 12,000원이었다.", ["12,000"]),
    ("12000", "Es kostete 12.000 Euro.", ["12.000"]),
    ("1250000", "It cost 1 250 000 francs.", ["1 250 000"]),
    ("1980", "In 1980 he left.", ["1980"]),
    ("250000", "उसने 2,50,000 रुपये दिए।", ["2,50,000"]),
    ("12345678", "1,23,45,678 लोग", ["1,23,45,678"]),
])
def test_spacing_and_thousands_separators_either_way(query: str, text: str, hits: list[str]) -> None:
    assert found(query, text) == hits
    assert plain_finds(query, text)


@pytest.mark.parametrize("query, text", [
    ("가게주인", "가게에 주인이"),        # another syllable between: no match
    ("12000", "12,500"),
    ("1200", "12,000"),                  # separators where a number has them, not anywhere
    ("café", "cafe"),                    # a letter typed with its accent stays exact
])
def test_other_texts_are_not_found(query: str, text: str) -> None:
    assert found(query, text) == []
    assert not plain_finds(query, text)
