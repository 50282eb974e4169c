"""Strays: capitalised translation words that no word list knows and nothing in the original
spells, for the names check (cognates.py).

A name mistyped or made up in the translation ('Heyward' -> 'Htoaani', 'Serpent' ->
'Sraalar') is no word of the language and is spelt like no word of the original, while
a real name the translation keeps is spelt like one (Baltoro/Baltoro) and one it
translates is a word of the language (Londres/London) or is written again elsewhere.
The encoder is no help here: unknown words all look alike to it (Heyward/Htoaani and
Alice/Dinah are close), and a word link may join a changed word by its position.

Measured on the injected slips of bench_checks.py (--word-links, 1,000 links): LIMSI
name-mangle seeds 0-2 13 -> 14 of 15, held-out seeds 3-4 16 -> 18 of 21, Text+Berg dev
seeds 3-4 2 -> 3 of 4; names false alarms on clean links unchanged at every level.

Stand-ins (`stand_in`) are the other way a name goes astray: a common word of the language
in its place ('said examples' for 'dit Alice'), found by what the word does not do (mean
anything of the original, go with its neighbours) and by where it stands (name_places.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from .context_lm import contexts, misfits
from .evidence import LinkWords, WordSpan, word_spans
from .word_similarity import fold, similarity
from .lang import primary
from .name_reread import REREAD_WHY
from .name_spelling import name_key
from .name_places import (LOOKALIKE_COSINE, STAND_IN_COSINE, beside_full_name, beside_number, beside_same,
                          beside_sibling, in_name_place)
from .types import Bitext, Finding, Span
from .word_lists import NOUN_CAPITALS, _best, _common, english_lemmas, function_words, make_finding, speller_for

if TYPE_CHECKING:
    from .check_config import CheckConfig

__all__ = ["NameSlots", "orphan_src_words", "stand_in", "stray_findings", "stray_words", "translates"]

# a stray is written in at most this many links of the translation: 2 found Text+Berg dev
# seeds 0-2 name-swap 2 of 2 (1 at 1) but warned once more on the gold n-m links
STRAY_LINKS = 1


def translates(lw: LinkWords, k: int, j: int) -> bool:
    """Whether a sure word link joins original word k and translation word j at
    LOOKALIKE_COSINE or above (a link by position alone joins a changed word too, and
    unknown words look alike to the encoder, but not this close)."""
    return lw.linked is not None and lw.linked.size > 0 and lw.cos is not None \
        and bool(lw.linked[k, j]) and float(lw.cos[k, j]) >= LOOKALIKE_COSINE


def stray_words(bitext: Bitext, lw: LinkWords, links: Counter[str],
                config: CheckConfig) -> list[WordSpan]:
    """Capitalised translation words of link `lw` that the language's word list does not
    know (_unknown), that the translation writes in at most STRAY_LINKS links
    (`links`: links per case-folded word), and that are spelt like no word of the original.

    Neither the encoder's cosine nor a word link is a counterpart for them, and a heading
    or a sentence's first word is no excuse: no capital makes a word the list lacks. None
    in a language that capitalises its nouns.
    """
    speller = speller_for(bitext.tgt_lang)
    if speller is None or primary(bitext.tgt_lang) in NOUN_CAPITALS:
        return []
    spelt = lw.best("tgt", cosine=False)
    parts = [p for w, *_ in lw.src for p in _parts(w)]
    return [(w, a, b) for k, (w, a, b) in enumerate(lw.tgt)
            if len(w) >= config.min_name_length and w[0].isupper() and not w.isupper()
            and spelt[k] < config.name_similarity and links[w.casefold()] <= STRAY_LINKS
            and _unknown(w, speller, bitext.tgt_lang)
            and not any(translates(lw, m, k) for m in range(len(lw.src)))
            and max((similarity(w, p) for p in parts), default=0.0) < config.name_similarity]


def _parts(word: str) -> list[str]:
    """A word cut before each inner capital, its clitic dropped: 'NouvelleZemble' (a space
    lost) is 'Nouvelle' and 'Zemble'; "That'll" is 'That'."""
    word = re.sub(r"(n['’]t|['’](s|ll|d|ve|re|m))$", "", word, flags=re.IGNORECASE)
    return re.split(r"(?<=[^\W\d_])(?=[^\W\d_a-zß-ÿ])", word)


def _unknown(word: str, speller: Any, lang: str) -> bool:
    """Not in the word list, nor a country or region CLDR names (the French list lacks
    'Asie' and 'Allemagne'), nor two listed words run together at a capital
    ('MontsCélestes': a space lost in typesetting, not a name), nor one letter from a
    listed word: a spelling of it ('Metre', 'Jaqueline'), or a slip the word checks weigh."""
    parts = _parts(word)
    return fold(word) not in _territories(lang) \
        and any(p.casefold() not in speller for p in parts) \
        and not speller.known(speller.edit_distance_1("".join(parts).casefold()))


@lru_cache(maxsize=16)
def _territories(lang: str) -> frozenset[str]:
    """Folded words of the names of countries and regions in a language (Babel's CLDR data)."""
    from babel import Locale, UnknownLocaleError
    try:
        names = Locale.parse(lang.replace("-", "_")).territories.values()
    except (UnknownLocaleError, ValueError):
        return frozenset()
    return frozenset(fold(w) for n in names for w, *_ in word_spans(n))


def orphan_src_words(bitext: Bitext, lw: LinkWords, config: CheckConfig,
                     strays: Sequence[WordSpan] = ()) -> list[WordSpan]:
    """Common words of the original's language (not among the commonest) with no
    counterpart in the translation, by meaning or by spelling. A rare word or one no list
    knows (Kangchendzönga, Grossbritannien, 'mie' for a nurse) is often rendered by a name
    the list lacks too (Kantch., Bretagne, Jaqueline): taking every orphan word warned on
    7 clean links of Text+Berg dev seeds 0-2 and 2 of LIMSI, taking common ones on 1
    (Uhr/Asie, which CLDR's territory names then settled).

    A word a sure word link joins, at `name_link_cosine` or above, to a translation word
    that is none of the `strays` has its translation there ('marked' / 'tracés' at 0.597,
    just under the cosine: 'Corinthe' of 'raisins de Corinthe' did not replace it). A word
    in capitals belongs to a heading, which translators rewrite ('RIGHT FOOT' /
    'Lepiédroit'), as name_words.find_names takes no word in capitals for a name.

    Measured and not kept (2026-12-01): for a German original, also a capitalised word its
    list lacks, no compound of listed words, written in one link only (a one-off name,
    'Urdokas', that name_words.find_names cannot tell from a noun). Text+Berg dev seeds 0-10 name-mangle
    11 -> 14 of 20, warnings unchanged; but held out, Text+Berg test seeds 0-2 found no more
    (1 of 5, 0 of 2 swaps) and warnings rose 18.1 -> 20.2 and 13.7 -> 15.7 per 1,000."""
    matched = lw.matched("src", config.name_similarity, config.counterpart_cosine)
    if lw.linked is not None and lw.linked.size and lw.cos is not None:
        stray_at = {t[1] for t in strays}
        known = np.array([t[1] not in stray_at for t in lw.tgt], dtype=bool)
        matched |= (lw.linked & (lw.cos >= config.name_link_cosine))[:, known].any(axis=1)
    top = function_words(bitext.src_lang)
    return [t for k, t in enumerate(lw.src) if not matched[k] and len(t[0]) >= 3
            and not t[0].isupper() and t[0].casefold() not in top and _common(t[0], bitext.src_lang)]


def stray_findings(i: int, strays: Sequence[WordSpan], names: Sequence[WordSpan],
                   words: Sequence[WordSpan], placed: Callable[[WordSpan, WordSpan], bool],
                   used: set[int]) -> Iterator[Finding]:
    """A stray that no orphan name took (`used`: translation offsets already reported),
    standing where an original word with no counterpart (`words`, orphan_src_words) would
    be translated ('serpent' / 'Sraalar'), is a warning: the translation's word for it,
    capitalised as a name, was mistyped. The original's orphan `names` are left to the
    name pairing; a stray with no such word in its place is the translator's (not reported)."""
    taken = {n[1] for n in names}
    for t in strays:
        if t[1] in used:
            continue
        _, s = _best(t[0], [w for w in words if w[1] not in taken and placed(w, t)])
        if s is not None:
            taken.add(s[1])
            yield make_finding(i, "names", "warning",
                               f"'{s[0]}' became '{t[0]}', a word no word list knows?",
                               Span("src", s[1], s[2]), Span("tgt", t[1], t[2]))


# a word standing for a lost name (below STAND_IN_COSINE with every word of the original) goes
# with its neighbours no better than chance, give or take this (context_lm association: 'said
# examples' 0.0, 'we journey with' 4.9)
STAND_IN_FIT = 0.5
# a word linked to a lost name but spelt this much like another original word is that word's
# cognate, not a stand-in ('expédition' / 'Expedition': 1.0 folded; 'manage' / 'manière' 0.53)
STAND_IN_COGNATE = 0.8


# the translation writes a name after a word this often elsewhere, and as this share of the
# words it writes after it: that word's next slot is the name's. LIMSI's 1,000 links: 'said
# Alice' 44 of 165 words after 'said' (0.27), 'Miss Taylor' 11 of 29, 'cried Alice' 3 of 8,
# 'poor Alice' 3 of 15; 'the Dodo' 11 of 1,273 (0.009), 'to Alice' 8 of 605 ('the bird' for
# 'the Dodo' is a translator's paraphrase)
SLOT_MIN, SLOT_SHARE = 3, 0.1


class NameSlots:
    """The words the translation writes right after each word (`contexts`: no punctuation
    between), counted over the whole text once, on first use. Why: a name lost to a common
    word is told from a translator's paraphrase by where the word stands. 'said examples'
    where the translation writes 'said Alice' again and again stands in the name's own slot;
    'exclaimed the now really anxious girl' or 'the maiden, waving' do not. Taken from the text
    itself, so any language, and titles ('Miss Taylor') and speech verbs need no word list.
    Not kept (2026-12-04): the two words before as a slot too, when the one word before is not
    ('turning to soup again' where the text writes 'turning to Alice'): LIMSI seeds 0-2 and the
    --multi, limsi-enfr and Text+Berg dev windows found nothing more."""

    def __init__(self, bitext: Bitext) -> None:
        self._bitext = bitext
        self._pairs: Counter[tuple[str, str]] | None = None
        self._after: Counter[str] = Counter()

    def _link_pairs(self, i: int) -> list[tuple[int, str, str]]:
        """(offset, previous word, word) of each word of link i's translation with a neighbour
        before it, lower case."""
        b = self._bitext
        return [(a, ctx[0], w.lower()) for w, a, _, ctx in contexts(b.link_text(i, "tgt"), b.tgt_lang)
                if ctx[0] is not None]

    def before(self, i: int, t: WordSpan, names: set[str]) -> str | None:
        """The word just before t in link i when the rest of the text writes one of `names`
        (lower case) after it at least SLOT_MIN times and as SLOT_SHARE of what it writes
        after it, else None."""
        pairs = self._counted()
        here = self._link_pairs(i)
        prev = next((p for a, p, _ in here if a == t[1]), None)
        if prev is None:
            return None
        own = Counter((p, w) for _, p, w in here)
        elsewhere = sum(pairs[prev, n] - own[prev, n] for n in names)
        after = self._after[prev] - sum(n for (p, _), n in own.items() if p == prev)
        return prev if elsewhere >= SLOT_MIN and elsewhere >= SLOT_SHARE * after else None

    def written_elsewhere(self, i: int, t: WordSpan) -> bool:
        """Does another link of the translation write t after the word it follows here ('la
        pauvre enfant' for 'poor Alice', again and again)? Then it is the translator's phrase."""
        here = self._link_pairs(i)
        pair = next(((p, w) for a, p, w in here if a == t[1]), None)
        return pair is not None and self._counted()[pair] > sum((p, w) == pair for _, p, w in here)

    def _counted(self) -> Counter[tuple[str, str]]:
        """The text's (previous word, word) pairs, counted on first use."""
        if self._pairs is None:
            self._pairs = Counter((p, w) for k in range(len(self._bitext.alignment.links))
                                  for _, p, w in self._link_pairs(k))
            for (p, _), n in self._pairs.items():
                self._after[p] += n
        return self._pairs


def stand_in(bitext: Bitext, i: int, lw: LinkWords, words: list[WordSpan],
             learned: dict[str, set[str]], placed: Callable[[WordSpan, WordSpan], bool],
             slots: NameSlots, frequent: Collection[str] = frozenset(),
             reread: Callable[[WordSpan, WordSpan], bool] = lambda name, t: False
             ) -> Callable[[WordSpan], tuple[WordSpan, str | None] | None]:
    """The common word that took a lost name's place ('dit Alice' / 'said examples'): an
    orphan lower-case word of the translation, close to where the name would be translated,
    meaning nothing of the original and fitting its neighbours badly, for a name the text
    translates elsewhere (learned counterpart) but not here. A pronoun in its place is a
    function word, never an orphan. The orphan words by their fit: English translations only
    (context_lm has no other model); the words linked to the name (`linked_to`): any language.
    `words`: the link's orphan translation words; `placed`: may a translation word stand
    for an original one by position; `slots`: the text's NameSlots, counted once for all links.

    Measured (bench_checks name-common, --word-links): LIMSI seeds 0-4, 17 of 28 such slips
    found, info per 1,000 clean links 32.0/26.7/30.7/23.0/28.9 -> 36.0/33.3/37.4/25.7/35.5,
    warnings unchanged (several added findings are real differences: 'the maiden', 'the
    girl' for Alice); held out, alibi seeds 0-2: 1 of 4, no added false alarm. Not kept (LIMSI
    seeds 0-3): any orphan lower-case word in the name's place made 35-41 names warnings per
    1,000 clean links; at warning level, in its very slot, 2 of 16 slips for 2-4 more
    warnings per 1,000.
    Also a word a word link joins to the name itself at a cosine below STAND_IN_COSINE, however
    close it comes to other original words ('said the manage' for 'dit le Dodo': 0.28 to 'Dodo',
    0.6 to 'manière'): LIMSI seeds 0-4 17 -> 19 of 28, info and warnings unchanged; held out,
    alibi seeds 0-2 unchanged (1 of 4, no added finding). Then any such word that is no function
    word, fitting its neighbours or not, and in French translations too (no context model needed):
    LIMSI seeds 0-4 19 -> 20 of 28, limsi-enfr 4 -> 10 of 23 with one more info per window (a true
    one: 'le major' for 'Heyward'), Text+Berg dev unchanged once a cognate of another original
    word is left out ('Himalaya-Expedition' / 'expédition'); held out, alibi 1 -> 2 of 4,
    alibi-enfr 0 -> 1 of 3, Text+Berg test 1 of 8 as before, info unchanged on all three.
    The finding is a warning where the word stands in the name's own slot (`NameSlots`: the
    word before it is followed by the name three times or more elsewhere in the text, and by
    the name for a tenth of what follows it: 'said examples' against 'said Alice', not 'the
    bird' against 'the Dodo'), else info: LIMSI seeds 0-2 at warning 0 -> 5 of 16 (8 without
    the tenth: 'the though' for 'the Duchess' too), limsi-enfr 0 -> 1 of 9, Text+Berg dev 0 of
    9 as before, warnings on clean links and on the gold links as published (--gold)
    unchanged on all three; held out, alibi 0 -> 1 of 4, alibi-enfr 0 of 3 and Text+Berg
    test 0 of 8 as before, their warnings unchanged. A name the text has not learned, or with no
    such word, may still have lost its place beside its pair (`beside_sibling`), beside the other half
    of a full name (`beside_full_name`) or before the figure written after it (`beside_number`),
    a warning too.
    In an English translation the stand-in is a warning also when the lexicon knows it only as
    no noun ('cried imagine', 'the though', 'of the savages, speedy, you') and it stands beside the
    counterpart of the name's own neighbour (`beside_same`): a translator puts a noun phrase or
    a pronoun where a name was ('the maiden'), and a verb near the name is the translation of
    the verb beside it ('exclaimed the now really anxious girl'). Part of speech from
    lemminflect (MIT; its English lexicon ships with it, no model to load). Measured
    (bench_checks --word-links, seeds 0-2): LIMSI name-common at warning 5 -> 9 of 16, warnings
    on clean links 4.1/6.8/5.5 unchanged and on the gold links as published unchanged; without
    `beside_same` 11 of 16 but 2, 1 and 3 more warnings ('exclaimed', 'waving' for 'Alice');
    seeds 3-4 4 -> 5 of 12, warnings unchanged. On the free multi-sentence links (--multi, seeds
    0-2) warnings unchanged once the word beside is no name ('declared Abbot' for 'déclara Mlle
    Abbot' had been one). Held out, alibi name-common 1 -> 2 of 4 at warning, warnings unchanged
    (13.2/13.5/8.6). Not kept: the stand-in's closeness to the original measured without its
    function words ('held' is 0.66 from 'de'): LIMSI seeds 0-2 no more at warning, more info.
    Nor (2026-12-04) a plural noun with no determiner before it as a warning ('turning to
    hands', 'pardon me, talents'): beside the counterpart of the name's neighbour, LIMSI seeds
    0-4 none more; anywhere, 14 -> 15 of 28 and no more warnings; any noun with no determiner
    anywhere, 14 -> 17 but up to 2 more warnings a window ('the now really anxious girl', 'beating').
    Where the translation's language has no context model (all but English), there are no such
    misfits to choose from: any word with no counterpart in the name's own slot is the stand-in
    ('dit circonstances' where the text writes 'dit Alice'), unless the translation writes the
    same two words in another link ('la pauvre enfant' for 'poor Alice', a warning on
    limsi-enfr's gold links without that test). Measured (2026-12-04, --word-links): limsi-enfr
    seeds 0-4 at warning 4 -> 8 of 23; warnings on clean links unchanged there, on Text+Berg dev
    seeds 0-10, textberg-frde, their --multi windows and the gold links as published; held out,
    alibi-enfr and Text+Berg test unchanged. In English translations it changed nothing (LIMSI
    seeds 0-4, --multi, gold links), so it holds for every language. Not kept: a function word
    that fits its neighbours badly in the slot too ('said where'): LIMSI --multi seed 2 one slip
    more, but held out, alibi had a warning more in every window ('old Gaspard behind' for 'le
    vieux Gaspard Hari', where 'behind' translates 'derrière'). A name with no stand-in, or one
    in no slot of the name's, is asked about last: a word in its very place (name_places.in_name_place).
    A stand-in found nowhere of these is still a warning where the encoder reads the sentence
    closer to the original with the name in its place and with the word left out (`reread`,
    name_reread.py: 'turning to soup again', 'This time citizens waited'), and info otherwise."""
    if lw.cos is None:
        return lambda name: None

    @lru_cache(maxsize=1)   # read the sentence only when a name asks
    def odd() -> set[int]:
        return misfits(bitext.link_text(i, "tgt"), bitext.tgt_lang, STAND_IN_FIT)

    @lru_cache(maxsize=1)
    def candidates() -> list[WordSpan]:
        best = dict(zip((a for _, a, _ in lw.tgt), lw.best("tgt")))
        return [t for t in words if t[0][0].islower() and t[1] in odd() and best[t[1]] <= STAND_IN_COSINE]

    def linked_to(name: WordSpan) -> list[WordSpan]:
        """Words a word link joins to the name itself though they mean nothing like it: the
        aligner put them in its slot by position ('dit le Dodo' / 'said the manage', cosine
        0.28), whatever they resemble elsewhere ('manage' / 'manière' 0.6). Not a function word
        unless it fits its neighbours badly ('said the though'), nor a word that translates
        another original word by meaning or as a cognate ('Himalaya-Expedition' /
        'expédition', linked to 'Himalaya')."""
        k = next((k for k, (w, a, _) in enumerate(lw.src) if a == name[1] and w == name[0]), None)
        if k is None or lw.linked is None or not lw.linked.size:
            return []
        common = function_words(bitext.tgt_lang)
        others = [(n, w) for n, (w, *_) in enumerate(lw.src) if n != k]
        return [t for j, t in enumerate(lw.tgt) if lw.linked[k, j] and lw.cos[k, j] < STAND_IN_COSINE
                and t[0].isalpha() and t[0][0].islower() and (t[0].casefold() not in common or t[1] in odd())
                and not any(lw.cos[n, j] >= LOOKALIKE_COSINE or similarity(t[0], w) >= STAND_IN_COGNATE
                            for n, w in others)]

    def lookup(name: WordSpan) -> tuple[WordSpan, str | None] | None:
        """The stand-in, and why it is one: where it stands, else the encoder's reading of the
        sentence with the name in its place (`reread`, name_reread.py); else None for the why."""
        found = placed_in(name)
        if found is not None and found[1] is None and reread(name, found[0]):
            return found[0], REREAD_WHY.format(word=found[0][0])
        return found

    def placed_in(name: WordSpan) -> tuple[WordSpan, str | None] | None:
        """The stand-in, and why it stands in the name's own slot (NameSlots, or beside the
        counterpart of the name the original writes beside it), else None for the why."""
        if _common(name[0], bitext.src_lang):
            return None
        names = {n.lower() for n in learned.get(name_key(name[0], bitext.src_lang), ())}
        t = next((t for t in (*candidates(), *linked_to(name)) if placed(name, t)), None) \
            if names else None
        if t is not None:
            before = slots.before(i, t, names)
            if before:
                return t, f"'{before}' is followed by the name elsewhere in the text"
            if no_noun(t[0], bitext.tgt_lang) and beside_same(lw, name, t, bitext.src_lang):
                return t, "a name's place takes a noun"
            placed_here = in_name_place(bitext, i, lw, name)
            if placed_here is None:   # ... or beside the name's pair ('behave and Georgiana')
                sibling = beside_sibling(bitext, i, lw, name, [t])
                placed_here = sibling if sibling is not None and sibling[0] == t else None
            return placed_here or (t, None)
        # the slot alone: a lower-case word with no counterpart, not a phrase the text repeats
        for t in (t for t in words if names and t[0][:1].islower() and placed(name, t)):
            before = slots.before(i, t, names)
            if before and not slots.written_elsewhere(i, t):
                return t, f"'{before}' is followed by the name elsewhere in the text"
        return beside_sibling(bitext, i, lw, name, words) or \
            (beside_full_name(bitext, i, lw, name, words) if name[0] not in frequent else None) or \
            beside_number(bitext, i, lw, name, words) or in_name_place(bitext, i, lw, name)
    return lookup


@lru_cache(maxsize=4096)
def no_noun(word: str, lang: str) -> bool:
    """An English word that a lexicon knows as some part of speech but never as a noun."""
    if primary(lang) != "en":
        return False
    tags = english_lemmas(word)
    return bool(tags) and "NOUN" not in tags and "PROPN" not in tags
