"""Corrections written back into the XLIFF or TMX file the pairs were imported from.

Part of the store stage, the way back of import_pairs.py. Why: a proofreader is sent the
XLIFF a CAT tool (Trados, memoQ, OmegaT, Phrase) wrote, corrects the translation here, and
must return that same file, which the tool reads back into its project; a TMX or a PO of the
pairs is not what the tool asked for. A translation memory corrected here keeps its other
languages, its notes and properties, which a TMX written afresh would lose. So the original
file is kept as it was (its layout, its other units and languages, the formatting codes of
every segment left alone), and only the translations that were corrected are replaced.

Each segment (a trans-unit, a Trados or memoQ <mrk mtype="seg">, an XLIFF 2 <segment>, a
TMX <tu>'s translation <seg>) is found again as the import found it, and paired with the
links by their originals, in order (difflib): a segment whose link was merged or split, or
whose original was edited, answers no link and is left as it was (counted). A correction is
made word by word where it falls, so the formatting codes around the words that stay stay too
('It <g>rains</g>.' -> 'It <g>pours</g>.'); a segment rewritten (most of its words changed), or
changed across a code, is written as plain text, its codes left out (counted, for the
proofreader to check in the CAT tool).

Library, and why: translate-toolkit's parsers (the ones the import used, so the segments and
their texts are the same) and lxml for the changes, serialised from the parsed tree, which
keeps the file's own layout. Pure: bytes in, bytes out.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from .errors import InputError
from .import_pairs import _clean, _parse, _xliff2, element_ns, pairs_format, translatable_units
from .types import Bitext


@dataclass(frozen=True)
class WriteBack:
    """What writing back did: segments whose translation was replaced, of those the ones
    whose formatting codes were left out, and segments no link answered (left as they were)."""

    changed: int
    codes_dropped: int
    unmatched: int


@dataclass(frozen=True)
class _Slot:
    source: str
    target: str
    element: Callable[[], object]   # the target element to write into (made if missing)


def describe(done: WriteBack) -> str:
    """What writing back did, in words, for the CLI and the app."""
    def n(k: int, what: str) -> str:
        return f"{k} {what}{'s' * (k != 1)}"
    text = f"{n(done.changed, 'translation')} corrected"
    if done.codes_dropped:
        text += (f" ({done.codes_dropped} of them had formatting codes, left out now: check "
                 f"{'it' if done.codes_dropped == 1 else 'them'} in the CAT tool)")
    if done.unmatched:
        was = "it was" if done.unmatched == 1 else "they were"
        text += (f"; {n(done.unmatched, 'segment')} left as {was}"
                 " (their links were merged or split, or their original edited)")
    return text


def write_back(original: bytes, name: str, bitext: Bitext) -> tuple[bytes, WriteBack]:
    """A copy of the XLIFF or TMX file `original` (named `name`) with the translations of
    `bitext` (pairs imported from it) where they differ from the file's. A target made where a
    segment had none goes in the unit's own namespace (element_ns), where the tool looks."""
    fmt = pairs_format(name)
    if fmt not in ("xliff", "tmx"):
        raise InputError(f"{name}: not an XLIFF or TMX file; corrections are written back into "
                         "the .xlf, .xliff, .sdlxliff, .mqxliff or .tmx file the pairs came from")
    store = _parse(original, name, fmt)
    slots = _tmx_slots(store, bitext.src_lang, bitext.tgt_lang) if fmt == "tmx" else \
        _slots(store, _xliff2(original))
    links = [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt"))
             for i in range(len(bitext.alignment.links))]
    matcher = difflib.SequenceMatcher(None, [s.source for s in slots], [s for s, _ in links],
                                      autojunk=False)
    changed = dropped = matched = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            slot, new = slots[block.a + k], links[block.b + k][1]
            matched += 1
            if new != slot.target:
                element = slot.element()
                if not (len(element) and _edit_in_place(element, slot.target, new)):
                    dropped += len(element) > 0
                    for child in list(element):
                        element.remove(child)
                    element.text = new
                changed += 1
    return _serialise(store.document, original), WriteBack(changed, dropped, len(slots) - matched)


