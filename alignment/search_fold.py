"""What a plain-text search compares: each character folded as a reader types it (part of
search.py's stage, kept apart as the rules of one concern).

A learner types what the keyboard gives: '1898' did not find '１８９８', 'ア' not 'ｱ', 'ёлка' not
'Елка', 'موسكو' not 'مُوسْكُو' (vowelled), 'احمد' not 'أحمد', 'Muller' not 'Müller', 'ﾎﾟｰﾙ' not
'ポール', '950' not '٩٥٠', 'السوق' not 'الســوق' (a kashida), '?' not '؟', 'علی' (Persian ya) not
'علي', '3.5' not '٣٫٥', '20' not the Thai '๒๐' nor '45' the Devanagari '४५', 'צה"ל' (typed on a
Hebrew keyboard) not 'צה״ל'. So the text and the query are both folded
(`fold`, `fold_parts`), and search.py maps the hits in the folded text back to the text's
offsets.

A text may write an accent apart from its letter (NFD: 'e' and U+0301, as an imported TSV
keeps it) while the keyboard gives 'é': `fold_parts` composes such a letter (NFC) and folds it in
the letter's place, so 'été' finds either form.

Accents count letter by letter (`typed_accents`): a letter the user typed with its accent finds
that letter only, in either case, and the letters typed without one find any accent. 'iñigo'
finds 'Íñigo' and 'IÑIGO' ('ñ' made the whole query accent-exact, so the 'i' missed 'Í'), while
'año' still finds 'AÑO' and not 'ano', and 'à' only 'à', so a proofreader can tell them apart.

An ordinal indicator after an abbreviation's dot ('Sr.ª', 'n.º', '1.ª') is read as the letter
it is, the dot dropped: 'sra' finds 'Sr.ª', and 'sr.ª' finds 'Sra.' (`fold_parts`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate

# Optional marks a reader may or may not type: Arabic short vowels and other harakat, Hebrew
# points; and ё, which Russian prints as е as often as not.
_OPTIONAL_MARKS = re.compile("[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a"
                             "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
# Turkish dotted and dotless i, which case folding keeps apart ('İ' -> 'i' and a combining dot,
# 'ı' stays): matched as i, as the case-blind search before did ('istanbul' finds 'İstanbul')
_TURKISH_I = str.maketrans({"İ": "i", "ı": "i"})
# Arabic letters written one way or another (hamza on alef or not, alef maqsura and ya, ta
# marbuta and ha, hamza on waw and ya): 'احمد' finds 'أحمد', 'فاطمه' finds 'فاطمة'; and the
# Persian ya and kaf (U+06CC, U+06A9) as the Arabic ones, which Persian text typed on an Arabic
# keyboard (or Arabic on a Persian one) gives: 'علی' finds 'علي' and 'على', 'کتاب' 'كتاب'
_ARABIC_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                               "ؤ": "و", "ئ": "ي", "\u06cc": "ي", "\u06a9": "ك"})
# Marks that only accent a Latin letter when they stand apart (a text in NFD: 'e' + U+0301)
_COMBINING_LATIN = re.compile("[\u0300-\u036f]")
# Half-width katakana write a voiced sound apart ('ｶﾞ', 'ﾎﾟ'); its mark is composed with the
# letter before it (`fold_parts`), as NFKC composes the pair
_VOICING = "\uff9e\uff9f\u3099\u309a"
_NOT_ASCII = re.compile("[^\x00-\x7f]")
# What a French reader types for the typographic forms: a straight apostrophe for the curly one
# (and the modifier letter and the opening quote often set for it), 'oe' and 'ae' for the
# ligatures that NFKC keeps ('ﬁ' it makes 'fi'); and any reader a straight double quote for the
# quotation marks of every language ('"清风楼"' found nothing where the text has '“清风楼”'); and
# a Hebrew keyboard's straight quotes for gershayim and geresh ('צה"ל' finds 'צה״ל', 'פרופ'' 'פרופ׳')
_TYPED_FORMS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "œ": "oe", "Œ": "OE",
                              "æ": "ae", "Æ": "AE", **dict.fromkeys("“”„‟«»「」『』", '"'),
                              "\u05f4": '"', "\u05f3": "'"})
# What a reader of Arabic, Persian or Urdu types for the text's forms: the ASCII digits for the
# Arabic-Indic and the Extended Arabic-Indic (Persian) ones ('950' finds '٩٥٠', '١٢٠٠' finds
# '1200'; NFKC keeps them), nothing for the kashida that stretches a word ('السوق' finds
# 'الســوق'), ',', ';', '?' for the Arabic comma, semicolon and question mark, and '.' and ','
# for the Arabic decimal and thousands separators ('3.5' finds '٣٫٥', '1,200' finds '١٬٢٠٠');
# and what a reader of Thai types for its digits, which Thai prints beside the ASCII ones ('20'
# finds '๒๐', '๒๐' finds '20')
_ARABIC_TYPED = str.maketrans({**{chr(0x660 + d): str(d) for d in range(10)},
                               **{chr(0x6f0 + d): str(d) for d in range(10)},
                               **{chr(0xe50 + d): str(d) for d in range(10)},
                               "\u0640": "", "\u060c": ",", "\u061b": ";", "\u061f": "?",
                               "\u066b": ".", "\u066c": ","})
# The dot of an abbreviation an ordinal indicator ends ('Sr.ª', 'n.º'), folded to nothing
_ORDINAL_DOT = re.compile("\\.(?=[\u00aa\u00ba])")


@lru_cache(maxsize=65536)
def fold(c: str, case: bool = False, accents: bool = True) -> str:
    """What one character is compared as in a plain search: its compatibility form (NFKC:
    '１８９８' is 1898, half-width 'ｱ' is 'ア', 'ﬁ' is 'fi'), without the optional marks, the
    Arabic and Persian letter forms made one (_ARABIC_FORMS), ё as е, the accents of Latin
    letters dropped unless `accents` ('é' is 'e'), ’ as ', “ and 「 as ", 'œ' as 'oe'
    (_TYPED_FORMS), '٩' and the Thai '๙' as '9', '،' and '٬' as ',', '٫' as '.' and no kashida
    (_ARABIC_TYPED),
    and case folded unless `case` ('ß' is 'ss')."""
    c = unicodedata.normalize("NFKC", c)
    c = _OPTIONAL_MARKS.sub("", c).replace("ё", "е").replace("Ё", "Е").translate(_ARABIC_FORMS)
    if not accents:
        c = _COMBINING_LATIN.sub("", "".join(map(_unaccented, c)))
    c = c.translate(_TYPED_FORMS).translate(_ARABIC_TYPED)
    if len(c) == 1 and not c.isascii() and unicodedata.category(c) == "Nd":
        c = str(unicodedata.decimal(c))   # any script's digits: Devanagari '४५' is 45
    return c if case else c.translate(_TURKISH_I).casefold()


def dotless(text: str) -> str:
    """`text` with the Turkish dotted capital and dotless small i written as 'i', each one
    character for one, so offsets stay the text's: what a case-blind regular expression is
    matched in (search.py), as RE2's case folding keeps 'İ' and 'ı' apart from 'i' and 'I'."""
    return text.translate(_TURKISH_I) if "İ" in text or "ı" in text else text


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


