"""Our own TMX and TSV exports imported again keep what a PO link carries beyond its texts
(carried.py): confidence and review (so the links to review stay fuzzy), a link's sentences,
paragraphs, and the translator's comment (TMX <note>). A TMX from a CAT tool imports as before."""

from __future__ import annotations

import io

import polib
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from test_export import TMX_DTD

from alignment.cli import main
from alignment.export import render_tmx, render_tsv
from alignment.import_pairs import read_pairs
from alignment.po import bitext_to_po, write_po
from alignment.types import Alignment, Bitext, Link, Sentence

THRESHOLD = 0.9
WORD = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
               min_size=1, max_size=8)
SENTENCE = st.one_of(st.lists(WORD, min_size=1, max_size=3).map(" ".join),
                     st.sampled_from(["日本語の文。", "「はい。」", "他走了。", "1949年。", "Oui.", "Non !"]))


@st.composite
def bitexts(draw) -> Bitext:
    """Links of 0 to 3 sentences a side, paragraphs in text order, any confidence and review."""
    src, tgt, links = [], [], []
    paragraphs = [0, 0]
    for _ in range(draw(st.integers(1, 6))):
        a, b = draw(st.integers(0, 3)), draw(st.integers(0, 3))
        if a == b == 0:
            a = 1
        for side, n, k in ((src, a, 0), (tgt, b, 1)):
            for _ in range(n):
                paragraphs[k] += draw(st.sampled_from([0, 0, 1, 2]))
                side.append(Sentence(draw(SENTENCE), paragraphs[k]))
        links.append(Link(tuple(range(len(src) - a, len(src))), tuple(range(len(tgt) - b, len(tgt))),
                          draw(st.floats(0, 1) | st.sampled_from([0.8996, 0.9, 0.9004])),
                          draw(st.booleans())))
    return Bitext(tuple(src), tuple(tgt), Alignment(tuple(links)), "fr", "en")


def fuzzy(link: Link) -> bool:
    return link.confidence < THRESHOLD and not link.reviewed


def breaks(sentences) -> list[bool]:
    """Where a new paragraph starts, sentence by sentence: what the paragraph numbers say."""
    return [k > 0 and s.paragraph != sentences[k - 1].paragraph for k, s in enumerate(sentences)]


def kept(bitext: Bitext) -> Bitext:
    """The bitext as a TMX holds it: the links with text on both sides."""
    links = [k for k in bitext.alignment.links if k.src and k.tgt]
    src = tuple(bitext.src[j] for k in links for j in k.src)
    tgt = tuple(bitext.tgt[j] for k in links for j in k.tgt)
    out, i, j = [], 0, 0
    for k in links:
        out.append(Link(tuple(range(i, i + len(k.src))), tuple(range(j, j + len(k.tgt))),
                        k.confidence, k.reviewed))
        i, j = i + len(k.src), j + len(k.tgt)
    return Bitext(src, tgt, Alignment(tuple(out)), bitext.src_lang, bitext.tgt_lang)


@settings(max_examples=150, deadline=None)
@given(bitexts())
def test_tmx_round_trip_keeps_kinds_confidences_reviews_sentences_and_paragraphs(bitext):
    want = kept(bitext)
    if not want.alignment.links:
        return
    back = read_pairs(render_tmx(bitext), "p.tmx")
    got, had = back.alignment.links, want.alignment.links
    assert [k.kind for k in got] == [k.kind for k in had]
    assert [abs(a.confidence - b.confidence) <= 0.0005 for a, b in zip(got, had)] == [True] * len(had)
    assert [(k.reviewed, fuzzy(k)) for k in got] == [(k.reviewed, fuzzy(k)) for k in had]
    assert [s.text for s in back.src] == [s.text for s in want.src]
    assert [s.text for s in back.tgt] == [s.text for s in want.tgt]
    assert breaks(back.src) == breaks(want.src) and breaks(back.tgt) == breaks(want.tgt)


@settings(max_examples=100, deadline=None)
@given(bitexts())
def test_tsv_round_trip_keeps_confidences_and_reviews(bitext):
    got = read_pairs(render_tsv(bitext).encode(), "p.tsv").alignment.links
    had = bitext.alignment.links
    assert [abs(a.confidence - b.confidence) <= 0.0005 for a, b in zip(got, had)] == [True] * len(had)
    assert [(k.reviewed, fuzzy(k)) for k in got] == [(k.reviewed, fuzzy(k)) for k in had]


@pytest.mark.parametrize("confidence, written", [
    (0.6, "0.600"), (1.0, "1.000"), (0.0, "0.000"), (0.9, "0.900"), (0.9004, "0.900"),
    (0.8996, "0.8996"),   # '0.900' would come back sure: a link to review lost
    (0.89951, "0.89951"), (0.8994, "0.899")])
def test_a_confidence_is_written_on_its_side_of_the_review_threshold(confidence, written):
    from alignment.carried import confidence_text

    assert confidence_text(confidence) == written


