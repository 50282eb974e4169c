"""Ctrl+C (SIGINT) during a command: one line saying what was written, exit status 130.

Why: click said "Aborted!" and exited 1, the status of an error in the command's input, so a
batch script could not tell a person's Ctrl+C from a failed file, nor learn whether any output
was left. Files are written whole or not at all (atomic.py), so the one thing to say is which
outputs were written before the interruption: the commands note each as it is done (`wrote`),
and that they began writing (`writing`), where a call writes several files at once.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import NoReturn

import click

EXIT_INTERRUPTED = 130   # 128 + SIGINT, as shells report a command Ctrl+C ended


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


def interrupted() -> NoReturn:
    """Say it (on a line of its own: a terminal shows '^C' where the cursor was) and exit 130."""
    if sys.stderr.isatty():
        click.echo(err=True)
    click.echo(message(), err=True)
    sys.exit(EXIT_INTERRUPTED)
