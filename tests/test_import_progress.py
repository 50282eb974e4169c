"""Reading a file of pairs shows progress (a sheet of 100,000 rows took 8-22 s without a sign of
life): `read_pairs_noted` reports its steps, the CLI writes them to stderr unless -q."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from alignment.export import render_tmx, render_tsv
from alignment.import_pairs import read_pairs_noted
from alignment.types import Alignment, Bitext, Link, Sentence
from test_import_ods import ods
from test_import_sheets import review_docx, xlsx

ROWS = [("Il pleut.", "It rains."), ("Le pont est tombé.", "The bridge fell.")]
BITEXT = Bitext(tuple(Sentence(s) for s, _ in ROWS), tuple(Sentence(t) for _, t in ROWS),
                Alignment(tuple(Link((k,), (k,)) for k in range(len(ROWS)))), "fr", "en")


# ids of their own, not the bytes: those hold the time they were made, and xdist's workers,
# collecting a second apart, saw different tests (an error that fails the whole run)
@pytest.mark.parametrize("name, data", [
    ("pairs.tsv", render_tsv(BITEXT).encode()),
    ("pairs.tmx", render_tmx(BITEXT)),
    ("pairs.xlsx", xlsx(("fr", "en"), *ROWS)),
    ("pairs.ods", ods(("fr", "en"), *ROWS, tail=False)),
    ("pairs.docx", review_docx(("Source (fr)", "Target (en)"), *ROWS)),
], ids=["tsv", "tmx", "xlsx", "ods", "docx"])
def test_each_format_reports_its_reading_step_by_step(name: str, data: bytes) -> None:
    heard: list[tuple[int, int, str]] = []
    bitext, _ = read_pairs_noted(data, name, progress=lambda done, total, stage: heard.append((done, total, stage)))
    stage = f"read {Path(name).suffix[1:]}"
    assert heard == [(k, 3, stage) for k in range(4)]
    assert len(bitext.alignment.links) == len(ROWS)


def test_a_file_refused_hears_only_its_start() -> None:
    heard: list[tuple[int, int, str]] = []
    with pytest.raises(Exception, match="pairs.tsv"):
        read_pairs_noted(b"\t\n\t\n", "pairs.tsv", progress=lambda *step: heard.append(step))
    assert heard[-1][0] < heard[-1][1]   # never said to be done


@pytest.mark.parametrize("quiet", [False, True])
def test_import_with_stderr_to_a_file_says_its_reading_unless_quiet(tmp_path: Path, quiet: bool) -> None:
    (tmp_path / "job.xlsx").write_bytes(xlsx(("fr", "en"), *ROWS))
    with open(tmp_path / "log", "w", encoding="utf-8") as log:
        done = subprocess.run([sys.executable, "-m", "alignment", "import", str(tmp_path / "job.xlsx"),
                               "-o", str(tmp_path / "job.po")] + ["-q"] * quiet,
                              stderr=log, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 0
    said = [line.split(":")[0] for line in (tmp_path / "log").read_text(encoding="utf-8").splitlines()
            if "%" in line]
    assert said == ([] if quiet else ["read xlsx", "read xlsx"])
