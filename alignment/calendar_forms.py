"""Month and weekday forms CLDR does not give, for the numbers check's months and weekdays.

Part of the check stage (dates.py and number_match.py read months through `calendar`). Why:
Babel's CLDR names (word_lists._calendar) are the nominative and the genitive only ('marzec',
'marca'), so a month named where Polish, Russian, Ukrainian and Czech name it most, in the
locative after 'in' ('w marcu', 'в марте', 'у березні', 'v březnu'), was no month at all, and
'w marcu' / 'in April' drew no finding; German says 'on Sundays' as one adverb ('sonntags').

The locative is made from CLDR's genitive by a suffix rule per language (LOCATIVE, the first
ending that fits): the four languages write it so for every month but the few the rules name
('listopada' -> 'listopadzie', 'lutego' -> 'lutym', 'лютого' -> 'лютому'; Czech 'září' and
'listopadu' are the same in both cases). No library declines month names.
"""

from __future__ import annotations

from functools import lru_cache

from .word_similarity import fold
from .lang import primary
from .word_lists import _calendar

# (genitive ending, locative ending), the first that fits: 'marca' -> 'marcu', 'января' -> 'январе'
LOCATIVE: dict[str, tuple[tuple[str, str], ...]] = {
    "pl": (("ego", "ym"), ("ada", "adzie"), ("a", "u")),
    "ru": (("я", "е"), ("а", "е")),
    "uk": (("ого", "ому"), ("я", "і"), ("а", "і")),
    "cs": (("a", "u"), ("e", "i")),
}
# a weekday and this ending is an adverb, 'on <weekday>s' ('sonntags'), written in lower case
ADVERB_ENDING: dict[str, str] = {"de": "s"}


@lru_cache(maxsize=16)
def calendar(lang: str) -> dict[str, str]:
    """Folded month and weekday names -> 'm1'..'m12', 'd0'..'d6': CLDR's (word_lists._calendar)
    and the months' locative (LOCATIVE)."""
    names = dict(_calendar(lang))
    rules = LOCATIVE.get(primary(lang))
    if not rules:
        return names
    from babel.dates import get_month_names
    for k, genitive in get_month_names("wide", "format", locale=primary(lang)).items():
        genitive = genitive.lower()
        ending, locative = next(((e, loc) for e, loc in rules if genitive.endswith(e)), ("", ""))
        if ending:
            names.setdefault(fold(genitive[:-len(ending)] + locative), f"m{k}")
    return names


def weekday_adverb(word: str, lang: str) -> str | None:
    """The weekday of a folded adverb 'on <weekday>s' ('sonntags' -> 'd6'), or None."""
    ending = ADVERB_ENDING.get(primary(lang))
    if not ending or not word.endswith(ending):
        return None
    key = calendar(lang).get(word[:-len(ending)], "")
    return key if key.startswith("d") else None
