"""Table tests of the names check on a name the translation respells in one link ('Mme Hubert'
where its other links write 'Mme Huber'): a warning, the translation's own consistency deciding;
a name's declined forms (Polish, Russian, a German genitive), a plural, the original's own
spelling kept, and two people with near names ('Denis', 'Denise'; 'Jean', 'Jeanne') are no
respelling."""

from __future__ import annotations

import pytest

from alignment.checks import at_level, run_checks
from tests.test_checks_fr import bitext, graded_evidence

HUBER = [("Frau Huber kannte einen Uhrmacher.", "Mme Huber connaissait un horloger."),
         ("Anna erfuhr es von Frau Huber.", "Anna l'apprit par Mme Huber.")]
KOWALSKI = [("Mr Kowalski came in.", "Pan Kowalski wszedł."),
            ("We waited for Mr Kowalski.", "Czekaliśmy na pana Kowalskiego."),
            ("Mr Kowalski left.", "Pan Kowalski wyszedł.")]
PAWEL = [("Then Paweł came home.", "Potem Paweł wrócił do domu."), ("So Paweł was tired.", "Więc Paweł był zmęczony.")]
MAREK = [("Then Marek came home.", "Potem Marek wrócił do domu."), ("So Marek was tired.", "Więc Marek był zmęczony.")]
PAVEL = [("Then Pavel came home.", "Потом Павел пришёл домой."), ("So Pavel was tired.", "Так Павел устал.")]
HUBER_DE = [("Huber est arrivé.", "Huber ist angekommen."), ("Huber riait.", "Huber lachte.")]
DENIS = [("Ce soir, Denis arriva.", "That evening Denis arrived."), ("Alors Denis riait.", "Then Denis laughed."),
         ("Alors Denise chantait.", "Then Denise sang.")]
JEAN = [("Ce soir, Jean arriva.", "That evening Jean arrived."), ("Alors Jean riait.", "Then Jean laughed."),
        ("Alors Jeanne chantait.", "Then Jeanne sang.")]
CHURCHILL = [("Frank Churchill arriva.", "Frank Churchill came."),
             ("Frank Churchill riait.", "Frank Churchill laughed.")]
KATHMANDU = [("Sie flogen nach Kathmandu.", "Ils volèrent vers Katmandou."),
             ("Kathmandu ist gross.", "Katmandou est grande.")]


def warnings(pairs: list[tuple[str, str]], langs: tuple[str, str]) -> list[str]:
    """The names check's warnings (and errors) on the last link."""
    found = at_level(run_checks(bitext(pairs, langs), only=["names"], evidence=graded_evidence({})))
    return [f.message for f in found if f.link == len(pairs) - 1]


@pytest.mark.parametrize("before, src, tgt, langs, finding", [
    # respelt: written otherwise in most links
    (HUBER, "Ihre Nachbarin, Frau Huber, lachte, als sie sie sah.", "Sa voisine, Mme Hubert, éclata de rire en la voyant.", ("de", "fr"),
     "'Hubert' here, 'Huber' elsewhere in the translation"),
    (KOWALSKI, "Mr Kowalski smiled.", "Pan Kowolski się uśmiechnął.", ("en", "pl"),
     "'Kowolski' here, 'Kowalski' elsewhere in the translation"),
    (DENIS, "Enfin Denis partit.", "At last Denise left.", ("fr", "en"), "'Denise' here, 'Denis' elsewhere in the translation"),
    # faithful
    (HUBER, "Ihre Nachbarin, Frau Huber, lachte, als sie sie sah.", "Sa voisine, Mme Huber, éclata de rire en la voyant.", ("de", "fr"), None),
    # declined forms are one name: Polish, Russian, a German genitive
    (PAWEL, "I saw Paweł.", "Widziałem Pawła.", ("en", "pl"), None),
    (PAWEL, "I gave Paweł a book.", "Dałem Pawłowi książkę.", ("en", "pl"), None),
    (MAREK, "I saw Marek.", "Widziałem Marka.", ("en", "pl"), None),
    (KOWALSKI, "Mr Kowalski smiled.", "Pan Kowalskiemu się uśmiechnęło.", ("en", "pl"), None),
    (PAVEL, "I saw Pavel.", "Я видел Павла.", ("en", "ru"), None),
    (PAVEL, "I gave Pavel a book.", "Я дал Павлу книгу.", ("en", "ru"), None),
    (HUBER_DE, "La maison de Huber brûlait.", "Hubers Haus brannte.", ("fr", "de"), None),
    # two people with near names, each written as the original writes them
    (DENIS, "Enfin Denise partit.", "At last Denise left.", ("fr", "en"), None),
    (DENIS, "Enfin Denis et Denise partirent.", "At last Denis and Denise left.", ("fr", "en"), None),
    (JEAN, "Enfin Jeanne partit.", "At last Jeanne left.", ("fr", "en"), None),
    (JEAN, "Enfin Jean et Jeanne partirent.", "At last Jean and Jeanne left.", ("fr", "en"), None),
    # a name that is a common word ('jean'; 'ernst', serious) may take the translation's form
    (JEAN, "Enfin Jean partit.", "At last Jeanne left.", ("fr", "en"), None),
    # a plural, and the original's own spelling kept here: no slip
    (CHURCHILL, "Les Churchill riaient.", "The Churchills laughed.", ("fr", "en"), None),
    (KATHMANDU, "Sie blieben in Kathmandu.", "Ils restèrent à Kathmandu.", ("de", "fr"), None),
])
def test_a_name_respelt_in_one_link(before: list[tuple[str, str]], src: str, tgt: str, langs: tuple[str, str],
                                    finding: str | None) -> None:
    assert warnings([*before, (src, tgt)], langs) == ([finding] if finding else [])
