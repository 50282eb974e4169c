"""Compound numbers written in words, read as one value: 'deux mille cinq cents' (2500),
'two thousand five hundred', 'eight thousand eight hundred and forty-eight',
'zweitausendfünfhundert', 'duemilacinquecento', 'dos mil quinientos', 'douze mille' (12000).

Part of the check stage (number_words and number_pairs ask here). Why: the numbers check read
numbers in words as the cardinals 2-100 only, so '2 500 francs' / 'two thousand five hundred
francs' was a warning ('2 500 in the original, two, five in the translation') and a change
between two compounds was quoted as its pieces or not seen at all.

Library, and why: num2words writes 1-999 of each language (their joining words, '-', 'et',
'und', 'y', and German, Dutch and Italian writing them as one word); the scale words above
them and the joining words between the parts are the small tables below, for the languages
the checks serve (a language without them has no compounds read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .word_similarity import fold
from .lang import primary

M, G = 10**6, 10**9
# scale words, folded: a hundred (100) multiplies what is before it within a thousand; the
# others multiply the whole group before them ('deux cent mille' is 200,000)
SCALE_WORDS: dict[str, dict[str, int]] = {
    "en": {"hundred": 100, "thousand": 1000, "million": M},
    "fr": {"cent": 100, "cents": 100, "mille": 1000, "mil": 1000, "million": M, "millions": M,
           "milliard": G, "milliards": G},
    "de": {"hundert": 100, "tausend": 1000, "million": M, "millionen": M, "milliarde": G, "milliarden": G},
    "nl": {"honderd": 100, "duizend": 1000, "miljoen": M, "miljard": G},
    "es": {"mil": 1000, "millon": M, "millones": M},
    "it": {"cento": 100, "mille": 1000, "mila": 1000, "milione": M, "milioni": M, "miliardo": G, "miliardi": G},
    "pt": {"mil": 1000, "milhao": M, "milhoes": M},
    "tr": {"yuz": 100, "bin": 1000, "milyon": M, "milyar": G},
    # Russian and Polish hundreds are words of their own ('сто', 'двести', 'sto'): num2words' 1-999
    "ru": {"тысяча": 1000, "тысячи": 1000, "тысяч": 1000, "миллион": M, "миллиона": M, "миллионов": M},
    "pl": {"tysiac": 1000, "tysiace": 1000, "tysiecy": 1000, "milion": M, "miliony": M, "milionow": M},
    "ar": {"الف": 1000, "الاف": 1000, "مليون": M, "ملايين": M},   # number_arabic
}
# languages whose hundreds are no scale word: their compounds are looked for in any text
OWN_HUNDREDS = frozenset({"es", "pt", "ru", "pl", "ar"})
# words that join the parts, folded: 'three hundred and twenty', 'mille et un', 'mil e duzentos'
# (Turkish has none: 'iki yüz on bir')
JOIN_WORDS: dict[str, str] = {"en": "and", "fr": "et", "de": "und", "nl": "en", "es": "y", "it": "e", "pt": "e"}
# languages that write a number as one word ('zweitausendfünfhundert'): their words are split
GLUED = frozenset({"de", "nl", "it"})
TOKEN = re.compile(r"[^\W\d_]+")
LONGEST_WORD = 80   # longer words are not split (the split takes time square in the length)


@dataclass(frozen=True)
class Atom:
    """A part of a number: 'n' a number 1-999 (value), 's' a scale word, 'j' a joining word;
    the tokens it spans; whether it ends its token, and only spaces stand before it."""

    kind: str
    value: int
    first: int
    last: int
    ends_token: bool
    adjacent: bool


@lru_cache(maxsize=16)
def _lexicon(lang: str) -> dict[tuple[str, ...], tuple[str, int]]:
    """1-999 in words (folded, '-' as a space, as word sequences), with the other forms of
    their words (number_words.OTHER_FORMS: 'une', 'eine', 'duas'; Spanish and Portuguese
    feminine hundreds: 'doscientas'); scale and joining words. Empty where there are none."""
    from num2words import num2words

    from .number_words import OTHER_FORMS
    if lang not in SCALE_WORDS:
        return {}
    if lang == "ar":
        from .number_arabic import arabic_lexicon
        return arabic_lexicon()
    from .number_turkish import spaced
    other = dict(OTHER_FORMS.get(lang, {}))
    lexicon: dict[tuple[str, ...], tuple[str, int]] = {}
    for n in range(1, 1000):
        words = fold(num2words(n, lang=lang)).replace("-", " ").split()
        forms = [words] + [words[:k] + [form] + words[k + 1:]
                           for k, w in enumerate(words) for form in _other_forms(w, lang, other)]
        forms += [spaced(" ".join(words)).split()] if lang == "tr" else []
        for form in forms:
            lexicon.setdefault(tuple(form), ("n", n))
    lexicon |= {(w,): ("s", v) for w, v in SCALE_WORDS[lang].items()}
    if lang in JOIN_WORDS:
        lexicon[(JOIN_WORDS[lang],)] = ("j", 0)
    return lexicon


def _other_forms(word: str, lang: str, other: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Other forms of one word of a number: OTHER_FORMS, 'doscientas', 'quatre-vingt mille'."""
    forms = other.get(word, ())
    if lang in ("es", "pt") and word.endswith("entos"):
        forms += (word[:-2] + "as",)
    if lang == "fr" and word == "vingts":
        forms += ("vingt",)
    return forms


