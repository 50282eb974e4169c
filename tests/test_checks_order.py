"""The order check (sentence_order.py): two neighbouring sentences of the translation swapped
inside one link (the aligner makes one confident 2-2 link of them) are reported; a link whose
sentences stand in the original's order, or a link of one sentence a side, is not."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.check_config import CheckConfig
from alignment.checks import CHECKS, DEFAULT_CHECKS, run_checks
from alignment.evidence import word_evidence
from alignment.sentence_order import swapped
from alignment.types import Alignment, Bitext, Link, Sentence

FR = ("Elle aida Lucie à préparer le dîner et joua avec le petit Jean.",
      "Lucie lui montra des photographies de Paul au bord de la mer.")
EN = ("She helped Lucie get dinner ready and played with little Jean.",
      "Lucie showed her photographs of Paul by the sea.")
DE = ("Sie ging zur Beerdigung auf dem Friedhof am Hörnli.", "Es waren nur wenige Leute da.")
FR_DE = ("Elle alla à l'enterrement au cimetière du Hörnli.", "Il n'y avait que peu de monde.")


@pytest.fixture(scope="module")
def encoder():
    from alignment.registry import EMBEDDERS
    return EMBEDDERS["use"]()


def one_link(src: tuple[str, ...], tgt: tuple[str, ...], langs: tuple[str, str]) -> Bitext:
    link = Link(tuple(range(len(src))), tuple(range(len(tgt))), confidence=0.99)
    return Bitext(tuple(map(Sentence, src)), tuple(map(Sentence, tgt)), Alignment((link,)), *langs)


def order_findings(b: Bitext, encoder) -> list[tuple[int, str, str]]:
    found = run_checks(b, only=["order"], evidence=word_evidence(b, encoder))
    return [(f.link, f.severity, f.message) for f in found]


@pytest.mark.parametrize("src, tgt, langs, swap", [
    (FR, EN, ("fr", "en"), False),
    (FR, EN[::-1], ("fr", "en"), True),
    (EN, FR, ("en", "fr"), False),
    (EN, FR[::-1], ("en", "fr"), True),
    (DE, FR_DE, ("de", "fr"), False),
    (DE, FR_DE[::-1], ("de", "fr"), True),
    (FR_DE, DE, ("fr", "de"), False),
    (FR_DE, DE[::-1], ("fr", "de"), True),
])
def test_two_sentences_swapped_in_a_link_are_reported(src, tgt, langs, swap, encoder) -> None:
    found = order_findings(one_link(src, tgt, langs), encoder)
    expected = [(0, "warning", "the translation's sentences 1 and 2 (of 2) seem to be in the other order")]
    assert found == (expected if swap else [])


def test_the_finding_marks_both_sentences(encoder) -> None:
    b = one_link(FR, EN[::-1], ("fr", "en"))
    (f,) = run_checks(b, only=["order"], evidence=word_evidence(b, encoder))
    text = b.link_text(0, "tgt")
    assert [text[s.start:s.end] for s in f.spans] == [EN[1], EN[0]]


def test_neighbouring_links_are_not_compared(encoder) -> None:
    """Links are monotone: two 1-1 links whose translations were swapped are the match
    check's to find (each link's sides do not match), not the order check's."""
    links = (Link((0,), (0,)), Link((1,), (1,)))
    b = Bitext(tuple(map(Sentence, FR)), tuple(map(Sentence, EN[::-1])), Alignment(links), "fr", "en")
    assert order_findings(b, encoder) == []


def test_nothing_without_evidence() -> None:
    assert run_checks(one_link(FR, EN[::-1], ("fr", "en")), only=["order"]) == ()


@pytest.mark.parametrize("cos, short, expected", [
    ([[0.3, 0.8], [0.8, 0.3]], set(), [0]),            # crossed, clearly
    ([[0.8, 0.3], [0.3, 0.8]], set(), []),             # in order
    ([[0.35, 0.38], [0.38, 0.35]], set(), []),         # crossed by a hair, both weak
    ([[0.3, 0.8], [0.8, 0.3]], {1}, []),               # a fragment ('293, Nov.') is never taken
    ([[0.9, 0.1, 0.1], [0.1, 0.2, 0.8], [0.1, 0.8, 0.2]], set(), [1]),   # 1-2-3 read as 1-3-2
    ([[0.7, 0.2], [0.6, 0.2], [0.2, 0.8]], set(), []),  # a 3-2 link in order
    # long literary sentences, which the encoder reads below 0.4 against their own translation
    # (a LIMSI swap: 0.54 and 0.34 crossed, 0.18 and 0.31 in order): crossed, clearly
    ([[0.18, 0.34], [0.54, 0.31]], set(), [0]),
    ([[0.18, 0.28], [0.54, 0.31]], set(), []),          # one pair below the floor
])
def test_swapped_reads_the_sentence_cosines(cos, short, expected) -> None:
    config = CheckConfig()
    assert swapped(np.array(cos), config.order_gain, config.order_cosine, short) == expected


def test_the_order_check_runs_by_default() -> None:
    assert "order" in CHECKS and "order" in DEFAULT_CHECKS
