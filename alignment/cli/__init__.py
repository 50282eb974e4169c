"""Command-line interface: one verb per subcommand, formatting only.

Built on click (well kept, composable groups, shared option decorators). All
computing lives in the stage modules; this package parses options, calls them,
formats their results, and turns `AlignmentError` into one line
"Error: ..." with exit status 1.

One module per verb: align.py (several versions: versions.py), bench.py, words.py,
corpus.py, export.py, import_cmd.py, check.py; common.py holds what they share (the group class that
reports user errors, option decorators, writing outputs). The group `main` is here.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import click

from .. import __version__
from .align import align_cmd
from .bench import bench_cmd, bench_json, format_bench_table, word_bench
from .check import SEVERITY_RANK, check_cmd, fails, finding_dict, summary
from .common import (CONTEXT, AlignmentGroup, check_before_work, describe_alignment,
                     detect_languages, eflomal_option, engine_options, lang_options,
                     output_options, pass_errors, quiet_option, word_config, write_outputs)
from .corpus import corpus_build, corpus_fetch, corpus_group, corpus_list
from .export import export_cmd
from .import_cmd import import_cmd
from .words import format_pharaoh, words_cmd

__all__ = ["CONTEXT", "SEVERITY_RANK", "AlignmentGroup", "align_cmd", "bench_cmd", "bench_json",
           "check_before_work", "check_cmd", "corpus_build", "corpus_fetch", "corpus_group",
           "corpus_list", "describe_alignment", "detect_languages", "eflomal_option",
           "engine_options", "export_cmd", "import_cmd", "fails", "finding_dict", "format_bench_table",
           "format_pharaoh", "lang_options", "main", "output_options", "pass_errors",
           "quiet_option", "summary", "word_bench", "word_config", "words_cmd", "write_outputs"]


@click.group(cls=AlignmentGroup, context_settings=CONTEXT, invoke_without_command=True)
@click.version_option(__version__, prog_name="alignment")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              envvar="ALIGNMENT_CACHE_DIR", help="The cache root: sentence encodings, word links, "
              "PO snapshots, fetched corpus sides, the app's drafts and kept POs (default: "
              "$XDG_CACHE_HOME/alignment or ~/.cache/alignment; env ALIGNMENT_CACHE_DIR; README: "
              "Where files go).")
@click.pass_context
def main(ctx: click.Context, cache_dir: str | None) -> None:
    """Align a text and its translation sentence by sentence; store, export and check the pairs.

    Example: alignment corpus build sample -o sample.po
    """
    warnings.showwarning = _one_line_warning
    if cache_dir:
        import os
        os.environ["ALIGNMENT_CACHE_DIR"] = cache_dir  # read by cache_root.cache_root
    if ctx.invoked_subcommand is None:  # `alignment` alone: the help, exit 0 (as pip does)
        click.echo(ctx.get_help())
        ctx.exit(0)


_PYTHON_WARNING = warnings.showwarning


def _one_line_warning(message, category, filename, lineno, file=None, line=None) -> None:  # type: ignore[no-untyped-def]
    """The package's own warnings (a damaged cache it rebuilds, ...) as one line 'Warning: ...',
    as errors are: Python's form named a source line ('embed.py:251: CacheWarning: ...
    self._cache = PartsCache(...)') that tells a user nothing."""
    if issubclass(category, UserWarning) and "alignment" in Path(filename).parts:
        click.echo(f"Warning: {message}", err=True)
    else:
        _PYTHON_WARNING(message, category, filename, lineno, file, line)


main.add_command(align_cmd)
main.add_command(bench_cmd)
main.add_command(words_cmd)
main.add_command(corpus_group)
main.add_command(export_cmd)
main.add_command(check_cmd)
main.add_command(import_cmd)
