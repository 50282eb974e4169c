"""What a reader compares in a version set: word diffs, row markers, the summary, search.

Versions in the same language are compared word by word with difflib.SequenceMatcher (standard
library, Ratcliff-Obershelp matching; no dependency, good on the short texts of one row) over
word, punctuation and space tokens, autojunk off. Markers say where the shown texts disagree:
one has nothing where another has text, one is far longer (after each text's length ratio on
the rows it shares with the original), a revision changed words, a version says another number than the original (the
proofreading `numbers` check, checks.py, run on the pair's links in the row: numbers compared
by value, so "72", "soixante-douze" and "seventy-two" agree), or a version's link in the row is
one the two-text reader tints as to review or very unsure (rows_html.py's thresholds). Names are not compared: without
the encoder's word evidence the `names` check flags Norway/Norvège, and a marker must not cry
wolf where translations merely word things differently. Pure functions over a VersionSet
(versions.py builds it).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .lang import primary
from .types import Alignment, Bitext, DiffOp, Link, VersionSet

FAR_LONGER = 2.0       # a cell this many times longer than another (after each text's scale_ratios)
FAR_LONGER_CHARS = 30  # ... and at least this many characters longer, is marked
REVISION_SHARE = 0.5   # same-language texts differing in fewer rows are a text and its revision
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_WORD = re.compile(r"\w+")
# checks.py's message for a number changed: "numbers differ: X in the original, Y in the translation"
_NUMBERS_SAID = re.compile(r"numbers differ: (?P<orig>.+) in the original, (?P<version>.+) in the translation")


def word_diff(old: str, new: str) -> tuple[DiffOp, ...]:
    """Word by word differences of two same-language texts (insertions, deletions, replacements)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ops.append(DiffOp(tag, "".join(a[i1:i2]), "".join(b[j1:j2])))  # type: ignore[arg-type]
    return tuple(ops)


def _norm(text: str) -> str:
    return " ".join(text.split())


def same_language(vs: VersionSet, k: int) -> tuple[int, ...]:
    """The other texts of the set in the language of text k (none when it is not known)."""
    lang = primary(vs.texts[k].lang)
    return tuple(i for i, t in enumerate(vs.texts)
                 if lang and i != k and primary(t.lang) == lang)


def length_ratios(vs: VersionSet) -> tuple[float, ...]:
    """Per text: its characters over the original's (1.0 for the original)."""
    base = max(sum(len(s.text) for s in vs.texts[0].sentences), 1)
    return tuple(sum(len(s.text) for s in t.sentences) / base for t in vs.texts)


def scale_ratios(vs: VersionSet) -> tuple[float, ...]:
    """Per text: its characters over the original's on the rows both fill (1.0 for the
    original, and for a text sharing no row with it): what a row's lengths are scaled by
    before one is called far longer. Over the whole text (length_ratios), a version that
    leaves most rows empty had a ratio of 0.04, and its two sentences read 25 times too long."""
    rows = [r for r in vs.rows if r.cells[0]]
    out = []
    for k, text in enumerate(vs.texts):
        both = [r for r in rows if r.cells[k]]
        base = sum(len(vs.texts[0].sentences[j].text) for r in both for j in r.cells[0])
        mine = sum(len(text.sentences[j].text) for r in both for j in r.cells[k])
        out.append(mine / base if base and mine else 1.0)
    return tuple(out)


def row_overlap(vs: VersionSet, k: int, other: int) -> tuple[int, int]:
    """(rows both texts fill, rows only one of them fills)."""
    both = sum(1 for r in vs.rows if r.cells[k] and r.cells[other])
    either = sum(1 for r in vs.rows if r.cells[k] or r.cells[other])
    return both, either - both


def changed_shares(vs: VersionSet) -> dict[tuple[int, int], float]:
    """(k, other) -> share of the rows both texts fill where their words differ, for every
    pair of texts in the same language (each text's cells normalised once); 1.0 when no row
    holds both. A row only one fills is "nothing here" in the other, not "worded differently":
    a version of two sentences read as 97% reworded."""
    pairs = {(min(k, o), max(k, o)) for k in range(len(vs.texts)) for o in same_language(vs, k)}
    normed = {k: [_norm(vs.cell_text(i, k)) for i in range(len(vs.rows))]
              for k in {x for p in pairs for x in p}}
    out = {}
    for k, o in pairs:
        both = [i for i, r in enumerate(vs.rows) if r.cells[k] and r.cells[o]]
        share = sum(1 for i in both if normed[k][i] != normed[o][i]) / len(both) if both else 1.0
        out[(k, o)] = out[(o, k)] = share
    return out


def words_shared(vs: VersionSet, k: int, other: int) -> float:
    """Share of the two texts' words they have in common, row by row (difflib's matching
    words, case folded, over both texts' words): what "rows that differ" cannot say of two
    translations, which differ in nearly every row yet may share most of their words (a
    revision) or few (two translators). Rows only one text fills are left out, as in
    changed_shares: they are "nothing here" in the other (row_overlap counts them)."""
    k, other = min(k, other), max(k, other)   # difflib is not symmetric: one order for both
    matched = total = 0
    for i in range(len(vs.rows)):
        a = _WORD.findall(vs.cell_text(i, k).casefold())
        b = _WORD.findall(vs.cell_text(i, other).casefold())
        if a and b:
            total += len(a) + len(b)
            blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
            matched += 2 * sum(block.size for block in blocks)
    return matched / total if total else 1.0


