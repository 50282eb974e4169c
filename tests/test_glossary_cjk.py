"""A learner of Japanese, Korean or Chinese looks a glossary word up in a dictionary: a Japanese
verb was the stem the tokens cut ('言っ', '食べ'), a Korean noun a row per particle ('어머니는',
'어머니가', '어머니와'), no word had its reading, and '佐藤' read 'sato' beside '健太' 'Kenta'.
Texts written for these tests."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from alignment.glossary import GlossaryEntry, glossary, to_anki, to_csv
from alignment.glossary_csv import read_glossary_csv
from test_glossary_teacher import _text
from test_words import deck_notes

Linked = Sequence[tuple[str, str, Sequence[tuple[str, str]]]]


_bitext = _text   # one link per (source, target, word pairs as the text writes them)


def _rows(links: Linked, langs: str) -> list[tuple[str, str, int]]:
    return [(e.src, e.tgt, e.count) for e in glossary(_bitext(links, langs))]


@pytest.mark.parametrize("links, row", [
    ([("健太は言った。", "Kenta said so.", [("言っ", "said")])], ("言う (言っ)", "said", 1)),
    ([("ケーキを食べた。", "She ate cake.", [("食べ", "ate")])], ("食べる (食べ)", "ate", 1)),
    ([("本を読み始めた。", "She began to read.", [("始め", "began")])], ("始める (始め)", "began", 1)),
    ([("祖母は亡くなった。", "Grandmother died.", [("亡くなっ", "died")])],
     ("亡くなる (亡くなっ)", "died", 1)),
    ([("彼はとても喜んだ。", "He was very pleased.", [("喜ん", "pleased")])],
     ("喜ぶ (喜ん)", "pleased", 1)),
    ([("祖母がくれた本。", "A book grandmother had given.", [("くれ", "given")])],
     ("くれる (くれ)", "given", 1)),
    ([("ページをめくった。", "He turned the page.", [("めくっ", "turned")])],
     ("めくる (めくっ)", "turned", 1)),
    # the forms of one verb are one row
    ([("兄は来なかった。", "Her brother did not come.", [("来", "come")]),
      ("兄は大阪から来る。", "Her brother will come from Osaka.", [("来る", "come")])],
     ("来る (来)", "come", 2)),
    ([("彼女は兄を待っていた。", "She was waiting for her brother.", [("待っ", "waiting")]),
      ("待たせてごめん。", "Sorry to keep you waiting.", [("待た", "waiting")])],
     ("待つ (待た, 待っ)", "waiting", 2)),
    # a noun is its own dictionary form: no brackets
    ([("傘を持ってきた。", "I brought an umbrella.", [("傘", "umbrella")])], ("傘", "umbrella", 1)),
])
def test_a_japanese_word_is_shown_in_its_dictionary_form(links: Linked,
                                                         row: tuple[str, str, int]) -> None:
    assert _rows(links, "ja-en") == [row]


def test_the_glossary_search_finds_a_japanese_verb_by_the_form_the_text_writes() -> None:
    from alignment.search import plain_finds

    entries = glossary(_bitext([("健太は言った。", "Kenta said so.", [("言っ", "said")])], "ja-en"))
    assert [e.src for e in entries if plain_finds("言っ", e.src)] == ["言う (言っ)"]


@pytest.mark.parametrize("links, langs, src, reading", [
    ([("健太は言った。", "Kenta said so.", [("言っ", "said")])], "ja-en", "言う (言っ)", "いう"),
    ([("祖母は亡くなった。", "Grandmother died.", [("亡くなっ", "died")])], "ja-en",
     "亡くなる (亡くなっ)", "なくなる"),
    # an irregular verb: '来' of '来なかった' is read こ, its dictionary form くる
    ([("兄は来なかった。", "Her brother did not come.", [("来", "come")])], "ja-en", "来る (来)", "くる"),
    ([("それは祖母の本だ。", "It is grandmother's book.", [("祖母", "grandmother")])], "ja-en",
     "祖母", "そぼ"),
    ([("ケーキを食べた。", "She ate cake.", [("食べ", "ate")])], "ja-en", "食べる (食べ)", "たべる"),
    # kana is read as it is written
    ([("ページをめくった。", "He turned the page.", [("ページ", "page")])], "ja-en", "ページ", ""),
    ([("我去银行。", "I go to the bank.", [("银行", "bank")])], "zh-en", "银行", "yín háng"),
    ([("어머니가 웃었다.", "Mother laughed.", [("웃었다", "laughed")])], "ko-en", "웃었다", ""),
])
def test_a_japanese_or_chinese_word_has_its_reading(links: Linked, langs: str, src: str,
                                                    reading: str) -> None:
    entries = glossary(_bitext(links, langs))
    assert [(e.src, e.src_reading) for e in entries] == [(src, reading)]


def test_a_translation_into_chinese_has_its_reading() -> None:
    entries = glossary(_bitext([("I go to the bank.", "我去银行。", [("bank", "银行")])], "en-zh"))
    assert [(e.src, e.tgt, e.src_reading, e.tgt_reading) for e in entries] == [
        ("bank", "银行", "", "yín háng")]


@pytest.mark.parametrize("langs, header", [
    ("ja-en", ["ja", "reading (ja)", "en", "count", "link", "example (ja)", "example (en)"]),
    ("en-zh", ["en", "zh", "reading (zh)", "count", "link", "example (en)", "example (zh)"]),
    ("ko-en", ["ko", "en", "count", "link", "example (ko)", "example (en)"]),
    ("fr-en", ["fr", "en", "count", "link", "example (fr)", "example (en)"]),
])
def test_the_csv_has_a_reading_column_after_a_japanese_or_chinese_word(
        langs: str, header: list[str], tmp_path: Path) -> None:
    """... and reads back as it was written, so `alignment export g.csv --anki` keeps it."""
    src, tgt = langs.split("-")
    entries = (GlossaryEntry("言う (言っ)", "said", 4, 13, "と言った。", "she said.",
                             src_reading="いう" if src == "ja" else "",
                             tgt_reading="yín háng" if tgt == "zh" else ""),)
    text = to_csv(entries, src, tgt)
    assert next(csv.reader(io.StringIO(text))) == header
    (tmp_path / "g.csv").write_text(text, encoding="utf-8")
    assert read_glossary_csv(tmp_path / "g.csv") == entries


def test_a_glossary_csv_written_before_readings_still_reads(tmp_path: Path) -> None:
    (tmp_path / "g.csv").write_text("ja,en,count,link,example (ja),example (en)\n"
                                    "傘,umbrella,5,15,傘を持った。,An umbrella.\n", encoding="utf-8")
    assert read_glossary_csv(tmp_path / "g.csv") == (
        GlossaryEntry("傘", "umbrella", 5, 14, "傘を持った。", "An umbrella."),)


@pytest.mark.parametrize("entry, fields", [
    (("言う (言っ)", "said", 4, 0, "と言った。", "she said.", "いう"),
     ["言う (言っ)", "いう", "said", "と<b>言っ</b>た。", "she <b>said</b>."]),
    (("bank", "银行", 1, 0, "the bank", "银行", "", "yín háng"),
     ["bank", "", "银行【yín háng】", "the <b>bank</b>", "<b>银行</b>"]),
    (("treno", "train", 1, 0, "Il treno.", "The train."),
     ["treno", "train", "Il <b>treno</b>.", "The <b>train</b>."]),
])
def test_the_word_card_shows_the_reading_on_its_back(entry: tuple, fields: list[str],
                                                     tmp_path: Path) -> None:
    notes = deck_notes(to_anki([GlossaryEntry(*entry)], "deck"), tmp_path)
    assert [list(n[:-1]) for n in notes] == [fields]


@pytest.mark.parametrize("links, row", [
    ([("어머니는 웃었다.", "Mother laughed.", [("어머니는", "Mother")]),
      ("어머니가 왔다.", "Mother came.", [("어머니가", "Mother")]),
      ("나는 어머니와 갔다.", "I went with mother.", [("어머니와", "mother")])],
     ("어머니 (어머니가, 어머니는, 어머니와)", "mother", 3)),
    ([("시장에서", "At the market", [("시장에서", "market")]),
      ("시장은 컸다.", "The market was big.", [("시장은", "market")]),
      ("시장에 갔다.", "We went to the market.", [("시장에", "market")]),
      ("시장 끝.", "The end of the market.", [("시장", "market")]),
      ("시장보다 크다.", "Bigger than the market.", [("시장보다", "market")])],
     ("시장 (시장보다, 시장에, 시장에서, 시장은)", "market", 5)),
    ([("떡볶이는 맵다.", "The tteokbokki is hot.", [("떡볶이는", "tteokbokki")]),
      ("떡볶이 가게.", "A tteokbokki stall.", [("떡볶이", "tteokbokki")]),
      ("떡볶이나 김밥.", "Tteokbokki or gimbap.", [("떡볶이나", "Tteokbokki")])],
     ("떡볶이 (떡볶이나, 떡볶이는)", "tteokbokki", 3)),
    ([("할머니가 웃었다.", "Grandmother laughed.", [("할머니가", "Grandmother")])],
     ("할머니 (할머니가)", "grandmother", 1)),
    # words that end in a particle's syllable without one
    ([("사과가 달다.", "The apples are sweet.", [("사과가", "apples")]),
      ("사과 다섯 개.", "Five apples.", [("사과", "apples")])], ("사과 (사과가)", "apples", 2)),
    ([("나이가 많다.", "The age is great.", [("나이가", "age")]),
      ("그 나이.", "That age.", [("나이", "age")])], ("나이 (나이가)", "age", 2)),
    ([("고양이가 잔다.", "The cat sleeps.", [("고양이가", "cat")]),
      ("고양이는 귀엽다.", "The cat is cute.", [("고양이는", "cat")])],
     ("고양이 (고양이가, 고양이는)", "cat", 2)),
    ([("좋은 날.", "A fine day.", [("좋은", "fine")])], ("좋은", "fine", 1)),
    ([("같이 가자.", "Let us go together.", [("같이", "together")])], ("같이", "together", 1)),
    ([("하나 샀다.", "I bought a single pear.", [("하나", "single")])], ("하나", "single", 1)),
    ([("영화를 보다.", "To watch a film.", [("보다", "watch")])], ("보다", "watch", 1)),
    ([("스스로 했다.", "He did it unaided.", [("스스로", "unaided")])], ("스스로", "unaided", 1)),
    # one-syllable nouns with their particles, which a rule could not tell from '좋은' (session
    # 45's tester: '비가' and '비는' two rows), and a verb ending in a particle's syllable
    ([("비가 온다.", "The rain comes.", [("비가", "rain")]),
      ("비는 차다.", "The rain is cold.", [("비는", "rain")])], ("비 (비가, 비는)", "rain", 2)),
    ([("집에 갔다.", "He went home.", [("집에", "home")]),
      ("집은 작다.", "The home is small.", [("집은", "home")]),
      ("집이 있다.", "There is a home.", [("집이", "home")])], ("집 (집에, 집은, 집이)", "home", 3)),
    ([("집으로 돌아가.", "Go back home.", [("돌아가", "Go")])], ("돌아가", "go", 1)),
    ([("사랑 노래.", "A love song.", [("사랑", "love")])], ("사랑", "love", 1)),
])
def test_a_korean_word_is_one_row_without_its_particle(links: Linked,
                                                       row: tuple[str, str, int]) -> None:
    assert _rows(links, "ko-en") == [row]


@pytest.mark.parametrize("links, langs, row", [
    # a name opening the sentence, which the English word list lacks
    ([("佐藤は笑った。", "Sato laughed.", [("佐藤", "Sato")])], "ja-en", ("佐藤", "Sato")),
    ([("张女士笑了。", "Zhang laughed.", [("张女士", "Zhang")])], "zh-en", ("张女士", "Zhang")),
    ([("민준은 웃었다.", "Minjun laughed.", [("민준은", "Minjun")])], "ko-en", ("민준 (민준은)", "Minjun")),
    # ... or after a title, which the list knows ('kim', 'wang')
    ([("佐藤さんは笑った。", "Ms. Sato laughed.", [("佐藤", "Sato")])], "ja-en", ("佐藤", "Sato")),
    ([("김 씨가 웃었다.", "Mr. Kim laughed.", [("김", "Kim")])], "ko-en", ("김", "Kim")),
    ([("王先生笑了。", "Dr. Wang laughed.", [("王先生", "Wang")])], "zh-en", ("王先生", "Wang")),
    # a word the English list knows keeps losing the capital of a sentence's first word
    ([("然后她笑了。", "Then she laughed.", [("然后", "Then")])], "zh-en", ("然后", "then")),
    ([("Mr. Smith est parti. Puis il a ri.", "Mr. Smith left. Then he laughed.",
       [("Puis", "Then")])], "fr-en", ("puis", "then")),
])
def test_a_name_facing_a_script_without_capitals_keeps_its_capital(
        links: Linked, langs: str, row: tuple[str, str]) -> None:
    assert [(e.src, e.tgt) for e in glossary(_bitext(links, langs))] == [row]


def test_the_apps_glossary_table_shows_the_reading_beside_the_word() -> None:
    """The app's table had no reading, though the CSV and the Anki deck had one."""
    from alignment.glossary import GlossaryEntry
    from alignment.types import Alignment, Bitext
    from views.words import glossary_rows

    entry = GlossaryEntry("銀行", "bank", 2, 0, "銀行で働く。", "He works at a bank.", "ぎんこう", "")
    ja = Bitext((), (), Alignment(()), "ja", "en")
    assert glossary_rows(ja, [entry]) == [{"ja": "銀行", "reading (ja)": "ぎんこう", "en": "bank",
                                           "count": 2, "link": 1, "example": "銀行で働く。"}]
    fr = Bitext((), (), Alignment(()), "fr", "en")
    assert list(glossary_rows(fr, [entry])[0]) == ["fr", "en", "count", "link", "example"]
