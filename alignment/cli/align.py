"""`alignment align`: two texts (or an original and several versions) sentence by sentence.

Built on click (see cli/__init__.py). Several versions, `--langs` or `-O DIR` hand over to
cli/versions.py; the two-text path reads, detects the languages, aligns and writes here.
"""

from __future__ import annotations

from typing import Any

import click

from .common import (check_before_work, check_output_paths, describe_alignment, detect_languages,
                     engine_options, lang_options, output_options, quiet_option, warn,
                     write_outputs)
from .lines import read_lines
from .paths import TEXTS, FilePath

@click.command("align")
@click.argument("src", type=FilePath(read=True, give=TEXTS))
@click.argument("tgt", type=FilePath(read=True, give=TEXTS))
@click.argument("more", nargs=-1, type=FilePath(read=True, give=TEXTS))
@click.option("--langs", default=None, metavar="fr,en,es", help="Several versions: one language "
              "per text, original first (detected when not given).")
@click.option("--out-dir", "-O", default=None, type=click.Path(file_okay=False),
              help="Several versions with --format vecalign: one file per pair of texts here.")
@lang_options
@engine_options
@click.option("--src-section", default=None, metavar="HEADING",
              help="Keep only this section of SRC (from its heading to the next like it).")
@click.option("--tgt-section", default=None, metavar="HEADING",
              help="Keep only this section of TGT.")
@click.option("--presplit", is_flag=True,
              help="Inputs hold one sentence per line (raw or tokenized), as benchmarks do.")
@click.option("--format", "fmt", type=click.Choice(["po", "vecalign"]), default="po",
              show_default=True, help="po: the PO file of the pairs; vecalign: links "
              "'[0, 1]:[2]' one per line.")
@click.option("--output", "-o", type=FilePath(allow_dash=True, example="pairs.po"), default=None,
              help="Output file (PO, or links with --format vecalign); '-' or none: "
              "standard output (no PO when only --tmx/--tsv/--html are given). Several "
              "versions: SET.tmx, plus SET.<orig>-<version>.po per pair.")
@click.option("--max-memory", default=None, metavar="SIZE", callback=lambda c, p, v: _size_mb(v),
              help="Refuse, before any work, an alignment estimated to need more memory "
              "than this (e.g. 2G, 1500M); default: the memory free on the machine.")
