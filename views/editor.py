"""Correcting one link: merge, split, move a boundary sentence, mark reviewed, edit its
target sentence or type the missing one (the reader's "Correct a link" panel)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from alignment import browse
from alignment.errors import AlignmentError
from alignment.split_cut import best_cut, cosine_similarity
from alignment.text_direction import text_dir
from alignment.typed_text import ONE_LINE_WHY, whitespace_note
from alignment.types import Bitext

from .common import EMBEDDER, callback, changed, counted, embedder, md, save, ss
from .notes import link_notes, note_box, note_editor
from .text_direction import box_css


# what the boundary buttons do, in plain words (a first-time user did not know)
_SIDE_NAME = {"src": "original", "tgt": "translation"}
_MOVE_HELP = {"prev": "Gives this link's first {side} sentence to the link above: the boundary "
                      "between the two links moves down by one sentence",
              "next": "Gives this link's last {side} sentence to the link below: the boundary "
                      "between the two links moves up by one sentence"}


@callback

def edit(op: Callable[..., Bitext], *args: Any) -> None:
    """Apply a correction to the current Bitext (a button callback)."""
    ss.editing = True
    try:
        before = ss.history.current
        after = op(before, *args)
    except AlignmentError as exc:
        ss.flash = str(exc)
        return
    ss.history = ss.history.push(after)
    ss.flash = None
    changed(new_editor=not browse.same_text(before, after))  # "Mark reviewed" keeps the typing


def _selected(i: int) -> int:
    """The link the "Link (the blue row)" box holds now, else i (the link the panel was drawn
    for). Why: a button keeps the arguments of the page it was drawn on, so one pressed right
    after a number was typed in the box, before the page was drawn again, acted on the link
    before: '2' typed, then "Mark reviewed" pressed, marked (and a save kept) link 1."""
    sel, n = ss.get("sel"), len(ss.history.current.alignment.links)
    return sel - 1 if isinstance(sel, int) and 1 <= sel <= n else i


@callback
def edit_selected(op: Callable[..., Bitext], i: int, *args: Any) -> None:
    """`edit` on the link the box holds (`_selected`): the panel's buttons."""
    i = _selected(i)
    ss.link = i
    edit(op, i, *args)


@callback
def split_best(i: int) -> None:
    """"Split": cut where the two halves pair best (alignment.split_cut), not in the middle,
    which paired a sentence with the one the translation added after it. The encoder compares
    the halves when it is ready; else their lengths do (loading it would stall the click)."""
    i = _selected(i)
    ss.link = i
    bitext = ss.history.current
    link = bitext.alignment.links[i]
    encoder = embedder(EMBEDDER)   # made lazily: its model loads at the first sentence encoded
    known = getattr(encoder, "languages", None)
    ready = getattr(encoder, "_model", True) is not None and (
        known is None or {bitext.src_lang, bitext.tgt_lang} <= set(known))
    ratio = sum(len(x.text) for x in bitext.tgt) / max(sum(len(x.text) for x in bitext.src), 1)
    try:
        s, t = best_cut([bitext.src[k].text for k in link.src],
                        [bitext.tgt[k].text for k in link.tgt],
                        cosine_similarity(encoder.embed) if ready else None, ratio)
    except ValueError:   # one sentence: browse.split says what to do
        s = t = None
    edit(browse.split, i, s, t)


@callback
def merge_previous(i: int) -> None:
    """"Merge with previous": the selection follows the merged link (one up), so a second
    click does not merge the next, unrelated link."""
    i = _selected(i)
    edit(browse.merge, i, "prev")
    if not ss.flash:  # merged (an error leaves the selection where it was)
        ss.link = max(0, i - 1)


@callback
def go_to_link(j: int) -> None:
    """Select link j (the review buttons): its page is turned to, the panel stays open."""
    ss.link = ss.jump_to = j
    ss.editing = True


def walk_threshold() -> float:
    """The confidence below which an unreviewed link is one to review: with "Not reviewed yet"
    on, every link not reviewed (a file with no doubtful link but 100 unread ones could not be
    walked), else the aligner's doubtful ones."""
    return float("inf") if ss.get("f_unreviewed") else browse.REVIEW_THRESHOLD


