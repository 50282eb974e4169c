"""Names in pinyin or Japanese romanisation changed against a Chinese or Japanese text
(name_readings.py, name_caseless.py): 'Li Wentao' written 'Zhang Wentao', 'Li Wenhao' or
'Zhang Hua', 'Shaoxing' written 'Suzhou', 'Kenji Sato' written 'Kenji Kato' drew no finding
at all: bigrams paired 'Zhang' with 著名 'ZhuMing' and 'Kato' with 佐藤 'sato', a name's run
('Zhang Wentao') counted as matched by any of its words, and the names check paired 'Wenhao'
with 李文涛 by bigrams and 'Beijing' with 上海 by a word link. Sentences written for these
tests; word vectors as in test_names_caseless (every pair unrelated but those listed), with
the encoder's cosines for the pairs the faithful texts need beyond their readings."""

from __future__ import annotations

import pytest

from alignment.checks import at_level, run_checks
from alignment.name_readings import read_alike, romanised
from tests.test_checks_fr import bitext
from tests.test_names_caseless import meanings

ZH = [
    ("茶馆由王志明开业。", "The tea house was opened by Wang Zhiming."),
    ("王志明出生在绍兴，后来到杭州。", "Wang Zhiming was born in Shaoxing and later came to Hangzhou."),
    ("著名画家李文涛每个星期都来。", "The famous painter Li Wentao came every week."),
    ("陈伟在上海读过大学，学的是经济。", "Chen Wei went to university in Shanghai, where he studied economics."),
    ("他后来回到杭州。", "He later returned to Hangzhou."),
    ("她在成都和重庆住过。", "She lived in Chengdu and Chongqing."),   # 都 and 重 read 'dou', 'zhong' by anyascii
]
JA = [
    ("図書館は田中一郎が建てた。", "The library was built by Ichiro Tanaka."),
    ("館長の佐藤健二は夜も開けた。", "The director, Kenji Sato, opened it at night too."),
    ("司書の山本美咲が目録を作った。", "The librarian Misaki Yamamoto made the catalogue."),
    ("田中は東京で働いた。", "Tanaka worked in Tokyo."),
    ("富士山は静岡県にある。", "Mount Fuji is in Shizuoka."),
    ("彼は北海道から来た。", "He came from Hokkaido."),
]
MEANINGS = {("tea", "茶馆"): 0.8, ("painter", "画家"): 0.8, ("library", "図書館"): 0.8,
            ("director", "館長"): 0.8, ("librarian", "司書"): 0.8, ("Mount", "富士山"): 0.6,
            # one unknown name read as another by the encoder (its cosines): no counterpart
            ("Suzhou", "杭州"): 0.64, ("Kato", "佐藤"): 0.67, ("Beijing", "上海"): 0.51, ("Shanghai", "北京"): 0.52}


def told(pairs: list[tuple[str, str]], langs: tuple[str, str]) -> list[tuple[int, str, str]]:
    """(link, severity, message) of the names check's findings at info level and above."""
    found = at_level(run_checks(bitext(pairs, langs), only=["names"], evidence=meanings(MEANINGS)), "info")
    return [(f.link, f.severity, f.message) for f in found]


def slipped(pairs: list[tuple[str, str]], k: int, old: str, new: str) -> list[tuple[str, str]]:
    assert old in pairs[k][1]
    return [(s, t.replace(old, new) if j == k else t) for j, (s, t) in enumerate(pairs)]


@pytest.mark.parametrize("pairs, lang", [(ZH, "zh"), (JA, "ja")])
@pytest.mark.parametrize("caseless_original", [True, False])
def test_faithful_names_in_pinyin_or_romaji_have_no_finding(pairs: list[tuple[str, str]], lang: str,
                                                            caseless_original: bool) -> None:
    if caseless_original:
        assert told(pairs, (lang, "en")) == []
    else:
        assert told([(t, s) for s, t in pairs], ("en", lang)) == []


