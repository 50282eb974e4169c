"""PO storage: schema (docs/po-format.md), lossless round trip, msgfmt, edit detection, atomic writes."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from dataclasses import replace
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from alignment.errors import InputError, POConflict, POFormatError
from alignment.po import (PLACEHOLDER, atomic_write_bytes, atomic_write_text, bitext_to_po,
                          edited_reason, ensure_replaceable, file_fingerprint, po_to_bitext,
                          read_po, rebuild_text, save_po, write_po)
from alignment.po_guard import has_foreign
from alignment.types import Alignment, Bitext, Link, Sentence, Signature, WordLink

GOLDEN = Path(__file__).parent / "golden"
DATE = "2026-01-01 00:00+0000"
SIG = Signature(version="0.1.0", embedder="hashing", embedder_version="1",
                params=(("max_run", "3"), ("skip", "-0.1")), seed=7)


@pytest.fixture(autouse=True)
def _parse_every_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every read in this file parses the PO: the snapshot cache (tested in test_snapshot.py)
    would otherwise hand back the Bitext that write_po stored, and the parser would go untested."""
    monkeypatch.setenv("ALIGNMENT_PO_SNAPSHOTS", "0")


def small_bitext() -> Bitext:
    """Two paragraphs a side, duplicate 'Yes.', a 2-1, a 1-0 omission and a 0-1 addition."""
    src = (Sentence("Préface", 0), Sentence("« Oui. »", 1), Sentence("Oui.", 1),
           Sentence("Il est parti.", 1), Sentence("Il n'est pas revenu.", 1),
           Sentence("Une phrase omise.", 2), Sentence("Oui.", 2))
    tgt = (Sentence("Preface", 0), Sentence("“Yes.”", 1), Sentence("Yes.", 1),
           Sentence("He left and never came back.", 1), Sentence("An added sentence.", 2),
           Sentence("Yes.", 2))
    links = (Link((0,), (0,), 0.99), Link((1,), (1,), 0.93), Link((2,), (2,), 0.91),
             Link((3, 4), (3,), 0.62), Link((5,), (), 0.41), Link((), (4,), 0.5, reviewed=True),
             Link((6,), (5,), 0.95, reviewed=True))
    return Bitext(src, tgt, Alignment(links, SIG, ("2 sentences look untranslated",)),
                  "fr", "en", "sample")


def po_file(tmp_path: Path, bitext: Bitext | None = None) -> Path:
    return write_po(bitext or small_bitext(), tmp_path / "pairs.po")


# ---------------------------------------------------------------- schema


def test_entries_follow_the_schema() -> None:
    po = bitext_to_po(small_bitext())
    assert [e.msgctxt for e in po] == ["src 1 / tgt 1", "src 2 / tgt 2", "src 3 / tgt 3",
                                       "src 4,5 / tgt 4", "src 6 / tgt -", "src - / tgt 5",
                                       "src 7 / tgt 6"]
    two_one = po[3]
    assert two_one.msgid == "Il est parti.\nIl n'est pas revenu."
    assert two_one.comment.splitlines() == ["2-1 link, confidence 0.62", "paragraphs: src 2 2 / tgt 2"]
    assert two_one.occurrences == [("src", "4"), ("src", "5"), ("tgt", "4")]
    assert po[4].msgstr == "" and po[5].msgid == PLACEHOLDER
    assert po.metadata["Language"] == "en" and po.metadata["X-Source-Language"] == "fr"
    assert po.metadata["X-Alignment-Corpus"] == "sample"
    assert po.metadata["X-Alignment-Signature"] == str(SIG)
    assert po.metadata["X-Alignment-Checksum"].startswith("sha256v2:")


@pytest.mark.parametrize("confidence, reviewed, fuzzy", [
    (0.95, False, False), (0.9, False, False), (0.89, False, True), (0.0, False, True),
    (0.5, True, False), (0.99, True, False),
])
def test_fuzzy_only_below_threshold_and_not_reviewed(tmp_path: Path, confidence: float,
                                                     reviewed: bool, fuzzy: bool) -> None:
    b = Bitext((Sentence("Oui."),), (Sentence("Yes."),),
               Alignment((Link((0,), (0,), confidence, reviewed),)), "fr", "en")
    assert bitext_to_po(b)[0].fuzzy is fuzzy
    back = read_po(write_po(b, tmp_path / "one.po"))
    assert back.alignment.links[0] == b.alignment.links[0]


def test_round_trip_of_the_small_bitext_keeps_everything(tmp_path: Path) -> None:
    back = read_po(po_file(tmp_path))
    assert back == small_bitext() == po_to_bitext(bitext_to_po(small_bitext()))
    paragraphs = [[s.text for s in back.src if s.paragraph == p] for p in range(3)]
    assert paragraphs[1][0] == "« Oui. »" and len(paragraphs[2]) == 2


def test_both_texts_are_rebuilt_with_their_paragraph_breaks(tmp_path: Path) -> None:
    back = read_po(po_file(tmp_path))
    assert rebuild_text(back.src) == ("Préface\n\n« Oui. » Oui. Il est parti. Il n'est pas "
                                      "revenu.\n\nUne phrase omise. Oui.")
    assert rebuild_text(back.tgt).split("\n\n") == [
        "Preface", "“Yes.” Yes. He left and never came back.", "An added sentence. Yes."]


def test_duplicate_sentences_get_distinct_contexts() -> None:
    po = bitext_to_po(small_bitext())
    keys = [(e.msgctxt, e.msgid) for e in po]
    assert len(set(keys)) == len(keys)
    assert sum(e.msgid == "Oui." for e in po) == 2


