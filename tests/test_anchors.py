"""Lexical anchors: which words count, and how runs of sentences sum them."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from alignment.anchors import anchor_features, shared_anchor_runs, sum_rows
from alignment.types import Sentence


@pytest.mark.parametrize("text, expected", [
    ("In 1925 Serge wrote.", [("in", 0.5), ("#1925", 2.0), ("serge", 1.0)]),  # capitalised first word: half
    ("Victor Serge, mars 1925", [("victor", 0.5), ("serge", 1.0), ("#1925", 2.0)]),
    ("Élisabeth était là.", [("elisab", 0.5)]),       # folded, cut to 6 letters; first word counts half
    ("le 3e jour", [("#3e", 2.0)]),                    # a token holding a digit is a number
    ("no names here", []),
    ("A I", []),                                       # one-letter capitals are not names
])
def test_anchor_features(text: str, expected: list) -> None:
    assert anchor_features(text) == expected


def test_sum_rows_normalises_each_run_and_leaves_empty_runs_empty() -> None:
    rows = sparse.csr_matrix(np.array([[3, 0], [0, 4], [0, 0]], np.float32))
    out = sum_rows(rows, np.array([0, 1, 2]), np.array([2, 1, 3])).toarray()
    np.testing.assert_allclose(out, [[0.6, 0.8], [0.0, 0.0], [0.0, 0.0]], atol=1e-6)


def test_shared_anchor_runs_keep_only_anchors_both_texts_have() -> None:
    src = [Sentence("Paris in 1925."), Sentence("Then London.")]
    tgt = [Sentence("Paris en 1925."), Sentence("Puis Rome.")]
    s_runs, t_runs = shared_anchor_runs(src, tgt, 2)
    assert len(s_runs) == len(t_runs) == 2
    assert s_runs[0].shape[1] == 2                      # paris and #1925; london and rome dropped
    cos = (s_runs[0] @ t_runs[0].T).toarray()
    assert cos[0, 0] == pytest.approx(1.0) and cos[1, 1] == 0.0
    # the run of both source sentences still matches the first target sentence, less well
    assert 0.0 < (s_runs[1][0] @ t_runs[0][0].T).toarray()[0, 0] < 1.0
