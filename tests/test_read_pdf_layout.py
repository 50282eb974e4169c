"""PDF layout (fpdf2 PDFs made here): pages of pictures, alternating running heads, note markers,
footnotes at the page foot, compounds broken at their own hyphen (pdf_scans, pdf_heads,
pdf_layout, pdf_hyphens)."""

from __future__ import annotations

import io

import pytest

from alignment.errors import ScannedPDF
from alignment.read.pdf import read_pdf

FONT = "Helvetica"


def _pdf(pages: list[list[tuple[str, float, float]]], images: set[int] = frozenset()) -> bytes:
    """Pages of (text, size, y in mm); a page index in `images` is a picture only."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF(format="A5", unit="mm")
    for k, lines in enumerate(pages):
        pdf.add_page()
        if k in images:
            picture = io.BytesIO()
            Image.new("L", (60, 80), 200).save(picture, format="PNG")
            pdf.image(picture, x=0, y=0, w=pdf.w, h=pdf.h)
        end = 15.0
        for text, size, y, *after in lines:   # ('1', 6, 28.6, "after"): drawn after the last piece
            pdf.set_font(FONT, size=size)
            x = end if after else 15.0
            pdf.text(x, y, text)
            end = x + pdf.get_string_width(text)
    return bytes(pdf.output())


BODY = ["The bridge was very old and the village was proud of it, as",
        "villages are of what they did not build. It had seven arches.",
        "Nobody knew who had carved the mark on the middle stone of it,"]


WORDS = ["mill", "church", "river", "market", "school", "tower", "harbour", "forest"]
_made = iter(range(10**6))


def _text_page(lines: list[str] | None = None, head: str = "", foot: str = ""
               ) -> list[tuple[str, float, float]]:
    """A page of body lines; by default BODY about another place each time (pages that repeat
    each other are running lines)."""
    place = WORDS[next(_made) % len(WORDS)]
    lines = lines or [f"The {place} was very old and the village was proud of it, as",
                      f"villages are of a {place} they did not build. It had seven",
                      f"arches, and nobody knew who had carved the {place} stone of it,"]
    page = [(line, 10, 30 + 6 * k) for k, line in enumerate(lines)]
    return ([(head, 8, 18)] if head else []) + page + ([(foot, 8, 195)] if foot else [])


@pytest.mark.parametrize("pictures, named", [
    ({1}, "page 2 of scan.pdf has no text (scanned images?): run OCR on it"),
    ({1, 2}, "pages 2-3 of scan.pdf have no text (scanned images?): run OCR on them"),
])
def test_a_page_of_pictures_among_text_pages_is_named_in_a_warning(pictures, named) -> None:
    """A scanned page inside a typeset PDF was skipped without a word: the translation's text
    of that page then read as additions."""
    pages = [[] if k in pictures else _text_page() for k in range(5)]
    doc = read_pdf(_pdf(pages, pictures), "scan.pdf")
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith(named)
    assert "read as additions" in doc.warnings[0]


def test_a_blank_page_is_no_scan() -> None:
    doc = read_pdf(_pdf([_text_page(), [], _text_page()]), "blank.pdf")
    assert doc.warnings == ()


def test_a_pdf_of_mostly_pictures_is_refused_as_a_scan() -> None:
    pages = [_text_page(), [], [], []]
    with pytest.raises(ScannedPDF, match="only 1 of its 4 pages have text, pages 2-4 are images"):
        read_pdf(_pdf(pages, {1, 2, 3}), "mostly.pdf")


@pytest.mark.parametrize("heads", [
    # the journal's name on even pages, the author on odd pages, with the page's number
    lambda n: "Journal of Bridges 12 (2023) %d" % n if n % 2 == 0 else "A. Martin - Old bridges %d" % n,
    # a novel: the author in capitals on even pages, the title on odd pages, no number
    lambda n: "ANNE LEROY" if n % 2 == 0 else "THE FERRYMAN",
])
def test_alternating_running_heads_of_a_short_document_are_dropped(heads) -> None:
    """'Revue d'histoire des langues · 12 (2023) 42 étaient confiés', 'on devinait à peine les
    ANNE LEROY peupliers': heads recurring on half the pages of a 3-6 page text stayed in."""
    pages = [_text_page(foot="41")] + [_text_page(head=heads(41 + k)) for k in range(1, 5)]
    text = " ".join(read_pdf(_pdf(pages), "a.pdf").paragraphs)
    assert "Journal" not in text and "Martin" not in text and "LEROY" not in text
    assert "FERRYMAN" not in text and text.count("stone of it, The ") == 4


