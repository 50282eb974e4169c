"""Link scores of the aligner: what each text offers, and the score of every link over the band.

Split from align.py (which keeps the configuration, the passes and the search)
so that the score formula is in one place: a link's score is the
margin-normalised cosine of its run embeddings, lexical anchors, a Gale-Church
length term, merge and paragraph terms (align.py's docstring says why each).
Every function here is pure: the search in align.py and the confidence map
(confidence.py) only read the arrays built here.

Library: numba compiles the per-cell loop (cell_scores), in the operation
order of the numpy expressions it replaced (tests/test_align.py keeps them as
the reference), so the scores are theirs to the bit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numba
import numpy as np

from alignment.anchors import shared_anchor_runs
from alignment.coverage import TextWords, word_vectors
from alignment.lattice import Band, band_runs, dense_dots, dot32, sparse_dots
from alignment.types import Sentence
from alignment.word_score import WordCover, add_word_term, add_word_terms, word_cover

if TYPE_CHECKING:
    from alignment.align_config import AlignConfig

_NEG = -np.inf
_LEFT, _RIGHT = 1, 2  # extra columns of the cosine bands
_NBR_RIGHT = 8  # extra columns of the neighbour bands on the right (the left: longest run + 1)

@dataclass(frozen=True)
class Side:
    """What the scorer needs of one text, computed once."""

    runs: np.ndarray    # (K, n, d) run embeddings; zeros without an encoder
    hub: np.ndarray     # (K, n) mean cosine to the k nearest of the other side
    lex: list           # K sparse (n, L) normalised lexical vectors of runs
    clen: np.ndarray    # (n+1,) cumulative character lengths
    brk: np.ndarray     # (n+1,) True where a paragraph break precedes sentence i
    cbrk: np.ndarray    # (n+1,) cumulative count of breaks
    words: TextWords | None = None  # content-word vectors (coverage.py); None without an encoder


# ---------------------------------------------------------------- features

def features(src, tgt, embedder, cfg: AlignConfig) -> tuple[Side, Side]:
    """Both texts' Sides, one after the other on this thread. Threads did not
    help here (10k x 10k, session 10): the cache reads, anchors and content
    words hold the GIL most of the time (4.2-4.3 s either way), and the
    hubness's BLAS products beside them slowed from 0.4 to 0.8-1.3 s a side.
    Nor (session 11) did the content-word vectors in a thread beside the first
    pass (compiled, mostly without the GIL): the band cover started 0.8 s sooner
    in a process aligning a second time, but a fresh process loads numba's code
    in that pass, holding the GIL (fresh processes: medians 11.0 against 11.1 s
    in 5 pairs, 10.5 against 10.2 s in bench_engine), nor loading that code in a
    thread during this function (10.7-11.6 against 10.0-11.4 s)."""
    k = cfg.max_side
    s_txt, t_txt = [s.text for s in src], [t.text for t in tgt]
    if embedder is not None:
        s_runs = np.asarray(embedder.embed_runs(s_txt, k), dtype=np.float32)
        t_runs = np.asarray(embedder.embed_runs(t_txt, k), dtype=np.float32)
        s_hub = hub_means(s_runs, t_runs[0], cfg)
        t_hub = hub_means(t_runs, s_runs[0], cfg)
    else:
        s_runs = np.zeros((k, len(src), 1), np.float32)
        t_runs = np.zeros((k, len(tgt), 1), np.float32)
        s_hub, t_hub = np.zeros((k, len(src))), np.zeros((k, len(tgt)))
    s_lex, t_lex = shared_anchor_runs(src, tgt, k)
    s_words = t_words = None
    if embedder is not None and hasattr(embedder, "embed"):  # for the confidence (coverage.crossing)
        s_words, t_words = word_vectors(s_txt, t_txt, embedder.embed)
    return (side(src, s_runs, s_hub, s_lex, s_words), side(tgt, t_runs, t_hub, t_lex, t_words))


def side(sents: Sequence[Sentence], runs: np.ndarray, hub: np.ndarray, lex: list,
         words: TextWords | None = None) -> Side:
    n = len(sents)
    clen = np.concatenate([[0.0], np.cumsum([len(s.text) for s in sents])])
    para = [s.paragraph for s in sents]
    brk = np.ones(n + 1, bool)
    brk[1:n] = [para[i - 1] != para[i] for i in range(1, n)]
    cbrk = np.cumsum(brk)
    return Side(runs, hub, lex, clen, brk, cbrk, words)


def hub_means(runs: np.ndarray, other: np.ndarray, cfg: AlignConfig) -> np.ndarray:
    """Mean cosine of each run to its k nearest sentences of the other text.

    A sample of evenly spaced sentences keeps this linear (and deterministic).
    """
    m = other.shape[0]
    step = max(1, m // cfg.hub_sample)
    sample = other[::step][: cfg.hub_sample]
    k = min(cfg.hub_k, sample.shape[0])
    out = np.zeros(runs.shape[:2])
    for r in range(runs.shape[0]):
        for s in range(0, runs.shape[1], 4096):
            sims = runs[r, s:s + 4096] @ sample.T
            top = np.partition(sims, sims.shape[1] - k, axis=1)[:, -k:]
            out[r, s:s + 4096] = top.mean(axis=1)
    return out


# ---------------------------------------------------------------- scoring

def all_scores(s: Side, t: Side, band: Band, types: list[tuple[int, int]],
                cfg: AlignConfig, ratio: float, path=None, cos: dict | None = None,
                lex: dict | None = None) -> list[tuple[int, int, np.ndarray]]:
    """Band scores of every link type (a list closed under dropping an end sentence).
    `path`: the lattice nodes the band was built around; with cfg.w_word, the word
    coverage term (word_score.py) is added, centred on that path's 1-1 links.
    `cos`, `lex`: the cosines (`cosines`) and lexical dots (`lexical_dots`) of this
    band and types when already computed (they do not depend on the knobs, so
    the lattices of an MBR ensemble and the encoder-free one share them)."""
    cos = ({} if not cfg.w_sim else cosines(s, t, band, types) if cos is None else dict(cos))
    if cfg.w_lex:
        cos.update(lexical_dots(s, t, band, types) if lex is None else lex)
    if cfg.w_sim and cfg.w_nbr:
        cos.update(neighbour_dots(s, t, band, types))
    cover = band_cover(s, t, band, cfg, path)
    n = len(s.clen) - 1
    stack = np.full((len(types), n + 1, band.width), _NEG)  # rows Lattice takes as they are
    return [(a, b, band_scores(s, t, band, a, b, cfg, ratio, cos, cover, stack[k]))
            for k, (a, b) in enumerate(types)]


def band_cover(s: Side, t: Side, band: Band, cfg: AlignConfig, path) -> WordCover | None:
    """The word coverage all_scores adds under `cfg` (None when it adds none)."""
    if not (cfg.w_sim and cfg.w_word and path is not None):
        return None
    return word_cover(s.words, t.words, band, cfg.max_side, path, cfg.word_floor)


def with_word_term(scores: list[tuple[int, int, np.ndarray]], band: Band, w_word: float,
                   cover: WordCover | None) -> list[tuple[int, int, np.ndarray]]:
    """The scores of all_scores (made with w_word 0) as all_scores makes them with
    `w_word` and its `cover` (band_cover): the word term is the last one
    band_scores adds, so it is added to one copy of the stack (the member's
    lattice takes it as it is). Why: an MBR ensemble member differing only in
    w_word then costs its word term, not a second scoring of the band."""
    if cover is None or not any(b and a + b > 2 for a, b, _ in scores):
        return scores
    stack = np.stack([arr for _, _, arr in scores])  # a copy, the lattice's stack as it is
    add_word_terms(stack, np.array([a for a, _, _ in scores], np.int64),
                   np.array([b for _, b, _ in scores], np.int64), band.lo, cover.arrays,
                   float(w_word), cover.mean)
    return [(a, b, stack[k]) for k, (a, b, _) in enumerate(scores)]


def cosines(s: Side, t: Side, band: Band, types: list[tuple[int, int]]) -> dict:
    """(a, b) -> float32 cosine of the a-b link of band cells (i, lo[i]-1 .. lo[i]+width+1), rows a..n.

    Computed once per type: the sub-link cosines of the merge penalty are the
    cosines of the types one sentence shorter, shifted by a row or a column
    (_sub_cos), hence the extra column on the left and two on the right."""
    n, m = len(s.clen) - 1, len(t.clen) - 1
    out = {}
    for a, b in types:
        if b and a <= n and b <= m:
            ts = band_runs(band.lo, a, b, m, -_LEFT, band.width + _RIGHT)
            out[(a, b)] = dense_dots(s.runs[a - 1], t.runs[b - 1], np.arange(n + 1 - a), ts)
    return out


def lexical_dots(s: Side, t: Side, band: Band, types: list[tuple[int, int]]) -> dict:
    """("lex", a, b) -> float32 dot product of the lexical anchor vectors of the a-b
    link of band cells (i, lo[i] .. lo[i]+width-1), rows a..n."""
    n, m = len(s.clen) - 1, len(t.clen) - 1
    return {("lex", a, b): sparse_dots(s.lex[a - 1], t.lex[b - 1], np.arange(n + 1 - a),
                                       band_runs(band.lo, a, b, m, 0, band.width))
            for a, b in types if b and a <= n and b <= m}


def neighbour_dots(s: Side, t: Side, band: Band, types: list[tuple[int, int]]) -> dict:
    """The dots the neighbour margin reads, two band arrays per run length.

    ("s", a): the source run of a sentences ending at row i . target sentence
    lo[i] + c, for c from -(longest target run + 1) (left neighbours) to the
    band's width. ("t", b): the target run of b sentences ending at
    lo[i] + c . source sentence i, rows 0..n, _NBR_RIGHT columns past the band
    (the left neighbour of a link is row i - a of this array, further right).
    12 arrays instead of 4 dots per cell and link type: a sixth of the work."""
    n, m = len(s.clen) - 1, len(t.clen) - 1
    out = {}
    if n == 0 or m == 0:
        return out
    rows = np.minimum(np.arange(n + 1), n - 1)
    pad = max(b for _, b in types) + 1
    for a in sorted({a for a, b in types if b and a <= n}):
        ts = band_runs(band.lo, a, 0, m - 1, -pad, band.width)
        out[("s", a)] = dense_dots(s.runs[a - 1], t.runs[0], np.arange(n + 1 - a), ts)
    for b in sorted({b for _, b in types if 0 < b <= m}):
        ts = band_runs(band.lo, 0, b, m, 0, band.width + _NBR_RIGHT)
        out[("t", b)] = dense_dots(s.runs[0], t.runs[b - 1], rows, ts)
    return out


def band_scores(s: Side, t: Side, band: Band, a: int, b: int, cfg: AlignConfig, ratio: float,
                cos: dict, cover: WordCover | None = None, out: np.ndarray | None = None) -> np.ndarray:
    """Score of the link src[i-a:i] <-> tgt[j-b:j] for every band cell (i, j).
    `cos`: all_scores' band arrays (cosines, and the lexical dots when w_lex);
    `out`: the (n + 1, width) array of -inf to write them into (a new one if None)."""
    n, m = len(s.clen) - 1, len(t.clen) - 1
    out = np.full((n + 1, band.width), _NEG) if out is None else out
    if b == 0:
        out[a:] = -skip_costs(s.clen, cfg.skip, cfg.skip_len_exp)[:, None]
        return out
    if a > n or b > m:
        return out
    ts = band_runs(band.lo, a, b, m, 0, band.width)
    lex = cos[("lex", a, b)] if cfg.w_lex else np.zeros(ts.shape, np.float32)
    own = cos.get((a, b), np.zeros((ts.shape[0], ts.shape[1] + _LEFT + _RIGHT), np.float32))
    drop = bool(cfg.w_drop and cfg.w_sim and a + b > 2)
    up, left = cos.get((a - 1, b), own), cos.get((a, b - 1), own)  # read only if drop
    runs = (s.runs[max(a - 2, 0)], t.runs[b - 1])
    weights = tuple(float(x) for x in (
        cfg.w_sim, cfg.w_hub, cfg.w_lex, cfg.w_len, cfg.tau, ((a + b) / 2) ** cfg.size_exp,
        cfg.merge_penalty * (a + b - 2), cfg.w_drop, cfg.drop_margin, cfg.para_bonus,
        cfg.para_cross, ratio, cfg.gc_variance))
    cell_scores(out, a, b, band.lo, weights, drop, own, up, left, lex, s.hub[a - 1], t.hub[b - 1],
                 (s.clen, s.brk, s.cbrk), (t.clen, t.brk, t.cbrk), runs)
    if cfg.w_sim and cfg.w_nbr and ("s", a) in cos:
        neighbour_margin(out, a, b, band.lo, cfg.w_nbr, cos[("s", a)], cos[("t", b)],
                         s.runs[0], t.runs[b - 1], s.hub[a - 1], t.hub[b - 1])
    if cover is not None:
        add_word_term(out, a, b, band.lo, cover.arrays, float(cfg.w_word), cover.mean)
    return out


@numba.njit(cache=True, nogil=True)
def neighbour_margin(out, a, b, lo, w_nbr, s_dots, t_dots, s_sents, t_runs, s_hub, t_hub):
    """Subtract w_nbr times the link's neighbour margin from every valid cell of `out`.

    The margin: the mean of (the source run's mean cosine to the target
    sentences just before and after the target run) and (the target run's to
    the source sentences around the source run); where a run starts or ends its
    text, the one neighbour alone; a run facing a whole text, which has none,
    its hubness (`s_hub`, `t_hub`) instead of Bertalign's 0, which made
    short texts whose sentences look alike one link of everything, sure of
    itself. A link whose neighbours are as close to its
    sides as the sides are to each other has likely left a sentence of the
    other side out: the local margin Bertalign subtracts, beside our hubness
    (mean of the k nearest sentences anywhere), which sees no neighbour.
    `s_dots`, `t_dots`: neighbour_dots' ("s", a) and ("t", b); a left source
    neighbour off the band of its row is dotted here (s_sents . t_runs)."""
    n, m, width, t_cols = lo.shape[0] - 1, t_runs.shape[0], out.shape[1], t_dots.shape[1]
    pad = s_dots.shape[1] - width  # columns left of the band (neighbour_dots)
    for i in range(a, n + 1):
        r, left = i - a, i - a - 1
        for c in range(width):
            j = lo[i] + c
            if j < b or out[i, c] == -np.inf:
                continue
            tl, tr = j - b - 1 >= 0, j < m
            tn = (s_dots[r, c - b - 1 + pad] if tl else 0.0) + (s_dots[r, c + pad] if tr else 0.0)
            tn = tn / 2 if tl and tr else (tn if tl or tr else s_hub[r])
            sn = t_dots[i, c] if i < n else 0.0
            if left >= 0:
                col = j - lo[left]
                sn += t_dots[left, col] if col < t_cols else dot32(s_sents[left], t_runs[j - b])
                sn = sn / 2 if i < n else sn
            elif i == n:
                sn = t_hub[j - b]
            out[i, c] -= w_nbr * (np.float64(tn) + np.float64(sn)) / 2


@numba.njit(cache=True, nogil=True)
def cell_scores(out, a, b, lo, w, drop, cos, up, left, lex, s_hub, t_hub, s_geo, t_geo, runs):
    """The link score of every valid band cell (j >= b) of rows a..n, into `out`.

    The formula, cell by cell, in the operation order of the numpy expressions
    it replaced (tests/test_align.py keeps them as the reference):
      q = w_sim (cos - w_hub hub) + w_lex lex + w_len gale_church - tau
      score = ((a+b)/2)^size_exp q - merge_penalty (a+b-2)
              - w_drop max(sub - cos + drop_margin, 0)        (merges)
              + para_bonus ends - para_cross crossed
    `sub` is the best cosine without an end sentence: the (a-1)-b link of cells
    (i-1, j) and (i, j), the a-(b-1) link of (i, j-1) and (i, j) (`up`, `left`:
    rows a-1..n and a..n), dotted here where (i-1, j) is off `up` (lo jumps by 3+)."""
    w_sim, w_hub, w_lex, w_len, tau, factor, merge, w_drop, margin, bonus, cross_w, ratio, var = w
    (s_clen, s_brk, s_cbrk), (t_clen, t_brk, t_cbrk) = s_geo, t_geo
    s_short, t_long = runs  # runs of a-1 and b sentences
    n, m, width = lo.shape[0] - 1, t_clen.shape[0] - 1, out.shape[1]
    for i in range(a, n + 1):
        si = r = i - a
        ls = s_clen[i] - s_clen[si]
        s_cross = s_cbrk[i - 1] - s_cbrk[si]
        for c in range(width):
            j = lo[i] + c
            if j < b:
                continue
            ts = j - b
            cs = np.float64(cos[r, c + 1])
            hub = (s_hub[si] + t_hub[ts]) / 2
            lt = t_clen[j] - t_clen[ts]
            delta = (lt - ratio * ls) / math.sqrt(var * ((ls + lt / ratio) / 2 + 1.0))
            length = -min(delta * delta / 2, 12.0)
            q = w_sim * (cs - w_hub * hub) + w_lex * np.float64(lex[r, c]) + w_len * length - tau
            score = factor * q - merge
            if drop:  # inline: passing arrays to a helper costs a refcount per cell
                sub = _NEG
                if a > 1:  # bands have _LEFT = 1 extra column on the left, _RIGHT = 2 on the right
                    above = j - lo[i - 1] + 1
                    prev = up[si, above] if above < up.shape[1] else dot32(s_short[si], t_long[ts])
                    sub = max(np.float64(up[si + 1, c + 1]), np.float64(prev))
                if b > 1:
                    sub = max(sub, np.float64(left[si, c + 1]), np.float64(left[si, c]))
                score = score - w_drop * max(sub - cs + margin, 0.0)
            ends = 1.0 if s_brk[i] and t_brk[j] and i < n and j < m else 0.0
            crossed = s_cross + (t_cbrk[max(j - 1, 0)] - t_cbrk[ts])
            out[i, c] = score + (bonus * ends - cross_w * crossed)


def skip_costs(clen: np.ndarray, skip: float, len_exp: float) -> np.ndarray:
    """Cost of leaving each sentence unaligned: short lines (page furniture,
    stray marks) cost less than long sentences when skip_len_exp > 0.

    Tried and dropped: leaving a line without a word (OCR debris such as 'h * "')
    unaligned for nothing. Text+Berg dev rose 0.903 -> 0.910 on 5 links of one
    document, Text+Berg test fell 0.897 -> 0.894 (test0 0.877 -> 0.854): the gold
    treats such lines both ways, and the dev evidence was too thin to keep it."""
    lens = np.diff(clen)
    rel = lens / max(float(lens.mean()), 1.0)
    return skip * np.clip(rel, 0.05, 4.0) ** len_exp


def insertions(t: Side, cfg: AlignConfig) -> np.ndarray:
    """ins[j]: score of the 0-1 link of target sentence j-1 (ins[0] unused)."""
    skip = cfg.skip_ins if cfg.skip_ins >= 0 else cfg.skip
    return np.concatenate([[0.0], -skip_costs(t.clen, skip, cfg.skip_len_exp)])
