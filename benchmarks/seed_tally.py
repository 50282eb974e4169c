"""bench_checks.py over several seeds: one table of recall per slip type and of false alarms,
seed by seed and in total.

Why: one seed's window holds a handful of slips of a kind (LIMSI seeds 0-2: 16 names replaced
by a common word), and the checks were tuned on seeds 0-2. The same kind on seeds 3-8 was found
at warning 14 of 32 times against 12 of 16 there, which no single-seed run shows. `--seeds 3-8`
prints the fresh seeds' figure beside the tuned ones' in one run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from alignment.checks import at_level
from alignment.types import Finding


def parse_seeds(text: str) -> list[int]:
    """'0-2,5' -> [0, 1, 2, 5]; a clear error for anything else."""
    seeds: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.strip().partition("-")
        try:
            first, last = int(lo), int(hi or lo)
        except ValueError:
            raise ValueError(f"--seeds {text!r}: write seeds as numbers and ranges, e.g. 0-2,5") from None
        if last < first:
            raise ValueError(f"--seeds {text!r}: a range runs from low to high, e.g. 3-8")
        seeds.extend(range(first, last + 1))
    return seeds


@dataclass(frozen=True)
class SeedTally:
    """One seed's window: per slip type (injected, found at warning or above, found at any
    level), and its clean links with the findings on them at warning or above and at info."""

    seed: int
    kinds: tuple[tuple[str, int, int, int], ...]
    clean: int
    warnings: int
    infos: int


def tally(seed: int, slips: Sequence[str], findings: Iterable[Finding],
          expected: Mapping[str, str]) -> SeedTally:
    """`slips`: each link's injected slip type ('' for a clean link); `expected`: the check
    meant to catch each type. A slip counts as found where its check reports on its link."""
    findings = tuple(findings)
    warned = {(f.link, f.check) for f in at_level(findings, "warning")}
    seen = {(f.link, f.check) for f in findings}
    kinds = []
    for kind, check in expected.items():
        links = [i for i, s in enumerate(slips) if s == kind]
        if links:
            kinds.append((kind, len(links), sum((i, check) in warned for i in links),
                          sum((i, check) in seen for i in links)))
    clean = {i for i, s in enumerate(slips) if not s}
    on_clean = [f for f in findings if f.link in clean]
    return SeedTally(seed, tuple(kinds), len(clean),
                     sum(f.severity != "info" for f in on_clean), sum(f.severity == "info" for f in on_clean))


def table(tallies: Sequence[SeedTally]) -> list[str]:
    """The lines to print: per slip type the seeds' found-at-warning/injected and the total,
    then the false alarms per 1,000 clean links per seed and over all of them."""
    seeds = " ".join(f"{t.seed:>7}" for t in tallies)
    lines = [f"{'slip type':<14}{seeds}   total (warning+)  (any level)"]
    names = list(dict.fromkeys(k for t in tallies for k, *_ in t.kinds))
    for name in names:
        got = [{k: (n, w, a) for k, n, w, a in t.kinds}.get(name, (0, 0, 0)) for t in tallies]
        n, w, a = (sum(g[j] for g in got) for j in range(3))
        cells = " ".join(f"{f'{g[1]}/{g[0]}' if g[0] else '-':>7}" for g in got)
        lines.append(f"{name:<14}{cells}   {w:>4}/{n:<4} {w / n:6.1%}  {a / n:10.1%}")
    clean = sum(t.clean for t in tallies)
    for what, pick in (("warning+", lambda t: t.warnings), ("info", lambda t: t.infos)):
        cells = " ".join(f"{1000 * pick(t) / max(t.clean, 1):>7.1f}" for t in tallies)
        lines.append(f"{what + ' /1,000':<14}{cells}   {1000 * sum(map(pick, tallies)) / max(clean, 1):>9.1f}"
                     f" per 1,000 clean links ({clean} in all)")
    return lines
