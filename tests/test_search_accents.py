"""A plain search counts accents letter by letter: a letter typed with its accent finds that
letter only (in either case), the letters typed without one find any accent. 'iñigo' found
nothing in a text of 'Íñigo': its 'ñ' made the whole query accent-exact, so 'i' missed 'Í'."""

from __future__ import annotations

import pytest

from alignment.search import Query, plain_finds, search
from alignment.types import Alignment, Bitext, Link, Sentence


def found(query: str, text: str, case: bool = False) -> list[str]:
    """The parts of `text` a plain search for `query` highlights."""
    bitext = Bitext((Sentence(text, 0),), (Sentence("x", 0),),
                    Alignment((Link((0,), (0,), 1.0),)), "es", "en")
    return [text[s.start:s.end] for s in search(bitext, Query(query, "src", case=case)).get(0, ())]


@pytest.mark.parametrize("query, text, hits", [
    # the 'ñ' typed keeps its accent, the 'i' typed without one finds 'Í'
    ("iñigo", "El niño Íñigo, ÍÑIGO, Iñigo, Inigo.", ["Íñigo", "ÍÑIGO", "Iñigo"]),
    ("IÑIGO", "¡Vamos, Íñigo!", ["Íñigo"]),
    ("Íñigo", "Íñigo, íñigo, Iñigo, Inigo", ["Íñigo", "íñigo"]),   # an 'Í' typed finds 'Í' only
    ("inigo", "Íñigo, Inigo", ["Íñigo", "Inigo"]),                 # no accent typed: any accent
    ("peña", "el Sr. PEÑA, Peña, pena", ["PEÑA", "Peña"]),
    ("año", "un año, AÑO, Año, ano", ["año", "AÑO", "Año"]),       # 'año' is not 'ano'
    ("łódź", "Łódź, ŁÓDŹ, Lodz, Łodz", ["Łódź", "ŁÓDŹ"]),
    ("lodz", "Łódź, ŁÓDŹ, Lodz", ["Łódź", "ŁÓDŹ", "Lodz"]),
    ("gdańsk", "w GDAŃSKU i w Gdansku", ["GDAŃSK"]),
    ("cafe", "Café, CAFÉ, cafe", ["Café", "CAFÉ", "cafe"]),
    ("Muller", "Müller, MÜLLER", ["Müller", "MÜLLER"]),
    ("métro", "Le METRO, le métro, le MÉTRO", ["métro", "MÉTRO"]),
    ("ñn", "nñn", ["ñn"]),                    # a refused candidate overlaps the right one
    ("ña", "ñaña", ["ña", "ña"]),
    # accents written apart (NFD), in the text or in the query; a ligature beside them
    ("iñigo", "I\u0301n\u0303igo y sœur", ["I\u0301n\u0303igo"]),
    ("in\u0303igo", "Íñigo, Inigo", ["Íñigo"]),
    ("iñigo", "Sœur d'Íñigo, Inigo", ["Íñigo"]),
    ("ẹ\u0301", "e\u0301\u0323 e\u0323 é", ["e\u0301\u0323"]),   # a mark after the letter counts
])
def test_an_accent_typed_counts_for_its_letter_only(query, text, hits):
    assert found(query, text) == hits


@pytest.mark.parametrize("query, text, hits", [
    ("Iñigo", "Íñigo, íñigo, IÑIGO, Iñigo", ["Íñigo", "Iñigo"]),
    ("Íñigo", "íñigo, ÍÑIGO, Íñigo", ["Íñigo"]),
])
def test_with_case_an_accent_typed_keeps_its_case(query, text, hits):
    assert found(query, text, case=True) == hits


def test_highlights_keep_the_texts_offsets():
    text = "Sœur de Íñigo: I\u0301n\u0303igo."
    bitext = Bitext((Sentence(text, 0),), (Sentence("x", 0),),
                    Alignment((Link((0,), (0,), 1.0),)), "es", "en")
    spans = search(bitext, Query("iñigo", "src"))[0]
    assert [(s.start, s.end) for s in spans] == [(8, 13), (15, 22)]


@pytest.mark.parametrize("query, text, hit", [
    ("iñigo", "Íñigo", True), ("IÑIGO", "íñigo", True), ("año", "ano", False),
])
def test_the_glossary_box_reads_accents_alike(query, text, hit):
    assert plain_finds(query, text) is hit
