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
made word by word where it falls (edit_in_place.py), so the formatting codes around the words
that stay stay too ('It <g>rains</g>.' -> 'It <g>pours</g>.'); a segment rewritten (most of its
words changed), or changed across a code, is written as plain text, its codes left out
(counted, for the proofreader to check in the CAT tool). The spaces beside a code are the
file's: the reader hides the code, and a correction that only tidies them writes nothing and
is not counted. Protected text (<mrk mtype="protected">) corrected is written, and counted.
A corrected XLIFF segment reads "translated", whether its state said untranslated or
approved (xliff_state.py: the approved and locked ones counted, for the proofreader to be
told), and a TMX's corrected entry is dated now, or the memory kept the older text by its
date. What was done is said in words by write_back_said.py.

A TMX's languages are found as the import finds them ('fr' finds the file's 'fr-FR'), and a
version set's TMX (versions_io.py) keeps its sentence lengths true, so it stays a set.

Library, and why: translate-toolkit's parsers (the ones the import used, so the segments and
their texts are the same) and lxml for the changes, serialised from the parsed tree, which
keeps the file's own layout; what lies around the root element (a byte-order mark, the XML
declaration, comments, a DOCTYPE) is copied from the original bytes, and its line breaks
(CRLF) are kept (xml_layout.py), and so are its empty elements written '<x></x>', its root's
attribute order and the references of the lines nobody corrected (xml_as_written.py). Pure
but for the clock a TMX date reads (`now` given, bytes in, bytes out).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from .codes_as_text import Before, as_read_now, read_with_codes, segments_before
from .errors import InputError
from .import_pairs import (_clean, _file_language, _language_code, _parse, _xliff2, element_ns,
                           pairs_format, translatable_units)
from .edit_in_place import edit_in_place
from .inline_codes import protected_texts, text_without_codes
from .text_tags import codes_as_tags
from .types import Bitext
from .xliff_state import Marked, marked_translated
from .write_back_notes import UnitNotes, put_note, tmx_notes, xliff12_notes, xliff2_notes
from .write_back_said import WriteBack, describe
from .xml_as_written import as_written_empty, keep_empty
from .xml_layout import serialise_like

__all__ = ["WriteBack", "check_corrected_name", "describe", "tmx_date", "write_back"]


@dataclass(frozen=True)
class _Slot:
    source: str
    target: str
    element: Callable[[], object]   # the target element to write into (made if missing)
    # once the new text is in: a set's lengths, a state, a date; what its marks said
    written: Callable[[], Marked] = lambda: Marked()
    before: Before | None = None   # XLIFF 1.2: as read before the codes were left out
    notes: UnitNotes | None = None   # the unit's notes, on its first segment (the import's rule)


def check_corrected_name(corrected: str, original: str) -> None:
    """Refuse a corrected copy whose suffix names another format than its original's: a TMX
    written into 'back.xlf' went out without a word, and the CAT tool then misread it. The
    XLIFF suffixes are one format (a .sdlxliff may be written as .xlf)."""
    fmt = pairs_format(original)
    if fmt and pairs_format(corrected) != fmt:
        suffix = original[original.rfind("."):]
        raise InputError(f"{corrected}: the corrected copy of {original} is {fmt.upper()}, as "
                         f"its original; give it the suffix {suffix}, which the tool that reads "
                         "it expects")


