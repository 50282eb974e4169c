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

from .. import __version__
from ..errors import AlignmentError
from ..registry import EMBEDDERS, SEGMENTERS

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


@click.group(cls=_Group, context_settings=CONTEXT, invoke_without_command=True)
@click.version_option(__version__, prog_name="alignment")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              envvar="ALIGNMENT_CACHE_DIR", help="Folder of the sentence-encoding cache and PO "
              "snapshots (default: ~/.cache/alignment; env ALIGNMENT_CACHE_DIR).")
@click.pass_context
def main(ctx: click.Context, cache_dir: str | None) -> None:
    """Align a text and its translation sentence by sentence; store, export and check the pairs.

    Example: alignment corpus build sample -o sample.po
    """
    if cache_dir:
        import os
        os.environ["ALIGNMENT_CACHE_DIR"] = cache_dir  # read by embed.default_cache_dir
    if ctx.invoked_subcommand is None:  # `alignment` alone: the help, exit 0 (as pip does)
        click.echo(ctx.get_help())
        ctx.exit(0)


# ---------------------------------------------------------------- shared options

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
                     names: tuple[str, str]) -> tuple[str, str]:
    """The languages given, or detected from the texts (said on stderr); InputError if unsure."""
    from ..browse import guess_language
    from ..errors import InputError

    langs, said = [], []
    for given, text, name, option, side in ((src_lang, src_text, names[0], "-s", "source"),
                                            (tgt_lang, tgt_text, names[1], "-t", "target")):
        if given and given.strip().lower() != "und":  # und(etermined): detect it
            langs.append(given)
            continue
        guess = guess_language(text)
        if guess is None:
            raise InputError(f"{name}: cannot tell its language; give it with {option} CODE "
                             f"(e.g. {option} fr)")
        langs.append(guess)
        said.append(f"{side} {guess} ({option} to change)")
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
    """--quiet hides the progress bar."""
    return click.option("--quiet", "-q", is_flag=True, help="No progress bar on stderr.")(func)


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

def output_options(func: F) -> F:
    """-o PAIRS.po, --tmx, --tsv, --html, --overwrite-edited: where an alignment is written."""
    for name, help_text in (("--html", "Also write a bilingual HTML reader here."),
                            ("--tsv", "Also write tab-separated pairs here."),
                            ("--tmx", "Also write a TMX 1.4 translation memory here.")):
        func = click.option(name, type=click.Path(dir_okay=False), default=None,
                            help=help_text)(func)
    func = click.option("--overwrite-edited", is_flag=True,
                        help="Replace an existing PO even if a person edited it.")(func)
    return func


def _warn(messages: Any) -> None:
    for message in messages:
        click.echo(f"Warning: {message}", err=True)


def write_outputs(bitext: Any, *, po: str | None, tmx: str | None = None,
                  tsv: str | None = None, html: str | None = None,
                  overwrite_edited: bool = False) -> list[str]:
    """Write the PO and any export asked for; return the paths written."""
    from ..errors import InputError

    written: list[str] = []
    try:
        if po == "-":
            from ..po import bitext_to_po
            click.echo(str(bitext_to_po(bitext)), nl=False)
        elif po:
            from ..po import write_po
            written.append(str(write_po(bitext, po, overwrite_edited=overwrite_edited)))
        for name, path in (("tmx", tmx), ("tsv", tsv), ("html", html)):
            if path:
                from ..registry import EXPORTERS
                written.extend(str(p) for p in EXPORTERS[name](bitext, path))
    except OSError as exc:
        raise InputError(f"{exc.filename or ''}: cannot write ({exc.strerror}); "
                         f"check the folder exists and is writable") from None
    return written


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


def _read_lines(path: str) -> list[str]:
    from ..read import read_lines

    return read_lines(path)


def check_before_work(inputs: list[str], *, po: str | None, tmx: str | None = None,
                      tsv: str | None = None, html: str | None = None,
                      overwrite_edited: bool = False) -> None:
    """Refuse now, not after a long alignment: outputs on inputs, missing folders, edited POs."""
    from ..export import check_outputs
    from ..po import ensure_replaceable

    check_outputs([("-o", po), ("--tmx", tmx), ("--tsv", tsv), ("--html", html)], inputs)
    if po and po != "-":
        ensure_replaceable(po, overwrite_edited=overwrite_edited)


@main.command("align")
@click.argument("src", type=click.Path())
@click.argument("tgt", type=click.Path())
@click.argument("more", nargs=-1, type=click.Path())
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
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Output file (PO, or links with --format vecalign); '-' or none: "
              "standard output (no PO when only --tmx/--tsv/--html are given).")
