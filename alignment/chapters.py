"""Chapter matching: align two books chapter by chapter, then sentence by sentence inside.

Why: a chapter boundary is an anchor a translation almost never crosses; aligning inside
matched chapters keeps an error from spreading past one chapter and gives the sentence
aligner shorter texts. Matching is a small dynamic programme over the two chapter lists (as
Gale-Church over paragraphs, one level up): a step pairs 1-1, 1-2 (split) or 2-1 (merged)
chapters or leaves one chapter unmatched (missing in the translation). A pair scores

    cos(content) + w_title * (same chapter number) - w_len * |log(length ratio / book ratio)|
    - (merge cost for 1-2 / 2-1)

where content is the mean sentence embedding of up to `sample` sentences spread through the
chapter, minus the mean over all chapters of its book (otherwise every chapter of a novel
looks like every other: same names, same style), and the length ratio is measured in
characters against the whole books' ratio. An unmatched chapter scores 0, so a pair is taken
only when its evidence beats `min_score`. When the matched chapters cover too little of
either book (`min_coverage`), the chapter structure is not trusted and the books are aligned
whole (with a warning), so a wrong table of contents never costs more than no chapters.

Sentences inside each matched pair go through align.align (the same engine and settings);
paragraphs whose role is front matter, table of contents or note (read/book.py) are never
forced onto text: they stand at their place as 1-0 / 0-1 links, except where both books have
such sentences side by side (a footnote and its translation after the text), which are aligned
with each other (left_out.py). Each book is embedded once, whole, and sliced per chapter
(_BookEmbedder), so matching costs no extra encoding. An omission beside an addition is never
a sure link (confidence.capped_facing_gaps), where chapters meet too.

A boundary may still be crossed where the evidence is overwhelming: where a chapter pair
leaves sentences unaligned next to a boundary (the symptom of a translator who moved a
chapter break by a sentence), the `stitch_width` links on each side are realigned as one text
and the result kept only if every link crossing the boundary has confidence >= `stitch_sure`
and fewer sentences stay unaligned.

The pairs are aligned one after the other: the encoder already uses both cores of our
machines, and the aligner itself takes under a second for a novel (benchmarks/bench_books.py),
so threads over chapters would not pay.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from .cjk import numeral_value
from .confidence import capped_facing_gaps
from .left_out import paired, with_unaligned
from .progress import Progress, no_progress
from .types import Alignment, Chapter, Document, Link, Sentence

Group = tuple[tuple[int, ...], tuple[int, ...]]
# a number in a title: digits (beside no Latin letter: '第3章', '제12장', 'Chapter 12'), a Roman
# numeral standing alone, or a Chinese or Japanese one between 第 and a chapter word
_NUMBER = re.compile(r"(?<![A-Za-z\d])(\d{1,4})(?![A-Za-z\d])|(?<![\w])([IVXLC]{1,8})(?![\w])"
                     r"|第([〇零一二两兩三四五六七八九十百千]+)[章回節节部卷篇話话]")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True)
class ChapterConfig:
    """Weights of the chapter match score (see module doc)."""

    sample: int = 200
    w_title: float = 0.3
    w_len: float = 0.5
    merge_cost: float = 0.15
    min_score: float = 0.1
    min_coverage: float = 0.6
    stitch_width: int = 4      # links each side of a boundary realigned together
    stitch_sure: float = 0.9   # confidence every boundary-crossing link must reach


# ---------------------------------------------------------------- chapters in sentence units

def sentence_chapters(doc: Document, sents: Sequence[Sentence]) -> tuple[Chapter, ...]:
    """The Document's chapters as sentence ranges [start, end), covering every sentence.

    Sentences before the first chapter form an untitled chapter of their own; a sentence in
    a gap between chapters joins the chapter before it; a chapter without sentences goes.
    """
    from bisect import bisect_left

    if not sents:
        return ()
    paragraphs = [s.paragraph for s in sents]
    titles = {0: ""}
    for chapter in doc.chapters:  # a later chapter starting at the same sentence wins
        first = bisect_left(paragraphs, chapter.start)
        if first < len(sents):
            titles[first] = chapter.title
    bounds = sorted(titles)
    return tuple(Chapter(titles[a], a, b) for a, b in zip(bounds, [*bounds[1:], len(sents)]))


def unaligned_sentences(doc: Document, sents: Sequence[Sentence]) -> frozenset[int]:
    """Indexes of sentences in front matter, table of contents or notes."""
    return frozenset(k for k, s in enumerate(sents) if doc.role(s.paragraph) != "text")


# ---------------------------------------------------------------- matching

def title_number(title: str) -> int | None:
    """The chapter number a title carries ("Chapter 12", "XII.", "Chapitre III", "第十二章"), if any."""
    match = _NUMBER.search(title)
    if not match:
        return None
    digits, roman, cjk = match.groups()
    if digits:
        return int(digits)
    if cjk:
        return numeral_value(cjk)
    values = [_ROMAN[c] for c in roman]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def _content(sents: Sequence[Sentence], chapters: Sequence[Chapter], skip: frozenset[int],
             embedder: Any, sample: int) -> tuple[np.ndarray, np.ndarray]:
    """(centred content vectors, body character lengths) of the chapters of one book."""
    picks, owner, lengths = [], [], []
    for c, ch in enumerate(chapters):
        body = [k for k in range(ch.start, ch.end) if k not in skip]
        lengths.append(sum(len(sents[k].text) for k in body))
        step = max(1, len(body) / sample) if body else 1
        chosen = sorted({body[int(i * step)] for i in range(min(sample, len(body)))})
        picks.extend(sents[k].text for k in chosen)
        owner.extend([c] * len(chosen))
    vectors = np.zeros((len(chapters), 1), np.float32)
    if picks:
        emb = np.asarray(embedder.embed(picks), dtype=np.float64)
        vectors = np.zeros((len(chapters), emb.shape[1]))
        np.add.at(vectors, np.asarray(owner), emb)
    vectors -= vectors[np.asarray(lengths) > 0].mean(axis=0) if any(lengths) else 0.0
    return vectors, np.asarray(lengths, dtype=np.float64)


def _pair_score(a: Sequence[int], b: Sequence[int], src: tuple, tgt: tuple, ratio: float,
                cfg: ChapterConfig) -> float:
    (s_vec, s_len, s_num), (t_vec, t_len, t_num) = src, tgt
    va, vb = s_vec[list(a)].sum(axis=0), t_vec[list(b)].sum(axis=0)
    la, lb = s_len[list(a)].sum(), t_len[list(b)].sum()
    if la == 0 or lb == 0:
        return -math.inf
    norm = float(np.linalg.norm(va) * np.linalg.norm(vb))
    cos = float(va @ vb) / norm if norm > 0 else 0.0
    same = s_num[a[0]] is not None and s_num[a[0]] == t_num[b[0]]
    return (cos + cfg.w_title * same - cfg.w_len * abs(math.log(lb / (la * ratio)))
            - cfg.merge_cost * (len(a) + len(b) - 2))


def match_chapters(src: Sequence[Sentence], tgt: Sequence[Sentence], src_ch: Sequence[Chapter],
                   tgt_ch: Sequence[Chapter], *, embedder: Any, config: ChapterConfig = ChapterConfig(),
                   src_skip: frozenset[int] = frozenset(),
                   tgt_skip: frozenset[int] = frozenset()) -> list[Group]:
    """Chapter index groups in order: 1-1, 1-2, 2-1 pairs, or (i,) / (j,) left unmatched."""
    s_vec, s_len = _content(src, src_ch, src_skip, embedder, config.sample)
    t_vec, t_len = _content(tgt, tgt_ch, tgt_skip, embedder, config.sample)
    s = (s_vec, s_len, [title_number(c.title) for c in src_ch])
    t = (t_vec, t_len, [title_number(c.title) for c in tgt_ch])
    ratio = max(t_len.sum(), 1.0) / max(s_len.sum(), 1.0)
    n, m = len(src_ch), len(tgt_ch)
    best = np.full((n + 1, m + 1), -math.inf)
    back: dict[tuple[int, int], tuple[int, int]] = {}
    best[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for a, b in ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1)):
                if a > i or b > j or best[i - a, j - b] == -math.inf:
                    continue
                gain = 0.0 if a == 0 or b == 0 else _pair_score(
                    range(i - a, i), range(j - b, j), s, t, ratio, config) - config.min_score
                if best[i - a, j - b] + gain > best[i, j]:
                    best[i, j], back[i, j] = best[i - a, j - b] + gain, (a, b)
    groups, (i, j) = [], (n, m)
    while (i, j) != (0, 0):
        a, b = back[i, j]
        groups.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return groups[::-1]


# ---------------------------------------------------------------- aligning inside chapters

class _BookEmbedder:
    """The embedder the chapter pairs see: each book's runs computed once, whole (one batch a
    side, the cost of aligning the book whole), then sliced for each chapter and served as
    single-sentence vectors for the chapter contents. A slice equals what the embedder gives
    for the chapter alone (runs never reach past the slice: those rows are zero, as there).
    Anything else (a group with inner notes kept) goes to the real embedder."""

    def __init__(self, inner: Any, sides: tuple[list[str], list[str]], max_run: int) -> None:
        self._inner, self._sides, self._max_run = inner, sides, max_run
        self._runs: list[np.ndarray | None] = [None, None]
        self._index = [{t: k for k, t in enumerate(side)} for side in sides]
        self.offsets: tuple[int, int] = (-1, -1)  # where the next pair starts in each side

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def _side_runs(self, side: int) -> np.ndarray:
        if self._runs[side] is None:
            self._runs[side] = np.asarray(self._inner.embed_runs(self._sides[side], self._max_run),
                                          dtype=np.float32)
        return self._runs[side]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        for side, index in enumerate(self._index):
            if texts and all(t in index for t in texts):
                return self._side_runs(side)[0][[index[t] for t in texts]]
        return self._inner.embed(texts)

    def embed_runs(self, texts: Sequence[str], max_run: int) -> np.ndarray:
        n = len(texts)
        for side, offset in enumerate(self.offsets):
            if (0 <= offset and 0 < max_run <= self._max_run
                    and list(texts) == self._sides[side][offset:offset + n]):
                out = self._side_runs(side)[:max_run, offset:offset + n].copy()
                for k in range(2, max_run + 1):
                    out[k - 1, max(n - k + 1, 0):] = 0.0
                return out
        return self._inner.embed_runs(texts, max_run)


def _coverage(groups: list[Group], chapters: Sequence[Chapter], side: int, lengths: list[int]) -> float:
    matched = sum(lengths[c] for g in groups if g[0] and g[1] for c in g[side])
    return matched / max(sum(lengths), 1)


def _body(chapters: Sequence[Chapter], ids: Sequence[int], skip: frozenset[int]) -> list[int]:
    return [k for c in ids for k in range(chapters[c].start, chapters[c].end) if k not in skip]


def _trim(chapters: Sequence[Chapter], ids: Sequence[int], skip: frozenset[int]) -> list[int]:
    """The group's sentences less the left-out ones at its start and end only.

    The span runs from the group's first sentence to its last, so a left-out sentence in a
    chapter dropped between two of the group's chapters (a chapter with no body) is inside."""
    every = list(range(min(chapters[c].start for c in ids), max(chapters[c].end for c in ids)))
    body = [i for i, k in enumerate(every) if k not in skip]
    return every[body[0]:body[-1] + 1] if body else []


