"""Findings into a PO file: `#. check:` comments and the fuzzy flag, nothing else changed.

Part of the check stage (checks.py finds, this writes them; `alignment.checks`
re-exports `annotate_po`). Library, and why: polib locates the entries (line
numbers) and the file is then edited line by line there, so wrapping and every
other field stay byte for byte, which polib's own writer would not keep.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import InputError, POFormatError
from .types import Finding

CHECK_COMMENT = "#. check: "
#: Written under the findings when this tool set the entry's `fuzzy` flag: the flag then goes
#: when the findings do. A flag without it is a person's or the aligner's, and stays.
FUZZY_NOTE = CHECK_COMMENT + "fuzzy set by alignment check (cleared with its findings)\n"


def _annotated(block: list[str], findings: Sequence[Finding],
               ran: frozenset[str] | None = None) -> list[str]:
    """An entry's lines with old check comments replaced (of the checks that `ran`; None: all),
    'fuzzy' added if needed, and taken away again when this tool added it (FUZZY_NOTE) and no
    error or warning is left to explain it."""
    set_here = any(_is_fuzzy_note(ln) for ln in block)
    lines = [ln for ln in block if not _is_fuzzy_note(ln)
             and not (ln.startswith(CHECK_COMMENT) and _of(ln, ran))]
    head = 0
    while head < len(lines) and lines[head].startswith("#") and not lines[head].startswith("#~"):
        head += 1
    comments, rest = lines[:head], lines[head:]
    flag = next((k for k, ln in enumerate(comments) if ln.startswith("#,")), None)
    fuzzy = flag is not None and "fuzzy" in [f.strip() for f in comments[flag][2:].split(",")]
    needed = any(f.severity != "info" for f in findings)
    kept = needed or any(_severity(ln) in ("error", "warning") for ln in comments)  # --only
    if needed and not fuzzy:
        set_here = fuzzy = True
        if flag is None:
            at = next((k for k, ln in enumerate(comments) if ln.startswith("#|")), len(comments))
            comments.insert(at, "#, fuzzy\n")
        else:
            comments[flag] = "#, fuzzy," + comments[flag][2:]
    elif set_here and fuzzy and not kept and flag is not None:
        _unflag(comments, flag)
        fuzzy = False
    at = next((k for k, ln in enumerate(comments) if ln[:2] in ("#:", "#,", "#|")), len(comments))
    new = [f"{CHECK_COMMENT}[{f.check}] {f.severity}: {' '.join(f.message.split())}\n"
           for f in findings] + [FUZZY_NOTE] * (set_here and fuzzy)
    return comments[:at] + new + comments[at:] + rest


def _of(line: str, ran: frozenset[str] | None) -> bool:
    """Whether a '#. check: [name] ...' comment is of one of the checks that ran."""
    if ran is None:
        return True
    name = line[len(CHECK_COMMENT):].split("]", 1)[0].lstrip("[")
    return name in ran


def _is_fuzzy_note(line: str) -> bool:
    return line.rstrip("\r\n") == FUZZY_NOTE.rstrip("\n")


def _unflag(comments: list[str], flag: int) -> None:
    """Take 'fuzzy' out of the flag line at `flag`, the line with it when no other flag is left."""
    others = [f.strip() for f in comments[flag][2:].split(",") if f.strip() not in ("fuzzy", "")]
    if others:
        comments[flag] = "#, " + ", ".join(others) + "\n"
    else:
        del comments[flag]


def _severity(line: str) -> str | None:
    """The severity of a '#. check: [name] severity: ...' comment (None: another line)."""
    if not line.startswith(CHECK_COMMENT):
        return None
    head = line[len(CHECK_COMMENT):].split("] ", 1)
    return head[1].split(":", 1)[0] if len(head) == 2 and head[0].startswith("[") else None


def annotate_po(po_path: str | Path, findings: Iterable[Finding], *,
                expected_fingerprint: str | None = None,
                checks: Iterable[str] | None = None) -> Path:
    """Write findings into a PO file as `#. check:` comments, marking entries fuzzy.

    Only comment and flag lines change: the file is edited line by line at the
    entries polib locates, so wrapping and every other field stay byte for byte.
    Check comments from an earlier run are replaced: all of them, or with `checks` (the checks
    run, as `alignment check --only numbers`) only theirs, so an earlier run's other findings
    stay with their comments (they used to go, leaving their fuzzy flags unexplained). `fuzzy` is
    added for error and warning findings, with a note that says so (FUZZY_NOTE); it is removed
    with the note once no error or warning is left on the entry, so a slip fixed leaves no link
    "to review" without a finding to say why. A flag there before the check (a person's, or the
    aligner's on an unsure link) has no such note and is never removed. With
    `expected_fingerprint` (the SHA-256 of the bytes the findings came from) a file that
    changed since is refused (POConflict); the write happens under the PO's lock either way.
    """
    import hashlib

    import polib

    from .errors import POConflict
    from .po import replace_if_unchanged

    path = Path(po_path)
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the PO file ({exc}); give a UTF-8 PO file") from None
    fingerprint = hashlib.sha256(data).hexdigest()
    if expected_fingerprint is not None and fingerprint != expected_fingerprint:
        raise POConflict(f"{path} changed on disk while the checks ran (another program saved "
                         f"it); nothing written: run the checks again")
    try:
        po = polib.pofile(text)
    except OSError as exc:  # polib reports syntax errors as OSError
        raise POFormatError(f"{path}: {exc}; fix the file or write it again") from None
    entries = [e for e in po if not e.obsolete]
    by_link: dict[int, list[Finding]] = {}
    for f in findings:
        if not 0 <= f.link < len(entries):
            raise POFormatError(f"{path}: finding for link {f.link + 1}, but the file has "
                                f"{len(entries)} entries; run the checks on this file")
        by_link.setdefault(f.link, []).append(f)
    ran = None if checks is None else frozenset(checks)
    lines = text.splitlines(keepends=True)
    starts = sorted(e.linenum - 1 for e in po) + [len(lines)]
    ends = {a: b for a, b in zip(starts, starts[1:])}
    for k, entry in sorted(enumerate(entries), key=lambda p: -p[1].linenum):
        a = entry.linenum - 1
        lines[a:ends[a]] = _annotated(lines[a:ends[a]], by_link.get(k, []), ran)
    new = "".join(lines).encode("utf-8")
    replace_if_unchanged(path, lambda _current: new, expected_fingerprint=fingerprint)
    return path

