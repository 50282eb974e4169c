"""`alignment check`: proofread aligned pairs, one line (or JSON object) per finding.

Built on click (see cli/__init__.py); the checks are checks.py's, the word evidence
evidence.py's.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from .common import CONTEXT, check_writable, pair_language_options, quiet_option, read_pairs_or_po
from .paths import PAIRS, FilePath

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def finding_dict(f: Any, unit: str = "") -> dict[str, Any]:
    """A finding for JSON: every field, the link numbered from 1 as everywhere users see it,
    and the CAT tool's unit id where the link came from one (export.finding_unit)."""
    import dataclasses

    return {**dataclasses.asdict(f), "link": f.link + 1, **({"unit": unit} if unit else {})}


def where(f: Any, unit: str) -> str:
    """'link 12', or 'link 12 (unit 7/2)' where the link came from a CAT tool's unit."""
    return f"link {f.link + 1}" + (f" (unit {unit})" if unit else "")


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


def _read(pairs: str, fmt: str, src_lang: str | None = None,
          tgt_lang: str | None = None, quiet: bool = False) -> tuple[Any, str | None]:
    """The pairs and the PO's fingerprint; a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX file is read as pairs
    (import_pairs.py, in the languages given) and cannot take the findings written back."""
    from ..import_pairs import pairs_format

    if fmt == "po" and pairs_format(pairs):
        from ..errors import InputError
        raise InputError(f"--format po writes the findings into a PO file, and {pairs} is not "
                         f"one; import it first (alignment import {pairs} -o PAIRS.po)")
    if fmt == "po":
        check_writable(pairs)   # written into: refused now, not after the checks
    return read_pairs_or_po(pairs, src_lang, tgt_lang, quiet)


def _check_names(only: tuple[str, ...]) -> list[str]:
    """The checks --only names, each known (UnknownComponent, before the file is read and the
    encoder loaded: a misspelt name was refused only after both); [] for all."""
    from ..checks import CHECKS
    from ..errors import UnknownComponent

    names = [n.strip() for item in only for n in item.split(",") if n.strip()]
    if only and not names:   # '--only ""' (an empty shell variable) is no licence to run all
        raise UnknownComponent(f"--only names no check; choose from: {', '.join(CHECKS)}")
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise UnknownComponent(f"unknown check {unknown[0]!r} (--only); choose from: "
                               f"{', '.join(CHECKS)}")
    return names


@click.command("check", context_settings=CONTEXT)
@click.argument("pairs", type=FilePath(read=True, give=PAIRS))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "po"]), default="text",
              show_default=True, help="text: one line per finding; json: a list of objects; "
              "csv: a report for a spreadsheet (the link's two texts, a column for the answer; "
              "UTF-8 starting with a byte order mark, by which Excel reads accented letters "
              "right: `tail -c +4` drops it); "
              "po: write the findings into PAIRS.po as '#. check:' comments and fuzzy flags; "
              "a fuzzy flag the check sets is noted so ('#. check: fuzzy set by alignment "
              "check') and removed with the note once no error or warning is left on the link, "
              "and a flag that was there before (a person's, an unsure link's) always stays.")
@click.option("--only", multiple=True, metavar="NAME",
              help="Run only these checks (repeat or comma-separate): numbers, names, omission, "
              "match, length, confidence, brackets, question, untranslated, doublewords, "
              "doublespace, realword, spelling, order, placeholders, negation, opposites, endpunc. "
              "Default: all but negation, opposites and endpunc (on request: they also flag free "
              "translations, or are noisy on literary text).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help="Exit with status 1 when a finding is this severe or "
              "more (for CI); never: always 0.")
@click.option("--level", type=click.Choice(["error", "warning", "info"]), default="warning",
              show_default=True, help="Show findings at this level or above (info: everything).")
@click.option("--words/--no-words", default=True, show_default=True,
              help="Compare words with the encoder's word vectors (names, real-word slips, "
              "links that do not match, the meaning of a misspelt word: 'writting' for "
              "'écriture'); --no-words: no encoder, spellings only, so a misspelt word is found "
              "only where an original word is spelt like its correction ('cathderal' for "
              "'cathédrale').")
