"""No hidden `.NAME.po.lock` is left beside a PO after a save (po_guard.locked removes it,
still holding it): every save left one in the user's folder. Safe as long as every holder
re-checks that the file it locked is the one named (po_guard._acquire): of saves started from
one version exactly one still wins. Where filelock does not say which file it locked, the lock
file stays, as filelock leaves it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from filelock import FileLock

from alignment.check_po import annotate_po
from alignment.errors import POConflict
from alignment.po import file_fingerprint, read_po, save_po, write_po
from alignment.types import Alignment, Bitext, Link, Sentence


def bitext(text: str = "It rains.") -> Bitext:
    return Bitext((Sentence("Il pleut."),), (Sentence(text),),
                  Alignment((Link((0,), (0,), 0.95),)), "fr", "en")


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def new_po(po: Path) -> None:
    write_po(bitext(), po)


def replaced(po: Path) -> None:
    write_po(bitext(), po)
    write_po(bitext("It pours."), po)


def saved(po: Path) -> None:
    write_po(bitext(), po)
    save_po(bitext("It pours."), po, expected_fingerprint=file_fingerprint(po))


def annotated(po: Path) -> None:
    write_po(bitext(), po)
    annotate_po(po, [])


def left_by_an_older_save(po: Path) -> None:
    """A lock file every earlier version left: the next save takes it away."""
    write_po(bitext(), po)
    (po.parent / f".{po.name}.lock").touch()
    save_po(read_po(po), po, expected_fingerprint=file_fingerprint(po))


@pytest.mark.parametrize("save", [new_po, replaced, saved, annotated, left_by_an_older_save],
                         ids=lambda f: f.__name__)
def test_a_save_leaves_no_lock_file_beside_the_po(tmp_path, save):
    po = tmp_path / "out.po"
    save(po)
    assert po.is_file()
    assert hidden(tmp_path) == []


def test_where_filelock_does_not_say_its_file_the_lock_file_stays(tmp_path, monkeypatch):
    """Without the descriptor the holder cannot re-check the file it locked, so removing it
    could let two saves win: filelock's own behaviour is kept."""
    real = FileLock.acquire

    def without_fd(self, *args, **kwargs):
        got = real(self, *args, **kwargs)
        monkeypatch.setattr(self, "_context", object(), raising=False)
        return got

    monkeypatch.setattr(FileLock, "acquire", without_fd)
    monkeypatch.setattr(FileLock, "release", lambda self, force=False: None)
    write_po(bitext(), tmp_path / "out.po")
    assert hidden(tmp_path) == [".out.po.lock"]


def test_of_saves_started_from_one_version_exactly_one_wins(tmp_path):
    po = tmp_path / "out.po"
    write_po(bitext(), po)
    version = file_fingerprint(po)
    results: list[str] = []
    start = threading.Barrier(8)

    def save(k: int) -> None:
        start.wait()
        try:
            save_po(bitext(f"It pours {k}."), po, expected_fingerprint=version)
            results.append("won")
        except POConflict:
            results.append("refused")

    threads = [threading.Thread(target=save, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["refused"] * 7 + ["won"]
    assert hidden(tmp_path) == []
