"""Read a PO file back as a Bitext: the format's grammar and its checks.

The counterpart of po.py's writer (docs/po-format.md): msgctxt positions ("src I,J / tgt K")
say where each link goes, so a file sorted or reordered by a PO tool (msgcat --sort-output)
still reads in text order; the "#." comments carry confidence, review state, paragraphs,
sentence lengths and word links. Every way a person or a tool can break the file is a
POFormatError naming the file and line. The file itself is read and parsed (polib, after
po_guard.lint), or taken from its snapshot, in po_files.py; its header's lines are read in
po_header.py.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Sequence
from typing import NamedTuple

import polib

from .defaults import DEFAULT_REVIEW_THRESHOLD  # noqa: F401  (re-exported: po.py, carried.py)
from .errors import POFormatError
from .po_guard import CONTINUED_NOTE, link_order
from .po_header import FORMAT_VERSION  # noqa: F401  (re-exported: po.py)
from .po_header import _header_checks, _heading_paragraphs, _signature, _threshold, _where
from .po_words import read_words
from .italics import read_po_line
from .types import Alignment, Bitext, Link, Sentence, Spans, WordLink

PLACEHOLDER = "[no source text]"
_CTXT = re.compile(r"^src (-|\d+(?:,\d+)*) / tgt (-|\d+(?:,\d+)*)$")
_LINK = re.compile(r"^(\d+)-(\d+) link, confidence (\S+?)(, reviewed)?$")
_DISMISSED = re.compile(r"^dismissed:\s*(.*)$")
_UNIT = re.compile(r"^unit:\s*(.*?)\s*$")   # the CAT tool's id of the unit (types.Link.unit)
_KEY = re.compile(r"^[a-z]+ [0-9a-f]{12}$")   # check_dismissed.finding_key
_SIDES = re.compile(r"^(paragraphs|sentence lengths): src (-|\d+(?: \d+)*) / tgt (-|\d+(?: \d+)*)$")
# a line polib wrapped off one of those comments: po_guard.CONTINUED_NOTE


def comment_lines(entry: polib.POEntry) -> list[str]:
    """The entry's '#.' comments, each whole again: polib wraps a comment longer than the
    file's width (78) when it saves, so a sentence with some fifteen word links, or a link of
    many paragraphs, spreads its 'words:' or 'paragraphs:' over several '#.' lines. Read line
    by line, those lists came back cut short, and such a PO opened only from its snapshot:
    anywhere else (another machine, a file edited in a PO editor) it was refused.

    Every reader of an entry's notes asks for them (the link's state, paragraphs, lengths, word
    links, dismissals, unit, italics): the last comment's lines are kept (they depend on it
    alone), so they are cut once per entry, not once per question."""
    global _LAST_LINES
    comment = entry.comment or ""
    last = _LAST_LINES   # one read: another thread may replace it meanwhile
    if last[0] == comment:
        return list(last[1])
    out: list[str] = []
    for line in comment.splitlines():
        line = line.strip()
        if out and CONTINUED_NOTE.match(line) and not _LINK.match(line):
            out[-1] += " " + line
        else:
            out.append(line)
    _LAST_LINES = (comment, tuple(out))
    return out


_LAST_LINES: tuple[str | None, tuple[str, ...]] = (None, ())


def link_positions(msgctxt: str | None) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """The 0-based (source, target) sentence numbers a msgctxt 'src I,J / tgt K' names, or
    None where it is not one alignment writes: for readers of a single entry (link_notes)."""
    match = _CTXT.match(msgctxt or "")
    if match is None:
        return None
    return tuple(tuple(() if g == "-" else (int(v) - 1 for v in g.split(",")))
                 for g in match.group(1, 2))  # type: ignore[return-value]


# ---------------------------------------------------------------- PO -> Bitext

def _comment(po: polib.POFile, entry: polib.POEntry, pattern: re.Pattern[str],
             what: str) -> re.Match[str] | None:
    for line in comment_lines(entry):
        match = pattern.match(line)
        if match and (what == "link" or match.group(1) == what):
            return match
    return None


def _link_state(po: polib.POFile, entry: polib.POEntry, threshold: float) -> tuple[float, bool]:
    """(confidence, reviewed) of an entry, following the rules of docs/po-format.md."""
    match = _comment(po, entry, _LINK, "link")
    if match is None:
        raise POFormatError(f"{_where(po, entry)}: no '#. N-M link, confidence C' comment; this "
                            f"entry was not written by alignment (see docs/po-format.md)")
    try:
        confidence = float(match.group(3))
    except ValueError:
        confidence = math.nan
    if not 0.0 <= confidence <= 1.0:  # NaN, inf and negatives too
        raise POFormatError(f"{_where(po, entry)}: confidence {match.group(3)!r} is not a "
                            f"number from 0 to 1; fix the '#.' comment")
    if entry.fuzzy:
        return confidence, False
    # gettext tools drop `fuzzy` from untranslated entries (msgcat does), so an omission
    # without it is reviewed only when the comment says so
    unfuzzied = confidence < threshold and entry.msgstr != ""
    return confidence, bool(match.group(4)) or unfuzzied


def _positions(po: polib.POFile, entry: polib.POEntry) -> tuple[tuple[int, ...], tuple[int, ...]]:
    match = _CTXT.match(entry.msgctxt or "")
    if entry.msgctxt is None:
        raise POFormatError(f"{_where(po, entry)}: the entry has no msgctxt, which alignment writes "
                            f"as 'src I,J / tgt K' (a PO of other messages is not one of aligned "
                            f"pairs); restore it, or align the texts (docs/po-format.md)")
    if match is None:
        raise POFormatError(f"{_where(po, entry)}: msgctxt {entry.msgctxt!r} is not "
                            f"'src I,J / tgt K' as alignment writes it; restore it (docs/po-format.md)")

    def parse(group: str) -> tuple[int, ...]:
        return () if group == "-" else tuple(int(v) - 1 for v in group.split(","))

    src, tgt = parse(match.group(1)), parse(match.group(2))
    if not (src or tgt) or min(src + tgt) < 0:
        raise POFormatError(f"{_where(po, entry)}: msgctxt {entry.msgctxt!r} names no sentence "
                            f"or sentence 0; sentence numbers start at 1")
    return src, tgt


def _side_numbers(po: polib.POFile, entry: polib.POEntry, what: str,
                  counts: tuple[int, int]) -> tuple[list[int], list[int]] | None:
    match = _comment(po, entry, _SIDES, what)
    if match is None:
        return None
    sides = [[] if g == "-" else [int(v) for v in g.split()] for g in match.group(2, 3)]
    if (len(sides[0]), len(sides[1])) != counts:
        raise POFormatError(f"{_where(po, entry)}: '{what}' lists {len(sides[0])}+{len(sides[1])} "
                            f"sentences but the msgctxt {counts[0]}+{counts[1]}; fix the comment")
    return sides[0], sides[1]


def _split(po: polib.POFile, entry: polib.POEntry, text: str, n: int,
           lengths: list[int] | None, side: str) -> list[str]:
    """Cut one side's text back into its n sentences (one per line, or by recorded lengths)."""
    if n == 0:
        return []
    if lengths is not None:
        if text == PLACEHOLDER and side == "source" and lengths == [0]:
            return [""]
        parts, at = [], 0
        for size in lengths:
            parts.append(text[at:at + size])
            at += size + 1
        if "\n".join(parts) == text:
            return parts
    parts = text.split("\n")
    if len(parts) != n and not text:
        raise POFormatError(f"{_where(po, entry)}: the {side} side is empty but its link holds "
                            f"{n} sentences; write them back, one per line")
    if len(parts) != n:
        raise POFormatError(f"{_where(po, entry)}: the {side} side has {len(parts)} line(s) but "
                            f"{n} sentence(s); put one sentence per line")
    return parts