def test_same_bitext_gives_same_bytes() -> None:
    assert str(bitext_to_po(small_bitext(), revision_date=DATE)) == \
        str(bitext_to_po(small_bitext(), revision_date=DATE))


# ---------------------------------------------------------------- msgfmt


MSGFMT = shutil.which("msgfmt")


@pytest.mark.skipif(MSGFMT is None, reason="msgfmt (Debian package gettext) is not installed")
@pytest.mark.parametrize("bitext", [
    small_bitext(),
    Bitext((Sentence('He said "no" \\ then\tleft.'), Sentence("Yes."), Sentence("Yes.")),
           (Sentence("Il a dit « non » \\ puis est parti."), Sentence("Oui."), Sentence("Oui.")),
           Alignment((Link((0,), (0,), 0.3), Link((1,), (1,)), Link((2,), (2,)))), "en", "fr"),
    Bitext((), (), Alignment(()), "de", "fr"),
], ids=["small", "quotes-backslash-duplicates", "empty"])
def test_msgfmt_check_accepts_the_file(tmp_path: Path, bitext: Bitext) -> None:
    path = write_po(bitext, tmp_path / "pairs.po")
    run = subprocess.run([MSGFMT, "--check", "-o", os.devnull, str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "warning" not in run.stderr, run.stderr


MSGCAT = shutil.which("msgcat")


@pytest.mark.skipif(MSGCAT is None, reason="msgcat (Debian package gettext) is not installed")
@pytest.mark.parametrize("options", [[], ["--no-location", "--no-wrap"], ["--width=40"]])
def test_gettext_tools_rewriting_the_file_lose_nothing(tmp_path: Path, options: list[str]) -> None:
    path, out = po_file(tmp_path), tmp_path / "cat.po"
    subprocess.run([MSGCAT, *options, "-o", str(out), str(path)], check=True)
    assert out.read_bytes() != path.read_bytes()
    assert read_po(out) == small_bitext()
    assert edited_reason(out) is None


# ---------------------------------------------------------------- hypothesis round trip


TEXTS = st.one_of(
    st.sampled_from(["Yes.", "Oui.", "", " ", PLACEHOLDER, '"quoted"', "back\\slash", "\\n",
                     "line\nbreak", "\n", "tab\there", "cr\rlf", "«\u00a0Non\u00a0»", "a\u2028b",
                     "#, fuzzy", 'msgid ""', "日本語の文。", "مرحبا."]),
    st.text(st.characters(blacklist_categories=("Cs",),
                          blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10, 13)]
                          + ["\x7f"]), max_size=40),
)


# word links (words.py) as the PO stores them: confidences in hundredths; enough of them that
# polib wraps the '#. words:' comment over several lines (about fifteen)
WORD_LINKS = st.lists(st.builds(WordLink, st.integers(0, 600), st.integers(0, 600),
                                st.integers(0, 100).map(lambda c: c / 100), st.booleans()),
                      max_size=40).map(tuple)
LOWER, HEX = "abcdefghijklmnopqrstuvwxyz", "0123456789abcdef"
# findings a person dismissed (check_dismissed.finding_key), one '#. dismissed:' line each;
# the strings of r"[a-z]{4,12} [0-9a-f]{12}", drawn from their alphabets (from_regex was half
# of the round trip's 33 s)
DISMISSED = st.lists(st.builds("{} {}".format, st.text(LOWER, min_size=4, max_size=12),
                               st.text(HEX, min_size=12, max_size=12)),
                     max_size=3).map(lambda keys: tuple(sorted(set(keys))))
# a CAT tool's unit id as the import writes it (types.Link.unit): one line, spaces single
UNITS = st.one_of(st.just(""), st.text(LOWER + HEX + "ABCXYZ-_/+.:{} éü", max_size=60)
                  .map(lambda t: " ".join(t.split())))
# a language or a version name: the strings of r"[a-z][a-z0-9-]{0,10}"
IDENT = st.builds(str.__add__, st.sampled_from(LOWER), st.text(LOWER + "0123456789-", max_size=10))
# paragraph numbers of a long book: a 3-3 link's '#. paragraphs:' comment may wrap too
PARAGRAPHS = st.integers(0, 4) | st.integers(0, 10**7)


@st.composite
def bitexts(draw: st.DrawFn) -> Bitext:
    src = draw(st.lists(st.tuples(TEXTS, PARAGRAPHS), max_size=8))
    tgt = draw(st.lists(st.tuples(TEXTS, PARAGRAPHS), max_size=8))
    links, i, j = [], 0, 0
    while i < len(src) or j < len(tgt):
        a = draw(st.integers(0, min(3, len(src) - i)))
        b = draw(st.integers(0, min(3, len(tgt) - j)))
        if a == b == 0:
            a, b = (1, 0) if i < len(src) else (0, 1)
        links.append(Link(tuple(range(i, i + a)), tuple(range(j, j + b)),
                          draw(st.floats(0, 1)), draw(st.booleans()), draw(WORD_LINKS),
                          draw(DISMISSED), draw(UNITS)))
        i, j = i + a, j + b
    sig = Signature(version=draw(st.text(max_size=5)), embedder=draw(st.text(max_size=5)),
                    params=tuple(draw(st.lists(st.tuples(st.text(max_size=5), st.text(max_size=5)),
                                               max_size=2))),
                    seed=draw(st.none() | st.integers(0, 2**31)))
    return Bitext(tuple(Sentence(t, p) for t, p in src), tuple(Sentence(t, p) for t, p in tgt),
                  Alignment(tuple(links), sig, tuple(draw(st.lists(st.text(max_size=20), max_size=2)))),
                  draw(IDENT), draw(IDENT), draw(st.just("") | IDENT))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bitext=bitexts())
