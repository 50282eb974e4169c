"""Learn mode: one side hidden, J/K to move, Space (or a click on "show") to reveal."""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from alignment import browse
from alignment.reader_place import save_position
from alignment.types import Bitext

from .common import callback, md, memo, ss


@callback
def move_cursor(step: int) -> None:
    """J / K: to the next or previous sentence shown (a search or filter narrows them)."""
    n = len(ss.history.current.alignment.links)
    ss.cursor = browse.step_cursor(ss.cursor, step, n, ss.get("learn_shown"))
    ss.resumed = 0
    save_position(ss.notes_key, ss.cursor, n)


@callback
def reveal() -> None:
    ss.revealed = ss.revealed | {ss.cursor}


@callback
def reveal_clicked() -> None:
    """A "show" clicked on another sentence than the current one (the script below sends its
    number, from 1): that sentence becomes the current one, revealed, so J goes on from it.
    Why: it was revealed in the browser alone, and J went on from the old place (42 to 43,
    not 21 after a click on 20)."""
    sent, ss.learn_at = str(ss.get("learn_at") or ""), ""   # the same sentence may be sent again
    n = len(ss.history.current.alignment.links)
    if not sent.isdigit() or not 1 <= int(sent) <= n:
        return
    ss.cursor, ss.resumed = int(sent) - 1, 0
    ss.revealed = ss.revealed | {ss.cursor}
    save_position(ss.notes_key, ss.cursor, n)


def learn_controls(bitext: Bitext, shown: Sequence[int] | None = None) -> None:
    """Which side to hide, Previous / Reveal / Next, and where the learner is; `shown`: the
    links a search or filter leaves (None: all), which J / K step through."""
    n = len(bitext.alignment.links)
    ss.cursor, ss.learn_shown = browse.snap_cursor(ss.cursor, shown), shown
    sides = {"tgt": md(bitext.tgt_lang), "src": md(bitext.src_lang)}
    top = st.container(horizontal=True, vertical_alignment="bottom")
    with top:
        st.radio("Hide", ("tgt", "src"), key="hide", horizontal=True, format_func=sides.get)
        sentence_cards(bitext, shown)
    bar = st.container(key="learn_bar")   # stays in view as the page scrolls (_STICKY)
    bar.html(_STICKY)
    row = bar.container(horizontal=True)   # side by side, wrapping on a phone
    row.button("◀ Previous sentence (k)", key="learn_prev", on_click=move_cursor, args=(-1,),
               shortcut="k")
    row.button("Reveal (space)", key="learn_reveal", on_click=reveal, shortcut="space")
    row.button("Next sentence (j) ▶", key="learn_next", on_click=move_cursor, args=(1,),
               shortcut="j")
    bar.progress((ss.cursor + 1) / n, text=progress_text(ss.cursor, n, shown, ss.get("resumed")))
    # where the script below sends the number of a sentence a click revealed (drawn hidden)
    bar.text_input("Sentence revealed by a click", key="learn_at", on_change=reveal_clicked,
                   label_visibility="collapsed")


def progress_text(cursor: int, n: int, shown: Sequence[int] | None, resumed: int | None) -> str:
    """"Sentence 9 of 48", where in the sentences `shown` (a search or filter narrows them),
    and, while the cursor stands at `resumed` (the place kept when the text was opened), that
    it is where the person was reading.

    Why not "resumed where you stopped last time": the place kept is the reader's as much as
    Learn's (alignment/reader_place.py: one per file), and a teacher who had only searched in
    the reader was told so on a text never opened in Learn."""
    where = ""
    if shown:
        where = f" · {bisect.bisect_left(list(shown), cursor) + 1} of {len(shown)} shown"
    back = bool(resumed) and cursor == min(resumed, n - 1)
    return f"Sentence {cursor + 1} of {n}{where}" + (" · where you were reading last time" if back else "")


def sentence_cards(bitext: Bitext, shown: Sequence[int] | None) -> None:
    """The "Sentence cards (Anki)" menu: the sentences shown (a search or filter narrows them) as a
    deck, the side Learn shows on the front. Made when the menu opens, once per version of
    the text, search and side: 5,000 cards take about 0.3 s."""
    from alignment.glossary import sentence_card_count, sentence_deck

    ids = tuple(range(len(bitext.alignment.links))) if shown is None else tuple(shown)
    front = "src" if ss.get("hide", "tgt") == "tgt" else "tgt"
    menu = st.popover("Sentence cards (Anki)", key="cards_menu", on_change="rerun")
    if not menu.open:
        return
    with menu:
        cards = sentence_card_count(bitext, ids)
        st.caption(f"{cards:,} card{'s' * (cards != 1)} of the {len(ids):,} sentences shown (a "
                   "search or filter narrows them; one with no translation makes none), the "
                   f"{md(bitext.src_lang if front == 'src' else bitext.tgt_lang)} side on the "
                   "front.")
        name = f"{ss.title} (sentences)"
        deck = memo("cards", bitext, (ids, front, name), lambda: sentence_deck(bitext, ids, name, front))
        st.download_button("Download the deck (.apkg)", deck, key="dl_cards",
                           file_name=f"{Path(ss.path).stem}-sentences.apkg",
                           mime="application/octet-stream", on_click="ignore")


