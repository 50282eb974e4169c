"""A small statistical word-alignment model: IBM-1 with fast_align's diagonal prior, by EM.

Trained on the sentence pairs of the text being read, in both directions, it learns which
words translate which from their co-occurrence, where the encoder's word vectors are weak
(function words, inflections). Three choices make it work from a few dozen pairs:
- the translation table starts from, and is smoothed towards, the encoder's cosine (a
  Dirichlet prior: pseudo-counts proportional to softmax(cosine / temperature)), so rare words
  are not left to chance;
- the position prior of fast_align (Dyer et al. 2013): p(i | j) proportional to
  exp(-lambda |i/m - j/n|), plus a NULL word;
- after the IBM-1 iterations, one E step of an HMM (Vogel et al. 1996) whose transitions are
  a fixed jump distribution (exp(-|jump - 1|), jumps beyond 5 pooled) times that position
  prior: a word's partner is likely next to its neighbour's partner, which settles repeated
  function words and commas (Alibi dev AER 0.079 -> 0.063 with retuned priors). Only one: more HMM iterations,
  or learning the jumps, overfit a story's few pairs (see words.py).
Everything works over one flat array of cells (one per token pair of every sentence pair,
7.5 million for 5,000 book sentence pairs), kept to 4 bytes a cell plus the posteriors: the
E steps (the HMM's forward-backward is O(m n^2) time per pair, O(m n) memory) and the position
prior are numba loops (compiled once and cached on disk, as lattice.py) that derive positions
from the cell index, the M step is numpy. No C extension
to build: eflomal (GPL-3) stays an optional extra, for comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numba
import numpy as np


@dataclass(frozen=True)
class Cells:
    """Every (source token, target token) pair of every sentence pair, flattened.

    Cell c of pair p is source token i, target token j with c = starts[p] + i * pn[p] + j;
    `key[c]` indexes its (source type, target type) pair in `kf`, `ke` (the distinct pairs).
    `src`, `tgt`: type id of every token, pair after pair (pair p from src_at[p]).
    """

    key: np.ndarray  # int32 per cell
    kf: np.ndarray
    ke: np.ndarray
    starts: np.ndarray  # first cell of each sentence pair (len = pairs + 1)
    pm: np.ndarray  # tokens per sentence pair, source side
    pn: np.ndarray  # and target side
    src: np.ndarray
    tgt: np.ndarray
    src_at: np.ndarray
    tgt_at: np.ndarray


def build_cells(src: Sequence[np.ndarray], tgt: Sequence[np.ndarray]) -> Cells:
    """The cells of sentence pairs given as arrays of type ids per side."""
    m = np.fromiter((len(s) for s in src), dtype=np.int64, count=len(src))
    n = np.fromiter((len(t) for t in tgt), dtype=np.int64, count=len(tgt))
    starts, src_at, tgt_at = (np.zeros(len(m) + 1, dtype=np.int64) for _ in range(3))
    np.cumsum(m * n, out=starts[1:])
    np.cumsum(m, out=src_at[1:])
    np.cumsum(n, out=tgt_at[1:])
    empty = [np.zeros(0, np.int64)]
    f_all = np.concatenate([np.asarray(x, dtype=np.int64) for x in src] or empty)
    e_all = np.concatenate([np.asarray(x, dtype=np.int64) for x in tgt] or empty)
    width = int(e_all.max()) + 1 if len(e_all) else 1
    n_src_types = int(f_all.max()) + 1 if len(f_all) else 1
    # int32 where the type pairs fit (a novel: 21k x 21k types), halving np.unique's memory
    small = n_src_types * width < 2**31
    combined = np.empty(int(starts[-1]), dtype=np.int32 if small else np.int64)
    _combine(starts, m, n, f_all, e_all, src_at, tgt_at, width, combined)
    uniq, key = np.unique(combined, return_inverse=True)
    del combined
    uniq = uniq.astype(np.int64)
    return Cells(key.astype(np.int32), uniq // width, uniq % width, starts, m, n,
                 f_all, e_all, src_at, tgt_at)


@numba.njit(cache=True)
def _combine(starts: np.ndarray, m: np.ndarray, n: np.ndarray, f: np.ndarray, e: np.ndarray,
             src_at: np.ndarray, tgt_at: np.ndarray, width: int,
             out: np.ndarray) -> None:  # pragma: no cover - compiled
    """out[c] = source type * width + target type of every cell c."""
    for p in range(len(m)):
        c = starts[p]
        for i in range(m[p]):
            row = f[src_at[p] + i] * width
            for j in range(n[p]):
                out[c] = row + e[tgt_at[p] + j]
                c += 1


@numba.njit(cache=True)
def _position_prior(starts: np.ndarray, pm: np.ndarray, pn: np.ndarray, lam: float,
                    reverse: bool, out: np.ndarray) -> None:  # pragma: no cover - compiled
    """fast_align's p(generating position | generated position), per cell, normalised."""
    for p in range(len(pm)):
        m, n, base = pm[p], pn[p], starts[p]
        n_out, n_gen = (m, n) if reverse else (n, m)
        for o in range(n_out):
            total = 0.0
            for g in range(n_gen):
                c = base + (o * n + g if reverse else g * n + o)
                v = np.exp(-lam * abs((g + 0.5) / n_gen - (o + 0.5) / n_out))
                out[c] = v
                total += v
            for g in range(n_gen):
                out[base + (o * n + g if reverse else g * n + o)] /= total


