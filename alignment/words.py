"""Word links inside sentence links: which word of the original became which of the translation.

A learner points at a word and wants its counterpart; a proofreader wants the word that has none.
No sentence aligner offers this and no word aligner offers a reader, so this stage sits beside
align.py: it takes sentence pairs (or a Bitext) and returns, per pair, `WordLink`s between
token indexes of `tokenize()`, each with a confidence.

How (measured on the Alibi fr-en gold, `alignment bench ../shared/bench/alibi`):
- lexical similarity: the project's encoder (embed.py, so one copy of the model and its on-disk
  cache) applied to each lower-cased word type once; cosine per token pair;
- a statistical model trained on the text's own sentence pairs (alignment.word_model: IBM-1
  with fast_align's diagonal prior, EM, both directions, then one HMM E step that re-reads
  IBM-1's table with jumps between neighbouring positions), its translation table seeded and
  smoothed with the cosine, so it works from a few dozen pairs up;
- score = cosine + mean of both directions' posteriors - a diagonal penalty;
- a token pair is linked when it is the best of its row and of its column (mutual best);
  confidence = how much the row and the column agree on it (softmax both ways); links below
  0.7 are dropped (total P 0.948 R 0.922 AER 0.063; stories 0.058 0.063 0.069), the reader
  highlights from 0.8 (precision 0.954 there).
History on Alibi dev (micro AER, stories ChatBotte LAuberge LaBarbeBleue):
- before the HMM step, a bonus per (softly) linked diagonal neighbour, twice, did the HMM's
  work after the fact (AER 0.136 -> 0.085; with 5 IBM-1 iterations, prior strength 1:
  P 0.938 R 0.900 AER 0.079 = 0.082 0.073 0.090). `WordConfig.context` keeps it, off: with the
  HMM step it hurts (context 0.15: 0.072, 0.3: 0.082).
- kept: the HMM E step after IBM-1 (0.070 = 0.069 0.069 0.075, P 0.943; off where the text's
  word order differs, as the position priors are: score_pairs), then 3 IBM-1
  iterations instead of 5 and prior strength 2 (0.065 = 0.062 0.065 0.070, P 0.945); then
  weaker position priors, as the HMM's jumps carry position (em_diagonal 4 -> 3, diagonal
  0.5 -> 0.3: 0.064 = 0.060 0.064 0.069, P 0.948) and prior strength 3 (0.063 = 0.058 0.063
  0.069, P 0.948). Nearby settings that lower the total but raise a story were not taken
  (prior temperature 0.07: 0.062 = 0.057 0.061 0.070).
- dropped, each measured against the then-current default: a second HMM iteration (0.077;
  the table sharpens and overfits a story's few pairs, as more IBM-1 iterations do: 10 -> 0.084);
  learning the HMM's jump distribution (0.075: it grows too peaked); "alignment by agreement"
  (Liang et al. 2006: expected counts from the product of both directions' posteriors, fully
  0.090, half 0.079, geometric mean 0.081); the posteriors' product or geometric mean in the
  score (0.081); a second mutual-best round among unlinked words (0.085-0.099, P 0.88-0.93)
  and growing to unlinked neighbours of links at high confidence (0.079-0.090); an
  anti-diagonal neighbour bonus for reordered adjectives (0.0777 vs 0.0785, noise); links
  beyond 1-1 where the mean HMM posterior is >= 0.5 / 0.7 / 0.85 (0.071 / 0.065 / 0.064 vs 0.064);
  HMM transitions without (or with a sharper, lambda 5) diagonal prior (0.0628 / 0.0634 vs
  0.0631: noise);
  grow-diag heuristics (recall +0.04, precision -0.11), Viterbi instead of soft posteriors,
  the neighbour bonus inside EM, a second pass with link counts.
We wrote the statistical model rather than require eflomal (GPL-3, a C
extension, no seed); `WordConfig.eflomal` adds its links when installed (word_eflomal.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from .lang import primary
from .progress import Progress, no_progress
from .types import MAX_WORD_PAIRS, Bitext, Token, WordLink
from .word_order import prior_weight
from .word_tokens import DOTTED_I, is_word, lower, tokenize


@dataclass(frozen=True)
class WordConfig:
    """Settings of `link_token_pairs`, chosen on the Alibi dev stories (module docstring)."""

    stat_weight: float = 1.0  # weight of the statistical model's posteriors beside the cosine
    diagonal: float = 0.3  # penalty per unit of relative-position difference
    context: float = 0.0  # bonus per linked diagonal neighbour (0.3 before the HMM step)
    context_rounds: int = 2
    context_temperature: float = 0.1
    min_score: float = 0.3  # no link below this score
    em_iterations: int = 3  # IBM-1 iterations (more overfit the few pairs of a story)
    em_hmm: int = 1  # then HMM iterations (a second one sharpens the table: AER +0.01)
    em_diagonal: float = 3.0  # fast_align's lambda
    em_null: float = 0.1
    prior_temperature: float = 0.1
    prior_strength: float = 3.0
    confidence_temperature: float = 0.1
    min_confidence: float = 0.7  # links below are dropped (Alibi dev: precision 0.913 -> 0.933)
    highlight: float = 0.8  # the reader highlights links with confidence >= this
    punctuation: bool = True  # the Alibi gold links a fifth of its sure links to punctuation
    eflomal: float = 0.0  # > 0: add eflomal's links with this weight (optional, GPL-3)
    reorder: bool = True  # weigh the position priors by the text's own word order (word_order.py)

    def params(self) -> tuple[tuple[str, str], ...]:
        """The settings as Signature params."""
        return tuple((k, str(v)) for k, v in self.__dict__.items())


DEFAULT_CONFIG = WordConfig()


def _type_ids(sides: Sequence[Sequence[str]]) -> tuple[list[np.ndarray], list[str]]:
    """Lower-cased type id arrays per token list, and the types in id order."""
    vocab: dict[str, int] = {}
    ids = [np.fromiter((vocab.setdefault(t.lower(), len(vocab)) for t in side), dtype=np.int64,
                       count=len(side)) for side in sides]
    return ids, list(vocab)


def _cell_cosines(vs: np.ndarray, vt: np.ndarray, src_ids: Sequence[np.ndarray],
                  tgt_ids: Sequence[np.ndarray]) -> np.ndarray:
    """Cosine of every cell, in cell order (pair, i, j): one small matrix product per pair.

    One BLAS thread: for thousands of tiny products, threads cost 15x more than they give."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1, user_api="blas"):
        parts = [(vs[a] @ vt[b].T).ravel() for a, b in zip(src_ids, tgt_ids)]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


