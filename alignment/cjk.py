"""Words of Chinese and Japanese, which are written without spaces between them.

Part of the word-links stage (words.tokenize calls it): a run of ideographs and kana is one
token for a regex that splits at spaces, so a whole clause ('彼はその家に三十二年間住んでいた')
was one "word", and its word links meant nothing to a learner pointing at a word. Here such
a run is cut into words: Japanese (the run holds kana) by TinySegmenter, Chinese (ideographs
only) by jieba's dictionary.

Libraries, and why: rjieba (MIT; the Rust port of jieba, the usual Chinese segmenter, with its
dictionary built in: 0.1 s to load, microseconds a sentence) and tinysegmenter (BSD; a 17 KB
statistical segmenter for Japanese, pure Python, no dictionary to install: 'ルシア | は | 答え |
なかっ | た'). A full morphological analyser (MeCab with UniDic, Sudachi) would cut Japanese
better at the cost of a 50-70 MB dictionary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .types import Token

# ideographs (CJK Unified, Extension A, Compatibility), hiragana, katakana (and its
# prolonged-sound and half-width forms)
CJK = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")

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
    kana, han = len(_KANA.findall(text)), len(_HAN.findall(text))
    if 2 * len(_HANGUL.findall(text)) >= letters:
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
def _japanese():  # type: ignore[no-untyped-def]
    import tinysegmenter
    return tinysegmenter.TinySegmenter()


def words(text: str) -> list[str]:
    """`text` (a run without spaces holding Chinese or Japanese) cut into words, in order;
    joined they give `text` back."""
    if _KANA.search(text):
        parts = _joined_numbers(_japanese().tokenize(text))
    else:
        import rjieba
        parts = rjieba.cut(text)
    if "".join(parts) != text:  # a segmenter that dropped or changed characters: keep it whole
        return [text]
    return [p for p in parts if p]


_DIGIT = re.compile(r"[0-9\uff10-\uff19]")
_NUMBER_PART = re.compile(r"[0-9\uff10-\uff19]+|[.,\uff0c\uff0e]")


def _joined_numbers(parts: list[str]) -> list[str]:
    """TinySegmenter's words with each number whole again: it cuts figures digit by digit
    ('1 | 2 | 時間', '3 | 3 | 3 | メートル'), and the word links then paired '２' with '12'. A
    separator joins only between digits ('3.5', '15,000')."""
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

    Why: a run without spaces is one token for words.tokenize's regex up to the separator,
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


def split(word: str, start: int) -> list[Token]:
    """The token `word` (at `start`) as the words a reader sees, each with its span."""
    out, at = [], start
    for part in words(word):
        out.append(Token(part, at, at + len(part)))
        at += len(part)
    return out
