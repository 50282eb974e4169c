"""A reviewer's bilingual sheet (.xlsx), or a bilingual review document's table (.docx), read
as a table of pairs: its header's languages and column names, its id and comment columns,
numbers and dates as the sheet shows them; a file that is neither, or one that holds too
much, refused in one line. Files written here with openpyxl and python-docx."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from alignment import import_sheets
from alignment.cli import main
from alignment.errors import InputError
from alignment.import_pairs import read_pairs_noted
from alignment.import_sheets import sheet_rows


def xlsx(*rows: tuple, title: str = "Review", before: tuple[tuple, ...] = (),
         opens_on_first: bool = False) -> bytes:
    """An .xlsx whose active sheet holds `rows`; `before`: a first sheet of other rows, which
    the file opens on where `opens_on_first`."""
    book = Workbook()
    first = book.active
    if before:
        for row in before:
            first.append(row)
        sheet = book.create_sheet(title)
        book.active = 0 if opens_on_first else 1
    else:
        sheet, sheet.title = first, title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("data, given, langs, pairs, ids, notes", [
    # an agency's review sheet: ids as numbers, the languages named, a comment column
    (xlsx(("ID", "English", "French", "Comment"), (41, "It rains.", "Il pleut.", "Check the tense."),
          (42, "I saw 3 dogs.", "J'ai vu 4 chiens.", None)), {},
     ("en", "fr"), [("It rains.", "Il pleut."), ("I saw 3 dogs.", "J'ai vu 4 chiens.")], ["41", "42"],
     ["Check the tense.", ""]),
    # no header, no ids; empty rows between
    (xlsx(("Il pleut.", "It rains."), (None, None), ("Fin.", "End.")), {"src_lang": "fr", "tgt_lang": "en"},
     ("fr", "en"), [("Il pleut.", "It rains."), ("Fin.", "End.")], ["", ""], ["", ""]),
    # the sheet the file opens on, not the first
    (xlsx(("fr", "en"), ("Oui.", "Yes."), before=(("Instructions", "Read me"),)), {},
     ("fr", "en"), [("Oui.", "Yes.")], [""], [""]),
    # a workbook that opens on its instructions (one column): the sheet with the pairs is read
    (xlsx(("ID", "Source (fr-FR)", "Target (en-GB)"), (7, "Oui.", "Yes."), opens_on_first=True,
          before=(("Please review the translation in the sheet 'Review'.",), ("Thank you!",))), {},
     ("fr-FR", "en-GB"), [("Oui.", "Yes.")], ["7"], [""]),
    # the sheet whose header names the texts, before the one opened on, which holds a glossary
    (xlsx(("Source", "Target"), ("Non.", "No."), opens_on_first=True,
          before=(("chat", "cat"), ("chien", "dog"))), {"src_lang": "fr", "tgt_lang": "en"},
     ("fr", "en"), [("Non.", "No.")], [""], [""]),
    # no sheet names the texts: the one opened on, where it holds two columns
    (xlsx(("Oui.", "Yes."), opens_on_first=True, before=(("Non.", "No."),)),
     {"src_lang": "fr", "tgt_lang": "en"}, ("fr", "en"), [("Non.", "No.")], [""], [""]),
], ids=["review-sheet", "plain", "active-sheet", "opens-on-instructions", "named-sheet-first",
        "two-unnamed"])
def test_a_sheets_rows_are_read_as_a_tables(data, given, langs, pairs, ids, notes) -> None:
    bitext, read = read_pairs_noted(data, "review.xlsx", **given)
    links = bitext.alignment.links
    assert (bitext.src_lang, bitext.tgt_lang) == langs
    assert [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt")) for i in range(len(links))] == pairs
    assert ([link.unit for link in links], read) == (ids, notes)


def test_cells_read_as_the_sheet_shows_them() -> None:
    data = xlsx((7, 2.5, True, dt.datetime(2026, 12, 6), dt.datetime(2026, 12, 6, 9, 30), dt.date(1925, 3, 1)))
    assert sheet_rows(data, "a.xlsx") == [["7", "2.5", "TRUE", "2026-12-06", "2026-12-06 09:30:00", "1925-03-01"]]


@pytest.mark.parametrize("data, message", [
    (b"ID;English;French\n41;Yes.;Oui.\n", "a.xlsx: not a valid XLSX file (broken zip"),
    (b"PK\x03\x04" + b"\0" * 40, "a.xlsx: not a valid XLSX file (broken zip"),
])
def test_a_file_that_is_no_sheet_is_refused_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as raised:
        read_pairs_noted(data, "a.xlsx")
    assert str(raised.value).startswith(message) and "\n" not in str(raised.value)


# ids of their own: an xlsx's bytes hold the time it was made, and in a test id they made the
# xdist workers collect different tests (an error that fails the run) across a second's edge
@pytest.mark.parametrize("name, data", [("a.tsv", b"\t\n\t\n"), ("a.csv", b""), ("a.csv", b"\n ; \n"),
                                        ("a.xlsx", xlsx()), ("a.xlsx", xlsx((None, None)))],
                         ids=["tsv-blank-lines", "csv-empty", "csv-blank-cells", "xlsx-no-row", "xlsx-empty-row"])
def test_an_empty_table_is_refused_as_empty_not_asked_its_languages(name: str, data: bytes) -> None:
    """An empty table was asked for its languages (on the start page too), then refused."""
    with pytest.raises(InputError) as raised:
        read_pairs_noted(data, name)
    assert str(raised.value) == (f"{name} holds no text: its table is empty; check it is the file "
                                 "with the pairs (the sheet or the export you meant)")


def test_a_sheet_holding_too_much_is_refused_as_it_is_read(monkeypatch) -> None:
    monkeypatch.setattr(import_sheets, "SHEET_MAX_CHARS", 50)
    data = xlsx(*[(f"Phrase numéro {k}.", f"Sentence number {k}.") for k in range(10)])
    with pytest.raises(InputError, match="a.xlsx: its table holds over 0 million characters"):
        sheet_rows(data, "a.xlsx")
    assert len(sheet_rows(xlsx(("Oui.", "Yes.")), "a.xlsx")) == 1


def test_a_sheet_unpacking_to_too_much_is_refused_before_it_opens(monkeypatch) -> None:
    data = xlsx(("Oui.", "Yes."))
    monkeypatch.setattr("alignment.read.book.MAX_UNPACKED", 1000)
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: pytest.fail("opened"))
    with pytest.raises(InputError, match=r"^a.xlsx: the XLSX file unpacks to more than 0 MB"):
        sheet_rows(data, "a.xlsx")


def test_check_and_import_read_a_sheet(tmp_path) -> None:
    (tmp_path / "job.xlsx").write_bytes(xlsx(("ID", "English", "French"), (41, "It rains.", "Il pleut."),
                                             (42, "I saw 3 dogs.", "J'ai vu 4 chiens.")))
    runner = CliRunner()
    done = runner.invoke(main, ["check", str(tmp_path / "job.xlsx")])
    assert "link 2 (unit 42) [numbers] error: numbers differ" in done.stdout, done.output
    done = runner.invoke(main, ["import", str(tmp_path / "job.xlsx"), "-o", str(tmp_path / "job.po")])
    assert done.exit_code == 0, done.output
    po = (tmp_path / "job.po").read_text(encoding="utf-8")
    assert '#. unit: 41\n' in po and 'msgid "It rains."\nmsgstr "Il pleut."' in po


def review_docx(*rows: tuple[str, ...], before: tuple[tuple[str, ...], ...] = ()) -> bytes:
    """A .docx as a CAT tool's bilingual review export: a title, a table of file details
    (`before`) where given, then the table of segments."""
    import docx

    document = docx.Document()
    document.add_paragraph("job.docx — French (France) to English (United Kingdom)")
    for table_rows in ((before,) if before else ()) + (rows,):
        table = document.add_table(rows=0, cols=len(table_rows[0]))
        for row in table_rows:
            for cell, text in zip(table.add_row().cells, row):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


TRADOS_HEADER = ("Segment ID", "Segment status", "Source segment", "Target segment", "Comment")


def test_a_bilingual_review_documents_table_is_read_as_pairs() -> None:
    data = review_docx(TRADOS_HEADER, ("1", "Translated (100%)", "Il pleut.", "It rains.", ""),
                       ("2", "Draft (0%)", "J'ai vu 4 chiens.", "I saw 3 dogs.", "Count?"),
                       before=(("File", "job.docx"), ("Words", "12"), ("Segments", "2")))
    bitext, notes = read_pairs_noted(data, "job_review.docx", src_lang="fr", tgt_lang="en")
    links = bitext.alignment.links
    assert [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt")) for i in range(len(links))] == \
        [("Il pleut.", "It rains."), ("J'ai vu 4 chiens.", "I saw 3 dogs.")]
    assert ([link.unit for link in links], notes) == (["1", "2"], ["", "Count?"])


def test_a_document_with_no_table_is_sent_to_align_and_align_still_reads_it(tmp_path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Il pleut depuis trois jours. Personne ne sort.")
    document.save(tmp_path / "text.docx")
    with pytest.raises(InputError, match=r"^text.docx holds no table of pairs .*; to align a document and its "
                                         r"translation, use alignment align"):
        read_pairs_noted((tmp_path / "text.docx").read_bytes(), "text.docx", src_lang="fr", tgt_lang="en")
    from alignment.read.files import _not_pairs

    _not_pairs("text.docx")   # a text to align, not refused as a file of pairs
    with pytest.raises(InputError, match="is a file of pairs"):
        _not_pairs("review.xlsx")


def test_check_reads_a_review_document(tmp_path) -> None:
    (tmp_path / "review.docx").write_bytes(review_docx(
        TRADOS_HEADER, ("7", "Translated", "J'ai vu 4 chiens.", "I saw 3 dogs.", "")))
    done = CliRunner().invoke(main, ["check", str(tmp_path / "review.docx"), "-s", "fr", "-t", "en"])
    assert "link 1 (unit 7) [numbers] error: numbers differ" in done.stdout, done.output


def test_a_review_document_given_as_a_text_to_align_is_sent_to_import(tmp_path) -> None:
    """Both languages of a review table, read as one text, were aligned with the other file."""
    from alignment.read import read_file

    path = tmp_path / "job_review.docx"
    path.write_bytes(review_docx(TRADOS_HEADER, ("1", "Translated", "Il pleut.", "It rains.", "")))
    with pytest.raises(InputError, match=r"job_review.docx is a bilingual review table .* not a text to align; "
                                         r"read it with: alignment import"):
        read_file(path)


def test_a_text_with_a_small_table_of_terms_is_still_a_text(tmp_path) -> None:
    import docx

    from alignment.read import read_file

    document = docx.Document()
    document.add_paragraph("Le meunier ouvrit la porte du moulin et regarda la rivière couler sous le pont. " * 3)
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, ("Original", "Translation", "moulin", "mill")):
        cell.text = text
    document.save(tmp_path / "text.docx")
    assert "Le meunier ouvrit la porte" in " ".join(read_file(tmp_path / "text.docx").paragraphs)


_RUN = st.lists(st.sampled_from(["a", "é", " ", "\t", "\n", "Bx"]), max_size=5).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(_RUN, st.sampled_from(["run", "page break", "hyperlink", "cr"])),
                         max_size=4), min_size=1, max_size=3))
def test_property_a_cells_text_is_python_docxs(paragraphs) -> None:
    """import_sheets.cell_text walks a cell's elements where python-docx asks an XPath per
    paragraph and run: for any cell (paragraphs of runs holding tabs and line breaks, page
    breaks, carriage returns, a hyperlink's runs) the two give the same text."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from alignment.import_sheets import cell_text

    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    for k, runs in enumerate(paragraphs):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        for text, kind in runs:
            if kind == "hyperlink":
                p._p.append(parse_xml(f'<w:hyperlink {nsdecls("w")}><w:r><w:t xml:space="preserve">'
                                      f'{text.replace(chr(9), "").replace(chr(10), "")}</w:t></w:r></w:hyperlink>'))
                continue
            r = p.add_run(text)
            if kind == "page break":
                r.add_break(WD_BREAK.PAGE)
            elif kind == "cr":
                r._r.append(parse_xml(f'<w:cr {nsdecls("w")}/>'))
    saved = io.BytesIO()
    document.save(saved)
    read = docx.Document(io.BytesIO(saved.getvalue())).tables[0].rows[0].cells[0]
    assert cell_text(read) == read.text


def test_which_sheet_of_several_was_read_is_said_as_a_note(tmp_path) -> None:
    """A workbook of several sheets: the one read is named with the others left out, as the
    alignment's note (the reader's notes box, the PO, the stderr of `alignment import` and
    `alignment check`, out of its report); a workbook of one sheet says nothing."""
    from alignment.import_ods import ods_rows_noted
    from test_import_ods import ods

    several = xlsx(("Source (fr)", "Target (en)"), ("Oui.", "Yes."), opens_on_first=True,
                   before=(("Read the sheet 'Review'.",),))
    said = ("read the sheet 'Review', one of 2 in the workbook; the others ('Sheet') were left out",)
    assert read_pairs_noted(several, "job.xlsx")[0].alignment.warnings == said
    one = xlsx(("Source (fr)", "Target (en)"), ("Oui.", "Yes."))
    assert read_pairs_noted(one, "job.xlsx")[0].alignment.warnings == ()
    sheets = ods(("Source (fr)", "Target (en)"), ("Oui.", "Yes."), tail=False, before=(("Read me.",),))
    assert ods_rows_noted(sheets, "job.ods", 16)[1] == \
        "read the sheet 'Review', one of 2 in the workbook; the others ('Read me') were left out"
    (tmp_path / "job.xlsx").write_bytes(several)
    done = CliRunner().invoke(main, ["import", str(tmp_path / "job.xlsx"), "-o", str(tmp_path / "job.po")])
    assert done.exit_code == 0 and done.stderr.count(f"Warning: {said[0]}") == 1, done.output
    checked = CliRunner().invoke(main, ["check", str(tmp_path / "job.xlsx"), "--format", "json"])
    assert f"Warning: {said[0]}" in checked.stderr and said[0] not in checked.stdout, checked.output
    assert "read the sheet 'Review'" in (tmp_path / "job.po").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, said", [
    ("job.xls", "job.xls: an old Excel workbook (.xls) is not read here; open it and save it as .xlsx"),
    ("job.xlsm", "job.xlsm: an Excel workbook with macros (.xlsm) is not read here; save a copy as .xlsx"),
    ("job.doc", "job.doc: an old Word document (.doc) is not read here; open it and save it as .docx"),
    ("job.odt", "job.odt: an OpenDocument text is read by alignment align as a text to align, not as pairs"),
])
def test_an_office_file_not_read_as_pairs_says_what_to_save_it_as(tmp_path, name: str, said: str) -> None:
    """An old .xls given to import was told only the formats read, and given to check was read
    as a PO: 'not UTF-8 (byte 12); save the PO file as UTF-8'."""
    with pytest.raises(InputError) as raised:
        read_pairs_noted(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, name)
    assert str(raised.value).startswith(said)
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    for verb in (["check"], ["import", "-o", str(tmp_path / "out.po")]):
        done = CliRunner().invoke(main, [verb[0], str(tmp_path / name), *verb[1:]])
        assert done.exit_code == 1 and f"Error: {tmp_path / said}" in done.output, done.output


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4),
       st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 3), st.integers(0, 3)), max_size=3))
