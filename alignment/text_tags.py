"""A CAT tool's tags typed into a segment's text, read as the code elements they stand for.

Part of the store stage, shared by omegat_tags.py (OmegaT's '<i0>…</i0>' in its own TMX) and
phrase_tags.py (Phrase's '{1>…<1}' in its MXLIFF). Why one module: both tools keep a document's
formatting as short tags written as plain text in the segment, where TMX and XLIFF have code
elements for them; read as text, the reader showed every tag to a proofreader and the checks
compared them as words. Here each such tag becomes a code element holding it, in the parsed
tree: an opening tag and the next closing tag of its name a <bpt>/<ept> pair, any other tag a
<ph>. The rest of the project then reads them as it reads any file's codes (inline_codes.py:
left out of the text; cat_italics.py: italic where the tool's tag says so; edit_in_place.py: a
correction goes in around them). Before write-back serialises the file, `codes_as_tags` turns the
codes made here back into text, so the tool reads the file as it wrote it. lxml only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_OURS = "{urn:x-alignment:text-tags}made"   # marks the codes made here (in memory only: never written)


@dataclass(frozen=True)
class TagSyntax:
    """How a tool types its tags, and the code elements they become in its file format.

    `pattern` finds a tag; `opening` and `closing` give the name an opening or closing tag pairs
    by (None for a tag of the other kind, or a standalone one). `ns` is the segment's namespace
    ('{uri}', '' for TMX), `pair_attr` the attribute pairing a <bpt> with its <ept> (TMX 'i',
    XLIFF 1.2 'id'), `id_prefix` what a code's id starts with and whether a <ph> needs one
    (XLIFF 1.2 asks an id of every code; TMX pairs by number and gives a <ph> none)."""

    pattern: re.Pattern[str]
    opening: Callable[[str], str | None]
    closing: Callable[[str], str | None]
    ns: str = ""
    pair_attr: str = "i"
    id_prefix: str = ""


def tags_as_codes(segments: Iterable, syntax: TagSyntax) -> int:
    """Every tag of `syntax` written as text in `segments` (lxml elements: TMX <seg>s, XLIFF
    <source>s and <target>s; their own text, between their child elements) made a code holding
    it, in place; the number made."""
    from lxml import etree

    made = 0
    for seg in segments:
        if syntax.pattern.search("".join([seg.text or "", *(c.tail or "" for c in seg)])):
            made += _seg_as_codes(seg, syntax, etree.SubElement)
    return made


def _seg_as_codes(seg, syntax: TagSyntax, sub_element) -> int:
    """One segment's tags made codes: (text, element) pieces rebuilt in order."""
    pieces: list[object] = []   # strings and elements, in reading order
    for text, child in [(seg.text or "", None), *((c.tail or "", c) for c in seg)]:
        if child is not None:
            child.tail = None
            pieces.append(child)
        at = 0
        for m in syntax.pattern.finditer(text):
            pieces += [text[at:m.start()], m.group()]
            at = m.end()
        pieces.append(text[at:])
    tags = [k for k, p in enumerate(pieces) if isinstance(p, str) and syntax.pattern.fullmatch(p)]
    taken = [int(e.get(syntax.pair_attr)) for e in seg.iter()
             if (e.get(syntax.pair_attr) or "").isdigit()]
    kinds = _pairs(tags, pieces, syntax, max(taken, default=0) + 1)
    for child in list(seg):
        seg.remove(child)
    seg.text, last = "", None
    for k, piece in enumerate(pieces):
        if k in kinds:
            piece = sub_element(seg, syntax.ns + kinds[k][0], {_OURS: "1", **_ids(kinds[k], k, syntax)})
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


def _ids(kind: tuple[str, int], k: int, syntax: TagSyntax) -> dict[str, str]:
    """A code's pairing attribute: the pair's number (TMX's i, prefixed for XLIFF's id); for a
    <ph>, an id of its own where the format asks one (its place among the pieces: unique)."""
    pair = kind[1]
    if pair:
        return {syntax.pair_attr: f"{syntax.id_prefix}{pair}"}
    return {"id": f"{syntax.id_prefix}ph{k}"} if syntax.id_prefix else {}


def _pairs(tags: list[int], pieces: list[object], syntax: TagSyntax,
           first: int) -> dict[int, tuple[str, int]]:
    """Each tag's code: ('bpt', i) and ('ept', i) for an opening tag and the next closing one of
    its name, ('ph', 0) for the rest."""
    kinds: dict[int, tuple[str, int]] = {}
    open_at: dict[str, list[int]] = {}
    for k in tags:
        tag = str(pieces[k])
        if (name := syntax.closing(tag)) is not None:
            if open_at.get(name):
                kinds[open_at[name].pop()] = ("bpt", first)
                kinds[k] = ("ept", first)
                first += 1
        elif (name := syntax.opening(tag)) is not None:
            open_at.setdefault(name, []).append(k)
    return {k: kinds.get(k, ("ph", 0)) for k in tags}


def codes_as_tags(root) -> None:
    """Undo `tags_as_codes`: each code made there becomes its tag's text again, in place."""
    for code in [e for e in root.iter() if isinstance(e.tag, str) and e.get(_OURS) is not None]:
        text = (code.text or "") + (code.tail or "")
        before = code.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + text
        else:
            parent = code.getparent()
            parent.text = (parent.text or "") + text
        code.getparent().remove(code)
