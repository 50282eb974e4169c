"""The banded lattice of the aligner: band geometry, band dot products, DP sweeps.

A band keeps, for each source position i, the target positions lo[i] ..
lo[i] + width - 1 (align.py explains how the band is chosen). Everything here
is a loop over band cells; the loops are short and numerous (10,000 rows x
44 cells x 27 link types for a novel), so interpreting them costs more than
the arithmetic.

Library: numba compiles those loops (`cache=True`: the ~10 s compile is paid
on the first run after an install, later processes load the machine code).
It replaced per-row numpy calls (25 vector operations per row and sweep, each
on 44 numbers) and BLAS products over the bounding box of 128-row chunks
(4-5 times the cells the band needs). One best-path kernel serves Viterbi
and the MBR path (mbr.py: the same lattice scored by posteriors); it takes
0-1 links cell by cell where Viterbi used prefix sums of their scores (the
dev and 10k figures came out the same to the last digit). The forward and backward
sweeps sum the link types ending at a cell as a running log-sum (one exp a
term, where np.logaddexp.reduce took an exp and a log1p; MBR decoding runs
several of these sweeps), so they agree with numpy to about 1e-15, not to the
bit; the insertion scans keep `np.logaddexp` rebuilt from numpy's own
definition. No fastmath, as -inf must stay -inf. The sweeps release the GIL
(`nogil`), so mbr.py can run several at once. The dot products may
reassociate their sums (float32, like the BLAS they replace).

Tried and dropped (issue 15, session 10): a band of one width per row (the
cells of a row ending at its own reach, 24 at the median against the 44 of the
widest row at 10k x 10k sentences): the sweeps and scores would skip 43% of
the cells, but the 10k F1 fell 0.886 -> 0.872 (0.884 with 12 cells more a
row): the extra cells of the one-width band rescue links where the first path
strays. Dev figures did not move, which is why the 10k text is checked too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numba
import numpy as np
from scipy import sparse

_NEG = -np.inf
_LN2 = math.log(2.0)  # numpy's NPY_LOGE2, to the last bit
_FAINT = -37.5  # a log-sum term this far below the largest changes nothing (_lse_add)


@dataclass(frozen=True)
class Band:
    """Cells (i, lo[i] + c) for c < width of the DP lattice."""

    lo: np.ndarray
    width: int


def band_around(nodes: list[tuple[int, int]], n: int, m: int, w: int) -> Band:
    """Cells within w rows and w columns of a path."""
    rmin = np.full(n + 1, m, int)
    rmax = np.zeros(n + 1, int)
    for i, j in nodes:
        rmin[i] = min(rmin[i], j)
        rmax[i] = max(rmax[i], j)
    lo = rmin[np.maximum(np.arange(n + 1) - w, 0)] - w
    hi = rmax[np.minimum(np.arange(n + 1) + w, n)] + w
    return fit_band(lo, hi, m)


def expand_band(band: Band, f: int, n: int, m: int) -> Band:
    """The band of a lattice of f-sentence blocks, on the sentence lattice."""
    rows = np.arange(n + 1) // f
    lo = band.lo[rows] * f
    hi = np.minimum((band.lo[rows] + band.width) * f, m)
    return fit_band(lo, hi, m)


def fit_band(lo: np.ndarray, hi: np.ndarray, m: int) -> Band:
    """A band of one width covering lo[i]..hi[i], with lo non-decreasing."""
    lo = np.clip(lo, 0, m)
    hi = np.clip(hi, 0, m)
    lo[0], hi[-1] = 0, m
    width = int(min(m + 1, (hi - lo).max() + 1))
    lo = np.minimum(np.maximum.accumulate(lo), m + 1 - width)
    return Band(lo.astype(np.int64), width)


# ---------------------------------------------------------------- dot products

@numba.njit(cache=True, nogil=True)
def band_runs(lo, a, b, m, first, stop):
    """Start of the target run of the a-b link of cells (i, lo[i] + c), first <= c < stop,
    rows a..n: clip(j - b, 0, m - b). (The source run of row i starts at i - a.)"""
    out = np.empty((lo.shape[0] - a, stop - first), np.int64)
    for i in range(a, lo.shape[0]):
        for c in range(first, stop):
            out[i - a, c - first] = min(max(lo[i] + c - b, 0), m - b)
    return out


def dense_dots(rows: np.ndarray, cols: np.ndarray, si: np.ndarray, ts: np.ndarray) -> np.ndarray:
    """rows[si[r]] . cols[ts[r, w]] for every (r, w), as float32."""
    return _dense_dots(np.ascontiguousarray(rows, np.float32), np.ascontiguousarray(cols, np.float32),
                       np.ascontiguousarray(si, np.int64), np.ascontiguousarray(ts, np.int64))


@numba.njit(cache=True, nogil=True, fastmath={"reassoc", "contract"})
def _dense_dots(rows, cols, si, ts):
    n_rows, width = ts.shape
    out = np.empty((n_rows, width), np.float32)
    last = width - 1
    for r in range(n_rows):
        x = rows[si[r]]
        for c in range(0, width, 4):
            d = _dot4(x, cols[ts[r, c]], cols[ts[r, min(c + 1, last)]],
                      cols[ts[r, min(c + 2, last)]], cols[ts[r, min(c + 3, last)]])
            for k in range(min(4, width - c)):
                out[r, c + k] = d[k]
    return out


@numba.njit(cache=True, nogil=True, fastmath={"reassoc", "contract"})
def _dot4(x, y0, y1, y2, y3):
    """x . y0 .. x . y3: four dot products share the loads of x."""
    d0 = d1 = d2 = d3 = np.float32(0.0)
    for k in range(x.shape[0]):
        d0 += x[k] * y0[k]
        d1 += x[k] * y1[k]
        d2 += x[k] * y2[k]
        d3 += x[k] * y3[k]
    return d0, d1, d2, d3


@numba.njit(cache=True, nogil=True)
def dot32(x, y):
    """x . y for float32 vectors, rounded as dense_dots rounds it."""
    return _dot4(x, y, y, y, y)[0]


def sparse_dots(rows: sparse.csr_matrix, cols: sparse.csr_matrix, si: np.ndarray,
                ts: np.ndarray) -> np.ndarray:
    """rows[si[r]] . cols[ts[r, w]] for every (r, w), as float32.

    Summed in the order scipy's sparse product uses (the entries of the row of
    `rows`, as stored), so the results are those of `rows @ cols.T`."""
    return _sparse_dots(rows.indptr, rows.indices, rows.data.astype(np.float32, copy=False),
                        cols.indptr, cols.indices, cols.data.astype(np.float32, copy=False),
                        np.ascontiguousarray(si, np.int64), np.ascontiguousarray(ts, np.int64))


@numba.njit(cache=True, nogil=True)
def _sparse_dots(rp, rj, rx, cp, cj, cx, si, ts):
    n_rows, width = ts.shape
    out = np.zeros((n_rows, width), np.float32)
    for r in range(n_rows):
        start, end = rp[si[r]], rp[si[r] + 1]
        if start == end:
            continue
        for c in range(width):
            col = ts[r, c]
            acc = np.float32(0.0)
            for p in range(start, end):
                for q in range(cp[col], cp[col + 1]):
                    if cj[q] == rj[p]:
                        acc += rx[p] * cx[q]
            out[r, c] = acc
    return out


# ---------------------------------------------------------------- DP sweeps

class Lattice:
    """Scores of every link type over a band, stacked, with the DP sweeps.

    stack[t, i, c] scores the link of type t = (a, b) ending at cell
    (i, lo[i] + c); 0-1 links (target insertions) score ins[j] and run along a row.
    """

    def __init__(self, scores, band: Band, n: int, m: int, ins: np.ndarray) -> None:
        self.types = [(a, b) for a, b, _ in scores]
        self.stack = _stacked([arr for _, _, arr in scores])
        self.band, self.n, self.m, self.ins = band, n, m, ins
        self.gains = np.cumsum(ins)  # row i's insertion prefix sums: gains[lo[i]:][:width]
        self.ta = np.array([a for a, _ in self.types], np.int64)
        self.tb = np.array([b for _, b in self.types], np.int64)
        self.lo = np.ascontiguousarray(band.lo, np.int64)
        self._sweeps: tuple[float, np.ndarray, np.ndarray] | None = None

    def viterbi(self) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        """Best monotone path; returns links as (src indexes, tgt indexes)."""
        back, _ = best_path(self.stack, self.ins_cells(self.ins), self.ta, self.tb, self.lo, self.m, 0.0,
                            self.stack)
        return links_from_back(back, self.types, self.band.lo, self.n, self.m)

    def ins_cells(self, ins: np.ndarray) -> np.ndarray:
        """ins[j] (per target sentence) as the score of the 0-1 link ending at each cell."""
        return ins[np.minimum(self.lo[:, None] + np.arange(self.band.width), len(ins) - 1)]

    def forward(self) -> np.ndarray:
        """Log-sum over all paths from (0, 0) to each cell."""
        return _forward(self.stack, self.ta, self.tb, self.lo, self.gains, 1.0)

    def backward(self) -> np.ndarray:
        """Log-sum over all paths from each cell to (n, m)."""
        return _backward(self.stack, self.ta, self.tb, self.lo, self.gains, self.m, 1.0)

    def sweeps(self, temp: float, pool=None) -> tuple[np.ndarray, np.ndarray]:
        """forward() and backward() of the scores divided by `temp`, kept for the
        last temperature asked: MBR decoding (mbr.py) and the confidence of the
        chosen links read the same ones. The kernels divide as they read (no
        scaled copy of the stack: 95 MB a lattice at 10k x 10k). `pool` (a
        ThreadPoolExecutor): the backward sweep runs there meanwhile."""
        if self._sweeps is None or self._sweeps[0] != temp:
            gains = np.cumsum(self.ins / temp)
            args = (self.stack, self.ta, self.tb, self.lo, gains)
            with np.errstate(invalid="ignore", over="ignore"):
                later = pool.submit(_backward, *args, self.m, temp) if pool is not None else None
                fwd = _forward(*args, temp)
                bwd = later.result() if later is not None else _backward(*args, self.m, temp)
            self._sweeps = (temp, fwd, bwd)
        return self._sweeps[1], self._sweeps[2]


def _stacked(arrays: list[np.ndarray]) -> np.ndarray:
    """The arrays as one (types, rows, width) float64 stack, read only: the array
    they are the rows of, in order, when there is one (scoring.all_scores makes
    them so), else a copy. Why: a copy is 95 MB at 10k x 10k sentences, and an
    alignment builds five or six lattices."""
    base = arrays[0].base if arrays else None
    if (isinstance(base, np.ndarray) and base.ndim == 3 and len(base) == len(arrays)
            and base.dtype == np.float64 and base.flags.c_contiguous
            and all(a.base is base and a.shape == base.shape[1:]
                    and a.ctypes.data == base[k].ctypes.data for k, a in enumerate(arrays))):
        return base
    return np.ascontiguousarray(np.stack(arrays), np.float64)


def links_from_back(back: np.ndarray, types, lo: np.ndarray, n: int, m: int):
    """The links of the path that back-pointers (type index, -1 for 0-1) give, from (n, m)."""
    links = []
    i, j = n, m
    while i > 0 or j > 0:
        t = back[i, j - lo[i]]
        a, b = (0, 1) if t < 0 else types[t]
        links.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return links[::-1]


@numba.njit(inline="always")
def _logaddexp(x, y):
    """numpy's npy_logaddexp, operation for operation.

    But where the result is the larger term to the last bit: when the gap
    exceeds 40, log1p(exp(-gap)) < 4.3e-18, under half an ulp of any |x| >= 1."""
    if x == y:
        return x + _LN2
    tmp = x - y
    if tmp > 0:
        if tmp > 40.0 and abs(x) >= 1.0:
            return x
        return x + math.log1p(math.exp(-tmp))
    if tmp <= 0:
        if tmp < -40.0 and abs(y) >= 1.0:
            return y
        return y + math.log1p(math.exp(tmp))
    return tmp


@numba.njit(inline="always")
def band_span(shift, width):
    """Cells c of a row whose source cell c + shift is inside the band."""
    return max(0, -shift), min(width, width - shift)


@numba.njit(cache=True, nogil=True)
def best_path(stack, ins_cell, ta, tb, lo, m, theta, forbid):
    """Back-pointers of the best path (the type of the last link, or -1 for a
    0-1 link) and its score: links score stack[t, i, c] - theta, a 0-1 link
    ending at cell (i, c) ins_cell[i, c] - theta; -inf forbids either, as does
    -inf in forbid[t, i, c]. Viterbi of this lattice (theta 0, forbid the
    stack itself), and the MBR path over posteriors (mbr.py: theta and the
    lattice's forbidden links read here, not applied to copies of the
    posteriors at every round).

    Ties go to the first type, as np.argmax; a 0-1 link must win by 1e-9."""
    n_types, n_rows, width = stack.shape
    best = np.full((n_rows, width), _NEG)
    back = np.zeros((n_rows, width), np.int8)
    x = np.empty(width)
    arg = np.empty(width, np.int64)
    for i in range(n_rows):
        x[:] = _NEG
        arg[:] = 0
        for t in range(n_types):
            a = ta[t]
            if i < a:
                continue
            shift = lo[i] - tb[t] - lo[i - a]
            start, end = band_span(shift, width)
            for c in range(start, end):
                if forbid[t, i, c] == _NEG:
                    continue
                v = best[i - a, c + shift] + (stack[t, i, c] - theta)
                if v > x[c]:
                    x[c] = v
                    arg[c] = t
        if i == 0:
            x[0] = 0.0
        for c in range(width):
            b, k = x[c], arg[c]
            if c > 0:
                v = best[i, c - 1] + (ins_cell[i, c] - theta)
                if v > b + 1e-9:
                    b, k = v, -1
            best[i, c] = b
            back[i, c] = k
    return back, best[n_rows - 1, m - lo[n_rows - 1]]


@numba.njit(inline="always")
def _lse_add(xm, xs, c, v):
    """Add exp(v) to the running log-sum of cell c, kept as xm[c] + log(xs[c])
    (xm the largest term so far): one exp per term, where logaddexp took an exp
    and a log1p. v = -inf adds nothing, nor does a term more than -_FAINT below
    the largest: xs >= 1 and exp(-37.5) < 2^-54 is under half an ulp of it, so
    the sum would round back to xs (at temperature 0.05 most terms are so)."""
    if v > xm[c]:
        xs[c] = xs[c] * math.exp(xm[c] - v) + 1.0
        xm[c] = v
    elif v - xm[c] > _FAINT:
        xs[c] += math.exp(v - xm[c])


@numba.njit(inline="always")
def _lse_row(xm, xs, x):
    """x[c] = the log-sums _lse_add kept; -inf where no term came."""
    for c in range(x.shape[0]):
        x[c] = xm[c] + math.log(xs[c]) if xm[c] != _NEG else _NEG


@numba.njit(cache=True, nogil=True)
def _forward(stack, ta, tb, lo, gains, temp):
    """Log-sum over the link types ending at each cell (scores divided by `temp`),
    then the row's insertion scan (`gains`: prefix sums of the divided insertions)."""
    n_types, n_rows, width = stack.shape
    fwd = np.full((n_rows, width), _NEG)
    x, xm, xs = np.empty(width), np.empty(width), np.empty(width)
    for i in range(n_rows):
        xm[:] = _NEG
        xs[:] = 0.0
        for t in range(n_types):
            a = ta[t]
            if i < a:
                continue
            shift = lo[i] - tb[t] - lo[i - a]
            start, end = band_span(shift, width)
            for c in range(start, end):
                _lse_add(xm, xs, c, fwd[i - a, c + shift] + stack[t, i, c] / temp)
        _lse_row(xm, xs, x)
        if i == 0:
            x[0] = 0.0
        acc = _NEG
        for c in range(width):
            gain = gains[lo[i] + c]
            d = x[c] - gain
            acc = d if c == 0 else _logaddexp(acc, d)
            fwd[i, c] = gain + acc
    return fwd


@numba.njit(cache=True, nogil=True)
def _backward(stack, ta, tb, lo, gains, m, temp):
    n_types, n_rows, width = stack.shape
    bwd = np.full((n_rows, width), _NEG)
    y, ym, ys = np.empty(width), np.empty(width), np.empty(width)
    for i in range(n_rows - 1, -1, -1):
        ym[:] = _NEG
        ys[:] = 0.0
        for t in range(n_types):
            a = ta[t]
            if i + a >= n_rows:
                continue
            shift = lo[i] + tb[t] - lo[i + a]
            start, end = band_span(shift, width)
            for c in range(start, end):
                _lse_add(ym, ys, c, stack[t, i + a, c + shift] / temp + bwd[i + a, c + shift])
        _lse_row(ym, ys, y)
        if i == n_rows - 1:
            y[m - lo[i]] = 0.0
        acc = _NEG
        for c in range(width - 1, -1, -1):
            gain = gains[lo[i] + c]
            acc = y[c] + gain if c == width - 1 else _logaddexp(acc, y[c] + gain)
            bwd[i, c] = acc - gain
    return bwd
