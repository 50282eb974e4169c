"""Confidence of each chosen link: the probability that it is exactly right.

Why (issue 15): the posterior of a link under the aligner's own scores says how
sure the search is, not whether the two sides mean the same. A heading linked
to a name, both standing alone between paragraph breaks, scores well on
position and length alone (the Serge preface: French "INTRODUCTION" <->
English "Victor Serge", cosine 0.02-0.05, confidence 0.935 before this module).
So one rule sits on top of the fitted map, which no fit can overrule: with an
encoder, a link whose two sides have a cosine below `conf_min_cos` (0.1; the
cosine of unrelated sentences under mUSE) gets at most `conf_low_cap` (0.5,
below the review threshold). Sentences that share no meaning are never a sure
link. On the dev links (1,891) the rule touches 7 links.

Measured and not kept (issue 15, leave-one-document-out over Text+Berg dev and
the five LIMSI books): the cosine of the link, that cosine above the hubness,
an unaligned sentence's best cosine to its neighbours' other side, the best
cosine of a one-sentence change at either end, and log length as extra
features of the map. Held out, they ranked links worse (AUC 0.906 -> 0.892 on
LIMSI, 0.840 -> 0.814 on all dev at temperature 0.02): the map fitted them to
the books it saw.

Weights: a logistic regression of "link strictly right" on FEATURES over
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
FEATURES = ("bias", "posterior logit", "score", "empty", "merge", "neighbours' logit")


def confidences(x: np.ndarray, weights: Sequence[float], cosines: np.ndarray, *,
                min_cos: float | None, cap: float) -> np.ndarray:
    """sigmoid(x . weights); links whose cosine is below min_cos capped at `cap`
    (min_cos None: no encoder, no cosine to judge by)."""
    z = x @ np.asarray(weights, float)
    conf = 1 / (1 + np.exp(-np.clip(z, -50, 50)))
    if min_cos is not None:
        with np.errstate(invalid="ignore"):
            unrelated = cosines < min_cos  # NaN (no cosine) compares False
        conf = np.where(unrelated, np.minimum(conf, cap), conf)
    return conf


def features(links, scores, band: Band, ins: np.ndarray, temp: float) -> np.ndarray:
    """One row of FEATURES per link, from the lattice of the final decode
    (`scores`, `band`, target insertions `ins`). Per link: 1, logit of its posterior (forward-backward at `temp`), its
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


def link_cosines(links, s, t) -> np.ndarray:
    """Cosine of each link's two sides (run embeddings); NaN for a link with an
    empty side or longer than the runs embedded (no cosine to judge by)."""
    out = np.full(len(links), np.nan)
    for k, (src, tgt) in enumerate(links):
        a, b = len(src), len(tgt)
        if 1 <= a <= s.runs.shape[0] and 1 <= b <= t.runs.shape[0]:
            out[k] = float(s.runs[a - 1, src[0]] @ t.runs[b - 1, tgt[0]])
    return out


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
