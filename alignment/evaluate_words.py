"""Evaluation of word links against gold word alignments: the Alibi reader, AER, bench runs.

Kept apart from evaluate.py (sentence links) because the data and the metric differ.
The Alibi gold (../shared/bench/README.md) is read in its native files: per story one
`*_sents.txt` per language (`IDX<TAB>tokens`) and `ali_w2w_*.txt` in the extended Pharaoh
format ("i-j" sure, "ipj" possible, French token first). Scores follow Och & Ney (2003):
with A the hypothesis links, S the sure and P the possible gold links (S within P),
precision = |A∩P|/|A|, recall = |A∩S|/|S|, AER = 1 - (|A∩S| + |A∩P|)/(|A| + |S|),
micro-averaged by summing counts over sentence pairs. Returns data; cli/bench.py formats.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BenchDataError
from .evaluate import peak_rss_mb
from .types import WordLink

WordPair = tuple[int, int]
_LINK = re.compile(r"^(\d+)([-p])(\d+)$")


@dataclass(frozen=True)
class WordGold:
    """One story: its tokenized sentence pairs and the gold links of each pair."""

    name: str
    src: tuple[tuple[str, ...], ...]
    tgt: tuple[tuple[str, ...], ...]
    sure: tuple[frozenset[WordPair], ...]
    possible: tuple[frozenset[WordPair], ...]  # includes the sure links
    src_lang: str = "fr"
    tgt_lang: str = "en"


@dataclass(frozen=True)
class WordScores:
    """Counts and the metrics computed from them (see the module docstring)."""

    hypothesis: int  # |A|
    sure: int  # |S|
    hit_sure: int  # |A∩S|
    hit_possible: int  # |A∩P|

    @property
    def precision(self) -> float:
        return self.hit_possible / self.hypothesis if self.hypothesis else 0.0

    @property
    def recall(self) -> float:
        return self.hit_sure / self.sure if self.sure else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def aer(self) -> float:
        total = self.hypothesis + self.sure
        return 1.0 - (self.hit_sure + self.hit_possible) / total if total else 0.0

    def __add__(self, other: WordScores) -> WordScores:
        return WordScores(self.hypothesis + other.hypothesis, self.sure + other.sure,
                          self.hit_sure + other.hit_sure, self.hit_possible + other.hit_possible)


def parse_pharaoh(text: str, where: str = "") -> tuple[frozenset[WordPair], frozenset[WordPair]]:
    """(sure, possible) links of one line "0-0 1p2 ..."; possible includes sure."""
    sure, possible = set(), set()
    for item in text.split():
        m = _LINK.match(item)
        if m is None:
            raise BenchDataError(f"{where}: {item!r} is not an 'i-j' or 'ipj' link")
        pair = (int(m.group(1)), int(m.group(3)))
        possible.add(pair)
        if m.group(2) == "-":
            sure.add(pair)
    return frozenset(sure), frozenset(possible)


def word_scores(sure: Iterable[WordPair], possible: Iterable[WordPair],
                hypothesis: Iterable[WordPair]) -> WordScores:
    """Counts of one sentence pair; sum them (`+`) for a micro average."""
    s, p, a = set(sure), set(possible) | set(sure), set(hypothesis)
    return WordScores(len(a), len(s), len(a & s), len(a & p))


def _indexed(path: Path) -> dict[int, str]:
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        idx, _, rest = line.partition("\t")
        if not idx.strip().isdigit():
            raise BenchDataError(f"{path}:{n}: expected 'IDX<TAB>text'")
        out[int(idx)] = rest.strip()
    return out


def read_alibi_story(directory: str | Path) -> WordGold:
    """One Alibi story folder (e.g. ChatBotte_MasterCat)."""
    d = Path(directory)
    gold = sorted(d.glob("ali_w2w_*_*.txt"))
    if len(gold) != 1:
        raise BenchDataError(f"{d}: expected one ali_w2w_<French>_<English>.txt file")
    fr_name, en_name = gold[0].stem[len("ali_w2w_"):].split("_", 1)
    fr, en = _indexed(d / f"{fr_name}_sents.txt"), _indexed(d / f"{en_name}_sents.txt")
    links = _indexed(gold[0]) if gold[0].stat().st_size else {}
    keys = sorted(set(fr) & set(en))
    parsed = [parse_pharaoh(links.get(k, ""), f"{gold[0]}: pair {k}") for k in keys]
    return WordGold(d.name, tuple(tuple(fr[k].split()) for k in keys),
                    tuple(tuple(en[k].split()) for k in keys),
                    tuple(p[0] for p in parsed), tuple(p[1] for p in parsed))


def iter_alibi(directory: str | Path) -> list[WordGold]:
    """Every story of an Alibi folder, or the one story a story folder holds."""
    d = Path(directory)
    if any(d.glob("ali_w2w_*.txt")):
        return [read_alibi_story(d)]
    stories = [read_alibi_story(s) for s in sorted(p for p in d.iterdir() if p.is_dir())
               if any(s.glob("ali_w2w_*.txt"))]
    if not stories:
        raise BenchDataError(f"{d}: no Alibi story (folder with ali_w2w_*.txt) here")
    return stories


def is_alibi(directory: str | Path) -> bool:
    """True when `directory` holds Alibi word-alignment gold (a story or a folder of them)."""
    d = Path(directory)
    return any(d.glob("ali_w2w_*.txt")) or any(d.glob("*/ali_w2w_*.txt"))


@dataclass(frozen=True)
class WordDocResult:
    """One story linked and scored, with its cost and the precision at the highlight level."""

    name: str
    pairs: int
    scores: WordScores
    confident: WordScores  # only the links with confidence >= the highlight threshold
    seconds: float
    peak_rss_mb: float


@dataclass(frozen=True)
class WordBenchResult:
    docs: tuple[WordDocResult, ...]
    total: WordDocResult
    highlight: float
    signature: str


def _score_story(gold: WordGold, links: Sequence[Sequence[WordLink]],
                 highlight: float) -> tuple[WordScores, WordScores]:
    total = confident = WordScores(0, 0, 0, 0)
    for s, p, hyp in zip(gold.sure, gold.possible, links):
        total += word_scores(s, p, ((w.src, w.tgt) for w in hyp))
        confident += word_scores(s, p, ((w.src, w.tgt) for w in hyp if w.confidence >= highlight))
    return total, confident


def run_word_bench(stories: Sequence[WordGold], *, embedder: Any, config: Any = None,
                   link_fn: Any = None) -> WordBenchResult:
    """Link every story (each trained on its own pairs, as a reader's text is) and score it."""
    from .words import DEFAULT_CONFIG, link_token_pairs

    config = config or DEFAULT_CONFIG
    link_fn = link_fn or link_token_pairs
    results = []
    for story in stories:
        start = time.perf_counter()
        links = link_fn(list(zip(story.src, story.tgt)), embedder=embedder, config=config)
        seconds = time.perf_counter() - start
        scores, confident = _score_story(story, links, config.highlight)
        results.append(WordDocResult(story.name, len(story.src), scores, confident, seconds,
                                     peak_rss_mb()))
    zero = WordScores(0, 0, 0, 0)
    total = WordDocResult("total", sum(r.pairs for r in results),
                          sum((r.scores for r in results), zero),
                          sum((r.confident for r in results), zero),
                          sum(r.seconds for r in results), peak_rss_mb())
    sig = f"words:{getattr(embedder, 'name', '?')}|" + "|".join(f"{k}:{v}" for k, v in config.params())
    return WordBenchResult(tuple(results), total, config.highlight, sig)
