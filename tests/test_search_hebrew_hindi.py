"""A Hindi reader types ASCII digits for the Devanagari ones the text prints (or the other way
round), and a Hebrew keyboard types straight quotes for gershayim and geresh: '45' found no
'४५', 'צה"ל' no 'צה״ל' (a tester of Hebrew and Hindi texts)."""

from __future__ import annotations

import pytest

from alignment.search import Query, plain_finds, search
from alignment.types import Alignment, Bitext, Link, Sentence


def found(query: str, text: str, lang: str) -> list[str]:
    """The parts of `text` a plain search for `query` highlights."""
    bitext = Bitext((Sentence(text, 0),), (Sentence("x", 0),),
                    Alignment((Link((0,), (0,), 1.0),)), lang, "en")
    return [text[s.start:s.end] for s in search(bitext, Query(query, "src")).get(0, ())]


@pytest.mark.parametrize("query, text, lang, hits", [
    ("45", "वह ४५ साल की थी।", "hi", ["४५"]),
    ("१९८०", "12 जुलाई 1980 को", "hi", ["1980"]),
    ("72", "कमरा ७२ में", "hi", ["७२"]),
    ("2,50,000", "२,५०,००० रुपये", "hi", ["२,५०,०००"]),
    ("45", "তার বয়স ৪৫", "bn", ["৪৫"]),          # any script's digits, Bengali too
    ('צה"ל', "הוא שירת בצה״ל שלוש שנים.", "he", ["צה״ל"]),
    ('ד"ר', "ד״ר כהן הגיע.", "he", ["ד״ר"]),
    ("פרופ'", "פרופ׳ לוי דיבר.", "he", ["פרופ׳"]),
    ("צה״ל", 'הוא שירת בצה"ל.', "he", ['צה"ל']),
])
def test_typed_digits_and_quotes_find_the_texts_forms(query: str, text: str, lang: str,
                                                      hits: list[str]) -> None:
    assert found(query, text, lang) == hits
    assert plain_finds(query, text)


@pytest.mark.parametrize("query, text, lang", [("45", "४६ साल", "hi"), ("४५", "54 साल", "hi"),
                                               ('צה"ל', "צהל", "he")])
def test_other_digits_and_words_are_not_found(query: str, text: str, lang: str) -> None:
    assert found(query, text, lang) == []
    assert not plain_finds(query, text)
