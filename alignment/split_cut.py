"""Where to cut a link the app's "Split" button splits: the cut whose two halves pair best.

Why: cutting each side in the middle paired a 2-3 link as 1-2 + 1-1, so a sentence was
joined to the one the translation added after it, while another cut paired each sentence with
its translation. Each possible cut is scored by how well each half's source matches its
target: by the encoder's sentence cosines when the app has one ready, else by how well the
halves' character lengths match (Gale and Church's length model, the aligner's fallback too).

A cut that leaves a half with one side empty (an omission or an addition) is taken only where
no cut pairs each half reasonably: averaged with a pairing, a half scored as matching nothing
still won over two fair pairings, and splitting a 2-4 link made a 2-3 and a French sentence
alone (0-1) although the second English sentence was its original.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

Similarity = Callable[[str, str], float]

# Gale and Church (1993): target characters per source character vary with this variance
# per source character; the mean ratio is the caller's (languages differ).
LENGTH_VARIANCE = 6.8
UNPAIRED = 0.0   # a half with one side empty matches nothing: any real pairing scores above it
# A half pairs reasonably from these matches up. Cosines: measured with the app's encoder on a
# French-English novel (300 sure 1-1 links, the same sentences shuffled): 95 % of unrelated
# pairs below 0.25, 99 % of translations above 0.32. Lengths (length_match): 98 % of those
# translations above 0.05; lengths tell less, so more unrelated pairs pass (a third).
PAIRED_COSINE = 0.3
PAIRED_LENGTH = 0.05


def length_match(src: str, tgt: str, ratio: float = 1.0) -> float:
    """How likely `tgt` is a translation of `src` by length alone, in (0, 1]: the two-sided
    tail probability of Gale and Church's length difference."""
    expected = len(src) * ratio
    delta = (len(tgt) - expected) / math.sqrt(max(len(src), 1) * LENGTH_VARIANCE)
    return math.erfc(abs(delta) / math.sqrt(2))


def cuts(n_src: int, n_tgt: int) -> list[tuple[int, int]]:
    """Every cut (sentences kept before it on each side) leaving a sentence in each half."""
    return [(s, t) for s in range(n_src + 1) for t in range(n_tgt + 1)
            if (s or t) and (s < n_src or t < n_tgt)]


def half_scores(src: Sequence[str], tgt: Sequence[str], similarity: Similarity | None = None,
                ratio: float = 1.0) -> dict[tuple[int, int], tuple[float | None, float | None]]:
    """Each cut's two halves' matches, None for a half with an empty side. `similarity`
    compares a source text with a target text (higher: closer); without it lengths are
    compared, `ratio` target characters expected per source character (the whole text's: a
    link holding an added sentence would skew its own)."""
    match = similarity or (lambda a, b: length_match(a, b, ratio))
    memo: dict[tuple[int, int, int, int], float] = {}

    def half(s0: int, s1: int, t0: int, t1: int) -> float | None:
        if s0 == s1 or t0 == t1:
            return None
        if (s0, s1, t0, t1) not in memo:
            memo[s0, s1, t0, t1] = match(" ".join(src[s0:s1]), " ".join(tgt[t0:t1]))
        return memo[s0, s1, t0, t1]

    n, m = len(src), len(tgt)
    return {(s, t): (half(0, s, 0, t), half(s, n, t, m)) for s, t in cuts(n, m)}


def cut_scores(src: Sequence[str], tgt: Sequence[str], similarity: Similarity | None = None,
               ratio: float = 1.0) -> dict[tuple[int, int], float]:
    """Each cut's score: the mean of its two halves' matches (`half_scores`; `UNPAIRED` for a
    half with an empty side)."""
    return {c: _mean(halves) for c, halves in half_scores(src, tgt, similarity, ratio).items()}


def _mean(halves: tuple[float | None, float | None]) -> float:
    return sum(UNPAIRED if x is None else x for x in halves) / 2


def best_cut(src: Sequence[str], tgt: Sequence[str], similarity: Similarity | None = None,
             ratio: float = 1.0) -> tuple[int, int]:
    """The cut whose halves pair best (`cut_scores`), among the cuts whose two halves each pair
    reasonably (PAIRED_COSINE or above for a `similarity`, PAIRED_LENGTH for lengths) where
    there is one; else among all, a half with an empty side then matching
    nothing. Among equal scores the one nearest the middle (the cut "Split" made before), so
    texts that tell nothing apart are cut as they were."""
    halves = half_scores(src, tgt, similarity, ratio)
    if not halves:
        raise ValueError("a link needs two sentences to be cut")
    floor = PAIRED_LENGTH if similarity is None else PAIRED_COSINE
    sound = [c for c, (a, b) in halves.items() if a is not None and b is not None
             and min(a, b) >= floor]
    scores = {c: _mean(h) for c, h in halves.items()}
    middle = ((len(src) + 1) // 2, (len(tgt) + 1) // 2)
    return max(sound or scores, key=lambda c: (round(scores[c], 9),
                                               -abs(c[0] - middle[0]) - abs(c[1] - middle[1])))


def cosine_similarity(embed: Callable[[Sequence[str]], object]) -> Similarity:
    """A `Similarity` from an encoder's `embed` (one vector per text)."""
    import numpy as np

    def similarity(a: str, b: str) -> float:
        u, v = np.asarray(embed([a, b]), dtype=np.float64)
        norm = float(np.linalg.norm(u) * np.linalg.norm(v))
        return float(u @ v) / norm if norm else 0.0
    return similarity
