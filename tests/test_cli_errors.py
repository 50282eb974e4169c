"""Outputs the CLI cannot write: refused before the work, or said in one line 'Error: ...' with
what to do (README: exit 1, no traceback). Root runs these in CI, so read-only folders and full
disks are simulated (os.access, os.fsync), and a read-only file is one without its write bit,
which the tool refuses whoever runs it (po_guard.ensure_writable)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from test_cli import EN_LINES, FR_LINES, one_error_line
from test_cli_outputs import FAST, PAIR, no_work

FULL_DISK = "cannot write (No space left on device); free some space or write elsewhere"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path as the current folder, with two texts, their PO (pairs.po) and a copy a person
    corrected (victim.po)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.fr.txt").write_text("\n".join(FR_LINES) + "\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("\n".join(EN_LINES) + "\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["align", *PAIR, "-o", "pairs.po"]).exit_code == 0
    text = (tmp_path / "pairs.po").read_text(encoding="utf-8")
    (tmp_path / "victim.po").write_text(text.replace('msgstr "It has seven arches."',
                                                     'msgstr "It has 7 arches."'), encoding="utf-8")
    return tmp_path


def _full_disk(monkeypatch) -> None:
    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")   # no file named, as the system says
    monkeypatch.setattr(os, "fsync", fsync)


EXPORTS = [(["--tmx", "keep.tmx"], "keep.tmx"), (["--tsv", "keep.tsv"], "keep.tsv"),
           (["--html", "keep.html"], "keep.html"), (["--txt", "keep.txt"], "keep.txt"),
           (["--epub", "keep.epub"], "keep.epub"), (["--anki", "keep.apkg"], "keep.apkg"),
           (["--moses", "keep"], "keep.en")]


@pytest.mark.parametrize("args, kept", [
    *((["export", "pairs.po", *a], k) for a, k in EXPORTS),
    (["align", *PAIR, "--tmx", "keep.tmx"], "keep.tmx"),
    (["align", *PAIR, "--tsv", "keep.tsv"], "keep.tsv"),
    (["align", *PAIR, "-o", "keep.po", "--html", "keep.html"], "keep.html"),
    (["align", *PAIR, "-o", "keep.po"], "keep.po"),
])
def test_a_read_only_output_is_refused_before_the_work(runner, work, monkeypatch, args, kept):
    """A read-only keep.tmx was replaced silently ('Wrote keep.tmx'): a rename ignores the
    file's mode. A read-only PO was refused, but only after the whole alignment."""
    (work / kept).write_text("precious\n")
    (work / kept).chmod(0o444)
    no_work(monkeypatch)
    line = one_error_line(runner.invoke(main, args))
    assert f"{kept} is read-only; make it writable" in line
    assert (work / kept).read_text() == "precious\n"


@pytest.mark.parametrize("args", [
    ["export", "pairs.po", "--tmx", "ro/e.tmx"],
    ["export", "pairs.po", "--moses", "ro/m"],
    ["align", *PAIR, "-o", "ro/new.po"],
    ["align", *PAIR, "-o", "new.po", "--tsv", "ro/new.tsv"],
    ["words", "pairs.po", "-o", "ro/w.po", *FAST],
])
def test_an_output_in_a_folder_that_cannot_be_written_is_refused_before_the_work(
        runner, work, monkeypatch, args):
    """Only a missing folder was refused before the work; a read-only one failed after it."""
    (work / "ro").mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if (
        mode & os.W_OK and Path(path).name == "ro") else real(path, mode, **kw))
    no_work(monkeypatch)
    line = one_error_line(runner.invoke(main, args))
    assert "cannot write in the folder" in line and line.endswith("make it writable or write elsewhere")
    assert list((work / "ro").iterdir()) == [] and not (work / "new.po").exists()


def test_words_in_place_on_a_read_only_po_is_refused_before_the_linking(runner, work, monkeypatch):
    (work / "pairs.po").chmod(0o444)
    no_work(monkeypatch)
    assert "pairs.po is read-only" in one_error_line(runner.invoke(main, ["words", "pairs.po", *FAST]))


def test_check_format_po_on_a_read_only_po_is_refused_before_the_checks(runner, work, monkeypatch):
    import alignment.checks as checks

    def refuse(*args, **kwargs):
        raise AssertionError("checked although the PO cannot be written")
    monkeypatch.setattr(checks, "run_checks", refuse)
    (work / "pairs.po").chmod(0o444)
    line = one_error_line(runner.invoke(main, ["check", "pairs.po", "--format", "po", "--no-words"]))
    assert "pairs.po is read-only" in line


