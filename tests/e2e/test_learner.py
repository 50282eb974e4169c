"""A language learner's journeys: the glossary's Anki deck, Learn mode with a search on, the
search box typed in with accents and abbreviations, a word's counterpart lit up on hover.

Each is a report from a learner: the deck held the words of an earlier search; with a search
on, J stepped through sentences the page did not show.
"""

from __future__ import annotations

import io
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import choose_link, choose_option, open_by_path, reader_table, settle, upload_pair

pytestmark = pytest.mark.e2e
# the glossary's exports: under a search they say how many rows they hold
CSV = re.compile(r"^(CSV|Download the [\d,]+ rows? shown as CSV)$")
ANKI = re.compile(r"^(Anki deck \(\.apkg\)|Download the [\d,]+ rows? shown as an Anki deck)$")


def deck_words(path: Path, tmp: Path) -> list[tuple[str, str]]:
    """(word, translation) of each note of an .apkg (a zip holding an SQLite collection)."""
    db = tmp / "collection.anki2"
    db.write_bytes(zipfile.ZipFile(io.BytesIO(path.read_bytes())).read("collection.anki2"))
    with sqlite3.connect(db) as con:
        return sorted(tuple(f.split("\x1f")[:2]) for (f,) in con.execute("select flds from notes"))


def deck_examples(path: Path, tmp: Path) -> list[tuple[str, str]]:
    """(word, example) of each note of an .apkg: the example as the card shows it (HTML)."""
    db = tmp / "collection.anki2"
    db.write_bytes(zipfile.ZipFile(io.BytesIO(path.read_bytes())).read("collection.anki2"))
    with sqlite3.connect(db) as con:
        return [(f.split("\x1f")[0], f.split("\x1f")[2]) for (f,) in con.execute("select flds from notes")]


def _csv_rows(path: str) -> list[list[str]]:
    import csv

    return list(csv.reader(io.StringIO(Path(path).read_text(encoding="utf-8"))))[1:]


