"""Confidence of each chosen link: the probability that it is exactly right.

Why (issue 15): the posterior of a link under the aligner's own scores says how
sure the search is, not whether the two sides mean the same. A heading linked
to a name, both standing alone between paragraph breaks, scores well on
position and length alone (the Serge preface: French "INTRODUCTION" <->
English "Victor Serge", cosine 0.02-0.05, confidence 0.935 before this module).
So the map also sees the link's own evidence:

- the cosine of the link's two sides (run embeddings), and that cosine above
  the hubness of its sentences (what the margin score normalises by);
- for a sentence left unaligned, the best cosine to the other-side sentences
  of the links beside it: a high one says it was wrongly cut out of a merge.

And one rule no fit can overrule: with an encoder, a link whose sides have a
cosine below `conf_min_cos` gets at most `conf_low_cap` (below the review
threshold). Sentences that share no meaning are never a sure link.

Weights: a logistic regression of "link strictly right" on these features over
the dev links (Text+Berg dev and the LIMSI books), its figures cross-validated
leave-one-document-out (`python benchmarks/tune_align.py --calibrate`). Newton's
method in numpy (fit_logistic): scikit-learn would be a dependency for 20 lines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from alignment.lattice import Band, Lattice

# feature columns, in the order of conf_weights
FEATURES = ("bias", "posterior logit", "score", "empty", "merge", "neighbours' logit",
            "cosine", "cosine above hubness", "unaligned best cosine")


def confidences(x: np.ndarray, weights: Sequence[float], *, min_cos: float | None,
                cap: float) -> np.ndarray:
    """sigmoid(x . weights); non-empty links with cosine < min_cos capped at `cap`
    (min_cos None: no encoder, no cosine to judge by)."""
    z = x @ np.asarray(weights, float)
    conf = 1 / (1 + np.exp(-np.clip(z, -50, 50)))
    if min_cos is not None:
        unrelated = (x[:, 3] == 0) & (x[:, 6] < min_cos)
        conf = np.where(unrelated, np.minimum(conf, cap), conf)
    return conf


def features(links, scores, band: Band, ins: np.ndarray, s, t, temperature: float) -> np.ndarray:
    """One row of FEATURES per link. `scores`, `band`, `ins`: the lattice of the
    final decode; `s`, `t`: the two sides (run embeddings `runs`, hubness `hub`)."""
    post = _posterior_features(links, scores, band, ins, temperature)
    own = np.array([_evidence(links, k, s, t) for k in range(len(links))]).reshape(-1, 3)
    return np.column_stack([post, own])


def _posterior_features(links, scores, band: Band, ins: np.ndarray, temp: float) -> np.ndarray:
    """Per link: 1, logit of its posterior (forward-backward at `temp`), its
    score, empty side, merge (more than 2 sentences), and the lowest posterior
    logit of its two neighbours (an error rarely comes alone)."""
    n, m = band.lo.shape[0] - 1, len(ins) - 1
    lattice = Lattice([(a, b, arr / temp) for a, b, arr in scores], band, n, m, ins / temp)
    with np.errstate(invalid="ignore", over="ignore"):
        fwd, bwd = lattice.forward(), lattice.backward()
    lo = band.lo
    total = fwd[n, m - lo[n]]
    index = {ab: k for k, ab in enumerate(lattice.types)}
    rows = []
    i = j = 0
    for src, tgt in links:
        ni, nj = i + len(src), j + len(tgt)
        step = _step_score(lattice, index, i, j, len(src), len(tgt))
        logp = min(float(fwd[i, j - lo[i]] + step + bwd[ni, nj - lo[ni]] - total), -1e-9)
        logit = min(max(logp - math.log(-math.expm1(logp)), -40.0), 40.0)
        rows.append([1.0, logit, float(step) * temp, float(not src or not tgt),
                     float(len(src) + len(tgt) > 2)])
        i, j = ni, nj
    x = np.array(rows).reshape(-1, 5)
    logits = np.concatenate([[40.0], x[:, 1], [40.0]])
    return np.column_stack([x, np.minimum(logits[:-2], logits[2:])])


def _step_score(lattice: Lattice, index: dict, i: int, j: int, a: int, b: int) -> float:
    """Score of the link from (i, j) taking a source and b target sentences
    (an unaligned block is a chain of 1-0 or 0-1 steps)."""
    lo = lattice.band.lo
    if a == 0:
        return float(lattice.ins[j + 1:j + b + 1].sum())
    if b == 0:
        return float(sum(lattice.stack[index[(1, 0)], r, j - lo[r]] for r in range(i + 1, i + a + 1)))
    return float(lattice.stack[index[(a, b)], i + a, j + b - lo[i + a]])


def _evidence(links, k: int, s, t) -> tuple[float, float, float]:
    """(cosine, cosine above mean hubness, 0) of a link with two sides; (0, 0,
    best cosine to the neighbours' other side) of a sentence block left unaligned."""
    src, tgt = links[k]
    if src and tgt:
        a, b = len(src), len(tgt)
        if a > s.runs.shape[0] or b > t.runs.shape[0]:
            return 0.0, 0.0, 0.0
        cos = float(s.runs[a - 1, src[0]] @ t.runs[b - 1, tgt[0]])
        hub = (float(s.hub[a - 1, src[0]]) + float(t.hub[b - 1, tgt[0]])) / 2
        return cos, cos - hub, 0.0
    mine, other = (s, t) if src else (t, s)
    own = list(src or tgt)
    near = [x for q in (k - 1, k + 1) if 0 <= q < len(links)
            for x in (links[q][1] if src else links[q][0])]
    if not near:
        return 0.0, 0.0, 0.0
    sims = mine.runs[0, own] @ other.runs[0, near].T
    return 0.0, 0.0, float(sims.max())


def fit_logistic(x: np.ndarray, y: np.ndarray, ridge: float = 1e-2) -> np.ndarray:
    """Weights of P(y=1) = sigmoid(x . w), by Newton's method (L2 ridge)."""
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -50, 50)))
        grad = x.T @ (y - p) - ridge * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + ridge * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w += step
        if np.abs(step).max() < 1e-8:
            break
    return w
