"""A glossary row's headword in Japanese and Korean, and the reading a learner of Japanese or
Chinese needs beside it.

Part of the glossary (glossary.py). simplemma, which makes one row of a declined word's forms
elsewhere (glossary_vocab.lemma), has no Japanese nor Korean, and the tokens are what the word
links point at, not what a dictionary lists: a Japanese verb is cut before its ending ('言っ' of
'言った', '食べ' of '食べた'), a Korean noun keeps its particle ('어머니는', '어머니가'). So:

- Japanese: Sudachi's dictionary form of the word where it stands ('言っ' -> '言う'; alone,
  '始め' could be the noun), read in hiragana (katakana is how Sudachi writes readings).
- Korean: no analyser is installed, so a final particle of a closed list comes off by rule
  (`korean_bare`), checked against the vowel or consonant it follows and, for a particle that
  also ends ordinary words ('사과' apple, '하나' one, '좋은' good), against the text's own
  other forms of the word.
- Chinese: pypinyin's reading, tone marks on, a syllable apart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

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


# Korean particles, longest first (brief: the closed list a learner meets first)
_PARTICLES = sorted("은 는 이 가 을 를 에 에서 에게 와 과 도 만 의 로 으로 까지 부터 한테 처럼 보다 "
                    "이나 나 랑 이랑".split(), key=len, reverse=True)
# no ordinary word ends so: these come off wherever they fit the syllable before them
_SURE = frozenset("에서 에게 까지 부터 한테 처럼 으로 이나 이랑 를 에".split())
# ... and these after a word of two syllables or more: they end words, but short ones ('좋은'
# good, '작은' small, '먹을'; '휴가' holiday; '그만' stop); '돌아가' (go back) is a miss
_AFTER_TWO = frozenset("은 을 가 와 만 랑 보다".split())
_AFTER_CONSONANT = frozenset("은 이 을 과 으로 이나 이랑".split())
_AFTER_VOWEL = frozenset("는 가 를 와 나 랑".split())
_RIEUL = 8   # the final consonant ㄹ, after which 로 is written, not 으로


def _final(syllable: str) -> int | None:
    """The final consonant's index of a Hangul syllable (0: none), None for any other letter."""
    code = ord(syllable) - 0xAC00
    return code % 28 if 0 <= code < 11172 else None


def _fits(stem: str, particle: str) -> bool:
    """Can `particle` follow `stem`? 은/이/을/과 after a consonant, 는/가/를/와 after a vowel
    ('사과' is no '사' + '과'), 로 after a vowel or ㄹ, the others after any syllable."""
    final = _final(stem[-1]) if stem else None
    if final is None:
        return False
    if particle in _AFTER_CONSONANT:
        return final != 0 and not (particle == "으로" and final == _RIEUL)
    if particle in _AFTER_VOWEL:
        return final == 0
    if particle == "로":
        return final in (0, _RIEUL)
    return True


def korean_bare(words: Iterable[str]) -> dict[str, str]:
    """Each word of a Korean text (all its words: `words`) that ends in a particle, to the word
    without it ('어머니는' -> '어머니'). A particle of _SURE comes off wherever it fits, one of
    _AFTER_TWO after two syllables or more; one that ends ordinary words too ('이': '떡볶이',
    '같이'; '는': '하는'; '나': '하나'; '로': '스스로'), or of _AFTER_TWO after one syllable,
    only where the text writes the word bare, with a particle of _SURE, or (a word of two
    syllables or more) with another particle: '아이는' beside '아이가'."""
    words = set(words)
    cut = {w: [(w[:-len(p)], p) for p in _PARTICLES if w.endswith(p) and _fits(w[:-len(p)], p)]
           for w in words}
    stems: dict[str, set[str]] = {}   # stem -> the words it is cut from
    for w, found in cut.items():
        for stem, _ in found:
            stems.setdefault(stem, set()).add(w)
    cut = {w: [(stem, p) for stem, p in found if not _own_i(stem, p, w, words, stems)]
           for w, found in cut.items()}
    sure = {stem for found in cut.values() for stem, p in found if p in _SURE}
    particles: dict[str, set[str]] = {}
    for found in cut.values():
        for stem, p in found:
            particles.setdefault(stem, set()).add(p)
    out = {}
    for word, found in cut.items():
        for stem, p in found:
            if p in _SURE or (p in _AFTER_TWO and len(stem) > 1) or stem in words or stem in sure \
                    or (len(stem) > 1 and len(particles[stem]) > 1):
                out[word] = stem
                break
    return out


def _own_i(stem: str, particle: str, word: str, words: set[str],
           stems: dict[str, set[str]]) -> bool:
    """Is the '이' that `particle` opens (in `word`) the end of a word the text writes bare or
    declines, so no particle's: '떡볶이' beside '떡볶이는', '떡볶이나' beside '떡볶이' (이 + 나)?"""
    whole = stem + "이"
    return particle[0] == "이" and whole != word \
        and (whole in words or bool(stems.get(whole, set()) - {word}))


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
