"""In Chromium, with clicks and keys: nothing a person typed or corrected is lost. A draft is
discarded only when asked twice; the draft of a text open in another tab is not offered as left
over; a draft recovered over a file changed since is made again on top of it; word links found
on disk meanwhile keep the 'reviewed' marks; a control character is refused when applied; a
version a reload set aside counts alike on the start page, in the reader's box and recovered,
and, kept in no draft, leaving the page asks first until a save holds it.

One streamlit server for the module (tests/e2e/conftest.py); the PO is the fixture (the sample
aligned with the hashing embedder).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import (choose_link, drafts_unwritable, once_drawn, open_by_path, reader_table,
                         settle)
from test_saving_reload import correct_link, row, sidebar

pytestmark = pytest.mark.e2e

DISK = ("Some of these marks can still be seen on the parapet.", "Changed by hand on disk.")


def offer(page, po: Path):
    """The start page's line for the drafts of `po`."""
    return page.locator("[data-testid='stHorizontalBlock']", has_text=str(po)).last


def offers(page, po: Path):
    """Every line of the start page offering unsaved corrections to `po` (other journeys'
    drafts may be listed too: the server is shared)."""
    return page.locator("[data-testid='stHorizontalBlock']", has_text=str(po)).filter(
        has_text="unsaved change")


def draft_files(home: Path, po: Path) -> list[str]:
    """The draft files on disk of `po`, whichever tab wrote them."""
    from alignment import drafts

    return [d.file for d in drafts.drafts_of(po, home / "xdg" / "alignment" / "drafts")]


def press_save(page) -> None:
    reader_table(page).click()   # the keys go to the page, not the correction box
    page.keyboard.press("Control+s")


def test_discard_on_the_start_page_asks_first(page, po_copy, home):
    """One click on "Discard" deleted the corrections, no question, no undo."""
    open_by_path(page, po_copy)
    correct_link(page, 2, "Kept until discarded twice.")
    page.reload()   # the session is gone: its draft is left over
    line = offer(page, po_copy)
    expect(line).to_contain_text("1 unsaved change to journey.po")
    line.get_by_role("button", name="Discard", exact=True).click()
    expect(line.get_by_role("button", name="Discard for good")).to_be_visible()
    assert len(draft_files(home, po_copy)) == 1   # nothing gone yet
    settle(page)   # the row drawn whole: mid-run, 'Keep it' pressed was 'Discard for good' released
    line.get_by_role("button", name="Keep it").click()
    expect(line.get_by_role("button", name="Discard for good")).to_have_count(0)
    line.get_by_role("button", name="Discard", exact=True).click()
    expect(line.get_by_role("button", name="Discard for good")).to_be_visible()
    settle(page)
    line.get_by_role("button", name="Discard for good").click()
    expect(offers(page, po_copy)).to_have_count(0)
    assert draft_files(home, po_copy) == []


def test_a_draft_of_a_tab_still_open_is_not_offered_as_left_over(page, browser, server, po_copy,
                                                                 home):
    """Tab A corrects a link; tab B's start page offered A's draft to discard (gone with one
    click) and, opening the file, as "kept from an earlier session". Now B says where it is;
    once A is closed, B offers it."""
    other = browser.new_context(viewport={"width": 1400, "height": 900})
    a = other.new_page()
    a.set_default_timeout(45_000)
    a.goto(server)
    open_by_path(a, po_copy)
    correct_link(a, 2, "Typed in tab A.")
    expect(a.get_by_text("1 unsaved change").first).to_be_visible()
    page.reload()
    line = offer(page, po_copy)
    expect(line).to_contain_text("open in another tab")
    expect(line.get_by_role("button")).to_have_count(0)   # neither recover nor discard
    open_by_path(page, po_copy)
    expect(page.get_by_text(re.compile("open in another tab too, with 1 unsaved change"))).to_be_visible()
    expect(page.get_by_text(re.compile("kept from an earlier session"))).to_have_count(0)
    expect(row(page, 2)).not_to_contain_text("Typed in tab A.")
    assert len(draft_files(home, po_copy)) == 1   # A's, untouched
    other.close()   # tab A closed without saving: its draft is now left over
    page.wait_for_timeout(500)
    page.reload()
    line = offer(page, po_copy)
    line.get_by_role("button", name="Open and recover").click()
    expect(row(page, 2)).to_contain_text("Typed in tab A.")


