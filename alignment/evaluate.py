"""Evaluation against gold sentence alignments: readers, scoring, bench runs.

Gold data comes in two native formats (see ../shared/bench/README.md):
Vecalign's one-link-per-line files (Text+Berg) and the LIMSI/TransRead CES XML
(`<link xtargets="EN_IDS;FR_IDS">` over `cut_*_{en,fr}.xml`). The XML is read
with lxml (well kept, fast, and it never fetches the DTD the CES header names).

`score` reproduces Vecalign's score.py exactly, so our figures compare with the
published ones: strict = exact link match, lax = shares a source and a target
sentence with one gold link; precision counts every hypothesis link (a 1-0 or
0-1 link is a hit only when the gold has it exactly), recall ignores links with
an empty side in both gold and hypothesis; several documents are micro-averaged
by summing counts. Everything here returns data; only cli/bench.py formats it.
"""

from __future__ import annotations

import ast
import re
import resource
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BenchDataError
from .progress import Progress, no_progress
from .types import Alignment, Link, Sentence, Signature

Pair = tuple[tuple[int, ...], tuple[int, ...]]
AlignFn = Callable[..., Alignment]

TEXTBERG_LANGS = ("de", "fr")
LIMSI_LANGS = ("en", "fr")
SPLITS = ("dev", "test", "all")


@dataclass(frozen=True)
class GoldDoc:
    """One benchmark document: both sides, already segmented, and its gold links."""

    name: str
    src: tuple[Sentence, ...]
    tgt: tuple[Sentence, ...]
    links: tuple[Link, ...]
    src_lang: str = ""
    tgt_lang: str = ""
    #: The gold writes a run of sentences without counterpart as one n-0 / 0-n link
    #: (LIMSI does; Text+Berg writes n 1-0 links), so the engine must too to be scored fairly.
    groups_unaligned: bool = False


# ---------------------------------------------------------------- readers

_LINK_RE = re.compile(r"^\s*(\[[^\]]*\])\s*:\s*(\[[^\]]*\])\s*$")


def _parse_side(text: str) -> tuple[int, ...]:
    value = ast.literal_eval(text)
    if not isinstance(value, list) or not all(isinstance(i, int) and i >= 0 for i in value):
        raise ValueError(text)
    return tuple(value)


