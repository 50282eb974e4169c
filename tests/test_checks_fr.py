"""Table tests of the checks on French translations (English original, en->fr) beside the
fr->en direction they were first built on: for each rule changed for text nobody tuned on
(issue 12), a clean pair that must stay silent and a slip that must still be found."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.checks import run_checks
from alignment.evidence import WordEvidence
from alignment.types import Alignment, Bitext, Link, Sentence


def bitext(pairs: list[tuple[str, str]], langs: tuple[str, str]) -> Bitext:
    links = tuple(Link((k,), (k,)) for k in range(len(pairs)))
    return Bitext(tuple(Sentence(s) for s, _ in pairs), tuple(Sentence(t) for _, t in pairs),
                  Alignment(links), *langs)


def graded_evidence(cosines: dict[tuple[str, str], float]) -> WordEvidence:
    """Word vectors where each listed pair has the given cosine and all else 0: the first
    word of a pair on its own axis, the second that far from it."""
    axis: dict[str, np.ndarray] = {}
    dim = 4096

    def unit(k: int) -> np.ndarray:
        v = np.zeros(dim, dtype=np.float32)
        v[k] = 1.0
        return v
    for n, ((a, b), c) in enumerate(cosines.items()):
        axis[a] = unit(2 * n)
        axis[b] = c * unit(2 * n) + np.sqrt(1 - c * c) * unit(2 * n + 1)

    def vectors(words: object) -> np.ndarray:
        out = np.zeros((len(words), dim), dtype=np.float32)  # type: ignore[arg-type]
        for r, w in enumerate(words):  # type: ignore[arg-type]
            if w not in axis:
                axis[w] = unit(2 * len(cosines) + len(axis))
            out[r] = axis[w]
        return out
    return WordEvidence(vectors, (), "graded")


# ---------------------------------------------------------------- length

def _length_text(odd: str, langs: tuple[str, str]) -> Bitext:
    """30 ordinary links, then one whose translation is `odd` (French or English)."""
    fr = [f"Phrase numéro {k} qui raconte une histoire assez ordinaire au village." for k in range(30)]
    en = [f"Sentence number {k} telling a rather ordinary story in the village." for k in range(30)]
    if langs == ("en", "fr"):
        return bitext(list(zip(en, fr)) + [("The bridge was built in eleven years by masons from the next "
                                            "village.", odd)], langs)
    return bitext(list(zip(fr, en)) + [("Le pont fut construit en onze ans par les maçons du village "
                                        "voisin.", odd)], langs)


@pytest.mark.parametrize("odd, langs, without, with_", [
    # |z| 5.8: past the bar without evidence, short of the one with it (clean LIMSI links reach 5.4)
    ("The bridge was built by the masons.", ("fr", "en"), True, False),
    # |z| 9.2: far outside this text's lengths, with evidence too
    ("The bridge was built.", ("fr", "en"), True, True),
    ("Le pont fut construit.", ("en", "fr"), True, True),
])
def test_a_length_ratio_needs_more_with_evidence(odd: str, langs: tuple[str, str], without: bool,
                                                 with_: bool) -> None:
    b = _length_text(odd, langs)
    assert [f.link for f in run_checks(b, only=["length"])] == ([30] if without else [])
    got = run_checks(b, only=["length"], evidence=graded_evidence({}))
    assert [f.link for f in got] == ([30] if with_ else [])
