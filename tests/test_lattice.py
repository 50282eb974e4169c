"""The compiled band lattice against brute force and against numpy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from alignment.lattice import Band, Lattice, _logaddexp, band_around, dense_dots, sparse_dots

TYPES = [(1, 0), (1, 1), (2, 1), (1, 2), (2, 2), (3, 1)]


def random_lattice(seed: int, n: int, m: int, narrow: bool):
    """Random scores (some -inf) on a random band of an n x m lattice."""
    rng = np.random.default_rng(seed)
    if narrow:  # around a random path, as the aligner makes its bands
        nodes, i, j = [(0, 0)], 0, 0
        while (i, j) != (n, m):
            di, dj = [(1, 0), (0, 1), (1, 1)][rng.integers(3)]
            i, j = min(i + di, n), min(j + dj, m)
            nodes.append((i, j))
        band = band_around(nodes, n, m, int(rng.integers(1, 3)))
    else:
        band = Band(np.zeros(n + 1, np.int64), m + 1)
    scores = []
    for a, b in TYPES:
        arr = rng.normal(0, 1, (n + 1, band.width))
        if b:  # 1-0 and 0-1 links stay finite: a path through the band always exists
            arr[rng.random(arr.shape) < 0.2] = -np.inf
        scores.append((a, b, arr))
    ins = np.concatenate([[0.0], rng.normal(-0.5, 0.3, m)])
    return Lattice(scores, band, n, m, ins)


def in_band(lat: Lattice, i: int, j: int) -> bool:
    return 0 <= j - lat.band.lo[i] < lat.band.width


def all_paths(lat: Lattice, i: int = 0, j: int = 0):
    """(score, links) of every monotone path from (i, j) to (n, m) that stays in the band."""
    if (i, j) == (lat.n, lat.m):
        yield 0.0, []
        return
    steps = [(a, b, lat.stack[t]) for t, (a, b) in enumerate(lat.types)] + [(0, 1, None)]
    for a, b, arr in steps:
        ni, nj = i + a, j + b
        if ni > lat.n or nj > lat.m or not in_band(lat, ni, nj):
            continue
        step = lat.ins[nj] if arr is None else arr[ni, nj - lat.band.lo[ni]]
        if step == -np.inf:
            continue
        for rest, links in all_paths(lat, ni, nj):
            link = (tuple(range(i, ni)), tuple(range(j, nj)))
            yield step + rest, [link] + links


def path_score(lat: Lattice, links) -> float:
    index = {ab: t for t, ab in enumerate(lat.types)}
    total, i, j = 0.0, 0, 0
    for s, t in links:
        i, j = i + len(s), j + len(t)
        if not s:
            total += lat.ins[j]
        else:
            total += lat.stack[index[(len(s), len(t))], i, j - lat.band.lo[i]]
    return total


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 4), m=st.integers(1, 4), narrow=st.booleans())
def test_sweeps_match_brute_force(seed, n, m, narrow):
    lat = random_lattice(seed, n, m, narrow)
    paths = list(all_paths(lat))
    assert paths
    best = max(score for score, _ in paths)
    links = lat.viterbi()
    assert path_score(lat, links) == pytest.approx(best, abs=1e-9 * (n + m + 1))
    total = np.logaddexp.reduce([score for score, _ in paths])
    fwd, bwd = lat.forward(), lat.backward()
    assert fwd[n, m - lat.band.lo[n]] == pytest.approx(total, abs=1e-9)
    assert bwd[0, 0] == pytest.approx(total, abs=1e-9)
    for i in range(n + 1):  # forward + backward at a cell: the paths through it
        for c in range(lat.band.width):
            j = lat.band.lo[i] + c
            through = [score for score, p in paths if (i, j) in _nodes(p)]
            expected = np.logaddexp.reduce(through) if through else -np.inf
            assert fwd[i, c] + bwd[i, c] == pytest.approx(expected, abs=1e-9)


def _nodes(links) -> set[tuple[int, int]]:
    i = j = 0
    out = {(0, 0)}
    for s, t in links:
        i, j = i + len(s), j + len(t)
        out.add((i, j))
    return out


@pytest.mark.parametrize("one_one, expected", [
    (-1.0, [((0,), (0,))]),
    (-1.0 - 1e-12, [((0,), (0,))]),
    (-1.0 - 1e-6, [((0,), ()), ((), (0,))]),
])
def test_a_link_beats_an_insertion_unless_it_loses_by_1e_9(one_one, expected):
    """1-1, or 1-0 then 0-1 (-0.5 each): the insertion must win by 1e-9, as it always had to."""
    band = Band(np.zeros(2, np.int64), 2)
    one_one = np.array([[-np.inf, -np.inf], [-np.inf, one_one]])
    one_zero = np.array([[-np.inf, -np.inf], [-0.5, -np.inf]])
    lat = Lattice([(1, 0, one_zero), (1, 1, one_one)], band, 1, 1, np.array([0.0, -0.5]))
    assert lat.viterbi() == expected


VALUES = [-np.inf, np.inf, 0.0, -0.0, 1.0, -1.0, 0.5, -3e5, -3e5 + 1e-9, -2.9e5, 41.0, 1e-300, -40.5]


@pytest.mark.parametrize("x", VALUES)
@pytest.mark.parametrize("y", VALUES)
def test_logaddexp_is_numpys_to_the_bit(x, y):
    expected = np.logaddexp(x, y)
    got = _logaddexp(x, y)
    assert (math.isnan(got) and math.isnan(expected)) or got == expected


def test_logaddexp_random_to_the_bit():
    rng = np.random.default_rng(3)
    x = rng.normal(0, 1, 5000) * 10.0 ** rng.integers(-3, 6, 5000)
    y = x + rng.normal(0, 1, 5000) * 10.0 ** rng.integers(-3, 3, 5000)
    got = np.array([_logaddexp(a, b) for a, b in zip(x, y)])
    assert np.array_equal(got, np.logaddexp(x, y))


def test_dense_dots_are_the_dot_products():
    rng = np.random.default_rng(5)
    rows = rng.normal(size=(30, 64)).astype(np.float32)
    cols = rng.normal(size=(40, 64)).astype(np.float32)
    si = rng.integers(0, 30, 12)
    ts = rng.integers(0, 40, (12, 7))  # a width that is not a multiple of 4
    expected = np.einsum("rd,rwd->rw", rows[si].astype(np.float64), cols[ts].astype(np.float64))
    got = dense_dots(rows, cols, si, ts)
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, expected, atol=1e-4)


def test_sparse_dots_equal_scipys_product_to_the_bit():
    rng = np.random.default_rng(6)
    rows = sparse.random(30, 50, density=0.1, format="csr", dtype=np.float32, random_state=1)
    cols = sparse.random(40, 50, density=0.1, format="csr", dtype=np.float32, random_state=2)
    si = rng.integers(0, 30, 12)
    ts = rng.integers(0, 40, (12, 5))
    full = (rows @ cols.T).toarray()
    assert np.array_equal(sparse_dots(rows, cols, si, ts), full[si[:, None], ts])


def test_a_lattice_takes_all_scores_stack_without_copying_it(fake_embedder):
    """all_scores writes every type into one stack and Lattice takes it as it is
    (a copy is 95 MB at 10k x 10k); arrays of other origins are copied, and the
    lattice's results are the same either way."""
    import alignment.align as A
    from alignment.align_config import AlignConfig
    from alignment.lattice import Lattice, band_around
    from alignment.scoring import all_scores
    from test_align import sents, tr

    src = [f"Kowalski{k} wrote {k + 3} letters from Lisbon{k} in {1900 + k}." for k in range(9)]
    cfg = AlignConfig()
    s, t = A._features(sents(src), sents([tr(x) for x in src]), fake_embedder, cfg)
    band = band_around(A._first_path(s, t, cfg, 1.0), len(src), len(src), cfg.window)
    scores = all_scores(s, t, band, A._link_types(cfg), cfg, 1.0)
    ins = A._insertions(t, cfg)
    shared = Lattice(scores, band, len(src), len(src), ins)
    copied = Lattice([(a, b, arr.copy()) for a, b, arr in scores], band, len(src), len(src), ins)
    assert shared.stack is scores[0][2].base
    assert copied.stack is not scores[0][2].base and np.array_equal(shared.stack, copied.stack)
    assert shared.viterbi() == copied.viterbi()
