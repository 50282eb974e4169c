"""Names' counterparts learned from the text (name_learned.learned_counterparts): words that keep
co-occurring with a name, and what must not be learned.

A rare name (two links) co-occurs with every capitalised word of both links' translations
twice. Learned as its counterparts, 'I' or 'The' (in most English links) made the name
translated in nearly any link, and the other name it always stands beside ('Aristide ou
Brutus' / 'Aristides') made it translated by that name's own counterpart: 'Brutus' lost to
'tray' was found nowhere (LIMSI seeds 3 and 5)."""

from __future__ import annotations

import pytest

from alignment.check_config import CheckConfig
from alignment.checks import run_checks
from alignment.name_learned import learned_counterparts
from alignment.name_words import name_contexts
from alignment.types import Alignment, Bitext, Link, Sentence


def bitext(pairs: list[tuple[str, str]], langs: tuple[str, str] = ("fr", "en")) -> Bitext:
    links = tuple(Link((k,), (k,)) for k in range(len(pairs)))
    return Bitext(tuple(Sentence(s) for s, _ in pairs), tuple(Sentence(t) for _, t in pairs),
                  Alignment(links), *langs)


FILLER = [("Le jardin était calme ce matin-là.", "The garden was quiet that morning."),
          ("Elle ouvrit la fenêtre.", "She opened the window."),
          ("Il faisait froid dehors.", "It was cold outside.")]

BRUTUS = [("J'étais Aristide ou Brutus dans mes rêves.", "I was Aristides or Brutus in my dreams."),
          ("Je lisais Aristide et Brutus chaque soir.", "I read Aristides and Brutus every night.")]

HATTER = [("Le Chapelier but son thé.", "The Hatter drank his tea."),
          ("Le Chapelier se tut.", "The Hatter said nothing."),
          ("Alors le Chapelier rit.", "Then the Hatter laughed.")]


ENGLAND = [("La France est belle.", "France is beautiful."),
           ("La France et l'Angleterre se battaient.", "France and England were at war."),
           ("La France et l'Angleterre firent la paix.", "France and England made peace."),
           ("L'Angleterre est loin.", "England is far away.")]


def learned(pairs: list[tuple[str, str]], name: str) -> set[str]:
    b = bitext(FILLER + pairs)
    return learned_counterparts(b, name_contexts(b), CheckConfig())["src"].get(name.lower(), set())


@pytest.mark.parametrize("pairs, name, expected, not_expected", [
    # a name translated by another word throughout: that word is learned
    (HATTER, "Chapelier", {"hatter"}, {"the", "then"}),
    # a name kept as spelt, always beside another: its own spelling, not the other's, and
    # not the pronoun 'I' both links begin with
    (BRUTUS, "Brutus", {"brutus"}, {"aristides", "i"}),
    (BRUTUS, "Aristide", {"aristides"}, {"brutus", "i"}),
    # a word goes to the name it keeps company with most: England is Angleterre's, beside
    # France in two of France's three links (and France was 'translated' by it wherever
    # England stood: 'the provinces of watch and England' for 'de la France et de l'Angleterre')
    (ENGLAND, "Angleterre", {"england"}, set()),
    (ENGLAND, "France", {"france"}, {"england"}),
])
def test_what_a_name_learns_from_the_text(pairs: list[tuple[str, str]], name: str,
                                          expected: set[str], not_expected: set[str]) -> None:
    got = learned(pairs, name)
    assert expected <= got
    assert not got & not_expected


def test_a_rare_name_lost_beside_another_is_found() -> None:
    """'Brutus' lost to a common word beside 'Aristides' and an 'I': no counterpart learned
    from either, so the names check reports it (it said nothing). Two links hold the name: a
    third would make it frequent, and a frequent name's absence is a pronoun's place; and not
    in the next link, where a name the translation moved would be."""
    slip = ("Quand j'étais Aristide ou Brutus, je rêvais.", "When I was Aristides or tray, I dreamt.")
    b = bitext(BRUTUS[:1] + FILLER + [slip])
    found = [f for f in run_checks(b, only=["names"]) if f.link == len(b.alignment.links) - 1]
    assert any("'Brutus'" in f.message for f in found), found


def test_a_rare_name_translated_beside_another_is_quiet() -> None:
    ok = ("Quand j'étais Aristide ou Brutus, je rêvais.", "When I was Aristides or Brutus, I dreamt.")
    b = bitext(BRUTUS[:1] + FILLER + [ok])
    assert not [f for f in run_checks(b, only=["names"]) if f.link == len(b.alignment.links) - 1]
