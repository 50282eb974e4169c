"""Books in: EPUB, DOCX, ODT and PDF files generated here (ebooklib, python-docx, odfpy, fpdf2)
read into Documents with chapters, headings and roles; damaged input gives only named errors."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignment.errors import BookError, EncryptedBook, InputError, ScannedPDF
from alignment.read import read_bytes, read_file

CHAPTERS = [
    ("Chapter One", ["The rain had stopped before dawn.", "Anna opened the shutters and looked "
                     "at the wet street below."]),
    ("Chapter Two", ["Nobody came that morning.", "By noon the baker had sold all his bread."]),
    ("Chapter Three", ["The letter arrived on Friday.", "It was short, and unsigned."]),
]


# ---------------------------------------------------------------- writers used by the tests

def make_epub(chapters=CHAPTERS, *, lang="en", title="A Small Book", front=True, notes=True,
              one_file=False) -> bytes:
    """An EPUB 3 built with ebooklib: title page, chapters, an in-text footnote, nav + NCX."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("test-book")
    book.set_title(title)
    book.set_language(lang)
    spine, toc = [], []
    if front:
        page = epub.EpubHtml(title="Title page", file_name="title.xhtml", lang=lang)
        page.content = f'<html><body><section epub:type="titlepage"><h1>{title}</h1><p>© Nobody</p></section></body></html>'
        book.add_item(page)
        spine.append(page)
    if one_file:
        body = "".join(f'<h2 id="c{k}">{t}</h2>' + "".join(f"<p>{p}</p>" for p in ps)
                       for k, (t, ps) in enumerate(chapters))
        item = epub.EpubHtml(title=title, file_name="all.xhtml", lang=lang)
        item.content = f"<html><body>{body}</body></html>"
        book.add_item(item)
        spine.append(item)
        toc = [epub.Link(f"all.xhtml#c{k}", t, f"c{k}") for k, (t, _) in enumerate(chapters)]
    else:
        for k, (chapter_title, paragraphs) in enumerate(chapters):
            item = epub.EpubHtml(title=chapter_title, file_name=f"ch{k}.xhtml", lang=lang)
            note = ('<aside epub:type="footnote" id="n1"><p>A note on the first chapter.</p></aside>'
                    if notes and k == 0 else "")
            item.content = (f"<html><body><h2>{chapter_title}</h2>"
                            + "".join(f"<p>{p}</p>" for p in paragraphs) + note + "</body></html>")
            book.add_item(item)
            spine.append(item)
            toc.append(item)
    book.toc = toc
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *spine]
    out = io.BytesIO()
    epub.write_epub(out, book)
    return out.getvalue()


_FOOTNOTES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
              '<w:footnote w:id="1"><w:p><w:r><w:t>A footnote kept apart.</w:t></w:r></w:p></w:footnote>'
              '</w:footnotes>')


