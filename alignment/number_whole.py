"""Figures read whole for the numbers check: version numbers and 'round the clock'.

Part of the check stage (numbers._quantities reads these before times and numbers). A
version number ('2.4.1', 'v1.10.3', '192.168.0.1') is one quantity: read part by part,
'2.4.1' / '2.4.2' was "numbers differ: 1 in the original, 2 in the translation", which
names neither version. 'Round the clock' French writes '24 h/24 et 7 j/7' and English
'24/7': the repeated figure is one number, so the two sides give 24 and 7 each (it was
"24, 7 in the original, nothing in the translation"). Both are regular expressions: no
library tells a version from a date.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .number_scales import SPACE

# dotted figures of three parts or more, a 'v' before them or not
DOTTED = re.compile(r"(?<![\d.,])(?:(?<![^\W\d_])[vV]\.?)?(?P<d>\d+(?:\.\d+){2,})(?![\d]|[.,]\d)")
# a word before the figures that says they are a version ('version 2.10.1', 'Release 1.2.10')
VERSION_WORD = re.compile(rf"(?:[Vv]ersi(?:on|ón|one|ão)|[Rr]elease|верси[яи]){SPACE}*$")
WORD_REACH = 12   # characters before the figures that can hold VERSION_WORD

# a figure, a unit or none, '/' or 'sur', the same figure: '24 h/24', '7j/7', '24 heures sur 24'
ROUND = re.compile(rf"(?<![\d.,/])(?P<n>\d{{1,3}}){SPACE}?(?P<u>h|j|heures?|jours?)"
                   rf"(?:{SPACE}?/{SPACE}?|{SPACE}sur{SPACE})(?P=n)(?![\d/]|[.,]\d)")


def is_version(parts: list[str], before: str) -> bool:
    """Do dotted figures name a version rather than a date ('21.3.2004', '1.3.98') or a number
    grouped in thousands ('1.000.000')? Four parts or more, a word saying so before them, or a
    last part no year is written in (one digit, or three: '2.4.1', '1.0.100')."""
    if len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]):
        return False
    return len(parts) >= 4 or VERSION_WORD.search(before) is not None or len(parts[-1]) in (1, 3)


def version_value(parts: list[str]) -> Decimal:
    """One number for a version, equal for equal versions only: its count of parts, then
    each part in six digits ('2.4.1' and '2.4.01' are one version, '2.4' and '2.4.0' two)."""
    return Decimal(str(len(parts)) + "".join(f"{int(p):06d}" for p in parts))


def versions(text: str) -> list[tuple[Decimal, int, int]]:
    """(value, start, end) of each version number in text (is_version)."""
    out = []
    for m in DOTTED.finditer(text):
        parts = m.group("d").split(".")
        if any(len(p) > 6 for p in parts):
            continue
        if is_version(parts, text[max(0, m.start() - WORD_REACH):m.start()]) or m.group() != m.group("d"):
            out.append((version_value(parts), m.start(), m.end()))
    return out


def round_the_clock(text: str) -> list[tuple[Decimal, int, int]]:
    """(figure, start, end) of each figure said twice for 'every one of them' ('24 h/24')."""
    return [(Decimal(m.group("n")), m.start(), m.end()) for m in ROUND.finditer(text)]


def version_text(value: Decimal) -> str:
    """'2.4.1' for version_value(['2', '4', '1']): a finding names the version as written."""
    digits = format(value, "f")
    count = next(n for n in range(1, len(digits)) if len(str(n)) + 6 * n == len(digits))
    body = digits[len(str(count)):]
    return ".".join(str(int(body[k:k + 6])) for k in range(0, len(body), 6))
