"""What our TMX and TSV exports carry beyond a link's two texts, and how the import reads it back.

Part of the store stage, shared by export_tmx.py (writing) and import_pairs.py (reading). Why:
an `export --tmx` then `import` lost every review state (all links at confidence 1.0, none
fuzzy: 6 links to review came back as 0), joined a link's sentences into one, and put each
unit in a paragraph of its own. A <tu> of ours carries, as TMX 1.4 <prop> elements (CAT tools
keep props they do not know):

* `x-link` '2-1' and `x-confidence` '0.600' (written before this module too), `x-reviewed`
  'yes' on a link a person checked: together, whether it comes back fuzzy.
* `x-paragraphs` 'src 3 3 / tgt 2': each sentence's paragraph, numbered from 1 as in the PO.
* `x-sentences` 'src 12 15 @1a2b3c4d / tgt 30', only on a link of several sentences on a side:
  the length of each (in characters) and a digest of that side's text. A side is cut back into
  its sentences only where its text is the one exported (the digest) and the cut pieces joined
  give it again; a unit a CAT tool changed since is read as one sentence, as before, and a cut
  never changes a text (write_back finds the units by their texts).
* `x-unit` '17/2', only on a link imported from a CAT tool's unit: that unit's id (types.Link.unit).
* `<note>`: the link's translator comment (a PO's `# ...` lines).

Only a unit with a well-formed `x-link` and `x-confidence` is read for these: a TMX from a CAT
tool imports as it did. A confidence is written to three decimals unless rounding would move
it across the review threshold (0.8996 is not written '0.900', or a link to review would come
back reviewed).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .po_read import DEFAULT_REVIEW_THRESHOLD
from .types import Bitext, Link, join_sentences, unit_id

_KIND = re.compile(r"^\d+-\d+$")
_SIDES = re.compile(r"^src (?P<src>[^/]*?) / tgt (?P<tgt>[^/]*?)$")
_LENGTHS = re.compile(r"^(?P<n>\d+(?: \d+)*)(?: @(?P<digest>[0-9a-f]{8}))?$")


@dataclass(frozen=True)
class Carried:
    """What one unit carried: its link's state, each side's sentences where the unit says how
    to cut them (empty: read the side as one sentence), each side's paragraph numbers (one per
    sentence, or one for the side) where the unit has them, and its translator comment."""

    confidence: float = 1.0
    reviewed: bool = False
    src: tuple[str, ...] = ()
    tgt: tuple[str, ...] = ()
    paragraphs: tuple[tuple[int, ...], tuple[int, ...]] | None = None
    note: str = ""
    unit: str = ""


def confidence_text(confidence: float, threshold: float = DEFAULT_REVIEW_THRESHOLD) -> str:
    """'0.600'; in full where three decimals would put it on the other side of `threshold`."""
    short = f"{confidence:.3f}"
    return short if (float(short) < threshold) == (confidence < threshold) else repr(float(confidence))


def read_confidence(text: str | None) -> float | None:
    """A confidence cell or prop as a number in [0, 1], or None where it is none."""
    try:
        value = float((text or "").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) and 0.0 <= value <= 1.0 else None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _numbers(values: Sequence[int]) -> str:
    return " ".join(str(v + 1) for v in values) or "-"


def unit_props(bitext: Bitext, i: int) -> list[tuple[str, str]]:
    """The props of link i's <tu>, in the order written (see the module's docstring)."""
    link = bitext.alignment.links[i]
    sents = [[side[j] for j in idx] for side, idx in ((bitext.src, link.src), (bitext.tgt, link.tgt))]
    props = [("x-link", link.kind), ("x-confidence", confidence_text(link.confidence))]
    if link.reviewed:
        props.append(("x-reviewed", "yes"))
    paragraphs = [_numbers([s.paragraph for s in side]) for side in sents]
    props.append(("x-paragraphs", f"src {paragraphs[0]} / tgt {paragraphs[1]}"))
    if max(len(link.src), len(link.tgt)) > 1:
        cut = [" ".join(str(len(s.text)) for s in side)
               + (f" @{_digest(join_sentences([s.text for s in side]))}" if len(side) > 1 else "")
               for side in sents]
        props.append(("x-sentences", f"src {cut[0]} / tgt {cut[1]}"))
    if link.unit:
        props.append(("x-unit", link.unit))
    return props


def _sides(text: str | None) -> tuple[str, str] | None:
    match = _SIDES.match((text or "").strip())
    return (match["src"], match["tgt"]) if match else None


def _cut(text: str, spec: str) -> tuple[str, ...]:
    """The sentences of a side's `text` as `spec` ('12 15 @1a2b3c4d') cuts it, or () where
    it does not fit: another text than the one exported, or lengths that do not add up."""
    match = _LENGTHS.match(spec)
    if not match or not match["digest"] or match["digest"] != _digest(text):
        return ()
    pieces, at = [], 0
    for k, length in enumerate(int(n) for n in match["n"].split()):
        at += k > 0 and text[at:at + 1] == " "   # the space between two (none in CJK text)
        pieces.append(text[at:at + length])
        at += length
    return tuple(pieces) if at == len(text) and join_sentences(pieces) == text else ()


def _paragraphs(spec: str, count: int) -> tuple[int, ...] | None:
    values = spec.split()
    if not values or len(values) != max(count, 1) or not all(v.isdigit() and int(v) > 0 for v in values):
        return None
    return tuple(int(v) - 1 for v in values)


def read_unit(tu, src_text: str, tgt_text: str, flipped: bool = False) -> Carried | None:
    """What a <tu> of ours carried (None: not ours), given its two texts as read (before
    cleaning). `flipped`: the import reads the file's translation as its original."""
    props: dict[str, str] = {}
    for prop in tu.findall("prop"):
        props.setdefault(prop.get("type") or "", prop.text or "")
    confidence = read_confidence(props.get("x-confidence"))
    kind = props.get("x-link", "").strip()
    if confidence is None or not _KIND.match(kind):
        return None
    counts = [int(n) for n in kind.split("-")]
    cuts, paragraphs = _sides(props.get("x-sentences")), _sides(props.get("x-paragraphs"))
    texts = (src_text, tgt_text)
    if flipped:
        counts.reverse()
        cuts, paragraphs = (c[::-1] if c else None for c in (cuts, paragraphs))
    sentences = []
    for text, spec, n in zip(texts, cuts or ("", ""), counts):
        pieces = _cut(text, spec) if cuts and n > 1 else ()
        sentences.append(pieces if len(pieces) == n else ())
    numbers = [_paragraphs(spec, n) if paragraphs else None
               for spec, n in zip(paragraphs or ("", ""), counts)]
    return Carried(confidence, props.get("x-reviewed", "").strip() == "yes", *sentences,
                   (numbers[0], numbers[1]) if None not in numbers else None,
                   note_text(tu.findall("note")), unit_id([props.get("x-unit")], "/"))


