"""The save lock beside a PO (po_guard.locked): a write that was refused or failed, and so
created no PO, leaves no hidden `.NAME.lock` beside nothing; neither does a save, nor a lock
file that was there before (its holder removes it, still holding it); and a holder never keeps
a lock file that was removed under it."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from alignment import po_guard
from alignment.errors import AlignmentError
from alignment.po import write_po
from alignment.types import Alignment, Bitext, Link, Sentence


def bitext() -> Bitext:
    return Bitext((Sentence("Il pleut."),), (Sentence("It rains."),),
                  Alignment((Link((0,), (0,), 0.9),)), "fr", "en")


def lock_of(po: Path) -> Path:
    return po.parent / f".{po.name}.lock"


def disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def dangling(po: Path) -> None:
    po.symlink_to(po.parent / "gone" / "real.po")   # its folder is not there: the write fails


@pytest.mark.parametrize("refuse", ["disk full", "dangling link"])
def test_a_refused_write_of_a_new_po_leaves_no_lock(tmp_path, monkeypatch, refuse):
    po = tmp_path / "out.po"
    if refuse == "disk full":
        monkeypatch.setattr("alignment.po.atomic_write_bytes", disk_full)
    else:
        dangling(po)
    with pytest.raises((AlignmentError, OSError)):
        write_po(bitext(), po)
    assert not po.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("before, after", [
    ("lock there before", False),   # left by an older save: its holder re-checks (_acquire)
    ("po written", False),          # removed after every save too (test_po_lock_removed.py)
])
def test_a_lock_beside_a_po_or_left_before_goes_when_the_save_ends(tmp_path, monkeypatch, before, after):
    po = tmp_path / "out.po"
    if before == "lock there before":
        lock_of(po).touch()
        monkeypatch.setattr("alignment.po.atomic_write_bytes", disk_full)
        with pytest.raises((AlignmentError, OSError)):
            write_po(bitext(), po)
    else:
        write_po(bitext(), po)
    assert lock_of(po).exists() is after


def test_a_lock_file_removed_under_a_waiter_is_locked_again(tmp_path, monkeypatch):
    """Another process removed the lock file between this one's open and its lock (as
    `locked` does beside nothing): holding that removed file would let a third process lock
    a new one and both win. The holder locks the file named again, so a third cannot."""
    po = tmp_path / "out.po"
    real = FileLock.acquire
    removed = []

    def acquire_then_removed(self, *args, **kwargs):
        got = real(self, *args, **kwargs)
        if not removed:
            removed.append(Path(self.lock_file))
            Path(self.lock_file).unlink()   # as the other process's `locked` leaving
        return got

    monkeypatch.setattr(FileLock, "acquire", acquire_then_removed)
    with po_guard.locked(po):
        assert removed and lock_of(po).exists()
        with pytest.raises(Timeout):
            FileLock(lock_of(po), timeout=0).acquire()
    assert not lock_of(po).exists()   # no PO was written: it goes too
