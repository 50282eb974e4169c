"""Whether a name in Latin letters is how a Chinese or Japanese word is read, for the names
check where one side is written without capitals (name_caseless.py).

Part of the check stage. Why: name_caseless compared a name with a word's transliteration
by letter bigrams at name_similarity (0.5), made for one name spelt two ways ('Martines' /
'Martínez'). A name written in pinyin or in Japanese romanisation is the word's reading
itself, and such names share most of their letters: 'Zhang' / 著名 'ZhuMing' 0.57, 'Suzhou'
/ 杭州 'HangZhou' 0.5, 'Kato' / 佐藤 'sato' 0.6, 'Nakamura' / 田中 'tanaka' 0.5, so a
name changed into another found a counterpart and was never told. The word vectors read
one unknown name as another too (Kato/佐藤 0.67, Suzhou/杭州 0.64 against
counterpart_cosine 0.6). So where a name can be written so ('Suzhou' is pinyin, 'Kato'
Japanese romanisation) and the word is written in Chinese characters, the name is the word
only if it is the reading of some of its syllables or parts, in order ('Wentao' is in 李文涛
'Li Wen Tao', 'Fuji' in 富士山 'Fuji Yama'), and by meaning only at name_cosine, as names
are in cased scripts (exonyms the encoder knows stand above it: 香港/'Hong Kong' 0.88).

Readings: Chinese by anyascii (pinyin, as name_caseless shows it), which gives a character
one reading, and by pypinyin's every reading of it (成都 'Chengdu' as well as 'ChengDou': a
list kept by hand of the characters names read otherwise missed the ones not on it);
Japanese by Sudachi, each part of the word (split mode A) on its own and the whole word as
one (佐藤 'sato', not the Chinese 'ZuoTeng'). Words in kana alone are left to bigrams:
katakana writes foreign names ('マイク' for 'Mike'), which are no romanisation. The pinyin
syllables are anyascii's readings of the unified ideographs, so no list of them is kept.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cjk import HAN
from .word_similarity import fold, latin

__all__ = ["by_reading", "japanese_reading", "kana_latin", "read_alike", "romanised", "sudachi_word"]

# a Japanese name in Hepburn (or Kunrei) romanisation: morae, a syllabic n, a doubled consonant
_ROMAJI = re.compile(r"(?:(?:[kgnhbpmr]y|sh|ch|ts|j|[kgsztdnhbpmrywf])?[aiueo]|n(?![aiueoy])"
                     r"|([kgsztdhbpfc])(?=\1)|t(?=ch))+")


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Pinyin syllables without tones: anyascii's readings of the unified ideographs (a few
    Cantonese and Japanese ones among them), those with a vowel ('hm', 'ng' are no names)."""
    from anyascii import anyascii
    found = {anyascii(chr(c)).lower() for c in range(0x4E00, 0xA000)}
    return frozenset(s for s in found if s.isalpha() and s.isascii() and len(s) <= 6 and re.search("[aeiouv]", s))


def _letters(name: str, japanese: bool) -> str:
    """A name's letters, folded, as its romanisation is compared ('Xi'an' 'xian'; Japanese:
    'Satō' 'sato', 'Ohno' 'ono', 'Shimbashi' 'shinbashi', long vowels written once)."""
    w = re.sub(r"[^a-z]", "", fold(name))
    if not japanese:
        return w
    w = re.sub(r"oh(?![aiueo])", "o", w)
    w = re.sub(r"m(?=[bp])", "n", w)
    return re.sub(r"ou|oo|uu", lambda m: m.group()[0], w)


@lru_cache(maxsize=8192)
def romanised(name: str, japanese: bool) -> bool:
    """Could the name be written in pinyin (`japanese`: in Japanese romanisation)? 'Suzhou',
    'Wentao', 'Kato', 'Nakamura' can; 'Peking', 'Mount', 'Smith' cannot."""
    w = _letters(name, japanese)
    if len(w) < 2:
        return False
    if japanese:
        return bool(_ROMAJI.fullmatch(w))
    syllables, ends = _syllables(), {0}
    for k in range(1, len(w) + 1):
        if any(j in ends and w[j:k] in syllables for j in range(max(0, k - 6), k)):
            ends.add(k)
    return len(w) in ends