def test_a_draft_recovered_over_a_file_changed_since_is_made_again_on_it(page, po_copy):
    """The draft corrects link 2, the file was changed by hand at link 11 meanwhile: recovery
    says the file is newer, Save says the file changed since the corrections were made (not
    "since it was opened", seconds ago), and Reload makes the correction again on top of the
    change (it said they touched what changed there); Save then writes both."""
    from alignment.po import read_po

    open_by_path(page, po_copy)
    correct_link(page, 2, "Corrected in the draft.")
    page.reload()
    po_copy.write_text(po_copy.read_text(encoding="utf-8").replace(*DISK, 1), encoding="utf-8")
    offer(page, po_copy).get_by_role("button", name="Open and recover").click()
    expect(row(page, 2)).to_contain_text("Corrected in the draft.")
    expect(page.get_by_text(re.compile("has changed on disk since this correction was made"))
           ).to_be_visible()
    press_save(page)
    expect(page.get_by_text(re.compile("changed on disk since these corrections were made"))
           ).to_be_visible()
    page.get_by_role("button", name=re.compile("Reload from disk")).click()
    expect(page.get_by_text(re.compile("made your corrections again on top"))).to_be_visible()
    expect(row(page, 2)).to_contain_text("Corrected in the draft.")
    expect(row(page, 11)).to_contain_text(DISK[1])
    settle(page)
    press_save(page)
    expect(page.get_by_text("1 unsaved change")).to_have_count(0)
    saved = read_po(po_copy)
    assert (saved.link_text(1, "tgt"), saved.link_text(10, "tgt")) == \
        ("Corrected in the draft.", DISK[1])


def words_on_disk(path: Path) -> None:
    """What `alignment words` does to the file: a word link on each 1-1 link, nothing else
    changed, the file's checksum kept."""
    from alignment.po import file_fingerprint, read_po, save_po
    from alignment.types import WordLink

    bitext = read_po(path)
    links = tuple(replace(x, words=(WordLink(0, 0),)) if x.src and x.tgt else x
                  for x in bitext.alignment.links)
    save_po(replace(bitext, alignment=replace(bitext.alignment, links=links)), path,
            expected_fingerprint=file_fingerprint(path), mark_edited=False)


def test_word_links_found_on_disk_meanwhile_keep_the_reviewed_marks(page, po_copy):
    """Two corrections, then word links found on the file by another program: Reload said the
    file's version was kept for 2 links (the page showing the person's texts), dropped their
    'reviewed' marks, counted 1 unsaved change, and left a draft on the start page."""
    from alignment.po import read_po

    open_by_path(page, po_copy)
    correct_link(page, 2, "Corrected here, link two.")
    correct_link(page, 6, "Corrected here, link six.")
    words_on_disk(po_copy)
    press_save(page)
    page.get_by_role("button", name=re.compile("Reload from disk")).click()
    expect(page.get_by_text(re.compile("made your corrections again on top of the changes made "
                                       "there: Save keeps both"))).to_be_visible()
    expect(page.get_by_text(re.compile("2 unsaved changes")).first).to_be_visible()
    settle(page)
    press_save(page)
    expect(page.get_by_text(re.compile("unsaved change"))).to_have_count(0)
    saved = read_po(po_copy)
    links = saved.alignment.links
    assert [saved.link_text(k, "tgt") for k in (1, 5)] == ["Corrected here, link two.",
                                                           "Corrected here, link six."]
    assert links[1].reviewed and links[5].reviewed
    assert not links[1].words and links[0].words and links[6].words
    page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close").click()
    expect(page.get_by_text("Align new texts")).to_be_visible()
    expect(offers(page, po_copy)).to_have_count(0)   # no version set aside


def test_a_version_set_aside_goes_once_its_corrections_are_saved(page, po_copy, home):
    """Links 3 and 11 corrected, link 11 changed on disk too: Reload keeps the file's link 11
    and sets the person's version aside as a draft. Saved so, the draft stays (its link 11 is
    in no file); typed again and saved, it goes (it stayed on the start page as unsaved)."""
    open_by_path(page, po_copy)
    correct_link(page, 3, "Mine on three.")
    correct_link(page, 11, "Mine on eleven.")
    po_copy.write_text(po_copy.read_text(encoding="utf-8").replace(*DISK, 1), encoding="utf-8")
    press_save(page)
    page.get_by_role("button", name=re.compile("Reload from disk")).click()
    expect(page.get_by_text(re.compile("but for 1 sentence or link changed there too"))).to_be_visible()
    expect(row(page, 11)).to_contain_text(DISK[1])
    settle(page)
    press_save(page)
    expect(page.get_by_text(re.compile("unsaved change"))).to_have_count(0)
    assert len(draft_files(home, po_copy)) == 1   # link 11 as typed is in no file
    correct_link(page, 11, "Mine on eleven.")
    press_save(page)
    expect(page.get_by_text(re.compile("unsaved change"))).to_have_count(0)
    assert draft_files(home, po_copy) == []


