"""`alignment words`: word links inside sentence links (Pharaoh lines, or into a PO file).

Built on click (see cli/__init__.py); the linking is words.py's, cached by word_cache.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..registry import EMBEDDERS
from . import interrupt
from .common import (check_before_work, check_writable, detect_languages, eflomal_option,
                     lang_options, overwrite_edited_option, quiet_option, unwritable_said,
                     warn, word_config)
from .lines import read_lines
from .paths import FilePath

def format_pharaoh(links: Any) -> str:
    """One line of word links per sentence pair: 'i-j' sure, 'ipj' possible (Pharaoh format)."""
    return "".join(" ".join(f"{w.src}{'-' if w.sure else 'p'}{w.tgt}" for w in pair) + "\n"
                   for pair in links)


def _word_linker() -> Any:
    """Word links kept in the on-disk cache: the same text again costs a file read."""
    from ..embed import default_cache_dir
    from ..word_cache import cached_linker

    return cached_linker(default_cache_dir())


def _check_words_output(pairs: str, output: str | None, overwrite_edited: bool) -> str | None:
    """Where the linked PO goes: None for PAIRS.po in place, '-' for standard output, else a
    file checked now (before the linking) like any output: never an input (a TSV given as
    PAIRS and as -o was replaced by a PO), no missing folder, no edited PO."""
    from ..import_pairs import pairs_format

    if pairs_format(pairs) and output is None:
        from ..errors import InputError
        raise InputError(f"{pairs}: word links are written into a PO file, and {pairs} is not "
                         f"one; name the PO to write: alignment words {pairs} -o PAIRS.po")
    if not output or (output != "-" and not pairs_format(pairs)
                      and Path(output).resolve() == Path(pairs).resolve()):
        check_writable(pairs)   # written in place: refused now, not after the linking
        return None
    if output != "-":
        check_before_work([pairs], po=output, overwrite_edited=overwrite_edited)
    return output


def _words_for_po(pairs: str, output: str | None, embedder: Any, config: Any,
                  overwrite_edited: bool = False, src_lang: str | None = None,
                  tgt_lang: str | None = None, quiet: bool = False) -> None:
    """Word links into PAIRS.po (in place, or -o); a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX file is read as
    pairs (in the languages given) and written as a new PO with -o, never into itself. In
    place, the file keeps what other tools and `alignment check` put in it (po.save_po), and a
    person's corrections stay marked as such."""
    from ..compile_ahead import ahead
    from ..errors import InputError
    from ..po import bitext_to_po, write_po
    from ..progress import tqdm_progress
    from ..words import link_bitext
    from .common import read_pairs_or_po

    if Path(pairs).is_dir():
        raise InputError(f"{pairs} is a folder; give a PO file (or a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX file)")
    from ..file_kind import refuse_special
    refuse_special(pairs, "give a PO file (or a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX file)")
    output = _check_words_output(pairs, output, overwrite_edited)
    read, fingerprint = read_pairs_or_po(pairs, src_lang, tgt_lang, quiet)
    _say_guessed(embedder, read.src_lang, read.tgt_lang)
    with ahead(("training the word model",)):
        bitext = link_bitext(read, embedder=embedder, config=config, linker=_word_linker(),
                             progress=tqdm_progress(disable=True if quiet else None))
    n = sum(len(link.words) for link in bitext.alignment.links)
    interrupt.writing()
    if output == "-":
        click.echo(str(bitext_to_po(bitext)), nl=False)
    elif output is None:
        with unwritable_said(pairs):
            _save_in_place(bitext, pairs, fingerprint or "")
    else:
        from ..import_pairs import pairs_format
        with unwritable_said(output):
            write_po(bitext, output, overwrite_edited=overwrite_edited,
                     like=None if pairs_format(pairs) else pairs)
    if output != "-":
        interrupt.wrote(output or pairs)
    _say_past_limit(_links_past_limit(bitext, config), "link")
    entries = f"{n} word links in {len(bitext.alignment.links)} entries"
    click.echo(f"Wrote {entries} to standard output" if output == "-"
               else f"Wrote {output or pairs}: {entries}", err=True)


def _say_guessed(embedder: Any, *langs: str | None) -> None:
    """One warning where the encoder does not know a language of the text (words.py's
    guessed_links_note); a language that could not be told ('und') is not named."""
    from ..align import unknown_languages
    from ..words import guessed_links_note

    unknown = unknown_languages(embedder, *(lang for lang in langs if lang != "und"))
    if unknown:
        warn([guessed_links_note(unknown)])


def _links_past_limit(bitext: Any, config: Any) -> list[int]:
    """Numbers (from 1) of the links given no word links for their size (words.past_pair_limit)."""
    from ..types import MAX_WORD_PAIRS
    from ..words import link_tokens_of, past_pair_limit

    out = []
    for k in range(len(bitext.alignment.links)):
        if len(bitext.link_text(k, "src")) * len(bitext.link_text(k, "tgt")) <= MAX_WORD_PAIRS:
            continue   # a token is a character at least: not cut, most links cost nothing
        src, tgt = link_tokens_of(bitext, k)
        if past_pair_limit([t.text for t in src], [t.text for t in tgt], config):
            out.append(k + 1)
    return out


