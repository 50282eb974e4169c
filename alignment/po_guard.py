"""Guards for PO files shared with other tools and other processes.

A PO of aligned pairs is a shared file: Poedit, msgcat, the reader app and the CLI all write it.
po.py maps links to entries; this module keeps that mapping honest when others touched the file:

* `lint` refuses, with file and line, what msgfmt refuses but polib reads wrongly: an unterminated
  string (polib drops its last character) and plural entries (polib reads their msgstr as "").
* `link_order` takes the order of the links from their msgctxt positions, so a file reordered by
  `msgcat --sort-output` reads in text order; entries that cannot form one monotone chain (a
  crossing or a gap) are refused rather than read out of order.
* `locked` holds a lock beside the file (filelock: well kept, cross-platform, already a dependency)
  across "is the file still what was read?" and the atomic rename, so two saves cannot both win.
  Not SoftFileLock (a file whose presence is the lock): one left by a crash would refuse every
  later save; nor a lock kept elsewhere (~/.cache): another user's save of a shared file would
  not see it. So flock on a file beside the PO, removed by its holder when the save ends.
* `carry_over` keeps what we do not own when the app or `alignment words` rewrites a file:
  translator comments (`# ...`), header fields other tools add (Poedit's X-Poedit-*,
  Plural-Forms, ...), their flags and '#.' notes (`alignment check --format po`'s too), `#|`
  and obsolete entries (`#~`).
* `ensure_not_edited_po` stops an export (TSV, TMX, HTML, EPUB...) from replacing a PO that
  holds a person's corrections: write_po guards -o, but any output path can name such a file.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polib

from .errors import InputError, POConflict, POFormatError

LOCK_TIMEOUT = 30.0  # seconds; a save holds the lock for a check and a rename only
# a string line (keyword or continuation, obsolete or previous too) whose string is not closed
_BAD_STRING = re.compile(r'^[ \t\ufeff]*(?:(?:#~\|?|#\|)[ \t]*)?(?:msg[a-z_]*(?:\[\d+\])?[ \t]*)?'
                         r'("(?!(?:[^"\\\n]|\\.)*"[ \t]*$).*)$', re.MULTILINE)
_PLURAL = re.compile(r"^[ \t\ufeff]*(msgid_plural|msgstr\[\d+\])", re.MULTILINE)


# ---------------------------------------------------------------- syntax msgfmt refuses

def lint(path: str | os.PathLike[str], text: str) -> None:
    """POFormatError (file, line) for an unterminated string or a plural entry.

    Two regular-expression scans over the whole text: 0.16 s on a 10,000-link file, a tenth
    of polib's parse of it (and files opened from a snapshot are not parsed at all).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    plural = _PLURAL.search(text)
    if plural:
        raise POFormatError(f"{path}, line {text.count(chr(10), 0, plural.start()) + 1}: a plural "
                            f"entry ({plural.group(1)}); aligned pairs have none: remove the "
                            f"entry or align again")
    bad = _BAD_STRING.search(text)
    if bad:
        raise POFormatError(f"{path}, line {text.count(chr(10), 0, bad.start()) + 1}: "
                            f"unterminated or malformed string {bad.group(1)[:40]!r}; close the "
                            f"quotes (msgfmt refuses it too)")


# ---------------------------------------------------------------- order from msgctxt

def link_order(positions: Sequence[tuple[tuple[int, ...], tuple[int, ...]]]) -> list[int] | int:
    """Indexes of `positions` (src, tgt sentence numbers per entry) in text order.

    Each link must start where the previous ones end on both sides (contiguous, increasing);
    an omission (1-0) and an addition (0-1) at the same place keep their file order. Returns
    the list, or the index of the first entry that cannot be placed (a crossing or a gap).
    """
    by_src = {p[0][0]: k for k, p in enumerate(positions) if p[0]}
    by_tgt = {p[1][0]: k for k, p in enumerate(positions) if p[1]}
    order: list[int] = []
    i = j = 0
    while len(order) < len(positions):
        a, b = by_src.get(i), by_tgt.get(j)
        fits = [k for k in (a, b) if k is not None and _starts_at(positions[k], i, j)]
        if not fits:
            placed = set(order)
            return min(k for k in range(len(positions)) if k not in placed)
        k = min(fits)
        order.append(k)
        i, j = i + len(positions[k][0]), j + len(positions[k][1])
    return order


def _starts_at(pos: tuple[tuple[int, ...], tuple[int, ...]], i: int, j: int) -> bool:
    src, tgt = pos
    return src == tuple(range(i, i + len(src))) and tgt == tuple(range(j, j + len(tgt)))


# ---------------------------------------------------------------- the save lock

def _lock_path(path: Path) -> Path:
    """`.NAME.lock` beside the file, shortened where NAME is near the name limit (atomic.py)."""
    from .atomic import hidden_prefix

    return path.parent / f"{hidden_prefix(path.name, len('lock'))}lock"