def test_a_control_character_typed_is_refused_when_applied(page, po_copy):
    """A U+0001 pasted into the correction box was applied, then refused by Save, which then
    saved none of the other corrections. Now Apply refuses it, and the text typed stays."""
    open_by_path(page, po_copy)
    choose_link(page, 2)
    box = page.get_by_label("Edit the target sentence")
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text("Typed here\x01 with a stray character.")
    page.get_by_role("button", name="Apply edit").click()
    expect(page.get_by_text(re.compile("control character U\\+0001"))).to_be_visible()
    expect(row(page, 2)).not_to_contain_text("Typed here")
    expect(page.get_by_text(re.compile("unsaved change"))).to_have_count(0)
    assert box.input_value() == "Typed here\x01 with a stray character."


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_save_with_typing_not_applied_applies_it_first(page, po_copy):
    """Text typed in the correction box, not applied, then the toolbar's Save clicked (or
    Ctrl+S with the focus outside the box): it saved without the typed text and said nothing,
    and the person took it for saved. Now it is applied, then saved, as Ctrl+S in the box does;
    with nothing else unsaved, Save is enabled by the typing (it stayed disabled)."""
    from alignment.po import read_po

    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    open_by_path(page, po_copy)
    correct_link(page, 2, "Applied first, link two.")
    for n, text, how in ((3, "Typed, then the Save button.", "click"),
                         (6, "Typed, then Ctrl+S outside the box.", "keys"),
                         (8, "Typed alone, then the Save button.", "click")):   # Save was disabled
        choose_link(page, n)
        once_drawn(page, page.get_by_label("Edit the target sentence").click)
        page.keyboard.press("Control+A")
        page.keyboard.type(text)
        if how == "click":
            page.locator(".st-key-save button").click()
        else:
            page.locator("[data-testid='stMain'] h3").first.click()   # the focus off the box
            page.keyboard.press("Control+s")
        expect(row(page, n)).to_contain_text(text)
        settle(page)
        expect(page.get_by_text(re.compile("unsaved change"))).to_have_count(0)
        assert read_po(po_copy).link_text(n - 1, "tgt") == text
    assert read_po(po_copy).link_text(1, "tgt") == "Applied first, link two."
    assert asked == []   # nothing asked: the typing was kept, not thrown away


def set_aside_one_saved_one(page, po: Path) -> None:
    """Links 3 and 11 corrected, link 11 changed on disk too: Reload sets the person's version
    aside (kept as a draft where one can be written) and Ctrl+S saves link 3 with the file's 11."""
    open_by_path(page, po)
    correct_link(page, 3, "Mine on three.")
    correct_link(page, 11, "Mine on eleven.")
    po.write_text(po.read_text(encoding="utf-8").replace(*DISK, 1), encoding="utf-8")
    press_save(page)
    page.get_by_role("button", name=re.compile("Reload from disk")).click()
    expect(page.get_by_text(re.compile("but for 1 sentence or link changed there too"))).to_be_visible()
    settle(page)
    press_save(page)
    expect(page.get_by_text(re.compile("unsaved change"))).to_have_count(0)


