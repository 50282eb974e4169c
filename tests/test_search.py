"""User searches: linear-time regular expressions (RE2), Unicode classes, clear refusals."""

from __future__ import annotations

import re
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


# RE2's \b and \B see only ASCII letters: "\bcafé\b" found nothing, while Python's re finds it.
SAMPLE = "Le dimanche, ils parlent au café du village. Les cafés ferment tôt l'été."


@pytest.mark.parametrize("pattern, text, expected", [
    (r"\bcafé\b", SAMPLE, [(28, 32)]),
    (r"\bété\b", SAMPLE, [(69, 72)]),
    (r"\bété\b", "été, étés, l'été", [(0, 3), (13, 16)]),
    (r"caf\w\b", SAMPLE, [(28, 32)]),
    (r"\Bfé", "café éfé fé", [(2, 4), (6, 8)]),        # inside a word only
    (r"\bé\b", "é é é", [(0, 1), (2, 3), (4, 5)]),     # matches that touch are all found
    (r"\b\w+\b", "Été déjà-vu ٣٤", [(0, 3), (4, 8), (9, 11), (12, 14)]),
    (r"\bpont\b", "Le pont, pontage pont", [(3, 7), (17, 21)]),   # ASCII: as before
    (r"\\b", "a\\b b", [(1, 3)]),                      # a backslash then b, no boundary
    (r"(?m)^\w+\b$", "un\nété\n\nfin", [(0, 2), (3, 6), (8, 11)]),
    (r"\Bé+", "abéé", [(2, 4)]),
])
def test_word_boundaries_are_unicode(pattern, text, expected):
    hits = search(bitext((text, "x")), Query(pattern, regex=True, side="src", case=True))
    assert [(s.start, s.end) for s in hits.get(0, ())] == expected
    assert expected == [m.span() for m in re.finditer(pattern, text)]  # as Python


def test_word_boundaries_ignore_case_and_search_all_versions():
    from alignment.types import Version
    from alignment.versions import join
    from alignment.versions_compare import search_rows

    hits = search(bitext(("x", "Tout l'Été")), Query(r"\bété\b", regex=True))
    assert [(s.side, s.start, s.end) for s in hits[0]] == [("tgt", 7, 10)]
    texts = (Version("fr", "fr", (Sentence("Au café."),)),
             Version("de", "de", (Sentence("Im Café."),)))
    vs = join(texts, [Alignment((Link((0,), (0,), 1.0),))])
    assert search_rows(vs, r"\bcafé\b", regex=True) == {0: ((0, 3, 7), (1, 3, 7))}


def test_a_catastrophic_pattern_with_word_boundaries_finishes_at_once():
    # The first branch makes Python's re backtrack for minutes at each word of LONG.
    text = bitext((LONG + " en été", "x"))
    start = time.perf_counter()
    hits = search(text, Query(r"\b(\w+\s?)+;|\bété\b", regex=True, side="src"))
    assert time.perf_counter() - start < 5   # minutes if it backtracked; milliseconds here
    assert [(s.start, s.end) for s in hits[0]] == [(len(LONG) + 4, len(LONG) + 7)]


