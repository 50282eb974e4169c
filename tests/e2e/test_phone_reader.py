"""The reader on a phone, in Chromium with touch (taps, no mouse, no keyboard): a word's first
tap lights it and its counterpart, and the light stays; no keyboard hints (shortcut badges,
'(j)', '(Ctrl+S)', 'Press Enter to apply') where there is no keyboard; the sidebar starts
folded away on a phone held either way. Each is checked against a desktop window, where
nothing changed.

One streamlit server for the module (tests/e2e/conftest.py); the texts are small ones
written here, their word links given (no word model).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import open_by_path, reader_table, settle

pytestmark = pytest.mark.e2e

LIT = "rgb(179, 229, 252)"   # the colour alignment.browse.word_css lights a word with
PAIRS = [("Le pont est vieux.", "The bridge is old."),
         ("La rivière coule sous le pont.", "The river flows under the bridge."),
         ("Un chat dort au soleil.", "A cat sleeps in the sun.")] * 5
# a phone upright, a phone on its side, and desktop windows (one of a phone's size)
PHONE_UP = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True,
            "device_scale_factor": 3}
PHONE_SIDE = {**PHONE_UP, "viewport": {"width": 844, "height": 390}}
DESKTOP = {"viewport": {"width": 1400, "height": 900}}
DESKTOP_SMALL = {"viewport": {"width": 844, "height": 390}}


@pytest.fixture(scope="module")
def worded_po(tmp_path_factory) -> bytes:
    """Fifteen 1-1 links whose words are linked one to one, in order (the sentences are
    written so: 'pont' is 'bridge' in links 1 and 2)."""
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence, WordLink
    from alignment.word_tokens import tokenize

    src = tuple(Sentence(s, k) for k, (s, _) in enumerate(PAIRS))
    tgt = tuple(Sentence(t, k) for k, (_, t) in enumerate(PAIRS))
    links = []
    for k, (s, t) in enumerate(PAIRS):
        n = min(len(tokenize(s)), len(tokenize(t)))
        links.append(Link((k,), (k,), 0.95, words=tuple(WordLink(j, j) for j in range(n))))
    path = tmp_path_factory.mktemp("po") / "worded.po"
    write_po(Bitext(src, tgt, Alignment(tuple(links)), "fr", "en"), path)
    return path.read_bytes()


@pytest.fixture
def worded(worded_po, tmp_path) -> Path:
    path = tmp_path / "worded.po"
    path.write_bytes(worded_po)
    return path


@pytest.fixture
def device(browser, server):
    """A tab of a browser context made as asked (a phone, a desktop window) on the start
    page; its context is closed after the journey."""
    from test_e2e_browser import RUN_WATCH

    opened = []

    def make(options: dict):
        context = browser.new_context(**options)
        opened.append(context)
        tab = context.new_page()
        tab.add_init_script(RUN_WATCH)
        tab.set_default_timeout(45_000)
        tab.goto(server)
        tab.get_by_text("Align new texts").wait_for()
        return tab

    yield make
    for context in opened:
        context.close()


def sidebar(tab):
    return tab.locator("section[data-testid='stSidebar']")


def press(tab, locator, touch: bool) -> None:
    """A tap on a phone, a click on a desktop."""
    locator.tap() if touch else locator.click()
    settle(tab)


# ---------------------------------------------------------------- 1. a word tapped once

def test_a_first_tap_on_a_word_lights_it_and_its_counterpart_and_the_light_stays(device, worded):
    """The tester's report: on a phone the first tap on a word chose its link, the rerun drew
    the rows anew and the light went out (and the page jumped up to "Correct a link"); only
    a second tap lit the pair. A tap on the row's number still chooses the link."""
    tab = device(PHONE_UP)
    open_by_path(tab, worded)
    row = reader_table(tab).locator("tr#link-2")
    word = row.locator("td.src mark.w", has_text="pont")
    group = next(c for c in word.get_attribute("class").split() if c.startswith("wg"))
    counterpart = row.locator(f"td.tgt mark.{group}")
    expect(counterpart).to_have_text("bridge")
    expect(counterpart).not_to_have_css("background-color", LIT)
    word.tap()
    settle(tab, 1_500)   # a rerun after the tap ends, or none comes
    for lit in (word, counterpart):   # found again: a rerun would have drawn them anew
        expect(lit).to_have_css("background-color", LIT, timeout=3_000)
    expect(row.locator("td.tgt mark.w", has_text="river")).not_to_have_css("background-color", LIT)
    expect(word).to_be_in_viewport()   # the page did not jump away from it
    press(tab, row.locator("td.meta"), touch=True)   # the link chosen by its number, as before
    expect(tab.get_by_label("Link (the blue row)")).to_have_value("2")


def test_on_a_desktop_a_click_on_a_word_still_chooses_its_link(device, worded):
    tab = device(DESKTOP)
    open_by_path(tab, worded)
    reader_table(tab).locator("tr#link-2 td.src mark.w", has_text="pont").click()
    settle(tab)
    expect(tab.get_by_label("Link (the blue row)")).to_have_value("2")


