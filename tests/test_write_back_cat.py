"""Corrections written back into a CAT tool's file as the tool must read them again: the
placeholders of a unit under xml:space="preserve" kept, a corrected segment marked translated
and not approved (XLIFF 1.2 and 2, Trados), a memory's corrected entry dated, and nothing
else of the file changed, down to its empty elements and its root's attribute order. Golden
style: the file as written, and the file expected back."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.corrections import add_target, edit_target
from alignment.import_pairs import read_pairs
from alignment.write_back import WriteBack, describe, write_back

NOW = datetime(2025, 3, 1, 14, 15, 0, tzinfo=timezone.utc)
DATE = "20250301T141500Z"
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
# a unit no correction touches, whose every mark must stay: approved, signed off, qualified
KEPT = ('<trans-unit id="k" approved="yes"><source>Oui.</source>'
        '<target state="signed-off" state-qualifier="exact-match">Yes.</target></trans-unit>')
KEPT_SDL = ('<trans-unit id="k"><source>Oui.</source><seg-source><mrk mtype="seg" mid="9">Oui.</mrk>'
            '</seg-source><target><mrk mtype="seg" mid="9">Yes.</mrk></target><sdl:seg-defs>'
            '<sdl:seg id="9" conf="ApprovedSignOff" locked="true"/></sdl:seg-defs></trans-unit>')
KEPT_2 = '<unit id="k"><segment state="final"><source>Oui.</source><target>Yes.</target></segment></unit>'


def xliff(*units: str) -> bytes:
    """An XLIFF 1.2 file as OmegaT or Okapi write it: version before the namespace."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{XLIFF_NS}">\n'
            '<file original="ui.properties" source-language="fr" target-language="en" '
            'datatype="plaintext"><body>\n' + "\n".join(units) + "\n</body></file>\n</xliff>\n").encode()


def sdlxliff(*units: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<xliff xmlns:sdl="{SDL_NS}" xmlns="{XLIFF_NS}" '
            'version="1.2" sdl:version="1.0">\n<file original="a.docx" datatype="x-sdlfilterframework2" '
            'source-language="fr-FR" target-language="en-GB"><body>\n' + "\n".join(units)
            + "\n</body></file>\n</xliff>\n").encode()


def xliff2(*units: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
            'version="2.0" srcLang="fr" trgLang="en"><file id="f">\n' + "\n".join(units)
            + "\n</file></xliff>\n").encode()


def corrected(data: bytes, name: str, link: int, old: str, new: str):
    """The pairs imported from `data` with link `link`'s translation corrected: `old` replaced
    by `new` in it, or `new` added where it has none (`old` empty)."""
    bitext = read_pairs(data, name)
    if not old:
        return add_target(bitext, link, new)
    return edit_target(bitext, link, 0, bitext.link_text(link, "tgt").replace(old, new))


# ---------------------------------------------------------------- placeholders under xml:space="preserve"

SOURCE = '<source>Le texte <ph id="1">{0}</ph>.</source>'


