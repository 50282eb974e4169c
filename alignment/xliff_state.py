"""The state of an XLIFF segment a correction was written into: "translated", not approved.

Part of the store stage, for write_back.py. Why: a CAT tool reads the state a corrected copy
carries. XLIFF 1.2's state="new" or "needs-translation" on a <target> (XLIFF 2's
state="initial" on a <segment>) says "no translation yet": the tool offered the segment for
translating again, the correction taken for a draft. A state that says reviewed or approved
(XLIFF 1.2's "final", "signed-off", a trans-unit's approved="yes"; XLIFF 2's "reviewed",
"final"; Trados' sdl:seg conf="ApprovedTranslation", "ApprovedSignOff") had the tool take the
unreviewed correction for signed off, and a Trados conf="Draft" left a filled segment a draft.
So a corrected segment reads "translated": its state, Trados' conf, a trans-unit's approved
made "no", the state-qualifier (a match type, or a rejection, of the text replaced) and XLIFF
2's subState (said of the state replaced) dropped; a <target> made by write_back, or one the
file left empty without a state, gets state="translated" (not in a Trados file, whose sdl:seg
holds the state), and so does an XLIFF 2 segment without a state ("initial" by the spec). The
review states that ask for work (needs-review-*, needs-adaptation, needs-l10n) are kept: they
still hold, and are counted, for the proofreader to be told. A segment Trados locked is
written all the same (the proofreader chose to correct it) and keeps its lock; it is counted
with the approved ones, for the proofreader to be told. Otherwise a state the file does not
write is not added, and segments not corrected keep theirs. Standard library only, on write_back's lxml tree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .import_pairs import element_ns

SDL = "{http://sdl.com/FileTypes/SdlXliff/1.0}"
# states a correction leaves as "translated", by XLIFF's major version: untranslated, approved
REPLACED = {1: ("new", "needs-translation", "final", "signed-off"), 2: ("initial", "reviewed", "final")}
APPROVED = {1: ("final", "signed-off"), 2: ("reviewed", "final")}
SDL_APPROVED = ("ApprovedTranslation", "ApprovedSignOff")
# states a correction keeps, which ask for review or other work still to do
TO_REVIEW = {1: ("needs-review-translation", "needs-review-adaptation", "needs-review-l10n",
                 "needs-adaptation", "needs-l10n"), 2: ()}


@dataclass(frozen=True)
class Marked:
    """What a corrected segment's marks said: it had been locked or approved (now reopened),
    or its state asks for review and still does (kept)."""

    reopened: bool = False
    to_review: bool = False


def marked_translated(unit, version: int, mid: str | None = None) -> Callable[[], Marked]:
    """What marks a corrected segment translated once its text is written, and says whether
    it had been locked or approved, or still asks for review. `unit` is an XLIFF 1.2
    <trans-unit> (the state is its <target>'s; `mid`: the segment's, where a CAT tool cut the
    unit) or an XLIFF 2 <segment> (the state is its own). Read now, while the tree is as the
    file has it: a unit's second segment corrected finds the first one's marks. A segment
    left empty keeps its marks: it is still untranslated."""
    ns = element_ns(unit)
    sdl_seg = _sdl_seg(unit, mid)
    holder = unit.find(ns + "target") if version == 1 else unit
    # an XLIFF 1.2 target the file leaves without a state and without text is as new as one
    # made (XLIFF 2's segment without a state is "initial" by the spec)
    fresh = version == 2 or not _in_trados_file(unit) and (holder is None
                                                         or not "".join(holder.itertext()).strip())
    was_approved = (unit.get("approved") == "yes" if version == 1 else False) \
        or (holder is not None and holder.get("state") in APPROVED[version]) \
        or (sdl_seg is not None and (sdl_seg.get("locked") == "true" or sdl_seg.get("conf") in SDL_APPROVED))

    def mark() -> Marked:
        target = unit.find(ns + "target")
        if target is None or not _filled(target, ns, mid):
            return Marked(was_approved)
        state = target if version == 1 else unit
        if state.get("state") in REPLACED[version] or (fresh and state.get("state") is None):
            state.set("state", "translated")
            state.attrib.pop("subState", None)   # XLIFF 2: said of the state replaced
        if version == 1:
            target.attrib.pop("state-qualifier", None)
            if unit.get("approved") == "yes":
                unit.set("approved", "no")
        if sdl_seg is not None:
            sdl_seg.set("conf", "Translated")
        return Marked(was_approved, sdl_seg is None and state.get("state") in TO_REVIEW[version])
    return mark


def _filled(target, ns: str, mid: str | None) -> bool:
    """Whether the segment's text, in the target, is more than spaces."""
    part = target if mid is None else next(
        (m for m in target.iter(ns + "mrk") if m.get("mtype") == "seg" and m.get("mid") == mid), None)
    return part is not None and bool("".join(part.itertext()).strip())


def _sdl_seg(unit, mid: str | None):
    """Trados' record of segment `mid` (<sdl:seg id=mid> in the unit's <sdl:seg-defs>), or None."""
    if mid is None:
        return None
    return next((s for s in unit.iter(SDL + "seg") if s.get("id") == mid), None)


def _in_trados_file(unit) -> bool:
    return SDL[1:-1] in unit.nsmap.values()
