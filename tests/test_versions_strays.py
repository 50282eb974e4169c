"""Pair POs beside a set that it must not join or that it does not read (QA 2026-12-06, a
scholar comparing one Russian original with four translations):

- a set aligned again without one version (`--tmx` of the same name, the old pair POs left
  there) renamed its versions (en2 became en1), and the old SET.ru-en1.po, a pair of another
  translation, was joined into the new en1 column: a PO whose translation is another text
  is now left out and named;
- a set renamed (story.tmx -> novel.tmx) or aligned again with fewer versions passed over
  the POs named after its old name or versions, corrections and all, without a word.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from alignment.errors import POConflict
from alignment.po import read_po_fingerprinted, save_po
from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import join
from alignment.versions_io import read_set_tmx, write_pair_pos, write_set_tmx
from alignment.versions_pairs import corrections_note, describe, merged_set

RU = ("Порт спал.", "Жанна спустилась к причалу.", "Ей было двенадцать лет.", "Шёл дождь.")
CLOSE = ("The port slept.", "Jeanne went down to the quay.", "She was twelve.", "It rained.")
FREE = ("The harbour dozed.", "Jeanne wandered to the wharf.", "She was a girl of twelve.",
        "Rain was falling.")
NAMES = ("The port slept.", "Joan went down to the quay.", "She was twelve years old.",
         "It was raining.")
FR = ("Le port dormait.", "Jeanne descendit au quai.", "Elle avait douze ans.", "Il pleuvait.")


def _set(texts: dict[str, tuple[str, ...]]):
    versions = tuple(Version(name, name[:2], tuple(Sentence(s) for s in lines))
                     for name, lines in texts.items())
    pair = Alignment(tuple(Link((i,), (i,), 0.9) for i in range(len(RU))))
    return join(versions, [pair] * (len(versions) - 1), title="story")


FOUR = {"ru": RU, "en1": CLOSE, "en2": FREE, "en3": NAMES, "fr": FR}
THREE = {"ru": RU, "en1": FREE, "en2": NAMES, "fr": FR}   # en_close left out: names shift


def _correct(path: Path, k: int, text: str) -> None:
    """What the app's "Apply and save" does: sentence k of the translation corrected."""
    bitext, fingerprint = read_po_fingerprinted(path)
    tgt = (*bitext.tgt[:k], replace(bitext.tgt[k], text=text), *bitext.tgt[k + 1:])
    save_po(replace(bitext, tgt=tgt), path, expected_fingerprint=fingerprint)


def _four_then_three(folder: Path, corrected: bool) -> Path:
    """A set of four versions with its POs, then the same set of three written over its TMX
    alone (`alignment align ... --tmx story.tmx`, with --overwrite-edited where edited)."""
    folder.mkdir()
    write_pair_pos(_set(FOUR), folder / "story")
    if corrected:
        for name in ("en1", "en2", "en3"):
            _correct(folder / f"story.ru-{name}.po", 3, "It poured.")
    return write_set_tmx(_set(THREE), folder / "story.tmx")[0]


@pytest.mark.parametrize("corrected", [False, True], ids=["unedited POs", "edited POs"])
def test_a_pair_po_of_another_translation_is_left_out_and_named(tmp_path, corrected):
    path = _four_then_three(tmp_path / "rm", corrected)
    raw = read_set_tmx(path)
    vs, states = merged_set(raw, path)
    assert vs.texts == raw.texts and vs.rows == raw.rows   # no column holds another text
    kinds = {s.path.name: s.kind for s in states}
    assert kinds == {"story.ru-en1.po": "apart", "story.ru-en2.po": "apart",
                     "story.ru-fr.po": "same", "story.ru-en3.po": "stray"}
    notes, warnings = describe(raw, states, path)
    assert notes == []
    said = " ".join(warnings)
    assert "story.ru-en1.po" in said and "its translation is another text than the set's en1" in said
    assert "story.tmx has no version en3 (its versions: en1, en2, fr)" in said
    assert ("holds corrections" in said) == corrected


def test_a_corrected_sentence_is_still_joined(tmp_path):
    folder = tmp_path / "ok"
    folder.mkdir()
    write_pair_pos(_set(THREE), folder / "story")
    path = write_set_tmx(_set(THREE), folder / "story.tmx")[0]
    _correct(folder / "story.ru-en2.po", 3, "It poured.")
    vs, states = merged_set(read_set_tmx(path), path)
    assert {s.path.name: s.kind for s in states}["story.ru-en2.po"] == "joined"
    assert vs.texts[2].sentences[3].text == "It poured."


def _renamed(folder: Path) -> Path:
    folder.mkdir()
    write_pair_pos(_set(THREE), folder / "story")
    _correct(folder / "story.ru-en2.po", 3, "It poured.")
    return write_set_tmx(_set(THREE), folder / "novel.tmx")[0]


def test_a_renamed_set_names_the_pos_it_does_not_read_and_what_to_do(tmp_path):
    path = _renamed(tmp_path / "ren")
    raw = read_set_tmx(path)
    vs, states = merged_set(raw, path)
    assert [s.kind for s in states] == ["stray"] * 3 and vs is raw
    notes, warnings = describe(raw, states, path)
    assert notes == [] and len(warnings) == 1
    assert warnings[0].startswith("story.ru-en1.po, story.ru-en2.po and story.ru-fr.po "
                                  "(story.ru-en2.po holding corrections) are not read")
    assert "give the set back its name story.tmx, or rename the POs" in warnings[0]
    note = corrections_note(path, "en2")   # `alignment export novel.tmx -t en2` said nothing
    assert note and "story.ru-en2.po holding corrections" in note
    from alignment.versions_strays import nothing_to_correct
    assert "(novel.ru-en1.po …), and none is beside novel.tmx" in nothing_to_correct(raw, path)


def test_pos_of_another_set_or_another_original_are_not_named(tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    write_pair_pos(_set(THREE), folder / "story")
    write_set_tmx(_set(THREE), folder / "story.tmx")       # another set of this original
    other = {"ru": ("Другой текст.",) * 4, "en": CLOSE}
    write_pair_pos(_set(other), folder / "notes")            # a pair of another original
    path = write_set_tmx(_set(THREE), folder / "copy.tmx")[0]
    from alignment.versions_strays import stray_pos
    assert stray_pos(read_set_tmx(path), path) == []
    assert corrections_note(path) is None


def test_align_tmx_refuses_beside_an_edited_po_of_a_version_it_drops(tmp_path):
    from alignment.cli.versions import ensure_pairs_kept

    folder = tmp_path / "add"
    folder.mkdir()
    write_pair_pos(_set(FOUR), folder / "story")
    _correct(folder / "story.ru-en3.po", 3, "It poured.")   # en3 is gone from the new set
    texts = _set({"ru": RU, "en": NAMES, "fr": FR}).texts
    with pytest.raises(POConflict, match="story.ru-en3.po"):
        ensure_pairs_kept(texts, str(folder / "story.tmx"), overwrite_edited=False)
    ensure_pairs_kept(texts, str(folder / "story.tmx"), overwrite_edited=True)
