"""The real-word check on long texts: progress link by link, per-text tables built once, and
its small matrix products on one BLAS thread (same numbers, far less time on a busy machine).

A tester's 20,000 short links (random French and English sentences) sat minutes in the
real-word check with the bar of the checks frozen; these tests pin what made it report and
run in time, not the time itself (a scaling test would be fragile).
"""

from __future__ import annotations

import numpy as np
import pytest
from threadpoolctl import ThreadpoolController, threadpool_limits

from alignment import slips
from alignment.check_config import CheckConfig
from alignment.checks import run_checks
from alignment.evidence import WordEvidence
from alignment.types import Alignment, Bitext, Link, Sentence

PAIR = ("Elle avait pris forme en cinquante ans.", "It bad taken shape in fifty years.")
GROUPS = [("avait", "had"), ("pris", "taken"), ("forme", "shape")]


def bitext(n: int) -> Bitext:
    """n one-to-one links of one French sentence, translated with a slip in the first link only
    (a phrase written in two links is no slip: context_lm.Phrases)."""
    src = tuple(Sentence(PAIR[0]) for _ in range(n))
    tgt = (Sentence(PAIR[1]),) + tuple(Sentence(PAIR[1].replace("bad", "had")) for _ in range(n - 1))
    links = tuple(Link((k,), (k,), confidence=1.0) for k in range(n))
    return Bitext(src, tgt, Alignment(links), "fr", "en")


def evidence() -> WordEvidence:
    """Words of one group have cosine 1, all others 0 (one-hot vectors)."""
    axis = {w: k for k, group in enumerate(GROUPS) for w in group}

    def vectors(words: object) -> np.ndarray:
        out = np.zeros((len(words), 512), dtype=np.float32)  # type: ignore[arg-type]
        for r, w in enumerate(words):  # type: ignore[arg-type]
            out[r, axis.setdefault(w, len(axis) + len(GROUPS))] = 1.0
        return out
    return WordEvidence(vectors, (), "fake")


def test_realword_reports_progress_link_by_link() -> None:
    n = 2 * slips.PROGRESS_EVERY + 10
    heard: list[tuple[int, int, str]] = []
    found = run_checks(bitext(n), only=["realword"], evidence=evidence(),
                       progress=lambda done, total, stage: heard.append((done, total, stage)))
    own = [(d, t) for d, t, s in heard if s == "real-word slips"]
    assert own == [(0, n), (slips.PROGRESS_EVERY, n), (2 * slips.PROGRESS_EVERY, n), (n, n)]
    assert heard[-1] == (1, 1, "checks")
    # the confusables read 'bad taken' by its grammar first (one finding per word)
    assert [(f.link, f.message) for f in found] == [(0, "'bad' where 'had' is meant?")]


def test_realword_same_findings_without_progress() -> None:
    b, ev = bitext(3), evidence()
    assert list(slips.check_realword(b, CheckConfig(), ev)) == \
        [f for f in run_checks(b, only=["realword"], evidence=ev)]


def test_per_text_tables_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The text's table, phrases and commonest words are read once, not per link."""
    calls = {"text_lexicon": 0, "Phrases": 0, "common_in_text": 0}
    for name in calls:
        real = getattr(slips, name)

        def counted(*a: object, _real: object = real, _name: str = name) -> object:
            calls[_name] += 1
            return _real(*a)  # type: ignore[operator]
        monkeypatch.setattr(slips, name, counted)
    run_checks(bitext(30), only=["realword"], evidence=evidence())
    assert calls == {"text_lexicon": 1, "Phrases": 1, "common_in_text": 1}


def _blas_threads() -> list[int]:
    return [lib.num_threads for lib in ThreadpoolController().select(user_api="blas").lib_controllers]


@pytest.mark.skipif(not _blas_threads(), reason="numpy without a BLAS threadpoolctl sees")
def test_link_work_on_one_blas_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each link's products (candidates x original words) run on one BLAS thread: on a busy
    machine OpenBLAS's threads made them 40x slower. Outside the check the limit is lifted."""
    seen: list[list[int]] = []
    real = slips.link_words

    def watched(*a: object) -> object:
        seen.append(_blas_threads())
        return real(*a)  # type: ignore[arg-type]
    monkeypatch.setattr(slips, "link_words", watched)
    with threadpool_limits(2, user_api="blas"):
        found = run_checks(bitext(5), only=["realword"], evidence=evidence())
        assert set(_blas_threads()) == {2}
    assert len(found) == 1 and len(seen) == 5 and all(set(s) == {1} for s in seen)


@pytest.mark.parametrize("rows, cols", [(300, 10), (1000, 40), (7, 3)])
def test_one_blas_thread_same_products(rows: int, cols: int) -> None:
    """One thread gives the products of one thread, every time, so the same findings on a
    busy machine as on a quiet one; against many threads they agree to float32 rounding only
    (OpenBLAS on some CPUs splits the sums between threads: the last bit moved on an AMD EPYC)."""
    rng = np.random.default_rng(rows)
    a = rng.standard_normal((rows, 512)).astype(np.float32)
    b = rng.standard_normal((cols, 512)).astype(np.float32)
    with threadpool_limits(1, user_api="blas"):
        single = a @ b.T
    with threadpool_limits(4, user_api="blas"):
        many = a @ b.T
        with slips.one_blas_thread():
            one = a @ b.T
    assert np.array_equal(one, single)
    np.testing.assert_allclose(one, many, rtol=1e-5, atol=1e-4)


LATE_BLAS = """
from threadpoolctl import ThreadpoolController, threadpool_limits
from alignment import slips
with slips.one_blas_thread():
    pass
import scipy.linalg  # its own OpenBLAS, loaded after the first link's limit
with threadpool_limits(2, user_api="blas"):
    with slips.one_blas_thread():
        print([c.num_threads for c in ThreadpoolController().select(user_api="blas").lib_controllers])
"""


def test_a_blas_loaded_after_the_first_link_is_held_to_one_thread_too() -> None:
    """The controller was built once: a BLAS imported later (scipy's, by another check) kept
    all its threads. A fresh process, since this one may have loaded both already."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", LATE_BLAS], capture_output=True, text=True,
                         check=True).stdout
    threads = [int(n) for n in out.strip().strip("[]").split(",")]
    if len(threads) < 2:
        pytest.skip("scipy shares numpy's BLAS here")
    assert threads == [1] * len(threads)
