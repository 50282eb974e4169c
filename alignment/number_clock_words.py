"""Times said in words from the hours around them, on both sides, changed: Turkish 'dokuzu
çeyrek geçe' (9:15) / 'half past nine', 'halb zehn' / 'a quarter to ten'.

Part of the check stage (number_pairs.number_pair_findings yields these findings, check name
'numbers', on a link whose figures agree). Why: such a phrase's hour is left out of the numbers
in words compared (number_words.phrases_apart: 'halb elf' is no 11), and a time in figures on
the other side is looked for in it (number_words.spelled_time), but a time said so on both
sides was compared nowhere, so 'dokuzu çeyrek geçe' / 'at half past nine' drew no finding. A
time said so on one side that the other side says nowhere (in words or figures, either half of
the day), where the other side says another such time itself unmatched, is a warning naming both.

The phrases are number_words.CLOCK_PHRASES (per language); hours are the cardinals 2-12 in
words (num2words, through number_words._cardinals).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .lang import primary
from .number_clock_said import said_times
from .number_words import CLOCK_PHRASES, _cardinals, _folded, spelled_time
from .numbers import HALF_DAY, quantities
from .types import Finding, Span
from .word_lists import make_finding


@lru_cache(maxsize=16)
def _patterns(lang: str) -> tuple[tuple[re.Pattern[str], int], ...]:
    """Each clock phrase of lang as a pattern whose group h (this hour) or n (the next) is
    the hour in words, with its minutes."""
    found = _cardinals(lang)
    if found is None:
        return ()
    cardinal = found[0].pattern.removeprefix(r"\b").removesuffix(r"\b")
    return tuple((re.compile(r"\b" + p.format(h=f"(?P<h>{cardinal})", n=f"(?P<n>{cardinal})") + r"\b"), m)
                 for p, m in CLOCK_PHRASES.get(lang, ()))


ClockWords = tuple[int, str, int, int]   # minutes after midnight or noon, words, start, end


def clock_words(text: str, lang: str) -> list[ClockWords]:
    """(minutes after midnight or noon, words, start, end) of each time text says from the
    hours around it ('half past nine': 570), or as its language says a time in words
    (number_clock_said: 'в половине пятого', 'saat üçte'); spans are the text's own where
    folding keeps its length (else none: start = end = 0, the words folded)."""
    patterns, found = _patterns(primary(lang)), _cardinals(primary(lang))
    said = [(t.minutes % HALF_DAY, t.words, t.start, t.end) for t in said_times(text, lang)]
    if not patterns or found is None:
        return said
    words = found[1]
    folded = _folded(text, lang)
    same = len(folded) == len(text)
    out = []
    for pattern, minutes in patterns:
        for m in pattern.finditer(folded):
            hour = words[m.group("h")] if "h" in pattern.groupindex else words[m.group("n")] - 1
            if 1 <= hour <= 12:
                a, b = m.span() if same else (0, 0)
                out.append((hour % 12 * 60 + minutes, text[a:b] if same else m.group(), a, b))
    out += [t for t in said if not any(a < t[3] and t[2] < b for _, _, a, b in out)]
    return sorted(out, key=lambda t: t[2])


def _unmatched(text: str, lang: str, other: str, other_lang: str) -> list[ClockWords]:
    """The times text says in words that the other text says nowhere, in either half of the day."""
    theirs = [t % HALF_DAY for t, *_ in clock_words(other, other_lang)]
    theirs += [int(q.value) % HALF_DAY for q in quantities(other) if q.kind == "t"]
    out = []
    for t in clock_words(text, lang):
        if t[0] in theirs:
            theirs.remove(t[0])
        elif not spelled_time(t[0], other, other_lang):
            out.append(t)
    return out


def clock_word_findings(i: int, src: str, src_lang: str, tgt: str, tgt_lang: str) -> Iterator[Finding]:
    """Link i's times said in words changed: a warning on both, where each side leaves as
    many unmatched (paired in the order of the text)."""
    lost = _unmatched(src, src_lang, tgt, tgt_lang)
    added = _unmatched(tgt, tgt_lang, src, src_lang) if lost else []
    if len(lost) != len(added):
        return
    for (s, said_s, a, b), (t, said_t, c, d) in zip(lost, added):
        spans = ([Span("src", a, b)] if b else []) + ([Span("tgt", c, d)] if d else [])
        yield make_finding(i, "numbers", "warning", f"time '{said_s}' ({_shown(s)}) became "
                           f"'{said_t}' ({_shown(t)})?", *spans)


def _shown(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return f"{h or 12}:{m:02d}"
