"""Text typed in the correction box of a tab whose server was restarted, kept.

Why: after a crash and a restart, the tab's next click ("Apply and save", "Apply edit") lands on
the start page of a new session, and the start page said the typed text was lost. It was not:
the click sends the form's widget values with it, under the box's key (edit_LINK_K_REV,
add_LINK_REV: views/editor.py), though the new session knows no such widget. They are read
here from the widget states as the browser sent them, before the run ends and drops them.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from alignment import browse, drafts
from alignment.errors import AlignmentError
from alignment.types import Bitext

_KEY = re.compile(r"^(?:edit_(\d+)_(\d+)|add_(\d+))_(\d+)$")


class Typed(NamedTuple):
    """A correction box's text: link `link` (0-based), its target sentence `sentence`, or
    None for the missing translation of an omission."""

    link: int
    sentence: int | None
    text: str

    def where(self) -> str:
        return f"link {self.link + 1:,}" + (f" (sentence {self.sentence + 1})"
                                            if self.sentence else "")


def typed_in_boxes() -> tuple[Typed, ...]:
    """The correction boxes' texts the browser sent with this run (empty ones left out)."""
    from streamlit.runtime.state.common import user_key_from_element_id
    from streamlit.runtime.state.session_state_proxy import get_session_state

    state = getattr(get_session_state(), "_state", None)
    widgets = getattr(getattr(state, "_new_widget_state", None), "states", {})
    newest: dict[tuple[int, int | None], tuple[int, Typed]] = {}
    for wid, held in list(widgets.items()):
        found = _KEY.match(user_key_from_element_id(wid) or "")
        text = _text_of(getattr(held, "value", None))
        if found is None or not (text or "").strip():
            continue
        edit, k, add, rev = found.groups()
        item = Typed(int(edit or add), None if add else int(k), text)
        if newest.get(item[:2], (-1,))[0] < int(rev):
            newest[item[:2]] = (int(rev), item)
    return tuple(item for _, item in sorted(newest.values(), key=lambda v: v[1][:2]))


def _text_of(value: Any) -> str | None:
    """A text widget's value, as sent by the browser (a WidgetState) or read already."""
    if isinstance(value, str):
        return value
    which = getattr(value, "WhichOneof", None)
    return value.string_value if which is not None and which("value") == "string_value" else None


def with_typed(bitext: Bitext, typed: tuple[Typed, ...]) -> tuple[Bitext, tuple[Typed, ...]]:
    """`bitext` with each typed text applied as the box would have applied it, and those
    applied. A text that no longer fits the version (no such link or sentence, a link that
    has a translation now, a text refused) is left out, to be shown, not guessed at; one
    that is the sentence as it was is no correction."""
    applied = []
    for item in typed:
        links = bitext.alignment.links
        if not 0 <= item.link < len(links):
            continue
        link = links[item.link]
        try:
            if item.sentence is None and not link.tgt:
                bitext = browse.add_target(bitext, item.link, item.text)
            elif item.sentence is not None and item.sentence < len(link.tgt) and \
                    item.text.strip() != bitext.tgt[link.tgt[item.sentence]].text.strip():
                bitext = browse.edit_target(bitext, item.link, item.sentence, item.text)
            else:
                continue
        except AlignmentError:
            continue
        applied.append(item)
    return bitext, tuple(applied)


def typed_changes(bitext: Bitext, typed: tuple[Typed, ...]) -> tuple[Typed, ...]:
    """The typed texts that differ from what the box showed: the rest is no typing."""
    links = bitext.alignment.links
    return tuple(item for item in typed if not (
        item.sentence is not None and item.link < len(links)
        and item.sentence < len(links[item.link].tgt)
        and item.text.strip() == bitext.tgt[links[item.link].tgt[item.sentence]].text.strip()))


def into_draft(draft: drafts.Draft, typed: tuple[Typed, ...]) -> tuple[Typed, ...]:
    """The typed texts made corrections in `draft` (the tab's version when its server went:
    every change writes it), the draft written again; returns those applied."""
    bitext, applied = with_typed(draft.bitext, typed)
    if not applied:
        return ()
    try:
        drafts.write_draft(bitext, draft.po_path, base_fingerprint=draft.base_fingerprint,
                           changes=draft.changes + len(applied), title=draft.title,
                           key=draft.key, session=draft.session, origin=draft.origin)
    except OSError:   # the drafts folder read-only or full: the texts are shown to copy
        return ()
    return applied
