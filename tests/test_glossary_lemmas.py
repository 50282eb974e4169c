"""The forms of one word are one glossary row: 'Москва (Москве, Москву)', counts summed, found
by the glossary's search under any of them."""

from __future__ import annotations

import pytest

from alignment.glossary import glossary
from alignment.search import plain_finds
from alignment.types import Alignment, Bitext, Link, Sentence, WordLink
from alignment.words import link_tokens_of


def _text(pairs: list[tuple[str, str]], langs: str) -> Bitext:
    """A link per (sentence, translation), its first word linked to the translation's last."""
    src = tuple(Sentence(s) for s, _ in pairs)
    tgt = tuple(Sentence(t) for _, t in pairs)
    bare = Bitext(src, tgt, Alignment(tuple(Link((k,), (k,)) for k in range(len(pairs)))),
                  *langs.split("-"))
    links = []
    for k in range(len(pairs)):
        t = [tok.text for tok in link_tokens_of(bare, k)[1]]
        last = max(i for i, w in enumerate(t) if w[0].isalpha())
        links.append(Link((k,), (k,), words=(WordLink(0, last, 0.95),)))
    return Bitext(src, tgt, Alignment(tuple(links)), *langs.split("-"))


@pytest.mark.parametrize("pairs, langs, row", [
    ([("Москва большая.", "It is Moscow."), ("Москве хорошо.", "Life in Moscow."),
      ("Москву любят.", "All love Moscow."), ("Москвы нет.", "No Moscow."),
      ("Москве тепло.", "Warm Moscow.")],
     "ru-en", ("Москва (Москве, Москву, Москвы)", "Moscow", 5)),
    ([("Галерее сто лет.", "A hundred-year gallery."), ("Галерею закрыли.", "They closed the gallery."),
      ("Галерея открыта.", "Open gallery.")],
     "ru-en", ("галерея (галерее, галерею)", "gallery", 3)),  # capitals only opening sentences
    ([("Häuser stehen.", "Il y a des maisons."), ("Haus steht.", "Une maison.")],
     "de-fr", ("Haus (Häuser)", "maison (maisons)", 2)),
])
def test_the_forms_of_a_word_are_one_row_with_counts_summed(
        pairs: list[tuple[str, str]], langs: str, row: tuple[str, str, int]) -> None:
    entries = glossary(_text(pairs, langs))
    assert [(e.src, e.tgt, e.count) for e in entries] == [row]
    assert entries[0].example == 0


@pytest.mark.parametrize("query", ["Москва", "Москве", "москву", "Москвы"])
def test_the_glossary_search_finds_the_row_by_any_form(query: str) -> None:
    entries = glossary(_text([("Москва большая.", "It is Moscow."), ("Москве хорошо.", "Life in Moscow."),
                              ("Москвы нет.", "No Moscow."), ("Москву любят.", "All love Moscow.")],
                             "ru-en"))
    assert [e.src for e in entries if plain_finds(query, e.src)] == ["Москва (Москве, Москву, Москвы)"]
