"""Sentence alignment: monotone many-to-many links between two sentence lists.

Why this design (issue 2): the peers we measured (Vecalign, Bertalign) score a
candidate link by the similarity of the embeddings of its concatenated
sentences; we keep that and add what they leave out.

1. Link score. Cosine of the run embeddings (`embedder.embed_runs`), minus each
   side's mean cosine to its k nearest sentences of the other text (hubness
   margin, as Vecalign and Bertalign normalise; Bertalign's local margin, to
   the sentences just outside the other side, is an option, w_nbr, off:
   align_config.py says why), plus a Gale-Church length term
   whose character ratio is estimated from the two texts, plus lexical evidence
   that survives translation (numbers, capitalised names, hashed into a vector so
   runs are sums), plus soft paragraph anchors (a bonus where a link ends on a
   paragraph break on both sides, a penalty where it crosses one). A merge
   costs more when dropping one of its end sentences would not lower its
   cosine: that sentence is likely untranslated and better left as 1-0/0-1;
   and when its content words, or an end sentence's, find fewer counterparts
   on the other side than the text's 1-1 links do (encoder word vectors,
   alignment/word_score.py).
2. Linear time and memory (Vecalign's coarse-to-fine, Bertalign's two passes):
   a 1-1/1-0/0-1 pass finds a path (on sentence blocks first when the texts are
   long), then the full pass (up to `max_side` sentences a side) runs in a band
   of `window` sentences around it. A band wider than `max_width` (a block of
   the target without counterpart, a chapter the source lacks) first has that
   block taken out of the lattice (alignment/gaps.py), so memory stays linear
   whatever the path. The full pass does not take the best-scoring path but
   the one with the most links likely right (minimum Bayes risk,
   alignment/mbr.py), on link posteriors averaged over the default scores and
   two variants (word coverage, neighbour margin) that each tuned well and
   held out badly alone (align_config.py has the figures).
3. Confidence: forward-backward over the same band gives each chosen link its
   posterior probability; a logistic map of it, its kind, its neighbours'
   posteriors, its own evidence of a wrong boundary and its agreement with the
   encoder-free aligner, fitted on dev data (benchmarks/tune_align.py),
   turns that into the probability that the link is exactly right; a link
   whose two sides share no meaning (cosine < 0.1) is never sure, nor is an
   omission beside an addition (alignment/confidence.py).
4. A language the encoder does not know: no embeddings, length and lexical
   evidence only (their own tuned weights), and a warning in the Alignment.
   There the texts are aligned twice: word pairs learnt from the first
   alignment's links (anchors.translation_pairs) become lexical anchors of the
   second (self-training, as hunalign's realign and Bleualign's second pass).

Modules: this one holds the full pass and the search; alignment/first_pass.py the
first 1-1 path (item 2); alignment/align_encoder.py the progress lent to the encoder and
what is done without it (item 4); alignment/align_config.py
the configuration (`AlignConfig`, re-exported here) and how it was tuned;
alignment/scoring.py builds each text's features and the link score of every
band cell (items 1 and the skip costs); alignment/lattice.py has the dynamic
programmes and dot products, alignment/mbr.py the posteriors and MBR decode.
Libraries: numba for the per-cell work over the band (27 link types x 44
cells x 10,000 rows made numpy's per-call overhead the cost). scipy.sparse for the lexical anchors (a
handful per sentence, so dense vectors would waste as much work as the
embeddings themselves; alignment/anchors.py builds them).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import fields, replace

import numpy as np

from alignment import confidence, gaps
from alignment.align_config import AlignConfig
from alignment.align_encoder import encoding_progress as _encoding_progress
from alignment.align_encoder import language_warnings as _language_warnings
from alignment.align_encoder import no_encoder as _no_encoder
from alignment.align_encoder import self_trained as _self_trained
from alignment.align_encoder import unknown_languages
from alignment.defaults import DEFAULT_REVIEW_THRESHOLD
from alignment.errors import InputError, UnknownComponent
from alignment.first_pass import first_path as _first_path
from alignment.first_pass import piece_cuts as _piece_cuts
from alignment.first_pass import sub_side as _sub_side
from alignment.first_pass import take_targets as _take_targets
from alignment.first_pass import viterbi as _viterbi
from alignment.lattice import Band, Lattice, band_around
from alignment.mbr import mbr_links
from alignment.memory_budget import check_memory
from alignment.progress import Progress, no_progress
from alignment.scoring import Side as _Side
from alignment.scoring import all_scores as _all_scores
from alignment.scoring import band_cover as _band_cover
from alignment.scoring import band_scores as _band_scores
from alignment.scoring import cosines as _cosines
from alignment.scoring import features as _features
from alignment.scoring import insertions as _insertions
from alignment.scoring import lexical_dots as _lexical_dots
from alignment.scoring import with_word_term as _with_word_term
from alignment.types import Alignment, Link, Sentence, Signature

__all__ = ["ALIGNER", "ALIGNER_VERSION", "DEFAULT_REVIEW_THRESHOLD", "MAX_SENTENCES", "AlignConfig",
           "align", "check_size", "config_fields", "unknown_languages"]

ALIGNER = "alignment.align"
ALIGNER_VERSION = "2"
#: Most sentences on a side aligned in one call. Why: memory grows by about 40 KB a sentence
#: (run embeddings, encoder parts; the band's scores are held to AlignConfig.max_cells;
#: measured peak 2.9 GB at 49,000 x 49,000 unrelated sentences and 4.5 GB at 100,000 x 2),
#: so 100,000 short lines, or a million (a 20 MB file may hold that), would exhaust a
#: laptop's memory instead of failing clearly. 50,000 is more than the longest novels hold
#: (War and Peace: about 30,000).
MAX_SENTENCES = 50_000
#: Steps of the "align" progress bar: encoded, first path, band scored, first decode, final
#: decode, confidences. Why so many: at 30,000 sentences a side each takes seconds to a minute,
#: and a bar that stands still looks hung (encoding reports on a bar of its own, "encode").
_STEPS = 6


def check_size(count: int, what: str, *, at_least: bool = False) -> None:
    """InputError, saying what to do, when `what` (a file name, or 'the original') has more
    sentences than one alignment takes (MAX_SENTENCES); `at_least`: `count` is a lower bound
    (its paragraphs, counted before segmenting)."""
    if count > MAX_SENTENCES:
        raise InputError(f"{what}: {'at least ' if at_least else ''}{count:,} sentences, more "
                         f"than the {MAX_SENTENCES:,} aligned at once (memory grows by about "
                         f"40 KB a sentence); align it a part at a time: a chapter, or the file "
                         f"cut in two")


def align(src: Sequence[Sentence], tgt: Sequence[Sentence], *, embedder,
          config: AlignConfig = AlignConfig(), src_lang: str | None = None,
          tgt_lang: str | None = None, progress: Progress = no_progress,
          rng: np.random.Generator | None = None) -> Alignment:
    """Align two sentence lists; every sentence is in exactly one link, in order.

    `rng` is accepted for the stage contract; the aligner is deterministic.
    """
    n, m = len(src), len(tgt)
    check_size(n, "the original")
    check_size(m, "the translation")
    check_memory(n, m, config)   # before the encoder: refused, not swapped to death
    warnings = _language_warnings(embedder, src_lang, tgt_lang)
    use_encoder = not warnings
    sig = _signature(embedder, config, use_encoder)
    if n == 0 or m == 0:
        links = [Link((i,), ()) for i in range(n)] + [Link((), (j,)) for j in range(m)]
        return Alignment(tuple(links), sig, tuple(warnings))
    progress(0, _STEPS, "align")
    cfg = config if use_encoder else _no_encoder(config)
    with _gc_paused():
        with _encoding_progress(embedder, progress):
            s_side, t_side = _features(src, tgt, embedder if use_encoder else None, cfg)
        progress(1, _STEPS, "align")
        ratio = max(t_side.clen[-1], 1.0) / max(s_side.clen[-1], 1.0)
        links, conf = _align_sides(s_side, t_side, cfg, ratio, progress)
        if cfg.self_train:
            sides = _self_trained(src, tgt, links, conf, s_side, t_side, cfg)
            if sides is not None:
                links, conf = _align_sides(*sides, cfg, ratio)
    progress(_STEPS, _STEPS, "align")
    out = confidence.capped_facing_gaps([Link(s, t, c) for (s, t), c in zip(links, conf)])
    return Alignment(tuple(out), sig, tuple(warnings))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cycle collector off while aligning. Why: the work allocates
    millions of small objects (cache rows, word lists, links) and no cycles
    worth collecting, and each full collection walks every live object of the
    process: at 10k x 10k, 4 full and 68 middle collections took 0.44 s, holding
    the GIL the other threads need. Left as it was found (on unless a caller
    turned it off)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _align_sides(s_side: _Side, t_side: _Side, cfg: AlignConfig, ratio: float,
                 progress: Progress = no_progress, dropped: int = 0, path=None):
    """Links and confidences; a band wider than cfg.max_width first takes the
    long target runs of the path out (alignment/gaps.py). `dropped`: target
    sentences already taken out, counted as 0-1 links in the omission rates."""
    n, m = len(s_side.clen) - 1, len(t_side.clen) - 1
    if path is None:
        path = _first_path(s_side, t_side, cfg, ratio)
        ratio = _matched_ratio(path, s_side, t_side, cfg, ratio)
    progress(2, _STEPS, "align")
    band = band_around(path, n, m, cfg.window)
    keep = (gaps.kept_targets(gaps.run_interiors(path, m, cfg.gap_margin))
            if band.width > cfg.max_width else None)
    if keep is not None:
        links, conf = _align_sides(s_side, _take_targets(t_side, keep), cfg, ratio, progress,
                                   dropped + m - len(keep), gaps.narrowed_path(path, keep))
        links, conf = gaps.restore(links, conf, keep, m)
        return gaps.regroup(links, conf) if cfg.group_unaligned else (links, conf)
    too_big = (n + 1) * band.width > cfg.max_cells
    cuts = _piece_cuts(path, cfg.piece_cells // band.width) if too_big else []
    if len(cuts) > 2:
        return _in_pieces(s_side, t_side, cfg, ratio, progress, dropped, path, cuts)
    with ThreadPoolExecutor(1, thread_name_prefix="early") as early:  # beside the main decode
        covers = _early_covers(early, s_side, t_side, band, cfg, path)
        types = _link_types(cfg)
        cos = _cosines(s_side, t_side, band, types) if cfg.w_sim else None
        lex = _lexical_dots(s_side, t_side, band, types)
        scores = _all_scores(s_side, t_side, band, types, cfg, ratio, path, cos, lex)
        progress(3, _STEPS, "align")
        if cfg.skip_adapt:
            links = _decode(Lattice(scores, band, n, m, _insertions(t_side, cfg)), cfg)
            cfg = _adapted_skips(links, n, m, cfg, dropped)
            for a, b, arr in scores:  # in place: the lattices take the stack without a copy (95 MB)
                if b == 0:
                    _band_scores(s_side, t_side, band, a, b, cfg, ratio, {}, None, arr)
        progress(4, _STEPS, "align")
        members = _members(s_side, t_side, band, types, cfg, ratio, path, (cos, lex), scores, covers)
        other = early.submit(_encoder_free, s_side, t_side, band, types, cfg, ratio, lex)  # meanwhile
        lattice = Lattice(scores, band, n, m, _insertions(t_side, cfg))
        links = _decode(lattice, cfg, members)
        other = other.result()
    progress(5, _STEPS, "align")
    if cfg.group_unaligned:
        links = _group_unaligned(links)
    return links, _confidences(links, lattice, s_side, t_side, cfg, other)


def _in_pieces(s_side: _Side, t_side: _Side, cfg: AlignConfig, ratio: float, progress: Progress,
               dropped: int, path, cuts: list[int]):
    """Links and confidences of the fine pass run a piece at a time (`cuts`: first_pass.piece_cuts),
    each piece aligned as a text of its own (its band, skip rates and decode), its links
    shifted back. Why: the fine pass holds about 1.5 KB a band cell (AlignConfig.max_cells),
    and the cells grow with how badly the texts match, not only with their length."""
    m = len(t_side.clen) - 1
    links, conf, count = [], [], len(cuts) - 1
    for k in range(count):
        progress(k, count, "align pieces")
        (i0, j0), (i1, j1) = path[cuts[k]], path[cuts[k + 1]]
        sub = [(i - i0, j - j0) for i, j in path[cuts[k]:cuts[k + 1] + 1]]
        got, got_conf = _align_sides(_sub_side(s_side, i0, i1), _sub_side(t_side, j0, j1), cfg,
                                     ratio, no_progress, round(dropped * (j1 - j0) / max(m, 1)), sub)
        links += [(tuple(i + i0 for i in s), tuple(j + j0 for j in t)) for s, t in got]
        conf += got_conf
    progress(count, count, "align pieces")
    return gaps.regroup(links, conf) if cfg.group_unaligned else (links, conf)


def _encoder_free(s: _Side, t: _Side, band: Band, types, cfg: AlignConfig, ratio: float,
                  lex: dict | None = None):
    """The links of the encoder-free aligner (lengths and anchors) in the same
    band, for the confidence (confidence.agreement); None when the encoder is off.
    No cosines to compute, the lexical dots (`lex`) shared: about 5% of the time
    of an alignment."""
    if not cfg.w_sim:
        return None
    plain = _no_encoder(cfg)
    links = _viterbi(_all_scores(s, t, band, types, plain, ratio, lex=lex), band, len(s.clen) - 1,
                     len(t.clen) - 1, _insertions(t, plain))
    return _group_unaligned(links) if cfg.group_unaligned else links


def _matched_ratio(path, s: _Side, t: _Side, cfg: AlignConfig, ratio: float) -> float:
    """The target/source length ratio without the blocks one text lacks.

    A missing chapter of 400 sentences in a 940-sentence translation made the
    ratio 40% too high, and the length term then paired sentences by twos and
    threes (LIMSI Alice with such a block: strict F1 0.76; 0.94 with this)."""
    s_out, t_out = gaps.unmatched_blocks(path, len(s.clen) - 1, len(t.clen) - 1, 2 * cfg.gap_margin)
    if not s_out.any() and not t_out.any():
        return ratio
    s_len = float(np.diff(s.clen)[~s_out].sum())
    t_len = float(np.diff(t.clen)[~t_out].sum())
    return max(t_len, 1.0) / max(s_len, 1.0)


def _adapted_skips(links, n: int, m: int, cfg: AlignConfig, taken_out: int = 0) -> AlignConfig:
    """Skip costs scaled by how rare omissions were in a first decode (see AlignConfig).
    `taken_out`: target sentences without counterpart already taken out (gaps.py)."""
    def scaled(rate: float) -> float:
        ratio = cfg.skip_ref_rate / max(rate, cfg.skip_min_rate)
        return cfg.skip * float(np.clip(ratio ** cfg.skip_adapt, 0.25, 4.0))

    dropped = sum(1 for _, t in links if not t) / max(n, 1)
    added = (sum(1 for s, _ in links if not s) + taken_out) / max(m + taken_out, 1)
    return replace(cfg, skip=scaled(dropped), skip_ins=scaled(added))


def _group_unaligned(links):
    """Consecutive sentences without counterpart as one link (the LIMSI convention)."""
    return gaps.regroup(links, [0.0] * len(links))[0]


def _signature(embedder, cfg: AlignConfig, use_encoder: bool) -> Signature:
    keys = ("max_side", "max_total", "window", "w_sim", "w_len", "w_lex", "tau", "skip",
            "merge_penalty", "para_bonus", "temperature", "w_drop", "drop_margin", "skip_adapt",
            "self_train", "plain_self_train")
    params = tuple((k, str(getattr(cfg, k))) for k in keys)
    if cfg.w_nbr:  # named only when on, so alignments without it keep their signature
        params += (("w_nbr", str(cfg.w_nbr)),)
    if cfg.w_word:  # named only when on, as w_nbr
        params += (("w_word", str(cfg.w_word)), ("word_floor", str(cfg.word_floor)))
    if cfg.decode != "viterbi" and use_encoder:  # named only when used, as w_nbr
        params += (("decode", cfg.decode), ("mbr_temperature", str(cfg.mbr_temperature)),
                   ("mbr_theta", str(cfg.mbr_theta)))
        if cfg.mbr_members:
            params += (("mbr_members", str(cfg.mbr_members)),)
    if not use_encoder:
        params += (("encoder", "unused"),)
    return Signature(aligner=ALIGNER, version=ALIGNER_VERSION,
                     embedder=str(getattr(embedder, "name", "")),
                     embedder_version=str(getattr(embedder, "version", "")), params=params)


def _link_types(cfg: AlignConfig) -> list[tuple[int, int]]:
    """(1, 0), (0, 1) handled apart; here every a-b with 1 <= a, b <= max_side."""
    types = [(1, 0)]
    for a in range(1, cfg.max_side + 1):
        for b in range(1, cfg.max_side + 1):
            if a + b <= cfg.max_total:
                types.append((a, b))
    return types


# ---------------------------------------------------------------- search

def _decode(lattice: Lattice, cfg: AlignConfig, members=()):
    """The fine pass's path: Viterbi, or MBR (cfg.decode; alignment/mbr.py) on the
    posteriors of this lattice averaged with those of `members` (_members)."""
    if cfg.decode == "viterbi":
        return lattice.viterbi()
    if cfg.decode != "mbr":
        raise UnknownComponent(f"decode must be 'viterbi' or 'mbr', not {cfg.decode!r}")
    return mbr_links(lattice, cfg.mbr_temperature, cfg.mbr_theta, members)


def _members(s: _Side, t: _Side, band: Band, types, cfg: AlignConfig, ratio: float, path, dots,
             scores, covers: dict):
    """Makers of the lattices of the same band under each configuration of
    cfg.mbr_members (knobs changed from `cfg`, skip costs adapted included), for
    posterior averaging (mbr.py builds them in threads); `dots`: the band's
    cosines and lexical dots, shared and only read. A member changing w_word alone takes `scores`
    plus its word term (scoring.with_word_term), its coverage from `covers`."""
    if cfg.decode != "mbr":
        return []
    n, m, ins = len(s.clen) - 1, len(t.clen) - 1, _insertions(t, cfg)

    def maker(member) -> Callable[[], Lattice]:
        other = replace(cfg, **dict(member))
        if member in covers:
            return lambda: Lattice(_with_word_term(scores, band, other.w_word, covers[member].result()),
                                   band, n, m, ins)
        return lambda: Lattice(_all_scores(s, t, band, types, other, ratio, path, *dots), band,
                               n, m, _insertions(t, other))

    return [maker(member) for member in cfg.mbr_members]


def _early_covers(pool, s: _Side, t: _Side, band: Band, cfg: AlignConfig, path) -> dict:
    """MBR member -> Future of its word coverage, for each member that changes only
    w_word from a configuration without it; started in `pool` as soon as the band
    is known (the longest part of such a member, it then runs beside the main
    scores and the first decode)."""
    if cfg.decode != "mbr" or cfg.w_word:
        return {}
    return {member: pool.submit(_band_cover, s, t, band, replace(cfg, **dict(member)), path)
            for member in cfg.mbr_members if [k for k, _ in member] == ["w_word"]}


def _confidences(links, lattice: Lattice, s: _Side, t: _Side, cfg: AlignConfig,
                 other=None) -> list[float]:
    """Calibrated probability that each chosen link is exactly right (alignment/confidence.py);
    `lattice`: the final decode's; `other`: the encoder-free alignment's links (_encoder_free)."""
    cosines = confidence.link_cosines(links, s, t)
    x = confidence.features(links, lattice, cfg.temperature, s, t, cosines, cfg.gc_variance, other)
    min_cos = confidence.min_cosines(links, s.clen, t.clen, cfg) if cfg.w_sim else None
    return [float(c) for c in confidence.confidences(x, cfg.conf_weights, cosines, min_cos=min_cos,
                                                      cap=cfg.conf_low_cap)]


def config_fields() -> tuple[str, ...]:
    """Names of every AlignConfig knob (for the CLI and the tuning script)."""
    return tuple(f.name for f in fields(AlignConfig))
