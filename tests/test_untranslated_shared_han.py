"""The untranslated check on Chinese–Japanese pairs: a name or a heading of names written in
Han characters is the same in both languages ('上海' / '上海', '第一章'), and was reported as
'the original unchanged'; a Chinese sentence copied unchanged into the Japanese is still found."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from alignment.types import Alignment, Bitext, Link, Sentence

CONTEXT = {
    "zh": "他每天早上六点起床，然后去公园跑步。",
    "ja": "彼は毎朝六時に起きて、公園へ走りに行きます。",
    "en": "He gets up at six every morning and goes for a run in the park.",
}


def _untranslated(src: str, tgt: str, src_lang: str, tgt_lang: str) -> list[str]:
    links = (Link((0,), (0,)), Link((1,), (1,)))
    bitext = Bitext((Sentence(CONTEXT[src_lang]), Sentence(src)),
                    (Sentence(CONTEXT[tgt_lang]), Sentence(tgt)), Alignment(links), src_lang, tgt_lang)
    findings = run_checks(bitext, only=["untranslated"])
    assert all(f.link == 1 for f in findings)
    return [f.message for f in findings]


CASES = [
    # names and headings of names both languages write alike: translated right
    ("zh", "ja", "上海", "上海", None),
    ("ja", "zh", "東京", "東京", None),
    ("zh", "ja", "东京", "東京", None),
    ("ja", "zh", "東京大学医学部附属病院", "東京大学医学部附属病院", None),
    ("zh", "ja", "第一章 北京", "第一章 北京", None),
    ("zh", "ja", "北京，上海", "北京，上海", None),
    ("zh", "ja", "李白诗选", "李白诗选", None),
    # a Chinese sentence copied into the Japanese: no kana where a sentence needs some
    ("zh", "ja", "我们明天去北京看长城。", "我们明天去北京看长城。", "unchanged"),
    ("zh", "ja", "北京是中国的首都", "北京是中国的首都", "unchanged"),
    ("zh", "ja", "今天天气很好", "今天天气很好", "unchanged"),
    ("zh", "ja", "他来了！", "他来了！", "unchanged"),
    # ... and a Japanese one copied into the Chinese
    ("ja", "zh", "東京へ行きました。", "東京へ行きました。", "unchanged"),
    # other pairs as before: a Chinese name kept unchanged in an English translation is a copy
    ("zh", "en", "上海", "上海", "unchanged"),
]


@pytest.mark.parametrize("src_lang, tgt_lang, src, tgt, expected", CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_shared_han_names_are_no_slip(src_lang: str, tgt_lang: str, src: str, tgt: str,
                                      expected: str | None) -> None:
    messages = _untranslated(src, tgt, src_lang, tgt_lang)
    if expected is None:
        assert messages == []
    else:
        assert len(messages) == 1 and expected in messages[0]