def write_back(original: bytes, name: str, bitext: Bitext,
               now: datetime | None = None, notes: Mapping[int, str] | None = None) -> tuple[bytes, WriteBack]:
    """A copy of the XLIFF or TMX file `original` (named `name`; a sheet's or a review
    document's table: write_back_tables.py) with the translations of
    `bitext` (pairs imported from it) where they differ from the file's. A target made where a
    segment had none goes in the unit's own namespace (element_ns), where the tool looks. A
    TMX's corrected <tuv> is dated `now` (the clock's time where not given). `notes` ({link:
    the PO's translator comment}) go back into a table's note column, or a unit's <note>s
    (write_back_notes.py)."""
    fmt = pairs_format(name)
    if fmt in ("xlsx", "ods", "docx", "csv", "tsv"):   # a table's cells
        from .write_back_tables import write_back_table

        return write_back_table(original, name, fmt, bitext, notes)
    if fmt not in ("xliff", "tmx"):
        raise InputError(f"{name}: corrections are written back into the .xlf, .xliff, .sdlxliff, "
                         ".mqxliff, .mxliff, .tmx, .xlsx, .ods, .docx, .csv or .tsv file the pairs came from")
    tags = dict(bitext.alignment.signature.params).get("tags", "")   # text_tags.py
    store = _parse(original, name, fmt, tags)
    versions = tuple(dict(bitext.alignment.signature.params).get("versions", "").split())
    empties = as_written_empty(store.document.getroot(), original)
    slots = _tmx_slots(store, name, bitext.src_lang, bitext.tgt_lang, versions,
                       tmx_date(now)) if fmt == "tmx" else _slots(store, _xliff2(original))
    links = [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt"))
             for i in range(len(bitext.alignment.links))]
    old_po = read_with_codes(bitext.alignment.signature)   # imported when codes were read as text
    sources = [s.before[0] if old_po and s.before else s.source for s in slots]
    matcher = difflib.SequenceMatcher(None, [_spaced(s) for s in sources],
                                      [_spaced(s) for s, _ in links], autojunk=False)
    counts = dict.fromkeys(("changed", "codes_dropped", "reopened", "protected", "to_review", "notes",
                            "notes_unwritten"), 0)
    matched = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            slot, new = slots[block.a + k], links[block.b + k][1]
            new = as_read_now(new, slot.before, slot.target) if old_po and slot.before else new
            matched += 1
            if not _same(new, slot.target):
                _write(slot, new, counts)
            if notes is not None and slot.notes is not None:
                counts["notes"] += put_note(slot.notes, notes.get(block.b + k, ""))
            elif notes is not None and notes.get(block.b + k, "").strip():   # a unit's later segment
                counts["notes_unwritten"] += 1
    keep_empty(empties)
    if tags:
        codes_as_tags(store.document.getroot())
    return serialise_like(store.document, original), WriteBack(unmatched=len(slots) - matched, **counts)


def _write(slot: _Slot, new: str, counts: dict[str, int]) -> None:
    """A segment's correction written, word by word where its codes allow (edit_in_place.py),
    else as plain text, and counted; a correction that was only the file's spaces beside its
    codes (hidden in the reader) writes nothing and is not counted."""
    element = slot.element()
    guarded = protected_texts(element)
    edits = edit_in_place(element, slot.target, new) if len(element) else None
    if edits == 0:
        return
    if edits is None:
        counts["codes_dropped"] += len(element) > 0
        for child in list(element):
            element.remove(child)
        element.text = new
    marked = slot.written()
    counts["changed"] += 1
    counts["reopened"] += marked.reopened
    counts["to_review"] += marked.to_review
    counts["protected"] += protected_texts(element) != guarded


def _spaced(text: str) -> str:
    """A text as imports before 597d46a wrote it into the PO: every run of spaces, no-break
    ones too, made one plain space."""
    return " ".join(text.split())


def _same(new: str, old: str) -> bool:
    """No correction: the same text, or the file's text with its no-break spaces made plain
    as an older import wrote it into the PO (writing that back would strip the file's
    no-break spaces in every unit)."""
    return new == old or (new == _spaced(old) and any(c.isspace() and not c.isascii() for c in old))


def _slots(store, version2: bool) -> list[_Slot]:
    """The file's segments as the import read them (both sides empty: left out, as there)."""
    slots, last = [], None
    for unit in translatable_units(store):
        element = unit.xmlelement
        if version2:
            first = element.getparent() is not last   # a unit's notes go with its first segment
            last = element.getparent()
            slots.append(_Slot(_clean(unit.source or ""), _clean(unit.target or ""),
                               _target_of(element, element_ns(element)), marked_translated(element, 2),
                               notes=xliff2_notes(last) if first else None))
        else:
            slots += _slots12(unit, element)
    return [s for s in slots if s.source or s.target]