def by_reading(name: str, form: str, japanese: bool) -> bool:
    """Is the name compared with the caseless form by its reading alone: a name in pinyin
    (`japanese`: romaji) against a form with Chinese characters?"""
    return bool(HAN.search(form)) and romanised(name, japanese)


def read_alike(name: str, form: str, japanese: bool) -> bool:
    """Is the name the reading of some of the form's parts, one after another ('Wentao' of
    李文涛, 'Shinjuku' of 新宿駅, 'Sato' of 佐藤; not 'Zhang' of 李文涛, 'Kato' of 佐藤)?"""
    w = _letters(name, japanese)
    parts = _parts(form.replace(" ", ""), japanese)
    for a in range(len(parts)):
        ends = {0}   # how much of w the parts from a read, in every reading of each
        for readings in parts[a:]:
            ends = {e + len(r) for e in ends for r in readings if r and w.startswith(r, e)}
            if len(w) in ends:
                return True
            if not ends:
                break
    return False


def _han_readings(c: str) -> tuple[str, ...]:
    """Every reading of one character: anyascii's (one a character) and pypinyin's
    heteronyms, so the reading a name gives it is there (成 'cheng', 都 'du' as in 'Chengdu',
    not only 'dou'; 重 'chong' as in 'Chongqing'; 曾 'zeng')."""
    from pypinyin import Style, pinyin

    found = [_letters(latin(c), False)]
    found += [_letters(r, False) for r in pinyin(c, style=Style.NORMAL, heteronym=True)[0]]
    return tuple(dict.fromkeys(r for r in found if r)) or ("",)


@lru_cache(maxsize=8192)
def _parts(form: str, japanese: bool) -> tuple[tuple[str, ...], ...]:
    """The readings of a form's parts: each of its characters' readings (_han_readings), or
    Sudachi's readings of its morphemes (split mode A) and, apart, of the whole word (a name
    read as one: 'fujiyama')."""
    if not japanese:
        return tuple(_han_readings(c) for c in form)
    from sudachipy import SplitMode

    from .cjk import _sudachi_dictionary
    tokenizer = _sudachi_dictionary().tokenizer()
    split = [(_letters(kana_latin(m.reading_form()), True),) for m in tokenizer.tokenize(form, SplitMode.A)]
    whole = _letters(kana_latin("".join(m.reading_form() for m in tokenizer.tokenize(form, SplitMode.C))), True)
    return (*split, ("",), (whole,))


def kana_latin(kana: str) -> str:
    """A katakana reading in Latin letters as the English spelling of Japanese names writes
    it, long vowels once: 'kyo', 'jo' (anyascii reads キョ 'kiyo', ジョ 'jiyo'), the small ッ as
    the next consonant doubled (anyascii: 't', ホッカイドウ 'hotkaido'), 'tokyo' (トウキョウ)."""
    from anyascii import anyascii
    out: list[str] = []
    for c in kana:
        r = anyascii(c).lower()
        if c in "ャュョ" and out and out[-1].endswith("i") and len(out[-1]) > 1:
            stem = out.pop()[:-1]   # 'ki' 'k', 'shi' 'sh'
            r = stem + (r[1:] if stem.endswith(("sh", "ch", "j")) else r)
        out.append("\0" if c == "ッ" else r)
    reading = re.sub("\0(?=(ch|[a-z]))", lambda m: "t" if m.group(1) == "ch" else m.group(1), "".join(out))
    return re.sub(r"ou|oo|uu", lambda m: m.group()[0], reading.replace("\0", ""))


@lru_cache(maxsize=8192)
def sudachi_word(word: str) -> tuple[tuple[str, ...], str]:
    """Sudachi's part of speech and reading (katakana) of a Japanese word read alone."""
    from sudachipy import SplitMode

    from .cjk import _sudachi_dictionary
    morphs = list(_sudachi_dictionary().tokenizer(mode=SplitMode.C).tokenize(word))
    if not morphs:
        return (), ""
    pos = tuple(morphs[0].part_of_speech()) if len(morphs) == 1 else ()
    return pos, "".join(m.reading_form() for m in morphs)


def japanese_reading(word: str) -> str:
    """A Japanese word in Latin letters as it is read (東京 'tokyo', 伊藤 'ito')."""
    return kana_latin(sudachi_word(word)[1])
