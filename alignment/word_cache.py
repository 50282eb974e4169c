"""An on-disk cache of word links, so linking the same text again costs a file read.

The sentence encodings are cached per sentence (embed_cache.PartsCache); word links depend on the
whole text (the statistical model is trained on all its pairs), so they are cached per
text: the key hashes every token of every pair, the settings and the encoder version. The
values are numpy arrays in one .npz file per text, written atomically; a damaged or stale
file is recomputed, never trusted. Losing the cache loses nothing.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .types import Token, WordLink

KEEP = 16  # newest texts kept
# Raised when the linker gives other links for the same tokens and settings, so that links
# cached by an earlier version are not used (2: no HMM step on a text whose order differs)
LINKER = 2
TokenPairs = Sequence[tuple[Sequence[Token], Sequence[Token]]]
Linker = Callable[..., list[tuple[WordLink, ...]]]


def _key(tokens: TokenPairs, embedder: Any, config: Any) -> str:
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{getattr(embedder, 'name', '?')} {getattr(embedder, 'version', '?')}".encode())
    h.update(repr(config.params()).encode() + f" linker {LINKER}".encode())
    for src, tgt in tokens:
        h.update("\x1f".join(t.text for t in src).encode("utf-8", "surrogatepass") + b"\x1e")
        h.update("\x1f".join(t.text for t in tgt).encode("utf-8", "surrogatepass") + b"\x1d")
    return h.hexdigest()


def _pack(links: list[tuple[WordLink, ...]]) -> bytes:
    counts = np.array([len(p) for p in links], dtype=np.int64)
    flat = [w for p in links for w in p]
    arrays = {"counts": counts,
              "src": np.array([w.src for w in flat], dtype=np.int64),
              "tgt": np.array([w.tgt for w in flat], dtype=np.int64),
              "conf": np.array([round(w.confidence * 100) for w in flat], dtype=np.int64),
              "sure": np.array([w.sure for w in flat], dtype=bool)}
    out = io.BytesIO()
    np.savez(out, **arrays)
    return out.getvalue()


def _unpack(data: bytes, n_pairs: int) -> list[tuple[WordLink, ...]] | None:
    with np.load(io.BytesIO(data)) as z:
        counts, src, tgt, conf, sure = (z[k] for k in ("counts", "src", "tgt", "conf", "sure"))
    if len(counts) != n_pairs or counts.sum() != len(src):
        return None
    out, at = [], 0
    for c in counts.tolist():
        out.append(tuple(WordLink(a, b, k / 100, s) for a, b, k, s in
                         zip(src[at:at + c].tolist(), tgt[at:at + c].tolist(),
                             conf[at:at + c].tolist(), sure[at:at + c].tolist())))
        at += c
    return out


def cached_linker(cache_dir: str | os.PathLike[str], linker: Linker | None = None) -> Linker:
    """`linker` (default words.link_tokens) with its results kept under cache_dir/word-links."""
    from .atomic import atomic_write_bytes
    from .words import link_tokens

    inner = linker or link_tokens
    folder = Path(cache_dir) / "word-links"

    def link(tokens: TokenPairs, *, embedder: Any, config: Any = None,
             progress: Any = None) -> list[tuple[WordLink, ...]]:
        """`progress`, when given, goes to the linker (a cached text reports nothing)."""
        from .words import DEFAULT_CONFIG

        config = config or DEFAULT_CONFIG
        path = folder / f"{_key(tokens, embedder, config)}.npz"
        try:
            hit = _unpack(path.read_bytes(), len(tokens))
            if hit is not None:
                os.utime(path)
                return hit
        except (OSError, ValueError, KeyError, EOFError):
            pass
        more = {} if progress is None else {"progress": progress}
        result = inner(tokens, embedder=embedder, config=config, **more)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, _pack(result))
            for old in sorted(folder.glob("*.npz"), key=lambda p: p.stat().st_mtime)[:-KEEP]:
                old.unlink(missing_ok=True)
        except OSError:  # a cache must never fail the real work
            pass
        return result

    return link
