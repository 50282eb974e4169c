"""Words and sentences of Thai, which writes no spaces between words and no full stops.

Part of the segment and word-links stages. A space in Thai ends a sentence or a clause, so
segment.py's rules (a stop, then a space) kept a whole paragraph as one sentence, and
word_tokens.tokenize's regex took each space-separated run, a clause, for one "word".

Library, and why: PyThaiNLP (Apache-2.0, pure Python, its dictionary (CC0) and models
(CC-BY-4.0) in the wheel). Words: its dictionary-based "newmm" cutter, the usual Thai word
segmenter (1,000 sentences in 0.13 s; its dictionary takes 0.35-0.5 s to load, once).
Sentences: its CRF model "crfcut" (trained on TED talks; needs python-crfsuite, MIT), taken
only where it ends a sentence at a space, so a cut never falls inside a run and nothing is
lost. Measured on 25 paragraphs written for it (49 sentence ends among 105 spaces; `python
benchmarks/bench_segment_thai.py`), with segment.py's general rules beside it: boundary F1
0.88 (precision 0.91) against 0.85 for the best rule on spaces (a space between two Thai runs
of 6 letters or more), which cuts clauses ('...มหาวิทยาลัยมหิดล กล่าวว่า...') and misses
sentences ending on a short word ('...50 บาท'). Its cost: 10-20 µs a character (a
300,000-character book: 3-6 s).

crfcut cuts after every stop, so after a clock time's 'น.' as after 'พ.ศ.', and never after a
time without one; it cuts a name from its surname ('นายบุญมี | แก้วมณี'), a name from the age
after it, and a quotation from its speech tag ('“...” | เขาถาม'). `_goes_on` drops those cuts
and decides at a clock time. With it, on those 25 paragraphs and 22 more that try these rules
(72 sentence ends among 193 spaces): F1 0.90 (precision 0.93), against 0.82 (0.83) without.

PyThaiNLP fetches a corpus it lacks from the internet, and makes ~/pythainlp-data when it is
imported; only what its wheel bundles is used here, so `_pythainlp` turns both off first.
It is imported only when Thai text is met: other languages pay nothing.
"""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache
from types import ModuleType

from .cjk import tokens_at
from .types import Token

# Thai letters, vowel and tone marks, digits and signs (ฯ ๆ ๏)
THAI = re.compile(r"[\u0e01-\u0e5b]")
_THAI_RUN = re.compile(r"[\u0e01-\u0e5b]+")
# An abbreviation: a Thai letter and a stop ('ดร.', 'พ.ศ.', 'ม.ค.'); Thai ends no sentence
# with a stop, so no sentence ends here, except after a clock time (_CLOCK)
ABBREVIATION = re.compile(r"[\u0e01-\u0e4e]\.$")
_CRF_LOCK = threading.Lock()
# A clock time: '16.30 น.' (นาฬิกา, o'clock) ends Thai times and often sentences ('...ถึง 16.30 น.
# การลงทะเบียน...'), but crfcut cuts after every stop and never without one, so it cannot tell
_CLOCK = re.compile(r"\S*\d ?น\.$")
# ... the first word after it carries the time on: a range ('08.30 น. ถึง 16.30 น.', '-'), 'of'
# ('20.00 น. ของเมื่อวาน'), 'every' ('18.00 น. ทุกวันศุกร์'), 'onwards', 'and', 'or', a date,
# 'local time', 'sharp', and 'at' before the place (ณ, ที่: 'เวลา 18.00 น. ที่โรงแรม...')
_CLOCK_GOES_ON = frozenset("ถึง จนถึง ของ ทุก ทุกวัน เป็นต้นไป และ หรือ ณ ที่ วันที่ ตามเวลา ตรง "
                           "- –".split())
# ... or only a date and a time came before it in the sentence, which opens with them
# ('เมื่อวันที่ 15 มกราคม พ.ศ. 2568 เวลา 14.30 น. เกิดเหตุ...'): the words of dates and times
_WHEN = frozenset(
    "เมื่อ วันที่ วัน ที่ ใน เวลา ตั้งแต่ ตอน ช่วง ประมาณ ราว ของ นี้ ถึง จนถึง ก่อน หลัง ก่อนเวลา "
    "พรุ่งนี้ วันนี้ วันพรุ่งนี้ เมื่อวาน เมื่อวานนี้ คืน เช้า บ่าย เย็น ค่ำ "
    "จันทร์ อังคาร พุธ พฤหัส พฤหัสบดี ศุกร์ เสาร์ อาทิตย์ "
    "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม "
    "พฤศจิกายน ธันวาคม".split())
