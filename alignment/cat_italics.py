"""The italics of a TMX or XLIFF segment: which stretches of its text a CAT tool marks italic.

Part of the store stage, beside inline_codes.py (which reads a segment's text the same way,
the codes' content left out). Why: a proofreader opening a CAT tool's file saw every book
title, foreign word and stressed word of the document in roman, where the reader shows a
text's own italics (italics.py). The markup that says "italic", in the forms the standards
and the common tools write:

- XLIFF 1.2: `<g ctype="italic">` (Okapi writes it for HTML's <i>), and paired codes
  `<bpt ctype="italic">`…`<ept>`, `<bx ctype="italic"/>`…`<ex/>`;
- XLIFF 2: `<pc type="fmt" subType="xlf:i">`, and `<sc type="fmt" subType="xlf:i"/>`…`<ec/>`;
- TMX: `<hi type="italic">`, `<bpt type="italic">`…`<ept>`;
- in any of them, a paired code whose native content is an HTML italic tag
  (`<bpt>&lt;i&gt;</bpt>`…`<ept>&lt;/i&gt;</ept>`: a memory made from a web page), or a
  `ctype`/`type` of `x-italic`, `x-i` or `x-em`.
Trados (.sdlxliff) writes a formatting tag as `<g id="pt3">` in the segment and says what it
stands for in the file's header (`tag_ids_italic`): the tag's definition there holds the
formatting (`<value key="Italic">True</value>`, itself or in the `<fmt-def>` it names) or its
native code (`<cf italic="True">`, an HTML <i>). OmegaT names its tags by the first letter of
what they stand for: in a TMX OmegaT made, a paired code holding `<i0>` or `<e0>` (HTML's <i>,
<em>) is italic, in a level-2 TMX's <bpt> or written as text in its own (omegat_tags.py); in
another tool's file, such numbered tags say nothing of what they stand for, and are read as
plain. Phrase's tag for italics is '{i>' (its MXLIFF types it into the text: phrase_tags.py): a
paired code holding it is italic in any file, as no other tool writes that. Standard library and lxml only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .italics import Marked, carry, normalize
from .types import Bitext, Spans

_ITALIC_KINDS = frozenset({"italic", "x-italic", "x-i", "x-em", "x-emphasis", "xlf:i"})
_HTML_OPEN = re.compile(r"^\s*<\s*(i|em|cite|dfn|var)(\s[^>]*)?>\s*$", re.IGNORECASE)
_HTML_CLOSE = re.compile(r"^\s*<\s*/\s*(i|em|cite|dfn|var)\s*>\s*$", re.IGNORECASE)
_OMEGAT_OPEN = re.compile(r"^\s*<[ie][0-9]+>\s*$")   # OmegaT's tag for HTML's <i> or <em>
_PHRASE_OPEN = re.compile(r"^\s*\{i>\s*$")   # Phrase's tag for italics
_OPENERS = frozenset({"bpt", "bx", "sc"})
_CLOSERS = frozenset({"ept", "ex", "ec"})
_CODES = frozenset({"bpt", "ept", "it", "ph", "ut", "x", "bx", "ex", "sc", "ec", "cp"})
_CF_ITALIC = re.compile(r"^\s*<\s*cf\b[^>]*\bitalic\s*=\s*[\"']?true\b", re.IGNORECASE)


def local_name(element) -> str:
    """An element's name without its namespace ('' for a comment or processing instruction)."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _says_italic(element, italic_ids: frozenset[str] = frozenset()) -> bool:
    """Whether an element's attributes call it italic (ctype, type, subType), or its id is one
    the file's header defines as italic (`italic_ids`: tag_ids_italic)."""
    return (any((element.get(a) or "").strip().lower() in _ITALIC_KINDS
                for a in ("ctype", "type", "subType"))
            or bool(italic_ids) and element.get("id") in italic_ids)


def tag_ids_italic(root) -> frozenset[str]:
    """The ids of the tags a Trados file (.sdlxliff) defines as italic in its header's
    <tag-defs>: by a formatting value Italic=True in the definition or in the <fmt-def> it
    names, or by its native opening code (<cf italic="True">, an HTML <i>). Empty for a file
    with no such header (any other XLIFF)."""
    headers = [h for f in root if local_name(f) == "file" for h in f if local_name(h) == "header"]
    defs = [e for h in headers for e in h.iter() if local_name(e) == "tag-defs"]
    if not defs:   # not the whole file walked: its headers only
        return frozenset()
    fmts = {e.get("id") for h in headers for e in h.iter() if local_name(e) == "fmt-def" and _value_italic(e)}
    found = set()
    for tag in (t for d in defs for t in d if local_name(t) == "tag" and t.get("id")):
        codes = [_code_text(e) for e in tag if local_name(e) in ("bpt", "st")]
        if (_value_italic(tag) or any(local_name(e) == "fmt" and e.get("id") in fmts for e in tag)
                or any(_CF_ITALIC.match(c) or _HTML_OPEN.match(c) for c in codes)):
            found.add(tag.get("id"))
    return frozenset(found)


