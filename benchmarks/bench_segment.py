"""Sentence-boundary precision/recall/F1 against the LIMSI gold segmentation.

For each book and language (en, fr) every paragraph (<p> of cut_*_{en,fr}.xml,
via alignment.evaluate.read_limsi_book) is rebuilt as raw text from its gold
sentences: tokens detokenized with sacremoses, the Gutenberg italics marks
`\\_` stripped, sentences joined by one space. The paragraph is then split,
and boundaries (character offsets of sentence starts in the rebuilt
paragraph, 0 excluded) are compared with the gold ones. Counts are summed
over paragraphs and books (micro-average). pysbd alone is a baseline row; "dash on"
and "dash off" are ours with the dialogue-dash rule forced (split_sentences'
`dialogue_dash`; by default it is on for French, off for English).

A second table does the same for Text+Berg dev (German and French, the aligner's dev
document), whose files have no paragraphs: every 6 consecutive gold sentences are taken as
one. Its gold segmentation is a tool's, with errors both ways (it splits "Nov. | 1956" and
"l'E. | 1934", and misses "... Medaillon usw. | Es war"), so it is a check against
regressions on German and French non-fiction, not a target.

"gold" counts gold boundaries; sent/s is gold boundaries split per second.
Usage: python benchmarks/bench_segment.py [--bench ../shared/bench] [--errors N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from alignment.evaluate import peak_rss_mb, read_limsi_book
from alignment.segment import split_sentences

Splitter = Callable[[str, str], list[str]]
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    seconds: float = 0.0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.seconds += other.seconds

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _word_start(text: str, pos: int) -> int:
    """Where the sentence whose first non-space character is text[pos] really starts.

    The gold tokenization sometimes gives a sentence's opening quote to the
    sentence before ("end! '" + "I wonder") or a closing quote to the sentence
    after ('prie .' + '" Guillaume'); the book glues them to their words
    ("end! 'I wonder", 'prie." Guillaume'). Inside a word, a letter (or a mark
    after marks only, '""I') moves the boundary back to the word's start, a mark
    after letters forward to the next word.
    """
    if pos == 0 or pos >= len(text) or text[pos - 1].isspace():
        return pos
    word_start = pos
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    if text[pos].isalnum() or not any(c.isalnum() for c in text[word_start:pos]):
        return word_start
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def rebuild(sentences: Iterable[tuple[str, int]], lang: str) -> list[tuple[str, set[int]]]:
    """(paragraph text, gold sentence starts) for each paragraph, in order.

    A paragraph is detokenized as a whole, so that straight quotes alternate
    open/close across its sentences as in the book; see _word_start for where
    a gold boundary falls then.
    """
    from sacremoses import MosesDetokenizer

    detok = MosesDetokenizer(lang)
    paragraphs: dict[int, list[list[str]]] = {}
    for text, paragraph in sentences:
        tokens = [t for t in text.replace("\\_", "").split() if t]
        if tokens:
            paragraphs.setdefault(paragraph, []).append(tokens)
    out = []
    for sents in paragraphs.values():
        text = detok.detokenize([t for tokens in sents for t in tokens])
        solid = [i for i, char in enumerate(text) if not char.isspace()] + [len(text)]
        starts, seen = set(), 0
        for tokens in sents[:-1]:
            seen += sum(not c.isspace() for c in detok.detokenize(tokens))
            start = _word_start(text, solid[min(seen, len(solid) - 1)])
            if 0 < start < len(text):
                starts.add(start)
        out.append((text, starts))
    return out


def starts_of(text: str, parts: list[str]) -> set[int]:
    """Offsets in text where parts 2.. begin (parts are in order, whitespace may differ)."""
    starts, pos = set(), 0
    for k, part in enumerate(parts):
        found = text.find(part.strip(), pos)
        if found < 0:
            continue
        if k:
            starts.add(found)
        pos = found + len(part.strip())
    return starts


def pysbd_split(text: str, lang: str) -> list[str]:
    import pysbd

    return pysbd.Segmenter(language=lang, clean=False).segment(text)


def run(paragraphs: list[tuple[str, set[int]]], lang: str, splitter: Splitter,
        errors: list[tuple[str, str, str]]) -> Counts:
    counts = Counts()
    t0 = time.perf_counter()
    for text, gold in paragraphs:
        found = starts_of(text, splitter(text, lang))
        counts.tp += len(found & gold)
        counts.fp += len(found - gold)
        counts.fn += len(gold - found)
        errors.extend(("FP", lang, text[max(0, i - 60):i] + " ‖ " + text[i:i + 40]) for i in found - gold)
        errors.extend(("FN", lang, text[max(0, i - 60):i] + " ‖ " + text[i:i + 40]) for i in gold - found)
    counts.seconds = time.perf_counter() - t0
    return counts


def textberg_table(folder: Path, splitters: dict[str, Splitter], group: int = 6) -> None:
    """Boundary P/R/F1 on Text+Berg dev, `group` consecutive sentences to a paragraph."""
    if not (folder / "dev.de").exists():
        return
    print(f"\nText+Berg dev ({group} gold sentences to a paragraph)")
    for lang in ("de", "fr"):
        lines = [t for t in (folder / f"dev.{lang}").read_text(encoding="utf-8").split("\n") if t.strip()]
        paragraphs = rebuild(((t, k // group) for k, t in enumerate(lines)), lang)
        for name in ("ours", "pysbd"):
            counts = run(paragraphs, lang, splitters[name], [])
            p, r, f = counts.prf()
            print(f"{'textberg dev':<28} {lang:<4} {name:<8} {counts.tp + counts.fn:>5} "
                  f"{p:>6.3f} {r:>6.3f} {f:>6.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors of ours per language")
    args = parser.parse_args(argv)
    limsi = args.bench / "limsi"
    books = sorted(p for p in limsi.glob("*_EN-FR") if p.is_dir())
    if not books:
        print(f"no LIMSI books under {limsi}; pass --bench DIR", file=sys.stderr)
        return 1
    rows = []
    splitters: dict[str, Splitter] = {
        "ours": split_sentences, "pysbd": pysbd_split,
        "dash on": lambda text, lang: split_sentences(text, lang, dialogue_dash=True),
        "dash off": lambda text, lang: split_sentences(text, lang, dialogue_dash=False)}
    totals = {(name, lang): Counts() for name in splitters for lang in ("en", "fr")}
    errors: list[tuple[str, str, str]] = []
    for book in books:
        gold = read_limsi_book(book)
        for lang, sents in (("en", gold.src), ("fr", gold.tgt)):
            paragraphs = rebuild(((s.text, s.paragraph) for s in sents), lang)
            for name, splitter in splitters.items():
                counts = run(paragraphs, lang, splitter, errors if name == "ours" else [])
                totals[(name, lang)].add(counts)
                rows.append((book.name.removesuffix("_EN-FR"), lang, name, counts))
    rows += [("TOTAL", lang, name, c) for (name, lang), c in sorted(totals.items(), key=lambda kv: kv[0][1])]
    print(f"{'book':<28} {'lang':<4} {'splitter':<8} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} "
          f"{'sec':>6} {'sent/s':>8}")
    for book, lang, name, c in rows:
        p, r, f = c.prf()
        rate = (c.tp + c.fn) / c.seconds if c.seconds else 0.0
        print(f"{book:<28} {lang:<4} {name:<8} {c.tp + c.fn:>5} {p:>6.3f} {r:>6.3f} {f:>6.3f} "
              f"{c.seconds:>6.2f} {rate:>8.0f}")
    textberg_table(args.bench / "textberg", splitters)
    print(f"peak memory {peak_rss_mb():.0f} MB")
    for lang in ("en", "fr"):
        for kind, lang_, context in [e for e in errors if e[1] == lang][:args.errors]:
            print(f"{kind} {lang_}: {context}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
