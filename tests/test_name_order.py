"""Two names that changed places inside a sentence (alignment/name_order.py, part of the names
check): 'Marie gave the book to Pierre' for 'Pierre donna le livre à Marie' (a session-45
tester's item: every name had its counterpart, so nothing was said)."""

from __future__ import annotations

import pytest
from test_checks import bitext

from alignment.checks import run_checks


def crossed(src: str, tgt: str, langs: tuple[str, str]) -> list[str]:
    return [f.message for f in run_checks(bitext([(src, tgt)], *langs))
            if f.check == "names" and "changed places" in f.message]


@pytest.mark.parametrize("src, tgt, langs, expected", [
    # the names changed places: found, the first a sentence's first word on both sides
    ("Pierre donna le vieux livre rouge à Marie hier soir.",
     "Marie gave the old red book to Pierre last night.", ("fr", "en"), ("Pierre", "Marie")),
    ("Gestern hat Peter im Garten lange mit Anna gesprochen.",
     "Hier, Anna a longtemps parlé avec Peter dans le jardin.", ("de", "fr"), ("Peter", "Anna")),
    ("Then Harriet wrote a long letter to Emma about the wedding.",
     "Puis Emma écrivit une longue lettre à Harriet sur le mariage.", ("en", "fr"), ("Harriet", "Emma")),
    # the names changed places inside phrases that stayed: a genitive on both sides, of one kind
    ("Je restai chez mon oncle Bernard, alors employé aux fortifications de Genève.",
     "I stayed with my uncle Geneva, at that time employed in the fortifications of Bernard.",
     ("fr", "en"), ("Bernard", "Genève")),
    # each in its place
    ("Pierre donna le vieux livre rouge à Marie hier soir.",
     "Pierre gave the old red book to Marie last night.", ("fr", "en"), None),
    # a list, a genitive, a compound: the translator's order
    ("Pierre et Marie sont venus le voir hier soir avec les enfants.",
     "Marie and Pierre came to see him last night with the children.", ("fr", "en"), None),
    ("Le livre de Pierre plaisait beaucoup à Marie depuis longtemps.",
     "For a long time Marie had liked Pierre's book very much.", ("fr", "en"), None),
    ("Der Mustagh-Turm liegt auf der Nordseite des Baltoro-Gletschers.",
     "Sur la rive nord du glacier de Baltoro se dresse la Tour de Mustagh.", ("de", "fr"), None),
    # close together: a swap of neighbours says little about who did what
    ("Il vit Pierre, Marie aussi.", "He saw Marie, Pierre too.", ("fr", "en"), None),
])
def test_names_that_changed_places_are_found(src, tgt, langs, expected) -> None:
    found = crossed(src, tgt, langs)
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(f"names '{expected[0]}' and '{expected[1]}' "
                                                       f"may have changed places")


def test_the_finding_marks_both_names_on_both_sides() -> None:
    found = [f for f in run_checks(bitext([("Pierre donna le vieux livre rouge à Marie hier soir.",
                                            "Marie gave the old red book to Pierre last night.")], "fr", "en"))
             if "changed places" in f.message]
    assert found[0].severity == "warning"
    assert [(s.side, s.start) for s in found[0].spans] == [("src", 0), ("tgt", 0), ("src", 36), ("tgt", 31)]