def _straddles(links: Sequence[Link], src_skip: frozenset[int], tgt_skip: frozenset[int]) -> bool:
    return any(any(i in skip for i in range(min(side), max(side)))
               for link in links for side, skip in ((link.src, src_skip), (link.tgt, tgt_skip))
               if len(side) > 1)


class _Run:
    """align() on chosen sentences of each book, links in book indexes; keeps the signature and
    warnings of the runs. BLAS runs on one thread here: a chapter's matrices are small, and on a
    loaded machine threads waiting for each other cost more than they give (the encoder sets
    its own)."""

    def __init__(self, src: Sequence[Sentence], tgt: Sequence[Sentence], embedder: _BookEmbedder,
                 body: tuple[list[int], list[int]], **kwargs: Any) -> None:
        from .align import align

        self.src, self.tgt, self.embedder, self.kwargs, self._align = src, tgt, embedder, kwargs, align
        self.position = ({i: k for k, i in enumerate(body[0])}, {j: k for k, j in enumerate(body[1])})
        self.signature: Any = None
        self.warnings: list[str] = []

    def __call__(self, s_ids: list[int], t_ids: list[int]) -> list[Link]:
        from threadpoolctl import threadpool_limits

        self.embedder.offsets = (self.position[0].get(s_ids[0], -1), self.position[1].get(t_ids[0], -1))
        with threadpool_limits(limits=1, user_api="blas"):
            result = self._align([self.src[i] for i in s_ids], [self.tgt[j] for j in t_ids],
                                 embedder=self.embedder, **self.kwargs)
        self.signature = self.signature or result.signature
        self.warnings.extend(w for w in result.warnings if w not in self.warnings)
        return [Link(tuple(s_ids[i] for i in link.src), tuple(t_ids[j] for j in link.tgt),
                     link.confidence, link.reviewed) for link in result.links]


