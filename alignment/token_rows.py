"""Per-token vectors of the encoder, kept in slots across macro-batches and calls.

The first CNN layer is linear in per-token vectors (see UseModel._token_tables),
so each distinct token's row of vectors (~15 KB, ~2 MFLOP) is computed once and
looked up by slot. `TokenRows` keeps those rows for the model's lifetime and
overwrites the least recently used ones, so a macro-batch computes only tokens
it has not seen and copies nothing.

Why not a fresh table per macro-batch, seeded from the previous one (as
before): copying ~90 MB of known rows into newly allocated arrays cost more in
page faults than the copy itself (0.35 s of 5.5 s wall for 5,000 sentences
with their joins), and the rows were lost between calls.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

#: Spare capacity when the slots must grow: fewer regrowths, each a full copy.
_GROWTH = 1.25


@dataclass(frozen=True)
class Tables:
    """Vectors of tokens by slot; the last row of each array but emb is a zero pad,
    whose index is len(emb) (for window slots outside a sentence)."""

    emb: np.ndarray  # (U, 512) dequantised token embeddings
    emb_sum: np.ndarray  # (U + 1,) row sums of emb, for the layer norm's mean
    emb_sq: np.ndarray  # (U + 1,) row sums of squares of emb, for its variance
    # per CNN branch: (U + 1, (n + 1) * 256) = [x | x @ w1_0 .. x @ w1_n-1], b1 added to
    # the block of the token's own window slot
    cnn: list[np.ndarray]

    def arrays(self) -> list[np.ndarray]:
        return [self.emb, self.emb_sum, self.emb_sq, *self.cnn]

    @staticmethod
    def of(arrays: list[np.ndarray]) -> Tables:
        return Tables(arrays[0], arrays[1], arrays[2], list(arrays[3:]))


Shape = tuple[tuple[int, ...], type]  # trailing shape and dtype of one of Tables' arrays


class TokenRows:
    """Slots of token rows, least recently used ones overwritten first.

    Slots used by the current macro-batch are never overwritten while it is
    being looked up; callers finish a macro-batch before asking for the next
    (UseModel.encode holds `lock` for a whole call). Fresh rows are computed
    straight into their slots when these are consecutive (always so while
    the slots grow), else into a scratch table that is then scattered.
    """

    def __init__(self, vocab: int, shapes: list[Shape]) -> None:
        self.lock = threading.Lock()
        self._shapes = shapes
        self._slot = np.full(vocab, -1, dtype=np.int64)  # token id -> slot
        self._token = np.zeros(0, dtype=np.int64)  # slot -> token id, -1 if free
        self._used = np.zeros(0, dtype=np.int64)  # slot -> clock of last use
        self._clock = 0
        self.tables = self._alloc(0, 1)

    def __len__(self) -> int:
        return len(self._token)

    def rows(self, uniq: np.ndarray,
             compute: Callable[[np.ndarray, Tables], None]) -> tuple[Tables, np.ndarray]:
        """Tables holding the distinct tokens `uniq`, and their slots.

        compute(tokens, out) writes the rows of tokens not held into out's arrays.
        """
        self._clock += 1
        slots = self._slot[uniq]
        known = slots >= 0
        self._used[slots[known]] = self._clock
        new = uniq[~known]
        if len(new):
            free = self._free(len(new))
            if free[-1] - free[0] + 1 == len(free):
                compute(new, Tables.of([a[free[0]:free[-1] + 1] for a in self.tables.arrays()]))
            else:
                scratch = self._alloc(len(new), 0)
                compute(new, scratch)
                for dst, src in zip(self.tables.arrays(), scratch.arrays()):
                    dst[free] = src
            evicted = self._token[free]
            self._slot[evicted[evicted >= 0]] = -1
            self._token[free], self._slot[new], self._used[free] = new, free, self._clock
            slots[~known] = free
        return self.tables, slots

    def _free(self, n: int) -> np.ndarray:
        """n slots not used by the current macro-batch, oldest first; grows if needed."""
        spare = np.flatnonzero(self._used < self._clock)
        if len(spare) < n:
            need = len(self) + n - len(spare)
            self._grow(max(need, int(len(self) * _GROWTH)) if len(self) else need)
            spare = np.flatnonzero(self._used < self._clock)
        if len(spare) > n:
            spare = spare[np.argpartition(self._used[spare], n - 1)[:n]]
        return np.sort(spare)

    def _grow(self, cap: int) -> None:
        """cap slots, the held rows kept."""
        old = len(self)
        self._token = np.concatenate([self._token, np.full(cap - old, -1, dtype=np.int64)])
        self._used = np.concatenate([self._used, np.full(cap - old, -1, dtype=np.int64)])
        grown = self._alloc(cap, 1)
        for dst, src in zip(grown.arrays(), self.tables.arrays()):
            dst[:old] = src[:old]
        self.tables = grown

    def _alloc(self, n: int, pad: int) -> Tables:
        """Tables of n rows (emb) or n + pad rows (the others, zero pad last)."""
        arrays = [np.empty((n + (k > 0) * pad, *shape), dtype=dtype)
                  for k, (shape, dtype) in enumerate(self._shapes)]
        for a in arrays[1:]:
            a[n:] = 0
        return Tables.of(arrays)
