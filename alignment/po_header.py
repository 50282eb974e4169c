"""The PO header's lines that alignment reads back (its format version and the languages, the
review threshold, the aligner's signature, the paragraphs marked as headings), for po_read.py:
each one broken is a POFormatError naming the file (`_where`, which names an entry's line too).
"""

from __future__ import annotations

import json
import math
import re

import polib

from .defaults import DEFAULT_REVIEW_THRESHOLD
from .errors import POFormatError
from .types import Signature

FORMAT_VERSION = "1"


def _where(po: polib.POFile, entry: polib.POEntry | None = None) -> str:
    name = po.fpath or "PO file"
    return f"{name}, line {entry.linenum}" if entry is not None and entry.linenum else name


def _threshold(po: polib.POFile) -> float:
    value = po.metadata.get("X-Alignment-Review-Threshold", "")
    try:
        threshold = float(value) if value else DEFAULT_REVIEW_THRESHOLD
    except ValueError:
        threshold = math.nan
    if not 0.0 <= threshold <= 1.0:
        raise POFormatError(f"{_where(po)}: header X-Alignment-Review-Threshold {value!r} is not a "
                            f"number from 0 to 1; fix it (e.g. 0.9)")
    return threshold


def _signature(po: polib.POFile) -> Signature:
    data = po.metadata.get("X-Alignment-Signature-Data", "")
    if not data:
        return Signature()
    try:
        d = json.loads(data)
        return Signature(aligner=d["aligner"], version=d["version"], embedder=d["embedder"],
                         embedder_version=d["embedder_version"],
                         params=tuple((str(k), str(v)) for k, v in d["params"]), seed=d["seed"])
    except (ValueError, KeyError, TypeError):
        raise POFormatError(f"{_where(po)}: header X-Alignment-Signature-Data is not the JSON "
                            f"alignment writes; delete that header line or restore it") from None


def _header_checks(po: polib.POFile) -> tuple[str, str]:
    """The two languages, after refusing an unknown format version or unusable codes."""
    version = po.metadata.get("X-Alignment-Format", FORMAT_VERSION).strip()
    if version != FORMAT_VERSION:
        raise POFormatError(f"{_where(po)}: X-Alignment-Format {version!r}, but this version of "
                            f"alignment reads format {FORMAT_VERSION}; update alignment")
    langs = [po.metadata.get(k, "").strip() for k in ("X-Source-Language", "Language")]
    if not all(langs):
        raise POFormatError(f"{_where(po)}: header lacks Language or X-Source-Language; this PO "
                            f"was not written by alignment (see docs/po-format.md)")
    for key, lang in zip(("X-Source-Language", "Language"), langs):
        if not re.fullmatch(r"[A-Za-z0-9_@.-]+", lang):
            raise POFormatError(f"{_where(po)}: header {key} {lang!r} is not a language code; "
                                f"write one such as fr, en or pt-BR")
    return langs[0], langs[1]


_HEADINGS = re.compile(r"src (-|\d+(?: \d+)*) / tgt (-|\d+(?: \d+)*)")


def _heading_paragraphs(po: polib.POFile) -> tuple[frozenset[int], frozenset[int]] | None:
    """The paragraphs the readers marked as headings (X-Alignment-Headings, 1-based), or None
    where the header has no such line (a PO written before it, pairs imported)."""
    value = po.metadata.get("X-Alignment-Headings")
    if value is None:
        return None
    m = _HEADINGS.fullmatch(value.strip())
    if m is None:
        raise POFormatError(f"{_where(po)}: header X-Alignment-Headings {value!r} is not "
                            f"'src P Q / tgt R'; delete that header line")
    src, tgt = (frozenset() if g == "-" else frozenset(int(n) - 1 for n in g.split()) for g in m.groups())
    return src, tgt
