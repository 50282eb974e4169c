"""A correction's whitespace is made one line, and what changed is said (alignment/typed_text.py).

A tester typed a line break (Shift+Enter), a tab, double spaces and a trailing space into the
correction box: the page and the PO kept the text made one line, and nothing said so. The
rule stays (a PO entry holds a link's sentences one a line); each change is now named."""

from __future__ import annotations

import pytest

from alignment.browse import add_target, edit_target
from alignment.typed_text import ONE_LINE_WHY, whitespace_changes, whitespace_note
from alignment.types import Alignment, Bitext, Link, Sentence

WHY = f": {ONE_LINE_WHY}."


def bitext() -> Bitext:
    """Link 1 a pair, link 2 an omission (no translation)."""
    return Bitext((Sentence("Il pleut.", 0), Sentence("Il neige.", 0)),
                  (Sentence("It rains.", 0),),
                  Alignment((Link((0,), (0,), 0.9), Link((1,), (), 0.5))), "fr", "en")


def applied(typed: str) -> str:
    """The text an edit of link 1's sentence keeps from `typed`."""
    return edit_target(bitext(), 0, 0, typed).tgt[0].text


@pytest.mark.parametrize("typed, kept, said", [
    ("first line\nsecond line", "first line second line",
     ["its line break was made a space"]),
    ("one\n\ntwo", "one two", ["its line break was made a space"]),   # a blank line: one run
    ("a\nb\nc", "a b c", ["its 2 line breaks were made spaces"]),
    ("Q5\ttab inside", "Q5 tab inside", ["its tab was made a space"]),
    ("two  spaces  inside", "two spaces inside", ["its 2 double spaces were each made one"]),
    ("trailing space ", "trailing space", ["the space at its end was dropped"]),
    (" both ends ", "both ends", ["the spaces at its start and end were dropped"]),
    ("ends with Enter\n", "ends with Enter", ["the line break at its end was dropped"]),
    ("Q2  two  spaces\tand a tab\nthen ", "Q2 two spaces and a tab then",
     ["its line break was made a space", "its tab was made a space",
      "its 2 double spaces were each made one", "the space at its end was dropped"]),
    ("«\u00a0Oui\u00a0»", "«\u00a0Oui\u00a0»", []),   # kept, as the reading keeps them
    ("東京\u3000大阪", "東京 大阪", ["its ideographic space was made an ordinary space"]),
    ("A plain sentence.", "A plain sentence.", []),
    ('Q1 "hello", \\n C:\\temp', 'Q1 "hello", \\n C:\\temp', []),   # no whitespace changed
])
def test_what_apply_keeps_and_what_it_says(typed, kept, said):
    assert applied(typed) == kept
    assert list(whitespace_changes(typed, kept)) == said
    note = whitespace_note(typed, kept, 1)
    assert (note is None) == (not said)
    assert not said or note.startswith(f"Applied to link 1; {said[0]}") and note.endswith(WHY)


def test_the_note_lists_every_change():
    assert whitespace_note("a\tb  c ", "a b c", 1_234) == (
        "Applied to link 1,234; its tab was made a space, its double space was made one and "
        "the space at its end was dropped" + WHY)


def test_the_missing_translation_typed_is_made_one_line_and_said():
    typed = "The left-out\tsentence,\nin two lines."
    added = add_target(bitext(), 1, typed)
    kept = added.tgt[added.alignment.links[1].tgt[0]].text
    assert kept == "The left-out sentence, in two lines."
    assert whitespace_note(typed, kept, 2) == ("Applied to link 2; its line break was made a "
                                               "space and its tab was made a space" + WHY)


@pytest.mark.parametrize("typed, kept", [
    ("a b", "a c"),        # other words: not made from this typing
    ("a  b", "a  b"),      # kept as typed
    ("", ""),
])
def test_nothing_is_said_unless_only_whitespace_changed(typed, kept):
    assert whitespace_note(typed, kept, 1) is None
