"""Comparing several translations, as a tester did (QA 2026-12-04, /tmp/s39/t3): corrections
saved to a pair stay in the set whatever rewrote the set's file, two translators' texts are
not drawn struck out, a version of two sentences is not "far longer", a set gone while its
pair was open is said, and what is no set is named for what it is. Mouse and keys in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e_helpers import choose_link, click_download, settle

from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import join
from alignment.versions_io import write_pair_pos, write_set_tmx

pytestmark = pytest.mark.e2e

FR = ["Le port de Saint-Malo.", "Le matin du 14 mars, Jeanne descendit au port.",
      "Les bateaux rentraient de la pêche sous la pluie.", "Elle avait douze ans et ne savait pas nager.",
      "Son père réparait les filets sur le quai."]
EN1 = ["The Harbour of Saint-Malo.", "On the morning of 14 March, Jeanne went down to the harbour.",
       "The boats were coming back from fishing in the rain.", "She was twelve and could not swim.",
       "Her father was mending the nets on the quay."]
EN2 = ["Saint-Malo Harbour.", "Early on 14 March Jeanne walked to the port.",
       "Fishing boats returned through the drizzle.", "Twelve years old, she had never learnt to swim.",
       "On the wharf her father patched nets."]
ES = ["El puerto de Saint-Malo.", "La mañana del 14 de marzo, Jeanne bajó al puerto.",
      "Los barcos volvían de la pesca bajo la lluvia.", "Tenía doce años y no sabía nadar.",
      "Su padre reparaba las redes en el muelle."]
FIXED = "Tenía doce años y aún no sabía nadar."


def write_set(folder: Path, texts: dict[str, list[str]], title: str = "orig.fr") -> Path:
    """SET.tmx and a PO per pair, as `alignment align -o` writes them; each version linked 1-1
    as far as it goes, the rest of the original left out."""
    versions = tuple(Version(name, re.sub(r"\d", "", name), tuple(Sentence(s) for s in lines))
                     for name, lines in texts.items())
    n = len(versions[0].sentences)
    pairs = [Alignment(tuple(Link((i,), (i,) if i < len(v.sentences) else (), 0.9)
                             for i in range(n))) for v in versions[1:]]
    vs = join(versions, pairs, title=title)
    folder.mkdir(parents=True, exist_ok=True)
    write_pair_pos(vs, folder / "set")
    return write_set_tmx(vs, folder / "set.tmx")[0]


def open_set(page, path: Path) -> None:
    """Type the set's path on the start page, Enter, click Open set."""
    box = page.get_by_label("…or the path of a version set (.tmx)")
    box.click()
    page.keyboard.type(str(path))
    page.keyboard.press("Enter")
    settle(page)
    page.get_by_role("button", name="Open set").click()


def cell(page, name: str, row: int):
    return page.locator("div.vs-grid").first.locator(f"div.vs-cell[data-name='{name}']").nth(row - 1)


def correct_link(page, n: int, text: str) -> None:
    """In the pair's reader: "Correct a link", link n, the target retyped, Apply and save."""
    choose_link(page, n)
    box = page.get_by_label("Edit the target sentence")
    expect(box).to_have_value(ES[n - 1])
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.get_by_role("button", name="Apply and save (Ctrl+S)").click()
    expect(page.locator("table.al-rows").last).to_contain_text(text)
    expect(page.get_by_text("unsaved change")).to_have_count(0)


def close_back_to_set(page) -> None:
    settle(page)
    page.locator("section[data-testid='stSidebar']").get_by_role(
        "button", name="Close (back to the set)").click()


