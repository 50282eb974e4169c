"""`alignment export`: a PO file's pairs as TMX, TSV, Moses files, an HTML reader, an EPUB, a
Word or OpenDocument file, or Anki sentence cards.

Built on click (see cli/__init__.py); the writers are export.py's, epub.py's, export_docx.py's,
export_odt.py's and glossary.py's.
"""

from __future__ import annotations

from typing import Any

import click

from .common import (CONTEXT, check_before_work, overwrite_edited_option, pair_language_options,
                     quiet_option, read_pairs_or_po, unwritable_said, write_outputs)
from .paths import PAIRS, FilePath

OFFICE_LAYOUTS = ["translation", "pairs"]   # export_office.LAYOUTS, without importing it at start

@click.command("export", context_settings=CONTEXT)
@click.argument("pairs", type=FilePath(read=True, give=PAIRS))
@click.option("--tmx", type=FilePath(allow_dash=True, example="pairs.tmx"), default=None,
              help="Write a TMX 1.4 translation memory here (links with both sides; '-': "
              "standard output).")
@click.option("--tsv", type=FilePath(allow_dash=True, example="pairs.tsv"), default=None,
              help="Write tab-separated pairs here (every link, header row; '-': standard "
              "output).")
@click.option("--moses", metavar="PREFIX", type=click.Path(), default=None,
              help="Write line-parallel PREFIX.<src-lang> and PREFIX.<tgt-lang>.")
@click.option("--html", type=FilePath(allow_dash=True, example="pairs.html"), default=None,
              help="Write a standalone bilingual HTML reader here ('-': standard output).")
@click.option("--html-learner", type=FilePath(example="story-handout.html"), default=None,
              help="Write a learner's handout here: the HTML reader with each translation "
              "hidden until pointed at, tapped or reached with Tab (a box shows them all).")
@click.option("--txt", type=FilePath(allow_dash=True, example="pairs.txt"), default=None,
              help="Write the translation as plain text here, as corrected: a paragraph per "
              "line, a blank line between ('-': standard output).")
@click.option("--epub", type=FilePath(example="book.epub"), default=None,
              help="Write a bilingual EPUB 3 book here (chapters, table of contents).")
@click.option("--epub-layout", type=click.Choice(["pairs", "paragraphs", "small"]), default="pairs",
              show_default=True, help="EPUB: each sentence pair original then translation, "
              "alternating paragraphs, or pairs with the translation in a smaller font.")
@click.option("--docx", type=FilePath(example="story.docx"), default=None,
              help="Write a Word document here (--office-layout: the translation alone, or "
              "the pairs side by side).")
@click.option("--odt", type=FilePath(example="story.odt"), default=None,
              help="Write an OpenDocument text here (LibreOffice; --office-layout as --docx).")
@click.option("--office-layout", type=click.Choice(OFFICE_LAYOUTS), default="translation",
              show_default=True, help="--docx and --odt: the translation alone as a manuscript "
              "(its paragraphs and headings, as corrected), or a two-column table of the pairs, "
              "links to review shaded.")
@click.option("--anki", type=FilePath(example="cards.apkg"), default=None,
              help="Write Anki sentence cards here (.apkg: a card per link with both sides, "
              "the original on the front).")
@click.option("--corrected", type=FilePath(example="corrected.xlf"), default=None,
              help="Write a copy of the XLIFF, TMX, XLSX, ODS, DOCX, CSV or TSV file the pairs were "
              "imported from (--original) with the corrected translations, for whoever sent it.")
@click.option("--original", type=FilePath(read=True, give="the XLIFF, TMX, XLSX, ODS, DOCX, CSV or TSV file "
                                                    "the pairs came from"), default=None,
              help="--corrected: the XLIFF (.xlf, .xliff, .sdlxliff, .mqxliff, .mxliff), TMX, .xlsx, .ods, .docx, "
              ".csv or .tsv file the pairs came from.")
@click.option("--glossary", type=FilePath(example="glossary.csv"), default=None,
              help="Write the text's glossary here (.csv, as the app's: word pairs its word "
              "links make, counted, with an example; run `alignment words` first).")
@click.option("--function-words", is_flag=True, default=False,
              help="--glossary: keep pairs of two function words ('il' -> 'the'), left out "
              "by default, as in the app's glossary.")
@click.option("--names", is_flag=True, default=False,
              help="--glossary: keep the names both texts spell alike ('Lucia' -> 'Lucia').")