def leaving_asks(page, asked: list[str]) -> bool:
    """F5 as a script does it, the question answered "stay": whether the page asked. Waits for
    whichever comes first, the question or the page loaded again (no question can follow a
    load), not a fixed 1.5 s."""
    import time

    before, loaded = len(asked), []
    on_load = lambda _: loaded.append(True)   # noqa: E731
    page.on("load", on_load)
    try:
        page.evaluate("setTimeout(() => location.reload(), 0)")
        end = time.monotonic() + 30
        while len(asked) == before and not loaded and time.monotonic() < end:
            page.wait_for_timeout(50)
    finally:
        page.remove_listener("load", on_load)
    assert len(asked) > before or loaded, "F5 neither asked nor loaded the page again"
    return len(asked) > before


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_a_version_set_aside_counts_alike_everywhere_and_is_never_lost_unasked(
        page, po_copy, home, tmp_path):
    """1. Link 3 of a version a reload set aside saved since: the start page said "1 unsaved
    change", the reader's box "2 unsaved changes … links 3, 11", and recovered, the reader
    counted 2. 2. Drafts that cannot be written: that reload said the version was "kept as a
    recovery draft", cleared the warning, and F5 lost it without a word; now leaving asks
    until a save holds it, and no longer after."""
    pristine = po_copy.read_bytes()
    set_aside_one_saved_one(page, po_copy)
    sidebar(page).get_by_role("button", name="Close").click()
    expect(offer(page, po_copy)).to_contain_text(re.compile(r"^1 unsaved change to journey\.po"))
    expect(offer(page, po_copy)).to_contain_text(": link 11 edited")
    open_by_path(page, po_copy)   # the reader's box says the same
    box = page.locator(".st-key-recovery_box")
    expect(box).to_contain_text("1 unsaved change to this file was kept")
    expect(box).to_contain_text(": link 11 edited.")
    expect(box.get_by_role("button", name="Recover it")).to_be_visible()
    sidebar(page).get_by_role("button", name="Close").click()   # the draft is left as it was
    offer(page, po_copy).get_by_role("button", name="Open and recover").click()
    expect(row(page, 11)).to_contain_text("Mine on eleven.")
    expect(row(page, 3)).to_contain_text("Mine on three.")
    expect(page.get_by_text(re.compile(r"1 unsaved change\b")).first).to_be_visible()
    expect(page.get_by_text(re.compile("2 unsaved changes"))).to_have_count(0)

    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.type), d.dismiss()))
    sidebar(page).get_by_role("button", name="Close").click()
    page.get_by_role("button", name="Discard changes").click()
    other = tmp_path / "other.po"
    other.write_bytes(pristine)
    with drafts_unwritable(home):
        open_by_path(page, other)
        correct_link(page, 11, "Mine on eleven.")
        other.write_text(other.read_text(encoding="utf-8").replace(*DISK, 1), encoding="utf-8")
        press_save(page)
        page.get_by_role("button", name=re.compile("Reload from disk")).click()
        expect(page.get_by_text(re.compile("no recovery draft can keep it"))).to_be_visible()
        expect(row(page, 11)).to_contain_text(DISK[1])
        settle(page)
        assert leaving_asks(page, asked)   # the version one Undo away is kept nowhere else
        reader_table(page).click()
        page.keyboard.press("Control+z")
        expect(row(page, 11)).to_contain_text("Mine on eleven.")
        settle(page)
        page.keyboard.press("Control+s")
        page.get_by_role("button", name="Save anyway, replacing them").click()
        expect(page.get_by_text(re.compile("unsaved change"))).to_have_count(0)
        settle(page)
        assert not leaving_asks(page, asked)   # saved: nothing to lose, nothing asked


def start_page_lists_what_it_heads(page) -> None:
    """The start page's "Unsaved corrections" heading is there exactly when a draft is listed
    under it (other journeys' drafts may be: the server is shared)."""
    expect(page.get_by_text("Align new texts")).to_be_visible()
    settle(page)
    listed = page.locator("[data-testid='stHorizontalBlock']").filter(
        has=page.get_by_role("button", name="Discard", exact=True))
    heading = page.get_by_role("heading", name="Unsaved corrections")
    expect(heading).to_have_count(1 if listed.count() else 0)


@pytest.mark.parametrize("again, left", [
    ((2, 5), None),               # every correction made again: nothing left to offer
    ((2,), "link 5 edited"),      # one made again: the other is still offered
])
def test_a_draft_whose_corrections_were_made_again_and_saved_is_not_offered(
        page, po_copy, home, again, left):
    """Links 2 and 5 corrected, the tab closed unsaved; opened again, the draft left alone and
    the same corrections typed again, saved: the reader's box still said "2 unsaved changes
    ... kept from an earlier session ... The file has changed on disk since", and the start
    page drew its "Unsaved corrections" heading over nothing. A draft with a correction the
    file lacks is still offered, counting that one alone."""
    texts = {2: "Typed before the crash, two.", 5: "Typed before the crash, five."}
    open_by_path(page, po_copy)
    for n, text in texts.items():
        correct_link(page, n, text)
    page.reload()   # the tab closed: its session is gone, its draft left over
    open_by_path(page, po_copy)
    box = page.locator(".st-key-recovery_box")
    expect(box).to_contain_text("2 unsaved changes to this file were kept")
    for n in again:   # the box left alone: the same corrections typed again
        correct_link(page, n, texts[n])
    press_save(page)
    expect(page.get_by_text(re.compile(r"^\d+ unsaved changes? in"))).to_have_count(0)
    if left is None:
        expect(box).to_have_count(0)
        assert draft_files(home, po_copy) == []
    else:
        expect(box).to_contain_text(f"1 unsaved change to this file was kept from an earlier "
                                    f"session (a reload, a closed tab or a crash): {left}.")
        assert len(draft_files(home, po_copy)) == 1
    sidebar(page).get_by_role("button", name="Close").click()
    if left is None:
        expect(offers(page, po_copy)).to_have_count(0)
    else:
        expect(offer(page, po_copy)).to_contain_text(
            re.compile(rf"^1 unsaved change to journey\.po .*: {left}"))
    start_page_lists_what_it_heads(page)
