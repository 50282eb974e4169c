"""A name changed into another name spelt alike, for the names check (cognates.py).

Bigram Dice of 0.5 or more makes a translation word a name's counterpart, and two first names
of one script often share that much: 'Marco' / 'Mario' 0.67, 'Sofía' / 'Sonia' 0.67, 'Martin'
/ 'Marvin' 0.71. A translator's changed name then went unreported at any level. What the
languages do to a name they share is to respell its vowels and its ending ('Marco' / 'Marc' /
'Mark', 'Sofía' / 'Sophie', 'Luis' / 'Louis', 'Maria' / 'Marie', 'Marcos', 'Johannes') and to
write its sounds with their own letters ('Stefan' / 'Stephan', 'Carlos' / 'Charles', 'Giulia'
/ 'Julia', 'Elisabeth' / 'Elizabeth'); the consonants stay. So two names whose consonants,
written by sound (consonant_key), differ are two names where the encoder does not read them as
one either (word cosine below CheckConfig.counterpart_cosine: 'Marco' / 'Mario' 0.53, 'Sofía'
/ 'Sonia' 0.57, 'Martin' / 'Marvin' 0.54, against 'Marco' / 'Mark' 0.72, 'Federico' /
'Frederick' 0.64, 'Londres' / 'London' 0.94): their spelling no longer counts, and the names
check pairs them as a name changed. No list of names: a respelling the letters cannot tell
(a dropped consonant: 'Mailand' / 'Milan' 0.61) rests on the encoder.

Measured with bench_checks.py (--word-links): LIMSI seeds 0-2 (also --gold, --multi), limsi-enfr
and Text+Berg dev seeds 0-2 unchanged at every level; on textberg-frde dev seed 0 one info more, a
real difference of the published German ('Sven Hedin' / 'Säßen Hedin', a scan's misreading).

Not found: names that differ by a vowel or an ending alone ('Marco' / 'Mirco', 'Paul' / 'Paula',
'Giulia' / 'Giulio'), since languages respell exactly these; nor anything without word vectors
(nothing tells 'Londres' / 'London' from 'Marco' / 'Mario' then).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .evidence import LinkWords
from .lang import primary
from .name_spelling import NAME_CASES, rival_names
from .word_similarity import _is_latin, fold

if TYPE_CHECKING:
    from .check_config import CheckConfig

__all__ = ["consonant_key", "other_names", "swapped_names"]

# the spellings of one sound, replaced in this order ('ph' before the 'h' is dropped); a soft
# 'c' ('Venice', 'Francesco') and a 'g' before 'e' or 'i' ('Giulia', 'George': 'j') are read first
_SOUNDS = (("ph", "f"), ("th", "t"), ("sch", "s"), ("ch", "k"), ("ck", "k"), ("qu", "k"),
           ("q", "k"), ("x", "ks"), ("tz", "s"), ("z", "s"))
_SOFT_C = re.compile(r"c(?=[eiy])")
_SOFT_G = re.compile(r"g(?:i(?=[aou])|(?=[eiy]))")
_HARD_GU = re.compile(r"(?<=g)u(?=[eiy])")   # 'Miguel': the 'u' only keeps the 'g' hard
# a voiced consonant and its voiceless pair are one ('Domingo' / 'Dominique', 'Genf' / 'Genève')
_PAIRS = str.maketrans({"g": "k", "c": "k", "d": "t", "b": "p", "v": "f"})
_VOWELS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def consonant_key(word: str) -> str:
    """The consonants of a name as they sound, the last 's' off: 'Marco', 'Marc', 'Mark' and
    'Marcos' are 'mrk', 'Sofía' and 'Sophie' 'sf', 'Luis', 'Louis' and 'Lewis' 'l', 'Giulia'
    and 'Julia' 'jl'; 'Mario' is 'mr' and 'Sonia' 'sn'. An 'h' is dropped ('Helena', 'Theresa'),
    a 'w' after the first letter is a vowel ('Edward' / 'Édouard', 'Moscow' / 'Moscou'), a
    consonant written twice is one ('Anna', 'Isabelle', 'François' / 'Franz')."""
    key = word.casefold().translate({ord("ç"): "s"})
    key = _HARD_GU.sub("", _SOFT_G.sub("j", _SOFT_C.sub("s", fold(key))))
    for spelt, sound in _SOUNDS:
        key = key.replace(spelt, sound)
    key = key[:1] + key[1:].replace("w", "u")
    key = _VOWELS.sub("", re.sub(r"[\W\d_]", "", key.replace("h", "").translate(_PAIRS)))
    key = re.sub(r"(.)\1+", r"\1", key)
    return key[:-1] if len(key) > 1 and key.endswith("s") else key


def other_names(a: str, b: str) -> bool:
    """Do two names spelt alike keep different consonants (consonant_key): 'Marco' / 'Mario',
    'Sofía' / 'Sonia', 'Weston' / 'Veston', but not 'Marco' / 'Marc' nor 'Luis' / 'Louis'? A
    name inside the other is no other name whatever its consonants: a short form ('Patrice' /
    'Pat'), the Latin form French ends in -n ('Néron' / 'Nero', 'Platon' / 'Plato'), a particle
    written apart ('Duquesne' / 'Du Quesne'): each was a warning on LIMSI's clean links."""
    fa, fb = fold(a), fold(b)
    return consonant_key(a) != consonant_key(b) and fa not in fb and fb not in fa


def swapped_names(lw: LinkWords, src_lang: str, tgt_lang: str, config: CheckConfig) -> LinkWords:
    """`lw` with the spelling similarity of each pair of names in Latin letters (capitalised, no
    common word of their language: name_spelling.rival_names) that are spelt alike
    (name_similarity) but are other_names read apart by the encoder (cosine below
    counterpart_cosine) lowered below name_similarity: the names check then asks them for a
    counterpart and pairs them as a name changed ("name 'Marco' became 'Mario'?"). A common
    word is no such name: 'Psaumes' / 'Psalms' (0.42, an English 'l' no French writes) was a
    warning on LIMSI. Not where a side's language declines names: its forms change consonants
    at the end ('Polska' / 'Polsce'). Nothing without word vectors. The names check asks this
    before name_variants.spelt_variants, which makes one name of the transliterations a
    language of VARIANT_LANGS writes ('Morawec' / 'Moravec', 'Pobjeda' / 'Pobeda' on
    textberg-frde: warnings when asked after it)."""
    if lw.cos is None or not lw.src or not lw.tgt \
            or {primary(src_lang), primary(tgt_lang)} & NAME_CASES.keys():
        return lw
    alike = (lw.dice >= config.name_similarity) & (lw.cos < config.counterpart_cosine)
    if not alike.any():
        return lw
    below = config.name_similarity - 0.01
    dice = None
    for k, j in zip(*(alike & rival_names(lw, src_lang, tgt_lang, spelt=2.0)).nonzero()):
        s, t = lw.src[k][0], lw.tgt[j][0]
        if _is_latin(s) and _is_latin(t) and other_names(s, t):
            dice = lw.dice.copy() if dice is None else dice
            dice[k, j] = min(dice[k, j], below)
    return lw if dice is None else replace(lw, dice=dice)
