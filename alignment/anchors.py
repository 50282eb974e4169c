"""Lexical anchors: the words a translator keeps as they are (numbers, names).

Why: two sentences that share "1925" or "Serge" are likely translations of
each other whatever the encoder thinks, and for a language the encoder does
not know these anchors and the lengths are all the aligner has. Each sentence
gets a bag of anchors; a run of r consecutive sentences gets the normalised sum
of its sentences' bags, so a link's lexical score is one cosine, like its
embedding score.

Library: scipy.sparse, because a sentence has a handful of anchors: a dense
vector would cost as much as an embedding in every dot product.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from alignment.lang import MARKS
from alignment.types import Sentence


def shared_anchor_runs(src: Sequence[Sentence], tgt: Sequence[Sentence], k: int,
                       pairs: dict[str, dict[str, str]] | None = None, weight: float = 1.0
                       ) -> tuple[list, list]:
    """For r = 1..k, run vectors of lexical anchors, kept to the anchors both texts have.

    `pairs`: word translations learnt from the text ("src"/"tgt": word -> anchor
    name, see translation_pairs), added as anchors of `weight`.
    Norms count every anchor; the dot products only need the shared ones, and
    a small column space keeps the sparse products cheap."""
    pairs = pairs or {"src": {}, "tgt": {}}
    s_feats = [anchor_features(x.text) + _pair_features(x.text, pairs["src"], weight) for x in src]
    t_feats = [anchor_features(x.text) + _pair_features(x.text, pairs["tgt"], weight) for x in tgt]
    vocab: dict[str, int] = {}
    for feats in (s_feats, t_feats):
        for sent in feats:
            for f, _ in sent:
                vocab.setdefault(f, len(vocab))
    s_raw, t_raw = _lexical(s_feats, vocab), _lexical(t_feats, vocab)
    shared = np.intersect1d(s_raw.indices, t_raw.indices)
    s_runs = [r[:, shared].tocsr() for r in _runs_of(s_raw, k)]
    t_runs = [r[:, shared].tocsr() for r in _runs_of(t_raw, k)]
    return s_runs, t_runs


_TOKEN = re.compile(rf"\w+(?:[{MARKS}]+\w*)*")   # a combining mark stays in its word (lang.MARKS)


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def anchor_features(text: str) -> list[tuple[str, float]]:
    """Tokens likely to be kept verbatim by a translator: numbers and names."""
    feats = []
    for pos, tok in enumerate(_TOKEN.findall(text)):
        # isalpha() first: letters are never digits, and most tokens are words
        if not tok.isalpha() and any(ch.isdigit() for ch in tok):
            feats.append(("#" + tok, 2.0))
        elif len(tok) > 1 and tok[0].isupper():
            feats.append((_fold(tok)[:6], 1.0 if pos else 0.5))
    return feats


def _words(text: str) -> set[str]:
    return {_fold(w) for w in _TOKEN.findall(text) if len(w) > 3 and w.isalpha()}


def _pair_features(text: str, table: dict[str, str], weight: float) -> list[tuple[str, float]]:
    return [(table[w], weight) for w in _words(text) if w in table] if table else []


def translation_pairs(src: Sequence[str], tgt: Sequence[str], *, min_count: int = 3,
                      min_dice: float = 0.3) -> dict[str, dict[str, str]]:
    """Word translations learnt from sentence pairs the aligner is sure of.

    Self-training as hunalign's realign and Bleualign's second pass do: the Dice
    coefficient of two words over the pairs, kept where each is the other's best
    partner, seen together at least `min_count` times. Returns, per side, word ->
    anchor name (a pair's two words share one name)."""
    s_sets, t_sets = [_words(x) for x in src], [_words(x) for x in tgt]
    s_voc = {w: i for i, w in enumerate(sorted(set().union(*s_sets)))} if s_sets else {}
    t_voc = {w: i for i, w in enumerate(sorted(set().union(*t_sets)))} if t_sets else {}
    if not s_voc or not t_voc:
        return {"src": {}, "tgt": {}}
    S, T = (_incidence(sets, voc) for sets, voc in ((s_sets, s_voc), (t_sets, t_voc)))
    both = (S.T @ T).tocoo()
    fs, ft = np.asarray(S.sum(axis=0)).ravel(), np.asarray(T.sum(axis=0)).ravel()
    dice = 2 * both.data / (fs[both.row] + ft[both.col])
    ok = (both.data >= min_count) & (dice >= min_dice)
    rows, cols, dice = both.row[ok], both.col[ok], dice[ok]
    best_s, best_t = {}, {}
    for r, c, d in zip(rows, cols, dice):
        if d > best_s.get(r, (0, -1))[0]:
            best_s[r] = (d, c)
        if d > best_t.get(c, (0, -1))[0]:
            best_t[c] = (d, r)
    s_words, t_words = sorted(s_voc, key=s_voc.get), sorted(t_voc, key=t_voc.get)
    out: dict[str, dict[str, str]] = {"src": {}, "tgt": {}}
    for r, (_, c) in best_s.items():
        if best_t[c][1] == r:
            name = f"~{s_words[r]}~{t_words[c]}"
            out["src"][s_words[r]], out["tgt"][t_words[c]] = name, name
    return out


def _incidence(sets: list[set[str]], voc: dict[str, int]) -> sparse.csr_matrix:
    rows = [i for i, ws in enumerate(sets) for _ in ws]
    cols = [voc[w] for ws in sets for w in ws]
    return sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)),
                             shape=(len(sets), len(voc)))


def _lexical(feats: list[list[tuple[str, float]]], vocab: dict[str, int]) -> sparse.csr_matrix:
    """Bag of lexical anchors, one sparse row per sentence (unnormalised).

    Sparse (scipy) because a sentence has a handful of anchors: a dense vector
    would cost as much as an embedding in every dot product."""
    rows = [i for i, sent in enumerate(feats) for _ in sent]
    cols = [vocab[f] for sent in feats for f, _ in sent]
    vals = [w for sent in feats for _, w in sent]
    return sparse.csr_matrix((np.asarray(vals, np.float32), (rows, cols)),
                             shape=(len(feats), max(len(vocab), 1)), dtype=np.float32)


def _runs_of(rows: sparse.csr_matrix, k: int) -> list[sparse.csr_matrix]:
    """For r = 1..k: normalised sums of r consecutive rows (empty past the end)."""
    n = rows.shape[0]
    starts = np.arange(n)
    return [sum_rows(rows, starts, np.minimum(starts + r, n) * (starts + r <= n)) for r in range(1, k + 1)]


def sum_rows(rows: sparse.csr_matrix, starts: np.ndarray, ends: np.ndarray) -> sparse.csr_matrix:
    """Row q of the result: normalised sum of rows[starts[q]:ends[q]] (empty if ends <= starts)."""
    size = np.maximum(ends - starts, 0)
    q = np.repeat(np.arange(len(starts)), size)
    first = np.repeat(starts - (np.cumsum(size) - size), size)  # starts[q] - offset of q's entries
    cols = first + np.arange(len(q))  # starts[q], starts[q] + 1, .. for each q
    summing = sparse.csr_matrix((np.ones(len(q), np.float32), (q, cols)),
                                shape=(len(starts), rows.shape[0]))
    out = (summing @ rows).tocsr()
    norms = np.sqrt(np.asarray(out.multiply(out).sum(axis=1)).ravel())
    return (sparse.diags(1 / np.maximum(norms, 1e-9)) @ out).tocsr().astype(np.float32)
