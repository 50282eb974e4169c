"""Word coverage in the link score (alignment/word_score.py)."""

from __future__ import annotations

import re
import zlib

import numpy as np
import pytest

from alignment.align import AlignConfig, align
from alignment.coverage import TextWords
from alignment.lattice import band_around
from alignment.word_score import cell_cover, word_cover
from test_align import pairs, sents


def _brute(vecs, s_ids, t_ids, i, j, a, b, floor) -> float:
    """cell_cover written out: per word its best cosine over the other side's run,
    read above the floor; the smaller side, or a merge's least-covered end."""
    def side(x, y):
        if not len(x):
            return None
        best = np.maximum((vecs[x] @ vecs[y].T).max(axis=1), 0) if len(y) else np.zeros(len(x))
        return float((np.maximum(best - floor, 0) / (1 - floor)).mean())

    src = [w for k in range(i - a, i) for w in s_ids[k]]
    tgt = [w for k in range(j - b, j) for w in t_ids[k]]
    covs = [c for c in (side(src, tgt), side(tgt, src)) if c is not None]
    if not covs:
        return float("nan")
    ends = ([side(list(s_ids[k]), tgt) for k in (i - a, i - 1)] if a > 1 else []) + \
           ([side(list(t_ids[k]), src) for k in (j - b, j - 1)] if b > 1 else [])
    return min(covs + [c for c in ends if c is not None])