def _with_footnotes(data: bytes, footnotes: str = _FOOTNOTES) -> bytes:
    """python-docx writes no footnotes: add word/footnotes.xml, its relation and content type."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                body = body.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>'))
            elif info.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", (
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
                    b'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'))
            dst.writestr(info, body)
        dst.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


def make_docx(chapters=CHAPTERS, *, title="A Small Book", footnote=True) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(title, style="Title")
    document.add_paragraph("Contents", style="TOC Heading")
    for chapter_title, paragraphs in chapters:
        document.add_heading(chapter_title, level=1)
        for p in paragraphs:
            document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return _with_footnotes(out.getvalue()) if footnote else out.getvalue()


def make_odt(chapters=CHAPTERS, *, note=True) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, Note, NoteBody, NoteCitation, P

    document = OpenDocumentText()
    for k, (chapter_title, paragraphs) in enumerate(chapters):
        document.text.addElement(H(outlinelevel=1, text=chapter_title))
        for j, p in enumerate(paragraphs):
            para = P(text=p)
            if note and k == 0 and j == 0:
                footnote = Note(id="ftn1", noteclass="footnote")
                footnote.addElement(NoteCitation(text="1"))
                body = NoteBody()
                body.addElement(P(text="An ODT note kept apart."))
                footnote.addElement(body)
                para.addElement(footnote)
            document.text.addElement(para)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


LONG = ("It was late in the evening when the travellers reached the village at the foot of the "
        "mountain, tired and cold, and the innkeeper, a small man with an important air, came "
        "out to meet them with a lantern in his hand and a long story about the weather.")


def make_pdf(pages_per_chapter=2, chapters=("Chapter One", "Chapter Two")) -> bytes:
    """A PDF (fpdf2) with running header and footer, a hyphen at a line end and bookmarks."""
    from fpdf import FPDF

    class Book(FPDF):
        def header(self):
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, "A Small Book", align="C", new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, str(self.page_no()), align="C")

    pdf = Book()
    pdf.set_auto_page_break(True, margin=20)
    words = LONG.split()
    for title in chapters:
        pdf.add_page()
        pdf.start_section(title)
        pdf.set_font("Helvetica", size=16)
        pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for _ in range(pages_per_chapter * 6):
            lines, line = [], ""
            for w in words:
                if len(line) + len(w) > 80:
                    lines.append(line)
                    line = ""
                line = f"{line} {w}".strip()
            lines.append(line)
            lines[0] = lines[0] + " impor-"
            lines[1] = "tant " + lines[1]
            for text in lines:
                pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_blank_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")  # an "image" of a page, no text
    return bytes(pdf.output())


# ---------------------------------------------------------------- readers

def _body(doc):
    return [p for i, p in enumerate(doc.paragraphs) if doc.role(i) == "text"]


def _chapter_texts(doc):
    return [(c.title, [p for p in doc.paragraphs[c.start:c.end]]) for c in doc.chapters]


@pytest.mark.parametrize("one_file", [False, True])
def test_epub_chapters_titles_roles(one_file):
    doc = read_bytes(make_epub(one_file=one_file), source="book.epub")
    assert doc.title == "A Small Book"
    assert [c.title for c in doc.chapters] == ["Chapter One", "Chapter Two", "Chapter Three"]
    for (title, paragraphs), (got_title, got) in zip(CHAPTERS, _chapter_texts(doc)):
        assert got_title == title
        assert [p for p in got if p != title and "note" not in p] == paragraphs
    roles = dict(zip(doc.paragraphs, doc.roles))
    assert roles["© Nobody"] == "front"
    if not one_file:
        assert roles["A note on the first chapter."] == "note"
        assert "A note on the first chapter." not in " ".join(_body(doc))
    # the nav document is in the spine: its list is no text (nor a chapter) of the book
    assert _body(doc).count("Chapter One") == 1


def test_epub2_ncx_only(tmp_path):
    """An EPUB 2 book (no nav document): chapter titles come from the NCX."""
    data = make_epub(front=False, notes=False)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.endswith(".opf"):
                body = body.replace(b' properties="nav"', b"")
            dst.writestr(info, body)
    path = tmp_path / "old.epub"
    path.write_bytes(out.getvalue())
    doc = read_file(path)
    assert [c.title for c in doc.chapters] == ["Chapter One", "Chapter Two", "Chapter Three"]


def test_docx_headings_chapters_notes_apart():
    doc = read_bytes(make_docx(), source="book.docx")
    assert [c.title for c in doc.chapters] == ["Chapter One", "Chapter Two", "Chapter Three"]
    assert doc.paragraphs[0] == "A Small Book" and 0 in doc.headings
    assert doc.paragraphs[-1] == "A footnote kept apart." and doc.roles[-1] == "note"
    assert doc.roles[doc.paragraphs.index("Contents")] == "toc"
    first = doc.chapters[0]
    assert list(doc.paragraphs[first.start + 1:first.end]) == CHAPTERS[0][1]


def test_odt_headings_chapters_notes_apart():
    doc = read_bytes(make_odt(), source="book.odt")
    assert [c.title for c in doc.chapters] == ["Chapter One", "Chapter Two", "Chapter Three"]
    assert "An ODT note kept apart." not in " ".join(_body(doc))
    assert doc.roles[doc.paragraphs.index("An ODT note kept apart.")] == "note"
    assert doc.paragraphs[1] == CHAPTERS[0][1][0]  # the citation mark "1" is not in the text


def test_pdf_heads_hyphens_paragraphs_outline():
    doc = read_bytes(make_pdf(), source="book.pdf")
    text = " ".join(doc.paragraphs)
    assert "A Small Book" not in text  # running header gone
    assert not any(p.strip().isdigit() for p in doc.paragraphs)  # page numbers gone
    assert "important tant" not in text and "impor-" not in text and "importanttant" not in text
    assert "air, came out to meet them" in text  # lines joined inside a paragraph
    assert [c.title for c in doc.chapters] == ["Chapter One", "Chapter Two"]
    body = [p for p in doc.paragraphs if p.startswith("It was late")]
    assert len(body) == 24 and all(p.endswith("weather.") for p in body)  # one per paragraph


def test_pdf_without_text_is_a_scan():
    with pytest.raises(ScannedPDF, match="OCR"):
        read_bytes(make_blank_pdf(), source="scan.pdf")


def test_encrypted_epub_is_named():
    data = make_epub()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("META-INF/encryption.xml", (
            '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
            '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
            '<enc:CipherData><enc:CipherReference URI="EPUB/ch0.xhtml"/></enc:CipherData>'
            '</enc:EncryptedData></encryption>'))
    with pytest.raises(EncryptedBook, match="DRM"):
        read_bytes(out.getvalue(), source="drm.epub")


def test_missing_spine_is_named():
    data = make_epub()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.endswith(".opf"):
                start, end = body.index(b"<spine"), body.index(b"</spine>") + len(b"</spine>")
                body = body[:start] + body[end:]
            dst.writestr(info, body)
    with pytest.raises(BookError, match="spine"):
        read_bytes(out.getvalue(), source="nospine.epub")


@pytest.mark.parametrize("fmt", ["epub", "docx", "odt", "pdf"])
def test_not_a_book_is_named(fmt):
    with pytest.raises(BookError):
        read_bytes(b"plain text, not a book", source=f"x.{fmt}")
    with pytest.raises(BookError):
        read_bytes(b"", source=f"x.{fmt}")


# ---------------------------------------------------------------- fuzzing: only named errors

_SAMPLES = {}


def _sample(fmt: str) -> bytes:
    if fmt not in _SAMPLES:
        _SAMPLES[fmt] = {"epub": make_epub, "docx": make_docx, "odt": make_odt,
                         "pdf": lambda: make_pdf(pages_per_chapter=1)}[fmt]()
    return _SAMPLES[fmt]


def _read_or_named(data: bytes, fmt: str) -> None:
    try:
        doc = read_bytes(data, source=f"fuzz.{fmt}")
    except InputError:
        return
    assert doc.paragraphs and len(doc.roles) == len(doc.paragraphs)
    assert all(0 <= c.start < c.end <= len(doc.paragraphs) for c in doc.chapters)


@pytest.mark.parametrize("fmt", ["epub", "docx", "odt", "pdf"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_damaged_bytes(fmt, data):
    """Truncated files and flipped bytes (a broken zip, a damaged PDF) raise only InputErrors."""
    raw = bytearray(_sample(fmt))
    cut = data.draw(st.integers(0, len(raw)))
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(raw) - 1), st.integers(0, 255)),
                               max_size=8))
    for at, value in flips:
        raw[at] = value
    _read_or_named(bytes(raw[:cut] if data.draw(st.booleans()) else raw), fmt)


@pytest.mark.parametrize("fmt", ["epub", "docx", "odt"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_zip_members(fmt, data):
    """Members dropped or replaced by junk (missing spine, encrypted-looking bytes) -> named errors."""
    src = zipfile.ZipFile(io.BytesIO(_sample(fmt)))
    names = src.namelist()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in names:
            action = data.draw(st.sampled_from(["keep", "keep", "keep", "drop", "junk", "cut"]))
            body = src.read(name)
            if action == "drop":
                continue
            if action == "junk":
                body = data.draw(st.binary(max_size=200))
            elif action == "cut":
                body = body[:data.draw(st.integers(0, len(body)))]
            dst.writestr(name, body)
    _read_or_named(out.getvalue(), fmt)


@pytest.mark.parametrize("user_password", ["", "secret"])
def test_encrypted_pdf(user_password):
    """Restricted only (no password to open): read; a password to open: EncryptedBook."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(1))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    if user_password:
        with pytest.raises(EncryptedBook, match="password"):
            read_bytes(out.getvalue(), source="locked.pdf")
    else:
        assert [c.title for c in read_bytes(out.getvalue(), source="open.pdf").chapters] == \
            ["Chapter One", "Chapter Two"]