_EMBED_BLOCK = 2048


def _type_vectors(embedder: Any, src_types: list[str], tgt_types: list[str],
                  progress: Progress = no_progress) -> tuple[np.ndarray, np.ndarray]:
    """Encoder vectors of both sides' word types, each distinct string encoded once."""
    distinct = list(dict.fromkeys(src_types + tgt_types))
    # in blocks: the encoder's working memory grows with its batch (21k types at once: +950 MB)
    blocks = []
    for k in range(0, len(distinct), _EMBED_BLOCK):
        progress(k, len(distinct), "encoding the words")
        blocks.append(embedder.embed(distinct[k:k + _EMBED_BLOCK]))
    progress(len(distinct), len(distinct), "encoding the words")
    vec = np.concatenate(blocks) if blocks else np.zeros((0, 1), dtype=np.float32)
    where = {t: k for k, t in enumerate(distinct)}
    return (vec[[where[t] for t in src_types]].astype(np.float32),
            vec[[where[t] for t in tgt_types]].astype(np.float32))


def _mutual_best(score: np.ndarray, floor: float) -> list[tuple[int, int]]:
    """Cells that are the maximum of their row and of their column, above `floor`."""
    if score.size == 0:
        return []
    rows = score.argmax(axis=1)
    cols = score.argmax(axis=0)
    return [(i, int(j)) for i, j in enumerate(rows) if cols[j] == i and score[i, j] >= floor]


def _content(tokens: Sequence[str], punctuation: bool = True) -> list[int]:
    return [k for k, t in enumerate(tokens) if punctuation or is_word(t)]


