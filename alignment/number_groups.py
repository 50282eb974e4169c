"""Numbers written in digits, read with their groupings, for the numbers check (numbers.py):
'1 000', '1,000' and '1000' are one number, as are '1.200,50' and '1,200.50', and Arabic's own
separators ('١٥٬٠٠٠', '٣٫٥'); a date or a range gives one value per part.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .number_scales import SPACE

NUMBER = re.compile(rf"\d+(?:(?:{SPACE}|[.,'’/:\-٫٬])\d+)*")


def _group_value(chunk: str) -> list[Decimal] | None:
    """Value of '1,000' / '1.000' / '1’000' (thousands groups) or '3,5' (decimal)."""
    if "٫" in chunk or "٬" in chunk:
        return _arabic_value(chunk)
    parts = re.split(r"([.,'’])", chunk)
    digits, seps = parts[0::2], set(parts[1::2])
    if len(digits) == 1:
        return [Decimal(chunk)]
    if len(seps) == 1 and len(digits[0]) <= 3 and all(len(d) == 3 for d in digits[1:]):
        return [Decimal("".join(digits))]
    if len(digits) == 2 and seps <= {".", ","}:
        return [Decimal(f"{digits[0]}.{digits[1]}")]
    if seps == {","} and len(digits) > 2 and len(digits[0]) <= 2 and len(digits[-1]) == 3 \
            and all(len(d) == 2 for d in digits[1:-1]):   # Indian lakhs and crores: '2,50,000'
        return [Decimal("".join(digits))]
    return _grouped_decimal(digits, parts[1::2])


def _grouped_decimal(digits: list[str], seps: list[str]) -> list[Decimal] | None:
    """Value of '1.200,50' or '1,200.50' (1200.5): thousands grouped with one separator, the
    decimals after the other (Why: each was read as three numbers, so 'R$ 1.200,50' /
    'R$ 1,250.50' was quoted '200 ... 250', and '1.200,50' / '1200.50' was a slip)."""
    grouping, decimal = seps[:-1], seps[-1]
    if len(digits) < 3 or decimal not in ".," or len(set(grouping)) != 1 or grouping[0] == decimal \
            or len(digits[0]) > 3 or any(len(d) != 3 for d in digits[1:-1]):
        return None
    return [Decimal("".join(digits[:-1]) + "." + digits[-1])]


def _arabic_value(chunk: str) -> list[Decimal] | None:
    """Value of '١٥٬٠٠٠' (15000) or '٣٫٥' (3.5): Arabic's separators each mean one thing, ٬
    between thousands, ٫ before decimals (Why: each was read as a break, '٣٫٥' as 3 and 5)."""
    whole, _, fraction = chunk.partition("٫")
    groups = whole.split("٬")
    if not re.fullmatch(r"\d*", fraction) or not all(g.isdigit() for g in groups) or \
            len(groups) > 1 and not (len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
        return None
    return [Decimal("".join(groups) + (f".{fraction}" if fraction else ""))]


# the last group of a number grouped by spaces: three digits, and its decimals if any ('1 200,50',
# '1 200.5'); three digits after the comma are a group of their own ('1 200,500' is no decimal)
SPACED_LAST = re.compile(r"(?P<w>\d{3})(?:[.,](?P<d>(?!\d{3}$)\d+))?")


def number_values(text: str) -> list[tuple[Decimal, int, int]]:
    """Numbers in text with their spans; dates and ranges give one value per part.

    21.3.2004 and 21/03/2004 both give 21, 3, 2004; "1 000", "1,000", "1000" give 1000.
    """
    out: list[tuple[Decimal, int, int]] = []
    for m in NUMBER.finditer(text):
        chunks = re.split(SPACE, m.group())
        if len(chunks) > 1 and len(chunks[0]) <= 3 and all(
                len(c) == 3 and c.isdigit() for c in chunks[1:-1]) and (last := SPACED_LAST.fullmatch(chunks[-1])):
            value = Decimal("".join(chunks[:-1]) + last.group("w"))
            decimals = last.group("d")
            out.append((Decimal(f"{value}.{decimals}").normalize() if decimals else value, m.start(), m.end()))
            continue
        pos = m.start()
        for chunk in chunks:
            values = _group_value(chunk) if re.fullmatch(r"[\d.,'’٫٬]+", chunk) else None
            if values:
                out.extend((v.normalize(), pos, pos + len(chunk)) for v in values)
            else:   # a date or a range: each part where it stands
                out.extend((Decimal(p.group()).normalize(), pos + p.start(), pos + p.end())
                           for p in re.finditer(r"\d+", chunk))
            pos += len(chunk) + 1
    return out
