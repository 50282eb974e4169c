"""Store a Bitext as a gettext PO file and read it back without loss (docs/po-format.md).

PO is what translators' tools (Poedit, Weblate, Lokalize) open, so the aligned pairs can be
proofread there. polib (well kept, pure Python, keeps comments and flags) reads and writes the
syntax. This module maps links to entries and writes them: write_po refuses to replace a PO a
person edited (a checksum of the entries tells), save_po keeps what other tools added, both
atomically (atomic.py) under the file's lock (po_guard.py). Reading back, and the checks on
what is read, live in po_read.py and po_files.py (opening the file); every name of them stays
importable from here.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import polib

from . import __version__
from .atomic import atomic_write_bytes, atomic_write_text
from .errors import InputError, POConflict, POFormatError
from .italics import po_line
from .po_guard import carry_over, ensure_writable, has_foreign, link_order, locked
from .po_files import parse_po_bytes, read_po, read_po_bytes, read_po_fingerprinted
from .po_read import (DEFAULT_REVIEW_THRESHOLD, FORMAT_VERSION, PLACEHOLDER, checksum_matches,
                      entries_checksum, po_to_bitext, rebuild_text)
from .po_words import word_lines
from .snapshot import load_snapshot, store_snapshot
from .types import Bitext, Link, Sentence, Signature

__all__ = [
    "DEFAULT_REVIEW_THRESHOLD", "FORMAT_VERSION", "PLACEHOLDER", "atomic_write_bytes",
    "atomic_write_text", "bitext_to_po", "edited_reason", "ensure_replaceable", "entries_checksum",
    "file_fingerprint", "po_to_bitext", "read_po", "read_po_fingerprinted", "rebuild_text",
    "replace_if_unchanged", "save_po", "write_po",
]

_BAD_CHARS = re.compile(r"[\x00-\x07\x0e-\x1f\x7f]")


# ---------------------------------------------------------------- Bitext -> PO

def _numbers(values: Iterable[int], sep: str) -> str:
    return sep.join(str(v + 1) for v in values) or "-"


def _side_text(sents: Sequence[Sentence], idx: Sequence[int], side: str, link: int) -> str:
    for j in idx:
        if not 0 <= j < len(sents):
            raise InputError(f"link {link + 1} names {side} sentence {j + 1}, but that text has "
                             f"{len(sents)} sentences; fix the alignment before saving")
        bad = _BAD_CHARS.search(sents[j].text)
        if bad:
            raise InputError(f"{side} sentence {j + 1} contains control character "
                             f"U+{ord(bad.group()):04X}; remove it before saving as PO")
    return "\n".join(sents[j].text for j in idx)


def _entry(bitext: Bitext, i: int, link: Link, threshold: float) -> polib.POEntry:
    if not (link.src or link.tgt):
        raise InputError(f"link {i + 1} has no sentence on either side; remove it before saving")
    src_sents = [bitext.src[j] for j in link.src if 0 <= j < len(bitext.src)]
    tgt_sents = [bitext.tgt[j] for j in link.tgt if 0 <= j < len(bitext.tgt)]
    msgid = _side_text(bitext.src, link.src, "source", i)
    msgstr = _side_text(bitext.tgt, link.tgt, "target", i)
    lines = [f"{link.kind} link, confidence {float(link.confidence)!r}"
             + (", reviewed" if link.reviewed else ""),
             f"paragraphs: src {_numbers((s.paragraph for s in src_sents), ' ')}"
             f" / tgt {_numbers((s.paragraph for s in tgt_sents), ' ')}"]
    if any("\n" in s.text for s in src_sents + tgt_sents) or (link.src and not msgid):
        lines.append(f"sentence lengths: src {_lengths(src_sents)} / tgt {_lengths(tgt_sents)}")
    lines.extend(word_lines(link.words, [s.text for s in src_sents], [s.text for s in tgt_sents]))
    italic = po_line(src_sents, tgt_sents)
    if italic:
        lines.append(italic)
    lines.extend(f"dismissed: {key}" for key in link.dismissed)
    if link.unit:
        lines.append(f"unit: {link.unit}")
    fuzzy = link.confidence < threshold and not link.reviewed
    return polib.POEntry(
        msgctxt=f"src {_numbers(link.src, ',')} / tgt {_numbers(link.tgt, ',')}",
        msgid=msgid or PLACEHOLDER, msgstr=msgstr, comment="\n".join(lines),
        occurrences=[("src", str(j + 1)) for j in link.src] + [("tgt", str(j + 1)) for j in link.tgt],
        flags=["fuzzy"] if fuzzy else [])


def _lengths(sents: Sequence[Sentence]) -> str:
    return " ".join(str(len(s.text)) for s in sents) or "-"


def _signature_json(sig: Signature) -> str:
    return json.dumps({"aligner": sig.aligner, "version": sig.version, "embedder": sig.embedder,
                       "embedder_version": sig.embedder_version,
                       "params": [list(p) for p in sig.params], "seed": sig.seed})


def _check_order(links: Sequence[Link]) -> None:
    """InputError unless the links follow both texts in order: what the reader needs."""
    order = link_order([(k.src, k.tgt) for k in links])
    if order != list(range(len(links))):
        bad = order if isinstance(order, int) else next(i for i, k in enumerate(order) if i != k)
        raise InputError(f"link {bad + 1} ({_numbers(links[bad].src, ',')} / "
                         f"{_numbers(links[bad].tgt, ',')}) is not in text order after the links "
                         f"before it; fix the alignment before saving")


def bitext_to_po(bitext: Bitext, *, threshold: float = DEFAULT_REVIEW_THRESHOLD,
                 revision_date: str | None = None,
                 notes: Sequence[str | None] = ()) -> polib.POFile:
    """The PO file of `bitext`: one entry per link, header with languages, corpus and signature.

    `revision_date` (default: now, UTC) is the only field that varies between two writes of the
    same bitext; msgfmt --check wants it, golden tests pin it.
    `notes`: a translator's comment per link (`# ...`; '' or None for none), as a TMX our export
    wrote gives them back. A comment is a person's work, as a correction is: a PO carrying one
    is marked X-Alignment-Edited, so `alignment align -o` onto it refuses instead of dropping it.
    """
    if revision_date is None:
        revision_date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M+0000")
    _check_order(bitext.alignment.links)
    po = polib.POFile(wrapwidth=78)
    po.header = f"Aligned pairs written by alignment {__version__}; format: docs/po-format.md"
    po.extend(_entry(bitext, i, link, threshold) for i, link in enumerate(bitext.alignment.links))
    for entry, note in zip(po, notes):
        entry.tcomment = note or ""
    sig = bitext.alignment.signature
    for name, value in (("corpus id", bitext.corpus_id), ("source language", bitext.src_lang),
                        ("target language", bitext.tgt_lang)):
        if value != value.strip() or any(ord(c) < 32 or c == "\x7f" for c in value):
            raise InputError(f"{name} {value!r} cannot go into a PO header; remove line breaks, "
                             f"control characters and surrounding spaces")
    po.metadata = {
        "Project-Id-Version": bitext.corpus_id or "alignment",
        "PO-Revision-Date": revision_date,
        "Last-Translator": f"alignment {__version__} (automatic alignment)",
        "Language-Team": "none",
        "Language": bitext.tgt_lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"alignment {__version__}",
        "X-Source-Language": bitext.src_lang,
        "X-Alignment-Format": FORMAT_VERSION,
        "X-Alignment-Corpus": bitext.corpus_id,
        "X-Alignment-Signature": " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", str(sig)).split()),
        "X-Alignment-Signature-Data": _signature_json(sig),
        "X-Alignment-Review-Threshold": repr(float(threshold)),
    }
    if bitext.heading_paragraphs is not None:
        src_heads, tgt_heads = (sorted(h) for h in bitext.heading_paragraphs)
        po.metadata["X-Alignment-Headings"] = f"src {_numbers(src_heads, ' ')} / tgt {_numbers(tgt_heads, ' ')}"
    if bitext.alignment.warnings:
        po.metadata["X-Alignment-Warnings"] = json.dumps(list(bitext.alignment.warnings))
    po.metadata["X-Alignment-Checksum"] = entries_checksum(po)
    if any(note for note in notes):
        del po.metadata["X-Alignment-Checksum"]
        po.metadata["X-Alignment-Edited"] = "yes"
    return po


# ---------------------------------------------------------------- files

def edited_reason(path: str | os.PathLike[str]) -> str | None:
    """Why the PO at `path` must not be replaced silently, or None when the tool's output is intact."""
    path = Path(path)
    try:
        data = read_po_bytes(path)
    except InputError:
        return "is not a PO file alignment can read"
    if not data.strip():   # `touch out.po`, or a shell's `> out.po`: nothing in it to lose
        return None
    cached = load_snapshot(hashlib.sha256(data).hexdigest(), data)
    if cached is not None and cached[1] == "write_po":
        return None  # the very bytes write_po wrote: nobody edited them
    try:
        po = parse_po_bytes(path, data)
        stored = po.metadata.get("X-Alignment-Checksum", "")
        if not stored:
            return ("holds a person's corrections (it is marked X-Alignment-Edited)"
                    if po.metadata.get("X-Alignment-Edited") == "yes"
                    else "was not written by alignment (it has no X-Alignment-Checksum)")
        if not checksum_matches(po, stored):
            return "was edited since alignment wrote it (texts, reviews or comments changed)"
    except (POFormatError, InputError):
        return "is not a PO file alignment can read"
    return None


