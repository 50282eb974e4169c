"""A whole-text warning for two texts that are not a text and its translation.

Part of the align stage (pipeline.py adds it to `Alignment.warnings`, which the command line
prints as "Warning: ..." and the PO header and the reader keep). Why: aligning the wrong pair
of files (chapter 1 in Spanish with chapter 2 in English, an easy slip in a batch script)
said nothing, and its links still got confidences of 0.92-0.999: a confidence says how sure
the aligner is of a link among the ones it could make, not that the texts translate each
other. The sentence cosine of the links says that: the median over the links with both sides
(a sample of SAMPLE links, evenly spread, in a long text).

Calibrated on the USE encoder (use-m3), texts aligned whole (benchmarks/bench_unrelated.py
--split all; the es-en figures on a tester's chapters):
  true pairs: LIMSI's five en-fr books 0.625-0.665, Text+Berg de-fr dev 0.650 (test0-6
  0.575-0.638), six es-en chapters, an it-en text and the fr-en sample 0.78-0.83, zh-en and ja-en
  stories 0.71-0.73;
  wrong pairs: one book's original with another's translation (20 LIMSI, 56 Text+Berg pairs,
  400 sentences a side at most) 0.193-0.374, warned on 74 of 76 (missed: a 400-sentence text
  against a 40-sentence one, 4 links with both sides, too few to tell; 10 links at 0.374); a
  text's first half with its translation's second half 0.203-0.401, all 13 warned; a chapter
  with another chapter's translation (30 es-en pairs, 6-14 links) 0.141-0.330, all warned.
A short text's median wanders more: over all windows of consecutive links of the true pairs
the lowest median is 0.393 for 6 links and 0.400 for 10, but 0.480 for 20 and 0.501 for 30;
hence two bars (UNRELATED_SHORT, UNRELATED), and no warning under MIN_LINKS links. Other
encoders (the hashing embedder of tests, a language the encoder does not know) were not
calibrated: no warning.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from .types import Bitext

#: the median link cosine under which 20 links or more do not read as a translation
UNRELATED = 0.45
#: ... and 6-19 links (a short text's median wanders more)
UNRELATED_SHORT = 0.35
#: links with both sides that a text needs before its median says anything
MIN_LINKS = 6
#: links at most whose cosines are computed (evenly spread): the median of 300 is steady
SAMPLE = 300
#: encoders whose cosines the bars were calibrated on (embed.UseEmbedder.name)
CALIBRATED = frozenset({"use-m3"})


def link_cosines(bitext: Bitext, embedder: Any, most: int = SAMPLE) -> np.ndarray:
    """The sentence cosines of up to `most` links with both sides, evenly spread."""
    both = [i for i, link in enumerate(bitext.alignment.links) if link.src and link.tgt]
    if len(both) > most:
        both = [both[k] for k in np.linspace(0, len(both) - 1, most).round().astype(int)]
    if not both:
        return np.zeros(0)
    vectors = np.asarray(embedder.embed([bitext.link_text(i, "src") for i in both]
                                        + [bitext.link_text(i, "tgt") for i in both]), dtype=float)
    norms = np.linalg.norm(vectors, axis=1)
    norms[norms == 0] = np.nan
    unit = vectors / norms[:, None]
    return (unit[:len(both)] * unit[len(both):]).sum(axis=1)


def unrelated_warning(bitext: Bitext, embedder: Any) -> str | None:
    """The warning when the two texts do not read as a text and its translation, or None."""
    from .align_encoder import unknown_languages

    if getattr(embedder, "name", None) not in CALIBRATED or \
            unknown_languages(embedder, bitext.src_lang, bitext.tgt_lang):
        return None
    cosines = link_cosines(bitext, embedder)
    cosines = cosines[~np.isnan(cosines)]
    if len(cosines) < MIN_LINKS:
        return None
    median = float(np.median(cosines))
    bar = UNRELATED if len(cosines) >= 20 else UNRELATED_SHORT
    if median >= bar:
        return None
    return (f"the two texts do not read as a text and its translation: their links' sentences "
            f"match at a median cosine of {median:.2f}, where a translation gives 0.55 or more; "
            f"check that these are the right two files (the same chapter, the same book)")


def with_unrelated_warning(bitext: Bitext, embedder: Any) -> Bitext:
    """`bitext` with unrelated_warning's warning, where there is one, after its others."""
    warning = unrelated_warning(bitext, embedder)
    if warning is None:
        return bitext
    alignment = replace(bitext.alignment, warnings=bitext.alignment.warnings + (warning,))
    return replace(bitext, alignment=alignment)
