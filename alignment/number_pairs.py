"""Numbers written out in words on both sides, changed: 'soixante-douze francs' / 'sixty-two
francs', 'trois cents hommes' / 'four hundred men'.

Part of the check stage (checks.py's `numbers` check yields these findings, check name
'numbers'), on a link whose figures agree, as dates.py does for months. Why: numbers.py
compares figures, and checks._words_changed compares the cardinals 2-100 in words but leaves
out a number before a measure (a translator converts 'cinquante kilomètres' to 'thirty miles')
and the round hundreds and thousands ('deux mille' is read there as its first word, so not at
all). Here a number in words is read whole ('quatre-vingt-dix', 'vingt et un', 'zweiundsiebzig',
'setenta y dos', 'trois cents', 'two thousand', and compounds: 'deux mille cinq cents' is 2500,
number_compounds), with the measure after it if any; one written
on one side whose value the other side writes nowhere (in words, cardinal or ordinal, nor in
figures), where the other side writes in words a different value that is itself unmatched,
before the same measure (or none on both), is a warning naming both words. Ordinals in words
('birinci' / 'second', 'pierwsza' / 'third': number_ordinals) are read too, and paired with
ordinals only, so that an ordinal the other side says otherwise ('at first' / 'najpierw')
never unpairs two cardinals. Half an hour in words is 30 ('une demi-heure' / 'forty minutes'),
a round approximation its value, equal to any value near it ('une dizaine' / 'fifty', not
'twelve': number_halves).

Left out, to keep false alarms down: one and zero ('un', 'a', 'ein', 'uno' are articles too);
a number next to another number word it does not form one with ('four-and-twenty', 'deux ou
trois': old compounds and ranges are not read whole); the hours said from
the hours around them and days said for weeks (number_words.phrases_apart); 'pour cent';
words that are numbers only sometimes (AMBIGUOUS: French 'neuf' is also 'new'); a number on a
side with several unmatched ones of one measure where the other side's count differs (which
goes with which?); and idioms of 'very many' on both sides ('mille fois' / 'a hundred times':
HYPERBOLE).

Library, and why: num2words writes the cardinals of 40+ languages (number_words uses it too),
read here once per language into a table of word sequences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .word_similarity import fold
from .lang import primary
from .number_clock_said import said_spans
from .number_clock_words import clock_word_findings
from .number_compounds import compounds
from .number_halves import approximations, half_hours, near_any
from .number_ordinals import ordinals
from .number_thai import OWN_READER
from .number_turkish import spaced, without_endings
from .number_units import converted
from .number_words import OTHER_FORMS, phrases_apart, spelled
from .numbers import number_values
from .types import Finding, Span
from .word_lists import make_finding

VALUES = (*range(2, 101), *range(200, 1001, 100), *range(2000, 10_001, 1000), 100_000, 1_000_000)
# numbers said for 'very many', paired with each other freely: 'cent fois' / 'a thousand times',
# French 'trente-six' ('trente-six choses à faire' / 'a hundred things to do')
HYPERBOLE = frozenset({36, 100, 1000, 10_000, 100_000, 1_000_000})
# words that join numbers, folded: 'four-and-twenty' (24), 'deux ou trois', 'zwei bis drei'
JOINS = frozenset({"and", "et", "und", "y", "e", "en", "i", "og", "och", "or", "to", "ou", "a",
                   "oder", "bis", "o", "of", "tot", "ili", "lub", "albo", "nebo"})
PERCENT = frozenset({"pour", "por", "per"})   # 'vingt pour cent': 'cent' is no hundred
AMBIGUOUS: dict[str, frozenset[str]] = {"fr": frozenset({"neuf"}), "it": frozenset({"sei"})}
# measures, folded, any language: a number before one is compared only with a number before
# the same measure ('cinquante kilomètres' / 'thirty miles' is a conversion, not a slip)
UNITS: tuple[tuple[str, str], ...] = (
    ("km", r"kilomet(?:re|er|ro)s?|kilometri|chilometri|kilometern"),
    ("m", r"met(?:re|er|ro)s?|metri|metern"), ("cm", r"centimet(?:re|er|ro)s?|zentimeter"),
    ("mile", r"miles?|milles?|meilen?|millas?|miglia|milhas?"),
    ("league", r"leagues?|lieues?|leguas?|leghe|legua"), ("foot", r"feet|foot|pieds?|fuss|pies|piedi|pes"),
    ("inch", r"inch|inches|pouces?|zoll|pulgadas?|pollici"), ("yard", r"yards?"),
    ("fathom", r"toises?|klafter|fathoms?"), ("verst", r"verstes?|versts?|wersts?|werst|wiorsty?|wiorst|верст[аыу]?"),
    ("acre", r"acres?|arpents?|hectares?|hektar|morgen"),
    ("kg", r"kilos?|kilogram(?:me)?s?|kilogramm|chili"), ("g", r"grammes?|grams?|gramm|gramos?|grammi"),
    ("pound", r"pounds?|livres?|pfund|libras?|libbre|sterling"), ("ounce", r"ounces?|onces?|unzen?"),
    ("litre", r"lit(?:re|er|ro)s?|litri"), ("gallon", r"gallons?|pints?|pintes?"),
    ("degree", r"degrees?|degres?|grad|grados?|gradi"),
    ("franc", r"francs?|franken|francos?|franchi"), ("sou", r"sous|sols?|soldi"),
    ("centime", r"centimes?|rappen"), ("dollar", r"dollars?|dolares|dollari"),
    ("rouble", r"roubles?|rubles?|rubel|rubli|rubl[ei]|рубл(?:ь|я|еи|ей)"), ("mark", r"marks?|mark"),
    ("shilling", r"shillings?|schillinge?"), ("crown", r"crowns?|couronnes?|kronen?|coronas?"),
    ("guinea", r"guineas?|guinees?"), ("louis", r"louis"), ("ecu", r"ecus?|taler|thaler"),
    ("gulden", r"gulden|florins?"), ("penny", r"pence|pennies|penny"), ("lira", r"lire|liras?"),
    ("peseta", r"pesetas?|pesos?|reales?|reis"), ("kreuzer", r"kreuzer"),
)
UNIT = re.compile("|".join(f"(?P<{key}>{words})" for key, words in UNITS))
TOKEN = re.compile(r"[^\W\d_]+")
ORDINAL = "ordinal"   # the measure of an ordinal: paired with ordinals only
NEAR = 3   # words after a number read for its measure ('cinquante bons kilomètres', 'deux cents de francs')


@dataclass(frozen=True)
class WordNumber:
    """A number written out in words, as written, its value, its span and its measure ('' none)."""

    value: int
    words: str
    start: int
    end: int
    unit: str
    approx: bool = False   # a round approximation ('une dizaine'): equal to a value near it


@lru_cache(maxsize=32)
def _table(lang: str) -> dict[tuple[str, ...], int]:
    """The VALUES of a language in words, folded, as word sequences ('quatre vingt dix': 90),
    with num2words' other forms (number_words.OTHER_FORMS: 'двадцать две') and 'hundred' /
    'hundert' beside 'one hundred' / 'einhundert'. Empty where num2words does not know lang."""
    from num2words import num2words
    other = OTHER_FORMS.get(lang, {})
    table: dict[tuple[str, ...], int] = {}
    for n in VALUES:
        try:
            words = fold(num2words(n, lang=lang)).replace("-", " ").split()
        except NotImplementedError:
            return {}
        except Exception:   # its own slips on one value (KeyError, IndexError): that value left out
            continue
        forms = [words] + [words[:k] + [form] + words[k + 1:] for k, w in enumerate(words) for form in other.get(w, ())]
        forms += [spaced(" ".join(words)).split()] if lang == "tr" else []   # 'on bir' (num2words: 'onbir')
        if n in (100, 1000) and len(words) == 2 and words[0] in ("one", "un", "uno", "одна", "один"):
            forms.append(words[1:])
        if n in (100, 1000) and len(words) == 1 and words[0].startswith("ein"):
            forms.append([words[0][3:]])   # 'einhundert' is mostly 'hundert'
        for form in forms:
            table.setdefault(tuple(form), n)
    return table


def _fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """text folded character by character ('-' as a space), and where each folded character
    stands in text: spans stay the text's own where folding changes its length ('ß' -> 'ss')."""
    out: list[str] = []
    at: list[int] = []
    for k, c in enumerate(text):
        f = fold(c).replace("-", " ")
        out.append(f)
        at += [k] * len(f)
    return "".join(out), at + [len(text)]


