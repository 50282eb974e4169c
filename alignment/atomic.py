"""Atomic file writes (temp file + os.replace): readers see the old file or the new, never half.

Every module that writes a file a person keeps (PO, TMX, exports, corpora, drafts, snapshots)
writes through here. It sits below po.py and snapshot.py, which both need it, so neither imports
the other for it. Standard library only (tempfile, os.replace).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes | memoryview) -> Path:
    """Write `data` to `path` atomically: a reader sees the old file or the new one, never half.

    The temporary file lives in the same folder (os.replace is atomic only within one file
    system) and takes the old file's permissions, or the umask default for a new file. A
    symbolic link is written through: its target gets the new bytes and the link stays (the
    rename replaced the link with a plain file, leaving the file it pointed to stale). A pipe or
    a device (/dev/null, a FIFO a reader waits on) is refused, InputError: the rename replaced
    it with a plain file, and the reader got nothing. The path returned is the one asked for.
    """
    asked = path = Path(path)
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
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:  # name the file the caller asked for, not our temporary one
        raise type(exc)(exc.errno, exc.strerror, str(asked)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return asked


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write `text` as UTF-8 atomically, newlines as given (no platform translation)."""
    return atomic_write_bytes(path, text.encode("utf-8"))
