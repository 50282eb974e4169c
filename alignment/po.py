"""Store a Bitext as a gettext PO file and read it back without loss (docs/po-format.md).

PO is what translators' tools (Poedit, Weblate, Lokalize) open, so the aligned pairs can be
proofread there. polib (well kept, pure Python, keeps comments and flags) reads and writes the
syntax; this module maps links to entries and back, detects human edits through a checksum of
the entries, and provides the atomic writers every module uses (temp file + os.replace).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

import polib

from . import __version__
from .errors import InputError, POConflict, POFormatError
from .types import Alignment, Bitext, Link, Sentence, Signature, WordLink

try:  # the aligner owns the threshold; keep working before it has landed
    from .align import DEFAULT_REVIEW_THRESHOLD
except ImportError:  # pragma: no cover - depends on align.py
    DEFAULT_REVIEW_THRESHOLD = 0.9

FORMAT_VERSION = "1"
PLACEHOLDER = "[no source text]"
_BAD_CHARS = re.compile(r"[\x00-\x07\x0e-\x1f\x7f]")
_CTXT = re.compile(r"^src (-|\d+(?:,\d+)*) / tgt (-|\d+(?:,\d+)*)$")
_LINK = re.compile(r"^(\d+)-(\d+) link, confidence (\S+?)(, reviewed)?$")
_WORDS = re.compile(r"^(words|word confidence):\s*(.*)$")
_WORD = re.compile(r"^(\d+)([-p])(\d+)$")
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
    lines.extend(_word_lines(link.words))
    fuzzy = link.confidence < threshold and not link.reviewed
    return polib.POEntry(
        msgctxt=f"src {_numbers(link.src, ',')} / tgt {_numbers(link.tgt, ',')}",
        msgid=msgid or PLACEHOLDER, msgstr=msgstr, comment="\n".join(lines),
        occurrences=[("src", str(j + 1)) for j in link.src] + [("tgt", str(j + 1)) for j in link.tgt],
        flags=["fuzzy"] if fuzzy else [])


def _word_lines(words: Sequence[WordLink]) -> list[str]:
    """`words: 0-0 2-1 3p1` (Pharaoh, p = possible) and the confidences in hundredths."""
    if not words:
        return []
    return ["words: " + " ".join(f"{w.src}{'-' if w.sure else 'p'}{w.tgt}" for w in words),
            "word confidence: " + " ".join(str(round(w.confidence * 100)) for w in words)]


def _read_words(po: polib.POFile, entry: polib.POEntry) -> tuple[WordLink, ...]:
    """The entry's word links, from the comments `_word_lines` writes (none: no links)."""
    found = dict(_WORDS.match(line.strip()).groups() for line in (entry.comment or "").splitlines()
                 if _WORDS.match(line.strip()))
    if not found:
        return ()
    pairs = [_WORD.match(item) for item in found.get("words", "").split()]
    confidences = found.get("word confidence", "").split()
    if not all(pairs) or len(confidences) != len(pairs) or not all(c.isdigit() for c in confidences):
        raise POFormatError(f"{_where(po, entry)}: '#. words:' must list 'i-j' or 'ipj' links and "
                            f"'#. word confidence:' one number 0-100 for each; fix or delete both lines")
    return tuple(WordLink(int(m.group(1)), int(m.group(3)), int(c) / 100, m.group(2) == "-")
                 for m, c in zip(pairs, confidences))


def _lengths(sents: Sequence[Sentence]) -> str:
    return " ".join(str(len(s.text)) for s in sents) or "-"


def _signature_json(sig: Signature) -> str:
    return json.dumps({"aligner": sig.aligner, "version": sig.version, "embedder": sig.embedder,
                       "embedder_version": sig.embedder_version,
                       "params": [list(p) for p in sig.params], "seed": sig.seed})


