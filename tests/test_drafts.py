"""Recovery drafts: written atomically after every change, read back, listed, discarded."""

from __future__ import annotations

from dataclasses import replace

import pytest

from alignment import drafts
from alignment.types import Alignment, Bitext, Link, Sentence


def sample() -> Bitext:
    return Bitext((Sentence("Un.", 0), Sentence("Deux.", 1)), (Sentence("One.", 0),),
                  Alignment((Link((0,), (0,), 0.9), Link((1,), (), 0.2))), "fr", "en", "c")


def test_round_trip_keyed_by_resolved_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    edited = replace(sample(), tgt=(Sentence("One!", 0),))
    path = drafts.write_draft(edited, "a.po", base_fingerprint="f1", changes=3, root=tmp_path / "d")
    assert path.parent == tmp_path / "d" and not list((tmp_path / "d").glob(".*tmp"))
    got = drafts.read_draft(tmp_path / "a.po", root=tmp_path / "d")  # same file, other spelling
    assert got is not None
    assert (got.bitext, got.base_fingerprint, got.changes) == (edited, "f1", 3)
    assert got.po_path == str(tmp_path / "a.po")
    assert drafts.read_draft(tmp_path / "b.po", root=tmp_path / "d") is None


def test_a_new_draft_replaces_the_old_and_discard_removes_it(tmp_path):
    drafts.write_draft(sample(), tmp_path / "a.po", base_fingerprint="f", changes=1, root=tmp_path)
    drafts.write_draft(sample(), tmp_path / "a.po", base_fingerprint="f", changes=2, root=tmp_path)
    assert [d.changes for d in drafts.list_drafts(tmp_path)] == [2]
    drafts.discard_draft(tmp_path / "a.po", root=tmp_path)
    assert drafts.read_draft(tmp_path / "a.po", root=tmp_path) is None
    drafts.discard_draft(tmp_path / "a.po", root=tmp_path)  # twice is fine


def test_damaged_drafts_are_ignored(tmp_path):
    drafts.draft_path(tmp_path / "a.po", tmp_path).write_text("{not json")
    (tmp_path / "other.json").write_text('{"po_path": 3}')
    assert drafts.read_draft(tmp_path / "a.po", root=tmp_path) is None
    assert drafts.list_drafts(tmp_path) == []


def test_drafts_dir_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert drafts.drafts_dir() == tmp_path / "alignment" / "drafts"


def test_a_draft_keeps_the_name_the_text_was_read_under(tmp_path):
    """A corpus opened as 'Le vieux pont' reopens under that name, at its reading position."""
    drafts.write_draft(sample(), tmp_path / "a.po", base_fingerprint="f", changes=1,
                       root=tmp_path, title="Le vieux pont", key="sample")
    got = drafts.read_draft(tmp_path / "a.po", root=tmp_path)
    assert (got.title, got.key) == ("Le vieux pont", "sample")
    drafts.write_draft(sample(), tmp_path / "b.po", base_fingerprint="f", changes=1, root=tmp_path)
    assert (drafts.read_draft(tmp_path / "b.po", root=tmp_path).title, "") == ("", "")


def test_each_session_keeps_its_own_draft_until_someone_answers_for_it(tmp_path):
    """A text opened again while an earlier session's draft is unanswered: the new session's
    drafts and its save touch only its own file; the earlier one goes when recovered or
    discarded (drafts.discard), and the start page lists both meanwhile."""
    earlier = replace(sample(), tgt=(Sentence("Earlier.", 0),))
    later = replace(sample(), tgt=(Sentence("Later.", 0),))
    drafts.write_draft(earlier, tmp_path / "a.po", base_fingerprint="f", changes=1, root=tmp_path)
    drafts.write_draft(later, tmp_path / "a.po", base_fingerprint="f", changes=2, root=tmp_path,
                       session="b2")
    assert [d.bitext for d in drafts.drafts_of(tmp_path / "a.po", tmp_path)] == [later, earlier]
    assert drafts.read_draft(tmp_path / "a.po", root=tmp_path).bitext == later   # the newest
    assert len(drafts.list_drafts(tmp_path)) == 2
    drafts.discard_draft(tmp_path / "a.po", root=tmp_path, session="b2")   # the later one saved
    left = drafts.drafts_of(tmp_path / "a.po", tmp_path)
    assert [d.bitext for d in left] == [earlier]
    drafts.discard(left[0])
    assert drafts.list_drafts(tmp_path) == [] and not list(tmp_path.glob("*.json"))


def test_drafts_of_another_file_are_not_its_own(tmp_path):
    drafts.write_draft(sample(), tmp_path / "a.po", base_fingerprint="f", changes=1, root=tmp_path,
                       session="s1")
    assert drafts.drafts_of(tmp_path / "b.po", tmp_path) == []


