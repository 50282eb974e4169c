"""The reader's rows are drawn once per look (rows_html._row_html), not at every rerun, and a row
drawn from the cache is the row drawn anew: after a correction, a click, a search, a filter."""

from __future__ import annotations

from dataclasses import replace

import pytest

from alignment import browse, rows_html
from alignment.types import Alignment, Bitext, Finding, Link, Sentence, Span, WordLink


def canal(n: int = 12) -> Bitext:
    """A made-up text of n 1-1 links, three links a paragraph, with word links on each."""
    src = tuple(Sentence(f"La péniche {k} glisse sur le canal.", k // 3) for k in range(n))
    tgt = tuple(Sentence(f"Barge {k} glides along the canal.", k // 3) for k in range(n))
    words = (WordLink(0, 0, 0.9), WordLink(1, 1, 0.6))
    links = tuple(Link((k,), (k,), 0.95 if k % 4 else 0.4, False, words) for k in range(n))
    return Bitext(src, tgt, Alignment(links), "fr", "en")


def fresh(bitext: Bitext, ids, view: browse.View, monkeypatch) -> str:
    """The rows drawn without the cache (its function called directly)."""
    with monkeypatch.context() as m:
        m.setattr(rows_html, "_row_html", rows_html._row_html.__wrapped__)
        return browse.render_rows(bitext, ids, view)


def test_a_rerun_draws_only_the_row_that_changed():
    bitext = canal()
    ids = range(len(bitext.alignment.links))
    browse.render_rows(bitext, ids, browse.View(current=2))
    before = rows_html._row_html.cache_info().misses
    browse.render_rows(bitext, ids, browse.View(current=2))   # the same page again
    assert rows_html._row_html.cache_info().misses == before
    browse.render_rows(bitext, ids, browse.View(current=5))   # a click on another row
    assert rows_html._row_html.cache_info().misses == before + 2   # the rows 3 and 6 only


def views(bitext: Bitext) -> list[browse.View]:
    hits = {1: (Span("src", 3, 10),), 4: (Span("tgt", 0, 5),)}
    found = {2: (Finding(2, "numbers", "error", "2 ≠ 3 <here>", (Span("tgt", 6, 7),)),)}
    return [browse.View(), browse.View(current=0), browse.View(hits=hits),
            browse.View(findings=found, current=2), browse.View(threshold=0.0),
            browse.View(hidden="tgt", revealed=frozenset({1}), threshold=0.0, current=1),
            browse.View(words=0.5), browse.View(words=0.8, headings=frozenset({0, 3})),
            browse.View(notes={1: "Ask the client.", 3: ""})]


def corrections(bitext: Bitext) -> list[Bitext]:
    """Versions a person makes one after the other: each shares the rows it left alone."""
    out = [bitext]
    for step in (lambda b: browse.edit_target(b, 1, 0, "A barge glides on."),
                 lambda b: browse.mark_reviewed(b, 4, True),
                 lambda b: browse.merge(b, 5, "next"),
                 lambda b: browse.split(b, 5),
                 lambda b: browse.move(b, 2, "tgt", "next"),
                 lambda b: browse.mark_reviewed(b, 4, False)):
        out.append(step(out[-1]))
    return out


def test_rows_from_the_cache_are_the_rows_drawn_anew(monkeypatch):
    for bitext in corrections(canal()):
        ids = range(len(bitext.alignment.links))
        for view in views(bitext):
            assert browse.render_rows(bitext, ids, view) == fresh(bitext, ids, view, monkeypatch)


def test_an_edited_sentence_shows_at_once():
    bitext = canal()
    ids = range(len(bitext.alignment.links))
    assert "Barge 1 glides" in browse.render_rows(bitext, ids)
    edited = browse.edit_target(bitext, 1, 0, "A barge glides on.")
    rows = browse.render_rows(edited, ids)
    assert "A barge glides on." in rows and "Barge 1 glides" not in rows
    assert "Barge 1 glides" in browse.render_rows(bitext, ids)   # undone: as it was


@pytest.mark.parametrize("side", ["src", "tgt"])
def test_a_row_opens_a_paragraph_by_the_sentence_before_it(side):
    """The row's own link and sentences alike, the sentence before it in another paragraph:
    the row is drawn with the space above it (the cache keys on it, not on the link alone)."""
    bitext = canal()
    row = browse.render_row(bitext, 1)
    assert 'class="row"' in row
    sents = list(getattr(bitext, side))
    sents[0] = replace(sents[0], paragraph=-1)   # the sentence before link 1, alone
    moved = replace(bitext, **{side: tuple(sents)})
    assert moved.alignment.links[1] is bitext.alignment.links[1]
    assert 'class="row para"' in browse.render_row(moved, 1)
    assert 'class="row"' in browse.render_row(bitext, 1)


def test_the_language_of_the_text_is_drawn_not_the_one_before():
    bitext = canal()
    assert 'lang="en" dir="auto"' in browse.render_row(bitext, 0)
    arabic = replace(bitext, tgt_lang="ar")
    assert 'lang="ar" dir="rtl"' in browse.render_row(arabic, 0)
