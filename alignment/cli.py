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
# ---------------------------------------------------------------- end: bench

# ---------------------------------------------------------------- section: corpus (corpora.py)
# ---------------------------------------------------------------- end: corpus

# ---------------------------------------------------------------- section: export (export.py)
# ---------------------------------------------------------------- end: export

# ---------------------------------------------------------------- section: check (checks.py)
# ---------------------------------------------------------------- end: check
