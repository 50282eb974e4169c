"""Optional: eflomal's word links as extra evidence for words.py (`WordConfig.eflomal`).

eflomal (Östling & Tiedemann 2016; PyPI `eflomal`, GNU GPLv3, a C extension) is a Bayesian
word aligner with fertility and a jump model. It is not a dependency: `pip install eflomal`
(or the `eflomal` extra) enables it. Measured on the Alibi dev stories, each story trained on
its own pairs: eflomal alone (intersection of both directions) AER 0.120; our linker 0.079;
ours + 0.35 x eflomal's links 0.072 (see `alignment bench ../shared/bench/alibi --eflomal`).
eflomal samples at random and takes no seed, so its links vary slightly between runs.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import AlignmentError

Pairs = list[frozenset[tuple[int, int]]]


class EflomalMissing(AlignmentError):
    """eflomal was asked for but is not installed."""


def eflomal_links(src: Sequence[Sequence[str]], tgt: Sequence[Sequence[str]]) -> tuple[Pairs, Pairs]:
    """(forward, reverse) links per sentence pair, token indexes of the given lists."""
    try:
        import eflomal
    except ImportError:
        raise EflomalMissing("eflomal is not installed: pip install eflomal (GPL-3), "
                             "or leave out --eflomal") from None
    # eflomal cannot take an empty sentence; a placeholder token keeps the line numbers
    src_lines = [" ".join(t.lower() for t in s) or "∅" for s in src]
    tgt_lines = [" ".join(t.lower() for t in t_) or "∅" for t_ in tgt]
    with tempfile.TemporaryDirectory() as tmp:
        fwd, rev = Path(tmp) / "fwd", Path(tmp) / "rev"
        eflomal.Aligner(n_samplers=2, rel_iterations=0.5).align(
            src_lines, tgt_lines, links_filename_fwd=str(fwd), links_filename_rev=str(rev))
        return _read(fwd, len(src)), _read(rev, len(src))


def _read(path: Path, n: int) -> Pairs:
    lines = path.read_text(encoding="utf-8").split("\n")[:n]
    lines += [""] * (n - len(lines))
    return [frozenset(tuple(map(int, item.split("-"))) for item in line.split()) for line in lines]
