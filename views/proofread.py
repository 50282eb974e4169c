"""Proofread mode: the findings of the checks, each a button that jumps to its link.

The checks run in a worker thread (seconds per thousand links): the page stays usable,
a bar says which check is running, and the findings appear when they are ready.
"""

from __future__ import annotations

import os
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st

from alignment import browse
from alignment.types import Bitext

from .a11y import focus_on
from .common import EMBEDDER, callback, counted, embedder, md, memo, ss
from .jobs import job_progress, worker


def auto_recheck_links() -> int:
    """Up to this many links the checks run again after every edit; above, on request."""
    return int(os.environ.get("ALIGNMENT_AUTO_RECHECK", "2000"))


@dataclass(eq=False)
class CheckJob:
    """The checks of one version of the text, running in the worker thread.

    The worker only writes plain attributes; a newer version sets `cancelled`, and the
    worker stops after the check it is in."""

    base: Bitext
    extra: tuple[str, ...] = ()   # checks on request run too (on_request_checks)
    future: Future = field(default_factory=Future)
    stage: str = "waiting for other checks to end"
    done: int = 0
    total: int = 1
    cancelled: bool = False

    def fraction(self) -> float:
        return self.done / self.total

    def label(self) -> str:
        return f"Checking: {self.stage} ({self.done + 1}/{self.total})" if self.done < self.total \
            else f"Checking: {self.stage}"


def _check(job: CheckJob, encoder: Any, previous: Any) -> tuple[tuple, Any] | None:
    """(findings, word evidence) of job.base, one check at a time; None when cancelled."""
    from alignment.checks import DEFAULT_CHECKS, one_per_word, run_checks

    names = (*DEFAULT_CHECKS, *job.extra)
    job.total = len(names) + 1
    job.stage = "reading the words of both sides (the encoder's word vectors)"
    evidence = word_evidence(job.base, encoder, previous)
    found: list = []
    for k, name in enumerate(names):
        if job.cancelled:
            return None
        job.done, job.stage = k + 1, name
        found += run_checks(job.base, only=[name], evidence=evidence)
    found = one_per_word(found)
    found.sort(key=lambda f: f.link)
    return tuple(found), evidence


def word_evidence(bitext: Bitext, encoder: Any, previous: Any):
    """The encoder's word vectors for the checks, as `alignment check` uses them.

    The evidence of the previous version is lent to this one: after an edit only the
    changed links are encoded and compared again. Without evidence names and real-word
    slips are judged by spelling alone; when the encoder cannot be had (a language it
    does not know, no model), the checks still run.
    """
    from alignment.align import unknown_languages
    from alignment.errors import AlignmentError
    from alignment.evidence import word_evidence as build

    if unknown_languages(encoder, bitext.src_lang, bitext.tgt_lang):
        return None   # its vectors for a language it does not know would mislead the checks
    try:
        return build(bitext, encoder, previous=previous)
    except AlignmentError:
        return None


def unknown_to_encoder(bitext: Bitext) -> list[str]:
    """The text's languages the app's encoder does not know (word_evidence has none for them)."""
    from alignment.align import unknown_languages

    return unknown_languages(embedder(EMBEDDER), bitext.src_lang, bitext.tgt_lang)


def spelling_only_note(unknown: list[str]) -> str:
    """What Proofread says above its findings for a language the encoder does not know, as
    `alignment check` does. Why: the app said nothing, and its only note was the aligner's,
    which named the encoder by its internal name ('use-m3') and spoke of the links alone."""
    return (f"The sentence encoder does not know {', '.join(unknown)}: the checks compare "
            "words by spelling only.")


@callback
def collect_checks() -> None:
    """Take the findings of a finished job (ss.findings = (version checked, findings)); whole,
    or a click meanwhile dropped the job and its findings, and the checks ran again."""
    job = ss.get("check_job")
    if job is None or not job.future.done():
        return
    ss.check_job = None
    result = job.future.result()
    if result is not None:
        ss.findings, ss.evidence = (job.base, result[0]), result[1]
        ss.findings_extra = job.extra


