"""A save asked in the same Streamlit run as other actions saves what they did.

Why: a click sent while the server had not yet begun the run of the click before it is merged
into that run (Streamlit keeps both buttons' triggers), and Streamlit then runs the buttons'
callbacks in the page's order, not the order they were pressed: Save, drawn before Undo, saved
first and Undo came after it. In the browser, Ctrl+Z then Ctrl+S at once after a click on a
reader row left "1 unsaved change" and a file without the undo, about one run in three on a
busy machine. AppTest clicks both buttons before one run: the same merged run, every time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment.po import read_po
from test_app import env, open_sample, sample_po  # noqa: F401 (fixtures)


def test_undo_and_save_in_one_run_save_the_undone_text(env):  # noqa: F811
    at = open_sample(env)
    path = Path(at.session_state["path"])
    at.button(key="review").click().run()
    at.button(key="merge_next").click().run()
    merged = at.session_state["history"].current.alignment.links
    at.button(key="undo").click()
    at.button(key="save").click().run()
    assert not at.exception, at.exception
    assert len(at.session_state["history"].current.alignment.links) != len(merged)
    on_disk = read_po(path)
    assert on_disk.alignment == at.session_state["history"].current.alignment
    assert on_disk.alignment.links[0].reviewed
    assert not any("unsaved change" in c.value for c in at.caption)


@pytest.mark.parametrize("action", ["review", "merge_next"])
def test_an_action_and_save_in_one_run_save_the_action(env, action):  # noqa: F811
    at = open_sample(env)
    path = Path(at.session_state["path"])
    at.button(key="review").click().run()          # something unsaved: Save enabled
    at.number_input(key="sel").set_value(2).run()
    at.button(key="save").click()
    at.button(key=action).click().run()
    assert not at.exception, at.exception
    assert read_po(path).alignment == at.session_state["history"].current.alignment
    assert not any("unsaved change" in c.value for c in at.caption)


def test_save_then_close_in_one_run_closes_without_asking(env):  # noqa: F811
    at = open_sample(env)
    path = Path(at.session_state["path"])
    at.button(key="review").click().run()
    at.button(key="save").click()
    at.button(key="close").click().run()
    assert not at.exception, at.exception
    assert "history" not in at.session_state
    assert read_po(path).alignment.links[0].reviewed


class NewerClick(Exception):
    """What Streamlit's check raises on finding a newer click: the run ends there."""


def test_a_run_s_callbacks_run_before_a_newer_click_can_end_it():
    """Streamlit looked for a newer click before a run's callbacks and, finding one, ended the
    run with none of them run: the Undo whose run it was never happened (Ctrl+Z then Ctrl+S
    on a busy machine saved the text without the undo). Wrapped, the callbacks run whole and
    the newer click is found right after them."""
    from streamlit.runtime.state.safe_session_state import SafeSessionState

    from views.click_order import keep_every_click

    class Inner:   # Streamlit's SessionState, as far as this step goes
        def __init__(self) -> None:
            self.ran: list[str] = []

        def on_script_will_rerun(self, states, **kwargs) -> None:
            self.ran.append(states)

    def newer_click() -> None:
        raise NewerClick

    assert keep_every_click() and keep_every_click()   # once, however often asked
    inner = Inner()
    state = SafeSessionState(inner, yield_callback=newer_click)
    state.on_script_will_rerun("undo pressed")
    assert inner.ran == ["undo pressed"]
    with pytest.raises(NewerClick):   # still found, after the callbacks
        state["anything"]


def widget_states(*pairs):
    """A WidgetStates message as the page sends it: (key, kind, value) per widget."""
    from streamlit.proto.WidgetStates_pb2 import WidgetStates

    states = WidgetStates()
    for key, kind, value in pairs:
        widget = states.widgets.add()
        widget.id = f"$$ID-0123-{key}"
        setattr(widget, kind, value)
    return states


@pytest.mark.parametrize("timed, pressed", [(True, []), (False, ["review"])])
def test_a_press_a_timed_rerun_also_carries_acts_once(timed, pressed):
    """The page sent a button's press twice when a fragment's timed rerun (the checks' bar)
    went out between the click and the click's own message: the review was done twice. The
    timed rerun enters the runner without the press; the click's own message keeps it, and
    every other widget's value is kept in both."""
    from streamlit.runtime.scriptrunner_utils.script_requests import RerunData, ScriptRequests

    from views.click_order import press_once

    assert press_once() and press_once()   # once, however often asked
    requests = ScriptRequests()
    states = widget_states(("review", "trigger_value", True), ("find", "string_value", "pont"),
                           ("jump", "json_trigger_value", '["3"]'))
    requests.request_rerun(RerunData(widget_states=states, is_auto_rerun=timed))
    got = requests.on_scriptrunner_ready().rerun_data.widget_states
    kept = {w.id.rsplit("-", 1)[-1]: getattr(w, w.WhichOneof("value")) for w in got.widgets}
    assert kept.pop("find") == "pont"
    assert sorted(k for k in kept if k in ("review",)) == pressed
    assert ("jump" in kept) is not timed
    assert len(states.widgets) == 3   # the message itself is left as it came
