"""Files of pairs read for the CLI's verbs (`import`, `check`, `export`, `words`): a TMX,
XLIFF or table read as pairs, a version set as the app shows it, or a PO; split from
common.py, which re-exports them.
"""

from __future__ import annotations

from typing import Any

import click


def read_pairs_file(path: str, src_lang: str | None = None, tgt_lang: str | None = None,
                    quiet: bool = False) -> Any:
    """The Bitext of a file of pairs (import_pairs.read_pairs), read up to its limit; a version
    set as the app shows it, with the corrections saved in its pair POs
    (versions_pairs.read_set_pair: `check`, `export` and `import` reported and wrote what the
    app had corrected)."""
    return read_pairs_file_noted(path, src_lang, tgt_lang, quiet)[0]


def read_pairs_file_noted(path: str, src_lang: str | None = None, tgt_lang: str | None = None,
                          quiet: bool = False) -> tuple[Any, list[str]]:
    """read_pairs_file, and each link's translator comment ('' for none): the <note>s of a TMX
    our export wrote (import_pairs.read_pairs_noted), for `alignment import` to keep. Its
    reading shows on stderr, unless `quiet`."""
    from ..import_pairs import PAIRS_MAX_BYTES, read_pairs_noted
    from ..progress import tqdm_progress
    from ..read.files import read_input_bytes
    from ..versions_pairs import corrections_note, read_set_pair

    corrected = read_set_pair(path, src_lang, tgt_lang) if path.lower().endswith(".tmx") else None
    if corrected:
        click.echo(corrected[1], err=True)
        return corrected[0], [""] * len(corrected[0].alignment.links)
    bitext, notes = read_pairs_noted(read_input_bytes(path, limit=PAIRS_MAX_BYTES), path, src_lang=src_lang,
                                     tgt_lang=tgt_lang, progress=tqdm_progress(disable=True if quiet else None))
    for said in bitext.alignment.warnings:   # which sheet of a workbook was read
        click.echo(f"Warning: {said}", err=True)
    note = corrections_note(path, tgt_lang) if path.lower().endswith(".tmx") else None
    if note:   # a version set's corrections are saved to its pair POs, not to SET.tmx
        click.echo(note, err=True)
    return bitext, notes


def read_pairs_or_po(path: str, src_lang: str | None = None, tgt_lang: str | None = None,
                     quiet: bool = False) -> tuple[Any, str | None]:
    """(Bitext, the PO's fingerprint): a PO, or a file of pairs (TMX, XLIFF, a table) read as
    pairs in the languages given (no fingerprint: nothing may be written back into it). Languages given
    for a PO are refused: it names its own."""
    from ..errors import InputError
    from ..import_pairs import pairs_format, unread_office

    if unread_office(path):   # an old Excel or Word file was read as a PO: "not UTF-8"
        raise InputError(unread_office(path))
    if pairs_format(path):
        return read_pairs_file(path, src_lang=src_lang, tgt_lang=tgt_lang, quiet=quiet), None
    if src_lang or tgt_lang:
        raise click.UsageError(f"--src-lang and --tgt-lang are for a file of pairs (TMX, XLIFF, a "
                               f"table); {path} is a PO, which names its languages")
    from ..po import read_po_fingerprinted

    return read_po_fingerprinted(path)
