"""Thai sentence ends crfcut gets wrong and thai.py's rules set right: a clock time's 'น.' ends
sentences ('...ถึง 16.30 น. การลงทะเบียน...'), a title's name is not cut from its surname nor from
the age after it, and a quotation's speech tag stays with it ('“จะไปไหนแต่เช้าเลย” เขาถาม')."""

from __future__ import annotations

import pytest

from alignment.segment import split_sentences


@pytest.mark.parametrize("sentences", [
    # a clock time ends the sentence: crfcut cuts after every stop, the abbreviation rule never did
    ["เกษตรกรสามารถลงทะเบียนได้ตั้งแต่เวลา 08.30 น. ถึง 16.30 น.",
     "การลงทะเบียนจะสิ้นสุดในวันที่ 31 มีนาคม 2568"],
    ["ผู้จัดงานขอให้ประชาชนมาถึงก่อนเวลา ๔.๓๐ น.",
     "ถนนราชดำเนินจะปิดการจราจรตั้งแต่เวลา 03.00 น. ถึง 09.00 น.",
     "ทั้งนี้ ผู้ว่าราชการกรุงเทพฯ ได้สั่งให้เจ้าหน้าที่ดูแลความปลอดภัยอย่างใกล้ชิด"],
    ["รถไฟเที่ยวสุดท้ายออกเวลา 23.00 น.", "ถ้าพลาดก็ต้องรอถึงเช้า"],
    # ... unless it opens the sentence (or the next word carries it on: below)
    ["เมื่อวันที่ 15 มกราคม พ.ศ. 2568 เวลา 14.30 น. เกิดเหตุไฟไหม้ที่ตลาดแห่งหนึ่ง", "ไม่มีผู้เสียชีวิต"],
    # a title's name and its surname, or the age after them, are no sentence of their own
    ["นางมาลี ศรีสุข อายุ ๕๒ ปี เป็นหนึ่งในผู้ค้าที่สูญเสียร้าน", "ตลาดแห่งนี้เปิดครั้งแรกเมื่อปี พ.ศ. 2510"],
    ["นางสมศรี ใจงาม อายุ 70 ปี อาศัยอยู่คนเดียวในบ้านหลังเล็ก", "ลูกหลานของเธอทำงานอยู่ในกรุงเทพฯ"],
    ["นายประยุทธ มั่นคง ชาวประมงวัย 58 ปี เล่าว่าปีนี้จับปลาได้น้อยมาก", "เขาต้องออกเรือไกลกว่าเดิม"],
    ["คุณสมศักดิ์ รักไทย เจ้าของร้านอาหาร บอกว่าลูกค้าลดลงครึ่งหนึ่ง", "เขาหวังว่าสถานการณ์จะดีขึ้น"],
    ["ชาวนาหลายคนดีใจ “เงินนี้ช่วยได้เยอะ” นายบุญมี แก้วมณี ชาวนาวัย 61 ปี กล่าว"],
    # ... but 'คุณ' the pronoun, and an age without a name before it, still end sentences
    ["คุณไปก่อนเลย", "ผมจะตามไปทีหลัง"],
    ["คุณชอบอาหารไทยไหม", "ฉันชอบมาก"],
    ["เด็กชายคนนั้นอายุ 10 ปี", "เขาชอบเล่นฟุตบอลกับเพื่อนหลังเลิกเรียน"],
    # a quotation's speech tag goes on, with '?' or without; one that is no tag does not
    ["“จะไปไหนแต่เช้าเลย” เขาถาม", "“วันนี้ฉันจะไปเชียงใหม่” เธอตอบ"],
    ["“รีบออกมาเร็ว ๆ” เขาตะโกน", "ทุกคนวิ่งออกจากอาคาร"],
    ["“จะไปไหน?” เขาถาม", "ฉันไม่ได้ตอบ"],
    ["“เราจะช่วยเหลือผู้ค้าทุกรายอย่างเต็มที่” เขากล่าว", "ผู้ค้าแต่ละรายจะได้รับเงินชดเชยรายละ 1,500 บาท"],
    ["“จะไปไหน?”", "เขาไม่ได้ตอบ"],
    # no cut inside a quotation that closes later in the paragraph
    ["ชาวนาคนหนึ่งบอกว่า “ปีที่แล้วข้าวราคาตกมาก เงินนี้ช่วยได้เยอะ”"],
])
def test_thai_sentences_are_cut_where_they_end(sentences: list[str]) -> None:
    assert split_sentences(" ".join(sentences), "th") == sentences


@pytest.mark.parametrize("text", [
    # after a clock time, a word that carries it on: of, every, at (a place), a range
    "ข่าวนี้ออกอากาศเมื่อเวลา 20.00 น. ของเมื่อวาน",
    "การประชุมจะเริ่มเวลา 13.30 น. ของวันจันทร์",
    "ขบวนรถไฟพิเศษจะออกจากสถานีเวลา 18.00 น. ทุกวันศุกร์",
    "งานเลี้ยงจะจัดขึ้นเวลา 18.00 น. ที่โรงแรมริมน้ำ",
    "ร้านเปิดตั้งแต่เวลา 10.00 น. - 22.00 น. ทุกวัน",
    "นัดกันวันที่ 5 ม.ค. ที่บ้านของฉัน",                 # a month's abbreviation goes on
])
def test_abbreviations_and_times_that_go_on_keep_one_sentence(text: str) -> None:
    assert split_sentences(text, "th") == [text]
