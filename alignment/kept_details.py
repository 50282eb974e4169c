"""What tells apart the files the start page lists under one name, and the earlier alignment
with corrections that a new one of the same texts leaves behind.

Why: the same file names aligned again (a revised translation, the original from a PDF)
were listed as identical buttons, 'le_vieux_pont ↔ the_old_bridge', told apart only by
hovering for the path, in an order that changes with each save: a person clicked where her
corrected file had been and opened another. Each entry now says when it last changed, how
many of its links a person corrected or reviewed, and the original's file type where those
of one name differ (`details`). Aligning a revised translation started a new file without
a word of the corrected one (`earlier_corrected`); nothing is merged, it is only said.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

from .kept import KeptFile, copy_of, kept_files
from .workspace import aligned_dir

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_REVIEWED: dict[str, tuple[tuple[int, int], int | None]] = {}   # path -> (its stat, count)


def sources_path() -> Path:
    """Where the uploads' names of each pair aligned here are noted: <aligned>/sources.json."""
    return aligned_dir() / "sources.json"


def note_sources(po: Path, src_name: str, tgt_name: str) -> None:
    """Note the names of the two uploads `po` was aligned from (its own name keeps their stems
    only, so an original given as PDF and as DOCX read alike)."""
    from .atomic import atomic_write_text

    notes = _read_sources()
    notes[str(po.resolve())] = [src_name, tgt_name]
    sources_path().parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(sources_path(), json.dumps(notes, ensure_ascii=False, indent=1))


def original_type(po: Path) -> str:
    """The file type of the original `po` was aligned from ('PDF', 'DOCX'), '' if not noted."""
    names = _read_sources().get(str(po.resolve()))
    suffix = Path(names[0]).suffix.lstrip(".") if isinstance(names, list) and names else ""
    return suffix.upper() if suffix else ""


def _read_sources() -> dict[str, list[str]]:
    try:
        data = json.loads(sources_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def reviewed_links(path: Path) -> int | None:
    """How many links of the PO at `path` a person corrected or reviewed (a correction marks
    its link reviewed); None if it cannot be read. Read once per version of the file: the
    start page is drawn again at every click."""
    from .errors import AlignmentError
    from .po_files import read_po_fingerprinted

    try:
        stat = path.stat()
    except OSError:
        return None
    stamp = (stat.st_mtime_ns, stat.st_size)
    kept = _REVIEWED.get(str(path))
    if kept is not None and kept[0] == stamp:
        return kept[1]
    try:
        bitext, _ = read_po_fingerprinted(path)
        count: int | None = sum(link.reviewed for link in bitext.alignment.links)
    except (AlignmentError, OSError):
        count = None
    if len(_REVIEWED) >= 256:
        _REVIEWED.clear()
    _REVIEWED[str(path)] = (stamp, count)
    return count


def when_changed(moment: float, now: float) -> str:
    """'today 10:42', 'yesterday 18:05', else '3 Dec 2025 10:42', in local time."""
    at, today = time.localtime(moment), time.localtime(now)
    clock = f"{at.tm_hour:02d}:{at.tm_min:02d}"
    yesterday = time.localtime(time.mktime((today.tm_year, today.tm_mon, today.tm_mday - 1,
                                            12, 0, 0, 0, 0, -1)))
    day = (at.tm_year, at.tm_yday)
    if day == (today.tm_year, today.tm_yday):
        return f"today {clock}"
    if day == (yesterday.tm_year, yesterday.tm_yday):
        return f"yesterday {clock}"
    return f"{at.tm_mday} {_MONTHS[at.tm_mon - 1]} {at.tm_year} {clock}"


def corrected_words(count: int | None) -> str:
    """'6 links corrected or reviewed', 'none corrected yet', '' if unknown."""
    if count is None:
        return ""
    if not count:
        return "none corrected yet"
    return f"{count:,} link{'s' * (count != 1)} corrected or reviewed"


def details(items: Sequence[KeptFile], now: float) -> list[str]:
    """One line per listed file: when the file it opens (a copy saved of it, if any) last
    changed, its corrected or reviewed links (not for a version set: it holds several
    files), and the original's type where files listed under the same name differ in it."""
    opens = [(copy_of(k.path) if k.kind != "set" else None) or k.path for k in items]
    types = [original_type(k.path) if k.kind == "pair" else "" for k in items]
    lines = []
    for item, path, kind in zip(items, opens, types):
        same = {t for k, t in zip(items, types) if k.label == item.label}
        parts = [f"changed {when_changed(_mtime(path, item.modified), now)}"]
        if item.kind != "set":
            parts.append(corrected_words(reviewed_links(path)))
        if kind and len(same) > 1:
            parts.append(f"original: {kind}")
        lines.append(" · ".join(p for p in parts if p))
    return lines


def earlier_corrected(target: Path, now: float) -> str:
    """What to say after aligning into `target` when another pair kept under the same name
    holds a person's corrections: where to find it; '' if none does."""
    found = [k for k in kept_files() if k.kind == "pair"]
    label = next((k.label for k in found if k.path.resolve() == target.resolve()), None)
    earlier = []
    for item in found:
        if item.label != label or item.path.resolve() == target.resolve():
            continue
        opens = copy_of(item.path) or item.path
        count = reviewed_links(opens)
        if count:
            earlier.append((item, opens, count))
    if not earlier:
        return ""
    item, opens, count = earlier[0]   # the newest
    more = f" (and {len(earlier) - 1} more)" if len(earlier) > 1 else ""
    return (f"An earlier alignment of {label}, with {corrected_words(count)}, is kept{more}: "
            f"nothing of it was carried over here. To go on with it, close this text and open "
            f"it from “Aligned or uploaded here before” (changed "
            f"{when_changed(_mtime(opens, item.modified), now)}).")


def _mtime(path: Path, default: float) -> float:
    try:
        return path.stat().st_mtime
    except OSError:   # removed meanwhile
        return default
