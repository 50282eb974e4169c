"""The unrelated-texts warning (alignment/unrelated.py) on true and wrong pairs of texts.

Aligns, with the USE encoder, each LIMSI book and Text+Berg document with its translation (true
pairs), one book's original with another's translation (400 sentences a side at most), and a
text's first half with its translation's second half; prints the median link cosine of each
kind's texts (its range), how many of each the warning fires on, and over every window of
consecutive links of the true pairs the lowest median (a short text's median wanders more).

Usage: python benchmarks/bench_unrelated.py [--bench ../shared/bench] [--split dev|all]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from sacremoses import MosesDetokenizer

from alignment.gold import iter_bench
from alignment.pipeline import align_sentences, resolve_embedder
from alignment.unrelated import UNRELATED, UNRELATED_SHORT, link_cosines, unrelated_warning

ROOT = Path(__file__).resolve().parent.parent


def _texts(bench: Path, split: str) -> dict[str, tuple[list[str], list[str], str, str]]:
    """Each document's sides, detokenized (as a person's files are), and languages."""
    out = {}
    for folder in ("limsi", "textberg"):
        for doc in iter_bench(bench / folder, split if folder == "textberg" else "dev"):
            detok = {lang: MosesDetokenizer(lang) for lang in (doc.src_lang, doc.tgt_lang)}
            out[f"{folder}:{doc.name}"] = tuple(
                [detok[lang].detokenize(s.text.replace("\\_", "").split()) for s in side]
                for side, lang in ((doc.src, doc.src_lang), (doc.tgt, doc.tgt_lang))) + (doc.src_lang, doc.tgt_lang)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--split", choices=["dev", "all"], default="dev", help="Text+Berg documents")
    args = ap.parse_args()
    embedder = resolve_embedder("use")
    docs = _texts(args.bench, args.split)
    pairs: dict[str, list[tuple[list[str], list[str], str, str]]] = {"true": [], "cross": [], "halves": []}
    for name, (src, tgt, sl, tl) in docs.items():
        pairs["true"].append((src, tgt, sl, tl))
        pairs["halves"].append((src[:len(src) // 2], tgt[len(tgt) // 2:], sl, tl))
        pairs["cross"] += [(src[:400], other[1][:400], sl, tl) for key, other in docs.items()
                           if key != name and key.split(":")[0] == name.split(":")[0]]
    lowest: dict[int, float] = {}
    for kind, todo in pairs.items():
        medians, warned = [], 0
        for src, tgt, sl, tl in todo:
            bitext = align_sentences(src, tgt, src_lang=sl, tgt_lang=tl, embedder=embedder)
            cos = link_cosines(bitext, embedder, most=10**9)
            medians.append(float(np.nanmedian(cos)))
            warned += unrelated_warning(bitext, embedder) is not None
            for w in (6, 10, 19, 20, 30) if kind == "true" else ():
                runs = [np.median(cos[i:i + w]) for i in range(len(cos) - w + 1)]
                lowest[w] = min([lowest.get(w, 1.0), *runs])
        print(f"{kind:7} {len(todo):3} pairs: median link cosine {min(medians):.3f}-{max(medians):.3f}; "
              f"warned {warned}")
    print(f"bars: {UNRELATED_SHORT} under 20 links, {UNRELATED} from 20; lowest window median of "
          "the true pairs: " + ", ".join(f"{w} links {v:.3f}" for w, v in lowest.items()))


if __name__ == "__main__":
    main()
