"""The encoder's two-layer n-gram CNN over a padded layout of sentences: the hot loops.

Sentences lie end to end with `PAD` zero rows between them (`Layout`), so
every n-gram window reads plain shifted rows. Per branch:

* the first layer is a sum of precomputed per-token rows (see
  `UseModel._tables`), gathered, summed, rectified and added to the residual
  in one compiled pass (`_first_layer`), instead of numpy's gather of the
  whole (positions, (n + 1) * 256) table followed by n - 1 strided adds;
* the second layer is Winograd F(4, r) (`Winograd`): compiled input
  transforms of 4-position tiles, one batched matmul per group of taps, and
  compiled output transforms; 4.75 products per position over the three
  branches where direct taps need 10;
* bias, ReLU, residual and the row sums and sums of squares that the final
  layer norm needs are one compiled pass too (`_finish`).

Library: numba, as in alignment/lattice.py (`cache=True`; `nogil=True` here,
as micro-batches run on threads). `_first_layer` does numpy's float32
operations in numpy's order (bit-identical); `_finish` accumulates its row
statistics in float64 (numpy summed float32), a difference far below the
2e-6 the tests allow.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numba
import numpy as np

CNN = 256  # channels per branch
PAD = 2  # n-gram windows reach 2 tokens either side
_TILE = 4  # outputs per Winograd tile


@dataclass(frozen=True)
class Layout:
    """Sentences laid end to end with PAD zero rows before, between and after them.

    Why: every n-gram window then reads plain shifted slices (a pad is the
    "outside the sentence" zero), so the second CNN layer is one GEMM per
    window offset over contiguous rows, accumulated in place, instead of a
    gathered copy of each token's window.
    """

    tok: np.ndarray  # (L,) table row per position; pads point at the zero row
    pos: np.ndarray  # (n_tok,) position of each token
    pads: np.ndarray  # positions of the pads inside [PAD, L - PAD)
    zero_row: int  # the table's zero row

    @staticmethod
    def of(lens: np.ndarray, inv: np.ndarray, zero_row: int) -> Layout:
        sent = np.repeat(np.arange(len(lens)), lens)
        pos = np.arange(len(inv)) + PAD * (sent + 1)
        tok = np.full(len(inv) + PAD * (len(lens) + 1), zero_row, dtype=np.int64)
        tok[pos] = inv
        ends = np.cumsum(lens) + PAD * np.arange(1, len(lens) + 1)
        pads = (ends[:-1, None] + np.arange(PAD)).ravel()
        return Layout(tok, pos, pads, zero_row)


@dataclass(frozen=True)
class Winograd:
    """Winograd F(m, r) for a group of r taps: m outputs from m + r - 1 products.

    y_{qm+i} = sum_k h_{qm+i+k} W_k = sum_j at[i, j] (sum_l bt[j, l] h_{qm+l}) @ v[j]
    with v[j] = sum_k g[j, k] W_k (Lavin & Gray's construction, points 0, +-1,
    +-2, +-1/2 and infinity).
    """

    offset: int  # first tap of the group in the window
    at: np.ndarray  # (m, a) output transform, float32
    bt: np.ndarray  # (a, a) input transform, float32
    v: np.ndarray  # (a, 256, 256) transformed weights, float32

    @staticmethod
    def of(taps: list[np.ndarray], offset: int, m: int) -> Winograd:
        at, g, bt = _toom_cook(m, len(taps))
        v = np.einsum("jk,kcd->jcd", g, np.stack(taps).astype(np.float64))
        return Winograd(offset, at.astype(np.float32), bt.astype(np.float32),
                        np.ascontiguousarray(v, dtype=np.float32))


_POINTS = (0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5)


@functools.lru_cache(maxsize=None)
def _toom_cook(m: int, r: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(A^T, G, B^T) of Winograd F(m, r); B^T solved for exactly, then checked.

    A^T and G are Vandermonde in the points (G scaled by 1 / prod_l (p_j - p_l));
    B^T is what makes sum_j A^T[i, j] G[j, k] B^T[j, l] = [l == i + k] hold, a
    linear system solved in float64 and rounded to the 1/64ths its entries are.
    """
    a = m + r - 1
    pts = _POINTS[:a - 1]
    at, g = np.zeros((m, a)), np.zeros((a, r))
    for j, p in enumerate(pts):
        at[:, j] = [p ** i for i in range(m)]
        g[j] = [p ** k / np.prod([p - q for q in pts if q != p]) for k in range(r)]
    at[m - 1, a - 1] = g[a - 1, r - 1] = 1.0
    coef = np.einsum("ij,jk->ikj", at, g)  # (i, k, j): A^T[i, j] G[j, k]
    lhs = np.einsum("ikj,ln->ikljn", coef, np.eye(a)).reshape(m * r * a, a * a)
    rhs = (np.arange(a)[None, None, :] == np.add.outer(np.arange(m), np.arange(r))[..., None])
    bt = np.linalg.lstsq(lhs, rhs.ravel().astype(float), rcond=None)[0].reshape(a, a)
    bt = np.round(bt * 64) / 64
    if np.abs(lhs @ bt.ravel() - rhs.ravel()).max() > 1e-12:
        raise ArithmeticError(f"no exact Winograd F({m}, {r}) over these points")
    return at, g, bt


