"""Corrections written back into the table the pairs were imported from, a sheet (.xlsx), a
bilingual review document (.docx), a CSV or TSV file: only the corrected translation cells
change (a text table's other lines byte for byte); rows whose links were merged are left as
they were and counted; a cell's tag runs dropped are counted; a table whose rows are not one
line each, or not UTF-8, is refused in one line. Files written here (test_import_sheets'
helpers)."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from alignment.cli import main
from alignment.errors import InputError
from alignment.import_pairs import read_pairs
from alignment.types import Bitext, Link
from alignment.write_back import describe, write_back
from test_import_sheets import TRADOS_HEADER, review_docx, xlsx


def corrected(bitext: Bitext, link: int, text: str) -> Bitext:
    """`bitext` with link `link`'s one translation sentence replaced by `text`."""
    [j] = bitext.alignment.links[link].tgt
    tgt = list(bitext.tgt)
    tgt[j] = replace(tgt[j], text=text)
    return replace(bitext, tgt=tuple(tgt))


SHEET = xlsx(("ID", "English", "French", "Comment"), (41, "It rains.", "Il pleut.", "Tense?"), (None, None),
             (42, "I saw 3 dogs.", "J'ai vu 4 chiens.", None), before=(("Read me first", "Thanks"),))


def test_a_sheet_gets_only_its_corrected_cell_changed() -> None:
    bitext = read_pairs(SHEET, "job.xlsx")
    out, done = write_back(SHEET, "job.xlsx", corrected(bitext, 1, "J'ai vu 3 chiens."))
    assert (done.changed, done.unmatched, describe(done)) == (1, 0, "1 translation corrected")
    book, before = load_workbook(io.BytesIO(out)), load_workbook(io.BytesIO(SHEET))
    values = {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book.worksheets}
    old = {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in before.worksheets}
    assert values["Review"][3][2] == "J'ai vu 3 chiens."
    values["Review"][3][2] = old["Review"][3][2]
    assert values == old   # every other cell, and the other sheet, as they were


def test_the_correction_goes_into_the_sheet_read_not_the_one_opened_on() -> None:
    sheet = xlsx(("Source (fr)", "Target (en)"), ("Il pleut.", "It rain."), opens_on_first=True,
                 before=(("Please review the sheet 'Review'.",),))
    out, done = write_back(sheet, "job.xlsx", corrected(read_pairs(sheet, "job.xlsx"), 0, "It rains."))
    book = load_workbook(io.BytesIO(out))
    assert done.changed == 1
    assert [[c.value for c in row] for row in book["Review"].iter_rows()] == [["Source (fr)", "Target (en)"],
                                                                             ["Il pleut.", "It rains."]]
    assert [[c.value for c in row] for row in book["Sheet"].iter_rows()] == [["Please review the sheet 'Review'."]]


def test_a_correction_starting_with_an_equals_sign_is_text_not_a_formula() -> None:
    bitext = read_pairs(SHEET, "job.xlsx")
    out, _ = write_back(SHEET, "job.xlsx", corrected(bitext, 0, "=== Il pleut ==="))
    cell = load_workbook(io.BytesIO(out)).active["C2"]
    assert (cell.value, cell.data_type) == ("=== Il pleut ===", "s")


def test_nothing_corrected_writes_the_file_as_it_came() -> None:
    out, done = write_back(SHEET, "job.xlsx", read_pairs(SHEET, "job.xlsx"))
    assert (out, done.changed, done.unmatched) == (SHEET, 0, 0)


def test_rows_whose_links_were_merged_are_left_and_counted() -> None:
    bitext = read_pairs(SHEET, "job.xlsx")
    merged = replace(bitext, alignment=replace(bitext.alignment, links=(Link((0, 1), (0, 1), 1.0),)))
    out, done = write_back(SHEET, "job.xlsx", merged)
    assert (out, done.changed, done.unmatched) == (SHEET, 0, 2)


