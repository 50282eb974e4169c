"""Progress where stderr is no terminal (a log, nohup, CI) or a terminal of no size: plain
lines, so a batch user sees signs of life; and one "encode" bar that does not fall back."""

from __future__ import annotations

import io
import os
import pty
import select
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from alignment.align import align
from alignment.embed import HashingEmbedder
from alignment import progress as progress_module
from alignment.types import Sentence
from alignment.warm_up import COMPILING

FR = ["Le vieux pont est tombé hier soir.", "Personne n'a été blessé.", "La mairie promet un "
      "nouveau pont.", "Les travaux dureront deux ans."]
EN = ["The old bridge fell last night.", "Nobody was hurt.", "The town hall promises a new "
      "bridge.", "The work will take two years."]


@pytest.fixture(autouse=True)
def kernels_compiled(monkeypatch) -> None:
    """The stages read as they are named: a fresh clone's first alignment would add
    warm_up.COMPILING to "align" (tests/test_warm_up.py has that case)."""
    from alignment import warm_up

    monkeypatch.setattr(warm_up, "compiled", lambda modules: True)


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_lines_at_start_every_ten_seconds_and_at_the_end(monkeypatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    clock = _Clock()
    report = progress_module.line_progress(clock=clock)
    for done, at in [(0, 0), (1, 3), (2, 9), (3, 11), (4, 15), (5, 22), (10, 23)]:
        clock.now = 100.0 + at
        report(done, 10, "encode")
    report(10, 10, "encode")   # an end said twice is one line
    lines = err.getvalue().splitlines()
    assert [line.split("%")[0] for line in lines] == ["encode:   0", "encode:  30", "encode:  50",
                                                       "encode: 100"]
    assert lines[-1].startswith("encode: 100% 10/10 [00:23<00:00")


def test_each_stage_has_its_own_lines_and_one_run_again_starts_anew(monkeypatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    report = progress_module.line_progress(clock=_Clock())
    for stage in ("segment", "align", "segment"):
        report(0, 2, stage)
        report(1, 2, stage)
        report(2, 2, stage)
    assert [line.split("%")[0] for line in err.getvalue().splitlines()] == [
        "segment:   0", "segment: 100", "align:   0", "align: 100", "segment:   0", "segment: 100"]


@pytest.mark.parametrize("quiet", [False, True])
def test_align_with_stderr_to_a_file_says_each_stage_unless_quiet(tmp_path: Path, quiet: bool) -> None:
    """`alignment align ... 2> log`, run as a batch job runs it."""
    (tmp_path / "a.fr.txt").write_text(" ".join(FR), encoding="utf-8")
    (tmp_path / "a.en.txt").write_text(" ".join(EN), encoding="utf-8")
    with open(tmp_path / "log", "w", encoding="utf-8") as log:
        done = subprocess.run([sys.executable, "-m", "alignment", "align", str(tmp_path / "a.fr.txt"),
                               str(tmp_path / "a.en.txt"), "-s", "fr", "-t", "en", "--embedder",
                               "hashing", "-o", str(tmp_path / "a.po")] + ["-q"] * quiet,
                              stderr=log, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 0
    lines = (tmp_path / "log").read_text(encoding="utf-8").splitlines()
    # (in a process of its own: a fresh clone's first alignment compiles, and says so)
    said = [line.split(":")[0].removesuffix(COMPILING) for line in lines if "%" in line]
    assert said == ([] if quiet else ["segment", "segment", "align", "align"])
    assert not any("\r" in line or "|" in line for line in lines)   # no bar drawn in a log


def test_a_stderr_held_in_memory_hears_nothing(monkeypatch) -> None:
    """A program's or a test's capture (click's CliRunner) gets no progress, as before."""
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    report = progress_module.tqdm_progress()
    report(0, 2, "align")
    report(2, 2, "align")
    assert err.getvalue() == ""


def _in_a_pty(rows: int, cols: int, monkeypatch) -> tuple[int, object]:
    master, slave = pty.openpty()
    import fcntl
    import termios
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    out = os.fdopen(slave, "w", encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", out)
    return master, out


def _read_all(master: int) -> str:
    got = b""
    while select.select([master], [], [], 0.2)[0]:
        got += os.read(master, 65536)
    return got.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="no pty")
@pytest.mark.parametrize("rows, cols, bar", [(0, 0, False), (24, 80, True)])
def test_a_terminal_of_no_size_gets_lines_and_a_terminal_its_bar(monkeypatch, rows: int, cols: int,
                                                                 bar: bool) -> None:
    """A pty nobody sized (some CI runners, `docker exec -t`) reads 0 x 0: tqdm drew nothing."""
    master, out = _in_a_pty(rows, cols, monkeypatch)
    try:
        report = progress_module.tqdm_progress()
        for done in range(3):
            report(done, 2, "align")
        out.flush()
        text = _read_all(master)
    finally:
        out.close()
        os.close(master)
    assert "align:" in text and "2/2" in text
    assert ("|" in text and "\r" in text.replace("\r\n", "")) is bar   # a bar redrawn in place


class _TwoSides(HashingEmbedder):
    """Reports batches as UseEmbedder does, a call per side not found in the cache."""

    progress = staticmethod(lambda done, total, stage: None)

    def __init__(self, cached: frozenset[int] = frozenset()) -> None:
        super().__init__()
        self.cached, self.calls = cached, 0

    def embed_runs(self, texts, max_run):
        self.calls += 1
        if self.calls not in self.cached:
            total = 2 * len(texts) - 1   # sentences and joins
            for done in range(0, total, 3):
                self.progress(done, total, "encode")
            self.progress(total, total, "encode")
        return super().embed_runs(texts, max_run)


@pytest.mark.parametrize("cached, more", [(frozenset(), 0), (frozenset(), 2), (frozenset({1}), 0),
                                           (frozenset({2}), 0)])
def test_the_encode_bar_never_falls_back(cached: frozenset[int], more: int) -> None:
    """It ran to 100% on the original and fell back to 47-50% on the translation (`more`: a
    translation a sixth longer, 12 and 14 sentences)."""
    src, tgt = [Sentence(t) for t in FR * 3], [Sentence(t) for t in (EN * 4)[:12 + more]]
    calls: list[tuple[int, int, str]] = []
    align(src, tgt, embedder=_TwoSides(cached), progress=lambda d, t, s: calls.append((d, t, s)))
    shares = [d / t for d, t, s in calls if s == "encode"]
    assert len(shares) > 4 and shares == sorted(shares) and shares[-1] == 1.0
