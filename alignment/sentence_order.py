"""Two neighbouring sentences of the translation in the other order, inside one link.

Part of the check stage (checks.py registers `check_order`). The aligner keeps both texts
in order, so a translation whose sentences 1 and 2 were swapped comes out as one confident
2-2 link, and nothing else says the order differs. Within a link of two or more sentences
on each side, each translation sentence is compared with each original sentence (the
encoder's sentence cosines, through WordEvidence.add_pairs): where the original sentence
that translation sentence k reads best against comes after the one sentence k+1 reads best
against, and pairing them crossed beats pairing them in order by `CheckConfig.order_gain`,
the two seem swapped. Two neighbouring links cannot be linked crossed (links are
monotone), so only links of several sentences are looked at; without word evidence (no
encoder) nothing is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from .evidence import WordEvidence, words_of
from .types import Bitext, Finding, Span, sentence_starts
from .word_lists import make_finding

if TYPE_CHECKING:
    from .check_config import CheckConfig


def _multi_links(bitext: Bitext) -> list[int]:
    return [i for i, link in enumerate(bitext.alignment.links) if len(link.src) >= 2 and len(link.tgt) >= 2]


def sentence_cosines(bitext: Bitext, i: int, evidence: WordEvidence) -> np.ndarray:
    """(original sentences x translation sentences) cosines of link i (NaN where unknown)."""
    link = bitext.alignment.links[i]
    return np.array([[evidence.pair_cosine(bitext.src[a].text, bitext.tgt[b].text) for b in link.tgt]
                     for a in link.src], dtype=float)


def swapped(cos: np.ndarray, gain: float, floor: float, short: set[int] = frozenset()) -> list[int]:
    """The translation sentences k (0-based) that seem to stand after k+1: the original
    sentence k reads best against comes after the one k+1 reads best against, both read
    against them at `floor` or above, and the crossed pairing beats the in-order one by `gain`.
    Sentences in `short` (fragments: '293, Nov.', 'Luchsinger.') are never taken: the
    encoder reads them against anything."""
    out = []
    for k in range(cos.shape[1] - 1):
        col, nxt = cos[:, k], cos[:, k + 1]
        if k in short or k + 1 in short:
            continue
        if np.isnan(col).all() or np.isnan(nxt).all():
            continue
        a, b = int(np.nanargmax(col)), int(np.nanargmax(nxt))
        if a <= b:
            continue
        crossed, straight = col[a] + nxt[b], col[b] + nxt[a]
        if min(col[a], nxt[b]) >= floor and crossed - straight >= gain:
            out.append(k)
    return out


def _sentence_span(bitext: Bitext, i: int, k: int) -> Span:
    """Characters of translation sentence k of link i in link_text."""
    texts = [bitext.tgt[j].text for j in bitext.alignment.links[i].tgt]
    start = sentence_starts(texts)[k]
    return Span("tgt", start, start + len(texts[k]))


def check_order(bitext: Bitext, config: CheckConfig,
                evidence: WordEvidence | None = None) -> Iterator[Finding]:
    """Neighbouring translation sentences of one link that read as the original's in the
    other order (module docstring): a warning."""
    if evidence is None or evidence.encode is None:
        return
    multi = _multi_links(bitext)
    evidence.add_pairs([(bitext.src[a].text, bitext.tgt[b].text) for i in multi
                        for a in bitext.alignment.links[i].src for b in bitext.alignment.links[i].tgt])
    for i in multi:
        tgt = bitext.alignment.links[i].tgt
        short = {k for k, j in enumerate(tgt) if len(words_of(bitext.tgt[j].text)) < config.order_words}
        for k in swapped(sentence_cosines(bitext, i, evidence), config.order_gain, config.order_cosine, short):
            yield make_finding(i, "order", "warning", f"the translation's sentences {k + 1} and {k + 2} "
                               f"(of {len(tgt)}) seem to be in the other order",
                               _sentence_span(bitext, i, k), _sentence_span(bitext, i, k + 1))