# inline elements whose content is a CAT tool's native code, not text (TMX, XLIFF 1.2 and 2)
CODE_ELEMENTS = frozenset({"bpt", "ept", "it", "ph", "ut", "x", "bx", "ex", "sc", "ec", "cp"})


def _text_nodes(element, depth: int = 0) -> list[tuple[object, str, int]]:
    """The (node, 'text' or 'tail', depth) places of an element's text, in reading order: the
    text of <g>, <mrk>, <pc>, <hi> is text (one level deeper), that of codes
    (CODE_ELEMENTS) is not."""
    from lxml import etree

    places = [(element, "text", depth)]
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname not in CODE_ELEMENTS:
            places += _text_nodes(child, depth + 1)
        places.append((child, "tail", depth))
    return places


TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
IN_PLACE_RATIO = 0.6   # a correction keeps the segment's codes where this much of it stays


def _base(texts: list[str], k: int) -> int:
    """Where place k's text starts in the joined text."""
    return sum(len(t) for t in texts[:k])


def _edit_in_place(element, old: str, new: str) -> bool:
    """Make the segment read `new` by editing its text word by word where the correction
    falls, each change inside one stretch of text between codes, so every code stays ('It
    <g>rains</g>.' -> 'It <g>pours</g>.'); words inserted where two stretches meet go to the
    one less deep in formatting. False, and nothing changed, where the text read is not `old`
    (as the import read it, spaces collapsed), where less than IN_PLACE_RATIO of its words
    stay (a sentence rewritten), or where a change spans a code."""
    places = _text_nodes(element)
    texts = [getattr(node, attr) or "" for node, attr, _ in places]
    owner = [k for k, t in enumerate(texts) for _ in t]          # the place of each raw character
    raw = "".join(texts)
    words = [m.span() for m in re.finditer(r"\S+", raw)]
    if " ".join(raw[a:b] for a, b in words) != old:
        return False
    spans = []   # each character of `old`: its raw span (a collapsed space: the whole run)
    for n, (a, b) in enumerate(words):
        if n:
            spans.append((words[n - 1][1], a))
        spans += [(i, i + 1) for i in range(a, b)]
    at = [0]   # `old`'s tokens: their character offsets
    old_tokens, new_tokens = TOKEN.findall(old), TOKEN.findall(new)
    for t in old_tokens:
        at.append(at[-1] + len(t))
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    if matcher.ratio() < IN_PLACE_RATIO:   # rewritten: where its formatting goes is anyone's guess
        return False
    edits = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        c1, c2 = at[i1], at[i2]
        start = spans[c1][0] if c1 < len(spans) else len(raw)
        end = spans[c2 - 1][1] if c2 > c1 else start
        touched = sorted(set(owner[start:end]))
        if not touched:   # an insertion: into the stretch before or after, the shallower
            near = [k for k in (owner[start - 1] if start else None,
                                owner[start] if start < len(raw) else None) if k is not None]
            touched = [min(near, key=lambda k: places[k][2])]
        if op == "delete":   # words dropped: from each stretch they lie in (a code may go empty)
            edits += [(max(start, _base(texts, k)), min(end, _base(texts, k + 1)), "", k)
                      for k in touched]
        elif len(touched) == 1:
            edits.append((start, end, "".join(new_tokens[j1:j2]), touched[0]))
        else:
            return False
    for start, end, text, k in sorted(edits, reverse=True):
        base = _base(texts, k)
        texts[k] = texts[k][:start - base] + text + texts[k][end - base:]
    for (node, attr, _), text in zip(places, texts):
        setattr(node, attr, text or None)
    return True


def _serialise(document, original: bytes) -> bytes:
    """The tree as bytes, the declaration and the last line break as the original had them."""
    from lxml import etree

    encoding = document.docinfo.encoding or "UTF-8"
    if encoding.upper().replace("-", "") != "UTF8":
        return etree.tostring(document, xml_declaration=True, encoding=encoding)
    head = original[:original.find(b"?>") + 2] + b"\n" if original.lstrip().startswith(b"<?xml") else b""
    body = etree.tostring(document, encoding="UTF-8", xml_declaration=False)
    return head + body + (b"\n" if original.endswith(b"\n") else b"")


