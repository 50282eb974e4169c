"""The unit after a figure and its kind, for the numbers check: '150 metres' / '150 kilometres'.

Part of the check stage (number_measures.measured reads the unit here, numbers.Quantity.same
compares). Why: the numbers check compared figures alone, so the same figure with another unit
of the same kind ('150 metres tall' / '150 kilometres tall', '22 cm' / '22 mm', '3 meses' /
'3 weeks') passed, though the measure is off by a factor of ten to a thousand, and a figure
converted into the partner unit ('100 km' / '62 miles') is number_measures'. A unit here is
a length, a weight, a volume, a speed, a temperature or a span of time; the words are each
language's after a figure (Russian, Portuguese and Dutch beside number_measures.UNITS' own:
'500 километров' / '500 miles' said nothing), singular and plural, Russian in its cases. A
letter alone that is a word's abbreviation too ('г.' for 'год', 'м.' for 'метро', 't') is
left out. No library in pyproject reads units in prose; the words are few and fixed.
"""

from __future__ import annotations

import re

SPACE = "[ \u00a0\u202f\u2009]"
_NO_LETTER = r"(?![^\W\d_])"

# each language's words for the units number_measures converts, where its UNITS lacks them
CONVERTED_WORDS: dict[str, str] = {
    "km/h": r"км/ч|километр(?:а|ов)? в час|quil[óô]metros? por hora|km/u|kilometer per uur",
    "mph": r"мил(?:я|и|ь) в час|milhas? por hora|mijl per uur",
    "km": r"км|километр(?:а|ов|ах|ами)?|quil[óô]metros?",
    "miles": r"мил(?:я|и|ь|ях|ями)|milhas?|mijlen|mijl",
    "cm": r"см|сантиметр(?:а|ов|ах|ами)?",
    "in": r"дюйм(?:а|ов|ах|ами)?|polegadas?|duim",
    "m": r"метр(?:а|ов|ах|ами)?",
    "ft": r"фут(?:а|ов|ах|ами)?|pés|voet",
    "kg": r"кг|килограмм(?:а|ов|ах|ами)?|quilos?|quilogramas?",
    "lb": r"фунт(?:а|ов|ах|ами)?|ponden",
    "g": r"граммов|грамма|грамм|gramas?",
    "oz": r"унци(?:я|и|ю|й|ях)|onças?",
    "l": r"литр(?:а|ов|ах|ами)?",
    "gal": r"галлон(?:а|ов|ах|ами)?|gal[õo]es|galão",
}
# units no translator converts into a partner here, with their words
OTHER_UNITS: dict[str, str] = {
    "mm": r"mm|мм|millim[eè]tres?|millimeters?|Millimetern?|mil[íi]metros?|millimetri|миллиметр(?:а|ов|ах|ами)?",
    "ml": r"ml|мл|millilit(?:re|er)s?|Millilitern?|milil[íi]tros?|millilitri|миллилитр(?:а|ов|ах|ами)?",
    "t": r"tonnes?|tons?|toneladas?|Tonnen?|тонн(?:а|ы|у|ами|ах)?",
    "s": r"seconds?|secondes?|Sekunden?|segundos?|secondi|seconden|секунд(?:а|ы|у|ами|ах)?",
    "min": r"minutes?|Minuten?|minutos?|minuti|минут(?:а|ы|у|ами|ах)?",
    "h": r"hours?|heures?|Stunden?|horas?|ore|uur|часов|часа|час",
    "day": r"days?|jours?|Tagen?|dias?|d[íi]as|giorni|dagen|дней|дня|день|суток|сутки",
    "week": r"weeks?|semaines?|Wochen?|semanas?|settimane?|weken|week|недель|недели|неделю|неделя",
    "month": r"months?|mois|Monate?n?|meses|m[eê]s|mesi|mese|maanden?|месяцев|месяца|месяц",
    "year": r"years?|ans|années?|Jahren?|Jahre|anos?|años?|anni|jaar|jaren|лет|года|год",
}
# each unit's kind: the same figure with another unit of one kind is a measure changed
KINDS: dict[str, str] = {
    **dict.fromkeys(("km", "m", "cm", "mm", "miles", "ft", "in"), "length"),
    **dict.fromkeys(("kg", "g", "t", "lb", "oz"), "weight"),
    **dict.fromkeys(("l", "ml", "gal"), "volume"),
    **dict.fromkeys(("km/h", "mph"), "speed"),
    **dict.fromkeys(("°C", "°F"), "temperature"),
    **dict.fromkeys(("s", "min", "h", "day", "week", "month", "year"), "time"),
}
_OTHER = re.compile(rf"(?:{SPACE}|-)(?:" + "|".join(
    f"(?P<u{k}>(?:{words}){_NO_LETTER})" for k, words in enumerate(OTHER_UNITS.values())) + ")")
_OTHER_NAMES = list(OTHER_UNITS)


def other_unit_after(text: str, end: int) -> tuple[str, int] | None:
    """(unit, end of its word) of a unit of OTHER_UNITS right after a figure ending at `end`
    ('22-millimetre', '3 meses'), after a space or a hyphen ('3h' is a time: numbers.TIMES)."""
    m = _OTHER.match(text, end)
    if m is None or m.lastgroup is None:
        return None
    return _OTHER_NAMES[int(m.lastgroup[1:])], m.end()


def changed_unit(a: str | None, b: str | None) -> bool:
    """Are a and b two units of one kind ('m', 'km'; 'month', 'week')? A figure kept with such
    a unit changed is no equal (a unit converted is number_measures', a unit on one side only
    the figure's as before)."""
    return a is not None and b is not None and a != b and KINDS.get(a) is not None and KINDS.get(a) == KINDS.get(b)
