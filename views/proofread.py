"""Proofread mode: the findings of the checks, each a button that jumps to its link."""

from __future__ import annotations

import os

import streamlit as st

from alignment.types import Bitext

from .common import EMBEDDER, embedder, md, ss


def auto_recheck_links() -> int:
    """Up to this many links the checks run again after every edit; above, on request."""
    return int(os.environ.get("ALIGNMENT_AUTO_RECHECK", "2000"))


def findings(bitext: Bitext) -> tuple:
    """The proofreading findings, one check at a time under a progress bar.

    On a long text the checks take a while (seconds per thousand links), so after an
    edit the findings of the previous version are kept until the user asks again.
    """
    from alignment.checks import DEFAULT_CHECKS, run_checks

    done = ss.get("findings")
    n = len(bitext.alignment.links)
    if done is not None and (done[0] is bitext or (n > auto_recheck_links()
                                                   and not ss.get("recheck_wanted"))):
        return done[1]
    bar = st.progress(0.0, text="Reading the words of both sides (the encoder's word vectors)…")
    evidence = word_evidence(bitext)
    found: list = []
    for k, name in enumerate(DEFAULT_CHECKS):
        bar.progress(k / len(DEFAULT_CHECKS), text=f"Checking: {name} ({k + 1}/{len(DEFAULT_CHECKS)})")
        found += run_checks(bitext, only=[name], evidence=evidence)
    bar.empty()
    found.sort(key=lambda f: f.link)
    ss.findings, ss.recheck_wanted = (bitext, tuple(found)), False
    return ss.findings[1]


def word_evidence(bitext: Bitext):
    """The encoder's word vectors for the checks, as `alignment check` uses them.

    Kept for the open text (ss.evidence, dropped when another text opens) and handed to
    the next version's: after an edit only the changed links are encoded and compared
    again. Without evidence names and real-word slips are judged by spelling alone; when
    the encoder cannot be had (a language it does not know, no model), the checks still run.
    """
    from alignment.errors import AlignmentError
    from alignment.evidence import word_evidence as build

    try:
        ss.evidence = build(bitext, embedder(EMBEDDER), previous=ss.get("evidence"))
    except AlignmentError:
        ss.evidence = None
    return ss.evidence


def recheck() -> None:
    ss.recheck_wanted = True


def jump(link: int, n: int) -> None:
    """Select `link` (0-based) from finding button `n`; the reader then scrolls both into view."""
    ss.link, ss.editing, ss.cursor, ss.jump_to = link, True, link, link
    ss.scroll_to = (link, f"jump_{n}")


def proofread_panel(bitext: Bitext) -> None:
    from alignment.checks import at_level  # warnings and errors unless info is asked for

    level = "info" if st.toggle("Show info findings", key="p_info") else "warning"
    found = at_level(findings(bitext), level)
    st.subheader(f"Proofreading: {len(found):,} findings")
    if ss.findings[0] is not bitext:
        st.caption("These findings are from before your last edits (link numbers may have moved).")
        st.button("Run the checks again", key="recheck", on_click=recheck)
    names = sorted({f.check for f in found})
    chosen = st.multiselect("Checks", names, key="p_checks")
    shown = [f for f in found if not chosen or f.check in chosen]
    box = st.container(height=min(60 + 48 * len(shown[:200]), 320), key="findings_box")
    for n, f in enumerate(shown[:200]):
        row = box.container(horizontal=True, vertical_alignment="center")
        row.button(f"→ {f.link + 1}", key=f"jump_{n}", on_click=jump, args=(f.link, n),
                   help="Select this link, show it in the table and in the correction panel",
                   type="primary" if f.link == ss.get("link") else "secondary")
        row.markdown(f"`{f.severity}` **{f.check}** — {md(f.message)}")
    if len(shown) > 200:
        st.caption(f"{len(shown) - 200:,} more; narrow the checks to see them.")
