"""Evaluation against gold sentence alignments: scoring and bench runs.

The gold documents are read by gold.py (Text+Berg's Vecalign files, LIMSI's CES
XML); its names stay importable from here.

`score` reproduces Vecalign's score.py exactly, so our figures compare with the
published ones: strict = exact link match, lax = shares a source and a target
sentence with one gold link; precision counts every hypothesis link (a 1-0 or
0-1 link is a hit only when the gold has it exactly), recall ignores links with
an empty side in both gold and hypothesis; several documents are micro-averaged
by summing counts. Everything here returns data; only cli/bench.py formats it.
"""

from __future__ import annotations

import resource
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import BenchDataError
from .gold import (
    LIMSI_LANGS,
    SPLITS,
    TEXTBERG_LANGS,
    GoldDoc,
    concat_docs,
    iter_bench,
    read_limsi_book,
    read_textberg,
    read_vecalign_links,
)
from .progress import Progress, no_progress
from .types import Alignment, Link, Signature

Pair = tuple[tuple[int, ...], tuple[int, ...]]
AlignFn = Callable[..., Alignment]

__all__ = [
    "LIMSI_LANGS", "SPLITS", "TEXTBERG_LANGS", "AlignFn", "BenchResult", "DocResult", "GoldDoc", "Pair",
    "Scores", "concat_docs", "confidence_counts", "iter_bench", "peak_rss_mb", "read_limsi_book",
    "read_textberg", "read_vecalign_links", "run_bench", "score",
]


# ---------------------------------------------------------------- scoring

@dataclass(frozen=True)
class Scores:
    """Strict and lax precision/recall/F1 with the counts behind them.

    Precision counts: hypothesis links that hit (tp) or miss (fp). Recall
    counts: non-empty gold links found (tp) or missed (fn). `docs` documents
    were summed (micro-average); `signature` says what produced the hypothesis.
    """

    p_tp_strict: int
    p_fp_strict: int
    p_tp_lax: int
    p_fp_lax: int
    r_tp_strict: int
    r_fn_strict: int
    r_tp_lax: int
    r_fn_lax: int
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float
    docs: int = 1
    signature: Signature = field(default_factory=Signature)


def _pairs(links: Iterable[Link | Pair], *, both_sides: bool = False) -> set[Pair]:
    pairs = set()
    for link in links:
        src, tgt = (link.src, link.tgt) if isinstance(link, Link) else link
        src, tgt = tuple(src), tuple(tgt)
        if (src and tgt) if both_sides else (src or tgt):
            pairs.add((src, tgt))
    return pairs


def _counts(gold: set[Pair], test: set[Pair]) -> tuple[int, int, int, int]:
    """score.py's `_precision`: (tp strict, fp strict, tp lax, fp lax) of `test`."""
    gold_targets: dict[int, set[int]] = defaultdict(set)
    for g_src, g_tgt in gold:
        for i in g_src:
            gold_targets[i].update(g_tgt)
    tps = fps = tpl = fpl = 0
    for t_src, t_tgt in test:
        if (t_src, t_tgt) in gold:
            tps, tpl = tps + 1, tpl + 1
            continue
        fps += 1
        reachable = set().union(*(gold_targets.get(i, set()) for i in t_src))
        if reachable.intersection(t_tgt):
            tpl += 1
        else:
            fpl += 1
    return tps, fps, tpl, fpl


def _ratio(a: int, b: int) -> float:
    return a / (a + b) if a + b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(golds: Sequence[Sequence[Link | Pair]], tests: Sequence[Sequence[Link | Pair]], *,
          signature: Signature = Signature()) -> Scores:
    """Micro-averaged strict/lax P/R/F1 of `tests` against `golds` (one entry per document)."""
    if len(golds) != len(tests):
        raise BenchDataError(f"{len(golds)} gold documents but {len(tests)} hypotheses; pass one each")
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in zip(golds, tests):
        p = [a + b for a, b in zip(p, _counts(_pairs(gold), _pairs(test)))]
        # Recall is precision with the roles swapped, empty-sided links dropped.
        swapped = _counts(_pairs(test, both_sides=True), _pairs(gold, both_sides=True))
        r = [a + b for a, b in zip(r, swapped)]
    ps, pl = _ratio(p[0], p[1]), _ratio(p[2], p[3])
    rs, rl = _ratio(r[0], r[1]), _ratio(r[2], r[3])
    return Scores(*p, *r, ps, rs, _f1(ps, rs), pl, rl, _f1(pl, rl),
                  docs=len(golds), signature=signature)