def start_checks(bitext: Bitext) -> None:
    """Check this version in the worker (a job on an older version is told to stop)."""
    job = ss.get("check_job")
    if job is not None and job.base is bitext and job.extra == on_request_checks():
        return
    if job is not None:
        job.cancelled = True
    job = CheckJob(bitext, on_request_checks())
    job.future = worker("checks").submit(_check, job, embedder(EMBEDDER), ss.get("evidence"))
    ss.check_job, ss.recheck_wanted = job, False


def findings(bitext: Bitext) -> tuple:
    """The findings to show: those no person dismissed (`_split`)."""
    return _split(bitext)[0]


def _split(bitext: Bitext) -> tuple[tuple, tuple]:
    """(the findings to show, those a person dismissed (Link.dismissed): shown only when
    asked, to restore)."""
    from alignment.checks import split_dismissed

    found = all_findings(bitext)
    return memo("dismissed", bitext, id(found), lambda: split_dismissed(bitext, found))


def all_findings(bitext: Bitext) -> tuple:
    """The findings of the checks: this version's when checked, else the last ones while this
    version is checked in the background (none yet on the first check).

    On a long text the checks take a while, so after an edit the findings of the previous
    version are kept until the user asks again. A version that differs only in what a
    person dismissed has the same findings: they are not run again.
    """
    from alignment.checks import only_dismissals_differ

    collect_checks()
    done = ss.get("findings")
    n = len(bitext.alignment.links)
    if done is not None and done[0] is not bitext and only_dismissals_differ(done[0], bitext):
        ss.findings = done = (bitext, done[1])
    if done is not None and ss.get("findings_extra", ()) != on_request_checks():
        start_checks(bitext)   # negations asked for (or no longer): these findings meanwhile
        return done[1] if done[0] is bitext else browse.carry_findings(done[0], bitext, done[1])
    if done is not None and done[0] is bitext:
        return done[1]
    if done is None or n <= auto_recheck_links() or ss.get("recheck_wanted"):
        start_checks(bitext)
    if done is None:
        return ()
    # the last version's findings, on the links that now hold their sentences
    return memo("carried", bitext, id(done[1]),
                lambda: browse.carry_findings(done[0], bitext, done[1]))


def check_progress() -> None:
    """The running checks' bar; when they end, one full rerun shows their findings."""
    job_progress("check_job")


@callback
def recheck() -> None:
    ss.recheck_wanted = True


def on_request_checks() -> tuple[str, ...]:
    """The checks run only when asked (checks.ON_REQUEST) that the reader asked for: dropped
    negations ('negation'), which `alignment check --only negation` ran and the app could not
    (two proofreaders missed three dropped negations each), and words that say the opposite
    ('opposites': 'rose' for 'baissé'), the other slip that turns a sentence's meaning round."""
    return ("negation", "opposites") if ss.get("negation_kept") else ()


@callback
def _keep_negation() -> None:
    """The toggle's choice kept apart: Streamlit drops a widget's state in a mode that does
    not draw it, and the checks would have run again without the negations."""
    ss.negation_kept = ss.p_negation


@callback
def jump(link: int, n: int | str) -> None:
    """Select `link` (0-based) from finding button `n`; the reader then brings the correction
    box into view, where the fix is typed (it used to scroll down to the table's row, and the
    box opened above was out of sight). The focus goes into the box too: the button, drawn
    anew as the selected one, dropped it to the top of the page."""
    ss.link, ss.editing, ss.cursor, ss.jump_to = link, True, link, link
    ss.scroll_to = (None, "edit_box")
    focus_on(".st-key-edit_box textarea")


@callback
def dismiss_finding(link: int, key: str, dismissed: bool = True, n: int = 0) -> None:
    """A finding's "✕" (no problem: hide it) or "↺" (show it again), finding `n` of its list:
    a correction like the others, so Undo takes it back, the recovery draft keeps it and Save
    writes it; the correction panel stays open or closed as it was.

    The focus goes to the jump button of the finding now in its place (the next one): it
    stayed on the same button, now the next finding's ✕, and one more Enter dismissed that
    one too."""
    from .editor import edit

    editing = ss.get("editing", False)
    edit(browse.dismiss, link, key, dismissed)
    ss.editing = editing
    at = "" if dismissed else "d"
    focus_on(f".st-key-jump_{at}{n} button", f".st-key-jump_{at}{n - 1} button",
             ".st-key-findings_box")


