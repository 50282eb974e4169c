"""The words a real-word slip could have meant: common words a few letters from the word
written, less those that are only another form of it.

Part of the check stage, shared by the real-word rules (slips.py, context_slips.py,
slip_model.py) and the spelling check (spelling.py): which edits of a word are words
(`near_words`, over a language's commonest words), which of those are worth weighing
(`plausible_words`), which are another form of the word written and so no slip
(`form_of`: a longer form, a prefix, another spelling, ending or agreement), and, without
word vectors, which words two edits away come closer in spelling to an original word
(`towards`).

Library, and why: symspellpy indexes pyspellchecker's word lists (with frequencies: en,
fr, de, es, it, pt, nl, ru, ...) for edit look-ups, far faster than generating edits and
looking each up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .cognates import function_words, speller_for
from .word_similarity import _grams, fold, similarity
from .lang import primary


def _edits(word: str, letters: str) -> set[str]:
    """Strings one edit (delete, swap, replace, insert) away, using only the given letters."""
    cuts = [(word[:k], word[k:]) for k in range(len(word) + 1)]
    out = {a + b[1:] for a, b in cuts if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    out |= {a + c + b[1:] for a, b in cuts if b for c in letters}
    out |= {a + c + b for a, b in cuts for c in letters}
    return out


def _dice(padded: str, grams: frozenset[str]) -> float:
    """similarity() for an already folded, padded string, without filling the gram cache."""
    mine = {padded[i:i + 2] for i in range(len(padded) - 1)}
    return 2 * len(mine & grams) / (len(mine) + len(grams))


def towards(word: str, target: str, known: Any) -> set[str]:
    """Known words two edits from word whose edits bring it closer in spelling to target.

    Edits use only the letters of target (the intended cognate shares them), which
    keeps the search to a few thousand dictionary look-ups.
    """
    letters = "".join(sorted(set(fold(target)) - set(" -'")))
    one = _edits(word, letters)
    og, base = _grams(target), similarity(word, target)
    closer = [x for x in one if _dice(f"#{x}#", og) > base]
    return {c for c in one.union(*(_edits(x, letters) for x in closer)) if c in known}


MIN_COUNT = 5000   # pyspellchecker count of intended words ('terror' 15,747; 'ow' 4,375)


@lru_cache(maxsize=8)   # one per language (~50 MB): 4 rebuilt some as a run went through 6 (2-3 s each)
def word_index(lang: str, size: int = 30000) -> Any:
    """symspellpy index of the language's `size` commonest words (pyspellchecker counts).

    Its edit distance is symspellpy's own, in Python: editdistpy's C++ one (the same
    distances) made the look-ups twice as fast but the checks of 1,000 LIMSI links only
    10.2 -> 9.8 s (2026-12-04), not worth a dependency more."""
    from symspellpy import SymSpell

    speller = speller_for(lang)
    freq = speller.word_frequency.dictionary if speller is not None else {}
    index = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    for w in sorted(freq, key=freq.__getitem__, reverse=True)[:size]:
        index.create_dictionary_entry(w, freq[w])
    return index


def near_words(word: str, lang: str, distance: int = 1) -> list[tuple[str, int]]:
    """Common words up to `distance` (1 or 2) edits from word (Damerau), with their distance."""
    return list(_near_cached(word, lang, distance))


@lru_cache(maxsize=50_000)   # each detector asks for the same words again (bounded: ~50 MB at most)
def _near_cached(word: str, lang: str, distance: int) -> tuple[tuple[str, int], ...]:
    from symspellpy import Verbosity

    key = word.casefold()
    found = word_index(lang).lookup(key, Verbosity.ALL, max_edit_distance=distance,
                                  include_unknown=False)
    out = [(f.term, f.distance) for f in found if f.term != key and len(f.term) >= 2]
    return tuple((t.capitalize() if word[:1].isupper() else t, d) for t, d in out)


# British and American spellings of one word: never a slip for the other
VARIANTS = ((r"(?<=\w\w)our", "or"), (r"(?<=[^aeiou])re\b", "er"), (r"(?<=\w\w)is(?=e|ed|es|ing|ation)", "iz"),
            (r"yse", "yze"), (r"\bgrey", "gray"), (r"(?<=[aeiou])ll(?=ed|ing|er)", "l"))


def is_variant(a: str, b: str) -> bool:
    """Is b another spelling of a ('rumour'/'rumor', 'centre'/'center', 'realise'/'realize',
    'grey'/'gray')? A translation may spell either way: limsi windows of 300 links read
    'rumour' as a slip for 'rumor' twice in 8 windows. Not 'four'/'for' (two letters before)."""
    a, b = a.casefold(), b.casefold()
    return a != b and _variant_norm(a) == _variant_norm(b)


_VARIANT_RES = tuple((re.compile(pattern), repl) for pattern, repl in VARIANTS)


@lru_cache(maxsize=50_000)   # asked for every candidate of every suspect word
def _variant_norm(x: str) -> str:
    for pattern, repl in _VARIANT_RES:
        x = pattern.sub(repl, x)
    return x


def _other_ending(a: str, b: str) -> bool:
    """Are a and b one word with another vowel ending ('tourna'/'tourné', 'parle'/'parla')?
    An inflection the translator chose, as a longer form is, not a slip: limsi-enfr read
    'se tourna' (turned) as a slip for 'tourné'. Consonant endings stay ('thing'/'think')."""
    a, b = a.casefold(), b.casefold()
    vowels = "aeiouyéèêàâ"
    return len(a) >= 5 and len(a) == len(b) and a[:-1] == b[:-1] and a[-1] != b[-1] \
        and a[-1] in vowels and b[-1] in vowels


# endings French adds to a word for agreement or makes a verb with ('courts' for 'court',
# 'fautes', 'coins'; 'placer' beside the noun 'place')
# the endings of gender and number agreement: French (measured below), and Spanish, Italian
# and Portuguese, whose adjectives and possessives agree the same way ('Son tuyos.' / 'They
# are yours.' read 'tuyos' as a slip for 'tuyo' before)
AGREEMENT_ENDINGS = {"fr": ("s", "x", "e", "es", "r"), "es": ("o", "a", "os", "as", "s", "es"),
                     "it": ("o", "a", "i", "e"), "pt": ("o", "a", "os", "as", "s", "es")}


COMMON_FORMS = 1000   # a language's commonest words, where its short agreeing forms are


def _agreement(word: str, cand: str, lang: str) -> bool:
    """Are the word written and the candidate one stem with endings its language's grammar
    adds ('courts' / 'court' / 'courte', 'placer' / 'place')? In French the ending follows the
    translation's own syntax (an adjective agrees with its noun, 'pour y placer'), which the
    original's words cannot decide, so it is no slip. Measured on the gold links as published
    (bench_checks.py --gold: Text+Berg dev, LIMSI read English -> French): French real-word
    warnings 9 -> 5 ('courts' for 'court', original 'short'; 'fautes', 'coins', 'placer');
    the slips injected in the bench windows (limsi-enfr, Text+Berg dev, and held out Text+Berg
    test and alibi-enfr, seeds 0-2) were found as before."""
    a, b = word.casefold(), cand.casefold()
    ends = ("", *AGREEMENT_ENDINGS.get(primary(lang), ()))
    if len(ends) == 1 or a == b:
        return False
    # a stem of two letters for the language's common words: possessives and determiners
    # agree with the translation's noun ('le sue mani' read as a slip for 'suo', original 'her')
    stem = 2 if {a, b} <= function_words(lang, COMMON_FORMS) else 3
    return any(a.endswith(e) and len(a) - len(e) >= stem and b in {a[:len(a) - len(e)] + x for x in ends}
               for e in ends)


def form_of(word: str, cand: str, lang: str) -> bool:
    """Is cand another form of the word written, hence no slip for it: a longer form
    ('pleasure' for 'please'), the word with a prefix ('recommend' for 'commend', 'return'
    for 'turn': a derivation; a slip seldom loses a word's first two letters), another
    spelling (`is_variant`), another vowel ending (`_other_ending`) or another agreement
    (`_agreement`)?"""
    longer = len(cand) > len(word) >= 4 and fold(cand).startswith(fold(word)[:-1])
    prefixed = len(cand) >= len(word) + 2 and len(word) >= 4 and fold(cand).endswith(fold(word))
    return longer or prefixed or is_variant(word, cand) or _other_ending(word, cand) \
        or _agreement(word, cand, lang)


def plausible_words(near: Sequence[tuple[str, int]], word: str, lang: str) -> list[tuple[str, int]]:
    """Intended words worth weighing for `word` (_plausible_cached; the detectors ask again
    for the same words, link after link)."""
    return list(_plausible_cached(tuple(near), word, lang))


@lru_cache(maxsize=50_000)
def _plausible_cached(near: tuple[tuple[str, int], ...], word: str,
                      lang: str) -> tuple[tuple[str, int], ...]:
    """Intended words worth weighing for `word`: common (at least MIN_COUNT, and not a
    hundred times rarer than the word written), two letters only if among the language's
    commonest, and neither a longer form of the word written ('pleasure' for 'please'),
    another spelling of it ('rumor' for 'rumour'), another agreement of it (French 'court'
    for 'courts': `_agreement`), nor the word it is the possessive of ('uncle' for "uncle's")."""
    index = word_index(lang).words
    key = word.casefold()
    floor = max(MIN_COUNT, 0.01 * index.get(key, 0))
    return tuple((c, d) for c, d in near if index.get(c.casefold(), 0) >= floor
            and (len(c) >= 3 or c.casefold() in function_words(lang)) and not form_of(word, c, lang)
            and key not in (c.casefold() + "'s", c.casefold() + "’s"))
