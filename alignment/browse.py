"""Reader logic behind the app: paging, search, filters, corrections with undo, HTML rows.

Paging, search, filters, corrections and rendering are pure functions over
`alignment.types.Bitext` (or return a new one), so app.py only draws widgets and keeps
session state, and all of it is tested without a browser. Corrections with undo
(merge, split, move, `History`) live in `corrections`, and the app's I/O helpers
(the reader's position note, sanitised uploads, downloads, the language guess) in
`workspace`; both are re-exported here.

HTML is built with the standard library's `html.escape` applied to every piece of
user text; highlights are inserted after escaping, at offsets computed on the raw
text, so no text can ever become markup. A template engine would add a dependency
and nothing else for a dozen table cells.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from .defaults import DEFAULT_REVIEW_THRESHOLD
from .corrections import (Direction, History, add_target, dismiss, drop_addition,  # noqa: F401
                          edit_target, mark_reviewed, merge, move, same_text, split)
from .search import Query, compile_query, search  # noqa: F401  (re-exported for the app)
from .link_notes import note_mark
from .link_words import link_title
from .text_direction import text_dir
from .reader_place import load_position, notes_path, save_position  # noqa: F401
from .workspace import MAX_UPLOAD_MB, export_bytes, guess_language, safe_filename, store_upload  # noqa: F401
from .types import Bitext, Finding, Link, Sentence, Side, Span, sentence_starts
from .words import word_groups

REVIEW_THRESHOLD = DEFAULT_REVIEW_THRESHOLD
"""Links below this confidence (and not reviewed) are fuzzy, as in the PO files."""
LOW_CONFIDENCE = 0.5
"""Below this a link is drawn as doubtful, not merely to review."""

Hits = Mapping[int, tuple[Span, ...]]


def is_fuzzy(link: Link, threshold: float = REVIEW_THRESHOLD) -> bool:
    """A link a person should look at: below the threshold and not yet reviewed."""
    return not link.reviewed and link.confidence < threshold


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


# ---------------------------------------------------------------- rendering

CSS = """<style>
.al-rows{width:100%;border-collapse:collapse;table-layout:fixed;font-family:Georgia,'Times New Roman',serif;
 font-size:1.02rem;line-height:1.55}
