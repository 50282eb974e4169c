"""In Chromium, with clicks and keys: the reader keeps what others changed on disk, word links
are not counted as a person's corrections, a copy saved is what the start page opens, and
the counts read right for one finding (a finding's jump: test_journeys.py); a save refused
because the sample card's file changed on disk, then "Save a copy as…": the page says what is
true now.

One streamlit server for the module (tests/e2e/conftest.py); the PO is the bundled sample,
aligned with the hashing embedder.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import (choose_link, click_download, drafts_unwritable, once_drawn, open_by_path,
                         reader_table, save_copy_as, settle, upload_pair)

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]

TYPED = "It has seven arches, eighty-four metres from bank to bank."
OUTSIDE = ("The villagers cross it", "The OUTSIDE villagers cross it")   # link 4's target


@pytest.fixture(scope="module")
def sample_bytes(tmp_path_factory) -> bytes:
    """The sample aligned with the hashing embedder, as `alignment corpus build` writes it."""
    from alignment.corpora import build_corpus
    from alignment.embed import HashingEmbedder
    from alignment.po import write_po

    path = tmp_path_factory.mktemp("po") / "sample.po"
    write_po(build_corpus("sample", embedder=HashingEmbedder()), path)
    return path.read_bytes()


@pytest.fixture
def po_copy(sample_bytes, tmp_path) -> Path:
    path = tmp_path / "pairs.po"
    path.write_bytes(sample_bytes)
    return path


def row(page, n: int):
    return reader_table(page).locator(f"tr#link-{n}")


def sidebar(page):
    return page.locator("section[data-testid='stSidebar']")


def correct_link(page, n: int, text: str) -> None:
    """"Correct a link" (opened unless it is), link n, its target sentence replaced by
    `text`, Apply edit."""
    choose_link(page, n)
    once_drawn(page, page.get_by_label("Edit the target sentence").click)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.get_by_role("button", name="Apply edit").click()
    expect(row(page, n)).to_contain_text(text)
    settle(page)


def change_on_disk(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def save_refused_then_reload(page) -> None:
    reader_table(page).click()   # the keys go to the page, not the correction box
    page.keyboard.press("Control+s")
    expect(page.get_by_text(re.compile(r"Not saved: .*changed on disk"))).to_be_visible()
    page.get_by_role("button", name=re.compile("Reload from disk")).click()
    settle(page)


# ---------------------------------------------------------------- 1. nothing lost on reload

def test_reload_makes_the_corrections_again_on_top_of_the_changes_on_disk(page, po_copy):
    """An edit to link 3, another program's to link 4, Ctrl+S refused, Reload: the page shows
    both. Undo gives one's version as it was, and Ctrl+S then asks (it used to write over
    link 4 silently); Redo and Ctrl+S write both."""
    from alignment.po import read_po

    open_by_path(page, po_copy)
    correct_link(page, 3, TYPED)
    change_on_disk(po_copy, *OUTSIDE)
    save_refused_then_reload(page)
    expect(page.get_by_text(re.compile("made your corrections again on top"))).to_be_visible()
    expect(row(page, 3)).to_contain_text(TYPED)
    expect(row(page, 4)).to_contain_text(OUTSIDE[1])
    reader_table(page).click()
    page.keyboard.press("Control+z")   # one's version as it was, one Undo away
    expect(row(page, 4)).not_to_contain_text(OUTSIDE[1])
    expect(row(page, 3)).to_contain_text(TYPED)
    settle(page)
    page.keyboard.press("Control+s")
    expect(page.get_by_text(re.compile("replaces the changes made there"))).to_be_visible()
    assert OUTSIDE[1] in po_copy.read_text(encoding="utf-8")
    page.get_by_role("button", name="Cancel").click()
    settle(page)
    page.keyboard.press("Control+y")
    expect(row(page, 4)).to_contain_text(OUTSIDE[1])
    settle(page)
    page.keyboard.press("Control+s")
    settle(page)
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    saved = read_po(po_copy)
    assert saved.link_text(2, "tgt") == TYPED and saved.link_text(3, "tgt").startswith(OUTSIDE[1])


def test_undo_past_a_reload_and_a_save_still_asks_before_saving(page, po_copy):
    """Reload (corrections made again on top), Ctrl+S writes both; then Undo gives one's
    version from before the reload, and Ctrl+S asks before replacing the other program's
    change (it wrote over it without a word: the reload's marks ended at the save)."""
    from alignment.po import read_po

    open_by_path(page, po_copy)
    correct_link(page, 3, TYPED)
    change_on_disk(po_copy, *OUTSIDE)
    save_refused_then_reload(page)
    reader_table(page).click()
    page.keyboard.press("Control+s")
    settle(page)
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    page.keyboard.press("Control+z")   # one's version as it was before the reload
    expect(row(page, 4)).not_to_contain_text(OUTSIDE[1])
    settle(page)
    page.keyboard.press("Control+s")
    expect(page.get_by_text(re.compile("replaces the changes made there"))).to_be_visible()
    assert read_po(po_copy).link_text(3, "tgt").startswith(OUTSIDE[1])
    page.get_by_role("button", name="Cancel").click()
    settle(page)
    page.keyboard.press("Control+y")   # back to both, as saved: nothing unsaved
    expect(row(page, 4)).to_contain_text(OUTSIDE[1])
    expect(row(page, 3)).to_contain_text(TYPED)
    settle(page)
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    correct_link(page, 5, TYPED)   # a new correction on top saves plainly
    reader_table(page).click()
    page.keyboard.press("Control+s")
    settle(page)
    expect(page.get_by_text(re.compile("Not saved"))).to_have_count(0)
    saved = read_po(po_copy)
    assert saved.link_text(2, "tgt") == TYPED and saved.link_text(3, "tgt").startswith(OUTSIDE[1])


def test_a_later_refusal_takes_the_reloads_message_away(page, po_copy):
    """"Reloaded …: Save keeps both" stayed beside a later "Not saved: … changed on disk",
    and the two read as a contradiction."""
    open_by_path(page, po_copy)
    correct_link(page, 3, TYPED)
    change_on_disk(po_copy, *OUTSIDE)
    save_refused_then_reload(page)
    said = page.get_by_text(re.compile("made your corrections again on top"))
    expect(said).to_be_visible()
    change_on_disk(po_copy, "It will outlive us all", "It will outlast us all")   # changed again
    reader_table(page).click()
    page.keyboard.press("Control+s")
    expect(page.get_by_text(re.compile(r"Not saved: .*changed on disk"))).to_be_visible()
    expect(said).to_have_count(0)


def test_saving_a_version_made_before_a_reload_asks_first(page, po_copy):
    """The same link changed here and on disk: Reload shows the file, Undo gives one's version
    back, and Ctrl+S says it replaces the changes made on disk and asks; Cancel keeps the file,
    "Save anyway" writes one's version."""
    from alignment.po import read_po

    open_by_path(page, po_copy)
    correct_link(page, 4, TYPED)
    change_on_disk(po_copy, *OUTSIDE)
    save_refused_then_reload(page)
    expect(row(page, 4)).to_contain_text(OUTSIDE[1])
    reader_table(page).click()
    page.keyboard.press("Control+z")
    expect(row(page, 4)).to_contain_text(TYPED)
    settle(page)
    page.keyboard.press("Control+s")
    expect(page.get_by_text(re.compile(r"Not saved: this version was made before you "
                                         r"reloaded .*replaces the changes made there"))).to_be_visible()
    assert OUTSIDE[1] in po_copy.read_text(encoding="utf-8")   # nothing written yet
    page.get_by_role("button", name="Cancel").click()
    settle(page)
    expect(page.get_by_text("Not saved")).to_have_count(0)
    assert TYPED not in po_copy.read_text(encoding="utf-8")
    page.locator(".st-key-save button").click()
    page.get_by_role("button", name="Save anyway, replacing them").click()
    expect(page.get_by_text(re.compile("replacing the changes made on disk"))).to_be_visible()
    assert read_po(po_copy).link_text(3, "tgt") == TYPED


def test_a_version_set_aside_by_a_reload_is_kept_as_a_draft(page, po_copy):
    """The same link changed here and on disk: Reload shows the file, one's version one Undo
    away, and the page showed nothing unsaved, so Close dropped it without a word. Now it is
    a recovery draft: Close, and the start page offers it. A reopening is a new start: no
    word of that reload, and a save after an Undo there is an ordinary save."""
    open_by_path(page, po_copy)
    correct_link(page, 4, TYPED)
    change_on_disk(po_copy, *OUTSIDE)
    save_refused_then_reload(page)
    expect(row(page, 4)).to_contain_text(OUTSIDE[1])
    expect(page.get_by_text(re.compile("kept as a recovery draft"))).to_be_visible()
    sidebar(page).get_by_role("button", name="Close").click()
    offer = page.locator("[data-testid='stHorizontalBlock']", has_text=str(po_copy)).last
    expect(offer).to_contain_text("unsaved change")
    offer.get_by_role("button", name="Open and recover").click()
    expect(row(page, 4)).to_contain_text(TYPED)
    expect(page.get_by_text(re.compile("kept as a recovery draft"))).to_have_count(0)


def test_a_reload_makes_again_the_corrections_that_do_not_collide(page, po_copy):
    """Links 3 and 4 corrected here, link 4 changed on disk: Reload made neither again (one
    collided). Now link 3's is made again, link 4 keeps the file's, the message says so, and
    one's whole version is one Undo away and kept as a draft."""
    open_by_path(page, po_copy)
    correct_link(page, 3, TYPED)
    correct_link(page, 4, "Typed here on link four.")
    change_on_disk(po_copy, *OUTSIDE)
    save_refused_then_reload(page)
    expect(row(page, 3)).to_contain_text(TYPED)
    expect(row(page, 4)).to_contain_text(OUTSIDE[1])
    expect(page.get_by_text(re.compile("but for 1 sentence or link changed there too"))).to_be_visible()
    reader_table(page).click()
    page.keyboard.press("Control+z")
    expect(row(page, 4)).to_contain_text("Typed here on link four.")


def test_a_reload_is_forgotten_when_the_text_is_closed(page, po_copy):
    """A reload's marks outlived the opening: reopened, an Undo then Ctrl+S stopped on "made
    before you reloaded" (no reload in that opening, the file unchanged), and its message
    still said "Save keeps both" about corrections closed without saving."""
    from alignment.po import read_po

    open_by_path(page, po_copy)
    correct_link(page, 3, TYPED)
    change_on_disk(po_copy, *OUTSIDE)
    save_refused_then_reload(page)
    expect(page.get_by_text(re.compile("made your corrections again on top"))).to_be_visible()
    sidebar(page).get_by_role("button", name="Close").click()
    page.get_by_role("button", name=re.compile("Discard")).first.click()
    open_by_path(page, po_copy)
    expect(page.get_by_text(re.compile("made your corrections again on top"))).to_have_count(0)
    correct_link(page, 2, "A second sentence typed after reopening.")
    correct_link(page, 5, "A third sentence typed after reopening.")
    reader_table(page).click()
    page.keyboard.press("Control+z")
    settle(page)
    page.keyboard.press("Control+s")
    settle(page)
    expect(page.get_by_text("Not saved")).to_have_count(0)
    saved = read_po(po_copy)
    assert saved.link_text(1, "tgt") == "A second sentence typed after reopening."
    assert saved.link_text(3, "tgt").startswith(OUTSIDE[1])


def test_reload_of_a_file_deleted_since_offers_to_write_it_again(page, po_copy):
    """Changed on disk, then deleted: Reload said 'Cannot reload: ... no such PO file; give
    the path of a .po file' below the old 'changed on disk' box. Now the box says the file is
    gone and offers to write it again there, with the corrections."""
    from alignment.po import read_po

    open_by_path(page, po_copy)
    correct_link(page, 3, TYPED)
    change_on_disk(po_copy, *OUTSIDE)
    reader_table(page).click()
    page.keyboard.press("Control+s")
    expect(page.get_by_text(re.compile(r"Not saved: .*changed on disk"))).to_be_visible()
    po_copy.unlink()
    page.get_by_role("button", name=re.compile("Reload from disk")).click()
    expect(page.get_by_text(re.compile("is no longer on disk .*nothing to reload"))).to_be_visible()
    expect(page.get_by_text("Cannot reload")).to_have_count(0)
    page.get_by_role("button", name="Write it again there").click()
    expect(page.get_by_text("is no longer on disk")).to_have_count(0)
    assert read_po(po_copy).link_text(2, "tgt") == TYPED


# ---------------------------------------------------------------- 2. word links

def test_word_links_alone_keep_the_file_unmarked(page, po_copy):
    """Only "Find word links": the page says "word links not saved" (not "1 unsaved change"),
    Close asks about the word links, and the save keeps the file's checksum."""
    from alignment.po import edited_reason

    open_by_path(page, po_copy)
    sidebar(page).get_by_role("button", name="Find word links").click()
    row(page, 2).locator("td.src mark.w").first.wait_for(timeout=240_000)
    settle(page)
    expect(page.get_by_text("word links not saved").first).to_be_visible()
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    sidebar(page).get_by_role("button", name="Close").click()
    expect(page.get_by_text(re.compile("The word links found in .* are not saved"))).to_be_visible()
    page.get_by_role("button", name="Save and close").click()
    page.get_by_text("Align new texts").wait_for()
    text = po_copy.read_text(encoding="utf-8")
    assert "#. words:" in text and "X-Alignment-Edited" not in text
    assert edited_reason(po_copy) is None


def test_a_downloaded_po_of_corrections_is_not_replaced_by_a_later_align(page, po_copy,
                                                                         tmp_path):
    """Download > PO of a corrected text, unsaved and then saved: the file says it holds a
    person's corrections, so `alignment align -o` onto it refuses (it carried a fresh
    checksum, and the next align replaced every correction without a word)."""
    from alignment.errors import POConflict
    from alignment.po import ensure_replaceable, read_po

    open_by_path(page, po_copy)
    correct_link(page, 3, TYPED)
    for n in range(2):   # unsaved; then saved, closed and opened again
        path = tmp_path / f"download-{n}.po"
        click_download(page, "PO").save_as(path)
        assert read_po(path).link_text(2, "tgt") == TYPED
        with pytest.raises(POConflict, match="corrections"):
            ensure_replaceable(path)
        page.keyboard.press("Escape")
        reader_table(page).click()
        page.keyboard.press("Control+s")
        settle(page)
        expect(page.get_by_text("unsaved change")).to_have_count(0)
        sidebar(page).get_by_role("button", name="Close").click()
        page.get_by_text("Align new texts").wait_for()
        open_by_path(page, po_copy)


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_drafts_that_cannot_be_written_leave_the_edit_and_save_working(page, po_copy, home):
    """The drafts folder unwritable (here a file stands in its place; a full or read-only disk
    does the same): the correction stands, the page says drafts are off, and Ctrl+S saves
    (the OSError made the page a traceback with no Save, and the edit was lost). Leaving the
    page with a correction unsaved then asks first: F5 lost it without a word."""
    from alignment.po import read_po

    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.type), d.accept()))

    with drafts_unwritable(home):
        open_by_path(page, po_copy)
        correct_link(page, 3, TYPED)
        expect(page.get_by_text(re.compile("Recovery drafts cannot be written"))).to_be_visible()
        reader_table(page).click()
        page.keyboard.press("Control+s")
        settle(page)
        expect(page.get_by_text("unsaved change")).to_have_count(0)
        assert read_po(po_copy).link_text(2, "tgt") == TYPED
        page.reload()   # saved: nothing to lose, nothing asked
        open_by_path(page, po_copy)
        correct_link(page, 5, "Unsaved, and no draft keeps it.")
        assert asked == []
        page.reload()
        assert asked == ["beforeunload"]


