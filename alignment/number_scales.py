"""Numbers with a scale word, and decades as Chinese and Japanese write them, for the numbers check.

Part of the check stage (numbers.quantities reads these). '120万欧元' is 1,200,000 euros, as is
'€1.2 million' or '1,2 Millionen Euro': read digit by digit, 120 against 1.2 was an error on
every sum a Chinese or Japanese text gives in 万 (ten thousands) or 亿 (hundred millions).
'20世纪90年代' (the nineties of the twentieth century) is the 1990s. A number with a scale
word keeps its value as written too (numbers.Quantity.base), so what matched before still
does ('2 millions' against '2 Millionen'; a German 'Billion' is a thousand milliards, an
English 'billion' a milliard, and the two words are compared as written). Digits with units
('1万5千', '약 1만 5천'), Japanese era years ('令和8年') and numbers in Chinese characters
('十二个小时', '一万五千', '二〇二六年') are read here too, each where its section says why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from .number_thai import SCALE_WORDS as THAI_SCALES

if TYPE_CHECKING:
    from .numbers import Quantity

SPACE = "[ \u00a0\u202f\u2009]"   # the spaces numbers are grouped and followed by (numbers.py too)
TEN_THOUSAND, MILLION, MILLIARD = Decimal(10**4), Decimal(10**6), Decimal(10**9)

# the scale words after a number, by language: Chinese, Japanese and Korean count in ten
# thousands (万, 萬, 만) and hundred millions (亿, 億, 억); European languages in millions and
# milliards (abbreviated too: Mio., Mrd., млн, млрд, mln, mld)
_WORDS = (
    (r"万|萬|만", TEN_THOUSAND), (r"亿|億|억", Decimal(10**8)),
    (r"millions?|millón|millones|milion[ei]|milhão|milhões|miljoen|milion(?:y|ów)?|milyon"
     r"|Million(?:en)?|Mio\.?|миллион(?:а|ов)?|млн\.?|mln", MILLION),
    (r"milliards?|Milliarden?|Mrd\.?|mil millones|mil milhões|miliard[oi]|miliard(?:y|ów)?|mld|milyar|miljard"
     r"|миллиард(?:а|ов)?|млрд\.?|billions?|bilh(?:ão|ões)", MILLIARD),
    # Polish and Russian thousands ('12 tys.', '3 tysiące', '12 tysięcy', '12 тыс.', '5 тысяч';
    # Why: each was an error against '12,000')
    (r"tys\.?|tysi(?:ąc(?:e|a|u|em|ach|ami|om)?|ęcy)|тыс\.?|тысяч(?:а|и|у|ей|ами|ах)?", Decimal(1000)),
    # and the other languages' ('5 mil habitantes', '2 mila euro', '450 bin lira', '5 thousand',
    # '5 mille', '5 Tausend'; '5 mil' was an error against '5,000')
    (r"mil|mila|bin|thousands?|mille|[Tt]ausend|duizend", Decimal(1000)),
    # Indian lakhs and crores, in English and Hindi ('2.5 lakh' / '2,50,000' was an error)
    (r"lakhs?|lacs?|लाख", Decimal(10**5)), (r"crores?|करोड़|करोड़", Decimal(10**7)),
)
# Thai's ('45,000 ล้านบาท', '1.5 แสน': number_thai), first: 'พันล้าน' before 'พัน'
_WORDS = THAI_SCALES + _WORDS
_RUN_ON = len(THAI_SCALES) + 2   # these words run on into the next: Thai's, 万 and 亿
# a word of letters ends there ('millionaire' is none); 万 runs on into the next word ('万欧元')
_SCALE = re.compile(rf"{SPACE}?(?:" + "|".join(
    f"(?P<s{k}>{w})" + ("" if k < _RUN_ON else r"(?![^\W\d_])") for k, (w, _) in enumerate(_WORDS)) + ")")
_MULTIPLIERS = {f"s{k}": m for k, (_, m) in enumerate(_WORDS)}

DECADE = re.compile(rf"(?<!\d)(?P<c>\d{{1,2}}){SPACE}?世[纪紀](?P<d>\d)0{SPACE}?年代")


# thousands as a letter right after the figures ('100k', '1.2k', '15K', '50k€', '50 k€'): Why:
# '100 000 abonnés' / '100k followers' was an error, 100 000 against 100. Not a unit that
# starts with k ('5 km', '10kg': a letter follows), nor a spaced 'K' ('300 K', kelvin); '4K'
# (a screen's resolution) reads 4000 as well, its 4 kept as written (Quantity.base)
_THOUSANDS = re.compile(rf"[kK](?![^\W\d_])|{SPACE}?k(?=€|\$|£)")


# millions and billions as letters after the figures, as English news writes sums ('2.5M
# followers', '€3.2bn', '$5m'): Why: '2 500 000' / '2.5M' was an error, 2500000 against 2.5.
# 'bn' is always a billion; a capital 'M' or 'B' only right after the figures ('10 M' may be
# molar, '10 MB' megabytes); a small 'm' is metres unless a currency stands before the number
# or right after the letter ('$2.5m', '5m €')
_BILLIONS = re.compile(rf"{SPACE}?bn(?![^\W\d_])|B(?![^\W\d_])")
_MILLIONS = re.compile(r"M(?![^\W\d_])")
_SMALL_M = re.compile(rf"{SPACE}?mn?(?![^\W\d_])")
_CURRENCY_AFTER = re.compile(rf"{SPACE}?(?:[€$£¥]|(?:euros?|dollars?|pounds?|USD|EUR|GBP)\b)")
_CURRENCY_BEFORE = re.compile(rf"(?:[€$£¥]|\b(?:USD|EUR|GBP))(?:{SPACE})?$")


def _letter_scale(text: str, start: int | None, end: int) -> tuple[Decimal, int] | None:
    """(multiplier, end) of 'M', 'B', 'bn' or a currency's 'm' right after the figures."""
    if (b := _BILLIONS.match(text, end)) is not None:
        return MILLIARD, b.end()
    if (m := _MILLIONS.match(text, end)) is not None:
        return MILLION, m.end()
    m = _SMALL_M.match(text, end)
    if m is None:
        return None
    before = start is not None and _CURRENCY_BEFORE.search(text, max(0, start - 5), start) is not None
    return (MILLION, m.end()) if before or _CURRENCY_AFTER.match(text, m.end()) else None