def numbers_in_words(text: str, lang: str) -> list[WordNumber]:
    """The numbers text writes out in words (VALUES, read whole, longest first), less those
    the module docstring leaves out, each with the measure after it. Not Thai: its words
    folded lose their tone marks ('ห้า', five, read as 'หา', to look for); number_thai reads them."""
    if primary(lang) in OWN_READER:
        return []
    table = _table(primary(lang))
    if not table:
        return []
    folded, at = _fold_with_offsets(text)
    folded = without_endings(folded, lang)   # 'on birde' is 'on bir', its length kept
    apart = phrases_apart(lang)
    masked = [m.span() for m in re.finditer(r"\b(?:" + "|".join(apart) + r")\b", folded)] if apart else []
    masked += said_spans(text, lang)   # 'oito e quinze da manhã': a time (number_clock_said)
    tokens = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(folded)]
    numberish = {w for key in table for w in key} - JOINS
    longest = max(map(len, table))
    whole = {a: (n, b) for n, a, b in compounds(folded, lang)}
    out: list[WordNumber] = []
    k = 0
    while k < len(tokens):
        value, end = whole.get(tokens[k][1], (0, 0))
        size = sum(1 for t in tokens[k:] if t[2] <= end) if value else _match(tokens, k, table, longest, folded)
        if not size:
            k += 1
            continue
        a, b = tokens[k][1], tokens[k + size - 1][2]
        value = value or table[tuple(t for t, *_ in tokens[k:k + size])]
        if not (_joined(tokens, k, -1, numberish, folded) or _joined(tokens, k + size - 1, 1, numberish, folded)
                or any(x < b and a < y for x, y in masked) or _not_a_number(tokens, k, size, value, lang)):
            out.append(WordNumber(value, text[at[a]:at[b - 1] + 1], at[a], at[b - 1] + 1,
                                  _unit(tokens[k + size:k + size + NEAR])))
        k += size
    said = [(n, a, b, ORDINAL, False) for n, a, b in ordinals(folded, lang, numberish)]
    said += [(30, a, b, "", False) for a, b in half_hours(folded, lang)]   # 'une demi-heure'
    said += [(n, a, b, "", True) for n, a, b in approximations(folded, lang)]   # 'une dizaine'
    out += [WordNumber(n, text[at[a]:at[b - 1] + 1], at[a], at[b - 1] + 1, unit, approx)
            for n, a, b, unit, approx in said]
    return sorted(out, key=lambda w: w.start)


