"""The side-by-side reader: `streamlit run app.py`.

Widgets and session state only, one module per page under `views/`: the start page
(views/start.py) and the reader (views/reader.py, with views/editor.py, views/learn.py and
views/proofread.py). Paging, search, filters, corrections, undo and the HTML of the
rows live in `alignment.browse` (tested there); recovery drafts in `alignment.drafts`;
where uploads and aligned files go in `alignment.workspace`; reading, aligning,
storing, exporting and checking in their stage modules. The open text lives in
`st.session_state` (a `browse.History` of immutable Bitexts), so a click never
re-parses the PO; the encoder is a `st.cache_resource`, computed alignments are
`st.cache_data`. Work of seconds on a long text (word links, the proofreading checks) runs
in worker threads that a fragment polls, so the page answers meanwhile; download files are
made when the Download menu opens.
"""

from __future__ import annotations

import streamlit as st

from alignment.errors import AlignmentError
from views.a11y import SIDEBAR_CSS
from views.click_order import keep_every_click, press_once
from views.common import md, open_po, ss, warm_kernels
from views.reader import reader
from views.saving import saves_asked
from views.start import start_page
from views.touch import TOUCH_CSS


def main() -> None:
    keep_every_click()   # a click reaching the server as the run before it begins is not lost
    press_once()   # a click the bar's timed rerun also carried acts once
    ss.run_no = ss.get("run_no", 0) + 1   # which run drew a part of the page (views/proofread.py)
    st.set_page_config(page_title="alignment — side-by-side reader", page_icon="📖",
                       layout="wide")
    # the collapsed sidebar out of the Tab order (views/a11y.py), no key hints on a phone
    st.html(SIDEBAR_CSS + TOUCH_CSS)
    saves_asked()   # after every click of this run has acted (views/saving.ask_save)
    if ss.get("callback_error"):   # views.common.callback: what a click ran into
        st.error(f"Error: {md(ss.pop('callback_error'))}")
    try:
        if "version_set" in ss:  # issue 13: several versions in columns
            from views import versions as versions_view
            versions_view.page(open_pair=open_po)
        elif "history" in ss:
            reader()
        else:
            start_page()
    except AlignmentError as exc:
        st.error(f"Error: {md(str(exc))}")
    warm_kernels()   # the aligner's compiled code made ready while the page drawn is read


main()
