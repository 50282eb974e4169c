"""The translator notes of the open PO, by link (alignment/link_notes.py), for the reader's
rows and the "Correct a link" panel.

Why cached by the file's fingerprint: the notes live in the file on disk, which changes only
when it is saved (or reloaded); a book of 20,000 links is read for them once per version, and
placed on the links once per text shown (a correction moves a note with its sentence).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from alignment.link_notes import Anchor, notes_by_link, read_notes
from alignment.types import Bitext

from .common import md, memo, ss


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
