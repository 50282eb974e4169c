"""The checks never end in a traceback, whatever the text and languages (a proofreader's
file is never lost to a crash): a table of inputs that did or came near, then random short bitexts
of names, numbers, times and stray punctuation in the mission's languages, with and without
word links and word evidence (the deterministic fake embedder)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignment.checks import run_checks
from alignment.evidence import word_evidence
from alignment.number_words import spelled
from alignment.types import Alignment, Bitext, Link, Sentence
from alignment.word_lists import speller_for
from alignment.words import link_bitext


def one_link(src: str, tgt: str, langs: tuple[str, str]) -> Bitext:
    return Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,)),)), *langs)


@pytest.mark.parametrize("src, tgt, langs", [
    # pyspellchecker with no language code has no words: its frequencies divided by zero
    ("Rome and Athens, 1925.", "Rome et Athènes, 1925.", ("en", "")),
    ("Rome et Athènes.", "Rome and Athens.", ("", "ja")),
    # num2words has no Polish ordinal for 0 (IndexError); its Korean ordinals fail on some
    # numbers (KeyError, already caught)
    # (a number on one side only is looked for in words on the other)
    ("There were 0 people.", "Nie było nikogo.", ("en", "pl")),
    ("There were 3500 people.", "사람이 많았다.", ("en", "ko")),
])
def test_inputs_that_once_raised(fake_embedder, src: str, tgt: str, langs: tuple[str, str]) -> None:
    bitext = link_bitext(one_link(src, tgt, langs), embedder=fake_embedder)
    run_checks(bitext, evidence=word_evidence(bitext, fake_embedder))


def test_no_language_means_no_word_list() -> None:
    assert speller_for("") is None
    assert speller_for("en") is not None


def test_a_number_num2words_fails_on_keeps_its_other_form() -> None:
    # the Polish ordinal of 0 fails in num2words; the cardinal 'zero' still counts
    assert spelled(Decimal(0), "Było zero osób.", "pl")
    assert not spelled(Decimal(0), "Było pięć osób.", "pl")


WORDS = ("Rome Athènes Athens et and ou the la de of Alice dit said 16 h 40 4:40 pm 12h30 1925 "
         "mars March 1er 2e 0 00 3,500 3.500 ½ % M. Mme Dr. s. XIX EE. UU. Berg Gletscher "
         "INTRODUCTION CHAPTER II « » — - ' ’ \" ( ) . , ; : ! ? … 中文 日本 😀").split()
LANGS = ("fr", "en", "de", "es", "it", "pt", "nl", "pl", "ru", "zh", "ja", "ko", "ar", "tr", "xx", "")
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(" ".join)


@st.composite
def bitexts(draw: st.DrawFn) -> Bitext:
    """2-5 sentences a side in links of 0-2 sentences a side (every sentence once, in order)."""
    src = draw(st.lists(sentence, min_size=1, max_size=5))
    tgt = draw(st.lists(sentence, min_size=1, max_size=5))
    links, i, j = [], 0, 0
    while i < len(src) or j < len(tgt):
        a = draw(st.integers(0, min(2, len(src) - i)))
        b = draw(st.integers(0 if a else 1, min(2, len(tgt) - j))) if j < len(tgt) else 0
        if a == b == 0:
            a = 1
        links.append(Link(tuple(range(i, i + a)), tuple(range(j, j + b)), draw(st.floats(0, 1))))
        i, j = i + a, j + b
    return Bitext(tuple(map(Sentence, src)), tuple(map(Sentence, tgt)), Alignment(tuple(links)),
                  draw(st.sampled_from(LANGS)), draw(st.sampled_from(LANGS)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bitext=bitexts(), words=st.booleans(), evidence=st.booleans())
def test_the_checks_never_raise(fake_embedder, bitext: Bitext, words: bool, evidence: bool) -> None:
    if words:
        bitext = link_bitext(bitext, embedder=fake_embedder)
    findings = run_checks(bitext, evidence=word_evidence(bitext, fake_embedder) if evidence else None)
    assert all(0 <= f.link < len(bitext.alignment.links) for f in findings)