def test_property_round_trip_is_exact(tmp_path: Path, bitext: Bitext) -> None:
    path = write_po(bitext, tmp_path / "prop.po", overwrite_edited=True)
    back = read_po(path)
    assert back == bitext
    assert edited_reason(path) is None


def test_wrapped_comments_read_back_whole(tmp_path: Path) -> None:
    """A sentence with 40 word links: polib wraps its '#. words:' and '#. word confidence:'
    lines (and a long '#. paragraphs:'); parsed (no snapshot), every link comes back."""
    words = tuple(WordLink(k, 39 - k, (k % 10) / 10, k % 3 > 0) for k in range(40))
    src = tuple(Sentence(f"Phrase {k}.", 100_000 + k) for k in range(3))
    tgt = tuple(Sentence(f"Sentence {k}.", 200_000 + k) for k in range(3))
    bitext = Bitext(src, tgt, Alignment((Link((0, 1, 2), (0, 1, 2), 0.5, False, words),), SIG), "fr", "en")
    path = write_po(bitext, tmp_path / "wrapped.po")
    text = path.read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.startswith("#. ")]
    assert "#. words:" in text and max(map(len, comments)) <= 80   # wrapped
    assert read_po(path) == bitext


# ---------------------------------------------------------------- edits in a PO editor


def edit(path: Path, change) -> None:
    po = polib.pofile(str(path), encoding="utf-8")
    change(po)
    po.save(str(path))


def test_removing_fuzzy_in_poedit_marks_the_link_reviewed(tmp_path: Path) -> None:
    path = po_file(tmp_path)
    edit(path, lambda po: po[3].flags.remove("fuzzy"))
    back = read_po(path)
    assert back.alignment.links[3].reviewed and back.alignment.links[3].confidence == 0.62
    assert edited_reason(path) is not None


def test_fixing_a_translation_line_is_read_back(tmp_path: Path) -> None:
    path = po_file(tmp_path)

    def fix(po: polib.POFile) -> None:
        po[3].msgstr = "He went away and never came back."
    edit(path, fix)
    assert read_po(path).tgt[3].text == "He went away and never came back."


@pytest.mark.parametrize("change, message", [
    (lambda po: setattr(po[3], "msgid", "Il est parti. Il n'est pas revenu."),
     "source side has 1 line"),
    (lambda po: setattr(po[3], "msgid", ""), "the source side is empty but its link holds 2 sentences"),
    (lambda po: setattr(po[0], "msgctxt", "link 1"), "is not 'src I,J / tgt K'"),
    (lambda po: setattr(po[0], "msgctxt", "src 0 / tgt 1"), "sentence numbers start at 1"),
    (lambda po: setattr(po[1], "msgctxt", "src 1 / tgt 2"), "already in another entry"),
    (lambda po: setattr(po[0], "comment", "paragraphs: src 1 / tgt 1"), "no '#. N-M link"),
    (lambda po: setattr(po[0], "comment", "1-1 link, confidence 0.9"), "no '#. paragraphs"),
    (lambda po: setattr(po[0], "comment", "1-1 link, confidence high\nparagraphs: src 1 / tgt 1"),
     "is not a number"),
    (lambda po: setattr(po[3], "comment", "2-1 link, confidence 0.6\nparagraphs: src 2 / tgt 2"),
     r"lists 1\+1 sentences but the msgctxt 2\+1"),
    (lambda po: po.remove(po[2]), "source sentence 3 is in no entry"),
    (lambda po: po.metadata.pop("X-Source-Language"), "lacks Language or X-Source-Language"),
    (lambda po: po.metadata.update({"X-Alignment-Signature-Data": "{"}), "Signature-Data"),
])
def test_malformed_entries_raise_po_format_error_with_file_and_line(tmp_path: Path, change,
                                                                    message: str) -> None:
    path = po_file(tmp_path)
    edit(path, change)
    with pytest.raises(POFormatError, match=message) as info:
        read_po(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_entry_errors_name_the_line(tmp_path: Path) -> None:
    path = po_file(tmp_path)
    edit(path, lambda po: setattr(po[3], "msgstr", "one\ntwo"))
    line = next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1)
                if text == "#. 2-1 link, confidence 0.62")
    with pytest.raises(POFormatError, match=f"line {line}: the target side has 2 line"):
        read_po(path)


@pytest.mark.parametrize("content, message", [
    ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', "Syntax error"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    ('msgid "a"\nmsgstr "b"\n', "lacks Language"),
    # a text given where a PO was asked for: say so, not "Syntax error (line 1)"
    ("The old bridge. It stood for centuries.\n", r"not a PO file \(no msgid\); give a PO that alignment wrote"),
    ("<html><body>Le pont.</body></html>", "not a PO file"),
])
def test_unreadable_files_raise_po_format_error(tmp_path: Path, content, message: str) -> None:
    path = tmp_path / "bad.po"
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    with pytest.raises(POFormatError, match=message):
        read_po(path)


@pytest.mark.parametrize("transform", [
    lambda b: b.replace(b"\n", b"\r\n"),                         # saved on Windows
    lambda b: b"\xef\xbb\xbf" + b,                                 # with a UTF-8 BOM
], ids=["crlf", "bom"])
def test_files_saved_by_other_editors_still_read(tmp_path: Path, transform) -> None:
    path = tmp_path / "other.po"
    path.write_bytes(transform((GOLDEN / "small.po").read_bytes()))
    assert read_po(path) == small_bitext()


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such PO file"):
        read_po(tmp_path / "nope.po")


