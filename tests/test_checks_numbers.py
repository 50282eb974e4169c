"""The numbers check on numbers written in words (issue 12): ordinals ('2.' / 'Seconde'),
fractions ('5½' / 'cinq heures et demie', 'anderthalb') and times of day ('10 Uhr' / 'dix heures',
'midi', 'halb elf', 'half past ten').

Each clean pair (digits on one side, the same value in words on the other) must be silent;
the same pair with the value changed must still be found. Sentences written for these tests.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from alignment.checks import run_checks
from alignment.number_words import day_periods, spelled, spelled_time
from alignment.cjk import numeral_value
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def numbers(src: str, tgt: str, src_lang: str, tgt_lang: str) -> tuple[Finding, ...]:
    """Findings of the numbers check on a one-link bitext."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)),
                    src_lang, tgt_lang)
    return run_checks(bitext, only=["numbers"])


CLEAN = [  # (src, tgt, src_lang, tgt_lang)
    # ordinals: French 'second(e)' beside num2words' 'deuxième'
    ("Nach dem 2. Weltkrieg kam er.", "Après la Seconde Guerre mondiale il vint.", "de", "fr"),
    ("After the 2nd World War he came.", "Après la Seconde Guerre mondiale il vint.", "en", "fr"),
    ("Nach dem 2. Weltkrieg kam er.", "After the Second World War he came.", "de", "en"),
    ("Dopo la 2a guerra mondiale.", "Después de la segunda guerra mundial.", "it", "es"),
    # fractions
    ("Wir brauchten 5½ Stunden.", "Il nous fallut cinq heures et demie.", "de", "fr"),
    ("We needed 5½ hours.", "Il nous fallut cinq heures et demie.", "en", "fr"),
    ("Il nous fallut 5½ heures.", "We needed five and a half hours.", "fr", "en"),
    ("Il nous fallut 5½ heures.", "Wir brauchten fünfeinhalb Stunden.", "fr", "de"),
    ("Il nous fallut 3¼ heures.", "Il nous fallut trois heures et quart.", "fr", "fr"),
    ("Il nous fallut 3¾ heures.", "Wir brauchten drei und drei Viertel Stunden.", "fr", "de"),
    ("It took 2¼ hours.", "It took two and a quarter hours.", "en", "en"),
    ("Ci vollero 2½ ore.", "Tardamos dos horas y media.", "it", "es"),
    ("Demorou 2½ horas.", "Het duurde tweeënhalf uur.", "pt", "nl"),
    ("Het duurde 2½ dag.", "Demorou dois dias e meio.", "nl", "pt"),
    # times of day in words, either half of the day
    ("Sie erreichten den Gipfel um 10 Uhr.", "Ils atteignirent le sommet à dix heures.", "de", "fr"),
    ("Il arriva à 10 h.", "He arrived at ten o'clock.", "fr", "en"),
    ("He arrived at 10 o'clock.", "Er kam um zehn Uhr.", "en", "de"),
    ("Il arriva à 22 h.", "He arrived at ten o'clock at night.", "fr", "en"),
    ("Er kam um 16.30 Uhr.", "Il vint à quatre heures et demie.", "de", "fr"),
    ("Er kam um 16.30 Uhr.", "Il vint à seize heures trente.", "de", "fr"),
    ("Er kam um 12 Uhr.", "Il vint à midi.", "de", "fr"),
    ("Il arriva à 12 h.", "He arrived at noon.", "fr", "en"),
    ("Er kam um 24 Uhr.", "Il vint à minuit.", "de", "fr"),
    ("He came at 0:00.", "Er kam um Mitternacht.", "en", "de"),
    # times said from the hours around them; one and a half in one word
    ("Wir brachen um halb elf auf.", "We left at 10.30 a.m.", "de", "en"),
    ("We left at half past ten.", "Wir brachen um 10.30 Uhr auf.", "en", "de"),
    ("Um Viertel nach acht waren wir oben.", "À 8 h 15, nous étions au sommet.", "de", "fr"),
    ("Um Viertel vor neun waren wir oben.", "À 8 h 45, nous étions au sommet.", "de", "fr"),
    ("À neuf heures moins le quart, nous étions là.", "Um 8.45 Uhr waren wir da.", "fr", "de"),
    ("We left at a quarter to eleven.", "Nous partîmes à 10 h 45.", "en", "fr"),
    ("We vertrokken om half elf.", "We left at 10:30.", "nl", "en"),
    ("Cela dura 1½ heure.", "Es dauerte anderthalb Stunden.", "fr", "de"),
    # Chinese and Japanese numerals of years and ages (before 年, 歳, 岁); 一 elsewhere is 'a'
    ("In the winter of 1887 he sold the house.", "一八八七年の冬、彼は家を売った。", "en", "ja"),
    ("He had lived there for 32 years.", "他在那里住了三十二年。", "en", "zh"),
    ("他在1850年出生，活到七十岁。", "He was born in 1850 and lived to 70.", "zh", "en"),
    ("一个人走了。", "A man left.", "zh", "en"),
]