def _match(tokens: Sequence[tuple[str, int, int]], k: int, table: dict[tuple[str, ...], int],
           longest: int, folded: str) -> int:
    """How many words from token k form a number of the table (0: none), the longest that
    has only spaces between its words ('vingt, trois' is two numbers, not 23)."""
    for size in range(min(longest, len(tokens) - k), 0, -1):
        part = tokens[k:k + size]
        if tuple(t for t, *_ in part) in table and all(
                not folded[x[2]:y[1]].strip() for x, y in zip(part, part[1:])):
            return size
    return 0


def _joined(tokens: Sequence[tuple[str, int, int]], k: int, step: int, numberish: set[str], folded: str) -> bool:
    """Does a number word stand next to token k, the number's first (step -1) or last (step 1)
    word, by spaces only, or past one joining word ('four-and-twenty', 'deux ou trois')?"""
    j = k + step
    for _ in range(2):
        if not 0 <= j < len(tokens):
            return False
        lo, hi = sorted((tokens[j - step], tokens[j]), key=lambda t: t[1])
        if folded[lo[2]:hi[1]].strip():
            return False
        if tokens[j][0] in numberish:
            return True
        if tokens[j][0] not in JOINS:
            return False
        j += step
    return False


def _not_a_number(tokens: Sequence[tuple[str, int, int]], k: int, size: int, value: int, lang: str) -> bool:
    """'pour cent' (per cent), and a word that is a number only sometimes ('neuf': new)."""
    if value == 100 and k and tokens[k - 1][0] in PERCENT:
        return True
    return size == 1 and tokens[k][0] in AMBIGUOUS.get(primary(lang), frozenset())


