"""A translation word that says the opposite of the original (alignment/opposites.py): found
where its opposite translates the original word far better, left alone where a negation
near either word makes the opposite a paraphrase, and nowhere but in English translations."""

from __future__ import annotations

import pytest

from alignment.check_config import CheckConfig
from alignment.checks import CHECKS, DEFAULT_CHECKS, run_checks
from alignment.opposites import check_opposites, opposites
from test_checks import bitext
from test_slips_word_links import graded_evidence

# each original word and its right translation have cosine 1; the opposite stands at 0.6 from it
GROUPS = [("vieux", "old"), ("pont", "bridge"), ("sept", "seven"), ("arches", "arches"),
          ("avait", "had"), ("toujours", "always"), ("venait", "came"), ("matin", "morning"),
          ("nord", "north"), ("fenêtre", "window"), ("ouvrit", "opened"), ("était", "was")]
NEAR = {"new": ("vieux", 0.6), "never": ("toujours", 0.6), "south": ("nord", 0.6)}


def findings(src: str, tgt: str, langs: tuple[str, str] = ("fr", "en")) -> list[str]:
    b = bitext([(src, tgt)], *langs)
    return [f.message for f in check_opposites(b, CheckConfig(), graded_evidence(GROUPS, NEAR))]


@pytest.mark.parametrize("src, tgt, expected", [
    ("Le vieux pont avait sept arches.", "The new bridge had seven arches.", "'new'"),
    ("Le vieux pont avait sept arches.", "The old bridge had seven arches.", None),
    # the word is a negation itself ('never'): no reason to leave it
    ("Il venait toujours le matin.", "He never came in the morning.", "'never'"),
    ("Elle ouvrit la fenêtre au nord.", "She opened the window to the south.", "'south'"),
    # a negation beside either word: the opposite may be the translator's paraphrase
    ("Le pont n'était pas vieux.", "The bridge was new.", None),
    ("Le vieux pont avait sept arches.", "It was not a new bridge: it had seven arches.", None),
    # the opposite is written too: the sentence says both
    ("Le vieux pont avait sept arches.", "The new bridge, old as it was, had seven arches.", None),
    # a phrase that holds the word leaves it alone; one beside it does not
    ("Il venait toujours le matin.", "He came at last, always in the morning.", None),
    ("Le vieux pont avait sept arches.", "At last the new bridge had seven arches.", "'new'"),
])
def test_an_opposite_word_is_found_unless_a_negation_or_the_word_explains_it(src, tgt, expected):
    found = findings(src, tgt)
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(f"{expected} may say the opposite")


# French and German translations: each language's own table, its forms side by side
OTHER_GROUPS = [("old", "vieux"), ("bridge", "pont"), ("had", "avait"), ("seven", "sept"),
                ("arches", "arches"), ("haut", "hoch"), ("pont", "Brücke"), ("était", "war"),
                ("très", "sehr"), ("nord", "Norden"), ("fenêtre", "Fenster"), ("grandes", "grandes"),
                ("sun", "soleil"), ("sank", "sombra"), ("behind", "derrière"), ("tops", "hauts")]
OTHER_NEAR = {"jeune": ("old", 0.6), "niedrig": ("haut", 0.6), "Süden": ("nord", 0.6), "bas": ("tops", 0.6)}


@pytest.mark.parametrize("src, tgt, langs, expected", [
    ("The old bridge had seven arches.", "Le jeune pont avait sept arches.", ("en", "fr"), "'jeune'"),
    ("The old bridge had seven arches.", "Le vieux pont avait sept arches.", ("en", "fr"), None),
    ("The bridge was not old.", "Le pont était jeune.", ("en", "fr"), None),
    ("Le pont était très haut.", "Die Brücke war sehr niedrig.", ("fr", "de"), "'niedrig'"),
    ("La fenêtre au nord.", "Das Fenster im Süden.", ("fr", "de"), "'Süden'"),
    ("La fenêtre au nord.", "Das Fenster im Norden.", ("fr", "de"), None),
    # a word of a compound is no word of the table ('là-bas', over there)
    ("The sun sank behind the tops.", "Le soleil sombra derrière les cimes là-bas.", ("en", "fr"), None),
    ("The sun sank behind the tops.", "Le soleil sombra derrière les bas.", ("en", "fr"), "'bas'"),
])
def test_french_and_german_translations_have_their_own_table(src, tgt, langs, expected):
    b = bitext([(src, tgt)], *langs)
    found = [f.message for f in check_opposites(b, CheckConfig(), graded_evidence(OTHER_GROUPS, OTHER_NEAR))]
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(f"{expected} may say the opposite")


def test_a_language_with_no_table_is_left_alone():
    assert findings("The old bridge had seven arches.", "El puente nuevo tenía siete arcos.", ("en", "es")) == []
    assert opposites("es") == {} and "younger" in opposites("en")["older"]
    assert opposites("fr")["grandes"] == {"petites"} and opposites("de")["süden"] == {"Norden"}


def test_every_pair_goes_both_ways():
    table = opposites("en")
    assert all(word in table[other] for word, others in table.items() for other in others)


def test_without_word_vectors_nothing_is_said():
    b = bitext([("Le vieux pont avait sept arches.", "The new bridge had seven arches.")], "fr", "en")
    assert list(check_opposites(b, CheckConfig(), None)) == []
    assert CHECKS["opposites"] is check_opposites


def test_it_runs_when_asked_for():
    """It also flags free translations ('made all happy' for 'éloignait la tristesse'), so it
    is one of the checks on request (checks.ON_REQUEST), as 'negation' is."""
    b = bitext([("Le vieux pont avait sept arches.", "The new bridge had seven arches.")], "fr", "en")
    ev = graded_evidence(GROUPS, NEAR)
    assert "opposites" not in DEFAULT_CHECKS
    assert [f.check for f in run_checks(b, evidence=ev)] == []
    assert [f.check for f in run_checks(b, evidence=ev, only=["opposites"])] == ["opposites"]