.al-rows col.meta{width:5.6rem}
.al-rows th{font:600 .78rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;
 color:#777;text-align:left;padding:.2rem .6rem;border-bottom:1px solid rgba(128,128,128,.35)}
.al-rows td{vertical-align:top;padding:.35rem .6rem;overflow-wrap:anywhere;word-break:break-word;border-bottom:1px solid rgba(128,128,128,.13)}
.al-rows tr.para td{border-top:1.4rem solid transparent}
.al-rows tr.heading td.src,.al-rows tr.heading td.tgt{font-weight:600}
.al-rows td.meta{font:.72rem/1.35 system-ui,sans-serif;color:#888;white-space:nowrap}
.al-rows td.meta b{display:block;font-size:.8rem;color:#555}
.al-rows tr.fuzzy td{background-color:rgba(255,193,7,.12)}
.al-rows tr.fuzzy td.meta{box-shadow:inset 3px 0 #f0ad00}
.al-rows tr.low td{background-color:rgba(244,67,54,.10)}
.al-rows tr.low td.meta{box-shadow:inset 3px 0 #e53935}
.al-rows tr.current td{background-color:rgba(33,150,243,.12)}
.al-rows tr.current td.meta{box-shadow:inset 3px 0 #1e88e5}
.al-rows td.empty{background-image:repeating-linear-gradient(135deg,transparent 0 6px,rgba(128,128,128,.28) 6px 12px)}
.al-rows .ok{color:#2e7d32}.al-rows .flag{color:#c62828}
.al-rows .cue{font-weight:700;margin-left:.3em}.al-rows tr.fuzzy .cue{color:#b07800}
.al-rows tr.low .cue{color:#c62828}.al-rows tr.current .cue.at{color:#1e88e5}
.al-rows .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.al-rows mark.hit{background:#ffe066;color:inherit;padding:0 .1em;border-radius:2px}
.al-rows mark.chk{background:none;color:inherit;text-decoration:underline wavy #e53935}
.al-rows details summary{cursor:pointer;color:#999;font:.8rem system-ui,sans-serif}
</style>"""


def word_css(bitext: Bitext, ids: Sequence[int], threshold: float) -> str:
    """Hovering (or tapping) a word lights up every word of its group in the same row: one
    :has() rule per group number used on the page, so no script is needed."""
    groups = max((len({g for _, _, g in word_groups(bitext, i, threshold)["src"]}) for i in ids),
                 default=0)
    rules = ",".join(f".al-rows tr:has(.wg{g}:hover) .wg{g}" for g in range(groups))
    return ("<style>.al-rows mark.w{background:none;color:inherit;padding:0;cursor:pointer}"
            + (f"{rules}{{background:#b3e5fc;border-radius:2px}}" if rules else "") + "</style>")


def highlight(text: str, marks: Iterable[tuple[int, int, str]]) -> str:
    """`text` escaped, each mark [start, end) wrapped in <mark class=...>; overlaps clipped.

    Escaping happens piece by piece, after the offsets are applied to the raw text.
    """
    out: list[str] = []
    pos = 0
    for start, end, cls in sorted(marks):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark class="{html.escape(cls)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _side_html(sents: Sequence[Sentence], marks: Sequence[tuple[int, int, str]]) -> str:
    """One cell's HTML: a link's sentences on one side, a <br> where a paragraph changes."""
    parts: list[str] = []
    end, prev = 0, None
    for sent, off in zip(sents, sentence_starts([x.text for x in sents])):
        n = len(sent.text)
        local = [(max(a, off) - off, min(b, off + n) - off, c) for a, b, c in marks
                 if a < off + n and b > off]
        if parts:   # the joiner link_text puts there: a space, or none between CJK sentences
            parts.append("<br>" if sent.paragraph != prev else " " * (off - end))
        parts.append(highlight(sent.text, local))
        prev, end = sent.paragraph, off + n
    return "".join(parts)


def _starts_paragraph(sents: Sequence[Sentence], idx: Sequence[int]) -> bool:
    return bool(idx) and idx[0] > 0 and sents[idx[0]].paragraph != sents[idx[0] - 1].paragraph


@dataclass(frozen=True)
class View:
    """How rows are drawn: search hits, findings, the learner's hidden side, the cursor."""

    hits: Hits | None = None
    findings: Mapping[int, Sequence[Finding]] | None = None
    threshold: float = REVIEW_THRESHOLD
    hidden: Side | None = None
    revealed: frozenset[int] = frozenset()
    current: int | None = None
    words: float | None = None  # show word links with confidence >= this (hover lights them)
    headings: frozenset[int] = frozenset()  # links holding a heading (contents.py): drawn bold
    notes: Mapping[int, str] | None = None  # translator notes by link (link_notes.py): an icon


def _cues(states: Sequence[str]) -> str:
    """A symbol for each state the row's tint shows (read by its name, shown with it on
    hover): a tint alone is lost on a reader who cannot tell the colours apart, and on a
    screen reader."""
    out = []
    for state in states:
        symbol, name = _CUES[state]
        out.append(f'<span class="cue{" at" if state == "current" else ""}" title="{name}">'
                   f'<span aria-hidden="true">{symbol}</span><span class="sr"> {name}</span></span>')
    return "".join(out)


_CUES = {"current": ("&#9664;", "current link"), "fuzzy": ("?", "to review"),
         "low": ("!", "very unsure")}


def _meta_html(i: int, link: Link, found: Sequence[Finding], states: Sequence[str] = (),
               threshold: float = REVIEW_THRESHOLD) -> str:
    ok = ' <span class="ok" title="reviewed">&#10003;</span>' if link.reviewed else ""
    flag = ""
    if found:
        title = html.escape("\n".join(f"{f.check}: {f.message}" for f in found))
        flag = f' <span class="flag" title="{title}">&#9873;{len(found)}</span>'
    what = html.escape(link_title(link, threshold))   # "1-1 · 0.98" in words (link_words.py)
    return (f'<b>{i + 1}{_cues(states)}</b><span title="{what}">{link.kind} &middot; '
            f'{link.confidence:.2f}</span>{ok}{flag}')


def render_row(bitext: Bitext, i: int, view: View = View()) -> str:
    """One link as a table row: meta, source cell, target cell (see `render_rows`). Drawn
    by `_row_html` from what the row shows alone, so a rerun draws only the rows that changed
    anew: every row of the page was drawn again at each click (6-25 ms of a rerun)."""
    link, found, marks = bitext.alignment.links[i], tuple((view.findings or {}).get(i, ())), []
    for side in ("src", "tgt"):
        m = [(s.start, s.end, "hit") for s in (view.hits or {}).get(i, ()) if s.side == side]
        m += [(s.start, s.end, "chk") for f in found for s in f.spans if s.side == side]
        if view.words is not None:
            m += [(a, b, f"w wg{g}") for a, b, g in word_groups(bitext, i, view.words)[side]]
        marks.append(tuple(m))
    para = _starts_paragraph(bitext.src, link.src) or _starts_paragraph(bitext.tgt, link.tgt)
    look = _RowLook(para, view.threshold, view.current == i, i in view.headings, view.hidden,
                    i in view.revealed)
    return _row_html(i, link, (tuple(bitext.src[k] for k in link.src),
                               tuple(bitext.tgt[k] for k in link.tgt)),
                     (bitext.src_lang, bitext.tgt_lang), tuple(marks), found, look,
                     view.notes[i] if view.notes and i in view.notes else None)


class _RowLook(NamedTuple):
    """How the view draws one row, beside its text (part of `_row_html`'s cache key)."""
    para: bool
    threshold: float
    current: bool
    heading: bool
    hidden: Side | None
    revealed: bool


@functools.lru_cache(maxsize=4096)
def _row_html(i: int, link: Link, sents: tuple[tuple[Sentence, ...], ...], langs: tuple[str, str],
              marks: tuple[tuple[tuple[int, int, str], ...], ...], found: tuple[Finding, ...],
              look: _RowLook, note: str | None) -> str:
    """A row's HTML from its arguments alone (they key the cache: equal arguments, equal row)."""
    para, threshold, current, heading, hidden, revealed = look
    classes = ["row"] + ["para"] * para
    if is_fuzzy(link, threshold):
        classes.append("low" if link.confidence < LOW_CONFIDENCE else "fuzzy")
    classes += ["current"] * current + ["heading"] * heading
    cells = []
    for k, side in enumerate(("src", "tgt")):
        body = _side_html(sents[k], marks[k])
        empty = " empty" if not (link.src if side == "src" else link.tgt) else ""
        direction = text_dir(langs[k])
        if hidden == side and not empty:   # an omission has nothing to show
            opened = " open" if revealed else ""
            # the sentence its own dir: under dir=auto the cell's first letters, "show", set
            # a revealed Arabic sentence left to right
            body = (f'<details{opened}><summary>show</summary><div dir="{direction}">'
                    f"{body or '&mdash;'}</div></details>")
        # the cell's language picks its glyphs (Japanese and Chinese Han differ) and its
        # direction (text_direction.py: an Arabic sentence opening with a Latin word is rtl)
        cells.append(f'<td class="{side}{empty}" lang="{html.escape(langs[k])}" '
                     f'dir="{direction}">{body}</td>')
    states = [c for c in classes if c in _CUES]
    aria = ' aria-current="true"' if current else ""
    return (f'<tr id="link-{i + 1}" class="{" ".join(classes)}"{aria}>'
            f'<td class="meta">{_meta_html(i, link, found, states, threshold)}'
            f'{note_mark(note) if note is not None else ""}</td>{"".join(cells)}</tr>')


def render_rows(bitext: Bitext, ids: Iterable[int], view: View = View()) -> str:
    """The side-by-side rows of `ids` as one HTML table (with its CSS), all text escaped.

    Fuzzy links are tinted amber and marked "?", links below LOW_CONFIDENCE red and "!", the
    cursor blue and "◀" (each symbol named for a screen reader);
    an omission or addition shows as a hatched empty cell; a row that opens a
    paragraph gets space above it.
    """
    src_lang = html.escape(bitext.src_lang)
    tgt_lang = html.escape(bitext.tgt_lang)
    ids = list(ids)
    rows = "".join(render_row(bitext, i, view) for i in ids)
    css = CSS + (word_css(bitext, ids, view.words) if view.words is not None else "")
    return (f'{css}<table class="al-rows"><colgroup><col class="meta"><col><col></colgroup>'
            f'<thead><tr><th>#</th><th lang="{src_lang}">{src_lang}</th>'
            f'<th lang="{tgt_lang}">{tgt_lang}</th></tr></thead><tbody>{rows}</tbody></table>')


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
