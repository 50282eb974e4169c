"""Word evidence across neighbouring links (alignment/coverage.py) and what the confidence makes of it."""

from __future__ import annotations

import numpy as np
import pytest

from alignment.align import AlignConfig, align
from alignment.coverage import content_words, crossing, word_vectors
from test_align import sents, tr

SRC = ["Anna walked to the harbour of Lisbon in 1911.",
       "The committee met twelve times during the winter.",
       "Kowalski wrote three letters about the railway strike.",
       "Fog covered the valley until noon on Tuesday.",
       "The museum bought a painting by Rembrandt for 4000 florins."]
RIGHT = [tr(t) for t in SRC]
# the target cuts the group of sources 1-2 elsewhere: target 1 ends with the start of source 2
CUT = [RIGHT[0], tr(SRC[1]) + " Kowalski wrote three", "Le letters about railway strike la.",
       RIGHT[3], RIGHT[4]]
ONE_ONE = [((k,), (k,)) for k in range(5)]


class RunsOnly:
    """The fake embedder without word vectors (no `embed`): sentence runs alone."""

    def __init__(self, embedder) -> None:
        self.inner, self.name, self.version, self.dim = embedder, embedder.name, embedder.version, embedder.dim

    def embed_runs(self, texts, max_run):
        return self.inner.embed_runs(texts, max_run)


def test_content_words_set_aside_what_the_text_says_often():
    text = ["the cat and the dog", "the owl and the fox", "a hen and the pig"]
    assert content_words(text) == [["cat", "dog"], ["owl", "fox"], ["a", "hen", "pig"]]


def test_words_reaching_into_the_next_link_mark_both_links_and_only_them(fake_embedder):
    """Right 1-1 links: nothing crosses. Target 1 holding the start of source 2:
    the two links around that boundary get the crossing, the others none."""
    s_words, t_words = word_vectors(SRC, RIGHT, fake_embedder.embed)
    assert crossing(ONE_ONE, s_words, t_words).tolist() == [0.0] * 5
    s_words, t_words = word_vectors(SRC, CUT, fake_embedder.embed)
    cross = crossing(ONE_ONE, s_words, t_words)
    assert cross[1] == cross[2] > 0 and cross[[0, 3, 4]].tolist() == [0.0, 0.0, 0.0]
    # one link of the whole group: nothing left to cross
    group = [((0,), (0,)), ((1, 2), (1, 2)), ((3,), (3,)), ((4,), (4,))]
    assert crossing(group, s_words, t_words).tolist() == [0.0] * 4
    assert crossing(ONE_ONE, None, None).tolist() == [0.0] * 5  # no encoder, no words


def test_a_link_whose_words_reach_into_its_neighbour_is_less_sure(fake_embedder):
    """The same links with and without word vectors: the links the crossing marks
    lose confidence, every other link keeps its own to the bit (the word term of
    the link score off: it reads the same word vectors, word_score.py)."""
    cfg = AlignConfig(w_word=0.0)
    with_words = align(sents(SRC), sents(CUT), embedder=fake_embedder, config=cfg)
    without = align(sents(SRC), sents(CUT), embedder=RunsOnly(fake_embedder), config=cfg)
    assert [(l.src, l.tgt) for l in with_words.links] == [(l.src, l.tgt) for l in without.links]
    s_words, t_words = word_vectors(SRC, CUT, fake_embedder.embed)
    marked = crossing([(l.src, l.tgt) for l in with_words.links], s_words, t_words) > 0
    assert marked.any()
    a = np.array([l.confidence for l in with_words.links])
    b = np.array([l.confidence for l in without.links])
    assert (a[marked] < b[marked]).all() and (a[~marked] == b[~marked]).all()


def test_crossing_counts_stop_at_the_most_the_map_was_fitted_on(fake_embedder):
    """Target 1 takes nearly all of source 2: many words cross, the count stays MOST."""
    from alignment.coverage import MOST, pair_crossing
    cut = [RIGHT[0], tr(SRC[1]) + " Kowalski wrote three letters about railway", "Le strike la.",
           RIGHT[3], RIGHT[4]]
    s_words, t_words = word_vectors(SRC, cut, fake_embedder.embed)
    a1, b1, a2, b2 = s_words.ids[1], t_words.ids[1], s_words.ids[2], t_words.ids[2]
    m = s_words.vectors[np.concatenate([a1, a2])] @ t_words.vectors[np.concatenate([b1, b2])].T
    assert pair_crossing(m, len(a1), len(b1)) > MOST
    assert crossing(ONE_ONE, s_words, t_words)[1:3].tolist() == [MOST, MOST]


