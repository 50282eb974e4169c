"""Turkish (and Azerbaijani) words: their casing in word links and spelling, the HMM step on a text
whose word order differs, and the glossary's function words and names with an apostrophe ending."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from alignment.glossary import glossary
from alignment.glossary_vocab import is_function_pair, is_vocabulary
from alignment.types import Alignment, Bitext, Link, Sentence, WordLink
from alignment.word_similarity import similarity
from alignment.word_tokens import lower
from alignment.words import DEFAULT_CONFIG, link_bitext, link_tokens_of, score_pairs


class SynonymEmbedder:
    """Words of one group of SYNONYMS share a vector; every other string gets its own, all
    orthogonal: a stand-in for the encoder that knows 'ışık' is 'light' and not 'işik'."""

    name, version = "synonyms", "1"

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self.group = {w: k for k, words in enumerate(groups) for w in words}
        self.other: dict[str, int] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 256), dtype=np.float32)
        for r, t in enumerate(texts):
            k = self.group.get(t)
            out[r, k if k is not None else 64 + self.other.setdefault(t, len(self.other))] = 1.0
        return out


GROUPS = [("the",), ("light", "ışık"), ("was",), ("bright", "parlaktı"), (".",), ("istanbul",),
          ("in",), ("da",)]


def _bitext(pairs: Sequence[tuple[str, str]], langs: str = "en-tr") -> Bitext:
    links = tuple(Link((k,), (k,)) for k in range(len(pairs)))
    return Bitext(tuple(Sentence(s) for s, _ in pairs), tuple(Sentence(t) for _, t in pairs),
                  Alignment(links), *langs.split("-"))


def _linked_words(bitext: Bitext) -> list[set[tuple[str, str]]]:
    out = []
    for k, link in enumerate(bitext.alignment.links):
        src, tgt = link_tokens_of(bitext, k)
        out.append({(src[w.src].text, tgt[w.tgt].text) for w in link.words})
    return out


@pytest.mark.parametrize("word, lang, expected", [
    ("IŞIK", "tr", "ışık"),
    ("İSTANBUL", "tr", "istanbul"),
    ("İstanbul'DA", "tr-TR", "istanbul'da"),
    ("KIZ", "az", "kız"),
    ("LIGHT", "en", "light"),     # other languages as str.lower
    ("IŞIK", "en", "işik"),
])
def test_lower_reads_dotted_and_dotless_i_as_turkish_writes_them(word: str, lang: str,
                                                                expected: str) -> None:
    assert lower(word, lang) == expected


@pytest.mark.parametrize("a, b", [("IŞIK", "ışık"), ("KIZ", "kız"), ("İSTANBUL", "istanbul")])
def test_a_word_in_capitals_is_spelt_as_its_lower_case_form(a: str, b: str) -> None:
    assert similarity(a, b) == 1.0


@pytest.mark.parametrize("tr", ["IŞIK parlaktı.", "ışık parlaktı.", "Işık parlaktı."])
def test_a_turkish_word_in_capitals_links_to_its_translation(tr: str) -> None:
    bitext = _bitext([("The light was bright.", tr), ("The light was bright.", "ışık parlaktı.")])
    linked = _linked_words(link_bitext(bitext, embedder=SynonymEmbedder(GROUPS)))
    light = tr.split()[0]
    assert ("light", light) in linked[0]
    assert ("The", light) not in linked[0]


def test_other_languages_reach_the_linker_as_they_are() -> None:
    """Only Turkish and Azerbaijani tokens are lowered before linking (the cache keys of every
    other text stay as they were)."""
    seen = []

    def linker(tokens, **_):
        seen.extend(tokens)
        return [() for _ in tokens]

    link_bitext(_bitext([("The LIGHT.", "La LUMIÈRE.")], "en-fr"), embedder=None, linker=linker)
    link_bitext(_bitext([("The LIGHT.", "IŞIK.")], "en-tr"), embedder=None, linker=linker)
    assert [[t.text for t in side] for side in seen[0]] == [["The", "LIGHT", "."], ["La", "LUMIÈRE", "."]]
    assert [[t.text for t in side] for side in seen[1]] == [["The", "LIGHT", "."], ["ışık", "."]]


@pytest.mark.parametrize("reordered", [True, False])
def test_the_hmm_step_is_left_out_where_the_word_order_differs(reordered: bool) -> None:
    """The HMM step's jumps favour a monotone order: where a text's surest pairs lie far apart
    (its position priors are off), its scores are IBM-1's alone; a text in the same order
    keeps the step. Turkish 'wrote in her diary' / 'günlüğüne yazdı' crossed with it."""
    embedder = SynonymEmbedder([("a", "x"), ("b", "y"), ("c", "z"), ("d", "w")])
    src = [["a", "b", "q", "c", "d"], ["d", "q", "c", "b", "a"], ["a", "c", "q", "b", "d"]]
    tgt = [["x", "y", "p", "z", "w"], ["w", "z", "p", "y", "x"], ["x", "z", "p", "y", "w"]]
    pairs = [(s, t[::-1] if reordered else t) for s, t in zip(src, tgt)]
    scores = score_pairs(pairs, embedder=embedder)
    ibm1 = score_pairs(pairs, embedder=embedder, config=replace(DEFAULT_CONFIG, em_hmm=0))
    same = all(np.allclose(a, b, atol=1e-4) for a, b in zip(scores, ibm1))
    assert same == reordered


def _glossary_bitext(pairs: Sequence[tuple[str, str, Sequence[tuple[str, str]]]]) -> Bitext:
    """Links of (english, turkish, word pairs as the tokens read)."""
    bare = _bitext([(s, t) for s, t, _ in pairs])
    links = []
    for k, (_, _, words) in enumerate(pairs):
        s, t = ([tok.text for tok in side] for side in link_tokens_of(bare, k))
        links.append(Link((k,), (k,), words=tuple(WordLink(s.index(a), t.index(b), 0.95)
                                                   for a, b in words)))
    return Bitext(bare.src, bare.tgt, Alignment(tuple(links)), "en", "tr")


@pytest.mark.parametrize("src, tgt, lang", [
    ("a", "bir", "tr"), ("and", "ve", "tr"), ("we", "biz", "tr"), ("in", "da", "tr"),
    ("and", "oraz", "pl"), ("but", "ale", "pl"), ("the", "的", "zh"), ("and", "そして", "ja"),
    ("and", "그리고", "ko"),
])
def test_every_language_has_function_words(src: str, tgt: str, lang: str) -> None:
    assert is_function_pair(src, tgt, "en", lang)


@pytest.mark.parametrize("word, lang", [
    ("ışık", "tr"), ("dom", "pl"), ("书", "zh"), ("本", "ja"), ("책", "ko"),
])
def test_a_content_word_is_vocabulary_and_no_function_word_of_its_own(word: str, lang: str) -> None:
    """Each language's list tells content words too: 'the' linked to one is no entry."""
    assert is_vocabulary("book", word, "en", lang)
    assert not is_function_pair("the", word, "en", lang)
    assert not is_vocabulary("the", word, "en", lang)