@pair_language_options
@overwrite_edited_option
@quiet_option
def export_cmd(pairs: str, tmx: str | None, tsv: str | None, moses: str | None,
               html: str | None, html_learner: str | None, txt: str | None, epub: str | None, epub_layout: str,
               docx: str | None = None, odt: str | None = None,
               office_layout: str = "translation", anki: str | None = None,
               corrected: str | None = None, original: str | None = None,
               glossary: str | None = None, function_words: bool = False, names: bool = False,
               src_lang: str | None = None, tgt_lang: str | None = None,
               overwrite_edited: bool = False, quiet: bool = False) -> None:
    """Export the aligned pairs of PAIRS.po as TMX, TSV, Moses files, an HTML reader, the
    translation as plain text, an EPUB, a Word or OpenDocument file, Anki sentence cards
    and/or its glossary. PAIRS may also be a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX file (read as
    `alignment import` reads it): a sheet of pairs becomes cards or a book.

    No output may replace PAIRS.po, another output, or a PO a person edited (unless
    --overwrite-edited); TMX, TSV, HTML and text may go to standard output with '-'.
    A version set (SET.tmx) without -t gives --html alone: a page of all its texts, read as
    the app shows it (with the corrections saved in its pair POs); -t NAME reads one pair.

    \b
    Example: alignment export serge.po --tmx serge.tmx --html serge.html
    Example: alignment export set.tmx --html set.html   (a version set: every text side by side)
    Example: alignment export pairs.po --moses train   (train.fr and train.en: a file per language)
    Example: alignment export novel.po --epub novel.epub --epub-layout small
    Example: alignment export story.po --docx story.en.docx   (the translation, for an editor)
    Example: alignment export story.po --odt review.odt --office-layout pairs   (side by side)
    Example: alignment export story.po --html-learner story-handout.html   (translations hidden)
    Example: alignment export pairs.po --tsv - | cut -f2
    Example: alignment export story.po --txt story-corrected.en.txt   (the translation as text)
    Example: alignment export novel.po --anki novel.apkg
    Example: alignment export vocabulary.csv --anki vocabulary.apkg
    Example: alignment export story-glossary.csv --anki words.apkg   (the app's glossary: word cards)
    Example: alignment export story.po --glossary story-glossary.csv   (after alignment words story.po)
    Example: alignment export job.po --corrected job-corrected.sdlxliff --original job.sdlxliff
    """
    from ..errors import InputError

    if not (tmx or tsv or moses or html or html_learner or txt or epub or docx or odt or anki
            or corrected or glossary):
        raise InputError("nothing to export: give --tmx FILE, --tsv FILE, --moses PREFIX, "
                         "--html FILE, --html-learner FILE, --txt FILE, --epub FILE, --docx FILE, "
                         "--odt FILE, --anki FILE, --glossary FILE and/or --corrected FILE")
    _refuse_office_dash(docx, odt)
    if bool(corrected) != bool(original):
        raise InputError("--corrected writes the corrections into a copy of the file the pairs came "
                         "from: give both --corrected FILE and --original THAT.xlf")
    if corrected and original:
        from ..write_back import check_corrected_name
        check_corrected_name(corrected, original)
    from ..export import moses_paths

    others = [("--txt", txt), ("--epub", epub), ("--docx", docx), ("--odt", odt), ("--anki", anki),
              ("--moses", moses if moses == "-" else None),
              ("--corrected", corrected), ("--glossary", glossary), ("--html-learner", html_learner)]
    inputs = [pairs, *([original] if original else [])]
    check_before_work(inputs, po=None, tmx=tmx, tsv=tsv, html=html, more=others,
                      overwrite_edited=overwrite_edited)
    if html and not (src_lang or tgt_lang) and (texts := _set_of_versions(pairs)):
        _refuse_pair_outputs(pairs, texts, [tmx, tsv, moses, html_learner, txt, epub, docx, odt,
                                            anki, corrected, glossary])
        _write_set_html(pairs, html, overwrite_edited=overwrite_edited)
        return
    if _glossary_deck(pairs, anki, [tmx, tsv, moses, html, html_learner, txt, epub, docx, odt,
                                    corrected, glossary]):
        return
    if (function_words or names) and not glossary:
        raise InputError("--function-words and --names choose the rows of --glossary FILE.csv; "
                         "add --glossary or leave them out")
    bitext, fingerprint = read_pairs_or_po(pairs, src_lang, tgt_lang, quiet)
    into = _original_bytes(bitext, pairs, original) if corrected and original else b""
    if moses:  # its file names need the languages, read from PAIRS
        check_before_work([pairs], po=None, tmx=tmx, tsv=tsv, html=html,
                          more=[("--txt", txt), ("--epub", epub), ("--docx", docx), ("--odt", odt),
                                ("--anki", anki),
                                ("--glossary", glossary), ("--html-learner", html_learner),
                                *(("--moses", str(p)) for p in moses_paths(bitext, moses))],
                          overwrite_edited=overwrite_edited)
    written = write_outputs(bitext, po=None, tmx=tmx, tsv=tsv, html=html, txt=txt,
                            overwrite_edited=overwrite_edited,
                            notes=_po_notes(pairs) if tmx and fingerprint else ())
    written += _write_files(bitext, epub=epub, epub_layout=epub_layout, moses=moses, anki=anki,
                            docx=docx, odt=odt, office_layout=office_layout)
    if html_learner:
        written.append(_write_handout(bitext, html_learner))
    if glossary:
        written.append(_write_glossary(bitext, pairs, glossary, function_words=function_words,
                                       names=names))
    for path in written:
        click.echo(f"Wrote {path}", err=True)
    if corrected and original:
        notes = dict(enumerate(_po_notes(pairs))) if fingerprint else None
        click.echo(_write_corrected(bitext, corrected, original, into, notes), err=True)


