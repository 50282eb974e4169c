"""End to end: a version set opened in `streamlit run app.py`, read in Debian's Chromium.

Columns, a disagreement marker, the word diff between two same-language versions and the
summary view; a set uploaded from the start page; the aligner's warnings; a set broken by
another program; a set of books turned to a heading; and, as the new user's report read the
page (2026, /tmp/adv_user), a number one version changes marked with its reason, "Only rows
with a marker", the summary's rows omitted and the titles of the set and of a pair opened
from it. One server for the module: each test opens sets of its own (its tmp_path), and the
upload's set, kept by the app, is listed on the start page of the tests after it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from e2e_helpers import choose_option, settle
from playwright.sync_api import expect
from test_versions_markers import story_set

from alignment.cli import main

pytestmark = pytest.mark.e2e

FR = ["Le matin, la ville dormait encore sous la pluie.",
      "Marie ouvrit la fenêtre et regarda la rue vide.",
      "Un chat noir traversait la place en courant.",
      "Le café refroidissait sur la table de la cuisine."]
EN1 = ["In the morning, the town was still asleep under the rain.",
       "Marie opened the window and looked at the empty street.",
       "A black cat was running across the square.",
       "The coffee was getting cold on the kitchen table."]
EN2 = ["In the morning, the town still slept in the rain.",
       "Marie opened the window and looked at the empty street.",
       "A black cat was running across the square.",
       "The coffee was getting cold on the kitchen table."]


def align_set(folder: Path, stem: str, texts: dict[str, str]) -> Path:
    """`alignment align` of presplit texts (one sentence per line; fr, en, en) into STEM.tmx."""
    paths = []
    for name, text in texts.items():
        path = folder / f"{stem}.{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    out = folder / f"{stem}.tmx"
    result = CliRunner().invoke(main, ["align", *paths, "--presplit", "--langs", "fr,en,en",
                                       "--embedder", "hashing", "-q", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def version_set(tmp_path) -> Path:
    return align_set(tmp_path, "story", {name: "\n".join(lines) + "\n" for name, lines in
                                         (("fr", FR), ("en1", EN1), ("en2", EN2))})


@pytest.fixture
def uploaded_like_set(tmp_path) -> Path:
    """The set as the app writes an upload: texts named after the files, the title the
    original's, a digest in the file name, a PO per pair beside it."""
    from alignment.versions_io import write_pair_pos, write_set_tmx

    vs = story_set()
    path = tmp_path / "histoire.fr--2-versions-5839a383.tmx"
    write_pair_pos(vs, str(path)[:-4])
    write_set_tmx(vs, path)
    return path


def open_set_by_path(page, path: Path) -> None:
    """What a person does: type the set's path on the start page, click Open set."""
    box = page.get_by_label("…or the path of a version set (.tmx)")
    box.fill(str(path), timeout=60_000)
    box.press("Enter")
    page.get_by_role("button", name="Open set").click()


def opened_set(page, path: Path, height: int = 1000):
    """The tab sized 1400 × `height`, the set at `path` opened by its path, its grid drawn."""
    page.set_viewport_size({"width": 1400, "height": height})
    open_set_by_path(page, path)
    grid = page.locator("div.vs-grid").first
    grid.wait_for(timeout=60_000)
    return grid


def test_set_in_columns_with_markers_diff_and_summary(page, version_set, tmp_path):
    page.set_viewport_size({"width": 1400, "height": 1000})
    started = time.monotonic()
    open_set_by_path(page, version_set)
    grid = page.locator("div.vs-grid").first
    grid.wait_for(timeout=60_000)
    opened = time.monotonic() - started
    # nothing was corrected: the pair POs written with the set are not read as corrections
    expect(page.get_by_text("joined again", exact=False)).to_have_count(0)
    heads = grid.locator("div.vs-head")
    expect(heads.nth(3)).to_contain_text("en2")
    row1 = grid.locator("div.vs-cell[data-name='en2']").first
    expect(row1.locator("ins").first).to_be_visible()
    expect(row1.locator("del").first).to_be_visible()
    expect(grid.locator("div.vs-mark.flag").first).to_contain_text("⚑")
    assert grid.locator("div.vs-mark").count() == 4
    # row 1 differs; rows 1 and 4 hold links to review (0.50 with the hashing
    # embedder), marked as the pair's reader tints them
    assert [m.get_attribute("title") for m in grid.locator("div.vs-mark.flag").all()] == [
        "en1 / en2: words differ; en1: link to review (confidence 0.50); "
        "en2: link to review (confidence 0.50)",
        "en1: link to review (confidence 0.50); en2: link to review (confidence 0.50)"]
    # a word found only in en2, drawn as a word diff, is marked there too (QA 2026-12-04)
    search = page.locator("section[data-testid='stSidebar']").get_by_label("Search all versions")
    search.fill("slept")
    search.press("Enter")
    expect(row1.locator("ins mark.hit")).to_have_text("slept")
    search.fill("")
    search.press("Enter")
    expect(grid.locator("mark.hit")).to_have_count(0)
    page.get_by_text("Summary", exact=True).click()
    table = page.locator("table.vs-sum")
    expect(table).to_contain_text("covers the original")
    expect(table).to_contain_text("vs en1: 25% of rows worded differently")
    page.screenshot(path=str(tmp_path / "versions.png"))
    assert opened < 20
    # corrections and Learn mode go through the pair's PO in the two-text reader
    page.get_by_role("button", name="Correct or learn fr–en2").click()
    pair = page.locator("table.al-rows").last
    expect(pair).to_contain_text("the town still slept in the rain", timeout=60_000)
    # a correction saved in the pair, then back to the set, which shows it
    page.get_by_text("Correct a link").click()
    box = page.get_by_label("Edit the target sentence")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Corrected in the pair, seen in the set.")
    page.get_by_role("button", name="Apply and save (Ctrl+S)").click()
    # as a person sees it applied (clicked sooner, Close asks whether to drop the text
    # typed: a question Playwright dismisses, so the pair stayed open under load)
    expect(pair).to_contain_text("Corrected in the pair, seen in the set.")
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    sidebar = page.locator("section[data-testid='stSidebar']")
    sidebar.get_by_role("button", name="Close (back to the set)").click()
    edited = grid.locator("div.vs-cell[data-name='en2']").first   # shown as a word diff
    expect(edited.locator("ins").first).to_have_text("Corrected in", timeout=30_000)
    expect(page.get_by_text("joined again", exact=False)).to_be_visible()


