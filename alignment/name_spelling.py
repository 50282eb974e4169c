"""How a name's counterpart may be spelt in the other language, for the names check (cognates.py).

Bigram Dice between the name and a capitalised word of the other side (similarity) is the
first test; these are the spellings it misses that French translations of English
originals showed (LIMSI en->fr, issue 12): a two-word name written as one word ('Mary Ann'
/ 'Marianne'), and a name French writes as a lower-case word ('Jesuit' / 'jésuites').
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import re

import numpy as np

from .evidence import LinkWords, WordSpan, fold, similarity
from .lang import primary
from .types import Side

if TYPE_CHECKING:
    from .check_config import CheckConfig

__all__ = ["DERIVED_PREFIX", "derived", "in_compound", "joined_spelt", "name_key"]

# letters a lower-case word must share with the start of a name to be derived from it
DERIVED_PREFIX = 4

# Languages that decline names, and the case endings a name's forms differ by ('Поль', 'Поля',
# 'Полю', 'Полем' are one Paul; Polish 'Paula', 'Paulowi', 'Paulem'). One ending is taken off,
# the longest that leaves three letters.
_CYRILLIC_CASES = "ами|ями|ого|его|ому|ему|ой|ей|ом|ем|ою|ею|ым|им|ах|ях|ов|ев|[аяуюеиыоьй]"
_LATIN_SLAVIC_CASES = "owie|owi|ami|ach|iem|em|om|ów|ie|ovi|ou|[auyięąoeé]"
NAME_CASES = {lang: re.compile(rf"(?<=\w\w\w)(?:{ends})$") for langs, ends in (
    (("ru", "uk", "be"), _CYRILLIC_CASES), (("pl", "cs", "sk", "sl", "hr", "bs"), _LATIN_SLAVIC_CASES))
    for lang in langs}


def name_key(word: str, lang: str) -> str:
    """The form a name's counterparts are learned under: the word case-folded, and where the
    language declines names, without its case ending. Why: the text learns that a name
    becomes 'Paul' from the links holding both, and a Russian original writes 'Полю' twice,
    'Поля' and 'Поль' once each, so no one form reached the two links needed, and 'Полю' /
    'Paul' (Dice 0.23 transliterated, cosine 0.42) read as a name changed. Serbian is left
    out: it is written in both scripts."""
    key = word.casefold()
    ends = NAME_CASES.get(primary(lang))
    return ends.sub("", key, count=1) if ends else key


def derived(lw: LinkWords, side: Side, config: CheckConfig, other_lang: str = "") -> np.ndarray:
    """Per word of `side`: has the other side a lower-case word spelt alike that begins as
    it does? French writes in lower case what English capitalises (peoples, orders, titles:
    'Jesuit' / 'jésuites', 'Seraglio' / 'sérail'); the first letters tell such a word from a
    common word one or two letters from a name ('Lyon' / 'lion'). Not when the other side is
    English: English capitalises names and the words made from them, so an English lower-case
    look-alike is a common word ('Bordeaux' / 'the border'), the name lost."""
    words, others = lw.words(side), lw.words("tgt" if side == "src" else "src")
    if primary(other_lang) == "en":
        return np.zeros(len(words), dtype=bool)
    dice = lw.dice if side == "src" else lw.dice.T
    out = np.zeros(len(words), dtype=bool)
    for k, (w, *_) in enumerate(words):
        head = fold(w)[:DERIVED_PREFIX]
        out[k] = len(head) == DERIVED_PREFIX and any(
            dice[k, j] >= config.name_similarity and o[0].islower() and fold(o).startswith(head)
            for j, (o, *_) in enumerate(others))
    return out


def in_compound(lw: LinkWords, side: Side) -> np.ndarray:
    """Per word of `side`: does a word of the other side, in a language that joins nouns
    into one word, hold its first DERIVED_PREFIX letters past its own start? A German
    translation writes a French name inside a compound or an adjective ('Asie' /
    'Innerasien', 'Chine' / 'rotchinesischen'), which bigram Dice of whole words misses
    (textberg-frde: those names were most of its info findings)."""
    words, others = lw.words(side), lw.words("tgt" if side == "src" else "src")
    folded = [fold(o) for o, *_ in others]
    out = np.zeros(len(words), dtype=bool)
    for k, (w, *_) in enumerate(words):
        head = fold(w)[:DERIVED_PREFIX]
        out[k] = len(head) == DERIVED_PREFIX and any(head in o[1:] for o in folded)
    return out


def joined_spelt(text: str, names: Sequence[WordSpan], others: Sequence[WordSpan],
                 config: CheckConfig) -> set[int]:
    """Offsets of names that, run together with the name next to them, are spelt like a
    word of the other side: a two-word name the translation writes as one ('Mary Ann' /
    'Marianne': 0.43 and 0.31 apart, 0.59 joined; LIMSI's Alice in French), closer joined
    than either alone ('Edgar Atheling' / 'Edglta Atheling' is no such name)."""
    out = set()
    for n, m in zip(names, names[1:]):
        if text[n[2]:m[1]] in (" ", "-") and any(
                similarity(n[0] + m[0], o[0]) >= max(config.name_similarity, similarity(n[0], o[0]) + 0.01,
                                                     similarity(m[0], o[0]) + 0.01) for o in others):
            out |= {n[1], m[1]}
    return out
