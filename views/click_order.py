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

`press_once` makes a click act once. The page keeps a pressed button in its widget states from
the click until its own rerun message goes out, a moment later (a zero-delay timer); a
fragment's timed rerun (`run_every`: the bar of a running job, views/jobs.py) sent in that
moment carried the press too, and the click acted twice: "✓ Mark reviewed" clicked once while
the checks ran gave "1 reviewed · 2 unsaved changes" (the browser journey
test_proofread_a_long_text_the_page_answers_while_the_checks_run, which makes that moment
come, and the page's log showed two messages, 10 ms apart, both pressing it). A merge or an
undo would be done twice. The press always follows in its own message, so a timed rerun's
presses are dropped on arrival: `press_once` wraps ScriptRequests.request_rerun, where every
rerun the page asks for, the timed ones marked so, enters the script's runner.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any

_WRAPPED = "_alignment_keeps_every_click"
_PRESSES = ("trigger_value", "string_trigger_value", "chat_input_value", "json_trigger_value")


def _wrap_once(owner: Any, name: str, wrap: Callable[[Callable[..., Any]], Callable[..., Any]]) -> bool:
    """Put `wrap(original)` in place of Streamlit's `owner.name`, once per process (marked, so
    a second call finds it done); False where Streamlit has no such method."""
    original = getattr(owner, name, None)
    if original is None:
        return False
    if not getattr(original, _WRAPPED, False):
        wrapped = functools.wraps(original)(wrap(original))
        setattr(wrapped, _WRAPPED, True)
        setattr(owner, name, wrapped)
    return True


def keep_every_click() -> bool:
    """Wrap Streamlit's start of a run's callbacks once per process; False where Streamlit
    has no such method to wrap."""
    try:
        from streamlit.runtime.state.safe_session_state import SafeSessionState
    except ImportError:
        return False

    def wrap(original: Callable[..., Any]) -> Callable[..., Any]:
        def will_rerun(self: Any, *args: Any, **kwargs: Any) -> Any:
            check = getattr(self, "_yield_callback", None)
            if check is None:
                return original(self, *args, **kwargs)
            object.__setattr__(self, "_yield_callback", lambda: None)
            try:
                return original(self, *args, **kwargs)
            finally:
                object.__setattr__(self, "_yield_callback", check)
        return will_rerun

    return _wrap_once(SafeSessionState, "on_script_will_rerun", wrap)


def without_presses(states: Any) -> Any:
    """A copy of a WidgetStates message without its buttons' presses (trigger values); the
    other widgets' values are kept."""
    kept = type(states)()
    kept.widgets.extend(w for w in states.widgets if w.WhichOneof("value") not in _PRESSES)
    return kept


def press_once() -> bool:
    """Drop the presses a fragment's timed rerun carries, once per process; False where
    Streamlit has no such method to wrap."""
    try:
        from streamlit.runtime.scriptrunner_utils.script_requests import ScriptRequests
    except ImportError:
        return False

    def wrap(original: Callable[..., Any]) -> Callable[..., Any]:
        def request_rerun(self: Any, data: Any, *args: Any, **kwargs: Any) -> Any:
            if getattr(data, "is_auto_rerun", False) and getattr(data, "widget_states", None):
                data = dataclasses.replace(data, widget_states=without_presses(data.widget_states))
            return original(self, data, *args, **kwargs)
        return request_rerun

    return _wrap_once(ScriptRequests, "request_rerun", wrap)
