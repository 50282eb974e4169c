"""Long unmatched target blocks, taken out of the aligner's band and put back.

Why (issue 10, item 12): the band of the fine pass has one width for every
row (alignment/lattice.py), and a block of target sentences without
counterpart (a chapter the source lacks) is a horizontal run of the first
path: the row where it happens needs the whole block, so every row got that
width and memory grew with rows x block (10k x 12k sentences: over 8 GB).
A source block without counterpart is a vertical run and keeps the band
narrow, so only target runs need this.

When a band would be wider than `AlignConfig.max_width`, the interior of each
long horizontal run (all but `margin` sentences at each end) is taken out of
the target text, the narrower problem is aligned, and the sentences taken out
come back as 0-1 links where they were. The margins keep the fine pass free to
move the block's edges; the band then stays a few margins wide whatever the
block's length, so memory stays linear in the texts.

Pure functions over link lists; no library beyond numpy.
"""

from __future__ import annotations

import numpy as np

Links = list[tuple[tuple[int, ...], tuple[int, ...]]]


def kept_targets(drop: np.ndarray) -> np.ndarray | None:
    """Target indexes to keep (None when nothing is taken out)."""
    return None if not drop.any() else np.flatnonzero(~drop)


def _runs(nodes: list[tuple[int, int]], axis: int):
    """(first, last) index along `axis` of each maximal run of the path moving along
    that axis alone: axis 1, 0-1 links (same row); axis 0, 1-0 links (same column)."""
    other = 1 - axis
    start = 0
    for k in range(1, len(nodes) + 1):
        if (k == len(nodes) or nodes[k][other] != nodes[k - 1][other]
                or nodes[k][axis] != nodes[k - 1][axis] + 1):
            yield nodes[start][axis], nodes[k - 1][axis]
            start = k


def run_interiors(nodes: list[tuple[int, int]], m: int, margin: int) -> np.ndarray:
    """Mask of the m targets: True inside a horizontal run of the path `nodes`
    longer than 2 * margin, but for `margin` targets at each end."""
    drop = np.zeros(m, bool)
    for j0, j1 in _runs(nodes, 1):  # a run of j1 - j0 0-1 links
        if j1 - j0 > 2 * margin:
            drop[j0 + margin:j1 - margin] = True
    return drop


def unmatched_blocks(nodes: list[tuple[int, int]], n: int, m: int, longer_than: int
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the n sources and m targets in runs of more than `longer_than`
    1-0 (or 0-1) links of the path: blocks one text has and the other lacks."""
    masks = (np.zeros(n, bool), np.zeros(m, bool))
    for axis in (0, 1):
        for a, b in _runs(nodes, axis):
            if b - a > longer_than:
                masks[axis][a:b] = True
    return masks


def narrowed_path(nodes: list[tuple[int, int]], keep: np.ndarray) -> list[tuple[int, int]]:
    """The path in the indexes of the kept targets (a node inside a block taken
    out lands on the cut)."""
    cols = np.searchsorted(keep, [j for _, j in nodes])
    return list(dict.fromkeys((i, int(q)) for (i, _), q in zip(nodes, cols)))


def staircase(coarse: list[tuple[int, int]], f: int, n: int, m: int) -> list[tuple[int, int]]:
    """A sentence-lattice path through the corners of a path of f-sentence blocks."""
    nodes = [(0, 0)]
    for ci, cj in coarse[1:]:
        i0, j0 = nodes[-1]
        i1, j1 = min(ci * f, n), min(cj * f, m)
        nodes += [(i, j0) for i in range(i0 + 1, i1 + 1)] + [(i1, j) for j in range(j0 + 1, j1 + 1)]
    return nodes


def restore(links: Links, conf: list[float], keep: np.ndarray, m: int) -> tuple[Links, list[float]]:
    """Links of the narrowed problem in the original target indexes, each
    sentence taken out back as a 0-1 link at its place (confidence: the lower
    of its neighbours'). A link that straddles a block taken out keeps the
    target sentences before it; those after it become 0-1 links."""
    dropped = np.setdiff1d(np.arange(m), keep)
    out: Links = []
    out_conf: list[float] = []
    pending: list[int] = []  # dropped targets waiting for their place
    d = 0
    for (s, t), c in zip(links, conf):
        mapped = tuple(int(keep[j]) for j in t)
        if mapped:
            while d < len(dropped) and dropped[d] < mapped[0]:
                pending.append(int(dropped[d]))
                d += 1
            _flush(out, out_conf, pending, c)
        cut = next((k for k in range(1, len(mapped)) if mapped[k] != mapped[k - 1] + 1), len(mapped))
        out.append((s, mapped[:cut]))
        out_conf.append(c)
        for j in mapped[cut:]:
            while d < len(dropped) and dropped[d] < j:
                pending.append(int(dropped[d]))
                d += 1
            _flush(out, out_conf, pending, c)
            out.append(((), (j,)))
            out_conf.append(c)
    pending.extend(int(j) for j in dropped[d:])
    _flush(out, out_conf, pending, out_conf[-1] if out_conf else 0.0)
    return out, out_conf


def _flush(out: Links, out_conf: list[float], pending: list[int], next_conf: float) -> None:
    if not pending:
        return
    c = min(out_conf[-1], next_conf) if out_conf else next_conf
    out.extend(((), (j,)) for j in pending)
    out_conf.extend([c] * len(pending))
    pending.clear()


def regroup(links: Links, conf: list[float]) -> tuple[Links, list[float]]:
    """Consecutive links without counterpart on the same side as one link
    (AlignConfig.group_unaligned) with the lowest of their confidences."""
    out: Links = []
    out_conf: list[float] = []
    for (s, t), c in zip(links, conf):
        prev = out[-1] if out else None
        if prev and not t and not prev[1]:
            out[-1], out_conf[-1] = (prev[0] + s, ()), min(out_conf[-1], c)
        elif prev and not s and not prev[0]:
            out[-1], out_conf[-1] = ((), prev[1] + t), min(out_conf[-1], c)
        else:
            out.append((s, t))
            out_conf.append(c)
    return out, out_conf
