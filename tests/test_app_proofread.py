"""Proofread mode through streamlit's AppTest: the checks run in a worker thread, the page
shows which one is running and stays usable; an edit starts them again on the new version."""

from __future__ import annotations

import threading
import time

import pytest

from test_app import checked, env, open_sample, rows_html, sample_po  # noqa: F401 (fixtures)


@pytest.fixture
def held(monkeypatch):
    """The checks wait at their first check until the test lets them go; every check run
    is recorded as (version checked, check name)."""
    from alignment import checks

    go = threading.Event()
    runs: list = []
    real = checks.run_checks

    def run_checks(bitext, *, only=None, **kw):
        runs.append((bitext, tuple(only or ())))
        assert go.wait(30), "never let go"
        return real(bitext, only=only, **kw)

    monkeypatch.setattr(checks, "run_checks", run_checks)
    go.runs = runs
    yield go
    go.set()


def progress(at, where: str) -> list[str]:
    """The progress bars' labels in the page's "main" or "sidebar" (after the last run)."""
    return [p.proto.text for p in getattr(at, where).get("progress")]


def wait_for(at, where: str, text: str) -> None:
    deadline = time.monotonic() + 30
    while not any(text in t for t in progress(at, where)):
        assert time.monotonic() < deadline, progress(at, where)
        time.sleep(0.1)
        at.run()


def test_an_edit_while_checking_is_not_held_up_and_the_new_version_is_checked(env, held):  # noqa: F811
    at = open_sample(env)
    at.radio(key="mode").set_value("Proofread").run()
    assert "Proofreading: checking the text…" in [h.value for h in at.subheader]
    wait_for(at, "main", "Checking: numbers (2/")  # evidence read, the first check running
    first = at.session_state.history.current
    at.button(key="review").click().run()  # the page answers while the checks wait
    assert at.session_state.history.current.alignment.links[0].reviewed
    held.set()
    checked(at)
    assert at.session_state.findings[0] is at.session_state.history.current
    assert len([1 for b, _ in held.runs if b is first]) == 1  # the old version's job stopped
    assert [b for b in at.button if (b.key or "").startswith("jump_")] or \
        "0 findings" in at.subheader[0].value


def test_failed_checks_filter_in_read_mode_shows_progress_then_filters(env, held):  # noqa: F811
    at = open_sample(env)
    at.checkbox(key="f_checks").check().run()
    wait_for(at, "sidebar", "Checking:")
    # while the checks run the page says so, not that no link failed them
    assert any("when the checks finish" in i.value for i in at.info), [i.value for i in at.info]
    held.set()
    checked(at)
    assert not any("when the checks finish" in i.value for i in at.info)
    flagged = {f.link + 1 for f in at.session_state.findings[1]}
    shown = {int(n) for n in __import__("re").findall(r'id="link-(\d+)"', rows_html(at))}
    assert shown and shown <= flagged


def test_proofread_takes_no_vectors_for_a_language_the_encoder_does_not_know() -> None:
    """As `alignment check`: a Swedish translation is checked by spelling, not by the
    encoder's vectors for a language it never learnt."""
    from alignment.registry import EMBEDDERS
    from alignment.types import Alignment, Bitext, Link, Sentence
    from views.proofread import word_evidence

    encoder = EMBEDDERS["use"](threads=1)
    pair = (Sentence("Seven sailors were saved that night."),), (Sentence("Sju sjömän räddades den natten."),)
    links = Alignment((Link((0,), (0,), 0.95),))
    assert word_evidence(Bitext(*pair, links, "en", "sv"), encoder, None) is None
    assert word_evidence(Bitext(*pair, links, "en", "de"), encoder, None) is not None


def test_while_the_text_is_checked_again_the_last_findings_mark_the_links_of_their_sentences(
        env, monkeypatch):  # noqa: F811
    """After a merge, the ⚑ marks of the last findings sat on the old link numbers: one link
    too far down for everything after the merge."""
    import re

    from alignment import browse, checks

    at = open_sample(env)
    at.radio(key="mode").set_value("Proofread").run()
    checked(at)
    old, found = at.session_state.findings
    assert any(f.link > 2 for f in found), "the sample should have findings after link 3"
    go = threading.Event()
    real = checks.run_checks

    def held(bitext, **kw):   # the next check waits: the last findings are what is shown
        assert go.wait(30)
        return real(bitext, **kw)

    monkeypatch.setattr(checks, "run_checks", held)
    at.session_state["link"] = 2
    at.run()
    at.button(key="merge_prev").click().run()   # links 2 and 3 become one
    new = at.session_state.history.current
    assert len(new.alignment.links) == len(old.alignment.links) - 1
    flagged = {int(n) - 1 for n in re.findall(r'id="link-(\d+)"[^>]*>(?:(?!</tr>).)*class="flag"',
                                               rows_html(at), re.S)}
    listed = lambda fs: checks.at_level(fs, "warning")  # noqa: E731  (the list's default level)
    expected = {f.link for f in listed(browse.carry_findings(old, new, found))}
    assert flagged and flagged == expected & set(range(50)), (flagged, expected)
    assert flagged != {f.link for f in listed(found)} & set(range(50))
    go.set()