def _check_order(links: Sequence[Link]) -> None:
    """InputError unless the links follow both texts in order: what the reader needs."""
    from .po_guard import link_order

    order = link_order([(k.src, k.tgt) for k in links])
    if order != list(range(len(links))):
        bad = order if isinstance(order, int) else next(i for i, k in enumerate(order) if i != k)
        raise InputError(f"link {bad + 1} ({_numbers(links[bad].src, ',')} / "
                         f"{_numbers(links[bad].tgt, ',')}) is not in text order after the links "
                         f"before it; fix the alignment before saving")


def bitext_to_po(bitext: Bitext, *, threshold: float = DEFAULT_REVIEW_THRESHOLD,
                 revision_date: str | None = None) -> polib.POFile:
    """The PO file of `bitext`: one entry per link, header with languages, corpus and signature.

    `revision_date` (default: now, UTC) is the only field that varies between two writes of the
    same bitext; msgfmt --check wants it, golden tests pin it.
    """
    if revision_date is None:
        revision_date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M+0000")
    _check_order(bitext.alignment.links)
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
        threshold = float(value) if value else DEFAULT_REVIEW_THRESHOLD
    except ValueError:
        threshold = math.nan
    if not 0.0 <= threshold <= 1.0:
        raise POFormatError(f"{_where(po)}: header X-Alignment-Review-Threshold {value!r} is not a "
                            f"number from 0 to 1; fix it (e.g. 0.9)")
    return threshold


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
        confidence = math.nan
    if not 0.0 <= confidence <= 1.0:  # NaN, inf and negatives too
        raise POFormatError(f"{_where(po, entry)}: confidence {match.group(3)!r} is not a "
                            f"number from 0 to 1; fix the '#.' comment")
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


class _Raw(NamedTuple):
    """One entry as read: positions from the msgctxt, texts and paragraphs per side."""

    entry: polib.POEntry
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    texts: tuple[list[str], list[str]]
    paragraphs: tuple[list[int], list[int]]
    confidence: float
    reviewed: bool
    words: tuple[WordLink, ...] = ()


def _read_entry(po: polib.POFile, entry: polib.POEntry, threshold: float) -> _Raw:
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
    typed = [not idx and text.strip() and text != PLACEHOLDER
             for idx, text in ((src_idx, entry.msgid), (tgt_idx, entry.msgstr))]
    if any(typed):
        # text typed into the empty side of an omission or addition: kept as new sentence(s)
        texts = tuple([line for line in text.split("\n") if line.strip()] if new else old
                      for new, text, old in zip(typed, (entry.msgid, entry.msgstr), texts))
        reviewed = True
    words = () if any(typed) else _read_words(po, entry)  # typed text: its tokens are new
    return _Raw(entry, src_idx, tgt_idx, texts, paragraphs, confidence, reviewed, words)


def _check_coverage(po: polib.POFile, raws: Sequence[_Raw]) -> None:
    """Each sentence in exactly one entry, none missing (errors name file and line)."""
    for side, name in ((1, "source"), (2, "target")):
        seen: set[int] = set()
        for raw in raws:
            for j in raw[side]:
                if j in seen:
                    raise POFormatError(f"{_where(po, raw.entry)}: {name} sentence {j + 1} is "
                                        f"already in another entry; each sentence belongs to "
                                        f"one link")
                seen.add(j)
        missing = sorted(set(range(len(seen))) - seen)
        if missing:
            raise POFormatError(f"{_where(po)}: {name} sentence {missing[0] + 1} is in no entry; "
                                f"the file is incomplete (restore it, or align the texts again)")


def _ordered(po: polib.POFile, raws: list[_Raw]) -> list[_Raw]:
    """The entries in text order, taken from their msgctxt (see po_guard.link_order)."""
    from .po_guard import link_order

    order = link_order([(r.src, r.tgt) for r in raws])
    if isinstance(order, int):
        bad = raws[order]
        raise POFormatError(f"{_where(po, bad.entry)}: msgctxt {bad.entry.msgctxt!r} does not "
                            f"continue the links before it (sentences out of order or crossing "
                            f"another link); restore the msgctxt, or align the texts again")
    return [raws[k] for k in order]


