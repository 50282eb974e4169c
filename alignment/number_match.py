"""Which quantities of one side have no equal on the other: the numbers check's comparison.

Part of the check stage (checks.py's `numbers` check reports what `unequal` returns). Why a
module of its own: numbers.py reads the quantities of one text; comparing two sides' is
another task with its own costs and look-ups. Each quantity is matched once, found by value
(_Counterparts), so a line of thousands of numbers stays linear; a quantity with no equal
among the other side's figures may still be there in words, as a Roman numeral or as a
month's name, looked up in prose only (PROSE_QUANTITIES).

A month Chinese, Japanese or Korean writes as a figure ('４月') where the other side names
another month ('May') is no figure left out: it is left to dates.py, which reports the month
changed (an error naming both months; two info findings before, "numbers differ: ４ ...,
nothing" and "name 'May' has no counterpart").

Libraries, and why: num2words (through number_words) for numbers written out on one side
only; Babel's CLDR month names (through calendar_forms, with the locatives CLDR lacks) for a
month given by number on one side and by name on the other.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from decimal import Decimal

from .calendar_forms import calendar, figure_months
from .cognates import fold
from .lang import primary
from .number_clock_said import SaidTime, said_times
from .number_measures import filed_under, looked_up, metric_keys
from .number_words import spelled, spelled_time
from .numbers import HALF_DAY, Quantity, clock_minutes, roman_value


def _months(text: str, lang: str) -> set[int]:
    """Numbers of the months named in text ('mars' -> 3, Polish 'w marcu' -> 3)."""
    names = calendar(lang)
    return {int(names[w][1:]) for w in re.findall(r"[^\W\d_]+", fold(text))
            if names.get(w, "").startswith("m")}


def _romans(text: str, lang: str) -> list[int]:
    """Values of Roman numerals standing alone ('camp II'); English 'I' is a pronoun."""
    return [roman_value(r) for r in re.findall(r"\b[IVXL]+\b", text)
            if not (r == "I" and primary(lang) == "en")]


# more quantities than this on one side is a table or a list, not prose: its numbers are
# compared by value only (not looked for in words, months or Roman numerals on the other
# side, each a search of the whole other text), so a 1 MB line of numbers takes a second
PROSE_QUANTITIES = 200


def unequal(mine: Sequence[Quantity], theirs: Sequence[Quantity], other_text: str,
            other_lang: str, own_text: str = "", own_lang: str = "") -> list[Quantity]:
    """Quantities of one side with no equal on the other (each counterpart used once, the
    first in order), written out there, a Roman numeral there ('Camp 2' / 'camp II'), or
    (1-12) a month named there and not on this side (each month used once: '8 août' is no
    '9 August'); the last three for prose only (PROSE_QUANTITIES). A month written as a figure
    ('４月') left over where the other side names another month left over is dates.py's."""
    pick = _Counterparts(theirs)
    prose = len(mine) <= PROSE_QUANTITIES
    months: list[int] | None = None
    romans: list[int] | None = None
    said: list[SaidTime] | None = None
    out = []
    figured = {a for _, a, _ in figure_months(own_text)} if prose and own_text else set()
    for q in mine:
        if pick.take(q):
            continue
        if not prose:
            out.append(q)
            continue
        if q.kind == "n" and any(spelled(v, other_text, other_lang) for v in q.written()):
            continue
        if q.kind == "t" and spelled_time(int(q.value), other_text, other_lang):
            continue
        if q.kind == "t":   # 'oito e quinze da manhã', 'в половине пятого', 'saat üçte' (number_clock_said)
            said = said_times(other_text, other_lang) if said is None else said
            if any(s.same(int(q.value), q.ambiguous or q.hours) for s in said):
                continue
        whole = q.kind == "n" and q.value == q.value.to_integral_value()
        if whole and 1 <= q.value <= 12:
            if months is None:
                own = _months(own_text, own_lang) if own_text else set()
                months = sorted(_months(other_text, other_lang) - own)
            if int(q.value) in months:
                months.remove(int(q.value))
                continue
        if whole and 1 <= q.value <= 89:
            romans = _romans(other_text, other_lang) if romans is None else romans
            if int(q.value) in romans:
                romans.remove(int(q.value))
                continue
        out.append(q)
    return _months_changed(out, figured, months)


def _months_changed(out: list[Quantity], figured: set[int], months: list[int] | None) -> list[Quantity]:
    """out less its months written as figures (starting at `figured`) that face a month the
    other side names and this side does not (`months`, left over): each such pair is a month
    changed, for dates.py to report; the first figures in order, one for one."""
    spare = len(months or ())
    kept = []
    for q in out:
        if spare and q.start in figured:
            spare -= 1
            continue
        kept.append(q)
    return kept


class _Counterparts:
    """The other side's quantities, each usable once, found by value: a quantity's equals
    (Quantity.same) can only be of its own value, a time twelve hours off, the same span
    in hours, or a measure in the partner unit near its value converted (number_measures'
    bands), so each is looked for among those few (in order) instead of in the whole list:
    linear in the count of numbers, where a line of thousands took seconds."""

    def __init__(self, theirs: Sequence[Quantity]) -> None:
        self.items = list(theirs)
        self.used = [False] * len(self.items)
        self.by: dict[tuple[str, Decimal], deque[int]] = {}
        for k, o in enumerate(self.items):
            self.by.setdefault((o.kind, o.value), deque()).append(k)
            if o.base is not None:
                self.by.setdefault(("base", o.base), deque()).append(k)
            for key in filed_under(o.unit, o.value) + metric_keys(o.measure, o.value):
                self.by.setdefault(key, deque()).append(k)
            clock = o.value if o.kind == "t" else clock_minutes(o.value) or _hour(o)
            if clock is not None:
                if o.kind == "n":
                    self.by.setdefault(("t", clock), deque()).append(k)
                self.by.setdefault(("t12", clock % HALF_DAY), deque()).append(k)

    def take(self, q: Quantity) -> bool:
        """Use up the first unused quantity equal to q, one equal to its value before one
        equal to its number as written only ('令和元年' is 2019 before it is 1); False if
        there is none."""
        clock = clock_minutes(q.value) or _hour(q) if q.kind == "n" else None
        keys = [(q.kind, q.value)] + ([("t12", q.value % HALF_DAY), ("n", q.value / 60)]
                                      if q.kind == "t" else [("t", q.value * 60)])
        keys += [("t", clock), ("t12", clock % HALF_DAY)] if clock is not None else []
        best = self._first(q, keys)
        if best is None and q.kind == "n":
            best = self._first(q, [("base", v) for v in q.written()] + [("n", q.base)] * (q.base is not None)
                               + looked_up(q.unit, q.value) + metric_keys(q.measure, q.value, near=True))
        if best is None:
            return False
        self.used[best] = True
        return True

    def _first(self, q: Quantity, keys: list[tuple[str, Decimal]]) -> int | None:
        """The first unused quantity under keys equal to q (Quantity.same)."""
        best = None
        for key in keys:
            ks = self.by.get(key)
            while ks and self.used[ks[0]]:
                ks.popleft()
            k = next((k for k in ks or () if not self.used[k] and q.same(self.items[k])), None)
            if k is not None and (best is None or k < best):
                best = k
        return best


def _hour(n: Quantity) -> Decimal | None:
    """A whole number that may be an hour ('at 4'), as minutes: looked up among the times."""
    whole = n.value == n.value.to_integral_value() and 1 <= n.value <= 24
    return n.value * 60 if whole else None
