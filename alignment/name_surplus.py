"""A name the original writes more often in a link than the translation, and a stray where the
missing one would stand: the stray is that name mistyped (for the names check, cognates.py).

'Mlle Churchill ... M. et Mme Churchill' / 'Miss Cuaisittn ... Mr. and Mrs. Churchill': the
translation writes the name once, so the name has its counterpart and is no orphan; the stray
('Cuaisittn', strays.stray_words: capitalised, no word list knows it, written in one link,
spelt like no word of the original) has no orphan word of the original to stand for, and
went unreported. A translator who writes the name once where the original writes it twice
puts a pronoun or a title in the other place ('Mr. and Mrs. Churchill, who broke with their
sister'), not a word no list knows, so both the missing occurrence and the stray are asked.

Measured (2026-12-07, bench_checks.py --word-links --seeds 0-8, LIMSI): name-mangle at warning
43 -> 44 of 47 (seed 6, the case above); warnings and info on clean links unchanged on every
seed. Seeds 0-2 of limsi-enfr, Text+Berg dev, textberg-frde, alibi, alibi-enfr and Text+Berg
test, the --multi windows of LIMSI and the gold links as published (--gold) of LIMSI, Text+Berg
dev and alibi: every figure unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import TYPE_CHECKING

from .evidence import WordSpan
from .word_lists import make_finding
from .word_similarity import fold, similarity
from .types import Finding, Span

if TYPE_CHECKING:
    from .check_config import CheckConfig


def surplus_findings(i: int, names: Sequence[WordSpan], tgt: Sequence[WordSpan],
                     strays: Sequence[WordSpan], used: Collection[int],
                     placed: Callable[[WordSpan, WordSpan], bool],
                     config: CheckConfig) -> Iterator[Finding]:
    """Warnings for strays (not among `used`, translation offsets already reported) standing
    where an occurrence of a name of `names` (the original's, every occurrence) would be
    translated, when the original writes that name more often than `tgt` (the translation's
    words) holds words spelt like it, and the translation holds one at least."""
    if not strays or not names:
        return
    written = Counter(fold(w) for w, *_ in names)
    taken = set(used)
    for key, n_src in written.items():
        first = next(w for w, *_ in names if fold(w) == key)
        n_tgt = sum(similarity(first, t[0]) >= config.name_similarity for t in tgt)
        if not 0 < n_tgt < n_src:
            continue
        for t in strays:
            at = next((n for n in names if fold(n[0]) == key and placed(n, t)), None)
            if t[1] in taken or at is None:
                continue
            taken.add(t[1])
            yield make_finding(i, "names", "warning",
                               f"name '{at[0]}' became '{t[0]}'? (the original writes it "
                               f"{n_src} times here, the translation {n_tgt} "
                               f"{'time' if n_tgt == 1 else 'times'})",
                               Span("src", at[1], at[2]), Span("tgt", t[1], t[2]))
            break
