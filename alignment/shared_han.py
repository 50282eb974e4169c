"""Han texts Chinese and Japanese write alike: names and headings of names.

Part of the check stage (untranslated.py asks it). Chinese and Japanese share the Han script,
so a place, a person, a number or a heading of them ('上海', '東京大学医学部附属病院',
'第一章') is written the same in both, and kept so it is translated right; the untranslated
check reported it as 'the original unchanged'. A sentence is no such shared text: it needs a
verb, a pronoun, a particle or an adverb, and Japanese writes those in kana. So a text without
kana is a name or heading when it has no sentence-final punctuation and jieba's part-of-speech
tags (rjieba, already the Chinese word cutter, cjk.py) give none of a sentence's parts.
"""

from __future__ import annotations

import re

from .cjk import HAN, KANA
from .lang import primary

__all__ = ["shared_han_name"]

_SENTENCE_END = re.compile(r"[。！？!?]")
# jieba's tags of a sentence's parts: verbs, pronouns, adverbs, prepositions, conjunctions,
# particles, modal particles, adjectives, idioms, set phrases, interjections, onomatopoeia;
# a verbal or adjectival noun ('vn' 研究, 'an') is a noun, which a heading holds
_SENTENCE_TAGS = tuple("vrdpcuyalieo")
_NOUN_USES = ("vn", "an")


def shared_han_name(text: str, src_lang: str, tgt_lang: str) -> bool:
    """Whether `text`, which both sides of a Chinese–Japanese pair write alike, is a name or
    a heading of names (no slip), rather than a sentence left untranslated."""
    if {primary(src_lang), primary(tgt_lang)} != {"zh", "ja"}:
        return False
    if KANA.search(text) or not HAN.search(text) or _SENTENCE_END.search(text):
        return False
    import rjieba
    return not any(tag.startswith(_SENTENCE_TAGS) and not tag.startswith(_NOUN_USES)
                   for _word, tag in rjieba.tag(text))
