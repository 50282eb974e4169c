"""Saving the open text in the reader, where it is more than a write: found word links alone
(not a person's correction: the file keeps its checksum), and "Reload from disk" (the person's
corrections made again on top of the file as changed there, and a version made before a reload
saved only when the person says so).

Why apart from views/reader.py: these are the rules that keep a person's work and another
program's changes both, and they are tested as such (tests/test_reader_saving*.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import streamlit as st

from alignment import drafts
from alignment.errors import AlignmentError
from alignment.types import Bitext

from .common import (callback, changed, close_text, counted, draft_kept, md, memo, save, ss,
                     unsaved)


class Reload(NamedTuple):
    """One "Reload from disk" since the last save (ss.reloads, oldest first)."""

    version: Bitext   # the file as read
    before: str       # the fingerprint a save expected until then
    after: str        # the fingerprint of the file read
    base: Bitext      # the version the person's corrections were made on
    known: bool       # whether `base` is that version (a recovered draft's may not be)
    merged: bool      # the corrections made again on top (then Undo passes over `version`)


def _reloads() -> list[Reload]:
    """The reloads of this opening, while the fingerprint a save expects is one of theirs or
    one written by a save since (views/common.save keeps those in ss.reload_saves)."""
    marks = ss.get("reloads") or []
    known = {fp for r in marks for fp in (r.before, r.after)}
    known |= {fp for pair in ss.get("reload_saves") or [] for fp in pair}
    return marks if ss.get("fingerprint") in known else []


def _latest(marks: list[Reload]) -> str:
    """The file's fingerprint as the last reload read it, or as the saves since wrote it."""
    fp = marks[-1].after
    for before, after in ss.get("reload_saves") or []:
        fp = after if before == fp else fp
    return fp


def hidden(version: Bitext) -> bool:
    """The file as read by a reload that made the corrections again on top of it: Undo goes
    from that to the person's version as it was, one step, as the Reload button says."""
    return any(r.merged and r.version is version for r in _reloads())


def _reached(version: Bitext) -> bool:
    """Whether the version shown is `version` or was made on top of it."""
    return ss.history.current is version or any(v is version for v in ss.history.past)


def follow_reloads() -> None:
    """After Undo or Redo: a save expects the file the version shown was made on.

    Why: Undo past a reload gave back the person's version, and the next save, expecting the
    file as reloaded, wrote over the other program's changes without a word. Now that version
    expects the file as it was before, so the save stops and asks (`made_before_reload`)."""
    marks = _reloads()
    if not marks:
        return
    fps = [r.after for r in marks if _reached(r.version)]
    ss.fingerprint = _latest(marks) if _reached(marks[-1].version) else \
        fps[-1] if fps else marks[0].before


def made_before_reload() -> bool:
    """Whether the version shown was made before the last reload of a file unchanged since
    (but for this app's own saves: Undo past a reload and a save still asks)."""
    from alignment.po import file_fingerprint

    marks = _reloads()
    return bool(marks) and ss.fingerprint != _latest(marks) \
        and file_fingerprint(Path(ss.path)) == _latest(marks)


def base_of_current() -> Bitext | None:
    """The version the one shown was made on, as read from the file `ss.fingerprint`: for a
    draft recovered over a file that changed since it was written, the version the draft kept
    of it (None where it kept none: a draft of an earlier release)."""
    marks = _reloads()
    if marks and ss.fingerprint == _latest(marks):
        return ss.saved   # the file as last reloaded or saved
    reached = [r.version for r in marks if _reached(r.version)]
    if reached:
        return reached[-1]
    if marks:
        return marks[0].base if marks[0].known else None
    if ss.get("unknown_base") == ss.fingerprint:
        return ss.get("recovered_origin")
    return ss.saved