def test_a_correction_stays_in_the_set_after_a_script_rewrites_its_file(page, tmp_path):
    """s16: corrected in the pair, then set.tmx changed by a script (its title only): the
    set's columns and its TSV lost the correction, the set being newer than the pair's PO."""
    path = write_set(tmp_path / "app", {"fr": FR, "en1": EN1, "en2": EN2, "es": ES})
    open_set(page, path)
    page.get_by_role("button", name="Correct or learn fr–es").click()
    correct_link(page, 4, FIXED)
    path.write_bytes(path.read_bytes().replace(b">orig.fr</prop>", b">Saint-Malo</prop>"))
    assert path.stat().st_mtime_ns > (path.parent / "set.fr-es.po").stat().st_mtime_ns
    close_back_to_set(page)
    expect(cell(page, "es", 4)).to_have_text(FIXED)
    expect(page.get_by_text(re.compile(r"fr–es: rows joined again from the corrected "
                                       r"set\.fr-es\.po: 1 of its 5 links differs"))).to_be_visible()
    rows = Path(click_download(page, "TSV").path()).read_text(encoding="utf-8").splitlines()
    assert rows[4].split("\t")[3] == FIXED
    page.keyboard.press("Escape")
    # the set's own rows are one click away, not hidden either
    page.locator("section[data-testid='stSidebar']").get_by_text(
        "Rows as in set.tmx alone (without the pair POs)").click()
    expect(cell(page, "es", 4)).to_have_text(ES[3])
    expect(page.get_by_text(re.compile("Not shown now .*rows joined again"))).to_be_visible()


def test_two_translators_are_not_drawn_struck_out_until_asked(page, tmp_path):
    """Word diff on by default between two independent translations read as '~~On~~Early'."""
    open_set(page, write_set(tmp_path / "two", {"fr": FR, "en1": EN1, "en2": EN2}))
    expect(cell(page, "en2", 2)).to_have_text(EN2[1])
    grid = page.locator("div.vs-grid").first
    expect(grid.locator("del")).to_have_count(0)
    toggle = page.get_by_label("Word diff between same-language versions")
    expect(toggle).not_to_be_checked()
    page.get_by_text("Word diff between same-language versions").click()
    expect(cell(page, "en2", 2).locator("del").first).to_be_visible()


def test_a_version_of_two_sentences_is_not_far_longer_and_its_empty_rows_are_not_rewordings(
        page, tmp_path):
    open_set(page, write_set(tmp_path / "tiny", {"fr": FR, "en1": EN1, "en2": EN1[:1] + EN2[1:2]}))
    grid = page.locator("div.vs-grid").first
    expect(grid.locator("div.vs-mark.flag").first).to_be_visible()
    titles = [m.get_attribute("title") for m in grid.locator("div.vs-mark.flag").all()]
    assert titles == ["en2: nothing here"] * 3, titles
    page.get_by_text("Summary", exact=True).click()
    table = page.locator("table.vs-sum")
    expect(table).to_contain_text("vs en1: 50% of rows worded differently")
    expect(table).to_contain_text("(3 rows where one of the two has nothing)")


def test_a_set_deleted_while_its_pair_is_open_is_said_on_close(page, tmp_path):
    path = write_set(tmp_path / "gone", {"fr": FR, "en1": EN1, "en2": EN2})
    open_set(page, path)
    page.get_by_role("button", name="Correct or learn fr–en2").click()
    expect(page.locator("table.al-rows").last).to_contain_text(EN2[0])
    path.unlink()
    close_back_to_set(page)
    expect(page.get_by_text(re.compile(
        r"The version set set\.tmx is no longer at .*gone/set\.tmx \(deleted or moved while one "
        r"of its pairs was open\), so Close came back here; your corrections to the pair are "
        r"saved in .*set\.fr-en2\.po"))).to_be_visible()
    expect(page.get_by_role("heading", name="Compare versions")).to_be_visible()


def test_what_is_no_set_is_named_for_what_it_is(page, tmp_path):
    folder = tmp_path / "texts"
    path = write_set(folder, {"fr": FR, "en1": EN1, "en2": EN2})
    (folder / "v1.en.txt").write_text("\n".join(EN1) + "\n", encoding="utf-8")
    (folder / "memory.tmx").write_text(
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr">'
        '<seg>Le port.</seg></tuv><tuv xml:lang="en"><seg>The harbour.</seg></tuv></tu></body></tmx>',
        encoding="utf-8")
    for given, said in ((folder / "v1.en.txt", r"v1\.en\.txt is not a version set \(not TMX\)"),
                        (folder / "memory.tmx", r"memory\.tmx is a TMX of pairs .* 'Open a PO file'"),
                        (folder, rf"texts is a folder; give the path of the set's \.tmx file in "
                                 rf"it \(({path.name}|memory\.tmx), ")):
        box = page.get_by_label("…or the path of a version set (.tmx)")
        box.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(str(given))
        page.keyboard.press("Enter")
        settle(page)
        page.get_by_role("button", name="Open set").click()
        expect(page.get_by_text(re.compile(said))).to_be_visible()
        expect(page.get_by_text("restore the file")).to_have_count(0)


