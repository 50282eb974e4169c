"""Runs of consecutive sentences rebuilt from per-sentence parts: the encoder's run arithmetic.

USE-m3 is a deep averaging network: a run's embedding is its head applied to the sum of
its sentences' feature sums, once the few tokens whose n-gram window crosses a join are
recomputed in joined context. This module holds that bookkeeping (which tokens a join
recomputes, `Parts` of each sentence, the window around a join); use_model.py, which
runs the network, was split from it along that line and re-exports these names.

Why the joins are recomputed at all (measured 2026-12-02, `tune_align.py --embedder use` with
a fresh cache): runs added up from the sentences' own sums (each sentence's edge tokens read
in its own context, its BOS and EOS inside the run) would save about a third of the tokens
encoded, but strict F1 fell on Text+Berg dev 0.909 -> 0.869 and on LIMSI 0.931 -> 0.898.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .use_tokenizer import BOS, EOS

__all__ = ["DIM", "EDGE", "Parts", "Window", "edges", "join_window"]

DIM = 512


#: Tokens at each end of a sentence whose features see past it: two CNN
#: layers with windows reaching 2 tokens either side.
EDGE = 4


def edges(n_real: int) -> tuple[int, int]:
    """Real tokens at the (left, right) end of a sentence that a join recomputes."""
    left = min(EDGE, n_real // 2)
    return left, min(EDGE, n_real - left)


@dataclass(frozen=True)
class Parts:
    """Per-sentence projected feature sums from which runs are rebuilt.

    `left` sums BOS and the first `edges()[0]` real tokens, `right` the last
    `edges()[1]` real tokens and EOS, `core` the tokens between; `lens` counts
    tokens with BOS and EOS. A sentence's own sum is left + core + right.
    Arrays of shape (n, 512) and (n,).
    """

    left: np.ndarray
    core: np.ndarray
    right: np.ndarray
    lens: np.ndarray

    def __len__(self) -> int:
        return len(self.lens)

    def take(self, order: np.ndarray) -> Parts:
        return Parts(self.left[order], self.core[order], self.right[order], self.lens[order])

    @staticmethod
    def concat(parts: Sequence[Parts]) -> Parts:
        if not parts:
            z = np.zeros((0, DIM), dtype=np.float32)
            return Parts(z, z, z, np.zeros(0, dtype=np.int64))
        return Parts(*(np.concatenate([getattr(p, f) for p in parts])
                       for f in ("left", "core", "right", "lens")))


Window = tuple[list[int], int, int]  # token ids, [lo, hi) of the tokens to sum


def join_window(a: Sequence[int], b: Sequence[int]) -> Window:
    """Tokens around the join of sentences a and b (ids with BOS/EOS), and the
    [lo, hi) range whose features replace a's `right` and b's `left`."""
    ra, rb = list(a[1:-1]), list(b[1:-1])
    n_right, n_left = edges(len(ra))[1], edges(len(rb))[0]
    cut = len(ra) - n_right - EDGE
    pre = [BOS] + ra if cut <= 0 else ra[cut:]
    post = rb + [EOS] if n_left + EDGE >= len(rb) else rb[:n_left + EDGE]
    return pre + post, len(pre) - n_right, len(pre) + n_left


def _edges(n_real: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`edges` over an array of real-token counts."""
    left = np.minimum(EDGE, n_real // 2)
    return left, np.minimum(EDGE, n_real - left)

