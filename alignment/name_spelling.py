"""How a name's counterpart may be spelt in the other language, for the names check (cognates.py).

Bigram Dice between the name and a capitalised word of the other side (similarity) is the
first test; these are the spellings it misses that French translations of English
originals showed (LIMSI en->fr, issue 12): a two-word name written as one word ('Mary Ann'
/ 'Marianne'), and a name French writes as a lower-case word ('Jesuit' / 'jésuites').

A name a spelling corrector turned into a word spelt like it ('Granada' / 'lived in Granted',
'Lyon' / 'left for Lion', 'Alice' / 'said Malice') passed for the name's counterpart by its
spelling, or by a word link, which joins words by their place. `false_friends` takes such pairs
out: spelt alike, the translation word a word of its language (its list at 1e-6 or more; in
English also a word of lemminflect's lexicon, which holds no names: the list has 'susan'),
capitalised alone ('the Misses Reed', 'Cape Horn' are a title and a name), another word than
the name (not a short form, 'Pat' for 'Patrice', nor one stem, 'Concorde' for 'Concordia') and
read apart from it by the encoder (cosine below 0.65; 'Marc' / 'Mark' 0.77 is a translation).
The name has no counterpart then, and the word in its place is paired with it: a warning.
Measured with bench_checks.py's name-alike slips (--word-links, seeds 0-2; they take links
that were clean): LIMSI 2 -> 12 of 16, free multi-sentence links (--multi) 0 -> 6 of 13,
limsi-enfr 1 -> 10 of 15, Text+Berg dev 0 -> 1 of 1; warnings on clean links unchanged on all
of them and on the gold links as published (--gold); held out, alibi 0 -> 1 of 4 and Text+Berg
test 0 of 3 as before, their warnings unchanged. Not kept: the list's words at 5e-6 only (LIMSI
6 of 16, limsi-enfr 4 of 15); without the lexicon, 'Suson' (Rousseau's song) 'became' 'Susan'
on a --multi window and on the gold links; without the stem and short-form tests, 'Concordia'
/ 'Concorde' (Text+Berg dev seed 2: 5.8 -> 11.6 warnings per 1,000 clean links) and 'Patrice'
/ 'Pat' (LIMSI, every seed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

import re

import numpy as np

from .evidence import LinkWords, WordSpan
from .word_similarity import fold, similarity
from .lang import primary
from .types import Side
from .word_lists import _common, english_lemmas

if TYPE_CHECKING:
    from .check_config import CheckConfig

__all__ = ["DERIVED_PREFIX", "FALSE_FRIEND_COSINE", "declined", "derived", "rival_names", "false_friends", "friend", "in_compound",
           "joined_spelt", "name_key"]

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


_POSSESSIVE = re.compile(r"['’]s$")   # English 'Paweł's': the name with a clitic


def declined(lw: LinkWords, src_lang: str, tgt_lang: str) -> LinkWords:
    """`lw` with the spelling similarity of each pair of capitalised words raised to that of
    their name_keys, where a side's language declines names: 'Pawłowi' (dative) and 'Pawła'
    (genitive) are Paweł (Dice 0.43 as written, 0.73 as 'pawł' / 'paweł'), and read as a name
    changed on a faithful Polish-English text. Why here and not in name_key's learning alone:
    a name written once per case is learned under no key the other side shares."""
    if not lw.src or not lw.tgt or not ({primary(src_lang), primary(tgt_lang)} & NAME_CASES.keys()):
        return lw
    dice = lw.dice.copy()
    for k, (w, *_) in enumerate(lw.src):
        if not w[:1].isupper():
            continue
        for j, (t, *_) in enumerate(lw.tgt):
            if t[:1].isupper():
                stems = name_key(_POSSESSIVE.sub("", w), src_lang), name_key(_POSSESSIVE.sub("", t), tgt_lang)
                dice[k, j] = max(dice[k, j], similarity(*stems))
    return replace(lw, dice=dice)


def rival_names(lw: LinkWords, src_lang: str, tgt_lang: str, spelt: float = 0.5) -> np.ndarray:
    """(original words x translation words): both capitalised, neither a common word of its
    language, spelt unlike (below `spelt`, CheckConfig.name_similarity): two names, which the encoder puts close
    whatever they are (Tiago/Diogo 0.57, Ankara/Antalya 0.56, Madrid/Barcelona 0.58), while
    a name's own translation spelt otherwise stands higher (Guillaume/William 0.66, Pierre/Peter
    0.63, Allemagne/Germany 0.96). The names check asks such a pair for that higher cosine."""
    def names(words: Sequence[WordSpan], lang: str) -> np.ndarray:
        # in English also no word of lemminflect's lexicon, which holds no names: 'Eaglet' for
        # 'Aiglon' (LIMSI's Alice) is a word translated, 0.5-0.6 as names are
        return np.array([w[:1].isupper() and not w.isupper() and not _common(w, lang)
                         and not (primary(lang) == "en" and english_lemmas(w)) for w, *_ in words], dtype=bool)
    return names(lw.src, src_lang)[:, None] & names(lw.tgt, tgt_lang)[None, :] & (lw.dice < spelt)


def derived(lw: LinkWords, side: Side, config: CheckConfig, other_lang: str = "",
            exclude: np.ndarray | None = None) -> np.ndarray:
    """Per word of `side`: has the other side a lower-case word spelt alike that begins as
    it does? French writes in lower case what English capitalises (peoples, orders, titles:
    'Jesuit' / 'jésuites', 'Seraglio' / 'sérail'); the first letters tell such a word from a
    common word one or two letters from a name ('Lyon' / 'lion'). Not when the other side is
    English: English capitalises names and the words made from them, so an English lower-case
    look-alike is a common word ('Bordeaux' / 'the border'), the name lost. `exclude`: pairs
    (side words x other words) that do not count (false_friends: 'Granted' / 'grand')."""
    words, others = lw.words(side), lw.words("tgt" if side == "src" else "src")
    if primary(other_lang) == "en":
        return np.zeros(len(words), dtype=bool)
    dice = lw.dice if side == "src" else lw.dice.T
    if exclude is not None:
        dice = np.where(exclude, 0.0, dice)
    out = np.zeros(len(words), dtype=bool)
    alike = dice >= config.name_similarity   # one comparison for the link, not one a pair
    for k, (w, *_) in enumerate(words):
        head = fold(w)[:DERIVED_PREFIX]
        out[k] = len(head) == DERIVED_PREFIX and any(
            others[j][0][0].islower() and fold(others[j][0]).startswith(head)
            for j in np.flatnonzero(alike[k]))
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


# a name and a common word spelt like it are two words below this cosine: 'Granada' /
# 'Granted' 0.27, 'Paris' / 'Parts' 0.22, 'Lyon' / 'Lion' 0.61; a name's own translation
# stands above ('Marc' / 'Mark' 0.77, 'Savoie' / 'Savoy' 0.73, 'Raymond' / 'Ray' 0.73)
FALSE_FRIEND_COSINE = 0.65
# a word of the translation's list at this share of its words or more: what a spelling
# corrector offers ('Malice' 1.2e-6, 'Spice' 4.4e-6 for 'Alice'), not the list's rarest
# entries (most below 1e-6 are spellings, typos and names)
FALSE_FRIEND_FLOOR = 1e-6


@lru_cache(maxsize=4096)
def _a_word(word: str, lang: str) -> bool:
    """A word of the language's list (FALSE_FRIEND_FLOOR) that is no name: the lists hold first
    names too ('susan' 1.1e-6, 'emma'), so in English the word must also be one that
    lemminflect's lexicon gives a part of speech ('malice', 'granted'; no name is in it)."""
    if not _common(word, lang, FALSE_FRIEND_FLOOR):
        return False
    if primary(lang) != "en":
        return True
    return bool(english_lemmas(word))


