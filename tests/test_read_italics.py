"""Italics read from HTML, EPUB, Markdown, DOCX and ODT: Document.italics holds, per paragraph,
the italic stretches as offsets into the paragraph as stored (whitespace collapsed, note marks
dropped), index-aligned with Document.paragraphs. Plain text has none."""

from __future__ import annotations

import io
import re
import unicodedata
from html import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignment.errors import InputError
from alignment.read import read_bytes, read_text
from alignment.read.html import html_text
from alignment.read.italic_runs import join_runs, normalize_italics
from alignment.read.text import NBSP, normalize_space
from alignment.types import Document
from tests.test_read_formats import (_FOOTNOTES, _MARK_DELETED, _NS, _with_footnotes, make_docx,
                                     make_epub)


def stretches(doc: Document) -> list[list[str]]:
    """The italic substrings of each paragraph, after checking the spans are well formed."""
    assert not doc.italics or len(doc.italics) == len(doc.paragraphs)
    out = []
    for i, text in enumerate(doc.paragraphs):
        spans = doc.italics[i] if i < len(doc.italics) else ()
        assert list(spans) == sorted(spans)
        for k, (a, b) in enumerate(spans):
            assert 0 <= a < b <= len(text) and (k == 0 or spans[k - 1][1] < a)
            assert text[a:b] == text[a:b].strip(" " + NBSP) != ""
        out.append([text[a:b] for a, b in spans])
    return out


def page(body: str) -> str:
    return f"<html><head><title>T</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("body, paragraphs, italics", [
    # whitespace collapsed inside and around the italics
    ("<p>Il lit  <i>  Le \n  Monde </i>  chaque\tmatin.</p>",
     ["Il lit Le Monde chaque matin."], [["Le Monde"]]),
    # nested <em><i>: one stretch; <b> and <strong> change nothing
    ("<p>Un <em>mot <i>très</i> fort</em>, <b>gras</b>.</p>",
     ["Un mot très fort, gras."], [["mot très fort"]]),
    # cite, dfn, var are italics too
    ("<p>Lu dans <cite>Ulysse</cite> : <dfn>un terme</dfn>, <var>x</var>.</p>",
     ["Lu dans Ulysse : un terme, x."], [["Ulysse", "un terme", "x"]]),
    # italics across a line wrap (<br>); two <br> end the paragraph, inside the italics too
    ("<p><i>Premier vers,<br>second vers</i> fin.</p><p><i>un<br><br>deux</i> trois</p>",
     ["Premier vers, second vers fin.", "un", "deux trois"],
     [["Premier vers, second vers"], ["un"], ["deux"]]),
    # a paragraph without italics between two with: indexes stay aligned
    ("<p><i>A</i> un.</p><p>Rien du tout.</p><h2>Trois <em>B</em></h2>",
     ["A un.", "Rien du tout.", "Trois B"], [["A"], [], ["B"]]),
    # inline styles: font-style italic or oblique, the font shorthand; normal ends italics
    ('<p><span style="font-style: italic">Le Monde</span> et '
     '<span style="color:red;FONT-STYLE:Oblique">Libé</span>, '
     '<span style="font: italic 12px serif">Elle</span>.</p>'
     '<p style="font-style:italic">Tout <span style="font-style: normal">sauf</span> ça.</p>',
     ["Le Monde et Libé, Elle.", "Tout sauf ça."],
     [["Le Monde", "Libé", "Elle"], ["Tout", "ça."]]),
    # a note mark dropped right before the italic word: offsets still right
    ("<p>Le pont<sup>1</sup> <i>Mirabeau</i> tombe.</p>",
     ["Le pont Mirabeau tombe."], [["Mirabeau"]]),
    ('<p>Voir<a href="#fn1">[2]</a> <em>Ulysse</em>.</p><p id="fn1">Une note.</p>',
     ["Voir Ulysse.", "Une note."], [["Ulysse"], []]),
    # touching italic pieces are one stretch; a plain space between two keeps them two
    ("<p><i>Le </i><i>Monde</i> et <i>Le</i> <i>Figaro</i></p>",
     ["Le Monde et Le Figaro"], [["Le Monde", "Le", "Figaro"]]),
    # a no-break space kept, the stretch trimmed of it; a whole paragraph in italics
    ("<p>« <i>Oui</i>&nbsp;», dit-il.</p><p><i>   Tout.  </i></p>",
     ["« Oui\u00a0», dit-il.", "Tout."], [["Oui"], ["Tout."]]),
    # NFC inside a stretch, a soft hyphen dropped from one, a stretch of only spaces dropped
    ("<p><i>cafe\u0301</i> noir, <i>mot\u00adlong</i>,<i>  </i>fin.</p>",
     ["café noir, motlong, fin."], [["café", "motlong"]]),
    # an empty italic paragraph is dropped, its neighbours keep their italics
    ("<p><i>Un</i>.</p><p><i> </i></p><p>Deux <i>trois</i>.</p>",
     ["Un.", "Deux trois."], [["Un"], ["trois"]]),
], ids=["spaces", "nested", "cite-dfn-var", "br", "aligned", "styles", "note-sup", "note-link",
        "adjacent", "nbsp-whole", "nfc-soft-hyphen-blank", "empty-dropped"])