def _slots(store, version2: bool) -> list[_Slot]:
    """The file's segments as the import read them (both sides empty: left out, as there)."""
    slots = []
    for unit in translatable_units(store):
        element = unit.xmlelement
        if version2:
            slots.append(_Slot(_clean(unit.source or ""), _clean(unit.target or ""),
                               _target_of(element, element_ns(element))))
        else:
            slots += _slots12(unit, element)
    return [s for s in slots if s.source or s.target]


def _tmx_slots(store, src_lang: str, tgt_lang: str) -> list[_Slot]:
    """Each <tu>'s texts in the two languages the pairs were read in (the first <tuv> of each,
    as the import took them); the translation's <tuv> is made where the unit has none."""
    from .import_pairs import _seg_text

    def key(lang: str) -> str:
        return lang.strip().lower().replace("_", "-")

    slots = []
    for unit in store.units:
        tuvs: dict[str, object] = {}
        for tuv in unit.xmlelement.iter("tuv"):
            tuvs.setdefault(key(tuv.get(XML_LANG) or tuv.get("lang") or ""), tuv)
        texts = [_clean(_seg_text(seg)) if (tuv := tuvs.get(key(lang))) is not None
                 and (seg := tuv.find("seg")) is not None else "" for lang in (src_lang, tgt_lang)]
        slots.append(_Slot(texts[0], texts[1], _tmx_seg(unit.xmlelement, tuvs.get(key(tgt_lang)), tgt_lang)))
    return [s for s in slots if s.source or s.target]


def _tmx_seg(tu, tuv, lang: str) -> Callable[[], object]:
    """The <seg> of the translation's <tuv>, made (with the tuv) when missing."""
    def find():
        from lxml import etree

        nonlocal tuv
        if tuv is None:
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
        seg = tuv.find("seg")
        return seg if seg is not None else etree.SubElement(tuv, "seg")
    return find


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _slots12(unit, element) -> list[_Slot]:
    """An XLIFF 1.2 trans-unit's segments: by mid where the CAT tool cut it (seg-source), else
    the whole unit."""
    from .import_pairs import _xliff_pairs

    pairs = _xliff_pairs(unit)
    ns = element_ns(element)
    part = element.find(ns + "seg-source")
    mids = [m.get("mid", "") for m in part.iter(ns + "mrk") if m.get("mtype") == "seg"] \
        if part is not None else []
    if not mids:
        source, target = pairs[0]
        return [_Slot(_clean(source), _clean(target), _target_of(element, ns))]
    return [_Slot(_clean(s), _clean(t), _mrk_of(element, mid)) for (s, t), mid in zip(pairs, mids)]


def _target_of(parent, ns: str) -> Callable[[], object]:
    """The <target> beside <source> in a trans-unit or segment, made when there is none."""
    def find():
        from lxml import etree

        target = parent.find(ns + "target")
        if target is None:
            target = etree.Element(ns + "target")
            anchor = next((a for tag in ("seg-source", "source")
                           if (a := parent.find(ns + tag)) is not None), None)
            if anchor is not None:
                anchor.addnext(target)
            else:   # a unit without its <source> element (a tool's odd file): at its end
                parent.append(target)
        return target
    return find


def _mrk_of(unit, mid: str) -> Callable[[], object]:
    """The segment `mid`'s <mrk> in the unit's <target>, made (with the target) when missing."""
    def find():
        from lxml import etree

        ns = element_ns(unit)
        target = _target_of(unit, ns)()
        mrk = next((m for m in target.iter(ns + "mrk") if m.get("mid") == mid and
                    m.get("mtype") == "seg"), None)
        if mrk is None:
            mrk = etree.SubElement(target, ns + "mrk", mtype="seg", mid=mid)
        return mrk
    return find