def scale_after(text: str, end: int, start: int | None = None) -> tuple[Decimal, int] | None:
    """(multiplier, end of the word) of a scale word right after a number ending at `end`
    (starting at `start`: a currency before it makes '5m' five million, not five metres)."""
    k = _THOUSANDS.match(text, end)
    if k is not None:
        return Decimal(1000), k.end()
    letter = _letter_scale(text, start, end)
    if letter is not None:
        return letter
    m = _SCALE.match(text, end)
    if m is None:
        return None
    return next(_MULTIPLIERS[k] for k, v in m.groupdict().items() if v is not None), m.end()


# ---------------------------------------------------------------- a scale word kept or shared

# A scale word changed while the figure is kept ('14,5 milhões' / '14.5 billion', '180 тысяч' /
# '180 roubles') is an error: the amount is off by a factor of a thousand or more (it passed, as
# the two figures as written were equal: numbers.Quantity.same). A figure may go without its
# own scale word where a translator's habit gives it one elsewhere, and there it still matches
# the other side's scaled figure by its figure as written (Quantity.loose):
# - a range or list whose last figure carries the scale for all ('entre 2 e 3 milhões', '2-3
#   million', '2, 3 or 4 billion'): the bare figures read with it (their value scaled too);
#   between two figures only a dash, a comma or one short word ('e', 'to', 'или', 'bis');
# - a table or a text whose scale is said once, not after a figure ('(in millions)', 'em
#   milhões', 'млн руб.'): its bare figures may be in that scale;
# - a small 'm' right after the figures that is not read as a million ('14.5m people' is
#   English news' million, '150m' metres: either way the figure as written).
_SHARED = re.compile(rf"{SPACE}?(?:[-–—/]|,?{SPACE}[^\W\d_]{{1,4}}|,){SPACE}?")
_WORDS_ALONE = re.compile(r"(?<![^\W\d_])(?:" + "|".join(
    w for w, m in _WORDS[len(THAI_SCALES):] if m > 1000) + r"|thousands|тыс\.?)(?![^\W\d_])")
