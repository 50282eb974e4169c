"""Word evidence reused across versions of a text (evidence.word_evidence's `previous`):
after an edit only what changed is encoded, and the checks find exactly what a fresh
build finds."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment import browse
from alignment.checks import run_checks
from alignment.embed import HashingEmbedder
from alignment.evidence import word_evidence
from alignment.types import Alignment, Bitext, Link, Sentence

PAIRS = [
    ("Le vieux pont de Saint-Aubin.", "The old bridge of Saint-Aubin."),
    ("Il fut construit en 1821 par Jean Morel.", "It was built in 1821 by Jean Morel."),
    ("La rivière gèle en hiver.", "The river freezes in winter."),
    ("Le meunier habite à côté du moulin.", "The miller lives next to the mill."),
    ("Personne ne sait pourquoi.", "Nobody knows why Paris waited."),
    ("Les arches sont en pierre de Caen.", "The arches are made of Caen stone."),
]


class Counting(HashingEmbedder):
    """The hashing embedder, remembering every text it was asked to encode."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def embed(self, texts):  # type: ignore[no-untyped-def]
        self.asked += list(texts)
        return super().embed(texts)


def text() -> Bitext:
    src = tuple(Sentence(s) for s, _ in PAIRS)
    tgt = tuple(Sentence(t) for _, t in PAIRS)
    links = tuple(Link((k,), (k,), 0.9) for k in range(len(PAIRS)))
    return Bitext(src, tgt, Alignment(links), "fr", "en")


def same(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return len(a) == len(b) and all((math.isnan(x) and math.isnan(y)) or abs(x - y) < 1e-6
                                    for x, y in zip(a, b))


def _one_word_changed(text: str, other: str) -> bool:
    a = next((k for k, (x, y) in enumerate(zip(text, other)) if x != y), min(len(text), len(other)))
    b = next((k for k, (x, y) in enumerate(zip(text[::-1], other[::-1])) if x != y), 0)
    return " " not in text[a:len(text) - b].strip() and " " not in other[a:len(other) - b].strip()


def test_after_an_edit_only_the_changed_link_is_encoded_and_cosines_follow_the_new_numbering():
    first = text()
    emb = Counting()
    before = word_evidence(first, emb)
    run_checks(first, evidence=before)
    emb.asked.clear()
    edited = browse.edit_target(browse.merge(first, 1, "next"), 4, 0, "Nobody knows why Lyon waited.")
    after = word_evidence(edited, emb, previous=before)
    run_checks(edited, evidence=after)
    # the merged link's two sides (and each without one of its sentences: its sentences
    # alone), the edited one's, and their new words; nothing else
    # (the slip model tries intended words in the changed links' translations: variants of them)
    merged = edited.alignment.links[1]
    alone = {edited.src[k].text for k in merged.src} | {edited.tgt[k].text for k in merged.tgt}
    changed = {edited.link_text(1, "src"), edited.link_text(1, "tgt"),
               edited.link_text(4, "src"), edited.link_text(4, "tgt"), "Lyon"} | alone
    assert all(t in changed or any(_one_word_changed(t, c) for c in changed) for t in emb.asked)
    assert "Lyon" in emb.asked and edited.link_text(1, "tgt") in emb.asked
    assert same(after.link_cosines, word_evidence(edited, HashingEmbedder()).link_cosines)


def test_checks_on_reused_evidence_find_what_a_fresh_build_finds():
    first = text()
    emb = HashingEmbedder()
    evidence = word_evidence(first, emb)
    versions = [first, browse.merge(first, 2, "next"),
                browse.edit_target(first, 4, 0, "Nobody knows why."),
                browse.split(browse.merge(first, 0, "next"), 0)]
    for version in versions:
        evidence = word_evidence(version, emb, previous=evidence)
        fresh = word_evidence(version, HashingEmbedder())
        assert run_checks(version, evidence=evidence) == run_checks(version, evidence=fresh)
        assert np.allclose(evidence.cosines(["pont"], ["bridge"]), fresh.cosines(["pont"], ["bridge"]))


@pytest.mark.parametrize("text, lang, words", [
    ("It's the dog's bone, isn't it?", "en", ["It's", "the", "dog's", "bone", "isn't", "it"]),
    ("L'homme n'a pas dit qu'il était là.", "fr", ["L", "homme", "n", "a", "pas", "dit", "qu", "il", "était", "là"]),
    ("Um 16 Uhr 40, am 3. Mai 1956: Innerasiens Gipfel_2", "de", ["Um", "Uhr", "am", "Mai", "Innerasiens", "Gipfel"]),
    ("", "en", []),
])
def test_words_of_are_the_words_of_word_spans(text, lang, words):
    from alignment.evidence import word_spans, words_of

    assert words_of(text, lang) == words == [w for w, *_ in word_spans(text, lang)]


def _one_link(src: str, tgt: str) -> Bitext:
    return Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), "fr", "en")


