"""The untranslated check on a Chinese clause copied into a translation beside its English:
Chinese words of one character ('我', '很', '去', '了') were left out as if they were initials,
so such a clause counted a fraction of its words and went unseen where a Korean or Japanese
one was found."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from alignment.types import Alignment, Bitext, Link, Sentence

# a translated link before the one tested: a text is read as written with case or not from
# its translation as a whole, as in a real file
CONTEXT = {
    "zh": "他每天早上六点起床，然后去公园跑步。",
    "ko": "그는 매일 아침 여섯 시에 일어나서 공원에 가서 달립니다.",
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
    # a clause left in Chinese beside the English: found, as in Korean and Japanese
    ("zh", "en", "昨天下午我和朋友在咖啡馆聊了很久。", "Yesterday afternoon 我和朋友在咖啡馆聊了很久。"),
    ("zh", "en", "他说：“我很想你，你什么时候回来？”", "He said: 我很想你，你什么时候回来？"),
    ("zh", "en", "他住在上海。我很喜欢这个城市。", "He lives in Shanghai. 我很喜欢这个城市。"),
    ("zh", "en", "我们到了以后，他还在睡觉。", "When we arrived 他还在睡觉。"),
    ("zh", "en", "她说我不知道他去哪儿了。", "She said 我不知道他去哪儿了。"),
    ("ko", "en", "어제 오후에 나는 친구와 카페에서 오래 이야기했다.", "Yesterday afternoon 나는 친구와 카페에서 오래 이야기했다."),
    ("ja", "en", "昨日の午後、私は友達と喫茶店で長く話した。", "Yesterday afternoon 私は友達と喫茶店で長く話した。"),
]
FAITHFUL = [
    # translated, or a name kept in its script: nothing to say
    ("zh", "en", "昨天下午我和朋友在咖啡馆聊了很久。", "Yesterday afternoon my friend and I talked for a long time in a café."),
    ("zh", "en", "他住在北京。", "He lives in 北京."),
    ("zh", "en", "他在东京大学医学部附属病院工作了十年。", "He worked at 东京大学医学部附属病院 for ten years."),
    ("zh", "en", "“福”字的意思是好运。", "The character 福 means good luck."),
    ("en", "zh", "Yesterday afternoon my friend and I talked for a long time.", "昨天下午我和朋友聊了很久。"),
    ("zh", "ja", "我去了东京大学医学部附属病院。", "東京大学医学部附属病院に行きました。"),
]


@pytest.mark.parametrize("src_lang, tgt_lang, src, tgt", CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_clause_left_untranslated_is_found(src_lang: str, tgt_lang: str, src: str, tgt: str) -> None:
    messages = _untranslated(src, tgt, src_lang, tgt_lang)
    assert len(messages) == 1 and f"look like {src_lang}" in messages[0]


@pytest.mark.parametrize("src_lang, tgt_lang, src, tgt", FAITHFUL,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(FAITHFUL)])
def test_translation_is_not_reported(src_lang: str, tgt_lang: str, src: str, tgt: str) -> None:
    assert _untranslated(src, tgt, src_lang, tgt_lang) == []
