"""Translator comments by link (alignment/link_notes.py): read from a PO's bytes, placed on
the links as they are now by the rule a save follows (po_guard.carry_over), drawn as a row's
note icon; and the recovery box's words (views/recovery.py)."""

from __future__ import annotations

import polib
import pytest

from alignment.corrections import merge, split
from alignment.errors import InputError, POConflict
from alignment.link_notes import may_hold_notes, note_mark, notes_by_link, read_notes, write_note
from alignment.po import bitext_to_po, file_fingerprint, read_po, save_po, write_po
from alignment.po_read import link_positions
from alignment.types import Alignment, Bitext, Link, Sentence

NOTE = "Check the figure with the client."


def bitext(n: int = 4) -> Bitext:
    src = tuple(Sentence(f"Phrase numéro {k}.", 0) for k in range(n))
    tgt = tuple(Sentence(f"Sentence number {k}.", 0) for k in range(n))
    return Bitext(src, tgt, Alignment(tuple(Link((k,), (k,), 0.95) for k in range(n))), "fr", "en")


def po_data(text: Bitext, notes: dict[int, str]) -> bytes:
    """The PO of `text` with translator comments on the entries of `notes` (link: note)."""
    po = bitext_to_po(text)
    for i, note in notes.items():
        po[i].tcomment = note
    return str(po).encode("utf-8")


@pytest.mark.parametrize("msgctxt, expected", [
    ("src 1 / tgt 1", ((0,), (0,))),
    ("src 3,4 / tgt -", ((2, 3), ())),
    ("src - / tgt 7", ((), (6,))),
    ("something else", None),
    (None, None),
])
def test_link_positions(msgctxt, expected):
    assert link_positions(msgctxt) == expected


@pytest.mark.parametrize("notes, expected", [
    ({}, {}),
    ({3: NOTE}, {("src", 3): NOTE}),
    ({0: "Ana: « fin » ?", 2: "line one\nline two"},
     {("src", 0): "Ana: « fin » ?", ("src", 2): "line one\nline two"}),
])
def test_read_notes_anchors_each_note_at_its_first_source_sentence(notes, expected):
    data = po_data(bitext(), notes)
    assert may_hold_notes(data) == bool(notes)
    assert read_notes(data) == expected


def test_an_omission_s_note_is_anchored_at_its_target_sentence():
    text = bitext(3)
    text = Bitext(text.src, text.tgt, Alignment((Link((0,), (0,), 0.9), Link((1,), (), 0.2),
                                                 Link((), (1,), 0.2), Link((2,), (2,), 0.9))),
                  "fr", "en")
    assert read_notes(po_data(text, {2: NOTE})) == {("tgt", 1): NOTE}
    assert notes_by_link(text, read_notes(po_data(text, {2: NOTE}))) == {2: NOTE}


def test_notes_by_link_follows_a_merge_and_a_split():
    text = bitext()
    anchored = read_notes(po_data(text, {1: NOTE, 2: "Second note."}))
    assert notes_by_link(text, anchored) == {1: NOTE, 2: "Second note."}
    merged = merge(text, 1, "next")   # links 2 and 3 (1-based) become one
    assert notes_by_link(merged, anchored) == {1: f"{NOTE}\nSecond note."}
    assert notes_by_link(split(merged, 1, 1, 1), anchored) == {1: NOTE, 2: "Second note."}


def test_the_note_shown_is_where_the_save_writes_it(tmp_path):
    """A merge shown with its note on link 1, then saved: the saved file has it there."""
    path = tmp_path / "job.po"
    text = bitext()
    write_po(text, path)
    po = polib.pofile(str(path))
    po[2].tcomment = NOTE
    po.save()
    merged = merge(text, 1, "next")
    shown = notes_by_link(merged, read_notes(path.read_bytes()))
    save_po(merged, path, expected_fingerprint=file_fingerprint(path))
    saved = [e for e in polib.pofile(str(path)) if e.tcomment]
    assert shown == {1: NOTE} and [e.msgctxt for e in saved] == ["src 2,3 / tgt 2,3"]


