"""Word links in the reader: the sidebar switch, finding them on demand, the glossary panel.

Widgets only: the links come from alignment.words (stored in the PO, so a text opens with
them), the hover highlighting is CSS inside the rows (alignment.browse.word_css), the
glossary and its CSV/Anki exports from alignment.glossary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from alignment.types import Bitext
from alignment.words import DEFAULT_CONFIG

from .common import changed, ss


def has_words(bitext: Bitext) -> bool:
    return any(link.words for link in bitext.alignment.links)


def find_words(get_embedder: Callable[[], Any]) -> None:
    """Compute the word links of the open text: an unsaved change like any other (counted,
    kept in the recovery draft, undoable); Save keeps them in the PO."""
    from alignment.embed import default_cache_dir
    from alignment.word_cache import cached_linker
    from alignment.words import link_bitext

    with st.status("Finding word links (once per text; saved with the pairs)…") as status:
        linker = cached_linker(default_cache_dir())
        ss.history = ss.history.push(link_bitext(ss.history.current, embedder=get_embedder(),
                                                 linker=linker))
        changed()
        status.update(label="Word links found: hover a word to see its counterpart; Save keeps them",
                      state="complete")


def word_sidebar(bitext: Bitext, get_embedder: Callable[[], Any]) -> float | None:
    """The sidebar's word-link controls; the confidence to highlight from, or None (off)."""
    sb = st.sidebar
    sb.subheader("Word links")
    if not has_words(bitext):
        sb.button("Find word links", key="find_words", on_click=find_words, args=(get_embedder,),
                  help="Links each word to its counterpart (a few seconds per book).")
        return None
    if not sb.checkbox("Light up counterparts on hover", value=True, key="word_hover"):
        return None
    return sb.slider("Only links surer than", 0.5, 1.0, DEFAULT_CONFIG.highlight, 0.05,
                     key="word_threshold")


def _anki(bitext: Bitext, entries: Any, name: str) -> bytes:
    from alignment.glossary import to_anki

    slot = ss.setdefault("_anki", {})
    key = (id(bitext), name, len(entries))
    if key not in slot:
        slot.clear()
        slot[key] = to_anki(entries, name)
    return slot[key]


def glossary_panel(bitext: Bitext, title: str) -> None:
    """Word pairs of the text with counts and an example; sortable table, CSV and Anki exports."""
    from alignment.glossary import glossary, to_csv

    if not has_words(bitext):
        return
    with st.expander("Glossary: the text's word pairs"):
        entries = glossary(bitext)
        query = st.text_input("Search the glossary", key="gloss_q").strip().lower()
        if query:
            entries = tuple(e for e in entries if query in e.src or query in e.tgt)
        st.dataframe([{bitext.src_lang: e.src, bitext.tgt_lang: e.tgt, "count": e.count,
                       "link": e.example + 1, "example": e.src_example} for e in entries],
                     use_container_width=True, hide_index=True)
        cols = st.columns(2)
        cols[0].download_button("CSV", to_csv(entries, bitext.src_lang, bitext.tgt_lang),
                                file_name=f"{title}-glossary.csv", mime="text/csv")
        if cols[1].button("Prepare an Anki deck", key="gloss_anki") or "_anki" in ss:
            cols[1].download_button("Anki deck (.apkg)", _anki(bitext, entries, title),
                                    file_name=f"{title}-glossary.apkg",
                                    mime="application/octet-stream")