def test_password_protected_office_file_is_named():
    """An encrypted DOCX/ODT is an OLE compound file, not a zip."""
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    for name in ("locked.docx", "locked.odt"):
        with pytest.raises(EncryptedBook, match="password"):
            read_bytes(data, source=name)


# ---------------------------------------------------------------- a book saved without its suffix

@pytest.mark.parametrize("fmt", ["epub", "docx", "odt", "pdf"])
@pytest.mark.parametrize("name", ["preface", "preface.dat", "preface.download"])
def test_a_book_without_its_suffix_is_read_by_its_bytes(tmp_path, fmt, name):
    """It was refused as "binary data, not text", with advice to save it as text."""
    data = _sample(fmt)
    want = read_bytes(data, source=f"x.{fmt}")
    path = tmp_path / name
    path.write_bytes(data)
    assert read_file(path).paragraphs == want.paragraphs
    assert read_bytes(data, source=name).paragraphs == want.paragraphs


def _zip_of_no_book() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.xml", "<a/>")
    return buf.getvalue()


def _zip_of_a_mimetype(*, encrypted: bool = False, damaged: bool = False) -> bytes:
    """An EPUB's 'mimetype' alone, flagged as encrypted or its deflate stream broken: sniffing
    it raised RuntimeError or zlib.error (a traceback)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/epub+zip")
    data = bytearray(buf.getvalue())
    if encrypted:  # the flag bit in the local header and in the central directory
        data[6] |= 1
        data[data.index(b"PK\x01\x02") + 8] |= 1
    if damaged:
        data[30 + len("mimetype")] = 0xFF  # deflate block type 3: invalid
    return bytes(data)


@pytest.mark.parametrize("data, message", [
    (b"PK\x03\x04\x00\x00 a damaged zip", "binary data.*EPUB, DOCX, ODT or PDF"),
    (_zip_of_no_book(), "binary data.*EPUB, DOCX, ODT or PDF"),
    (b"\x00\x01\x02binary", "binary data.*EPUB, DOCX, ODT or PDF"),
    (b"%PDF-1.4\n\x00\x01 damaged", "PDF"),
    (_zip_of_a_mimetype(encrypted=True), "binary data.*EPUB, DOCX, ODT or PDF"),
    (_zip_of_a_mimetype(damaged=True), "binary data.*EPUB, DOCX, ODT or PDF"),
], ids=["damaged-zip", "zip-of-no-book", "binary", "damaged-pdf", "encrypted-mimetype",
        "damaged-mimetype"])  # the zips hold a time stamp
def test_unknown_bytes_without_a_suffix_stay_a_clear_error(tmp_path, data, message):
    path = tmp_path / "download"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_file(path)


def test_a_large_text_without_a_suffix_is_still_capped(tmp_path, monkeypatch):
    import alignment.read.files as files
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "notes"
    path.write_bytes(b"A sentence of text. " * 100)
    with pytest.raises(InputError, match="larger than 0.001 MB"):
        read_file(path)


# ---------------------------------------------------------------- DOCX runs, merged cells

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:v="urn:schemas-microsoft-com:vml" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
_OLD = '<w:r><w:t>is old</w:t></w:r>'
_BOX = ('<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>A text box.</w:t></w:r>'
        '</w:p></w:txbxContent></v:textbox></v:shape></w:pict><w:t>is old</w:t></w:r>')


@pytest.mark.parametrize("inner", [
    f'<w:ins w:id="1" w:author="a">{_OLD}</w:ins>',
    f'<w:sdt><w:sdtPr><w:alias w:val="Age"/></w:sdtPr><w:sdtContent>{_OLD}</w:sdtContent></w:sdt>',
    f'<w:fldSimple w:instr=" DOCPROPERTY Age "><w:r><w:instrText>x</w:instrText></w:r>{_OLD}'
    '</w:fldSimple>',
    f'<w:smartTag w:uri="urn:x" w:element="place">{_OLD}</w:smartTag>',
    f'<w:moveFrom w:id="2" w:author="a"><w:r><w:t>moved away</w:t></w:r></w:moveFrom>'
    f'<w:moveTo w:id="3" w:author="a">{_OLD}</w:moveTo>',
    f'<w:ins w:id="4" w:author="a"><w:hyperlink w:anchor="x">{_OLD}</w:hyperlink></w:ins>',
    f'<w:del w:id="5" w:author="a"><w:r><w:delText>was new</w:delText></w:r></w:del>'
    f'<w:ins w:id="6" w:author="a">{_OLD}</w:ins>',
    '<w:ins w:id="7" w:author="a"><w:r><w:t>is</w:t><w:tab/><w:t>old</w:t></w:r></w:ins>',
    f'<w:ins w:id="9" w:author="a"><mc:AlternateContent><mc:Choice Requires="w14">{_OLD}'
    f'</mc:Choice><mc:Fallback>{_OLD}</mc:Fallback></mc:AlternateContent></w:ins>',
    '<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>guide</w:t></w:r></w:rt>'
    '<w:rubyBase><w:r><w:t>is old</w:t></w:r></w:rubyBase></w:ruby></w:r>',
], ids=["ins", "sdt", "fldSimple", "smartTag", "moveTo", "hyperlink-in-ins", "del", "tab",
        "alternate-content", "ruby"])
def test_docx_text_nested_in_a_paragraph_is_read(tmp_path, inner):
    """python-docx's Paragraph.text reads only the w:r and w:hyperlink directly in the w:p:
    'The bridge  and beautiful.' Deleted and moved-away text, field instructions, ruby guides
    and the fallback copy of alternate content stay out."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    p = document.add_paragraph("The bridge ")
    for el in list(parse_xml(f"<w:x {_NS}> {inner}</w:x>")):
        p._p.append(el)
    p.add_run(" and beautiful.")
    document.save(tmp_path / "t.docx")
    assert read_file(tmp_path / "t.docx").paragraphs == ("The bridge is old and beautiful.",)