def test_learn_mode_steps_through_the_sentences_a_search_shows_and_makes_cards_of_them(
        page, po_copy, tmp_path):
    """With a search on, J stepped through sentences the page did not show. A learner mining
    sentences: with a search on and the French hidden, the deck holds a card for each pair
    shown, the English on the front (one journey: two tests each opened the text, searched and
    went to Learn)."""
    open_by_path(page, po_copy)
    find = page.locator(".st-key-q input")
    find.fill("pont")
    find.press("Enter")
    expect(reader_table(page).locator("mark.hit").first).to_be_visible()
    shown = [int(i.split("-")[1]) for i in
             reader_table(page).locator("tr.row").evaluate_all("rows => rows.map(r => r.id)")]
    assert len(shown) >= 3 and shown != list(range(shown[0], shown[0] + len(shown))), shown
    page.locator("section[data-testid='stSidebar']").get_by_text("Learn").click()
    where = re.compile(rf"Sentence {shown[0]} of \d+ · 1 of {len(shown)} shown")
    expect(page.get_by_text(where)).to_be_visible()
    settle(page)
    page.locator("h3").first.click()  # keys go to the page, not to an input
    for k, link in enumerate(shown[1:3], 2):
        page.keyboard.press("j")
        expect(page.get_by_text(re.compile(rf"Sentence {link} of \d+ · {k} of {len(shown)}"))
               ).to_be_visible()
        expect(row_of(page, link)).to_have_class(re.compile("current"))
    page.keyboard.press("k")
    expect(page.get_by_text(re.compile(rf"Sentence {shown[1]} of \d+ · 2 of"))).to_be_visible()

    # the sentence cards of the sentences shown, the French hidden
    page.locator(".st-key-hide").get_by_text("fr").click()
    settle(page)
    rows = reader_table(page).locator("tr.row")
    cards = [r.locator("td.tgt").inner_text().strip() for r in rows.all()]
    cards = [text for text in cards if text]   # an omission has no card
    page.get_by_role("button", name="Sentence cards (Anki)").click()
    expect(page.get_by_text(f"{len(cards)} cards of the {rows.count()} sentences shown "
                            "(")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the deck (.apkg)").click()
    notes = deck_words(Path(info.value.path()), tmp_path)   # (front, back)
    assert len(notes) == len(cards) >= 3
    assert all("pont" in back for _, back in notes)   # the French, on the back
    assert sorted(front for front, _ in notes) == sorted(cards)


def row_of(page, n: int):
    return reader_table(page).locator(f"tr#link-{n}")


# The main column's scroll once the reader's rows are drawn and the run is over, read at the
# next frame: by then the run's last elements are drawn and their scripts run (read at the very
# change of the run's state, it raced them: 1,856 px once in a full run), while a move 150 ms
# later is still seen. Watched on the page's elements too, not on the run's state alone: a
# quick run's start and end can reach the page in one render, the state never seen to change
# (under a throttled CPU, 1 run in 16 here; CI once).
ON_RUN_END_SCROLL = """(() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__scrolled_at_end = [];
  let seen = false;
  new MutationObserver(() => {
    if (seen || app.getAttribute('data-test-script-state') !== 'notRunning'
        || !document.querySelector('tr.row')) return;
    seen = true;
    requestAnimationFrame(() => window.__scrolled_at_end.push(
      document.querySelector('[data-testid="stMain"]').scrollTop));
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state'],
                   childList: true, subtree: true});
})()"""


def test_a_text_opens_at_its_title_whatever_the_start_page_scroll(page, tmp_path):
    """'Align new texts' is at the bottom of a long start page: the reader used to open
    scrolled as far down, its title, the 'written to' note and first rows out of sight."""
    page.set_viewport_size({"width": 390, "height": 844})   # a phone: a longer start page
    fr = " ".join(f"Le bateau numéro {n} quitte le port au matin." for n in range(1, 30))
    en = " ".join(f"Boat number {n} leaves the harbour in the morning." for n in range(1, 30))
    (tmp_path / "fr.txt").write_text(fr, encoding="utf-8")
    (tmp_path / "en.txt").write_text(en, encoding="utf-8")
    upload_pair(page, tmp_path / "fr.txt", tmp_path / "en.txt")
    expect(page.locator(".st-key-lang_tgt input")).to_have_value("en")
    align = page.get_by_role("button", name="Align", exact=True)
    align.scroll_into_view_if_needed()
    page.mouse.wheel(0, 3000)   # as far down as the page goes
    settle(page)
    page.evaluate(ON_RUN_END_SCROLL)
    align.click()
    reader_table(page).locator("tr.row").first.wait_for(timeout=90_000)
    settle(page)
    # the note above the rows (a rerun of this test finds the texts aligned before)
    note = page.get_by_text(re.compile(r"written to .*\.po|were aligned here before"))
    expect(note).to_be_in_viewport()
    # and it was there when the run that drew the reader ended: moved up 150 ms later, the
    # page went from under a click already on its way (pressed on Download, let go beside it)
    page.wait_for_function("window.__scrolled_at_end.length > 0")
    assert page.evaluate("window.__scrolled_at_end") == [0]


def test_on_a_phone_the_learn_buttons_stay_in_view(page, po_copy):
    """No J, K or Space on a phone: Previous / Reveal / Next used to be a long scroll up from
    the sentence after every tap."""
    open_by_path(page, po_copy)
    page.locator("section[data-testid='stSidebar']").get_by_text("Learn").click()
    where = page.get_by_text(re.compile(r"Sentence \d+ of \d+"))
    expect(where).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 844})   # then read on a phone
    settle(page)
    start = int(re.search(r"Sentence (\d+)", where.inner_text()).group(1))  # where it stopped
    next_button = page.get_by_role("button", name="Next sentence (j) ▶")
    for n in range(start + 1, start + 4):
        page.mouse.move(200, 600)
        page.mouse.wheel(0, 1500)   # reading on, down the page
        settle(page)
        expect(next_button).to_be_in_viewport()
        next_button.click()
        expect(page.get_by_text(re.compile(rf"Sentence {n} of \d+"))).to_be_in_viewport()
    page.screenshot(path="/tmp/s24/phone_learn.png")