def shown_level() -> str:
    """The lowest level of finding shown: warnings and errors unless info is asked for."""
    return "info" if ss.get("p_info", ss.get("info_kept")) else "warning"


@callback
def _keep_info() -> None:
    ss.info_kept = ss.p_info


def _toggles_as_kept() -> None:
    """The panel's two toggles set from their kept choices when the run before did not draw
    the panel (`ss.run_no`, app.py), or their state is gone. Why: Streamlit drops a widget's
    state in a mode that does not draw it; and a click on Proofread just as a Read run ended
    sent the page's last state of the toggle back, which the server took as current while the
    page, its toggle gone, drew it anew unchecked: the switch said off and the negations were
    still looked for (a browser journey, on a loaded machine). A value set here is sent to
    the page with the toggle."""
    run = ss.get("run_no", 0)
    fresh = ss.get("panel_drawn_in") != run - 1
    ss.panel_drawn_in = run
    for key, kept in (("p_info", "info_kept"), ("p_negation", "negation_kept")):
        if fresh or key not in ss:
            ss[key] = ss.get(kept, False)


def proofread_panel(bitext: Bitext) -> list:
    """The findings panel; returns the findings it lists (this level, these checks), which
    the table's ⚑ marks count too (they counted hidden info findings: ⚑1 on a row the list
    said nothing about)."""
    from alignment.checks import at_level

    _toggles_as_kept()
    st.toggle("Show info findings", key="p_info", on_change=_keep_info,
              help="Info findings are hints, not mistakes (a different final punctuation mark, "
                   "a double space, a link the aligner was unsure of); warnings and errors are "
                   "always listed")
    st.toggle("Also look for dropped negations and opposite words", key="p_negation",
              on_change=_keep_negation,
              help="A 'not' or 'never' of one side that the other lacks ('Er kam nicht.' / 'He "
                   "came.'), and a word of an English translation that says the opposite of "
                   "the original ('younger' for 'aîné', 'south' for 'nord'). Off by default: "
                   "they also flag sentences that say the same thing otherwise ('still not "
                   "built' for 'continua por construir', 'made all happy' for 'éloignait la "
                   "tristesse')")
    level = shown_level()
    # one look a run: a second one could take the checks' result after the count and the bar
    # above were drawn (collect_checks), and the page kept the old ones
    shown_now, dismissed_now = _split(bitext)
    found = at_level(shown_now, level)
    checked = ss.get("findings")
    st.subheader(f"Proofreading: {counted(len(found), 'finding')}" if checked is not None
                 else "Proofreading: checking the text…")
    if ss.get("check_job") is not None:
        check_progress()
    if (unknown := unknown_to_encoder(bitext)):
        st.caption(spelling_only_note(unknown))
    if checked is not None and checked[0] is not bitext:
        st.caption("These findings are from before your last edits, placed on the links that now "
                   "hold their sentences" + ("; the text is being checked again."
                                             if ss.get("check_job") is not None else "."))
        if ss.get("check_job") is None:
            st.button("Run the checks again", key="recheck", on_click=recheck)
    names = sorted({f.check for f in found})
    chosen = st.multiselect("Checks", names, key="p_checks")
    shown = [f for f in found if not chosen or f.check in chosen]
    start, page = findings_page(shown, "p_page", (level, tuple(chosen)))
    box = st.container(height=min(60 + 48 * len(page), 320), key="findings_box")
    for n, f in enumerate(page, start):
        finding_row(box, bitext, f, n)
    if shown:
        report_button(bitext, tuple(shown))
    gone = [f for f in at_level(dismissed_now, level) if not chosen or f.check in chosen]
    if gone and st.toggle(f"Show dismissed findings ({len(gone):,})", key="p_dismissed"):
        start, page = findings_page(gone, "p_gone_page", (level, tuple(chosen)))
        box = st.container(height=min(60 + 48 * len(page), 320), key="dismissed_box")
        for n, f in enumerate(page, start):
            finding_row(box, bitext, f, n, dismissed=True)
    return shown