def number_flags(vs: VersionSet, i: int, k: int) -> tuple[str, ...]:
    """Numbers version k says otherwise than the original in row i ("en1: sixty-two (62)
    where the original says soixante-douze (72)"). The proofreading `numbers` check is run on
    the pair's links inside the row alone (it reads each link by itself), so a page costs its
    own rows, not the book's; only its warnings and errors count: a number left out or added
    on one side (info) is often the translator's choice, not a disagreement."""
    from .checks import CheckConfig, at_level, check_numbers

    row = vs.rows[i]
    if not row.cells[0] or not row.cells[k]:
        return ()
    pair = Bitext(src=vs.texts[0].sentences, tgt=vs.texts[k].sentences,
                  alignment=Alignment(links=row.links[k - 1]), src_lang=vs.texts[0].lang,
                  tgt_lang=vs.texts[k].lang)
    return tuple(_number_reason(vs.texts[k].name, f.message)
                 for f in at_level(check_numbers(pair, CheckConfig()), "warning"))


def _number_reason(name: str, message: str) -> str:
    """The check's message said of one version: "en1: 62 where the original says 72"."""
    said = _NUMBERS_SAID.fullmatch(message)
    if said is None:
        return f"{name}: {message}"
    return f"{name}: {said['version']} where the original says {said['orig']}"


@dataclass(frozen=True)
class FlagContext:
    """What row markers need of the whole set, computed once: each text's length ratio (on
    the rows it shares with the original, scale_ratios), and
    the same-language pairs that read as a text and its revision (they differ in fewer than
    REVISION_SHARE of their rows), whose changed rows are marked; two independent
    translations differ nearly everywhere, so their rows are not."""

    ratios: tuple[float, ...]
    revisions: frozenset[tuple[int, int]]


def flag_context(vs: VersionSet) -> FlagContext:
    """The FlagContext of a set."""
    return FlagContext(scale_ratios(vs), frozenset(p for p, share in changed_shares(vs).items()
                                                   if share < REVISION_SHARE))


def diff_by_default(context: FlagContext) -> bool:
    """Whether the word diff starts on: only where two same-language texts read as a text and
    its revision. Between two translators nearly every word is struck out ("~~On~~Early
    ~~the morning of~~on…"), which hides both texts."""
    return bool(context.revisions)


def row_flags(vs: VersionSet, i: int, shown: Sequence[int],
              context: FlagContext | None = None) -> tuple[str, ...]:
    """Where the shown texts disagree in row i: one has nothing where another has text, one
    is far longer than another (lengths_said), a revision changed words, a version says
    another number than the original (number_flags), or a shown version's link is in doubt
    (doubt_flags: an omission in doubt is said there, not as "nothing here" too)."""
    context = context if context is not None else flag_context(vs)
    row, names = vs.rows[i], [t.name for t in vs.texts]
    full = [k for k in shown if row.cells[k]]
    doubts = {k: doubt_flags(vs, i, k) for k in shown if k > 0}
    flags = [f"{names[k]}: nothing here" for k in shown if not row.cells[k] and full
             and not any(f.startswith(f"{names[k]}: leaves ") for f in doubts.get(k, ()))]
    lengths = {k: len(vs.cell_text(i, k)) / max(context.ratios[k], 1e-6) for k in full}
    flags += lengths_said(lengths, names)
    for x, k in enumerate(full):
        for other in full[x + 1:]:
            if ((k, other) in context.revisions
                    and _norm(vs.cell_text(i, k)) != _norm(vs.cell_text(i, other))):
                flags.append(f"{names[k]} / {names[other]}: words differ")
    return (tuple(flags) + tuple(f for k in full if k > 0 for f in number_flags(vs, i, k))
            + tuple(f for said in doubts.values() for f in said))


def _far(longer: float, shorter: float) -> bool:
    return longer >= FAR_LONGER * shorter and longer - shorter >= FAR_LONGER_CHARS


def lengths_said(lengths: dict[int, float], names: Sequence[str]) -> list[str]:
    """A cell far longer or shorter than the others (lengths scaled), each version measured
    against the original where the original has text here ("en2: far longer than the
    original"), else against the other versions shown. Why: "en2: far longer than fr" read
    as a comparison with the original when fr was another translation."""
    if len(lengths) < 2:
        return []
    if 0 in lengths:
        said = [f"{names[k]}: far {'longer' if n > lengths[0] else 'shorter'} than the original"
                for k, n in lengths.items() if k and (_far(n, lengths[0]) or _far(lengths[0], n))]
        if said:
            return said
    long_k = max(lengths, key=lengths.__getitem__)
    others = [n for k, n in lengths.items() if k != long_k]
    if not _far(lengths[long_k], min(others)):
        return []
    if all(_far(lengths[long_k], n) for n in others) and 0 not in lengths:
        return [f"{names[long_k]}: far longer than the other version{'s' * (len(others) > 1)}"]
    short_k = min(lengths, key=lengths.__getitem__)
    return [f"{names[long_k]}: far longer than {names[short_k]}, another version"]


