"""A small statistical word-alignment model: IBM-1 with fast_align's diagonal prior, by EM.

Trained on the sentence pairs of the text being read, in both directions, it learns which
words translate which from their co-occurrence, where the encoder's word vectors are weak
(function words, inflections). Two choices make it work from a few dozen pairs:
- the translation table starts from, and is smoothed towards, the encoder's cosine (a
  Dirichlet prior: pseudo-counts proportional to softmax(cosine / temperature)), so rare words
  are not left to chance;
- the position prior of fast_align (Dyer et al. 2013): p(i | j) proportional to
  exp(-lambda |i/m - j/n|), plus a NULL word.
Everything works over one flat array of cells (one per token pair of every sentence pair,
7.5 million for 5,000 book sentence pairs), kept to 4 bytes a cell plus the posteriors: the
E step and the position prior are numba loops (compiled once and cached on disk, as
lattice.py) that derive positions from the cell index, the M step is numpy. No C extension
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


def _posteriors(cells: Cells, reverse: bool, sim: np.ndarray, *, iterations: int,
                diagonal: float, null: float, temperature: float, strength: float) -> np.ndarray:
    """Per cell (float32), the posterior that the generated token aligns to the generating one.

    Forward: target tokens are generated by source tokens; reverse swaps the roles.
    """
    kgen = cells.ke if reverse else cells.kf
    out_types = cells.src if reverse else cells.tgt
    out_at = cells.src_at if reverse else cells.tgt_at
    dist = np.empty(len(cells.key), dtype=np.float32)
    _position_prior(cells.starts, cells.pm, cells.pn, diagonal, reverse, dist)
    dist *= np.float32(1.0 - null)
    prior = _prior(kgen, sim, temperature)
    table = prior.copy()
    n_out = int(out_types.max()) + 1 if len(out_types) else 1
    null_t = np.full(n_out, 1.0 / n_out)
    n_gen = int(kgen.max()) + 1 if len(kgen) else 1
    post = np.zeros(len(cells.key), dtype=np.float32)
    counts = np.zeros(len(sim))
    null_counts = np.zeros(n_out)
    for _ in range(iterations):
        _e_step(cells.starts, cells.pm, cells.pn, cells.key, out_types, out_at, dist, table,
                null, null_t, reverse, post, counts, null_counts)
        by_gen = np.bincount(kgen, weights=counts, minlength=n_gen)
        table = (counts + strength * prior) / (by_gen[kgen] + strength)
        null_t = null_counts + 1e-3
        null_t /= null_t.sum()
    return post


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


def train_posteriors(cells: Cells, sim: np.ndarray, *, iterations: int = 5, diagonal: float = 4.0,
                     null: float = 0.1, temperature: float = 0.1,
                     strength: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """(forward, reverse) posteriors per cell after EM; `sim` is the cosine per type pair."""
    kw = dict(iterations=iterations, diagonal=diagonal, null=null, temperature=temperature,
              strength=strength)
    return (_posteriors(cells, False, sim, **kw), _posteriors(cells, True, sim, **kw))
