"""Findings a person dismissed: the key a dismissal holds on to, and the findings it hides.

Part of the check stage (checks.py re-exports both names). A proofreader who has judged a
finding to be no problem should not read it again at every check: the app's "Dismiss"
stores the finding's key on its link (Link.dismissed, a correction with undo,
corrections.dismiss), the PO keeps it ('#. dismissed:' lines, docs/po-format.md), and the
app and `alignment check` leave such findings out, saying how many.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace

from .types import Bitext, Finding

__all__ = ["finding_key", "only_dismissals_differ", "split_dismissed"]


def finding_key(bitext: Bitext, finding: Finding) -> str:
    """What a person's dismissal of a finding (Link.dismissed) holds on to: the check and the
    words the finding points at, not their offsets nor the figures of its message. So the
    dismissal outlives a re-check, an edit elsewhere in the link, a merge or a split, and
    lapses when those words change (the finding is then another). A finding with no span
    (a link that may not match, an omission) is the check alone on its link. Short and of
    plain characters: it is written as a '#.' line of the PO (docs/po-format.md)."""
    texts = [bitext.link_text(finding.link, s.side)[s.start:s.end] for s in finding.spans]
    digest = hashlib.sha256("\x1f".join([finding.check, *texts]).encode("utf-8")).hexdigest()
    return f"{finding.check} {digest[:12]}"


def split_dismissed(bitext: Bitext, findings: Iterable[Finding]) -> tuple[tuple[Finding, ...],
                                                                          tuple[Finding, ...]]:
    """(findings shown, findings a person dismissed on their link) of this version of the text."""
    links = bitext.alignment.links
    shown: list[Finding] = []
    hidden: list[Finding] = []
    for f in findings:
        gone = f.link < len(links) and links[f.link].dismissed \
            and finding_key(bitext, f) in links[f.link].dismissed
        (hidden if gone else shown).append(f)
    return tuple(shown), tuple(hidden)


def only_dismissals_differ(before: Bitext, after: Bitext) -> bool:
    """Whether two versions differ in their dismissals alone: the findings of one are then
    the findings of the other (no need to check again after a dismissal or its undo). Not
    after a review: the confidence check reads `Link.reviewed`."""
    from .corrections import same_text

    return same_text(before, after) and all(
        a is b or replace(a, dismissed=()) == replace(b, dismissed=())
        for a, b in zip(before.alignment.links, after.alignment.links))