def test_other_comments_and_obsolete_entries_are_ignored(tmp_path: Path) -> None:
    path = po_file(tmp_path)

    def annotate(po: polib.POFile) -> None:
        po[0].comment += "\ncheck: [numbers] error: numbers differ"
        po[0].tcomment = "a translator's note"
        po.append(polib.POEntry(msgid="old", msgstr="vieux", obsolete=True))
    edit(path, annotate)
    assert read_po(path) == small_bitext()


@pytest.mark.parametrize("text", ["nul\x00", "bell\x07", "esc\x1b[0m"])
def test_control_characters_are_refused_on_write(tmp_path: Path, text: str) -> None:
    b = Bitext((Sentence(text),), (Sentence("ok"),), Alignment((Link((0,), (0,)),)), "fr", "en")
    with pytest.raises(InputError, match="control character"):
        write_po(b, tmp_path / "x.po")
    assert not (tmp_path / "x.po").exists()


@pytest.mark.parametrize("field, value", [("corpus_id", "a\nb"), ("src_lang", " fr"),
                                          ("tgt_lang", "en\r")])
def test_header_values_that_would_break_the_header_are_refused(field: str, value: str) -> None:
    with pytest.raises(InputError, match="PO header"):
        bitext_to_po(replace(small_bitext(), **{field: value}))


def test_link_naming_a_missing_sentence_is_refused() -> None:
    b = Bitext((Sentence("a"),), (Sentence("b"),), Alignment((Link((0, 1), (0,)),)), "fr", "en")
    with pytest.raises(InputError, match="link 1 names source sentence 2, but that text has 1"):
        bitext_to_po(b)


# ---------------------------------------------------------------- never overwrite a person's work


def test_write_po_replaces_its_own_unedited_output(tmp_path: Path) -> None:
    path = po_file(tmp_path)
    other = replace(small_bitext(), corpus_id="again")
    write_po(other, path)
    assert read_po(path).corpus_id == "again"


@pytest.mark.parametrize("change, reason", [
    (lambda po: setattr(po[1], "msgstr", "Yes!"), "was edited since"),
    (lambda po: po[3].flags.remove("fuzzy"), "was edited since"),
    (lambda po: setattr(po[0], "tcomment", "check the date"), "was edited since"),
    (lambda po: po.metadata.pop("X-Alignment-Checksum"), "was not written by alignment"),
    (lambda po: setattr(po[0], "msgctxt", "x"), "was edited since"),
    (lambda po: po[0].flags.append("fuzzy"), "was edited since"),   # a person: "needs work"
    (lambda po: setattr(po[0], "comment", ""), "not a PO file alignment can read"),
])
def test_write_po_refuses_to_replace_an_edited_file(tmp_path: Path, change, reason: str) -> None:
    path = po_file(tmp_path)
    edit(path, change)
    before = path.read_bytes()
    with pytest.raises(POConflict, match=f"{reason}.*--overwrite-edited"):
        ensure_replaceable(path)
    with pytest.raises(POConflict, match=f"{reason}.*--overwrite-edited"):
        write_po(small_bitext(), path)
    ensure_replaceable(path, overwrite_edited=True)
    assert path.read_bytes() == before
    write_po(small_bitext(), path, overwrite_edited=True)
    assert read_po(path) == small_bitext()


@pytest.mark.parametrize("content", [b"", b"\n", b"  \n\n"])
def test_an_empty_file_is_replaced_without_asking(tmp_path: Path, content: bytes) -> None:
    """`touch out.po` (or a shell's `> out.po`) before `-o out.po`: it holds nothing to lose,
    and was refused as 'not written by alignment'."""
    path = tmp_path / "out.po"
    path.write_bytes(content)
    assert edited_reason(path) is None
    write_po(small_bitext(), path)
    assert read_po(path) == small_bitext()


@pytest.mark.parametrize("change", [
    lambda po: (po[0].flags.append("fuzzy"),                    # a check asked for review:
                setattr(po[0], "comment", po[0].comment + "\ncheck: [names] warning: x")),  # both
    lambda po: setattr(po[0], "comment", po[0].comment + "\ncheck: [numbers] error: x"),
    lambda po: po.metadata.update({"X-Generator": "Poedit 3.4", "Last-Translator": "Ann"}),
])
def test_changes_that_are_not_human_work_do_not_block_rewriting(tmp_path: Path, change) -> None:
    path = po_file(tmp_path)
    edit(path, change)
    assert edited_reason(path) is None
    write_po(small_bitext(), path)


def test_a_file_that_is_not_a_po_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "notes.po"
    path.write_text("my notes, not a PO file\n")
    with pytest.raises(POConflict):
        write_po(small_bitext(), path)
    assert path.read_text() == "my notes, not a PO file\n"


# ---------------------------------------------------------------- the app's save


def test_save_po_marks_corrections_and_returns_the_fingerprint(tmp_path: Path) -> None:
    path = po_file(tmp_path)
    fingerprint = file_fingerprint(path)
    corrected = replace(small_bitext(), tgt=(*small_bitext().tgt[:5], Sentence("Yes!", 2)))
    new = save_po(corrected, path, expected_fingerprint=fingerprint)
    assert new == file_fingerprint(path) != fingerprint
    assert read_po(path) == corrected
    assert "holds a person's corrections" in (edited_reason(path) or "")
    with pytest.raises(POConflict, match="corrections"):
        write_po(small_bitext(), path)


def test_save_po_refuses_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    path = po_file(tmp_path)
    fingerprint = file_fingerprint(path)
    edit(path, lambda po: setattr(po[1], "msgstr", "Changed elsewhere."))
    changed = path.read_bytes()
    with pytest.raises(POConflict, match="changed on disk since it was opened"):
        save_po(small_bitext(), path, expected_fingerprint=fingerprint)
    assert path.read_bytes() == changed