def _po_notes(path: str) -> list[str]:
    """The translator comments of the PO at `path`, one per link (export_tmx.translator_notes),
    for the TMX's <note>s: a reviewer's remarks were lost on the way to a CAT tool."""
    from pathlib import Path

    from ..export_tmx import translator_notes
    from ..po_files import parse_po_bytes, read_po_bytes

    return translator_notes(parse_po_bytes(Path(path), read_po_bytes(Path(path))))


def _set_of_versions(path: str) -> list[tuple[str, str]] | None:
    """The (name, language) of each text when `path` is a version set of several versions
    (read from its header), else None: a pair, or a set of one version, is read as pairs."""
    from ..errors import SetFormatError
    from ..versions_io import set_texts

    if not path.lower().endswith(".tmx") or path == "-":
        return None
    try:
        texts = set_texts(path)
    except SetFormatError:   # a translation memory, or a broken set: read as pairs say why
        return None
    return texts if len(texts) > 2 else None


def _refuse_pair_outputs(pairs: str, texts: list[tuple[str, str]],
                         others: list[str | None]) -> None:
    """The set's HTML holds every text; the other outputs hold one pair, which -t chooses."""
    from ..errors import InputError

    if any(others):
        names = [name for name, _ in texts]
        raise InputError(f"{pairs} is a version set of {names[0]} with the versions "
                         f"{', '.join(names[1:])}: --html alone writes them all side by side; "
                         f"the other outputs hold one pair: give them with -t NAME (such as "
                         f"-t {names[-1]}), in a command of their own")


def _write_set_html(pairs: str, path: str, *, overwrite_edited: bool) -> None:
    """The set's page (versions_html.py) at `path` ('-': standard output), its rows as the
    app shows them: the pair POs beside it that differ from it joined in, and said."""
    from ..po_guard import ensure_not_edited_po
    from ..versions_html import render_set_html, write_set_html
    from ..versions_io import read_set_tmx
    from ..versions_pairs import merged_set
    from . import interrupt

    from ..versions_names import set_files

    vs, states = merged_set(read_set_tmx(pairs), pairs)
    files = set_files(pairs)   # each text's file in its column head ('en2 · en_free.txt'), as the app
    said = _set_read_said(states, pairs)
    if said:
        click.echo(said, err=True)
    interrupt.writing()
    if path == "-":
        click.echo(render_set_html(vs, files=files), nl=False)
        return
    ensure_not_edited_po(path, option="--html", overwrite_edited=overwrite_edited)
    with unwritable_said(path):
        write_set_html(vs, path, files=files)
    interrupt.wrote(path)
    click.echo(f"Wrote {path}", err=True)


def _set_read_said(states: list[Any], pairs: str) -> str | None:
    """The line `alignment check SET.tmx -t NAME` says of the pair POs joined in (the
    corrections saved beside the set), and of those that could not be; None for neither."""
    from pathlib import Path

    from ..versions_pairs import read_said   # the one wording of it, shared with check

    name = Path(pairs).name
    moved = [s for s in states if s.kind != "same"]
    if any(s.kind == "joined" for s in moved):
        return read_said(moved, name)
    if moved:
        return "Note: " + "; ".join(f"{s.path.name} is not read: {s.why}" for s in moved)
    return None


