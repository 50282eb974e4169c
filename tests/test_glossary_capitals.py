"""A glossary row shows a word as the text writes it in its sentences, not as a heading in
capitals does: 'BÜYÜK PAZAR' twice and 'pazar' once was the row 'PAZAR' (Turkish lowered as
Turkish: 'KIZ' is 'kız', 'İL' is 'il'). Texts written for these tests."""

from __future__ import annotations

import pytest

from alignment.glossary import glossary
from tests.test_words_turkish import _glossary_bitext


@pytest.mark.parametrize("heading, sentence, row", [
    (("THE BIG MARKET", "BÜYÜK PAZAR", [("MARKET", "PAZAR")]),
     ("The market was big.", "Bu pazar büyüktü.", [("market", "pazar")]), ("market", "pazar", 3)),
    (("THE BIG GIRL", "BÜYÜK KIZ", [("GIRL", "KIZ")]),
     ("The girl was tall.", "Bu kız uzundu.", [("girl", "kız")]), ("girl", "kız", 3)),
    (("THE BIG CITY", "BÜYÜK İL", [("CITY", "İL")]),
     ("The city was big.", "Bu il büyüktü.", [("city", "il")]), ("city", "il", 3)),
    # a name keeps its capital, not the heading's capitals
    (("THE BIG ISTANBUL", "BÜYÜK İSTANBUL", [("ISTANBUL", "İSTANBUL")]),
     ("We saw Istanbul.", "Biz İstanbul gördük.", [("Istanbul", "İstanbul")]), ("Istanbul", "İstanbul", 3)),
])
def test_a_word_of_headings_in_capitals_is_shown_as_its_sentences_write_it(
        heading: tuple[str, str, list[tuple[str, str]]],
        sentence: tuple[str, str, list[tuple[str, str]]], row: tuple[str, str, int]) -> None:
    entries = glossary(_glossary_bitext([heading, heading, sentence]), names=True)
    assert [(e.src, e.tgt, e.count) for e in entries] == [row]


def test_a_word_the_text_writes_only_in_capitals_stays_so() -> None:
    entries = glossary(_glossary_bitext([("NATO met.", "NATO toplandı.", [("NATO", "NATO")]),
                                         ("They saw NATO.", "NATO'yu gördüler.", [("NATO", "NATO'")])]),
                       names=True)
    assert [(e.src, e.tgt, e.count) for e in entries] == [("NATO", "NATO", 2)]
