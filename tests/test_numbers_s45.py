"""The numbers check on a proofreader's pt/nl/ru -> en findings: a scale word changed with the
figure kept ('14,5 milhões' / '14.5 billion'), a month or weekday changed beside a figure changed,
units changed within a kind or read in Russian ('500 километров' / '500 miles'), Russian numbers
in their oblique cases ('больше семидесяти'), Portuguese plural weekdays ('terças').
Sentences written for these tests."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from alignment.dates import changed_dates
from alignment.number_words import spelled
from alignment.types import Alignment, Bitext, Finding, Link, Sentence
from decimal import Decimal


def numbers(src: str, tgt: str, src_lang: str, tgt_lang: str = "en") -> tuple[Finding, ...]:
    """Findings of the numbers check on a one-link bitext."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), src_lang, tgt_lang)
    return run_checks(bitext, only=["numbers"])


@pytest.mark.parametrize("src, lang, tgt, said", [
    ("O número subiu para 14,5 milhões.", "pt", "The number rose to 14.5 billion.",
     "14,5 milhões in the original, 14.5 billion in the translation"),
    ("Custou 86 milhões de euros.", "pt", "It cost 86 billion euros.", "86 milhões in the original, 86 billion"),
    ("Custou 86 milhões de euros.", "pt", "It cost 86 thousand euros.", "86 milhões in the original, 86 thousand"),
    ("Custou 86 milhões de euros.", "pt", "It cost 86 euros.", "86 milhões in the original, 86 in the"),
    ("O projeto custou 230 milhões.", "pt", "The project cost 230 billion.", "230 billion"),
    ("São 2,3 bilhões de metros cúbicos.", "pt", "That is 2.3 million cubic metres.", "2.3 million"),
    ("Он заплатил 180 тысяч рублей.", "ru", "He paid 180 million roubles.", "180 тысяч in the original, 180 million"),
    ("Он заплатил 180 тысяч рублей.", "ru", "He paid 180 roubles.", "180 тысяч in the original, 180 in the"),
])
def test_a_scale_word_changed_with_the_figure_kept_is_an_error(src: str, lang: str, tgt: str, said: str) -> None:
    (f,) = numbers(src, tgt, lang)
    assert f.severity == "error" and said in f.message


@pytest.mark.parametrize("src, lang, tgt", [
    ("O número subiu para 14,5 milhões.", "pt", "The number rose to 14.5 million."),
    ("São 2,3 mil milhões de metros cúbicos.", "pt", "That is 2.3 billion cubic metres."),
    ("Он заплатил 180 тысяч рублей.", "ru", "He paid 180,000 roubles."),
    # a range's last figure carries the scale for all, either side
    ("Entre 2 e 3 milhões de pessoas.", "pt", "Between 2 million and 3 million people."),
    ("Entre 2 milhões e 3 milhões de pessoas.", "pt", "Between 2 and 3 million people."),
    ("Entre 2 milhões e 3 milhões de pessoas.", "pt", "Between 2-3 million people."),
    ("Entre 2 e 3 milhões de pessoas.", "pt", "Between 2,000,000 and 3,000,000 people."),
    # a table's scale said once, not after a figure
    ("Receita (em milhões de euros): 14,5", "pt", "Revenue: 14.5 million euros"),
    ("Receita: 14,5 milhões de euros", "pt", "Revenue (in millions of euros): 14.5"),
    # English news' 'm' for a million
    ("Foram 14,5 milhões de espectadores.", "pt", "There were 14.5m viewers."),
])
def test_a_scale_said_once_for_several_figures_or_kept_is_no_finding(src: str, lang: str, tgt: str) -> None:
    assert numbers(src, tgt, lang) == ()


@pytest.mark.parametrize("src, lang, tgt, said", [
    ("Zaterdagochtend verwarm je de oven voor op 250 graden.", "nl",
     "On Sunday morning, preheat the oven to 205 degrees.", "weekday 'Zaterdagochtend' became 'Sunday'?"),
    ("Em 14 de fevereiro gastaram 230 milhões.", "pt", "On 14 March they spent 320 million.",
     "month 'fevereiro' became 'March'?"),
])
def test_a_month_or_weekday_changed_is_found_beside_a_figure_changed(src: str, lang: str, tgt: str,
                                                                     said: str) -> None:
    found = numbers(src, tgt, lang)
    assert sorted(f.severity for f in found) == ["error", "warning"]
    assert any(f.message == said for f in found)


