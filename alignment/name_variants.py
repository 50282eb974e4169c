"""Spellings of one name that differ only by a language's way of writing its sounds, for the
names check (cognates.py).

A Russian name reaches Polish as 'Wołga' and English as 'Volga', German writes 'Tschechow' where
English writes 'Chekhov' and Polish 'Czechow': one name, yet bigram Dice of the
transliterations reads 'Волги' / 'Wołgi' as 0.42 (a name changed, a warning on a faithful
ru->pl text). `variant_key` writes a name with each such family of spellings as one letter
(ł/l, w/v; ш: sh, sz, sch, š; ч and х: ch, cz, tsch, kh, č; ц: ts, tz, c; к: k, c; ж: zh,
ż, ž; й: j, y, i; е: e, je, ie), so the two spellings compare as one. No hand list of names: the families
are the standard transliterations of Cyrillic into English, German, Polish and Czech.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .evidence import LinkWords
from .lang import primary
from .name_spelling import name_key
from .word_similarity import _is_latin, fold, latin

# languages whose own spelling writes such sounds otherwise than English or French do
# (Polish ł, w, sz, cz; German w, sch, tsch; Czech and Slovak č, š, ž after folding)
VARIANT_LANGS = frozenset({"pl", "de", "cs", "sk", "sl", "hr", "bs", "lt", "lv"})

_BEFORE_FOLD = str.maketrans({"ł": "l", "đ": "d", "ø": "o"})   # letters NFKD keeps as they are
_FAMILIES = {"schtsch": "s", "shch": "s", "szcz": "s", "sch": "s", "sh": "s", "sz": "s",
             "tsch": "c", "tch": "c", "cz": "c", "ch": "c", "kh": "c", "ts": "c", "tz": "c",
             "ck": "c", "k": "c", "q": "c", "x": "cs", "zh": "z", "w": "v", "y": "i", "j": "i"}
_FAMILY = re.compile("|".join(sorted(_FAMILIES, key=len, reverse=True)))


@lru_cache(maxsize=65536)
def variant_key(word: str) -> str:
    """`word` in Latin letters, case-folded, accents and the letters that are no letters
    ('ь' as an apostrophe) dropped, each spelling family one letter, doubled letters one:
    'Волги' and 'Wołgi' are 'volgi', 'Chekhov', 'Tschechow' and 'Czechow' 'cecov', 'Pobeda' and
    'Pobjeda' 'pobeda'."""
    key = fold(latin(word.casefold().translate(_BEFORE_FOLD)))
    key = _FAMILY.sub(lambda m: _FAMILIES[m.group(0)], re.sub(r"[\W\d_]", "", key))
    # е after a consonant: 'e' in English and French, 'je' in German, Polish and Czech ('Pobeda',
    # 'Pobjeda'; 'Dostoevsky', 'Dostojewski')
    return re.sub(r"(.)\1+", r"\1", key.replace("ie", "e"))


def one_spelling(a: str, b: str, lang_a: str, lang_b: str) -> bool:
    """Are `a` and `b` one name as each language spells it: their variant keys equal, as written
    or without a case ending (name_key: Polish 'Wołgi' and Russian 'Волга' are 'volg'; German
    'Wolga' is 'volga', a letter more, as a language that declines no name writes the nominative).
    Equal only: a likeness of the keys is no test ('Łucja' / 'Lucyna', 'lucia' / 'lucina', are
    two names)."""
    if variant_key(a) == variant_key(b):
        return True
    short, long = sorted((variant_key(name_key(a, lang_a)), variant_key(name_key(b, lang_b))), key=len)
    return len(short) >= 3 and long.startswith(short) and len(long) - len(short) <= 1


def spelt_variants(lw: LinkWords, src_lang: str, tgt_lang: str) -> LinkWords:
    """`lw` with the spelling similarity of each pair of capitalised words that are one_spelling
    raised to 1, where the two are written in two scripts or a side's language is one
    of VARIANT_LANGS. Elsewhere (English and French, say) a letter changed in a name is a
    name changed: 'Weston' / 'Veston' stays two names."""
    if not lw.src or not lw.tgt:
        return lw
    langs = {primary(src_lang), primary(tgt_lang)} & VARIANT_LANGS
    dice = None
    for k, (w, *_) in enumerate(lw.src):
        if not w[:1].isupper():   # a script with no capitals (Chinese) is read by name_readings
            continue
        for j, (t, *_) in enumerate(lw.tgt):
            if t[:1].isupper() and (langs or _is_latin(w) != _is_latin(t)):
                if lw.dice[k, j] < 1.0 and one_spelling(w, t, src_lang, tgt_lang):
                    dice = lw.dice.copy() if dice is None else dice
                    dice[k, j] = 1.0
    return lw if dice is None else replace(lw, dice=dice)