def read_vecalign_links(path: str | Path) -> tuple[Link, ...]:
    """Links from a Vecalign-format file, one `[0]:[0, 1]` per line; blank lines skipped."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchDataError(f"cannot read gold links {path}: {exc}; give a UTF-8 Vecalign file") from exc
    links = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        match = _LINK_RE.match(line)
        try:
            if match is None:
                raise ValueError(line)
            src, tgt = _parse_side(match.group(1)), _parse_side(match.group(2))
        except (ValueError, SyntaxError):
            raise BenchDataError(
                f"{path}, line {number}: expected a link like '[0]:[0, 1]', got {line.strip()!r}"
            ) from None
        if src or tgt:
            links.append(Link(src, tgt))
    return tuple(links)


def _read_lines(path: Path) -> tuple[Sentence, ...]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchDataError(f"cannot read sentences {path}: {exc}; give a UTF-8 file") from exc
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(Sentence(line.strip()) for line in lines)


def _check_range(links: Iterable[Link], n_src: int, n_tgt: int, where: str) -> None:
    for link in links:
        if any(i >= n_src for i in link.src) or any(j >= n_tgt for j in link.tgt):
            raise BenchDataError(
                f"{where}: link {list(link.src)}:{list(link.tgt)} points past the text "
                f"({n_src} source, {n_tgt} target sentences); check the files belong together"
            )


def read_textberg(directory: str | Path, name: str) -> GoldDoc:
    """Text+Berg document `name`: name.de (source), name.fr (target), name.defr (gold)."""
    base = Path(directory) / name
    src = _read_lines(base.with_suffix(".de"))
    tgt = _read_lines(base.with_suffix(".fr"))
    gold_path = base.with_suffix(".defr")
    links = read_vecalign_links(gold_path)
    _check_range(links, len(src), len(tgt), str(gold_path))
    return GoldDoc(name, src, tgt, links, *TEXTBERG_LANGS)


def _xml_root(path: Path) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.parse(str(path), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise BenchDataError(f"cannot parse {path}: {exc}; give a well-formed XML file") from exc


def _read_cut_xml(path: Path) -> tuple[tuple[Sentence, ...], dict[str, int]]:
    """Sentences (tokens joined by spaces, paragraph = index of <p>) and id -> index."""
    root = _xml_root(path)
    sentences: list[Sentence] = []
    index: dict[str, int] = {}
    paragraphs = {p: k for k, p in enumerate(root.iter("p"))}
    for s in root.iter("s"):
        parent = next((a for a in s.iterancestors("p")), None)
        words = (w.text.strip() for w in s.iter("w") if w.text and w.text.strip())
        index[s.get("id", "")] = len(sentences)
        sentences.append(Sentence(" ".join(words), paragraphs.get(parent, 0)))
    if not sentences:
        raise BenchDataError(f"{path} has no <s> sentences; give a TransRead cut_*.xml file")
    return tuple(sentences), index


def _xtarget_side(ids: str, index: dict[str, int], where: str) -> tuple[int, ...]:
    try:
        return tuple(index[i] for i in ids.split())
    except KeyError as exc:
        raise BenchDataError(f"{where}: sentence id {exc.args[0]!r} is not in the cut_ file") from None


def _one(book: Path, pattern: str) -> Path:
    found = sorted(book.glob(pattern))
    if len(found) != 1:
        raise BenchDataError(f"{book}: expected one file matching {pattern}, found {len(found)}")
    return found[0]


def read_limsi_book(book_dir: str | Path) -> GoldDoc:
    """A LIMSI book folder: English source, French target, CES gold links."""
    book = Path(book_dir)
    src, src_ids = _read_cut_xml(_one(book, "cut_*_en.xml"))
    tgt, tgt_ids = _read_cut_xml(_one(book, "cut_*_fr.xml"))
    gold_path = _one(book, "*_sent_align_*.xml")
    links = []
    for link in _xml_root(gold_path).iter("link"):
        where = f"{gold_path}, line {link.sourceline}"
        sides = link.get("xtargets", "").split(";")
        if len(sides) != 2:
            raise BenchDataError(f"{where}: xtargets must be 'EN_IDS;FR_IDS'")
        pair = (_xtarget_side(sides[0], src_ids, where), _xtarget_side(sides[1], tgt_ids, where))
        if pair[0] or pair[1]:
            links.append(Link(*pair))
    if not links:
        raise BenchDataError(f"{gold_path} has no <link> elements; give a CES alignment file")
    return GoldDoc(book.name, src, tgt, tuple(links), *LIMSI_LANGS, groups_unaligned=True)


def _textberg_names(directory: Path, split: str) -> list[str]:
    names = sorted(p.stem for p in directory.glob("*.defr"))
    tests = sorted((n for n in names if n.startswith("test")), key=lambda n: (len(n), n))
    chosen = {"dev": [n for n in names if n.startswith("dev")], "test": tests, "all": names}
    return chosen[split]


def iter_bench(directory: str | Path, split: str = "dev") -> list[GoldDoc]:
    """Every document of a benchmark folder in its native layout.

    `directory` is a Text+Berg folder (`*.defr`; `split` picks dev, test or
    all; dev is the default so nobody tunes on test by accident), a LIMSI folder
    of books, one LIMSI book, or the bench root holding `textberg/` and `limsi/`.
    """
    root = Path(directory)
    if split not in SPLITS:
        raise BenchDataError(f"unknown split {split!r}; choose one of: {', '.join(SPLITS)}")
    if not root.is_dir():
        raise BenchDataError(f"benchmark folder {root} does not exist; give a textberg or limsi folder")
    if any(root.glob("*.defr")):
        return [read_textberg(root, n) for n in _textberg_names(root, split)]
    if any(root.glob("*_sent_align_*.xml")):
        return [read_limsi_book(root)]
    books = sorted(p for p in root.iterdir() if p.is_dir() and any(p.glob("*_sent_align_*.xml")))
    if books:
        return [read_limsi_book(b) for b in books]
    if (root / "textberg").is_dir() or (root / "limsi").is_dir():
        parts = [root / "textberg", root / "limsi"]
        return [doc for part in parts if part.is_dir() for doc in iter_bench(part, split)]
    raise BenchDataError(
        f"{root} holds no benchmark: expected *.defr files (Text+Berg) or book folders "
        "with *_sent_align_*.xml (LIMSI)"
    )


def concat_docs(docs: Sequence[GoldDoc], name: str = "concatenated") -> GoldDoc:
    """One long document: sentences, paragraphs and gold links offset and joined."""
    src: list[Sentence] = []
    tgt: list[Sentence] = []
    links: list[Link] = []
    for doc in docs:
        ns, nt = len(src), len(tgt)
        ps = max((s.paragraph for s in src), default=-1) + 1
        pt = max((s.paragraph for s in tgt), default=-1) + 1
        src.extend(Sentence(s.text, s.paragraph + ps) for s in doc.src)
        tgt.extend(Sentence(s.text, s.paragraph + pt) for s in doc.tgt)
        links.extend(Link(tuple(i + ns for i in k.src), tuple(j + nt for j in k.tgt)) for k in doc.links)
    langs = {(d.src_lang, d.tgt_lang) for d in docs}
    src_lang, tgt_lang = langs.pop() if len(langs) == 1 else ("", "")
    return GoldDoc(name, tuple(src), tuple(tgt), tuple(links), src_lang, tgt_lang,
                   groups_unaligned=bool(docs) and all(d.groups_unaligned for d in docs))


# ---------------------------------------------------------------- scoring

@dataclass(frozen=True)
class Scores:
    """Strict and lax precision/recall/F1 with the counts behind them.

    Precision counts: hypothesis links that hit (tp) or miss (fp). Recall
    counts: non-empty gold links found (tp) or missed (fn). `docs` documents
    were summed (micro-average); `signature` says what produced the hypothesis.
    """

    p_tp_strict: int
    p_fp_strict: int
    p_tp_lax: int
    p_fp_lax: int
    r_tp_strict: int
    r_fn_strict: int
    r_tp_lax: int
    r_fn_lax: int
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float
    docs: int = 1
    signature: Signature = field(default_factory=Signature)


def _pairs(links: Iterable[Link | Pair], *, both_sides: bool = False) -> set[Pair]:
    pairs = set()
    for link in links:
        src, tgt = (link.src, link.tgt) if isinstance(link, Link) else link
        src, tgt = tuple(src), tuple(tgt)
        if (src and tgt) if both_sides else (src or tgt):
            pairs.add((src, tgt))
    return pairs


def _counts(gold: set[Pair], test: set[Pair]) -> tuple[int, int, int, int]:
    """score.py's `_precision`: (tp strict, fp strict, tp lax, fp lax) of `test`."""
    gold_targets: dict[int, set[int]] = defaultdict(set)
    for g_src, g_tgt in gold:
        for i in g_src:
            gold_targets[i].update(g_tgt)
    tps = fps = tpl = fpl = 0
    for t_src, t_tgt in test:
        if (t_src, t_tgt) in gold:
            tps, tpl = tps + 1, tpl + 1
            continue
        fps += 1
        reachable = set().union(*(gold_targets.get(i, set()) for i in t_src))
        if reachable.intersection(t_tgt):
            tpl += 1
        else:
            fpl += 1
    return tps, fps, tpl, fpl


