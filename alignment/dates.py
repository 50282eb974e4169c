"""Months and weekdays changed by name: 'le 2 février 1958' / 'on 2 March 1958', 'samedi' / 'Sunday'.

Part of the check stage (checks.py's `numbers` check yields these findings, check name
'numbers'). Why: numbers.py compares figures, and a date whose month is rewritten by name
keeps all its figures (2 and 1958 on both sides), so a changed month drew no finding, and a
weekday only the names check's info "has no counterpart". A month (or weekday) named on one
side whose month is neither named nor written as a figure on the other side, where the other
side names another month that is itself unmatched, is a warning naming both words, on a link
whose figures agree (where they differ, the numbers check's finding marks the link already:
'Mai 1956' / 'octobre 1955', a reference rewritten for another edition, stays one finding). A
month on one side only (the other names none) is left to the numbers and names checks, as before.
The names check's info on the same word is left out (checks.one_per_word).

A month Chinese, Japanese or Korean writes as a figure ('１９２８年４月', '4월': calendar_forms.
figure_months) is compared so too: number_match leaves it to this module where the other side
names another month, so '４月' / '12 May' is one date changed, not a figure left out and a name
with no counterpart (two info findings, while a changed day or year was an error). Being a
figure, it is an error as a figure changed is, and the message names its month in English
('４月 (April)') for a reader who cannot read the script.

Words that are months only sometimes (English 'May' and 'March', French 'mars' for the planet
Mars: AMBIGUOUS) count next to a figure ('2 March', 'mars 1958') or, in a language that
capitalises its months, capitalised mid-sentence and not before another capitalised word (Alice's
'March Hare'); in such a language a month in lower case is no month at all ('he may come').

Library, and why: Babel's CLDR month and weekday names (through word_lists._calendar, as
number_match._months and the names check read them), every language's in one table, with the
locative of the months ('w marcu', 'в марте') and German weekday adverbs ('sonntags'), which
CLDR lacks (calendar_forms).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .calendar_forms import calendar, figure_months, weekday_adverb
from .word_similarity import fold
from .lang import MARKS, primary
from .number_scales import SPACE
from .number_thai import calendar_words
from .numbers import number_values
from .types import Finding, Span
from .word_lists import make_finding

# month words that are common words too: they count only next to a figure, or capitalised
# mid-sentence in a language that capitalises months
AMBIGUOUS: dict[str, frozenset[str]] = {
    "en": frozenset({"may", "march"}), "fr": frozenset({"mars"}),
    # Portuguese short weekdays that are ordinals or nouns too ('a segunda vez', 'uma quinta')
    "pt": frozenset({"segunda", "quarta", "quinta", "sexta", "segundas", "quartas", "quintas"})}
# 'segunda-feira' is one weekday; a word's combining marks are its own (Hindi 'जुलाई')
CALENDAR_WORD = re.compile(rf"(?:[^\W\d_]|[{MARKS}])+(?:-(?:[^\W\d_]|[{MARKS}])+)*")
# Hebrew writes 'in', 'to', 'from', 'and', 'the' as a letter before the word ('באפריל', 'ובמאי')
HEBREW_PREFIXES = re.compile("^[ובלמהכש]{1,2}(?=[\u05d0-\u05ea]{2})")
FIGURE_BEFORE = re.compile(rf"(?<![\d.,])\d{{1,4}}(?:er|re|e|\.|st|nd|rd|th)?{SPACE}+$")   # '2 ', '1er ', '2. '
FIGURE_AFTER = re.compile(rf",?{SPACE}+\d{{1,4}}(?!\d)")                                 # ' 18', ', 1958'
NAME_AFTER = re.compile(rf"{SPACE}+[^\W\d_]*[A-Z]")   # 'the March Hare', 'May Day': a name's first word
NEAR = 8   # characters before a word read for a figure ('1er ', '2. ')
# parts of the day a language writes in one word with its weekday ('Dienstagabend', 'zondagavond')
DAY_PARTS: dict[str, tuple[str, ...]] = {
    "de": ("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht", "fruh"),
    "nl": ("ochtend", "morgen", "voormiddag", "middag", "namiddag", "avond", "nacht"),
}


@dataclass(frozen=True)
class DateWord:
    """A month ('m1'..'m12') or weekday ('d0'..'d6') named in a text, as written, and its span."""

    key: str
    word: str
    start: int
    end: int
    figure: bool = False   # a month written as a figure ('４月'), not named


@lru_cache(maxsize=16)
def _capitalises(lang: str) -> bool:
    """Does the language write its month names capitalised (English, German), by Babel's names?"""
    from babel.dates import get_month_names
    try:
        return get_month_names("wide", locale=primary(lang))[1][:1].isupper()
    except (ValueError, LookupError):
        return False


def _mid_sentence(text: str, a: int) -> bool:
    """Is the word at `a` inside a sentence (after a letter, a figure or a comma), not its start?"""
    before = text[:a].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


def _by_figure(text: str, a: int, b: int) -> bool:
    """Does a figure stand next to the word ('2 March', 'March 2, 1958', 'samedi 18')?"""
    return bool(FIGURE_BEFORE.search(text[max(0, a - NEAR):a]) or FIGURE_AFTER.match(text, b))


