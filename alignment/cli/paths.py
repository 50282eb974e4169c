"""File arguments of the subcommands: a folder or '-' where a file is read or written, and an
-o whose name promises another format than the PO it would hold.

Why here and not click's own checks: click.Path(dir_okay=False) refused a folder as a mistake
in the command line (its usage block, exit 2), while the README promises one line "Error: ..."
and exit 1 for what a command cannot read or write, as `align DIR ...` already said it.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from typing import Any

import click

from ..errors import InputError
from ..file_kind import refuse_special

TEXTS = "text, HTML, Markdown, EPUB, DOCX, ODT or PDF"
PAIRS = "a PO file, or a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX file"


class FilePath(click.Path):
    """A path of one file. A folder, a device or a pipe given is refused in one line
    (InputError, exit 1), naming what to give instead, before anything opens it; so is '-' for
    a file read (`read`), which standard input never is.

    `give` says what a file read should be (TEXTS, PAIRS); an output is asked for a file name,
    `example` showing one inside the folder given."""

    def __init__(self, *, read: bool = False, give: str = "", example: str = "",
                 allow_dash: bool = False) -> None:
        super().__init__(dir_okay=False, allow_dash=allow_dash)
        self.read, self.give, self.example = read, give, example

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            said = f"{_option(param)}{value}"
            if value == "-" and self.read:
                raise InputError(f"{said}: standard input is not read as a text; give a file "
                                 f"(save the text first, e.g. ... > text.txt; ./- for a file "
                                 f"named '-')")
            if not (value == "-" and self.allow_dash) and os.path.isdir(value):
                if self.read:
                    raise InputError(f"{said} is a folder; give a file: {self.give}")
                example = f" (e.g. {said.rstrip(os.sep)}{os.sep}{self.example})" \
                    if self.example else ""
                raise InputError(f"{said} is a folder; give a file name{example}")
            if not (value == "-" and self.allow_dash):
                refuse_special(value, self._instead(value), said)
        return super().convert(value, param, ctx)

    def _instead(self, value: str) -> str:
        """What to give in place of a device or a pipe (file_kind.refuse_special)."""
        if self.read:
            return f"give {self.give or 'a file'}"
        if not self.allow_dash:
            return "give a file name"
        if os.path.realpath(value) == os.devnull:   # a script's way to drop an output
            return "give a file name, or '-' for standard output (and > /dev/null to drop it)"
        return "give a file name, or '-' for standard output"


def _option(param: click.Parameter | None) -> str:
    """'-o ' for an option (its short name, as the other messages say it); '' for an argument."""
    if not isinstance(param, click.Option) or not param.opts:
        return ""
    return f"{min(param.opts, key=len)} "


# what an -o file's suffix names when it is not a PO, and the option that writes that
NOT_PO = {".tmx": ("a TMX translation memory", "--tmx", ".tmx"),
          ".tsv": ("tab-separated pairs", "--tsv", ".tsv"),
          ".csv": ("a CSV table", "--tsv", ".tsv"),
          ".html": ("an HTML reader", "--html", ".html"),
          ".htm": ("an HTML reader", "--html", ".htm"),
          ".txt": ("plain text", "--txt", ".txt"),
          ".epub": ("an EPUB book", "--epub", ".epub"),
          ".apkg": ("Anki cards", "--anki", ".apkg")}


def check_po_name(po: str | None, exports: Collection[str] = ()) -> None:
    """InputError, before any work, for a PO file named as another format (-o out.tmx): it
    was written as a PO all the same, and `check out.tmx` then said 'not well-formed XML'.
    `exports` are the options of this command that write other formats (--tmx, ...)."""
    if not po or po == "-":
        return
    stem, suffix = os.path.splitext(po)
    if suffix.lower() not in NOT_PO:
        return
    what, option, own = NOT_PO[suffix.lower()]
    target = po if own == suffix.lower() else stem + own
    made = f"{NOT_PO[own][0]} with {option} {target}"
    advice = (f"write {made} (and the PO, if you want it too, with -o {stem}.po)"
              if option in exports else
              f"name it {stem}.po, then write {made}: alignment export {stem}.po {option} "
              f"{target}")
    raise InputError(f"-o {po}: -o writes a PO file, not {what}; {advice}")
