"""Korean native numerals before a counter, read as digits: '사과 다섯 개' is 5 apples, '스물세
살' 23 years old, '두 시' two o'clock.

Part of the check stage (numbers.quantities reads the text this writes). Why: Korean counts
things with its native numerals (다섯, not the Sino-Korean 오 that num2words writes), so '사과
다섯 개' / 'six apples' was no finding. A numeral is read only before a counter ending its
word (a particle may follow): '한', '두', '세', '네' are also 'did', 'your', 'yes'... alone, and
'세대' is a generation, so the short forms need a space before their counter. One ('한 개',
'하나') is left out, being also 'a', as 'un' and 'ein' are. No library reads them; the words
are few.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

UNITS = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4, "다섯": 5,
         "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70,
        "여든": 80, "아흔": 90}
COUNTERS = ("개", "명", "사람", "마리", "살", "권", "잔", "병", "대", "채", "장", "번", "시간", "시",
            "달", "가지", "송이", "그루", "켤레", "벌", "척", "분", "곳", "군데", "쌍", "줄", "자루",
            "그릇", "끼", "판", "주", "해", "배", "차례", "통")
PARTICLES = ("을", "를", "이", "가", "은", "는", "의", "에", "도", "만", "과", "와", "씩", "째", "로",
             "으로", "에서", "까지", "부터", "쯤", "이나", "밖에", "뿐", "짜리", "동안", "께", "입", "예", "이에")


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))   # longest first: '시간' before '시'


NATIVE = re.compile(
    rf"(?<![가-힣])(?P<n>(?P<t>{_alternatives(TENS)})?(?:(?(t) ?)(?P<u>{_alternatives(UNITS)}))?)"
    rf"(?P<gap> ?)(?={_alternatives(COUNTERS)})(?P<c>{_alternatives(COUNTERS)})"
    rf"(?=[^가-힣]|$|{_alternatives(PARTICLES)})")


def _value(m: re.Match[str]) -> int | None:
    """The numeral's value, or None where it is no count to read (one, a short form with no
    space before its counter)."""
    tens, unit = m.group("t"), m.group("u")
    if not (tens or unit) or tens in ("스무",) and unit:
        return None
    value = TENS.get(tens or "", 0) + UNITS.get(unit or "", 0)
    if value == 1 or len(m.group("n")) == 1 and not m.group("gap"):
        return None
    return value


def native_digits(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    """text with its native Korean counts written in digits ('다섯 개' -> '5 개'), and where
    each was: (start, end) in text, then in the new text (as number_scales.cjk_digits)."""
    out: list[str] = []
    moved: list[tuple[int, int, int, int]] = []
    if not re.search("[가-힣]", text):
        return text, moved
    at = shift = 0
    for m in NATIVE.finditer(text):
        value = _value(m)
        if value is None:
            continue
        digits = str(value)
        a, b = m.span("n")
        out += [text[at:a], digits]
        moved.append((a, b, a + shift, a + shift + len(digits)))
        shift += len(digits) - (b - a)
        at = b
    return "".join(out + [text[at:]]), moved