@click.option("--dismissed", "show_dismissed", is_flag=True,
              help="Also list the findings a person dismissed in the app (marked so); they "
              "never count for --fail-on.")
@pair_language_options
@quiet_option
def check_cmd(pairs: str, fmt: str, only: tuple[str, ...], fail_on: str, level: str,
              words: bool, show_dismissed: bool, src_lang: str | None = None,
              tgt_lang: str | None = None, quiet: bool = False) -> None:
    """Proofread aligned pairs: list likely slips in the translation, link by link.

    Links are numbered from 1, as in the app and the HTML export. A finding dismissed in the
    app (no problem, said a person) is left out and counted. Exit status: 0, or 1 when a
    finding reaches --fail-on (or on an error). A sentence left untranslated inside a link of
    several ("sentence 3 of 3 of the original seems not translated") is found reliably only
    once the PO has word links: run `alignment words PAIRS.po` (or the app's "Find word
    links") first.

    \b
    Example: alignment check serge.po --only numbers,names --level info
    Example: alignment check serge.po --fail-on warning --format json > findings.json
    Example: alignment check serge.po --format csv > report.csv
    Example: alignment check job.xlf --format csv > report.csv   (a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX too)
    Example: alignment check memory.tmx -t de   (a TMX holding several translations)
    """
    import json

    from ..checks import annotate_po, at_level, run_checks, split_dismissed
    from ..export import finding_unit, render_findings_csv

    from ..progress import tqdm_progress
    from . import interrupt

    progress = tqdm_progress(disable=True if quiet else None)
    names = _check_names(only)
    bitext, fingerprint = _read(pairs, fmt, src_lang, tgt_lang, quiet)
    evidence = None
    if words:
        from ..align import unknown_languages
        from ..evidence import word_evidence
        from ..pipeline import resolve_embedder
        encoder = resolve_embedder("use")
        unknown = unknown_languages(encoder, bitext.src_lang, bitext.tgt_lang)
        if unknown:   # its vectors for these mean little ('may not match' on clean links)
            click.echo(f"Note: the sentence encoder does not know {', '.join(unknown)}: words are compared "
                       f"by spelling only (as with --no-words)", err=True)
        else:
            progress(0, 1, "word vectors")
            evidence = word_evidence(bitext, encoder)
            progress(1, 1, "word vectors")
    found = run_checks(bitext, only=names or None, evidence=evidence, progress=progress)
    findings, dismissed = split_dismissed(bitext, at_level(found, level))
    listed = sorted(findings + dismissed, key=lambda f: f.link) if show_dismissed else findings
    interrupt.writing()
    if fmt == "json":
        click.echo(json.dumps([{**finding_dict(f, finding_unit(bitext, f)),
                                **({"dismissed": f in dismissed} if show_dismissed else {})}
                               for f in listed], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        click.echo(render_findings_csv(bitext, listed, dismissed if show_dismissed else ()), nl=False)
    elif fmt == "po":
        annotate_po(pairs, findings, expected_fingerprint=fingerprint, checks=names or None)
        interrupt.wrote(pairs)
        click.echo(f"{len(findings)} finding{'s' * (len(findings) != 1)} written into {pairs}", err=True)
    else:
        for f in listed:
            mark = " (dismissed)" if f in dismissed else ""
            click.echo(f"{where(f, finding_unit(bitext, f))} [{f.check}] {f.severity}{mark}: {f.message}")
    if fmt != "po":
        hint = "" if show_dismissed else "; --dismissed lists them"
        below = len(split_dismissed(bitext, found)[1]) - len(dismissed) if show_dismissed else 0
        click.echo(summary(findings) + (f", and {len(dismissed)} dismissed in the app{hint}"
                                        if dismissed else "")
                   + (f"; {below} more dismissed below --level {level} (add --level info to list them)"
                      if below else ""), err=True)
    if fails(findings, fail_on):
        sys.exit(1)
