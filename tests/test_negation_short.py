"""The negation check on short 1-1 links (negation.py): the encoder hardly sees a dropped 'not'
('Ночью он не спал.' / 'That night he slept.' gains 0.04, below `negation_gain`), so in a short
link of one sentence a side a negation on one side only is an info wherever the encoder does
not read it as a paraphrase; long or many-sentence links still need the encoder's gain."""

from __future__ import annotations

import pytest

from alignment.check_config import CheckConfig
from alignment.checks import run_checks
from alignment.evidence import word_evidence
from alignment.negation import check_negation
from alignment.types import Alignment, Bitext, Link, Sentence

DROPPED = "only the original says no here: a negation dropped or added?"
ADDED = "only the translation says no here: a negation dropped or added?"
LONG_FR = ("Elle ne savait pas, ce soir-là, que la lettre que son frère avait écrite depuis la gare "
           "de Lyon arriverait trop tard.")
LONG_EN = ("That evening she knew that the letter her brother had written from the Gare de Lyon "
           "would arrive too late.")


@pytest.fixture(scope="module")
def encoder():
    from alignment.registry import EMBEDDERS
    return EMBEDDERS["use"]()


def one_link(src: str, tgt: str, langs: tuple[str, str]) -> Bitext:
    return Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs)


@pytest.mark.parametrize("src, tgt, langs, found", [
    # the proofreaders' misses: ru->en, de->fr, pt->en dropped, de->fr added
    ("Ночью он не спал.", "That night he slept.", ("ru", "en"), [DROPPED]),
    ("Eine Entscheidung darüber wird nicht vor Ende April erwartet.",
     "Une décision est attendue avant la fin avril.", ("de", "fr"), [DROPPED]),
    ("Não contou isso a Tomás, mas ele pareceu adivinhar.",
     "She told Tomás this, but he seemed to guess.", ("pt", "en"), [DROPPED]),
    ("Die Tiere sind in Sicherheit.", "Les animaux ne sont pas en sécurité.", ("de", "fr"), [ADDED]),
    # faithful, and an interjection the encoder reads as the same ('Oh no!' / 'Oh non !')
    ("Ночью он не спал.", "That night he did not sleep.", ("ru", "en"), []),
    ("Oh non !", "Oh no!", ("fr", "en"), []),
])
def test_a_short_link_with_a_negation_on_one_side_is_found(src, tgt, langs, found, encoder) -> None:
    b = one_link(src, tgt, langs)
    assert [f.message for f in run_checks(b, only=["negation"], evidence=word_evidence(b, encoder))] == found


class Gain:
    """Evidence whose cosine rises by `gain` with the negation taken out ('pas' gone)."""

    encode = object()

    def __init__(self, gain: float) -> None:
        self.gain = gain

    def add_pairs(self, pairs) -> None:
        pass

    def pair_cosine(self, src: str, tgt: str) -> float:
        return 0.7 + (0.0 if "pas" in src else self.gain)


@pytest.mark.parametrize("src_sentences, tgt, gain, level", [
    (["Il ne dormait pas."], "He slept.", 0.10, "warning"),   # the encoder agrees: any link
    (["Il ne dormait pas."], "He slept.", 0.03, "info"),      # short 1-1: weaker evidence will do
    (["Il ne dormait pas."], "He slept.", 0.0, "info"),
    (["Il ne dormait pas."], "He slept.", -0.02, None),        # reads as a paraphrase
    ([LONG_FR], LONG_EN, 0.03, None),                          # long: the encoder must agree
    ([LONG_FR], LONG_EN, 0.10, "warning"),
    (["Il ne dormait pas.", "Il pleuvait."], "He slept; it rained.", 0.03, None),   # 2-1 link
])
def test_level_by_evidence(src_sentences, tgt, gain, level) -> None:
    b = Bitext(tuple(Sentence(s) for s in src_sentences), (Sentence(tgt),),
               Alignment((Link(tuple(range(len(src_sentences))), (0,)),)), "fr", "en")
    found = list(check_negation(b, CheckConfig(), Gain(gain)))   # type: ignore[arg-type]
    assert [f.severity for f in found] == ([level] if level else [])
