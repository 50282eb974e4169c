"""The state of an XLIFF segment a correction was written into, made "translated".

Part of the store stage, for write_back.py. Why: a CAT tool reads XLIFF 1.2's state="new" or
"needs-translation" on a <target> (XLIFF 2's state="initial" on a <segment>) as "no
translation yet": a corrected copy that kept it had the tool offer the segment for translating
again, the correction taken for a draft. Any other state is the tool's review workflow
(needs-review-*, needs-adaptation, translated, reviewed, final, signed-off) and is kept; a
state the file does not write is not added (the rest of the file stays as it was). Standard
library only, on write_back's lxml tree.
"""

from __future__ import annotations

from collections.abc import Callable

from .import_pairs import element_ns

UNTRANSLATED = {1: ("new", "needs-translation"), 2: ("initial",)}   # by XLIFF's major version


def marked_translated(unit, version: int) -> Callable[[], None]:
    """What marks `unit` translated once its target is written: `unit` is an XLIFF 1.2
    <trans-unit> (the state is its <target>'s) or an XLIFF 2 <segment> (the state is its
    own). A target left empty keeps its state: it is still untranslated."""
    def mark() -> None:
        target = unit.find(element_ns(unit) + "target")
        holder = target if version == 1 else unit
        if (holder is not None and holder.get("state") in UNTRANSLATED[version]
                and target is not None and "".join(target.itertext()).strip()):
            holder.set("state", "translated")
    return mark