def test_save_po_to_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "new.po"
    assert file_fingerprint(path) == ""
    assert save_po(small_bitext(), path, expected_fingerprint="") == file_fingerprint(path)


# ---------------------------------------------------------------- atomic writes


def test_atomic_write_keeps_mode_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    atomic_write_text(path, "one\r\ntwo\n")
    assert path.read_bytes() == b"one\r\ntwo\n"
    path.chmod(0o640)
    atomic_write_bytes(path, b"three")
    assert path.read_bytes() == b"three" and stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_text(path, "new")
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]


# ---------------------------------------------------------------- golden files


def edited_bitext() -> Bitext:
    """small_bitext after a proofreader's session: a fixed translation, a link split, reviews."""
    b = small_bitext()
    tgt = b.tgt[:3] + (Sentence("He left.", 1), Sentence("He did not come back.", 1)) + b.tgt[4:]
    links = (*b.alignment.links[:3], Link((3,), (3,), 0.62, True), Link((4,), (4,), 0.62, True),
             Link((5,), (), 0.41, True), Link((), (5,), 0.5, True), Link((6,), (6,), 0.95, True))
    return replace(b, tgt=tgt, alignment=replace(b.alignment, links=links))


@pytest.mark.parametrize("name, make", [("small.po", small_bitext), ("small-edited.po", edited_bitext)])
def test_golden_po(name: str, make) -> None:
    text = str(bitext_to_po(make(), revision_date=DATE))
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        atomic_write_text(golden, text)
    assert text == golden.read_text(encoding="utf-8"), "regenerate with UPDATE_GOLDEN=1 if intended"
    assert read_po(golden) == make()


