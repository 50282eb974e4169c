"""Table tests of the names check on a name changed into another name spelt alike (a language
teacher's it->en and es->it texts: 'with little Marco' / 'with little Mario', 'Ana e Sofía' /
'Ana e Sonia' went unreported at any level): found where the consonants differ and the encoder
reads the two apart; a name the other language respells ('Marc', 'Mark', 'Louis', 'Sophie'), an
accent dropped and a name the encoder knows as one ('Londres' / 'London') are not. The cosines
are the USE encoder's for these words."""

from __future__ import annotations

import pytest

from alignment.name_swaps import other_names
from tests.test_names_changed import names

FLORENCE = ("A Firenze, sul binario, Giulia aspettava con il piccolo Marco.",
            "In Florence, on the platform, Giulia was waiting with little {}.")
FLAT = ("Vivo en un piso pequeño con dos amigas, Ana y Sofía.",
        "Vivo in un piccolo appartamento con due amiche, Ana e {}.")
LYON = ("Hier soir, Martin est parti pour Lyon.", "Last night, {} left for Lyon.")
LETTER = ("Elle a écrit une lettre à Louis.", "She wrote a letter to {}.")
# the German original writes a name as every noun: the French writing it too tells it is one
GENEVA = [("Seit Jahren wohnt Sofia in Genf.", "Depuis des années, Sofia habite à Genève."),
          ("Die Schwester von Sofia lacht.", "La sœur de Sofia rit.")]
AUNT = ("Heute besucht Sofia ihre Tante.", "Aujourd'hui, {} rend visite à sa tante.")
GENEVA_COS = {("Genf", "Genève"): 0.64}


def evening(name: str) -> tuple[str, str]:
    return f"Hier soir, {name} est parti pour Lyon.", "Gestern Abend ist {} nach Lyon gefahren."


@pytest.mark.parametrize("before, src, tgt, name, langs, cosines, finding", [
    # a changed name keeps most letters but not its consonants, and the encoder reads them apart
    ([], *FLORENCE, "Mario", ("it", "en"), {("Firenze", "Florence"): 0.9, ("Marco", "Mario"): 0.53},
     "name 'Marco' became 'Mario'?"),
    ([], *FLAT, "Sonia", ("es", "it"), {("Sofía", "Sonia"): 0.57}, "name 'Sofía' became 'Sonia'?"),
    ([], *LYON, "Marvin", ("fr", "en"), {("Martin", "Marvin"): 0.54}, "name 'Martin' became 'Marvin'?"),
    (GENEVA, *AUNT, "Sonia", ("de", "fr"), {**GENEVA_COS, ("Sofia", "Sonia"): 0.59}, "name 'Sofia' became 'Sonia'?"),
    ([], *evening("Martin"), "Marvin", ("fr", "de"), {("Martin", "Marvin"): 0.54}, "name 'Martin' became 'Marvin'?"),
    # the name as the other language writes it (vowels, an ending, its sounds' letters), or its
    # accent dropped: silent, at any level, close to the encoder or not ('Louis' / 'Lewis' 0.56)
    ([], *FLORENCE, "Mark", ("it", "en"), {("Firenze", "Florence"): 0.9, ("Marco", "Mark"): 0.72}, None),
    ([], *FLORENCE, "Marc", ("it", "en"), {("Firenze", "Florence"): 0.9, ("Marco", "Marc"): 0.72}, None),
    ([], *FLORENCE, "Marco", ("it", "en"), {("Firenze", "Florence"): 0.9}, None),
    ([], *FLAT, "Sofia", ("es", "it"), {("Sofía", "Sofia"): 0.92}, None),
    ([], *LYON, "Martin", ("fr", "en"), {}, None),
    ([], *LETTER, "Lewis", ("fr", "en"), {("Louis", "Lewis"): 0.56}, None),
    ([], *LETTER, "Luis", ("fr", "en"), {("Louis", "Luis"): 0.79}, None),
    ([], LETTER[0].replace("Louis", "Anna"), LETTER[1], "Anne", ("fr", "en"), {("Anna", "Anne"): 0.69}, None),
    (GENEVA, *AUNT, "Sofia", ("de", "fr"), GENEVA_COS, None),
    ([], *evening("François"), "Franz", ("fr", "de"), {("François", "Franz"): 0.59}, None),
    # ... nor a transliteration as German writes it (name_variants: textberg-frde's Czech climber)
    ([], *evening("Moravec"), "Morawec", ("fr", "de"), {("Moravec", "Morawec"): 0.59}, None),
    # a common word of the translation's language is no other name ('psalm', spelt with an 'l')
    ([], "Le soir, il lisait les Psaumes à voix haute.", "In the evening he read the {} aloud.", "Psalms",
     ("fr", "en"), {("Psaumes", "Psalms"): 0.42}, None),
])
def test_a_name_changed_into_a_name_spelt_alike(before: list[tuple[str, str]], src: str, tgt: str, name: str,
                                                langs: tuple[str, str], cosines: dict[tuple[str, str], float],
                                                finding: str | None) -> None:
    assert names(before + [(src, tgt.format(name))], langs, cosines, level="info") == ([finding] if finding else [])


