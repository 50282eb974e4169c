"""MBR decoding (alignment/mbr.py) against brute force over every path of small lattices."""

from __future__ import annotations

import math

import numpy as np
import pytest
from test_lattice import all_paths, random_lattice

from alignment.lattice import Band, Lattice
from alignment.mbr import link_posteriors, mbr_links


def brute_posteriors(lat: Lattice, temp: float) -> dict:
    """Posterior of every link, summing exp(score / temp) over the paths holding it."""
    paths = list(all_paths(lat))
    top = max(s for s, _ in paths)
    weights = [math.exp((s - top) / temp) for s, _ in paths]
    post: dict = {}
    for w, (_, links) in zip(weights, paths):
        for k, link in enumerate(links):
            key = (_end(links[:k]), link)
            post[key] = post.get(key, 0.0) + w / sum(weights)
    return post


def _end(links) -> tuple[int, int]:
    return sum(len(s) for s, _ in links), sum(len(t) for _, t in links)


def path_gain(links, post: dict, theta: float) -> float:
    """Sum over the path's links of (posterior - theta)."""
    return sum(post[(_end(links[:k]), link)] - theta for k, link in enumerate(links))


def compiled_posteriors(lat: Lattice, temp: float) -> dict:
    """link_posteriors as a dict keyed as brute_posteriors (zeros left out)."""
    post, ins_post = link_posteriors(lat, temp)
    out = {}
    for t, (a, b) in enumerate(lat.types):
        for i, c in zip(*np.nonzero(post[t])):
            j = lat.band.lo[i] + c
            out[((i - a, j - b), (tuple(range(i - a, i)), tuple(range(j - b, j))))] = post[t, i, c]
    for i, c in zip(*np.nonzero(ins_post)):
        j = lat.band.lo[i] + c
        out[((i, j - 1), ((), (j - 1,)))] = ins_post[i, c]
    return out


@pytest.mark.parametrize("seed, n, m, narrow, temp", [
    (0, 3, 3, False, 1.0), (1, 4, 3, False, 0.5), (2, 4, 5, True, 1.0), (3, 5, 5, True, 0.3),
    (4, 3, 4, False, 2.0)])
def test_posteriors_are_the_path_sums(seed, n, m, narrow, temp):
    lat = random_lattice(seed, n, m, narrow)
    brute, fast = brute_posteriors(lat, temp), compiled_posteriors(lat, temp)
    keys = {k for k, v in brute.items() if v > 1e-12} | {k for k, v in fast.items() if v > 1e-12}
    for key in keys:
        assert fast.get(key, 0.0) == pytest.approx(brute.get(key, 0.0), abs=1e-9), key


@pytest.mark.parametrize("seed, n, m, narrow, temp, theta", [
    (0, 3, 3, False, 1.0, 0.0), (1, 4, 3, False, 0.5, 0.3), (2, 4, 5, True, 1.0, 0.5),
    (3, 5, 5, True, 0.3, 0.2), (5, 4, 4, False, 2.0, 0.1), (6, 5, 4, True, 1.0, 0.45)])
def test_mbr_path_has_the_largest_expected_gain(seed, n, m, narrow, temp, theta):
    lat = random_lattice(seed, n, m, narrow)
    post = brute_posteriors(lat, temp)
    best = max(path_gain(links, post, theta) for _, links in all_paths(lat))
    assert path_gain(mbr_links(lat, temp, theta), post, theta) == pytest.approx(best, abs=1e-9)


def two_by_two() -> Lattice:
    """A 2x2 text where one 2-2 link is the best path (score 1.0), but the first
    1-1 link (0.5) starts three paths (1-1 then 1-1, 0.9; 1-1, 1-0, 0-1, 0.85;
    1-1, 0-1, 1-0, 0.83): the lattice as a whole believes in that link."""
    neg = -np.inf
    one_one = np.full((3, 3), neg)
    one_one[1, 1], one_one[2, 2] = 0.5, 0.4
    two_two = np.full((3, 3), neg)
    two_two[2, 2] = 1.0
    one_zero = np.full((3, 3), neg)
    one_zero[2, 1], one_zero[2, 2] = 0.2, 0.13
    ins = np.array([0.0, -50.0, 0.15])
    return Lattice([(1, 0, one_zero), (1, 1, one_one), (2, 2, two_two)], Band(np.zeros(3, np.int64), 3),
                   2, 2, ins)