@callback
def reviewed_next(i: int) -> None:
    """The "Reviewed, next" button: mark link i reviewed, then select the next link to review;
    after the last one, the first left before it (it said "the last link to review after this
    point" while one was left earlier), and where none is left, says so."""
    i = _selected(i)
    edit(browse.mark_reviewed, i, True)
    if ss.flash:
        return
    bitext, threshold = ss.history.current, walk_threshold()
    j = browse.next_to_review(bitext, i, 1, threshold)
    if j is None:
        j = browse.next_to_review(bitext, -1, 1, threshold)
        if j is not None:
            ss.flash_info = f"No link left to review after link {i + 1}: back to link {j + 1}."
    if j is not None:
        go_to_link(j)
        return
    unread = sum(not link.reviewed for link in bitext.alignment.links)
    ss.flash_info = ("All links reviewed." if not unread else
                     f"No links left to review. {counted(unread, 'link')} the aligner was sure "
                     f"of {'is' if unread == 1 else 'are'} not reviewed yet: “Not reviewed yet” "
                     "in the sidebar lists them.")


def tell_whitespace(typed: str, i: int, k: int) -> None:
    """After a typed text was applied to sentence `k` of link `i`: say what became of its
    whitespace where the text kept differs from the text typed (alignment/typed_text.py: a
    line break, a tab and double spaces went with nothing said). A note of an earlier Apply
    goes: it would read as this one's."""
    if ss.get("flash_info") is not None and ss.flash_info == ss.get("whitespace_note"):
        ss.flash_info = None
    link = ss.history.current.alignment.links[i]
    note = whitespace_note(typed, ss.history.current.tgt[link.tgt[k]].text, i + 1)
    if note:
        ss.flash_info = ss.whitespace_note = note


@callback
def apply_edit(i: int, k: int, key: str) -> None:
    """The form's "Apply edit": the typed text is read from the form's own widget state."""
    edit(browse.edit_target, i, k, ss[key])
    if not ss.flash:   # applied
        tell_whitespace(ss[key], i, k)


@callback
def add_translation(i: int, key: str, then_save: bool = False) -> None:
    """The missing translation of an omission, typed (views/keys.py: Ctrl+S adds and saves)."""
    edit(browse.add_target, i, ss[key])
    if not ss.flash:   # added
        tell_whitespace(ss[key], i, 0)
    if then_save and not ss.flash:
        save()


@callback
def apply_and_save(i: int, k: int, key: str) -> None:
    """Ctrl+S typed in the correction box (views/keys.py): what was typed is kept, then saved."""
    apply_edit(i, k, key)
    if not ss.flash:   # applied (an empty text is refused, and nothing is saved)
        save()


@callback
def select_link() -> None:
    ss.link = ss.jump_to = ss.sel - 1


def review_buttons(bitext: Bitext, i: int) -> None:
    """From one link to review (fuzzy) to the next: a proofreader checks the aligner's doubtful
    links without looking each one up in the table."""
    prev, nxt = (browse.next_to_review(bitext, i, step, walk_threshold()) for step in (-1, 1))
    row = st.container(horizontal=True)
    row.button("◀ Previous to review", key="review_prev", on_click=go_to_link,
               args=(prev if prev is not None else i,), disabled=prev is None)
    row.button("Next to review ▶", key="review_next", on_click=go_to_link,
               args=(nxt if nxt is not None else i,), disabled=nxt is None)
    row.button("✓ Reviewed, next ▶", key="review_and_next", on_click=reviewed_next, args=(i,),
               disabled=bitext.alignment.links[i].reviewed,
               help="Mark this link reviewed and select the next link to review")


def sentence_choice(bitext: Bitext, i: int) -> int:
    """The "Target sentence" selector of a link with several: which one the box edits.

    Why its value is set again whenever the link or its sentences change: the browser keeps
    the label of a keyed selector whose value stays valid, so from link 326 to link 107
    (sentence 1 both times) it still showed "1: Il se fit quelques instants de silence." over
    link 107's sentence in the box. A value set from here is sent with its new label. Another
    link starts at its first sentence; the same link, a sentence of it edited, keeps the one
    chosen (a link's sentences stay as they were when it is marked reviewed: typing is kept)."""
    link = bitext.alignment.links[i]
    labels = tuple(f"{k + 1}: {bitext.tgt[t].text[:60]}" for k, t in enumerate(link.tgt))
    drawn = ss.get("edit_k_for")
    if drawn != (i, link.tgt, labels):
        same_link = drawn is not None and drawn[:2] == (i, link.tgt)
        ss.edit_k = min(ss.get("edit_k", 0), len(labels) - 1) if same_link else 0
        ss.edit_k_for = (i, link.tgt, labels)
    return st.selectbox("Target sentence", range(len(labels)), key="edit_k",
                        format_func=labels.__getitem__)


