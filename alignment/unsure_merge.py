"""A merge the encoder-free aligner is unsure of, read as a sentence that may be left out.

Part of the check stage (unmatched.check_omissions yields these). Why (issue 12, a tester of
Hebrew and Hindi): for a language the encoder does not know the aligner has only lengths,
names and numbers, and a sentence the translation drops is taken into its neighbour's link
(a 2-1 link) rather than left alone as an omission. Without word evidence no check looked
inside such a link: the proofreader saw only an info note on its confidence (0.22, 0.35).
The link's confidence is the aligner's probability that it is exactly right (confidence.py),
so below `UNSURE` it is more likely wrong than right; a merge of a dropped sentence is
also longer on its many-sentence side than the text's length ratio allows, where a real
merge, chosen for its lengths, fits them (`MIN_Z`). Both together are a warning naming
the sentence whose leaving out fits the lengths best.
"""

from __future__ import annotations

from collections.abc import Iterator

from .cognates import make_finding
from .types import Bitext, Finding, Side, Span, join_sentences, sentence_starts

UNSURE = 0.4   # link confidence below: more likely wrong than right (he 0.22, hi 0.35 dropped)
MIN_Z = 1.5    # the many side longer than the text's ratio by this robust z at least
SAME_FIT = 0.5   # two sentences whose leaving out fits the lengths within this z: either one


def encoder_free(bitext: Bitext) -> bool:
    """Was the text aligned without the encoder (a language it does not know)? align.py
    signs such an alignment `encoder:unused`, and the PO keeps the signature."""
    return ("encoder", "unused") in bitext.alignment.signature.params


def _z(a: int, b: int, length: tuple[float, float]) -> float:
    c, s = length
    return (b - c * a) / max(a + b, 1) ** 0.5 / s


def merge_fits(bitext: Bitext, i: int, length: tuple[float, float]
               ) -> tuple[Side, float, list[tuple[float, int]]] | None:
    """For a link of several sentences against one: its many side, the oriented length z
    (positive: the many side is the longer) and, per sentence k of that side, |z| without it,
    best first. None for other links."""
    link = bitext.alignment.links[i]
    if not link.src or not link.tgt or len(link.src) == len(link.tgt) or min(len(link.src), len(link.tgt)) > 1:
        return None
    side: Side = "src" if len(link.src) > 1 else "tgt"
    idx, sents = (link.src, bitext.src) if side == "src" else (link.tgt, bitext.tgt)
    a, b = len(bitext.link_text(i, "src")), len(bitext.link_text(i, "tgt"))
    sign = 1.0 if side == "tgt" else -1.0
    fits = []
    for k in range(len(idx)):
        rest = len(join_sentences([sents[j].text for n, j in enumerate(idx) if n != k]))
        fits.append((abs(_z(rest, b, length) if side == "src" else _z(a, rest, length)), k))
    return side, sign * _z(a, b, length), sorted(fits)


def unsure_merges(bitext: Bitext, length: tuple[float, float]) -> Iterator[Finding]:
    """Warnings on the encoder-free alignment's unsure, too long merges (module docstring);
    `length` is the text's (c, s) length model (checks.length_model). A link a person
    reviewed is left alone."""
    if not encoder_free(bitext):
        return
    for i, link in enumerate(bitext.alignment.links):
        if link.confidence >= UNSURE or link.reviewed:
            continue
        found = merge_fits(bitext, i, length)
        if found is None or found[1] < MIN_Z:
            continue
        side, _, fits = found
        idx, sents = (link.src, bitext.src) if side == "src" else (link.tgt, bitext.tgt)
        either = [k for z, k in fits if z - fits[0][0] < SAME_FIT]
        k = either[0]
        start = sentence_starts([sents[j].text for j in idx])[k]
        text = sents[idx[k]].text
        yield make_finding(i, "omission", "warning", _message(bitext, i, side, sorted(either)),
                           Span(side, start, start + len(text)))


def _message(bitext: Bitext, i: int, side: Side, ks: list[int]) -> str:
    from .unmatched import excerpt

    link = bitext.alignment.links[i]
    idx, sents = (link.src, bitext.src) if side == "src" else (link.tgt, bitext.tgt)
    whose, other = ("the original", "translation") if side == "src" else ("the translation", "original")
    which = " or ".join(f"'{excerpt(sents[idx[k]].text)}'" for k in ks)
    one = "one of these sentences" if len(ks) > 1 else "this sentence"
    return (f"{len(idx)} sentences of {whose} linked to one, unsure on lengths alone (confidence "
            f"{link.confidence:.2f}): {one} may have no {other} (left out?): {which}")
