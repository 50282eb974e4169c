"""The reader's banners above the text: the question before closing with unsaved changes (and
its answer), the recovery offer, messages, and the aligner's notes on this alignment. Apart from
views/reader.py, which lays out the sidebar, the toolbar and the rows.
"""

from __future__ import annotations

import re

import streamlit as st

from alignment import drafts

from .a11y import focus_on
from .common import callback, close_text, counted, md, ss, unsaved
from .recovery import recovery_box
from .saving import save_text, words_only


@callback
def guard_answer(answer: str) -> None:
    if answer == "save" and not save_text():
        ss.guard = None  # the conflict box explains what to do
        return
    if answer == "discard":
        drafts.discard_draft(ss.path, session=ss.get("draft_session", ""))
    if answer in ("save", "discard"):
        close_text()
    else:
        ss.guard = None
        focus_on(".st-key-close button")   # where the question came from


def banners() -> None:
    """The guard, the recovery offer, a save conflict and messages, above everything."""
    if ss.get("guard"):
        n = unsaved()
        with st.container(border=True, key="guard_box"):
            st.warning(f"The word links found in {md(ss.title)} are not saved: save them "
                       "before closing?" if words_only() else
                       f"{counted(n, 'unsaved change')} in {md(ss.title)}: save "
                       f"{'it' if n == 1 else 'them'} before closing?")
            bar = st.container(horizontal=True)
            bar.button("Save and close", key="guard_save", type="primary",
                       on_click=guard_answer, args=("save",))
            bar.button("Discard changes", key="guard_discard", on_click=guard_answer,
                       args=("discard",))
            bar.button("Cancel", key="guard_cancel", on_click=guard_answer, args=("cancel",))
    draft = ss.get("recovery")
    if draft is not None:
        recovery_box(draft)
    if ss.get("draft_failed"):
        st.warning(md(ss.draft_failed))
    if ss.get("flash_info"):
        st.success(md(ss.flash_info))
        if st.button("OK", key="flash_ok"):
            ss.flash_info = None
            st.rerun()
    if ss.get("reload_info"):   # until saved, closed or read: views/saving.py
        st.info(md(ss.reload_info))
        if st.button("OK", key="reload_ok"):
            ss.reload_info = None
            st.rerun()
    alignment_notes(ss.history.current.alignment.warnings)


def alignment_notes(notes: tuple[str, ...]) -> None:
    """What the aligner or the readers had to warn about (a language the encoder does not know,
    a file read in two encodings), which `alignment align` prints: the links may need review."""
    if not notes or ss.get("notes_hidden") == ss.path:
        return
    with st.container(border=True, key="notes_box"):
        st.warning(f"{len(notes)} note{'s' * (len(notes) != 1)} on this alignment:\n\n"
                   + "\n".join(f"- {md(_plain_note(n))}" for n in notes))
        if st.button("Hide", key="notes_hide"):
            ss.notes_hidden = ss.path
            st.rerun()


def _plain_note(note: str) -> str:
    """A note as a reader reads it: a PO written before said 'the encoder use-m3 does not know'."""
    return re.sub(r"^the encoder \S+ does not know", "the sentence encoder does not know", note)
