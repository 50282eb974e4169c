"""Version-set benchmark (issue 13): accuracy of each pair inside the joint alignment, speed.

Three-text sets with known gold, built from the two-text gold of ../shared/bench:
the original and its translation as distributed (a LIMSI book: EN original, FR translation;
Text+Berg dev: DE, FR), and a THIRD text derived from the translation by a deterministic
transformation whose gold follows from the distributed gold (`derive`):

    translation sentence j (0-based):
      j % 29 == 13            dropped                (an abridged edition: omission)
      j % 10 == 2 (and j+1 kept)  merged with j+1    (a revision joining sentences)
      j % 10 == 7, >= 2 words split in two at the middle word   (a revision splitting one)

Gold original <-> derived: each gold link's translation side mapped through the
transformation; links that now share a derived sentence are merged; a link whose
translation side vanished keeps its original side as n-0 (grouped with its neighbours where
the gold groups unaligned runs, as LIMSI does). Gold translation <-> derived: j -> its image
(merged pairs 2-1, split sentences 1-2, dropped sentences 1-0).

Table 1 (per document): strict F1 of each pair aligned ALONE by the engine, and INSIDE the
joint alignment of the three texts: for (original, version) pairs the links the set keeps
(`pair_alignment`) and the coarser rows read as links; for (translation, derived) the links
read through the original (`text_links`) against the pair aligned directly.

Table 2 (speed): N x N sentences (the bench_engine scaled text) plus its derived third text:
one pair alone vs the set of three, with a cold embedding cache each; then reading the set's
TMX back and the reader's first screen (summary + first page of rows).

Usage (from the repository root):
    python benchmarks/bench_versions.py --embedder hashing
    python benchmarks/bench_versions.py --embedder use --part accuracy
    python benchmarks/bench_versions.py --embedder use --part speed --size 5000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_engine import BENCH, bench_docs, scaled_doc  # noqa: E402

from alignment.align import AlignConfig, align  # noqa: E402
from alignment.evaluate import GoldDoc, iter_bench, score  # noqa: E402
from alignment.registry import EMBEDDERS  # noqa: E402
from alignment.types import Link, Sentence, Version  # noqa: E402
from alignment.versions import align_versions, pair_alignment, text_links  # noqa: E402


# ---------------------------------------------------------------- the derived third text

def _transform(sents: tuple[Sentence, ...]) -> tuple[list[Sentence], list[tuple[int, ...]]]:
    """The derived text and, per translation sentence, the derived sentences it went to."""
    out: list[Sentence] = []
    image: list[tuple[int, ...]] = [()] * len(sents)
    j = 0
    while j < len(sents):
        s = sents[j]
        if j % 29 == 13:
            j += 1
            continue
        nxt = j + 1
        if j % 10 == 2 and nxt < len(sents) and nxt % 29 != 13:
            out.append(Sentence(f"{s.text} {sents[nxt].text}", s.paragraph))
            image[j] = image[nxt] = (len(out) - 1,)
            j += 2
            continue
        words = s.text.split(" ")
        if j % 10 == 7 and len(words) >= 2:
            half = len(words) // 2
            out += [Sentence(" ".join(words[:half]), s.paragraph),
                    Sentence(" ".join(words[half:]), s.paragraph)]
            image[j] = (len(out) - 2, len(out) - 1)
        else:
            out.append(s)
            image[j] = (len(out) - 1,)
        j += 1
    return out, image


def _merge_shared(links: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> list[Link]:
    """Links in order; one that shares a derived sentence with the last link holding one is
    merged with it and every link in between."""
    out: list[list[tuple[int, ...]]] = []
    for src, tgt in links:
        if not src and not tgt:
            continue
        last = max((q for q, (_, t) in enumerate(out) if t), default=None)
        if last is not None and tgt and set(tgt) & set(out[last][1]):
            merged = out[last:] + [[src, tgt]]
            out[last:] = [[tuple(i for s, _ in merged for i in s),
                           tuple(sorted({j for _, t in merged for j in t}))]]
        else:
            out.append([src, tgt])
    return [Link(tuple(s), tuple(t)) for s, t in out]


def _group(links: list[Link]) -> list[Link]:
    out: list[Link] = []
    for link in links:
        prev = out[-1] if out else None
        if prev and not link.tgt and not prev.tgt:
            out[-1] = Link(prev.src + link.src, ())
        elif prev and not link.src and not prev.src:
            out[-1] = Link((), prev.tgt + link.tgt)
        else:
            out.append(link)
    return out


def derive(doc: GoldDoc) -> tuple[tuple[Version, ...], dict[tuple[int, int], tuple[Link, ...]]]:
    """(original, translation, derived) and the gold of (o, t), (o, d), (t, d)."""
    derived, image = _transform(doc.tgt)
    o_d = _merge_shared([(k.src, tuple(x for j in k.tgt for x in image[j])) for k in doc.links])
    t_d = _merge_shared([((j,), image[j]) for j in range(len(doc.tgt))])
    if doc.groups_unaligned:
        o_d, t_d = _group(o_d), _group(t_d)
    sl, tl = doc.src_lang, doc.tgt_lang  # "" for the mixed-language scaled text
    texts = (Version(sl or "src", sl, doc.src), Version(tl or "tgt", tl, doc.tgt),
             Version(f"{tl or 'tgt'}-derived", tl, tuple(derived)))
    return texts, {(0, 1): doc.links, (0, 2): tuple(o_d), (1, 2): tuple(t_d)}


# ---------------------------------------------------------------- accuracy

def _f1(gold: Any, links: Any) -> float:
    return score([gold], [links]).f1_strict


def accuracy(docs: list[GoldDoc], embedder: Any) -> None:
    print("strict F1 per pair: alone = the pair aligned by itself; pivot = inside the joint "
          "alignment of the three texts, through the original; settled = pivot with doubtful "
          "runs aligned version to version; rows = the set's rows read as that pair's links")
    head = (f"{'document':<25}{'pair':<16}{'links':>6}{'alone':>9}{'pivot':>9}{'settled':>9}"
            f"{'rows':>9}")
    print(head + "\n" + "-" * len(head))
    for doc in docs:
        texts, gold = derive(doc)
        config = replace(AlignConfig(), group_unaligned=doc.groups_unaligned)
        vs = align_versions(texts, embedder=embedder, config=config)
        for a, b in ((0, 1), (0, 2), (1, 2)):
            alone = align(texts[a].sentences, texts[b].sentences, embedder=embedder,
                          config=config, src_lang=texts[a].lang, tgt_lang=texts[b].lang).links
            inside = pair_alignment(vs, b).links if a == 0 else text_links(vs, a, b)
            settled = text_links(vs, a, b, embedder=embedder, config=config)
            rows = [Link(r.cells[a], r.cells[b]) for r in vs.rows if r.cells[a] or r.cells[b]]
            name = f"{texts[a].name}-{texts[b].name}"
            print(f"{doc.name[:24]:<25}{name:<16}{len(gold[(a, b)]):>6}"
                  + "".join(f"{_f1(gold[(a, b)], x):>9.3f}" for x in (alone, inside, settled, rows)))


# ---------------------------------------------------------------- speed

def _fresh(name: str) -> Any:
    return EMBEDDERS[name](threads=2, cache_dir=tempfile.mkdtemp(prefix="bench-versions-"))


def speed(size: int, embedder_name: str, bench: Path, repeats: int = 2) -> None:
    from alignment.versions_io import write_set_tmx

    doc = scaled_doc(bench_docs(bench), size)
    texts, _ = derive(doc)
    warm = _fresh(embedder_name)  # numba compiles and the model loads before timing
    align(doc.src[:50], doc.tgt[:50], embedder=warm)
    warm.embed(["Model loading is timed apart."])
    def timed(run: Any) -> tuple[float, float, Any]:
        embedder = _fresh(embedder_name)  # an empty cache each run
        embedder.embed(["load"])
        wall, cpu = time.perf_counter(), time.process_time()
        result = run(embedder)
        return time.perf_counter() - wall, time.process_time() - cpu, result

    runs: dict[str, list[tuple[float, float]]] = {"pair": [], "set": []}
    for _ in range(repeats):  # alternated, best kept: the machine is shared
        w, c, _pair = timed(lambda e: align(texts[0].sentences, texts[1].sentences, embedder=e))
        runs["pair"].append((w, c))
        w, c, vs = timed(lambda e: align_versions(texts, embedder=e))
        runs["set"].append((w, c))
    (pw, pc), (sw, sc) = (min(runs["pair"]), min(runs["set"]))
    sizes = " x ".join(str(len(t.sentences)) for t in texts)
    print(f"{'texts':<22}{'pair wall':>10}{'set wall':>10}{'ratio':>7}{'pair CPU':>10}"
          f"{'set CPU':>10}{'ratio':>7}   (best of {repeats}, empty cache, {embedder_name})")
    print(f"{sizes:<22}{pw:>10.2f}{sw:>10.2f}{sw / pw:>7.2f}{pc:>10.2f}{sc:>10.2f}{sc / pc:>7.2f}")
    print(f"set rows: {len(vs.rows)}")
    path = write_set_tmx(vs, Path(tempfile.gettempdir()) / f"bench-versions-{size}.tmx")[0]
    print(f"set kept at {path}")
    opening(path)


def opening(path: Path, repeats: int = 3) -> None:
    """Seconds to read a set's TMX and draw the reader's first screen (best of `repeats`)."""
    from alignment.versions_io import read_set_tmx

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from views.versions import first_screen

    best = None
    for _ in range(repeats):
        start = time.perf_counter()
        back = read_set_tmx(path)
        read = time.perf_counter() - start
        start = time.perf_counter()
        first_screen(back)
        screen = time.perf_counter() - start
        best = min(best or (read + screen, read, screen), (read + screen, read, screen))
    total, read, screen = best
    sizes = " x ".join(str(len(t.sentences)) for t in back.texts)
    print(f"set {sizes}, {path.stat().st_size / 1e6:.1f} MB TMX, {len(back.rows)} rows: read "
          f"{read:.2f} s + reader's first screen (summary + first page) {screen:.2f} s = "
          f"{total:.2f} s (best of {repeats})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedder", choices=EMBEDDERS.names(), default="hashing")
    parser.add_argument("--part", choices=["accuracy", "speed", "open", "all"], default="all")
    parser.add_argument("--set", type=Path, default=None, help="--part open: the set's TMX")
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--bench", type=Path, default=BENCH, help="the shared bench folder")
    args = parser.parse_args()
    bench = args.bench
    if args.part == "open":
        opening(args.set or Path(tempfile.gettempdir()) / f"bench-versions-{args.size}.tmx")
        return
    if not (bench / "limsi").is_dir():
        sys.exit(f"no benchmark data at {bench}")
    if args.part in ("accuracy", "all"):
        docs = iter_bench(bench / "limsi") + iter_bench(bench / "textberg", split="dev")
        accuracy(docs, _fresh(args.embedder))
    if args.part in ("speed", "all"):
        speed(args.size, args.embedder, bench, args.repeats)


if __name__ == "__main__":
    main()
