"""A currency changed beside an amount kept (number_currency.py, through the numbers check):
'48 millones de euros' / '$48 million' is a warning naming both; the same currency written
otherwise, '$' against dollars or pesos, a different amount in a different currency (a
conversion for the reader) and a currency without a figure are not. Sentences written for
these tests, fr/es/it/de/ru/ja/zh into English.
"""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from alignment.types import Alignment, Bitext, Link, Sentence


def _numbers(src: str, tgt: str, src_lang: str, tgt_lang: str = "en") -> list[str]:
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), src_lang, tgt_lang)
    return [f"{f.severity}: {f.message}" for f in run_checks(bitext, only=["numbers"])]


SLIPS = [  # (src, src_lang, tgt, the message)
    ("El plan costará 48 millones de euros.", "es", "The plan will cost $48 million.",
     "'48 millones de euros' became '$48 million'"),
    ("El kilo cuesta 2,80 euro.", "es", "A kilo costs £2.80.", "'2,80 euro' became '£2.80'"),
    ("Das Ticket kostet 3,40 Euro.", "de", "The ticket costs $3.40.", "'3,40 Euro' became '$3.40'"),
    ("Cuesta 20 euros.", "es", "It costs 20 dollars.", "'20 euros' became '20 dollars'"),
    ("El billete cuesta 139,90 €.", "es", "The ticket costs $139.90.", "'139,90 €' became '$139.90'"),
    ("Le billet coûte 12 €.", "fr", "The ticket costs 12 pounds.", "'12 €' became '12 pounds'"),
    ("Il biglietto costa 15 dollari.", "it", "The ticket costs €15.", "'15 dollari' became '€15'"),
    ("Das kostet 20 Franken.", "de", "That costs 20 euros.", "'20 Franken' became '20 euros'"),
    ("Это стоит 500 рублей.", "ru", "It costs 500 dollars.", "'500 рублей' became '500 dollars'"),
    ("Билет стоит 30 евро.", "ru", "The ticket costs $30.", "'30 евро' became '$30'"),
    ("チケットは50ドルです。", "ja", "The ticket costs €50.", "'50ドル' became '€50'"),
    ("予算は4800万ユーロです。", "ja", "The budget is 48 million dollars.", "'4800万ユーロ' became '48 million dollars'"),
    ("票价是30美元。", "zh", "The ticket costs 30 euros.", "'30美元' became '30 euros'"),
    ("预算为48亿欧元。", "zh", "The budget is $4.8 billion.", "'48亿欧元' became '$4.8 billion'"),
    ("Il costo è di 48 milioni di euro.", "it", "The cost is £48 million.", "'48 milioni di euro' became '£48 million'"),
    ("Le projet coûte 2 millions d'euros.", "fr", "The project costs CHF 2 million.",
     "'2 millions d'euros' became 'CHF 2 million'"),
    ("Es kostet 100 USD.", "de", "It costs 100 EUR.", "'100 USD' became '100 EUR'"),
    ("El menú cuesta 12 dólares.", "es", "The menu costs ¥12.", "'12 dólares' became '¥12'"),
    ("Il coûte 300 roubles.", "fr", "It costs 300 rupees.", "'300 roubles' became '300 rupees'"),
]


@pytest.mark.parametrize("src, src_lang, tgt, said", SLIPS)
def test_the_same_amount_in_another_currency_is_a_warning(src: str, src_lang: str, tgt: str, said: str) -> None:
    assert _numbers(src, tgt, src_lang) == [f"warning: currency changed: {said}?"]


CLEAN = [  # (src, src_lang, tgt)
    ("El plan costará 48 millones de euros.", "es", "The plan will cost €48 million."),
    ("El kilo cuesta 2,10 euros.", "es", "A kilo costs 2.10 euros."),
    ("Cuesta 20 dólares.", "es", "It costs $20."),            # '$' is a dollar sign ...
    ("Cuesta 20 pesos.", "es", "It costs $20."),              # ... and a peso sign
    ("Cuesta $20.", "es", "It costs 20 pesos."),
    ("Cuesta US$ 20.", "es", "It costs 20 dollars."),
    ("Das kostet 3,40 Euro.", "de", "That costs €3.40."),
    ("Das kostet Fr. 2.70.", "de", "That costs 2.70 francs."),
    ("Это стоит 500 рублей.", "ru", "It costs 500 roubles."),
    ("Это стоит 500 ₽.", "ru", "It costs 500 rubles."),
    ("チケットは500円です。", "ja", "The ticket costs ¥500."),
    ("票价是500元。", "zh", "The ticket costs ¥500."),
    ("票价是30美元。", "zh", "The ticket costs 30 US dollars."),
    ("Il biglietto costa 5 sterline.", "it", "The ticket costs £5."),
    ("Cuesta 20 euros.", "es", "It costs 22 dollars."),       # a conversion: the numbers check's
    ("Le billet coûte 12 €.", "fr", "The ticket costs £10."),
    ("La zona euro crece un 2 %.", "es", "The eurozone grows by 2%."),   # no figure beside 'euro'
    ("Le dollar a chuté.", "fr", "The dollar has fallen."),
    ("Le dollar a chuté de 3 %.", "fr", "The euro fell by 3%."),
    ("Il pèse 5 livres.", "fr", "It weighs 5 pounds."),
    ("Cuesta 20 euros y pesa 20 kilos.", "es", "It costs 20 euros and weighs 20 kilos."),
    ("In 2004 gewann sie 20 Euro.", "de", "In 2004 she won 20 euros."),
]


@pytest.mark.parametrize("src, src_lang, tgt", CLEAN)
def test_no_currency_finding_where_it_is_the_same_or_converted(src: str, src_lang: str, tgt: str) -> None:
    assert not [m for m in _numbers(src, tgt, src_lang) if "currency" in m]


def test_a_converted_amount_is_left_to_the_numbers_check() -> None:
    said = _numbers("Cuesta 20 euros.", "It costs 22 dollars.", "es")
    assert said and all("currency" not in m and "numbers differ" in m for m in said)


def test_amounts_are_paired_by_value_each_once() -> None:
    said = _numbers("Cuesta 20 euros o 20 dólares.", "It costs 20 euros or 20 pounds.", "es")
    assert said == ["warning: currency changed: '20 dólares' became '20 pounds'?"]