def winograd_plan(taps: list[np.ndarray], m: int = 4) -> list[Winograd]:
    """A window's taps as Winograd groups of at most 5 taps (points up to +-2, +-1/2).

    Why: F(4, r) takes r + 3 products for 4 outputs where direct taps take 4r:
    4.75 products per position over the 2-, 3- and 5-gram branches instead of
    the 10 of direct taps (7 with F(2,3)/F(2,2)).
    """
    return [Winograd.of(taps[j:j + 5], j, m) for j in range(0, len(taps), 5)]


@numba.njit(cache=True, nogil=True)
def _wino_in(h: np.ndarray, starts: np.ndarray, bt: np.ndarray, u: np.ndarray) -> None:
    """u[j, q] = sum_l bt[j, l] h[starts[q] + l] for every tile q."""
    a, width = bt.shape[0], h.shape[1]
    for q in range(u.shape[1]):
        base = starts[q]
        for j in range(a):
            for c in range(width):
                u[j, q, c] = 0.0
            for l in range(a):
                b = bt[j, l]
                if b != 0.0:
                    for c in range(width):
                        u[j, q, c] += b * h[base + l, c]


@numba.njit(cache=True, nogil=True)
def _wino_out(prod: np.ndarray, at: np.ndarray, y: np.ndarray, accumulate: bool) -> None:
    """y[q m + i] (+)= sum_j at[i, j] prod[j, q] for every tile q."""
    m, a, width = at.shape[0], at.shape[1], y.shape[1]
    for q in range(prod.shape[1]):
        for i in range(m):
            row = q * m + i
            if not accumulate:
                for c in range(width):
                    y[row, c] = 0.0
            for j in range(a):
                b = at[i, j]
                if b != 0.0:
                    for c in range(width):
                        y[row, c] += b * prod[j, q, c]


def winograd(h: np.ndarray, starts: np.ndarray, plan: list[Winograd]) -> np.ndarray:
    """y[q m + i] = sum_k h[starts[q] + i + k] @ W_k over the plan's groups of taps:
    the window outputs of m positions from each tile start."""
    y = np.empty((len(starts) * _TILE, CNN), dtype=np.float32)
    for n, w in enumerate(plan):
        m, a = w.at.shape
        u = np.empty((a, len(starts), CNN), dtype=np.float32)
        _wino_in(h, starts + w.offset, w.bt, u)
        prod = np.matmul(u, w.v)  # a GEMMs; numpy releases the GIL
        _wino_out(prod, w.at, y, n > 0)
    return y


