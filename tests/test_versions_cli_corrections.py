"""A version set's pair POs hold the corrections made in the app (it saves there, never into
SET.tmx): `alignment check SET.tmx` reads the set as the app shows it, with them, and
`alignment align ... --tmx SET.tmx` does not write a set over them without --overwrite-edited
(QA 2026-12-05: the check reported an error corrected in the app and exited 1; --tmx rewrote
the set beside a corrected pair without a word, where -o refused)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.po import read_po_fingerprinted, save_po
from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import join
from alignment.versions_io import write_pair_pos, write_set_tmx

FR = ("Il avait 28 roubles.", "Le train partit à midi.", "Marie resta sur le quai.")
EN = ("He had 38 roubles.", "The train left at noon.", "Marie stayed on the platform.")
ES = ("Tenía 28 rublos.", "El tren salió a las 3.", "Marie se quedó en el andén.")
EN_FIXED = "He had 28 roubles."


def _set(folder: Path) -> Path:
    """SET.tmx and its pair POs as `alignment align -o` writes them: en's first sentence says
    38 for 28 (an error), es's second 3 for noon (left as it is)."""
    texts = tuple(Version(n, n, tuple(Sentence(s) for s in t)) for n, t in
                  (("fr", FR), ("en", EN), ("es", ES)))
    one = Alignment(tuple(Link((i,), (i,), 0.9) for i in range(3)))
    vs = join(texts, [one, one], title="roman")
    write_pair_pos(vs, folder / "set")
    return write_set_tmx(vs, folder / "set.tmx")[0]


def _correct_en(folder: Path) -> None:
    """What the app's "Apply and save" does in "Correct or learn fr–en": 38 made 28."""
    po = folder / "set.fr-en.po"
    bitext, fingerprint = read_po_fingerprinted(po)
    save_po(replace(bitext, tgt=(Sentence(EN_FIXED), *bitext.tgt[1:])), po,
            expected_fingerprint=fingerprint)


def _check(path: Path, *options: str):
    return CliRunner().invoke(main, ["check", str(path), *options, "--no-words",
                                     "--only", "numbers", "--level", "info"])


def test_check_reads_the_set_with_the_corrections_saved_in_its_pair(tmp_path):
    path = _set(tmp_path)
    assert "link 1 [numbers] error" in _check(path, "-t", "en").stdout   # before the correction
    _correct_en(tmp_path)
    done = _check(path, "-t", "en")
    assert done.exit_code == 0 and done.stdout == ""
    assert done.stderr.splitlines()[0] == (
        "Note: read set.tmx as the app shows it, with the corrections saved beside it in "
        "set.fr-en.po (1 of its 3 links differs from set.tmx's)")


@pytest.mark.parametrize("options, found, note", [
    (("-t", "es"), "link 2 [numbers]", False),            # its own pair is as the set has it
    (("-s", "en", "-t", "es"), "link 2 [numbers]", True),  # through the corrected fr–en pair
    (("-s", "es", "-t", "en"), "link 2 [numbers]", True),
])
def test_the_other_pairs_are_read_as_the_set_has_them(tmp_path, options, found, note):
    path = _set(tmp_path)
    _correct_en(tmp_path)
    done = _check(path, *options)
    assert found in done.stdout and "link 1 " not in done.stdout
    assert done.stderr.startswith("Note: read set.tmx as the app shows it") == note
    assert "set.fr-en.po beside set.tmx holds" not in done.stderr   # the old note, gone


def _align(folder: Path, *options: str):
    """`alignment align roman.fr.txt roman.en.txt roman.es.txt` with `options`."""
    paths = []
    for lang, lines in (("fr", FR), ("en", EN), ("es", ES)):
        paths.append(folder / f"roman.{lang}.txt")
        paths[-1].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return CliRunner().invoke(main, ["align", *map(str, paths), "--presplit", "--langs",
                                     "fr,en,es", "--embedder", "hashing", "-q", *options])


@pytest.mark.parametrize("option", ["-o", "--tmx"])
def test_a_set_is_not_written_over_a_corrected_pair_without_overwrite_edited(tmp_path, option):
    path = _set(tmp_path)
    _correct_en(tmp_path)
    before, po = path.read_bytes(), (tmp_path / "set.fr-en.po").read_bytes()
    done = _align(tmp_path, option, str(path))
    assert done.exit_code == 1 and path.read_bytes() == before
    said = done.stderr.splitlines()[-1]
    assert said.startswith(f"Error: {tmp_path / 'set.fr-en.po'} holds a person's corrections "
                           f"(it is marked X-Alignment-Edited); ")
    assert said.endswith("--overwrite-edited to write it anyway (set.fr-en.po is kept)"
                         if option == "--tmx" else "--overwrite-edited to replace it")
    done = _align(tmp_path, option, str(path), "--overwrite-edited")
    assert done.exit_code == 0, done.output
    assert path.read_bytes() != before
    assert ((tmp_path / "set.fr-en.po").read_bytes() == po) == (option == "--tmx")


def test_tmx_writes_a_set_beside_pair_pos_as_alignment_wrote_them(tmp_path):
    path = _set(tmp_path)
    before = path.read_bytes()
    done = _align(tmp_path, "--tmx", str(path))   # the set alone: its pair POs not written
    assert done.exit_code == 0, done.output
    assert path.read_bytes() != before and "Wrote" in done.stderr


def test_a_correction_saved_while_the_set_was_aligned_is_refused_at_writing(tmp_path):
    from alignment.cli.versions import write_set
    from alignment.errors import POConflict
    from alignment.versions_io import read_set_tmx

    path = _set(tmp_path)
    vs = read_set_tmx(path)
    _correct_en(tmp_path)   # after the check before the work, before the set is written
    with pytest.raises(POConflict, match="set.fr-en.po holds a person's corrections"):
        write_set(vs, output=None, out_dir=None, tmx=str(path), tsv=None, embedder=None,
                  overwrite_edited=False)