def test_html_italics(body: str, paragraphs: list[str], italics: list[list[str]]) -> None:
    doc = read_text(page(body), fmt="html")
    assert list(doc.paragraphs) == paragraphs
    assert stretches(doc) == italics


def test_a_page_without_italics_has_none() -> None:
    doc = read_text(page("<p>Un <b>texte</b>.</p><p>Deux.</p>"), fmt="html")
    assert doc.italics == ()
    assert read_text("Un texte *sans* marques.\n\nDeux.").italics == ()


def test_html_blocks_keeps_its_three_values() -> None:
    from alignment.read import html_blocks, markdown_blocks

    assert html_blocks(page("<p><i>A</i>.</p>")) == (["A."], {}, "T")
    assert markdown_blocks("# *A*\n\nB") == (["A", "B"], {0: 1}, "A")


MARKDOWN = """# Un *titre*

Il lit *Le  Monde* et _Libé_, **gras** et ***les deux***.
Suite *sur
deux lignes*.

Rien ici.

*Tout.*
"""


def test_markdown_italics() -> None:
    doc = read_text(MARKDOWN, fmt="markdown")
    assert list(doc.paragraphs) == [
        "Un titre", "Il lit Le Monde et Libé, gras et les deux. Suite sur deux lignes.",
        "Rien ici.", "Tout."]
    assert stretches(doc) == [["titre"], ["Le Monde", "Libé", "les deux", "sur deux lignes"],
                              [], ["Tout."]]


