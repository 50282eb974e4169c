"""Misspelt words: a translation word no word list knows, one edit from a word the original
calls for or a common word ('recieved' for 'received', 'littlle' for 'little').

Part of the check stage (checks.py registers `check_spelling`). Why: the real-word check
reads words through the encoder, and the encoder reads through most typing slips
('recieved' sits about as close to 'reçu' as 'received' does), so a misspelling that is no
word at all was reported by no check, though it is the first thing a proofreader looks for.

A word is looked at when the translation's word list lacks it (and the list knows the text:
word_lists.list_covers; in a text of a few lines `_covers`), it is in lower case (a capitalised
one is a name: names check), and no original writes it (a word kept from the original). A word
the translation writes more than once, singular and plural together, is reported once, naming
its other links, and only on the stronger evidence (backed by the original, or two inner letters
swapped, and a correction among the commonest words): a translator who does not know a spelling
repeats it ('recieved'), while a rare word the lists lack, written twice, found a common
'correction' with a mere counterpart ('une cluse', 'de telles cluses' read as 'cause'), and an old
spelling a rare one its original backs ('bason' / 'bassin' read as 'basin': LIMSI --multi windows,
seeds 1-2; python benchmarks/bench_checks.py --word-links, seeds 0 and 1 of LIMSI and Text+Berg
dev, every figure unchanged). Its correction is a known word one edit
away (delete, transpose, replace, insert), frequent enough (`spelling_min_frequency`), and
- not another spelling of it ('colour'/'color', 'offence'/'offense': VARIANTS),
- not the same word but for an ending, its last letter or its accents ('retournai'/
  'retournait', 'rouet'/'roue', 'crême'/'crème'), nor a change of an accented letter
  ('tînt'/'tant'): forms and old spellings the lists lack (pyspellchecker's French list has
  no passé simple),
and it is either backed by the original (its word vector within `spelling_cosine` of a
content word of the original, or spelt like one: 'indignation') or common
(`spelling_frequent`: 'little', 'which', 'there') with some counterpart in the original
(`counterpart_cosine`, function words too; with the encoder only).

Measured (python benchmarks/bench_checks.py --word-links --seed 0..2, 'typo': a letter of a
word with a counterpart dropped, doubled, swapped or struck as its keyboard neighbour, in 2% of
the links): typos found LIMSI 45 of 51, limsi-enfr 45 of 52, Text+Berg dev 14 of 18; on the
clean links 'chuse', 'premediated' (a slip of the published text), 'fissent', 'cluse'. Held out:
alibi 27 of 28, nothing on clean links; Text+Berg test 27 of 34, and 'combe' (a false alarm)
with three defects of the published text's scan ('allu- il mons', "' ouvenirs", 'fo rets').
Measured and not kept: any common word one edit away, unbacked (limsi-enfr: 'rouet' read as
'route' where the original speaks of purring); a floor of 1e-6 on the correction's frequency
('indignation', 4e-7, was lost); skipping edits in the last two letters ('littlle'). Nor
(2026-12-04) a common correction that is no function word backed by content words only
('cluse' read as 'cause', which stands 0.61 from the German article 'die'): it removed that
false alarm of Text+Berg dev but lost typos (LIMSI 45 -> 40 of 51, limsi-enfr 45 -> 38 of 52):
the 200 commonest words the lists give are no function-word list ('père', 'old' are in it).
Nor telling a rare word from a typo by its own closeness to the original against its
correction's: 'cluse' +0.01, but true typos 'quiite', 'terrassse', 'mies', 'wated' +0.02-0.18.
Kept (2026-12-04): counting 'cluse' with 'cluses' (`_written`), which the text writes four
sentences later: Text+Berg dev seed 2 warnings 11.6 -> 5.8 per 1,000, typos found as before
(LIMSI 45 of 51, limsi-enfr 45 of 52, Text+Berg dev 14 of 18).

Kept (2026-12-04): in English, a word lemminflect's lexicon knows is a word, though the list
lacks it ('she leant against a buttercup' was read as 'least'): LIMSI free multi-sentence links
(--multi) seeds 0-1 spelling warnings on clean links 1 -> 0 each, typos found unchanged on the
LIMSI 1-1 and --multi windows (seeds 0-2) and, held out, alibi (27 of 28).

Other languages' forms (2026-12-04): pyspellchecker's French list has no passé simple nor
imperfect subjunctive ('découvris', 'fissent'), its German list few inflected forms; simplemma's
lemma tables (54 languages) know them, so a word it knows is a word outside English (in English
it knows misspellings too, 'premediated', a slip of a published LIMSI translation, and 'thig';
lemminflect serves English). bench_checks --word-links seeds 0-2, spelling warnings on clean links:
limsi-enfr 1-1 1 -> 0 (seed 1), its multi-sentence links (--multi) 4 / 2 / 6 -> 1 / 0 / 1 ('fissent',
'découvris', 'pissé'); held out, Text+Berg test 2 / 3 / 3 -> 1 / 3 / 2 ('combe') and its German
translations (textberg-frde --split test) 4 / 3 / 4 -> 1 / 1 / 1. Typos lost: 'prote' (limsi-enfr),
'zurrst' (textberg-frde; a form of 'zurren' indeed) and one of held-out textberg-frde: 3 of the 188
typos of the non-English windows.

Two neighbouring letters swapped are a typo even when one is accented ('aprsè' for 'après'
was taken for an accent changed): limsi-enfr seed 0 typos 16 -> 17 of 19; nothing else moved on
limsi-enfr, Text+Berg dev, alibi-enfr and the --multi windows, nor, held out, on Text+Berg test
and its German translations. Not kept: corrections simplemma knows and the list lacks, as frequent
as their lemma ('demandèrent' for 'denandèrent'): limsi-enfr one typo more, but held out,
alibi-enfr read 'pont-levis' as a slip for 'levas' (one more warning on its clean links).

English contractions (2026-12-04): word_spans keeps "don't" whole, and the check looked at
letters only, so "I con't see" (a near slip the bench injects) and "she cuoldn't answer" (a typo)
drew no finding; now a contraction no list knows is looked at too, not a possessive of a listed
word ("each other's", which the list lacks). bench_checks --word-links seeds 0-2: LIMSI --multi
typos found 5 -> 6 of 8 (seed 2), and one near slip on LIMSI seed 0 found by this check; no more
findings on clean links there, on the LIMSI 1-1 windows, on held-out alibi, nor on LIMSI's gold
links as published.

German (2026-12-04): 'ß' casefolds to 'ss', so a correct 'saßen' written once was looked up as
'sassen' and read as a slip for 'lassen'; the German list now holds the casefolded forms too
(word_lists.speller_for), which makes the Swiss spelling of Text+Berg's German a word as well, and
a word is also one with the prefix 'un' ('unbezwungen'). The same injected slips (drawn by the code
before, then checked by both): textberg-frde dev seeds 0-4 spelling warnings on clean links 1, 1,
2, 1, 2 -> 0 each, held out, Text+Berg test (frde) seeds 0-1 10.5 / 8.3 -> 8.4 / 6.2 per 1,000, and
one false finding fewer on links with other slips (seed 2); every slip found as before, every
other figure identical.

Swaps (2026-12-04): a proofreader's 'teh' (three letters: MIN_LENGTH kept it out) and
'mécansime' for 'mécanisme' (in a free translation: 'Uhrwerk', 0.41 from 'mécanisme', backs
nothing) drew no finding. Now a three-letter word no list knows that is one of the language's
commonest words with two neighbouring letters swapped, that one only, with a counterpart in the
original, is a slip (`_short_swap`: 'teh', 'adn', 'nad'; not 'ets', which is 'est' or 'tes'), and
so is a longer word whose one correction swaps two letters before the last, backed or not
(`_inner_swap`; a swap with the last letter may be an ending the lists lack, 'rouet' / 'route').
bench_checks --word-links seeds 0-2 (typos of five letters or more): LIMSI and Text+Berg dev
every figure unchanged (typos 45 of 51 and 14 of 18, spelling warnings on clean links as before).

A last consonant struck thrice ('shalll', 'willl') is no form the lists lack, though the word
starts with its correction (`_tripled_end`; not h, m, r, s, z or a vowel, which interjections
repeat: 'hmmm', 'brrr'). bench_checks --word-links seeds 0-2 (2026-12-06): LIMSI typos 45 -> 46
of 51; every warning on clean links, on the LIMSI --multi windows and on the gold links as
published (six corpora and directions) as before.

Library, and why: pyspellchecker (already the checks' word lists) gives the words one edit
away and their frequencies; lemminflect's English lexicon (word_lists.english_lemmas) the
forms it lacks, and simplemma (MIT, pure Python, its tables in the wheel) those of the other
languages.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .cognates import function_words, make_finding
from .evidence import WordEvidence, word_spans
from .word_similarity import similarity
from .lang import primary
from .types import Bitext, Finding, Span
from .word_lists import LIST_COVERS, english_lemmas, list_covers, speller_for, words_of

if TYPE_CHECKING:
    from .check_config import CheckConfig

MIN_LENGTH = 4          # shorter words have too many known neighbours one edit away ...
SHORT_LENGTH = 3        # ... but a three-letter swap of a very common word is a slip (_short_swap)
# a word the list lacks beside another it lacks, this many words away or nearer, is part of a phrase
# of another language ('Dove è il mio gatto ?' in a French text: 'mio' was read as 'moi'), no slip
FOREIGN_REACH = 2
SHORT_COMMON = 1e-3     # very common: about the 40 commonest three-letter words of a list
                        # ('the', 'and', 'was'; 'que', 'une', 'sur'; 'und', 'die', 'ist')
SWAP_LENGTH = 5         # a longer word with two inner letters swapped needs no backing (_inner_swap)
COGNATE_SPELLING = 0.8  # an original word spelt this much like the correction backs it
ALSO_LINKS = 10         # other links a finding names where the word stands too
COVER_SAMPLE = 50       # words (as list_covers counts them): fewer, and the slips weigh (_covers)
REPEATED_FREQUENT = 1e-5   # a repeated word's correction this common: some 2,600-4,400 commonest
                           # words of a list ('received', 'occurred'; not 'basin': 'bason' is old)
# British spellings the lists (American) lack, beside slips.VARIANTS ('-our', '-ise', '-re')
VARIANTS = tuple((re.compile(p), r) for p, r in ((r"ences?\b", "ense"), (r"(?<=[^aeiou])res\b", "ers"),
                                                   (r"ould", "old"), (r"ogue\b", "og")))
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})

Original = Sequence[tuple[str, int, int]]


def check_spelling(bitext: Bitext, config: CheckConfig,
                   evidence: WordEvidence | None = None) -> Iterator[Finding]:
    """Words of the translation no word list knows, with a likely correction (module
    docstring): a warning naming it, once per word ('also in links ...'). None where the
    language has no word list, or its list misses much of the text (a dialect, an old
    spelling, a language pyspellchecker knows badly)."""
    speller = speller_for(bitext.tgt_lang)
    texts = [bitext.link_text(i, "tgt") for i in range(len(bitext.alignment.links))]
    if speller is None or not _covers(texts, bitext.tgt_lang, speller, config):
        return
    counts = Counter(_key(w) for t in texts for w, *_ in word_spans(t, bitext.tgt_lang))
    content = _content(bitext.src_lang)
    english, german = (primary(bitext.tgt_lang) == lang for lang in ("en", "de"))
    seen: dict[str, list[tuple[int, str, int, int]]] = {}   # a word -> where it stands
    kept: set[str] = set()   # words an original writes: the original's, kept
    for i, text in enumerate(texts):
        written = {w.casefold() for w, *_ in word_spans(bitext.link_text(i, "src"), bitext.src_lang)}
        words = word_spans(text, bitext.tgt_lang)
        unknown = [len(w) >= SHORT_LENGTH and w[0].islower() and _spelt(_key(w), speller, english)
                   and not _known(_key(w), speller, english, german, bitext.tgt_lang) for w, *_ in words]
        for k, (w, a, b) in enumerate(words):
            if not unknown[k] or _foreign_beside(k, words, unknown, speller):
                continue
            key = _key(w)
            seen.setdefault(key, []).append((i, w, a, b))
            if key in written:
                kept.add(key)
    out = []
    for key, places in seen.items():
        if key in kept:
            continue
        repeated = _written(key, counts) > 1
        for i, w, a, b in places:
            original = word_spans(bitext.link_text(i, "src"), bitext.src_lang)
            found = _correction(key, speller, original, content, evidence, config, repeated) \
                if len(w) >= MIN_LENGTH else None if repeated else \
                _short_swap(key, speller, original, evidence, config)
            if found is not None:
                out.append(_finding(i, w, a, b, found, sorted({k for k, *_ in places} - {i})))
                break
    yield from sorted(out, key=lambda f: (f.link, f.spans[0].start))


def _foreign_beside(k: int, words: list[tuple[str, int, int]], unknown: list[bool], speller: Any) -> bool:
    """Does word k stand in a phrase of another language: within FOREIGN_REACH words of it, a
    word the list lacks that is one edit from no word it holds ('gatto' in 'Dove è il mio
    gatto ?' quoted in a French text, where 'mio' read as 'moi')? A typo beside it ('He recived
    the goverment letter') is one edit from a word, and both are told."""
    near = [j for j in range(max(0, k - FOREIGN_REACH), min(len(words), k + 1 + FOREIGN_REACH))
            if j != k and unknown[j]]
    return any(not speller.known(speller.edit_distance_1(_key(words[j][0]))) for j in near)


def _finding(i: int, w: str, a: int, b: int, found: tuple[str, tuple[str, int, int] | None],
             others: list[int]) -> Finding:
    """The finding on word `w` of link i, naming the correction, the original word backing
    it, and the other links writing the word (numbered from 1, as everywhere)."""
    word, backing = found
    why = [f"original: '{backing[0]}'"] if backing else []
    if others:
        why.append(f"also in link{'s' if len(others) > 1 else ''} " + ", ".join(
            str(k + 1) for k in others[:ALSO_LINKS]) + (" ..." if len(others) > ALSO_LINKS else ""))
    spans = (Span("tgt", a, b),) + ((Span("src", backing[1], backing[2]),) if backing else ())
    return make_finding(i, "spelling", "warning", f"'{w}' is no word: '{word}'?"
                        + (f" ({'; '.join(why)})" if why else ""), *spans)


def _covers(texts: list[str], lang: str, speller: Any, config: CheckConfig) -> bool:
    """Does the word list know the text (word_lists.list_covers)? A text of fewer than
    COVER_SAMPLE words is too short to tell by, as its slips weigh: 'recieved' and 'trian'
    are 2 of the 9 words of 'She recieved a letter from her mother.' / 'The trian arrived at
    the station.' (78%, below LIST_COVERS), which drew no finding where five lines drew them.
    There a word one edit from a frequent word (`spelling_frequent`: a likely slip) is left
    out of the count; in a longer text a dialect's or an old spelling's words would be too."""
    if list_covers(texts, lang):
        return True
    words = [w.casefold() for t in texts for w in words_of(t, lang) if len(w) >= 3 and w[0].islower()]
    if len(words) >= COVER_SAMPLE:
        return False
    rest = [w for w in words if w in speller or not any(
        speller.word_usage_frequency(c) >= config.spelling_frequent
        for c in speller.known(speller.edit_distance_1(w)))]
    return not rest or sum(w in speller for w in rest) >= LIST_COVERS * len(rest)


def _key(word: str) -> str:
    """The word as the check compares it: casefolded, with a typographic apostrophe straight."""
    return word.casefold().replace("’", "'")


CONTRACTION = re.compile(r"[^\W\d_]+'(?:t|s|m|d|ll|re|ve)")


def _spelt(key: str, speller: Any, english: bool) -> bool:
    """Is the word one to look at: letters only, or in English a contraction ('don't', the
    tokens word_spans keeps whole) other than a possessive of a listed word (the list has
    "cat's" but not "other's", which read as a slip for 'others'): "I con't see" is a slip for
    "don't" that the real-word rules never see, as no word list has it."""
    if key.isalpha():
        return True
    return english and CONTRACTION.fullmatch(key) is not None \
        and not (key.endswith("'s") and key[:-2] in speller)


def _known(key: str, speller: Any, english: bool, german: bool, lang: str) -> bool:
    """Is the (casefolded) word one the lists know, with its ligatures spelt out, in English in
    lemminflect's lexicon ('leant'), in German also without the prefix 'un' ('unbezwungen': the
    list has 'bezwungen')? (German 'ß', which casefolds to 'ss', speller_for takes care of.)"""
    forms = {key, key.translate(LIGATURES)}
    if german and key.startswith("un") and len(key) >= 7:
        forms.add(key[2:])
    if any(f in speller for f in forms):
        return True
    return bool(english_lemmas(key)) if english else _lemma_known(key, lang)


def known_word(word: str, lang: str) -> bool:
    """Whether `lang`'s word lists know `word` as this check reads them (`_known`); True where
    the language has no list (nothing to tell). The real-word check asks it: a word no list
    knows is a spelling slip, never a real-word one."""
    speller = speller_for(lang)
    if speller is None:
        return True
    return _known(_key(word), speller, primary(lang) == "en", primary(lang) == "de", lang)


def _lemma_known(key: str, lang: str) -> bool:
    """Does simplemma's lemma table of the language know the word? (Loaded on first use: up to
    a second and some 80 MB for German.)"""
    import simplemma
    try:
        return simplemma.is_known(key, lang=primary(lang))
    except ValueError:   # a language it lacks
        return False


def _written(key: str, counts: Counter[str]) -> int:
    """How often the translation writes the word, singular and plural ('cluse' and 'cluses'):
    more than once, it needs the stronger evidence (`_correction`)."""
    forms = {key, key + "s", key + "x"} | ({key[:-1]} if key[-1] in "sx" else set())
    return sum(counts[f] for f in forms)


def _content(lang: str):
    common = function_words(lang)
    return lambda word: len(word) > 2 and word.casefold() not in common


def _correction(word: str, speller: Any, original: Original, content, evidence: WordEvidence | None,
                config: CheckConfig, repeated: bool = False) -> tuple[str, tuple[str, int, int] | None] | None:
    """The likeliest known word one edit from `word`, with the original word backing it (None
    for a common word backed by none); None when there is no such word, or when a word one
    edit away is only another spelling of it. A word the translation writes more than once
    (`repeated`) needs the stronger evidence: backed, or two inner letters swapped, and a
    correction of some REPEATED_FREQUENT ('bason', twice, is an old spelling of 'basin')."""
    from .slip_words import is_variant

    near = sorted(c for c in speller.known(speller.edit_distance_1(word)) if len(c) >= 2)
    if any(is_variant(word, c) or _british(word, c) for c in near):
        return None
    near = [c for c in near if speller.word_usage_frequency(c) >= config.spelling_min_frequency
            and not _form_or_accent(word, c)]
    if not near:
        return None
    backed = _backed(word, near, original, content, evidence, config) or _inner_swap(word, near)
    if repeated:
        return backed if backed and speller.word_usage_frequency(backed[0]) >= REPEATED_FREQUENT else None
    if backed is not None or evidence is None or not original:
        return backed
    # a common word with some counterpart in the original (a function word's will do:
    # 'littlle' / 'petit', 'whhich' / 'qui'), not one the original has nothing of ('rouet',
    # a spinning wheel, is no slip for 'route' where the original speaks of purring)
    common = [c for c in near if speller.word_usage_frequency(c) >= config.spelling_frequent]
    if common:
        cos = evidence.cosines(common, [o for o, *_ in original]).max(axis=1)
        common = [c for c, v in zip(common, cos) if v >= config.counterpart_cosine]
    return (max(common, key=speller.word_usage_frequency), None) if common else None


def _swaps(word: str) -> set[str]:
    """The word with each two neighbouring letters swapped, less the word itself."""
    return {word[:k] + word[k + 1] + word[k] + word[k + 2:] for k in range(len(word) - 1)} - {word}


def _short_swap(word: str, speller: Any, original: Original, evidence: WordEvidence | None,
                config: CheckConfig) -> tuple[str, None] | None:
    """A three-letter word no list knows that is one of the language's commonest words with
    two neighbouring letters swapped ('teh', 'adn', 'nad'), that one word only, with some
    counterpart in the original ('the' / 'la': cosine `counterpart_cosine`, with the encoder
    only, as for the common corrections of `_correction`). Why apart: MIN_LENGTH keeps short
    words from the one-edit search, where 'teh' has 'tea', 'ten', 'tee' beside 'the' and a
    rare word or an abbreviation has as many; a swap of a word that common is the classic
    typing slip, and the words it may stand for are few enough to be sure of."""
    common = [c for c in sorted(_swaps(word)) if c in speller
              and speller.word_usage_frequency(c) >= SHORT_COMMON]
    if len(common) != 1 or evidence is None or not original:
        return None
    cos = evidence.cosines(common, [o for o, *_ in original])
    return (common[0], None) if float(cos.max()) >= config.counterpart_cosine else None


def _inner_swap(word: str, near: list[str]) -> tuple[str, None] | None:
    """The one correction that is the word with two neighbouring letters swapped before its
    last letter ('mécansime' for 'mécanisme'), for a word of SWAP_LENGTH letters or more: a
    typing slip even where the original does not back it (a free translation: 'Uhrwerk',
    cosine 0.41 to 'mécanisme'). Not a swap with the last letter ('rouet' / 'route': an
    ending changed, a form the lists lack)."""
    if len(word) < SWAP_LENGTH:
        return None
    swaps = _swaps(word[:-1])
    hits = [c for c in near if c[:-1] in swaps and c[-1] == word[-1]]
    return (hits[0], None) if len(hits) == 1 else None


def _backed(word: str, near: list[str], original: Original, content, evidence: WordEvidence | None,
            config: CheckConfig) -> tuple[str, tuple[str, int, int]] | None:
    """The correction an original word backs best: a content word whose vector is within
    `spelling_cosine`, else a word spelt like it ('indigination' / 'indignation')."""
    keep = [k for k, (o, *_) in enumerate(original) if content(o)]
    if evidence is not None and keep:
        cos = evidence.cosines(near, [original[k][0] for k in keep])
        n, m = divmod(int(cos.argmax()), cos.shape[1])
        if cos[n, m] >= config.spelling_cosine:
            return near[n], original[keep[m]]
    spelt = max(((similarity(c, o), c, k) for c in near for k, (o, *_) in enumerate(original)),
                default=(0.0, "", -1))
    if spelt[0] >= COGNATE_SPELLING and spelt[0] > similarity(word, original[spelt[2]][0]):
        return spelt[1], original[spelt[2]]
    return None


def _british(a: str, b: str) -> bool:
    return any(p.sub(r, a) == b for p, r in VARIANTS)


def _plain(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def _swapped(word: str, cand: str) -> bool:
    """Is one the other with two neighbouring letters swapped?"""
    diff = [k for k, (x, y) in enumerate(zip(word, cand)) if x != y]
    return len(word) == len(cand) and len(diff) == 2 and diff[1] == diff[0] + 1 \
        and word[diff[0]] == cand[diff[1]] and word[diff[1]] == cand[diff[0]]


def _tripled_end(word: str, cand: str) -> bool:
    """`word` is `cand`, which ends in a doubled consonant, with that consonant once more
    ('shalll' / 'shall'). Not h, m, r, s or z, which interjections repeat ('hmmm', 'brrr',
    'shhh', 'psss', 'zzz'), nor a vowel ('ooo', 'seee' as said aloud)."""
    return (len(cand) >= 3 and word == cand + cand[-1] and cand[-1] == cand[-2]
            and cand[-1].isalpha() and cand[-1] not in "aeiouyhmrsz")


def _form_or_accent(word: str, cand: str) -> bool:
    """Is one the other with an ending ('retournai'/'retournait', 'rouet'/'roue'), or with
    another last letter, or with other accents ('crême'/'crème'), or with an accented letter
    changed ('tînt'/'tant')? Then the list lacks a form or an old spelling; a typing slip
    looks otherwise ('littlle', 'recieved')."""
    if _tripled_end(word, cand):   # 'shalll', 'willl': a key held, no form ends so
        return False
    if word.startswith(cand) or cand.startswith(word) or _plain(word) == _plain(cand):
        return True
    if _swapped(word, cand):   # 'aprsè' for 'après': the keys struck in the wrong order
        return False
    if len(word) == len(cand) and word[:-1] == cand[:-1]:
        return True
    short = min(len(word), len(cand))
    head = next((k for k in range(short) if word[k] != cand[k]), short)
    tail = next((k for k in range(short - head) if word[-1 - k] != cand[-1 - k]), short - head)
    changed = word[head:len(word) - tail] + cand[head:len(cand) - tail]
    return any(ord(ch) > 127 for ch in changed)
