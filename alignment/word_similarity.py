"""How alike two words are spelt, across scripts: the checks' spelling evidence.

Part of the check stage, beside evidence.py (which adds the encoder's word vectors): the
names check compares names by spelling (identical, transliterated, declined), the slips and
spelling checks find the word a typist meant. Character bigrams (Dice) because they are
cheap, symmetric and forgive a letter changed anywhere; transliteration by anyascii (ISC
licence, pure Python, every script), not unidecode (GPL).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

WordSpan = tuple[str, int, int]


@lru_cache(maxsize=65536)   # the checks fold the same words (and characters) millions of times a book
def fold(word: str) -> str:
    """Case-folded, accent-stripped form for similarity. Turkish dotless 'ı' folds to 'i', as
    'İ' does (its dot is a combining mark): 'IŞIK' casefolds to 'işik', so 'ışık' (light)
    and its capitals were other words (similarity 0.2)."""
    nfkd = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    return "".join(c for c in nfkd if not unicodedata.combining(c)).replace("ı", "i")


def latin(word: str) -> str:
    """`word` in Latin letters: transliterated (anyascii) when it has letters of another
    script ('Эрнесто' -> 'Ernesto', 'Мартинес' -> 'Martines'), else as it is. Why: a name
    keeps its spelling across scripts only so, and the checks compare names by spelling
    (issue 12: "identical or transliterated names"). Library: anyascii (ISC licence, pure
    Python, every script), not unidecode (GPL)."""
    if _is_latin(word):
        return word
    from anyascii import anyascii
    return anyascii(word)


@lru_cache(maxsize=65536)
def _is_latin(word: str) -> bool:
    """Every letter of `word` is a Latin one (accented or not)."""
    return all(c.isascii() or not c.isalpha() or unicodedata.name(c, "").startswith("LATIN")
               for c in word)


@lru_cache(maxsize=65536)
def _grams(word: str) -> frozenset[str]:
    w = f"#{fold(latin(word))}#"
    return frozenset(w[i:i + 2] for i in range(len(w) - 1))


CROSS_SCRIPT = 0.8  # a transliteration keeps this much of a name's spelling, roughly


def similarity(a: str, b: str) -> float:
    """Dice coefficient of padded character bigrams (Ruhr/Ruin 0.4, Russie/Russia 0.71).
    Across scripts, of the transliteration, divided by CROSS_SCRIPT (at most 1): one
    name's spellings differ more there (Лусия/Lucía 0.46 -> 0.57, Мартинес/Martínez
    0.78 -> 0.97, Петров/Ivanov 0.29 -> 0.36)."""
    ga, gb = _grams(a), _grams(b)
    dice = 2 * len(ga & gb) / (len(ga) + len(gb))
    if _is_latin(a) != _is_latin(b):
        return min(1.0, dice / CROSS_SCRIPT)
    return dice


def similarity_matrix(a: Sequence[WordSpan], b: Sequence[WordSpan]) -> np.ndarray:
    """similarity() of every word pair, as one product of bigram incidence matrices. Why: a
    link of 30 x 30 words made 900 Python calls; on a book's checks they took a tenth of
    the time (Alice, 724 links: 765,000 calls, 2.4 s)."""
    if not a or not b:
        return np.zeros((len(a), len(b)))
    grams = [_grams(w) for w, *_ in a], [_grams(w) for w, *_ in b]
    index = {g: k for k, g in enumerate({g for side in grams for gs in side for g in gs})}

    def incidence(side: list[frozenset[str]]) -> np.ndarray:
        m = np.zeros((len(side), len(index)))   # float64: the same values as similarity()
        for r, gs in enumerate(side):
            m[r, [index[g] for g in gs]] = 1.0
        return m

    ma, mb = incidence(grams[0]), incidence(grams[1])
    dice = 2.0 * (ma @ mb.T) / (ma.sum(axis=1)[:, None] + mb.sum(axis=1)[None, :])
    latin_a = np.array([_is_latin(w) for w, *_ in a])
    latin_b = np.array([_is_latin(w) for w, *_ in b])
    across = latin_a[:, None] != latin_b[None, :]
    return np.where(across, np.minimum(1.0, dice / CROSS_SCRIPT), dice)
