"""Real-word slips two letters from the intended word that is no cognate of the original word
(slip_words.two_edits_read): 'dries' for 'cried' where the original has 'pleuré', read only when the
encoder's word vectors make the intended word a near-certain translation."""

from __future__ import annotations

import pytest

from alignment.check_config import CheckConfig
from alignment.slips import check_realword
from test_checks import bitext
from test_slips_word_links import graded_evidence

FR = "Toute la nuit, la petite fille avait pleuré dans sa chambre."
GROUPS_FR_EN = [("Toute", "All"), ("nuit", "night"), ("petite", "little"), ("fille", "girl"),
                ("avait", "had"), ("chambre", "room"), ("dans", "in"), ("sa", "her"), ("la", "the")]

DE = "Am Morgen schien die Sonne über den Bergen."
GROUPS_DE_FR = [("Morgen", "matin"), ("schien", "brillait"), ("die", "le"), ("über", "sur"),
                ("Bergen", "montagnes"), ("Am", "Au"), ("den", "les")]


def _found(src: str, tgt: str, groups: list[tuple[str, ...]], near: dict[str, tuple[str, float]],
           langs: tuple[str, str], config: CheckConfig = CheckConfig()) -> list[str]:
    """Messages of the real-word warnings (info findings of the fitted model left out)."""
    ev = graded_evidence(groups, near)
    return [f.message for f in check_realword(bitext([(src, tgt)], *langs), config, ev)
            if f.severity != "info"]


@pytest.mark.parametrize("tgt, expected", [
    # two edits ('d' for 'c', 's' for 'd'), no cognate of 'pleuré' (the fitted model, which
    # English translations have, reads it too)
    ("All night the little girl had dries in her room.", "'dries' may be a slip for 'cried'"),
    ("All night the little girl had cried in her room.", None),
])
def test_two_edit_slip_for_a_sure_translation_fr_en(tgt: str, expected: str | None) -> None:
    found = _found(FR, tgt, GROUPS_FR_EN + [("pleuré",)], {"cried": ("pleuré", 0.95)}, ("fr", "en"))
    if expected is None:
        assert not [m for m in found if "'dries'" in m or "'cried'" in m], found
    else:
        assert any(m.startswith(expected) and "'pleuré'" in m for m in found), found


@pytest.mark.parametrize("tgt, soleil, expected", [
    # 'sommeil' two edits from 'soleil' ('m' for 'l', one 'm' more), 'Sonne' spelt like neither:
    # found where 'soleil' is a near-certain translation of 'Sonne' (0.95)
    ("Au matin le sommeil brillait sur les montagnes.", 0.95, "'sommeil' may be a slip for 'soleil'"),
    # the encoder only half vouches for 'soleil' (0.8, under the near-certain bar, slip_sure): no warning
    ("Au matin le sommeil brillait sur les montagnes.", 0.8, None),
    # faithful: nothing
    ("Au matin le soleil brillait sur les montagnes.", 0.95, None),
])
def test_two_edit_slip_for_a_sure_translation_de_fr(tgt: str, soleil: float, expected: str | None) -> None:
    found = _found(DE, tgt, GROUPS_DE_FR + [("Sonne",)], {"soleil": ("Sonne", soleil)}, ("de", "fr"))
    if expected is None:
        assert not [m for m in found if "'sommeil'" in m or "'soleil'" in m], found
    else:
        assert any(m.startswith(expected) and "'Sonne'" in m for m in found), found


def test_a_short_word_is_never_read_two_edits_away() -> None:
    """'boy' read as 'you' (original 'je') was a false alarm of the bench's clean links: words
    under TWO_EDITS_MIN_LEN letters keep to one edit and cognates."""
    found = _found("Je le vis partir.", "I saw the boy leave.", [("vis", "saw"), ("partir", "leave"),
                   ("le", "the")], {"you": ("je", 0.95)}, ("fr", "en"))
    assert not [m for m in found if "'boy'" in m], found


@pytest.mark.parametrize("word, cand, common", [
    ("dries", "cried", True),     # the intended word commoner than the word written
    ("thing", "thick", False),    # a rarer word is no reading of a common one
    ("spirit", "spirits", False),  # another form of the word written, and one edit anyway
])
def test_two_edit_reading_must_be_common(word: str, cand: str, common: bool) -> None:
    from alignment.slip_words import two_edits_read
    assert two_edits_read(word, cand, 2, "en") == common