@callback
def reload() -> None:
    """Read the PO again. The person's corrections are made again on top of it where they do
    not touch what changed on disk (drafts.rebase): Save then keeps both. Their version as it
    was stays one Undo away, and saving it asks first (`made_before_reload`). A file that is
    gone or that another program left broken is said so (it was a traceback)."""
    from alignment.po import file_fingerprint, read_po

    if not Path(ss.path).exists():   # the box then offers to write it again there
        ss.conflict = (f"{ss.path} is no longer on disk (deleted or moved since it was opened); "
                       "there is nothing to reload: write it again there, or save a copy")
        return
    try:
        fresh = read_po(Path(ss.path))
    except AlignmentError as exc:
        ss.flash = f"Cannot reload: {exc}"
        return
    mine, base, fp = ss.history.current, base_of_current(), file_fingerprint(Path(ss.path))
    had = unsaved()
    merged, left = _made_again(base, mine, fresh)
    held = merged == fresh and not left   # the file holds every correction already
    if held:
        merged = None
    ss.reloads = [*_reloads(), Reload(fresh, ss.fingerprint, fp, base or ss.saved,
                                      base is not None, merged is not None)]
    if had and not held and (merged is None or left):
        _set_aside(mine, base)
    ss.history = ss.history.push(fresh)
    if merged is not None:   # as many unsaved changes as were made again (it said 1 for 2)
        ss.history = ss.history.push(merged, steps=max(had - left, 1))
    ss.saved, ss.fingerprint, ss.conflict, ss.reload_saves = fresh, fp, None, []
    if had:
        ss.reload_info = held_message() if held else \
            reload_message(merged is not None, left, kept=not unheld_version())
    changed()


def _made_again(base: Bitext | None, mine: Bitext, fresh: Bitext) -> tuple[Bitext | None, int]:
    """The person's corrections made again on top of the file as reloaded: all of them
    (drafts.rebase), else all but those that touch what changed there (rebase_partly: the
    file's version kept for those); and how many were left out. None where nothing can be;
    `fresh` itself where the file holds every one already (saved before an Undo past the
    reload: nothing is lost, and "your corrections touch what was changed" was false)."""
    if base is None or mine is base:
        return None, 0
    merged = drafts.rebase(base, mine, fresh)
    if merged is not None:
        return merged, 0
    partly = drafts.rebase_partly(base, mine, fresh)
    return partly if partly is not None and partly[0] != fresh else (None, 0)


def _set_aside(mine: Bitext, base: Bitext | None) -> None:
    """The person's version, not made again on top of the file as reloaded, kept as a recovery
    draft of its own: one Undo away, and it showed nothing unsaved, so Close dropped it
    without a word. The start page offers it (and opening the file again) until it is saved
    or discarded. Where no draft can be written, leaving the page asks first
    (`unheld_version`) until a save holds it: the reload cleared the warning and F5 lost it."""
    with draft_kept():   # what the write fails to keep stays noted
        ss.held_unwritten = (ss.get("draft_session", ""), mine, base)
        drafts.write_draft(mine, ss.path, base_fingerprint=ss.fingerprint,
                           changes=max(unsaved(), 1), title=ss.get("title", ""),
                           key=ss.get("notes_key", ""), origin=base,
                           session=ss.get("draft_session", "") + "held")
        ss.pop("held_unwritten", None)


def unheld_version() -> bool:
    """Whether this opening has a version a reload set aside that no draft could keep and no
    save holds yet (views/keys.py then asks before the page is left)."""
    held = ss.get("held_unwritten")
    return held is not None and held[0] == ss.get("draft_session", "")


def drop_held(saved: Bitext) -> None:
    """After a save: the version a reload set aside (`_set_aside`) goes once the file holds
    every correction of it; it stayed on the start page as unsaved changes after they were
    saved. One with a correction the file lacks stays, offered there."""
    if unheld_version():
        _, mine, base = ss.held_unwritten
        if saved is mine or drafts.file_holds(base, mine, saved):
            ss.pop("held_unwritten", None)
    path = drafts.draft_path(ss.path, session=ss.get("draft_session", "") + "held")
    held = next((d for d in drafts.drafts_of(ss.path) if d.file == str(path)), None) \
        if path.is_file() else None
    if held is not None and drafts.file_holds(held.origin, held.bitext, saved):
        drafts.discard(held)


def held_message() -> str:
    return (f"Reloaded {ss.path}: it holds your corrections already, with the changes made "
            "there. Undo shows your version as it was (saving that would replace the changes "
            "made on disk: the app asks first).")