SRC = (Sentence("Il pleut.", 0), Sentence("Il vente.", 0), Sentence("Fin.", 1))
TGT = (Sentence("It rains and blows.", 0), Sentence("The end.", 1))


def two_links(reviewed: bool = False) -> Bitext:
    links = (Link((0, 1), (0,), 0.42, reviewed), Link((2,), (1,), 0.97))
    return Bitext(SRC, TGT, Alignment(links), "fr", "en")


def test_the_repro_export_then_import_keeps_the_links_to_review(tmp_path, monkeypatch):
    """wrong.po had 6 links to review; after `export --tmx` and `import` it had 0."""
    monkeypatch.chdir(tmp_path)
    write_po(two_links(), tmp_path / "w.po")
    runner = CliRunner()
    for args in (["export", "w.po", "--tmx", "w.tmx", "--tsv", "w.tsv"],
                 ["import", "w.tmx", "-o", "back.po"], ["import", "w.tsv", "-o", "back2.po"]):
        done = runner.invoke(main, args)
        assert done.exit_code == 0, done.output
    entries = [e for e in polib.pofile(str(tmp_path / "back.po")) if e.msgctxt]
    assert [(e.msgctxt, e.fuzzy) for e in entries] == [("src 1,2 / tgt 1", True), ("src 3 / tgt 2", False)]
    assert [e.fuzzy for e in polib.pofile(str(tmp_path / "back2.po")) if e.msgctxt] == [True, False]


@pytest.mark.parametrize("change, src_sentences", [
    (lambda t: t, ["Il pleut.", "Il vente."]),
    # a CAT tool changed the text (same length, a space at the old cut): not cut again
    (lambda t: t.replace("Il pleut. Il vente.", "Il pleut, il vente."), ["Il pleut, il vente."]),
    (lambda t: t.replace("Il pleut. Il vente.", "Il pleut. Et il vente."), ["Il pleut. Et il vente."]),
])
def test_a_unit_is_cut_into_its_sentences_only_where_its_text_is_the_one_exported(change, src_sentences):
    data = change(render_tmx(two_links()).decode()).encode()
    back = read_pairs(data, "p.tmx")
    assert [s.text for s in back.src[:-1]] == src_sentences
    assert back.link_text(0, "src") == " ".join(src_sentences)   # the text itself as written
    assert back.alignment.links[0].confidence == 0.42


def test_a_tmx_read_the_other_way_round_keeps_its_sentences():
    back = read_pairs(render_tmx(two_links()), "p.tmx", src_lang="en", tgt_lang="fr")
    assert [k.kind for k in back.alignment.links] == ["1-2", "1-1"]
    assert [s.text for s in back.tgt] == ["Il pleut.", "Il vente.", "Fin."]
    assert [s.paragraph for s in back.tgt] == [0, 0, 1]


def test_review_state_comes_back():
    back = read_pairs(render_tmx(two_links(reviewed=True)), "p.tmx")
    assert [(k.confidence, k.reviewed) for k in back.alignment.links] == [(0.42, True), (0.97, False)]


TU = ('<tu><prop type="{prop}">0.300</prop><note>A note.</note><tuv xml:lang="fr"><seg>Oui. Non.</seg></tuv>'
      '<tuv xml:lang="en"><seg>Yes. No.</seg></tuv></tu>')


def cat_tmx(prop: str) -> bytes:
    return ('<?xml version="1.0"?><tmx version="1.4"><header srclang="fr" datatype="plaintext" '
            'segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>'
            f'<body>{TU.format(prop=prop) * 2}</body></tmx>').encode()


def test_translator_comments_go_into_the_tmx_as_notes_and_come_back():
    from alignment.export_tmx import translator_notes
    from alignment.import_pairs import read_pairs_noted

    po = bitext_to_po(two_links())
    entries = [e for e in po if e.msgctxt]
    entries[1].tcomment = "Ana: « fin » ou « conclusion » ?"
    notes = translator_notes(po)
    assert notes == ["", "Ana: « fin » ou « conclusion » ?"]
    data = render_tmx(two_links(), notes)
    root = etree.fromstring(data)
    dtd = etree.DTD(io.StringIO(TMX_DTD))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    assert [tu.findtext("note") for tu in root.iter("tu")] == [None, "Ana: « fin » ou « conclusion » ?"]
    bitext, read = read_pairs_noted(data, "p.tmx")
    assert read == notes and len(bitext.alignment.links) == 2
    # a CAT tool's notes come in too (import_cat.py), though the rest of its unit is read as before
    assert read_pairs_noted(cat_tmx("x-score"), "cat.tmx")[1] == ["A note.", "A note."]


@pytest.mark.parametrize("prop", ["x-confidence", "x-score"])
def test_a_cat_tools_unit_without_our_props_imports_as_before(prop):
    """One `x-confidence` without `x-link` is not ours: the unit is sure, one sentence a side,
    its own paragraph."""
    bitext = read_pairs(cat_tmx(prop), "cat.tmx")
    assert [(k.kind, k.confidence, k.reviewed) for k in bitext.alignment.links] == [("1-1", 1.0, False)] * 2
    assert [s.paragraph for s in bitext.src] == [0, 1]


