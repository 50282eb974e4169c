"""How long a proofreader waits in the reader: the Proofread view's first check, the re-check
after an edit elsewhere, and "Find word links", on a real French-English text.

Usage: python benchmarks/bench_app_proofread.py [--bench ../shared/bench] [--links 2000]
       [--edits 3] [--embedder use] [--words] [--root DIR] [--direct]

The text: every gold link of the LIMSI books in ../shared/bench (1,494 links, French
original, English translation, detokenized), cycled to --links links, written as a PO.
Through streamlit.testing.v1.AppTest (the app's own script, no browser) it times:
- switching to Proofread until the findings are shown (word evidence + every default
  check, first time);
- --edits edits far apart ("Mark reviewed"): the click's rerun (the page answering; the
  checks run in the background since this commit) and the time until the new version's
  findings are shown (the app re-checks after every edit up to 2,000 links);
- with --words, "Find word links" from the click until the links are in the text
  (since it runs in the background: until the worker ends and the page takes the links).
--root measures another checkout (its app.py and package), for before/after figures.
--direct instead times the re-check itself, without the app, after each edit: word
evidence built afresh (as before evidence was lent between versions) against evidence
lent by the previous version, alternately in one process (so load on a shared machine
hits both alike), checking both give the same findings.
The encoder's on-disk caches live in a temp folder: the first check is cold.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def limsi_text(bench: Path, n_links: int):
    """The LIMSI books' gold links, cycled to n_links (a sentence pair may come back)."""
    from sacremoses import MosesDetokenizer

    from alignment.evaluate import read_limsi_book
    from alignment.types import Alignment, Bitext, Link, Sentence

    detok = {lang: MosesDetokenizer(lang) for lang in ("en", "fr")}
    pairs = []
    for book in sorted((bench / "limsi").glob("*_EN-FR")):
        gold = read_limsi_book(book)  # src English (translation), tgt French (original)
        for link in gold.links:
            fr = [detok["fr"].detokenize(gold.tgt[k].text.replace("\\_", "").split()) for k in link.tgt]
            en = [detok["en"].detokenize(gold.src[k].text.replace("\\_", "").split()) for k in link.src]
            pairs.append((fr, en))
    src: list[Sentence] = []
    tgt: list[Sentence] = []
    links = []
    for k in range(n_links):
        fr, en = pairs[k % len(pairs)]
        links.append(Link(tuple(range(len(src), len(src) + len(fr))),
                          tuple(range(len(tgt), len(tgt) + len(en))), 0.9))
        src += [Sentence(s, k // 6) for s in fr]
        tgt += [Sentence(s, k // 6) for s in en]
    return Bitext(tuple(src), tuple(tgt), Alignment(tuple(links)), "fr", "en", "limsi-bench")


def wait_job(at, key: str) -> None:
    """Wait for the background job in session state `key` to end, then rerun once, as the
    page's fragment does when it sees the job done (a fragment rerun is cheap in a browser;
    rerunning the whole script here meanwhile would slow the worker, so we wait on it)."""
    state = at.session_state
    while key in state and state[key] is not None:
        state[key].future.result()
        at.run()


def timed_run(at, action) -> tuple[float, float]:
    """(seconds until the click's rerun answers, seconds until this version's findings are
    shown); before the checks ran in the background both are the same."""
    t0 = time.perf_counter()
    action(at).run()
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    answered = time.perf_counter() - t0
    wait_job(at, "check_job")
    assert at.session_state["findings"][0] is at.session_state["history"].current
    return answered, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--embedder", default="use")
    parser.add_argument("--words", action="store_true")
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--direct", action="store_true")
    args = parser.parse_args()
    if not (args.bench / "limsi").is_dir():
        sys.exit(f"{args.bench}/limsi not found; give --bench")
    if args.direct:
        return direct(args)
    sys.path.insert(0, str(args.root))
    from streamlit.testing.v1 import AppTest

    from alignment.po import write_po

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(XDG_CACHE_HOME=tmp, ALIGNMENT_CACHE_DIR=tmp,
                          ALIGNMENT_EMBEDDER=args.embedder)
        path = Path(tmp) / "limsi.po"
        write_po(limsi_text(args.bench, args.links), path)
        at = AppTest.from_file(str(args.root / "app.py"), default_timeout=900).run()
        at.text_input(key="po_path").input(str(path)).run()
        at.button(key="open_path").click().run()
        rows = [("Proofread: first check, findings shown (cold caches)",
                 [timed_run(at, lambda a: a.radio(key="mode").set_value("Proofread"))[1]])]
        edits = []
        for k in range(args.edits):
            at.number_input(key="sel").set_value(1 + (k + 1) * args.links // (args.edits + 1)).run()
            edits.append(timed_run(at, lambda a: a.button(key="review").click()))
        rows += [(f"Proofread: an edit elsewhere, the page answers ({args.edits} edits)",
                  [a for a, _ in edits]),
                 (f"Proofread: that edit, new findings shown ({args.edits} edits)",
                  [b for _, b in edits])]
        if args.words:
            at.radio(key="mode").set_value("Read").run()
            rows.append(("Find word links: click to links in the text", [find_words(at)]))
    print(f"{args.links:,} links (LIMSI books cycled), embedder {args.embedder}, "
          f"checkout {args.root}\n")
    print(f"| {'step':<58} | {'median s':>9} | {'worst s':>8} |")
    print(f"|{'-' * 60}|{'-' * 11}|{'-' * 10}|")
    for name, times in rows:
        print(f"| {name:<58} | {statistics.median(times):9.2f} | {max(times):8.2f} |")


def direct(args: argparse.Namespace) -> None:
    """Re-check after an edit: fresh word evidence against evidence lent by the last version."""
    from alignment import browse
    from alignment.checks import run_checks
    from alignment.evidence import word_evidence
    from alignment.pipeline import resolve_embedder

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(XDG_CACHE_HOME=tmp, ALIGNMENT_CACHE_DIR=tmp)
        text = limsi_text(args.bench, args.links)
        embedder = resolve_embedder(args.embedder)
        evidence = word_evidence(text, embedder)
        run_checks(text, evidence=evidence)
        print(f"{args.links:,} links (LIMSI books cycled), embedder {args.embedder}: "
              "re-check after an edit, seconds\n")
        print("| edit at link | fresh evidence + checks | lent evidence + checks |")
        print("|---|---|---|")
        for k in range(args.edits):
            at = (k + 1) * args.links // (args.edits + 1)
            edited = browse.mark_reviewed(text, at)
            t0 = time.perf_counter()
            fresh = run_checks(edited, evidence=word_evidence(edited, embedder))
            t1 = time.perf_counter()
            lent = run_checks(edited, evidence=word_evidence(edited, embedder, previous=evidence))
            t2 = time.perf_counter()
            assert fresh == lent, "lent evidence changed the findings"
            print(f"| {at + 1} | {t1 - t0:.2f} | {t2 - t1:.2f} |")


def find_words(at) -> float:
    """Click "Find word links" and wait until the links are in the text."""
    t0 = time.perf_counter()
    at.button(key="find_words").click().run()
    wait_job(at, "word_job")
    assert any(link.words for link in at.session_state.history.current.alignment.links)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