def note_text(notes: Iterable) -> str:
    """<note> elements (a TMX's, an XLIFF's) as one translator comment: each note's text,
    stripped, on a line of its own; empty notes left out."""
    texts = ("".join(n.itertext()).strip() for n in notes)
    return "\n".join(t for t in texts if t)


def side_sentences(text: str, pieces: Sequence[str], clean: Callable[[str], str]) -> list[str]:
    """A side's sentences as imported: the carried pieces, each cleaned, where they join to
    the side's cleaned `text` as it was read before (so its link's text is the same), else the
    text as one sentence (none where it is empty)."""
    if len(pieces) > 1:
        cleaned = [clean(p) for p in pieces]
        if all(cleaned) and join_sentences(cleaned) == text:
            return cleaned
    return [text] if text else []


def renumbered(runs: Sequence[Sequence[int]]) -> list[list[int]]:
    """One side's paragraph numbers, a list per unit, counted again from 0 in order: a new
    paragraph where the number changes (the units left out of the TMX leave gaps)."""
    out, last, current = [], None, -1
    for numbers in runs:
        out.append([])
        for number in numbers:
            if number != last:
                current, last = current + 1, number
            out[-1].append(current)
    return out


def carried_link(src: Sequence[int], tgt: Sequence[int], carried: Carried | None) -> Link:
    """The link of a unit: as carried, or sure (1.0) as a CAT tool's unit is read."""
    if carried is None:
        return Link(tuple(src), tuple(tgt))
    return Link(tuple(src), tuple(tgt), carried.confidence, carried.reviewed, unit=carried.unit)