def _split(word: str, singles: dict[str, tuple[str, int]]) -> list[str] | None:
    """A word of a language that glues its numbers, cut into the fewest words of the lexicon
    ('zweitausendfunfhundert': zwei, tausend, funfhundert), or None."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(end):
            head, part = best[start], word[start:end]
            if head is not None and part in singles and (best[end] is None or len(head) + 1 < len(best[end] or [])):
                best[end] = head + [part]
    return best[-1]


def _atoms(folded: str, lang: str) -> list[Atom]:
    """The text's words read as parts of numbers, in order; a word that is none breaks the run."""
    lexicon = _lexicon(lang)
    tokens = list(TOKEN.finditer(folded))
    singles = {key[0]: v for key, v in lexicon.items() if len(key) == 1}
    scales = list(SCALE_WORDS[lang])
    longest = max(map(len, lexicon))
    atoms: list[Atom] = []
    k = 0
    while k < len(tokens):
        adjacent = bool(atoms) and atoms[-1].last == k - 1 and not folded[tokens[k - 1].end():tokens[k].start()].strip()
        for size in range(min(longest, len(tokens) - k), 0, -1):
            part = tokens[k:k + size]
            key = tuple(t.group() for t in part)
            if key in lexicon and all(not folded[x.end():y.start()].strip() for x, y in zip(part, part[1:])):
                kind, value = lexicon[key]
                atoms.append(Atom(kind, value, k, k + size - 1, True, adjacent))
                k += size
                break
        else:
            word = tokens[k].group()
            pieces = _split(word, singles) if lang in GLUED and len(word) <= LONGEST_WORD \
                and any(s in word for s in scales) else None
            for p, piece in enumerate(pieces or ()):
                kind, value = singles[piece]
                atoms.append(Atom(kind, value, k, k, p == len(pieces or ()) - 1, adjacent or p > 0))
            k += 1
    return atoms