@pytest.mark.parametrize("target, old, new, expected", [
    ('The cost of the works is estimated at <ph id="1">{0}</ph> euros.', "works", "work",
     'The cost of the work is estimated at <ph id="1">{0}</ph> euros.'),
    ('You have <ph id="1">%d</ph> new messages from <ph id="2">%s</ph>.', "from", "sent by",
     'You have <ph id="1">%d</ph> new messages sent by <ph id="2">%s</ph>.'),
    ('Press <bpt id="1">&lt;b&gt;</bpt>Save<ept id="1">&lt;/b&gt;</ept> <x id="2"/> now.', "now", "first",
     'Press <bpt id="1">&lt;b&gt;</bpt>Save<ept id="1">&lt;/b&gt;</ept> <x id="2"/> first.'),
    # a double space the text holds (not a code's place): corrected like any word
    ('Two  spaces before <ph id="1">{0}</ph>.', "Two  spaces", "Two spaces",
     'Two spaces before <ph id="1">{0}</ph>.'),
    # a line break beside a code, read as one space: it stays where it is
    ('One\n<ph id="1">{0}</ph> two.', "two", "three", 'One\n<ph id="1">{0}</ph> three.'),
], ids=["ph-euros", "ph-messages", "bpt-ept-x", "double-space-corrected", "line-break"])
def test_a_word_corrected_under_xml_space_preserve_keeps_the_units_codes(target, old, new, expected):
    """OmegaT and Okapi write xml:space="preserve" on their units: the import keeps the two
    spaces around a placeholder ('at  euros.'), and the word-level edit, which compared the
    text with its spaces collapsed, found it changed and wrote the correction as plain text,
    the placeholders gone ('at  euros.'), saying the codes were left out. The codes stay as
    they do without xml:space."""
    unit = f'<trans-unit id="1" xml:space="preserve">{SOURCE}<target state="translated">{target}</target></trans-unit>'
    data = xliff(unit)
    out, done = write_back(data, "ph.xlf", corrected(data, "ph.xlf", 0, old, new))
    assert out == data.replace(target.encode(), expected.encode())
    assert done == WriteBack(changed=1, codes_dropped=0, unmatched=0)
    assert "left out" not in describe(done)


def test_the_testers_po_under_xml_space_preserve_goes_back_with_its_placeholders(tmp_path, monkeypatch):
    """The tester's way, OmegaT's file: import, change a word in the PO's msgstr (its two
    spaces where the placeholder sits left as they are), export --corrected."""
    data = xliff(*(f'<trans-unit id="{k}" xml:space="preserve">{SOURCE}<target state="translated">{t}</target>'
                   '</trans-unit>' for k, t in enumerate(["Cost: <ph id=\"1\">{0}</ph> euros for the works.",
                                                          "You have <ph id=\"1\">%d</ph> messages from "
                                                          "<ph id=\"2\">%s</ph>."])))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ph.xlf").write_bytes(data)
    runner = CliRunner()
    assert runner.invoke(main, ["import", "ph.xlf", "-o", "ph.po"]).exit_code == 0
    po = (tmp_path / "ph.po").read_text(encoding="utf-8")
    assert "Cost:  euros for the works." in po   # the PO as the import wrote it
    po = po.replace("the works", "the work").replace("messages from", "messages sent by")
    (tmp_path / "ph.po").write_text(po, encoding="utf-8")
    done = runner.invoke(main, ["export", "ph.po", "--corrected", "back.xlf", "--original", "ph.xlf"])
    assert done.exit_code == 0, done.output
    assert "Wrote back.xlf: 2 translations corrected" in done.stderr and "left out" not in done.stderr
    assert (tmp_path / "back.xlf").read_bytes() == data.replace(b"the works", b"the work").replace(
        b"messages from", b"messages sent by")


# ---------------------------------------------------------------- states of a corrected segment


