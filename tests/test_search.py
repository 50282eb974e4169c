"""User searches: linear-time regular expressions (RE2), Unicode classes, clear refusals."""

from __future__ import annotations

import time

import pytest

from alignment.errors import SearchError
from alignment.search import Query, search, unicode_classes
from alignment.types import Alignment, Bitext, Link, Sentence

LONG = ("Les militants, qui savent se taire, se gardent de parler aux inconnus de leurs amis "
        "et de leurs réunions dans les cafés du quartier ou ailleurs")


def bitext(*pairs: tuple[str, str]) -> Bitext:
    src = tuple(Sentence(s, 0) for s, _ in pairs)
    tgt = tuple(Sentence(t, 0) for _, t in pairs)
    links = tuple(Link((i,), (i,), 1.0) for i in range(len(pairs)))
    return Bitext(src, tgt, Alignment(links), "fr", "en", "t")


@pytest.mark.parametrize("pattern", [r"(\w+\s?)+;", r"(a+)+$", r"(.*a){20}x", r"(x+x+)+y"])
def test_catastrophic_patterns_finish_at_once(pattern):
    text = bitext((LONG, "a" * 40 + "!"), ("x" * 60, "a" * 60))
    start = time.perf_counter()
    search(text, Query(pattern, regex=True))
    assert time.perf_counter() - start < 0.5  # Python's re needs minutes on the first two


@pytest.mark.parametrize("pattern, reason", [
    (r"(\w)\1", "back-references"),
    (r"(?<=le )chat", "look-around"),
    (r"chat(?= noir)", "look-around"),
])
def test_unsupported_syntax_is_a_clear_error(pattern, reason):
    with pytest.raises(SearchError, match=f"invalid regular expression.*{reason}.*untick"):
        search(bitext(("le chat", "the cat")), Query(pattern, regex=True))


@pytest.mark.parametrize("pattern, expected", [
    (r"\w+", ["Été", "déjà", "vu_2"]),
    (r"[\w-]+", ["Été", "déjà-vu_2"]),
    (r"\d+", ["٣", "12"]),
])
def test_unicode_word_and_digit_classes(pattern, expected):
    text = {r"\w+": "Été, déjà-vu_2", r"[\w-]+": "Été, déjà-vu_2", r"\d+": "٣ et 12"}[pattern]
    hits = search(bitext((text, "x")), Query(pattern, regex=True, side="src"))
    assert [text[s.start:s.end] for s in hits[0]] == expected


@pytest.mark.parametrize("pattern, expected", [
    (r"\w", r"[\p{L}\p{N}_]"),
    (r"[\w.]", r"[\p{L}\p{N}_.]"),
    (r"\\w", r"\\w"),          # an escaped backslash then a plain w
    (r"[]\w]", r"[]\p{L}\p{N}_]"),
    (r"\W\d", r"[^\p{L}\p{N}_]\p{Nd}"),
])
def test_unicode_classes_rewrite(pattern, expected):
    assert unicode_classes(pattern) == expected


def test_case_folding_and_offsets_on_accented_text():
    hits = search(bitext(("Éléphant et éléphant", "x")), Query("ÉLÉ", regex=True, side="src"))
    assert [(s.start, s.end) for s in hits[0]] == [(0, 3), (12, 15)]
    case = search(bitext(("Éléphant et éléphant", "x")),
                  Query("élé", regex=True, case=True, side="src"))
    assert [(s.start, s.end) for s in case[0]] == [(12, 15)]
