"""A version set and its pair POs: corrections saved to a pair PO are joined in by content,
whatever the files' times (QA 2026-12-04: a set rewritten after a correction hid it), and a
command reading the set's TMX is told where the corrections are."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from alignment.po import read_po_fingerprinted, save_po
from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import join
from alignment.versions_io import read_set_tmx, render_set_tmx, write_pair_pos, write_set_tmx
from alignment.versions_pairs import corrections_note, describe, merged_set

FR = ("Le port dormait.", "Jeanne descendit au quai.", "Elle avait douze ans.")
EN1 = ("The harbour slept.", "Jeanne went down to the quay.", "She was twelve.")
EN2 = ("The port was asleep.", "Jeanne walked to the wharf.", "She was twelve years old.")
ES = ("El puerto dormía.", "Jeanne bajó al muelle.", "Tenía doce años.")
FIXED = "Tenía entonces doce años."


def _version_set(title: str = "orig.fr"):
    texts = (Version("fr", "fr", tuple(Sentence(s) for s in FR)),
             Version("en1", "en", tuple(Sentence(s) for s in EN1)),
             Version("en2", "en", tuple(Sentence(s) for s in EN2)),
             Version("es", "es", tuple(Sentence(s) for s in ES)))
    pair = Alignment(tuple(Link((i,), (i,), 0.9) for i in range(3)))
    return join(texts, [pair, pair, pair], title=title)


def _written(folder: Path) -> Path:
    """SET.tmx and its pair POs as `alignment align -o` writes them (the POs first)."""
    write_pair_pos(_version_set(), folder / "set")
    return write_set_tmx(_version_set(), folder / "set.tmx")[0]


def _correct_es(folder: Path) -> None:
    """What the app's "Apply and save" does to the fr–es pair: its last sentence corrected."""
    path = folder / "set.fr-es.po"
    bitext, fingerprint = read_po_fingerprinted(path)
    tgt = (*bitext.tgt[:2], replace(bitext.tgt[2], text=FIXED))
    save_po(replace(bitext, tgt=tgt), path, expected_fingerprint=fingerprint)


def _title_changed_by_a_script(folder: Path) -> Path:
    path = folder / "set.tmx"
    path.write_bytes(path.read_bytes().replace(b">orig.fr</prop>", b">Saint-Malo</prop>"))
    return path


def _rewritten_by_align_tmx(folder: Path) -> Path:   # `alignment align ... --tmx set.tmx`
    return write_set_tmx(_version_set(), folder / "set.tmx")[0]


def _copied_with_cp_r(folder: Path) -> Path:
    """`cp -r`: new times, the set's written after its POs (or at the same instant)."""
    copy = folder.parent / "copy"
    shutil.copytree(folder, copy, copy_function=shutil.copyfile)
    set_time = os.stat(copy / "set.tmx").st_mtime_ns
    for po in copy.glob("*.po"):
        os.utime(po, ns=(set_time - 10**9, set_time - 10**9))
    return copy / "set.tmx"


@pytest.mark.parametrize("trigger", [_title_changed_by_a_script, _rewritten_by_align_tmx,
                                     _copied_with_cp_r])
def test_a_correction_is_shown_whatever_made_the_set_newer_than_its_pair(tmp_path, trigger):
    folder = tmp_path / "set"
    folder.mkdir()
    _written(folder)
    _correct_es(folder)
    path = trigger(folder)
    assert path.stat().st_mtime_ns >= (path.parent / "set.fr-es.po").stat().st_mtime_ns
    raw = read_set_tmx(path)
    vs, states = merged_set(raw, path)
    assert vs.cell_text(2, 3) == FIXED and raw.cell_text(2, 3) == ES[2]
    assert vs.cell_text(2, 1) == EN1[2]   # the other pairs as the set has them
    notes, warnings = describe(raw, states, path)
    assert notes == ["fr–es: rows joined again from the corrected set.fr-es.po: 1 of its 3 "
                     "links differs from set.tmx's; set.tmx's own rows: “Rows as in set.tmx "
                     "alone” in the sidebar"] and warnings == []


def test_pair_pos_as_written_with_the_set_are_nothing_to_join(tmp_path):
    path = _written(tmp_path)
    os.utime(tmp_path / "set.fr-en1.po", (path.stat().st_mtime + 60,) * 2)   # newer: no matter
    raw = read_set_tmx(path)
    vs, states = merged_set(raw, path)
    assert vs is raw and [s.kind for s in states] == ["same", "same", "same"]
    assert describe(raw, states, path) == ([], [])


def test_a_pair_po_that_cannot_be_joined_is_said_not_hidden(tmp_path):
    """A PO whose original is no longer the set's (the set aligned again from another
    original) keeps its corrections out of the columns: a warning says which file holds them."""
    _written(tmp_path)
    _correct_es(tmp_path)
    other = replace(_version_set(), texts=(Version("fr", "fr", (Sentence("Autre texte."),)),
                                           *_version_set().texts[1:]))
    one = Alignment((Link((0,), (0, 1, 2), 0.5),))
    other = join(other.texts, [one, one, one])
    (tmp_path / "set.tmx").write_bytes(render_set_tmx(other))
    (tmp_path / "set.fr-en1.po").write_text("not a PO\n", encoding="utf-8")
    raw = read_set_tmx(tmp_path / "set.tmx")
    vs, states = merged_set(raw, tmp_path / "set.tmx")
    assert vs is raw
    notes, warnings = describe(raw, states, tmp_path / "set.tmx")
    assert notes == []
    assert warnings[0].startswith("set.fr-en1.po is not in these columns: it cannot be read (")
    assert warnings[-1] == ("set.fr-es.po holds corrections that are not in these columns: its "
                            "original is not the set's fr. Open it with “Correct or learn fr–es” "
                            "to read it, or align the set again from its texts")