@output_options
@quiet_option
def align_cmd(src: str, tgt: str, src_lang: str | None, tgt_lang: str | None, embedder: str,
              segmenter: str, src_section: str | None, tgt_section: str | None, presplit: bool,
              fmt: str, output: str | None, tmx: str | None, tsv: str | None,
              html: str | None, overwrite_edited: bool, quiet: bool, more: tuple[str, ...] = (),
              langs: str | None = None, out_dir: str | None = None,
              max_memory: float | None = None) -> None:
    """Align SRC (the original) with TGT (its translation) sentence by sentence.

    Reads plain text, HTML, Markdown, EPUB, DOCX, ODT or PDF (books: chapters matched first),
    splits sentences, aligns them and writes the pairs as a PO file (-o FILE, or standard
    output) and/or TMX, TSV, HTML. Languages not given are detected from the texts and said
    on stderr. With --presplit the inputs are plain text, one sentence per line, and --format
    vecalign prints one link per line.

    \b
    Example: alignment align roman.fr.txt roman.en.txt -s fr -t en -o pairs.po --html pairs.html
    Example: alignment align roman.fr.txt roman.en.txt > pairs.po
    Example: alignment align test0.de test0.fr --presplit -s de -t fr --format vecalign
    Example: alignment align roman.fr.txt roman.en.txt roman.es.txt --langs fr,en,es -o set.tmx

    Several versions (SRC VERSION VERSION..., or --langs): -o SET.tmx writes the set (one row
    per span of the original, one column per text) and SET.fr-en.po per pair; --format
    vecalign -O DIR writes one file per pair of texts (fr-en.txt, fr-es.txt, en-es.txt);
    --tmx SET.tmx the set alone, --tsv SET.tsv one column per text ('-': standard output).
    -s/-t, --src-section/--tgt-section and --html are for two texts and refused here.
    """
    if more or langs or out_dir:
        refuse_pair_options(src_lang=src_lang, tgt_lang=tgt_lang, src_section=src_section,
                            tgt_section=tgt_section, html=html, max_memory=max_memory)
        from .versions import parse_langs
        parse_langs(langs, 2 + len(more))   # a count that is wrong is said before the outputs
        _align_versions((src, tgt, *more), langs=langs, presplit=presplit, segmenter=segmenter,
                        embedder=embedder, fmt=fmt, output=output, out_dir=out_dir, tmx=tmx,
                        tsv=tsv, overwrite_edited=overwrite_edited, quiet=quiet)
        return
    from ..compile_ahead import ahead
    from ..pipeline import align_documents, align_sentences, check_language, resolve_embedder
    from ..progress import tqdm_progress

    # no -o: the PO goes to standard output, unless only exports were asked for
    po = (output or (None if (tmx or tsv or html) else "-")) if fmt == "po" else None
    check_before_work([src, tgt], po=po, tmx=tmx, tsv=tsv, html=html,
                      overwrite_edited=overwrite_edited, exports=("--tmx", "--tsv", "--html"))
    if fmt == "vecalign":
        _check_vecalign_outputs(src, tgt, output, tmx=tmx, tsv=tsv, html=html,
                                overwrite_edited=overwrite_edited)
    src_in, tgt_in, texts = _read_inputs(src, tgt, presplit, src_section, tgt_section)
    warn(input_warnings((src, tgt), texts, (src_lang, tgt_lang)))
    src_lang, tgt_lang = detect_languages(src_lang, tgt_lang, *texts, names=(src, tgt))
    progress = tqdm_progress(disable=True if quiet else None)
    common = dict(src_lang=check_language(src_lang), tgt_lang=check_language(tgt_lang),
                  progress=progress)
    if max_memory is not None:
        from ..align_config import AlignConfig
        common["config"] = AlignConfig(max_memory_mb=max_memory)
    with ahead(("align",)):   # from the encoder's loading on
        common["embedder"] = resolve_embedder(embedder)
        if presplit:
            bitext = align_sentences(src_in, tgt_in, **common)
        else:
            bitext = align_documents(src_in, tgt_in, segmenter=segmenter, **common)
    warn(bitext.alignment.warnings)
    if fmt == "vecalign":
        _write_vecalign(bitext, output)
        return
    for path in write_outputs(bitext, po=po, tmx=tmx, tsv=tsv, html=html,
                              overwrite_edited=overwrite_edited):
        click.echo(f"Wrote {path}", err=True)
    click.echo(describe_alignment(bitext), err=True)


def input_warnings(names: tuple[str, str], texts: tuple[str, str],
                   given: tuple[str | None, str | None]) -> list[str]:
    """One line each, said before the work and never refused: the same text given as original
    and translation, and languages given (-s/-t) that a sure detection of the texts contradicts.

    Why warn and not refuse: detection can be wrong, and aligning a text with itself may be a
    test; but both went silently (a Russian text given as -s en was split by English rules and
    written into the PO as English), and the person found out only from odd links."""
    from pathlib import Path

    from ..lang import contradicts, primary, sure_language

    out = []
    if texts[0] == texts[1]:
        same = "is given twice" if Path(names[0]).resolve() == Path(names[1]).resolve() \
            else f"and {names[1]} hold the same text"
        out.append(f"{names[0]} {same}: give an original and its translation (aligned as given)")
    found = [sure_language(text) if lang and primary(lang) != "und" else None
             for text, lang in zip(texts, given)]
    clashes = [f"{name} reads as {f}, not {lang} as given with {option}"
               for name, f, lang, option in zip(names, found, given, ("-s", "-t"))
               if lang and contradicts(f, lang)]
    if clashes:
        swapped = len(clashes) == 2 and [primary(g) for g in given] == found[::-1]
        out.append("; ".join(clashes) + (": swapped? Check -s and -t" if swapped
                                        else ": check the language") + " (aligned as given)")
    return out


def refuse_pair_options(*, src_lang: str | None, tgt_lang: str | None,
                        src_section: str | None, tgt_section: str | None,
                        html: str | None, max_memory: float | None = None) -> None:
    """InputError for an option of two texts given with several versions: ignoring it would
    hand the person something other than what they asked for (wrong languages, whole texts,
    no reader), with exit 0."""
    from ..errors import InputError

    for option, value, what_to_do in (
            ("-s/--src-lang", src_lang, "give one code per text, original first, with --langs "
             "(e.g. --langs fr,en,es)"),
            ("-t/--tgt-lang", tgt_lang, "give one code per text, original first, with --langs "
             "(e.g. --langs fr,en,es)"),
            ("--src-section", src_section, "cut each text to the section first, or align the "
             "original with one version"),
            ("--tgt-section", tgt_section, "cut each text to the section first, or align the "
             "original with one version"),
            ("--html", html, "write the set with -o SET.tmx (and/or --tmx, --tsv), or align the "
             "original with one version for an HTML reader"),
            ("--max-memory", max_memory, "align the original with one version at a time")):
        if value:
            raise InputError(f"{option} works on two texts, not on an original and several "
                             f"versions: {what_to_do}")


