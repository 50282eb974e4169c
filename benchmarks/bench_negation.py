"""Measure the negation check (alignment/negation.py) on gold 1-1 links: findings per 1,000
clean links, and how many injected dropped negations it finds, per level.

The clean links are bench_checks' (`corpus_pairs`: LIMSI, Text+Berg dev...); a dropped
negation is the translation of a link where both sides negate with its one negation taken out
(`without_negation`), as bench_checks' 'negation-drop' slip. bench_checks runs the default
checks only, and the negation check runs on request (checks.ON_REQUEST), hence this script.

Usage: python benchmarks/bench_negation.py [--bench ../shared/bench] [--corpus limsi ...] [--split dev]
       [--show N]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from bench_checks import CORPORA, corpus_pairs

from alignment.checks import run_checks
from alignment.embed import default_cache_dir
from alignment.evidence import word_evidence
from alignment.negation import negations, without_negation
from alignment.registry import EMBEDDERS
from alignment.types import Alignment, Bitext, Link, Sentence


def one_to_one(pairs: list[tuple[str, str]], langs: tuple[str, str]) -> Bitext:
    """The pairs as a Bitext of 1-1 links."""
    return Bitext(tuple(Sentence(s) for s, _ in pairs), tuple(Sentence(t) for _, t in pairs),
                  Alignment(tuple(Link((k,), (k,)) for k in range(len(pairs)))), *langs)


def levels(pairs: list[tuple[str, str]], langs: tuple[str, str], embedder) -> tuple[Counter, list]:
    bitext = one_to_one(pairs, langs)
    found = run_checks(bitext, only=["negation"], evidence=word_evidence(bitext, embedder))
    return Counter(f.severity for f in found), [(f, pairs[f.link]) for f in found]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "bench")
    ap.add_argument("--corpus", nargs="+", default=["limsi", "limsi-enfr", "textberg", "textberg-frde"],
                    choices=CORPORA)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--show", type=int, default=0, help="print this many findings on clean links")
    args = ap.parse_args()
    embedder = EMBEDDERS["use"](threads=1, cache_dir=default_cache_dir())
    for corpus in args.corpus:
        (sl, tl), pairs = corpus_pairs(corpus, args.bench, args.split)
        clean, shown = levels(pairs, (sl, tl), embedder)
        drops = [(s, without_negation(t, tl)) for s, t in pairs
                 if negations(s, sl) and len(negations(t, tl)) == 1]
        hit, _ = levels(drops, (sl, tl), embedder)
        per = {lv: 1000 * clean[lv] / len(pairs) for lv in ("warning", "info")}
        print(f"{corpus}: {len(pairs)} clean links: warnings {clean['warning']} ({per['warning']:.1f} per 1,000), "
              f"infos {clean['info']} ({per['info']:.1f} per 1,000); {len(drops)} negations dropped: found "
              f"at warning {hit['warning']}, at info or above {hit['warning'] + hit['info']}")
        for f, (s, t) in shown[:args.show]:
            print(f"  {f.severity}: {s}\n           {t}")


if __name__ == "__main__":
    main()