# ---------------------------------------------------------------- bench runs

@dataclass(frozen=True)
class DocResult:
    """One document aligned and scored, with its cost."""

    name: str
    n_src: int
    n_tgt: int
    links: int
    scores: Scores
    seconds: float
    peak_rss_mb: float
    confident: int = 0
    confident_hits: int = 0

    @property
    def sentences_per_second(self) -> float:
        return (self.n_src + self.n_tgt) / self.seconds if self.seconds > 0 else 0.0

    @property
    def confident_precision(self) -> float:
        """Strict precision of the links at or above the review threshold."""
        return self.confident_hits / self.confident if self.confident else 0.0

    @property
    def review_share(self) -> float:
        """Share of links below the review threshold (those a person is asked to check)."""
        return 1.0 - self.confident / self.links if self.links else 0.0


@dataclass(frozen=True)
class BenchResult:
    """Per-document results and their micro-averaged total."""

    docs: tuple[DocResult, ...]
    total: DocResult
    signature: Signature


def peak_rss_mb() -> float:
    """High-water resident memory of this process, in MB (Linux reports kB).

    Why getrusage: tracemalloc slows numpy-heavy code badly and misses memory
    that C libraries allocate; the kernel's high-water mark costs nothing.
    """
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _default_align() -> AlignFn:
    from .align import align

    return align


def _default_threshold() -> float:
    from .align import DEFAULT_REVIEW_THRESHOLD

    return DEFAULT_REVIEW_THRESHOLD


def _grouping(config: Any) -> Any:
    """`config` (default: the engine's) writing unaligned runs as one link."""
    from dataclasses import replace

    from .align import AlignConfig

    return replace(config if config is not None else AlignConfig(), group_unaligned=True)


def confidence_counts(gold: Sequence[Link], test: Sequence[Link], threshold: float) -> tuple[int, int]:
    """(links with confidence >= threshold, how many of them are exactly in gold).

    Why: the app asks people to review only links below the threshold, so the
    links above it must be right; this measures whether they are.
    """
    gold_pairs = _pairs(gold)
    sure = [link for link in test if link.confidence >= threshold]
    return len(sure), sum((link.src, link.tgt) in gold_pairs for link in sure)


def _run_one(doc: GoldDoc, align_fn: AlignFn, embedder: Any, extra: dict[str, Any],
             threshold: float) -> tuple[DocResult, Alignment]:
    if doc.groups_unaligned:
        extra = {**extra, "config": _grouping(extra.get("config"))}
    start = time.perf_counter()
    alignment = align_fn(doc.src, doc.tgt, embedder=embedder, src_lang=doc.src_lang or None,
                         tgt_lang=doc.tgt_lang or None, **extra)
    seconds = time.perf_counter() - start
    scores = score([doc.links], [alignment.links], signature=alignment.signature)
    sure = confidence_counts(doc.links, alignment.links, threshold)
    return DocResult(doc.name, len(doc.src), len(doc.tgt), len(alignment.links), scores,
                     seconds, peak_rss_mb(), *sure), alignment


def run_bench(docs: Sequence[GoldDoc], *, embedder: Any, config: Any = None,
              align_fn: AlignFn | None = None, review_threshold: float | None = None,
              progress: Progress = no_progress) -> BenchResult:
    """Align every document with the engine (gold segmentation given) and score it.

    `review_threshold` defaults to align.DEFAULT_REVIEW_THRESHOLD.
    """
    if not docs:
        raise BenchDataError("no benchmark documents to run; check the folder and --split")
    align_fn = align_fn or _default_align()
    threshold = _default_threshold() if review_threshold is None else review_threshold
    extra = {} if config is None else {"config": config}
    results: list[DocResult] = []
    hypotheses: list[tuple[Link, ...]] = []
    signature = Signature()
    progress(0, len(docs), "bench")
    for k, doc in enumerate(docs):
        result, alignment = _run_one(doc, align_fn, embedder, extra, threshold)
        results.append(result)
        hypotheses.append(alignment.links)
        signature = alignment.signature
        progress(k + 1, len(docs), "bench")
    total = DocResult(
        "total", sum(r.n_src for r in results), sum(r.n_tgt for r in results),
        sum(r.links for r in results),
        score([d.links for d in docs], hypotheses, signature=signature),
        sum(r.seconds for r in results), peak_rss_mb(),
        sum(r.confident for r in results), sum(r.confident_hits for r in results),
    )
    return BenchResult(tuple(results), total, signature)