def _glossary_deck(pairs: str, anki: str | None, others: list[str | None]) -> bool:
    """Where PAIRS is the app's glossary CSV, write its word cards to --anki (as the app's
    deck: the rows the CSV holds) and say True; a glossary holds words, not sentence pairs,
    so nothing else is made."""
    from ..errors import InputError
    from ..glossary_csv import read_glossary_csv, write_glossary_deck

    if not pairs.lower().endswith(".csv") or (entries := read_glossary_csv(pairs)) is None:
        return False
    if any(others) or not anki:
        raise InputError(f"{pairs} is a glossary (word pairs), not sentence pairs: it makes only "
                         f"word cards, with --anki FILE alone")
    click.echo(f"Wrote {write_glossary_deck(entries, anki)}", err=True)
    return True


def _write_handout(bitext: Any, path: str) -> str:
    """The learner's handout (export.render_html, translations hidden) written at `path`."""
    from ..atomic import atomic_write_text
    from ..export import render_html

    with unwritable_said(path):
        atomic_write_text(path, render_html(bitext, hide_translation=True))
    return path


def _say_guessed(*langs: str) -> None:
    """Where the encoder does not know a language, the glossary's pairs are guesses: said as
    `alignment words` and the app say it (the CSV was written without a word)."""
    from ..pipeline import resolve_embedder
    from .words import _say_guessed as say

    say(resolve_embedder("use"), *langs)


def _write_glossary(bitext: Any, pairs: str, path: str, *, function_words: bool,
                    names: bool) -> str:
    """The glossary CSV of PAIRS (glossary.py, as the app's download) written at `path`; the
    path. A text without word links has no glossary: said, with the command that makes them."""
    from ..atomic import atomic_write_text
    from ..errors import InputError
    from ..glossary import glossary, to_csv

    if not any(link.words for link in bitext.alignment.links):
        raise InputError(f"{pairs} has no word links, so no glossary: run "
                         f"`alignment words {pairs}` first, then export again")
    entries = glossary(bitext, function_words=function_words, names=names)
    _say_guessed(bitext.src_lang, bitext.tgt_lang)
    with unwritable_said(path):
        atomic_write_text(path, to_csv(entries, bitext.src_lang, bitext.tgt_lang))
    return path


def _original_bytes(bitext: Any, pairs: str, original: str) -> bytes:
    """The bytes of --original, refused before anything is written where PAIRS was imported
    from another file (original_check.py)."""
    from ..import_pairs import PAIRS_MAX_BYTES
    from ..original_check import check_original
    from ..read.files import read_input_bytes

    data = read_input_bytes(original, limit=PAIRS_MAX_BYTES)
    check_original(bitext.alignment.signature, pairs, original, data)
    return data


def _write_corrected(bitext: Any, path: str, original: str, data: bytes,
                     notes: dict[int, str] | None = None) -> str:
    """Write the corrections into a copy of `original` (its bytes `data`) at `path`, and the
    PO's translator comments (`notes`, by link) into a table's note column; what was done,
    in words."""
    from ..atomic import atomic_write_bytes
    from ..write_back import describe, write_back

    out, done = write_back(data, original, bitext, notes=notes)
    with unwritable_said(path):
        atomic_write_bytes(path, out)
    return f"Wrote {path}: {describe(done)}"


def _refuse_office_dash(docx: str | None, odt: str | None) -> None:
    """'-' for --docx or --odt: a zip archive is no text for standard output (as --epub -)."""
    from ..errors import InputError

    for option, path, what in (("--docx", docx, "a Word document"),
                               ("--odt", odt, "an OpenDocument text")):
        if path == "-":
            raise InputError(f"{option} -: {what} is a zip archive, not text; give a file name "
                             f"(e.g. {option} story{option[1:].replace('-', '.')})")


def _write_files(bitext: Any, *, epub: str | None, epub_layout: str,
                 moses: str | None, anki: str | None = None, docx: str | None = None,
                 odt: str | None = None, office_layout: str = "translation") -> list[str]:
    """The outputs that are files only (EPUB, Word, OpenDocument, Moses, Anki); the paths
    written."""
    from ..epub import write_epub
    from ..export_docx import write_docx
    from ..export_odt import write_odt
    from ..registry import EXPORTERS

    written: list[str] = []
    for path, write in ((epub, lambda b, p: write_epub(b, p, style=epub_layout)),
                        (docx, lambda b, p: write_docx(b, p, layout=office_layout)),
                        (odt, lambda b, p: write_odt(b, p, layout=office_layout)),
                        (moses, EXPORTERS["moses"]), (anki, EXPORTERS["anki"])):
        if not path:
            continue
        with unwritable_said(path):
            written.extend(str(p) for p in write(bitext, path))
    return written
