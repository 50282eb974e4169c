"""Store a Bitext as a gettext PO file and read it back without loss (docs/po-format.md).

PO is what translators' tools (Poedit, Weblate, Lokalize) open, so the aligned pairs can be
proofread there. polib (well kept, pure Python, keeps comments and flags) reads and writes the
syntax; this module maps links to entries and back, detects human edits through a checksum of
the entries, and provides the atomic writers every module uses (temp file + os.replace).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import polib

from . import __version__
from .errors import InputError, POConflict, POFormatError
from .types import Alignment, Bitext, Link, Sentence, Signature

try:  # the aligner owns the threshold; keep working before it has landed
    from .align import DEFAULT_REVIEW_THRESHOLD
except ImportError:  # pragma: no cover - depends on align.py
    DEFAULT_REVIEW_THRESHOLD = 0.9

FORMAT_VERSION = "1"
PLACEHOLDER = "[no source text]"
_BAD_CHARS = re.compile(r"[\x00-\x07\x0e-\x1f\x7f]")
_CTXT = re.compile(r"^src (-|\d+(?:,\d+)*) / tgt (-|\d+(?:,\d+)*)$")
_LINK = re.compile(r"^(\d+)-(\d+) link, confidence (\S+?)(, reviewed)?$")
_SIDES = re.compile(r"^(paragraphs|sentence lengths): src (-|\d+(?: \d+)*) / tgt (-|\d+(?: \d+)*)$")


# ---------------------------------------------------------------- atomic writes

def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` atomically: a reader sees the old file or the new one, never half.

    The temporary file lives in the same folder (os.replace is atomic only within one file
    system) and takes the old file's permissions, or the umask default for a new file.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:  # name the file the caller asked for, not our temporary one
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
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
    return path


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write `text` as UTF-8 atomically, newlines as given (no platform translation)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


# ---------------------------------------------------------------- Bitext -> PO

def _numbers(values: Iterable[int], sep: str) -> str:
    return sep.join(str(v + 1) for v in values) or "-"


def _side_text(sents: Sequence[Sentence], idx: Sequence[int], side: str, link: int) -> str:
    for j in idx:
        if not 0 <= j < len(sents):
            raise InputError(f"link {link} names {side} sentence {j}, but that text has "
                             f"{len(sents)} sentences; fix the alignment before saving")
        bad = _BAD_CHARS.search(sents[j].text)
        if bad:
            raise InputError(f"{side} sentence {j + 1} contains control character "
                             f"U+{ord(bad.group()):04X}; remove it before saving as PO")
    return "\n".join(sents[j].text for j in idx)


def _entry(bitext: Bitext, i: int, link: Link, threshold: float) -> polib.POEntry:
    if not (link.src or link.tgt):
        raise InputError(f"link {i} has no sentence on either side; remove it before saving")
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


def bitext_to_po(bitext: Bitext, *, threshold: float = DEFAULT_REVIEW_THRESHOLD,
                 revision_date: str | None = None) -> polib.POFile:
    """The PO file of `bitext`: one entry per link, header with languages, corpus and signature.

    `revision_date` (default: now, UTC) is the only field that varies between two writes of the
    same bitext; msgfmt --check wants it, golden tests pin it.
    """
    if revision_date is None:
        revision_date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M+0000")
    po = polib.POFile(wrapwidth=78)
    po.header = f"Aligned pairs written by alignment {__version__}; format: docs/po-format.md"
    po.extend(_entry(bitext, i, link, threshold) for i, link in enumerate(bitext.alignment.links))
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
    if bitext.alignment.warnings:
        po.metadata["X-Alignment-Warnings"] = json.dumps(list(bitext.alignment.warnings))
    po.metadata["X-Alignment-Checksum"] = entries_checksum(po)
    return po


# ---------------------------------------------------------------- PO -> Bitext

def _where(po: polib.POFile, entry: polib.POEntry | None = None) -> str:
    name = po.fpath or "PO file"
    return f"{name}, line {entry.linenum}" if entry is not None and entry.linenum else name


def _threshold(po: polib.POFile) -> float:
    value = po.metadata.get("X-Alignment-Review-Threshold", "")
    try:
        return float(value) if value else DEFAULT_REVIEW_THRESHOLD
    except ValueError:
        raise POFormatError(f"{_where(po)}: header X-Alignment-Review-Threshold {value!r} is not a "
                            f"number; fix it (e.g. 0.9)") from None


def _comment(po: polib.POFile, entry: polib.POEntry, pattern: re.Pattern[str],
             what: str) -> re.Match[str] | None:
    for line in (entry.comment or "").splitlines():
        match = pattern.match(line.strip())
        if match and (what == "link" or match.group(1) == what):
            return match
    return None


def _link_state(po: polib.POFile, entry: polib.POEntry, threshold: float) -> tuple[float, bool]:
    """(confidence, reviewed) of an entry, following the rules of docs/po-format.md."""
    match = _comment(po, entry, _LINK, "link")
    if match is None:
        raise POFormatError(f"{_where(po, entry)}: no '#. N-M link, confidence C' comment; this "
                            f"entry was not written by alignment (see docs/po-format.md)")
    try:
        confidence = float(match.group(3))
    except ValueError:
        raise POFormatError(f"{_where(po, entry)}: confidence {match.group(3)!r} is not a "
                            f"number; fix the '#.' comment") from None
    if entry.fuzzy:
        return confidence, False
    # gettext tools drop `fuzzy` from untranslated entries (msgcat does), so an omission
    # without it is reviewed only when the comment says so
    unfuzzied = confidence < threshold and entry.msgstr != ""
    return confidence, bool(match.group(4)) or unfuzzied


def _positions(po: polib.POFile, entry: polib.POEntry) -> tuple[tuple[int, ...], tuple[int, ...]]:
    match = _CTXT.match(entry.msgctxt or "")
    if match is None:
        raise POFormatError(f"{_where(po, entry)}: msgctxt {entry.msgctxt!r} is not "
                            f"'src I,J / tgt K' as alignment writes it; restore it (docs/po-format.md)")

    def parse(group: str) -> tuple[int, ...]:
        return () if group == "-" else tuple(int(v) - 1 for v in group.split(","))

    src, tgt = parse(match.group(1)), parse(match.group(2))
    if not (src or tgt) or min(src + tgt) < 0:
        raise POFormatError(f"{_where(po, entry)}: msgctxt {entry.msgctxt!r} names no sentence "
                            f"or sentence 0; sentence numbers start at 1")
    return src, tgt


def _side_numbers(po: polib.POFile, entry: polib.POEntry, what: str,
                  counts: tuple[int, int]) -> tuple[list[int], list[int]] | None:
    match = _comment(po, entry, _SIDES, what)
    if match is None:
        return None
    sides = [[] if g == "-" else [int(v) for v in g.split()] for g in match.group(2, 3)]
    if (len(sides[0]), len(sides[1])) != counts:
        raise POFormatError(f"{_where(po, entry)}: '{what}' lists {len(sides[0])}+{len(sides[1])} "
                            f"sentences but the msgctxt {counts[0]}+{counts[1]}; fix the comment")
    return sides[0], sides[1]


def _split(po: polib.POFile, entry: polib.POEntry, text: str, n: int,
           lengths: list[int] | None, side: str) -> list[str]:
    """Cut one side's text back into its n sentences (one per line, or by recorded lengths)."""
    if n == 0:
        return []
    if lengths is not None:
        if text == PLACEHOLDER and side == "source" and lengths == [0]:
            return [""]
        parts, at = [], 0
        for size in lengths:
            parts.append(text[at:at + size])
            at += size + 1
        if "\n".join(parts) == text:
            return parts
    parts = text.split("\n")
    if len(parts) != n:
        raise POFormatError(f"{_where(po, entry)}: the {side} side has {len(parts)} line(s) but "
                            f"{n} sentence(s); put one sentence per line")
    return parts


