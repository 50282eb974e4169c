"""Atomic file writes (temp file + os.replace): readers see the old file or the new, never half.

Every module that writes a file a person keeps (PO, TMX, exports, corpora, drafts, snapshots)
writes through here. It sits below po.py and snapshot.py, which both need it, so neither imports
the other for it. Standard library only (tempfile, os.replace).

The hidden files beside a target (the temporary `.NAME.XXXXXXXX.w.tmp`, po_guard's `.NAME.lock`)
are named by `hidden_prefix`, which keeps them within the file system's name limit, and a
temporary file a killed run left behind is removed when its target is written next: at once,
as its writer holds a lock on it (flock) that the system drops when the writer dies, even by
kill -9; after an hour where locks cannot be told (or the file is an older version's `.tmp`).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

try:
    import fcntl
except ImportError:   # no flock (Windows): a temporary file's age alone says it was left
    fcntl = None  # type: ignore[assignment]

NAME_MAX = 255        # bytes in one file name (ext4, XFS, Btrfs, tmpfs, APFS)
STALE_AFTER = 3600.0  # seconds: a temporary file untouched this long belongs to no running write
_RANDOM = 8           # tempfile.mkstemp's random part: 8 of [a-z0-9_]
_TMP = ".tmp"         # the temporary files of versions before the lock, removed by age only
_HELD = ".w.tmp"      # ours now: the writer holds a flock on it until it is renamed or removed
HELD_GRACE = 5.0      # seconds: mkstemp creates the file unlocked; its writer locks it at once
_WRITING: set[str] = set()   # this process's temporary files (threads: the app's sessions)


def hidden_prefix(name: str, tail: int) -> str:
    """'.NAME.' for a hidden file beside NAME whose remaining `tail` bytes follow, within
    NAME_MAX bytes: a name the file system accepts (up to 255 bytes) could not be written,
    as '.NAME.lock' or '.NAME.XXXXXXXX.tmp' was longer. Too long, NAME is cut (at a character,
    UTF-8 counted in bytes) and a hash of the whole name added, so two long names never share."""
    full = f".{name}."
    if len(os.fsencode(full)) + tail <= NAME_MAX:
        return full
    digest = hashlib.sha256(os.fsencode(name)).hexdigest()[:8]
    room = NAME_MAX - tail - len(f"..~{digest}")
    cut = name
    while len(os.fsencode(cut)) > room:
        cut = cut[:-1]
    return f".{cut}~{digest}."


def _temp_prefix(path: Path, suffix: str = _HELD) -> str:
    return hidden_prefix(path.name, _RANDOM + len(suffix))


def _temp_names(path: Path, suffix: str) -> re.Pattern[str]:
    prefix = _temp_prefix(path, suffix)
    return re.compile(re.escape(prefix) + f"[a-z0-9_]{{{_RANDOM}}}" + re.escape(suffix) + r"\Z")


def remove_stale_temps(path: str | os.PathLike[str], *, older_than: float = STALE_AFTER) -> int:
    """Delete the temporary files of `path` that a killed or failed run left: only our own, plain
    files; a `.NAME.XXXXXXXX.w.tmp` that no process holds locked (its writer is gone: a rerun
    after kill -9 found it there for an hour), and any untouched for `older_than` seconds (a
    write in progress renews its file's time; an older version's `.tmp` holds no lock). Returns
    how many; a file that cannot be removed is left."""
    path = Path(path)
    held, unheld = _temp_names(path, _HELD), _temp_names(path, _TMP)
    removed, now = 0, time.time()
    try:
        entries = os.scandir(path.parent)
    except OSError:
        return 0
    with entries:
        for entry in entries:
            locks = bool(held.match(entry.name))
            if not (locks or unheld.match(entry.name)) or os.path.abspath(entry.path) in _WRITING:
                continue   # not ours, or being written by this very process
            try:
                status = entry.stat(follow_symlinks=False)
                age = now - status.st_mtime
                if stat.S_ISREG(status.st_mode) and (
                        age > older_than or (locks and age > HELD_GRACE and _unheld(entry.path))):
                    os.unlink(entry.path)
                    removed += 1
            except OSError:
                continue
    return removed


def _unheld(path: str) -> bool:
    """Whether no process holds the lock that a writer keeps on its temporary file; False where
    it cannot be told (no flock here, a file we may not open)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)   # shared: a read-only open may take it
        return True
    except OSError:   # held (EWOULDBLOCK), or locks not kept on this file system
        return False
    finally:
        os.close(fd)


