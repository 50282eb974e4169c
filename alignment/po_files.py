"""A PO file opened: its bytes read, parsed by polib, and read as a Bitext (po_read.po_to_bitext).

Why a module of its own: po_read.py is the format's grammar (what each entry and comment
means); this is the file around it: what a missing folder, a file not in UTF-8 or a text
given where a PO was asked for are told, and the snapshot (snapshot.py) that opens a file
this package wrote or read before without parsing it while its bytes are unchanged.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from pathlib import Path

import polib

from .errors import InputError, POFormatError
from .file_kind import refuse_special
from .po_guard import lint
from .po_read import po_to_bitext
from .snapshot import load_snapshot, store_snapshot
from .types import Bitext


def read_po_bytes(path: Path) -> bytes:
    refuse_special(path, "give a PO file")   # /dev/zero read whole, a named pipe waited for ever
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; give the path of a .po file in it") from None
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{path}: no such PO file; give the path of a .po file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the PO file ({exc.strerror})") from None


def parse_po_bytes(path: Path, data: bytes) -> polib.POFile:
    """Parse PO bytes; POFormatError (file and line) on failure.

    The bytes are those the caller fingerprinted, so what is parsed is what was checked. Lines
    are split as open() does (\n, \r\n, \r), never on U+2028 as str.splitlines would.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise POFormatError(f"{path}: not UTF-8 (byte {exc.start}); save the PO file as UTF-8") from None
    lint(path, text)
    try:
        parser = polib._POFileParser("", encoding="utf-8")  # the parser polib.pofile uses
        parser.fhandle = io.StringIO(text, newline=None)
        parser.instance.fpath = str(path)
        return parser.parse()
    except (OSError, ValueError) as exc:  # polib reports syntax errors as OSError
        if not _PO_KEYWORD.search(text):   # a text, HTML... given where a PO was asked for
            raise POFormatError(f"{path}: not a PO file (no msgid); give a PO that alignment wrote "
                                f"(the app's Align, or: alignment align SRC TGT -o pairs.po)") from None
        message = str(exc) if str(path) in str(exc) else f"{path}: {exc}"
        raise POFormatError(f"{message}; fix the file or write it again") from None


_PO_KEYWORD = re.compile(r"^\s*(?:#~\s*)?msgid\b", re.MULTILINE)


def read_po_fingerprinted(path: str | os.PathLike[str]) -> tuple[Bitext, str]:
    """(Bitext, SHA-256 of the very bytes it was read from): pass it to save_po/annotate_po."""
    path = Path(path)
    return read_po_data(path, read_po_bytes(path))


def read_po_data(path: str | os.PathLike[str], data: bytes) -> tuple[Bitext, str]:
    """(Bitext, fingerprint) of PO bytes; errors name `path` (and line) as read_po's do.

    Why apart from the file: an uploaded PO is checked under the name the person gave it
    ('bad.po, line 26'), before a copy is kept under another name."""
    path = Path(path)
    if not data.removeprefix(b"\xef\xbb\xbf").strip():   # else: 'header lacks Language ...'
        raise InputError(f"{path}: the file is empty; give a PO file of aligned pairs (alignment "
                         f"align SRC TGT -o pairs.po writes one)")
    fingerprint = hashlib.sha256(data).hexdigest()
    cached = load_snapshot(fingerprint, data)
    if cached is not None:
        return cached[0], fingerprint
    bitext = po_to_bitext(parse_po_bytes(path, data))
    store_snapshot(fingerprint, bitext, origin="read")
    return bitext, fingerprint


def read_po(path: str | os.PathLike[str]) -> Bitext:
    """Read a PO file written by `write_po` (possibly edited in a PO editor) back as a Bitext.

    A file this package wrote (or read before) opens from its snapshot (see snapshot.py)
    when its bytes are unchanged; otherwise it is parsed with polib.
    """
    return read_po_fingerprinted(path)[0]