@pytest.mark.parametrize("linked", [False, True])
def test_a_word_link_between_the_two_names_does_not_make_them_one(linked: bool) -> None:
    """The word aligner links 'Marco' to 'Mario' by their place; at cosine 0.53 the link is no
    counterpart for two names (as for names spelt unlike)."""
    src, tgt = FLORENCE[0], FLORENCE[1].format("Mario")
    pairs = {("Marco", "Mario"), ("Firenze", "Florence")} if linked else set()
    assert names([(src, tgt)], ("it", "en"), {("Firenze", "Florence"): 0.9, ("Marco", "Mario"): 0.53},
                 linked=pairs) == ["name 'Marco' became 'Mario'?"]


def test_a_place_the_encoder_knows_as_one_stays_one() -> None:
    """'Londres' / 'London' keep different consonants, but the encoder reads them as one (0.94)."""
    assert names([("Elle habite à Londres depuis mai.", "She has lived in London since May.")], ("fr", "en"),
                 {("Londres", "London"): 0.94}, level="info") == []


def test_without_word_vectors_spelling_alone_decides() -> None:
    """Nothing tells 'Marco' / 'Mario' from 'Londres' / 'London' without the encoder: silent."""
    from alignment.checks import at_level, run_checks
    from tests.test_checks_fr import bitext

    pair = ("Ieri Giulia aspettava con il piccolo Marco.", "Yesterday Giulia was waiting with little Mario.")
    assert [f.message for f in at_level(run_checks(bitext([pair], ("it", "en")), only=["names"]), "info")] == []


@pytest.mark.parametrize("a, b, other", [
    ("Marco", "Mario", True), ("Sofía", "Sonia", True), ("Martin", "Marvin", True), ("Weston", "Veston", True),
    ("Sanne", "Sandra", True),
    ("Marco", "Marc", False), ("Marco", "Mark", False), ("Marco", "Marcos", False), ("Sofía", "Sophie", False),
    ("Sofía", "Sofia", False), ("Luis", "Louis", False), ("Louis", "Lewis", False), ("Anna", "Anne", False),
    ("Giulia", "Julia", False), ("Giorgio", "George", False), ("Stefan", "Stephan", False),
    ("Carlos", "Charles", False), ("Michel", "Miguel", False), ("Domingo", "Dominique", False),
    ("Elisabeth", "Elizabeth", False), ("Teresa", "Theresa", False), ("Elena", "Helena", False),
    ("Édouard", "Edward", False), ("Venise", "Venice", False), ("Genf", "Genève", False),
    ("Johann", "Johannes", False), ("Caterina", "Catherine", False),
    # a name inside the other: a short form, a Latin name's French -n, a particle written apart
    ("Patrice", "Pat", False), ("Néron", "Nero", False), ("Platon", "Plato", False), ("Duquesne", "Quesne", False),
])
def test_names_that_keep_their_consonants_are_one_name(a: str, b: str, other: bool) -> None:
    assert other_names(a, b) is other
    assert other_names(b, a) is other
