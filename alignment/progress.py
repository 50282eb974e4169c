"""Progress reporting shared by the CLI (tqdm on stderr) and the app (st.progress).

Library functions take an optional `progress` callback `(done, total, stage)`;
they never print. The CLI passes `tqdm_progress()`, the app its own.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

Progress = Callable[[int, int, str], None]

#: seconds between two lines of a stage where stderr is no terminal (a log, CI)
LINE_EVERY = 10.0


def no_progress(done: int, total: int, stage: str) -> None:
    """The default callback: report nothing."""


def tqdm_progress(disable: bool | None = None) -> Progress:
    """A callback drawing one tqdm bar per stage on stderr; `disable=True` (-q) says nothing.

    Where stderr is a file or a pipe (`2> log`, nohup, CI) or a terminal of no size (tqdm draws
    nothing in 0 columns), plain lines (`line_progress`): tqdm hid its bars there, and a book
    aligned for minutes without a sign of life. A stderr held in memory (a program's, a test's
    capture) hears nothing, as before. A stage whose kernels a first run on the machine
    compiles says so (warm_up.noting_first_run)."""
    from .warm_up import noting_first_run

    if disable:
        return no_progress
    if disable is None and not _draws_bars(sys.stderr):
        return noting_first_run(line_progress()) if _has_file(sys.stderr) else no_progress
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

    return noting_first_run(report)


def _draws_bars(stream: TextIO) -> bool:
    """Whether `stream` is a terminal with columns to draw a bar in."""
    try:
        return stream.isatty() and os.get_terminal_size(stream.fileno()).columns > 0
    except (AttributeError, ValueError, OSError):   # no file descriptor (a buffer)
        return False


def _has_file(stream: TextIO) -> bool:
    """Whether `stream` writes to a file descriptor (a file, a pipe, a terminal)."""
    try:
        stream.fileno()
    except (AttributeError, ValueError, OSError):   # io.UnsupportedOperation is both
        return False
    return True


def line_progress(every: float = LINE_EVERY,
                  clock: Callable[[], float] = time.monotonic) -> Progress:
    """A callback writing a stage's progress to stderr as plain lines, tqdm's words without
    the bar ('encode:  47% 3353/7069 [00:06<00:06, 542.76it/s]'): when the stage starts, at
    most every `every` seconds while it runs, and when it ends. A stage reported again after
    its end (a second text) starts anew."""
    from tqdm import tqdm

    running: dict[str, tuple[float, int, float]] = {}   # stage: start time, done then, last line
    ended: set[str] = set()

    def report(done: int, total: int, stage: str) -> None:
        now = clock()
        if stage in ended and done >= total:
            return
        ended.discard(stage)
        start, first, last = running.setdefault(stage, (now, done, now - every))
        if done < total and now - last < every:
            return
        running[stage] = (start, first, now)
        sys.stderr.write(tqdm.format_meter(done, total, now - start, ncols=0, prefix=stage,
                                           initial=first) + "\n")
        sys.stderr.flush()
        if done >= total:
            del running[stage]
            ended.add(stage)

    return report