@pytest.mark.parametrize("make, name, unit, link, old, new, expected, reopened", [
    # XLIFF 1.2: approved and signed off -> translated, not approved
    (xliff, "a.xlf", '<trans-unit id="1" approved="yes"><source>Il pleut.</source>'
     '<target state="signed-off">It rains.</target></trans-unit>', 0, "rains", "pours",
     '<trans-unit id="1" approved="no"><source>Il pleut.</source>'
     '<target state="translated">It pours.</target></trans-unit>', 1),
    (xliff, "a.xlf", '<trans-unit id="1"><source>Il pleut.</source><target state="final">It rains.</target>'
     '</trans-unit>', 0, "rains", "pours",
     '<trans-unit id="1"><source>Il pleut.</source><target state="translated">It pours.</target></trans-unit>', 1),
    # a match type said of the text replaced goes; a state asking for review stays
    (xliff, "a.xlf", '<trans-unit id="1"><source>Il pleut.</source><target state="translated" '
     'state-qualifier="fuzzy-match">It rains.</target></trans-unit>', 0, "rains", "pours",
     '<trans-unit id="1"><source>Il pleut.</source><target state="translated">It pours.</target></trans-unit>', 0),
    (xliff, "a.xlf", '<trans-unit id="1"><source>Il pleut.</source><target state="needs-review-translation" '
     'state-qualifier="leveraged-tm">It rains.</target></trans-unit>', 0, "rains", "pours",
     '<trans-unit id="1"><source>Il pleut.</source><target state="needs-review-translation">It pours.</target>'
     '</trans-unit>', 0),
    # a target made where there was none
    (xliff, "a.xlf", '<trans-unit id="1"><source>Il pleut.</source></trans-unit>', 1, "", "It rains.",
     '<trans-unit id="1"><source>Il pleut.</source><target state="translated">It rains.</target></trans-unit>', 0),
    # Trados: approved and locked -> Translated, still locked (the proofreader chose it)
    (sdlxliff, "a.sdlxliff", '<trans-unit id="1"><source>Achtung!</source><seg-source><mrk mtype="seg" mid="3">'
     'Achtung!</mrk></seg-source><target><mrk mtype="seg" mid="3">Caution!</mrk></target><sdl:seg-defs>'
     '<sdl:seg id="3" conf="ApprovedTranslation" locked="true" origin="tm" percent="100"/></sdl:seg-defs>'
     '</trans-unit>', 0, "Caution", "Warning",
     '<trans-unit id="1"><source>Achtung!</source><seg-source><mrk mtype="seg" mid="3">Achtung!</mrk>'
     '</seg-source><target><mrk mtype="seg" mid="3">Warning!</mrk></target><sdl:seg-defs><sdl:seg id="3" '
     'conf="Translated" locked="true" origin="tm" percent="100"/></sdl:seg-defs></trans-unit>', 1),
    # Trados: a Draft left empty, filled -> Translated
    (sdlxliff, "a.sdlxliff", '<trans-unit id="1"><source>Innen.</source><seg-source><mrk mtype="seg" mid="6">'
     'Innen.</mrk></seg-source><target><mrk mtype="seg" mid="6"></mrk></target><sdl:seg-defs>'
     '<sdl:seg id="6" conf="Draft"/></sdl:seg-defs></trans-unit>', 1, "", "Indoors.",
     '<trans-unit id="1"><source>Innen.</source><seg-source><mrk mtype="seg" mid="6">Innen.</mrk>'
     '</seg-source><target><mrk mtype="seg" mid="6">Indoors.</mrk></target><sdl:seg-defs>'
     '<sdl:seg id="6" conf="Translated"/></sdl:seg-defs></trans-unit>', 0),
    # Trados: of a unit's two signed-off segments, the one corrected alone changes
    (sdlxliff, "a.sdlxliff", '<trans-unit id="1"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">'
     'A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></seg-source><target><mrk mtype="seg" mid="1">Ah.</mrk> '
     '<mrk mtype="seg" mid="2">Be.</mrk></target><sdl:seg-defs><sdl:seg id="1" conf="ApprovedSignOff"/>'
     '<sdl:seg id="2" conf="ApprovedSignOff"/></sdl:seg-defs></trans-unit>', 2, "Be", "Bee",
     '<trans-unit id="1"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" '
     'mid="2">B.</mrk></seg-source><target><mrk mtype="seg" mid="1">Ah.</mrk> <mrk mtype="seg" mid="2">Bee.'
     '</mrk></target><sdl:seg-defs><sdl:seg id="1" conf="ApprovedSignOff"/><sdl:seg id="2" conf="Translated"/>'
     '</sdl:seg-defs></trans-unit>', 1),
    # XLIFF 2: final -> translated
    (xliff2, "a.xlf", '<unit id="1"><segment state="final"><source>Il pleut.</source><target>It rains.</target>'
     '</segment></unit>', 0, "rains", "pours",
     '<unit id="1"><segment state="translated"><source>Il pleut.</source><target>It pours.</target>'
     '</segment></unit>', 1),
], ids=["12-signed-off-approved", "12-final", "12-fuzzy-match", "12-needs-review-kept", "12-target-made",
        "sdl-approved-locked", "sdl-draft-filled", "sdl-one-of-two", "2-final"])
