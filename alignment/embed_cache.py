"""The on-disk cache of sentence encodings, for embed.UseEmbedder.

Why a module of its own: the cache is storage (sqlite3, checksums, recovery
from a damaged file), while embed.py is the maths of the encoder; each changes
for reasons of its own.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
import warnings
import zlib
from collections.abc import Sequence
from pathlib import Path

from .errors import EncoderError

__all__ = ["CacheWarning", "PartsCache", "default_cache_dir", "warn_bad_rows"]


def default_cache_dir() -> Path:
    """The tool's one cache folder (cache_root.cache_root: $ALIGNMENT_CACHE_DIR, else
    $XDG_CACHE_HOME/alignment, else ~/.cache/alignment), what the CLI and app pass."""
    from .cache_root import cache_root

    return cache_root()


class CacheWarning(UserWarning):
    """The embedding cache held something wrong; it was dropped and recomputed."""


def _corrupt(exc: sqlite3.Error) -> bool:
    """sqlite's "database disk image is malformed" / "file is not a database"."""
    name = getattr(exc, "sqlite_errorname", "")
    return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or any(
        word in str(exc) for word in ("malformed", "not a database"))


class PartsCache:
    """sqlite3 (WAL mode) store of per-sentence Parts keyed by model + text hash,
    and (table "runs") of finished run embeddings keyed by model + the run's text hashes.

    Why sqlite3 in WAL mode rather than filelock + files: many readers and one
    writer at a time across processes come built in, a batch of a few
    thousand sentences is one transaction, and a crash never leaves a torn entry.

    Nothing read is trusted (issue 10, item 16): each row carries an 8-byte
    checksum of its key, length and vector (CRC-32 and Adler-32: they guard
    against damage, not forgery, and take a fifth of blake2b's time, 0.15 ->
    0.03 s for the 10,000 run rows of a book's side), and a row that fails it is
    a miss (recomputed and overwritten); a file sqlite finds corrupt is moved
    aside to `embeddings.sqlite3.corrupt` and a new one started. Both warn
    (CacheWarning) and never stop the work.

    Measured and not kept (2026-12-04): writing rows in a thread of their own while the work
    goes on (rows put and not yet written read from memory). Without any write, a new book
    (Text+Berg test and LIMSI dev as one text) aligned in 6.4 s against 7.0 s; with the writes in
    the thread, 6.9 s: both cores are busy encoding and scoring, so the writes only moved.
    """

    TABLES = ("parts", "runs", "vecs")  # vecs: embed()'s finished vectors (word types, checks)
    #: Page size of new cache files. Why: rows are 2-6 KB blobs, which on 4 KB
    #: pages spill into overflow pages; measured here, writing the 3,129 parts
    #: and joins of 1,565 sentences took 0.10 s with 4 KB pages and 0.02-0.03 s
    #: with 64 KB ones (reading them back: 0.037 s and 0.029 s; the file 20% smaller).
    PAGE_SIZE = 65536
    _SUM = 8  # checksum bytes at the end of each vector blob
    STALE_TAGS = ("+sum",)  # model tags of rows this version no longer reads (blake2b checksums)
    SWEEP_ROWS = 4000  # stale rows deleted a transaction (_sweep)
    MMAP_SIZE = 1 << 32  # address space only: pages are read as touched

    def __init__(self, directory: str | os.PathLike[str], model: str) -> None:
        self.path = Path(directory) / "embeddings.sqlite3"
        # "+crc": rows of caches written before these checksums never match, so are never read
        self._model = _tag(model, "+crc")
        self._lock = threading.Lock()  # one connection, shared by the app's threads
        self.sweeper: threading.Thread | None = None  # deletes stale rows (_drop_stale_rows)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._open()
            except sqlite3.DatabaseError as exc:
                if not _corrupt(exc):
                    raise
                self._db = self._replace_file(exc, None)
        except (OSError, sqlite3.Error) as exc:
            raise EncoderError(f"cannot use the embedding cache {self.path}: {exc}; "
                               "give another with --cache-dir DIR (or ALIGNMENT_CACHE_DIR)") from exc
        self._drop_stale_rows(model)

    def _drop_stale_rows(self, model: str) -> None:
        """Delete this model's rows written under an older checksum (tags in
        STALE_TAGS): they are never read again, and a book's rows take half a
        gigabyte. Deleting the 96,000 stale rows of an 800 MB cache took 6 s
        here in one statement, so a thread of its own does it (`sweeper`) in
        transactions of SWEEP_ROWS rows while the work goes on (18 s, with a
        write every 50 ms beside it that never waited more than 0.7 s; 10,000-row
        transactions held writers back up to about 2 s); the pages freed are
        reused by new rows.
        Only started when there are such rows (an index range looked at), and
        housekeeping only: a read-only or busy file keeps them, an interrupted
        sweep goes on at the next open."""
        ranges = []
        for tag in self.STALE_TAGS:
            low = _tag(model, tag)
            high = (int.from_bytes(low, "big") + 1).to_bytes(9, "big")[1:]
            if high > low:  # (the all-ones tag has no upper bound to write)
                ranges.append((low, high))
        try:
            with self._lock:
                stale = [(table, low, high) for table in self.TABLES for low, high in ranges
                         if self._db.execute(f"SELECT 1 FROM {table} WHERE key >= ? AND key < ? LIMIT 1",
                                             (low, high)).fetchone()]
        except sqlite3.Error:
            return
        if stale:
            self.sweeper = threading.Thread(target=self._sweep, args=(stale,), name="cache-sweep", daemon=True)
            self.sweeper.start()

    def _sweep(self, stale: list[tuple[str, bytes, bytes]]) -> None:
        try:
            db = self._connect()
            try:
                for table, low, high in stale:
                    while db.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} "
                                     f"WHERE key >= ? AND key < ? LIMIT {self.SWEEP_ROWS})", (low, high)).rowcount:
                        pass
            finally:
                db.close()
        except sqlite3.Error:
            return

    def _open(self, attempts: int = 100) -> sqlite3.Connection:
        """Connect, retrying while busy: switching a new file to WAL while a
        second process does the same can fail with "database is locked" at
        once, without sqlite's busy timeout."""
        for _ in range(attempts - 1):
            try:
                return self._connect()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(0.05)
        return self._connect()

    def _connect(self) -> sqlite3.Connection:
        """A connection in WAL mode, with the tables created."""
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        try:
            db.execute(f"PRAGMA page_size={self.PAGE_SIZE}")  # new files only: a no-op once created
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            # reads through a memory map, not a copy per page: a warm 10,000-sentence
            # side's run rows 0.23 -> 0.16 s
            db.execute(f"PRAGMA mmap_size={self.MMAP_SIZE}")
            for table in self.TABLES:
                db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key BLOB PRIMARY KEY, len INTEGER, vec BLOB)")
            return db
        except sqlite3.Error:
            db.close()
            raise

    def _replace_file(self, exc: sqlite3.Error, db: sqlite3.Connection | None) -> sqlite3.Connection:
        """Move a corrupt cache file aside (with its WAL) and start an empty one."""
        if db is not None:
            db.close()
        for suffix in ("", "-wal", "-shm"):
            old = self.path.with_name(self.path.name + suffix)
            if old.exists():
                os.replace(old, self.path.with_name(self.path.name + ".corrupt" + suffix))
        warnings.warn(f"the embedding cache {self.path} is corrupt ({exc}): moved to "
                      f"{self.path.name}.corrupt, a new cache is started and embeddings recomputed",
                      CacheWarning, stacklevel=3)
        return self._open()

    @staticmethod
    def _checksum(key: bytes, n: int, vec: bytes | memoryview) -> bytes:
        head = key + int(n).to_bytes(8, "little", signed=True)
        return (zlib.crc32(vec, zlib.crc32(head)).to_bytes(4, "little")
                + zlib.adler32(vec, zlib.adler32(head)).to_bytes(4, "little"))

    def get(self, keys: Sequence[bytes], table: str = "parts") -> dict[bytes, tuple[int, memoryview]]:
        """The cached (len, vector bytes) of those keys that are present and intact
        (a view of the row without its checksum: a copy of each 6 KB row took a
        tenth of a warm book side's read)."""
        if table not in self.TABLES:
            raise ValueError(f"no cache table {table!r}")
        found: dict[bytes, tuple[int, memoryview]] = {}
        bad = 0
        m = len(self._model)
        with self._lock:
            try:
                for i in range(0, len(keys), 500):
                    chunk = [self._model + k for k in keys[i:i + 500]]
                    marks = ",".join("?" * len(chunk))
                    for k, n, v in self._db.execute(
                            f"SELECT key, len, vec FROM {table} WHERE key IN ({marks})", chunk):
                        body = memoryview(v)[:-self._SUM] if isinstance(v, bytes) else None
                        if (isinstance(n, int) and body is not None and len(v) > self._SUM
                                and self._checksum(k, n, body) == v[-self._SUM:]):
                            found[k[m:]] = (n, body)
                        else:
                            bad += 1
            except sqlite3.DatabaseError as exc:
                if not _corrupt(exc):
                    raise
                self._db = self._replace_file(exc, self._db)
                return {}
        if bad:
            warn_bad_rows(self.path, bad, "failed their checksum")
        return found

    def put(self, rows: Sequence[tuple[bytes, int, bytes]], table: str = "parts") -> None:
        """Store (key, len, vector bytes) rows, with their checksums, in one transaction."""
        if table not in self.TABLES:
            raise ValueError(f"no cache table {table!r}")
        full = [(self._model + k, n, v) for k, n, v in rows]
        full = [(k, n, v + self._checksum(k, n, v)) for k, n, v in full]
        with self._lock:
            for attempt in (1, 2):
                try:
                    self._insert(table, full)
                    return
                except sqlite3.Error as exc:
                    if attempt == 1 and isinstance(exc, sqlite3.DatabaseError) and _corrupt(exc):
                        self._db = self._replace_file(exc, self._db)
                        continue
                    raise EncoderError(f"cannot write the embedding cache {self.path}: {exc}; "
                                       "free some space or give another with --cache-dir DIR "
                                       "(or ALIGNMENT_CACHE_DIR)") from exc

    def _insert(self, table: str, rows: list[tuple[bytes, int, bytes]]) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", rows)
            self._db.execute("COMMIT")
        except sqlite3.Error:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._db.close()


def _tag(model: str, tag: str) -> bytes:
    """The 8-byte prefix of a model's row keys under one row format (`tag`)."""
    return hashlib.blake2b(f"{model}{tag}".encode("utf-8"), digest_size=8).digest()


def warn_bad_rows(path: Path, count: int, why: str) -> None:
    """One warning per look-up that found damaged cache rows (recomputed)."""
    warnings.warn(f"{count} rows of the embedding cache {path} {why}: recomputed",
                  CacheWarning, stacklevel=3)
