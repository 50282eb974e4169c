"""How well a word fits between its neighbours: a bigram model of the translation's language.

Part of the check stage (slips.py's context test). Classic context-sensitive real-word
error detection (Mays, Damerau and Mercer 1991; Wilcox-O'Hearn et al. 2008): "in hero own
mind" is a slip for "her" because "her own" is a common English bigram and "hero own" is
not, whatever the original says. The evidence is the ratio

    P(prev c next) / P(prev w next)  ~  [C(prev c) C(c next) / C(c)] / [C(prev w) C(w next) / C(w)]

for the word written w and a word c one or two edits away. The counts:

- for English, the bigram and unigram frequency lists symspellpy ships (Google Books
  n-grams, 243,342 bigrams above about ten million occurrences, 82,765 words): a bigram
  missing there occurs less than the list's smallest count, so its count is taken as
  what independence predicts, capped at half that smallest count.

A word the unigram list lacks ('ok', 'ay', 'ty', slips bench_checks injects) is taken
to occur as often as the rarest listed word (`Ngrams.unseen`). Counted once, with its unlisted
pairs counted once too (independence rounded up to one), it fitted its neighbours perfectly and
better than any listed word ('the art ok petitioning' against 'of': log ratio -18.6, now +3.9),
and an unlisted neighbour ('i'm') counted against every common candidate. Measured (2026-12-04,
bench_checks --word-links): LIMSI seeds 3-4 real-word slips found at warning 60 -> 63 of 92 with
the near ones, seeds 0-2 as before; free multi-sentence links (--multi) one more, and their
real-word info findings on clean links 3.2 / 6.5 / 6.4 -> 0 per 1,000; alibi one more, its info
4.5 -> 0; warnings on clean links unchanged in all (the fitted trees refitted on the new
features did worse: slip_model.py).

The translation's own bigrams (leaving out the link judged) were tried as a second model
and as the only one for French: with add-one counts they penalise common intended words
never seen next to these neighbours, and LIMSI recall fell (47 -> 29 of 99 slips); on
Text+Berg dev (about 200 links a window) they found nothing. So only English has a model.

The translation's own phrases (`Phrases`: each word with its two neighbours, counted over the
text) say the opposite, in any language: a phrase written in two links is no slip.

Library, and why: symspellpy (already used for edit look-ups) ships the English lists;
nothing else is downloaded.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .evidence import word_spans
from .lang import primary

if TYPE_CHECKING:
    from .types import Bitext

Context = tuple[str | None, str | None]   # previous and next word (lower case), None at a break


@dataclass(frozen=True, eq=False)   # compared by identity: a key of the _log_fit cache
class Ngrams:
    """Unigram and bigram counts (lower case) with the total and, for a frequency list,
    the smallest listed bigram count (`floor`: unlisted bigrams occur less often) and
    the smallest listed word count (`unseen`: what an unlisted word is taken to occur)."""

    uni: Mapping[str, int]
    bi: Mapping[tuple[str, str], int]
    total: int
    floor: int = 1
    unseen: int = 1

    def count(self, word: str) -> int:
        """The word's count; an unlisted word ('ok', 'ay') occurs as often as the rarest listed
        one. Counted once, it fitted its neighbours perfectly: its unlisted pairs, counted
        once too, made it follow each neighbour every time, and 'the art ok petitioning' fitted
        better than 'the art of petitioning' (log ratio -18.6)."""
        return self.uni.get(word) or self.unseen

    def pair(self, a: str, b: str) -> float:
        """Count of the bigram 'a b': listed, else independence capped at half of `floor`."""
        n = self.bi.get((a, b))
        if n is not None:
            return float(n)
        return min(self.count(a) * self.count(b) / self.total, 0.5 * self.floor)

    def association(self, word: str, ctx: Context) -> float:
        """Sum over the neighbours of the pointwise mutual information log [C(a b) N / (C(a)
        C(b))]: about 0 for a pair the list lacks, high for 'sixteen miles', 'said she'."""
        total = 0.0
        for a, b in ((ctx[0], word), (word, ctx[1])):
            if a is not None and b is not None:
                chance = self.count(a) * self.count(b) / self.total
                total += math.log(self.pair(a, b) / chance)
        return total

    def log_fit(self, word: str, ctx: Context) -> float:
        """How much better than chance word goes with its neighbours: the sum over the
        neighbours of log C(prev word) / C(word) and log C(word next) / C(word) (pointwise
        mutual information up to terms shared by every word in that place). The word's own
        frequency drops out: a common word is no likelier a slip's intended word for being
        common, only for going with its neighbours ('her own', not 'hero own')."""
        return _log_fit(self, word, ctx)


@lru_cache(maxsize=200_000)   # each suspect word's candidates come back link after link
def _log_fit(model: Ngrams, word: str, ctx: Context) -> float:
    own = math.log(model.count(word))
    score = 0.0
    for pair in ((ctx[0], word), (word, ctx[1])):
        if None not in pair:
            score += math.log(model.pair(*pair)) - own
    return score


@lru_cache(maxsize=1)
def english_lists() -> Ngrams | None:
    """symspellpy's English frequency lists, or None where the package or files are missing."""
    try:
        import symspellpy
    except ImportError:
        return None
    folder = Path(symspellpy.__file__).parent
    uni_file, bi_file = folder / "frequency_dictionary_en_82_765.txt", \
        folder / "frequency_bigramdictionary_en_243_342.txt"
    if not (uni_file.is_file() and bi_file.is_file()):
        return None
    uni: dict[str, int] = {}
    for line in uni_file.read_text(encoding="utf-8").splitlines():
        w, _, n = line.partition(" ")
        if n.isdigit():
            uni[w] = int(n)
    bi: dict[tuple[str, str], int] = {}
    for line in bi_file.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) == 3 and parts[2].isdigit():
            bi[parts[0], parts[1]] = int(parts[2])
    return Ngrams(uni, bi, sum(uni.values()), min(bi.values()), min(uni.values()))


