"""Which word links of a text are vocabulary, and which forms are one word: the glossary's filters.

A word link can be right for the sentence and still no entry for a learner: a verb linked to the
French negation it stands beside ('war' -> "n'"), a preposition to a noun the translation put in
its place ('на' -> 'ones'), a word to a colon. And a declined word is one word in several forms
('Москва', 'Москве', 'Москву' are all 'Moscow'): simplemma's lemma tables (pure Python, in the
wheel) say which forms are one.
"""

from __future__ import annotations

from functools import lru_cache

from .function_word_lists import closed_class_words
from .lang import primary
from .word_lists import function_words
from .word_tokens import lower

# Where no closed classes are written out (function_word_lists.py: Russian, Arabic...), the
# function words are the language's commonest words (pyspellchecker frequencies), whose tops hold
# content words too ('Frau', 'big', 'доктор'), more so for a language that spreads one word over
# several forms. So a side counts as a function word in the top FUNCTION_TOP, the other side as a
# content word only outside the wider CONTENT_TOP: with one list of 200 for both, 46 of the
# Russian test story's pairs went ('сказал' -> 'said', 'Vater' -> 'père' among them).
FUNCTION_TOP = 100
CONTENT_TOP = 500
# Italian 'po'' (poco) is cut short, not elided as "l'" is: a word of its own ('un po'' = 'a little')
_CUT_SHORT = frozenset({"po'", "po’"})


def is_vocabulary(src: str, tgt: str, src_lang: str, tgt_lang: str) -> bool:
    """Is the linked pair an entry for a learner? Not where a side is punctuation or the clitic
    the tokenizer cut off a word (English "'s", "'ll", Dutch "'s": "'s -> 's" was an entry),
    nor where one side is a function word of its language and the other a content word of
    its own."""
    if not (_has_letters(src) and _has_letters(tgt)) or _clitic(src) or _clitic(tgt):
        return False
    if is_function_word(src, src_lang) and _content_word(tgt, tgt_lang):
        return False
    return not (is_function_word(tgt, tgt_lang) and _content_word(src, src_lang))


def is_function_pair(src: str, tgt: str, src_lang: str, tgt_lang: str) -> bool:
    """Are both sides function words of their languages ('il' -> 'the', 'een' -> 'a')?"""
    return is_function_word(src, src_lang) and is_function_word(tgt, tgt_lang)


def has_function_word(src: str, tgt: str, src_lang: str, tgt_lang: str) -> bool:
    """Is either side a function word ('alle' -> 'at', 'ci' -> 'there')? Right pairs mostly,
    but no vocabulary: they led a teacher's glossary, so it leaves them out unless asked
    (`glossary(function_words=True)`), whichever side the function word is on."""
    return is_function_word(src, src_lang) or is_function_word(tgt, tgt_lang)


def is_same_name(src: str, tgt: str) -> bool:
    """A name both texts spell alike ('Vries' -> 'Vries'): nothing to learn, so the glossary
    leaves it out unless asked (`glossary(names=True)`). A capital anywhere makes the name:
    "'s-Hertogenbosch" (or 's-Hertogenbosch', its "'" cut off) opens in lower case."""
    return src == tgt and any(c.isupper() for c in src)


def _has_letters(word: str) -> bool:
    return any(c.isalnum() for c in word)


def _closed(word: str) -> bool:
    """Words every list misses or ranks low: an elided article, pronoun or negation ("l'",
    "n'", "qu'"; not Italian 'po''), English "n't", and a one-letter word of an alphabet
    (Russian 'в', 'у', 'к': the Russian list lacks them); not one Chinese or Japanese
    character, which can be a noun."""
    return (word.endswith(("'", "’")) and word not in _CUT_SHORT) or word in ("n't", "n’t") \
        or (len(word) == 1 and word.isalpha() and ord(word) < 0x2E80)


def _clitic(word: str) -> bool:
    """English "'s", "'ll", "'ve", Dutch "'s", "'t": not "'s-Hertogenbosch", a name."""
    return word.startswith(("'", "’")) and len(word) <= 4 and word[1:].isalpha()


def is_function_word(word: str, lang: str) -> bool:
    """Is `word` a function word of `lang`: of the closed classes function_word_lists.py
    writes out for it, else (a language with none written) of its FUNCTION_TOP commonest?"""
    word = lower(word, lang)
    return _closed(word) or word in (closed_class_words(lang) or function_words(lang, FUNCTION_TOP))


@lru_cache(maxsize=32)
def _common(lang: str) -> frozenset[str]:
    """Words too common to tell a content word: the CONTENT_TOP commonest and the closed
    classes (for Turkish, Polish, Chinese, Japanese, Korean, which have no frequencies)."""
    return function_words(lang, CONTENT_TOP) | closed_class_words(lang)


def _content_word(word: str, lang: str) -> bool:
    word = lower(word, lang)
    return bool(_common(lang)) and not _closed(word) and word not in _common(lang)


@lru_cache(maxsize=65536)
def lemma(word: str, lang: str) -> str:
    """The word's dictionary form, lower-cased as its language writes it ('Москве' -> 'москва',
    Turkish 'IŞIK' -> 'ışık'); the word itself where simplemma lacks the language."""
    import simplemma

    try:
        return lower(simplemma.lemmatize(word, lang=primary(lang)), lang)
    except ValueError:
        return lower(word, lang)


def label(forms: dict[str, int], head: str) -> str:
    """A row's word as shown: `head` and the other forms met, commonest first, in brackets
    ('Москва (Москве, Москву, Москвы)'); the search box finds the row by any of them."""
    others = sorted((f for f in forms if f != head), key=lambda f: (-forms[f], f))
    return f"{head} ({', '.join(others)})" if others else head
