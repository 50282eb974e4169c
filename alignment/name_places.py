"""Where a lost name stood: the shapes a translation keeps around a name, so that a common
word in the name's place can be told from a translator's paraphrase.

Part of the check stage, asked by strays.stand_in for a name of the original with no
counterpart: a word right where the name's neighbour's translation puts it (`beside_same`),
a word beside the translation of the name's pair ('Aristide ou Brutus' / 'tray or
Aristides': `beside_sibling`), or beside the other half of a full name ('Nawa Ram' /
'dernier Ram': `beside_full_name`), or a word of no noun, or one set off by commas, in the
name's very place (`in_name_place`). Any language: word links, word vectors and the
language's function words are all they read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import numpy as np

from .evidence import LinkWords, WordSpan
from .word_similarity import fold, similarity
from .types import Bitext
from .lang import primary
from .word_lists import english_lemmas, function_words

# a word a sure word link joins to an original word at this cosine or above translates it:
# the French word list lacks the names the English one has ('Sardaigne' / 'Sardinia' 0.77,
# 'Marianne' / 'Mary' 0.68), while the injected misspellings of LIMSI seeds 0-5, both ways
# (Edglta, Bosnoi, Alinio, Tayule...: 21), stand at 0.52-0.60 from their names
LOOKALIKE_COSINE = 0.7
# a word standing for a lost name: below this cosine with every word of the original
# ('said examples'); a word link to the name itself at this cosine or above means the name
STAND_IN_COSINE = 0.55


# the name's neighbour is none of its language's commonest words (articles, prepositions: 'à
# Alice' / 'to hand' is any phrase), though it may be a common verb ('dit' is French's 51st)
NEIGHBOUR_TOP = 40


def _index(words: Sequence[WordSpan], span: WordSpan) -> int | None:
    """The position in `words` (a LinkWords side) of the word starting where `span` starts."""
    return next((k for k, (_, a, _) in enumerate(words) if a == span[1]), None)


def beside_same(lw: LinkWords, name: WordSpan, t: WordSpan, lang: str) -> bool:
    """Whether t has, just before or just after it, the counterpart of the word just before
    or after the name ('criait Alice' / 'cried imagine'): t stands in the name's very place. That
    word is no name: a name beside a name is one name of several words, whose parts a
    translator drops freely ('déclara Mlle Abbot' / 'declared Abbot'). Nor is it one of the
    original language's (`lang`) commonest words after the name: a function word before a name
    governs it ('la Duchesse' / 'the though', 'à Alice'), one after it opens the next phrase,
    which a translator moves freely ('s'écria Alice en souriant' / 'Judge not too rashly from
    hasty appearances,' said the lady: 'en' / 'from' placed 'rashly').

    Measured (bench_checks --word-links, 2026-12-08): LIMSI --multi seeds 0-2 warnings on clean
    links 25.5 -> 24.4 per 1,000 ('rashly', above); LIMSI seeds 0-20 name-common at warning
    unchanged (34 of 48 on seeds 0-8, 31 of 67 on 9-20), as are warnings and info on their clean
    links. Not kept: no function word on either side (seeds 9-20 31 -> 27 of 67)."""
    k, j = _index(lw.src, name), _index(lw.tgt, t)
    if k is None or j is None:
        return False
    after = function_words(lang, NEIGHBOUR_TOP)
    for dk in (-1, 1):
        k2, j2 = k + dk, j + dk
        if 0 <= k2 < len(lw.src) and 0 <= j2 < len(lw.tgt) and lw.src[k2][0][:1].islower() \
                and not (dk == 1 and lw.src[k2][0].casefold() in after) and (
                (lw.linked is not None and lw.linked.size and lw.linked[k2, j2])
                or (lw.cos is not None and lw.cos[k2, j2] >= LOOKALIKE_COSINE)):
            return True
    return False


SIBLING_GAP = 4   # a name's sibling stands this many words from it at most, only function
                  # words between ('France et de l'Angleterre')
CONNECTOR_COSINE = 0.85   # a word between the pair translates one between the names


def beside_sibling(bitext: Bitext, i: int, lw: LinkWords, name: WordSpan,
                   words: Sequence[WordSpan]) -> tuple[WordSpan, str] | None:
    """A lower-case word where the translation writes a name's pair: the original writes
    another name a few words from this one, joined to it by function words ('la France et de
    l'Angleterre', 'Aristide ou Brutus'); the translation writes that name's counterpart (word
    link or spelling) and, one or two function words from it, one of them translating a word
    between the names ('et' / 'and'), a word meaning nothing else of the original (no
    counterpart, or no word link but to the name): 'of watch and England', 'myself tray or
    Aristides'. A name left out is often one a pronoun or a title stands for; a pair of names
    keeps its shape in a translation, so a common word in that shape took the name's place.
    Any language: the structure is the evidence, no word list but the function words.

    Measured (bench_checks --word-links, names replaced by a common word): LIMSI seeds 0-5 at
    warning 9 -> 10 of 35 (any level 24 -> 25), Text+Berg dev seeds 0-2 0 -> 1 of 9,
    limsi-enfr unchanged; warnings on clean links and on the gold links as published (--gold)
    unchanged on all three. Without the connector test, 'se firent la France' for 'England and
    France' (limsi-enfr) was a warning in three windows. Held out, alibi, alibi-enfr and
    Text+Berg test seeds 0-2 unchanged, once a word link alone no longer made the pair's other
    name (`_same_name`): before that, alibi-enfr had 'droit à la Barbe' for 'Marquis of
    Carabas' on a link misaligned on purpose (a rule changed after a held-out run).
    Names of a list parted by a comma alone are a pair too, rendered with the translation's comma
    or 'and' ('vous l'avez entendue, Éliza, Georgiana' / 'Did you hear her, behave and
    Georgiana?'), and a stand-in strays.stand_in chose but placed in no slot of the name's is
    asked this too. Measured (2026-12-07, --word-links): LIMSI seeds 9-14 15 -> 16 of 33 and
    15-20 14 -> 15 of 34 at warning, seeds 0-8 unchanged; warnings and info on clean links
    unchanged there and on limsi-enfr, Text+Berg dev and test, textberg-frde, alibi both ways and
    --multi; the gold links as published unchanged once a comma and a word ('der Drus, dem Cerro
    Fitz Roy') no longer made a pair: it had warned on 'ceux des Drus' in Text+Berg dev."""
    k = _index(lw.src, name)
    if k is None:
        return None
    texts = bitext.link_text(i, "src"), bitext.link_text(i, "tgt")
    common = function_words(bitext.src_lang), function_words(bitext.tgt_lang)
    free = {t[1] for t in words} | _unlinked(lw, k)
    for w2, pair, j2 in _pair_counterparts(lw, k, texts[0], common[0]):
        listed = "," in texts[0][lw.src[pair[0]][2]:lw.src[pair[1]][1]]   # _joined let it be a list
        for j in (j2 - 3, j2 - 2, j2 + 2, j2 + 3):
            t = lw.tgt[j] if 0 <= j < len(lw.tgt) else ("", 0, 0)
            slot = (min(j, j2), max(j, j2))
            if t[1] in free and _plain_word(t[0], common[1]) and \
                    _joined(texts[1], lw.tgt, *slot, common[1]) and _connector(lw, pair, slot, listed):
                return t, f"the original writes '{w2}' beside it, the translation '{t[0]}' beside '{lw.tgt[j2][0]}'"
    return None


def beside_full_name(bitext: Bitext, i: int, lw: LinkWords, name: WordSpan,
                     words: Sequence[WordSpan]) -> tuple[WordSpan, str] | None:
    """A lower-case word right beside the other half of a full name: the original writes the
    name and another name side by side, nothing but a space between ('Nawa Ram', 'Yuko Maki'),
    the translation that other name spelt as in the original and, on the same side of it, a word
    meaning nothing else of the original (no counterpart, or no word link but to the name):
    'dernier Ram', 'altitude Maki'. A full name keeps its order in a translation, so a common
    word in the lost half's place took it; any language, no word list but the function words.
    A title before the name ('Mlle Taylor' / 'Miss Taylor') is capitalised on both sides; one a
    translator drops ('déclara Mlle Abbot' / 'declared Abbot') is written in many links, and
    strays.stand_in does not ask about such a name (in CheckConfig.frequent_name links or more).

    Measured (2026-12-04, bench_checks --word-links, names replaced by a common word, at warning;
    with the German first names of name_words._is_name): Text+Berg dev seeds 0-10 1 -> 6 of 23
    (seeds 0-2 1 -> 3 of 9), limsi-enfr seeds 0-2 1 -> 2 of 9, LIMSI seeds 0-4 unchanged (14 of
    28); warnings on clean links unchanged on all of them, on their free multi-sentence links
    (--multi) and on the gold links as published (--gold). Text+Berg dev --multi info 46.0 /
    21.7 / 21.3 -> 69.0 / 43.5 / 31.9 per 1,000: names the translation leaves out ('Albert
    Zimmermann', the publisher 'Benno Schwabe'), now seen as names. Without the frequency test,
    LIMSI --multi had 1-3 more warnings a window ('exclaimed Abbot' for 's'écria Mlle Abbot');
    without the compound test, 'Staatspräsident Iskander Mirza' read 'Staatspräsident' as a
    first name changed into 'Etat'."""
    k = _index(lw.src, name)
    if k is None:
        return None
    src_text, tgt_text = bitext.link_text(i, "src"), bitext.link_text(i, "tgt")
    common = function_words(bitext.tgt_lang)
    free = {t[1] for t in words} | _unlinked(lw, k)
    for dk in (-1, 1):
        k2 = k + dk
        if not 0 <= k2 < len(lw.src) or not lw.src[k2][0][:1].isupper() \
                or src_text[lw.src[min(k, k2)][2]:lw.src[max(k, k2)][1]].strip():
            continue
        w2 = lw.src[k2][0]
        for j2, (t2, _, _) in enumerate(lw.tgt):
            j = j2 - dk   # the lost half's place, on the same side of its other half
            if fold(t2) != fold(w2) or not 0 <= j < len(lw.tgt):
                continue
            t = lw.tgt[j]
            if t[1] in free and _plain_word(t[0], common) \
                    and not tgt_text[lw.tgt[min(j, j2)][2]:lw.tgt[max(j, j2)][1]].strip():
                pair, there = (f"{name[0]} {w2}", f"{t[0]} {t2}") if dk > 0 else (f"{w2} {name[0]}", f"{t2} {t[0]}")
                return t, f"the original writes '{pair}', the translation '{there}'"
    return None


NUMBER_NEAR = re.compile(r"\s*[(,]?\s*(\d[\d.,']*)")   # a figure right after a word, a bracket or comma between


def beside_number(bitext: Bitext, i: int, lw: LinkWords, name: WordSpan,
                  words: Sequence[WordSpan]) -> tuple[WordSpan, str] | None:
    """A lower-case word right before the figure the original writes right after the name
    ('Dhaulagiri (8222 m)' / 'le particulier, 8222 m'): the figure is written the same in the
    translation, so the word before it stands where the name did. Any language. Measured
    (2026-12-04, bench_checks --word-links): Text+Berg dev seeds 0-10 names replaced by a common
    word at warning 6 -> 7 of 23; LIMSI, limsi-enfr and textberg-frde seeds 0-2, the --multi
    windows of LIMSI, limsi-enfr and Text+Berg dev and the gold links as published unchanged;
    held out, Text+Berg test, alibi and alibi-enfr seeds 0-2 unchanged."""
    k = _index(lw.src, name)
    src_text, tgt_text = bitext.link_text(i, "src"), bitext.link_text(i, "tgt")
    m = NUMBER_NEAR.match(src_text, name[2]) if k is not None else None
    if m is None:
        return None
    common = function_words(bitext.tgt_lang)
    free = {t[1] for t in words} | _unlinked(lw, k)
    for t in lw.tgt:
        after = NUMBER_NEAR.match(tgt_text, t[2])
        if after is not None and after.group(1) == m.group(1) and t[1] in free and _plain_word(t[0], common):
            return t, f"the original writes '{m.group(1)}' after it, the translation after '{t[0]}'"
    return None


def _pair_counterparts(lw: LinkWords, k: int, src_text: str,
                       common: frozenset[str]) -> Iterator[tuple[str, tuple[int, int], int]]:
    """(the other name, the pair's word indexes, its counterpart's index in the translation)
    for each name the original joins to name k by function words."""
    for k2 in range(max(0, k - SIBLING_GAP), min(len(lw.src), k + SIBLING_GAP + 1)):
        w2, pair = lw.src[k2][0], (min(k, k2), max(k, k2))
        if k2 != k and w2[0].isupper() and _joined(src_text, lw.src, *pair, common):
            yield from ((w2, pair, j2) for j2, (t2, _, _) in enumerate(lw.tgt)
                        if t2[0].isupper() and _same_name(lw, k2, j2, w2, t2))


def _plain_word(w: str, common: frozenset[str]) -> bool:
    """A lower-case word of letters, three at least, no function word: what can stand in."""
    return w[:1].islower() and w.isalpha() and len(w) >= 3 and w.casefold() not in common


def _connector(lw: LinkWords, src: tuple[int, int], tgt: tuple[int, int], listed: bool = False) -> bool:
    """Do the words between the pair on each side translate each other ('et' / 'and', 'ou' /
    'or': cosine 0.97; 'and' / 'la' 0.57, 'firent la France' is no pair)? Two names side by
    side have no such word: they are one name ('Mlle Abbot'), unless a list's comma parts them
    (`listed`), which a translation renders with its comma or its own 'and' ('Éliza, Georgiana'
    / 'Eliza and Georgiana')."""
    if lw.cos is None:
        return False
    if listed and src[1] - src[0] == 1:
        return tgt[1] - tgt[0] <= 2
    return bool((lw.cos[src[0] + 1:src[1], tgt[0] + 1:tgt[1]] >= CONNECTOR_COSINE).any())


def _unlinked(lw: LinkWords, k: int) -> set[int]:
    """Offsets of the translation words no sure word link joins to an original word but the
    name k (the word links see a word's place in the sentence, which a long original's
    loose look-alikes do not)."""
    if lw.linked is None or not lw.linked.size:
        return set()
    others = np.delete(lw.linked, k, axis=0).any(axis=0)
    return {t[1] for j, t in enumerate(lw.tgt) if not others[j]}


def _joined(text: str, words: Sequence[WordSpan], lo: int, hi: int, common: frozenset[str]) -> bool:
    """Are words lo and hi of a side joined as a pair is ('France et de l'Angleterre', 'watch
    and England'): only function words between and no punctuation, or a list's comma alone
    ('Éliza, Georgiana')."""
    between = text[words[lo][2]:words[hi][1]]
    return all(len(w) == 1 or w.casefold() in common for w, *_ in words[lo + 1:hi]) \
        and (not re.search(r"[,;:.!?()«»\"“”]", between) or _listed(between, hi - lo))


def _listed(between: str, apart: int) -> bool:
    """Is this what stands between two names of a list: a comma and nothing else? Not a comma
    and a word ('der Drus, dem Cerro Fitz Roy': 'dem' reads like 'des' of 'ceux des Drus', where
    the translator left 'Cerro' out)."""
    return apart == 1 and between.strip() == ","


def _same_name(lw: LinkWords, k: int, j: int, w: str, t: str) -> bool:
    """Is translation word j the counterpart of original name k: spelt alike (Athènes /
    Athens), or joined by a word link and close in meaning (Angleterre / England; a word link
    alone also joins the words of two sentences that do not match by their places:
    'Carabas' / 'Barbe')."""
    linked = lw.linked is not None and bool(lw.linked.size) and bool(lw.linked[k, j]) \
        and lw.cos is not None and float(lw.cos[k, j]) >= STAND_IN_COSINE
    return linked or fold(w) == fold(t) or similarity(w, t) >= 0.7


def in_name_place(bitext: Bitext, i: int, lw: LinkWords, name: WordSpan) -> tuple[WordSpan, str] | None:
    """A lower-case word that took a lost name's very place, meaning nothing of the original's
    content words (none at STAND_IN_COSINE or above, none spelt alike, no sure word link to
    another original word; its closeness to the original's function words left out: 'held' is
    0.66 from 'de'), and standing either (1) beside the counterpart of the content word beside
    the name, one function word between at most, its phrase closed on the other side ('sauvages,
    Alice, dit' / 'savages, speedy, you'), in English only where the lexicon knows it as no noun
    (a noun there may be the translator's word for the person: 'greeted the girl', 'said
    examples'); or (2) alone between commas where the name is, as a name a speaker addresses
    ('pardonnerez donc, Alice, si' / 'pardon me, talents, should'). Asked by strays.stand_in for
    a name it found no stand-in for, or only one in no slot of the name's (info).

    Measured (2026-12-05, bench_checks --word-links, name-common at warning): LIMSI seeds 0-2
    2/3/4 -> 3/4/4 of 4/5/7 ('talents' by (2), 'speedy' by (1)); Text+Berg dev seeds 0-2 1/0/3
    of 1/1/7 as before (its misses are German names find_names cannot tell from nouns);
    warnings and info on clean links unchanged on both (LIMSI 4.5/7.4/5.8 and 29.8/32.4/30.3
    per 1,000; Text+Berg 0.0/6.3/6.0 and 23.7/31.4/41.7). Not kept: any neighbour but the
    commonest 200 words (with 'à' / 'to', 'de' / 'of': 8 more warnings on LIMSI seed 1), a
    neighbour pair by cosine alone ('agitée' / 'irksome' 0.70, no word link: 'their presence
    irksome'), nouns by (1) (strays.stand_in keeps them info). Without the marks test, LIMSI's
    --multi seed 0 warned on 'le bébé). « Brou' / 'the baby joined': with it unchanged (13.7)."""
    k = _index(lw.src, name)
    if k is None or lw.cos is None:
        return None
    common = function_words(bitext.src_lang), function_words(bitext.tgt_lang)
    top = function_words(bitext.src_lang, NEIGHBOUR_TOP), function_words(bitext.tgt_lang, NEIGHBOUR_TOP)
    content = np.array([n != k and w.casefold() not in common[0] for n, (w, *_) in enumerate(lw.src)], dtype=bool)
    linked = lw.linked if lw.linked is not None and lw.linked.size else np.zeros(lw.cos.shape, dtype=bool)
    others = np.delete(np.arange(len(lw.src)), k)
    texts = bitext.link_text(i, "src"), bitext.link_text(i, "tgt")
    alone = _between_commas(texts[0], name)
    for j, t in enumerate(lw.tgt):
        if not _plain_word(t[0], common[1]) or (lw.cos[content, j] >= STAND_IN_COSINE).any() \
                or linked[others, j].any() or any(similarity(t[0], w) >= 0.5 for w, *_ in lw.src):
            continue
        for dk in (-1, 1) if _no_noun(t[0], bitext.tgt_lang) else ():
            near = _same_shape(lw, linked, k, j, dk, top, texts)
            if near is not None and _closed(texts[1], lw, linked, k, j, -dk):
                return t, f"it stands beside '{lw.tgt[near[1]][0]}', as the name beside '{lw.src[near[0]][0]}'"
        if alone and _between_commas(texts[1], t) and lw.in_place(k, j, VOCATIVE_SLACK):
            return t, "set off by commas, as the name is"
    return None


def _closed(text: str, lw: LinkWords, linked: np.ndarray, k: int, j: int, dk: int) -> bool:
    """On its `dk` side, does translation word j end its phrase (punctuation or the sentence's
    end: 'said held, "and', 'Poor become!') or stand beside the counterpart of the word on that
    side of original word k? Not so a noun of the translator's phrase ('greeted the girl
    politely' for 'salua Alice poliment': 'the' translates nothing beside the name)."""
    j2, k2 = j + dk, k + dk
    if not 0 <= j2 < len(lw.tgt):
        return True
    if re.search(r"[^\w\s'’-]", text[lw.tgt[min(j, j2)][2]:lw.tgt[max(j, j2)][1]]):
        return True
    return 0 <= k2 < len(lw.src) and bool(linked[k2, j2] if lw.linked is not None
                                           else lw.cos[k2, j2] >= LOOKALIKE_COSINE)


VOCATIVE_SLACK = 0.25   # as strays' NAME_SLACK: a name addressed moves with its clause


def _between_commas(text: str, w: WordSpan) -> bool:
    """Does the word stand alone between commas ('pardonnerez donc, Alice, si' / 'pardon me,
    talents, should'), as a name a speaker addresses does?"""
    return bool(re.search(r",\s*$", text[:w[1]])) and bool(re.match(r"\s*,", text[w[2]:]))


def _same_shape(lw: LinkWords, linked: np.ndarray, k: int, j: int, dk: int,
                top: tuple[frozenset[str], frozenset[str]], texts: tuple[str, str]) -> tuple[int, int] | None:
    """The (original, translation) indexes of the content words that place translation word j
    where original word k stands: on the `dk` side of each, word by word, pairs that translate
    each other (a sure word link; without word links, LOOKALIKE_COSINE), up to the first pair of
    content words, one function word pair between at most ('Nordwand der Courtes' / 'paroi
    nord des ...'), the same marks between them on each side ('sauvages, Alice' / 'savages,
    speedy'; not 'le bébé). « Brou' / 'the baby joined'). None where the shapes part."""
    for m in (1, 2):
        k2, j2 = k + m * dk, j + m * dk
        if not (0 <= k2 < len(lw.src) and 0 <= j2 < len(lw.tgt)) or (k2 > 0 and lw.src[k2][0][:1].isupper()) \
                or _gap(texts[0], lw.src, k2, k2 - dk) != _gap(texts[1], lw.tgt, j2, j2 - dk) \
                or not (linked[k2, j2] if lw.linked is not None else lw.cos[k2, j2] >= LOOKALIKE_COSINE):
            return None
        if _content_word(lw.src[k2][0], k2 == 0, top[0]) and _content_word(lw.tgt[j2][0], j2 == 0, top[1]):
            return k2, j2
    return None


def _gap(text: str, words: Sequence[WordSpan], a: int, b: int) -> str:
    """The marks between two neighbouring words of a side, spaces left out."""
    return re.sub(r"\s", "", text[words[min(a, b)][2]:words[max(a, b)][1]])


def _content_word(w: str, first: bool, common: frozenset[str]) -> bool:
    """A word of letters, three at least, no function word, in lower case unless it opens the
    sentence (`first`: 'Pauvre Alice !'): a neighbour whose counterpart places a lost name."""
    return (first or w[:1].islower()) and w.isalpha() and len(w) >= 3 and w.casefold() not in common


def _no_noun(w: str, lang: str) -> bool:
    """A word of an English translation the lexicon (lemminflect) knows, never as a noun. A noun
    beside the name's neighbour may be the translator's own word for the person ('said the
    girl' and 'said examples' look alike to the word links), and where no lexicon tells (all
    languages but English) only the name's own slot tells (strays.NameSlots), as
    strays.stand_in holds."""
    tags = english_lemmas(w) if primary(lang) == "en" else {}
    return bool(tags) and not {"NOUN", "PROPN"} & set(tags)
