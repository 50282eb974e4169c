"""Keys typed in a text field belong to the field; a typed, unapplied correction is not lost.

Why: Streamlit's button shortcuts fire even when the focus is in a text field if the key has
Ctrl or Cmd (its filter lets modified keys through). So Ctrl+Z typed in the correction box or
in the search box undid the last *applied* correction, silently, and Ctrl+S in the correction
box saved the file without the text typed there (a form sends its text only on submit). This
script, drawn once per page, catches those keys first (capture phase on window, before the
shortcut library's listener on document):

- Ctrl/Cmd+Z and +Y in any text field stay with the field (its own undo), not the app's Undo;
  outside one they are the app's Undo and Redo only, never the browser's undo of a field.
- Ctrl/Cmd+S outside the correction box presses Save itself; while a run is drawing the last
  action it waits for it, then saves: it was dropped, and only "1 unsaved change" said so.
- Ctrl/Cmd+S in the correction box (its text or its buttons) is "Apply and save": the typed
  text is applied, then saved. So is the toolbar's Save (its button, or Ctrl+S outside the
  box) while the box holds typing not applied: it saved without it, and the person took the
  typed text for saved.
- F3 / Shift+F3 (or Enter / Shift+Enter in the Find box, its text applied) go to the next or
  previous link the search shows; F2 puts the focus in the correction box.
- Space on a focused button, summary or option presses it (the app's Space shortcut, Learn's
  Reveal, took it); J and K on the Mode options step Learn's sentences.
- Close, another link number, or leaving the page while the correction box holds text that was
  typed and not applied asks first (a browser confirm; the page's own guard cannot know: the
  form keeps the text in the browser until it is submitted). Leaving the page also asks while
  applied corrections are unsaved and no recovery draft could be written, or a version a
  reload set aside is kept nowhere (`UNDRAFTED`). Text sent by an Apply button or
  Ctrl+S counts as applied at once: Close clicked before the page comes back asks nothing.
- So do the other clicks and keys that put a new sentence in the box: merge, split, moving a
  boundary sentence, Undo and Redo (buttons, or Ctrl+Z / Ctrl+Y outside a text field), reload
  from disk, recover a draft, a Proofread finding's jump to its link, the review buttons (previous,
  next, "Reviewed, next"). They threw the typed text
  away without a word. "Mark reviewed" leaves the sentences as they were, and the box keeps
  the typing (views/editor.py), so it asks nothing.
- The Link box's + and -, and a number typed there then left (Enter, Tab, a click elsewhere:
  Streamlit applies it), ask the same way; answered no, the box shows its link again (it kept
  the number, and the next click applied it without a word).
- A click on a row of the reader's table chooses that link (as its number typed in the Link box;
  the box's panel opens), and asks first the same way; a word tapped on a touch screen does
  not (it lights its counterpart, views/touch.py).
- So does the Mode switch to Learn (a click on it, or an arrow key in the Mode buttons): Learn
  draws no correction box, and coming back to Read showed the link's old sentence. Proofread
  keeps the box and its typing, so a click on it asks nothing.
"""

from __future__ import annotations

from pathlib import Path

_SCRIPT = "<script>" + (Path(__file__).with_name("keys.js")
                        .read_text(encoding="utf-8").rstrip("\n")) + "</script>"
"""The script (views/keys.js), read once at import: the same text on every run."""


UNDRAFTED = '<span data-alignment-undrafted="{why}" style="display:none"></span>'
"""Drawn while corrections are unsaved and no recovery draft could be written ("unsaved"), or
a version a reload set aside is kept nowhere ("unheld"): the script then asks before the page
is left (a reload or a closed tab lost them without a word)."""


def key_guard_script() -> str:
    """The script above (the same text on every run: the browser installs it once), and the
    mark of unsaved corrections kept nowhere else (`UNDRAFTED`): those shown, or the version a
    reload set aside, one Undo away (views/saving.unheld_version; a reload cleared the
    warning, and F5 lost it without a word)."""
    from .common import ss, unsaved
    from .saving import unheld_version

    why = "unheld" if unheld_version() else \
        "unsaved" if ss.get("draft_failed") and unsaved() else ""
    return _SCRIPT + (UNDRAFTED.format(why=why) if why else "")