def _tmx_slots(store, name: str, src_lang: str, tgt_lang: str,
               versions: tuple[str, ...] = (), date: str = "") -> list[_Slot]:
    """Each <tu>'s texts in the two languages the pairs were read in (the first <tuv> of each
    holding a <seg>, as the import took them); the translation's <tuv> is made where the unit
    has none. A version set's texts are found by the names the import read them by
    (`versions`: two may share a language, and en2's corrections went into en1) and its
    translation <tuv> gets its lengths kept true (_set_lengths). A corrected <tuv> is dated
    `date` (_dated)."""
    units = [(unit.xmlelement, _version_tuvs(unit.xmlelement) if versions else _tuvs(unit.xmlelement))
             for unit in store.units]
    spelt: dict[str, str] = {}   # each tag (lower case, as the import sees them): as the file writes it
    for _, tuvs in units:
        for tag, tuv in tuvs.items():
            spelt.setdefault(tag, _lang(tuv))
    src, tgt = versions[:2] if versions else (_tmx_language(code, list(spelt), name, flag)
                                              for code, flag in ((src_lang, "-s"), (tgt_lang, "-t")))
    is_set = _is_version_set(store.document.getroot())
    slots = []
    for tu, tuvs in units:
        texts = [_clean(text_without_codes(tuvs[tag].find("seg"))) if tag in tuvs else ""
                 for tag in (src, tgt)]
        find = _tmx_seg(tu, tuvs.get(tgt), spelt.get(tgt, tgt), src, name)
        lengths = _set_lengths(tu, tuvs[tgt], name) if is_set and tgt in tuvs else lambda: None
        slots.append(_Slot(texts[0], texts[1], find, _dated(tu, find, date, lengths),
                           notes=tmx_notes(tu, [tuvs.get(src), tuvs.get(tgt)])))
    return [s for s in slots if s.source or s.target]


def tmx_date(now: datetime | None) -> str:
    """`now` (the clock's time where None) as TMX writes a date: UTC, YYYYMMDDThhmmssZ."""
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _dated(tu, find: Callable[[], object], date: str, then: Callable[[], None]) -> Callable[[], Marked]:
    """After a <tu>'s translation is corrected (`then` done first): its <tuv> dated `date`,
    and the <tu> where it carries a date. Why: a translation memory keeps the latest of two
    entries by changedate, and one corrected here, still dated as before, lost to the old
    text elsewhere. The changeid (who changed it) is left as it was: the tool knows no user."""
    def written() -> Marked:
        then()
        find().getparent().set("changedate", date)
        if tu.get("changedate") is not None:
            tu.set("changedate", date)
        return Marked()
    return written


def _lang(tuv) -> str:
    return (tuv.get(XML_LANG) or tuv.get("lang") or "").strip()


def _version_tuvs(tu) -> dict[str, object]:
    """A version set's <tu>: its <tuv> per version name (x-version), as import_set.py reads them."""
    return {next((p.text or "" for p in tuv.findall("prop") if p.get("type") == "x-version"), ""): tuv
            for tuv in tu.findall("tuv") if tuv.find("seg") is not None}


def _tuvs(tu) -> dict[str, object]:
    """A <tu>'s first <tuv> holding a <seg> for each language tag, in lower case: the ones the
    import reads."""
    tuvs: dict[str, object] = {}
    for tuv in tu.iter("tuv"):
        if _lang(tuv) and tuv.find("seg") is not None:
            tuvs.setdefault(_lang(tuv).lower(), tuv)
    return tuvs


def _tmx_language(code: str, tags: Sequence[str], name: str, flag: str) -> str:
    """The file's tag for a language of the pairs, found as the import finds it (a PO aligned
    as 'fr' -> 'en' corrects a memory's 'fr-FR' and 'en-US': a new 'en' <tuv> was added to
    every unit, and nothing corrected where the original was 'fr-FR'). A language the file
    holds under two tags, or not at all, is refused: a PO names its language and takes no
    -s/-t, so the way out is importing the file again with the tag chosen."""
    return _file_language(code, tags, name, f"{flag} on `alignment import {name}`, and correct "
                          "the PO that writes")


def _primary(tag: str) -> str:
    from .lang import primary

    return primary(_language_code(tag) or tag.lower())


