"""A link's type and confidence in plain words, for the reader's rows.

Why: each row shows "1-1 · 0.98", which a first-time user could not read (a ratio? a score
out of what?), and nothing on the page said. The row's numbers now carry a tooltip that says
what they mean for that link (`link_title`), and the reader draws a one-line legend above
the rows (`legend`).
"""

from __future__ import annotations

from .types import Link

_COUNTS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(n: int) -> str:
    return _COUNTS[n] if n < len(_COUNTS) else f"{n:,}"


def kind_words(n_src: int, n_tgt: int) -> str:
    """What a link of `n_src` original and `n_tgt` translated sentences is, in words."""
    if not n_tgt:
        return (f"{_count(n_src)} sentence{'s' * (n_src != 1)} of the original left out of the "
                "translation")
    if not n_src:
        return f"{_count(n_tgt)} sentence{'s' * (n_tgt != 1)} the translation added"
    return (f"{_count(n_src)} sentence{'s' * (n_src != 1)} of the original with "
            f"{_count(n_tgt)} of the translation")


def link_title(link: Link, threshold: float) -> str:
    """The tooltip of a row's "1-1 · 0.98": what the type and the confidence mean."""
    return (f"{link.kind}: {kind_words(len(link.src), len(link.tgt))}; "
            f"{link.confidence:.2f}: how sure the aligner is (below {threshold:.2f}: to review)")


def legend(threshold: float) -> str:
    """The reader's one-line legend of the rows' numbers."""
    return (f"Each row: its number, then which sentences go together (1-1: one sentence of the "
            f"original with one of the translation; 2-1: two with one; 1-0: left out) and how "
            f"sure the aligner is, from 0 to 1 (below {threshold:.2f}: to review, marked ?). "
            "Point at a row's numbers to read this for that row.")
