"""Atomic writes (atomic.py): errors that name the file, names near the length limit, the
temporary files a killed run leaves, and files written together."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

import alignment.atomic as atomic
from alignment.atomic import atomic_write_bytes, atomic_write_text

NAME_MAX = 255   # bytes in one file name (ext4, tmpfs: where the tests run)

FULL = (errno.ENOSPC, "No space left on device")


def _full_disk(*args, **kwargs):
    raise OSError(*FULL)   # as the system says it: no file named


@pytest.mark.parametrize("step", ["fsync", "chmod", "replace"])
def test_a_failed_step_names_the_file_asked_for(tmp_path, monkeypatch, step):
    """A full disk fails write or fsync with an error naming no file: the CLI said
    'Error: : cannot write (No space left on device)'. os.replace named the temporary file."""
    path = tmp_path / "out.tmx"
    path.write_text("old")
    monkeypatch.setattr(os, step, _full_disk)
    with pytest.raises(OSError) as caught:
        atomic_write_text(path, "new")
    assert (caught.value.errno, caught.value.filename) == (errno.ENOSPC, str(path))
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["out.tmx"]


@pytest.mark.parametrize("name", [
    "x" * 251 + ".po",               # 254 bytes: '.NAME.lock' and '.NAME.XXXXXXXX.tmp' were over 255
    "y" * 240 + ".tmx",
    "é" * 122 + ".po",               # 247 bytes in UTF-8, 125 characters
    "短" * 83 + ".tsv",              # 253 bytes
])
def test_any_name_the_file_system_takes_can_be_written(tmp_path, name):
    from alignment.po import file_fingerprint, read_po, save_po, write_po
    from test_po import small_bitext

    assert len(os.fsencode(name)) <= NAME_MAX
    path = tmp_path / name
    atomic_write_text(path, "one")
    assert path.read_text() == "one"
    po = path.with_name(name[:-4] + ".po")
    write_po(small_bitext(), po)                 # under its lock, `.NAME.lock`
    save_po(read_po(po), po, expected_fingerprint=file_fingerprint(po))
    assert all(len(os.fsencode(p.name)) <= NAME_MAX for p in tmp_path.iterdir())
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("name, tail, kept", [
    ("out.po", 12, ".out.po."),
    ("x" * 241, 12, "." + "x" * 241 + "."),     # 255 exactly: left as it is
])
def test_hidden_names_change_only_when_too_long(name, tail, kept):
    assert atomic.hidden_prefix(name, tail) == kept


def test_two_long_names_never_share_a_hidden_name():
    a, b = "a" * 250 + "1.po", "a" * 250 + "2.po"
    pa, pb = atomic.hidden_prefix(a, 12), atomic.hidden_prefix(b, 12)
    assert pa != pb and len(os.fsencode(pa)) + 12 <= NAME_MAX >= len(os.fsencode(pb)) + 12


def _aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"half")
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_a_write_removes_its_targets_stale_temporary_files_only(tmp_path):
    """A killed run left `.out.po.XXXXXXXX.tmp` for ever (79 MB for the encoder's weights)."""
    stale = _aged(tmp_path / ".out.po.abcd_123.tmp", 7200)
    others = [_aged(tmp_path / ".out.po.efgh4567.tmp", 60),       # a write in progress
              _aged(tmp_path / ".other.po.abcd_123.tmp", 7200),   # another file's
              _aged(tmp_path / ".out.po.abc.tmp", 7200),          # not mkstemp's
              _aged(tmp_path / "out.po.abcd_123.tmp", 7200)]      # not hidden: someone's file
    atomic_write_text(tmp_path / "out.po", "new")
    assert not stale.exists() and all(p.exists() for p in others)
    assert atomic.remove_stale_temps(tmp_path / "out.po", older_than=30) == 1   # the one in progress


def test_the_encoders_weights_drop_a_temporary_copy_a_killed_run_left(tmp_path):
    """The first run writes the 79 MB copy; killed meanwhile, the temporary file stayed, and
    the next run (the copy then sound) never wrote again to clear it."""
    from alignment.use_tokenizer import resource_path
    from alignment.use_weights import copies_written, load_weights, unpacked_path

    packed = resource_path("weights.npz")
    load_weights(packed, tmp_path, "0.2.1")
    copies_written()   # written on a thread of its own
    copy = unpacked_path(packed, tmp_path, "0.2.1")
    left = _aged(tmp_path / f".{copy.name}.k1ll3d_x.tmp", 7200)
    load_weights(packed, tmp_path, "0.2.1")
    assert not left.exists() and [p.name for p in tmp_path.iterdir()] == [copy.name]


@pytest.mark.parametrize("interruption", [OSError(*FULL), KeyboardInterrupt()])
def test_files_written_together_are_all_old_or_all_new(tmp_path, monkeypatch, interruption):
    a, b = tmp_path / "m.fr", tmp_path / "m.en"
    a.write_text("vieux\n")
    b.write_text("old\n")
    real, calls = os.fsync, []

    def second_fails(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise interruption
        real(fd)
    monkeypatch.setattr(os, "fsync", second_fails)
    with pytest.raises(type(interruption)):
        atomic.atomic_write_many([(a, b"nouveau\n"), (b, b"new\n")])
    assert (a.read_text(), b.read_text()) == ("vieux\n", "old\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.en", "m.fr"]
    monkeypatch.setattr(os, "fsync", real)
    assert atomic.atomic_write_many([(a, b"nouveau\n"), (b, b"new\n")]) == [a, b]
    assert (a.read_text(), b.read_text()) == ("nouveau\n", "new\n")


@pytest.mark.parametrize("code, advice", [
    (errno.ENOSPC, "free some space or write elsewhere"),
    (errno.EDQUOT, "free some space or write elsewhere"),
    (errno.ENAMETOOLONG, "use a shorter name"),
    (errno.EROFS, "read-only"),
    (errno.EACCES, "read-only"),
    (errno.ENOENT, "check the folder exists and is writable"),
])
def test_the_advice_fits_the_reason(code, advice):
    assert advice in atomic.write_advice(OSError(code, os.strerror(code)))


def test_a_pipe_is_still_refused_and_a_link_written_through(tmp_path):
    from alignment.errors import InputError

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a plain file"):
        atomic_write_bytes(fifo, b"x")
    target = tmp_path / "target.txt"
    target.write_text("old")
    (tmp_path / "link.txt").symlink_to(target)
    assert atomic_write_bytes(tmp_path / "link.txt", b"new") == tmp_path / "link.txt"
    assert target.read_text() == "new" and (tmp_path / "link.txt").is_symlink()
