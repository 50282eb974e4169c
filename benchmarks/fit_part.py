"""Fit the part model of the checks (unmatched.part_features): a sentence left out or added
inside a link, against the real links of several sentences.

Positives: the within-link slips (drop-within, add-within) bench_checks.py injects into
seeded windows (LIMSI both ways, Text+Berg dev). Negatives: the gold links of several
sentences as published (bench_checks.gold_documents), the first half of each document's
links for fitting and the second half for reporting. Prints the weights, then per floor the
slips found and gold links flagged, against the gain rule (part_gain) it replaces.

Example:
    python benchmarks/fit_part.py --bench ../shared/bench --fit 5-12 --report 0-2
"""

from __future__ import annotations

import argparse
import pickle
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_checks as bc  # noqa: E402
from fit_slips import _seeds  # noqa: E402

from alignment.check_config import CheckConfig  # noqa: E402
from alignment.checks import length_model  # noqa: E402
from alignment.confidence import fit_logistic  # noqa: E402
from alignment.evidence import word_evidence  # noqa: E402
from alignment.types import Bitext  # noqa: E402
from alignment.unmatched import PartDrop, part_features, part_says  # noqa: E402

CORPORA = ("limsi", "limsi-enfr", "textberg")
WITHIN = ("drop-within", "add-within")


def _linked(bt: Bitext, embedder) -> Bitext:
    """bt with its word links (words.py, on the whole text as the checks see it), cached on disk."""
    from alignment.embed import default_cache_dir
    from alignment.word_cache import cached_linker
    from alignment.words import link_bitext

    return link_bitext(bt, embedder=embedder, linker=cached_linker(default_cache_dir()))


def _rows(bt: Bitext, ev, wanted) -> list[tuple[PartDrop | None, int]]:
    """(best drop, words of the dropped sentence) of the links `wanted` picks."""
    pairs = [(len(bt.link_text(i, "src")), len(bt.link_text(i, "tgt"))) for i in range(len(bt.alignment.links))]
    length = length_model([p for p in pairs if p[0] and p[1]])
    word_links = any(link.words for link in bt.alignment.links)
    out = []
    for i in wanted:
        d = part_features(bt, i, ev, length, word_links)
        link = bt.alignment.links[i]
        if d is None:
            out.append((None, 0))
            continue
        sents = bt.src if d.side == "src" else bt.tgt
        idx = link.src if d.side == "src" else link.tgt
        out.append((d, len(sents[idx[d.k]].text.split())))
    return out


def window(corpus: str, seed: int, bench: Path, embedder, split: str = "dev", word_links: bool = False) -> list:
    langs, pairs = bc.corpus_pairs(corpus, bench, split)
    pairs = bc.seeded_window(pairs, seed, 1000)
    rows = bc.inject(pairs, bc._slipper(langs, seed, True), 0.02)
    bt = bc.to_bitext(rows, langs)
    bt = _linked(bt, embedder) if word_links else bt
    ev = word_evidence(bt, embedder)
    return _rows(bt, ev, [i for i, r in enumerate(rows) if r.slip in WITHIN])


