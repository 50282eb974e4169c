"""A number in words before a unit a translator converts (number_measures' units: metres,
kilometres, kilos, feet, inches...), compared as the other numbers in words are: a proofreader
of a whole book found 'neuf mètres' / 'six meters', 'neuf kilos' / 'six kilos' and 'un peu plus
de neuf pieds' / 'more than six feet' said nothing, while 'neuf étages' / 'six floors' was a
warning and '9 mètres' / '6 metres' an error. A measure converted ('trois kilomètres' / 'two
miles', 1.86) is no number changed, as number_measures.same_measure rounds it. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def numbers(src: str, tgt: str, src_lang: str = "fr", tgt_lang: str = "en") -> tuple[Finding, ...]:
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), src_lang, tgt_lang)
    return run_checks(bitext, only=["numbers"])


@pytest.mark.parametrize("src, tgt, langs, said", [
    ("La tour avait neuf mètres de haut.", "The tower was six meters high.", ("fr", "en"), "neuf (9)|six (6)"),
    ("Le chemin faisait neuf kilomètres.", "The path was six kilometres long.", ("fr", "en"), "neuf (9)|six (6)"),
    ("Il portait neuf kilos de sel.", "He carried six kilos of salt.", ("fr", "en"), "neuf (9)|six (6)"),
    ("Elle avait un peu plus de neuf pieds de haut.", "She was now more than six feet high.", ("fr", "en"),
     "neuf (9)|six (6)"),
    ("Il marcha neuf grands pieds plus loin.", "He walked six long feet further.", ("fr", "en"), "neuf (9)|six (6)"),
    ("La porte faisait quinze pouces de haut.", "The door was about fifty inches high.", ("fr", "en"),
     "quinze (15)|fifty (50)"),
    ("Il fit quatre-vingt-dix kilomètres.", "He walked eighty kilometres.", ("fr", "en"),
     "quatre-vingt-dix (90)|eighty (80)"),
    ("Der Turm war neun Meter hoch.", "La tour avait six mètres de haut.", ("de", "fr"), "neun (9)|six (6)"),
    # partner units, no conversion: 3 km is 1.9 miles
    ("Le chemin faisait trois kilomètres.", "The path was six miles long.", ("fr", "en"), "trois (3)|six (6)"),
])
def test_a_number_in_words_before_a_unit_changed_is_a_warning(src: str, tgt: str, langs: tuple[str, str],
                                                             said: str) -> None:
    """A warning, as 'neuf étages' / 'six floors' is (numbers in words are read less surely than
    figures: 'neuf' is also 'new'), marking both words."""
    (found,) = numbers(src, tgt, *langs)
    original, translation = said.split("|")
    assert (found.severity, found.message) == (
        "warning", f"numbers differ: {original} in the original, {translation} in the translation")
    marked = {(s.side, (src if s.side == "src" else tgt)[s.start:s.end]) for s in found.spans}
    assert marked == {("src", original.split(" (")[0]), ("tgt", translation.split(" (")[0])}


def test_the_unit_changes_nothing_in_the_level() -> None:
    floors = numbers("La tour avait neuf étages.", "The tower had six floors.")
    metres = numbers("La tour avait neuf mètres de haut.", "The tower was six metres high.")
    assert [f.severity for f in floors] == [f.severity for f in metres] == ["warning"]


@pytest.mark.parametrize("src, tgt", [
    ("Elle avait neuf pieds de haut.", "She was nine feet high."),
    ("Le chemin faisait trois kilomètres.", "The path was two miles long."),        # 1.86 miles
    ("Il fit cinquante kilomètres.", "He walked thirty miles."),                     # 31.1 miles
    ("La porte faisait quinze pouces de haut.", "The door was thirty-eight centimetres high."),
    ("Le mur faisait trois mètres.", "The wall was ten feet high."),                 # 9.8 feet
    ("Il portait vingt kilos.", "He carried forty-four pounds."),
    ("Le chemin faisait trois kilomètres.", "The path was 2 miles long."),          # figures on one side
    ("Le chemin faisait 3 kilomètres.", "The path was two miles long."),
    ("Il pesait soixante kilos.", "He weighed nine stone."),                         # a unit no table converts
    ("Trois l'ont vu, et deux m'ont dit.", "Three saw it, and two told me."),       # 'm' is no metre here
])
def test_a_measure_converted_or_said_alike_is_no_warning(src: str, tgt: str) -> None:
    assert [f.message for f in numbers(src, tgt) if f.severity != "info"] == []


@pytest.mark.parametrize("word, unit", [
    ("mètres", "m"), ("Kilometern", "km"), ("kilómetros", "km"), ("pieds", "ft"), ("Fuß", "ft"),
    ("pouces", "in"), ("kilos", "kg"), ("livres", "lb"), ("miles", "miles"), ("km", "km"),
    ("m", None), ("g", None), ("l", None), ("in", None), ("étages", None), ("yards", None), ("degrés", None),
])
def test_the_unit_a_word_names(word: str, unit: str | None) -> None:
    from alignment.number_measures import unit_named
    assert unit_named(word) == unit


@pytest.mark.parametrize("text, lang, read", [
    ("La tour avait neuf mètres de haut.", "fr", [(9, "m")]),
    ("Il fit cinquante bons kilomètres et trois pas.", "fr", [(50, "km")]),
    ("She was six feet high and two inches.", "en", [(6, "ft"), (2, "in")]),
    ("Trois l'ont vu, et deux m'ont dit.", "fr", []),
    ("La tour avait neuf étages.", "fr", []),
    ("Il était à deux mille mètres, à cinq mille pieds.", "fr", []),   # 2000 m, not 2
])
def test_measures_in_words(text: str, lang: str, read: list[tuple[int, str]]) -> None:
    from alignment.number_units import measures_in_words
    assert list(measures_in_words(text, lang)) == read
