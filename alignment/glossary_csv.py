"""The app's glossary CSV read back, so that `alignment export glossary.csv --anki deck.apkg`
makes the word cards the app makes: read as a sheet of sentence pairs it lost its count, link
and example columns without a word, and each card's back said 'link N'."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .errors import InputError
from .glossary import GlossaryEntry
from .read.files import read_input_bytes


def is_glossary_header(row: list[str]) -> bool:
    """The header `glossary.to_csv` writes: 'fr,en,count,link,example (fr),example (en)', with
    a reading after a Japanese or Chinese word: 'ja,reading (ja),en,count,...'."""
    return _columns(row) is not None


def _columns(row: list[str]) -> tuple[int, int | None, int, int | None] | None:
    """Where a glossary row holds its source word, its reading, its target word and its reading
    (None: no such column), as its header says; None where the header is no glossary's."""
    if len(row) < 6:
        return None
    src_read = 1 if row[1] == f"reading ({row[0]})" else None
    tgt = 2 if src_read else 1
    tgt_read = tgt + 1 if row[tgt + 1:tgt + 2] == [f"reading ({row[tgt]})"] else None
    rest = (tgt_read or tgt) + 1
    if row[rest:] != ["count", "link", f"example ({row[0]})", f"example ({row[tgt]})"]:
        return None
    return 0, src_read, tgt, tgt_read


def read_glossary_csv(path: str | Path) -> tuple[GlossaryEntry, ...] | None:
    """The entries of a glossary CSV, or None where the file is no glossary (a sheet of pairs)."""
    data = read_input_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    rows = csv.reader(io.StringIO(text))
    header = next(rows, [])
    columns = _columns(header)
    if columns is None:
        return None
    entries = []
    for n, row in enumerate(rows, start=2):
        if not any(row):
            continue
        try:
            entries.append(_entry(row, columns, len(header)))
        except ValueError:
            raise InputError(f"{path}, row {n}: not a glossary row (word, translation, count, link, "
                             f"two examples); download the glossary again from the app") from None
    return tuple(entries)


def _entry(row: list[str], columns: tuple[int, int | None, int, int | None],
           width: int) -> GlossaryEntry:
    if len(row) != width:
        raise ValueError(row)
    src, src_read, tgt, tgt_read = columns
    count, link, src_example, tgt_example = row[-4:]
    return GlossaryEntry(row[src], row[tgt], int(count), int(link) - 1, src_example, tgt_example,
                         row[src_read] if src_read else "", row[tgt_read] if tgt_read else "")


def write_glossary_deck(entries: tuple[GlossaryEntry, ...], path: str | Path) -> Path:
    """The glossary's word cards (`glossary.to_anki`), the deck named after the file, written
    atomically."""
    from .atomic import atomic_write_bytes
    from .glossary import to_anki

    return atomic_write_bytes(path, to_anki(entries, Path(path).stem))