def _ratio(a: int, b: int) -> float:
    return a / (a + b) if a + b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(golds: Sequence[Sequence[Link | Pair]], tests: Sequence[Sequence[Link | Pair]], *,
          signature: Signature = Signature()) -> Scores:
    """Micro-averaged strict/lax P/R/F1 of `tests` against `golds` (one entry per document)."""
    if len(golds) != len(tests):
        raise BenchDataError(f"{len(golds)} gold documents but {len(tests)} hypotheses; pass one each")
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in zip(golds, tests):
        p = [a + b for a, b in zip(p, _counts(_pairs(gold), _pairs(test)))]
        # Recall is precision with the roles swapped, empty-sided links dropped.
        swapped = _counts(_pairs(test, both_sides=True), _pairs(gold, both_sides=True))
        r = [a + b for a, b in zip(r, swapped)]
    ps, pl = _ratio(p[0], p[1]), _ratio(p[2], p[3])
    rs, rl = _ratio(r[0], r[1]), _ratio(r[2], r[3])
    return Scores(*p, *r, ps, rs, _f1(ps, rs), pl, rl, _f1(pl, rl),
                  docs=len(golds), signature=signature)


# ---------------------------------------------------------------- bench runs

@dataclass(frozen=True)
class DocResult:
    """One document aligned and scored, with its cost."""

    name: str
    n_src: int
    n_tgt: int
    links: int
    scores: Scores
    seconds: float
    peak_rss_mb: float
    confident: int = 0
    confident_hits: int = 0

    @property
    def sentences_per_second(self) -> float:
        return (self.n_src + self.n_tgt) / self.seconds if self.seconds > 0 else 0.0

    @property
    def confident_precision(self) -> float:
        """Strict precision of the links at or above the review threshold."""
        return self.confident_hits / self.confident if self.confident else 0.0

    @property
    def review_share(self) -> float:
        """Share of links below the review threshold (those a person is asked to check)."""
        return 1.0 - self.confident / self.links if self.links else 0.0