def test_upload_an_original_and_two_versions_then_compare(page, tmp_path):
    """No command line: upload the original and its versions, check the detected languages,
    click "Align and compare"; the set opens in columns, and each pair can be corrected."""
    paths = []
    for name, lines in (("histoire", FR), ("story-anna", EN1), ("story-ben", EN2)):
        path = tmp_path / f"{name}.txt"
        path.write_text(" ".join(lines) + "\n", encoding="utf-8")   # paragraphs, to be segmented
        paths.append(str(path))
    page.set_viewport_size({"width": 1400, "height": 1000})
    button = page.get_by_role("button", name="Align and compare")
    expect(button).to_be_disabled(timeout=60_000)
    page.locator(".st-key-vs_up_src input[type=file]").set_input_files(paths[0])
    # as a person waits to see the file taken (a second upload sent while the first
    # one's rerun runs can be dropped under load: the languages stayed "fr")
    expect(page.locator(".st-key-vs_up_src").get_by_text("histoire.txt")).to_be_visible()
    settle(page)
    page.locator(".st-key-vs_up_versions input[type=file]").set_input_files(paths[1:])
    langs = page.get_by_label("Languages, original first (detected; correct them if need be)")
    expect(langs).to_have_value("fr, en, en", timeout=30_000)
    expect(button).to_be_enabled()
    langs.fill("fr, en")   # one language too few: refused, with what to do, and no bar
    langs.press("Enter")
    settle(page)
    button.click()
    expect(page.get_by_text("give one language per text")).to_be_visible()
    settle(page)
    assert page.locator("[data-testid=stProgress]").count() == 0
    langs.fill("fr, en, en")   # corrected by hand, as a person would
    langs.press("Enter")
    button.click()
    grid = page.locator("div.vs-grid").first
    grid.wait_for(timeout=90_000)
    heads = grid.locator("div.vs-head")
    expect(heads.nth(1)).to_contain_text("histoire · fr")   # named after the files
    expect(heads.nth(3)).to_contain_text("story-ben · en")
    expect(grid.locator("div.vs-cell[data-name='story-anna']").first).to_contain_text(
        "In the morning, the town was still asleep under the rain.")
    expect(grid.locator("div.vs-mark")).to_have_count(4)
    expect(page.get_by_text("joined again", exact=False)).to_have_count(0)
    page.get_by_role("button", name="Download").click()   # the set, to keep or share
    tsv = page.get_by_role("button", name="TSV", exact=True)
    tsv.wait_for(state="visible", timeout=60_000)
    with page.expect_download(timeout=30_000) as info:
        tsv.click()
    rows = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert rows[0] == "histoire\tstory-anna\tstory-ben" and len(rows) == 5
    assert rows[2].split("\t")[0] == FR[1]
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Correct or learn histoire–story-anna").click()
    pair = page.locator("table.al-rows").last
    expect(pair).to_contain_text("Un chat noir traversait la place en courant.", timeout=60_000)


def test_what_the_aligner_warned_about_a_version_is_on_the_page(page, version_set, tmp_path):
    """`alignment align` prints the aligner's warnings; the set's page shows them too."""
    from dataclasses import replace

    from alignment.versions_io import read_set_tmx, write_set_tmx

    vs = read_set_tmx(version_set)
    warned = tmp_path / "warned.tmx"
    write_set_tmx(replace(vs, warnings=((), ("the encoder use-m3 does not know sv: review the links",))),
                  warned)
    opened_set(page, warned)
    expect(page.get_by_text("en2: the encoder use-m3 does not know sv")).to_be_visible()