def _other_word(a: str, b: str) -> bool:
    """Are two folded words more than forms of one: not the same, neither the start of the other
    (a short form, 'Pat' for 'Patrice'; 'Pigeons' for 'Pigeon'), nor sharing their first five
    letters (one stem, 'Concorde' for 'Concordia', as look-alikes are told from derived words)?"""
    return not (a.startswith(b) or b.startswith(a) or a[:5] == b[:5])


def _lone_capital(words: Sequence[WordSpan], j: int) -> bool:
    """Is word j capitalised (not in capitals) with no capitalised word beside it, bar a first
    word before it? A capitalised common word beside a name is a title or a part of the
    name ('the Misses Reed', 'the March Hare', 'New Zealand'), not a name a corrector changed."""
    def cap(k: int) -> bool:
        return 0 <= k < len(words) and words[k][0][:1].isupper()
    w = words[j][0]
    return w[:1].isupper() and not w.isupper() and not cap(j + 1) and not (j > 1 and cap(j - 1))


def friend(lw: LinkWords, pairs: np.ndarray | None) -> Callable[[WordSpan, WordSpan], bool]:
    """Whether an original and a translation word of link `lw` are false friends (`pairs`,
    its false_friends): 'Granada' / 'Granted'."""
    src_at = {a: k for k, (_, a, _) in enumerate(lw.src)}
    tgt_at = {a: k for k, (_, a, _) in enumerate(lw.tgt)}

    def alike(s: WordSpan, t: WordSpan) -> bool:
        return pairs is not None and bool(pairs[src_at[s[1]], tgt_at[t[1]]])
    return alike


def false_friends(lw: LinkWords, tgt_lang: str, config: CheckConfig) -> np.ndarray | None:
    """(original words x translation words): pairs spelt alike (`name_similarity`)
    whose translation word is a common word of the translation's language, capitalised
    alone inside the sentence (_lone_capital), that the encoder reads apart from the other
    (FALSE_FRIEND_COSINE): a name a spelling corrector turned into a word ('Granada' /
    'lived in Granted', 'Lyon' / 'left for Lion'), which its spelling alone, or a word link
    by its place, took for the name's counterpart. None without word vectors (nothing tells
    a translation spelt alike from such a word)."""
    if lw.cos is None or not lw.src or not lw.tgt:
        return None
    common = np.array([_lone_capital(lw.tgt, j) and _a_word(w, tgt_lang) for j, (w, *_) in enumerate(lw.tgt)],
                      dtype=bool)
    pairs = common[None, :] & (lw.cos < FALSE_FRIEND_COSINE) & (lw.dice >= config.name_similarity)
    for k, j in zip(*np.nonzero(pairs)):   # few pairs are left: the spelling test per pair
        pairs[k, j] = _other_word(fold(lw.src[k][0]), fold(lw.tgt[j][0]))
    return pairs
