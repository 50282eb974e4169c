"""The untranslated check: a translation identical to the original, or written in the
original's language.

Part of the check stage (checks.py registers `check_untranslated`). Which language a
word belongs to comes from pyspellchecker's word lists (word_lists.speller_for). A text
both sides write alike in a third language is no slip: an English title or quotation that
a German original and its French translation both keep ('The Alpine Journal', 'in:
Expedition to the Himalaya'), where a handful of English words ('in', 'expedition', 'new')
are German words as well and none French, read as German before.

Thai, written without spaces between words, is cut into its words (thai.py), as evidence.py
cuts Chinese and Japanese: a Thai sentence was one "word" here, so a Thai sentence copied
into an English translation counted 1 of its link's words and went unseen. And a Thai
stretch of a translation in another script is voted on alone (`_thai_left`): a sentence left
in Thai beside a long English one ('ประชาชนควรเตรียมเสื้อผ้ากันหนาวให้พร้อม On the summit of Doi
Inthanon, the temperature...') is 8 of the link's 17 words, under `untranslated_share`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .cjk import CJK
from .evidence import WordEvidence, word_spans
from .lang import primary
from .shared_han import shared_han_name
from .thai import THAI
from .thai import split as thai_split
from .types import Bitext, Finding, Span, Token
from .word_lists import _common, link_pairs, make_finding, speller_for

if TYPE_CHECKING:
    from .check_config import CheckConfig

__all__ = ["check_untranslated"]

# the languages a text both sides keep is most often written in, beside theirs (titles,
# quotations, references): each one's word list is read once, only for such texts
THIRD_LANGUAGES = ("en", "fr", "de")
# the frequency of a word a language's list lacks
FREQUENCY_FLOOR = 1e-9
# a word at least this frequent in its list is a common word, not one of the names it holds
COMMON_WORD = 2e-6


def _source_like(words: list[str], src_words: set[str], src_lang: str, tgt_lang: str) -> int:
    """How many words belong to the source language rather than the target's."""
    s_dict, t_dict = speller_for(src_lang), speller_for(tgt_lang)
    if s_dict is None or t_dict is None:
        return sum(w in src_words for w in words)
    return sum(w in src_words or (w in s_dict and w not in t_dict) for w in words)


def _in_original_language(words: list[str], src_lang: str, tgt_lang: str) -> bool:
    """Whether words a text both sides write alike are used more in the original's
    language than in the translation's (summed log frequencies of pyspellchecker's lists).

    A text written alike in a third language or the translation's is no untranslated slip:
    an English original quoting French ('Adieu!') or Latin ('Carnifex!', kept in the French
    of LIMSI's Confessions, known to neither list) is translated right by keeping it. Each list's
    words alone are no test: the English one holds 'du', 'tout', 'dit' and 'la', so '"Pas du
    tout," dit la Chenille.' left in French in an English translation had no word only
    French (LIMSI fr->en: 18 of its 1,001 clean originals, copied, went unseen that way).
    Without word lists, every text counts."""
    if speller_for(src_lang) is None or speller_for(tgt_lang) is None:
        return True
    own, other = _log_use(words, src_lang), _log_use(words, tgt_lang)
    return own > other and own > math.log10(FREQUENCY_FLOOR) * len(words)


def _only_in_original(word: str, src_lang: str, tgt_lang: str) -> bool:
    """Whether the word is a common word of the original's language (used at least
    COMMON_WORD as often as any) that the translation's list lacks: 'vorwärts', 'danke', not
    the names the lists hold too ('alice' 8e-7, 'berlin' 4e-7 in the German list)."""
    t_dict = speller_for(tgt_lang)
    return t_dict is not None and word not in t_dict and _common(word, src_lang, COMMON_WORD)


def _log_use(words: list[str], lang: str) -> float:
    """Summed log frequencies of the words in a language, unknown ones at FREQUENCY_FLOOR:
    each word counts, so shared short words ('me', 'on', 'la') decide nothing alone."""
    speller = speller_for(lang)
    return sum(math.log10(max(speller.word_usage_frequency(w), FREQUENCY_FLOOR)) for w in words)


def _third_language(words: list[str], src_lang: str, tgt_lang: str) -> bool:
    """Whether a language other than the two sides' knows more of the words than the
    original's does: the text is a quotation in it ('The Alpine Journal' in German and
    French alike), which a translation keeps. An untranslated sentence has its words in
    the original's list, as many as any other list has."""
    s_dict = speller_for(src_lang)
    if s_dict is None:
        return False
    own = sum(w in s_dict for w in words)
    others = (speller_for(lang) for lang in THIRD_LANGUAGES
              if lang not in (primary(src_lang), primary(tgt_lang)))
    return any(d is not None and sum(w in d for w in words) > own for d in others)


def _spans(text: str) -> list[tuple[str, int, int]]:
    """evidence.word_spans, a Thai run cut into its words."""
    spans = word_spans(text)
    if not THAI.search(text):
        return spans
    return [(t.text, t.start, t.end) for w, a, b in spans
            for t in (thai_split(w, a) if THAI.search(w) else [Token(w, a, b)])]


def _words_of(text: str) -> list[str]:
    return [w.casefold() for w, *_ in _spans(text)]


def _common_words(text: str) -> list[str]:
    """The words of `text` that are no names: those of two letters or more written in lower
    case, or in a script without case (Hangul, Han, kana, Arabic...), where any word may be a
    common one; a check on lower case alone found no Korean or Chinese sentence left
    untranslated. A single ideograph or kana is a word too ('我', '很', '去', 'は'), not an
    initial: left out, a Chinese clause copied into an English translation counted 2 of its 9
    words ('我和朋友在咖啡馆聊了很久') and went unseen where a Korean one was found."""
    return [w.casefold() for w, *_ in _spans(text)
            if (len(w) >= 2 or CJK.match(w) or THAI.match(w))
            and (w[0].islower() or w[0].isalpha() and not w[0].isupper())]


