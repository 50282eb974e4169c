"""PDF page layout (fpdf2 PDFs made here): lines of a two-column page measured against their
column, numbered headings whatever the line before, a title in large type and the lines under
it, rows of a table (pdf_columns.py, pdf.paragraphs_from_lines)."""

from __future__ import annotations

import pytest

from alignment.read.pdf import read_pdf
from alignment.types import Document

FONT = "Helvetica"
Item = tuple[str, float, float, float]   # text, size (pt), x (mm), baseline y (mm)

FULL = ["The bridge was very old and the village was proud of it, as",
        "villages are of what they did not build. It had seven arches,",
        "and nobody knew who had carved the mark on the middle stone,",
        "though every child of the village could point to it at once."]


def _pdf(pages: list[list[Item]]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A5", unit="mm")
    for items in pages:
        pdf.add_page()
        for text, size, x, y in items:
            pdf.set_font(FONT, size=size)
            pdf.text(x, y, text)
    return bytes(pdf.output())


def _lines(texts: list[str], top: float = 30, x: float = 15, size: float = 10) -> list[Item]:
    return [(text, size, x, top + 5 * k) for k, text in enumerate(texts)]


def _read(pages: list[list[Item]]) -> Document:
    return read_pdf(_pdf(pages), "layout.pdf")


def _headings(doc: Document) -> list[str]:
    return [doc.paragraphs[k] for k in sorted(doc.headings)]


LEFT = ["The results confirm our", "hypotheses, and most of the", "sentences have a faithful",
        "and careful translation.", "The discrepancies are", "concentrated in the reports",
        "on money, where figures are", "rounded to the next ten."]
RIGHT = ["One example will suffice to", "show this. The report on the",
         "schools of the valley speaks", "of classes without books and",
         "without teachers, and the", "translation says nothing."]


def test_a_two_column_page_measures_its_lines_against_the_column() -> None:
    """Every short column line ending in '.' ended its paragraph and the next short line was a
    heading: 'The discrepancies are | concentrated…' cut a sentence in three places."""
    columns = _lines(LEFT) + _lines(RIGHT, x=80)
    doc = _read([_lines(FULL * 3), _lines(["3. Results"], top=22, size=11) + columns])
    text = "\n".join(doc.paragraphs)
    assert "translation. The discrepancies are concentrated in the reports" in text
    assert "the next ten. One example will suffice to show this." in text
    assert _headings(doc) == ["3. Results"]


def test_full_width_lines_beside_a_column_page_keep_the_page_measure() -> None:
    """The column measure stays on the column page: a short full-width line ending a sentence
    on the page before still ends its paragraph."""
    first = _lines(FULL[:2] + ["They loved it."] + FULL[2:] * 3)
    doc = _read([first, _lines(LEFT) + _lines(RIGHT, x=80)])
    assert doc.paragraphs[0].endswith("seven arches, They loved it.")


@pytest.mark.parametrize("before", [
    # an abstract's full last line, ending its sentence
    "It proposes an alignment method based on parallel corpora here.",
    # a full line ending mid-sentence at a page's end (no sentence end)
    "these liberties followed a logic that can be reconstructed and",
])
def test_a_numbered_heading_stands_alone_whatever_the_line_before(before) -> None:
    """'1. Introduction' was glued to the abstract's full last line ('... 1. Introduction La
    question…'), '3. Résultats' to the paragraph before."""
    lines = FULL[:2] + [before, "2. Methods"] + FULL
    doc = _read([_lines(lines)])
    assert "2. Methods" in _headings(doc)
    assert not any("Methods" in p for p in doc.paragraphs if p != "2. Methods")


@pytest.mark.parametrize("line", [
    "1936. The bridge was rebuilt after the flood of that spring and",   # a full line
    "12. It stands.",                                                     # a sentence's end
    "3. the mill",                                                        # no capital
])
def test_a_line_opening_with_a_number_in_a_paragraph_is_no_heading(line) -> None:
    lines = FULL[:3] + [line] + FULL
    doc = _read([_lines(lines)])
    assert _headings(doc) == []


def _title_page(title: list[str], after: list[Item]) -> list[list[Item]]:
    top = [(text, 16, 15, 25 + 7 * k) for k, text in enumerate(title)]
    return [top + after + _lines(FULL * 2, top=95), _lines(FULL * 3)]


def test_a_title_of_two_lines_is_one_heading_and_author_lines_stand_apart() -> None:
    """'Translating Colonial Archives: Issues and' | 'Methods' were two headings (a 0-1 link
    'Methods'); the French title page ran 'enjeux et méthodes Marie Durand Université Lumière
    Lyon 2 Cet article examine…' into one sentence."""
    after = [("Marie Durand", 10.5, 15, 45), ("University of Lyon 2, translated by Peter Clark", 9, 15, 51),
             ("This article examines how colonial archive collections were", 9, 21, 60),
             ("translated during the twentieth century.", 9, 21, 65)]
    doc = _read(_title_page(["La traduction des archives coloniales :", "enjeux et methodes"], after))
    assert list(doc.paragraphs[:4]) == [
        "La traduction des archives coloniales : enjeux et methodes", "Marie Durand",
        "University of Lyon 2, translated by Peter Clark",
        "This article examines how colonial archive collections were translated during the "
        "twentieth century."]
    assert sorted(doc.headings) == [0]


def test_two_numbered_headings_in_large_type_stay_two() -> None:
    heads = [("2. Methods", 11, 15, 25), ("2.1 Sources", 11, 15, 31)]
    doc = _read([heads + _lines(FULL * 2, top=40)])
    assert _headings(doc) == ["2. Methods", "2.1 Sources"]


def test_text_in_large_type_is_no_title() -> None:
    """A lead paragraph of 4 lines in large type is text, not 4 lines of headings."""
    lead = [(text, 12, 15, 25 + 6 * k) for k, text in enumerate(FULL)]
    doc = _read([lead + _lines(FULL * 2, top=55)])
    assert doc.paragraphs[0].startswith(" ".join(FULL))
    assert _headings(doc) == []


TABLE = [["Type", "Documents", "Sentences", "Faithful"],
         ["Financial reports", "84", "5,120", "71%"],
         ["Court reports", "112", "7,340", "94%"],
         ["Medical reports", "116", "6,010", "89%"]]


def _table(top: float) -> list[Item]:
    """Rows of cells: the first at the left, the others right-aligned in 22 mm columns."""
    from fpdf import FPDF

    measure = FPDF()
    measure.add_page()
    items = []
    for r, row in enumerate(TABLE):
        for c, cell in enumerate(row):
            measure.set_font(FONT, size=8.5)
            x = 15 if c == 0 else 15 + 50 + 22 * c - measure.get_string_width(cell)
            items.append((cell, 8.5, x, top + 5 * r))
    return items


def test_the_rows_of_a_table_are_paragraphs_of_their_own() -> None:
    """'Type Documents Phrases Fidèles Rapports financiers 84 5 120 71 % …': a table ran into
    one sentence with its caption and the heading after it."""
    caption = [("Table 1. Faithfulness of translations by type of document", 8.5, 15, 55)]
    page = _lines(FULL[:3] + ["It stands."]) + caption + _table(62) + _lines(["4. Conclusion"], top=86, size=11) + \
        _lines(FULL, top=94)
    doc = _read([page, _lines(FULL * 3)])
    rows = [" ".join(row) for row in TABLE]
    at = doc.paragraphs.index("Table 1. Faithfulness of translations by type of document")
    assert list(doc.paragraphs[at + 1:at + 5]) == rows
    assert doc.paragraphs[at + 5] == "4. Conclusion" and at + 5 in doc.headings
    assert not any(k in doc.headings for k in range(at, at + 5))


def test_justified_lines_drawn_word_by_word_are_no_table() -> None:
    """Words spread to fill a line are pieces apart, but not cells that stand above each other."""
    from fpdf import FPDF

    measure = FPDF()
    measure.add_page()
    measure.set_font(FONT, size=10)
    items = []
    for k, line in enumerate(FULL * 2):
        words = line.split()
        room = 118 - sum(measure.get_string_width(w) for w in words)
        x = 15.0
        for word in words:
            items.append((word, 10, x, 30 + 5 * k))
            x += measure.get_string_width(word) + room / (len(words) - 1)
    doc = _read([items, _lines(FULL * 3)])
    assert doc.paragraphs[0].startswith(" ".join(FULL * 2))


def test_a_numbered_list_is_items_not_headings() -> None:
    """'1. Flour', '2. Three eggs' were headings ('N. Title' alone is one), and in the Word
    export 'Heading 1' (a re-tester's recipe page); '2. Methods' alone stays a heading."""
    from alignment.read.pdf import paragraphs_from_lines

    body = "The valley was quiet in the long evenings, and the family sat by the stove."
    pages = [[body, "They needed these:", "1. Flour", "2. Three eggs", "3. A pinch of salt"],
             ["4. Butter from the cellar", body, "2. Methods", body]]
    out = paragraphs_from_lines(pages)
    assert [(text, heading) for text, _, heading, _ in out if text[0].isdigit()] == [
        ("1. Flour", False), ("2. Three eggs", False), ("3. A pinch of salt", False),
        ("4. Butter from the cellar", False), ("2. Methods", True)]
