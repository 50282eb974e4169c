"""`alignment import`: pairs aligned elsewhere (a TMX, an XLIFF file, a TSV, CSV, XLSX, ODS or DOCX table) as a
PO file, for the reader, the checks and the exports.

Built on click (see cli/__init__.py); the reading is import_pairs.py's.
"""

from __future__ import annotations

import click

from .common import (CONTEXT, check_before_work, describe_alignment, overwrite_edited_option,
                     pair_language_options, quiet_option, read_pairs_file_noted, write_outputs)
from .paths import FilePath


@click.command("import", context_settings=CONTEXT)
@click.argument("pairs", type=FilePath(read=True, give="a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX file"))
@click.option("-o", "--output", "po", type=FilePath(allow_dash=True, example="pairs.po"),
              required=True, help="The PO file to write ('-': standard output).")
@pair_language_options
@overwrite_edited_option
@quiet_option
def import_cmd(pairs: str, po: str, src_lang: str | None, tgt_lang: str | None,
               overwrite_edited: bool = False, quiet: bool = False) -> None:
    """Read the pairs of a TMX, XLIFF 1.2 (.xlf, .sdlxliff, .mqxliff, .mxliff) or 2, TSV, CSV, XLSX, ODS or DOCX file into
    a PO file: one link per translation unit, segment or table row, its texts as the
    translator cut them.

    A table's first two columns are the original and the translation; a first row of two
    language codes (as `alignment export --tsv` writes) names the languages. A column of ids
    (headed 'ID', 'Segment ID', '#' or 'Key', or a first column of unique row numbers) is
    left out of the texts: each finding names its row by it. In a version set
    (`alignment align ORIGINAL V1 V2 -o SET.tmx`), -t names a version as the set names it
    (en1, en2, fr2), or by its language where one version has it.

    \b
    Example: alignment import memory.tmx -o memory.po && alignment check memory.po
    Example: alignment import job.sdlxliff -o job.po
    Example: alignment import sheet.csv -s fr -t en -o sheet.po
    Example: alignment import set.tmx -t en2 -o set-en2.po
    """
    check_before_work([pairs], po=po, overwrite_edited=overwrite_edited)
    bitext, notes = read_pairs_file_noted(pairs, src_lang=src_lang, tgt_lang=tgt_lang, quiet=quiet)
    written = write_outputs(bitext, po=po, overwrite_edited=overwrite_edited, notes=notes)
    if written:
        versions = dict(bitext.alignment.signature.params).get("versions", "").split()
        read = f" (versions {versions[0]} -> {versions[1]} of the set)" if versions else ""
        click.echo(f"{describe_alignment(bitext)}; languages {bitext.src_lang} -> "
                   f"{bitext.tgt_lang}{read}; wrote {', '.join(written)}", err=True)
