"""Walking the links a search or a filter keeps, with keys: the next and previous match, and
what the page says when a filter keeps none.

Why: with a search on, no key went to the next hit; ArrowUp in the Link box went to the next
link, which the search hides, and the search was cleared (views/reader_place.py). "Next match"
and "Previous match" (F3 and Shift+F3, or Enter and Shift+Enter in the Find box: views/keys.py)
select the next or previous link shown, as its number typed in the Link box would, and keep the
search. And a filter that keeps nothing showed an empty page without a word.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from alignment import browse

from .common import callback, md, ss

UNREVIEWED_HELP = ("Every link no one has marked reviewed yet, the ones the aligner was sure of "
                   "too; with it on, “Next to review” and “✓ Reviewed, next” go through them")


def _current() -> int:
    """The link the Link box holds (a number typed there and not applied counts), else the one
    selected."""
    sel, n = ss.get("sel"), len(ss.history.current.alignment.links)
    return sel - 1 if isinstance(sel, int) and 1 <= sel <= n else ss.get("link", 0)


@callback
def go_to_match(shown: tuple[int, ...], step: int) -> None:
    """Select the next (step 1) or previous (-1) link shown: its page is turned to, its row
    brought into view, the correction panel opened on it."""
    here = _current()
    j = browse.step_cursor(here, step, len(ss.history.current.alignment.links), shown)
    if j != here:
        ss.link = ss.jump_to = j
        ss.scroll_to = (j, "")
        ss.editing = True


def match_buttons(bar: DeltaGenerator, query: browse.Query, shown: Sequence[int] | None) -> None:
    """The search's "◀ Previous" and "Next ▶" match, drawn in `bar` (under the Find box) while
    a search is on: short, to stay on one row of the sidebar (views/a11y.py names them in full)."""
    if not query.text or shown is None:
        return
    ids, here = tuple(shown), _current()
    row = bar.container(horizontal=True)
    row.button("◀ Previous", key="match_prev", on_click=go_to_match, args=(ids, -1),
               disabled=not ids or ids[0] >= here, help="Shift+F3, or Shift+Enter in Find")
    row.button("Next ▶", key="match_next", on_click=go_to_match, args=(ids, 1),
               disabled=not ids or ids[-1] <= here, help="F3, or Enter in Find")


def empty_note(query: browse.Query, filters: browse.Filters, searched: bool) -> None:
    """What the page says when the search and filters keep no link: the end of a review is
    said as such ("All links reviewed"), not as an empty page."""
    if query.text and searched:
        st.info(f"No link matches {md(query.text)}"
                + (" with these filters." if filters.active else "."))
    elif filters == browse.Filters(unreviewed_only=True):
        st.info("All links reviewed: none is left that no one has reviewed.")
    elif filters == browse.Filters(fuzzy_only=True):
        st.info("No links left to review: every link the aligner was unsure of is reviewed.")
