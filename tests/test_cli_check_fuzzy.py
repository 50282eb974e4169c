"""`alignment check --format po` takes back the `fuzzy` flag it set once its findings are gone.

A first-day tester fixed a slip the check had flagged, ran the check again, and the link stayed
"to review" (`#, fuzzy`) with no note to say why; the checksum rule then read that flag as a
person's "needs work". The check now notes the flags it sets (check_po.FUZZY_NOTE) and removes
only those: a flag that was there before (a person's, the aligner's on an unsure link) stays.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from alignment.check_po import annotate_po
from alignment.cli import main
from alignment.types import Finding

ERROR = Finding(0, "numbers", "error", "numbers differ: 1921 in the original, 1912 in the translation")
WARNING = Finding(0, "doublewords", "warning", "repeated word 'the'")
INFO = Finding(0, "confidence", "info", "alignment confidence 0.50 < 0.90")


def _po(flags: str) -> str:
    """A PO of one entry, its flag line `flags` ('' for none)."""
    return ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            f'#. link 1\n#: src:1 tgt:1\n{flags}msgctxt "1"\nmsgid "Publié en 1921."\n'
            'msgstr "Published in 1912."\n')


def _annotate(path: Path, *runs: tuple[list[Finding], list[str] | None]) -> polib.POEntry:
    for findings, checks in runs:
        annotate_po(path, findings, checks=checks)
    return polib.pofile(str(path))[0]


@pytest.fixture()
def po_file(tmp_path: Path):
    def make(flags: str) -> Path:
        path = tmp_path / "pairs.po"
        path.write_text(_po(flags), encoding="utf-8")
        return path
    return make


@pytest.mark.parametrize("flags", ["", "#, python-format\n", "#, no-wrap, python-format\n"])
def test_a_fixed_slip_takes_the_flag_the_check_set_away(po_file, flags):
    path = po_file(flags)
    entry = _annotate(path, ([ERROR], None))
    assert entry.fuzzy and "check: fuzzy set by alignment check" in entry.comment
    entry = _annotate(path, ([], None))
    assert not entry.fuzzy
    assert path.read_text(encoding="utf-8") == _po(flags)      # the file as it was


@pytest.mark.parametrize("flags", ["#, fuzzy\n", "#, fuzzy, python-format\n",
                                   "#, python-format, fuzzy\n"])
def test_a_flag_there_before_the_check_stays(po_file, flags):
    """A person's 'needs work', or the aligner's flag on an unsure link: no note, never removed."""
    path = po_file(flags)
    entry = _annotate(path, ([ERROR], None))
    assert entry.fuzzy and "fuzzy set by" not in entry.comment
    entry = _annotate(path, ([], None))
    assert entry.fuzzy
    assert path.read_text(encoding="utf-8") == _po(flags)


@pytest.mark.parametrize("runs, fuzzy", [
    ([([ERROR], None), ([ERROR], None)], True),                    # found again: kept, one note
    ([([ERROR], None), ([INFO], None)], False),                    # only an info finding left
    ([([ERROR, WARNING], None), ([], ["numbers"])], True),         # doublewords' warning stays
    ([([ERROR, WARNING], None), ([], ["numbers"]), ([], ["doublewords"])], False),
    ([([ERROR], None), ([], ["doublewords"])], True),              # numbers did not run again
    ([([INFO], None)], False),                                     # info sets no flag
])
def test_the_flag_goes_when_no_error_or_warning_is_left(po_file, runs, fuzzy):
    entry = _annotate(po_file(""), *runs)
    assert entry.fuzzy is fuzzy
    assert entry.comment.count("fuzzy set by alignment check") == int(fuzzy)


def test_a_flag_a_person_removed_is_set_again_while_the_finding_stays(po_file):
    """As before: the check flags what it finds; the note comes back with the flag."""
    path = po_file("")
    _annotate(path, ([ERROR], None))
    path.write_text(path.read_text(encoding="utf-8").replace("#, fuzzy\n", ""), encoding="utf-8")
    entry = _annotate(path, ([WARNING], None))
    assert entry.fuzzy and entry.comment.count("fuzzy set by alignment check") == 1


def test_check_format_po_after_the_slip_is_fixed_leaves_the_link_as_it_was(tmp_path):
    """The tester's steps, on the command line: check, fix the translation, check again."""
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    src = (Sentence("Bonjour."), Sentence("Publié en 1921."))
    tgt = (Sentence("Hello."), Sentence("Published in 1912."))
    path = write_po(Bitext(src, tgt, Alignment((Link((0,), (0,), 0.95), Link((1,), (1,), 0.95))),
                           "fr", "en"), tmp_path / "pairs.po")
    args = ["check", str(path), "--format", "po", "--only", "numbers", "--no-words", "-q"]
    runner = CliRunner()
    assert runner.invoke(main, args).exit_code == 1
    assert polib.pofile(str(path))[1].fuzzy
    path.write_text(path.read_text(encoding="utf-8").replace("in 1912.", "in 1921."),
                    encoding="utf-8")
    result = runner.invoke(main, args)
    assert result.exit_code == 0 and "0 findings written" in result.stderr
    entry = polib.pofile(str(path))[1]
    assert not entry.fuzzy and "check:" not in entry.comment


def test_check_help_says_which_fuzzy_flags_it_takes_back():
    text = " ".join(CliRunner().invoke(main, ["check", "-h"]).output.split())
    assert "fuzzy set by alignment check" in text and "always stays" in text
