"""`alignment align ORIGINAL VERSION [VERSION...]`: the version-set branch of the align command.

cli/align.py's `align` hands over here when it is given more than one version, `--langs` or
`-O DIR`, so the set's reading, language detection, alignment and writing stay out of the
two-text path. Language detection: browse.guess_language (langdetect, seeded).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..progress import Progress
from ..types import Sentence, Version, VersionSet


def parse_langs(langs: str | None, n: int) -> list[str] | None:
    """'fr,en,es' -> ['fr', 'en', 'es'] checked against the number of texts; None if not given."""
    if not langs:
        return None
    from ..pipeline import check_language

    codes = [c.strip() for c in langs.split(",") if c.strip()]
    if len(codes) != n:
        raise InputError(f"--langs names {len(codes)} languages for {n} texts; give one code per "
                         f"text, original first (e.g. --langs fr,en,es)")
    return [check_language(c) for c in codes]


def _detect(path: str, text: str) -> str:
    from ..browse import guess_language

    lang = guess_language(text)
    if lang is None:
        raise InputError(f"{path}: cannot tell its language; give --langs (e.g. --langs fr,en,es)")
    return lang


def read_texts(paths: Sequence[str], langs: list[str] | None, *, presplit: bool,
               segmenter: str, read_lines: Any) -> tuple[tuple[Version, ...], list[tuple[str, ...]]]:
    """The texts of a set, segmented (or one sentence per line with `presplit`), and what the
    reader had to guess about each (a file read in two encodings)."""
    from ..italics import with_italics
    from ..pipeline import sentences_from_lines
    from ..registry import SEGMENTERS
    from ..versions import versions_from_sentences

    sentences: list[tuple[Sentence, ...]] = []
    found: list[str] = []
    notes: list[tuple[str, ...]] = []
    for i, path in enumerate(paths):
        if presplit:
            lines = read_lines(path)
            lang = langs[i] if langs else _detect(path, "\n".join(lines))
            sents = sentences_from_lines(lines, path)
            notes.append(())
        else:
            from ..read import read_file
            doc = read_file(path)
            lang = langs[i] if langs else _detect(path, "\n".join(doc.paragraphs))
            sents = with_italics(doc, SEGMENTERS[segmenter](doc, lang))
            if not sents:
                raise InputError(f"{path}: no sentences found; is the file empty?")
            notes.append(doc.warnings)
        found.append(lang)
        sentences.append(sents)
    return versions_from_sentences(sentences, found), notes


def check_set_outputs(paths: Sequence[str], *, fmt: str, output: str | None,
                      out_dir: str | None, tmx: str | None, tsv: str | None,
                      overwrite_edited: bool) -> None:
    """Refuse, before any reading, what a set cannot write, and check every output as the
    two-text path does (cli/common.check_output_paths): not an input, not twice, an existing
    folder, no edited PO replaced, '-' only once."""
    from .common import check_output_paths

    if fmt == "vecalign" and not out_dir:
        raise InputError("--format vecalign with several versions writes one file per pair: "
                         "give -O DIR")
    if fmt != "vecalign" and not (output or tmx or tsv or out_dir):
        raise InputError("nothing to write: give -o SET.tmx (and/or --tmx SET.tmx, "
                         "--tsv SET.tsv)")
    if output == "-":
        raise InputError("-o - : a set is written as SET.tmx plus one PO per pair "
                         "(SET.fr-en.po, ...), files not standard output; give -o SET.tmx, or "
                         "--tmx - / --tsv - for the set alone on standard output")
    if output and not output.lower().endswith(".tmx"):
        raise InputError(f"{output}: a set is written as TMX; name the -o file SET.tmx")
    check_output_paths([("-o", output), ("--tmx", tmx), ("--tsv", tsv)], paths,
                       overwrite_edited=overwrite_edited)


def pair_po_paths(texts: Sequence[Version], output: str) -> list[str]:
    """The PO per pair that -o SET.tmx writes beside the set: SET.<original>-<version>.po."""
    from ..versions_io import pair_po_paths as beside_set

    return [str(p) for p in beside_set(texts, output[:-4])]


def align_set(paths: Sequence[str], *, langs: str | None, presplit: bool, segmenter: str,
              embedder: Any, fmt: str, output: str | None, out_dir: str | None,
              tsv: str | None, overwrite_edited: bool, progress: Progress,
              read_lines: Any, tmx: str | None = None) -> tuple[VersionSet, list[Path]]:
    """Align the original (first path) with every version and write what was asked.

    Outputs are checked before the reading; the PO per pair, whose names need the languages,
    after it and before the alignment, the long part."""
    from ..versions import align_versions, with_read_warnings
    from ..versions_check import same_text_warnings
    from .common import check_output_paths, warn

    outputs = [("-o", output), ("--tmx", tmx), ("--tsv", tsv)]
    check_set_outputs(paths, fmt=fmt, output=output, out_dir=out_dir, tmx=tmx, tsv=tsv,
                      overwrite_edited=overwrite_edited)
    codes = parse_langs(langs, len(paths))
    texts, notes = read_texts(paths, codes, presplit=presplit, segmenter=segmenter,
                              read_lines=read_lines)
    if codes is None:
        import click
        said = ", ".join(f"{Path(p).name} {t.lang}" for p, t in zip(paths, texts))
        click.echo(f"Detected languages: {said} (--langs to change)", err=True)
    else:
        warn(language_warnings(paths, texts))   # said now; kept in the set written, below
    warn(same_text_warnings(texts, _files(paths, texts)))   # before the long part
    ensure_pairs_kept(texts, tmx, overwrite_edited=overwrite_edited)
    if output:
        pos = [("-o (pair PO)", p) for p in pair_po_paths(texts, output)]
        check_output_paths([*outputs, *pos], paths, po_options={"-o (pair PO)"},
                           overwrite_edited=overwrite_edited)
    if out_dir and Path(out_dir).is_dir():   # (made if missing) its file names need the languages
        # too: an input named 'de-en.txt' there was replaced by links
        from ..versions_io import vecalign_paths
        pairs = [("-O", str(p)) for p in vecalign_paths(texts, out_dir)]
        check_output_paths([*outputs, *pairs], paths, overwrite_edited=overwrite_edited)
    vs = with_read_warnings(align_versions(texts, embedder=embedder, title=Path(paths[0]).stem,
                                           progress=progress), notes)
    kept = vs if codes is None else with_read_warnings(vs, _language_notes(paths, texts))
    return vs, write_set(kept, output=output, out_dir=out_dir, tmx=tmx, tsv=tsv,
                         embedder=embedder, overwrite_edited=overwrite_edited,
                         files=_files(paths, texts))


def _files(paths: Sequence[str], texts: Sequence[Version]) -> dict[str, str]:
    """Text name -> the file it was read from ('en2' -> 'en_free.txt'), kept in the set."""
    from ..versions_names import file_names

    return dict(zip((t.name for t in texts), file_names(paths)))


def language_warnings(paths: Sequence[str], texts: Sequence[Version]) -> list[str]:
    """One line, said before the work and never refused, when --langs gives a text a language
    that a sure detection of it contradicts, as the pair's `align` says of -s and -t: an
    English file given as es went silently, split by Spanish rules and stored as Spanish."""
    from ..lang import sure_language
    from ..versions_check import language_warning

    found = [sure_language("\n".join(s.text for s in t.sentences)) for t in texts]
    said = language_warning([Path(p).name for p in paths], found, [t.lang for t in texts],
                            "as given with --langs", " (aligned as given)")
    return [said] if said else []


def _language_notes(paths: Sequence[str], texts: Sequence[Version]) -> list[tuple[str, ...]]:
    """versions_check.language_notes of the texts read: kept in the set (x-warning)."""
    from ..lang import sure_language
    from ..versions_check import language_notes

    found = [sure_language("\n".join(s.text for s in t.sentences)) for t in texts]
    return language_notes(texts, [Path(p).name for p in paths], found)


def ensure_pairs_kept(texts: Sequence[Version], tmx: str | None, *,
                      overwrite_edited: bool) -> None:
    """POConflict where `--tmx SET.tmx` would write a set beside a pair PO (SET.fr-en.po) that
    a person edited, as -o SET.tmx refuses to replace it (and with the same override).

    Why: the app saves a pair's corrections into that PO and joins it into the set by content;
    a set aligned again beside it parts from them (its pair realigned under the old PO, or
    the PO set apart when the original changed), and --tmx wrote it without a word."""
    from ..errors import POConflict
    from ..po import edited_reason
    from ..versions_io import pair_po_paths as beside_set
    from ..versions_pairs import glob_escape, set_stem

    if not tmx or tmx == "-" or overwrite_edited:
        return
    stem = Path(set_stem(tmx))
    named = [*beside_set(texts, stem),
             *sorted(stem.parent.glob(f"{glob_escape(stem.name)}.*-*.po"))]
    for po in named:   # those of versions the set no longer has too (aligned with fewer)
        reason = edited_reason(po) if po.is_file() else None
        if reason:
            raise POConflict(f"{po} {reason}; {tmx} not written beside it (the app reads the "
                             f"set with that pair's corrections): write the set to another file, "
                             f"or pass --overwrite-edited to write it anyway ({po.name} is kept)")


def write_set(vs: VersionSet, *, output: str | None, out_dir: str | None, tmx: str | None,
              tsv: str | None, embedder: Any, overwrite_edited: bool,
              files: dict[str, str] | None = None) -> list[Path]:
    """Write the set's outputs ('-' for --tmx/--tsv: standard output); the files written, the
    TMX with each text's file (`files`: name -> file) in its header."""
    from functools import partial

    import click

    from ..po_guard import ensure_not_edited_po
    from ..versions_io import (render_set_tmx, render_set_tsv, write_pair_pos, write_set_tmx,
                               write_set_tsv, write_vecalign_pairs)
    from . import interrupt

    written: list[Path] = []
    interrupt.writing()
    try:
        if output:   # the pairs first: a set on disk has its pair POs (the app joins a PO
            # that differs from the set, by content: versions_pairs.py)
            written += write_pair_pos(vs, output[:-4], overwrite_edited=overwrite_edited)
            written += write_set_tmx(vs, output, files)
        for option, path, render, write in (("--tmx", tmx, partial(render_set_tmx, files=files),
                                             partial(write_set_tmx, files=files)),
                                            ("--tsv", tsv, render_set_tsv, write_set_tsv)):
            if path == "-":
                click.echo(render(vs), nl=False)
            elif path:  # checked before the work too; a save may have come since
                ensure_not_edited_po(path, option=option, overwrite_edited=overwrite_edited)
                if option == "--tmx":
                    ensure_pairs_kept(vs.texts, path, overwrite_edited=overwrite_edited)
                written += write(vs, path)
        if out_dir:
            written += write_vecalign_pairs(vs, out_dir, embedder=embedder)
    except OSError as exc:
        raise InputError(f"{exc.filename or ''}: cannot write ({exc.strerror}); "
                         f"check the folder exists and is writable") from None
    return written


def describe_set(vs: VersionSet, paths: Sequence[str] = ()) -> str:
    """One line: texts, rows, and per version what it leaves out of the original (a version
    that does not read as a translation of it: that, not a coverage, which would say nothing),
    each version named with its file ("en2 · en_free.txt": the names are the languages')."""
    from ..versions_check import is_unrelated
    from ..versions_compare import summary
    from ..versions_names import named

    files = _files(paths, vs.texts)

    unrelated = {k for k, ws in enumerate(vs.warnings) if is_unrelated(ws)}
    parts = [f"{named(s.name, files)}: does not read as a translation of {vs.texts[0].name} "
             f"(see the warning)" if k in unrelated else
             f"{named(s.name, files)}: covers {s.coverage:.1%}, {len(s.omitted_rows)} row{'s' * (len(s.omitted_rows) != 1)} omitted"
             for k, s in enumerate(summary(vs))]
    sizes = " + ".join(f"{len(t.sentences)} {t.name}" for t in vs.texts)
    return f"{sizes} sentences, {len(vs.rows)} rows; " + "; ".join(parts)
