"""Command-line interface: one verb per subcommand, formatting only.

Built on click (well kept, composable groups, shared option decorators). All
computing lives in the stage modules; this module parses options, calls them,
formats their results, and turns `AlignmentError` into one line
"Error: ..." with exit status 1.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from . import __version__
from .errors import AlignmentError
from .registry import EMBEDDERS, SEGMENTERS

F = Callable[..., Any]


class _Group(click.Group):
    """A group whose commands report user errors as one line and exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AlignmentError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="alignment")
def main() -> None:
    """Align a text and its translation sentence by sentence; store, export and check the pairs.

    Example: alignment corpus build sample -o sample.po
    """


# ---------------------------------------------------------------- shared options

def lang_options(func: F) -> F:
    """--src-lang / --tgt-lang (ISO 639-1 codes)."""
    func = click.option("--tgt-lang", "-t", default="en", show_default=True,
                        help="Language of the translation (ISO 639-1, e.g. en).")(func)
    func = click.option("--src-lang", "-s", default="fr", show_default=True,
                        help="Language of the original (ISO 639-1, e.g. fr).")(func)
    return func


def engine_options(func: F) -> F:
    """--embedder / --segmenter, choices from the registries."""
    func = click.option("--embedder", type=click.Choice(EMBEDDERS.names()), default="use",
                        show_default=True, help="Sentence encoder.")(func)
    func = click.option("--segmenter", type=click.Choice(SEGMENTERS.names()), default="default",
                        show_default=True, help="Sentence splitter.")(func)
    return func


def quiet_option(func: F) -> F:
    """--quiet hides the progress bar."""
    return click.option("--quiet", "-q", is_flag=True, help="No progress bar on stderr.")(func)


def pass_errors(func: F) -> F:
    """Turn AlignmentError into 'Error: ...' + exit 1 for standalone commands too."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AlignmentError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)

    return wrapper


# Subcommands, one section each. Each section is owned by the module it calls;
# edit only inside your own section.

# ---------------------------------------------------------------- section: align (pipeline.py, po.py, export.py)
# ---------------------------------------------------------------- end: align

# ---------------------------------------------------------------- section: bench (evaluate.py)

_BENCH_COLUMNS = ("document", "src", "tgt", "links", "P", "R", "F1", "F1 lax",
                  "seconds", "sent/s", "peak MB")


def _bench_row(r: Any) -> tuple[str, ...]:
    s = r.scores
    return (r.name, str(r.n_src), str(r.n_tgt), str(r.links), f"{s.precision_strict:.3f}",
            f"{s.recall_strict:.3f}", f"{s.f1_strict:.3f}", f"{s.f1_lax:.3f}",
            f"{r.seconds:.2f}", f"{r.sentences_per_second:.0f}", f"{r.peak_rss_mb:.0f}")


def format_bench_table(result: Any) -> str:
    """A plain-text table: one row per document, the micro-averaged total, the signature."""
    rows = [_BENCH_COLUMNS] + [_bench_row(r) for r in result.docs] + [_bench_row(result.total)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_BENCH_COLUMNS))]

    def line(row: tuple[str, ...]) -> str:
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        return "  ".join(cells)

    rule = "-" * len(line(rows[0]))
    body = [line(r) for r in rows[1:-1]]
    return "\n".join([line(rows[0]), rule, *body, rule, line(rows[-1]),
                      "P, R, F1: strict; F1 lax; scores micro-averaged over documents.",
                      f"signature: {result.signature}"])


def bench_json(result: Any) -> str:
    """The bench result as JSON for machines (signature as its string)."""
    import dataclasses
    import json

    def doc(r: Any) -> dict[str, Any]:
        d = dataclasses.asdict(r)
        d["sentences_per_second"] = r.sentences_per_second
        d["scores"]["signature"] = str(r.scores.signature)
        return d

    return json.dumps({"documents": [doc(r) for r in result.docs], "total": doc(result.total),
                       "signature": str(result.signature)}, indent=2)


@main.command("bench")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="dev",
              show_default=True, help="Text+Berg documents to run (LIMSI books ignore it).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--embedder", type=click.Choice(EMBEDDERS.names()), default="use",
              show_default=True, help="Sentence encoder.")
@click.option("--max-docs", type=click.IntRange(min=1), default=None,
              help="Run only the first N documents.")
@quiet_option
def bench(directory: str, split: str, as_json: bool, embedder: str, max_docs: int | None,
          quiet: bool) -> None:
    """Align a benchmark folder with the engine and score it against its gold alignment.

    DIRECTORY is a Text+Berg folder (*.de, *.fr, *.defr), a LIMSI folder of books, one
    LIMSI book, or a bench root holding textberg/ and limsi/. Prints links, strict
    P/R/F1, lax F1, seconds, sentences/second and peak memory per document and in total.

    Example: alignment bench ../shared/bench/textberg --split dev
    """
    from .evaluate import iter_bench, run_bench
    from .progress import tqdm_progress

    docs = iter_bench(directory, split=split)[:max_docs]
    result = run_bench(docs, embedder=EMBEDDERS[embedder](),
                       progress=tqdm_progress(disable=True if quiet else None))
    click.echo(bench_json(result) if as_json else format_bench_table(result))

# ---------------------------------------------------------------- end: bench

# ---------------------------------------------------------------- section: corpus (corpora.py)
# ---------------------------------------------------------------- end: corpus

# ---------------------------------------------------------------- section: export (export.py)
# ---------------------------------------------------------------- end: export

# ---------------------------------------------------------------- section: check (checks.py)
# ---------------------------------------------------------------- end: check
