"""What a plain-text search compares: each character folded as a reader types it (part of
search.py's stage, kept apart as the rules of one concern).

A learner types what the keyboard gives: '1898' did not find '１８９８', 'ア' not 'ｱ', 'ёлка' not
'Елка', 'موسكو' not 'مُوسْكُو' (vowelled), 'احمد' not 'أحمد', 'Muller' not 'Müller', 'ﾎﾟｰﾙ' not
'ポール'. So the text and the query are both folded (`fold`, `fold_parts`), and search.py
maps the hits in the folded text back to the text's offsets.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Optional marks a reader may or may not type: Arabic short vowels and other harakat, Hebrew
# points; and ё, which Russian prints as е as often as not.
_OPTIONAL_MARKS = re.compile("[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a"
                             "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
# Turkish dotted and dotless i, which case folding keeps apart ('İ' -> 'i' and a combining dot,
# 'ı' stays): matched as i, as the case-blind search before did ('istanbul' finds 'İstanbul')
_TURKISH_I = str.maketrans({"İ": "i", "ı": "i"})
# Arabic letters written one way or another (hamza on alef or not, alef maqsura and ya, ta
# marbuta and ha, hamza on waw and ya): 'احمد' finds 'أحمد', 'فاطمه' finds 'فاطمة'
_ARABIC_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                               "ؤ": "و", "ئ": "ي"})
# Marks that only accent a Latin letter when they stand apart (a text in NFD: 'e' + U+0301)
_COMBINING_LATIN = re.compile("[\u0300-\u036f]")
# Half-width katakana write a voiced sound apart ('ｶﾞ', 'ﾎﾟ'); its mark is composed with the
# letter before it (`fold_parts`), as NFKC composes the pair
_VOICING = "\uff9e\uff9f\u3099\u309a"


@lru_cache(maxsize=65536)
def fold(c: str, case: bool = False, accents: bool = True) -> str:
    """What one character is compared as in a plain search: its compatibility form (NFKC:
    '１８９８' is 1898, half-width 'ｱ' is 'ア', 'ﬁ' is 'fi'), without the optional marks, the
    Arabic letter forms made one (_ARABIC_FORMS), ё as е, the accents of Latin letters dropped
    unless `accents` ('é' is 'e'), and case folded unless `case` ('ß' is 'ss')."""
    c = unicodedata.normalize("NFKC", c)
    c = _OPTIONAL_MARKS.sub("", c).replace("ё", "е").replace("Ё", "Е").translate(_ARABIC_FORMS)
    if not accents:
        c = _COMBINING_LATIN.sub("", "".join(map(_unaccented, c)))
    return c if case else c.translate(_TURKISH_I).casefold()


# Latin letters whose stroke Unicode does not write as a mark
_STROKES = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H"}


def _unaccented(c: str) -> str:
    """A Latin letter without its accents ('ü' is 'u', 'ǣ' is 'æ', 'ł' is 'l'); any other
    character as is ('й' stays: in Russian it is a letter of its own, as 'ガ' is in Japanese)."""
    if c in _STROKES:
        return _STROKES[c]
    base, *marks = unicodedata.normalize("NFD", c)
    if marks and base.isalpha() and "LATIN" in unicodedata.name(base, ""):
        return base
    return c


def fold_parts(text: str, case: bool = False, accents: bool = True) -> list[str]:
    """`fold` of each character of `text`; a voicing mark after a kana makes one character
    with it, folded in the kana's place, the mark's part empty ('ﾎﾟ' -> 'ポ', '')."""
    parts = [fold(c, case, accents) for c in text]
    for k in range(1, len(text)):
        if text[k] in _VOICING:
            pair = unicodedata.normalize("NFKC", text[k - 1:k + 1])
            if len(pair) == 1:
                parts[k - 1:k + 1] = [fold(pair, case, accents), ""]
    return parts


def has_voicing(text: str) -> bool:
    """Whether `text` holds a voicing mark apart from its kana (`fold_parts` composes it)."""
    return any(v in text for v in _VOICING)


def has_accents(query: str) -> bool:
    """Whether a query is typed with an accented Latin letter ('à', or 'a' and U+0300). Then
    its accents count, as a capital makes a search case-sensitive in editors ("smart case"):
    'a' finds 'à', 'à' finds only 'à', so a proofreader can tell one from the other."""
    return any(fold(c, True, True) != fold(c, True, False) for c in query)


class _FoldTable(dict):  # type: ignore[type-arg]
    """A str.translate table filled as characters come: each character's `fold`. The
    characters folded to none or to several are kept apart (`uneven`): only where a text holds
    one do its offsets need mapping back."""

    def __init__(self, case: bool, accents: bool) -> None:
        super().__init__()
        self.case, self.accents = case, accents
        self.uneven: set[str] = set(_VOICING)   # composed with the kana before (fold_parts)
        self.uneven_re = re.compile(f"[{_VOICING}]")

    def __missing__(self, key: int) -> str:
        c = chr(key)
        self[key] = folded = fold(c, self.case, self.accents)
        if len(folded) != 1:
            self.uneven.add(c)
            self.uneven_re = re.compile("[" + "".join(map(re.escape, sorted(self.uneven))) + "]")
        return folded


_TABLES = {(case, accents): _FoldTable(case, accents) for case in (False, True)
           for accents in (False, True)}


def folded_text(text: str, case: bool, accents: bool) -> tuple[str, bool]:
    """`text` folded (`fold`) by one str.translate, and whether every character folded to one
    (a search of 10,000 links took 0.9 s character by character) and no voicing mark needs
    composing."""
    if text.isascii():
        return (text if case else text.lower()), True
    table = _TABLES[case, accents]
    folded = text.translate(table)
    return folded, len(folded) == len(text) and not table.uneven_re.search(text)
