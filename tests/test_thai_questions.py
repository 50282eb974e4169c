"""Thai asks with words, seldom with '?': the question check took every Thai question of a
correct story for a statement ('only the translation asks a question', 6 times), and must still
tell a question from the same words used as 'nothing', 'anyone' or 'I don't know where'."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from alignment.types import Alignment, Bitext, Link, Sentence


def questions(src: str, tgt: str, src_lang: str = "th", tgt_lang: str = "en") -> list[tuple[str, str]]:
    """(message, the text each finding marks) of the question check on one link."""
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), src_lang, tgt_lang)
    texts = {"src": src, "tgt": tgt}
    return [(f.message, texts[s.side][s.start:s.end]) for f in run_checks(bitext, only=["question"])
            for s in f.spans]


@pytest.mark.parametrize("thai, english", [
    ("“สมชาย กินข้าวหรือยังลูก”", "“Somchai, have you eaten yet, son?”"),       # particle, vocative
    ("“ถุงละเท่าไหร่ครับยาย”", "“How much is a bag, Grandma?”"),
    ("“จะไปไหนแต่เช้าเลย” เขาถาม", "“Where are you going so early?” he asked."),
    ("“ยินดีด้วยนะ รถออกกี่โมง”", "“Congratulations! What time does your bus leave?”"),
    ("“จำปลาตัวใหญ่ตัวนั้นได้ไหม” มาลีหัวเราะ", "“Do you remember that big fish?” Malee laughed."),
    ("“ทำไมกลับช้าจัง”", "“Why are you back so late?”"),
    ("คุณคิดว่าเขาจะมาไหม", "Do you think he will come?"),
    ("คุณชื่ออะไรคะ", "What is your name?"),
])
def test_a_thai_question_without_a_question_mark_is_a_question(thai: str, english: str) -> None:
    assert questions(thai, english) == []
    assert questions(english, thai, "en", "th") == []   # Thai the translation


@pytest.mark.parametrize("thai, english", [
    ("ฉันไม่มีอะไรจะพูด", "I have nothing to say."),
    ("ไม่มีใครมา", "Nobody came."),
    ("ใครก็ได้ช่วยด้วย", "Anyone, help!"),
    ("ฉันไม่รู้ว่าเขาไปไหน", "I don't know where he went."),
    ("เขาไม่รู้ว่าจะมาหรือไม่", "He does not know whether he will come."),
    ("อย่างไรก็ตาม เขาก็มา", "However, he came."),
    ("เขาซื้อผ้าไหมสองผืน", "He bought two lengths of silk."),
    ("เกิดเหตุไฟไหม้ที่ตลาด", "A fire broke out at the market."),
    ("เราอยู่ที่นี่ไม่กี่วัน", "We stay here a few days."),
])
def test_question_words_used_otherwise_ask_nothing(thai: str, english: str) -> None:
    assert questions(thai, english) == []


@pytest.mark.parametrize("thai, english, marked", [
    ("จำได้ไหม", "I remember.", ("only the original asks a question", "ไหม")),
    ("ทำไมกลับช้าจัง", "You are back late.", ("only the original asks a question", "ทำไม")),
    ("ฉันกลับบ้านแล้ว", "Did I go home?", ("only the translation asks a question", "?")),
])
def test_a_question_on_one_side_only_is_still_found(thai: str, english: str, marked) -> None:
    assert questions(thai, english) == [marked]


def test_other_languages_ask_only_with_a_question_mark() -> None:
    assert questions("Il ne sait pas pourquoi", "Why?", "fr", "en") == \
        [("only the translation asks a question", "?")]
