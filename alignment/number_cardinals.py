"""The cardinals of a language in words, in every form the numbers check reads (number_words.py):
num2words' words beside the forms it does not write (OTHER_FORMS: the feminine and the cases,
Turkish written apart), gathered into one pattern for the cardinals 2-100.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .word_similarity import fold
from .lang import primary
from .number_arabic import arabic_forms
from .number_cardinals_extra import EXTRA_CARDINALS
from .number_russian import OBLIQUE
from .number_thai import OWN_READER
from .number_turkish import spaced

# forms of a number num2words does not write, folded, beside the word it writes: the feminine
# and the cases ('две', 'dwie' beside 'два', 'dwa'; Why: 'Она купила две книги' / 'three
# books' was no finding, 'три' was). Each word of a number written so is replaced
# ('двадцать две' is 22). One's forms ('eine', 'una') are articles as well: they are read only
# where a 1 in figures is looked for in words (spelled), never as a number of their own.
OTHER_FORMS: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {"один": ("одна", "одно", "одну", "одного", "одной", "одному", "одним"),
           "два": ("две", "двух", "двум", "двумя"), "три": ("трех", "трем", "тремя"),
           "четыре": ("четырех", "четырем", "четырьмя"), "пять": ("пяти", "пятью"),
           "шесть": ("шести", "шестью"), "восемь": ("восьми", "восемью"),
           "девять": ("девяти", "девятью"), "десять": ("десяти", "десятью"),
           **OBLIQUE},   # 'семидесяти', 'двухсот' (number_russian)
    "uk": {"один": ("одна", "одне", "одну", "одного", "одній"), "два": ("дві", "двох", "двом", "двома"),
           "три": ("трьох", "трьом", "трьома"), "чотири": ("чотирьох", "чотирьом", "чотирма")},
    "pl": {"jeden": ("jedna", "jedno", "jednego", "jednej", "jednemu", "jednym"),
           "dwa": ("dwie", "dwoch", "dwoma", "dwaj", "dwu"), "trzy": ("trzech", "trzema", "trzej"),
           "cztery": ("czterech", "czterema", "czterej"), "piec": ("pieciu",), "szesc": ("szesciu",),
           "siedem": ("siedmiu",), "osiem": ("osmiu",), "dziewiec": ("dziewieciu",),
           "dziesiec": ("dziesieciu",)},
    "cs": {"jedna": ("jeden", "jedno"), "dva": ("dve", "dvou", "dvema"), "tri": ("trech", "tremi"),
           "ctyri": ("ctyr", "ctyrech", "ctyrmi")},
    "de": {"eins": ("ein", "eine", "einen", "einem", "einer", "eines")},
    "es": {"uno": ("una", "un"), "veintiuno": ("veintiuna", "veintiun")},
    "it": {"uno": ("una", "un")},
    "pt": {"um": ("uma",), "dois": ("duas",)},
    "fr": {"un": ("une",)},
    "ca": {"un": ("una",), "dos": ("dues",)},
    "ro": {"unu": ("una", "un"), "doi": ("doua",)},
}


def _forms(words: str, lang: str) -> list[str]:
    """words (a number num2words wrote, folded) and the same with one word in another form
    (OTHER_FORMS: 'двадцать две' beside 'двадцать два'), or written apart (Turkish 'on bir'
    beside num2words' 'onbir': number_turkish)."""
    other = OTHER_FORMS.get(primary(lang), {})
    tokens = words.split(" ")
    apart = [spaced(words)] if primary(lang) == "tr" else []
    return [words] + [" ".join(tokens[:k] + [form] + tokens[k + 1:])
                      for k, token in enumerate(tokens) for form in other.get(token, ())] + apart


@lru_cache(maxsize=16)
def _cardinals(lang: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """The cardinals 2-100 of a language in words (folded, '-' as a space), longest first as one
    pattern: 'twenty three' before 'twenty'. None where num2words does not know the language,
    or where number_thai reads its words (OWN_READER)."""
    from num2words import num2words
    if lang in OWN_READER:
        return None
    words: dict[str, int] = {fold(w): n for w, n in EXTRA_CARDINALS.get(lang, {}).items()}
    for n in range(2, 101):
        try:
            for form in _forms(fold(num2words(n, lang=lang)).replace("-", " "), lang):
                words.setdefault(form, n)
        except Exception:   # NotImplementedError for a language it lacks, and its own slips
            if not words:
                return None
            break
        for form in arabic_forms(n) if lang == "ar" else ():   # 'اثنتا عشرة' (number_arabic)
            words.setdefault(form, n)
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b"), words