_SMALL_M_ALONE = re.compile(r"m(?![^\W\d_])")


def shared_scales(found: Sequence[Quantity], text: str) -> list[Quantity]:
    """found (numbers of text) in text order, each bare figure that may take its scale word
    from elsewhere loose (Quantity.loose), and read with the scale of the next figure where
    that one ends a range or list (the section above says which)."""
    qs = sorted(found, key=lambda q: q.start)
    alone = any(not re.search(rf"\d{SPACE}?$", text[max(0, m.start() - 2):m.start()])
                for m in _WORDS_ALONE.finditer(text))
    for k in range(len(qs) - 1, -1, -1):
        q = qs[k]
        if q.kind != "n" or q.base is not None or q.scaled or q.page:
            continue
        nxt = qs[k + 1] if k + 1 < len(qs) else None
        if nxt is not None and (nxt.scaled or nxt.loose) and nxt.base and \
                _SHARED.fullmatch(text, q.end, nxt.start):
            qs[k] = replace(q, value=(q.value * nxt.value / nxt.base).normalize(), base=q.value, loose=True)
        elif alone or _SMALL_M_ALONE.match(text, q.end):
            qs[k] = replace(q, loose=True)
    return qs


def decades(text: str) -> list[tuple[Decimal, int, int]]:
    """(first year, start, end) of each decade written '20世纪90年代': 1990."""
    return [(Decimal((int(m.group("c")) - 1) * 100 + int(m.group("d")) * 10), m.start(), m.end())
            for m in DECADE.finditer(text)]


# ---------------------------------------------------------------- digits with CJK units

# a number Chinese, Japanese or Korean write in digits and units: '1万5千' and '1万5000' are
# 15000, '약 1만 5천 명' too, '3億5000万' 350 million, '5千' 5000 (Why: each digit was read
# alone, '1万5千' against '15,000' gave '10000, 5'). 千 before 米, 克, 瓦 is a prefix ('3千米'
# is 3 kilometres), not a thousand.
_BIG = {"万": 10**4, "萬": 10**4, "만": 10**4, "亿": 10**8, "億": 10**8, "억": 10**8}
_SMALL = {"千": 1000, "仟": 1000, "천": 1000, "百": 100, "佰": 100, "백": 100}
_UNIT = r"(?:[千仟천](?![米克瓦卡赫兆焦])|[百佰백])[万萬만亿億억]?|[万萬만亿億억]"
_PART = re.compile(rf"(?P<n>\d+(?:\.\d+)?){SPACE}?(?P<u>(?:{_UNIT})?)")
_NUM = r"\d+(?:\.\d+)?"
# parts each with a unit, a space between them or none; digits with no unit only last,
# right after a unit ('1万5000')
COMPOUND = re.compile(rf"(?<![\d.,]){_NUM}{SPACE}?(?:{_UNIT})(?:{SPACE}?{_NUM}{SPACE}?(?:{_UNIT}))*(?:\d+(?![\d.,]))?")


def compounds(text: str) -> list[tuple[Decimal, Decimal | None, int, int]]:
    """(value, number as written or None, start, end) of each number of several parts or a
    small unit ('1万5千', '5千'); a number and a scale word alone ('120万') is scale_after's."""
    out = []
    for m in COMPOUND.finditer(text):
        parts = [(Decimal(p.group("n")), re.sub(SPACE, "", p.group("u"))) for p in _PART.finditer(m.group())]
        if len(parts) == 1 and not any(c in _SMALL for c in parts[0][1]):
            continue
        base = parts[0][0] if len(parts) == 1 else None
        out.append((_compound_value(parts).normalize(), base, m.start(), m.end()))
    return out


