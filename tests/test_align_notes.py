"""Footnotes of a book and of its translation (DOCX, ODT, EPUB) are linked to each other, the
n-th with the n-th, and never to text; a note only one book has stays a gap. The hashing
embedder throughout; a "translation" is the text with an ending on every word."""

from __future__ import annotations

import io

import numpy as np
import pytest

from alignment.pipeline import align_documents
from alignment.read import read_bytes
from alignment.types import Bitext, Document

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _words(rng: np.random.Generator, n: int) -> str:
    syll = ["ka", "lo", "mi", "ra", "tu", "ne", "so", "vi", "da", "pe", "gu", "zo"]
    return " ".join("".join(rng.choice(syll, size=rng.integers(2, 4))) for _ in range(n))


def _book(seed: int = 0) -> list[tuple[str, list[str]]]:
    rng = np.random.default_rng(seed)
    return [(f"Chapter {c + 1}", [_words(rng, int(rng.integers(6, 14))).capitalize() + "."
                                  for _ in range(5)]) for c in range(2)]


def _tr(sentence: str) -> str:
    return " ".join(w + "e" for w in sentence.rstrip(".").split()) + "."


def _translated(book: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    return [(f"Chapitre {k + 1}", [_tr(p) for p in ps]) for k, (_, ps) in enumerate(book)]


NOTES = ["Pont Marie was rebuilt in stone in the year before the flood.",
         "Gustave wrote these letters at night in the kitchen of the old mill."]


def _docx(book, notes: list[str]) -> bytes:
    from test_read_formats import _with_footnotes, make_docx

    body = "".join(f'<w:footnote w:id="{k + 1}"><w:p><w:r><w:t>{n}</w:t></w:r></w:p></w:footnote>'
                   for k, n in enumerate(notes))
    return _with_footnotes(make_docx(book, footnote=False),
                           f'<w:footnotes xmlns:w="{_W}"><w:footnote w:type="separator" w:id="-1">'
                           f'<w:p><w:r><w:separator/></w:r></w:p></w:footnote>{body}</w:footnotes>')


def _odt(book, notes: list[str]) -> bytes:
    """Each note in the first paragraph of a chapter, as ODT writes notes: inside the text."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, Note, NoteBody, NoteCitation, P

    document = OpenDocumentText()
    for k, (title, paragraphs) in enumerate(book):
        document.text.addElement(H(outlinelevel=1, text=title))
        for j, text in enumerate(paragraphs):
            para = P(text=text)
            if j == 0 and k < len(notes):
                note = Note(id=f"ftn{k}", noteclass="footnote")
                note.addElement(NoteCitation(text=str(k + 1)))
                note_body = NoteBody()
                note_body.addElement(P(text=notes[k]))
                note.addElement(note_body)
                para.addElement(note)
            document.text.addElement(para)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


WRITERS = {"docx": _docx, "odt": _odt}


def _aligned(fmt: str, src_notes: list[str], tgt_notes: list[str], fake_embedder,
             seed: int = 0) -> tuple[Bitext, Document, Document]:
    book = _book(seed)
    src = read_bytes(WRITERS[fmt](book, src_notes), source=f"fr.{fmt}")
    tgt = read_bytes(WRITERS[fmt](_translated(book), tgt_notes), source=f"en.{fmt}")
    bitext = align_documents(src, tgt, src_lang="fr", tgt_lang="en", embedder=fake_embedder)
    return bitext, src, tgt


def _note_sentences(bitext: Bitext, doc: Document, side: str) -> list[int]:
    sents = bitext.src if side == "src" else bitext.tgt
    return [k for k, s in enumerate(sents) if doc.role(s.paragraph) == "note"]


def _cover(bitext: Bitext) -> None:
    links = bitext.alignment.links
    assert [i for link in links for i in link.src] == list(range(len(bitext.src)))
    assert [j for link in links for j in link.tgt] == list(range(len(bitext.tgt)))


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_translated_footnotes_are_linked_nth_with_nth(fmt: str, fake_embedder) -> None:
    """Before: each note stood alone, the original's a 1-0 link, the translation's a 0-1 link."""
    bitext, src, tgt = _aligned(fmt, NOTES, [_tr(n) for n in NOTES], fake_embedder)
    _cover(bitext)
    s_notes, t_notes = _note_sentences(bitext, src, "src"), _note_sentences(bitext, tgt, "tgt")
    assert len(s_notes) == len(t_notes) == 2
    pairs = {(link.src, link.tgt) for link in bitext.alignment.links}
    assert {((s,), (t,)) for s, t in zip(s_notes, t_notes)} <= pairs
    assert all(link.src and link.tgt for link in bitext.alignment.links)


def test_an_epub_chapters_notes_are_linked_with_the_translations(fake_embedder) -> None:
    from test_read_formats import make_epub

    book = _book(1)
    src = read_bytes(make_epub(book, lang="fr"), source="fr.epub")
    tgt = read_bytes(make_epub(_translated(book), lang="en"), source="en.epub")
    bitext = align_documents(src, tgt, src_lang="fr", tgt_lang="en", embedder=fake_embedder)
    _cover(bitext)
    s_notes, t_notes = _note_sentences(bitext, src, "src"), _note_sentences(bitext, tgt, "tgt")
    assert s_notes and len(s_notes) == len(t_notes)
    pairs = {(link.src, link.tgt) for link in bitext.alignment.links}
    assert {((s,), (t,)) for s, t in zip(s_notes, t_notes)} <= pairs


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_note_only_the_translation_has_stays_a_gap_and_no_note_meets_text(fmt: str,
                                                                          fake_embedder) -> None:
    translator = "Zorbak quindle fremp yastor plinth gorvee."   # a translator's note
    bitext, src, tgt = _aligned(fmt, NOTES[:1], [_tr(NOTES[0]), translator], fake_embedder, seed=2)
    _cover(bitext)
    s_notes, t_notes = _note_sentences(bitext, src, "src"), _note_sentences(bitext, tgt, "tgt")
    links = bitext.alignment.links
    assert next(link for link in links if s_notes[0] in link.src).tgt == (t_notes[0],)
    assert next(link for link in links if t_notes[1] in link.tgt).src == ()
    for link in links:   # a note is linked to notes only
        kinds = {src.role(bitext.src[i].paragraph) == "note" for i in link.src} \
            | {tgt.role(bitext.tgt[j].paragraph) == "note" for j in link.tgt}
        assert len(kinds) == 1
