"""The version-set TMX read back exactly; TSV columns; Vecalign files per pair; PO per pair."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.errors import SetFormatError
from alignment.po import read_po
from alignment.types import Alignment, Link, Sentence, Signature, Version
from alignment.versions import join, pair_bitext, version_names
from alignment.versions_io import (parse_set_tmx, read_set_tmx, render_set_tmx, render_set_tsv,
                                   render_vecalign_pairs, write_pair_pos, write_set_tmx)
from tests.test_versions import alignments

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t "),
               max_size=30)
SENTENCES = st.lists(st.builds(Sentence, TEXT, st.integers(0, 5)), max_size=8).map(tuple)


@st.composite
def version_sets(draw):
    langs = draw(st.lists(st.sampled_from(["fr", "en", "es", "pt-BR"]), min_size=2, max_size=4))
    texts = tuple(Version(n, lang, draw(SENTENCES))
                  for n, lang in zip(version_names(langs), langs))
    n0 = len(texts[0].sentences)
    pairs = [draw(alignments(n0, len(t.sentences))) for t in texts[1:]]
    pairs = [Alignment(tuple(Link(l.src, l.tgt, l.confidence, draw(st.booleans()))
                             for l in a.links),
                       Signature(embedder=draw(TEXT), params=(("skip", "0.15"),), seed=draw(
                           st.none() | st.integers(0, 9))),
                       tuple(draw(st.lists(TEXT, max_size=2))))
             for a in pairs]
    return join(texts, pairs, title=draw(TEXT))


@settings(max_examples=100, deadline=None)
@given(version_sets())
def test_tmx_round_trip_is_exact(vs):
    assert parse_set_tmx(render_set_tmx(vs)) == vs


def _set():
    texts = (Version("fr", "fr", (Sentence("Un."), Sentence("Deux.", 1))),
             Version("en1", "en", (Sentence("One & two."),)),
             Version("en2", "en", (Sentence("One."), Sentence("Two <b>.", 1))))
    pairs = [Alignment((Link((0, 1), (0,), 0.8),)),
             Alignment((Link((0,), (0,), 0.9), Link((1,), (1,), 0.95)))]
    return join(texts, pairs, title="Essai")


def test_tmx_has_one_tu_per_row_and_one_tuv_per_version(tmp_path):
    from lxml import etree

    vs = _set()
    path = write_set_tmx(vs, tmp_path / "set.tmx")[0]
    root = etree.parse(str(path)).getroot()
    assert root.get("version") == "1.4"
    tus = root.findall("body/tu")
    assert len(tus) == len(vs.rows) == 1
    tuvs = tus[0].findall("tuv")
    assert [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tuvs] == ["fr", "en", "en"]
    assert [t.find("prop[@type='x-version']").text for t in tuvs] == ["fr", "en1", "en2"]
    assert tuvs[1].find("seg").text == "One & two."
    assert read_set_tmx(path) == vs


def test_tsv_has_one_column_per_version():
    assert render_set_tsv(_set()) == "fr\ten1\ten2\nUn. Deux.\tOne & two.\tOne. Two <b>.\n"


def test_vecalign_file_for_every_pair_of_texts():
    files = render_vecalign_pairs(_set())
    assert files == {"fr-en1.txt": "[0, 1]:[0]\n", "fr-en2.txt": "[0]:[0]\n[1]:[1]\n",
                     "en1-en2.txt": "[0]:[0, 1]\n"}


def test_one_po_per_pair_reads_back_as_the_pair(tmp_path):
    vs = _set()
    paths = write_pair_pos(vs, tmp_path / "set")
    assert [p.name for p in paths] == ["set.fr-en1.po", "set.fr-en2.po"]
    for k, path in enumerate(paths, start=1):
        back = read_po(path)
        assert back.alignment.links == pair_bitext(vs, k).alignment.links
        assert [s.text for s in back.tgt] == [s.text for s in vs.texts[k].sentences]


@pytest.mark.parametrize("mangle, message", [
    (lambda b: b.replace(b"alignment-versions/1", b"other"), "not a version set"),
    (lambda b: b.replace(b"<seg>Un. Deux.</seg>", b"<seg>Un.</seg>"), "disagree"),
    (lambda b: b[:-20], "not well-formed"),
    (lambda b: b.replace(b'type="x-links">0,1/0/0.8', b'type="x-links">0/0/0.8'), "cover"),
])
def test_damaged_set_is_a_clear_error(mangle, message):
    with pytest.raises(SetFormatError, match=message):
        parse_set_tmx(mangle(render_set_tmx(_set())), "set.tmx")


def test_a_po_given_as_a_set_is_named_for_what_it_is(tmp_path):
    """It said 'not well-formed XML ...; restore the file' of a good PO typed in the set box."""
    path = write_pair_pos(_set(), tmp_path / "set")[0]
    with pytest.raises(SetFormatError, match=r"set\.fr-en1\.po is a PO file .*'Open a PO file'"):
        read_set_tmx(path)


@pytest.mark.parametrize("name, data, said", [
    ("memory.tmx", b'<?xml version="1.0"?><tmx version="1.4"><header srclang="fr"/><body><tu>'
     b'<tuv xml:lang="fr"><seg>Un.</seg></tuv><tuv xml:lang="en"><seg>One.</seg></tuv></tu>'
     b'</body></tmx>', r"memory\.tmx is a TMX of pairs \(a translation memory\), not a version "
     r"set: open it with the upload box under 'Open a PO file'"),
    ("v1.en.txt", b"On the morning of 14 March, Jeanne went down to the harbour.\n",
     r"v1\.en\.txt is not a version set \(not TMX\): a text is compared with its versions by "
     r"uploading them under 'Compare versions'"),
])
def test_a_file_that_is_no_set_is_named_for_what_it_is(tmp_path, name, data, said):
    """QA (2026-12-04): a TMX of pairs and a text were "not well-formed XML…; restore the file"."""
    (tmp_path / name).write_bytes(data)
    with pytest.raises(SetFormatError, match=said) as caught:
        read_set_tmx(tmp_path / name)
    assert "restore" not in str(caught.value)


def test_a_folder_given_as_a_set_names_the_sets_in_it(tmp_path):
    write_set_tmx(_set(), tmp_path / "set.tmx")
    with pytest.raises(SetFormatError, match=r"is a folder; give the path of the set's \.tmx "
                       r"file in it \(set\.tmx in it\)"):
        read_set_tmx(tmp_path)


def test_two_sets_of_one_original_are_told_apart_by_their_versions(tmp_path):
    """QA (2026-12-04): the start page listed two sets both as "orig.fr (3 versions)"."""
    from alignment.versions_io import set_label, set_texts

    path = write_set_tmx(_set(), tmp_path / "set.tmx")[0]
    assert set_texts(path) == [("fr", "fr"), ("en1", "en"), ("en2", "en")]
    assert set_label(path, "orig.fr (2 versions)") == "orig.fr (2 versions: en1, en2)"
    broken = tmp_path / "broken.tmx"
    broken.write_text("<tmx", encoding="utf-8")
    assert set_label(broken, "orig.fr (2 versions)") == "orig.fr (2 versions)"


def test_character_xml_cannot_hold_is_refused():
    vs = join((Version("fr", "fr", (Sentence("a\x01"),)), Version("en", "en", (Sentence("b"),))),
              [Alignment((Link((0,), (0,)),))])
    with pytest.raises(SetFormatError, match="U\\+0001"):
        render_set_tmx(vs)


def test_a_corrected_pair_po_rejoins_the_rows(tmp_path):
    from alignment.browse import merge
    from alignment.po import save_po, file_fingerprint
    from alignment.versions import with_pairs

    vs = _set()
    en2 = write_pair_pos(vs, tmp_path / "set")[1]
    save_po(merge(read_po(en2), 0), en2, expected_fingerprint=file_fingerprint(en2))
    again, notes = with_pairs(vs, {2: read_po(en2)})
    assert notes == ()
    assert [r.cells for r in again.rows] == [((0, 1), (0,), (0, 1))]
    assert again.rows[0].links[1][0].reviewed
    other = pair_bitext(vs, 2)
    other = other.__class__(src=(Sentence("Autre."),), tgt=other.tgt, alignment=other.alignment,
                            src_lang="fr", tgt_lang="en")
    same, notes = with_pairs(vs, {2: other})
    assert same == vs and "its original differs" in notes[0]


def test_cli_writes_the_pair_pos_before_the_set(tmp_path):
    """The pair POs are written first, so a set on disk always has its own (the app joins a
    pair PO in by its content, whatever the files' times: tests/test_versions_pairs.py)."""
    from click.testing import CliRunner

    from alignment.cli import main

    paths = []
    for name, text in (("fr", "Le chat dort. Il pleut."), ("en1", "The cat sleeps. It rains."),
                       ("en2", "The cat is asleep. It is raining.")):
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "set.tmx"
    result = CliRunner().invoke(main, ["align", *map(str, paths), "--langs", "fr,en,en",
                                       "--embedder", "hashing", "-q", "-o", str(out)])
    assert result.exit_code == 0, result.output
    pos = sorted(tmp_path.glob("set.*.po"))
    assert len(pos) == 2
    assert all(po.stat().st_mtime_ns <= out.stat().st_mtime_ns for po in pos)


def test_cli_set_keeps_what_the_reader_warned_about(tmp_path):
    """A version read in two encodings: said on stderr and kept in the set, as for a pair."""
    from click.testing import CliRunner

    from alignment.cli import main
    from alignment.versions_io import read_set_tmx

    paths = [tmp_path / n for n in ("fr.txt", "en1.txt", "en2.txt")]
    paths[0].write_text("Le chat dort. Il pleut.\n", encoding="utf-8")
    paths[1].write_text("The cat sleeps. It rains.\n", encoding="utf-8")
    paths[2].write_bytes("The cat is asleep. “It is raining.”\n".encode("utf-8") + "Café.\n".encode("latin-1"))
    out = tmp_path / "set.tmx"
    result = CliRunner().invoke(main, ["align", *map(str, paths), "--langs", "fr,en,en",
                                       "--embedder", "hashing", "-q", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "en2.txt: mixes UTF-8 with Latin-1" in result.output
    assert any("mixes UTF-8 with Latin-1" in w for w in read_set_tmx(out).warnings[1])


@pytest.mark.parametrize("data, texts", [
    (render_set_tmx(_set()), [("fr", "fr"), ("en1", "en"), ("en2", "en")]),
    (b'<tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr"><seg>Oui.</seg></tuv>'
     b'</tu></body></tmx>', None),                                          # a translation memory
    (b'<tmx version="1.4"><header><prop type="x-format">other/2</prop></header><body/></tmx>', None),
    (b'<tmx version="1.4"><header><prop type="x-format">alignment-versions/1</prop></header>', None),
    (b"fr\ten\nOui.\tYes.\n", None),                                        # not XML
], ids=["set", "memory", "other-format", "set-without-texts", "table"])
def test_a_set_is_told_from_its_header_alone(data, texts):
    """What the start page's upload box says a set is, and whose texts the import reads by
    name (import_set.py)."""
    from alignment.versions_io import set_texts_in

    assert set_texts_in(data) == texts
