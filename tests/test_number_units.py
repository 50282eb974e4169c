"""Counted units a translator converts (number_units.py): 'trois quarts d'heure' / 'forty-five
minutes' was the warning "numbers differ: trois (3) ... forty-five (45)" on a faithful
translation, and 'deux siècles' / 'two hundred years' "number 'deux' became 'two hundred'?".
Sentences written for these tests."""

from __future__ import annotations

import pytest

from alignment.checks import at_level, run_checks
from alignment.number_units import counted
from alignment.types import Alignment, Bitext, Link, Sentence


def warned(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[str]:
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), src_lang, tgt_lang)
    return [f.message for f in at_level(run_checks(bitext, only=["numbers"]), "warning")]


@pytest.mark.parametrize("text, lang, expected", [
    ("Il attendit trois quarts d'heure.", "fr", [(3, 45)]),
    ("Deux douzaines d'œufs et trois siècles.", "fr", [(2, 24), (3, 300)]),
    ("Two dozen eggs, four weeks, three score years.", "en", [(2, 24), (4, 28), (3, 60)]),
    ("Seit zwei Jahrhunderten und drei Wochen.", "de", [(2, 200), (3, 21)]),
    ("Trois hommes attendaient.", "fr", []),
    ("Two pair of hands held her; three pairs of gloves.", "en", [(2, 4), (3, 6)]),
    ("Deux paires de gants et trois paires d'yeux.", "fr", [(2, 4), (3, 6)]),
    ("Zwei Paar Schuhe.", "de", [(2, 4)]),
])
def test_a_number_before_a_unit_is_read_in_the_smaller_unit(text: str, lang: str,
                                                           expected: list[tuple[int, int]]) -> None:
    assert counted(text, lang) == expected


@pytest.mark.parametrize("src, tgt, langs", [
    ("Il attendit trois quarts d'heure.", "He waited forty-five minutes.", ("fr", "en")),
    ("Il a acheté deux douzaines d'œufs.", "He bought twenty-four eggs.", ("fr", "en")),
    ("La maison a deux siècles.", "The house is two hundred years old.", ("fr", "en")),
    ("Il resta trois semaines.", "He stayed twenty-one days.", ("fr", "en")),
    ("He waited forty-five minutes.", "Il attendit trois quarts d'heure.", ("en", "fr")),
    ("Er blieb zwei Wochen.", "Il resta quatorze jours.", ("de", "fr")),
    ("Quatre mains m'arrêtèrent.", "Their two pair of hands arrested me.", ("fr", "en")),
    ("Two pairs of eyes watched.", "Quatre yeux regardaient.", ("en", "fr")),
    ("Er kaufte zwei Paar Schuhe.", "Il acheta quatre chaussures.", ("de", "fr")),
])
def test_a_unit_converted_is_no_number_changed(src: str, tgt: str, langs: tuple[str, str]) -> None:
    assert warned(src, tgt, *langs) == []


@pytest.mark.parametrize("src, tgt, langs", [
    ("Il attendit trois quarts d'heure.", "He waited twenty minutes.", ("fr", "en")),
    ("Il a acheté deux douzaines d'œufs.", "He bought thirty eggs.", ("fr", "en")),
    ("La maison a deux siècles.", "The house is three hundred years old.", ("fr", "en")),
    ("Il resta trois semaines.", "He stayed four weeks.", ("fr", "en")),
    ("Six mains m'arrêtèrent.", "Their two pair of hands arrested me.", ("fr", "en")),
])
def test_a_unit_converted_wrongly_is_still_a_warning(src: str, tgt: str, langs: tuple[str, str]) -> None:
    assert len(warned(src, tgt, *langs)) == 1