def test_a_link_of_thousands_of_words_is_not_compared_word_by_word():
    """Bounded input: a link past MAX_WORD_PAIRS (an unsplit chapter, a list of names) keeps
    no words, so the word-level checks pass over it in linear time and memory; a sentence
    pair of the same names is still compared (Lyon read as Paris is found)."""
    import random
    import string

    from alignment.evidence import link_words
    from alignment.types import MAX_WORD_PAIRS
    rng = random.Random(0)

    def name() -> str:
        return rng.choice(string.ascii_uppercase) + "".join(rng.choice("aeioulmnrst") for _ in range(6))

    n = 2_000   # names per side: the names check took 17 s and 560 MB on this link before
    src = "Il vit " + " et ".join(name() for _ in range(n)) + " à Lyon."
    tgt = "He saw " + " and ".join(name() for _ in range(n)) + " in Paris."
    assert n * n > MAX_WORD_PAIRS
    big = _one_link(src, tgt)
    lw = link_words(big, 0, None)
    assert lw.too_long and lw.src == () and lw.dice.size == 0
    assert [f for f in run_checks(big) if f.check in ("names", "realword", "match")] == []
    small = _one_link("Il partit pour Lyon hier.", "He left for Paris yesterday.")
    assert not link_words(small, 0, None).too_long
    assert [f.message for f in run_checks(small, only=["names"])] == ["name 'Lyon' became 'Paris'?"]


# ---------------------------------------------------------------- the fast forms keep the values

_WORDS = ["Ruhr", "Ruin", "Russie", "Russia", "Лусия", "Lucía", "Мартинес", "Martínez", "a", "l'",
          "ça", "été", "Ernesto", "埃内斯托", "ルシア", "x", "Петров", "Ivanov", "don't", "1887"]


def _old_in_place(linked: np.ndarray, k: int, j: int, slack_share: float = 0.1) -> bool:
    """in_place as it was written before its per-link tables: the reference."""
    ns, nt = linked.shape
    slack = max(2, round(slack_share * nt))
    if not linked.any():
        return abs((k + 0.5) / ns - (j + 0.5) / nt) <= 0.3
    rows = linked.any(axis=1)
    left = next((m for m in range(k - 1, -1, -1) if rows[m]), None)
    right = next((m for m in range(k + 1, ns) if rows[m]), None)
    cols = [np.flatnonzero(linked[m]) for m in (left, right) if m is not None]
    if rows[k]:
        cols.append(np.flatnonzero(linked[k]))
    lo = min(int(c.min()) for c in cols) if left is not None else 0
    hi = max(int(c.max()) for c in cols) if right is not None else nt - 1
    return min(lo, hi) - slack <= j <= max(lo, hi) + slack


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=7), st.lists(st.sampled_from(_WORDS), max_size=7))
def test_the_spelling_matrix_is_similarity_of_every_pair(a, b):
    from alignment.word_similarity import similarity, similarity_matrix
    want = np.array([[similarity(x, y) for y in b] for x in a]).reshape(len(a), len(b))
    got = similarity_matrix([(w, 0, 0) for w in a], [(w, 0, 0) for w in b])
    assert got.shape == want.shape and np.array_equal(got, want)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.data())
def test_in_place_keeps_its_answers(ns, nt, data):
    from alignment.evidence import LinkWords
    cells = data.draw(st.lists(st.booleans(), min_size=ns * nt, max_size=ns * nt))
    linked = np.array(cells, dtype=bool).reshape(ns, nt)
    lw = LinkWords(tuple(("w", 0, 0) for _ in range(ns)), tuple(("w", 0, 0) for _ in range(nt)),
                   np.zeros((ns, nt)), None, linked)
    for k in range(ns):
        for j in range(nt):
            assert lw.in_place(k, j) == _old_in_place(linked, k, j), (k, j)