def past_pair_limit(src: Sequence[str], tgt: Sequence[str],
                    config: WordConfig = DEFAULT_CONFIG) -> bool:
    """Whether a sentence pair (its token texts) has more than MAX_WORD_PAIRS word pairs, which
    `score_pairs` gives no word links: said by a command, which left them out without a word."""
    pairs = len(_content(src, config.punctuation)) * len(_content(tgt, config.punctuation))
    return pairs > MAX_WORD_PAIRS


def score_pairs(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], *, embedder: Any,
                config: WordConfig = DEFAULT_CONFIG,
                progress: Progress = no_progress) -> list[np.ndarray]:
    """Per sentence pair, the (m, n) link scores between its tokens (see `_content`).

    The statistical model is trained on exactly these pairs, so pass a whole text at once.
    `progress` hears of the encoding (per block of word types) and of the training.
    """
    # imported here: the model pulls in numba (about 1.3 s), and the app's start page and
    # reader import this module only for `word_groups`
    from .word_model import build_cells, train_posteriors

    keep = [(_content(s, config.punctuation), _content(t, config.punctuation)) for s, t in pairs]
    # a pair past MAX_WORD_PAIRS (an unsplit chapter) gets no words, hence no word links
    keep = [(ks, kt) if len(ks) * len(kt) <= MAX_WORD_PAIRS else ([], []) for ks, kt in keep]
    src_ids, src_types = _type_ids([[s[k] for k in ks] for (s, _), (ks, _) in zip(pairs, keep)])
    tgt_ids, tgt_types = _type_ids([[t[k] for k in kt] for (_, t), (_, kt) in zip(pairs, keep)])
    vs, vt = _type_vectors(embedder, src_types, tgt_types, progress)
    progress(0, 1, "training the word model")
    cells = build_cells(src_ids, tgt_ids)
    cell_sim = _cell_cosines(vs, vt, src_ids, tgt_ids)
    order = _order_weight(cell_sim, cells.starts, pairs, keep) if config.reorder else 1.0
    sim = np.empty(len(cells.kf))
    sim[cells.key] = cell_sim  # every cell of a type pair has the same cosine
    # The HMM step's jumps favour the next word's partner standing next to this one's: a
    # monotone order, like the position priors, so it is off where they are (a text whose
    # order differs). Turkish 'wrote in her diary' / 'günlüğüne yazdı' crossed to
    # wrote→günlüğüne, diary→yazdı; hand-linked gold (benchmarks/bench_words_cjk.py):
    # Japanese F1 0.83 -> 0.89, Chinese 0.85 -> 0.88; Alibi fr-en keeps it (unchanged).
    fwd, rev = train_posteriors(cells, sim, iterations=config.em_iterations,
                                diagonal=config.em_diagonal * order, null=config.em_null,
                                temperature=config.prior_temperature, strength=config.prior_strength,
                                hmm=config.em_hmm if order > 0 else 0)
    progress(1, 1, "training the word model")
    score = cell_sim
    score += np.float32(config.stat_weight / 2) * fwd
    score += np.float32(config.stat_weight / 2) * rev
    del fwd, rev
    out = []
    for k, (a, b) in enumerate(zip(src_ids, tgt_ids)):
        mat = score[cells.starts[k]:cells.starts[k + 1]].reshape(len(a), len(b))
        if mat.size:
            where = np.subtract.outer((np.arange(len(a)) + 0.5) / len(a),
                                      (np.arange(len(b)) + 0.5) / len(b))
            mat -= np.float32(config.diagonal * order) * np.abs(where).astype(np.float32)
        out.append(mat)
    return _add_eflomal(out, pairs, keep, config.eflomal) if config.eflomal else out


def _order_weight(cell_sim: np.ndarray, starts: np.ndarray, pairs: Sequence[tuple[Sequence[str], Sequence[str]]],
                  keep: Sequence[tuple[list[int], list[int]]]) -> float:
    """word_order.prior_weight over each pair's cosines, words told from punctuation."""
    cosines, words = [], []
    for k, ((s, t), (ks, kt)) in enumerate(zip(pairs, keep)):
        cosines.append(cell_sim[starts[k]:starts[k + 1]].reshape(len(ks), len(kt)))
        words.append((np.array([is_word(s[i]) for i in ks], dtype=bool),
                      np.array([is_word(t[j]) for j in kt], dtype=bool)))
    return prior_weight(cosines, words)