_WPS = ('xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')
_BOX_TWICE = (  # as Word writes a text box: DrawingML, and a VML copy for older readers
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
    '<a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>A sidebar.</w:t></w:r></w:p>'
    '<w:p><w:r><w:t>Its second line.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>'
    '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
    '<v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>A sidebar.</w:t></w:r></w:p><w:p><w:r>'
    '<w:t>Its second line.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>'
    '</mc:Fallback></mc:AlternateContent></w:r>')


@pytest.mark.parametrize("inner, boxed", [
    (_BOX, ("A text box.",)),
    (f'<w:ins w:id="8" w:author="a">{_BOX}</w:ins>', ("A text box.",)),
    (f'<w:r><w:t>is </w:t></w:r>{_BOX_TWICE}<w:r><w:t>old</w:t></w:r>'.replace(
        "is old</w:t></w:r>", ""), ("A sidebar.", "Its second line.")),
    (_BOX.replace("A text box.</w:t></w:r></w:p>", "Outer box.</w:t></w:r>" + _BOX + "</w:p>"),
     ("Outer box.is old", "A text box.")),
], ids=["vml", "in-ins", "drawing-and-fallback", "box-in-a-box"])
def test_docx_text_box_paragraphs_follow_their_paragraph(tmp_path, inner, boxed):
    """A text box's text was dropped (a sidebar missing from the alignment). Its paragraphs
    follow the paragraph it is anchored in, each box once (not its VML fallback copy)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    p = document.add_paragraph("The bridge ")
    for el in list(parse_xml(f"<w:x {_NS} {_WPS}> {inner}</w:x>")):
        p._p.append(el)
    p.add_run(" and beautiful.")
    document.add_paragraph("After the box.")
    document.save(tmp_path / "t.docx")
    assert read_file(tmp_path / "t.docx").paragraphs == (
        "The bridge is old and beautiful.", *boxed, "After the box.")


_MARK_DELETED = '<w:pPr><w:rPr><w:del w:id="20" w:author="a" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr>'


@pytest.mark.parametrize("paragraphs, expected", [
    ([("The bridge is", True), ("old and beautiful.", False), ("After.", False)],
     ("The bridge is old and beautiful.", "After.")),
    ([("The bridge ", True), ("is old ", True), ("and beautiful.", False)],
     ("The bridge is old and beautiful.",)),
    ([("Before.", False), ("The end is", True)], ("Before.", "The end is")),
    ([("", True), ("Only this.", False)], ("Only this.",)),
], ids=["joined", "three", "last", "empty"])
def test_docx_paragraph_whose_mark_is_a_tracked_deletion_joins_the_next(tmp_path, paragraphs,
                                                                          expected):
    """A reviewer joined two paragraphs with changes tracked: read as accepting the changes
    would (two paragraphs split the sentence 'The bridge is' / 'old and beautiful.' in two)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    for text, deleted in paragraphs:
        p = document.add_paragraph(text)
        if deleted:
            p._p.insert(0, parse_xml(_MARK_DELETED.replace("<w:pPr>", f"<w:pPr {_NS}>")))
    document.save(tmp_path / "t.docx")
    assert read_file(tmp_path / "t.docx").paragraphs == expected


