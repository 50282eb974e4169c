"""Which recovery drafts belong to a text still open in a tab of this server.

Why: the start page offered the draft of a text open in another tab as if a crash had left
it: one click on Discard deleted that tab's only copy of its unsaved corrections, and the
same file opened in a second tab offered them as "kept from an earlier session" (recovering
them there deleted the first tab's draft). Each opening of a text writes drafts under a name
of its own (ss.draft_session, drafts.Draft.session); this server notes which Streamlit session
holds each opening, and asks Streamlit whether that session is still connected. A reloaded or
closed tab, or a server started again, leaves its drafts to be offered, as before.
"""

from __future__ import annotations

import threading

from alignment import drafts

KEEP = 1024   # openings remembered (the oldest forgotten first)

_open: dict[str, str] = {}   # opening (a draft's session) -> the Streamlit session holding it
_lock = threading.Lock()


def _session_id() -> str:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else ""


def note_open(opening: str) -> None:
    """This tab holds `opening` now (and no other: a tab shows one text)."""
    sid = _session_id()
    with _lock:
        for old in [k for k, v in _open.items() if v == sid]:
            del _open[old]
        if sid and opening:
            _open[opening] = sid
        while len(_open) > KEEP:
            del _open[next(iter(_open))]


def note_closed(opening: str) -> None:
    """The opening was closed: its drafts left (a version a reload set aside) are offered."""
    with _lock:
        _open.pop(opening, None)


def known(opening: str) -> bool:
    """Whether this server saw `opening` (a tab reloaded), not one begun before it started."""
    with _lock:
        return opening in _open


def open_elsewhere(draft: drafts.Draft) -> bool:
    """Whether the draft belongs to a text open in another tab, still connected to this server."""
    from streamlit import runtime

    with _lock:
        sid = _open.get(draft.session) if draft.session else None
    if not sid or sid == _session_id() or not runtime.exists():
        return False
    # `is True`: a stand-in runtime (Streamlit's AppTest) answers with a mock, not a yes
    return runtime.get_instance().is_active_session(sid) is True
