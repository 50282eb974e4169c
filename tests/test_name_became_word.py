"""A name of the original turned into a common word of the translation (issue 12: 'dit Emma' /
'said held', 'Alice' / 'pardon me, talents'): a warning where that word stands in the name's very
place (name_places.in_name_place), info or nothing where the translator wrote a phrase of their
own there ('the girl', 'she', 'my dear child')."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.checks import run_checks
from alignment.evidence import WordEvidence
from alignment.types import Alignment, Bitext, Link, Sentence

# word groups of cosine 1 (all else 0): the counterparts of the test sentences
GROUPS = [("écoutez", "listen"), ("je", "i"), ("reviendrai", "come"), ("demain", "tomorrow"),
          ("vieux", "old"), ("jardinier", "gardener"), ("salua", "greeted"), ("poliment", "politely"),
          ("le", "the"), ("ma", "my"), ("petite", "little"), ("chère", "dear"), ("oui", "yes"),
          ("viens", "come"), ("ici", "here")]


def fake_evidence() -> WordEvidence:
    axis = {w: k for k, group in enumerate(GROUPS) for w in group}

    def vectors(words: object) -> np.ndarray:
        out = np.zeros((len(words), 1024), dtype=np.float32)  # type: ignore[arg-type]
        for r, w in enumerate(words):  # type: ignore[arg-type]
            out[r, axis.setdefault(w.lower(), len(axis) + 1)] = 1.0
        return out
    return WordEvidence(vectors, (), "fake")


def bitext(pairs: list[tuple[str, str]]) -> Bitext:
    links = tuple(Link((k,), (k,)) for k in range(len(pairs)))
    return Bitext(tuple(Sentence(s) for s, _ in pairs), tuple(Sentence(t) for _, t in pairs),
                  Alignment(links), "fr", "en")


@pytest.mark.parametrize("src, tgt, level, why", [
    # a word alone between commas where the original addresses Alice: the name, lost
    ("Écoutez donc, Alice, je reviendrai demain.", "Listen then, pebbles, I will come back tomorrow.",
     "warning", "set off by commas, as the name is"),
    ("Écoutez donc, Alice, je reviendrai demain.", "Listen then, my child, I will come back tomorrow.",
     "info", ""),
    # beside the counterpart of the name's own neighbour, its phrase closed on the other side
    ("Le vieux jardinier salua Alice.", "The old gardener greeted imagine.",
     "warning", "it stands beside 'greeted', as the name beside 'salua'"),
    ("Le vieux jardinier salua Alice poliment.", "The old gardener greeted speedy politely.",
     "warning", "it stands beside 'greeted', as the name beside 'salua'"),
    # there, a noun may be the translator's own word for her ('greeted the girl', 'said examples')
    ("Le vieux jardinier salua Alice poliment.", "The old gardener greeted pebbles politely.", "info", ""),
    # the translator's own phrase for her: a determiner before the noun, or several words
    # between the commas; a pronoun is no content word
    ("Le vieux jardinier salua Alice poliment.", "The old gardener greeted the girl politely.", "info", ""),
    ("Écoutez, Alice, je reviendrai demain.", "Listen, my dear little girl, I will come back tomorrow.",
     "info", ""),
    ("Écoutez, Alice, je reviendrai demain.", "Listen, I will come back tomorrow.", "info", ""),
    # the name kept: nothing to say
    ("Écoutez, Alice, je reviendrai demain.", "Listen, Alice, I will come back tomorrow.", None, ""),
])
def test_a_name_turned_into_a_word_in_its_place(src: str, tgt: str, level: str | None, why: str) -> None:
    result = run_checks(bitext([(src, tgt)]), only=["names"], evidence=fake_evidence())
    assert [f.severity for f in result] == ([level] if level else [])
    if level == "warning":
        assert result[0].message.endswith(f"in its place? ({why})")
    elif level == "info":
        assert "Alice" in result[0].message
