"""Minimum-Bayes-risk decoding of the aligner's lattice (issue 15).

Why: Viterbi returns the single best-scoring path, and the bench counts links
exactly right. Where the scores hesitate between one 2-2 link and two 1-1
links, the best path takes whichever wins by a hair, while the links the
lattice as a whole believes in (summed over every path) may be the other
ones. MBR decoding keeps the lattice and its scores but asks a different
question: which path holds the most links likely to be right?

1. Posterior of every candidate link (the same a-b links over the same band as
   Viterbi, 0-1 insertions included): forward-backward on the scores divided
   by a temperature T (confidence.py does the same for the chosen links),
   exp(forward to its start + its score + backward from its end - total).
2. A Viterbi over those posteriors: the path maximising the sum over its links
   of (posterior - theta). Sum of posteriors is the expected number of right
   links; theta charges each link, as the expected F1 = 2 C / (H + G) (C right
   links, H hypothesis links, G gold links) does: at the path maximising it,
   the best theta is F1 / 2. `theta < 0` finds it (Dinkelbach's iteration on
   the ratio: theta = S / (H + E[G]), E[G] the expected number of links,
   decode again), so the only free knob is T.
Links Viterbi forbids (score -inf) stay forbidden. T -> 0 gives Viterbi back.

Cost: one forward-backward pass and one or a few best-path passes more
(lattice.best_path, the Viterbi kernel), all over the band; the members of an
ensemble are scored and swept in threads.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import numba
import numpy as np

from alignment.lattice import Lattice, band_span, best_path, links_from_back

_NEG = -np.inf
_MAX_ROUNDS = 5  # Dinkelbach rounds of the automatic theta (2-3 reach a fixed path)
_FLOOR = -40.0  # log posteriors below this are taken as 0 (_posteriors)
_THETA_START = 0.45  # half a first guess of the F1 (dev: 0.9); the rounds correct it


def mbr_links(lattice: Lattice, temp: float, theta: float,
              members: Sequence[Callable[[], Lattice]] = ()):
    """Links of the MBR path (align.py's format: (src indexes, tgt indexes)).
    `theta < 0`: theta is half the expected F1 of the path, found by iteration.
    `members`: makers of lattices of the same band and link types under other
    scores (an ensemble), run in threads beside this one's posteriors (the
    sweeps and the score kernels release the GIL); the posteriors are averaged,
    and the links the first lattice forbids stay forbidden."""
    post, ins_post = _averaged_posteriors(lattice, temp, members)
    expected = float(post.sum() + ins_post.sum())  # expected number of links of a path
    ins_post[np.isneginf(lattice.ins_cells(lattice.ins))] = _NEG  # links the stack forbids: best_path
    if theta >= 0:
        back, _ = _decode(lattice, post, ins_post, theta)
        return links_from_back(back, lattice.types, lattice.band.lo, lattice.n, lattice.m)
    theta, seen = _THETA_START, set()
    for _ in range(_MAX_ROUNDS):
        back, value = _decode(lattice, post, ins_post, theta)
        links = links_from_back(back, lattice.types, lattice.band.lo, lattice.n, lattice.m)
        right = value + theta * len(links)  # expected right links on the path
        key = tuple(len(s) * 64 + len(t) for s, t in links)
        if key in seen:
            break
        seen.add(key)
        theta = right / (len(links) + expected)
    return links


def _averaged_posteriors(lattice: Lattice, temp: float, members: Sequence[Callable[[], Lattice]]):
    """The posteriors of `lattice` and of each member's lattice, averaged; with no
    member, its forward and backward sweeps run in two threads."""
    workers = max(1, min(len(members) or 1, os.cpu_count() or 1))
    with ThreadPoolExecutor(workers, thread_name_prefix="mbr") as pool:
        futures = [pool.submit(lambda make: link_posteriors(make(), temp), make) for make in members]
        post, ins_post = link_posteriors(lattice, temp, None if members else pool)
        for future in futures:
            more, more_ins = future.result()
            post += more
            ins_post += more_ins
    if members:
        post /= len(members) + 1
        ins_post /= len(members) + 1
    return post, ins_post


def link_posteriors(lattice: Lattice, temp: float,
                    pool: ThreadPoolExecutor | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(post[t, i, c], ins_post[i, c]): posterior probability, at temperature
    `temp`, of the link of type t ending at cell (i, lo[i] + c), and of the 0-1
    link ending there. `pool`: the backward sweep runs there meanwhile."""
    fwd, bwd = lattice.sweeps(temp, pool)
    return _posteriors(lattice.stack, lattice.ta, lattice.tb, lattice.lo, lattice.ins / temp, fwd, bwd,
                       lattice.m, temp)


def _decode(lattice: Lattice, post: np.ndarray, ins_post: np.ndarray, theta: float):
    """Back-pointers and value of the path maximising sum(posterior - theta)
    over the links the lattice allows (`ins_post`: -inf where it forbids a 0-1 link)."""
    return best_path(post, ins_post, lattice.ta, lattice.tb, lattice.lo, lattice.m, theta, lattice.stack)


@numba.njit(cache=True, nogil=True)
def _posteriors(stack, ta, tb, lo, ins, fwd, bwd, m, temp):
    """Link posteriors from the sweeps; `stack` divided by `temp` as it is read.
    A posterior under exp(_FLOOR) (4e-18) is left 0, its exp not taken: the
    decode reads posterior - theta, and with theta about half the expected F1
    so small a term is under half an ulp of it (at 10k x 10k, 91% of the
    type-cells: 0.28 -> 0.19 s a lattice; dev and 10k figures the same)."""
    n_types, n_rows, width = stack.shape
    total = fwd[n_rows - 1, m - lo[n_rows - 1]]
    post = np.zeros((n_types, n_rows, width))
    ins_post = np.zeros((n_rows, width))
    for i in range(n_rows):
        for t in range(n_types):
            a = ta[t]
            if i < a:
                continue
            shift = lo[i] - tb[t] - lo[i - a]
            start, end = band_span(shift, width)
            for c in range(start, end):
                v = fwd[i - a, c + shift] + stack[t, i, c] / temp + bwd[i, c] - total
                if v > _FLOOR:
                    post[t, i, c] = math.exp(min(v, 0.0))
        for c in range(1, width):
            v = fwd[i, c - 1] + ins[lo[i] + c] + bwd[i, c] - total
            if v > _FLOOR:
                ins_post[i, c] = math.exp(min(v, 0.0))
    return post, ins_post
