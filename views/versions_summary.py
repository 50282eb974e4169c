"""The Compare versions page's Summary table: per version, how much of the original it covers,
the rows it omits and adds (counts, and their numbers apart), its length, and how it compares
with the other versions in its language. Each heading's tooltip says what it measures.

Drawn as HTML by views/versions.py (split out to keep that page's module short); the figures
are versions_compare.summary's.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from alignment import versions_compare as V
from alignment.types import VersionSet


SUMMARY_HEAD = (
    ("version", ""), ("language", ""),
    ("covers the original", "share of the original's sentences this version has a counterpart for"),
    ("rows omitted", "how many rows of the original this version leaves empty"),
    ("rows added", "how many rows only this version (and maybe others) fills"),
    ("which rows", "the row numbers, as in the columns view"),
    ("length ratio", "this version's characters over the original's"),
    ("against the other versions in its language",
     "rows worded differently: share of the rows both fill where their words are not the "
     "same; words shared: share of their words the two have in common, row by row "
     "(two translators share few, a text and its revision most); rows where one of the two "
     "has nothing are counted apart"))


def _row_numbers(label: str, rows: Sequence[int], shown: int = 30) -> str:
    """'omitted: row 15' or 'added: rows 3, 4, … (41 rows)': the row numbers of the columns."""
    if not rows:
        return ""
    listed = ", ".join(str(i + 1) for i in rows[:shown])
    more = f", … ({len(rows)} rows)" if len(rows) > shown else ""
    return f"{label}: {'rows' if len(rows) > 1 else 'row'} {listed}{more}"


def _likeness(s: V.VersionSummary) -> str:
    """'vs en2: 100% of rows worded differently, 60% of words shared' per same-language text,
    and the rows where one of the two has nothing, apart: a version of two sentences was
    "97% worded differently" from its 37 empty rows."""
    shared, overlap = dict(s.shared), {n: (both, one) for n, both, one in s.overlap}
    out = []
    for n, share in s.changed:
        both, one = overlap.get(n, (1, 0))
        said = (f"vs {html.escape(n)}: {share:.0%} of rows worded differently" if both else
                f"vs {html.escape(n)}: no row holds both")
        said += f", {shared[n]:.0%} of words shared" if n in shared and both else ""
        if one:
            said += f" ({one} row{'s' * (one != 1)} where one of the two has nothing)"
        out.append(said)
    return "; ".join(out) or "–"


def render_summary(vs: VersionSet, summaries: Sequence[V.VersionSummary] | None = None,
                   files: Mapping[str, str] | None = None) -> str:
    """Per version: its name and file (`files`), coverage of the original, how many rows it
    omits and adds (counts; the row numbers in a column of their own), length ratio, and how
    it compares with the other versions in its language. Each heading says what it measures
    in its tooltip."""
    from alignment.versions_names import named

    from .versions import CSS   # the page's style sheet (that module imports this one)

    summaries = summaries if summaries is not None else V.summary(vs)
    head = "".join(f'<th title="{html.escape(tip)}">{name}</th>' if tip else f"<th>{name}</th>"
                   for name, tip in SUMMARY_HEAD)
    body = []
    for s in summaries:
        where = "; ".join(w for w in (_row_numbers("omitted", s.omitted_rows),
                                      _row_numbers("added", s.added_rows)) if w)
        body.append(f"<tr><td>{html.escape(named(s.name, files or {}))}</td><td>{html.escape(s.lang)}</td>"
                    f"<td>{s.coverage:.1%}</td><td>{len(s.omitted_rows)}</td>"
                    f"<td>{len(s.added_rows)}</td><td>{where or '–'}</td>"
                    f"<td>{s.length_ratio:.2f}</td><td>{_likeness(s)}</td></tr>")
    return f'{CSS}<table class="vs-sum"><tr>{head}</tr>{"".join(body)}</table>'
