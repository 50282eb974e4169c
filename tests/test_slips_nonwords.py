"""A word its language does not know is a misspelling, never a real-word slip: 'silnet' was
read as a slip for 'silent' (original 'silence') when the real-word check ran without the
spelling check (`--only realword`), which alone had taken its place (one_per_word)."""

from __future__ import annotations

import pytest

from alignment.checks import run_checks
from test_checks import bitext, fake_evidence, spans_text

ORIGINAL = "Hélène comprit alors pourquoi son père avait gardé le silence."
GROUPS = [("silence", "silent"), ("comprit", "understood"), ("gardé", "kept"), ("père", "father"),
          ("avait", "had"), ("pourquoi", "why"), ("alors", "then"), ("son", "her")]


@pytest.mark.parametrize("tgt", [
    "Hélène understood then why her father had kept silnet.",
    "He kept a silnet watch.",
])
def test_a_word_no_list_knows_is_no_real_word_slip(tgt: str) -> None:
    found = run_checks(bitext([(ORIGINAL, tgt)]), only=["realword"], evidence=fake_evidence(GROUPS))
    assert found == ()


@pytest.mark.parametrize("src, tgt, groups, slip", [
    ("Elle avait pris forme en cinquante ans.", "It bad taken shape in fifty years.",
     [("avait", "had"), ("pris", "taken"), ("forme", "shape")], "bad"),
    ("Il prit la forme d'un homme.", "He took the from of a man.",
     [("prit", "took"), ("forme", "form"), ("homme", "man"), ("la", "the")], "from"),
])
def test_a_real_word_is_still_read_as_a_slip(src: str, tgt: str, groups: list[tuple[str, ...]], slip: str) -> None:
    b = bitext([(src, tgt)])
    (found,) = run_checks(b, only=["realword"], evidence=fake_evidence(groups))
    assert spans_text(b, found)[0] == slip
