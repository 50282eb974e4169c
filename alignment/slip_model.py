"""Real-word slips weighed by one fitted model instead of hand-set rules.

Part of the check stage (slips.py's check_realword runs it after its rules). The rules
of slips.py and context_slips.py each ask for one strong piece of evidence (a near-certain
translation, a cognate, the context alone) and so miss slips where several weak ones
agree: 'It max be said' (context ratio 13.6, 'may' 0.93 close to an original word that a
word link already gives to 'perhaps'), 'beloved fiend' (context 3.3, 'friend' 0.81 close
to 'amie'). Here every candidate intended word one or two edits from a translation word
without counterpart gets a few features, and a logistic model fitted on injected slips
(benchmarks/fit_slips.py: seeds 5-12 of the LIMSI and Text+Berg dev windows of
bench_checks.py, never the seeds 0-4 the closing figures use) turns them into a probability;
a word is reported when its best candidate reaches `CheckConfig.slip_model_floor`. Two
rules stay hard: the word written must stand where the original word goes (lw.in_place:
the soft feature let 'hand' read as 'and' far from 'et'), and an intended word already
written as often as the original calls for it is none ('He laughed and band sang').
A candidate stands for the original word closest to it among those in the written word's
place: taking the closest of all and dropping the candidate when that one was elsewhere
lost slips of repeated words ('scratching add scrambling' read against the sentence's
first 'et'); on LIMSI fit seeds 5-12 36 of 74 missed slips were such. Two features came
with it: `deficit` (how many of the intended word the text's own word links expect from
the link's original words, less those written) and `cos_written_here` (the word written
against that original word, not its best match anywhere); later `written_fit` (the
English bigram fit of the word written between its neighbours, clipped at -20: a slip
rarely fits where it stands; fit seeds 210 -> 213, seeds 3-4 40 -> 42, LIMSI seeds 0-2
64 -> 65 of 99, none more on clean links). Refitted: fit seeds 5-12 203 ->
210 of 311 at floor 0.3 with no finding on their clean links (the weights before, on the
candidates in place), seeds 3-4 38 -> 41 of 61; bench_checks --word-links LIMSI seeds 0-2
62 -> 64 of 99 at warning, real-word false alarms unchanged (2 of 2,271 clean links); held
out, alibi 24 -> 25 of 33, its false alarms unchanged (8 of 715).
Measured (fit_slips.py --fit 5-12 --report 0-4, on top of the rules): LIMSI seeds 0-4
75 -> 99 of 160 slips, Text+Berg dev 9 -> 15 of 45, with 0.5 / 0 more findings per 1,000
clean links. The sentence gain (the encoder reading the candidate in its sentence) is
worth 94 -> 99 and 10 -> 15 of those. Hard guards for word links elsewhere and for an
original word that already has a counterpart cost 8-13 of 160 held-out slips for no
fewer false alarms, so the model weighs them instead (fitted weights -0.7 and -2.6).

The seeds differ only in the slips they inject: LIMSI has 1,001 clean 1-1 links, so every
seed's window is the same text and on seeds 0-4 the model has seen the clean links whose
false alarms are counted. `fit_slips.py --by-book` scores each book with a model fitted on
the other four (2026-12-02, the shipped trees' settings): LIMSI seeds 0-4 at floor 0.3, 115
of 160 slips found with 2.9 model findings per 1,000 clean links (Les Confessions 11.9, the
Mohicans 8.7: two-edit readings of free translations, 'gray light' read as 'day' for
'jour'), against 117 and 0.3 in-sample. Monotonic constraints on the trees (each feature's
sign fixed): 111 and 3.4; a floor of 0.6 for two-edit candidates: 104 and 0.5. Nor more seeds
to fit on (2026-12-08, `fit_slips.py --by-book`, report seeds 0-4 at floor 0.3, the slip types of
today's bench): fitted on seeds 5-12 146 of 245 slips with 5.8 findings per 1,000 clean links; on
5-30 (26 seeds against 8) 146 with 7.0; on 13-30 144 with 7.3. The seeds repeat one text's clean
links, so more seeds add slips but no new clean text. Half the two-edit misses are words the
English bigram lists know nothing about on either side ('nice greed words', "I'd harry
finished", "hadn't dries so": the best candidate's context within 0.1 of 0 for 10 of LIMSI
seeds 0-2's 19 misses).

Two fits: translations into English (`slip_model_weights`, with the English context
model's features) and translations without a context model, French (`slip_model_weights_plain`,
fitted on French translations only: `fit_slips.py --lang fr`; check_config.FRENCH_SLIP_WEIGHTS).
The French fit reports at info (`slip_model_level_plain`): a single fit over LIMSI and Text+Berg
dev that ran for French gave, on Text+Berg test (German -> French, never used to fit), 7
real-word warnings on 502 clean links against 3 without it, and the French-only fit as a
warning still doubles those false alarms there (5.3 -> 9.9 per 1,000, seeds 0-2) while it
finds 34 slips of 79 instead of 20; as info it costs no warning and shows those 34 to a
proofreader who asks for info. Its readings one edit from the word written are the exception,
warnings (`_plain_level`): scored book by book they made no false alarm.

Translations into English are weighed by a boosted tree ensemble instead of the logistic
weights (`CheckConfig.slip_model_trees`, slip_trees_en.json: 200 trees of 8 leaves over the same
FEATURES, fitted on the same candidates of LIMSI seeds 5-12 by fit_slips.py --trees with
scikit-learn, which is needed for that refit only; the trees are evaluated here in numpy). Why:
the misses were mostly function words the French leaves implicit or spreads ('had' for 'étais',
'will' for a future, 'their'), where evidence only counts together (a context ratio that matters
when no original word is close, a cosine that matters when the context is silent); products of
function_intended with the other features, and five more features (the candidate's own bigram fit,
its log ratio's margin over the suspect's other candidates, its best table share among the
original words in place, how many of the word written the original calls for, the number of
candidates) left the logistic fit where it was (leave-one-seed-out over seeds 5-12 at floor 0.3:
205-214 of 311 against 208). The trees: 223 of 311, 1 clean link flagged as before. On the seeds
never fitted, realword check only at warning (the windows of bench_checks --word-links): LIMSI
seeds 0-2 65 -> 73 of 99, seeds 3-4 42 -> 44 of 61, realword false alarms 2 -> 3 and 2 -> 2 on
2,271 and 1,504 clean links ('chosen' read as 'those' for 'ceux'); held out, alibi seeds 0-2 25 ->
27 of 33 with its false alarms unchanged. A floor of 0.35 keeps the new false alarm and finds
70 and 43. The ensemble's figures swing with its size (100 trees of 6 leaves: 72 and 47 in
the fit's own count; 60 of 4: 68 and 40) and the fit seeds cannot set its floor (it flags none of
their clean links at any floor): 0.3 is the logistic model's.
Tried and not kept (branch rw4-trees600): twice the data and feature sampling (fit_slips.py --fit
5-20 --trees --tree-count 600 --max-features 0.6: 600 trees of 8 leaves, each split among a random
60% of the features), its floor fitted 4-fold by seed over seeds 5-20 (12,084 clean links: 200 trees
of all features 450 of 581 slips at 0.2 with 4 model findings on clean links; 600 at 0.6 470 at 0.1
with 2, 431 at 0.3 with 1; 400 of all features 479 at 0.1 with 7). At 0.1, on the seeds never fitted:
LIMSI seeds 0-2 73 -> 78 of 99, seeds 3-4 44 -> 51 of 61, realword false alarms 3 -> 3 and 2 -> 2, but
held out, alibi seeds 0-2 27 -> 27 of 33 with realword false alarms 8 -> 11 on 715 clean links: the
low floor's extra findings on unseen text are mostly false. More seeds alone (200 trees, 5-20) found
no more (0.3: 428 against 431).
Nor (2026-12-01) a local reading of the candidate: the encoder's cosine of the original's words
around the word it stands for (4 or 6 either side) with the translation's words around the suspect
(3 or 2 either side), with the candidate against as written, for the candidates the sentence gain
tries. It tells slips better than the sentence gain does (AUC among those candidates 0.79-0.81
against 0.77; correlation 0.55-0.59), but as an 18th feature of the same trees (seeds 5-12) it found
72 of 99 slips on LIMSI seeds 0-2 at 0.3 as without it (seeds 3-4 44-45 of 61 against 45; each fit
seed left out in turn, 228-229 of 311 against 224), for one more encoded pair per candidate.
Nor (2026-12-04) a lower floor for the shipped trees (bench_checks --word-links, seeds 0-2): at 0.2
LIMSI 77 of 100 one- and two-edit slips as at 0.3 with 2 more real-word warnings on clean links,
free multi-sentence links (--multi) 4-12 more per 1,000; at 0.15 79 of 100, with alibi 1 more a
window too. The misses the trees see are mostly where the English bigram list is silent: it keeps
pairs above ten million occurrences, so 'quite tired', 'old fellow', 'were preceded' and 'hardly
finished' are as unknown as the slips 'quits tired', 'old mellow', 'work preceded', 'harry finished'
(log ratio 0, p 0.04-0.13). Nor the trees refitted (same command, seeds 5-12) once the context model
stopped reading unlisted words as a perfect fit (context_lm.Ngrams.unseen), which moved the
'context' and 'written_fit' features of such words: LIMSI seeds 0-4 one- and two-edit slips at
warning 130 -> 123 of 164 (near ones 18 -> 20 of 81), alibi and --multi one more real-word warning
on clean links a window: the shipped trees stay.
Nor a lower floor where the text's own table backs the reading (table_share and deficit 0.5 or
more: 'why' for 'when' / 'quand', 0.69 of this text's 'quand'; p 0.19): candidates of LIMSI fit
seeds 5-12 at 0.2 found 1 slip more of 465, at 0.1 3 more with 9 on clean links; seeds 0-4 1 and 3
more of 245 with 2 and 11 on clean links.
Nor (2026-12-04) the trees without two-edit readings of short words, whose false alarms fill the
free multi-sentence links ('white kid gloves' read as 'and' or 'in', 'cap flying wide' as 'wind'):
LIMSI seeds 0-2 two-edit slips at warning 36 -> 28 of 54 (words of 3 letters) or 22 (4), warnings
on the 1-1 windows' clean links unchanged.
Nor (2026-12-07) an 18th feature from the translation's own word pairs: how often the text
writes the intended word beside the suspect's neighbours in other links, against the word written
(log1p of each count; 'old fellow', 'quite tired', 'spirit and' are written elsewhere in the LIMSI
books, though the bigram list lacks them). The trees refitted on it (seeds 5-12): fit seeds 285 ->
293 of 465 at 0.3 with one clean link flagged, report seeds 0-4 147 -> 149 of 245; but bench_checks
--word-links LIMSI seeds 0-2 one- and two-edit slips at warning 76 -> 75 of 100.

Nor (2026-12-07) the names check's two readings (name_reread.py) for a reading the trees leave
just below the floor (p 0.03-0.3): the intended word in place raising the sentence cosine and the
written word left out raising it too. On LIMSI seeds 0-8, at bars from 0 / 0 to 0.05 / 0.02, as
many clean links pass as slips (41 slips and 57 clean; 9 and 12): a word with no counterpart in a
free translation means as little to the encoder as a slip does.

No library beyond numpy to run: the features come from the evidence already built (word vectors,
word links, the text's own table, the English bigram list) and the model is a dot product or
the trees.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .cognates import function_words, make_finding
from .context_lm import Ngrams, contexts, log_ratio
from .errors import AlignmentError
from .evidence import LinkWords, WordEvidence
from .slip_links import decided, linked_cosine
from .text_lexicon import TextLexicon
from .types import Bitext, Finding, Severity, Span

if TYPE_CHECKING:
    from .check_config import CheckConfig

FEATURES = ("bias", "context", "has_context", "cos_intended", "cos_written", "rival", "linked_else",
            "two_edits", "log_freq_ratio", "log_text_count", "table_share", "short",
            "function_intended", "sentence_gain", "deficit", "cos_written_here", "written_fit")
SENTENCE_COSINE = 0.7   # candidates at least this close to an original word are tried in the sentence
MIN_COSINE = 0.5        # an intended word less close to the original word it stands for is none:
                        # 2 of 355 injected slips' intended words on LIMSI seeds 3-12 are (and
                        # 60% of all candidates); the context alone ('went info the') is no slip


@dataclass(frozen=True)
class Candidate:
    """One possible slip: translation word j of the link, written w, maybe meant c for original word k."""

    j: int
    written: str
    intended: str
    k: int
    x: np.ndarray   # the FEATURES


def _suspects(lw: LinkWords, config: CheckConfig) -> list[int]:
    """Translation words that could be slips: lower case, letters only, no counterpart."""
    t_ok = lw.matched("tgt", config.name_similarity, config.slip_cosine)
    return [j for j, (w, *_) in enumerate(lw.tgt) if not t_ok[j] and w.isalpha() and w[0].islower()
            and len(w) >= 2]


def candidates(i: int, bitext: Bitext, lw: LinkWords, evidence: WordEvidence, lexicon: TextLexicon,
               models: Sequence[Ngrams], config: CheckConfig) -> list[Candidate]:
    """Every (suspect word, intended word) pair of link i with its features."""
    from .slip_words import near_words, plausible_words, word_index

    lang = bitext.tgt_lang
    suspects = _suspects(lw, config)
    if lw.cos is None or not lw.src or not suspects:
        return []
    near = {j: plausible_words(near_words(lw.tgt[j][0], lang, 2 if len(lw.tgt[j][0]) >= 3 else 1),
                          lw.tgt[j][0], lang) for j in suspects}
    cands = sorted({c for cs in near.values() for c, _ in cs})
    if not cands:
        return []
    originals = [w for w, *_ in lw.src]
    cos = evidence.cosines(cands, originals)
    row = {c: r for r, c in enumerate(cands)}
    ctx = {a: c for _, a, _, c in contexts(bitext.link_text(i, "tgt"), lang)}
    index, common = word_index(lang).words, function_words(lang)
    folded = [o.casefold() for o in originals]
    same = np.array([[c == o for o in folded] for c in (c.casefold() for c in cands)])
    cos = np.where(same, -1.0, cos)
    have = Counter(w.casefold() for w, *_ in lw.tgt)
    out = []
    for j in suspects:
        w, a, _ = lw.tgt[j]
        others = np.delete(lw.cos, j, axis=1)
        rival_k = others.max(axis=1) if others.size else np.zeros(len(originals))
        linked_k = linked_cosine(lw, j)
        placed = lw.in_place_all(j)
        if not placed.any():   # 'hand' far from where 'et' goes is no slip for 'and'
            continue
        here = ctx.get(a, (None, None))
        fit = sum(m.log_fit(w.lower(), here) for m in models)   # of the word written: once a suspect
        for c, d in near[j]:
            k = int(np.where(placed, cos[row[c]], -np.inf).argmax())
            if cos[row[c], k] < MIN_COSINE:
                continue
            lr = log_ratio(models, c, w, here) if models else 0.0
            linked_else = float(decided(linked_k[k], cos[row[c], k]))   # slip_links.py
            x = np.array([1.0, _clip(lr, -10, 20), float(bool(models)), float(cos[row[c], k]),
                          float(lw.cos[:, j].max()), float(rival_k[k]), linked_else, float(d > 1),
                          _clip(math.log(max(index.get(c.casefold(), 1), 1) / max(index.get(w.casefold(), 1), 1)), -8, 8),
                          math.log1p(lexicon.counts[w.casefold()]),
                          lexicon.share(originals[k], c, i), float(len(w) <= 3),
                          float(c.casefold() in common), 0.0,
                          _clip(lexicon.expected(c, originals, i) - have[c.casefold()], -3, 3),
                          float(lw.cos[k, j]), _clip(fit, -20, 20)])
            out.append(Candidate(j, w, c, k, x))
    return _with_sentence_gain(i, bitext, lw, evidence, out)


def _clip(v: float, lo: float, hi: float) -> float:
    """float(np.clip(v, lo, hi)) for one number, without numpy's overhead (56,000 calls a book)."""
    return float(min(max(v, lo), hi))


