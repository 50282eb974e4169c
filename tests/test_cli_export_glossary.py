"""`alignment export GLOSSARY.csv --anki DECK` (the app's glossary download) makes the app's word
cards; read as a sheet of sentence pairs, its counts and examples were dropped and each card's
back said 'link N'."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.glossary import GlossaryEntry, to_anki, to_csv
from test_words import deck_notes

ENTRIES = (GlossaryEntry("chat", "cat", 3, 0, "Le chat dort.", "The cat sleeps."),
           GlossaryEntry("chat", "puss", 1, 2, "Un chat.", "A puss."),
           GlossaryEntry("Paris (Parisiens)", "Paris", 2, 1, "À Paris.", "In Paris."))


@pytest.fixture()
def glossary_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "Chats-glossary.csv"
    path.write_text(to_csv(ENTRIES, "fr", "en"), encoding="utf-8")
    return path


def test_a_glossary_csv_becomes_the_apps_word_cards(glossary_csv: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", glossary_csv.name, "--anki", "Chats.apkg"])
    assert result.exit_code == 0, result.output
    notes = deck_notes((tmp_path / "Chats.apkg").read_bytes(), tmp_path)
    app = deck_notes(to_anki(ENTRIES, "Chats"), tmp_path)
    assert notes == app   # fields and note ids alike
    assert [n[:2] for n in notes] == [("chat", "cat, puss"), ("Paris (Parisiens)", "Paris")]
    assert not any(f.startswith("link ") for n in notes for f in n)


@pytest.mark.parametrize("options", [["--tsv", "out.tsv"], ["--anki", "d.apkg", "--html", "o.html"]])
def test_a_glossary_csv_makes_nothing_but_word_cards(glossary_csv: Path, tmp_path: Path,
                                                     options: list[str]) -> None:
    result = CliRunner().invoke(main, ["export", glossary_csv.name, *options])
    assert result.exit_code == 1
    assert "is a glossary (word pairs), not sentence pairs" in result.output
    assert not any((tmp_path / n).exists() for n in ("out.tsv", "d.apkg", "o.html"))


def test_a_sheet_of_sentence_pairs_still_makes_sentence_cards(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pairs.csv").write_text("fr,en\nLe chat dort.,The cat sleeps.\nIl pleut.,It rains.\n",
                                        encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "pairs.csv", "--anki", "s.apkg"])
    assert result.exit_code == 0, result.output
    notes = deck_notes((tmp_path / "s.apkg").read_bytes(), tmp_path)
    assert [n[:3] for n in notes] == [("Le chat dort.", "The cat sleeps.", "link 1"),
                                      ("Il pleut.", "It rains.", "link 2")]
