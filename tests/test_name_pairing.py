"""A name the translation left out is not what another original name's translation became.

Text+Berg dev (free multi-sentence links): '(Basel: Benno Schwabe)' / '(Bâle, p. 66-67)' read
"name 'Benno' became 'Bâle'?", a warning, where the translator had dropped the publisher. The
encoder reads Basel / Bâle at 0.68, under the cosine at which a name's counterpart is taken for
certain, so both stayed orphans and Bâle was free to pair with Benno."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.cognates import _name_findings
from alignment.evidence import LinkWords
from alignment.name_pairing import _translates_other

SRC = (("in", 0, 2), ("Basel", 3, 8), ("Benno", 10, 15), ("Schwabe", 16, 23))
TGT = (("à", 0, 1), ("Bâle", 2, 6))


def words(cos: list[list[float]]) -> LinkWords:
    m = np.array(cos)
    return LinkWords(SRC, TGT, np.zeros_like(m), m)


@pytest.mark.parametrize("cos, name, expected", [
    # Bâle is Basel's one counterpart: not what Benno became
    ([[0.9, 0.1], [0.1, 0.68], [0.0, 0.37], [0.0, 0.44]], "Benno", True),
    # ... and Basel's own counterpart is no other name's
    ([[0.9, 0.1], [0.1, 0.68], [0.0, 0.37], [0.0, 0.44]], "Basel", False),
    # below the counterpart cosine, Bâle translates no one
    ([[0.9, 0.1], [0.1, 0.5], [0.0, 0.37], [0.0, 0.44]], "Benno", False),
    # an original word with two counterparts decides nothing (a name the translation writes
    # twice, once for another name: 'Dinah ... Dinah' for 'Dinah ... Alice')
    ([[0.9, 0.1], [0.65, 0.68], [0.0, 0.37], [0.0, 0.44]], "Benno", False),
    # no word vectors: nothing is known
    (None, "Benno", False),
])
def test_a_word_is_another_original_words_translation(cos, name, expected):
    lw = LinkWords(SRC, TGT, np.zeros((4, 2)), None) if cos is None else words(cos)
    s = next(w for w in SRC if w[0] == name)
    assert _translates_other(lw, 0.6)(s, TGT[1]) is expected


@pytest.mark.parametrize("other, expected", [
    (lambda s, t: True, [("info", "name 'Benno' has no counterpart in the translation")]),
    (lambda s, t: False, [("warning", "name 'Benno' became 'Bâle'?")]),
])
def test_a_name_left_out_is_said_so_not_paired_with_anothers_translation(other, expected):
    found = _name_findings(0, [SRC[2]], [TGT[1]], [], lambda s, t: True, lambda *a: True, "fr",
                           set(), "de", other=other)
    assert [(f.severity, f.message) for f in found] == expected
