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

Chinese, Japanese and Korean write a month as its figure and the word for month ('4月', '４月',
'四月', '4월'): CLDR lists '4月' and '四月', but a figure is read by numbers.py, not looked up as
a word, so `figure_months` finds them where numbers.py reads a figure, and dates.py compares
them with a month named in the other language (so '４月' / 'May' is a date changed, not a
number left out).
"""

from __future__ import annotations

import re
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
# weekday forms CLDR lacks: the plural ('on Tuesdays'); Portuguese says a weekday short and in the plural ('todas as terças
# e sextas-feiras', 'na terça'; CLDR has 'terça-feira' alone), folded; the short forms that are
# also ordinals or nouns ('segunda vez', 'quinta' a farm) are dates.AMBIGUOUS
WEEKDAY_FORMS: dict[str, dict[str, str]] = {"pt": {
    **{f"{d}s-feiras": f"d{k}" for k, d in enumerate(("segunda", "terca", "quarta", "quinta", "sexta"))},
    **{f"{d}{s}": f"d{k}" for k, d in enumerate(("segunda", "terca", "quarta", "quinta", "sexta"))
       for s in ("", "s")},
    "sabados": "d5", "domingos": "d6"},
    # and English 'on Tuesdays'
    "en": {f"{d}days": f"d{k}" for k, d in enumerate(("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"))}}
# a weekday and this ending is an adverb, 'on <weekday>s' ('sonntags'), written in lower case
ADVERB_ENDING: dict[str, str] = {"de": "s"}
# the word for month after a figure: '4月', '4월' (not '4か月', '三个月', '4개월': so many months)
MONTH_AFTER = re.compile(r"\s?(?:月|월)")


@lru_cache(maxsize=16)
def calendar(lang: str) -> dict[str, str]:
    """Folded month and weekday names -> 'm1'..'m12', 'd0'..'d6': CLDR's (word_lists._calendar),
    the weekdays' other forms (WEEKDAY_FORMS) and the months' locative (LOCATIVE)."""
    names = dict(_calendar(lang))
    for word, key in WEEKDAY_FORMS.get(primary(lang), {}).items():
        names.setdefault(word, key)
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


@lru_cache(maxsize=4096)   # asked for each side of a link by number_match and dates
def figure_months(text: str) -> tuple[tuple[int, int, int], ...]:
    """(month, start, end) of the months text writes as a figure and the word for month
    ('１９２８年４月' -> (4, 5, 7); '四月', '4월'), the figure read as numbers.py reads it."""
    if "月" not in text and "월" not in text:
        return ()
    from .numbers import quantities
    return tuple((int(q.value), q.start, m.end()) for q in quantities(text)
                 if (m := MONTH_AFTER.match(text, q.end)) and q.kind == "n" and q.base is None
                 and q.value in range(1, 13))
