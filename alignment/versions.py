"""Several versions of one text aligned together: joint rows built from pairwise alignments.

Why pivot on the original (issue 13): every version is a translation (or revision) of the
original, so the engine aligns each pair (original, version k) as it aligns any bitext, and
the rows are derived from those links rather than from aligning versions to each other blindly.

The join. Each pair's links cut the original where one link ends and the next begins; a row
boundary is kept only where every pair cuts, so a row is the smallest span of the original on
which all versions agree, and the pair's finer links inside it are kept (`JointRow.links`). An
addition (0-1 link) strictly inside a row belongs to that row; one that sits on a row boundary
becomes a row of its own with an empty original. Where several versions add something at the
same boundary, their additions share rows in order, and, when an embedder is given, direct
version-to-version similarity settles the doubt: two additions stay in one row only if their
cosine reaches `ADDITION_MATCH`. With a single version every link is a row, so N = 2 gives the
pairwise alignment unchanged. A version that does not read as a translation of the original
(the wrong file: versions_check.py) takes no part in choosing the boundaries: its links are cut
at the others'. Cost: linear in the number of links; the original is embedded once for all pairs.

Two versions are linked through the original (`text_links`); where that is in doubt (a pivot
link below the review threshold, many-to-many, or whose two sides' direct cosine is well below
the others') the engine aligns that stretch again version to version. On the bench sets this
brings version-to-version strict F1 from 0.47-0.77 (pivot only) to 0.994-1.000 (alone: 0.998-1.000).

What the reader shows of a set (word diffs, markers, summary, search) is in versions_compare.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from .errors import InputError
from .progress import Progress, no_progress
from .types import Alignment, Bitext, JointRow, Link, Sentence, Signature, Version, VersionSet

ADDITION_MATCH = 0.5   # cosine above which two versions' additions at one place share a row
DOUBT = 0.9            # pivot links below this confidence are checked version to version
CONTEXT = 2            # pivot links of context each side of a doubtful run (1: Text+Berg dev 0.998, 2: 1.000)
COSINE_DROP = 0.15     # ... and those whose direct cosine is this far below the median
                       # (0.10 and 0.15 gave the same F1 in benchmarks/bench_versions.py)

Placed = tuple[int, int, Link]   # start and end in the original, the link
Same = Callable[[int, Link, int, Link], bool]


# ---------------------------------------------------------------- names

def version_names(langs: Sequence[str]) -> tuple[str, ...]:
    """A unique name per text: its language, numbered when a language comes twice (en1, en2)."""
    counts = {lang: langs.count(lang) for lang in langs}
    seen: dict[str, int] = {}
    names = []
    for lang in langs:
        seen[lang] = seen.get(lang, 0) + 1
        names.append(lang if counts[lang] == 1 else f"{lang}{seen[lang]}")
    return tuple(names)


# ---------------------------------------------------------------- the join

def _placed(links: Sequence[Link]) -> list[Placed]:
    out, p = [], 0
    for link in links:
        out.append((p, p + len(link.src), link))
        p += len(link.src)
    return out


def check_covering(alignment: Alignment, n_src: int, n_tgt: int, name: str) -> None:
    src = [i for link in alignment.links for i in link.src]
    tgt = [j for link in alignment.links for j in link.tgt]
    if src != list(range(n_src)) or tgt != list(range(n_tgt)):
        raise InputError(f"the alignment of the original with {name} does not cover every "
                         f"sentence once, in order ({n_src} + {n_tgt} sentences); align the pair "
                         f"again")


def _row(original: tuple[int, ...], taken: Sequence[Sequence[Link]]) -> JointRow:
    cells = (original, *(tuple(j for link in links for j in link.tgt) for links in taken))
    return JointRow(cells=cells, links=tuple(tuple(links) for links in taken))


def _addition_rows(adds: list[list[Link]], same: Same | None) -> list[JointRow]:
    """Rows of additions that sit on one row boundary: the r-th of each version together,
    split when `same` says two of them do not say the same thing."""
    rows: list[JointRow] = []
    for r in range(max((len(a) for a in adds), default=0)):
        groups: list[list[int]] = []
        for k in (k for k in range(len(adds)) if r < len(adds[k])):
            home = next((g for g in groups if same is None
                         or same(g[0], adds[g[0]][r], k, adds[k][r])), None)
            if home is None:
                groups.append([k])
            else:
                home.append(k)
        for group in groups:
            rows.append(_row((), [[adds[k][r]] if k in group else [] for k in range(len(adds))]))
    return rows


def joint_rows(n_original: int, alignments: Sequence[Alignment], *,
               same: Same | None = None) -> tuple[JointRow, ...]:
    """The rows of the join (see the module docstring) of pairwise alignments of one original.

    Each alignment must cover the original's `n_original` sentences once, in order.
    """
    placed = [_placed(a.links) for a in alignments]
    cuts = [{0} | {end for _, end, _ in p} for p in placed]
    joint = sorted(set.intersection(*cuts)) if cuts else sorted({0, n_original})
    cursor = [0] * len(placed)
    rows: list[JointRow] = []

    def take(k: int, before: int, additions_at: int | None = None) -> list[Link]:
        out = []
        while cursor[k] < len(placed[k]):
            start, end, link = placed[k][cursor[k]]
            if additions_at is not None and not (start == end == additions_at):
                break
            if additions_at is None and start >= before:
                break
            out.append(link)
            cursor[k] += 1
        return out

    for c, nxt in zip(joint, joint[1:] + [None]):
        rows += _addition_rows([take(k, c, additions_at=c) for k in range(len(placed))], same)
        if nxt is not None:
            rows.append(_row(tuple(range(c, nxt)), [take(k, nxt) for k in range(len(placed))]))
    return tuple(rows)


def _similarity(texts: Sequence[Version], embedder: Any) -> Same:
    """Direct version-to-version check: do two additions say the same thing?"""
    def same(a: int, la: Link, b: int, lb: Link) -> bool:
        ta = " ".join(texts[a + 1].sentences[j].text for j in la.tgt)
        tb = " ".join(texts[b + 1].sentences[j].text for j in lb.tgt)
        va, vb = embedder.embed([ta, tb])
        return float(va @ vb) >= ADDITION_MATCH
    return same


def join(texts: Sequence[Version], alignments: Sequence[Alignment], *, embedder: Any = None,
         title: str = "") -> VersionSet:
    """The version set of `texts` (original first) from the alignments (original, version k)."""
    texts = tuple(texts)
    if len(texts) < 2 or len(alignments) != len(texts) - 1:
        raise InputError(f"a version set needs an original and at least one version, with one "
                         f"alignment per version ({len(texts)} texts, {len(alignments)} "
                         f"alignments); give them all")
    if len({t.name for t in texts}) != len(texts):
        raise InputError("two texts of the set have the same name; name them apart (en1, en2)")
    n0 = len(texts[0].sentences)
    for text, alignment in zip(texts[1:], alignments):
        check_covering(alignment, n0, len(text.sentences), text.name)
    alignments = _unrelated_cut(alignments)
    same = _similarity(texts, embedder) if embedder is not None else None
    return VersionSet(texts=texts, rows=joint_rows(n0, alignments, same=same),
                      signatures=tuple(a.signature for a in alignments),
                      warnings=tuple(a.warnings for a in alignments), title=title)


def _unrelated_cut(alignments: Sequence[Alignment]) -> list[Alignment]:
    """The alignments with those of versions that do not read as translations (their warning
    says so: versions_check.py) cut where the others cut the original, so that their links,
    which say nothing, do not merge the others' rows; all as they are when none or all are."""
    from .versions_check import is_unrelated, split_links

    apart = [is_unrelated(a.warnings) for a in alignments]
    if all(apart) or not any(apart):
        return list(alignments)
    cuts = set().union(*({end for _, end, _ in _placed(a.links)}
                         for a, off in zip(alignments, apart) if not off))
    return [replace(a, links=split_links(a.links, cuts)) if off else a
            for a, off in zip(alignments, apart)]


