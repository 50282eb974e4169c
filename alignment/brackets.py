"""The brackets check: brackets and quotes that balance on one side and not on the other.

Part of the check stage (checks.py registers `check_brackets`). Written here rather than
taken from translate-toolkit, whose `brackets` compares counts and so flags parentheses a
translator adds or drops on purpose, and counts each quote mark alone („Wir …“ has one “
and no ”).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .cognates import link_pairs, make_finding
from .types import Bitext, Finding, Severity, Side, Span

if TYPE_CHECKING:
    from .check_config import CheckConfig
    from .evidence import WordEvidence

PAIRS_OF = (("(", ")"), ("[", "]"), ("{", "}"), ("«", "»"), ("“", "”"))


DOUBLE_QUOTES = "«»“”„\""
ENUMERATOR = re.compile(r"^\W*\w{1,3}\)")   # "b) Les Alpes", "2) ..." open no bracket


def _unbalanced(text: str, other: str = "") -> list[str]:
    """Bracket and quote kinds whose openings and closings do not match in text.

    Quotes count only when the other side uses double quotes too: dialogue
    quotes run across sentences, and English often quotes with ' where the
    French has « ».
    """
    quotes = any(q in other for q in DOUBLE_QUOTES) or not other
    text = ENUMERATOR.sub("", text)
    bad = [f"{o}{c}" for o, c in PAIRS_OF[:3] if text.count(o) != text.count(c)]
    if quotes:
        left = _unpaired_quotes(text)
        bad += [kind for kind, marks in (("«»", "«»"), ("“”", "„“”"))
                if any(m in left for m in marks)]
        if text.count('"') % 2:
            bad.append('"')
    return bad


# a quotation as each language marks it: „…“ (German), „…” (Polish), “…”, ”…” (Swedish,
# Finnish), «…», »…« (German, Danish), »…» (Finnish); nested ones are taken from the inside out
_QUOTATION = re.compile(r"„[^„“”]*[“”]|“[^„“”]*”|”[^„“”]*”|«[^«»]*»|»[^«»]*[«»]")


def _unpaired_quotes(text: str) -> str:
    """The text less its quotations: what is left of its quote marks opens or closes
    a quotation in another sentence, or is a slip. Counting each mark, „Wir …“ had one “ and
    no ” (a German translation's every quotation was 'unbalanced', and a Swedish one's)."""
    previous = None
    while previous != text:
        previous, text = text, _QUOTATION.sub(" ", text)
    return text


def marks(text: str, chars: str, side: Side) -> list[Span]:
    """Spans of each of `chars` in text, on `side`."""
    return [Span(side, m.start(), m.end()) for m in re.finditer(f"[{re.escape(chars)}]", text)]


def _split(pairs: Sequence[tuple[int, str, str]], i: int, k: int) -> set[str]:
    """Kinds unbalanced in link i's neighbours on the same side (pairs[.][k]): a bracket
    opened before or closed after a sentence split (next link), or a quote (dialogue:
    three links), not a slip."""
    near = {kind for j in (i - 1, i + 1) if 0 <= j < len(pairs)
            for kind in _unbalanced(pairs[j][k])}
    quotes = {kind for j in range(max(i - 3, 0), min(i + 4, len(pairs))) if j != i
              for kind in _unbalanced(pairs[j][k]) if kind not in ("()", "[]", "{}")}
    return near | quotes


def _bracket_pairs(text: str) -> int:
    """Brackets of any kind that open and close in order: '{Les Alpes, p. 295)' is one pair
    (a misread shape), a stray ')' none."""
    depth = pairs = 0
    for c in ENUMERATOR.sub("", text):
        if c in "([{":
            depth += 1
        elif c in ")]}" and depth:
            depth, pairs = depth - 1, pairs + 1
    return pairs


def check_brackets(bitext: Bitext, config: CheckConfig,
             evidence: WordEvidence | None = None) -> Iterator[Finding]:
    """Brackets and quotes that do not balance on one side while they do on the other.

    Quotes and brackets often open in one sentence and close in the next, so
    imbalance on both sides is not reported. A bracket is a warning when a pair of
    the other side lost its opening or closing here (fewer pairs than there); a
    stray mark that loses nothing (a ')' left from the previous sentence, a '{'
    misread for '(', a bracket the other side has no counterpart for: OCR and
    typesetting, not translation) is not reported. Quotes, which dialogue carries
    across sentences, are info. (translate-toolkit's `brackets`, which compares counts,
    flags parentheses a translator adds or drops on purpose: not used.)
    """
    pairs = list(link_pairs(bitext))
    for i, src, tgt in pairs:
        if not src or not tgt:
            continue
        for side, text, other in (("src", src, tgt), ("tgt", tgt, src)):
            bad = set(_unbalanced(text, other)) - _split(pairs, i, 1 if side == "src" else 2)
            if bad and not _unbalanced(other, text):
                if _bracket_pairs(text) >= _bracket_pairs(other):
                    bad -= {"()", "[]", "{}"}   # a stray mark: no pair of the other side lost
                if not bad:
                    continue
                sev: Severity = "warning" if bad & {"()", "[]", "{}"} else "info"
                yield make_finding(i, "brackets", sev, f"unbalanced {' '.join(sorted(bad))} "
                                   f"in the {'original' if side == 'src' else 'translation'}",
                                   *marks(text, "".join(bad), side))
