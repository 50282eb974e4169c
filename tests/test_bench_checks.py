"""benchmarks/bench_checks.py's corpora: the swapped Text+Berg (French original, German
translation) holds the same clean 1-1 pairs as Text+Berg dev, sides and languages swapped."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import bench_checks as bc  # noqa: E402


def test_textberg_frde_swaps_the_sides(bench_dir: Path) -> None:
    langs, pairs = bc.corpus_pairs("textberg", bench_dir)
    langs_r, pairs_r = bc.corpus_pairs("textberg-frde", bench_dir)
    assert (langs, langs_r) == (("de", "fr"), ("fr", "de"))
    assert len(pairs) == 246 and pairs_r == [(b, a) for a, b in pairs]


def test_textberg_frde_gold_is_french_first(bench_dir: Path) -> None:
    (de_fr,), (fr_de,) = bc.gold_documents(bench_dir, "textberg"), bc.gold_documents(bench_dir, "textberg-frde")
    assert (fr_de.src_lang, fr_de.tgt_lang) == ("fr", "de")
    assert (fr_de.src, fr_de.tgt) == (de_fr.tgt, de_fr.src)
    assert [(l.src, l.tgt) for l in fr_de.alignment.links] == [(l.tgt, l.src) for l in de_fr.alignment.links]
