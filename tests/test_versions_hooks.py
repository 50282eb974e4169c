"""The two one-line hooks outside the version-set files (alignment/cli/common.py,
alignment/kept.py): `alignment export SET.tmx` says where the app's corrections are, and the
start page's kept sets are named by their versions (QA 2026-12-04)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from tests.test_versions_pairs import FIXED, ES, _correct_es, _written


def test_export_of_a_set_reads_the_corrections_of_its_pair_po_and_says_so(tmp_path):
    """QA: after correcting the es pair in the app, `alignment export set.tmx -t es --tsv -`
    printed the old sentence and no word of the PO holding the new one; then only a note said
    where the corrections were. Now the set is read as the app shows it, and that is said."""
    _written(tmp_path)
    _correct_es(tmp_path)
    result = CliRunner().invoke(main, ["export", str(tmp_path / "set.tmx"), "-t", "es",
                                       "--tsv", "-"])
    assert result.exit_code == 0, result.output
    assert FIXED in result.stdout and ES[2] not in result.stdout
    assert "set.fr-es.po" in result.stderr and "as the app shows it" in result.stderr
    fixed = CliRunner().invoke(main, ["export", str(tmp_path / "set.fr-es.po"), "--tsv", "-"])
    assert FIXED in fixed.stdout
    (tmp_path / "set.fr-es.po").unlink()   # no corrections beside it: nothing said
    quiet = CliRunner().invoke(main, ["export", str(tmp_path / "set.tmx"), "-t", "es",
                                      "--tsv", "-"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_two_kept_sets_of_one_original_are_told_apart(tmp_path, monkeypatch):
    from alignment.kept import kept_files
    from alignment.types import Version
    from alignment.versions_io import read_set_tmx, write_set_tmx
    from alignment.workspace import aligned_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = aligned_dir()
    folder.mkdir(parents=True)
    vs = read_set_tmx(_written(tmp_path))
    write_set_tmx(vs, folder / "orig.fr--3-versions-0a1b2c3d.tmx")
    renamed = tuple(Version(n, t.lang, t.sentences) for n, t in zip(("fr", "anna", "ben", "es"),
                                                                      vs.texts))
    write_set_tmx(vs.__class__(renamed, vs.rows, vs.signatures, vs.warnings, vs.title),
                  folder / "orig.fr--3-versions-9f8e7d6c.tmx")
    assert sorted(k.label for k in kept_files()) == ["orig.fr (3 versions: anna, ben, es)",
                                                     "orig.fr (3 versions: en1, en2, es)"]
