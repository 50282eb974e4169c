"""Names across scripts (issue 12: a counterpart is an identical or transliterated name): a
Russian original and its English translation, either way round. Before transliteration a
Cyrillic name and its Latin spelling shared no bigram, so 'Эрнесто Мартинес' / 'Ernesto
Martínez' read as two names that became two others. Sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from alignment.evidence import latin, similarity, word_spans, words_of
from alignment.lang import MARKS
from test_checks_fr import bitext, warnings


@pytest.mark.parametrize("a, b, low, high", [
    ("Мартинес", "Martínez", 0.9, 1.0),   # transliterated 'Martines', across scripts
    ("Лусия", "Lucía", 0.5, 0.7),         # 'Lusiya': a counterpart (name_similarity 0.5)
    ("Петров", "Ivanov", 0.0, 0.4),       # two names: not even a look-alike
    ("Ruhr", "Ruin", 0.4, 0.4),           # one script: the plain Dice, as before
    ("Russie", "Russia", 0.71, 0.72),
])
def test_similarity_across_scripts(a: str, b: str, low: float, high: float) -> None:
    assert low <= round(similarity(a, b), 2) <= high


def test_latin_leaves_latin_words_alone() -> None:
    assert latin("Martínez") == "Martínez" and latin("Œuvre") == "Œuvre"
    assert latin("Эрнесто") == "Ernesto"


@pytest.mark.parametrize("src, tgt, langs, expected", [
    ("Вчера Эрнесто Мартинес продал дом.", "Yesterday Ernesto Martínez sold the house.", ("ru", "en"), []),
    ("Вчера Лусия ушла.", "Yesterday Lucía left.", ("ru", "en"), []),
    ("Yesterday Ernesto Martínez sold the house.", "Вчера Эрнесто Мартинес продал дом.", ("en", "ru"), []),
])
def test_names_across_scripts(src: str, tgt: str, langs: tuple[str, str], expected: list[str]) -> None:
    assert warnings(bitext([(src, tgt)], langs), "names", {}) == expected


@pytest.mark.parametrize("text, words", [
    ("عاش فيه عامًا.", ["عاش", "فيه", "عامًا"]),            # tanwin (U+064B) inside the word
    ("यह पहला वाक्य है।", ["यह", "पहला", "वाक्य", "है"]),     # vowel signs (U+093E, U+094D)
    ("Él dijo: ¡Vámonos!", ["Él", "dijo", "Vámonos"]),
])
def test_words_keep_their_combining_marks(text: str, words: list[str]) -> None:
    assert [w for w, *_ in word_spans(text)] == words



@pytest.mark.parametrize("char, mark", [("\u064b", True), ("\u093e", True), ("\u0301", True),
                                        ("a", False), ("ا", False), ("1", False)])
def test_marks_are_the_combining_marks(char: str, mark: bool) -> None:
    assert (re.fullmatch(f"[{MARKS}]", char) is not None) is mark


@pytest.mark.parametrize("text, words", [
    ("医生说他还有六个月。", ["医生", "说", "他", "还有", "六个月"]),
    ("ルシアは答えなかった。", ["ルシア", "は", "答え", "なかっ", "た"]),
    ("He said 北京.", ["He", "said", "北京"]),
])
def test_chinese_and_japanese_words_for_the_checks(text: str, words: list[str]) -> None:
    spans = word_spans(text)
    assert [w for w, *_ in spans] == words == words_of(text)
    assert all(text[a:b] == w for w, a, b in spans)
