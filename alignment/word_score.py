"""Word evidence in the link score: a merge pays when its words find no counterpart.

Why (issue 15): our errors against Bertalign on dev are 1-1 gold links inside
our 2-2..4-4 merges and 1-1 links cut from gold 2-2 groups. The run cosine of a
merge hardly moves when a sentence is added to it; its words do. Each content
word of one side (coverage.py's TextWords, the encoder's word vectors) takes
its best cosine over the words of the other side's sentences, read above a
floor (max(cos - word_floor, 0) / (1 - word_floor): below 0.5, unrelated words
match as well as related ones); a side's coverage is the mean over its words
(BERTScore-like), the link's the smaller of its two sides', and a merge's also
no more than that of its least-covered end sentence (the first or last
sentence of a side of two or more, against the whole other side). A merge
(a + b > 2) then pays w_word * (mean - coverage) where its coverage is below
`mean`, the mean coverage of the 1-1 links of the first path (so the term is
centred on the text: a language pair whose words match less well is not
penalised throughout). 1-1 links, and merges covered as well as they are,
are left as they were.

Figures (Text+Berg dev and the five LIMSI books, strict F1; `python
benchmarks/tune_align.py --embedder use`, then `--lobo 60`): Text+Berg dev
0.903 -> 0.910, LIMSI 0.928 -> 0.935 (Emma 0.778 -> 0.811, Alice 0.963 ->
0.969, Confessions 0.882 -> 0.892; Jane Eyre and Mohicans unchanged); lax F1
0.996 -> 0.995 and 0.995 -> 0.995. (`alignment bench`, whose encoder runs
with its default threads and cache: LIMSI 0.934, Emma 0.801; a few Emma links
turn on the last bits of the vectors.) Held out: choosing w_word, word_floor and
the form (below) among 48 settings on five documents and scoring the sixth,
Text+Berg dev 0.903 -> 0.909, LIMSI 0.928 -> 0.933 (this form chosen in every
fold, w_word 0.3-0.4, floor 0.4-0.5); the coordinate search of `--lobo 60`
(word knobs in its grid) left out a document at a time: Text+Berg dev 0.903 ->
0.906, LIMSI 0.928 -> 0.931 (Emma 0.775 -> 0.794), against the same search
without the word knobs from the old defaults. Text+Berg test (never tuned on,
measured once after the choice): 0.897 -> 0.893 strict, lax 0.982 -> 0.981
(test1 0.886 -> 0.902, test4 0.846 -> 0.863; test3 0.935 -> 0.920, test5 0.939
-> 0.907, test6 0.879 -> 0.861): the dev gain did not carry to it, so the
term is off by default (AlignConfig.w_word 0; align_config.py says why).

Tried and dropped (same data; tuned objective = mean of Text+Berg dev and
LIMSI strict F1, 0.9112 before, 0.9225 with this):
- the link coverage as a bonus or penalty on every link, w_word *
  (coverage - mean) (rewarding a 1-1 link whose words all have counterparts):
  w_word 0.05-0.4, floor 0-0.6, the smaller side or the mean of both sides:
  objective 0.895-0.911 (w_word 0.2: Text+Berg dev 0.898, LIMSI 0.923; Alice
  0.963 -> 0.939-0.961).
- the same with the least-covered end of a merge: 0.904-0.918 (best w_word
  0.1, floor 0.5, mean of the sides: 0.913 / 0.930), falling fast with the
  weight (0.3: 0.905); the penalty alone on merges does better at every weight.

Cost: the cosines of the words of BLOCK source sentences with those of the
target sentences their band cells reach (one matrix product per block), read
both ways: per word its best over each sentence of the other side; from those,
for each sentence and each end of a run of 1..max_side sentences on the other
side, the sum over its words of their best over the run (a running max), so a
cell's coverage is a sum over the a + b sentences of its link. At 10k x 10k
sentences (benchmarks/bench_engine.py's cycled bench texts, on a machine
loaded 8-10 on 2 cores): the band scores take 0.68 s -> 2.2-2.3 s of CPU
(word_cover 1.2 s); peak memory unchanged (888 MB warm).
"""

from __future__ import annotations

from dataclasses import dataclass

import numba
import numpy as np
from threadpoolctl import threadpool_limits

from alignment.coverage import TextWords
from alignment.lattice import Band

BLOCK = 16  # source sentences per word-cosine product


