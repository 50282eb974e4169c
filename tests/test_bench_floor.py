"""Accuracy floors on real gold data (../shared/bench), with the real engine and encoder.

Skips cleanly when the shared benchmark folder is absent. The floors sit a little
below what the engine reaches (benchmarks/bench_engine.py and `alignment bench`
print the full figures), so a change that loses accuracy fails here. Only tuning
data is used: Text+Berg dev and two LIMSI books, never Text+Berg test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment.evaluate import GoldDoc, read_limsi_book, read_textberg, score
from alignment.registry import EMBEDDERS
from alignment.types import Alignment

pytestmark = pytest.mark.slow

# document -> (strict F1 floor, lax F1 floor), about 0.03 below what the engine
# reaches (HEAD 0f65758: dev 0.893/0.991, Emma 0.753/0.959, Jane Eyre 0.920/0.991).
# For comparison, Bertalign + mUSE reaches 0.896 strict over the five LIMSI books
# (Emma 0.679); raise these as the engine improves. LIMSI books are aligned as
# `alignment bench` aligns them, a run of unaligned sentences as one link (the
# LIMSI gold's convention): scored against that gold, every 1-0 link of such a
# run counts as wrong, so a change that finds more of the gold's omissions could
# lower the figure (the word term, word_score.py: Emma ungrouped lax 0.952 ->
# 0.922 with 22 of the gold's 37 omitted sentences found instead of 13; grouped,
# as here, strict 0.778 -> 0.801, lax 0.966 -> 0.964).
FLOORS = {
    "textberg/dev": (0.86, 0.97),
    "limsi/Emma_EN-FR": (0.72, 0.93),
    "limsi/JaneEyre_EN-FR": (0.88, 0.98),
}


@pytest.fixture(scope="module")
def aligned(bench_dir: Path) -> dict[str, tuple[GoldDoc, Alignment]]:
    """Every floor document aligned once with the default engine and the USE encoder."""
    from alignment.align import align

    from alignment.align import AlignConfig

    embedder = EMBEDDERS["use"]()
    out = {}
    for key in FLOORS:
        part, name = key.split("/")
        doc = (read_textberg(bench_dir / part, name) if part == "textberg"
               else read_limsi_book(bench_dir / part / name))
        config = AlignConfig(group_unaligned=doc.groups_unaligned)
        out[key] = (doc, align(doc.src, doc.tgt, embedder=embedder, config=config,
                               src_lang=doc.src_lang, tgt_lang=doc.tgt_lang))
    return out


@pytest.mark.parametrize("key", list(FLOORS))
def test_strict_and_lax_f1_floors(aligned, key: str) -> None:
    doc, alignment = aligned[key]
    s = score([doc.links], [alignment.links])
    strict, lax = FLOORS[key]
    assert s.f1_strict >= strict, f"{key}: strict F1 {s.f1_strict:.3f} < floor {strict}"
    assert s.f1_lax >= lax, f"{key}: lax F1 {s.f1_lax:.3f} < floor {lax}"


@pytest.mark.parametrize("key", list(FLOORS))
def test_engine_covers_every_gold_sentence_once(aligned, key: str) -> None:
    doc, alignment = aligned[key]
    src = [i for link in alignment.links for i in link.src]
    tgt = [j for link in alignment.links for j in link.tgt]
    assert src == list(range(len(doc.src))) and tgt == list(range(len(doc.tgt)))
    assert alignment.signature.embedder == EMBEDDERS["use"].name