class _Raw(NamedTuple):
    """One entry as read: positions from the msgctxt, texts and paragraphs per side."""

    entry: polib.POEntry
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    texts: tuple[list[str], list[str]]
    paragraphs: tuple[list[int], list[int]]
    confidence: float
    reviewed: bool
    words: tuple[WordLink, ...] = ()
    dismissed: tuple[str, ...] = ()
    unit: str = ""
    italics: tuple[list[Spans], list[Spans]] = ([], [])


def _read_unit(entry: polib.POEntry) -> str:
    """The id of the CAT tool's unit the link came from ('#. unit: ID'), '' for none."""
    return next((m.group(1) for line in comment_lines(entry) if (m := _UNIT.match(line))), "")


def _read_dismissed(po: polib.POFile, entry: polib.POEntry) -> tuple[str, ...]:
    """The findings a person dismissed on this link ('#. dismissed: CHECK KEY' lines)."""
    keys = [m.group(1).strip() for line in comment_lines(entry) if (m := _DISMISSED.match(line))]
    bad = next((k for k in keys if not _KEY.match(k)), None)
    if bad is not None:
        raise POFormatError(f"{_where(po, entry)}: '#. dismissed: {bad}' is not a check name and "
                            f"a 12-digit key; fix or delete the line (the finding shows again)")
    return tuple(sorted(set(keys)))