def _read_entry(po: polib.POFile, entry: polib.POEntry, threshold: float,
                src: dict[int, Sentence], tgt: dict[int, Sentence]) -> Link:
    src_idx, tgt_idx = _positions(po, entry)
    confidence, reviewed = _link_state(po, entry, threshold)
    counts = (len(src_idx), len(tgt_idx))
    paragraphs = _side_numbers(po, entry, "paragraphs", counts)
    if paragraphs is None:
        raise POFormatError(f"{_where(po, entry)}: no '#. paragraphs: src P / tgt Q' comment; "
                            f"this entry was not written by alignment (see docs/po-format.md)")
    lengths = _side_numbers(po, entry, "sentence lengths", counts) or (None, None)
    texts = (_split(po, entry, entry.msgid, counts[0], lengths[0], "source"),
             _split(po, entry, entry.msgstr, counts[1], lengths[1], "target"))
    for store, idx, pars, txts, side in ((src, src_idx, paragraphs[0], texts[0], "source"),
                                         (tgt, tgt_idx, paragraphs[1], texts[1], "target")):
        for j, par, text in zip(idx, pars, txts):
            if j in store:
                raise POFormatError(f"{_where(po, entry)}: {side} sentence {j + 1} is already in "
                                    f"another entry; each sentence belongs to one link")
            store[j] = Sentence(text, paragraph=max(par - 1, 0))
    return Link(src_idx, tgt_idx, confidence=confidence, reviewed=reviewed)


