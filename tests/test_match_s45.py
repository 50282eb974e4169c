"""Issue 12: links whose sides share nothing are a finding whatever the aligner's confidence
(unmatched.mismatch), and an unsure merge of an encoder-free alignment is a possible
omission naming its sentence (unsure_merge.py, yielded by check_omissions)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from alignment.check_config import CheckConfig
from alignment.checks import run_checks
from alignment.evidence import WordEvidence
from alignment.types import Alignment, Bitext, Link, Sentence, Signature
from alignment.unmatched import check_match

# --------------------------------------------------------------- sides that share nothing


def _unrelated_vectors(words: Sequence[str]) -> np.ndarray:
    """Each word its own random direction (seeded by the word): no word has a counterpart."""
    rows = [np.random.default_rng(int(hashlib.sha1(w.casefold().encode()).hexdigest()[:8], 16))
            .standard_normal(256) for w in words]
    out = np.array(rows, dtype=np.float32).reshape(len(words), 256)
    return out / np.linalg.norm(out, axis=1, keepdims=True).clip(1e-9)


def _three_links(src: str, tgt: str, cosine: float) -> tuple[Bitext, WordEvidence]:
    """The link under test between two that match (away from the text's edges)."""
    s = (Sentence("Herr Brandt stieg in den Zug."), Sentence(src), Sentence("Danke, sagte er leise."))
    t = (Sentence("Mr Brandt got on the train."), Sentence(tgt), Sentence("Thank you, he said quietly."))
    links = tuple(Link((k,), (k,), 0.95) for k in range(3))
    return Bitext(s, t, Alignment(links), "de", "en"), WordEvidence(_unrelated_vectors, (0.9, cosine, 0.9))


@pytest.mark.parametrize("src, tgt, cosine, flagged", [
    # the tester's link 34: 0 of 5 content words on either side, cosine 0.22 (model: 0.23)
    ("Zwischen den Büchern lag ein brauner Umschlag.",
     "Together they opened the suitcase on the floor of the aisle.", 0.22, True),
    ("Der Schaffner prüfte die Fahrkarte am Fenster.",   # the model says so already
     "Outside, the suburbs slid past in the morning mist.", 0.15, True),
    # a cosine this high is left to the model, which says they may match
    ("Zwischen den Büchern lag ein brauner Umschlag.",
     "Together they opened the suitcase on the floor of the aisle.", 0.40, False),
    # too few words for 'none has a counterpart' to mean much: left to the model
    ("Er lachte laut.", "Nobody came.", 0.10, False),
])
def test_sides_that_share_no_word_do_not_match(src: str, tgt: str, cosine: float, flagged: bool) -> None:
    bitext, evidence = _three_links(src, tgt, cosine)
    found = list(check_match(bitext, CheckConfig(), evidence))
    assert [(f.link, f.severity) for f in found] == ([(1, "warning")] if flagged else [])
    if flagged:
        assert "these sentences may not match" in found[0].message


# --------------------------------------------------------------- encoder-free unsure merges

PAIRS = [(f"Satz {k} erzählt vom Weg durch die Stadt am Abend.", f"Sentence {k} tells of the way "
          f"through the town in the evening.") for k in range(1, 13)]
MISSING = "Seine Mutter ist sehr besorgt und ruft jeden Tag an."


def _merged(confidence: float, *, encoder_free: bool = True, missing: str = MISSING,
            reviewed: bool = False) -> Bitext:
    """Twelve 1-1 links; the sixth original sentence has no translation and is merged with
    the fifth into a 2-1 link of the given confidence."""
    src = [s for s, _ in PAIRS[:5]] + [missing] + [s for s, _ in PAIRS[5:]]
    tgt = [t for _, t in PAIRS]
    links = [Link((k,), (k,), 0.95) for k in range(4)] + [Link((4, 5), (4,), confidence, reviewed)] \
        + [Link((k + 1,), (k,), 0.95) for k in range(5, 12)]
    sig = Signature(params=(("encoder", "unused"),) if encoder_free else ())
    return Bitext(tuple(map(Sentence, src)), tuple(map(Sentence, tgt)), Alignment(tuple(links), sig), "he", "en")


def _omissions(bitext: Bitext) -> list[tuple[int, str, str]]:
    return [(f.link, f.severity, f.message) for f in run_checks(bitext, only=["omission"])]


@pytest.mark.parametrize("confidence, encoder_free, reviewed, warned", [
    (0.22, True, False, True),    # the Hebrew tester's link
    (0.35, True, False, True),    # the Hindi tester's link
    (0.68, True, False, False),   # a merge the aligner is fairly sure of (the clean Hindi text's)
    (0.22, False, False, False),  # aligned with the encoder: its confidence says other things
    (0.22, True, True, False),    # a person reviewed the link
])
def test_unsure_merge_without_encoder_is_a_possible_omission(
        confidence: float, encoder_free: bool, reviewed: bool, warned: bool) -> None:
    found = _omissions(_merged(confidence, encoder_free=encoder_free, reviewed=reviewed))
    assert [(link, level) for link, level, _ in found] == ([(4, "warning")] if warned else [])
    if warned:
        assert f"'{MISSING}'" in found[0][2] and "may have no translation" in found[0][2]
        assert "'Satz 5" not in found[0][2]   # the sentence the translation has is not named


def test_a_merge_that_fits_the_lengths_is_left_alone() -> None:
    """A real 2-1 merge: the one translation sentence is as long as the two originals."""
    bitext = _merged(0.22, missing="Und dann ging er heim.")
    tgt = list(bitext.tgt)
    tgt[4] = Sentence(PAIRS[4][1] + " And then he went home, tired but happy, late.")
    assert _omissions(Bitext(bitext.src, tuple(tgt), bitext.alignment, "he", "en")) == []


def test_sentences_of_like_length_are_both_named() -> None:
    """Lengths cannot tell which of two sentences of the same length is left out: both quoted."""
    missing = PAIRS[4][0].replace("Satz 5", "Satz X")
    (_, _, message), = _omissions(_merged(0.22, missing=missing))
    assert f"'{PAIRS[4][0]}' or '{missing}'" in message