def _with_sentence_gain(i: int, bitext: Bitext, lw: LinkWords, evidence: WordEvidence,
                        cands: list[Candidate]) -> list[Candidate]:
    """Each candidate close to an original word (cosine >= SENTENCE_COSINE) also gets the
    gain in the two sides' sentence cosine when it replaces the word written: the encoder
    reads the word in its sentence ('hot gear upon its nose' against 'hot tea ...'), which
    no single word's vector does. One batch per link; 0 without an encoder to call."""
    tried = [n for n, c in enumerate(cands) if c.x[3] >= SENTENCE_COSINE]
    if evidence.encode is None or not tried:
        return cands
    src, tgt = bitext.link_text(i, "src"), bitext.link_text(i, "tgt")
    variants = []
    for n in tried:
        _, a, b = lw.tgt[cands[n].j]
        variants.append(tgt[:a] + cands[n].intended + tgt[b:])
    evidence.add_pairs([(src, t) for t in (tgt, *variants)])
    base = evidence.pair_cosine(src, tgt)
    gains = [evidence.pair_cosine(src, t) - base for t in variants]
    out = list(cands)
    for n, g in zip(tried, gains):
        x = cands[n].x.copy()
        x[FEATURES.index("sentence_gain")] = 10.0 * float(g)
        out[n] = Candidate(cands[n].j, cands[n].written, cands[n].intended, cands[n].k, x)
    return out


