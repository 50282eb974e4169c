"""The reader's word links (views/words.py) through streamlit's AppTest (hashing embedder)."""

from __future__ import annotations

from test_app import env, open_sample, rows_html, sample_po  # noqa: F401 (fixtures)


def test_find_word_links_then_rows_mark_words_and_the_glossary_lists_pairs(env):  # noqa: F811
    at = open_sample(env)
    assert "mark class=\"w" not in rows_html(at)
    at.button(key="find_words").click().run()
    assert not at.exception, at.exception
    assert any(link.words for link in at.session_state.history.current.alignment.links)
    assert '<mark class="w wg' in rows_html(at)
    glossary = at.dataframe[-1].value
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
    assert not at.exception, at.exception
    assert "1 unsaved change" in at.caption[0].value
    draft = drafts.read_draft(path)  # a reload or a crash now loses nothing
    assert draft is not None and draft.changes == 1
    assert draft.bitext == at.session_state.history.current
    assert any(link.words for link in draft.bitext.alignment.links)
    at.button(key="save").click().run()
    assert drafts.read_draft(path) is None and "unsaved" not in at.caption[0].value
