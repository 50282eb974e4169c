"""Every output of every command is checked the same way (QA issue: CLI outputs destroying files).

No output replaces an input or a PO a person edited (same refusal and --overwrite-edited as -o),
'-' is standard output for text outputs and refused for files-only ones, and with several
versions the options of two texts are refused rather than ignored. Hashing embedder: no model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.po import file_fingerprint, read_po, save_po
from test_cli import EN_LINES, FR_LINES, one_error_line
from test_versions_cli import EN, ES, FR

FAST = ["--embedder", "hashing"]
PAIR = ["a.fr.txt", "a.en.txt", "-s", "fr", "-t", "en", "-q", *FAST]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path as the current folder (a file named '-' would land here), with two texts, a PO
    of theirs (pairs.po) and a copy a person corrected (victim.po)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.fr.txt").write_text("\n".join(FR_LINES) + "\n", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("\n".join(EN_LINES) + "\n", encoding="utf-8")
    for name, lines in (("o.fr.txt", FR), ("o.en.txt", EN), ("o.es.txt", ES)):
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["align", "a.fr.txt", "a.en.txt", "-s", "fr", "-t", "en",
                                       "-o", "pairs.po", "-q", *FAST])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "pairs.po").read_text(encoding="utf-8")
    (tmp_path / "victim.po").write_text(text.replace('msgstr "It has seven arches."',
                                                     'msgstr "It has 7 arches."'), encoding="utf-8")
    return tmp_path


def no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any alignment or word linking fail: a refusal must come before the work."""
    import alignment.pipeline as pipeline
    import alignment.versions as versions
    import alignment.words as words

    def refuse(*args, **kwargs):
        raise AssertionError("worked although an output was refused")
    for module, name in ((pipeline, "align_documents"), (pipeline, "align_sentences"),
                         (versions, "align_versions"), (words, "link_bitext")):
        monkeypatch.setattr(module, name, refuse)


# ---------------------------------------------------------------- several versions (item 1)

SET = ["align", "o.fr.txt", "o.en.txt", "o.es.txt", "--presplit", "-q", *FAST]


@pytest.mark.parametrize("extra, message", [
    (["-o", "s.tmx", "--tsv", "o.es.txt"], "--tsv o.es.txt is the input file o.es.txt"),
    (["--tmx", "o.en.txt"], "--tmx o.en.txt is the input file"),
    (["-o", "s.tmx", "--html", "s.html"], "--html works on two texts"),
    (["-o", "s.tmx", "-s", "de"], "-s/--src-lang works on two texts"),
    (["-o", "s.tmx", "-t", "es"], "-t/--tgt-lang works on two texts"),
    (["-o", "s.tmx", "--src-section", "I"], "--src-section works on two texts"),
    (["-o", "s.tmx", "--tgt-section", "I"], "--tgt-section works on two texts"),
    (["-o", "nodir/s.tmx"], "the folder nodir does not exist"),
    (["-o", "-"], "give -o SET.tmx, or --tmx - / --tsv -"),
    (["-o", "s.tmx", "--tsv", "s.tmx"], "both name s.tmx"),
    (["--tmx", "-", "--tsv", "-"], "only one output can go to standard output"),
    (["-o", "s.tmx", "--tsv", "victim.po"], "victim.po was edited since"),
    (["--langs", "fr,en,es", "-o", "set.tmx"], "set.fr-en.po was edited since"),
])
def test_a_set_refuses_before_the_work(runner, work, monkeypatch, extra, message):
    (work / "set.fr-en.po").write_bytes((work / "victim.po").read_bytes())
    before = {p.name: p.read_bytes() for p in work.iterdir() if p.is_file()}
    no_work(monkeypatch)
    line = one_error_line(runner.invoke(main, [*SET, *extra]))
    assert message in line
    assert {p.name: p.read_bytes() for p in work.iterdir() if p.is_file()} == before


@pytest.mark.parametrize("victim, message", [
    ("fr-en.txt", "-O out/fr-en.txt is the input file"),   # the original, named as a pair's file
    ("fr-es.txt", "-O out/fr-es.txt: out/fr-es.txt was edited since"),   # a corrected PO named so
])
def test_a_set_written_per_pair_into_a_folder_replaces_no_input_nor_corrections(
        runner, work, monkeypatch, victim, message):
    """-O DIR names its files after the languages, known only once the texts are read; they
    were never checked, so 'alignment align out/fr-en.txt ... -O out' replaced the original."""
    (work / "out").mkdir()
    (work / "out" / "fr-en.txt").write_bytes((work / "o.fr.txt").read_bytes())
    (work / "out" / "fr-es.txt").write_bytes((work / "victim.po").read_bytes())
    before = {p.name: p.read_bytes() for p in (work / "out").iterdir()}
    no_work(monkeypatch)
    args = ["align", "out/fr-en.txt", "o.en.txt", "o.es.txt", "--presplit", "-q", *FAST,
            "--langs", "fr,en,es", "--format", "vecalign", "-O", "out"]
    if victim == "fr-es.txt":
        args[1] = "o.fr.txt"
    assert message in one_error_line(runner.invoke(main, args))
    assert {p.name: p.read_bytes() for p in (work / "out").iterdir()} == before