@output_options
@quiet_option
def align_cmd(src: str, tgt: str, src_lang: str | None, tgt_lang: str | None, embedder: str,
              segmenter: str, src_section: str | None, tgt_section: str | None, presplit: bool,
              fmt: str, output: str | None, tmx: str | None, tsv: str | None,
              html: str | None, overwrite_edited: bool, quiet: bool, more: tuple[str, ...] = (),
              langs: str | None = None, out_dir: str | None = None) -> None:
    """Align SRC (the original) with TGT (its translation) sentence by sentence.

    Reads plain text, HTML or Markdown, splits sentences, aligns them and writes the pairs
    as a PO file (-o FILE, or standard output) and/or TMX, TSV, HTML. Languages not given
    are detected from the texts and said on stderr. With --presplit the inputs are one
    sentence per line and --format vecalign prints one link per line.

    \b
    Example: alignment align roman.fr.txt roman.en.txt -s fr -t en -o pairs.po --html pairs.html
    Example: alignment align roman.fr.txt roman.en.txt > pairs.po
    Example: alignment align test0.de test0.fr --presplit -s de -t fr --format vecalign
    Example: alignment align roman.fr.txt roman.en.txt roman.es.txt --langs fr,en,es -o set.tmx

    Several versions (SRC VERSION VERSION..., or --langs): -o SET.tmx writes the set (one row
    per span of the original, one column per text) and SET.fr-en.po per pair; --format
    vecalign -O DIR writes one file per pair of texts (fr-en.txt, fr-es.txt, en-es.txt).
    """
    if more or langs or out_dir:
        from ..pipeline import resolve_embedder
        from ..progress import tqdm_progress
        from .versions import align_set, describe_set
        vs, written = align_set(
            (src, tgt, *more), langs=langs, presplit=presplit, segmenter=segmenter,
            embedder=resolve_embedder(embedder), fmt=fmt, output=output, out_dir=out_dir, tsv=tsv,
            overwrite_edited=overwrite_edited, read_lines=_read_lines,
            progress=tqdm_progress(disable=True if quiet else None))
        _warn(w for ws in vs.warnings for w in ws)
        for path in written:
            click.echo(f"Wrote {path}", err=True)
        click.echo(describe_set(vs), err=True)
        return
    from ..pipeline import align_documents, align_sentences, check_language, resolve_embedder
    from ..progress import tqdm_progress

    # no -o: the PO goes to standard output, unless only exports were asked for
    po = (output or (None if (tmx or tsv or html) else "-")) if fmt == "po" else None
    check_before_work([src, tgt], po=po, tmx=tmx, tsv=tsv, html=html,
                      overwrite_edited=overwrite_edited)
    if fmt == "vecalign":
        from ..export import check_outputs
        check_outputs([("-o", output)], [src, tgt])
    if presplit:
        src_in, tgt_in = _read_lines(src), _read_lines(tgt)
        texts = ("\n".join(src_in), "\n".join(tgt_in))
    else:
        from ..read import read_file
        src_in, tgt_in = read_file(src, section=src_section), read_file(tgt, section=tgt_section)
        texts = ("\n".join(src_in.paragraphs), "\n".join(tgt_in.paragraphs))
    src_lang, tgt_lang = detect_languages(src_lang, tgt_lang, *texts, names=(src, tgt))
    progress = tqdm_progress(disable=True if quiet else None)
    common = dict(src_lang=check_language(src_lang), tgt_lang=check_language(tgt_lang),
                  embedder=resolve_embedder(embedder), progress=progress)
    if presplit:
        bitext = align_sentences(src_in, tgt_in, **common)
    else:
        bitext = align_documents(src_in, tgt_in, segmenter=segmenter, **common)
    _warn(bitext.alignment.warnings)
    if fmt == "vecalign":
        _write_vecalign(bitext, output)
        return
    for path in write_outputs(bitext, po=po, tmx=tmx, tsv=tsv, html=html,
                              overwrite_edited=overwrite_edited):
        click.echo(f"Wrote {path}", err=True)
    click.echo(describe_alignment(bitext), err=True)


def _write_vecalign(bitext: Any, output: str | None) -> None:
    from ..errors import InputError
    from ..pipeline import format_vecalign

    text = format_vecalign(bitext)
    if not output or output == "-":
        click.echo(text, nl=False)
        return
    from ..po import atomic_write_text
    try:
        atomic_write_text(output, text)
    except OSError as exc:
        raise InputError(f"{output}: cannot write ({exc.strerror}); check the folder exists "
                         f"and is writable") from None