def test_a_turkish_glossary_leaves_out_function_word_pairs() -> None:
    bitext = _glossary_bitext([
        ("A cat and a dog.", "Bir kedi ve bir köpek.", [("A", "Bir"), ("cat", "kedi"), ("and", "ve"),
                                                       ("dog", "köpek")]),
        ("We saw it in Istanbul.", "Biz onu İstanbul'da gördük.", [("We", "Biz"), ("saw", "gördük"),
                                                                  ("in", "da")]),
    ])
    assert {(e.src, e.tgt) for e in glossary(bitext)} == {("cat", "kedi"), ("dog", "köpek"),
                                                         ("saw", "gördük")}


def test_a_turkish_name_with_an_apostrophe_ending_is_the_name() -> None:
    bitext = _glossary_bitext([
        ("THE MARKET IN ISTANBUL", "İSTANBUL'DA PAZAR", [("ISTANBUL", "İSTANBUL'")]),
        ("She flew from Amman to Istanbul.", "Amman'dan İstanbul'a uçtu.",
         [("Amman", "Amman'"), ("Istanbul", "İstanbul'")]),
        ("Istanbul is a city of light.", "İstanbul ışık şehridir.", [("Istanbul", "İstanbul")]),
        ("They flew back to Amman.", "Amman'a geri uçtular.", [("Amman", "Amman'")]),
    ])
    rows = {(e.src, e.tgt): e.count for e in glossary(bitext, names=True)}
    assert rows == {("Istanbul", "İstanbul"): 3, ("Amman", "Amman"): 2}


def test_a_turkish_word_in_capitals_is_one_row_with_its_lower_case_form() -> None:
    bitext = _glossary_bitext([
        ("The light was bright.", "IŞIK parlaktı.", [("light", "IŞIK")]),
        ("A city of light.", "Bir ışık şehri.", [("light", "ışık")]),
    ])
    assert [(e.src, e.tgt, e.count) for e in glossary(bitext)] == [("light", "ışık", 2)]