@contextmanager
def locked(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold the PO's lock (a hidden `.NAME.lock` beside it); POConflict after LOCK_TIMEOUT.

    The lock file is removed when the save ends, while still held: filelock leaves it on
    Linux by design, and every save left a hidden file in the user's folder (a refused one
    beside nothing). Removing a held lock file is safe because every holder checks, once it
    has the lock, that the lock file is still the one it locked (`_acquire`), else locks a new
    one; where filelock does not say which file it locked, the file stays, as filelock
    leaves it."""
    path = Path(path)
    where = _lock_path(path)
    lock, fd = _acquire(path, where)
    try:
        yield
    finally:
        try:
            if fd is not None and _names(where, fd):
                where.unlink()
        except OSError:
            pass   # left behind, as filelock leaves it: harmless
        finally:
            lock.release()


def _acquire(path: Path, where: Path) -> tuple[Any, int | None]:
    """The lock on `where` and its descriptor (None where filelock does not say), taken again
    while the file locked is no longer the one named `where` (removed by `locked` of another
    process between this one's open and its lock: two holders would then both win)."""
    from filelock import FileLock, Timeout

    deadline = time.monotonic() + LOCK_TIMEOUT
    while True:
        lock = FileLock(where, timeout=max(0.0, deadline - time.monotonic()))
        try:
            lock.acquire()
        except Timeout:
            raise POConflict(f"{path} is being saved by another program (lock {where} "
                             f"held over {LOCK_TIMEOUT:.0f} s); try again") from None
        except OSError as exc:
            from .atomic import write_advice
            raise InputError(f"{path}: cannot lock the file for writing ({exc.strerror}); "
                             f"{write_advice(exc)}") from None
        fd = getattr(getattr(lock, "_context", None), "lock_file_fd", None)
        if fd is None or _names(where, fd):
            return lock, fd
        lock.release()


def _names(where: Path, fd: int) -> bool:
    """Whether the file named `where` is the one open as `fd`."""
    try:
        held, named = os.fstat(fd), os.stat(where, follow_symlinks=False)
    except OSError:
        return False
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)


