"""Table tests of the names check on a name the translation keeps in its other links, replaced in
one by a capitalised word that is also a common word of the translation's language (name_kept.py):
a proofreader of Alice in Wonderland changed 'Dinah' into 'Daisy' where the text writes
'daisy-chain' elsewhere, and nothing was found at any level."""

from __future__ import annotations

import pytest

from tests.test_names_changed import names

# 'Dinah' kept in three links (a frequent name: alone, its absence is not told); the words that
# may replace it written in lower case elsewhere, as common words
BOOK = [
    ("Alice pensait à Dinah.", "Alice thought of Dinah."),
    ("Dinah attrapait les souris.", "Dinah caught mice."),
    ("Elle aimait Dinah plus que tout.", "She loved Dinah more than anything."),
    ("Elle fit une chaîne de pâquerettes et cueillit une rose.", "She made a daisy-chain and picked a rose."),
    ("Le roi paya la facture et fit une marque.", "The king paid the bill and made a mark."),
]


@pytest.mark.parametrize("src, tgt, cosines, finding", [
    # a capitalised word in the name's place, opening the sentence or inside it
    ("(Dinah c'était son chat.)", "(Daisy was the cat.)", {}, "name 'Dinah' became 'Daisy'?"),
    ("Alice appela Dinah doucement.", "Alice called Rose softly.", {}, "name 'Dinah' became 'Rose'?"),
    ("Alors Dinah miaula.", "Then Bill mewed.", {}, "name 'Dinah' became 'Bill'?"),
    ("Le roi donna Dinah à la reine.", "The king gave Mark to the queen.", {}, "name 'Dinah' became 'Mark'?"),
    # the name kept, or a pronoun or a word for it: nothing
    ("(Dinah c'était son chat.)", "(Dinah was the cat.)", {}, None),
    ("(Dinah c'était son chat.)", "(She was the cat.)", {}, None),
    ("La pauvre Dinah dormait.", "Poor thing, she was asleep.", {}, None),
    # a form of the name the encoder reads as the name ('the said Jack' for John Reed)
    ("Alice appela Dinah doucement.", "Alice called Rose softly.", {("Dinah", "Rose"): 0.59}, None),
    # a capitalised word that translates another word of the original is that word's
    ("Dinah regarda le Roi.", "The King looked on.", {("Roi", "King"): 0.55}, None),
    # a name the translation does not keep elsewhere: as before, no warning
    ("Alice appela Zénobie doucement.", "Alice called Rose softly.", {}, None),
])
def test_a_kept_name_replaced_by_a_capitalised_common_word(src: str, tgt: str, cosines: dict[tuple[str, str], float],
                                                           finding: str | None) -> None:
    assert names(BOOK + [(src, tgt)], ("fr", "en"), cosines) == ([finding] if finding else [])


def test_the_capitalised_word_replaces_the_info_on_a_name_seen_less_often() -> None:
    """A name kept in two links only (not frequent) had 'no counterpart' (info); the word in
    its place makes it a warning, told once."""
    book = BOOK[:2] + BOOK[3:]
    found = names(book + [("Alice appela Dinah doucement.", "Alice called Rose softly.")], ("fr", "en"), {},
                  level="info")
    assert found == ["name 'Dinah' became 'Rose'?"]


def test_without_word_vectors_nothing_is_said() -> None:
    """--no-words: a capitalised word's meaning is unknown, so it is not read as the name changed."""
    from alignment.checks import at_level, run_checks
    from tests.test_checks_fr import bitext

    b = bitext(BOOK + [("Alice appela Dinah doucement.", "Alice called Rose softly.")], ("fr", "en"))
    assert not [f for f in at_level(run_checks(b, only=["names"])) if f.link == len(BOOK)]


# Jane Eyre read English -> French: 'Reed' kept in the French, left out where a rare participle
# opens the sentence
REED = [
    ("John Reed was fourteen.", "John Reed avait quatorze ans."),
    ("Reed hit me.", "Reed me frappa."),
    ("I feared Reed.", "Je craignais Reed."),
]


@pytest.mark.parametrize("src, tgt, finding", [
    # a form of a listed word, however rare ('accoutumée'), opening the sentence: no name
    ("Accustomed to John Reed's abuse, I never had an idea of replying to it; my care was how to endure the "
     "blow which would certainly follow the insult.", "Accoutumée aux injures de John, je n'avais jamais eu "
     "l'idée de lui répondre, et j'en appelais à toute ma fermeté pour me préparer à recevoir courageusement le "
     "coup qui devait suivre l'insulte.", None),
    ("Tired of Reed, I left the room at once and went up to the nursery.",
     "Lassée, je quittai aussitôt la pièce et je montai à la chambre des enfants.", None),
    # a word no list holds opening the sentence still stands for the name
    ("Reed struck me again.", "Georgiana me frappa encore.", "name 'Reed' became 'Georgiana'?"),
])
def test_a_sentence_opening_word_form_is_not_the_name_it_stands_beside(src: str, tgt: str, finding: str | None) -> None:
    assert names(REED + [(src, tgt)], ("en", "fr"), {}) == ([finding] if finding else [])


@pytest.mark.parametrize("word, lang, form", [
    ("Accoutumée", "fr", True), ("Lassée", "fr", True), ("Accustomed", "en", True),
    ("Georgiana", "fr", False), ("Diego", "en", False), ("Bessie", "en", False), ("Reed", "en", False),
    ("Íñigo", "es", False),
])
def test_word_form(word: str, lang: str, form: bool) -> None:
    from alignment.name_words import word_form

    assert word_form(word, lang) is form