@pytest.mark.parametrize("new, runs, dropped", [
    # inside the tag's run: that run alone changes, the tag (bold here) kept
    ("I saw 4 dogs.", [("I saw ", False), ("4", True), (" dogs.", False)], 0),
    # inside the plain run after it
    ("I saw 3 cats.", [("I saw ", False), ("3", True), (" cats.", False)], 0),
    # the tag's text rewritten: in the tag's run
    ("I saw four dogs.", [("I saw ", False), ("four", True), (" dogs.", False)], 0),
    # across the tag: one run, the tag dropped and counted
    ("I counted three dogs.", [("I counted three dogs.", False)], 1),
], ids=["in-the-tag", "after-the-tag", "tag-rewritten", "across-the-tag"])
def test_a_review_documents_cell_keeps_its_tags_where_the_correction_allows(new, runs, dropped) -> None:
    import docx

    data = review_docx(TRADOS_HEADER, ("1", "Translated", "Il pleut.", "It rains.", ""),
                       ("2", "Draft", "J'ai vu 4 chiens.", "I saw 3 dogs.", "Count?"),
                       before=(("File", "job.docx"),))
    document = docx.Document(io.BytesIO(data))   # the second translation: a tag run inside
    cell = document.tables[1].rows[2].cells[3]
    cell.paragraphs[0].runs[0].text = "I saw "
    cell.paragraphs[0].add_run("3").bold = True
    cell.paragraphs[0].add_run(" dogs.")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    bitext = read_pairs(data, "job.docx", src_lang="fr", tgt_lang="en")
    out, done = write_back(data, "job.docx", corrected(corrected(bitext, 0, "It is raining."), 1, new))
    assert (done.changed, done.codes_dropped, done.unmatched) == (2, dropped, 0)
    tables = docx.Document(io.BytesIO(out)).tables
    assert [[c.text for c in row.cells] for row in tables[1].rows] == [
        list(TRADOS_HEADER), ["1", "Translated", "Il pleut.", "It is raining.", ""],
        ["2", "Draft", "J'ai vu 4 chiens.", new, "Count?"]]
    assert [(r.text, bool(r.bold)) for r in tables[1].rows[2].cells[3].paragraphs[0].runs] == runs
    assert [[c.text for c in row.cells] for row in tables[0].rows] == [["File", "job.docx"]]
    assert ("formatting codes, left out now" in describe(done)) == bool(dropped)


@pytest.mark.parametrize("data, name, link, text, expected", [
    # a sheet's CSV (Excel: a byte-order mark, semicolons, CRLF): that one line, the rest as it was
    ("\ufeffID;English;French;Comment\r\n41;It rains.;Il pleut.;Tense?\r\n\r\n42;I saw 3 dogs.;J'ai vu 4 chiens.;\r\n",
     "job.csv", 1, "J'ai vu 3 chiens.",
     "\ufeffID;English;French;Comment\r\n41;It rains.;Il pleut.;Tense?\r\n\r\n42;I saw 3 dogs.;J'ai vu 3 chiens.;\r\n"),
    # quotes in the line: written as csv quotes, quotes in the correction too
    ('fr,en\n"Il dit ""oui"".",He said yes.\nFin.,End.\n', "job.csv", 0, 'He said "yes", twice.',
     'fr,en\n"Il dit ""oui"".","He said ""yes"", twice."\nFin.,End.\n'),
    # a TSV cell in a writer's quotes stays in quotes
    ('fr\ten\n"Il dit ""oui""."\t"He said ""yes""."\nFin.\tEnd.\n', "job.tsv", 0, 'He said "yes" twice.',
     'fr\ten\n"Il dit ""oui""."\t"He said ""yes"" twice."\nFin.\tEnd.\n'),
    # a line separator inside a cell is no line end (str.splitlines took it for one)
    ("fr\ten\nIl pleut.\tIt rains.\u2028Still.\nFin.\tEnd.\n", "job.tsv", 1, "The end.",
     "fr\ten\nIl pleut.\tIt rains.\u2028Still.\nFin.\tThe end.\n"),
], ids=["excel-csv", "quoted-csv", "quoted-tsv", "line-separator"])
def test_a_csv_or_tsv_gets_only_its_corrected_lines_written(data, name, link, text, expected) -> None:
    raw = data.encode("utf-8")
    out, done = write_back(raw, name, corrected(read_pairs(raw, name), link, text))
    assert (out.decode("utf-8"), done.changed, done.unmatched) == (expected, 1, 0)