def test_back_to_a_set_another_program_broke_is_one_error_line(page, version_set):
    """A pair opened from a set, the set's file broken meanwhile, then Close (back to the
    set): the close ran into the broken file inside a click's callback, and the page showed
    a traceback. Now it says what is wrong in one line."""
    opened_set(page, version_set)
    page.get_by_role("button", name="Correct or learn fr–en2").click()
    expect(page.locator("table.al-rows").last).to_contain_text(
        "the town still slept in the rain", timeout=60_000)
    version_set.write_text("not xml at all", encoding="utf-8")   # another program's
    page.locator("section[data-testid='stSidebar']").get_by_role(
        "button", name="Close (back to the set)").click()
    expect(page.get_by_text(re.compile(r"Error: .*story\.tmx: not well-formed XML"))
           ).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Traceback")).to_have_count(0)


def test_a_set_of_books_turns_to_the_heading_chosen(page, tmp_path):
    """Two translations of a book compared in columns: 'Go to a heading' turns to the
    chapter's page and brings its row into view, as in the two-text reader."""
    texts = {}
    for name, chapter, line in (("fr", "CHAPITRE {c}", "Le pont {c}.{k} enjambe la rivière."),
                                ("en1", "CHAPTER {c}", "Bridge {c}.{k} spans the river."),
                                ("en2", "CHAPTER {c}", "Bridge {c}.{k} crosses the river.")):
        blocks = ["\n".join([chapter.format(c=c), "", *(line.format(c=c, k=k) for k in range(40))])
                  for c in (1, 2, 3)]
        texts[name] = "\n\n".join(blocks) + "\n"
    opened_set(page, align_set(tmp_path, "book", texts), height=900)
    settle(page)
    choose_option(page, page.locator(".st-key-vs_goto_heading"), "83 · CHAPITRE 3")
    expect(page.get_by_text("Page 2 of 3")).to_be_visible()
    expect(page.locator("#row-83")).to_be_in_viewport()
    expect(page.locator("div.vs-cell[data-name='en2']", has_text="CHAPTER 3")).to_be_visible()


def test_a_changed_number_is_marked_and_the_summary_and_titles_read_plainly(
        page, uploaded_like_set):
    grid = opened_set(page, uploaded_like_set)
    heading = page.locator("[data-testid=stMarkdownContainer] p", has_text="5 rows")
    expect(heading).to_have_text("histoire.fr (original, 5 sentences) · story.en (5) · "
                                 "story2.en (4) · 5 rows")
    # the number: a marker, its reason in the tooltip; the omission keeps its own
    mark = grid.locator("#row-2")
    expect(mark).to_have_class("vs-mark flag")
    expect(mark).to_have_attribute(
        "title", "story.en: sixty-two (62) where the original says soixante-douze (72)")
    expect(grid.locator("#row-4")).to_have_attribute("title", "story2.en: nothing here")
    expect(grid.locator("div.vs-mark.flag")).to_have_count(2)   # not rows 1, 3, 5
    sidebar = page.locator("section[data-testid='stSidebar']")
    sidebar.get_by_text("Only rows with a marker").click()
    expect(page.get_by_text("Page 1 of 1 · 2 rows")).to_be_visible()
    expect(grid.locator("div.vs-mark")).to_have_count(2)
    sidebar.get_by_text("Only rows with a marker").click()
    expect(page.get_by_text("Page 1 of 1 · 5 rows")).to_be_visible()
    # the summary: counts under "rows omitted", the row numbers labelled as rows
    sidebar.get_by_text("Summary", exact=True).click()
    table = page.locator("table.vs-sum")
    story2 = table.locator("tr").nth(2)   # the heading's, story.en's, story2.en's
    expect(story2.locator("td").first).to_have_text("story2.en")
    expect(story2.locator("td").nth(3)).to_have_text("1")
    expect(story2.locator("td").nth(5)).to_have_text("omitted: row 4")
    expect(table.locator("th", has_text="which rows")).to_be_visible()
    expect(story2).to_contain_text("vs story.en: 100% of rows worded differently, ")
    expect(story2).to_contain_text("% of words shared")
    # a pair opened from the set is titled by its texts, not by its PO's file name
    page.get_by_role("button", name="Correct or learn histoire.fr–story.en").click()
    expect(page.locator("table.al-rows").last).to_contain_text(
        "He was sixty-two years old", timeout=60_000)
    settle(page)
    expect(page.get_by_role("heading", name="histoire.fr ↔ story.en (from the set "
                                "histoire.fr, 2 versions)")).to_be_visible()
    expect(page.get_by_text("5839a383.histoire.fr-story.en.po", exact=True)).to_have_count(0)
