"""Words of Chinese and Japanese, which are written without spaces between them.

Part of the word-links stage (word_tokens.tokenize calls it): a run of ideographs and kana is one
token for a regex that splits at spaces, so a whole clause ('彼はその家に三十二年間住んでいた')
was one "word", and its word links meant nothing to a learner pointing at a word. Here such
a run is cut into words: Japanese (the run holds kana) by Sudachi, Chinese (ideographs only)
by jieba's dictionary.

Libraries, and why: rjieba (MIT; the Rust port of jieba, the usual Chinese segmenter, with its
dictionary built in: 0.1 s to load, microseconds a sentence) and SudachiPy with its core
dictionary (Apache-2.0; a morphological analyser, wheels only, the dictionary a 77 MB wheel that
is mapped, not read: +4 MB of the process's own memory, 0.1-0.3 s to load, 0.05 ms a sentence).
Its longest units (mode C) keep names and compounds whole ('新宿', '東京駅', '三十二') and cut
'住む家' and '時々母' apart. Measured with benchmarks/bench_words_cjk.py on 33 hand-linked
sentence pairs (tests/fixtures/ja_en_words.tsv, 157 content words): words cut as one token 85%
with TinySegmenter (BSD, statistical, used before) -> 95%; word links F1 0.65 -> 0.68, content
words linked to a wrong English word 15% -> 13%. fugashi with UniDic-lite scores the same but
cuts short units ('新 | 幹線', '図書 | 館') and its dictionary has no wheel; janome is
pure Python and 20 times slower.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from .types import Token

# ideographs (CJK Unified, Extension A, Compatibility), hiragana, katakana (and its
# prolonged-sound and half-width forms)
CJK = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")

# numerals: digits (Chinese and Japanese alike) and the units read positionally
DIGITS = {c: d for d, cs in enumerate(("〇零", "一", "二两兩", "三", "四", "五", "六", "七", "八", "九"))
          for c in cs}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def script_language(text: str) -> str | None:
    """'ja', 'ko' or 'zh' when most of the text's letters are of a script only that language
    writes: kana among ideographs (Japanese), Hangul (Korean), ideographs without kana (Chinese).

    Why (lang.detect_language asks this first): on a short text langdetect guesses from a few
    characters ('好。' read as Somali), and the encoder was then turned off for a language it knows."""
    letters = sum(c.isalpha() for c in text)
    if not letters:
        return None
    kana, han = len(KANA.findall(text)), len(HAN.findall(text))
    if 2 * len(HANGUL.findall(text)) >= letters:
        return "ko"
    if 2 * (kana + han) >= letters:
        return "ja" if kana else "zh"
    return None


def numeral_value(numeral: str) -> int:
    """The value of a Chinese or Japanese numeral (characters of DIGITS, 十 百 千 万 萬): digit by
    digit ('一八八七' 1887, '二〇〇四' 2004) or with units ('三十二' 32, '二千五百' 2500, '十' 10,
    '三万' 30000). Read for the numbers check (years, ages) and for chapter titles ('第十二章')."""
    if not any(c in _UNITS or c in "万萬" for c in numeral):
        return int("".join(str(DIGITS[c]) for c in numeral))
    total = section = digit = 0
    for c in numeral:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in _UNITS:
            section += (digit or 1) * _UNITS[c]
            digit = 0
        else:  # 万 / 萬
            total += (section + digit or 1) * 10_000
            section = digit = 0
    return total + section + digit


@lru_cache(maxsize=1)
def _sudachi_dictionary():  # type: ignore[no-untyped-def]
    from sudachipy import Dictionary
    return Dictionary(dict="core")


_THREAD = threading.local()
# Sudachi refuses more than 49,149 bytes at once; a run this long is cut blindly first
_CHUNK = 4000


def _tokenizer():  # type: ignore[no-untyped-def]
    """Sudachi's longest units (mode C). One tokenizer per thread: one refuses to be used by
    two at once, and the reader links words in the background."""
    tokenizer = getattr(_THREAD, "sudachi", None)
    if tokenizer is None:
        from sudachipy import SplitMode
        tokenizer = _THREAD.sudachi = _sudachi_dictionary().tokenizer(mode=SplitMode.C)
    return tokenizer


def _japanese_words(text: str) -> list[str]:
    tokenizer = _tokenizer()
    return [m.surface() for k in range(0, len(text), _CHUNK)
            for m in tokenizer.tokenize(text[k:k + _CHUNK])]


def japanese_morphemes(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, dictionary form, reading in katakana) of each of Sudachi's words of `text`
    (mode C, as `words` cuts): the glossary shows a verb as a dictionary does ('言う', not the
    '言っ' of '言った') and reads it. Not part of tokenizing: `words` stays as it is."""
    tokenizer = _tokenizer()
    return [(k + m.begin(), k + m.end(), m.dictionary_form(), m.reading_form())
            for k in range(0, len(text), _CHUNK) for m in tokenizer.tokenize(text[k:k + _CHUNK])]


