"""The numbers check on forms Turkish, Polish, Portuguese and Korean write their own way (a
tester's report, all false alarms or misquoted before): Turkish numbers written apart and with
case endings ('saat on birde' is 11), Polish thousands ('12 tys.', '3 tysiące') and
'1 200,50', sums grouped one way with decimals the other ('R$ 1.200,50' / '1,200.50'), Korean
native counts ('사과 다섯 개' is 5). Each faithful pair must be silent; each slip found, its
message quoting the numbers as the text writes them. Sentences written for these tests."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from alignment.number_words import compared_numbers
from alignment.numbers import quantities
from alignment.types import Alignment, Bitext, Finding, Link, Sentence

TR, PL, PT, KO, ES = ("tr", "en"), ("pl", "en"), ("pt", "en"), ("ko", "en"), ("es", "en")


def numbers(src: str, tgt: str, langs: tuple[str, str]) -> tuple[Finding, ...]:
    """Findings of the numbers check on a one-link bitext."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs)
    return run_checks(bitext, only=["numbers"])


FAITHFUL = [
    ("Ahmet saat on birde uyuyor.", "Ahmet sleeps at eleven.", TR),
    ("On iki kişi geldi.", "Twelve people came.", TR),
    ("Yirmi beş yaşında.", "She is 25.", TR),
    ("İki yüz on bir kişi geldi.", "211 people came.", TR),
    ("Saat beşte geldi.", "He came at five.", TR),
    ("Miasto ma 12 tys. mieszkańców.", "The town has 12,000 inhabitants.", PL),
    ("Miasto ma 12 tysięcy mieszkańców.", "The town has 12,000 inhabitants.", PL),
    ("Miasto ma 3 tysiące mieszkańców.", "The town has 3,000 inhabitants.", PL),
    ("В городе живут 12 тыс. человек.", "The town has 12,000 people.", ("ru", "en")),
    ("Он заплатил 3 тысячи рублей.", "He paid 3,000 roubles.", ("ru", "en")),
    ("Tem 5 mil habitantes.", "It has 5,000 inhabitants.", PT),
    ("Cuesta 2 mil euros.", "It costs 2,000 euros.", ("es", "en")),
    ("Costa 2 mila euro.", "It costs 2,000 euros.", ("it", "en")),
    ("450 bin liraya sattı.", "He sold it for 450,000 lira.", TR),
    ("Cuesta 2 mil millones.", "It costs 2 billion.", ("es", "en")),
    ("Kosztuje 1 200,50 zł.", "It costs 1,200.50 zloty.", PL),
    ("Kosztuje 1\u00a0200,50 zł.", "It costs 1,200.50 zloty.", PL),
    ("Custa 1.200,50 reais.", "It costs 1200.50 reais.", PT),
    ("사과 다섯 개를 샀습니다.", "I bought five apples.", KO),
    ("그녀는 스물세 살이에요.", "She is 23.", KO),
    ("열 시에 만나요.", "Let us meet at ten.", KO),
    # Spanish 'uno' is read as 1 (never the article: that is 'un', 'una'), also as a pronoun
    ("Capítulo uno: La llegada", "Chapter One: The Arrival", ES),
    ("Uno nunca sabe lo que traerán los dos días siguientes.",
     "One never knows what the next two days will bring.", ES),
    ("Uno nunca sabe lo que traerán los dos días siguientes.",
     "You never know what the next two days will bring.", ES),
    ("Uno se cansa de esperar cuatro horas.", "You get tired of waiting four hours.", ES),
    ("Se miraron el uno al otro durante tres minutos.",
     "The two of them looked at each other for three minutes.", ES),
    ("Uno y otro tenían veinte años.", "The two of them were twenty.", ES),
    ("Uno tras otro, los cinco hermanos salieron.", "The five brothers left in turn.", ES),
    ("Cada uno de ellos trajo una cesta.", "Each of the two brought a basket.", ES),
    ("Tenía treinta y uno años.", "He was thirty-one.", ES),
]


