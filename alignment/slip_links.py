"""Which original words a sure word link decides, for the fitted slip model's 'linked_else'.

Part of the check stage: slip_model.py asks it for each candidate reading. An original word
that a sure word link (words.py) gives to another translation word has its counterpart
there, so a slip elsewhere is less likely to stand for it; the hand-set rules (slips.py,
context_slips.py, slip_rare.py) take such a link as decisive, the model weighs it. But
where the translation has a slip, the word aligner may link the original word by position
to a neighbour of it: in 'l'écouta sens lever les yeux' for 'hörte ihr zu, ohne ...
aufzusehen', 'ohne' was linked (0.99) to 'lever', cosine 0.35, while 'sans', what 'sens' was
meant to be, stands 0.83 from 'ohne'; that link took the French model's reading from 0.52
to 0.32, under its floor, so word links made the slip go unreported. So a link counts
against a reading only where it explains the original word about as well: where the
intended word stands `LINK_MARGIN` or more closer to the original word than every word the
link gives it to, the link is one of position, not evidence.

No library: numpy over the link's cosine and word-link matrices (evidence.LinkWords).
"""

from __future__ import annotations

import numpy as np

from .evidence import LinkWords

LINK_MARGIN = 0.2
"""How much closer to an original word an intended word must stand than the word a sure
word link gives it to, for that link not to decide it. Among the injected real-word slips
of bench_checks --word-links (LIMSI and Text+Berg dev, seed 0) whose original word a link
gives to another word, right links stood at most 0.16 below the intended word ('her' for
'elle' beside 'hero' 0, 'be' for 'serait' beside 'world' for 'would' 0.16), links made by
position 0.22 ('la' for 'unter', beside 'mous' for 'sous') and, in the tester's text, 0.48
('lever' for 'ohne'). Measured (bench_checks --word-links, seeds 0-2): LIMSI and Text+Berg
dev every figure unchanged (real-word slips 77 of 100 and 8 of 30, no finding more on clean
links): such links are rare there; the tester's 'sens' / 'sans' is found again with them.
Tried and not kept: the same test in the rules (slips._vector_slips, context_slips,
slip_rare): bench figures unchanged too, but it contradicts their design of a link as
decisive (tests/test_checks.py: 'peut' linked to 'It' keeps the rules silent on 'max')."""


def linked_cosine(lw: LinkWords, j: int) -> np.ndarray:
    """Per original word, the highest cosine of a translation word other than j that a sure
    word link gives it to; -inf where none (no word links, no evidence, or none but to j)."""
    none = np.full(len(lw.src), -np.inf)
    if lw.linked is None or lw.cos is None or not lw.linked.size:
        return none
    others = np.delete(lw.linked, j, axis=1)
    if not others.size:
        return none
    return np.where(others, np.delete(lw.cos, j, axis=1), -np.inf).max(axis=1)


def decided(linked: np.ndarray, cos: np.ndarray) -> np.ndarray:
    """Is the reading ruled out because a word link already gives its original word a
    counterpart? `linked`: linked_cosine of the original words read; `cos`: the intended
    words' cosines to them (one row per intended word, or one value per original word)."""
    return linked > cos - LINK_MARGIN