def contexts(text: str, lang: str) -> list[tuple[str, int, int, Context]]:
    """(word, start, end, (prev, next)) per word; a neighbour counts only where nothing but
    spaces separates it (punctuation breaks the chain)."""
    spans = word_spans(text, lang)
    out = []
    for k, (w, a, b) in enumerate(spans):
        prev = spans[k - 1][0].lower() if k and not text[spans[k - 1][2]:a].strip() else None
        nxt = spans[k + 1][0].lower() if k + 1 < len(spans) and not text[b:spans[k + 1][1]].strip() \
            else None
        out.append((w, a, b, (prev, nxt)))
    return out


def log_ratio(models: Sequence[Ngrams], cand: str, word: str, ctx: Context) -> float:
    """Sum over the models of log [fit of cand / fit of word] in this context."""
    c, w = cand.lower(), word.lower()
    return sum(m.log_fit(c, ctx) - m.log_fit(w, ctx) for m in models)


def misfits(text: str, lang: str, bar: float) -> set[int]:
    """Start offsets of the words of `text` that go with their neighbours no better than
    chance, give or take `bar` (`Ngrams.association`: 'said examples', 'pardon me, talents',
    not 'we journey with'); none where `lang` has no model."""
    model = english_lists() if primary(lang) == "en" else None
    if model is None:
        return set()
    return {a for w, a, _, ctx in contexts(text, lang)
            if ctx != (None, None) and model.association(w.lower(), ctx) <= bar}


class Phrases:
    """Each translation word with its neighbours (context_lm.contexts: the words just before and
    after it, None across punctuation), counted over the whole translation. Why: a slip is
    seldom made twice in the same words, while a writer repeats a phrase ('a pair of white kid
    gloves' three times in Alice); the English bigram list, which keeps only pairs above ten
    million occurrences, knows neither 'white kid' nor 'kid gloves' and the real-word rules read
    'kid' as 'and' ('et'). A word whose phrase the translation writes in another link too is
    no real-word slip. Measured (2026-12-04, bench_checks --word-links, seeds 0-2): real-word
    warnings on clean links of LIMSI's free multi-sentence links (--multi) 12.9 / 13.3 / 13.0 ->
    9.7 / 0.0 / 6.5 per 1,000; real-word findings on links with an injected slip of another kind
    LIMSI 2 -> 1, alibi 1 -> 0 (seeds 0, 1); limsi-enfr info 2.8 -> 1.4 (seed 2); held out,
    Text+Berg test real-word info 6.1 / 6.3 -> 4.1 / 4.2 per 1,000 (seeds 0, 1). No slip lost on
    any of these windows nor on Text+Berg dev; the checks took as long. Not kept: also a word
    whose bigram with either neighbour the text writes twice elsewhere ('me font' for 'dont'):
    LIMSI seeds 0 and 2 lost a slip each, and no false alarm went on LIMSI, limsi-enfr or their
    --multi windows."""

    def __init__(self, bitext: Bitext) -> None:
        self._at = [{a: (ctx[0], w.lower(), ctx[1]) for w, a, _, ctx in
                     contexts(bitext.link_text(i, "tgt"), bitext.tgt_lang) if ctx != (None, None)}
                    for i in range(len(bitext.alignment.links))]
        self._counts = Counter(p for at in self._at for p in at.values())

    def elsewhere(self, i: int, start: int) -> bool:
        """Does the phrase of link i's translation word at `start` occur in another link?"""
        phrase = self._at[i].get(start)
        return phrase is not None and self._counts[phrase] > sum(p == phrase for p in self._at[i].values())
