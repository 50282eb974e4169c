"""What the app keeps in its lasting folder (alignment.kept): listed, and found again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from alignment.errors import InputError
from alignment.kept import aligned_pair, kept_files
from alignment.po import file_fingerprint, write_po
from alignment.types import Alignment, Bitext, Link, Sentence
from alignment.workspace import aligned_dir, aligned_path, digest_of


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    aligned_dir().mkdir(parents=True)
    return aligned_dir()


def pair(src_lang: str = "fr", tgt_lang: str = "en") -> Bitext:
    s = (Sentence("Le pont."),)
    t = (Sentence("The bridge."),)
    return Bitext(s, t, Alignment((Link((0,), (0,), 0.95),)), src_lang, tgt_lang)


def touch(path: Path, when: float, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text or "x", encoding="utf-8")
    os.utime(path, (when, when))
    return path


def test_kept_files_lists_pairs_sets_and_uploads_newest_first(folder: Path) -> None:
    touch(folder / "pont-fr--pont-en-6173b56e.po", 1000)
    touch(folder / "Histoire--2-versions-0a1b2c3d.tmx", 2000)
    touch(folder / "Histoire--2-versions-0a1b2c3d.fr-en1.po", 3500)   # a pair corrected later
    touch(folder / "Histoire--2-versions-0a1b2c3d.fr-en2.po", 2000)
    touch(folder / "uploaded" / "notes-deadbeef.po", 3000)
    touch(folder / ".pont-fr--pont-en-6173b56e.po.lock", 4000)
    kept = kept_files()
    assert [(k.label, k.kind, k.modified) for k in kept] == [
        ("Histoire (2 versions)", "set", 3500),       # its pair POs are opened by the set
        ("notes", "upload", 3000),
        ("pont-fr ↔ pont-en", "pair", 1000)]


def test_kept_files_of_an_empty_or_missing_folder(tmp_path: Path) -> None:
    assert kept_files(tmp_path / "nowhere") == []
    assert kept_files(tmp_path) == []


def test_a_set_name_with_brackets_finds_its_pairs(folder: Path) -> None:
    touch(folder / "A[1]--2-versions-0a1b2c3d.tmx", 1000)
    touch(folder / "A[1]--2-versions-0a1b2c3d.fr-en.po", 2000)
    assert [(k.kind, k.modified) for k in kept_files()] == [("set", 2000)]


def test_the_same_uploads_find_their_alignment_again(folder: Path) -> None:
    digest = digest_of([b"Le pont.", b"The bridge."])
    path, kept = aligned_pair("pont-fr.txt", "pont-en.txt", digest, "fr", "en")
    assert path == aligned_path("pont-fr.txt", "pont-en.txt", digest) and kept is None
    write_po(pair(), path)
    again, kept = aligned_pair("pont-fr.txt", "pont-en.txt", digest, "fr", "en")
    assert again == path and kept == (pair(), file_fingerprint(path))


def test_other_languages_go_beside_and_a_broken_file_is_never_replaced(folder: Path) -> None:
    digest = digest_of([b"Le pont.", b"The bridge."])
    base = aligned_path("a.txt", "b.txt", digest)
    write_po(pair(), base)
    other, kept = aligned_pair("a.txt", "b.txt", digest, "fr", "de")   # a language corrected
    assert other == base.with_name(f"{base.stem}-fr-de.po") and kept is None
    other.write_text("not a PO", encoding="utf-8")
    with pytest.raises(InputError, match="move them away"):
        aligned_pair("a.txt", "b.txt", digest, "fr", "de")
    assert other.read_text(encoding="utf-8") == "not a PO"
