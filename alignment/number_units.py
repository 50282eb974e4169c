"""Counted units a translator converts: 'trois quarts d'heure' is 'forty-five minutes', 'deux
douzaines' 'twenty-four', 'deux siècles' 'two hundred years', 'quinze jours' 'two weeks'.

Part of the check stage: the numbers check (checks._words_changed, checks._written_apart)
and number_pairs compare the numbers written out in words on both sides, and a number before
such a unit was compared bare: 'trois' / 'forty-five' was the warning "numbers differ", on a
faithful translation. Here a number before a unit also counts as its value in the smaller
unit (3 quarters of an hour = 45), and a value either side writes so is matched. The units
are few and fixed (quarters of an hour, dozens, scores, weeks, fortnights, decades, centuries),
so a small table per language does it; no library lists them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from decimal import Decimal
from functools import lru_cache

from .lang import primary
from .number_words import _cardinals, _folded, spelled

# a unit after a number, folded ('-' as a space), and how many of the smaller unit it holds
UNIT_FACTORS: dict[str, tuple[tuple[str, int], ...]] = {
    "fr": ((r"quarts? d'heure", 15), (r"douzaines?", 12), (r"semaines?", 7), (r"decennies?", 10),
           (r"siecles?", 100)),
    "en": ((r"quarters? of an hour", 15), (r"dozens?", 12), (r"score", 20), (r"weeks?", 7),
           (r"fortnights?", 14), (r"decades?", 10), (r"centur(?:y|ies)", 100)),
    "de": ((r"viertelstunden?", 15), (r"dutzend", 12), (r"wochen?", 7), (r"jahrzehnten?", 10),
           (r"jahrhunderten?", 100)),
    "es": ((r"cuartos? de hora", 15), (r"docenas?", 12), (r"semanas?", 7), (r"decadas?", 10),
           (r"siglos?", 100)),
    "it": ((r"quarti? d'ora", 15), (r"dozzine?", 12), (r"settimane?", 7), (r"decenni?", 10),
           (r"secoli?", 100)),
}


@lru_cache(maxsize=16)
def _pattern(lang: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    cardinals, units = _cardinals(primary(lang)), UNIT_FACTORS.get(primary(lang))
    if cardinals is None or units is None:
        return None
    cardinal = cardinals[0].pattern.removeprefix(r"\b").removesuffix(r"\b")
    alternatives = "|".join(f"(?P<u{k}>{unit})" for k, (unit, _) in enumerate(units))
    return re.compile(rf"\b(?P<n>{cardinal}) (?:{alternatives})\b"), cardinals[1]


def counted(text: str, lang: str) -> list[tuple[int, int]]:
    """(number, its value in the smaller unit) for each number in words before a unit:
    'trois quarts d'heure' -> (3, 45), 'two dozen' -> (2, 24)."""
    found = _pattern(lang)
    if found is None:
        return []
    pattern, words = found
    units = UNIT_FACTORS[primary(lang)]
    return [(words[m.group("n")], words[m.group("n")] * units[int(m.lastgroup[1:])][1])
            for m in pattern.finditer(_folded(text))]


def converted(n: int, text: str, lang: str, other: str, other_lang: str,
              figures: Collection[Decimal] = ()) -> bool:
    """Does the other side write n converted: n before a unit here whose value the other side
    writes (in figures or words), or n is the value of a number before a unit there?"""
    return any(v == n and (Decimal(c) in figures or spelled(Decimal(c), other, other_lang))
               for v, c in counted(text, lang)) or any(c == n for _, c in counted(other, other_lang))
