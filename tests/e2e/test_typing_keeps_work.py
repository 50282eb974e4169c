"""Keys typed in a text field, and text typed but not applied: nothing a person typed is lost.

Each journey is a report from a proofreader who lost work: Ctrl+Z in the correction box
undid the last applied correction; Ctrl+S there saved the file without the typed text;
Close threw the typed text away; "Merge with previous" left the selection on the next,
unrelated link.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import (OMISSION, choose_link, long_bitext, once_drawn, open_by_path, reader_table,
                         server_hears_late, settle)

pytestmark = pytest.mark.e2e


def row(page, n: int):
    return reader_table(page).locator(f"tr#link-{n}")


def open_editor(page) -> None:
    page.get_by_text("Correct a link").click()
    page.get_by_label("Edit the target sentence").wait_for()
    settle(page)


def type_in_editor(page, text: str) -> None:
    once_drawn(page, page.get_by_label("Edit the target sentence").click)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def typed_not_applied(page, po_copy):
    """The correction box holding 'Typed, not applied.', and the list of the questions the
    page asks from now on (each answered Cancel)."""
    open_by_path(page, po_copy)
    open_editor(page)
    type_in_editor(page, "Typed, not applied.")
    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    return page.get_by_label("Edit the target sentence"), asked


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_ctrl_z_in_a_text_field_undoes_the_typing_not_a_correction(page, po_copy):
    open_by_path(page, po_copy)
    open_editor(page)
    type_in_editor(page, "An applied correction.")
    page.get_by_role("button", name="Apply edit").click()
    expect(row(page, 1)).to_contain_text("An applied correction.")
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    settle(page)
    box = page.get_by_label("Edit the target sentence")
    box.click()
    page.keyboard.press("End")
    page.keyboard.type(" More")
    page.keyboard.press("Control+z")  # the field's own undo
    settle(page, 800)
    expect(row(page, 1)).to_contain_text("An applied correction.")
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    find = page.locator(".st-key-q input")
    find.click()
    page.keyboard.type("pont")
    page.keyboard.press("Control+z")
    page.keyboard.press("Control+y")
    settle(page, 800)
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.message), d.accept()))
    reader_table(page).locator("thead").click()  # outside a field (not a row: a row chooses its link) the keys are the app's Undo, as before
    page.keyboard.press("Control+z")
    expect(page.get_by_text("1 unsaved change")).to_have_count(0)
    assert len(asked) == 1, asked  # the box held 'Mor', typed and not applied: asked first


def test_ctrl_s_in_the_correction_box_applies_then_saves(page, po_copy):
    from alignment.po import read_po

    open_by_path(page, po_copy)
    open_editor(page)
    type_in_editor(page, "Saved with Ctrl+S,")
    page.keyboard.press("Shift+Enter")   # a line break: the sentence is kept one line, and said
    page.keyboard.type("never applied by hand.")
    page.keyboard.press("Control+s")
    expect(row(page, 1)).to_contain_text("Saved with Ctrl+S, never applied by hand.")
    expect(page.get_by_text("Applied to link 1; its line break was made a space")).to_be_visible()
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    saved = read_po(po_copy)
    first = saved.alignment.links[0]
    assert saved.tgt[first.tgt[0]].text == "Saved with Ctrl+S, never applied by hand."


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_closing_with_typed_text_not_applied_asks_first(page, po_copy):
    open_by_path(page, po_copy)
    open_editor(page)
    type_in_editor(page, "Typed, not applied.")
    asked: list[str] = []

    def answer(dialog, accept: bool) -> None:
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda d: answer(d, False))
    close = page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close")
    close.click()
    settle(page)
    assert asked and "not applied" in asked[0]
    expect(page.get_by_label("Edit the target sentence")).to_have_value("Typed, not applied.")
    page.once("dialog", lambda d: answer(d, True))
    close.click()
    expect(page.get_by_text("Align new texts")).to_be_visible()  # the start page: the person chose


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_close_clicked_again_right_after_refusing_asks_again(page, po_copy):
    """Close, "Cancel" on the question, then Close again at once: the second click was taken
    for the first one's echo (an option's text and its label give one gesture two clicks) when
    it came within 0.4 s of the answer, and stopped without a question. On a loaded machine the
    answer itself came late, and the journey above waited 45 s for the start page."""
    open_by_path(page, po_copy)
    open_editor(page)
    type_in_editor(page, "Typed, not applied.")
    asked: list[str] = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    close = page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close")
    close.click()
    page.once("dialog", lambda d: (asked.append(d.message), d.accept()))
    close.click()   # within 0.4 s of the answer
    expect(page.get_by_text("Align new texts")).to_be_visible()
    assert len(asked) == 2 and all("not applied" in m for m in asked)


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_close_right_after_apply_and_save_asks_nothing_and_keeps_the_correction(page, tmp_path):
    """A proofreader clicked "Apply and save", then Close before the page came back: Close
    asked whether to drop the typed text, which was on its way to the file already. On a long
    text the save takes a while, and Close came while it ran: Close asked about an unsaved
    change, and "Save and close" then said another program had changed the file (the save
    was cut off after writing the PO, before keeping its new fingerprint)."""
    from alignment.po import write_po

    path = tmp_path / "long.po"
    write_po(long_bitext(5000), path)   # saving takes about half a second
    open_by_path(page, path)
    open_editor(page)
    type_in_editor(page, "Applied, saved, then closed at once.")
    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    # Close 150 ms after, as a quick hand does: the server is still saving
    page.evaluate("""() => {
        document.querySelector('.st-key-apply_save button').click();
        setTimeout(() => document.querySelector('.st-key-close button').click(), 150); }""")
    expect(page.get_by_text("Align new texts")).to_be_visible()
    assert asked == []
    assert "Applied, saved, then closed at once." in path.read_text(encoding="utf-8")


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_a_correction_that_replaces_the_typed_text_asks_first(page, po_copy):
    """A proofreader typed a correction, then clicked "Merge with next" (or Undo, or "Mark
    reviewed") before Apply: the typed text was gone, without a word."""
    box, asked = typed_not_applied(page, po_copy)
    page.get_by_role("button", name="✓ Mark reviewed").click()   # the sentences stay: no question
    expect(page.get_by_role("button", name="Unmark reviewed")).to_be_visible()
    settle(page)
    assert asked == []
    expect(box).to_have_value("Typed, not applied.")
    before = " ".join(row(page, 1).text_content().split())
    page.get_by_role("button", name="⤓ Merge with next").click()
    settle(page)
    assert len(asked) == 1 and "not applied" in asked[0], asked
    assert " ".join(row(page, 1).text_content().split()) == before   # not merged
    reader_table(page).locator("thead").click()   # outside a field (not a row), Ctrl+Z is the app's Undo
    page.keyboard.press("Control+z")
    settle(page)
    assert len(asked) == 2, asked
    expect(page.get_by_role("button", name="Unmark reviewed")).to_be_visible()   # not undone
    expect(box).to_have_value("Typed, not applied.")


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_switching_to_learn_asks_before_the_typed_text_goes(page, po_copy):
    """Learn draws no correction box: a click on it threw the typed text away, and Read showed
    the link's old sentence again. Now it asks; Proofread, which keeps the box, asks nothing,
    and the box drawn anew there is still guarded (Close asked nothing after it before)."""
    box, asked = typed_not_applied(page, po_copy)
    mode = page.locator("section[data-testid='stSidebar'] .st-key-mode")
    mode.get_by_text("Proofread", exact=True).click()
    expect(page.get_by_text(re.compile(r"Proofreading"))).to_be_visible()
    settle(page)
    assert asked == []
    expect(box).to_have_value("Typed, not applied.")
    mode.get_by_text("Learn", exact=True).click()
    settle(page)
    assert len(asked) == 1 and "not applied" in asked[0], asked
    expect(page.get_by_text(re.compile(r"Sentence \d+ of \d+"))).to_have_count(0)   # still not Learn
    expect(box).to_have_value("Typed, not applied.")
    page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close").click()
    settle(page)
    assert len(asked) == 2, asked
    expect(box).to_have_value("Typed, not applied.")
    # Close at once after a refused switch to Learn asks too: an answer is reused only by the
    # same click's second event (it was taken for Close's, which was stopped without a word)
    mode.get_by_text("Learn", exact=True).click()
    page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close").click()
    settle(page)
    assert len(asked) == 4, asked
    expect(box).to_have_value("Typed, not applied.")


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_the_link_box_keeps_the_link_and_the_typing_when_asked_no(page, po_copy):
    """A proofreader's report: typing not applied, the "+" of "Link (the blue row)" clicked and
    the question answered Cancel: the next link came all the same, and the typing was gone.
    Another number typed in the box, Enter, Cancel: the box kept that number, and the next
    click elsewhere (leaving the box applies its number) moved there without a word. Now the
    box is put back to its link, and leaving it with another number asks first. Answered OK,
    the "+" goes to the next link, once: the question, asked while the button was held down,
    took the release (the person let go of the mouse on its OK), and the link stayed."""
    open_by_path(page, po_copy)
    open_editor(page)
    type_in_editor(page, "Typed, not applied.")
    box, number = page.get_by_label("Edit the target sentence"), page.get_by_label("Link (the blue row)")
    asked: list[str] = []
    yes: list[bool] = []   # the answers to give, Cancel once they are used up
    page.on("dialog", lambda d: (asked.append(d.message), d.accept() if yes and yes.pop() else d.dismiss()))
    page.get_by_test_id("stNumberInputStepUp").click()
    settle(page)
    assert len(asked) == 1 and "not applied" in asked[0], asked
    expect(number).to_have_value("1")
    expect(box).to_have_value("Typed, not applied.")
    for leave in ("Enter", "Tab", None):   # None: the box left with 4 in it
        number.click()
        page.keyboard.press("Control+A")
        page.keyboard.type("4")
        if leave:
            page.keyboard.press(leave)
            settle(page)
            expect(number).to_have_value("1")   # put back
            expect(page.get_by_text("Press Enter to apply")).to_have_count(0)
        reader_table(page).locator("thead").click()   # leaves the box
        settle(page)
        expect(number).to_have_value("1")
        expect(row(page, 1)).to_have_class(re.compile(r"\bcurrent\b"))
        expect(box).to_have_value("Typed, not applied.")
    assert len(asked) == 4, asked
    yes.append(True)   # answered yes, the "+" goes to the next link, asking once
    plus = page.get_by_test_id("stNumberInputStepUp")
    plus.scroll_into_view_if_needed()
    plus = plus.bounding_box()
    page.mouse.move(plus["x"] + plus["width"] / 2, plus["y"] + plus["height"] / 2)
    page.mouse.down()
    page.mouse.move(700, 120)   # let go on the question's OK, away from the "+"
    page.mouse.up()
    expect(number).to_have_value("2")
    expect(row(page, 2)).to_have_class(re.compile(r"\bcurrent\b"))
    settle(page)
    assert len(asked) == 5, asked
    type_in_editor(page, "Typed again, not applied.")
    yes.append(True)   # the click itself reaching the "+" after the question: one step still
    page.get_by_test_id("stNumberInputStepUp").click()
    expect(number).to_have_value("3")
    settle(page, 1_000)
    expect(number).to_have_value("3")
    expect(row(page, 3)).to_have_class(re.compile(r"\bcurrent\b"))
    assert len(asked) == 6, asked


def test_merge_with_previous_keeps_the_merged_link_selected(page, po_copy):
    open_by_path(page, po_copy)
    open_editor(page)
    number = page.get_by_label("Link (the blue row)")
    number.fill("3")
    number.press("Enter")
    expect(number).to_have_value("3")
    settle(page)
    before = " ".join(row(page, 2).text_content().split())
    page.get_by_role("button", name="⤒ Merge with previous").click()
    expect(row(page, 2)).not_to_have_text(before)
    expect(number).to_have_value("2")  # the merged link, not the next one


def test_the_missing_translation_of_an_omission_is_typed_in_place(page, po_copy):
    from alignment.po import read_po

    open_by_path(page, po_copy)
    page.get_by_text("Correct a link").click()
    number = page.get_by_label("Link (the blue row)")
    number.fill(str(OMISSION + 1))   # the 1-0 link: a sentence the translation left out
    number.press("Enter")
    box = page.get_by_label("Type the missing translation")
    box.click()
    page.keyboard.type("The sentence the translator left out.")
    page.keyboard.press("Control+s")   # add, then save
    expect(row(page, OMISSION + 1)).to_contain_text("The sentence the translator left out.")
    expect(row(page, OMISSION + 1).locator("td.empty")).to_have_count(0)
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    saved = read_po(po_copy)
    assert saved.link_text(OMISSION, "tgt") == "The sentence the translator left out."


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_a_proofreader_goes_from_one_link_to_review_to_the_next(page, po_copy):
    """Reviewing the aligner's doubtful links meant finding each tinted row and typing its
    number. 'Next to review' and '✓ Reviewed, next' go from one to the next; one that would
    replace a typed, unapplied correction asks first."""
    open_by_path(page, po_copy)
    caption = page.get_by_text(re.compile(r"links · \d+ to review"))
    to_review = lambda: int(re.search(r"(\d+) to review", caption.inner_text()).group(1))
    before = to_review()
    open_editor(page)
    number = page.get_by_label("Link (the blue row)")
    expect(number).to_have_value("1")
    page.get_by_role("button", name="Next to review ▶").click()
    expect(number).to_have_value(str(OMISSION + 1))   # the first link to review (1-based)
    settle(page)
    page.get_by_role("button", name="✓ Reviewed, next ▶").click()
    expect(number).to_have_value(str(OMISSION + 2))
    expect(row(page, OMISSION + 1).locator(".ok")).to_be_visible()   # marked reviewed
    expect(caption).to_contain_text(f"{before - 1} to review")
    # none before it is left to review: the one just reviewed is not offered again
    expect(page.get_by_role("button", name="◀ Previous to review")).to_be_disabled()
    settle(page)
    type_in_editor(page, "Typed, not applied.")
    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Next to review ▶").click()
    page.wait_for_timeout(1_000)
    assert len(asked) == 1 and "not applied" in asked[0]
    expect(number).to_have_value(str(OMISSION + 2))   # Cancel: still here, the typing kept
    expect(page.get_by_label("Edit the target sentence")).to_have_value("Typed, not applied.")


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_close_after_ctrl_s_in_the_box_asks_nothing(page, po_copy):
    """Ctrl+S in the correction box applied and saved; Close then asked "The text typed ... is
    not applied. Leave it and lose it?" (3 runs in 4 on a busy machine), and Cancel left a
    scholar in the pair with no way back to the set but a reload: the box drawn anew after the
    save was focused (keyboard users' focus kept) while still empty, and the guard took that
    empty text for the one the page gave. (Once: it failed 2 runs in 3 before the fix.)"""
    open_by_path(page, po_copy)
    open_editor(page)
    type_in_editor(page, "Saved with Ctrl+S, then closed.")
    page.keyboard.press("Control+s")
    expect(row(page, 1)).to_contain_text("Saved with Ctrl+S, then closed.")
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    settle(page, 1500)
    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close").click()
    expect(page.get_by_text("Align new texts")).to_be_visible()
    assert asked == []


# The correction panel's "Target sentence" selector, as a reviser uses it with the mouse and
# keys: going from one link with several target sentences to another, the closed selector kept
# the previous link's sentence ("1: Il se fit quelques instants de silence.") while the box below
# held the new link's, so he could not tell which sentence he was editing.

# links 1, 3 and 5 hold several target sentences; the first sentences differ from link to link
TGT = {1: ["Il se fit quelques instants de silence.", "Puis la pluie reprit."],
       2: ["Le chat dormait."],
       3: ["Marie ouvrit la porte.", "Le vent entra.", "Elle eut froid."],
       4: ["Le train partit."],
       5: ["Paul riait.", "Personne ne savait pourquoi."]}


def write_text(path: Path) -> None:
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    src, tgt, links = [], [], []
    for n, sentences in TGT.items():
        src.append(Sentence(f"Source sentence of link {n}.", n))
        first = len(tgt)
        tgt.extend(Sentence(text, n) for text in sentences)
        links.append(Link((n - 1,), tuple(range(first, len(tgt))), 0.6))
    write_po(Bitext(tuple(src), tuple(tgt), Alignment(tuple(links)), "en", "fr"), path)


def shown(page) -> tuple[str, str]:
    """What the closed selector shows and what the correction box holds."""
    combo = page.get_by_role("combobox", name="Target sentence")
    return combo.input_value(), page.get_by_label("Edit the target sentence").input_value()


def expect_sentence(page, link: int, k: int, text: str | None = None) -> None:
    """The selector shows sentence k of `link` and the box holds that very sentence."""
    text = text or TGT[link][k - 1]
    expect(page.get_by_label("Edit the target sentence")).to_have_value(text)
    expect(page.get_by_role("combobox", name="Target sentence")).to_have_value(f"{k}: {text}")


def choose_sentence(page, k: int) -> None:
    """Open the selector with the mouse and click the sentence's option."""
    page.get_by_role("combobox", name="Target sentence").click()
    page.get_by_role("option").nth(k - 1).click()
    settle(page)


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_the_target_sentence_selector_follows_the_link_and_keeps_typing(page, tmp_path):
    po = tmp_path / "silence.po"
    write_text(po)
    open_by_path(page, po)
    for link in (1, 3, 1, 5, 3):   # from one link with several sentences to another
        choose_link(page, link)
        expect_sentence(page, link, 1)
    choose_sentence(page, 2)
    expect_sentence(page, 3, 2)
    choose_link(page, 2)   # one sentence: no selector
    expect(page.get_by_role("combobox", name="Target sentence")).to_have_count(0)
    choose_link(page, 3)   # another link in between: it starts again at its first sentence
    expect_sentence(page, 3, 1)
    choose_sentence(page, 3)

    box = page.get_by_label("Edit the target sentence")
    box.click()
    page.keyboard.press("End")
    page.keyboard.type(" Très froid.")
    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.get_by_role("button", name="✓ Mark reviewed").click()   # the sentences stay: kept
    expect(page.get_by_role("button", name="Unmark reviewed")).to_be_visible()
    settle(page)
    assert asked == []
    assert shown(page) == ("3: Elle eut froid.", "Elle eut froid. Très froid.")
    reader_table(page).locator("tr#link-5").click()   # another link: the guard asks first
    settle(page)
    assert len(asked) == 1 and "not applied" in asked[0], asked
    assert shown(page) == ("3: Elle eut froid.", "Elle eut froid. Très froid.")

    page.get_by_role("button", name="Apply edit").click()   # the label follows the new text
    settle(page)
    expect_sentence(page, 3, 3, "Elle eut froid. Très froid.")
    choose_link(page, 1)
    expect_sentence(page, 1, 1)


def test_ctrl_s_pressed_while_an_action_is_drawn_saves_once_it_is_done(page, po_copy):
    """A translator pressed Enter on "✓ Mark reviewed", then Ctrl+S at once: Save was still
    disabled (the page not yet drawn again), the key did nothing, 6 times in 6, and only
    "1 unsaved change" said so. Now the save waits for the action, then happens; also where
    the server begins the action's run a second after the key, as a busy one does (the wait
    was given up 0.5 s after the key, before the run had begun)."""
    from alignment.po import read_po

    open_by_path(page, po_copy)
    choose_link(page, 2)
    page.locator(".st-key-review button").focus()
    server_hears_late(page, 1_500)
    page.keyboard.press("Enter")
    page.keyboard.press("Control+s")   # before the page is drawn again
    expect(page.get_by_role("button", name="Unmark reviewed")).to_be_visible()
    settle(page, 1_500)
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    assert read_po(po_copy).alignment.links[1].reviewed


def sure_links(tmp_path: Path, n: int) -> Path:
    """A PO of n links the aligner was sure of (none 'to review'), none reviewed."""
    from alignment.po import write_po

    path = tmp_path / "sure.po"
    write_po(long_bitext(n), path)
    return path


def test_not_reviewed_yet_walks_every_unread_link_and_says_when_none_is_left(page, tmp_path):
    """A reviser with 0 doubtful links but every link unread could not walk them: "To review
    (fuzzy) only" listed none, "✓ Reviewed, next" went nowhere, and from a later link it said
    "the last link … after this point" while earlier ones were left. Now "Not reviewed yet"
    lists them, the walk goes through them and back to the first one left, and its end is
    said, the focus kept on the page."""
    open_by_path(page, sure_links(tmp_path, 3))
    page.locator("section[data-testid='stSidebar']").get_by_text("Not reviewed yet").click()
    settle(page)
    expect(reader_table(page).locator("tr.row")).to_have_count(3)
    choose_link(page, 2)
    number = page.get_by_label("Link (the blue row)")
    walk = page.get_by_role("button", name="✓ Reviewed, next ▶")
    for then, said in ((3, None), (1, "No link left to review after link 3: back to link 1."),
                       (1, "All links reviewed.")):
        walk.focus()
        page.keyboard.press("Enter")
        expect(number).to_have_value(str(then))
        if said:
            expect(page.get_by_text(said, exact=True)).to_be_visible()
        settle(page, 800)
    expect(reader_table(page).locator("tr.row")).to_have_count(0)
    expect(page.get_by_text("All links reviewed: none is left")).to_be_visible()
    assert page.evaluate("document.activeElement.tagName") not in ("BODY", None)


def test_f3_and_enter_in_find_go_from_match_to_match_and_keep_the_search(page, tmp_path):
    """With a search on, no key went to the next hit: ArrowUp in the Link box went to the next
    link, which the search hides, and the search was cleared. Now Enter in the Find box (its
    text applied) and F3 go to the next link found, Shift+F3 to the one before."""
    open_by_path(page, sure_links(tmp_path, 12))   # 'number 1' is in links 2, 11 and 12
    find = page.locator(".st-key-q input")
    find.click()
    page.keyboard.type("number 1")
    page.keyboard.press("Enter")
    expect(reader_table(page).locator("tr.row")).to_have_count(3)
    settle(page)
    number = page.get_by_label("Link (the blue row)")
    for key, then in (("Enter", 2), ("F3", 11), ("F3", 12), ("Shift+F3", 11), ("Shift+Enter", 2)):
        page.keyboard.press(key)
        expect(number).to_have_value(str(then))
        expect(row(page, then)).to_have_class(re.compile(r"\bcurrent\b"))
        settle(page)
    expect(find).to_have_value("number 1")
    expect(reader_table(page).locator("tr.row")).to_have_count(3)


def test_f2_puts_the_focus_in_the_correction_box(page, po_copy):
    """A translator counted Tabs from the Link box to the correction box: 8 to 11, as the
    link's buttons are enabled or not, and a count one off pressed a button. F2 goes there,
    the panel opened first where it is closed."""
    open_by_path(page, po_copy)
    page.keyboard.press("F2")
    box = page.get_by_label("Edit the target sentence")
    expect(box).to_be_focused()
    choose_link(page, 3)   # the focus in the Link box
    page.keyboard.press("F2")
    expect(box).to_be_focused()
    page.keyboard.press("End")
    page.keyboard.type(" [F2]")
    page.keyboard.press("Control+Enter")
    expect(row(page, 3)).to_contain_text("[F2]")
