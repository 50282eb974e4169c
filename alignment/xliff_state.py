"""The state of an XLIFF segment a correction was written into: "translated", not approved.

Part of the store stage, for write_back.py. Why: a CAT tool reads the state a corrected copy
carries. XLIFF 1.2's state="new" or "needs-translation" on a <target> (XLIFF 2's
state="initial" on a <segment>) says "no translation yet": the tool offered the segment for
translating again, the correction taken for a draft. A state that says reviewed or approved
(XLIFF 1.2's "final", "signed-off", a trans-unit's approved="yes"; XLIFF 2's "reviewed",
"final"; Trados' sdl:seg conf="ApprovedTranslation", "ApprovedSignOff") had the tool take the
unreviewed correction for signed off, and a Trados conf="Draft" left a filled segment a draft.
So a corrected segment reads "translated": its state, Trados' conf, a trans-unit's approved
made "no", the state-qualifier (a match type, or a rejection, of the text replaced) dropped;
a <target> made by write_back gets state="translated" (not in a Trados file, whose sdl:seg
holds the state). The review states that ask for work (needs-review-*, needs-adaptation,
needs-l10n) are kept: they still hold. A segment Trados locked is written all the same (the
proofreader chose to correct it) and keeps its lock; it is counted with the approved ones,
for the proofreader to be told. A state the file does not write is not added, and segments
not corrected keep theirs. Standard library only, on write_back's lxml tree.
"""

from __future__ import annotations

from collections.abc import Callable

from .import_pairs import element_ns

SDL = "{http://sdl.com/FileTypes/SdlXliff/1.0}"
# states a correction leaves as "translated", by XLIFF's major version: untranslated, approved
REPLACED = {1: ("new", "needs-translation", "final", "signed-off"), 2: ("initial", "reviewed", "final")}
APPROVED = {1: ("final", "signed-off"), 2: ("reviewed", "final")}
SDL_APPROVED = ("ApprovedTranslation", "ApprovedSignOff")


def marked_translated(unit, version: int, mid: str | None = None) -> Callable[[], bool]:
    """What marks a corrected segment translated once its text is written, and says whether
    it had been locked or approved. `unit` is an XLIFF 1.2 <trans-unit> (the state is its
    <target>'s; `mid`: the segment's, where a CAT tool cut the unit) or an XLIFF 2 <segment>
    (the state is its own). Read now, while the tree is as the file has it: a unit's second
    segment corrected finds the first one's marks. A segment left empty keeps its marks: it
    is still untranslated."""
    ns = element_ns(unit)
    sdl_seg = _sdl_seg(unit, mid)
    had_target = unit.find(ns + "target") is not None
    holder = unit.find(ns + "target") if version == 1 else unit
    was_approved = (unit.get("approved") == "yes" if version == 1 else False) \
        or (holder is not None and holder.get("state") in APPROVED[version]) \
        or (sdl_seg is not None and (sdl_seg.get("locked") == "true" or sdl_seg.get("conf") in SDL_APPROVED))

    def mark() -> bool:
        target = unit.find(ns + "target")
        if target is None or not _filled(target, ns, mid):
            return was_approved
        state = target if version == 1 else unit
        if state.get("state") in REPLACED[version] or (version == 1 and not had_target
                                                       and not _in_trados_file(unit)):
            state.set("state", "translated")
        if version == 1:
            target.attrib.pop("state-qualifier", None)
            if unit.get("approved") == "yes":
                unit.set("approved", "no")
        if sdl_seg is not None:
            sdl_seg.set("conf", "Translated")
        return was_approved
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
