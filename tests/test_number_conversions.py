"""Measures converted for the translation's readers (number_measures.py), sums written with a
letter for millions or billions (number_scales.py) and the Arabic nominative dual
(number_arabic.py), as a proofreader of modern translations found them: '38 °C' / '100°F'
was an error, '2 500 000' / '2.5M' too, and '2 cats' / 'قطان' "2 in the original, nothing in
the translation". Sentences written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from alignment.checks import run_checks
from alignment.numbers import quantities
from alignment.types import Alignment, Bitext, Link, Sentence


def found(src: str, tgt: str, src_lang: str = "fr", tgt_lang: str = "en") -> list[str]:
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), src_lang, tgt_lang)
    return [f"{f.severity}: {f.message}" for f in run_checks(bitext, only=["numbers"])]


@pytest.mark.parametrize("src, tgt", [
    ("La température atteindra 38 °C mardi.", "Temperatures will reach 100°F on Tuesday."),
    ("Il fait 20 °C.", "It is 68 °F."),
    ("L'eau bout à 100 degrés Celsius.", "Water boils at 212 degrees Fahrenheit."),
    ("Il a couru 40 km.", "He ran 25 miles."),
    ("La ville est à 100 km.", "The town is 62 miles away."),
    ("Le mur fait 3 m de haut.", "The wall is 10 ft high."),
    ("Un écran de 30 cm.", "A 12-inch screen."),
    ("Un sac de 2 kg.", "A 4.4 lb bag."),
    ("Un sac de 5 kg.", "An 11-pound bag."),
    ("Ajoutez 250 g de farine.", "Add 8.8 oz of flour."),
    ("Un bidon de 10 litres.", "A 2.6 gallon can."),
    ("Il roulait à 90 km/h.", "He drove at 56 mph."),
    ("Er lief 25 Meilen.", "Il a couru 40 km."),
    # rounded as a translator rounds: each side's figure converted is no figure of the other
    ("La ville est à 100 km.", "The town is 60 miles away."),
    ("La ville est à 100 km.", "The town is about 60 miles away."),
    ("Il a couru 10 km.", "He ran 6 miles."),
    ("Il a couru 200 km.", "He ran 125 miles."),
    ("Un sac de 20 kg.", "A 40 lb bag."),
    ("Lyon est à 100 km et Paris à 400 km.", "Lyon is 60 miles away and Paris 250 miles."),
])
def test_a_measure_converted_is_no_number_changed(src: str, tgt: str) -> None:
    assert found(src, tgt, "de" if "Meilen" in src else "fr", "fr" if "Meilen" in src else "en") == []


@pytest.mark.parametrize("src, tgt, said", [
    ("La température atteindra 40 °C mardi.", "Temperatures will reach 100°F on Tuesday.",
     "40 in the original, 100 °F (37.8 °C) in the translation"),
    ("La ville est à 100 km.", "The town is 80 miles away.",
     "100 in the original, 80 miles (128.7 km) in the translation"),
    ("Il a couru 5 km.", "He ran 5 miles.", "5 in the original, 5 miles (8 km) in the translation"),
    ("La ville est à 100 km.", "The town is 55 miles away.",
     "100 in the original, 55 miles (88.5 km) in the translation"),
    ("Lyon est à 100 km et Paris à 400 km.", "Lyon is 60 miles away and Paris 400 miles.",
     "400 in the original, 400 miles (643.7 km) in the translation"),
    ("Un sac de 2 kg.", "A 2 lb bag.", "2 in the original, 2 lb (0.9 kg) in the translation"),
    ("La température atteindra 38 °C mardi.", "Temperatures will reach 100 °C on Tuesday.",
     "38 in the original, 100 in the translation"),
])
def test_a_measure_converted_wrongly_is_an_error_naming_both(src: str, tgt: str, said: str) -> None:
    out = found(src, tgt)
    assert len(out) == 1 and out[0].startswith("error") and said in out[0], out


@pytest.mark.parametrize("src, tgt, src_lang", [
    ("Elle a 2 500 000 abonnés.", "She has 2.5M followers.", "fr"),
    ("Le chiffre d'affaires a atteint 3 200 000 000 euros.", "Revenue rose to €3.2bn.", "fr"),
    ("Le chiffre d'affaires a atteint 3 200 000 000 euros.", "Revenue rose to €3.2 bn.", "fr"),
    ("Il a levé 2 500 000 dollars.", "He raised $2.5m.", "fr"),
    ("Il a levé 5 000 000 euros.", "He raised 5m €.", "fr"),
    ("L'application compte 3 200 000 000 utilisateurs.", "The app has 3.2B users.", "fr"),
    ("Der Umsatz stieg auf 5 Mio Euro.", "Revenue rose to 5,000,000 euros.", "de"),
    ("Der Umsatz stieg auf 3,2 Mrd Euro.", "Revenue rose to 3,200,000,000 euros.", "de"),
])
def test_millions_and_billions_written_with_a_letter_are_read_as_such(src: str, tgt: str, src_lang: str) -> None:
    assert found(src, tgt, src_lang) == []


@pytest.mark.parametrize("src, tgt, said", [
    ("Elle a 2 500 000 abonnés.", "She has 3.5M followers.", "2 500 000 in the original, 3.5M"),
    ("Il a levé 2 500 000 dollars.", "He raised $3m.", "2 500 000 in the original, 3m"),
])
def test_millions_written_with_a_letter_changed_are_an_error(src: str, tgt: str, said: str) -> None:
    out = found(src, tgt)
    assert len(out) == 1 and out[0].startswith("error") and said in out[0], out


@pytest.mark.parametrize("text, value, unit", [
    ("a 5m wall", "5", "m"),             # metres: no currency near
    ("a 5 m wall", "5", "m"),
    ("it took 5 min", "5", None),
    ("a 10 MB file", "10", None),        # megabytes: no million
    ("£4 m in cash", "4000000", None),   # a currency before it: a million
    ("2.5M followers", "2500000", None),
])
def test_m_is_metres_unless_a_currency_or_a_capital_makes_it_a_million(text: str, value: str,
                                                                         unit: str | None) -> None:
    q = quantities(text)[0]
    assert (q.value, q.unit) == (Decimal(value), unit)


@pytest.mark.parametrize("src, tgt", [
    ("He had 2 cats.", "كان لديه قطان."),
    ("He read 2 books.", "قرأ كتابان."),
    ("They sold 2 cars.", "باعوا السيارتين."),
    ("The 2 girls came.", "جاءت الفتاتان."),
])
def test_the_arabic_dual_reads_as_two(src: str, tgt: str) -> None:
    assert found(src, tgt, "en", "ar") == []


@pytest.mark.parametrize("tgt", [
    "كان الآن في مكان.",          # 'was', 'now', 'place': no dual
    "سافر إنسان إلى لبنان وعمان.",   # 'human', 'Lebanon', 'Oman'
])
def test_words_ending_like_a_dual_are_no_two(tgt: str) -> None:
    out = found("He came 2 times.", tgt, "en", "ar")
    assert len(out) == 1 and "2 in the original, nothing in the translation" in out[0], out
