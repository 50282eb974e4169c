"""A teacher's glossary is a vocabulary list: pairs of two function words ('il' -> 'the', 'een' ->
'a') led it, a name both texts spell alike ('Vries' -> 'Vries') and clitics ("'s" -> "'s")
were entries. The first two come back when asked for (app checkboxes, `--function-words`,
`--names`); a clitic never does."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.glossary import GlossaryEntry, glossary, to_csv
from alignment.glossary_csv import read_glossary_csv
from alignment.types import Alignment, Bitext, Link, Sentence, WordLink
from alignment.words import link_tokens_of
from test_words import deck_notes


def _linked(src: str, tgt: str, langs: str, pairs: list[tuple[str, str]]) -> Bitext:
    """One link of `src` and `tgt` whose word links are `pairs` (words as the text writes them)."""
    bare = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs.split("-"))
    s, t = ([tok.text for tok in side] for side in link_tokens_of(bare, 0))
    words = tuple(WordLink(s.index(a), t.index(b), 0.95) for a, b in pairs)
    return Bitext(bare.src, bare.tgt, Alignment((Link((0,), (0,), words=words),)), *langs.split("-"))


def _pairs(bitext: Bitext, **options: bool) -> list[tuple[str, str]]:
    return sorted((e.src, e.tgt) for e in glossary(bitext, **options))


@pytest.mark.parametrize("src, tgt, langs, function_pair, word_pair", [
    ("Il treno per Genova.", "The train to Genoa.", "it-en", ("Il", "The"), ("treno", "train")),
    ("Lucia e Marco partono.", "Lucia and Marco leave.", "it-en", ("e", "and"), ("partono", "leave")),
    ("Ze heeft een fiets.", "She has a bicycle.", "nl-en", ("een", "a"), ("fiets", "bicycle")),
    ("De brug is oud.", "The bridge is old.", "nl-en", ("De", "The"), ("brug", "bridge")),
])
def test_pairs_of_two_function_words_are_left_out_unless_asked_for(
        src: str, tgt: str, langs: str, function_pair: tuple[str, str],
        word_pair: tuple[str, str]) -> None:
    bitext = _linked(src, tgt, langs, [function_pair, word_pair])
    assert _pairs(bitext) == [word_pair]
    shown = tuple(w.lower() for w in function_pair)   # a capital opening the sentence only
    assert _pairs(bitext, function_words=True) == sorted([shown, word_pair])


@pytest.mark.parametrize("src, tgt, langs, clitic_pair", [
    ("Anna's fiets is rood.", "Anna's bicycle is red.", "nl-en", ("'s", "'s")),
    ("Lo faccio io.", "I'll do it.", "it-en", ("faccio", "'ll")),
])
@pytest.mark.parametrize("function_words", [False, True])
def test_a_clitic_cut_off_a_word_is_never_an_entry(src: str, tgt: str, langs: str,
                                                   clitic_pair: tuple[str, str],
                                                   function_words: bool) -> None:
    asked = {"function_words": True} if function_words else {}
    assert _pairs(_linked(src, tgt, langs, [clitic_pair]), **asked) == []


@pytest.mark.parametrize("src, tgt, langs, pair, same_name", [
    ("Meneer De Vries lacht.", "Mr De Vries laughs.", "nl-en", ("Vries", "Vries"), True),
    ("Lucia sorride.", "Lucia smiles.", "it-en", ("Lucia", "Lucia"), True),
    ("Il treno per Genova.", "The train to Genoa.", "it-en", ("Genova", "Genoa"), False),
    ("Mangiamo il pesto.", "We eat the pesto.", "it-en", ("pesto", "pesto"), False),
])
def test_a_name_both_texts_spell_alike_is_left_out_unless_asked_for(
        src: str, tgt: str, langs: str, pair: tuple[str, str], same_name: bool) -> None:
    bitext = _linked(src, tgt, langs, [pair])
    assert _pairs(bitext) == ([] if same_name else [pair])
    assert _pairs(bitext, names=True) == [pair]


ENTRIES = (GlossaryEntry("il (la, le)", "the", 24, 0, "Il treno.", "The train."),
           GlossaryEntry("Lucia", "Lucia", 16, 1, "Lucia sorride.", "Lucia smiles."),
           GlossaryEntry("treno", "train", 5, 0, "Il treno.", "The train."))


def test_the_word_cards_of_a_glossary_csv_are_its_rows(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The CSV holds what the person chose in the app (function words ticked, say): its cards
    keep every row."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Treno-glossary.csv").write_text(to_csv(ENTRIES, "it", "en"), encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "Treno-glossary.csv", "--anki", "t.apkg"])
    assert result.exit_code == 0, result.output
    assert sorted(n[0] for n in deck_notes((tmp_path / "t.apkg").read_bytes(), tmp_path)) == [
        "Lucia", "il (la, le)", "treno"]
    assert read_glossary_csv(tmp_path / "Treno-glossary.csv") == ENTRIES


def _po_with_word_links(tmp_path: Path) -> Path:
    from alignment.po import write_po

    bitext = _linked("Lucia prende il treno per Genova.", "Lucia takes the train to Genoa.",
                     "it-en", [("Lucia", "Lucia"), ("il", "the"), ("treno", "train"),
                               ("Genova", "Genoa")])
    path = tmp_path / "treno.po"
    write_po(bitext, path)
    return path


@pytest.mark.parametrize("options, rows", [
    ([], [("Genova", "Genoa"), ("treno", "train")]),
    (["--function-words"], [("Genova", "Genoa"), ("il", "the"), ("treno", "train")]),
    (["--names"], [("Genova", "Genoa"), ("Lucia", "Lucia"), ("treno", "train")]),
])
def test_export_writes_the_glossary_of_a_po_as_the_app_does(tmp_path: Path, options: list[str],
                                                             rows: list[tuple[str, str]]) -> None:
    """A command-line user had no way to the glossary the README describes."""
    po = _po_with_word_links(tmp_path)
    out = tmp_path / "treno-glossary.csv"
    result = CliRunner().invoke(main, ["export", str(po), "--glossary", str(out), *options])
    assert result.exit_code == 0, result.output
    assert sorted((e.src, e.tgt) for e in read_glossary_csv(out)) == rows


def test_a_po_without_word_links_says_how_to_make_them(tmp_path: Path) -> None:
    from alignment.po import write_po

    po = tmp_path / "bare.po"
    write_po(Bitext((Sentence("Il treno."),), (Sentence("The train."),),
                    Alignment((Link((0,), (0,)),)), "it", "en"), po)
    result = CliRunner().invoke(main, ["export", str(po), "--glossary", str(tmp_path / "g.csv")])
    assert result.exit_code == 1
    assert f"run `alignment words {po}` first" in result.output
    assert not (tmp_path / "g.csv").exists()


def test_the_glossary_options_need_a_glossary(tmp_path: Path) -> None:
    po = _po_with_word_links(tmp_path)
    result = CliRunner().invoke(main, ["export", str(po), "--tmx", str(tmp_path / "t.tmx"),
                                       "--function-words"])
    assert result.exit_code == 1
    assert "add --glossary or leave them out" in result.output
    assert not (tmp_path / "t.tmx").exists()