def test_a_file_alignment_wrote_holds_no_notes(tmp_path):
    path = tmp_path / "plain.po"
    write_po(bitext(), path)
    assert not may_hold_notes(path.read_bytes())
    assert read_notes(path.read_bytes()) == {}


def test_the_row_mark_carries_the_note_escaped():
    mark = note_mark('Say "<b>" & go')
    assert 'title="Say &quot;&lt;b&gt;&quot; &amp; go"' in mark and "<b>" not in mark


@pytest.mark.parametrize("words, changes, held, said, unsaid", [
    (False, 3, "links 4, 5, 15 edited",
     "links 4, 5, 15 edited. Not in the text yet: Recover them puts them back, and one Undo "
     "takes them all back; Discard them deletes them, after asking.", "Recovered"),
    (False, 1, "link 2 edited",
     "link 2 edited. Not in the text yet: Recover it puts it back; Discard it deletes it, "
     "after asking.", "Undo"),
])
def test_the_recovery_box_says_what_each_button_will_do(words, changes, held, said, unsaid):
    from views.recovery import box_text

    text = box_text(words, changes, held, False)
    assert said in text and unsaid not in text


# A reviewer's own note, written from the app's correction panel into the open PO at once.
@pytest.mark.parametrize("typed, kept", [
    ("Ask the client.", "Ask the client."),
    ("  Two lines:  \n  the second.  \n\n", "Two lines:\n  the second."),
    ("", None),   # takes the note out
])
def test_a_note_is_written_on_its_links_entry_and_nothing_else_changes(tmp_path, typed, kept):
    path = tmp_path / "job.po"
    text = bitext()
    path.write_bytes(po_data(text, {2: NOTE}))
    fingerprint = write_note(path, text.alignment.links[2], typed, expected_fingerprint=file_fingerprint(path))
    assert fingerprint == file_fingerprint(path)
    assert notes_by_link(text, read_notes(path.read_bytes())) == ({} if kept is None else {2: kept})
    assert read_po(path) == text   # sentences, links, states as they were
    assert polib.pofile(str(path)).metadata["X-Alignment-Edited"] == "yes"   # a person's work now


def test_the_same_note_again_leaves_the_file_byte_for_byte(tmp_path):
    path = tmp_path / "job.po"
    path.write_bytes(po_data(bitext(), {1: NOTE}))
    before = path.read_bytes()
    write_note(path, bitext().alignment.links[1], f" {NOTE} \n", expected_fingerprint=file_fingerprint(path))
    assert path.read_bytes() == before


def test_a_note_is_refused_where_the_file_changed_or_the_link_is_not_as_saved(tmp_path):
    path = tmp_path / "job.po"
    text = bitext()
    write_po(text, path)
    opened = file_fingerprint(path)
    save_po(merge(text, 0, "next"), path, expected_fingerprint=opened)   # another window saved
    after = path.read_bytes()
    with pytest.raises(POConflict):
        write_note(path, text.alignment.links[3], NOTE, expected_fingerprint=opened)
    merged_here = merge(text, 2, "next")   # merged in this session, not saved: no such entry
    with pytest.raises(InputError, match="save the corrections first"):
        write_note(path, merged_here.alignment.links[2], NOTE, expected_fingerprint=file_fingerprint(path))
    assert path.read_bytes() == after


def test_a_note_written_outlives_the_next_save_of_corrections(tmp_path):
    """The app's Save after a note: the note is carried over (po_guard), once, on its link."""
    path = tmp_path / "job.po"
    text = bitext()
    path.write_bytes(po_data(text, {1: "Old remark."}))
    fingerprint = write_note(path, text.alignment.links[1], NOTE, expected_fingerprint=file_fingerprint(path))
    corrected = merge(text, 2, "next")
    save_po(corrected, path, expected_fingerprint=fingerprint)
    assert notes_by_link(corrected, read_notes(path.read_bytes())) == {1: NOTE}
