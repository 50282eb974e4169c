"""A finding on a CAT tool's file names the tool's unit (and segment) it is on, so the
proofreader finds it in the tool that holds the job: the id comes in with the import, stays
in the PO ('#. unit: ID'), its snapshot and drafts, through merges and splits, and shows in
`alignment check`'s text, JSON and CSV and on the app's findings list. Files written here."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from alignment import corrections, po
from alignment.cli import main
from alignment.draft_delta import apply_delta, delta
from alignment.export import render_findings_csv
from alignment.import_pairs import read_pairs, read_pairs_noted
from alignment.types import UNIT_MAX, Finding, unit_id
from test_import_cat import sdl_unit, xliff, xliff2


def tmx(*tus: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="fr" '
            'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
            'creationtoolversion="1" o-tmf="t"/><body>' + "".join(tus) + "</body></tmx>").encode()


def tmx_tu(fr: str, en: str, attrs: str = "") -> str:
    return (f'<tu{attrs}><tuv xml:lang="fr"><seg>{fr}</seg></tuv>'
            f'<tuv xml:lang="en"><seg>{en}</seg></tuv></tu>')


def units(data: bytes, name: str) -> list[str]:
    return [link.unit for link in read_pairs(data, name).alignment.links]


@pytest.mark.parametrize("data, name, expected", [
    (xliff('<trans-unit id="17"><source>Il pleut.</source><target>It rains.</target></trans-unit>',
           '<trans-unit id="18"><source>Fin.</source><target>End.</target></trans-unit>'),
     "a.xlf", ["17", "18"]),
    # Trados cuts a unit into segments: the unit's id, then the segment's mid
    (xliff(sdl_unit("Draft", "Translated")), "a.sdlxliff", ["u/1", "u/2"]),
    # a unit with no id: the segment's mid alone; a unit whose id has a line break: one line
    (xliff('<trans-unit><source>Il pleut.</source><target>It rains.</target></trans-unit>',
           '<trans-unit id="a\n b"><source>Fin.</source><target>End.</target></trans-unit>'),
     "a.xlf", ["", "a b"]),
    # XLIFF 2: the unit's id, and the segment's where the unit has several (its number without one)
    (xliff2('<unit id="u1"><segment id="s1"><source>Il pleut.</source><target>It rains.</target>'
            '</segment><segment><source>Fin.</source><target>End.</target></segment></unit>',
            '<unit id="u2"><segment id="s9"><source>Non.</source><target>No.</target></segment></unit>'),
     "a.xlf", ["u1/s1", "u1/2", "u2"]),
    # TMX: the tuid where the tool wrote one
    (tmx(tmx_tu("Il pleut.", "It rains.", ' tuid="A-7"'), tmx_tu("Fin.", "End.")), "a.tmx", ["A-7", ""]),
])
def test_each_link_keeps_the_id_of_the_unit_it_came_from(data: bytes, name: str,
                                                          expected: list[str]) -> None:
    assert units(data, name) == expected


def test_our_own_tmx_carries_the_ids_and_its_tuids_are_none() -> None:
    """Our export numbers its <tu>s by link: read back, those are no tool's ids; a link's own
    unit goes out as the 'x-unit' prop and comes back."""
    from alignment.export import render_tmx

    b = read_pairs(xliff('<trans-unit id="17"><source>Il pleut.</source><target>It rains.</target>'
                         '</trans-unit>', '<trans-unit><source>Fin.</source><target>End.</target>'
                         '</trans-unit>'), "a.xlf")
    data = render_tmx(b)
    assert b'<prop type="x-unit">17</prop>' in data
    assert units(data, "a.tmx") == ["17", ""]


def test_a_long_id_is_cut_to_fit_one_po_line() -> None:
    long = "x" * 100
    assert unit_id([long, "3"], "/") == "x" * (UNIT_MAX - 1) + "…"
    assert unit_id(["7", None, " ", "2"], "/") == "7/2"


@pytest.fixture
def job() -> bytes:
    return xliff('<trans-unit id="41"><source>Il a 84 ans.</source><target>He is 48.</target></trans-unit>',
                 '<trans-unit id="42"><source>Oui.</source><target>Yes.</target></trans-unit>',
                 '<trans-unit id="43"><source>Non.</source><target>No.</target></trans-unit>')


def test_the_po_keeps_the_ids_and_reads_them_back(tmp_path, job: bytes) -> None:
    b = read_pairs(job, "job.xlf")
    path = po.write_po(b, tmp_path / "job.po")
    assert "#. unit: 42\n" in path.read_text(encoding="utf-8")
    assert [link.unit for link in po.read_po(path).alignment.links] == ["41", "42", "43"]


def test_merged_links_join_their_ids_and_split_ones_keep_them(job: bytes) -> None:
    b = read_pairs(job, "job.xlf")
    merged = corrections.merge(b, 1, "next")
    assert [link.unit for link in merged.alignment.links] == ["41", "42+43"]
    assert [link.unit for link in corrections.split(merged, 1).alignment.links] == ["41", "42+43", "42+43"]


def test_a_draft_keeps_the_ids(job: bytes) -> None:
    b = read_pairs(job, "job.xlf")
    edited = corrections.merge(b, 0, "next")
    assert apply_delta(b, json.loads(json.dumps(delta(b, edited, 100)))) == edited


def test_check_names_the_unit_in_text_json_and_csv(tmp_path, job: bytes) -> None:
    path = tmp_path / "job.xlf"
    path.write_bytes(job)
    text = CliRunner().invoke(main, ["check", str(path), "--only", "numbers", "-q"])
    assert "link 1 (unit 41) [numbers]" in text.output
    out = CliRunner().invoke(main, ["check", str(path), "--only", "numbers", "-q", "--format", "json"])
    found = json.loads(out.stdout)
    assert [(f["link"], f["unit"]) for f in found] == [(1, "41")]
    out = CliRunner().invoke(main, ["check", str(path), "--only", "numbers", "-q", "--format", "csv"])
    rows = list(csv.reader(io.StringIO(out.stdout.lstrip("\ufeff"))))
    assert rows[0][:3] == ["link", "unit", "severity"] and rows[1][:2] == ["1", "41"]


def test_a_report_of_a_text_aligned_here_has_no_unit_column(job: bytes) -> None:
    from dataclasses import replace

    b = read_pairs(job, "job.xlf")
    plain = replace(b, alignment=replace(b.alignment, links=tuple(
        replace(link, unit="") for link in b.alignment.links)))
    f = [Finding(0, "numbers", "error", "numbers differ")]
    assert next(csv.reader(io.StringIO(render_findings_csv(plain, f)[1:])))[:2] == ["link", "severity"]


# ---------------------------------------------------------------- a table's column of ids

GIVEN = {"src_lang": "fr", "tgt_lang": "en"}   # for tables too short to detect their languages


@pytest.mark.parametrize("text, name, given, langs, pairs, ids, notes", [
    # memoQ's and Phrase's sheets: 'ID' first, the languages named in words (the ids were read
    # as the original, 'ID' as Indonesian, the translation as a note)
    ("ID;English;French\n41;It rains.;Il pleut.\n42;Three dogs.;Quatre chiens.\n", "t.csv", {},
     ("en", "fr"), [("It rains.", "Il pleut."), ("Three dogs.", "Quatre chiens.")], ["41", "42"], ["", ""]),
    # a header of no languages: still a header (no pair 'Source'/'Target'); the comment column kept
    ("Segment ID,Source,Target,Comment\nu-1,Il pleut.,It rains.,Check.\nu-2,Fin.,End.,\n", "t.csv", GIVEN,
     ("fr", "en"), [("Il pleut.", "It rains."), ("Fin.", "End.")], ["u-1", "u-2"], ["Check.", ""]),
    # software strings: the key last, the languages by code
    ("fr\ten\tKey\nIl pleut.\tIt rains.\tweather.rain\nFin.\tEnd.\tmenu.end\n", "t.tsv", {},
     ("fr", "en"), [("Il pleut.", "It rains."), ("Fin.", "End.")], ["weather.rain", "menu.end"], ["", ""]),
    # no header: a first column of unique numbers (`cat -n`, a sheet's row numbers)
    ("1\tIl pleut.\tIt rains.\n2\tFin.\tEnd.\n", "t.tsv", GIVEN,
     ("fr", "en"), [("Il pleut.", "It rains."), ("Fin.", "End.")], ["1", "2"], ["", ""]),
    # a header naming the texts in words is no pair, with or without ids
    ("Source,Target\nIl pleut.,It rains.\n", "t.csv", GIVEN, ("fr", "en"), [("Il pleut.", "It rains.")], [""], [""]),
    ("#\tOriginal text\tTranslation\tNote\n7\tIl pleut.\tIt rains.\tok\n", "t.tsv", GIVEN, ("fr", "en"),
     [("Il pleut.", "It rains.")], ["7"], ["ok"]),
    # Trados' bilingual review table: the columns by their names, the status left out
    ("Segment ID\tSegment status\tSource segment\tTarget segment\tComment\n"
     "12\tTranslated\tIl pleut.\tIt rains.\tTense?\n13\tDraft\tFin.\tEnd.\t\n", "t.tsv", GIVEN, ("fr", "en"),
     [("Il pleut.", "It rains."), ("Fin.", "End.")], ["12", "13"], ["Tense?", ""]),
    # software strings: key and context first, a bracketed language after the names
    ("Key,Context,Source (fr-FR),Target (en-GB)\nmenu.rain,weather,Il pleut.,It rains.\n", "t.csv", GIVEN,
     ("fr", "en"), [("Il pleut.", "It rains.")], ["menu.rain"], [""]),
    # the languages in the brackets after the names, by code or in words (read from the text
    # before, which a table this short could not tell)
    ("Source (de-DE)\tTarget (fr-FR)\nJa.\tOui.\n", "t.tsv", {}, ("de-DE", "fr-FR"), [("Ja.", "Oui.")],
     [""], [""]),
    ("ID;Original [Deutsch];Translation [English]\n5;Ja.;Yes.\n", "t.csv", {}, ("de", "en"),
     [("Ja.", "Yes.")], ["5"], [""]),
    # memoQ's table: the languages named with their regions, the comment before a status column
    ("ID\tEnglish (United States)\tFrench (France)\tComment\tStatus\n1\tIt rains.\tIl pleut.\tTense?\tDraft\n",
     "t.tsv", {}, ("en", "fr"), [("It rains.", "Il pleut.")], ["1"], ["Tense?"]),
    # none: a glossary's third column of notes; a first column of words; numbers said twice;
    # a 'Key' column of sentences; our own export's columns
    ("maire\tmayor\tnot 'major'\nA1\tmotorway\t\n", "g.tsv", GIVEN,
     ("fr", "en"), [("maire", "mayor"), ("A1", "motorway")], ["", ""], ["not 'major'", ""]),
    ("1\tIl pleut.\tIt rains.\n1\tFin.\tEnd.\n", "t.tsv", GIVEN,
     ("fr", "en"), [("1", "Il pleut."), ("1", "Fin.")], ["", ""], ["It rains.", "End."]),
    ("fr\ten\tKey\nIl pleut.\tIt rains.\ton the left\n", "t.tsv", {},
     ("fr", "en"), [("Il pleut.", "It rains.")], [""], ["on the left"]),
    ("fr\ten\tlink\tconfidence\treviewed\nOui.\tYes.\t1-1\t0.950\tyes\n", "ours.tsv", {},
     ("fr", "en"), [("Oui.", "Yes.")], [""], [""]),
], ids=["memoq-id", "segment-id-comment", "key-last", "numbered", "sides-named", "sides-named-ids",
        "trados-review", "key-context", "bracketed-codes", "bracketed-names", "memoq-table",
        "glossary-notes", "numbers-twice",
        "key-of-words", "ours"])
def test_a_tables_column_of_ids_names_each_rows_unit(text: str, name: str, given: dict[str, str],
                                                     langs: tuple[str, str], pairs: list[tuple[str, str]],
                                                     ids: list[str], notes: list[str]) -> None:
    bitext, read = read_pairs_noted(text.encode(), name, **given)
    links = bitext.alignment.links
    assert (bitext.src_lang, bitext.tgt_lang) == langs
    assert [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt")) for i in range(len(links))] == pairs
    assert ([link.unit for link in links], read) == (ids, notes)


def test_check_names_a_tables_row_by_its_id(tmp_path) -> None:
    (tmp_path / "job.csv").write_text("ID;English;French\n41;It rains.;Il pleut.\n"
                                      "42;I saw 3 dogs.;J'ai vu 4 chiens.\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["check", str(tmp_path / "job.csv")])
    assert "link 2 (unit 42) [numbers] error: numbers differ" in done.stdout, done.output
