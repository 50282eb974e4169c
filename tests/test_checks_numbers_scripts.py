"""The numbers check on numbers each script writes its own way: digits with Chinese, Japanese
and Korean units ('1万5千' is 15000), Arabic's separators ('١٥٬٠٠٠', '٣٫٥'), full-width
punctuation ('３．５'), Japanese era years ('令和8年' is 2026), numbers in Chinese characters
('十二个小时', '九点半', '二〇二六年') and the feminine and case forms of number words ('две',
'dwie', 'duas'). Each clean pair must be silent, each slip found (none was, or a clean pair
was flagged, before). Sentences written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from alignment.checks import run_checks
from alignment.numbers import quantities
from alignment.types import Alignment, Bitext, Finding, Link, Sentence


def numbers(src: str, tgt: str, langs: tuple[str, str]) -> tuple[Finding, ...]:
    """Findings of the numbers check on a one-link bitext."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs)
    return run_checks(bitext, only=["numbers"])


JA, KO, ZH, AR, RU, PL, PT, ES, DE = (("ja", "en"), ("ko", "en"), ("zh", "en"), ("ar", "en"), ("ru", "en"),
                                      ("pl", "en"), ("pt", "en"), ("es", "en"), ("de", "en"))

PAIRS = [  # (src, tgt, langs, the translation with a value changed)
    ("1万5千人が来た。", "15,000 people came.", JA, "25,000 people came."),
    ("部屋は1万5000円です。", "The room costs 15,000 yen.", JA, "The room costs 16,000 yen."),
    ("약 1만 5천 명이 왔다.", "About 15,000 people came.", KO, "About 16,000 people came."),
    ("予算は3億5000万円だ。", "The budget is 350 million yen.", JA, "The budget is 530 million yen."),
    ("令和8年12月4日に会った。", "We met on 4 December 2026.", JA, "We met on 4 December 2027."),
    ("令和元年5月1日に即位した。", "He acceded on 1 May 2019.", JA, "He acceded on 1 May 2018."),
    ("昭和六十四年一月七日", "7 January 1989", JA, "7 January 1988"),
    ("حضر ١٥٬٠٠٠ شخص.", "15,000 people came.", AR, "16,000 people came."),
    ("المسافة ٣٫٥ كم.", "The distance is 3.5 km.", AR, "The distance is 3.7 km."),
    ("距離は３．５キロ。", "The distance is 3.5 km.", JA, "The distance is 5.3 km."),
    ("她在路上走了十二个小时。", "She travelled for twelve hours.", ZH, "She travelled for 14 hours."),
    ("大约三公里。", "About 3 km.", ZH, "About 5 km."),
    ("房间每晚一万五千日元。", "The room is 15,000 yen a night.", ZH, "The room is 25,000 yen a night."),
    ("第二天早上九点半，她到了车站。", "The next morning at 9:30 she reached the station.", ZH,
     "The next morning at 10:30 she reached the station."),
    ("他有两个孩子。", "He has two children.", ZH, "He has three children."),
    ("二〇二六年十二月四日", "4 December 2026", ZH, "5 December 2026"),
    ("三点五公里", "3.5 km", ZH, "5.3 km"),
    ("下午三点十五分出发。", "We left at 3:15 pm.", ZH, "We left at 3:45 pm."),
    ("彼は二十歳だった。", "He was 20.", JA, "He was 21."),
    ("Она купила две книги.", "She bought two books.", RU, "She bought three books."),
    ("Она купила двадцать две книги.", "She bought 22 books.", RU, "She bought 23 books."),
    ("Kupiła dwie książki.", "She bought two books.", PL, "She bought three books."),
    ("Rozmawiał z trzema kobietami.", "He talked to three women.", PL, "He talked to four women."),
    ("Comprou duas casas.", "She bought two houses.", PT, "She bought three houses."),
    ("Tenía veintiuna casas.", "She had 21 houses.", ES, "She had 22 houses."),
]


@pytest.mark.parametrize("src, tgt, langs, changed", PAIRS)
def test_each_scripts_form_is_silent(src: str, tgt: str, langs: tuple[str, str], changed: str) -> None:
    assert numbers(src, tgt, langs) == ()


@pytest.mark.parametrize("src, tgt, langs, changed", PAIRS)
def test_a_changed_value_is_found(src: str, tgt: str, langs: tuple[str, str], changed: str) -> None:
    found = numbers(src, changed, langs)
    assert found and all(f.severity != "info" for f in found), found


