"""Counted units a translator converts: 'trois quarts d'heure' is 'forty-five minutes', 'deux
douzaines' 'twenty-four', 'deux siècles' 'two hundred years', 'quinze jours' 'two weeks'.

Part of the check stage: the numbers check (checks._words_changed, checks._written_apart)
and number_pairs compare the numbers written out in words on both sides, and a number before
such a unit was compared bare: 'trois' / 'forty-five' was the warning "numbers differ", on a
faithful translation. Here a number before a unit also counts as its value in the smaller
unit (3 quarters of an hour = 45), and a value either side writes so is matched. The units
are few and fixed (quarters of an hour, dozens, scores, weeks, fortnights, decades, centuries,
pairs), so a small table per language does it; no library lists them. Pairs: 'quatre mains' /
'their two pair of hands' was "numbers differ: quatre (4) ... two (2)" on LIMSI's gold (Jane
Eyre, a free multi-sentence link; bench_checks --multi, seeds 0 and 2).

A number in words before a measure number_measures converts ('trois kilomètres', 'neuf pieds')
is compared too (it was left out, so 'neuf mètres' / 'six meters' said nothing): it is matched
by the other side's measure in the partner unit, in words or figures, as same_measure rounds
it ('trois kilomètres' / 'two miles', 1.86), not by its bare value (measure_converted).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from decimal import Decimal
from functools import lru_cache

from .lang import primary
from .number_measures import partners, same_measure, unit_named
from .number_words import SCALES, _cardinals, _folded, spelled
from .numbers import quantities

# a unit after a number, folded ('-' as a space), and how many of the smaller unit it holds
UNIT_FACTORS: dict[str, tuple[tuple[str, int], ...]] = {
    "fr": ((r"quarts? d'heure", 15), (r"douzaines?", 12), (r"semaines?", 7), (r"decennies?", 10),
           (r"siecles?", 100), (r"paires? d(?:e|')", 2)),
    "en": ((r"quarters? of an hour", 15), (r"dozens?", 12), (r"score", 20), (r"weeks?", 7),
           (r"fortnights?", 14), (r"decades?", 10), (r"centur(?:y|ies)", 100), (r"pairs? of", 2)),
    "de": ((r"viertelstunden?", 15), (r"dutzend", 12), (r"wochen?", 7), (r"jahrzehnten?", 10),
           (r"jahrhunderten?", 100), (r"paar", 2)),
    "es": ((r"cuartos? de hora", 15), (r"docenas?", 12), (r"semanas?", 7), (r"decadas?", 10),
           (r"siglos?", 100), (r"pares? de", 2)),
    "it": ((r"quarti? d'ora", 15), (r"dozzine?", 12), (r"settimane?", 7), (r"decenni?", 10),
           (r"secoli?", 100), (r"pai[ao] di", 2)),
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
    writes (in figures or words), or n is the value of a number before a unit there, or n
    before a measure here is the other side's measure in the partner unit (measure_converted)?"""
    return any(v == n and (Decimal(c) in figures or spelled(Decimal(c), other, other_lang))
               for v, c in counted(text, lang)) or any(c == n for _, c in counted(other, other_lang)) \
        or measure_converted(n, text, lang, other, other_lang)


# what may stand between a number in words and its unit: nothing, or one word ('cinquante bons
# kilometres'), then 'de' ('neuf pieds', 'trois metres de haut' have none), folded
_TO_UNIT = (re.compile(r" (?:de |d')?(?P<u>[^\W\d_]+)"), re.compile(r" [^\W\d_]+ (?:de |d')?(?P<u>[^\W\d_]+)"))


@lru_cache(maxsize=64)
def measures_in_words(text: str, lang: str) -> tuple[tuple[int, str], ...]:
    """(number, unit) of each cardinal in words before a unit number_measures converts: 'neuf
    mètres' -> (9, 'm'), 'fifty good miles' -> (50, 'miles'); kept for the link's next number
    (measure_converted asks it of each)."""
    found = _cardinals(primary(lang))
    if found is None:
        return ()
    pattern, words = found
    folded = _folded(text, lang)
    scale = re.compile(rf" (?:{SCALES})\b")
    out = []
    for m in pattern.finditer(folded):
        if scale.match(folded, m.end()):   # 'deux mille mètres' is 2000 m, not 2
            continue
        units = (unit_named(u.group("u")) for p in _TO_UNIT if (u := p.match(folded, m.end())))
        unit = next((u for u in units if u), None)
        if unit:
            out.append((words[m.group()], unit))
    return tuple(out)


def measure_converted(n: int, text: str, lang: str, other: str, other_lang: str) -> bool:
    """Is n, before a measure here, the other side's measure in the partner unit, in words or
    in figures, as number_measures.same_measure rounds ('trois kilomètres' / 'two miles': 1.86;
    'cinquante kilomètres' / '30 miles')? 'trois kilomètres' / 'six miles' is no conversion."""
    mine = [unit for v, unit in measures_in_words(text, lang) if v == n]
    if not mine:
        return False
    theirs = [(Decimal(v), unit) for v, unit in measures_in_words(other, other_lang)]
    theirs += [(q.value, q.unit) for q in quantities(other) if q.unit]
    return any(partners(unit, u) and same_measure(Decimal(n), unit, v, u) for unit in mine for v, u in theirs)
