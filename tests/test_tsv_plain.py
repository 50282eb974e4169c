"""Our TSV is written without CSV quoting, so `cut -f2` gives the translation as it is, and
`alignment import` reads it back exactly; a spreadsheet's quoted TSV is still read."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.export import render_tsv
from alignment.import_pairs import read_pairs
from alignment.types import Alignment, Bitext, Link, Sentence

# pieces of sentences, quotes of every kind among them, at any place: start, middle, end
PIECES = ['"', '""', "'", "„", "“", "«", "»", "Oui", "Wait", ",", ".", "?", " ", "dit-il", "a"]


def _sentence() -> st.SearchStrategy[str]:
    """A text as a sentence is stored: one line, no spaces at its ends, no double space."""
    return st.lists(st.sampled_from(PIECES), max_size=8).map(lambda p: " ".join("".join(p).split()))


def pairs_bitext(pairs: list[tuple[str, str]]) -> Bitext:
    """A bitext of 1-1 links, or 1-0 / 0-1 where a side is empty."""
    src: list[Sentence] = []
    tgt: list[Sentence] = []
    links = []
    for k, (s, t) in enumerate(pairs):
        links.append(Link((len(src),) if s else (), (len(tgt),) if t else (), 0.9))
        src.extend([Sentence(s, k)] * bool(s))
        tgt.extend([Sentence(t, k)] * bool(t))
    return Bitext(tuple(src), tuple(tgt), Alignment(tuple(links)), "fr", "en")


def texts(bitext: Bitext) -> list[tuple[str, str]]:
    return [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt"))
            for i in range(len(bitext.alignment.links))]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_sentence(), _sentence()).filter(lambda p: p[0] or p[1]),
                min_size=1, max_size=6))
def test_our_tsv_reads_back_exactly(pairs: list[tuple[str, str]]) -> None:
    bitext = pairs_bitext(pairs)
    assert texts(read_pairs(render_tsv(bitext).encode(), "pairs.tsv")) == pairs


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_sentence(), _sentence()).filter(lambda p: p[0] or p[1]),
                min_size=1, max_size=6))
def test_cut_reads_each_column_as_it_is(pairs: list[tuple[str, str]]) -> None:
    """Written as it is, unless a sentence could pass for a spreadsheet's quoted cell (wholly in
    quotes, every quote inside doubled): none of a text's real sentences."""
    lines = render_tsv(pairs_bitext(pairs)).splitlines()[1:]
    for line, (s, t) in zip(lines, pairs):
        if '""' not in s + t:
            assert line.split("\t")[:2] == [s, t]


def test_dialogue_cells_are_not_quoted() -> None:
    said = ['"Have you eaten?" she asked me before greeting me.', '"Wait.', 'Come back."']
    orig = ["—¿Has comido? —me preguntó antes de saludarme.", "„Warte.", "Komm zurück.“"]
    text = render_tsv(pairs_bitext(list(zip(orig, said))))
    assert [line.split("\t")[1] for line in text.splitlines()[1:]] == said
    assert [line.split("\t")[0] for line in text.splitlines()[1:]] == orig


@pytest.mark.parametrize("data, expected", [
    # a spreadsheet's TSV: the cells holding quotes quoted, their quotes doubled
    ('fr\ten\n"""Oui,"" dit-il."\t"""Yes,"" he said."\nNon.\tNo.\n',
     [('"Oui," dit-il.', '"Yes," he said.'), ("Non.", "No.")]),
    # ... a cell holding a line break or a tab, in quotes
    ('fr\ten\n"Deux\nlignes."\tTwo lines.\n"Deux\tcolonnes"\tTwo columns\nFin.\tEnd.\n',
     [("Deux lignes.", "Two lines."), ("Deux colonnes", "Two columns"), ("Fin.", "End.")]),
    # ... every cell quoted (a writer set to quote all)
    ('"fr"\t"en"\n"Oui !"\t"Yes!"\n"Il dit ""non""."\t"He says ""no""."\n',
     [("Oui !", "Yes!"), ('Il dit "non".', 'He says "no".')]),
    # unquoted: a quote opens a sentence that ends a row below; csv read on across the tab and
    # the line break to the next quote and merged the two rows
    ('de\ten\tlink\tconfidence\n„Warte.\t"Wait.\t1-1\t0.900\nKomm zurück.“\tCome back."\t1-1\t0.900\n',
     [("„Warte.", '"Wait.'), ("Komm zurück.“", 'Come back."')]),
    ('fr\ten\n"Attends.\tWait.\nReviens."\tCome back.\n',
     [('"Attends.', "Wait."), ('Reviens."', "Come back.")]),
])
def test_tables_read_as_written(data: str, expected: list[tuple[str, str]]) -> None:
    assert texts(read_pairs(data.encode(), "pairs.tsv")) == expected


def test_an_old_quoted_export_still_reads_back() -> None:
    """Our TSV as it was written before (csv's excel-tab dialect: a cell holding a quote
    quoted) reads back as the pairs it held."""
    pairs = [('"Oui," dit-il.', '"Yes," he said.'), ("Il part.", "He leaves."), ("« Non. »", '"No."')]
    out = io.StringIO()
    csv.writer(out, dialect="excel-tab", lineterminator="\n").writerows(
        [("fr", "en", "link", "confidence"), *((s, t, "1-1", "0.900") for s, t in pairs)])
    assert texts(read_pairs(out.getvalue().encode(), "old.tsv")) == pairs
