"""Japanese word cutting for word links: which segmenter gives a learner the right English word.

A learner's spot check found most Japanese content words linked wrongly (新宿 = "lived"). The
words a link joins are the segmenter's (cjk.py), so each candidate cuts the Japanese of a
hand-made gold (tests/fixtures/ja_en_words.tsv: 33 everyday sentence pairs, names, places,
numbers, dates, each content word with its English words), the project's word-links stage
(words.link_tokens, the real encoder) links the pairs, and the links are scored:
- P, R, F1: per character of the annotated Japanese words, against the English words the gold
  gives them (a link from a token that runs over two words, '住む家' -> 'house', is half wrong;
  so the score does not depend on where a segmenter puts its boundaries);
- right / wrong: what a learner pointing at a gold word sees: its token(s) linked only to its
  English words, or to some other word (the rest were left unlinked);
- cut: gold words that are exactly one token.
Load (import and first cut), ms a sentence and peak memory are measured in a fresh process per
candidate, before the encoder loads. A candidate not installed is said so. A Chinese gold
(--gold tests/fixtures/zh_en_words.tsv: 20 pairs, 99 words) is scored as cjk.py cuts it (rjieba).

Usage: python benchmarks/bench_words_cjk.py [--gold tests/fixtures/ja_en_words.tsv] [--only NAME]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "ja_en_words.tsv"


@dataclass(frozen=True)
class GoldWord:
    """A content word of the original (its character span) and its English token indexes."""

    start: int
    end: int
    english: frozenset[int]


@dataclass(frozen=True)
class GoldPair:
    original: str
    english: str
    words: tuple[GoldWord, ...]


def _nth(items: list[str], item: str, what: str) -> int:
    """Index of 'ITEM' or 'ITEM#n' (n-th occurrence) among `items`."""
    name, _, n = item.partition("#")
    hits = [k for k, x in enumerate(items) if x == name]
    if len(hits) < int(n or 1):
        raise ValueError(f"{what}: {item!r} not found")
    return hits[int(n or 1) - 1]


def _find(text: str, item: str, what: str) -> tuple[int, int]:
    name, _, n = item.partition("#")
    at = -1
    for _ in range(int(n or 1)):
        at = text.find(name, at + 1)
        if at < 0:
            raise ValueError(f"{what}: {item!r} not found")
    return at, at + len(name)


def read_gold(path: Path = GOLD) -> list[GoldPair]:
    """The pairs of a gold file (its format is in its comment header)."""
    from alignment.words import tokenize

    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        original, english, links = line.split("\t")
        en = [t.text for t in tokenize(english)]
        words = []
        for item in links.split(" ; "):
            word, _, targets = item.partition("=")
            start, end = _find(original, word.strip(), f"{path.name}:{n}")
            words.append(GoldWord(start, end, frozenset(
                _nth(en, t, f"{path.name}:{n}") for t in targets.split())))
        out.append(GoldPair(original, english, tuple(words)))
    return out


# ---------------------------------------------------------------- candidates


def _tinysegmenter() -> Callable[[str], list[str]]:
    import tinysegmenter
    return tinysegmenter.TinySegmenter().tokenize


def _fugashi() -> Callable[[str], list[str]]:
    import fugashi  # with unidic-lite's dictionary
    tagger = fugashi.Tagger()
    return lambda text: [w.surface for w in tagger(text)]


def _sudachi(mode: str) -> Callable[[], Callable[[str], list[str]]]:
    def load() -> Callable[[str], list[str]]:
        from sudachipy import Dictionary, SplitMode  # with sudachidict-core
        tok = Dictionary(dict="core").create(getattr(SplitMode, mode))
        return lambda text: [m.surface() for m in tok.tokenize(text)]
    return load


def _janome() -> Callable[[str], list[str]]:
    from janome.tokenizer import Tokenizer
    tok = Tokenizer(wakati=True)
    return lambda text: list(tok.tokenize(text))


CANDIDATES: dict[str, Callable[[], Callable[[str], list[str]]] | None] = {
    "cjk.py as it is": None,
    "tinysegmenter": _tinysegmenter,
    "fugashi+unidic-lite": _fugashi,
    "sudachi core C": _sudachi("C"),
    "sudachi core A": _sudachi("A"),
    "janome": _janome,
}


def _use(cut: Callable[[str], list[str]]) -> None:
    """Make cjk.words cut Japanese runs with `cut` (Chinese runs as cjk.py does)."""
    from alignment import cjk

    chinese = cjk.words

    def words(text: str) -> list[str]:
        if not cjk.KANA.search(text):
            return chinese(text)
        parts = cjk._joined_numbers(cut(text))
        return [p for p in parts if p] if "".join(parts) == text else [text]

    cjk.words = words


def _peak_mb() -> float:
    """This process's high-water resident memory (VmHWM: getrusage's ru_maxrss would keep the
    parent's, the encoder loaded, across fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def tokenize_one(name: str, gold: Path) -> dict:
    """In this (fresh) process: load candidate `name`, cut the gold's originals, measure."""
    from alignment.words import tokenize

    pairs = read_gold(gold)
    texts = [p.original for p in pairs]
    before = _peak_mb()
    start = time.perf_counter()
    load = CANDIDATES[name]
    if load is not None:
        try:
            _use(load())
        except ImportError as e:
            return {"error": f"not installed ({e.name})"}
    tokens = [[(t.start, t.end) for t in tokenize(text)] for text in texts]
    loaded = time.perf_counter() - start
    runs, start = 0, time.perf_counter()
    while time.perf_counter() - start < 0.5:
        for text in texts:
            tokenize(text)
        runs += len(texts)
    ms = 1000 * (time.perf_counter() - start) / runs
    peak = _peak_mb()
    return {"tokens": tokens, "load_s": loaded, "ms": ms, "peak_mb": peak, "added_mb": peak - before}