def write_po(bitext: Bitext, path: str | os.PathLike[str], *, overwrite_edited: bool = False,
             like: str | os.PathLike[str] | None = None,
             notes: Sequence[str | None] = ()) -> Path:
    """Write `bitext` as PO atomically; refuse (POConflict) to replace a PO a person edited.

    It refuses rather than merges: a new alignment can move every link, so there is no safe
    automatic merge; the person chooses another file or `--overwrite-edited`. The check and
    the rename happen under the file's lock (po_guard.locked), so a save cannot slip between.
    `like`: the PO `bitext` was read from (`alignment words IN.po -o OUT.po`): OUT is marked
    edited if IN was, and keeps what other tools added to IN (_like), as a save in place would.
    `notes`: translator comments per link (bitext_to_po), where there is no `like` to keep
    them from.
    """

    ensure_replaceable(path, overwrite_edited=overwrite_edited)
    po = _like(bitext, like) if like else bitext_to_po(bitext, notes=notes)
    data = str(po).encode("utf-8")
    with locked(path):
        ensure_replaceable(path, overwrite_edited=overwrite_edited)
        ensure_writable(path)
        written = atomic_write_bytes(path, data)
    edited = "X-Alignment-Edited" in po.metadata   # a person's work: not the tool's own bytes
    store_snapshot(hashlib.sha256(data).hexdigest(), bitext,
                   origin="save_po" if edited else "write_po")
    return written


