"""Italics a stylesheet class sets (css_italics.py): a page's <style>, an EPUB's stylesheets
(Calibre writes a book's italics as `.calibre5 { font-style: italic }`)."""

from __future__ import annotations

import io

import pytest

from alignment.read import read_bytes
from alignment.read.css_italics import MAX_CSS, MAX_SELECTORS, italic_classes, italic_rules
from alignment.read.html import html_text


@pytest.mark.parametrize("css, expected", [
    (".it { font-style: italic }", {"it": True}),
    ("span.em, .x { font: italic bold 12px serif }", {"em": True, "x": True}),
    (".up { font-style: normal } .sl { font-style: oblique }", {"up": False, "sl": True}),
    ("/* .c { font-style: italic } */ .d { color: red; font-style: italic; }", {"d": True}),
    (".a .b { font-style: italic } p > .c { font-style: italic } .e:hover { font-style: italic }", {}),
    (".k { font-style: italic } .k { font-style: normal }", {"k": False}),   # the later rule wins
    (".w { font-weight: bold }", {}),
    ("." + "x" * (MAX_CSS + 1) + " { font-style: italic }", {}),            # past the bound: not read
])
def test_italic_classes(css, expected):
    assert italic_classes(css) == expected


def italic_texts(blocks) -> list[list[str]]:
    return [[p[a:b] for a, b in spans] for p, spans in zip(blocks.paragraphs, blocks.italics)]


@pytest.mark.parametrize("css, expected", [
    (".a .b { font-style: italic }", [(".a .b", (0, 2, 0), True)]),
    ("blockquote  >  p, #x em { font-style: normal }",
     [("blockquote > p", (0, 0, 2), False), ("#x em", (1, 0, 1), False)]),
    ("p:first-child { font-style: italic }", [("p:first-child", (0, 1, 1), True)]),
    ("p::first-line, p:first-letter, a:hover, p:unknown-state { font-style: italic }",
     [("a:hover", (0, 1, 1), True)]),   # never matches (cssselect: no element is hovered)
    ("p >> { font-style: italic } .it { font-style: italic }", []),   # unreadable; a class
])
def test_italic_rules_keep_the_selectors_a_class_alone_does_not_say(css, expected):
    rules = italic_rules(css)
    assert [(r.selector, r.specificity, r.italic) for r in rules.selectors] == expected


def test_selectors_past_the_bound_are_not_read():
    css = " ".join(f"div.c{k} p {{ font-style: italic }}" for k in range(MAX_SELECTORS + 5))
    assert len(italic_rules(css).selectors) == MAX_SELECTORS


@pytest.mark.parametrize("style, body, expected", [
    ("blockquote p { font-style: italic }",
     "<p>Plain.</p><blockquote><p>Quoted.</p></blockquote>", [[], ["Quoted."]]),
    (".poem > span { font-style: italic }",
     "<div class='poem'><span>Line one</span> and <b><span>not this</span></b>.</div>",
     [["Line one"]]),
    ("#intro em { font-style: normal }",   # an <em> set upright by context
     "<p id='intro'>An <em>upright</em> word.</p><p>An <em>italic</em> word.</p>",
     [[], ["italic"]]),
    (".note span { font-style: italic } span { font-style: normal }",   # the more specific wins,
     "<p class='note'>A <span>sloped</span> aside.</p>", [["sloped"]]),  # though written first
    ("span.t { font-style: italic } .t { font-style: normal }",   # of two classes, specificity
     "<p>A <span class='t'>title</span> and <b class='t'>this</b>.</p>", [["title"]]),
    ("a:hover { font-style: italic } p::first-line { font-style: italic }",
     "<p>A <a href='#'>link</a>, a first line.</p>", [[]]),
    ("li:first-child { font-style: italic }",
     "<ul><li>First item.</li><li>Second item.</li></ul>", [["First item."], []]),
])
def test_a_pages_style_sets_italics_by_context(style, body, expected):
    page = f"<html><head><style>{style}</style></head><body>{body}</body></html>"
    assert italic_texts(html_text(page)) == expected


