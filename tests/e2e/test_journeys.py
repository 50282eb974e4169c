"""What a person does in the reader, with mouse and keys, checked on what the page shows."""

from __future__ import annotations

import re
from dataclasses import replace
import time
import zlib
from pathlib import Path

import polib
import pytest
from playwright.sync_api import expect

from e2e_helpers import (OMISSION, choose_link, choose_option, click_download, long_bitext, once_drawn,
                         open_by_path, reader_table, settle, upload_pair)

pytestmark = pytest.mark.e2e


def row(page, n: int):
    """Row of link n (1-based, as shown) in the reader's table."""
    return reader_table(page).locator(f"tr#link-{n}")


def test_open_the_sample_and_read(page, tmp_path, home):
    # The sample is the only corpus with both sides bundled, hence the only one to align;
    # its card says which file it writes: ./sample.po, where the README's command writes it.
    written = home / "cwd" / "sample.po"
    if written.exists():   # a rerun of this journey: its first try wrote the file (the card
        written.unlink()   # then says "Opens") and its place in the text (reopened on page 2)
        (home / "xdg" / "alignment" / "reading.json").unlink(missing_ok=True)
        page.reload()
        page.get_by_text("Align new texts").wait_for()
    expect(page.get_by_text(re.compile(r"Writes .*/cwd/sample\.po \(the file"))).to_be_visible()
    page.get_by_role("button", name="Align and open").first.click()
    first = reader_table(page).locator("tr", has_text="Le vieux pont de Saint-Aubin").first
    first.wait_for(timeout=90_000)
    expect(first).to_contain_text("The Old Bridge of Saint-Aubin")
    assert reader_table(page).locator("tr.row").count() > 10
    page.locator("section[data-testid='stSidebar']").get_by_text("Rows per page").wait_for()
    # Fewer rows per page, then the "Next page" at the bottom: page 2 opens at its top.
    choose_option(page, page.get_by_role("combobox", name="Rows per page"), "25")
    expect(page.get_by_text(re.compile(r"Page 1 of 2 · rows 1–25 of \d+")).first).to_be_visible()
    bottom = page.locator(".st-key-next_page_b button")
    bottom.scroll_into_view_if_needed()
    bottom.click()
    expect(page.get_by_text(re.compile(r"Page 2 of 2 · rows 26–\d+ of \d+")).first).to_be_visible()
    expect(row(page, 26)).to_be_in_viewport()
    shot = tmp_path / "reader.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_search_and_filter(page, po_copy):
    open_by_path(page, po_copy)
    # The omission and the addition are hatched even on a row tinted "to review".
    empty = row(page, OMISSION + 1).locator("td.empty")
    expect(empty).to_have_count(1)
    assert "repeating-linear-gradient" in empty.evaluate("e => getComputedStyle(e).backgroundImage")
    find = page.locator(".st-key-q input")
    find.fill("pont")
    find.press("Enter")
    expect(reader_table(page).locator("mark.hit").first).to_have_text(re.compile("pont", re.I))
    hits = reader_table(page).locator("tr.row")
    assert all("pont" in t.lower() for t in hits.all_inner_texts())
    find.fill("zzzqqq")
    find.press("Enter")
    expect(page.get_by_text("No link matches zzzqqq")).to_be_visible()
    # A pattern that hangs Python's re answers at once, and the app stays usable.
    page.get_by_text("Regular expression").click()
    find.fill(r"(\w+\s?)+;")
    started = time.monotonic()
    find.press("Enter")
    settle(page)
    assert time.monotonic() - started < 10
    # Word boundaries around accented letters, as Python's re reads them (RE2's are ASCII)
    find.fill(r"\bcafé\b")
    find.press("Enter")
    marks = reader_table(page).locator("mark.hit")
    expect(marks.first).to_have_text("café")
    assert set(marks.all_inner_texts()) == {"café"}
    find.fill(r"(\w)\1")
    find.press("Enter")
    expect(page.get_by_text("back-references")).to_be_visible()
    find.fill("")
    find.press("Enter")
    page.get_by_text("To review (fuzzy) only").click()
    expect(reader_table(page).locator("tr.row:not(.fuzzy):not(.low)")).to_have_count(0)
    expect(reader_table(page).locator("tr.row")).not_to_have_count(0)


def open_editor(page) -> None:
    page.get_by_text("Correct a link").click()
    page.get_by_label("Edit the target sentence").wait_for()
    settle(page)


def test_correct_a_link_by_typing_then_clicking_apply(page, po_copy):
    open_by_path(page, po_copy)
    open_editor(page)
    box = page.get_by_label("Edit the target sentence")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Typed by a person, then Apply clicked at once.")
    page.get_by_role("button", name="Apply edit").click()  # no Ctrl+Enter, no click elsewhere
    expect(row(page, 1)).to_contain_text("Typed by a person, then Apply clicked at once.")
    editor = page.get_by_label("Edit the target sentence")
    expect(editor).to_have_count(1)  # the old box may linger a moment while the page redraws
    expect(editor).to_have_value("Typed by a person, then Apply clicked at once.")
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()


def test_undo_and_redo(page, po_copy):
    open_by_path(page, po_copy)
    open_editor(page)
    before = " ".join(row(page, 2).text_content().split())
    page.get_by_role("button", name="⤓ Merge with next").click()
    expect(row(page, 2)).not_to_have_text(before)
    page.locator(".st-key-undo button").click()
    expect(row(page, 2)).to_have_text(before)
    page.locator(".st-key-redo button").click()
    expect(row(page, 2)).not_to_have_text(before)
    reader_table(page).click()  # focus out of any input, then the keys
    page.keyboard.press("Control+z")
    expect(row(page, 2)).to_have_text(before)


