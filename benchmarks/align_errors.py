"""Which kinds of sentence link the aligner gets wrong, per dev document: a table.

Every hypothesis link not in the gold is put in one category, by how it sits
against the gold links it touches:

    over-merge   the union of two or more gold links (none unaligned)
    merge+null   the union of gold links, one of them a sentence left unaligned
                 in the gold (an omission or OCR debris merged into a neighbour)
    over-split   part of one gold link with both sides (a 2-2 found as two 1-1)
    null-split   part of one gold link, with an empty side (a sentence of a
                 merge left out)
    shifted      overlaps several gold links without being their union (a
                 boundary in the wrong place)

Gold links are also counted by kind (1-1, 2-1/1-2, larger, unaligned), with
how many the aligner missed. Only dev data (Text+Berg dev and the LIMSI
books); Text+Berg test is never looked at here.

    python benchmarks/align_errors.py --embedder use
    python benchmarks/align_errors.py --embedder use --plain   # without the encoder
    python benchmarks/align_errors.py --embedder use --show Emma  # each wrong link of a book

Bench data: ../shared/bench beside the checkout, or $ALIGN_BENCH.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence

import tune_align as T

from alignment.align import AlignConfig
from alignment.evaluate import score

Pair = tuple[tuple[int, ...], tuple[int, ...]]
CATEGORIES = ("over-merge", "merge+null", "over-split", "null-split", "shifted")
KINDS = ("1-1", "2-1/1-2", "larger", "unaligned")


def kind(link: Pair) -> str:
    a, b = len(link[0]), len(link[1])
    if not a or not b:
        return "unaligned"
    return "1-1" if a + b == 2 else "2-1/1-2" if a + b == 3 else "larger"


def category(link: Pair, src_of: dict, tgt_of: dict) -> str:
    """The category of a wrong hypothesis link (see the module docstring)."""
    cover = ({src_of.get(i) for i in link[0]} | {tgt_of.get(j) for j in link[1]}) - {None}
    union = (tuple(sorted(i for g in cover for i in g[0])), tuple(sorted(j for g in cover for j in g[1])))
    if union == link and len(cover) > 1:
        return "merge+null" if any(not g[0] or not g[1] for g in cover) else "over-merge"
    if len(cover) == 1:
        return "null-split" if not link[0] or not link[1] else "over-split"
    return "shifted"


def errors(gold: Sequence[Pair], hyp: Sequence[Pair]) -> tuple[Counter, Counter, Counter]:
    """(wrong hypothesis links by category, gold links by kind, missed gold links by kind)."""
    gold_set = set(gold)
    src_of = {i: g for g in gold for i in g[0]}
    tgt_of = {j: g for g in gold for j in g[1]}
    wrong = Counter(category(h, src_of, tgt_of) for h in hyp if h not in gold_set)
    hyp_set = set(hyp)
    return wrong, Counter(kind(g) for g in gold), Counter(kind(g) for g in gold if g not in hyp_set)


def show(doc, gold: Sequence[Pair], hyp: Sequence[Pair]) -> None:
    """Each wrong link of one document with its sentences and the gold links it touches."""
    src_of = {i: g for g in gold for i in g[0]}
    tgt_of = {j: g for g in gold for j in g[1]}
    for h in hyp:
        if h in set(gold):
            continue
        touched = sorted(({src_of.get(i) for i in h[0]} | {tgt_of.get(j) for j in h[1]}) - {None})
        print(f"\n{category(h, src_of, tgt_of)}: {h}  gold {touched}")
        for i in h[0]:
            print(f"   S{i}: {doc.src[i].text[:110]}")
        for j in h[1]:
            print(f"   T{j}: {doc.tgt[j].text[:110]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--embedder", choices=["cache", "use"], default="cache")
    ap.add_argument("--plain", action="store_true", help="no encoder (as for an unknown language)")
    ap.add_argument("--show", default="", help="print every wrong link of the documents whose name starts so")
    args = ap.parse_args()
    T.PLAIN = args.plain
    if args.embedder == "use":
        from alignment.embed import default_cache_dir
        from alignment.registry import EMBEDDERS
        embedder = T.Memo(EMBEDDERS["use"](threads=2, cache_dir=default_cache_dir()))
    else:
        embedder = T.Memo(T.CachedUse())
    docs = T.load_docs("dev")
    hyps, _ = T.run(docs, embedder, AlignConfig())
    print(f"{'document':28} {'F1':>6} {'wrong':>5} " + " ".join(f"{c:>10}" for c in CATEGORIES)
          + "   missed/gold: " + " ".join(f"{k:>10}" for k in KINDS))
    total = [Counter(), Counter(), Counter()]
    for d, h in zip(docs, hyps):
        gold = [(tuple(g.src), tuple(g.tgt)) for g in d.links]
        hyp = [(tuple(x.src), tuple(x.tgt)) for x in h]
        counts = errors(gold, hyp)
        for acc, c in zip(total, counts):
            acc.update(c)
        wrong, kinds, missed = counts
        print(f"{d.name[:28]:28} {score([d.links], [h]).f1_strict:6.3f} {sum(wrong.values()):5} "
              + " ".join(f"{wrong[c]:10}" for c in CATEGORIES) + "                "
              + " ".join(f"{f'{missed[k]}/{kinds[k]}':>10}" for k in KINDS))
        if args.show and d.name.startswith(args.show):
            show(d, gold, hyp)
    wrong, kinds, missed = total
    print(f"{'TOTAL':28} {'':6} {sum(wrong.values()):5} " + " ".join(f"{wrong[c]:10}" for c in CATEGORIES)
          + "                " + " ".join(f"{f'{missed[k]}/{kinds[k]}':>10}" for k in KINDS))


if __name__ == "__main__":
    main()