@pytest.mark.parametrize("query, text, found", [
    ("1898", "Né en １８９８, mort en 1960.", ["１８９８"]),           # full-width digits
    ("ア", "ｱﾒﾘｶとアジア", ["ｱ", "ア", "ア"]),                        # half-width katakana
    ("ёлка", "Елка и ёлка", ["Елка", "ёлка"]),                         # ё printed as е
    ("елка", "Ёлка", ["Ёлка"]),
    ("موسكو", "في مُوسْكُو اليوم", ["مُوسْكُو"]),                        # vowelled Arabic, marks kept
    ("שלום", "שָׁלוֹם לכם", ["שָׁלוֹם"]),                                  # pointed Hebrew
    ("strasse", "Die Straße, STRASSE.", ["Straße", "STRASSE"]),        # ß case-folds to ss
    ("fin", "La ﬁn du ﬁlm.", ["ﬁn"]),                                  # a ligature
    ("été", "L'été, ÉTÉ, ete.", ["été", "ÉTÉ"]),                       # accents still count
    ("pont", "Le Pont, le pont.", ["Pont", "pont"]),
    # Turkish i with and without its dot, as the case-blind search found them before
    ("istanbul", "İstanbul'a, İSTANBUL, Istanbul", ["İstanbul", "İSTANBUL", "Istanbul"]),
    ("İstanbul", "Istanbul", ["Istanbul"]), ("ILIK", "ılık", ["ılık"]), ("IĞDIR", "Iğdır", ["Iğdır"]),
    # a maqaf is punctuation, not an optional mark; a lone vowel mark is looked for as typed
    ("־", "בית־ספר", ["־"]), ("ביתספר", "בית־ספר", []), ("\u064f", "مُوسْكُو", ["\u064f", "\u064f"]),
    # a query without accents finds the letters with them; one typed with an accent, that one only
    ("Muller", "Herr Müller, MÜLLER, Muller", ["Müller", "MÜLLER", "Muller"]),
    ("ete", "L'été, ÉTÉ, ete.", ["été", "ÉTÉ", "ete"]),
    ("FRUHLING", "Der FRÜHLING, der Frühling", ["FRÜHLING", "Frühling"]),
    ("a", "a à â", ["a", "à", "â"]), ("à", "a à â", ["à"]),
    ("Muller", "Herr Mu\u0308ller.", ["Mu\u0308ller"]),           # an accent written apart (NFD)
    ("Lodz", "Łódź", ["Łódź"]), ("Łodz", "Lodz", []),
    ("и", "мой", []), ("カ", "ガ ｶﾞ", []),                            # letters of their own
    # Arabic letter forms: hamza on alef or not, ta marbuta, alef maqsura, hamza on waw
    ("احمد", "قال أحمد وإحمد وآحمد", ["أحمد", "إحمد", "آحمد"]),
    ("فاطمه", "جاءت فاطمة", ["فاطمة"]), ("علي", "على", ["على"]), ("مسوول", "مسؤول", ["مسؤول"]),
    ("أحمد", "احمد", ["احمد"]),
    # half-width katakana write the voicing mark apart: composed with its letter
    ("ﾎﾟｰﾙ", "ポールとﾎﾟｰﾙ", ["ポール", "ﾎﾟｰﾙ"]), ("ポール", "ﾎﾟｰﾙさん", ["ﾎﾟｰﾙ"]),
    ("ガ", "ｶﾞｽ", ["ｶﾞ"]), ("ホ", "ﾎﾟｰﾙ ホ", ["ホ"]), ("ガ", "カ\u3099", ["カ\u3099"]),
    # a query typed with accents finds its letters written apart (NFD, as an imported TSV keeps
    # them), and one typed apart finds them composed; an accent still counts
    ("été", "L'e\u0301te\u0301 et ete", ["e\u0301te\u0301"]),
    ("Müller", "Herr Mu\u0308ller, MU\u0308LLER", ["Mu\u0308ller", "MU\u0308LLER"]),
    ("à", "a\u0300 la, a la, à", ["a\u0300", "à"]), ("Élise", "E\u0301lise", ["E\u0301lise"]),
    ("e\u0301te\u0301", "L'été, ete", ["été"]), ("é", "e\u0301 e\u0300", ["e\u0301"]),
    ("ẹ́", "e\u0301\u0323 e\u0323", ["e\u0301\u0323"]),          # marks in either order
    # typographic apostrophes are a straight one, both ways; 'oe' and 'ae' the ligatures
    ("l'été", "Dans l’été, l'été, lʼété, l‘été", ["l’été", "l'été", "lʼété", "l‘été"]),
    ("l’ete", "l'ete, l’été", ["l'ete", "l’été"]),
    ("soeur", "Ma sœur, SŒUR, soeur", ["sœur", "SŒUR", "soeur"]), ("sœur", "soeur", ["soeur"]),
    ("oeil", "l’œil", ["œil"]), ("oe", "cœur", ["œ"]), ("e", "cœur", ["œ"]),
    ("caecum", "cæcum, Cæcum", ["cæcum", "Cæcum"]), ("ae", "ǣ æ", ["ǣ", "æ"]),
    # quotation marks are a straight double quote, both ways
    ('"清风楼"', '名叫“清风楼”，「清风楼」『清风楼』"清风楼"', ["“清风楼”", "「清风楼」", "『清风楼』", '"清风楼"']),
    ('"Paris"', "«Paris», „Paris“, ＂Paris＂", ["«Paris»", "„Paris“", "＂Paris＂"]),
    ("“清风楼”", '叫"清风楼"', ['"清风楼"']), ("「", "“清”", ["“", "”"]),
])
def test_plain_search_finds_what_a_reader_types(query, text, found):
    """A learner types what the keyboard gives: '1898' did not find '１８９８', 'ア' not 'ｱ',
    'ёлка' not 'Елка', 'موسكو' not the vowelled word. The hits are spans of the text itself."""
    hits = search(bitext((text, "x")), Query(query, side="src"))
    assert [text[s.start:s.end] for s in hits.get(0, ())] == found