def test_a_pages_style_element_sets_italics_by_class_and_an_inline_style_still_wins():
    page = ("<html><head><style>.t { font-style: italic } p.quote { font-style: italic }</style></head>"
            "<body><p>He read <span class='t x'>Le Monde</span> daily.</p>"
            "<p class='quote'>All of it.</p>"
            "<p>Not <span class='t' style='font-style: normal'>this</span>.</p></body></html>")
    assert italic_texts(html_text(page)) == [["Le Monde"], ["All of it."], []]


def make_epub_with_css(css: str, body: str) -> bytes:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("css-book")
    book.set_title("Styled")
    book.set_language("en")
    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=css)
    book.add_item(style)
    chapter = epub.EpubHtml(title="One", file_name="one.xhtml", lang="en")
    chapter.content = f"<html><body><h2>One</h2>{body}</body></html>"
    chapter.add_item(style)
    book.add_item(chapter)
    book.toc = [chapter]
    book.spine = [chapter]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    out = io.BytesIO()
    epub.write_epub(out, book)
    return out.getvalue()


def test_an_epubs_stylesheet_class_is_read_as_italics():
    data = make_epub_with_css(".calibre5 { font-style: italic }",
                              '<p class="calibre1">She wrote <span class="calibre5">Emma</span> twice.</p>')
    doc = read_bytes(data, fmt="epub", source="styled.epub")
    found = [[p[a:b] for a, b in spans] for p, spans in zip(doc.paragraphs, doc.italics or [()] * len(doc.paragraphs))]
    assert ["Emma"] in found and "She wrote Emma twice." in doc.paragraphs


def test_an_epubs_stylesheet_sets_italics_by_context():
    data = make_epub_with_css("div.verse p { font-style: italic }",
                              '<p>Prose here.</p><div class="verse"><p>A line of verse.</p></div>')
    doc = read_bytes(data, fmt="epub", source="verse.epub")
    found = dict(zip(doc.paragraphs, doc.italics or [()] * len(doc.paragraphs)))
    assert found["A line of verse."] == ((0, len("A line of verse.")),)
    assert not found["Prose here."]


def test_an_epub_without_italic_classes_reads_as_before():
    data = make_epub_with_css(".calibre1 { margin: 0 }", '<p class="calibre1">Plain text.</p>')
    doc = read_bytes(data, fmt="epub", source="plain.epub")
    assert "Plain text." in doc.paragraphs and not any(doc.italics)


def test_an_epub_chapter_too_deep_for_the_parser_keeps_its_stylesheet_s_italic_classes():
    """Read flattened (html._flatten: a <font> never closed, 2,500 times), a chapter's spans lose
    their tags; the class the book's stylesheet makes italic still italicises its words."""
    import zipfile

    body = "".join(f"<font><p>She wrote <span class='calibre5'>Emma</span> {k}.</p>" for k in range(2500))
    made = zipfile.ZipFile(io.BytesIO(make_epub_with_css(".calibre5 { font-style: italic }", "<p>x</p>")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:   # the chapter as written: ebooklib would parse it and cut it
        for item in made.infolist():
            z.writestr(item, made.read(item) if item.filename != "EPUB/one.xhtml" else
                       '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title><link '
                       f'href="style.css" rel="stylesheet" type="text/css"/></head><body>{body}</body></html>')
    data = out.getvalue()
    doc = read_bytes(data, fmt="epub", source="deep.epub")
    found = {p: [p[a:b] for a, b in spans] for p, spans in zip(doc.paragraphs, doc.italics)}
    assert found["She wrote Emma 0."] == found["She wrote Emma 2499."] == ["Emma"]


@pytest.mark.parametrize("book, page, names, tag, style", [
    (".x { font-style: italic }", "", "x", "span", True),
    (".x { font-style: italic }", ".x { font-style: normal }", "x", "span", False),   # the page's later
    ("span.x { font-style: normal }", ".x { font-style: italic }", "x", "span", False),   # more specific
    ("span.x { font-style: normal }", ".x { font-style: italic }", "x", "em", True),     # span.x: spans only
    (".x { font-style: italic }", ".y { font-style: italic }", "z", "span", None),
])
def test_a_book_s_class_rules_then_a_page_s(book, page, names, tag, style):
    from alignment.read.css_italics import class_style, then

    assert class_style(then(italic_rules(book), italic_rules(page)), names, tag) is style