# ---------------------------------------------------------------- 2. keyboard hints

def fold(tab, phone: bool) -> None:
    """On a phone, the sidebar folded away (it lies over the text there), as a person does."""
    if phone and sidebar(tab).get_attribute("data-collapsed") == "false":
        press(tab, tab.get_by_test_id("stSidebarCollapseButton"), phone)
        tab.wait_for_function(OFF_SCREEN, timeout=5_000)


LABEL = "[data-testid='stMarkdownContainer']"   # a button's label (its badge aside)
HINTS = {   # what the page shows: on a phone, on a desktop
    "learn": (["◀ Previous sentence", "Reveal", "Next sentence ▶"],
              ["◀ Previous sentence (k)", "Reveal (space)", "Next sentence (j) ▶"]),
    "apply": ("Apply and save", "Apply and save (Ctrl+S)"),
}


@pytest.mark.parametrize("options, phone", [(PHONE_UP, True), (DESKTOP, False)],
                         ids=["phone", "desktop"])
def test_keyboard_hints_show_only_where_there_is_a_keyboard(device, worded, options, phone):
    """A phone has no Ctrl, J, K or Space: the shortcut badges on Save, Undo, Redo and the
    pager, the '(j)' and '(Ctrl+S)' in the labels and Streamlit's 'Press Enter to apply' under
    a box were hints no one there could follow. The buttons work as before."""
    tab = device(options)
    open_by_path(tab, worded)
    kbd = tab.locator(".st-key-save kbd, .st-key-undo kbd, .st-key-next_page kbd")
    expect(kbd).to_have_count(3)
    for k in range(3):
        if phone:
            expect(kbd.nth(k)).to_be_hidden()
        else:
            expect(kbd.nth(k)).to_be_visible()
    if not sidebar(tab).get_by_text("Search").is_visible():
        press(tab, tab.get_by_test_id("stExpandSidebarButton"), phone)
    find = sidebar(tab).locator(".st-key-q input")
    press(tab, find, phone)
    find.press_sequentially("pont")
    said = sidebar(tab).get_by_test_id("InputInstructions")
    expect(said).to_have_count(1)
    if phone:
        expect(said).to_be_hidden()
    else:
        expect(said).to_have_text("Press Enter to apply")
    find.press("Enter")
    settle(tab)
    fold(tab, phone)
    press(tab, tab.get_by_text("Correct a link"), phone)
    apply = tab.locator(f".st-key-apply_save button {LABEL}")
    expect(apply).to_have_text(HINTS["apply"][not phone])
    if phone:
        press(tab, tab.get_by_test_id("stExpandSidebarButton"), phone)
    press(tab, sidebar(tab).get_by_text("Learn", exact=True), phone)
    fold(tab, phone)
    buttons = tab.locator(f".st-key-learn_bar button {LABEL}")
    expect(buttons).to_have_text(HINTS["learn"][not phone])
    if phone:
        expect(tab.locator(".st-key-learn_bar kbd").first).to_be_hidden()
    where = tab.get_by_text(re.compile(r"^Sentence \d+ of 15"))
    first = int(re.search(r"\d+", where.inner_text()).group())
    press(tab, tab.get_by_role("button", name=HINTS["learn"][not phone][2]), phone)
    expect(tab.get_by_text(re.compile(rf"^Sentence {first + 1} of 15"))).to_be_visible()


# ---------------------------------------------------------------- 3. the sidebar on arrival

OFF_SCREEN = ("() => document.querySelector('section[data-testid=stSidebar]')"
              ".getBoundingClientRect().right <= 0")


@pytest.mark.parametrize("options, folded", [
    (PHONE_UP, True), (PHONE_SIDE, True), (DESKTOP, False), (DESKTOP_SMALL, False),
], ids=["phone upright", "phone on its side", "desktop", "desktop window of a phone's size"])
def test_the_sidebar_starts_folded_on_a_phone_held_either_way(device, worded, options, folded):
    """On a phone on its side (844 px wide; Streamlit folds it away on arrival up to 768) the
    sidebar opened over the text. Folded on arrival, it opens when asked and stays open
    through a rerun."""
    tab = device(options)
    open_by_path(tab, worded)
    settle(tab, 1_000)
    expect(sidebar(tab)).to_have_attribute("data-collapsed", "true" if folded else "false")
    if not folded:
        return
    tab.wait_for_function(OFF_SCREEN, timeout=5_000)   # nothing of it over the text
    press(tab, tab.get_by_test_id("stExpandSidebarButton"), True)
    expect(sidebar(tab)).to_have_attribute("data-collapsed", "false")
    press(tab, sidebar(tab).get_by_text("Proofread", exact=True), True)
    settle(tab, 1_000)
    expect(sidebar(tab)).to_have_attribute("data-collapsed", "false")