def test_a_head_once_in_small_type_above_a_sentence_going_on_is_dropped() -> None:
    pages = [_text_page(BODY[:2] + ["Nobody knew who had carved the"]),
             _text_page(["mark on the middle stone of it.", BODY[0]], head="ANNE LEROY")]
    text = " ".join(read_pdf(_pdf(pages), "a.pdf").paragraphs)
    assert "carved the mark on the middle stone" in text and "LEROY" not in text


def test_a_first_line_in_capitals_that_is_text_stays() -> None:
    """No sentence cut by the page break, no smaller type: a heading, not a running head."""
    pages = [_text_page(), _text_page(["THE MILL", "the mill was older than the bridge and",
                                       "nobody knew who had built it."])]
    assert "THE MILL" in " ".join(read_pdf(_pdf(pages), "a.pdf").paragraphs)


def _marked(word: str, mark: str, after: str, rest: str) -> bytes:
    """One line 'word' + a raised small `mark` + `after`, then `rest`."""
    from fpdf import FPDF

    pdf = FPDF(format="A5", unit="mm")
    pdf.add_page()
    pdf.set_font(FONT, size=10)
    pdf.text(15, 30, word)
    x = 15 + pdf.get_string_width(word)
    pdf.set_font(FONT, size=6)
    pdf.text(x, 28.6, mark)
    x += pdf.get_string_width(mark)
    pdf.set_font(FONT, size=10)
    pdf.text(x, 30, after)
    pdf.text(15, 36, rest)
    return bytes(pdf.output())


@pytest.mark.parametrize("word, mark, after, paragraph", [
    ("Les archives coloniales", "1", ". Pourtant, peu", "Les archives coloniales. Pourtant, peu"),
    ("the administrations.", "12", " Yet few studies", "the administrations. Yet few studies"),
    ("le vieux pont", "*", ", dit-on,", "le vieux pont, dit-on,"),
])
def test_a_raised_small_note_marker_is_not_text(word, mark, after, paragraph) -> None:
    """'coloniales¹.' came out 'coloniales .1 Pourtant': no sentence end the splitter knew."""
    doc = read_pdf(_marked(word, mark, after, "ont examiné les textes."), "m.pdf")
    assert doc.paragraphs[0].startswith(paragraph)


def test_a_number_in_the_line_at_body_size_stays() -> None:
    doc = read_pdf(_pdf([[("Il y avait", 10, 30), ("12", 10, 30 - 1.4), ("ponts.", 10, 30)]]), "n.pdf")
    assert "12" in doc.paragraphs[0]


def test_footnotes_leave_the_sentence_the_page_break_cuts() -> None:
    """'…avec les textes qui leur 1 Voir notamment J. Martin, … p. 45-67. étaient confiés':
    the notes at the foot of the page ran into the sentence across the page break."""
    first = _text_page(BODY[:2]) + [("1", 6, 30 + 6 * 1 - 1.4, "after"),   # its marker, raised
                                    ("2", 6, 30 + 6 * 1 - 1.4, "after"),
                                    ("Nobody knew who had carved the", 10, 30 + 6 * 2)] + [
        ("1", 7, 170), ("See J. Martin, Old Bridges, Paris, 1987, p.", 8, 170),
        ("45-67.", 8, 174), ("2", 7, 178), ("The mason's book says so.", 8, 178), ("41", 8, 195)]
    second = _text_page(["mark on the middle stone of it.", BODY[0]], foot="42")
    doc = read_pdf(_pdf([first, second]), "n.pdf")
    assert "carved the mark on the middle stone of it." in doc.paragraphs[0]
    notes = [p for k, p in enumerate(doc.paragraphs) if doc.role(k) == "note"]
    assert notes == ["See J. Martin, Old Bridges, Paris, 1987, p. 45-67.", "The mason's book says so."]
    assert doc.paragraphs.index(notes[0]) == 1   # after the paragraph the notes interrupted