def named(text: str, lang: str, strict: bool = True) -> list[DateWord]:
    """The months and weekdays text names. Strict: only those surely meant as such (module
    docstring: AMBIGUOUS words next to a figure or capitalised mid-sentence, no lower-case
    month in a language that capitalises them); else every word spelt as one."""
    if primary(lang) == "th":   # run on into the words around them ('เดือนมกราคม'): number_thai
        return [DateWord(key, text[a:b], a, b) for key, a, b in calendar_words(text)]
    names = calendar(lang)
    if not names:
        return []
    caps, ambiguous = _capitalises(lang), AMBIGUOUS.get(primary(lang), frozenset())
    out = []
    for m in CALENDAR_WORD.finditer(text):
        adverb = weekday_adverb(fold(m.group()), lang)   # 'sonntags', in lower case
        key = names.get(fold(m.group())) or _weekday_compound(fold(m.group()), lang, names) or adverb \
            or _prefixed(m.group(), lang, names)
        if key is None:
            continue
        if strict:
            if caps and not m.group()[0].isupper() and not adverb:
                continue
            if fold(m.group()) in ambiguous and not _by_figure(text, m.start(), m.end()) and not (
                    caps and _mid_sentence(text, m.start()) and not NAME_AFTER.match(text, m.end())):
                continue
        out.append(DateWord(key, m.group(), m.start(), m.end()))
    out += [DateWord(f"m{month}", text[a:b], a, b, figure=True) for month, a, b in figure_months(text)]
    return sorted(out, key=lambda w: w.start)


def _prefixed(word: str, lang: str, names: dict[str, str]) -> str | None:
    """The month or weekday a Hebrew word names after its prefix letters ('באפריל': in April)."""
    if primary(lang) != "he" or not (m := HEBREW_PREFIXES.match(word)):
        return None
    return names.get(fold(word[m.end():])) or names.get(fold(word[1:]))


def _weekday_compound(word: str, lang: str, names: dict[str, str]) -> str | None:
    """The weekday of a word that joins it to a part of the day ('dienstagabend' -> 'd1'):
    German and Dutch write 'Tuesday evening' as one word, which no calendar lists."""
    parts = DAY_PARTS.get(primary(lang), ())
    for part in parts:
        if word.endswith(part) and names.get(word[:-len(part)], "m")[0] == "d":
            return names[word[:-len(part)]]
    return None


def _free_months(text: str, other: str) -> Counter[int]:
    """The figures 1-12 of text that the other text does not write as well (each used once):
    months written as figures ('2/3/1958'), not the day of a date both sides write ('2 March')."""
    def months(t: str) -> Counter[int]:
        return Counter(int(v) for v, *_ in number_values(t) if v == v.to_integral_value() and 1 <= v <= 12)
    return months(text) - months(other)


def _unmatched(mine: Iterable[DateWord], other_text: str, other_lang: str, own_text: str) -> list[DateWord]:
    """Words of `mine` whose month or weekday the other side neither names (in any sense of
    the word: 'mars' in lower case too) nor, for a month, writes as a free figure."""
    there = Counter(w.key for w in named(other_text, other_lang, strict=False))
    figures = _free_months(other_text, own_text)
    out = []
    for w in mine:
        if there[w.key]:
            there[w.key] -= 1
        elif w.key[0] == "m" and figures[int(w.key[1:])]:
            figures[int(w.key[1:])] -= 1
        else:
            out.append(w)
    return out


def changed_dates(src: str, src_lang: str, tgt: str, tgt_lang: str) -> list[tuple[DateWord, DateWord]]:
    """Pairs (original word, translation word) of months, then weekdays, that the translation
    names differently, unmatched on both sides, paired in order of the text."""
    lost = _unmatched(named(src, src_lang), tgt, tgt_lang, src)
    added = _unmatched(named(tgt, tgt_lang), src, src_lang, tgt) if lost else []
    return [pair for kind in "md" for pair in zip([w for w in lost if w.key[0] == kind],
                                                  [w for w in added if w.key[0] == kind])]


def date_findings(i: int, src: str, src_lang: str, tgt: str, tgt_lang: str,
                  figures_changed: Sequence[Span] = ()) -> Iterator[Finding]:
    """Link i's months and weekdays changed by name: a warning on both words; an error where
    one side writes its month as a figure ('４月'), as for a figure changed. Beside a figure
    changed (`figures_changed`, the numbers check's marks) a date is left to that finding:
    'Mai 1956' / 'octobre 1955' is a reference rewritten for another edition, one finding;
    a figure changed elsewhere in the link hides no month or weekday changed ('Saturday ...
    250' / 'Sunday ... 205': both)."""
    for s, t in changed_dates(src, src_lang, tgt, tgt_lang):
        spans = Span("src", s.start, s.end), Span("tgt", t.start, t.end)
        if any(_beside(w, f) for w in spans for f in figures_changed):
            continue
        if s.figure or t.figure:
            yield make_finding(i, "numbers", "error", f"numbers differ: {_month_said(s)} in the original, "
                               f"{_month_said(t)} in the translation", *spans)
            continue
        what = "month" if s.key[0] == "m" else "weekday"
        yield make_finding(i, "numbers", "warning", f"{what} '{s.word}' became '{t.word}'?", *spans)


def _beside(word: Span, figure: Span) -> bool:
    """Does a figure changed stand next to a date's word, on its side ('Mai 1956', '2 March')?"""
    return word.side == figure.side and figure.start - NEAR <= word.end and word.start <= figure.end + NEAR


def _month_said(w: DateWord) -> str:
    """A month for a message: a figure with its month in English ('４月 (April)'), a name quoted."""
    if not w.figure:
        return f"'{w.word}'"
    from babel.dates import get_month_names
    return f"{w.word} ({get_month_names('wide', locale='en')[int(w.key[1:])]})"