@dataclass(frozen=True, eq=False)
class Trees:
    """A boosted ensemble of regression trees over FEATURES (fit_slips.py --trees writes it):
    per tree and node the feature tested, its threshold (go left when the value is at most
    it), the left and right child (-1 at a leaf) and the leaf's value; the log-odds are
    `base` plus the values of the leaves reached."""

    base: float
    feature: np.ndarray     # (trees, nodes) int
    threshold: np.ndarray   # (trees, nodes) float
    left: np.ndarray        # (trees, nodes) int, -1 at a leaf
    right: np.ndarray       # (trees, nodes) int
    value: np.ndarray       # (trees, nodes) float

    def log_odds(self, x: np.ndarray) -> np.ndarray:
        """Log-odds of each row of x (n, FEATURES): all trees walked for all rows at once,
        one step of depth at a time (a loop over 200 trees took the long-text check 3x longer)."""
        trees = np.arange(len(self.feature))[:, None]
        rows = np.arange(len(x))[None, :]
        node = np.zeros((len(self.feature), len(x)), dtype=int)
        while True:
            left = self.left[trees, node]
            inner = left >= 0
            if not inner.any():
                break
            go_left = x[rows, np.maximum(self.feature[trees, node], 0)] <= self.threshold[trees, node]
            node = np.where(inner, np.where(go_left, left, self.right[trees, node]), node)
        return self.base + self.value[trees, node].sum(axis=0)


