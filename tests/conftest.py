"""Shared fixtures: a deterministic fake embedder and the optional shared data."""

from __future__ import annotations

from collections.abc import Iterator

import os
from pathlib import Path

import pytest
from hypothesis import settings

from alignment.embed import HashingEmbedder

# On CI (the CI variable set) hypothesis draws the same examples every run, so a result
# depends on the commit, not on luck; run locally, the properties keep exploring.
# No deadline anywhere: a property is about behaviour, and on a loaded machine (two test
# processes on two cores) a 200 ms deadline failed an example that takes 20 ms when quiet.
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.register_profile("local", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "local")

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
SEED = ROOT.parent / "shared" / "seed"


@pytest.fixture(scope="session")
def browser():
    """One Chromium for every browser test a worker runs (the journeys of all its modules, the
    handout's): launching one and opening its first tab cost about 2.5 s of CPU more per module
    than a journey's own page load, and Playwright's sync API runs once per thread, so a test
    that started its own beside it failed."""
    from test_e2e_browser import CHROMIUM, CHROMIUM_ARGS, playwright_or_skip

    sync_api = playwright_or_skip()
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def fake_embedder() -> HashingEmbedder:
    """Deterministic, model-free embedder: character trigram hashing."""
    return HashingEmbedder(dim=256)


@pytest.fixture(scope="session")
def bench_dir() -> Path:
    """../shared/bench, or skip the test cleanly when it is absent."""
    if not (BENCH / "textberg").is_dir():
        pytest.skip("../shared/bench is not present; benchmark-data tests skipped")
    return BENCH


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the tool's cache root (encodings, drafts, kept POs, fetched sides) of the whole
    run out of the user's home: $XDG_CACHE_HOME/alignment, which a test sets to its own
    folder to start from an empty one (ALIGNMENT_CACHE_DIR, which would win, is unset)."""
    import os

    os.environ.pop("ALIGNMENT_CACHE_DIR", None)
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    # Every PO read parses the file: a round trip through the snapshot cache would hand back
    # the Bitext write_po stored and test nothing. test_snapshot.py turns snapshots on.
    os.environ["ALIGNMENT_PO_SNAPSHOTS"] = "0"


@pytest.fixture(autouse=True)
def _cache_dir_undone() -> Iterator[None]:
    """`alignment --cache-dir DIR` sets ALIGNMENT_CACHE_DIR in the process (cli/__init__.py),
    which would move every later test's cache root there: unset before and after each test.
    (monkeypatch.delenv of an unset variable records nothing to undo, so the variable a test
    set leaked into later tests, and into the browser tests' servers: their reading positions
    were shared across modules, and a Learn journey resumed where another had stopped.)"""
    import os

    os.environ.pop("ALIGNMENT_CACHE_DIR", None)
    yield
    os.environ.pop("ALIGNMENT_CACHE_DIR", None)


@pytest.fixture(scope="session", autouse=True)
def _scan_components_once() -> None:
    """Streamlit's AppTest scans every installed package's metadata for components on each
    new AppTest (0.9 s here; the five AppTest files took 42 s, now 21 s); the installed packages do not change
    during a run, so the first scan's answer serves them all."""
    try:  # the component manager imports the scanner's function when it runs
        from streamlit.components.v2 import manifest_scanner
    except ImportError:  # a streamlit without it: nothing to spare
        return
    scan = manifest_scanner.scan_component_manifests
    found: list = []

    def once(*args, **kwargs):
        if not found:
            found.append(scan(*args, **kwargs))
        return list(found[0])

    manifest_scanner.scan_component_manifests = once


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A browser test (it takes the `sync_api` fixture) gets one rerun when it fails.

    Why: in CI on a loaded 2-core machine a click now and then never reaches the app
    (sessions 15, 17 and 18, on two journeys, never reproduced here in 29 runs
    under load); a real fault fails twice. The first failure's evidence (the page's
    messages, the server's output) is still printed at the end of the run
    (tests/e2e/conftest.py), and pytest's summary counts the rerun. Without the plugin
    (installed by the `test` extra) a failure stays a failure."""
    if not config.pluginmanager.hasplugin("rerunfailures"):
        return
    for item in items:
        if "sync_api" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.flaky(reruns=1))


_EVIDENCE: list[tuple[str, str]] = []   # (failed journey, what it failed on, saw, sent)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Keep each failed browser journey's evidence (a report section its `page` fixture adds,
    tests/e2e/conftest.py). Reports reach this hook in the process that prints, also from
    pytest-xdist's workers, where a list filled by the fixture would stay behind."""
    for title, text in report.sections:
        if title == "Captured evidence teardown" and (report.nodeid, text) not in _EVIDENCE:
            _EVIDENCE.append((report.nodeid, text))


def pytest_terminal_summary(terminalreporter) -> None:
    """Each failed journey's evidence again, at the very end of the run (also
    when its rerun passed): CI keeps only the tail of a long log, and Playwright's page
    snapshot in the failure itself is long enough to push the evidence out of it."""
    for nodeid, evidence in _EVIDENCE:
        terminalreporter.write_sep("-", f"evidence of the failed journey {nodeid}")
        terminalreporter.write_line(evidence)