def _docx() -> bytes:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.add_heading("Chapitre un", level=1)
    p = document.add_paragraph("Il lit ")
    p.add_run("Le  Monde").italic = True
    p.add_run(" chaque ")
    p.add_run("matin").italic = True
    p.add_run(".")
    document.add_paragraph("Rien ici.")
    quote = document.styles.add_style("Citation A", WD_STYLE_TYPE.PARAGRAPH)
    quote.font.italic = True
    inner = document.styles.add_style("Citation B", WD_STYLE_TYPE.PARAGRAPH)
    inner.base_style = quote   # italic only through the style it is based on
    p = document.add_paragraph("Tout en italique sauf ", style="Citation B")
    p.add_run("ceci").italic = False
    p.add_run(".")
    title = document.styles.add_style("Titre d'œuvre", WD_STYLE_TYPE.CHARACTER)
    title.font.italic = True
    p = document.add_paragraph("Le roman ")
    p.add_run("Les Misérables", style="Titre d'œuvre")
    p.add_run(" est long.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _odt() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, P, Span

    document = OpenDocumentText()
    styles = {}
    for name, family, font, where in [("It", "text", "italic", "auto"),
                                      ("Plain", "text", "normal", "auto"),
                                      ("Quote", "paragraph", "italic", "named")]:
        styles[name] = Style(name=name, family=family)
        styles[name].addElement(TextProperties(fontstyle=font))
        (document.automaticstyles if where == "auto" else document.styles).addElement(styles[name])
    p1 = Style(name="P1", family="paragraph", parentstylename="Quote")  # italic by its parent
    document.automaticstyles.addElement(p1)
    document.text.addElement(H(outlinelevel=1, text="Chapitre"))
    p = P(text="Il lit ")
    p.addElement(Span(stylename=styles["It"], text="Le Monde"))
    p.addText(" ce soir.")
    document.text.addElement(p)
    document.text.addElement(P(text="Rien."))
    p = P(stylename=p1, text="Tout sauf ")
    p.addElement(Span(stylename=styles["Plain"], text="ceci"))
    p.addText(" ici.")
    document.text.addElement(p)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


@pytest.mark.parametrize("make, fmt, paragraphs, italics", [
    (_docx, "docx", ["Chapitre un", "Il lit Le Monde chaque matin.", "Rien ici.",
                     "Tout en italique sauf ceci.", "Le roman Les Misérables est long."],
     [[], ["Le Monde", "matin"], [], ["Tout en italique sauf", "."], ["Les Misérables"]]),
    (_odt, "odt", ["Chapitre", "Il lit Le Monde ce soir.", "Rien.", "Tout sauf ceci ici."],
     [[], ["Le Monde"], [], ["Tout sauf", "ici."]]),
], ids=["docx", "odt"])
def test_office_italics(make, fmt: str, paragraphs: list[str], italics: list[list[str]]) -> None:
    doc = read_bytes(make(), fmt=fmt)
    assert list(doc.paragraphs) == paragraphs
    assert stretches(doc) == italics


_I = "<w:rPr><w:i/></w:rPr>"


def test_docx_italics_in_tracked_changes_joined_paragraphs_and_notes() -> None:
    """Runs nested in w:ins are read with their italics, deleted ones left out; a paragraph
    whose mark a reviewer deleted joins the next with its italics; a footnote keeps its own."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    p = document.add_paragraph("He read ")
    p._p.insert(0, parse_xml(_MARK_DELETED.replace("<w:pPr>", f"<w:pPr {_NS}>")))
    for el in parse_xml(f'<w:x {_NS}><w:del w:id="1" w:author="a"><w:r>{_I}<w:delText>gone'
                        f'</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r>{_I}'
                        f'<w:t>The Times</w:t></w:r></w:ins></w:x>'):
        p._p.append(el)
    p = document.add_paragraph("")
    p.add_run("every").italic = True
    p.add_run(" day.")
    document.add_paragraph("Plain.")
    out = io.BytesIO()
    document.save(out)
    notes = _FOOTNOTES.replace("<w:r><w:t>A footnote kept apart.</w:t></w:r>",
                               f'<w:r><w:t xml:space="preserve">See </w:t></w:r><w:r>{_I}'
                               f'<w:t>Ulysses</w:t></w:r><w:r><w:t>.</w:t></w:r>')
    doc = read_bytes(_with_footnotes(out.getvalue(), notes), fmt="docx")
    assert dict(zip(doc.paragraphs, stretches(doc))) == {
        "He read The Times every day.": ["The Times every"], "Plain.": [], "See Ulysses.": ["Ulysses"]}


@pytest.mark.parametrize("props, text, italic", [
    ("<w:iCs/>", "قرأ الجريدة", True),          # Arabic letters: Word draws them with w:iCs
    ("<w:iCs/>", "קרא את העיתון", True),        # Hebrew
    ("<w:iCs/>", "read the paper", False),      # Latin letters: w:iCs says nothing of them
    ("<w:iCs/><w:rtl/>", "(2024)", True),       # a run marked right-to-left takes w:iCs
    ("<w:i/><w:iCs w:val=\"0\"/>", "قرأ", False),   # Word's own rule: w:iCs decides there
    ("<w:i/><w:iCs w:val=\"0\"/>", "read", True),
    ("<w:i/>", "قرأ", True),                    # no w:iCs: w:i, as before
])
def test_docx_complex_script_italics(props: str, text: str, italic: bool) -> None:
    """A DOCX run's complex-script italics (w:iCs) for the text Word draws with them: an Arabic
    or Hebrew document's italics are often set there alone."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    p = document.add_paragraph("Before ")
    p._p.append(parse_xml(f'<w:r {_NS}><w:rPr>{props}</w:rPr><w:t>{text}</w:t></w:r>'))
    out = io.BytesIO()
    document.save(out)
    doc = read_bytes(out.getvalue(), fmt="docx")
    assert stretches(doc) == [[text] if italic else []]


def test_a_book_without_italics_has_none() -> None:
    assert read_bytes(make_docx(), fmt="docx").italics == ()
    assert read_bytes(make_epub(), fmt="epub").italics == ()


def test_epub_italics_stay_with_their_paragraphs() -> None:
    """Chapters, a title page, the nav and an in-text note all go into one Document: each
    paragraph keeps its own italics."""
    chapters = [("Chapter <i>One</i>", ["The <i>rain</i> stopped.", "Nothing  happened."]),
                ("Chapter Two", ["She read <cite>Ulysses</cite>  and <em>Dubliners</em>."])]
    doc = read_bytes(make_epub(chapters), fmt="epub")
    found = dict(zip(doc.paragraphs, stretches(doc)))
    assert found["Chapter One"] == ["One"]
    assert found["The rain stopped."] == ["rain"]
    assert found["Nothing happened."] == []
    assert found["She read Ulysses and Dubliners."] == ["Ulysses", "Dubliners"]
    assert found["A note on the first chapter."] == []


def test_epub_in_text_notes_keep_their_italics() -> None:
    from tests.test_epub import _book

    body = ('<p>Text<a epub:type="noteref" href="#n1">1</a> with <i>Ulysses</i>.</p>'
            '<aside epub:type="footnote" id="n1"><p>See <cite>Dubliners</cite>,\n p.&#160;3.'
            '</p></aside><p>Plain.</p>')
    doc = read_bytes(_book(body, ()), fmt="epub")
    assert list(doc.paragraphs) == ["Text with Ulysses.", "Plain.", "See Dubliners, p. 3."]
    assert stretches(doc) == [["Ulysses"], [], ["Dubliners"]]
    assert doc.roles == ("text", "text", "note")


# ---------------------------------------------------------------- properties

_PIECE = st.text(alphabet="ab é,\n\t\u00a0", max_size=6)
_SPACES = "\u00a0\u202f\u2007"


def _expected(pieces: list[tuple[str, bool]]) -> tuple[str, list[str]]:
    """The paragraph and its italic substrings, character by character: a word keeps its
    piece's italics; a whitespace run between two words becomes one space (a no-break one
    where it held one and no line break), in italics where both words are and some of the
    run was."""
    chars = [(c, italic) for text, italic in pieces for c in text]
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(chars):
        j = i
        while j < len(chars) and chars[j][0].isspace():
            j += 1
        if j == i:
            out.append(chars[i])
            i += 1
            continue
        run = "".join(c for c, _ in chars[i:j])
        if out and j < len(chars):
            breaks = "\n" in run or "\r" in run
            space = NBSP if any(c in run for c in _SPACES) and not breaks else " "
            out.append((space, out[-1][1] and chars[j][1] and any(f for _, f in chars[i:j])))
        i = j
    text = "".join(c for c, _ in out)
    flags = "".join("x" if f else "." for _, f in out)
    return text, [text[m.start():m.end()] for m in re.finditer("x+", flags)]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.tuples(_PIECE, st.booleans()), min_size=1, max_size=8))
