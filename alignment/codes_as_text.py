"""A PO imported before XLIFF 1.2's formatting codes were left out of the text, written back.

Part of the store stage, for write_back.py. Why: until inline_codes.py, the import read the
content of XLIFF 1.2's <ph>, <bpt>, <ept>, <it> as text ('A <b>black</b> notebook.'). Such a
PO's originals no longer match its file as read now, and its translations hold the codes'
content: written back as they are, an untouched segment whose target alone has codes would get
'&lt;b&gt;' beside them as visible text. So a PO whose signature says it was imported without a
digest of its file (import_pairs records one since) has its segments found by their old
reading; a translation equal to the old reading is no correction, and from a corrected one the
codes' content is taken out, in order, so the correction goes in word by word around the codes.
Where a code's content is gone from it (the proofreader deleted it), it is written as it is,
as before. Standard library and lxml only.
"""

from __future__ import annotations

from .import_pairs import _clean, element_ns
from .inline_codes import holds_text
from .types import Signature

# a segment's original and translation as read then, and the content of its translation's codes
Before = tuple[str, str, tuple[str, ...]]


def read_with_codes(signature: Signature) -> bool:
    """Whether pairs come from an XLIFF imported before the codes were left out."""
    params = dict(signature.params)
    return signature.aligner == "import" and params.get("format") == "xliff" and "sha256" not in params


def segments_before(unit, element, mids: list[str]) -> list[Before]:
    """An XLIFF 1.2 trans-unit's segments (where `mids`, those a CAT tool cut, in the order
    import_pairs._xliff_pairs gives them; else the whole unit) as the import read them then:
    translate-toolkit's text, or every text of a <mrk>."""
    ns = element_ns(element)
    if not mids:
        target = unit.get_target_dom()
        return [(_clean(unit.source or ""), _clean(unit.target or ""), _codes(target))]

    def marks(tag: str) -> dict[str, object]:
        part = element.find(ns + tag)
        return {} if part is None else {m.get("mid", ""): m for m in part.iter(ns + "mrk")
                                        if m.get("mtype") == "seg"}
    targets = marks("target")
    return [(_clean("".join(mark.itertext())), _clean("".join(targets[mid].itertext())) if mid in targets
             else "", _codes(targets.get(mid))) for mid, mark in marks("seg-source").items()]


def _codes(element) -> tuple[str, ...]:
    """The content of the codes in an element, in reading order."""
    if element is None:
        return ()
    found: list[str] = []
    for child in element:
        if holds_text(child):
            found += _codes(child)
        elif isinstance(child.tag, str):
            found.append("".join(child.itertext()))
    return tuple(found)


def as_read_now(new: str, before: Before, now: str) -> str:
    """A translation of such a PO as the import reads the segment now: `now` where it is the
    old reading, else `new` with its codes' content taken out, in order (as it is where one is
    missing), a space where one came out between two."""
    if new == before[1]:
        return now
    pieces, at = [], 0
    for code in filter(None, before[2]):
        found = new.find(code, at)
        if found < 0:
            return new
        pieces.append(new[at:found])
        at = found + len(code)
    text = ""
    for piece in [*pieces, new[at:]]:
        text += piece[1:] if text.endswith(" ") and piece.startswith(" ") else piece
    return text.strip(" ")
