"""What a keyboard or screen-reader user needs that Streamlit's widgets do not give.

Why each part (a keyboard-only and screen-reader tester's report):

- The collapsed sidebar (a narrow window, 200% zoom, or « clicked) is only moved off-screen:
  its 13 controls stayed in the Tab order, invisible. `SIDEBAR_CSS` hides it once it has
  slid away (visibility takes it out of the Tab order and the accessibility tree), and its
  help icons too, which Streamlit makes visible on their own. Streamlit's "Skip to main
  content", shown while it has the focus, was drawn over the Expand sidebar button: a click
  there took the link. It is drawn beside it.
- A symbol-only button is read by its symbol ('✕' is "multiplication x", '→ 84' "right
  arrow 84"): Streamlit sets no aria-label and a tooltip (help=) is not a name. The script
  names them from their key and text ('Dismiss finding 3 (link 9)', 'Go to link 84'), so the
  visible buttons stay as short as they are.
- A popover (the Download menu, "Save a copy as…") opened with Enter left the focus on its
  button, and its content, drawn at the end of the page, was out of Tab's reach: the script
  puts the focus on its first control once it is drawn (the Download menu's after its rerun).
- A rerun that replaces the focused widget (the correction box after Ctrl+S, a button drawn
  anew) or disables it (Save, once saved) dropped the focus to the page: the next Tab
  started from the top. The script gives it to the same widget drawn anew (by its key, or
  the nearest keyed block around it), or to the next control when it was disabled (the one
  before it where Shift+Tab had just reached it: the key keeps its meaning). Where the person
  moved the focus meanwhile, it stays there.
- Where a click removes what had the focus on purpose (a finding dismissed, a jump to the
  correction box, the recovery box answered), the view asks for a place (`focus_on`).
- Nothing was said when a search or the findings changed: `announce` writes one polite
  status line (role=status), kept in one element for the page's life, as a live region must
  be (one drawn anew with each rerun is not read by screen readers).
"""

from __future__ import annotations

import json

import streamlit as st

from alignment import browse

from .common import counted

SIDEBAR_CSS = """<style>
section[data-testid="stSidebar"][data-collapsed="true"]{visibility:hidden;
 transition:transform .3s,min-width .3s,max-width .3s,visibility 0s .3s}
section[data-testid="stSidebar"][data-collapsed="true"] [data-testid="stTooltipIcon"],
section[data-testid="stSidebar"][data-collapsed="true"] [data-testid="stTooltipIcon"] *{
 visibility:hidden !important}
a[data-testid="stSkipToContent"]:focus-visible{left:4rem !important}
</style>"""

