"""The command line in batch scripts (a tester's report): an -o named as another format, a
false chapter warning on one-chapter books, a folder where a file goes, unknown --only names
and memory sizes, Ctrl+C, '-' as an input, the export help's Moses example, and the words
said after `words -o -`. Hashing embedder: no model."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from test_cli import EN_LINES, FR_LINES, one_error_line
from test_cli_outputs import FAST, PAIR, no_work
from test_read_formats import make_epub
from test_versions_cli import EN, ES, FR


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path as the current folder: two texts (a.fr.txt, a.en.txt), their PO (pairs.po), a
    table of pairs (m.tsv), three versions (o.*.txt) and an empty folder 'a dir'."""
    monkeypatch.chdir(tmp_path)
    for name, lines in (("a.fr.txt", FR_LINES), ("a.en.txt", EN_LINES), ("o.fr.txt", FR),
                        ("o.en.txt", EN), ("o.es.txt", ES)):
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "m.tsv").write_text("fr\ten\n" + "".join(f"{a}\t{b}\n" for a, b in
                                                          zip(FR_LINES, EN_LINES)), encoding="utf-8")
    result = CliRunner().invoke(main, ["align", *PAIR, "-o", "pairs.po"])
    assert result.exit_code == 0, result.output
    (tmp_path / "a dir").mkdir()
    return tmp_path


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# ---------------------------------------------------------------- 5. -o named as another format

@pytest.mark.parametrize("args, said", [
    (["align", *PAIR, "-o", "out.tmx"], "-o writes a PO file, not a TMX translation memory; "
                                         "write a TMX translation memory with --tmx out.tmx "
                                         "(and the PO, if you want it too, with -o out.po)"),
    (["align", *PAIR, "-o", "OUT.TSV"], "with --tsv OUT.TSV"),
    (["align", *PAIR, "-o", "out.csv"], "not a CSV table; write tab-separated pairs with --tsv "
                                         "out.tsv"),
    (["align", *PAIR, "-o", "out.html"], "with --html out.html"),
    (["align", *PAIR, "-o", "out.txt"], "name it out.po, then write plain text with --txt "
                                         "out.txt: alignment export out.po --txt out.txt"),
    (["align", *PAIR, "-o", "out.epub"], "alignment export out.po --epub out.epub"),
    (["import", "m.tsv", "-o", "out.tmx"], "name it out.po, then write a TMX translation memory "
                                            "with --tmx out.tmx: alignment export out.po --tmx"),
    (["words", "pairs.po", "-o", "out.tsv", *FAST], "alignment export out.po --tsv out.tsv"),
    (["corpus", "build", "sample", "-o", "out.tmx", *FAST], "with --tmx out.tmx (and the PO"),
])
def test_a_po_named_as_another_format_is_refused_before_the_work(runner, work, monkeypatch,
                                                                 args, said):
    before = _files(work)
    no_work(monkeypatch)
    import alignment.corpora as corpora
    monkeypatch.setattr(corpora, "build_corpus", _interrupt)   # never reached either
    line = one_error_line(runner.invoke(main, args))
    assert said in line and line.startswith(f"Error: -o {args[args.index('-o') + 1]}: ")
    assert _files(work) == before


@pytest.mark.parametrize("args, written, starts", [
    (["align", *PAIR, "-o", "out.po", "--tmx", "out.tmx"], "out.tmx", "<?xml"),
    (["align", *PAIR, "-o", "pairs-out"], "pairs-out", "# Aligned pairs"),
    (["align", "o.fr.txt", "o.en.txt", "o.es.txt", "--presplit", "-q", *FAST, "-o", "set.tmx"],
     "set.tmx", "<?xml"),   # a version set is written as TMX: kept
])
def test_names_that_fit_what_is_written_still_work(runner, work, args, written, starts):
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert (work / written).read_text(encoding="utf-8").startswith(starts)


# ---------------------------------------------------------------- 6. books of one chapter

