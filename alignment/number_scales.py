"""Numbers with a scale word, and decades as Chinese and Japanese write them, for the numbers check.

Part of the check stage (numbers.quantities reads these). '120万欧元' is 1,200,000 euros, as is
'€1.2 million' or '1,2 Millionen Euro': read digit by digit, 120 against 1.2 was an error on
every sum a Chinese or Japanese text gives in 万 (ten thousands) or 亿 (hundred millions).
'20世纪90年代' (the nineties of the twentieth century) is the 1990s. A number with a scale
word keeps its value as written too (numbers.Quantity.base), so what matched before still
does ('2 millions' against '2 Millionen'; a German 'Billion' is a thousand milliards, an
English 'billion' a milliard, and the two words are compared as written).
"""

from __future__ import annotations

import re
from decimal import Decimal

SPACE = "[ \u00a0\u202f\u2009]"   # the spaces numbers are grouped and followed by (numbers.py too)
TEN_THOUSAND, MILLION, MILLIARD = Decimal(10**4), Decimal(10**6), Decimal(10**9)

# the scale words after a number, by language: Chinese, Japanese and Korean count in ten
# thousands (万, 萬, 만) and hundred millions (亿, 億, 억); European languages in millions and
# milliards (abbreviated too: Mio., Mrd., млн, млрд, mln, mld)
_WORDS = (
    (r"万|萬|만", TEN_THOUSAND), (r"亿|億|억", Decimal(10**8)),
    (r"millions?|millón|millones|milion[ei]|milhão|milhões|miljoen|milion(?:y|ów)?|milyon"
     r"|Million(?:en)?|Mio\.|миллион(?:а|ов)?|млн\.?|mln", MILLION),
    (r"milliards?|Milliarden?|Mrd\.|mil millones|miliard[oi]|miliard(?:y|ów)?|mld|milyar|miljard"
     r"|миллиард(?:а|ов)?|млрд\.?|billions?|bilh(?:ão|ões)", MILLIARD),
)
# a word of letters ends there ('millionaire' is none); 万 runs on into the next word ('万欧元')
_SCALE = re.compile(rf"{SPACE}?(?:" + "|".join(
    f"(?P<s{k}>{w})" + ("" if k < 2 else r"(?![^\W\d_])") for k, (w, _) in enumerate(_WORDS)) + ")")
_MULTIPLIERS = {f"s{k}": m for k, (_, m) in enumerate(_WORDS)}

DECADE = re.compile(rf"(?<!\d)(?P<c>\d{{1,2}}){SPACE}?世[纪紀](?P<d>\d)0{SPACE}?年代")


def scale_after(text: str, end: int) -> tuple[Decimal, int] | None:
    """(multiplier, end of the word) of a scale word right after a number ending at `end`."""
    m = _SCALE.match(text, end)
    if m is None:
        return None
    return next(_MULTIPLIERS[k] for k, v in m.groupdict().items() if v is not None), m.end()


def decades(text: str) -> list[tuple[Decimal, int, int]]:
    """(first year, start, end) of each decade written '20世纪90年代': 1990."""
    return [(Decimal((int(m.group("c")) - 1) * 100 + int(m.group("d")) * 10), m.start(), m.end())
            for m in DECADE.finditer(text)]