def _recomposed(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, NFC form) of each run of `text` that NFC writes otherwise: a letter and the
    marks after it ('e' and U+0301 is 'é'). The runs end where NFC's own would, so their NFC forms
    and the characters between joined are NFC(text), which search.py screens a text with. Only
    the characters that are not ASCII are looked at: NFC composes no ASCII one with the one
    before it."""
    runs: list[list[int]] = []
    for m in _NOT_ASCII.finditer(text):
        i, c = m.start(), m.group()
        joined = bool(runs) and runs[-1][1] == i
        start = runs[-1][0] if joined else i - 1
        if i and (unicodedata.combining(c) or not unicodedata.is_normalized(
                "NFC", text[start:i + 1]) and len(unicodedata.normalize("NFC", text[start:i + 1]))
                <= len(unicodedata.normalize("NFC", text[start:i]))):
            if joined:                       # a mark, or a letter composed with the run
                runs[-1][1] = i + 1
            else:
                runs.append([i - 1, i + 1])
        elif not unicodedata.is_normalized("NFC", c):
            runs.append([i, i + 1])           # a character NFC writes as another ('Å', U+212B)
    for start, end in runs:
        if (nfc := unicodedata.normalize("NFC", text[start:end])) != text[start:end]:
            yield start, end, nfc


def fold_parts(text: str, case: bool = False, accents: bool = True) -> list[str]:
    """`fold` of each character of `text`; a letter with its marks written apart is composed
    (NFC), folded in the letter's place, the marks' parts empty ('e' and U+0301 -> 'é', ''); a
    voicing mark after a kana makes one character with it likewise ('ﾎﾟ' -> 'ポ', '')."""
    table = _TABLES[case, accents]   # each character's `fold`, looked up faster than called
    parts = [table[ord(c)] for c in text]
    if not unicodedata.is_normalized("NFC", text):
        for start, end, nfc in _recomposed(text):
            parts[start:end] = ["".join(fold(c, case, accents) for c in nfc)] + [""] * (
                end - start - 1)
    for k in range(1, len(text)):
        if text[k] in _VOICING:
            pair = unicodedata.normalize("NFKC", text[k - 1:k + 1])
            if len(pair) == 1:
                parts[k - 1:k + 1] = [fold(pair, case, accents), ""]
    for m in _ORDINAL_DOT.finditer(text):
        parts[m.start()] = ""
    return parts


def has_voicing(text: str) -> bool:
    """Whether `text` holds a voicing mark apart from its kana (`fold_parts` composes it)."""
    return any(v in text for v in _VOICING)


def typed_accents(query: str, case: bool) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """The query folded without accents, which the text folded likewise is searched for, and
    each letter typed with an accent ('ñ', 'Í', 'n' and U+0303, 'ẹ' and U+0301) as (start, end)
    in that folded query and the form the text's letter there, with the marks after it, must
    fold to with accents kept: see the module's doc for why accents count letter by letter."""
    bare, kept = fold_parts(query, case, False), fold_parts(query, case, True)
    cum = list(accumulate(map(len, bare), initial=0))
    typed = []
    for k in (k for k in range(len(query)) if bare[k]):
        marks = next((j for j in range(k + 1, len(query)) if bare[j]), len(query))
        if (form := "".join(kept[k:marks])) != bare[k]:
            typed.append((cum[k], cum[k + 1], form))
    return "".join(bare), tuple(typed)


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
    (a search of 10,000 links took 0.9 s character by character) and no voicing mark,
    letter written apart from its accent nor ordinal's dot needs composing or dropping."""
    if text.isascii():
        return (text if case else text.lower()), True
    table = _TABLES[case, accents]
    folded = text.translate(table)
    return folded, (len(folded) == len(text) and not table.uneven_re.search(text)
                    and unicodedata.is_normalized("NFC", text) and not _ORDINAL_DOT.search(text))


