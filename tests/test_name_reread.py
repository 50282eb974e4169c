"""A name lost to a common word, a warning where the encoder reads the sentence closer to its
original with the name written back and with the word left out (name_reread.py): 'turned to soup
again' for 'se tourna de nouveau vers Alice', where 'turned to the girl again' stays quiet."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.checks import run_checks
from alignment.evidence import WordEvidence, word_evidence
from alignment.name_reread import reread
from alignment.types import Alignment, Bitext, Link, Sentence

# links that teach the names check that the text writes 'Alice' as 'Alice'
CONTEXT = [("Alice ouvrit la porte du jardin.", "Alice opened the garden door."),
           ("Le jardinier regarda Alice.", "The gardener looked at Alice."),
           ("Alice sourit.", "Alice smiled.")]
WHY = "the sentence comes closer to the original with the name there, and without '{}'"


def bitext(pairs: list[tuple[str, str]], langs: tuple[str, str] = ("fr", "en")) -> Bitext:
    links = tuple(Link((k,), (k,)) for k in range(len(pairs)))
    return Bitext(tuple(Sentence(s) for s, _ in pairs), tuple(Sentence(t) for _, t in pairs),
                  Alignment(links), *langs)


@pytest.fixture(scope="module")
def encoder():
    from alignment.registry import EMBEDDERS
    return EMBEDDERS["use"]()


@pytest.mark.parametrize("src, tgt, word", [
    # the name replaced by a word that means nothing there: a warning, the word named
    ("Le vieux jardinier se tourna de nouveau vers Alice.", "The old gardener turned to soup again.", "soup"),
    ("Cette fois, Alice attendit patiemment.", "This time citizens waited patiently.", "citizens"),
    ("« Je ne comprends pas », dit Alice.", "'I don't understand,' said pebbles.", "pebbles"),
    # the translator's own words for her: nothing at warning
    ("Le vieux jardinier se tourna de nouveau vers Alice.", "The old gardener turned to the girl again.", None),
    ("Cette fois, Alice attendit patiemment.", "This time the child waited patiently.", None),
    ("« Je ne comprends pas », s'écria Alice.", "'I don't understand,' exclaimed the girl.", None),
])
def test_a_name_lost_to_a_word_the_sentence_does_not_need(src: str, tgt: str, word: str | None,
                                                          encoder) -> None:
    b = bitext([*CONTEXT, (src, tgt)])
    found = [f for f in run_checks(b, only=["names"], evidence=word_evidence(b, encoder))
             if f.link == len(CONTEXT) and f.severity != "info"]
    if word is None:
        assert found == []
        return
    (f,) = found
    assert f.severity == "warning"
    assert f.message == f"name 'Alice' is missing: '{word}' in its place? ({WHY.format(word)})"
    assert tgt[f.spans[1].start:f.spans[1].end] == word


def bag_of_words(meaning: dict[str, int]):
    """A deterministic encoder: each word adds its meaning's axis (words not in `meaning` get
    an axis of their own), a name three times as much (as mUSE, names weigh), rows normalised."""
    def encode(texts: object) -> np.ndarray:
        out = np.zeros((len(texts), 64), dtype=np.float32)  # type: ignore[arg-type]
        for r, text in enumerate(texts):  # type: ignore[arg-type]
            for w in text.replace(".", " ").split():
                out[r, meaning.setdefault(w.lower(), len(meaning) + 1)] += 3.0 if w.lower() == "alice" else 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
    return encode


MEANING = {"le": 0, "the": 0, "chat": 1, "cat": 1, "regarda": 2, "watched": 2, "alice": 3}


@pytest.mark.parametrize("tgt, word, expected", [
    # the name back reads as the original, and 'soup' adds nothing to it
    ("The cat watched soup.", "soup", True),
    # 'watched' translates 'regarda': the name there reads closer, but the sentence without it loses it
    ("The cat watched.", "watched", False),
    # the name written elsewhere: written again in place of 'cat', it reads further from the original
    ("The cat watched Alice.", "cat", False),
])
def test_reread_asks_both_readings(tgt: str, word: str, expected: bool) -> None:
    b = bitext([("Le chat regarda Alice.", tgt)])
    evidence = WordEvidence(lambda words: np.zeros((len(words), 4), dtype=np.float32), (), "fake",
                            encode=bag_of_words(dict(MEANING)))
    start = tgt.index(word)
    assert reread(b, 0, evidence)(("Alice", 16, 21), (word, start, start + len(word))) is expected


def test_reread_without_an_encoder_says_no() -> None:
    b = bitext([("Le chat regarda Alice.", "The cat watched soup.")])
    no_encoder = WordEvidence(lambda words: np.zeros((len(words), 4), dtype=np.float32), (), "fake")
    assert reread(b, 0, no_encoder)(("Alice", 16, 21), ("soup", 16, 20)) is False
    assert reread(b, 0, None)(("Alice", 16, 21), ("soup", 16, 20)) is False
