"""The compiled CNN kernels of alignment.cnn against the plain numpy maths."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment import cnn
from alignment.token_rows import Tables, TokenRows

WIDTH = 8  # channels in these tests (the model has 256)

lengths = st.lists(st.integers(1, 9), min_size=1, max_size=6)


def _layout(lens: list[int], rng: np.random.Generator, n_rows: int = 7) -> cnn.Layout:
    inv = rng.integers(0, n_rows, sum(lens))
    return cnn.Layout.of(np.array(lens), inv, n_rows)


def _first_layer_numpy(tab: np.ndarray, lay: cnn.Layout, n: int, left: int) -> np.ndarray:
    """The maths spelled out: per token, relu(sum of the window's slot vectors) + own vector."""
    w = tab.shape[1] // (n + 1)
    h = np.zeros((len(lay.tok), w), dtype=np.float32)
    for p in lay.pos:
        acc = sum(tab[lay.tok[p - left + j], (j + 1) * w:(j + 2) * w] for j in range(n))
        h[p] = np.maximum(acc, 0) + tab[lay.tok[p], :w]
    return h


@settings(max_examples=40, deadline=None)
@given(lens=lengths, order=st.sampled_from([(2, 0), (3, 1), (5, 2)]), seed=st.integers(0, 99))
def test_first_layer_equals_numpy(lens: list[int], order: tuple[int, int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, left = order
    tab = rng.standard_normal((8, (n + 1) * WIDTH)).astype(np.float32)
    tab[-1] = 0.0  # the zero row the pads point at
    lay = _layout(lens, rng)
    h = np.empty((len(lay.tok) + 8, WIDTH), dtype=np.float32)
    cnn._first_layer(tab, lay.tok, n, left, lay.zero_row, h)
    np.testing.assert_array_equal(h[:len(lay.tok)], _first_layer_numpy(tab, lay, n, left))
    assert not h[len(lay.tok):].any()


@pytest.mark.parametrize("r", [1, 2, 3, 4, 5, 7])
def test_winograd_equals_direct_taps(r: int) -> None:
    rng = np.random.default_rng(r)
    taps = [rng.standard_normal((cnn.CNN, cnn.CNN)).astype(np.float32) / 16 for _ in range(r)]
    h = rng.standard_normal((64, cnn.CNN)).astype(np.float32)
    starts = np.array([0, 4, 9, 30, 41])
    got = cnn.winograd(h, starts, cnn.winograd_plan(taps))
    h64 = h.astype(np.float64)
    want = [sum(h64[s + i + k] @ taps[k] for k in range(r)) for s in starts for i in range(4)]
    np.testing.assert_allclose(got, np.array(want), rtol=0, atol=2e-5 * r)


@given(st.lists(st.integers(0, 40), min_size=1, max_size=30, unique=True))
def test_tiles_cover_each_position_once(positions: list[int]) -> None:
    rows = np.array(sorted(positions))
    starts, at = cnn.tiles(rows)
    assert len(set(at.tolist())) == len(rows)  # every position has its own output row
    np.testing.assert_array_equal(starts[at // 4] + at % 4, rows)
    assert np.all(np.diff(starts) > 0)


@settings(max_examples=30, deadline=None)
@given(n_rows=st.integers(1, 12), seed=st.integers(0, 99))
def test_finish_equals_numpy(n_rows: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    c, res = rng.standard_normal((2, n_rows, WIDTH)).astype(np.float32)
    b = rng.standard_normal(WIDTH).astype(np.float32)
    s1, s2 = rng.standard_normal((2, n_rows))
    want = np.maximum(c + b, 0) + res
    w1 = s1 + want.astype(np.float64).sum(axis=1)
    w2 = s2 + (want.astype(np.float64) ** 2).sum(axis=1)
    cnn._finish(c, b, res, s1, s2)
    np.testing.assert_array_equal(c, want)
    np.testing.assert_allclose(s1, w1, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(s2, w2, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("order", [(2, 0), (3, 1), (5, 2)])
def test_branch_at_rows_equals_whole_layout_and_direct_maths(order: tuple[int, int]) -> None:
    rng = np.random.default_rng(order[0])
    n, left = order
    tab = rng.standard_normal((10, (n + 1) * cnn.CNN)).astype(np.float32) / 4
    tab[-1] = 0.0
    lay = _layout([5, 1, 12, 3, 7], rng, n_rows=9)
    w2 = rng.standard_normal((n * cnn.CNN, cnn.CNN)).astype(np.float32) / 32
    b2 = rng.standard_normal(cnn.CNN).astype(np.float32)
    plan = cnn.winograd_plan(np.split(w2, n))
    h = _first_layer_numpy(tab, lay, n, left).astype(np.float64)
    h = np.vstack([h, np.zeros((cnn.PAD, cnn.CNN))])
    windows = np.stack([h[p - left:p - left + n].ravel() for p in lay.pos])
    want = np.maximum(windows @ w2 + b2, 0) + h[lay.pos]
    s1, s2 = np.zeros(len(lay.tok) - 2 * cnn.PAD), np.zeros(len(lay.tok) - 2 * cnn.PAD)
    whole = cnn.branch(tab, lay, None, order, plan, b2, s1, s2)[lay.pos - cnn.PAD]
    np.testing.assert_allclose(whole, want, atol=1e-4)
    np.testing.assert_allclose(s1[lay.pos - cnn.PAD], want.sum(axis=1), rtol=1e-5)
    rows = lay.pos[[0, 1, 2, 5, 7, 8, 9, 10, 11, 20]]
    r1, r2 = np.zeros(len(rows)), np.zeros(len(rows))
    picked = cnn.branch(tab, lay, rows, order, plan, b2, r1, r2)
    np.testing.assert_allclose(picked, whole[np.searchsorted(lay.pos, rows)], atol=1e-5)
    np.testing.assert_allclose(r2, s2[rows - cnn.PAD], rtol=1e-5)


def _fake_rows(tokens: np.ndarray, out: Tables) -> None:
    """Rows whose values are their token id."""
    out.emb[:] = tokens[:, None]
    out.emb_sum[:], out.emb_sq[:] = tokens, 2 * tokens
    out.cnn[0][:] = tokens[:, None]


_SHAPES = [((3,), np.float32), ((), np.float64), ((), np.float64), ((5,), np.float32)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(0, 30), min_size=0, max_size=12, unique=True),
                min_size=1, max_size=8))
def test_token_rows_hold_each_batch_and_compute_only_unseen_tokens(batches: list[list[int]]) -> None:
    rows, held = TokenRows(31, _SHAPES), set()
    for batch in batches:
        uniq = np.array(sorted(batch), dtype=np.int64)
        asked: list[np.ndarray] = []
        tables, slots = rows.rows(uniq, lambda new, out: asked.append(new) or _fake_rows(new, out))
        assert not {t for new in asked for t in new.tolist()} & held  # held rows are reused
        np.testing.assert_array_equal(tables.emb[slots, 0], uniq)  # each token in its slot
        np.testing.assert_array_equal(tables.emb_sq[slots], 2 * uniq)
        np.testing.assert_array_equal(tables.cnn[0][slots, 1], uniq)
        assert len(set(slots.tolist())) == len(uniq)
        zero = len(tables.emb)  # the pad row stays zero, last
        assert tables.emb_sum[zero] == 0 and not tables.cnn[0][zero].any()
        held = set(np.flatnonzero(rows._slot >= 0).tolist())
        assert set(batch) <= held and len(rows) <= max(1, int(1.25 * 12) + 12)
