"""What a reader of Arabic and Turkish types finds what the text writes: '950' the Arabic-Indic
'٩٥٠' (and '١٢٠٠' the ASCII '1200'), 'السوق' the word stretched by a kashida ('الســوق'), ','
'?' ';' the Arabic comma, question mark and semicolon; and a case-blind regular expression
finds the Turkish dotted and dotless i as the plain search does ('istanbul' found no
'İstanbul' with "Regular expression" ticked). The highlight covers the text's own characters."""

from __future__ import annotations

import pytest

from alignment.search import Query, plain_finds, search
from alignment.types import Alignment, Bitext, Link, Sentence


def found(query: str, text: str, *, regex: bool = False, case: bool = False) -> list[str]:
    """The parts of `text` a search for `query` highlights."""
    bitext = Bitext((Sentence(text, 0),), (Sentence("x", 0),),
                    Alignment((Link((0,), (0,), 1.0),)), "ar", "en")
    hits = search(bitext, Query(query, "src", regex=regex, case=case)).get(0, ())
    return [text[s.start:s.end] for s in hits]


@pytest.mark.parametrize("query, text, hits", [
    ("950", "كلّفت السجادة ٩٥٠ ليرة.", ["٩٥٠"]),              # Arabic-Indic digits
    ("950", "قیمت ۹۵۰ تومان است.", ["۹۵۰"]),                  # Extended (Persian) digits
    ("١٢٠٠", "It cost 1200 lira, not 120.", ["1200"]),          # typed in Arabic-Indic
    ("۱۲۰۰", "١٢٠٠ و 1200", ["١٢٠٠", "1200"]),
    ("السوق", "كان الســوق مزدحمًا، والسوق كبير.", ["الســوق", "السوق"]),   # kashida
    ("سو", "الســوق", ["ســو"]),                               # the kashidas inside kept
    ("الســوق", "السوق", ["السوق"]),                            # a kashida typed
    (",", "نعم، قال.", ["،"]),
    ("?", "هل أنت بخير؟", ["؟"]),
    (";", "أولًا؛ ثانيًا", ["؛"]),
    ("بخير?", "هل أنت بخير؟ نعم.", ["بخير؟"]),
    ("1,5", "١،٥ كيلو", ["١،٥"]),
])
def test_plain_search_finds_arabic_digits_kashida_and_punctuation(query, text, hits):
    assert found(query, text) == hits
    assert plain_finds(query, text)   # the glossary's search box too


@pytest.mark.parametrize("query, text, hits", [
    ("علي", "قال علی ثم على.", ["علی", "على"]),              # Persian ya, alef maqsura
    ("علی", "علي و على", ["علي", "على"]),                     # typed with the Persian ya
    ("کتاب", "هذا كتاب.", ["كتاب"]),                          # Persian kaf typed, Arabic found
    ("كتاب", "این کتاب است.", ["کتاب"]),
    ("یک", "يك ويك", ["يك", "يك"]),                             # both letters at once
    ("کتاب", "كتـــاب و كِتَاب", ["كتـــاب", "كِتَاب"]),       # kashida, vowels: spans kept
    ("3.5", "وزنه ٣٫٥ كيلو", ["٣٫٥"]),                        # Arabic decimal separator
    ("۳٫۵", "3.5 kg", ["3.5"]),                                # typed in Persian digits
    ("1,200", "١٬٢٠٠ ليرة و ۱٬۲۰۰ تومان", ["١٬٢٠٠", "۱٬۲۰۰"]),  # thousands separator
    ("2.5", "١٬٢ و ٢٫٥", ["٢٫٥"]),                             # the later hit's span exact
])
def test_persian_and_arabic_letter_and_separator_forms_find_each_other(query, text, hits):
    assert found(query, text) == hits
    assert plain_finds(query, text)


@pytest.mark.parametrize("query, text", [
    ("950", "٩٥١ ليرة"), ("السوق", "السرق"), (",", "نعم. لا"), ("?", "نعم!"),
    ("3.5", "٣٬٥"), ("1,200", "١٫٢٠٠"), ("کتاب", "كباب"), ("علی", "علن")])
def test_what_differs_is_still_not_found(query, text):
    assert found(query, text) == []


@pytest.mark.parametrize("query, text, hits", [
    ("istanbul", "İstanbul'da, ISTANBUL'da", ["İstanbul", "ISTANBUL"]),
    ("ILIK", "Su ılık, çok ILIK.", ["ılık", "ILIK"]),
    ("ışık", "IŞIK ve ışık", ["IŞIK", "ışık"]),
    ("İzmir", "izmir, IZMIR, İzmir", ["izmir", "IZMIR", "İzmir"]),
    (r"\bılık\b", "ılıklık, ILIK su", ["ILIK"]),            # a Unicode \b (the spread text)
    (r"[ıi]şık", "IŞIK", ["IŞIK"]),
    (r"is\w+", "İstanbul'da", ["İstanbul"]),
])
def test_a_case_blind_regular_expression_reads_turkish_i_as_the_plain_search(query, text, hits):
    assert found(query, text, regex=True) == hits
    if "\\" not in query and "[" not in query:
        assert found(query, text) == hits   # the plain search, as before


@pytest.mark.parametrize("query, text, hits", [
    ("istanbul", "İstanbul, istanbul", ["istanbul"]),
    ("ILIK", "ılık, ILIK", ["ILIK"]),
    ("ı", "ıiIİ", ["ı"]),
])
def test_match_case_keeps_them_apart(query, text, hits):
    assert found(query, text, regex=True, case=True) == hits