def test_save_conflict_reload(page, po_copy):
    from alignment import browse
    from alignment.po import file_fingerprint, read_po, save_po

    open_by_path(page, po_copy)
    open_editor(page)
    page.get_by_role("button", name="✓ Mark reviewed").click()
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    page.locator(".st-key-save button").click()
    expect(page.get_by_text("1 unsaved change")).to_have_count(0)
    assert read_po(po_copy).alignment.links[0].reviewed
    # Someone else saves the file meanwhile.
    other = browse.mark_reviewed(read_po(po_copy), 5)
    save_po(other, po_copy, expected_fingerprint=file_fingerprint(po_copy))
    page.get_by_role("button", name="⤓ Merge with next").click()
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    page.locator(".st-key-save button").click()
    expect(page.get_by_text("changed on disk since it was opened")).to_be_visible()
    assert len(read_po(po_copy).alignment.links) == len(other.alignment.links)  # not overwritten
    page.get_by_role("button", name=re.compile("Reload from disk")).click()
    expect(row(page, 6).locator("span.ok")).to_have_count(1)  # their change is shown
    merged_away = " ".join(row(page, 2).text_content().split())
    page.locator(".st-key-undo button").click()  # ... and mine is one Undo away
    expect(row(page, 2)).not_to_have_text(merged_away)


def test_a_file_made_read_only_or_broken_on_disk_is_said_so_not_a_traceback(page, po_copy):
    """Save on a PO another program made read-only, and Reload of one it left broken, were
    tracebacks on the page; now each says what happened, and the work stays."""
    open_by_path(page, po_copy)
    open_editor(page)
    page.get_by_role("button", name="✓ Mark reviewed").click()
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    good = po_copy.read_bytes()
    po_copy.chmod(0o444)
    try:
        page.locator(".st-key-save button").click()
        expect(page.get_by_text(f"Not saved: {po_copy} is read-only; make it writable")).to_be_visible()
        expect(page.get_by_role("button", name="Download your version (PO)")).to_be_visible()
    finally:
        po_copy.chmod(0o644)
    po_copy.write_text('msgid ""\nmsgstr "cut off\n', encoding="utf-8")   # another program's
    page.locator(".st-key-save button").click()   # changed on disk now: Reload is offered
    expect(page.get_by_text(re.compile(r"Not saved: .*changed on disk"))).to_be_visible()
    page.get_by_role("button", name=re.compile("Reload from disk")).click()
    expect(page.get_by_text(re.compile(r"Cannot reload: .*journey\.po"))).to_be_visible()
    expect(page.get_by_text("Traceback")).to_have_count(0)
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()   # the work is here
    assert po_copy.read_bytes() != good