_SCRIPT = """<script>(() => {
if (window.__alignmentA11y) return;
window.__alignmentA11y = true;
const FOCUSABLE = 'button, input, textarea, select, a[href], summary, [tabindex]:not([tabindex="-1"])';
const usable = e => !e.disabled && e.getClientRects().length > 0
  && getComputedStyle(e).visibility !== 'hidden';
const keysOf = el => {   // its Streamlit keys, the nearest first
  const out = [];
  for (let p = el.closest?.('[class*="st-key-"]'); p; p = p.parentElement?.closest('[class*="st-key-"]'))
    out.push(...[...p.classList].filter(c => c.startsWith('st-key-')));
  return out;
};
// Names of the symbol-only buttons (views/proofread.py's finding rows)
const linkOf = el => (el.parentElement?.closest(':has([class*="st-key-jump_"])')
  ?.querySelector('[class*="st-key-jump_"] button')?.textContent.match(/\\d+/) || [''])[0];
const NAMES = [
  [/^st-key-jump_d?\\d+$/, (el, b) => `Go to link ${(b.textContent.match(/\\d+/) || [''])[0]}`],
  [/^st-key-dismiss_(\\d+)$/, (el, b, n) => `Dismiss finding ${+n + 1} (link ${linkOf(el)})`],
  [/^st-key-restore_(\\d+)$/, (el, b, n) => `Show dismissed finding ${+n + 1} again (link ${linkOf(el)})`],
  [/^st-key-match_(prev|next)$/, (el, b, n) => n === 'prev' ? 'Previous match' : 'Next match'],
];
const name = () => {
  for (const el of document.querySelectorAll('[class*="st-key-jump_"], [class*="st-key-dismiss_"], [class*="st-key-restore_"], [class*="st-key-match_"]')) {
    for (const key of el.classList) for (const [re, say] of NAMES) {
      const m = key.match(re);
      if (m) el.querySelectorAll('button').forEach(b => {
        const label = say(el, b, m[1]);
        if (b.getAttribute('aria-label') !== label) b.setAttribute('aria-label', label);
      });
    }
  }
};
// Whether the app's run is still drawing (a rerun asked for counts): Streamlit's own mark
const running = () => !!document.querySelector(
  '[data-testid="stApp"]:not([data-test-script-state="notRunning"])');
let queued = false;
new MutationObserver(() => {
  if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; name(); check(); }); }
}).observe(document.body, {childList: true, subtree: true, characterData: true,
                           attributes: true, attributeFilter: ['disabled']});
name();
// A popover opened: the focus on its first control, once drawn
document.addEventListener('click', e => {
  const b = e.target.closest?.('[data-testid="stPopoverButton"]');
  if (!b) return;
  let n = 0;
  const go = () => {
    if (b.getAttribute('aria-expanded') === 'true') {
      const body = document.querySelector('[data-testid="stPopoverBody"]');
      if (body?.contains(document.activeElement)) return;
      const first = body && [...body.querySelectorAll(FOCUSABLE)].find(usable);
      if (first) { first.focus(); return; }
    }
    if (++n < 60) setTimeout(go, 100);
  };
  setTimeout(go, 50);
});
// Focus dropped by a rerun: to the same widget drawn anew, or on from a disabled one
// A control reached with Shift+Tab and disabled by the rerun then drawing ("✓ Reviewed, next"
// once the link is reviewed) hands the focus back, not on: handed on to the correction box, a
// quick typist's Shift+Tab was undone and his next Space pressed the wrong button.
let had = null, tabbed = {at: -1e9, back: false};   // what had the focus last; the last Tab
window.addEventListener('keydown', e => {
  if (e.key === 'Tab') tabbed = {at: performance.now(), back: e.shiftKey};
  else if (had && !['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) had.back = false;
}, true);
document.addEventListener('focusin', e => {
  had = {el: e.target, keys: keysOf(e.target), tag: e.target.tagName, dropped: 0,
         back: tabbed.back && performance.now() - tabbed.at < 500};
}, true);
// A click aside leaves the focus where it goes. A focus dropped by a disabled button comes
// after the run's last change to the page (Chrome moves it at its next frame), so nothing else
// would look for it: the save's Enter left the focus on the page, every time on a slow machine.
document.addEventListener('focusout', e => {
  const el = e.target;
  if (!e.relatedTarget) setTimeout(() => {
    if (had?.el === el && el.isConnected && usable(el) && document.activeElement === document.body) had = null;
    else check();
  }, 0);
}, true);
// A click of the person's own on the page, the focus dropped: it stays where they put it
window.addEventListener('pointerdown', () => {
  if (document.activeElement === document.body) had = null;
}, true);
// Looked for until the rerun has drawn the page and a second more: a fixed 4 s could be over
// before a slow machine's rerun drew the widget anew, and the focus stayed on the page.
const check = () => {
  if (!had || document.activeElement !== document.body) return;
  if (had.el.isConnected && usable(had.el)) return;
  const now = performance.now();
  had.dropped ||= now;
  had.idle = running() ? 0 : had.idle || now;
  if ((had.idle && now - had.idle > 1000) || now - had.dropped > 120000) { had = null; return; }
  const found = refind(had), h = had;
  if (found) found.focus();
  else if (!h.waiting) {   // one look at a time, however many changes call it meanwhile
    h.waiting = true;
    setTimeout(() => { h.waiting = false; check(); }, 100);
  }
};
const refind = ({el, keys, tag, back}) => {
  if (el.isConnected) {   // disabled (Save, once saved): the next control takes the focus
    const all = [...document.querySelectorAll(FOCUSABLE)].filter(usable);
    if (back) return all.filter(x => el.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_PRECEDING).pop();
    return all.find(x => el.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING);
  }
  for (const key of keys) {
    const box = document.querySelector('.' + CSS.escape(key));
    if (!box) continue;
    const drawn = [...box.querySelectorAll(FOCUSABLE)];
    const all = drawn.filter(usable);
    const same = all.find(x => x.tagName === tag) || all[0];
    if (same) return same;
    // drawn anew but disabled ("✓ Reviewed, next" once reviewed): as if disabled in place, the
    // control after it, or before it after a Shift+Tab (the keyed block around it gave the
    // correction box: a quick Shift+Tab after Ctrl+Enter undone, one browser run in five)
    const again = drawn.find(x => x.tagName === tag);
    if (again && again.isConnected && again.getClientRects().length) return refind({el: again, keys: [], tag, back});
  }
  return null;
};
// Focus asked for by the view (`focus_on`): the first of `selectors` drawn and usable. Held
// there for a moment: the element may be drawn again just after (focus() on it then did
// nothing, one run in three), until a key or a click of the person's own. Looked for while
// the run draws and 4 s after it: 4 s from the script alone could be over before a slow
// machine's run drew the element.
const asked = new Set();
window.__alignmentFocus = (selectors, nonce) => {
  if (asked.has(nonce)) return;
  asked.add(nonce);
  let n = 0, ticks = 0, held = 0, own = false;
  const mine = () => { own = true; };
  window.addEventListener('keydown', mine, {capture: true, once: true});
  window.addEventListener('pointerdown', mine, {capture: true, once: true});
  const go = () => {
    if (own) return;
    const el = selectors.map(sel => [...document.querySelectorAll(sel)].find(usable)).find(Boolean);
    if (el && document.activeElement === el) held++;
    else if (el) {
      if (!el.matches(FOCUSABLE)) el.setAttribute('tabindex', '-1');
      had = null;
      el.focus();
      held = 0;
    }
    if (held < 3 && (running() || ++n < 40) && ++ticks < 1200) setTimeout(go, 100);
    else { window.removeEventListener('keydown', mine, true); window.removeEventListener('pointerdown', mine, true); }
  };
  go();
};
// One polite status line for the page's life
const live = document.createElement('div');
live.id = 'al-live';
live.setAttribute('role', 'status');
live.setAttribute('aria-live', 'polite');
live.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);'
  + 'white-space:nowrap;margin:-1px;padding:0;border:0';
document.body.appendChild(live);
window.__alignmentSay = text => { if (live.textContent !== text) live.textContent = text; };
})()</script>"""