def _complete(po: polib.POFile, store: dict[int, Sentence], side: str) -> tuple[Sentence, ...]:
    missing = sorted(set(range(len(store))) - set(store))
    if missing or (store and max(store) != len(store) - 1):
        first = missing[0] if missing else len(store)
        raise POFormatError(f"{_where(po)}: {side} sentence {first + 1} is in no entry; "
                            f"the file is incomplete (restore it, or align the texts again)")
    return tuple(store[j] for j in range(len(store)))


def _signature(po: polib.POFile) -> Signature:
    data = po.metadata.get("X-Alignment-Signature-Data", "")
    if not data:
        return Signature()
    try:
        d = json.loads(data)
        return Signature(aligner=d["aligner"], version=d["version"], embedder=d["embedder"],
                         embedder_version=d["embedder_version"],
                         params=tuple((str(k), str(v)) for k, v in d["params"]), seed=d["seed"])
    except (ValueError, KeyError, TypeError):
        raise POFormatError(f"{_where(po)}: header X-Alignment-Signature-Data is not the JSON "
                            f"alignment writes; delete that header line or restore it") from None


def po_to_bitext(po: polib.POFile) -> Bitext:
    """The Bitext stored in `po` (see docs/po-format.md); POFormatError names file and line."""
    langs = [po.metadata.get(k, "").strip() for k in ("X-Source-Language", "Language")]
    if not all(langs):
        raise POFormatError(f"{_where(po)}: header lacks Language or X-Source-Language; this PO "
                            f"was not written by alignment (see docs/po-format.md)")
    threshold = _threshold(po)
    src: dict[int, Sentence] = {}
    tgt: dict[int, Sentence] = {}
    links = tuple(_read_entry(po, e, threshold, src, tgt) for e in po if not e.obsolete)
    try:
        warnings = tuple(json.loads(po.metadata.get("X-Alignment-Warnings", "") or "[]"))
    except ValueError:
        raise POFormatError(f"{_where(po)}: header X-Alignment-Warnings is not a JSON list; "
                            f"delete that header line") from None
    alignment = Alignment(links=links, signature=_signature(po), warnings=warnings)
    return Bitext(src=_complete(po, src, "source"), tgt=_complete(po, tgt, "target"),
                  alignment=alignment, src_lang=langs[0], tgt_lang=langs[1],
                  corpus_id=po.metadata.get("X-Alignment-Corpus", ""))


def rebuild_text(sentences: Sequence[Sentence]) -> str:
    """One side's text again: sentences joined by a space, a blank line between paragraphs."""
    out: list[str] = []
    for k, sent in enumerate(sentences):
        if k:
            out.append("\n\n" if sent.paragraph != sentences[k - 1].paragraph else " ")
        out.append(sent.text)
    return "".join(out)


# ---------------------------------------------------------------- files

