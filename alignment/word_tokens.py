"""Tokens of a sentence as a reader sees them: the units word links point at.

Part of the word-links stage (words.py links these tokens; the checks, the glossary and the
reader count word positions with them, so there is one tokenizer). Hand-written over the
`re` module rather than a library tokenizer: it must keep character spans, split French and
Italian elisions and English clitics the way the Alibi gold does, and hand Chinese and
Japanese runs to cjk.py (Thai runs to thai.py); no tokenizer on PyPI does all three without a
model per language.
"""

from __future__ import annotations

import re
import unicodedata

from .cjk import CJK, KANA
from .cjk import numbers as cjk_numbers
from .cjk import split as cjk_split
from .lang import MARKS, primary
from .thai import THAI
from .thai import split as thai_split
from .types import Token

# Abbreviations that keep their stop (the Alibi gold writes 'éd.' so): cut-off words that
# are always written with it and spelt like no word of a language the tool reads, so a stop
# after them is theirs. Not 'prof', 'art', 'cap', 'vol', 'op', 'al', 'me', 'Jan', 'sept':
# words too ('le prof.', 'modern art.', 'Ils étaient sept.'), whose stop may end the
# sentence; nor 'Mr', 'Dr', 'St', 'Mme', 'Sgt' or months ('Feb'), often written without it
# ('Mr Smith', 'Mme Bovary': one word, one glossary row). Italian feminine titles are written
# in one piece (_JOINED: 'la Sig.ra Neri').
_STOP_KEPT = ("approx", "dept", "esq", "etc", "viz", "ibid", "cf", "pp", "éd", "env", "bzw",
              "vgl", "evtl", "ggf", "usw", "hrsg", "jh", "jhd", "nr", "hrn", "frl", "dhr",
              "mevr", "bijv", "blz", "enz", "jl", "resp", "ong", "ca", "sig", "sigg", "dott",
              "avv", "geom", "pag", "pagg", "ecc", "sra", "srta", "sres", "dra", "dña", "ud",
              "uds", "pág", "págs", "núm", "excmo", "ilmo", "vd", "avda", "pza", "gral", "exmo",
              "exma", "profa", "yrd", "doç", "bkz", "öğr", "arş", "tzw", "np", "tj", "tzn", "wg",
              "inż", "płk", "kpt", "woj", "напр")