WHOLE = [((0, 1), (0, 1))]
SPLIT = [((0,), (0,)), ((1,), (1,))]
DROP_ADD = [((0,), (0,)), ((1,), ()), ((), (1,))]


@pytest.mark.parametrize("temp, theta, links", [
    (0.005, 0.45, WHOLE),  # cold: the posteriors are the best path's, MBR is Viterbi
    (0.2, 0.45, WHOLE),    # warm (2-2 at 0.42, first 1-1 at 0.59), links charged as at F1 0.9
    (0.2, 0.3, SPLIT),     # a cheaper link: the likely 1-1 link and the best way on
    (0.2, 0.0, DROP_ADD),  # free links: the path with most links of some mass
    (0.2, -1.0, SPLIT),    # theta from the expected F1: 0.84 / (2 + 1.53 expected links) = 0.24
])
def test_mbr_and_viterbi_differ_where_the_mass_is_elsewhere(temp, theta, links):
    lat = two_by_two()
    assert lat.viterbi() == WHOLE
    assert mbr_links(lat, temp, theta) == links


@pytest.mark.parametrize("seed, n, m, temp, theta", [(7, 3, 3, 1.0, 0.2), (8, 4, 4, 0.5, 0.4), (9, 4, 3, 1.0, -1.0)])
def test_ensemble_path_has_the_largest_averaged_gain(seed, n, m, temp, theta):
    """Two lattices of one band: the MBR path maximises the gain under their mean posteriors."""
    first, second = random_lattice(seed, n, m, False), random_lattice(seed + 100, n, m, False)
    second = Lattice([(a, b, np.where(np.isinf(x), -np.inf, y)) for (a, b), x, y in
                      zip(first.types, first.stack, second.stack)], first.band, n, m, second.ins)
    one, two = brute_posteriors(first, temp), brute_posteriors(second, temp)
    mean = {k: (one.get(k, 0.0) + two.get(k, 0.0)) / 2 for k in one.keys() | two.keys()}
    links = mbr_links(first, temp, theta, [lambda: second])
    if theta >= 0:
        best = max(path_gain(p, mean, theta) for _, p in all_paths(first))
        assert path_gain(links, mean, theta) == pytest.approx(best, abs=1e-9)
    assert mbr_links(first, temp, theta, [lambda: first]) == mbr_links(first, temp, theta)
    # two members in threads give the mean of three
    three = {k: (2 * one.get(k, 0.0) + two.get(k, 0.0)) / 3 for k in one.keys() | two.keys()}
    if theta >= 0:
        best = max(path_gain(p, three, theta) for _, p in all_paths(first))
        both = mbr_links(first, temp, theta, [lambda: first, lambda: second])
        assert path_gain(both, three, theta) == pytest.approx(best, abs=1e-9)


def test_sweeps_are_kept_for_the_last_temperature_and_match_the_scaled_lattice():
    """MBR decoding and the confidence read one forward-backward: asked again at the
    same temperature the lattice gives the same arrays; at another, those of its scores
    divided by that temperature."""
    lat = random_lattice(11, 4, 5, False)
    fwd, bwd = lat.sweeps(0.5)
    again = lat.sweeps(0.5)
    assert again[0] is fwd and again[1] is bwd
    scaled = Lattice([(a, b, x / 0.25) for (a, b), x in zip(lat.types, lat.stack)], lat.band,
                     lat.n, lat.m, lat.ins / 0.25)
    other = lat.sweeps(0.25)
    assert np.allclose(other[0], scaled.forward(), equal_nan=True)
    assert np.allclose(other[1], scaled.backward(), equal_nan=True)
    assert not np.allclose(other[0], fwd, equal_nan=True)
