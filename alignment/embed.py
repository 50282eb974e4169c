"""Sentence embedding: the `Embedder` protocol and its implementations.

The aligner needs, for every sentence i and run length k, the embedding of the
concatenation of sentences i..i+k-1 (`embed_runs`). Embedders that can build
those from per-sentence parts (the multilingual USE is a deep averaging network)
do so cheaply; others fall back to encoding each concatenation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Embedder(Protocol):
    """Turns sentences into L2-normalised float32 vectors."""

    name: str
    version: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dim) float32, rows L2-normalised."""
        ...

    def embed_runs(self, texts: Sequence[str], max_run: int) -> np.ndarray:
        """(max_run, len(texts), dim): out[k-1, i] embeds texts[i:i+k] joined.

        Rows whose run would pass the end of `texts` are zero.
        """
        ...


def runs_by_concatenation(embedder: Embedder, texts: Sequence[str], max_run: int) -> np.ndarray:
    """Generic `embed_runs`: encode every concatenation (slow but exact)."""
    n = len(texts)
    out = np.zeros((max_run, n, embedder.dim), dtype=np.float32)
    for k in range(1, max_run + 1):
        joined = [" ".join(texts[i:i + k]) for i in range(n - k + 1)]
        if joined:
            out[k - 1, : len(joined)] = embedder.embed(joined)
    return out


def _normalise(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=-1, keepdims=True)
    return (m / np.maximum(norms, 1e-12)).astype(np.float32)


class HashingEmbedder:
    """Deterministic character n-gram hashing embedder (no model).

    Why: tests need a fast, deterministic stand-in for the neural encoder, and a
    text pair in related languages (names, numbers, cognates) still aligns on
    shared character n-grams. Runs are sums of per-sentence vectors, exactly.
    """

    name = "hashing"
    version = "1"

    def __init__(self, dim: int = 256, n: int = 3) -> None:
        self.dim = dim
        self.n = n

    def _raw(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float64)
        padded = f" {text.lower()} "
        for j in range(max(len(padded) - self.n + 1, 1)):
            gram = padded[j:j + self.n].encode("utf-8")
            h = int.from_bytes(hashlib.blake2b(gram, digest_size=8).digest(), "little")
            vec[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        return vec

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(np.stack([self._raw(t) for t in texts]))

    def embed_runs(self, texts: Sequence[str], max_run: int) -> np.ndarray:
        n = len(texts)
        raw = np.stack([self._raw(t) for t in texts]) if n else np.zeros((0, self.dim))
        out = np.zeros((max_run, n, self.dim), dtype=np.float32)
        csum = np.vstack([np.zeros((1, self.dim)), np.cumsum(raw, axis=0)])
        for k in range(1, max_run + 1):
            m = n - k + 1
            if m > 0:
                out[k - 1, :m] = _normalise(csum[k:k + m] - csum[:m])
        return out