# Titles before a person's given name, one word with it ('นายบุญมี', not 'นายกรัฐมนตรี' (prime
# minister), 'คุณภาพ' (quality) or 'คุณแม่'); crfcut cuts the name from the surname after it
_TITLE = re.compile(r"(?:นางสาว|นาย|นาง|คุณ|ดร\.?)(?=[\u0e01-\u0e2e])")
# Words of a clause that no name holds: pronouns, auxiliaries, negation, particles; they tell
# 'คุณ' the pronoun ('คุณไปก่อน ผมจะตามไป': you go first. I'll follow) from the title
_CLAUSE_WORDS = frozenset("ผม ฉัน ดิฉัน หนู เขา เธอ เรา มัน คุณ จะ ไม่ ได้ ต้อง ควร กำลัง เคย "
                          "อยาก ก็ แล้ว ว่า ครับ ค่ะ คะ นะ จ้ะ ไหม มั้ย หรือ เถอะ สิ ล่ะ".split())
MAX_SURNAME = 12  # letters of a given name or a surname, at most
# A person's age in apposition after the name: 'นางมาลี ศรีสุข อายุ ๕๒ ปี เป็น...' (Mrs Malee
# Srisuk, 52, is...), 'นายบุญมี แก้วมณี ชาวนาวัย 61 ปี กล่าว' (a farmer aged 61, said); two runs
# at most between the name and the age (a surname, a post)
_AGED = re.compile(r"(?:^|\s)(?:อายุ|\S+วัย) ?\d+ ?ปี$")
# A quotation's speech tag: a verb of saying, after a subject glued to it at most ('“จะไปไหน”
# เขาถาม', 'มาลีพูด', 'เธอตอบ'), as in other languages (segment_langs._SPEECH_TAG); not after a
# negation ('“...” เขาไม่ได้ตอบ': he did not answer, a sentence of its own)
SPEECH_TAG = re.compile(r"(?:(?!ไม่)[^\s“”\"«»]){0,10}?"
                        r"(?:ถาม|พูด|บอก|ตอบ|กล่าว|ตะโกน|กระซิบ)")
_CLOSING_QUOTES = "”\"’'»"


@lru_cache(maxsize=1)
def _pythainlp() -> ModuleType:
    """pythainlp.tokenize, offline and writing nothing (PYTHAINLP_OFFLINE: a missing corpus is
    an error, not a download; PYTHAINLP_READ_ONLY: no ~/pythainlp-data). Both are read when
    PyThaiNLP is imported and when it looks for data, so they are set before the import."""
    os.environ["PYTHAINLP_OFFLINE"] = "1"
    if "PYTHAINLP_READ_MODE" not in os.environ:  # its older name: both set is an error there
        os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    import pythainlp.tokenize
    return pythainlp.tokenize


def words(run: str) -> list[str]:
    """`run` (a token without spaces holding Thai) cut into words, in order; joined they give
    `run` back. Only its Thai stretches go to newmm: a Latin word or a number glued to Thai
    ('iPhone15ที่ร้าน') stays whole, as it is in other languages."""
    parts: list[str] = []
    at = 0
    for m in _THAI_RUN.finditer(run):
        if m.start() > at:
            parts.append(run[at:m.start()])
        cut = _pythainlp().word_tokenize(m.group(), engine="newmm-safe", keep_whitespace=True)
        parts.extend(cut if "".join(cut) == m.group() else [m.group()])
        at = m.end()
    if at < len(run):
        parts.append(run[at:])
    return [p for p in parts if p]


def split(word: str, start: int) -> list[Token]:
    """The token `word` (at `start`) as the words a reader sees, each with its span."""
    return tokens_at(words(word), start)


