"""What the subcommands share: the group that reports user errors, option decorators,
language detection, and writing an alignment's outputs (PO, TMX, TSV, HTML).

Built on click (see cli/__init__.py). Stage modules are imported inside the functions, so
that `alignment -h` stays fast.
"""

from __future__ import annotations

import errno
import functools
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

import click

from ..errors import AlignmentError
from ..registry import EMBEDDERS, SEGMENTERS
from . import interrupt
from .pairs_input import read_pairs_file, read_pairs_file_noted, read_pairs_or_po  # noqa: F401 (re-exported)
from .paths import FilePath, check_po_name

F = Callable[..., Any]


class AlignmentGroup(click.Group):
    """A group whose commands report user errors, and files they cannot write, as one line and
    exit 1; Ctrl+C as what it left written, exit 130, and SIGTERM, SIGHUP so too, exit 143, 129
    (cli/interrupt.py)."""

    def invoke(self, ctx: click.Context) -> Any:
        interrupt.start()
        caught = interrupt.catch_signals()
        try:
            return super().invoke(ctx)
        except (AlignmentError, OSError) as exc:
            _said(exc)
        except KeyboardInterrupt:
            interrupt.interrupted()
        except interrupt.Stopped as exc:   # SIGTERM, SIGHUP
            interrupt.interrupted(int(exc.code or 1))
        finally:
            interrupt.release_signals(caught)


def _said(exc: AlignmentError | OSError) -> NoReturn:
    """'Error: ...' and exit 1. An OSError no command turned into words (a full disk under a
    save in place: po.py, atomic.py) is said with the file it names and what to do: it ended in
    a traceback. A closed pipe (`... --tsv - | head`) is not an error of ours: raised as before."""
    if isinstance(exc, BrokenPipeError):
        raise exc
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
        click.echo(f"Error: {unwritable_message(exc)}", err=True)   # only a write fails so
    elif isinstance(exc, OSError):
        from ..atomic import write_advice
        where = f"{exc.filename}: " if exc.filename else ""
        advice = write_advice(exc, fallback="check the file and its folder")
        click.echo(f"Error: {where}{exc.strerror or exc}; {advice}", err=True)
    else:
        click.echo(f"Error: {exc}", err=True)
    sys.exit(1)


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# ---------------------------------------------------------------- options

def lang_options(func: F) -> F:
    """--src-lang / --tgt-lang (ISO 639-1 codes); detected from the text when not given."""
    func = click.option("--tgt-lang", "-t", default=None,
                        help="Language of the translation (ISO 639-1, e.g. en; default: "
                        "detected, and said on stderr).")(func)
    func = click.option("--src-lang", "-s", default=None,
                        help="Language of the original (ISO 639-1, e.g. fr; default: "
                        "detected, and said on stderr).")(func)
    return func


def detect_languages(src_lang: str | None, tgt_lang: str | None, src_text: str, tgt_text: str,
                     names: tuple[str, str], required: bool = True) -> tuple[str, str]:
    """The languages given, or detected from the texts (said on stderr); InputError if unsure.

    `required=False` is for a command that works in any language (`words --presplit`): a
    language it cannot tell is said as such and returned as 'und', never refused."""
    from ..browse import guess_language
    from ..errors import InputError

    langs, said = [], []
    for given, text, name, option, side in ((src_lang, src_text, names[0], "-s", "source"),
                                            (tgt_lang, tgt_text, names[1], "-t", "target")):
        if given and given.strip().lower() != "und":  # und(etermined): detect it
            langs.append(given)
            continue
        guess = guess_language(text)
        if guess is None and required:
            raise InputError(f"{name}: cannot tell its language; give it with {option} CODE "
                             f"(e.g. {option} fr)")
        langs.append(guess or "und")
        said.append(f"{side} {guess} ({option} to change)" if guess
                    else f"{side} not detected ({option} to give it)")
    if said:
        click.echo(f"Detected language: {', '.join(said)}", err=True)
    return langs[0], langs[1]


def engine_options(func: F) -> F:
    """--embedder / --segmenter, choices from the registries."""
    func = click.option("--embedder", type=click.Choice(EMBEDDERS.names()), default="use",
                        show_default=True, help="Sentence encoder.")(func)
    func = click.option("--segmenter", type=click.Choice(SEGMENTERS.names()), default="default",
                        show_default=True, help="Sentence splitter.")(func)
    return func


def quiet_option(func: F) -> F:
    """--quiet hides the progress: bars on a terminal, lines in a log (progress.tqdm_progress)."""
    return click.option("--quiet", "-q", is_flag=True,
                        help="No progress on stderr (bars on a terminal, a line now and then "
                        "when stderr is a file or a pipe).")(func)


def eflomal_option(func: F) -> F:
    """--eflomal: add eflomal's links to the word linker's evidence (optional package)."""
    return click.option("--eflomal", is_flag=True,
                        help="Word links: also use eflomal (pip install eflomal; GPL-3): "
                        "Alibi dev AER 0.079 -> 0.072, slower, not reproducible bit for bit.")(func)


