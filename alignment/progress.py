"""Progress reporting shared by the CLI (tqdm on stderr) and the app (st.progress).

Library functions take an optional `progress` callback `(done, total, stage)`;
they never print. The CLI passes `tqdm_progress()`, the app its own.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, stage: str) -> None:
    """The default callback: report nothing."""


def tqdm_progress(disable: bool | None = None) -> Progress:
    """A callback drawing one tqdm bar per stage on stderr (hidden when not a TTY)."""
    from tqdm import tqdm

    bars: dict[str, Any] = {}

    def report(done: int, total: int, stage: str) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, file=sys.stderr,
                                     disable=disable, leave=False)
        bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return report
