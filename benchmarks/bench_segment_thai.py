"""Thai sentence ends: segment.py with thai.py's crfcut, against a rule on spaces.

Thai writes no full stops; a space ends a sentence or a clause, and also stands around numbers,
Latin words, names and list items. Each paragraph below (written for this, everyday and news
prose) is a list of its sentences as an English translation would cut them; joined with
single spaces they give the paragraph. The last 22 try thai.py's rules: clock times ('น.'),
names after a title, ages in apposition and quotations' speech tags, with cases they must leave
alone ('คุณ' the pronoun, an age that ends a sentence). A boundary is a sentence start; scored:
precision, recall and F1 over the paragraphs' boundaries, for
- segment: split_sentences(text, "th"), as the tool cuts (crfcut at spaces, stops, ? and !);
- rule N: segment.py's general rules with every space between two Thai runs of N Thai
  characters or more (a number or a Latin word beside the space: no cut).

Usage: python benchmarks/bench_segment_thai.py
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from alignment.segment import split_sentences  # noqa: E402

PARAS = [
    ["วันนี้อากาศดีมาก", "ฉันไปตลาดกับแม่", "เราซื้อผลไม้หลายอย่าง", "แล้วเรากลับบ้านตอนเที่ยง"],
    ["นายสมชาย ใจดี เป็นครูที่โรงเรียนบ้านนา", "เขาสอนวิชาคณิตศาสตร์มา 20 ปีแล้ว", "นักเรียนทุกคนรักเขามาก"],
    ["เมื่อวันที่ 5 มกราคม 2567 เกิดฝนตกหนักในกรุงเทพฯ", "ถนนหลายสายมีน้ำท่วมขัง", "การจราจรติดขัดเป็นเวลาหลายชั่วโมง"],
    ["บริษัทของเราใช้ระบบ Microsoft Office ในการทำงาน", "พนักงานทุกคนต้องเข้ารับการอบรมก่อนเริ่มงาน", "การอบรมใช้เวลาประมาณ 3 วัน"],
    ["คุณจะไปไหน?", "ฉันจะไปโรงพยาบาล", "แม่ของฉันป่วยตั้งแต่เมื่อวาน"],
    ["ร้านนี้ขายก๋วยเตี๋ยวอร่อยที่สุดในซอย", "ราคาชามละ 50 บาท", "ถ้ามาช้าก็จะไม่มีที่นั่ง"],
    ["ประเทศไทยมี 77 จังหวัด", "จังหวัดที่ใหญ่ที่สุดคือนครราชสีมา", "ส่วนจังหวัดที่เล็กที่สุดคือสมุทรสงคราม"],
    ["เขาอยากไปเที่ยวทะเล แต่ไม่มีเงินพอ", "ดังนั้นเขาจึงตัดสินใจทำงานพิเศษในวันหยุด", "หลังจากนั้นสามเดือน เขาก็เก็บเงินได้ครบ"],
    ["ในตู้เย็นมีนม ไข่ ผัก และผลไม้", "ฉันจะทำอาหารเช้าให้ทุกคน"],
    ["เขาเดินช้า ๆ ไปที่ประตู", "แล้วหันกลับมามองเราอีกครั้ง"],
    ["โครงการนี้ได้รับงบประมาณ 1.5 ล้านบาทจากกระทรวงศึกษาธิการ", "คาดว่าจะแล้วเสร็จภายในปี พ.ศ. 2568"],
    ["นายกรัฐมนตรีเดินทางไปเยือนญี่ปุ่นเมื่อสัปดาห์ที่แล้ว", "ทั้งสองประเทศได้ลงนามในข้อตกลงทางการค้าฉบับใหม่", "ข้อตกลงนี้จะช่วยเพิ่มการส่งออกสินค้าเกษตรของไทย"],
    ["ดร. สมศรี มีสุข นักวิจัยจากมหาวิทยาลัยมหิดล กล่าวว่า โรคนี้ไม่ได้ติดต่อผ่านทางอากาศ", "ประชาชนจึงไม่ควรตื่นตระหนก"],
    ["ฉันตื่นนอนตอนหกโมงเช้า", "หลังจากอาบน้ำแล้ว ฉันก็กินข้าวกับไข่ดาว", "จากนั้นฉันขึ้นรถเมล์สาย 8 ไปทำงาน"],
    ["แมวของฉันชื่อมะลิ", "มันชอบนอนบนโซฟาทั้งวัน", "ตอนกลางคืนมันจะออกไปเดินเล่นในสวน"],
    ["หนังสือเล่มนี้เขียนโดยนักเขียนชื่อดัง", "เรื่องราวเกี่ยวกับเด็กชายคนหนึ่งที่เติบโตในหมู่บ้านเล็ก ๆ ทางภาคเหนือ", "ฉันอ่านจบภายในสองวัน"],
    ["รถไฟออกจากสถานีกรุงเทพเวลา 08.30 น.", "ใช้เวลาเดินทางประมาณ 12 ชั่วโมง", "ผู้โดยสารส่วนใหญ่เป็นนักท่องเที่ยวชาวต่างชาติ"],
    ["พ่อของฉันทำงานเป็นหมอ ส่วนแม่เป็นพยาบาล", "ทั้งสองคนทำงานที่โรงพยาบาลเดียวกัน", "พวกเขาพบกันครั้งแรกที่นั่นเมื่อสามสิบปีก่อน"],
    ["ฝนตกตั้งแต่เช้า", "เด็ก ๆ จึงเล่นอยู่ในบ้าน", "แม่ทำขนมให้กิน"],
    ["ผมไม่เคยไปต่างประเทศเลย", "ปีหน้าผมอยากไปเที่ยวญี่ปุ่นกับเพื่อน ๆ", "เราจะไปดูดอกซากุระที่เกียวโต"],
    ["บ้านหลังนี้สร้างขึ้นในปี 2510", "ตอนนี้มีคนอยู่อาศัยสามครอบครัว", "เจ้าของบ้านคนแรกเป็นทหารเรือ"],
    ["เธอซื้อโทรศัพท์ iPhone รุ่นใหม่ที่ห้าง Siam Paragon", "ราคาสูงกว่าที่คิดไว้มาก", "แต่เธอก็ยังพอใจกับการตัดสินใจครั้งนี้"],
    ["เมื่อคืนฉันฝันแปลก ๆ", "ในฝันฉันบินได้เหมือนนก", "ฉันบินข้ามภูเขาและแม่น้ำ", "พอตื่นขึ้นมาก็รู้สึกเหนื่อยมาก"],
    ["ครูบอกให้นักเรียนอ่านหนังสือบทที่ 4 ก่อนสอบ", "ข้อสอบจะมีทั้งหมด 50 ข้อ", "นักเรียนที่สอบผ่านจะได้รับประกาศนียบัตร"],
    ["ตลาดน้ำดำเนินสะดวกอยู่ที่จังหวัดราชบุรี", "มีนักท่องเที่ยวมาเที่ยวทุกวัน", "พ่อค้าแม่ค้าขายของบนเรือ", "สินค้าที่ขายดีที่สุดคือผลไม้และอาหาร"],
    # clock times ('น.'), titles and names, ages in apposition, quotations' speech tags
    ["ร้านเปิดทุกวันตั้งแต่เวลา 10.00 น. ถึง 22.00 น.", "วันหยุดนักขัตฤกษ์ร้านจะปิดเร็วกว่าปกติ"],
    ["เมื่อวันที่ 3 มีนาคม 2567 เวลา 09.15 น. เกิดอุบัติเหตุรถชนกันบนถนนพหลโยธิน", "มีผู้บาดเจ็บสองราย"],
    ["การประชุมจะเริ่มเวลา 13.30 น. ของวันจันทร์", "ผู้เข้าร่วมควรมาถึงก่อนเวลา 13.00 น.", "ห้องประชุมอยู่ที่ชั้นสาม"],
    ["รถไฟเที่ยวสุดท้ายออกเวลา 23.00 น.", "ถ้าพลาดก็ต้องรอถึงเช้า"],
    ["นางสาววิไล สุขใจ อายุ 35 ปี เป็นพยาบาลที่โรงพยาบาลศิริราช", "เธอทำงานที่นี่มานานกว่าสิบปีแล้ว"],
    ["นายประยุทธ มั่นคง ชาวประมงวัย 58 ปี เล่าว่าปีนี้จับปลาได้น้อยมาก", "เขาต้องออกเรือไกลกว่าเดิม"],
    ["คุณสมศักดิ์ รักไทย เจ้าของร้านอาหาร บอกว่าลูกค้าลดลงครึ่งหนึ่ง", "เขาหวังว่าสถานการณ์จะดีขึ้นในเร็ววัน"],
    ["สมชายทำงานที่บริษัทนี้มา 15 ปี", "ปีหน้าเขาจะเกษียณ"],
    ["คุณจะกินอะไรดี", "ผมขอข้าวผัดกุ้งหนึ่งจาน"],
    ["“พรุ่งนี้ฝนจะตกไหม” แม่ถาม", "ฉันบอกว่าไม่รู้"],
    ["“รีบออกมาเร็ว ๆ” เขาตะโกน", "ทุกคนวิ่งออกจากอาคาร"],
    ["“เธอชื่ออะไร” ครูถาม", "“หนูชื่อนิดค่ะ” เด็กหญิงตอบเสียงเบา"],
    ["คุณชอบอาหารไทยไหม", "ฉันชอบมากโดยเฉพาะต้มยำกุ้ง"],
    ["คุณไปก่อนเลย", "ผมจะตามไปทีหลัง"],
    ["ดร.วิชัย ทองดี หัวหน้าโครงการวิจัย เปิดเผยว่าผลการทดลองเป็นที่น่าพอใจ", "ทีมงานจะตีพิมพ์ผลงานในปีหน้า"],
    ["ตลาดนัดเปิดทุกวันเสาร์ เวลา 16.00 น. เป็นต้นไป", "มีอาหารและเสื้อผ้าราคาถูกจำนวนมาก"],
    ["เครื่องบินออกจากสนามบินสุวรรณภูมิเวลา 07.45 น.", "เราไปถึงโตเกียวตอนบ่ายสามโมง"],
    ["งานแต่งงานจะจัดขึ้นในวันเสาร์ที่ 12 ตุลาคม เวลา 18.00 น. ที่โรงแรมริมน้ำ", "ขอเชิญทุกท่านมาร่วมงาน"],
    ["“หิวข้าวหรือยัง” ยายถามหลานชาย", "หลานชายพยักหน้า"],
    ["“ระวังรถด้วยนะ” แม่บอก", "เด็ก ๆ เดินข้ามถนนอย่างระมัดระวัง"],
    ["นางสมศรี ใจงาม อายุ 70 ปี อาศัยอยู่คนเดียวในบ้านหลังเล็ก", "ลูกหลานของเธอทำงานอยู่ในกรุงเทพฯ"],
    ["เด็กชายคนนั้นอายุ 10 ปี", "เขาชอบเล่นฟุตบอลกับเพื่อนหลังเลิกเรียน"],
]
_THAI = re.compile(r"[\u0e01-\u0e5b]")


def _starts(sentences: list[str]) -> set[int]:
    out, at = set(), 0
    for s in sentences[:-1]:
        at += len(s) + 1
        out.add(at)
    return out


def _general(text: str) -> set[int]:
    """segment.py without thai.py: the cuts at stops, ? and !."""
    from alignment import segment
    saved, segment.thai_sentence_starts = segment.thai_sentence_starts, lambda text: set()
    try:
        return _starts(split_sentences(text, "th"))
    finally:
        segment.thai_sentence_starts = saved


def _rule(n: int) -> Callable[[str], set[int]]:
    def cut(text: str) -> set[int]:
        out = set()
        for m in re.finditer(" ", text):
            left, right = text[:m.start()].rsplit(" ", 1)[-1], text[m.end():].split(" ", 1)[0]
            if _THAI.match(left[-1:]) and _THAI.match(right[:1]) \
                    and len(_THAI.findall(left)) >= n and len(_THAI.findall(right)) >= n:
                out.add(m.end())
        return out | _general(text)
    return cut


def score(name: str, cut: Callable[[str], set[int]]) -> None:
    tp = fp = fn = 0
    started = time.perf_counter()
    for p in PARAS:
        gold, found = _starts(p), cut(" ".join(p))
        tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    print(f"{name:10} P {precision:.2f}  R {recall:.2f}  F1 {f1:.2f}  (wrong cuts {fp}, "
          f"missed {fn}; {time.perf_counter() - started:.2f} s)")


if __name__ == "__main__":
    split_sentences("ทดสอบ ทดสอบ", "th")   # load the model first
    print(f"{len(PARAS)} paragraphs, {sum(len(p) - 1 for p in PARAS)} boundaries, "
          f"{sum(' '.join(p).count(' ') for p in PARAS)} spaces")
    score("segment", lambda text: _starts(split_sentences(text, "th")))
    for n in (1, 2, 4, 6, 8):
        score(f"rule {n}", _rule(n))