def test_a_set_written_per_pair_makes_its_folder(runner, work):
    result = runner.invoke(main, [*SET, "--langs", "fr,en,es", "--format", "vecalign", "-O", "new"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (work / "new").iterdir()) == ["en-es.txt", "fr-en.txt", "fr-es.txt"]


def test_a_set_with_tmx_alone_writes_the_set_and_says_the_languages(runner, work):
    result = runner.invoke(main, [*SET, "--tmx", "s7.tmx"])
    assert result.exit_code == 0, result.output
    assert "Detected languages: o.fr.txt fr, o.en.txt en, o.es.txt es" in result.stderr
    assert (work / "s7.tmx").exists() and not list(work.glob("s7.*.po"))


@pytest.mark.parametrize("option, start", [("--tsv", "fr\ten\tes\n"), ("--tmx", "<?xml")])
def test_a_set_to_standard_output(runner, work, option, start):
    result = runner.invoke(main, [*SET, "--langs", "fr,en,es", option, "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(start) and not (work / "-").exists()


# ---------------------------------------------------------------- every output guarded (item 2)

@pytest.mark.parametrize("args", [
    ["export", "pairs.po", "--tsv", "victim.po"],
    ["export", "pairs.po", "--tmx", "victim.po"],
    ["export", "pairs.po", "--html", "victim.po"],
    ["export", "pairs.po", "--epub", "victim.po"],
    ["export", "pairs.po", "--moses", "victim"],   # victim.fr: the corrected PO, renamed
    ["align", *PAIR, "-o", "new.po", "--html", "victim.po"],
    ["align", *PAIR, "--tsv", "victim.po"],
    ["align", *PAIR, "--tmx", "victim.po"],
    ["align", *PAIR, "--presplit", "--format", "vecalign", "-o", "victim.po"],
    ["words", "pairs.po", "-o", "victim.po", *FAST],
])
def test_no_output_replaces_an_edited_po(runner, work, monkeypatch, args):
    (work / "victim.fr").write_bytes((work / "victim.po").read_bytes())
    before = (work / "victim.po").read_bytes()
    no_work(monkeypatch)
    line = one_error_line(runner.invoke(main, args))
    assert "was edited since" in line and "--overwrite-edited" in line
    assert (work / "victim.po").read_bytes() == before
    assert (work / "victim.fr").read_bytes() == before


@pytest.mark.parametrize("args", [
    ["export", "pairs.po", "--tsv", "victim.po", "--overwrite-edited"],
    ["words", "pairs.po", "-o", "victim.po", "--overwrite-edited", *FAST],
])
def test_overwrite_edited_replaces_it_for_every_command(runner, work, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "It has 7 arches" not in (work / "victim.po").read_text(encoding="utf-8")


def test_an_export_over_an_intact_tsv_or_po_the_tool_wrote_is_allowed(runner, work):
    (work / "old.tsv").write_text("fr\ten\n", encoding="utf-8")
    result = runner.invoke(main, ["export", "pairs.po", "--tsv", "old.tsv"])
    assert result.exit_code == 0, result.output
    assert (work / "old.tsv").read_text(encoding="utf-8").startswith("fr\ten\tlink")


# ---------------------------------------------------------------- '-' is standard output (item 4)

@pytest.mark.parametrize("args, start", [
    (["export", "pairs.po", "--tsv", "-"], "fr\ten\tlink"),
    (["export", "pairs.po", "--tmx", "-"], "<?xml"),
    (["export", "pairs.po", "--html", "-"], "<!DOCTYPE html>"),
    (["align", *PAIR, "--tsv", "-"], "fr\ten\tlink"),
    (["align", *PAIR, "-o", "p.po", "--html", "-"], "<!DOCTYPE html>"),
    (["words", "pairs.po", "-o", "-", *FAST], "# Aligned pairs"),
])
def test_dash_is_standard_output(runner, work, args, start):
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(start) and not (work / "-").exists()


@pytest.mark.parametrize("args, message", [
    (["export", "pairs.po", "--epub", "-"], "--epub -: an EPUB is a zip archive"),
    (["export", "pairs.po", "--moses", "-"], "--moses -: Moses output is two files"),
    (["export", "pairs.po", "--anki", "-"], "--anki -: an Anki deck is a zip archive"),
    (["export", "pairs.po", "--tsv", "-", "--tmx", "-"], "--tmx and --tsv both name '-'"),
    (["align", *PAIR, "-o", "-", "--tsv", "-"], "-o and --tsv both name '-'"),
])
def test_dash_where_it_cannot_be_standard_output(runner, work, args, message):
    assert message in one_error_line(runner.invoke(main, args))
    assert not (work / "-").exists()


# ---------------------------------------------------------------- words and the message (3, 5)

def test_words_has_the_option_its_refusal_names(runner):
    assert "--overwrite-edited" in runner.invoke(main, ["words", "-h"]).output


def test_the_refusal_is_true_whatever_marked_the_po_edited(runner, work):
    path = work / "victim.po"   # saved as corrections (as the app, or `words` in place, do)
    save_po(read_po(path), path, expected_fingerprint=file_fingerprint(path))
    line = one_error_line(runner.invoke(main, ["align", *PAIR, "-o", "victim.po"]))
    assert "holds a person's corrections" in line and "reader app" not in line


def test_vecalign_refuses_exports_it_would_skip(runner, work):
    line = one_error_line(runner.invoke(main, ["align", "a.fr.txt", "a.en.txt", "--presplit",
                                               "--format", "vecalign", "--tsv", "l.tsv",
                                               *FAST]))
    assert "--tsv writes the pairs of a PO alignment" in line


# ---------------------------------------------------------------- words: its input kept (QA 2026-12-04)

@pytest.mark.parametrize("name, text", [
    ("pairs.tsv", "fr\ten\nBonjour le monde.\tHello world.\nIl pleut.\tIt rains.\n"),
    ("pairs.csv", "fr,en\nBonjour le monde.,Hello world.\n"),
])
def test_words_never_writes_a_po_over_the_pairs_it_reads(runner, work, monkeypatch, name, text):
    (work / name).write_text(text, encoding="utf-8")
    no_work(monkeypatch)
    line = one_error_line(runner.invoke(main, ["words", name, "-o", name, *FAST]))
    assert "is the input file" in line
    assert (work / name).read_text(encoding="utf-8") == text


@pytest.mark.parametrize("args, message", [
    (["words", "folder"], "folder is a folder; give a PO file"),
    (["words", "pairs.po", "-s", "de", "-t", "ru", "-o", "w.po"], "pairs.po is a PO, which names its languages"),
])
def test_words_refuses_what_it_cannot_do_in_one_line(runner, work, args, message):
    (work / "folder").mkdir()
    result = runner.invoke(main, [*args, *FAST])
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output
    assert not (work / "w.po").exists()


def test_words_in_place_keeps_what_check_and_other_tools_wrote(runner, work):
    """`alignment check --format po` notes and flags, another tool's flags and notes, a previous
    msgid and an obsolete entry: `words` rewrote the file and dropped them all."""
    victim = work / "victim.po"
    victim.write_text(victim.read_text(encoding="utf-8").replace("7 arches", "8 arches"), encoding="utf-8")
    assert runner.invoke(main, ["check", "victim.po", "--format", "po", "-q", "--no-words"]).exit_code == 0
    text = (work / "victim.po").read_text(encoding="utf-8")
    text = text.replace('msgctxt "src 2 / tgt 2"', '#. reviewer: ok\n#, no-wrap\n#| msgid "Old."\n'
                        'msgctxt "src 2 / tgt 2"', 1)
    (work / "victim.po").write_text(text + '\n#~ msgid "old line"\n#~ msgstr "ancienne ligne"\n',
                                    encoding="utf-8")
    result = runner.invoke(main, ["words", "victim.po", "-q", *FAST])
    assert result.exit_code == 0, result.output
    after = (work / "victim.po").read_text(encoding="utf-8")
    for mark in ("#. reviewer: ok", "no-wrap", '#| msgid "Old."', '#~ msgid "old line"'):
        assert mark in after, mark
    assert after.count("#. check:") == text.count("#. check:") > 0
    assert "#. words:" in after and "It has 8 arches" in after
    assert "X-Alignment-Edited: yes" in after   # the person's correction still marked as such


def test_words_into_another_po_keeps_the_corrections_guarded(runner, work):
    """`words EDITED.po -o OUT.po` wrote OUT with a fresh checksum (not marked edited): the next
    `align ... -o OUT.po` replaced the person's correction without a word; and OUT lost the
    translator comment, flags, header fields and obsolete entries the in-place run keeps."""
    victim = work / "victim.po"
    text = victim.read_text(encoding="utf-8").replace("7 arches", "8 arches")
    text = text.replace('msgctxt "src 2 / tgt 2"', '# Translator: check this one\n#, no-wrap\n'
                        'msgctxt "src 2 / tgt 2"', 1)
    victim.write_text(text + '\n#~ msgid "old line"\n#~ msgstr "ancienne ligne"\n', encoding="utf-8")
    result = runner.invoke(main, ["words", "victim.po", "-o", "out.po", "-q", *FAST])
    assert result.exit_code == 0, result.output
    out = (work / "out.po").read_text(encoding="utf-8")
    for mark in ("# Translator: check this one", "no-wrap", '#~ msgid "old line"',
                 "X-Alignment-Edited: yes", "It has 8 arches", "#. words:"):
        assert mark in out, mark
    line = one_error_line(runner.invoke(main, ["align", *PAIR, "-o", "out.po"]))
    assert "holds a person's corrections" in line
    assert (work / "out.po").read_text(encoding="utf-8") == out


def test_words_into_another_po_from_an_intact_one_stays_replaceable(runner, work):
    assert runner.invoke(main, ["words", "pairs.po", "-o", "out.po", "-q", *FAST]).exit_code == 0
    assert "X-Alignment-Checksum" in (work / "out.po").read_text(encoding="utf-8")
    assert runner.invoke(main, ["align", *PAIR, "-o", "out.po", *FAST]).exit_code == 0


def test_moses_never_writes_over_the_texts_it_was_aligned_from(runner, work):
    """README's 'align test0.de test0.fr', then 'export --moses test0' wrote over both texts
    (their lines merged where links join sentences). Its own earlier export it replaces."""
    (work / "t.fr").write_text("Un.\nDeux.\nTrois.\nQuatre.\n", encoding="utf-8")
    (work / "t.en").write_text("One.\nTwo and three.\nFour.\n", encoding="utf-8")
    assert runner.invoke(main, ["align", "t.fr", "t.en", "--presplit", "-s", "fr", "-t", "en",
                                "-o", "t.po", "-q", *FAST]).exit_code == 0
    before = (work / "t.fr").read_bytes(), (work / "t.en").read_bytes()
    line = one_error_line(runner.invoke(main, ["export", "t.po", "--moses", "t"]))
    assert "t.fr holds the text this alignment was made from" in line
    assert ((work / "t.fr").read_bytes(), (work / "t.en").read_bytes()) == before
    for _ in range(2):   # written, then replaced
        assert runner.invoke(main, ["export", "t.po", "--moses", "m"]).exit_code == 0
    assert len((work / "m.fr").read_text(encoding="utf-8").splitlines()) == \
        len((work / "m.en").read_text(encoding="utf-8").splitlines())


def test_corrected_copy_that_cannot_be_written_is_one_line(runner, work, monkeypatch):
    """--corrected into a folder it could not write printed a traceback (PermissionError);
    the other outputs said it in one line."""
    import alignment.atomic

    (work / "job.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" '
        'version="1.2"><file original="a" source-language="fr" target-language="en" '
        'datatype="plaintext"><body><trans-unit id="1"><source>Il pleut.</source><target>It '
        'rains.</target></trans-unit></body></file></xliff>\n', encoding="utf-8")
    assert runner.invoke(main, ["import", "job.xlf", "-o", "job.po"]).exit_code == 0

    def refused(path, data):
        raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr(alignment.atomic, "atomic_write_bytes", refused)
    line = one_error_line(runner.invoke(main, ["export", "job.po", "--corrected", "back.xlf",
                                               "--original", "job.xlf"]))
    assert line == "Error: back.xlf: cannot write (Permission denied); the folder or file is " \
                   "read-only: make it writable or write elsewhere"


def test_moses_prefix_beside_a_folder_of_the_same_name(runner, work):
    """--moses train wrote train.fr and train.en, unless a folder 'train' existed: then click
    said "File 'train' is a directory", though nothing is written into it. A prefix that is
    only a folder ('out/') would make hidden files 'out/.fr': it is refused, saying what to give."""
    (work / "train").mkdir()
    result = runner.invoke(main, ["export", "pairs.po", "--moses", "train"])
    assert result.exit_code == 0, result.output
    assert (work / "train.fr").exists() and (work / "train.en").exists()
    line = one_error_line(runner.invoke(main, ["export", "pairs.po", "--moses", "train/"]))
    assert "give a prefix of file names, not a folder (e.g. --moses train/train)" in line
    assert not list((work / "train").iterdir())
