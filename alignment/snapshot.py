"""Snapshots of PO files as compact JSON, keyed by the SHA-256 of the file's bytes.

Why: polib needs about 2 s to parse a 10,000-link PO on this machine, too slow for a
reader that must open one in under a second. When `po.write_po`/`po.save_po` write a
file, or `po_files.read_po` parses one, the Bitext is also stored here under the hash of the
exact bytes. Opening the same bytes again loads the JSON (tens of milliseconds); any
change to the file (a PO editor, another program) changes the hash, so the file is
parsed again. A snapshot is a cache: losing it loses nothing, and failing to write it
never fails the write of the PO itself.

A snapshot is checked against the file before use: it carries a SHA-256 over the PO's
fingerprint and its own payload (so an edited, truncated or misnamed snapshot is refused),
and the number of entries must match the file's msgctxt lines; on any doubt it is discarded
(with a warning) and the file is parsed. ALIGNMENT_PO_SNAPSHOTS=0 turns snapshots off
(tests of the parser use it, so that they read what they claim to read).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from pathlib import Path

from .atomic import atomic_write_text
from .types import Alignment, Bitext, Link, Sentence, Signature, WordLink

FORMAT = 5  # 2: with a check over the PO fingerprint and the payload; 3: links carry word links;
            # 4: and dismissed findings (a format-3 snapshot of a PO would drop them); 5: word links
            # of a link edited since they were made are dropped when read (po_words.py): a
            # format-4 snapshot of such a PO still held them
READS = "t3d"
"""The rules a PO was read by, in each snapshot's name: word_tokens.TOKENS_VERSION ('t3') and
a letter bumped when po_words reads saved word links otherwise. A snapshot made by other rules
is not read (the PO is parsed again): one made by the reader that dropped the word links keyed
by tokenizer version 2 kept them dropped after that reader was mended; 'c': the header's
X-Alignment-Headings is read (a snapshot made without it would list a PDF's author line); 'd':
the '#. italics:' lines are read (italics.py)."""
KEEP = 32  # newest snapshots kept; each is about the size of its PO file
_log = logging.getLogger(__name__)
_MSGCTXT = re.compile(rb"^msgctxt ", re.MULTILINE)


def enabled() -> bool:
    """False when $ALIGNMENT_PO_SNAPSHOTS is 0/no/off: every read parses the PO."""
    return os.environ.get("ALIGNMENT_PO_SNAPSHOTS", "1").strip().lower() not in ("0", "no", "off")


def snapshot_dir() -> Path:
    """Where snapshots live: <embedding cache dir>/po-snapshots ($ALIGNMENT_CACHE_DIR)."""
    from .embed import default_cache_dir

    return default_cache_dir() / "po-snapshots"


def _check(fingerprint: str, payload: str) -> str:
    return hashlib.sha256(f"{fingerprint}\n{payload}".encode("utf-8")).hexdigest()


def sentence_item(s: Sentence) -> list:
    """[text, paragraph], and its italic stretches where it has some (a third item: snapshots
    and drafts written before italics were carried read as they did)."""
    return [s.text, s.paragraph, [list(x) for x in s.italics]] if s.italics else [s.text, s.paragraph]


def read_sentence_item(text: str, paragraph: int, italics: list | None = None) -> Sentence:
    return Sentence(text, paragraph, tuple((int(a), int(b)) for a, b in italics or ()))


def _encode(bitext: Bitext, origin: str, fingerprint: str) -> str:
    sig = bitext.alignment.signature
    payload = json.dumps({
        "origin": origin,
        "src_lang": bitext.src_lang, "tgt_lang": bitext.tgt_lang, "corpus_id": bitext.corpus_id,
        "src": [sentence_item(s) for s in bitext.src],
        "tgt": [sentence_item(s) for s in bitext.tgt],
        "links": [[list(k.src), list(k.tgt), k.confidence, k.reviewed,
                   [[w.src, w.tgt, w.confidence, w.sure] for w in k.words], list(k.dismissed), k.unit]
                  for k in bitext.alignment.links],
        "signature": [sig.aligner, sig.version, sig.embedder, sig.embedder_version,
                      [list(p) for p in sig.params], sig.seed],
        "warnings": list(bitext.alignment.warnings),
        "headings": None if bitext.heading_paragraphs is None
        else [sorted(h) for h in bitext.heading_paragraphs],
    }, ensure_ascii=False, separators=(",", ":"))
    return f"{FORMAT} {_check(fingerprint, payload)}\n{payload}"


def _decode(text: str, fingerprint: str, formats: tuple[int, ...] = (FORMAT,)) -> tuple[Bitext, str]:
    """The Bitext and origin of an _encode'd text, in one of `formats` (drafts.py reads the
    drafts written before format 4 too: they hold every correction a person made then)."""
    head, _, payload = text.partition("\n")
    if head not in {f"{f} {_check(fingerprint, payload)}" for f in formats}:
        raise ValueError("snapshot check")
    d = json.loads(payload)
    aligner, version, embedder, embedder_version, params, seed = d["signature"]
    signature = Signature(aligner, version, embedder, embedder_version,
                          tuple((str(k), str(v)) for k, v in params), seed)
    links = tuple(Link(tuple(s), tuple(t), float(c), bool(r),
                       tuple(WordLink(int(a), int(b), float(wc), bool(sure)) for a, b, wc, sure in w),
                       tuple(str(k) for k in rest[0]) if rest else (),
                       str(rest[1]) if len(rest) > 1 else "")
                  for s, t, c, r, w, *rest in d["links"])
    bitext = Bitext(src=tuple(read_sentence_item(*s) for s in d["src"]),
                    tgt=tuple(read_sentence_item(*s) for s in d["tgt"]),
                    alignment=Alignment(links, signature, tuple(d["warnings"])),
                    src_lang=d["src_lang"], tgt_lang=d["tgt_lang"], corpus_id=d["corpus_id"],
                    heading_paragraphs=None if d.get("headings") is None
                    else (frozenset(d["headings"][0]), frozenset(d["headings"][1])))
    return bitext, str(d["origin"])


def store_snapshot(fingerprint: str, bitext: Bitext, *, origin: str) -> None:
    """Remember `bitext` as the content of the PO bytes hashing to `fingerprint` (best effort)."""
    if not (fingerprint and enabled()):
        return
    folder = snapshot_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(folder / _name(fingerprint), _encode(bitext, origin, fingerprint))
        _prune(folder)
    except (OSError, ValueError, TypeError):  # a cache must never fail the real write
        return


def load_snapshot(fingerprint: str, data: bytes | None = None) -> tuple[Bitext, str] | None:
    """(Bitext, origin) stored for these PO bytes, or None when there is no usable snapshot.

    `data`, the PO's bytes when the caller has them, lets the entry count be checked too.
    A snapshot that fails a check is deleted, with a warning, and None is returned.
    """
    if not (fingerprint and enabled()):
        return None
    path = snapshot_dir() / _name(fingerprint)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None
    try:
        bitext, origin = _decode(text, fingerprint)
        if data is not None and len(_MSGCTXT.findall(data)) != len(bitext.alignment.links):
            raise ValueError("entry count")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        _log.warning("Warning: PO snapshot %s does not match its file (%s); discarded, the PO "
                     "is parsed instead", path, exc)
        path.unlink(missing_ok=True)
        return None
    try:
        os.utime(path)  # keep recently used snapshots through pruning
    except OSError:
        pass
    return bitext, origin


def _name(fingerprint: str) -> str:
    return f"{fingerprint}.{READS}.json"


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
