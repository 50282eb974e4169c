"""Measure the proofreading checks: findings on the sample corpus, and injected-slip recall.

(a) Lists every finding on the sample corpus (corpora/sample, aligned with the
    USE encoder, or the hashing embedder with --hashing) so they can be judged
    by hand, and counts them per check.
(b) Takes the correct 1-1 links of the LIMSI en-fr books in ../shared/bench
    (detokenized with sacremoses, French as original, English as translation),
    injects known slips into a seeded random subset of links, runs every default
    check, and prints recall per slip type and false alarms per 1,000 clean links
    per check.

Usage: python benchmarks/bench_checks.py [--bench ../shared/bench] [--seed 0] [--rate 0.03] [--direction fr-en|en-fr]
       [--hashing] [--skip-sample] [--show-false N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from alignment.checks import run_checks
from alignment.cognates import similarity, speller_for
from alignment.types import Alignment, Bitext, Finding, Link, Sentence

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = {  # slip type -> the check meant to catch it
    "number": "numbers", "name-swap": "names", "name-mangle": "names",
    "drop-1-0": "omission", "add-0-1": "omission", "drop-within": "length",
    "add-within": "length", "doubleword": "doublewords", "untranslated": "untranslated",
    "question": "question", "realword": "realword",
}


@dataclass
class Row:
    """One link under construction: original and translation sentences, slip label."""

    orig: list[str]
    trans: list[str]
    slip: str = ""


# ---------------------------------------------------------------- data

def clean_pairs(bench: Path, langs: tuple[str, str]) -> list[tuple[str, str]]:
    """(original, translation) of every gold 1-1 link of the LIMSI books, detokenized."""
    from sacremoses import MosesDetokenizer

    from alignment.evaluate import read_limsi_book

    detok = {lang: MosesDetokenizer(lang) for lang in ("en", "fr")}

    def text(s: Sentence, lang: str) -> str:
        return detok[lang].detokenize(s.text.replace("\\_", "").split())

    pairs = []
    for book in sorted((bench / "limsi").glob("*_EN-FR")):
        gold = read_limsi_book(book)
        one = [(text(gold.tgt[l.tgt[0]], "fr"), text(gold.src[l.src[0]], "en"))
               for l in gold.links if len(l.src) == 1 and len(l.tgt) == 1]
        pairs += one if langs == ("fr", "en") else [(e, f) for f, e in one]
    return pairs


def to_bitext(rows: list[Row], langs: tuple[str, str]) -> Bitext:
    src: list[Sentence] = []
    tgt: list[Sentence] = []
    links = []
    for row in rows:
        s = tuple(range(len(src), len(src) + len(row.orig)))
        t = tuple(range(len(tgt), len(tgt) + len(row.trans)))
        src += [Sentence(x) for x in row.orig]
        tgt += [Sentence(x) for x in row.trans]
        links.append(Link(s, t))
    return Bitext(tuple(src), tuple(tgt), Alignment(tuple(links)), *langs)


# ---------------------------------------------------------------- slips

WORD = re.compile(r"[^\W\d_]+")


def _name_pair(orig: str, trans: str) -> re.Match | None:
    """A capitalised, non-initial English word with a similar French word (a name on both sides)."""
    orig_words = WORD.findall(orig)
    for m in WORD.finditer(trans):
        w = m.group()
        if m.start() > 2 and w[0].isupper() and len(w) >= 4 and not w.isupper() and \
                trans[:m.start()].rstrip()[-1:] not in ".!?\"“" and \
                max((similarity(w, f) for f in orig_words), default=0) >= 0.7:
            return m
    return None


def _mangle(word: str, rng: np.random.Generator) -> str:
    """Keep the first half, retype the rest (Ruhr -> Ruin); 'Smithers' if no try works."""
    keep = (len(word) + 1) // 2
    for _ in range(50):
        new = word[:keep] + "".join(rng.choice(list("aeioulnrst"), len(word) - keep))
        if similarity(new, word) < 0.5:
            return new
    return "Smithers"


def _realword(orig: str, trans: str, rng: np.random.Generator, lang: str) -> str | None:
    """Replace a translation word that is a cognate of an original word by a dictionary word one edit away."""
    sp = speller_for(lang)
    orig_words = WORD.findall(orig)
    cognates = [m for m in WORD.finditer(trans) if len(m.group()) >= 5 and m.group().islower()
                and max((similarity(m.group(), f) for f in orig_words), default=0) >= 0.6]
    for m in rng.permutation(np.array(cognates, dtype=object)) if cognates else ():
        near = sorted(c for c in sp.known(sp.edit_distance_1(m.group())) - {m.group()}
                      if len(c) >= 4 and max(similarity(c, f) for f in orig_words) < 0.5)
        if near:
            return trans[:m.start()] + str(rng.choice(near)) + trans[m.end():]
    return None


def _number(row: Row, rng: np.random.Generator, slip: bool, langs: tuple[str, str]) -> None:
    """Put the same number on both sides (French grouping), changed in the translation if slip."""
    n = int(rng.integers(1000, 99999)) if rng.random() < 0.5 else int(rng.integers(1700, 1999))
    form = {"fr": f"{n:,}".replace(",", "\u202f") if n > 9999 else str(n),
            "en": f"{n:,}" if n > 9999 else str(n)}
    orig_n, trans_n = form[langs[0]], form[langs[1]]
    if slip:
        d = list(trans_n)
        k = [i for i, c in enumerate(d) if c.isdigit()]
        a, b = rng.choice(k[-3:], 2, replace=False)
        d[a], d[b] = d[b], d[a]
        if d == list(trans_n):
            d[k[-1]] = str((int(d[k[-1]]) + 1) % 10)
        trans_n = "".join(d)
    row.orig[0] = f"{row.orig[0]} ({orig_n})"
    row.trans[0] = f"{row.trans[0]} ({trans_n})"


def inject(pairs: list[tuple[str, str]], rng: np.random.Generator,
           rate: float, langs: tuple[str, str] = ("fr", "en")) -> list[Row]:
    """Rows with slips injected into a random subset of links (each type with prob. `rate`)."""
    kinds = list(EXPECTED) + ["number-control"]
    rows: list[Row] = []
    k = 0
    while k < len(pairs):
        orig, trans = pairs[k]
        row = Row([orig], [trans])
        r = rng.random()
        kind = kinds[int(r / rate)] if r < rate * len(kinds) else ""
        other = pairs[int(rng.integers(len(pairs)))][1]
        if kind == "number" or kind == "number-control":
            _number(row, rng, kind == "number", langs)
            row.slip = "number" if kind == "number" else ""
        elif kind in ("name-swap", "name-mangle") and (m := _name_pair(orig, trans)):
            new = _mangle(m.group(), rng) if kind == "name-mangle" else \
                next((w for w in WORD.findall(other) if w[0].isupper() and len(w) >= 4
                      and similarity(w, m.group()) < 0.5), "Smithers")
            row.trans[0], row.slip = trans[:m.start()] + new + trans[m.end():], kind
        elif kind == "drop-1-0":
            row.trans, row.slip = [], kind
        elif kind == "add-0-1":
            rows.append(Row([], [other], kind))
        elif kind == "drop-within" and k + 1 < len(pairs):
            k += 1
            row.orig.append(pairs[k][0])
            row.slip = kind
        elif kind == "add-within":
            row.trans.append(other)
            row.slip = kind
        elif kind == "doubleword":
            words = list(re.finditer(r"\b[a-z]+\b", trans))
            if words:
                m = words[int(rng.integers(len(words)))]
                row.trans[0], row.slip = trans[:m.end()] + " " + m.group() + trans[m.end():], kind
        elif kind == "untranslated":
            row.trans, row.slip = [orig], kind
        elif kind == "question" and trans.endswith(".") and "?" not in orig:
            row.trans[0], row.slip = trans[:-1] + "?", kind
        elif kind == "realword" and (new_trans := _realword(orig, trans, rng, langs[1])):
            row.trans[0], row.slip = new_trans, kind
        rows.append(row)
        k += 1
    return rows


# ---------------------------------------------------------------- reports

def synthetic(bench: Path, seed: int, rate: float, show_false: int, langs: tuple[str, str]) -> None:
    pairs = clean_pairs(bench, langs)
    rows = inject(pairs, np.random.default_rng(seed), rate, langs)
    bitext = to_bitext(rows, langs)
    t0 = time.perf_counter()
    findings = run_checks(bitext)
    secs = time.perf_counter() - t0
    by_link: dict[int, set[str]] = {}
    for f in findings:
        by_link.setdefault(f.link, set()).add(f.check)
    print(f"\n(b) synthetic slips in {len(pairs)} clean LIMSI 1-1 links ({langs[0]} original, "
          f"{langs[1]} translation), seed {seed}, rate {rate}: {len(rows)} links, checks took {secs:.1f} s\n")
    print(f"{'slip type':<14} {'injected':>8} {'caught by its check':>20} {'caught by any':>14}")
    for kind, check in EXPECTED.items():
        idx = [i for i, r in enumerate(rows) if r.slip == kind]
        hit = sum(check in by_link.get(i, ()) for i in idx)
        anyh = sum(bool(by_link.get(i)) for i in idx)
        if idx:
            print(f"{kind:<14} {len(idx):>8} {hit:>9} ({hit / len(idx):5.1%}) {anyh / len(idx):>13.1%}")
    clean = [i for i, r in enumerate(rows) if not r.slip]
    cleanset = set(clean)
    false = Counter(f.check for f in findings if f.link in cleanset)
    info = Counter(f.check for f in findings if f.link in cleanset and f.severity == "info")
    print(f"\nfalse alarms on {len(clean)} clean links: count, per 1,000 clean links, of which info")
    for check, n in sorted(false.items(), key=lambda x: -x[1]):
        print(f"  {check:<14} {n:>5}  {1000 * n / len(clean):6.1f}  {info[check]:>5}")
    print(f"  {'all':<14} {sum(false.values()):>5}  {1000 * sum(false.values()) / len(clean):6.1f}"
          f"  {sum(info.values()):>5}")
    _show(bitext, [f for f in findings if f.link in cleanset], show_false, seed)


def _show(bitext: Bitext, findings: list[Finding], n: int, seed: int) -> None:
    if not n:
        return
    rng = np.random.default_rng(seed)
    print(f"\n{n} random false alarms, for judging:")
    for k in sorted(rng.choice(len(findings), min(n, len(findings)), replace=False)):
        f = findings[k]
        print(f"- link {f.link} [{f.check}] {f.message}\n    fr: {bitext.link_text(f.link, 'src')[:160]}"
              f"\n    en: {bitext.link_text(f.link, 'tgt')[:160]}")


def sample(hashing: bool) -> None:
    from alignment.corpora import build_corpus
    from alignment.registry import EMBEDDERS

    embedder = EMBEDDERS["hashing"]() if hashing else EMBEDDERS["use"]()
    bitext = build_corpus("sample", embedder=embedder)
    findings = run_checks(bitext)
    print(f"(a) sample corpus, {len(bitext.alignment.links)} links aligned with "
          f"{type(embedder).__name__}: {len(findings)} findings")
    for f in findings:
        print(f"- link {f.link} [{f.check}] {f.severity}: {f.message}")
    print("per check:", dict(Counter(f.check for f in findings)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rate", type=float, default=0.03)
    ap.add_argument("--direction", choices=["fr-en", "en-fr"], default="fr-en",
                    help="original-translation languages of the synthetic test")
    ap.add_argument("--hashing", action="store_true", help="align the sample with the hashing embedder")
    ap.add_argument("--skip-sample", action="store_true")
    ap.add_argument("--show-false", type=int, default=0, help="print N random false alarms")
    args = ap.parse_args(argv)
    if not args.skip_sample:
        sample(args.hashing)
    if (args.bench / "limsi").is_dir():
        synthetic(args.bench, args.seed, args.rate, args.show_false,
                  tuple(args.direction.split("-")))  # type: ignore[arg-type]
    else:
        print(f"{args.bench}/limsi not found: synthetic test skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