def test_accents_fold_in_plain_search_only_and_keep_offsets():
    text = "Mu\u0308ller et Müller."
    hits = search(bitext((text, "x")), Query("MULLER", side="src"))
    assert [(s.start, s.end) for s in hits[0]] == [(0, 7), (11, 17)]
    case = search(bitext(("Müller, MÜLLER", "x")), Query("Muller", case=True, side="src"))
    assert [(s.start, s.end) for s in case[0]] == [(0, 6)]
    assert search(bitext(("Müller", "x")), Query("Muller", regex=True, side="src")) == {}
    kana = search(bitext(("ｶﾞｽとﾎﾟｰﾙ", "x")), Query("ポール", side="src"))
    assert [(s.start, s.end) for s in kana[0]] == [(4, 8)]


def test_plain_search_with_case_folds_the_rest_only():
    hits = search(bitext(("Le Pont, le pont, le ＰＯＮＴ.", "x")), Query("Pont", case=True, side="src"))
    assert [(s.start, s.end) for s in hits[0]] == [(3, 7)]
    full = search(bitext(("ＰＯＮＴ et Pont", "x")), Query("PONT", case=True, side="src"))
    assert [(s.start, s.end) for s in full[0]] == [(0, 4)]


@pytest.mark.parametrize("query, text, spans", [
    ("ete", "L'e\u0301te\u0301.", [(2, 7)]),              # the marks highlighted with their letters
    ("été", "Un e\u0301te\u0301 ou été", [(3, 8), (12, 15)]),
    ("sœur", "sa soeur, ma sœur", [(3, 8), (13, 17)]),
    ("soe", "sœur", [(0, 2)]),                             # a part of a ligature takes all of it
    ("l'", "l’œuvre", [(0, 2)]),
])
def test_composed_letters_and_ligatures_keep_offsets(query, text, spans):
    hits = search(bitext((text, "x")), Query(query, side="src"))
    assert [(s.start, s.end) for s in hits.get(0, ())] == spans


@pytest.mark.parametrize("query, text, found", [
    ("muller", "Müller", True), ("elise", "Élise", True), ("ete", "l’été", True),
    ("rhone", "Rhône", True), ("été", "e\u0301te\u0301", True), ("soeur", "sœur", True),
    ("احمد", "أَحْمَدُ", True), ("ابراهيم", "إبراهيم", True), ("مدرسه", "المدرسة", True),
    ("istanbul", "İstanbul", True), ("été", "ete", False), ("pont", "Lyon", False),
    ('"清风楼"', "名叫“清风楼”。", True), ('"清风楼"', "清风楼", False),
])
def test_plain_finds_folds_as_the_search_does(query, text, found):
    """The glossary's search box compared lowered strings: 'muller' missed 'Müller'."""
    from alignment.search import plain_finds

    assert plain_finds(query, text) is found
