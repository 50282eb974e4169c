"""What a CAT tool's file says of each segment beyond its texts: its state and its notes.

Part of the store stage, for import_pairs.py. Why: a translator's XLIFF or TMX says which
segments are unfinished or to review (XLIFF 1.2's state "new", "needs-review-translation", a
state-qualifier "fuzzy-match"; XLIFF 2's "initial", or no state and no translation; Trados'
sdl:seg conf="Draft"), which are approved ("final", "signed-off", approved="yes", "reviewed",
conf="ApprovedSignOff"), and carries the translator's and reviewer's <note>s ("Check the
figure with the client"). The import read none of it: every segment came in a sure link, "0 to
review", and the notes were lost. So:

* a segment the tool marks unfinished or doubtful comes in to review: its pairing is as sure as
  ever, but a link is "to review" only below the review threshold (browse.is_fuzzy, the PO's
  `fuzzy`), so it comes in at TO_REVIEW (0.5: put before a reader, not drawn as a doubtful
  pairing, as confidence.FACING_GAP_CAP does for an omission beside an addition);
* a segment the tool marks approved comes in reviewed (confidence 1.0);
* any other keeps what the import gave it (1.0, not reviewed);
* a unit's notes become its first segment's link's translator comment (the PO's `# ...`), as
  the notes of a TMX our export wrote do (carried.py); write_back writes a comment back only
  where a reviewer changed it (write_back_notes.py), so the file keeps its notes once. A
  file-level note (an XLIFF <header>'s) is not a segment's.

The state is read, never written: the texts are what write_back matches, so an untouched unit
is not taken for a corrected one. Standard library only, on translate-toolkit's lxml elements.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .carried import Carried, note_text
from .import_pairs import element_ns
from .inline_codes import text_without_codes
from .types import unit_id

TO_REVIEW = 0.5
SDL = "{http://sdl.com/FileTypes/SdlXliff/1.0}"
# XLIFF 1.2 <target state>: translation not done, or done and waiting for review
UNFINISHED_12 = frozenset({"new", "needs-translation", "needs-adaptation", "needs-l10n",
                           "needs-review-translation", "needs-review-adaptation",
                           "needs-review-l10n"})
APPROVED_12 = frozenset({"final", "signed-off"})
# how a translation was got that says it is not the translator's yet (state-qualifier)
DOUBTFUL_12 = frozenset({"fuzzy-match", "mt-suggestion", "tm-suggestion", "leveraged-mt"})
UNFINISHED_2 = frozenset({"initial"})
APPROVED_2 = frozenset({"reviewed", "final"})
SDL_UNFINISHED = frozenset({"Draft", "RejectedTranslation", "RejectedSignOff"})
SDL_APPROVED = frozenset({"ApprovedTranslation", "ApprovedSignOff"})

State = tuple[float, bool]   # (confidence, reviewed) of the link


def _carried(state: State | None, note: str) -> Carried | None:
    if state is None and not note:
        return None
    confidence, reviewed = state or (1.0, False)
    return Carried(confidence, reviewed, note=note)


def segment_mids(unit) -> list[str | None]:
    """The mids of an XLIFF 1.2 trans-unit's segments, in the order import_pairs._xliff_pairs
    gives their pairs ([None]: the unit is one segment)."""
    ns = element_ns(unit)
    part = unit.find(ns + "seg-source")
    mids = [] if part is None else [m.get("mid", "") for m in part.iter(ns + "mrk")
                                    if m.get("mtype") == "seg"]
    return list(dict.fromkeys(mids)) or [None]


def xliff12_carried(unit) -> list[Carried | None]:
    """What each segment of a trans-unit carries, one per segment_mids: its state (Trados'
    sdl:seg conf where it has one, else the <target>'s state, the unit's approved, the
    state-qualifier) and, on the first, the unit's notes."""
    ns = element_ns(unit)
    target = unit.find(ns + "target")
    state = target.get("state") if target is not None else None
    qualifier = (target.get("state-qualifier") or "") if target is not None else ""
    unit_state = _state12(state, qualifier, unit.get("approved") == "yes")
    note = note_text(unit.findall(ns + "note"))
    out = []
    for k, mid in enumerate(segment_mids(unit)):
        conf = _sdl_conf(unit, mid)
        own = _state_in(conf, SDL_UNFINISHED, SDL_APPROVED) if conf else unit_state
        out.append(_carried(own, note if k == 0 else ""))
    return out