def chaptered_po(path: Path) -> Path:
    """A book of five chapters of 40 sentences, each opened by 'CHAPITRE n' / 'CHAPTER n'
    in a paragraph of its own: 205 links, four pages of 50 and one of 5."""
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    src, tgt, par = [], [], 0
    for ch in range(1, 6):
        src.append(Sentence(f"CHAPITRE {ch}", par))
        tgt.append(Sentence(f"CHAPTER {ch}", par))
        src += [Sentence(f"Le pont {ch}.{k} enjambe la rivière.", par + 1 + k // 5) for k in range(40)]
        tgt += [Sentence(f"Bridge {ch}.{k} spans the river.", par + 1 + k // 5) for k in range(40)]
        par += 9
    links = tuple(Link((k,), (k,), 0.95) for k in range(len(src)))
    write_po(Bitext(tuple(src), tuple(tgt), Alignment(links), "fr", "en"), path)
    return path


def go_to_heading(page, name: str) -> None:
    """What a person does: open the sidebar's 'Go to a heading' list, click a heading."""
    choose_option(page, page.locator(".st-key-goto_heading"), name)
    settle(page)


@pytest.mark.fresh_tab("it answers the page's dialogs itself")
def test_a_book_turns_to_the_chapter_chosen_in_its_contents(page, tmp_path):
    """A reader of a whole book had only the pager and the search box to reach a chapter.
    The sidebar lists the book's headings; choosing one turns to its page with its row in
    view, leaves a correction being typed where it was, and moves Learn mode's sentence."""
    open_by_path(page, chaptered_po(tmp_path / "book.po"))
    expect(page.locator(".st-key-goto_heading")).to_contain_text("Go to a heading (5)")
    page.get_by_text("Correct a link").click()   # link 1 selected, a correction being typed
    box = page.get_by_label("Edit the target sentence")
    box.fill("Typed, not applied.")
    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.message), d.accept()))
    go_to_heading(page, "124 · CHAPITRE 4")
    expect(page.get_by_text("Page 3 of 5 · rows 101–150 of 205").first).to_be_visible()
    heading = reader_table(page).locator("tr#link-124")
    expect(heading).to_be_in_viewport()
    expect(heading).to_have_class(re.compile(r"\bheading\b"))   # drawn bold
    expect(box).to_have_value("Typed, not applied.")
    assert asked == []
    page.locator("section[data-testid='stSidebar']").get_by_text("Learn").click()
    expect(page.get_by_text(re.compile(r"Sentence 1 of 205"))).to_be_visible()
    assert len(asked) == 1   # leaving the typed text for Learn: asked, and answered OK
    settle(page)
    go_to_heading(page, "42 · CHAPITRE 2")
    expect(page.get_by_text(re.compile(r"Sentence 42 of 205"))).to_be_visible()
    expect(reader_table(page).locator("tr#link-42")).to_have_class(re.compile("current"))
    go_to_heading(page, "42 · CHAPITRE 2")   # the same heading again, after reading on


def arabic_po(path: Path) -> Path:
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    ar = ("ذهب أحمد إلى السوق يوم السبت.", "اشترى خبزاً وجبناً بـ 12 ديناراً.")
    fr = ("Ahmed est allé au marché samedi.", "Il a acheté du pain et du fromage pour 12 dinars.")
    links = tuple(Link((i,), (i,), 0.95) for i in range(2))
    write_po(Bitext(tuple(map(Sentence, ar)), tuple(map(Sentence, fr)), Alignment(links),
                    "ar", "fr"), path)
    return path


def direction(locator) -> str:
    return locator.evaluate("e => getComputedStyle(e).direction")


def test_arabic_reads_right_to_left_when_revealed_and_on_its_cards(page, tmp_path):
    """Learn mode with the Arabic hidden: "show" reveals it right to left (the cell's first
    letters were "show", and the sentence was laid out left to right, its full stop at the
    wrong end); the sentence cards' Arabic back reads right to left too."""
    open_by_path(page, arabic_po(tmp_path / "ar-fr.po"))
    page.locator("section[data-testid='stSidebar']").get_by_text("Learn").click()
    page.locator(".st-key-hide").get_by_text("ar").click()
    settle(page)
    cell = reader_table(page).locator("tr#link-1 td.src")
    cell.get_by_text("show").click()
    sentence = cell.get_by_text("ذهب أحمد")
    expect(sentence).to_be_visible()
    assert direction(sentence) == "rtl"
    page.get_by_role("button", name="Sentence cards (Anki)").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the deck (.apkg)").click()
    db = tmp_path / "collection.anki2"
    db.write_bytes(zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
                   .read("collection.anki2"))
    with sqlite3.connect(db) as con:
        fields = con.execute("select flds from notes").fetchone()[0].split("\x1f")
        models = con.execute("select models from col").fetchone()[0]
    import json
    template = next(iter(json.loads(models).values()))["tmpls"][0]["afmt"]
    card = template.replace("{{FrontSide}}", "").replace("{{Sentence}}", fields[0]) \
        .replace("{{Translation}}", fields[1]).replace("{{Link}}", fields[2])
    page.set_content(f"<html><body>{card}</body></html>")
    back = page.get_by_text("ذهب أحمد")
    assert direction(back) == "rtl", card


def _csv_pairs(page) -> list[tuple[str, str]]:
    """The (word, translation) rows of the glossary CSV the page downloads now."""
    import csv

    with page.expect_download() as info:
        page.get_by_role("button", name=CSV).click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    return [(r[0], r[1]) for r in rows[1:]]


def _function_rows(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Rows whose first word on either side is a function word of its language."""
    from alignment.glossary_vocab import has_function_word

    return [(s, t) for s, t in rows
            if has_function_word(s.split(" (")[0], t.split(" (")[0], "fr", "en")]


def test_a_glossary_leaves_out_function_words_its_search_folds_and_its_files_hold_the_rows_shown(
        page, po_copy, tmp_path):
    """One glossary, what a teacher and a learner met (one journey: three tests each opened the
    text, found its word links and opened its glossary):
    - pairs of two function words ('le' -> 'the') led the list: they are out until the
      "Function words" box is ticked, and the CSV holds what the table shows;
    - the glossary shows words as the text writes them ('Saint-Aubin'): a search typed in lower
      case still finds them (it compared the lowered query with the word as written);
    - a search typed without accents finds 'été' for 'ete', as the sidebar's search does;
    - a teacher searched the glossary for 'perche', clicked "CSV" and took its 2 rows for the
      glossary: under a search the button and the file name say which rows it holds;
    - a learner's Anki deck held the words of an earlier search: it holds the rows shown."""
    import unicodedata

    open_by_path(page, po_copy)
    sidebar = page.locator("section[data-testid='stSidebar']")
    sidebar.get_by_role("button", name="Find word links").click()
    expect(sidebar.get_by_text("Word links found")).to_be_visible(timeout=120_000)
    page.get_by_text("Glossary: the text's word pairs").click()
    with page.expect_download() as info:   # no search: the whole glossary
        page.get_by_role("button", name="CSV", exact=True).click()
    assert info.value.suggested_filename == "journey.po-glossary.csv"
    every = _csv_rows(info.value.path())
    box = page.get_by_role("checkbox", name="Function words")
    expect(box).not_to_be_checked()
    vocabulary = _csv_pairs(page)
    assert vocabulary and not _function_rows(vocabulary), vocabulary
    page.get_by_text("Function words", exact=True).click()
    expect(box).to_be_checked()
    settle(page)
    everything = _csv_pairs(page)
    assert _function_rows(everything) and set(vocabulary) <= set(everything), everything
    page.get_by_text("Function words", exact=True).click()
    expect(box).not_to_be_checked()
    settle(page)
    assert _csv_pairs(page) == vocabulary

    def plain(word: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", word)
                       if not unicodedata.combining(c)).lower()
    capital = next(w for w, _ in vocabulary if w[:1].isupper())
    # a word whose letters without accents are in neither word of its pair as written
    accented = next(w for w, t in vocabulary
                    if plain(w) != w.lower() and plain(w) not in w.lower() + " " + t.lower())
    search = page.get_by_label("Search the glossary")
    for query, word in ((capital.lower(), capital), (plain(accented), accented)):
        search.fill(query)
        search.press("Enter")
        settle(page)
        assert word in [w for w, _ in _csv_pairs(page)], query

    # under a search, the CSV says which rows it holds
    search.click()
    page.keyboard.press("Control+A")   # the last search replaced, as a person does
    page.keyboard.type("pont")
    page.keyboard.press("Enter")
    settle(page)
    button = page.get_by_role("button", name=re.compile(r"^Download the \d+ rows? shown as CSV$"))
    expect(button).to_be_visible()
    shown = int(re.search(r"\d+", button.inner_text()).group())
    with page.expect_download() as info:
        button.click()
    assert info.value.suggested_filename == "journey.po-glossary-pont.csv"
    rows = _csv_rows(info.value.path())
    assert 0 < shown == len(rows) < len(every), (shown, rows)

    # the Anki deck: 'pont' and 'eau' each leave one pair (the same count: the deck was keyed
    # on it)
    search.fill("pont")
    search.press("Enter")
    settle(page)
    page.get_by_role("button", name="Prepare an Anki deck").click()
    expect(page.get_by_role("button", name=ANKI)).to_be_visible()
    search.fill("eau")
    search.press("Enter")
    settle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name=ANKI).click()
    words = deck_words(Path(info.value.path()), tmp_path)
    assert words and all("eau" in w or "eau" in t for w, t in words), words
    # each card's example shows its word in bold, where the sentence writes it as the row does
    examples = deck_examples(Path(info.value.path()), tmp_path)
    assert any(f"<b>{w.lower()}</b>" in ex.lower() for w, ex in examples), examples
    with page.expect_download() as info:
        page.get_by_role("button", name=CSV).click()
    csv_rows = Path(info.value.path()).read_text(encoding="utf-8").splitlines()[1:]
    assert sorted(tuple(r.split(",")[:2]) for r in csv_rows) == words  # the same rows


MIXED = ("Google Maps أظهر الطريق إلى البازار الكبير.", "UNESCO تدرج المدينة القديمة موقعًا للتراث.")


def test_arabic_starting_with_a_latin_word_is_right_to_left_and_space_reveals_at_once(
        page, tmp_path):
    """A teacher of Arabic: an Arabic sentence that starts with a Latin word was laid out left
    to right (dir=auto), in the reader and once revealed in Learn; the correction box and the
    Find box were left to right; Space right after choosing Learn did nothing (the focus was
    on the Mode option) until the page was clicked."""
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    en = ("Google Maps showed the way to the Grand Bazaar.", "UNESCO lists the old city.")
    path = tmp_path / "en-ar.po"
    write_po(Bitext(tuple(map(Sentence, en)), tuple(map(Sentence, MIXED)),
                    Alignment(tuple(Link((i,), (i,), 0.95) for i in range(2))), "en", "ar"), path)
    open_by_path(page, path)
    cell = reader_table(page).locator("tr#link-1 td.tgt")
    assert (direction(cell), direction(reader_table(page).locator("tr#link-1 td.src"))) \
        == ("rtl", "ltr")
    page.get_by_text("Correct a link").click()
    box = page.get_by_label("Edit the target sentence")
    expect(box).to_have_value(MIXED[0])
    assert direction(box) == "rtl"
    sidebar = page.locator("section[data-testid='stSidebar']")
    sidebar.locator(".st-key-q_side").get_by_text("ar", exact=True).click()
    settle(page)
    assert direction(page.locator(".st-key-q input")) == "rtl"
    sidebar.get_by_text("Learn", exact=True).click()
    expect(page.get_by_text(re.compile(r"Sentence 1 of 2"))).to_be_visible()
    settle(page)
    page.keyboard.press("Space")   # no click in the page first
    revealed = reader_table(page).locator("tr#link-1 td.tgt details[open]")
    expect(revealed).to_have_count(1)
    assert direction(revealed.get_by_text("أظهر الطريق")) == "rtl"


# The reader's search box, typed in as a person does: a letter typed with an accent counts for
# that letter only ('iñigo' found no 'Íñigo': its 'ñ' made the whole query accent-exact), and an
# ordinal after an abbreviation's dot is its letter ('sra' found no 'Sr.ª'). And the sample's
# word links, found from the reader: hovering a word lights up its counterpart.

PAIRS = [("El niño de los Peña se llama Íñigo.", "The Peñas' boy is called Íñigo."),
         ("¡Vamos, ÍÑIGO, que llegamos tarde!", "Come on, Íñigo, we are late!"),
         ("La Sr.ª Silva vive aquí desde hace un año.", "Mrs Silva has lived here for a year."),
         ("El ano del perro.", "The dog's anus.")]
LIT = "rgb(179, 229, 252)"  # the hover colour of alignment.browse.word_css


@pytest.fixture
def spanish_po(tmp_path) -> Path:
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence

    bitext = Bitext(tuple(Sentence(s, 0) for s, _ in PAIRS), tuple(Sentence(t, 0) for _, t in PAIRS),
                    Alignment(tuple(Link((k,), (k,), 0.9) for k in range(len(PAIRS)))), "es", "en")
    return write_po(bitext, tmp_path / "es-en.po")


def type_search(page, query: str) -> None:
    """Click the search box, select what it holds, type the query, Enter."""
    page.locator(".st-key-q input").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(query)
    page.keyboard.press("Enter")


SEARCHES = [
    ("iñigo", ["Íñigo", "Íñigo", "ÍÑIGO", "Íñigo"]),
    ("IÑIGO", ["Íñigo", "Íñigo", "ÍÑIGO", "Íñigo"]),
    ("año", ["año"]),                                  # an 'ñ' typed: not 'ano'
    ("sra", ["Sr.ª"]),
]


def test_the_search_box_finds_what_was_typed(page, spanish_po):
    """Each query typed in turn into the one text opened (a test each opened it four times);
    the search is cleared and its marks seen gone between two, so a query's marks are its own,
    not the last one's (the two 'Íñigo' queries mark the same words)."""
    open_by_path(page, spanish_po)
    hits = reader_table(page).locator("mark.hit")
    for query, marks in SEARCHES:
        type_search(page, query)
        expect(hits.first, f"searching {query!r}").to_be_visible()
        expect(hits, f"searching {query!r}").to_have_text(marks)
        page.keyboard.press("Control+A")   # the search cleared, as a person does
        page.keyboard.press("Backspace")
        page.keyboard.press("Enter")
        expect(hits, f"after clearing {query!r}").to_have_count(0)


def test_hovering_a_word_lights_up_its_counterpart(page):
    """The sample aligned from its card (hashing embedder: no model), its word links found."""
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.get_by_role("button", name="Align and open").first.click(timeout=60_000)
    page.get_by_role("button", name="Find word links").click(timeout=90_000)
    reader = page.locator("table.al-rows").last
    row = reader.locator("tr", has_text="Le vieux pont de Saint-Aubin").first
    word = row.locator("td.src mark.w", has_text="Saint-Aubin").first
    word.wait_for(timeout=90_000)
    group = [c for c in word.get_attribute("class").split() if c.startswith("wg")][0]
    counterpart = row.locator(f"td.tgt mark.{group}").first
    expect(counterpart).to_have_text("Saint-Aubin")
    colour = "el => getComputedStyle(el).backgroundColor"
    assert counterpart.evaluate(colour) != LIT
    word.hover()
    page.wait_for_timeout(200)
    assert counterpart.evaluate(colour) == LIT
    other = row.locator("td.tgt mark.w:not(.%s)" % group).first
    assert other.evaluate(colour) != LIT  # only the counterpart lights up


STORY = (("Il vecchio ponte", "The old bridge"),
         ("Il ponte è vecchio. Lucia lo attraversa ogni mattina.",
          "The bridge is old. Lucia crosses it every morning."),
         ("Il fiume è calmo. Le barche dormono. Un cane abbaia.",
          "The river is calm. The boats are asleep. A dog barks."),
         ("La sera torna a casa. Il ponte è ancora lì.",
          "In the evening she goes home. The bridge is still there."))


def _epub_from_menu(page, layout: str) -> tuple[str, str]:
    """The layout chosen beside Download ▸ EPUB (the menu open), then the EPUB: its title and
    first chapter."""
    page.locator(".st-key-epub_layout").get_by_text(layout, exact=True).click()
    settle(page)
    expect(page.get_by_role("radio", name=layout)).to_be_checked()
    with page.expect_download() as info:
        page.get_by_role("button", name="EPUB", exact=True).click()
    assert info.value.suggested_filename.endswith(".epub")
    book = zipfile.ZipFile(info.value.path())
    title = re.search(r"<dc:title>(.*?)</dc:title>", book.read("OEBPS/content.opf").decode()).group(1)
    return title, book.read("OEBPS/c0000.xhtml").decode()


def test_a_teachers_class_reader_from_two_files(page, tmp_path):
    """A teacher's report on a story uploaded as two files: the EPUB, page and handout were
    titled 'it ↔ it_en' though the story opens with its heading; the handout opened with the
    reviewer's counts; the app's EPUB was in sentence pairs alone; Learn said "resumed where
    you stopped last time" on a text never opened in Learn (the reader's place)."""
    it, en = tmp_path / "ponte_it.txt", tmp_path / "ponte_en.txt"
    it.write_text("\n\n".join(a for a, _ in STORY), encoding="utf-8")
    en.write_text("\n\n".join(b for _, b in STORY), encoding="utf-8")
    upload_pair(page, it, en)
    page.get_by_role("button", name="Align", exact=True).click()
    reader_table(page).locator("tr.row").first.wait_for(timeout=90_000)
    settle(page)
    page.get_by_role("button", name="Download").click()
    expect(page.get_by_role("radio", name="Paragraphs")).to_be_checked()   # for a story in paragraphs
    title, chapter = _epub_from_menu(page, "Paragraphs")
    assert title == "Il vecchio ponte"
    assert 'class="para"' in chapter and 'class="pair"' not in chapter
    title, chapter = _epub_from_menu(page, "Sentence pairs")
    assert title == "Il vecchio ponte" and 'class="pair"' in chapter and 'class="para"' not in chapter
    with page.expect_download() as handout:
        page.get_by_role("button", name="HTML handout (translations hidden)").click()
    text = Path(handout.value.path()).read_text(encoding="utf-8")
    assert "<title>Il vecchio ponte</title>" in text and "Le barche dormono." in text
    assert "sentences," not in text and "Marked in the margin" not in text
    page.keyboard.press("Escape")
    choose_link(page, 5)                  # read in the reader, never in Learn; then closed
    page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close").click()
    page.get_by_role("button", name=re.compile(r"ponte_it.*↔")).first.click()
    reader_table(page).locator("tr.row").first.wait_for()
    page.locator("section[data-testid='stSidebar']").get_by_text("Learn").click()
    expect(page.get_by_text(re.compile(r"Sentence 5 of \d+ · where you were reading last time"))
           ).to_be_visible()
    expect(page.get_by_text(re.compile("resumed"))).to_have_count(0)


def learn_line(page):
    """Learn's progress line ("Sentence 4 of 33 · where you were reading last time")."""
    return page.locator(".st-key-learn_bar [data-testid='stProgress']")


def test_a_text_left_in_learn_reopens_in_learn_at_its_place(page, po_copy):
    """A learner came back (the phone's page reloaded, the text opened again) to find the text
    in Read, every translation showing, at the sentence Learn had reached."""
    open_by_path(page, po_copy)
    page.locator("section[data-testid='stSidebar']").get_by_text("Learn", exact=True).click()
    expect(learn_line(page)).to_contain_text("Sentence ")
    settle(page)
    start = int(re.search(r"Sentence (\d+)", learn_line(page).inner_text()).group(1))
    page.locator("h3").first.click()   # keys go to the page
    for n in range(start + 1, start + 4):
        page.keyboard.press("j")
        expect(learn_line(page)).to_contain_text(f"Sentence {n} of")
    settle(page)
    page.reload()   # a new session: the start page
    page.get_by_text("Align new texts").wait_for()
    open_by_path(page, po_copy)
    expect(page.get_by_role("button", name="Reveal (space)")).to_be_visible()
    expect(learn_line(page)).to_contain_text(f"Sentence {start + 3} of")
    expect(learn_line(page)).to_contain_text("where you were reading last time")
    expect(row_of(page, start + 3)).to_have_class(re.compile("current"))
    expect(reader_table(page).locator("summary").first).to_be_visible()   # translations hidden
    expect(reader_table(page).locator("details[open]")).to_have_count(0)
    # read in Read, the text reopens in Read
    page.locator("section[data-testid='stSidebar']").get_by_text("Read", exact=True).click()
    settle(page)
    page.reload()
    page.get_by_text("Align new texts").wait_for()
    open_by_path(page, po_copy)
    expect(page.get_by_role("button", name="Reveal (space)")).to_have_count(0)
    expect(page.locator(".st-key-mode input[type=radio]").nth(0)).to_be_checked()


def test_a_sentence_revealed_by_a_click_becomes_the_current_one(page, po_copy):
    """A learner clicked "show" on a later sentence, then J: Learn went on from the sentence
    before the click (42 to 43), not from the one revealed (20 to 21)."""
    open_by_path(page, po_copy)
    page.locator("section[data-testid='stSidebar']").get_by_text("Learn", exact=True).click()
    expect(learn_line(page)).to_contain_text("Sentence ")
    settle(page)
    start = int(re.search(r"Sentence (\d+)", learn_line(page).inner_text()).group(1))
    assert start < 19, start   # where the sample was read last (Learn's place is the corpus's)
    row_of(page, 20).get_by_text("show", exact=True).click()
    expect(learn_line(page)).to_contain_text("Sentence 20 of")
    expect(row_of(page, 20)).to_have_class(re.compile("current"))
    expect(row_of(page, 20).locator("td.tgt details > div")).to_be_visible()   # revealed
    expect(row_of(page, start)).not_to_have_class(re.compile("current"))
    settle(page)
    page.locator("h3").first.click()
    page.keyboard.press("j")
    expect(learn_line(page)).to_contain_text("Sentence 21 of")
    expect(row_of(page, 21)).to_have_class(re.compile("current"))
    expect(row_of(page, 20).locator("td.tgt details > div")).to_be_visible()   # stays revealed
    page.keyboard.press("Space")   # Reveal: the new current sentence
    expect(row_of(page, 21).locator("td.tgt details > div")).to_be_visible()


HEBREW = [("דוד גר בתל אביב עם אשתו שרה.", "David lives in Tel Aviv with his wife Sarah."),
          ("הם קנו דירה חדשה ליד הים.", "They bought a new flat near the sea."),
          ("בשבת הם הולכים לחוף.", "On Saturday they walk to the beach."),
          ("השכנים שלהם מגיעים מחיפה.", "Their neighbours come from Haifa.")]


def hebrew_po(path: Path) -> Path:
    """A Hebrew–English PO with word links (linked here with the tests' hashing embedder)."""
    from alignment.embed import HashingEmbedder
    from alignment.po import write_po
    from alignment.types import Alignment, Bitext, Link, Sentence
    from alignment.words import link_bitext

    bitext = Bitext(tuple(Sentence(s, 0) for s, _ in HEBREW), tuple(Sentence(t, 0) for _, t in HEBREW),
                    Alignment(tuple(Link((k,), (k,), 0.9) for k in range(len(HEBREW)))), "he", "en")
    return write_po(link_bitext(bitext, embedder=HashingEmbedder()), path)


def test_a_language_the_encoder_does_not_know_is_said_in_words_and_glossary(
        context, use_server, tmp_path):
    """A tester of Hebrew: Proofread said nothing of its checks comparing words by spelling
    only, and word links that follow word position (Hindi 'मुंबई' → 'lives') made a glossary
    half wrong without a word said."""
    page = context.new_page()
    page.goto(use_server)
    page.get_by_text("Align new texts").wait_for()
    open_by_path(page, hebrew_po(tmp_path / "he-en.po"))
    sidebar = page.locator("section[data-testid='stSidebar']")
    guessed = "The sentence encoder does not know he: word links there are guesses by word position"
    expect(sidebar.get_by_text(guessed)).to_be_visible()
    page.get_by_text("Glossary: the text's word pairs").click()
    warning = page.locator("[data-testid='stExpander'] [data-testid='stAlert']")
    expect(warning).to_contain_text(guessed)
    expect(warning).to_contain_text("This glossary is made of them.")
    assert warning.bounding_box()["y"] < page.locator("[data-testid='stDataFrame']").bounding_box()["y"]
    sidebar.get_by_text("Proofread", exact=True).click()
    expect(page.get_by_text("The sentence encoder does not know he: the checks compare words by "
                            "spelling only.")).to_be_visible()
    page.close()
