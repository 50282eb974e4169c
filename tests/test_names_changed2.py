"""Table tests of the names check on names changed into other names in texts of one link (issue
12, round 2: the re-tester's es/fr/pl-en sentences): a name opening the original's sentence, a
name in a short sentence or one with a title, are found changed; a one-word name the translation
writes as a name of more words ('Wigilię' / 'Christmas Eve') is no name changed."""

from __future__ import annotations

import pytest

from tests.test_names_changed import names


@pytest.mark.parametrize("src, tgt, langs, cosines, finding", [
    # the original's first word, which the word list lacks, and the translation's: two names
    ("Íñigo llegó tarde a la cena.", "Diego arrived late for dinner.", ("es", "en"),
     {("Íñigo", "Diego"): 0.47}, "name 'Íñigo' became 'Diego'?"),
    ("Dupont travaille à la banque.", "Martin works at the bank.", ("fr", "en"),
     {("Dupont", "Martin"): 0.33}, "name 'Dupont' became 'Martin'?"),
    ("Íñigo tiene ocho años y le gusta el fútbol.", "Diego is eight years old and likes football.",
     ("es", "en"), {("Íñigo", "Diego"): 0.47}, "name 'Íñigo' became 'Diego'?"),
    # the name kept, translated, or a common word opening either sentence: silent, at any level
    ("Íñigo llegó tarde a la cena.", "Iñigo arrived late for dinner.", ("es", "en"), {("Íñigo", "Iñigo"): 0.91}, None),
    ("Dupont travaille à la banque.", "He works at the bank.", ("fr", "en"), {}, None),
    ("Hier, Dupont travaillait.", "Yesterday, Dupont was working.", ("fr", "en"), {}, None),
    ("Londres est une grande ville.", "London is a big city.", ("fr", "en"), {("Londres", "London"): 0.9}, None),
])
def test_a_name_changed_at_the_start_of_a_lone_sentence(src: str, tgt: str, langs: tuple[str, str],
                                                        cosines: dict[tuple[str, str], float],
                                                        finding: str | None) -> None:
    assert names([(src, tgt)], langs, cosines, level="info") == ([finding] if finding else [])


SEVILLE = {("Sra", "Mrs"): 0.62, ("Sevilla", "Seville"): 0.84}


@pytest.mark.parametrize("src, tgt, langs, cosines, finding", [
    # most words capitalised, but a title and the first word are no heading's: names are read
    ("La Sra. Gómez vive en Sevilla.", "Mrs. Romero lives in Seville.", ("es", "en"),
     {**SEVILLE, ("Gómez", "Romero"): 0.4}, "name 'Gómez' became 'Romero'?"),
    ("Dałem Pawłowi książkę.", "I gave Piotr a book.", ("pl", "en"),
     {("Pawłowi", "Piotr"): 0.37}, "name 'Pawłowi' became 'Piotr'?"),
    # the name kept; a language with no word list: its first word is no first name ('Dałem')
    ("La Sra. Gómez vive en Sevilla.", "Mrs. Gómez lives in Seville.", ("es", "en"), SEVILLE, None),
    ("Dałem Pawłowi książkę.", "I gave Paweł a book.", ("pl", "en"), {("Pawłowi", "Paweł"): 0.6}, None),
    # a heading in title case has no stop: still a heading, its words no names
    ("Deuxième Partie", "Part Three", ("fr", "en"), {}, None),
    ("Le Vieux Moulin", "The Old Bridge", ("fr", "en"), {}, None),
    ("Chapitre Premier.", "Chapter One.", ("fr", "en"), {("Chapitre", "Chapter"): 0.9}, None),
    # an exclamation of two words is no heading: its name is read ('Pauvre Alice !' was skipped)
    ("Pauvre Alice !", "Poor become!", ("fr", "en"), {("Pauvre", "Poor"): 0.9},
     "name 'Alice' is missing: 'become' in its place? (it stands beside 'Poor', as the name beside 'Pauvre')"),
    ("Pauvre Alice !", "Poor thing!", ("fr", "en"), {("Pauvre", "Poor"): 0.9},
     "name 'Alice' has no counterpart in the translation"),
    ("Pauvre Alice !", "Poor Alice!", ("fr", "en"), {("Pauvre", "Poor"): 0.9}, None),
])
def test_names_of_a_short_sentence_or_one_with_a_title(src: str, tgt: str, langs: tuple[str, str],
                                                       cosines: dict[tuple[str, str], float],
                                                       finding: str | None) -> None:
    assert names([(src, tgt)], langs, cosines, level="info") == ([finding] if finding else [])


@pytest.mark.parametrize("src, tgt, langs, cosines, findings", [
    # a one-word name written as a name of two words is translated: no more than info
    ("Rodzina spotyka się w Wigilię, 24 grudnia.", "The family meets on Christmas Eve, 24 December.",
     ("pl", "en"), {("Wigilię", "Christmas"): 0.48}, []),
    ("La familia cena junta en Nochebuena.", "The family has dinner together on Christmas Eve.",
     ("es", "en"), {("Nochebuena", "Christmas"): 0.45}, []),
    # a name changed into a name of one word still is one, and so is a two-word name's part
    ("Rodzina spotyka się w Gdańsku.", "The family meets in Gdynia.", ("pl", "en"), {("Gdańsku", "Gdynia"): 0.45},
     ["name 'Gdańsku' became 'Gdynia'?"]),
    ("Vive en Nueva York con Pedro.", "She lives in New York with Juan.", ("es", "en"),
     {("Nueva", "New"): 0.9, ("York", "York"): 1.0, ("Pedro", "Juan"): 0.45}, ["name 'Pedro' became 'Juan'?"]),
])
def test_a_name_of_one_word_written_as_a_name_of_two(src: str, tgt: str, langs: tuple[str, str],
                                                     cosines: dict[tuple[str, str], float],
                                                     findings: list[str]) -> None:
    assert names([(src, tgt)], langs, cosines) == findings