ES_CHAPTER = [("Capítulo uno", ["La lluvia había parado antes del alba.",
                                "Ana abrió las contraventanas y miró la calle mojada.",
                                "Nadie vino aquella mañana.", "A mediodía el panadero había "
                                "vendido todo su pan."])]
EN_CHAPTER = [("Chapter One", ["The rain had stopped before dawn.",
                               "Anna opened the shutters and looked at the wet street.",
                               "Nobody came that morning.", "By noon the baker had sold all "
                               "his bread."])]


def _docx(chapters: list[tuple[str, list[str]]]) -> bytes:
    """A DOCX of chapters alone, as a short story is often written: a heading, its paragraphs
    (test_read_formats.make_docx adds a title before them, which is a chapter of its own)."""
    import io

    import docx

    document = docx.Document()
    for title, paragraphs in chapters:
        document.add_heading(title, level=1)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("suffix, make", [
    ("docx", lambda chapters, lang: _docx(chapters)),
    ("epub", lambda chapters, lang: make_epub(chapters, lang=lang, notes=False)),
])
def test_books_of_one_chapter_each_get_no_chapter_warning(runner, work, suffix, make):
    (work / f"b.es.{suffix}").write_bytes(make(ES_CHAPTER, "es"))
    (work / f"b.en.{suffix}").write_bytes(make(EN_CHAPTER, "en"))
    result = runner.invoke(main, ["align", f"b.es.{suffix}", f"b.en.{suffix}", "-s", "es", "-t",
                                  "en", "-o", "b.po", "-q", *FAST])
    assert result.exit_code == 0, result.output
    assert "chapters" not in result.output
    assert "do not match well" not in (work / "b.po").read_text(encoding="utf-8")
    assert "Wrote b.po" in result.output


# ---------------------------------------------------------------- 7. a folder where a file goes

@pytest.mark.parametrize("args, said", [
    (["align", *PAIR, "-o", "a dir"], "-o a dir is a folder; give a file name (e.g. -o a dir/"
                                      "pairs.po)"),
    (["align", *PAIR, "-o", "x.po", "--tmx", "a dir"], "--tmx a dir is a folder; give a file"),
    (["export", "pairs.po", "--tmx", "a dir"], "--tmx a dir is a folder; give a file name"),
    (["export", "pairs.po", "--epub", "a dir/"], "--epub a dir/ is a folder; give a file name"),
    (["export", "pairs.po", "--corrected", "a dir", "--original", "m.tsv"],
     "--corrected a dir is a folder"),
    (["export", "pairs.po", "--corrected", "c.xlf", "--original", "a dir"],
     "a dir is a folder; give a file: the XLIFF, TMX, XLSX, ODS, DOCX, CSV or TSV file the pairs came from"),
    (["import", "m.tsv", "-o", "a dir"], "-o a dir is a folder; give a file name"),
    (["import", "a dir", "-o", "x.po"], "a dir is a folder; give a file: a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX"),
    (["words", "pairs.po", "-o", "a dir", *FAST], "-o a dir is a folder; give a file name"),
    (["check", "a dir"], "a dir is a folder; give a file: a PO file, or a TMX, XLIFF, TSV, CSV, XLSX, ODS or DOCX"),
    (["export", "a dir", "--tmx", "x.tmx"], "a dir is a folder; give a file: a PO file"),
    (["corpus", "build", "sample", "-o", "a dir", *FAST], "-o a dir is a folder"),
    (["align", "a dir", "a.en.txt"], "a dir is a folder; give a file: text, HTML"),
])
def test_a_folder_where_a_file_goes_is_one_error_line(runner, work, monkeypatch, args, said):
    before = _files(work)
    no_work(monkeypatch)
    result = runner.invoke(main, args)
    assert said in one_error_line(result)
    assert "Usage:" not in result.output
    assert _files(work) == before and not list((work / "a dir").iterdir())


