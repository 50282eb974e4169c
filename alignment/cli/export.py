"""`alignment export`: a PO file's pairs as TMX, TSV, Moses files, an HTML reader or an EPUB.

Built on click (see cli/__init__.py); the writers are export.py's and epub.py's.
"""

from __future__ import annotations

import click

from .common import CONTEXT, write_outputs

@click.command("export", context_settings=CONTEXT)
@click.argument("pairs", type=click.Path(dir_okay=False))
@click.option("--tmx", type=click.Path(dir_okay=False), default=None,
              help="Write a TMX 1.4 translation memory here (links with both sides).")
@click.option("--tsv", type=click.Path(dir_okay=False), default=None,
              help="Write tab-separated pairs here (every link, header row).")
@click.option("--moses", metavar="PREFIX", type=click.Path(dir_okay=False), default=None,
              help="Write line-parallel PREFIX.<src-lang> and PREFIX.<tgt-lang>.")
@click.option("--html", type=click.Path(dir_okay=False), default=None,
              help="Write a standalone bilingual HTML reader here.")
@click.option("--epub", type=click.Path(dir_okay=False), default=None,
              help="Write a bilingual EPUB 3 book here (chapters, table of contents).")
@click.option("--epub-layout", type=click.Choice(["pairs", "paragraphs", "small"]), default="pairs",
              show_default=True, help="EPUB: each sentence pair original then translation, "
              "alternating paragraphs, or pairs with the translation in a smaller font.")
def export_cmd(pairs: str, tmx: str | None, tsv: str | None, moses: str | None,
               html: str | None, epub: str | None, epub_layout: str) -> None:
    """Export the aligned pairs of PAIRS.po as TMX, TSV, Moses files, an HTML reader and/or an EPUB.

    \b
    Example: alignment export serge.po --tmx serge.tmx --html serge.html
    Example: alignment export pairs.po --moses corpus/train   (corpus/train.fr, corpus/train.en)
    Example: alignment export novel.po --epub novel.epub --epub-layout small
    """
    from ..errors import InputError
    from ..po import read_po

    if not (tmx or tsv or moses or html or epub):
        raise InputError("nothing to export: give --tmx FILE, --tsv FILE, --moses PREFIX, "
                         "--html FILE and/or --epub FILE")
    from ..export import check_outputs, moses_paths

    check_outputs([("--tmx", tmx), ("--tsv", tsv), ("--html", html), ("--epub", epub)], [pairs])
    bitext = read_po(pairs)
    if moses:
        check_outputs([("--tmx", tmx), ("--tsv", tsv), ("--html", html), ("--epub", epub),
                       *(("--moses", p) for p in moses_paths(bitext, moses))], [pairs])
    written = write_outputs(bitext, po=None, tmx=tmx, tsv=tsv, html=html)
    if epub:
        from ..epub import write_epub
        try:
            written.extend(str(p) for p in write_epub(bitext, epub, style=epub_layout))
        except OSError as exc:
            raise InputError(f"{exc.filename or epub}: cannot write ({exc.strerror}); "
                             f"check the folder exists and is writable") from None
    if moses:
        from ..registry import EXPORTERS
        try:
            written.extend(str(p) for p in EXPORTERS["moses"](bitext, moses))
        except OSError as exc:
            raise InputError(f"{exc.filename or moses}: cannot write ({exc.strerror}); "
                             f"check the folder exists and is writable") from None
    for path in written:
        click.echo(f"Wrote {path}", err=True)