def ensure_writable(path: str | os.PathLike[str], option: str = "") -> None:
    """InputError when an existing file is read-only (no write bit): we do not replace it, whatever
    it holds (a rename ignores the file's mode, so a read-only TMX was replaced silently).
    `option` names the output in the message ('--tmx')."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        raise InputError(f"{f'{option} ' if option else ''}{path} is read-only; make it writable "
                         f"(chmod u+w) or write to another file")


# ---------------------------------------------------------------- other outputs onto a PO

_PO_LINE = re.compile(rb'^[ \t]*msg(?:id|str|ctxt)[ \t]+"', re.MULTILINE)


def looks_like_po(path: str | os.PathLike[str]) -> bool:
    """Whether the existing file at `path` is (or is named as) a PO file: a .po/.pot name, or a
    msgid/msgstr/msgctxt line in its first 64 KiB (a PO renamed .txt is still someone's work)."""
    path = Path(path)
    if not path.is_file():
        return False
    if path.suffix.lower() in (".po", ".pot"):
        return True
    try:
        with path.open("rb") as fh:
            return _PO_LINE.search(fh.read(65536)) is not None
    except OSError:
        return False


def ensure_not_edited_po(path: str | os.PathLike[str], *, option: str,
                         overwrite_edited: bool = False) -> None:
    """POConflict when a non-PO output (`option` names it) would replace a PO that a person
    edited: the same rule, words and escape hatch as write_po's for -o, so no output option is a
    side door through which corrections are lost. An intact PO the tool wrote may be replaced."""
    if overwrite_edited or not looks_like_po(path):
        return
    from .po import ensure_replaceable  # po imports this module

    try:
        ensure_replaceable(path)
    except POConflict as exc:   # write_po's refusal, said of the option that asked
        raise POConflict(f"{option} {path}: {exc}") from None


# ---------------------------------------------------------------- what others added

OWN_HEADER = frozenset({"Project-Id-Version", "PO-Revision-Date", "Last-Translator",
                        "Language-Team", "Language", "MIME-Version", "Content-Type",
                        "Content-Transfer-Encoding", "X-Generator", "X-Source-Language"})
_TCOMMENT = re.compile(rb"^#(?:[ \t][^\r\n]*)?\r?$", re.MULTILINE)
_HEADER_KEY = re.compile(rb'^"([^":\\]+):', re.MULTILINE)


def _owned(key: str) -> bool:
    return key in OWN_HEADER or key.startswith("X-Alignment-")


# our own '#.' notes (po.py writes them, po_read.py reads them) and a line polib wrapped off one
OWN_NOTE = re.compile(r"^(?:\d+-\d+ link, confidence |paragraphs:|sentence lengths:|words:|"
                      r"word confidence:|dismissed:|unit:|italics:)")
_PIECE = r"(?:[\dp/-]+|tgt|\d+:\d+-\d+(?:,\d+-\d+)*)"   # the last: an 'italics:' sentence's stretches
CONTINUED_NOTE = re.compile(rf"^{_PIECE}(?: {_PIECE})*$")
_MARKS = re.compile(rb"^#(?:[~|]|,[^\r\n]*?\b(?!fuzzy\b)[\w-]+)", re.MULTILINE)
_NOTE = re.compile(rb"^#\.[ \t]?([^\r\n]*)", re.MULTILINE)


def has_foreign(data: bytes) -> bool:
    """Whether PO bytes may hold what we do not own (translator comments, other header
    fields, other tools' '#.' notes and flags, obsolete entries): a quick scan, so that a save
    parses the file on disk only when it must."""
    comments = _TCOMMENT.findall(data)
    if len(comments) > 1 or (comments and not comments[0].startswith(b"# Aligned pairs written")):
        return True
    if _MARKS.search(data) or any(not _own_note(m.decode("utf-8", "replace").strip())
                                  for m in _NOTE.findall(data)):
        return True
    head = re.split(rb"\r?\n\r?\n", data, maxsplit=1)[0]
    return not all(_owned(k.decode("utf-8", "replace")) for k in _HEADER_KEY.findall(head))


def _own_note(line: str) -> bool:
    return not line or bool(OWN_NOTE.match(line) or CONTINUED_NOTE.match(line))


def _notes(entry: polib.POEntry, width: int = 78) -> list[str]:
    """The entry's '#.' notes that po.py does not write (`check: ...` of alignment check,
    another tool's), each whole again: polib wraps a note longer than the file's width, and
    a wrapped `check:` note's tail would outlive the note."""
    from .po_read import comment_lines  # po_read imports this module

    out: list[str] = []
    previous = ""   # the line before, if it was a foreign one
    for line in comment_lines(entry):
        if _own_note(line):
            previous = ""
            continue
        if previous and len(previous) + 3 <= width < len(previous) + 4 + len(line.split(" ", 1)[0]):
            out[-1] += " " + line   # polib cut here: '#. ' + line fits, with ' ' + next word not
        else:
            out.append(line)
        previous = line
    return out


def _same(old: polib.POEntry, new: polib.POEntry) -> bool:
    """The same link with the same texts and the same state (confidence, review)."""
    first = (old.comment or "").split("\n", 1)[0] == (new.comment or "").split("\n", 1)[0]
    return first and (old.msgctxt, old.msgid, old.msgstr) == (new.msgctxt, new.msgid, new.msgstr)


def _carry_marks(entry: polib.POEntry, target: polib.POEntry) -> None:
    """Give `target` the flags and notes of `entry` that po.py does not write. A link that
    changed keeps no `fuzzy` (its state is the new one's: a review removes it) and no `check:`
    note (a finding on the old texts); one unchanged keeps both, and its `#|` too."""
    same = _same(entry, target)
    target.flags += [f for f in entry.flags if f not in target.flags and (same or f != "fuzzy")]
    if same and entry.previous_msgid is not None and target.previous_msgid is None:
        target.previous_msgid, target.previous_msgctxt = entry.previous_msgid, entry.previous_msgctxt
    notes = [n for n in _notes(entry) if same or not n.startswith("check:")]
    have = set(_notes(target))
    target.comment = "\n".join(filter(None, [target.comment, *(n for n in notes if n not in have)]))


def carry_over(old: polib.POFile, new: polib.POFile) -> None:
    """Copy into `new` what `old` holds that po.py does not write: translator comments, foreign
    header fields, other tools' flags and '#.' notes (`_carry_marks`), obsolete entries (`#~`).

    An entry's marks go to the entry with the same msgctxt, else to the entry now holding the
    old entry's first source (or target) sentence; if none fits, its comment goes to the header
    comment, so nothing a person wrote is dropped.
    """
    for key, value in old.metadata.items():
        if not _owned(key) and key not in new.metadata:
            new.metadata[key] = value
    by_ctxt = {e.msgctxt: e for e in new}
    by_sentence = {}
    for e in new:
        for side, ref in e.occurrences:
            by_sentence.setdefault((side, ref), e)
    kept_obsolete = {(e.msgctxt, e.msgid) for e in new if e.obsolete}
    for entry in old:
        if entry.obsolete:
            if (entry.msgctxt, entry.msgid) not in kept_obsolete:
                new.append(entry)
            continue
        target = by_ctxt.get(entry.msgctxt)
        if target is None:
            target = next((by_sentence[r] for r in entry.occurrences if r in by_sentence), None)
        if target is None:
            new.header = "\n".join(filter(None, [new.header, entry.tcomment]))
            continue
        _carry_marks(entry, target)
        if entry.tcomment and entry.tcomment not in (target.tcomment or "").split("\n"):
            target.tcomment = "\n".join(filter(None, [target.tcomment, entry.tcomment]))
