"""`alignment corpus list|fetch|build`: the bilingual corpora shipped in corpora/.

Built on click (see cli/__init__.py); the manifests and building are corpora.py's, fetching
is corpus_fetch.py's.
"""

from __future__ import annotations

from typing import Any

import click

from ..registry import EMBEDDERS
from .common import (CONTEXT, AlignmentGroup, check_before_work, describe_alignment,
                     output_options, quiet_option, warn, write_outputs)
from . import interrupt
from .paths import FilePath

@click.group("corpus", cls=AlignmentGroup, context_settings=CONTEXT, invoke_without_command=True)
@click.option("--corpora", "corpora_dir", type=click.Path(file_okay=False), default=None,
              envvar="ALIGNMENT_CORPORA_DIR", help="Folder of corpora (default: the bundled "
              "corpora/; env ALIGNMENT_CORPORA_DIR, which the app reads too).")
@click.pass_context
def corpus_group(ctx: click.Context, corpora_dir: str | None) -> None:
    """List, fetch and build the bilingual corpora shipped in corpora/.

    Fetched sides are kept in the cache folder, CACHE/corpora/ID/ (CACHE: --cache-dir or
    ALIGNMENT_CACHE_DIR, default ~/.cache/alignment; ALIGNMENT_CORPORA_CACHE names another
    folder for fetched sides alone); one fetched before into corpora/ID/cache/ is still read.

    Example: alignment corpus build sample -o sample.po
    """
    from pathlib import Path

    from ..corpora import corpora_root

    ctx.obj = Path(corpora_dir) if corpora_dir else corpora_root()
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
        ctx.exit(0)


@corpus_group.command("list")
@click.pass_obj
def corpus_list(root: Any) -> None:
    """List the corpora: id, languages, the state of each side (bundled, cached, missing), title.

    A missing side must be fetched (`alignment corpus fetch ID`) before the corpus builds.

    Example: alignment corpus list
    """
    from ..corpora import list_corpora, side_state

    rows = [(c.id, "-".join(c.languages),
             *(f"{s.lang}: {side_state(c, s)}" for s in (c.src, c.tgt)), c.title)
            for c in list_corpora(root)]
    widths = [max(len(r[i]) for r in rows) for i in range(4)] if rows else []
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[4])


@corpus_group.command("fetch")
@click.argument("corpus_id", metavar="ID")
@click.option("--file", "file", type=click.Path(), default=None,
              help="Take the side from this file (the saved web page, or its section as text) "
                   "instead of downloading it.")
@click.option("--side", default=None, help="Which side: src, tgt or a language code "
              "(default: every side that has a URL).")
@click.option("--url", default=None, help="Download from this URL instead of the manifest's.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds to wait for the server.")
@click.option("--force", is_flag=True, help="Take the text, or replace the cached copy, even "
              "when it does not look like the side (another language, a length far from the "
              "other side's).")
@quiet_option
@click.pass_obj
def corpus_fetch(root: Any, corpus_id: str, file: str | None, side: str | None,
                 url: str | None, timeout: float, force: bool, quiet: bool = False) -> None:
    """Download the sides of corpus ID that are not bundled, keep their section, cache them
    (in CACHE/corpora/ID/: see `alignment corpus -h`).

    Without network, save the page in a browser and give it with --file. A text in another
    language than the side's is refused, and one far too short or long does not replace the
    cached copy, unless --force.

    Example: alignment corpus fetch serge-1926 --file repression.htm
    """
    from ..corpora import load_corpus
    from ..corpus_fetch import fetch_side
    from ..file_kind import refuse_special

    if file:
        refuse_special(file, "give the saved web page, or its section as text", f"--file {file}")
    corpus = load_corpus(corpus_id, root)
    sides = [corpus.side(side)] if side else [s for s in (corpus.src, corpus.tgt) if s.url]
    if not sides:
        click.echo(f"{corpus.id}: every side is bundled; nothing to fetch.", err=True)
        return
    if file and len(sides) > 1:
        from ..errors import CorpusError
        raise CorpusError(f"{corpus.id} has {len(sides)} sides to fetch; say which one "
                          f"--file is with --side src or --side tgt")
    for s in sides:
        result = fetch_side(corpus, s, file=file, url=url, timeout=timeout, force=force)
        interrupt.wrote(str(result.path))
        warn(result.warnings)
        click.echo(f"Fetched {corpus.id} {s.side} ({s.lang}) from {result.source} -> "
                   f"{result.path} (sha256 {result.sha256})")
        click.echo(f"  {result.summary()}")


@corpus_group.command("build")
@click.argument("corpus_id", metavar="ID")
@click.option("--output", "-o", type=FilePath(allow_dash=True, example="pairs.po"), default=None,
              help="PO file to write (default: ID.po in the current folder; '-': standard "
              "output).")
@click.option("--embedder", type=click.Choice(EMBEDDERS.names()), default="use",
              show_default=True, help="Sentence encoder.")
@output_options
@quiet_option
@click.pass_obj
def corpus_build(root: Any, corpus_id: str, output: str | None, embedder: str,
                 tmx: str | None, tsv: str | None, html: str | None, overwrite_edited: bool,
                 quiet: bool) -> None:
    """Align corpus ID and write its pairs as a PO file (and TMX, TSV, HTML if asked).

    Example: alignment corpus build sample -o sample.po --html sample.html
    """
    from ..compile_ahead import ahead
    from ..corpora import build_corpus, check_outputs_not_in_corpus, load_corpus
    from ..pipeline import resolve_embedder
    from ..progress import tqdm_progress

    po = output or f"{corpus_id}.po"
    check_outputs_not_in_corpus(load_corpus(corpus_id, root), [
        ("-o", po), ("--tmx", tmx), ("--tsv", tsv), ("--html", html)])
    check_before_work([], po=po, tmx=tmx, tsv=tsv, html=html, overwrite_edited=overwrite_edited,
                      exports=("--tmx", "--tsv", "--html"))
    with ahead(("align",)):
        bitext = build_corpus(corpus_id, embedder=resolve_embedder(embedder), root=root,
                              progress=tqdm_progress(disable=True if quiet else None))
    warn(bitext.alignment.warnings)
    for path in write_outputs(bitext, po=po, tmx=tmx, tsv=tsv,
                              html=html, overwrite_edited=overwrite_edited):
        click.echo(f"Wrote {path}", err=True)
    click.echo(describe_alignment(bitext), err=True)
