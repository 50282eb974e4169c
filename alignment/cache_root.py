"""The one folder where the tool keeps what it caches or keeps for a person.

Why one: sentence encodings followed ALIGNMENT_CACHE_DIR while the app's aligned POs, uploads,
drafts and reading positions followed $XDG_CACHE_HOME, and fetched corpus sides went inside the
checkout, so setting the variable split the cache in two. Now everything lives under
`cache_root()`: $ALIGNMENT_CACHE_DIR, else $XDG_CACHE_HOME/alignment, else ~/.cache/alignment
(the default where neither is set, so nothing moves for someone who set neither).

`earlier_root()` is where the app kept its files before (the same folder without
ALIGNMENT_CACHE_DIR): drafts, kept POs and reading positions written there are still read.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_root", "earlier_root", "found_earlier"]


def _xdg_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "alignment"


def cache_root() -> Path:
    """$ALIGNMENT_CACHE_DIR, else $XDG_CACHE_HOME/alignment, else ~/.cache/alignment."""
    env = os.environ.get("ALIGNMENT_CACHE_DIR")
    return Path(env).expanduser() if env else _xdg_root()


def earlier_root() -> Path | None:
    """The app's folder before ALIGNMENT_CACHE_DIR was honoured, when it is another folder
    than `cache_root()` (None when they are one)."""
    old, new = _xdg_root(), cache_root()
    try:
        same = old.resolve() == new.resolve()
    except OSError:
        same = old == new
    return None if same else old


def found_earlier(path: Path) -> Path:
    """`path` (under `cache_root()`), or the same file under `earlier_root()` when only that
    one exists: a text aligned or uploaded again opens the file kept before, corrections and all."""
    earlier = earlier_root()
    if earlier is None or path.exists():
        return path
    try:
        old = earlier / path.relative_to(cache_root())
    except ValueError:
        return path
    return old if old.exists() else path