def _value_italic(element) -> bool:
    """Whether an element holds a formatting value <value key="Italic">True</value>."""
    return any(local_name(v) == "value" and (v.get("key") or "").lower() == "italic"
               and (v.text or "").strip().lower() == "true" for v in element.iter())


def _code_text(element) -> str:
    return "".join(element.itertext())


def _pair_key(element) -> str:
    """What ties an opening code to its closing one: XLIFF's rid, id/startRef, TMX's i."""
    for attr in ("rid", "i", "startRef", "id"):
        if element.get(attr):
            return element.get(attr)
    return ""


def marked_text(element, italic_ids: frozenset[str] = frozenset(), omegat: bool = False) -> Marked:
    """An element's text as inline_codes.text_without_codes reads it, with the stretches
    the CAT tool's markup makes italic (offsets into that text; `italic_ids`: the tags the
    file's header defines as italic, tag_ids_italic; `omegat`: the file is OmegaT's, whose
    <i0> and <e0> are italic). ("", ()) for no element."""
    if element is None:
        return "", ()
    if not len(element):   # most segments: no markup at all
        return element.text or "", ()
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    open_codes: dict[str, int] = {}   # an italic paired code's key -> where its text began
    at = _walk(element, parts, spans, open_codes, 0, False, italic_ids, omegat)
    for start in open_codes.values():   # a code never closed in the segment: to its end
        spans.append((start, at))
    text = "".join(parts)
    return text, normalize(spans, text) if spans else ()


def _walk(element, parts: list[str], spans: list[tuple[int, int]],
          open_codes: dict[str, int], at: int, italic: bool,
          italic_ids: frozenset[str] = frozenset(), omegat: bool = False) -> int:
    """Append the element's text to `parts` (from offset `at`), its italic stretches to
    `spans`; return the offset after it."""
    at = _add(element.text or "", parts, spans, at, italic)
    for child in element:
        name = local_name(child)
        if name and name not in _CODES:   # <g>, <pc>, <hi>, <mrk>, <sub>: text inside
            at = _walk(child, parts, spans, open_codes, at,
                       italic or _says_italic(child, italic_ids if name == "g" else frozenset()),
                       italic_ids, omegat)
        elif name in _OPENERS and (_says_italic(child, italic_ids) or _HTML_OPEN.match(_code_text(child))
                                   or _PHRASE_OPEN.match(_code_text(child))
                                   or omegat and _OMEGAT_OPEN.match(_code_text(child))):
            open_codes[_pair_key(child)] = at
        elif name in _CLOSERS:
            key = _pair_key(child)
            start = open_codes.pop(key, None)
            if start is None and _HTML_CLOSE.match(_code_text(child)) and open_codes:
                start = open_codes.pop(next(reversed(open_codes)))   # keys the tool left out
            if start is not None and start < at:
                spans.append((start, at))
        at = _add(child.tail or "", parts, spans, at, italic)
    return at


def _add(text: str, parts: list[str], spans: list[tuple[int, int]], at: int, italic: bool) -> int:
    if not text:
        return at
    parts.append(text)
    if italic:
        spans.append((at, at + len(text)))
    return at + len(text)


def with_unit_italics(bitext: Bitext, marks: Sequence[tuple[Marked, Marked]]) -> Bitext:
    """The links' sentences given the italics of their units (`marks`, one per link, in
    order): each side's text as the file held it, cut into the link's sentences (italics.carry
    finds them through the spaces the import collapsed)."""
    sides = [list(bitext.src), list(bitext.tgt)]
    for link, unit in zip(bitext.alignment.links, marks):
        for side, at, (text, spans) in zip(sides, (link.src, link.tgt), unit):
            if not spans:
                continue
            for k, found in zip(at, _cut(text, spans, [side[k].text for k in at])):
                side[k] = replace(side[k], italics=found)
    return replace(bitext, src=tuple(sides[0]), tgt=tuple(sides[1]))


def _cut(text: str, spans: Spans, sentences: Sequence[str]) -> list[Spans]:
    """italics.carry, without its character-by-character match for the usual unit: one
    sentence, the file's text with only its ends' spaces cut (a TMX of 20,000 units, one in
    five with an italic code: read in 0.93 s with this, 1.17 s without; 0.73 s before italics
    were read at all)."""
    if len(sentences) == 1 and text.strip() == sentences[0]:
        lead = len(text) - len(text.lstrip())
        return [normalize([(a - lead, b - lead) for a, b in spans], sentences[0])]
    return carry(text, spans, sentences)
