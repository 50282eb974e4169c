"""Pair POs of a set's original that the set does not read: named after another set file (the
set renamed, story.tmx -> novel.tmx) or after a version the set no longer has (aligned again
with fewer versions: SET.ru-en3.po beside a set of ru, en, fr).

Why: the app and the commands read the pair POs named after the set and its versions
(versions_pairs.pair_pos), so such a PO, corrections and all, was passed over without a word,
and a renamed set lost its "Correct or learn" buttons unexplained. Each is found here, its
original compared with the set's (a pair aligned apart that happens to share the folder is
not named), and said with what to do.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .errors import AlignmentError
from .types import VersionSet
from .versions_pairs import PairPO, set_stem

PathLike = str | os.PathLike[str]


def stray_pos(vs: VersionSet, set_path: PathLike) -> list[PairPO]:
    """The pair POs beside the set, of its original, that it does not read ('stray' PairPOs,
    k = 0, `why` said in words); a PO belonging to another set there (its SET.tmx present)
    is left alone."""
    from .po import edited_reason, read_po

    path = Path(set_path)
    stem = Path(set_stem(path)).name
    original = vs.texts[0]
    versions = [t.name for t in vs.texts[1:]]
    marker = f".{original.name}-"
    out = []
    for po in sorted(path.parent.glob("*.po")):
        prefix, _, version = po.name[:-3].rpartition(marker)
        if not prefix or (prefix == stem and version in versions):
            continue
        if prefix != stem and (po.parent / f"{prefix}.tmx").is_file():
            continue   # another set's pair
        try:
            pair = read_po(po)
        except AlignmentError:
            continue
        if tuple(s.text for s in pair.src) != tuple(s.text for s in original.sentences):
            continue
        out.append(PairPO(0, po, "stray", edited_reason(po) is not None,
                          links=len(pair.alignment.links),
                          why=_why(prefix, stem, original.name, version, versions,
                                   path.name)))
    return out


def _why(prefix: str, stem: str, original: str, version: str, versions: Sequence[str],
         name: str) -> str:
    if prefix == stem:
        return (f"{name} has no version {version} (its versions: "
                f"{', '.join(versions)}): the set was aligned again with other texts")
    return (f"the set's file is {name}, the POs are named after {prefix}.tmx, and a set "
            f"reads only the pair POs named after it ({stem}.{original}-….po): give the set "
            f"back its name {prefix}.tmx, or rename the POs")


def strays_said(strays: Sequence[PairPO]) -> list[str]:
    """One warning per reason (a renamed set's POs said once, not once each): the POs, those
    holding corrections, why they are not read."""
    by_why: dict[str, list[PairPO]] = {}
    for s in strays:
        by_why.setdefault(s.why, []).append(s)
    out = []
    for why, pos in by_why.items():
        names = [p.path.name for p in pos]
        held = [p.path.name for p in pos if p.corrected]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        verb = "is" if len(names) == 1 else "are"
        holds = ("" if not held else " (holding corrections)" if len(names) == 1 else
                 f" ({', '.join(held)} holding corrections)")
        out.append(f"{listed}{holds} {verb} not read with this set: {why}")
    return out


def nothing_to_correct(vs: VersionSet, set_path: PathLike) -> str:
    """Why a set shows no "Correct or learn" button: no pair PO named after it is there."""
    path = Path(set_path)
    stem = Path(set_stem(path)).name
    first = f"{stem}.{vs.texts[0].name}-{vs.texts[1].name}.po"
    return (f"Nothing to correct from here: corrections are saved in the pair POs named after "
            f"the set ({first} …), and none is beside {path.name}. Keep a set's file name as "
            f"it was written (its POs are named after it), or align it again with "
            f"-o {path.name} to write them")