def _compound_value(parts: list[tuple[Decimal, str]]) -> Decimal:
    """The value of (number, units) parts read in order: a small unit multiplies its part, a
    large unit all the parts since the last large one ('1億2千万': 1e8 + 2000e4)."""
    total = section = Decimal(0)
    for n, units in parts:
        part = n * next((v for c, v in _SMALL.items() if c in units), 1)
        big = next((v for c, v in _BIG.items() if c in units), None)
        if big is None:
            section += part
        else:
            total, section = total + (section + part) * big, Decimal(0)
    return total + section


# ---------------------------------------------------------------- Japanese era years

# a year of a Japanese era ('令和8年' is 2026, '平成元年' 1989): compared as the Gregorian
# year, the number as written kept too (Why: '令和8年12月4日' / '4 December 2026' was an error,
# 8 against 2026)
ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
ERA = re.compile(rf"(?P<era>{'|'.join(ERAS)}){SPACE}?(?P<y>\d{{1,2}}|元)(?={SPACE}?年)")


def era_years(text: str) -> list[tuple[Decimal, Decimal, int, int]]:
    """(Gregorian year, year of the era, start, end) of each era year ('令和8年': 2026, 8)."""
    out = []
    for m in ERA.finditer(text):
        n = 1 if m.group("y") == "元" else int(m.group("y"))
        out.append((Decimal(ERAS[m.group("era")] + n), Decimal(n), m.start(), m.end()))
    return out


# ---------------------------------------------------------------- numbers in Chinese characters

# numbers Chinese and Japanese write in characters ('十二个小时', '一万五千人', '二〇二六年',
# '九点半'), read as digits only where they count something, so that what reads digits reads
# them (Why: '十二个小时' / '14 hours' was no finding). 一 alone is also 'a' and in words
# (一起, 一些, 统一), 十分 is 'very', 三明治 a sandwich: a numeral is read before a counter, a
# measure, a currency or a date or time character (FOLLOW); before 分 only after an hour
# ('九点十分'); a long one with 百, 千, 万 or 亿 anywhere ('一千零一'). Not after 几, 数, 多 ...
# ('几十个': dozens), nor 第二天 ('the next day'), nor two digits side by side ('三四个',
# '十七八岁': about), but a year digit by digit ('一九八七年'); 两 last is a weight (tael).
_DIGITS = "〇零一二两兩三四五六七八九"
_RUN = re.compile(r"[〇零一二两兩三四五六七八九十百千万萬亿億]+")
FOLLOW = re.compile(
    "[年月日号號时時点點秒周週天个個箇只隻本冊册位名人岁歲歳才次回件张張枚条條匹头頭家座所棵株"
    "种種倍层層階届章节節页頁部辆輛台架艘封杯瓶碗双雙对對套份篇首句场場局度步元块塊圆円镑磅米"
    "克吨噸斤升里尺寸％%つヶヵケ]|分钟|分鐘|分間|か月|カ月|か所|カ所|小时|小時|星期|世纪|世紀|公里|"
    "公斤|公尺|公顷|公頃|厘米|毫米|毫升|美元|欧元|歐元|英里|英镑|英鎊|英尺|平方|立方|キロ|メートル|"
    "センチ|グラム|ドル|ユーロ")
_NOT_AFTER = set("几幾数數多若期拜周週")   # 几十 dozens, 差不多三 about three, 星期一 Monday
NEXT_DAY = ("第二天", "第二日")   # 'the next day' ('the next morning'), not a day counted
_DECIMAL = re.compile(rf"[{_DIGITS}十百千]+[点點](?P<f>[{_DIGITS}]+)"
                      rf"(?![点點]|分(?![钟鐘]))(?=(?:{FOLLOW.pattern}))")


