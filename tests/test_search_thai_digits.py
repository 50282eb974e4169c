"""A reader of Thai types the ASCII digits for the Thai ones the text prints, or the other way
round: '20' found no '๒๐' and '๒๐' no '20', where the Arabic-Indic digits already folded."""

from __future__ import annotations

import pytest

from alignment.search import Query, plain_finds, search
from alignment.types import Alignment, Bitext, Link, Sentence


def found(query: str, text: str) -> list[str]:
    """The parts of `text` a plain search for `query` highlights."""
    bitext = Bitext((Sentence(text, 0),), (Sentence("x", 0),),
                    Alignment((Link((0,), (0,), 1.0),)), "th", "en")
    return [text[s.start:s.end] for s in search(bitext, Query(query, "src")).get(0, ())]


@pytest.mark.parametrize("query, text, hits", [
    ("20", "ในวันที่ ๒๐ ม.ค. อากาศหนาว", ["๒๐"]),
    ("๒๐", "ในวันที่ 20 ม.ค. อากาศหนาว", ["20"]),
    ("๒๐", "๒๐ และ 20", ["๒๐", "20"]),
    ("4.30", "ก่อนเวลา ๔.๓๐ น.", ["๔.๓๐"]),
    ("999 รูป", "พระสงฆ์ ๙๙๙ รูป", ["๙๙๙ รูป"]),
    ("๕๒ ปี", "อายุ 52 ปี", ["52 ปี"]),
])
def test_thai_and_ascii_digits_find_each_other(query: str, text: str, hits: list[str]) -> None:
    assert found(query, text) == hits
    assert plain_finds(query, text)   # the glossary's search box too


@pytest.mark.parametrize("query, text", [("20", "๒๑ ม.ค."), ("๒๐", "21 ม.ค."), ("5", "๔ ราย")])
def test_other_digits_are_not_found(query: str, text: str) -> None:
    assert found(query, text) == []
    assert not plain_finds(query, text)