@pytest.mark.parametrize("pairs, lang, k, old, new, name, word", [
    (ZH, "zh", 2, "Li Wentao", "Zhang Wentao", "Zhang", "'李文涛' (Liwentao)"),   # the surname
    (ZH, "zh", 2, "Li Wentao", "Li Wenhao", "Wenhao", "'李文涛' (Liwentao)"),     # a syllable of the given name
    (ZH, "zh", 2, "Li Wentao", "Zhang Hua", "Zhang", "'李文涛' (Liwentao)"),      # the whole name, told once
    (ZH, "zh", 1, "Shaoxing", "Suzhou", "Suzhou", "'绍兴' (Shaoxing)"),   # not 杭州 'HangZhou', Hangzhou's
    (ZH, "zh", 3, "Shanghai", "Beijing", "Beijing", "'上海' (Shanghai)"),   # not 经济 'JingJi' (economics)
    (JA, "ja", 1, "Kenji Sato", "Kenji Kato", "Kato", "'佐藤' (Sato)"),
    (JA, "ja", 0, "Ichiro Tanaka", "Ichiro Nakamura", "Nakamura", "'田中' (Tanaka)"),
    (JA, "ja", 2, "Misaki Yamamoto", "Misaki Yamada", "Yamada", "'山本' (Yamamoto)"),
])
def test_a_name_changed_in_the_translation_is_a_warning(pairs: list[tuple[str, str]], lang: str, k: int,
                                                        old: str, new: str, name: str, word: str) -> None:
    assert told(slipped(pairs, k, old, new), (lang, "en")) == [
        (k, "warning", f"name '{name}' in the translation; the original has {word} there?")]


@pytest.mark.parametrize("k, old, new, name, word", [
    (2, "李文涛", "张文涛", "Li", "'张文涛' (Zhangwentao)"),   # 'Li' is too short a name alone, but part of one
    (3, "上海", "北京", "Shanghai", "'北京' (Beijing)"),
])
def test_a_name_changed_in_a_chinese_translation_is_a_warning(k: int, old: str, new: str, name: str,
                                                              word: str) -> None:
    pairs = [(t, s) for s, t in ZH]
    pairs = [(s, t.replace(old, new) if j == k else t) for j, (s, t) in enumerate(pairs)]
    assert told(pairs, ("en", "zh")) == [(k, "warning", f"name '{name}' became {word}?")]


@pytest.mark.parametrize("name, form, japanese, alike", [
    ("Wentao", "李文涛", False, True), ("Li Wentao", "李文涛", False, True), ("Zhang", "李文涛", False, False),
    ("Wenhao", "李文涛", False, False), ("Suzhou", "杭州", False, False), ("Hangzhou", "杭州", False, True),
    ("Xi'an", "西安", False, True), ("Chengdu", "成都", False, True), ("Xiamen", "厦门", False, True),
    ("Sato", "佐藤", True, True), ("Satō", "佐藤", True, True), ("Kato", "佐藤", True, False),
    ("Fuji", "富士山", True, True), ("Shinjuku", "新宿駅", True, True), ("Hokkaido", "北海道", True, True),
    ("Ken'ichi", "健一", True, True), ("Nakamura", "田中", True, False),
])
def test_a_name_is_read_alike_only_as_the_reading_of_its_parts(name: str, form: str, japanese: bool,
                                                              alike: bool) -> None:
    assert read_alike(name, form, japanese) is alike


@pytest.mark.parametrize("name, japanese, written", [
    ("Suzhou", False, True), ("Qingfeng", False, True), ("Peking", False, False), ("Smith", False, False),
    ("Kato", True, True), ("Hokkaido", True, True), ("Mount", True, False), ("Prefecture", True, False),
])
def test_only_a_name_written_in_pinyin_or_romaji_is_compared_by_its_reading(name: str, japanese: bool,
                                                                            written: bool) -> None:
    assert romanised(name, japanese) is written