def test_html_italics_are_the_italic_pieces(pieces: list[tuple[str, bool]]) -> None:
    body = "".join(f"<i>{escape(t)}</i>" if italic else escape(t) for t, italic in pieces)
    blocks = html_text(page(f"<p>{body}</p>"))
    text, expected = _expected(pieces)
    assert blocks.paragraphs == ([text] if text else [])
    if text:
        a_doc = Document(tuple(blocks.paragraphs), italics=tuple(blocks.italics))
        assert stretches(a_doc) == [expected]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.tuples(st.text(alphabet="ae \n\r\t\u00a0\u202f\u0301\u0308\u00ad"
                                                  "\u200b\ufeff\u1100\u1161\x01", max_size=5),
                                 st.booleans()), max_size=8))
def test_normalized_text_is_normalize_space(pieces: list[tuple[str, bool]]) -> None:
    """Whatever the pieces hold (combining marks, invisible characters, no-break spaces, line
    breaks), the paragraph is exactly what normalize_space makes of it, and the stretches are
    well formed (italics of a character composed across a stretch's edge are dropped)."""
    text, spans = normalize_italics(*join_runs(pieces))
    joined = "".join(t for t, _ in pieces)
    assert text == normalize_space(joined)
    stretches(Document((text,), italics=(spans,)))
    clean = unicodedata.is_normalized("NFC", joined) and not re.search("[\u00ad\u200b\ufeff\x01]",
                                                                       joined)
    if clean:
        assert [text[a:b] for a, b in spans] == _expected(pieces)[1]