def test_a_block_quote_in_small_type_at_the_foot_of_a_page_is_text() -> None:
    first = _text_page(BODY[:2]) + [('"The translator is not a mere copyist."', 8, 170)]
    doc = read_pdf(_pdf([first, _text_page()]), "q.pdf")
    assert all(doc.role(k) == "text" for k in range(len(doc.paragraphs)))
    assert any("mere copyist" in p for p in doc.paragraphs)


FRENCH = ["La barque tourna lentement sur elle-même, emportée par le flot. Le vieil",
          "homme cessa de ramer et regarda la rive où attendaient les gens du village."]


@pytest.mark.parametrize("left, right, word", [
    ("qu'il dut s'arc-", "bouter sur les avirons, et la barque avança.", "s'arc-bouter"),
    ("Vous l'avez connu, n'est-ce pas ? dit-", "elle enfin, et il se tut.", "dit-elle"),
    ("Combien de fois avez-vous traversé ? demanda-", "t-elle doucement.", "demanda-t-elle"),
    ("des traductions elles-", "mêmes, c'est-à-dire des textes.", "elles-mêmes"),
    ("Le porte-", "parole du gouvernement général y apparaît.", "porte-parole"),
    ("ces libertés avaient une grande va-", "leur pour les historiens.", "valeur"),
    ("les historiens ont souligné le déve-", "loppement des administrations.", "développement"),
])
def test_french_compounds_broken_at_their_own_hyphen_keep_it(left, right, word) -> None:
    """'elles-|mêmes' came out 'ellesmêmes', 'dit-|elle' 'ditelle'; 'va-|leur' is 'valeur'."""
    lines = FRENCH + [left, right] + FRENCH
    text = " ".join(read_pdf(_pdf([[(line, 10, 30 + 6 * k) for k, line in enumerate(lines)]]),
                             "fr.pdf").paragraphs)
    assert f" {word} " in f" {text} ".replace(",", " ").replace(".", " ")


@pytest.mark.parametrize("left, right, word", [
    ("Although he was a well-", "known figure in the colony, his role is unclear.", "well-known"),
    ("historians stressed the role of inter-", "preters in the colonial administrations.", "interpreters"),
])
def test_english_compounds_broken_at_their_own_hyphen_keep_it(left, right, word) -> None:
    lines = BODY + [left, right] + BODY
    text = " ".join(read_pdf(_pdf([[(line, 10, 30 + 6 * k) for k, line in enumerate(lines)]]),
                             "en.pdf").paragraphs)
    assert f" {word} " in text


GERMAN = ["Der Schnee kam früh in diesem Jahr, und die Straßen des Dorfes lagen still. Die",
          "Kinder blieben zu Hause und sahen durch die Fenster auf den weißen Hof hinaus."]


@pytest.mark.parametrize("left, right, word", [
    ("Am ersten Winter-", "abend saßen alle in der Stube beisammen.", "Winterabend"),
    ("Die Mutter backte einen Apfel-", "kuchen für den Sonntag.", "Apfelkuchen"),
    ("Sie fuhren mit der Straßen-", "bahn in die Stadt hinunter.", "Straßenbahn"),
    ("Die deutsch-", "Französischen Gespräche dauerten lange.", "deutsch-Französischen"),
])
def test_german_compounds_broken_at_their_seam_are_one_word(left, right, word) -> None:
    """German writes its compounds as one word, and no list holds them all: 'Winter-|abend'
    kept its hyphen ('Winter-abend') because both parts are words (a re-tester's book)."""
    lines = GERMAN + [left, right] + GERMAN
    text = " ".join(read_pdf(_pdf([[(line, 10, 30 + 6 * k) for k, line in enumerate(lines)]]),
                             "de.pdf").paragraphs)
    assert f" {word} " in f" {text} "


