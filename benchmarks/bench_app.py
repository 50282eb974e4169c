"""How fast the reader is on a long text: opening a 10,000-link PO and moving between pages.

Usage: python benchmarks/bench_app.py [--links 10000] [--repeat 5]

Builds a synthetic bitext (sentences of about 100 characters, a mix of 1-1, 2-1,
1-2, 1-0 and 0-1 links, some of them fuzzy), writes it as a PO with alignment.po,
then times, on this machine:
- through alignment.browse: read_po, the first page (select + page + render_rows),
  a page move, a search over every link, a merge and an undo;
- through streamlit.testing.v1.AppTest (the app's own script, no browser): opening
  the PO from the start page cold and again (cached), and "Next page" clicks (full reruns).
Prints a table (median of --repeat runs, and the worst) and the peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alignment import browse  # noqa: E402
from alignment.types import Alignment, Bitext, Link, Sentence  # noqa: E402

WORDS = ("the river bridge village stone market spring arches mason quarry horses bank "
         "worker mark century winter flood repair mayor council road").split()
KINDS = [(1, 1)] * 80 + [(2, 1)] * 7 + [(1, 2)] * 7 + [(1, 0)] * 3 + [(0, 1)] * 3


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 22))]
    return f"{' '.join(words).capitalize()} {n}."


def synthetic(n_links: int, seed: int = 0) -> Bitext:
    """A bitext of `n_links` links; paragraphs of about 6 links."""
    rng = random.Random(seed)
    src: list[Sentence] = []
    tgt: list[Sentence] = []
    links = []
    for i in range(n_links):
        ns, nt = rng.choice(KINDS)
        para = i // 6
        s_ids = tuple(range(len(src), len(src) + ns))
        t_ids = tuple(range(len(tgt), len(tgt) + nt))
        src += [Sentence(sentence(rng, len(src) + k), para) for k in range(ns)]
        tgt += [Sentence(sentence(rng, len(tgt) + k), para) for k in range(nt)]
        links.append(Link(s_ids, t_ids, round(rng.uniform(0.6, 1.0), 3)))
    return Bitext(tuple(src), tuple(tgt), Alignment(tuple(links)), "fr", "en", "bench")


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def bench_browse(path: Path, repeat: int) -> list[tuple[str, list[float]]]:
    from alignment.po import read_po

    bitext = read_po(path)
    n = len(bitext.alignment.links)

    def first_page() -> str:
        ids = browse.select(bitext, browse.Filters())
        return browse.render_rows(bitext, browse.page(bitext, 0, 50, ids).ids)

    pages = iter(range(1, 10**9))
    query = browse.Query("bridge 4", regex=False)
    return [
        ("read_po (open the file)", timed(lambda: read_po(path), repeat)),
        ("first page: select + render 50 rows", timed(first_page, repeat)),
        ("page move: page + render 50 rows",
         timed(lambda: browse.render_rows(bitext, browse.page(bitext, next(pages) % 200, 50).ids),
               repeat)),
        (f"search all {n:,} links", timed(lambda: browse.search(bitext, query), repeat)),
        ("filter: fuzzy below 0.9", timed(lambda: browse.select(
            bitext, browse.Filters(fuzzy_only=True)), repeat)),
        ("merge + undo", timed(lambda: browse.History(bitext).push(
            browse.merge(bitext, n // 2)).undo(), repeat)),
    ]


def bench_apptest(path: Path, repeat: int) -> list[tuple[str, list[float]]]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    def open_file(at: AppTest) -> float:
        at.text_input(key="po_path").input(str(path)).run()
        t0 = time.perf_counter()
        at.button(key="open_path").click().run()
        if at.exception:
            raise RuntimeError(at.exception[0].value)
        return time.perf_counter() - t0

    def rerun(at: AppTest, **state: object) -> float:
        for key, value in state.items():
            at.session_state[key] = value
        t0 = time.perf_counter()
        at.run()
        return time.perf_counter() - t0

    cold, warm, moves, edits, menu, menu_again = [], [], [], [], [], []
    for _ in range(repeat):
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
        cold.append(open_file(at))
        for _ in range(3):
            t0 = time.perf_counter()
            at.button(key="next_page").click().run()
            moves.append(time.perf_counter() - t0)
        for _ in range(2):
            t0 = time.perf_counter()
            at.button(key="review").click().run()
            edits.append(time.perf_counter() - t0)
        menu.append(rerun(at, dl_menu=True))  # what opening the Download menu does
        rerun(at, dl_menu=False)
        menu_again.append(rerun(at, dl_menu=True))
        rerun(at, dl_menu=False)
        at.button(key="close").click().run()
        if "history" in at.session_state:  # the unsaved-changes guard
            at.button(key="guard_discard").click().run()
        warm.append(open_file(at))
    return [("app: open the PO, cold (click, parse, first page)", cold),
            ("app: open it again (parsed PO cached)", warm),
            ("app: Next page click (full rerun)", moves),
            ("app: an edit (Mark reviewed, full rerun)", edits),
            ("app: open the Download menu (no file made until a format is clicked)", menu),
            ("app: open it again, no edit since", menu_again)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from alignment.po import write_po

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("XDG_CACHE_HOME", tmp)
        path = Path(tmp) / "long.po"
        bitext = synthetic(args.links)
        write_po(bitext, path)
        print(f"{args.links:,} links, {len(bitext.src):,} + {len(bitext.tgt):,} sentences, "
              f"PO {path.stat().st_size / 2**20:.1f} MB; median and worst of {args.repeat} runs\n")
        rows = bench_browse(path, args.repeat) + bench_apptest(path, max(1, args.repeat // 2))
        print(f"| {'step':<50} | {'median s':>9} | {'worst s':>8} |")
        print(f"|{'-' * 52}|{'-' * 11}|{'-' * 10}|")
        for name, times in rows:
            print(f"| {name:<50} | {statistics.median(times):9.3f} | {max(times):8.3f} |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