@pytest.mark.parametrize("args", [
    ["check"], ["align", "a.fr.txt"], ["export", "pairs.po", "--bogus", "x"],
    ["check", "pairs.po", "--format", "yaml"],
])
def test_mistakes_in_the_command_line_stay_usage_errors(runner, work, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 2 and "Usage:" in result.output


# ---------------------------------------------------------------- 8. --only and --max-memory

@pytest.mark.parametrize("only", ["numbrs", "numbers,nams"])
def test_an_unknown_check_is_refused_before_the_file_and_the_encoder(runner, work, monkeypatch,
                                                                     only):
    import alignment.cli.check as check

    def refuse(*args, **kwargs):
        raise AssertionError("read the file although --only names an unknown check")
    monkeypatch.setattr(check, "_read", refuse)
    line = one_error_line(runner.invoke(main, ["check", "pairs.po", "--only", only]))
    assert f"unknown check '{only.split(',')[-1]}'" in line
    assert "choose from: numbers, names, omission" in line


@pytest.mark.parametrize("size, code, said", [
    ("512K", 2, "'512K' is no memory size: give a number with G (gigabytes) or M (megabytes)"),
    ("1KB", 2, "such as 2G, 1.5GB or 1500M; a plain number is megabytes"),
    ("2T", 2, "give a number with G (gigabytes) or M (megabytes)"),
    ("0", 2, "no alignment takes less than 0.6 GB; give 600M or more"),
    ("-1G", 2, "no alignment takes less than 0.6 GB; give 600M or more"),
    ("100M", 1, "more than the limit of 0.1 GB (--max-memory); no alignment takes less than "
                "0.6 GB: give --max-memory 600M or more"),
])
def test_a_memory_size_refused_says_the_units_and_the_least(runner, work, size, code, said):
    result = runner.invoke(main, ["align", *PAIR, "--presplit", "-o", "x.po", "--max-memory",
                                  size])
    if code == 1:
        assert said in one_error_line(result)
    else:
        assert result.exit_code == 2 and said in result.output
    assert not (work / "x.po").exists()


# ---------------------------------------------------------------- 9. Ctrl+C

def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


@pytest.mark.parametrize("args, module, name", [
    (["align", *PAIR, "-o", "x.po", "--tmx", "x.tmx"], "alignment.pipeline", "align_documents"),
    (["align", "o.fr.txt", "o.en.txt", "o.es.txt", "-q", *FAST, "-o", "x.tmx"],
     "alignment.versions", "align_versions"),
    (["words", "pairs.po", "-o", "x.po", *FAST], "alignment.words", "link_bitext"),
    (["check", "pairs.po", "--no-words", "--format", "po"], "alignment.checks", "run_checks"),
    (["export", "pairs.po", "--tmx", "x.tmx"], "alignment.cli.export", "read_pairs_or_po"),
    (["import", "m.tsv", "-o", "x.po"], "alignment.cli.import_cmd", "read_pairs_file_noted"),
    (["corpus", "build", "sample", "-o", "x.po", *FAST], "alignment.corpora", "build_corpus"),
    (["corpus", "fetch", "serge-1926", "--file", "a.fr.txt"], "alignment.corpus_fetch",
     "fetch_side"),
    (["bench", "a dir"], "alignment.evaluate_words", "is_alibi"),
])
def test_ctrl_c_says_nothing_was_written_and_exits_130(runner, work, monkeypatch, args, module,
                                                       name):
    import importlib

    monkeypatch.setattr(importlib.import_module(module), name, _interrupt)
    before = {p: p.read_bytes() for p in work.iterdir() if p.is_file()}
    result = runner.invoke(main, args)
    assert result.exit_code == 130, result.output
    assert result.stderr.strip().splitlines()[-1] == "Interrupted: nothing was written"
    assert "Aborted" not in result.output
    assert {p: p.read_bytes() for p in work.iterdir() if p.is_file()} == before


def test_ctrl_c_after_outputs_were_written_names_them(runner, work, monkeypatch):
    """Interrupted once the PO and the TMX are written: 'nothing was written' would be false."""
    import alignment.cli.align as align

    monkeypatch.setattr(align, "describe_alignment", _interrupt)
    result = runner.invoke(main, ["align", *PAIR, "-o", "x.po", "--tmx", "x.tmx"])
    assert result.exit_code == 130, result.output
    assert "Interrupted while writing the outputs, after x.po, x.tmx" in result.stderr
    assert "nothing was written" not in result.output
    assert (work / "x.po").exists() and (work / "x.tmx").exists()


def test_a_real_sigint_is_said_and_exits_130(work):
    """SIGINT sent to a running `alignment align` (its alignment held up for the signal)."""
    import signal

    code = ("import sys, time, alignment.pipeline as p\n"
            "def slow(*a, **k):\n    print('aligning', file=sys.stderr, flush=True)\n"
            "    time.sleep(60)\n"
            "p.align_documents = slow\n"
            "from alignment.cli import main\nsys.argv[0] = 'alignment'\nmain()\n")
    from test_cli_devices import default_signals

    proc = subprocess.Popen([sys.executable, "-c", code, "align", *PAIR, "-o", "x.po"],
                            stderr=subprocess.PIPE, text=True, cwd=work, preexec_fn=default_signals)
    assert proc.stderr is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and "aligning" not in proc.stderr.readline():
        pass
    proc.send_signal(signal.SIGINT)
    rest = proc.communicate(timeout=30)[1]
    assert proc.returncode == 130 and rest.strip() == "Interrupted: nothing was written"
    assert not (work / "x.po").exists()


# ---------------------------------------------------------------- 10. '-' as an input

@pytest.mark.parametrize("args", [
    ["align", "-", "a.en.txt", "-o", "x.po"], ["align", "a.fr.txt", "-", "-o", "x.po"],
    ["align", "o.fr.txt", "o.en.txt", "-", "-o", "x.tmx"], ["check", "-"],
    ["export", "-", "--tmx", "x.tmx"], ["import", "-", "-o", "x.po"],
])
def test_standard_input_is_not_taken_for_a_text(runner, work, monkeypatch, args):
    no_work(monkeypatch)
    line = one_error_line(runner.invoke(main, args, input="Un texte.\n"))
    assert line.startswith("Error: -: standard input is not read as a text; give a file")
    assert not (work / "x.po").exists() and not (work / "x.tmx").exists()


# ---------------------------------------------------------------- 11. the help's Moses example

def test_the_moses_example_of_export_help_works_as_pasted(runner, work):
    help_text = runner.invoke(main, ["export", "-h"]).output
    example = next(line for line in help_text.splitlines() if "--moses" in line
                   and "Example:" in line)
    args = shlex.split(example.split("Example: alignment", 1)[1].split("   (")[0])
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    prefix = args[args.index("--moses") + 1]
    assert (work / f"{prefix}.fr").read_text(encoding="utf-8").splitlines()[0] == FR_LINES[0]


# ---------------------------------------------------------------- 15. words -o -, shared help

def test_words_to_standard_output_says_so(runner, work):
    result = runner.invoke(main, ["words", "pairs.po", "-o", "-", "-q", *FAST])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Aligned pairs")
    said = result.stderr.strip().splitlines()[-1]
    assert said.startswith("Wrote ") and said.endswith(" entries to standard output")
    assert "Wrote -" not in result.stderr


@pytest.mark.parametrize("command", ["export", "import", "words", "align", "corpus build"])
def test_overwrite_edited_help_names_no_option_a_command_lacks(command):
    """The help is shared: export has no -o, and it said '(by -o or by any other output)'."""
    group = main
    for name in command.split():
        group = group.commands[name]
    said = next(p.help for p in group.params if p.name == "overwrite_edited")
    options = {o for p in group.params for o in p.opts}
    assert "edited" in said
    assert all(o in options for o in re.findall(r"(?<![\w-])--?[a-z][\w-]*", said)), said