def test_docx_footnote_text_nested_in_runs_is_read():
    notes = _FOOTNOTES.replace("<w:t>A footnote kept apart.</w:t></w:r>",
                               '<w:t xml:space="preserve">A footnote </w:t></w:r><w:ins w:id="1" '
                               'w:author="a"><w:r><w:t>kept apart.</w:t></w:r></w:ins>'
                               '<w:del w:id="2" w:author="a"><w:r><w:t>gone</w:t></w:r></w:del>')
    doc = read_bytes(_with_footnotes(make_docx(footnote=False), notes), source="book.docx")
    assert doc.paragraphs[-1] == "A footnote kept apart." and doc.roles[-1] == "note"


def _merged_table(rows: int, cols: int, merge: tuple, texts: dict) -> bytes:
    import docx

    document = docx.Document()
    table = document.add_table(rows=rows, cols=cols)
    (r0, c0), (r1, c1) = merge
    table.cell(r0, c0).merge(table.cell(r1, c1))
    for (r, c), text in texts.items():
        table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("rows, cols, merge, texts", [
    (1, 3, ((0, 0), (0, 1)), {(0, 0): "A merged cell.", (0, 2): "A right cell."}),
    (2, 2, ((0, 0), (1, 0)), {(0, 0): "A tall cell.", (0, 1): "Top right.", (1, 1): "Low right."}),
    (2, 3, ((0, 0), (1, 1)), {(0, 0): "A big cell.", (0, 2): "Right one.", (1, 2): "Right two."}),
], ids=["across", "down", "both"])
def test_docx_merged_cell_is_read_once(rows, cols, merge, texts):
    """python-docx's row.cells gives a merged cell once per grid column and row it spans."""
    doc = read_bytes(_merged_table(rows, cols, merge, texts), source="table.docx")
    assert list(doc.paragraphs) == list(texts.values())