def reload_message(merged: bool, left: int = 0, kept: bool = True) -> str:
    """`kept`: whether the version set aside was kept as a recovery draft (it said so when
    the drafts folder could not be written)."""
    also = ("it is also kept as a recovery draft, offered on the start page, until you save "
            "or discard it." if kept else "no recovery draft can keep it (the drafts folder "
            "cannot be written): leaving the page asks first until a save holds it.")
    if merged and left:
        return (f"Reloaded {ss.path} and made your corrections again on top of the changes "
                f"made there, but for {counted(left, 'sentence or link')} changed there too: "
                "the file's version is kept for those. Undo shows your version as it was "
                f"(saving that would replace the changes made on disk: the app asks first); {also}")
    if merged:
        return (f"Reloaded {ss.path} and made your corrections again on top of the changes "
                "made there: Save keeps both. Undo shows your version as it was (saving that "
                "would replace the changes made on disk: the app asks first).")
    return (f"Reloaded {ss.path}. Your corrections touch what was changed there (or the file "
            "changed too much to tell): Undo brings your version back, and saving it would "
            f"replace the changes made on disk (the app asks first); {also}")


@callback
def save_anyway() -> None:
    """"Save anyway" in the box of a version made before a reload: it replaces the file as
    reloaded (and still nothing that changed on disk after the reload)."""
    ss.fingerprint = _latest(_reloads())
    if save_text():
        ss.reloads, ss.reload_saves = [], []
        ss.reload_info = f"Saved your version to {ss.path}, replacing the changes made on disk."


@callback
def cancel_conflict() -> None:
    ss.conflict = None


def words_only() -> bool:
    """Whether the unsaved change is found word links alone (drafts.only_word_links)."""
    current = ss.history.current
    return memo("words_only", current, id(ss.saved),
                lambda: drafts.only_word_links(ss.saved, current))


def unsaved_words() -> str:
    """What is unsaved, in words: '2 unsaved changes', or 'word links not saved'."""
    n = unsaved()
    return "" if not n else "word links not saved" if words_only() else counted(n, "unsaved change")


@callback
def save_text() -> bool:
    """Save. Found word links alone are not a person's correction: the file keeps its
    checksum (po.save_po mark_edited=False, as the CLI's `words` does), unless it was
    marked edited already; `alignment corpus build` may then still replace it."""
    from alignment.po import edited_reason

    done = save() if not (unsaved() and words_only()) else \
        save(mark_edited=edited_reason(ss.path) is not None)
    if done:
        ss.reload_info = None   # what a reload said is settled by the save
    return done


@callback
def ask_save() -> None:
    """The toolbar's Save (and its Ctrl+S): the save itself waits for the page's run
    (`saves_asked`). A click sent before the server began the run of the click before it is
    merged into that run, and Streamlit calls the buttons' callbacks in the page's order,
    not the order they were pressed: Save, drawn before Undo, saved first and the Undo
    pressed before it stayed unsaved (Ctrl+Z then Ctrl+S at once, 1 run in 3 when busy)."""
    ss.save_asked = ss.path


def saves_asked() -> None:
    """The save asked in this run, made once every callback of the run has acted; a Close
    merged into the same run then closes, as it would have after the save."""
    path = ss.pop("save_asked", None)
    if path is None or "history" not in ss or ss.get("path") != path:
        return
    if save_text() and ss.get("guard") == "close" and not unsaved():
        close_text()


def note_unknown_base(draft: drafts.Draft | None) -> None:
    """A draft made on a file that has changed since: the version it was made on is not the
    one open, so a reload puts nothing back on top (`base_of_current`); saving asks."""
    if draft is not None and draft.base_fingerprint != ss.fingerprint:
        ss.unknown_base = draft.base_fingerprint


def replace_box() -> None:
    """A save of a version made before the file was reloaded: it would replace the changes
    made on disk, so the person chooses (it used to save without a word)."""
    st.error(f"Not saved: this version was made before you reloaded {md(ss.path)} from disk. "
             "Saving it replaces the changes made there since (by another program or "
             "person).")
    bar = st.container(horizontal=True)
    bar.button("Save anyway, replacing them", key="save_anyway", on_click=save_anyway)
    bar.button("Reload from disk (your version stays one Undo away)", key="reload_again",
               on_click=reload)   # makes these corrections again on top, where it can
    bar.button("Cancel", key="cancel_save", on_click=cancel_conflict)