# ---------------------------------------------------------------- end: align

# ---------------------------------------------------------------- section: bench (evaluate.py)

_BENCH_COLUMNS = ("document", "src", "tgt", "links", "P", "R", "F1", "F1 lax",
                  "P sure", "review", "seconds", "sent/s", "peak MB")


def _bench_row(r: Any) -> tuple[str, ...]:
    s = r.scores
    return (r.name, str(r.n_src), str(r.n_tgt), str(r.links), f"{s.precision_strict:.3f}",
            f"{s.recall_strict:.3f}", f"{s.f1_strict:.3f}", f"{s.f1_lax:.3f}",
            f"{r.confident_precision:.3f}", f"{r.review_share:.1%}", f"{r.seconds:.2f}", f"{r.sentences_per_second:.0f}", f"{r.peak_rss_mb:.0f}")


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
                      "P, R, F1: strict; F1 lax; total micro-averaged over documents; "
                      "sent/s: (src + tgt) / seconds; peak MB: process high-water mark so far;",
                      "P sure: strict precision of links with confidence >= the review threshold; "
                      "review: share of links below it. Where the gold writes a run of unaligned "
                      "sentences as one link (LIMSI), the engine does too.",
                      f"signature: {result.signature}"])


def bench_json(result: Any) -> str:
    """The bench result as JSON for machines (signature as its string)."""
    import dataclasses
    import json

    def doc(r: Any) -> dict[str, Any]:
        d = dataclasses.asdict(r)
        d["sentences_per_second"] = r.sentences_per_second
        d["confident_precision"] = r.confident_precision
        d["review_share"] = r.review_share
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
@eflomal_option
def bench(directory: str, split: str, as_json: bool, embedder: str, max_docs: int | None,
          quiet: bool, eflomal: bool) -> None:
    """Align a benchmark folder with the engine and score it against its gold alignment.

    DIRECTORY is a Text+Berg folder (*.de, *.fr, *.defr), a LIMSI folder of books, one
    LIMSI book, or a bench root holding textberg/ and limsi/; an Alibi folder (word
    links) prints word-link precision, recall, F1 and AER instead. Prints links, strict
    P/R/F1, lax F1, seconds, sentences/second and peak memory per document and in total.

    Example: alignment bench ../shared/bench/textberg --split dev
    """
    from ..evaluate import iter_bench, run_bench
    from ..evaluate_words import is_alibi
    from ..progress import tqdm_progress

    if is_alibi(directory):  # word-alignment gold: see the words section
        click.echo(word_bench(directory, embedder, max_docs, as_json, eflomal))
        return
    docs = iter_bench(directory, split=split)[:max_docs]
    result = run_bench(docs, embedder=EMBEDDERS[embedder](),
                       progress=tqdm_progress(disable=True if quiet else None))
    click.echo(bench_json(result) if as_json else format_bench_table(result))

# ---------------------------------------------------------------- end: bench

# ---------------------------------------------------------------- section: words (words.py)

def format_pharaoh(links: Any) -> str:
    """One line of word links per sentence pair: 'i-j' sure, 'ipj' possible (Pharaoh format)."""
    return "".join(" ".join(f"{w.src}{'-' if w.sure else 'p'}{w.tgt}" for w in pair) + "\n"
                   for pair in links)


def _word_linker() -> Any:
    """Word links kept in the on-disk cache: the same text again costs a file read."""
    from ..embed import default_cache_dir
    from ..word_cache import cached_linker

    return cached_linker(default_cache_dir())


def _words_for_po(pairs: str, output: str | None, embedder: Any, config: Any) -> None:
    from ..po import edited_reason, file_fingerprint, read_po, save_po, write_po
    from ..words import link_bitext

    fingerprint = file_fingerprint(pairs)
    bitext = link_bitext(read_po(pairs), embedder=embedder, config=config, linker=_word_linker())
    target = output or pairs
    if target == pairs and edited_reason(pairs):  # keep a person's corrections marked as such
        save_po(bitext, pairs, expected_fingerprint=fingerprint)
    else:
        write_po(bitext, target)
    n = sum(len(link.words) for link in bitext.alignment.links)
    click.echo(f"Wrote {target}: {n} word links in {len(bitext.alignment.links)} entries", err=True)


