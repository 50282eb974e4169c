"""The encoder's batching and run arithmetic (alignment.use_model): how the work is
cut or rearranged must not change what the aligner gets, beyond float rounding."""

from __future__ import annotations

import numpy as np
import pytest

from alignment import use_model
from alignment.embed import UseEmbedder, join_window

TEXT = [
    "The train left the station at dawn.",
    "Nobody on the platform noticed the man in the grey coat.",
    "He carried a small suitcase and a newspaper folded twice.",
    "Yes.",
    "At the first stop, he stepped off without a word.",
    "Le contrôleur affirma plus tard qu'il ne l'avait jamais vu.",
    "Trois jours après, la police retrouva la valise dans un champ.",
    "No!",
    "Sie enthielt Briefe in einem Code, den niemand lesen konnte.",
    "One of them was addressed to a printer in Lyon.",
]


@pytest.fixture(scope="module")
def use() -> UseEmbedder:
    return UseEmbedder(threads=2)


def _encode(use: UseEmbedder) -> tuple[use_model.Parts, np.ndarray]:
    model, tok = use._load()
    ids = tok(TEXT)
    return model.encode(ids, [join_window(a, b) for a, b in zip(ids[:-1], ids[1:])], threads=2)


def test_macro_batch_count_does_not_change_parts_or_joins(use: UseEmbedder, monkeypatch) -> None:
    """One macro-batch (sentences and joins sized by the larger token count) or
    many (a table regrown and partly evicted between them) give the same sums."""
    one_parts, one_joins = _encode(use)
    monkeypatch.setattr(use_model, "MACRO_TOKENS", 40)
    many_parts, many_joins = _encode(use)
    for name in ("left", "core", "right"):
        np.testing.assert_allclose(getattr(many_parts, name), getattr(one_parts, name),
                                   rtol=1e-4, atol=1e-3)
    np.testing.assert_array_equal(many_parts.lens, one_parts.lens)
    np.testing.assert_allclose(many_joins, one_joins, rtol=1e-4, atol=1e-3)
    assert np.abs(one_joins).max() > 1.0  # the sums are not all zero


@pytest.mark.parametrize("macro", [use_model.MACRO_TOKENS, 40], ids=["one-batch", "many-batches"])
def test_whole_sums_equal_the_sum_of_each_sentences_parts(use: UseEmbedder, monkeypatch, macro: int) -> None:
    """encode_sums (embed's path: one sum a sentence) gives what the three parts add up to,
    for sentences and for single words, in one macro-batch or many."""
    model, tok = use._load()
    ids = tok([*TEXT, "printer", "valise", "x", ""])
    parts = model.encode(ids, threads=2)[0]
    monkeypatch.setattr(use_model, "MACRO_TOKENS", macro)
    sums = model.encode_sums(ids, threads=2)
    assert sums.shape == (len(ids), use_model.DIM)
    np.testing.assert_allclose(sums, parts.left + parts.core + parts.right, rtol=1e-4, atol=1e-3)
    assert np.abs(sums).max() > 1.0


def test_runs_and_joins_share_one_macro_batch_when_under_budget(monkeypatch) -> None:
    """Windows cut from the encoded sentences do not add a macro-batch of their own."""
    sents = [[1] + [5] * 30 + [2]] * 100  # 3,200 tokens
    wins = [([1] + [5] * 16, 0, 8)] * 99  # 1,683 tokens: the sum passes the budget
    monkeypatch.setattr(use_model, "MACRO_TOKENS", 4000)
    model = use_model.UseModel.__new__(use_model.UseModel)
    monkeypatch.setattr(model, "_tables", lambda ids, threads: (None, np.zeros(
        sum(map(len, ids)), dtype=np.int64)), raising=False)
    assert len(list(model._jobs(sents, [w for w, _, _ in wins], 1))) == 1
    assert len(list(model._jobs(sents * 2, [w for w, _, _ in wins], 1))) == 2


def _direct_head(model: use_model.UseModel, sums: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """USE-m3's DAN head as written (float64): mean of the features, then the layers."""
    d0, d1, d2, d3, p1, p3 = (w.astype(np.float64) for w in model.head_W)
    n = lens.astype(np.float64)[:, None]
    mean = (sums + n * model.cnn_b) / np.sqrt(n)
    y1 = np.maximum(mean @ p1 + np.maximum(mean @ d0, 0) @ d1, 0)
    z = np.tanh(y1 @ p3 + np.maximum(y1 @ d2, 0) @ d3)
    return z / np.linalg.norm(z, axis=1, keepdims=True)


def _runs_the_direct_way(use: UseEmbedder, max_run: int) -> np.ndarray:
    """Each run's sum of parts (left, cores and joins, right), then the whole head per run."""
    model = use._load()[0]
    p, joins = use._parts_and_joins(TEXT, joins=True)
    n = len(TEXT)
    out = np.zeros((max_run, n, 512))
    for k in range(1, max_run + 1):
        for i in range(n - k + 1):
            s = p.left[i] + p.core[i:i + k].sum(0) + joins[i:i + k - 1].sum(0) + p.right[i + k - 1]
            out[k - 1, i] = _direct_head(model, s[None].astype(np.float64),
                                         np.array([p.lens[i:i + k].sum() - 2 * (k - 1)]))[0]
    return out


def test_runs_from_per_sentence_head_layers_equal_the_head_over_each_run(use: UseEmbedder) -> None:
    """embed_runs adds the head's first-layer values of sentences and joins: the same
    vectors as the whole head over each run's summed parts, and embed the same as the head."""
    runs = use.embed_runs(TEXT, 4)
    want = _runs_the_direct_way(use, 4)
    for k in range(1, 5):
        m = len(TEXT) - k + 1
        np.testing.assert_allclose(runs[k - 1, :m], want[k - 1, :m], atol=2e-6)
        assert ((runs[k - 1, :m] * want[k - 1, :m]).sum(1) > 1 - 1e-6).all()
    p = use.parts(TEXT)
    np.testing.assert_allclose(use.embed(TEXT), _direct_head(use._load()[0], (
        p.left + p.core + p.right).astype(np.float64), p.lens), atol=2e-6)


def test_runs_computed_for_a_few_rows_equal_those_of_all_rows(use: UseEmbedder) -> None:
    """After an edit only some rows are missing; their first layers are computed
    for the sentences those runs hold, and the rows come out as in a full pass."""
    full = np.zeros((4, len(TEXT), 512), dtype=np.float32)
    use._compute_runs(full, TEXT, [np.arange(len(TEXT) - k + 1) for k in range(1, 5)])
    part = np.zeros_like(full)
    todo = np.array([3, 4, 8])
    use._compute_runs(part, TEXT, [todo[todo < len(TEXT) - k + 1] for k in range(1, 5)])
    for k in range(1, 5):
        rows = todo[todo < len(TEXT) - k + 1]
        np.testing.assert_allclose(part[k - 1, rows], full[k - 1, rows], atol=1e-6)
        assert not np.delete(part[k - 1], rows, axis=0).any()