def word_config(eflomal: bool) -> Any:
    """The word linker's settings, with eflomal's weight when asked."""
    from dataclasses import replace

    from ..words import DEFAULT_CONFIG

    return replace(DEFAULT_CONFIG, eflomal=0.35) if eflomal else DEFAULT_CONFIG


def pass_errors(func: F) -> F:
    """Turn AlignmentError (and an OSError) into 'Error: ...' + exit 1 for standalone commands too."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (AlignmentError, OSError) as exc:
            _said(exc)

    return wrapper


def output_options(func: F) -> F:
    """-o PAIRS.po, --tmx, --tsv, --html, --overwrite-edited: where an alignment is written."""
    for name, help_text in (("--html", "Also write a bilingual HTML reader here ('-': "
                             "standard output)."),
                            ("--tsv", "Also write tab-separated pairs here ('-': standard "
                             "output)."),
                            ("--tmx", "Also write a TMX 1.4 translation memory here ('-': "
                             "standard output).")):
        func = click.option(name, type=FilePath(allow_dash=True, example=f"pairs.{name[2:]}"),
                            default=None, help=help_text)(func)
    return overwrite_edited_option(func)


def overwrite_edited_option(func: F) -> F:
    """--overwrite-edited: the one way past the refusal to replace a PO a person edited; every
    command that can write over a PO has it, since the refusal message names it."""
    return click.option("--overwrite-edited", is_flag=True,
                        help="Let an output replace a PO file even if a person edited "
                        "it.")(func)


def pair_language_options(func: F) -> F:
    """--src-lang/--tgt-lang for a file of pairs: every command that reads one has them, since
    its errors name them (a table that names no languages, a TMX holding several translations)."""
    func = click.option("--tgt-lang", "-t", default=None,
                        help="A file of pairs' translation language (needed for a TMX holding "
                        "several).")(func)
    return click.option("--src-lang", "-s", default=None,
                        help="A file of pairs' original language (default: the file's own; a "
                        "table's is detected).")(func)


def warn(messages: Any) -> None:
    """Each message on stderr as 'Warning: ...'."""
    for message in messages:
        click.echo(f"Warning: {message}", err=True)


def write_outputs(bitext: Any, *, po: str | None, tmx: str | None = None,
                  tsv: str | None = None, html: str | None = None, txt: str | None = None,
                  overwrite_edited: bool = False, notes: Sequence[str] = ()) -> list[str]:
    """Write the PO and any export asked for ('-': standard output); return the files written.

    Each export is checked against an edited PO again just before it is written (the check
    before the work may be minutes old). `notes`, a translator's comment per link, go into the
    PO (`# ...`) and the TMX (<note>): the formats that hold them."""
    from ..po_guard import ensure_not_edited_po

    written: list[str] = []
    interrupt.writing()
    with unwritable_said():
        if po == "-":
            from ..po import bitext_to_po
            click.echo(str(bitext_to_po(bitext, notes=notes)), nl=False)
        elif po:
            from ..po import write_po
            written.append(str(write_po(bitext, po, overwrite_edited=overwrite_edited,
                                        notes=notes)))
            interrupt.wrote(written[-1])
        for name, path in (("tmx", tmx), ("tsv", tsv), ("html", html), ("txt", txt)):
            if path == "-":
                click.echo(_export(name, bitext, "-", notes), nl=False)
            elif path:
                ensure_not_edited_po(path, option=f"--{name}", overwrite_edited=overwrite_edited)
                done = [str(p) for p in _export(name, bitext, path, notes)]
                written.extend(done)
                for file in done:
                    interrupt.wrote(file)
    return written


def _export(name: str, bitext: Any, path: str, notes: Sequence[str]) -> Any:
    """The export `name` at `path` (its text where `path` is '-'); the TMX by export_tmx itself,
    with the notes, which EXPORTERS' writers take none of."""
    from .. import export, export_tmx
    from ..registry import EXPORTERS

    if path == "-":
        return export_tmx.render_tmx(bitext, notes) if name == "tmx" else \
            getattr(export, f"render_{name}")(bitext)
    return export_tmx.write_tmx(bitext, path, notes) if name == "tmx" else \
        EXPORTERS[name](bitext, path)


@contextmanager
def unwritable_said(path: str = "") -> Iterator[None]:
    """An OSError while writing (`path`, or the file the error names) as the one-line
    InputError the CLI prints: every output, the PO and exports as the corrected copy."""
    from ..errors import InputError

    try:
        yield
    except OSError as exc:
        raise InputError(unwritable_message(exc, path)) from None


def unwritable_message(exc: OSError, path: str = "") -> str:
    """'FILE: cannot write (REASON); WHAT TO DO', the advice by the reason (atomic.write_advice):
    'check the folder exists' was said of a full disk and of a name too long too."""
    from ..atomic import write_advice

    # every file write names its file (atomic.py): one that names none went to standard
    # output ('> /dev/full' said "Error: cannot write (No space left on device)")
    where = exc.filename or path or "standard output"
    return f"{where}: cannot write ({exc.strerror}); {write_advice(exc)}"