def _prior(gen: np.ndarray, sim: np.ndarray, temperature: float) -> np.ndarray:
    """softmax(sim / temperature) over the type pairs of each generating type."""
    w = np.exp((sim - 1.0) / temperature)
    total = np.bincount(gen, weights=w)
    return w / total[gen]


class _Direction:
    """EM state of one direction. Forward: target tokens are generated by source tokens;
    reverse swaps the roles."""

    def __init__(self, cells: Cells, reverse: bool, sim: np.ndarray, *, diagonal: float,
                 null: float, temperature: float) -> None:
        self.reverse = reverse
        self.kgen = cells.ke if reverse else cells.kf
        self.out_types = cells.src if reverse else cells.tgt
        self.out_at = cells.src_at if reverse else cells.tgt_at
        self.dist = np.empty(len(cells.key), dtype=np.float32)
        _position_prior(cells.starts, cells.pm, cells.pn, diagonal, reverse, self.dist)
        self.dist *= np.float32(1.0 - null)
        self.null = null
        self.prior = _prior(self.kgen, sim, temperature)
        self.table = self.prior.copy()
        n_out = int(self.out_types.max()) + 1 if len(self.out_types) else 1
        self.null_t = np.full(n_out, 1.0 / n_out)
        self.n_gen = int(self.kgen.max()) + 1 if len(self.kgen) else 1
        self.post = np.zeros(len(cells.key), dtype=np.float32)
        self.counts = np.zeros(len(sim))
        self.null_counts = np.zeros(n_out)
        self.hmm = False
        d = np.arange(-_JUMP, _JUMP + 1)
        self.jump = np.exp(-np.abs(d - 1.0))  # fixed: learning it sharpened it (AER +0.01)

    def e_step(self, cells: Cells) -> None:
        if self.hmm:
            _hmm_e_step(cells.starts, cells.pm, cells.pn, cells.key, self.out_types, self.out_at,
                        self.dist, self.table, self.null, self.null_t, self.reverse, self.jump,
                        self.post, self.counts, self.null_counts)
            return
        _e_step(cells.starts, cells.pm, cells.pn, cells.key, self.out_types, self.out_at,
                self.dist, self.table, self.null, self.null_t, self.reverse, self.post,
                self.counts, self.null_counts)

    def m_step(self, counts: np.ndarray, strength: float) -> None:
        by_gen = np.bincount(self.kgen, weights=counts, minlength=self.n_gen)
        self.table = (counts + strength * self.prior) / (by_gen[self.kgen] + strength)
        null_t = self.null_counts + 1e-3
        self.null_t = null_t / null_t.sum()