def test_a_read_only_file_is_not_offered_a_reload_that_cannot_help(page, po_copy):
    """Ctrl+S on a read-only PO: "Not saved", no "Reload from disk" (it read back the file as
    opened, the correction one Undo away and the file still read-only), but the way out:
    Save a copy as…, or the download."""
    open_by_path(page, po_copy)
    correct_link(page, 3, TYPED)
    po_copy.chmod(0o444)
    reader_table(page).click()
    page.keyboard.press("Control+s")
    expect(page.get_by_text(re.compile("Not saved: .*read-only"))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Reload from disk"))).to_have_count(0)
    expect(page.get_by_text(re.compile("Save a copy as…”, or download it"))).to_be_visible()
    expect(page.get_by_role("button", name="Download your version (PO)")).to_be_visible()


def test_word_links_left_unsaved_are_offered_back_as_word_links(page, po_copy):
    """Word links found, the tab closed: opening the file again offers them back as word links
    (it said "1 unsaved change to this file", though the person changed nothing)."""
    open_by_path(page, po_copy)
    sidebar(page).get_by_role("button", name="Find word links").click()
    expect(sidebar(page).get_by_text("Word links found")).to_be_visible(timeout=120_000)
    settle(page)
    page.reload()   # the session is gone, its draft stays
    here = re.escape(str(po_copy))   # other journeys of this module leave drafts of their own
    expect(page.get_by_text(re.compile(rf"Word links found in .*{here}.*, not saved")))\
        .to_be_visible()   # the start page's list says so too
    expect(page.get_by_text(re.compile(rf"unsaved changes? to .*{here}"))).to_have_count(0)
    open_by_path(page, po_copy)
    expect(page.get_by_text("Word links found in this file were kept from an earlier session"))\
        .to_be_visible()
    expect(page.get_by_text(re.compile("unsaved change to this file"))).to_have_count(0)


def test_a_sentence_the_translation_added_can_be_deleted(page, tmp_path):
    """A proofreader finds a sentence the translator added (no original): in "Correct a link",
    "Delete this added sentence from the translation", then Ctrl+S: it is gone from the file,
    every other pair as it was (emptying it was refused, and nothing else removed it)."""
    from alignment.po import read_po, write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    src = ("Il pleut.", "Le pont est vieux.")
    tgt = ("It rains.", "Nobody knows why.", "The bridge is old.")
    path = tmp_path / "added.po"
    links = (Link((0,), (0,), 0.95), Link((), (1,), 0.6), Link((1,), (2,), 0.95))
    write_po(Bitext(tuple(map(Sentence, src)), tuple(map(Sentence, tgt)), Alignment(links),
                    "fr", "en"), path)
    open_by_path(page, path)
    choose_link(page, 2)
    page.get_by_role("button", name="Delete this added sentence from the translation").click()
    expect(reader_table(page)).not_to_contain_text("Nobody knows why.")
    reader_table(page).click()
    page.keyboard.press("Control+s")
    settle(page)
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    saved = read_po(path)
    assert [(saved.link_text(i, "src"), saved.link_text(i, "tgt"))
            for i in range(len(saved.alignment.links))] == [("Il pleut.", "It rains."),
                                                             ("Le pont est vieux.", "The bridge is old.")]


# ---------------------------------------------------------------- 3. a copy saved

def test_the_start_page_follows_a_copy_saved(page, tmp_path, home):
    """Aligned here, corrected, saved as a copy: the start page's "Aligned or uploaded here
    before" names the copy and opens it, and the same texts aligned again open the copy."""
    sample = ROOT / "corpora" / "sample"
    upload_pair(page, sample / "fr.txt", sample / "en.txt")
    page.get_by_role("button", name="Align", exact=True).click()
    row(page, 3).wait_for(timeout=120_000)
    settle(page)
    correct_link(page, 3, TYPED)
    copy = tmp_path / "mine.po"
    save_copy_as(page, copy)
    expect(page.get_by_text(f"Saved a copy as {copy}; it is the open file now.")).to_be_visible()
    sidebar(page).get_by_role("button", name="Close").click()
    kept = page.get_by_role("button", name=re.compile(r"fr ↔ en \(saved as mine\.po\)"))
    expect(kept).to_be_visible()
    kept.click()
    expect(page.get_by_text(re.compile(re.escape(str(copy)) + "$"))).to_be_visible()
    expect(row(page, 3)).to_contain_text(TYPED)
    sidebar(page).get_by_role("button", name="Close").click()
    page.get_by_text("Align new texts").wait_for()
    upload_pair(page, sample / "fr.txt", sample / "en.txt")
    page.get_by_role("button", name="Align", exact=True).click()
    expect(page.get_by_text(re.compile(r"saved as a copy: opened " + re.escape(str(copy)))))\
        .to_be_visible()
    expect(row(page, 3)).to_contain_text(TYPED)
    # the copy moved away: the first file opens, and says that the copy is gone (it said nothing)
    copy.rename(tmp_path / "moved.po")
    sidebar(page).get_by_role("button", name="Close").click()
    page.get_by_text("Align new texts").wait_for()
    page.get_by_role("button", name=re.compile(r"^fr ↔ en$")).first.click()
    expect(page.get_by_text(re.compile(re.escape(f"The copy it was saved as, {copy}, is no "
                                                   "longer there")))).to_be_visible()


def test_the_same_po_uploaded_again_opens_the_copy_saved_of_it(page, po_copy, tmp_path):
    """A PO uploaded, corrected, saved as a copy, closed; the same PO uploaded again opens
    the copy with the correction, and says so (it opened the file kept at upload, and the
    correction seemed lost)."""
    for attempt in range(2):
        page.locator(".st-key-po_upload input[type=file]").set_input_files(str(po_copy))
        settle(page)
        page.get_by_role("button", name="Open upload").click()
        row(page, 3).wait_for()
        settle(page)
        if attempt:
            break
        expect(row(page, 3)).not_to_contain_text(TYPED)
        correct_link(page, 3, TYPED)
        copy = tmp_path / "mine.po"
        save_copy_as(page, copy)
        expect(page.get_by_text(f"Saved a copy as {copy}; it is the open file now.")).to_be_visible()
        sidebar(page).get_by_role("button", name="Close").click()
        page.get_by_text("Align new texts").wait_for()
    expect(page.get_by_text(re.compile(r"saved as a copy: opened " + re.escape(str(copy)))))\
        .to_be_visible()
    expect(row(page, 3)).to_contain_text(TYPED)


# ---------------------------------------------------------------- 4 and 5. proofreading

def proofread(page, po_copy):
    open_by_path(page, po_copy)
    sidebar(page).get_by_text("Proofread").click()
    jumps = page.locator(".st-key-findings_box [class*='st-key-jump_'] button:visible")
    jumps.first.wait_for(timeout=60_000)
    settle(page)
    return jumps


def test_the_tables_flags_count_the_findings_listed(page, tmp_path):
    """A double space is an info finding, hidden by default: its row carries no ⚑ until "Show
    info findings" lists it (⚑1 stood on a row the list said nothing about); a number changed
    is flagged either way."""
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    src = ("Il a payé 350 francs.", "Le pont est vieux.", "Il pleut.")
    tgt = ("He paid 530 francs.", "The bridge  is old.", "It rains.")
    path = tmp_path / "flags.po"
    write_po(Bitext(tuple(map(Sentence, src)), tuple(map(Sentence, tgt)),
                    Alignment(tuple(Link((i,), (i,), 0.95) for i in range(3))), "fr", "en"), path)
    open_by_path(page, path)
    sidebar(page).get_by_text("Proofread").click()
    page.locator(".st-key-findings_box [class*='st-key-jump_'] button:visible").first\
        .wait_for(timeout=60_000)
    settle(page)
    expect(row(page, 1).locator("span.flag")).to_have_count(1)
    expect(row(page, 2).locator("span.flag")).to_have_count(0)
    page.get_by_text("Show info findings").click()
    settle(page)
    expect(page.locator(".st-key-findings_box").get_by_text("double space")).to_be_visible()
    expect(row(page, 2).locator("span.flag")).to_have_count(1)
    sidebar(page).get_by_text("Read", exact=True).click()   # and back: the switch stays on
    settle(page)
    sidebar(page).get_by_text("Proofread").click()
    settle(page)
    expect(page.locator(".st-key-findings_box").get_by_text("double space")).to_be_visible()


# A finding's jump shows the correction box: test_journeys.py's test_proofread_and_jump walks
# the same way (the last finding's "→ n" clicked) and checks the box in view after the page's
# scrolls too.


def test_one_finding_and_one_change_read_right(page, po_copy):
    """'Download this finding (CSV)', not 'these 1 finding'; Close after one change asks to
    'save it', not 'save them'."""
    proofread(page, po_copy)
    page.get_by_text("Show info findings").click()
    settle(page)
    checks = page.locator(".st-key-p_checks")
    checks.click()
    page.keyboard.type("numbers")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    settle(page)
    expect(page.get_by_role("button", name="Download this finding (CSV)")).to_be_visible()
    page.locator(".st-key-findings_box").get_by_role("button", name=re.compile(r"^Dismiss finding")).first.click()
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    sidebar(page).get_by_role("button", name="Close").click()
    expect(page.get_by_text(re.compile(r"1 unsaved change in .*: save it before closing\?")))\
        .to_be_visible()


# ---------------------------------------------------------------- 6. a copy after a refused save

@pytest.fixture
def sample_po(home) -> Path:
    """The sample card's PO, ./sample.po in the server's folder, as its Align and open writes
    it (listed before `page` so that the start page offers Open)."""
    from alignment.corpora import build_corpus
    from alignment.embed import HashingEmbedder
    from alignment.po import write_po

    path = home / "cwd" / "sample.po"
    path.unlink(missing_ok=True)
    write_po(build_corpus("sample", embedder=HashingEmbedder()), path)
    return path


def test_a_copy_saved_after_a_conflict_clears_the_conflict_box(sample_po, page, tmp_path):
    """Ctrl+S refused (sample.po changed on disk meanwhile), then "Save a copy as…": the copy
    was written and opened, but the red "Not saved: …sample.po changed on disk" box stayed,
    its Reload and Download buttons acting on the copy. Now the box goes; the copy holds
    what the person typed, and sample.po keeps the other program's change."""
    from alignment.po import read_po

    page.locator(".st-key-open_sample button").click()   # the sample card's Open
    row(page, 3).wait_for()
    settle(page)
    page.get_by_text("Correct a link").click()
    number = page.get_by_label("Link (the blue row)")
    number.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    expect(number).to_have_value("3")
    settle(page)
    once_drawn(page, page.get_by_label("Edit the target sentence").click)
    page.keyboard.press("Control+A")
    page.keyboard.type(TYPED)
    page.get_by_role("button", name="Apply edit").click()
    expect(row(page, 3)).to_contain_text(TYPED)
    expect(page.get_by_text("1 unsaved change").first).to_be_visible()
    # Another program changes sample.po meanwhile.
    text = sample_po.read_text(encoding="utf-8")
    assert OUTSIDE[0] in text
    sample_po.write_text(text.replace(*OUTSIDE), encoding="utf-8")
    page.keyboard.press("Control+s")
    conflict = page.get_by_text(re.compile(r"Not saved: .*sample\.po changed on disk"))
    expect(conflict).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Reload from disk"))).to_be_visible()
    expect(page.get_by_role("button", name="Download your version (PO)")).to_be_visible()

    copy = tmp_path / "copy2.po"
    save_copy_as(page, copy)
    expect(page.get_by_text(f"Saved a copy as {copy}; it is the open file now.")).to_be_visible()
    expect(conflict).to_have_count(0)
    expect(page.get_by_text("changed on disk")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("Reload from disk"))).to_have_count(0)
    expect(page.get_by_role("button", name="Download your version (PO)")).to_have_count(0)
    expect(page.get_by_text("unsaved change")).to_have_count(0)
    expect(page.get_by_text(re.compile(r"· " + re.escape(str(copy)) + "$"))).to_be_visible()
    expect(row(page, 3)).to_contain_text(TYPED)
    # The copy holds the person's version, sample.po the other program's.
    mine, theirs = read_po(copy), read_po(sample_po)
    third = mine.alignment.links[2]
    assert mine.tgt[third.tgt[0]].text == TYPED
    assert mine.link_text(3, "tgt").startswith(OUTSIDE[0])
    assert theirs.link_text(3, "tgt").startswith(OUTSIDE[1])
    assert TYPED not in sample_po.read_text(encoding="utf-8")
