"""The reader: sidebar (search, filters), toolbar (save, undo, downloads), rows; the
"Correct a link" panel is views/editor.py."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from alignment import browse, drafts, workspace
from alignment.contents import Heading
from alignment.contents_update import headings   # the headings a correction left stand are kept
from alignment.kept import note_copy
from alignment.link_words import legend
from alignment.reader_place import page_after_selection, save_position
from alignment.errors import AlignmentError
from alignment.types import Bitext

from . import reader_place as place
from .a11y import a11y_script, announce, focus_script, status_line
from .common import (EMBEDDER, callback, changed, close_text, counted, embedder, heading_select, md,
                     memo, save, ss, unsaved)
from .downloads import download_buttons, download_file
from .editor import edit_panel
from .keys import key_guard_script
from .learn import learn_controls, learn_script
from .notes import link_notes, newest_note_save, take_back_note
from .proofread import check_progress, findings, proofread_panel, shown_level
from .reader_banners import banners
from .saving import (ask_save, follow_reloads, hidden, made_before_reload, reload,
                     replace_box, unsaved_words)
from .text_direction import box_css
from .touch import touch_script
from .walk import UNREVIEWED_HELP, empty_note, match_buttons


# ---------------------------------------------------------------- callbacks

@callback
def undo() -> None:
    """The last thing done undone: a note saved after the last correction (notes.py), else the
    last correction."""
    note = newest_note_save()
    if note is not None:
        take_back_note(*note)
        return
    ss.history = ss.history.undo()
    if hidden(ss.history.current):
        ss.history = ss.history.undo()
    follow_reloads()
    changed()


@callback
def redo() -> None:
    ss.history = ss.history.redo()
    if hidden(ss.history.current) and ss.history.future:
        ss.history = ss.history.redo()
    follow_reloads()
    changed()


@callback
def save_again() -> None:
    """The open file was deleted or moved: write the open version at its path again (a save
    that expects no file there, so one that came back meanwhile is not replaced)."""
    ss.fingerprint = ""
    save()


@callback
def ask_close() -> None:
    """Close at once when nothing is unsaved; otherwise ask first (the guard)."""
    if unsaved():
        ss.guard = "close"
    else:
        close_text()


@callback
def save_copy() -> None:
    target = ss.get("copy_path", "").strip()
    try:
        path = workspace.save_copy(ss.history.current, target)
    except AlignmentError as exc:
        ss.flash = str(exc)
        return
    from alignment.po import file_fingerprint

    drafts.discard_draft(ss.path, session=ss.get("draft_session", ""))
    note_copy(ss.path, path)   # the start page's list leads to the copy now
    ss.path, ss.fingerprint, ss.saved = str(path), file_fingerprint(path), ss.history.current
    ss.reloads, ss.reload_saves = [], []
    # A save refused (the file changed on disk, read-only, gone) is settled: the copy holds
    # this version and is the open file; the box's Reload and Download would act on the copy.
    ss.conflict = None
    ss.flash_info, ss.flash = f"Saved a copy as {path}; it is the open file now.", None


# ---------------------------------------------------------------- panels

def stats(bitext: Bitext) -> tuple[list[str], int, int, int]:
    """Link types present, links, fuzzy links, reviewed links (memoised: 10,000 links cost 50 ms)."""
    def compute() -> tuple[list[str], int, int, int]:
        links = bitext.alignment.links
        return (sorted({link.kind for link in links}), len(links),
                sum(browse.is_fuzzy(link) for link in links), sum(link.reviewed for link in links))
    return memo("stats", bitext, None, compute)


@callback
def go_to_heading(heads: tuple[Heading, ...]) -> None:
    """Turn to the page of the chosen heading and bring its row into view; Learn mode's
    sentence moves there too. The link selected for correction stays as it was, so text
    typed in its box is not replaced. The box is emptied again, so the same heading can be
    chosen twice."""
    k = ss.get("goto_heading")
    if k is None or k >= len(heads):
        return
    link = heads[k].link
    ss.jump_to, ss.scroll_to, ss.goto_heading = link, (link, ""), None
    if ss.get("mode") == "Learn":
        ss.cursor, ss.resumed = link, 0
        save_position(ss.notes_key, link, len(ss.history.current.alignment.links))


def contents(bitext: Bitext) -> None:
    """The sidebar's "Go to a heading": the text's contents (alignment.contents), when it
    has two headings or more."""
    heading_select(memo("headings", bitext, None, lambda: headings(bitext)), "goto_heading",
                   go_to_heading)


# The filters in plain words: "fuzzy", "link types" and "confidence" were jargon with no help
FILTER_HELP = {
    "fuzzy": "Only the links the aligner was unsure of (confidence below "
             f"{browse.REVIEW_THRESHOLD:.2f}) and no one has reviewed yet",
    "kinds": "Only links of these types: 1-1 is one sentence of the original with one of the "
             "translation, 2-1 two with one, 1-0 a sentence left out, 0-1 one added",
    "checks": "Only the links where the proofreading checks found something (numbers, names, "
              "an untranslated sentence…)",
    "below": "Only the links the aligner is less sure of than this, from 0 (a guess) to 1 (sure)",
}


def sidebar(bitext: Bitext) -> tuple[browse.Query, browse.Filters, DeltaGenerator]:
    sb = st.sidebar
    sb.markdown(f"**{md(ss.title)}**")
    sb.button("Close (back to the set)" if ss.get("back_to_set") else "Close", key="close",
              on_click=ask_close)
    sb.radio("Mode", ("Read", "Learn", "Proofread"), key="mode", horizontal=True)
    contents(bitext)
    sb.subheader("Search")
    text = sb.text_input("Find", key="q", placeholder="word, phrase or pattern")
    names = {"both": "both", "src": md(bitext.src_lang), "tgt": md(bitext.tgt_lang)}
    side = sb.radio("In", ("both", "src", "tgt"), key="q_side", horizontal=True,
                    format_func=names.get)
    sb.html(box_css(".st-key-q input", {"src": [bitext.src_lang], "tgt": [bitext.tgt_lang]}.get(
        side, [bitext.src_lang, bitext.tgt_lang])))   # the query's direction, as the text's
    regex = sb.checkbox("Regular expression", key="q_re")
    case = sb.checkbox("Match case", key="q_case")
    matches = sb.container()   # the next and previous match, once the hits are known
    sb.subheader("Filters")
    kinds = stats(bitext)[0]
    filters = browse.Filters(
        fuzzy_only=sb.checkbox("To review (fuzzy) only", key="f_fuzzy", help=FILTER_HELP["fuzzy"]),
        unreviewed_only=sb.checkbox("Not reviewed yet", key="f_unreviewed", help=UNREVIEWED_HELP),
        kinds=frozenset(sb.multiselect("Link types", kinds, key="f_kinds",
                                       help=FILTER_HELP["kinds"])),
        failed_checks=sb.checkbox("Failed checks only", key="f_checks", help=FILTER_HELP["checks"]),
        below=sb.slider("Confidence below", 0.0, 1.0, 1.0, 0.05, key="f_below",
                        help=FILTER_HELP["below"])
        if sb.checkbox("Confidence below…", key="f_conf", help=FILTER_HELP["below"]) else None)
    place.rows_per_page()
    return browse.Query(text, side, regex, case), filters, matches


def selection(bitext: Bitext, query: browse.Query, filters: browse.Filters):
    """Search hits and the filtered link ids, memoised per Bitext and settings."""
    try:
        hits = memo("hits", bitext, query, lambda: browse.search(bitext, query)) \
            if query.text else None
    except AlignmentError as exc:
        st.error(md(str(exc)))
        hits = None
    found: tuple = ()
    if filters.failed_checks:   # the checks (a second of imports) only once a filter asks
        from alignment.checks import at_level   # the level the findings list shows

        found = tuple(at_level(findings(bitext), shown_level()))
    if filters.failed_checks and ss.get("check_job") is not None and ss.get("mode") != "Proofread":
        with st.sidebar:
            check_progress()  # the findings being made in the background
    ids = memo("ids", bitext, (query, filters, hits is None, found),
               lambda: browse.select(bitext, filters, hits=hits, findings=found))
    return hits, ids


def toolbar(bitext: Bitext) -> None:
    _, n, fuzzy, reviewed = stats(bitext)
    changes = unsaved_words()
    st.markdown(f"### {md(ss.title)}")
    st.caption(f"{counted(n, 'link')} · {fuzzy:,} to review · {reviewed:,} reviewed · {md(ss.path)}"
               + (f" · **{changes}**" if changes else ""))
    banners()
    bar = st.container(horizontal=True)
    bar.button("Save", key="save", on_click=ask_save, disabled=not changes, type="primary",
               shortcut="ctrl+s")
    bar.button("Undo", key="undo", on_click=undo, shortcut="ctrl+z",
               disabled=not ss.history.past and newest_note_save() is None)
    bar.button("Redo", key="redo", on_click=redo, disabled=not ss.history.future,
               shortcut="ctrl+y")
    menu = bar.popover("Download", key="dl_menu", on_change="rerun")
    with menu:
        if menu.open:  # a file is made when its button is clicked (views/downloads.py)
            download_buttons(bitext)
    with bar.popover("Save a copy as…"):
        st.text_input("New PO file (full path)", key="copy_path",
                      placeholder=str(Path.cwd() / f"{Path(ss.path).stem}.po"))
        st.button("Save the copy", key="save_copy", on_click=save_copy)
    if ss.conflict and made_before_reload():
        replace_box()
    elif ss.conflict:
        from alignment.po import file_fingerprint

        st.error(f"Not saved: {md(ss.conflict)}")
        c1, c2 = st.columns(2)
        if not Path(ss.path).exists():
            c1.button("Write it again there", key="save_again", on_click=save_again)
        elif file_fingerprint(Path(ss.path)) != ss.fingerprint:
            c1.button("Reload from disk (your version stays one Undo away)", key="reload",
                      on_click=reload)
        else:   # read-only, or its disk full: a reload would read back what is open
            c1.caption("The file is as you opened it: save your version elsewhere with "
                       "“Save a copy as…”, or download it.")
        c2.download_button("Download your version (PO)", key="dl_conflict",
                           file_name=f"{Path(ss.path).stem}-mine.po",
                           data=download_file(bitext, "po"), on_click="ignore")
    if ss.flash:
        st.warning(md(ss.flash))


def pager(pg: browse.Page, per_page: int, where: str = "top") -> None:
    @callback
    def go(step: int) -> None:
        ss.page_no = pg.number + step
        ss.scroll_top = where == "bottom"  # a new page opens at its first row

    keys = {"top": ("prev_page", "next_page"), "bottom": ("prev_page_b", "next_page_b")}[where]
    bar = st.container(horizontal=True, vertical_alignment="center", key=f"pager_{where}")
    bar.button("◀ Previous page", key=keys[0], on_click=go, args=(-1,),
               disabled=pg.number == 0, shortcut="left" if where == "top" else None)
    bar.caption(browse.page_caption(pg, per_page))
    bar.button("Next page ▶", key=keys[1], on_click=go, args=(1,),
               disabled=pg.number >= pg.count - 1, shortcut="right" if where == "top" else None)


def scroll_script() -> str:
    """After a jump or a page turn at the bottom: bring the right things into view."""
    steps = []
    now = ""
    if ss.pop("opened", False):  # a text just opened starts at its title, not where the
        # start page was scrolled to (Streamlit keeps the scroll position across pages)
        steps.append("window.scrollTo(0, 0); document.querySelectorAll("
                     "'[data-testid=stMain], [data-testid=stAppViewContainer]')"
                     ".forEach(e => { e.scrollTop = 0; });")
        # at once too: done only 150 ms later, the page moved under a click already on its
        # way (a click on Download pressed on the button and was let go beside it, CI)
        now = steps[0]
    if ss.pop("scroll_top", False):
        steps.append("document.querySelector('.st-key-pager_top')"
                     "?.scrollIntoView({block: 'start'});")
    target = ss.pop("scroll_to", None)
    if target is not None:
        button = str(target[1])
        if button.replace("_", "").isalnum():
            steps.append(f"document.querySelector('.st-key-{button}')"
                         "?.scrollIntoView({block: 'nearest'});")
        if target[0] is not None:   # None: the element alone (a finding's correction box)
            steps.append(f"[...document.querySelectorAll('#link-{int(target[0]) + 1}')].pop()"
                         "?.scrollIntoView({block: 'center'});")
    # a jump is tried again later: on a loaded machine the rerun may draw the rows and the
    # findings after the first try (the list then went back to its top); not once the person
    # acts again (a press, a key, a wheel): the page moved under a click already pressed, which
    # landed beside its button (CI: "Previous 50" clicked 0.4 s after a jump to a finding)
    delays = "[150, 600, 1500]" if target is not None else "[150]"
    held = ("let held = false; ['pointerdown', 'keydown', 'wheel', 'touchstart'].forEach(k => "
            "document.addEventListener(k, () => { held = true; }, {capture: true, once: true}));")
    return (f"<script>{now}(() => {{ {held} {delays}.forEach(t => setTimeout(() => {{ if (!held) {{"
            f"{' '.join(steps)}}} }}, t)); }})();</script>" if steps else "")


def reader() -> None:
    from dataclasses import replace

    from views import words as word_views

    word_views.collect_words()  # word links found in the background since the last run
    bitext: Bitext = ss.history.current
    if "reveal_for" in ss:   # a jump sets the filters aside (views/reader_place.py)
        ss.f_unreviewed = False
    place.clear_for_jump()   # before the sidebar's widgets
    query, filters, matches = sidebar(bitext)
    show_words = word_views.word_sidebar(bitext, lambda: embedder(EMBEDDER))
    hits, ids = selection(bitext, query, filters)
    match_buttons(matches, query, ids)
    place.reveal_jump(query, filters, ids)
    if ss.get("last_selection") != (query, filters):
        ss.last_selection = (query, filters)
        ss.page_no = page_after_selection(ss.get("link", 0), ids, ss.get("per_page", 50))
    toolbar(bitext)
    mode = ss.get("mode", "Read")
    per_page = ss.get("per_page", 50)
    view = browse.View(hits=hits, current=ss.link)
    listed: list = []
    if mode == "Learn":
        learn_controls(bitext, ids)
        ss.page_no = browse.page_of(ss.cursor, per_page, ids)
        view = browse.View(hits=hits, hidden=ss.get("hide", "tgt"), threshold=0.0,
                           revealed=frozenset(ss.revealed), current=ss.cursor)
    else:
        if mode == "Proofread":
            listed = proofread_panel(bitext)
            view = browse.View(hits=hits, current=ss.link, findings=browse.findings_by_link(listed))
        edit_panel(bitext)
    if "jump_to" in ss:
        ss.place_link = ss.pop("jump_to")
        ss.page_no = browse.page_of(ss.place_link, per_page, ids)
    pg = browse.page(bitext, ss.get("page_no", 0), per_page, ids)
    ss.page_no = pg.number
    pager(pg, per_page)
    place.place_note(pg.ids)
    if filters.failed_checks and not pg.ids and ss.get("check_job") is not None:
        st.info("Checking the text… the links with findings show here when the checks finish.")
    if not pg.ids and not (filters.failed_checks and ss.get("check_job") is not None):
        empty_note(query, filters, hits is not None)
    heads = frozenset(h.link for h in memo("headings", bitext, None, lambda: headings(bitext))
                      if h.whole)
    if pg.ids and mode != "Learn":   # what "1-1 · 0.98" in each row means
        st.caption(legend(view.threshold))
    table = browse.render_rows(bitext, pg.ids, replace(view, words=show_words, headings=heads,
                                                       notes=link_notes(bitext)))
    if mode == "Learn":
        table += learn_script(ss.notes_key, ss.cursor)
    st.html(table + scroll_script() + place.reopen_script() + key_guard_script() + a11y_script()
            + touch_script() + focus_script()
            + announce(status_line(query, ids, listed if mode == "Proofread" else None)),
            unsafe_allow_javascript=True)
    word_views.glossary_panel(bitext, ss.title)
    if len(pg.ids) > 10:
        pager(pg, per_page, "bottom")
    place.keep(pg.ids, per_page, len(bitext.alignment.links), mode == "Learn")

