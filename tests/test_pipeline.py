"""The pipeline glue: presplit input, language codes, documents -> Bitext, Vecalign output."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.errors import InputError, UnknownComponent, UnsupportedLanguage
from alignment.pipeline import (align_documents, align_sentences, check_language,
                                format_vecalign, sentences_from_lines)
from alignment.types import Alignment, Bitext, Document, Link, Sentence

FR = [
    "Le pont de pierre enjambe la Vire depuis 1702.",
    "Il compte sept arches et mesure 84 mètres.",
    "En 1910, une crue emporta la troisième arche.",
    "La réparation coûta 38 000 francs.",
]
EN = [
    "The stone bridge has spanned the Vire since 1702.",
    "It has seven arches and is 84 metres long.",
    "In 1910, a flood swept away the third arch.",
    "The repair cost 38,000 francs.",
]


def covered_in_order(links: tuple[Link, ...], n: int, m: int) -> bool:
    src = [i for link in links for i in link.src]
    tgt = [j for link in links for j in link.tgt]
    return src == list(range(n)) and tgt == list(range(m))


@pytest.mark.parametrize("lines, texts, paragraphs", [
    (["a", "b", "c"], ["a", "b", "c"], [0, 0, 0]),
    (["a", "", "b", "c"], ["a", "b", "c"], [0, 1, 1]),
    (["a", "<P>", "b", "", "", "c"], ["a", "b", "c"], [0, 1, 2]),
    (["", "  a  ", "b", ""], ["a", "b"], [0, 0]),
])
def test_sentences_from_lines(lines, texts, paragraphs):
    sents = sentences_from_lines(lines)
    assert [s.text for s in sents] == texts
    assert [s.paragraph for s in sents] == paragraphs


@pytest.mark.parametrize("lines", [[], [""], ["   ", "<P>"]])
def test_sentences_from_lines_rejects_empty_input(lines):
    with pytest.raises(InputError, match="no sentences"):
        sentences_from_lines(lines, "empty.txt")


@pytest.mark.parametrize("code, expected", [
    ("fr", "fr"), ("en", "en"), ("zh-TW", "zh-TW"), ("pt-BR", "pt-BR"),
    ("el", "el"), ("cs", "cs"), ("fra", "fr"), ("deu", "de"),
])
def test_check_language_accepts_real_codes(code, expected):
    assert check_language(code) == expected


@pytest.mark.parametrize("code", ["xx", "french", "", "f r", "123"])
def test_check_language_rejects_unknown_codes(code):
    with pytest.raises(UnsupportedLanguage, match="unknown language code"):
        check_language(code)


def test_align_sentences_parallel_text(fake_embedder):
    bitext = align_sentences(FR, EN, src_lang="fr", tgt_lang="en", embedder=fake_embedder,
                             corpus_id="bridge")
    assert isinstance(bitext, Bitext)
    assert (bitext.src_lang, bitext.tgt_lang, bitext.corpus_id) == ("fr", "en", "bridge")
    assert [s.text for s in bitext.src] == FR
    assert [s.text for s in bitext.tgt] == EN
    assert covered_in_order(bitext.alignment.links, 4, 4)
    assert all(0.0 <= l.confidence <= 1.0 for l in bitext.alignment.links)
    assert bitext.alignment.signature.embedder == "hashing"


def test_align_sentences_by_registry_name():
    bitext = align_sentences(FR, EN, src_lang="fr", tgt_lang="en", embedder="hashing")
    assert covered_in_order(bitext.alignment.links, 4, 4)


def test_align_sentences_rejects_unknown_language(fake_embedder):
    with pytest.raises(UnsupportedLanguage, match="'xx'"):
        align_sentences(FR, EN, src_lang="xx", tgt_lang="en", embedder=fake_embedder)


def test_align_documents_keeps_paragraphs(fake_embedder):
    src = Document(paragraphs=(" ".join(FR[:2]), " ".join(FR[2:])), source="fr.txt")
    tgt = Document(paragraphs=(" ".join(EN[:2]), " ".join(EN[2:])), source="en.txt")
    stages = []
    bitext = align_documents(src, tgt, src_lang="fr", tgt_lang="en", embedder=fake_embedder,
                             progress=lambda done, total, stage: stages.append(stage))
    assert [s.text for s in bitext.src] == FR
    assert [s.paragraph for s in bitext.tgt] == [0, 0, 1, 1]
    assert covered_in_order(bitext.alignment.links, 4, 4)
    assert "segment" in stages and "align" in stages


def test_align_documents_with_paragraph_segmenter(fake_embedder):
    src = Document(paragraphs=tuple(FR))
    tgt = Document(paragraphs=tuple(EN))
    bitext = align_documents(src, tgt, src_lang="fr", tgt_lang="en", embedder=fake_embedder,
                             segmenter="paragraph")
    assert len(bitext.src) == len(bitext.tgt) == 4


def test_align_documents_unknown_segmenter(fake_embedder):
    doc = Document(paragraphs=("Un texte.",))
    with pytest.raises(UnknownComponent, match="segmenter"):
        align_documents(doc, doc, src_lang="fr", tgt_lang="en", embedder=fake_embedder,
                        segmenter="nope")


def test_align_documents_empty_document(fake_embedder):
    full = Document(paragraphs=("Un texte.",), source="fr.txt")
    empty = Document(paragraphs=(), source="en.txt")
    with pytest.raises(InputError, match="en.txt"):
        align_documents(full, empty, src_lang="fr", tgt_lang="en", embedder=fake_embedder)


@pytest.mark.parametrize("links, expected", [
    ((Link((0,), (0,)),), "[0]:[0]\n"),
    ((Link((0, 1), (0,)), Link((2,), ()), Link((), (1,))), "[0, 1]:[0]\n[2]:[]\n[]:[1]\n"),
    ((), ""),
])
def test_format_vecalign(links, expected):
    bitext = Bitext(src=(), tgt=(), alignment=Alignment(links=links), src_lang="fr",
                    tgt_lang="en")
    assert format_vecalign(bitext) == expected


words = st.text(alphabet="abcdefghij klmnop0123456789", min_size=1, max_size=30)


@settings(max_examples=30, deadline=None)
@given(st.lists(words, min_size=1, max_size=12), st.lists(words, min_size=1, max_size=12))
def test_presplit_alignment_covers_every_line_once(src, tgt):
    src = [s for s in src if s.strip()] or ["x"]
    tgt = [t for t in tgt if t.strip()] or ["y"]
    bitext = align_sentences(src, tgt, src_lang="fr", tgt_lang="en", embedder="hashing")
    assert covered_in_order(bitext.alignment.links, len(src), len(tgt))
    assert all(link.src or link.tgt for link in bitext.alignment.links)
    assert bitext.src == tuple(Sentence(s.strip(), 0) for s in src)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)).filter(lambda t: t != (0, 0)),
                max_size=20))
def test_vecalign_output_reads_back_as_the_same_links(tmp_path_factory, sizes):
    """What `align --format vecalign` prints is what the evaluator reads as gold/test links."""
    from alignment.evaluate import read_vecalign_links

    links, i, j = [], 0, 0
    for a, b in sizes:
        links.append(Link(tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    bitext = Bitext(src=(), tgt=(), alignment=Alignment(links=tuple(links)), src_lang="de",
                    tgt_lang="fr")
    path = tmp_path_factory.mktemp("vec") / "links.txt"
    path.write_text(format_vecalign(bitext), encoding="utf-8")
    assert [(l.src, l.tgt) for l in read_vecalign_links(path)] == [(l.src, l.tgt) for l in links]


# ---------------------------------------------------------------- a text too long for memory

@pytest.fixture
def small_cap(monkeypatch):
    import alignment.align as align_mod
    monkeypatch.setattr(align_mod, "MAX_SENTENCES", 5)


def test_a_text_over_the_sentence_cap_is_refused_by_name(fake_embedder, small_cap):
    """100,000 short lines took 4.5 GB (a 20 MB file may hold millions): now a clear error."""
    long = Document(paragraphs=tuple(f"Ligne {i}." for i in range(6)), source="long.txt")
    short = Document(paragraphs=("Line 0.", "Line 1."), source="short.txt")
    with pytest.raises(InputError, match=r"long.txt: at least 6 sentences, more than the 5 aligned "
                                         r"at once.*a chapter, or the file cut in two"):
        align_documents(long, short, src_lang="fr", tgt_lang="en", embedder=fake_embedder)
    # refused on its paragraphs, before the (slow) segmenting: the segmenter is never asked for
    with pytest.raises(InputError, match="at least 6 sentences"):
        align_documents(long, short, src_lang="fr", tgt_lang="en", embedder=fake_embedder,
                        segmenter="no such segmenter")
    # five paragraphs that segment into six sentences: counted again after segmenting
    five = Document(paragraphs=("Une. Deux.", "Trois.", "Quatre.", "Cinq.", "Six."), source="five.txt")
    with pytest.raises(InputError, match=r"five.txt: 6 sentences"):
        align_documents(five, short, src_lang="fr", tgt_lang="en", embedder=fake_embedder)
    with pytest.raises(InputError, match=r"the translation: 6 sentences"):
        align_sentences(["Un."], [f"Line {i}." for i in range(6)], src_lang="fr", tgt_lang="en",
                        embedder=fake_embedder)
    at_cap = align_documents(Document(paragraphs=tuple(f"Ligne {i}." for i in range(5))), short,
                             src_lang="fr", tgt_lang="en", embedder=fake_embedder)
    assert len(at_cap.src) == 5


def test_books_matched_by_chapter_are_capped_per_chapter(fake_embedder, small_cap):
    from alignment.types import Chapter

    def book(word: str, source: str) -> Document:
        paras = tuple(f"{word} {c}." if i == 0 else f"{word} {c}, {i}." for c in (1, 2) for i in range(4))
        return Document(paragraphs=paras, source=source, headings=frozenset({0, 4}),
                        chapters=(Chapter(f"{word} 1", 0, 4), Chapter(f"{word} 2", 4, 8)))

    bitext = align_documents(book("Chapitre", "fr.epub"), book("Chapter", "en.epub"), src_lang="fr",
                             tgt_lang="en", embedder=fake_embedder)
    assert len(bitext.src) == len(bitext.tgt) == 8


FR_DOC = "Le chat dort sur le mur. Il fait beau aujourd'hui.\n\nLe chien aboie très fort."
EN_DOC = "The cat sleeps on the wall. The weather is fine today.\n\nThe dog barks very loudly."
EN2_DOC = "The cat is asleep on the wall. It is a fine day.\n\nThe dog is barking loudly."


def test_align_version_documents_segments_and_aligns_every_version(fake_embedder):
    from alignment.pipeline import align_version_documents
    from alignment.read import read_text

    docs = [read_text(t, source=n) for t, n in ((FR_DOC, "fr.txt"), (EN_DOC, "a.txt"), (EN2_DOC, "b.txt"))]
    vs = align_version_documents(docs, ["fr", "en", "en"], embedder=fake_embedder, title="chat")
    assert [(t.name, t.lang, len(t.sentences)) for t in vs.texts] == [("fr", "fr", 3), ("en1", "en", 3),
                                                                      ("en2", "en", 3)]
    assert vs.title == "chat" and len(vs.rows) == 3
    assert [t.sentences[2].paragraph for t in vs.texts] == [1, 1, 1]
    named = align_version_documents(docs, ["fr", "en", "en"], embedder=fake_embedder,
                                    names=["orig", "anna", "ben"])
    assert [t.name for t in named.texts] == ["orig", "anna", "ben"]


@pytest.mark.parametrize("texts, langs, message", [
    ([FR_DOC, EN_DOC], ["fr", "en"], "an original and at least two versions"),
    ([FR_DOC, EN_DOC, EN2_DOC], ["fr", "en"], "got 3 texts and 2 languages"),
    ([FR_DOC, EN_DOC, "   "], ["fr", "en", "en"], "v2.txt: no sentences found"),
    ([FR_DOC, EN_DOC, EN2_DOC], ["fr", "en", "english"], "english"),
])
def test_align_version_documents_refuses_clearly(fake_embedder, texts, langs, message):
    from alignment.pipeline import align_version_documents
    from alignment.types import Document

    docs = [Document(tuple(p for p in t.split("\n\n") if p.strip()), source=f"v{k}.txt")
            for k, t in enumerate(texts)]
    with pytest.raises((InputError, UnsupportedLanguage), match=message):
        align_version_documents(docs, langs, embedder=fake_embedder)


def test_align_version_documents_keeps_what_the_readers_warned_about(fake_embedder):
    """As align_documents does: a file read in two encodings is said, with the set."""
    from dataclasses import replace

    from alignment.pipeline import align_version_documents
    from alignment.read import read_text

    docs = [read_text(t, source=n) for t, n in ((FR_DOC, "fr.txt"), (EN_DOC, "a.txt"), (EN2_DOC, "b.txt"))]
    docs[0] = replace(docs[0], warnings=("fr.txt: mixes UTF-8 with Latin-1",))
    docs[2] = replace(docs[2], warnings=("b.txt: mixes UTF-8 with Latin-1",))
    vs = align_version_documents(docs, ["fr", "en", "en"], embedder=fake_embedder)
    assert vs.warnings == (("fr.txt: mixes UTF-8 with Latin-1",), ("b.txt: mixes UTF-8 with Latin-1",))
