"""Word links of a PO edited outside the app (a text editor, a CAT tool, a script): those of a
link whose texts changed are dropped when the file is read, so the checks no longer trust links
made on other words ('opened the doors' edited to 'opened the floors' kept the link of 'doors',
and `alignment check` missed the slip). alignment/po_words.py."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment.errors import POFormatError
from alignment.po import bitext_to_po, file_fingerprint, po_bytes, read_po, save_po, write_po
from alignment.po_guard import has_foreign
from alignment.po_words import _fewest_tokens
from alignment.types import Alignment, Bitext, Link, Sentence, WordLink
from alignment.word_tokens import tokenize

W = WordLink

# three links each, word links as words.py would make them (token indexes of word_tokens);
# the middle link is the tester's: 'doors' becomes 'floors' in a text editor
FR_EN = (("fr", "en"),
         ["La bibliothèque ouvre à neuf heures.", "Le personnel ouvrit les portes.",
          "Les enfants entrèrent en courant."],
         ["The library opens at nine.", "The staff opened the doors.", "The children ran in."],
         [(W(0, 0, 0.99), W(1, 1, 0.97), W(2, 2, 0.95), W(4, 4, 0.9)),
          (W(0, 0, 0.99), W(1, 1, 0.98), W(2, 2, 0.96), W(3, 3, 0.9), W(4, 4, 0.97), W(5, 5, 1.0)),
          (W(0, 0, 0.99), W(1, 1, 0.98), W(2, 2, 0.8), W(5, 4, 1.0))])
JA_EN = (("ja", "en"),
         ["図書館は朝九時に開く。", "職員が扉を開けた。", "子どもたちが走って入った。"],
         ["The library opens at nine in the morning.", "The staff opened the doors.",
          "The children ran in."],
         [(W(0, 1, 0.99), W(2, 7, 0.9), W(3, 4, 0.97), W(6, 2, 0.95), W(7, 8, 1.0)),
          (W(0, 1, 0.98), W(2, 4, 0.97), W(4, 2, 0.96), W(6, 5, 1.0)),
          (W(0, 1, 0.99), W(2, 2, 0.9), W(4, 3, 0.8), W(6, 4, 1.0))])


def linked(case: tuple) -> Bitext:
    (src_lang, tgt_lang), src, tgt, words = case
    links = tuple(Link((k,), (k,), 0.95, reviewed=k == 1, words=words[k],
                       dismissed=("names 0123456789ab",) if k == 1 else ())
                  for k in range(len(src)))
    return Bitext(tuple(map(Sentence, src)), tuple(map(Sentence, tgt)), Alignment(links),
                  src_lang, tgt_lang)


def edit_text(path: Path, old: str, new: str) -> None:
    """What a text editor does: replace characters in the file, nothing else."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def without_text_keys(path: Path) -> None:
    """The file as alignment wrote it before word links carried the key of their texts."""
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(#\. word confidence: )text=[0-9a-f]{8} ", r"\1", text),
                    encoding="utf-8")


@pytest.mark.parametrize("case", [FR_EN, JA_EN], ids=["fr-en", "ja-en"])
@pytest.mark.parametrize("old, new", [
    ("opened the doors", "opened the floors"),     # the tester's slip: same number of tokens
    ("The staff opened", "Staff opened"),           # a word fewer: the indexes shift
    ("opened the doors.", "opened the doors wide."),
], ids=["slip", "word-removed", "word-added"])
def test_a_translation_edited_outside_the_app_loses_that_links_word_links(
        tmp_path: Path, case: tuple, old: str, new: str) -> None:
    bitext = linked(case)
    path = write_po(bitext, tmp_path / "x.po")
    edit_text(path, old, new)
    back = read_po(path)
    assert back.tgt[1].text == bitext.tgt[1].text.replace(old, new)
    assert back.alignment.links[1].words == ()
    # the other links keep theirs; the edited one keeps its review and its dismissals
    assert [k.words for k in back.alignment.links[::2]] == [k.words for k in bitext.alignment.links[::2]]
    edited = back.alignment.links[1]
    assert edited.reviewed and edited.dismissed == ("names 0123456789ab",)


