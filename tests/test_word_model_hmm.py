"""The compiled HMM E step of the word links (word_model._hmm_e_step) against a plain numpy
forward-backward over dense jump matrices: the kernel's loops (written for a short compile) must
give the same posteriors and expected counts, both directions, pairs of every shape."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.word_model import _JUMP, _Direction, build_cells


def jumps(n: int, jump: np.ndarray) -> np.ndarray:
    """J[g, h] = jump[clip(g - h, -k, k) + k]: the weight of a step from h to g."""
    g = np.arange(n)
    return jump[np.clip(g[:, None] - g[None, :], -_JUMP, _JUMP) + _JUMP]


def reference(cells, d: _Direction) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(posteriors, counts, NULL counts) by the textbook scaled forward-backward."""
    post = np.zeros(len(cells.key))
    counts, null_counts = np.zeros(len(d.counts)), np.zeros(len(d.null_counts))
    for p in range(len(cells.pm)):
        m, n, base = cells.pm[p], cells.pn[p], cells.starts[p]
        n_out, n_gen = (m, n) if d.reverse else (n, m)
        if not n_out or not n_gen:
            continue
        o, g = np.meshgrid(np.arange(n_out), np.arange(n_gen), indexing="ij")
        c = base + (o * n + g if d.reverse else g * n + o)
        words = d.out_types[d.out_at[p]:d.out_at[p] + n_out]
        em = (1 - d.null) * d.table[cells.key[c]] + d.null * d.null_t[words][:, None]
        dd = d.dist[c].astype(float)
        J = jumps(n_gen, d.jump)
        norm = np.ones((n_out, n_gen))
        norm[1:] = dd[1:] @ J            # norm[o, h] = sum over g of J[g, h] dd[o, g]
        alpha, beta = np.empty((n_out, n_gen)), np.ones((n_out, n_gen))
        alpha[0] = dd[0] * em[0] / (dd[0] * em[0]).sum()
        for k in range(1, n_out):
            a = J @ (alpha[k - 1] / norm[k]) * dd[k] * em[k]
            alpha[k] = a / a.sum()
        for k in range(n_out - 2, -1, -1):
            b = J.T @ (dd[k + 1] * em[k + 1] * beta[k + 1]) / norm[k + 1]
            beta[k] = b / b.sum()
        gamma = alpha * beta / (alpha * beta).sum(axis=1, keepdims=True)
        real = (1 - d.null) * d.table[cells.key[c]] / em
        post[c] = gamma * real
        np.add.at(counts, cells.key[c], gamma * real)
        np.add.at(null_counts, words, (gamma * (1 - real)).sum(axis=1))
    return post, counts, null_counts


@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_compiled_hmm_step_is_the_textbook_forward_backward(reverse: bool, seed: int) -> None:
    rng = np.random.default_rng(seed)
    sizes = [0, 1, 2, 3, 7, 12, 20]   # a side with no word, one word, and longer than the jumps
    src = [rng.integers(0, 15, rng.choice(sizes)) for _ in range(12)]
    tgt = [rng.integers(0, 15, rng.choice(sizes)) for _ in range(12)]
    cells = build_cells(src, tgt)
    sim = rng.uniform(-0.2, 1.0, len(cells.kf))
    d = _Direction(cells, reverse, sim, diagonal=3.0, null=0.1, temperature=0.1)
    d.table = d.table * rng.uniform(0.5, 1.5, len(d.table))   # not the prior: every term counts
    d.null_t = rng.dirichlet(np.ones(len(d.null_t)))
    d.hmm = True
    d.e_step(cells)
    post, counts, null_counts = reference(cells, d)
    assert d.post.any()
    np.testing.assert_allclose(d.post, post, rtol=1e-5, atol=1e-7)   # post is float32
    np.testing.assert_allclose(d.counts, counts, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(d.null_counts, null_counts, rtol=1e-9, atol=1e-12)
