"""The reader's place: a jump to a link the search or the filters hide sets them aside (and
says so in one line), and the link read and the rows a page are kept for the text's next
opening (alignment/reader_place.py; views/common.open_bitext turns back to them).

Why: with Find = "Alice", choosing the heading of link 913 turned to the page of the next
link found, 1,058, and nothing said that the heading was hidden; "Go to link N", a finding's
jump and "Next to review" did the same.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from alignment import browse
from alignment.reader_place import (DEFAULT_PER_PAGE, PER_PAGE, Place, cleared_note,
                                    hidden_by_selection, keep_place, load_place, place_on_page)

from .common import md, ss

SEARCH_AND_FILTERS = {"q": "", "f_fuzzy": False, "f_kinds": [], "f_checks": False,
                      "f_conf": False}
"""The sidebar's widgets that narrow the rows, as a text opens."""


def clear_for_jump() -> None:
    """Before the sidebar is drawn: the search and filters that a jump set aside
    (`reveal_jump`) are emptied, and the note said until the page shows other rows; on a
    text's first run, the mode it was last read in (`reopen_mode`)."""
    reopen_mode()
    pending = ss.pop("reveal_for", None)
    if pending is not None:
        ss.update(SEARCH_AND_FILTERS, f_kinds=[])   # a list of its own
        ss.place_note = pending


def reopen_mode() -> None:
    """A text last read in Learn mode reopens in Learn (its place kept says so, `keep`), once
    per opening (views/common.open_bitext names each one) and before the Mode switch is drawn.

    Why: a learner coming back found the text in Read, the translation showing, at the
    sentence Learn had reached. Any other text keeps the mode the person is in: reopening it
    (Reload, a draft recovered) never turns Learn or Proofread off."""
    opening = ss.get("draft_session")
    if not ss.get("path") or ss.get("mode_of") == opening:
        return
    ss.mode_of = opening
    kept = load_place(str(Path(ss.path).resolve()))
    if kept is not None and kept.learn:
        ss.mode = "Learn"


def reveal_jump(query: browse.Query, filters: browse.Filters,
                shown: Sequence[int] | None) -> None:
    """A jump (a heading, a link number, a finding, "Next to review") to a link that the
    search or the filters leave out: they are set aside and the page drawn again, so the
    link's row is shown (it turned to the page of the next link shown, without a word)."""
    link = ss.get("jump_to")
    if link is None or not hidden_by_selection(link, shown):
        return
    ss.reveal_for = (cleared_note(link, query.text, filters.active), link)
    st.rerun()


def place_note(page_ids: Sequence[int]) -> None:
    """The line saying what a jump cleared, while its link is on the page."""
    note = ss.get("place_note")
    if note is not None and note[1] in page_ids:
        st.info(md(note[0]), icon=":material/filter_alt_off:")
    elif note is not None:
        ss.pop("place_note")


def rows_per_page() -> None:
    """The sidebar's "Rows per page", its choice kept in the session (a text reopened sets it)."""
    if "per_page" not in ss:
        ss.per_page = DEFAULT_PER_PAGE
    st.sidebar.selectbox("Rows per page", PER_PAGE, key="per_page")


def keep(page_ids: Sequence[int], per_page: int, total: int, learning: bool) -> None:
    """Keep where the reader is (the cursor in Learn mode; else the link selected, or the last
    one jumped to, where the page shows it, else the page's first row), and whether in Learn
    mode, for the next opening."""
    link = ss.get("cursor") if learning else \
        place_on_page(page_ids, ss.get("link"), ss.get("place_link"))
    if link is None or not ss.get("path"):
        return
    try:   # per file: two copies of one corpus (one key for Learn mode) each open where they were
        keep_place(str(Path(ss.path).resolve()), Place(int(link), per_page, learning), total)
    except OSError:   # a cache folder that cannot be written: the place is not kept, no more
        pass


def reopen_script() -> str:
    """A text reopened at its place (views/common.open_bitext): the page starts at its top and
    the place's row is centred where it is out of sight, as soon as it is drawn; not once the
    person has clicked, typed or scrolled. Why not the reader's jump (scroll_script): that is
    tried again until 1.5 s, and moved the page under a click just made (the Download menu
    opened, then slid out of sight)."""
    pending = ss.pop("place_scroll", None)
    if pending is None:
        return ""
    link, opening = int(pending[0]), json.dumps(f"{pending[1]}:{int(pending[0])}")
    return ("<script>(() => { if (window.__placed === %s) return; window.__placed = %s; "
            "let done = false; const quit = () => { done = true; }; "
            "['pointerdown', 'keydown', 'wheel'].forEach(k => "
            "document.addEventListener(k, quit, {once: true, capture: true})); "
            "[150, 600, 1500].forEach(t => setTimeout(() => { if (done) return; "
            "const r = [...document.querySelectorAll('#link-%d')].pop(); if (!r) return; "
            "done = true; window.scrollTo(0, 0); document.querySelectorAll('[data-testid=stMain], "
            "[data-testid=stAppViewContainer]').forEach(e => { e.scrollTop = 0; }); "
            "const b = r.getBoundingClientRect(); "
            "if (b.top < 64 || b.bottom > innerHeight) r.scrollIntoView({block: 'center'}); "
            "}, t)); })()</script>") % (opening, opening, link + 1)
