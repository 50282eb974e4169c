"""What a script hands the CLI besides files (a power user's report): devices and named pipes
as inputs and outputs, a Mac file given to --presplit, an empty file, a run killed mid-write,
SIGTERM and SIGHUP, and -q on every command. Hashing embedder: no model.

A named pipe is served by a thread that opens its other end now and then, so that a command
that wrongly opens it reads nothing and fails the test instead of hanging it.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.errors import InputError
from test_cli import EN_LINES, FR_LINES, one_error_line
from test_cli_outputs import FAST, PAIR, no_work

DEVICE_OUT = "is a device, not a file: give a file name, or '-' for standard output"
PIPE_OUT = "is a pipe, not a file: give a file name, or '-' for standard output"
PAIRS_IN = "not a file: give a PO file, or a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX file"

needs_devices = pytest.mark.skipif(not Path("/dev/full").exists() or not hasattr(os, "mkfifo"),
                                   reason="no /dev/full or named pipes here")


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path as the current folder, with two texts and their PO (pairs.po)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.fr.txt").write_text("\n".join(FR_LINES) + "\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("\n".join(EN_LINES) + "\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["align", *PAIR, "-o", "pairs.po"]).exit_code == 0
    return tmp_path


@pytest.fixture()
def fifo(work: Path) -> Iterator[Path]:
    """work/ff.po, a named pipe, its writer end opened and closed while the test runs."""
    path = work / "ff.po"
    os.mkfifo(path)
    done = threading.Event()

    def serve() -> None:
        while not done.is_set():
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))   # a reader waits: EOF
            except OSError:
                pass
            time.sleep(0.01)
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield path
    done.set()
    thread.join()


# ---------------------------------------------------------------- devices and pipes

@needs_devices
@pytest.mark.parametrize("args, said", [
    (["align", *PAIR, "-o", "/dev/zero"], f"-o /dev/zero {DEVICE_OUT}"),
    (["align", *PAIR, "-o", "/dev/full"], f"-o /dev/full {DEVICE_OUT}"),
    (["align", *PAIR, "-o", "ff.po"], f"-o ff.po {PIPE_OUT}"),
    (["align", *PAIR, "-o", "pairs2.po", "--tmx", "/dev/full"], f"--tmx /dev/full {DEVICE_OUT}"),
    (["align", *PAIR, "-o", "/dev/null"],
     f"-o /dev/null {DEVICE_OUT} (and > /dev/null to drop it)"),
    (["align", "ff.po", "a.en.txt", "-q", *FAST],
     "ff.po is a pipe, not a file: give text, HTML, Markdown, EPUB, DOCX, ODT or PDF"),
    (["import", "t.tsv", "-o", "/dev/full"], f"-o /dev/full {DEVICE_OUT}"),
    (["export", "pairs.po", "--tsv", "ff.po"], f"--tsv ff.po {PIPE_OUT}"),
    (["export", "pairs.po", "--epub", "/dev/null"],
     "--epub /dev/null is a device, not a file: give a file name"),
    (["export", "/dev/zero", "--tsv", "-"], f"/dev/zero is a device, {PAIRS_IN}"),
    (["check", "/dev/zero"], f"/dev/zero is a device, {PAIRS_IN}"),
    (["check", "ff.po"], f"ff.po is a pipe, {PAIRS_IN}"),
    (["words", "ff.po", *FAST],
     "ff.po is a pipe, not a file: give a PO file (or a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX file)"),
    (["words", "ff.po", "a.en.txt", "--presplit", *FAST],
     "ff.po is a pipe, not a file: give a text file, one sentence per line"),
    (["corpus", "build", "sample", "-o", "/dev/full"], f"-o /dev/full {DEVICE_OUT}"),
    (["corpus", "fetch", "serge-1926", "--file", "/dev/zero"],
     "--file /dev/zero is a device, not a file: give the saved web page, or its section as text"),
])
def test_a_device_or_a_pipe_is_refused_before_it_is_read(runner, work, fifo, monkeypatch,
                                                         args, said):
    """`-o /dev/full` grew to 21 GB (the edited-PO check read it whole), `check ff.po` and
    `-o /dev/stdout | cat` hung, /dev/null was 'not written by alignment'."""
    (work / "t.tsv").write_text("fr\ten\nBonjour.\tHello.\n", encoding="utf-8")
    no_work(monkeypatch)
    assert one_error_line(runner.invoke(main, args)) == f"Error: {said}"
    assert fifo.exists() and not fifo.is_file()   # the pipe is not replaced


@needs_devices
def test_the_po_reader_refuses_a_pipe_without_waiting(fifo):
    """The app's reader (read_po) opened a named pipe and waited for a writer."""
    from alignment.po import read_po

    with pytest.raises(InputError, match="ff.po is a pipe, not a file: give a PO file"):
        read_po(fifo)


# ---------------------------------------------------------------- odd inputs

@pytest.mark.parametrize("data", [b"", b"\n\n", b"\xef\xbb\xbf", b" \r\n\t"])
@pytest.mark.parametrize("name", ["empty.txt", "empty.po"])
def test_an_empty_file_is_said_to_be_empty(runner, tmp_path, name, data):
    """`alignment check empty.txt` said "header lacks Language or X-Source-Language"."""
    (tmp_path / name).write_bytes(data)
    line = one_error_line(runner.invoke(main, ["check", str(tmp_path / name), "--no-words"]))
    assert line.startswith(f"Error: {tmp_path / name}: the file is empty; give a PO file")


