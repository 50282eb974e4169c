"""Word lists and small helpers shared by the word-level checks (names, slips, unmatched).

Split out of cognates.py (names and cognates) so that module holds only the name check:
here are pyspellchecker's word lists with frequencies (the well-kept pure-Python spell
checker, en, fr, de, es, it, pt, nl, ru), Babel's CLDR month and weekday names, the
spelling comparisons (bigram Dice, letter edits) and the two helpers every word check
uses to walk the links and build its findings. cognates.py re-exports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from .evidence import WordSpan, words_of
from .word_similarity import fold, similarity
from .progress import Progress, no_progress
from .types import Bitext, Finding, Severity, Span

__all__ = ["NOUN_CAPITALS", "function_words", "link_pairs", "make_finding", "speller_for"]

# Languages that capitalise every noun: a capital there does not make a name, and their
# compounds are in no word list (cognates.py, strays.py).
NOUN_CAPITALS = frozenset({"de", "lb"})


def make_finding(i: int, check: str, sev: Severity, msg: str, *spans: Span) -> Finding:
    return Finding(link=i, check=check, severity=sev, message=msg, spans=tuple(spans))


def link_pairs(bitext: Bitext, progress: Progress = no_progress,
               stage: str = "") -> Iterator[tuple[int, str, str]]:
    for i in each_link(len(bitext.alignment.links), progress, stage):
        yield i, bitext.link_text(i, "src"), bitext.link_text(i, "tgt")


LINKS_PER_REPORT = 100   # links between two progress reports of a check that reports its own


def each_link(n: int, progress: Progress = no_progress, stage: str = "") -> Iterator[int]:
    """range(n), telling `progress` (links done, n, stage) every LINKS_PER_REPORT links and
    (n, n, stage) at the end. Why: a book's names check ran 30 s with the checks' bar frozen on
    'checks 1/13'. A text of LINKS_PER_REPORT links or fewer reports nothing: it is over at once."""
    for i in range(n):
        if i and i % LINKS_PER_REPORT == 0:
            progress(i, n, stage)
        yield i
    if n > LINKS_PER_REPORT:
        progress(n, n, stage)


@lru_cache(maxsize=16)
def speller_for(lang: str) -> Any:
    """pyspellchecker for a language, or None when it has no word list for it (an unknown
    code raises ValueError there; an empty one gives a checker with no words, whose word
    frequencies divide by zero). A regional tag takes its language's list: 'en-GB', which a
    TMX or `-t en_GB` gives, had none, and every word-list check fell silent.

    The checks look words up casefolded, and German 'ß' casefolds to 'ss': 'saßen' was no word
    and 'Straße' no common noun. So each listed word that casefolds otherwise is listed
    casefolded too, with its count, where that form is not a word of its own ('masse' is):
    which also makes the Swiss spelling ('sassen', 'Strasse') a word, as it is."""
    from spellchecker import SpellChecker

    from .lang import primary

    if not primary(lang):
        return None
    try:
        speller = SpellChecker(language=primary(lang))
    except ValueError:
        return None
    listed = speller.word_frequency.dictionary
    folded = {f: n for w, n in listed.items() if (f := w.casefold()) != w and f not in listed}
    if folded:
        speller.word_frequency.load_json(folded)
    return speller


# a word list that knows fewer of a text's own lower-case words than this cannot tell a word
# made up or mistyped from a word it merely lacks: pyspellchecker's lists know 97.6-99.6% of
# those of the LIMSI books (en, fr) and Text+Berg dev (de, fr), its Spanish list 69% and its
# Russian one 75% of a short news text ('años', 'hay', 'dijo'; 'в', 'волн' are missing)
LIST_COVERS = 0.9


def list_covers(texts: Iterable[str], lang: str) -> bool:
    """Does the language's word list know at least LIST_COVERS of the lower-case words (three
    letters or more) of these texts? Then a word it lacks is worth a look; else no."""
    speller = speller_for(lang)
    if speller is None:
        return False
    words = [w.casefold() for t in texts for w in words_of(t, lang) if len(w) >= 3 and w[0].islower()]
    return not words or sum(w in speller for w in words) >= LIST_COVERS * len(words)


@lru_cache(maxsize=16)
def function_words(lang: str, top: int = 200) -> frozenset[str]:
    """The language's commonest words (pyspellchecker frequencies): 'the', 'de', 'und'..."""
    speller = speller_for(lang)
    if speller is None:
        return frozenset()
    freq = speller.word_frequency.dictionary
    return frozenset(sorted(freq, key=freq.__getitem__, reverse=True)[:top])


