"""Translator comments ('# ...' lines of a PO entry) by link: what a reviewer must see.

Why: the notes a CAT tool's XLIFF or TMX brings in on import ("Check the figure with the
client."), a table's note column or a person's own '# ' lines are kept in the PO and carried
through every save (po_guard.carry_over), but nothing showed them, so a reviewer correcting
that link never read the client's note.

Two steps, so that a book of 20,000 links is read once per file version, not once a rerun:
`read_notes` takes the notes from the file's bytes (polib parses them only where a quick scan
finds a translator comment besides the header's), each anchored at the sentence its entry
starts with; `notes_by_link` places them on the links of the text as it is now, by the rule
po_guard.carry_over follows when it saves: the entry holding the noted entry's first source
sentence, else its first target sentence. So a merged or split link shows its note where the
next save will write it.
"""

from __future__ import annotations

import html
import io
import os
import re
from collections.abc import Mapping
from pathlib import Path

import polib

from .po_read import link_positions
from .types import Bitext, Link

Anchor = tuple[str, int]   # ("src" or "tgt", 0-based sentence number)

# a translator comment line ('#' then a space or the line's end), as po_guard._TCOMMENT reads
_TCOMMENT = re.compile(rb"^#(?:[ \t][^\r\n]*)?\r?$", re.MULTILINE)
_HEADER_COMMENT = b"# Aligned pairs written"   # po.py's own header comment


def may_hold_notes(data: bytes) -> bool:
    """Whether PO bytes may hold a translator comment besides po.py's header comment: most
    files hold none, and then nothing needs parsing."""
    return any(not line.startswith(_HEADER_COMMENT) and line.strip(b"#\r\t ")
               for line in _TCOMMENT.findall(data))


def read_notes(data: bytes) -> dict[Anchor, str]:
    """The translator comments of a PO's entries, by the first sentence of each entry (its
    first source sentence, else its first target one). An entry whose msgctxt is not one
    alignment writes has no place in the text and is left out (po_read refuses such a file);
    so are empty comments. Bytes polib cannot read give no notes: the file was read as a
    Bitext already, and a note is not worth an error the opening did not give."""
    if not may_hold_notes(data):
        return {}
    try:
        entries = _parse(_noted_blocks(data)) if data.count(b"\n") > 2_000 else _parse(data)
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    notes: dict[Anchor, str] = {}
    for entry in entries:
        text = (entry.tcomment or "").strip()
        places = link_positions(entry.msgctxt)
        if entry.obsolete or not text or places is None:
            continue
        src, tgt = places
        anchor = ("src", src[0]) if src else ("tgt", tgt[0])
        notes[anchor] = f"{notes[anchor]}\n{text}" if anchor in notes else text
    return notes


def _parse(data: bytes) -> polib.POFile:
    parser = polib._POFileParser("", encoding="utf-8")   # as po_files.parse_po_bytes
    parser.fhandle = io.StringIO(data.decode("utf-8-sig"), newline=None)
    return parser.parse()


def _noted_blocks(data: bytes) -> bytes:
    """The header and only the entries (blocks between blank lines, as PO tools write them)
    holding a translator comment: polib took 1.5 s over a 20,000-link book, for its few notes.
    The header stays: polib reads the comment lines at a file's top as the header's."""
    data = data.replace(b"\r\n", b"\n")
    head_end = data.find(b"\n\n")
    if head_end < 0:
        return data
    spans: list[tuple[int, int]] = []
    for match in _TCOMMENT.finditer(data, head_end):
        if spans and match.start() < spans[-1][1]:
            continue   # another line of the block taken
        end = data.find(b"\n\n", match.end())
        spans.append((data.rfind(b"\n\n", 0, match.start()), len(data) if end < 0 else end))
    return b"".join([data[:head_end], *(data[a:b] for a, b in spans)])


def notes_by_link(bitext: Bitext, notes: Mapping[Anchor, str]) -> dict[int, str]:
    """{link number (0-based): its note} for the links of `bitext` that hold an anchored
    sentence; two notes that a merge brought into one link are shown one under the other."""
    if not notes:
        return {}
    out: dict[int, str] = {}
    for i, link in enumerate(bitext.alignment.links):
        for side, idx in (("src", link.src), ("tgt", link.tgt)):
            for j in idx:
                note = notes.get((side, j))
                if note is not None:
                    out[i] = f"{out[i]}\n{note}" if i in out else note
    return out


def note_mark(note: str) -> str:
    """A row's note icon: the note itself is its tooltip (and what a screen reader says), so
    a reviewer sees which links carry one without opening each."""
    text = html.escape(note)
    return (f' <span class="note" title="{text}"><span aria-hidden="true">&#128221;</span>'
            f'<span class="sr"> translator note: {text}</span></span>')


def note_text(note: str) -> str:
    """A note as the PO keeps it, and read_notes gives it back: no blank lines at its ends, no
    spaces at its lines' ends."""
    return "\n".join(line.rstrip() for line in note.strip().splitlines())


def write_note(path: str | os.PathLike[str], link: Link, note: str, *, expected_fingerprint: str) -> str:
    """Write `note` as the translator comment of the entry of the PO at `path` that holds
    exactly `link`'s sentences ('' takes the note out), and mark the file as holding a
    person's work (as po.save_po does: a new alignment onto it keeps it). Refused, the file
    left as it was: where it changed on disk since `expected_fingerprint` (POConflict), and
    where no entry holds those sentences, the link having been merged, split or moved since
    the file was saved (InputError: save first). Returns the file's new fingerprint.

    Why at once, not with the corrections' Save: a note is a remark on the file as saved, which
    a reviewer's sheet gets back (write_back_tables.py); written with the corrections it went
    through their undo and drafts, which hold sentences, not remarks."""
    from .errors import InputError
    from .po import replace_if_unchanged
    from .po_files import parse_po_bytes

    path = Path(path)
    text = note_text(note)

    def noted(current: bytes) -> bytes:
        po = parse_po_bytes(path, current)
        entry = next((e for e in po if not e.obsolete
                      and link_positions(e.msgctxt) == (tuple(link.src), tuple(link.tgt))), None)
        if entry is None:
            raise InputError(f"{path} has no entry of these sentences as saved (the link was merged, "
                             "split or moved since): save the corrections first, then write the note")
        if (entry.tcomment or "").strip() == text:
            return current
        entry.tcomment = text
        po.metadata.pop("X-Alignment-Checksum", None)
        po.metadata["X-Alignment-Edited"] = "yes"
        return str(po).encode("utf-8")

    return replace_if_unchanged(path, noted, expected_fingerprint=expected_fingerprint)


# "Undo note" (views/notes.py), a step per save: (the note box's key after a save, the note that
# save replaced), newest last
NoteUndo = tuple[tuple[str, str], ...]
NOTE_UNDO_DEPTH = 30


def with_undo(undo: NoteUndo, box: str, replaced: str, depth: int = NOTE_UNDO_DEPTH) -> NoteUndo:
    """`undo` after a save that left box `box` showing its note and replaced `replaced`: the
    newest `depth` steps kept."""
    return (*undo, (box, replaced))[-depth:]


def undo_for(undo: NoteUndo, box: str) -> tuple[str | None, NoteUndo]:
    """The note to put back in box `box` (the newest step saved from it: the steps of other
    links wait under it) and the steps without it; (None, undo) where none was."""
    at = next((k for k in range(len(undo) - 1, -1, -1) if undo[k][0] == box), None)
    return (None, undo) if at is None else (undo[at][1], undo[:at] + undo[at + 1:])
