"""What the app keeps in its lasting folder (workspace.aligned_dir), listed and found again.

Why: the app writes there each pair of texts it aligns, each version set and each PO
uploaded, and a person's corrections are saved to those files. The start page listed only
the POs of the folder it was started in, so after Close the corrections were out of reach
unless the path shown once had been noted; and aligning the same two texts again stopped on
"... holds a person's corrections; pass --overwrite-edited", a command-line option, in the
app. Now the start page lists what is kept (`kept_files`, newest first), and the same two
uploads with the same languages open the file already written (`aligned_pair`), as version
sets and uploaded POs already did.
"""

from __future__ import annotations

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
    folder = folder or aligned_dir()
    found: list[KeptFile] = []
    sets = sorted(folder.glob("*.tmx"))
    for tmx in sets:
        when = _modified([tmx, *folder.glob(f"{_glob_escape(tmx.stem)}.*.po")])
        if when is not None:
            found.append(KeptFile(tmx, _SET.sub(r" (\1 versions)", tmx.stem), "set", when))
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
    from .po_read import read_po_fingerprinted

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