def test_units_of_ours_beside_a_cat_tools_keep_their_state_and_paragraphs_per_unit():
    ours = render_tmx(two_links()).decode()
    foreign = '<tu><tuv xml:lang="fr"><seg>Ajout.</seg></tuv><tuv xml:lang="en"><seg>Added.</seg></tuv></tu>'
    data = ours.replace("</body>", foreign + "</body>").encode()
    back = read_pairs(data, "p.tmx")
    assert [(k.kind, k.confidence) for k in back.alignment.links] == [("2-1", 0.42), ("1-1", 0.97), ("1-1", 1.0)]
    assert [s.paragraph for s in back.src] == [0, 0, 1, 2]   # each unit its own paragraph, as before


def test_an_older_tsv_without_the_reviewed_column_reads_its_confidences():
    data = "fr\ten\tlink\tconfidence\nOui.\tYes.\t1-1\t0.300\nNon.\tNo.\t1-1\tabc\n".encode()
    links = read_pairs(data, "old.tsv").alignment.links
    assert [(k.confidence, k.reviewed) for k in links] == [(0.3, False), (1.0, False)]


def po_with_comments(path, comments) -> None:
    """A PO of two_links() whose links carry these translator comments ('' for none), as a
    person adds them in Poedit."""
    po = bitext_to_po(two_links())
    for entry, comment in zip([e for e in po if e.msgctxt], comments):
        entry.tcomment = comment
    path.write_text(str(po), encoding="utf-8")


@pytest.mark.parametrize("comments", [
    ["", "Ana: « fin » ou « conclusion » ?"],
    ["Ana: vérifier « vente ».", "Ana: ok\nLuc: d'accord"],
])
def test_cli_round_trip_keeps_translator_comments_on_their_links(tmp_path, monkeypatch, comments):
    """`alignment export x.po --tmx` wrote no <note>, and `alignment import` wrote no `# ...`:
    a reviewer's remarks were lost on the way through a CAT tool and back."""
    monkeypatch.chdir(tmp_path)
    po_with_comments(tmp_path / "ed.po", comments)
    runner = CliRunner()
    for args in (["export", "ed.po", "--tmx", "ed.tmx"], ["import", "ed.tmx", "-o", "back.po"]):
        done = runner.invoke(main, args)
        assert done.exit_code == 0, done.output
    notes = [tu.findtext("note") for tu in etree.parse(str(tmp_path / "ed.tmx")).iter("tu")]
    assert notes == [c or None for c in comments]
    back = polib.pofile(str(tmp_path / "back.po"))
    assert [(e.msgctxt, e.tcomment) for e in back if e.msgctxt] == [
        ("src 1,2 / tgt 1", comments[0]), ("src 3 / tgt 2", comments[1])]
    stdout = runner.invoke(main, ["export", "ed.po", "--tmx", "-"])
    assert stdout.exit_code == 0 and comments[1].split("\n")[0] in stdout.stdout


def test_an_imported_po_with_comments_is_kept_like_one_with_corrections(tmp_path, monkeypatch):
    """A translator's comment is a person's work: the PO imported with one is marked edited, so
    importing (or aligning) onto it again refuses instead of dropping the comment silently."""
    monkeypatch.chdir(tmp_path)
    po_with_comments(tmp_path / "ed.po", ["", "Ana: « fin » ?"])
    runner = CliRunner()
    for args in (["export", "ed.po", "--tmx", "ed.tmx"], ["import", "ed.tmx", "-o", "back.po"]):
        assert runner.invoke(main, args).exit_code == 0
    assert polib.pofile(str(tmp_path / "back.po")).metadata.get("X-Alignment-Edited") == "yes"
    again = runner.invoke(main, ["import", "ed.tmx", "-o", "back.po"])
    assert again.exit_code == 1 and "--overwrite-edited" in again.output
    assert runner.invoke(main, ["import", "ed.tmx", "-o", "back.po", "--overwrite-edited"]).exit_code == 0


@pytest.mark.parametrize("notes, edited", [
    ((), False), (["", ""], False), ([None, "Ana: ?"], True), (["Ana: !"], True)])
def test_bitext_to_po_writes_notes_as_translator_comments(notes, edited):
    po = bitext_to_po(two_links(), notes=notes)
    want = [n or "" for n in notes] + [""] * (2 - len(notes))
    assert [e.tcomment for e in po] == want
    assert ("X-Alignment-Edited" in po.metadata, "X-Alignment-Checksum" in po.metadata) == (edited, not edited)


def test_write_po_with_notes_is_not_replaced_silently(tmp_path):
    from alignment.errors import POConflict

    write_po(two_links(), tmp_path / "n.po", notes=["", "Ana: ?"])
    assert [e.tcomment for e in polib.pofile(str(tmp_path / "n.po"))] == ["", "Ana: ?"]
    with pytest.raises(POConflict):
        write_po(two_links(), tmp_path / "n.po")
