"""The untranslated check for originals in scripts without letter case (Korean, Chinese,
Japanese, Arabic): a tester found no Korean or Chinese sentence left untranslated, for the
check kept only the words written in lower case."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from alignment.types import Alignment, Bitext, Link, Sentence


def _untranslated(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[str]:
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), src_lang, tgt_lang)
    return [f.message for f in run_checks(bitext, only=["untranslated"])]


CASES = [
    # left as it was
    ("ko", "en", "거기서 자전거를 탑니다.", "거기서 자전거를 탑니다.", "unchanged"),
    ("ko", "en", "날씨가 좋으면 사람들이 많습니다.", "날씨가 좋으면 사람들이 많습니다.", "unchanged"),
    ("zh", "en", "今天天气很好，我们去公园散步吧。", "今天天气很好，我们去公园散步吧。", "unchanged"),
    ("ja", "en", "今日は天気がいいので、公園を散歩しましょう。", "今日は天気がいいので、公園を散歩しましょう。",
     "unchanged"),
    ("ar", "en", "ذهب أحمد إلى البيت مساء أمس.", "ذهب أحمد إلى البيت مساء أمس.", "unchanged"),
    # ... or half of it
    ("ko", "en", "저녁에 민수는 한강 공원에 갑니다.", "In the evening 민수는 한강 공원에 갑니다.", "look like ko"),
    # translated: nothing to say
    ("ko", "en", "거기서 자전거를 탑니다.", "He rides a bike there.", None),
    ("zh", "en", "今天天气很好，我们去公园散步吧。", "The weather is nice today; let's walk in the park.", None),
    ("en", "ko", "He rides a bike there every day.", "그는 매일 거기서 자전거를 탑니다.", None),
    ("zh", "en", "他住在北京。", "He lives in 北京.", None),   # a name kept in its script
    # Chinese and Japanese write many words alike: in a translation without case, they are its own
    ("ja", "zh", "東京大学医学部附属病院に行きました。", "我去了东京大学医学部附属病院。", None),
    ("zh", "ja", "我去了东京大学医学部附属病院。", "東京大学医学部附属病院に行きました。", None),
    ("zh", "ja", "今天天气很好，我们去公园散步吧。", "今天天气很好，我们去公园散步吧。", "unchanged"),
]


@pytest.mark.parametrize("src_lang, tgt_lang, src, tgt, expected", CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_untranslated_in_scripts_without_case(src_lang: str, tgt_lang: str, src: str, tgt: str,
                                              expected: str | None) -> None:
    messages = _untranslated(src, tgt, src_lang, tgt_lang)
    if expected is None:
        assert messages == []
    else:
        assert len(messages) == 1 and expected in messages[0]
