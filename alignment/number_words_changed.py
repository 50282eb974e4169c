"""Numbers written out in words, compared across the sides for the numbers check (checks.py's
check_numbers): 'trois jours' / 'two days' changed, and the words of a number changed against
figures ('Seven sailors' / '8人の船乗り') named in its message.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .number_match import PROSE_QUANTITIES
from .number_units import converted
from .number_words import compared_numbers, spelled, written_numbers
from .numbers import Quantity
from .types import Finding, Span
from .word_lists import make_finding


WordNumber = tuple[int, str, int, int]   # value, words, start, end (number_words.compared_numbers)


def _words_changed(i: int, src: str, src_lang: str, tgt: str, tgt_lang: str,
                   figures: Sequence[Quantity]) -> Finding | None:
    """Numbers written out in words on both sides whose values differ ('trois jours' / 'two
    days', 'soixante-deux' / 'sixty-five'): a warning, as for figures changed unevenly. Only
    where each side has a value the other side lacks: a number written on one side only is
    often a translator's choice ('tous les deux' / 'both', 'neuf' / 'new'), so it is not
    compared; one ('un', 'a'), the values written in figures on either side (compared as
    figures), and a value the other side writes in any form (an ordinal: 'trois' / 'third')
    are left out; and tables (PROSE_QUANTITIES) too."""
    if len(figures) > PROSE_QUANTITIES:
        return None
    values = {q.value for q in figures}
    extra_s = _words_apart(src, src_lang, tgt, tgt_lang, values)
    extra_t = _words_apart(tgt, tgt_lang, src, src_lang, values)
    if not extra_s or not extra_t:
        return None
    spans = [Span("src", a, b) for *_, a, b in extra_s if b] + [Span("tgt", a, b) for *_, a, b in extra_t if b]
    return make_finding(i, "numbers", "warning", f"numbers differ: {_said(extra_s)} in the original, "
                        f"{_said(extra_t)} in the translation", *spans)


def _words_apart(text: str, lang: str, other: str, other_lang: str,
                 figures: set[Decimal]) -> list[WordNumber]:
    """The numbers text writes out in words that neither side writes in figures and the other
    side does not write out (number_words.spelled: as a cardinal or an ordinal)."""
    return [(n, text[a:b] if b else word, a, b) for n, word, a, b in compared_numbers(text, lang)
            if Decimal(n) not in figures and not spelled(Decimal(n), other, other_lang)
            and not converted(n, text, lang, other, other_lang, figures)]


def _said(numbers: Sequence[WordNumber]) -> str:
    """'trois (3), vingt (20)' for a finding's message."""
    return ", ".join(f"{word} ({n})" for n, word, *_ in numbers)


def _written_apart(text: str, lang: str, other: str, other_lang: str, figures: Sequence[Quantity]) -> str:
    """The numbers text writes out in words (2-100) that neither side writes in `figures` and
    the other side does not write out, for the message ('seven'), or '' when there are none.
    Where only one side writes figures, the change of a number written out on the other
    ('Seven sailors' / '8人の船乗り') was info, as a number added or left out is."""
    values = {q.value for q in figures}
    values |= {q.value % 100 for q in figures if q.value >= 1000}   # '1990s' / 'los años noventa'
    return ", ".join(word for n, word in written_numbers(text, lang)
                     if n not in values and not spelled(Decimal(n), other, other_lang)
                     and not converted(n, text, lang, other, other_lang, values))