def _add_eflomal(scores: list[np.ndarray], pairs: Sequence[tuple[Sequence[str], Sequence[str]]],
                 keep: list[tuple[list[int], list[int]]], weight: float) -> list[np.ndarray]:
    """Scores plus weight/2 for each direction of eflomal's links (optional, word_eflomal.py)."""
    from .word_eflomal import eflomal_links

    src = [[s[k] for k in ks] for (s, _), (ks, _) in zip(pairs, keep)]
    tgt = [[t[k] for k in kt] for (_, t), (_, kt) in zip(pairs, keep)]
    out = []
    for score, fwd, rev in zip(scores, *eflomal_links(src, tgt)):
        score = score.copy()
        for i, j in (*fwd, *rev):
            if i < score.shape[0] and j < score.shape[1]:
                score[i, j] += weight / 2
        out.append(score)
    return out


def _soft_links(score: np.ndarray, temperature: float) -> np.ndarray:
    """How much each cell is its row's and its column's choice (softmax both ways, geometric mean)."""
    z = np.exp((score - score.max()) / temperature)
    rows = z / z.sum(axis=1, keepdims=True)
    cols = z / z.sum(axis=0, keepdims=True)
    return np.sqrt(rows * cols)


def _with_context(score: np.ndarray, config: WordConfig) -> np.ndarray:
    """Scores plus a bonus where a diagonal neighbour is linked: neighbours of a translated
    word tend to be translated by neighbours (what an HMM's jump model captures)."""
    out = score
    for _ in range(config.context_rounds):
        soft = _soft_links(out, config.context_temperature)
        near = np.zeros_like(soft)
        near[1:, 1:] = soft[:-1, :-1]
        near[:-1, :-1] += soft[1:, 1:]  # both neighbours linked: twice the bonus
        out = score + config.context * near
    return out


def link_token_pairs(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], *, embedder: Any,
                     config: WordConfig = DEFAULT_CONFIG,
                     progress: Progress = no_progress) -> list[tuple[WordLink, ...]]:
    """Word links of each sentence pair given as token texts (indexes into those lists).

    `progress(done, total, stage)` hears of each stage: encoding the words, training the
    word model, linking the words (every 500 pairs)."""
    out = []
    scores = score_pairs(pairs, embedder=embedder, config=config, progress=progress)
    for k, ((s, t), score) in enumerate(zip(pairs, scores)):
        if k % 500 == 0:
            progress(k, len(pairs), "linking the words")
        ks, kt = _content(s, config.punctuation), _content(t, config.punctuation)
        if config.context and score.size:
            score = _with_context(score, config)
        soft = _soft_links(score, config.confidence_temperature) if score.size else score
        best = [(i, j, round(float(soft[i, j]), 2)) for i, j in _mutual_best(score, config.min_score)]
        out.append(tuple(WordLink(ks[i], kt[j], c) for i, j, c in best if c >= config.min_confidence))
    progress(len(pairs), len(pairs), "linking the words")
    return out


def link_tokens(tokens: Sequence[tuple[Sequence[Token], Sequence[Token]]], *, embedder: Any,
                config: WordConfig = DEFAULT_CONFIG,
                progress: Progress = no_progress) -> list[tuple[WordLink, ...]]:
    """`link_token_pairs` over Token tuples (as `tokenize` or `split_tokens` return)."""
    return link_token_pairs([([t.text for t in s], [t.text for t in t_]) for s, t_ in tokens],
                            embedder=embedder, config=config, progress=progress)


def link_tokens_of(bitext: Bitext, k: int) -> tuple[tuple[Token, ...], tuple[Token, ...]]:
    """The tokens that link k's word links count: each side's sentences joined by a space."""
    return tokenize(bitext.link_text(k, "src")), tokenize(bitext.link_text(k, "tgt"))


