"""A PO path that can no longer be read as a file (a folder put in its place) is told, not a
traceback: the reader asks for the file's fingerprint after every save attempt."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment.errors import POConflict
from alignment.po import file_fingerprint, read_po, save_po, write_po
from alignment.types import Alignment, Bitext, Link, Sentence


def _bitext() -> Bitext:
    src = (Sentence("Bonjour."),)
    tgt = (Sentence("Hello."),)
    return Bitext(src, tgt, Alignment((Link((0,), (0,), 0.95),)), "fr", "en")


def test_a_folder_in_the_files_place_has_a_fingerprint_no_file_has(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    write_po(_bitext(), path)
    saved = file_fingerprint(path)
    path.unlink()
    path.mkdir()
    got = file_fingerprint(path)
    assert got not in ("", saved) and len(got) != 64


def test_saving_over_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    write_po(_bitext(), path)
    opened = read_po(path)
    fingerprint = file_fingerprint(path)
    path.unlink()
    path.mkdir()
    with pytest.raises(POConflict, match="is now a folder"):
        save_po(opened, path, expected_fingerprint=fingerprint)
    assert path.is_dir() and not any(path.iterdir())
