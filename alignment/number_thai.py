"""Numbers, clocks, years, months and weekdays as Thai writes them, for the numbers check.

Part of the check stage: numbers.quantities reads Thai number words as digits (`thai_digits`)
and Thai clocks and Buddhist Era years as quantities (`thai_quantities`); number_scales reads
Thai scale words after a figure (SCALE_WORDS); number_words asks `spelled` whether a number is
written out in Thai; dates.py reads Thai months and weekdays (`calendar_words`). Why: a
Thai-English translator's files drew an error on every correct year ('พ.ศ. 2568' is 2025: the
Buddhist Era runs 543 years ahead), on '45,000 ล้านบาท' / '45 billion baht', and a warning on
'ตีห้า' / '5 a.m.' ("หา in the original": folding for comparison drops Thai tone marks, so
num2words' 'ห้า' (five) was read as 'หา' (to look for) wherever that word stood), while 'สิบฟอง' /
'twelve eggs', 'สองทุ่ม' / '9 p.m.' and '5 ม.ค.' / '5 February' drew nothing.

Thai writes no spaces between words, so number words are read from PyThaiNLP's word cut
(thai.words: 'เก้าอี้', a chair, is no nine; 'หกล้ม', to fall, no six), a run of number words read
whole by its grammar ('สี่หมื่นห้าพันล้าน' is 45,000 million). 'หนึ่ง' alone is also 'a' ('คน
หนึ่ง', a person), and a number that opens with a unit word may be none ('พัน', to wrap; 'แสน',
very; 'ร้อยเอ็ด', Roi Et province), or a scale word after a figure ('1.5 แสนล้าน'): neither is read
as a number of its own, only looked for where the other side writes its value (`spelled`). Clocks: 'ตีห้า' 5 a.m. (ตี N: 1-5), 'สองทุ่ม' 8 p.m. (N ทุ่ม: N + 6 p.m.), 'บ่ายสามโมง'
3 p.m., 'เจ็ดโมงเช้า' 7 a.m., 'ห้าโมงเย็น' 5 p.m., 'เจ็ดโมง' either half of the day, 'เที่ยง' noon,
'เที่ยงคืน' midnight, 'ครึ่ง' half past, 'N นาที' minutes, '14 นาฬิกา' (24 hours); '14.30 น.' is
read as other decimals that can be a clock are (numbers.clock_minutes). A year after 'พ.ศ.', or
2400-2600 after 'ปี' or a month, is a Buddhist Era year, compared as the Common Era year, its
figure as written kept (numbers.Quantity.base): '5 ม.ค. 68' is 2025 too (the era's last two
digits, as Thai news writes a date). The forms are few and fixed, so they are the tables below;
Babel's CLDR gives the months and weekdays.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

SP = "[ \u00a0\u202f\u2009]"
# languages whose number words this module reads, not number_words through num2words' words
# folded: folding drops Thai tone marks, and 'ห้า' (five) became 'หา' (to look for)
OWN_READER = frozenset({"th"})
BE_OFFSET = 543   # the Buddhist Era's year 2568 is 2025 CE
_LETTERS = re.compile(r"[\u0e01-\u0e4e]+")   # Thai letters and marks, not its digits
_DIGIT_WORDS = {"หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7, "แปด": 8, "เก้า": 9}
_UNITS = ("สิบ", "ร้อย", "พัน", "หมื่น", "แสน", "ล้าน")
_MORPHEMES = "|".join(list(_DIGIT_WORDS) + list(_UNITS) + ["ยี่", "เอ็ด"])
NUMERAL = re.compile(rf"(?:{_MORPHEMES})+")
_D = "|".join(_DIGIT_WORDS)
# one section below a million, its places in order: 'สี่หมื่นห้าพัน', 'ยี่สิบเอ็ด', 'ร้อยเอ็ด'
_SECTION = re.compile(rf"(?:(?P<d5>{_D})?(?P<u5>แสน))?(?:(?P<d4>{_D})?(?P<u4>หมื่น))?"
                      rf"(?:(?P<d3>{_D})?(?P<u3>พัน))?(?:(?P<d2>{_D})?(?P<u2>ร้อย))?"
                      rf"(?:(?P<d1>ยี่|{'|'.join(list(_DIGIT_WORDS)[2:])})?(?P<u1>สิบ))?(?P<d0>{_D}|เอ็ด)?")
_PLACES = ((5, 10**5), (4, 10**4), (3, 1000), (2, 100), (1, 10))
# words a numeral before them counts: 'หนึ่งทุ่ม' is 7 p.m., though 'หนึ่ง' alone is no number
_CLOCK_WORDS = ("ทุ่ม", "โมง", "นาฬิกา", "นาที")
_CLOCK_PREFIX = re.compile(rf"^(ตี|บ่าย)({_MORPHEMES}+)$")   # 'ตีห้า', 'บ่ายสาม': one word to newmm


def numeral_value(words: str) -> int | None:
    """The value of Thai number words ('สี่หมื่นห้าพันล้าน': 45,000,000,000; 'ยี่สิบเอ็ด': 21;
    'ล้านล้าน': a million millions), or None where they are no one number ('สองสาม', two or
    three)."""
    total, parts = 0, words.split("ล้าน")
    for k, part in enumerate(parts):
        value = _section(part)
        if value is None and (part or k == len(parts) - 1 and k == 0):
            return None
        if k < len(parts) - 1:
            total = (total + (value or (0 if total else 1))) * 10**6
        else:
            total += value or 0
    return total


def _section(part: str) -> int | None:
    """The value of a section below a million, or None ('' and 'เอ็ด' alone are none)."""
    m = _SECTION.fullmatch(part)
    if not part or m is None or part == "เอ็ด":
        return None
    value = 0
    for place, size in _PLACES:
        digit = m.group(f"d{place}")
        if m.group(f"u{place}"):
            value += size * (2 if digit == "ยี่" else _DIGIT_WORDS[digit] if digit else 1)
    d0 = m.group("d0")
    return value + (1 if d0 == "เอ็ด" else _DIGIT_WORDS[d0] if d0 else 0)


# ---------------------------------------------------------------- number words as digits

def _tokens(run: str) -> list[str]:
    """A Thai run cut into words (thai.words), imported only when a number word may be in it."""
    from .thai import words
    return words(run)


def _numeral_spans(text: str, lone: bool) -> list[tuple[int, int, int]]:
    """(value, start, end) of each run of number words in text, read whole by the word cut.
    `lone`: also 'หนึ่ง' alone and a number that opens with a unit word ('แสน', 'ร้อยเอ็ด');
    else those only where a clock word follows or 'ตี' goes before ('ตีหนึ่ง', 'หนึ่งทุ่ม')."""
    out: list[tuple[int, int, int]] = []
    for run in _LETTERS.finditer(text):
        if NUMERAL.search(run.group()) is None:
            continue
        at, cut = run.start(), _tokens(run.group())
        spans = []   # (start, end, clock prefix) of each word that is number words
        for k, word in enumerate(cut):
            prefix = _CLOCK_PREFIX.match(word)
            if prefix:
                spans.append((at + len(prefix.group(1)), at + len(word), True))
            elif NUMERAL.fullmatch(word):
                spans.append((at, at + len(word), k + 1 < len(cut) and cut[k + 1] in _CLOCK_WORDS))
            at += len(word)
        out += _runs(text, spans, lone)
    return out


def _runs(text: str, spans: list[tuple[int, int, bool]], lone: bool) -> list[tuple[int, int, int]]:
    """Adjacent number words joined into one number ('ยี่' 'สิบเอ็ด': 21); each word alone where
    joined they are no number ('สองสาม')."""
    groups: list[list[tuple[int, int, bool]]] = []
    for s in spans:
        if groups and groups[-1][-1][1] == s[0]:
            groups[-1].append(s)
        else:
            groups.append([s])
    out = []
    for group in groups:
        whole = numeral_value(text[group[0][0]:group[-1][1]])
        parts = [(group[0][0], group[-1][1], any(c for *_, c in group))] if whole is not None else group
        for a, b, clock in parts:
            value = numeral_value(text[a:b])
            alone = text[a:b] == "หนึ่ง" or text.startswith(_UNITS[1:], a)
            if value is not None and (lone or clock or not alone):
                out.append((value, a, b))
    return out


def thai_digits(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    """text with its Thai number words written in digits ('ไข่สิบฟอง' -> 'ไข่10ฟอง', 'ตีห้า' ->
    'ตี5'), and where each was: (start, end) in text, then in the new text (as
    number_scales.cjk_digits gives them)."""
    if _LETTERS.search(text) is None or NUMERAL.search(text) is None:
        return text, []
    out: list[str] = []
    moved: list[tuple[int, int, int, int]] = []
    at = shift = 0
    for value, a, b in _numeral_spans(text, lone=False):
        digits = str(value)
        out += [text[at:a], digits]
        moved.append((a, b, a + shift, a + shift + len(digits)))
        shift += len(digits) - (b - a)
        at = b
    return "".join(out + [text[at:]]), moved


def spelled(value: Decimal, text: str) -> bool:
    """Is the number written out in Thai words in text, 'หนึ่ง' and unit words alone too
    ('หนึ่ง' for a 1 the other side writes, 'ร้อย' for its 100)?"""
    if NUMERAL.search(text) is None:
        return False
    return any(Decimal(v) == value for v, *_ in _numeral_spans(text, lone=True))


# ---------------------------------------------------------------- clocks and years

class ThaiQuantity(NamedTuple):
    """A Thai clock (kind 't', minutes after midnight) or a Buddhist Era year (kind 'n', the
    Common Era year; base the year as written), for numbers.Quantity."""

    kind: str
    value: Decimal
    start: int
    end: int
    ambiguous: bool = False
    base: Decimal | None = None


_H = r"(?P<{}>\d{{1,2}})(?!\d)"
_AFTER = rf"(?:{SP}?(?P<half>ครึ่ง)|{SP}?(?P<min>\d{{1,2}}){SP}?นาที)?"
# 'ตี' is also 'to hit' ('ตี 3 ครั้ง': hit three times); 'เที่ยง' also 'fair' ('เที่ยงธรรม') and,
# after a meal's word, lunch ('อาหารเที่ยง'), no time
CLOCK = re.compile(
    rf"(?:(?P<ti>ตี){SP}?{_H.format('h1')}(?!{SP}?(?:ครั้ง|ที|หน|รอบ|ลูก))"
    rf"|(?P<bai>บ่าย){SP}?(?:{_H.format('h2')}{SP}?)?โมง"
    rf"|(?<![\d.,]){_H.format('h3')}{SP}?ทุ่ม"
    rf"|(?<![\d.,]){_H.format('h4')}{SP}?(?P<mong>โมง|นาฬิกา)(?:{SP}?(?P<p>เช้า|เย็น))?"
    rf"|(?<!มื้อ)(?<!อาหาร)(?<!ข้าว)(?<!พัก)เที่ยง(?P<night>คืน)?(?:วัน)?(?!ธรรม|แท้|ตรง))" + _AFTER)


def _clock(m: re.Match[str]) -> tuple[int, bool] | None:
    """(minutes after midnight, either half of the day) of a CLOCK match, or None where its
    hour is none of its form's ('ตีเก้า', '7 ทุ่ม')."""
    g = m.groupdict()
    if g["ti"]:
        h, ok, ambiguous = int(g["h1"]), 1 <= int(g["h1"]) <= 5, False
    elif g["bai"]:
        n = int(g["h2"] or 1)
        h, ok, ambiguous = 12 + n, 1 <= n <= 5, False
    elif g["h3"]:
        n = int(g["h3"])
        h, ok, ambiguous = (18 + n) % 24, 1 <= n <= 6, False
    elif g["h4"]:
        n, period = int(g["h4"]), g["p"]
        if g["mong"] == "นาฬิกา":
            h, ok, ambiguous = n, n <= 24 and not period, False
        elif period == "เช้า":
            h, ok, ambiguous = n, 5 <= n <= 11, False
        elif period == "เย็น":
            h, ok, ambiguous = n % 12 + 12, 1 <= n <= 6, False
        else:
            h, ok, ambiguous = n, 1 <= n <= 12, True
    else:
        h, ok, ambiguous = 0 if g["night"] else 12, True, False
    minutes = 30 if g["half"] else int(g["min"] or 0)
    return ((h % 24) * 60 + minutes, ambiguous) if ok and minutes < 60 else None


