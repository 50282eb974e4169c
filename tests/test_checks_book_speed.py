"""The checks on a whole book: each slow check reports link by link, every check runs its
small products on one BLAS thread, and the vectorised word comparisons give what the word-by-word
ones gave (the same findings, in less time).

A tester's book of 7,205 links sat 28 s on 'checks 1/13' (the names check) and took 86 s; these
tests pin what made it report and run in time, not the time itself (a timing test is fragile).
"""

from __future__ import annotations

import numpy as np
import pytest
from threadpoolctl import ThreadpoolController, threadpool_limits

from alignment import checks, slips
from alignment.checks import run_checks
from alignment.evidence import LinkWords, WordEvidence
from alignment.word_similarity import similarity
from alignment.types import Alignment, Bitext, Link, Sentence

PAIRS = [("Paul est parti pour Lyon le 3 mai 1921.", "Paul left for Lyon on 3 May 1921."),
         ("Elle avait pris forme en cinquante ans.", "It had taken shape in fifty years."),
         ("Marie regardait la mer.", "Mary watched the sea.")]


def book(n: int) -> Bitext:
    """n one-to-one links, the three pairs over and over."""
    src = tuple(Sentence(PAIRS[k % 3][0]) for k in range(n))
    tgt = tuple(Sentence(PAIRS[k % 3][1]) for k in range(n))
    links = tuple(Link((k,), (k,), confidence=1.0) for k in range(n))
    return Bitext(src, tgt, Alignment(links), "fr", "en")


def evidence() -> WordEvidence:
    """Each word type its own one-hot vector (cosine 1 with itself, 0 with any other)."""
    axis: dict[str, int] = {}

    def vectors(words: object) -> np.ndarray:
        out = np.zeros((len(words), 512), dtype=np.float32)  # type: ignore[arg-type]
        for r, w in enumerate(words):  # type: ignore[arg-type]
            out[r, axis.setdefault(w, len(axis) % 512)] = 1.0
        return out
    return WordEvidence(vectors, (), "fake")


@pytest.mark.parametrize("check, stage", [("names", "names"), ("numbers", "numbers")])
@pytest.mark.parametrize("n, heard", [(250, [(100, 250), (200, 250), (250, 250)]),
                                      (100, [])])
def test_slow_checks_report_link_by_link(check: str, stage: str, n: int,
                                         heard: list[tuple[int, int]]) -> None:
    """The names and numbers checks tell their stage every hundred links (a short text: nothing
    more than the checks' own bar), the checks' bar as before."""
    seen: list[tuple[int, int, str]] = []
    run_checks(book(n), only=[check], evidence=evidence(),
               progress=lambda done, total, s: seen.append((done, total, s)))
    assert [(d, t) for d, t, s in seen if s == stage] == heard
    assert [e for e in seen if e[2] == "checks"] == [(0, 1, "checks"), (1, 1, "checks")]


def test_progress_changes_no_finding() -> None:
    b, ev = book(150), evidence()
    quiet = run_checks(b, evidence=ev)
    assert run_checks(b, evidence=ev, progress=lambda *a: None) == quiet


def _blas_threads() -> list[int]:
    return [lib.num_threads for lib in ThreadpoolController().select(user_api="blas").lib_controllers]


@pytest.mark.skipif(not _blas_threads(), reason="numpy without a BLAS threadpoolctl sees")
@pytest.mark.parametrize("check", ["names", "numbers", "length"])
def test_every_check_on_one_blas_thread(monkeypatch: pytest.MonkeyPatch, check: str) -> None:
    """Not only the real-word check: the names check's cosines (words x words) took 7 s of a
    book's run in OpenBLAS's threads waiting on one another. Outside the checks, lifted."""
    seen: list[list[int]] = []
    real = checks.CHECKS[check]

    def watched(*a: object, **kw: object) -> object:
        seen.append(_blas_threads())
        return real(*a, **kw)  # type: ignore[operator]
    monkeypatch.setitem(checks.CHECKS, check, watched)
    with threadpool_limits(2, user_api="blas"):
        run_checks(book(6), only=[check], evidence=evidence())
        assert set(_blas_threads()) == {2}
    assert seen and all(set(s) == {1} for s in seen)


def _link(ns: int, nt: int, linked: list[tuple[int, int]] | None) -> LinkWords:
    src = tuple((f"s{k}", 3 * k, 3 * k + 2) for k in range(ns))
    tgt = tuple((f"t{j}", 3 * j, 3 * j + 2) for j in range(nt))
    links = None
    if linked is not None:
        links = np.zeros((ns, nt), dtype=bool)
        for k, j in linked:
            links[k, j] = True
    return LinkWords(src, tgt, np.zeros((ns, nt)), np.zeros((ns, nt)), links)


@pytest.mark.parametrize("ns, nt, linked", [
    (5, 7, None), (12, 9, None), (1, 1, None),
    (8, 10, [(0, 1), (3, 4), (7, 9)]), (8, 10, [(2, 8), (5, 0)]), (6, 30, [(5, 29)]),
    (9, 9, [(k, k) for k in range(9)]), (4, 6, []),
])
@pytest.mark.parametrize("slack", [0.1, 0.25])
def test_in_place_all_is_in_place_of_every_original_word(ns: int, nt: int, linked: list | None,
                                                         slack: float) -> None:
    """The slip checks ask, per suspect word, in_place of every original word at once."""
    lw = _link(ns, nt, linked)
    for j in range(nt):
        one_by_one = [lw.in_place(k, j, slack) for k in range(ns)]
        assert lw.in_place_all(j, slack).tolist() == one_by_one


@pytest.mark.parametrize("word, near, weak", [
    ("tenor", [("terror", 2), ("tenon", 1), ("tener", 1)], ["terreur", "ténor", "blanche"]),
    ("ears", [("cars", 1), ("eats", 1), ("bars", 2)], ["car", "oreilles"]),
    ("bad", [("had", 1), ("bud", 1), ("b", 1)], ["avait", "mauvais", "bad"]),
    ("now", [("ow", 1), ("new", 1)], ["maintenant", "Москва"]),
])
def test_allowed_as_pair_by_pair(word: str, near: list[tuple[str, int]], weak: list[str]) -> None:
    """_allowed compares every (candidate, original word) pair in one product; what it allows and
    calls cognates is what the rule says pair by pair (similarity(), as before)."""
    from alignment.slip_words import form_of, word_index
    from alignment.word_lists import function_words

    ok, cognate = slips._allowed(near, word, weak, "en")
    index = word_index("en").words
    floor = max(slips.MIN_COUNT, 0.01 * index.get(word.casefold(), 0))
    for k, (c, d) in enumerate(near):
        rare = index.get(c.casefold(), 0) < floor or (len(c) < 3 and c.casefold() not in
                                                      function_words("en")) or form_of(word, c, "en")
        for m, o in enumerate(weak):
            sim = similarity(c, o)
            cog = 0.4 <= sim < 1.0 and sim > similarity(word, o)
            assert cognate[k, m] == cog
            assert ok[k, m] == (not rare and sim < 1.0 and (d == 1 or cog)
                                and not (sim >= 0.6 and slips._also_here(o, index)))

