"""Recovery drafts written as the changes since a base version: what each correction writes is
small on a whole book, every version reads back as it was (after any correction, an Undo, a
crash in the middle of a write), and drafts written whole by earlier versions are still read."""

from __future__ import annotations

import gc
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignment import atomic, browse, drafts
from alignment.errors import EditError
from alignment.snapshot import _check, _encode
from alignment.types import Alignment, Bitext, Link, Sentence, WordLink


def book(n: int) -> Bitext:
    """n one-to-one links, four to a paragraph; sentences numbered, so none reads like another."""
    src = tuple(Sentence(f"Le pont numéro {k} enjambe la rivière.", k // 4) for k in range(n))
    tgt = tuple(Sentence(f"Bridge number {k} spans the river.", k // 4) for k in range(n))
    return Bitext(src, tgt, Alignment(tuple(Link((k,), (k,), 0.8) for k in range(n))), "fr", "en")


def write(version: Bitext, root: Path, changes: int = 1, session: str = "s1") -> Path:
    return drafts.write_draft(version, root / "book.po", base_fingerprint="f0", changes=changes,
                              root=root, session=session)


def read(root: Path) -> Bitext:
    got = drafts.read_draft(root / "book.po", root=root)
    assert got is not None
    return got.bitext


# Each a correction a person makes in the reader, on a text of at least 12 links.
CORRECTIONS = {
    "edit": lambda b: browse.edit_target(b, 5, 0, "Corrected by hand."),
    "merge": lambda b: browse.merge(b, 2, "next"),
    "split": lambda b: browse.split(browse.merge(b, 2, "next"), 2),
    "move": lambda b: browse.move(b, 7, "tgt", "next"),
    "reviewed": lambda b: browse.mark_reviewed(b, 9),
    "dismiss": lambda b: browse.dismiss(b, 1, "names:Paul"),
    "omission typed": lambda b: browse.add_target(browse.split(b, 4, 1, 0), 4, "Typed in."),
    "addition deleted": lambda b: browse.drop_addition(browse.split(b, 6, 0, 1), 6),
    "omission typed, addition deleted": lambda b: browse.drop_addition(
        browse.add_target(browse.split(b, 4, 1, 0), 4, "Typed in."), 5),   # renumbered and back
    "first link": lambda b: browse.edit_target(b, 0, 0, "The first, corrected."),
    "last link": lambda b: browse.merge(b, len(b.alignment.links) - 1, "prev"),
    "word links": lambda b: replace(b, alignment=replace(b.alignment, links=tuple(
        replace(x, words=(WordLink(0, 0, 0.9),)) for x in b.alignment.links))),
}


@pytest.mark.parametrize("name", CORRECTIONS)
def test_each_correction_reads_back_after_the_first(tmp_path, name):
    """A first correction, then each kind of correction on top of it: the draft is the version."""
    first = browse.edit_target(book(40), 20, 0, "First correction.")
    write(first, tmp_path)
    then = CORRECTIONS[name](first)
    write(then, tmp_path, changes=2)
    assert read(tmp_path) == then


@pytest.mark.parametrize("name", [name for name in CORRECTIONS if name != "word links"])
def test_each_correction_on_a_book_writes_its_changes_alone(tmp_path, name):
    """On a book of 3,000 links, each kind of correction after the first writes a small draft
    file and leaves the base as it was, also one that renumbers every later sentence."""
    first = browse.edit_target(book(3_000), 2_000, 0, "First correction.")
    write(first, tmp_path)
    bases = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.base")}
    then = CORRECTIONS[name](first)
    assert write(then, tmp_path, changes=2).stat().st_size < 1_500
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.base")} == bases
    assert read(tmp_path) == then


def test_undo_back_past_the_first_draft_reads_back(tmp_path):
    """Undo to the file as opened (older than the draft's base) and Redo: each reads back."""
    opened = book(30)
    one = browse.edit_target(opened, 3, 0, "One.")
    two = browse.merge(one, 10)
    for version in (one, two, one, opened, one, two):
        write(version, tmp_path)
        assert read(tmp_path) == version


@pytest.mark.parametrize("n", [2_000, 8_000])
def test_what_a_correction_writes_does_not_grow_with_the_book(tmp_path, n):
    """After the first draft of a session, a correction on a whole book writes its changes, a
    few hundred bytes, not the book (about 3 MB, a second, each time on 7,205 links)."""
    text = book(n)
    first = browse.edit_target(text, 10, 0, "First correction.")
    write(first, tmp_path)
    versions = [first]
    for k, link in enumerate((n // 2, n - 1, 7)):
        versions.append(browse.edit_target(versions[-1], link, 0, f"Correction {k}."))
        path = write(versions[-1], tmp_path, changes=k + 2)
        assert path.stat().st_size < 1_500
        assert read(tmp_path) == versions[-1]


def test_a_big_change_writes_a_new_base_and_the_old_one_goes(tmp_path):
    """Word links found on every link: the version is written whole again, one base kept."""
    first = browse.edit_target(book(200), 1, 0, "First.")
    write(first, tmp_path)
    found = CORRECTIONS["word links"](first)
    write(found, tmp_path, changes=2)
    assert read(tmp_path) == found
    assert len(list(tmp_path.glob("*.base"))) == 1
    small = browse.mark_reviewed(found, 3)
    assert write(small, tmp_path, changes=3).stat().st_size < 1_500
    assert read(tmp_path) == small


def test_a_base_forgotten_in_memory_is_written_again(tmp_path):
    """The version a draft was based on gone from memory (left the undo history): the next
    draft writes a base of its own, and reads back."""
    write(browse.edit_target(book(50), 1, 0, "First."), tmp_path)
    gc.collect()
    later = browse.edit_target(book(50), 2, 0, "Later.")
    write(later, tmp_path)
    assert read(tmp_path) == later
    assert len(list(tmp_path.glob("*.base"))) == 1


def test_a_base_removed_by_another_program_is_written_again(tmp_path):
    first = browse.edit_target(book(50), 1, 0, "First.")
    write(first, tmp_path)
    for base in tmp_path.glob("*.base"):
        base.unlink()
    later = browse.mark_reviewed(first, 4)
    write(later, tmp_path)
    assert read(tmp_path) == later


class Crash(BaseException):
    """The server killed in the middle of a write (not an error the app would catch)."""


@pytest.mark.parametrize("crash_on", ["the new base", "the draft", "the draft after a new base"])
def test_a_crash_in_the_middle_of_a_write_leaves_the_draft_before_it(tmp_path, monkeypatch, crash_on):
    """Killed while a draft is written: the draft as it was before is read, whole."""
    first = browse.edit_target(book(200), 1, 0, "First.")
    write(first, tmp_path)
    second = browse.mark_reviewed(first, 5)
    write(second, tmp_path, changes=2)
    small = browse.edit_target(second, 7, 0, "Third.")
    whole = CORRECTIONS["word links"](second)   # more than a delta is worth: a new base
    target, suffix = {"the new base": (whole, ".base"), "the draft": (small, ".json"),
                      "the draft after a new base": (whole, ".json")}[crash_on]
    real = atomic.atomic_write_text

    def dies(path, text):
        if str(path).endswith(suffix):
            raise Crash
        return real(path, text)
    monkeypatch.setattr(atomic, "atomic_write_text", dies)
    with pytest.raises(Crash):
        write(target, tmp_path, changes=3)
    monkeypatch.setattr(atomic, "atomic_write_text", real)
    assert read(tmp_path) == second
    got = drafts.read_draft(tmp_path / "book.po", root=tmp_path)
    drafts.discard(got)   # and nothing of it is left behind
    assert list(tmp_path.iterdir()) == []


def test_a_crash_before_the_old_base_goes_leaves_the_new_draft(tmp_path, monkeypatch):
    first = browse.edit_target(book(200), 1, 0, "First.")
    write(first, tmp_path)
    whole = CORRECTIONS["word links"](first)
    monkeypatch.setattr(drafts, "_remove_bases", lambda *a, **k: None)
    write(whole, tmp_path, changes=2)
    assert len(list(tmp_path.glob("*.base"))) == 2 and read(tmp_path) == whole
    monkeypatch.undo()
    drafts.discard_draft(tmp_path / "book.po", root=tmp_path, session="s1")
    assert list(tmp_path.iterdir()) == []


def test_a_draft_that_cannot_be_removed_keeps_its_base(tmp_path, monkeypatch):
    """Saved, but the draft file stays (its folder made read-only): it is offered again later,
    whole, not a draft whose base went."""
    first = browse.edit_target(book(20), 1, 0, "First.")
    write(first, tmp_path)
    real = Path.unlink

    def refuses(self, missing_ok=False):
        if self.suffix == ".json":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, missing_ok=missing_ok)
    monkeypatch.setattr(Path, "unlink", refuses)
    drafts.discard_draft(tmp_path / "book.po", root=tmp_path, session="s1")
    monkeypatch.undo()
    assert read(tmp_path) == first


def test_a_draft_whose_base_is_gone_or_damaged_counts_as_none(tmp_path):
    write(browse.edit_target(book(20), 1, 0, "First."), tmp_path)
    base = next(tmp_path.glob("*.base"))
    base.write_text(base.read_text().replace("Bridge number 3", "Bridge number 4"))
    assert drafts.read_draft(tmp_path / "book.po", root=tmp_path) is None
    base.unlink()
    assert drafts.read_draft(tmp_path / "book.po", root=tmp_path) is None
    assert drafts.list_drafts(tmp_path) == []


def test_a_draft_cannot_name_another_file_as_its_base(tmp_path):
    path = write(browse.edit_target(book(20), 1, 0, "First."), tmp_path)
    data = json.loads(path.read_text())
    other = tmp_path / "other.base"
    other.write_text(next(tmp_path.glob("*.base")).read_text())
    data["base"] = "../" + other.name
    path.write_text(json.dumps(data))
    assert drafts.read_draft(tmp_path / "book.po", root=tmp_path) is None


def _format_3(text: str) -> str:
    """A snapshot text as written before dismissals: five fields a link (snapshot format 3)."""
    payload = json.loads(text.partition("\n")[2])
    payload["links"] = [link[:5] for link in payload["links"]]
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return f"3 {_check('f0', body)}\n{body}"


@pytest.mark.parametrize("snapshot_format", [3, 4])
def test_a_whole_draft_written_before_is_still_read(tmp_path, snapshot_format):
    """A draft of format 1 (the whole version in the draft file, as written until now; its
    version in snapshot format 3 before dismissals were kept, 4 since)."""
    edited = browse.edit_target(book(12), 2, 0, "Corrected before the upgrade.")
    whole = _encode(edited, "draft", "f0")
    path = drafts.draft_path(tmp_path / "book.po", tmp_path, "old")
    path.write_text(json.dumps({"format": 1, "po_path": str((tmp_path / "book.po").resolve()),
                                "base_fingerprint": "f0", "changes": 4, "saved_at": 1.0,
                                "title": "Le pont", "key": "k",
                                "bitext": whole if snapshot_format == 4 else _format_3(whole)}))
    got = drafts.read_draft(tmp_path / "book.po", root=tmp_path)
    assert (got.bitext, got.changes, got.title) == (edited, 4, "Le pont")
    assert [d.file for d in drafts.list_drafts(tmp_path)] == [str(path)]
    drafts.discard(got)
    assert list(tmp_path.iterdir()) == []


def test_each_session_keeps_its_own_base(tmp_path):
    """Two openings of one PO: each session's draft reads back its own version; saving one
    (its draft discarded) leaves the other whole."""
    text = book(30)
    mine, theirs = browse.edit_target(text, 1, 0, "Mine."), browse.edit_target(text, 2, 0, "Theirs.")
    write(mine, tmp_path, session="a")
    write(theirs, tmp_path, session="b")
    mine2 = browse.mark_reviewed(mine, 6)
    write(mine2, tmp_path, session="a")
    drafts.discard_draft(tmp_path / "book.po", root=tmp_path, session="b")
    assert [d.bitext for d in drafts.drafts_of(tmp_path / "book.po", tmp_path)] == [mine2]


STEPS = st.lists(st.tuples(st.sampled_from(["edit", "merge", "split", "move", "reviewed", "add",
                                            "drop", "undo"]),
                           st.integers(0, 10**6), st.sampled_from(["src", "tgt"]),
                           st.sampled_from(["prev", "next"])), min_size=1, max_size=12)


def _step(history: browse.History, op: str, at: int, side: str, direction: str) -> browse.History:
    b = history.current
    i = at % len(b.alignment.links)
    try:
        after = {"edit": lambda: browse.edit_target(b, i, 0, f"Edited {at}."),
                 "merge": lambda: browse.merge(b, i, direction),
                 "split": lambda: browse.split(b, i, at % 3 if len(b.alignment.links[i].src) > 1
                                               else 1, 0),
                 "move": lambda: browse.move(b, i, side, direction),
                 "reviewed": lambda: browse.mark_reviewed(b, i, bool(at % 2)),
                 "add": lambda: browse.add_target(b, i, f"Typed {at}."),
                 "drop": lambda: browse.drop_addition(b, i),
                 "undo": lambda: None}[op]()
    except EditError:
        return history
    return history.undo() if after is None else history.push(after)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_any_run_of_corrections_and_undos_reads_back(tmp_path_factory, steps):
    """Whatever the corrections and Undos, in whatever order, each draft reads back as the
    version shown (the app writes one after each)."""
    root = tmp_path_factory.mktemp("drafts")
    history = browse.History(book(16))
    for step in steps:
        history = _step(history, *step)
        write(history.current, root)
        assert read(root) == history.current
