"""Books benchmark: a novel-length EPUB pair aligned whole and chapter by chapter.

The pair is built from the LIMSI gold (../shared/bench/limsi, never copied into the project):
the five books' aligned sentences, one after the other, grouped into chapters of about
`--chapter` source sentences, each cut where no gold link crosses it. The French side is then
made less tidy, as translations are: a translator's preface of our own (4 sentences, no
English counterpart, scored as one 0-4 gold link) opens it, one chapter is split in two and two
others are merged. Each side is written as an EPUB 3 (ebooklib, one <p> per gold sentence,
chapter titles only in the table of contents), read back with alignment.read_file (so the EPUB
reader is exercised end to end), and aligned two ways, each in fresh processes: first with a
fresh (cold) embedding cache folder, as the CLI and app use one, then warm (same folder):

    whole     align.align over all sentences (what a plain-text pair gets)
    chapters  chapters.align_books: chapters matched, then align.align inside each pair

Printed: sentences, chapters, chapter groups matched, seconds (model loading apart), strict and
lax P/R/F1 against the gold. Usage (from the repository root):

    python benchmarks/bench_books.py                 # USE encoder
    python benchmarks/bench_books.py --embedder hashing
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from alignment.evaluate import GoldDoc, concat_docs, iter_bench, peak_rss_mb, score
from alignment.registry import EMBEDDERS
from alignment.types import Chapter, Link, Sentence

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
PREFACE = ["Cette traduction suit le texte de l'édition anglaise la plus répandue.",
           "Les noms propres ont été conservés tels quels.",
           "Quelques passages obscurs sont rendus aussi littéralement que possible.",
           "Le traducteur remercie ses premiers lecteurs de leur patience."]


def clean_cuts(doc: GoldDoc) -> list[tuple[int, int]]:
    """(src, tgt) sentence positions where no gold link crosses, in order."""
    links = sorted(doc.links, key=lambda k: (min(k.src, default=10**9), min(k.tgt, default=10**9)))
    cuts, s_max, t_max = [], -1, -1
    for k, link in enumerate(links[:-1]):
        s_max, t_max = max(s_max, *link.src, -1), max(t_max, *link.tgt, -1)
        rest = links[k + 1:]
        if all(min(x.src, default=10**9) > s_max and min(x.tgt, default=10**9) > t_max for x in rest[:50]):
            cuts.append((s_max + 1, t_max + 1))
    return cuts


def chaptered(doc: GoldDoc, size: int) -> tuple[list[int], list[int]]:
    """Chapter starts (src, tgt) of one book: about every `size` source sentences."""
    s_starts, t_starts, last = [0], [0], 0
    for s, t in clean_cuts(doc):
        if s - last >= size and len(doc.src) - s >= size // 2 and t > t_starts[-1]:
            s_starts.append(s)
            t_starts.append(t)
            last = s
    return s_starts, t_starts


def build(bench: Path, size: int) -> dict[str, Any]:
    """The novel: gold sentences and links, chapter starts and titles on each side."""
    books = iter_bench(bench / "limsi")
    novel = concat_docs(books, name="limsi-novel")
    s_starts, t_starts, s_off, t_off = [], [], 0, 0
    for book in books:
        s, t = chaptered(book, size)
        s_starts += [x + s_off for x in s]
        t_starts += [x + t_off for x in t]
        s_off, t_off = s_off + len(book.src), t_off + len(book.tgt)
    src_titles = [f"Chapter {k + 1}" for k in range(len(s_starts))]
    tgt_titles = [f"Chapitre {k + 1}" for k in range(len(t_starts))]
    # the French side less tidy: the longest chapter split in two, chapters 3 and 4 merged
    lengths = [b - a for a, b in zip(t_starts, [*t_starts[1:], len(novel.tgt)])]
    longest = max(range(len(lengths)), key=lengths.__getitem__)
    inner = [t for _, t in clean_cuts(novel) if t_starts[longest] + 5 < t < t_starts[longest] + lengths[longest] - 5]
    mid = min(inner, key=lambda t: abs(t - t_starts[longest] - lengths[longest] // 2))
    t_starts.insert(longest + 1, mid)
    tgt_titles.insert(longest + 1, f"{tgt_titles[longest]} (suite)")
    merged = 3 if longest not in (3, 4) else 6
    del t_starts[merged + 1]
    tgt_titles[merged] = f"Chapitres {merged + 1} et {merged + 2}"
    del tgt_titles[merged + 1]
    # a translator's preface on the French side only
    n = len(PREFACE)
    tgt = [Sentence(text, -1) for text in PREFACE] + list(novel.tgt)
    links = [Link((), tuple(range(n)))] + [Link(k.src, tuple(j + n for j in k.tgt)) for k in novel.links]
    return {"src": [(s.text, s.paragraph) for s in novel.src], "tgt": [(s.text, s.paragraph) for s in tgt],
            "links": [(list(k.src), list(k.tgt)) for k in links],
            "src_chapters": list(zip(src_titles, s_starts)),
            "tgt_chapters": [("Préface du traducteur", 0)] + [(t, s + n) for t, s in zip(tgt_titles, t_starts)]}


def write_side(sentences: list[str], chapters: list[tuple[str, int]], lang: str) -> bytes:
    """One side as an EPUB 3 (ebooklib): a file per chapter, one <p> per sentence."""
    from html import escape

    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier(f"limsi-novel-{lang}")
    book.set_title("LIMSI novel")
    book.set_language(lang)
    items = []
    bounds = [s for _, s in chapters] + [len(sentences)]
    for k, (title, start) in enumerate(chapters):
        item = epub.EpubHtml(title=title, file_name=f"ch{k:03d}.xhtml", lang=lang)
        item.content = "<html><body>" + "".join(f"<p>{escape(s)}</p>" for s in sentences[start:bounds[k + 1]]) \
            + "</body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = items
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = items
    out = io.BytesIO()
    epub.write_epub(out, book)
    return out.getvalue()


def read_side(data: bytes, gold: list[tuple[str, int]], name: str) -> tuple[list[Sentence], tuple[Chapter, ...]]:
    """Read one EPUB back; its paragraphs must be the gold sentences (paragraphs from the gold)."""
    from alignment.chapters import sentence_chapters
    from alignment.read import normalize_space, read_bytes

    doc = read_bytes(data, source=name)
    body = [p for i, p in enumerate(doc.paragraphs) if doc.role(i) == "text"]
    expected = [normalize_space(t) for t, _ in gold]
    if body != expected:
        bad = next(k for k, (a, b) in enumerate(zip(body + [""] * len(expected), expected)) if a != b)
        raise SystemExit(f"{name}: paragraph {bad} read as {body[bad:bad + 1]} instead of {expected[bad]!r}")
    chapters = sentence_chapters(doc, [Sentence(p, k) for k, p in enumerate(doc.paragraphs)])
    return [Sentence(t, p) for t, (_, p) in zip(body, gold)], chapters


def worker(spec: dict[str, Any]) -> dict[str, Any]:
    from dataclasses import replace

    from alignment.align import AlignConfig, align
    from alignment.chapters import align_books

    data = json.loads(Path(spec["data"]).read_text())
    src, src_ch = read_side(Path(spec["src_epub"]).read_bytes(), data["src"], "en.epub")
    tgt, tgt_ch = read_side(Path(spec["tgt_epub"]).read_bytes(), data["tgt"], "fr.epub")
    start = time.perf_counter()
    embedder = EMBEDDERS[spec["embedder"]](threads=2, cache_dir=spec["cache"])
    embedder.embed(["Model loading is timed apart."])
    load = time.perf_counter() - start
    config = replace(AlignConfig(), group_unaligned=True)  # LIMSI writes unaligned runs as one link
    start, cpu = time.perf_counter(), time.process_time()
    if spec["mode"] == "chapters":
        alignment = align_books(src, tgt, src_ch, tgt_ch, embedder=embedder, config=config,
                                src_lang="en", tgt_lang="fr")
    else:
        alignment = align(src, tgt, embedder=embedder, config=config, src_lang="en", tgt_lang="fr")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    gold = [Link(tuple(a), tuple(b)) for a, b in data["links"]]
    s = score([gold], [alignment.links])
    chapters = dict(alignment.signature.params).get("chapters", "-")
    groups = []
    if spec["mode"] == "chapters":  # the chapter pairing, for the record (not timed)
        from alignment.chapters import match_chapters
        for a, b in match_chapters(src, tgt, src_ch, tgt_ch, embedder=embedder):
            groups.append(" + ".join(src_ch[i].title for i in a) + " = "
                          + " + ".join(tgt_ch[j].title for j in b))
    return {"n": [len(src), len(tgt)], "ch": [len(src_ch), len(tgt_ch)], "matched": chapters,
            "load": load, "seconds": seconds, "cpu": cpu, "peak_mb": peak_rss_mb(),
            "scores": [s.precision_strict, s.recall_strict, s.f1_strict, s.f1_lax],
            "warnings": list(alignment.warnings), "groups": groups}


def run_worker(spec: dict[str, Any]) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--worker", json.dumps(spec)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"worker failed: {spec['mode']}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--embedder", choices=EMBEDDERS.names(), default="use")
    parser.add_argument("--chapter", type=int, default=100, help="about this many source sentences a chapter")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(json.loads(args.worker))))
        return
    if not (args.bench / "limsi").is_dir():
        raise SystemExit(f"{args.bench}/limsi not found; this benchmark needs ../shared/bench")
    data = build(args.bench, args.chapter)
    with tempfile.TemporaryDirectory(prefix="bench-books-") as tmp:
        paths = {"data": f"{tmp}/novel.json", "src_epub": f"{tmp}/en.epub", "tgt_epub": f"{tmp}/fr.epub"}
        Path(paths["data"]).write_text(json.dumps(data))
        Path(paths["src_epub"]).write_bytes(write_side([t for t, _ in data["src"]], data["src_chapters"], "en"))
        Path(paths["tgt_epub"]).write_bytes(write_side([t for t, _ in data["tgt"]], data["tgt_chapters"], "fr"))
        runs = []
        for mode in ("whole", "chapters"):  # a fresh cache folder each: cold, then warm
            with tempfile.TemporaryDirectory(prefix="cache-", dir=tmp) as cache:
                for state in ("cold", "warm"):
                    runs.append((mode, state, run_worker({**paths, "mode": mode, "cache": cache,
                                                          "embedder": args.embedder})))
    header = ["mode", "cache", "sentences", "chapters", "matched", "load s", "align s", "cpu s",
              "peak MB", "P", "R", "F1", "F1 lax"]
    rows = [[mode, state, f"{r['n'][0]}x{r['n'][1]}", f"{r['ch'][0]}x{r['ch'][1]}", r["matched"],
             f"{r['load']:.1f}", f"{r['seconds']:.2f}", f"{r['cpu']:.2f}", f"{r['peak_mb']:.0f}",
             *(f"{x:.3f}" for x in r["scores"])] for mode, state, r in runs]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    fmt = lambda r: "  ".join(c.rjust(w) for c, w in zip(r, widths))  # noqa: E731
    print(f"LIMSI novel as an EPUB pair (5 books, {args.chapter}-sentence chapters; French side: "
          f"translator's preface added, a chapter split, two merged), embedder {args.embedder}")
    print("\n".join([fmt(header), "-" * len(fmt(header)), *(fmt(r) for r in rows)]))
    print("align s: end to end after model loading, embedding included (cold: a fresh cache "
          "folder, warm: the same folder again, so align s is the aligner alone); cpu s: CPU time "
          "of all threads; matched: chapter groups paired / groups")
    print("chapter pairs found:", "; ".join(runs[-1][2]["groups"]))
    for mode, state, r in runs:
        for w in r["warnings"]:
            print(f"warning ({mode}, {state}): {w}")


if __name__ == "__main__":
    main()
