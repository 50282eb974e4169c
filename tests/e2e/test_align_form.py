"""The start page's "Align new texts" form as a person fills it: a language chosen against the
text's is warned under its box, the same text as original and translation is warned, and an
upload in UTF-16 or Latin-1 is guessed as the command line reads it; a DOCX pair uploaded
through the form is aligned and shown, its banner not on another file opened after Close."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e_helpers import open_by_path, reader_table, settle, upload_pair
from test_read_formats import make_docx

pytestmark = pytest.mark.e2e

RU = ("Старый мост через реку построили больше трёх веков назад. У него семь арок, и каждый "
      "день жители деревни ходят по нему на рынок. Весной под его сводами гнездятся ласточки.\n")
EN = ("The old bridge over the river was built more than three centuries ago. It has seven "
      "arches, and every day the villagers cross it on their way to the market. In spring, "
      "swallows nest under its vaults.\n")
ES = ("El señor llegó a la aldea una mañana de invierno. Había pasado años en el extranjero y "
      "nadie lo reconoció al principio. Su hermana lloró al verlo.\n")
BOOK_FR = [("Chapitre un", ["La pluie avait cessé avant l'aube.", "Anna ouvrit les volets et "
                            "regarda la rue mouillée en bas."]),
           ("Chapitre deux", ["Personne ne vint ce matin-là.", "À midi, le boulanger avait vendu "
                              "tout son pain."])]
BOOK_EN = [("Chapter one", ["The rain had stopped before dawn.", "Anna opened the shutters and "
                            "looked at the wet street below."]),
           ("Chapter two", ["Nobody came that morning.", "By noon the baker had sold all his bread."])]


def upload(page, side: str, path) -> None:
    page.locator(f".st-key-new_{side} input[type=file]").set_input_files(str(path))
    settle(page)


def choose(page, side: str, lang: str) -> None:
    """Click into the side's language box, type `lang` over it and click it in the list, as a
    person does (a click alone on the box, focused since the upload, does not open its list)."""
    page.locator(f".st-key-lang_{side} input").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(lang)
    page.get_by_role("option", name=lang, exact=True).click()
    settle(page)


def test_a_language_chosen_against_the_texts_is_warned_before_align(page, tmp_path):
    ru, en = tmp_path / "bridge.ru.txt", tmp_path / "bridge.en.txt"
    ru.write_text(RU, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    upload(page, "src", ru)
    upload(page, "tgt", en)
    expect(page.get_by_text("Original language (detected: ru)")).to_be_visible()
    warning = page.locator("[data-testid='stAlert']").filter(has_text="reads as")
    expect(warning).to_have_count(0)
    choose(page, "src", "en")
    expect(warning).to_have_count(1)
    expect(warning).to_contain_text("bridge.ru.txt reads as ru, not en")
    choose(page, "tgt", "ru")   # swapped: each box says it
    expect(warning).to_have_count(2)
    expect(warning.nth(1)).to_contain_text("bridge.en.txt reads as en, not ru")
    expect(page.get_by_role("button", name="Align", exact=True)).to_be_enabled()   # not refused
    choose(page, "src", "ru")
    choose(page, "tgt", "en")
    expect(warning).to_have_count(0)


def test_the_same_text_twice_is_warned(page, tmp_path):
    ru, copy, en = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    ru.write_text(RU, encoding="utf-8")
    copy.write_text(RU, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    upload(page, "src", ru)
    upload(page, "tgt", copy)
    warning = page.locator("[data-testid='stAlert']").filter(has_text="hold the same text")
    expect(warning).to_contain_text("a.txt and b.txt hold the same text: give an original and "
                                    "its translation")
    upload(page, "tgt", en)
    expect(warning).to_have_count(0)


@pytest.mark.parametrize("text, encoding, lang", [
    (EN, "utf-16", "en"), (EN, "utf-16-le", "en"), (ES, "latin-1", "es"), (ES, "cp1252", "es"),
], ids=["utf16-bom", "utf16-no-bom", "latin1", "cp1252"])
def test_an_upload_is_guessed_as_the_reader_decodes_it(page, tmp_path, text, encoding, lang):
    """A UTF-16 English text was guessed Welsh, and aligned without the encoder."""
    path = tmp_path / f"text-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    upload(page, "tgt", path)
    expect(page.get_by_text(f"Translation language (detected: {lang})")).to_be_visible()
    expect(page.locator(".st-key-lang_tgt input")).to_have_value(lang)


def test_browser_aligns_an_uploaded_docx_pair(page, tmp_path):
    src, tgt = tmp_path / "livre.docx", tmp_path / "book.docx"
    src.write_bytes(make_docx(BOOK_FR, title="Un livre", footnote=False))
    tgt.write_bytes(make_docx(BOOK_EN, title="A book", footnote=False))
    page.set_viewport_size({"width": 1400, "height": 1000})
    upload_pair(page, src, tgt)
    button = page.get_by_role("button", name="Align", exact=True)
    expect(button).to_be_enabled(timeout=60_000)
    button.click()
    reader = page.locator("table.al-rows").last
    row = reader.locator("tr", has_text="La pluie avait cessé avant l'aube.").first
    row.wait_for(timeout=90_000)
    expect(row).to_contain_text("The rain had stopped before dawn.")


# The reader's banner about the file just aligned belongs to that file: after Close, another
# file opened by its path was greeted with "Aligned de ↔ fr and written to <the first file>".
def test_the_aligned_banner_is_not_shown_on_another_file_opened_after_close(page, po_copy,
                                                                            tmp_path):
    fr = tmp_path / "horloge-fr.txt"
    en = tmp_path / "horloge-en.txt"
    fr.write_text("L'horloge sonne midi. Le village se met à table.\n", encoding="utf-8")
    en.write_text("The clock strikes noon. The village sits down to eat.\n", encoding="utf-8")
    upload_pair(page, fr, en)
    page.get_by_role("button", name="Align", exact=True).click()
    reader_table(page).locator("tr.row").first.wait_for(timeout=90_000)
    settle(page)
    expect(page.get_by_text("and written to")).to_be_visible()   # this file's own banner
    page.locator("section[data-testid='stSidebar']").get_by_role("button", name="Close").click()
    page.get_by_text("Align new texts").wait_for()
    open_by_path(page, po_copy)
    expect(page.get_by_text(po_copy.name).first).to_be_visible()
    expect(page.get_by_text("and written to")).to_have_count(0)
    expect(page.get_by_text("horloge-fr")).to_have_count(0)
