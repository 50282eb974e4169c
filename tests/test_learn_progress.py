"""Learn mode's progress line. A teacher who had only searched in the reader was told
"resumed where you stopped last time" on a text never opened in Learn: the place kept is one
per file, the reader's as much as Learn's (alignment/reader_place.py), so the line says where
the person was reading, and only while the sentence is that place (the browser journey:
tests/e2e/test_learner.py)."""

from __future__ import annotations

import pytest

from views.learn import progress_text


@pytest.mark.parametrize("cursor, n, shown, resumed, expected", [
    (8, 48, None, 8, "Sentence 9 of 48 · where you were reading last time"),
    (0, 48, None, 0, "Sentence 1 of 48"),                          # a text read from its start
    (9, 48, None, 8, "Sentence 10 of 48"),                         # moved on since
    (8, 48, None, None, "Sentence 9 of 48"),
    (47, 48, None, 60, "Sentence 48 of 48 · where you were reading last time"),   # text shortened
    (8, 48, (2, 8, 30), 8, "Sentence 9 of 48 · 2 of 3 shown · where you were reading last time"),
    (30, 48, (2, 30), 8, "Sentence 31 of 48 · 2 of 2 shown"),      # a search moved it off the place
])
def test_the_progress_line_says_truly_where_learn_opened(cursor, n, shown, resumed, expected):
    line = progress_text(cursor, n, shown, resumed)
    assert line == expected and "resumed" not in line