class _OriginalRuns:
    """The embedder, with the original's run embeddings computed once for every pair."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._memo: dict[tuple[tuple[str, ...], int], Any] = {}

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._inner, attr)

    def embed_runs(self, texts: Sequence[str], max_run: int) -> Any:
        key = (tuple(texts), max_run)
        if key in self._memo:
            return self._memo[key]
        runs = self._inner.embed_runs(texts, max_run)
        if not self._memo:  # the first call is the original's (align embeds src first)
            self._memo[key] = runs
        return runs


def align_versions(texts: Sequence[Version], *, embedder: Any, config: Any = None,
                   title: str = "", progress: Progress = no_progress) -> VersionSet:
    """Align the original (`texts[0]`) with every version through the engine, then join.

    The original is embedded once for all pairs (its runs are the same in each). Each pair
    gets the pair's unrelated-texts check (versions_check.py): the wrong file given for one
    version went unsaid, and merged the other versions' rows."""
    from .align import AlignConfig, align
    from .versions_check import unrelated_version_warning

    config = config if config is not None else AlignConfig()
    original, alignments = texts[0], []
    embedder = _OriginalRuns(embedder)
    for k, text in enumerate(texts[1:]):
        def step(done: int, total: int, what: str, k: int = k) -> None:
            progress(k * total + done, (len(texts) - 1) * total, f"{what} {text.name}")
        alignment = align(original.sentences, text.sentences, embedder=embedder,
                          config=config, src_lang=original.lang or None,
                          tgt_lang=text.lang or None, progress=step)
        said = unrelated_version_warning(original, text, alignment, embedder._inner)
        alignments.append(alignment if said is None
                          else replace(alignment, warnings=(*alignment.warnings, said)))
    return join(texts, alignments, embedder=embedder._inner, title=title)