def gold(corpus: str, bench: Path, embedder, word_links: bool = False) -> tuple[list, list]:
    """(fit half, report half) of the gold links with a side of two or more sentences."""
    fit, rep = [], []
    for bt in bc.gold_documents(bench, corpus):
        bt = _linked(bt, embedder) if word_links else bt
        ev = word_evidence(bt, embedder)
        links = bt.alignment.links
        multi = [i for i, l in enumerate(links) if l.src and l.tgt and max(len(l.src), len(l.tgt)) >= 2]
        rows = _rows(bt, ev, multi)
        for i, r in zip(multi, rows):
            (fit if i < len(links) // 2 else rep).append(r)
    return fit, rep


def _flags(rows: list, w: np.ndarray | None, floor: float, cfg: CheckConfig) -> int:
    """Rows the check reports (unmatched.part_says) with weights w at floor (None: the gain
    rule); weights with the word-link shares where the rows have them."""
    weights = None if w is None else tuple(float(v) for v in w)
    linked = any(d is not None and d.linked is not None for d, _ in rows)
    cfg = replace(cfg, part_floor=floor, **({"part_weights_linked": weights} if linked and weights
                                            else {"part_weights": weights}))
    return sum(d is not None and words >= cfg.part_words and part_says(d, cfg) for d, words in rows)


def held_out(args: argparse.Namespace) -> int:
    """Within-link slips found by the gain rule and by the model of CheckConfig (part_weights)."""
    from alignment.embed import default_cache_dir
    from alignment.registry import EMBEDDERS
    embedder = EMBEDDERS["use"](threads=1, cache_dir=default_cache_dir())
    cfg = CheckConfig()
    weights = cfg.part_weights_linked if args.word_links and cfg.part_weights_linked else cfg.part_weights
    w = np.array(weights) if weights else None
    for corpus, split in (("textberg", "test"), ("alibi", "dev"), ("alibi-enfr", "dev")):
        rows = [r for s in _seeds(args.report)
                for r in window(corpus, s, args.bench, embedder, split, args.word_links)]
        print(f"{corpus} {split} seeds {args.report}: gain rule {_flags(rows, None, 0, cfg)}/{len(rows)}, "
              f"model {_flags(rows, w, cfg.part_floor, cfg) if w is not None else '-'}/{len(rows)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "bench")
    ap.add_argument("--fit", default="5-12")
    ap.add_argument("--report", default="0-2")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the features (reused if there)")
    ap.add_argument("--ridge", type=float, default=1.0)
    ap.add_argument("--neg-weight", type=int, default=1,
                    help="count each gold link this many times (a false alarm on a real link costs more)")
    ap.add_argument("--held-out", action="store_true",
                    help="once, at the end: the --report seeds of Text+Berg test and alibi both ways "
                         "with the weights of CheckConfig (never choose on it)")
    ap.add_argument("--word-links", action="store_true",
                    help="link the words of every text (words.py) and fit part_weights_linked")
    args = ap.parse_args(argv)
    if args.held_out:
        return held_out(args)
    if args.cache and args.cache.exists():
        data = pickle.loads(args.cache.read_bytes())
    else:
        from alignment.embed import default_cache_dir
        from alignment.registry import EMBEDDERS
        embedder = EMBEDDERS["use"](threads=1, cache_dir=default_cache_dir())
        seeds = sorted(set(_seeds(args.fit)) | set(_seeds(args.report)))
        data = {(c, s): window(c, s, args.bench, embedder, word_links=args.word_links)
                for c in CORPORA for s in seeds}
        for c in CORPORA:
            data[c, "gold-fit"], data[c, "gold-report"] = gold(c, args.bench, embedder, args.word_links)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(data))
    cfg = CheckConfig()
    fit_pos = [r for c in CORPORA for s in _seeds(args.fit) for r in data[c, s] if r[0] is not None]
    fit_neg = [r for c in CORPORA for r in data[c, "gold-fit"] if r[0] is not None] * args.neg_weight
    x = np.array([d.features + (d.linked or ()) for d, _ in fit_pos + fit_neg])
    y = np.array([1.0] * len(fit_pos) + [0.0] * len(fit_neg))
    w = fit_logistic(x, y, args.ridge)
    print("weights:", "(" + ", ".join(f"{v:.2f}" for v in w) + ")")
    print(f"fit: {len(fit_pos)} slips, {len(fit_neg) // args.neg_weight} gold multi-sentence links")
    for floor in (None, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95):
        cells = []
        for c in CORPORA:
            for label, group in (("fit", args.fit), ("report", args.report)):
                rows = [r for s in _seeds(group) for r in data[c, s]]
                cells.append(f"{c} {label} {_flags(rows, None if floor is None else w, floor or 0, cfg)}/{len(rows)}")
            for half in ("gold-fit", "gold-report"):
                rows = data[c, half]
                cells.append(f"{half} {_flags(rows, None if floor is None else w, floor or 0, cfg)}/{len(rows)}")
        print(("gain>=%.2f" % cfg.part_gain if floor is None else f"p>={floor:.2f}") + "  " + " | ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
