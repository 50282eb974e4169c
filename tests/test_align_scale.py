"""The aligner at scale: memory bounded by band cells, progress while encoding and decoding.

QA 2026-12-04: 49,000 x 49,000 sentences of texts that do not match died in mbr.py with a
MemoryError (a band of 72 cells a row, 7.5 GB), and the "align" bar stood still for the
103 s of encoding. Here the same paths run on small texts with tiny budgets.
"""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

import alignment.align as align_module
from alignment.align import AlignConfig, align
from alignment.embed import HashingEmbedder, UseEmbedder
from alignment.lattice import Lattice
from alignment.types import Sentence

WORDS = ("harbour committee railway valley museum painting cathedral glacier bridge storm "
         "letter winter theory river castle market garden soldier doctor village").split()


def _texts(n: int, seed: int = 0, matched: bool = True) -> tuple[list[Sentence], list[Sentence]]:
    """n sentences a side of random words; the target repeats the source's words (matched)
    or draws its own."""
    rng = random.Random(seed)

    def sentence() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 10))).capitalize() + "."

    src = [sentence() for _ in range(n)]
    tgt = [s.replace(" ", " le ") if matched else sentence() for s in src]
    return ([Sentence(t, i // 5) for i, t in enumerate(src)],
            [Sentence(t, i // 5) for i, t in enumerate(tgt)])


@pytest.fixture()
def lattice_cells(monkeypatch) -> list[int]:
    """Band cells (rows x width) of every lattice the aligner builds."""
    seen: list[int] = []
    init = Lattice.__init__

    def counting(self, scores, band, n, m, ins):
        init(self, scores, band, n, m, ins)
        seen.append((n + 1) * band.width)

    monkeypatch.setattr(Lattice, "__init__", counting)
    return seen


def _covers_all(alignment, n: int, m: int) -> bool:
    src = [i for link in alignment.links for i in link.src]
    tgt = [j for link in alignment.links for j in link.tgt]
    return src == list(range(n)) and tgt == list(range(m))


@pytest.mark.parametrize("matched", [True, False])
def test_band_over_the_cell_budget_is_aligned_in_pieces_within_it(lattice_cells, matched) -> None:
    src, tgt = _texts(400, matched=matched)
    cfg = AlignConfig(max_cells=3_000, piece_cells=2_000)
    out = align(src, tgt, embedder=HashingEmbedder(), config=cfg)
    assert _covers_all(out, 400, 400)
    fine = lattice_cells[1:]  # the first is the first pass's (two link types)
    assert len(fine) > 4 and max(fine) <= 3_000


def test_pieces_find_the_links_of_the_whole_on_matched_texts() -> None:
    src, tgt = _texts(300, seed=1)
    whole = align(src, tgt, embedder=HashingEmbedder())
    pieces = align(src, tgt, embedder=HashingEmbedder(), config=AlignConfig(max_cells=3_000,
                                                                              piece_cells=2_000))
    assert [(k.src, k.tgt) for k in pieces.links] == [(k.src, k.tgt) for k in whole.links]


def test_default_budget_keeps_a_matched_text_whole(lattice_cells) -> None:
    src, tgt = _texts(300, seed=2)
    align(src, tgt, embedder=HashingEmbedder())
    sizes = lattice_cells[1:]
    assert sizes and len(set(sizes)) == 1  # one band: the main lattice and its members


def test_piece_cuts_end_1_1_links_and_leave_both_texts_in_every_piece() -> None:
    path = [(0, 0)]
    rng = random.Random(3)
    while len(path) < 2_000:
        i, j = path[-1]
        step = rng.choice([(1, 1), (1, 1), (1, 0), (0, 1)])
        path.append((i + step[0], j + step[1]))
    cuts = align_module._piece_cuts(path, 100)
    assert cuts[0] == 0 and cuts[-1] == len(path) - 1 and len(cuts) > 5
    for a, b in zip(cuts, cuts[1:]):
        (i0, j0), (i1, j1) = path[a], path[b]
        assert i1 > i0 and j1 > j0 and i1 - i0 < 200
    for k in cuts[1:-1]:
        (i, j), (pi, pj) = path[k], path[k - 1]
        assert (i - pi, j - pj) == (1, 1)


def test_piece_cuts_of_a_short_path_leave_it_whole() -> None:
    path = [(k, k) for k in range(50)]
    assert align_module._piece_cuts(path, 100) == [0, 49]


def test_align_bar_moves_through_the_decode() -> None:
    src, tgt = _texts(60, seed=4)
    calls: list[tuple[int, int, str]] = []
    align(src, tgt, embedder=HashingEmbedder(), progress=lambda d, t, s: calls.append((d, t, s)))
    steps = [d for d, t, s in calls if s == "align"]
    assert steps == sorted(steps) and len(set(steps)) >= 7 and steps[-1] == max(steps)


class _ReportingEmbedder(HashingEmbedder):
    """A hashing embedder that reports a step per side, as UseEmbedder reports batches."""

    progress = staticmethod(lambda done, total, stage: None)

    def embed_runs(self, texts, max_run):
        self.progress(0, 2, "encode")
        self.progress(1, 2, "encode")
        out = super().embed_runs(texts, max_run)
        self.progress(2, 2, "encode")
        return out


def test_embedder_progress_is_one_encode_bar_that_closes() -> None:
    src, tgt = _texts(30, seed=5)
    embedder = _ReportingEmbedder()
    before = embedder.progress
    calls: list[tuple[int, int, str]] = []
    align(src, tgt, embedder=embedder, progress=lambda d, t, s: calls.append((d, t, s)))
    encode = [(d, t) for d, t, s in calls if s == "encode"]
    assert len(encode) >= 6  # both sides, each step
    assert all(d < t for d, t in encode[:-1])  # open until the features are done
    assert encode[-1][0] == encode[-1][1]
    assert [d for d, _ in encode] == sorted(d for d, _ in encode)
    assert embedder.progress is before  # given back


def test_use_embedder_reports_each_batch_and_encodes_the_same_bits(monkeypatch) -> None:
    import alignment.use_model as use_model

    texts = [f"Sentence number {k} of a text about {w}." for k, w in enumerate(WORDS * 3)]
    plain = UseEmbedder(threads=1).embed_runs(texts, 3)
    monkeypatch.setattr(use_model, "MACRO_TOKENS", 200)  # several batches
    small = UseEmbedder(threads=1).embed_runs(texts, 3)
    reported = UseEmbedder(threads=1)
    calls: list[tuple[int, int, str]] = []
    reported.progress = lambda d, t, s: calls.append((d, t, s))
    runs = reported.embed_runs(texts, 3)
    assert np.array_equal(runs, small) and np.allclose(runs, plain, atol=1e-6)
    done = [d for d, t, s in calls]
    assert {s for _, _, s in calls} == {"encode"} and len(calls) >= 4
    assert done == sorted(done) and done[-1] == calls[-1][1]


def test_replace_keeps_budget_knobs() -> None:
    cfg = replace(AlignConfig(), max_cells=10)
    assert cfg.max_cells == 10 and cfg.piece_cells == AlignConfig().piece_cells
