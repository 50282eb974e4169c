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


@lru_cache(maxsize=1)
def _japanese():  # type: ignore[no-untyped-def]
    import tinysegmenter
    return tinysegmenter.TinySegmenter()


def words(text: str) -> list[str]:
    """`text` (a run without spaces holding Chinese or Japanese) cut into words, in order;
    joined they give `text` back."""
    if _KANA.search(text):
        parts = _japanese().tokenize(text)
    else:
        import rjieba
        parts = rjieba.cut(text)
    if "".join(parts) != text:  # a segmenter that dropped or changed characters: keep it whole
        return [text]
    return [p for p in parts if p]


def split(word: str, start: int) -> list[Token]:
    """The token `word` (at `start`) as the words a reader sees, each with its span."""
    out, at = [], start
    for part in words(word):
        out.append(Token(part, at, at + len(part)))
        at += len(part)
    return out