def link_bitext(bitext: Bitext, *, embedder: Any, config: WordConfig = DEFAULT_CONFIG,
                linker: Any = None, progress: Progress | None = None) -> Bitext:
    """`bitext` with the word links of every sentence link (trained on the whole text).

    `linker` replaces `link_tokens` (word_cache.cached_linker keeps results on disk);
    `progress`, when given, is passed on to it (see `link_token_pairs` for the stages)."""
    links = bitext.alignment.links
    more = {} if progress is None else {"progress": progress}
    tokens = [link_tokens_of(bitext, k) for k in range(len(links))]
    if primary(bitext.src_lang) in DOTTED_I or primary(bitext.tgt_lang) in DOTTED_I:
        tokens = [(_lowered(s, bitext.src_lang), _lowered(t, bitext.tgt_lang)) for s, t in tokens]
    found = (linker or link_tokens)(tokens, embedder=embedder, config=config, **more)
    new = tuple(replace(link, words=words) for link, words in zip(links, found))
    return replace(bitext, alignment=replace(bitext.alignment, links=new))


def _lowered(tokens: Sequence[Token], lang: str) -> tuple[Token, ...]:
    """`tokens` in lower case as `lang` writes it (word_tokens.lower): the linker lower-cases
    each word as English does, which made Turkish 'IŞIK' another word than 'ışık'. Only for
    the languages that need it, so that every other text keeps its cached links."""
    if primary(lang) not in DOTTED_I:
        return tuple(tokens)
    return tuple(replace(t, text=lower(t.text, lang)) for t in tokens)


def guessed_links_note(unknown: Sequence[str]) -> str:
    """What `alignment words` and the app say once for languages the encoder does not know
    (`unknown`, from align.unknown_languages). Why: its word vectors mean little there, so the
    links follow word position and shared spelling (Hindi 'मुंबई' was linked to 'lives'), and a
    glossary made of them was half wrong (55 of 102 Hindi rows), without a word said."""
    return (f"the sentence encoder does not know {', '.join(unknown)}: word links there are "
            "guesses by word position and spelling, many of them wrong; check a pair before "
            "you use it")


def carry_words(linked: Bitext, current: Bitext) -> Bitext:
    """`current` with the word links of `linked` (an earlier version of it) on every link
    whose two sides read exactly as they did there, and none elsewhere.

    Why: word links of a whole text take seconds; the reader computes them in the
    background, and corrections made meanwhile must neither be lost nor get links that
    point at the wrong tokens (a link's tokens are those of its joined sentences)."""
    by_text = {(linked.link_text(k, "src"), linked.link_text(k, "tgt")): link.words
               for k, link in enumerate(linked.alignment.links) if link.words}
    new = tuple(replace(link, words=by_text.get((current.link_text(k, "src"),
                                                   current.link_text(k, "tgt")), link.words))
                for k, link in enumerate(current.alignment.links))
    return replace(current, alignment=replace(current.alignment, links=new))


def word_groups(bitext: Bitext, k: int, threshold: float = DEFAULT_CONFIG.highlight
                ) -> dict[str, tuple[tuple[int, int, int], ...]]:
    """For the reader: per side, (start, end, group) of each linked token of link k.

    Tokens joined by word links of confidence >= `threshold` share a group number (connected
    components, so one word linked to two shares both); spans are characters of the side's
    sentences joined by a space, as `Bitext.link_text` gives them.
    """
    words = [w for w in bitext.alignment.links[k].words if w.confidence >= threshold]
    if not words:
        return {"src": (), "tgt": ()}
    src, tgt = link_tokens_of(bitext, k)
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for w in words:
        if w.src < len(src) and w.tgt < len(tgt):
            parent[root(("src", w.src))] = root(("tgt", w.tgt))
    number: dict[tuple[str, int], int] = {}
    for node in sorted(parent):
        number.setdefault(root(node), len(number))
    out = {}
    for side, toks in (("src", src), ("tgt", tgt)):
        out[side] = tuple((toks[t].start, toks[t].end, number[root((s, t))])
                          for s, t in sorted(parent) if s == side)
    return out
