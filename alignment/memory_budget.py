"""How much memory an alignment will take, judged from the sentence counts before any work.

Why: a 19 MB pair (43,572 sentences a side) took 3.1 GB and six minutes with no word
first; on a machine with less memory free that is swapping, then the kernel's OOM killer,
long after the user could have cut the text. `check_memory` raises MemoryBudgetError,
saying what to do, before the encoder starts; `align.align` calls it.

The estimate, fitted to `alignment align --presplit` peaks measured with /usr/bin/time
(the five LIMSI books repeated, the real encoder, an empty cache): 5,000 / 10,000 /
20,000 / 40,000 sentences a side peaked at 952 / 1,334-1,373 / 1,998-2,114 / 2,383 MB
and are estimated at 1,088 / 1,577 / 2,553 / 2,514 MB (20,000 is one band, 40,000 three
pieces). What the process holds already (the encoder, numba's code: BASE_MB), about
SENTENCE_KB a sentence (its run embeddings, float32, 6 runs x 512 dimensions, and what is built beside them while
they are encoded), and CELL_KB a cell of the fine pass's band, whose width is not known
before the first pass: ROW_CELLS a row, the widest a translation made in the README's
measures, and no more than one piece once the band is cut in pieces (AlignConfig).
It errs high: texts that do not match make wider bands, but those are cut in pieces.
"""

from __future__ import annotations

from pathlib import Path

from alignment.align_config import AlignConfig
from alignment.errors import MemoryBudgetError

BASE_MB = 600.0
SENTENCE_KB = 17.0
CELL_KB = 1.5
ROW_CELLS = 44


def estimate_mb(n: int, m: int, cfg: AlignConfig = AlignConfig()) -> float:
    """Estimated peak resident memory, in MB, of aligning n x m sentences under `cfg`."""
    cells = (n + 1) * ROW_CELLS
    band = cells if cells <= cfg.max_cells else min(cells, cfg.piece_cells)
    return BASE_MB + ((n + m) * SENTENCE_KB + band * CELL_KB) / 1024


def available_mb() -> float | None:
    """Memory that can be taken without swapping (MemAvailable), in MB; None where unknown."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def check_memory(n: int, m: int, cfg: AlignConfig = AlignConfig(),
                 free_mb: float | None = None) -> None:
    """MemoryBudgetError when aligning n x m sentences would take more than cfg.max_memory_mb
    (the whole process's peak), or, with no such limit, more than the memory free now
    (`free_mb`, read from the system when None) beyond what the process holds already."""
    need = estimate_mb(n, m, cfg)
    if cfg.max_memory_mb > 0:
        if need > cfg.max_memory_mb:
            _refuse(n, m, need, f"the limit of {_gb(cfg.max_memory_mb)} (--max-memory)",
                    below_base=cfg.max_memory_mb < BASE_MB)
        return
    free = available_mb() if free_mb is None else free_mb
    if free is not None and need - BASE_MB > free:
        _refuse(n, m, need, f"the {_gb(free + BASE_MB)} this machine has free")


def _refuse(n: int, m: int, need: float, limit: str, below_base: bool = False) -> None:
    """Under a limit below what the process holds before any text (BASE_MB), cutting the text
    cannot help: the least limit is said first."""
    cut = "align it a part at a time (a chapter, or the files cut in two)"
    advice = (f"no alignment takes less than {_gb(BASE_MB)}: give --max-memory {BASE_MB:.0f}M or "
              f"more, and if that is still too little, {cut}" if below_base
              else f"{cut}, or give a larger --max-memory")
    raise MemoryBudgetError(
        f"aligning {n:,} x {m:,} sentences needs about {_gb(need)} of memory, more than {limit}; "
        f"{advice}")


def _gb(mb: float) -> str:
    return f"{mb / 1024:.1f} GB"
