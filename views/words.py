"""Word links in the reader: the sidebar switch, finding them on demand, the glossary panel.

Widgets only: the links come from alignment.words (stored in the PO, so a text opens with
them), the hover highlighting is CSS inside the rows (alignment.browse.word_css), the
glossary and its CSV/Anki exports from alignment.glossary. Finding them takes seconds on a
book, so it runs in a worker thread; a fragment polls it and draws the word model's progress.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from alignment.errors import AlignmentError
from alignment.types import Bitext
from alignment.words import DEFAULT_CONFIG

from .common import callback, changed, counted, memo, ss
from .jobs import job_progress, worker

STEPS = ("encoding the words", "training the word model", "linking the words")


def has_words(bitext: Bitext) -> bool:
    return any(link.words for link in bitext.alignment.links)


def without_words(bitext: Bitext) -> int:
    """Links with both sides and no word links: corrected since the words were linked (an
    edit drops the links of the sentences it changes), or where the linker found none."""
    return sum(1 for link in bitext.alignment.links if link.src and link.tgt and not link.words)


@dataclass(eq=False)
class WordJob:
    """A "Find word links" running in a worker thread, polled by the page.

    The worker only calls `report` (plain attribute writes); everything Streamlit happens
    in the page's own runs."""

    base: Bitext
    future: Future = field(default_factory=Future)
    stage: str = "waiting for another text's word links"
    done: int = 0
    total: int = 0

    def report(self, done: int, total: int, stage: str) -> None:
        self.done, self.total, self.stage = done, total, stage

    def fraction(self) -> float:
        step = STEPS.index(self.stage) if self.stage in STEPS else 0
        part = self.done / self.total if self.total else 0.0
        return min(1.0, (step + part) / len(STEPS)) if self.stage in STEPS else 0.0

    def label(self) -> str:
        if self.stage not in STEPS:
            return f"Finding word links: {self.stage}…"
        count = f" {self.done:,}/{self.total:,}" if self.total > 1 else ""
        return (f"Finding word links, step {STEPS.index(self.stage) + 1} of {len(STEPS)}: "
                f"{self.stage}{count}…")


def _link(job: WordJob, embedder: Any) -> Bitext:
    from alignment.embed import default_cache_dir
    from alignment.word_cache import cached_linker
    from alignment.words import link_bitext

    job.report(0, 0, STEPS[0])
    return link_bitext(job.base, embedder=embedder, linker=cached_linker(default_cache_dir()),
                       progress=job.report)


@callback
def find_words(get_embedder: Callable[[], Any]) -> None:
    """Start computing the word links of the open text in the worker thread (a button
    callback): the page stays usable and shows the progress; `collect_words` takes the
    result."""
    if ss.get("word_job") is None:
        job = WordJob(ss.history.current)
        job.future = worker("word-links").submit(_link, job, get_embedder())
        ss.word_job = job


@callback
def collect_words() -> None:
    """Take the finished word links into the text: an unsaved change like any other
    (counted, kept in the recovery draft, undoable; Save keeps them in the PO). Edits made
    meanwhile stay: the links are carried to every link whose two sides are unchanged.
    Whole, or a click meanwhile dropped the job and its links."""
    from alignment.words import carry_words

    job = ss.get("word_job")
    if job is None or not job.future.done():
        return
    ss.word_job = None
    try:
        linked = job.future.result()
    except AlignmentError as exc:
        ss.flash = f"Word links not found: {exc}"
        return
    current = ss.history.current
    ss.history = ss.history.push(linked if current is job.base else carry_words(linked, current))
    changed(new_editor=False)  # a sentence being typed in the editor stays as typed
    ss.words_found = True


def word_sidebar(bitext: Bitext, get_embedder: Callable[[], Any]) -> float | None:
    """The sidebar's word-link controls; the confidence to highlight from, or None (off)."""
    sb = st.sidebar
    sb.subheader("Word links")
    if ss.get("word_job") is not None:
        with sb:
            job_progress("word_job")
        return None
    if ss.pop("words_found", False):
        sb.success("Word links found: hover a word to see its counterpart; Save keeps them.")
    if (guessed := guessed_note(bitext)):
        sb.caption(guessed)
    if not has_words(bitext):
        sb.button("Find word links", key="find_words", on_click=find_words, args=(get_embedder,),
                  help="Links each word to its counterpart (a few seconds per book; "
                       "you can go on reading meanwhile).")
        return None
    if (n := without_words(bitext)):   # the button went with the first links: edits had no way back
        sb.button(f"Link the words again ({counted(n, 'link')} without)", key="find_words_again",
                  on_click=find_words, args=(get_embedder,),
                  help="Links the words of the links that have none, corrected ones among them "
                       "(the others come from the cache at once).")
    if not sb.checkbox("Light up counterparts on hover", value=True, key="word_hover"):
        return None
    return sb.slider("Only links surer than", 0.5, 1.0, DEFAULT_CONFIG.highlight, 0.05,
                     key="word_threshold")


