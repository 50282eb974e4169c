"""Ctrl+C (SIGINT) during a command: one line saying what was written, exit status 130.

Why: click said "Aborted!" and exited 1, the status of an error in the command's input, so a
batch script could not tell a person's Ctrl+C from a failed file, nor learn whether any output
was left. Files are written whole or not at all (atomic.py), so the one thing to say is which
outputs were written before the interruption: the commands note each as it is done (`wrote`),
and that they began writing (`writing`), where a call writes several files at once.

SIGTERM (`kill`, `timeout`) and SIGHUP (a closed terminal) end a command the same way, with the
same line and their own status (143, 129: as if killed): killed outright, the command said
nothing, and left its temporary file and lock behind.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import NoReturn

import click

EXIT_INTERRUPTED = 130   # 128 + SIGINT, as shells report a command Ctrl+C ended
STOPPING = ("SIGTERM", "SIGHUP")


class Stopped(SystemExit):
    """SIGTERM or SIGHUP, raised where the command was, as Ctrl+C's KeyboardInterrupt is, so a
    write in progress removes its temporary file (atomic.py) and releases its lock (po_guard).
    A SystemExit (128 + the signal), so what lets an exit through lets this through too."""


def _stop(signum: int, frame: object) -> None:
    raise Stopped(128 + signum)


def catch_signals() -> list[int]:
    """Make SIGTERM and SIGHUP raise Stopped; the signals so caught (release_signals). Only in
    the main thread, and only over the default action: `nohup` ignores SIGHUP, and so do we."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return []
    caught = []
    for name in STOPPING:
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, _stop)
            caught.append(number)
    return caught


def release_signals(caught: list[int]) -> None:
    """The default action back for the signals catch_signals caught."""
    import signal

    for number in caught:
        signal.signal(number, signal.SIG_DFL)


@dataclass
class _Outputs:
    writing: bool = False                                # began writing (files or stdout)
    written: list[str] = field(default_factory=list)     # files written whole


_now = _Outputs()


def start() -> None:
    """A command begins: nothing written yet."""
    global _now
    _now = _Outputs()


def writing() -> None:
    """The command begins writing its outputs (files, or text on standard output)."""
    _now.writing = True


def wrote(path: str) -> None:
    """`path` was written whole."""
    _now.writing = True
    _now.written.append(path)


def message() -> str:
    """What the interrupted command leaves: nothing, or the outputs written so far."""
    if not _now.writing:
        return "Interrupted: nothing was written"
    if _now.written:
        return (f"Interrupted while writing the outputs, after {', '.join(_now.written)}: each "
                f"file is written whole or not at all; run the command again for the others")
    return ("Interrupted while writing the outputs: each file is written whole or not at all; "
            "run the command again to be sure of them all")


def interrupted(status: int = EXIT_INTERRUPTED) -> NoReturn:
    """Say it (on a line of its own: a terminal shows '^C' where the cursor was) and exit with
    `status` (130 for Ctrl+C; 128 + the signal for SIGTERM, SIGHUP)."""
    try:
        if sys.stderr.isatty():
            click.echo(err=True)
        click.echo(message(), err=True)
    except OSError:   # the terminal that closed (SIGHUP) takes no more lines
        pass
    sys.exit(status)