# a token that is code or an address, no word of a language: snake_case, camelCase, dotted
# ('os.path', 'example.com'; not 'z.B.'), with a slash or a digit ('and/or', 'v2', 'mp3')
TOKEN = re.compile(r"[^\s\"'«»“”‘’()\[\]{}<>,;:!?]+")
IDENTIFIER = re.compile(r"_|[^\W\d_]\.[^\W\d_]{2}|\w[/\\]\w|\d|[^\W\d_]*[a-z][A-Z]")


def _voters(text: str, src_words: set[str], src_lang: str, tgt_lang: str, cased: bool) -> list[str]:
    """The words of a translation that vote on its language: not identifiers (IDENTIFIER:
    'max_retries', 'camelCase', 'config.yaml', kept as written in any language), nor words
    the original writes alike that the translation's language knows too and the original's
    does not count among its common words ('parameter', 'server': terms both languages
    borrow). Why: 'The max_retries parameter defaults to 3.' was '3 of 5 words ... look like
    de', its 'max', 'retries' and 'parameter' written in the German original as well. A
    common word the original shares ('die', 'hat', 'war') still votes: it is how a half
    copied original shows."""
    blanked = TOKEN.sub(lambda m: " " * len(m.group()) if IDENTIFIER.search(m.group()) else m.group(), text)
    words = _common_words(blanked)
    t_dict = speller_for(tgt_lang)
    return [w for w in (words if cased else [w for w in words if w[0].islower()])
            if not (w in src_words and t_dict is not None and w in t_dict
                    and not _common(w, src_lang, COMMON_WORD))]


def _written_with_case(bitext: Bitext, sample: int = 200) -> bool:
    """Whether most letters of the translation (its first `sample` sentences) have a case.
    Only then is a word without case in it foreign, as Korean left in an English translation;
    in a Japanese translation of a Chinese original the Han words both write alike ('東京大学',
    '附属病院') are its own, and counted as the original's, they made false alarms."""
    letters = [c for s in bitext.tgt[:sample] for c in s.text if c.isalpha()]
    return 2 * sum(c.islower() or c.isupper() for c in letters) >= len(letters)


def check_untranslated(bitext: Bitext, config: CheckConfig,
                       evidence: WordEvidence | None = None) -> Iterator[Finding]:
    """Translation identical to the original, or written in the original's language."""
    cased = _written_with_case(bitext)
    for i, src, tgt in link_pairs(bitext):
        words = _common_words(tgt)
        foreign = words if cased else [w for w in words if w[0].islower()]
        all_words = _words_of(tgt)
        if not src or not all_words:
            continue
        if _words_of(src) == all_words:
            # 'Forgive me!': its capital word counts too (no name); capital words alone
            # ('Vorwärts!', German like every noun) only if the first is a common word of the
            # original's language alone: not 'Oh!' (both), nor 'Alice!' (a name the list holds)
            first = all_words[:1]
            told = words if first == words[:1] else first + words
            if not words and not _only_in_original(first[0], bitext.src_lang, bitext.tgt_lang):
                continue
            if not _in_original_language(told, bitext.src_lang, bitext.tgt_lang) \
                    or _third_language(words, bitext.src_lang, bitext.tgt_lang) \
                    or shared_han_name(tgt, bitext.src_lang, bitext.tgt_lang):
                continue   # written in the translation's language already, in a third one, or in both
            yield make_finding(i, "untranslated", "warning", "the translation is the original unchanged",
                               Span("tgt", 0, len(tgt)))
        elif len(foreign) >= config.untranslated_min_words:
            src_words = set(_words_of(src))
            foreign = _voters(tgt, src_words, bitext.src_lang, bitext.tgt_lang, cased)
            n = _source_like(foreign, src_words, bitext.src_lang, bitext.tgt_lang)
            if len(foreign) >= config.untranslated_min_words and n >= config.untranslated_share * len(foreign) \
                    and not _third_language(foreign, bitext.src_lang, bitext.tgt_lang):
                yield make_finding(i, "untranslated", "warning", f"{n} of {len(foreign)} words of the "
                                   f"translation look like {bitext.src_lang}: untranslated?",
                                   Span("tgt", 0, len(tgt)))
            elif (left := _thai_left(tgt, src_words, bitext, config)) is not None:
                yield make_finding(i, "untranslated", "warning", *left)


# A stretch of Thai: its runs, with the spaces, digits and stops between them ('ถึง 8 องศา')
_THAI_STRETCH = re.compile(r"[\u0e01-\u0e5b]+(?:[\s\d.,]+[\u0e01-\u0e5b]+)*")


def _thai_left(tgt: str, src_words: set[str], bitext: Bitext,
               config: CheckConfig) -> tuple[str, Span] | None:
    """The message and span of a stretch of a Thai original left in Thai in a translation in
    another language, inside a link the translation's words outvote (see the module's doc)."""
    if primary(bitext.src_lang) != "th" or primary(bitext.tgt_lang) == "th":
        return None
    for m in _THAI_STRETCH.finditer(tgt):
        words = _words_of(m.group())
        n = sum(w in src_words for w in words)
        if len(words) >= config.untranslated_min_words and n >= config.untranslated_share * len(words):
            return (f"{n} of the {len(words)} words of a stretch of the translation look like "
                    f"{bitext.src_lang}: untranslated?", Span("tgt", m.start(), m.end()))
    return None