def _random_words(rng, types: int, n: int, m: int):
    """Unit word vectors of `types` types and 0-3 words (repeats possible) per
    sentence of an n-sentence source and an m-sentence target."""
    vecs = rng.standard_normal((types, 8)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    s_ids = tuple(rng.integers(0, types, rng.integers(0, 4)) for _ in range(n))
    t_ids = tuple(rng.integers(0, types, rng.integers(0, 4)) for _ in range(m))
    return vecs, s_ids, t_ids


@pytest.mark.parametrize("floor", [0.0, 0.3])
def test_cell_coverage_is_each_words_best_cosine_over_the_other_run(floor):
    """Every band cell and link type, against the cosines written out (sentences
    with no content word included)."""
    rng = np.random.default_rng(1)
    n, m, most = 18, 21, 3
    vecs, s_ids, t_ids = _random_words(rng, 40, n, m)
    path, i, j = [(0, 0)], 0, 0
    while i < n or j < m:
        i, j = min(i + 1, n), min(j + (2 if rng.random() < 0.2 else 1), m)
        path.append((i, j))
    band = band_around(path, n, m, 2)
    cover = word_cover(TextWords(vecs, s_ids), TextWords(vecs, t_ids), band, most, path, floor)
    for i in range(1, n + 1):
        for j in range(band.lo[i], band.lo[i] + band.width):
            for a in range(1, min(most, i) + 1):
                for b in range(1, min(most, j) + 1):
                    want = _brute(vecs, s_ids, t_ids, i, j, a, b, floor)
                    got = cell_cover(cover.arrays, i, j, a, b)
                    assert np.isnan(want) and np.isnan(got) or got == pytest.approx(want, abs=1e-5)


def test_the_word_term_of_every_merge_type_at_once_is_each_cells_own():
    """with_word_term (add_word_terms: all merge types in one pass per cell) adds
    w_word * min(coverage - mean, 0) to each cell of each merge type, the
    coverage written out; 1-1 and 1-0 scores and forbidden cells untouched."""
    from alignment.scoring import with_word_term
    rng = np.random.default_rng(3)
    n, m, most = 15, 17, 3
    vecs, s_ids, t_ids = _random_words(rng, 30, n, m)
    path = [(0, 0)] + [(k, min(k + k // 7, m)) for k in range(1, n)] + [(n, m)]
    band = band_around(path, n, m, 2)
    cover = word_cover(TextWords(vecs, s_ids), TextWords(vecs, t_ids), band, most, path, 0.2)
    types = [(1, 0)] + [(a, b) for a in range(1, most + 1) for b in range(1, most + 1)]
    base = rng.standard_normal((n + 1, band.width))
    base[4, 1] = -np.inf
    got = dict(((a, b), x) for a, b, x in with_word_term([(a, b, base.copy()) for a, b in types],
                                                          band, 0.4, cover))
    for a, b in types:
        for i in range(n + 1):
            for c in range(band.width):
                j = band.lo[i] + c
                want = base[i, c]
                if b and a + b > 2 and i >= a and j >= b and want > -np.inf:
                    cov = _brute(vecs, s_ids, t_ids, i, j, a, b, 0.2)
                    want += 0.4 * min(cov - cover.mean, 0.0) if cov == cov else 0.0
                assert got[(a, b)][i, c] == pytest.approx(want, abs=1e-5), (a, b, i, c)


class BlindEncoder:
    """Sentence runs see only the words of a small lexicon (each source word and its
    translation one concept); word vectors see every word. So a sentence made of
    other words is invisible to the run cosine, as an untranslated sentence nearly
    is to a real encoder once it sits in a run with a translated one."""

    name, version, dim = "blind", "1", 64

    def __init__(self, lexicon: dict[str, str]) -> None:
        self.concept = {w: k for k, w in enumerate(sorted(set(lexicon.values())))}
        self.concept.update({s: self.concept[t] for s, t in lexicon.items()})

    def _word(self, word: str) -> np.ndarray:
        seed = self.concept.get(word, 1000 + zlib.crc32(word.encode()))
        v = np.random.default_rng(seed).standard_normal(self.dim)
        return v / np.linalg.norm(v)

    def embed(self, texts):
        return np.array([self._word(t) for t in texts], np.float32)

    def embed_runs(self, texts, max_run):
        known = [sum((self._word(w) for w in re.findall(r"\w+", t.lower()) if w in self.concept),
                     np.zeros(self.dim)) for t in texts]
        out = np.zeros((max_run, len(texts), self.dim), np.float32)
        for r in range(1, max_run + 1):
            for i in range(len(texts) - r + 1):
                v = sum(known[i:i + r])
                out[r - 1, i] = v / max(np.linalg.norm(v), 1e-9)
        return out


def pseudo_word(prefix: str, k: int) -> str:
    return prefix + chr(97 + k // 26) + chr(97 + k % 26)


LEXICON = {pseudo_word("sa", k): pseudo_word("te", k) for k in range(80)}


def test_an_added_sentence_whose_words_have_no_counterpart_is_not_merged():
    """The target adds a sentence the source lacks, of the length of a short one.
    The run cosine cannot tell the 1-2 merge from the 1-1 link (the encoder does
    not see the added words), so the merge penalty, cheaper than a skip, merges
    it; the word coverage of the merge's end sentence (w_word 0.3) leaves it out."""
    rng = np.random.default_rng(3)
    words = [[int(k) for k in rng.choice(80, 5, replace=False)] for _ in range(12)]
    src = [" ".join(pseudo_word("sa", k) for k in ws) + "." for ws in words]
    tgt = [" ".join(pseudo_word("te", k) for k in ws[::-1]) + "." for ws in words]
    tgt.insert(7, "Zorvath quellin mibrex dortun.")
    enc = BlindEncoder(LEXICON)
    plain = pairs(align(sents(src), sents(tgt), embedder=enc, config=AlignConfig(w_word=0.0)))
    worded = pairs(align(sents(src), sents(tgt), embedder=enc, config=AlignConfig(w_word=0.3)))
    merged = [((6,), (6, 7)), ((7,), (7, 8))]
    assert any(link in plain for link in merged)
    assert ((), (7,)) in worded
    assert worded == [((k,), (k,)) for k in range(7)] + [((), (7,))] + [((k,), (k + 1,)) for k in range(7, 12)]


def test_without_word_vectors_or_weight_the_scores_are_unchanged(fake_embedder):
    """Where every link is 1-1 and complete, the word term changes nothing; it is
    named in the signature only when on."""
    src = sents(["Anna walked to Lisbon in 1911.", "The committee met twice.", "Fog covered the valley."])
    tgt = sents(["Le Lisbon walked Anna 1911 la.", "Le twice met committee la.", "Le valley covered Fog la."])
    off = align(src, tgt, embedder=fake_embedder, config=AlignConfig(w_word=0.0))
    on = align(src, tgt, embedder=fake_embedder, config=AlignConfig(w_word=0.3))
    assert pairs(off) == pairs(on)
    assert "w_word" not in dict(off.signature.params) and "w_word" in dict(on.signature.params)


def test_a_member_changing_only_w_word_is_the_main_scores_plus_its_word_term():
    """MBR members that change only w_word take the main scores plus the word term
    (scoring.with_word_term) instead of scoring the band again: bit for bit the
    scores all_scores makes with that w_word."""
    import alignment.align as A
    from alignment.scoring import all_scores, band_cover, with_word_term

    rng = np.random.default_rng(5)
    words = [[int(k) for k in rng.choice(80, 5, replace=False)] for _ in range(14)]
    src = sents([" ".join(pseudo_word("sa", k) for k in ws) + "." for ws in words])
    tgt = [" ".join(pseudo_word("te", k) for k in ws[::-1]) + "." for ws in words]
    tgt.insert(5, "Zorvath quellin mibrex dortun.")
    base = AlignConfig(w_word=0.0)
    s, t = A._features(src, sents(tgt), BlindEncoder(LEXICON), base)
    ratio = float(t.clen[-1] / s.clen[-1])
    path = A._first_path(s, t, base, ratio)
    band = band_around(path, len(src), len(tgt), base.window)
    types = A._link_types(base)
    worded = AlignConfig(w_word=0.3)
    cover = band_cover(s, t, band, worded, path)
    assert cover is not None
    expected = all_scores(s, t, band, types, worded, ratio, path)
    derived = with_word_term(all_scores(s, t, band, types, base, ratio, path), band, 0.3, cover)
    assert [(a, b) for a, b, _ in derived] == [(a, b) for a, b, _ in expected]
    assert all(np.array_equal(x, y) for (_, _, x), (_, _, y) in zip(derived, expected))
    assert any(not np.array_equal(x, y) for (_, _, x), (_, _, y)
               in zip(derived, all_scores(s, t, band, types, base, ratio, path)))
