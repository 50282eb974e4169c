"""Italics carried from a Document's paragraphs to its sentences, kept through a correction,
through the PO (and its snapshot and drafts) and cut into runs for the exports (italics.py)."""

from __future__ import annotations

from dataclasses import replace

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.corrections import edit_target
from alignment.draft_delta import apply_delta, delta
from alignment.italics import carry, join, normalize, po_line, read_po_line, reanchor, runs, with_italics
from alignment.pipeline import align_documents
from alignment.po import bitext_to_po
from alignment.po_read import po_to_bitext
from alignment.segment import segment
from alignment.snapshot import _decode, _encode
from alignment.types import Alignment, Bitext, Document, Link, Sentence


def italic_texts(text: str, spans) -> list[str]:
    return [text[a:b] for a, b in spans]


@pytest.mark.parametrize("spans, text, expected", [
    ([(5, 11), (0, 3)], "abc. efghij", ((0, 3), (5, 11))),
    ([(0, 3), (3, 6)], "abcdef", ((0, 6),)),
    ([(0, 3), (4, 7)], "abc def", ((0, 7),)),             # only a space between: one stretch
    ([(0, 3), (5, 8)], "abc, def", ((0, 3), (5, 8))),     # a comma between: two
    ([(0, 4), (5, 10)], "abc   efghij", ((0, 10),)),      # white space trimmed, then one stretch
    ([(3, 4)], "abc def", ()),                            # only white space: none
    ([(-2, 99)], "abc", ((0, 3),)),                       # clipped to the text
])
def test_normalize(spans, text, expected):
    assert normalize(spans, text) == expected


@pytest.mark.parametrize("paragraph, italic, sentences, expected", [
    # white space collapsed by the segmenter, a no-break space kept inside the title
    ("  Il lut  Le\u00a0Monde. Puis il dormit.", ["Le\u00a0Monde"],
     ["Il lut Le\u00a0Monde.", "Puis il dormit."], [["Le\u00a0Monde"], []]),
    # a stretch across the cut: each sentence gets its part
    ("Elle dit : Non. Jamais. Fin.", ["Non. Jamais"],
     ["Elle dit : Non.", "Jamais.", "Fin."], [["Non."], ["Jamais"], []]),
    # a soft hyphen the segmenter drops
    ("Un mot ex\u00adtraordinaire ici.", ["ex\u00adtraordinaire"],
     ["Un mot extraordinaire ici."], [["extraordinaire"]]),
    # a sentence not found in the paragraph gets none, the next still does
    ("A b. C d.", ["d"], ["X y.", "C d."], [[], ["d"]]),
])
def test_carry(paragraph, italic, sentences, expected):
    spans = tuple((paragraph.index(t), paragraph.index(t) + len(t)) for t in italic)
    got = carry(paragraph, spans, sentences)
    assert [italic_texts(s, sp) for s, sp in zip(sentences, got)] == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="abc é", min_size=1, max_size=6), st.booleans()),
                min_size=1, max_size=12))
def test_segmented_sentences_keep_exactly_the_italic_characters(pieces):
    """Property: for a paragraph built of italic and plain pieces, the non-space characters
    in the sentences' italic stretches are exactly those of the italic pieces."""
    paragraph, spans, at = "", [], 0
    for text, italic in pieces:
        piece = text + ". "
        if italic:
            spans.append((at, at + len(text)))
        paragraph += piece
        at += len(piece)
    doc = Document((paragraph,), italics=(normalize(spans, paragraph),))
    sents = with_italics(doc, segment(doc, "en"))
    got = "".join(s.text[a:b] for s in sents for a, b in s.italics)
    want = "".join(paragraph[a:b] for a, b in doc.italics[0])
    assert got.replace(" ", "").replace(".", "") == want.replace(" ", "").replace(".", "")


@pytest.mark.parametrize("old, italic, new, expected", [
    ("The Old Brigde is far", "The Old Brigde", "The Old Bridge is very far", ["The Old Bridge"]),
    ("He read Le Monde today", "Le Monde", "He read Le Figaro today", ["Le Figaro"]),
    ("He read Le Monde today", "Le Monde", "Yesterday he read Le Monde", ["Le Monde"]),
    ("He read Le Monde today", "Le Monde", "He read nothing today", ["nothing"]),   # typed over it
    ("He read Le Monde today", "Le Monde", "He read today", []),
    ("The Old Bridge", "Old Bridge", "The Old Stone Bridge", ["Old Stone Bridge"]),   # typed inside it
    ("The Old Bridge", "Old", "The Old, Bridge", ["Old"]),
    ("He said no.", "no", "He said no.", ["no"]),
])
def test_a_correction_keeps_the_italics_of_what_it_keeps(old, italic, new, expected):
    spans = ((old.index(italic), old.index(italic) + len(italic)),)
    assert italic_texts(new, reanchor(old, spans, new)) == expected


