"""A currency changed beside an amount kept: '48 millones de euros' / '$48 million', '2,80 euro'
/ '£2.80', 'Cuesta 20 euros.' / 'It costs 20 dollars.'.

Part of the check stage (checks.py's `numbers` check yields these findings, check name
'numbers'). Why: the numbers check compares values only, so the same figure in another
currency passed at every level. Here each figure (numbers.quantities, scale words included:
'48 millones') takes the currency written just before it ('$', 'US$', 'EUR', 'Fr.') or just
after it ('€', 'euros', 'de euros', 'ユーロ', '欧元'), read as the set of currencies it may
name ('$' is the US, Canadian or Australian dollar and the Latin American peso; '¥' the yen
and the yuan). A figure of one side whose equals on the other side (by value) all name a
currency it cannot be is a warning naming both. A different amount in a different currency
is a conversion made for the reader, as 'km' / 'miles' is: nothing here (the numbers check
decides on its value as before); a currency named without a figure ('la zona euro', 'le
dollar a chuté') is never read. The signs, codes and words are few and fixed, so a table
does it; Babel knows currency names but not their inflected forms ('долларов', 'dólares')
nor the CJK words written after a figure.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from decimal import Decimal

from .numbers import SPACE, Quantity
from .types import Finding, Span
from .word_lists import make_finding

# currency -> (signs and codes written before or after a figure, words written after it)
CURRENCIES: dict[str, tuple[str, str]] = {
    "euro": (r"€|EUR", r"euros?|Euros?|евро|ユーロ|[欧歐]元|유로|ยูโร"),
    "dollar": (r"US\$|U\.S\.\$|[CA]\$|AU\$|CA\$|NZ\$|HK\$|S\$|USD|CAD|AUD|NZD|HKD|SGD",
               r"dollars?|Dollars?|d[óo]lar(?:es)?|dollar[io]|доллар(?:а|ов|ы|ах|ам)?|долл\.|"
               r"(?:米|US)?ドル|美元|[加澳港]元|달러|ดอลลาร์"),
    "peso": (r"MX\$|MXN|ARS|COP|CLP", r"pesos?|песо"),
    "real": (r"R\$|BRL", r"reais"),
    "pound": (r"£|GBP", r"pounds?(?: sterling)?|Pfund(?: Sterling)?|sterlin[ae]|libras?(?: esterlinas?)?|"
              r"livres? sterling|фунт(?:а|ов)?(?: стерлингов)?|ポンド|英[镑鎊]"),
    "yen": (r"JPY", r"yen|Yen|円|日元|엔|เยน|иен[аы]?"),
    "yuan": (r"CNY|RMB", r"yuans?|Yuan|renminbi|人民[币幣元]|юан(?:ь|я|ей)"),
    "franc": (r"CHF|SFr\.|Fr\.|fr\.|frs\.", r"francs?|Franken|francos?|franchi|франк(?:а|ов)?|フラン|法郎"),
    "rupee": (r"₹|INR|Rs\.?", r"rupees?|Rupien?|рупи[йя]|ルピー|卢比"),
    "ruble": (r"₽|RUB|руб\.", r"roubles?|rubles?|Rubel|rublos?|rubli|рубл(?:ь|я|ей|ям|ях)|ルーブル|卢布"),
    "won": (r"₩|KRW", r"원|ウォン|韩元"),   # not 'won': 'in 2004 won the cup'
    "baht": (r"฿|THB", r"baht|บาท|バーツ|泰铢"),
    "lira": (r"₺|TRY|TL", r"lira|lire|liras|лир[аы]?|リラ|里拉"),
    "zloty": (r"PLN|zł", r"złot(?:y|ych|e)|zloty|Zloty"),
}
# signs that may name several currencies: a finding only where none of them fits
SHARED_SIGNS: dict[str, frozenset[str]] = {"$": frozenset({"dollar", "peso"}), "¥": frozenset({"yen", "yuan"})}
# a Latin or Cyrillic word goes on: 'euro' of 'eurozone' is no currency (CJK and Thai words run on
# without a space: '48亿欧元的')
_LETTER = r"(?![A-Za-zÀ-ɏЀ-ӿ])"
_SIGNS = "|".join(f"(?P<{name}>{signs})" for name, (signs, _) in CURRENCIES.items())
_WORDS = "|".join(f"(?P<w_{name}>{words})" for name, (_, words) in CURRENCIES.items())
_SHARED = r"(?P<dollar_or_peso>\$)|(?P<yen_or_yuan>¥|￥)"
# after a figure: a sign or code, or a word, past 'de', 'di', 'd'', 'of' ('48 millones de euros')
AFTER = re.compile(rf"(?:{SPACE}|-)?(?:(?:de|di|of){SPACE}|d['’])?(?:(?:{_SIGNS}|{_WORDS}|{_SHARED}){_LETTER}|"
                   rf"(?P<yuan_wide>元))")
# before a figure: a sign or code ('$48', 'US$ 5', 'EUR 12', 'Fr. 2.70')
BEFORE = re.compile(rf"(?<![A-Za-zÀ-ɏЀ-ӿ])(?:{_SIGNS}|{_SHARED}){SPACE}?$")
REACH = 8   # characters before a figure read for a sign or code
_GROUPS = {"dollar_or_peso": SHARED_SIGNS["$"], "yen_or_yuan": SHARED_SIGNS["¥"], "yuan_wide": frozenset({"yuan"})}


def _named(m: re.Match[str]) -> frozenset[str]:
    """The currencies a match of AFTER or BEFORE may name."""
    group = m.lastgroup or ""
    return _GROUPS.get(group) or frozenset({group.removeprefix("w_")})


Amount = tuple[Quantity, frozenset[str], int, int]   # the figure, its currencies, the span with them


def amounts(text: str, figures: Sequence[Quantity]) -> list[Amount]:
    """The figures of text with the currency written beside them, and the span of both."""
    out = []
    for q in figures:
        if q.kind != "n" or q.page:
            continue
        before = BEFORE.search(text, max(0, q.start - REACH), q.start)
        after = AFTER.match(text, q.end)
        if re.search(rf"\d{SPACE}?[fF]rs?\.?{SPACE}?\d", text[q.start:q.end]):   # '2 fr. 70'
            out.append((q, frozenset({"franc"}), q.start, q.end))
        elif before:
            out.append((q, _named(before), before.start(), q.end))
        elif after:
            out.append((q, _named(after), q.start, after.end()))
    return out


def changed_currencies(src: str, sq: Sequence[Quantity], tgt: str,
                       tq: Sequence[Quantity]) -> list[tuple[Amount, Amount]]:
    """Pairs (original, translation) of amounts of one value whose currencies cannot be one:
    an original's amount with an equal of a currency it may be on the other side is matched
    (each used once) and not reported."""
    theirs: dict[Decimal, list[Amount]] = defaultdict(list)
    for a in amounts(tgt, tq):
        theirs[a[0].value].append(a)
    unmatched = []
    for a in amounts(src, sq):
        equal = theirs.get(a[0].value, [])
        fits = next((b for b in equal if a[1] & b[1]), None)
        if fits is not None:
            equal.remove(fits)
        else:
            unmatched.append(a)
    pairs = []
    for a in unmatched:
        equal = theirs.get(a[0].value, [])
        if equal:
            pairs.append((a, equal.pop(0)))
    return pairs


def currency_findings(i: int, src: str, sq: Sequence[Quantity], tgt: str,
                      tq: Sequence[Quantity]) -> Iterator[Finding]:
    """Link i's amounts kept with their currency changed: a warning naming both."""
    for (_, _, a, b), (_, _, c, d) in changed_currencies(src, sq, tgt, tq):
        yield make_finding(i, "numbers", "warning", f"currency changed: '{src[a:b]}' became '{tgt[c:d]}'?",
                           Span("src", a, b), Span("tgt", c, d))
