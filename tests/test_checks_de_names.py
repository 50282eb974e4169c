"""Table tests of the names check with a German translation (fr->de, Text+Berg's sides
swapped, issue 12): German joins nouns into one word and capitalises them all, so a French
name may live inside a German compound or adjective; such a name has its counterpart, while
a name changed must still be reported."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.checks import run_checks
from alignment.evidence import WordEvidence
from alignment.types import Alignment, Bitext, Link, Sentence


def no_evidence_words() -> WordEvidence:
    """Every word on its own axis (cosine 0 to any other word): spelling alone decides."""
    axis: dict[str, int] = {}

    def vectors(words: object) -> np.ndarray:
        out = np.zeros((len(words), 1024), dtype=np.float32)  # type: ignore[arg-type]
        for r, w in enumerate(words):  # type: ignore[arg-type]
            out[r, axis.setdefault(w, len(axis))] = 1.0
        return out
    return WordEvidence(vectors, (), "fake")


def fr_de_names(src: str, tgt: str) -> list[tuple[str, str]]:
    b = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), "fr", "de")
    return [(f.severity, f.message) for f in run_checks(b, only=["names"], evidence=no_evidence_words())]


@pytest.mark.parametrize("src, tgt, info", [
    # a German translation writes the name inside a compound or an adjective
    ("Ce sont les bassins fermés de l'Asie centrale.", "Es sind die abflusslosen Becken Innerasiens.", None),
    ("Ils ne tiennent pas compte de la Chine rouge.", "Sie nehmen keine Rücksicht auf rotchinesische Wünsche.", None),
    ("Ce sont les bassins fermés de l'Asie centrale.", "Es sind die abflusslosen Becken Afrikas.", "Asie"),
    # a capitalised common word (a title) is translated as a word: alone, not reported
    ("Le point culminant est le Pic de la Victoire.", "Der höchste Punkt ist die Siegesspitze.", None),
])
def test_a_name_a_german_translation_joins_into_a_word(src: str, tgt: str, info: str | None) -> None:
    expected = [("info", f"name '{info}' has no counterpart in the translation")] if info else []
    assert fr_de_names(src, tgt) == expected