def _tmx_seg(tu, tuv, lang: str, src: str, name: str) -> Callable[[], object]:
    """The <seg> of the translation's <tuv>, made (with the tuv) when missing; refused where
    the unit holds that language under another tag than the original's ('en-US' in a file
    read as 'en'): a second variant of one language in a unit is one the tool would choose
    between blindly."""
    def find():
        from lxml import etree

        nonlocal tuv
        if tuv is None:
            tuv = next((t for t in tu.iter("tuv") if _lang(t).lower() == lang.lower()), None)
        if tuv is None:
            other = next((_lang(t) for t in tu.iter("tuv") if _lang(t).lower() != src
                          and _primary(_lang(t)) == _primary(lang)), None)
            if other:
                raise InputError(f"{name} line {tu.sourceline}: this <tu> holds its translation as "
                                 f"{other}, not {lang} as the file's others; give the units one "
                                 f"tag in the tool that made it, or import the file again with -t {other}")
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
        seg = tuv.find("seg")
        return seg if seg is not None else etree.SubElement(tuv, "seg")
    return find


def _is_version_set(root) -> bool:
    """Whether the TMX is a version set (docs/versions-format.md), whose props must stay true."""
    from .versions_io import FORMAT

    header = root.find("header")
    return header is not None and any(p.get("type") == "x-format" and p.text == FORMAT
                                      for p in header.findall("prop"))


def _set_lengths(tu, tuv, name: str) -> Callable[[], None]:
    """After a version set's cell is corrected: its x-lengths prop made true again. The cell
    is its sentences joined by one space; each space where two meet is followed into the new
    text (difflib, character by character) and the lengths measured between them, so the set
    reads back (read_set_tmx refused it: 'lengths and text disagree'). Refused where a space
    between sentences was changed (sentences joined, split or dropped), where a cell without
    a sentence gets text, or where its text goes: a sentence cannot be added or removed here."""
    seg, lengths = tuv.find("seg"), next((p for p in tuv.findall("prop")
                                          if p.get("type") == "x-lengths"), None)
    old = (seg.text or "") if seg is not None else ""
    row = f"{name} row {tu.get('tuid') or tu.sourceline}"

    def written() -> None:
        if lengths is None:
            return
        new = "".join(seg.itertext())
        sizes = [int(n) for n in (lengths.text or "").split()]
        if not sizes:
            raise InputError(f"{row}: its cell in {_lang(tuv)} had no sentence, and a version set "
                             "cannot take one added here; align the texts again with it")
        if not new:
            raise InputError(f"{row}: its cell in {_lang(tuv)} cannot be emptied here (a version "
                             "set keeps its sentences); align the texts again without them")
        ends = _moved([sum(sizes[:k]) + k - 1 for k in range(1, len(sizes))], old, new)
        if ends is None:
            raise InputError(f"{row}: the correction changes where its sentences meet, which a "
                             "version set's cell keeps; keep the space between them, or align "
                             "the texts again with the correction")
        cuts = [-1, *ends, len(new)]
        lengths.text = " ".join(str(b - a - 1) for a, b in zip(cuts, cuts[1:]))
    return written


def _moved(positions: list[int], old: str, new: str) -> list[int] | None:
    """Where the characters of `old` at `positions` are in `new`, or None where one was not
    kept with a neighbour (difflib, character by character): a space kept alone, its
    sentence's end and the next one's start both changed ('duerme. Llueve' -> 'duerme,
    llueve'), no longer tells where two sentences meet."""
    kept = difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
    out = []
    for at in positions:
        block = next((b for b in kept if b.a <= at < b.a + b.size), None)
        if block is None or block.size < 2:
            return None
        out.append(block.b + at - block.a)
    return out


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
    before = segments_before(unit, element, mids)
    notes = xliff12_notes(element)
    if not mids:
        source, target = pairs[0]
        return [_Slot(_clean(source), _clean(target), _target_of(element, ns),
                      marked_translated(element, 1), before[0], notes)]
    return [_Slot(_clean(s), _clean(t), _mrk_of(element, mid), marked_translated(element, 1, mid), b,
                  notes if k == 0 else None)
            for k, ((s, t), mid, b) in enumerate(zip(pairs, mids, before))]


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
