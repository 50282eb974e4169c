"""Headings in capitals, encoded as a sentence is written (part of the embed stage).

The encoder reads capitals as other tokens, so the same heading printed in capitals in one
edition and not in the other would lose its meaning (`calm_capitals`). embed.py applies it to
every text before encoding and before its cache keys are made.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SPACES = re.compile(r"(\s+)")
_ROMAN = re.compile(r"[IVXLCDM]+\W*")


@lru_cache(maxsize=1)
def _two_capitals() -> re.Pattern[str]:
    """Two capital letters in a row (any cased script of the BMP): one C-level search rules out
    nearly every sentence before its words are looked at (55 -> 2 µs a sentence)."""
    caps = [c for c in map(chr, range(0x10000)) if c.isupper() and c.lower() != c]
    ranges, start = [], caps[0]
    for a, b in zip(caps, caps[1:] + ["\U0010ffff"]):
        if ord(b) != ord(a) + 1:
            ranges.append(re.escape(start) + ("-" + re.escape(a) if a != start else ""))
            start = b
    return re.compile(f"[{''.join(ranges)}]{{2}}")


def _kind(token: str) -> str:
    """'loud' (two or more cased letters, all capitals), 'quiet' (a lower-case letter), else
    'neutral' (numbers, punctuation, one capital: 'L'', 'A'); a Roman numeral is 'roman'."""
    cased = sum(1 for c in token if c.lower() != c.upper())
    if not cased or (cased == 1 and token.isupper()):
        return "roman" if _ROMAN.fullmatch(token) else "neutral"
    if not token.isupper():
        return "quiet"
    return "roman" if _ROMAN.fullmatch(token) else "loud"


_TURKISH = "İĞ"   # capitals only Turkish (and Azerbaijani) write


def _lower(token: str, turkish: bool) -> str:
    """A token in lower case; in a Turkish text I is ı ('KIŞ' -> 'kış', not 'kiş'). İ is i
    in any text (str.lower gave 'i' and a combining dot: 'bi̇r')."""
    if turkish:
        token = token.replace("I", "ı")
    return token.replace("İ", "i").lower()


def calm_capitals(text: str) -> str:
    """A text in capitals as a sentence is written: 'LE VIEUX PONT' -> 'Le vieux pont'.

    Why: the encoder reads capitals as other tokens, so a heading printed in capitals in one
    edition and not in the other loses its meaning: cosine of 'LE VIEUX PONT' and 'The old
    bridge' 0.32 (0.85 as 'Le vieux pont'), 'DIE ALTE BRÜCKE VON SAINT-AUBIN' and 'Le vieux pont
    de Saint-Aubin' 0.24 (0.85), 'UN THÉ DE FOUS.' and 'A Mad Tea-Party' 0.11 (0.63), 'INTRODUCTION'
    and 'Introduction' 0.56. Only runs of two or more words in capitals are lowered (a Roman
    numeral counts: 'CHAPTER II'), or a whole text of one such word of five letters or more,
    so an acronym in a sentence ('the UN said') stays, and so do Roman numerals; a run's first
    word keeps its capital at the start of the text or after a stop ('CHAPITRE II. LA MARE' ->
    'Chapitre II. La mare')."""
    if not _two_capitals().search(text) or not any(_kind(w) == "loud" for w in text.split()):
        return text
    turkish = any(c in text for c in _TURKISH)
    parts = _SPACES.split(text)
    tokens = parts[::2]
    kinds = [_kind(t) for t in tokens]
    named = [k for k in kinds if k != "neutral"]
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and kinds[j] != "quiet":
            j += 1
        run = [k for k in kinds[i:j] if k != "neutral"]
        lone = run == ["loud"] == named and len(tokens[kinds.index("loud")]) >= 5
        if "loud" in run and (len(run) >= 2 or lone):
            for m in range(i, j):
                if kinds[m] != "roman":
                    low = _lower(tokens[m], turkish)
                    start = not "".join(tokens[:m]).strip() or tokens[m - 1][-1:] in ".!?:;"
                    tokens[m] = low[:1].upper() + low[1:] if start else low
        i = j + 1
    parts[::2] = tokens
    return "".join(parts)
