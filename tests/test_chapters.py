"""Chapter matching (missing, split, merged chapters), aligning inside chapters, notes never
linked to text, the pipeline on two EPUB books; the deterministic hashing embedder throughout."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from alignment.chapters import (align_books, match_chapters, sentence_chapters, title_number,
                                unaligned_sentences)
from alignment.pipeline import align_documents
from alignment.read import read_bytes
from alignment.types import Chapter, Document, Sentence


def _words(rng: np.random.Generator, n: int) -> str:
    syll = ["ka", "lo", "mi", "ra", "tu", "ne", "so", "vi", "da", "pe", "gu", "zo"]
    return " ".join("".join(rng.choice(syll, size=rng.integers(2, 4))) for _ in range(n))


def _book(n_chapters: int, per: int, seed: int = 0) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    return [[_words(rng, int(rng.integers(6, 16))).capitalize() + "." for _ in range(per)]
            for _ in range(n_chapters)]


def _translate(sentence: str) -> str:
    """A stand-in translation the hashing embedder recognises: every word gets an ending."""
    return " ".join(w + "e" for w in sentence.rstrip(".").split()) + "."


def _flat(chapters: list[list[str]], titles: list[str]) -> tuple[list[Sentence], list[Chapter]]:
    sents, spans = [], []
    for title, chapter in zip(titles, chapters):
        spans.append(Chapter(title, len(sents), len(sents) + len(chapter)))
        sents.extend(Sentence(text, len(sents) + k) for k, text in enumerate(chapter))
    return sents, spans


def _check_cover(links, n: int, m: int) -> None:
    src = [i for link in links for i in link.src]
    tgt = [j for link in links for j in link.tgt]
    assert src == list(range(n)) and tgt == list(range(m))  # each once, in order


@pytest.mark.parametrize("title, number", [("Chapter 12", 12), ("CHAPITRE XIV.", 14),
                                           ("IV", 4), ("Kapitel 3: Der Brief", 3),
                                           ("Prologue", None), ("Ivan", None),
                                           ("第十二章 归来", 12), ("第3章", 3), ("第一回", 1),
                                           ("제12장", 12), ("Глава XII", 12), ("Vénus", None)])
def test_title_number(title, number):
    assert title_number(title) == number


def test_missing_split_and_merged_chapters(fake_embedder):
    book = _book(6, 12)
    src, src_ch = _flat(book, [f"Chapter {k + 1}" for k in range(6)])
    # translation: chapter 2 missing, chapter 4 split in two, chapters 5 and 6 merged
    tr = [[_translate(s) for s in ch] for ch in book]
    tgt_chapters = [tr[0], tr[2], tr[3][:6], tr[3][6:], tr[4] + tr[5]]
    tgt, tgt_ch = _flat(tgt_chapters, ["Chapitre 1", "Chapitre 3", "Chapitre 4", "Chapitre 4 (suite)",
                                       "Chapitre 5"])
    groups = match_chapters(src, tgt, src_ch, tgt_ch, embedder=fake_embedder)
    assert groups == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2, 3)), ((4, 5), (4,))]


def test_align_books_inside_chapters_and_notes_unaligned(fake_embedder):
    book = _book(4, 10, seed=1)
    src, src_ch = _flat(book, ["I", "II", "III", "IV"])
    tr = [[_translate(s) for s in ch] for ch in book]
    tr[1].append("Note du traducteur : ceci n'est pas dans l'original.")
    tgt, tgt_ch = _flat(tr, ["I", "II", "III", "IV"])
    note = tgt_ch[1].end - 1
    alignment = align_books(src, tgt, src_ch, tgt_ch, embedder=fake_embedder,
                            tgt_skip=frozenset({note}))
    _check_cover(alignment.links, len(src), len(tgt))
    one_to_one = {(link.src, link.tgt) for link in alignment.links}
    assert ((), (note,)) in one_to_one
    right = sum(((i,), (i + (i >= note),)) in one_to_one for i in range(len(src)))
    assert right >= 0.95 * len(src)
    assert ("chapters", "4/4") in alignment.signature.params


def test_chapters_that_do_not_match_fall_back_to_whole_books(fake_embedder):
    """Four chapters against a translation in one piece: no chapter pairing covers enough."""
    book = _book(4, 8, seed=2)
    src, src_ch = _flat(book, ["1", "2", "3", "4"])
    tgt, tgt_ch = _flat([[_translate(s) for ch in book for s in ch]], ["Le livre"])
    alignment = align_books(src, tgt, src_ch, tgt_ch, embedder=fake_embedder)
    assert any("aligned whole" in w for w in alignment.warnings)
    _check_cover(alignment.links, len(src), len(tgt))
    assert sum(link.src == link.tgt for link in alignment.links) >= 30


@settings(max_examples=15, deadline=None)
@example([1], [1, 1, 3], set(), {1})   # a left-out sentence alone in a chapter inside a group
@given(st.lists(st.integers(1, 6), min_size=1, max_size=4), st.lists(st.integers(1, 6), min_size=1,
       max_size=4), st.sets(st.integers(0, 23)), st.sets(st.integers(0, 23)))
def test_every_sentence_once_in_order(fake_embedder, src_sizes, tgt_sizes, src_skip, tgt_skip):
    """Any chapter shapes and left-out sentences: every sentence in exactly one link, in order."""
    book = _book(4, 6, seed=4)
    src, src_ch = _flat([ch[:size] for ch, size in zip(book, src_sizes)], list("abcd"))
    tgt, tgt_ch = _flat([[_translate(s) for s in ch[:size]] for ch, size in zip(book, tgt_sizes)],
                        list("abcd"))
    alignment = align_books(src, tgt, src_ch, tgt_ch, embedder=fake_embedder,
                            src_skip=frozenset(i for i in src_skip if i < len(src)),
                            tgt_skip=frozenset(j for j in tgt_skip if j < len(tgt)))
    _check_cover(alignment.links, len(src), len(tgt))


def test_sentence_chapters_cover_every_sentence():
    doc = Document(tuple(f"p{k}" for k in range(6)), chapters=(Chapter("One", 1, 3), Chapter("Empty", 3, 3),
                                                             Chapter("Two", 3, 6)),
                   roles=("front", "text", "text", "text", "text", "note"))
    sents = [Sentence(f"s{k}", p) for k, p in enumerate([0, 1, 1, 2, 4, 5])]
    assert sentence_chapters(doc, sents) == (Chapter("", 0, 1), Chapter("One", 1, 4), Chapter("Two", 4, 6))
    assert unaligned_sentences(doc, sents) == frozenset({0, 5})


def test_pipeline_aligns_two_epubs_by_chapter(fake_embedder):
    from test_read_formats import make_epub

    book = _book(3, 6, seed=5)
    en = [(f"Chapter {k + 1}", ch) for k, ch in enumerate(book)]
    fr = [(f"Chapitre {k + 1}", [_translate(s) for s in ch]) for k, ch in enumerate(book)]
    src = read_bytes(make_epub(en, lang="en"), source="en.epub")
    tgt = read_bytes(make_epub(fr, lang="fr", title="Un petit livre"), source="fr.epub")
    bitext = align_documents(src, tgt, src_lang="en", tgt_lang="fr", embedder=fake_embedder)
    _check_cover(bitext.alignment.links, len(bitext.src), len(bitext.tgt))
    assert ("chapters", "3/3") in bitext.alignment.signature.params
    pairs = {(bitext.link_text(i, "src"), bitext.link_text(i, "tgt"))
             for i in range(len(bitext.alignment.links))}
    assert sum((s, _translate(s)) in pairs for ch in book for s in ch) >= 17
    notes = [i for i, link in enumerate(bitext.alignment.links)
             if bitext.link_text(i, "src") == "A note on the first chapter."]
    assert notes and bitext.link_text(notes[0], "tgt") == "A note on the first chapter."  # notes pair


def test_book_runs_sliced_per_chapter_equal_runs_of_the_chapter_alone(fake_embedder):
    """The chapter aligner embeds each book once; a chapter's slice is what the chapter gives."""
    from alignment.chapters import _BookEmbedder

    texts = [s for ch in _book(3, 7, seed=6) for s in ch]
    other = [_translate(s) for s in texts]
    book = _BookEmbedder(fake_embedder, (texts, other), 6)
    for start, end in ((0, 7), (7, 14), (14, 21), (3, 5)):
        book.offsets = (start, start)
        for side in (texts, other):
            alone = fake_embedder.embed_runs(side[start:end], 6)
            assert np.allclose(book.embed_runs(side[start:end], 6), alone, atol=1e-5)
    assert np.allclose(book.embed(other[2:9]), fake_embedder.embed(other[2:9]), atol=1e-5)
    book.offsets = (-1, -1)  # texts that are no slice go to the embedder itself
    assert np.allclose(book.embed_runs(texts[5:1:-1], 3), fake_embedder.embed_runs(texts[5:1:-1], 3))


