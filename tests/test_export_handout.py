"""A teacher's handout: the HTML reader with each translation hidden until a student points at
it, taps it or reaches it with Tab, and one box that shows them all (the teacher found no
student version: the HTML and EPUB always showed both sides). CSS only, so the page works
offline and in any browser; checked in Chromium with the mouse and keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.export import render_html
from alignment.types import Alignment, Bitext, Link, Sentence
from test_e2e_browser import playwright_or_skip

SRC = ("Il mare non ha fretta.", "Lucia la lesse due volte.")
TGT = ("The sea is in no hurry.", "Lucia read it twice.")


def _bitext() -> Bitext:
    links = tuple(Link((k,), (k,)) for k in range(len(SRC)))
    return Bitext(tuple(map(Sentence, SRC)), tuple(map(Sentence, TGT)), Alignment(links), "it", "en")


def test_the_plain_reader_shows_every_translation_and_has_no_box() -> None:
    page = render_html(_bitext())
    assert 'class="learner"' not in page and 'id="showall"' not in page
    assert 'tabindex' not in page


# what a reviewer reads on the page and a student needs not: the counts and legend, a link's
# confidence (its cell's tooltip), the margin mark of a link to review, the aligner's signature
REVIEWERS = ("2 + 2 sentences, 2 links", "Marked in the margin", "confidence 0.40",
             "cell src review", "<footer>")


@pytest.mark.parametrize("hide, shown", [(False, REVIEWERS), (True, ())])
def test_the_handout_shows_the_title_and_the_text_alone(hide: bool, shown: tuple[str, ...]) -> None:
    """A teacher's handout opened with "48 + 49 sentences, 48 links. Marked in the margin:
    links to review (confidence < 0.9)...": the reviewer's page keeps it, the handout not."""
    bitext = _bitext()
    unsure = Alignment((Link((0,), (0,), 0.4), Link((1,), (1,), 0.95)), bitext.alignment.signature)
    page = render_html(Bitext(bitext.src, bitext.tgt, unsure, "it", "en"), title="Il mare",
                       hide_translation=hide)
    assert "<h1>Il mare</h1>" in page and all(t in page for t in SRC + TGT)
    assert [r for r in REVIEWERS if r in page] == list(shown)


def test_export_writes_the_handout(tmp_path: Path) -> None:
    from alignment.po import write_po

    po, out = tmp_path / "mare.po", tmp_path / "mare-handout.html"
    write_po(_bitext(), po)
    result = CliRunner().invoke(main, ["export", str(po), "--html-learner", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<body class="learner">' in page and all(t in page for t in TGT)


@pytest.mark.e2e
def test_a_student_reveals_one_translation_then_all(tmp_path: Path, browser) -> None:
    sync_api = playwright_or_skip()
    path = tmp_path / "handout.html"
    path.write_text(render_html(_bitext(), hide_translation=True), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    try:
        page.goto(path.as_uri())
        expect = sync_api.expect
        first, second = (page.get_by_text(t) for t in TGT)
        expect(page.get_by_text(SRC[0])).to_be_visible()
        expect(first).to_be_hidden()
        expect(second).to_be_hidden()
        page.get_by_text(SRC[0]).hover()
        first.locator("..").hover()            # pointed at: shown
        expect(first).to_be_visible()
        page.mouse.move(0, 0)
        expect(first).to_be_hidden()
        page.keyboard.press("Tab")             # the box, then the first translation
        page.keyboard.press("Tab")
        expect(first).to_be_visible()
        expect(second).to_be_hidden()
        page.mouse.click(5, 5)
        page.get_by_text("Show every translation").click()
        expect(first).to_be_visible()
        expect(second).to_be_visible()
        page.emulate_media(media="print")      # on paper: the text, no control
        expect(page.get_by_text("Show every translation")).to_be_hidden()
        expect(page.get_by_text(SRC[0])).to_be_visible()
    finally:
        page.close()   # and its context