_ITALIC_TOKENS = st.sampled_from([
    "<i>", "</i>", "<em>", "</em>", "<cite>", "<span style='font-style:italic'>",
    "<span style='font-style: normal'>", "</span>", "<p style='font: oblique 1em serif'>",
    "\u0301", "\u00a0", " \n ", "<br><br>", "<sup>2</sup>",
])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(html=st.lists(st.one_of(_ITALIC_TOKENS, st.sampled_from(["<p>", "</p>", "<div>", "<b>",
                                                                "</b>", "<h2>", "</h2>", "<li>",
                                                                "<a href='#n1'>", "</a>"]),
                               st.text(alphabet="ab é.,«»", max_size=8)), max_size=60).map("".join),
       markdown=st.lists(st.sampled_from(["*", "_", "**", "a", "é", " ", "\n", "\n\n", "# ",
                                          "`x`", "> "]), max_size=40).map("".join))
def test_any_markup_gives_well_formed_italics(html: str, markdown: str) -> None:
    """Italics of any markup: one entry per paragraph, stretches inside it, sorted, apart,
    never empty nor starting or ending with a space."""
    for text, fmt in ((page(html), "html"), (markdown, "markdown")):
        try:
            doc = read_text(text, fmt=fmt)
        except InputError:   # no text at all
            continue
        stretches(doc)


@pytest.mark.parametrize("para, italics", [
    ("Il lut <i>Le Monde</i> au café.", ["Le Monde"]),
    ("Un <em>très <i>vieux</i> pont</em> ici.", ["très vieux pont"]),   # nested: one stretch
    ("Le <i>pont<br>neuf</i> tient.", ["pont neuf"]),   # a line wrap inside
    ("Sans marque.", []),
    ('Il lut <span style="font-style: italic">Le Monde</span> au café.', ["Le Monde"]),
    ("Il lut <span class=x style='font: italic bold 12px serif'>Le Monde</span> au <span>café</span>.",
     ["Le Monde"]),
    ('Un <span style="color: red; font-style:oblique">très <span>vieux</span> pont</span> ici.',
     ["très vieux pont"]),   # a plain span closed inside: still italic after it
    ('Un <span style="font-weight: bold">gros</span> <span style="font-style: normal">mot</span>.', []),
    ('Le <font style="font-style: italic">pont<img src=a.png><br>neuf</font> tient.', ["pont neuf"]),
    # 'font-style: normal' inside italics: roman to its end tag (a title inside an italic passage)
    ('Il lut <i>le journal <span style="font-style: normal">Le Monde</span> au café</i>.',
     ["le journal", "au café"]),
    ('<i>Un <span style="font-style:normal">très <em>vieux</em> et</span> grand pont</i>.',
     ["Un", "vieux", "grand pont"]),
    ("Il lut <i>le journal</i> et <span style='font-style: normal'>Le Monde</span>.", ["le journal"]),
    ("Il lut <em style='font-style: normal'>Le Monde</em> et <i>Le Temps</i>.", ["Le Temps"]),   # as a tree reads it
])
def test_a_page_too_deep_for_the_parser_keeps_its_italics(para: str, italics: list[str]) -> None:
    """Nested deeper than libxml2 reads (2048: a <font> never closed), the page is read
    flattened (html._flatten): its italic tags, and its inline styles' italics, were dropped
    with every other inline tag."""
    body = "".join(f"<font size=2><p>{para} {k}." for k in range(2500))
    doc = read_text(page(body), fmt="html")
    found = stretches(doc)
    assert len(found) == 2500 and found[0] == found[-1] == italics


_FLAT_CSS = ("<style>.it { font-style: italic } span.t { font: italic 12px serif }\n"
             "/* .no { font-style: italic } */ .no { font-style: normal } .late { font-style: italic }\n"
             "p .late { color: red } .late { font-style: normal }</style>")