def test_a_sentence_moved_across_a_chapter_boundary_is_still_linked(fake_embedder):
    """The translation ends chapter 1 with the first sentence of chapter 2: the link crosses."""
    book = _book(3, 8, seed=7)
    src, src_ch = _flat(book, ["1", "2", "3"])
    tr = [[_translate(s) for s in ch] for ch in book]
    tr[0].append(tr[1].pop(0))
    tgt, tgt_ch = _flat(tr, ["1", "2", "3"])
    alignment = align_books(src, tgt, src_ch, tgt_ch, embedder=fake_embedder)
    _check_cover(alignment.links, len(src), len(tgt))
    pairs = {(link.src, link.tgt) for link in alignment.links}
    assert ((8,), (8,)) in pairs and all(link.src and link.tgt for link in alignment.links)


def test_boundaries_are_not_crossed_without_cause(fake_embedder):
    """A chapter missing in the translation leaves its sentences unaligned, nothing crosses."""
    book = _book(3, 8, seed=8)
    src, src_ch = _flat(book, ["1", "2", "3"])
    tgt, tgt_ch = _flat([[_translate(s) for s in ch] for ch in (book[0], book[2])], ["1", "3"])
    alignment = align_books(src, tgt, src_ch, tgt_ch, embedder=fake_embedder)
    assert [link.src for link in alignment.links if not link.tgt] == [(i,) for i in range(8, 16)] \
        or [link.src for link in alignment.links if not link.tgt] == [tuple(range(8, 16))]
