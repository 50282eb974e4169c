(() => {
if (window.__alignmentKeys) return;
window.__alignmentKeys = true;
// Which gesture an event belongs to: each press of a key or of the pointer starts one. Counted
// before any listener below reads it (`answered`).
let gesture = 0;
for (const kind of ['pointerdown', 'keydown']) window.addEventListener(kind, () => { gesture += 1; }, true);
// Panels open and close at once: Streamlit animates an expander's height for half a second and
// animates it again when its content grows meanwhile, and between the two the panel showed
// closed for a frame or more (measured: 0.6 s after "Correct a link" was clicked, 0.1 s closed).
// A button pressed then was released over the row below it, and the click was lost.
const animate = Element.prototype.animate;
Element.prototype.animate = function (frames, options) {
  return animate.call(this, frames, this.tagName === 'DETAILS' && typeof options === 'object'
    ? {...options, duration: 0} : options);
};
const FORM = '[data-testid="stForm"]';
const textish = t => t && (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT'
  || (t.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'file', 'range',
                                 'color', 'reset'].includes(t.type)));
const editor = () => document.querySelector('.st-key-edit_box ' + FORM + ' textarea');
// The box's text as the page gave it, by the box's widget key (edit_LINK_K_REV, add_LINK_REV):
// kept on the element, it was lost when a rerun drew the box anew (switching to Proofread),
// and the typing then went unguarded. Taken just before the first edit (beforeinput: typing,
// pasting, dropping, deleting), not when the box gets focus: the box drawn anew after Ctrl+S
// is focused again (views/a11y.py) while it may still be empty, and that empty text, taken
// for the page's, made Close ask about typing already saved.
const original = new Map();
const boxKey = t => [...(t.closest('[class*="st-key-edit_"], [class*="st-key-add_"]')?.classList || [])]
  .find(c => /^st-key-(edit|add)_[0-9_]+$/.test(c));
document.addEventListener('beforeinput', e => {
  const t = e.target, k = t.tagName === 'TEXTAREA' && t.closest('.st-key-edit_box') && boxKey(t);
  if (k && !original.has(k)) original.set(k, t.value);
}, true);
const pending = () => { const t = editor(), k = t && boxKey(t);
  return !!k && original.has(k) && t.value !== original.get(k); };
window.__alignmentPending = pending;
const ask = () => window.confirm('The text typed in "Edit the target sentence" is not applied. '
                                 + 'Leave it and lose it?');
// Space on a focused button, link, summary or option presses that control, as everywhere: the
// app's Space shortcut (Learn's Reveal) took it, so Space on "Next sentence", Close or a row's
// "show" revealed the sentence instead. J and K on the Mode options (where arrow keys leave the
// focus after switching to Learn) step the sentences, as they do elsewhere on the page.
window.addEventListener('keydown', e => {
  const t = e.target;
  if (e.ctrlKey || e.metaKey || e.altKey || !t.closest) return;
  if (e.key === ' ' && t.closest('button, a[href], summary, [role="button"], [role="radio"], '
                                 + 'input[type="radio"], input[type="checkbox"], [role="option"]')) {
    e.stopPropagation();
    return;
  }
  const step = {j: 'learn_next', k: 'learn_prev'}[(e.key || '').toLowerCase()];
  if (step && t.closest('.st-key-mode')) {
    const b = document.querySelector(`.st-key-${step} button`);
    if (b) { e.stopPropagation(); e.preventDefault(); b.click(); }
  }
}, true);
const applySave = () => document.querySelector('.st-key-edit_box ' + FORM + ' .st-key-apply_save button');
// F3 / Shift+F3 anywhere, and Enter / Shift+Enter in the Find box once its text is applied, are
// "Next match" / "Previous match" (views/walk.py): no key went to the next hit. F2 puts the
// focus in the correction box (its panel opened), however many buttons the link has (8 to 11
// Tabs). Their clicks ask first like the buttons' (`guarded`).
const FIND = '.st-key-q input';
let findApplied = null;
window.addEventListener('focusin', e => { if (e.target.matches?.(FIND)) findApplied = e.target.value; }, true);
const press = sel => { const b = document.querySelector(sel);
  if (b && !b.disabled) { b.click(); return true; } return false; };
const toBox = tries => {
  const box = document.querySelector('.st-key-edit_box textarea');
  if (box && box.getClientRects().length && !box.closest('[inert]')) { box.focus(); return; }
  if (tries === 0) [...document.querySelectorAll('[data-testid="stExpander"] summary')]
    .find(s => s.textContent.includes('Correct a link'))?.click();
  if (tries < 30) setTimeout(() => toBox(tries + 1), 100);
};
window.addEventListener('keydown', e => {
  if (e.ctrlKey || e.metaKey || e.altKey || !e.target.closest) return;
  const t = e.target, inFind = t.matches(FIND);
  const step = e.key === 'F3' || (e.key === 'Enter' && inFind && t.value === findApplied && t.value)
    ? (e.shiftKey ? 'prev' : 'next') : null;
  if (e.key === 'Enter' && inFind) findApplied = t.value;   // Streamlit applies it
  if (step) {
    e.stopPropagation(); e.preventDefault();
    press(`.st-key-match_${step} button`);
  } else if (e.key === 'F2' && !document.querySelector('.st-key-edit_box')?.contains(t)) {
    e.stopPropagation(); e.preventDefault();
    toBox(0);
  }
}, true);
// Ctrl+S pressed while the page is still drawing the last action ("✓ Mark reviewed" with Enter,
// then Ctrl+S 50 ms later) found Save disabled and did nothing (6 times in 6): it waits for
// the action's run to end, then saves; nothing unsaved by then, nothing is done.
// Streamlit's own Ctrl+S on a Save just enabled by the run's end did nothing too (1 run in 3:
// its shortcut still held the button disabled), so the key is always handled here.
const SAVE = '.st-key-save button';
// Save enabled here for typing (below) holds the run it was enabled in: once a run has drawn
// the page, Streamlit's state rules (a correction applied enables it for good), and disabling it
// again when the typing went left it disabled with a change unsaved: Ctrl+S did nothing.
// A button's click asks for a run the page cannot see until the server begins it: on a busy
// machine 0.5 s and more after the key, and the save, given up after 0.5 s idle, was dropped.
// So a button clicked and no run begun or ended since is a run still to come, waited for up to
// AWAIT ms: a run quick enough to begin and end between two of the page's draws never changes
// the app's run state, and that click was waited for until the 60 s were up, the key's note with
// it (a journey on a loaded machine waited 45 s for the note, twice).
const AWAIT = 5000;
let runs = 0, awaited = 0;   // awaited: when the button was clicked, 0 once a run began or ended
new MutationObserver(() => {
  awaited = 0;
  if (!running()) runs++;
}).observe(document.body, {subtree: true, attributeFilter: ['data-test-script-state']});
window.addEventListener('click', e => {
  if (e.target.closest?.('button[data-testid^="stBaseButton"]')) awaited = performance.now();
}, true);
const typedOn = save => save.dataset.alignmentTyping === String(runs);
const running = () => !!document.querySelector('[data-testid="stApp"]:not([data-test-script-state="notRunning"])');
// Given up with changes still unsaved on the page: it says so for 8 s (a key that did nothing
// read as a save done).
const unsavedNote = () => {
  if (![...document.querySelectorAll('[data-testid="stCaptionContainer"]')]
    .some(c => /[0-9]+ unsaved changes?/.test(c.textContent))) return;
  const note = Object.assign(document.createElement('div'), {role: 'alert',
    textContent: 'Ctrl+S did not save: the page was busy. Press Save.'});
  note.style.cssText = 'position:fixed;bottom:1rem;left:50%;transform:translateX(-50%);z-index:999;'
    + 'background:#fff3cd;color:#664d03;padding:.5rem 1rem;border-radius:.5rem';
  document.body.appendChild(note);
  setTimeout(() => note.remove(), 8000);
};
let saveQueued = false;
const queueSave = () => {   // true: the key is taken, Save pressed at once or once enabled
  const save = document.querySelector(SAVE);
  if (!save || typedOn(save)) return false;
  if (saveQueued) return true;
  saveQueued = true;
  const start = performance.now();
  let idle = 0;
  const wait = () => {
    const b = document.querySelector(SAVE), now = performance.now();
    // pressed once the run has ended: a Save drawn enabled while it still ran lost the click
    if (b && !b.disabled && !typedOn(b) && !running()) { saveQueued = false; b.click(); return; }
    idle = running() || (awaited && now - awaited < AWAIT) ? 0 : idle || now;
    // a run may start a moment after the key: given up only once idle for 0.5 s
    if (now - start > 60000 || (idle && now - idle > 500)) { saveQueued = false; unsavedNote(); return; }
    setTimeout(wait, 50);
  };
  wait();
  return true;
};
window.addEventListener('keydown', e => {
  const t = e.target;
  if (!(e.ctrlKey || e.metaKey)) return;
  if ((e.key || '').toLowerCase() === 's' && t.closest?.('.st-key-edit_box') && !textish(t)) {
    // Ctrl+S on the correction form's buttons, as in its text box: apply, then save
    e.stopPropagation(); e.preventDefault();
    t.closest(FORM)?.querySelector('.st-key-apply_save button')?.click();
    return;
  }
  if ((e.key || '').toLowerCase() === 's' && pending() && applySave()) {
    // Ctrl+S elsewhere (the app's Save) with typing not applied: apply it, then save
    e.stopPropagation(); e.preventDefault();
    applySave().click();
    return;
  }
  if ((e.key || '').toLowerCase() === 's' && !t.closest?.('.st-key-edit_box') && queueSave()) {
    e.stopPropagation(); e.preventDefault();
    return;
  }
  if (!textish(t)) {   // the app's Undo / Redo keys
    const u = (e.key || '').toLowerCase();
    if ((u === 'z' || u === 'y') && pending() && !ask()) { e.stopPropagation(); e.preventDefault(); }
    return;
  }
  const k = (e.key || '').toLowerCase();
  if (k === 'z' || k === 'y') { e.stopPropagation(); return; }
  if (k === 's' && t.closest('.st-key-edit_box')) {
    e.stopPropagation(); e.preventDefault();
    t.closest(FORM)?.querySelector('.st-key-apply_save button')?.click();
  }
}, true);
// Ctrl+Z / Ctrl+Y outside a text field are the app's Undo and Redo, nothing else: with nothing
// left to undo, the browser's own undo went back in the last field edited (the Link box: 8
// became 1, another link chosen without a word) and left the focus there, so the next Ctrl+Y
// stayed with that field. Listened for last (bubble phase on window), after the app's shortcut.
window.addEventListener('keydown', e => {
  const u = (e.key || '').toLowerCase();
  if ((e.ctrlKey || e.metaKey) && (u === 'z' || u === 'y') && !textish(e.target)) e.preventDefault();
});
// Buttons that put another sentence in the correction box (its typing would be gone)
const REPLACES = ['close', 'merge_prev', 'merge_next', 'split', 'undo', 'redo', 'reload',
  'recover_yes', 'review_prev', 'review_next', 'review_and_next', 'match_prev', 'match_next'].map(k => `.st-key-${k} button`).join(', ')
  + ', [class*="st-key-move_"] button, [class*="st-key-jump_"] button';
const guarded = e => {
  const t = e.target;
  if (!t.closest) return false;
  if (t.closest(REPLACES)) return true;
  if (t.closest('.st-key-mode')) {   // Learn draws no correction box
    const option = t.closest('label');
    return e.type === 'keydown' ? ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key)
      : !!option && option.textContent.trim() === 'Learn';
  }
  const sel = t.closest('.st-key-sel');
  if (!sel) return false;
  return e.type !== 'keydown' || ['Enter', 'ArrowUp', 'ArrowDown', 'Tab'].includes(e.key);
};
// A text sent by Apply (its button, or Ctrl+S) is on its way: Close clicked before the page
// comes back must not ask about it (only an empty text is refused, and it loses nothing).
// The toolbar's Save with typing not applied is "Apply and save": it saved the file without
// the typed text, and the person took it for saved.
window.addEventListener('click', e => {
  if (!e.target.closest?.('.st-key-save button') || !pending() || !applySave()) return;
  e.stopPropagation(); e.preventDefault();
  applySave().click();
  const save = e.target.closest('.st-key-save button');
  if (typedOn(save)) save.disabled = true;
  delete save.dataset.alignmentTyping;
}, true);
// Save is disabled while nothing is unsaved, so with typing alone in the box it could not be
// pressed (Ctrl+S could): it is enabled while typing waits, and its click is "Apply and save".
// Only the box's own input counts: a run too quick for the page to show it running is not
// counted in `runs`, and the input of a link number (a reader row's click, or typed) then took
// the Apply's Save for the typing's, and disabled it with the correction unsaved: Ctrl+S
// right after the click found Save disabled and did nothing (the browser test below, 1 run
// in 3 on a busy machine).
document.addEventListener('input', e => {
  const save = document.querySelector('.st-key-save button');
  if (!save || !e.target.closest?.('.st-key-edit_box')) return;
  if (pending() && save.disabled) { save.disabled = false; save.dataset.alignmentTyping = String(runs); }
  else if (!pending() && save.dataset.alignmentTyping) {
    if (typedOn(save)) save.disabled = true;
    delete save.dataset.alignmentTyping;
  }
}, true);
window.addEventListener('click', e => {
  if (!e.target.closest?.('.st-key-edit_box button')) return;
  const t = editor(), k = t && boxKey(t);
  if (k) original.set(k, t.value);
}, true);
// One answer per gesture: a click on an option's text comes again as a click on its label.
// Only that same label or button reuses the answer: Close clicked just after a refused switch
// to Learn was stopped without a word (a browser test failed one run in five). And only in the
// same gesture: Close clicked again within 0.4 s of a "Cancel" was taken for the first click's
// echo and stopped without a question (on a loaded machine the answer itself came late).
let answered = {at: -1e9, ok: false, on: null, gesture: -1};
const stop = e => {   // false: the typing is kept, and the event stopped
  if (!guarded(e) || !pending()) return true;
  const on = e.target.closest('label, button') || e.target;
  const again = on === answered.on && answered.gesture === gesture && performance.now() - answered.at < 400;
  const ok = again ? answered.ok : ask();
  answered = {at: performance.now(), ok, on, gesture};
  if (!ok) { e.stopPropagation(); e.preventDefault(); }
  return ok;
};
// The Link box applies its number on Enter, an arrow key, its + and - (on their click), or
// when it loses the focus (Streamlit's rule). Refused, the number typed there is put back to
// the one it showed when it got the focus: left in it, a click on "Next page" applied it
// without a word. The click that ends a refused press of + or - is stopped too: the press
// alone was, and the next link came all the same. Answered yes, the press is clicked here: the
// question, shown while the button was held down, took its release (a person lets go of the
// mouse on the question's OK), the click never came and the link stayed. The click of the
// press itself, where it comes after all, is then stopped: one step per press.
const SEL = '.st-key-sel input';
let selShown = null, settling = false, refusedPress = null, steppedPress = null;
window.addEventListener('focusin', e => {
  if (!settling && e.target.matches?.(SEL)) selShown = e.target.value;
}, true);
const putBack = (input, then) => {
  settling = true;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, selShown);
  input.dispatchEvent(new Event('input', {bubbles: true}));
  setTimeout(() => {   // once drawn: applying the number shown changes nothing, and ends the edit
    input.dispatchEvent(then === 'Enter' ? new KeyboardEvent('keydown',
      {key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true}) : new FocusEvent('focusout', {bubbles: true}));
    settling = false;
  }, 0);
};
const keepLink = () => {
  const input = document.querySelector(SEL);
  if (input && input === document.activeElement && selShown !== null && input.value !== selShown)
    putBack(input, 'Enter');
};
window.addEventListener('click', e => {
  const press = e.target.closest?.('.st-key-sel button');
  if (press && (press === refusedPress || (e.isTrusted && press === steppedPress))) {
    e.stopPropagation(); e.preventDefault();
    steppedPress = null;
  }
  if (!e.target.closest?.('.st-key-sel')) stop(e);
}, true);
window.addEventListener('mousedown', e => {
  const press = e.target.closest?.('.st-key-sel button');
  const asking = !!press && pending();
  refusedPress = press && !stop(e) ? press : null;
  steppedPress = asking && !refusedPress ? press : null;
  if (refusedPress) keepLink();
  if (steppedPress) setTimeout(() => press.click(), 0);
}, true);
window.addEventListener('keydown', e => {
  const t = e.target;
  steppedPress = null;   // a key's own click on + or - is its press (no mousedown before it)
  if (settling || !t.closest?.('.st-key-sel, .st-key-mode')) return;
  if (!stop(e)) keepLink();
  else if (t.matches(SEL) && ['Enter', 'ArrowUp', 'ArrowDown'].includes(e.key))
    setTimeout(() => { selShown = t.value; }, 0);   // applied: the box's link now
}, true);
window.addEventListener('focusout', e => {
  const t = e.target;
  if (settling || !t.matches?.(SEL) || selShown === null || t.value === selShown || !pending()) return;
  const again = answered.ok && performance.now() - answered.at < 400;   // its + or - pressed
  const ok = again || ask();
  answered = {at: performance.now(), ok, on: e.relatedTarget?.closest?.('label, button') || null, gesture};
  if (!ok) { e.stopImmediatePropagation(); putBack(t, 'focusout'); }
}, true);
// Applied corrections not saved and no recovery draft to keep them (views/keys.UNDRAFTED).
// The mark is drawn near the page's end, the toolbar's Save at its top: F5 just after a save,
// while the save's run was still drawing, found the old mark and asked about work the server
// had saved already. For unsaved corrections ("unsaved") the toolbar's Save, drawn disabled by
// that run, is the server's word that nothing is left; a version a reload set aside ("unheld")
// keeps asking while its mark is there.
const undrafted = () => {
  const mark = document.querySelector('[data-alignment-undrafted]');
  if (!mark) return false;
  const save = document.querySelector(SAVE);
  return mark.dataset.alignmentUndrafted !== 'unsaved' || !save || !save.disabled;
};
// A note typed in the correction panel (views/notes.py) is saved when its box is left (the
// change Streamlit sends on blur), so only while the box keeps the focus is there typing a
// reload or a closed tab would lose: its text then differs from the one it had before typing.
const noteBefore = new WeakMap();
document.addEventListener('beforeinput', e => {
  const t = e.target;
  if (t.tagName === 'TEXTAREA' && t.closest('.st-key-note_edit') && !noteBefore.has(t)) noteBefore.set(t, t.value);
}, true);
document.addEventListener('focusout', e => { noteBefore.delete(e.target); }, true);   // left: sent, saved
const noteTyped = () => {
  const t = document.activeElement;
  return !!t && t.tagName === 'TEXTAREA' && !!t.closest('.st-key-note_edit')
    && noteBefore.has(t) && noteBefore.get(t) !== t.value;
};
window.addEventListener('beforeunload', e => {
  if (pending() || undrafted() || noteTyped()) { e.preventDefault(); e.returnValue = ''; }
});
// A click on a row of the reader's table chooses that link, as its number typed in the Link
// box would (the box's panel opened if it is closed); not a click on a control in the row,
// nor one that ends a selection of text to copy. Typing not applied asks first, once.
// The panel is opened by a click on its header, as a person opens it: set open in the page
// alone, it was drawn open while Streamlit held it closed (its arrow closed, its content
// inert: the box took no focus, "Mark reviewed" did nothing). On a phone the panel is then
// brought into view: it was thousands of pixels above the row tapped.
const choose = (n, tries) => {
  const input = document.querySelector('.st-key-sel input');
  if (!input) {
    if (tries === 0) [...document.querySelectorAll('[data-testid="stExpander"] summary')]
      .find(s => s.textContent.includes('Correct a link'))?.click();
    if (tries < 20) setTimeout(() => choose(n, tries + 1), 100);
    return;
  }
  const panel = input.closest('[data-testid="stExpander"]');
  if (input.closest('[data-testid="stExpanderDetails"][inert]')) panel?.querySelector('summary')?.click();
  if (panel && innerWidth < 640) requestAnimationFrame(() => {
    panel.style.scrollMarginTop = '4rem';   // below Streamlit's header
    panel.scrollIntoView({block: 'start'});
  });
  answered = {at: performance.now(), ok: true, on: input, gesture};
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, n);
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true}));
};
// A word tapped on a touch screen lights its counterpart (a tap is a hover there) and chooses
// nothing: the rerun drew the rows anew and the light went out, and a phone's page jumped up to
// the panel. Tapped elsewhere in its row (its number), the link is chosen.
let pointer = '';
window.addEventListener('pointerdown', e => { pointer = e.pointerType; }, true);
window.addEventListener('click', e => {
  const row = e.target.closest?.('tr[id^="link-"]');
  if (!row || e.target.closest('a, button, summary, input, textarea')) return;
  if (String(window.getSelection() || '') !== '') return;
  if ((e.pointerType || pointer) === 'touch' && e.target.closest('mark.w')) return;
  if (pending() && !ask()) return;
  choose(row.id.slice('link-'.length), 0);
});
})()
