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
