"""The translator notes of the open PO, by link (alignment/link_notes.py), for the reader's
rows and the "Correct a link" panel, where a reviewer writes their own (`note_editor`): saved
into the PO at once (link_notes.write_note), and from there into the review sheet sent back
(the download of the corrected file: write_back_tables.py).

Why cached by the file's fingerprint: the notes live in the file on disk, which changes only
when it is saved (or reloaded); a book of 20,000 links is read for them once per version, and
placed on the links once per text shown (a correction moves a note with its sentence).
"""

from __future__ import annotations

import zlib
from pathlib import Path

import streamlit as st

from alignment.errors import AlignmentError
from alignment.link_notes import (NOTE_UNDO_DEPTH, Anchor, note_text, notes_by_link, read_notes, undo_for,
                                  with_undo, write_note)
from alignment.types import Bitext, Link

from .common import callback, changed, md, memo, ss, unsaved


@st.cache_resource(max_entries=8, show_spinner=False)
def file_notes(path: str, fingerprint: str) -> dict[Anchor, str]:
    """The notes of the PO at `path` as saved with `fingerprint` (none where it cannot be
    read: the text open is then a new one, or a copy gone; the save says so)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return {}
    return read_notes(data)


def link_notes(bitext: Bitext) -> dict[int, str]:
    """{link (0-based): note} of the open text, as the links are now."""
    path, fingerprint = ss.get("path"), ss.get("fingerprint")
    if not path or fingerprint is None:
        return {}
    # the file's notes looked up only when the text or the file changed: the cache's own
    # lookup (hashing its arguments) was a millisecond of every rerun, twice
    return memo("link_notes", bitext, (path, fingerprint),
                lambda: notes_by_link(bitext, file_notes(str(path), str(fingerprint))))


def note_box(note: str | None) -> None:
    """The note of the link being corrected, read-only, above its buttons."""
    if note:
        with st.container(key="link_note"):
            st.info("**Translator note:** " + md(note).replace("\n", "  \n"), icon="📝")


def note_editor(i: int, link: Link, note: str) -> None:
    """A box to write or change the note of link i (`link` as drawn; `note`, as the file holds
    it; note_box shows it above): saved into the PO when the box is left (Streamlit's change,
    which a click elsewhere makes first) or on "Save note". The box's key follows the note as
    the file holds it, so a note written elsewhere, or a reload, shows anew, while typing not
    yet saved outlives a Save of the corrections."""
    key = _box_key(i, note)
    args = (i, link, key, note)
    with st.container(key="note_edit"):
        st.text_area("Your note on this link", value=note, key=key, height=68, on_change=save_note,
                     args=args, placeholder="A remark for the translator or the client",
                     help="Saved in the PO. The corrected copy of a review sheet, XLIFF or TMX you "
                          "were sent carries it (Download menu): a sheet in its comment column.")
        row = st.columns([1, 1, 3], vertical_alignment="center")
        row[0].button("Save note", key="save_note", on_click=save_note, args=args)
        said = ss.get("note_said")
        if said and said[0] == key:
            (row[2].error if said[2] else row[2].caption)(md(said[1]))
        # what the box's saves replaced, a click away each
        if undo_for(ss.get("note_undo") or (), _undo_box(key, link))[0] is not None:
            row[1].button("Undo note", key="undo_note", on_click=undo_note, args=(i, link, key),
                          help="Puts back the note as it was before the last save, a save per click")


def _undo_box(key: str, link: Link) -> str:
    """Box `key` of the link with these sentences, for "Undo note": after a merge or a split a
    box of the same link number and note is another link's, and its undo is not this one's."""
    return f"{key} {link.src} {link.tgt}"


def _box_key(i: int, note: str) -> str:
    """The note box's key for link i holding `note` as the file has it."""
    return f"note_{i}_{zlib.crc32(note.encode('utf-8')):08x}"