@pytest.mark.parametrize("data, message", [
    ('fr,en\n"Il pleut\ntoujours.",It keeps raining.\nFin.,End.\n'.encode(), "has cells running over several lines"),
    ("fr;en\nIl était là.;He was there.\nÉté.;Summer.\n".encode("cp1252"), "is not UTF-8"),
], ids=["multi-line-cell", "latin-1"])
def test_a_table_that_cannot_be_written_back_line_by_line_says_so(data: bytes, message: str) -> None:
    bitext = read_pairs(data, "job.csv", src_lang="fr", tgt_lang="en")
    with pytest.raises(InputError, match=f"^job.csv {message}.*export the pairs as TSV instead"):
        write_back(data, "job.csv", corrected(bitext, 1, "The end."))


def test_import_correct_and_export_corrected_from_the_command_line(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.xlsx").write_bytes(SHEET)
    runner = CliRunner()
    done = runner.invoke(main, ["import", "job.xlsx", "-o", "job.po"])
    assert done.exit_code == 0, done.output
    po = (tmp_path / "job.po").read_text(encoding="utf-8")
    (tmp_path / "job.po").write_text(po.replace('msgstr "J\'ai vu 4 chiens."', 'msgstr "J\'ai vu 3 chiens."'),
                                     encoding="utf-8")
    done = runner.invoke(main, ["export", "job.po", "--corrected", "back.xlsx", "--original", "job.xlsx"])
    assert done.exit_code == 0, done.output
    assert "1 translation corrected" in done.output
    assert load_workbook(tmp_path / "back.xlsx")["Review"]["C4"].value == "J'ai vu 3 chiens."


CELL = st.text(alphabet='ab é,;"\'', min_size=1, max_size=12).map(lambda t: " ".join(t.split())).filter(bool)


@settings(max_examples=200, deadline=None)
@example(rows=[(',",', ";")], fmt="csv", pick=0, new=";")   # read as '"' / '""' before (a needless-quotes guess)
@example(rows=[(";", '"')], fmt="tsv", pick=0, new=";")     # written back '";"', read so
@given(rows=st.lists(st.tuples(CELL, CELL), min_size=1, max_size=6), fmt=st.sampled_from(["csv", "tsv"]),
       pick=st.integers(min_value=0), new=CELL)
def test_property_a_table_written_back_reads_back_as_corrected(rows, fmt, pick, new) -> None:
    """Any table a spreadsheet writes (csv quoting where needed, a header of languages): unchanged,
    it comes back byte for byte; one translation corrected, it reads back with that one changed."""
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerows([("fr", "en"), *rows])
    data, name = out.getvalue().encode("utf-8"), f"job.{fmt}"
    bitext = read_pairs(data, name, src_lang="fr", tgt_lang="en")
    assert write_back(data, name, bitext)[0] == data
    k = pick % len(rows)
    back = read_pairs(write_back(data, name, corrected(bitext, k, new))[0], name, src_lang="fr", tgt_lang="en")
    texts = [(back.link_text(i, "src"), back.link_text(i, "tgt")) for i in range(len(back.alignment.links))]
    assert texts == [(s, new if i == k else t) for i, (s, t) in enumerate(rows)]


SHEET_CELL = st.text(alphabet='ab é=,;"\'0.5-', min_size=1, max_size=12).map(lambda t: " ".join(t.split())).filter(
    lambda t: bool(t) and not t.startswith("="))   # a cell written '=...' by a person is a formula


@pytest.fixture(scope="module")
def ods():
    """test_import_ods's .ods maker (it imports this module: no import at the top; imported
    inside a @given test, its own @given counts as nested, a failed health check)."""
    from test_import_ods import ods

    return ods


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(SHEET_CELL, SHEET_CELL), min_size=1, max_size=5), fmt=st.sampled_from(["xlsx", "ods", "docx"]),
       pick=st.integers(min_value=0), new=st.one_of(SHEET_CELL, st.just("=== Fin ===")))
