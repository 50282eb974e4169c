"""What tells apart the start page's files of one name (alignment.kept_details): the same texts
aligned again with a revised translation, or from a PDF of the original, were listed as
identical buttons 'le_vieux_pont ↔ the_old_bridge', and aligning the revision said nothing of
the corrected file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from alignment.kept import kept_files, note_copy
from alignment.kept_details import (corrected_words, details, earlier_corrected, note_sources,
                                    reviewed_links, when_changed)
from alignment.po import write_po
from alignment.types import Alignment, Bitext, Link, Sentence
from alignment.workspace import aligned_dir, aligned_path

NOW = time.mktime((2025, 12, 5, 15, 30, 0, 0, 0, -1))


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    aligned_dir().mkdir(parents=True)
    return aligned_dir()


def story(reviewed: int, links: int = 8) -> Bitext:
    src = tuple(Sentence(f"Phrase {k}.") for k in range(links))
    tgt = tuple(Sentence(f"Sentence {k}.") for k in range(links))
    return Bitext(src, tgt, Alignment(tuple(Link((k,), (k,), 0.95, reviewed=k < reviewed)
                                            for k in range(links))), "fr", "en")


def kept(src: str, tgt: str, digest: str, reviewed: int, when: float) -> Path:
    path = aligned_path(src, tgt, digest)
    write_po(story(reviewed), path, overwrite_edited=True)
    os.utime(path, (when, when))
    note_sources(path, src, tgt)
    return path


def at(day: int, hour: int, minute: int, month: int = 12, year: int = 2025) -> float:
    return time.mktime((year, month, day, hour, minute, 0, 0, 0, -1))


@pytest.mark.parametrize("moment, now, said", [
    (at(5, 10, 42), NOW, "today 10:42"),
    (at(5, 0, 3), NOW, "today 00:03"),
    (at(4, 23, 59), NOW, "yesterday 23:59"),
    (at(3, 9, 5), NOW, "3 Dec 2025 09:05"),
    (at(31, 18, 0, 12, 2024), at(1, 8, 0, 1, 2025), "yesterday 18:00"),   # across a new year
    (at(5, 10, 42, 12, 2024), NOW, "5 Dec 2024 10:42"),                  # same day, a year ago
])
def test_when_a_file_changed_is_said_as_a_person_would(moment: float, now: float,
                                                       said: str) -> None:
    assert when_changed(moment, now) == said


@pytest.mark.parametrize("count, said", [
    (None, ""), (0, "none corrected yet"), (1, "1 link corrected or reviewed"),
    (6, "6 links corrected or reviewed"), (1200, "1,200 links corrected or reviewed"),
])
def test_corrected_words(count: int | None, said: str) -> None:
    assert corrected_words(count) == said


def test_files_of_one_name_are_told_apart_by_time_corrections_and_the_originals_type(
        folder: Path) -> None:
    kept("le_vieux_pont.docx", "the_old_bridge.docx", "a" * 16, 6, at(5, 10, 42))
    kept("le_vieux_pont.pdf", "the_old_bridge.docx", "b" * 16, 0, at(4, 9, 5))
    kept("moulin.txt", "mill.txt", "c" * 16, 1, at(3, 8, 0))   # one of its name: no type said
    found = kept_files()
    assert [k.label for k in found] == ["le_vieux_pont ↔ the_old_bridge"] * 2 + ["moulin ↔ mill"]
    assert details(found, NOW) == [
        "changed today 10:42 · 6 links corrected or reviewed · original: DOCX",
        "changed yesterday 09:05 · none corrected yet · original: PDF",
        "changed 3 Dec 2025 08:00 · 1 link corrected or reviewed"]


def test_the_same_originals_type_is_not_said_and_a_copy_saved_is_what_is_counted(
        folder: Path, tmp_path: Path) -> None:
    first = kept("pont.txt", "bridge.txt", "a" * 16, 2, at(5, 10, 0))
    kept("pont.txt", "bridge.txt", "b" * 16, 0, at(5, 9, 0))
    copy = tmp_path / "mine.po"
    write_po(story(5), copy)
    os.utime(copy, (at(5, 11, 15), at(5, 11, 15)))
    note_copy(first, copy)
    assert details(kept_files(), NOW) == [
        "changed today 11:15 · 5 links corrected or reviewed",   # the copy opens
        "changed today 09:00 · none corrected yet"]


def test_a_po_that_cannot_be_read_is_listed_with_its_time_alone(folder: Path) -> None:
    bad = folder / "a--b-0123abcd.po"
    bad.write_text("not a PO", encoding="utf-8")
    os.utime(bad, (at(5, 7, 7), at(5, 7, 7)))
    assert reviewed_links(bad) is None
    assert details(kept_files(), NOW) == ["changed today 07:07"]


def test_the_count_follows_the_file_as_it_changes(folder: Path) -> None:
    path = kept("a.txt", "b.txt", "a" * 16, 1, at(5, 10, 0))
    assert reviewed_links(path) == 1
    write_po(story(3), path, overwrite_edited=True)
    assert reviewed_links(path) == 3


def test_aligning_again_names_the_earlier_alignment_with_corrections(folder: Path) -> None:
    kept("le_vieux_pont.docx", "the_old_bridge.docx", "a" * 16, 6, at(5, 10, 42))
    kept("le_vieux_pont.docx", "the_old_bridge.docx", "b" * 16, 0, at(4, 10, 0))  # none: not said
    kept("autre.docx", "other.docx", "d" * 16, 4, at(5, 11, 0))                   # another name
    new = kept("le_vieux_pont.docx", "the_old_bridge.docx", "c" * 16, 0, NOW)
    said = earlier_corrected(new, NOW)
    assert said.startswith("An earlier alignment of le_vieux_pont ↔ the_old_bridge, with 6 links "
                           "corrected or reviewed, is kept: nothing of it was carried over here.")
    assert "open it from “Aligned or uploaded here before” (changed today 10:42)" in said


@pytest.mark.parametrize("earlier_reviewed", [0, None])
def test_nothing_is_said_without_an_earlier_corrected_alignment(
        folder: Path, earlier_reviewed: int | None) -> None:
    if earlier_reviewed is not None:
        kept("pont.txt", "bridge.txt", "a" * 16, earlier_reviewed, at(5, 10, 0))
    new = kept("pont.txt", "bridge.txt", "c" * 16, 3, NOW)   # its own corrections do not count
    assert earlier_corrected(new, NOW) == ""


def test_two_earlier_corrected_alignments_name_the_newest(folder: Path) -> None:
    kept("pont.txt", "bridge.txt", "a" * 16, 2, at(5, 9, 0))
    kept("pont.txt", "bridge.txt", "b" * 16, 4, at(5, 10, 0))
    new = kept("pont.txt", "bridge.txt", "c" * 16, 0, NOW)
    assert earlier_corrected(new, NOW).startswith(
        "An earlier alignment of pont ↔ bridge, with 4 links corrected or reviewed, is kept "
        "(and 1 more):")
