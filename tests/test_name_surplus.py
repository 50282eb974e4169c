"""A name the original writes twice in a link and the translation once, with a word no list knows
where the other would stand: that word is the name mistyped (alignment/name_surplus.py). A
pronoun or the name written as often is no finding."""

from __future__ import annotations

import pytest
from test_checks import fake_evidence

from alignment.check_config import CheckConfig
from alignment.checks import run_checks
from alignment.name_surplus import surplus_findings
from alignment.types import Alignment, Bitext, Link, Sentence

# word groups of cosine 1 (all else 0): the counterparts of the test sentences
GROUPS = [("refusa", "refused"), ("malgré", "despite"), ("Mlle", "Miss"), ("M", "Mr"),
          ("Mme", "Mrs"), ("et", "and")]

ORIGINAL = "Mlle Churchill refusa, malgré M. et Mme Churchill."


def names_said(src: str, tgt: str) -> list[tuple[str, str]]:
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), "fr", "en")
    return [(f.severity, f.message) for f in run_checks(bitext, evidence=fake_evidence(GROUPS), only=["names"])]


@pytest.mark.parametrize("tgt, expected", [
    # the first Churchill mistyped: the name is still in the link once, so no orphan name
    ("Miss Cuaisittn refused, despite Mr. and Mrs. Churchill.",
     [("warning", "name 'Churchill' became 'Cuaisittn'? (the original writes it 2 times here, "
                  "the translation 1 time)")]),
    # a pronoun where the original repeats the name: the translator's
    ("She refused, despite Mr. and Mrs. Churchill.", []),
    # the name as often as the original writes it
    ("Miss Churchill refused, despite Mr. and Mrs. Churchill.", []),
])
def test_a_name_written_once_for_twice_with_a_stray_in_its_place(tgt, expected):
    assert [f for f in names_said(ORIGINAL, tgt) if f[0] != "info"] == expected


NAMES = [("Churchill", 5, 14), ("Churchill", 40, 49)]
STRAY = [("Cuaisittn", 5, 14)]


@pytest.mark.parametrize("tgt, placed, found", [
    ([("Miss", 0, 4), ("Cuaisittn", 5, 14), ("Churchill", 50, 59)], True, 1),
    ([("Miss", 0, 4), ("Cuaisittn", 5, 14)], True, 0),   # no Churchill left: the name pairing's
    ([("Cuaisittn", 5, 14), ("Churchill", 30, 39), ("Churchill", 50, 59)], True, 0),   # as often
    ([("Miss", 0, 4), ("Cuaisittn", 5, 14), ("Churchill", 50, 59)], False, 0),   # not in its place
])
def test_surplus_counts_the_name_on_both_sides_and_asks_its_place(tgt, placed, found):
    said = list(surplus_findings(0, NAMES, tgt, STRAY, set(), lambda n, t: placed, CheckConfig()))
    assert len(said) == found
    if found:
        assert [(s.side, s.start) for s in said[0].spans] == [("src", 5), ("tgt", 5)]


def test_a_stray_already_reported_is_not_reported_again():
    tgt = [("Miss", 0, 4), ("Cuaisittn", 5, 14), ("Churchill", 50, 59)]
    assert not list(surplus_findings(0, NAMES, tgt, STRAY, {5}, lambda n, t: True, CheckConfig()))
