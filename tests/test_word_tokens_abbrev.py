"""Tokens of abbreviations, Dutch elided words and Italian 'po'' (word_tokens.tokenize).

A language teacher's glossary linked 'bijv.' to 'e' (of 'e.g.'), gave 'uur' a meaning 'm' (of
'a.m.') and listed "'s-Hertogenbosch" as 's-Hertogenbosch: these were cut into letters and
marks. Beside each unit kept whole, a row where the same letters must stay apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment.word_tokens import tokenize


def _texts(text: str) -> list[str]:
    tokens = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    return [t.text for t in tokens]


@pytest.mark.parametrize("text, expected", [
    # Dutch elided words: a place name in one piece, "'s" and "'t" words of their own
    ("Hij woont in 's-Hertogenbosch.", ["Hij", "woont", "in", "'s-Hertogenbosch", "."]),
    ("Naar 's-Gravenhage, zei hij.", ["Naar", "'s-Gravenhage", ",", "zei", "hij", "."]),
    ("'s Avonds las hij.", ["'s", "Avonds", "las", "hij", "."]),
    ("Hij dronk 's morgens koffie.", ["Hij", "dronk", "'s", "morgens", "koffie", "."]),
    ("'t Is koud.", ["'t", "Is", "koud", "."]),
    ("Ik weet ’t.", ["Ik", "weet", "’t", "."]),
    ("'k Weet het niet.", ["'k", "Weet", "het", "niet", "."]),
    # ... as in pre-tokenized English ("don 't"); a quoted letter stays a letter in quotes
    ("Well , don 't fall .", ["Well", ",", "don", "'t", "fall", "."]),
    ("The letter 's' here.", ["The", "letter", "'", "s", "'", "here", "."]),
    ("It's his.", ["It", "'s", "his", "."]),
    # Italian 'po'' is poco cut short: the apostrophe is part of it; 'l'' stays an elision
    ("Dammi un po' di pane.", ["Dammi", "un", "po'", "di", "pane", "."]),
    ("Aspetta un po’.", ["Aspetta", "un", "po’", "."]),
    ("Un po' alla volta.", ["Un", "po'", "alla", "volta", "."]),
    ("L'uomo dell'arte.", ["L'", "uomo", "dell'", "arte", "."]),
    ("the boys' toys", ["the", "boys", "'", "toys"]),
])
def test_elided_and_truncated_words(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # letters with stops are one abbreviation
    ("Fruit, e.g. apples.", ["Fruit", ",", "e.g.", "apples", "."]),
    ("That is, i.e. no.", ["That", "is", ",", "i.e.", "no", "."]),
    ("We met at 9 a.m. and 5 p.m.", ["We", "met", "at", "9", "a.m.", "and", "5", "p.m."]),
    ("Hij kocht o.a. brood.", ["Hij", "kocht", "o.a.", "brood", "."]),
    ("Het was m.b.t. de reis.", ["Het", "was", "m.b.t.", "de", "reis", "."]),
    ("Obst, z.B. Äpfel, d.h. Obst.", ["Obst", ",", "z.B.", "Äpfel", ",", "d.h.", "Obst", "."]),
    ("C'erano p.es. studenti.", ["C'", "erano", "p.es.", "studenti", "."]),
    # abbreviations spelt like no word keep their stop
    ("Bijv. appels, dhr. Jansen enz.", ["Bijv.", "appels", ",", "dhr.", "Jansen", "enz."]),
    ("Il Sig. Rossi e il dott. Verdi.", ["Il", "Sig.", "Rossi", "e", "il", "dott.", "Verdi", "."]),
    ("La Sig.ra Bianchi e la dott.ssa Neri.",
     ["La", "Sig.ra", "Bianchi", "e", "la", "dott.ssa", "Neri", "."]),
    ("Es kam Nr. 5, vgl. Seite 3.", ["Es", "kam", "Nr.", "5", ",", "vgl.", "Seite", "3", "."]),
    # ... not a word that ends a sentence, a title also written without a stop ('Mr Smith'),
    # an ellipsis, a web address or an ordinal
    ("Mr. Smith met Mr Jones.", ["Mr", ".", "Smith", "met", "Mr", "Jones", "."]),
    ("He wore a cap. Ils étaient sept.", ["He", "wore", "a", "cap", ".", "Ils", "étaient", "sept",
                                          "."]),
    ("Ik zag Jan. C'est mon prof.", ["Ik", "zag", "Jan", ".", "C'", "est", "mon", "prof", "."]),
    ("Libri, quaderni ecc...", ["Libri", ",", "quaderni", "ecc", "..."]),
    ("Visit www.example.com.", ["Visit", "www", ".", "example", ".", "com", "."]),
    ("He came 1st.", ["He", "came", "1", "st", "."]),   # as before: no "st." token
    ("Le chat. Il dort.", ["Le", "chat", ".", "Il", "dort", "."]),
])
def test_abbreviations_are_one_token(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_alibi_gold_tokens_read_again_as_they_were(bench_dir: Path) -> None:
    """The Alibi gold's own 'éd.', "'s" and "'t" come back whole from its text tokenized again
    (a line of its tokens joined by spaces); French elisions before a space ("l' auberge") do
    not, as before."""
    alibi = bench_dir / "alibi"
    if not alibi.is_dir():
        pytest.skip("../shared/bench/alibi is not present")
    kept = {"éd.": 0, "'s": 0, "'t": 0}
    seen = dict.fromkeys(kept, 0)
    for path in sorted(alibi.glob("*/*_sents.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            gold = line.partition("\t")[2].split()
            got = {t.text for t in tokenize(" ".join(gold))}
            for word in kept:
                seen[word] += word in gold
                kept[word] += word in gold and word in got
    assert all(seen.values()) and kept == seen