@main.command("words")
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
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="PAIRS.po mode: write here instead of updating PAIRS.po in place.")
@eflomal_option
def words_cmd(files: tuple[str, ...], src_lang: str, tgt_lang: str, presplit: bool,
              tokenized: bool, embedder: str, output: str | None, eflomal: bool) -> None:
    """Word links inside sentence links: which word became which.

    With SRC TGT --presplit, prints one line of 'i-j' links per sentence pair (i: token of
    SRC, j: of TGT, 0-based), the Pharaoh format word aligners use. With PAIRS.po (from
    `alignment align`), adds the word links to every entry (atomically; docs/po-format.md).

    \b
    Example: alignment words story.fr story.en --presplit --tokenized -s fr -t en
    Example: alignment words pairs.po
    """
    from ..errors import InputError
    from ..pipeline import check_language, resolve_embedder
    from ..words import split_tokens, tokenize

    for code in (src_lang, tgt_lang):  # the linker needs no language; a given code is checked
        if code:
            check_language(code)
    config = word_config(eflomal)
    if len(files) == 1:
        _words_for_po(files[0], output, resolve_embedder(embedder), config)
        return
    if len(files) != 2 or not presplit:
        raise InputError("give PAIRS.po, or SRC TGT --presplit (one sentence per line); to link "
                         "the words of running texts, align them first: alignment align SRC TGT -o PAIRS.po")
    src, tgt = _read_lines(files[0]), _read_lines(files[1])
    if len(src) != len(tgt):
        raise InputError(f"{files[0]} has {len(src)} lines but {files[1]} {len(tgt)}; with "
                         f"--presplit line n of one must be the translation of line n of the other")
    cut = split_tokens if tokenized else tokenize
    links = _word_linker()([(cut(a), cut(b)) for a, b in zip(src, tgt)],
                           embedder=resolve_embedder(embedder), config=config)
    click.echo(format_pharaoh(links), nl=False)

def word_bench(directory: str, embedder: str, max_docs: int | None, as_json: bool,
               eflomal: bool = False) -> str:
    """Run the word linker on Alibi gold; a table (or JSON) per story and micro total."""
    import dataclasses
    import json

    from ..evaluate_words import iter_alibi, run_word_bench
    from ..pipeline import resolve_embedder

    result = run_word_bench(iter_alibi(directory)[:max_docs], embedder=resolve_embedder(embedder),
                            config=word_config(eflomal))
    if as_json:
        return json.dumps(dataclasses.asdict(result), indent=2)
    head = ("story", "pairs", "links", "P", "R", "F1", "AER", "P hl", "R hl", "seconds", "peak MB")
    rows = [head] + [(r.name, str(r.pairs), str(r.scores.hypothesis), f"{r.scores.precision:.3f}",
                      f"{r.scores.recall:.3f}", f"{r.scores.f1:.3f}", f"{r.scores.aer:.3f}",
                      f"{r.confident.precision:.3f}", f"{r.confident.recall:.3f}",
                      f"{r.seconds:.2f}", f"{r.peak_rss_mb:.0f}")
                     for r in (*result.docs, result.total)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join([row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])])
             for row in rows]
    rule = "-" * len(lines[0])
    return "\n".join([lines[0], rule, *lines[1:-1], rule, lines[-1],
                      "P: |A∩possible|/|A|, R: |A∩sure|/|sure|, AER (Och & Ney), micro over all "
                      f"pairs; P hl, R hl: only links with confidence >= {result.highlight} "
                      "(what the reader highlights); each story's model is trained on its own pairs",
                      f"signature: {result.signature}"])


# ---------------------------------------------------------------- end: words

# ---------------------------------------------------------------- section: corpus (corpora.py)

@main.group("corpus", cls=_Group, context_settings=CONTEXT, invoke_without_command=True)
@click.option("--corpora", "corpora_dir", type=click.Path(file_okay=False), default=None,
              envvar="ALIGNMENT_CORPORA_DIR", help="Folder of corpora (default: the bundled "
              "corpora/; env ALIGNMENT_CORPORA_DIR).")
@click.pass_context
def corpus_group(ctx: click.Context, corpora_dir: str | None) -> None:
    """List, fetch and build the bilingual corpora shipped in corpora/.

    Example: alignment corpus build sample -o sample.po
    """
    from pathlib import Path

    from ..corpora import CORPORA_DIR

    ctx.obj = Path(corpora_dir) if corpora_dir else CORPORA_DIR
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
@click.pass_obj
def corpus_fetch(root: Any, corpus_id: str, file: str | None, side: str | None,
                 url: str | None, timeout: float) -> None:
    """Download the sides of corpus ID that are not bundled, keep their section, cache them.

    Without network, save the page in a browser and give it with --file.

    Example: alignment corpus fetch serge-1926 --file repression.htm
    """
    from ..corpora import fetch_side, load_corpus

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
        result = fetch_side(corpus, s, file=file, url=url, timeout=timeout)
        _warn(result.warnings)
        click.echo(f"Fetched {corpus.id} {s.side} ({s.lang}) from {result.source} -> "
                   f"{result.path} (sha256 {result.sha256})")
        click.echo(f"  {result.summary()}")


