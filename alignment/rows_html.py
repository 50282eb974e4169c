"""The reader's rows as HTML: one table row per link, its sentences side by side, marks for
search hits, findings and word groups, and the cues that say which links to review.

Split from browse.py (paging, search, filters), which re-exports it. Built with the standard
library's `html.escape` applied to every piece of user text; highlights are inserted after
escaping, at offsets computed on the raw text, so no text can ever become markup. A template
engine would add a dependency and nothing else for a dozen table cells. A row's HTML is
cached per look (`_row_html`), so a click redraws only the rows it changed.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .defaults import DEFAULT_REVIEW_THRESHOLD
from .italics import italic_html
from .link_notes import note_mark
from .link_words import link_title
from .text_direction import text_dir
from .types import Bitext, Finding, Link, Sentence, Side, Span, Spans, sentence_starts
from .words import word_groups

REVIEW_THRESHOLD = DEFAULT_REVIEW_THRESHOLD
"""Links below this confidence (and not reviewed) are fuzzy, as in the PO files."""
LOW_CONFIDENCE = 0.5
"""Below this a link is drawn as doubtful, not merely to review."""


def is_fuzzy(link: Link, threshold: float = REVIEW_THRESHOLD) -> bool:
    """A link a person should look at: below the threshold and not yet reviewed."""
    return not link.reviewed and link.confidence < threshold


Hits = Mapping[int, tuple[Span, ...]]
"""Search hits by link: where each link's sentences match."""


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


def highlight(text: str, marks: Iterable[tuple[int, int, str]], italics: Spans = ()) -> str:
    """`text` escaped, each mark [start, end) wrapped in <mark class=...>; overlaps clipped;
    the sentence's italic stretches (italics.py) in <i>, cut at the marks' edges.

    Escaping happens piece by piece, after the offsets are applied to the raw text.
    """
    out: list[str] = []
    pos = 0

    def piece(a: int, b: int) -> str:
        return italic_html(text[a:b], tuple((x - a, y - a) for x, y in italics if x < b and y > a))
    for start, end, cls in sorted(marks):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        out.append(piece(pos, start))
        out.append(f'<mark class="{html.escape(cls)}">{piece(start, end)}</mark>')
        pos = end
    out.append(piece(pos, len(text)))
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
        parts.append(highlight(sent.text, local, sent.italics))
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
    sents = (tuple(bitext.src[k] for k in link.src), tuple(bitext.tgt[k] for k in link.tgt))
    return _row_html(i, link, sents, (bitext.src_lang, bitext.tgt_lang), tuple(marks), found, look,
                     view.notes[i] if view.notes and i in view.notes else None,
                     tuple(tuple(s.italics for s in side) for side in sents))


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
              look: _RowLook, note: str | None, italics: tuple = ()) -> str:
    """A row's HTML from its arguments alone (they key the cache: equal arguments, equal row;
    `italics`, the sentences' italic stretches, are in the key as sentences compare without them)."""
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