@pytest.mark.parametrize("src, tgt, langs", [
    # 一 is also 'a' and in words, 十分 'very', 三明治 a sandwich, 第二天 'the next day'
    ("我们一起去吃三明治，十分好吃。", "We went together to eat sandwiches, very tasty.", ZH),
    ("他们一样高，还买了一些书。", "They are as tall, and bought some books.", ZH),
    ("万一他一直不来，我们统一安排。", "If he never comes, we arrange it all.", ZH),
    ("第二天早上，她出发了。", "The next morning she left.", ZH),
    ("几十个人来了，三四个人留下。", "Dozens came; a few stayed.", ZH),
    ("星期一我们见面。", "We meet on Monday.", ZH),
    ("一点一点地学。", "Learn bit by bit.", ZH),
    ("三分之一的人十分满意。", "A third of the people were very pleased.", ZH),
    ("千万不要说。", "Do not say it, by any means.", ZH),
    ("東京の一日", "A day in Tokyo", JA),
    ("Er kaufte eine Zeitung und einen Hut.", "He bought a paper and a hat.", DE),
    ("Compró una casa.", "She bought a house.", ES),
    ("Comprou uma casa.", "She bought a house.", PT),
    ("Она одна купила книгу.", "She alone bought a book.", RU),
])
def test_words_that_are_no_numbers_are_silent(src: str, tgt: str, langs: tuple[str, str]) -> None:
    assert numbers(src, tgt, langs) == ()


@pytest.mark.parametrize("text, values", [
    ("1万5千", [15000]), ("1万5000円", [15000]), ("약 1만 5천 명", [15000]), ("5千円", [5000]),
    ("1億2千万円", [120000000]), ("120万", [1200000]), ("3千米", [3]),
    ("١٥٬٠٠٠", [15000]), ("٣٫٥", [3.5]), ("١٢٬٣٤٥٫٦", [12345.6]), ("３．５", [3.5]),
    ("令和8年", [2026]), ("平成元年", [1989]), ("令和八年", [2026]),
    ("十二个小时", [12]), ("三公里", [3]), ("一万五千人", [15000]), ("二〇二六年十二月四日", [2026, 12, 4]),
    ("三十二年", [32]), ("一八八七年", [1887]), ("一千零一夜", [1001]), ("三亿人", [300000000]),
    ("百分之五十", [50]), ("三点五公里", [3.5]), ("十分钟", [10]), ("两个", [2]),
    ("十分好", []), ("三四个", []), ("十七八岁", []), ("五六年", []), ("几十个", []), ("一个人", []),
])
def test_values_read(text: str, values: list[float]) -> None:
    assert [q.value for q in quantities(text)] == [Decimal(str(v)) for v in values]


@pytest.mark.parametrize("text, time", [("九点半", 570), ("下午三点十五分", 915), ("午後三時", 900),
                                        ("１０：３０", 630)])
def test_clocks_in_characters(text: str, time: int) -> None:
    assert [(q.kind, q.value) for q in quantities(text)] == [("t", time)]


def test_spans_are_the_texts_own() -> None:
    """A number written in characters marks its characters, the ones after it where they were."""
    from alignment.number_scales import cjk_digits
    text = "她走了十二个小时，又走了一万五千米。"
    found = [text[q.start:q.end] for q in quantities(text)]
    assert found == ["十二", "一万五千"]
    assert cjk_digits(text)[0] == "她走了12个小时，又走了15000米。"


@pytest.mark.parametrize("src, tgt, langs, slip", [
    ("他每天早上六点起床。", "He gets up at 6 every morning.", ZH, "He gets up at 7 every morning."),
    ("他每天早上六点起床。", "He gets up at six every morning.", ZH, "He gets up at seven every morning."),
    ("下午三点开会。", "The meeting is at three in the afternoon.", ZH, "The meeting is at four in the afternoon."),
    ("他每天早上6点起床。", "He gets up at 6 every morning.", ZH, "He gets up at 8 every morning."),
    ("Il part à 16 h.", "He leaves at 4.", ("fr", "en"), "He leaves at 5."),
])
def test_a_whole_hour_said_by_its_number_alone(src, tgt, langs, slip):
    """'六点' / 'at six' was a warning, '6点' / 'at 6' an error: English says the hour alone.
    Another hour is still found."""
    assert numbers(src, tgt, langs) == ()
    assert numbers(src, slip, langs)
