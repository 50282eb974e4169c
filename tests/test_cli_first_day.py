"""What a first-day tester met on the command line: help that named too few input formats,
`words --presplit` not saying the languages its help says are said, and errors on a missing
argument that pointed elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.read import BOOK_FORMATS, FORMATS
from test_cli import EN_LINES, FR_LINES, one_error_line

FAST = ["--embedder", "hashing", "-q"]


@pytest.fixture()
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path as the current folder, with a French text and its English translation."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.fr").write_text("\n".join(FR_LINES) + "\n", encoding="utf-8")
    (tmp_path / "b.en").write_text("\n".join(EN_LINES) + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", [*FORMATS, *BOOK_FORMATS])
def test_align_help_names_every_format_it_reads(fmt):
    text = " ".join(CliRunner().invoke(main, ["align", "-h"]).output.split()).lower()
    assert fmt in text


@pytest.mark.parametrize("args, said", [
    ([], "Detected language: source fr (-s to change), target en (-t to change)"),
    (["-s", "fr"], "Detected language: target en (-t to change)"),
    (["-s", "fr", "-t", "en"], None),
])
def test_words_presplit_says_the_languages_it_detects(work, args, said):
    result = CliRunner().invoke(main, ["words", "a.fr", "b.en", "--presplit", *FAST, *args])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == len(FR_LINES)
    detected = [ln for ln in result.stderr.splitlines() if ln.startswith("Detected language")]
    assert detected == ([said] if said else [])


def test_words_presplit_links_texts_whose_language_it_cannot_tell(work):
    """The word linker needs no language: one it cannot tell is said, never refused."""
    (work / "n1").write_text("12 34\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["words", "n1", "n1", "--presplit", *FAST])
    assert result.exit_code == 0 and result.stdout == "0-0 1-1\n"
    assert ("Detected language: source not detected (-s to give it), target not detected "
            "(-t to give it)") in result.stderr


@pytest.mark.parametrize("args, error", [
    (["words", "a.fr", "--presplit"], "Error: --presplit links SRC TGT, one sentence per line "
     "in each: give the translation too (alignment words a.fr TGT --presplit)"),
    (["words", "a.fr", "--presplit", "--tokenized", "-s", "fr"], "give the translation too"),
    (["align", "a.fr", "b.en", "--langs", "fr,en,es"], "Error: --langs names 3 languages for "
     "2 texts; give one code per text, original first (e.g. --langs fr,en,es)"),
    (["align", "a.fr", "b.en", "a.fr", "--langs", "fr,en"], "--langs names 2 languages for 3"),
])
def test_a_missing_argument_is_the_error_said(work, args, error):
    assert error in one_error_line(CliRunner().invoke(main, [*args, *FAST]))
