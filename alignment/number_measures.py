"""Measures a translator converts for a reader of another system: '38 °C' is '100°F', '40 km'
'25 miles', '2 kg' '4.4 lb'.

Part of the check stage (numbers.quantities reads a unit after a figure here; Quantity.same
compares two measures in partner units). Why: '38 °C' / '100°F' was the error "numbers
differ: 38 ... 100" on a correct conversion for an American reader. A figure followed by a
unit of one of the partners below keeps its value as written, and also carries its value
converted into the partner unit, rounded as the figure is written (numbers.Quantity.base),
so the numbers check finds its counterpart by value; the two are then the same measure when
one, converted, is within 2 % of the other (temperatures: within the rounding of either
figure), or rounds to it as the other is written ('100 km' / '60 miles'). The numbers check
looks a measure's counterpart up by the band its value falls in (filed_under, looked_up), not
by one rounded value per side: '100 km' (62.1 miles, read as 62) and '60 miles' (96.6 km, read
as 97) never met, and the correct conversion was an error. The units are few and their factors
fixed, so a table does it; no library in pyproject reads units in prose. The same units written
out after a number in words ('neuf mètres', 'six feet') are read by unit_named, for number_units.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from .number_unit_kinds import CONVERTED_WORDS, KINDS, other_unit_after
from .word_similarity import fold

if TYPE_CHECKING:
    from .numbers import Quantity

SPACE = "[ \u00a0\u202f\u2009]"
_NO_LETTER = r"(?![^\W\d_])"

# unit name -> (the words and signs written for it after a figure, its partner unit)
UNITS: dict[str, tuple[str, str]] = {
    "°C": (r"°\s?C|º\s?C|degrees? (?:Celsius|centigrade)|Grad Celsius|degrés? Celsius"
           r"|grados? (?:Celsius|centígrados)", "°F"),
    "°F": (r"°\s?F|º\s?F|degrees? Fahrenheit|Grad Fahrenheit|degrés? Fahrenheit|grados? Fahrenheit", "°C"),
    "km/h": (r"km/h|km/std|kmh|kilom[eè]tres? (?:à l'heure|par heure|per hour|an hour)"
             r"|Stundenkilometern?|kilómetros? por hora", "mph"),
    "mph": (r"mph|miles? (?:per|an|à l'heure) hour|Meilen pro Stunde|millas por hora", "km/h"),
    "km": (r"km|kilom[eè]tres?|kilometers?|Kilometern?|kilómetros?|chilometri", "miles"),
    "miles": (r"miles?|Meilen|millas?|miglia", "km"),
    "cm": (r"cm|centim[eè]tres?|centimeters?|Zentimetern?|centímetros?|centimetri", "in"),
    "in": (r"in\.|inch(?:es)?|″|Zoll|pouces?|pulgadas?|pollici", "cm"),
    "m": (r"m(?![²³/])|m[eè]tres?|meters?|Metern?|metros?|metri", "ft"),
    "ft": (r"ft|feet|foot|Fu(?:ß|ss)|pieds?|pies|piedi", "m"),
    "kg": (r"kg|kilos?|kilogram(?:me)?s?|Kilogramm|kilogramos?", "lb"),
    "lb": (r"lbs?\.?|pounds?|Pfund|livres?|libras?|libbre", "kg"),
    "g": (r"g|grams?|grammes?|Gramm|gramos?|grammi", "oz"),
    "oz": (r"oz\.?|ounces?|Unzen?|onces?|onzas?", "g"),
    "l": (r"l|litres?|liters?|Litern?|litros?|litri", "gal"),
    "gal": (r"gal\.?|gallons?|Gallonen?|galones?|galloni", "l"),
}
# the words of each unit, other languages' too (number_unit_kinds: '500 километров')
_WORDS = [words + (f"|{CONVERTED_WORDS[u]}" if u in CONVERTED_WORDS else "") for u, (words, _) in UNITS.items()]
_UNIT = re.compile(rf"(?:{SPACE}|-)?(?:" + "|".join(
    f"(?P<u{k}>(?:{words}){_NO_LETTER})" for k, words in enumerate(_WORDS)) + ")")
_NAMES = list(UNITS)

# each unit in its partner's: a factor, or a function for the temperatures
_FACTORS: dict[str, Decimal] = {
    "km": Decimal("0.621371"), "km/h": Decimal("0.621371"), "cm": Decimal("0.393701"),
    "m": Decimal("3.28084"), "kg": Decimal("2.20462"), "g": Decimal("0.035274"),
    "l": Decimal("0.264172"),   # US gallons
}
_CONVERT: dict[str, Callable[[Decimal], Decimal]] = {
    "°C": lambda v: v * 9 / 5 + 32, "°F": lambda v: (v - 32) * 5 / 9,
    **{u: (lambda v, f=f: v * f) for u, f in _FACTORS.items()},
    **{UNITS[u][1]: (lambda v, f=f: v / f) for u, f in _FACTORS.items()},
}
METRIC = ("°C", "km/h", "km", "cm", "m", "kg", "g", "l")
TEMPERATURES = ("°C", "°F")
TOLERANCE = Decimal("0.02")
ROUNDED = Decimal("0.1")   # a figure rounded as written ('100 km' / '60 miles') may be this far off, no more
# the bands measures are looked up in: a quarter wide in ratio (a counterpart is at most ROUNDED
# off, so it lies in the band of the value converted or one beside it), temperatures 2 degrees
# (a counterpart is within the rounding of a figure)
BAND = math.log(1.25)
DEGREES = Decimal(2)


def unit_after(text: str, end: int) -> tuple[str, int] | None:
    """(unit, end of its word or sign) of a convertible unit right after a figure at `end`."""
    m = _UNIT.match(text, end)
    if m is None or m.lastgroup is None:
        return None
    return _NAMES[int(m.lastgroup[1:])], m.end()


# the words of UNITS folded as number_words folds a text ('mètres' is 'metres', 'Fuß' 'fuss')
_UNIT_WORD = re.compile("|".join(f"(?P<u{k}>{fold(words)})" for k, words in enumerate(_WORDS)),
                        re.IGNORECASE)


def unit_named(word: str) -> str | None:
    """The unit a word after a number in words names ('mètres', 'feet', 'kilos', 'km': 'm');
    None for a letter alone ('m', 'g', 'l'), which after words is mostly another word ("trois
    m'ont dit"), and for the temperatures (their words are two: 'degrés Celsius')."""
    m = _UNIT_WORD.fullmatch(fold(word)) if len(word) > 1 and word.isalpha() else None
    unit = _NAMES[int(m.lastgroup[1:])] if m is not None and m.lastgroup else None
    return None if unit in TEMPERATURES else unit


def converted(value: Decimal, unit: str) -> tuple[str, Decimal]:
    """(partner unit, value in it): 38 °C is 100.4 °F."""
    return UNITS[unit][1], _CONVERT[unit](value)


def _step(written: Decimal, whole_zeros: bool) -> Decimal:
    """The unit of the last digit of a figure as written: 0.1 for '37.5', 1 for '38', 10 for
    '60' where whole_zeros (a round figure of a distance or weight: '60 miles')."""
    sign, digits, exponent = written.as_tuple()
    if isinstance(exponent, int) and exponent < 0:
        return Decimal(1).scaleb(exponent)
    zeros = len(str(int(written))) - len(str(int(written)).rstrip("0")) if whole_zeros and written else 0
    return Decimal(1).scaleb(zeros)


def rounded_as(value: Decimal, written: Decimal, whole_zeros: bool = True) -> Decimal:
    """value rounded as `written` is: to its decimals, or its last digit that is not a zero."""
    step = _step(written, whole_zeros)
    return ((value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step).normalize()


def key_value(value: Decimal, unit: str) -> Decimal:
    """The value in the partner unit to as many significant digits as this figure has, two at
    least ('25 miles' is 40 km, '10 l' 2.6 gallons), a temperature to its decimals ('100°F' is 38 °C,
    not 40), for finding the other side's figure by value (same_measure then decides)."""
    other = converted(value, unit)[1]
    if unit in TEMPERATURES or not other:
        return rounded_as(other, value, False)
    digits = max(len(value.normalize().as_tuple().digits), 2)
    step = Decimal(1).scaleb(other.adjusted() - digits + 1)
    return ((other / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step).normalize()


def partners(a: str, b: str) -> bool:
    """Are a and b units a translator converts one into the other ('°C', '°F')?"""
    return UNITS[a][1] == b


def same_measure(a: Decimal, a_unit: str, b: Decimal, b_unit: str) -> bool:
    """Are a and b one measure in partner units: a temperature, converted, rounds as the other
    is written to the other ('38 °C' / '100°F'; a percentage of 0 °C means nothing); another
    measure, converted, is within 2 % of the other, or within 10 % and rounds to it as it is
    written ('100 km' / '60 miles'; '100 km' / '80 miles' is no rounding of 62), either way
    round: each side asks it of the other, and '20 kg' / '40 lb' (44.1 lb; 40 lb is 18.1 kg)
    was a figure matched from one side and missing from the other."""
    to_b, to_a = converted(a, a_unit)[1], converted(b, b_unit)[1]
    if a_unit in TEMPERATURES:
        return rounded_as(to_b, b, False) == b or rounded_as(to_a, a, False) == a
    if not a or not b:
        return not a and not b
    rounds = rounded_as(to_b, b) == b or rounded_as(to_a, a) == a
    off = min(abs(to_b - b) / abs(b), abs(to_a - a) / abs(a))
    return off <= TOLERANCE or off <= ROUNDED and rounds


def _band(value: Decimal, unit: str) -> int | None:
    """The band of a measure's value (BAND, DEGREES); None for 0, which is found by its value."""
    if unit in TEMPERATURES:
        return int((value / DEGREES).to_integral_value(rounding=ROUND_FLOOR))
    return math.floor(math.log(abs(float(value))) / BAND) if value else None


def filed_under(unit: str | None, value: Decimal) -> list[tuple[str, Decimal]]:
    """The key a measure is filed under for the other side's lookup (none for a bare number)."""
    band = _band(value, unit) if unit else None
    return [] if band is None else [(f"measure {unit}", Decimal(band))]


def looked_up(unit: str | None, value: Decimal) -> list[tuple[str, Decimal]]:
    """The keys a measure's counterpart in the partner unit may be filed under: the band of its
    value converted and the two beside it ('100 km' is 62.1 miles: '60 miles' and '62 miles'
    are found, and same_measure decides)."""
    if not unit:
        return []
    other, v = converted(value, unit)
    band = _band(v, other)
    return [] if band is None else [(f"measure {other}", Decimal(band + d)) for d in (0, -1, 1)]


# metric units a figure keeps while its unit changes, in their kind's base unit: '20 cm' / '203 mm'
# ('8 pouces (203 mm)', a translator's own conversion of a German '20 cm': Text+Berg dev) and '6,3 km'
# / '6300 m' are one measure; 't' is left out ('tons' may be short or long tons)
METRIC_SCALE: dict[str, Decimal] = {
    "mm": Decimal("0.001"), "cm": Decimal("0.01"), "m": Decimal(1), "km": Decimal(1000),
    "g": Decimal(1), "kg": Decimal(1000), "ml": Decimal("0.001"), "l": Decimal(1),
}


def rescaled(a: Decimal, a_unit: str | None, b: Decimal, b_unit: str | None) -> bool:
    """Are a and b one measure in two metric units of a kind ('20 cm' / '200 mm'; within 2 %:
    '203 mm', the rounding of a conversion made elsewhere)? '22 cm' / '22 mm' is not."""
    if a_unit not in METRIC_SCALE or b_unit not in METRIC_SCALE or KINDS[a_unit] != KINDS[b_unit]:
        return False
    x, y = a * METRIC_SCALE[a_unit], b * METRIC_SCALE[b_unit]
    return bool(x and y) and abs(x - y) <= TOLERANCE * max(abs(x), abs(y))


def metric_keys(measure: str | None, value: Decimal, near: bool = False) -> list[tuple[str, Decimal]]:
    """The keys a figure in a metric unit is filed under (near: looked up under) by its value in
    its kind's base unit, for number_match: its band, and the two beside it when looking up."""
    if measure not in METRIC_SCALE or not value:
        return []
    kind = KINDS[measure]
    band = math.floor(math.log(abs(float(value * METRIC_SCALE[measure]))) / BAND)
    return [(f"metric {kind}", Decimal(band + d)) for d in ((0, -1, 1) if near else (0,))]


def in_metric(value: Decimal, unit: str) -> str:
    """'37.8 °C' for 100 °F, for a finding's message; '' for a metric unit."""
    if unit in METRIC:
        return ""
    other, v = converted(value, unit)
    return f"{v.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP).normalize():f} {other}"


def measured(q: Quantity, text: str) -> Quantity:
    """q with the unit after it a translator may convert ('38 °C', '25 miles'), base its value
    in the partner unit (key_value), or another unit ('22 mm', '3 meses': number_unit_kinds);
    its span stays the figure's (marks as before), the unit's end kept for messages."""
    if q.kind != "n" or q.base is not None:
        return q
    found = unit_after(text, q.end)
    if found is not None:
        return replace(q, base=key_value(q.value, found[0]), unit=found[0], measure=found[0], unit_end=found[1])
    other = other_unit_after(text, q.end)
    return q if other is None else replace(q, measure=other[0], unit_end=other[1])


def metric_note(q: Quantity) -> str:
    """' °F (37.8 °C)' after a measure in a unit not metric ('100°F'), for a finding's message:
    the reader compares it with the original's figure in its own unit."""
    metric = in_metric(q.value, q.unit) if q.unit else ""
    return f" {q.unit} ({metric})" if metric else ""


def units_said(mine: Sequence[Quantity], theirs: Sequence[Quantity]) -> bool:
    """Do a finding's figures need their units to be told apart: a figure on both sides, each
    with another unit ('150 metros' / '150 kilometres', '3 meses' / '3 weeks'), none of them
    a unit the message already names with its metric value ('5 miles (8 km)')?"""
    shared = {q.value for q in mine} & {q.value for q in theirs}
    return bool(shared) and not any(metric_note(q) for q in (*mine, *theirs) if q.value in shared)