@example(2, 3, [(0, 1, 1, 1), (0, 0, 0, 2)])   # python-docx's row.cells raised here (found exploring)
def test_property_a_tables_cells_are_python_docxs(n_rows, n_cols, merges) -> None:
    """import_sheets._table_cells reads rows from their elements where no cell is merged with
    the one above: for any table (cells merged across columns, rows or both) it gives the cells
    python-docx gives, the same elements in the same order."""
    import docx

    from alignment.import_sheets import _table_cells, docx_row_cells

    document = docx.Document()
    table = document.add_table(rows=n_rows, cols=n_cols)
    for r in range(n_rows):
        for c in range(n_cols):
            table.cell(r, c).text = f"{r}.{c}"
    for r0, c0, r1, c1 in merges:
        try:
            table.cell(min(r0, n_rows - 1), min(c0, n_cols - 1)).merge(
                table.cell(min(r1, n_rows - 1), min(c1, n_cols - 1)))
        except Exception:   # python-docx refuses a merge across an earlier one
            pass
    saved = io.BytesIO()
    document.save(saved)
    read = docx.Document(io.BytesIO(saved.getvalue())).tables[0]
    got, want = _table_cells(read), [docx_row_cells(row) for row in read.rows]   # python-docx's, every row
    assert [[c._tc for c in row] for row in got] == [[c._tc for c in row] for row in want]


def test_a_table_with_a_merge_python_docx_cannot_read_is_still_read() -> None:
    """A note merged down two rows, then the first of them merged across the row: the row
    below holds a cell merged with one above that starts at no cell of that row, and
    python-docx's row.cells raised ValueError; the document was refused as unreadable."""
    import docx

    rows = [("Le chat dort.", "The cat sleeps.", ""), ("Il pleut.", "It rains.", "note"),
            ("Nous partons.", "We leave.", ""), ("Fin.", "End.", "")]
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 1).merge(table.cell(2, 1))
    table.cell(1, 0).merge(table.cell(1, 2))
    out = io.BytesIO()
    document.save(out)
    bitext, _ = read_pairs_noted(out.getvalue(), "merged.docx", src_lang="fr", tgt_lang="en")
    links = bitext.alignment.links
    said = [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt")) for i in range(len(links))]
    assert said[0] == ("Le chat dort.", "The cat sleeps.") and said[-1] == ("Fin.", "End.")
    assert ("Nous partons.", "") in said   # its translation went up into the merged cell