def _load(path: Path) -> polib.POFile:
    """Parse a PO file; POFormatError (file and line) or InputError (missing) on failure."""
    if not path.is_file():
        raise InputError(f"{path}: no such PO file; give the path of a .po file")
    try:
        # polib parses a path line by line on "\n"; given a string it would split on U+2028 too
        return polib.pofile(str(path), encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise POFormatError(f"{path}: not UTF-8 (byte {exc.start}); save the PO file as UTF-8") from None
    except (OSError, ValueError) as exc:  # polib reports syntax errors as OSError
        message = str(exc) if str(path) in str(exc) else f"{path}: {exc}"
        raise POFormatError(f"{message}; fix the file or write it again") from None


def read_po(path: str | os.PathLike[str]) -> Bitext:
    """Read a PO file written by `write_po` (possibly edited in a PO editor) back as a Bitext.

    A file this package wrote (or read before) opens from its snapshot (see snapshot.py)
    when its bytes are unchanged; otherwise it is parsed with polib.
    """
    from .snapshot import load_snapshot, store_snapshot

    path = Path(path)
    fingerprint = file_fingerprint(path)
    cached = load_snapshot(fingerprint) if fingerprint else None
    if cached is not None:
        return cached[0]
    bitext = po_to_bitext(_load(path))
    if fingerprint:
        store_snapshot(fingerprint, bitext, origin="read")
    return bitext


def entries_checksum(po: polib.POFile) -> str:
    """'sha256:…' over what a person can change in the entries (docs/po-format.md)."""
    threshold = _threshold(po)
    rows = [[e.msgctxt, e.msgid, e.msgstr, _link_state(po, e, threshold)[1], e.tcomment]
            for e in po if not e.obsolete]
    blob = json.dumps(rows, separators=(",", ":")).encode("ascii")
    return "sha256:" + hashlib.sha256(blob).hexdigest()


def edited_reason(path: str | os.PathLike[str]) -> str | None:
    """Why the PO at `path` must not be replaced silently, or None when the tool's output is intact."""
    from .snapshot import load_snapshot

    path = Path(path)
    cached = load_snapshot(file_fingerprint(path))
    if cached is not None and cached[1] == "write_po":
        return None  # the very bytes write_po wrote: nobody edited them
    try:
        po = _load(path)
        stored = po.metadata.get("X-Alignment-Checksum", "")
        if not stored:
            return ("holds a person's corrections (saved from the reader app)"
                    if po.metadata.get("X-Alignment-Edited") == "yes"
                    else "was not written by alignment (it has no X-Alignment-Checksum)")
        if stored != entries_checksum(po):
            return "was edited since alignment wrote it (texts, reviews or comments changed)"
    except (POFormatError, InputError):
        return "is not a PO file alignment can read"
    return None


def write_po(bitext: Bitext, path: str | os.PathLike[str], *, overwrite_edited: bool = False) -> Path:
    """Write `bitext` as PO atomically; refuse (POConflict) to replace a PO a person edited.

    It refuses rather than merges: a new alignment can move every link, so there is no safe
    automatic merge; the person chooses another file or `--overwrite-edited`.
    """
    from .snapshot import store_snapshot

    ensure_replaceable(path, overwrite_edited=overwrite_edited)
    data = str(bitext_to_po(bitext)).encode("utf-8")
    written = atomic_write_bytes(path, data)
    store_snapshot(hashlib.sha256(data).hexdigest(), bitext, origin="write_po")
    return written


def ensure_replaceable(path: str | os.PathLike[str], *, overwrite_edited: bool = False) -> None:
    """Raise POConflict now if `write_po` would refuse `path`: call it before a long alignment."""
    path = Path(path)
    if path.exists() and not overwrite_edited:
        reason = edited_reason(path)
        if reason:
            raise POConflict(f"{path} {reason}; not replaced: write to another file, or pass "
                             f"--overwrite-edited to replace it")


def file_fingerprint(path: str | os.PathLike[str]) -> str:
    """SHA-256 of the file's bytes ('' when there is no file), to notice changes on disk."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def save_po(bitext: Bitext, path: str | os.PathLike[str], *, expected_fingerprint: str) -> str:
    """Save a person's corrections; refuse if the file changed on disk since it was read.

    The file is marked `X-Alignment-Edited: yes` (no checksum) so that `write_po` will not
    replace the corrections later. Returns the new fingerprint.
    """
    path = Path(path)
    if file_fingerprint(path) != expected_fingerprint:
        raise POConflict(f"{path} changed on disk since it was opened (another window or program "
                         f"saved it); reload it to see those changes, or save under another name")
    po = bitext_to_po(bitext)
    del po.metadata["X-Alignment-Checksum"]
    po.metadata["X-Alignment-Edited"] = "yes"
    from .snapshot import store_snapshot

    data = str(po).encode("utf-8")
    atomic_write_bytes(path, data)
    fingerprint = hashlib.sha256(data).hexdigest()
    store_snapshot(fingerprint, bitext, origin="save_po")
    return fingerprint
