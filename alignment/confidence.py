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
Unrelated short sentences come closer than that under mUSE: random pairs of the dev books'
sentences with a side of 1-6 words reach 0.2 at their 95th percentile, and 'Elle rit.' /
'Nobody came.' inside a clean text scored 0.10 and was a 1-1 link at 0.999 (a tester's find).
So a link with a side of `conf_short_chars` (40) characters or fewer must reach
`conf_short_cos` (0.25; `min_cosines`), which 94-97% of those random short pairs do not and
3-4% of the dev gold links of 1-6 words do not either. Measured (`tune_align.py --embedder
use`, 2026-12-06): the rule puts 12 more LIMSI links below 0.9 (18.9% -> 19.7%; all dev 19.8%
-> 20.4%), every one a line of Alice's poems, which the French replaces with other poems (right
links whose sides share no meaning: 'How doth the little crocodile' / 'Faisait son nid entre des
branches', 0.994 before); links >= 0.9 stay 98.98% strictly right. 'It was cold.' for 'Elle
rit.' (cosine above 0.25) is still a sure link: the cosine cannot tell it.

What the map sees (FEATURES). Most wrong links on the dev data are not
unrelated sentences but boundaries off by a sentence: a 1-1 link inside a gold
2-2 or 2-3 block, a merge that swallowed a sentence without counterpart. Their
two sides share meaning, so the link's cosine (or the share of words with a
counterpart) hardly tells them apart. Besides the link's posterior (at
temperature 0.05, where it ranks links best), its kind and its neighbours'
posteriors, two features see the link's own evidence of a wrong
boundary: how far its character lengths are from the text's ratio (the
Gale-Church z of the link, absolute), and, for a merge, how much better the
best link one sentence shorter matches (cosine without an end sentence minus
the link's cosine; 0 for links with no shorter link).
Held out (leave-one-document-out over Text+Berg dev and the five LIMSI books,
`python benchmarks/tune_align.py --embedder use --calibrate`), the two raise the
ranking AUC from 0.891 to 0.93 on LIMSI and 0.81 to 0.86 on all dev links.

Four more (issue 15, second round) see evidence the encoder does not: whether
the encoder-free aligner (lengths and anchors, the same band; align.py
_encoder_free, ~5% of the alignment's time) makes the same link; whether the
link holds anchors (names, numbers) at all: held out, such links are less often
right, as lists, references and numbers break sentences where the translation
does not; how much the anchors' cosine rises when the link takes in a
neighbour; and how much its length mismatch and a neighbour's cancel out
together (a 1-1 link cut out of a 2-2 group). Held out, all dev links: AUC
0.856 -> 0.870, share below 0.9 21.7% -> 18.9% at 97.2% -> 97.3% right (LIMSI
23.0% -> 19.6% at 98.8% -> 98.6%, AUC 0.926 -> 0.927; Text+Berg dev 17.2% ->
16.3% at 92.5% -> 92.9%, AUC 0.717 -> 0.743).
One more (issue 15, third round) sees the words: how many content words of
the link have their counterpart in a neighbouring link and none in their own,
on both sides (coverage.crossing, with the encoder's word vectors): the mark
of a boundary cut through a group whose sides translate each other. Held out,
Text+Berg dev AUC 0.757 -> 0.790, links >= 0.9 there 92.6% -> 93.9% right
(15.6% -> 16.0% below); LIMSI AUC 0.928 -> 0.933, 98.6% right with 19.6% ->
19.3% below; all dev AUC 0.872 -> 0.888, 97.1% -> 97.5% right, 18.7% -> 18.6%
below. The link's own word coverage adds nothing (below, and coverage.py).

Measured and not kept in the second round: agreement with the same aligner under
other penalties (merge, threshold, skip costs +-, no paragraph or drop term, no
length or a double length weight) and the count of agreeing variants;
posteriors at other temperatures (0.02-1), node posteriors of the link's ends,
the posterior mass of the larger links that contain it (a 1-1 link that should
be merged), the signed length z and its product with a neighbour's, the
anchors' own cosine, squares of the logits, piecewise-linear logits, logits and
agreement times the link's kind, a stronger ridge; agreement with the aligner
run target -> source (it differs on 0-1.5% of links but Emma's), with the
encoder-free aligner self-trained on this alignment's word pairs (and those
pairs as anchors), and whether that aligner shares the link's start or end:
each within 0.005 AUC, or lower.

Measured and not kept in the fourth round (issue 15, same protocol; all dev
links held out, from AUC 0.888 with 18.6% below 0.9 at 97.5% right): agreement
with a decode under other scores in the same band and embeddings (each with its
own skip adaptation). Bertalign's neighbour margin as tuned (w_nbr 0.3, w_hub
0.75, w_lex 0, tau 0, skip 0.1) disagrees on 39 links, 18% of them right (all
links: 92%), yet they are already low: its agreement gives AUC 0.889, 18.4%
below at 97.6% (LIMSI 19.3% -> 18.9%, Text+Berg dev 16.0% -> 16.5%), with
shared boundaries too 0.888 / 18.2% / 97.5%. Other variants (w_hub 0; w_nbr
0.25 alone; a Bertalign-like score with no hubness, length, lexical or
paragraph term, 153 disagreements, 58% right; the tuned margin with merge
penalty 0 or with the lexical anchors): 0.886-0.889, 18.1-19.1% below; all six
as features 0.879 / 19.4%, their count 0.887 / 18.1% at 97.4%; the link's
posterior under the margin's scores 0.889, Text+Berg dev 16.0% -> 23.3% below.
Cost: one such decode 0.6 s CPU at 10k x 10k (synthetic, aligner alone 4.3 s).

Fifth round (2026-12-01, same protocol and features): a boosted tree ensemble in place of
the logistic map (scikit-learn's HistGradientBoosting, 100-300 trees of 3-8 leaves) ranks
worse held out: LIMSI AUC 0.911-0.923 against 0.932, all dev 0.851-0.864 against 0.884;
it puts 12.3-13.2% of Text+Berg dev below 0.9 but with 92.4-93.1% right above. Text-level
features (each document's mean posterior logit, share of merges, mean link cosine) and
the link's own cosine, raw or as a z-score within its text: within 0.002 AUC.
Word evidence inside a merge (coverage.py) did no better; with the margin's
agreement, 0.891 and 18.2% below at 97.5% (Text+Berg dev 16.0% -> 17.0%).

Measured and not kept (issue 15, fifth round, after the MBR ensemble decode;
same protocol, from AUC 0.886 with 18.7% below 0.9 at 97.6% right, LIMSI
98.9% / 19.4%): the chosen link's posterior averaged over the ensemble
(mbr.py, the MBR decode's own posteriors; logit clipped as here) and the
share of the three members giving it more than 0.5. Its logit follows the
link's own (correlation 0.997; each member's 0.95-0.98): at temperature 0.05,
AUC 0.883 and 19.9% below at 97.9% right; the agreement 0.884 / 18.5% at
97.5% (LIMSI 98.7%); both 0.881 / 19.7% at 98.0%. With both, --calibrate picks
temperature 0.02: AUC 0.886, 18.7% below at 97.8% (LIMSI 98.8% / 19.0%,
Text+Berg dev 94.4% / 17.6%); the ensemble logit alone there 0.887 / 19.0%.
Each member's logit alone, their lowest or their spread: 0.883-0.886,
18.4-20.1% below. The members hesitate where the aligner already does.

Measured and not kept (same protocol): the link's cosine (the fit gives it a
negative weight: low-cosine links on the dev data are short lines, mostly
right; left out, the map stays monotone in the cosine through the posterior),
its hubness, its cosine over the best of the same link shifted by one or two
sentences, the cosine gain of merging it with a neighbour, word coverage (share
of each side's words whose encoder word vector has a counterpart above 0.6 on
the other side, and the mean best word cosine: AUC 0.55-0.58 alone, nothing
added to the map), node posteriors of the link's ends, a posterior without the
merge penalty, whether a side starts lower-case or ends without a full stop (a
fragment), the lowest or mean posterior over two to four neighbours, products
of the posterior with the link's kind, and document-level figures (share of
links not 1-1, mean posterior): each left the held-out ranking within 0.005 AUC
or lowered it.

Text-level features measured again on the goal's own figures (2026-12-02; the rounds above
compared AUC): each document's mean posterior logit, mean neighbour logit, share of merges or mean
length z, as they are or the link's value less them: LIMSI 98.7-99.0% right with 19.3-20.1% below
0.9 (the map now: 98.9% / 19.4%), Text+Berg dev 93.0-93.4% right: nothing.

What is missing (issue 15 asks <= 15% of links below 0.9): the map is
calibrated (held out, links at 0.8-0.9 are 80-90% right), so the share below
0.9 is set by the ranking; held out, 83% of all dev links could be >= 0.9 at
97% right (LIMSI 90%, Text+Berg dev 32%: its wrong links are mostly 1-1 links
inside gold groups whose two sides do translate each other). Moving the bias
so that the training links >= 0.9 are 97% right (`--shift-to 0.97`) gives
LIMSI 98.4% right with 16.9% below, all dev 96.7% / 15.0%, at the cost of
calibration (Text+Berg dev 91.5% right with 8.5% below).

Weights: a logistic regression of "link strictly right" on FEATURES over
the dev links (Text+Berg dev and the LIMSI books), its figures cross-validated
leave-one-document-out (`python benchmarks/tune_align.py --calibrate`). Newton's
method in numpy (fit_logistic): scikit-learn would be a dependency for 20 lines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from alignment.coverage import crossing
from alignment.lattice import Lattice
from alignment.types import Link

# feature columns, in the order of conf_weights
FEATURES = ("bias", "posterior logit", "empty", "merge", "neighbours' logit", "length z",
            "shorter link gain", "has anchors", "anchor gain with a neighbour",
            "length gain with a neighbour", "encoder-free agreement", "words crossing to a neighbour")
LOGIT_CLIP = 10.0  # posterior logits beyond this say nothing more (and would dominate the map)
FACING_GAP_CAP = 0.5  # an omission beside an addition: a pair missed or two true gaps, even odds


def min_cosines(links, s_clen: np.ndarray, t_clen: np.ndarray, cfg) -> np.ndarray:
    """Each link's cosine below which its sides share no meaning (`confidences` caps it):
    `conf_min_cos`, or `conf_short_cos` where a side has `conf_short_chars` characters or
    fewer, whose unrelated sentences come closer under mUSE."""
    chars = np.array([min(s_clen[src[-1] + 1] - s_clen[src[0]], t_clen[tgt[-1] + 1] - t_clen[tgt[0]])
                      if len(src) and len(tgt) else 0 for src, tgt in links], dtype=float)
    return np.where(chars <= cfg.conf_short_chars, max(cfg.conf_min_cos, cfg.conf_short_cos), cfg.conf_min_cos)


def confidences(x: np.ndarray, weights: Sequence[float], cosines: np.ndarray, *,
                min_cos: float | np.ndarray | None, cap: float) -> np.ndarray:
    """sigmoid(x . weights); links whose cosine is below min_cos (one for all, or each
    link's) capped at `cap` (min_cos None: no encoder, no cosine to judge by)."""
    z = x @ np.asarray(weights, float)
    conf = 1 / (1 + np.exp(-np.clip(z, -50, 50)))
    if min_cos is not None:
        with np.errstate(invalid="ignore"):
            unrelated = cosines < min_cos  # NaN (no cosine) compares False
        conf = np.where(unrelated, np.minimum(conf, cap), conf)
    return conf


def facing_gaps(links: Sequence[tuple[Sequence[int], Sequence[int]]]) -> np.ndarray:
    """Mask of the links with an empty side next to a link empty on the other side: an
    omission beside an addition (1-0 then 0-1, or 0-1 then 1-0)."""
    empty = np.array([(not s) - (not t) for s, t in links], dtype=int)  # 1: 0-1, -1: 1-0
    facing = np.zeros(len(links), bool)
    meet = empty[:-1] * empty[1:] < 0
    facing[:-1] |= meet
    facing[1:] |= meet
    return facing


def capped_facing_gaps(links: Sequence[Link], cap: float = FACING_GAP_CAP) -> list[Link]:
    """`links` with each omission beside an addition (facing_gaps) at confidence `cap` at most.

    Why: an omission next to an addition is one of two things, and nothing in either link
    tells which: a sentence dropped and another written in its place, or a pair the aligner
    (or a chapter cut, or sentences left out of the text) kept apart, as a footnote and its
    translation each stood alone at confidence 1.0 and the app said "0 to review". So
    neither is sure, and both are put before a reader (below the review threshold)."""
    facing = facing_gaps([(link.src, link.tgt) for link in links])
    return [replace(link, confidence=min(link.confidence, cap)) if hit else link
            for link, hit in zip(links, facing)]


def features(links, lattice: Lattice, temp: float, s, t,
             cosines: np.ndarray, variance: float, other=None) -> np.ndarray:
    """One row of FEATURES per link, from the lattice of the final decode
    (its sweeps at `temp` are MBR decoding's when it ran), the two sides (`s`, `t`: run
    embeddings, lexical anchor runs and cumulative lengths, as align.py keeps
    them) and each link's cosine (link_cosines). `variance`: the Gale-Church
    variance of the aligner. `other`: the links of the encoder-free alignment
    of the same band (None: there is none, as without an encoder)."""
    x = lattice_features(links, lattice, temp)
    return np.column_stack([x, length_z(links, s.clen, t.clen, variance),
                            shorter_gain(links, s.runs, t.runs, cosines),
                            *anchor_evidence(links, s.lex, t.lex),
                            length_gain(links, s.clen, t.clen, variance),
                            agreement(links, other), crossing(links, s.words, t.words)])


def lattice_features(links, lattice: Lattice, temp: float) -> np.ndarray:
    """Per link: 1, logit of its posterior (forward-backward at `temp`), empty
    side, merge (more than 2 sentences), and the lowest posterior
    logit of its two neighbours (an error rarely comes alone); logits clipped
    to +-LOGIT_CLIP."""
    n, m, lo = lattice.n, lattice.m, lattice.band.lo
    fwd, bwd = lattice.sweeps(temp)
    total = fwd[n, m - lo[n]]
    index = {ab: k for k, ab in enumerate(lattice.types)}
    rows = []
    i = j = 0
    for src, tgt in links:
        ni, nj = i + len(src), j + len(tgt)
        step = _step_score(lattice, index, i, j, len(src), len(tgt)) / temp
        logp = min(float(fwd[i, j - lo[i]] + step + bwd[ni, nj - lo[ni]] - total), -1e-12)
        logit = min(max(logp - math.log(-math.expm1(logp)), -LOGIT_CLIP), LOGIT_CLIP)
        rows.append([1.0, logit, float(not src or not tgt), float(len(src) + len(tgt) > 2)])
        i, j = ni, nj
    x = np.array(rows).reshape(-1, 4)
    logits = np.concatenate([[LOGIT_CLIP], x[:, 1], [LOGIT_CLIP]])
    return np.column_stack([x, np.minimum(logits[:-2], logits[2:])])


def length_z(links, s_clen: np.ndarray, t_clen: np.ndarray, variance: float) -> np.ndarray:
    """|Gale-Church z| of each link's character lengths, at the ratio of the
    text's linked sentences (0 for a link with an empty side): a link whose
    lengths disagree often has a boundary a sentence off."""
    ls, lt = _lengths(links, s_clen, t_clen)
    both = (ls > 0) & (lt > 0)
    ratio = max(float(lt[both].sum()), 1.0) / max(float(ls[both].sum()), 1.0)
    return np.where(both, np.abs(_signed_z(ls, lt, ratio, variance)), 0.0)


def _lengths(links, s_clen: np.ndarray, t_clen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ls = np.array([s_clen[x[-1] + 1] - s_clen[x[0]] if x else 0.0 for x, _ in links])
    lt = np.array([t_clen[y[-1] + 1] - t_clen[y[0]] if y else 0.0 for _, y in links])
    return ls, lt


def _signed_z(ls: np.ndarray, lt: np.ndarray, ratio: float, variance: float) -> np.ndarray:
    return (lt - ratio * ls) / np.sqrt(variance * ((ls + lt / ratio) / 2 + 1.0))


def length_gain(links, s_clen: np.ndarray, t_clen: np.ndarray, variance: float) -> np.ndarray:
    """For a link with two sides, how much its length mismatch and a neighbour's
    cancel out when the two are one link: |z| + |z of the neighbour| - |z of
    both together|, the larger over the two neighbours (0: none cancels). A
    source sentence too long for its target beside one too short for its own
    is the mark of a 1-1 link cut inside a 2-2 group."""
    ls, lt = _lengths(links, s_clen, t_clen)
    both = (ls > 0) & (lt > 0)
    ratio = max(float(lt[both].sum()), 1.0) / max(float(ls[both].sum()), 1.0)
    z = np.where(both, _signed_z(ls, lt, ratio, variance), 0.0)
    out = np.zeros(len(links))
    for step in (-1, 1):
        nb = np.clip(np.arange(len(links)) + step, 0, len(links) - 1)
        merged = _signed_z(ls + ls[nb], lt + lt[nb], ratio, variance)
        gain = np.abs(z) + np.abs(z[nb]) - np.abs(merged)
        has = both & (nb != np.arange(len(links)))
        out = np.maximum(out, np.where(has, gain, 0.0))
    return out


def anchor_evidence(links, s_lex: list, t_lex: list) -> tuple[np.ndarray, np.ndarray]:
    """Per link: whether either side holds a lexical anchor (a name or number
    both texts have), and how much the lexical cosine rises when the link takes
    in a neighbour (the larger over the two; 0 if it never rises). Held out,
    links with anchors are less often right (lists, references and numbers
    break sentences where the translation does not), and a neighbour that
    brings the other side's names or numbers along marks a cut group."""
    n = len(links)
    own = _lex_cosines(links, s_lex, t_lex)
    gain = np.zeros(n)
    for step in (-1, 1):
        nb = np.arange(n) + step
        merged = [((*links[k][0], *links[q][0]) if step > 0 else (*links[q][0], *links[k][0]),
                   (*links[k][1], *links[q][1]) if step > 0 else (*links[q][1], *links[k][1]))
                  if 0 <= q < n and links[k][0] and links[k][1] else ((), ())
                  for k, q in enumerate(nb)]
        with np.errstate(invalid="ignore"):
            gain = np.fmax(gain, _lex_cosines(merged, s_lex, t_lex) - own)
    return (~np.isnan(own)).astype(float), np.nan_to_num(np.maximum(gain, 0.0))


def _lex_cosines(links, s_lex: list, t_lex: list) -> np.ndarray:
    """Lexical cosine of each link's two sides (anchor run vectors); NaN for a
    link with an empty side, longer than the runs, or with no anchor at all."""
    out = np.full(len(links), np.nan)
    k_max = min(len(s_lex), len(t_lex))
    groups: dict[tuple[int, int], list[int]] = {}
    for k, (src, tgt) in enumerate(links):
        if 1 <= len(src) <= k_max and 1 <= len(tgt) <= k_max:
            groups.setdefault((len(src), len(tgt)), []).append(k)
    for (a, b), ks in groups.items():
        rows = s_lex[a - 1][[links[k][0][0] for k in ks]]
        cols = t_lex[b - 1][[links[k][1][0] for k in ks]]
        dots = np.asarray(rows.multiply(cols).sum(axis=1)).ravel()
        any_anchor = (np.diff(rows.indptr) > 0) | (np.diff(cols.indptr) > 0)
        out[ks] = np.where(any_anchor, dots, np.nan)
    return out


def agreement(links, other) -> np.ndarray:
    """+1 where the other alignment has the same link, -1 where it has not, 0
    when there is no other alignment. The other is the encoder-free aligner
    (lengths and anchors) in the same band: evidence the encoder does not see,
    so where the two disagree, one of them is wrong."""
    if other is None:
        return np.zeros(len(links))
    theirs = {(tuple(s), tuple(t)) for s, t in other}
    return np.array([1.0 if (tuple(s), tuple(t)) in theirs else -1.0 for s, t in links])


def shorter_gain(links, s_runs: np.ndarray, t_runs: np.ndarray, cosines: np.ndarray) -> np.ndarray:
    """For a merge, the best cosine of the link without one end sentence minus
    its own (above 0: a sentence of it likely has no counterpart); 0 otherwise."""
    k_max = s_runs.shape[0]

    def cos(i: int, a: int, j: int, b: int) -> float:
        return float(s_runs[a - 1, i] @ t_runs[b - 1, j])

    out = np.zeros(len(links))
    for k, (src, tgt) in enumerate(links):
        a, b = len(src), len(tgt)
        if not a or not b or a + b <= 2 or a > k_max or b > k_max or np.isnan(cosines[k]):
            continue
        i, j = src[0], tgt[0]
        subs = ([cos(i + 1, a - 1, j, b), cos(i, a - 1, j, b)] if a > 1 else []) + \
               ([cos(i, a, j + 1, b - 1), cos(i, a, j, b - 1)] if b > 1 else [])
        out[k] = max(subs) - cosines[k]
    return out


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
