"""A measure kept in another metric unit of its kind is the same measure (number_measures.rescaled):
'20 cm' / '203 mm' was the error "numbers differ: 20 ... 203" on a German yearbook's French
translation, whose translator gave the size in inches and millimetres. Sentences written for
these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from alignment.checks import run_checks
from alignment.number_measures import metric_keys, rescaled
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def numbers(src: str, tgt: str, langs: tuple[str, str]) -> tuple[Finding, ...]:
    """Findings of the numbers check on a one-link bitext."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs)
    return run_checks(bitext, only=["numbers"])


@pytest.mark.parametrize("src, tgt, langs", [
    ("Die Spur war 20 cm breit.", "La trace avait 200 mm de large.", ("de", "fr")),
    ("Die Spur war 20 cm breit.", "La trace avait 8 pouces (203 mm) de large.", ("de", "fr")),
    ("Der Gipfel liegt 6,3 km entfernt.", "Le sommet est à 6300 m.", ("de", "fr")),
    ("Il portait 2 kg de pain.", "He carried 2000 g of bread.", ("fr", "en")),
    ("Versez 0,5 l de lait.", "Pour in 500 ml of milk.", ("fr", "en")),
    ("The wall is 1.5 m thick.", "Le mur a 150 cm d'épaisseur.", ("en", "fr")),
])
def test_a_measure_in_another_metric_unit_of_its_kind_is_no_finding(src: str, tgt: str,
                                                                    langs: tuple[str, str]) -> None:
    assert numbers(src, tgt, langs) == ()


@pytest.mark.parametrize("src, tgt, langs, said", [
    ("Die Spur war 20 cm breit.", "La trace avait 300 mm de large.", ("de", "fr"), "300"),
    ("Die Spur war 22 cm breit.", "La trace avait 22 mm de large.", ("de", "fr"), "22 mm"),
    ("Il portait 2 kg de pain.", "He carried 2500 g of bread.", ("fr", "en"), "2500"),
    ("Der Gipfel liegt 6,3 km entfernt.", "Le sommet est à 6000 m.", ("de", "fr"), "6000"),
])
def test_a_measure_changed_in_another_metric_unit_is_still_an_error(src: str, tgt: str,
                                                                    langs: tuple[str, str], said: str) -> None:
    (f,) = numbers(src, tgt, langs)
    assert f.severity == "error" and said in f.message


@pytest.mark.parametrize("a, a_unit, b, b_unit, same", [
    ("20", "cm", "203", "mm", True),      # 1.5 % off: a conversion's rounding
    ("20", "cm", "205", "mm", False),     # 2.5 % off
    ("3", "km", "3000", "m", True),
    ("3", "kg", "3000", "g", True),
    ("3", "kg", "3", "g", False),
    ("3", "l", "3000", "ml", True),
    ("3", "km", "3000", "g", False),      # two kinds
    ("3", "t", "3000", "kg", False),      # tons may be short or long: no metric unit here
    ("0", "cm", "0", "mm", False),
])
def test_rescaled_compares_metric_units_in_their_base_unit(a: str, a_unit: str, b: str, b_unit: str,
                                                          same: bool) -> None:
    assert rescaled(Decimal(a), a_unit, Decimal(b), b_unit) is same
    assert rescaled(Decimal(b), b_unit, Decimal(a), a_unit) is same


def test_metric_keys_find_the_other_unit_near_the_band_it_is_filed_in() -> None:
    filed = set(metric_keys("mm", Decimal(203)))
    assert filed and filed <= set(metric_keys("cm", Decimal(20), near=True))
    assert metric_keys("in", Decimal(8)) == [] and metric_keys("cm", Decimal(0)) == []