@pytest.mark.parametrize("src, tgt, langs", FAITHFUL)
def test_a_faithful_translation_is_silent(src: str, tgt: str, langs: tuple[str, str]) -> None:
    assert numbers(src, tgt, langs) == ()


SLIPS = [  # (src, tgt, langs, severity, the numbers the message quotes as written)
    ("Ahmet saat on birde uyuyor.", "Ahmet sleeps at ten.", TR, "warning", ["on bir (11)", "ten (10)"]),
    ("On iki kişi geldi.", "Thirteen people came.", TR, "warning", ["On iki (12)", "Thirteen (13)"]),
    ("Yirmi beş yaşında.", "She is 35.", TR, "warning", ["yirmi beş in the original", "35"]),
    ("Miał dwadzieścia pięć lat.", "He was 35.", PL, "warning", ["dwadzieścia pięć in the original"]),
    ("Kosztuje 1 200,50 zł.", "It costs 1,300.50 zloty.", PL, "error",
     ["1 200,50 in the original, 1,300.50 in the translation"]),
    ("Miasto ma 12 tysięcy mieszkańców.", "The town has 13,000 inhabitants.", PL, "error",
     ["12 tysięcy in the original, 13,000 in the translation"]),
    ("В городе живут 12 тыс. человек.", "The town has 13,000 people.", ("ru", "en"), "error",
     ["12 тыс. in the original, 13,000 in the translation"]),
    ("Cuesta 2 mil euros.", "It costs 3,000 euros.", ("es", "en"), "error",
     ["2 mil in the original, 3,000 in the translation"]),
    ("Custa R$ 1.200,50 no Brasil.", "It costs R$ 1,250.50 in Brazil.", PT, "error",
     ["1.200,50 in the original, 1,250.50 in the translation"]),
    ("Custa R$ 1.200,50 no Brasil.", "It costs R$ 2,200.50 in Brazil.", PT, "error",
     ["1.200,50 in the original, 2,200.50 in the translation"]),
    ("Custa R$ 1.200,50 no Brasil.", "It costs R$ 1.200 in Brazil.", PT, "error",
     ["1.200,50 in the original, 1.200 in the translation"]),
    ("사과 다섯 개를 샀습니다.", "I bought six apples.", KO, "warning", ["다섯 in the original", "six"]),
    ("그녀는 스물세 살이에요.", "She is 24.", KO, "error", ["스물세 in the original, 24 in the translation"]),
    ("Capítulo uno: La llegada", "Chapter Nine: The Arrival", ES, "warning", ["uno (1)", "Nine (9)"]),
    ("Página uno de cinco.", "Page two of five.", ES, "warning", ["uno (1)", "two (2)"]),
]


@pytest.mark.parametrize("src, tgt, langs, severity, quoted", SLIPS)
def test_a_slip_is_found_as_written(src: str, tgt: str, langs: tuple[str, str], severity: str,
                                    quoted: list[str]) -> None:
    found = numbers(src, tgt, langs)
    assert [f.severity for f in found] == [severity]
    assert all(q in found[0].message for q in quoted), found[0].message


@pytest.mark.parametrize("text, values", [
    ("Saat on birde uyuyor.", [11]),
    ("Yirmi beşte geldi.", [25]),
    ("Dördü de geldi.", [4]),
    ("Ona verdi, onda kaldı.", []),           # to him, at him: not 10
    ("Bu beste güzel, masanın altında.", []),  # a song, under the table: not 5, not 6
])
def test_turkish_words_read(text: str, values: list[int]) -> None:
    assert [n for n, *_ in compared_numbers(text, "tr")] == values


@pytest.mark.parametrize("text, values", [
    ("사과 다섯 개", [5]), ("스물 세 살", [23]), ("열한 명", [11]), ("두 시간", [2]),
    ("세대가 바뀌었다", []),        # a generation
    ("공부를 한 사람", []),        # the one who studied ('한': did)
    ("한 사람이 왔다", []),        # one, also 'a': left out
])
def test_korean_native_counts_read(text: str, values: list[int]) -> None:
    assert [int(q.value) for q in quantities(text)] == values