@pytest.mark.parametrize("case, old, new", [
    (FR_EN, "ouvrit les portes", "ouvrit la porte"),
    (JA_EN, "職員が扉を開けた", "職員が窓を開けた"),
], ids=["fr-en", "ja-en"])
def test_an_original_edited_outside_the_app_loses_that_links_word_links(
        tmp_path: Path, case: tuple, old: str, new: str) -> None:
    path = write_po(linked(case), tmp_path / "x.po")
    edit_text(path, old, new)
    assert [bool(k.words) for k in read_po(path).alignment.links] == [True, False, True]


def test_a_change_of_spaces_alone_keeps_the_word_links(tmp_path: Path) -> None:
    """Spaces never make or move a token: a doubled space typed by a proofreader costs no
    word links (they would have to be computed again for nothing)."""
    bitext = linked(FR_EN)
    path = write_po(bitext, tmp_path / "x.po")
    edit_text(path, "opened the doors", "opened  the doors")
    assert read_po(path).alignment.links[1].words == bitext.alignment.links[1].words


def test_the_word_links_are_written_with_the_key_of_their_texts(tmp_path: Path) -> None:
    """The key goes first in the confidence line; the `words:` line stays plain Pharaoh."""
    path = write_po(linked(FR_EN), tmp_path / "x.po")
    text = path.read_text(encoding="utf-8")
    assert "#. words: 0-0 1-1 2-2 3-3 4-4 5-5\n" in text
    keys = re.findall(r"#\. word confidence: text=([0-9a-f]{8}) \d", text)
    assert len(keys) == 3 and len(set(keys)) == 3
    assert not has_foreign(path.read_bytes())   # our own notes: a save needs no parse


def test_the_apps_save_and_download_write_the_key(tmp_path: Path) -> None:
    """The reader's save (save_po) writes word links too: an edit after it is seen as well."""
    bitext = linked(JA_EN)
    path = write_po(replace(bitext, alignment=replace(bitext.alignment, links=tuple(
        replace(k, words=()) for k in bitext.alignment.links))), tmp_path / "x.po")
    save_po(bitext, path, expected_fingerprint=file_fingerprint(path))
    assert read_po(path) == bitext
    assert b"word confidence: text=" in po_bytes(bitext, like=path, edited=True)
    edit_text(path, "opened the doors", "opened the floors")
    assert read_po(path).alignment.links[1].words == ()


@pytest.mark.parametrize("case", [FR_EN, JA_EN], ids=["fr-en", "ja-en"])
def test_a_po_written_before_the_key_keeps_word_links_that_fit(tmp_path: Path, case: tuple) -> None:
    """Backward compatible: without a key, word links within their tokens are read as before,
    even after an edit that cannot be seen (the tester's slip: the same count of tokens)."""
    bitext = linked(case)
    path = write_po(bitext, tmp_path / "x.po")
    without_text_keys(path)
    assert "text=" not in path.read_text(encoding="utf-8")
    assert read_po(path).alignment.links == bitext.alignment.links
    edit_text(path, "opened the doors", "opened the floors")
    assert read_po(path).alignment.links[1].words == bitext.alignment.links[1].words


@pytest.mark.parametrize("case, old, new", [
    (FR_EN, "The staff opened the doors.", "Doors opened."),       # tgt index 5 of 3 tokens
    (FR_EN, "Le personnel ouvrit les portes.", "Portes ouvertes."),  # src index 5 of 3
    (JA_EN, "職員が扉を開けた。", "扉を開けた。"),                   # src index 6 of 4 tokens
    (JA_EN, "The staff opened the doors.", "Doors opened."),
], ids=["fr-en-tgt", "fr-en-src", "ja-en-src", "ja-en-tgt"])
def test_a_po_written_before_the_key_drops_word_links_past_the_tokens(
        tmp_path: Path, case: tuple, old: str, new: str) -> None:
    path = write_po(linked(case), tmp_path / "x.po")
    without_text_keys(path)
    edit_text(path, old, new)
    assert [bool(k.words) for k in read_po(path).alignment.links] == [True, False, True]


@pytest.mark.parametrize("line", ["#. word confidence: text=12345 99 98 96 90 97 100\n",
                                  "#. word confidence: text=0123456789 99 98 96 90 97 100\n",
                                  "#. word confidence: 99 98 96 90 97 100 text=01234567\n"])