@callback
def save_note(i: int, link: Link, key: str, note: str) -> None:
    """Write the box's text as the note of `link` (the sentences the box was drawn for: a
    Merge clicked as the box is left runs in the same rerun, maybe first) into the open PO;
    nothing when it is the note shown. Refused (the file changed on disk, the link merged or
    split since the save, the file unwritable), the typed text stays in the box and the reason
    is said beside it. The note it replaced is kept for "Undo note" (a note overwritten by
    mistake was lost: nothing a person wrote is lost), a step per save (link_notes.with_undo)."""
    if key not in ss or "history" not in ss or not ss.get("path") or note_text(ss[key]) == note_text(note):
        return
    text, name = ss[key], Path(ss.path).name
    now = _box_key(i, note_text(text))
    if (ss.get("note_undo") or ())[-1:] == ((_undo_box(now, link), note),):
        return   # saved already in this rerun: the box left by a click on "Save note"
    if not _written(link, key, text):
        return
    ss.note_said = (now, f"Note saved in {name}." if text.strip() else f"Note taken out of {name}.", False)
    ss.note_undo = with_undo(ss.get("note_undo") or (), _undo_box(now, link), note)
    # for the app's Undo (Ctrl+Z): where each save was made, and on which version of the text
    ss.note_steps = (*(ss.get("note_steps") or ()),
                     (_undo_box(now, link), i, link, now, ss.history.current))[-NOTE_UNDO_DEPTH:]


def newest_note_save() -> tuple[int, Link, str] | None:
    """The last note saved, where no correction came after it (the text open is the version it
    was saved on), as (link, its sentences, its box's key): the app's Undo (Ctrl+Z) takes it
    back before any correction, as the last thing done; None where a correction is newer, or
    no save is left to undo. Why: Ctrl+Z after writing a note undid the correction made before
    it, while the note stayed."""
    steps = ss.get("note_steps") or ()
    if not steps or "history" not in ss:
        return None
    box, i, link, key, version = steps[-1]
    if version is not ss.history.current or undo_for(ss.get("note_undo") or (), box)[0] is None:
        return None
    return i, link, key


@callback
def undo_note(i: int, link: Link, key: str) -> None:
    """Put back the note the last save in box `key` replaced, as it was; the saves before it
    stay one click away each."""
    take_back_note(i, link, key)


def take_back_note(i: int, link: Link, key: str) -> None:
    """undo_note's work, for the app's Undo too (a callback of its own)."""
    box = _undo_box(key, link)
    earlier, rest = undo_for(ss.get("note_undo") or (), box)
    if earlier is None or "history" not in ss or not ss.get("path"):
        return
    if not _written(link, key, earlier):
        return
    back = _box_key(i, note_text(earlier))
    ss.pop(back, None)   # the box for that note shows it again, not what was typed over it
    ss.note_undo = rest
    steps = ss.get("note_steps") or ()
    at = next((k for k in range(len(steps) - 1, -1, -1) if steps[k][0] == box), None)
    if at is not None:
        ss.note_steps = steps[:at] + steps[at + 1:]
    ss.note_said = (back, "The earlier note is back." if earlier.strip() else "Note taken out: "
                    "the link had none before.", False)


def _written(link: Link, key: str, text: str) -> bool:
    """Write `text` as the note of `link` into the open PO (link_notes.write_note) and follow
    the file (the fingerprint, the reload marks, the recovery draft); False, with the reason
    said beside box `key`, where it is refused."""
    before = ss.fingerprint
    try:
        ss.fingerprint = write_note(ss.path, link, text, expected_fingerprint=before)
    except AlignmentError as exc:
        ss.note_said = (key, f"Note not saved: {exc}", True)
        return False
    except OSError as exc:   # a full disk, a folder made read-only since
        ss.note_said = (key, f"Note not saved: cannot write {ss.path} ({exc.strerror or exc}); "
                             "copy your note elsewhere", True)
        return False
    if ss.get("reloads"):   # views/saving.py: the file as this session last wrote it
        ss.reload_saves = [*(ss.get("reload_saves") or []), (before, ss.fingerprint)]
    if unsaved():   # the recovery draft is made on the file as it is now
        changed(new_editor=False)
    return True
