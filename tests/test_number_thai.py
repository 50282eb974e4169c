"""Thai numbers in the numbers check (number_thai): Buddhist Era years ('พ.ศ. 2568' is 2025), scale
words after figures ('45,000 ล้านบาท' is 45 billion baht), number words ('หนึ่งแสน', 'สิบฟอง'),
clocks ('ตีห้า' 5 a.m., 'สองทุ่มครึ่ง' 8:30 p.m., 'บ่ายสามโมง' 3 p.m.), months and weekdays
('ม.ค.', 'วันจันทร์'). A correct pair draws no finding; a slip draws one naming the values.
Sentences written for these tests, after a Thai-English translator's files."""

from __future__ import annotations

from decimal import Decimal

import pytest

from alignment.checks import at_level, run_checks
from alignment.number_thai import numeral_value
from alignment.numbers import quantities
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def checked(src_lang: str, src: str, tgt_lang: str, tgt: str) -> tuple[Finding, ...]:
    """Findings at info level and above of the numbers check on a one-link bitext."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), src_lang, tgt_lang)
    return at_level(run_checks(bitext, only=["numbers"]), "info")


def assert_finding(found: tuple[Finding, ...], expected: tuple[str, str] | None) -> None:
    """No finding where expected is None, else one at the severity given whose message holds the words."""
    if expected is None:
        assert found == (), [f.message for f in found]
        return
    severity, words = expected
    assert [f.severity for f in found] == [severity], [f.message for f in found]
    assert words in found[0].message


# (src_lang, src, tgt_lang, tgt, None for no finding or (severity, words of its message))
YEARS = [
    ("th", "เขาเกิดเมื่อ พ.ศ. 2530", "en", "He was born in 1987.", None),
    ("th", "เขาเกิดเมื่อ พ.ศ. 2530", "en", "He was born in 1988.", ("error", "พ.ศ. 2530")),
    ("th", "เขาเกิดเมื่อปี ๒๕๓๐", "en", "He was born in 1987.", None),
    ("th", "เขาเกิดเมื่อปี ๒๕๓๐", "en", "He was born in 1986.", ("error", "1986")),
    ("th", "ตลาดเปิดครั้งแรกเมื่อปี พ.ศ. 2510", "en", "The market first opened in 1967.", None),
    ("th", "งานนี้จัดทุกปีตั้งแต่ พ.ศ.2540", "en", "The event has been held every year since 1997.", None),
    ("th", "เมื่อวันที่ 15 มกราคม พ.ศ. 2568", "en", "On 15 January 2025.", None),
    ("th", "เมื่อวันที่ 15 มกราคม พ.ศ. 2568", "en", "On 15 January 2024.", ("error", "2024")),
    ("th", "สิ้นสุดในวันที่ 31 มีนาคม 2568", "en", "It closes on 31 March 2025.", None),
    ("th", "ประชุมวันที่ 5 ม.ค. 68", "en", "The meeting is on 5 January 2025.", None),
    ("th", "เขามีอายุ 25 ปี", "en", "He is 25 years old.", None),
    # English original, Thai translation
    ("en", "The market first opened in 1967.", "th", "ตลาดเปิดครั้งแรกเมื่อปี พ.ศ. 2510", None),
    ("en", "The market first opened in 1967.", "th", "ตลาดเปิดครั้งแรกเมื่อปี พ.ศ. 2511", ("error", "2511")),
]

SCALES_AND_WORDS = [
    ("th", "งบประมาณ 45,000 ล้านบาท", "en", "The budget is 45 billion baht.", None),
    ("th", "งบประมาณ 45,000 ล้านบาท", "en", "The budget is 45 million baht.", ("error", "45,000 ล้าน")),
    ("th", "งบประมาณ 1.5 ล้านบาท", "en", "The budget is 1.5 million baht.", None),
    ("th", "งบประมาณ 1.5 ล้านบาท", "en", "The budget is 1,500,000 baht.", None),
    ("th", "มีผู้ชม 3 แสนคน", "en", "There were 300,000 viewers.", None),
    ("th", "มีผู้ชม 3 แสนคน", "en", "There were 30,000 viewers.", ("error", "3 แสน")),
    ("th", "มีผู้ชม 5 หมื่นคน", "en", "There were 50,000 viewers.", None),
    ("th", "ราคา 2 พันบาท", "en", "It costs 2,000 baht.", None),
    ("th", "งบ 1.5 แสนล้านบาท", "en", "A budget of 150 billion baht.", None),
    ("th", "บ้านราคาหนึ่งแสนบาท", "en", "The house costs 100,000 baht.", None),
    ("th", "บ้านราคาหนึ่งแสนบาท", "en", "The house costs 10,000 baht.", ("error", "หนึ่งแสน")),
    ("th", "อย่าลืมซื้อไข่สิบฟอง", "en", "Don't forget to buy ten eggs.", None),
    ("th", "อย่าลืมซื้อไข่สิบฟอง", "en", "Don't forget to buy 10 eggs.", None),
    ("th", "อย่าลืมซื้อไข่สิบฟอง", "en", "Don't forget to buy twelve eggs.", ("warning", "twelve")),
    ("th", "มีนักเรียนยี่สิบเอ็ดคน", "en", "There are 21 pupils.", None),
    ("th", "มีนักเรียนยี่สิบเอ็ดคน", "en", "There are 12 pupils.", ("error", "ยี่สิบเอ็ด")),
    ("th", "ห้องนี้มีเก้าอี้ ๑๒ ตัว", "en", "This room has 12 chairs.", None),
    ("th", "ไข่หนึ่งฟอง", "en", "1 egg.", None),
]

CLOCKS = [
    ("th", "เขาตื่นตอนตีห้า", "en", "He woke up at 5 a.m.", None),
    ("th", "เขาตื่นตอนตีห้า", "en", "He woke up at 6 a.m.", ("error", "ตีห้า")),
    ("th", "เขาตื่นตอนตี 5", "en", "He woke up at 5 a.m.", None),
    ("th", "เขามาถึงตอนสองทุ่มครึ่ง", "en", "He arrived at 8:30 p.m.", None),
    ("th", "เขามาถึงตอนสองทุ่มครึ่ง", "en", "He arrived at 9:30 p.m.", ("error", "สองทุ่มครึ่ง")),
    ("th", "รถออกตรงเวลาสามทุ่ม", "en", "The bus left at 9 p.m. sharp.", None),
    ("th", "รถออกตรงเวลาสามทุ่ม", "en", "The bus left at 3 p.m. sharp.", ("error", "สามทุ่ม")),
    ("th", "ประชุมเวลาบ่ายสามโมง", "en", "The meeting is at 3 p.m.", None),
    ("th", "ประชุมเวลาบ่ายสามโมง", "en", "The meeting is at 15:00.", None),
    ("th", "ประชุมเวลาบ่ายสามโมง", "en", "The meeting is at 4 p.m.", ("error", "บ่ายสามโมง")),
    ("th", "ประชุมเวลาบ่ายสามโมง", "en", "The meeting is at three in the afternoon.", None),
    ("th", "ประชุมเวลาบ่ายสามโมง", "en", "The meeting is at four in the afternoon.", ("warning", "four")),
    ("th", "รถไฟจะถึงเวลาประมาณ ๗ โมงเช้า", "en", "The train arrives at about 7 a.m.", None),
    ("th", "รถไฟจะถึงเวลาประมาณ ๗ โมงเช้า", "en", "The train arrives at about 9 a.m.", ("error", "๗ โมงเช้า")),
    ("th", "ร้านปิดห้าโมงเย็น", "en", "The shop closes at 5 p.m.", None),
    ("th", "ร้านปิดห้าโมงเย็น", "en", "The shop closes at 5 a.m.", ("error", "ห้าโมงเย็น")),
    ("th", "เราพบกันตอนเที่ยง", "en", "We met at noon.", None),
    ("th", "เราพบกันตอนเที่ยง", "en", "We met at 12:00.", None),
    ("th", "เราพบกันตอนเที่ยงคืน", "en", "We met at midnight.", None),
    ("th", "เราพบกันตอนเที่ยงคืน", "en", "We met at 12 p.m.", ("error", "เที่ยงคืน")),
    ("en", "He woke up at 5 a.m.", "th", "เขาตื่นตอนตีสี่", ("error", "ตีสี่")),
]

CALENDAR = [
    ("th", "เขาเกิดเมื่อวันที่ 5 ม.ค. 2530", "en", "He was born on 5 January 1987.", None),
    ("th", "เขาเกิดเมื่อวันที่ 5 ม.ค. 2530", "en", "He was born on 5 February 1987.", ("warning", "'ม.ค.'")),
    ("th", "เขาเกิดเมื่อวันที่ 5 มกราคม 2530", "en", "He was born on 5 January 1987.", None),
    ("th", "เขาเกิดเมื่อวันที่ 5 มกราคม 2530", "en", "He was born on 5 March 1987.", ("warning", "'มกราคม'")),
    ("th", "ร้านเปิดวันจันทร์", "en", "The shop opens on Monday.", None),
    ("th", "ร้านเปิดวันจันทร์", "en", "The shop opens on Friday.", ("warning", "'วันจันทร์'")),
    ("en", "The shop opens on Friday.", "th", "ร้านเปิดวันพฤหัสบดี", ("warning", "'วันพฤหัสบดี'")),
]


@pytest.mark.parametrize(("src_lang", "src", "tgt_lang", "tgt", "expected"), YEARS)
def test_buddhist_era_years(src_lang: str, src: str, tgt_lang: str, tgt: str,
                            expected: tuple[str, str] | None) -> None:
    assert_finding(checked(src_lang, src, tgt_lang, tgt), expected)


@pytest.mark.parametrize(("src_lang", "src", "tgt_lang", "tgt", "expected"), SCALES_AND_WORDS)
def test_scale_words_and_number_words(src_lang: str, src: str, tgt_lang: str, tgt: str,
                                      expected: tuple[str, str] | None) -> None:
    assert_finding(checked(src_lang, src, tgt_lang, tgt), expected)


@pytest.mark.parametrize(("src_lang", "src", "tgt_lang", "tgt", "expected"), CLOCKS)
def test_clocks(src_lang: str, src: str, tgt_lang: str, tgt: str, expected: tuple[str, str] | None) -> None:
    assert_finding(checked(src_lang, src, tgt_lang, tgt), expected)


@pytest.mark.parametrize(("src_lang", "src", "tgt_lang", "tgt", "expected"), CALENDAR)
def test_months_and_weekdays(src_lang: str, src: str, tgt_lang: str, tgt: str,
                             expected: tuple[str, str] | None) -> None:
    assert_finding(checked(src_lang, src, tgt_lang, tgt), expected)


@pytest.mark.parametrize(("words", "value"), [
    ("สิบ", 10), ("ยี่สิบเอ็ด", 21), ("สามสิบสอง", 32), ("ร้อยเอ็ด", 101), ("สองร้อยห้าสิบ", 250),
    ("หนึ่งแสน", 100_000), ("สองล้านห้าแสน", 2_500_000), ("สี่หมื่นห้าพันล้าน", 45_000_000_000),
    ("ล้านล้าน", 10**12), ("สองสาม", None), ("สองสิบ", None), ("เอ็ด", None),
])
def test_numeral_value(words: str, value: int | None) -> None:
    assert numeral_value(words) == value


@pytest.mark.parametrize("text", [
    "ห้องนี้มีเก้าอี้",       # a chair, not nine
    "สามีของเธอหกล้ม",       # her husband fell, not three or six
    "เขาไปหาเพื่อนที่ห้าง",   # to look for (หา), a mall (ห้าง): not five
    "วันหนึ่งเขามาที่นี่",     # one day: 'a', no number
    "เธอพันแผลให้เขา",       # to wrap a wound, no thousand
    "สุนัขพันธุ์ไทย 5 พันธุ์",  # five breeds, not five thousand
    "ตี 3 ครั้ง",             # hit three times, no clock
    "เขาเป็นคนเที่ยงธรรม",     # fair, not noon
])
def test_words_that_are_no_number(text: str) -> None:
    """Thai words that hold a number word's letters, or number words in another sense, are read
    as no number beyond the figures written."""
    assert [(q.kind, q.value) for q in quantities(text)] == \
        [("n", Decimal(d)) for d in ("5", "3") if d in text]


@pytest.mark.parametrize(("tgt", "expected"), [
    ("At 5 a.m. he found what he was looking for.", "numbers differ: nothing in the original, 5 a.m. in the translation"),
    ("He found the six things he was looking for.", None),
])
def test_thai_number_words_keep_their_tone_marks(tgt: str, expected: str | None) -> None:
    """'ห้า' (five) was read as 'หา' (to look for) with its tone mark dropped, so 'เขาเจอของที่หา'
    (he found what he looked for) drew "numbers differ: หา in the original, 5 a.m." and "หา (5) ...
    six (6)"; 'หา' is no number."""
    found = checked("th", "เขาเจอของที่หา", "en", tgt)
    assert [f.message for f in found] == ([expected] if expected else [])
