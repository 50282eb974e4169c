"""Memory benchmark: peak resident memory when one text has a block the other lacks.

Issue 10 item 12: a missing chapter made the aligner's band as wide as the
chapter for every row (10k x 12k sentences: over 8 GB). This script builds
synthetic bitexts (random words; the "translation" of a sentence is its words
with a suffix, so the hashing embedder sees shared character n-grams), inserts
an unmatched block of target sentences (or of source sentences, `--side src`)
in the middle, and aligns each case in its own subprocess so that the peak
resident memory (getrusage) is the case's own. It also prints the largest
lattice (band cells) the aligner scored and the share of gold links found (every pair of the
synthetic bitext is a known 1-1 link; the block's sentences are known 0-1 or
1-0 links).

With `--embedder use` the real encoder embeds the texts (slow on 2 cores: the
10k x 12k case encodes 22,000 sentences and their runs).

Usage (from the repository root):
    python benchmarks/bench_memory.py                         # 10k x 12k, block of 2k target sentences
    python benchmarks/bench_memory.py --cases 10000:0,10000:2000,10000:4000 --side both
    python benchmarks/bench_memory.py --embedder use --cases 3000:800,3000:1600
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

import numpy as np

from alignment.types import Sentence


def bitext(n: int, block: int, side: str, seed: int = 0) -> tuple[list[Sentence], list[Sentence], set]:
    """n translated pairs plus `block` unmatched sentences in the middle of `side`.

    Returns the two sentence lists and the gold links as (src tuple, tgt tuple)."""
    rng = np.random.default_rng(seed)
    vocab = ["".join(rng.choice(list("abcdefghiklmnoprstuvz"), int(rng.integers(3, 9))))
             for _ in range(5000)]

    def sentence() -> list[str]:
        return [vocab[k] for k in rng.integers(0, len(vocab), int(rng.integers(5, 20)))]

    pairs = [sentence() for _ in range(n)]
    src = [" ".join(w).capitalize() + "." for w in pairs]
    tgt = [" ".join(x + "en" for x in w).capitalize() + "." for w in pairs]
    extra = [" ".join(sentence()).capitalize() + "." for _ in range(block)]
    half = n // 2
    gold = {((i,), (i,)) for i in range(half)}
    if side == "tgt":
        tgt = tgt[:half] + extra + tgt[half:]
        gold |= {((), (half + k,)) for k in range(block)}
        gold |= {((i,), (i + block,)) for i in range(half, n)}
    else:
        src = src[:half] + extra + src[half:]
        gold |= {((half + k,), ()) for k in range(block)}
        gold |= {((i + block,), (i,)) for i in range(half, n)}
    return ([Sentence(t, i // 20) for i, t in enumerate(src)],
            [Sentence(t, i // 20) for i, t in enumerate(tgt)], gold)


def run_case(n: int, block: int, side: str, embedder_name: str) -> dict:
    """Align one case in this process; peak RSS includes embedding."""
    from alignment import align as align_module
    from alignment.evaluate import peak_rss_mb
    from alignment.registry import EMBEDDERS

    widths: list[int] = []
    original = align_module._all_scores

    def spy(s, t, band, *args):  # the largest lattice scored
        widths.append(band.width * band.lo.shape[0])
        return original(s, t, band, *args)

    align_module._all_scores = spy
    src, tgt, gold = bitext(n, block, side)
    embedder = EMBEDDERS[embedder_name]()
    start = time.perf_counter()
    result = align_module.align(src, tgt, embedder=embedder, src_lang="en", tgt_lang="en")
    seconds = time.perf_counter() - start
    got = {(link.src, link.tgt) for link in result.links}
    return {"n_src": len(src), "n_tgt": len(tgt), "seconds": round(seconds, 1),
            "peak_mb": round(peak_rss_mb()), "max_cells": max(widths, default=0),
            "right": round(len(got & gold) / len(gold), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", default="10000:2000",
                        help="comma-separated PAIRS:BLOCK (default 10000:2000, i.e. 10k x 12k)")
    parser.add_argument("--side", choices=["tgt", "src", "both"], default="tgt",
                        help="which text holds the unmatched block")
    parser.add_argument("--embedder", choices=["hashing", "use"], default="hashing")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one case, print JSON
    args = parser.parse_args()
    if args.one:
        n, block, side = args.one.split(":")
        print(json.dumps(run_case(int(n), int(block), side, args.embedder)))
        return
    sides = ["tgt", "src"] if args.side == "both" else [args.side]
    print(f"{'case':>22} {'embedder':>8} {'peak MB':>8} {'lattice cells':>14} {'seconds':>8} {'right':>6}")
    for case in args.cases.split(","):
        n, block = (int(x) for x in case.split(":"))
        for side in sides:
            proc = subprocess.run([sys.executable, __file__, "--one", f"{n}:{block}:{side}",
                                   "--embedder", args.embedder], capture_output=True, text=True)
            label = f"{n}+{block if side == 'src' else 0} x {n}+{block if side == 'tgt' else 0}"
            if proc.returncode:
                print(f"{label:>22} {args.embedder:>8} failed (exit {proc.returncode}): "
                      f"{proc.stderr.strip().splitlines()[-1:] }")
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"{label:>22} {args.embedder:>8} {r['peak_mb']:>8} {r['max_cells']:>14,} "
                  f"{r['seconds']:>8} {r['right']:>6}")


if __name__ == "__main__":
    main()