@lru_cache(maxsize=1)
def _month_names() -> tuple[dict[str, int], dict[str, int]]:
    """Thai month names (CLDR's, wide) and abbreviations ('ม.ค.') -> 1..12."""
    from babel.dates import get_month_names
    return ({n: k for k, n in get_month_names("wide", locale="th").items()},
            {n: k for k, n in get_month_names("abbreviated", locale="th").items()})


@lru_cache(maxsize=1)
def _years() -> re.Pattern[str]:
    """Buddhist Era years: after 'พ.ศ.', after 'ปี' or a month (2400-2600), two digits after an
    abbreviated month ('ม.ค. 68')."""
    wide, short = _month_names()
    months = "|".join(map(re.escape, sorted(wide, key=len, reverse=True)))
    abbreviated = "|".join(map(re.escape, sorted(short, key=len, reverse=True)))
    return re.compile(rf"(?P<era>พ\.{SP}?ศ\.){SP}?(?P<y>\d{{4}})(?![\d.,])"
                      rf"|(?:ปี|{months}|{abbreviated}){SP}?(?P<y2>\d{{4}})(?![\d.,])"
                      rf"|(?:{abbreviated}){SP}?(?P<yy>\d{{2}})(?![\d.,:])")


def thai_quantities(text: str) -> list[ThaiQuantity]:
    """Text's Thai clocks and Buddhist Era years (module docstring), its number words already
    in digits (thai_digits), in order."""
    if _LETTERS.search(text) is None:
        return []
    out = []
    for m in CLOCK.finditer(text):
        found = _clock(m)
        if found is not None:
            out.append(ThaiQuantity("t", Decimal(found[0]), m.start(), m.end(), ambiguous=found[1]))
    for m in _years().finditer(text):
        if m.group("yy"):
            be, a = 2500 + int(m.group("yy")), m.start("yy")
            written = Decimal(int(m.group("yy")))
        else:
            be = int(m.group("y") or m.group("y2"))
            a = m.start() if m.group("era") else m.start("y2")
            written = Decimal(be)
            if not m.group("era") and not 2400 <= be <= 2600:
                continue
        out.append(ThaiQuantity("n", Decimal(be - BE_OFFSET), a, m.end(), base=written))
    return sorted(out, key=lambda q: q.start)


