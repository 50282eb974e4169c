"""Names written in parts compared whole (name_phrases.py): 'Pays-Bas' / 'Netherlands' was
"name 'Bas' became 'Netherlands'?", "Côte d'Ivoire" / 'Ivory Coast' "'Ivoire' became 'Ivory'?"
on faithful texts, and a name in parts changed was quoted by its last part. Sentences written
for these tests; the encoder stood in for by graded cosines (test_checks_fr)."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from tests.test_checks_fr import bitext, graded_evidence

# cosines of the encoder (each name in parts against one name: the stand-in gives a word one)
TRANSLATED = {("Pays-Bas", "Netherlands"): 0.82, ("Côte d'Ivoire", "Ivory Coast"): 0.79}
CHANGED = {("Pays-Bas", "Belgium"): 0.57, ("Saint-Pétersbourg", "Moscow"): 0.21}


def names(src: str, tgt: str, cosines: dict[tuple[str, str], float] | None) -> list[tuple[str, str]]:
    """The names check's (severity, message) on a link of one French sentence and its English,
    with the encoder's cosines (None: without the encoder)."""
    evidence = graded_evidence(cosines) if cosines is not None else None
    return [(f.severity, f.message) for f in run_checks(bitext([(src, tgt)], ("fr", "en")), only=["names"],
                                                        evidence=evidence)]


@pytest.mark.parametrize("src, tgt", [
    ("Il vit aux Pays-Bas depuis 2010.", "He has lived in the Netherlands since 2010."),
    ("Les Pays-Bas ont gagné.", "The Netherlands won."),
    ("Il est né en Côte d'Ivoire.", "He was born in Ivory Coast."),
    ("La Côte d'Ivoire exporte du cacao.", "Ivory Coast exports cocoa."),
])
def test_a_name_in_parts_translated_whole_is_no_name_changed(src: str, tgt: str) -> None:
    assert names(src, tgt, TRANSLATED) == []


@pytest.mark.parametrize("src, tgt, cosines, name", [
    ("Il vit aux Pays-Bas depuis 2010.", "He has lived in Belgium since 2010.", CHANGED, "Pays-Bas"),
    ("Il vit aux Pays-Bas depuis 2010.", "He has lived in Belgium since 2010.", None, "Pays-Bas"),
    ("Il est allé à Saint-Pétersbourg.", "He went to Moscow.", CHANGED, "Saint-Pétersbourg"),
    ("Elle habite Aix-en-Provence.", "She lives in Marseille.", None, "Aix-en-Provence"),
])
def test_a_name_in_parts_changed_is_named_whole(src: str, tgt: str, cosines: dict[tuple[str, str], float] | None,
                                               name: str) -> None:
    found = names(src, tgt, cosines)
    assert found and all(f"name '{name}'" in message for _, message in found), found