def words(text: str, japanese: bool | None = None) -> list[str]:
    """`text` (a run without spaces holding Chinese or Japanese) cut into words, in order;
    joined they give `text` back. `japanese`: whether the sentence is Japanese (it holds
    kana), else told by the run: a run of kanji alone between two numbers of a Japanese
    sentence ('午後' of '午後3時') went to jieba, which cut it '午 | 後'."""
    if KANA.search(text) if japanese is None else japanese:
        parts = _joined_numbers(_japanese_words(text))
    else:
        import rjieba
        parts = rjieba.cut(text)
    if "".join(parts) != text:  # a segmenter that dropped or changed characters: keep it whole
        return [text]
    return [p for p in parts if p]


_DIGIT = re.compile(r"[0-9\uff10-\uff19]")
_NUMBER_PART = re.compile(r"[0-9\uff10-\uff19]+|[.,\uff0c\uff0e]")


def _joined_numbers(parts: list[str]) -> list[str]:
    """Japanese words with each number whole. TinySegmenter cut figures digit by digit
    ('1 | 2 | 時間', '3 | 3 | 3 | メートル'), and the word links then paired '２' with '12';
    Sudachi keeps them whole, and this stays as a guard for a word the dictionary splits.
    A separator joins only between digits ('3.5', '15,000')."""
    out: list[str] = []
    for k, part in enumerate(parts):
        after = parts[k + 1] if k + 1 < len(parts) else ""
        digits_before = bool(out) and bool(_DIGIT.fullmatch(out[-1][-1:]))
        if digits_before and _NUMBER_PART.fullmatch(part) and (
                _DIGIT.match(part) or _DIGIT.match(after)):
            out[-1] += part
        else:
            out.append(part)
    return out


# A number ('2.5', '3,5', '1,000', full-width '２．５'; \d takes full-width digits) with a
# Chinese or Japanese character beside it, and no other letter or digit glued to it
_NUMBER = re.compile(r"\d+(?:[.,\uff0e]\d+)*")


def numbers(text: str) -> list[tuple[int, int]]:
    """Spans of the numbers written against Chinese or Japanese characters ('他花2.5元买').

    Why: a run without spaces is one token for word_tokens.tokenize's regex up to the separator,
    so '他花2.5元' became '他花2 | . | 5元' and the segmenters then gave '2', '.', '5': the word
    links paired '5' with '2.5'. Such a number is its own token, whole, as '3,50' is in Russian.
    A number glued to a Latin word ('iPhone15手机', '3kg') is left to the word it is in."""
    out = []
    for m in _NUMBER.finditer(text):
        left, right = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        beside = [c for c in (left, right) if c]
        if any(CJK.match(c) for c in beside) and not any(
                (c.isalnum() or c == "_") and not CJK.match(c) for c in beside):
            out.append(m.span())
    return out


def split(word: str, start: int, japanese: bool | None = None) -> list[Token]:
    """The token `word` (at `start`) as the words a reader sees, each with its span."""
    return tokens_at(words(word, japanese), start)


def tokens_at(parts: list[str], start: int) -> list[Token]:
    """`parts`, which joined give a token that starts at `start`, as tokens with their spans
    (Thai's words too: thai.py)."""
    out, at = [], start
    for part in parts:
        out.append(Token(part, at, at + len(part)))
        at += len(part)
    return out
