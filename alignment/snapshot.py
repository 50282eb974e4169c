"""Snapshots of PO files as compact JSON, keyed by the SHA-256 of the file's bytes.

Why: polib needs about 2 s to parse a 10,000-link PO on this machine, too slow for a
reader that must open one in under a second. When `po.write_po`/`po.save_po` write a
file, or `po.read_po` parses one, the Bitext is also stored here under the hash of the
exact bytes. Opening the same bytes again loads the JSON (tens of milliseconds); any
change to the file (a PO editor, another program) changes the hash, so the file is
parsed again. A snapshot is a cache: losing it loses nothing, and failing to write it
never fails the write of the PO itself.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .types import Alignment, Bitext, Link, Sentence, Signature

FORMAT = 1
KEEP = 32  # newest snapshots kept; each is about the size of its PO file


def snapshot_dir() -> Path:
    """Where snapshots live: <embedding cache dir>/po-snapshots ($ALIGNMENT_CACHE_DIR)."""
    from .embed import default_cache_dir

    return default_cache_dir() / "po-snapshots"


def _encode(bitext: Bitext, origin: str) -> str:
    sig = bitext.alignment.signature
    return json.dumps({
        "format": FORMAT, "origin": origin,
        "src_lang": bitext.src_lang, "tgt_lang": bitext.tgt_lang, "corpus_id": bitext.corpus_id,
        "src": [[s.text, s.paragraph] for s in bitext.src],
        "tgt": [[s.text, s.paragraph] for s in bitext.tgt],
        "links": [[list(k.src), list(k.tgt), k.confidence, k.reviewed]
                  for k in bitext.alignment.links],
        "signature": [sig.aligner, sig.version, sig.embedder, sig.embedder_version,
                      [list(p) for p in sig.params], sig.seed],
        "warnings": list(bitext.alignment.warnings),
    }, ensure_ascii=False, separators=(",", ":"))


def _decode(text: str) -> tuple[Bitext, str]:
    d = json.loads(text)
    if d.get("format") != FORMAT:
        raise ValueError("snapshot format")
    aligner, version, embedder, embedder_version, params, seed = d["signature"]
    signature = Signature(aligner, version, embedder, embedder_version,
                          tuple((str(k), str(v)) for k, v in params), seed)
    links = tuple(Link(tuple(s), tuple(t), float(c), bool(r)) for s, t, c, r in d["links"])
    bitext = Bitext(src=tuple(Sentence(t, p) for t, p in d["src"]),
                    tgt=tuple(Sentence(t, p) for t, p in d["tgt"]),
                    alignment=Alignment(links, signature, tuple(d["warnings"])),
                    src_lang=d["src_lang"], tgt_lang=d["tgt_lang"], corpus_id=d["corpus_id"])
    return bitext, str(d["origin"])


def store_snapshot(fingerprint: str, bitext: Bitext, *, origin: str) -> None:
    """Remember `bitext` as the content of the PO bytes hashing to `fingerprint` (best effort)."""
    from .po import atomic_write_text

    folder = snapshot_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(folder / f"{fingerprint}.json", _encode(bitext, origin))
        _prune(folder)
    except (OSError, ValueError, TypeError):  # a cache must never fail the real write
        return


def load_snapshot(fingerprint: str) -> tuple[Bitext, str] | None:
    """(Bitext, origin) stored for these PO bytes, or None when there is no usable snapshot."""
    if not fingerprint:
        return None
    path = snapshot_dir() / f"{fingerprint}.json"
    try:
        result = _decode(path.read_text(encoding="utf-8"))
        os.utime(path)  # keep recently used snapshots through pruning
        return result
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
