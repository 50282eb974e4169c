"""Ordinals written in words, in every form a language declines them: Turkish 'birinci', 'ilk',
'ikincisi'; Polish 'pierwszy', 'pierwsza', 'drugiego'; Spanish 'primer', 'primera'; Portuguese
'primeira', 'terceiro'; English 'first', 'second'.

Part of the check stage: number_pairs compares the ordinals of both sides with each other
(Why: 'birinci' / 'second' drew no finding, an ordinal being read only as the spelling of a
figure on the other side), and number_words.spelled finds a figure's ordinal in any of these
forms ('pierwsza' / '1st' was a finding: num2words writes the masculine only).

Russian ordinals 1-31 are read in every case ('Четырнадцатого марта' / '14 de março' was a
finding), and English ones to 31 ('fifteenth'), so a day of a month in words is compared.
The tables are small and explicit, as no library declines ordinals: the first ten, for the
languages named, less the forms that are common words as well: Spanish 'cuarto' (a room, a
quarter), 'quinta' (an estate), 'octava', 'décima'; Portuguese 'quarto', 'quarta', 'quinta',
'sexta' (Wednesday, Thursday, Friday), 'nona'. Spanish and Portuguese 'segundo' is also a
second of time ('un segundo') and Portuguese 'according to' ('segundo ele'): it counts only
after an article, a possessive or 'en' / 'em' / 'por' ('el segundo', 'em segundo lugar').
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from .lang import primary

# Polish adjective endings after a hard stem ('pierwszy', 'pierwszego') and after a soft one
# ('drugi', 'trzeciego'), folded ('ą' is 'a')
_PL_HARD = "(?:y|a|e|ego|ej|emu|ym|ych|ymi|i)"
_PL_SOFT = "(?:i|a|ia|ie|iego|iej|iemu|im|ich|imi|ego|ej|emu)"
# Turkish case and possessive endings on an ordinal, folded ('ikincisi', 'birinciye', 'ilkini')
_TR_END = "(?:s?[ıiu](?:n[ıiu]n?|n[dt][ae]n?|n[ae]|y[ıiu])?|y?[ıiu]|y?[ae]|[dt][ae]n?|l[ae]r[ıiu]?)?"
# folded regexes of each ordinal 1-10, as whole words
ORDINALS: dict[str, dict[int, str]] = {
    "en": {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
           8: "eighth", 9: "ninth", 10: "tenth"},
    "tr": {n: f"(?:{w}){_TR_END}" if n > 1 else f"birinci{_TR_END}|ilk(?:in?|in[ei]n|in[dt][ae]n?|ler[ıi]?)?"
           for n, w in {1: "", 2: "ikinci", 3: "ucuncu", 4: "dorduncu", 5: "besinci", 6: "altıncı",
        7: "yedinci", 8: "sekizinci", 9: "dokuzuncu", 10: "onuncu"}.items()},
    "pl": {1: f"pierwsz{_PL_HARD}|pierwsi", 2: f"drug{_PL_SOFT}|drudzy", 3: f"trzec{_PL_SOFT}",
           4: f"czwar[tc]{_PL_HARD}", 5: f"piat{_PL_HARD}|piaci", 6: f"szost{_PL_HARD}|szosci",
           7: f"siodm{_PL_HARD}", 8: f"osm{_PL_HARD}", 9: f"dziewiat{_PL_HARD}|dziewiaci",
           10: f"dziesiat{_PL_HARD}|dziesiaci"},
    "es": {1: "primer[oa]?s?", 2: "segund[oa]s?", 3: "tercer[oa]?s?", 5: "quintos?", 6: "sext[oa]s?",
           7: "septim[oa]s?", 8: "octavos?", 9: "noven[oa]s?"},
    "pt": {1: "primeir[oa]s?", 2: "segund[oa]s?", 3: "terceir[oa]s?", 5: "quintos?", 6: "sextos?",
           7: "setim[oa]s?", 8: "oitav[oa]s?", 10: "decim[oa]s?"},
}
# Russian ordinal endings, folded ('й' is 'и'), after a hard stem ('четырнадцатого': the 14th, of
# a date) and after 'трет' ('третьего')
_RU_HARD = "(?:ыи|ои|ого|ому|ым|ом|ая|ую|ое|ые|ых|ыми)"
_RU_SOFT = "(?:ии|ьего|ьему|ьим|ьем|ья|ьеи|ью|ье|ьи|ьих|ьими)"
DAYS = 31   # ordinals read up to the days of a month where num2words writes them (ru, en)


def _declined(lang: str) -> dict[int, str]:
    """The ordinals 1-31 of num2words, as regexes of their forms: Russian in every case and
    gender ('четырнадцатого марта' is the 14th), English as written ('twenty first')."""
    from num2words import num2words

    from .word_similarity import fold
    out = {}
    for n in range(1, DAYS + 1):
        words = fold(num2words(n, lang=lang, to="ordinal")).replace("-", " ")
        if lang == "ru":
            head, _, last = words.rpartition(" ")
            soft = last.endswith("третии")
            words = (f"{head} " if head else "") + last[:-2] + (_RU_SOFT if soft else _RU_HARD)
        out[n] = words
    return out


ORDINALS["ru"] = _declined("ru")
ORDINALS["en"] |= {n: w for n, w in _declined("en").items() if n > 10}
# 'segundo' is an ordinal only after one of these ('el segundo', 'em segundo lugar'), folded
SECOND_AFTER: dict[str, frozenset[str]] = {
    "es": frozenset("el la los las lo del al en por su sus mi mis tu este esta ese esa aquel aquella".split()),
    "pt": frozenset("o a os as do da dos das no na nos nas ao pelo pela em por seu sua seus suas meu minha "
                    "este esta esse essa aquele aquela".split()),
}
BEFORE = re.compile(r"([^\W\d_]+) +$")   # the word right before, spaces between


@lru_cache(maxsize=16)
def _pattern(lang: str) -> tuple[re.Pattern[str], tuple[int, ...]] | None:
    table = ORDINALS.get(lang)
    if table is None:
        return None
    values = tuple(table)
    return re.compile(r"\b(?:" + "|".join(f"(?P<o{n}>{table[n]})" for n in values) + r")\b"), values


def ordinals(folded: str, lang: str, numbers: Collection[str] = ()) -> list[tuple[int, int, int]]:
    """(value, start, end) of each ordinal 1-10 (1-31 in Russian and English) in folded text (folded, '-' as a space), less
    the last word of a larger one, after a word of `numbers` ('twenty first', 'on birinci'),
    and 'segundo' where it is no ordinal (module docstring)."""
    found = _pattern(primary(lang))
    if found is None:
        return []
    pattern, _ = found
    after = SECOND_AFTER.get(primary(lang))
    out = []
    for m in pattern.finditer(folded):
        last = BEFORE.search(folded, max(0, m.start() - 30), m.start())
        before = last.group(1) if last else ""
        value = int((m.lastgroup or "o0")[1:])
        if before in numbers or value == 2 and after is not None and before not in after:
            continue
        out.append((value, m.start(), m.end()))
    return out


def has_ordinal(value: int, folded: str, lang: str) -> bool:
    """Does folded text write the ordinal `value` in words, in any form of ORDINALS?"""
    return any(v == value for v, *_ in ordinals(folded, lang))