# Previous / Reveal / Next and the count stay at the top of the screen (below Streamlit's
# header, 3.75rem) while the rows scroll: on a phone (no J, K or Space) they were a long
# scroll up from the sentence after every tap. Sticky on the container's wrapper: the
# container fills it, so it had no room to stick.
_STICKY = ("<style>div:has(> .st-key-learn_bar){position:sticky;top:3.75rem;z-index:20;"
           "padding:.3rem 0;background:var(--st-background-color,#fff)}"
           ".st-key-learn_at{display:none}</style>")


# A sentence revealed by a click is opened in the browser at once; the server redraws the
# table on J/K, so the script remembers clicked rows (per text, in sessionStorage) and
# opens them again. A "show" clicked on another row than the current one also sends that
# row's number to the hidden "learn_at" box (as views/keys.py types in the Link box), so the
# server makes it the current sentence. Then the script keeps the current sentence in view: centred in the space below the
# sticky Previous / Reveal / Next bar, its top just below the bar where it is taller than that
# space. Centred on the screen, a long sentence began under the bar (a phone held sideways
# shows 230 px below it), and so did its revealed translation.
_SCRIPT = """<script>(() => {
const key = 'alignment-open:' + %s, cursor = %d;
const opened = () => new Set(JSON.parse(sessionStorage.getItem(key) || '[]'));
window.__alignmentOpenKey = key;
if (!window.__alignmentToggle) {  // one listener for the page; toggle does not bubble: capture
  window.__alignmentToggle = true;
  document.addEventListener('toggle', e => {
    const tr = e.target.closest && e.target.closest('table.al-rows tr.row');
    if (!tr || e.target.tagName !== 'DETAILS') return;
    const k = window.__alignmentOpenKey, open = new Set(JSON.parse(sessionStorage.getItem(k) || '[]'));
    if (e.target.open) open.add(tr.id); else open.delete(tr.id);
    sessionStorage.setItem(k, JSON.stringify([...open]));
  }, true);
  // a click, not the toggle: the script opens rows too (restore), and those are no choice
  document.addEventListener('click', e => {
    const tr = e.target.closest?.('table.al-rows tr.row'), summary = e.target.closest?.('summary');
    const box = document.querySelector('.st-key-learn_at input');
    if (!tr || !summary || !box || summary.parentElement.open || tr.classList.contains('current')) return;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, tr.id.slice(5));
    box.dispatchEvent(new Event('input', {bubbles: true}));
    box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true}));
  }, true);
}
// Space right after Learn was chosen reveals: the focus is still on the Mode option then (a
// click on "Learn" puts it there), and Space on an option is the option's (views/keys.py),
// so "Reveal (space)" did nothing until the page was clicked. The focus stays where it is.
if (!window.__alignmentLearnSpace) {
  window.__alignmentLearnSpace = true;
  window.addEventListener('keydown', e => {
    const t = e.target;
    if (e.key !== ' ' || e.ctrlKey || e.metaKey || e.altKey || !t.closest?.('.st-key-mode')
        || !(t.checked || t.getAttribute('aria-checked') === 'true')) return;
    const reveal = document.querySelector('.st-key-learn_reveal button');
    if (!reveal) return;   // not in Learn
    e.preventDefault();
    if (!e.repeat) reveal.click();
  }, true);
}
const toView = row => {
  const bar = document.querySelector('.st-key-learn_bar')?.parentElement;
  let box = row.parentElement;   // the rows' scrolling ancestor (Streamlit's main block)
  while (box && !(/auto|scroll/.test(getComputedStyle(box).overflowY) && box.scrollHeight > box.clientHeight))
    box = box.parentElement;
  box = box || document.scrollingElement;
  // where the bar's bottom is once it sticks (before, it may still be lower on the page)
  const top = box === document.scrollingElement ? 0 : box.getBoundingClientRect().top;
  const below = top + (bar ? (parseFloat(getComputedStyle(bar).top) || 0) + bar.offsetHeight + 8 : 0);
  const r = row.getBoundingClientRect(), room = innerHeight - below;
  box.scrollBy({top: r.top - below - Math.max(0, (room - r.height) / 2), behavior: 'smooth'});
};
const restore = () => { const open = opened();
  document.querySelectorAll('table.al-rows tr.row').forEach(tr => {
    if (open.has(tr.id)) tr.querySelectorAll('details').forEach(d => { d.open = true; }); }); };
restore();
setTimeout(() => {
  restore();
  const here = [...document.querySelectorAll('#link-' + cursor)].pop();
  if (here) toView(here);
}, 80);
})()</script>"""


def learn_script(key: str, cursor: int) -> str:
    """The script above for text `key` (JSON-quoted, so no text can break out) and the cursor."""
    return _SCRIPT % (json.dumps(str(key)).replace("<", "\\u003c"), int(cursor) + 1)