def test_a_draft_is_read_once_per_version_of_its_file(tmp_path, monkeypatch):
    """The start page lists every draft at each of its reruns: an unchanged draft is not
    decoded again (with a few drafts left that was a third of the page's time), while a
    draft written again, or damaged, is read as it is now."""
    decoded = []
    real = drafts._decode
    monkeypatch.setattr(drafts, "_decode", lambda *a: decoded.append(1) or real(*a))
    drafts.write_draft(sample(), tmp_path / "a.po", base_fingerprint="f", changes=1, root=tmp_path)
    assert [d.changes for d in drafts.list_drafts(tmp_path)] == [1]
    first = len(decoded)
    assert first >= 1
    assert [d.changes for d in drafts.list_drafts(tmp_path)] == [1]
    assert len(decoded) == first          # the same version: not decoded again
    edited = replace(sample(), tgt=(Sentence("One!", 0),))
    drafts.write_draft(edited, tmp_path / "a.po", base_fingerprint="f", changes=2, root=tmp_path)
    (again,) = drafts.list_drafts(tmp_path)
    assert (again.changes, again.bitext) == (2, edited)
    drafts.draft_path(tmp_path / "a.po", tmp_path).write_text("{not json")
    assert drafts.list_drafts(tmp_path) == []


def test_the_start_page_compares_a_draft_with_its_file_once_per_version(tmp_path, monkeypatch):
    """Whether a draft holds word links alone is worked out once per version of the draft
    while its PO is unchanged (each draft's PO was read again at every rerun); once the PO
    changed, the draft is not its file's plus word links, and nothing is read."""
    from alignment.po import file_fingerprint, write_po
    from views import start_drafts

    po = tmp_path / "a.po"
    write_po(sample(), po)
    drafts.write_draft(replace(sample(), tgt=(Sentence("One!", 0),)), po,
                       base_fingerprint=file_fingerprint(po), changes=1, root=tmp_path / "d")
    read = []
    monkeypatch.setattr(start_drafts, "load_po", lambda path, fp: read.append(path) or sample())
    (draft,) = drafts.list_drafts(tmp_path / "d")
    assert [start_drafts._words_only(draft) for _ in range(3)] == [False] * 3
    assert len(read) == 1
    po.write_text(po.read_text() + "\n", encoding="utf-8")   # another version of the file
    assert start_drafts._words_only(draft) is False and len(read) == 1   # not its base: no read


def three() -> Bitext:
    return Bitext(tuple(Sentence(s, k) for k, s in enumerate(("Un.", "Deux.", "Trois."))),
                  tuple(Sentence(s, k) for k, s in enumerate(("One.", "Too.", "Tree."))),
                  Alignment(tuple(Link((k,), (k,), 0.5) for k in range(3))), "fr", "en", "c")


def typed(bitext: Bitext, **texts: str) -> Bitext:
    """`bitext` with targets typed as the reader types them (the link marked reviewed):
    typed(b, t1="Two.") corrects target 1."""
    tgt, links = list(bitext.tgt), list(bitext.alignment.links)
    for name, text in texts.items():
        k = int(name[1:])
        tgt[k] = Sentence(text, tgt[k].paragraph)
        links[k] = replace(links[k], reviewed=True)
    return replace(bitext, tgt=tuple(tgt), alignment=replace(bitext.alignment, links=tuple(links)))


@pytest.mark.parametrize("draft, file_now, with_origin, holds", [
    ({"t1": "Two.", "t2": "Three."}, {"t1": "Two.", "t2": "Three."}, True, True),   # made again
    ({"t1": "Two.", "t2": "Three."}, {"t1": "Two.", "t2": "Three."}, False, True),  # the very file
    ({"t1": "Two."}, {"t1": "Two.", "t2": "Three."}, True, True),     # saved with one more
    ({"t1": "Two.", "t2": "Three."}, {"t1": "Two."}, True, False),    # link 3 the file lacks
    ({"t1": "Two."}, {"t1": "Twoo."}, True, False),                   # typed otherwise there
    ({"t1": "Two."}, {}, True, False),                                # nothing saved
    ({"t1": "Two."}, {"t1": "Two.", "t2": "Three."}, False, False),   # no origin: only the very file
])
def test_a_file_holds_a_draft_where_every_correction_of_it_is_there(draft, file_now, with_origin,
                                                                   holds):
    """The start page and the reader's box offer a draft only where the file lacks one of its
    corrections: one made again and saved was offered as "kept from an earlier session"."""
    origin = three()
    assert drafts.file_holds(origin if with_origin else None, typed(origin, **draft),
                             typed(origin, **file_now)) is holds