def test_proofread_reports_a_misspelt_word_once(monkeypatch) -> None:
    """The app runs the checks one at a time (a progress step each); a word no list knows
    is the spelling check's, not also a real-word slip, as `alignment check` says."""
    import views.proofread as proofread
    from test_checks import bitext, fake_evidence
    from test_spelling import AROUND_EN

    b = bitext(AROUND_EN + [("Il a reçu la lettre hier matin.", "He received the letter yesterday mornign.")])
    monkeypatch.setattr(proofread, "word_evidence",
                        lambda bitext, encoder, previous: fake_evidence([("matin", "morning")]))
    findings, _ = proofread._check(proofread.CheckJob(b), None, None)
    assert [(f.check, f.message) for f in findings if f.link == len(AROUND_EN)] == [
        ("spelling", "'mornign' is no word: 'morning'? (original: 'matin')")]


def test_checks_that_end_while_the_page_is_drawn_leave_no_stale_page_under_a_dead_bar(
        env, held):  # noqa: F811
    """The findings were read twice a run (those shown, then those dismissed): checks ending
    between the two reads had their result taken after the count, the caption and the bar were
    drawn, and the bar, finding no job, never asked for the rerun that shows it. The page said
    "being checked again" under a bar that never moved (a browser journey waited 60 s)."""
    import views.proofread as proofread

    at = open_sample(env)
    at.radio(key="mode").set_value("Proofread").run()
    held.set()
    checked(at)
    real = proofread.check_progress
    drawn = []

    def bar_then_end():   # the checks of the new version end just after their bar is drawn
        real()
        held.set()
        at.session_state["check_job"].future.result(timeout=60)
        drawn.append(True)

    held.clear()
    patch = pytest.MonkeyPatch()
    patch.setattr(proofread, "check_progress", bar_then_end)
    try:   # a new version: its checks wait (held) until their bar is drawn
        at.button(key="review").click().run()
    finally:
        patch.undo()
    assert drawn, "no bar was drawn in that run"
    said = " ".join(c.value for c in at.caption)
    assert "being checked again" in said
    assert at.session_state["check_job"] is not None, \
        "the page says the text is being checked, and no job is left to end the wait"
    checked(at)


def test_a_bar_whose_job_was_taken_meanwhile_asks_for_the_rerun_that_shows_it(monkeypatch):
    """The polling bar (views/jobs.py) that finds its job gone asks for a full rerun, as for a
    job done: the run that drew it had taken the result after drawing it."""
    import streamlit as st

    from views import jobs

    asked = []

    class Rerun(Exception):
        pass

    def rerun(scope="app"):
        asked.append(scope)
        raise Rerun

    monkeypatch.setattr(st, "rerun", rerun)
    monkeypatch.setattr(jobs, "ss", {"check_job": None})
    with pytest.raises(Rerun):
        jobs.job_progress.__wrapped__("check_job")
    assert asked == ["app"]


class _State(dict):
    """A session state's two ways in: ss.key and ss["key"]."""
    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__


@pytest.mark.parametrize("drawn_in, stale, kept, expected", [
    (3, False, True, True),     # back from Read: the page's old state is not taken over the choice
    (3, True, False, False),
    (4, False, True, False),    # drawn in the run before: the page's state is the person's click
    (4, True, False, True),
    (None, None, True, True),   # never drawn: the choice kept
])
def test_the_toggles_are_set_from_the_choice_kept_when_the_panel_comes_back(
        monkeypatch, drawn_in, stale, kept, expected):
    """A click on Proofread just as a Read run ended sent the page's last toggle state back;
    the server took it while the page drew the toggle anew, unchecked (views/proofread.py
    _toggles_as_kept)."""
    import views.proofread as proofread

    state = _State(run_no=5, negation_kept=kept, info_kept=kept)
    if drawn_in is not None:
        state.update(panel_drawn_in=drawn_in, p_negation=stale, p_info=stale)
    monkeypatch.setattr(proofread, "ss", state)
    proofread._toggles_as_kept()
    assert (state["p_negation"], state["p_info"]) == (expected, expected)
    assert state["panel_drawn_in"] == 5