@pytest.mark.parametrize("para, italics", [
    ('Il lut <span class="it">Le Monde</span> au café.', ["Le Monde"]),
    ("Il lut <span class='x it y'>Le Monde</span> au <span class=x>café</span>.", ["Le Monde"]),
    ("Il lut <span class=t>Le Monde</span> au <b class=t>café</b>.", ["Le Monde"]),   # span.t: spans only
    ('Il lut <span class="it" style="font-style: normal">Le Monde</span>.', []),     # its own style wins
    ('Il lut <span class="no">Le Monde</span> et <span class="late">Le Temps</span>.', []),  # later rule wins
    ('Un <span class="it">très <span class="no2">vieux</span> pont</span> ici.', ["très vieux pont"]),
    ('<em>Il lut <span class="no">Le Monde</span> au café</em>.', ["Il lut", "au café"]),   # a roman class
])
def test_a_page_too_deep_for_the_parser_keeps_the_italics_its_style_sheet_gives_a_class(
        para: str, italics: list[str]) -> None:
    """A class the page's <style> makes italic, in a page read flattened (html._flatten): such
    italics were lost there (a testers' item)."""
    body = "".join(f"<font size=2><p>{para} {k}." for k in range(2500))
    doc = read_text(page(body).replace("</head>", _FLAT_CSS + "</head>"), fmt="html")
    found = stretches(doc)
    assert len(found) == 2500 and found[0] == found[-1] == italics


def test_a_flattened_page_s_italic_never_closed_runs_to_the_end_without_nesting() -> None:
    """An <i> never closed italicises what follows, as a browser draws it, paragraph by
    paragraph (reopened after each), and 2,500 of them nest no deeper: every paragraph read."""
    body = "".join(f"<div><p>Le pont <i>numéro {k}" for k in range(2500))
    doc = read_text(page(body), fmt="html")
    found = stretches(doc)
    assert len(found) == 2500 and found[0] == ["numéro 0"]
    assert found[1] == ["Le pont numéro 1"] and found[-1] == ["Le pont numéro 2499"]


@pytest.mark.parametrize("font, italic", [
    ({"/BaseFont": "/ABCDEF+TimesNewRomanPS-ItalicMT"}, True),   # a subset font's prefix
    ({"/BaseFont": "/Helvetica-Oblique"}, True),
    ({"/BaseFont": "/MinionPro-It"}, True),
    ({"/BaseFont": "/Arial,BoldItalic"}, True),
    ({"/BaseFont": "/CMTI10"}, True),   # TeX's text italic
    ({"/BaseFont": "/Helvetica-Bold"}, False),
    ({"/BaseFont": "/Times-Roman"}, False),
    ({"/BaseFont": "/Digital-Regular"}, False),
    ({"/BaseFont": "/XYZ", "/FontDescriptor": {"/ItalicAngle": -12}}, True),
    ({"/BaseFont": "/XYZ", "/FontDescriptor": {"/ItalicAngle": 0, "/Flags": 64 + 32}}, True),
    ({"/BaseFont": "/XYZ", "/FontDescriptor": {"/ItalicAngle": 0, "/Flags": 32}}, False),
    (None, False),
])
def test_which_pdf_fonts_are_italic(font, italic) -> None:
    from alignment.read.pdf_italics import italic_font

    class Held(dict):   # pypdf's objects answer get_object()
        def get_object(self):
            return self
    if font and "/FontDescriptor" in font:
        font = {**font, "/FontDescriptor": Held(font["/FontDescriptor"])}
    assert italic_font(font) is italic


