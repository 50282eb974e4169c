"""Words and sentences of Thai, which writes no spaces between words and no full stops.

Part of the segment and word-links stages. A space in Thai ends a sentence or a clause, so
segment.py's rules (a stop, then a space) kept a whole paragraph as one sentence, and
word_tokens.tokenize's regex took each space-separated run, a clause, for one "word".

Library, and why: PyThaiNLP (Apache-2.0, pure Python, its dictionary (CC0) and models
(CC-BY-4.0) in the wheel). Words: its dictionary-based "newmm" cutter, the usual Thai word
segmenter (1,000 sentences in 0.13 s; its dictionary takes 0.35-0.5 s to load, once).
Sentences: its CRF model "crfcut" (trained on TED talks; needs python-crfsuite, MIT), taken
only where it ends a sentence at a space, so a cut never falls inside a run and nothing is
lost. Measured on 25 paragraphs written for it (49 sentence ends among 105 spaces; `python
benchmarks/bench_segment_thai.py`), with segment.py's general rules beside it: boundary F1
0.88 (precision 0.91) against 0.85 for the best rule on spaces (a space between two Thai runs
of 6 letters or more), which cuts clauses ('...มหาวิทยาลัยมหิดล กล่าวว่า...') and misses
sentences ending on a short word ('...50 บาท'). Its cost: 10-20 µs a character (a
300,000-character book: 3-6 s).

PyThaiNLP fetches a corpus it lacks from the internet, and makes ~/pythainlp-data when it is
imported; only what its wheel bundles is used here, so `_pythainlp` turns both off first.
It is imported only when Thai text is met: other languages pay nothing.
"""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache
from types import ModuleType

from .types import Token

# Thai letters, vowel and tone marks, digits and signs (ฯ ๆ ๏)
THAI = re.compile(r"[\u0e01-\u0e5b]")
_THAI_RUN = re.compile(r"[\u0e01-\u0e5b]+")
# An abbreviation: a Thai letter and a stop ('ดร.', 'พ.ศ.', 'น.', 'ม.ค.'); Thai ends no sentence
# with a stop, so no sentence ends here
ABBREVIATION = re.compile(r"[\u0e01-\u0e4e]\.$")
_CRF_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _pythainlp() -> ModuleType:
    """pythainlp.tokenize, offline and writing nothing (PYTHAINLP_OFFLINE: a missing corpus is
    an error, not a download; PYTHAINLP_READ_ONLY: no ~/pythainlp-data). Both are read when
    PyThaiNLP is imported and when it looks for data, so they are set before the import."""
    os.environ["PYTHAINLP_OFFLINE"] = "1"
    if "PYTHAINLP_READ_MODE" not in os.environ:  # its older name: both set is an error there
        os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
    import pythainlp.tokenize
    return pythainlp.tokenize


def words(run: str) -> list[str]:
    """`run` (a token without spaces holding Thai) cut into words, in order; joined they give
    `run` back. Only its Thai stretches go to newmm: a Latin word or a number glued to Thai
    ('iPhone15ที่ร้าน') stays whole, as it is in other languages."""
    parts: list[str] = []
    at = 0
    for m in _THAI_RUN.finditer(run):
        if m.start() > at:
            parts.append(run[at:m.start()])
        cut = _pythainlp().word_tokenize(m.group(), engine="newmm-safe", keep_whitespace=True)
        parts.extend(cut if "".join(cut) == m.group() else [m.group()])
        at = m.end()
    if at < len(run):
        parts.append(run[at:])
    return [p for p in parts if p]


def split(word: str, start: int) -> list[Token]:
    """The token `word` (at `start`) as the words a reader sees, each with its span."""
    out, at = [], start
    for part in words(word):
        out.append(Token(part, at, at + len(part)))
        at += len(part)
    return out


def sentence_starts(text: str) -> set[int]:
    """Offsets in `text` (one paragraph, single spaces) where a Thai sentence starts after a
    space, as crfcut reads it; none after an abbreviation ('พ.ศ. 2568', 'ดร. สมศรี'), where
    crfcut cuts after every stop."""
    if not THAI.search(text):
        return set()
    _pythainlp()
    from pythainlp.tokenize import crfcut  # after _pythainlp: its model is loaded on import
    with _CRF_LOCK:  # one CRF tagger for the process: it keeps the sequence it tags
        sentences = crfcut.segment(text)
    if "".join(sentences) != text:
        return set()
    starts, at = set(), 0
    for sentence in sentences[:-1]:
        at += len(sentence)
        start = at if text[at - 1:at] == " " else at + 1 if text[at:at + 1] == " " else None
        if start is not None and start < len(text) and not ABBREVIATION.search(text[:start - 1]):
            starts.add(start)
    return starts