def test_a_corrected_segment_reads_translated_and_nothing_else_changes(
        make, name, unit, link, old, new, expected, reopened):
    """A segment approved or signed off in the CAT tool, corrected here, still said so: the
    tool would take the unreviewed correction for signed off. It reads "translated" now; a
    filled Trados draft too. Every other unit, approved or not, is as it was, byte for byte."""
    kept = {xliff: KEPT, sdlxliff: KEPT_SDL, xliff2: KEPT_2}[make]
    data = make(unit, kept) if link == 0 else make(kept, unit)   # the unit's first link: 0, or after kept
    out, done = write_back(data, name, corrected(data, name, link, old, new))
    assert out == data.replace(unit.encode(), expected.encode())
    assert done == WriteBack(changed=1, codes_dropped=0, unmatched=0, reopened=reopened,
                             to_review=int("needs-review" in unit))


@pytest.mark.parametrize("done, says", [
    ((3, 0, 0, 1), "3 translations corrected (1 of them was locked or approved in the CAT tool, "
     "marked translated now: review it there again)"),
    ((3, 1, 0, 2), "3 translations corrected (1 of them had formatting codes, left out now: check "
     "it in the CAT tool; 2 of them were locked or approved in the CAT tool, marked translated now: "
     "review them there again)"),
])
def test_the_locked_or_approved_segments_corrected_are_said(done, says):
    assert describe(WriteBack(*done)) == says


def test_the_proofreader_is_told_a_locked_segment_was_corrected(tmp_path, monkeypatch):
    """The tester's way: import a Trados file, correct its locked segment in the PO, export
    --corrected: written, and said."""
    unit = ('<trans-unit id="1"><source>Achtung!</source><seg-source><mrk mtype="seg" mid="3">Achtung!</mrk>'
            '</seg-source><target><mrk mtype="seg" mid="3">Caution!</mrk></target><sdl:seg-defs><sdl:seg '
            'id="3" conf="ApprovedTranslation" locked="true"/></sdl:seg-defs></trans-unit>')
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.sdlxliff").write_bytes(sdlxliff(unit, KEPT_SDL))
    runner = CliRunner()
    assert runner.invoke(main, ["import", "job.sdlxliff", "-o", "job.po"]).exit_code == 0
    po = (tmp_path / "job.po").read_text(encoding="utf-8")
    (tmp_path / "job.po").write_text(po.replace('msgstr "Caution!"', 'msgstr "Warning!"'), encoding="utf-8")
    done = runner.invoke(main, ["export", "job.po", "--corrected", "back.sdlxliff", "--original", "job.sdlxliff"])
    assert done.exit_code == 0, done.output
    assert ("Wrote back.sdlxliff: 1 translation corrected (1 of them was locked or approved in the CAT "
            "tool, marked translated now: review it there again)") in done.stderr
    assert b'<mrk mtype="seg" mid="3">Warning!</mrk>' in (tmp_path / "back.sdlxliff").read_bytes()


# ---------------------------------------------------------------- a memory's dates


def tmx(*units: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="OmegaT" '
            'srclang="fr-FR" adminlang="en" datatype="plaintext" segtype="sentence" o-tmf="t" '
            'creationtoolversion="1"><prop type="x-Domain:SingleString"></prop></header><body>\n'
            + "\n".join(units) + "\n</body></tmx>\n").encode()


UNTOUCHED_TU = ('<tu changedate="20240301T093000Z" changeid="marie"><tuv xml:lang="fr-FR"><seg>Non.</seg></tuv>'
                '<tuv xml:lang="en-GB" changedate="20240301T100000Z"><prop type="x-Note"></prop>'
                '<seg>No.</seg></tuv></tu>')