@pytest.mark.parametrize("asked, said", [(None, "set.fr-es.po"), ("es", "set.fr-es.po"),
                                         ("es-ES", "set.fr-es.po"), ("en", None), ("en2", None)])
def test_a_command_reading_the_set_is_told_where_the_corrections_are(tmp_path, asked, said):
    _written(tmp_path)
    _correct_es(tmp_path)
    note = corrections_note(tmp_path / "set.tmx", asked)
    if said is None:
        assert note is None
    else:
        assert note == (f"Note: {said} beside set.tmx holds corrections that set.tmx lacks (the "
                        f"app saves corrections there, and shows them in the set); read that "
                        f"file for them, e.g. alignment export {tmp_path / said} --tsv -")


def test_no_note_without_corrections_or_for_a_tmx_of_pairs(tmp_path):
    _written(tmp_path)
    assert corrections_note(tmp_path / "set.tmx") is None
    pairs = tmp_path / "memory.tmx"
    pairs.write_text('<tmx version="1.4"><header/><body/></tmx>', encoding="utf-8")
    (tmp_path / "memory.fr-en.po").write_bytes((tmp_path / "set.fr-en1.po").read_bytes())
    assert corrections_note(pairs) is None


def test_a_link_deleted_in_a_pair_counts_as_a_difference(tmp_path):
    """A sentence the translation added, deleted in the pair: every link the PO keeps is among
    the set's, and the note said "0 of its 2 links differ" beside a changed column."""
    from alignment.browse import drop_addition
    from alignment.types import Alignment as Links

    path = _written(tmp_path)
    po = tmp_path / "set.fr-es.po"
    bitext, fingerprint = read_po_fingerprinted(po)
    links = bitext.alignment.links
    added = replace(bitext, alignment=Links((links[0], replace(links[1], src=()), replace(links[2], src=(1, 2))),
                                            bitext.alignment.signature))
    save_po(drop_addition(added, 1), po, expected_fingerprint=fingerprint)
    vs, states = merged_set(read_set_tmx(path), path)
    notes, _ = describe(read_set_tmx(path), states, path)
    assert [s.differing for s in states if s.kind == "joined"] == [1]
    assert "1 of its 2 links differs" in notes[0]


LONG_FR = tuple(f"Phrase numéro {i} du texte." for i in range(8))
LONG_ES = tuple(f"Frase número {i} del texto." for i in range(8))


def _edit_texts(bitext, *at):
    tgt = tuple(replace(s, text=s.text + " (corregida)") if j in at else s
                for j, s in enumerate(bitext.tgt))
    return replace(bitext, tgt=tgt)


def _merge(bitext, i):
    """Links i and i+1 made one, as the reader's merge does."""
    links = list(bitext.alignment.links)
    links[i:i + 2] = [Link(links[i].src + links[i + 1].src, links[i].tgt + links[i + 1].tgt,
                           reviewed=True)]
    return replace(bitext, alignment=replace(bitext.alignment, links=tuple(links)))


def _split(bitext, i):
    """Link i (two sentences a side) cut in two."""
    links = list(bitext.alignment.links)
    a, b = links[i].src, links[i].tgt
    links[i:i + 1] = [Link(a[:1], b[:1], reviewed=True), Link(a[1:], b[1:], reviewed=True)]
    return replace(bitext, alignment=replace(bitext.alignment, links=tuple(links)))


def _set_of_eight(folder: Path, two_at_3: bool) -> Path:
    """fr–es, eight sentences a side, a link each (or link 4 holding sentences 3 and 4 on
    both sides), written as `alignment align -o` writes a set."""
    texts = (Version("fr", "fr", tuple(Sentence(s) for s in LONG_FR)),
             Version("es", "es", tuple(Sentence(s) for s in LONG_ES)))
    links = [Link((i,), (i,), 0.9) for i in range(8)]
    if two_at_3:
        links[3:5] = [Link((3, 4), (3, 4), 0.9)]
    vs = join(texts, [Alignment(tuple(links))], title="t")
    write_pair_pos(vs, folder / "set")
    return write_set_tmx(vs, folder / "set.tmx")[0]


@pytest.mark.parametrize("change, two_at_3, differing, links", [
    (lambda b: _merge(_edit_texts(b, 1, 4), 6), False, 3, 7),   # QA: "4 of its 48 differ"
    (lambda b: _merge(b, 2), False, 1, 7),
    (lambda b: _edit_texts(b, 0, 7), False, 2, 8),
    (lambda b: _merge(_merge(b, 0), 1), False, 2, 6),
    (lambda b: _split(b, 3), True, 2, 8),   # both halves are links the set lacks
])
def test_the_changes_a_person_made_are_counted_once_each(tmp_path, change, two_at_3,
                                                        differing, links):
    path = _set_of_eight(tmp_path, two_at_3)
    po = tmp_path / "set.fr-es.po"
    bitext, fingerprint = read_po_fingerprinted(po)
    save_po(change(bitext), po, expected_fingerprint=fingerprint)
    raw = read_set_tmx(path)
    _, states = merged_set(raw, path)
    notes, _ = describe(raw, states, path)
    said = f"{differing} of its {links} links {'differs' if differing == 1 else 'differ'}"
    assert [s.differing for s in states] == [differing] and said in notes[0]