def doubt_flags(vs: VersionSet, i: int, k: int) -> tuple[str, ...]:
    """Version k's links in row i that the two-text reader tints ("en2: very unsure link
    (confidence 0.24)"): a to-review (fuzzy) or very unsure link, by rows_html.py's thresholds;
    an omission or addition in doubt is said as one ("en2: leaves this out, the aligner
    unsure: ..."). Why: the set's rows hid the aligner's doubts, so a wrong link read as sure
    here while the pair's reader marked it; and "en2: nothing here; en2: very unsure link"
    read as if the text left out were doubtful, not the omission."""
    from .browse import LOW_CONFIDENCE, REVIEW_THRESHOLD, is_fuzzy

    def said(link: Link) -> str:
        sure = f"confidence {link.confidence:.2f}"
        if not link.tgt:
            what = "this" if not vs.rows[i].cells[k] else "a sentence here"
            return (f"{vs.texts[k].name}: leaves {what} out, the aligner unsure ({sure}): its "
                    f"translation may be in a row nearby")
        if not link.src:
            return (f"{vs.texts[k].name}: adds this, the aligner unsure ({sure}): it may "
                    f"translate a sentence nearby")
        what = "very unsure link" if link.confidence < LOW_CONFIDENCE else "link to review"
        return f"{vs.texts[k].name}: {what} ({sure})"

    return tuple(said(link) for link in vs.rows[i].links[k - 1] if is_fuzzy(link, REVIEW_THRESHOLD))


# ---------------------------------------------------------------- summary and search

@dataclass(frozen=True)
class VersionSummary:
    """What a version keeps of the original, for the summary view."""

    name: str
    lang: str
    coverage: float                     # share of the original's sentences with a counterpart
    omitted_rows: tuple[int, ...]       # rows of the original this version leaves empty
    added_rows: tuple[int, ...]         # rows only this version (and maybe others) fills
    length_ratio: float                 # its characters over the original's
    changed: tuple[tuple[str, float], ...]  # same-language text -> share of rows both fill that differ
    shared: tuple[tuple[str, float], ...] = ()  # same-language text -> share of words in common
    overlap: tuple[tuple[str, int, int], ...] = ()  # same-language text -> rows both fill, one fills


def summary(vs: VersionSet) -> tuple[VersionSummary, ...]:
    """One summary per version (texts 1..N-1)."""
    ratios, n0 = length_ratios(vs), max(len(vs.texts[0].sentences), 1)
    shares = changed_shares(vs)
    out = []
    for k in range(1, len(vs.texts)):
        omitted = tuple(i for i, r in enumerate(vs.rows) if r.cells[0] and not r.cells[k])
        added = tuple(i for i, r in enumerate(vs.rows) if not r.cells[0] and r.cells[k])
        covered = sum(len(r.cells[0]) for r in vs.rows if r.cells[k])
        changed = [(vs.texts[o].name, shares[(k, o)]) for o in same_language(vs, k)]
        shared = tuple((vs.texts[o].name, words_shared(vs, k, o)) for o in same_language(vs, k))
        overlap = tuple((vs.texts[o].name, *row_overlap(vs, k, o)) for o in same_language(vs, k))
        out.append(VersionSummary(vs.texts[k].name, vs.texts[k].lang, covered / n0, omitted,
                                  added, ratios[k], tuple(changed), shared, overlap))
    return tuple(out)


def search_rows(vs: VersionSet, text: str, *, regex: bool = False, case: bool = False,
                texts: Sequence[int] | None = None) -> dict[int, tuple[tuple[int, int, int], ...]]:
    """Rows where any of `texts` (default: all) matches: row -> (text, start, end) hits,
    offsets in `VersionSet.cell_text`. SearchError for a bad regular expression."""
    from .browse import Query, compile_query

    pattern = compile_query(Query(text=text, regex=regex, case=case))
    if pattern is None:
        return {}
    which = range(len(vs.texts)) if texts is None else texts
    hits: dict[int, tuple[tuple[int, int, int], ...]] = {}
    for i in range(len(vs.rows)):
        found = tuple((k, m.start(), m.end()) for k in which
                      for m in pattern.finditer(vs.cell_text(i, k)) if m.end() > m.start())
        if found:
            hits[i] = found
    return hits


def hidden_matches(hits: dict[int, tuple[tuple[int, int, int], ...]],
                   shown: Sequence[int]) -> dict[int, tuple[int, ...]]:
    """Row -> the texts not in `shown` that `search_rows`' hits fall in, in the set's order.
    Why: the search reads every text of the set (the columns hold at most four), so a row
    found in a hidden text alone must say where, or it reads as a false match."""
    out = {}
    for i, found in hits.items():
        hidden = sorted({k for k, _, _ in found if k not in shown})
        if hidden:
            out[i] = tuple(hidden)
    return out