_JOINED = ("sig.ra", "sig.na", "dott.ssa", "prof.ssa", "avv.ssa")


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Kept whole, apostrophes and stops included: an abbreviation of letters and stops ('e.g.',
# 'o.a.', 'm.b.t.', 'p.es.': one unit to the reader, whose letters linked alone), one of
# _STOP_KEPT or _JOINED, a Dutch elided word ("'s-Hertogenbosch"; "'s", "'t", "'k", "'n"
# before a space: "'s Avonds", "'t is") and Italian 'po'' (poco cut short, no elision).
_WHOLE = (rf"(?<![\w'’])(?:[^\W\d_]{{1,2}}\.(?:[^\W\d_]{{1,2}}\.)+"
          rf"|(?i:{_alternatives(_JOINED)})(?![^\W_])|(?i:{_alternatives(_STOP_KEPT)})\.)(?!\.)"
          r"|['’][st]-[^\W_]+(?:-[^\W_]+)*|['’][kstn](?![^\W_]|['’])"
          r"|(?<![\w'’])(?i:po)['’](?![^\W_])")
_WHOLE_RE = re.compile(_WHOLE)
TOKENS_VERSION = 3
"""Bumped when a text's tokens change: word links saved before name other tokens (po_words).
2: abbreviations, Dutch elided words and 'po'' kept whole, Thai cut into words.
3: a Japanese sentence's runs of kanji alone cut as Japanese ('午後', not '午 | 後')."""


def tokens_changed(text: str, since: int = 1) -> bool:
    """Could tokenizer version `since` have cut `text` otherwise than this one (something 2
    keeps whole, Thai, or a Japanese sentence 3 cuts otherwise)? Elsewhere the tokens are the
    same, and the word links made then still hold."""
    if since < 2 and (THAI.search(text) or _WHOLE_RE.search(text)):
        return True
    return since < 3 and bool(KANA.search(text)) and \
        tokenize(text) != tokenize(text, sentence_kana=False)


# A token is what a reader sees as one unit: one of _WHOLE, a number (1,000.5), a word
# (hyphens and internal apostrophes kept: "grand-mère", "aujourd'hui"), or one punctuation
# mark (runs of dots and dashes kept together). Apostrophe clitics are then split off below.
# (combining marks, lang.MARKS, belong to the word they sit in: Arabic 'عامًا', Hindi 'पहला')
_TOKEN = re.compile(rf"(?P<whole>{_WHOLE})|\d+(?:[.,]\d+)*"
                    rf"|[^\W_](?:[\w\-{MARKS}]*(?:[^\W_]|[{MARKS}]))?"
                    r"(?:['’][^\W_]+(?:-[^\W_]+)*)*|\.{2,}|-{2,}|\S", re.UNICODE)
_APOS = "'’"
# English clitics are split before the apostrophe (it 's, do n't); any other apostrophe
# inside a word ends an elided word (l' homme, qu' il, dell' arte).
_EN_CLITICS = ("s", "re", "ve", "ll", "d", "m", "t")
_KEEP_WHOLE = frozenset({"aujourd'hui", "aujourd’hui", "o'clock", "o’clock"})


def _split_clitics(word: str, start: int) -> list[Token]:
    """Split apostrophes inside a word token into what a reader sees as separate words."""
    if word.lower() in _KEEP_WHOLE or not any(a in word for a in _APOS):
        return [Token(word, start, start + len(word))]
    out: list[Token] = []
    at = 0
    for m in re.finditer(f"[{_APOS}]", word):
        k = m.start()
        rest = word[k + 1:]
        tail = re.match(r"[^\W_]+", rest)
        tail_text = tail.group() if tail else ""
        if tail_text.lower() in _EN_CLITICS and len(tail_text) == len(rest):
            if tail_text.lower() == "t" and word[k - 1:k].lower() == "n" and k - 1 > at:
                k -= 1  # do n't, can n't
            if k > at:
                out.append(Token(word[at:k], start + at, start + k))
            at = k
            break
        if k + 1 > at:
            out.append(Token(word[at:k + 1], start + at, start + k + 1))
        at = k + 1
    if at < len(word):
        out.append(Token(word[at:], start + at, start + len(word)))
    return out


def tokenize(text: str, *, sentence_kana: bool = True) -> tuple[Token, ...]:
    """Tokens of `text` with their character spans [start, end), in order, without spaces.
    A number against Chinese or Japanese characters is one token (cjk.numbers). A sentence
    with kana is Japanese throughout (`sentence_kana`; before TOKENS_VERSION 3 each run
    without spaces was told apart)."""
    out: list[Token] = []
    at = 0
    japanese = bool(KANA.search(text)) if sentence_kana else None
    for start, end in cjk_numbers(text) if CJK.search(text) else ():
        out.extend(_tokens(text, at, start, japanese))
        out.append(Token(text[start:end], start, end))
        at = end
    return tuple(out + _tokens(text, at, len(text), japanese))


def _tokens(text: str, start: int, end: int, japanese: bool | None = None) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        if m.lastgroup == "whole":
            out.append(Token(word, m.start(), m.end()))
        elif "'" in word or "’" in word:
            out.extend(_split_clitics(word, m.start()))
        elif CJK.search(word):   # Chinese and Japanese run their words together (cjk.py)
            out.extend(cjk_split(word, m.start(), japanese))
        elif THAI.search(word):  # ... and so does Thai (thai.py)
            out.extend(thai_split(word, m.start()))
        else:
            out.append(Token(word, m.start(), m.end()))
    return out


def split_tokens(text: str) -> tuple[Token, ...]:
    """Tokens of already tokenized text: the space-separated items, with their spans."""
    return tuple(Token(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", text))


def is_word(token: str) -> bool:
    """True for tokens with a letter or digit (not punctuation)."""
    return any(unicodedata.category(c)[0] in "LN" for c in token)


# Turkish and Azerbaijani write dotted and dotless i as two letters, in both cases: I/ı, İ/i
DOTTED_I = frozenset({"tr", "az"})
_DOTTED_LOWER = str.maketrans({"I": "ı", "İ": "i"})


def lower(word: str, lang: str) -> str:
    """`word` in lower case as its language writes it. Why: str.lower() reads 'I' as English
    does, so Turkish 'IŞIK' became 'işik', another word than 'ışık' (light), and 'İ' became
    'i' and a combining dot ('i̇stanbul'): a word in capitals was no longer the word it is,
    to the encoder and to a count."""
    if primary(lang) in DOTTED_I:
        word = word.translate(_DOTTED_LOWER)
    return word.lower()