def _side_of(ids: tuple[int, ...], cut: int) -> str:
    return "" if not ids else "L" if max(ids) < cut else "R" if min(ids) >= cut else "X"


def _stitch(parts: list[list[Link]], matched: list[bool], run: _Run, cfg: ChapterConfig,
            skips: tuple[frozenset[int], frozenset[int]]) -> None:
    """Where sentences are left unaligned next to a chapter boundary, realign the links around
    it as one text, and keep that only when the links crossing the boundary are sure (the
    evidence is overwhelming); parts is changed in place."""
    for g in range(len(parts) - 1 if cfg.stitch_width > 0 else 0):
        left, right = parts[g], parts[g + 1]
        if not (matched[g] and matched[g + 1] and left and right):
            continue
        tail, head = left[-cfg.stitch_width:], right[:cfg.stitch_width]
        if all(link.src and link.tgt for link in tail + head):
            continue
        s_ids = sorted(i for link in tail + head for i in link.src)
        t_ids = sorted(j for link in tail + head for j in link.tgt)
        s_cut = min((i for link in right for i in link.src), default=max(s_ids, default=0) + 1)
        t_cut = min((j for link in right for j in link.tgt), default=max(t_ids, default=0) + 1)
        if not s_ids or not t_ids:
            continue
        joint = run(s_ids, t_ids)
        crossing = [link for link in joint if "X" in (sides := {_side_of(link.src, s_cut),
                                                                 _side_of(link.tgt, t_cut)})
                    or sides == {"L", "R"}]
        gaps = sum(not (link.src and link.tgt) for link in joint)
        if (crossing and all(link.confidence >= cfg.stitch_sure for link in crossing)
                and gaps < sum(not (link.src and link.tgt) for link in tail + head)
                and not _straddles(joint, *skips)):
            parts[g] = left[:-cfg.stitch_width] + joint
            parts[g + 1] = right[cfg.stitch_width:]