def a11y_script() -> str:
    """The script above (the same text on every run: the browser installs it once)."""
    return _SCRIPT


def focus_on(*selectors: str) -> None:
    """After this click's rerun, put the focus on the first of `selectors` (CSS) drawn and
    usable; a callback calls it where its click removes or replaces the focused button."""
    ss = st.session_state
    ss.a11y_nonce = ss.get("a11y_nonce", 0) + 1
    ss.a11y_focus = (selectors, ss.a11y_nonce)


def _js(value: object) -> str:
    """`value` as a JavaScript literal that cannot end the <script> it is in."""
    return json.dumps(value).replace("<", "\\u003c")


def focus_script() -> str:
    """The focus asked for by `focus_on` since the last run, once (empty when none)."""
    wanted = st.session_state.pop("a11y_focus", None)
    if wanted is None:
        return ""
    selectors, nonce = wanted
    return (f"<script>window.__alignmentFocus?.({_js(list(selectors))}, "
            f"{int(nonce)})</script>")


def announce(text: str) -> str:
    """A script that says `text` in the page's status line (said once: the same text again
    says nothing)."""
    return f"<script>window.__alignmentSay?.({_js(text)})</script>"


def status_line(query: browse.Query, ids: tuple[int, ...] | None, listed: list | None) -> str:
    """What the page's status line says: how many links the search and filters keep, how
    many findings are listed (`listed`, None outside Proofread)."""
    parts = []
    if ids is not None:
        verb = "matches" if len(ids) == 1 else "match"
        parts.append(f"{counted(len(ids), 'link')} {verb}"
                     + (f" “{query.text}”" if query.text else " the filters"))
    if listed is not None and st.session_state.get("findings") is not None:
        parts.append(f"{counted(len(listed), 'finding')} listed")
    return "; ".join(parts)