def test_a_date_whose_figures_changed_too_stays_one_finding() -> None:
    """'Mai 1956' / 'octobre 1955': a reference rewritten for another edition."""
    (f,) = numbers("Nr. 292, Mai 1956, im Heft", "octobre 1955", "de", "fr")
    assert "1956" in f.message


@pytest.mark.parametrize("src, lang, tgt, said", [
    ("Мы проехали 500 километров.", "ru", "We drove 500 miles.", "500 in the original, 500 miles (804.7 km)"),
    ("Он ехал 90 километров в час.", "ru", "He drove at 90 miles an hour.", "90 mph (144.8 km/h)"),
    ("Он ехал 90 километров в час.", "ru", "He drove at 90 mph.", "90 mph (144.8 km/h)"),
    ("A torre tem 150 metros de altura.", "pt", "The tower is 150 kilometres tall.",
     "150 metros in the original, 150 kilometres in the translation"),
    ("Gebruik een vorm van 22 centimeter.", "nl", "Use a 22-millimetre tin.", "22-millimetre"),
    ("Ficou lá 3 meses.", "pt", "He stayed there 3 weeks.", "3 meses in the original, 3 weeks"),
    ("Он весил 80 килограммов.", "ru", "He weighed 80 grams.", "80 килограммов"),
])
def test_the_same_figure_with_another_unit_of_its_kind_is_an_error(src: str, lang: str, tgt: str,
                                                                  said: str) -> None:
    (f,) = numbers(src, tgt, lang)
    assert f.severity == "error" and said in f.message


@pytest.mark.parametrize("src, lang, tgt", [
    ("Мы проехали 100 километров.", "ru", "We drove about 60 miles."),        # converted
    ("Он ехал 90 километров в час.", "ru", "He drove at 56 mph."),
    ("A torre tem 150 metros de altura.", "pt", "The tower is 150 m tall."),   # one unit, two spellings
    ("Ficou lá 3 meses.", "pt", "He stayed there for 3 months."),
    ("Voeg 200 gram suiker toe.", "nl", "Add 200 g of sugar."),
    ("Ele correu 5 quilómetros em 20 minutos.", "pt", "He ran 5 km in 20 minutes."),
    ("Там 5 километров.", "ru", "It is 5 away."),                              # a unit on one side only
    ("Он ехал 90 километров в час.", "ru", "He drove at 90."),
])
def test_a_unit_kept_or_converted_is_no_finding(src: str, lang: str, tgt: str) -> None:
    assert numbers(src, tgt, lang) == ()


@pytest.mark.parametrize("word, value", [
    ("семидесяти", 70), ("семьюдесятью", 70), ("пятидесяти", 50), ("двадцати", 20), ("тридцати", 30),
    ("восьмидесяти", 80), ("девяноста", 90), ("ста", 100), ("одиннадцати", 11), ("двухсот", 200), ("пятистах", 500),
])
def test_russian_numbers_are_read_in_their_oblique_cases(word: str, value: int) -> None:
    assert spelled(Decimal(value), f"Их было больше {word} человек.", "ru")


def test_a_russian_number_changed_in_the_genitive_is_a_warning() -> None:
    (f,) = numbers("Там было больше семидесяти человек.", "There were over sixty people.", "ru")
    assert f.severity == "warning" and "семидесяти (70)" in f.message
    assert numbers("Там было больше семидесяти человек.", "There were over seventy people.", "ru") == ()


@pytest.mark.parametrize("src, tgt, changed", [
    ("Abre todas as terças e sextas-feiras.", "It opens every Tuesday and Friday.", []),
    ("Abre todas as terças e sextas-feiras.", "It opens every Wednesday and Friday.", [("terças", "Wednesday")]),
    ("Abre às segundas-feiras.", "It opens on Tuesdays.", [("segundas-feiras", "Tuesdays")]),
    ("Fecha aos sábados e domingos.", "It closes on Saturdays and Mondays.", [("domingos", "Mondays")]),
    # short forms that are ordinals or nouns too count only where the other side names them
    ("Pela segunda vez, na quinta.", "For the second time, on Monday.", []),
    ("Abre na sexta.", "It opens on Friday.", []),
])
def test_portuguese_weekdays_short_and_in_the_plural_are_read(src: str, tgt: str,
                                                              changed: list[tuple[str, str]]) -> None:
    assert [(s.word, t.word) for s, t in changed_dates(src, "pt", tgt, "en")] == changed