_JUMP = 5


def _train(cells: Cells, sim: np.ndarray, *, iterations: int, diagonal: float, null: float,
           temperature: float, strength: float, hmm: int) -> tuple[np.ndarray, np.ndarray]:
    kw = dict(diagonal=diagonal, null=null, temperature=temperature)
    fwd, rev = _Direction(cells, False, sim, **kw), _Direction(cells, True, sim, **kw)
    for it in range(iterations + hmm):
        fwd.hmm = rev.hmm = it >= iterations
        fwd.e_step(cells)
        rev.e_step(cells)
        if it < iterations + hmm - 1:
            fwd.m_step(fwd.counts, strength)
            rev.m_step(rev.counts, strength)
    return fwd.post, rev.post


@numba.njit(cache=True)
def _e_step(starts: np.ndarray, pm: np.ndarray, pn: np.ndarray, key: np.ndarray,
            out_types: np.ndarray, out_at: np.ndarray, dist: np.ndarray, table: np.ndarray,
            null: float, null_t: np.ndarray, reverse: bool, post: np.ndarray, counts: np.ndarray,
            null_counts: np.ndarray) -> None:  # pragma: no cover - compiled
    """One E step: posteriors of every cell into `post`, expected counts per type pair and
    per NULL-generated type."""
    counts[:] = 0.0
    null_counts[:] = 0.0
    for p in range(len(pm)):
        m, n, base = pm[p], pn[p], starts[p]
        n_out, n_gen = (m, n) if reverse else (n, m)
        if n_gen == 0:
            continue
        step = 1 if reverse else n
        for o in range(n_out):
            first = base + o * n if reverse else base + o
            word = out_types[out_at[p] + o]
            nul = null * null_t[word]
            total = nul
            c = first
            for _ in range(n_gen):
                total += table[key[c]] * dist[c]
                c += step
            c = first
            for _ in range(n_gen):
                v = table[key[c]] * dist[c] / total
                post[c] = v
                counts[key[c]] += v
                c += step
            null_counts[word] += nul / total


