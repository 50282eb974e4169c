"""OmegaT's tags written as text in its own TMX: read as the codes they are, and written back so.

Part of the store stage, for import_pairs.py and write_back.py. Why: OmegaT keeps a document's
formatting as short numbered tags typed into the segment ('He reads <i0>Le Monde</i0>.', '<b1>',
'<x2/>'), and its own memories (project_save.tmx, the "OmegaT" TMX it exports) write them as
text, where TMX's level 2 wraps them in <bpt>/<ept>. Read as text, the reader showed every tag
to a proofreader, the checks compared them as words, and every title of a web page or a Word
document stood in roman. So in a TMX whose header names OmegaT as its maker, each such tag
becomes a code element holding it (text_tags.py, shared with Phrase's tags: a tag closed later
in the segment a <bpt>/<ept> pair, numbered by TMX's i, any other a <ph>); an <i0> or <e0> pair,
from HTML's <i> and <em> by OmegaT's first-letter shortcuts, is italic (cat_italics.py). Before
write-back serialises the file, the codes become text again, so OmegaT reads its memory as it
wrote it. Tag syntax as OmegaT's own pattern has it: '<', an optional '/', letters, digits, an
optional '/', '>'. Standard library and lxml only.
"""

from __future__ import annotations

import re

from .text_tags import TagSyntax, codes_as_tags
from .text_tags import tags_as_codes as _tags_as_codes

__all__ = ["OMEGAT_TAG", "codes_as_tags", "made_by_omegat", "tags_as_codes"]

OMEGAT_TAG = re.compile(r"</?[A-Za-z]+[0-9]+/?>")
_MADE_BY_OMEGAT = re.compile(rb"<header\b[^>]*\bcreationtool\s*=\s*[\"']OmegaT", re.IGNORECASE)
SYNTAX = TagSyntax(
    OMEGAT_TAG,
    opening=lambda tag: None if tag.startswith("</") or tag.endswith("/>") else tag.strip("</>"),
    closing=lambda tag: tag.strip("</>") if tag.startswith("</") else None)


def made_by_omegat(data: bytes) -> bool:
    """Whether a TMX's header names OmegaT as the tool that made it (its first 64 KB read)."""
    return bool(_MADE_BY_OMEGAT.search(data[:65536]))


def tags_as_codes(root) -> int:
    """Every OmegaT tag written as text in a <seg> of the TMX `root` made a code holding it, in
    place; the number made."""
    return _tags_as_codes(root.iter("seg"), SYNTAX)