def _state12(state: str | None, qualifier: str, approved: bool) -> State | None:
    if state in UNFINISHED_12:
        return TO_REVIEW, False
    if state in APPROVED_12 or approved:
        return 1.0, True
    if qualifier in DOUBTFUL_12 or qualifier.startswith("rejected-"):
        return TO_REVIEW, False
    return None


def _state_in(state: str | None, unfinished: Iterable[str], approved: Iterable[str]) -> State | None:
    if state in unfinished:
        return TO_REVIEW, False
    if state in approved:
        return 1.0, True
    return None


def _sdl_conf(unit, mid: str | None) -> str | None:
    """Trados' confirmation level of segment `mid` (<sdl:seg id=mid conf=...>), or None."""
    if mid is None:
        return None
    seg = next((s for s in unit.iter(SDL + "seg") if s.get("id") == mid), None)
    return seg.get("conf") if seg is not None else None


def xliff2_carried(segments: Sequence) -> list[Carried | None]:
    """What each XLIFF 2 <segment> carries: its state, and on a unit's first segment the
    unit's <notes>."""
    out: list[Carried | None] = []
    last = None   # held, so lxml gives the same proxy for the same unit (segments in order)
    for segment in segments:
        unit, note = segment.getparent(), ""
        if unit is not last:
            last, ns = unit, element_ns(unit)
            notes = unit.find(ns + "notes")
            note = note_text(notes.findall(ns + "note")) if notes is not None else ""
        out.append(_carried(_state_in(_state2(segment), UNFINISHED_2, APPROVED_2), note))
    return out


def _state2(segment) -> str | None:
    """An XLIFF 2 segment's state; one without a state is "initial" by the spec, but only
    one without a translation is taken so: a tool that writes no states at all (its
    translations done) would otherwise have every link come in to review."""
    state = segment.get("state")
    if state is None:
        target = segment.find(element_ns(segment) + "target")
        if target is None or not text_without_codes(target).strip():
            return "initial"
    return state


def tmx_carried(tu, tuvs: Iterable) -> Carried | None:
    """The notes of a TMX <tu> of a CAT tool's, and of its two <tuv>s read, as its link's
    translator comment (a TMX says no state a CAT tool shares)."""
    notes = list(tu.findall("note")) + [n for tuv in tuvs if tuv is not None for n in tuv.findall("note")]
    return _carried(None, note_text(notes))


def _joined(*parts: str | None) -> str:
    """The id's parts joined by '/' (types.unit_id)."""
    return unit_id(parts, "/")


def xliff12_ids(unit) -> list[str]:
    """Each segment's id as the CAT tool knows it, one per segment_mids: the trans-unit's id,
    and the segment's mid after a '/' where the tool cut the unit into segments (Trados shows
    its segments by their mids). A finding names it (types.Link.unit), so the translator can
    go to that segment in the tool."""
    unit_id = unit.get("id")
    return [_joined(unit_id, mid) for mid in segment_mids(unit)]


def xliff2_ids(segments: Sequence) -> list[str]:
    """Each XLIFF 2 <segment>'s id as xliff12_ids gives it: its <unit>'s id, and where the
    unit has several segments, the segment's own id (or its number in the unit, from 1)."""
    out = []
    for segment in segments:
        unit = segment.getparent()
        ns = element_ns(unit)
        own = unit.findall(ns + "segment")
        if len(own) > 1:
            number = next((k for k, s in enumerate(own, 1) if s is segment), 0)
            out.append(_joined(unit.get("id"), segment.get("id") or str(number)))
        else:
            out.append(_joined(unit.get("id")))
    return out


def tmx_id(tu) -> str:
    """A TMX <tu>'s tuid ('' for none): the id a CAT tool's memory gives the unit."""
    return _joined(tu.get("tuid"))
