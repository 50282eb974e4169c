"""File names the app makes from a person's file names (the PO files it keeps), readable in
every script.

Why: the names were cut to ASCII letters, so '茶馆.txt' and '図書館.txt' both became 'text' and
the start page, which shows a kept file by its name (kept.py), listed two pairs as 'text ↔
text' and an uploaded '茶馆_校对.po' as 'po'. Letters, digits and marks of every script stay
('茶馆', 'القاهرة', 'Москва', 'Traducción', 'हिन्दी'); what Linux, macOS or Windows cannot hold in a
name (/ \\ : * ? " < > |, control characters) or would misread (a leading dot: hidden; a
trailing dot or space; a device name such as 'CON') does not.
"""

from __future__ import annotations

import re
import unicodedata

# A file system allows 255 bytes for a name; a Chinese character takes 3 of them in UTF-8
MAX_NAME_BYTES = 100
_WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{k}" for k in range(1, 10)),
                              *(f"LPT{k}" for k in range(1, 10))})
_RUNS = re.compile("\0+")


def _kept(c: str) -> bool:
    return c.isalnum() or c in "._-" or unicodedata.category(c).startswith("M")


def readable_filename(name: str, default: str = "upload", max_bytes: int = MAX_NAME_BYTES) -> str:
    """`name` without its folders, made a safe file name: each run of characters other than
    letters, digits, marks and . _ - is one '_', no dot, '_' or '-' at either end, at most
    `max_bytes` bytes in UTF-8 (cut between characters); `default` where nothing is left."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    base = _RUNS.sub("_", "".join(c if _kept(c) else "\0" for c in base)).strip("._-")
    base = base.encode("utf-8")[:max_bytes].decode("utf-8", "ignore").rstrip("._-")
    if base.split(".", 1)[0].upper() in _WINDOWS_DEVICES:
        base = f"_{base}"
    return base or default
