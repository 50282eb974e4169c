"""How much a text's translation keeps its word order, to weigh the word links' position priors.

Part of the word-links stage (words.score_pairs asks here before training). Why: the word
linker favours a word at the same relative place on both sides (fast_align's diagonal prior in
the statistical model, and a penalty in the score), chosen on French–English, where that
holds. Japanese and Chinese put their words in another order, and the prior then linked a word
to whatever stood at its place: '新宿' to 'lived'. Measured on our hand-linked gold
(benchmarks/bench_words_cjk.py), the prior off: Japanese F1 0.68 -> 0.83, Chinese 0.74 -> 0.85;
on French–English (Alibi) the prior helps.

So the text tells: its surest word pairs (mutual best by the encoder's cosine alone, >= 0.6,
between words) lie on average this far apart in relative position: French–English 0.10-0.12
(Alibi's three stories, either way round), German–French 0.15 (Text+Berg dev), Chinese–English
0.21, Japanese–English 0.26, 1/3 for pairs at random. Up to MONOTONE the priors stay as tuned;
from REORDERED they are off; in between they fade linearly. A short text has few pairs, so its
mean is drawn towards MONOTONE by PRIOR_PAIRS pseudo-pairs (a few sentences keep the tuned
priors unless they clearly reorder).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MONOTONE = 0.16   # above every French–English and German–French text measured
REORDERED = 0.20  # below Chinese– and Japanese–English
ANCHOR = 0.6      # cosine of a sure pair
PRIOR_PAIRS = 10


def mean_distance(cosines: Sequence[np.ndarray], words: Sequence[tuple[np.ndarray, np.ndarray]]
                  ) -> tuple[float, int]:
    """(mean relative-position distance, count) of the mutual-best word pairs at cosine >=
    ANCHOR, over sentence pairs of at least three tokens a side; `words` masks each side's
    tokens that are words (not punctuation)."""
    distances: list[float] = []
    for cos, (ws, wt) in zip(cosines, words):
        m, n = cos.shape
        if m < 3 or n < 3:
            continue
        rows, cols = cos.argmax(axis=1), cos.argmax(axis=0)
        for i, j in enumerate(rows):
            if cols[j] == i and cos[i, j] >= ANCHOR and ws[i] and wt[j]:
                distances.append(abs((i + 0.5) / m - (j + 0.5) / n))
    return (float(np.mean(distances)) if distances else 0.0), len(distances)


def prior_weight(cosines: Sequence[np.ndarray], words: Sequence[tuple[np.ndarray, np.ndarray]]) -> float:
    """1.0 for a text that keeps its word order, 0.0 for one that clearly does not (module
    docstring), linear in between."""
    mean, count = mean_distance(cosines, words)
    shrunk = (mean * count + MONOTONE * PRIOR_PAIRS) / (count + PRIOR_PAIRS)
    return float(np.clip((REORDERED - shrunk) / (REORDERED - MONOTONE), 0.0, 1.0))
