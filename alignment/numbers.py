"""Numbers by value for the checks: times, dates, ordinals, groupings, written-out numbers.

Part of the check stage (checks.py's `numbers` check compares what this finds).
"16 h 40" and "4:40 pm" are one time; "21.3.2004", "21/03/2004" and "21 March
2004" one date; "1 000", "1,000" and "1000" one number, as are "1.200,50", "1,200.50" and
"1 200,50"; "XIXe" is 19, as is
"19th" or "nineteenth"; "一八八七年" is 1887 and "三十二年" 32 (Chinese and Japanese
years). A time without am/pm is also read twelve hours later, unless a part of the day
follows it ('7 h 15 du soir' is 19:15, '4 h 30 du matin' 4:30) or it is German's 24-hour
'7.15 Uhr'; Russian writes '7 часов 15 минут'. Forms each language
writes its own way are one value: a map's scale ("1:25 000" = 25000), a
range of years cut short ("1953/54" ends in 1954), a bare hour that is a duration
("5 à 6 heures" / "5-6 Stunden"), hours in a fraction ("6 1/2 Stunden" / "6 h 30"), a sum
in francs and centimes the French way ("2 fr. 70" / "Fr. 2.70", Text+Berg dev's gold links),
clocks in Chinese, Japanese and Korean ("下午3点", "2時15分", "오후 3시"), a decimal that can be
hours.minutes against a time ("2.15'te" / "2:15"), sums with a scale word ("120万" = "1.2
million"), digits with Chinese, Japanese and Korean units ("1万5千" = 15000), Japanese era
years ("令和8年" = 2026) and numbers in Chinese characters where they count something
("十二个小时", "九点半": number_scales), Korean native counts ("다섯 개" = 5: number_korean);
Thai number words, clocks and Buddhist Era years ("สิบฟอง", "สองทุ่ม", "พ.ศ. 2568" = 2025: number_thai);
Arabic's own separators ("١٥٬٠٠٠", "٣٫٥"); thousands written "100k" (number_scales); version
numbers ("2.4.1") and "24 h/24" read whole (number_whole); a measure converted for the
translation's readers ("38 °C" = "100°F", "40 km" = "25 miles": number_measures).

Comparing one side's quantities with the other's (in words, months, Roman numerals there
too) is number_match.py's. Digit groupings and clock forms are regular expressions: no
library reads "16 h 40" as a time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from .number_groups import number_values
from .number_korean import native_digits
from .number_measures import measured, metric_note, partners, rescaled, same_measure
from .number_scales import SPACE, cjk_digits, compounds, decades, era_years, scale_after, shared_scales
from .number_thai import thai_digits, thai_quantities
from .number_unit_kinds import changed_unit
from .number_whole import round_the_clock, version_text, versions

AMPM = rf"(?:{SPACE}?(?P<ap>[aApP])\.?{SPACE}?[mM]\b\.?)"
TIMES = (  # each gives hour, optional minutes, optional am/pm
    re.compile(rf"\b(?P<h>\d{{1,2}}){SPACE}?h\.?(?:{SPACE}?(?P<m>\d{{2}}))?(?!\w)"),        # 16 h 40
    re.compile(rf"\b(?P<h>\d{{1,2}}):(?P<m>\d{{2}})(?![\d:]){AMPM}?"),                   # 4:40 pm
    re.compile(rf"\b(?P<h>\d{{1,2}})\.(?P<m>\d{{2}})(?:{AMPM}|{SPACE}?(?:Uhr|h)\b)"),     # 4.40 p.m.
    re.compile(rf"\b(?P<h>\d{{1,2}}){SPACE}?Uhr{SPACE}(?P<m>\d{{2}})\b"),                 # 4 Uhr 30
    re.compile(rf"\b(?P<h>\d{{1,2}}){AMPM}"),                                            # 4 pm
    re.compile(rf"\b(?P<h>\d{{1,2}}){SPACE}?(?:o['’]clock|Uhr|heures?)\b"),              # 4 o'clock
    # Russian: 7 часов 15 минут, 7 часов (a bare hour, as '7 heures')
    re.compile(rf"\b(?P<h>\d{{1,2}}){SPACE}?час(?:а|ов)?(?:{SPACE}(?P<m>\d{{1,2}}){SPACE}?мин(?:ут[аы]?)?)?(?!\w)"),
    # Chinese, Japanese, Korean: 下午3点15分, 午前2時半, 오후 3시 15분 (not 2時間, 2시간: hours)
    re.compile(rf"(?:(?P<pm>午後|下午|晚上|傍晚|오후)|(?P<am>午前|上午|凌晨|早上|清晨|오전))?{SPACE}?"
               rf"(?<![\d.,])(?P<h>\d{{1,2}}){SPACE}?(?:[点點時时](?!間)|시(?!간))"
               rf"(?:{SPACE}?(?:(?P<m>\d{{1,2}}){SPACE}?[分분]|(?P<half>[半반])))?"),
)
ROMAN_ORDINAL = re.compile(r"\b(?P<r>[IVXLC]{2,})(?:e|ème)\b|\b(?P<r1>[IVXLC]+)(?:er|ème)\b")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
HALF_DAY = 720
# a page reference: "S. 83", "p. 82", "pp. 295-298", "page 12", "Seite 3", "pág. 4" (or its range's end)
PAGE = re.compile(rf"\b(?:[SpP]|pp|pa?g|p[áa]g|Seiten?|pages?|pagina|página)\.?{SPACE}*(?:\d+{SPACE}*[-–]{SPACE}*)?$")


# a map's scale ('1:25 000', '1 : 25 000', '1/50 000'): one number, its denominator, not a
# time of day (1:25) and a 0 beside it
SCALE = re.compile(rf"\b1{SPACE}?[:/]{SPACE}?(?P<d>[1-9]\d{{0,2}}(?:(?:{SPACE}|[.,'’])?\d{{3}})+)(?!\d)")
# a range of years with its end cut short ('1953/54', '1950-52', '1930–35'): the end is 1954
YEAR_END = re.compile(rf"(?P<y>1\d{{3}}|20\d{{2}}){SPACE}?[-–/]{SPACE}?(?P<e>\d{{2}})(?!\d|[.,'’]\d)")

# francs and centimes as French writes them ('2 fr. 70', '3 frs 50', '10 F 50'): one sum, 2.70,
# as German and English write it ('Fr. 2.70'); the word written out ('4 francs 25 centimes')
# stays two numbers, as its translation ('4 francs and 25 centimes') would
MONEY = re.compile(rf"\b(?P<u>\d+){SPACE}?(?:[fF]rs?\.?|F){SPACE}?(?P<c>\d{{2}})(?!\d|[.,'’]\d)")

# a '1' before an apostrophe and a word is the letter l misread by OCR ("1'«industrie")
LETTER_L = re.compile(r"1['’]\s?(?=[«“\"]?[^\W\d_])")


@dataclass(frozen=True)
class Quantity:
    """A number (kind 'n'), a time of day (kind 't', value in minutes) or a version number
    (kind 'v', number_whole.version_value) and its span."""

    kind: str
    value: Decimal
    start: int
    end: int
    ambiguous: bool = False   # a time that may be twelve hours later (no am/pm, hour <= 12)
    page: bool = False        # a page reference ('S. 83', 'p. 82'): editions differ
    hours: bool = False       # a bare hour ('6 heures', '6 Uhr', '6 h'): a duration as well
    base: Decimal | None = None   # the number as written before its scale word ('120' of '120万')
    unit: str | None = None   # a unit converted for the translation's readers: base is then the
    # value in the partner unit, for finding it (number_measures: '38 °C', base 100 (°F))
    scaled: bool = False      # a scale word follows it ('14,5 milhões', '180 тысяч': number_scales)
    loose: bool = False       # its scale may be said elsewhere ('2 e 3 milhões', '(in millions)')
    measure: str | None = None   # the unit after it, converted or not ('km', 'mm', 'month': number_unit_kinds)
    unit_end: int = 0         # where that unit's word ends, for messages

    def same(self, other: Quantity) -> bool:
        """Equal values; a time of day twelve hours off if either may be; a bare hour and
        that many hours ('5 à 6 heures' / '5-6 Stunden': a duration, not six o'clock), or
        hours and minutes and as many hours in a fraction ('6 h 30' / '6 1/2 Stunden'); two
        measures in partner units by their values converted ('38 °C' / '100°F')."""
        if self.kind != other.kind:
            if "v" in (self.kind, other.kind):
                return False
            t, n = (self, other) if self.kind == "t" else (other, self)
            clock = clock_minutes(n.value)
            if clock is not None and (clock == t.value
                                      or t.ambiguous and clock % HALF_DAY == t.value % HALF_DAY):
                return True
            if _o_clock(t, n):
                return True
            return (t.hours or n.value != n.value.to_integral_value()) and n.value * 60 == t.value
        if self.unit and other.unit and partners(self.unit, other.unit):   # '38 °C' / '100°F'
            return same_measure(self.value, self.unit, other.value, other.unit)
        if changed_unit(self.measure, other.measure):   # '150 metres' / '150 kilometres'
            return rescaled(self.value, self.measure, other.value, other.measure)   # not '20 cm' / '200 mm'
        if self.value == other.value:
            return True
        if self.kind == "n" and self.written() & other.written():   # a scale word kept or shared (number_scales)
            return not (self.scaled or other.scaled) or self.loose or other.loose
        return self.kind == "t" and (self.ambiguous or other.ambiguous) and \
            self.value % HALF_DAY == other.value % HALF_DAY

    def written(self) -> set[Decimal]:
        """The value, and the number as written before a scale word (number_scales); not a
        measure's value converted (a figure of the other unit is no number written here)."""
        return {self.value} if self.base is None or self.unit else {self.value, self.base}


def clock_minutes(value: Decimal) -> Decimal | None:
    """A decimal read as a time of day, hours.minutes, in minutes: Turkish, Danish or Finnish
    write '2.15' for 2:15 with no word after it that TIMES could read ('2.15'te'), against
    '2:15' or '2 h 15' in the translation. None unless it has one or two decimals that can
    be minutes (Decimal drops a trailing zero: '14.30' is 14.3)."""
    whole = value.to_integral_value(rounding="ROUND_FLOOR")
    minutes = (value - whole) * 100
    if value == whole or not 0 <= whole <= 24 or minutes != minutes.to_integral_value() or minutes > 59:
        return None
    return whole * 60 + minutes


# the part of the day said after a clock's figures ('7 h 15 du soir' is 19:15, '4 h 30 du matin'
# 4:30): a for the morning, p for the afternoon and evening; the night is either
DAY_PERIOD = re.compile(rf"{SPACE}(?:(?P<a>du matin|da manhã|de la mañana|del mattino|утра|morgens|"
                        rf"vormittags|in the morning)|(?P<p>du soir|de l['’]après-midi|da tarde|de la tarde|"
                        rf"del pomeriggio|di sera|вечера|дня|abends|nachmittags|in the (?:afternoon|evening)))\b")
# a bare hour's half or quarter in words ('6 heures et demie', '6 hours and a half')
HOUR_PART = re.compile(rf"{SPACE}(?:et|and{SPACE}an?){SPACE}(?P<p>demie|quart|half|quarter)\b")
HOUR_PARTS = {"demie": 30, "half": 30, "quart": 15, "quarter": 15}


def _times(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    taken: set[int] = set()
    for pattern in TIMES:
        for m in pattern.finditer(text):
            if taken & set(range(m.start(), m.end())):
                continue
            found = m.groupdict()
            h, mins = int(m.group("h")), 30 if found.get("half") else int(found.get("m") or 0)
            ap = "p" if found.get("pm") else "a" if found.get("am") else (found.get("ap") or "").lower()
            if h > 24 or mins > 59 or (ap and not 1 <= h <= 12):
                continue
            period = DAY_PERIOD.match(text, m.end()) if not ap and 1 <= h <= 12 else None
            ap, stop = ("a" if period.group("a") else "p", period.end()) if period else (ap, m.end())
            h = h % 12 + (12 if ap == "p" else 0) if ap else h
            bare = found.get("m") is None and not found.get("half")
            part = HOUR_PART.match(text, m.end()) if not ap and bare else None
            mins, end = (HOUR_PARTS[part.group("p")], part.end()) if part else (mins, stop)
            uhr = not bare and "Uhr" in m.group()   # '7.15 Uhr' is 7:15: German writes '19.15 Uhr'
            out.append(Quantity("t", Decimal(h * 60 + mins), m.start(), end,
                                ambiguous=not ap and not uhr and h <= 12,
                                hours=not ap and not part and bare))
            taken |= set(range(m.start(), end))
    return out


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral ('XIX' is 19)."""
    values = [ROMAN[c] for c in numeral]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


FRACTION = re.compile(rf"(?<!\d)(?P<n>\d+)(?:{SPACE}?(?P<f>[½¼¾])|{SPACE}(?P<s>1/2|1/4|3/4)(?![\d/]))")
FRACTIONS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75"),
             "1/2": Decimal("0.5"), "1/4": Decimal("0.25"), "3/4": Decimal("0.75")}


def _year_ends(text: str) -> dict[int, Decimal]:
    """Where a range of years cut short ends ('1953/54'), and the year it ends: two digits
    after the first year, at most 20 years on. Years written so are no slip: German and
    French shorten them each their own way ('1953/54' / '1953-1954')."""
    out = {}
    for m in YEAR_END.finditer(text):
        y, e = int(m.group("y")), int(m.group("e"))
        end = y - y % 100 + e + (100 if e <= y % 100 else 0)
        if end - y <= 20:
            out[m.start("e")] = Decimal(end)
    return out


PAGE_REACH = 60   # characters before a number that can say it is a page ('Seiten 161-')


def _page(text: str, a: int) -> bool:
    """Is the number at `a` a page reference? Only the few characters before it are read
    (`endpos` makes PAGE's `$` match at the number), so a line of many numbers stays linear."""
    return bool(PAGE.search(text, max(0, a - PAGE_REACH), a))


# full-width punctuation as in a number ('３．５', '１０：３０'): one character for one
WIDE = str.maketrans({"．": ".", "：": ":"})


def quantities(text: str) -> list[Quantity]:
    """The quantities of text, numbers in Chinese characters, Korean native counts and Thai
    number words read as digits (cjk_digits: '十二个小时' is 12, '九点半' 9:30; native_digits:
    '다섯 개' is 5; thai_digits: 'สิบฟอง' is 10), spans in text as given."""
    native, moved_native = native_digits(text.translate(WIDE))
    read, moved = cjk_digits(native)
    thai, moved_thai = thai_digits(read)
    return _back(_back(_back(_quantities(thai), moved_thai), moved), moved_native)


def _back(found: list[Quantity], moved: list[tuple[int, int, int, int]]) -> list[Quantity]:
    """found with its spans in the text before numerals were written in digits (moved)."""
    if not moved:
        return found
    starts = [new_a for _, _, new_a, _ in moved]
    return [replace(q, start=_at(q.start, moved, starts, 0), end=_at(q.end, moved, starts, 1))
            for q in found]


def _at(pos: int, moved: list[tuple[int, int, int, int]], starts: list[int], end: int) -> int:
    """Where pos, a start (end 0) or an end (end 1) in the text cjk_digits wrote, was
    before it wrote numerals in digits (starts: where each was written, for a bisection:
    a line of thousands of numerals stays fast)."""
    k = bisect_right(starts, pos - end) - 1
    if k < 0:
        return pos
    a, b, _, new_b = moved[k]
    if pos < new_b + end:
        return b if end else a
    return pos + b - new_b


def _quantities(text: str) -> list[Quantity]:
    """Map scales, times, then the numbers outside them ('1 ½' = 1.5, '2 fr. 70' = 2.7; a
    year range's short end read in full), then Roman ordinals ('XIXe' = 19)."""
    scales = [Quantity("n", Decimal(re.sub(r"\D", "", m.group("d"))), m.start(), m.end())
              for m in SCALE.finditer(text)] + [Quantity("n", v, a, b) for v, a, b in decades(text)]
    scales += [Quantity("n", v, a, b, base=n) for v, n, a, b in compounds(text) + era_years(text)]
    scales += [Quantity("v", v, a, b) for v, a, b in versions(text)]
    scales += [Quantity("n", v, a, b) for v, a, b in round_the_clock(text)]
    thai = [Quantity(t.kind, t.value, t.start, t.end, ambiguous=t.ambiguous, base=t.base)
            for t in thai_quantities(text)]   # 'สองทุ่ม' (20:00), 'พ.ศ. 2568' (2025): number_thai
    masked = list(text)
    for q in scales + thai:
        masked[q.start:q.end] = " " * (q.end - q.start)
    times = _times("".join(masked))
    halves = [Quantity("n", Decimal(m.group("n")) + FRACTIONS[m.group("f") or m.group("s")],
                       m.start(), m.end()) for m in FRACTION.finditer(text)]
    halves += [Quantity("n", (Decimal(m.group("u")) + Decimal(m.group("c")) / 100).normalize(),
                        m.start(), m.end()) for m in MONEY.finditer("".join(masked))]
    for t in times + halves:
        masked[t.start:t.end] = " " * (t.end - t.start)
    ends = _year_ends(text)
    numbers = [_scaled(Quantity("n", ends.get(a, v) if b - a == 2 else v, a, b, page=_page(text, a)), text)
               for v, a, b in number_values("".join(masked))
               if not LETTER_L.match(text, a)] + [_scaled(h, text) for h in halves] + scales
    numbers = [measured(q, text) for q in shared_scales(numbers, text)]
    romans = [Quantity("n", Decimal(roman_value(m.group("r") or m.group("r1"))), m.start(), m.end())
              for m in ROMAN_ORDINAL.finditer(text)]
    return sorted(times + numbers + romans + thai, key=lambda q: q.start)


def _scaled(q: Quantity, text: str) -> Quantity:
    """q times the scale word after it ('1.2 million', '120万'), its number as written kept."""
    found = scale_after(text, q.end, q.start)
    if found is None:
        return q
    return replace(q, value=(q.value * found[0]).normalize(), base=q.value, end=found[1], scaled=True)


def _o_clock(t: Quantity, n: Quantity) -> bool:
    """A whole hour and its number on either clock: '早上六点' / 'at six', '下午三点' / 'at
    three', '16 h' / 'at 4' (the hour alone is how English says the time; it was an error)."""
    if t.value % 60 or n.value != n.value.to_integral_value():
        return False
    hour = int(t.value) // 60
    return int(n.value) in (hour, hour % 12 or 12)


def aside(q: Quantity, text: str) -> bool:
    """A page reference, or a number inside brackets ('(8481 m)', '(2,75 m)', '(voir ...,
    n° 293)'): a height, a conversion or a reference a translator adds or drops on purpose."""
    return asides([q], text)[0]


def asides(qs: Sequence[Quantity], text: str) -> list[bool]:
    """`aside` for each of qs (in text order), reading the text once: a line of many
    numbers stays linear."""
    out, depth, at = [], {"(": 0, "[": 0}, 0
    closing = {")": "(", "]": "["}
    for q in qs:
        for c in text[at:q.start]:
            if c in depth:
                depth[c] += 1
            elif c in closing:
                depth[closing[c]] -= 1
        at = max(at, q.start)
        out.append(q.page or any(d > 0 for d in depth.values()))
    return out


SHOWN = 12   # values a finding's message lists; beyond, it says how many more
STOP = re.compile(r"(?<=[\s\d][aApP][mM])\.$|(?<=[\s\d]h)\.$")   # the sentence's full stop after '4 pm', '16 h'


def listed(qs: Sequence[Quantity], text: str = "", units: bool = False) -> str:
    """qs for a finding's message as `text` (their side) writes them ('16 h 40', '4:14 pm'; by
    value without it), with their units if `units` ('150 metros': the figures are the same):
    '1921, 1912', '... and 4,988 more', or 'nothing'."""
    said = ", ".join(_said(q, text, units) for q in qs[:SHOWN]) or "nothing"
    return said + (f" and {len(qs) - SHOWN:,} more" if len(qs) > SHOWN else "")


def _said(q: Quantity, text: str, units: bool) -> str:
    """q as its side writes it, with its unit if `units` ('150 metros'), a unit not metric
    with its value in the metric one ('80 miles (128.7 km)')."""
    note = metric_note(q)
    end = q.unit_end if units and q.unit_end and not note and text else q.end
    return (STOP.sub("", text[q.start:end]) if text else show(q)) + note


def show(q: Quantity) -> str:
    if q.kind == "t":
        h, m = divmod(int(q.value), 60)
        return f"{h}:{m:02d}"
    if q.kind == "v":
        return version_text(q.value)
    return format(q.value, "f")   # 6000, not 6E+3