@pytest.mark.skipif(MSGFMT is None, reason="msgfmt (Debian package gettext) is not installed")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bitext=bitexts())
def test_property_msgfmt_accepts_random_bitexts(tmp_path: Path, bitext: Bitext) -> None:
    """Any text but a side beginning or ending with a newline (docs/po-format.md, Limits)."""
    po = bitext_to_po(bitext)
    assume(not any(t[:1] == "\n" or t[-1:] == "\n" for e in po for t in (e.msgid, e.msgstr)))
    path = write_po(bitext, tmp_path / "prop.po", overwrite_edited=True)
    run = subprocess.run([MSGFMT, "--check", "-o", os.devnull, str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 0 and not run.stderr, run.stderr


# ---------------------------------------------------------------- what msgfmt refuses (issue 10, item 5)


@pytest.mark.parametrize("change, message", [
    (lambda t: t.replace('msgstr "Yes."\n', 'msgstr "Yes.\n', 1), "unterminated or malformed"),
    (lambda t: t.replace('msgid "Oui."\nmsgstr "Yes."', 'msgid "Oui."\nmsgid_plural "Ouis."\n'
                         'msgstr[0] "Yes."\nmsgstr[1] "Yeses."', 1), "plural entry"),
    (lambda t: t.replace("confidence 0.62", "confidence nan"), "not a number from 0 to 1"),
    (lambda t: t.replace("confidence 0.62", "confidence inf"), "not a number from 0 to 1"),
    (lambda t: t.replace("confidence 0.62", "confidence -0.5"), "not a number from 0 to 1"),
    (lambda t: t.replace("X-Alignment-Format: 1", "X-Alignment-Format: 2"), "reads format 1"),
    (lambda t: t.replace("X-Alignment-Review-Threshold: 0.9", "X-Alignment-Review-Threshold: nan"),
     "Threshold 'nan'"),
    (lambda t: t.replace('"Language: en\\n"', '"Language: e\\u001bn\\n"'), "is not a language code"),
], ids=["unterminated", "plural", "nan", "inf", "negative", "format-2", "threshold-nan", "lang"])
def test_what_msgfmt_refuses_is_refused_with_file_and_line(tmp_path: Path, change, message) -> None:
    path = tmp_path / "bad.po"
    text = (GOLDEN / "small.po").read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    with pytest.raises(POFormatError, match=message) as info:
        read_po(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_unterminated_string_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.po"
    lines = (GOLDEN / "small.po").read_text(encoding="utf-8").split("\n")
    k = lines.index('msgstr "Yes."')
    lines[k] = 'msgstr "Yes.'
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(POFormatError, match=f"line {k + 1}: unterminated"):
        read_po(path)


# ---------------------------------------------------------------- order from msgctxt (item 3)


@pytest.mark.skipif(MSGCAT is None, reason="msgcat (Debian package gettext) is not installed")
@pytest.mark.parametrize("option", ["--sort-output", "--sort-by-file"])
def test_a_sorted_po_reads_in_text_order(tmp_path: Path, option: str) -> None:
    path, out = po_file(tmp_path), tmp_path / "sorted.po"
    subprocess.run([MSGCAT, option, "-o", str(out), str(path)], check=True)
    ctxts = [e.msgctxt for e in polib.pofile(str(out))]
    assert ctxts != [e.msgctxt for e in polib.pofile(str(path))]  # really reordered
    assert read_po(out) == small_bitext()


def test_entries_that_cross_are_refused(tmp_path: Path) -> None:
    path = po_file(tmp_path)

    def cross(po: polib.POFile) -> None:  # 1-1 links 2 and 3 swap their targets
        po[1].msgctxt, po[2].msgctxt = "src 2 / tgt 3", "src 3 / tgt 2"
    edit(path, cross)
    with pytest.raises(POFormatError, match="does not continue the links before it"):
        read_po(path)


def test_links_out_of_order_are_not_written() -> None:
    b = small_bitext()
    links = list(b.alignment.links)
    links[1], links[2] = Link((1,), (2,)), Link((2,), (1,))
    with pytest.raises(InputError, match="not in text order"):
        bitext_to_po(replace(b, alignment=replace(b.alignment, links=tuple(links))))


# ---------------------------------------------------------------- keep what we do not own (item 2)


def test_a_translation_typed_into_an_omission_is_kept(tmp_path: Path) -> None:
    path = po_file(tmp_path)
    edit(path, lambda po: setattr(po[4], "msgstr", "A sentence now translated."))
    back = read_po(path)
    assert back.alignment.links[4] == Link((5,), (4,), 0.41, reviewed=True)
    assert [s.text for s in back.tgt] == ["Preface", "“Yes.”", "Yes.", "He left and never came back.",
                                          "A sentence now translated.", "An added sentence.", "Yes."]
    assert back.alignment.links[5].tgt == (5,) and back.alignment.links[6].tgt == (6,)
    assert edited_reason(path) is not None
    again = tmp_path / "again.po"
    write_po(back, again)
    assert read_po(again) == back


def test_a_source_typed_into_an_addition_is_kept(tmp_path: Path) -> None:
    path = po_file(tmp_path)
    edit(path, lambda po: setattr(po[5], "msgid", "Une phrase retrouvée."))
    back = read_po(path)
    assert back.alignment.links[5] == Link((6,), (4,), 0.5, reviewed=True)
    assert [s.text for s in back.src][5:] == ["Une phrase omise.", "Une phrase retrouvée.", "Oui."]
    assert back.alignment.links[6].src == (7,)


def test_app_save_keeps_translator_comments_and_foreign_header_fields(tmp_path: Path) -> None:
    path = po_file(tmp_path)

    def poedit(po: polib.POFile) -> None:
        po[1].tcomment = "check with the author"
        po[3].tcomment = "the 2-1 is fine"
        po.metadata["X-Poedit-Bookmarks"] = "3"
        po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    edit(path, poedit)
    bitext = read_po(path)
    links = list(bitext.alignment.links)
    links[3] = replace(links[3], reviewed=True)
    edited = replace(bitext, alignment=replace(bitext.alignment, links=tuple(links)))
    save_po(edited, path, expected_fingerprint=file_fingerprint(path))
    saved = polib.pofile(str(path))
    assert saved[1].tcomment == "check with the author" and saved[3].tcomment == "the 2-1 is fine"
    assert saved.metadata["X-Poedit-Bookmarks"] == "3"
    assert saved.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert saved.metadata["X-Alignment-Edited"] == "yes" and read_po(path) == edited


CHECK_NOTE = "check: [numbers] warning: numbers differ: sept in the original, 8 in the translation"


def _other_tools_marks(po: polib.POFile) -> None:
    """What msgmerge, Poedit and `alignment check --format po` leave in a PO we did not write."""
    po[1].comment += f"\n{CHECK_NOTE}"   # longer than the width: polib wraps it over two lines
    po[1].flags.append("fuzzy")
    po[2].comment += "\nreviewer: ok"
    po[2].flags.append("no-wrap")
    po[2].previous_msgid = "Oui ?"
    po.append(polib.POEntry(msgid="Une ligne retirée.", msgstr="A line taken out.", obsolete=True))


@pytest.mark.parametrize("changed, kept, dropped", [
    # nothing changed: every flag, note, #| and #~ stays
    (None, {1: [CHECK_NOTE, "fuzzy"], 2: ["reviewer: ok", "no-wrap", "#| Oui ?"]}, {}),
    # link 1's text corrected: its finding (all of it) and its fuzzy were of the old text
    (1, {2: ["reviewer: ok", "no-wrap", "#| Oui ?"]}, {1: ["check:", "translation", "fuzzy"]}),
    # link 2's text corrected: another tool's note and flag stay, its #| (of the old text) goes
    (2, {1: [CHECK_NOTE, "fuzzy"], 2: ["reviewer: ok", "no-wrap"]}, {2: ["#| Oui ?"]}),
])
def test_a_save_keeps_other_tools_flags_notes_and_obsolete_entries(tmp_path, changed, kept, dropped):
    path = po_file(tmp_path)
    edit(path, _other_tools_marks)
    bitext = read_po(path)
    if changed is not None:
        tgt = list(bitext.tgt)
        j = bitext.alignment.links[changed].tgt[0]
        tgt[j] = Sentence("Corrected.", tgt[j].paragraph)
        bitext = replace(bitext, tgt=tuple(tgt))
    save_po(bitext, path, expected_fingerprint=file_fingerprint(path))
    saved = polib.pofile(str(path))

    def marks(k: int) -> str:   # its notes (wrapped lines joined), flags and #|
        e = saved[k]
        return " ".join([*(e.comment or "").split("\n"), "|", *e.flags, "|", f"#| {e.previous_msgid}"])
    for k, expected in kept.items():
        assert all(m in marks(k) for m in expected), (k, marks(k))
    for k, gone in dropped.items():
        assert not any(m in marks(k) for m in gone), (k, marks(k))
    assert [e.msgid for e in saved.obsolete_entries()] == ["Une ligne retirée."]
    assert read_po(path) == bitext


def test_a_save_marked_not_edited_keeps_the_checksum_and_the_marks(tmp_path: Path) -> None:
    """`alignment words` adds word links in place: an intact file stays intact (checksum, no
    Edited mark), with what `alignment check --format po` and other tools wrote in it."""
    path = po_file(tmp_path)
    edit(path, _other_tools_marks)
    assert edited_reason(path) is None
    bitext = read_po(path)
    links = list(bitext.alignment.links)
    links[0] = replace(links[0], words=(WordLink(0, 0, 0.9, True),))
    linked = replace(bitext, alignment=replace(bitext.alignment, links=tuple(links)))
    save_po(linked, path, expected_fingerprint=file_fingerprint(path), mark_edited=False)
    saved = polib.pofile(str(path))
    assert CHECK_NOTE in " ".join(saved[1].comment.split("\n")) and "fuzzy" in saved[1].flags
    assert [e.msgid for e in saved.obsolete_entries()] == ["Une ligne retirée."]
    assert "X-Alignment-Edited" not in saved.metadata and edited_reason(path) is None
    assert read_po(path) == linked


@pytest.mark.parametrize("mark, foreign", [
    ("", False),
    ("#, fuzzy\n", False),
    ("#. words: 0-0 1p1\n#. 2-2 3-3\n", False),
    ("#, no-wrap\n", True),
    ("#, fuzzy, c-format\n", True),
    ("#. check: numbers differ\n", True),
    ('#| msgid "old"\n', True),
])
def test_has_foreign_sees_other_tools_marks(tmp_path, mark, foreign):
    path = po_file(tmp_path)
    data = path.read_bytes().replace(b'msgctxt "src 2 / tgt 2"', mark.encode() + b'msgctxt "src 2 / tgt 2"', 1)
    assert has_foreign(data) is foreign


def test_a_comment_on_a_link_that_was_merged_moves_with_its_sentence(tmp_path: Path) -> None:
    path = po_file(tmp_path)
    edit(path, lambda po: setattr(po[2], "tcomment", "second Yes"))
    b = read_po(path)
    links = list(b.alignment.links)
    links[1:3] = [Link((1, 2), (1, 2), 0.9, True)]
    merged = replace(b, alignment=replace(b.alignment, links=tuple(links)))
    save_po(merged, path, expected_fingerprint=file_fingerprint(path))
    assert polib.pofile(str(path))[1].tcomment == "second Yes"


# ---------------------------------------------------------------- two processes saving (item 1)


def _saver(path: str, slot: int, rounds: int, barrier, queue) -> None:
    """Each round: read the file when the other process does, correct target sentence `slot`,
    save at the same moment as the other. Report saves, refusals and any edit of ours lost."""
    from alignment.po import read_po_fingerprinted

    saved, lost, conflicts, mine = 0, 0, 0, None
    for k in range(rounds):
        barrier.wait()
        bitext, fingerprint = read_po_fingerprinted(path)
        if mine is not None and bitext.tgt[slot].text != mine:
            lost += 1
        text = f"round {k} by slot {slot}"
        tgt = list(bitext.tgt)
        tgt[slot] = Sentence(text, tgt[slot].paragraph)
        barrier.wait()  # both saves start together, from the same version of the file
        try:
            save_po(replace(bitext, tgt=tuple(tgt)), path, expected_fingerprint=fingerprint)
            saved, mine = saved + 1, text
        except POConflict:
            conflicts += 1
    barrier.wait()
    bitext, _ = read_po_fingerprinted(path)
    lost += mine is not None and bitext.tgt[slot].text != mine
    queue.put((slot, saved, lost, conflicts, mine))


def test_two_processes_saving_one_big_po_never_lose_an_edit(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    monkeypatch.setenv("ALIGNMENT_PO_SNAPSHOTS", "1")  # reads as fast as the app's
    n = 10_000
    sents = tuple(Sentence(f"Sentence number {i}.", i // 20) for i in range(n))
    big = Bitext(sents, sents, Alignment(tuple(Link((i,), (i,), 0.95) for i in range(n))), "fr", "en")
    path = write_po(big, tmp_path / "big.po")
    ctx = multiprocessing.get_context("fork")
    queue, barrier, rounds = ctx.Queue(), ctx.Barrier(2, timeout=120), 3
    workers = [ctx.Process(target=_saver, args=(str(path), slot, rounds, barrier, queue))
               for slot in (0, 1)]
    for w in workers:
        w.start()
    results = sorted(queue.get(timeout=300) for _ in workers)
    for w in workers:
        w.join(timeout=30)
    final = read_po(path)
    for slot, saved, lost, conflicts, mine in results:
        assert lost == 0, results
        assert final.tgt[slot].text == (mine or sents[slot].text), results
    # every round: one save won, the other was refused (never both written)
    assert sum(r[1] for r in results) == rounds and sum(r[3] for r in results) == rounds, results


# ---------------------------------------------------------------- fuzz: only named errors


_MUTATIONS = st.lists(st.tuples(st.sampled_from(["delete", "insert", "duplicate", "swap", "cut", "poke"]),
                                st.integers(0, 10_000),
                                st.text(st.sampled_from('"\\ntx0123,.-#:/ ')
                                        | st.characters(blacklist_categories=("Cs",)),
                                        max_size=12)), min_size=1,
                      max_size=4)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=_MUTATIONS)
def test_fuzz_mutated_po_reads_or_raises_a_named_error(tmp_path: Path, mutations) -> None:
    """Lines deleted, inserted, duplicated, swapped, cut or typed into: a Bitext or an
    AlignmentError with a one-line message, never a traceback."""
    from alignment.errors import AlignmentError

    lines = (GOLDEN / "small.po").read_text(encoding="utf-8").split("\n")
    for kind, at, text in mutations:
        k = at % len(lines)
        if kind == "delete" and len(lines) > 1:
            del lines[k]
        elif kind == "insert":
            lines.insert(k, text)
        elif kind == "duplicate":
            lines.insert(k, lines[k])
        elif kind == "swap":
            lines[k], lines[-1 - k] = lines[-1 - k], lines[k]
        elif kind == "poke":  # characters typed inside a line (quotes, backslashes, digits...)
            cut = at % (len(lines[k]) + 1)
            lines[k] = lines[k][:cut] + text + lines[k][cut:]
        else:
            lines[k] = lines[k][: len(lines[k]) // 2]
    path = tmp_path / "fuzz.po"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        read_po(path)
    except AlignmentError as exc:
        assert "\n" not in str(exc)
    edited_reason(path)  # never raises


# ---------------------------------------------------------------- word links


def test_word_links_are_written_as_documented_and_read_back(tmp_path: Path) -> None:
    words = (WordLink(0, 0, 0.97), WordLink(2, 1, 0.85), WordLink(3, 1, 0.4, sure=False))
    bitext = Bitext((Sentence("Le chat dort bien."),), (Sentence("The cat sleeps."),),
                    Alignment((Link((0,), (0,), 0.95, words=words),)), "fr", "en")
    path = write_po(bitext, tmp_path / "w.po")
    text = path.read_text(encoding="utf-8")
    # the confidences after the key of the texts they were made on (po_words.text_key)
    assert re.search(r"#\. words: 0-0 2-1 3p1\n#\. word confidence: text=[0-9a-f]{8} 97 85 40\n", text)
    assert read_po(path).alignment.links[0].words == words


@pytest.mark.parametrize("lines", ["#. words: 0-0 2x1\n#. word confidence: 97 85\n",
                                   "#. words: 0-0 2-1\n#. word confidence: 97\n"])
def test_malformed_word_links_name_the_entry(tmp_path: Path, lines: str) -> None:
    bitext = Bitext((Sentence("Oui."),), (Sentence("Yes."),),
                    Alignment((Link((0,), (0,), 0.95, words=(WordLink(0, 0, 0.9),)),)), "fr", "en")
    path = write_po(bitext, tmp_path / "w.po")
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"#\. words: 0-0\n#\. word confidence: text=[0-9a-f]{8} 90\n", lines, text),
                    encoding="utf-8")
    with pytest.raises(POFormatError, match=r"w\.po.*words"):
        read_po(path)


def test_a_po_written_before_checksums_saw_fuzzy_is_still_known_as_unedited(tmp_path: Path) -> None:
    """Files written with the first checksum ('sha256:') are read by its rules: an intact one
    may be replaced, an edited one may not."""
    from alignment.po_read import entries_checksum

    path = po_file(tmp_path)
    edit(path, lambda po: po.metadata.update({"X-Alignment-Checksum": entries_checksum(po, "sha256")}))
    assert edited_reason(path) is None
    edit(path, lambda po: setattr(po[0], "tcomment", "check the date"))
    assert edited_reason(path) == "was edited since alignment wrote it (texts, reviews or comments changed)"


def test_atomic_write_refuses_a_pipe_and_keeps_it(tmp_path: Path) -> None:
    """`export --tsv fifo.tsv` replaced the FIFO a reader waited on with a plain file (and, as
    root, --tmx /dev/full replaced the device node)."""
    import os
    import stat

    from alignment.atomic import atomic_write_bytes
    from alignment.errors import InputError

    fifo = tmp_path / "fifo.tsv"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="fifo.tsv is not a plain file"):
        atomic_write_bytes(fifo, b"data")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.listdir(tmp_path) == ["fifo.tsv"]


def test_atomic_write_through_a_link_updates_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    """'-o sl.po' where sl.po links to real/target.po replaced the link with a plain file and
    left the target stale."""
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "target.po"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "sl.po"
    link.symlink_to(target)
    assert atomic_write_text(link, "new") == link
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"
    assert not [p for p in (tmp_path / "real").iterdir() if p.name != "target.po"]


def test_saving_over_a_file_deleted_since_it_was_read_says_it_is_gone(tmp_path):
    """Not 'changed on disk ... reload it': there is nothing to reload."""
    from alignment.po import file_fingerprint, save_po

    small = Bitext((Sentence("Oui."),), (Sentence("Yes."),), Alignment((Link((0,), (0,), 0.97),)),
                   "fr", "en")
    path = write_po(small, tmp_path / "gone.po")
    seen = file_fingerprint(path)
    path.unlink()
    with pytest.raises(POConflict, match=r"gone\.po is no longer on disk \(deleted or moved"):
        save_po(small, path, expected_fingerprint=seen)
    assert not path.exists()
    save_po(small, path, expected_fingerprint="")   # written again, as asked
    assert read_po(path) == small


@pytest.mark.parametrize("old, new, where", [
    (b'msgstr "Yes."', b'msgstr "Ye\x00s."', "the translation holds control character U+0000"),
    (b'msgid "Oui."', b'msgid "Ou\x1bi."', "the original holds control character U+001B"),
    (b'msgstr "Yes."', b'msgstr "Ye\x07s."', "the translation holds control character U+0007"),
])
def test_a_po_whose_text_holds_a_control_character_is_refused_with_its_line(
        tmp_path: Path, old: bytes, new: bytes, where: str) -> None:
    """A NUL in a msgstr: the file opened, was checked (no finding) and exported with it, and
    only a save refused it, naming no file. Now reading refuses, with the file and line; the
    CLI says so in one line."""
    from click.testing import CliRunner

    from alignment.cli import main
    from alignment.errors import POFormatError

    src, tgt = (Sentence("Il pleut."), Sentence("Oui.")), (Sentence("It rains."), Sentence("Yes."))
    path = tmp_path / "pairs.po"
    write_po(Bitext(src, tgt, Alignment((Link((0,), (0,)), Link((1,), (1,)))), "fr", "en"), path)
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new))
    with pytest.raises(POFormatError, match=rf"pairs\.po, line \d+: {re.escape(where)}"):
        read_po(path)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") \
        and where in result.stderr and len(result.stderr.strip().splitlines()) == 1
