"""What a person typed or corrected is never lost: a recovery draft keeps the version its
corrections were made on (so they are made again on a file changed since), word links found by
another program do not undo a person's 'reviewed', and a control character is refused when
typed, not at Save."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from alignment import browse, drafts
from alignment.errors import EditError
from alignment.types import Alignment, Bitext, Link, Sentence, WordLink


def text(n: int = 10) -> Bitext:
    src = tuple(Sentence(f"Phrase numéro {k}.") for k in range(n))
    tgt = tuple(Sentence(f"Sentence number {k}.") for k in range(n))
    return Bitext(src, tgt, Alignment(tuple(Link((k,), (k,), 0.9) for k in range(n))), "fr", "en")


def with_words(bitext: Bitext) -> Bitext:
    """Word links on every link, as `alignment words` writes them (nothing else changed)."""
    links = tuple(replace(x, words=(WordLink(0, 0), WordLink(1, 1))) for x in bitext.alignment.links)
    return replace(bitext, alignment=replace(bitext.alignment, links=links))


def typed_on_disk(base: Bitext, k: int, new: str) -> Bitext:
    """A target sentence changed by hand in another program (its link as it was)."""
    tgt = list(base.tgt)
    tgt[k] = replace(tgt[k], text=new)
    return replace(base, tgt=tuple(tgt))


# ---------------------------------------------------------------- the draft's origin

def test_a_draft_keeps_the_version_its_corrections_were_made_on(tmp_path):
    """Kept through small corrections and a change big enough to write a new base; gone with
    the draft."""
    origin = text(100)
    first = browse.edit_target(origin, 1, 0, "Mine.")
    drafts.write_draft(first, tmp_path / "a.po", base_fingerprint="f0", changes=1, root=tmp_path,
                       session="s1", origin=origin)
    got = drafts.read_draft(tmp_path / "a.po", tmp_path)
    assert (got.bitext, got.origin) == (first, origin)
    assert len(list(tmp_path.glob("*.base"))) == 1   # the origin is the base: no second copy
    whole = with_words(first)   # word links on 100 links: more than a delta is worth: a new base, the origin stays
    drafts.write_draft(whole, tmp_path / "a.po", base_fingerprint="f0", changes=2, root=tmp_path,
                       session="s1", origin=origin)
    got = drafts.read_draft(tmp_path / "a.po", tmp_path)
    assert (got.bitext, got.origin) == (whole, origin)
    assert len(list(tmp_path.glob("*.base"))) == 2
    drafts.discard(got)
    assert not list(tmp_path.iterdir())


def test_a_draft_whose_origin_is_gone_is_still_read(tmp_path):
    origin = text(100)
    drafts.write_draft(with_words(origin), tmp_path / "a.po", base_fingerprint="f0", changes=1,
                       root=tmp_path, session="s1", origin=origin)
    kept = drafts.read_draft(tmp_path / "a.po", tmp_path)
    base = min(tmp_path.glob("*.base"), key=lambda p: p.stat().st_size)   # the one without words
    base.unlink()
    got = drafts.read_draft(tmp_path / "a.po", tmp_path)
    assert got is not None and got.bitext == kept.bitext and got.origin is None


def test_a_recovered_draft_is_made_again_on_the_file_changed_since(tmp_path):
    """The tester's case: the draft corrects link 2, the file was changed by hand at link 9;
    the draft read back holds what a three-way merge needs."""
    origin = text()
    drafts.write_draft(browse.edit_target(origin, 1, 0, "Corrected in the draft."),
                       tmp_path / "a.po", base_fingerprint="f0", changes=1, root=tmp_path,
                       session="s1", origin=origin)
    drafts._bases.clear()   # a server started again: the files alone
    drafts._origins.clear()
    draft = drafts.read_draft(tmp_path / "a.po", tmp_path)
    merged = drafts.rebase(draft.origin, draft.bitext, typed_on_disk(text(), 8, "Changed by hand."))
    assert merged is not None
    assert (merged.link_text(1, "tgt"), merged.link_text(8, "tgt")) == \
        ("Corrected in the draft.", "Changed by hand.")


@pytest.mark.parametrize(("session", "owner"), [("a1b2", "a1b2"), ("a1b2held", "a1b2"), ("", "")])
def test_a_draft_names_the_opening_that_wrote_it(tmp_path, session, owner):
    drafts.write_draft(text(), tmp_path / "a.po", base_fingerprint="f", changes=1, root=tmp_path,
                       session=session)
    assert drafts.read_draft(tmp_path / "a.po", tmp_path).session == owner


# ---------------------------------------------------------------- word links found meanwhile

def test_word_links_found_on_disk_keep_the_corrections_and_their_reviewed_marks():
    base = text()
    mine = browse.edit_target(browse.edit_target(base, 1, 0, "Mine two."), 5, 0, "Mine six.")
    theirs = with_words(base)
    for merged in (drafts.rebase(base, mine, theirs), drafts.rebase_partly(base, mine, theirs)[0]):
        assert merged is not None
        links = merged.alignment.links
        assert [merged.link_text(k, "tgt") for k in (1, 5)] == ["Mine two.", "Mine six."]
        assert [links[k].reviewed for k in (1, 5)] == [True, True]
        # found on the texts as they were: none on a sentence typed since, the others kept
        assert [bool(x.words) for x in links] == [k not in (1, 5) for k in range(10)]
    assert drafts.rebase_partly(base, mine, theirs)[1] == 0   # nothing left out


def test_word_links_found_here_go_from_a_sentence_changed_on_disk():
    base = text()
    merged = drafts.rebase(base, with_words(base), typed_on_disk(base, 2, "Changed by hand."))
    assert merged is not None and merged.link_text(2, "tgt") == "Changed by hand."
    assert [bool(x.words) for x in merged.alignment.links] == [k != 2 for k in range(10)]


def test_a_person_s_judgements_on_one_link_both_ways_still_collide():
    """Only word links (computed) merge field by field: reviewed here, flagged there collides."""
    base = text()
    mine = browse.mark_reviewed(base, 1, True)
    links = list(base.alignment.links)
    links[1] = replace(links[1], confidence=0.1, words=(WordLink(0, 0),))
    assert drafts.rebase(base, mine, replace(base, alignment=Alignment(tuple(links)))) is None


# ---------------------------------------------------------------- control characters

@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f"])
@pytest.mark.parametrize("where", ["edit", "add"])
def test_a_control_character_is_refused_when_applied(char, where):
    base = browse.split(text(), 3, src_at=1, tgt_at=0)   # link 4 an omission
    with pytest.raises(EditError, match=re.escape(f"control character U+{ord(char):04X}")):
        if where == "edit":
            browse.edit_target(base, 1, 0, f"Typed{char} here.")
        else:
            browse.add_target(base, 3, f"Typed{char} here.")


def test_line_breaks_and_tabs_typed_are_spaces_not_refused():
    edited = browse.edit_target(text(), 1, 0, "One\ttwo\r\nthree\x0bfour\x0cfive")
    assert edited.link_text(1, "tgt") == "One two three four five"


def test_the_characters_refused_are_those_a_po_cannot_hold():
    from alignment import corrections, po

    assert corrections._CONTROL.pattern == po._BAD_CHARS.pattern


# ---------------------------------------------------------------- the start page's list, against the file now

def two_edits() -> Bitext:
    return browse.edit_target(browse.edit_target(text(), 3, 0, "Mine on four."), 7, 0,
                              "Mine on eight.")


@pytest.mark.parametrize(("file_now", "left"), [
    # a version a reload set aside; link 8's correction saved since: it said "links 4, 8 edited"
    (lambda: browse.edit_target(typed_on_disk(text(), 3, "Theirs on four."), 7, 0,
                                "Mine on eight."), [(3, "edited")]),
    (lambda: typed_on_disk(text(), 3, "Theirs on four."), [(3, "edited"), (7, "edited")]),
    (lambda: two_edits(), [(3, "edited"), (7, "edited")]),   # cannot tell: every one said
])
def test_a_draft_names_only_the_corrections_the_file_lacks(file_now, left):
    from alignment import draft_summary

    assert draft_summary.not_in_file(text(), two_edits(), file_now()) == left


def offered(tmp_path, monkeypatch, draft: Bitext, origin: Bitext, now: Bitext, changes: int):
    """What the start page lists for a draft of a PO that was `origin` then and is `now`."""
    from alignment.po import file_fingerprint, write_po
    from views import start_drafts

    monkeypatch.setenv("ALIGNMENT_CACHE_DIR", str(tmp_path / "cache"))
    po = tmp_path / "a.po"
    write_po(origin, po)
    drafts.write_draft(draft, po, base_fingerprint=file_fingerprint(po), changes=changes,
                       session="s1", origin=origin)
    po.unlink()
    write_po(now, po)
    return start_drafts._what_it_holds(drafts.list_drafts()[0])


@pytest.mark.parametrize(("draft", "changes", "now", "shown"), [
    # word links found in several tabs, then saved from one: the others were "1 unsaved change
    # ... links 1, 2, 3 word links and 7 more"
    (lambda: with_words(text()), 1, lambda: with_words(text()), ("same", 0, "")),
    (lambda: with_words(text()), 1, lambda: typed_on_disk(text(), 2, "Theirs."), ("words", 1, "")),
    # a version a reload set aside, link 8's correction saved since
    (two_edits, 2, lambda: browse.edit_target(typed_on_disk(text(), 3, "Theirs on four."), 7, 0,
                                              "Mine on eight."), ("changes", 1, "link 4 edited")),
    (two_edits, 2, text, ("changes", 2, "links 4, 8 edited")),   # the file as it was
    (two_edits, 2, lambda: typed_on_disk(text(), 5, "Theirs."), ("changes", 2, "links 4, 8 edited")),
])
def test_the_start_page_offers_a_draft_against_the_file_as_it_is(tmp_path, monkeypatch, draft,
                                                                  changes, now, shown):
    assert offered(tmp_path, monkeypatch, draft(), text(), now(), changes) == shown


@pytest.mark.parametrize(("changes", "now", "counted"), [
    # a version a reload set aside, written with its 2 changes; link 8's saved since: the start
    # page said "1 unsaved change" and the reader, recovering it, "2 unsaved changes"
    (2, lambda: browse.edit_target(typed_on_disk(text(), 3, "Theirs on four."), 7, 0,
                                   "Mine on eight."), (1, "link 4 edited")),
    (2, lambda: typed_on_disk(text(), 3, "Theirs on four."), (2, "links 4, 8 edited")),
    (2, text, (2, "links 4, 8 edited")),
    (1, lambda: typed_on_disk(text(), 5, "Theirs."), (1, "links 4, 8 edited")),   # never more
])
def test_a_draft_counts_what_the_file_lacks_as_both_the_start_page_and_the_reader_do(
        changes, now, counted):
    from alignment import draft_summary

    assert draft_summary.left_unsaved(changes, text(), two_edits(), now()) == counted