def _parse(atoms: list[Atom], i: int) -> tuple[int, int, int]:
    """The longest number read from atom i: (value, atoms taken, of them not joining words);
    (0, 0, 0) for none. A group below a thousand is a hundreds part then a part below a
    hundred ('twelve hundred' too); scale words above it come in falling order."""
    total, group, hundreds, units, last_scale, joined = 0, 0, False, False, 10**12, False
    best, parts = (0, 0, 0), 0
    for j in range(i, len(atoms)):
        a = atoms[j]
        if j > i and not a.adjacent:
            break
        if a.kind == "j":
            if joined or not (hundreds and not units or not group and last_scale < 10**12):
                break
            joined = True
            continue
        if a.kind == "n" and a.value >= 100 and not (hundreds or units):
            group, hundreds, units = a.value, True, a.value % 100 != 0
        elif a.kind == "n" and a.value < 100 and not units and (hundreds or not group):
            group, units = group + a.value, True
        elif a.kind == "s" and a.value == 100 and not hundreds and not joined and (not group or group < 100):
            group, hundreds, units = (group or 1) * 100, True, False
        elif a.kind == "s" and a.value > 100 and not joined and a.value < last_scale and group < 1000 \
                and (group or j == i):
            total, group, hundreds, units, last_scale = total + (group or 1) * a.value, 0, False, False, a.value
        else:
            break
        joined, parts = False, parts + 1
        if a.ends_token:
            best = (total + group, j + 1 - i, parts)
    return best


@lru_cache(maxsize=4096)
def compounds(folded: str, lang: str) -> tuple[tuple[int, int, int], ...]:
    """(value, start, end) in folded (the text folded, '-' as a space) of each number written
    in words that has a hundred or more in it: 'deux mille cinq cents', 'three hundred and
    twenty', 'zweitausend', 'trois cents'; not a scale word alone ('mille', 'a thousand': 'mille
    fois' is an idiom, and 'cent' a cardinal of its own); an English year said in two halves
    ('nineteen twenty-three', years_said)."""
    lang = primary(lang)
    years = years_said(folded, lang)
    if lang not in SCALE_WORDS or not any(s in folded for s in SCALE_WORDS[lang]) and lang not in OWN_HUNDREDS:
        return years
    atoms = _atoms(folded, lang)
    tokens = list(TOKEN.finditer(folded))
    out = []
    i = 0
    while i < len(atoms):
        value, taken, parts = _parse(atoms, i) if i == 0 or atoms[i - 1].ends_token else (0, 0, 0)
        if taken and value >= 100 and (parts > 1 or atoms[i].kind == "n" and value > 100):
            out.append((value, tokens[atoms[i].first].start(), tokens[atoms[i + taken - 1].last].end()))
            i += taken
        else:
            i += 1
    return tuple(sorted([*out, *years], key=lambda found: found[1]))


def masked(folded: str, found: tuple[tuple[int, int, int], ...]) -> str:
    """folded with the compounds found blanked out, its length kept (spans stay valid)."""
    for _, a, b in found:
        folded = folded[:a] + " " * (b - a) + folded[b:]
    return folded


# An English year said in two halves ('nineteen twenty-three' is 1923, 'eighteen oh five' 1805,
# 'twenty twenty-one' 2021): read as the two numbers it is not ('1923' / 'nineteen', a false
# warning a scholar met). The first half 11-20, the second 10-99 or 'oh' and a digit.
_TEENS = ("eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
          "twenty").split()
_UNITS = "one two three four five six seven eight nine".split()
_TENS = "ten twenty thirty forty fifty sixty seventy eighty ninety".split()
_ENDS = {**{w: 11 + k for k, w in enumerate(_TEENS[:-1])}, "ten": 10,
         **{f"{t} {u}": 10 * (k + 2) + j + 1 for k, t in enumerate(_TENS[1:])
            for j, u in enumerate(_UNITS)},
         **{t: 10 * (k + 2) for k, t in enumerate(_TENS[1:])},
         **{f"oh {u}": j + 1 for j, u in enumerate(_UNITS)}}
_YEAR_SAID = re.compile(rf"\b({'|'.join(_TEENS)}) "
                        rf"({'|'.join(sorted(_ENDS, key=len, reverse=True))})\b")


def years_said(folded: str, lang: str) -> tuple[tuple[int, int, int], ...]:
    """(year, start, end) in folded (the text folded, '-' as a space) of each English year said
    in two halves."""
    if primary(lang) != "en":
        return ()
    return tuple((100 * (11 + _TEENS.index(m.group(1))) + _ENDS[m.group(2)], m.start(), m.end())
                 for m in _YEAR_SAID.finditer(folded))
