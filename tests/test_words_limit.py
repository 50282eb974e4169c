"""`alignment words` says which links it gave no word links for their size (MAX_WORD_PAIRS):
'Wrote oneline.po: 0 word links in 1 entries' left a 1 MB link's omission unsaid."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.po import write_po
from alignment.types import Alignment, Bitext, Link, Sentence

LONG_FR = " ".join(f"mot{k}" for k in range(600)) + "."   # 601 x 501 tokens: past 250,000
LONG_EN = " ".join(f"word{k}" for k in range(500)) + "."
SHORT = [("Le pont est vieux.", "The bridge is old."), ("Il pleut.", "It rains.")]


def _po(tmp: Path, long_at: list[int]) -> Path:
    texts = list(SHORT) + [(f"Phrase {k}.", f"Sentence {k}.") for k in range(3)]
    for k in long_at:
        texts.insert(k, (LONG_FR, LONG_EN))
    src = tuple(Sentence(a) for a, _ in texts)
    tgt = tuple(Sentence(b) for _, b in texts)
    links = tuple(Link((k,), (k,)) for k in range(len(texts)))
    return write_po(Bitext(src, tgt, Alignment(links), "fr", "en"), tmp / "pairs.po")


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Warning:")]


@pytest.mark.parametrize("long_at, said", [
    ([], []),
    ([1], ["Warning: link 2: more than 250,000 word pairs in it, so no word links found there; "
           "split it into shorter links to link its words"]),
    ([0, 3], ["Warning: links 1, 4: more than 250,000 word pairs each, so no word links found "
              "there; split them into shorter links to link their words"]),
])
def test_words_names_the_links_past_the_word_pair_limit(tmp_path: Path, long_at: list[int],
                                                         said: list[str]) -> None:
    po = _po(tmp_path, long_at)
    res = CliRunner().invoke(main, ["words", str(po), "--embedder", "hashing", "-q"])
    assert res.exit_code == 0, res.output
    assert _warnings(res.stderr) == said
    assert res.stderr.splitlines()[-1].startswith(f"Wrote {po}:")


def test_words_presplit_names_the_lines_past_the_limit(tmp_path: Path) -> None:
    (tmp_path / "a.fr").write_text(f"Le pont.\n{LONG_FR}\n", encoding="utf-8")
    (tmp_path / "a.en").write_text(f"The bridge.\n{LONG_EN}\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["words", str(tmp_path / "a.fr"), str(tmp_path / "a.en"),
                                    "--presplit", "-s", "fr", "-t", "en", "--embedder", "hashing",
                                    "-q"])
    assert res.exit_code == 0, res.output
    assert [w.split(":")[1] for w in _warnings(res.stderr)] == [" line 2"]
    assert res.stdout.splitlines()[1] == ""   # the line itself: no links