def test_a_file_deleted_while_open_is_said_so_and_can_be_written_again(page, po_copy):
    """The PO deleted (or moved) while open: Save said it had 'changed on disk' and offered
    Reload, which then failed with a traceback. Now it says the file is gone and offers to
    write it again there."""
    from alignment.po import read_po

    open_by_path(page, po_copy)
    open_editor(page)
    page.get_by_role("button", name="✓ Mark reviewed").click()
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    po_copy.unlink()
    page.locator(".st-key-save button").click()
    expect(page.get_by_text(f"Not saved: {po_copy} is no longer on disk")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Reload from disk"))).to_have_count(0)
    page.get_by_role("button", name="Write it again there").click()
    expect(page.get_by_text("is no longer on disk")).to_have_count(0)
    expect(page.get_by_text(re.compile(r"journey\.po · 1 unsaved change"))).to_have_count(0)
    assert read_po(po_copy).alignment.links[0].reviewed


def test_the_correction_panel_opens_at_once_so_a_button_pressed_then_is_clicked(page, po_copy):
    """Streamlit animates an expander open over half a second and again when its content grows
    meanwhile; between the two the panel showed closed for a moment (0.6 s after the click,
    about 0.1 s), and a button pressed then was released over the reader's table: no click.
    Seen under load as a lost first "Mark reviewed" (the press on the button, the release on
    a table cell). Panels now open at once (views/keys.py): no animation is left running."""
    open_by_path(page, po_copy)
    page.get_by_text("Correct a link").click()
    running = page.evaluate("document.getAnimations().filter(a => a.playState === 'running'"
                            " && a.effect && a.effect.target && a.effect.target.tagName === 'DETAILS').length")
    assert running == 0
    page.get_by_role("button", name="✓ Mark reviewed").click()
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()


def test_close_with_unsaved_changes_gets_the_guard(page, po_copy):
    open_by_path(page, po_copy)
    open_editor(page)
    page.get_by_role("button", name="✓ Mark reviewed").click()
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()  # as a person waits
    page.get_by_role("button", name="⤓ Merge with next").click()
    expect(page.get_by_text("2 unsaved changes").first).to_be_visible()
    page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close").click()
    expect(page.get_by_text("2 unsaved changes in journey.po")).to_be_visible()
    page.get_by_role("button", name="Cancel").click()
    expect(page.get_by_text("2 unsaved changes in journey.po")).to_have_count(0)
    expect(reader_table(page)).to_be_visible()
    page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close").click()
    page.get_by_role("button", name="Save and close").click()
    expect(page.get_by_text("Align new texts")).to_be_visible()  # the start page
    from alignment.po import read_po
    assert read_po(po_copy).alignment.links[0].reviewed


def test_reload_the_browser_and_recover_the_draft(page, po_copy):
    open_by_path(page, po_copy)
    open_editor(page)
    box = page.get_by_label("Edit the target sentence")
    box.fill("Kept through a reload.")
    page.get_by_role("button", name="Apply edit").click()
    expect(row(page, 1)).to_contain_text("Kept through a reload.")
    page.reload()  # the session is gone
    offer = page.locator("[data-testid='stHorizontalBlock']", has_text=str(po_copy)).last
    expect(offer).to_contain_text("1 unsaved change to journey.po")
    offer.get_by_role("button", name="Open and recover").click()  # one click: no second question
    expect(row(page, 1)).to_contain_text("Kept through a reload.")
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    expect(page.get_by_text("were kept from an earlier session")).to_have_count(0)


def test_a_draft_recovered_over_a_file_changed_since_does_not_undo_that_change(page, po_copy):
    """QA (2026-12-04): a draft holds the whole text as it was; recovered after another program
    changed the file, the next Ctrl+S wrote it over that change without a word. Save now meets
    the conflict box, and the file keeps the other program's change."""
    open_by_path(page, po_copy)
    open_editor(page)
    page.get_by_label("Edit the target sentence").fill("Kept through a reload.")
    page.get_by_role("button", name="Apply edit").click()
    expect(row(page, 1)).to_contain_text("Kept through a reload.")
    page.reload()  # the session is gone; another program corrects link 2 meanwhile
    po = polib.pofile(str(po_copy))
    po[1].msgstr = "Corrected by another program."
    po.save(str(po_copy))
    offer = page.locator("[data-testid='stHorizontalBlock']", has_text=str(po_copy)).last
    offer.get_by_role("button", name="Open and recover").click()
    expect(row(page, 1)).to_contain_text("Kept through a reload.")
    page.locator("h3").first.click()  # keys go to the page
    page.keyboard.press("Control+s")
    expect(page.get_by_text(re.compile("changed on disk since"))).to_be_visible()
    assert polib.pofile(str(po_copy))[1].msgstr == "Corrected by another program."
    expect(page.get_by_role("button", name=re.compile("Reload from disk"))).to_be_visible()


def test_one_ctrl_z_too_many_changes_nothing_and_ctrl_y_still_redoes(page, po_copy):
    """QA (2026-12-04): with nothing left to undo, Ctrl+Z went to the browser's own undo, which
    put the Link box back from 4 to 1 (another link chosen, without a word) and kept the focus
    there, so the next Ctrl+Y stayed with that field and redid nothing."""
    open_by_path(page, po_copy)
    open_editor(page)
    links = reader_table(page).locator("tr.row")
    n = links.count()
    box = page.get_by_label("Link (the blue row)")
    box.fill("4")
    box.press("Enter")
    expect(box).to_have_value("4")
    page.get_by_role("button", name="⤓ Merge with next").click()
    expect(links).to_have_count(n - 1)
    page.locator("h3").first.click()  # keys go to the page
    page.keyboard.press("Control+z")
    expect(links).to_have_count(n)
    page.keyboard.press("Control+z")  # nothing left to undo
    settle(page)
    expect(box).to_have_value("4")
    page.keyboard.press("Control+y")
    expect(links).to_have_count(n - 1)


def test_learn_with_click_and_keys(page, po_copy):
    open_by_path(page, po_copy)
    page.locator("section[data-testid='stSidebar']").get_by_text("Learn").click()
    expect(page.get_by_text(re.compile(r"Sentence 1 of \d+"))).to_be_visible()
    settle(page)
    hidden = row(page, 2).locator("details")
    expect(hidden).not_to_have_attribute("open", "")
    hidden.locator("summary").click()  # reveal row 2 by a click: it becomes the current one
    expect(hidden).to_have_attribute("open", "")
    expect(page.get_by_text(re.compile(r"Sentence 2 of \d+"))).to_be_visible()
    settle(page)
    page.locator("h3").first.click()  # keys go to the page, not to an input
    page.keyboard.press("j")
    expect(page.get_by_text(re.compile(r"Sentence 3 of \d+"))).to_be_visible()
    expect(row(page, 2).locator("details")).to_have_attribute("open", "")  # still revealed
    expect(row(page, 3)).to_have_class(re.compile("current"))
    expect(row(page, 3).locator("details")).not_to_have_attribute("open", "")
    page.keyboard.press(" ")
    expect(row(page, 3).locator("details")).to_have_attribute("open", "")
    page.keyboard.press("k")
    expect(page.get_by_text(re.compile(r"Sentence 2 of \d+"))).to_be_visible()


def test_proofread_and_jump(page, po_copy):
    """The last finding's "→ n": its link is chosen, the correction box, where the fix is
    typed, is in view (the page used to scroll down to the table's row, the box out of sight
    above), still after the page's later scrolls, and the findings list stays where it was."""
    open_by_path(page, po_copy)
    page.locator("section[data-testid='stSidebar']").get_by_text("Proofread").click()
    jumps = page.locator(".st-key-findings_box [class*='st-key-jump_'] button:visible")
    jumps.first.wait_for()
    n = jumps.count()
    assert n >= 3, "the fixture should give a few findings"
    button = jumps.nth(n - 1)
    label = button.inner_text()
    target = int(re.search(r"\d+", label).group())
    button.scroll_into_view_if_needed()
    button.click()
    expect(row(page, target)).to_have_class(re.compile("current"))
    box = page.get_by_label("Edit the target sentence")
    # while the jump's run draws the panel anew, the page may hold the old box beside the new
    # one for a moment (a check on two is refused at once, not tried again: CI-like load, once)
    once_drawn(page, lambda: expect(box).to_be_in_viewport())   # ready to type
    # The findings list stays where it was: the button just clicked is still in its view.
    clicked = page.locator(".st-key-findings_box [class*='st-key-jump_'] button:visible", has_text=label).last
    clicked.wait_for()
    inside = clicked.evaluate("""b => { const box = b.closest('.st-key-findings_box');
        const r = b.getBoundingClientRect(), o = box.getBoundingClientRect();
        return box.scrollTop > 0 && r.top >= o.top - 1 && r.bottom <= o.bottom + 1; }""")
    assert inside, "the findings list went back to its top"
    expect(page.get_by_label("Link (the blue row)")).to_have_value(str(target))
    page.wait_for_timeout(2_000)   # the page's scrolls are tried again up to 1.5 s later
    expect(page.get_by_label("Edit the target sentence")).to_be_in_viewport()


def test_proofread_info_findings_show_with_a_click_and_download_as_a_report(page, po_copy):
    """Info findings are hidden until the reader clicks 'Show info findings' (the French slip
    model reports there); clicking again hides them.
    A proofreader sends what the checks found: the findings shown (this level, these
    checks) download as a CSV, each beside the link's two texts, a column for the answer;
    here with the info findings shown, between the two clicks (one journey: two tests each
    opened the text and waited for its checks)."""
    import csv
    import io

    open_by_path(page, po_copy)
    page.locator("section[data-testid='stSidebar']").get_by_text("Proofread").click()
    heading = page.get_by_text(re.compile(r"Proofreading: [\d,]+ findings"))
    expect(heading).to_be_visible(timeout=60_000)
    count = lambda: int(re.search(r"([\d,]+) findings", heading.inner_text()).group(1).replace(",", ""))
    box = page.locator(".st-key-findings_box")
    jumps = page.locator(".st-key-findings_box [class*='st-key-jump_'] button:visible")
    jumps.first.wait_for(timeout=60_000)
    shown = count()
    expect(box.get_by_text("info", exact=True)).to_have_count(0)
    page.get_by_text("Show info findings").click()
    expect(box.get_by_text("info", exact=True).first).to_be_visible(timeout=30_000)
    assert count() > shown
    settle(page)
    with_info = count()
    first = int(re.search(r"\d+", jumps.first.inner_text()).group())
    button = page.get_by_role("button", name=f"Download these {with_info} findings (CSV)")
    with page.expect_download() as info:
        button.click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["link", "severity", "check", "finding", "original", "translation", "answer"]
    assert len(rows) == with_info + 1 and int(rows[1][0]) == first
    assert any(r[1] == "info" for r in rows[1:])   # what the page showed, info included
    expect(row(page, first)).to_contain_text(rows[1][4][:20])
    page.get_by_text("Show info findings").click()
    expect(box.get_by_text("info", exact=True)).to_have_count(0, timeout=30_000)
    assert count() == shown


DE_ONE = ("Die alte Mühle\n\nDie Mühle dreht sich seit dem Jahr 1820 am Ufer des Flusses. "
      "Sie mahlt den Weizen des ganzen Dorfes und der Bauernhöfe ringsum. "
      "Der Müller heißt Jean Morel und wohnt mit seiner Familie neben der Brücke.\n\n"
      "Im Winter friert der Fluss oft zu, und dann steht das große Rad still.")
FR_ONE = ("Le vieux moulin\n\nLe moulin tourne depuis l'année 1820 au bord de la rivière. "
      "Il moud le blé de tout le village et des fermes alentour. "
      "Le meunier s'appelle Jean Morel et habite avec sa famille à côté du pont.\n\n"
      "En hiver, la rivière gèle souvent, et alors la grande roue s'arrête.")


def mill_texts(base: int, blocks: int = 60) -> tuple[str, str]:
    """A German text and its French translation long enough (about 250 sentences a side) for
    the progress bar to be on screen a moment, every sentence its own (a year in each, from
    `base`): the other journeys' DE_ONE left most sentences in the encoder's cache, and the
    alignment, done in 0.35 s, drew no bar at all (CI)."""
    de = [f"Die Mühle dreht sich seit dem Jahr {y} am Ufer des Flusses. Sie mahlt seit {y} den Weizen "
          f"des ganzen Dorfes. Der Müller heißt seit {y} Jean Morel und wohnt neben der Brücke.\n\n"
          f"Im Winter {y} fror der Fluss oft zu, und dann stand das große Rad still."
          for y in range(base, base + blocks)]
    fr = [f"Le moulin tourne depuis l'année {y} au bord de la rivière. Il moud depuis {y} le blé de "
          f"tout le village. Le meunier s'appelle depuis {y} Jean Morel et habite à côté du pont.\n\n"
          f"En hiver {y}, la rivière gelait souvent, et alors la grande roue s'arrêtait."
          for y in range(base, base + blocks)]
    return "\n\n".join(["Die alte Mühle", *de]), "\n\n".join(["Le vieux moulin", *fr])


def test_upload_two_texts_in_another_language_pair(page, tmp_path):
    (tmp_path / "de").mkdir()
    (tmp_path / "fr").mkdir()
    de, fr = tmp_path / "de" / "kapitel1.txt", tmp_path / "fr" / "kapitel1.txt"  # same name
    texts = mill_texts(1000 + zlib.crc32(str(tmp_path).encode()) % 5000)   # a rerun's own texts too
    de.write_text(texts[0], encoding="utf-8")
    fr.write_text(texts[1], encoding="utf-8")
    page.locator(".st-key-new_src input[type=file]").set_input_files(str(de))
    expect(page.get_by_text("Original language (detected: de)")).to_be_visible()
    page.locator(".st-key-new_tgt input[type=file]").set_input_files(str(fr))
    expect(page.get_by_text("Translation language (detected: fr)")).to_be_visible()
    expect(page.locator(".st-key-lang_src input")).to_have_value("de")  # chosen, not only said
    expect(page.locator(".st-key-lang_tgt input")).to_have_value("fr")
    # Record where the progress bar is drawn, relative to the viewport, while aligning.
    # On every change of the page and on every frame (a short align can show its bar for a
    # few frames only, between two changes): what a person could have seen.
    page.evaluate("""() => { window.__bars = [];
      const look = () => document.querySelectorAll('[data-testid=stProgress]').forEach(b => {
          const r = b.getBoundingClientRect();
          window.__bars.push(r.top >= 0 && r.bottom <= innerHeight && r.height > 0); });
      new MutationObserver(look).observe(document.body, {childList: true, subtree: true});
      const frame = () => { look(); requestAnimationFrame(frame); };
      requestAnimationFrame(frame); }""")
    align = page.get_by_role("button", name="Align", exact=True)
    align.scroll_into_view_if_needed()
    align.click()
    table = reader_table(page)
    expect(table.locator("th").nth(1)).to_have_text("de", timeout=90_000)
    expect(table.locator("th").nth(2)).to_have_text("fr")
    expect(table.locator("tr.row").first).to_contain_text("Die alte Mühle")
    expect(table.locator("tr.row").first).to_contain_text("Le vieux moulin")
    bars = page.evaluate("window.__bars || []")
    assert bars and any(bars), "the progress bar was never drawn in view"
    expect(page.get_by_text(re.compile(r"written to .*kapitel1--kapitel1-\w+\.po"))).to_be_visible()


FORMATS = [("PO", b"# "), ("TMX", b"<?xml"), ("TSV", None), ("HTML", b"<!DOCTYPE html"),
           ("EPUB", b"PK")]


def test_download_each_format(page, po_copy):
    """Each format downloaded in turn from the one text opened (a test each opened it five
    times), the menu closed between two as a person closes it."""
    import io
    import zipfile

    open_by_path(page, po_copy)
    for fmt, head in FORMATS:
        download = click_download(page, fmt)
        assert download.suggested_filename == f"journey.{fmt.lower()}", fmt
        data = Path(download.path()).read_bytes()
        if head is None:
            assert b"\t" in data.splitlines()[0] and b"Saint-Aubin" in data, fmt
        elif fmt == "EPUB":  # a zip: the text is inside, compressed
            book = zipfile.ZipFile(io.BytesIO(data))
            assert any("Saint-Aubin" in book.read(n).decode("utf-8", "ignore")
                       for n in book.namelist() if n.endswith((".xhtml", ".html")))
        else:
            assert data.lstrip().startswith(head), (fmt, data[:80])
            assert "Saint-Aubin".encode() in data, fmt
        page.keyboard.press("Escape")


def test_download_the_translation_as_text_with_a_correction(page, po_copy):
    """A proofreader sent a text hands back a text: the translation as corrected, its
    paragraphs kept (PO, TMX, TSV gave a link per line or markup), the text's title in HTML."""
    from alignment.po import read_po

    bitext = read_po(po_copy)
    open_by_path(page, po_copy)
    open_editor(page)
    box = page.get_by_label("Edit the target sentence")
    before = box.input_value()
    box.click()
    page.keyboard.press("End")
    page.keyboard.type(" Corrigé.")
    page.get_by_role("button", name="Apply edit").click()
    settle(page)
    download = click_download(page, f"TXT ({bitext.tgt_lang} text)")
    assert download.suggested_filename == f"journey.{bitext.tgt_lang}.txt"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert before + " Corrigé." in text and "\n\n" in text and "\t" not in text
    page.keyboard.press("Escape")
    html = Path(click_download(page, "HTML").path()).read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert title != f"{bitext.src_lang} – {bitext.tgt_lang}"
    # a PO opened by path: titled by the text's own title, not by the file's name
    from alignment.epub import book_title
    assert title == book_title(bitext) and title != po_copy.name


# A long text's download, then its edited version's: in test_book_downloads_findings.py
# (test_the_download_menu_makes_only_the_file_clicked_and_downloads_it walks the same way on a
# 2,000-link book and asserts both files too).


def test_find_word_links_on_a_long_text_shows_progress_and_keeps_what_is_typed(page, tmp_path):
    from alignment.po import write_po

    path = tmp_path / "long.po"
    write_po(long_bitext(5000), path)
    open_by_path(page, path)
    page.evaluate("""() => { window.__steps = new Set();
      new MutationObserver(() => document.querySelectorAll(
          "section[data-testid='stSidebar'] [data-testid=stProgress]")
        .forEach(b => window.__steps.add(b.innerText)))
      .observe(document.body, {childList: true, subtree: true, characterData: true}); }""")
    sidebar = page.locator("section[data-testid='stSidebar']")
    sidebar.get_by_role("button", name="Find word links").click()
    expect(sidebar.get_by_text(re.compile(r"Finding word links, step \d of 3"))).to_be_visible()
    open_editor(page)  # the page is usable meanwhile: a correction is typed, not yet applied
    box = page.get_by_label("Edit the target sentence")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Typed while the word links were being found.")
    word = row(page, 2).locator("td.src mark.w").first
    word.wait_for(timeout=240_000)  # the links are in: the rows mark their words
    expect(sidebar.get_by_text("Word links found")).to_be_visible()
    steps = page.evaluate("[...window.__steps]")
    # its progress was on screen while it worked (on a quiet machine steps 2 and 3 end between
    # two polls of the page; the three steps in order: tests/test_words.py)
    assert any(s.startswith("Finding word links") for s in steps), steps
    # the links' run may draw the panel anew beside the old one
    once_drawn(page, lambda: expect(box).to_have_value("Typed while the word links were being found."))
    page.get_by_role("button", name="Apply edit").click()
    expect(row(page, 1)).to_contain_text("Typed while the word links were being found.")
    expect(page.get_by_text("2 unsaved changes").first).to_be_visible()  # links, then the edit
    # the edit dropped link 1's word links, and "Find word links" was gone: a way back (QA)
    expect(row(page, 1).locator("td.tgt mark.w")).to_have_count(0)
    sidebar.get_by_role("button", name=re.compile(r"Link the words again \(\d+ links? without\)")).click()
    row(page, 1).locator("td.tgt mark.w").first.wait_for(timeout=240_000)
    expect(page.get_by_text("3 unsaved changes").first).to_be_visible()
    page.get_by_text("Glossary: the text's word pairs").click()  # made when it opens
    expect(page.locator("[data-testid=stDataFrame]")).to_be_visible()
    expect(page.get_by_role("button", name="CSV", exact=True)).to_be_visible()


def test_proofread_a_long_text_the_page_answers_while_the_checks_run(page, tmp_path):
    from alignment.po import write_po

    path = tmp_path / "long.po"
    write_po(long_bitext(1000), path)  # its checks take seconds: the page is used meanwhile
    open_by_path(page, path)
    page.evaluate("""() => { window.__checking = new Set();
      new MutationObserver(() => document.querySelectorAll("[data-testid=stProgress]")
        .forEach(b => window.__checking.add(b.innerText)))
      .observe(document.body, {childList: true, subtree: true, characterData: true}); }""")
    page.locator("section[data-testid='stSidebar']").get_by_text("Proofread").click()
    expect(page.get_by_text(re.compile(r"Checking: .* \(\d+/\d+\)")).first).to_be_visible()
    open_editor(page)  # usable meanwhile: a correction while the checks run
    # a click while the checks run, as it comes on a busy page: the bar's timer falls due during
    # a long task, and the click, put first as input is, lands before the timer's rerun goes
    # out; that rerun then carried the press too, and the review was done twice
    page.evaluate("""() => setTimeout(() => {
      const button = [...document.querySelectorAll("button")].find(b => b.innerText.includes("Mark reviewed"));
      window.__bar_at_click = document.querySelector("[data-testid=stProgress]") !== null;
      for (const end = performance.now() + 700; performance.now() < end;) {}
      scheduler.postTask(() => button.click(), {priority: "user-blocking"}); }, 0)""")
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    expect(page.get_by_text(re.compile(r"Proofreading: [\d,]+ findings"))).to_be_visible(timeout=420_000)
    expect(page.get_by_text("from before your last edits")).to_have_count(0)  # the new version's
    assert page.evaluate("window.__bar_at_click"), "the checks ended before the click"
    expect(page.get_by_text(re.compile(r"· 1 reviewed ·"))).to_be_visible()  # once, not twice
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    labels = page.evaluate("[...window.__checking]")
    assert any(label.startswith("Checking: ") for label in labels), labels


def test_read_japanese_beside_arabic(page, tmp_path):
    # A person opens a pair in two other scripts: the Arabic reads right to left (its full
    # stop at the left end), each cell keeps its language (Han glyphs differ in Japanese).
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    pairs = [("彼は家を売った。", "باع البيت."), ("雨が降っていた。", "كانت السماء تمطر.")]
    bitext = Bitext(tuple(Sentence(a) for a, _ in pairs), tuple(Sentence(b) for _, b in pairs),
                    Alignment(tuple(Link((k,), (k,)) for k in range(len(pairs)))), "ja", "ar")
    path = tmp_path / "ja-ar.po"
    write_po(bitext, path)
    open_by_path(page, path)
    src, tgt = row(page, 1).locator("td.src"), row(page, 1).locator("td.tgt")
    expect(src).to_have_text("彼は家を売った。")
    expect(tgt).to_have_text("باع البيت.")
    assert tgt.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert src.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert (src.get_attribute("lang"), tgt.get_attribute("lang")) == ("ja", "ar")


def test_a_long_finding_reads_beside_its_button(page, po_copy):
    """In a narrow window a long finding wrapped onto a line of its own under its '→ N'
    button (the row's flex box wrapped), so buttons and messages no longer read as pairs."""
    page.set_viewport_size({"width": 820, "height": 900})
    open_by_path(page, po_copy)
    page.locator("section[data-testid='stSidebar']").get_by_text("Proofread").click()
    jumps = page.locator(".st-key-findings_box button:visible")
    jumps.first.wait_for()
    rows = jumps.first.evaluate("""() => [...document.querySelectorAll(
        '.st-key-findings_box [class*="st-key-jump_"]')].map(cell => {
          const b = cell.getBoundingClientRect(), text = cell.nextElementSibling.getBoundingClientRect();
          return {button_bottom: b.bottom, text_top: text.top, text_left: text.left, button_right: b.right,
                  tall: text.height > b.height}; })""")
    assert rows and any(r["tall"] for r in rows), "a message should take more than one line here"
    for r in rows:
        assert r["text_top"] < r["button_bottom"] and r["text_left"] >= r["button_right"], r


def test_what_the_aligner_warned_about_is_on_the_page(page, tmp_path):
    """A file saved half in UTF-8, half in Latin-1: `alignment align` says each part was read in
    its own encoding; the reader says so too, above the text, until the person hides it."""
    de, fr = tmp_path / "muehle.txt", tmp_path / "moulin.txt"
    de.write_bytes(DE_ONE.encode("utf-8") + "\n\nDie Brücke über den Fluß war alt.\n".encode("latin-1"))
    fr.write_text(FR_ONE + "\n\nLe pont sur la rivière était vieux.\n", encoding="utf-8")
    upload_pair(page, de, fr)
    expect(page.locator(".st-key-lang_tgt input")).to_have_value("fr")
    align = page.get_by_role("button", name="Align", exact=True)
    align.scroll_into_view_if_needed()
    align.click()
    expect(reader_table(page).locator("tr.row").first).to_contain_text("Die alte Mühle", timeout=90_000)
    notes = page.locator(".st-key-notes_box")
    expect(notes).to_contain_text("1 note on this alignment")
    expect(notes).to_contain_text("mixes UTF-8 with Latin-1")
    expect(reader_table(page)).to_contain_text("Die Brücke über den Fluß war alt.")  # read right
    notes.get_by_role("button", name="Hide").click()
    expect(page.locator(".st-key-notes_box")).to_have_count(0)


def test_a_file_with_no_text_is_refused_by_its_own_name(page, tmp_path):
    """The error names the file the person uploaded, not the temp folder it was stored in, and
    no empty progress bar hangs above it."""
    de, empty = tmp_path / "muehle.txt", tmp_path / "leer.html"
    de.write_text(DE_ONE, encoding="utf-8")
    empty.write_text("<html><body><p>  </p><script>var x;</script></body></html>", encoding="utf-8")
    upload_pair(page, de, empty)
    align = page.get_by_role("button", name="Align", exact=True)
    align.scroll_into_view_if_needed()
    align.click()
    error = page.get_by_text(re.compile(r"^leer\.html: no text found"))
    expect(error).to_be_visible(timeout=60_000)
    expect(page.get_by_text("alignment-upload-")).to_have_count(0)
    settle(page)
    assert page.locator("[data-testid=stProgress]").count() == 0


def test_dismiss_a_finding_save_reopen_and_restore_it(page, po_copy):
    """A proofreader judges a finding no problem: '✕' hides it (an unsaved change, undone by
    Undo), Save writes it into the PO, the reopened text does not show it again; 'Show
    dismissed findings' lists it, and '↺' shows it again."""
    open_by_path(page, po_copy)
    page.locator("section[data-testid='stSidebar']").get_by_text("Proofread").click()
    heading = page.get_by_text(re.compile(r"Proofreading: [\d,]+ findings?$"))
    expect(heading).to_be_visible(timeout=60_000)
    count = lambda: int(re.search(r"([\d,]+) finding", heading.inner_text()).group(1).replace(",", ""))
    shown = count()
    box = page.locator(".st-key-findings_box")
    said = box.locator("[data-testid='stMarkdownContainer']:has(code)").first.inner_text()
    same = lambda where: where.get_by_text(said, exact=True)   # the finding's words
    before = same(box).count()
    box.get_by_role("button", name=re.compile(r"^Dismiss finding")).first.click()
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    expect(same(box)).to_have_count(before - 1)
    assert count() == shown - 1
    expect(page.get_by_text("Show dismissed findings (1)")).to_be_visible()
    reader_table(page).click()   # the keys go to the page
    page.keyboard.press("Control+z")
    expect(same(box)).to_have_count(before)
    expect(page.get_by_text("Show dismissed findings (1)")).to_have_count(0)
    box.get_by_role("button", name=re.compile(r"^Dismiss finding")).first.click()
    expect(page.get_by_text("Show dismissed findings (1)")).to_be_visible()
    page.locator(".st-key-save button").click()
    expect(page.get_by_text("1 unsaved change")).to_have_count(0)
    assert "#. dismissed: " in po_copy.read_text(encoding="utf-8")
    page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close").click()
    open_by_path(page, po_copy)
    page.locator("section[data-testid='stSidebar']").get_by_text("Proofread").click()
    expect(heading).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Show dismissed findings (1)")).to_be_visible()
    assert count() == shown - 1
    expect(same(box)).to_have_count(before - 1)
    page.get_by_text("Show dismissed findings (1)").click()
    gone = page.locator(".st-key-dismissed_box")
    expect(same(gone)).to_have_count(1)
    gone.get_by_role("button", name=re.compile(r"^Show dismissed finding")).click()
    expect(same(box)).to_have_count(before)
    expect(page.get_by_text("Show dismissed findings")).to_have_count(0)
    assert count() == shown


def test_a_button_pressed_right_after_a_link_number_is_typed_acts_on_that_link(page, po_copy):
    """'2' typed in "Link (the blue row)", then "Mark reviewed" pressed at once (no Enter):
    the button kept the link of the page it was drawn on and marked link 1, which a save then
    kept; under load the same happened after Enter (this file's draft journey, 1 run in 10)."""
    open_by_path(page, po_copy)
    open_editor(page)
    page.get_by_label("Link (the blue row)").fill("2")
    page.get_by_role("button", name="✓ Mark reviewed").click()
    caption = page.get_by_text(re.compile(r"journey\.po · 1 unsaved change"))
    expect(caption).to_be_visible()
    expect(page.get_by_label("Link (the blue row)")).to_have_value("2")
    expect(page.get_by_role("button", name="Unmark reviewed")).to_be_visible()
    page.locator(".st-key-save button").click()
    expect(caption).to_have_count(0)
    from alignment.po import read_po
    links = read_po(po_copy).alignment.links
    assert links[1].reviewed and not links[0].reviewed


def test_an_earlier_sessions_draft_outlives_work_on_the_reopened_text(page, po_copy):
    """A reload (or a crash) leaves a draft; the person opens the file again by its path,
    leaves the recovery question unanswered, corrects another link and saves. The earlier
    session's correction used to go: the new session's draft replaced it on disk, and the
    save deleted that. It stays until the person answers, and the start page still offers it."""
    open_by_path(page, po_copy)
    open_editor(page)
    page.get_by_label("Edit the target sentence").fill("Typed in the earlier session.")
    page.get_by_role("button", name="Apply edit").click()
    expect(row(page, 1)).to_contain_text("Typed in the earlier session.")
    page.reload()   # the session is gone
    open_by_path(page, po_copy)   # not "Open and recover"
    expect(page.get_by_text("kept from an earlier session")).to_be_visible()
    open_editor(page)
    page.get_by_label("Link (the blue row)").fill("2")
    page.get_by_label("Link (the blue row)").press("Enter")
    expect(page.get_by_label("Link (the blue row)")).to_have_value("2")
    page.get_by_role("button", name="✓ Mark reviewed").click()
    caption = page.get_by_text(re.compile(r"journey\.po · 1 unsaved change"))
    expect(caption).to_be_visible()
    page.locator(".st-key-save button").click()
    expect(caption).to_have_count(0)
    page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close").click()
    offer = page.locator("[data-testid='stHorizontalBlock']", has_text=str(po_copy)).last
    expect(offer).to_contain_text("1 unsaved change to journey.po")
    offer.get_by_role("button", name="Open and recover").click()
    expect(row(page, 1)).to_contain_text("Typed in the earlier session.")
    from alignment.po import read_po
    assert read_po(po_copy).alignment.links[1].reviewed   # and the later session's save stays


def test_italics_show_in_the_reader_outlive_a_correction_and_reach_the_downloads(page, po_copy):
    """A text read with its italics (a novel's emphasis, a paper's name): the reader shows
    them, a correction typed in the sentence keeps them on the words it keeps, and the
    saved PO and the HTML download still have them (testers found every italic lost)."""
    from alignment.po import read_po, write_po

    bitext = read_po(po_copy)
    text = bitext.tgt[1].text   # 'The stone bridge of Saint-Aubin has spanned the Vire ...'
    at = text.index("the Vire")
    tgt = list(bitext.tgt)
    tgt[1] = replace(tgt[1], italics=((at + 4, at + 8),))
    write_po(replace(bitext, tgt=tuple(tgt)), po_copy, overwrite_edited=True)
    open_by_path(page, po_copy)
    expect(row(page, 2).locator("td.tgt i")).to_have_text("Vire")
    choose_link(page, 2)
    box = page.get_by_label("Edit the target sentence")
    expect(box).to_have_value(text)
    box.click()
    page.keyboard.press("End")
    page.keyboard.type(" Corrected.")
    page.get_by_role("button", name="Apply edit").click()
    expect(row(page, 2)).to_contain_text("Corrected.")
    expect(row(page, 2).locator("td.tgt i")).to_have_text("Vire")
    expect(page.get_by_text("1 unsaved change")).to_be_visible()
    page.keyboard.press("Control+s")
    settle(page)
    expect(page.get_by_text("unsaved change")).to_have_count(0, timeout=15_000)
    saved = read_po(po_copy).tgt[1]
    assert saved.text == text + " Corrected." and saved.text[slice(*saved.italics[0])] == "Vire"
    html = Path(click_download(page, "HTML").path()).read_text(encoding="utf-8")
    assert "<i>Vire</i>" in html


def test_two_files_with_italics_aligned_in_the_app_show_them(page, tmp_path):
    """A Markdown original and a Word translation, each with a word in italics, uploaded and
    aligned: the reader shows both italic words, as the files have them."""
    import docx

    fr, en = tmp_path / "pont.md", tmp_path / "bridge.docx"
    fr.write_text("# Le pont\n\nIl lisait *Le Monde* sur le vieux pont.\n\nLa rivière coulait.\n",
                  encoding="utf-8")
    doc = docx.Document()
    doc.add_heading("The bridge", level=1)
    p = doc.add_paragraph("He was reading ")
    p.add_run("Le Monde").italic = True
    p.add_run(" on the old bridge.")
    doc.add_paragraph("The river flowed.")
    doc.save(str(en))
    upload_pair(page, fr, en)
    align = page.get_by_role("button", name="Align", exact=True)
    align.scroll_into_view_if_needed()
    align.click()
    first = reader_table(page).locator("tr.row", has_text="Il lisait")
    expect(first).to_contain_text("He was reading Le Monde on the old bridge.", timeout=90_000)
    expect(first.locator("td.src i")).to_have_text("Le Monde")
    expect(first.locator("td.tgt i")).to_have_text("Le Monde")
