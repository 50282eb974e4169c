"""Where the reader is in a text: the link to reopen at, the rows a page, and what a jump to a
link that the search or the filters hide has to set aside.

Why: a reviser working at link 1,200 of a book with 200 rows a page found the book at link 1
with 50 rows after a reload, a Close and reopen, or a server restart. The place is kept in
reading.json beside Learn mode's reading position, keyed by the file's resolved path: for a file
opened by its path that is Learn's key too (save_position: one entry, its `link`
shared, so Learn resumes where the reading stopped and the other way round), with the rows a
page added.
A corpus's PO keeps Learn's position under the corpus id: two copies of one corpus each reopen
where they were read, and a file never read here opens at the top. The file's entry also says
whether it was last read in Learn mode: a learner who came back found the text in Read, the
translation showing, at the sentence Learn had reached.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .cache_root import cache_root, earlier_root

PER_PAGE = (25, 50, 100, 200)
"""The reader's "Rows per page" choices."""
DEFAULT_PER_PAGE = 50


def notes_path() -> Path:
    """Where the reader's positions are kept: <cache root>/reading.json."""
    return cache_root() / "reading.json"


def _read_notes(path: Path) -> dict[str, dict[str, int]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_position(key: str, path: Path | None = None) -> int | None:
    """The link where the reader of corpus `key` stopped last time (0-based), if known."""
    entry = _read_notes(path or notes_path()).get(key)
    earlier = earlier_root() if path is None else None
    if entry is None and earlier is not None:   # kept before ALIGNMENT_CACHE_DIR was honoured
        entry = _read_notes(earlier / "reading.json").get(key)
    link = entry.get("link") if isinstance(entry, dict) else None
    return link if isinstance(link, int) and link >= 0 else None


def save_position(key: str, link: int, total: int, path: Path | None = None) -> Path:
    """Remember that the reader of corpus `key` got to `link` of `total`; written atomically."""
    from .atomic import atomic_write_text

    path = path or notes_path()
    notes = _read_notes(path)
    notes[key] = {"link": int(link), "total": int(total)}
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(notes, ensure_ascii=False, indent=1, sort_keys=True))
    return path


@dataclass(frozen=True)
class Place:
    """The link (0-based) a text reopens at, its rows a page (None: the default), and whether
    it was last read in Learn mode (it reopens in Learn)."""

    link: int
    per_page: int | None = None
    learn: bool = False


def _entry(key: str, path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entry = data.get(key) if isinstance(data, dict) else None
    return entry if isinstance(entry, dict) else {}


def load_place(key: str, path: Path | None = None) -> Place | None:
    """The place kept for text `key`, or None for a text never read here (it opens at the top)."""
    link = load_position(key, path)
    if link is None:
        return None
    entry = _entry(key, path or notes_path())
    per_page = entry.get("per_page")
    return Place(link, per_page if per_page in PER_PAGE else None, entry.get("mode") == "learn")


def keep_place(key: str, place: Place, total: int, path: Path | None = None) -> bool:
    """Keep `place` for text `key` of `total` links; written (atomically) only when it differs
    from what is kept, so a rerun that moved nowhere writes nothing. Learn mode's own writes
    keep the link alone: the rows a page and the mode are put back by the next call. True when
    written."""
    from .atomic import atomic_write_text

    path = path or notes_path()
    entry = {"link": int(place.link), "total": int(total)}
    if place.per_page is not None:
        entry["per_page"] = int(place.per_page)
    if place.learn:
        entry["mode"] = "learn"
    if _entry(key, path) == entry:
        return False
    try:
        notes = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        notes = {}
    notes = notes if isinstance(notes, dict) else {}
    notes[key] = entry
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(notes, ensure_ascii=False, indent=1, sort_keys=True))
    return True


def place_on_page(page_ids: Sequence[int], *wanted: int | None) -> int | None:
    """The link a page stands for: the first of `wanted` (the link selected, the last one
    jumped to) that the page shows, else its first row; None for an empty page."""
    for link in wanted:
        if link is not None and link in page_ids:
            return link
    return page_ids[0] if page_ids else None


def page_after_selection(link: int, shown: Sequence[int] | None, per_page: int) -> int:
    """The page (0-based) the reader shows once the search or the filters changed: a search or
    a filter starts on its first page; none left (`shown` None: every link), the page of the
    link selected, `link`. Why: clearing a search, or a filter turned on and off, showed page 1
    of the book while the Link box still said 700."""
    if shown is not None:
        return 0
    return max(0, link) // max(1, per_page)


def hidden_by_selection(link: int, shown: Sequence[int] | None) -> bool:
    """Whether a jump to `link` would land on a page without it: the search or the filters
    (`shown`, None for all links) leave it out."""
    return shown is not None and link not in shown


def cleared_note(link: int, search: str, filters: bool) -> str:
    """The one line said when a jump set the search and the filters aside to show `link`."""
    shown = search if len(search) <= 40 else search[:39] + "…"
    what = " and ".join(([f"the search “{shown}”"] if search else [])
                        + (["the filters"] if filters else [])) or "the selection"
    return f"To show link {link + 1:,}, {what} {'were' if filters else 'was'} cleared."
