"""The "Not reviewed yet" filter: every link no one has marked reviewed, the sure ones too (a
file with no doubtful link but 100 unread ones could not be listed), alone or with others."""

from __future__ import annotations

from dataclasses import replace

import pytest

from alignment import browse
from alignment.browse import Filters
from alignment.types import Alignment, Bitext, Link, Sentence

# (confidence, reviewed) per link: sure and unread, doubtful and unread, sure and read, doubtful and read
LINKS = ((0.99, False), (0.40, False), (0.95, True), (0.30, True), (0.97, False))


def bitext() -> Bitext:
    n = len(LINKS)
    sents = tuple(Sentence(f"S{k}.", k) for k in range(n))
    links = tuple(Link((k,), (k,), conf, reviewed=seen) for k, (conf, seen) in enumerate(LINKS))
    return Bitext(sents, tuple(replace(s, text=f"T{k}.") for k, s in enumerate(sents)),
                  Alignment(links), "fr", "en")


@pytest.mark.parametrize("filters, hits, expected", [
    (Filters(unreviewed_only=True), None, (0, 1, 4)),
    (Filters(fuzzy_only=True), None, (1,)),
    (Filters(unreviewed_only=True, below=0.98), None, (1, 4)),
    (Filters(unreviewed_only=True), {4: [], 2: []}, (4,)),
    (Filters(), None, None),
])
def test_not_reviewed_yet_keeps_every_unread_link(filters, hits, expected):
    assert browse.select(bitext(), filters, hits=hits) == expected


def test_the_filter_counts_as_active():
    assert Filters(unreviewed_only=True).active and not Filters().active
