"""Readings of a real-word slip that the link itself rules out, whichever rule made them.

Part of the check stage: slips.py's `_link_slips` passes every link's real-word findings
(the encoder's rules, slip_rare.py's table, context_slips.py's context, slip_model.py's
model) through `vetoed`. Each rule weighs how well the intended word fits; none asks what
the reading would make the translation say. A reading that adds a negation the original does
not have is no slip: 'His hair was now quite white.' read as 'was not quite' for 'совсем'
('not' stands 0.74 from it: 'совсем не' is common), where the Russian says nothing negative
('Он сильно постарел, и волосы его стали совсем седыми.'). A slip into 'not' where nothing is
negated would be a contradiction the negation check reports, not a word the original calls
for. Only where negation.py has a table for both languages (no table: nothing is known).
Measured (bench_checks --word-links, LIMSI seed 0, Text+Berg dev seed 1): every figure unchanged.

Tried and not kept: a word written that a sure word link gives as the only counterpart of
another original word is no slip (a learner's 'Ms. Sato laughed and lent her an old umbrella.'
for '佐藤さんは笑って、古い傘を貸してくれた': 'lent' read as 'let' for the giving auxiliary くれ,
while 貸し is linked to 'lent' at 0.99, cosine 0.35). On LIMSI seed 0 it lost 5 of 36 real-word
slips ('latch' for 'watch', 'surf' for 'such', 'teen' for 'then'): words.py links a slip by
position to a neighbouring original word nothing else translates at 0.92-0.99, cosines
0.30-0.46, just as it links 貸し to 'lent'.

No library: negation.py's tables.
"""

from __future__ import annotations

import re

from .lang import primary
from .negation import NEGATORS, negations
from .types import Bitext, Finding

_INTENDED = re.compile(r"may be a slip for '(.+?)' \(")


def vetoed(f: Finding, bitext: Bitext) -> bool:
    """Is real-word finding f (of link f.link) ruled out by what its reading would say?"""
    said = _INTENDED.search(f.message)
    return said is not None and _adds_negation(said.group(1), bitext, f.link)


def _adds_negation(intended: str, bitext: Bitext, i: int) -> bool:
    """Would reading `intended` negate what link i's original, which has no negation, says?"""
    tgt, src = primary(bitext.tgt_lang), primary(bitext.src_lang)
    if tgt not in NEGATORS or src not in NEGATORS:
        return False
    word = intended.casefold().replace("’", "'")
    negating = word in NEGATORS[tgt] or (tgt == "en" and word.endswith("n't"))
    return negating and not negations(bitext.link_text(i, "src"), src)
