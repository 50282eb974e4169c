"""Where a Thai sentence asks a question: Thai marks one with a word, seldom with '?'.

Part of the check stage (checks.check_question). Thai asks with a particle at the end of the
clause ('กินข้าวหรือยัง', 'จำได้ไหม': did you eat yet, do you remember) or a question word in it
('ถุงละเท่าไหร่', 'ทำไมกลับช้าจัง': how much, why), and writes no '?', so every question of a
correct story was 'only the translation asks a question'. The words are read with thai.words
(newmm), so 'ผ้าไหม' (silk) and 'ไฟไหม้' (a fire) hold no 'ไหม'.

A question word is no question where it is indefinite or reported, as English 'what' is in
'nothing' or 'I know what he said': after a negation ('ไม่มีอะไร': nothing, 'ไม่กี่วัน': a few
days), before 'ก็' ('ใครก็ได้': anyone, 'ที่ไหนก็ได้') or 'ๆ', and after 'ว่า' (that) in its clause
('ฉันไม่รู้ว่าเขาไปไหน': I don't know where he went). So is 'หรือไม่' (whether) after 'ว่า' or
before 'ก็'; 'ไหม', 'มั้ย' and 'เหรอ' only ever ask, after 'ว่า' too ('คุณคิดว่าเขาจะมาไหม').
"""

from __future__ import annotations

import re

from .thai import words

# Particles that end a yes/no question, and the words that may follow one in its clause:
# polite particles and a vocative ('กินข้าวหรือยังลูก', 'ได้ไหมครับ')
_ASKING = frozenset("ไหม มั้ย เหรอ หรอ".split())
_WHETHER = frozenset("หรือเปล่า หรือยัง หรือไม่".split())
MAX_AFTER_PARTICLE = 2
# Question words: why, what, where, which, who, how, when, how much, how many
_WH = frozenset("ทำไม อะไร ที่ไหน ไหน ใคร อย่างไร ยังไง เมื่อไร เมื่อไหร่ เท่าไร เท่าไหร่ กี่".split())
_INDEFINITE_AFTER = ("ก็", "ๆ")
# A clause: a run of Thai between spaces, quotes, brackets and anything else not Thai
_CLAUSE = re.compile(r"[\u0e01-\u0e5b]+")


def question_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) in `text` of each word that makes a clause of it a question."""
    spans = []
    for clause in _CLAUSE.finditer(text):
        parts = words(clause.group())
        starts = [clause.start() + len("".join(parts[:k])) for k in range(len(parts))]
        repeated = ["ๆ"] if text.startswith(" ๆ", clause.end()) else []   # 'ใคร ๆ': everyone
        for k, word in enumerate(parts):
            if _asks(parts + repeated, k):
                spans.append((starts[k], starts[k] + len(word)))
    return spans


def _asks(parts: list[str], k: int) -> bool:
    """Does the word parts[k] of a clause ask a question (see the module's doc)?"""
    word, before, after = parts[k], parts[:k], parts[k + 1:]
    reported = "ว่า" in before
    if after and after[0].startswith(_INDEFINITE_AFTER):
        return False
    if word in _ASKING or word in _WHETHER and not reported:
        return len(after) <= MAX_AFTER_PARTICLE
    return word in _WH and not reported and "ไม่" not in before[-2:]