def _trusted(groups: list[Group], src_ch: Sequence[Chapter], tgt_ch: Sequence[Chapter],
             skips: tuple[frozenset[int], frozenset[int]], cfg: ChapterConfig) -> tuple[list[Group], list[str]]:
    """The chapter groups, or one group of everything when they cover too little of a book."""
    s_len = [len(_body(src_ch, [c], skips[0])) for c in range(len(src_ch))]
    t_len = [len(_body(tgt_ch, [c], skips[1])) for c in range(len(tgt_ch))]
    if min(_coverage(groups, src_ch, 0, s_len), _coverage(groups, tgt_ch, 1, t_len)) >= cfg.min_coverage:
        return groups, []
    return ([(tuple(range(len(src_ch))), tuple(range(len(tgt_ch))))],
            [f"chapters: {len(src_ch)} and {len(tgt_ch)} chapters do not match well; "
             f"the books were aligned whole"])


def align_books(src: Sequence[Sentence], tgt: Sequence[Sentence], src_ch: Sequence[Chapter],
                tgt_ch: Sequence[Chapter], *, embedder: Any, config: Any = None,
                chapter_config: ChapterConfig = ChapterConfig(), src_lang: str | None = None,
                tgt_lang: str | None = None, src_skip: frozenset[int] = frozenset(),
                tgt_skip: frozenset[int] = frozenset(), progress: Progress = no_progress) -> Alignment:
    """Match chapters, align sentences inside each matched pair, join into one Alignment.

    `src_ch`/`tgt_ch` are sentence ranges (sentence_chapters); sentences in `*_skip` stay
    unaligned. Every sentence is in exactly one link, links in order on both sides.
    """
    from .align import AlignConfig

    config = config if config is not None else AlignConfig()
    skips = (src_skip, tgt_skip)
    # chapters with no body text (a title page, a table of contents) take no part in matching
    src_ch = [c for c in src_ch if _body([c], [0], src_skip)] or [Chapter("", 0, len(src))]
    tgt_ch = [c for c in tgt_ch if _body([c], [0], tgt_skip)] or [Chapter("", 0, len(tgt))]
    body = (_body([Chapter("", 0, len(src))], [0], src_skip), _body([Chapter("", 0, len(tgt))], [0], tgt_skip))
    book = _BookEmbedder(embedder, ([src[i].text for i in body[0]], [tgt[j].text for j in body[1]]),
                         config.max_side)
    if len(src_ch) == 1 and len(tgt_ch) == 1:
        # nothing to match: a lone chapter's content, centred on its book's mean, is zero, so
        # the pair scored below leaving both unmatched, and a book of one chapter a side (a
        # short story's DOCX) was warned of chapters that "do not match well"
        groups, warnings = [((0,), (0,))], []
    else:
        groups = match_chapters(src, tgt, src_ch, tgt_ch, embedder=book, config=chapter_config,
                                src_skip=src_skip, tgt_skip=tgt_skip)
        groups, warnings = _trusted(groups, src_ch, tgt_ch, skips, chapter_config)
    run = _Run(src, tgt, book, body, config=config, src_lang=src_lang, tgt_lang=tgt_lang)
    parts: list[list[Link]] = []
    left_out: tuple[set[int], set[int]] = (set(src_skip), set(tgt_skip))
    for k, (a, b) in enumerate(groups):
        s_ids, t_ids = _body(src_ch, a, src_skip), _body(tgt_ch, b, tgt_skip)
        if not s_ids or not t_ids:
            parts.append([Link((i,), ()) for i in s_ids] + [Link((), (j,)) for j in t_ids])
            continue
        links = run(s_ids, t_ids)
        if _straddles(links, src_skip, tgt_skip):
            # a link spans a left-out sentence inside the group: keep the inner ones in
            s_ids, t_ids = _trim(src_ch, a, src_skip), _trim(tgt_ch, b, tgt_skip)
            left_out[0].difference_update(s_ids)
            left_out[1].difference_update(t_ids)
            links = run(s_ids, t_ids)
        parts.append(links)
        progress(k + 1, len(groups), "align chapters")
    _stitch(parts, [bool(a and b) for a, b in groups], run, chapter_config, skips)
    links = with_unaligned([link for part in parts for link in part], sorted(left_out[0]),
                           sorted(left_out[1]))
    links = capped_facing_gaps(paired(links, left_out, run))
    signature = run.signature or run._align([], [], embedder=embedder, config=config).signature
    matched = sum(1 for a, b in groups if a and b)
    signature = replace(signature, params=(*signature.params, ("chapters", f"{matched}/{len(groups)}")))
    return Alignment(tuple(links), signature, tuple(warnings + run.warnings))