def test_small_type_at_the_foot_of_a_page_that_no_marker_calls_is_no_note() -> None:
    """A small table with a 'No.' column at a page's foot became footnotes, its numbers lost
    (a re-tester's probe): a footnote is called by a raised marker above it."""
    first = _text_page(BODY[:2]) + [("1", 8, 170), ("Flour two sacks", 8, 170),
                                    ("2", 8, 174), ("Salt one jar", 8, 174)]
    doc = read_pdf(_pdf([first, _text_page()]), "t.pdf")
    assert all(doc.role(k) != "note" for k in range(len(doc.paragraphs)))
    assert "Flour two sacks" in " ".join(doc.paragraphs)



def test_a_drop_cap_is_joined_to_the_word_it_begins() -> None:
    """A large 'T' drawn apart before 'he snow came early' was a heading 'T' and a sentence
    beginning 'he snow' (a re-tester's book chapter)."""
    page = [("T", 30, 40), ("he snow came early that year, and it came without warning; by", 10, 34),
            ("the first week of the month the road to the town was closed.", 10, 40)] + \
        _text_page(BODY)[0:2]
    doc = read_pdf(_pdf([page, _text_page()]), "d.pdf")
    assert doc.paragraphs[0].startswith("The snow came early that year")
    assert "T" not in doc.paragraphs


def _indented_pdf(lines: list[tuple[str, float]]) -> bytes:
    """One A5 page of body lines, (text, x in mm), 6 mm apart."""
    from fpdf import FPDF

    pdf = FPDF(format="A5", unit="mm")
    pdf.add_page()
    pdf.set_font(FONT, size=10)
    for k, (text, x) in enumerate(lines):
        pdf.text(x, 30 + 6 * k, text)
    return bytes(pdf.output())


FIRST = "The bridge was very old and the village was proud of it, as"
NEARLY_FULL_END = "villages are of what they did not build, with seven arches."
SECOND = "Nobody knew who had carved the mark on the middle stone of it"
SECOND_ON = "nor why the carver had chosen the heron, a bird seldom seen there."


@pytest.mark.parametrize("second_x, paragraphs", [
    (20.0, 2),   # the next line set in an em or more, the one after back: a new paragraph
    (15.0, 1),   # no indent: a nearly full last line goes on into the next
    (16.0, 1),   # less than an em
])
def test_a_first_line_indent_starts_a_paragraph_after_a_nearly_full_line(second_x, paragraphs) -> None:
    """A paragraph whose last line ends a sentence nearly full merged with the next one,
    although the next one's first line was indented (a researcher's PDF, session 45)."""
    lines = [(FIRST, 15.0), (NEARLY_FULL_END, 15.0), (SECOND, second_x), (SECOND_ON, 15.0)]
    doc = read_pdf(_indented_pdf(lines), "i.pdf")
    assert len(doc.paragraphs) == paragraphs, doc.paragraphs
    assert doc.paragraphs[-1].endswith("seldom seen there.")


def test_a_hanging_indent_keeps_its_entry_whole() -> None:
    """A list whose entries run on set in (a bibliography), a first line ending in a full stop:
    the shorter line set in goes on its entry."""
    lines = [("Durand, Marie. The Old Bridges of the Valley, a Study in Stone.", 15.0),
             ("Lyon: Presses du Val, second edition, 1931.", 20.0),
             ("Martin, Paul. Herons of the River Country, from Spring to Fall.", 15.0),
             ("Paris: Editions du Heron, with a map, 1950.", 20.0),
             ("Weber, Anna. Stones and Their Carvers, a study of the marks.", 15.0)]
    doc = read_pdf(_indented_pdf(lines), "b.pdf")
    assert doc.paragraphs[0].startswith("Durand") and "Presses du Val" in doc.paragraphs[0]
    assert not any(p.startswith(("Lyon", "Paris")) for p in doc.paragraphs), doc.paragraphs
