"""Where the app keeps what people upload and what it aligns for them.

Uploads of one browser session go to a private temp folder (`alignment-upload-*`), one
subfolder per side, so an original and a translation with the same file name
(fr/chapter1.txt and en/chapter1.txt) never overwrite each other. Streamlit has no
"session ended" hook, so a folder is removed when its text is closed and, for
sessions that just went away, by `sweep_stale` on the next start page (folders
untouched for a day). Aligned PO files are not uploads: they go to a lasting folder
in the user's cache ($XDG_CACHE_HOME/alignment/aligned), and the app says where and
offers to download them or save them elsewhere (`save_copy`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from .errors import POConflict
from .types import Bitext

PREFIX = "alignment-upload-"
STALE_AFTER_S = 24 * 3600


def new_upload_dir(root: Path | None = None) -> Path:
    """A fresh private folder for one session's uploads (mode 0700, as mkdtemp makes it)."""
    return Path(tempfile.mkdtemp(prefix=PREFIX, dir=root))


def side_dir(directory: Path, side: str) -> Path:
    """The subfolder of one side ('src', 'tgt', 'po'...), created on demand."""
    folder = directory / side
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def remove_upload_dir(directory: Path | str) -> None:
    """Delete a session's upload folder (only a folder this module made: name checked)."""
    path = Path(directory)
    if path.name.startswith(PREFIX) and path.is_dir():
        shutil.rmtree(path, ignore_errors=True)


def sweep_stale(root: Path | None = None, *, max_age_s: float = STALE_AFTER_S,
                now: float | None = None) -> list[Path]:
    """Remove upload folders untouched for `max_age_s` (sessions that went away); returns them."""
    base = Path(root or tempfile.gettempdir())
    now = time.time() if now is None else now
    removed = []
    for folder in base.glob(f"{PREFIX}*"):
        try:
            newest = max([folder.stat().st_mtime]
                         + [p.stat().st_mtime for p in folder.rglob("*")])
        except OSError:
            continue
        if now - newest > max_age_s:
            remove_upload_dir(folder)
            removed.append(folder)
    return removed


def aligned_dir() -> Path:
    """Where the app writes the PO of texts it aligned: $XDG_CACHE_HOME/alignment/aligned."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "alignment" / "aligned"


def aligned_path(src_name: str, tgt_name: str, digest: str) -> Path:
    """A lasting, readable name for an aligned pair: <src stem>--<tgt stem>-<digest>.po."""
    from .browse import safe_filename

    stems = [safe_filename(Path(n).stem, "text")[:40] for n in (src_name, tgt_name)]
    return aligned_dir() / f"{stems[0]}--{stems[1]}-{digest[:8]}.po"


def keep_upload(stored: Path, digest: str) -> Path:
    """Move an uploaded PO into the lasting folder (aligned/uploaded/<stem>-<digest>.po).

    The same upload again opens the kept file, with any corrections saved to it.
    """
    folder = aligned_dir() / "uploaded"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{stored.stem}-{digest[:8]}.po"
    if target.is_file():
        stored.unlink(missing_ok=True)
    else:
        shutil.move(str(stored), target)
    return target


def save_copy(bitext: Bitext, target: str | os.PathLike[str]) -> Path:
    """Write `bitext` as a new PO at `target`; an existing file is never replaced."""
    from .po import write_po

    path = Path(target).expanduser()
    if path.suffix != ".po":
        path = path.with_suffix(path.suffix + ".po") if path.suffix else path.with_suffix(".po")
    if path.exists():
        raise POConflict(f"{path} already exists; choose another file name")
    if not path.parent.is_dir():
        raise POConflict(f"{path.parent}: no such folder; create it or choose another place")
    write_po(bitext, path)
    return path
