"""Thai: sentences cut at the spaces that end them, words cut inside runs (alignment/thai.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from alignment.segment import segment_lines, split_sentences
from alignment.types import Document
from alignment.word_tokens import tokenize

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = ["วันนี้อากาศดีมาก", "ฉันไปตลาดกับแม่", "เราซื้อผลไม้หลายอย่าง", "แล้วเรากลับบ้านตอนเที่ยง"]
ENGLISH = ("The weather is very nice today. I went to the market with my mother. "
           "We bought many kinds of fruit. Then we came back home at noon.")


@pytest.mark.parametrize("sentences", [
    PARAGRAPH,
    # a name, numbers and Latin words inside a sentence do not cut it
    ["นายสมชาย ใจดี เป็นครูที่โรงเรียนบ้านนา", "เขาสอนวิชาคณิตศาสตร์มา 20 ปีแล้ว", "นักเรียนทุกคนรักเขามาก"],
    ["เมื่อวันที่ 5 มกราคม 2567 เกิดฝนตกหนักในกรุงเทพฯ", "ถนนหลายสายมีน้ำท่วมขัง",
     "การจราจรติดขัดเป็นเวลาหลายชั่วโมง"],
    ["บริษัทของเราใช้ระบบ Microsoft Office ในการทำงาน", "พนักงานทุกคนต้องเข้ารับการอบรมก่อนเริ่มงาน",
     "การอบรมใช้เวลาประมาณ 3 วัน"],
    ["คุณจะไปไหน?", "ฉันจะไปโรงพยาบาล", "แม่ของฉันป่วยตั้งแต่เมื่อวาน"],
    ["ร้านนี้ขายก๋วยเตี๋ยวอร่อยที่สุดในซอย", "ราคาชามละ 50 บาท", "ถ้ามาช้าก็จะไม่มีที่นั่ง"],
    # list items and a repeated word ('ๆ') are no sentences
    ["ในตู้เย็นมีนม ไข่ ผัก และผลไม้", "ฉันจะทำอาหารเช้าให้ทุกคน"],
    ["เขาเดินช้า ๆ ไปที่ประตู", "แล้วหันกลับมามองเราอีกครั้ง"],
    # an abbreviation's stop ends no Thai sentence ('พ.ศ.': Buddhist Era)
    ["โครงการนี้ได้รับงบประมาณ 1.5 ล้านบาทจากกระทรวงศึกษาธิการ", "คาดว่าจะแล้วเสร็จภายในปี พ.ศ. 2568"],
    ["บ้านหลังนี้สร้างขึ้นในปี 2510", "ตอนนี้มีคนอยู่อาศัยสามครอบครัว", "เจ้าของบ้านคนแรกเป็นทหารเรือ"],
    ["หนังสือเล่มนี้เขียนโดยนักเขียนชื่อดัง",
     "เรื่องราวเกี่ยวกับเด็กชายคนหนึ่งที่เติบโตในหมู่บ้านเล็ก ๆ ทางภาคเหนือ", "ฉันอ่านจบภายในสองวัน"],
])
def test_a_thai_paragraph_is_cut_into_its_sentences(sentences: list[str]) -> None:
    assert split_sentences(" ".join(sentences), "th") == sentences


@pytest.mark.parametrize("text", ["ดร. สมชายเป็นแพทย์ที่โรงพยาบาลนี้", "นัดกันวันที่ 5 ม.ค. ที่บ้านของฉัน",
                                  "ข่าวนี้ออกอากาศเมื่อเวลา 20.00 น. ของเมื่อวาน"])
def test_no_cut_after_a_thai_abbreviation(text: str) -> None:
    assert split_sentences(text, "th") == [text]


def test_one_sentence_a_line_stays_as_given() -> None:
    doc = Document(paragraphs=("\n".join(PARAGRAPH[:2]), PARAGRAPH[2] + " " + PARAGRAPH[3]))
    assert [s.text for s in segment_lines(doc, "th")] == [*PARAGRAPH[:2], " ".join(PARAGRAPH[2:])]


@pytest.mark.parametrize("text, words", [
    ("ฉันไปตลาดกับแม่", ["ฉัน", "ไป", "ตลาด", "กับ", "แม่"]),
    ("เราซื้อผลไม้ 3 กิโลกรัม ราคา 1,200 บาท",
     ["เรา", "ซื้อ", "ผลไม้", "3", "กิโลกรัม", "ราคา", "1,200", "บาท"]),
    # a Latin word or a number glued to Thai stays whole, as it is in other languages
    ("ซื้อiPhone15ที่ร้าน", ["ซื้อ", "iPhone15", "ที่", "ร้าน"]),
    ("ราคา100บาท", ["ราคา", "100", "บาท"]),
    ("แมวของฉันชื่อ“มะลิ”", ["แมว", "ของ", "ฉัน", "ชื่อ", "“", "มะลิ", "”"]),
])
def test_thai_tokens_are_words_with_their_spans(text: str, words: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == words
    assert all(t.text == text[t.start:t.end] for t in tokens)


def test_threads_cut_thai_at_once() -> None:
    """The reader links words and the app segments in the background: one CRF tagger and one
    dictionary serve every thread."""
    text = " ".join(PARAGRAPH)
    found: list[tuple[list[str], list[str]]] = []

    def cut() -> None:
        for _ in range(30):
            found.append((split_sentences(text, "th"), [t.text for t in tokenize(PARAGRAPH[1])]))

    threads = [threading.Thread(target=cut) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert found == [(PARAGRAPH, ["ฉัน", "ไป", "ตลาด", "กับ", "แม่"])] * 120


_OFFLINE = """
import socket, sys
def refused(*args, **kwargs):
    raise OSError("network used")