def cjk_digits(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    """text with its numbers in Chinese characters written in digits ('十二个' -> '12个',
    '三点五公里' -> '3.5公里'), and where each was: (start, end) in text, then in the new text."""
    if not _RUN.search(text):
        return text, []
    out: list[str] = []
    moved: list[tuple[int, int, int, int]] = []
    at = shift = 0   # shift: how much longer the new text is so far
    for m in _RUN.finditer(text):
        if m.start() < at:
            continue
        found = _decimal(text, m.start()) or _whole(text, m.start(), m.group())
        if found is None:
            continue
        end, digits = found
        out += [text[at:m.start()], digits]
        moved.append((m.start(), end, m.start() + shift, m.start() + shift + len(digits)))
        shift += len(digits) - (end - m.start())
        at = end
    return "".join(out + [text[at:]]), moved


def _decimal(text: str, start: int) -> tuple[int, str] | None:
    """(end, digits) of a decimal at start ('三点五公里': 3.5): '点' then digits one by one,
    before a counter or measure ('三点五十分' is 3:50, '三点五分' 3:05)."""
    m = _DECIMAL.match(text, start)
    whole = _numeral(text[start:m.start("f") - 1]) if m and _free(text, start, m.end()) else None
    if whole is None:
        return None
    from .cjk import DIGITS
    return m.end(), f"{whole}." + "".join(str(DIGITS[c]) for c in m.group("f"))


def _whole(text: str, start: int, run: str) -> tuple[int, str] | None:
    """(end, digits) of the numeral run at start where it counts something (_counts)."""
    if len(run) > 1 and run[-1] in "两兩":   # '十两银子': ten taels
        run = run[:-1]
    end = start + len(run)
    if not _free(text, start, end) or not _counts(text, start, end, run):
        return None
    value = _numeral(run, year=text[end:end + 1] == "年")
    return None if value is None else (end, str(value))


def _counts(text: str, start: int, end: int, run: str) -> bool:
    """Is the numeral a number: before a counter, a measure or a date (FOLLOW), after 百分之
    (per cent), minutes after an hour ('九点十分', not '十分' 'very'), or long with 百, 千, 万 or
    亿; 一 alone only as a month or a number ('一月', '一号'); never 第二天 ('the next day')."""
    before, after = text[max(0, start - 3):start], text[end:end + 1]
    if run in ("〇", "零") or run == "一" and after not in ("月", "号", "號") or \
            text[max(0, start - 1):end + 1] in NEXT_DAY:
        return False
    return FOLLOW.match(text, end) is not None or before.endswith("百分之") or \
        after == "分" and before[-1:] in ("点", "點", "時", "时") or \
        len(run) >= 3 and re.search("[百千万萬亿億]", run) is not None


def _free(text: str, start: int, end: int) -> bool:
    """Neither a digit beside the numeral ('3万' is scale_after's) nor a word of about before."""
    return not (start and (text[start - 1].isdigit() or text[start - 1] in _NOT_AFTER)) and \
        not text[end:end + 1].isdigit()


def _numeral(run: str, year: bool = False) -> int | None:
    """The value of a numeral: with units ('三十二', '一万五千', '三亿'), or a digit, or a year
    digit by digit ('一九八七'); None for digits side by side otherwise ('三四': 3 or 4)."""
    from .cjk import numeral_value
    if run[0] not in _DIGITS + "十":
        return None
    if not re.search("[十百千万萬亿億]", run):
        whole_year = year and (len(run) == 4 or re.search("[〇零]", run) is not None)
        return numeral_value(run) if len(run) == 1 or whole_year else None
    if re.search("[一二两兩三四五六七八九]{2}", run):
        return None
    cut = re.search("[亿億]", run)
    high, low = (run[:cut.start()], run[cut.end():]) if cut else ("", run)
    return (numeral_value(high) * 10**8 if cut else 0) + (numeral_value(low) if low else 0)
