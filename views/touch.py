"""A phone or tablet held in the hand: touch only, no keyboard, no mouse.

Why each part (a tester's report, reading on a phone):

- Keyboard hints are hints no one there can follow: Streamlit's shortcut badges on buttons
  ("Ctrl + S", "K", "→"), its "Press Enter to apply" and "Press Ctrl+Enter…" under a box,
  and the keys in the app's own labels ("Next sentence (j) ▶", "Apply and save (Ctrl+S)").
  `TOUCH_CSS` hides the first two and the script takes the keys out of the labels, so a
  phone shows "Next sentence ▶" and "Apply and save"; the buttons do as before.
- The sidebar opened over the text on a phone held on its side: Streamlit folds it away on
  arrival only in a window up to 768 px wide (unless the browser remembers it open), and a
  phone on its side is 844. The script folds it once, when it is first drawn (a text
  opened), as Streamlit does on a phone held upright; opened by hand, it stays open until
  the next text is opened.

"Touch only" is the CSS media query `(hover: none) and (pointer: coarse)`, not the window's
width or the browser's name: a narrow desktop window keeps its hints and sidebar, and a
laptop with a touch screen, whose main pointer is its mouse, is a desktop.
"""

from __future__ import annotations

TOUCH_ONLY = "(hover: none) and (pointer: coarse)"

TOUCH_CSS = f"""<style>@media {TOUCH_ONLY} {{
button kbd[aria-label^="Shortcut"], [data-testid="InputInstructions"] {{display: none !important}}
}}</style>"""
"""Drawn on every page (CSS alone: it takes no room on the page)."""

# The labels that name a key, and the key as they write it
_HINTED = ("learn_prev", "learn_reveal", "learn_next", "apply_save")
_HINT = r"\s*\((?:[jk]|space|ctrl\+s)\)"

_SCRIPT = """<script>(() => {
if (window.__alignmentTouch) return;
window.__alignmentTouch = true;
const touchOnly = matchMedia('%(touch)s');
const LABELS = %(labels)s.map(k => `.st-key-${k} button [data-testid="stMarkdownContainer"] p`).join(', ');
const HINT = /%(hint)s/i;
// Only the text nodes change, not the elements Streamlit draws: a label drawn anew (a rerun)
// is seen by the observer below and loses its key again before it is painted.
const unhint = () => document.querySelectorAll(LABELS).forEach(p => p.childNodes.forEach(n => {
  if (n.nodeType === Node.TEXT_NODE && HINT.test(n.nodeValue)) n.nodeValue = n.nodeValue.replace(HINT, '');
}));
let folded = null;   // the sidebar folded on arrival (a text closed and another opened: a new one)
const fold = () => {
  const bar = document.querySelector('section[data-testid="stSidebar"]');
  if (!bar || bar === folded) return;
  const button = bar.querySelector('[data-testid="stSidebarCollapseButton"] button');
  if (bar.dataset.collapsed === 'false' && !button) return;   // its header not drawn yet
  folded = bar;
  if (bar.dataset.collapsed === 'false') button.click();
};
const run = () => { if (touchOnly.matches) { unhint(); fold(); } };
let queued = false;
new MutationObserver(() => {
  if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; run(); }); }
}).observe(document.body, {childList: true, subtree: true, characterData: true});
run();
})()</script>"""


def touch_script() -> str:
    """The script above (the same text on every run: the browser installs it once)."""
    import json

    return _SCRIPT % {"touch": TOUCH_ONLY, "labels": json.dumps(list(_HINTED)), "hint": _HINT}
