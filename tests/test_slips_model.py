"""The slip model's candidates (alignment/slip_model.py): which original word a candidate stands for."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.check_config import CheckConfig
from alignment.context_lm import english_lists
from alignment.evidence import link_words
from alignment.slip_model import candidates
from alignment.text_lexicon import text_lexicon
from test_checks import bitext, fake_evidence

GROUPS = [("et", "and"), ("rit", "laughed"), ("pleura", "cried"), ("mangea", "ate"), ("pain", "bread"),
          ("chanta", "sang"), ("puis", "then")]


def _intended(src: str, tgt: str, written: str, intended: str) -> list[str]:
    """The original words the candidates (written -> intended) of the one link stand for."""
    b = bitext([(src, tgt)])
    ev = fake_evidence(GROUPS)
    lw = link_words(b, 0, ev)
    return [lw.src[c.k][0] for c in candidates(0, b, lw, ev, text_lexicon(b), [english_lists()], CheckConfig())
            if c.written == written and c.intended == intended]


def test_a_repeated_original_word_is_read_where_the_slip_stands() -> None:
    """'sand' at the end stands where the second 'et' goes: the candidate 'and' is weighed
    against that 'et', not dropped because the first 'et' (equally close) is far away."""
    src = "Il rit et pleura, puis il mangea du pain et chanta."
    assert _intended(src, "He laughed and cried, then ate bread sand sang.", "sand", "and") == ["et"]


def test_no_candidate_where_no_original_word_stands() -> None:
    """The candidate needs an original word in its place: none where the link has no 'et'
    near the word written (one 'et', at the start; 'sand' at the end)."""
    src = "Et il rit, puis il mangea du pain, chanta, pleura, rit encore."
    cands = _intended(src, "And he laughed, then ate bread, sang, cried, laughed sand again.", "sand", "and")
    assert "et" not in [c.casefold() for c in cands]


def _features(tgt: str, written: str, intended: str) -> dict[str, float]:
    """FEATURES of the candidate (written -> intended) in a last link 'Elle rit et chanta ...',
    after a text whose word links give every 'et' an 'and' (test_checks.TEXT_FR_EN)."""
    from test_checks import TEXT_FR_EN, WORDS_FR_EN, with_word_links

    from alignment.slip_model import FEATURES
    b = with_word_links(bitext(TEXT_FR_EN + [("Elle rit et chanta et dansa.", tgt)]), WORDS_FR_EN)
    ev = fake_evidence(GROUPS + [("elle", "she"), ("dansa", "danced")])
    i = len(TEXT_FR_EN)
    lw = link_words(b, i, ev)
    (c,) = [c for c in candidates(i, b, lw, ev, text_lexicon(b), [english_lists()], CheckConfig())
            if c.written == written and c.intended == intended]
    return dict(zip(FEATURES, c.x))


def test_deficit_counts_the_intended_words_the_text_expects_and_lacks() -> None:
    """Two 'et', each an 'and' everywhere else in the text: two 'and' expected. With none
    written the candidate 'and' for 'sand' lacks two; with one written, one."""
    assert _features("She laughed sand sang, then danced.", "sand", "and")["deficit"] == 2.0
    assert _features("She laughed sand sang and danced.", "sand", "and")["deficit"] == 1.0



def test_written_fit_is_how_well_the_word_written_fits_between_its_neighbours() -> None:
    """The model also sees the word written alone in its context ('laughed sand sang': a
    slip rarely fits where it stands), not only the ratio against the intended word."""
    x = _features("She laughed sand sang, then danced.", "sand", "and")
    fit = english_lists().log_fit
    assert x["written_fit"] == max(fit("sand", ("laughed", "sang")), -20.0)   # clipped at -20
    assert x["written_fit"] < fit("and", ("laughed", "sang"))


def _one_split(feature: str, threshold: float) -> dict:
    """One tree: go left (-1.0) where `feature` is at most `threshold`, else right (+2.0); base 0.5."""
    from alignment.slip_model import FEATURES

    return {"features": list(FEATURES), "base": 0.5,
            "trees": [[[FEATURES.index(feature), threshold, 1, 2, 0.0], [-1, 0.0, -1, -1, -1.0],
                       [-1, 0.0, -1, -1, 2.0]], [[-1, 0.0, -1, -1, 0.25]]]}


@pytest.mark.parametrize("context, log_odds", [(0.0, -0.25), (5.0, -0.25), (5.5, 2.75), (12.0, 2.75)])
def test_trees_add_the_leaves_reached_to_the_base(context: float, log_odds: float) -> None:
    """Log-odds = base + the leaf each tree reaches (a leaf-only tree adds its value to all);
    the threshold itself goes left."""
    from alignment.slip_model import FEATURES, trees_from_dict

    x = np.zeros((1, len(FEATURES)))
    x[0, FEATURES.index("context")] = context
    assert trees_from_dict(_one_split("context", 5.0)).log_odds(x)[0] == pytest.approx(log_odds)


def test_trees_fitted_on_other_features_are_refused() -> None:
    from alignment.errors import AlignmentError
    from alignment.slip_model import trees_from_dict

    data = _one_split("context", 5.0)
    data["features"] = data["features"][:-1]
    with pytest.raises(AlignmentError):
        trees_from_dict(data)


def test_the_shipped_trees_read_a_likely_slip_above_an_unlikely_one() -> None:
    """The ensemble CheckConfig names loads; a candidate close to its original word and
    favoured by the context scores above one far from it that the context disfavours."""
    from alignment.slip_model import FEATURES, load_trees

    def row(**values: float) -> np.ndarray:
        x = np.zeros(len(FEATURES))
        x[FEATURES.index("bias")] = x[FEATURES.index("has_context")] = 1.0
        for name, v in values.items():
            x[FEATURES.index(name)] = v
        return x

    likely = row(context=8.0, cos_intended=0.9, cos_written=0.3, cos_written_here=0.3, sentence_gain=1.0,
                 table_share=0.5, written_fit=-15.0)
    unlikely = row(context=-5.0, cos_intended=0.55, cos_written=0.6, cos_written_here=0.6, rival=0.9,
                   linked_else=1.0, written_fit=0.0)
    z = load_trees(CheckConfig().slip_model_trees).log_odds(np.array([likely, unlikely]))
    assert z[0] > z[1]


@pytest.mark.parametrize("rule_level, model_word, kept", [
    ("info", 10, ["model 10"]),                  # the model reads the word: its finding stands
    ("info", 20, ["rule 10", "model 20"]),       # another word: both stand
    ("warning", 10, ["rule 10", "model 10"]),    # a warning is never dropped here
])
def test_an_info_finding_leaves_its_word_to_the_model(rule_level, model_word, kept) -> None:
    """The context alone makes info findings; the model may still warn of the same word, and
    then its reading replaces the info one. Only warnings keep a word from the model."""
    from alignment.slips import _claimed, _with_model
    from alignment.types import Span
    from alignment.word_lists import make_finding

    rule = make_finding(0, "realword", rule_level, "rule 10", Span("tgt", 10, 14))
    model = make_finding(0, "realword", "warning", f"model {model_word}",
                         Span("tgt", model_word, model_word + 4))
    assert _claimed([rule]) == ({10} if rule_level == "warning" else set())
    assert [f.message for f in _with_model([rule], [model])] == kept


@pytest.mark.parametrize("two_edits, one_edit_warns, level", [
    (0.0, True, "warning"),    # one edit from the word written: no clean link flagged by book
    (1.0, True, "info"),       # two edits: 10 false alarms by book, at slip_model_level_plain
    (0.0, False, "info"),
])
def test_french_model_readings_one_edit_away_are_warnings(two_edits, one_edit_warns, level) -> None:
    from dataclasses import replace

    from alignment.slip_model import FEATURES, Candidate, _plain_level

    x = np.zeros(len(FEATURES))
    x[FEATURES.index("two_edits")] = two_edits
    config = replace(CheckConfig(), slip_model_warn_one_edit_plain=one_edit_warns)
    assert _plain_level(Candidate(0, "est", "et", 0, x), config) == level


@pytest.mark.parametrize("src, tgt, word, kept", [
    # 'two' writes the original's 2: no slip for 'to', whatever the evidence says
    ("真夜中までに風は窓を2枚割った。", "By midnight the wind had broken two windows.", "two", False),
    ("Le vent avait brisé 2 fenêtres.", "The wind had broken two windows.", "two", False),
    ("Il resta au 1er étage.", "He stayed on the first floor.", "first", False),
    # no 2 in the original: a finding on 'two' stands; nor does a 2 excuse another word
    ("Le vent avait brisé des fenêtres.", "The wind had broken two windows.", "two", True),
    ("Le vent avait brisé 2 fenêtres.", "The wind hid broken two windows.", "hid", True),
    ("Il avait 1 frère.", "He only had a brother.", "only", True),    # 'one' is no prefix match
])
def test_a_number_word_for_the_originals_figure_is_no_slip(src: str, tgt: str, word: str, kept: bool) -> None:
    from alignment.slips import _numbers_kept
    from alignment.types import Finding, Span
    b = bitext([(src, tgt)], "ja" if "窓" in src else "fr", "en")
    a = tgt.index(word)
    found = [Finding(0, "realword", "warning", f"'{word}' may be a slip", (Span("tgt", a, a + len(word)),))]
    assert _numbers_kept(b, 0, found) == (found if kept else [])