def test_a_malformed_key_names_the_entry(tmp_path: Path, line: str) -> None:
    path = write_po(linked(FR_EN), tmp_path / "x.po")
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"#\. word confidence: text=\w+ 99 98 96 90 97 100\n", line, text),
                    encoding="utf-8")
    with pytest.raises(POFormatError, match=r"x\.po, line \d+: '#\. words:'"):
        read_po(path)


def test_the_key_survives_a_wrapped_confidence_line(tmp_path: Path) -> None:
    """Forty word links: polib wraps both lines; the key stays on the first, and an edit of
    the texts still drops the links."""
    src = " ".join(f"m{k}" for k in range(40))
    tgt = " ".join(f"w{k}" for k in range(40))
    words = tuple(W(k, 39 - k, 0.9) for k in range(40))
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,), 0.9, words=words),)),
                    "fr", "en")
    path = write_po(bitext, tmp_path / "x.po")
    assert str(bitext_to_po(bitext)).count("#. ") > 4   # wrapped
    assert read_po(path) == bitext and not has_foreign(path.read_bytes())
    edit_text(path, "w7 ", "w8 ")
    assert read_po(path).alignment.links[0].words == ()


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
       | st.lists(st.sampled_from(["doors.", "l'homme", "M.", "«", "»", "...", "1,000.5", "50%",
                                   "grand-mère", "पहला", "開けた。", "?!", "a_", "--", "n't"]),
                  max_size=8).map(" ".join))
def test_the_floor_on_tokens_is_never_above_the_tokens(text: str) -> None:
    """A PO without a key keeps word links below this floor without tokenizing: a floor above
    the real count would keep links past the tokens."""
    assert _fewest_tokens(text.split()) <= len(tokenize(text))


def _with_first_version_keys(path: Path, src: str, tgt: str, version: int = 1) -> None:
    """The PO of one link as an earlier tokenizer's writer keyed it (version 1 hashed the texts
    alone)."""
    from alignment.po_words import _key

    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"text=[0-9a-f]{8}", f"text={_key([src], [tgt], version)}", text),
                    encoding="utf-8")


@pytest.mark.parametrize("src, tgt, version, kept", [
    ("Le chat dort bien.", "The cat sleeps well.", 1, True),          # cut alike: kept
    ("Le chat dort bien.", "The cat sleeps well.", 2, True),          # (version 2's were dropped)
    ("Il arrive vers 8 h, p. ex. demain.", "He comes at 8 a.m. tomorrow.", 1, False),   # 'a.m.'
    ("Il arrive vers 8 h, p. ex. demain.", "He comes at 8 a.m. tomorrow.", 2, True),    # whole in 2
    ("Zie bijv. de kaart.", "See for example the map.", 1, False),    # 'bijv.' one token since 2
    ("Hij woont in 's-Hertogenbosch.", "He lives in Den Bosch.", 1, False),
    ("午後3時に会った。", "We met at 3 p.m.", 2, False),               # '午後' one token since 3
    ("彼は時々帰った。", "He sometimes came home.", 2, True),
])
def test_word_links_keyed_by_an_older_tokenizer_hold_only_where_it_cut_alike(
        tmp_path: Path, src: str, tgt: str, version: int, kept: bool) -> None:
    """'uur' linked to 'm' of 'a.m.' after the tokenizer kept 'a.m.' whole: the saved indexes
    named other words than they were made on."""
    words = (W(0, 0, 0.9), W(1, 1, 0.8))
    bitext = Bitext((Sentence(src),), (Sentence(tgt),), Alignment((Link((0,), (0,), 0.9, words=words),)),
                    "fr", "en")
    path = write_po(bitext, tmp_path / "x.po")
    assert read_po(path).alignment.links[0].words == words        # this version's key holds
    _with_first_version_keys(path, src, tgt, version)   # version 2's keys were all dropped
    assert read_po(path).alignment.links[0].words == (words if kept else ())


def test_a_po_without_keys_drops_links_past_tokens_kept_whole(tmp_path: Path) -> None:
    """'Bijv. dit.' is three tokens ('Bijv.' is one): a link to a fourth is no link of it."""
    bitext = Bitext((Sentence("Bijv. dit."),), (Sentence("E.g. this."),),
                    Alignment((Link((0,), (0,), 0.9, words=(W(3, 0, 0.9),)),)), "nl", "en")
    path = write_po(bitext, tmp_path / "x.po")
    without_text_keys(path)
    assert read_po(path).alignment.links[0].words == ()
