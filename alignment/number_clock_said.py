"""Clock times said in words the way each language says them: Portuguese 'às oito e quinze da
manhã' (8:15), 'quatro e dezassete da tarde' (16:17); Russian 'в половине пятого' (4:30: half
of the fifth hour), Polish 'wpół do piątej' (4:30); Turkish 'saat üçte' (3:00); Arabic 'الساعة
الثالثة' (3:00: the third hour).

Part of the check stage: number_match.unequal finds a time in figures in them ('oito e quinze da
manhã' / '8:15 a.m.' was "numbers differ: oito, quinze ... 8:15 a.m."), number_clock_words
compares them with the other side's times in words ('в половине пятого' / 'half past five'
drew no finding), and number_words leaves their words out of the numbers compared one by one
and names them by their value in a finding ('16:17', not 'quatro, dezassete'). A part of the day
said after them ('da tarde') makes the time exact: 'quatro e dezassete da tarde' / '4:17 a.m.'
is a finding.

The forms are few and fixed per language, so they are the tables below (num2words gives the
cardinals); no library reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lang import primary

HALF_DAY = 720
# genitive ordinals of the hours 1-12, folded ('й' is 'и', 'ą' is 'a'): Russian 'половина пятого',
# Polish 'wpół do piątej' are half past four
GENITIVE_HOURS: dict[str, tuple[str, ...]] = {
    "ru": ("первого", "второго", "третьего", "четвертого", "пятого", "шестого", "седьмого", "восьмого",
           "девятого", "десятого", "одиннадцатого", "двенадцатого"),
    "pl": ("pierwszej", "drugiej", "trzeciej", "czwartej", "piatej", "szostej", "siodmej", "osmej",
           "dziewiatej", "dziesiatej", "jedenastej", "dwunastej"),
}
# Arabic hours as ordinals after 'الساعة' (feminine, with the article), folded
ARABIC_HOURS = ("الواحدة", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة",
                "التاسعة", "العاشرة", "الحادية عشرة", "الثانية عشرة")
ARABIC_PARTS = {"والنصف": 30, "والربع": 15}
# Portuguese: the hour and its minutes in words, after 'às' ('pelas', 'das', 'são') or before the
# part of the day; the part of the day, folded
PT_BEFORE = r"(?:as|pelas|das|ate as|sao|eram|era)"
PT_PERIODS = {"da manha": "a", "da madrugada": "a", "da tarde": "p"}


@dataclass(frozen=True)
class SaidTime:
    """A time said in words: minutes after midnight (before noon where the half of the day is
    not said), whether the half of the day is said, the words and their span in the text
    (start = end = 0 where folding changed its length)."""

    minutes: int
    exact: bool
    words: str
    start: int
    end: int

    def same(self, minutes: int, ambiguous: bool) -> bool:
        """Is a time in figures (`ambiguous`: either half of the day) this time?"""
        if self.exact and not ambiguous:
            return self.minutes == minutes
        return self.minutes % HALF_DAY == minutes % HALF_DAY

    def shown(self) -> str:
        """'16:17' where the half of the day is said, else '4:17'."""
        h, m = divmod(self.minutes, 60)
        return f"{h if self.exact else h or 12}:{m:02d}"


@lru_cache(maxsize=8)
def _words(lang: str, top: int) -> dict[str, int]:
    """Folded cardinals 1..top of lang ('-' as a space) and their other forms (number_words)."""
    from num2words import num2words

    from .number_words import _forms
    from .word_similarity import fold
    out: dict[str, int] = {}
    for variant in (lang, "pt_BR") if lang == "pt" else (lang,):
        for n in range(1, top + 1):
            words = fold(num2words(n, lang=variant)).replace("-", " ")
            for form in _forms(words, lang) + (["uma"] if lang == "pt" and n == 1 else []):
                out.setdefault(form, n)
    return out


def _alternatives(words: dict[str, int] | tuple[str, ...]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=8)
def _pattern(lang: str) -> re.Pattern[str] | None:
    """The times said in words of lang as one pattern (groups: h the hour, m its minutes, n the
    next hour (half past the one before), p the part of the day, at the word before)."""
    if lang == "pt":
        hours, minutes = _alternatives(_words("pt", 12)), _alternatives(_words("pt", 59))
        return re.compile(rf"(?:\b(?P<at>{PT_BEFORE}) )?\b(?P<h>{hours}) e (?P<m>{minutes}|meia)"
                          rf"(?: (?P<p>{'|'.join(PT_PERIODS)}))?\b")
    if lang == "ru":
        return re.compile(rf"\b(?:половин[аеуы] |пол ?)(?P<n>{_alternatives(GENITIVE_HOURS['ru'])})\b")
    if lang == "pl":
        return re.compile(rf"\bwpoł do (?P<n>{_alternatives(GENITIVE_HOURS['pl'])})\b")
    if lang == "tr":
        return re.compile(rf"\bsaat (?P<h>{_alternatives(_words('tr', 12))})\b")
    if lang == "ar":
        return re.compile(rf"(?<!\w)الساعة (?P<o>{_alternatives(ARABIC_HOURS)})"
                          rf"(?: (?P<q>{'|'.join(ARABIC_PARTS)}))?(?!\w)")
    return None


def said_times(text: str, lang: str) -> list[SaidTime]:
    """The clock times text says in words (module docstring), in order."""
    from .number_words import _folded
    lang = primary(lang)
    pattern = _pattern(lang)
    if pattern is None:
        return []
    folded = _folded(text, lang)
    same = len(folded) == len(text)
    out = []
    for m in pattern.finditer(folded):
        found = _read(m, lang)
        if found is None:
            continue
        minutes, exact = found
        a, b = _span(m)
        out.append(SaidTime(minutes, exact, text[a:b] if same else folded[a:b], *((a, b) if same else (0, 0))))
    return out


def _read(m: re.Match[str], lang: str) -> tuple[int, bool] | None:
    """(minutes, half of the day said) of a match of _pattern, or None where it is no time."""
    found = m.groupdict()
    if found.get("n"):
        hour = GENITIVE_HOURS[lang].index(found["n"])   # the hour before: 'пятого' is past four
        return (hour or 12) % 12 * 60 + 30, False
    if found.get("o"):
        return (ARABIC_HOURS.index(found["o"]) + 1) % 12 * 60 + ARABIC_PARTS.get(found.get("q") or "", 0), False
    words = _words(lang, 59)
    hour = words[found["h"]]
    if hour > 12:
        return None
    if lang == "tr":
        return hour % 12 * 60, False
    period = PT_PERIODS.get(found.get("p") or "")
    if not period and not found.get("at"):   # 'oito e quinze pessoas': no time
        return None
    minutes = 30 if found["m"] == "meia" else words[found["m"]]
    return (hour % 12 + (12 if period == "p" else 0)) * 60 + minutes, period is not None


# languages whose time in words is an hour's number alone ('saat on birde'): its number stays
# one to compare as a number ('saat on birde' / 'at ten' is "on bir (11) ... ten (10)")
HOUR_ALONE = frozenset({"tr"})


def times_apart(text: str, lang: str) -> list[SaidTime]:
    """The times said in words whose numbers are compared as a time, not one by one
    ('oito e quinze' is 8:15, not 8 and 15): all but HOUR_ALONE's."""
    return [] if primary(lang) in HOUR_ALONE else said_times(text, lang)


def said_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans, in text folded by number_words._folded, of times_apart's times."""
    from .number_words import _folded
    pattern = _pattern(primary(lang))
    if pattern is None or primary(lang) in HOUR_ALONE:
        return []
    return [_span(m) for m in pattern.finditer(_folded(text, lang)) if _read(m, primary(lang)) is not None]


def _span(m: re.Match[str]) -> tuple[int, int]:
    """The time's words, from its hour on ('oito e quinze da manhã', not 'às')."""
    return (m.start("h") if "at" in m.re.groupindex else m.start()), m.end()