# Findings drawn at once: a button row each, and a book has thousands. Why 50: each finding is
# four elements the browser lays out anew at every click of the page; with 200, a click in
# Proofread on a text of ~900 findings took 3 to 9 s (50: 1 to 3 s), and the list's box shows
# about six at a time anyway.
PAGE = 50


@callback
def turn_findings(key: str, step: int) -> None:
    ss[key] = ss.get(key, 0) + step


def findings_page(found: list, key: str, listing: Any) -> tuple[int, list]:
    """Where the page of findings the person turned to starts, and its findings; with
    "Previous"/"Next" buttons when there are more than PAGE (a check with more had no way
    to list the rest). Back to the first page when another level or other checks are
    chosen (`listing`); an edit keeps the page, at most the last."""
    if ss.get(f"{key}_of") != listing:
        ss[f"{key}_of"], ss[key] = listing, 0
    last = max(0, (len(found) - 1) // PAGE)
    ss[key] = number = min(max(ss.get(key, 0), 0), last)
    start = number * PAGE
    if last:
        bar = st.container(horizontal=True, vertical_alignment="center", key=f"{key}_bar")
        bar.button(f"◀ Previous {PAGE}", key=f"{key}_prev", on_click=turn_findings,
                   args=(key, -1), disabled=number == 0)
        bar.caption(f"Findings {start + 1:,}–{min(start + PAGE, len(found)):,} of {len(found):,}")
        bar.button(f"Next {PAGE} ▶", key=f"{key}_next", on_click=turn_findings, args=(key, 1),
                   disabled=number == last)
    return start, found[start:start + PAGE]


def report_button(bitext: Bitext, shown: tuple) -> None:
    """The findings shown (this level, these checks) as a CSV report to send the translator:
    the link's two texts beside each finding and a column for the answer (export.py)."""
    from alignment.export import render_findings_csv

    data = memo("findings_csv", bitext, shown, lambda: render_findings_csv(bitext, shown))
    label = "this finding" if len(shown) == 1 else f"these {counted(len(shown), 'finding')}"
    st.download_button(f"Download {label} (CSV)", data,
                       key="dl_findings", file_name=f"{Path(ss.path).stem}-findings.csv",
                       mime="text/csv", on_click="ignore")


def finding_row(box: Any, bitext: Bitext, f: Any, n: int, dismissed: bool = False) -> None:
    """One finding: the button that jumps to its link, what it says, and the button that
    dismisses it (no problem) or, dismissed, shows it again."""
    from alignment.checks import finding_key
    from alignment.export import finding_unit

    # wrap=False: a long message wraps beside its buttons, not onto a line of its own
    row = box.container(horizontal=True, vertical_alignment="center", wrap=False)
    at = f"d{n}" if dismissed else n   # jump_*: views/keys.py asks before typing is replaced
    row.button(f"→ {f.link + 1}", key=f"jump_{at}", on_click=jump, args=(f.link, at),
               help="Select this link, show it in the table and in the correction panel",
               type="primary" if f.link == ss.get("link") else "secondary")
    unit = finding_unit(bitext, f)   # where the text came from a CAT tool: its segment's id
    row.markdown(f"`{f.severity}` **{f.check}**{f' (unit {md(unit)})' if unit else ''} — {md(f.message)}")
    key = finding_key(bitext, f)
    if dismissed:
        row.button("↺", key=f"restore_{n}", on_click=dismiss_finding, args=(f.link, key, False, n),
                   help="Show this finding again")
    else:
        row.button("✕", key=f"dismiss_{n}", on_click=dismiss_finding, args=(f.link, key, True, n),
                   help="Not a problem: hide this finding (Undo brings it back; Save keeps it "
                        "with the text, for the next check too)")