def _assemble(raws: Sequence[_Raw]) -> tuple[tuple[Sentence, ...], tuple[Sentence, ...],
                                              tuple[Link, ...]]:
    """Sentences and links in order; a typed omission becomes a 1-1 (or 1-n) link."""
    sides: tuple[list[Sentence], list[Sentence]] = ([], [])
    links = []
    for raw in raws:
        idx: list[tuple[int, ...]] = []
        for k, store in enumerate(sides):
            pars = raw.paragraphs[k] or [store[-1].paragraph + 1 if store else 1] \
                * len(raw.texts[k])
            start = len(store)
            store.extend(Sentence(text, paragraph=max(par - 1, 0))
                         for text, par in zip(raw.texts[k], pars))
            idx.append(tuple(range(start, len(store))))
        links.append(Link(idx[0], idx[1], confidence=raw.confidence, reviewed=raw.reviewed,
                          words=raw.words))
    return tuple(sides[0]), tuple(sides[1]), tuple(links)


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


def _header_checks(po: polib.POFile) -> tuple[str, str]:
    """The two languages, after refusing an unknown format version or unusable codes."""
    version = po.metadata.get("X-Alignment-Format", FORMAT_VERSION).strip()
    if version != FORMAT_VERSION:
        raise POFormatError(f"{_where(po)}: X-Alignment-Format {version!r}, but this version of "
                            f"alignment reads format {FORMAT_VERSION}; update alignment")
    langs = [po.metadata.get(k, "").strip() for k in ("X-Source-Language", "Language")]
    if not all(langs):
        raise POFormatError(f"{_where(po)}: header lacks Language or X-Source-Language; this PO "
                            f"was not written by alignment (see docs/po-format.md)")
    for key, lang in zip(("X-Source-Language", "Language"), langs):
        if not re.fullmatch(r"[A-Za-z0-9_@.-]+", lang):
            raise POFormatError(f"{_where(po)}: header {key} {lang!r} is not a language code; "
                                f"write one such as fr, en or pt-BR")
    return langs[0], langs[1]


