"""Finished runs (embed.UseEmbedder.embed_runs) in the on-disk cache: their keys, rows and checks.

Why a module of its own: how runs are kept (one float16 row per start sentence, checked on
reading, rounded on writing so that a cold call returns what a warm one reads) is a storage
format, as embed_cache.py's sqlite3 file is; embed.py keeps the maths of the encoder.
"""

from __future__ import annotations

import hashlib

import numpy as np

from .embed_cache import PartsCache, warn_bad_rows
from .use_model import DIM


def row_blocks(hit: dict, keys: list[bytes], at: list[int], dtype, shape: tuple[int, ...]):
    """(indexes, rows) of the cache hits of keys[at], 4,096 rows an array: a numpy
    call per row took 0.3 s for a 10k-sentence side, one array for all rows would
    copy the whole side at once."""
    for start in range(0, len(at), 4096):
        part = np.array(at[start:start + 4096], dtype=np.int64)
        rows = np.frombuffer(b"".join(hit[keys[i]][1] for i in part), dtype=dtype)
        yield part, rows.reshape(len(part), *shape)


def run_keys(s_keys: list[bytes], max_run: int) -> list[bytes]:
    """Cache key of the runs starting at each sentence: its text and the next max_run - 1.

    Why one row per start rather than per run: a sixth of the sqlite
    look-ups (0.6 s a side at 10,000 sentences per run), while an edited
    sentence still costs only the max_run rows that can reach it.
    """
    tag = max_run.to_bytes(2, "little")
    return [hashlib.blake2b(tag + b"".join(s_keys[i:i + max_run]), digest_size=20).digest()
            for i in range(len(s_keys))]


def cached_runs(out: np.ndarray, cache: PartsCache | None,
                keys: list[bytes] | None) -> list[np.ndarray]:
    """Fill out[:, i] from the cache; per run length k, the rows i still to compute.

    A row holds the min(max_run, n - i) runs starting at i, each of unit
    length; a row of another size, or with a vector of another length (or
    not finite), is recomputed."""
    max_run, n = out.shape[:2]
    todo = np.arange(n)
    if keys is not None and cache is not None:
        hit = cache.get(keys, "runs")
        found = np.zeros(n, bool)
        for k in range(1, min(max_run, n) + 1):  # rows of k runs: all but the last few hold max_run
            at = [i for i in (range(n - max_run + 1) if k == max_run else [n - k])
                  if i >= 0 and keys[i] in hit and hit[keys[i]][0] == k
                  and len(hit[keys[i]][1]) == 2 * k * DIM]
            for part, vec in row_blocks(hit, keys, at, np.float16, (k, DIM)):
                block = part[-1] - part[0] + 1 == len(part)  # the usual case: converted in place
                got = out[:k, part[0]:part[-1] + 1] if block else np.empty((k, len(part), DIM), np.float32)
                got[...] = vec.transpose(1, 0, 2)
                sq = np.einsum("kid,kid->ki", got, got)  # a row left unfound is computed over
                ok = np.isfinite(sq).all(axis=0) & (np.abs(np.sqrt(sq) - 1).max(axis=0) < 1e-2)
                if not block:
                    out[:k, part[ok]] = got[:, ok]
                found[part[ok]] = True
        if len(hit) > found.sum():
            warn_bad_rows(cache.path, int(len(hit) - found.sum()), "had the wrong shape or values")
        todo = np.flatnonzero(~found)
    return [todo[todo < n - k + 1] for k in range(1, min(max_run, n) + 1)]


def store_runs(cache: PartsCache, out: np.ndarray, keys: list[bytes],
               missing: list[np.ndarray]) -> None:
    """Cache the computed runs as float16, and round them in out to match a warm read."""
    todo = missing[0]
    every = len(todo) == out.shape[1]  # a cold call: no fancy-indexed copies
    half = (out if every else out[:, todo]).astype(np.float16)
    if every:
        np.copyto(out, half)
    else:
        out[:, todo] = half
    half = np.ascontiguousarray(half.transpose(1, 0, 2))  # a row's runs side by side
    n_runs = np.minimum(len(out), out.shape[1] - todo)
    cache.put([(keys[i], int(k), half[j, :k].tobytes())
               for j, (i, k) in enumerate(zip(todo.tolist(), n_runs.tolist()))], "runs")