def reference_pair_crossing(m: np.ndarray, na1: int, nb1: int) -> int:
    """pair_crossing in numpy, as it was written before it was compiled."""
    from alignment.coverage import COUNTERPART, NONE

    def best(x, axis):
        return np.full(x.shape[1 - axis], -1.0) if x.shape[axis] == 0 else x.max(axis=axis)

    def reaching(to_other, to_own):
        return int(((to_other >= COUNTERPART) & (to_own < NONE)).sum())

    m11, m12, m21, m22 = m[:na1, :nb1], m[:na1, nb1:], m[na1:, :nb1], m[na1:, nb1:]
    a2_b1 = min(reaching(best(m21, 0), best(m11, 0)), reaching(best(m21, 1), best(m22, 1)))
    a1_b2 = min(reaching(best(m12, 1), best(m11, 1)), reaching(best(m12, 0), best(m22, 0)))
    return max(a2_b1, a1_b2)


@pytest.mark.parametrize("seed", range(40))
def test_compiled_pair_crossing_counts_as_the_numpy_reference(seed):
    """Random cosine blocks, some sides without words, values on the thresholds
    (0.7 and 0.5 as float32, and just off them)."""
    from alignment.coverage import pair_crossing
    rng = np.random.default_rng(seed)
    na1, na2, nb1, nb2 = rng.integers(0, 6, 4)
    edges = np.float32([0.7, 0.5, np.nextafter(np.float32(0.7), 0), np.nextafter(np.float32(0.5), 1), -1.0])
    shape = (na1 + na2, nb1 + nb2)
    m = rng.uniform(-0.2, 1.0, shape).astype(np.float32)
    m = np.where(rng.random(shape) < 0.3, rng.choice(edges, size=shape), m)
    m = np.where(rng.random(shape) < 0.2, np.float32(0.95), m).astype(np.float32)
    assert pair_crossing(m, int(na1), int(nb1)) == reference_pair_crossing(m, int(na1), int(nb1))


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_crossing_in_threads_counts_each_pair_of_links_as_the_reference(threads):
    """The pairs split among threads (and gathered by offsets) give, per link, the
    larger of its two pairs' reference counts, capped at MOST; links with an empty
    side and their neighbours' pairs count 0."""
    from alignment.coverage import MOST, TextWords
    rng = np.random.default_rng(threads)
    vecs = rng.standard_normal((30, 64)).astype(np.float32)
    vecs[10:20] = vecs[:10] + 0.03 * rng.standard_normal((10, 64)).astype(np.float32)  # near pairs
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    s_ids = [rng.integers(0, 30, rng.integers(0, 5)) for _ in range(12)]
    t_ids = [rng.integers(0, 30, rng.integers(0, 5)) for _ in range(12)]
    s_ids[5], t_ids[5], s_ids[6], t_ids[6] = [25], [3], [13, 26], [27]  # target 5 reaches source 6
    s_ids, t_ids = (tuple(np.array(x, dtype=np.int64) for x in ids) for ids in (s_ids, t_ids))
    links = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((4,), (2, 3)), ((), (4,)), ((5,), (5,)),
             ((6,), (6,)), ((7, 8), (7, 8)), ((9,), (9,)), ((10,), (10,)), ((11,), (11,))]
    got = crossing(links, TextWords(vecs, s_ids), TextWords(vecs, t_ids), threads=threads)
    want = np.zeros(len(links))
    for k in range(len(links) - 1):
        (s1, t1), (s2, t2) = links[k], links[k + 1]
        if s1 and t1 and s2 and t2:
            a1, a2 = (np.concatenate([s_ids[i] for i in s]) for s in (s1, s2))
            b1, b2 = (np.concatenate([t_ids[j] for j in t]) for t in (t1, t2))
            m = vecs[np.concatenate([a1, a2])] @ vecs[np.concatenate([b1, b2])].T
            c = min(reference_pair_crossing(m, len(a1), len(b1)), MOST)
            want[k], want[k + 1] = max(want[k], c), max(want[k + 1], c)
    assert got.tolist() == want.tolist()
    assert want[5] == want[6] == 1  # the pair built to cross: the comparison tests something
