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
