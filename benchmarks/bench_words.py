"""Speed and memory of word links on a novel-sized text: 5,000 sentence links, cold and warm.

The links come from ../shared/bench: every gold link of the LIMSI en-fr books (French as
original) and of Text+Berg de-fr (2,832 links), repeated until --links are reached, so the
vocabulary is that of real books (without ../shared/bench, the bundled sample corpus repeated, which has
far fewer word types and so flatters the cold figure).
- cold: a new encoder with empty caches (loads the model, encodes every word type, trains);
- warm: the same text again, word links from the on-disk cache (word_cache.py);
- recompute: a new encoder over the same cache, word links computed again from cached word
  vectors (what a changed setting costs). The reader needs neither: the PO keeps the links.
Peak memory is the process high-water mark (getrusage), model included.

Usage: python benchmarks/bench_words.py [--links 5000] [--bench ../shared/bench]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from alignment.embed import UseEmbedder
from alignment.evaluate import iter_bench, peak_rss_mb
from alignment.types import Alignment, Bitext, Link, Sentence
from alignment.word_cache import cached_linker
from alignment.words import link_bitext

ROOT = Path(__file__).resolve().parent.parent


def _pairs_from_bench(bench: Path, wanted: int) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    docs = iter_bench(bench / "limsi") + iter_bench(bench / "textberg", split="all")
    for doc in docs:
        flip = doc.src_lang == "en"  # LIMSI: English is the "source" there; French is the original
        for link in doc.links:
            if link.src and link.tgt:
                a = " ".join(doc.src[i].text for i in link.src)
                b = " ".join(doc.tgt[j].text for j in link.tgt)
                pairs.append((b, a) if flip else (a, b))
    return [pairs[k % len(pairs)] for k in range(wanted)] if pairs else []


def _pairs_from_sample(wanted: int) -> list[tuple[str, str]]:
    fr = (ROOT / "corpora/sample/fr.txt").read_text(encoding="utf-8").split(".")
    en = (ROOT / "corpora/sample/en.txt").read_text(encoding="utf-8").split(".")
    base = [(a.strip() + ".", b.strip() + ".") for a, b in zip(fr, en) if a.strip() and b.strip()]
    return [base[k % len(base)] for k in range(wanted)]


def _bitext(pairs: list[tuple[str, str]]) -> Bitext:
    links = tuple(Link((k,), (k,)) for k in range(len(pairs)))
    return Bitext(tuple(Sentence(a) for a, _ in pairs), tuple(Sentence(b) for _, b in pairs),
                  Alignment(links), "fr", "en")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--links", type=int, default=5000)
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    args = ap.parse_args()
    source = "shared bench (LIMSI + Text+Berg gold links, repeated)"
    pairs = _pairs_from_bench(args.bench, args.links) if args.bench.is_dir() else []
    if len(pairs) < args.links:
        pairs, source = _pairs_from_sample(args.links), "corpora/sample repeated (few word types)"
    bitext = _bitext(pairs)
    with tempfile.TemporaryDirectory() as cache:
        rows = []
        cached = cached_linker(cache)
        for run, linker in (("cold", cached), ("warm", cached), ("recompute", None)):
            embedder = UseEmbedder(threads=2, cache_dir=cache)
            start, cpu = time.perf_counter(), time.process_time()
            linked = link_bitext(bitext, embedder=embedder, linker=linker)
            rows.append((run, time.perf_counter() - start, time.process_time() - cpu,
                         embedder.sentences_encoded, peak_rss_mb()))
    words = sum(len(link.words) for link in linked.alignment.links)
    print(f"{len(pairs)} sentence links from {source}; {words} word links")
    print(f"{'run':10} {'seconds':>8} {'CPU s':>8} {'types encoded':>14} {'peak MB':>8}")
    for run, seconds, cpu, encoded, peak in rows:
        print(f"{run:10} {seconds:8.2f} {cpu:8.2f} {encoded:14d} {peak:8.0f}")
    print("cold: empty caches, model loaded; warm: same text again (word-link cache); "
          "recompute: no word-link cache, word vectors from the encoder cache; "
          "CPU s: this process's CPU time (both cores), a fair figure on a busy machine")


if __name__ == "__main__":
    main()