# ---------------------------------------------------------------- scoring


def score(pairs: list[GoldPair], tokens: list[list[tuple[int, int]]],
          links: list[tuple[tuple[int, int], ...]]) -> dict[str, float]:
    """P/R/F1 per annotated character and the learner's verdict per gold word (docstring)."""
    from alignment.evaluate_words import WordScores, word_scores

    total = WordScores(0, 0, 0, 0)
    right = wrong = cut = words = 0
    for pair, spans, found in zip(pairs, tokens, links):
        spans = [tuple(s) for s in spans]
        gold = {(c, j) for w in pair.words for c in range(w.start, w.end) for j in w.english}
        marked = {c for w in pair.words for c in range(w.start, w.end)}
        hyp = {(c, j) for i, j in found for c in range(*spans[i]) if c in marked}
        total += word_scores(gold, gold, hyp)
        for w in pair.words:
            mine = [i for i, (a, b) in enumerate(spans) if a < w.end and b > w.start]
            linked = {j for i, j in found if i in mine}
            words += 1
            cut += [spans[i] for i in mine] == [(w.start, w.end)]
            right += bool(linked) and linked <= w.english
            wrong += bool(linked - w.english)
    return {"P": total.precision, "R": total.recall, "F1": total.f1,
            "right": right / words, "wrong": wrong / words, "cut": cut / words}


def link(pairs: list[GoldPair], tokens: list[list[tuple[int, int]]],
         embedder: object) -> list[tuple[tuple[int, int], ...]]:
    """Word links (original token index, English token index) of every pair, trained together."""
    from alignment.words import link_token_pairs, tokenize

    texts = [([p.original[a:b] for a, b in spans], [t.text for t in tokenize(p.english)])
             for p, spans in zip(pairs, tokens)]
    return [tuple((w.src, w.tgt) for w in found)
            for found in link_token_pairs(texts, embedder=embedder)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--only", action="append", choices=list(CANDIDATES))
    ap.add_argument("--one", choices=list(CANDIDATES), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(tokenize_one(args.one, args.gold)))
        return
    from alignment.embed import UseEmbedder

    pairs = read_gold(args.gold)
    embedder = UseEmbedder(threads=2)
    print(f"{len(pairs)} pairs, {sum(len(p.words) for p in pairs)} content words from {args.gold.name}")
    print(f"{'segmenter':22} {'P':>5} {'R':>5} {'F1':>5} {'right':>6} {'wrong':>6} {'cut':>5} "
          f"{'load s':>7} {'ms/sent':>8} {'peak MB':>8} {'+MB':>5}")
    from alignment.cjk import KANA

    names = args.only or list(CANDIDATES)
    if not any(KANA.search(p.original) for p in pairs):  # Chinese: the candidates cut Japanese
        names = ["cjk.py as it is"]
    for name in names:
        run = subprocess.run([sys.executable, __file__, "--one", name, "--gold", str(args.gold)],
                             capture_output=True, text=True, check=True)
        got = json.loads(run.stdout.splitlines()[-1])
        if "error" in got:
            print(f"{name:22} {got['error']}")
            continue
        s = score(pairs, got["tokens"], link(pairs, got["tokens"], embedder))
        print(f"{name:22} {s['P']:5.2f} {s['R']:5.2f} {s['F1']:5.2f} {s['right']:6.0%} "
              f"{s['wrong']:6.0%} {s['cut']:5.0%} {got['load_s']:7.2f} {got['ms']:8.3f} "
              f"{got['peak_mb']:8.0f} {got['added_mb']:5.0f}")
    print("P, R, F1: per character of the gold's content words; right / wrong: gold words whose "
          "tokens link only to their English words / to another word; cut: gold words that are "
          "one token; load: import and first sentences; peak MB: the process before the encoder "
          "loads, +MB: what the segmenter added (rjieba's dictionary in all; a dictionary mapped "
          "from disk counts its pages read: Sudachi's and UniDic's own memory is a few MB)")


if __name__ == "__main__":
    main()
