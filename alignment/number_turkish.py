"""Turkish numbers in words as Turkish writes them: apart ('on bir' is 11, 'yirmi beş' 25, 'iki
yüz' 200) and with a case ending on the last word ('saat on birde', 'beşte', 'ikiye').

Part of the check stage (number_words, number_compounds and number_pairs ask here). Why:
num2words writes Turkish numbers as one word ('onbir', 'yirmibeş', 'ikiyüz'), so 'on bir' was
read as 10 and 1 ('Saat on birde' / 'at eleven' was "numbers differ: on (10) ... eleven (11)"),
and a word with an ending ('birde', 'beşte') as no number at all. No library strips Turkish
case endings from number words; the words and endings are few, so they are the tables below.
"""

from __future__ import annotations

import re

from .lang import primary

# the words of Turkish numbers, folded (as evidence.fold writes them: 'ı' stays, 'ş' is 's')
WORDS = ("bir", "iki", "uc", "dort", "bes", "altı", "yedi", "sekiz", "dokuz", "on", "yirmi", "otuz",
         "kırk", "elli", "altmıs", "yetmis", "seksen", "doksan", "yuz", "bin", "milyon", "milyar")
_WORD = re.compile("|".join(sorted(WORDS, key=len, reverse=True)))
# words that are also others with an ending ('ona', 'onda': to him, at him; 'altında': under it;
# 'yedi': he ate; 'yüzü': his face; 'bine': get on; 'ucu': its tip; 'beste': a song): their
# ending is read only on the last word of a number of several words ('on birde', 'iki yüzde')
# or after 'saat' ('saat onda')
_AMBIGUOUS = frozenset({"bir", "uc", "bes", "on", "altı", "yedi", "yuz", "bin", "milyon", "milyar"})
# case endings, folded: locative and ablative ('birde', 'beşten'), dative ('ikiye', 'üçe'),
# accusative ('dördü'), genitive ('ikinin'); 'dört' is 'dörd' before a vowel
_ENDING = r"(?:[dt][ae]n?|[dt][ae]ki|y?[ae]|y?[ıiu]|n?[ıiu]n)"
_NUMBER = "|".join(sorted(WORDS, key=len, reverse=True))
_ENDED = re.compile(rf"\b(?:(?P<prev>saat|{_NUMBER}) )?(?P<w>{_NUMBER}|dord)(?P<e>{_ENDING})\b")


def spaced(words: str) -> str:
    """num2words' Turkish number, folded, written apart as Turkish writes it ('ikiyuzonbir' ->
    'iki yuz on bir', 'onbirinci' -> 'on birinci'); an ordinal's ending stays on its last word."""
    out: list[str] = []
    for word in words.split():
        at = 0
        while (m := _WORD.match(word, at)) is not None:
            out.append(m.group())
            at = m.end()
        if at < len(word):
            out[-1:] = [(out[-1] if at else "") + word[at:]]
    return " ".join(out)


def without_endings(folded: str, lang: str) -> str:
    """folded Turkish text with the case endings of its number words blanked out, its length
    kept (spans stay valid): 'saat on birde' -> 'saat on bir  '. Other languages as given."""
    if primary(lang) != "tr":
        return folded

    def blank(m: re.Match[str]) -> str:
        word = m.group("w")
        if word in _AMBIGUOUS and m.group("prev") is None:
            return m.group()
        stem = "dort" if word == "dord" else word
        if word == "dord" and not m.group("e")[0] in "aeıiu":
            return m.group()
        return m.group()[:m.start("w") - m.start()] + stem + " " * len(m.group("e"))
    return _ENDED.sub(blank, folded)
