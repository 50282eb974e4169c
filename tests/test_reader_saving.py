"""The package side of the reader's fixes: word links alone are not a person's correction
(drafts.only_word_links), corrections made again on a file changed on disk (drafts.rebase),
and a copy saved of a kept file found again (kept.note_copy / copy_of)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from alignment import browse, drafts, workspace
from alignment.kept import copies_path, copy_of, note_copy
from alignment.types import Alignment, Bitext, Link, Sentence, WordLink


def text(n: int = 4) -> Bitext:
    src = tuple(Sentence(f"Phrase {k}.") for k in range(n))
    tgt = tuple(Sentence(f"Sentence {k}.") for k in range(n))
    return Bitext(src, tgt, Alignment(tuple(Link((k,), (k,), 0.9) for k in range(n))), "fr", "en")


def with_words(bitext: Bitext) -> Bitext:
    links = tuple(replace(x, words=(WordLink(0, 0),)) for x in bitext.alignment.links)
    return replace(bitext, alignment=replace(bitext.alignment, links=links))


def tgt_text(bitext: Bitext, i: int) -> str:
    return bitext.link_text(i, "tgt")


# ---------------------------------------------------------------- word links

def test_word_links_alone_are_not_a_correction():
    base = text()
    assert drafts.only_word_links(base, with_words(base))
    assert not drafts.only_word_links(base, base)
    edited = browse.edit_target(with_words(base), 1, 0, "Changed.")
    assert not drafts.only_word_links(base, edited)
    assert not drafts.only_word_links(base, browse.mark_reviewed(with_words(base), 0, True))


# ---------------------------------------------------------------- rebase

def test_corrections_on_other_links_are_made_again_on_the_file_as_changed():
    base = text()
    mine = browse.edit_target(base, 1, 0, "Mine.")
    theirs = browse.edit_target(base, 3, 0, "Theirs.")
    merged = drafts.rebase(base, mine, theirs)
    assert merged is not None
    assert [tgt_text(merged, i) for i in range(4)] == ["Sentence 0.", "Mine.", "Sentence 2.",
                                                       "Theirs."]
    assert merged.alignment.links[1] == mine.alignment.links[1]


def test_the_same_link_changed_both_ways_collides():
    base = text()
    mine = browse.edit_target(base, 1, 0, "Mine.")
    assert drafts.rebase(base, mine, browse.edit_target(base, 1, 0, "Theirs.")) is None
    links = list(base.alignment.links)
    links[1] = replace(links[1], confidence=0.1)
    flagged = replace(base, alignment=replace(base.alignment, links=tuple(links)))
    assert drafts.rebase(base, mine, flagged) is None


def typed_on_disk(base: Bitext, k: int, new: str) -> Bitext:
    """A target sentence changed by another program (its link as it was)."""
    tgt = list(base.tgt)
    tgt[k] = replace(tgt[k], text=new)
    return replace(base, tgt=tuple(tgt))


def test_a_merge_beside_a_change_of_its_links_collides():
    base = text()
    mine = browse.merge(base, 1, "next")
    assert drafts.rebase(base, mine, browse.edit_target(base, 2, 0, "Theirs.")) is None
    same = drafts.rebase(base, mine, typed_on_disk(base, 0, "Theirs."))
    assert same is not None and len(same.alignment.links) == 3
    assert tgt_text(same, 0) == "Theirs." and tgt_text(same, 1) == "Sentence 1. Sentence 2."


def test_nothing_changed_on_one_side_keeps_the_other():
    base = text()
    mine = browse.edit_target(base, 2, 0, "Mine.")
    assert drafts.rebase(base, mine, base) == mine
    assert drafts.rebase(base, base, mine) == mine


def test_a_collision_leaves_out_only_what_changed_both_ways():
    """One correction on the link changed on disk kept all the others from being made again."""
    base = text()
    mine = browse.edit_target(browse.edit_target(base, 1, 0, "Mine."), 3, 0, "Mine too.")
    theirs = browse.edit_target(base, 1, 0, "Theirs.")
    merged, left = drafts.rebase_partly(base, mine, theirs)
    assert [tgt_text(merged, i) for i in range(4)] == ["Sentence 0.", "Theirs.", "Sentence 2.",
                                                       "Mine too."]
    assert left == 1 and merged.alignment.links[1] == theirs.alignment.links[1]   # not 'reviewed'
    assert merged.alignment.links[3] == mine.alignment.links[3]
    assert drafts.rebase_partly(base, browse.merge(base, 1, "next"),
                                browse.edit_target(base, 2, 0, "Theirs.")) is None


# ---------------------------------------------------------------- copies of kept files

@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = workspace.aligned_dir()
    folder.mkdir(parents=True)
    return folder


def test_a_copy_of_a_kept_file_is_found_again_and_followed(cache, tmp_path):
    kept = cache / "fr--en-12345678.po"
    kept.write_text("kept")
    first, second = tmp_path / "a.po", tmp_path / "b.po"
    first.write_text("a")
    assert copy_of(kept) is None
    note_copy(kept, first)
    assert copy_of(kept) == first.resolve()
    second.write_text("b")
    note_copy(first, second)   # a copy of the copy
    assert copy_of(kept) == second.resolve()
    second.unlink()
    assert copy_of(kept) is None   # gone: the kept file again


def test_a_copy_of_a_file_elsewhere_is_not_noted(cache, tmp_path):
    mine = tmp_path / "mine.po"
    note_copy(mine, tmp_path / "copy.po")
    assert not copies_path().exists()
