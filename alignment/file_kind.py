"""What a path names when it is neither a file nor a folder: a device, a pipe or a socket.

Why ask before opening it: reading /dev/zero never ends (a MemoryError after gigabytes, or the
machine's memory: `-o /dev/full` grew to 21 GB, as the check for an edited PO read the old
output whole), and opening a named pipe blocks until a writer comes (`check ff.po` hung, and so
did `-o /dev/stdout | cat`, which opened the pipe's other end). `os.stat` opens nothing.
Standard library only: the CLI's argument checks and the PO reader both ask.
"""

from __future__ import annotations

import os
import stat

from .errors import InputError


def special_kind(path: str | os.PathLike[str]) -> str | None:
    """'a device', 'a pipe' or 'a socket' for what `path` names (a link followed); None for a
    file, a folder, or nothing there (their own messages say those)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    return "a socket" if stat.S_ISSOCK(mode) else "a special file"


def refuse_special(path: str | os.PathLike[str], advice: str, said: str = "") -> None:
    """InputError '<said> is a device, not a file: <advice>' where `path` is no file or folder.
    `said` names it as the person gave it ('-o /dev/full'; default: the path)."""
    kind = special_kind(path)
    if kind is not None:
        raise InputError(f"{said or os.fspath(path)} is {kind}, not a file: {advice}")
