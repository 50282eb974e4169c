"""A text last read in Learn mode reopens in Learn (alignment/reader_place.py keeps the mode with
the place; views/reader_place.reopen_mode turns Learn on). A learner coming back found the text
in Read, every translation showing, at the sentence Learn had reached. The browser journeys:
tests/e2e/test_learner.py."""

from __future__ import annotations

import json

import pytest

from alignment.reader_place import Place, keep_place, load_place, save_position


@pytest.mark.parametrize("per_page, learn", [
    (50, True), (None, True),
    (200, False),        # last read in Read or Proofread
])
def test_the_mode_is_kept_with_the_place(tmp_path, per_page, learn):
    notes = tmp_path / "reading.json"
    assert keep_place("/texts/story.po", Place(41, per_page, learn), 47, notes)
    assert load_place("/texts/story.po", notes) == Place(41, per_page, learn)
    assert load_place("/texts/story.po", notes).learn is learn


def test_leaving_learn_is_kept_too(tmp_path):
    notes = tmp_path / "reading.json"
    keep_place("/texts/story.po", Place(41, 50, learn=True), 47, notes)
    assert keep_place("/texts/story.po", Place(41, 50), 47, notes)   # the same link, now in Read
    assert load_place("/texts/story.po", notes).learn is False


def test_learns_own_write_loses_the_mode_until_the_place_is_kept_again(tmp_path):
    """J writes the link alone (save_position); the run's end keeps the place whole again."""
    notes = tmp_path / "reading.json"
    keep_place("/texts/story.po", Place(41, 50, learn=True), 47, notes)
    save_position("/texts/story.po", 42, 47, notes)
    assert keep_place("/texts/story.po", Place(42, 50, learn=True), 47, notes)
    assert load_place("/texts/story.po", notes) == Place(42, 50, learn=True)


@pytest.mark.parametrize("mode", ["read", "Learn", 1, None])
def test_only_learn_as_written_reopens_in_learn(tmp_path, mode):
    notes = tmp_path / "reading.json"
    notes.write_text(json.dumps({"k": {"link": 3, "total": 9, "mode": mode}}))
    assert load_place("k", notes).learn is False
