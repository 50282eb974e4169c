"""A reviewer's notes written back into the XLIFF or TMX units the pairs came from.

Part of the store stage, for write_back.py, as write_back_tables.py writes a table's note
column. Why: a note written on a link (in a PO editor, or the app's "Your note on this link")
is the PO's translator comment, which the import made of the unit's <note>s; written back
nowhere, the proofreader's remark for the translator never reached the CAT tool's file.

What the PO holds is the unit's notes as read (each note's text on a line of its own,
carried.note_text) with what the reviewer changed. Where the reviewer only added lines after
them, those lines are one note more (XLIFF 1.2 `<note from="reviewer">`, XLIFF 2 `<note
category="reviewer">`, a TMX <tu>'s <note>), and the tool's own notes stay as they were, with
their attributes; where the notes were edited or taken out, the unit's notes are replaced by
the PO's (none for an empty one). Each note goes where its format has notes: among an XLIFF
1.2 trans-unit's children after its target, in an XLIFF 2 unit's <notes> (made where there is
none, before its segments), before a TMX <tu>'s <tuv>s. lxml, on the tree write_back keeps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .carried import note_text
from .import_pairs import element_ns

__all__ = ["UnitNotes", "put_note", "tmx_notes", "xliff12_notes", "xliff2_notes"]


@dataclass(frozen=True)
class UnitNotes:
    """A unit's notes: read as the import reads them, one more added, all replaced."""

    read: Callable[[], str]
    add: Callable[[str], None]
    replace: Callable[[str], None]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.strip().splitlines() if line.strip()]


def put_note(notes: UnitNotes, new: str) -> bool:
    """Give the unit the note `new` (the PO's translator comment of its link); whether the
    file changed. Lines added after the unit's notes (or to a unit with none) are a note more,
    the reviewer's; else the notes are replaced."""
    said, wanted = _lines(notes.read()), _lines(new)
    if said == wanted:
        return False
    if wanted[:len(said)] == said:   # the reviewer's lines after the unit's own (or alone)
        notes.add("\n".join(wanted[len(said):]))
    else:
        notes.replace("\n".join(wanted))
    return True


def _note(parent, ns: str, text: str, **attributes: str):
    from lxml import etree

    note = etree.Element(ns + "note", **attributes)
    note.text = text
    return note


def _after(anchor, element) -> None:
    """`element` put right after `anchor`, with the same space after it as `anchor` had."""
    element.tail = anchor.tail
    anchor.addnext(element)


def _first(parent, element) -> None:
    """`element` put first in `parent`, indented as its first child is."""
    element.tail = parent.text
    parent.insert(0, element)


def xliff12_notes(unit) -> UnitNotes:
    """An XLIFF 1.2 trans-unit's own <note>s (not its alt-trans')."""
    ns = element_ns(unit)

    def own() -> list:
        return unit.findall(ns + "note")

    def add(text: str, **attributes: str) -> None:
        anchor = next((found for found in (own()[-1:] or [unit.find(ns + tag) for tag in
                                                          ("target", "seg-source", "source")])
                       if found is not None), None)
        note = _note(unit, ns, text, **attributes)
        _after(anchor, note) if anchor is not None else unit.append(note)

    def replace(text: str) -> None:
        for note in own():
            unit.remove(note)
        if text:
            add(text)
    return UnitNotes(lambda: note_text(own()), lambda text: add(text, **{"from": "reviewer"}), replace)


def xliff2_notes(unit) -> UnitNotes:
    """An XLIFF 2 unit's <notes>."""
    ns = element_ns(unit)

    def box(make: bool):
        found = unit.find(ns + "notes")
        if found is None and make:
            from lxml import etree

            found = etree.Element(ns + "notes")
            metadata = next((c for c in unit if isinstance(c.tag, str) and c.tag.endswith("}metadata")), None)
            _after(metadata, found) if metadata is not None else _first(unit, found)
        return found

    def read() -> str:
        found = box(False)
        return note_text(found.findall(ns + "note")) if found is not None else ""

    def add(text: str, **attributes: str) -> None:
        box(True).append(_note(unit, ns, text, **attributes))

    def replace(text: str) -> None:
        found = box(False)
        if found is not None:
            unit.remove(found)
        if text:
            add(text)
    return UnitNotes(read, lambda text: add(text, category="reviewer"), replace)


def tmx_notes(tu, tuvs: Sequence) -> UnitNotes:
    """A TMX <tu>'s notes and those of its two <tuv>s the pairs were read from."""
    def own() -> list:
        return tu.findall("note") + [n for tuv in tuvs if tuv is not None for n in tuv.findall("note")]

    def add(text: str) -> None:
        heads = [c for c in tu if c.tag in ("note", "prop")]
        note = _note(tu, "", text)
        _after(heads[-1], note) if heads else _first(tu, note)

    def replace(text: str) -> None:
        for note in own():
            note.getparent().remove(note)
        if text:
            add(text)
    return UnitNotes(lambda: note_text(own()), add, replace)
