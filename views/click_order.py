"""Every click acts: a run's callbacks run before a newer click can end the run.

Why: a click's rerun that reaches the server as the run of the click before it begins was lost.
Streamlit (1.67) looks for a newer click at the very start of a run's callbacks, and on
finding one ends the run there, before any callback, and starts the newer click's run; the
older click's button is not in that run's request, so its callback never runs. Ctrl+Z then
Ctrl+S on a busy machine: the Undo's run began, the Save's click came, the Undo never
happened and the text was saved without it (the browser journey in
tests/e2e/test_save_races.py failed 2 runs of 38: its log showed the Undo's press sent, and
the file was saved without the undo; 28 of 28 runs passed with the wrap).

`keep_every_click` has Streamlit apply a run's widget changes and run their callbacks whole,
then look for a newer click, as it does right after them anyway (its own check there ends the
run, the callbacks done, and the newer click's run follows). It wraps Streamlit's
SafeSessionState.on_script_will_rerun, the one place that looks first; where a release lacks
it or its yield check, nothing is wrapped and tests/test_save_after_actions.py fails to say so.
Each callback is also run whole on its own (views/common.uninterrupted).
"""

from __future__ import annotations

import functools
from typing import Any

_WRAPPED = "_alignment_keeps_every_click"


def keep_every_click() -> bool:
    """Wrap Streamlit's start of a run's callbacks once per process; False where Streamlit
    has no such method to wrap."""
    try:
        from streamlit.runtime.state.safe_session_state import SafeSessionState
    except ImportError:
        return False
    original = getattr(SafeSessionState, "on_script_will_rerun", None)
    if original is None:
        return False
    if getattr(original, _WRAPPED, False):
        return True

    @functools.wraps(original)
    def will_rerun(self: Any, *args: Any, **kwargs: Any) -> Any:
        check = getattr(self, "_yield_callback", None)
        if check is None:
            return original(self, *args, **kwargs)
        object.__setattr__(self, "_yield_callback", lambda: None)
        try:
            return original(self, *args, **kwargs)
        finally:
            object.__setattr__(self, "_yield_callback", check)

    setattr(will_rerun, _WRAPPED, True)
    SafeSessionState.on_script_will_rerun = will_rerun
    return True
