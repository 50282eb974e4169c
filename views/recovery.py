"""The reader's recovery box: a draft of the file just opened, kept from an earlier session,
recovered or discarded.

Why apart from views/reader.py: discarding a draft deletes a person's corrections for good, so
it asks first, as the start page's "Discard" does (views/start_drafts.py); one click beside
"Recover them" deleted them with no question and no undo. The box also names the links the
draft touches, as the start page does (draft_summary), so the person knows what is at stake.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from alignment import draft_summary, drafts

from .a11y import focus_on
from .common import callback, counted, md, memo, recover_draft, ss
from .saving import note_unknown_base

TITLE = '[data-testid="stMain"] h3'   # the open text's title, above the toolbar


@callback
def recover(restore: bool) -> None:
    """The recovery box's answer; the box goes, so the focus goes to the title above where it
    was (it dropped to the page: the next Tab started from the top)."""
    focus_on(TITLE)
    ss.pop("recovery_discard_asked", None)
    if restore:
        draft = ss.get("recovery")
        note_unknown_base(draft)
        if draft is not None:   # as many unsaved changes as the box said (it said 1, then 2)
            ss.recovery = replace(draft, changes=offered(draft)[1])
        recover_draft()
    else:
        draft = ss.pop("recovery", None)
        if draft is not None:
            drafts.discard(draft)


@callback
def ask_discard(asked: bool) -> None:
    """"Discard them" asks first; "Keep them" takes the question back. The focus goes to the
    safe answer (the button pressed is gone: it fell to the page)."""
    ss.recovery_discard_asked = asked
    focus_on(".st-key-recover_keep button" if asked else ".st-key-recover_yes button")


def offered(draft: drafts.Draft) -> tuple[bool, int, str]:
    """What the box offers: whether word links alone (no person's change: they were "1
    unsaved change"), how many changes, and which links, in words. Against the file as it is
    now where it changed since the draft was made, as the start page counts
    (draft_summary.left_unsaved): a version a reload set aside, some of its corrections saved
    since, was "2 unsaved changes" here and "1" there."""
    def work() -> tuple[bool, int, str]:
        if drafts.only_word_links(ss.saved, draft.bitext):
            return True, draft.changes, ""
        if draft.origin is None or draft.base_fingerprint == ss.fingerprint:
            return False, draft.changes, draft_summary.summary(draft.origin or ss.saved,
                                                               draft.bitext)
        return (False, *draft_summary.left_unsaved(draft.changes, draft.origin, draft.bitext,
                                                   ss.saved))

    return memo("recovery_offer", ss.saved, (draft.file, draft.saved_at, ss.fingerprint), work)


def held_by_file(draft: drafts.Draft) -> bool:
    """Whether the file, as this opening read or saved it, holds every correction of the
    draft: the person made them again and saved (the box then said "3 unsaved changes ...
    The file has changed on disk since" of corrections the file held)."""
    return memo("recovery_held", ss.saved, (draft.file, draft.saved_at),
                lambda: drafts.file_holds(draft.origin, draft.bitext, ss.saved))


def box_text(words: bool, changes: int, held: str, changed_since: bool) -> str:
    """What the box says, above "Recover them" and "Discard them". Why it says what each
    button will do: it said "Recovered, one Undo takes them all back." while the rows still
    showed the old texts, which read as done already, and a person could leave the
    corrections unrecovered."""
    what = "Word links found in this file were" if words else \
        f"{counted(changes, 'unsaved change')} to this file " \
        f"{'was' if changes == 1 else 'were'}"
    them = "it" if changes == 1 else "them"
    return (f"{what} kept from an earlier session (a reload, a closed tab or a crash)"
            + (f": {md(held)}." if held else ".")
            + f" Not in the text yet: Recover {them} puts {them} back"
            + (", and one Undo takes them all back" if changes > 1 else "")
            + f"; Discard {them} deletes {them}, after asking."
            + (" The file has changed on disk since: once they are recovered, Save "
               "will let you reload it or save a copy, never write over it silently."
               if changed_since else ""))


def recovery_box(draft: drafts.Draft) -> None:
    """What the draft holds, and Recover / Discard (asked twice); nothing where the file
    holds it all (the draft goes: there is nothing in it to recover)."""
    if held_by_file(draft):
        ss.pop("recovery", None)
        ss.pop("recovery_discard_asked", None)
        drafts.discard(draft)
        return
    with st.container(border=True, key="recovery_box"):
        changed_since = draft.base_fingerprint != ss.fingerprint
        words, changes, held = offered(draft)
        st.info(box_text(words, changes, held, changed_since))
        bar = st.container(horizontal=True)
        them = "it" if changes == 1 else "them"
        if ss.get("recovery_discard_asked"):
            bar.caption("Discard this correction? It cannot be brought back." if changes == 1
                        else "Discard these corrections? They cannot be brought back.")
            bar.button("Discard for good", key="recover_no_for_good", on_click=recover,
                       args=(False,))
            bar.button(f"Keep {them}", key="recover_keep", type="primary", on_click=ask_discard,
                       args=(False,))
            return
        bar.button(f"Recover {them}", key="recover_yes", type="primary", on_click=recover,
                   args=(True,))
        bar.button(f"Discard {them}", key="recover_no", on_click=ask_discard, args=(True,))
