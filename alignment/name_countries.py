"""Country names translated, for the names check (cognates.py): 'Chipre' is 'Cyprus', 'Alemania'
'Germany', 'Schweiz' 'Switzerland'.

The check takes a name's counterpart to be a word spelt alike or one the encoder reads close,
and the encoder does not know every country's name in every language ('En Chipre, ...' / 'In
Cyprus, ...' had 'no counterpart'). Babel's CLDR data, already read for months and weekdays
(word_lists._calendar), names every territory in every language: a one-word country name of one
side whose CLDR name in the other side's language is written there has its counterpart.
"""

from __future__ import annotations

from functools import lru_cache

from .lang import primary
from .word_similarity import fold

__all__ = ["country_counterparts"]


@lru_cache(maxsize=32)
def _territories(lang: str, other: str) -> dict[str, frozenset[str]]:
    """Folded one-word territory names of `lang` -> the folded words of their names in `other`
    (empty where Babel knows either language not)."""
    from babel import Locale, UnknownLocaleError
    try:
        here, there = Locale.parse(primary(lang)).territories, Locale.parse(primary(other)).territories
    except (UnknownLocaleError, ValueError):
        return {}
    out: dict[str, frozenset[str]] = {}
    for code, name in here.items():
        if code.isalpha() and " " not in name and code in there:
            words = frozenset(fold(w) for w in there[code].replace("-", " ").split() if len(w) >= 3)
            out[fold(name)] = out.get(fold(name), frozenset()) | words
    return out


def country_counterparts(word: str, lang: str, other: str) -> frozenset[str]:
    """The folded words that name country `word` (of `lang`) in `other`: 'Chipre' (es, en)
    gives {'cyprus'}; nothing for a word that names no country."""
    return _territories(lang, other).get(fold(word), frozenset())
