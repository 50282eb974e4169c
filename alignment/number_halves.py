"""Half hours and round approximations in words: 'une demi-heure' is thirty minutes, as is 'half
an hour' or 'pół godziny'; 'une dizaine' is about ten, 'a dozen' about twelve.

Part of the check stage: number_words.spelled finds a figure in them ('30 minutes' / 'une
demi-heure', '10' / 'une dizaine': each was a finding), and number_pairs compares them with the
other side's numbers in words ('une demi-heure' / 'forty minutes', 'une dizaine' / 'fifty':
each drew none). An approximation is lenient: any value from half of it to twice it is its
equal ('une dizaine' / 'twelve', 'a dozen', '8'), so only a number far off is a finding.

The phrases are few and fixed, so small tables per language do it; no library lists them.
Left out: words that are approximations only sometimes, French 'quarantaine' (quarantine) and
'quinzaine' (a fortnight, translated 'two weeks'); plurals ('des dizaines': tens of).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from decimal import Decimal
from functools import lru_cache

from .lang import primary

# half an hour, folded ('-' as a space), with the article before it if any
HALF_HOURS: dict[str, str] = {
    "en": r"(?:a )?(?<!and a )half (?:an )?hour", "fr": r"(?:une )?demi heure",
    "de": r"(?:eine[nr]? )?halbe[nr]? stunde", "es": r"media hora", "it": r"(?:una )?mezz'? ?ora",
    "pt": r"meia hora", "nl": r"(?:een )?half ?uur", "pl": r"poł godziny", "ru": r"пол ?часа",
    "uk": r"пів ?години", "cs": r"pul hodiny", "tr": r"yarım saat",
}
# a round number said as a noun, after its article, folded -> its value
APPROXIMATE: dict[str, tuple[str, dict[str, int]]] = {
    "fr": ("une", {"dizaine": 10, "douzaine": 12, "vingtaine": 20, "trentaine": 30, "cinquantaine": 50,
                   "soixantaine": 60, "centaine": 100}),
    "en": ("a", {"dozen": 12}),
    "de": ("ein(?:e|em|en)?", {"dutzend": 12}),
    "es": ("una?", {"decena": 10, "docena": 12, "veintena": 20, "centena": 100, "centenar": 100}),
    "it": ("una?", {"decina": 10, "dozzina": 12, "ventina": 20, "trentina": 30, "cinquantina": 50,
                    "centinaio": 100}),
    "pt": ("uma?", {"dezena": 10, "duzia": 12, "vintena": 20, "centena": 100}),
}


@lru_cache(maxsize=16)
def _half_hour(lang: str) -> re.Pattern[str] | None:
    said = HALF_HOURS.get(lang)
    return re.compile(rf"\b{said}\b") if said else None


@lru_cache(maxsize=16)
def _approximate(lang: str) -> re.Pattern[str] | None:
    if lang not in APPROXIMATE:
        return None
    article, words = APPROXIMATE[lang]
    return re.compile(rf"\b{article} (?P<w>{'|'.join(words)})\b")


def half_hours(folded: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each half hour said in words in folded text ('une demi heure')."""
    pattern = _half_hour(primary(lang))
    return [m.span() for m in pattern.finditer(folded)] if pattern else []


def approximations(folded: str, lang: str) -> list[tuple[int, int, int]]:
    """(value, start, end) of each round approximation in folded text ('une dizaine': 10)."""
    pattern = _approximate(primary(lang))
    if pattern is None:
        return []
    words = APPROXIMATE[primary(lang)][1]
    return [(words[m.group("w")], m.start(), m.end()) for m in pattern.finditer(folded)]


def near(approx: int, value: Decimal | int) -> bool:
    """Is value an approximation's equal: from half of it to twice it?"""
    return Decimal(approx) / 2 <= value <= 2 * approx


def said_about(value: Decimal, folded: str, lang: str) -> bool:
    """Does folded text say value as half an hour (30) or by an approximation near it?"""
    if value == 30 and half_hours(folded, lang):
        return True
    return any(near(a, value) for a, *_ in approximations(folded, lang))


def near_any(approx: int, values: Collection[Decimal | int]) -> bool:
    """Does any of values stand near the approximation `approx`?"""
    return any(near(approx, v) for v in values)
