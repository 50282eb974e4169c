"""What the app keeps in its lasting folder (workspace.aligned_dir), listed and found again.

Why: the app writes there each pair of texts it aligns, each version set and each PO
uploaded, and a person's corrections are saved to those files. The start page listed only
the POs of the folder it was started in, so after Close the corrections were out of reach
unless the path shown once had been noted; and aligning the same two texts again stopped on
"... holds a person's corrections; pass --overwrite-edited", a command-line option, in the
app. Now the start page lists what is kept (`kept_files`, newest first), and the same two
uploads with the same languages open the file already written (`aligned_pair`), as version
sets and uploaded POs already did. A copy saved of a kept file ("Save a copy as...") is
noted, and the kept file leads to it (`note_copy`, `copy_of`).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .errors import AlignmentError, InputError
from .types import Bitext
from .workspace import aligned_dir, aligned_path

_DIGEST = re.compile(r"-[0-9a-f]{8}(?=-|$)")
_SET = re.compile(r"--(\d+)-versions-[0-9a-f]{8}$")


@dataclass(frozen=True)
class KeptFile:
    """One file of the lasting folder: a pair the app aligned, a version set, an uploaded PO."""

    path: Path
    label: str
    kind: Literal["pair", "set", "upload"]
    modified: float


def _modified(paths: list[Path]) -> float | None:
    try:
        return max(p.stat().st_mtime for p in paths)
    except (OSError, ValueError):   # removed meanwhile
        return None


def kept_files(folder: Path | None = None) -> list[KeptFile]:
    """The pairs, version sets and uploaded POs kept in `folder` (default: the app's lasting
    folder), the most recently changed first. A set's pair POs are not listed apart (the set
    opens them), and a set counts as changed when one of its pairs was corrected."""
    from .versions_io import set_label   # each set named by its versions, not only their count

    folder = folder or aligned_dir()
    found: list[KeptFile] = []
    sets = sorted(folder.glob("*.tmx"))
    for tmx in sets:
        when = _modified([tmx, *folder.glob(f"{_glob_escape(tmx.stem)}.*.po")])
        if when is not None:
            found.append(KeptFile(tmx, set_label(tmx, _SET.sub(r" (\1 versions)", tmx.stem)),
                                  "set", when))
    prefixes = tuple(f"{tmx.stem}." for tmx in sets)
    pos: list[tuple[Path, Literal["pair", "upload"]]]
    pos = [(po, "pair") for po in folder.glob("*.po") if not po.name.startswith(prefixes)]
    pos += [(po, "upload") for po in (folder / "uploaded").glob("*.po")]
    for po, kind in pos:
        when = _modified([po])
        if when is not None:
            label = _DIGEST.sub("", po.stem, count=1).replace("--", " ↔ ", 1)
            found.append(KeptFile(po, label, kind, when))
    return sorted(found, key=lambda k: (-k.modified, k.label))


def _glob_escape(text: str) -> str:
    """`text` matched literally by Path.glob ([, ] and the wildcards escaped)."""
    return re.sub(r"([\[\]*?])", r"[\1]", text)


def aligned_pair(src_name: str, tgt_name: str, digest: str, src_lang: str,
                 tgt_lang: str) -> tuple[Path, tuple[Bitext, str] | None]:
    """Where the app keeps the alignment of two uploads (`digest`: of both files' bytes), and
    the alignment kept there already for these texts and languages with the fingerprint of
    the bytes it was read from, to open it without reading it again (None: align them).

    The first place is workspace.aligned_path; when it holds these texts aligned in other
    languages (the person corrected a language box), the second is the same name with the
    languages added. A file there that cannot be read is never replaced: InputError says so."""
    from .po_files import read_po_fingerprinted

    base = aligned_path(src_name, tgt_name, digest)
    places = (base, base.with_name(f"{base.stem}-{src_lang}-{tgt_lang}.po"))
    for path in places:
        if not path.exists():
            return path, None
        try:
            bitext, fingerprint = read_po_fingerprinted(path)
        except AlignmentError:
            continue
        if (bitext.src_lang, bitext.tgt_lang) == (src_lang, tgt_lang):
            return path, (bitext, fingerprint)
    raise InputError(f"{places[0].name} and {places[1].name} in {base.parent} hold other "
                     "alignments of these texts (or cannot be read); move them away to align "
                     "the texts again")


# ---------------------------------------------------------------- copies saved of kept files

def copies_path() -> Path:
    """Where the copies saved of kept files are noted: <aligned folder>/copies.json."""
    return aligned_dir() / "copies.json"


def note_copy(source: str | os.PathLike[str], copy: str | os.PathLike[str]) -> None:
    """Note that the open file `source` was saved as `copy`, now the open file.

    Why: the start page's "Aligned or uploaded here before" and aligning the same texts again
    opened the kept file, whose corrections stopped where the copy began, and never named the
    copy. A kept file (in the aligned folder) now leads to its newest copy (`copy_of`), and a
    copy of a copy moves every kept file that led to the first."""
    from .atomic import atomic_write_text

    source, copy = str(Path(source).resolve()), str(Path(copy).resolve())
    notes = _read_copies()
    notes = {kept: copy if to == source else to for kept, to in notes.items()}
    if Path(source).parent in (aligned_dir().resolve(), (aligned_dir() / "uploaded").resolve()):
        notes[source] = copy
    if notes:
        copies_path().parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(copies_path(), json.dumps(notes, ensure_ascii=False, indent=1))


def copy_of(kept: str | os.PathLike[str]) -> Path | None:
    """The newest copy saved of the kept file `kept` (`note_copy`), if it is still there."""
    to = _read_copies().get(str(Path(kept).resolve()))
    return Path(to) if isinstance(to, str) and Path(to).is_file() else None


def lost_copy(kept: str | os.PathLike[str]) -> Path | None:
    """The copy noted for `kept` when it is no longer there (moved or deleted): the kept file
    then opens without the corrections saved to the copy, which must be said."""
    to = _read_copies().get(str(Path(kept).resolve()))
    return Path(to) if isinstance(to, str) and not Path(to).is_file() else None


def _read_copies() -> dict[str, str]:
    try:
        data = json.loads(copies_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}
