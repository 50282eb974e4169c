"""The reader's word links (views/words.py) through streamlit's AppTest (hashing embedder).

"Find word links" runs in a worker thread; the page polls it (a fragment rerun twice a
second in the browser); here `found` reruns the script as that polling does.
"""

from __future__ import annotations

import threading
import time

import pytest

from test_app import env, open_sample, rows_html, sample_po  # noqa: F401 (fixtures)


def found(at, timeout: float = 60):
    """Rerun until the word links are in the text (as the page's polling does)."""
    deadline = time.monotonic() + timeout
    while not any(link.words for link in at.session_state.history.current.alignment.links):
        assert time.monotonic() < deadline, "no word links"
        time.sleep(0.1)
        at.run()
        assert not at.exception, at.exception
    return at


def test_find_word_links_then_rows_mark_words_and_the_glossary_lists_pairs(env):  # noqa: F811
    at = open_sample(env)
    assert "mark class=\"w" not in rows_html(at)
    at.button(key="find_words").click().run()
    assert not at.exception, at.exception
    found(at)
    assert '<mark class="w wg' in rows_html(at)
    assert any("Word links found" in s.value for s in at.sidebar.success)
    assert not at.dataframe  # the glossary is made when its panel opens
    at.session_state["gloss_open"] = True  # what a click on the panel's title does
    glossary = at.run().dataframe[-1].value
    assert len(glossary) > 20 and {"fr", "en", "count"} <= set(glossary.columns)
    at.text_input(key="gloss_q").input("pont").run()
    assert all("pont" in a or "pont" in b
               for a, b in zip(at.dataframe[-1].value["fr"], at.dataframe[-1].value["en"]))
    at.checkbox(key="word_hover").uncheck().run()
    assert '<mark class="w' not in rows_html(at)


def test_found_word_links_are_an_unsaved_change_kept_in_the_recovery_draft(env):  # noqa: F811
    from pathlib import Path

    from alignment import drafts

    at = open_sample(env)
    path = Path(at.session_state["path"])
    at.button(key="find_words").click().run()
    found(at)
    assert "word links not saved" in at.caption[0].value   # not a person's correction
    draft = drafts.read_draft(path)  # a reload or a crash now loses nothing
    assert draft is not None and draft.changes == 1
    assert draft.bitext == at.session_state.history.current
    assert any(link.words for link in draft.bitext.alignment.links)
    at.button(key="save").click().run()
    assert drafts.read_draft(path) is None and "not saved" not in at.caption[0].value


@pytest.fixture
def held(monkeypatch):
    """The word linker reports its first step, then waits until the test lets it go."""
    from alignment import words

    go = threading.Event()
    real = words.link_bitext

    def link_bitext(bitext, *, progress=None, **kw):
        progress(1234, 5000, "encoding the words")
        assert go.wait(30), "never let go"
        return real(bitext, progress=progress, **kw)

    monkeypatch.setattr(words, "link_bitext", link_bitext)
    yield go
    go.set()


def test_the_page_shows_progress_and_edits_made_meanwhile_are_kept(env, held):  # noqa: F811
    at = open_sample(env)
    before = at.session_state.history.current
    at.button(key="find_words").click().run()
    deadline = time.monotonic() + 30
    while not any("1,234/5,000" in (p.proto.text or "") for p in at.sidebar.get("progress")):
        assert time.monotonic() < deadline, [p.proto.text for p in at.sidebar.get("progress")]
        time.sleep(0.1)
        at.run()
    label = at.sidebar.get("progress")[0].proto.text
    assert label == "Finding word links, step 1 of 3: encoding the words 1,234/5,000…"
    assert not any(b.key == "find_words" for b in at.sidebar.button)  # no second start
    at.number_input(key="sel").set_value(3).run()  # the page is usable meanwhile: an edit
    at.button(key="merge_next").click().run()
    held.set()
    found(at)
    current = at.session_state.history.current
    assert len(current.alignment.links) == len(before.alignment.links) - 1  # the merge stayed
    merged = current.alignment.links[2]
    assert merged.src == before.alignment.links[2].src + before.alignment.links[3].src
    assert not merged.words and current.alignment.links[1].words  # only unchanged pairs linked
    assert "2 unsaved changes" in at.caption[0].value
    at.button(key="undo").click().run()  # the word links are one Undo, the merge stays
    assert len(at.session_state.history.current.alignment.links) == len(current.alignment.links)
    assert not any(link.words for link in at.session_state.history.current.alignment.links)
