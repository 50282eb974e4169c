"""Names' translations learned from the text: words that keep co-occurring with a name.

Part of the check stage (the names check, cognates.py): a name whose learned translation the
other side writes has its counterpart there ('Chapelier' / 'Hatter' share no letters). Kept
apart from name_words.py (finding names) since what must not be learned grew: the commonest
words, another name's own spelling, and a word another name of the link keeps more company with.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .evidence import word_spans
from .name_spelling import name_key
from .name_words import NameContext, _title, find_names
from .types import MAX_WORD_PAIRS, Bitext
from .word_lists import function_words, link_pairs
from .word_similarity import similarity

if TYPE_CHECKING:
    from .check_config import CheckConfig


def learned_counterparts(bitext: Bitext, ctx: dict[str, NameContext],
                          config: CheckConfig) -> dict[str, dict[str, set[str]]]:
    """Translations of names learned from the text: words that keep co-occurring with them.

    'Chapelier' and 'Hatter' share no letters but are in the same links again and
    again; a one-off slip (Ruhr -> Ruin) never builds such a record. Only capitalised
    words count ('said' is in most links with 'Alice' too). Keyed by name_key on both sides
    (a declined name's forms are one name), so the words learned are such keys too.

    Not the language's commonest words ('I', 'The', 'Je' open most links: a name seen in two
    links learned them, and was then 'translated' in any link holding them), nor a word spelt
    like another name of the link and not like this one ('Aristide ou Brutus' / 'Aristides or
    Brutus', twice: 'aristides' is Aristide's). Measured (2026-12-07, bench_checks --word-links):
    LIMSI seeds 0-8 name-common at warning 31 -> 33 of 48 ('tray or Aristides' for 'Aristide ou
    Brutus', seeds 3 and 5, found nowhere before), warnings and info on their clean links
    unchanged; seeds 9-14, limsi-enfr, Text+Berg dev and test, textberg-frde, alibi, alibi-enfr
    unchanged but limsi-enfr's info 33.8 -> 35.8 per 1,000 ('Caucus' / 'course cocasse',
    'Narragansett' left out: true); --multi seed 1 one warning more on 284 clean links ('Mme
    Bates' for the English 'Highbury', a free rendering); the gold links as published unchanged
    once forms of address spelt out are TITLES. On never-seen seeds 15-20, 13 -> 14 of 34, false
    alarms unchanged.
    Then each word of a link goes only to the name it keeps most company with across the text
    (Dice's coefficient, competitive linking), unless it is spelt like a name of the link:
    'England' beside 'la France et l'Angleterre' had made France translated wherever England
    stood ('the provinces of watch and England', seed 4). Measured the same way: LIMSI seeds 0-8
    33 -> 34 of 48, info on clean links 30.8 -> 30.7 per 1,000, warnings unchanged; seeds 9-14 and
    15-20 unchanged but info 28.6 -> 28.3; --multi info 104.4 -> 105.6 ('Hartfield', which that
    English link lacks); limsi-enfr, Text+Berg dev and test, textberg-frde, alibi both ways and
    the gold links unchanged. The share of the name's links alone ranked a name seen once first
    for every word it met ('Boston', 'Amérique' took 'England' from 'Angleterre').
    """
    pairs = list(link_pairs(bitext))
    out: dict[str, dict[str, set[str]]] = {"src": {}, "tgt": {}}
    langs = {"src": bitext.src_lang, "tgt": bitext.tgt_lang}
    common = {side: function_words(lang) for side, lang in langs.items()}
    for side, other, k, j in (("src", "tgt", 1, 2), ("tgt", "src", 2, 1)):
        links = []
        for p in pairs:
            names = {name_key(w, langs[side]) for w, *_ in find_names(p[k], ctx[side], config)}
            words = {name_key(w, langs[other]) for w, a, _ in word_spans(p[j])   # no title ('Mrs.')
                     if w[0].isupper() and not _title(w, a, p[j], langs[other])
                     and w.casefold() not in common[other]}
            if names and len(names) * len(words) <= MAX_WORD_PAIRS:   # else a list, a chapter
                links.append((names, words))
        owned = [(names, [(w, *_owners(w, names, config.name_similarity)) for w in words])
                 for names, words in links]
        seen = Counter(n for names, _ in owned for n in names)
        cooc = Counter((n, w) for _, ws in owned for w, own, _ in ws for n in own)
        held = Counter(w for _, words in links for w in words)
        dice = {(n, w): 2 * c / (seen[n] + held[w]) for (n, w), c in cooc.items()}
        # each word goes to the names of its link it keeps company with most, by Dice's
        # coefficient ('England' beside 'la France et l'Angleterre' is Angleterre's; a name
        # seen once shares all it met, so the share alone would give it every word)
        cooc = Counter((n, w) for _, ws in owned for w, own, spelt in ws
                       for n in (own if spelt else _closest(w, own, dice)))
        for (n, w), c in cooc.items():
            if c >= 2 and c >= 0.6 * seen[n]:
                out[side].setdefault(n, set()).add(w)
    return out


def _owners(word: str, names: set[str], alike: float) -> tuple[list[str], bool]:
    """The names of a link `word` may translate, and whether it is spelt like them: a word
    spelt like names of the link is theirs alone, whatever else it meets (`_anothers`)."""
    own = [n for n in names if not _anothers(word, n, names, alike)]
    spelt = [n for n in own if similarity(word, n) >= alike]
    return (spelt, True) if spelt else (own, False)


def _closest(word: str, names: list[str], dice: dict[tuple[str, str], float]) -> list[str]:
    """The names among `names` that `word` keeps most company with (ties: all of them)."""
    best = max((dice.get((n, word), 0.0) for n in names), default=0.0)
    return [n for n in names if dice.get((n, word), 0.0) >= best]


def _anothers(word: str, name: str, names: set[str], alike: float) -> bool:
    """Is `word` spelt like another name of the link and not like `name`? Then it is that
    name's own counterpart, not this one's: 'Aristides' for 'Aristide ou Brutus'."""
    return similarity(word, name) < alike and any(similarity(word, m) >= alike for m in names if m != name)
