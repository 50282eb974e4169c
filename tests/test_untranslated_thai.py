"""The untranslated check on Thai: a Thai sentence was one "word" (Thai writes no spaces between
words), so one copied into an English translation went unseen, whole or beside English words."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from alignment.types import Alignment, Bitext, Link, Sentence

CONTEXT = ("อุณหภูมิที่เชียงใหม่อาจลดลงถึง 8 องศาเซลเซียส",
           "Temperatures in Chiang Mai may fall to 8 degrees Celsius.")


def untranslated(src: str, tgt: str, src_lang: str = "th", tgt_lang: str = "en") -> list[tuple[str, str]]:
    """(message, marked text) of the untranslated check on a link after a translated one."""
    context = CONTEXT if src_lang == "th" else CONTEXT[::-1]
    bitext = Bitext((Sentence(context[0]), Sentence(src)), (Sentence(context[1]), Sentence(tgt)),
                    Alignment((Link((0,), (0,)), Link((1,), (1,)))), src_lang, tgt_lang)
    findings = run_checks(bitext, only=["untranslated"])
    assert all(f.link == 1 for f in findings)
    return [(f.message, tgt[s.start:s.end]) for f in findings for s in f.spans]


@pytest.mark.parametrize("src, tgt, left", [
    # the report's link: a Thai sentence before the English of the next one
    ("ในวันที่ ๒๐ ม.ค. ประชาชนควรเตรียมเสื้อผ้ากันหนาวให้พร้อม บนยอดดอยอินทนนท์ อุณหภูมิอาจต่ำกว่า 0 องศา",
     "ประชาชนควรเตรียมเสื้อผ้ากันหนาวให้พร้อม On the summit of Doi Inthanon, the temperature may drop "
     "below 0 degrees.", "ประชาชนควรเตรียมเสื้อผ้ากันหนาวให้พร้อม"),
    ("ฉันไปตลาดกับแม่ เราซื้อผลไม้หลายอย่าง", "I went to the market with my mother. เราซื้อผลไม้หลายอย่าง",
     "เราซื้อผลไม้หลายอย่าง"),
    ("เขาบอกว่าอุณหภูมิอาจลดลงถึง 8 องศา", "He said อุณหภูมิอาจลดลงถึง 8 องศา",
     "อุณหภูมิอาจลดลงถึง 8 องศา"),
])
def test_a_thai_sentence_left_in_a_translation_is_found(src: str, tgt: str, left: str) -> None:
    found = untranslated(src, tgt)
    assert len(found) == 1 and "look like th: untranslated?" in found[0][0] and left in found[0][1]


@pytest.mark.parametrize("src, tgt, src_lang, tgt_lang", [
    ("ฉันไปตลาดกับแม่ เราซื้อผลไม้หลายอย่าง", "I went to the market with my mother. We bought fruit.",
     "th", "en"),
    ("เขาทำงานที่โรงพยาบาลศิริราช", "He works at โรงพยาบาลศิริราช hospital.", "th", "en"),   # a name kept
    ("We bought many kinds of fruit at the market.", "เราซื้อผลไม้หลายอย่างที่ตลาด", "en", "th"),
])
def test_a_translation_is_not_reported(src: str, tgt: str, src_lang: str, tgt_lang: str) -> None:
    assert untranslated(src, tgt, src_lang, tgt_lang) == []