def trees_from_dict(data: dict) -> Trees:
    """Trees from their JSON form: {"features": FEATURES, "base": b, "trees": [[[feature,
    threshold, left, right, value], ...], ...]}, each tree padded with leaves to one size."""
    if tuple(data.get("features", ())) != FEATURES:
        raise AlignmentError("slip trees fitted on other features than slip_model.FEATURES")
    size = max(len(t) for t in data["trees"])
    pad = [t + [[-1, 0.0, -1, -1, 0.0]] * (size - len(t)) for t in data["trees"]]
    arr = np.array(pad, dtype=float)
    return Trees(float(data["base"]), arr[..., 0].astype(int), arr[..., 1], arr[..., 2].astype(int),
                 arr[..., 3].astype(int), arr[..., 4])


@lru_cache(maxsize=4)
def load_trees(name: str) -> Trees:
    """The ensemble kept as `name` beside this module (CheckConfig.slip_model_trees)."""
    return trees_from_dict(json.loads((Path(__file__).parent / name).read_text(encoding="utf-8")))


def _already_written(word: str, lw: LinkWords, evidence: WordEvidence, close: float = 0.7) -> bool:
    """Is word written in the link as often as original words call for it ('He laughed and
    band sang': 'et' has its 'and', so 'band' is no slip for it; 'in hero own mind, for her
    mother' has one 'her' for two 'sa')?"""
    have = sum(w.casefold() == word.casefold() for w, *_ in lw.tgt)
    if not have:
        return False
    needed = int((evidence.cosines([word], [o for o, *_ in lw.src]) >= close).sum())
    return have >= needed