CHANGED = [  # the same kinds of pair, the value changed on one side
    ("Nach dem 2. Weltkrieg kam er.", "Après la Première Guerre mondiale il vint.", "de", "fr"),
    ("Nach dem 3. Weltkrieg kam er.", "After the Second World War he came.", "de", "en"),
    ("Wir brauchten 6½ Stunden.", "Il nous fallut cinq heures et demie.", "de", "fr"),
    ("Wir brauchten 5¼ Stunden.", "Il nous fallut cinq heures et demie.", "de", "fr"),
    ("We left at half past ten.", "Wir brachen um 11.30 Uhr auf.", "en", "de"),
    ("À neuf heures moins le quart, nous étions là.", "Um 9.45 Uhr waren wir da.", "fr", "de"),
    ("Um Viertel nach acht waren wir oben.", "À 8 h 45, nous étions au sommet.", "de", "fr"),
    ("Cela dura 2½ heures.", "Es dauerte anderthalb Stunden.", "fr", "de"),
    ("Il nous fallut 5½ heures.", "Wir brauchten sechseinhalb Stunden.", "fr", "de"),
    ("Sie erreichten den Gipfel um 10 Uhr.", "Ils atteignirent le sommet à onze heures.", "de", "fr"),
    ("Il arriva à 10 h.", "He arrived at nine o'clock.", "fr", "en"),
    ("Er kam um 16.30 Uhr.", "Il vint à quatre heures et quart.", "de", "fr"),
    ("Er kam um 16.30 Uhr.", "Il vint à seize heures quarante.", "de", "fr"),
    ("Il arriva à 11 h.", "He arrived at noon.", "fr", "en"),
    ("Il arriva à 12 h.", "He arrived at midnight.", "fr", "en"),
    ("In the winter of 1887 he sold the house.", "一八八八年の冬、彼は家を売った。", "en", "ja"),
    ("He had lived there for 32 years, since 1850.", "他从一八五〇年起在那里住了二十三年。", "en", "zh"),
]


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", CLEAN)
def test_number_in_words_on_one_side_is_silent(src: str, tgt: str, src_lang: str,
                                               tgt_lang: str) -> None:
    assert numbers(src, tgt, src_lang, tgt_lang) == ()


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", CHANGED)
def test_changed_value_in_words_is_still_found(src: str, tgt: str, src_lang: str,
                                               tgt_lang: str) -> None:
    (finding,) = numbers(src, tgt, src_lang, tgt_lang)
    assert finding.check == "numbers" and "numbers differ" in finding.message


WORDS = [  # (src, tgt, langs, finding): numbers written out in words on both sides (QA's tale)
    # the value changed: found at warning, by value
    ("La lumière ne tournait plus depuis trois jours.", "The light had not turned for two days.",
     ("fr", "en"), "trois (3) in the original, two (2) in the translation"),
    ("Il avait soixante-deux ans.", "He was sixty-five years old.", ("fr", "en"),
     "soixante-deux (62) in the original, sixty-five (65) in the translation"),
    ("Wir warteten drei Tage am Gletscher.", "Nous attendîmes deux jours au glacier.", ("de", "fr"),
     "drei (3) in the original, deux (2) in the translation"),
    ("Er war zweiundzwanzig Jahre alt.", "Il avait vingt-trois ans.", ("de", "fr"),
     "zweiundzwanzig (22) in the original, vingt-trois (23) in the translation"),
    # the same value: silent
    ("La lumière ne tournait plus depuis trois jours.", "The light had not turned for three days.", ("fr", "en"), None),
    ("Il avait soixante-deux ans.", "He was sixty-two years old.", ("fr", "en"), None),
    ("Wir warteten drei Tage am Gletscher.", "Nous attendîmes trois jours au glacier.", ("de", "fr"), None),
    # one ('un', 'une', 'a'), a number on one side only, an ordinal, days said for weeks, an hour
    # said from the next one: not compared
    ("Il resta une nuit et deux jours.", "He stayed one night and two days.", ("fr", "en"), None),
    ("Tous les deux avaient trois enfants.", "Both had three children.", ("fr", "en"), None),
    ("Il avait un habit neuf et deux chapeaux.", "He had a new coat and two hats.", ("fr", "en"), None),
    ("Il revint le trois mai.", "He came back on the third of May.", ("fr", "en"), None),
    ("Il partit pour quinze jours avec deux amis.", "He left for two weeks with two friends.", ("fr", "en"), None),
    ("Wir brachen um halb elf mit zwei Trägern auf.", "Nous partîmes à dix heures et demie avec deux porteurs.",
     ("de", "fr"), None),
    ("Wir blieben vierzehn Tage mit drei Trägern.", "Nous restâmes deux semaines avec trois porteurs.", ("de", "fr"), None),
    # a range on one side (Emma's gold links): not compared
    ("Un homme de vingt-sept ans.", "A man of six or seven-and-twenty.", ("fr", "en"), None),
    ("Un homme de trente-sept ans.", "A man about seven or eight-and-thirty.", ("fr", "en"), None),
    ("Er blieb zwei oder drei Tage.", "Il resta quatre jours.", ("de", "fr"), None),
    # in figures on one side: compared as figures, as before
    ("Il avait 62 ans.", "He was sixty-two years old.", ("fr", "en"), None),
]


