"""Thai words for the names check (evidence.word_spans): Thai writes no spaces between words, so
a run between spaces is a clause, and the check quoted whole clauses as the original's 'name'
("the original has 'อุณหภูมิที่เชียงใหม่อาจลดลงถึง' there?"). Runs are cut into words
(thai.split), a person's name after its title kept whole (the dictionary cuts สมชาย: สม|ชาย)."""

from __future__ import annotations

import pytest

from alignment.evidence import word_spans
from tests.test_names_changed import names


@pytest.mark.parametrize("text, words", [
    ("อุณหภูมิที่เชียงใหม่อาจลดลงถึง 8 องศา", ["อุณหภูมิ", "ที่", "เชียงใหม่", "อาจ", "ลดลง", "ถึง", "องศา"]),
    # a title, the given name whole after it, the surname after a space
    ("นายสมชาย ใจดี ผู้อำนวยการเขตบางรัก", ["นาย", "สมชาย", "ใจดี", "ผู้อำนวยการ", "เขต", "บาง", "รัก"]),
    ("นางมาลี ศรีสุข อายุ 52 ปี", ["นาง", "มาลี", "ศรีสุข", "อายุ", "ปี"]),
    # no title: 'นายกรัฐมนตรี' is the prime minister, 'คุณ' the pronoun you
    ("นายกรัฐมนตรี กล่าว", ["นายกรัฐมนตรี", "กล่าว"]),
    ("คุณไปก่อน ผมจะตามไป", ["คุณ", "ไป", "ก่อน", "ผม", "จะ", "ตาม", "ไป"]),
    # other scripts as before, beside Thai too
    ("iPhone ที่ร้าน Central", ["iPhone", "ที่", "ร้าน", "Central"]),
])
def test_thai_runs_are_cut_into_words(text: str, words: list[str]) -> None:
    spans = word_spans(text, "th")
    assert [w for w, *_ in spans] == words
    assert all(text[a:b] == w for w, a, b in spans)


TRAVEL = "นักท่องเที่ยวเดินทางไปเชียงใหม่"
TOURISTS = {("นักท่องเที่ยว", "Tourists"): 0.8}


@pytest.mark.parametrize("src, tgt, cosines, found", [
    # the name's counterpart is a word of the clause: nothing said
    (TRAVEL, "Tourists travelled to Chiang Mai.", {**TOURISTS, ("เชียงใหม่", "Chiang"): 0.88}, []),
    ("ขบวนรถไฟพิเศษจะออกจากสถานีกลางกรุงเทพอภิวัฒน์เวลา 18.00 น.",
     "A special train will leave Krung Thep Aphiwat Central Terminal at 6 p.m.", {}, []),
    ("นายสมชาย ใจดี กล่าวว่า ตลาดจะเปิดพรุ่งนี้", "Mr Somchai Jaidee said the market would open tomorrow.",
     {("นาย", "Mr"): 0.75, ("ใจดี", "Jaidee"): 0.62}, []),
    # another name: the message quotes the word it faces, not its clause
    (TRAVEL, "Tourists travelled to Lampang.", {**TOURISTS, ("เชียงใหม่", "Lampang"): 0.5},
     ["name 'Lampang' in the translation; the original has 'เชียงใหม่' (Echiyngaihm) there?"]),
])
def test_the_names_check_reads_thai_words(src: str, tgt: str, cosines: dict[tuple[str, str], float],
                                          found: list[str]) -> None:
    assert names([(src, tgt)], ("th", "en"), cosines, level="info") == found