# ---------------------------------------------------------------- zip bombs

@pytest.fixture
def inflated(monkeypatch):
    """Bytes inflated per zip member name; a read of over 1 MB fails the test at once."""
    sizes: dict[str, int] = {}
    read = zipfile.ZipExtFile.read

    def counted(self, n=-1):
        out = read(self, n)
        assert len(out) <= 1 << 20, f"{self.name} inflated"
        sizes[self.name] = sizes.get(self.name, 0) + len(out)
        return out
    monkeypatch.setattr(zipfile.ZipExtFile, "read", counted)
    return sizes


def _zip_with(members: dict, big: dict) -> bytes:
    """A zip of `members`, and of each of `big` (name -> (MB, unit)): MB of unit, deflated
    (about 1000:1) a chunk at a time."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
        for name, (mb, unit) in big.items():
            with z.open(name, "w", force_zip64=True) as member:
                for _ in range(mb):
                    member.write(unit * ((1 << 20) // len(unit)))
    return out.getvalue()


@pytest.mark.parametrize("name", ["book", "download.dat"])
def test_a_zip_bomb_without_a_suffix_is_not_inflated(tmp_path, inflated, name):
    """Sniffing the format read the whole 'mimetype' member: 1 MB inflated to 1 GB (2.2 GB of
    memory), or a MemoryError traceback."""
    path = tmp_path / name
    path.write_bytes(_zip_with({}, {"mimetype": (16, b" ")}))
    with pytest.raises(InputError, match="binary data"):
        read_file(path)
    assert inflated.get("mimetype", 0) <= 1024


_BOMBED = {"epub": "EPUB/ch0.xhtml", "docx": "word/document.xml", "odt": "content.xml"}


@pytest.mark.parametrize("fmt", ["epub", "docx", "odt"])
@pytest.mark.parametrize("parts", [1, 3], ids=["one-part", "three-parts"])
def test_a_zip_bomb_book_is_refused_before_it_is_inflated(tmp_path, inflated, fmt, parts):
    """A DOCX whose document.xml inflated 342 KB to 210 MB passed (under 512 MB in all), and
    parsing it ran to 4.7 GB; cut into parts of 8 MB each, the bomb is refused as well."""
    src = zipfile.ZipFile(io.BytesIO(_sample(fmt)))
    members = {info.filename: src.read(info) for info in src.infolist()}
    inflated.clear()
    if parts == 1:
        big = {_BOMBED[fmt]: (21, b"<p/>")}
        del members[_BOMBED[fmt]]
    else:
        big = {f"extra{k}.xml": (8, b"<p/>") for k in range(parts)}
    path = tmp_path / f"bomb.{fmt}"
    path.write_bytes(_zip_with(members, big))
    with pytest.raises(BookError, match=r"looks like a zip bomb \(2\d MB packed into \d+ KB"):
        read_file(path)
    assert not set(inflated) & set(big)


def test_a_book_of_too_much_text_is_refused(monkeypatch):
    """Padded with a little noise, repetitive XML stays under the zip-bomb ratio: the text and
    markup parts together are capped as well (here at 1 MB)."""
    import alignment.read.book as book
    monkeypatch.setattr(book, "MAX_TEXT", 1 << 20)
    body = "".join(f"<w:p><w:r><w:t>Sentence {k}.</w:t></w:r></w:p>" for k in range(60000))
    data = make_docx(footnote=False)
    src = zipfile.ZipFile(io.BytesIO(data))
    members = {info.filename: src.read(info) for info in src.infolist()}
    members["word/extra.xml"] = body
    with pytest.raises(BookError, match=r"book.docx: the DOCX file holds \d MB of text and "
                                        r"markup, more than 1 MB"):
        read_bytes(_zip_with(members, {}), source="book.docx")


def test_an_odt_frame_is_read_as_its_own_paragraphs_not_glued_into_the_sentence():
    """QA (2026-12-04): a frame's caption came out inside the sentence around it
    ('Une image Légende ici. suite de la phrase')."""
    from odf.draw import Frame, TextBox
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    para = P(text="Le pont, vu depuis la rive, ")
    frame = Frame(width="5cm", height="2cm", anchortype="as-char")
    box = TextBox()
    box.addElement(P(text="Légende de la gravure."))
    frame.addElement(box)
    para.addElement(frame)
    para.addText("compte sept arches.")
    document.text.addElement(para)
    document.text.addElement(P(text="Il date de 1702."))
    out = io.BytesIO()
    document.write(out)
    assert read_bytes(out.getvalue(), fmt="odt").paragraphs == (
        "Le pont, vu depuis la rive, compte sept arches.", "Légende de la gravure.", "Il date de 1702.")