@dataclass(frozen=True)
class WordCover:
    """Per sentence of each side, the coverage sums of its words over the runs of
    the other side that its band cells reach, and the text's mean 1-1 coverage.

    `arrays`: (s_first, s_off, s_sums, s_cnt, t_first, t_off, t_sums, t_cnt). For
    source sentence i, s_sums[s_off[i] + e - s_first[i] - 1, b - 1] is the sum over
    its words of their best cosine over target sentences e-b .. e-1, for run ends
    e in s_first[i]+1 .. s_first[i] + (s_off[i+1] - s_off[i]); s_cnt[i] its words;
    t_* likewise for target sentences over source runs."""

    arrays: tuple
    mean: float


def source_windows(band: Band, n: int, m: int, max_side: int) -> tuple[np.ndarray, np.ndarray]:
    """For each source sentence, the target sentences [lo, hi) of every band link holding it."""
    lo, width = band.lo, band.width
    i = np.arange(n)
    t_lo = np.maximum(lo[i + 1] - max_side, 0)
    t_hi = np.minimum(lo[np.minimum(i + max_side, n)] + width - 1, m)
    return t_lo.astype(np.int64), np.maximum(t_hi, t_lo).astype(np.int64)


def target_windows(t_lo: np.ndarray, t_hi: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """The source sentences [lo, hi) whose windows hold each target sentence (the
    same pairs seen from the other side: both bounds are non-decreasing)."""
    j = np.arange(m)
    return (np.searchsorted(t_hi, j, side="right").astype(np.int64),
            np.searchsorted(t_lo, j, side="right").astype(np.int64))


def _flat(words: TextWords) -> tuple[np.ndarray, np.ndarray]:
    """The word-type rows of a text's words in sentence order, and each sentence's first."""
    cnt = np.array([len(x) for x in words.ids], np.int64)
    start = np.concatenate([[0], np.cumsum(cnt)]).astype(np.int64)
    ids = np.concatenate(list(words.ids) or [np.zeros(0, np.int64)]).astype(np.int64)
    return ids, start


def best_cosines(s_words: TextWords, t_words: TextWords, t_lo, t_hi, s_lo, s_hi):
    """Per source word, its best cosine over each target sentence of its sentence's
    window (blocks of words x window at s_boff), and per target word over each
    source sentence of its window (t_boff). One product serves both, per BLOCK
    source sentences and the union of their windows (their vectors gathered per
    block: copies of every word's vector took 400 MB at 10k x 10k sentences), on
    one BLAS thread: small products on two threads took 50 ms each on a loaded
    machine instead of 0.7. The product is over the block's distinct word types
    (a name or a term comes back in the next sentences): at 10k x 10k sentences
    62 of 116 GFLOP, 2.3-3.0 s -> 1.5 s (the bests move by at most 7e-7, BLAS
    rounding a product of another shape; dev and 10k figures unchanged)."""
    vecs = s_words.vectors
    s_ids, s_start = _flat(s_words)
    t_ids, t_start = _flat(t_words)
    s_cnt, t_cnt = np.diff(s_start), np.diff(t_start)
    s_boff = np.concatenate([[0], np.cumsum(s_cnt * (t_hi - t_lo))]).astype(np.int64)
    t_boff = np.concatenate([[0], np.cumsum(t_cnt * (s_hi - s_lo))]).astype(np.int64)
    s_best = np.zeros(s_boff[-1], np.float32)
    t_best = np.zeros(t_boff[-1], np.float32)
    with threadpool_limits(1, user_api="blas"):
        for start in range(0, len(s_cnt), BLOCK):
            stop = min(start + BLOCK, len(s_cnt))
            rows = slice(s_start[start], s_start[stop])
            cols = slice(t_start[t_lo[start]], t_start[t_hi[stop - 1]])
            if rows.start == rows.stop or cols.start >= cols.stop:
                continue
            s_types, s_at = np.unique(s_ids[rows], return_inverse=True)
            t_types, t_at = np.unique(t_ids[cols], return_inverse=True)
            m = vecs[s_types] @ vecs[t_types].T
            _spread(m, s_at, t_at, start, stop, s_start, t_start, t_lo, t_hi, s_boff, s_best, s_lo, s_hi,
                    t_boff, t_best)
    return s_best, s_boff, t_best, t_boff


@numba.njit(cache=True, nogil=True)
def _spread(m, s_at, t_at, start, stop, s_start, t_start, t_lo, t_hi, s_boff, s_best, s_lo, s_hi,
            t_boff, t_best):
    """The word cosines of source sentences start..stop-1 with their target windows
    into the per-sentence bests of both sides (cosines clipped at 0). m: the
    cosines of the word types of those sentences x those of the union of the
    windows; s_at, t_at: the row and column of each of their words."""
    row0, col0 = s_start[start], t_start[t_lo[start]]
    for i in range(start, stop):
        r0, r1 = s_start[i] - row0, s_start[i + 1] - row0
        lo, width = t_lo[i], t_hi[i] - t_lo[i]
        for j in range(lo, t_hi[i]):
            c0, c1 = t_start[j] - col0, t_start[j + 1] - col0
            t_width = s_hi[j] - s_lo[j]
            for q in range(c0, c1):  # words of target j: their best over the words of i
                best = np.float32(0.0)
                for w in range(r0, r1):
                    best = max(best, m[s_at[w], t_at[q]])
                t_best[t_boff[j] + (q - c0) * t_width + i - s_lo[j]] = best
            for w in range(r0, r1):  # words of i: their best over the words of j
                best = np.float32(0.0)
                for q in range(c0, c1):
                    best = max(best, m[s_at[w], t_at[q]])
                s_best[s_boff[i] + (w - r0) * width + j - lo] = best


@numba.njit(cache=True, nogil=True)
def run_sums(best, boff, cnt, first, last, max_run, floor):
    """Per sentence x and run end e of its window, the sum over x's words of their
    best over the other side's sentences max(e - r, first) .. e-1, r = 1..max_run
    (a running max from the end back), each best read as max(cos - floor, 0) / (1 - floor)."""
    n = first.shape[0]
    off = np.zeros(n + 1, np.int64)
    for x in range(n):
        off[x + 1] = off[x] + last[x] - first[x]
    sums = np.zeros((off[n], max_run))
    for x in range(n):
        width = last[x] - first[x]
        for e in range(first[x] + 1, last[x] + 1):
            row = off[x] + e - first[x] - 1
            for w in range(cnt[x]):
                at = boff[x] + w * width
                top = 0.0
                for r in range(max_run):
                    y = e - 1 - r
                    if y >= first[x]:
                        top = max(top, np.float64(best[at + y - first[x]]))
                    sums[row, r] += max(top - floor, 0.0) / (1.0 - floor)
    return off, sums


@numba.njit(inline="always")
def _side(first, off, sums, cnt, x0, x1, e, r):
    """Summed best cosines and word count of sentences x0..x1-1 against the other
    side's run of r sentences ending at e, and the lower coverage of the first and
    last of them (inf for one sentence, or ends without words). Summed from the
    last sentence back, as _runs accumulates (the same sums to the bit)."""
    total, words, least = 0.0, 0, np.inf
    for x in range(x1 - 1, x0 - 1, -1):
        row = e - first[x] - 1
        if 0 <= row < off[x + 1] - off[x] and cnt[x]:
            v = sums[off[x] + row, r - 1]
            total += v
            words += cnt[x]
            if x1 - x0 > 1 and (x == x0 or x == x1 - 1):
                least = min(least, v / cnt[x])
    return total, words, least


@numba.njit(inline="always")
def _cover(s_first, s_off, s_sums, s_cnt, t_first, t_off, t_sums, t_cnt, i, j, a, b):
    ss, sn, s_end = _side(s_first, s_off, s_sums, s_cnt, i - a, i, j, b)
    ts, tn, t_end = _side(t_first, t_off, t_sums, t_cnt, j - b, j, i, a)
    return _combined(ss, sn, s_end, ts, tn, t_end)


@numba.njit(inline="always")
def _combined(ss, sn, s_end, ts, tn, t_end):
    """A link's coverage from its two sides' sums, counts and least-covered ends."""
    if sn and tn:
        cov = min(ss / sn, ts / tn)
    elif sn or tn:
        cov = ss / sn if sn else ts / tn
    else:
        return np.nan
    return min(cov, s_end, t_end)


@numba.njit(cache=True, nogil=True)
def cell_cover(arr, i, j, a, b):
    """Word coverage of the link src[i-a:i] <-> tgt[j-b:j]: each side's mean best
    cosine, the smaller of the two; for a merge, its least-covered end sentence
    (the first or last of a side of two or more) if lower. NaN without words."""
    s_first, s_off, s_sums, s_cnt, t_first, t_off, t_sums, t_cnt = arr
    return _cover(s_first, s_off, s_sums, s_cnt, t_first, t_off, t_sums, t_cnt, i, j, a, b)


def add_word_term(out, a, b, lo, arr, w_word, mean):
    """Add w_word * min(coverage - mean, 0) to every valid cell of the a-b band
    scores `out` of a merge (a + b > 2; cells whose link has no content word are
    left as they are): a merge pays when its words, or those of an end
    sentence, find fewer counterparts than a 1-1 link of the text does."""
    add_word_terms(out[None], np.array([a], np.int64), np.array([b], np.int64), lo, arr, w_word, mean)


@numba.njit(cache=True, nogil=True)
def add_word_terms(outs, ta, tb, lo, arr, w_word, mean):
    """add_word_term for the types (ta[k], tb[k]) at once, outs[k] the scores of
    type k (those not a merge, 1-0 and 1-1, left as they are). Why: the sums
    of a cell's links share their terms (the a-b link's source side is the
    (a-1)-b link's plus one sentence), so a cell's
    sums for every type take one pass per side (_runs) instead of one per type:
    the word term of an MBR member at 10k x 10k sentences 1.1-1.5 s -> 0.3-0.4 s."""
    s_first, s_off, s_sums, s_cnt, t_first, t_off, t_sums, t_cnt = arr
    n_types, n_rows, width = outs.shape
    most_a, most_b = ta.max(), tb.max()
    s_tot, t_tot = np.zeros((most_a + 1, most_b + 1)), np.zeros((most_b + 1, most_a + 1))
    s_n, t_n = np.zeros((most_a + 1, most_b + 1), np.int64), np.zeros((most_b + 1, most_a + 1), np.int64)
    s_end, t_end = np.zeros((most_a + 1, most_b + 1)), np.zeros((most_b + 1, most_a + 1))
    for i in range(n_rows):
        for c in range(width):
            j = lo[i] + c
            need = False
            for k in range(n_types):
                need = need or (tb[k] > 0 and ta[k] + tb[k] > 2 and i >= ta[k] and j >= tb[k]
                                and outs[k, i, c] != -np.inf)
            if not need:
                continue
            _runs(s_first, s_off, s_sums, s_cnt, i, j, most_a, most_b, s_tot, s_n, s_end)
            _runs(t_first, t_off, t_sums, t_cnt, j, i, most_b, most_a, t_tot, t_n, t_end)
            for k in range(n_types):
                a, b = ta[k], tb[k]
                if b == 0 or a + b <= 2 or i < a or j < b or outs[k, i, c] == -np.inf:
                    continue
                cov = _combined(s_tot[a, b], s_n[a, b], s_end[a, b], t_tot[b, a], t_n[b, a], t_end[b, a])
                if cov < mean:
                    outs[k, i, c] += w_word * (cov - mean)


@numba.njit(inline="always")
def _runs(first, off, sums, cnt, x1, e, most, most_r, tot, words, least):
    """_side of the sentences x1-a..x1-1 against the other side's run of r ending
    at e, for every a <= most and r <= most_r, into tot[a, r], words[a, r] and
    least[a, r] (rows a > x1 are left as they were)."""
    for r in range(1, most_r + 1):
        total, count, last = 0.0, 0, np.inf
        for a in range(1, min(most, x1) + 1):
            x = x1 - a
            row = e - first[x] - 1
            own = np.inf
            if 0 <= row < off[x + 1] - off[x] and cnt[x]:
                v = sums[off[x] + row, r - 1]
                total += v
                count += cnt[x]
                own = v / cnt[x]
            if a == 1:
                last = own
            tot[a, r], words[a, r] = total, count
            least[a, r] = np.inf if a == 1 else min(last, own)


def word_cover(s_words: TextWords | None, t_words: TextWords | None, band: Band, max_side: int,
               path, floor: float = 0.0) -> WordCover | None:
    """The coverage sums of every band link, centred on the mean coverage of the 1-1
    links of `path` (lattice nodes); None without word vectors."""
    if s_words is None or t_words is None:
        return None
    n, m = len(s_words.ids), len(t_words.ids)
    if n == 0 or m == 0:
        return None
    t_lo, t_hi = source_windows(band, n, m, max_side)
    s_lo, s_hi = target_windows(t_lo, t_hi, m)
    s_best, s_boff, t_best, t_boff = best_cosines(s_words, t_words, t_lo, t_hi, s_lo, s_hi)
    s_cnt = np.array([len(x) for x in s_words.ids], np.int64)
    t_cnt = np.array([len(x) for x in t_words.ids], np.int64)
    s_off, s_sums = run_sums(s_best, s_boff, s_cnt, t_lo, t_hi, max_side, floor)
    t_off, t_sums = run_sums(t_best, t_boff, t_cnt, s_lo, s_hi, max_side, floor)
    arr = (t_lo, s_off, s_sums, s_cnt, s_lo, t_off, t_sums, t_cnt)
    ones = [cell_cover(arr, i, j, 1, 1) for (i0, j0), (i, j) in zip(path, path[1:])
            if i - i0 == 1 and j - j0 == 1]
    ones = [x for x in ones if x == x]
    return WordCover(arr, float(np.mean(ones)) if ones else 0.0)