def _unit(after: Sequence[tuple[str, int, int]]) -> str:
    """The measure among the words after a number (UNITS' key), or ''."""
    for word, *_ in after:
        m = UNIT.fullmatch(word)
        if m:
            return m.lastgroup or ""
    return ""


def _unmatched(mine: Sequence[WordNumber], text: str, lang: str, other: str, other_lang: str) -> list[WordNumber]:
    """The numbers of `mine` (of text) whose value the other text writes nowhere: in figures,
    or in words as a cardinal or an ordinal (number_words.spelled), or converted ('deux
    siècles' / 'two hundred years', number_units)."""
    figures = {v for v, *_ in number_values(other)}
    out = [w for w in mine if Decimal(w.value) not in figures and not spelled(Decimal(w.value), other, other_lang)
           and not converted(w.value, text, lang, other, other_lang, figures)]
    if any(w.approx for w in out):   # 'une dizaine' / 'twelve', '8': a value near it
        values = figures | {Decimal(w.value) for w in numbers_in_words(other, other_lang)}
        out = [w for w in out if not (w.approx and near_any(w.value, values))]
    return out


def changed_numbers(src: str, src_lang: str, tgt: str, tgt_lang: str) -> list[tuple[WordNumber, WordNumber]]:
    """Pairs (original, translation) of numbers in words that the translation writes with
    another value, unmatched on both sides, before the same measure (or none), paired in the
    order of the text where both sides leave as many unmatched; round hundreds and thousands
    on both sides are idioms ('mille fois' / 'a hundred times'), not paired."""
    lost = _unmatched(numbers_in_words(src, src_lang), src, src_lang, tgt, tgt_lang)
    added = _unmatched(numbers_in_words(tgt, tgt_lang), tgt, tgt_lang, src, src_lang) if lost else []
    pairs = []
    for unit in dict.fromkeys(w.unit for w in lost):
        s = [w for w in lost if w.unit == unit]
        t = [w for w in added if w.unit == unit]
        if len(s) == len(t):
            pairs += [(a, b) for a, b in zip(s, t) if not (a.value in HYPERBOLE and b.value in HYPERBOLE)]
    return pairs


def number_pair_findings(i: int, src: str, src_lang: str, tgt: str, tgt_lang: str) -> Iterator[Finding]:
    """Link i's numbers in words changed, and its times said in words (number_clock_words): a
    warning on both."""
    for s, t in changed_numbers(src, src_lang, tgt, tgt_lang):
        yield make_finding(i, "numbers", "warning", f"number '{s.words}' ({s.value}) became '{t.words}' ({t.value})?",
                           Span("src", s.start, s.end), Span("tgt", t.start, t.end))
    yield from clock_word_findings(i, src, src_lang, tgt, tgt_lang)   # 'dokuzu çeyrek geçe' / 'half past nine'
