"""Table tests of the names check on names the translation leaves out (the proofreader tester's
story and clock texts): a place dropped with its preposition is info even where the place comes
in many links ('une adresse à Toulon' / 'an address'), and a German place the French leaves out
is a name though the French never writes it ('in Schwenningen'); a person a pronoun stands for,
and German nouns, stay silent."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from tests.test_checks_fr import bitext, graded_evidence

TOULON = [("Le car pour Toulon était vieux.", "The coach to Toulon was old."),
          ("Le car arriva à Toulon à une heure.", "The coach reached Toulon at one o'clock."),
          ("Hélène resta à Toulon trois jours.", "Hélène stayed in Toulon for three days."),
          ("Toulon, ce n'est pas loin.", "Toulon isn't far."), ("Elle attendit.", "She waited.")]
ELTON = [("Elton arriva le soir.", "Elton came in the evening."),
         ("Emma vit Elton à l'église.", "Emma saw Elton at church."),
         ("On parla longtemps d'Elton.", "They talked of Elton for long.")]
HUBER = [("Frau Huber kannte einen Uhrmacher.", "Mme Huber connaissait un horloger."),
         ("Anna erfuhr es von Frau Huber.", "Anna l'apprit par Mme Huber.")]


def infos(pairs: list[tuple[str, str]], langs: tuple[str, str]) -> list[tuple[str, str]]:
    """The names check's (severity, message) on the last link, at any level."""
    b = bitext(pairs, langs)
    return [(f.severity, f.message) for f in run_checks(b, only=["names"], evidence=graded_evidence({}))
            if f.link == len(pairs) - 1]


@pytest.mark.parametrize("before, src, tgt, langs, name", [
    # a place the translation writes in every other link, dropped with its preposition
    (TOULON, "Paul avait écrit une adresse à Toulon.", "Paul had written an address.", ("fr", "en"), "Toulon"),
    (TOULON, "Il partit en 1885 vers Toulon.", "He left in 1885.", ("fr", "en"), "Toulon"),
    (TOULON, "Paul avait écrit une adresse à Toulon.", "Paul had written an address in Toulon.", ("fr", "en"), None),
    # a person ('him'), and a place the translation leaves out elsewhere too: quiet as before
    (ELTON, "Invitez Elton à dîner.", "Invite him to dinner.", ("fr", "en"), None),
    ([*TOULON[:3], ("Toulon, ce n'est pas loin.", "It isn't far."), TOULON[4]],
     "Paul avait écrit une adresse à Toulon.", "Paul had written an address.", ("fr", "en"), None),
    # German: a word the list lacks after a preposition of place, no article, is a place
    (HUBER, "Ihr Urgroßvater habe sie 1885 in Schwenningen gekauft.",
     "Son arrière-grand-père l'avait achetée en 1885.", ("de", "fr"), "Schwenningen"),
    (HUBER, "Sie zogen nach Schwenningen.", "Ils partirent.", ("de", "fr"), "Schwenningen"),
    (HUBER, "Ihr Urgroßvater habe sie 1885 in Schwenningen gekauft.",
     "Son arrière-grand-père l'avait achetée en 1885 à Schwenningen.", ("de", "fr"), None),
    # ... not a noun: listed ('Richtung'), with an article, or after 'von' (of: 'von Vorderpfoten')
    (HUBER, "Sie ging in Richtung Dorf.", "Elle alla vers le village.", ("de", "fr"), None),
    (HUBER, "Sie standen in der Firnwand.", "Ils étaient dans la paroi.", ("de", "fr"), None),
    (HUBER, "Wir sahen keine Spur von Vorderpfoten.", "Nous ne vîmes aucune empreinte.", ("de", "fr"), None),
])
def test_a_name_left_out_is_info(before: list[tuple[str, str]], src: str, tgt: str, langs: tuple[str, str],
                                 name: str | None) -> None:
    expected = [("info", f"name '{name}' has no counterpart in the translation")] if name else []
    assert infos([*before, (src, tgt)], langs) == expected