def split_keeping_names(run: str, start: int, before: str | None) -> list[Token]:
    """`run` (at `start`) cut into words as `split` does, a person's name kept whole: the
    dictionary cuts a given name it does not hold (สมชาย: สม|ชาย, 'Som' and 'Chai'), and its
    first piece passed for the counterpart of another name ('Somsak'). A given name is the run
    after its title ('นายสมชาย': นาย|สมชาย), the surname the run after that (`before`: the run
    one space before, or None)."""
    title = _TITLE.match(run)
    if title is not None and _titled(run):
        at = len(title.group().rstrip("."))
        return tokens_at([run[:at], run[at:]], start)
    if before is not None and len(run) <= MAX_SURNAME and _titled(before) and _name_like(run):
        return tokens_at([run], start)
    return split(run, start)


def sentence_starts(text: str) -> set[int]:
    """Offsets in `text` (one paragraph, single spaces) where a Thai sentence starts after a
    space, as crfcut reads it, less the cuts a rule knows to be inside a sentence (_goes_on)."""
    if not THAI.search(text):
        return set()
    _pythainlp()
    from pythainlp.tokenize import crfcut  # after _pythainlp: its model is loaded on import
    with _CRF_LOCK:  # one CRF tagger for the process: it keeps the sequence it tags
        sentences = crfcut.segment(text)
    if "".join(sentences) != text:
        return set()
    starts, at, begun = set(), 0, 0
    for sentence in sentences[:-1]:
        at += len(sentence)
        start = at if text[at - 1:at] == " " else at + 1 if text[at:at + 1] == " " else None
        if start is not None and start < len(text) \
                and not _goes_on(text[begun:start - 1], text[start:]):
            starts.add(start)
            begun = start
    return starts


def _goes_on(left: str, right: str) -> bool:
    """Does the sentence `left` (from its start) go on into `right` past the space crfcut cut?
    Yes after an abbreviation ('พ.ศ. 2568', 'ดร. สมศรี'), where crfcut cuts after every stop,
    but after a clock time only where the next word carries the time on or the time opens the
    sentence; yes before a quotation's speech tag, inside and after a person's name that opens
    the sentence, and after an age in apposition to a name: no sentence ends with them."""
    clock = _CLOCK.search(left)
    if clock:
        first = words(right.split(" ", 1)[0])[:1]
        return bool(first) and first[0] in _CLOCK_GOES_ON or _only_when(left[:clock.start()])
    if ABBREVIATION.search(left):
        return True
    if left.count("“") > left.count("”") and "”" in right:   # inside a quotation that closes
        return True                                       # later: '“…ตกมาก เงินนี้…”'
    if left.endswith(tuple(_CLOSING_QUOTES)) and SPEECH_TAG.match(right):
        return True
    runs, following = left.split(), right.split(" ", 1)[0]
    if not runs:
        return False
    if _titled(runs[-1]) and len(following) <= MAX_SURNAME and _name_like(following):
        return True   # 'นายบุญมี แก้วมณี': a given name and the surname after it
    if len(runs) <= 2 and _titled(runs[0]) and all(_name_like(r) for r in runs[1:]):
        return True   # 'คุณสมศักดิ์ รักไทย เจ้าของร้าน...': a name alone is no sentence
    tail = left[-200:]   # the name and the age: a long sentence is not searched whole
    aged = _AGED.search(tail)
    return aged is not None and any(_titled(r) for r in tail[:aged.start()].split()[-3:])


def _only_when(before: str) -> bool:
    """Is `before` (a sentence up to a clock time) only a date and the word 'at' (เวลา)?"""
    for run in before.split():
        if "." not in run and any(c.isalpha() for c in run) \
                and not all(word in _WHEN for word in words(run)):
            return False
    return True


def _titled(run: str) -> bool:
    """Is `run` a title and a given name ('นายบุญมี', 'ดร.สมศรี')?"""
    title = _TITLE.match(run)
    return title is not None and words(run)[0] == title.group().rstrip(".") \
        and len(run) - title.end() <= MAX_SURNAME and _name_like(run[title.end():])


def _name_like(run: str) -> bool:
    """Could `run` be a name: Thai letters only, and no word of a clause?"""
    return bool(_THAI_RUN.fullmatch(run)) and not any(c.isdigit() for c in run) \
        and not _CLAUSE_WORDS.intersection(words(run))
