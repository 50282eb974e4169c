"""Numbers in words and clock times compared by value in each language's own forms (the
numbers check): Russian '7 часов 15 минут' and 'в половине пятого', Portuguese 'oito e quinze
da manhã', French '7 h 15 du soir', Arabic feminine, oblique and dual forms ('اثنتا عشرة',
'كيلومترين'), Turkish 'saat üçte', Russian and Polish compounds ('сто шестьдесят'), Russian
ordinal dates ('Четырнадцатого марта'). Equal values draw no finding; different ones draw one
whose message names the values as a reader says them. Sentences written for these tests,
after the Arabic/Turkish, Russian/Polish/Portuguese and German/Portuguese proofreaders' files."""

from __future__ import annotations

import pytest

from alignment.checks import at_level, run_checks
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def checked(src_lang: str, src: str, tgt_lang: str, tgt: str) -> tuple[Finding, ...]:
    """Findings at info level and above of the numbers check on a one-link bitext."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), src_lang, tgt_lang)
    return at_level(run_checks(bitext, only=["numbers"]), "info")


# (src_lang, src, tgt_lang, tgt, None for no finding, or words the one finding's message holds)
CASES = [
    # Russian clock in figures and words
    ("ru", "Поезд отходил в 7 часов 15 минут.", "en", "The train left at 7:15.", None),
    ("ru", "Поезд отходил в 7 часов 15 минут.", "pl", "Pociąg odchodził o 7.15.", None),
    ("ru", "Поезд отходил в 7 часов 15 минут.", "pt", "O trem partia às 7h15.", None),
    ("ru", "Поезд отходил в 7 часов 15 минут.", "en", "The train left at 7:45.", "7:45"),
    ("ru", "Умер вчера, в половине пятого.", "en", "He died yesterday, at half past four.", None),
    ("ru", "Умер вчера, в половине пятого.", "en", "He died yesterday, at half past five.", "4:30"),
    ("ru", "Умер вчера, в половине пятого.", "en", "He died yesterday, at 4:30.", None),
    ("pl", "Umarł wczoraj, o wpół do piątej.", "en", "He died yesterday, at 4:30.", None),
    # Portuguese clock in words
    ("pt", "O comboio partia às oito e quinze da manhã.", "en", "The train left at 8:15 a.m.", None),
    ("pt", "Chegou às dez e quarenta e cinco.", "en", "She arrived at 10:45.", None),
    ("pt", "Marcava a hora certa: quatro e dezassete da tarde.", "en", "It showed the right time: 4:17 p.m.",
     None),
    ("pt", "Marcava a hora certa: quatro e dezassete da tarde.", "en", "It showed the right time: 4:17 a.m.",
     "16:17"),
    ("pt", "Chegou às dez e quarenta e cinco.", "en", "She arrived at 10:50.", "10:45"),
    # French day periods after a clock in figures
    ("de", "Der Regionalzug um 7.15 Uhr fiel aus.", "fr", "Le train régional de 7 h 15 du soir a été supprimé.",
     "du soir"),
    ("de", "Um 16.30 Uhr gab die Stadt eine Warnung heraus.", "fr",
     "À 4 h 30 du matin, la ville a émis une alerte.", "du matin"),
    ("de", "Um 16.30 Uhr gab die Stadt eine Warnung heraus.", "fr",
     "À 4 h 30 de l'après-midi, la ville a émis une alerte.", None),
    ("de", "Der Regionalzug um 19.15 Uhr fiel aus.", "fr", "Le train régional de 7 h 15 du soir a été supprimé.",
     None),
    # Arabic forms
    ("en", "She was 12 years old.", "ar", "كان عمرها اثنتا عشرة سنة.", None),
    ("en", "She was 12 years old.", "ar", "كان عمرها اثنتي عشرة سنة.", None),
    ("en", "Omar paid 12 dollars.", "ar", "دفع عمر اثني عشر دولارًا.", None),
    ("en", "The flight took 3 hours.", "ar", "استغرقت الرحلة ثلاث ساعات.", None),
    ("en", "They stayed 5 nights.", "ar", "أقاما خمس ليالٍ.", None),
    ("en", "The mosque took 7 years to build.", "ar", "استغرق بناء المسجد سبع سنوات.", None),
    ("en", "They waited 30 minutes.", "ar", "انتظرا ثلاثين دقيقة.", None),
    ("en", "They walked 2 kilometres.", "ar", "مشيا كيلومترين.", None),
    ("en", "The ticket cost 250 dollars.", "ar", "كلّفت التذكرة مئتين وخمسين دولارًا.", None),
    ("en", "The tour started at 3 o'clock.", "ar", "بدأت الجولة في الساعة الثالثة.", None),
    ("en", "She was 13 years old.", "ar", "كان عمرها اثنتي عشرة سنة.", "اثنتي عشرة"),
    ("en", "The ticket cost 350 dollars.", "ar", "كلّفت التذكرة مئتين وخمسين دولارًا.", "وخمسين"),
    ("en", "The tour started at 4 o'clock.", "ar", "بدأت الجولة في الساعة الثالثة.", "3:00"),
    # Turkish hours after 'saat'
    ("en", "The tour started at 3 o'clock.", "tr", "Tur saat üçte başladı.", None),
    ("en", "The tour started at 11 o'clock.", "tr", "Tur saat on birde başladı.", None),
    ("en", "The tour started at 2 o'clock.", "tr", "Tur saat ikide başladı.", None),
    ("en", "The tour started at 4 o'clock.", "tr", "Tur saat üçte başladı.", "üç"),
    # Russian and Polish compounds
    ("ru", "Всего сто шестьдесят вёрст.", "en", "Only a hundred and sixty versts.", None),
    ("ru", "Всего сто шестьдесят вёрст.", "en", "Only a hundred and ninety versts.", "сто шестьдесят"),
    ("ru", "Всего сто шестьдесят вёрст.", "en", "Only 120 versts.", "сто шестьдесят"),
    ("pl", "Raptem sto dwadzieścia wiorst.", "en", "Only 120 versts.", None),
    ("pl", "Raptem sto dwadzieścia wiorst.", "en", "Only 160 versts.", "sto dwadzieścia"),
    # Russian ordinal dates in words
    ("ru", "Четырнадцатого марта 1927 года он получил письмо.", "pt",
     "No dia 14 de março de 1927, ele recebeu uma carta.", None),
    ("ru", "Четырнадцатого марта 1927 года он получил письмо.", "en",
     "On the fourteenth of March 1927, he received a letter.", None),
    ("ru", "Четырнадцатого марта 1927 года он получил письмо.", "en",
     "On the fifteenth of March 1927, he received a letter.", "fifteenth"),
]


@pytest.mark.parametrize("src_lang, src, tgt_lang, tgt, expected", CASES)
def test_numbers_and_times_are_compared_by_value(src_lang: str, src: str, tgt_lang: str, tgt: str,
                                                 expected: str | None) -> None:
    found = checked(src_lang, src, tgt_lang, tgt)
    if expected is None:
        assert found == ()
    else:
        (finding,) = found
        assert finding.severity in ("warning", "error") and expected in finding.message