def test_property_a_sheet_written_back_reads_back_as_corrected(ods, rows, fmt, pick, new) -> None:
    """Any sheet (or review document's table) of text cells: one translation corrected, it reads
    back with that one changed and every other cell as it was ('0.5' stays the text it was)."""
    data = {"xlsx": xlsx, "ods": ods, "docx": review_docx}[fmt](("Source", "Target"), *rows)
    name = f"job.{fmt}"
    bitext = read_pairs(data, name, src_lang="fr", tgt_lang="en")
    k = pick % len(rows)
    back = read_pairs(write_back(data, name, corrected(bitext, k, new))[0], name, src_lang="fr", tgt_lang="en")
    texts = [(back.link_text(i, "src"), back.link_text(i, "tgt")) for i in range(len(back.alignment.links))]
    assert texts == [(s, new if i == k else t) for i, (s, t) in enumerate(rows)]


# A reviewer's notes (the PO's translator comments, by link) go back into the table's note
# column: the written form of each table, where that column stands, and the cell read back.
def _csv(*lines: str) -> bytes:
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def _cell_of(data: bytes, name: str, fmt: str, row: int, col: int) -> str:
    """The text of a cell of the table written (row and column 0-based, as the file has them)."""
    import docx

    from alignment.import_sheets import pairs_table

    if fmt == "xlsx":
        return load_workbook(io.BytesIO(data)).active.cell(row=row + 1, column=col + 1).value or ""
    if fmt == "docx":
        return pairs_table(docx.Document(io.BytesIO(data)).tables)[row][col].text
    lines = data.decode("utf-8").splitlines()
    delimiter = "\t" if fmt == "tsv" else ","
    return next(__import__("csv").reader([lines[row]], delimiter=delimiter))[col] if row < len(lines) else ""


NOTE_TABLES = [   # (name, the table, notes by link, (row, column) of the note written, its text)
    ("sheet.xlsx", SHEET, {0: "Tense? Present is right.", 1: "Count checked with the client."},
     (3, 3), "Count checked with the client."),
    ("sheet.xlsx", SHEET, {1: ""}, (1, 3), ""),   # 'Tense?' taken out: link 0 has no note now
    ("review.docx", review_docx(TRADOS_HEADER, ("1", "Draft", "Il pleut.", "It rain.", ""),
                                ("2", "Draft", "Il neige.", "It snows.", "")),
     {0: "Tense: 'rains'."}, (1, 4), "Tense: 'rains'."),
    ("plain.csv", _csv("Il pleut.,It rain.,", "Il neige.,It snows.,Check"), {0: "Tense, again", 1: "Check"},
     (0, 2), "Tense, again"),
    ("memoq.xlsx", xlsx(("ID", "English (United States)", "French (France)", "Comment", "Status"),
                        (1, "It rains.", "Il pleut.", None, "Draft"), (2, "It snows.", "Il neige.", None, "Draft")),
     {1: "Snow?"}, (2, 3), "Snow?"),   # memoQ's table: the note column past the third
    ("headed.tsv", _csv("Source\tTarget\tComment", "Il pleut.\tIt rain.\t", "Il neige.\tIt snows.\t"),
     {1: "Snow: fine."}, (2, 2), "Snow: fine."),
]


