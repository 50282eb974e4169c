"""Numbers written in words, for the numbers check: '2.' is 'Seconde', '5½' is 'cinq ... et
demie', '10 Uhr' is 'dix heures', '12:00' is 'midi' (issue 12).

Part of the check stage: number_match.unequal asks here whether a quantity read from digits on
one side is written out on the other. Libraries, and why: num2words gives the cardinal and
ordinal words (40+ languages); Babel's CLDR day periods give 'noon' and 'midnight' ('midi',
'minuit', 'Mitternacht', 'mezzogiorno'). Neither has fractions said in words nor the
second ordinal's other form ('second(e)' beside num2words' 'deuxième'), nor times said from
the hours around them ('half past ten', 'halb elf', 'onze heures moins le quart'): the small
tables below fill that, per language, for the languages the checks serve.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .word_similarity import fold
from .lang import primary
from .number_arabic import arabic_forms, duals
from .number_clock_said import said_spans, times_apart
from .number_cardinals import OTHER_FORMS, _cardinals, _forms  # noqa: F401  (OTHER_FORMS re-exported)
from .number_cardinals_extra import EXTRA_CARDINALS
from .number_compounds import compounds, masked
from .number_halves import said_about
from .number_measures import unit_named
from .number_ordinals import has_ordinal
from .number_thai import OWN_READER, spelled as thai_spelled
from .number_turkish import without_endings

# a fraction after a whole number, folded: 'cinq heures et demie', 'five and a half hours',
# 'fünfeinhalb', 'drei und ein Viertel'; num2words and CLDR have no such words
FRACTION_WORDS: dict[str, dict[Decimal, str]] = {
    "fr": {Decimal("0.5"): r"et demie?", Decimal("0.25"): r"et (?:le )?quart",
           Decimal("0.75"): r"et trois quarts"},
    "en": {Decimal("0.5"): r"and a half", Decimal("0.25"): r"and a quarter",
           Decimal("0.75"): r"and three quarters"},
    "de": {Decimal("0.5"): r"(?:und )?einhalb", Decimal("0.25"): r"(?:und )?ein ?viertel",
           Decimal("0.75"): r"(?:und )?drei ?viertel"},
    "it": {Decimal("0.5"): r"e mezz[oa]", Decimal("0.25"): r"e un quarto",
           Decimal("0.75"): r"e tre quarti"},
    "es": {Decimal("0.5"): r"y medi[oa]", Decimal("0.25"): r"y cuarto",
           Decimal("0.75"): r"y tres cuartos"},
    "pt": {Decimal("0.5"): r"e mei[oa]", Decimal("0.25"): r"e um quarto",
           Decimal("0.75"): r"e tres quartos"},
    "nl": {Decimal("0.5"): r"en ?(?:een )?half", Decimal("0.25"): r"en ?een kwart",
           Decimal("0.75"): r"en ?drie kwart"},
    # 'dwa i pół' (2.5: read as 2, it was a warning against '2.5'), 'два с половиной', 'iki buçuk'
    "pl": {Decimal("0.5"): r"i poł", Decimal("0.25"): r"i cwierc"},
    "ru": {Decimal("0.5"): r"с половинои", Decimal("0.25"): r"с четвертью"},   # folded: 'й' is 'и'
    "uk": {Decimal("0.5"): r"з половиною", Decimal("0.25"): r"з чвертю"},
    "cs": {Decimal("0.5"): r"a pul", Decimal("0.25"): r"a ctvrt"},
    "tr": {Decimal("0.5"): r"bucuk"},
}
# ordinals num2words writes one way only: French 'second(e)' beside 'deuxième'
ORDINAL_ALSO: dict[str, dict[int, str]] = {"fr": {2: "second"}}
# a whole and a half in one word, or a unit and a half with no number ('anderthalb Stunden',
# 'półtora roku', 'полтора часа', 'año y medio': 1.5), folded
ONE_AND_A_HALF: dict[str, str] = {
    "de": "anderthalb", "nl": "anderhalf", "pl": r"połtor(?:a|ej)\b", "ru": r"полтор(?:а|ы|ои|ых)\b",
    "uk": r"півтор(?:а|и)\b", "cs": r"pul druhe(?:ho)?\b",
    "es": r"(?:ano|hora|mes|dia|semana|siglo|metro|kilo|litro) y medi[oa]\b",
    "pt": r"(?:ano|hora|mes|dia|semana|seculo|metro|quilo|litro) e mei[oa]\b",
}
# times said from the hour around them, folded: {h} the hour in words, {n} the next hour
# ('half past ten', 'halb elf' and 'half elf' are 10:30; 'onze heures moins le quart' 10:45)
CLOCK_PHRASES: dict[str, tuple[tuple[str, int], ...]] = {
    "en": (("half past {h}", 30), ("(?:a )?quarter past {h}", 15), ("(?:a )?quarter to {n}", 45)),
    "de": (("halb {n}", 30), ("viertel nach {h}", 15), ("viertel vor {n}", 45), ("dreiviertel {n}", 45)),
    "fr": (("{n} heures? moins (?:le )?quart", 45),),
    "nl": (("half {n}", 30), ("kwart over {h}", 15), ("kwart voor {n}", 45)),
    # 'dokuzu çeyrek geçe' (9:15), 'dokuza çeyrek var' (8:45), 'dokuz buçukta' (9:30), the hour's
    # case ending blanked (number_turkish)
    "tr": (("{h}[^\\W\\d_]* +ceyrek gece", 15), ("{n}[^\\W\\d_]* +ceyrek var", 45),
           ("{h} +bucuk[^\\W\\d_]*", 30)),
}


# words between a number and its fraction or clock word: 'cinq heures et demie' ('heures'),
# 'fünfeinhalb' (none)
GAP = r"(?: ?|(?: [^\W\d_]+){0,2} )"
# the clock word after an hour in words (the same as numbers.TIMES reads after digits)
CLOCK = r"(?:heures?|uhr|o'clock|ore|horas?|uur)\b"


@lru_cache(maxsize=4096)
def number_words(n: int, lang: str) -> str:
    """Regex alternatives for n in words, folded: cardinal and ordinal (a prefix, so
    'premier' is also 'première'), 'hundert' for 'einhundert', other ordinal forms.
    Empty where num2words does not know the language; a form it fails on is left out."""
    from num2words import num2words
    if primary(lang) in OWN_READER:
        return ""
    forms: list[str] = []
    for kind in ("cardinal", "ordinal"):
        try:
            words = fold(num2words(n, lang=lang, to=kind)).replace("-", " ")
        except Exception:   # unknown language (NotImplementedError), and its own slips:
            continue        # IndexError for the Polish ordinal of 0, KeyError for Korean
        # 'einhundert' / 'one hundred' are also written 'hundert' / 'a hundred'
        short = re.sub(r"^(?:ein|one |un )(?=hundert|tausend|hundred|thousand|cent|mille)", "", words)
        forms += [re.escape(words), re.escape(short) + r"\b"]
        if kind == "cardinal" or primary(lang) == "tr":   # 'on birinci' (11th) beside 'onbirinci'
            forms += [re.escape(form) + r"\b" for form in _forms(words, lang)[1:]]
        if kind == "ordinal" and words.endswith("o"):   # 'segundo', 'segunda', 'primer'
            forms.append(re.escape(words[:-1]) + "[oa]?")
    also = ORDINAL_ALSO.get(primary(lang), {}).get(n)
    if primary(lang) == "ar":   # 'اثنتا عشرة', 'ثلاث', 'كيلومترين' (number_arabic)
        forms += [re.escape(form) + r"\b" for form in arabic_forms(n) + (duals() if n == 2 else ())]
    forms += [re.escape(fold(w)) + r"\b" for w, v in EXTRA_CARDINALS.get(primary(lang), {}).items() if v == n]
    return "|".join(forms + ([also] if also else []))


def _folded(text: str, lang: str = "") -> str:
    """text folded, '-' as a space, Turkish number words without their case endings (its
    length kept: spans stay the text's own where folding keeps them)."""
    return without_endings(fold(text).replace("-", " "), lang)


def spelled(value: Decimal, text: str, lang: str) -> bool:
    """True if the number is written out in words in text: a whole number (a compound read
    whole, number_compounds: 'two thousand five hundred' is 2500, 'douze mille' 12000; else
    num2words, when it knows lang, outside the compounds: 'cinq' of 'deux mille cinq cents' is
    no 5; an ordinal in any form, number_ordinals: 'pierwsza' is 1), a whole and a half or
    quarter ('cinq heures et demie' is 5.5, 'dwa i pół' 2.5, 'półtora' 1.5), half an hour (30)
    or a round approximation near the value ('une dizaine': number_halves)."""
    if primary(lang) in OWN_READER:
        return thai_spelled(value, text)
    folded = _folded(text, lang)
    found = compounds(folded, lang)
    if value == value.to_integral_value() and any(value == n for n, *_ in found):
        return True
    if said_about(value, folded, lang):   # 'une demi-heure' (30), 'une dizaine' (about 10)
        return True
    if not 0 <= value <= 10_000:
        return False
    whole = int(value)
    words = number_words(whole, lang)
    if not words:
        return False
    folded = masked(folded, found)
    if value == whole:   # an ordinal in any of its forms too ('pierwsza', num2words: 'pierwszy')
        return re.search(rf"\b(?:{words})", _apart(folded, whole, lang)) is not None or \
            has_ordinal(whole, folded, lang)
    if value == Decimal("1.5") and re.search(rf"\b(?:{ONE_AND_A_HALF.get(primary(lang), '$^')})", folded):
        return True
    fraction = FRACTION_WORDS.get(primary(lang), {}).get(value - whole)
    return fraction is not None and \
        re.search(rf"\b(?:{words}){GAP}{fraction}\b", folded) is not None


def _apart(folded: str, n: int, lang: str) -> str:
    """Turkish folded text with its numbers of several words other than n blanked out: 'on
    bir' (11) holds no 'on' (10), so 'saat on birde' / 'at ten' is a slip. Other languages as
    given (their 'twenty-five' still holds a 'twenty')."""
    found = _cardinals(primary(lang)) if primary(lang) == "tr" else None
    if found is None:
        return folded
    pattern, words = found
    return pattern.sub(lambda m: " " * len(m.group()) if " " in m.group() and words[m.group()] != n
                       else m.group(), folded)


def written_numbers(text: str, lang: str) -> list[tuple[int, str]]:
    """(value, words) of the numbers written out in text, in order: a compound read whole
    ('deux mille cinq cents': 2500, number_compounds), a time said in words by its value in
    minutes and as a reader says it ('16:17' for 'quatro e dezassete da tarde', number_clock_said),
    else the cardinals 2-100 ('seven',
    'vingt trois', 'dreiundzwanzig'), lower-cased as the text writes them where folding keeps
    its length ('beş', not 'bes'), else folded; one is left out, being also 'a' ('un', 'ein')."""
    found = _cardinals(primary(lang))
    if found is None:
        return []
    pattern, words = found
    folded = _folded(text, lang)
    shown = "".join(_lower(c) for c in text) if len(folded) == len(text) else folded
    whole = compounds(folded, lang)
    spans = [(a, n, shown[a:b]) for n, a, b in whole]
    spans += [(t.start, t.minutes, t.shown()) for t in times_apart(text, lang)]
    spans += [(m.start(), words[m.group()], shown[m.start():m.end()])
              for m in pattern.finditer(masked(folded, whole + _said(text, lang)))]
    return [(n, said) for _, n, said in sorted(spans)]


def _said(text: str, lang: str) -> tuple[tuple[int, int, int], ...]:
    """The times said in words in text (number_clock_said) as spans to mask: their numbers are
    compared as times ('oito e quinze da manhã' is 8:15, not 8 and 15)."""
    return tuple((0, a, b) for a, b in said_spans(text, lang))


def _lower(c: str) -> str:
    """c in lower case, one character for one ('İ' is 'i', not 'i' and a dot above)."""
    low = c.lower()
    return low if len(low) == 1 else low[0]


# days said for weeks, folded: 'huit jours' is a week, 'quinze jours' a fortnight ('two weeks')
WEEKS_IN_DAYS: dict[str, str] = {"fr": r"(?:huit|quinze) jours", "de": r"(?:acht|vierzehn) tagen?",
                                 "it": r"(?:otto|quindici) giorni", "es": r"(?:ocho|quince) dias"}


# an approximation between two numbers, folded: 'six or seven(-and-twenty)', 'deux ou trois',
# 'zwei bis drei'; its translation may give one value ('vingt-sept ans'), or another range
OR_WORDS: dict[str, str] = {"en": "or|to", "fr": "ou|a", "de": "oder|bis", "it": "o|a", "es": "o|a",
                            "pt": "ou|a", "nl": "of|tot"}


# a number of hundreds, thousands...: its words here are only its first part ('deux mille
# metres' is 2000, not 2), folded
SCALES = (r"cents?|milles?|millions?|milliards?|hundreds?|thousands?|millions?|billions?|hundert|"
          r"tausend|millionen|cientos?|mil|millones|cento|mila|milioni|duizend|honderd|miljoen")
# measures a translator converts ('cinquante kilometres' / 'thirty miles', 'deux mille metres'
# / 'five thousand feet': Alibi's Maupassant), folded; a number before one is not compared,
# unless number_measures converts its unit (_blanked)
MEASURES: dict[str, str] = {
    "en": r"miles?|feet|foot|yards?|inches|inch|leagues?|acres?|pounds?|ounces?|stones?|gallons?|"
          r"pints?|kilometres?|kilometers?|metres?|meters?|kilos?|kilograms?|degrees?|"
          r"dollars?|francs?|shillings?|pence|guineas?|crowns?|sous",
    "fr": r"kilometres?|metres?|centimetres?|lieues?|milles?|pieds?|pouces?|toises?|verstes?|"
          r"arpents?|hectares?|kilos?|kilogrammes?|grammes?|livres?|litres?|degres?|"
          r"francs?|sous|centimes?|louis|ecus?|dollars?|roubles?",
    "de": r"kilometer|meter|zentimeter|meilen?|fuss|zoll|klafter|morgen|hektar|kilo|kilogramm|"
          r"gramm|pfund|liter|grad|franken|mark|gulden|taler|kreuzer|rappen|dollar|rubel",
}


def phrases_apart(lang: str) -> list[str]:
    """Regexes (folded text, '-' as a space) of the phrases whose numbers in words are not
    compared with another text's: an hour said from the hours around it ('halb elf' is 10:30),
    days said for weeks ('quinze jours' / 'two weeks'), a range ('six or seven-and-twenty' /
    'vingt-sept'). Empty where num2words does not know the language."""
    found = _cardinals(primary(lang))
    if found is None:
        return []
    cardinal = found[0].pattern.removeprefix(r"\b").removesuffix(r"\b")
    said = [p.format(h=cardinal, n=cardinal) for p, _ in CLOCK_PHRASES.get(primary(lang), ())]
    said += [WEEKS_IN_DAYS[primary(lang)]] if primary(lang) in WEEKS_IN_DAYS else []
    said += [f"(?:{cardinal}) (?:{OR_WORDS[primary(lang)]}) (?:{cardinal})"] if primary(lang) in OR_WORDS else []
    return said


# the word for one where it is never the article, folded: Spanish 'uno' (the article is 'un',
# 'una'), as in 'Capítulo uno' (changed to 'Chapter Nine', no finding: one was never read);
# not in 'cada uno' (each), 'el uno al otro', 'uno y otro', 'uno tras otro' (each other, both,
# one after another): their translations rarely say one
ONE_ALONE: dict[str, str] = {"es": r"(?<!cada )uno(?! (?:[^\W\d_]+ ){0,2}otr[oa]s?\b)"}


def compared_numbers(text: str, lang: str) -> list[tuple[int, str, int, int]]:
    """(value, words, start, end) of the cardinals 2-100 written out in text that can be
    compared with another text's: not an hour said from the hours around it ('halb elf' is
    10:30, 'a quarter to ten'; spelled_time compares those), nor days said for weeks
    ('quinze jours' / 'two weeks'), nor a time said in words ('oito e quinze', number_clock_said),
    nor a range ('six or seven-and-twenty' / 'vingt-sept',
    LIMSI's Emma), nor the first words of a larger number ('deux mille'), nor a measure a
    translator may convert into a unit no table here knows ('vingt lieues' / 'sixty miles': 8.3
    false warnings per 1,000 clean links on Alibi when all were compared; one before a unit
    number_measures converts is, _blanked), nor a compound ('deux mille cinq cents',
    number_compounds: number_pairs compares those whole). One only where it cannot be the
    article (ONE_ALONE: Spanish 'uno'). Spans are the text's own where folding keeps its
    length (else none: start = end = 0)."""
    found = _cardinals(primary(lang))
    if found is None:
        return []
    pattern, words = found
    folded = _folded(text, lang)
    cardinal = pattern.pattern.removeprefix(r"\b").removesuffix(r"\b")
    said = phrases_apart(lang) + [f"(?:{cardinal}) (?:{SCALES})"]
    if primary(lang) in MEASURES:
        said += [f"(?:{cardinal}) (?:[^\\W\\d_]+ )?(?:de |d')?(?P<unit>{MEASURES[primary(lang)]})"]
    apart = re.sub(r"\b(?:" + "|".join(said) + r")\b", _blanked, folded) if said else folded
    same = len(folded) == len(text)
    apart = masked(apart, compounds(folded, lang) + _said(text, lang))
    found = [(words[m.group()], m) for m in pattern.finditer(apart)]
    if primary(lang) in ONE_ALONE:   # outside the cardinals read ('treinta y uno' is 31)
        rest = pattern.sub(lambda m: " " * len(m.group()), apart)
        ones = re.finditer(rf"\b{ONE_ALONE[primary(lang)]}\b", rest)
        found = sorted(found + [(1, m) for m in ones], key=lambda f: f[1].start())
    return [(n, m.group(), *((m.start(), m.end()) if same else (0, 0))) for n, m in found]


def _blanked(m: re.Match[str]) -> str:
    """A phrase compared_numbers leaves out, blanked; but a number before a unit number_measures
    converts is kept ('neuf mètres' / 'six meters' was no finding): number_units.converted finds
    its conversion ('trois kilomètres' / 'two miles') by value."""
    unit = m.groupdict().get("unit")
    return m.group() if unit and unit_named(unit) else " " * len(m.group())


@lru_cache(maxsize=16)
def day_periods(lang: str) -> dict[str, str]:
    """Folded CLDR words for noon and midnight ('midi', 'Mitternacht') -> 'noon' / 'midnight'."""
    from babel import Locale, UnknownLocaleError
    try:   # per language: Babel does not parse a regional tag written 'en-GB'
        periods = Locale.parse(primary(lang)).day_periods
    except (UnknownLocaleError, ValueError):
        return {}
    return {fold(name).removeprefix("del "): key
            for context in periods.values() for width in context.values()
            for key, name in width.items() if key in ("noon", "midnight")}


# the words before an hour said alone ('at six', 'um sechs', 'a las seis'), folded as the text is
_AT_HOUR = "at|a|um|a las|a la|alle|as|om|o"


def spelled_time(minutes: int, text: str, lang: str) -> bool:
    """True if the time of day (minutes after midnight, read either half of the day) is
    written in words in text: 'dix heures' (10:00 or 22:00), 'ten o'clock', 'zehn Uhr',
    'cinq heures et demie' or 'cinq heures trente' (5:30), 'midi', 'minuit', 'midnight'; a
    whole hour also by its number alone after 'at' ('at six': how English says the time),
    never a number alone ('dix')."""
    h, m = divmod(minutes, 60)
    folded = _folded(text, lang)
    if m == 0 and h % 12 == 0:
        wanted = "noon" if h == 12 else "midnight"
        if any(key == wanted and re.search(rf"\b{re.escape(w)}\b", folded)
               for w, key in day_periods(lang).items()):
            return True
    hours = _hour_words(h, lang)
    if not hours:
        return False
    if _clock_phrase(h, m, folded, lang):
        return True
    if m == 0 and re.search(rf"\b(?:{_AT_HOUR}) (?:{hours})\b", folded):
        return True   # the hour alone after 'at': '早上六点' / 'at six', '下午三点' / 'at three'
    if m == 0 and primary(lang) == "en" and \
            re.search(rf"\b(?:{hours}) (?:in the (?:morning|afternoon|evening)|at night)\b", folded):
        return True   # 'บ่ายสามโมง' / 'three in the afternoon'
    after = ""
    if m:
        fraction = FRACTION_WORDS.get(primary(lang), {}).get(Decimal(m) / 60)
        after = rf" (?:{fraction + '|' if fraction else ''}{number_words(m, lang)})"
    return re.search(rf"\b(?:{hours}) {CLOCK}{after}", folded) is not None


def _hour_words(h: int, lang: str) -> str:
    """Regex alternatives for hour h in words, read either half of the day (10 or 22)."""
    return "|".join(filter(None, (number_words(k, lang) for k in {h % 24, h % 12 or 12})))


def _clock_phrase(h: int, m: int, folded: str, lang: str) -> bool:
    """Is h:m said from the hours around it ('half past ten', 'halb elf', 'onze heures moins
    le quart', 'kwart over tien')?"""
    phrases = [p for p, minute in CLOCK_PHRASES.get(primary(lang), ()) if minute == m]
    if not phrases:
        return False
    this, after = _hour_words(h, lang), _hour_words(h + 1, lang)
    return any(re.search(r"\b" + p.format(h=f"(?:{this})", n=f"(?:{after})") + r"\b", folded)
               for p in phrases)