def po_bytes(bitext: Bitext, *, like: str | os.PathLike[str] | None = None,
             edited: bool = False) -> bytes:
    """`bitext` as the bytes of a PO to download: as a save would write it. Marked edited
    where `edited` (a person's unsaved corrections) or where `like`, the PO it was read from,
    is; keeping what other tools added to `like`.

    Why: the app's "Download > PO" of a corrected text carried a fresh checksum, so the
    next `alignment align -o` onto that downloaded file replaced every correction silently."""
    po = _like(bitext, like) if like is not None and Path(like).is_file() else bitext_to_po(bitext)
    if edited and "X-Alignment-Checksum" in po.metadata:
        del po.metadata["X-Alignment-Checksum"]
        po.metadata["X-Alignment-Edited"] = "yes"
    return str(po).encode("utf-8")


def _like(bitext: Bitext, source: str | os.PathLike[str]) -> polib.POFile:
    """`bitext` as a PO carrying over from `source` a person's edited mark (or the new file,
    holding a valid checksum, could be replaced by the next `alignment align -o` without a
    word) and what other tools added (po_guard.carry_over)."""
    po = bitext_to_po(bitext)
    if edited_reason(source):
        del po.metadata["X-Alignment-Checksum"]
        po.metadata["X-Alignment-Edited"] = "yes"
    current = Path(source).read_bytes()
    if has_foreign(current):
        carry_over(parse_po_bytes(Path(source), current), po)
    return po