def test_a_pdf_keeps_its_italics_across_lines_and_a_line_end_hyphen() -> None:
    """fpdf2 draws the italics in Helvetica-Oblique; a title mid-line, a long italic phrase the
    lines wrap, a word in italics broken at a line end (its hyphen dropped), and a paragraph
    with none. A book read from a PDF lost them all."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for text in ("Le matin, il lut __Le Monde__ au café de la gare, comme chaque jour depuis des "
                 "années, avant de partir travailler à l'atelier du quai.",
                 "Elle répondit : __jamais plus, pas une fois de toute sa longue vie, ne reviendrait-"
                 "elle dans cette maison__ où elle avait tant souffert.",
                 "Sans aucune marque ici."):
        pdf.multi_cell(0, 6, text, markdown=True, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
    for parts in ((("", "Le long du quai, les pêcheurs réparaient leurs filets et parlaient d'un très "),
                   ("I", "impor-")),
                  (("I", "tant"), ("", " changement dans le port, que personne en ville ne voulait croire."))):
        for style, text in parts:
            pdf.set_font(style=style)
            pdf.cell(pdf.get_string_width(text), 6, text)
        pdf.ln(6)
    doc = read_bytes(bytes(pdf.output()), fmt="pdf", source="book.pdf")
    assert doc.paragraphs[-1].startswith("Le long du quai") and "très important changement" in doc.paragraphs[-1]
    assert stretches(doc) == [["Le Monde"], ["jamais plus, pas une fois de toute sa longue vie, ne "
                                             "reviendrait-elle dans cette maison"], [], ["important"]]


def _turned(degrees: float, skew: float = 0.0) -> list[float]:
    """A text matrix: turned by `degrees`, its upright axis leaning right by `skew` degrees."""
    import math

    t, k = math.radians(degrees), math.tan(math.radians(skew))
    a, b, c, d = math.cos(t), math.sin(t), -math.sin(t), math.cos(t)
    return [a, b, c + k * a, d + k * b, 100.0, 700.0]


UPRIGHT = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]


@pytest.mark.parametrize("cm, tm, leans", [
    (UPRIGHT, [11.0, 0.0, 0.0, 11.0, 72.0, 700.0], False),          # upright, 11 pt
    ([1.0, 0.0, 0.213, 1.0, -169.3, 0.0], [1.0, 0.0, 0.0, 1.0, 102.1, 801.7], True),  # fpdf2's skew
    (UPRIGHT, [11.0, 0.0, 2.34, 11.0, 72.0, 700.0], True),           # a word processor's, 12 degrees
    (UPRIGHT, _turned(0, 4), False),                                  # a hair: not italics
    (UPRIGHT, _turned(90), False),                                    # a line up the margin
    (UPRIGHT, _turned(30), False),
    (UPRIGHT, _turned(90, 14), True),                                 # turned and slanted
    (UPRIGHT, _turned(0, -14), False),                                # leaning back
    ([2.0, 0.0, 0.0, 2.0, 0.0, 0.0], _turned(0, 14), True),           # scaled by the page
    ([1.0, 0.0, 0.0, -1.0, 0.0, 842.0], [11.0, 0.0, 0.0, -11.0, 72.0, 142.0], False),  # drawn top-down
    ([1.0, 0.0, 0.0, -1.0, 0.0, 842.0], [11.0, 0.0, 2.34, -11.0, 72.0, 142.0], True),
    (UPRIGHT, [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], False),                 # degenerate: nothing drawn
])
def test_which_text_matrices_slant_like_italics(cm, tm, leans) -> None:
    from alignment.read.pdf_italics import slanted

    assert slanted(cm, tm) is leans


def test_a_pdf_s_italics_slanted_by_the_text_matrix_are_italics() -> None:
    """A font with no italic of its own is slanted by the matrix it is drawn with (a word
    processor's synthetic italics, fpdf2's skew): they were read as roman. A line turned up
    the margin is not italic."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)

    def put(text: str, skew: float | None = None) -> None:
        if skew is None:
            pdf.cell(pdf.get_string_width(text), 6, text)
            return
        with pdf.skew(ax=skew, x=pdf.get_x(), y=pdf.get_y() + 6):
            pdf.cell(pdf.get_string_width(text), 6, text)

    put("Le matin, il lut ")
    put("Le Monde", skew=12)
    put(" au café de la gare, comme chaque jour, avant de partir.")
    pdf.ln(18)
    put("Elle dit : ")
    put("jamais plus", skew=18)
    put(", et ne revint pas dans cette maison où elle avait souffert.")
    pdf.ln(18)
    put("Un paragraphe droit, sans rien de penché, long assez pour en être un.")
    with pdf.rotation(90, x=15, y=200):
        pdf.text(15, 200, "Imprimé en France")
    doc = read_bytes(bytes(pdf.output()), fmt="pdf", source="book.pdf")
    assert "Le matin, il lut Le Monde au café" in doc.paragraphs[0]
    assert "Imprimé en France" in doc.paragraphs[-1]
    assert [s for found in stretches(doc) for s in found] == ["Le Monde", "jamais plus"]


def test_a_flattened_page_s_block_styled_italic_is_italic_to_its_end() -> None:
    """A block whose style makes it italic (a verse, a letter quoted) in a page read flattened:
    its paragraph is italic, the next one, after its end tag, is not."""
    body = "".join(f'<font><div style="font-style: italic">Le vieux pont {k}</div><p>Le texte {k}.'
                   for k in range(2500))
    doc = read_text(page(body), fmt="html")
    found = stretches(doc)
    assert doc.paragraphs[:2] == ("Le vieux pont 0", "Le texte 0.") and len(found) == 5000
    assert found[0] == ["Le vieux pont 0"] and found[1] == [] and found[-2] == ["Le vieux pont 2499"]