def tiles(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts of Winograd tiles covering sorted positions, and each position's output row.

    Runs of consecutive positions (a join's recomputed tokens) are cut into
    tiles from their first position, so only a run's last tile computes
    positions that are not asked for.
    """
    new_run = np.ones(len(rows), dtype=bool)
    new_run[1:] = rows[1:] != rows[:-1] + 1
    run_start = np.maximum.accumulate(np.where(new_run, np.arange(len(rows)), 0))
    k = (np.arange(len(rows)) - run_start) % _TILE
    starts, tile_of = np.unique(rows - k, return_inverse=True)
    return starts, tile_of * _TILE + k


@numba.njit(cache=True, nogil=True)
def _first_layer(tab: np.ndarray, tok: np.ndarray, n: int, left: int, zero_row: int,
                 h: np.ndarray) -> None:
    """h[p] = relu(sum_j tab[tok[p - left + j], block j + 1]) + tab[tok[p], block 0].

    For every position p in [PAD, L - PAD) that holds a token; h is 0 at pads
    and at the rows outside that range.
    """
    m = h.shape[1]
    acc = np.empty(m, dtype=np.float32)
    h[:PAD] = 0.0
    h[len(tok) - PAD:] = 0.0
    for p in range(PAD, len(tok) - PAD):
        t = tok[p]
        if t == zero_row:
            h[p] = 0.0
            continue
        r = tok[p - left]
        for c in range(m):
            acc[c] = tab[r, m + c]
        for j in range(1, n):
            r, off = tok[p - left + j], (j + 1) * m
            for c in range(m):
                acc[c] += tab[r, off + c]
        for c in range(m):
            v = acc[c]
            h[p, c] = (v if v > 0 else np.float32(0.0)) + tab[t, c]


@numba.njit(cache=True, nogil=True)
def _finish(c: np.ndarray, b: np.ndarray, res: np.ndarray, s1: np.ndarray,
            s2: np.ndarray) -> None:
    """c = relu(c + b) + res in place; each row's sum added to s1, its sum of squares to s2."""
    for i in range(c.shape[0]):
        a, q = 0.0, 0.0
        for k in range(c.shape[1]):
            v = c[i, k] + b[k]
            v = (v if v > 0 else np.float32(0.0)) + res[i, k]
            c[i, k] = v
            a += v
            q += np.float64(v) * v
        s1[i] += a
        s2[i] += q


def first_layer(tab: np.ndarray, lay: Layout, n: int, left: int) -> np.ndarray:
    """The second layer's input at every position, with zero rows at the end for
    the last Winograd tile's reads past the last position."""
    h = np.empty((len(lay.tok) + _TILE + 4, CNN), dtype=np.float32)
    _first_layer(tab, lay.tok, n, left, lay.zero_row, h)
    return h


def branch(tab: np.ndarray, lay: Layout, rows: np.ndarray | None, order: tuple[int, int],
           wino: list[Winograd], b2: np.ndarray, s1: np.ndarray, s2: np.ndarray) -> np.ndarray:
    """A CNN branch's output (residual included) at positions [PAD, L - PAD), or at rows.

    tab: the branch's token table [x | x @ w1_0 | ..]; order: (n-gram order,
    left context); wino: the second layer's Winograd plan.
    Each output row's sum and sum of squares are added to s1 and s2.
    """
    n, left = order
    h = first_layer(tab, lay, n, left)
    n_pos = len(lay.tok) - 2 * PAD
    if rows is None:
        c = winograd(h, np.arange(PAD, PAD + n_pos, _TILE) - left, wino)
        c, res = c[:n_pos], h[PAD:PAD + n_pos]
    else:
        starts, at = tiles(rows)
        c, res = winograd(h, starts - left, wino)[at], h[rows]
    _finish(c, b2, res, s1, s2)
    return c


def compile_kernels() -> None:
    """Each kernel of this module run once on a few zero rows, in both of `branch`'s paths
    (every position, chosen rows), so that numba compiles it or reads it from its disk cache
    before the first sentence is encoded (warm_up.py); the types are those the encoder passes."""
    lay = Layout.of(np.array([3, 2]), np.arange(1, 6, dtype=np.int64), 0)
    order = (2, 0)
    tab = np.zeros((6, (order[0] + 1) * CNN), dtype=np.float32)
    plan = winograd_plan(np.split(np.zeros((order[0] * CNN, CNN), dtype=np.float32), order[0]))
    b2 = np.zeros(CNN, dtype=np.float32)
    for rows in (None, np.array([PAD, PAD + 1], dtype=np.int64)):
        n = len(lay.pos) if rows is None else len(rows)
        branch(tab, lay, rows, order, plan, b2, np.zeros(n), np.zeros(n))
