"""An ordinal indicator after an abbreviation's dot ('Sr.ª', 'n.º', '1.ª') is found as the
letter it is, without the dot: 'sra' found nothing in a Portuguese text of 'Sr.ª Silva'."""

from __future__ import annotations

import pytest

from alignment.search import Query, plain_finds, search
from alignment.types import Alignment, Bitext, Link, Sentence


def found(query: str, text: str) -> list[str]:
    """The parts of `text` a plain search for `query` highlights."""
    bitext = Bitext((Sentence(text, 0),), (Sentence("x", 0),),
                    Alignment((Link((0,), (0,), 1.0),)), "pt", "en")
    return [text[s.start:s.end] for s in search(bitext, Query(query, "src")).get(0, ())]


@pytest.mark.parametrize("query, text, hits", [
    ("sra", "A Sr.ª Silva e a Sra. Costa", ["Sr.ª", "Sra"]),
    ("SRA", "a SR.ª Silva", ["SR.ª"]),
    ("sr.ª", "A Sr.ª Silva e a Sra. Costa", ["Sr.ª", "Sra"]),
    ("sraª", "a Sr.ª", []),
    ("1a", "a 1.ª vez, o 1.º dia", ["1.ª"]),
    ("no", "o n.º 5", ["n.º"]),
    ("nº", "o n.º 5, o nº 6", ["n.º", "nº"]),
    ("ª", "Sr.ª", ["ª"]),
    ("sr", "o Sr. Costa e a Sr.ª Silva", ["Sr", "Sr."]),   # the dot dropped goes with the 'r'
    ("a.", "Sr.ª, fim.", []),                            # a dot elsewhere still counts
    ("sr. costa", "o Sr. Costa", ["Sr. Costa"]),
])
def test_an_ordinal_after_a_dot_is_found_as_its_letter(query, text, hits):
    assert found(query, text) == hits


def test_the_whole_abbreviation_is_highlighted_where_the_text_has_it():
    text = "Pois, Sr.ª Silva"
    bitext = Bitext((Sentence(text, 0),), (Sentence("x", 0),),
                    Alignment((Link((0,), (0,), 1.0),)), "pt", "en")
    assert [(s.start, s.end) for s in search(bitext, Query("sra", "src"))[0]] == [(6, 10)]


def test_the_glossary_box_reads_ordinals_alike():
    assert plain_finds("sra", "Sr.ª Silva") and plain_finds("sr.ª", "Sra.")