def test_runs_and_join():
    assert runs("He read Le Monde.", ((8, 16),)) == [("He read ", False), ("Le Monde", True), (".", False)]
    assert runs("", ()) == [("", False)]
    text, spans = join([Sentence("A b.", 0, ((0, 1),)), Sentence("C d.", 0, ((2, 3),))])
    assert text == "A b. C d." and italic_texts(text, spans) == ["A", "d"]


def bitext_with_italics() -> Bitext:
    long = ("He read Le Monde before leaving for a very long walk in the Normandy countryside "
            "with his old friends from the newspaper, far away from the city and its noise.")
    words = ("Le Monde", "Normandy", "old", "newspaper", "noise")
    spans = tuple((long.index(w), long.index(w) + len(w)) for w in words)
    src = (Sentence("Il lut Le Monde.", 0, ((7, 15),)), Sentence("Puis il dormit.", 1))
    tgt = (Sentence(long, 0, spans), Sentence("Then he slept.", 1, ((5, 7),)))
    return Bitext(src, tgt, Alignment((Link((0,), (0,)), Link((1,), (1,)))), "fr", "en")


def test_po_round_trip_keeps_italics_even_when_polib_wraps_the_line(tmp_path):
    bitext = bitext_with_italics()
    path = tmp_path / "a.po"
    po = bitext_to_po(bitext)
    po.wrapwidth = 40   # the italics line is wrapped over several '#.' lines
    po.save(str(path))
    assert any(line.startswith("#. ") and "italics" not in line and ":" in line
               for line in path.read_text().splitlines()[20:])   # a wrapped tail is there
    back = po_to_bitext(polib.pofile(str(path)))
    assert [s.italics for s in back.src] == [s.italics for s in bitext.src]
    assert [s.italics for s in back.tgt] == [s.italics for s in bitext.tgt]


def test_a_text_edited_in_another_tool_loses_its_italics_not_to_the_wrong_words():
    po = bitext_to_po(bitext_with_italics())
    po[1].msgstr = "Then she slept."   # Poedit: the offsets no longer fit this side
    back = po_to_bitext(polib.pofile(str(po)))
    assert back.tgt[1].italics == () and back.src[0].italics == ((7, 15),)
    assert back.tgt[0].italics == bitext_with_italics().tgt[0].italics


def test_no_italics_writes_no_line_and_reads_none():
    plain = Bitext((Sentence("Oui.", 0),), (Sentence("Yes.", 0),), Alignment((Link((0,), (0,)),)), "fr", "en")
    assert po_line(plain.src, plain.tgt) is None
    assert "italics" not in str(bitext_to_po(plain))
    assert read_po_line(["italics: src 1:0-2 99 / tgt -"], (["Oui."], ["Yes."])) == ([()], [()])


def test_snapshot_and_draft_delta_keep_italics():
    bitext = bitext_with_italics()
    back, origin = _decode(_encode(bitext, "x", "fp"), "fp")
    assert [s.italics for s in back.tgt] == [s.italics for s in bitext.tgt] and origin == "x"
    edited = edit_target(bitext, 0, 0, bitext.tgt[0].text.replace("Le Monde", "Le Figaro"))
    restored = apply_delta(bitext, delta(bitext, edited, 100))
    assert italic_texts(restored.tgt[0].text, restored.tgt[0].italics)[0] == "Le Figaro"
    assert restored.tgt[1].italics == ((5, 7),)


def test_align_documents_carries_the_readers_italics(fake_embedder):
    src = Document(("Il lut Le Monde. Puis il dormit.", "Fin."), italics=(((7, 15),),))
    tgt = Document(("He read Le Monde. Then he slept.", "The end."), italics=((), ((4, 7),)))
    bitext = align_documents(src, tgt, src_lang="fr", tgt_lang="en", embedder=fake_embedder)
    assert [italic_texts(s.text, s.italics) for s in bitext.src] == [["Le Monde"], [], []]
    assert [italic_texts(s.text, s.italics) for s in bitext.tgt] == [[], [], ["end"]]


