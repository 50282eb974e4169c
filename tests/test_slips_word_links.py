"""Real-word slips with word links (alignment/slip_links.py, slip_rare.py): a word link made by
position does not count against the fitted model's reading, and a reading of the text's table
one edit away is named before one two edits away."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.check_config import CheckConfig
from alignment.evidence import LinkWords, WordEvidence, link_words
from alignment.slip_model import FEATURES, candidates
from alignment.slips import check_realword
from alignment.text_lexicon import text_lexicon
from alignment.types import Bitext
from test_checks import bitext, with_word_links

DIM = 512


def graded_evidence(groups: list[tuple[str, ...]], near: dict[str, tuple[str, float]]) -> WordEvidence:
    """Word vectors where words of a group have cosine 1, a word of `near` stands at the given
    cosine from its anchor word (a group's first word or a word of no group), all others 0."""
    axis: dict[str, int] = {w: k for k, g in enumerate(groups) for w in g}

    def own(w: str) -> int:
        return axis.setdefault(w, len(axis) + len(groups))

    def vectors(words: object) -> np.ndarray:
        out = np.zeros((len(words), DIM), dtype=np.float32)  # type: ignore[arg-type]
        for r, w in enumerate(words):  # type: ignore[arg-type]
            if w in near:
                anchor, c = near[w]
                out[r, own(anchor)] = c
                out[r, own("~" + w)] = np.sqrt(1.0 - c * c)
            else:
                out[r, own(w)] = 1.0
        return out
    return WordEvidence(vectors, (), "graded")


def _messages(pairs: list[tuple[str, str]], words: set[tuple[str, str]], ev: WordEvidence,
              src: str, tgt: str) -> list[str]:
    b = bitext(pairs, src, tgt)
    b = with_word_links(b, words) if words else b
    return [f.message for f in check_realword(b, CheckConfig(), ev)]


# ---------------------------------------------------------------- a link made by position

DE = "Herr Brunner hörte ihr zu, ohne von seiner Arbeit aufzusehen."
GROUPS_DE_FR = [("brunner", "Brunner"), ("hörte", "écouta"), ("von", "de"), ("seiner", "son"),
                ("arbeit", "Arbeit", "travail")]
# what words.py linked in the tester's text: 'ohne' to 'lever', beside the slip 'sens'
LINKS_DE_FR = {("brunner", "brunner"), ("hörte", "écouta"), ("ohne", "lever"), ("von", "de"),
               ("seiner", "son"), ("arbeit", "travail")}


SLIP_DE_FR = "M. Brunner l'écouta sens lever les yeux de son travail."


def _near_de_fr(sans: float, lever: float) -> dict[str, tuple[str, float]]:
    """'sans' and 'lever' at these cosines from 'ohne'; 'sens' 0.2 from 'zu' (the word
    written resembles some original word a little, as it does in the tester's text, 0.51)."""
    return {"sans": ("ohne", sans), "lever": ("ohne", lever), "sens": ("zu", 0.2)}


@pytest.mark.parametrize("tgt, lever, links, expected", [
    # the slip, 'ohne' linked by position to 'lever' (cosine 0.35; 'sans' 0.83, as in the
    # tester's text): found, by the fitted model (the rules ask 0.9)
    (SLIP_DE_FR, 0.35, True, "'sens' may be a slip for 'sans'"),
    # the same without word links: found, as before
    (SLIP_DE_FR, 0.35, False, "'sens' may be a slip for 'sans'"),
    # a link to a word nearly as close to 'ohne' as 'sans' is one the encoder backs: decided
    (SLIP_DE_FR, 0.75, True, None),
    # faithful: nothing
    ("M. Brunner l'écouta sans lever les yeux de son travail.", 0.35, True, None),
])
def test_a_word_link_by_position_decides_nothing(tgt: str, lever: float, links: bool,
                                                 expected: str | None) -> None:
    ev = graded_evidence(GROUPS_DE_FR, _near_de_fr(0.83, lever))
    found = _messages([(DE, tgt)], LINKS_DE_FR if links else set(), ev, "de", "fr")
    if expected is None:
        assert not [m for m in found if "'sens'" in m or "'sans'" in m or "'lever'" in m], found
    else:
        assert any(m.startswith(expected) and "'ohne'" in m for m in found), found


def _sens_link(sans: float, lever: float) -> tuple[Bitext, LinkWords, WordEvidence]:
    """The slipped link with the tester's word links, 'sans' and 'lever' at these cosines from 'ohne'."""
    ev = graded_evidence(GROUPS_DE_FR, _near_de_fr(sans, lever))
    b = with_word_links(bitext([(DE, SLIP_DE_FR)], "de", "fr"), LINKS_DE_FR)
    return b, link_words(b, 0, ev), ev


@pytest.mark.parametrize("lever, linked_else", [(0.35, 0.0), (0.75, 1.0)])
def test_the_models_linked_else_counts_only_links_the_encoder_backs(lever: float, linked_else: float) -> None:
    """The fitted model's 'linked_else' feature for 'sens' read as 'sans' (0.83 from 'ohne'):
    'ohne' linked to 'lever' at 0.35 is a link by position (0), at 0.75 a counterpart (1)."""
    b, lw, ev = _sens_link(0.83, lever)
    (c,) = [c for c in candidates(0, b, lw, ev, text_lexicon(b), [], CheckConfig())
            if c.written == "sens" and c.intended == "sans"]
    assert c.x[FEATURES.index("linked_else")] == linked_else


# ---------------------------------------------------------------- one edit before two

# a text whose word links make 'était' 'was' 7 times in 10 and 'had' 3 times ('il était parti')
TEXT_ETAIT = [("Il était là.", "He was there.")] * 7 + [("Il était parti.", "He had gone.")] * 3
LINKS_ETAIT = {("il", "he"), ("était", "was"), ("était", "had"), ("là", "there"), ("parti", "gone"),
               ("parti", "left"), ("paul", "paul"), ("maison", "home"), ("la", "the")}
GROUPS_ETAIT = [("il", "he"), ("là", "there"), ("parti", "gone", "left"), ("paul", "Paul"),
                ("maison", "home")]


@pytest.mark.parametrize("tgt, expected", [
    # 'bad' is one edit from 'had', two from 'was': 'had', though 'was' is the commoner 'était'
    ("Paul bad left home.", "'bad' may be a slip for 'had'"),
    ("Paul had left home.", None),
])
def test_a_reading_one_edit_away_comes_before_one_two_edits_away(tgt: str, expected: str | None) -> None:
    ev = graded_evidence(GROUPS_ETAIT, {})
    found = _messages(TEXT_ETAIT + [("Paul était parti de la maison.", tgt)], LINKS_ETAIT, ev, "fr", "en")
    if expected is None:
        assert not found, found
    else:
        assert any(m.startswith(expected) and "'était'" in m for m in found), found
        assert not [m for m in found if "'was'" in m], found