@pytest.mark.parametrize("end, warned", [("\r", True), ("\r\n", False), ("\n", False)])
def test_presplit_warns_of_a_file_of_carriage_returns_alone(runner, work, end, warned):
    """A Mac file (lines ended by '\\r' alone) was read as one sentence without a word said."""
    (work / "p.fr").write_text(end.join(["Il pleut.", "Il neige.", "Il vente."]) + end,
                               encoding="utf-8")
    (work / "p.en").write_text("It rains.\n", encoding="utf-8")
    result = runner.invoke(main, ["words", "p.fr", "p.en", "--presplit", "-s", "fr", "-t", "en",
                                  "-q", *FAST])
    warnings = [line for line in result.output.splitlines() if line.startswith("Warning: ")]
    if warned:
        assert warnings == ["Warning: p.fr: its lines end in '\\r' alone (old Mac line ends), "
                            "and --presplit splits lines at '\\n': read as one line; convert it "
                            "first (tr '\\r' '\\n' < p.fr > p.fr.unix)"]
        assert result.exit_code == 0, result.output
    else:
        assert warnings == [] and "3 lines" in result.output   # 3 against 1: refused as before


# ---------------------------------------------------------------- killed runs

KILLED_IN_FSYNC = ("import os, signal, sys\n"
                   "def fsync(fd):\n"
                   "    os.kill(os.getpid(), signal.{sig})\n"
                   "os.fsync = fsync\n"
                   "from alignment.cli import main\n"
                   "main(['export', 'pairs.po', '--tsv', 'out.tsv'])\n")


def default_signals() -> None:
    """For a child process (preexec_fn): SIGINT, SIGTERM and SIGHUP at their defaults, whatever
    the test run's were. A run started under nohup, or in the background of a script, ignores
    SIGHUP or SIGINT, and a child inherits that: Python then sets no KeyboardInterrupt, and the
    CLI keeps an ignored SIGHUP ignored (test_a_signal_ignored_stays_ignored), so the signal
    tests failed there (a CI run launched so, 2026-12-06)."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def _hidden(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{name}."))


def test_the_next_write_removes_what_a_run_killed_mid_write_left(runner, work):
    """kill -9 during a write left `.out.tsv.XXXXXXXX.tmp`, and the next runs of the hour left it
    too. A run killed is gone (the system dropped its lock): the next write removes its file."""
    done = subprocess.run([sys.executable, "-c", KILLED_IN_FSYNC.format(sig="SIGKILL")],
                          cwd=work, capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL
    left = _hidden(work, "out.tsv")
    assert len(left) == 1
    then = time.time() - 10   # the next run comes seconds later
    os.utime(work / left[0], (then, then))
    assert runner.invoke(main, ["export", "pairs.po", "--tsv", "out.tsv"]).exit_code == 0
    assert _hidden(work, "out.tsv") == [] and (work / "out.tsv").is_file()


def test_a_write_in_progress_elsewhere_keeps_its_file(runner, work):
    """A temporary file its writer still holds (locked) is not removed, however old."""
    from alignment.atomic import _temp_prefix

    busy = work / f"{_temp_prefix(work / 'out.tsv')}abcd1234.w.tmp"
    busy.write_bytes(b"half")
    then = time.time() - 600
    os.utime(busy, (then, then))
    with open(busy, "rb+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert runner.invoke(main, ["export", "pairs.po", "--tsv", "out.tsv"]).exit_code == 0
        assert busy.exists()


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_say_what_was_written_as_ctrl_c_does(work, sig):
    """SIGTERM ended the command with 143 and not a word; SIGHUP (a closed terminal) killed it,
    its temporary file left behind."""
    done = subprocess.run([sys.executable, "-c", KILLED_IN_FSYNC.format(sig=sig)], cwd=work,
                          capture_output=True, text=True, timeout=120, preexec_fn=default_signals)
    assert done.returncode == 128 + getattr(signal, sig), done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        "Interrupted while writing the outputs: each file is written whole or not at all; run "
        "the command again to be sure of them all")
    assert _hidden(work, "out.tsv") == [] and not (work / "out.tsv").exists()


def test_a_signal_ignored_stays_ignored(work):
    """Under `nohup` (SIGHUP ignored) a closed terminal does not end the command."""
    script = ("import os, signal\n"
              "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
              "real = os.fsync\n"
              "def fsync(fd):\n"
              "    os.kill(os.getpid(), signal.SIGHUP)\n"
              "    real(fd)\n"
              "os.fsync = fsync\n"
              "from alignment.cli import main\n"
              "main(['export', 'pairs.po', '--tsv', 'out.tsv'])\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=work, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (work / "out.tsv").is_file()


# ---------------------------------------------------------------- options

@pytest.mark.parametrize("args", [
    ["export", "pairs.po", "--tsv", "q.tsv", "-q"],
    ["import", "t.tsv", "-o", "t.po", "-q"],
    ["corpus", "fetch", "sample", "-q"],
])
def test_quiet_is_taken_by_every_command(runner, work, args):
    """A script passing -q to every command got 'No such option: -q' (exit 2) from three."""
    (work / "t.tsv").write_text("fr\ten\nBonjour.\tHello.\n", encoding="utf-8")
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output


def test_check_says_its_csv_starts_with_a_byte_order_mark(runner, work):
    """The BOM (for Excel) surprised a script reading the first column's name."""
    report = runner.invoke(main, ["check", "pairs.po", "--no-words", "--format", "csv"])
    assert report.stdout.startswith("\ufeff")
    helped = " ".join(runner.invoke(main, ["check", "-h"]).output.split())
    assert "UTF-8 starting with a byte order mark, by which Excel reads accented letters" in helped
