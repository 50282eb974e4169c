"""Reading HTML: note marks dropped, a number or numeral that is text kept, ruby readings dropped.

Each case puts a link or superscript that is text (a link '3' to chapter 3, a power) next to a
real note mark, so one paragraph shows both rules at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment.read import read_file

CHAPTER = '<h2 id="c3">Three</h2>'


@pytest.mark.parametrize("body, paragraphs", [
    # a link marked as a note reference goes; a link '3' to a chapter stays
    ('<p>See chapter <a href="#c3">3</a>, as the note says<a epub:type="noteref" href="#n1">1</a>.'
     '</p>' + CHAPTER, ["See chapter 3, as the note says.", "Three"]),
    ('<p>Part <a href="#c3">II</a> ends<a href="#fn1" class="footnote-ref" id="fnref1" '
     'role="doc-noteref"><sup>1</sup></a> here.</p>' + CHAPTER
     + '<section class="footnotes"><ol><li id="fn1"><p>The note.</p></li></ol></section>',
     ["Part II ends here.", "Three", "The note."]),
    # the link's target is a note: typed, by role, by its id, in a notes section
    ('<p>Chapter <a href="#c3">iv</a> has a note<a href="#n2">2</a>.</p>' + CHAPTER
     + '<aside epub:type="footnote" id="n2"><p>Note.</p></aside>',
     ["Chapter iv has a note.", "Three"]),
    ('<p>Chapter <a href="#c3">3</a> has a note<a href="#x1">(1)</a>.</p>' + CHAPTER
     + '<div role="doc-endnote" id="x1">Note.</div>', ["Chapter 3 has a note.", "Three", "Note."]),
    ('<p>See <a href="#c3">3</a> and Smith<sup class="reference"><a href="#cite_note-1">[1]</a>'
     '</sup>.</p>' + CHAPTER + '<ol><li id="cite_note-1">Smith, 1990.</li></ol>',
     ["See 3 and Smith.", "Three", "Smith, 1990."]),
    ('<p>See <a href="#c3">3</a>, then the note<a href="#x9">9</a>.</p>' + CHAPTER
     + '<div class="notes"><p id="x9">Note text.</p></div>',
     ["See 3, then the note.", "Three", "Note text."]),
    ('<p>See <a href="#c3">3</a> and this<a href="#_ftn1" name="_ftnref1">[1]</a>.</p>' + CHAPTER
     + '<div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a> Word note.</p></div>',
     ["See 3 and this.", "Three", "Word note."]),
    # a superscript holding a note link goes whole, brackets too, even after a number
    ('<p>In <a href="#c3">3</a> and in 1848<sup>[<a href="#fn3" role="doc-noteref">3</a>]</sup>.'
     '</p>' + CHAPTER, ["In 3 and in 1848.", "Three"]),
    # a power after a unit stays, written with the digit; a mark after a word goes
    ("<p>An area of 12 miles<sup>2</sup>, by the bridge<sup>1</sup>.</p>",
     ["An area of 12 miles2, by the bridge."]),
    # ruby: the base text stays, the reading and its parentheses go
    ("<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby><ruby>字<rt>じ</rt></ruby>を読む。</p>",
     ["漢字を読む。"]),
    ("<p><ruby>東<rtc><rt>とう</rt></rtc></ruby>京<ruby>駅<rt>えき</rt></ruby>に着いた。</p>",
     ["東京駅に着いた。"]),
], ids=["noteref", "doc-noteref", "to-aside", "to-doc-endnote", "to-cite-note", "in-notes",
        "word-ftn", "sup-with-note-link", "power-after-unit", "ruby-rp-rt", "ruby-rtc"])
def test_html_keeps_text_links_and_drops_note_marks_and_readings(tmp_path: Path, body: str,
                                                                 paragraphs: list[str]) -> None:
    """Every same-page link '3' or 'II' was taken for a footnote mark ('See chapter for the
    details.'), and ruby readings were read into the text ('漢(かん)字じ')."""
    path = tmp_path / "page.html"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    assert list(read_file(path).paragraphs) == paragraphs


@pytest.mark.parametrize("name, text, section, paragraphs", [
    ("en.md", "# Chapter One\n\nFirst text.\n\n## The river\n\nRiver text.\n\n# Chapter Two\n\nSecond.\n",
     "Chapter One", ["Chapter One", "First text.", "The river", "River text."]),
    ("en.md", "# Book\n\n## One\n\nA.\n\n### Sub\n\nB.\n\n## Two\n\nC.\n", "One",
     ["One", "A.", "Sub", "B."]),
    ("en.html", "<h1>Chapter One</h1><p>First text.</p><h2>The river</h2><p>River text.</p>"
     "<h1>Chapter Two</h1><p>Second.</p>", "Chapter One",
     ["Chapter One", "First text.", "The river", "River text."]),
    ("en.html", "<h2>One</h2><p>A.</p><h3>Sub</h3><p>B.</p><h1>Part Two</h1><p>C.</p>", "One",
     ["One", "A.", "Sub", "B."]),
], ids=["md-h2-inside-h1", "md-h3-inside-h2", "html-h2-inside-h1", "html-ends-at-higher"])
def test_a_section_runs_to_the_next_heading_of_its_level_or_higher(
        tmp_path: Path, name: str, text: str, section: str, paragraphs: list[str]) -> None:
    """A section stopped at its first subheading ('## The river'), and its text was lost."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert list(read_file(path, section=section).paragraphs) == paragraphs
