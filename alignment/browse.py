"""Reader logic behind the app: paging, search, filters, corrections with undo, HTML rows.

Paging, search, filters, corrections and rendering are pure functions over
`alignment.types.Bitext` (or return a new one), so app.py only draws widgets and keeps
session state, and all of it is tested without a browser. Corrections with undo
(merge, split, move, `History`) live in `corrections`, the rows' HTML in `rows_html`, and
the app's I/O helpers (the reader's position note, sanitised uploads, downloads, the
language guess) in `workspace`; all are re-exported here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .corrections import (Direction, History, add_target, dismiss, drop_addition,  # noqa: F401
                          edit_target, mark_reviewed, merge, move, same_text, split)
from .search import Query, compile_query, search  # noqa: F401  (re-exported for the app)
from .reader_place import load_position, notes_path, save_position  # noqa: F401
from .rows_html import (CSS, LOW_CONFIDENCE, REVIEW_THRESHOLD, Hits, View, highlight,  # noqa: F401
                        is_fuzzy, render_row, render_rows, word_css)
from .workspace import MAX_UPLOAD_MB, export_bytes, guess_language, safe_filename, store_upload  # noqa: F401
from .types import Bitext, Finding, Span, sentence_starts

# ---------------------------------------------------------------- paging

@dataclass(frozen=True)
class Page:
    """One page of rows: the link indexes to draw, and where it sits among the pages."""

    number: int
    count: int
    ids: tuple[int, ...]
    total: int


def page(bitext: Bitext, page_no: int, per_page: int = 50,
         filtered_ids: Sequence[int] | None = None) -> Page:
    """The links on page `page_no` (0-based, clamped), among `filtered_ids` or all links.

    Only this slice is rendered, so a 10,000-link text costs no more per click than
    a short one.
    """
    ids = range(len(bitext.alignment.links)) if filtered_ids is None else filtered_ids
    per_page = max(1, per_page)
    count = max(1, -(-len(ids) // per_page))
    number = min(max(0, page_no), count - 1)
    start = number * per_page
    return Page(number, count, tuple(ids[start:start + per_page]), len(ids))


def page_caption(pg: Page, per_page: int) -> str:
    """What a page holds, in words: 'Page 2 of 2 · rows 51–63 of 63' (1-based, as shown)."""
    if not pg.ids:
        return "No links to show"
    start = pg.number * max(1, per_page) + 1
    return (f"Page {pg.number + 1} of {pg.count} · rows {start:,}–{start + len(pg.ids) - 1:,} "
            f"of {pg.total:,}")


def page_of(link: int, per_page: int = 50, filtered_ids: Sequence[int] | None = None) -> int:
    """The page that shows `link` (the page of the nearest following link if filtered out)."""
    if filtered_ids is None:
        return max(0, link) // max(1, per_page)
    return bisect.bisect_left(list(filtered_ids), link) // max(1, per_page)


def step_cursor(cursor: int, step: int, n: int, shown: Sequence[int] | None = None) -> int:
    """The sentence Learn mode's J (step 1) or K (step -1) goes to among the n links: the
    next or previous link shown (a search or a filter narrows them; None: all), else where
    it is. Why not cursor + step: with a search on, the next link is usually not on the page,
    and J seemed to do nothing while the count ran through hidden sentences."""
    if shown is None:
        return min(max(0, cursor + step), max(0, n - 1))
    ids = list(shown)
    if step > 0:
        k = bisect.bisect_right(ids, cursor)
        return ids[k] if k < len(ids) else cursor
    k = bisect.bisect_left(ids, cursor) - 1
    return ids[k] if k >= 0 else cursor


def next_to_review(bitext: Bitext, link: int, step: int = 1,
                   threshold: float = REVIEW_THRESHOLD) -> int | None:
    """The nearest link after (step 1) or before (step -1) `link` that is still to review
    (fuzzy), or None: the proofreader's way through the aligner's doubtful links."""
    links = bitext.alignment.links
    stop = len(links) if step > 0 else -1
    return next((j for j in range(link + step, stop, step) if is_fuzzy(links[j], threshold)), None)


def snap_cursor(cursor: int, shown: Sequence[int] | None) -> int:
    """The cursor moved onto a link that is shown: itself, the next shown one, or the last."""
    if shown is None or not shown or cursor in shown:
        return cursor
    ids = list(shown)
    k = bisect.bisect_left(ids, cursor)
    return ids[min(k, len(ids) - 1)]


# ---------------------------------------------------------------- search and filters

@dataclass(frozen=True)
class Filters:
    """Which links to show; every active filter must hold."""

    fuzzy_only: bool = False
    kinds: frozenset[str] = frozenset()
    failed_checks: bool = False
    below: float | None = None
    unreviewed_only: bool = False   # every link not marked reviewed, sure ones too

    @property
    def active(self) -> bool:
        return (self.fuzzy_only or bool(self.kinds) or self.failed_checks or self.below is not None
                or self.unreviewed_only)


def select(bitext: Bitext, filters: Filters = Filters(), *, hits: Hits | None = None,
           findings: Iterable[Finding] = (), threshold: float = REVIEW_THRESHOLD
           ) -> tuple[int, ...] | None:
    """Indexes of the links that pass the filters and the search; None means all links."""
    if hits is None and not filters.active:
        return None
    flagged = {f.link for f in findings} if filters.failed_checks else set()
    ids = sorted(hits) if hits is not None else range(len(bitext.alignment.links))
    links = bitext.alignment.links
    return tuple(i for i in ids
                 if (not filters.fuzzy_only or is_fuzzy(links[i], threshold))
                 and (not filters.unreviewed_only or not links[i].reviewed)
                 and (not filters.kinds or links[i].kind in filters.kinds)
                 and (not filters.failed_checks or i in flagged)
                 and (filters.below is None or links[i].confidence < filters.below))


def carry_findings(old: Bitext, new: Bitext, found: Iterable[Finding]) -> tuple[Finding, ...]:
    """Findings of an earlier version (`old`) placed on the links of `new` that now hold the
    same sentences, their highlights moved within the link's text.

    Why: on a long text the checks take a while after an edit, and the previous findings are
    shown meanwhile; by their old link numbers they marked the wrong rows after a merge or a
    split ('⚑ on link 15 while the omission is link 16'). A finding goes with the first
    sentence of its link (the source side unless it has none: target sentences are numbered
    anew when a translation is added, and then such findings are dropped); a highlight whose
    sentences were edited or moved out of the link is dropped, the finding kept."""
    links = new.alignment.links
    where = {"src": {k: i for i, x in enumerate(links) for k in x.src},
             "tgt": {k: i for i, x in enumerate(links) for k in x.tgt}}
    out = []
    for f in found:
        if not 0 <= f.link < len(old.alignment.links):
            continue
        link = old.alignment.links[f.link]
        side = "src" if link.src else "tgt"
        if side == "tgt" and len(old.tgt) != len(new.tgt):
            continue
        at = where[side].get((link.src or link.tgt)[0])
        if at is not None:
            spans = tuple(s for s in (_moved(old, new, f.link, at, s) for s in f.spans) if s)
            out.append(replace(f, link=at, spans=spans))
    return tuple(out)


def _moved(old: Bitext, new: Bitext, i: int, j: int, span: Span) -> Span | None:
    """`span` of old link i in new link j: shifted by the text before the old link's first
    sentence there; None when the link's sentences on that side are not all there, as they were."""
    was = old.alignment.links[i].src if span.side == "src" else old.alignment.links[i].tgt
    now = new.alignment.links[j].src if span.side == "src" else new.alignment.links[j].tgt
    o_sents, n_sents = (old.src, new.src) if span.side == "src" else (old.tgt, new.tgt)
    if len(o_sents) != len(n_sents) or not was or not set(was) <= set(now) or any(o_sents[k] != n_sents[k] for k in was):
        return None
    shift = sentence_starts([n_sents[k].text for k in now])[now.index(was[0])]
    return Span(span.side, span.start + shift, span.end + shift)


def findings_by_link(findings: Iterable[Finding]) -> dict[int, tuple[Finding, ...]]:
    """Findings grouped by the link they are about."""
    out: dict[int, list[Finding]] = {}
    for f in findings:
        out.setdefault(f.link, []).append(f)
    return {k: tuple(v) for k, v in out.items()}


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$&])")


def md_escape(text: str) -> str:
    """User text made inert for st.markdown / st.error: every Markdown special escaped.

    Streamlit never renders raw HTML there, but a file name like `[x](y)` or `**`
    would still turn into a link or bold text.
    """
    return _MD_SPECIAL.sub(r"\\\1", text)


_URL = re.compile(r"https?://[^\s`]+[^\s`.,;:)]")


def md_text(text: str) -> str:
    """Like `md_escape`, but URLs shown as code (`http://…`): an escaped URL is autolinked
    by Markdown with its backslashes in it, and a code span needs no escapes."""
    out, pos = [], 0
    for m in _URL.finditer(text):
        out += [md_escape(text[pos:m.start()]), f"`{m.group()}`"]
        pos = m.end()
    return "".join(out + [md_escape(text[pos:])])
