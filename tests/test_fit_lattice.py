"""benchmarks/fit_lattice.py: its per-term stacks must add up to the aligner's own scores, or
the structured fit would learn weights for another score than the one align() decodes."""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import fit_lattice as fl  # noqa: E402

from alignment.align import AlignConfig  # noqa: E402
from alignment.scoring import all_scores, insertions  # noqa: E402
from alignment.types import Link, Sentence  # noqa: E402

SRC = ["The climbers left the camp at dawn.", "Snow fell all day.", "They reached the ridge by noon.",
       "The view was wide.", "At night the wind rose and the tents shook.", "Nobody slept."]
TGT = ["Les alpinistes quittèrent le camp à l'aube.", "La neige tomba toute la journée.",
       "Ils atteignirent l'arête à midi.", "La vue était vaste.", "La nuit, le vent se leva.",
       "Les tentes tremblaient.", "Personne ne dormit."]
GOLD = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((4,), (4, 5)), ((5,), (6,))]


@dataclass(frozen=True)
class Doc:
    name: str
    src: list
    tgt: list
    links: tuple


@pytest.fixture(scope="module")
def doc():
    return Doc("dev-test", [Sentence(t, k // 3) for k, t in enumerate(SRC)],
               [Sentence(t, k // 3) for k, t in enumerate(TGT)], tuple(Link(s, t, 1.0) for s, t in GOLD))


@pytest.mark.parametrize("cfg", [AlignConfig(), replace(AlignConfig(), w_hub=0.5, tau=0.2, skip=0.3, skip_ins=0.1,
                                                        para_bonus=0.4, para_cross=0.3, w_drop=2.0)])
def test_weighted_terms_are_the_aligners_scores(doc, fake_embedder, cfg):
    cfg = replace(cfg, mbr_members=())
    terms = fl.doc_terms(doc, fake_embedder, cfg, per_type=False)
    keys = list(fl.TERMS) + ["ins"]
    w = fl.defaults(cfg, keys)
    s, t, band, types, ratio, path, cos, lex = fl.band_of(doc, fake_embedder, cfg)
    want = np.stack([arr for _, _, arr in all_scores(s, t, band, types, cfg, ratio, path, cos, lex)])
    got = np.where(terms["valid"], sum(w[k] * terms["terms"][key] for k, key in enumerate(keys[:-1])), -np.inf)
    assert np.isfinite(want).sum() > 0
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(w[-1] * terms["ins"], insertions(t, cfg), atol=1e-12)


def test_oracle_path_keeps_the_gold_links(doc, fake_embedder):
    terms = fl.doc_terms(doc, fake_embedder, AlignConfig(), per_type=True)
    keys = list(fl.TERMS) + [f"t{a}{b}" for a, b in fl.PER_TYPE] + ["ins"]
    oracle = fl.decode(terms, fl.defaults(AlignConfig(), keys) * 1e-4, keys, terms["bonus"], terms["ins_bonus"])
    assert oracle == GOLD
    assert fl.f1(terms, oracle) == 1.0
    phi = fl.phi(terms, oracle, keys)
    assert phi[keys.index("t12")] == -1.0  # the one 1-2 link pays its type's cost once
