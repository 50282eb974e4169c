"""Hebrew and Devanagari names against their Latin spelling, for the names check where one side
is written without capitals (name_caseless.py).

The encoder knows neither Hebrew nor Hindi, so there a name's counterpart is found by spelling
alone, and anyascii's reading of Hebrew is a letter-by-letter one that no English spelling
follows: מקס 'mqs' for Max, נועה "nv'h" for Noa, בוסטון 'vvstvn' for Boston (bet read as 'v',
vav as 'v' where it is a vowel). Hebrew also writes 'and', 'the', 'in', 'as', 'to', 'from' and
'that' as one letter before the word ('לבוסטון', to Boston; 'ובבאר', and in Be'er): 13 faithful
names of a Hebrew-English story had no counterpart. And Hindi writes 'Delhi' दिल्ली, 'dilli': the
English 'h' of an Indian name marks a sound Devanagari writes in its letter, or nothing.

So a Hebrew word is compared by its consonants as Hebrew writes them (hebrew_key: the letters
that stand for vowels, א ה ו י ע, left out after the first letter; the letters that read two
ways, ב b/v, פ p/f, כ k/kh, made one), against the Latin name's consonants read the same way
(latin_key); a one- or two-letter prefix is taken off first (hebrew_stems). Only an equal key
counts: 'Yossi' and יוני (Yoni) differ ('s' / 'n'), as do מרים and 'Sarah' ('mrm' / 'sr'). Not
told: two names of one consonant each, alike in it ('Noa' / נינה Nina: both 'n'), since Hebrew
writes nothing else of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .word_similarity import fold

__all__ = ["devanagari_key", "hebrew_key", "hebrew_stems", "latin_key"]

HEBREW = re.compile(r"[\u05d0-\u05ea]")
DEVANAGARI = re.compile(r"[\u0900-\u097f]")
# one letter before a word: and, the, in, as, to, from, that; two, as 'וב' (and in), 'מה'
# (from the), 'של' (that to), 'כש' (when)
_PREFIX = "ובהכלמש"
_FIRST_OF_TWO = "ושמכ"
# Hebrew letters by the consonant class latin_key gives their Latin spellings; א ה ו י ע are
# vowels after a word's first letter (ו at the start is 'v', י 'y': both dropped too)
_HEBREW_CLASS = {"ב": "p", "ג": "k", "ד": "t", "ז": "s", "ח": "k", "ט": "t", "כ": "k", "ך": "k",
                 "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "s", "פ": "p", "ף": "p",
                 "צ": "s", "ץ": "s", "ק": "k", "ר": "r", "ש": "s", "ת": "t"}
# Latin spellings of one sound, longest first, then each letter's class (voiced and voiceless
# made one, as Hebrew's bet/vet, pe/fe and kaf/khaf are)
_LATIN_SOUNDS = (("sch", "s"), ("sh", "s"), ("ch", "k"), ("kh", "k"), ("ph", "p"), ("th", "t"),
                 ("ts", "s"), ("tz", "s"), ("ck", "k"), ("x", "ks"), ("q", "k"))
_LATIN_CLASS = str.maketrans({"b": "p", "v": "p", "f": "p", "g": "k", "c": "k", "d": "t", "z": "s",
                              "j": "", "y": "", "w": "", "h": ""})
_LATIN_VOWELS = re.compile(r"[aeiou'`]+")


def _dedup(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", key)


@lru_cache(maxsize=8192)
def latin_key(name: str) -> str:
    """A Latin name's consonants in the classes Hebrew writes: 'Max' 'mks', 'Boston' 'pstn',
    'Beersheba' 'prsp', 'Rachel' 'rkl', 'Katz' 'ks' ('h', 'y', 'w', 'j' left out: vowels or
    nothing to Hebrew)."""
    key = fold(name).replace(" ", "")
    for spelt, sound in _LATIN_SOUNDS:
        key = key.replace(spelt, sound)
    return _dedup(_LATIN_VOWELS.sub("", re.sub(r"[\W\d_]", "", key.translate(_LATIN_CLASS))))


@lru_cache(maxsize=8192)
def hebrew_key(word: str) -> str:
    """A Hebrew word's consonants (niqqud and the vowel letters left out): מקס 'mks', בוסטון
    'pstn', באר שבע 'prsp', יוסי 's', מרים 'mrm'."""
    return _dedup("".join(_HEBREW_CLASS.get(c, "") for c in word))


def hebrew_stems(word: str) -> list[tuple[str, int]]:
    """(the word without a prefix of one or two letters, where it starts), two letters at least
    left: 'לבוסטון' gives 'בוסטון' and 'וסטון'; every cut is offered, the key decides."""
    out = []
    for n in (1, 2):
        head, rest = word[:n], word[n:]
        if len(HEBREW.findall(rest)) >= 2 and all(c in _PREFIX for c in head) \
                and (n == 1 or head[0] in _FIRST_OF_TWO):
            out.append((rest, n))
    return out


def hebrew_alike(name: str, form: str) -> bool:
    """Is the Latin `name` the Hebrew `form` by their consonants (equal keys, one at least)?"""
    a, b = latin_key(name), hebrew_key(form)
    return bool(a) and a == b


@lru_cache(maxsize=8192)
def devanagari_key(read: str) -> str:
    """Consonants of a Devanagari word's transliteration or of a Latin name, 'h' left out: the
    English 'h' of an Indian name ('Delhi', 'Bhopal') marks a sound Devanagari writes in its
    letter or not at all (दिल्ली 'dilli': 'dl', as 'Delhi')."""
    key = fold(read).replace("h", "").replace("w", "v")
    return _dedup(re.sub(r"[aeiouy\W\d_]+", "", key))