# what a PO's texts may not hold: the control characters po.py refuses to write (_BAD_CHARS)
_CONTROL = re.compile(r"[\x00-\x07\x0e-\x1f\x7f]")


def _no_control_characters(po: polib.POFile, entry: polib.POEntry) -> None:
    """POFormatError naming the file and line of a control character in a text (a NUL, say):
    such a file opened, was checked and exported with it, and only a save refused it, without
    naming the file."""
    for what, text in (("original", entry.msgid), ("translation", entry.msgstr)):
        bad = _CONTROL.search(text)
        if bad:
            raise POFormatError(f"{_where(po, entry)}: the {what} holds control character "
                                f"U+{ord(bad.group()):04X}; remove it (a text editor can) and "
                                f"open the file again")


def _read_entry(po: polib.POFile, entry: polib.POEntry, threshold: float) -> _Raw:
    src_idx, tgt_idx = _positions(po, entry)
    confidence, reviewed = _link_state(po, entry, threshold)
    counts = (len(src_idx), len(tgt_idx))
    paragraphs = _side_numbers(po, entry, "paragraphs", counts)
    if paragraphs is None:
        raise POFormatError(f"{_where(po, entry)}: no '#. paragraphs: src P / tgt Q' comment; "
                            f"this entry was not written by alignment (see docs/po-format.md)")
    lengths = _side_numbers(po, entry, "sentence lengths", counts) or (None, None)
    texts = (_split(po, entry, entry.msgid, counts[0], lengths[0], "source"),
             _split(po, entry, entry.msgstr, counts[1], lengths[1], "target"))
    typed = [not idx and text.strip() and text != PLACEHOLDER
             for idx, text in ((src_idx, entry.msgid), (tgt_idx, entry.msgstr))]
    if any(typed):
        # text typed into the empty side of an omission or addition: kept as new sentence(s)
        texts = tuple([line for line in text.split("\n") if line.strip()] if new else old
                      for new, text, old in zip(typed, (entry.msgid, entry.msgstr), texts))
        reviewed = True
    # typed text: its tokens are new; edited text: read_words drops word links made on the old
    words = () if any(typed) else read_words(comment_lines(entry), texts, _where(po, entry))
    _no_control_characters(po, entry)
    return _Raw(entry, src_idx, tgt_idx, texts, paragraphs, confidence, reviewed, words,
                _read_dismissed(po, entry), _read_unit(entry), read_po_line(comment_lines(entry), texts))


def _check_coverage(po: polib.POFile, raws: Sequence[_Raw]) -> None:
    """Each sentence in exactly one entry, none missing (errors name file and line)."""
    for side, name in ((1, "source"), (2, "target")):
        seen: set[int] = set()
        for raw in raws:
            for j in raw[side]:
                if j in seen:
                    raise POFormatError(f"{_where(po, raw.entry)}: {name} sentence {j + 1} is "
                                        f"already in another entry; each sentence belongs to "
                                        f"one link")
                seen.add(j)
        missing = sorted(set(range(len(seen))) - seen)
        if missing:   # named at the entry after the gap: the one that does not continue
            after = min(j for j in seen if j > missing[0])
            entry = next(raw.entry for raw in raws if after in raw[side])
            raise POFormatError(f"{_where(po, entry)}: {name} sentence {missing[0] + 1} is in no "
                                f"entry, and this entry holds {name} sentence {after + 1}; the "
                                f"file is incomplete (restore it, or align the texts again)")


def _ordered(po: polib.POFile, raws: list[_Raw]) -> list[_Raw]:
    """The entries in text order, taken from their msgctxt (see po_guard.link_order)."""
    order = link_order([(r.src, r.tgt) for r in raws])
    if isinstance(order, int):
        bad = raws[order]
        raise POFormatError(f"{_where(po, bad.entry)}: msgctxt {bad.entry.msgctxt!r} does not "
                            f"continue the links before it (sentences out of order or crossing "
                            f"another link); restore the msgctxt, or align the texts again")
    return [raws[k] for k in order]


def _assemble(raws: Sequence[_Raw]) -> tuple[tuple[Sentence, ...], tuple[Sentence, ...],
                                              tuple[Link, ...]]:
    """Sentences and links in order; a typed omission becomes a 1-1 (or 1-n) link."""
    sides: tuple[list[Sentence], list[Sentence]] = ([], [])
    links = []
    for raw in raws:
        idx: list[tuple[int, ...]] = []
        for k, store in enumerate(sides):
            pars = raw.paragraphs[k] or [store[-1].paragraph + 1 if store else 1] \
                * len(raw.texts[k])
            start = len(store)
            italic = raw.italics[k] or [()] * len(raw.texts[k])
            store.extend(Sentence(text, paragraph=max(par - 1, 0), italics=spans)
                         for text, par, spans in zip(raw.texts[k], pars, italic))
            idx.append(tuple(range(start, len(store))))
        links.append(Link(idx[0], idx[1], confidence=raw.confidence, reviewed=raw.reviewed,
                          words=raw.words, dismissed=raw.dismissed, unit=raw.unit))
    return tuple(sides[0]), tuple(sides[1]), tuple(links)


