"""OmegaT's tags written as text in its own TMX: read as the codes they are, and written back so.

Part of the store stage, for import_pairs.py and write_back.py. Why: OmegaT keeps a document's
formatting as short numbered tags typed into the segment ('He reads <i0>Le Monde</i0>.', '<b1>',
'<x2/>'), and its own memories (project_save.tmx, the "OmegaT" TMX it exports) write them as
text, where TMX's level 2 wraps them in <bpt>/<ept>. Read as text, the reader showed every tag
to a proofreader, the checks compared them as words, and every title of a web page or a Word
document stood in roman. So in a TMX whose header names OmegaT as its maker, each such tag
becomes a code element holding it: a tag closed later in the segment a <bpt>/<ept> pair (TMX's
i), any other a <ph>. The rest of the project then reads them as it reads any TMX's codes
(inline_codes.py: left out of the text; cat_italics.py: an <i0> or <e0> pair, from HTML's <i>
and <em> by OmegaT's first-letter shortcuts, is italic; edit_in_place.py: a correction goes in
around them). Before write-back serialises the file, the codes made here become text again,
so OmegaT reads its memory as it wrote it. Tag syntax as OmegaT's own pattern has it: '<',
an optional '/', letters, digits, an optional '/', '>'. Standard library and lxml only.
"""

from __future__ import annotations

import re

OMEGAT_TAG = re.compile(r"</?[A-Za-z]+[0-9]+/?>")
_MADE_BY_OMEGAT = re.compile(rb"<header\b[^>]*\bcreationtool\s*=\s*[\"']OmegaT", re.IGNORECASE)
_OURS = "{urn:x-alignment:omegat}tag"   # marks the codes made here, for write-back to undo


def made_by_omegat(data: bytes) -> bool:
    """Whether a TMX's header names OmegaT as the tool that made it (its first 64 KB read)."""
    return bool(_MADE_BY_OMEGAT.search(data[:65536]))


def tags_as_codes(root) -> int:
    """Every OmegaT tag written as text in a <seg> of the TMX `root` (its own text, between the
    segment's elements) made a code holding it, in place; the number made."""
    from lxml import etree

    made = 0
    for seg in root.iter("seg"):
        if OMEGAT_TAG.search("".join([seg.text or "", *(c.tail or "" for c in seg)])):
            made += _seg_as_codes(seg, etree.SubElement)
    return made


def _seg_as_codes(seg, sub_element) -> int:
    """One segment's tags made codes: (text, element) pieces rebuilt in order."""
    pieces: list[object] = []   # strings and elements, in reading order
    for text, child in [(seg.text or "", None), *((c.tail or "", c) for c in seg)]:
        if child is not None:
            child.tail = None
            pieces.append(child)
        at = 0
        for m in OMEGAT_TAG.finditer(text):
            pieces += [text[at:m.start()], m.group()]
            at = m.end()
        pieces.append(text[at:])
    tags = [k for k, p in enumerate(pieces) if isinstance(p, str) and OMEGAT_TAG.fullmatch(p)]
    taken = [int(e.get("i")) for e in seg.iter() if (e.get("i") or "").isdigit()]
    kinds = _pairs(tags, pieces, max(taken, default=0) + 1)
    for child in list(seg):
        seg.remove(child)
    seg.text, last = "", None
    for k, piece in enumerate(pieces):
        if k in kinds:
            name, pair = kinds[k]
            piece = sub_element(seg, name, {_OURS: "1", **({"i": str(pair)} if pair else {})})
            piece.text = pieces[k]
            last = piece
        elif isinstance(piece, str):
            if last is None:
                seg.text += piece
            else:
                last.tail = (last.tail or "") + piece
        else:
            seg.append(piece)
            last = piece
    seg.text = seg.text or None
    return len(kinds)


def _pairs(tags: list[int], pieces: list[object], first: int) -> dict[int, tuple[str, int]]:
    """Each tag's code: ('bpt', i) and ('ept', i) for an opening tag and the next closing one of
    its name, ('ph', 0) for the rest."""
    kinds: dict[int, tuple[str, int]] = {}
    open_at: dict[str, list[int]] = {}
    for k in tags:
        tag = str(pieces[k])
        name = tag.strip("</>")
        if tag.startswith("</"):
            if open_at.get(name):
                kinds[open_at[name].pop()] = ("bpt", first)
                kinds[k] = ("ept", first)
                first += 1
        elif not tag.endswith("/>"):
            open_at.setdefault(name, []).append(k)
    return {k: kinds.get(k, ("ph", 0)) for k in tags}


def codes_as_tags(root) -> None:
    """Undo `tags_as_codes`: each code made there becomes its tag's text again, in place."""
    for code in list(root.iter("bpt", "ept", "ph")):
        if code.get(_OURS) is None:
            continue
        text = (code.text or "") + (code.tail or "")
        before = code.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + text
        else:
            parent = code.getparent()
            parent.text = (parent.text or "") + text
        code.getparent().remove(code)
