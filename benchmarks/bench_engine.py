"""Engine benchmark: accuracy and speed end to end, and how time grows with length.

Prints two tables (a script, not a test; figures depend on the machine and load):

1. The bench texts concatenated into one long bitext (Text+Berg test, then the
   LIMSI dev books; about 2,700 x 2,900 sentences), aligned end to end with
   embedding included, with a COLD cache (fresh temporary cache folder, the first
   run on a machine: the encoder's weights are inflated and kept unpacked there,
   use_weights.py), NEW TEXT (the embeddings dropped, the unpacked weights kept:
   a returning user's new book) and WARM (same folder, new process): seconds, sentences/second, peak resident
   memory, strict/lax P/R/F1 on the concatenation (gold links offset and joined)
   and strict F1 of its Text+Berg and LIMSI parts. Peer reference measured on
   this machine: Bertalign + mUSE took 93 s to embed and 0.7 s to align it.
2. Scaling: N x N sentences for N in 2.5k, 5k, 10k, 20k, built by cycling the
   bench documents; every repeat after the first gets a marker appended to each
   sentence on both sides (" #r"), so the strings are new and a cold cache must
   really encode them, while the marker, the same on every pair, tells the
   aligner nothing.

Every measured run happens in its own subprocess so peak RSS (getrusage) is per
run. Model loading is timed apart from aligning.

Usage (from the repository root):
    python benchmarks/bench_engine.py                       # both tables, USE encoder
    python benchmarks/bench_engine.py --part concat
    python benchmarks/bench_engine.py --part scaling --sizes 2500,5000,10000,20000
    python benchmarks/bench_engine.py --part scaling --sizes 10000 --warm-runs 3
    python benchmarks/bench_engine.py --embedder hashing    # model-free smoke run
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from alignment.evaluate import GoldDoc, concat_docs, iter_bench, peak_rss_mb, score
from alignment.registry import EMBEDDERS
from alignment.types import Alignment, Link, Sentence, Signature

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
PEER_SECONDS = 93.0 + 0.7  # Bertalign + mUSE on the concatenation, embed + align
PEER_F1_TEXTBERG = 0.911


def bench_docs(bench: Path) -> list[GoldDoc]:
    """Text+Berg test documents, then the LIMSI books, in that order."""
    return iter_bench(bench / "textberg", split="test") + iter_bench(bench / "limsi")


def scaled_doc(docs: list[GoldDoc], n: int) -> GoldDoc:
    """An n x n bitext made by cycling `docs`, repeats marked so no string recurs."""
    parts: list[GoldDoc] = []
    n_src = n_tgt = repeat = 0
    while n_src < n or n_tgt < n:
        for doc in docs:
            if repeat:
                mark = f" #{repeat}"
                doc = GoldDoc(doc.name, tuple(Sentence(s.text + mark, s.paragraph) for s in doc.src),
                              tuple(Sentence(s.text + mark, s.paragraph) for s in doc.tgt),
                              doc.links)
            parts.append(doc)
            n_src, n_tgt = n_src + len(doc.src), n_tgt + len(doc.tgt)
        repeat += 1
    whole = concat_docs(parts, name=f"{n}x{n}")
    links = tuple(k for k in whole.links if all(i < n for i in k.src) and all(j < n for j in k.tgt))
    return GoldDoc(whole.name, whole.src[:n], whole.tgt[:n], links)


def stand_in_align(src: Any, tgt: Any, *, embedder: Any, **_: Any) -> Alignment:
    """Used only until alignment.align lands: embeds both sides, links proportionally."""
    embedder.embed_runs([s.text for s in src], 4)
    embedder.embed_runs([s.text for s in tgt], 4)
    n, m = len(src), len(tgt)
    pairs = sorted({(i, min(m - 1, i * m // max(n, 1))) for i in range(n)})
    return Alignment(tuple(Link((i,), (j,)) for i, j in pairs),
                     Signature(aligner="stand-in", embedder=embedder.name))


class TimedEmbedder:
    """Delegates to an embedder and adds up the seconds spent in its methods,
    so the table can split end-to-end time into embedding and aligning."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.seconds = 0.0

    def __getattr__(self, attr: str) -> Any:
        value = getattr(self._inner, attr)
        if not callable(value):
            return value

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return value(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start

        return timed


def make_embedder(name: str, cache_dir: str) -> Any:
    if name == "use":
        return EMBEDDERS["use"](threads=2, cache_dir=cache_dir)
    return EMBEDDERS[name]()


def worker(spec: dict[str, Any]) -> dict[str, Any]:
    """One measured run in this (fresh) process; returns figures as a dict."""
    docs = bench_docs(Path(spec["bench"]))
    doc = concat_docs(docs) if spec["kind"] == "concat" else scaled_doc(docs, spec["size"])
    start = time.perf_counter()
    inner = make_embedder(spec["embedder"], spec["cache"])
    inner.embed(["Model loading is timed apart."])  # the model loads lazily, on first use
    load = time.perf_counter() - start
    embedder = TimedEmbedder(inner)
    try:
        from alignment.align import align
    except ImportError:
        align = stand_in_align
    start, cpu = time.perf_counter(), time.process_time()
    alignment = align(doc.src, doc.tgt, embedder=embedder)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    total = score([doc.links], [alignment.links], signature=alignment.signature)
    out = {"n_src": len(doc.src), "n_tgt": len(doc.tgt), "load": load, "seconds": seconds,
           "embed": embedder.seconds, "cpu": cpu,
           "peak_mb": peak_rss_mb(), "links": len(alignment.links),
           "scores": [total.precision_strict, total.recall_strict, total.f1_strict,
                      total.f1_lax], "signature": str(alignment.signature)}
    if spec["kind"] == "concat":
        out["parts"] = part_scores(docs, alignment.links)
    return out


def part_scores(docs: list[GoldDoc], hyp: tuple[Link, ...]) -> dict[str, float]:
    """Strict F1 of the Text+Berg and LIMSI parts: each hypothesis link goes to the
    part holding its first sentence; gold links are offset the same way."""
    groups = {"textberg": [d for d in docs if d.src_lang == "de"],
              "limsi": [d for d in docs if d.src_lang != "de"]}
    n_tb_src = sum(len(d.src) for d in groups["textberg"])
    n_tb_tgt = sum(len(d.tgt) for d in groups["textberg"])

    def in_tb(x: Link) -> bool:
        return x.src[0] < n_tb_src if x.src else x.tgt[0] < n_tb_tgt

    gold = concat_docs(docs).links
    return {"textberg": score([[x for x in gold if in_tb(x)]],
                              [[x for x in hyp if in_tb(x)]]).f1_strict,
            "limsi": score([[x for x in gold if not in_tb(x)]],
                           [[x for x in hyp if not in_tb(x)]]).f1_strict}


def run_worker(spec: dict[str, Any]) -> dict[str, Any]:
    """Run `worker(spec)` in a subprocess; its last stdout line is the JSON result. The
    run's cache folder is its ALIGNMENT_CACHE_DIR too, so a cold run finds no unpacked
    encoder weights (use_weights.py) either."""
    cmd = [sys.executable, __file__, "--worker", json.dumps(spec)]
    env = {**os.environ, "ALIGNMENT_CACHE_DIR": spec["cache"]} if spec.get("cache") else None
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"worker failed: {spec}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cold_and_warm(spec: dict[str, Any], warm_runs: int = 1) -> list[tuple[str, dict[str, Any]]]:
    """A cold run (the first on a machine: nothing cached, the encoder's weights inflated),
    a new-text run (the embeddings dropped, the unpacked weights kept: a known user's new
    book), then `warm_runs` warm ones (each its own process): this machine's wall times
    vary by 10-20% from run to run, so several warm runs and their median say more than one."""
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as cache:
        spec = {**spec, "cache": cache}
        runs = [("cold", run_worker(spec))]
        for stale in Path(cache).glob("embeddings.sqlite3*"):
            stale.unlink()
        runs.append(("new text", run_worker(spec)))
        for k in range(max(warm_runs, 1)):
            runs.append(("warm" if k == 0 else f"warm {k + 1}", run_worker(spec)))
        return runs


def warm_summary(runs: list[tuple[str, dict[str, Any]]]) -> str:
    """'warm: median X s, min Y s over N runs' (empty for one warm run)."""
    warm = sorted(r["seconds"] for mode, r in runs if mode.startswith("warm"))
    if len(warm) < 2:
        return ""
    return (f"warm align s: median {statistics.median(warm):.1f}, min {warm[0]:.1f}, "
            f"max {warm[-1]:.1f} over {len(warm)} runs")


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt = lambda r: "  ".join(c.rjust(w) for c, w in zip(r, widths))  # noqa: E731
    return "\n".join([fmt(header), "-" * len(fmt(header)), *(fmt(r) for r in rows)])


def concat_table(args: argparse.Namespace) -> None:
    runs = cold_and_warm({"kind": "concat", "bench": str(args.bench), "embedder": args.embedder},
                         args.warm_runs)
    rows = []
    for mode, r in runs:
        e2e = r["load"] + r["seconds"]
        p, rec, f1, f1l = r["scores"]
        rows.append([mode, f"{r['n_src']}x{r['n_tgt']}", f"{r['load']:.1f}", f"{r['embed']:.1f}",
                     f"{r['seconds']:.1f}", f"{r['cpu']:.1f}",
                     f"{e2e:.1f}", f"{(r['n_src'] + r['n_tgt']) / r['seconds']:.0f}",
                     f"{PEER_SECONDS / e2e:.1f}x", f"{r['peak_mb']:.0f}", str(r["links"]),
                     f"{p:.3f}", f"{rec:.3f}", f"{f1:.3f}", f"{f1l:.3f}",
                     f"{r['parts']['textberg']:.3f}", f"{r['parts']['limsi']:.3f}"])
    print("Concatenated bench bitext (Text+Berg test, then LIMSI dev), end to end")
    print(table(["cache", "sentences", "load s", "embed s", "align s", "cpu s", "total s", "sent/s",
                 "vs peer",
                 "peak MB", "links", "P", "R", "F1", "F1 lax", "F1 T+B", "F1 LIMSI"], rows))
    print(f"peer: Bertalign + mUSE {PEER_SECONDS:.1f} s (93 embed + 0.7 align), "
          f"F1 {PEER_F1_TEXTBERG} on Text+Berg test; 'vs peer' = {PEER_SECONDS:.1f} s / total s")
    print("load s: building the embedder and its model (one sentence encoded); align s includes")
    print("embed s (time inside the embedder's methods); total s = load s + align s;")
    print("cpu s: CPU time (all threads) of align s; wall times inflate when others load the CPU;")
    if warm_summary(runs):
        print(warm_summary(runs))
    print(f"sent/s = (src + tgt sentences) / align s; signature: {runs[0][1]['signature']}\n")


def scaling_table(args: argparse.Namespace) -> None:
    rows, summaries = [], []
    for n in args.sizes:
        spec = {"kind": "scaling", "size": n, "bench": str(args.bench), "embedder": args.embedder}
        runs = cold_and_warm(spec, args.warm_runs)
        if warm_summary(runs):
            summaries.append(f"{n}: {warm_summary(runs)}")
        for mode, r in runs:
            print(f"  {n} {mode}: {r['seconds']:.1f} s, peak {r['peak_mb']:.0f} MB",
                  file=sys.stderr, flush=True)
            rows.append([f"{n}", mode, f"{r['load']:.1f}", f"{r['embed']:.1f}",
                         f"{r['seconds']:.1f}", f"{r['cpu']:.1f}", f"{r['seconds'] / n * 1000:.2f}",
                         f"{r['cpu'] / n * 1000:.2f}", f"{2 * n / r['seconds']:.0f}",
                         f"{r['peak_mb']:.0f}", f"{r['scores'][2]:.3f}"])
    print("Scaling: N x N sentences (bench documents cycled), one process per run")
    print(table(["N", "cache", "load s", "embed s", "align s", "cpu s", "ms/N", "cpu ms/N",
                 "sent/s", "peak MB", "F1"], rows))
    for line in summaries:
        print(line)
    print("targets: 10000 x 10000 <= 60 s cold, <= 10 s warm; peak <= 2048 MB; ms/sentence flat")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=["concat", "scaling", "both"], default="both")
    parser.add_argument("--embedder", choices=EMBEDDERS.names(), default="use")
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--sizes", default="2500,5000,10000,20000",
                        type=lambda s: [int(x) for x in s.split(",")])
    parser.add_argument("--warm-runs", type=int, default=1,
                        help="warm runs after each cold one (own processes; median and min printed)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(json.loads(args.worker))))
        return
    if not (args.bench / "textberg").is_dir():
        raise SystemExit(f"no benchmark data at {args.bench}; pass --bench DIR")
    if args.part in ("concat", "both"):
        concat_table(args)
    if args.part in ("scaling", "both"):
        scaling_table(args)


if __name__ == "__main__":
    main()
