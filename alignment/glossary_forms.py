"""A glossary row's headword in Japanese and Korean, and the reading a learner of Japanese or
Chinese needs beside it.

Part of the glossary (glossary.py). simplemma, which makes one row of a declined word's forms
elsewhere (glossary_vocab.lemma), has no Japanese nor Korean, and the tokens are what the word
links point at, not what a dictionary lists: a Japanese verb is cut before its ending ('言っ' of
'言った', '食べ' of '食べた'), a Korean noun keeps its particle ('어머니는', '어머니가'). So:

- Japanese: Sudachi's dictionary form of the word where it stands ('言っ' -> '言う'; alone,
  '始め' could be the noun), read in hiragana (katakana is how Sudachi writes readings).
- Korean: a noun's particles come off as kiwipiepy (the Kiwi analyser, with its model; well
  kept, no network) reads the word (`korean_bare`): '집에', '집은' and '집이' are one row
  '집'. A rule over a closed list of particles did this before; it could not tell a
  one-syllable noun with its particle ('집은') from an adjective ('좋은' good), so it left
  such nouns apart, and it cut '돌아가' (go back) as a noun '돌아' with '가'.
- Chinese: pypinyin's reading, tone marks on, a syllable apart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from .cjk import HAN, KANA, japanese_morphemes
from .lang import primary
from .types import Token

READING_LANGS = frozenset({"ja", "zh"})

_KANA_END = re.compile(rf"(?:{KANA.pattern})*$")
# Sudachi reads 言う as it is said, 'ゆう'; a dictionary lists it as 'いう'
_WRITTEN_READING = {"言う": "いう"}


def has_reading(lang: str) -> bool:
    """Does the glossary give `lang`'s words a reading (a column of their own)?"""
    return primary(lang) in READING_LANGS


def reading(word: str, lang: str) -> str:
    """How a learner reads `word`: hiragana for a Japanese word with kanji, pinyin for a
    Chinese one; '' for a word already written as it is read (kana, Latin letters)."""
    if not HAN.search(word):
        return ""
    if primary(lang) == "zh":
        from pypinyin import Style, lazy_pinyin

        return " ".join(lazy_pinyin(word, style=Style.TONE))
    if primary(lang) == "ja":
        return _WRITTEN_READING.get(word) or _read_alone(word)
    return ""


@lru_cache(maxsize=4096)
def _read_alone(word: str) -> str:
    return hiragana("".join(m[3] for m in japanese_morphemes(word)))


def hiragana(katakana: str) -> str:
    """Katakana as hiragana ('ヨロコブ' -> 'よろこぶ'); 'ー' and anything else as it is."""
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in katakana)


def japanese_heads(text: str, tokens: Sequence[Token]) -> list[tuple[str, str] | None]:
    """For each token of `text` (word_tokens.tokenize's), its dictionary form and that form's
    reading, where the token is one of Sudachi's words there; else None."""
    found = {(start, end): (form, read) for start, end, form, read in japanese_morphemes(text)}
    out: list[tuple[str, str] | None] = []
    for token in tokens:
        morpheme = found.get((token.start, token.end))
        if morpheme is None or not (KANA.search(token.text) or HAN.search(token.text)):
            out.append(None)
            continue
        form, read = morpheme
        out.append((form, _form_reading(token.text, form, read) if HAN.search(form) else ""))
    return out


def _form_reading(surface: str, form: str, read: str) -> str:
    """The reading of the dictionary form `form` of `surface`, read `read` where it stands:
    the stem's reading with the form's ending ('言っ' イッ -> 'いう', '亡くなっ' -> 'なくなる');
    for an irregular stem ('来' of '来なかった', read こ) the form read alone ('くる')."""
    if surface == form:
        return _WRITTEN_READING.get(form) or hiragana(read)
    tail = len(_KANA_END.search(surface).group())
    stem = surface[:len(surface) - tail]
    said = hiragana(read)
    if tail and form.startswith(stem) and said.endswith(hiragana(surface[-tail:])):
        return said[:len(said) - tail] + form[len(stem):]
    return reading(form, "ja")


# Kiwi's tags of a noun (common, proper, bound, numeral, pronoun; a foreign or Han word, a
# number) and of a particle (case particles JK*, auxiliary JX, conjunctive JC)
_NOUN_TAGS = ("NNG", "NNP", "NNB", "NR", "NP", "SL", "SH", "SN", "XSN")


@lru_cache(maxsize=1)
def _kiwi() -> Any:
    """kiwipiepy's analyser (its model loads in about 1.5 s, once)."""
    from kiwipiepy import Kiwi

    return Kiwi()


def korean_bare(words: Iterable[str]) -> dict[str, str]:
    """Each Korean word that is a noun followed by particles, to the noun ('어머니는' ->
    '어머니', '집에' -> '집', '시장에서' -> '시장'), as kiwipiepy reads the word: a word it reads
    otherwise ('좋은' good, '같이' together, '하나' one, '돌아가' go back, '사과' apple) is left
    as written, and so is a word whose particle Kiwi contracts ('난' for '나는'), which has no
    noun written apart."""
    kiwi = _kiwi()
    out = {}
    for word in set(words):
        tokens = kiwi.tokenize(word)
        k = len(tokens)
        while k and tokens[k - 1].tag.startswith("J"):
            k -= 1
        if not 0 < k < len(tokens) or tokens[k - 1].tag not in _NOUN_TAGS:
            continue
        end = tokens[k - 1].start + tokens[k - 1].len
        if "".join(t.form for t in tokens[k:]) == word[end:] and all(t.len == len(t.form) for t in tokens):
            out[word] = word[:end]
    return out


def headwords(words: Iterable[str], found: dict[str, Counter[tuple[str, str]]],
              lang: str) -> dict[str, tuple[str, str]]:
    """Each word (lower-cased, as the glossary counts it) with a headword of its own, to that
    headword and its reading: a Korean word's bare form (`korean_bare`, of all the words of
    its text: `words`), a Japanese word's dictionary form where it stood most often (`found`,
    counted by `count_japanese`)."""
    if primary(lang) == "ko":
        return {word: (bare, "") for word, bare in korean_bare(words).items()}
    return {word: forms.most_common(1)[0][0] for word, forms in found.items() if forms}


def count_japanese(found: dict[str, Counter[tuple[str, str]]], text: str,
                   tokens: Sequence[Token]) -> None:
    """Count each token's dictionary form and reading where it stands in `text` (`found`,
    by the token)."""
    for token, head in zip(tokens, japanese_heads(text, tokens)):
        if head is not None:
            found.setdefault(token.text, Counter())[head] += 1