def _check_vecalign_outputs(src: str, tgt: str, output: str | None, *, tmx: str | None,
                            tsv: str | None, html: str | None, overwrite_edited: bool) -> None:
    """--format vecalign writes links only: refuse exports it would silently skip, and check
    -o like any output (it may not replace an input or an edited PO)."""
    from ..errors import InputError

    for option, value in (("--tmx", tmx), ("--tsv", tsv), ("--html", html)):
        if value:
            raise InputError(f"{option} writes the pairs of a PO alignment; --format vecalign "
                             f"writes links only: drop {option}, or align again without "
                             f"--format vecalign")
    check_output_paths([("-o", output)], [src, tgt], overwrite_edited=overwrite_edited)


def _align_versions(paths: tuple[str, ...], *, langs: str | None, presplit: bool, segmenter: str,
                    embedder: str, fmt: str, output: str | None, out_dir: str | None,
                    tmx: str | None, tsv: str | None, overwrite_edited: bool,
                    quiet: bool) -> None:
    """An original and several versions: cli/versions.py aligns and writes the set."""
    from ..compile_ahead import ahead
    from ..pipeline import resolve_embedder
    from ..progress import tqdm_progress
    from .versions import align_set, describe_set
    with ahead(("align",)):
        vs, written = align_set(
            paths, langs=langs, presplit=presplit, segmenter=segmenter,
            embedder=resolve_embedder(embedder), fmt=fmt, output=output, out_dir=out_dir, tmx=tmx,
            tsv=tsv, overwrite_edited=overwrite_edited, read_lines=read_lines,
            progress=tqdm_progress(disable=True if quiet else None))
    warn(w for ws in vs.warnings for w in ws)
    for path in written:
        click.echo(f"Wrote {path}", err=True)
    click.echo(describe_set(vs, paths), err=True)


def _read_inputs(src: str, tgt: str, presplit: bool, src_section: str | None,
                 tgt_section: str | None) -> tuple[Any, Any, tuple[str, str]]:
    """Both inputs (sentence lines with --presplit, else Documents) and their texts for
    language detection."""
    if presplit:
        src_in, tgt_in = read_lines(src), read_lines(tgt)
        return src_in, tgt_in, ("\n".join(src_in), "\n".join(tgt_in))
    from ..read import read_file
    src_in, tgt_in = read_file(src, section=src_section), read_file(tgt, section=tgt_section)
    return src_in, tgt_in, ("\n".join(src_in.paragraphs), "\n".join(tgt_in.paragraphs))


def _write_vecalign(bitext: Any, output: str | None) -> None:
    from ..errors import InputError
    from ..pipeline import format_vecalign

    text = format_vecalign(bitext)
    if not output or output == "-":
        click.echo(text, nl=False)
        return
    from ..atomic import atomic_write_text
    from . import interrupt
    interrupt.writing()
    try:
        atomic_write_text(output, text)
    except OSError as exc:
        raise InputError(f"{output}: cannot write ({exc.strerror}); check the folder exists "
                         f"and is writable") from None
    interrupt.wrote(output)


def _size_mb(value: str | None) -> float | None:
    """'2G', '1500M', '1.5GB' or a plain number of MB, in MB; BadParameter (usage, exit 2) else,
    saying the units taken: "'512K' is no memory size" left the person guessing."""
    if value is None:
        return None
    from ..memory_budget import BASE_MB

    text = value.strip().upper().removesuffix("B")
    scale = {"G": 1024.0, "M": 1.0}.get(text[-1:], None)
    try:
        mb = float(text[:-1] if scale else text) * (scale or 1.0)
    except ValueError:
        raise click.BadParameter(f"{value!r} is no memory size: give a number with G "
                                 f"(gigabytes) or M (megabytes), such as 2G, 1.5GB or 1500M; a "
                                 f"plain number is megabytes") from None
    if not 0 < mb < float("inf"):
        raise click.BadParameter(f"{value!r} is no memory size: no alignment takes less than "
                                 f"{BASE_MB / 1024:.1f} GB; give {BASE_MB:.0f}M or more, such as "
                                 f"2G")
    return mb
