"""Recovery drafts: a person's unsaved corrections, kept on disk after every change.

Why: the reader keeps the corrections in the browser session only, so a reload, a
closed tab or a crashed server used to lose them. After every change the app writes
the whole current Bitext here (atomically: temp file + rename, `atomic.atomic_write_text`),
keyed by the resolved path of the PO it belongs to; on reopening that PO the draft is
offered back, as editors (vim's swap file, LibreOffice's recovery) do. Saving or
discarding removes the draft.

Each opening of a text writes its own draft file (`session`): a PO opened again after a
reload or a crash, with the earlier session's draft still unanswered, used to overwrite
that draft with the new session's first change, and the new session's save deleted it, so
the earlier corrections went without the person ever choosing to discard them. Now a
draft goes only when a person recovers it, discards it, or saves the session that wrote
it; the start page lists every draft left. Drafts live in the tool's cache folder
(cache_root: <ALIGNMENT_CACHE_DIR>/drafts, by default ~/.cache/alignment/drafts), never beside
the PO, so a read-only folder or a version-controlled one is never touched. Drafts written
before ALIGNMENT_CACHE_DIR was honoured ($XDG_CACHE_HOME/alignment/drafts) are still read.

The Bitext is stored with the compact, checksummed JSON of `snapshot`, together with the
fingerprint of the PO file the corrections started from, so that the app can say when the file
changed since. A session's first draft keeps its whole version in a base file of its own beside
the draft (`<draft>.<hash>.base`); each later draft is the changes since that base
(draft_delta.py), so a correction on a 7,205-link book writes about a kilobyte, not the book's
2.8 MB (0.15-0.3 s of CPU, seconds on a loaded machine, after each of hundreds of corrections). A draft never leans on the PO file
nor on a cache: its base goes only with it. A new base is written first, then the draft naming
it, then the old base is removed, each atomically, so a crash at any point leaves a draft and
the base it names. Drafts of format 1 (the whole version in the draft file) are still read.

A draft also names its origin (`origin`): the file's version the corrections were made on, kept
as a base file too (most often the base itself). Why: recovered after another program changed the
file, a draft's corrections can then be made again on top of the file as it is now (a three-way
merge, `rebase`); without it, a reload could only say that they touch what changed there.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from .cache_root import cache_root, earlier_root
from .draft_delta import TooMany, apply_delta, delta
from .draft_merge import file_holds, only_word_links, rebase, rebase_partly   # the app's, found here
from .snapshot import FORMAT as SNAPSHOT_FORMAT
from .snapshot import _decode, _encode
from .types import Bitext

__all__ = ["Draft", "discard", "discard_draft", "draft_path", "drafts_dir", "drafts_of",
           "file_holds", "list_drafts", "only_word_links", "read_draft", "rebase", "rebase_partly",
           "write_draft"]

FORMAT = 2   # 1: the whole version in the draft file; 2: a base file and the changes since
BASE_CHECK = "draft base"   # what a base file's checksum is taken over, with its payload
KEEP_BASES = 64   # sessions whose base version is remembered (a forgotten one writes it again)


def drafts_dir() -> Path:
    """<cache root>/drafts (~/.cache/alignment/drafts by default; cache_root.py)."""
    return cache_root() / "drafts"


def _folders(root: Path | None) -> list[Path]:
    """Where drafts are read: `root`, or the drafts folder and the one drafts were written
    to before ALIGNMENT_CACHE_DIR was honoured (so none is lost by setting it)."""
    if root is not None:
        return [root]
    earlier = earlier_root()
    return [drafts_dir()] + ([earlier / "drafts"] if earlier else [])


def draft_path(po_path: str | os.PathLike[str], root: Path | None = None, session: str = "") -> Path:
    """The draft file of one PO for one session (`session`: letters and digits; empty, the
    name drafts had before sessions): a hash of its resolved path, so any path name is safe."""
    key = hashlib.sha256(str(Path(po_path).resolve()).encode("utf-8")).hexdigest()[:24]
    return (root or drafts_dir()) / (f"{key}.{session}.json" if session else f"{key}.json")


@dataclass(frozen=True)
class Draft:
    """Unsaved corrections of the PO at `po_path`, made on top of the file `base_fingerprint`."""

    po_path: str
    bitext: Bitext
    base_fingerprint: str
    changes: int
    saved_at: float
    title: str = ""   # what the reader called the text (a corpus's title), so a recovered
    key: str = ""     # text reopens under its name and reading position, not the file's
    file: str = field(default="", compare=False)   # the draft file itself (`discard`)
    origin: Bitext | None = field(default=None, compare=False, repr=False)   # the version the
    # corrections were made on (the file `base_fingerprint` as read), where the draft kept it

    @property
    def session(self) -> str:
        """The opening of the text that wrote it (`write_draft`'s `session`, less the "held"
        of a version a reload set aside); empty for a draft named before sessions."""
        parts = Path(self.file).name.split(".")
        return parts[1].removesuffix("held") if len(parts) == 3 else ""


def write_draft(bitext: Bitext, po_path: str | os.PathLike[str], *, base_fingerprint: str,
                changes: int, root: Path | None = None, title: str = "", key: str = "",
                session: str = "", origin: Bitext | None = None) -> Path:
    """Keep `bitext` as the draft of `po_path` written by `session` (replacing that session's
    previous draft atomically); `title` and `key`: the name and reading-position key the
    reader opened it under; `origin`: the version of the file `base_fingerprint` the
    corrections were made on (kept with the draft, `Draft.origin`). Written as the changes
    since the session's base version (the origin, at first), or with a new base (more changed
    than the changes are worth)."""
    from .atomic import atomic_write_text

    path = draft_path(po_path, root, session)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock:
        kept = _origin_file(path, origin)
        base, name, runs = _changes_since_base(path, bitext)
        if runs is None and kept:
            base, name, runs = _from_origin(origin, kept, bitext)  # type: ignore[arg-type]
        if runs is None:
            base, name, runs = bitext, _write_base(bitext, path), {"src": [], "tgt": [], "links": []}
        payload = json.dumps({"format": FORMAT, "po_path": str(Path(po_path).resolve()),
                              "base_fingerprint": base_fingerprint, "changes": int(changes),
                              "saved_at": time.time(), "title": str(title), "key": str(key),
                              "base": name, "delta": runs, "origin": kept}, ensure_ascii=False)
        atomic_write_text(path, payload)
        if _bases.get(str(path), (None, ""))[1] != name or _kept_origin.get(str(path)) != kept:
            _remove_bases(path, keep={name, kept})   # a new base or origin: the old ones go
            _remember(_bases, str(path), (weakref.ref(base), name))
        _remember(_kept_origin, str(path), kept)
    return path


_bases: dict[str, tuple[weakref.ref[Bitext], str]] = {}   # draft file -> its base, base file
_origins: dict[str, tuple[weakref.ref[Bitext], str]] = {}   # draft file -> origin, its file
_kept_origin: dict[str, str] = {}   # draft file -> the origin file its last write named
_lock = threading.Lock()
_read: dict[str, tuple[tuple[object, ...], Draft | None]] = {}   # draft file -> its version, read
KEEP_READ = 64   # drafts kept read: the start page's list, a draft (a book) each


def _remember(memory: dict, path: str, value: object) -> None:
    memory.pop(path, None)
    memory[path] = value
    while len(memory) > KEEP_BASES:
        memory.pop(next(iter(memory)))


def _origin_file(path: Path, origin: Bitext | None) -> str:
    """The base file holding `origin` for the draft `path`, written once per origin."""
    if origin is None:
        return ""
    ref, name = _origins.get(str(path), (None, ""))
    if ref is not None and ref() is origin and (path.parent / name).is_file():
        return name
    name = _write_base(origin, path)
    _remember(_origins, str(path), (weakref.ref(origin), name))
    return name


def _from_origin(origin: Bitext, name: str, bitext: Bitext) -> tuple[Bitext | None, str, dict | None]:
    """The origin as the base (no second whole version written), where few enough changed."""
    try:
        return origin, name, delta(origin, bitext, _limit(origin))
    except TooMany:
        return None, "", None


def _changes_since_base(path: Path, bitext: Bitext) -> tuple[Bitext | None, str, dict | None]:
    """(base, its file name, the changes from it to `bitext`), or no changes where there is
    no base in memory and on disk, or where more changed than `_limit` allows."""
    base_ref, name = _bases.get(str(path), (None, ""))
    base = base_ref() if base_ref is not None else None
    if base is None or not (path.parent / name).is_file():
        return None, "", None
    try:
        return base, name, delta(base, bitext, _limit(base))
    except TooMany:
        return None, "", None


def _limit(base: Bitext) -> int:
    """Changed sentences and links past which the version is written whole again (a twentieth
    of the text: the changes stay a small file, a new base is a rare cost)."""
    return 64 + (len(base.src) + len(base.tgt) + len(base.alignment.links)) // 20


def _write_base(bitext: Bitext, path: Path) -> str:
    """Write `bitext` whole as a base file of the draft `path`; its name (hash of its text)."""
    from .atomic import atomic_write_text

    text = _encode(bitext, "draft base", BASE_CHECK)
    name = f"{path.name}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.base"
    atomic_write_text(path.parent / name, text)
    return name


def _remove_bases(path: Path, keep: set[str] | None = None) -> None:
    for old in path.parent.glob(f"{path.name}.*.base"):
        if old.name not in (keep or set()):
            _unlink(old)


def read_draft(po_path: str | os.PathLike[str], root: Path | None = None) -> Draft | None:
    """The newest draft of `po_path`, whichever session wrote it, or None when there is none
    (an unreadable draft counts as none)."""
    found = drafts_of(po_path, root)
    return found[0] if found else None


def drafts_of(po_path: str | os.PathLike[str], root: Path | None = None) -> list[Draft]:
    """Every readable draft of `po_path`, newest first."""
    stem = draft_path(po_path, root).stem
    found = [d for folder in _folders(root) for f in folder.glob(f"{stem}*.json")
             if (d := _read_file(f)) is not None and Path(d.po_path) == Path(po_path).resolve()]
    return sorted(found, key=lambda d: d.saved_at, reverse=True)


def _read_file(path: Path) -> Draft | None:
    """The draft in `path`, read once per version of the file: the start page lists every
    draft at each of its reruns, and decoding them all again (with their bases) was a third
    of its time once a few drafts were left. A draft file is only ever replaced whole
    (written to a temp file, then renamed), so its inode, size and time name its version;
    its base files are named by their content, so which of them are there says the rest."""
    try:
        stat = path.stat()
    except OSError:
        return None
    stamp = (stat.st_ino, stat.st_size, stat.st_mtime_ns,
             tuple(sorted(p.name for p in path.parent.glob(f"{path.name}.*.base"))))
    with _lock:
        kept = _read.get(str(path))
    if kept is not None and kept[0] == stamp:
        return kept[1]
    draft = _parse_file(path)
    with _lock:
        if len(_read) >= KEEP_READ:
            _read.clear()
        _read[str(path)] = (stamp, draft)
    return draft


def _parse_file(path: Path) -> Draft | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        origin = None
        if data.get("format") == 1:
            bitext, _ = _decode(data["bitext"], str(data["base_fingerprint"]), (3, SNAPSHOT_FORMAT))
        elif data.get("format") == 2:
            base = _read_base(path, str(data["base"]))
            bitext = apply_delta(base, data["delta"])
            origin = base if data.get("origin") == data["base"] else \
                _read_origin(path, str(data.get("origin") or ""))
        else:
            return None
        return Draft(str(data["po_path"]), bitext, str(data["base_fingerprint"]),
                     int(data["changes"]), float(data["saved_at"]),
                     str(data.get("title") or ""), str(data.get("key") or ""), str(path), origin)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _read_origin(path: Path, name: str) -> Bitext | None:
    """The origin a draft names, or None (none named, or gone: the draft is still read)."""
    if not name:
        return None
    try:
        return _read_base(path, name)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _read_base(path: Path, name: str) -> Bitext:
    """The base version a draft of format 2 names: a file beside it, of its own, whose text
    hashes to its name."""
    if not name.startswith(f"{path.name}.") or Path(name).name != name:
        raise ValueError("a draft names a base that is not its own")
    text = (path.parent / name).read_text(encoding="utf-8")
    if not name.endswith(f".{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.base"):
        raise ValueError("a draft's base does not match its name")
    return _decode(text, BASE_CHECK, (SNAPSHOT_FORMAT,))[0]


def discard_draft(po_path: str | os.PathLike[str], root: Path | None = None, session: str = "") -> None:
    """Forget the draft `session` wrote of `po_path` (after a save, or when the person
    discards the changes); other sessions' drafts stay until a person answers for them.
    A draft that cannot be removed (its folder made read-only) stays, offered again later:
    better than the save or discard that asked failing on it."""
    _forget(draft_path(po_path, root, session))


def _forget(path: Path) -> None:
    """The draft file first, then its bases: a draft is never left without its base (one
    that cannot be removed keeps them)."""
    _unlink(path)
    with _lock:
        for memory in (_bases, _origins, _kept_origin, _read):
            memory.pop(str(path), None)
        if not path.exists():
            _remove_bases(path)


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def discard(draft: Draft) -> None:
    """Forget this draft (the person recovered it, or discarded it)."""
    if draft.file:
        _forget(Path(draft.file))


def list_drafts(root: Path | None = None) -> list[Draft]:
    """Every readable draft, newest first (the start page offers them after a reload or crash)."""
    found = [d for folder in _folders(root) for f in folder.glob("*.json")
             if (d := _read_file(f)) is not None]
    return sorted(found, key=lambda d: d.saved_at, reverse=True)