@pytest.mark.parametrize("src, tgt, langs, finding", WORDS)
def test_numbers_in_words_on_both_sides_compared_by_value(src: str, tgt: str, langs: tuple[str, str],
                                                          finding: str | None) -> None:
    got = [(f.severity, f.message) for f in numbers(src, tgt, *langs)]
    assert got == ([("warning", f"numbers differ: {finding}")] if finding else [])


@pytest.mark.parametrize("value, text, lang, expected", [
    (Decimal("5.5"), "cinq heures et demie", "fr", True),
    (Decimal("5.5"), "cinq heures", "fr", False),          # the half is not said
    (Decimal("5.5"), "cinq ans, puis un jour et demi", "fr", False),  # too far apart
    (Decimal("5.75"), "fünf und drei Viertel", "de", True),
    (Decimal("5.3"), "cinq heures trente", "fr", False),   # not a half or quarter
    (Decimal("2"), "la seconde fois", "fr", True),
    (Decimal("2"), "la seconde fois", "xx", False),        # a language num2words lacks
])
def test_spelled_fractions_and_ordinals(value: Decimal, text: str, lang: str,
                                        expected: bool) -> None:
    assert spelled(value, text, lang) == expected


def test_noon_and_midnight_come_from_cldr() -> None:
    assert day_periods("fr") == {"midi": "noon", "minuit": "midnight"}
    assert spelled_time(0, "um Mitternacht", "de") and not spelled_time(12 * 60, "um Mitternacht", "de")
    assert not spelled_time(10 * 60, "dix", "fr")          # a number without a clock word


CLOCKS = {"fr": ("Il vint à {} h.", "Il vint à {} heures."), "de": ("Er kam um {} Uhr.", "Er kam um {} Uhr."),
          "en": ("He came at {} o'clock.", "He came at {} o'clock.")}


@pytest.mark.parametrize("hour", range(1, 24))
@pytest.mark.parametrize("langs", [("de", "fr"), ("fr", "en"), ("en", "de")])
def test_every_hour_in_words_read_and_an_hour_off_found(hour: int, langs: tuple[str, str]) -> None:
    """Digits on one side, num2words' cardinal on the other: the same hour (or the same in
    the twelve-hour reading) is silent; an hour off is found."""
    from num2words import num2words
    (src_lang, tgt_lang) = langs
    digits = CLOCKS[src_lang][0].format(hour)
    said = CLOCKS[tgt_lang][1].format
    twelve = hour % 12 or 12
    assert numbers(digits, said(num2words(twelve, lang=tgt_lang)), *langs) == ()
    off = num2words(twelve % 12 + 1, lang=tgt_lang)
    assert len(numbers(digits, said(off), *langs)) == 1


@pytest.mark.parametrize("numeral, value", [
    ("一八八七", 1887), ("二〇〇四", 2004), ("三十二", 32), ("十", 10), ("十二", 12),
    ("二千五百", 2500), ("三万", 30000), ("一万二千", 12000), ("两", 2),
])
def test_chinese_and_japanese_numerals(numeral: str, value: int) -> None:
    assert numeral_value(numeral) == value


@pytest.mark.parametrize("src, tgt", [
    ("Il avait parcouru cinquante kilomètres de montagne.", "He had walked thirty miles over the mountains."),
    ("Seul à deux mille mètres au-dessus de la terre.", "Alone five thousand feet above the earth."),
    ("Il paya vingt francs.", "He paid four dollars."),
])
def test_a_measure_in_words_the_translator_converted_is_no_finding(src, tgt):
    """Alibi's Maupassant converts kilometres to miles and metres to feet, in words."""
    assert not numbers(src, tgt, "fr", "en")