socket.socket.connect = socket.create_connection = refused
from alignment.segment import split_sentences
from alignment.word_tokens import tokenize
english = split_sentences("It rains. We stay in.", "en"), [t.text for t in tokenize("We stay in.")]
print("pythainlp" in sys.modules)
print(len(split_sentences(sys.argv[1], "th")), "ตลาด" in [t.text for t in tokenize(sys.argv[1])])
print("pythainlp" in sys.modules)
"""


def test_thai_is_cut_offline_writing_nothing_and_loaded_only_for_thai(tmp_path: Path) -> None:
    """PyThaiNLP downloads what it lacks and makes ~/pythainlp-data; neither here. Other
    languages do not even import it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHAINLP")}
    env.update(HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", _OFFLINE, " ".join(PARAGRAPH)], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "4", "True", "True"]
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def use_embedder():
    from alignment.registry import EMBEDDERS

    return EMBEDDERS["use"]()


def test_a_thai_english_paragraph_aligns_sentence_by_sentence(use_embedder) -> None:
    from alignment.pipeline import align_documents

    bitext = align_documents(Document(paragraphs=(" ".join(PARAGRAPH),)),
                             Document(paragraphs=(ENGLISH,)), src_lang="th", tgt_lang="en",
                             embedder=use_embedder)
    assert [(link.src, link.tgt) for link in bitext.alignment.links] == [((k,), (k,)) for k in range(4)]


@pytest.mark.parametrize("thai, english, word, linked", [
    ("ฉันไปตลาดกับแม่", "I went to the market with my mother.", "ตลาด", "market"),
    ("ฉันไปตลาดกับแม่", "I went to the market with my mother.", "แม่", "mother"),
    ("แมวของฉันชอบนอนบนโซฟา", "My cat likes to sleep on the sofa.", "แมว", "cat"),
    ("แมวของฉันชอบนอนบนโซฟา", "My cat likes to sleep on the sofa.", "โซฟา", "sofa"),
    ("เราซื้อผลไม้หลายอย่าง", "We bought many kinds of fruit.", "ผลไม้", "fruit"),
])
def test_thai_nouns_link_to_their_english_word(use_embedder, thai: str, english: str, word: str,
                                               linked: str) -> None:
    from alignment.words import link_tokens

    th, en = tokenize(thai), tokenize(english)
    links = link_tokens([(th, en)], embedder=use_embedder)[0]
    assert {en[w.tgt].text for w in links if th[w.src].text == word} == {linked}