def _plain_level(cand: Candidate, config: CheckConfig) -> Severity:
    """The level of a finding of the model without a context model (French translations).

    Scored book by book (`python benchmarks/fit_slips.py --lang fr --fit 5-12 --report 0-4
    --by-book`: each LIMSI book and Text+Berg dev by weights fitted on the others), its
    readings one edit from the word written made no finding on 4,645 clean links at the floor
    0.4 and found 21 slips the rules missed; those two edits away found 14 with 10 false alarms
    (2.2 per 1,000). So a one-edit reading is a warning, a two-edit one stays at
    `slip_model_level_plain`."""
    one_edit = cand.x[FEATURES.index("two_edits")] == 0
    return "warning" if one_edit and config.slip_model_warn_one_edit_plain \
        else config.slip_model_level_plain


def model_slips(i: int, bitext: Bitext, lw: LinkWords, evidence: WordEvidence, lexicon: TextLexicon,
                models: Sequence[Ngrams], done: set[int], config: CheckConfig) -> Iterator[Finding]:
    """Words of link i whose likeliest intended word scores `slip_model_floor` or more
    (`slip_model_weights`); without a context model (`models` empty: French), the weights
    and floor fitted on French translations (`slip_model_weights_plain`, off when empty),
    reported at `slip_model_level_plain` (info: half its held-out findings were false alarms),
    except readings one edit from the word written, which are warnings (`_plain_level`)."""
    weights = np.asarray(config.slip_model_weights if models else config.slip_model_weights_plain)
    floor = config.slip_model_floor if models else config.slip_model_floor_plain
    if weights.size != len(FEATURES):
        return
    cands = candidates(i, bitext, lw, evidence, lexicon, models, config)
    if not cands:
        return
    x = np.array([c.x for c in cands])
    trees = config.slip_model_trees if models else ""
    if trees:
        z, floor = load_trees(trees).log_odds(x), config.slip_model_trees_floor
    else:
        z = x @ weights
    probs = 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))
    best: dict[int, tuple[float, Candidate]] = {}
    for cand, p in zip(cands, probs.tolist()):
        if p >= floor and p > best.get(cand.j, (0.0, None))[0] \
                and not _already_written(cand.intended, lw, evidence):
            best[cand.j] = (p, cand)
    for j, (p, cand) in sorted(best.items()):
        w, a, b = lw.tgt[j]
        if a in done:
            continue
        o, oa, ob = lw.src[cand.k]
        level = "warning" if models else _plain_level(cand, config)
        yield make_finding(i, "realword", level, f"'{w}' may be a slip for '{cand.intended}' "
                           f"(original: '{o}')", Span("tgt", a, b), Span("src", oa, ob))