def guessed_note(bitext: Bitext) -> str:
    """For a language the encoder does not know, that the word links are guesses (said by the
    sidebar's "Find word links" and above the glossary, as `alignment words` says it); else "".

    Why a note rather than no glossary: told so, a reader can still check it and keep its
    right pairs (47 of 102 rows of a Hindi one); said nowhere, the wrong half passed for right."""
    from alignment.align import unknown_languages
    from alignment.words import guessed_links_note

    from .common import EMBEDDER, embedder

    unknown = unknown_languages(embedder(EMBEDDER), bitext.src_lang, bitext.tgt_lang)
    note = guessed_links_note(unknown) if unknown else ""
    return f"{note[:1].upper()}{note[1:]}." if note else ""


@callback
def _prepare_anki() -> None:
    """A callback, not a test of the button's value in the page body: it runs as the click's
    run starts, before anything else on the page can interrupt that run."""
    ss.anki_ready = True


def _anki(bitext: Bitext, entries: Any, name: str, shown: tuple[Any, ...]) -> bytes:
    """The deck of the rows shown (the glossary searched and filtered as `shown` says), made
    once per version of the text, search and filter."""
    from alignment.glossary import to_anki

    return memo("anki", bitext, (name, shown), lambda: to_anki(entries, name, bitext))


def glossary_panel(bitext: Bitext, title: str) -> None:
    """Word pairs of the text with counts and an example; sortable table, CSV and Anki exports.

    Made when the panel opens and kept until the next edit: the glossary of a 5,000-link
    text takes 0.35 s, which every click would pay otherwise. Pairs with a function word and
    names spelled alike are out unless ticked: a teacher's vocabulary list was led by 'the'."""
    from alignment.glossary import glossary
    from alignment.search import plain_finds

    if not has_words(bitext):
        return
    panel = st.expander("Glossary: the text's word pairs", key="gloss_open", on_change="rerun")
    if not panel.open:
        return
    with panel:
        if (guessed := guessed_note(bitext)):
            st.warning(f"{guessed} This glossary is made of them.")
        ticks = st.columns(2)
        options = {"function_words": ticks[0].checkbox(
                       "Function words", key="gloss_function_words",
                       help="Pairs with a function word ('the', 'a', 'and', 'of', 'alle')."),
                   "names": ticks[1].checkbox(
                       "Names spelled alike", key="gloss_names",
                       help="A name the translation writes as the original does ('Lucia').")}
        entries = memo("glossary", bitext, tuple(options.values()),
                       lambda: glossary(bitext, **options))
        query = st.text_input("Search the glossary", key="gloss_q").strip()
        if query:   # folded as the sidebar's search: 'muller' finds 'Müller'
            entries = tuple(e for e in entries
                            if plain_finds(query, e.src) or plain_finds(query, e.tgt))
        st.dataframe(glossary_rows(bitext, entries), width="stretch", hide_index=True)
        _exports(bitext, entries, title, query, tuple(options.values()))


def glossary_rows(bitext: Bitext, entries: Any) -> list[dict[str, Any]]:
    """The glossary table's rows: a Japanese or Chinese word's reading beside it, as the CSV
    has it (glossary_forms.has_reading), for a learner who cannot read the kanji."""
    from alignment.glossary_forms import has_reading

    reads = has_reading(bitext.src_lang), has_reading(bitext.tgt_lang)
    rows = []
    for e in entries:
        row: dict[str, Any] = {bitext.src_lang: e.src}
        if reads[0]:
            row[f"reading ({bitext.src_lang})"] = e.src_reading
        row[bitext.tgt_lang] = e.tgt
        if reads[1]:
            row[f"reading ({bitext.tgt_lang})"] = e.tgt_reading
        rows.append(row | {"count": e.count, "link": e.example + 1, "example": e.src_example})
    return rows


def _exports(bitext: Bitext, entries: Any, title: str, query: str,
             options: tuple[bool, ...]) -> None:
    """The CSV and Anki buttons: both hold the rows shown, and under a search say so in their
    labels and file names ('Download the 2 rows shown as CSV', 'story-glossary-perche.csv'):
    a teacher took the CSV of a search for 'perche', 2 rows, for the glossary."""
    from alignment.glossary import to_csv

    rows = f"Download the {counted(len(entries), 'row')} shown as"
    words = re.sub(r"[^\w-]+", "-", query).strip("-")[:40]
    name = f"{title}-glossary-{words}" if words else f"{title}-glossary"
    cols = st.columns(2)
    cols[0].download_button(f"{rows} CSV" if query else "CSV",
                            to_csv(entries, bitext.src_lang, bitext.tgt_lang),
                            file_name=f"{name}.csv", mime="text/csv", key="gloss_csv",
                            on_click="ignore")
    cols[1].button("Prepare an Anki deck", key="gloss_anki", on_click=_prepare_anki)
    if ss.get("anki_ready"):
        deck = _anki(bitext, entries, title, (query, *options))
        cols[1].download_button(f"{rows} an Anki deck" if query else "Anki deck (.apkg)", deck,
                                file_name=f"{name}.apkg", key="gloss_apkg",
                                mime="application/octet-stream", on_click="ignore")