@dataclass(frozen=True)
class BenchResult:
    """Per-document results and their micro-averaged total."""

    docs: tuple[DocResult, ...]
    total: DocResult
    signature: Signature


def peak_rss_mb() -> float:
    """High-water resident memory of this process, in MB (Linux reports kB).

    Why getrusage: tracemalloc slows numpy-heavy code badly and misses memory
    that C libraries allocate; the kernel's high-water mark costs nothing.
    """
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _default_align() -> AlignFn:
    from .align import align

    return align


def _default_threshold() -> float:
    from .align import DEFAULT_REVIEW_THRESHOLD

    return DEFAULT_REVIEW_THRESHOLD


def _grouping(config: Any) -> Any:
    """`config` (default: the engine's) writing unaligned runs as one link."""
    from dataclasses import replace

    from .align import AlignConfig

    return replace(config if config is not None else AlignConfig(), group_unaligned=True)


def confidence_counts(gold: Sequence[Link], test: Sequence[Link], threshold: float) -> tuple[int, int]:
    """(links with confidence >= threshold, how many of them are exactly in gold).

    Why: the app asks people to review only links below the threshold, so the
    links above it must be right; this measures whether they are.
    """
    gold_pairs = _pairs(gold)
    sure = [link for link in test if link.confidence >= threshold]
    return len(sure), sum((link.src, link.tgt) in gold_pairs for link in sure)


def _run_one(doc: GoldDoc, align_fn: AlignFn, embedder: Any, extra: dict[str, Any],
             threshold: float) -> tuple[DocResult, Alignment]:
    if doc.groups_unaligned:
        extra = {**extra, "config": _grouping(extra.get("config"))}
    start = time.perf_counter()
    alignment = align_fn(doc.src, doc.tgt, embedder=embedder, src_lang=doc.src_lang or None,
                         tgt_lang=doc.tgt_lang or None, **extra)
    seconds = time.perf_counter() - start
    scores = score([doc.links], [alignment.links], signature=alignment.signature)
    sure = confidence_counts(doc.links, alignment.links, threshold)
    return DocResult(doc.name, len(doc.src), len(doc.tgt), len(alignment.links), scores,
                     seconds, peak_rss_mb(), *sure), alignment


def run_bench(docs: Sequence[GoldDoc], *, embedder: Any, config: Any = None,
              align_fn: AlignFn | None = None, review_threshold: float | None = None,
              progress: Progress = no_progress) -> BenchResult:
    """Align every document with the engine (gold segmentation given) and score it.

    `review_threshold` defaults to align.DEFAULT_REVIEW_THRESHOLD.
    """
    if not docs:
        raise BenchDataError("no benchmark documents to run; check the folder and --split")
    align_fn = align_fn or _default_align()
    threshold = _default_threshold() if review_threshold is None else review_threshold
    extra = {} if config is None else {"config": config}
    results: list[DocResult] = []
    hypotheses: list[tuple[Link, ...]] = []
    signature = Signature()
    progress(0, len(docs), "bench")
    for k, doc in enumerate(docs):
        result, alignment = _run_one(doc, align_fn, embedder, extra, threshold)
        results.append(result)
        hypotheses.append(alignment.links)
        signature = alignment.signature
        progress(k + 1, len(docs), "bench")
    total = DocResult(
        "total", sum(r.n_src for r in results), sum(r.n_tgt for r in results),
        sum(r.links for r in results),
        score([d.links for d in docs], hypotheses, signature=signature),
        sum(r.seconds for r in results), peak_rss_mb(),
        sum(r.confident for r in results), sum(r.confident_hits for r in results),
    )
    return BenchResult(tuple(results), total, signature)