def po_to_bitext(po: polib.POFile) -> Bitext:
    """The Bitext stored in `po` (see docs/po-format.md); POFormatError names file and line.

    Links follow their msgctxt positions, not the file's order (msgcat --sort-output), and a
    translation typed into an omission entry becomes target sentence(s) of that link.
    """
    src_lang, tgt_lang = _header_checks(po)
    threshold = _threshold(po)
    raws = [_read_entry(po, e, threshold) for e in po if not e.obsolete]
    _check_coverage(po, raws)
    src, tgt, links = _assemble(_ordered(po, raws))
    try:
        warnings = tuple(json.loads(po.metadata.get("X-Alignment-Warnings", "") or "[]"))
    except ValueError:
        raise POFormatError(f"{_where(po)}: header X-Alignment-Warnings is not a JSON list; "
                            f"delete that header line") from None
    alignment = Alignment(links=links, signature=_signature(po), warnings=warnings)
    return Bitext(src=src, tgt=tgt, alignment=alignment, src_lang=src_lang, tgt_lang=tgt_lang,
                  corpus_id=po.metadata.get("X-Alignment-Corpus", ""),
                  heading_paragraphs=_heading_paragraphs(po))


def rebuild_text(sentences: Sequence[Sentence]) -> str:
    """One side's text again: sentences joined by a space, a blank line between paragraphs."""
    out: list[str] = []
    for k, sent in enumerate(sentences):
        if k:
            out.append("\n\n" if sent.paragraph != sentences[k - 1].paragraph else " ")
        out.append(sent.text)
    return "".join(out)


def entries_checksum(po: polib.POFile, scheme: str = "sha256v2") -> str:
    """'sha256v2:…' over what a person can change in the entries (docs/po-format.md).

    Version 2 also reads a `fuzzy` flag a person added to a sure link ("needs work"): the
    review state is the same with or without it there, so version 1 ('sha256:', still read)
    let a new alignment replace the file and drop the flag. Not counted: `fuzzy` on an
    omission (gettext tools drop it from untranslated entries), nor on an entry that carries
    the checks' comment (`alignment check --format po` adds both)."""
    threshold = _threshold(po)
    rows = [[e.msgctxt, e.msgid, e.msgstr, _link_state(po, e, threshold)[1], e.tcomment]
            + ([_person_fuzzy(e)] if scheme == "sha256v2" else [])
            for e in _in_link_order([e for e in po if not e.obsolete])]
    blob = json.dumps(rows, separators=(",", ":")).encode("ascii")
    return f"{scheme}:" + hashlib.sha256(blob).hexdigest()


def _in_link_order(entries: list[polib.POEntry]) -> list[polib.POEntry]:
    """The entries in the order of their links, as po_to_bitext reads them: a PO reordered by
    `msgcat --sort-output` holds the same links, and counted as edited when hashed in file
    order. alignment writes its entries in link order, so the checksums it stored before hash
    the same rows. Entries that cannot be put in order (a msgctxt that is not one, a gap) are
    hashed as they stand; po_to_bitext refuses such a file anyway."""
    positions = []
    for entry in entries:
        match = _CTXT.match(entry.msgctxt or "")
        if match is None:
            return entries
        positions.append(tuple(() if g == "-" else tuple(int(v) - 1 for v in g.split(","))
                               for g in match.group(1, 2)))
    order = link_order(positions)  # type: ignore[arg-type]
    return entries if isinstance(order, int) else [entries[k] for k in order]


def _person_fuzzy(entry: polib.POEntry) -> bool:
    """A `fuzzy` flag that only a person can have set (see entries_checksum)."""
    checked = any(line.startswith("check: ") for line in (entry.comment or "").splitlines())
    return entry.fuzzy and entry.msgstr != "" and not checked


def checksum_matches(po: polib.POFile, stored: str) -> bool:
    """Whether `stored` (X-Alignment-Checksum) is the checksum of the entries, in its scheme."""
    scheme = stored.split(":", 1)[0]
    return scheme in ("sha256", "sha256v2") and stored == entries_checksum(po, scheme)