@pytest.mark.parametrize("args, named", [
    (["words", "pairs.po", "-q", *FAST], "pairs.po"),
    (["words", "pairs.po", "-o", "w.po", "-q", *FAST], "w.po"),
    (["check", "pairs.po", "--format", "po", "--no-words", "-q"], "pairs.po"),
    (["align", *PAIR, "-o", "new.po"], "new.po"),
    (["export", "pairs.po", "--tmx", "e.tmx"], "e.tmx"),
    (["export", "pairs.po", "--moses", "m"], "m.fr"),
])
def test_a_full_disk_is_one_line_naming_the_file(runner, work, monkeypatch, args, named):
    """`words` and `check --format po` ended in an OSError traceback; align and export said
    'Error: : cannot write (...); check the folder exists', no file and the wrong advice."""
    (work / "pairs.po").write_text((work / "victim.po").read_text(encoding="utf-8").replace(
        "7 arches", "1921 arches"), encoding="utf-8")   # a finding for check to write
    before = (work / "pairs.po").read_bytes()
    _full_disk(monkeypatch)
    line = one_error_line(runner.invoke(main, args))
    assert line.startswith(f"Error: {named}: ") and ("No space left on device" in line
                                                      and "free some space or write elsewhere" in line)
    assert (work / "pairs.po").read_bytes() == before
    assert sorted(p.name for p in work.iterdir() if p.name.startswith(".") and "tmp" in p.name) == []


def test_a_full_disk_under_a_moses_export_keeps_both_old_files(runner, work, monkeypatch):
    """m.fr was new and m.en old: their lines no longer translations of each other."""
    assert runner.invoke(main, ["export", "victim.po", "--moses", "m"]).exit_code == 0
    old = (work / "m.fr").read_bytes(), (work / "m.en").read_bytes()
    real, calls = os.fsync, []

    def second_fails(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)
    monkeypatch.setattr(os, "fsync", second_fails)
    assert FULL_DISK in one_error_line(runner.invoke(main, ["export", "pairs.po", "--moses", "m"]))
    assert ((work / "m.fr").read_bytes(), (work / "m.en").read_bytes()) == old


def test_a_name_the_file_system_takes_is_written(runner, work):
    """Names of 242 to 255 bytes failed: the lock and temporary names beside them were longer."""
    long = "x" * 247 + ".tmx"
    result = runner.invoke(main, ["export", "pairs.po", "--tmx", long, "--tsv", "é" * 120 + ".tsv"])
    assert result.exit_code == 0, result.output
    assert (work / long).is_file() and (work / ("é" * 120 + ".tsv")).is_file()
    result = runner.invoke(main, ["align", *PAIR, "-o", "y" * 250 + ".po"])
    assert result.exit_code == 0, result.output


def test_a_name_too_long_is_refused_before_the_work(runner, work, monkeypatch):
    no_work(monkeypatch)
    line = one_error_line(runner.invoke(main, ["align", *PAIR, "-o", "z" * 300 + ".po"]))
    assert line.endswith("use a shorter name")


def test_words_in_place_after_another_save_says_to_run_it_again(runner, work, monkeypatch):
    """The loser of two `words q.po` said 'reload it to see those changes, or save under another
    name': the app's words, which a command cannot follow."""
    import alignment.words as words

    real = words.link_bitext

    def saved_meanwhile(*args, **kwargs):
        (work / "pairs.po").write_text((work / "pairs.po").read_text(encoding="utf-8") + "\n",
                                       encoding="utf-8")
        return real(*args, **kwargs)
    monkeypatch.setattr(words, "link_bitext", saved_meanwhile)
    line = one_error_line(runner.invoke(main, ["words", "pairs.po", "-q", *FAST]))
    assert "pairs.po changed on disk while the word links were found" in line
    assert line.endswith("nothing written: run `alignment words pairs.po` again")


def test_sigterm_ends_a_write_like_ctrl_c(work):
    """Killed (SIGTERM) while writing, a run left its hidden temporary file for ever."""
    script = ("import os, signal, sys\n"
              "real = os.fsync\n"
              "def fsync(fd):\n"
              "    os.kill(os.getpid(), signal.SIGTERM)\n"
              "    real(fd)\n"
              "os.fsync = fsync\n"
              "from alignment.cli import main\n"
              "main(['export', 'pairs.po', '--tsv', 'out.tsv'])\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=work, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 128 + 15, done.stderr
    assert not (work / "out.tsv").exists()
    assert [p.name for p in work.iterdir() if p.name.startswith(".out.tsv")] == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_standard_output_is_named(tmp_path):
    """`alignment export pairs.po --tsv - > /dev/full` said "Error: cannot write (No space left
    on device)", naming nothing: the output that failed is standard output."""
    import subprocess
    import sys

    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    n = 3000   # more than a pipe's buffer: the write fails inside the command
    write_po(Bitext(tuple(Sentence(f"Phrase numéro {i}.") for i in range(n)),
                    tuple(Sentence(f"Sentence number {i}.") for i in range(n)),
                    Alignment(tuple(Link((i,), (i,)) for i in range(n))), "fr", "en"),
             tmp_path / "big.po")
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "alignment", "export", str(tmp_path / "big.po"),
                               "--tsv", "-"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 1
    assert done.stderr.strip() == ("Error: standard output: cannot write (No space left on "
                                   "device); free some space or write elsewhere")
