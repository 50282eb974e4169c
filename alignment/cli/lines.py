"""Inputs of one sentence per line (--presplit): read by alignment.read, with what a script
should hear about the file (a device refused, a file of old Mac line ends warned of).

Apart from common.py, which holds what every command shares; stage modules are imported
inside the functions, so that `alignment -h` stays fast.
"""

from __future__ import annotations


def read_lines(path: str) -> list[str]:
    r"""The lines of a text file (alignment.read, imported only when a command reads); a file
    of old Mac line ends ('\r' alone) is warned of: --presplit splits on '\n' only, and the
    whole file became one sentence without a word said."""
    from ..file_kind import refuse_special
    from ..read import read_lines as read_file_lines
    from .common import warn

    refuse_special(path, "give a text file, one sentence per line")
    lines = read_file_lines(path)
    if len(lines) == 1 and _carriage_returns_only(path):
        warn([f"{path}: its lines end in '\\r' alone (old Mac line ends), and --presplit "
              f"splits lines at '\\n': read as one line; convert it first (tr '\\r' '\\n' "
              f"< {path} > {path}.unix)"])
    return lines


def _carriage_returns_only(path: str) -> bool:
    r"""Whether the text of `path` holds '\r' and no '\n' (decoded as read_lines decodes it:
    a byte 0x0d may be half of a UTF-16 character)."""
    from ..read.charset import decode_text
    from ..read.files import read_input_bytes

    text = decode_text(read_input_bytes(path), source=path)[0]
    return "\r" in text and "\n" not in text