def screen_text(text: str, folded: str, case: bool, accents: bool) -> str | None:
    """A string that holds every hit of "".join(`fold_parts`(text)), found at once (`folded` is
    `folded_text`'s): a text without a hit is passed over without folding it character by
    character. None where a voicing mark apart makes no such string at hand."""
    if has_voicing(text):
        return None
    if unicodedata.is_normalized("NFC", text) and not _ORDINAL_DOT.search(text):
        return folded
    return folded_text(_ORDINAL_DOT.sub("", unicodedata.normalize("NFC", text)), case, accents)[0]


_HANGUL = "\uac00-\ud7a3\u3131-\u318e"
_HANGUL_GAP = re.compile(f"(?<=[{_HANGUL}]) ?(?=[{_HANGUL}\\d])|(?<=\\d) ?(?=[{_HANGUL}])")
_LONG_NUMBER = re.compile(r"(?<![\d.,])\d{4,}(?![\d.,])")
_THOUSANDS = "[,.\u00a0\u202f' ]?"


def query_pattern(folded: str) -> str:
    """The regular expression a folded plain query is looked for by: the query as typed, but a
    Korean word's spacing either way ('가게주인' finds '가게 주인', and the other way round:
    Korean spacing varies and a learner types without it) and a long number with or without
    its thousands separators ('12000' finds '12,000', '12.000', '12 000')."""
    parts, at = [], 0
    for m in _LONG_NUMBER.finditer(folded):
        parts += [_spaced(folded[at:m.start()]), _grouped(m.group())]
        at = m.end()
    return "".join([*parts, _spaced(folded[at:])])


def _spaced(text: str) -> str:
    pieces = _HANGUL_GAP.split(text)
    return "\\s?".join(re.escape(p) for p in pieces)


def _grouped(digits: str) -> str:
    """The digits with or without separators between groups of three, or grouped in lakhs
    and crores past the thousands ('250000' finds '2,50,000')."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[k:k + 3] for k in range(head, len(digits), 3)]
    western = _THOUSANDS.join(groups)
    if len(digits) < 6:
        return western
    upper = digits[:-3]
    first = len(upper) % 2 or 2
    indian = [upper[:first]] + [upper[k:k + 2] for k in range(first, len(upper), 2)] + [digits[-3:]]
    return f"(?:{western}|{','.join(indian)})"