def train_posteriors(cells: Cells, sim: np.ndarray, *, iterations: int = 3, diagonal: float = 3.0,
                     null: float = 0.1, temperature: float = 0.1,
                     strength: float = 3.0, hmm: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """(forward, reverse) posteriors per cell after EM; `sim` is the cosine per type pair.

    `iterations` IBM-1 iterations, then `hmm` HMM iterations (the last E step gives the
    posteriors, so hmm=1 decodes IBM-1's table with the HMM's jumps)."""
    return _train(cells, sim, iterations=iterations, diagonal=diagonal, null=null,
                  temperature=temperature, strength=strength, hmm=hmm)


@numba.njit(cache=True)
def _hmm_e_step(starts: np.ndarray, pm: np.ndarray, pn: np.ndarray, key: np.ndarray,
                out_types: np.ndarray, out_at: np.ndarray, dist: np.ndarray, table: np.ndarray,
                null: float, null_t: np.ndarray, reverse: bool, jump: np.ndarray, post: np.ndarray,
                counts: np.ndarray, null_counts: np.ndarray) -> None:  # pragma: no cover - compiled
    """HMM E step (forward-backward, scaled), as `_e_step` but the generating position of each
    generated token depends on the previous one's: p(g | g', o) ~ jump[g - g'] x the diagonal
    prior of (o, g); NULL is mixed into every state's emission."""
    counts[:] = 0.0
    null_counts[:] = 0.0
    for p in range(len(pm)):
        m, n, base = pm[p], pn[p], starts[p]
        n_out, n_gen = (m, n) if reverse else (n, m)
        if n_gen == 0 or n_out == 0:
            continue
        em = np.empty((n_out, n_gen))
        dd = np.empty((n_out, n_gen))
        for o in range(n_out):
            word = out_types[out_at[p] + o]
            for g in range(n_gen):
                c = base + (o * n + g if reverse else g * n + o)
                em[o, g] = (1.0 - null) * table[key[c]] + null * null_t[word]
                dd[o, g] = dist[c]
        # p(g | g', o) = jump[g - g'] * dd[o, g] / norm[o, g']
        # (loops, not array expressions: the same sums in the same order, a third of the compile)
        norm = np.ones((n_out, n_gen))
        buf = np.empty(n_gen)
        tmp = np.empty(n_gen)
        for o in range(1, n_out):
            _jumps(dd[o], jump, True, norm[o])
        alpha = np.empty((n_out, n_gen))
        beta = np.empty((n_out, n_gen))
        for g in range(n_gen):
            alpha[0, g] = dd[0, g] * em[0, g]
        _scale(alpha[0])
        for o in range(1, n_out):
            for g in range(n_gen):
                tmp[g] = alpha[o - 1, g] / norm[o, g]
            _jumps(tmp, jump, False, buf)
            for g in range(n_gen):
                alpha[o, g] = buf[g] * dd[o, g] * em[o, g]
            _scale(alpha[o])
        beta[n_out - 1] = 1.0
        for o in range(n_out - 2, -1, -1):
            for g in range(n_gen):
                tmp[g] = dd[o + 1, g] * em[o + 1, g] * beta[o + 1, g]
            _jumps(tmp, jump, True, buf)
            for g in range(n_gen):
                beta[o, g] = buf[g] / norm[o + 1, g]
            _scale(beta[o])
        for o in range(n_out):
            word = out_types[out_at[p] + o]
            s = 0.0
            for g in range(n_gen):
                s += alpha[o, g] * beta[o, g]
            for g in range(n_gen):
                c = base + (o * n + g if reverse else g * n + o)
                gam = alpha[o, g] * beta[o, g] / s
                real = (1.0 - null) * table[key[c]] / em[o, g]
                post[c] = gam * real
                counts[key[c]] += gam * real
                null_counts[word] += gam * (1.0 - real)


@numba.njit(cache=True)
def _scale(x: np.ndarray) -> None:  # pragma: no cover - compiled
    """x /= x.sum(), summed left to right as numpy's sum does in a compiled kernel."""
    s = 0.0
    for v in x:
        s += v
    for g in range(len(x)):
        x[g] /= s


@numba.njit(cache=True)
def _jumps(x: np.ndarray, jump: np.ndarray, transpose: bool,
           out: np.ndarray) -> None:  # pragma: no cover - compiled
    """out[g] = sum over h of x[h] J(g - h) (transpose: out[h] = sum over g of J(g - h) x[g]),
    J(d) = jump[clip(d, -k, k) + k]: prefix sums for the pooled far jumps, so O(n k), not O(n^2)."""
    n, k = len(x), (len(jump) - 1) // 2
    pre = np.zeros(n + 1)
    for h in range(n):
        pre[h + 1] = pre[h] + x[h]
    far_back, far_on = jump[0], jump[2 * k]
    for g in range(n):
        if transpose:  # g plays h: forward jumps reach x[g + k:], backward x[:g - k + 1]
            v = far_on * (pre[n] - pre[min(g + k, n)]) + far_back * pre[max(g - k + 1, 0)]
            for d in range(-k + 1, k):
                if 0 <= g + d < n:
                    v += jump[d + k] * x[g + d]
        else:
            v = far_on * pre[max(g - k + 1, 0)] + far_back * (pre[n] - pre[min(g + k, n)])
            for d in range(-k + 1, k):
                if 0 <= g - d < n:
                    v += jump[d + k] * x[g - d]
        out[g] = v