# The correction boxes' help, under each box (a `help=` icon is labelled "Help for <the box's
# label>", which a search for the box by its label finds too): what Apply does to whitespace
ONE_LINE_HELP = ("Apply makes a line break or a tab a space and double spaces one, and says so: "
                 f"{ONE_LINE_WHY}.")


def target_editor(bitext: Bitext, i: int) -> None:
    """Edit one target sentence in a form: "Apply edit" always sends the text typed."""
    link = bitext.alignment.links[i]
    k = sentence_choice(bitext, i) if len(link.tgt) > 1 else 0
    k = min(k, len(link.tgt) - 1)
    key = f"edit_{i}_{k}_{ss.get('rev', 0)}"
    with st.container(key="edit_box"), st.form("edit_form", border=False):
        st.text_area("Edit the target sentence", bitext.tgt[link.tgt[k]].text, key=key)
        st.caption(ONE_LINE_HELP)
        bar = st.container(horizontal=True)
        with bar:
            st.form_submit_button("Apply edit", key="apply_edit", on_click=apply_edit,
                                  args=(i, k, key))
            st.form_submit_button("Apply and save (Ctrl+S)", key="apply_save",
                                  on_click=apply_and_save, args=(i, k, key))


def translation_editor(i: int) -> None:
    """A link with no target sentence (an omission): type the missing translation."""
    key = f"add_{i}_{ss.get('rev', 0)}"
    with st.container(key="edit_box"), st.form("add_form", border=False):
        st.text_area("Type the missing translation", key=key,
                     placeholder="The translation of this sentence, which the text left out")
        st.caption(ONE_LINE_HELP)
        with st.container(horizontal=True):
            st.form_submit_button("Add translation", key="add_target", on_click=add_translation,
                                  args=(i, key))
            st.form_submit_button("Add and save (Ctrl+S)", key="apply_save",
                                  on_click=add_translation, args=(i, key, True))


def edit_panel(bitext: Bitext) -> None:
    n = len(bitext.alignment.links)
    ss.link = min(ss.link, n - 1)
    ss.sel = ss.link + 1  # the widget shows the selection kept in ss.link across modes
    with st.expander("Correct a link", expanded=ss.get("editing", False)):
        i = st.number_input("Link (the blue row)", 1, n, key="sel", on_change=select_link) - 1
        link = bitext.alignment.links[i]
        st.html(browse.render_rows(bitext, [i]))
        if link.unit:   # where the file was a CAT tool's: the segment to find there
            st.caption(f"Unit {md(link.unit)} in the file this link was imported from")
        note = link_notes(bitext).get(i) or ""
        note_box(note)   # a CAT tool's or a person's '# ' note
        row = st.columns(4)
        row[0].button("⤒ Merge with previous", key="merge_prev", on_click=merge_previous,
                      args=(i,), disabled=i == 0)
        row[1].button("⤓ Merge with next", key="merge_next", on_click=edit_selected,
                      args=(browse.merge, i, "next"), disabled=i == n - 1)
        row[2].button("Split", key="split", on_click=split_best, args=(i,),
                      disabled=len(link.src) < 2 and len(link.tgt) < 2)
        row[3].button("Unmark reviewed" if link.reviewed else "✓ Mark reviewed", key="review",
                      on_click=edit_selected, args=(browse.mark_reviewed, i, not link.reviewed))
        row = st.columns(4)
        for col, side, direction, label in (
                (row[0], "src", "prev", "Source: first sentence ↑"),
                (row[1], "src", "next", "Source: last sentence ↓"),
                (row[2], "tgt", "prev", "Target: first sentence ↑"),
                (row[3], "tgt", "next", "Target: last sentence ↓")):
            col.button(label, key=f"move_{side}_{direction}", on_click=edit_selected,
                       help=_MOVE_HELP[direction].format(side=_SIDE_NAME[side]),
                       args=(browse.move, i, side, direction),
                       disabled=not (link.src if side == "src" else link.tgt))
        review_buttons(bitext, i)
        if text_dir(bitext.tgt_lang) == "rtl":   # the box holds the translation's text
            st.html(box_css(".st-key-edit_box textarea", [bitext.tgt_lang]))
        if link.tgt:
            target_editor(bitext, i)
        else:
            translation_editor(i)
        if link.tgt and not link.src:   # a sentence the translation added: it may go
            st.button("Delete this added sentence from the translation", key="drop_addition",
                      on_click=edit_selected, args=(browse.drop_addition, i))
        note_editor(i, link, note)   # last: the buttons above stay where a person aims at them