# Weekdays CLDR does not list: northern German 'Sonnabend' (Saturday)
EXTRA_CALENDAR: dict[str, dict[str, str]] = {"de": {"sonnabend": "d5"}}


@lru_cache(maxsize=16)
def _calendar(lang: str) -> dict[str, str]:
    """Folded month and weekday names of a language (Babel's CLDR data) -> 'm1'..'d6'; a
    regional tag ('en-GB', which Babel does not parse) has its language's names.

    Both grammatical forms CLDR gives (Russian 'января' in a date, 'январь' alone; Polish
    'stycznia', 'styczeń') and the regional ones ('Jänner' in Austria, 'setiembre' in Peru):
    a text names its month in any of them."""
    from babel import Locale, UnknownLocaleError

    from .lang import primary

    lang = primary(lang)
    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return {}
    names: dict[str, str] = {}
    for locale in (*_regions(lang), lang):   # the language's own names last: they win
        names.update(_calendar_names(locale))
    names.update(EXTRA_CALENDAR.get(lang, {}))
    return names


def _regions(lang: str) -> list[str]:
    """Babel's regional locales of a language in its usual script ('de_AT', 'es_PE'; not
    'en_Shaw'): their month names are the same language's."""
    from babel import localedata
    return [i for i in localedata.locale_identifiers() if re.fullmatch(rf"{lang}_(?:[A-Z]{{2}}|\d{{3}})", i)]


def _calendar_names(locale: str) -> dict[str, str]:
    from babel.dates import get_day_names, get_month_names
    names = {}
    for context in ("stand-alone", "format"):
        names.update({fold(n): f"m{k}" for k, n in get_month_names("wide", context, locale).items()})
        names.update({fold(n): f"d{k}" for k, n in get_day_names("wide", context, locale).items()})
    return names


def _best(word: str, others: Sequence[WordSpan]) -> tuple[float, WordSpan | None]:
    scored = [(similarity(word, o[0]), o) for o in others if len(o[0]) >= 2]
    return max(scored, default=(0.0, None), key=lambda s: s[0])


def _edits_apart(a: str, b: str, most: int = 2) -> bool:
    """At most `most` letter edits apart, folded (Lyon/lion 1, Ruhr/ruin 2; Woodhouse/whose
    share bigrams but are no slip of one another)."""
    from symspellpy.editdistance import DistanceAlgorithm, EditDistance
    return EditDistance(DistanceAlgorithm.DAMERAU_OSA).compare(fold(a), fold(b), most) >= 0


@lru_cache(maxsize=65536)   # asked again and again for the same words (a book: 700,000 times)
def _common(word: str, lang: str, floor: float = 5e-6) -> bool:
    """A word of the language's word list in lower case ('Miss', 'Songs'), not only a name:
    used at least `floor` as often as any word."""
    speller = speller_for(lang)
    return speller is not None and speller.word_usage_frequency(word.casefold()) >= floor


@lru_cache(maxsize=8192)
def english_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Parts of speech and lemmas lemminflect's English lexicon gives the word (lower case;
    empty for a word it lacks: no rule-based guess). Why a second list: it holds the forms
    pyspellchecker's English list lacks ('leant', 'dreamt', 'surprized') and no names
    ('susan' is in that list). lemminflect (MIT) ships the lexicon, no model to load."""
    from lemminflect import getAllLemmas
    return getAllLemmas(word.lower())
