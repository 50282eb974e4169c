"""Phrase's tags written as text in its MXLIFF: read as the codes they are, and written back so.

Part of the store stage, for import_pairs.py and write_back.py (a testers' item). Why: Phrase
(formerly Memsource) exports a job as MXLIFF, an XLIFF 1.2 file of its own namespace, whose
segments carry the document's formatting as short tags typed into the text: '{1>' and '<1}'
around a stretch, '{2}' standing alone, and for the formatting it knows, '{b>…<b}', '{i>…<i}',
'{u>…<u}', '{sup>…<sup}', '{sub>…<sub}'. Read as text, the reader showed every tag to the
proofreader, the checks compared them as words, and every title stood in roman. So in an
MXLIFF (its namespace near the top, or the name's '.mxliff'), each such tag becomes an XLIFF
code element holding it (text_tags.py, shared with OmegaT's tags: an opening tag and the next
closing tag of its name a <bpt>/<ept> pair, any other tag a <ph>, each with an id of its own);
an '{i>' pair is italic (cat_italics.py). Before write-back serialises the file, the codes
become text again, so Phrase reads its file as it wrote it.

Not checked: no file Phrase wrote was at hand; the tag forms are written from what Phrase's
editor shows and its MXLIFF holds (namespace http://www.memsource.com/mxlf/2.0). In another
tool's file, text like '{1}' is left as text. lxml only.
"""

from __future__ import annotations

import re

from .text_tags import TagSyntax, codes_as_tags
from .text_tags import tags_as_codes as _tags_as_codes

__all__ = ["PHRASE_TAG", "codes_as_tags", "made_by_phrase", "tags_as_codes"]

_NAME = r"(?:[0-9]+|b|i|u|sup|sub)"
PHRASE_TAG = re.compile(rf"\{{{_NAME}>|<{_NAME}\}}|\{{[0-9]+\}}")
_MXLIFF_NS = b"memsource.com/mxlf/"


def made_by_phrase(data: bytes, name: str = "") -> bool:
    """Whether an XLIFF file is Phrase's MXLIFF: its namespace in the first 4 KB (the root
    element declares it), or a name ending in '.mxliff'."""
    return name.lower().endswith(".mxliff") or _MXLIFF_NS in data[:4096]


def tags_as_codes(root) -> int:
    """Every Phrase tag written as text in a <source> or <target> of the XLIFF 1.2 `root` made
    a code holding it, in place; the number made."""
    tag = root.tag if isinstance(root.tag, str) else ""
    ns = tag[:tag.index("}") + 1] if tag.startswith("{") else ""
    syntax = TagSyntax(PHRASE_TAG, opening=lambda t: t[1:-1] if t.endswith(">") else None,
                       closing=lambda t: t[1:-1] if t.startswith("<") else None,
                       ns=ns, pair_attr="id", id_prefix="phrase-")
    return _tags_as_codes(root.iter(ns + "source", ns + "target"), syntax)