# ---------------------------------------------------------------- scale words, months, weekdays

# a scale word after a figure ('45,000 ล้านบาท', '1.5 แสน'), run on into the next word as Thai
# writes them: (words, multiplier) for number_scales; 'พัน' not in 'พันธุ์' (a breed) nor an
# officer's rank ('พันเอก', a colonel)
SCALE_WORDS: tuple[tuple[str, Decimal], ...] = (
    (r"ล้านล้าน", Decimal(10**12)), (r"แสนล้าน", Decimal(10**11)), (r"หมื่นล้าน", Decimal(10**10)),
    (r"พันล้าน", Decimal(10**9)), (r"ล้าน", Decimal(10**6)), (r"แสน", Decimal(10**5)),
    (r"หมื่น", Decimal(10**4)), (r"พัน(?!ธ|เอก|โท|ตรี)", Decimal(1000)),
)


@lru_cache(maxsize=1)
def _calendar_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every Thai month and weekday name (CLDR's wide months, abbreviations and weekdays, and
    'วันพฤหัส' beside 'วันพฤหัสบดี') as one pattern, longest first, and each name's key."""
    from babel.dates import get_day_names
    wide, short = _month_names()
    keys = {n: f"m{k}" for n, k in {**wide, **short}.items()}
    keys.update({n: f"d{k}" for k, n in get_day_names("wide", locale="th").items()})
    keys["วันพฤหัส"] = "d3"
    names = sorted(keys, key=len, reverse=True)
    # an abbreviation not inside another ('อ.ก.พ.'): no Thai letter or stop right before it
    alternatives = [(r"(?<![\u0e01-\u0e4e.])" if "." in n else "") + re.escape(n) for n in names]
    return re.compile("|".join(alternatives)), keys


def calendar_words(text: str) -> list[tuple[str, int, int]]:
    """(key 'm1'..'m12' or 'd0'..'d6', start, end) of the Thai months and weekdays text names:
    Thai runs them on into the words around them ('เดือนมกราคม'), so they are found as written,
    not as words between spaces."""
    if _LETTERS.search(text) is None:
        return []
    pattern, keys = _calendar_pattern()
    return [(keys[m.group()], m.start(), m.end()) for m in pattern.finditer(text)]