# ---------------------------------------------------------------- pairs back out

def pair_alignment(vs: VersionSet, k: int) -> Alignment:
    """The alignment of the original with version k (1-based) as the engine made it."""
    links = tuple(link for row in vs.rows for link in row.links[k - 1])
    signature = vs.signatures[k - 1] if len(vs.signatures) >= k else Signature()
    warnings = vs.warnings[k - 1] if len(vs.warnings) >= k else ()
    return Alignment(links=links, signature=signature, warnings=warnings)


def pair_bitext(vs: VersionSet, k: int) -> Bitext:
    """The Bitext (original, version k): what one PO file stores."""
    return Bitext(src=vs.texts[0].sentences, tgt=vs.texts[k].sentences,
                  alignment=pair_alignment(vs, k), src_lang=vs.texts[0].lang,
                  tgt_lang=vs.texts[k].lang, corpus_id=vs.title)


def text_links(vs: VersionSet, a: int, b: int, *, embedder: Any = None, config: Any = None,
               doubt: float = DOUBT) -> tuple[Link, ...]:
    """Links between texts a < b of the set (0 = the original), through the original.

    For two versions: the rows of their two pairs joined alone (finer than the rows of the
    whole set), each row with something on either side a link; confidence: the lowest of the
    pairwise links it comes from. With an `embedder`, doubtful runs of such links (confidence
    below `doubt`, or several sentences on both sides, which the original cannot split) are
    aligned again directly, version to version, by the engine, CONTEXT links of context each side.
    """
    if a == 0:
        return pair_alignment(vs, b).links
    n0 = len(vs.texts[0].sentences)
    rows = joint_rows(n0, [pair_alignment(vs, a), pair_alignment(vs, b)])
    out = []
    for row in rows:
        if row.cells[1] or row.cells[2]:
            conf = min((link.confidence for links in row.links for link in links), default=1.0)
            out.append(Link(row.cells[1], row.cells[2], conf))
    if embedder is None:
        return tuple(out)
    return _settle(vs, a, b, out, embedder, config, doubt)


def _doubts(vs: VersionSet, a: int, b: int, links: list[Link], embedder: Any,
            doubt: float) -> list[bool]:
    """Per pivot link: in doubt when its confidence is below `doubt`, it has several
    sentences on both sides (the original cannot split it), or its two sides' direct cosine
    falls COSINE_DROP below the median of the links' (a pivot error both pairs are sure of)."""
    out = [link.confidence < doubt or (len(link.src) > 1 and len(link.tgt) > 1) for link in links]
    both = [i for i, link in enumerate(links) if link.src and link.tgt]
    if both and hasattr(embedder, "embed"):
        ta, tb = vs.texts[a].sentences, vs.texts[b].sentences
        va = np.asarray(embedder.embed([" ".join(ta[x].text for x in links[i].src) for i in both]))
        vb = np.asarray(embedder.embed([" ".join(tb[y].text for y in links[i].tgt) for i in both]))
        cos = (va * vb).sum(axis=1)
        floor = float(np.median(cos)) - COSINE_DROP
        for i, c in zip(both, cos):
            out[i] = out[i] or bool(c < floor)
    return out


