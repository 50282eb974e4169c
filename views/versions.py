"""The version-set reader: an original and its versions in columns, with markers and diffs.

Widgets and session state in `page` (opening a set, `open_section`, in views/versions_open.py);
the HTML of rows and of the summary comes from pure functions here (tested in
tests/test_versions_view.py), the logic (rows, flags, word diff, summary, search) from
alignment.versions and alignment.versions_compare. A page draws only its rows.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from alignment import versions_compare as V
from alignment.text_direction import text_dir
from alignment.types import VersionSet
from alignment.versions_check import same_text_warnings

from . import versions_open
from .common import callback, counted, heading_select, md, memo, uninterrupted
from .versions_downloads import alone_shown, download_buttons
from .versions_open import PAIR_OPEN
from .versions_summary import render_summary

# the start page's section and the reader's Close (views/common.py) open a set through here
open_set, open_section = versions_open.open_set, versions_open.open_section
PER_PAGE = 50
MAX_COLUMNS = 4
CSS = """<style>
.vs-grid{display:grid;column-gap:1rem;font:1rem/1.5 Georgia,serif}
.vs-head{font:600 .8rem system-ui,sans-serif;text-transform:uppercase;color:#888;
border-bottom:1px solid #ddd}
.vs-cell{padding:.3rem 0;border-bottom:1px solid rgba(128,128,128,.15);overflow-wrap:anywhere}
.vs-cell.empty{background:repeating-linear-gradient(135deg,transparent 0 6px,rgba(128,128,128,.12) 6px 12px)}
.vs-mark{font:.75rem system-ui,sans-serif;color:#999;padding-top:.35rem}
.vs-mark.flag{color:#c62828;cursor:help}
.vs-grid ins{background:rgba(46,125,50,.18);text-decoration:none}
.vs-grid del{background:rgba(198,40,40,.15);color:#a33}
.vs-grid mark.hit{background:#ffe066;color:inherit}
.vs-note{grid-column:2/-1;font:.8rem system-ui,sans-serif;color:#666;padding-bottom:.3rem}
.vs-sum{border-collapse:collapse;font:.9rem system-ui,sans-serif}
.vs-sum td,.vs-sum th{padding:.2rem .8rem;border-bottom:1px solid #ddd;text-align:left}
@media (max-width:40rem){.vs-grid{grid-template-columns:2rem 1fr !important}
.vs-head{display:none}.vs-cell{grid-column:2}.vs-cell::before{content:attr(data-name);
font:600 .7rem system-ui,sans-serif;color:#888;display:block}}
</style>"""


# ---------------------------------------------------------------- HTML (pure)

def _diff_html(old: str, new: str, hits: Sequence[tuple[int, int]] = ()) -> str:
    """`new` as its word diff against `old`, the search's `hits` (offsets in `new`) marked in
    it too: a diffed cell showed no hit, so a word found only there was found nowhere."""
    from alignment.browse import highlight

    out, pos = [], 0
    for op in V.word_diff(old, new):
        if op.kind in ("delete", "replace"):
            out.append(f"<del>{html.escape(op.old)}</del>")
        if op.kind == "delete":
            continue
        end = pos + len(op.new)   # the ops' new pieces, in order, are `new` whole
        body = highlight(op.new, [(max(s, pos) - pos, min(e, end) - pos, "hit")
                                  for s, e in hits if s < end and e > pos])
        out.append(body if op.kind == "equal" else f"<ins>{body}</ins>")
        pos = end
    return "".join(out)


def _cell_html(vs: VersionSet, i: int, k: int, shown: Sequence[int], diff: bool,
               hits: Sequence[tuple[int, int, int]], hide: Sequence[int] = ()) -> str:
    """One cell; a same-language text as its word diff against the first such text left of
    it, unless that text is hidden for Learn (the struck-out words would show it)."""
    from alignment.browse import highlight
    from alignment.italics import sentences_joined

    text = vs.cell_text(i, k)
    name = html.escape(vs.texts[k].name)
    base = next((r for r in shown[:list(shown).index(k)] if r in V.same_language(vs, k)), None)
    mine = [(s, e) for kk, s, e in hits if kk == k]
    if not text:
        body = ""
    elif diff and base is not None and base not in hide and vs.rows[i].cells[base]:
        body = _diff_html(vs.cell_text(i, base), text, mine)
    else:   # the cell's italics (italics.py), joined as cell_text joins its sentences
        sents = vs.texts[k].sentences
        italic = sentences_joined([sents[j] for j in vs.rows[i].cells[k]])[1]
        body = highlight(text, [(s, e, "hit") for s, e in mine], italic)
    cls = "vs-cell" + ("" if text else " empty")
    if text and k in hide:  # Learn: the text waits behind a click
        body = f"<details><summary>show {name}</summary>{body}</details>"
    lang = vs.texts[k].lang
    return (f'<div class="{cls}" data-name="{name}" lang="{html.escape(lang)}" '
            f'dir="{text_dir(lang)}">{body}</div>')


def render_rows(vs: VersionSet, rows: Sequence[int], shown: Sequence[int], *, diff: bool = True,
                hide: Sequence[int] = (),
                hits: dict[int, Any] | None = None, context: V.FlagContext | None = None,
                files: Mapping[str, str] | None = None) -> str:
    """The rows as a grid: a marker column, then one column per shown text (original first if
    shown), headed by its name and file (`files`); a same-language text shows its word diff
    against the first such text left of it.
    `hits` may fall in texts not shown (the search reads them all): such a row says which."""
    from alignment.versions_names import named

    context = context or V.flag_context(vs)
    hits = hits or {}
    elsewhere = V.hidden_matches(hits, shown)
    cols = f"grid-template-columns:3rem repeat({len(shown)},1fr)"
    out = [CSS, f'<div class="vs-grid" style="{cols}"><div class="vs-head"></div>']
    out += [f'<div class="vs-head">{html.escape(named(vs.texts[k].name, files or {}))} · '
            f'{html.escape(vs.texts[k].lang)}</div>' for k in shown]
    for i in rows:
        flags = V.row_flags(vs, i, shown, context)
        title = html.escape("; ".join(flags))
        mark = (f'<div class="vs-mark flag" id="row-{i + 1}" title="{title}">{i + 1} ⚑</div>'
                if flags else f'<div class="vs-mark" id="row-{i + 1}">{i + 1}</div>')
        out.append(mark)
        out += [_cell_html(vs, i, k, shown, diff, hits.get(i, ()), hide) for k in shown]
        if i in elsewhere:
            out.append(_hidden_note(vs, elsewhere[i], hits[i], shown))
    out.append("</div>")
    return "".join(out)


def _hidden_note(vs: VersionSet, hidden: Sequence[int], found: Sequence[tuple[int, int, int]],
                 shown: Sequence[int]) -> str:
    """'found only in de (hidden column)' under a row the search found in texts not shown:
    without it the row reads as a false match, no word of it highlighted."""
    names = ", ".join(vs.texts[k].name for k in hidden)
    where = "also found" if any(k in shown for k, _, _ in found) else "found only"
    columns = "hidden columns" if len(hidden) > 1 else "hidden column"
    return f'<div class="vs-note">Search: {where} in {html.escape(names)} ({columns})</div>'


def set_name(vs: VersionSet, path: str | Path) -> str:
    """What a set is called: its title (the original's file name when uploaded), else its
    file's name; the app's file names carry a digest no person chose."""
    return vs.title or Path(path).stem


def set_heading(vs: VersionSet, path: str | Path) -> str:
    """The set's line above the columns (Markdown): its name, the original told apart from the
    versions, sentences per text, rows. The title is left out where it is the original's
    name (an uploaded set): "histoire.fr · histoire.fr (21)" said the same thing twice."""
    original, *versions = vs.texts
    name = set_name(vs, path)
    first = f"**{md(original.name)}** (original" if name == original.name else \
        f"**{md(name)}** · {md(original.name)} (original"
    return (f"{first}, {counted(len(original.sentences), 'sentence')}) · "
            + " · ".join(f"{md(t.name)} ({len(t.sentences)})" for t in versions)
            + f" · {counted(len(vs.rows), 'row')}")


def pair_title(vs: VersionSet, k: int, path: str | Path) -> str:
    """The reader's title for the pair (original, version k) opened from a set: the texts'
    names, not the PO's file name ("histoire.fr--2-versions-5839a383.histoire.fr-story.en.po")."""
    versions = counted(len(vs.texts) - 1, "version")
    return f"{vs.texts[0].name} ↔ {vs.texts[k].name} (from the set {set_name(vs, path)}, {versions})"


def default_columns(vs: VersionSet) -> list[int]:
    """The original and up to three versions."""
    return list(range(min(len(vs.texts), MAX_COLUMNS)))


def first_screen(vs: VersionSet) -> str:
    """What opening a set draws first: the summary and the first page of rows (timed by
    benchmarks/bench_versions.py)."""
    shown = default_columns(vs)
    rows = range(min(PER_PAGE, len(vs.rows)))
    return render_summary(vs) + render_rows(vs, rows, shown)


def hidden_count(vs: VersionSet, hits: dict[int, Any], ids: Sequence[int],
                 shown: Sequence[int]) -> str:
    """' (2 only in hidden columns: de)' after the match count, for the rows of `ids` found
    in texts not shown alone; '' when there are none."""
    only = [i for i in ids if hits.get(i) and all(k not in shown for k, _, _ in hits[i])]
    names = sorted({k for i in only for k, _, _ in hits[i]})
    if not only:
        return ""
    return (f" ({len(only):,} only in hidden column{'s' * (len(names) > 1)}: "
            + ", ".join(md(vs.texts[k].name) for k in names) + ")")


def flagged_rows(vs: VersionSet, shown: Sequence[int],
                 context: V.FlagContext | None = None) -> list[int]:
    """Rows where the shown texts disagree (a marker)."""
    context = context or V.flag_context(vs)
    return [i for i in range(len(vs.rows)) if V.row_flags(vs, i, shown, context)]


# ---------------------------------------------------------------- widgets

def _sidebar(vs: VersionSet, context: V.FlagContext) -> tuple[list[int], bool, str, bool, str, list[int]]:
    sb = st.sidebar
    names = [t.name for t in vs.texts]
    view = sb.radio("View", ("Columns", "Summary"), key="vs_view", horizontal=True)
    one = sb.toggle("One version at a time (narrow screens)", key="vs_one")
    if one:
        pick = sb.radio("Version", names[1:], key="vs_pick", horizontal=True, format_func=md)
        shown = [0, names.index(pick)]
    else:
        chosen = sb.multiselect("Columns (2 to 4)", names, default=[names[k] for k in
                                default_columns(vs)], max_selections=MAX_COLUMNS, key="vs_cols")
        shown = sorted(names.index(n) for n in chosen)
    diff = sb.toggle("Word diff between same-language versions", key="vs_diff",
                     value=V.diff_by_default(context))   # on for a revision only
    query = sb.text_input("Search all versions", key="vs_q")
    only = sb.toggle("Only rows with a marker", key="vs_only")
    hide = sb.multiselect("Learn: hide until clicked", names, key="vs_hide")
    _contents(vs)
    return shown, diff, query, only, view, [names.index(n) for n in hide]


@callback
def _go_to_heading(heads: tuple) -> None:
    """The chosen heading's row is turned to when the page is drawn (page() knows the rows
    a search leaves); the list is emptied, so the same heading can be chosen again."""
    k = st.session_state.get("vs_goto_heading")
    if k is not None and k < len(heads):
        st.session_state.vs_goto, st.session_state.vs_goto_heading = heads[k].link, None


def _contents(vs: VersionSet) -> None:
    """The sidebar's "Go to a heading" for a set of books, as in the two-text reader."""
    from alignment.contents import set_headings

    heading_select(memo("vs_headings", vs, None, lambda: set_headings(vs)), "vs_goto_heading",
                   _go_to_heading)


def pair_pos(vs: VersionSet, set_path: str | Path) -> dict[int, Path]:
    """Version k -> the PO of the pair (original, k) written beside the set, when it exists."""
    from alignment.versions_pairs import pair_pos as beside

    return beside(vs.texts, set_path)


@callback
def _close() -> None:
    for key in ("version_set", "vs_path", "vs_page", "vs_as_saved", "vs_as_set"):
        st.session_state.pop(key, None)


def _pair_buttons(vs: VersionSet, open_pair: Callable[..., None] | None) -> None:
    """Corrections and Learn mode work per pair, in the two-text reader, on the pair's PO."""
    pos = pair_pos(vs, st.session_state.vs_path) if open_pair else {}
    bar = st.container(horizontal=True)
    if bar.button("Close set", key="vs_close"):
        _close()
        st.rerun()
    menu = bar.popover("Download", key="vs_dl_menu", on_change="rerun")
    with menu:
        if menu.open:  # the files are made when the menu opens
            download_buttons(vs)
    if open_pair and not pos:   # the buttons were gone without a word (a set renamed)
        from alignment.versions_strays import nothing_to_correct
        st.caption(md(nothing_to_correct(vs, st.session_state.vs_path)))
    for k, path in pos.items():
        label = f"Correct or learn {vs.texts[0].name}–{vs.texts[k].name}"
        if bar.button(label, key=f"vs_pair_{k}", help=f"Open {path.name} in the reader"):
            with uninterrupted():
                back = st.session_state.vs_path
                _close()
                # its own title, and its own key: both pairs of a set carried the set's
                # title as corpus id, so they shared one reading position and Learn progress
                open_pair(path, title=pair_title(vs, k, back), key=str(path.resolve()))
                st.session_state.back_to_set = back   # the reader's Close comes back here
                st.session_state[PAIR_OPEN] = (back, str(path))   # ... or says why it cannot
            st.rerun()


def _shown_set() -> VersionSet:
    """The open set with its pair POs' corrections joined in, or, when the person asks, as
    its TMX alone holds it: neither is hidden where the two differ."""
    ss = st.session_state
    if ss.get("vs_as_saved") is None:
        return ss.version_set
    name = Path(ss.vs_path).name
    alone = st.sidebar.toggle(f"Rows as in {md(name)} alone (without the pair POs)",
                              key="vs_as_set", help=f"{name} differs from pair POs beside it "
                              "(the notes above the columns say which)")
    return ss.vs_as_saved if alone else ss.version_set


def _pair_notes() -> None:
    """What the pair POs beside the set said: joined in (a note), or not (a warning: a
    person's corrections are not in the columns)."""
    ss, alone = st.session_state, alone_shown()
    for note in ss.get("vs_notes", ()):
        st.info(md(note if not alone else f"Not shown now (rows as in the set alone): {note}"))
    for warning in ss.get("vs_warnings", ()):
        st.warning(md(warning))


def page(open_pair: Callable[..., None] | None = None) -> None:
    """The open set: columns (or summary), search, markers, pager; `open_pair(po_path, title=,
    key=)` opens a pair's PO in the two-text reader (corrections, Learn mode)."""
    ss = st.session_state
    vs = _shown_set()
    context = memo("vs_flag_context", vs, None, lambda: V.flag_context(vs))
    shown, diff, query, only, view, hide = _sidebar(vs, context)
    st.markdown(set_heading(vs, ss.vs_path))
    st.caption(f"Kept as {md(ss.vs_path)}")
    _pair_notes()
    notes = [w if w.startswith((f"{vs.texts[k + 1].name} ", "The original, "))
             else f"{vs.texts[k + 1].name}: {w}"
             for k, ws in enumerate(vs.warnings) for w in ws]   # said once where it names it
    notes += same_text_warnings(vs.texts, ss.get("vs_files"))
    if notes:   # what `alignment align` prints: a language the encoder does not know...
        st.warning("\n".join(f"- {md(n)}" for n in notes))
    _pair_buttons(vs, open_pair)
    if view == "Summary":
        st.html(render_summary(vs, memo("vs_summary", vs, None, lambda: V.summary(vs)),
                               ss.get("vs_files")))
        return
    if len(shown) < 2:
        st.info("Choose at least two columns in the sidebar.")
        return
    hits = V.search_rows(vs, query) if query else {}   # every text, shown or not
    ids = sorted(hits) if query else list(range(len(vs.rows)))
    if only:   # every row's markers (the numbers check on each: seconds on a book), once
        with st.spinner("Looking for markers in every row…"):
            flagged = memo("vs_flagged", vs, tuple(shown),
                           lambda: set(flagged_rows(vs, shown, context)))
        ids = [i for i in ids if i in flagged]
    pages = max(1, -(-len(ids) // PER_PAGE))
    goto = ss.pop("vs_goto", None)   # a heading chosen: its page, its row in view
    if goto is not None:
        ss.vs_page = bisect.bisect_left(ids, goto) // PER_PAGE
    number = min(ss.get("vs_page", 0), pages - 1)
    left, mid, right = st.columns([1, 3, 1])
    if left.button("◀ Previous", key="vs_prev", disabled=number == 0):
        ss.vs_page = number - 1
        st.rerun()
    mid.caption(f"Page {number + 1} of {pages} · {counted(len(ids), 'row')}"
                + (f" matching “{query}”{hidden_count(vs, hits, ids, shown)}" if query else ""))
    if right.button("Next ▶", key="vs_next", disabled=number >= pages - 1):
        ss.vs_page = number + 1
        st.rerun()
    scroll = ("" if goto is None else "<script>setTimeout(() => document.getElementById("
              f"'row-{int(goto) + 1}')?.scrollIntoView({{block: 'center'}}), 150)</script>")
    st.html(render_rows(vs, ids[number * PER_PAGE:(number + 1) * PER_PAGE], shown,
                        diff=diff, hits=hits, hide=hide, context=context,
                        files=ss.get("vs_files")) + scroll, unsafe_allow_javascript=True)