def ensure_replaceable(path: str | os.PathLike[str], *, overwrite_edited: bool = False) -> None:
    """Raise POConflict now if `write_po` would refuse `path`: call it before a long alignment."""
    path = Path(path)
    if path.exists() and not overwrite_edited:
        reason = edited_reason(path)
        if reason:
            raise POConflict(f"{path} {reason}; not replaced: write to another file, or pass "
                             f"--overwrite-edited to replace it")


def file_fingerprint(path: str | os.PathLike[str]) -> str:
    """SHA-256 of the file's bytes ('' when there is no file), to notice changes on disk.
    A path that cannot be read (a folder put in the file's place, no permission) gives a
    value no file's bytes give, so it reads as 'changed' rather than raising in the reader."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"


def _conflict(path: Path) -> POConflict:
    if not path.exists():   # not "changed": there is nothing to reload
        return POConflict(f"{path} is no longer on disk (deleted or moved since it was opened); "
                          f"write it again there, or save under another name")
    if path.is_dir():
        return POConflict(f"{path} is now a folder, not the file that was opened; move the folder "
                          f"away and save again, or save under another name")
    return POConflict(f"{path} changed on disk since it was opened (another window or program "
                      f"saved it); reload it to see those changes, or save under another name")


def replace_if_unchanged(path: str | os.PathLike[str], make: Callable[[bytes], bytes], *,
                         expected_fingerprint: str) -> str:
    """Replace the file with make(current bytes) if it still hashes to `expected_fingerprint`.

    The check and the rename happen under the file's lock, and the check is made again there,
    so of two saves started from the same version exactly one wins (POConflict for the other).
    `make` runs under the lock too (it may merge what is on disk). Returns the new fingerprint.
    """

    path = Path(path)
    ensure_writable(path)
    if file_fingerprint(path) != expected_fingerprint:  # fail early, before any work
        raise _conflict(path)
    with locked(path):
        current = path.read_bytes() if path.exists() else b""
        if (hashlib.sha256(current).hexdigest() if current or path.exists() else "") \
                != expected_fingerprint:
            raise _conflict(path)
        ensure_writable(path)
        data = make(current)
        atomic_write_bytes(path, data)
    return hashlib.sha256(data).hexdigest()


def save_po(bitext: Bitext, path: str | os.PathLike[str], *, expected_fingerprint: str,
            mark_edited: bool = True) -> str:
    """Save a person's corrections; refuse if the file changed on disk since it was read.

    The file is marked `X-Alignment-Edited: yes` (no checksum) so that `write_po` will not
    replace the corrections later; `mark_edited=False` (a tool adding word links to an intact
    file) keeps the checksum instead. What other tools added to the file on disk (translator
    comments, header fields, flags, '#.' notes, obsolete entries) is kept (po_guard.carry_over).
    Returns the new fingerprint.
    """

    path = Path(path)
    po = bitext_to_po(bitext)
    if mark_edited:
        del po.metadata["X-Alignment-Checksum"]
        po.metadata["X-Alignment-Edited"] = "yes"
    plain = str(po).encode("utf-8")

    def merged(current: bytes) -> bytes:
        if not has_foreign(current):
            return plain  # the common case: no parse of the old file under the lock
        try:
            old = parse_po_bytes(path, current)
        except POFormatError:
            return plain  # nothing readable to keep; the fingerprint matched what was opened
        carry_over(old, po)
        return str(po).encode("utf-8")

    fingerprint = replace_if_unchanged(path, merged, expected_fingerprint=expected_fingerprint)
    store_snapshot(fingerprint, bitext, origin="save_po")
    return fingerprint