def _settle(vs: VersionSet, a: int, b: int, links: list[Link], embedder: Any, config: Any,
            doubt: float) -> tuple[Link, ...]:
    """Doubtful runs of pivot links replaced by a direct alignment of the two versions."""
    from .align import AlignConfig, align

    config = config if config is not None else AlignConfig()
    ta, tb = vs.texts[a], vs.texts[b]
    doubtful = _doubts(vs, a, b, links, embedder, doubt)
    out: list[Link] = []
    i = 0
    while i < len(links):
        if not doubtful[i]:
            out.append(links[i])
            i += 1
            continue
        j = i
        while j < len(links) and doubtful[j]:
            j += 1
        lo, hi = max(i - CONTEXT, 0), min(j + CONTEXT, len(links))
        del out[len(out) - (i - lo):]
        sa = [x for link in links[lo:hi] for x in link.src]
        sb = [y for link in links[lo:hi] for y in link.tgt]
        if sa and sb:
            sub = align([ta.sentences[x] for x in sa], [tb.sentences[y] for y in sb],
                        embedder=embedder, config=config, src_lang=ta.lang or None,
                        tgt_lang=tb.lang or None)
            out += [Link(tuple(sa[x] for x in link.src), tuple(sb[y] for y in link.tgt),
                         link.confidence) for link in sub.links]
        else:
            out += links[lo:hi]
        i = hi
    return tuple(out)


def with_pairs(vs: VersionSet, pairs: dict[int, Bitext]) -> tuple[VersionSet, tuple[str, ...]]:
    """The set with version k re-read from the corrected pair `pairs[k]` (its PO) and the rows
    joined again; a pair whose original differs from the set's is left out, with a note why.

    Why: corrections are made per pair, in the two-text reader, on the pair's PO; the set's
    rows follow them the next time it is opened."""
    texts, alignments = list(vs.texts), [pair_alignment(vs, k) for k in range(1, len(vs.texts))]
    notes = []
    for k, bitext in sorted(pairs.items()):
        if tuple(s.text for s in bitext.src) != tuple(s.text for s in vs.texts[0].sentences):
            notes.append(f"{vs.texts[0].name}-{vs.texts[k].name}: its original differs from "
                         f"the set's; kept the set's rows for {vs.texts[k].name}")
            continue
        texts[k] = Version(texts[k].name, texts[k].lang, bitext.tgt)
        alignments[k - 1] = bitext.alignment
    if len(notes) == len(pairs):
        return vs, tuple(notes)
    return join(texts, alignments, title=vs.title), tuple(notes)


def with_read_warnings(vs: VersionSet, read: Sequence[Sequence[str]]) -> VersionSet:
    """The set with what the readers had to guess about each text (`read[k]` for text k: a file
    read in two encodings...) among its warnings, as align_documents keeps them for a pair: the
    original's go with the first version's, each version's with its own."""
    if not any(read):
        return vs
    per = [tuple(read[0]) + tuple(read[1]), *(tuple(r) for r in read[2:])]
    own = vs.warnings or ((),) * len(per)
    return replace(vs, warnings=tuple(r + w for r, w in zip(per, own)))


def versions_from_lines(lines: Sequence[Sequence[str]], langs: Sequence[str]) -> tuple[Version, ...]:
    """Versions from presplit texts (one sentence per line), named after their languages."""
    from .pipeline import sentences_from_lines

    return tuple(Version(name, lang, sentences_from_lines(text, name))
                 for name, lang, text in zip(version_names(langs), langs, lines))


def versions_from_sentences(sentences: Sequence[Sequence[Sentence]], langs: Sequence[str],
                            names: Sequence[str] | None = None) -> tuple[Version, ...]:
    """Versions from segmented texts, named after their languages unless `names` are given."""
    return tuple(Version(name, lang, tuple(sents))
                 for name, lang, sents in zip(names or version_names(langs), langs, sentences))
