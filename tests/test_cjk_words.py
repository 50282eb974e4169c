"""Japanese words for word links (cjk.py): the units a learner points at, and what they link to."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from alignment.cjk import words
from alignment.embed import UseEmbedder
from alignment.words import link_tokens, tokenize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import bench_words_cjk as bench  # noqa: E402


@pytest.mark.parametrize("text, expected", [
    # a verb and the noun it qualifies are two words (TinySegmenter: '住む家')
    ("住む家を探している。", ["住む", "家", "を", "探し", "て", "いる", "。"]),
    # '時々' is one word and the next word is not glued to it (TinySegmenter: '時々母', '時々帰っ')
    ("私は時々母に手紙を書きます。", ["私", "は", "時々", "母", "に", "手紙", "を", "書き", "ます", "。"]),
    ("彼は時々帰った。", ["彼", "は", "時々", "帰っ", "た", "。"]),
    # names of places and compounds whole
    ("彼は新宿の小さな家に住んでいた。",
     ["彼", "は", "新宿", "の", "小さな", "家", "に", "住ん", "で", "い", "た", "。"]),
    ("富士山は日本で一番高い山です。", ["富士山", "は", "日本", "で", "一番", "高い", "山", "です", "。"]),
    ("雪のせいで飛行機が三時間遅れた。",
     ["雪", "の", "せい", "で", "飛行機", "が", "三", "時間", "遅れ", "た", "。"]),
    ("渋谷駅で山本さんに会った。", ["渋谷駅", "で", "山本", "さん", "に", "会っ", "た", "。"]),
    # a word of kana whole (TinySegmenter: 'と | て | も')
    ("京都の秋はとても美しい。", ["京都", "の", "秋", "は", "とても", "美しい", "。"]),
    # a numeral in kanji whole (TinySegmenter: '三 | 十 | 年 | 間働')
    ("父は銀行で三十年間働いた。", ["父", "は", "銀行", "で", "三十", "年間", "働い", "た", "。"]),
    # dates: figures whole, as before
    ("田中さんは2024年3月5日に東京駅で会った。",
     ["田中", "さん", "は", "2024", "年", "3", "月", "5", "日", "に", "東京駅", "で", "会っ", "た", "。"]),
    # kanji alone between a number and punctuation cut as Japanese, the sentence's language
    # (jieba cut '午 | 後', and only '午' lit 'afternoon')
    ("午後3時半に駅で会った。", ["午後", "3", "時半", "に", "駅", "で", "会っ", "た", "。"]),
])
def test_japanese_is_cut_into_the_words_a_learner_reads(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_a_run_longer_than_the_analyser_takes_is_still_cut_and_kept_whole() -> None:
    text = "彼は新宿の小さな家に住んでいた" * 1200  # 18,000 characters, 54,000 bytes
    parts = words(text)
    assert "".join(parts) == text
    assert parts.count("新宿") >= 1150  # at most one cut a chunk falls across a word


def test_threads_cut_japanese_at_once() -> None:
    found: list[list[str]] = []

    def cut() -> None:
        for _ in range(200):
            found.append(words("彼は新宿の小さな家に住んでいた"))

    threads = [threading.Thread(target=cut) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(found) == 800 and all("新宿" in parts for parts in found)


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[str], list[str], set]]:
    """Every pair of the hand-linked fixture, word-linked together by the real encoder."""
    pairs = bench.read_gold()
    tokens = [(tokenize(p.original), tokenize(p.english)) for p in pairs]
    found = link_tokens(tokens, embedder=UseEmbedder(threads=1,
                                                     cache_dir=tmp_path_factory.mktemp("use")))
    return {p.original: ([t.text for t in ja], [t.text for t in en], {(w.src, w.tgt) for w in links})
            for p, (ja, en), links in zip(pairs, tokens, found)}


@pytest.mark.parametrize("sentence, word, english", [
    ("私は時々母に手紙を書きます。", "母", "mother"),          # TinySegmenter: '時々母' = 'sometimes'
    ("父は銀行で三十年間働いた。", "三十", "thirty"),
    ("父は銀行で三十年間働いた。", "働い", "worked"),          # TinySegmenter: '間働', unlinked
    ("雪のせいで飛行機が三時間遅れた。", "飛行機", "plane"),   # TinySegmenter: '飛行 | 機'
    ("先週、横浜の中華街で昼ご飯を食べた。", "中華街", "Chinatown"),
    # the position priors, tuned on French-English, linked these to the word at their place
    # until they followed the text's own word order (word_order.py)
    ("彼は新宿の小さな家に住んでいた。", "新宿", "Shinjuku"),   # was 'lived'
    ("山田先生は大阪で生まれました。", "大阪", "Osaka"),        # was 'Yamada'
    ("会議は午後三時に始まります。", "午後", "afternoon"),      # was 'starts'
    ("彼は静かにドアを閉めた。", "静か", "quietly"),            # was 'closed'
    ("彼は静かにドアを閉めた。", "閉め", "closed"),             # was 'quietly'
])
def test_content_words_link_to_their_english_word(linked: dict, sentence: str, word: str,
                                                  english: str) -> None:
    ja, en, links = linked[sentence]
    assert word in ja, f"{word!r} is not one token: {ja}"
    assert {en[j] for i, j in links if ja[i] == word} == {english}


def test_word_links_saved_before_the_japanese_runs_were_cut_whole_are_not_kept() -> None:
    """word_tokens.tokens_changed tells the texts TOKENS_VERSION 3 cuts otherwise."""
    from alignment.word_tokens import tokens_changed

    assert tokens_changed("午後3時半に駅で会った。")
    assert not tokens_changed("彼は時々帰った。") and not tokens_changed("中国银行在北京。")
