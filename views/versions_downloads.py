"""The version-set page's Download menu: the set as TMX, TSV or an HTML page of every text
side by side (alignment/versions_html.py), named and said for the rows it holds. Where pair
POs beside the set hold corrections, the page shows either the set with them joined in or, on
request, SET.tmx's own rows; the files hold what the columns show, so the second is named
SET.alone.tmx (SET.alone.html...) and the menu says which (the two once left as one SET.tmx).

Split out of views/versions.py (the page that draws an open set).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import streamlit as st

from alignment.errors import AlignmentError
from alignment.types import VersionSet

from .common import md, memo

SET_DOWNLOADS = (("tmx", "application/xml"), ("tsv", "text/tab-separated-values"),
                 ("html", "text/html"))


def set_file(vs: VersionSet, fmt: str,
             files: Mapping[str, str] | None = None) -> bytes | Callable[[], bytes]:
    """The set as a file: TMX (every text, row by row, readable again by `Open set`), TSV
    (one column per text) or HTML (the columns to print or read offline); made once per set
    and session. The HTML is made when its button is clicked (a callable the button runs):
    its markers run the numbers check on every row, seconds on a book, which the menu's
    opening must not wait for. `files` (text name -> its file) go into the TMX and the HTML
    column heads, as in the set's own file."""
    from alignment.versions_html import render_set_html
    from alignment.versions_io import render_set_tmx, render_set_tsv

    made = memo("set_files", vs, None, dict)  # a new dict for each set, as the reader's downloads
    if fmt == "html":
        def page() -> bytes:
            if "html" not in made:
                made["html"] = render_set_html(vs, files=files).encode("utf-8")
            return made["html"]
        return page
    if fmt not in made:
        made[fmt] = (render_set_tmx(vs, files) if fmt == "tmx"
                     else render_set_tsv(vs).encode("utf-8"))
    return made[fmt]


def download_name(set_path: str | Path, fmt: str, alone: bool) -> str:
    """The downloaded file's name: SET.tmx's rows alone are SET.alone.tmx, so they are not
    taken for the set with its pairs' corrections, which is SET.tmx."""
    stem = Path(set_path).stem
    return f"{stem}.alone.{fmt}" if alone else f"{stem}.{fmt}"


def download_said(set_path: str | Path, alone: bool, joined: bool) -> str | None:
    """The Download menu's line on which rows its files hold, where the pair POs beside the
    set differ from it (`joined`): the files hold the rows the columns show."""
    name = md(Path(set_path).name)
    if alone:
        return (f"Rows as in {name} alone, as the columns show now: without the pair POs beside "
                f"it (their corrections left out)")
    if joined:
        return (f"Rows as the columns show: {name} with the pair POs beside it joined in (their "
                f"corrections)")
    return None


def alone_shown() -> bool:
    """Whether the page shows the set's TMX alone (the sidebar's toggle, where it is offered)."""
    ss = st.session_state
    return bool(ss.get("vs_as_set")) and ss.get("vs_as_saved") is not None


def download_buttons(vs: VersionSet) -> None:
    """The menu's buttons, under a line saying which rows the files hold where that is in
    question (download_said)."""
    path, alone = st.session_state.vs_path, alone_shown()
    said = download_said(path, alone, st.session_state.get("vs_as_saved") is not None)
    if said:
        st.caption(said)
    for fmt, mime in SET_DOWNLOADS:
        try:
            data = set_file(vs, fmt, st.session_state.get("vs_files"))
        except AlignmentError as exc:   # a character XML cannot hold
            st.caption(f"{fmt.upper()}: {md(str(exc))}")
            continue
        st.download_button(fmt.upper(), data, key=f"vs_dl_{fmt}",
                           file_name=download_name(path, fmt, alone), mime=mime, on_click="ignore")
