"""The version-set reader's HTML: columns, markers, word diff, search marks, summary."""

from __future__ import annotations

from alignment.types import Alignment, Link, Sentence, Version
from alignment.versions import join
from views.versions import first_screen, flagged_rows, render_rows, render_summary


def _set():
    texts = (Version("fr", "fr", (Sentence("Le chat dort."), Sentence("Il pleut <fort>."))),
             Version("en1", "en", (Sentence("The cat sleeps."), Sentence("It rains hard."))),
             Version("en2", "en", (Sentence("The old cat sleeps."),)))
    pairs = [Alignment((Link((0,), (0,)), Link((1,), (1,)))),
             Alignment((Link((0,), (0,)), Link((1,), ())))]
    return join(texts, pairs)


def test_columns_show_each_version_with_a_word_diff_between_same_language_ones():
    out = render_rows(_set(), [0, 1], [0, 1, 2])
    assert "repeat(3,1fr)" in out and out.count('class="vs-head"') == 4
    assert "The<ins> old</ins> cat sleeps." in out          # en2 against en1
    assert "Il pleut &lt;fort&gt;." in out                   # texts are escaped
    assert 'class="vs-cell empty" data-name="en2"' in out    # en2 omits row 2
    assert 'title="en2: nothing here"' in out


def test_without_diff_search_hits_are_marked():
    out = render_rows(_set(), [0], [0, 2], diff=False, hits={0: ((2, 4, 7),)})
    assert 'The <mark class="hit">old</mark> cat sleeps.' in out


def test_with_the_diff_on_search_hits_are_marked_in_the_diffed_cell_too():
    """QA (2026-12-04): a diffed cell drew the diff only, so a word found only there showed
    no mark at all."""
    out = render_rows(_set(), [0], [0, 1, 2], hits={0: ((2, 4, 7), (1, 4, 7))})
    assert 'The<ins> <mark class="hit">old</mark></ins> cat sleeps.' in out   # en2, diffed
    assert 'The <mark class="hit">cat</mark> sleeps.' in out                  # en1, plain


def test_a_version_hidden_for_learn_is_no_diff_base_beside_it():
    """QA (2026-12-04): en1 hidden, en2 beside it still struck out en1's words ('<del>')."""
    out = render_rows(_set(), [0], [0, 1, 2], hide=[1])
    assert 'data-name="en2" lang="en" dir="auto">The old cat sleeps.</div>' in out
    assert "<del>" not in out and "<ins>" not in out


def test_markers_follow_the_columns_shown():
    vs = _set()
    assert flagged_rows(vs, [0, 1, 2]) == [1]   # en2 empty in row 2; en1 and en2 differ
    # in every row they share, so they read as two translations: no "words differ" marker
    assert flagged_rows(vs, [0, 1]) == []


def test_summary_lists_coverage_omissions_and_changes():
    out = render_summary(_set())
    # rows omitted: a count (row 2 is the one), as rows added
    assert "<td>en2</td><td>en</td><td>50.0%</td><td>1</td><td>0</td><td>omitted: row 2</td>" in out
    assert "vs en1: 100% of rows worded differently" in out
    assert "vs en2: 100% of rows worded differently" in out
    assert first_screen(_set()).count("vs-grid") >= 2


def test_pair_pos_beside_the_set_are_found(tmp_path):
    from alignment.versions_io import write_pair_pos
    from views.versions import pair_pos

    vs = _set()
    write_pair_pos(vs, tmp_path / "s")
    assert pair_pos(vs, tmp_path / "s.tmx") == {1: tmp_path / "s.fr-en1.po",
                                                2: tmp_path / "s.fr-en2.po"}
    (tmp_path / "s.fr-en1.po").unlink()
    assert list(pair_pos(vs, tmp_path / "s.tmx")) == [2]


def test_learn_hides_a_chosen_version_behind_a_click():
    out = render_rows(_set(), [0], [0, 1, 2], hide=[1])
    assert "<details><summary>show en1</summary>The cat sleeps.</details>" in out
    assert "<details><summary>show fr" not in out


def test_markdown_looking_version_names_show_as_plain_text(tmp_path, monkeypatch):
    """A version named like Markdown (from a file name) is escaped in the sidebar's radio."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from alignment.versions_io import write_set_tmx as write_set

    texts = (Version("fr", "fr", (Sentence("Le chat dort."),)),
             Version("**en**", "en", (Sentence("The cat sleeps."),)),
             Version("[es](http://x.invalid)", "es", (Sentence("El gato duerme."),)))
    pairs = [Alignment((Link((0,), (0,)),)), Alignment((Link((0,), (0,)),))]
    write_set(join(texts, pairs), tmp_path / "s.tmx")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    at = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=60)
    at.run()
    at.text_input(key="vs_path_input").set_value(str(tmp_path / "s.tmx"))
    at.button(key="vs_open").click()
    at.run()
    at.toggle(key="vs_one").set_value(True)
    at.run()
    options = at.radio(key="vs_pick").options
    assert "**en**" not in options and any("\\*\\*en\\*\\*" in o for o in options)
    assert not any(o.startswith("[es](") for o in options)