def _hold(fd: int) -> None:
    """Lock our new temporary file for as long as it is open (see remove_stale_temps)."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:   # no locks on this file system: the file's age tells, as before
            pass


def write_advice(error: OSError, fallback: str = "check the folder exists and is writable") -> str:
    """What to do about a file that could not be written, by the reason the system gave."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "free some space or write elsewhere"
    if error.errno == errno.ENAMETOOLONG:
        return "use a shorter name"
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "the folder or file is read-only: make it writable or write elsewhere"
    return fallback


def _named(exc: OSError, asked: Path) -> OSError:
    """`exc` naming the file the caller asked for: not our temporary file, nor nothing (a full
    disk's error from write or fsync names no file, and the message read 'Error: : ...')."""
    if exc.errno is None:
        return exc
    return type(exc)(exc.errno, exc.strerror, str(asked))


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _stage(asked: Path, data: bytes | memoryview) -> tuple[str, Path, int]:
    """Write `data` to a synced temporary file beside the target; (temporary path, target, its
    descriptor, open and locked until the caller closes it: after the rename)."""
    path = asked
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):   # the rename would replace the pipe or device
            from .errors import InputError
            raise InputError(f"{asked} is not a plain file (a folder, pipe or device): it would "
                             f"be replaced by one; give the path of a file to write")
        mode = status.st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise _named(exc, asked) from None
    remove_stale_temps(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_temp_prefix(path), suffix=_HELD)
    except OSError as exc:
        raise _named(exc, asked) from None
    _WRITING.add(os.path.abspath(tmp))
    try:
        _hold(fd)
        with os.fdopen(fd, "wb", closefd=False) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
    except BaseException as exc:
        _discard(tmp)
        _close(fd, tmp)
        if isinstance(exc, OSError):
            raise _named(exc, asked) from None
        raise
    return tmp, path, fd


def _close(fd: int, tmp: str) -> None:
    """Close a temporary file's descriptor (its lock goes with it)."""
    _WRITING.discard(os.path.abspath(tmp))
    try:
        os.close(fd)
    except OSError:
        pass


def atomic_write_many(items: Sequence[tuple[str | os.PathLike[str], bytes | memoryview]]
                      ) -> list[Path]:
    """Write several files that belong together (Moses' two sides): every temporary file is
    written first, then all are renamed, so a failure or an interruption before the renames
    leaves every old file as it was, never one side new and the other old. Paths as asked."""
    asked = [Path(path) for path, _ in items]
    staged: list[tuple[str, Path, int]] = []
    renamed = 0
    try:
        for path, (_, data) in zip(asked, items):
            staged.append(_stage(path, data))
        for (tmp, target, _), path in zip(staged, asked):
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise _named(exc, path) from None
            renamed += 1
    except BaseException:
        for tmp, _, _ in staged[renamed:]:
            _discard(tmp)
        raise
    finally:
        for tmp, _, fd in staged:
            _close(fd, tmp)
    return asked


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes | memoryview) -> Path:
    """Write `data` to `path` atomically: a reader sees the old file or the new one, never half.

    The temporary file lives in the same folder (os.replace is atomic only within one file
    system) and takes the old file's permissions, or the umask default for a new file. A
    symbolic link is written through: its target gets the new bytes and the link stays (the
    rename replaced the link with a plain file, leaving the file it pointed to stale). A pipe or
    a device (/dev/null, a FIFO a reader waits on) is refused, InputError: the rename replaced
    it with a plain file, and the reader got nothing. The path returned is the one asked for,
    and an OSError names it whatever step failed.
    """
    return atomic_write_many([(path, data)])[0]


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write `text` as UTF-8 atomically, newlines as given (no platform translation)."""
    return atomic_write_bytes(path, text.encode("utf-8"))
