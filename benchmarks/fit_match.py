"""Fit the mismatch model of the checks (alignment/unmatched.py) on injected misaligned links.

For each seed, the window and slips of bench_checks.py (LIMSI fr->en and Text+Berg dev
de->fr) and the encoder's evidence; every clean or misaligned link gives the model's inputs
(unmatched.match_features). Fits logistic weights on the --fit seeds and prints, per corpus,
seed group and floor, misaligned links found and clean links flagged. Paste the weights
into CheckConfig.mismatch_weights.

Example:
    python benchmarks/fit_match.py --bench ../shared/bench --fit 5-14 --report 0-4
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_checks as bc  # noqa: E402
from fit_slips import _seeds  # noqa: E402

from alignment.check_config import CheckConfig  # noqa: E402
from alignment.confidence import fit_logistic  # noqa: E402
from alignment.evidence import link_words, word_evidence  # noqa: E402
from alignment.unmatched import match_counts, match_features  # noqa: E402


def window(corpus: str, seed: int, bench: Path, embedder) -> tuple[np.ndarray, np.ndarray]:
    """(inputs, 1 for a misaligned link) of the clean and misaligned links of one window."""
    langs, pairs = bc.corpus_pairs(corpus, bench)
    pairs = bc.seeded_window(pairs, seed, 1000)
    rows = bc.inject(pairs, bc._slipper(langs, seed, True), 0.02)
    bt = bc.to_bitext(rows, langs)
    ev, cfg = word_evidence(bt, embedder), CheckConfig()
    xs, ys = [], []
    for i, row in enumerate(rows):
        cos = ev.link_cosine(i)
        if row.slip not in ("", "misaligned") or cos != cos:
            continue
        xs.append(match_features(cos, match_counts(bt, link_words(bt, i, ev), cfg)))
        ys.append(float(row.slip == "misaligned"))
    return np.array(xs), np.array(ys)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "bench")
    ap.add_argument("--fit", default="5-14", help="seeds to fit on (a range)")
    ap.add_argument("--report", default="0-4", help="seeds to report on (a range)")
    args = ap.parse_args(argv)
    from alignment.embed import default_cache_dir
    from alignment.registry import EMBEDDERS

    embedder = EMBEDDERS["use"](threads=1, cache_dir=default_cache_dir())
    seeds = sorted(set(_seeds(args.fit)) | set(_seeds(args.report)))
    data = {(c, s): window(c, s, args.bench, embedder) for c in ("limsi", "textberg") for s in seeds}
    fit = [data[c, s] for c in ("limsi", "textberg") for s in _seeds(args.fit)]
    w = fit_logistic(np.vstack([x for x, _ in fit]), np.concatenate([y for _, y in fit]), 1.0)
    print("weights:", "(" + ", ".join(f"{v:.2f}" for v in w) + ")")
    for floor in (0.2, 0.25, 0.3, 0.4, 0.5):
        cells = []
        for c in ("limsi", "textberg"):
            for label, group in (("fit", args.fit), ("report", args.report)):
                x = np.vstack([data[c, s][0] for s in _seeds(group)])
                y = np.concatenate([data[c, s][1] for s in _seeds(group)])
                p = 1 / (1 + np.exp(-np.clip(x @ w, -50, 50)))
                cells.append(f"{c} {label}: {int(((p >= floor) & (y == 1)).sum())}/{int(y.sum())} found, "
                             f"clean {1000 * ((p >= floor) & (y == 0)).sum() / max((y == 0).sum(), 1):.1f}/1000")
        print(f"{floor:.2f}  " + " | ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