def po_to_bitext(po: polib.POFile) -> Bitext:
    """The Bitext stored in `po` (see docs/po-format.md); POFormatError names file and line.

    Links follow their msgctxt positions, not the file's order (msgcat --sort-output), and a
    translation typed into an omission entry becomes target sentence(s) of that link.
    """
    src_lang, tgt_lang = _header_checks(po)
    threshold = _threshold(po)
    raws = [_read_entry(po, e, threshold) for e in po if not e.obsolete]
    _check_coverage(po, raws)
    src, tgt, links = _assemble(_ordered(po, raws))
    try:
        warnings = tuple(json.loads(po.metadata.get("X-Alignment-Warnings", "") or "[]"))
    except ValueError:
        raise POFormatError(f"{_where(po)}: header X-Alignment-Warnings is not a JSON list; "
                            f"delete that header line") from None
    alignment = Alignment(links=links, signature=_signature(po), warnings=warnings)
    return Bitext(src=src, tgt=tgt, alignment=alignment, src_lang=src_lang, tgt_lang=tgt_lang,
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

def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise InputError(f"{path}: no such PO file; give the path of a .po file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the PO file ({exc.strerror})") from None


def _parse(path: Path, data: bytes) -> polib.POFile:
    """Parse PO bytes; POFormatError (file and line) on failure.

    The bytes are those the caller fingerprinted, so what is parsed is what was checked. Lines
    are split as open() does (\n, \r\n, \r), never on U+2028 as str.splitlines would.
    """
    from .po_guard import lint

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise POFormatError(f"{path}: not UTF-8 (byte {exc.start}); save the PO file as UTF-8") from None
    lint(path, text)
    try:
        parser = polib._POFileParser("", encoding="utf-8")  # the parser polib.pofile uses
        parser.fhandle = io.StringIO(text, newline=None)
        parser.instance.fpath = str(path)
        return parser.parse()
    except (OSError, ValueError) as exc:  # polib reports syntax errors as OSError
        message = str(exc) if str(path) in str(exc) else f"{path}: {exc}"
        raise POFormatError(f"{message}; fix the file or write it again") from None


def _load(path: Path) -> polib.POFile:
    """Parse a PO file; POFormatError (file and line) or InputError (missing) on failure."""
    return _parse(path, _read_bytes(path))


def read_po_fingerprinted(path: str | os.PathLike[str]) -> tuple[Bitext, str]:
    """(Bitext, SHA-256 of the very bytes it was read from): pass it to save_po/annotate_po."""
    from .snapshot import load_snapshot, store_snapshot

    path = Path(path)
    data = _read_bytes(path)
    fingerprint = hashlib.sha256(data).hexdigest()
    cached = load_snapshot(fingerprint, data)
    if cached is not None:
        return cached[0], fingerprint
    bitext = po_to_bitext(_parse(path, data))
    store_snapshot(fingerprint, bitext, origin="read")
    return bitext, fingerprint


def read_po(path: str | os.PathLike[str]) -> Bitext:
    """Read a PO file written by `write_po` (possibly edited in a PO editor) back as a Bitext.

    A file this package wrote (or read before) opens from its snapshot (see snapshot.py)
    when its bytes are unchanged; otherwise it is parsed with polib.
    """
    return read_po_fingerprinted(path)[0]


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
    try:
        data = _read_bytes(path)
    except InputError:
        return "is not a PO file alignment can read"
    cached = load_snapshot(hashlib.sha256(data).hexdigest(), data)
    if cached is not None and cached[1] == "write_po":
        return None  # the very bytes write_po wrote: nobody edited them
    try:
        po = _parse(path, data)
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
    automatic merge; the person chooses another file or `--overwrite-edited`. The check and
    the rename happen under the file's lock (po_guard.locked), so a save cannot slip between.
    """
    from .po_guard import ensure_writable, locked
    from .snapshot import store_snapshot

    ensure_replaceable(path, overwrite_edited=overwrite_edited)
    data = str(bitext_to_po(bitext)).encode("utf-8")
    with locked(path):
        ensure_replaceable(path, overwrite_edited=overwrite_edited)
        ensure_writable(path)
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


def _conflict(path: Path) -> POConflict:
    return POConflict(f"{path} changed on disk since it was opened (another window or program "
                      f"saved it); reload it to see those changes, or save under another name")


def replace_if_unchanged(path: str | os.PathLike[str], make: Callable[[bytes], bytes], *,
                         expected_fingerprint: str) -> str:
    """Replace the file with make(current bytes) if it still hashes to `expected_fingerprint`.

    The check and the rename happen under the file's lock, and the check is made again there,
    so of two saves started from the same version exactly one wins (POConflict for the other).
    `make` runs under the lock too (it may merge what is on disk). Returns the new fingerprint.
    """
    from .po_guard import ensure_writable, locked

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


def save_po(bitext: Bitext, path: str | os.PathLike[str], *, expected_fingerprint: str) -> str:
    """Save a person's corrections; refuse if the file changed on disk since it was read.

    The file is marked `X-Alignment-Edited: yes` (no checksum) so that `write_po` will not
    replace the corrections later. What other tools added to the file on disk (translator
    comments, header fields) is kept (po_guard.carry_over). Returns the new fingerprint.
    """
    from .po_guard import carry_over, has_foreign
    from .snapshot import store_snapshot

    path = Path(path)
    po = bitext_to_po(bitext)
    del po.metadata["X-Alignment-Checksum"]
    po.metadata["X-Alignment-Edited"] = "yes"
    plain = str(po).encode("utf-8")

    def merged(current: bytes) -> bytes:
        if not has_foreign(current):
            return plain  # the common case: no parse of the old file under the lock
        try:
            old = _parse(path, current)
        except POFormatError:
            return plain  # nothing readable to keep; the fingerprint matched what was opened
        carry_over(old, po)
        return str(po).encode("utf-8")

    fingerprint = replace_if_unchanged(path, merged, expected_fingerprint=expected_fingerprint)
    store_snapshot(fingerprint, bitext, origin="save_po")
    return fingerprint