# ---------------------------------------------------------------- languages typed at upload
# A version set uploaded on the start page: a language typed against its text is said under the
# languages box before Align, as the pair's language box says it (an English file typed as es
# was aligned as Spanish without a word).

BOX = "Languages, original first (detected; correct them if need be)"


def type_languages(page, text: str) -> None:
    box = page.get_by_label(BOX)
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    settle(page)


def text_files(folder: Path, texts) -> list[str]:
    """Each (name, sentences) written as folder/name.txt, one line; their paths, in order."""
    paths = []
    for name, lines in texts:
        path = folder / f"{name}.txt"
        path.write_text(" ".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_language_typed_against_a_versions_text_is_said_before_align(page, tmp_path):
    from test_versions_check import EN, FR, OTHER

    paths = text_files(tmp_path, (("roman", FR), ("anna", EN), ("mill", OTHER)))
    page.locator(".st-key-vs_up_src input[type=file]").set_input_files(paths[0])
    expect(page.locator(".st-key-vs_up_src").get_by_text("roman.txt")).to_be_visible()
    settle(page)
    page.locator(".st-key-vs_up_versions input[type=file]").set_input_files(paths[1:])
    expect(page.get_by_label(BOX)).to_have_value("fr, en, en", timeout=30_000)
    warning = page.get_by_text("check the language before Align", exact=False)
    expect(warning).to_have_count(0)   # the detected languages: nothing to say
    type_languages(page, "fr, en, es")
    expect(page.get_by_text("mill.txt reads as en, not es as typed above: check the language "
                            "before Align")).to_be_visible()
    expect(page.get_by_text("anna.txt reads as", exact=False)).to_have_count(0)
    type_languages(page, "fr, en, en")
    expect(warning).to_have_count(0)
    type_languages(page, "fr, en, es")
    page.get_by_role("button", name="Align and compare").click()
    page.locator("div.vs-grid").first.wait_for(timeout=60_000)
    # kept in the set (x-warning): said above it, not only in the box before Align
    expect(page.get_by_text(re.compile(r"mill \(mill\.txt\) reads as en, not es as given: it "
                                       r"was split into sentences and compared as es"))).to_be_visible()


def _set_of(folder: Path, name: str, texts: dict[str, list[str]]) -> Path:
    """NAME.tmx of `texts` alone (`alignment align ... --tmx NAME.tmx`), no pair PO written."""
    versions = tuple(Version(n, re.sub(r"\d", "", n), tuple(Sentence(s) for s in lines))
                     for n, lines in texts.items())
    pairs = [Alignment(tuple(Link((i,), (i,), 0.9) for i in range(len(FR))))] * (len(versions) - 1)
    return write_set_tmx(join(versions, pairs, title="orig.fr"), folder / name)[0]


def test_a_set_aligned_again_without_a_version_joins_no_other_translations_po(page, tmp_path):
    """QA 2026-12-06: en1 left out and the set written over with --tmx: en2 became en1, and
    the old set.fr-en1.po (en1's) was joined into the new en1 column, en2's text gone."""
    path = write_set(tmp_path / "rm", {"fr": FR, "en1": EN1, "en2": EN2, "es": ES})
    _set_of(path.parent, "set.tmx", {"fr": FR, "en1": EN2, "es": ES})
    open_set(page, path)
    expect(cell(page, "en1", 2)).to_have_text(EN2[1])
    expect(page.get_by_text(re.compile(r"set\.fr-en1\.po is not in these columns: its translation "
                                       r"is another text than the set's en1"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"set\.fr-en2\.po is not read with this set: set\.tmx has "
                                       r"no version en2 \(its versions: en1, es\)"))).to_be_visible()
    expect(page.get_by_text("rows joined again", exact=False)).to_have_count(0)


def test_a_renamed_set_says_which_pair_pos_it_does_not_read_and_why_nothing_to_correct(
        page, tmp_path):
    path = write_set(tmp_path / "ren", {"fr": FR, "en1": EN1, "es": ES})
    path.rename(path.with_name("novel.tmx"))
    open_set(page, path.with_name("novel.tmx"))
    page.locator("div.vs-grid").first.wait_for()
    expect(page.get_by_text(re.compile(r"set\.fr-en1\.po and set\.fr-es\.po are not read with "
                                       r"this set: the set's file is novel\.tmx, the POs are "
                                       r"named after set\.tmx"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"Nothing to correct from here: .*novel\.fr-en1\.po"))
           ).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Correct or learn"))).to_have_count(0)


# Versions uploaded under Cyrillic file names (QA 2026-12-05): their columns were 'en-1' and
# 'en-2', 'Гарнетт (1923).txt' was '1923', the start page listed the set as "text (…)", and the
# same translation uploaded twice was aligned as two without a word.

RU = ["Анна получила письмо из Самары.", "Письмо было короткое.", "Писал её брат Михаил."]
GARNETT = ["Anna received a letter from Samara.", "The letter was short.",
           "It was from her brother Mikhail."]
NABOKOV = ["A letter came for Anna from Samara.", "It was brief.", "Her brother Mikhail wrote it."]


def test_languages_typed_stay_when_a_version_is_added(page, tmp_path):
    """Languages typed for an original and two versions, then a third version uploaded: the
    typed codes stay and the new text's language is detected after them (every upload
    detected them all again, and the typing was lost: a set was then refused for a '?')."""
    paths = text_files(tmp_path, (("ru", RU), ("garnett", GARNETT), ("nabokov", NABOKOV), ("copy", NABOKOV)))
    page.locator(".st-key-vs_up_src input[type=file]").set_input_files(paths[0])
    expect(page.locator(".st-key-vs_up_src").get_by_text("ru.txt")).to_be_visible()
    settle(page)
    page.locator(".st-key-vs_up_versions input[type=file]").set_input_files(paths[1:3])
    expect(page.get_by_label(BOX)).to_have_value(re.compile(r"^[^,]+, [^,]+, [^,]+$"), timeout=30_000)
    type_languages(page, "ru, en-GB, en-US")
    page.locator(".st-key-vs_up_versions input[type=file]").set_input_files(paths[3])
    expect(page.locator(".st-key-vs_up_versions").get_by_text("copy.txt")).to_be_visible()
    settle(page)
    expect(page.get_by_label(BOX)).to_have_value(re.compile(r"^ru, en-GB, en-US, [a-z?]+$"))


def test_versions_uploaded_under_cyrillic_names_keep_them_and_a_copy_is_said(page, tmp_path):
    paths = text_files(tmp_path, (("Рассказ", RU), ("Гарнетт (1923)", GARNETT), ("Набоков", NABOKOV),
                                  ("Копия", NABOKOV)))
    page.locator(".st-key-vs_up_src input[type=file]").set_input_files(paths[0])
    expect(page.locator(".st-key-vs_up_src").get_by_text("Рассказ.txt")).to_be_visible()
    settle(page)
    page.locator(".st-key-vs_up_versions input[type=file]").set_input_files(paths[1:])
    # all three in, and a language detected for each, before the languages are typed
    expect(page.get_by_label(BOX)).to_have_value(re.compile(r"^[^,]+(, [^,]+){3}$"), timeout=30_000)
    type_languages(page, "ru, en, en, en")
    page.get_by_role("button", name="Align and compare").click()
    grid = page.locator("div.vs-grid").first
    grid.wait_for(timeout=60_000)
    expect(grid.locator("div.vs-head")).to_have_text(
        ["", "Рассказ · ru", "Гарнетт_1923 · Гарнетт (1923).txt · en", "Набоков · en",
         "Копия · en"])
    expect(page.get_by_text("Набоков and Копия are the same text: the same translation given "
                            "twice?", exact=False)).to_be_visible()
    page.locator("section[data-testid='stSidebar']").get_by_text("Summary", exact=True).click()
    settle(page)
    expect(page.locator("table.vs-sum td").first).to_have_text(
        "Гарнетт_1923 · Гарнетт (1923).txt")
    page.get_by_role("button", name="Close set").click()
    settle(page)
    expect(page.get_by_text("Рассказ (3 versions: Гарнетт_1923, Набоков, Копия)",
                            exact=False).first).to_be_visible()
