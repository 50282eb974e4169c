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
    """The header `glossary.to_csv` writes: 'fr,en,count,link,example (fr),example (en)'."""
    return (len(row) == 6 and row[2:4] == ["count", "link"]
            and row[4:] == [f"example ({row[0]})", f"example ({row[1]})"])


def read_glossary_csv(path: str | Path) -> tuple[GlossaryEntry, ...] | None:
    """The entries of a glossary CSV, or None where the file is no glossary (a sheet of pairs)."""
    data = read_input_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    rows = csv.reader(io.StringIO(text))
    if not is_glossary_header(next(rows, [])):
        return None
    entries = []
    for n, row in enumerate(rows, start=2):
        if not any(row):
            continue
        try:
            src, tgt, count, link, src_example, tgt_example = row
            entries.append(GlossaryEntry(src, tgt, int(count), int(link) - 1, src_example, tgt_example))
        except ValueError:
            raise InputError(f"{path}, row {n}: not a glossary row (word, translation, count, link, "
                             f"two examples); download the glossary again from the app") from None
    return tuple(entries)


def write_glossary_deck(entries: tuple[GlossaryEntry, ...], path: str | Path) -> Path:
    """The glossary's word cards (`glossary.to_anki`), the deck named after the file, written
    atomically."""
    from .atomic import atomic_write_bytes
    from .glossary import to_anki

    return atomic_write_bytes(path, to_anki(entries, Path(path).stem))