def describe_alignment(bitext: Any) -> str:
    """One line: link counts by type and how many links a person should review."""
    from collections import Counter

    from ..align import DEFAULT_REVIEW_THRESHOLD

    links = bitext.alignment.links
    kinds = Counter(link.kind for link in links)
    review = sum(1 for link in links if link.confidence < DEFAULT_REVIEW_THRESHOLD)
    by_kind = ", ".join(f"{k}: {n}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
    return (f"{len(bitext.src)} + {len(bitext.tgt)} sentences, {len(links)} links "
            f"({by_kind}); {review} to review (confidence < {DEFAULT_REVIEW_THRESHOLD})")


# outputs that cannot go to standard output ('-'), and why (said in the refusal)
NOT_TO_STDOUT = {
    "--epub": "an EPUB is a zip archive, not text; give a file name (e.g. --epub book.epub)",
    "--anki": "an Anki deck is a zip archive, not text; give a file name (e.g. --anki "
              "cards.apkg)",
    "--moses": "Moses output is two files, PREFIX.<src-lang> and PREFIX.<tgt-lang>; give a "
               "prefix (e.g. --moses train)",
}


def check_before_work(inputs: list[str], *, po: str | None, tmx: str | None = None,
                      tsv: str | None = None, html: str | None = None,
                      overwrite_edited: bool = False,
                      more: Sequence[tuple[str, str | None]] = (),
                      exports: Collection[str] = ()) -> None:
    """Refuse now, not after a long alignment: outputs on inputs, missing folders, edited POs,
    a PO named as another format (paths.check_po_name; `exports`: this command's options for
    other formats, e.g. --tmx).

    `po` is the PO (-o); `more` names other outputs as (option, path), e.g. ("--epub", path)."""
    check_output_paths([("-o", po), ("--tmx", tmx), ("--tsv", tsv), ("--html", html), *more],
                       inputs, po_options={"-o"}, overwrite_edited=overwrite_edited)
    check_po_name(po, exports)


def check_output_paths(outputs: Sequence[tuple[str, str | None]], inputs: Sequence[str], *,
                       po_options: Collection[str] = (), overwrite_edited: bool = False) -> None:
    """Every output gets every check, whatever its option: '-' only where it can be text on
    standard output and only once; never an input, never twice the same file, never into a
    missing folder (export.check_outputs), nor one it cannot write in, nor over a read-only
    file (check_writable); never over an edited PO. Options in `po_options`
    write a PO (write_po's own refusal); the others may not replace a PO a person edited
    either (po_guard.ensure_not_edited_po): a TSV written over corrections loses them as surely.
    """
    from ..errors import InputError
    from ..export import check_outputs
    from ..file_kind import refuse_special
    from ..po import ensure_replaceable
    from ..po_guard import ensure_not_edited_po

    to_stdout = [option for option, path in outputs if path == "-"]
    for option in to_stdout:
        if option in NOT_TO_STDOUT:
            raise InputError(f"{option} -: {NOT_TO_STDOUT[option]}")
    if len(to_stdout) > 1:
        raise InputError(f"{' and '.join(to_stdout)} {'both' if len(to_stdout) == 2 else 'all'} "
                         f"name '-': only one output can go to standard output; give the "
                         f"others a file name")
    for option, path in outputs:   # before check_outputs and the edited-PO check read them
        if path and path != "-":
            refuse_special(path, "give a file name" if option in NOT_TO_STDOUT else
                           "give a file name, or '-' for standard output", f"{option} {path}")
    check_outputs(list(outputs), list(inputs))
    for option, path in outputs:
        if not path or path == "-":
            continue
        check_writable(path, option)
        if option in po_options:
            ensure_replaceable(path, overwrite_edited=overwrite_edited)
        else:
            ensure_not_edited_po(path, option=option, overwrite_edited=overwrite_edited)


def check_writable(path: str, option: str = "") -> None:
    """InputError now, before the work, where `path` could not be written after it: an existing
    file without its write bit (po_guard.ensure_writable: a read-only TMX is kept as a read-only
    PO is), a folder the process may not write in (permissions, a read-only mount), a name the
    file system refuses. Commands that write into their input (`words PAIRS.po`, `check
    --format po`) call it for that file too."""
    import os
    from pathlib import Path

    from ..errors import InputError
    from ..po_guard import ensure_writable

    try:
        ensure_writable(path, option)
    except OSError as exc:   # a name too long, a folder that cannot be searched
        raise InputError(f"{option} {unwritable_message(exc, path)}".lstrip()) from None
    folder = Path(os.path.realpath(path)).parent
    if folder.is_dir() and not os.access(folder, os.W_OK):
        raise InputError(f"{f'{option} ' if option else ''}{path}: cannot write in the folder "
                         f"{folder} (read-only); make it writable or write elsewhere")