@pytest.mark.parametrize("name, data, notes, at, text", NOTE_TABLES, ids=[f"{t[0]}-{k}" for k, t in enumerate(NOTE_TABLES)])
def test_a_reviewers_note_goes_into_the_tables_note_column(name, data, notes, at, text) -> None:
    fmt = name.rsplit(".", 1)[1]
    bitext = read_pairs(data, name, src_lang="fr", tgt_lang="en")
    out, done = write_back(data, name, bitext, notes=notes)
    assert _cell_of(out, name, fmt, *at) == text
    assert done.changed == 0 and done.notes >= 1 and "written back" in describe(done)
    back = read_pairs(out, name, src_lang="fr", tgt_lang="en")   # the translations as they were
    assert [back.link_text(i, "tgt") for i in range(2)] == [bitext.link_text(i, "tgt") for i in range(2)]


def test_a_csv_note_is_written_on_its_line_and_the_other_lines_stay_byte_for_byte() -> None:
    data = _csv("Il pleut.,It rain.,", "Il neige.,It snows.,Check")
    out, done = write_back(data, "plain.csv", corrected(read_pairs(data, "plain.csv", src_lang="fr", tgt_lang="en"),
                                                        0, "It rains."), notes={0: "Tense", 1: "Check"})
    assert out == _csv("Il pleut.,It rains.,Tense", "Il neige.,It snows.,Check")
    assert describe(done) == "1 translation corrected; 1 note written back"


def test_an_ods_note_goes_into_its_third_column(ods) -> None:
    data = ods(("Source", "Target", "Comment"), ("Il pleut.", "It rain.", None))
    bitext = read_pairs(data, "job.ods", src_lang="fr", tgt_lang="en")
    out, done = write_back(data, "job.ods", corrected(bitext, 0, "It rains."), notes={0: "Tense."})
    back = read_pairs(out, "job.ods", src_lang="fr", tgt_lang="en")
    assert (back.link_text(0, "tgt"), done.changed, done.notes) == ("It rains.", 1, 1)
    from alignment.import_pairs import read_pairs_noted

    assert list(read_pairs_noted(out, "job.ods", src_lang="fr", tgt_lang="en")[1]) == ["Tense."]


@pytest.mark.parametrize("notes, same", [(None, True), ({0: "Tense?"}, True), ({0: " Tense? "}, True),
                                         ({}, False)])
def test_notes_as_the_file_has_them_or_not_asked_for_write_nothing(notes, same) -> None:
    out, done = write_back(SHEET, "job.xlsx", read_pairs(SHEET, "job.xlsx"), notes=notes)
    assert (out == SHEET) is same and done.notes == (0 if same else 1)


def test_a_table_of_two_columns_counts_the_notes_it_cannot_hold() -> None:
    data = _csv("Il pleut.,It rain.", "Il neige.,It snows.")
    out, done = write_back(data, "two.csv", read_pairs(data, "two.csv", src_lang="fr", tgt_lang="en"),
                           notes={0: "Tense?", 1: ""})
    assert (out, done.notes, done.notes_unwritten) == (data, 0, 1)
    assert "1 note not written, the file having no place for it (a table with no comment column" in describe(done)


def test_the_cli_writes_a_note_added_to_the_po_into_the_sheets_comment_column(tmp_path, monkeypatch) -> None:
    """A note added in a PO editor (a translator comment) reaches the sheet sent back."""
    import polib

    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.xlsx").write_bytes(SHEET)
    runner = CliRunner()
    assert runner.invoke(main, ["import", "job.xlsx", "-o", "job.po"]).exit_code == 0
    po = polib.pofile(str(tmp_path / "job.po"))
    entry = next(e for e in po if "chiens" in e.msgstr)
    entry.tcomment = "Four or three? The client says three."
    po.save(str(tmp_path / "job.po"))
    done = runner.invoke(main, ["export", "job.po", "--corrected", "back.xlsx", "--original", "job.xlsx"])
    assert done.exit_code == 0, done.output
    assert "0 translations corrected; 1 note written back" in done.output
    sheet = load_workbook(tmp_path / "back.xlsx")["Review"]
    assert (sheet["D2"].value, sheet["D4"].value) == ("Tense?", "Four or three? The client says three.")