def _say_past_limit(numbers: list[int], what: str) -> None:
    """One warning naming the links (`what`: 'link', or 'line' with --presplit) that got no
    word links for their size. Why: 'Wrote oneline.po: 0 word links in 1 entries' did not
    say that the 1 MB link was left out on purpose, nor what to do."""
    if not numbers:
        return
    from ..types import MAX_WORD_PAIRS

    one, more = len(numbers) == 1, len(numbers) - 10
    named = ", ".join(map(str, numbers[:10])) + (f" and {more} more" if more > 0 else "")
    warn([f"{what}{'' if one else 's'} {named}: more than {MAX_WORD_PAIRS:,} word pairs "
          f"{'in it' if one else 'each'}, so no word links found there; split "
          f"{'it' if one else 'them'} into shorter links to link {'its' if one else 'their'} words"])


def _save_in_place(bitext: Any, pairs: str, fingerprint: str) -> None:
    """Save the linked PO over the file it was read from (po.save_po). A save by another program
    meanwhile is said as the command's, not the app's ('reload it ... or save under another
    name', which a command cannot do): nothing written, run it again."""
    from ..errors import POConflict
    from ..po import edited_reason, file_fingerprint, save_po

    try:
        save_po(bitext, pairs, expected_fingerprint=fingerprint,
                mark_edited=edited_reason(pairs) is not None)
    except POConflict:
        if file_fingerprint(pairs) == fingerprint:
            raise   # not a change on disk (the lock held too long): its own words say what to do
        raise POConflict(f"{pairs} changed on disk while the word links were found (another "
                         f"program saved it); nothing written: run `alignment words {pairs}` "
                         f"again") from None


@click.command("words")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@lang_options
@click.option("--presplit", is_flag=True,
              help="SRC and TGT hold one sentence per line, line n of one the translation of "
              "line n of the other.")
@click.option("--tokenized", is_flag=True,
              help="Tokens are the space-separated items (as word-alignment benchmarks give "
              "them); otherwise words, punctuation and l', qu', 's are cut here.")
@click.option("--embedder", type=click.Choice(EMBEDDERS.names()), default="use",
              show_default=True, help="Encoder for the word vectors.")
@click.option("--output", "-o", type=FilePath(allow_dash=True, example="pairs.po"), default=None,
              help="PAIRS.po mode: write here instead of updating PAIRS.po in place ('-': "
              "standard output).")
@overwrite_edited_option
@eflomal_option
@quiet_option
def words_cmd(files: tuple[str, ...], src_lang: str, tgt_lang: str, presplit: bool,
              tokenized: bool, embedder: str, output: str | None, eflomal: bool,
              overwrite_edited: bool = False, quiet: bool = False) -> None:
    """Word links inside sentence links: which word became which.

    With SRC TGT --presplit, prints one line of 'i-j' links per sentence pair (i: token of
    SRC, j: of TGT, 0-based), the Pharaoh format word aligners use. With PAIRS.po (from
    `alignment align`), adds the word links to every entry (atomically; docs/po-format.md).

    \b
    Example: alignment words story.fr story.en --presplit --tokenized -s fr -t en
    Example: alignment words pairs.po
    Example: alignment words memory.tmx -o memory.po   (a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX file read as pairs)
    """
    from ..errors import InputError
    from ..pipeline import check_language, resolve_embedder
    from ..word_tokens import split_tokens, tokenize

    for code in (src_lang, tgt_lang):  # the linker needs no language; a given code is checked,
        if code and len(files) != 1:   # PAIRS's reader checks its own (a set's version: 'en2')
            check_language(code)
    config = word_config(eflomal)
    if presplit and len(files) == 1:   # else read as PAIRS.po: 'not a PO file (no msgid)'
        raise InputError(f"--presplit links SRC TGT, one sentence per line in each: give the "
                         f"translation too (alignment words {files[0]} TGT --presplit)")
    if len(files) == 1:
        _words_for_po(files[0], output, resolve_embedder(embedder), config, overwrite_edited,
                      src_lang, tgt_lang, quiet)
        return
    if output:
        raise InputError("-o writes a PO in PAIRS.po mode only; with SRC TGT --presplit the "
                         "links go to standard output: redirect them (> links.txt)")
    if len(files) != 2 or not presplit:
        raise InputError("give PAIRS.po, or SRC TGT --presplit (one sentence per line); to link "
                         "the words of running texts, align them first: alignment align SRC TGT -o PAIRS.po")
    src, tgt = read_lines(files[0]), read_lines(files[1])
    if len(src) != len(tgt):
        raise InputError(f"{files[0]} has {len(src)} lines but {files[1]} {len(tgt)}; with "
                         f"--presplit line n of one must be the translation of line n of the other")
    langs = detect_languages(src_lang, tgt_lang, "\n".join(src), "\n".join(tgt),
                             names=(files[0], files[1]), required=False)   # said, as -s/-t's help says
    cut = split_tokens if tokenized else tokenize
    from ..progress import tqdm_progress

    from ..words import past_pair_limit

    pairs = [(cut(a), cut(b)) for a, b in zip(src, tgt)]
    from ..compile_ahead import ahead
    with ahead(("training the word model",)):
        encoder = resolve_embedder(embedder)
        _say_guessed(encoder, *langs)
        links = _word_linker()(pairs, embedder=encoder, config=config,
                               progress=tqdm_progress(disable=True if quiet else None))
    _say_past_limit([k + 1 for k, (a, b) in enumerate(pairs)
                    if past_pair_limit([t.text for t in a], [t.text for t in b], config)], "line")
    click.echo(format_pharaoh(links), nl=False)