@corpus_group.command("build")
@click.argument("corpus_id", metavar="ID")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default=None,
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
    from ..corpora import build_corpus
    from ..pipeline import resolve_embedder
    from ..progress import tqdm_progress

    po = output or f"{corpus_id}.po"
    check_before_work([], po=po, tmx=tmx, tsv=tsv, html=html, overwrite_edited=overwrite_edited)
    bitext = build_corpus(corpus_id, embedder=resolve_embedder(embedder), root=root,
                          progress=tqdm_progress(disable=True if quiet else None))
    _warn(bitext.alignment.warnings)
    for path in write_outputs(bitext, po=po, tmx=tmx, tsv=tsv,
                              html=html, overwrite_edited=overwrite_edited):
        click.echo(f"Wrote {path}", err=True)
    click.echo(describe_alignment(bitext), err=True)

# ---------------------------------------------------------------- end: corpus

# ---------------------------------------------------------------- section: export (export.py)

@main.command("export", context_settings=CONTEXT)
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

# ---------------------------------------------------------------- end: export

# ---------------------------------------------------------------- section: check (checks.py)

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def finding_dict(f: Any) -> dict[str, Any]:
    """A finding for JSON: every field, the link numbered from 1 as everywhere users see it."""
    import dataclasses

    return {**dataclasses.asdict(f), "link": f.link + 1}


def fails(findings: Any, fail_on: str) -> bool:
    """Whether `check --fail-on` turns these findings into exit status 1."""
    if fail_on == "never":
        return False
    return any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in findings)


def summary(findings: Any) -> str:
    from collections import Counter

    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
             for s in ("error", "warning", "info") if counts[s]]
    noun = "finding" if len(findings) == 1 else "findings"
    return f"{len(findings)} {noun}" + (f" ({', '.join(parts)})" if parts else "")


@main.command("check", context_settings=CONTEXT)
@click.argument("pairs", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "po"]), default="text",
              show_default=True, help="text: one line per finding; json: a list of objects; "
              "po: write the findings into PAIRS.po as '#. check:' comments and fuzzy flags.")
@click.option("--only", multiple=True, metavar="NAME",
              help="Run only these checks (repeat or comma-separate): numbers, names, omission, "
              "match, length, confidence, brackets, question, untranslated, doublewords, "
              "doublespace, realword, endpunc. Default: all but endpunc.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help="Exit with status 1 when a finding is this severe or "
              "more (for CI); never: always 0.")
@click.option("--level", type=click.Choice(["error", "warning", "info"]), default="warning",
              show_default=True, help="Show findings at this level or above (info: everything).")
@click.option("--words/--no-words", default=True, show_default=True,
              help="Compare words with the encoder's word vectors (names, real-word slips, "
              "links that do not match); --no-words compares spellings only.")
def check_cmd(pairs: str, fmt: str, only: tuple[str, ...], fail_on: str, level: str,
              words: bool) -> None:
    """Proofread aligned pairs: list likely slips in the translation, link by link.

    Links are numbered from 1, as in the app and the HTML export. Exit status: 0, or 1 when
    a finding reaches --fail-on (or on an error).

    \b
    Example: alignment check serge.po --only numbers,names --level info
    Example: alignment check serge.po --fail-on warning --format json > findings.json
    """
    import json

    from ..checks import annotate_po, at_level, run_checks
    from ..po import read_po_fingerprinted

    names = [n.strip() for item in only for n in item.split(",") if n.strip()]
    bitext, fingerprint = read_po_fingerprinted(pairs)
    evidence = None
    if words:
        from ..evidence import word_evidence
        from ..pipeline import resolve_embedder
        evidence = word_evidence(bitext, resolve_embedder("use"))
    findings = at_level(run_checks(bitext, only=names or None, evidence=evidence), level)
    if fmt == "json":
        click.echo(json.dumps([finding_dict(f) for f in findings], ensure_ascii=False, indent=1))
    elif fmt == "po":
        annotate_po(pairs, findings, expected_fingerprint=fingerprint)
        click.echo(f"{len(findings)} findings written into {pairs}", err=True)
    else:
        for f in findings:
            click.echo(f"link {f.link + 1} [{f.check}] {f.severity}: {f.message}")
    if fmt != "po":
        click.echo(summary(findings), err=True)
    if fails(findings, fail_on):
        sys.exit(1)
# ---------------------------------------------------------------- end: check
