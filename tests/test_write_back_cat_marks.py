"""Corrections written back into a CAT tool's file, second round: a space the reader showed
beside a hidden placeholder, tidied, leaves the placeholder's spacing as the file had it (and
is no correction counted); a segment the file leaves without a state reads "translated" once
filled; XLIFF 2's subState goes with the state it qualified; a state still asking for review,
and protected text changed, are said. Golden style: the file as written, and the file
expected back."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.write_back import WriteBack, describe, write_back

from test_write_back_cat import KEPT, KEPT_2, corrected, xliff, xliff2

# ---------------------------------------------------------------- spaces beside a hidden code

SOURCE = '<source>Erreur <ph id="1">{code}</ph> : connexion impossible.</source>'


@pytest.mark.parametrize("space, target, old, new, expected, changed", [
    # the reader shows 'Error : unable': the space removed stays, the code is not glued to 'Error'
    (' xml:space="preserve"', 'Error <ph id="1">{code}</ph>: unable to connect.', "Error :", "Error:",
     None, 0),
    ("", 'Error <ph id="1">{code}</ph>: unable to connect.', "Error :", "Error:", None, 0),
    # 'from .': the space before the hidden %s
    (' xml:space="preserve"', 'You have <ph id="1">%d</ph> new messages from <ph id="2">%s</ph>.',
     "from .", "from.", None, 0),
    # a space added where the code sits, or the two around it made one: the file's spacing stays
    (' xml:space="preserve"', 'Error<ph id="1">{code}</ph>: unable to connect.', "Error:", "Error :", None, 0),
    (' xml:space="preserve"', 'Cost: <ph id="1">{0}</ph> euros.', "Cost:  euros", "Cost: euros", None, 0),
    # a word corrected too: written, the spaces around the code as they were
    (' xml:space="preserve"', 'Error <ph id="1">{code}</ph>: unable to connect.', "Error : unable to",
     "Error: cannot", 'Error <ph id="1">{code}</ph>: cannot connect.', 1),
    # a space away from any code is the translator's to change
    (' xml:space="preserve"', 'Error <ph id="1">{code}</ph>: unable  to connect.', "unable  to",
     "unable to", 'Error <ph id="1">{code}</ph>: unable to connect.', 1),
], ids=["removed-preserve", "removed-default", "before-last-code", "added", "two-made-one", "with-a-word",
        "away-from-codes"])
def test_a_space_tidied_beside_a_hidden_code_keeps_the_files_spacing(space, target, old, new, expected, changed):
    """The reader hides a <ph>, so 'Error <ph>{code}</ph>: unable' reads 'Error : unable'; a
    translator tidying that stray space wrote 'Error<ph>{code}</ph>: unable' into the file,
    no check warning, and it was counted a correction (approved segment reopened). A change
    of spaces only, where a code sits, writes nothing; the unit, state and all, is as it was."""
    unit = (f'<trans-unit id="1"{space} approved="yes">{SOURCE}<target state="signed-off">{target}'
            '</target></trans-unit>')
    data = xliff(unit, KEPT)
    out, done = write_back(data, "ph.xlf", corrected(data, "ph.xlf", 0, old, new))
    if expected is None:
        assert out == data
    else:
        written = unit.replace(target, expected).replace(' approved="yes"', ' approved="no"').replace(
            "signed-off", "translated")
        assert out == data.replace(unit.encode(), written.encode())
    assert done == WriteBack(changed=changed, codes_dropped=0, unmatched=0, reopened=changed)


def test_the_testers_tidied_spaces_are_not_written_nor_counted(tmp_path, monkeypatch):
    """The tester's way: import an OmegaT file, in the PO tidy the spaces the hidden codes
    left ('Error : unable', 'from .', 'at  euros') and correct one word: the file gets the
    word, the codes keep their spaces, and the run says one correction, not four."""
    units = ['Error <ph id="1">{code}</ph>: unable to connect.',
             'You have <ph id="1">%d</ph> new messages from <ph id="2">%s</ph>.',
             'It is estimated at <ph id="1">{0}</ph> euros.', "The file was removed."]
    data = xliff(*(f'<trans-unit id="{k}" xml:space="preserve">{SOURCE}<target state="translated">{t}</target>'
                   '</trans-unit>' for k, t in enumerate(units)))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ph.xlf").write_bytes(data)
    runner = CliRunner()
    assert runner.invoke(main, ["import", "ph.xlf", "-o", "ph.po"]).exit_code == 0
    po = (tmp_path / "ph.po").read_text(encoding="utf-8")
    for old, new in [("Error : unable", "Error: unable"), ("from .", "from."), ("at  euros", "at euros"),
                     ("was removed", "was deleted")]:
        assert old in po
        po = po.replace(old, new)
    (tmp_path / "ph.po").write_text(po, encoding="utf-8")
    done = runner.invoke(main, ["export", "ph.po", "--corrected", "back.xlf", "--original", "ph.xlf"])
    assert done.exit_code == 0, done.output
    assert "Wrote back.xlf: 1 translation corrected\n" in done.stderr
    assert (tmp_path / "back.xlf").read_bytes() == data.replace(b"was removed", b"was deleted")


# ---------------------------------------------------------------- states the file does not write


@pytest.mark.parametrize("make, unit, link, old, new, expected, marks", [
    # XLIFF 1.2: an empty <target/> without a state, filled: translated, as a <target> made
    (xliff, '<trans-unit id="1"><source>Il pleut.</source><target/></trans-unit>', 1, "", "It rains.",
     '<trans-unit id="1"><source>Il pleut.</source><target state="translated">It rains.</target></trans-unit>', {}),
    (xliff, '<trans-unit id="1"><source>Il pleut.</source><target></target><note>Short.</note></trans-unit>',
     1, "", "It rains.", '<trans-unit id="1"><source>Il pleut.</source><target state="translated">It rains.'
     '</target><note>Short.</note></trans-unit>', {}),
    # ... but a translation the file wrote without a state gets none: the file says no states
    (xliff, '<trans-unit id="1"><source>Il pleut.</source><target>It rains.</target></trans-unit>', 0,
     "rains", "pours", '<trans-unit id="1"><source>Il pleut.</source><target>It pours.</target></trans-unit>', {}),
    # XLIFF 2: a segment without a state is "initial" by the spec
    (xliff2, '<unit id="1"><segment><source>Il pleut.</source><target>It rains.</target></segment></unit>', 0,
     "rains", "pours", '<unit id="1"><segment state="translated"><source>Il pleut.</source><target>It pours.'
     '</target></segment></unit>', {}),
    (xliff2, '<unit id="1"><segment><source>Il pleut.</source></segment></unit>', 1, "", "It rains.",
     '<unit id="1"><segment state="translated"><source>Il pleut.</source><target>It rains.</target>'
     '</segment></unit>', {}),
    # XLIFF 2: the subState said of "reviewed" goes with it
    (xliff2, '<unit id="1"><segment state="reviewed" subState="acme:checked"><source>Il pleut.</source>'
     '<target>It rains.</target></segment></unit>', 0, "rains", "pours",
     '<unit id="1"><segment state="translated"><source>Il pleut.</source><target>It pours.</target>'
     '</segment></unit>', {"reopened": 1}),
    # XLIFF 1.2: needs-review-translation kept (still true), and counted to be said
    (xliff, '<trans-unit id="1"><source>Il pleut.</source><target state="needs-review-translation">It rains.'
     '</target></trans-unit>', 0, "rains", "pours", '<trans-unit id="1"><source>Il pleut.</source><target '
     'state="needs-review-translation">It pours.</target></trans-unit>', {"to_review": 1}),
], ids=["12-empty-target", "12-open-closed-target", "12-no-states-in-file", "2-no-state", "2-no-target",
        "2-substate", "12-needs-review"])
def test_a_segment_without_a_state_reads_translated_once_filled(make, unit, link, old, new, expected, marks):
    kept = {xliff: KEPT, xliff2: KEPT_2}[make]
    data = make(unit, kept) if link == 0 else make(kept, unit)
    out, done = write_back(data, "a.xlf", corrected(data, "a.xlf", link, old, new))
    assert out == data.replace(unit.encode(), expected.encode())
    assert done == WriteBack(changed=1, codes_dropped=0, unmatched=0, **marks)


# ---------------------------------------------------------------- protected text


@pytest.mark.parametrize("make, target, old, new, expected, protected", [
    (xliff, '<target state="translated">It costs <mrk mtype="protected">5</mrk> euros.</target>', "5", "five",
     '<target state="translated">It costs <mrk mtype="protected">five</mrk> euros.</target>', 1),
    (xliff, '<target state="translated">It costs <mrk mtype="protected">5</mrk> euros.</target>', "costs",
     "is", '<target state="translated">It is <mrk mtype="protected">5</mrk> euros.</target>', 0),
    (xliff2, '<target>It costs <mrk id="m1" translate="no">5</mrk> euros.</target>', "5", "five",
     '<target>It costs <mrk id="m1" translate="no">five</mrk> euros.</target>', 1),
], ids=["12-protected-changed", "12-word-beside", "2-translate-no"])
def test_a_correction_of_protected_text_is_written_and_said(make, target, old, new, expected, protected):
    """Text a CAT tool protects (<mrk mtype="protected">, XLIFF 2's translate="no") was
    corrected without a word: the tool would not have let the translator. It is written (the
    proofreader chose it) and counted, for the run to say so."""
    if make is xliff:
        unit = f'<trans-unit id="1"><source>Il coûte 5 euros.</source>{target}</trans-unit>'
    else:
        unit = f'<unit id="1"><segment state="translated"><source>Il coûte 5 euros.</source>{target}</segment></unit>'
    data = make(unit)
    out, done = write_back(data, "a.xlf", corrected(data, "a.xlf", 0, old, new))
    assert out == data.replace(target.encode(), expected.encode())
    assert done == WriteBack(changed=1, codes_dropped=0, unmatched=0, protected=protected)


@pytest.mark.parametrize("done, says", [
    (dict(changed=2, protected=1), "2 translations corrected (1 of them changed text the CAT tool "
     "marks protected: check it there)"),
    (dict(changed=3, reopened=1, protected=2, to_review=2), "3 translations corrected (1 of them was "
     "locked or approved in the CAT tool, marked translated now: review it there again; 2 of them changed "
     "text the CAT tool marks protected: check them there; 2 of them are still marked "
     "for review in the CAT tool, as before the correction)"),
    (dict(changed=1, to_review=1), "1 translation corrected (1 of them is still marked for review in "
     "the CAT tool, as before the correction)"),
])
def test_protected_text_changed_and_review_states_kept_are_said(done, says):
    assert describe(WriteBack(codes_dropped=0, unmatched=0, **done)) == says


# ---------------------------------------------------------------- references in untouched units


@pytest.mark.parametrize("untouched", [
    "<trans-unit id=\"2\"><source>L&apos;homme.</source><target state=\"translated\">The man&#x2019;s.</target>"
    "</trans-unit>",
    '<trans-unit id="2" resname="&quot;q&quot;"><source>&#233;t&#xE9;</source><target>&quot;summer&quot; '
    "&gt; 5 &amp; &lt;6 &#38; &#60;7 > 8</target></trans-unit>",
], ids=["apos-and-char-ref", "quot-gt-amp-lt"])
def test_an_untouched_units_references_are_written_as_the_file_wrote_them(untouched):
    """lxml writes a reference as its character: 'L&apos;homme' came back "L'homme" and
    '&#x2019;' as '’' in units nobody corrected, a diff showing changes there. Those lines are
    the file's now; the corrected line is lxml's (its own references as characters)."""
    unit = ('<trans-unit id="1"><source>L&apos;eau.</source><target state="translated">It&#x2019;s water.'
            '</target></trans-unit>')
    data = xliff(unit, untouched)
    out, done = write_back(data, "a.xlf", corrected(data, "a.xlf", 0, "water", "rain"))
    assert out == data.replace(unit.encode(), "<trans-unit id=\"1\"><source>L'eau.</source><target "
                               "state=\"translated\">It’s rain.</target></trans-unit>".encode())
    assert done.changed == 1