def test_the_readers_row_shows_italics_escaped_and_beside_a_search_hit():
    from alignment.rows_html import View, render_row
    from alignment.types import Span

    src = (Sentence("Il lut <Le Monde>.", 0, ((7, 17),)),)
    tgt = (Sentence("He read <Le Monde>.", 0, ((8, 18),)),)
    bitext = Bitext(src, tgt, Alignment((Link((0,), (0,)),)), "fr", "en")
    html = render_row(bitext, 0, View(hits={0: (Span("tgt", 12, 17),)}))
    assert "<i>&lt;Le Monde&gt;</i>" in html   # the source cell
    assert '<i>&lt;Le</i> <mark class="hit"><i>Monde</i></mark><i>&gt;</i>' in html
    plain = Bitext(tuple(Sentence(s.text, 0) for s in src), tuple(Sentence(s.text, 0) for s in tgt),
                   bitext.alignment, "fr", "en")
    assert "<i>" not in render_row(plain, 0)   # equal sentences, italics in the row's cache key


def test_a_section_cut_by_markers_keeps_the_italics_of_what_it_keeps():
    from alignment.read import cut_section

    text = "Avant.  Le titre est  Le Monde, lu hier."
    doc = Document(("Préface", text, "Fin du texte."), headings=frozenset({0}),
                   italics=((), ((text.index("Le Monde"), text.index("Le Monde") + 8),), ()))
    cut = cut_section(doc, start="Le titre", end="Fin du")
    assert cut.paragraphs == ("Le titre est Le Monde, lu hier.",)
    assert italic_texts(cut.paragraphs[0], cut.italics[0]) == ["Le Monde"]
    assert cut_section(replace(doc, italics=()), start="Le titre").italics == ()


@pytest.mark.parametrize("line, ours", [
    ("1:8-16,20-27 294831040 / tgt 1:0-4 12", True),   # the tail of an 'italics:' line polib wrapped
    ("0-0 2-1 3p1", True),                             # of a 'words:' line
    ("12:30, 14:00", False),                           # another tool's note: kept on save, not ours
    ("see 1:8-16", False),
])
def test_a_wrapped_italics_line_is_told_from_another_tools_note(line, ours):
    from alignment.po_guard import CONTINUED_NOTE

    assert bool(CONTINUED_NOTE.match(line)) is ours


def test_a_megabyte_paragraph_of_sentences_some_not_found_is_carried_in_one_pass():
    """Bounded: a sentence not found is looked for within italics.SKIP characters, not to the
    paragraph's end (60,000 sentences of a 1 MB paragraph, half of them not in it)."""
    par = "Il lut Le Monde. " * 60_000
    spans = tuple((k * 17 + 7, k * 17 + 15) for k in range(60_000))
    sents = ["Xx lut Le Monde."] * 30_000 + ["Il lut Le Monde."] * 30_000
    out = carry(par, spans, sents)
    assert out[:30_000] == [()] * 30_000 and out[30_000:] == [((7, 15),)] * 30_000


def italic_set():
    from alignment.types import Version
    from alignment.versions import join

    texts = (Version("fr", "fr", (Sentence("Il lut Le Monde.", 0, ((7, 15),)), Sentence("Il dort.", 1))),
             Version("en1", "en", (Sentence("He read Le Monde.", 0, ((8, 16),)), Sentence("He sleeps.", 1))),
             Version("en2", "es", (Sentence("Leyó Le Monde. Duerme.", 0, ((5, 13),)),)))
    pairs = [Alignment((Link((0,), (0,)), Link((1,), (1,)))), Alignment((Link((0, 1), (0,)),))]
    return join(texts, pairs, title="Set")


def test_a_version_sets_tmx_keeps_italics_and_drops_them_from_a_cell_edited_elsewhere():
    from alignment.versions_io import parse_set_tmx, render_set_tmx

    vs = italic_set()
    data = render_set_tmx(vs)
    back = parse_set_tmx(data)
    assert [[s.italics for s in t.sentences] for t in back.texts] == \
        [[s.italics for s in t.sentences] for t in vs.texts]
    edited = parse_set_tmx(data.replace(b"He read Le Monde.", b"He read Le Temps."))
    assert edited.texts[1].sentences[0].italics == () and edited.texts[0].sentences[0].italics == ((7, 15),)


def test_the_compare_view_shows_a_cells_italics():
    from views.versions import render_rows

    out = render_rows(italic_set(), [0], [0, 1, 2], diff=False)
    assert out.count("<i>Le Monde</i>") == 3
