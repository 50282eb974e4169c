"""Memory of long alignments: estimated and refused before any work, and pieces that copy nothing.

QA: a 19 MB pair (43,572 sentences a side) took 3.1 GB and six minutes, with no word first.
Here the estimate-and-refuse path runs on small texts with tiny limits, and the fine pass's
pieces are checked to be views of the whole texts' run embeddings (first_pass.sub_side).
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import alignment.memory_budget as budget
from alignment.align import AlignConfig, align
from alignment.cli import main
from alignment.embed import HashingEmbedder
from alignment.errors import InputError, MemoryBudgetError
from alignment.first_pass import sub_side
from alignment.scoring import side
from alignment.types import Sentence
from test_cli import one_error_line


class _CountingEmbedder(HashingEmbedder):
    """Counts the texts it is asked to embed: a refusal must come before any."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def embed_runs(self, texts, max_run):
        self.asked += len(texts)
        return super().embed_runs(texts, max_run)


def _sentences(n: int, word: str) -> list[Sentence]:
    return [Sentence(f"The {word} number {k} crossed the river at dawn.", k // 4) for k in range(n)]


@pytest.mark.parametrize("n, m, limit_mb, refused", [
    (200, 200, 100, True),          # under what the process itself holds
    (200, 200, 8_000, False),
    (40_000, 40_000, 2_048, True),  # the QA case under the project's 2 GB budget
    (40_000, 40_000, 8_000, False),
])
def test_limit_given_refuses_before_the_encoder(n: int, m: int, limit_mb: float,
                                                refused: bool) -> None:
    cfg = AlignConfig(max_memory_mb=limit_mb)
    if refused:
        with pytest.raises(MemoryBudgetError, match=f"{n:,} x {m:,} sentences needs about"):
            budget.check_memory(n, m, cfg)
    else:
        budget.check_memory(n, m, cfg)


def test_align_refuses_before_embedding_anything() -> None:
    embedder = _CountingEmbedder()
    with pytest.raises(MemoryBudgetError, match="align it a part at a time") as caught:
        align(_sentences(50, "boat"), _sentences(50, "ship"), embedder=embedder,
              config=AlignConfig(max_memory_mb=10))
    assert embedder.asked == 0
    assert isinstance(caught.value, InputError) and "\n" not in str(caught.value)


@pytest.mark.parametrize("free_mb, refused", [(50.0, True), (64_000.0, False)])
def test_without_a_limit_the_memory_free_decides(monkeypatch, free_mb: float, refused: bool) -> None:
    monkeypatch.setattr(budget, "available_mb", lambda: free_mb)
    if refused:
        with pytest.raises(MemoryBudgetError, match="more than the .* this machine has free"):
            budget.check_memory(30_000, 30_000)
    else:
        budget.check_memory(30_000, 30_000)
    embedder = _CountingEmbedder()
    align(_sentences(20, "boat"), _sentences(20, "ship"), embedder=embedder)  # small: never refused
    assert embedder.asked == 40


def test_estimate_grows_with_the_sentences_and_stops_growing_with_the_band() -> None:
    small, large, huge = (budget.estimate_mb(k, k) for k in (10_000, 40_000, 80_000))
    assert small < 2_048  # the project's budget: 10k x 10k within 2 GB
    assert small < large < huge
    # past AlignConfig.max_cells the band is one piece at a time: sentences alone add
    assert huge - large == pytest.approx(80_000 * budget.SENTENCE_KB / 1024)


@pytest.mark.parametrize("args, code, said", [
    (["--max-memory", "100M"], 1, "more than the limit of 0.1 GB (--max-memory)"),
    (["--max-memory", "lots"], 2, "is no memory size"),
    (["--max-memory", "0"], 2, "is no memory size"),
])
def test_cli_max_memory(tmp_path: Path, monkeypatch, args: list[str], code: int, said: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.en").write_text("One boat.\nTwo ships.\n", encoding="utf-8")
    Path("a.fr").write_text("Un bateau.\nDeux navires.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["align", "a.en", "a.fr", "--presplit", "-s", "en", "-t", "fr",
                                       "--embedder", "hashing", "-o", "out.po", *args])
    if code == 1:
        assert said in one_error_line(result)
    else:
        assert result.exit_code == 2 and said in result.output
    assert not Path("out.po").exists()


def test_cli_max_memory_is_refused_with_several_versions(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in (("a.en", "One boat.\n"), ("a.fr", "Un bateau.\n"), ("a.es", "Un barco.\n")):
        Path(name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["align", "a.en", "a.fr", "a.es", "--max-memory", "4G",
                                       "-o", "set.tmx"])
    assert "--max-memory works on two texts" in one_error_line(result)


def test_a_piece_of_the_fine_pass_copies_no_run_embeddings() -> None:
    n, k, d = 6_000, 6, 256
    runs = np.random.default_rng(0).standard_normal((k, n, d)).astype(np.float32)
    whole = side(_sentences(n, "boat"), runs, np.zeros((k, n)), [], None)
    tracemalloc.start()
    piece = sub_side(whole, 1_000, 4_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert np.array_equal(piece.runs, runs[:, 1_000:4_000])
    assert peak < runs[:, 1_000:4_000].nbytes / 10  # 18 MB of runs; a copy was all of it