@pytest.mark.parametrize("unit, expected", [
    # the tu and the tuv dated: both get the correction's date; who changed them is left alone
    ('<tu tuid="1" creationdate="20240301T090000Z" changedate="20240301T093000Z" changeid="marie">'
     '<tuv xml:lang="fr-FR"><seg>Il pleut.</seg></tuv><tuv xml:lang="en-GB" changeid="john" '
     'changedate="20240301T100000Z"><seg>It rains.</seg></tuv></tu>',
     f'<tu tuid="1" creationdate="20240301T090000Z" changedate="{DATE}" changeid="marie">'
     f'<tuv xml:lang="fr-FR"><seg>Il pleut.</seg></tuv><tuv xml:lang="en-GB" changeid="john" '
     f'changedate="{DATE}"><seg>It pours.</seg></tuv></tu>'),
    # neither dated: the tuv gets a date, the tu none
    ('<tu><tuv xml:lang="fr-FR"><seg>Il pleut.</seg></tuv><tuv xml:lang="en-GB"><seg>It rains.</seg></tuv></tu>',
     f'<tu><tuv xml:lang="fr-FR"><seg>Il pleut.</seg></tuv><tuv xml:lang="en-GB" changedate="{DATE}">'
     '<seg>It pours.</seg></tuv></tu>'),
], ids=["both-dated", "none-dated"])
def test_a_corrected_memory_entry_is_dated_now_and_the_others_keep_their_dates(unit, expected):
    """A corrected <tuv> kept its old changedate: a memory keeps the latest of two entries by
    that date, so the correction lost to the old text. It is dated now (UTC, as TMX writes
    it); the unit that was not corrected, and the empty props, stay as they were."""
    data = tmx(unit, UNTOUCHED_TU)
    out, done = write_back(data, "m.tmx", corrected(data, "m.tmx", 0, "rains", "pours"), NOW)
    assert out == data.replace(unit.encode(), expected.encode())
    assert done == WriteBack(changed=1, codes_dropped=0, unmatched=0)


def test_a_memory_entry_is_dated_by_the_clock_where_no_time_is_given():
    data = tmx(UNTOUCHED_TU)
    before = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out, _ = write_back(data, "m.tmx", corrected(data, "m.tmx", 0, "No", "Nope"))
    after = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    date = out.decode().split('changedate="')[1].split('"')[0]
    assert before <= date <= after


# ---------------------------------------------------------------- the rest of the file, byte for byte


@pytest.mark.parametrize("make, name, untouched", [
    # the root's version before its namespace, single quotes and an empty note in another unit
    (lambda *u: xliff(*u).replace(b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
                                  b"<xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'>"),
     "a.xlf", '<trans-unit id="2"><source>Non.</source><target state="translated">No.</target>'
     '<note from="PM"></note></trans-unit>'),
    # Trados: a segment left empty in another unit
    (sdlxliff, "a.sdlxliff", '<trans-unit id="2"><source>Non.</source><seg-source><mrk mtype="seg" mid="6">'
     'Non.</mrk></seg-source><target><mrk mtype="seg" mid="6"></mrk></target><sdl:seg-defs>'
     '<sdl:seg id="6" conf="Draft"/></sdl:seg-defs></trans-unit>'),
    # the root's attributes on two lines, CRLF line breaks
    (lambda *u: xliff(*u).replace(b'<xliff version="1.2" xmlns=', b'<xliff version="1.2"\n  xmlns=').replace(
        b"\n", b"\r\n"), "a.xlf", '<trans-unit id="2"><source>Non.</source><target>No.</target></trans-unit>'),
], ids=["xliff-root-and-note", "sdlxliff-empty-mrk", "root-on-two-lines-crlf"])
def test_the_file_is_written_back_as_it_was_but_for_the_correction(make, name, untouched):
    """lxml wrote '<xliff xmlns=... version=...>' and every empty element as '<x/>': the
    same XML, but the diff of the corrected copy showed changes in units nobody touched."""
    unit = ('<trans-unit id="1"><source>Il pleut.</source><target state="translated">It rains.</target>'
            '</trans-unit>')
    data = make(unit, untouched)
    out, done = write_back(data, name, corrected(data, name, 0, "rains", "pours"))
    assert out == data.replace(b"It rains.", b"It pours.")
    assert done.changed == 1
