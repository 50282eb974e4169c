"""A machine's first run compiles its kernels on both cores: a second process takes them from the end.

Why: numba compiles one kernel at a time, under one lock per process, so the first alignment on a
machine (or after an upgrade) waited for every kernel of the aligner in turn while the second
core stood idle. Where a stage's kernels are not in numba's disk cache (warm_up.compiled), `ahead` starts
`python -m alignment.compile_ahead STAGE...`, which compiles those kernels from the last one the
run will call back towards the first, into the same disk cache. The run itself compiles from the
first; at each new kernel numba reads the disk cache again, so where the helper got there first
the run only reads it. The two meet in the middle.

The helper needs each kernel's argument types before any call gives them: they are stored in
kernel_signatures.pkl in the order a run first calls them (numba's own type objects,
pickled; written by `python -m alignment.compile_ahead --write`, which runs warm_up, and checked
against a warm_up by tests/test_warm_up.py). A stale or unreadable file, another numba, a kernel whose
signature changed: the helper skips what it cannot compile, and the run compiles it as before.

Used by `alignment align`, `corpus build` (the "align" stage), `words` (the word model's) and the
app's head start (warm_up.in_background: every stage). Measured (2026-12-07, this 2-core machine,
a new numba cache and a new cache of embeddings and word links, the commit before in turns; noisy
machine): `alignment corpus build sample` 8.3-9.9 s against 11.2-12.0 s, then `alignment words` on
its PO 3.6-4.0 s against 4.8-5.5 s; with the embeddings cached, the build 5.9-8.1 s against 8.7-11.6
s. Once compiled, nothing is started (about 2 s either way). The app (bench_first_run.py, empty
cache): "Align and open" clicked at once 13.0-13.1 s to the reader against 14.8-15.0 s; clicked
after 6 s on the start page 6.1-6.9 s against 8.1-10.3 s.
"""

from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .warm_up import STAGE_KERNELS, compiled

SIGNATURES = Path(__file__).with_name("kernel_signatures.pkl")

Signature = tuple[str, str, tuple[Any, ...]]   # module (of the package), kernel, argument types


def kernel_signatures() -> list[Signature]:
    """Every signature the package's kernels of STAGE_KERNELS hold in this process (call warm_up
    first: a kernel holds the signatures it was called with), module by module."""
    from numba.core.registry import CPUDispatcher

    out: list[Signature] = []
    for modules in STAGE_KERNELS.values():
        for name in modules:
            module = importlib.import_module(f"{__package__}.{name}")
            out += [(name, kernel, tuple(sig)) for kernel, f in vars(module).items()
                    if isinstance(f, CPUDispatcher) and f.py_func.__module__ == module.__name__
                    for sig in f.signatures]
    return out


def in_run_order() -> list[Signature]:
    """kernel_signatures() in the order warm_up first calls them (numba asks each kernel for a
    signature when a call or a caller's compiling first needs it, read from disk or not)."""
    from numba.core.registry import CPUDispatcher

    from .warm_up import warm_up

    first: dict[tuple[str, str], int] = {}
    compile_one = CPUDispatcher.compile

    def noting(self: Any, sig: Any) -> Any:
        first.setdefault((self.py_func.__module__.rsplit(".", 1)[-1], self.py_func.__name__), len(first))
        return compile_one(self, sig)

    CPUDispatcher.compile = noting
    try:
        warm_up()
    finally:
        CPUDispatcher.compile = compile_one
    return sorted(kernel_signatures(), key=lambda s: first.get(s[:2], len(first)))


def stored() -> list[Signature]:
    """The signatures kept with the package; none where the file cannot be read (another numba)."""
    try:
        return pickle.loads(SIGNATURES.read_bytes())
    except Exception:   # noqa: BLE001 (a head start only: without it the run compiles as before)
        return []


def compile_stages(stages: Sequence[str], signatures: Sequence[Signature] | None = None) -> int:
    """Compile the stored kernels of these stages (kept in a run's order), the last one first;
    the number compiled. A kernel that will not compile with its stored types is left to the run."""
    modules = {m for stage in stages for m in STAGE_KERNELS.get(stage, ())}
    done = 0
    for name, kernel, types in reversed([s for s in (stored() if signatures is None else signatures)
                                         if s[0] in modules]):
        try:
            getattr(importlib.import_module(f"{__package__}.{name}"), kernel).compile(types)
            done += 1
        except Exception:   # noqa: BLE001 (stale: the run compiles it itself)
            continue
    return done


def start(stages: Sequence[str]) -> subprocess.Popen | None:
    """A helper process compiling, from their end, the kernels of those `stages` not yet in
    numba's disk cache; None where all are (or no process can be started)."""
    cold = [s for s in stages if s in STAGE_KERNELS and not compiled(STAGE_KERNELS[s])]
    if not cold or not SIGNATURES.exists():
        return None
    try:
        return subprocess.Popen([sys.executable, "-m", __name__, *cold], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:   # no process to spare: the run compiles alone, as before
        return None


@contextmanager
def ahead(stages: Sequence[str]) -> Iterator[subprocess.Popen | None]:
    """`start(stages)` for the block; the helper is stopped when the block ends (what it has
    not compiled by then the run did not need, or compiled itself)."""
    helper = start(stages)
    try:
        yield helper
    finally:
        if helper is not None and helper.poll() is None:
            helper.terminate()   # numba writes each kernel whole (a file renamed into place)
            try:
                helper.wait(timeout=5)
            except subprocess.TimeoutExpired:
                helper.kill()


def main(argv: Sequence[str]) -> int:
    """`--write`: store the signatures warm_up calls (before numba is imported); else compile
    the stages named."""
    if list(argv) == ["--write"]:
        import tempfile

        from .atomic import atomic_write_bytes
        # a new disk cache, so that kernels called only by other kernels are compiled (and
        # noted) too, which a cache that holds their callers never asks for
        with tempfile.TemporaryDirectory(prefix="numba-") as cache:
            os.environ["NUMBA_CACHE_DIR"] = cache
            atomic_write_bytes(SIGNATURES, pickle.dumps(in_run_order()))
        return 0
    compile_stages(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
