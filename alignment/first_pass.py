"""The aligner's first pass: a 1-1/1-0/0-1 path through the whole lattice, found in linear time.

align.py's full pass (many-to-many links) runs in a band around this path. When the
lattice is larger than cfg.full_cells, the path is first found on blocks of f sentences
(Vecalign's coarse-to-fine) and refined in a band around it; a band wider than
cfg.max_width (a block of the target without counterpart) has that block taken out first
(alignment/gaps.py), so memory stays linear whatever the path.
"""

from __future__ import annotations

import math

import numpy as np

from alignment import gaps
from alignment.align_config import AlignConfig
from alignment.anchors import sum_rows
from alignment.lattice import Band, Lattice, band_around, expand_band
from alignment.scoring import Side as _Side
from alignment.scoring import all_scores as _all_scores
from alignment.scoring import insertions as _insertions


def first_path(s: _Side, t: _Side, cfg: AlignConfig, ratio: float) -> list[tuple[int, int]]:
    """Lattice nodes of a 1-1/1-0/0-1 path: full lattice when small, else coarse-to-fine."""
    return nodes(first_links(s, t, cfg, ratio))


def first_links(s: _Side, t: _Side, cfg: AlignConfig, ratio: float):
    """The 1-1/1-0/0-1 links: whole lattice, or blocks of f sentences first (`blocks_of`)."""
    n, m = len(s.clen) - 1, len(t.clen) - 1
    types = [(1, 0), (1, 1)]
    if (n + 1) * (m + 1) <= cfg.full_cells:
        band = Band(np.zeros(n + 1, int), m + 1)
    else:
        f = int(math.ceil(math.sqrt((n + 1) * (m + 1) / cfg.full_cells)))
        cs, ct = blocks_of(s, f), blocks_of(t, f)
        coarse = first_path(cs, ct, cfg, ratio)
        band = expand_band(band_around(coarse, len(cs.clen) - 1, len(ct.clen) - 1, 1), f, n, m)
        if band.width > cfg.max_width:  # a long unmatched target block: take it out (gaps.py)
            margin = -(-cfg.gap_margin // f) + 1  # in blocks, one more for a block's slack
            interiors = gaps.run_interiors(coarse, len(ct.clen) - 1, margin)
            keep = gaps.kept_targets(np.repeat(interiors, f)[:m])
            if keep is not None:
                stairs = gaps.staircase(coarse, f, n, m)
                narrow = take_targets(t, keep)
                band = band_around(gaps.narrowed_path(stairs, keep), n, len(keep), f)
                scores = _all_scores(s, narrow, band, types, cfg, ratio)
                links = viterbi(scores, band, n, len(keep), _insertions(narrow, cfg))
                return gaps.restore(links, [0.0] * len(links), keep, m)[0]
    scores = _all_scores(s, t, band, types, cfg, ratio)
    return viterbi(scores, band, n, m, _insertions(t, cfg))


def take_targets(t: _Side, keep: np.ndarray) -> _Side:
    """The target side without the sentences not in `keep` (increasing indexes);
    a cut where sentences were taken out counts as a paragraph break."""
    return _kept(t, keep, t.runs[:, keep], t.hub[:, keep])


def sub_side(side: _Side, start: int, stop: int) -> _Side:
    """Sentences start..stop - 1 of a side (either text), as take_targets keeps them:
    a piece of the fine pass (align._in_pieces). Its run embeddings and hubness are views
    of the whole side's, not copies: take_targets' fancy indexing copied 12 KB a sentence
    per side and piece (40,000 x 40,000 sentences in three pieces: 320 MB more at the peak)."""
    return _kept(side, np.arange(start, stop), side.runs[:, start:stop], side.hub[:, start:stop])


def _kept(t: _Side, keep: np.ndarray, runs: np.ndarray, hub: np.ndarray) -> _Side:
    """`t` with only the sentences in `keep`, whose `runs` and `hub` are given."""
    clen = np.concatenate([[0.0], np.cumsum(np.diff(t.clen)[keep])])
    brk = np.append(t.brk[keep], True)
    brk[0] = True
    brk[1:-1] |= np.diff(keep) > 1
    words = None if t.words is None else t.words.subset(keep)
    return _Side(runs, hub, [x[keep] for x in t.lex], clen, brk, np.cumsum(brk), words)


def blocks_of(side: _Side, f: int) -> _Side:
    """Blocks of f sentences as one: sums of embeddings, lengths and anchors."""
    n = len(side.clen) - 1
    starts = np.arange(0, n, f)
    emb = np.add.reduceat(side.runs[0], starts, axis=0)
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-9)
    lex = sum_rows(side.lex[0], starts, np.minimum(starts + f, n))
    hub = np.add.reduceat(side.hub[0], starts)[None] / np.diff(np.append(starts, n))
    clen = side.clen[np.append(starts, n)]
    brk = np.zeros(len(starts) + 1, bool)
    brk[[0, -1]] = True
    return _Side(emb[None], hub, [lex], clen, brk, np.cumsum(brk))


def nodes(links: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> list[tuple[int, int]]:
    """The lattice nodes (sentences used on each side) after each link."""
    i = j = 0
    nodes = [(0, 0)]
    for s, t in links:
        i, j = i + len(s), j + len(t)
        nodes.append((i, j))
    return nodes


def viterbi(scores, band: Band, n: int, m: int, ins: np.ndarray):
    """The best path's links through the lattice of `scores`."""
    return Lattice(scores, band, n, m, ins).viterbi()


def piece_cuts(path, rows: int) -> list[int]:
    """Indexes of the nodes of the first path where the fine pass is cut into pieces of
    about `rows` source sentences: the end of a 1-1 link (a point both texts pass together),
    or, with none in the next half piece, the first node that has moved on both sides. Every
    piece holds a sentence of each text at least."""
    n, m = path[-1]
    rows = -(-n // -(-n // max(rows, 64)))  # pieces of about the same size
    cuts, goal = [0], rows
    for k in range(1, len(path) - 1):
        (i, j), pj = path[k], path[cuts[-1]][1]
        one_one = path[k - 1] == (i - 1, j - 1)
        if i >= goal and j > pj and (one_one or i >= goal + rows // 2):
            cuts.append(k)
            goal = i + rows
    if len(cuts) > 1 and (path[cuts[-1]][0] == n or path[cuts[-1]][1] == m):
        cuts.pop()  # nothing left on one side for a last piece
    return cuts + [len(path) - 1]
